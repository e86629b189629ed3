/*
 * test_cli_check: end-to-end tests of `endorse check` and `endorse renew`,
 * running the real binary.
 *
 * Golden checklists: for every examples/NAME.xml, the text report and
 * the XML checklist as of 2025-06-30 must equal tests/check/NAME.txt
 * (with "exit N" appended) and tests/check/NAME.checklist.xml.
 * `make regress-update` rewrites them; review the change with git diff.
 */
#include "harness.h"

#define AS_OF	"--as-of=2025-06-30"

/* Compare got with the golden file (or rewrite it); 1 when it differs. */
static int
golden(const char *path, const char *got)
{
	char	*want;
	int	 differs;

	if (getenv("ENDORSE_REGRESS_UPDATE") != NULL)
		spew(path, got, strlen(got));
	want = slurp(path, NULL);
	differs = want == NULL || strcmp(want, got) != 0;
	if (differs)
		print_error("%s: expected\n%s--- got\n%s", path,
		    want ? want : "(no golden file)\n", got);
	free(want);
	return differs;
}

static void
test_golden_checklists(void **state)
{
	size_t	 n, i;
	char	**names = list_dir("examples", ".xml", &n);
	char	 path[PATH_MAX], gold[PATH_MAX], *got;
	int	 failures = 0, base;
	struct run r;

	(void)state;
	assert_true(n >= 6);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "examples/%s", names[i]);
		base = (int)strlen(names[i]) - 4;

		run_endorse(&r, "check", AS_OF, path, NULL);
		assert_false(r.timed_out);
		assert_string_equal(r.err, "");
		if (r.status > 2)
			fail_msg("%s: exit %d", path, r.status);
		if (asprintf(&got, "%sexit %d\n", r.out, r.status) < 0)
			fail();
		snprintf(gold, sizeof(gold), "tests/check/%.*s.txt", base,
		    names[i]);
		failures += golden(gold, got);
		free(got);
		run_free(&r);

		run_endorse(&r, "check", AS_OF, "--format", "xml", path,
		    NULL);
		assert_false(r.timed_out);
		snprintf(gold, sizeof(gold), "tests/check/%.*s.checklist.xml",
		    base, names[i]);
		failures += golden(gold, r.out);
		run_free(&r);
		free(names[i]);
	}
	free(names);
	assert_int_equal(failures, 0);
}

/* A small portfolio; body is inserted after the application. */
static const char *
write_portfolio(const char *name, const char *application, const char *body)
{
	static char	path[PATH_MAX];
	char		*xml;

	assert_true(asprintf(&xml,
	    "<?xml version='1.0' encoding='UTF-8'?>\n"
	    "<portfolio xmlns='urn:endorse:portfolio:1' version='1'>\n"
	    "<applicant><name>Test Applicant</name></applicant>\n"
	    "<application %s/>\n%s</portfolio>\n", application, body) > 0);
	tmppath(name, path, sizeof(path));
	spew(path, xml, strlen(xml));
	free(xml);
	return path;
}


#define POLICY_OK "association='OK-AIMH' level='IV' track='policy'"

static void
test_exit_ready_not_ready(void **state)
{
	const char	*path = write_portfolio("ready.xml", POLICY_OK,
	    READY_BODY);
	struct run	 r;

	(void)state;
	run_endorse(&r, "check", AS_OF, path, NULL);
	run_expect(&r, 0, "Result: Ready for committee", NULL);
	run_free(&r);
	/* The same portfolio under WI-AIMH lacks the fees: not ready. */
	run_endorse(&r, "check", AS_OF, "--association", "WI-AIMH", path,
	    NULL);
	run_expect(&r, 1, "FEE-2   NOT MET", NULL);
	if (strstr(r.out, "What is missing:\n    - FEE-1: ") == NULL)
		fail_msg("no 'what is missing': %s", r.out);
	run_free(&r);
}

