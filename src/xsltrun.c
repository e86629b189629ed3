/*
 * xsltrun: run a stylesheet safely (see xsltrun.h).
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxml/tree.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "diag.h"
#include "xmlload.h"
#include "xsltrun.h"

#define EF_NS		"urn:endorse:functions"

/* Limits for one transformation (SECURITY.md rule 9). */
#define MAX_TEMPLATE_DEPTH	500
#define MAX_TEMPLATE_VARS	20000
#define MAX_XPATH_OPS		200000000UL

struct xsltrun {
	xsltStylesheetPtr	 style;
	char			*path;
	int			 internal;	/* the last run's failure */
};

/* What the callbacks of one transformation see (tctxt->_private). */
struct xsltrun_call {
	struct diag			*diag;
	const char			*name;
	const struct xsltrun_options	*opt;
	int				 errors;
	/* libxslt's own runtime errors (a limit, a failed expression):
	 * not the data's fault; the first detail is kept */
	int				 internal;
	char				 detail[256];
};

/*
 * libxslt reports through printf-like callbacks, a line at a time:
 * format one into buf without its trailing newlines and blanks.
 * Returns its length.
 */
static size_t
format_message(char *buf, size_t bufsz, const char *fmt, va_list ap)
{
	size_t	n;

	vsnprintf(buf, bufsz, fmt, ap);
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return n;
}

/*
 * A message while running; the stylesheets' xsl:message texts start
 * "line N: " when they point into the input.
 */
static void
on_run_error(void *ctx, const char *fmt, ...)
{
	struct xsltrun_call	*call = ctx;
	char			 msg[1024], *p;
	long			 line = 0;
	va_list			 ap;
	size_t			 n;

	va_start(ap, fmt);
	n = format_message(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n == 0 || strncmp(msg, "xsltApplyStylesheet: ", 21) == 0 ||
	    strcmp(msg, "Execution was stopped") == 0)
		return;
	/*
	 * libxslt opens each of its own errors with "runtime error: file
	 * STYLESHEET line N ..." and then says what; xsl:message texts (the
	 * stylesheet's verdicts on the data) come alone.  An internal error
	 * is reported once, at the end, without the stylesheet's path.
	 */
	if (strncmp(msg, "runtime error", 13) == 0) {
		call->internal++;
		return;
	}
	if (call->internal > 0) {
		if (call->detail[0] == '\0')
			snprintf(call->detail, sizeof(call->detail), "%.*s",
			    (int)sizeof(call->detail) - 1, msg);
		return;
	}
	p = msg;
	if (strncmp(p, "line ", 5) == 0) {
		line = strtol(p + 5, &p, 10);
		if (strncmp(p, ": ", 2) == 0)
			p += 2;
		else
			p = msg;
	}
	call->errors++;
	diag_error(call->diag, call->name, line, "%s", p);
}

static void
silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* Errors while compiling a stylesheet. */
struct compile_ctx {
	struct diag	*diag;
	const char	*path;
};

static void
on_compile_error(void *ctx, const char *fmt, ...)
{
	struct compile_ctx	*cc = ctx;
	char			 msg[1024];
	va_list			 ap;
	size_t			 n;
	char			*p = msg;
	long			 line = 0;

	va_start(ap, fmt);
	n = format_message(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n == 0)
		return;
	if (strncmp(p, "line ", 5) == 0) {
		line = strtol(p + 5, &p, 10);
		if (strncmp(p, ": ", 2) == 0)
			p += 2;
		else {
			p = msg;
			line = 0;
		}
	}
	diag_error(cc->diag, cc->path, line, "%s", p);
}

/*
 * A stylesheet module may name another only by a bare file name of the
 * shipped directory ("common.xsl"): no directory part, no scheme, no
 * "..", no xml:base to move the base.
 */
static int
module_name_ok(const xmlChar *href)
{
	const xmlChar	*p;
	size_t		 n;

	if (href == NULL || href[0] == '\0' || href[0] == '.')
		return 0;
	for (p = href; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.'))
			return 0;
	n = (size_t)(p - href);
	return n > 4 && strcmp((const char *)href + n - 4, ".xsl") == 0 &&
	    strstr((const char *)href, "..") == NULL;
}

/* The first element of the tree from n that breaks that rule, or NULL. */
static xmlNodePtr
find_bad_module(xmlNodePtr n)
{
	xmlNodePtr	 c, bad;
	xmlChar		*href;
	int		 ok;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlHasNsProp(n, BAD_CAST "base", XML_XML_NAMESPACE))
			return n;
		if (n->ns != NULL && xmlStrEqual(n->ns->href, XSLT_NAMESPACE) &&
		    (xmlStrEqual(n->name, BAD_CAST "include") ||
		    xmlStrEqual(n->name, BAD_CAST "import"))) {
			href = xmlGetNsProp(n, BAD_CAST "href", NULL);
			ok = module_name_ok(href);
			xmlFree(href);
			if (!ok)
				return n;
		}
		if ((c = n->children) != NULL && (bad = find_bad_module(c)))
			return bad;
	}
	return NULL;
}

