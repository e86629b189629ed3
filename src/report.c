/*
 * report: a checklist as text (see report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diag.h"
#include "report.h"

#define CHECKLIST_NS	"urn:endorse:checklist:1"

/* Longest explanation shown on the rule's line; the XML has it all. */
#define MAX_SHOWN	2000

/* Where a rule's explanation starts: "  ID      STATUS  ". */
#define RULE_INDENT	19

struct status_word {
	const char	*status;
	const char	*word;		/* padded to one width */
	const char	*colour;	/* SGR parameters */
};

static const struct status_word status_words[] = {
	{ "met",		"met    ",	"32" },
	{ "not-met",		"NOT MET",	"1;31" },
	{ "pending",		"PENDING",	"1;31" },
	{ "review",		"review ",	"33" },
	{ "not-applicable",	"n/a    ",	"2" },
	{ "advice",		"advice ",	"36" },
};

static const struct status_word *
status_find(const xmlChar *status)
{
	size_t	i;

	for (i = 0; i < sizeof(status_words) / sizeof(status_words[0]); i++)
		if (xmlStrEqual(status, BAD_CAST status_words[i].status))
			return &status_words[i];
	return NULL;
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST CHECKLIST_NS) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode	*c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

/* Escaped text content of a child element, or nothing. */
static void
put_child_text(FILE *out, const xmlNode *n, const char *name, size_t max)
{
	xmlNode	*c = child(n, name);
	xmlChar	*s;

	if (c == NULL || (s = xmlNodeGetContent(c)) == NULL)
		return;
	diag_escape(out, (const char *)s, max);
	xmlFree(s);
}

static void
put_attr(FILE *out, const xmlNode *n, const char *name)
{
	xmlChar	*s = xmlGetProp(n, BAD_CAST name);

	if (s == NULL)
		return;
	diag_escape(out, (const char *)s, 200);
	xmlFree(s);
}

static void
sgr(FILE *out, int colour, const char *params)
{
	if (colour)
		fprintf(out, "\033[%sm", params);
}

/* Columns s takes on a terminal: characters, not counting SGR. */
static size_t
columns(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\033') {
			while (i < len && s[i] != 'm')
				i++;
			continue;
		}
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/*
 * Write one line (escaped already, without its newline) wrapped to width
 * at spaces, continuation lines indented by indent columns.  A word wider
 * than the line stays whole.
 */
