/*
 * evaluate: stage 2, a valid portfolio and an association's rule file to
 * a checklist (stylesheets/evaluate.xsl through libxslt).
 *
 * evaluate_new compiles the stylesheet once; evaluate_run transforms one
 * portfolio under libxslt's security preferences (SECURITY.md rule 9):
 * no file or network writes, no directory creation, and document() may
 * read only the rule file of the association being evaluated, which was
 * read and checked (rulecheck: schemas/requirements.xsd and the checks a
 * schema cannot make) once per process.
 * Rule files are found through the catalog.
 *
 * Included by cli.  The caller owns the struct evaluate (evaluate_free)
 * and the checklist documents evaluate_run returns (xmlFreeDoc).
 */
#ifndef EVALUATE_H
#define EVALUATE_H

#include <libxml/tree.h>

struct catalog;
struct datadir;
struct diag;
struct evaluate;

struct evaluate_params {
	const char	*as_of;		/* YYYY-MM-DD, required */
	const char	*association;	/* NULL: the portfolio's */
	const char	*track;		/* NULL: the portfolio's */
	const char	*kind;		/* "initial" or "renewal" */
	const char	*year;		/* renewal: YYYY */
};

enum evaluate_result {
	EVALUATE_READY,		/* ready for committee */
	EVALUATE_NOT_READY,
	EVALUATE_REVIEW		/* needs committee review */
};

struct evaluate	*evaluate_new(const struct datadir *, const struct catalog *,
		    struct diag *);
void		 evaluate_free(struct evaluate *);

/*
 * Evaluate a portfolio that passed validation; name is its file name in
 * messages.  Returns the checklist, or NULL after reporting to d (an
 * unknown association, a reference to something that is not a person, a
 * rule file that is not valid).
 */
xmlDocPtr	 evaluate_run(struct evaluate *, xmlDocPtr portfolio,
		    const char *name, const struct evaluate_params *,
		    struct diag *d);

/*
 * Whether the last evaluate_run returned NULL because of endorse itself
 * (an XSLT limit, no memory: "internal error", exit 70) rather than the
 * portfolio or rule file (exit 65).
 */
int		 evaluate_failed_internally(const struct evaluate *);

/* The overall result of a checklist evaluate_run made. */
enum evaluate_result evaluate_result(xmlDocPtr checklist);

/*
 * Write a checklist as XML, exactly as the stylesheet's xsl:output says
 * (byte-identical for the same input).  Returns 0 or -1 on write error.
 */
int		 evaluate_write(struct evaluate *, xmlDocPtr checklist,
		    FILE *out);

#endif
