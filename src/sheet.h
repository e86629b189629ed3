/*
 * sheet: the portfolio's repeated parts as spreadsheet tables.
 *
 * One table per kind of repeated element (training.csv holds courses,
 * sessions.csv RS/C sessions, ...): which section and element a kind
 * maps to, its columns in export order, and for each column where its
 * value lives in the XML (an attribute, a child element, a list) and
 * which type of applicant.xsd its cells must hold.  The column names are
 * documented in schemas/README.md ("Spreadsheets"); a header cell matches
 * a column ignoring case, spaces and punctuation ("About RS/C" is
 * about-rsc).
 *
 * struct sheet_schema holds the facts read from applicant.xsd itself at
 * run time, so that the words a cell may hold and the "expected ..."
 * of messages follow the schema when it changes: the values of each
 * closed list, each type's documentation, and the order of the sections.
 *
 * Included by export, import and skeleton.  The kind and column tables
 * are static constants; the caller owns a struct sheet_schema
 * (sheet_schema_free) and every string sheet_fold and sheet_key return
 * (free).
 */
#ifndef SHEET_H
#define SHEET_H

#include <stddef.h>
#include <libxml/tree.h>

struct diag;

/* What a column's cells hold and where the value goes in the XML. */
enum sheet_cell {
	SHEET_ID,		/* @node, an identifier */
	SHEET_DATE,		/* @node, a date YYYY-MM-DD */
	SHEET_END_DATE,		/* @node, a date or 'ongoing' */
	SHEET_HOURS,		/* @node, clock hours */
	SHEET_WORD,		/* @node, one word of a closed list */
	SHEET_WORDS,		/* @node, words of a closed list, space-separated */
	SHEET_CHILD_WORDS,	/* one <node> child per word of a closed list */
	SHEET_PERSON,		/* @node, the id of a person */
	SHEET_PERSON_NAME,	/* the name of that person, when the id is empty */
	SHEET_TEXT,		/* <node> child text (name, title, text, email) */
	SHEET_ENDORSEMENTS,	/* <endorsement> children */
	SHEET_APPROVED,		/* <approved-provider> children */
	SHEET_VETTED		/* <vetted-level-iv-clinical> children */
};

struct sheet_column {
	const char	*header;	/* as export writes it */
	const char	*alias;		/* another accepted name, or NULL */
	const char	*node;		/* attribute or child element */
	enum sheet_cell	 cell;
	const char	*type;		/* applicant.xsd type of a cell */
	int		 required;	/* the header must name it */
	int		 nonempty;	/* every row must fill it */
};

struct sheet_kind {
	const char		*name;		/* "training": training.csv */
	const char		*section;	/* "training" */
	const char		*element;	/* "course" */
	const char		*followed_by;	/* element that comes after, or NULL */
	const struct sheet_column *columns;
	size_t			 ncolumns;
};

size_t		 sheet_kind_count(void);
const struct sheet_kind *sheet_kind_at(size_t);
const struct sheet_kind *sheet_kind_find(const char *name);

/*
 * The column of k whose header or alias matches the header cell s (see
 * above), or -1.
 */
int		 sheet_column_find(const struct sheet_kind *k, const char *s);

/* A header cell's key: case-folded letters and digits only. */
char		*sheet_key(const char *s);

/*
 * A person's name for matching (RULES.md): Unicode NFC, case-folded,
 * runs of spaces as one, no spaces at the ends.  NULL for invalid UTF-8.
 */
char		*sheet_fold(const char *s);

/* What export, import and new report to their caller. */
enum sheet_status {
	SHEET_OK = 0,
	SHEET_CANNOT_OPEN,	/* an input cannot be read */
	SHEET_REJECTED,		/* a bad cell, an invalid portfolio */
	SHEET_CANNOT_CREATE,	/* the output cannot be created */
	SHEET_IO_ERROR,		/* writing the output failed */
	SHEET_INTERNAL		/* out of memory, unreadable data files */
};

/*
 * How a portfolio is checked against the schema, as `endorse validate`
 * does: run returns 0 when doc is valid, -1 after reporting to d.  The
 * CLI passes its pipeline's check; tests pass validate_run.
 */
struct sheet_check {
	int	(*run)(void *arg, xmlDocPtr doc, const char *name,
		    struct diag *d);
	void	*arg;
};

/*
 * Cells that a spreadsheet would run as a formula (starting with '=',
 * '+', '-', '@', a tab or a carriage return: applicant data must never
 * become a formula on a coordinator's machine) are written with a "'"
 * before them, which spreadsheets take as "this is text"; a cell that
 * already starts with "'" and then such a character gets one more, so
 * that reading undoes exactly what writing did.
 * sheet_cell_defuse returns a new string; sheet_cell_plain points into s.
 */
char		*sheet_cell_defuse(const char *s);
const char	*sheet_cell_plain(const char *s);

/* Whether n is the portfolio element name (NULL: any element). */
int		 sheet_is_element(xmlNodePtr n, const char *name);

/* The first child element of parent called name, or NULL. */
xmlNodePtr	 sheet_child(xmlNodePtr parent, const char *name);

/* Write a finished file through outfile (atomically): its status. */
enum sheet_status sheet_save(const char *path, const void *data, size_t len,
		    struct diag *d);

/* The namespace of portfolios. */
#define SHEET_NS	"urn:endorse:portfolio:1"

struct sheet_schema;

struct sheet_schema *sheet_schema_load(const char *xsd_path,
		    struct diag *d);
void		 sheet_schema_free(struct sheet_schema *);

/* The schema document itself (borrowed), for skeleton. */
xmlDocPtr	 sheet_schema_doc(const struct sheet_schema *);

/*
 * The words of the closed list type (an xs:enumeration), NULL-terminated
 * (borrowed); NULL when the type has none.
 */
const char *const *sheet_schema_words(const struct sheet_schema *,
		    const char *type);

/* The xs:documentation of a named type ("a date written ..."), or "". */
const char	*sheet_schema_expect(const struct sheet_schema *,
		    const char *type);

/*
 * The value of a facet of a named simple type (facet "fractionDigits",
 * "maxInclusive", ...), a new string, or NULL when it has none.
 */
char		*sheet_schema_facet(const struct sheet_schema *,
		    const char *type, const char *facet);

/* The xs:maxLength of a named type, in characters, or 0. */
long		 sheet_schema_maxlen(const struct sheet_schema *,
		    const char *type);

/* The portfolio's sections in schema order, NULL-terminated (borrowed). */
const char *const *sheet_schema_sections(const struct sheet_schema *);

#endif
