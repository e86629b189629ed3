/*
 * batch_combined: review-all.pdf, one applicant at a time (see
 * batch_combined.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "batch.h"
#include "batch_combined.h"
#include "diag.h"
#include "pipeline.h"

#define COMBINED_NAME	"review-all.pdf"

/* One applicant of the index: where its portfolio is, where it starts. */
struct member {
	xmlChar		*source;
	char		 id[32];	/* applicant-N */
	char		 number[24];	/* N, for review.xsl */
	size_t		 pages;
};

static void
members_free(struct member *m, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		xmlFree(m[i].source);
	free(m);
}

/* The applicants of the index, with their anchors.  0, or -1. */
static int
members_of(xmlDocPtr index, struct member **mp, struct typeset_anchor **ap,
    size_t *np)
{
	xmlNode			*root = xmlDocGetRootElement(index), *c;
	struct member		*m = NULL;
	struct typeset_anchor	*a = NULL;
	xmlChar			*v;
	size_t			 n = 0, k = 0, page = 1;

	for (c = root != NULL ? root->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(c->name, BAD_CAST "applicant"))
			n++;
	if ((m = calloc(n + 1, sizeof(*m))) == NULL ||
	    (a = calloc(n + 1, sizeof(*a))) == NULL) {
		free(m);
		return -1;
	}
	for (c = root != NULL ? root->children : NULL; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(c->name, BAD_CAST "applicant"))
			continue;
		m[k].source = xmlGetProp(c, BAD_CAST "source");
		v = xmlGetProp(c, BAD_CAST "pages");
		m[k].pages = v != NULL ? strtoul((const char *)v, NULL, 10) :
		    0;
		xmlFree(v);
		snprintf(m[k].number, sizeof(m[k].number), "%zu", k + 1);
		snprintf(m[k].id, sizeof(m[k].id), "applicant-%zu", k + 1);
		a[k].id = m[k].id;
		a[k].page = page;
		page += m[k].pages;
		if (m[k].source == NULL || m[k].pages == 0) {
			members_free(m, k + 1);
			free(a);
			return -1;
		}
		k++;
	}
	*mp = m;
	*ap = a;
	*np = k;
	return 0;
}

/* Evaluate and lay out one applicant's review, and add it to the file. */
static enum pipeline_status
add_member(struct pipeline *p, struct typeset_stream *s,
    const struct member *m, const struct batch_options *o, struct diag *d)
{
	const char		*src = (const char *)m->source;
	const char		*params[5];
	struct present_entry	 e;
	enum pipeline_status	 st;
	xmlDocPtr		 doc = NULL, cl = NULL, layout = NULL;
	size_t			 pages = 0, k = 0;

	if (o->reviewers != NULL) {
		params[k++] = "reviewers";
		params[k++] = o->reviewers;
	}
	params[k++] = "number-from";
	params[k++] = m->number;
	params[k] = NULL;
	if ((st = pipeline_read(p, src, src, &doc, d)) != PIPELINE_OK ||
	    (st = pipeline_evaluate(p, doc, src, &o->prm, &cl, d)) !=
	    PIPELINE_OK)
		goto out;
	memset(&e, 0, sizeof(e));
	e.source = src;
	e.checklist = cl;
	e.portfolio = doc;
	if ((st = pipeline_layout_with(p, PRESENT_REVIEW, &e, 1, o->created,
	    params, &layout, d)) != PIPELINE_OK ||
	    (st = pipeline_stream_add(s, layout, src, &pages, d)) !=
	    PIPELINE_OK)
		goto out;
	if (pages != m->pages) {
		diag_error(d, src, 0, "internal error: its review has %zu "
		    "pages in %s but %zu in its own file", pages,
		    COMBINED_NAME, m->pages);
		st = PIPELINE_INTERNAL;
	}
out:
	xmlFreeDoc(layout);
	xmlFreeDoc(cl);
	xmlFreeDoc(doc);
	return st;
}

enum pipeline_status
combined_write(struct pipeline *p, xmlDocPtr index,
    const struct batch_options *o, struct diag *d)
{
	struct member		*m = NULL;
	struct typeset_anchor	*a = NULL;
	struct typeset_stream	*s = NULL;
	enum pipeline_status	 st = PIPELINE_INTERNAL;
	xmlDocPtr		 layout = NULL;
	char			 path[PATH_MAX];
	size_t			 n = 0, i;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", o->outdir,
	    COMBINED_NAME) >= sizeof(path)) {
		diag_error(d, o->outdir, 0, "the directory name is too long");
		return PIPELINE_CANNOT_CREATE;
	}
	if (members_of(index, &m, &a, &n) != 0) {
		diag_error(d, path, 0, "out of memory, or an applicant "
		    "without its review");
		return PIPELINE_INTERNAL;
	}
	if ((st = pipeline_layout_document(p, PRESENT_REVIEW_INDEX, index,
	    path, o->created, &layout, d)) != PIPELINE_OK ||
	    (st = pipeline_stream_open(p, layout, path, o->paper, a, n, path,
	    &s, d)) != PIPELINE_OK)
		goto out;
	xmlFreeDoc(layout);
	layout = NULL;
	for (i = 0; i < n; i++)
		if ((st = add_member(p, s, &m[i], o, d)) != PIPELINE_OK)
			goto out;
	st = pipeline_stream_close(s, d);
	s = NULL;
out:
	if (s != NULL)
		typeset_stream_discard(s);
	if (st != PIPELINE_OK)
		diag_note(d, "batch: %s was not written", path);
	xmlFreeDoc(layout);
	members_free(m, n);
	free(a);
	return st;
}
