/*
 * evaluate: run the evaluation stylesheet safely (see evaluate.h).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libexslt/exslt.h>
#include <libxml/tree.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/documents.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "evaluate.h"
#include "validate.h"
#include "xmlload.h"

#define EF_NS		"urn:endorse:functions"
#define CHECKLIST_NS	"urn:endorse:checklist:1"

/* Limits of SECURITY.md for one transformation. */
#define MAX_TEMPLATE_DEPTH	500
#define MAX_TEMPLATE_VARS	20000
#define MAX_XPATH_OPS		200000000UL

/* A rule file, read and checked once per process. */
struct rules {
	char		*association;
	char		*path;
	xmlDocPtr	 doc;
};

struct evaluate {
	xsltStylesheetPtr	 style;
	const struct catalog	*catalog;
	struct validate		*schema;	/* requirements.xsd */
	struct rules		*rules;		/* loaded so far */
	size_t			 nrules;
};

/* What the callbacks of one transformation need. */
struct run_state {
	struct diag		*diag;
	const char		*name;		/* the portfolio's file name */
	const struct rules	*rules;		/* the one document() may read */
	int			 errors;
};

/*
 * libxslt reports through printf-like callbacks, a line at a time; the
 * stylesheet's xsl:message texts start "line N: " when they point into
 * the portfolio.
 */
static void
on_xslt_error(void *ctx, const char *fmt, ...)
{
	struct run_state	*st = ctx;
	char			 msg[1024], *p;
	long			 line = 0;
	va_list			 ap;
	size_t			 n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (n == 0 || strncmp(msg, "xsltApplyStylesheet: ", 21) == 0 ||
	    strcmp(msg, "Execution was stopped") == 0)
		return;
	p = msg;
	if (strncmp(p, "line ", 5) == 0) {
		line = strtol(p + 5, &p, 10);
		if (strncmp(p, ": ", 2) == 0)
			p += 2;
		else
			p = msg;
	}
	st->errors++;
	diag_error(st->diag, st->name, line, "%s", p);
}

static void
silent_xslt(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* Errors while compiling the stylesheet. */
static void
on_compile_error(void *ctx, const char *fmt, ...)
{
	struct diag	*d = ctx;
	char		 msg[1024];
	size_t		 n;
	va_list		 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == '\n')
		msg[--n] = '\0';
	if (n > 0)
		diag_error(d, "stylesheets/evaluate.xsl", 0, "%s", msg);
}

/*
 * document() may read the rule file of this run and nothing else; the
 * copy handed over is freed by libxslt with the transformation.
 */
static xmlDocPtr
load_document(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
    xsltLoadType type)
{
	xsltTransformContextPtr	 tctxt = ctxt;
	struct run_state	*st;

	(void)dict;
	(void)options;
	if (type != XSLT_LOAD_DOCUMENT || tctxt == NULL ||
	    (st = tctxt->_private) == NULL || st->rules == NULL)
		return NULL;
	if (strcmp((const char *)uri, st->rules->path) != 0)
		return NULL;
	return xmlCopyDoc(st->rules->doc, 1);
}

static int
allow_rules_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt,
    const char *value)
{
	struct run_state	*st;

	(void)sec;
	if (tctxt == NULL || (st = tctxt->_private) == NULL ||
	    st->rules == NULL || value == NULL)
		return 0;
	return strcmp(value, st->rules->path) == 0;
}

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
	enum xmlload_status	 status;
	xmlDocPtr		 doc;
	char			 path[PATH_MAX];

	if ((ev = calloc(1, sizeof(*ev))) == NULL)
		return NULL;
	ev->catalog = cat;
	exsltRegisterAll();
	xsltSetLoaderFunc(load_document);
	if (datadir_path(dd, "schemas/requirements.xsd", path,
	    sizeof(path)) == NULL ||
	    (ev->schema = validate_new(path, NULL, d)) == NULL)
		goto fail;
	if (datadir_path(dd, "stylesheets/evaluate.xsl", path,
	    sizeof(path)) == NULL ||
	    (doc = xmlload_file(path, NULL, d, &status)) == NULL)
		goto fail;
	xsltSetGenericErrorFunc(d, on_compile_error);
	ev->style = xsltParseStylesheetDoc(doc);
	xsltSetGenericErrorFunc(NULL, silent_xslt);
	if (ev->style == NULL) {
		xmlFreeDoc(doc);
		diag_error(d, path, 0, "the stylesheet cannot be compiled");
		goto fail;
	}
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
	if (ev->style != NULL)
		xsltFreeStylesheet(ev->style);
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
	struct run_state	 st;
	xsltTransformContextPtr	 tctxt = NULL;
	xsltSecurityPrefsPtr	 sec = NULL;
	xmlDocPtr		 res = NULL;
	xmlChar			*applied = NULL;
	const char		*params[13];
	const char		*assoc;
	int			 n = 0;

	memset(&st, 0, sizeof(st));
	st.diag = d;
	st.name = name;
	applied = applied_association(portfolio);
	assoc = prm->association != NULL ? prm->association :
	    (const char *)applied;
	if (assoc == NULL) {
		diag_error(d, name, 0, "the portfolio names no association");
		goto out;
	}
	if ((st.rules = rules_get(ev, assoc, name, d)) == NULL)
		goto out;

	if ((tctxt = xsltNewTransformContext(ev->style, portfolio)) == NULL ||
	    (sec = xsltNewSecurityPrefs()) == NULL)
		goto nomem;
	tctxt->_private = &st;
	tctxt->maxTemplateDepth = MAX_TEMPLATE_DEPTH;
	tctxt->maxTemplateVars = MAX_TEMPLATE_VARS;
	if (tctxt->xpathCtxt != NULL)
		tctxt->xpathCtxt->opLimit = MAX_XPATH_OPS;
	xsltSetTransformErrorFunc(tctxt, &st, on_xslt_error);
	if (xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE,
	    allow_rules_read) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetCtxtSecurityPrefs(sec, tctxt) != 0)
		goto nomem;
	if (xsltRegisterExtFunction(tctxt, BAD_CAST "fold", BAD_CAST EF_NS,
	    ef_fold) != 0 ||
	    xsltRegisterExtFunction(tctxt, BAD_CAST "line", BAD_CAST EF_NS,
	    ef_line) != 0)
		goto nomem;

	/* Values are taken literally, never evaluated as XPath. */
	params[n++] = "rules";
	params[n++] = st.rules->path;
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
	if (xsltQuoteUserParams(tctxt, params) != 0)
		goto nomem;

	res = xsltApplyStylesheetUser(ev->style, portfolio, NULL, NULL, NULL,
	    tctxt);
	/* SECURITY.md rule 9: the state, not only the returned tree. */
	if (res == NULL || tctxt->state != XSLT_STATE_OK || st.errors > 0) {
		if (st.errors == 0)
			diag_error(d, name, 0, "the evaluation failed");
		xmlFreeDoc(res);
		res = NULL;
	}
	goto out;
nomem:
	diag_error(d, name, 0, "out of memory");
out:
	if (tctxt != NULL)
		xsltFreeTransformContext(tctxt);
	if (sec != NULL)
		xsltFreeSecurityPrefs(sec);
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
	xmlChar	*buf = NULL;
	int	 len = 0, rc = 0;

	if (xsltSaveResultToString(&buf, &len, checklist, ev->style) != 0)
		return -1;
	if (len > 0 && fwrite(buf, 1, (size_t)len, out) != (size_t)len)
		rc = -1;
	xmlFree(buf);
	return rc;
}
