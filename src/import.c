/*
 * import: CSV rows into a portfolio (see import.h and import-int.h).
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>
#include <libxml/parser.h>

#include "import.h"
#include "import-int.h"
#include "xmlload.h"

static void
people_free(struct ctx *c)
{
	size_t	i;

	for (i = 0; i < c->npeople; i++) {
		free(c->people[i].id);
		free(c->people[i].name);
		free(c->people[i].fold);
	}
	free(c->people);
	c->people = NULL;
	c->npeople = 0;
}

static void
people_add(struct ctx *c, const char *id, const char *name)
{
	struct person	*np;

	if ((np = realloc(c->people, (c->npeople + 1) * sizeof(*np))) ==
	    NULL) {
		c->oom = 1;
		return;
	}
	c->people = np;
	np = &c->people[c->npeople];
	np->id = strdup(id);
	np->name = strdup(name != NULL ? name : "");
	np->fold = sheet_fold(name != NULL ? name : "");
	if (np->id == NULL || np->name == NULL || np->fold == NULL) {
		free(np->id);
		free(np->name);
		free(np->fold);
		c->oom = 1;
		return;
	}
	c->npeople++;
}

/* The people of the portfolio, when no people.csv replaces them. */
static void
people_from_doc(struct ctx *c)
{
	xmlNodePtr	 p;
	xmlChar		*id, *name;

	p = sheet_child(sheet_child(xmlDocGetRootElement(c->doc), "people"),
	    "person");
	for (; p != NULL; p = p->next) {
		if (!sheet_is_element(p, "person"))
			continue;
		id = xmlGetProp(p, (const xmlChar *)"id");
		name = xmlNodeGetContent(sheet_child(p, "name"));
		if (id != NULL)
			people_add(c, (const char *)id, (const char *)name);
		xmlFree(id);
		xmlFree(name);
	}
	c->people_from = c->docname;
}

const struct person *
im_person_by_id(const struct ctx *c, const char *id)
{
	size_t	i;

	for (i = 0; i < c->npeople; i++)
		if (strcmp(c->people[i].id, id) == 0)
			return &c->people[i];
	return NULL;
}

/*
 * A person column: the id, or with it empty the name of the person.
 * Returns the id (borrowed) or NULL: none given, or an error (*bad set).
 */
static const char *
person_cell(struct ctx *c, const struct table *tb, long line, int idcol,
    const char *id, int namecol, const char *name, int *bad)
{
	const struct person	*p;
	char			 q[80], q2[80], *fold;
	size_t			 i, n = 0;
	int			 hit = -1;
	GString			*ids;

	if (id[0] != '\0') {
		if ((p = im_person_by_id(c, id)) == NULL) {
			im_cell_error(c, tb, line, idcol, "no one in %s has "
			    "the id '%s': expected the id of a person listed "
			    "there%s", c->people_from,
			    im_clip(id, q, sizeof(q)), namecol >= 0 ?
			    ", or the id cell left empty and the person's "
			    "name" : "");
			*bad = 1;
			return NULL;
		}
		if (name[0] != '\0' && (fold = sheet_fold(name)) != NULL) {
			if (strcmp(fold, p->fold) != 0) {
				im_cell_error(c, tb, line, namecol,
				    "'%s' is not "
				    "the name of '%s' in %s ('%s'): correct "
				    "the id or the name", im_clip(name, q,
				    sizeof(q)), p->id, c->people_from,
				    im_clip(p->name, q2, sizeof(q2)));
				*bad = 1;
			}
			free(fold);
		}
		return *bad ? NULL : p->id;
	}
	if (name[0] == '\0')
		return NULL;
	if ((fold = sheet_fold(name)) == NULL) {
		c->oom = 1;
		return NULL;
	}
	ids = g_string_new(NULL);
	for (i = 0; i < c->npeople; i++)
		if (strcmp(c->people[i].fold, fold) == 0) {
			g_string_append_printf(ids, "%s'%s'", n ? ", " : "",
			    c->people[i].id);
			hit = (int)i;
			n++;
		}
	free(fold);
	if (n == 0)
		im_cell_error(c, tb, line, namecol,
		    "'%s' matches no one in %s: "
		    "expected the name of a person listed there (case and "
		    "accents as written there do not matter), or their id in "
		    "the column before", im_clip(name, q, sizeof(q)),
		    c->people_from);
	else if (n > 1)
		im_cell_error(c, tb, line, namecol,
		    "'%s' matches %zu people in "
		    "%s (%s): give the id of the one meant", im_clip(name, q,
		    sizeof(q)), n, c->people_from, ids->str);
	g_string_free(ids, TRUE);
	if (n != 1) {
		*bad = 1;
		return NULL;
	}
	return c->people[hit].id;
}

