/*
 * test_xmlload: the secure XML loader (SECURITY.md rules 1-8).
 */
#include "harness.h"

#include <libxml/parser.h>

#include "diag.h"
#include "xmlload.h"

/* Load buf and return what was reported (caller frees). */
static char *
load(const char *buf, size_t len, enum xmlload_status *status, int *ok)
{
	struct diag	 d;
	char		*msgs = NULL;
	size_t		 msglen = 0;
	FILE		*f = open_memstream(&msgs, &msglen);
	xmlDocPtr	 doc;

	assert_non_null(f);
	diag_init(&d, f, NULL);
	doc = xmlload_memory(buf, len, "in.xml", &d, status);
	*ok = doc != NULL;
	xmlFreeDoc(doc);
	fclose(f);
	return msgs;
}

static char *
load_str(const char *s, enum xmlload_status *status, int *ok)
{
	return load(s, strlen(s), status, ok);
}

static void
expect_rejected(const char *xml, size_t len, const char *message)
{
	enum xmlload_status	 status;
	int			 ok;
	char			*msgs = load(xml, len, &status, &ok);

	assert_false(ok);
	assert_int_equal(status, XMLLOAD_REJECTED);
	if (strstr(msgs, message) == NULL)
		fail_msg("expected \"%s\" in \"%s\"", message, msgs);
	free(msgs);
}

static void
test_well_formed(void **state)
{
	enum xmlload_status	 status;
	int			 ok;
	char			*msgs;

	(void)state;
	msgs = load_str("<?xml version='1.0' encoding='UTF-8'?>\n<a>ü</a>\n",
	    &status, &ok);
	assert_true(ok);
	assert_int_equal(status, XMLLOAD_OK);
	assert_string_equal(msgs, "");
	free(msgs);
}

static void
test_not_well_formed(void **state)
{
	const char	*xml = "<a>\n<b></c>\n</a>\n";

	(void)state;
	expect_rejected(xml, strlen(xml), "in.xml:2:");
	expect_rejected(xml, strlen(xml), "closing tag 'c' does not match "
	    "the opening tag 'b' of line 2");
}

static void
test_empty(void **state)
{
	(void)state;
	expect_rejected("", 0, "in.xml: error: the file is empty");
	expect_rejected("  \n\n", 4, "the file is empty");
}

static void
test_binary_garbage(void **state)
{
	unsigned char	buf[512];
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 37 + 11);
	expect_rejected((char *)buf, sizeof(buf), "error:");
	buf[1] = 0;
	expect_rejected((char *)buf, sizeof(buf),
	    "not UTF-8 or UTF-16 text");
}

static void
test_invalid_utf8(void **state)
{
	const char	*xml = "<a>\nok\nbad \xc3\x28 here</a>\n";

	(void)state;
	expect_rejected(xml, strlen(xml), "in.xml:3:");
	expect_rejected(xml, strlen(xml), "not valid UTF-8 (byte 0xC3): save the file as UTF-8");
}

static void
test_other_encodings_refused(void **state)
{
	const char *xml = "<?xml version='1.0' encoding='ISO-8859-1'?><a/>";

	(void)state;
	expect_rejected(xml, strlen(xml), "encoding 'ISO-8859-1' is not "
	    "supported: save the file as UTF-8");
}

static void
test_utf16_accepted(void **state)
{
	/* "<a>é</a>" in UTF-16LE with its byte-order mark */
	static const char xml[] = "\xff\xfe<\0a\0>\0\xe9\0<\0/\0a\0>\0";
	enum xmlload_status	 status;
	int			 ok;
	char			*msgs;

	(void)state;
	msgs = load(xml, sizeof(xml) - 1, &status, &ok);
	assert_true(ok);
	free(msgs);
}

static void
test_doctype_refused(void **state)
{
	const char *lol =
	    "<?xml version='1.0'?>\n"
	    "<!DOCTYPE lolz [\n"
	    " <!ENTITY lol 'lol'>\n"
	    " <!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>\n"
	    " <!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>\n"
	    "]>\n<lolz>&lol3;</lolz>\n";
	const char *file =
	    "<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;</a>";
	const char *plain = "<!DOCTYPE a><a/>";

	(void)state;
	expect_rejected(lol, strlen(lol), "in.xml:2: error: document type "
	    "declarations are not allowed");
	expect_rejected(file, strlen(file), "document type declarations");
	expect_rejected(plain, strlen(plain), "document type declarations");
}

