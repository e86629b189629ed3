/*
 * batch_roster: roster.csv and roster.pdf (see batch_roster.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <libxml/tree.h>

#include "batch_roster.h"
#include "diag.h"
#include "pipeline.h"

#define CHECKLIST_NS	"urn:endorse:checklist:1"
#define FIELD_MAX	4000	/* longest text kept per field */

enum rank { RANK_NOT_READY, RANK_REVIEW, RANK_READY, RANK_FAILED };

static const char *const result_words[] = { "not ready",
    "needs committee review", "ready for committee", "failed" };
static const char *const result_codes[] = { "not-ready", "needs-review",
    "ready", "failed" };

struct roster_row {
	char		*source;
	char		*label;
	char		*name;
	char		*association;
	char		*association_name;
	char		*track;
	char		*shortfall;
	char		*error;
	enum rank	 rank;
	unsigned	 not_met;
	char		**ids;		/* rule ids, then their statuses */
	char		**statuses;
	size_t		 nrules;
	size_t		 order;		/* when it was added, from 0 */
	size_t		 pages;		/* of its review, 0: none */
};

struct roster {
	struct roster_row	*rows;
	size_t			 n, cap;
};

struct roster *
roster_new(void)
{
	return calloc(1, sizeof(struct roster));
}

static void
row_clear(struct roster_row *r)
{
	size_t	i;

	free(r->source);
	free(r->label);
	free(r->name);
	free(r->association);
	free(r->association_name);
	free(r->track);
	free(r->shortfall);
	free(r->error);
	for (i = 0; i < r->nrules; i++) {
		free(r->ids[i]);
		free(r->statuses[i]);
	}
	free(r->ids);
	free(r->statuses);
}

void
roster_free(struct roster *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		row_clear(&r->rows[i]);
	free(r->rows);
	free(r);
}

static struct roster_row *
row_new(struct roster *r)
{
	struct roster_row	*nr;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		if ((nr = realloc(r->rows, r->cap * sizeof(*nr))) == NULL)
			return NULL;
		r->rows = nr;
	}
	nr = &r->rows[r->n];
	memset(nr, 0, sizeof(*nr));
	nr->order = r->n++;
	return nr;
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST CHECKLIST_NS) &&
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