/* Report a stylesheet module that names a module it may not. */
static int
check_modules(xmlDocPtr doc, xsltStylesheetPtr style)
{
	static const char	 why[] = "a stylesheet may include only a "
	    "stylesheet of its own directory, by file name";
	const char		*what, *quoted;
	xmlNodePtr		 bad;
	xmlChar			*href;

	if ((bad = find_bad_module(doc->children)) == NULL)
		return 0;
	if ((href = xmlGetNsProp(bad, BAD_CAST "base",
	    XML_XML_NAMESPACE)) != NULL)
		what = "xml:base";
	else {
		href = xmlGetNsProp(bad, BAD_CAST "href", NULL);
		what = xmlStrEqual(bad->name, BAD_CAST "import") ?
		    "xsl:import" : "xsl:include";
	}
	quoted = href != NULL ? (const char *)href : "";
	/* The principal stylesheet's lines are its own; a module names itself. */
	if (style == NULL)
		xsltTransformError(NULL, style, NULL, "line %ld: %s '%s' is "
		    "refused: %s\n", (long)xmlGetLineNo(bad), what, quoted, why);
	else
		xsltTransformError(NULL, style, NULL, "%s '%s' in %s (line "
		    "%ld) is refused: %s\n", what, quoted, doc->URL != NULL ?
		    (const char *)doc->URL : "a module", (long)xmlGetLineNo(bad),
		    why);
	xmlFree(href);
	return -1;
}

/*
 * The real directory of the principal stylesheet being compiled (the one
 * xsltrun_new was given, from the data directory) into dir.
 */
static int
shipped_dir(xsltStylesheetPtr style, char *dir)
{
	char	*slash;

	while (style->parent != NULL)
		style = style->parent;
	if (style->doc == NULL || style->doc->URL == NULL ||
	    realpath((const char *)style->doc->URL, dir) == NULL ||
	    (slash = strrchr(dir, '/')) == NULL)
		return -1;
	slash[slash == dir ? 1 : 0] = '\0';
	return 0;
}

/*
 * xsl:include and xsl:import, at compile time: a file of the shipped
 * stylesheets directory, read through xmlload, and nothing else
 * (SECURITY.md rule 9).
 */