static void
put_line(FILE *out, const char *line, size_t indent, int width)
{
	const char	*p = line, *w;
	size_t		 col = 0, sp, wl, wc;

	if (width < REPORT_MIN_WIDTH) {
		fputs(line, out);
		fputc('\n', out);
		return;
	}
	while (*p != '\0') {
		sp = strspn(p, " ");
		w = p + sp;
		wl = strcspn(w, " ");
		wc = columns(w, wl);
		if (wl > 0 && col > indent && col + sp + wc > (size_t)width) {
			fprintf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else {
			fwrite(p, 1, sp, out);
			col += sp;
		}
		fwrite(w, 1, wl, out);
		col += wc;
		p = w + wl;
	}
	fputc('\n', out);
}

/* A line being built, then put out wrapped. */
struct line {
	char	*buf;
	size_t	 len;
	FILE	*f;
};

static FILE *
line_start(struct line *l)
{
	l->buf = NULL;
	l->len = 0;
	l->f = open_memstream(&l->buf, &l->len);
	return l->f;
}

static void
line_end(struct line *l, FILE *out, size_t indent, int width)
{
	if (l->f == NULL)
		return;
	if (fclose(l->f) == 0 && l->buf != NULL)
		put_line(out, l->buf, indent, width);
	else
		fputs("(out of memory)\n", out);
	free(l->buf);
}

static void
report_rule(FILE *out, const xmlNode *rule, int colour, int width)
{
	const struct status_word	*sw;
	xmlChar				*status, *id;
	struct line			 l;
	FILE				*f;
	int				 pad;

	if ((f = line_start(&l)) == NULL)
		return;
	status = xmlGetProp(rule, BAD_CAST "status");
	id = xmlGetProp(rule, BAD_CAST "id");
	sw = status_find(status);
	fputs("  ", f);
	put_attr(f, rule, "id");
	pad = 8 - (id != NULL ? xmlStrlen(id) : 0);
	while (pad-- > 0)
		fputc(' ', f);
	sgr(f, colour, sw != NULL ? sw->colour : "0");
	if (sw != NULL)
		fputs(sw->word, f);
	else
		diag_escape(f, status != NULL ? (const char *)status : "?",
		    20);
	sgr(f, colour, "0");
	fputs("  ", f);
	put_child_text(f, rule, "explanation", MAX_SHOWN);
	line_end(&l, out, RULE_INDENT, width);
	/* information the rule file gives with the verdict ($60 membership) */
	if (child(rule, "note") != NULL && (f = line_start(&l)) != NULL) {
		fprintf(f, "%*sNote: ", RULE_INDENT, "");
		put_child_text(f, rule, "note", MAX_SHOWN);
		line_end(&l, out, RULE_INDENT + 6, width);
	}
	xmlFree(id);
	xmlFree(status);
}

int
report_text(xmlDocPtr checklist, const char *name, int colour, int width,
    FILE *out)
{
	xmlNode		*root = xmlDocGetRootElement(checklist);
	xmlNode		*n, *missing;
	xmlChar		*result, *kind, *s;
	struct line	 l;
	FILE		*f;
	int		 any = 0;

	if (!is_el(root, "checklist"))
		return -1;
	if ((f = line_start(&l)) != NULL) {
		diag_escape(f, name, 0);
		fputs(": ", f);
		put_child_text(f, child(root, "applicant"), "name", 200);
		line_end(&l, out, 4, width);
	}
	if ((f = line_start(&l)) != NULL) {
		fputs("  ", f);
		put_attr(f, root, "title");
		kind = xmlGetProp(root, BAD_CAST "kind");
		if (xmlStrEqual(kind, BAD_CAST "renewal")) {
			fputs(", year ", f);
			put_attr(f, root, "year");
		} else {
			fputs(", ", f);
			put_attr(f, root, "track-name");
			fputs(" track", f);
		}
		xmlFree(kind);
		fputs(", ", f);
		put_attr(f, root, "association");
		fputs(", as of ", f);
		put_attr(f, root, "as-of");
		line_end(&l, out, 4, width);
	}
	fputc('\n', out);

	for (n = root->children; n != NULL; n = n->next)
		if (is_el(n, "rule"))
			report_rule(out, n, colour, width);

	fputc('\n', out);
	if ((f = line_start(&l)) != NULL) {
		result = xmlGetProp(root, BAD_CAST "result");
		fputs("  Result: ", f);
		sgr(f, colour, xmlStrEqual(result, BAD_CAST "ready") ?
		    "1;32" : xmlStrEqual(result, BAD_CAST "needs-review") ?
		    "1;33" : "1;31");
		put_child_text(f, root, "summary", 400);
		sgr(f, colour, "0");
		xmlFree(result);
		line_end(&l, out, 10, width);
	}

	if ((missing = child(root, "missing")) != NULL)
		for (n = missing->children; n != NULL; n = n->next) {
			if (!is_el(n, "item"))
				continue;
			if (!any)
				fputs("\n  What is missing:\n", out);
			any = 1;
			if ((f = line_start(&l)) == NULL)
				continue;
			fputs("    - ", f);
			put_attr(f, n, "rule");
			fputs(": ", f);
			if ((s = xmlNodeGetContent(n)) != NULL) {
				diag_escape(f, (const char *)s, MAX_SHOWN);
				xmlFree(s);
			}
			line_end(&l, out, 6, width);
		}
	fputc('\n', out);
	return ferror(out) ? -1 : 0;
}

/* The summary table. */

enum { COL_NAME, COL_ASSOC, COL_TRACK, COL_RESULT, COL_NOT_MET, COL_FILE,
    NCOLS };

static const char *const col_heads[NCOLS] = { "APPLICANT", "ASSOCIATION",
    "TRACK", "RESULT", "NOT MET", "FILE" };

struct summary_row {
	char	*cell[NCOLS];	/* escaped */
	int	 result;	/* 0 ready, 1 needs review, 2 not ready, 3 failed */
};

struct report_summary {
	struct summary_row	*rows;
	size_t			 n, cap;
};

struct report_summary *
report_summary_new(void)
{
	return calloc(1, sizeof(struct report_summary));
}

void
report_summary_free(struct report_summary *s)
{
	size_t	i, j;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		for (j = 0; j < NCOLS; j++)
			free(s->rows[i].cell[j]);
	free(s->rows);
	free(s);
}

static struct summary_row *
row_new(struct report_summary *s)
{
	struct summary_row	*nr;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		if ((nr = realloc(s->rows, s->cap * sizeof(*nr))) == NULL)
			return NULL;
		s->rows = nr;
	}
	nr = &s->rows[s->n++];
	memset(nr, 0, sizeof(*nr));
	return nr;
}

static int
row_complete(const struct summary_row *r)
{
	int	j;

	for (j = 0; j < NCOLS; j++)
		if (r->cell[j] == NULL)
			return -1;
	return 0;
}

