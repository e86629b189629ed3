/*
 * import-cell: one cell of an import (see import-int.h).
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

#include "isodate.h"
#include "import-int.h"

/* "column 'hours': MESSAGE" at FILE:ROW:COL. */
void
im_cell_error(struct ctx *c, const struct table *tb, long line, int fcol,
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

const char *
im_clip(const char *s, char *buf, size_t bufsz)
{
	return diag_clip(s, QUOTE_MAX, buf, bufsz);
}

/* The schema's words for a closed list, and what a message expects. */
const char *
im_expect_of(const struct ctx *c, const char *type)
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
char *
im_cell_copy(const char *s, int trim)
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

char *
im_trimmed(const char *s)
{
	return im_cell_copy(s, 1);
}

/* A date the schema takes: of the calendar and in its range. */
int
im_date_ok(const struct ctx *c, const char *s)
{
	return isodate_valid(s, 1, 9999) && strcmp(s, c->date_min) >= 0 &&
	    strcmp(s, c->date_max) <= 0;
}

/*
 * Decimal digits "123.45" as a count of units of the last of frac places
 * (12345 for frac 2); -1 when not such a number or too many places.
 */
static long long
decimal_units(const char *s, int frac)
{
	long long	v = 0;
	int		places = -1;

	if (!isdigit((unsigned char)*s))
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '.' && places == -1) {
			places = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || places == frac ||
		    v > (LLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
		if (places >= 0)
			places++;
	}
	if (places == 0)
		return -1;
	for (places = places < 0 ? 0 : places; places < frac; places++)
		v *= 10;
	return v;
}

/* The facets import checks by, read from the schema. */
void
im_facets_read(struct ctx *c)
{
	char	*v;

	snprintf(c->date_min, sizeof(c->date_min), "0001-01-01");
	snprintf(c->date_max, sizeof(c->date_max), "9999-12-31");
	if ((v = sheet_schema_facet(c->s, "date", "minInclusive")) != NULL)
		snprintf(c->date_min, sizeof(c->date_min), "%s", v);
	free(v);
	if ((v = sheet_schema_facet(c->s, "date", "maxInclusive")) != NULL)
		snprintf(c->date_max, sizeof(c->date_max), "%s", v);
	free(v);
	v = sheet_schema_facet(c->s, "hours", "fractionDigits");
	c->hours_frac = v != NULL ? atoi(v) : 2;
	if (c->hours_frac < 0 || c->hours_frac > 6)
		c->hours_frac = 2;
	free(v);
	v = sheet_schema_facet(c->s, "hours", "maxInclusive");
	c->hours_max = v != NULL ? decimal_units(v, c->hours_frac) : -1;
	if (c->hours_max < 0)
		c->hours_max = LLONG_MAX;
	free(v);
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

int
im_check_date(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *v, int ongoing_ok)
{
	char	q[80];

	if (im_date_ok(c, v))
		return 0;
	if (ongoing_ok && strcasecmp(v, "ongoing") == 0)
		return 0;
	if (isodate_valid(v, 1, 9999))
		im_cell_error(c, tb, line, fcol, "'%s' is outside the dates a "
		    "portfolio holds, %s to %s: expected %s", v, c->date_min,
		    c->date_max, im_expect_of(c, ongoing_ok ? "end-date" :
		    "date"));
	else if (strlen(v) == 10 && v[4] == '-' && v[7] == '-' &&
	    strspn(v, "0123456789-") == 10)
		im_cell_error(c, tb, line, fcol, "'%s' is not a date of the "
		    "calendar: expected %s", v, im_expect_of(c, ongoing_ok ?
		    "end-date" : "date"));
	else if (looks_like_other_date(v) || (strspn(v, "0123456789") ==
	    strlen(v) && strlen(v) == 5))
		im_cell_error(c, tb, line, fcol,
		    "'%s' is not written YYYY-MM-DD:"
		    " a spreadsheet may have reformatted the date; write it "
		    "as YYYY-MM-DD (such as 2024-09-30)%s and format the "
		    "column as text so that it stays so", im_clip(v, q,
		    sizeof(q)), ongoing_ok ? ", or 'ongoing'," : "");
	else
		im_cell_error(c, tb, line, fcol, "'%s' is not a date: expected "
		    "%s", im_clip(v, q, sizeof(q)), im_expect_of(c, ongoing_ok ?
		    "end-date" : "date"));
	return -1;
}

int
im_check_hours(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *v)
{
	const char	*p = v;
	size_t		 whole, frac = 0;
	static const char *const counts[] = { "no", "one", "two", "three" };
	long long	 units = decimal_units(v, c->hours_frac);
	char		 q[80];

	if (units >= 0 && units <= c->hours_max)
		return 0;
	whole = strspn(p, "0123456789");
	p += whole;
	if (*p == '.') {
		frac = strspn(p + 1, "0123456789");
		p += 1 + frac;
	}
	im_clip(v, q, sizeof(q));
	if (v[0] == '-')
		im_cell_error(c, tb, line, fcol, "'%s' is a negative number of "
		    "hours: expected %s", q, im_expect_of(c, "hours"));
	else if (*p == '\0' && whole >= 1 && frac > (size_t)c->hours_frac)
		im_cell_error(c, tb, line, fcol,
		    "'%s' has more than %s decimal "
		    "places (hours are never rounded): expected %s", q,
		    c->hours_frac < 4 ? counts[c->hours_frac] : "the",
		    im_expect_of(c, "hours"));
	else if (*p == ',' && whole >= 1)
		im_cell_error(c, tb, line, fcol, "'%s' has a decimal comma: "
		    "write hours with a decimal point, such as 1.5", q);
	else if (*p == '\0' && whole >= 1 && v[strlen(v) - 1] != '.')
		im_cell_error(c, tb, line, fcol, "'%s' is more hours than a "
		    "portfolio can hold: expected %s", q,
		    im_expect_of(c, "hours"));
	else
		im_cell_error(c, tb, line, fcol,
		    "'%s' is not a number of hours: "
		    "expected %s", q, im_expect_of(c, "hours"));
	return -1;
}

/*
 * A track: the rule files declare them (an open list, as the schema's
 * track pattern is), so a word of lower-case letters, digits and inner
 * hyphens, in any case here.  Returns it in lower case (caller frees) or
 * NULL.
 */
static char *
track_word(const char *word)
{
	char	*t = g_ascii_strdown(word, -1);
	size_t	 i, len = strlen(t);
	int	 ok = len > 0 && len <= 100 && g_ascii_isalpha(t[0]) &&
		    t[len - 1] != '-';

	for (i = 0; ok && i < len; i++)
		if (!g_ascii_isalnum(t[i]) && !(t[i] == '-' && t[i + 1] != '-'))
			ok = 0;
	if (!ok) {
		g_free(t);
		return NULL;
	}
	return t;
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

const char *
im_check_word(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *type, const char *v)
{
	const char	*w = word_find(c, type, v);
	char		 q[80];

	if (w == NULL)
		im_cell_error(c, tb, line, fcol, "'%s' is not one of the words "
		    "this column takes: expected %s", im_clip(v, q, sizeof(q)),
		    im_expect_of(c, type));
	return w;
}

/* Split s at any of seps into a NULL-terminated list (g_strfreev). */
char **
im_split_words(const char *s, const char *seps)
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

int
im_is_identifier(const char *s)
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

xmlNodePtr
im_new_element(struct ctx *c, const char *name)
{
	xmlNodePtr	e = xmlNewDocNode(c->doc, c->ns,
			    (const xmlChar *)name, NULL);

	if (e == NULL)
		c->oom = 1;
	return e;
}

void
im_set_attr(struct ctx *c, xmlNodePtr e, const char *name, const char *v)
{
	if (xmlSetProp(e, (const xmlChar *)name, (const xmlChar *)v) == NULL)
		c->oom = 1;
}

/* A child element of e, with text (NULL: none). */
xmlNodePtr
im_add_child(struct ctx *c, xmlNodePtr e, const char *name, const char *text)
{
	xmlNodePtr	ch = im_new_element(c, name);

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
int
im_endorsement_entry(struct ctx *c, const struct table *tb, long line,
    int fcol, xmlNodePtr person, const char *entry)
{
	char		**tok = im_split_words(entry, " \t\r\n,");
	const char	*w;
	char		 q[80], *assoc = NULL, *t;
	xmlNodePtr	 e = NULL;
	size_t		 i;
	int		 bad = 0, level = 0, desig = 0, track = 0, date = 0;

	if (tok[0] == NULL)
		goto out;
	assoc = upper(tok[0]);
	if (assoc == NULL || !is_association(assoc)) {
		im_cell_error(c, tb, line, fcol, "'%s' does not start with an "
		    "association code: expected endorsements such as "
		    "'OK-AIMH IV IMHM clinical 2009-05-01' (association and "
		    "level, then the title, track and date earned when "
		    "known), separated by ';'", im_clip(entry, q, sizeof(q)));
		bad = 1;
		goto out;
	}
	e = im_new_element(c, "endorsement");
	if (e == NULL)
		goto out;
	im_set_attr(c, e, "association", assoc);
	for (i = 1; tok[i] != NULL; i++) {
		if (!level && (w = word_find(c, "level", tok[i])) != NULL) {
			im_set_attr(c, e, "level", w);
			level = 1;
		} else if (!desig &&
		    (w = word_find(c, "designation", tok[i])) != NULL) {
			im_set_attr(c, e, "designation", w);
			desig = 1;
		} else if (!date && im_date_ok(c, tok[i])) {
			im_set_attr(c, e, "earned", tok[i]);
			date = 1;
		} else if (!track && (t = track_word(tok[i])) != NULL) {
			im_set_attr(c, e, "track", t);
			g_free(t);
			track = 1;
		} else {
			im_cell_error(c, tb, line, fcol,
			    "in '%s': '%s' is not a "
			    "level (I to IV), an endorsement title (%s), a "
			    "track (%s) or a date YYYY-MM-DD", im_clip(entry, q,
			    sizeof(q)), tok[i], "IFA, IFS, IFRS, IMHS, IMHM",
			    "such as clinical, policy, research-faculty");
			bad = 1;
		}
	}
	if (!level && !bad) {
		im_cell_error(c, tb, line, fcol, "'%s' has no level: expected "
		    "an endorsement such as 'OK-AIMH IV IMHM clinical "
		    "2009-05-01' (the level is I, II, III or IV)",
		    im_clip(entry, q, sizeof(q)));
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
int
im_association_entry(struct ctx *c, const struct table *tb, long line,
    int fcol, xmlNodePtr person, const char *element, const char *entry,
    int with_date)
{
	char		**tok = im_split_words(entry, " \t\r\n,");
	char		 q[80], *assoc = NULL;
	xmlNodePtr	 e;
	int		 bad = 0;

	if (tok[0] == NULL)
		goto out;
	assoc = upper(tok[0]);
	if (assoc == NULL || !is_association(assoc) || (tok[1] != NULL &&
	    (!with_date || !im_date_ok(c, tok[1]) || tok[2] != NULL))) {
		if (with_date)
			im_cell_error(c, tb, line, fcol, "'%s' is not an "
			    "association code with an optional date: "
			    "expected such as 'WI-AIMH 2020-03-01', "
			    "entries separated by ';'",
			    im_clip(entry, q, sizeof(q)));
		else
			im_cell_error(c, tb, line, fcol, "'%s' is not an "
			    "association code: expected %s, separated by "
			    "spaces", im_clip(entry, q, sizeof(q)),
			    im_expect_of(c, "association"));
		bad = 1;
		goto out;
	}
	if ((e = im_add_child(c, person, element, NULL)) != NULL) {
		im_set_attr(c, e, "association", assoc);
		if (with_date && tok[1] != NULL)
			im_set_attr(c, e, "date", tok[1]);
	}
out:
	free(assoc);
	g_strfreev(tok);
	return bad ? -1 : 0;
}

/*
 * The characters the schema refuses in every text (control characters,
 * line and paragraph separators, bidirectional controls; SECURITY.md rule
 * 7), and line breaks and tabs where one line is expected.  Returns -1
 * after a message naming the first one.
 */
int
im_check_chars(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *type, const char *v, int lines_ok)
{
	const char	*p;
	gunichar	 u;

	for (p = v; *p != '\0'; p = g_utf8_next_char(p)) {
		u = g_utf8_get_char(p);
		if ((u == '\n' || u == '\t') && lines_ok)
			continue;
		if (u == '\n') {
			im_cell_error(c, tb, line, fcol,
			    "the cell holds a line "
			    "break: expected %s", im_expect_of(c, type));
			return -1;
		}
		if (u == '\t') {
			im_cell_error(c, tb, line, fcol,
			    "the cell holds a tab: "
			    "expected %s", im_expect_of(c, type));
			return -1;
		}
		if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 ||
		    u == 0x2029 || u == 0x200e || u == 0x200f ||
		    (u >= 0x202a && u <= 0x202e) ||
		    (u >= 0x2066 && u <= 0x2069)) {
			im_cell_error(c, tb, line, fcol, "the cell holds the "
			    "invisible control character U+%04X: retype the "
			    "cell without it", (unsigned)u);
			return -1;
		}
	}
	return 0;
}

/* Check one text cell against its type's length. */
int
im_check_text(struct ctx *c, const struct table *tb, long line, int fcol,
    const char *type, const char *v)
{
	long	max = sheet_schema_maxlen(c->s, type);
	long	len = g_utf8_strlen(v, -1);

	if (max > 0 && len > max) {
		im_cell_error(c, tb, line, fcol,
		    "the cell holds %ld characters, "
		    "more than the %ld allowed: expected %s", len, max,
		    im_expect_of(c, type));
		return -1;
	}
	if (strcmp(type, "email") == 0 && (strchr(v, '@') == NULL ||
	    strpbrk(v, " \t") != NULL)) {
		char	q[80];

		im_cell_error(c, tb, line, fcol,
		    "'%s' is not an e-mail address: "
		    "expected %s", im_clip(v, q, sizeof(q)),
		    im_expect_of(c, "email"));
		return -1;
	}
	return 0;
}