static xmlDocPtr
load_module(const xmlChar *uri, xsltStylesheetPtr style)
{
	char			 dir[PATH_MAX], real[PATH_MAX], *slash, *msgs;
	const char		*u = (const char *)uri;
	enum xmlload_status	 status;
	struct diag		 d;
	xmlDocPtr		 doc = NULL;
	size_t			 len = 0;
	FILE			*f;

	/* A plain absolute path: no scheme (http:, file:), no escapes. */
	if (style == NULL || u[0] != '/' || strchr(u, ':') != NULL ||
	    strchr(u, '%') != NULL || shipped_dir(style, dir) != 0 ||
	    realpath(u, real) == NULL || (slash = strrchr(real, '/')) == NULL ||
	    (size_t)(slash - real) != strlen(dir) ||
	    strncmp(real, dir, strlen(dir)) != 0 ||
	    !module_name_ok(BAD_CAST slash + 1)) {
		xsltTransformError(NULL, style, NULL, "'%s' is refused: a "
		    "stylesheet may include only a stylesheet of its own "
		    "directory\n", u);
		return NULL;
	}
	if ((f = open_memstream(&msgs, &len)) == NULL)
		return NULL;
	diag_init(&d, f, NULL);
	doc = xmlload_file(real, NULL, &d, &status);
	fclose(f);
	if (len > 0)
		xsltTransformError(NULL, style, NULL, "%s", msgs);
	free(msgs);
	if (doc != NULL && check_modules(doc, style) != 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/*
 * document() may read the one document of this run and nothing else;
 * stylesheet modules come from the shipped directory (load_module).  The
 * copy handed over is freed by libxslt with the transformation.
 */
static xmlDocPtr
load_document(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
    xsltLoadType type)
{
	xsltTransformContextPtr	 tctxt = ctxt;
	struct xsltrun_call	*call;

	(void)dict;
	(void)options;
	if (uri == NULL)
		return NULL;
	if (type == XSLT_LOAD_STYLESHEET)
		return load_module(uri, ctxt);
	if (type != XSLT_LOAD_DOCUMENT || tctxt == NULL ||
	    (call = tctxt->_private) == NULL ||
	    call->opt->readable_path == NULL ||
	    call->opt->readable_doc == NULL ||
	    strcmp((const char *)uri, call->opt->readable_path) != 0)
		return NULL;
	return xmlCopyDoc(call->opt->readable_doc, 1);
}

static int
allow_readable(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt,
    const char *value)
{
	struct xsltrun_call	*call;

	(void)sec;
	if (tctxt == NULL || (call = tctxt->_private) == NULL ||
	    call->opt->readable_path == NULL || value == NULL)
		return 0;
	return strcmp(value, call->opt->readable_path) == 0;
}

struct xsltrun *
xsltrun_new(const char *path, struct diag *d)
{
	struct xsltrun		*xr;
	struct compile_ctx	 cc = { d, path };
	enum xmlload_status	 status;
	xmlDocPtr		 doc;

	/* Process-wide and idempotent: EXSLT and the refusing loader. */
	exsltRegisterAll();
	xsltSetLoaderFunc(load_document);
	if ((xr = calloc(1, sizeof(*xr))) == NULL ||
	    (xr->path = strdup(path)) == NULL) {
		diag_error(d, path, 0, "out of memory");
		goto fail;
	}
	if ((doc = xmlload_file(path, NULL, d, &status)) == NULL)
		goto fail;
	xsltSetGenericErrorFunc(&cc, on_compile_error);
	if (check_modules(doc, NULL) == 0)
		xr->style = xsltParseStylesheetDoc(doc);
	xsltSetGenericErrorFunc(NULL, silent);
	if (xr->style == NULL) {
		xmlFreeDoc(doc);
		diag_error(d, path, 0, "the stylesheet cannot be compiled");
		goto fail;
	}
	return xr;
fail:
	xsltrun_free(xr);
	return NULL;
}

void
xsltrun_free(struct xsltrun *xr)
{
	if (xr == NULL)
		return;
	if (xr->style != NULL)
		xsltFreeStylesheet(xr->style);
	free(xr->path);
	free(xr);
}

/* Security preferences of SECURITY.md rule 9 for one context. */
static int
secure(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt)
{
	return xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE,
	    allow_readable) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetCtxtSecurityPrefs(sec, tctxt) != 0 ? -1 : 0;
}

xmlDocPtr
xsltrun_run(struct xsltrun *xr, xmlDocPtr in, const char *name,
    const struct xsltrun_options *opt, struct diag *d)
{
	static const struct xsltrun_options	 none;
	struct xsltrun_call			 call;
	const struct xsltrun_function		*f;
	xsltTransformContextPtr			 tctxt = NULL;
	xsltSecurityPrefsPtr			 sec = NULL;
	xmlDocPtr				 res = NULL;

	memset(&call, 0, sizeof(call));
	xr->internal = 0;
	call.diag = d;
	call.name = name;
	call.opt = opt != NULL ? opt : &none;

	if ((tctxt = xsltNewTransformContext(xr->style, in)) == NULL ||
	    (sec = xsltNewSecurityPrefs()) == NULL)
		goto nomem;
	tctxt->_private = &call;
	tctxt->maxTemplateDepth = MAX_TEMPLATE_DEPTH;
	tctxt->maxTemplateVars = MAX_TEMPLATE_VARS;
	if (tctxt->xpathCtxt != NULL)
		tctxt->xpathCtxt->opLimit = MAX_XPATH_OPS;
	xsltSetTransformErrorFunc(tctxt, &call, on_run_error);
	if (secure(sec, tctxt) != 0)
		goto nomem;
	for (f = call.opt->functions; f != NULL && f->name != NULL; f++)
		if (xsltRegisterExtFunction(tctxt, BAD_CAST f->name,
		    BAD_CAST EF_NS, f->fn) != 0)
			goto nomem;
	/* Values are taken literally, never evaluated as XPath. */
	if (call.opt->params != NULL &&
	    xsltQuoteUserParams(tctxt, (const char **)call.opt->params) != 0)
		goto nomem;

	res = xsltApplyStylesheetUser(xr->style, in, NULL, NULL, NULL, tctxt);
	/* SECURITY.md rule 9: the state, not only the returned tree. */
	if (res == NULL || tctxt->state != XSLT_STATE_OK || call.errors > 0 ||
	    call.internal > 0) {
		if (call.internal > 0 || call.errors == 0) {
			xr->internal = 1;
			diag_error(d, name, 0, "internal error: the "
			    "transformation stopped%s%s", call.detail[0] !=
			    '\0' ? ": " : "", call.detail);
		}
		xmlFreeDoc(res);
		res = NULL;
	}
	goto out;
nomem:
	xr->internal = 1;
	diag_error(d, name, 0, "internal error: out of memory");
out:
	if (tctxt != NULL)
		xsltFreeTransformContext(tctxt);
	if (sec != NULL)
		xsltFreeSecurityPrefs(sec);
	return res;
}

int
xsltrun_failed_internally(const struct xsltrun *xr)
{
	return xr != NULL && xr->internal;
}

int
xsltrun_write(struct xsltrun *xr, xmlDocPtr result, FILE *out)
{
	xmlChar	*buf = NULL;
	int	 len = 0, rc = 0;

	if (xsltSaveResultToString(&buf, &len, result, xr->style) != 0)
		return -1;
	if (len > 0 && fwrite(buf, 1, (size_t)len, out) != (size_t)len)
		rc = -1;
	xmlFree(buf);
	return rc;
}
