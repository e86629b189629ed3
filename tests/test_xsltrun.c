/*
 * test_xsltrun: stylesheets run under the security preferences of
 * SECURITY.md rule 9: document() reads only the one document handed
 * over, nothing is written, xsl:include is refused, runaway recursion
 * stops, and parameters are taken literally.
 */
#include "harness.h"

#include <libxml/parser.h>
#include <libxslt/xsltutils.h>

#include "diag.h"
#include "xmlload.h"
#include "xsltrun.h"

#define HEAD "<xsl:stylesheet version='1.0' " \
	"xmlns:xsl='http://www.w3.org/1999/XSL/Transform' " \
	"xmlns:exsl='http://exslt.org/common' " \
	"extension-element-prefixes='exsl'>"

/* Compile text as a stylesheet, run it on <in/>; messages in *msgs. */
static xmlDocPtr
run_text(const char *text, const struct xsltrun_options *opt, char **msgs)
{
	char			 path[PATH_MAX];
	struct diag		 d;
	struct xsltrun		*xr;
	enum xmlload_status	 status;
	xmlDocPtr		 in, out = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(msgs, &len);

	assert_non_null(f);
	diag_init(&d, f, NULL);
	tmppath("t.xsl", path, sizeof(path));
	spew(path, text, strlen(text));
	in = xmlload_memory("<in/>", 5, "in.xml", &d, &status);
	assert_non_null(in);
	if ((xr = xsltrun_new(path, &d)) != NULL)
		out = xsltrun_run(xr, in, "in.xml", opt, &d);
	xsltrun_free(xr);
	xmlFreeDoc(in);
	fclose(f);
	return out;
}

static void
document_reads_nothing_else(void **state)
{
	char		*msgs;
	xmlDocPtr	 out;

	(void)state;
	out = run_text(HEAD "<xsl:template match='/'><r><xsl:value-of "
	    "select=\"document('/etc/passwd')\"/></r></xsl:template>"
	    "</xsl:stylesheet>", NULL, &msgs);
	/* either refused outright or an empty result: never the file */
	if (out != NULL) {
		xmlChar	*s = xmlNodeGetContent(xmlDocGetRootElement(out));

		assert_null(strstr((const char *)s, "root:"));
		xmlFree(s);
		xmlFreeDoc(out);
	}
	free(msgs);
}

static void
document_reads_the_one_document(void **state)
{
	struct xsltrun_options	 opt = { 0 };
	enum xmlload_status	 status;
	struct diag		 d;
	char			*msgs;
	xmlChar			*s;
	xmlDocPtr		 rules, out;

	(void)state;
	diag_init(&d, stderr, "test");
	rules = xmlload_memory("<rules>thirty</rules>", 21, "r.xml", &d,
	    &status);
	assert_non_null(rules);
	opt.readable_path = "/data/rules.xml";
	opt.readable_doc = rules;
	out = run_text(HEAD "<xsl:template match='/'><r><xsl:value-of "
	    "select=\"document('/data/rules.xml')\"/></r></xsl:template>"
	    "</xsl:stylesheet>", &opt, &msgs);
	assert_non_null(out);
	s = xmlNodeGetContent(xmlDocGetRootElement(out));
	assert_string_equal((const char *)s, "thirty");
	xmlFree(s);
	xmlFreeDoc(out);
	xmlFreeDoc(rules);
	free(msgs);
}

static void
writing_a_file_is_refused(void **state)
{
	char		 target[PATH_MAX], *text, *msgs;
	xmlDocPtr	 out;
	struct stat	 st;

	(void)state;
	tmppath("written.txt", target, sizeof(target));
	assert_true(asprintf(&text, HEAD "<xsl:template match='/'>"
	    "<exsl:document href='%s' method='text'>owned</exsl:document>"
	    "<r/></xsl:template></xsl:stylesheet>", target) > 0);
	out = run_text(text, NULL, &msgs);
	assert_null(out);
	assert_int_equal(stat(target, &st), -1);
	free(text);
	free(msgs);
}

static void
include_is_refused(void **state)
{
	char		 inc[PATH_MAX], *text, *msgs;
	xmlDocPtr	 out;

	(void)state;
	tmppath("inc.xsl", inc, sizeof(inc));
	spew(inc, HEAD "</xsl:stylesheet>", strlen(HEAD) + 17);
	assert_true(asprintf(&text, HEAD "<xsl:include href='%s'/>"
	    "<xsl:template match='/'><r/></xsl:template></xsl:stylesheet>",
	    inc) > 0);
	out = run_text(text, NULL, &msgs);
	assert_null(out);
	assert_non_null(strstr(msgs, "cannot be compiled"));
	free(text);
	free(msgs);
}

static void
runaway_recursion_stops(void **state)
{
	char		*msgs;
	xmlDocPtr	 out;

	(void)state;
	out = run_text(HEAD "<xsl:template name='f'><xsl:call-template "
	    "name='f'/></xsl:template><xsl:template match='/'><r>"
	    "<xsl:call-template name='f'/></r></xsl:template>"
	    "</xsl:stylesheet>", NULL, &msgs);
	assert_null(out);
	assert_true(strlen(msgs) > 0);
	free(msgs);
}

static void
params_are_literal(void **state)
{
	static const char *const params[] = { "v", "count(//*) + 1", NULL };
	struct xsltrun_options	 opt = { 0 };
	char			*msgs;
	xmlChar			*s;
	xmlDocPtr		 out;

	(void)state;
	opt.params = params;
	out = run_text(HEAD "<xsl:param name='v'/><xsl:template match='/'>"
	    "<r><xsl:value-of select='$v'/></r></xsl:template>"
	    "</xsl:stylesheet>", &opt, &msgs);
	assert_non_null(out);
	s = xmlNodeGetContent(xmlDocGetRootElement(out));
	assert_string_equal((const char *)s, "count(//*) + 1");
	xmlFree(s);
	xmlFreeDoc(out);
	free(msgs);
}

static void
message_lines_are_located(void **state)
{
	char		*msgs;
	xmlDocPtr	 out;

	(void)state;
	out = run_text(HEAD "<xsl:template match='/'><xsl:message "
	    "terminate='yes'>line 7: something is wrong</xsl:message>"
	    "</xsl:template></xsl:stylesheet>", NULL, &msgs);
	assert_null(out);
	if (strstr(msgs, "in.xml:7: error: something is wrong") == NULL)
		fail_msg("messages: %s", msgs);
	free(msgs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(document_reads_nothing_else),
		cmocka_unit_test(document_reads_the_one_document),
		cmocka_unit_test(writing_a_file_is_refused),
		cmocka_unit_test(include_is_refused),
		cmocka_unit_test(runaway_recursion_stops),
		cmocka_unit_test(params_are_literal),
		cmocka_unit_test(message_lines_are_located),
	};
	int	rc;

	xmlload_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