/* An attribute escaped into a new string; "-" when absent. */
static char *
attr_escaped(const xmlNode *n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, BAD_CAST name);
	char	*s = diag_escaped(v != NULL && *v != '\0' ?
		    (const char *)v : "-", 60);

	xmlFree(v);
	return s;
}

int
report_summary_add(struct report_summary *s, xmlDocPtr checklist,
    const char *name)
{
	static const char *const results[] = { "ready", "needs review",
	    "not ready" };
	struct summary_row	*r;
	xmlNode			*root = xmlDocGetRootElement(checklist), *n;
	xmlChar			*v;
	char			 buf[32];
	unsigned		 not_met = 0;

	if (!is_el(root, "checklist") || (r = row_new(s)) == NULL)
		return -1;
	n = child(child(root, "applicant"), "name");
	v = n != NULL ? xmlNodeGetContent(n) : NULL;
	r->cell[COL_NAME] = diag_escaped(v != NULL && *v != '\0' ?
	    (const char *)v : "-", 60);
	xmlFree(v);
	r->cell[COL_ASSOC] = attr_escaped(root, "association");
	v = xmlGetProp(root, BAD_CAST "kind");
	if (xmlStrEqual(v, BAD_CAST "renewal")) {
		xmlChar	*year = xmlGetProp(root, BAD_CAST "year");

		snprintf(buf, sizeof(buf), "year %.4s",
		    year != NULL ? (const char *)year : "?");
		xmlFree(year);
		r->cell[COL_TRACK] = diag_escaped(buf, 0);
	} else
		r->cell[COL_TRACK] = attr_escaped(root, "track-name");
	xmlFree(v);
	v = xmlGetProp(root, BAD_CAST "result");
	r->result = xmlStrEqual(v, BAD_CAST "ready") ? 0 :
	    xmlStrEqual(v, BAD_CAST "needs-review") ? 1 : 2;
	xmlFree(v);
	r->cell[COL_RESULT] = strdup(results[r->result]);
	for (n = root->children; n != NULL; n = n->next) {
		if (!is_el(n, "rule"))
			continue;
		v = xmlGetProp(n, BAD_CAST "status");
		if (xmlStrEqual(v, BAD_CAST "not-met") ||
		    xmlStrEqual(v, BAD_CAST "pending"))
			not_met++;
		xmlFree(v);
	}
	snprintf(buf, sizeof(buf), "%u", not_met);
	r->cell[COL_NOT_MET] = strdup(buf);
	r->cell[COL_FILE] = diag_escaped(name, 0);
	return row_complete(r);
}

int
report_summary_add_failed(struct report_summary *s, const char *name,
    const char *why)
{
	struct summary_row	*r;
	int			 j;

	if ((r = row_new(s)) == NULL)
		return -1;
	r->result = 3;
	for (j = 0; j < NCOLS; j++)
		r->cell[j] = strdup("-");
	free(r->cell[COL_RESULT]);
	r->cell[COL_RESULT] = diag_escaped(why, 60);
	free(r->cell[COL_FILE]);
	r->cell[COL_FILE] = diag_escaped(name, 0);
	return row_complete(r);
}

static void
put_cell(FILE *out, const char *s, size_t w, int last)
{
	size_t	c = columns(s, strlen(s));

	fputs(s, out);
	if (!last)
		fprintf(out, "%*s", (int)(w - c + 2), "");
}

int
report_summary_write(const struct report_summary *s, int width, FILE *out)
{
	size_t		 w[NCOLS], c, i, counts[4] = { 0 };
	int		 j;

	(void)width;	/* the table is as wide as its cells */
	for (j = 0; j < NCOLS; j++)
		w[j] = strlen(col_heads[j]);
	for (i = 0; i < s->n; i++)
		for (j = 0; j < NCOLS; j++)
			if ((c = columns(s->rows[i].cell[j],
			    strlen(s->rows[i].cell[j]))) > w[j])
				w[j] = c;
	fputs("  ", out);
	for (j = 0; j < NCOLS; j++)
		put_cell(out, col_heads[j], w[j], j == NCOLS - 1);
	fputc('\n', out);
	for (i = 0; i < s->n; i++) {
		fputs("  ", out);
		for (j = 0; j < NCOLS; j++)
			put_cell(out, s->rows[i].cell[j], w[j],
			    j == NCOLS - 1);
		fputc('\n', out);
		counts[s->rows[i].result]++;
	}
	fprintf(out, "\n  %zu %s: %zu ready, %zu %s review, %zu not ready",
	    s->n, s->n == 1 ? "file" : "files", counts[0], counts[1],
	    counts[1] == 1 ? "needs" : "need", counts[2]);
	if (counts[3] > 0)
		fprintf(out, ", %zu not checked", counts[3]);
	fputs("\n", out);
	return ferror(out) ? -1 : 0;
}
