/*
 * test_xsltrun: stylesheets run under the security preferences of
 * SECURITY.md rule 9: document() reads only the one document handed
 * over, nothing is written, xsl:include and xsl:import reach only the
 * stylesheet's own directory, by file name, runaway recursion stops,
 * and parameters are taken literally.
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

/*
 * Compile text as a stylesheet, run it on <in/>; messages in *msgs, and
 * whether the failure was internal in last_internal.
 */
static int	last_internal;

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
	last_internal = -1;
	if ((xr = xsltrun_new(path, &d)) != NULL) {
		out = xsltrun_run(xr, in, "in.xml", opt, &d);
		last_internal = xsltrun_failed_internally(xr);
	}
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

/* A module for the include tests: one named template. */
#define MODULE HEAD "<xsl:template name='hello'><hi/></xsl:template>" \
	"</xsl:stylesheet>"

/* Compile a stylesheet that includes (or imports) href; true if it ran. */
static int
includes(const char *elem, const char *href, char **msgs)
{
	char		*text;
	xmlDocPtr	 out;
	int		 ran;

	assert_true(asprintf(&text, HEAD "<xsl:%s href='%s'/>"
	    "<xsl:template match='/'><r><xsl:call-template name='hello'/>"
	    "</r></xsl:template></xsl:stylesheet>", elem, href) > 0);
	out = run_text(text, NULL, msgs);
	ran = out != NULL;
	if (out != NULL)
		assert_non_null(xmlDocGetRootElement(out)->children);
	xmlFreeDoc(out);
	free(text);
	return ran;
}

static void
shipped_include_works(void **state)
{
	char	 inc[PATH_MAX], *msgs;

	(void)state;
	tmppath("inc.xsl", inc, sizeof(inc));
	spew(inc, MODULE, strlen(MODULE));
	if (!includes("include", "inc.xsl", &msgs))
		fail_msg("include refused: %s", msgs);
	free(msgs);
	if (!includes("import", "inc.xsl", &msgs))
		fail_msg("import refused: %s", msgs);
	free(msgs);
}

/* Refused at compile time, with a message that names the reference. */
static void
assert_refused(const char *elem, const char *href, const char *quoted)
{
	char	*msgs;

	if (includes(elem, href, &msgs))
		fail_msg("%s of '%s' was allowed", elem, href);
	if (strstr(msgs, "cannot be compiled") == NULL ||
	    strstr(msgs, quoted) == NULL || strstr(msgs, "refused") == NULL)
		fail_msg("%s of '%s': messages: %s", elem, href, msgs);
	free(msgs);
}

static void
include_by_absolute_path_is_refused(void **state)
{
	char	 inc[PATH_MAX];

	(void)state;
	/* even the path of a file of the shipped directory itself */
	tmppath("inc.xsl", inc, sizeof(inc));
	spew(inc, MODULE, strlen(MODULE));
	assert_refused("include", inc, inc);
	assert_refused("import", inc, inc);
	assert_refused("include", "/etc/passwd", "/etc/passwd");
}

static void
include_with_dotdot_is_refused(void **state)
{
	char	 inc[PATH_MAX], sub[PATH_MAX];

	(void)state;
	tmppath("up.xsl", inc, sizeof(inc));
	spew(inc, MODULE, strlen(MODULE));
	tmppath("sub", sub, sizeof(sub));
	(void)mkdir(sub, 0700);
	assert_refused("include", "../up.xsl", "../up.xsl");
	assert_refused("include", "sub/../inc.xsl", "sub/../inc.xsl");
	assert_refused("import", "..", "..");
}

static void
include_from_the_network_is_refused(void **state)
{
	(void)state;
	assert_refused("include", "http://example.org/x.xsl",
	    "http://example.org/x.xsl");
	assert_refused("import", "ftp://example.org/x.xsl",
	    "ftp://example.org/x.xsl");
	assert_refused("include", "file:///etc/passwd", "file:///etc/passwd");
}