/* An id for a person listed without one: p-NAME, unique. */
static char *
person_id_new(struct ctx *c, const char *name, long line)
{
	char	base[48], *id = NULL;
	size_t	n = 0;
	int	dash = 0, k;
	const char *p;

	for (p = name; *p != '\0' && n < 40; p++) {
		if (isalnum((unsigned char)*p) && (unsigned char)*p < 0x80) {
			if (dash && n > 0)
				base[n++] = '-';
			base[n++] = (char)tolower((unsigned char)*p);
			dash = 0;
		} else
			dash = 1;
	}
	base[n] = '\0';
	for (k = 1; k < 10000; k++) {
		free(id);
		if (n == 0)
			id = k == 1 ? g_strdup_printf("p-row%ld", line) :
			    g_strdup_printf("p-row%ld-%d", line, k);
		else
			id = k == 1 ? g_strdup_printf("p-%s", base) :
			    g_strdup_printf("p-%s-%d", base, k);
		if (!g_hash_table_contains(c->ids, id))
			return id;
	}
	free(id);
	return NULL;
}

/* Record id as used at file:line; -1 (after a message) when it was. */
static int
id_register(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *id)
{
	struct idplace	*pl;

	if ((pl = g_hash_table_lookup(c->ids, id)) != NULL) {
		if (pl->file == c->docname)
			im_cell_error(c, tb, line, fcol,
			    "'%s' is already the id "
			    "of something else in %s (line %ld): ids must be "
			    "unique in the whole portfolio", id, pl->file,
			    pl->line);
		else if (pl->file == tb->name)
			im_cell_error(c, tb, line, fcol,
			    "'%s' is already the id "
			    "of row %ld: ids must be unique", id, pl->line);
		else
			im_cell_error(c, tb, line, fcol,
			    "'%s' is already the id "
			    "of row %ld of %s: ids must be unique in the whole "
			    "portfolio", id, pl->line, pl->file);
		return -1;
	}
	pl = g_new(struct idplace, 1);
	pl->file = tb != NULL ? tb->name : c->docname;
	pl->line = line;
	g_hash_table_insert(c->ids, g_strdup(id), pl);
	return 0;
}

/* ---------------------------------------------------------------- */
/* Tables                                                           */
/* ---------------------------------------------------------------- */

