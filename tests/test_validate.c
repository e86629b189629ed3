/*
 * test_validate: stage 1 on documents built by the tests: the schema's
 * own documentation reaches the messages, references are resolved, and
 * the association must have rules.
 */
#include "harness.h"

#include <libxml/parser.h>

#include "diag.h"
#include "validate.h"
#include "xmlload.h"

static const char *const known[] = { "OK-AIMH", "WI-AIMH", NULL };

struct fixture {
	struct validate	*v;
};

static int
setup(void **state)
{
	static struct fixture	fx;
	struct diag		d;
	char			path[PATH_MAX];

	diag_init(&d, stderr, "test");
	fx.v = validate_new(srcpath("schemas/applicant.xsd", path,
	    sizeof(path)), known, &d);
	if (fx.v == NULL)
		return -1;
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	validate_free(fx->v);
	return 0;
}

/* A small portfolio with body inserted after the application. */
static char *
validate_body(struct fixture *fx, const char *app, const char *body, int *rc)
{
	struct diag		 d;
	enum xmlload_status	 status;
	char			*xml, *msgs = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&msgs, &len);
	xmlDocPtr		 doc;

	assert_non_null(f);
	diag_init(&d, f, NULL);
	if (asprintf(&xml, "<portfolio xmlns='urn:endorse:portfolio:1' "
	    "version='1'>\n<applicant><name>Test</name></applicant>\n"
	    "%s\n%s\n</portfolio>\n", app ? app :
	    "<application association='OK-AIMH' level='IV' "
	    "track='clinical'/>", body) < 0)
		fail();
	doc = xmlload_memory(xml, strlen(xml), "t.xml", &d, &status);
	assert_non_null(doc);
	*rc = validate_run(fx->v, doc, "t.xml", &d);
	xmlFreeDoc(doc);
	free(xml);
	fclose(f);
	return msgs;
}

static void
expect_message(void **state, const char *app, const char *body,
    const char *message)
{
	int	 rc;
	char	*msgs = validate_body(*state, app, body, &rc);

	assert_int_equal(rc, -1);
	if (strstr(msgs, message) == NULL)
		fail_msg("expected \"%s\" in \"%s\"", message, msgs);
	free(msgs);
}

static void
test_valid_unfinished(void **state)
{
	int	 rc;
	char	*msgs = validate_body(*state, NULL,
	    "<training><course start='2024-01-02' hours='29.99' "
	    "relationship-based='yes'><title>T</title><provider>P</provider>"
	    "</course></training>", &rc);

	assert_string_equal(msgs, "");
	assert_int_equal(rc, 0);
	free(msgs);
}

static void
test_hours_messages(void **state)
{
	const char *bad[] = { "-1", "1.255", "1e3", ".5", "abc", "" };
	char	    body[512];
	size_t	    i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(body, sizeof(body), "<training><course "
		    "start='2024-01-02' hours='%s' relationship-based='yes'>"
		    "<title>T</title><provider>P</provider></course>"
		    "</training>", bad[i]);
		expect_message(state, NULL, body, "t.xml:4: error: element 'course', "
		    "attribute 'hours'");
		expect_message(state, NULL, body, "expected a number of clock "
		    "hours, 0 or more, with at most two decimal places");
	}
}

static void
test_one_message_per_value(void **state)
{
	int	 rc;
	char	*msgs = validate_body(*state, NULL,
	    "<training><course start='2024-01-02' hours='-1.555' "
	    "relationship-based='yes'><title>T</title><provider>P</provider>"
	    "</course></training>", &rc);

	assert_int_equal(rc, -1);
	/* minInclusive, fractionDigits and pattern fail: one message. */
	assert_non_null(strchr(msgs, '\n'));
	assert_string_equal(strchr(msgs, '\n'), "\n");
	free(msgs);
}

static void
test_track_and_association(void **state)
{
	/* the tracks are the rule file's: see tests/test_cli_validate.c */
	expect_message(state, "<application association='OK-AIMH' "
	    "level='IV' track='Clinical'/>", "", "attribute 'track': "
	    "'Clinical' is not valid: expected a Level IV track in lower "
	    "case, such as clinical, policy or research-faculty");
	expect_message(state, "<application association='TX-AIMH' "
	    "level='IV' track='policy'/>", "", "endorse has no requirements "
	    "for 'TX-AIMH': expected one of OK-AIMH, WI-AIMH");
	expect_message(state, "<application association='ok aimh' "
	    "level='IV' track='policy'/>", "", "expected an association "
	    "code in capitals");
}

static void
test_dangling_reference(void **state)
{
	expect_message(state, NULL, "<reflective-supervision><session "
	    "date='2024-01-02' hours='1' format='group' provider='p2'/>"
	    "</reflective-supervision><people><person id='p1'><name>A</name>"
	    "</person></people>", "element 'session', attribute 'provider': "
	    "nothing has the identifier 'p2'");
	expect_message(state, NULL, "<people><person id='p1'><name>A</name>"
	    "</person></people><references><reference person='px' "
	    "role='colleague'/></references>", "element 'reference', "
	    "attribute 'person': nothing has the identifier 'px'");
}

