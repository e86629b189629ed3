/*
 * test_rulecheck: a rule file checks itself (issue 10): the shipped ones
 * are good; a missing parameter, an unknown rule type, blank wording, a
 * duplicate id or rule set, an undeclared track, a wrong type= or
 * distinct-from are each reported at their line, every one of them.
 */
#include "harness.h"

#include <libxml/parser.h>

#include "datadir.h"
#include "diag.h"
#include "rulecheck.h"
#include "xmlload.h"

static struct datadir	*dd;
static struct rulecheck	*rc;

static int
setup(void **state)
{
	struct diag	d;

	(void)state;
	xmlload_init();
	diag_init(&d, stderr, "test");
	if ((dd = datadir_open(&d)) == NULL ||
	    (rc = rulecheck_new(dd, &d)) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	rulecheck_free(rc);
	datadir_free(dd);
	return 0;
}

/* Check text as r.xml; messages in *msgs.  Returns rulecheck_run's. */
static int
check_text(const char *text, char **msgs)
{
	enum xmlload_status	 status;
	struct diag		 d;
	xmlDocPtr		 doc;
	size_t			 len = 0;
	FILE			*f = open_memstream(msgs, &len);
	int			 rv = -2;

	assert_non_null(f);
	diag_init(&d, f, NULL);
	doc = xmlload_memory(text, strlen(text), "r.xml", &d, &status);
	if (doc != NULL) {
		assert_true(rulecheck_is_rule_file(doc));
		rv = rulecheck_run(rc, doc, "r.xml", &d);
	}
	xmlFreeDoc(doc);
	fclose(f);
	return rv;
}

/* A rule file: line 1 <requirements>, 2-4 tracks, 5 <ruleset>, rules
 * from line 6 (one a line), then the end. */
#define HEAD "<requirements xmlns='urn:endorse:requirements:1' " \
	"association='ZZ-AIMH' name='Z' document='z.txt'>\n" \
	"<tracks><track id='clinical' name='Clinical'/>\n" \
	"<track id='policy' name='Policy'/>\n" \
	"</tracks>\n" \
	"<ruleset kind='initial' level='IV' effective='2000-01-01' " \
	"title='T'>\n"
#define TAIL "</ruleset>\n</requirements>\n"
#define GOOD_RULE "<membership id='MEM-1' line='3'><text>Membership</text>" \
	"</membership>\n"

/* The file must be refused with words at line (and, if given, more). */
static void
expect_bad(const char *text, const char *at, const char *words)
{
	char	*msgs;

	if (check_text(text, &msgs) != -1)
		fail_msg("accepted: %s", text);
	if (strstr(msgs, at) == NULL || (words != NULL &&
	    strstr(msgs, words) == NULL))
		fail_msg("expected '%s' and '%s' in: %s", at,
		    words != NULL ? words : "", msgs);
	free(msgs);
}

static void
shipped_rule_files_are_good(void **state)
{
	static const char *const files[] = {
		"schemas/requirements/ok-aimh.xml",
		"schemas/requirements/wi-aimh.xml",
	};
	enum xmlload_status	 status;
	struct diag		 d;
	char			 path[PATH_MAX];
	xmlDocPtr		 doc;
	size_t			 i;

	(void)state;
	diag_init(&d, stderr, "test");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		doc = xmlload_file(srcpath(files[i], path, sizeof(path)), NULL,
		    &d, &status);
		assert_non_null(doc);
		assert_true(rulecheck_is_rule_file(doc));
		assert_int_equal(rulecheck_run(rc, doc, files[i], &d), 0);
		xmlFreeDoc(doc);
	}
	assert_int_equal(d.errors, 0);
}

static void
good_minimal_file(void **state)
{
	char	*msgs;

	(void)state;
	assert_int_equal(check_text(HEAD GOOD_RULE TAIL, &msgs), 0);
	assert_string_equal(msgs, "");
	free(msgs);
}

static void
hours_without_min_is_rejected(void **state)
{
	(void)state;
	/* today's rules would report "met (0 required)" */
	expect_bad(HEAD GOOD_RULE "<hours id='TRN-1' line='19'><text>Hours"
	    "</text></hours>\n" TAIL, "r.xml:7:", "min");
	expect_bad(HEAD "<fee id='FEE-1' line='2' fee='registration'><text>F"
	    "</text></fee>\n" TAIL, "r.xml:6:", "amount");
	expect_bad(HEAD "<rsc-window id='RSC-2' line='2' min='50' "
	    "min-months='12'><text>W</text></rsc-window>\n" TAIL, "r.xml:6:",
	    "max-months");
	expect_bad(HEAD "<experience id='WRK-C1' line='2'><text>W</text>"
	    "</experience>\n" TAIL, "r.xml:6:", "path");
}

static void
unknown_rule_type_is_rejected(void **state)
{
	(void)state;
	expect_bad(HEAD GOOD_RULE "<rule id='TRN-1' type='hours' line='19' "
	    "min='30'><text>Hours</text></rule>\n" TAIL, "r.xml:7:", "rule");
	expect_bad(HEAD "<not-applicable id='FEE-1' line='2' as='tip'><text>F"
	    "</text><otherwise>No.</otherwise></not-applicable>\n" TAIL,
	    "r.xml:6:", "tip");
}