/* The kind told by the file name: training.csv, amelie-training.csv. */
static const struct sheet_kind *
kind_of_name(const char *path)
{
	const char		*base = strrchr(path, '/');
	const struct sheet_kind	*k;
	char			*stem, *p;
	size_t			 i, n, kl;

	base = base != NULL ? base + 1 : path;
	if ((stem = strdup(base)) == NULL)
		return NULL;
	n = strlen(stem);
	if (n > 4 && strcasecmp(stem + n - 4, ".csv") == 0)
		stem[n -= 4] = '\0';
	for (p = stem; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (i = 0; (k = sheet_kind_at(i)) != NULL; i++) {
		kl = strlen(k->name);
		if (strcmp(stem, k->name) == 0 || (n > kl &&
		    strcmp(stem + n - kl, k->name) == 0 &&
		    strchr("-_ .", stem[n - kl - 1]) != NULL))
			break;
	}
	free(stem);
	return k;
}

/*
 * Whether every named header cell is a column of k, and k's required
 * columns are there.
 */
static int
kind_fits(const struct sheet_kind *k, const struct csvtab_row *h)
{
	size_t	i, j;
	int	col;

	for (i = 0; i < h->ncells; i++)
		if (h->cells[i][strspn(h->cells[i], " \t")] != '\0' &&
		    sheet_column_find(k, h->cells[i]) == -1)
			return 0;
	for (j = 0; j < k->ncolumns; j++) {
		if (!k->columns[j].required)
			continue;
		for (i = 0; i < h->ncells; i++)
			if ((col = sheet_column_find(k, h->cells[i])) >= 0 &&
			    (size_t)col == j)
				break;
		if (i == h->ncells)
			return 0;
	}
	return 1;
}

static const struct sheet_kind *
kind_of_header(const struct csvtab_row *h)
{
	const struct sheet_kind	*k, *found = NULL;
	size_t			 i;

	for (i = 0; (k = sheet_kind_at(i)) != NULL; i++)
		if (kind_fits(k, h)) {
			if (found != NULL)
				return NULL;
			found = k;
		}
	return found;
}

static void
column_list(const struct sheet_kind *k, char *buf, size_t bufsz)
{
	size_t	i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < k->ncolumns && n < bufsz; i++)
		n += (size_t)snprintf(buf + n, bufsz - n, "%s'%s'",
		    i ? ", " : "", k->columns[i].header);
}

/* Whether header cell i is empty in every row. */
static int
column_empty(const struct csvtab *t, size_t i)
{
	size_t	r;

	for (r = 0; r < t->nrows; r++)
		if (i < t->rows[r].ncells &&
		    t->rows[r].cells[i][strspn(t->rows[r].cells[i], " \t")] !=
		    '\0')
			return 0;
	return 1;
}