static void
test_duplicate_identifier(void **state)
{
	expect_message(state, NULL, "<people><person id='p1'><name>A</name>"
	    "</person><person id='p1'><name>B</name></person></people>",
	    "element 'person', attribute 'id': the identifier 'p1' is already used on line");
}

static void
test_empty_and_long_text(void **state)
{
	char	body[1024];

	expect_message(state, NULL, "<people><person id='p1'><name>\xe2\x80"
	    "\x8b </name></person></people>", "element 'name' is empty: "
	    "expected a name of 1 to 200 characters");
	snprintf(body, sizeof(body), "<people><person id='p1'><name>%0201d"
	    "</name></person></people>", 0);
	expect_message(state, NULL, body, "element 'name' is too long (201 "
	    "characters)");
}

static void
test_structure_messages(void **state)
{
	expect_message(state, NULL, "<people><person><name>A</name></person>"
	    "</people>", "element 'person' lacks the attribute 'id'");
	expect_message(state, NULL, "<people><person id='p1' x='1'><name>A"
	    "</name></person></people>", "element 'person' does not take an "
	    "attribute 'x'");
	expect_message(state, NULL, "<people><person id='p1'/></people>",
	    "element 'person' is incomplete: 'name' is missing");
	expect_message(state, NULL, "<people>text</people>", "element "
	    "'people' holds text, but only elements are allowed in it");
}

static void
test_noncharacters(void **state)
{
	/* Cairo refuses a string holding one: refused here, with its line. */
	expect_message(state, NULL, "<people><person id='p1'><name>A\xef"
	    "\xb7\x90" "B</name></person></people>", "t.xml:4: error: element "
	    "'name': 'A<U+FDD0>B' holds U+FDD0, a Unicode noncharacter");
	expect_message(state, NULL, "<people><person id='p1'><name>A</name>"
	    "<email>a\xf4\x8f\xbf\xbf@example.org</email></person>"
	    "</people>", "element 'email': 'a<U+10FFFF>@example.org' holds "
	    "U+10FFFF");
	expect_message(state, NULL, "<experience><leadership "
	    "activity='other' scope='local' start='2020-01-01'><description>"
	    "x\xf0\x9f\xbf\xbe</description></leadership></experience>",
	    "element 'description': 'x<U+1FFFE>' holds U+1FFFE");
	expect_message(state, NULL, "<references><statement "
	    "kind='no-rsc-provider'>\xef\xb7\xaf</statement></references>",
	    "element 'statement': '<U+FDEF>' holds U+FDEF");
}

static void
test_invisible_is_empty(void **state)
{
	static const char *const blank[] = {
		"\xe2\xa0\x80",		/* U+2800 braille blank */
		"\xe3\x85\xa4",		/* U+3164 Hangul filler */
		"\xef\xbe\xa0",		/* U+FFA0 */
		"\xcc\x81\xcc\x88\xcc\xa7",	/* combining marks only */
		" \xe2\x80\x8b\xe2\x81\xa0\xc2\xad ", /* format */
		"\xef\xb8\x8f\xf3\xa0\x80\x81", /* VS16, a tag */
	};
	char	body[256];
	size_t	i;

	for (i = 0; i < sizeof(blank) / sizeof(blank[0]); i++) {
		snprintf(body, sizeof(body), "<people><person id='p1'><name>"
		    "%s</name></person></people>", blank[i]);
		expect_message(state, NULL, body, "t.xml:4: error: element "
		    "'name' is empty: expected a name of 1 to 200 characters");
	}
	/* A mark on a letter, a Hangul syllable: visible, valid. */
	snprintf(body, sizeof(body), "<people><person id='p1'><name>e\xcc\x81 "
	    "\xea\xb0\x80</name></person></people>");
	{
		int	 rc;
		char	*msgs = validate_body(*state, NULL, body, &rc);

		assert_string_equal(msgs, "");
		assert_int_equal(rc, 0);
		free(msgs);
	}
}

static void
test_documentation_fits(void **state)
{
	/* The advice names the element, not a value of 'kind'. */
	expect_message(state, NULL, "<education><degree kind='BA' "
	    "awarded='2001-05-01'><institution>U</institution></degree>"
	    "</education>", "attribute 'kind': 'BA' is not valid: expected a "
	    "degree: MA, MS, MEd, EdD, MSW, MSN, PsyD, PhD, DO or MD (for any "
	    "other degree, write an 'other-degree' element instead of "
	    "'degree')");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_unfinished),
		cmocka_unit_test(test_hours_messages),
		cmocka_unit_test(test_one_message_per_value),
		cmocka_unit_test(test_track_and_association),
		cmocka_unit_test(test_dangling_reference),
		cmocka_unit_test(test_duplicate_identifier),
		cmocka_unit_test(test_empty_and_long_text),
		cmocka_unit_test(test_structure_messages),
		cmocka_unit_test(test_noncharacters),
		cmocka_unit_test(test_invisible_is_empty),
		cmocka_unit_test(test_documentation_fits),
	};
	int	rc;

	xmlload_init();
	rc = cmocka_run_group_tests_name("validate", tests, setup, teardown);
	xmlCleanupParser();
	return rc;
}
