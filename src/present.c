/*
 * present: checklists to a layout document (see present.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "datadir.h"
#include "diag.h"
#include "present.h"
#include "xsltrun.h"

#define PRESENT_NS	"urn:endorse:present:1"

/* The stylesheet of each kind, under the data directory. */
static const char *const stylesheets[PRESENT__COUNT] = {
	"stylesheets/packet.xsl",
	"stylesheets/review.xsl",
	"stylesheets/renewal.xsl",
	"stylesheets/roster.xsl",
	"stylesheets/review-index.xsl",
};

struct present {
	const struct datadir	*datadir;
	struct xsltrun		*style[PRESENT__COUNT];	/* on first use */
};

struct present *
present_new(const struct datadir *dd, struct diag *d)
{
	struct present	*pr;

	if ((pr = calloc(1, sizeof(*pr))) == NULL) {
		diag_error(d, "endorse", 0, "out of memory");
		return NULL;
	}
	pr->datadir = dd;
	return pr;
}

void
present_free(struct present *pr)
{
	size_t	i;

	if (pr == NULL)
		return;
	for (i = 0; i < PRESENT__COUNT; i++)
		xsltrun_free(pr->style[i]);
	free(pr);
}

static struct xsltrun *
style_get(struct present *pr, enum present_kind kind, struct diag *d)
{
	char	path[PATH_MAX];

	if (pr->style[kind] == NULL) {
		if (datadir_path(pr->datadir, stylesheets[kind], path,
		    sizeof(path)) == NULL) {
			diag_error(d, stylesheets[kind], 0, "path too long");
			return NULL;
		}
		pr->style[kind] = xsltrun_new(path, d);
	}
	return pr->style[kind];
}

/* <present><entry source="..."> checklist portfolio </entry>... */
xmlDocPtr
present_input_new(const char *name, xmlNodePtr *root, xmlNsPtr *ns)
{
	xmlDocPtr	doc;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (*root = xmlNewDocNode(doc, NULL, BAD_CAST name, NULL)) == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlDocSetRootElement(doc, *root);
	if ((*ns = xmlNewNs(*root, BAD_CAST PRESENT_NS, NULL)) == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlSetNs(*root, *ns);
	return doc;
}

static xmlDocPtr
bundle(const struct present_entry *e, size_t n)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, entry, copy;
	xmlNsPtr	 ns;
	size_t		 i;

	if ((doc = present_input_new("present", &root, &ns)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if ((entry = xmlNewChild(root, ns, BAD_CAST "entry", NULL)) ==
		    NULL || xmlNewProp(entry, BAD_CAST "source",
		    BAD_CAST e[i].source) == NULL)
			goto fail;
		if ((copy = xmlDocCopyNode(xmlDocGetRootElement(
		    e[i].checklist), doc, 1)) == NULL ||
		    xmlAddChild(entry, copy) == NULL)
			goto fail;
		if ((copy = xmlDocCopyNode(xmlDocGetRootElement(
		    e[i].portfolio), doc, 1)) == NULL ||
		    xmlAddChild(entry, copy) == NULL)
			goto fail;
	}
	return doc;
fail:
	xmlFreeDoc(doc);
	return NULL;
}

/* Most extra parameters one run may pass. */
#define MAX_PARAMS	8

xmlDocPtr
present_run(struct present *pr, enum present_kind kind,
    const struct present_entry *e, size_t n, const char *created,
    struct diag *d)
{
	return present_run_with(pr, kind, e, n, created, NULL, d);
}

xmlDocPtr
present_run_with(struct present *pr, enum present_kind kind,
    const struct present_entry *e, size_t n, const char *created,
    const char *const *extra, struct diag *d)
{
	struct xsltrun_options	 opt;
	struct xsltrun		*xr;
	const char		*params[2 * MAX_PARAMS + 3];
	xmlDocPtr		 in, out;
	size_t			 k = 2;

	if ((xr = style_get(pr, kind, d)) == NULL)
		return NULL;
	if ((in = bundle(e, n)) == NULL) {
		diag_error(d, n > 0 ? e[0].source : "endorse", 0,
		    "out of memory");
		return NULL;
	}
	params[0] = "created";
	params[1] = created;
	for (; extra != NULL && extra[k - 2] != NULL && extra[k - 1] != NULL &&
	    k < 2 * MAX_PARAMS + 2; k += 2) {
		params[k] = extra[k - 2];
		params[k + 1] = extra[k - 1];
	}
	params[k] = NULL;
	memset(&opt, 0, sizeof(opt));
	opt.params = params;
	out = xsltrun_run(xr, in, n == 1 ? e[0].source : stylesheets[kind],
	    &opt, d);
	xmlFreeDoc(in);
	return out;
}

xmlDocPtr
present_run_document(struct present *pr, enum present_kind kind,
    xmlDocPtr in, const char *name, const char *created, struct diag *d)
{
	struct xsltrun_options	 opt;
	struct xsltrun		*xr;
	const char		*params[3];

	if ((xr = style_get(pr, kind, d)) == NULL)
		return NULL;
	params[0] = "created";
	params[1] = created;
	params[2] = NULL;
	memset(&opt, 0, sizeof(opt));
	opt.params = params;
	return xsltrun_run(xr, in, name, &opt, d);
}

int
present_write(struct present *pr, enum present_kind kind, xmlDocPtr layout,
    FILE *out)
{
	if (pr->style[kind] == NULL)
		return -1;
	return xsltrun_write(pr->style[kind], layout, out);
}