/* Tell the kind and map the header.  Returns -1 after messages. */
static int
table_header(struct ctx *c, struct table *tb)
{
	const struct csvtab_row	*h = &tb->t->header;
	const struct sheet_kind	*k = tb->k;
	char			 cols[600], q[80];
	size_t			 i, j;
	int			 col, bad = 0, has_person = 0;

	tb->width = h->ncells;
	tb->colmap = calloc(h->ncells ? h->ncells : 1, sizeof(int));
	tb->filecol = calloc(k->ncolumns, sizeof(int));
	if (tb->colmap == NULL || tb->filecol == NULL) {
		c->oom = 1;
		return -1;
	}
	for (j = 0; j < k->ncolumns; j++)
		tb->filecol[j] = -1;
	column_list(k, cols, sizeof(cols));
	for (i = 0; i < h->ncells; i++) {
		tb->colmap[i] = -1;
		if (h->cells[i][strspn(h->cells[i], " \t")] == '\0') {
			if (!column_empty(tb->t, i)) {
				im_cell_error(c, tb, h->line, (int)i, "this "
				    "column has cells but no name in the "
				    "header row: expected one of %s", cols);
				bad = 1;
			}
			continue;
		}
		if ((col = sheet_column_find(k, h->cells[i])) == -1) {
			im_cell_error(c, tb, h->line, (int)i, "'%s' is not a "
			    "column of %s rows: expected one of %s",
			    im_clip(h->cells[i], q, sizeof(q)), k->name, cols);
			bad = 1;
			continue;
		}
		if (tb->filecol[col] != -1) {
			im_cell_error(c, tb, h->line, (int)i,
			    "'%s' names column "
			    "'%s' again (it is column %d already)",
			    im_clip(h->cells[i], q, sizeof(q)),
			    k->columns[col].header, tb->filecol[col] + 1);
			bad = 1;
			continue;
		}
		tb->colmap[i] = col;
		tb->filecol[col] = (int)i;
	}
	for (j = 0; j < k->ncolumns; j++) {
		if (k->columns[j].cell == SHEET_PERSON &&
		    (tb->filecol[j] != -1 || (j + 1 < k->ncolumns &&
		    tb->filecol[j + 1] != -1)))
			has_person = 1;
		if (k->columns[j].required && tb->filecol[j] == -1) {
			diag_report(c->d, DIAG_ERROR, tb->name, h->line, 0,
			    "the required column '%s' is missing from the "
			    "header row (it names the columns: %s)",
			    k->columns[j].header, cols);
			bad = 1;
		}
	}
	if (strcmp(k->name, "references") == 0 && !has_person) {
		diag_report(c->d, DIAG_ERROR, tb->name, h->line, 0, "the "
		    "header row needs a column 'person' or 'person name' "
		    "saying who rates");
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* The cell of column col in row r ("" when absent). */
static const char *
cell(const struct table *tb, const struct csvtab_row *r, size_t col)
{
	int	fc = tb->filecol[col];

	if (fc < 0 || (size_t)fc >= r->ncells)
		return "";
	return sheet_cell_plain(r->cells[fc]);
}

/* First pass: every explicit id of the table, and too-wide rows. */
static int
table_ids(struct ctx *c, struct table *tb)
{
	const struct csvtab_row	*r;
	char			*v, q[80];
	size_t			 i, j;
	int			 bad = 0;

	for (i = 0; i < tb->t->nrows; i++) {
		r = &tb->t->rows[i];
		for (j = tb->width; j < r->ncells; j++)
			if (r->cells[j][strspn(r->cells[j], " \t")] != '\0') {
				im_cell_error(c, tb, r->line, (int)j,
				    "this row "
				    "has %zu cells but the header row names "
				    "%zu columns: the extra cell holds '%s' "
				    "(is a comma or semicolon in a cell not "
				    "quoted?)", r->ncells, tb->width,
				    im_clip(r->cells[j], q, sizeof(q)));
				bad = 1;
				break;
			}
		for (j = 0; j < tb->k->ncolumns; j++) {
			if (tb->k->columns[j].cell != SHEET_ID)
				continue;
			if ((v = im_trimmed(cell(tb, r, j))) == NULL) {
				c->oom = 1;
				return -1;
			}
			if (v[0] != '\0' && !im_is_identifier(v)) {
				im_cell_error(c, tb, r->line, tb->filecol[j],
				    "'%s' is not an id: expected %s",
				    im_clip(v, q, sizeof(q)),
				    im_expect_of(c, "identifier"));
				bad = 1;
			} else if (v[0] != '\0' &&
			    id_register(c, tb, r->line, tb->filecol[j], v) ==
			    -1)
				bad = 1;
			free(v);
		}
	}
	return bad ? -1 : 0;
}

/* Columns j (a person's id) and j + 1 (the name) of row r, into e. */
static void
person_column(struct ctx *c, struct table *tb, const struct csvtab_row *r,
    size_t j, xmlNodePtr e, int *bad)
{
	const struct sheet_kind	*k = tb->k;
	char			*id = im_trimmed(cell(tb, r, j));
	char			*name = im_trimmed(cell(tb, r, j + 1));
	const char		*pid;
	int			 was = *bad;

	*bad = 0;
	if (id == NULL || name == NULL) {
		c->oom = 1;
		goto out;
	}
	pid = person_cell(c, tb, r->line, tb->filecol[j], id,
	    tb->filecol[j + 1], name, bad);
	if (pid != NULL)
		im_set_attr(c, e, k->columns[j].node, pid);
	else if (!*bad && strcmp(k->element, "reference") == 0) {
		im_cell_error(c, tb, r->line, tb->filecol[j] >= 0 ?
		    tb->filecol[j] : tb->filecol[j + 1], "the cell is empty: "
		    "expected who rates, by id or (with the id empty) by name "
		    "in column 'person name'");
		*bad = 1;
	}
out:
	*bad |= was;
	free(id);
	free(name);
}

/* A person's row without an id (column j): one made from the name. */
static void
person_id_fill(struct ctx *c, struct table *tb, const struct csvtab_row *r,
    size_t j, xmlNodePtr e)
{
	char	*name = im_trimmed(cell(tb, r, j + 1));
	char	*id = name != NULL ? person_id_new(c, name, r->line) : NULL;

	if (id != NULL && id_register(c, tb, r->line, tb->filecol[j], id) ==
	    0)
		im_set_attr(c, e, "id", id);
	else
		c->oom = 1;
	free(id);
	free(name);
}

/* Build the element of one row; NULL after messages (*bad) or OOM. */
static xmlNodePtr
row_element(struct ctx *c, struct table *tb, const struct csvtab_row *r)
{
	const struct sheet_kind		*k = tb->k;
	const struct sheet_column	*col;
	xmlNodePtr			 e;
	char				*v = NULL, **words, **entries;
	const char			*w;
	GString				*list;
	size_t				 j, i;
	int				 bad = 0, fc;

	if ((e = im_new_element(c, k->element)) == NULL)
		return NULL;
	for (j = 0; j < k->ncolumns; j++) {
		col = &k->columns[j];
		fc = tb->filecol[j];
		if (col->cell == SHEET_PERSON && j + 1 < k->ncolumns) {
			person_column(c, tb, r, j, e, &bad);
			continue;
		}
		if (col->cell == SHEET_PERSON_NAME)
			continue;
		free(v);
		v = NULL;
		v = im_cell_copy(cell(tb, r, j), col->cell != SHEET_TEXT ||
		    strcmp(col->type, "text") != 0);
		if (v == NULL) {
			c->oom = 1;
			break;
		}
		if (v[strspn(v, " \t\r\n")] == '\0') {
			if (col->nonempty && col->cell != SHEET_ID) {
				im_cell_error(c, tb, r->line, fc, "the cell is "
				    "empty: expected %s", im_expect_of(c,
				    col->type));
				bad = 1;
			}
			if (col->cell == SHEET_ID &&
			    strcmp(k->element, "person") == 0)
				person_id_fill(c, tb, r, j, e);
			continue;
		}
		if (im_check_chars(c, tb, r->line, fc, col->type, v,
		    (col->cell == SHEET_TEXT && strcmp(col->type, "text") ==
		    0) || col->cell == SHEET_ENDORSEMENTS ||
		    col->cell == SHEET_VETTED) == -1) {
			bad = 1;
			continue;
		}
		switch (col->cell) {
		case SHEET_ID:
			/* checked and registered in the first pass */
			im_set_attr(c, e, col->node, v);
			break;
		case SHEET_DATE:
		case SHEET_END_DATE:
			if (im_check_date(c, tb, r->line, fc, v,
			    col->cell == SHEET_END_DATE) == -1)
				bad = 1;
			else
				im_set_attr(c, e, col->node,
				    im_date_ok(c, v) ? v : "ongoing");
			break;
		case SHEET_HOURS:
			if (im_check_hours(c, tb, r->line, fc, v) == -1)
				bad = 1;
			else
				im_set_attr(c, e, col->node, v);
			break;
		case SHEET_WORD:
			if ((w = im_check_word(c, tb, r->line, fc, col->type,
			    v)) == NULL)
				bad = 1;
			else
				im_set_attr(c, e, col->node, w);
			break;
		case SHEET_WORDS:
		case SHEET_CHILD_WORDS:
			words = im_split_words(v, " \t\r\n,;");
			list = g_string_new(NULL);
			for (i = 0; words[i] != NULL; i++) {
				if ((w = im_check_word(c, tb, r->line, fc,
				    col->type, words[i])) == NULL) {
					bad = 1;
					continue;
				}
				if (col->cell == SHEET_CHILD_WORDS)
					im_add_child(c, e, col->node, w);
				else
					g_string_append_printf(list, "%s%s",
					    list->len ? " " : "", w);
			}
			if (col->cell == SHEET_WORDS && list->len > 0)
				im_set_attr(c, e, col->node, list->str);
			g_string_free(list, TRUE);
			g_strfreev(words);
			break;
		case SHEET_PERSON:
		case SHEET_PERSON_NAME:
			/* above */
			break;
		case SHEET_TEXT:
			if (im_check_text(c, tb, r->line, fc, col->type,
			    v) == -1)
				bad = 1;
			else
				im_add_child(c, e, col->node, v);
			break;
		case SHEET_ENDORSEMENTS:
		case SHEET_VETTED:
			entries = g_strsplit_set(v, ";\r\n", -1);
			for (i = 0; entries[i] != NULL; i++)
				if ((col->cell == SHEET_ENDORSEMENTS ?
				    im_endorsement_entry(c, tb, r->line, fc, e,
				    entries[i]) : im_association_entry(c, tb,
				    r->line, fc, e, col->node, entries[i],
				    1)) == -1)
					bad = 1;
			g_strfreev(entries);
			break;
		case SHEET_APPROVED:
			words = im_split_words(v, " \t\r\n,;");
			for (i = 0; words[i] != NULL; i++)
				if (im_association_entry(c, tb, r->line, fc, e,
				    col->node, words[i], 0) == -1)
					bad = 1;
			g_strfreev(words);
			break;
		}
	}
	free(v);
	if (bad || c->oom) {
		xmlFreeNode(e);
		return NULL;
	}
	return e;
}

/* Second pass: the elements of every row. */
static int
table_rows(struct ctx *c, struct table *tb)
{
	size_t		i;
	xmlNodePtr	e;
	xmlChar		*id, *name;
	int		bad = 0;

	if ((tb->rows = calloc(tb->t->nrows + 1, sizeof(*tb->rows))) ==
	    NULL) {
		c->oom = 1;
		return -1;
	}
	for (i = 0; i < tb->t->nrows && !c->oom; i++) {
		if ((e = row_element(c, tb, &tb->t->rows[i])) == NULL) {
			bad = 1;
			continue;
		}
		tb->rows[tb->nrows++] = e;
		if (strcmp(tb->k->element, "person") == 0) {
			id = xmlGetProp(e, (const xmlChar *)"id");
			name = xmlNodeGetContent(sheet_child(e, "name"));
			if (id != NULL)
				people_add(c, (const char *)id,
				    (const char *)name);
			xmlFree(id);
			xmlFree(name);
		}
	}
	return bad || c->oom ? -1 : 0;
}

enum sheet_status
import_tables(xmlDocPtr doc, const char *docname,
    const struct sheet_schema *s, struct csvtab *const *tables,
    const char *const *names, size_t n, struct diag *d)
{
	struct ctx		 c;
	struct table		*tbs = NULL;
	const struct sheet_kind	*k;
	char			 unit[32];
	size_t			 i, j, kind;
	int			 bad = 0, have_people = 0;
	enum sheet_status	 rc = SHEET_REJECTED;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.docname = docname;
	c.s = s;
	c.d = d;
	c.ns = xmlSearchNsByHref(doc, xmlDocGetRootElement(doc),
	    (const xmlChar *)SHEET_NS);
	c.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	im_facets_read(&c);
	if ((tbs = calloc(n ? n : 1, sizeof(*tbs))) == NULL)
		goto oom;

	/* Which kind each file holds, in the kinds' order (people first). */
	j = 0;
	for (kind = 0; (k = sheet_kind_at(kind)) != NULL; kind++)
		for (i = 0; i < n; i++) {
			const struct sheet_kind *ik = kind_of_name(names[i]);

			if (ik == NULL)
				ik = kind_of_header(&tables[i]->header);
			if (ik != k)
				continue;
			tbs[j].t = tables[i];
			tbs[j].name = names[i];
			tbs[j].k = k;
			j++;
		}
	for (i = 0; i < n; i++) {
		if (kind_of_name(names[i]) != NULL ||
		    kind_of_header(&tables[i]->header) != NULL)
			continue;
		diag_error(d, names[i], 0, "cannot tell what the rows are: "
		    "name the file training.csv, sessions.csv, "
		    "positions.csv, leadership.csv, people.csv or "
		    "references.csv, or give it the header row of one of "
		    "them (see 'endorse export')");
		bad = 1;
	}
	for (i = 1; i < j; i++)
		if (tbs[i].k == tbs[i - 1].k) {
			diag_error(d, tbs[i].name, 0, "%s and %s both hold %s: "
			    "give one file of each kind", tbs[i - 1].name,
			    tbs[i].name, tbs[i].k->name);
			bad = 1;
		}
	if (bad)
		goto out;
	n = j;

	for (i = 0; i < n; i++)
		if (table_header(&c, &tbs[i]) == -1)
			bad = 1;
	if (c.oom)
		goto oom;
	if (bad)
		goto out;
	im_ids_of_doc(&c, tbs, n, xmlDocGetRootElement(doc));
	for (i = 0; i < n; i++)
		if (table_ids(&c, &tbs[i]) == -1)
			bad = 1;
	for (i = 0; i < n; i++)
		if (strcmp(tbs[i].k->name, "people") == 0) {
			have_people = 1;
			c.people_from = tbs[i].name;
		}
	if (!have_people)
		people_from_doc(&c);
	for (i = 0; i < n; i++)
		if (table_rows(&c, &tbs[i]) == -1)
			bad = 1;
	if (have_people && im_refs_still_resolve(&c, tbs, n,
	    xmlDocGetRootElement(doc)) == -1)
		bad = 1;
	if (c.oom)
		goto oom;
	if (bad)
		goto out;

	im_indent_unit(xmlDocGetRootElement(doc), unit, sizeof(unit));
	for (i = 0; i < n; i++)
		im_table_put(&c, &tbs[i], unit);
	if (c.oom)
		goto oom;
	rc = SHEET_OK;
	goto out;
oom:
	diag_error(d, docname, 0, "out of memory");
	rc = SHEET_INTERNAL;
out:
	for (i = 0; tbs != NULL && i < n; i++) {
		for (j = 0; j < tbs[i].nrows; j++)
			xmlFreeNode(tbs[i].rows[j]);
		free(tbs[i].rows);
		free(tbs[i].colmap);
		free(tbs[i].filecol);
	}
	free(tbs);
	people_free(&c);
	g_hash_table_destroy(c.ids);
	return rc;
}

enum sheet_status
import_run(const struct sheet_check *check, const struct sheet_schema *s,
    const char *into, const char *const *csv, size_t n, const char *out,
    struct diag *d)
{
	enum xmlload_status	  xs;
	enum csvtab_status	  cs;
	enum sheet_status	  rc = SHEET_REJECTED;
	struct csvtab		**tables = NULL;
	xmlDocPtr		  doc = NULL, back = NULL;
	xmlChar			 *buf = NULL;
	const char		 *outname;
	size_t			  i;
	int			  len = 0, bad = 0;

	outname = strcmp(out, "-") == 0 ? "<stdout>" : out;
	if ((doc = xmlload_file(into, NULL, d, &xs)) == NULL)
		return xs == XMLLOAD_CANNOT_OPEN ? SHEET_CANNOT_OPEN :
		    SHEET_REJECTED;
	if (check->run(check->arg, doc, into, d) != 0)
		goto out;
	if ((tables = calloc(n ? n : 1, sizeof(*tables))) == NULL) {
		rc = SHEET_INTERNAL;
		goto out;
	}
	for (i = 0; i < n; i++)
		if ((tables[i] = csvtab_load(csv[i], NULL, d, &cs)) == NULL) {
			if (cs == CSVTAB_CANNOT_OPEN)
				rc = SHEET_CANNOT_OPEN;
			bad = 1;
		}
	if (bad)
		goto out;
	if ((rc = import_tables(doc, into, s, tables, csv, n, d)) !=
	    SHEET_OK)
		goto out;
	rc = SHEET_REJECTED;
	xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
	if (buf == NULL) {
		rc = SHEET_INTERNAL;
		goto out;
	}
	/* What is written is what is checked: read the result back. */
	if ((back = xmlload_memory((const char *)buf, (size_t)len, outname, d,
	    &xs)) == NULL || check->run(check->arg, back, outname, d) != 0) {
		diag_error(d, outname, 0, "not written: the portfolio the "
		    "CSV files make is not valid (the lines above are those "
		    "of the file that would have been written)");
		goto out;
	}
	rc = sheet_save(out, buf, (size_t)len, d);
out:
	for (i = 0; tables != NULL && i < n; i++)
		csvtab_free(tables[i]);
	free(tables);
	xmlFree(buf);
	xmlFreeDoc(back);
	xmlFreeDoc(doc);
	return rc;
}
