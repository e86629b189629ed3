/*
 * combined: the review checklists of many applicants in one PDF, laid out
 * and typeset one applicant at a time (`endorse batch --combined`'s
 * review-all.pdf, `endorse review` of several files).
 *
 * The index of the applicants first (stylesheets/review-index.xsl), then
 * each applicant's review checklist (review.xsl with number-from), added
 * to one file through the typesetter's stream, so that memory does not
 * grow with the number of applicants and the page limit applies per
 * applicant.  The index names each applicant's first page before that
 * page exists: from the page count of the applicant's review alone (the
 * same layout; only its section ids differ), which the caller knows (a
 * batch worker reported it) or has counted (combined_count), and the
 * typesetter checks at the end that every applicant starts on the page
 * the index gives.  Any failure leaves no file (an old one stays) and is
 * reported.
 *
 * Included by batch and cli.  Borrows everything.
 */
#ifndef COMBINED_H
#define COMBINED_H

#include <libxml/tree.h>

#include "pipeline.h"

struct diag;

/* Where the reviews come from: member i's layout, on demand. */
struct combined_feed {
	/*
	 * Lay out the review of member i (from 0; source, the index's
	 * name of its portfolio) with params (a NULL-terminated list of
	 * stylesheet parameters for review.xsl: reviewers, number-from):
	 * *layout on PIPELINE_OK, else a status after reporting.
	 */
	enum pipeline_status (*layout)(void *closure, size_t i,
		    const char *source, const char *const *params,
		    xmlDocPtr *layout, struct diag *);
	void	*closure;
};

struct combined_options {
	const char		*created;	/* the PDF's date */
	enum typeset_paper	 paper;
	const char		*reviewers;	/* copies, or NULL */
};

/*
 * Write path ("-": standard output) from index, the document of
 * roster_index_document: its <applicant>s (source, n, pages) are the
 * members, in order, each laid out by the feed.
 */
enum pipeline_status combined_write(struct pipeline *, xmlDocPtr index,
		    const struct combined_feed *,
		    const struct combined_options *, const char *path,
		    struct diag *);

/* The pages of member i's review alone: *pages, for the index. */
enum pipeline_status combined_count(struct pipeline *,
		    const struct combined_feed *,
		    const struct combined_options *, size_t i,
		    const char *source, size_t *pages, struct diag *);

#endif