/* A copy of at most FIELD_MAX bytes of s, cut on a character boundary. */
static char *
dup_clip(const char *s)
{
	char	*c;
	size_t	 n = strlen(s);

	if (n > FIELD_MAX) {
		n = FIELD_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if ((c = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, BAD_CAST name);
	char	*s = dup_clip(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return s;
}

static char *
text(const xmlNode *n)
{
	xmlChar	*v = n != NULL ? xmlNodeGetContent(n) : NULL;
	char	*s = dup_clip(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return s;
}

int
roster_add(struct roster *r, const char *source, const char *label,
    xmlDocPtr checklist, size_t review_pages)
{
	struct roster_row	*row;
	xmlNode			*root = xmlDocGetRootElement(checklist), *n;
	xmlChar			*v;
	size_t			 count = 0;

	if (!is_el(root, "checklist") || (row = row_new(r)) == NULL)
		return -1;
	row->source = strdup(source);
	row->label = strdup(label);
	row->name = text(child(child(root, "applicant"), "name"));
	row->association = attr(root, "association");
	row->association_name = attr(root, "association-name");
	row->track = attr(root, "track-name");
	row->pages = review_pages;
	row->shortfall = text(child(child(root, "missing"), "item"));
	v = xmlGetProp(root, BAD_CAST "result");
	row->rank = xmlStrEqual(v, BAD_CAST "ready") ? RANK_READY :
	    xmlStrEqual(v, BAD_CAST "needs-review") ? RANK_REVIEW :
	    RANK_NOT_READY;
	xmlFree(v);
	for (n = root->children; n != NULL; n = n->next)
		if (is_el(n, "rule"))
			count++;
	row->ids = calloc(count + 1, sizeof(char *));
	row->statuses = calloc(count + 1, sizeof(char *));
	if (row->ids == NULL || row->statuses == NULL)
		return -1;
	for (n = root->children; n != NULL; n = n->next) {
		if (!is_el(n, "rule"))
			continue;
		row->ids[row->nrules] = attr(n, "id");
		row->statuses[row->nrules] = attr(n, "status");
		if (row->ids[row->nrules] == NULL ||
		    row->statuses[row->nrules] == NULL)
			return -1;
		if (strcmp(row->statuses[row->nrules], "not-met") == 0 ||
		    strcmp(row->statuses[row->nrules], "pending") == 0)
			row->not_met++;
		row->nrules++;
	}
	return row->source != NULL && row->label != NULL && row->name !=
	    NULL && row->association != NULL && row->track != NULL &&
	    row->shortfall != NULL ? 0 : -1;
}

int
roster_add_failed(struct roster *r, const char *source, const char *label,
    const char *error)
{
	struct roster_row	*row;

	if ((row = row_new(r)) == NULL)
		return -1;
	row->rank = RANK_FAILED;
	row->source = strdup(source);
	row->label = strdup(label);
	row->error = dup_clip(error);
	row->name = strdup("");
	row->association = strdup("");
	row->track = strdup("");
	row->shortfall = strdup("");
	return row->source != NULL && row->label != NULL && row->error !=
	    NULL && row->name != NULL && row->association != NULL &&
	    row->track != NULL && row->shortfall != NULL ? 0 : -1;
}

/* By result (not ready first), then name, then input file. */
static int
by_rank(const void *x, const void *y)
{
	const struct roster_row	*a = x, *b = y;
	int			 c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if ((c = strcmp(a->name, b->name)) != 0)
		return c;
	if ((c = strcmp(a->source, b->source)) != 0)
		return c;
	return strcmp(a->label, b->label);
}

/* Every rule id, in the order rows first name them. */
static char **
rule_columns(const struct roster *r, size_t *np)
{
	char	**cols = NULL, **nc;
	size_t	 n = 0, cap = 0, i, j, k;

	for (i = 0; i < r->n; i++)
		for (j = 0; j < r->rows[i].nrules; j++) {
			for (k = 0; k < n; k++)
				if (strcmp(cols[k], r->rows[i].ids[j]) == 0)
					break;
			if (k < n)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				if ((nc = realloc(cols, cap *
				    sizeof(*nc))) == NULL) {
					free(cols);
					return NULL;
				}
				cols = nc;
			}
			cols[n++] = r->rows[i].ids[j];
		}
	*np = n;
	if (cols == NULL)
		cols = calloc(1, sizeof(*cols));
	return cols;
}

static void
field(FILE *f, const char *s, int first)
{
	if (!first)
		fputc(',', f);
	csv_fwrite(f, s, strlen(s));
}

static const char *
status_of(const struct roster_row *row, const char *id)
{
	size_t	j;

	for (j = 0; j < row->nrules; j++)
		if (strcmp(row->ids[j], id) == 0)
			return row->statuses[j];
	return "";
}

static int
write_csv(const struct roster *r, const char *outdir, struct diag *d)
{
	static const char *const heads[] = { "applicant", "input file",
	    "name", "association", "track", "result", "rules not met",
	    "main shortfall", "error" };
	char	**cols, *buf = NULL, path[PATH_MAX], num[16];
	size_t	 ncols, len = 0, i, j;
	FILE	*f;
	int	 rc = -1;

	if ((cols = rule_columns(r, &ncols)) == NULL ||
	    (f = open_memstream(&buf, &len)) == NULL) {
		free(cols);
		return -1;
	}
	fputs("\xef\xbb\xbf", f);	/* UTF-8 BOM: spreadsheets read it */
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		field(f, heads[i], i == 0);
	for (j = 0; j < ncols; j++)
		field(f, cols[j], 0);
	fputs("\r\n", f);
	for (i = 0; i < r->n; i++) {
		const struct roster_row *row = &r->rows[i];

		field(f, row->name, 1);
		field(f, row->source, 0);
		field(f, row->label, 0);
		field(f, row->association, 0);
		field(f, row->track, 0);
		field(f, result_codes[row->rank], 0);
		snprintf(num, sizeof(num), "%u", row->not_met);
		field(f, row->rank == RANK_FAILED ? "" : num, 0);
		field(f, row->shortfall, 0);
		field(f, row->error != NULL ? row->error : "", 0);
		for (j = 0; j < ncols; j++)
			field(f, status_of(row, cols[j]), 0);
		fputs("\r\n", f);
	}
	free(cols);
	if (fclose(f) != 0) {
		free(buf);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/roster.csv", outdir);
	rc = pipeline_save(path, buf, len, d) == PIPELINE_OK ? 0 : -1;
	free(buf);
	return rc;
}

static int
set_prop(xmlNodePtr n, const char *name, const char *value)
{
	return xmlSetProp(n, BAD_CAST name, BAD_CAST value) != NULL ? 0 : -1;
}

/* <roster total= ready= ...><applicant .../><failed .../></roster> */
static xmlDocPtr
roster_document(const struct roster *r)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	xmlNsPtr	 ns;
	size_t		 counts[4] = { 0 }, i;
	char		 num[32];
	int		 bad = 0;

	if ((doc = present_input_new("roster", &root, &ns)) == NULL)
		return NULL;
	for (i = 0; i < r->n; i++) {
		const struct roster_row *row = &r->rows[i];

		counts[row->rank]++;
		n = xmlNewChild(root, ns, BAD_CAST (row->rank == RANK_FAILED ?
		    "failed" : "applicant"), NULL);
		if (n == NULL) {
			bad = 1;
			break;
		}
		bad |= set_prop(n, "source", row->source);
		bad |= set_prop(n, "label", row->label);
		if (row->rank == RANK_FAILED) {
			bad |= set_prop(n, "error", row->error);
			continue;
		}
		snprintf(num, sizeof(num), "%u", row->not_met);
		bad |= set_prop(n, "name", row->name);
		bad |= set_prop(n, "association", row->association);
		bad |= set_prop(n, "track", row->track);
		bad |= set_prop(n, "result", result_codes[row->rank]);
		bad |= set_prop(n, "result-words", result_words[row->rank]);
		bad |= set_prop(n, "not-met", num);
		bad |= set_prop(n, "shortfall", row->shortfall);
	}
	snprintf(num, sizeof(num), "%zu", r->n);
	bad |= set_prop(root, "total", num);
	snprintf(num, sizeof(num), "%zu", counts[RANK_READY]);
	bad |= set_prop(root, "ready", num);
	snprintf(num, sizeof(num), "%zu", counts[RANK_REVIEW]);
	bad |= set_prop(root, "needs-review", num);
	snprintf(num, sizeof(num), "%zu", counts[RANK_NOT_READY]);
	bad |= set_prop(root, "not-ready", num);
	snprintf(num, sizeof(num), "%zu", counts[RANK_FAILED]);
	bad |= set_prop(root, "failed", num);
	if (bad) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

int
roster_write(struct roster *r, struct pipeline *p, const char *outdir,
    const char *created, enum typeset_paper paper, struct diag *d)
{
	enum pipeline_status	 st;
	xmlDocPtr		 in = NULL, layout = NULL;
	unsigned char		*pdf = NULL;
	char			 path[PATH_MAX];
	size_t			 len;
	int			 rc = -1;

	if (r->n > 0)
		qsort(r->rows, r->n, sizeof(*r->rows), by_rank);
	if (write_csv(r, outdir, d) == -1) {
		diag_error(d, outdir, 0, "roster.csv cannot be written");
		goto out;
	}
	snprintf(path, sizeof(path), "%s/roster.pdf", outdir);
	if ((in = roster_document(r)) == NULL) {
		diag_error(d, path, 0, "out of memory");
		goto out;
	}
	if ((st = pipeline_layout_document(p, PRESENT_ROSTER, in, path,
	    created, &layout, d)) == PIPELINE_OK) {
		xmlFreeDoc(in);	/* laid out: not held while it is typeset */
		in = NULL;
	}
	if (st != PIPELINE_OK ||
	    (st = pipeline_pdf(p, layout, path, paper, &pdf, &len, d)) !=
	    PIPELINE_OK ||
	    (st = pipeline_save(path, pdf, len, d)) != PIPELINE_OK)
		goto out;
	rc = 0;
out:
	free(pdf);
	xmlFreeDoc(layout);
	xmlFreeDoc(in);
	return rc;
}

static int
by_order(const void *x, const void *y)
{
	const struct roster_row	*a = *(const struct roster_row *const *)x;
	const struct roster_row	*b = *(const struct roster_row *const *)y;

	return a->order < b->order ? -1 : a->order > b->order;
}

/* The rows in the order they were added (caller frees the array). */
static const struct roster_row **
rows_in_order(const struct roster *r)
{
	const struct roster_row	**rows;
	size_t			  i;

	if ((rows = calloc(r->n + 1, sizeof(*rows))) == NULL)
		return NULL;
	for (i = 0; i < r->n; i++)
		rows[i] = &r->rows[i];
	qsort(rows, r->n, sizeof(*rows), by_order);
	return rows;
}

int
roster_fill_pages(struct roster *r, int (*count)(void *, size_t,
    const char *, size_t *), void *closure)
{
	const struct roster_row	**rows;
	struct roster_row	 *row;
	size_t			  i, k = 0;
	int			  rc = 0;

	if ((rows = rows_in_order(r)) == NULL)
		return -1;
	for (i = 0; i < r->n && rc == 0; i++) {
		row = (struct roster_row *)rows[i];
		if (row->rank == RANK_FAILED)
			continue;
		if (row->pages == 0 && count(closure, k, row->source,
		    &row->pages) != 0)
			rc = -1;
		k++;
	}
	free(rows);
	return rc;
}

/*
 * <reviews total= as-of=> with an <applicant n= source= label= name=
 * association= association-name= track= result= pages=/> per applicant
 * with a review, numbered in the order added, then a <failed source=
 * label= error=/> per input left out (stylesheets/review-index.xsl).
 */
xmlDocPtr
roster_index_document(const struct roster *r, const char *as_of)
{
	const struct roster_row	**rows;
	xmlDocPtr		  doc = NULL;
	xmlNodePtr		  root, n;
	xmlNsPtr		  ns;
	size_t			  i, k = 0;
	char			  num[32];
	int			  bad = 0;

	if ((rows = rows_in_order(r)) == NULL)
		return NULL;
	if ((doc = present_input_new("reviews", &root, &ns)) == NULL)
		goto fail;
	for (i = 0; i < r->n && !bad; i++) {
		const struct roster_row *row = rows[i];

		if (row->rank == RANK_FAILED || row->pages == 0)
			continue;
		if ((n = xmlNewChild(root, ns, BAD_CAST "applicant", NULL)) ==
		    NULL)
			goto fail;
		snprintf(num, sizeof(num), "%zu", ++k);
		bad |= set_prop(n, "n", num);
		bad |= set_prop(n, "source", row->source);
		bad |= set_prop(n, "label", row->label);
		bad |= set_prop(n, "name", row->name);
		bad |= set_prop(n, "association", row->association);
		bad |= set_prop(n, "association-name", row->association_name);
		bad |= set_prop(n, "track", row->track);
		bad |= set_prop(n, "result", result_codes[row->rank]);
		snprintf(num, sizeof(num), "%zu", row->pages);
		bad |= set_prop(n, "pages", num);
	}
	for (i = 0; i < r->n && !bad; i++) {
		const struct roster_row *row = rows[i];

		if (row->rank != RANK_FAILED)
			continue;
		if ((n = xmlNewChild(root, ns, BAD_CAST "failed", NULL)) ==
		    NULL)
			goto fail;
		bad |= set_prop(n, "source", row->source);
		bad |= set_prop(n, "label", row->label);
		bad |= set_prop(n, "error", row->error);
	}
	snprintf(num, sizeof(num), "%zu", k);
	bad |= set_prop(root, "total", num);
	bad |= set_prop(root, "as-of", as_of);
	if (bad)
		goto fail;
	free(rows);
	return doc;
fail:
	free(rows);
	xmlFreeDoc(doc);
	return NULL;
}