static void
test_one_message_for_doctype(void **state)
{
	const char	*xml = "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;&f;</a>";
	enum xmlload_status status;
	int		 ok;
	char		*msgs = load_str(xml, &status, &ok);
	char		*nl = strchr(msgs, '\n');

	(void)state;
	assert_false(ok);
	assert_non_null(nl);
	assert_string_equal(nl + 1, "");
	free(msgs);
}

static void
test_size_cap(void **state)
{
	size_t	 len = XMLLOAD_MAX_BYTES + 1, i;
	char	*buf = malloc(len);

	(void)state;
	assert_non_null(buf);
	memcpy(buf, "<a>", 3);
	for (i = 3; i < len - 4; i++)
		buf[i] = 'x';
	memcpy(buf + len - 4, "</a>", 4);
	expect_rejected(buf, len, "larger than the limit");
	/* At the limit: accepted. */
	{
		enum xmlload_status status;
		int ok;
		char *msgs;

		memcpy(buf + len - 5, "</a>", 4);
		msgs = load(buf, len - 1, &status, &ok);
		assert_true(ok);
		free(msgs);
	}
	free(buf);
}

static void
test_line_cap(void **state)
{
	size_t	 n = XMLLOAD_MAX_LINES, len = 3 + n + 4, i;
	char	*buf = malloc(len + 1);
	enum xmlload_status status;
	int	 ok;
	char	*msgs;

	(void)state;
	assert_non_null(buf);
	/* 65,535 lines: the last line holds "</a>" after n-1 newlines. */
	memcpy(buf, "<a>", 3);
	for (i = 0; i < n - 1; i++)
		buf[3 + i] = '\n';
	memcpy(buf + 3 + n - 1, "</a>", 4);
	msgs = load(buf, 3 + n - 1 + 4, &status, &ok);
	assert_true(ok);
	free(msgs);
	/* One more line is refused. */
	memcpy(buf, "<a>", 3);
	for (i = 0; i < n; i++)
		buf[3 + i] = '\n';
	memcpy(buf + 3 + n, "</a>", 4);
	expect_rejected(buf, len, "more than 65535 lines");
	free(buf);
}

static char *
nested(int depth, size_t *lenp)
{
	char	*buf = malloc((size_t)depth * 7 + 1), *p = buf;
	int	 i;

	assert_non_null(buf);
	for (i = 0; i < depth; i++)
		p += sprintf(p, "<a>");
	for (i = 0; i < depth; i++)
		p += sprintf(p, "</a>");
	*lenp = (size_t)(p - buf);
	return buf;
}

static void
test_depth_cap(void **state)
{
	enum xmlload_status status;
	size_t	 len;
	int	 ok;
	char	*buf, *msgs;

	(void)state;
	buf = nested(XMLLOAD_MAX_DEPTH, &len);
	msgs = load(buf, len, &status, &ok);
	assert_true(ok);
	free(msgs);
	free(buf);
	buf = nested(XMLLOAD_MAX_DEPTH + 2, &len);
	expect_rejected(buf, len, "nested more than 256 levels deep");
	free(buf);
}

static void
test_namespace_error(void **state)
{
	const char	*xml = "<a><x:b/></a>";

	(void)state;
	expect_rejected(xml, strlen(xml), "in.xml:1:");
}

static void
test_missing_file(void **state)
{
	struct diag		 d;
	enum xmlload_status	 status;
	char			*msgs = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&msgs, &len);

	(void)state;
	diag_init(&d, f, NULL);
	assert_null(xmlload_file("/nonexistent/x.xml", NULL, &d, &status));
	assert_int_equal(status, XMLLOAD_CANNOT_OPEN);
	assert_null(xmlload_file("/", NULL, &d, &status));
	assert_int_equal(status, XMLLOAD_CANNOT_OPEN);
	fclose(f);
	assert_non_null(strstr(msgs, "/nonexistent/x.xml: error: cannot "
	    "open: No such file or directory"));
	assert_non_null(strstr(msgs, "/: error: is a directory"));
	free(msgs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_well_formed),
		cmocka_unit_test(test_not_well_formed),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_binary_garbage),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_other_encodings_refused),
		cmocka_unit_test(test_utf16_accepted),
		cmocka_unit_test(test_doctype_refused),
		cmocka_unit_test(test_one_message_for_doctype),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_line_cap),
		cmocka_unit_test(test_depth_cap),
		cmocka_unit_test(test_namespace_error),
		cmocka_unit_test(test_missing_file),
	};
	int	rc;

	xmlload_init();
	rc = cmocka_run_group_tests_name("xmlload", tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
