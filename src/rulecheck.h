/*
 * rulecheck: check an association's rule file, so that an association
 * can write one without reading C or XSLT.
 *
 * rulecheck_run validates the file against schemas/requirements.xsd (one
 * element per rule type with its required parameters, wording present,
 * types known), then checks what the schema cannot say: rule ids unique
 * in each rule set, rule sets unique by kind, level and date, every track
 * named is declared under 'tracks', type= (when given) is the element's
 * name, distinct-from names another experience rule of the same set, a
 * competencies judgement lists its areas.  Every problem is reported as
 * FILE:LINE.
 *
 * Included by evaluate (every rule file it loads) and cli ('endorse
 * validate' on a file whose root is 'requirements').  The caller owns the
 * struct rulecheck (rulecheck_free) and the documents it passes in.
 */
#ifndef RULECHECK_H
#define RULECHECK_H

#include <libxml/tree.h>

struct datadir;
struct diag;
struct rulecheck;

/* Compile requirements.xsd of the data directory; NULL after reporting. */
struct rulecheck	*rulecheck_new(const struct datadir *, struct diag *);
void			 rulecheck_free(struct rulecheck *);

/* Whether doc is a rule file: root 'requirements' in its namespace. */
int			 rulecheck_is_rule_file(xmlDocPtr doc);

/*
 * Check the rule file doc, called name in messages.  Returns 0 when it is
 * good, -1 after reporting every problem to d.
 */
int			 rulecheck_run(struct rulecheck *, xmlDocPtr doc,
			    const char *name, struct diag *d);

#endif
