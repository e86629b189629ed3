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

/* ASCII as UTF-16LE with its byte-order mark (caller frees). */
static char *
utf16le(const char *ascii, size_t *lenp)
{
	size_t	 n = strlen(ascii), i;
	char	*out = malloc(2 + 2 * n);

	assert_non_null(out);
	out[0] = (char)0xff;
	out[1] = (char)0xfe;
	for (i = 0; i < n; i++) {
		out[2 + 2 * i] = ascii[i];
		out[3 + 2 * i] = '\0';
	}
	*lenp = 2 + 2 * n;
	return out;
}

static void
test_other_encodings_refused(void **state)
{
	const char *xml = "<?xml version='1.0' encoding='ISO-8859-1'?><a/>";

	static const char u8_says_16[] = "\xef\xbb\xbf<?xml version='1.0' "
	    "encoding='UTF-16'?><a/>";
	static const char u32[] = "\xff\xfe\0\0<\0\0\0a\0\0\0/\0\0\0>\0\0\0";
	enum xmlload_status	 status;
	int			 ok;
	char			*msgs, *u16;
	size_t			 len;

	(void)state;
	expect_rejected(xml, strlen(xml), "encoding 'ISO-8859-1' is not "
	    "supported: save the file as UTF-8");
	/* A byte-order mark and a declaration must agree. */
	expect_rejected(u8_says_16, sizeof(u8_says_16) - 1, "in.xml:1: error: "
	    "the file is UTF-8, but its declaration says 'UTF-16'");
	u16 = utf16le("<?xml version='1.0' encoding='UTF-8'?><a/>", &len);
	expect_rejected(u16, len, "the file is UTF-16, but its declaration "
	    "says 'UTF-8'");
	free(u16);
	u16 = utf16le("<?xml version='1.0' encoding='UTF-16'?><a/>", &len);
	msgs = load(u16, len, &status, &ok);
	assert_string_equal(msgs, "");
	assert_true(ok);
	free(msgs);
	/* Half a UTF-16 character at the end; UTF-32. */
	expect_rejected(u16, len - 1, "the file ends in the middle of a "
	    "UTF-16 character");
	free(u16);
	expect_rejected(u32, sizeof(u32) - 1, "the file is UTF-32 text");
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

/* Words of libxml2's own messages that must never reach a coordinator. */
static const char *const libxml2_words[] = {
	"xmlParse", "xmlChar", "NCName", "AttValue", "attValue",
	"StartTag", "EndTag", "construct error", "internal error",
	"Couldn't", "couldn't", "Premature", "premature", "mandates",
	"'?>' expected", "detected an error", "Specification", NULL
};

/* One line exactly, none of libxml2's wording; returns the message. */
static void
expect_one_plain_message(const char *xml, size_t len)
{
	enum xmlload_status	 status;
	int			 ok;
	size_t			 i;
	char			*msgs = load(xml, len, &status, &ok), *nl;

	assert_false(ok);
	nl = strchr(msgs, '\n');
	if (nl == NULL || nl[1] != '\0')
		fail_msg("expected one message for \"%.60s\", got \"%s\"",
		    xml, msgs);
	for (i = 0; libxml2_words[i] != NULL; i++)
		if (strstr(msgs, libxml2_words[i]) != NULL)
			fail_msg("libxml2's wording '%s' in \"%s\"",
			    libxml2_words[i], msgs);
	free(msgs);
}

static const char doc_sample[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment -->\n"
    "<portfolio xmlns=\"urn:endorse:portfolio:1\" version=\"1\">\n"
    "  <applicant><name>Zo\xc3\xab Bront\xc3\xab</name></applicant>\n"
    "  <training><course start='2023-03-10' hours=\"1.5\">"
    "<title>A &amp; B &#x41;</title></course></training>\n"
    "</portfolio>\n";

static void
test_truncated_everywhere(void **state)
{
	size_t	n, len = strlen(doc_sample);

	(void)state;
	/* Every prefix of a document is one problem, said one way. */
	for (n = 1; n < len - 1; n++)
		expect_one_plain_message(doc_sample, n);
	expect_rejected(doc_sample, strstr(doc_sample, "Bront") - doc_sample,
	    "in.xml:4:24: error: the file ends before element 'name' "
	    "(line 4) is closed");
	expect_rejected(doc_sample, strstr(doc_sample, "1.5") - doc_sample,
	    "the file ends before element 'training' (line 5) is closed");
	/* Cut in the middle of the two bytes of "\xc3\xab". */
	expect_rejected(doc_sample, strstr(doc_sample, "\xab Br") - doc_sample,
	    "the file ends before element 'name' (line 4) is closed");
	expect_rejected(doc_sample, 30, "in.xml:1:31: error: the file ends "
	    "inside the XML declaration");
	expect_rejected(doc_sample, 47, "a comment ('<!--') is not closed");
}

static void
test_one_message_per_problem(void **state)
{
	static const struct {
		const char	*xml, *message;
	} cases[] = {
		{ "<a><b c></b></a>", "'c' in a tag has no value" },
		{ "<a b='1 c='2'/>", "not written name=\"value\" with spaces" },
		{ "<a b=1/>", "an attribute value is not in quotes" },
		{ "<a b='<'/>", "an attribute value holds '<'" },
		{ "<a b='1' b='2'/>", "attribute 'b' is given twice" },
		{ "<a>&#7;</a>", "a character reference stands for U+0007, a "
		    "character XML does not allow" },
		{ "<a>&#xFFFF;</a>", "stands for U+FFFF" },
		{ "<a>&#x110000;</a>", "beyond the last character, U+10FFFF" },
		{ "<a>&#x1G;</a>", "a character reference ('&#...;') is not a "
		    "valid number" },
		{ "<a>&nbsp;</a>", "'&nbsp;' is not a reference XML knows" },
		{ "<a>A & B</a>", "'&' must start a reference" },
		{ "<a>&amp</a>", "does not end with ';'" },
		{ "<a>1 < 2</a>", "'<' must start a tag" },
		{ "<a>]]></a>", "the text holds ']]>'" },
		{ "<a><!-- x -- y --></a>", "a comment holds '--'" },
		{ "<a></a><b/>", "there is more after the end" },
		{ "<a></b>", "closing tag 'b' does not match the opening tag "
		    "'a' of line 1" },
		{ "<a><b></a>", "closing tag 'a' does not match" },
		{ "<?xml version='1.0'", "the file ends inside the XML "
		    "declaration" },
		{ "<?xml version='1.0' encoding='UTF-8'\n<a/>", "the XML "
		    "declaration is not closed: it must end with '?>'" },
		{ "<?xml encoding='UTF-8'?><a/>", "the XML declaration is not "
		    "valid" },
		{ "<?xml version='2.0'?><a/>", "the XML declaration is not "
		    "valid" },
		{ " <?xml version='1.0'?><a/>", "must be at the very start" },
		{ "<a><x:b/></a>", "the prefix 'x' of 'x:b' is not declared" },
		{ "<a><x:y:b xmlns:x='u'/></a>", "holds more than one ':'" },
		{ "<a><![CDATA[x</a>", "a CDATA section ('<![CDATA[') is not "
		    "closed" },
		{ "<a", "in.xml:1:3: error: the file ends" },
		{ "<a b='1", "the file ends inside the tag of its root "
		    "element" },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		expect_one_plain_message(cases[i].xml, strlen(cases[i].xml));
		expect_rejected(cases[i].xml, strlen(cases[i].xml),
		    cases[i].message);
	}
}

static void
test_name_too_long(void **state)
{
	size_t	n = 50001 + 4, i;
	char	*xml = malloc(n + 1);

	(void)state;
	assert_non_null(xml);
	xml[0] = '<';
	for (i = 1; i < n - 2; i++)
		xml[i] = 'a';
	memcpy(xml + n - 3, "/>", 3);
	expect_one_plain_message(xml, strlen(xml));
	expect_rejected(xml, strlen(xml), "a name in a tag is longer than "
	    "50000 characters");
	free(xml);
}

static void
test_file_kinds(void **state)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
		const char	*message;
	} kinds[] = {
		{ "%PDF-1.7\n%\xe2\xe3\n", 14, "in.xml: error: this is a PDF "
		    "file, not a portfolio" },
		{ "\x1f\x8b\x08\x00\x00\x00", 6, "compressed files are not "
		    "read: unpack it first (this is a gzip file)" },
		{ "PK\x03\x04\x14\x00", 6, "compressed files are not read" },
		{ "BZh91AY", 7, "(this is a bzip2 file)" },
		{ "\xfd" "7zXZ\x00", 6, "(this is an xz file)" },
		{ "\x89PNG\r\n\x1a\n", 8, "this is an image (PNG)" },
		{ "\xd0\xcf\x11\xe0\xa1\xb1", 6, "this is an office document" },
		{ "{\\rtf1\\ansi", 11, "this is an RTF document" },
		{ "Name: Zoe\n", 10, "in.xml:1: error: this is not an XML "
		    "document: expected '<' at the start" },
		{ "\n\n  x<a/>", 9, "in.xml:3: error: this is not an XML "
		    "document" },
		{ "\xef\xbb\xbf \n", 5, "the file is empty" },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		expect_one_plain_message(kinds[i].bytes, kinds[i].len);
		expect_rejected(kinds[i].bytes, kinds[i].len,
		    kinds[i].message);
	}
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
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_one_message_per_problem),
		cmocka_unit_test(test_name_too_long),
		cmocka_unit_test(test_file_kinds),
		cmocka_unit_test(test_missing_file),
	};
	int	rc;

	xmlload_init();
	rc = cmocka_run_group_tests_name("xmlload", tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