static void
test_exit_review(void **state)
{
	const char	*path = write_portfolio("review.xml",
	    "association='OK-AIMH' level='IV' track='policy'",
	    "<education><other-degree level='master' imh-specific='yes' "
	    "awarded='2015-05-15' transcript-received='2015-06-01'>"
	    "<description>MA Infant Studies</description><institution>U"
	    "</institution></other-degree></education>\n"
	    "<training><course start='2020-01-10' hours='30' "
	    "relationship-based='yes'><title>T</title><provider>P</provider>"
	    "</course></training>\n"
	    "<experience><position start='2015-06-01' end='ongoing' "
	    "work='policy-administration'><role>Director</role><employer>E"
	    "</employer></position><leadership activity='other' "
	    "scope='state' start='2020-01-01'><description>Council."
	    "</description></leadership></experience>\n"
	    "<people><person id='p1'><name>A</name><endorsement "
	    "association='OK-AIMH' level='II' designation='IFS'/></person>"
	    "<person id='p2'><name>B</name></person><person id='p3'><name>C"
	    "</name></person></people>\n"
	    "<references><reference person='p1' role='program-supervisor' "
	    "completed='2025-01-01'/><reference person='p2' "
	    "role='rsc-provider' completed='2025-01-01'/><reference "
	    "person='p3' role='colleague' completed='2025-01-01'/>"
	    "</references>\n"
	    "<attestations><ethics signed='2025-01-01'/><exam status='passed' "
	    "date='2025-03-01'/><membership association='OK-AIMH' "
	    "paid-through='2025-12-31'/></attestations>\n");
	struct run	 r;

	(void)state;
	run_endorse(&r, "check", AS_OF, path, NULL);
	run_expect(&r, 2, "EDU-1   review", NULL);
	run_free(&r);
}

static void
test_batch_worst_and_continues(void **state)
{
	char		 bad[PATH_MAX];
	const char	*good = write_portfolio("batch-good.xml", POLICY_OK,
	    READY_BODY);
	struct run	 r;

	(void)state;
	tmppath("batch-bad.xml", bad, sizeof(bad));
	spew(bad, "<portfolio", 10);
	run_endorse(&r, "check", AS_OF, bad, good, "no/such.xml", NULL);
	/* the good one is still reported */
	run_expect(&r, 66, "Ready for committee", "batch-bad.xml:1:");
	if (strstr(r.err, "no/such.xml") == NULL)
		fail_msg("missing file not reported: %s", r.err);
	run_free(&r);
	run_endorse(&r, "check", AS_OF, bad, good, NULL);
	run_expect(&r, 65, "Ready for committee", NULL);
	run_free(&r);
}

static void
test_invalid_portfolio(void **state)
{
	const char	*path = write_portfolio("invalid.xml",
	    "association='OK-AIMH' level='IV' track='policy'",
	    "<training><course start='2020-01-10' hours='-3' "
	    "relationship-based='yes'><title>T</title><provider>P</provider>"
	    "</course></training>\n");
	struct run	 r;

	(void)state;
	run_endorse(&r, "check", AS_OF, path, NULL);
	run_expect(&r, 65, NULL, "invalid.xml:5:");
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void
test_usage_errors(void **state)
{
	static const char *const bad[][3] = {
		{ "--as-of=2025-02-29", "not '2025-02-29'", NULL },
		{ "--as-of=yesterday", "--as-of wants a date", NULL },
		{ "--format=pdf", "--format wants text, xml or summary, not 'pdf'",
		  NULL },
		{ "--track=clinic", "clinical, policy or research-faculty",
		  NULL },
		{ "--emit=layout", "--emit wants checklist", NULL },
		{ "--year=2024", "'--year' is not an option of this command "
		  "(it is one of renew)", NULL },
		{ "--bogus", "unknown option", NULL },
	};
	const char	*path = write_portfolio("usage.xml", POLICY_OK,
	    READY_BODY);
	struct run	 r;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		run_endorse(&r, "check", bad[i][0], path, NULL);
		run_expect(&r, 64, NULL, bad[i][1]);
		assert_string_equal(r.out, "");
		run_free(&r);
	}
	run_endorse(&r, "check", NULL);
	run_expect(&r, 64, NULL, "no input files");
	run_free(&r);
	run_endorse(&r, "check", "--format=xml", path, path, NULL);
	run_expect(&r, 64, NULL, "give one file");
	run_free(&r);
	run_endorse(&r, "renew", path, NULL);
	run_expect(&r, 64, NULL, "--year YYYY is required");
	run_free(&r);
	run_endorse(&r, "renew", "--year=20x4", path, NULL);
	run_expect(&r, 64, NULL, "--year wants a year");
	run_free(&r);
}

