/*
 * combined: many reviews in one PDF, one applicant at a time (see
 * combined.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "combined.h"
#include "diag.h"
#include "pipeline.h"

/* One applicant of the index: its name in messages, where it starts. */
struct member {
	xmlChar		*source;
	char		 id[32];	/* applicant-N */
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

/* Member i's review laid out for the combined file. */
static enum pipeline_status
member_layout(const struct combined_feed *feed,
    const struct combined_options *o, size_t i, const char *source,
    xmlDocPtr *layout, struct diag *d)
{
	const char	*params[5];
	char		 number[24];
	size_t		 k = 0;

	if (o->reviewers != NULL) {
		params[k++] = "reviewers";
		params[k++] = o->reviewers;
	}
	snprintf(number, sizeof(number), "%zu", i + 1);
	params[k++] = "number-from";
	params[k++] = number;
	params[k] = NULL;
	return feed->layout(feed->closure, i, source, params, layout, d);
}

enum pipeline_status
combined_count(struct pipeline *p, const struct combined_feed *feed,
    const struct combined_options *o, size_t i, const char *source,
    size_t *pages, struct diag *d)
{
	enum pipeline_status	 st;
	xmlDocPtr		 layout = NULL;

	*pages = 0;
	if ((st = member_layout(feed, o, i, source, &layout, d)) ==
	    PIPELINE_OK)
		st = pipeline_count_pages(p, layout, source, o->paper, pages,
		    d);
	xmlFreeDoc(layout);
	return st;
}

enum pipeline_status
combined_write(struct pipeline *p, xmlDocPtr index,
    const struct combined_feed *feed, const struct combined_options *o,
    const char *path, struct diag *d)
{
	struct member		*m = NULL;
	struct typeset_anchor	*a = NULL;
	struct typeset_stream	*s = NULL;
	enum pipeline_status	 st = PIPELINE_INTERNAL;
	xmlDocPtr		 layout = NULL;
	size_t			 n = 0, i, pages;

	if (members_of(index, &m, &a, &n) != 0) {
		diag_error(d, path, 0, "internal error: the index has an "
		    "applicant without a page count, or memory ran out");
		return PIPELINE_INTERNAL;
	}
	if ((st = pipeline_layout_document(p, PRESENT_REVIEW_INDEX, index,
	    path, o->created, &layout, d)) != PIPELINE_OK ||
	    (st = pipeline_stream_open(p, layout, path, o->paper, a, n, path,
	    &s, d)) != PIPELINE_OK)
		goto out;
	for (i = 0; i < n; i++) {
		xmlFreeDoc(layout);
		layout = NULL;
		if (typeset_stream_signalled(s) != 0) {
			/* the discard below delivers it, the temporary gone */
			diag_note(d, "%s: interrupted, not written", path);
			st = PIPELINE_INTERNAL;
			goto out;
		}
		if ((st = member_layout(feed, o, i, (const char *)m[i].source,
		    &layout, d)) != PIPELINE_OK ||
		    (st = pipeline_stream_add(s, layout,
		    (const char *)m[i].source, &pages, d)) != PIPELINE_OK)
			goto out;
		if (pages != m[i].pages) {
			diag_error(d, (const char *)m[i].source, 0, "internal "
			    "error: its review has %zu pages in %s but %zu "
			    "alone", pages, path, m[i].pages);
			st = PIPELINE_INTERNAL;
			goto out;
		}
	}
	if (typeset_stream_signalled(s) != 0) {
		diag_note(d, "%s: interrupted, not written", path);
		st = PIPELINE_INTERNAL;
		goto out;
	}
	st = pipeline_stream_close(s, d);
	s = NULL;
out:
	if (s != NULL)
		typeset_stream_discard(s);
	xmlFreeDoc(layout);
	members_free(m, n);
	free(a);
	return st;
}
