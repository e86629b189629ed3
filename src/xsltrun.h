/*
 * xsltrun: the one way endorse runs a stylesheet (SECURITY.md rule 9).
 *
 * A stylesheet of the data directory is read through xmlload and
 * compiled once (xsltrun_new); each xsltrun_run applies it to one input
 * under libxslt's security preferences (no file or network writes, no
 * directory creation, no network reads), with limits on template depth,
 * variables and XPath operations, and with libxslt's messages routed to
 * the caller's struct diag.  document() may read exactly one document the
 * caller hands over (the association's rule file, already loaded and
 * checked), and nothing else.  xsl:include and xsl:import name a
 * stylesheet of the compiled stylesheet's own (shipped) directory by its
 * bare file name, resolved at compile time and read through xmlload; an
 * absolute path, "..", a scheme (http:, file:), xml:base or a name that
 * resolves outside the directory (a symbolic link) is refused.
 * The run's state is checked, not only its result tree.
 *
 * Included by the XSLT stages (evaluate, present).  The caller owns the
 * struct xsltrun (xsltrun_free) and the documents xsltrun_run returns.
 */
#ifndef XSLTRUN_H
#define XSLTRUN_H

#include <stdio.h>

#include <libxml/tree.h>
#include <libxml/xpath.h>

struct diag;
struct xsltrun;

/* An extension function in the namespace urn:endorse:functions. */
struct xsltrun_function {
	const char		*name;
	xmlXPathFunction	 fn;
};

struct xsltrun_options {
	/* The one document document() may read, by path, or NULL. */
	const char			*readable_path;
	xmlDocPtr			 readable_doc;
	/* NULL-terminated list of "name", "value" pairs, taken literally. */
	const char *const		*params;
	/* Extension functions, ending with a NULL name, or NULL. */
	const struct xsltrun_function	*functions;
};

/* Load and compile the stylesheet at path; NULL after reporting to d. */
struct xsltrun	*xsltrun_new(const char *path, struct diag *d);
void		 xsltrun_free(struct xsltrun *);

/*
 * Apply the stylesheet to in, called name in messages.  Returns the
 * result, or NULL after reporting every problem to d (an xsl:message
 * starting "line N: " is reported at that line of name).
 */
xmlDocPtr	 xsltrun_run(struct xsltrun *, xmlDocPtr in, const char *name,
		    const struct xsltrun_options *, struct diag *d);

/*
 * Whether the last xsltrun_run failed for a reason of endorse's own (a
 * limit reached, a failed expression, no memory: "internal error", exit
 * 70) rather than the stylesheet's verdict on the data (an xsl:message
 * that terminates: exit 65).
 */
int		 xsltrun_failed_internally(const struct xsltrun *);

/*
 * Write a result as the stylesheet's xsl:output says (byte-identical for
 * the same input).  Returns 0, or -1 on a write error.
 */
int		 xsltrun_write(struct xsltrun *, xmlDocPtr result, FILE *out);

#endif