static void
test_unknown_association_override(void **state)
{
	const char	*path = write_portfolio("assoc.xml", POLICY_OK,
	    READY_BODY);
	struct run	 r;

	(void)state;
	run_endorse(&r, "check", AS_OF, "--association=XX-AIMH", path, NULL);
	run_expect(&r, 64, NULL, "endorse: check: --association wants OK-AIMH or "
	    "WI-AIMH, not 'XX-AIMH'");
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void
test_default_as_of_from_source_date_epoch(void **state)
{
	const char	*path = write_portfolio("sde.xml", POLICY_OK,
	    READY_BODY);
	struct run	 r;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);	/* 2025-01-01 */
	run_endorse(&r, "check", path, NULL);
	run_expect(&r, 1, "as of 2025-01-01", NULL);
	run_free(&r);
	setenv("SOURCE_DATE_EPOCH", "soon", 1);
	run_endorse(&r, "check", path, NULL);
	run_expect(&r, 64, NULL, "SOURCE_DATE_EPOCH");
	run_free(&r);
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
}

static void
test_no_colour_in_a_pipe(void **state)
{
	const char	*path = write_portfolio("colour.xml", POLICY_OK,
	    READY_BODY);
	struct run	 r;

	(void)state;
	unsetenv("NO_COLOR");
	setenv("TERM", "xterm", 1);
	run_endorse(&r, "check", AS_OF, path, NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_null(strchr(r.out, '\033'));
	run_free(&r);
	setenv("NO_COLOR", "1", 1);
}

static void
test_xml_is_byte_identical(void **state)
{
	const char	*path = write_portfolio("same.xml", POLICY_OK,
	    READY_BODY);
	struct run	 a, b;

	(void)state;
	run_endorse(&a, "check", AS_OF, "--emit", "checklist", path, NULL);
	run_endorse(&b, "check", AS_OF, "--format=xml", path, NULL);
	run_expect(&a, 0, "<checklist xmlns=\"urn:endorse:checklist:1\"", NULL);
	assert_int_equal(a.outlen, b.outlen);
	assert_memory_equal(a.out, b.out, a.outlen);
	run_free(&a);
	run_free(&b);
}

static void
test_renew(void **state)
{
	const char	*path = write_portfolio("renew.xml", POLICY_OK,
	    READY_BODY);
	struct run	 r;

	(void)state;
	run_endorse(&r, "renew", AS_OF, "--year", "2024", path, NULL);
	run_expect(&r, 1, "REN-1   NOT MET  14.75 of 15 clock hours in 2024.",
	    NULL);
	if (strstr(r.out, "Needs 0.25 more clock hours") == NULL)
		fail_msg("no shortfall: %s", r.out);
	run_free(&r);
	run_endorse(&r, "renew", AS_OF, "--year", "2024", "--association",
	    "WI-AIMH", path, NULL);
	run_expect(&r, 0, "REN-1   n/a      Not specified", NULL);
	run_free(&r);
}

/*
 * Requirements are data: a made-up association, added from the test suite
 * through ENDORSE_RULES_PATH, with other thresholds, needs no C change.
 */
static void
test_third_association(void **state)
{
	char		 dir[PATH_MAX], rules[PATH_MAX], src[PATH_MAX];
	char		*text, *p;
	const char	*path;
	struct run	 r;
	size_t		 len;

	(void)state;
	text = slurp(srcpath("schemas/requirements/ok-aimh.xml", src,
	    sizeof(src)), &len);
	assert_non_null(text);
	/* OK-AIMH -> ZZ-AIMH (same length), 30 training hours -> 45 */
	while ((p = strstr(text, "OK-AIMH")) != NULL)
		memcpy(p, "ZZ-AIMH", 7);
	assert_non_null(p = strstr(text, "type=\"hours\" line=\"19\" "
	    "min=\"30\""));
	memcpy(strstr(p, "30"), "45", 2);
	tmppath("rules", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	tmppath("rules/zz-aimh.xml", rules, sizeof(rules));
	spew(rules, text, len);
	free(text);

	path = write_portfolio("zz.xml",
	    "association='ZZ-AIMH' level='IV' track='policy'", READY_BODY);
	/* unknown without the rule file */
	run_endorse(&r, "check", AS_OF, path, NULL);
	run_expect(&r, 65, NULL, "ZZ-AIMH");
	run_free(&r);

	setenv("ENDORSE_RULES_PATH", dir, 1);
	run_endorse(&r, "validate", path, NULL);
	run_expect(&r, 0, "valid", NULL);
	run_free(&r);
	run_endorse(&r, "check", AS_OF, path, NULL);
	run_expect(&r, 1, "TRN-1   NOT MET  30 of 45 clock hours", NULL);
	if (strstr(r.out, "ZZ-AIMH") == NULL)
		fail_msg("association not shown: %s", r.out);
	run_free(&r);
	/* and the shipped associations are still there */
	run_endorse(&r, "check", AS_OF, "--association=OK-AIMH", path, NULL);
	run_expect(&r, 0, NULL, NULL);
	run_free(&r);
	unsetenv("ENDORSE_RULES_PATH");
}

static void
test_bad_rule_file_is_reported(void **state)
{
	char		 dir[PATH_MAX], rules[PATH_MAX];
	const char	*path;
	static const char text[] = "<?xml version='1.0'?>\n"
	    "<requirements xmlns='urn:endorse:requirements:1' "
	    "association='YY-AIMH' name='Y' document='y.txt'>\n"
	    "<ruleset kind='initial' level='IV' effective='2000-01-01' "
	    "title='T'>\n<rule id='TRN-1' type='hours' line='x'/>\n"
	    "</ruleset></requirements>\n";
	struct run	 r;

	(void)state;
	tmppath("badrules", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	tmppath("badrules/yy.xml", rules, sizeof(rules));
	spew(rules, text, sizeof(text) - 1);
	path = write_portfolio("yy.xml",
	    "association='YY-AIMH' level='IV' track='policy'", READY_BODY);
	setenv("ENDORSE_RULES_PATH", dir, 1);
	run_endorse(&r, "check", AS_OF, path, NULL);
	run_expect(&r, 65, NULL, "yy.xml:4:");
	assert_string_equal(r.out, "");
	run_free(&r);
	unsetenv("ENDORSE_RULES_PATH");
}

static void
test_help(void **state)
{
	struct run	r;

	(void)state;
	run_endorse(&r, "help", "check", NULL);
	run_expect(&r, 0, "--as-of DATE", NULL);
	run_free(&r);
	run_endorse(&r, "renew", "--help", NULL);
	run_expect(&r, 0, "--year is required", NULL);
	run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_checklists),
		cmocka_unit_test(test_exit_ready_not_ready),
		cmocka_unit_test(test_exit_review),
		cmocka_unit_test(test_batch_worst_and_continues),
		cmocka_unit_test(test_invalid_portfolio),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_unknown_association_override),
		cmocka_unit_test(test_default_as_of_from_source_date_epoch),
		cmocka_unit_test(test_no_colour_in_a_pipe),
		cmocka_unit_test(test_xml_is_byte_identical),
		cmocka_unit_test(test_renew),
		cmocka_unit_test(test_third_association),
		cmocka_unit_test(test_bad_rule_file_is_reported),
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
