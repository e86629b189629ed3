/*
 * batch_combined: a batch's combined review, OUTDIR/review-all.pdf
 * (`endorse batch --combined`).
 *
 * The index of the applicants first (stylesheets/review-index.xsl), then
 * each applicant's review checklist (review.xsl), laid out and typeset
 * one applicant at a time into one file through the typesetter's stream,
 * so that memory does not grow with the number of applicants and the
 * page limit applies per applicant.  The index names each applicant's
 * first page before that page exists: from the page count of the
 * applicant's review, which the worker that wrote NAME.review.pdf
 * reported (the same layout; only its section ids differ), and the
 * typesetter checks at the end that every applicant starts on the page
 * the index gives.  Any failure leaves no review-all.pdf (an old one
 * stays) and is reported.
 *
 * Internal to batch: included by batch.c only.  Borrows everything.
 */
#ifndef BATCH_COMBINED_H
#define BATCH_COMBINED_H

#include <libxml/tree.h>

#include "pipeline.h"

struct batch_options;
struct diag;

/*
 * Write OUTDIR/review-all.pdf from index, the document of
 * roster_index_document: its <applicant>s (source, n, pages) are the
 * applicants, in order.
 */
enum pipeline_status combined_write(struct pipeline *, xmlDocPtr index,
		    const struct batch_options *, struct diag *);

#endif