/* xml:base would move where a bare name resolves: refused wherever. */
static void
include_with_xml_base_is_refused(void **state)
{
	char		 inc[PATH_MAX], *msgs;
	xmlDocPtr	 out;

	(void)state;
	tmppath("inc.xsl", inc, sizeof(inc));
	spew(inc, MODULE, strlen(MODULE));
	out = run_text(HEAD "<xsl:include xml:base='/etc/' href='inc.xsl'/>"
	    "<xsl:template match='/'><r><xsl:call-template name='hello'/>"
	    "</r></xsl:template></xsl:stylesheet>", NULL, &msgs);
	assert_null(out);
	if (strstr(msgs, "xml:base '/etc/' is refused") == NULL)
		fail_msg("messages: %s", msgs);
	free(msgs);
}

/*
 * A name of the directory that leads outside it (a symbolic link), and a
 * shipped module that includes something it may not: both refused.
 */
static void
include_outside_the_directory_is_refused(void **state)
{
	char	 outside[PATH_MAX], link[PATH_MAX], nest[PATH_MAX];
	char	 sub[PATH_MAX], *msgs;

	(void)state;
	tmppath("elsewhere", sub, sizeof(sub));
	(void)mkdir(sub, 0700);
	tmppath("elsewhere/out.xsl", outside, sizeof(outside));
	spew(outside, MODULE, strlen(MODULE));
	tmppath("link.xsl", link, sizeof(link));
	(void)unlink(link);
	assert_int_equal(symlink(outside, link), 0);
	if (includes("include", "link.xsl", &msgs))
		fail_msg("a link to a file outside the directory was included");
	assert_non_null(strstr(msgs, "refused"));
	free(msgs);
	assert_refused("include", "elsewhere/out.xsl", "elsewhere/out.xsl");

	tmppath("nest.xsl", nest, sizeof(nest));
	spew(nest, HEAD "<xsl:include href='../x.xsl'/></xsl:stylesheet>",
	    strlen(HEAD) + 47);
	if (includes("include", "nest.xsl", &msgs))
		fail_msg("a module's own include was not checked");
	if (strstr(msgs, "'../x.xsl' in ") == NULL)
		fail_msg("messages: %s", msgs);
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
	/* endorse's own failure, said without the stylesheet's path */
	assert_int_equal(last_internal, 1);
	if (strstr(msgs, "in.xml: error: internal error") == NULL ||
	    strstr(msgs, "t.xsl") != NULL)
		fail_msg("messages: %s", msgs);
	free(msgs);
}

static void
failed_expression_is_internal(void **state)
{
	char		*msgs;
	xmlDocPtr	 out;

	(void)state;
	/* an unknown function: a stylesheet bug, not the data's */
	out = run_text(HEAD "<xsl:template match='/'><r><xsl:value-of "
	    "select='no-such-function(1)'/></r></xsl:template>"
	    "</xsl:stylesheet>", NULL, &msgs);
	assert_null(out);
	assert_int_equal(last_internal, 1);
	if (strstr(msgs, "internal error") == NULL ||
	    strstr(msgs, "t.xsl") != NULL)
		fail_msg("messages: %s", msgs);
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
	/* the stylesheet's verdict on the data: not internal */
	assert_int_equal(last_internal, 0);
	if (strstr(msgs, "in.xml:7: error: something is wrong") == NULL ||
	    strstr(msgs, "internal") != NULL)
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
		cmocka_unit_test(shipped_include_works),
		cmocka_unit_test(include_by_absolute_path_is_refused),
		cmocka_unit_test(include_with_dotdot_is_refused),
		cmocka_unit_test(include_from_the_network_is_refused),
		cmocka_unit_test(include_outside_the_directory_is_refused),
		cmocka_unit_test(include_with_xml_base_is_refused),
		cmocka_unit_test(runaway_recursion_stops),
		cmocka_unit_test(failed_expression_is_internal),
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