static void
wording_must_be_present(void **state)
{
	(void)state;
	expect_bad(HEAD "<membership id='MEM-1' line='3'><text>   </text>"
	    "</membership>\n" TAIL, "r.xml:6:", "text");
	expect_bad(HEAD "<membership id='MEM-1' line='3'/>\n" TAIL,
	    "r.xml:6:", "text");
	expect_bad(HEAD "<not-applicable id='FEE-1' line='2' as='fee'><text>F"
	    "</text></not-applicable>\n" TAIL, "r.xml:6:", "otherwise");
}

static void
duplicate_ids_are_reported(void **state)
{
	(void)state;
	expect_bad(HEAD GOOD_RULE "<exam id='EXM-1' line='4'><text>E</text>"
	    "</exam>\n" GOOD_RULE TAIL, "r.xml:8: error: rule id 'MEM-1' is "
	    "used twice in this rule set (first at line 6)", NULL);
}

static void
tracks_named_must_be_declared(void **state)
{
	(void)state;
	expect_bad(HEAD "<membership id='MEM-1' line='3' tracks='clinical "
	    "pediatric'><text>M</text></membership>\n" TAIL, "r.xml:6:",
	    "the track 'pediatric' is not declared");
	expect_bad(HEAD "<reference-roles id='REF-3' line='3'><text>R</text>\n"
	    "<composition track='research-faculty'><slot roles='student' "
	    "label='a student'/></composition></reference-roles>\n" TAIL,
	    "r.xml:7:", "'research-faculty' is not declared");
	expect_bad("<requirements xmlns='urn:endorse:requirements:1' "
	    "association='ZZ-AIMH' name='Z' document='z.txt'>\n"
	    "<tracks><track id='clinical' name='Clinical'/>\n"
	    "<track id='clinical' name='Again'/>\n</tracks>\n"
	    "<ruleset kind='initial' level='IV' effective='2000-01-01' "
	    "title='T'>\n" GOOD_RULE TAIL, "r.xml:3:", "declared twice");
}

static void
type_attribute_must_match(void **state)
{
	char	*msgs;

	(void)state;
	expect_bad(HEAD "<hours id='TRN-1' type='rsc-hours' line='19' "
	    "min='30'><text>H</text></hours>\n" TAIL, "r.xml:6:",
	    "type 'rsc-hours' is not the element's type 'hours'");
	assert_int_equal(check_text(HEAD "<hours id='TRN-1' type='hours' "
	    "line='19' min='30'><text>H</text></hours>\n" TAIL, &msgs), 0);
	free(msgs);
}

static void
distinct_from_names_an_experience_rule(void **state)
{
	(void)state;
	expect_bad(HEAD GOOD_RULE "<experience id='WRK-C2' line='2' "
	    "distinct-from='MEM-1'><text>W</text><path name='p'><span "
	    "years='3' label='l'/></path></experience>\n" TAIL, "r.xml:7:",
	    "'MEM-1' is not another experience rule");
}

static void
competencies_list_their_areas(void **state)
{
	(void)state;
	expect_bad(HEAD "<judgement id='TRN-2' line='2' evidence="
	    "'competencies'><text>J</text></judgement>\n" TAIL, "r.xml:6:",
	    "competency areas");
}

static void
duplicate_rule_sets_and_every_problem(void **state)
{
	char	*msgs;

	(void)state;
	assert_int_equal(check_text(HEAD GOOD_RULE GOOD_RULE "</ruleset>\n"
	    "<ruleset kind='initial' level='IV' effective='2000-01-01' "
	    "title='Again'>\n" "<membership id='MEM-1' line='3' "
	    "tracks='nope'><text>M</text></membership>\n" TAIL, &msgs), -1);
	/* all three, not only the first */
	if (strstr(msgs, "r.xml:7:") == NULL ||
	    strstr(msgs, "r.xml:9: error: this rule set has the kind, level "
	    "and effective date of the one at line 5") == NULL ||
	    strstr(msgs, "r.xml:10:") == NULL)
		fail_msg("messages: %s", msgs);
	free(msgs);
}

static void
portfolio_is_not_a_rule_file(void **state)
{
	const char		*xml = "<portfolio xmlns='urn:endorse:portfolio:1' "
	    "version='1'/>";
	enum xmlload_status	 status;
	struct diag		 d;
	char			*msgs = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&msgs, &len);
	xmlDocPtr		 doc;

	(void)state;
	assert_non_null(f);
	diag_init(&d, f, NULL);
	doc = xmlload_memory(xml, strlen(xml), "p.xml", &d, &status);
	assert_non_null(doc);
	assert_false(rulecheck_is_rule_file(doc));
	assert_int_equal(rulecheck_run(rc, doc, "p.xml", &d), -1);
	fclose(f);
	assert_non_null(strstr(msgs, "not a rule file"));
	free(msgs);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_rule_files_are_good),
		cmocka_unit_test(good_minimal_file),
		cmocka_unit_test(hours_without_min_is_rejected),
		cmocka_unit_test(unknown_rule_type_is_rejected),
		cmocka_unit_test(wording_must_be_present),
		cmocka_unit_test(duplicate_ids_are_reported),
		cmocka_unit_test(tracks_named_must_be_declared),
		cmocka_unit_test(type_attribute_must_match),
		cmocka_unit_test(distinct_from_names_an_experience_rule),
		cmocka_unit_test(competencies_list_their_areas),
		cmocka_unit_test(duplicate_rule_sets_and_every_problem),
		cmocka_unit_test(portfolio_is_not_a_rule_file),
	};
	int	rc_;

	rc_ = cmocka_run_group_tests(tests, setup, teardown);
	xmlCleanupParser();
	return rc_;
}
