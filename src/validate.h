/*
 * validate: stage 1, check a portfolio against schemas/applicant.xsd.
 *
 * The schema is compiled once (validate_new) and used for every portfolio
 * of the process.  validate_run reports every problem of a document in
 * words a coordinator understands: the element, what was expected (quoted
 * from the schema's own xs:documentation of the type) and what was found.
 * Beyond the schema it checks what XSD cannot say safely here: that every
 * identifier reference (xs:IDREF) points at something, and that the
 * association applied to is one endorse has rules for.
 *
 * Included by cli and by later stages' tests.  The caller owns the struct
 * validate (validate_free) and the documents it passes in.
 */
#ifndef VALIDATE_H
#define VALIDATE_H

#include <libxml/tree.h>

struct diag;
struct validate;

/*
 * Compile the schema at xsd_path.  known is a NULL-terminated list of
 * association codes that have rules (the application's association must
 * be one of them), or NULL for no such check.  Returns NULL after
 * reporting to d when the schema cannot be loaded.
 */
struct validate	*validate_new(const char *xsd_path,
		    const char *const *known, struct diag *d);
void		 validate_free(struct validate *);

/*
 * The tracks association's rule file declares, comma-separated
 * ("clinical,policy,research-faculty"): an application to association
 * must name one of them.  Without a call for an association its tracks
 * are not checked.  Returns 0, or -1 out of memory.
 */
int		 validate_set_tracks(struct validate *,
		    const char *association, const char *tracks);

/*
 * Every identifier reference (xs:IDREF) must name an element called
 * element (for portfolios: "person"; the schema cannot say so without
 * xs:keyref, SECURITY.md rule 7).  Returns 0, or -1 out of memory.
 */
int		 validate_set_ref_target(struct validate *,
		    const char *element);

/*
 * Check doc, called name in messages.  Returns 0 when it is valid, -1
 * after reporting every problem to d.
 */
int		 validate_run(struct validate *, xmlDocPtr doc,
		    const char *name, struct diag *d);

#endif
