/*
 * batch_roster: the chair's roster of a batch (roster.csv, roster.pdf)
 * and the index of its combined review (review-all.pdf).
 *
 * One row per applicant (name, input file, output NAME, association,
 * track, result, number of rules not met, the main shortfall), sorted by
 * result (not ready, needs committee review, ready) then name, then the
 * inputs that failed with their error.  The CSV (RFC 4180, UTF-8 with a
 * byte-order mark, quoted by libcsv) adds one column per rule id holding
 * its status; the PDF is laid out by stylesheets/roster.xsl (present kind
 * PRESENT_ROSTER) and typeset like every other document.
 *
 * Included by batch.c, and by cli.c for the index of a review of several
 * files.  A struct roster owns
 * copies of everything it was given (roster_free).
 */
#ifndef BATCH_ROSTER_H
#define BATCH_ROSTER_H

#include <stddef.h>

#include <libxml/tree.h>

#include "typeset.h"

struct diag;
struct pipeline;
struct roster;

struct roster	*roster_new(void);
void		 roster_free(struct roster *);

/*
 * An applicant from its checklist, with the page count of its review
 * (for the combined review's index; 0: unknown).  0, or -1 (out of
 * memory).
 */
int		 roster_add(struct roster *, const char *source,
		    const char *label, xmlDocPtr checklist,
		    size_t review_pages);

/* An input that failed, with its first error line. */
int		 roster_add_failed(struct roster *, const char *source,
		    const char *label, const char *error);

/*
 * Write outdir/roster.csv and outdir/roster.pdf (each atomically).
 * Returns 0, or -1 after reporting to d.
 */
int		 roster_write(struct roster *, struct pipeline *,
		    const char *outdir, const char *created,
		    enum typeset_paper, struct diag *);

/*
 * Fill in the page counts left unknown (0) of the applicants with a
 * checklist, in the order added: count(closure, k, source, &pages), k
 * their number in the index from 0; 0 or -1 from it.  Returns 0, or -1
 * when a count failed (reported by it).
 */
int		 roster_fill_pages(struct roster *, int (*count)(void *,
		    size_t, const char *, size_t *), void *closure);

/*
 * The input of the combined review's index (stylesheets/review-index.xsl):
 * the applicants with a review, in the order they were added, numbered
 * from 1, each with its page count, then the inputs that failed.  The
 * caller frees it (xmlFreeDoc); NULL when memory runs out.
 */
xmlDocPtr	 roster_index_document(const struct roster *,
		    const char *as_of);

#endif
