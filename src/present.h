/*
 * present: stage 3a, checklists (with the portfolios they were made from)
 * to a page-layout document (schemas/layout.xsd), by one presentation
 * stylesheet per document kind.
 *
 * The C side only gathers its input: one <present> document in the
 * namespace urn:endorse:present:1 holding, per applicant, an <entry>
 * with a copy of the checklist and of the portfolio.  Everything a reader
 * sees is decided by stylesheets/KIND.xsl; a new kind of document is a
 * new stylesheet and a line in the table of present.c.  Each stylesheet is
 * compiled once per process, on first use, and runs through xsltrun.
 *
 * Included by cli.  The caller owns the struct present (present_free)
 * and the layout documents present_run returns (xmlFreeDoc); entries are
 * borrowed.
 */
#ifndef PRESENT_H
#define PRESENT_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

struct datadir;
struct diag;
struct present;

enum present_kind {
	PRESENT_PACKET,		/* the applicant's application packet */
	PRESENT_REVIEW,		/* the committee's review checklist */
	PRESENT_RENEWAL,	/* the continuing-endorsement statement */
	PRESENT_ROSTER,		/* a batch's roster for the chair */
	PRESENT_REVIEW_INDEX,	/* the index of a batch's combined review */
	PRESENT__COUNT
};

struct present_entry {
	const char	*source;	/* the portfolio's file name */
	xmlDocPtr	 checklist;
	xmlDocPtr	 portfolio;
};

struct present	*present_new(const struct datadir *, struct diag *);
void		 present_free(struct present *);

/*
 * Lay out n entries as a document of the kind; created is the document's
 * date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).  Returns the layout, or NULL
 * after reporting to d.
 */
xmlDocPtr	 present_run(struct present *, enum present_kind,
		    const struct present_entry *, size_t n,
		    const char *created, struct diag *d);

/*
 * The same with extra stylesheet parameters: a NULL-terminated list of
 * "name", "value" pairs (at most 8), each value taken literally.  The
 * review takes "reviewers" (copies, 1 to 9, default 2); the renewal
 * statement takes "year" (YYYY).
 */
xmlDocPtr	 present_run_with(struct present *, enum present_kind,
		    const struct present_entry *, size_t n,
		    const char *created, const char *const *extra,
		    struct diag *d);

/*
 * Lay out an input document the caller built (the roster's <roster>, in
 * the present namespace; see stylesheets/roster.xsl), called name in
 * messages.  Returns the layout, or NULL after reporting to d.
 */
xmlDocPtr	 present_run_document(struct present *, enum present_kind,
		    xmlDocPtr in, const char *name, const char *created,
		    struct diag *d);

/*
 * A new input document for present_run_document: its root element name
 * in the present namespace (*root, *ns set).  NULL when memory runs out.
 */
xmlDocPtr	 present_input_new(const char *name, xmlNodePtr *root,
		    xmlNsPtr *ns);

/* Write a layout as XML (--emit layout).  Returns 0 or -1. */
int		 present_write(struct present *, enum present_kind,
		    xmlDocPtr layout, FILE *out);

#endif
