/*
 * import-int: what the modules of import share; private to them.
 *
 * import (import.h) is three files around one struct ctx (one import):
 *   import.c       the tables: their kind, header and rows, people and
 *                  ids, the entry points;
 *   import-cell.c  one cell: its characters, its value checked against
 *                  the schema's type, the message when it is bad, and the
 *                  XML it makes;
 *   import-tree.c  the rows put in the portfolio in place of the old ones,
 *                  indented like the rest.
 * Functions shared between them carry the private prefix im_.
 *
 * Included only by those files.
 */
#ifndef IMPORT_INT_H
#define IMPORT_INT_H

#include <stddef.h>

#include <glib.h>
#include <libxml/tree.h>

#include "csvtab.h"
#include "diag.h"
#include "sheet.h"

/* How much of a cell a message quotes. */
#define QUOTE_MAX	60

/* Where an identifier is already used. */
struct idplace {
	const char	*file;
	long		 line;
};

/* One person sessions and references may point at. */
struct person {
	char	*id;
	char	*name;
	char	*fold;
};

/* One CSV file being imported. */
struct table {
	struct csvtab		*t;
	const char		*name;
	const struct sheet_kind	*k;
	int			*colmap;	/* header cell -> column, or -1 */
	size_t			 width;		/* header cells */
	int			*filecol;	/* column -> header cell, or -1 */
	xmlNodePtr		*rows;		/* built elements, unlinked */
	size_t			 nrows;
};

struct ctx {
	xmlDocPtr		 doc;
	xmlNsPtr		 ns;
	const char		*docname;
	const struct sheet_schema *s;
	struct diag		*d;
	GHashTable		*ids;		/* id -> struct idplace */
	struct person		*people;
	size_t			 npeople;
	const char		*people_from;	/* file the people come from */
	int			 oom;
	/* from the schema's facets of its types "date" and "hours" */
	char			 date_min[16], date_max[16];
	int			 hours_frac;	/* decimal places */
	long long		 hours_max;	/* in units of the last place */
};

/* import-cell.c: messages */
void		 im_cell_error(struct ctx *, const struct table *, long line,
		    int fcol, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));
const char	*im_clip(const char *s, char *buf, size_t bufsz);
const char	*im_expect_of(const struct ctx *, const char *type);

/* import-cell.c: cells, checked against the schema's types */
char		*im_cell_copy(const char *s, int trim);
char		*im_trimmed(const char *s);
char		**im_split_words(const char *s, const char *seps);
void		 im_facets_read(struct ctx *);
int		 im_date_ok(const struct ctx *, const char *s);
int		 im_is_identifier(const char *s);
int		 im_check_chars(struct ctx *, const struct table *, long line,
		    int fcol, const char *type, const char *v, int lines_ok);
int		 im_check_date(struct ctx *, const struct table *, long line,
		    int fcol, const char *v, int ongoing_ok);
int		 im_check_hours(struct ctx *, const struct table *, long line,
		    int fcol, const char *v);
int		 im_check_text(struct ctx *, const struct table *, long line,
		    int fcol, const char *type, const char *v);
const char	*im_check_word(struct ctx *, const struct table *, long line,
		    int fcol, const char *type, const char *v);

/* import-cell.c: the XML a cell makes */
xmlNodePtr	 im_new_element(struct ctx *, const char *name);
void		 im_set_attr(struct ctx *, xmlNodePtr e, const char *name,
		    const char *v);
xmlNodePtr	 im_add_child(struct ctx *, xmlNodePtr e, const char *name,
		    const char *text);
int		 im_endorsement_entry(struct ctx *, const struct table *,
		    long line, int fcol, xmlNodePtr person, const char *entry);
int		 im_association_entry(struct ctx *, const struct table *,
		    long line, int fcol, xmlNodePtr person,
		    const char *element, const char *entry, int with_date);

/* import.c: people */
const struct person *im_person_by_id(const struct ctx *, const char *id);

/* import-tree.c: the rows in the portfolio */
void		 im_ids_of_doc(struct ctx *, const struct table *tbs,
		    size_t n, xmlNodePtr node);
int		 im_refs_still_resolve(struct ctx *, const struct table *tbs,
		    size_t n, xmlNodePtr node);
void		 im_indent_unit(xmlNodePtr root, char *buf, size_t bufsz);
void		 im_table_put(struct ctx *, struct table *, const char *unit);

#endif
