/*
 * import: CSV rows into a portfolio (see import.h).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <glib.h>
#include <libxml/parser.h>

#include "csvtab.h"
#include "diag.h"
#include "import.h"
#include "outfile.h"
#include "sheet.h"
#include "validate.h"
#include "xmlload.h"

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
};

/* "column 'hours': MESSAGE" at FILE:ROW:COL. */
static void
cell_error(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
cell_error(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*msg = NULL;
	int	 col = fcol >= 0 && (size_t)fcol < tb->width ?
	    tb->colmap[fcol] : -1;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (col >= 0)
		diag_report(c->d, DIAG_ERROR, tb->name, line, fcol + 1,
		    "column '%s': %s", tb->k->columns[col].header,
		    msg != NULL ? msg : fmt);
	else
		diag_report(c->d, DIAG_ERROR, tb->name, line,
		    fcol >= 0 ? fcol + 1 : 0, "%s", msg != NULL ? msg : fmt);
	free(msg);
}

static const char *
clip(const char *s, char *buf, size_t bufsz)
{
	return diag_clip(s, QUOTE_MAX, buf, bufsz);
}

/* The schema's words for a closed list, and what a message expects. */
static const char *
expect_of(const struct ctx *c, const char *type)
{
	const char	*e = sheet_schema_expect(c->s, type);
	char		 plural[64];

	if (*e == '\0') {
		snprintf(plural, sizeof(plural), "%ss", type);
		e = sheet_schema_expect(c->s, plural);
	}
	return *e != '\0' ? e : type;
}

/* ---------------------------------------------------------------- */
/* Cells                                                            */
/* ---------------------------------------------------------------- */

/*
 * A copy of s with CRLF and CR as LF (what XML makes of them) and, when
 * trim, without spaces and tabs at both ends.
 */
static char *
cell_copy(const char *s, int trim)
{
	char	*out, *q;
	size_t	 n;

	if (trim)
		s += strspn(s, " \t");
	if ((out = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	for (q = out; *s != '\0'; s++) {
		if (*s == '\r') {
			*q++ = '\n';
			if (s[1] == '\n')
				s++;
		} else
			*q++ = *s;
	}
	n = (size_t)(q - out);
	while (trim && n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		n--;
	out[n] = '\0';
	return out;
}

static char *
trimmed(const char *s)
{
	return cell_copy(s, 1);
}

static int
is_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	y, m, d, i, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= mdays[m - 1] && !(m == 2 && d == 29 && !leap);
}

/* Written like a date, just not YYYY-MM-DD: what a spreadsheet does. */
static int
looks_like_other_date(const char *s)
{
	size_t	digits = strspn(s, "0123456789");

	if (strpbrk(s, "/.") != NULL && digits > 0 && digits <= 4)
		return 1;
	/* 17-05-2013, 2013-5-17 */
	return strchr(s, '-') != NULL && digits > 0 && digits <= 4 &&
	    strspn(s, "0123456789-") == strlen(s);
}

static int
check_date(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *v, int ongoing_ok)
{
	char	q[80];

	if (is_date(v))
		return 0;
	if (ongoing_ok && strcasecmp(v, "ongoing") == 0)
		return 0;
	if (strlen(v) == 10 && v[4] == '-' && v[7] == '-' &&
	    strspn(v, "0123456789-") == 10)
		cell_error(c, tb, line, fcol, "'%s' is not a date of the "
		    "calendar (or is before 1900 or after 2199): expected %s",
		    v, expect_of(c, ongoing_ok ? "end-date" : "date"));
	else if (looks_like_other_date(v) || (strspn(v, "0123456789") ==
	    strlen(v) && strlen(v) == 5))
		cell_error(c, tb, line, fcol, "'%s' is not written YYYY-MM-DD:"
		    " a spreadsheet may have reformatted the date; write it "
		    "as YYYY-MM-DD (such as 2024-09-30)%s and format the "
		    "column as text so that it stays so", clip(v, q,
		    sizeof(q)), ongoing_ok ? ", or 'ongoing'," : "");
	else
		cell_error(c, tb, line, fcol, "'%s' is not a date: expected "
		    "%s", clip(v, q, sizeof(q)), expect_of(c, ongoing_ok ?
		    "end-date" : "date"));
	return -1;
}

static int
check_hours(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *v)
{
	const char	*p = v;
	size_t		 whole, frac = 0;
	char		 q[80];

	whole = strspn(p, "0123456789");
	p += whole;
	if (*p == '.') {
		frac = strspn(p + 1, "0123456789");
		p += 1 + frac;
	}
	if (*p == '\0' && whole >= 1 && whole <= 5 && (v[whole] == '\0' ||
	    (frac >= 1 && frac <= 2)))
		return 0;
	clip(v, q, sizeof(q));
	if (v[0] == '-')
		cell_error(c, tb, line, fcol, "'%s' is a negative number of "
		    "hours: expected %s", q, expect_of(c, "hours"));
	else if (*p == '\0' && whole >= 1 && frac > 2)
		cell_error(c, tb, line, fcol, "'%s' has more than two decimal "
		    "places (hours are never rounded): expected %s", q,
		    expect_of(c, "hours"));
	else if (*p == ',' && whole >= 1)
		cell_error(c, tb, line, fcol, "'%s' has a decimal comma: "
		    "write hours with a decimal point, such as 1.5", q);
	else if (*p == '\0' && whole > 5)
		cell_error(c, tb, line, fcol, "'%s' is more hours than a "
		    "portfolio can hold: expected %s", q,
		    expect_of(c, "hours"));
	else
		cell_error(c, tb, line, fcol, "'%s' is not a number of hours: "
		    "expected %s", q, expect_of(c, "hours"));
	return -1;
}

/* The schema's spelling of word in the list type, or NULL. */
static const char *
word_find(const struct ctx *c, const char *type, const char *word)
{
	const char *const	*w = sheet_schema_words(c->s, type);

	for (; w != NULL && *w != NULL; w++)
		if (strcasecmp(*w, word) == 0)
			return *w;
	return NULL;
}

static const char *
check_word(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *type, const char *v)
{
	const char	*w = word_find(c, type, v);
	char		 q[80];

	if (w == NULL)
		cell_error(c, tb, line, fcol, "'%s' is not one of the words "
		    "this column takes: expected %s", clip(v, q, sizeof(q)),
		    expect_of(c, type));
	return w;
}

/* Split s at any of seps into a NULL-terminated list (g_strfreev). */
static char **
split_words(const char *s, const char *seps)
{
	char	**parts = g_strsplit_set(s, seps, -1), **out;
	size_t	  i, n = 0;

	out = g_new0(char *, g_strv_length(parts) + 1);
	for (i = 0; parts[i] != NULL; i++)
		if (parts[i][0] != '\0')
			out[n++] = g_strdup(parts[i]);
	g_strfreev(parts);
	return out;
}

static int
is_identifier(const char *s)
{
	size_t	n = strlen(s), i;

	if (n < 1 || n > 64 || !isalpha((unsigned char)s[0]) ||
	    (unsigned char)s[0] >= 0x80)
		return 0;
	for (i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != '_')
			return 0;
	return 1;
}

/* An association code: [A-Z][A-Z0-9]{0,15}(-[A-Z0-9]{1,16}){0,3}. */
static int
is_association(const char *s)
{
	size_t	i = 1, run, parts = 0;

	if (!isupper((unsigned char)s[0]))
		return 0;
	run = strspn(s + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	if (run > 15)
		return 0;
	i += run;
	while (s[i] == '-') {
		run = strspn(s + i + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (run < 1 || run > 16 || ++parts > 3)
			return 0;
		i += 1 + run;
	}
	return s[i] == '\0';
}

static char *
upper(const char *s)
{
	char	*u = strdup(s), *p;

	for (p = u; p != NULL && *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	return u;
}

/* ---------------------------------------------------------------- */
/* Elements                                                         */
/* ---------------------------------------------------------------- */

static xmlNodePtr
new_element(struct ctx *c, const char *name)
{
	xmlNodePtr	e = xmlNewDocNode(c->doc, c->ns,
			    (const xmlChar *)name, NULL);

	if (e == NULL)
		c->oom = 1;
	return e;
}

static void
set_attr(struct ctx *c, xmlNodePtr e, const char *name, const char *v)
{
	if (xmlSetProp(e, (const xmlChar *)name, (const xmlChar *)v) == NULL)
		c->oom = 1;
}

/* A child element of e, with text (NULL: none). */
static xmlNodePtr
add_child(struct ctx *c, xmlNodePtr e, const char *name, const char *text)
{
	xmlNodePtr	ch = new_element(c, name);

	if (ch == NULL)
		return NULL;
	if (text != NULL)
		xmlNodeAddContent(ch, (const xmlChar *)text);
	if (xmlAddChild(e, ch) == NULL) {
		xmlFreeNode(ch);
		c->oom = 1;
		return NULL;
	}
	return ch;
}

/* One endorsement: "OK-AIMH IV IMHM clinical 2009-05-01". */
static int
endorsement_entry(struct ctx *c, const struct table *tb, long line,
    int fcol, xmlNodePtr person, const char *entry)
{
	char		**tok = split_words(entry, " \t\r\n,");
	const char	*w;
	char		 q[80], *assoc = NULL;
	xmlNodePtr	 e = NULL;
	size_t		 i;
	int		 bad = 0, level = 0, desig = 0, track = 0, date = 0;

	if (tok[0] == NULL)
		goto out;
	assoc = upper(tok[0]);
	if (assoc == NULL || !is_association(assoc)) {
		cell_error(c, tb, line, fcol, "'%s' does not start with an "
		    "association code: expected endorsements such as "
		    "'OK-AIMH IV IMHM clinical 2009-05-01' (association and "
		    "level, then the title, track and date earned when "
		    "known), separated by ';'", clip(entry, q, sizeof(q)));
		bad = 1;
		goto out;
	}
	e = new_element(c, "endorsement");
	if (e == NULL)
		goto out;
	set_attr(c, e, "association", assoc);
	for (i = 1; tok[i] != NULL; i++) {
		if (!level && (w = word_find(c, "level", tok[i])) != NULL) {
			set_attr(c, e, "level", w);
			level = 1;
		} else if (!desig &&
		    (w = word_find(c, "designation", tok[i])) != NULL) {
			set_attr(c, e, "designation", w);
			desig = 1;
		} else if (!track &&
		    (w = word_find(c, "track", tok[i])) != NULL) {
			set_attr(c, e, "track", w);
			track = 1;
		} else if (!date && is_date(tok[i])) {
			set_attr(c, e, "earned", tok[i]);
			date = 1;
		} else {
			cell_error(c, tb, line, fcol, "in '%s': '%s' is not a "
			    "level (I to IV), an endorsement title (%s), a "
			    "track (%s) or a date YYYY-MM-DD", clip(entry, q,
			    sizeof(q)), tok[i], "IFA, IFS, IFRS, IMHS, IMHM",
			    "clinical, policy, research-faculty");
			bad = 1;
		}
	}
	if (!level && !bad) {
		cell_error(c, tb, line, fcol, "'%s' has no level: expected "
		    "an endorsement such as 'OK-AIMH IV IMHM clinical "
		    "2009-05-01' (the level is I, II, III or IV)",
		    clip(entry, q, sizeof(q)));
		bad = 1;
	}
	if (!bad && xmlAddChild(person, e) != NULL)
		e = NULL;
out:
	xmlFreeNode(e);
	free(assoc);
	g_strfreev(tok);
	return bad ? -1 : 0;
}

/* One vetting: "WI-AIMH 2020-03-01" or "WI-AIMH"; or one approved list. */
static int
association_entry(struct ctx *c, const struct table *tb, long line,
    int fcol, xmlNodePtr person, const char *element, const char *entry,
    int with_date)
{
	char		**tok = split_words(entry, " \t\r\n,");
	char		 q[80], *assoc = NULL;
	xmlNodePtr	 e;
	int		 bad = 0;

	if (tok[0] == NULL)
		goto out;
	assoc = upper(tok[0]);
	if (assoc == NULL || !is_association(assoc) || (tok[1] != NULL &&
	    (!with_date || !is_date(tok[1]) || tok[2] != NULL))) {
		if (with_date)
			cell_error(c, tb, line, fcol, "'%s' is not an "
			    "association code with an optional date: "
			    "expected such as 'WI-AIMH 2020-03-01', "
			    "entries separated by ';'",
			    clip(entry, q, sizeof(q)));
		else
			cell_error(c, tb, line, fcol, "'%s' is not an "
			    "association code: expected %s, separated by "
			    "spaces", clip(entry, q, sizeof(q)),
			    expect_of(c, "association"));
		bad = 1;
		goto out;
	}
	if ((e = add_child(c, person, element, NULL)) != NULL) {
		set_attr(c, e, "association", assoc);
		if (with_date && tok[1] != NULL)
			set_attr(c, e, "date", tok[1]);
	}
out:
	free(assoc);
	g_strfreev(tok);
	return bad ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* People                                                           */
/* ---------------------------------------------------------------- */

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

static int
is_element(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrcmp(n->ns->href, (const xmlChar *)SHEET_NS) == 0 &&
	    (name == NULL || xmlStrcmp(n->name, (const xmlChar *)name) == 0);
}

static xmlNodePtr
child_find(xmlNodePtr parent, const char *name)
{
	xmlNodePtr	ch;

	for (ch = parent != NULL ? parent->children : NULL; ch != NULL;
	    ch = ch->next)
		if (is_element(ch, name))
			return ch;
	return NULL;
}

/* The people of the portfolio, when no people.csv replaces them. */
static void
people_from_doc(struct ctx *c)
{
	xmlNodePtr	 p;
	xmlChar		*id, *name;

	p = child_find(child_find(xmlDocGetRootElement(c->doc), "people"),
	    "person");
	for (; p != NULL; p = p->next) {
		if (!is_element(p, "person"))
			continue;
		id = xmlGetProp(p, (const xmlChar *)"id");
		name = xmlNodeGetContent(child_find(p, "name"));
		if (id != NULL)
			people_add(c, (const char *)id, (const char *)name);
		xmlFree(id);
		xmlFree(name);
	}
	c->people_from = c->docname;
}

static const struct person *
person_by_id(const struct ctx *c, const char *id)
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
		if ((p = person_by_id(c, id)) == NULL) {
			cell_error(c, tb, line, idcol, "no one in %s has the "
			    "id '%s': expected the id of a person listed "
			    "there%s", c->people_from, clip(id, q, sizeof(q)),
			    namecol >= 0 ? ", or the id cell left empty and "
			    "the person's name" : "");
			*bad = 1;
			return NULL;
		}
		if (name[0] != '\0' && (fold = sheet_fold(name)) != NULL) {
			if (strcmp(fold, p->fold) != 0) {
				cell_error(c, tb, line, namecol, "'%s' is not "
				    "the name of '%s' in %s ('%s'): correct "
				    "the id or the name", clip(name, q,
				    sizeof(q)), p->id, c->people_from,
				    clip(p->name, q2, sizeof(q2)));
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
		cell_error(c, tb, line, namecol, "'%s' matches no one in %s: "
		    "expected the name of a person listed there (case and "
		    "accents as written there do not matter), or their id in "
		    "the column before", clip(name, q, sizeof(q)),
		    c->people_from);
	else if (n > 1)
		cell_error(c, tb, line, namecol, "'%s' matches %zu people in "
		    "%s (%s): give the id of the one meant", clip(name, q,
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
			cell_error(c, tb, line, fcol, "'%s' is already the id "
			    "of something else in %s (line %ld): ids must be "
			    "unique in the whole portfolio", id, pl->file,
			    pl->line);
		else if (pl->file == tb->name)
			cell_error(c, tb, line, fcol, "'%s' is already the id "
			    "of row %ld: ids must be unique", id, pl->line);
		else
			cell_error(c, tb, line, fcol, "'%s' is already the id "
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

/* Whether every named header cell is a column of k, and k's required ones are there. */
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
				cell_error(c, tb, h->line, (int)i, "this "
				    "column has cells but no name in the "
				    "header row: expected one of %s", cols);
				bad = 1;
			}
			continue;
		}
		if ((col = sheet_column_find(k, h->cells[i])) == -1) {
			cell_error(c, tb, h->line, (int)i, "'%s' is not a "
			    "column of %s rows: expected one of %s",
			    clip(h->cells[i], q, sizeof(q)), k->name, cols);
			bad = 1;
			continue;
		}
		if (tb->filecol[col] != -1) {
			cell_error(c, tb, h->line, (int)i, "'%s' names column "
			    "'%s' again (it is column %d already)",
			    clip(h->cells[i], q, sizeof(q)),
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
	return r->cells[fc];
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
				cell_error(c, tb, r->line, (int)j, "this row "
				    "has %zu cells but the header row names "
				    "%zu columns: the extra cell holds '%s' "
				    "(is a comma or semicolon in a cell not "
				    "quoted?)", r->ncells, tb->width,
				    clip(r->cells[j], q, sizeof(q)));
				bad = 1;
				break;
			}
		for (j = 0; j < tb->k->ncolumns; j++) {
			if (tb->k->columns[j].cell != SHEET_ID)
				continue;
			if ((v = trimmed(cell(tb, r, j))) == NULL) {
				c->oom = 1;
				return -1;
			}
			if (v[0] != '\0' && !is_identifier(v)) {
				cell_error(c, tb, r->line, tb->filecol[j],
				    "'%s' is not an id: expected %s",
				    clip(v, q, sizeof(q)),
				    expect_of(c, "identifier"));
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

/* Check one text cell against its type's length and line rule. */
static int
check_text(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *type, const char *v)
{
	long	max = sheet_schema_maxlen(c->s, type);
	long	len = g_utf8_strlen(v, -1);

	if (strcmp(type, "text") != 0 && strpbrk(v, "\r\n\t") != NULL) {
		cell_error(c, tb, line, fcol, "the cell holds a line break "
		    "or a tab: expected %s", expect_of(c, type));
		return -1;
	}
	if (max > 0 && len > max) {
		cell_error(c, tb, line, fcol, "the cell holds %ld characters, "
		    "more than the %ld allowed: expected %s", len, max,
		    expect_of(c, type));
		return -1;
	}
	if (strcmp(type, "email") == 0 && (strchr(v, '@') == NULL ||
	    strpbrk(v, " \t") != NULL)) {
		char	q[80];

		cell_error(c, tb, line, fcol, "'%s' is not an e-mail address: "
		    "expected %s", clip(v, q, sizeof(q)),
		    expect_of(c, "email"));
		return -1;
	}
	return 0;
}

/* Columns j (a person's id) and j + 1 (the name) of row r, into e. */
static void
person_column(struct ctx *c, struct table *tb, const struct csvtab_row *r,
    size_t j, xmlNodePtr e, int *bad)
{
	const struct sheet_kind	*k = tb->k;
	char			*id = trimmed(cell(tb, r, j));
	char			*name = trimmed(cell(tb, r, j + 1));
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
		set_attr(c, e, k->columns[j].node, pid);
	else if (!*bad && strcmp(k->element, "reference") == 0) {
		cell_error(c, tb, r->line, tb->filecol[j] >= 0 ?
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

	if ((e = new_element(c, k->element)) == NULL)
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
		v = col->cell == SHEET_TEXT && strcmp(col->type, "text") == 0 ?
		    cell_copy(cell(tb, r, j), 0) : trimmed(cell(tb, r, j));
		if (v == NULL) {
			c->oom = 1;
			break;
		}
		if (v[strspn(v, " \t\r\n")] == '\0') {
			if (col->nonempty && col->cell != SHEET_ID) {
				cell_error(c, tb, r->line, fc, "the cell is "
				    "empty: expected %s", expect_of(c,
				    col->type));
				bad = 1;
			}
			if (col->cell == SHEET_ID &&
			    strcmp(k->element, "person") == 0) {
				char	*name = trimmed(cell(tb, r, j + 1));
				char	*id = name != NULL ? person_id_new(c,
					    name, r->line) : NULL;

				if (id != NULL && id_register(c, tb, r->line,
				    fc, id) == 0)
					set_attr(c, e, "id", id);
				else
					c->oom = 1;
				free(id);
				free(name);
			}
			continue;
		}
		switch (col->cell) {
		case SHEET_ID:
			/* checked and registered in the first pass */
			set_attr(c, e, col->node, v);
			break;
		case SHEET_DATE:
		case SHEET_END_DATE:
			if (check_date(c, tb, r->line, fc, v,
			    col->cell == SHEET_END_DATE) == -1)
				bad = 1;
			else
				set_attr(c, e, col->node, is_date(v) ? v :
				    "ongoing");
			break;
		case SHEET_HOURS:
			if (check_hours(c, tb, r->line, fc, v) == -1)
				bad = 1;
			else
				set_attr(c, e, col->node, v);
			break;
		case SHEET_WORD:
			if ((w = check_word(c, tb, r->line, fc, col->type,
			    v)) == NULL)
				bad = 1;
			else
				set_attr(c, e, col->node, w);
			break;
		case SHEET_WORDS:
		case SHEET_CHILD_WORDS:
			words = split_words(v, " \t\r\n,;");
			list = g_string_new(NULL);
			for (i = 0; words[i] != NULL; i++) {
				if ((w = check_word(c, tb, r->line, fc,
				    col->type, words[i])) == NULL) {
					bad = 1;
					continue;
				}
				if (col->cell == SHEET_CHILD_WORDS)
					add_child(c, e, col->node, w);
				else
					g_string_append_printf(list, "%s%s",
					    list->len ? " " : "", w);
			}
			if (col->cell == SHEET_WORDS && list->len > 0)
				set_attr(c, e, col->node, list->str);
			g_string_free(list, TRUE);
			g_strfreev(words);
			break;
		case SHEET_PERSON:
		case SHEET_PERSON_NAME:
			/* above */
			break;
		case SHEET_TEXT:
			if (check_text(c, tb, r->line, fc, col->type, v) == -1)
				bad = 1;
			else
				add_child(c, e, col->node, v);
			break;
		case SHEET_ENDORSEMENTS:
		case SHEET_VETTED:
			entries = g_strsplit_set(v, ";\r\n", -1);
			for (i = 0; entries[i] != NULL; i++)
				if ((col->cell == SHEET_ENDORSEMENTS ?
				    endorsement_entry(c, tb, r->line, fc, e,
				    entries[i]) : association_entry(c, tb,
				    r->line, fc, e, col->node, entries[i],
				    1)) == -1)
					bad = 1;
			g_strfreev(entries);
			break;
		case SHEET_APPROVED:
			words = split_words(v, " \t\r\n,;");
			for (i = 0; words[i] != NULL; i++)
				if (association_entry(c, tb, r->line, fc, e,
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
			name = xmlNodeGetContent(child_find(e, "name"));
			if (id != NULL)
				people_add(c, (const char *)id,
				    (const char *)name);
			xmlFree(id);
			xmlFree(name);
		}
	}
	return bad || c->oom ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* Putting the rows in                                              */
/* ---------------------------------------------------------------- */

static int
is_blank_text(xmlNodePtr n)
{
	return n != NULL && n->type == XML_TEXT_NODE &&
	    xmlIsBlankNode(n);
}

/* Whether element e is one a table replaces. */
static int
replaced(const struct table *tbs, size_t n, xmlNodePtr e)
{
	size_t	i;

	if (e->parent == NULL || e->parent->type != XML_ELEMENT_NODE)
		return 0;
	for (i = 0; i < n; i++)
		if (is_element(e, tbs[i].k->element) &&
		    is_element(e->parent, tbs[i].k->section) &&
		    e->parent->parent == xmlDocGetRootElement(e->doc))
			return 1;
	return 0;
}

/* The ids of everything that stays, with their lines. */
static void
ids_of_doc(struct ctx *c, const struct table *tbs, size_t n, xmlNodePtr node)
{
	xmlNodePtr	 ch;
	xmlChar		*id;
	struct idplace	*pl;

	for (ch = node->children; ch != NULL; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || replaced(tbs, n, ch))
			continue;
		if ((id = xmlGetProp(ch, (const xmlChar *)"id")) != NULL &&
		    !g_hash_table_contains(c->ids, id)) {
			pl = g_new(struct idplace, 1);
			pl->file = c->docname;
			pl->line = xmlGetLineNo(ch);
			g_hash_table_insert(c->ids, g_strdup((char *)id), pl);
		}
		xmlFree(id);
		ids_of_doc(c, tbs, n, ch);
	}
}

/*
 * With people replaced, the sessions and references that stay must still
 * point at someone: say so with their line rather than leave it to the
 * validation of the result.
 */
static int
refs_still_resolve(struct ctx *c, const struct table *tbs, size_t n,
    xmlNodePtr node)
{
	static const char *const refs[][2] = { { "session", "provider" },
	    { "reference", "person" } };
	xmlNodePtr	 ch;
	xmlChar		*id;
	size_t		 i;
	int		 bad = 0;

	for (ch = node->children; ch != NULL; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || replaced(tbs, n, ch))
			continue;
		for (i = 0; i < 2; i++) {
			if (!is_element(ch, refs[i][0]) || (id = xmlGetProp(ch,
			    (const xmlChar *)refs[i][1])) == NULL)
				continue;
			if (person_by_id(c, (const char *)id) == NULL) {
				diag_error(c->d, c->docname, xmlGetLineNo(ch),
				    "the %s's %s '%s' is not in %s: add the "
				    "person there, or import %s.csv too",
				    refs[i][0], refs[i][1], (const char *)id,
				    c->people_from, i == 0 ? "sessions" :
				    "references");
				bad = 1;
			}
			xmlFree(id);
		}
		if (refs_still_resolve(c, tbs, n, ch) == -1)
			bad = 1;
	}
	return bad ? -1 : 0;
}

/* The indentation of one level: what precedes the first section. */
static void
indent_unit(xmlNodePtr root, char *buf, size_t bufsz)
{
	xmlNodePtr	ch;
	const char	*p, *nl;

	snprintf(buf, bufsz, "  ");
	for (ch = root->children; ch != NULL; ch = ch->next)
		if (is_blank_text(ch) && ch->next != NULL &&
		    ch->next->type == XML_ELEMENT_NODE) {
			p = (const char *)ch->content;
			if ((nl = strrchr(p, '\n')) != NULL &&
			    strlen(nl + 1) < bufsz && nl[1] != '\0')
				snprintf(buf, bufsz, "%s", nl + 1);
			return;
		}
}

static xmlNodePtr
ws_node(struct ctx *c, const char *unit, int depth)
{
	GString		*s = g_string_new("\n");
	xmlNodePtr	 t;
	int		 i;

	for (i = 0; i < depth; i++)
		g_string_append(s, unit);
	t = xmlNewDocText(c->doc, (const xmlChar *)s->str);
	g_string_free(s, TRUE);
	if (t == NULL)
		c->oom = 1;
	return t;
}

/* Indent the children of a new row element (depth of the row). */
static void
indent_row(struct ctx *c, xmlNodePtr e, const char *unit, int depth)
{
	xmlNodePtr	ch, next, t;

	if (e->children == NULL)
		return;
	for (ch = e->children; ch != NULL; ch = next) {
		next = ch->next;
		if ((t = ws_node(c, unit, depth + 1)) != NULL)
			xmlAddPrevSibling(ch, t);
	}
	if ((t = ws_node(c, unit, depth)) != NULL)
		xmlAddChild(e, t);
}

/* The section of k in the portfolio, made in its place when missing. */
static xmlNodePtr
section_get(struct ctx *c, const struct sheet_kind *k, const char *unit)
{
	xmlNodePtr		 root = xmlDocGetRootElement(c->doc), sec, ch;
	xmlNodePtr		 after = NULL, t;
	const char *const	*order = sheet_schema_sections(c->s);
	size_t			 i, j;

	if ((sec = child_find(root, k->section)) != NULL)
		return sec;
	for (i = 0; order[i] != NULL && strcmp(order[i], k->section) != 0;
	    i++)
		;
	for (ch = root->children; ch != NULL; ch = ch->next)
		for (j = 0; j < i; j++)
			if (is_element(ch, order[j]))
				after = ch;
	if ((sec = new_element(c, k->section)) == NULL)
		return NULL;
	t = ws_node(c, unit, 1);
	if (after != NULL) {
		xmlAddNextSibling(after, sec);
		if (t != NULL)
			xmlAddPrevSibling(sec, t);
	} else {
		if (t != NULL)
			xmlAddChild(root, t);
		xmlAddChild(root, sec);
	}
	return sec;
}

/* Take out k's elements from sec, with the comments just before them. */
static void
section_clear(const struct sheet_kind *k, xmlNodePtr sec)
{
	xmlNodePtr	ch, next, e, prev;
	int		drop;

	for (ch = sec->children; ch != NULL; ch = next) {
		next = ch->next;
		drop = is_element(ch, k->element);
		if (ch->type == XML_COMMENT_NODE) {
			for (e = ch->next; e != NULL &&
			    e->type != XML_ELEMENT_NODE; e = e->next)
				;
			drop = e != NULL && is_element(e, k->element);
		}
		if (!drop)
			continue;
		prev = ch->prev;
		if (is_blank_text(prev)) {
			xmlUnlinkNode(prev);
			xmlFreeNode(prev);
		}
		xmlUnlinkNode(ch);
		xmlFreeNode(ch);
	}
}

/*
 * Lay out sec's children one per line, at depth 2: the blank text
 * between them is made anew (libxml2 merges adjacent text nodes, so
 * indentation cannot be inserted next to what is there).
 */
static void
section_reindent(struct ctx *c, xmlNodePtr sec, const char *unit)
{
	xmlNodePtr	ch, next, t;

	for (ch = sec->children; ch != NULL; ch = next) {
		next = ch->next;
		if (is_blank_text(ch)) {
			xmlUnlinkNode(ch);
			xmlFreeNode(ch);
		}
	}
	if (sec->children == NULL)
		return;
	for (ch = sec->children; ch != NULL; ch = ch->next)
		if ((t = ws_node(c, unit, 2)) != NULL &&
		    xmlAddPrevSibling(ch, t) == NULL) {
			xmlFreeNode(t);
			c->oom = 1;
		}
	if ((t = ws_node(c, unit, 1)) != NULL && xmlAddChild(sec, t) == NULL) {
		xmlFreeNode(t);
		c->oom = 1;
	}
}

/* Put the rows of tb into the portfolio. */
static void
table_put(struct ctx *c, struct table *tb, const char *unit)
{
	xmlNodePtr	sec, anchor = NULL;
	size_t		i;

	if ((sec = child_find(xmlDocGetRootElement(c->doc),
	    tb->k->section)) == NULL && tb->nrows == 0)
		return;
	if ((sec = section_get(c, tb->k, unit)) == NULL)
		return;
	section_clear(tb->k, sec);
	section_reindent(c, sec, unit);
	/* before the kind that follows, and the comments just before it */
	if (tb->k->followed_by != NULL &&
	    (anchor = child_find(sec, tb->k->followed_by)) != NULL)
		while (anchor->prev != NULL &&
		    (anchor->prev->type == XML_COMMENT_NODE ||
		    is_blank_text(anchor->prev)))
			anchor = anchor->prev;
	for (i = 0; i < tb->nrows; i++) {
		indent_row(c, tb->rows[i], unit, 2);
		if ((anchor != NULL ? xmlAddPrevSibling(anchor, tb->rows[i]) :
		    xmlAddChild(sec, tb->rows[i])) == NULL)
			c->oom = 1;
		else
			tb->rows[i] = NULL;
	}
	section_reindent(c, sec, unit);
}

enum import_status
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
	enum import_status	 rc = IMPORT_REJECTED;

	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.docname = docname;
	c.s = s;
	c.d = d;
	c.ns = xmlSearchNsByHref(doc, xmlDocGetRootElement(doc),
	    (const xmlChar *)SHEET_NS);
	c.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
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
	ids_of_doc(&c, tbs, n, xmlDocGetRootElement(doc));
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
	if (have_people && refs_still_resolve(&c, tbs, n,
	    xmlDocGetRootElement(doc)) == -1)
		bad = 1;
	if (c.oom)
		goto oom;
	if (bad)
		goto out;

	indent_unit(xmlDocGetRootElement(doc), unit, sizeof(unit));
	for (i = 0; i < n; i++)
		table_put(&c, &tbs[i], unit);
	if (c.oom)
		goto oom;
	rc = IMPORT_OK;
	goto out;
oom:
	diag_error(d, docname, 0, "out of memory");
	rc = IMPORT_INTERNAL;
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

/* Whether path is the same file as any of the others. */
static int
same_file(const char *path, const char *other)
{
	struct stat	a, b;

	return strcmp(path, "-") != 0 && stat(path, &a) == 0 &&
	    stat(other, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino;
}

enum import_status
import_run(struct validate *v, const struct sheet_schema *s,
    const char *into, const char *const *csv, size_t n, const char *out,
    struct diag *d)
{
	enum xmlload_status	  xs;
	enum csvtab_status	  cs;
	enum outfile_status	  os;
	enum import_status	  rc = IMPORT_REJECTED;
	struct csvtab		**tables = NULL;
	xmlDocPtr		  doc = NULL, back = NULL;
	xmlChar			 *buf = NULL;
	const char		 *outname;
	size_t			  i;
	int			  len = 0, bad = 0;

	outname = strcmp(out, "-") == 0 ? "<stdout>" : out;
	if (same_file(out, into)) {
		diag_error(d, out, 0, "the output is the portfolio read with "
		    "--into: write to a new file (and rename it once you "
		    "have looked at it)");
		return IMPORT_CANNOT_CREATE;
	}
	for (i = 0; i < n; i++)
		if (same_file(out, csv[i])) {
			diag_error(d, out, 0, "the output is one of the CSV "
			    "files read");
			return IMPORT_CANNOT_CREATE;
		}
	if ((doc = xmlload_file(into, NULL, d, &xs)) == NULL)
		return xs == XMLLOAD_CANNOT_OPEN ? IMPORT_CANNOT_OPEN :
		    IMPORT_REJECTED;
	if (validate_run(v, doc, into, d) != 0)
		goto out;
	if ((tables = calloc(n ? n : 1, sizeof(*tables))) == NULL) {
		rc = IMPORT_INTERNAL;
		goto out;
	}
	for (i = 0; i < n; i++)
		if ((tables[i] = csvtab_load(csv[i], NULL, d, &cs)) == NULL) {
			if (cs == CSVTAB_CANNOT_OPEN)
				rc = IMPORT_CANNOT_OPEN;
			bad = 1;
		}
	if (bad)
		goto out;
	if ((rc = import_tables(doc, into, s, tables, csv, n, d)) !=
	    IMPORT_OK)
		goto out;
	rc = IMPORT_REJECTED;
	xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
	if (buf == NULL) {
		rc = IMPORT_INTERNAL;
		goto out;
	}
	/* What is written is what is checked: read the result back. */
	if ((back = xmlload_memory((const char *)buf, (size_t)len, outname, d,
	    &xs)) == NULL || validate_run(v, back, outname, d) != 0) {
		diag_error(d, outname, 0, "not written: the portfolio the "
		    "CSV files make is not valid (the lines above are those "
		    "of the file that would have been written)");
		goto out;
	}
	os = outfile_write(out, buf, (size_t)len, d);
	rc = os == OUTFILE_OK ? IMPORT_OK : os == OUTFILE_CANNOT_CREATE ?
	    IMPORT_CANNOT_CREATE : IMPORT_IO_ERROR;
out:
	for (i = 0; tables != NULL && i < n; i++)
		csvtab_free(tables[i]);
	free(tables);
	xmlFree(buf);
	xmlFreeDoc(back);
	xmlFreeDoc(doc);
	return rc;
}
