/*
 * evaluate: run the evaluation stylesheet safely (see evaluate.h).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xpathInternals.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "evaluate.h"
#include "validate.h"
#include "xmlload.h"
#include "xsltrun.h"

/* A rule file, read and checked once per process. */
struct rules {
	char		*association;
	char		*path;
	xmlDocPtr	 doc;
};

struct evaluate {
	struct xsltrun		*style;		/* evaluate.xsl */
	const struct catalog	*catalog;
	struct validate		*schema;	/* requirements.xsd */
	struct rules		*rules;		/* loaded so far */
	size_t			 nrules;
};

/* ef:fold(string): Unicode NFC, case-folded, spaces collapsed. */
static void
ef_fold(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*s;
	gchar	*nfc, *folded;
	GString	*out;
	const gchar *p;
	int	 space = 0;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	s = xmlXPathPopString(ctxt);
	if (s == NULL || !g_utf8_validate((const gchar *)s, -1, NULL)) {
		xmlXPathReturnEmptyString(ctxt);
		xmlFree(s);
		return;
	}
	nfc = g_utf8_normalize((const gchar *)s, -1, G_NORMALIZE_NFC);
	folded = g_utf8_casefold(nfc != NULL ? nfc : (const gchar *)s, -1);
	out = g_string_new(NULL);
	for (p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
		if (g_unichar_isspace(g_utf8_get_char(p))) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = 0;
		g_string_append_unichar(out, g_utf8_get_char(p));
	}
	xmlXPathReturnString(ctxt, xmlStrdup((const xmlChar *)out->str));
	g_string_free(out, TRUE);
	g_free(folded);
	g_free(nfc);
	xmlFree(s);
}

/* ef:line(node): the line of a node of the portfolio. */
static void
ef_line(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodeSetPtr	 set;
	long		 line = 0;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	set = xmlXPathPopNodeSet(ctxt);
	if (set != NULL && set->nodeNr > 0)
		line = xmlGetLineNo(set->nodeTab[0]);
	xmlXPathFreeNodeSet(set);
	xmlXPathReturnNumber(ctxt, (double)line);
}

struct evaluate *
evaluate_new(const struct datadir *dd, const struct catalog *cat,
    struct diag *d)
{
	struct evaluate		*ev;
	char			 path[PATH_MAX];

	if ((ev = calloc(1, sizeof(*ev))) == NULL)
		return NULL;
	ev->catalog = cat;
	if (datadir_path(dd, "schemas/requirements.xsd", path,
	    sizeof(path)) == NULL ||
	    (ev->schema = validate_new(path, NULL, d)) == NULL)
		goto fail;
	if (datadir_path(dd, "stylesheets/evaluate.xsl", path,
	    sizeof(path)) == NULL ||
	    (ev->style = xsltrun_new(path, d)) == NULL)
		goto fail;
	return ev;
fail:
	evaluate_free(ev);
	return NULL;
}

void
evaluate_free(struct evaluate *ev)
{
	size_t	i;

	if (ev == NULL)
		return;
	xsltrun_free(ev->style);
	validate_free(ev->schema);
	for (i = 0; i < ev->nrules; i++) {
		free(ev->rules[i].association);
		free(ev->rules[i].path);
		xmlFreeDoc(ev->rules[i].doc);
	}
	free(ev->rules);
	free(ev);
}

/* The rule file of an association, read and validated on first use. */
static const struct rules *
rules_get(struct evaluate *ev, const char *association, const char *name,
    struct diag *d)
{
	const struct catalog_entry	*e;
	struct rules			*r, *nr;
	enum xmlload_status		 status;
	xmlDocPtr			 doc;
	size_t				 i;

	for (i = 0; i < ev->nrules; i++)
		if (strcmp(ev->rules[i].association, association) == 0)
			return &ev->rules[i];
	if ((e = catalog_find(ev->catalog, association)) == NULL) {
		diag_error(d, name, 0, "endorse has no requirements for "
		    "association '%s'", association);
		return NULL;
	}
	if ((doc = xmlload_file(e->path, NULL, d, &status)) == NULL)
		return NULL;
	if (validate_run(ev->schema, doc, e->path, d) == -1) {
		xmlFreeDoc(doc);
		return NULL;
	}
	if ((nr = realloc(ev->rules, (ev->nrules + 1) * sizeof(*nr))) ==
	    NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	ev->rules = nr;
	r = &ev->rules[ev->nrules];
	r->association = strdup(association);
	r->path = strdup(e->path);
	r->doc = doc;
	if (r->association == NULL || r->path == NULL) {
		free(r->association);
		free(r->path);
		xmlFreeDoc(doc);
		return NULL;
	}
	ev->nrules++;
	return r;
}

/* The portfolio's application/@association. */
static xmlChar *
applied_association(xmlDocPtr doc)
{
	xmlNode	*n = xmlDocGetRootElement(doc);

	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST "application"))
			return xmlGetProp(n, BAD_CAST "association");
	return NULL;
}

xmlDocPtr
evaluate_run(struct evaluate *ev, xmlDocPtr portfolio, const char *name,
    const struct evaluate_params *prm, struct diag *d)
{
	static const struct xsltrun_function functions[] = {
		{ "fold", ef_fold },
		{ "line", ef_line },
		{ NULL, NULL }
	};
	struct xsltrun_options	 opt;
	const struct rules	*rules;
	xmlDocPtr		 res = NULL;
	xmlChar			*applied;
	const char		*params[13], *assoc;
	int			 n = 0;

	applied = applied_association(portfolio);
	assoc = prm->association != NULL ? prm->association :
	    (const char *)applied;
	if (assoc == NULL) {
		diag_error(d, name, 0, "the portfolio names no association");
		goto out;
	}
	if ((rules = rules_get(ev, assoc, name, d)) == NULL)
		goto out;
	params[n++] = "rules";
	params[n++] = rules->path;
	params[n++] = "as-of";
	params[n++] = prm->as_of;
	params[n++] = "association";
	params[n++] = assoc;
	params[n++] = "track";
	params[n++] = prm->track != NULL ? prm->track : "";
	params[n++] = "kind";
	params[n++] = prm->kind != NULL ? prm->kind : "initial";
	params[n++] = "year";
	params[n++] = prm->year != NULL ? prm->year : "";
	params[n] = NULL;
	memset(&opt, 0, sizeof(opt));
	opt.readable_path = rules->path;
	opt.readable_doc = rules->doc;
	opt.params = params;
	opt.functions = functions;
	res = xsltrun_run(ev->style, portfolio, name, &opt, d);
out:
	xmlFree(applied);
	return res;
}

enum evaluate_result
evaluate_result(xmlDocPtr checklist)
{
	xmlNode			*root = xmlDocGetRootElement(checklist);
	xmlChar			*r;
	enum evaluate_result	 res = EVALUATE_NOT_READY;

	if (root == NULL || (r = xmlGetProp(root, BAD_CAST "result")) ==
	    NULL)
		return res;
	if (xmlStrEqual(r, BAD_CAST "ready"))
		res = EVALUATE_READY;
	else if (xmlStrEqual(r, BAD_CAST "needs-review"))
		res = EVALUATE_REVIEW;
	xmlFree(r);
	return res;
}

int
evaluate_write(struct evaluate *ev, xmlDocPtr checklist, FILE *out)
{
	return xsltrun_write(ev->style, checklist, out);
}
