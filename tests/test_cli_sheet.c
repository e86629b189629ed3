/*
 * test_cli_sheet: end-to-end tests of `endorse new`, `endorse export` and
 * `endorse import`, running the real binary: the round trip of every
 * example through CSV gives the golden checklist, every kind of bad cell
 * exits 65 with its FILE.csv:ROW:COL message and writes nothing, and the
 * usage errors are one line each.
 */
#include "harness.h"

#define AS_OF	"--as-of=2025-06-30"
#define EXAMPLE	"examples/ok-clinical-ready.xml"

static const char *const kinds[] = { "people", "training", "sessions",
    "positions", "leadership", "references" };
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

static int
exists(const char *path)
{
	struct stat	st;

	return lstat(path, &st) == 0;
}

/* Export then import an example through the CLI; the checklist is the golden one. */
static void
test_round_trip_every_example(void **state)
{
	size_t		 n, i, k;
	char		**names = list_dir("examples", ".xml", &n);
	char		 ex[PATH_MAX], dir[PATH_MAX], out[PATH_MAX];
	char		 gold[PATH_MAX], csv[NKINDS][PATH_MAX];
	const char	*argv[16];
	char		*want;
	struct run	 r;
	int		 base, argc;

	(void)state;
	assert_true(n >= 8);
	for (i = 0; i < n; i++) {
		base = (int)strlen(names[i]) - 4;
		snprintf(ex, sizeof(ex), "examples/%s", names[i]);
		if ((size_t)snprintf(dir, sizeof(dir), "%s/%.*s", tmpdir(),
		    base, names[i]) >= sizeof(dir) ||
		    (size_t)snprintf(out, sizeof(out), "%s/%.*s.xml",
		    tmpdir(), base, names[i]) >= sizeof(out))
			fail_msg("path too long");
		run_endorse(&r, "export", "-o", dir, ex, NULL);
		run_expect(&r, 0, NULL, NULL);
		assert_string_equal(r.out, "");
		assert_string_equal(r.err, "");
		run_free(&r);

		argc = 0;
		argv[argc++] = "endorse";
		argv[argc++] = "import";
		for (k = 0; k < NKINDS; k++) {
			if ((size_t)snprintf(csv[k], PATH_MAX, "%s/%s.csv", dir,
			    kinds[k]) >= PATH_MAX)
				fail_msg("path too long");
			argv[argc++] = csv[k];
		}
		/* options after the files, as GNU permutation allows */
		argv[argc++] = "--into";
		argv[argc++] = ex;
		argv[argc++] = "-o";
		argv[argc++] = out;
		argv[argc] = NULL;
		run_endorse_in(&r, NULL, argv);
		run_expect(&r, 0, NULL, NULL);
		assert_string_equal(r.err, "");
		run_free(&r);

		run_endorse(&r, "check", AS_OF, "--format", "xml", out, NULL);
		assert_false(r.timed_out);
		snprintf(gold, sizeof(gold), "tests/check/%.*s.checklist.xml",
		    base, names[i]);
		want = slurp(gold, NULL);
		assert_non_null(want);
		if (strcmp(want, r.out) != 0)
			fail_msg("%s: checklist after export and import "
			    "differs from %s", ex, gold);
		free(want);
		run_free(&r);
		free(names[i]);
	}
	free(names);
}

/* One bad CSV file: exit 65, the message, and no output. */
struct bad_case {
	const char	*file;
	const char	*text;
	const char	*msg;
};

static const struct bad_case bad_cases[] = {
	{ "training.csv", "start,end,hours,title,provider,relationship-based\n"
	  "2024-02-30,,2,A,B,yes\n",
	  "training.csv:2:1: error: column 'start': '2024-02-30' is not a "
	  "date of the calendar" },
	{ "training.csv", "\xef\xbb\xbfstart;end;hours;title;provider;"
	  "relationship-based\r\n2024-01-01;;2;A;B;yes\r\n"
	  "5/17/2013;;2;A;B;yes\r\n",
	  "training.csv:3:1: error: column 'start': '5/17/2013' is not "
	  "written YYYY-MM-DD: a spreadsheet may have reformatted the date; "
	  "write it as YYYY-MM-DD" },
	{ "training.csv", "hours,start,title,provider,relationship-based\n"
	  "-3,2024-01-01,A,B,yes\n",
	  "training.csv:2:1: error: column 'hours': '-3' is a negative number "
	  "of hours" },
	{ "training.csv", "hours,start,title,provider,relationship-based\n"
	  "1.255,2024-01-01,A,B,yes\n",
	  "training.csv:2:1: error: column 'hours': '1.255' has more than two "
	  "decimal places" },
	{ "sessions.csv", "date,hours,format,provider\n"
	  "2024-01-01,1,one-on-one,p-hale\n",
	  "sessions.csv:2:3: error: column 'format': 'one-on-one' is not one "
	  "of the words this column takes: expected the form of the session" },
	{ "sessions.csv", "date,hours,format,provider,provider name\n"
	  "2024-01-01,1,individual,,Dr. Nobody\n",
	  "sessions.csv:2:5: error: column 'provider name': 'Dr. Nobody' "
	  "matches no one in " EXAMPLE },
	{ "positions.csv", "start,end,role,employer\n"
	  "2020-01-01,ongoing,Director,Agency\n",
	  "positions.csv:1: error: the required column 'work' is missing from "
	  "the header row" },
	{ "people.csv", "id,name\np-a,Ann\np-a,Bea\n",
	  "people.csv:3:1: error: column 'id': 'p-a' is already the id of "
	  "row 2" },
	{ "leadership.csv", "activity,scope,start,description\n"
	  "other,state,2020-01-01,Chair, state board\n",
	  "leadership.csv:2:5: error: this row has 5 cells but the header row "
	  "names 4 columns" },
	{ "references.csv", "person,role\n\"p-hale\",\"rsc-provider\n",
	  "references.csv:2: error: a quoted cell starting on this row has "
	  "no closing quotation mark" },
};

static void
test_bad_cells_exit_65_and_write_nothing(void **state)
{
	char		 csv[PATH_MAX], out[PATH_MAX], sub[PATH_MAX];
	struct run	 r;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		if ((size_t)snprintf(sub, sizeof(sub), "%s/bad%zu", tmpdir(),
		    i) >= sizeof(sub))
			fail_msg("path too long");
		assert_int_equal(mkdir(sub, 0777), 0);
		pathf(csv, "%s/%s", sub, bad_cases[i].file);
		pathf(out, "%s/out.xml", sub);
		spew(csv, bad_cases[i].text, strlen(bad_cases[i].text));
		run_endorse(&r, "import", "--into", EXAMPLE, "-o", out, csv,
		    NULL);
		run_expect(&r, 65, NULL, bad_cases[i].msg);
		if (strncmp(r.err, "endorse: ", 9) != 0)
			fail_msg("messages start with 'endorse: ': %s", r.err);
		if (exists(out))
			fail_msg("case %zu: %s was written", i, out);
		run_free(&r);
	}
}

/* An existing output stays as it was when the import fails. */
static void
test_failed_import_keeps_old_output(void **state)
{
	char		 csv[PATH_MAX], out[PATH_MAX], *kept;
	struct run	 r;

	(void)state;
	tmppath("sessions.csv", csv, sizeof(csv));
	tmppath("kept.xml", out, sizeof(out));
	spew(csv, "date,hours,format\n2024-01-01,1,,\n", 33);
	spew(out, "old", 3);
	run_endorse(&r, "import", "--into", EXAMPLE, "-o", out, csv, NULL);
	run_expect(&r, 65, NULL, "sessions.csv:2:3: error: column 'format': the "
	    "cell is empty");
	run_free(&r);
	kept = slurp(out, NULL);
	assert_string_equal(kept, "old");
	free(kept);
}

static void
test_new_every_association_and_track(void **state)
{
	static const char *const codes[] = { "OK-AIMH", "wi-aimh" };
	static const char *const tracks[] = { "clinical", "policy",
	    "research-faculty" };
	char		 out[PATH_MAX];
	struct run	 r;
	size_t		 i, t;

	(void)state;
	for (i = 0; i < 2; i++)
		for (t = 0; t < 3; t++) {
			if ((size_t)snprintf(out, sizeof(out), "%s/new-%zu-%zu"
			    ".xml", tmpdir(), i, t) >= sizeof(out))
				fail_msg("path too long");
			run_endorse(&r, "new", "--association", codes[i],
			    "--track", tracks[t], "-o", out, NULL);
			run_expect(&r, 0, NULL, NULL);
			assert_string_equal(r.err, "");
			run_free(&r);
			run_endorse(&r, "validate", out, NULL);
			run_expect(&r, 0, ": valid", NULL);
			run_free(&r);
			run_endorse(&r, "check", AS_OF, out, NULL);
			run_expect(&r, 1, "What is missing:", NULL);
			assert_non_null(strstr(r.out, "NAME OF THE APPLICANT"));
			assert_non_null(strstr(r.out, "REF-1: Needs 3 more"));
			run_free(&r);
		}
	/* the name given, and standard output */
	run_endorse(&r, "new", "--association=ok-aimh", "--track=policy",
	    "--name", "Renée O'Neil <R&D>", "-o", "-", NULL);
	run_expect(&r, 0, "<name>Renée O'Neil &lt;R&amp;D&gt;</name>", NULL);
	run_free(&r);
}

/*
 * new follows the rule file: a third association whose training rule
 * says 45 hours and whose Policy track has no RS/C rule gets a skeleton
 * that says so, with no code change.
 */
static void
test_new_follows_the_rule_file(void **state)
{
	char		 dir[PATH_MAX], rules[PATH_MAX], src[PATH_MAX];
	char		 out[PATH_MAX], *text, *p, *xml, *changed;
	struct run	 r, r2;
	size_t		 len;

	(void)state;
	text = slurp(srcpath("schemas/requirements/ok-aimh.xml", src,
	    sizeof(src)), &len);
	assert_non_null(text);
	while ((p = strstr(text, "OK-AIMH")) != NULL)
		memcpy(p, "ZZ-AIMH", 7);
	assert_non_null(p = strstr(text, "Minimum 30 clock hours"));
	memcpy(p + 8, "45", 2);
	assert_non_null(p = strstr(text, "<hours id=\"TRN-1\""));
	assert_non_null(p = strstr(p, "min=\"30\""));
	memcpy(p + 5, "45", 2);
	/* LEAD-1 becomes a Clinical-only rule */
	assert_non_null(p = strstr(text, "<judgement id=\"LEAD-1\""));
	p += strlen("<judgement id=\"LEAD-1\"");
	if (asprintf(&changed, "%.*s tracks=\"clinical\"%s", (int)(p - text),
	    text, p) < 0)
		fail();
	tmppath("zz-rules", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	tmppath("zz-rules/zz-aimh.xml", rules, sizeof(rules));
	spew(rules, changed, strlen(changed));
	free(changed);
	free(text);
	tmppath("zz-new.xml", out, sizeof(out));

	setenv("ENDORSE_RULES_PATH", dir, 1);
	run_endorse(&r, "new", "--association", "ZZ-AIMH", "--track",
	    "policy", "-o", out, NULL);
	run_endorse(&r2, "check", AS_OF, out, NULL);
	unsetenv("ENDORSE_RULES_PATH");
	run_expect(&r, 0, NULL, NULL);
	run_free(&r);
	run_expect(&r2, 1, "TRN-1: Needs 45 more", NULL);
	run_free(&r2);
	xml = slurp(out, NULL);
	assert_non_null(xml);
	assert_non_null(strstr(xml, "ZZ-AIMH (Oklahoma Association"));
	assert_non_null(strstr(xml, "TRN-1 (Minimum 45 clock hours"));
	assert_non_null(strstr(xml, "<application association=\"ZZ-AIMH\" "
	    "level=\"IV\" track=\"policy\"/>"));
	/* Policy reads no leadership judgement here any more */
	assert_null(strstr(xml, "LEAD-1"));
	assert_non_null(strstr(xml, "WRK-P2 ("));
	free(xml);
}

static void
test_usage_errors(void **state)
{
	char		 out[PATH_MAX];
	struct run	 r;

	(void)state;
	tmppath("u.xml", out, sizeof(out));
	run_endorse(&r, "new", "--track", "clinical", "-o", out, NULL);
	run_expect(&r, 64, NULL, "endorse: new: --association CODE is required");
	run_free(&r);
	run_endorse(&r, "new", "--association", "TX-AIMH", "--track",
	    "clinical", "-o", out, NULL);
	run_expect(&r, 64, NULL, "--association wants OK-AIMH or WI-AIMH, not "
	    "'TX-AIMH'");
	run_free(&r);
	run_endorse(&r, "new", "--association", "OK-AIMH", "--track",
	    "surgery", "-o", out, NULL);
	run_expect(&r, 64, NULL, "--track wants clinical, policy or "
	    "research-faculty, not 'surgery'");
	run_free(&r);
	run_endorse(&r, "new", "--association", "OK-AIMH", "--track",
	    "clinical", "--name", "two\nlines", "-o", out, NULL);
	run_expect(&r, 65, NULL, "not written: the new portfolio is not valid");
	run_free(&r);
	assert_false(exists(out));
	run_endorse(&r, "export", EXAMPLE, NULL);
	run_expect(&r, 64, NULL, "export: -o DIR is required");
	run_free(&r);
	run_endorse(&r, "export", "-o", "-", EXAMPLE, NULL);
	run_expect(&r, 64, NULL, "export: -o DIR is required: the directory the "
	    "six CSV files go to");
	run_free(&r);
	run_endorse(&r, "export", "-o", tmpdir(), EXAMPLE, EXAMPLE, NULL);
	run_expect(&r, 64, NULL, "export reads one portfolio");
	run_free(&r);
	run_endorse(&r, "import", "-o", out, "training.csv", NULL);
	run_expect(&r, 64, NULL, "import: --into FILE.xml is required");
	run_free(&r);
	run_endorse(&r, "import", "--into", EXAMPLE, "-o", EXAMPLE,
	    "examples/csv/training.csv", NULL);
	run_expect(&r, 64, NULL, "the output 'examples/ok-clinical-ready.xml' is "
	    "the input");
	run_free(&r);
	run_endorse(&r, "import", "--into", EXAMPLE, "-o", out, NULL);
	run_expect(&r, 64, NULL, "no CSV files");
	run_free(&r);
	run_endorse(&r, "import", "--into", EXAMPLE, "-o", out,
	    "no-such/training.csv", NULL);
	run_expect(&r, 66, NULL, "no-such/training.csv: error: ");
	run_free(&r);
	assert_false(exists(out));
	run_endorse(&r, "export", "-o", EXAMPLE, EXAMPLE, NULL);
	run_expect(&r, 73, NULL, "not a directory");
	run_free(&r);
}

/* The templates in examples/csv/ import into a new portfolio. */
static void
test_templates_into_a_new_portfolio(void **state)
{
	char		 base[PATH_MAX], out[PATH_MAX];
	struct run	 r;

	(void)state;
	tmppath("tpl-base.xml", base, sizeof(base));
	tmppath("tpl-out.xml", out, sizeof(out));
	run_endorse(&r, "new", "--association", "OK-AIMH", "--track",
	    "clinical", "--name", "Amélie Désirée Ñúñez-Łukasiewicz", "-o",
	    base, NULL);
	run_expect(&r, 0, NULL, NULL);
	run_free(&r);
	run_endorse(&r, "import", "--into", base, "-o", out,
	    "examples/csv/people.csv", "examples/csv/training.csv",
	    "examples/csv/sessions.csv", "examples/csv/positions.csv",
	    "examples/csv/leadership.csv", "examples/csv/references.csv",
	    NULL);
	run_expect(&r, 0, NULL, NULL);
	run_free(&r);
	run_endorse(&r, "check", AS_OF, out, NULL);
	/* what the CSV files cannot hold is still missing, nothing else */
	run_expect(&r, 1, "- EDU-1: ", NULL);
	assert_null(strstr(r.out, "- TRN-1:"));
	assert_null(strstr(r.out, "- RSC-1:"));
	assert_null(strstr(r.out, "- REF-1:"));
	assert_null(strstr(r.out, "- WRK-C3:"));
	run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_every_example),
		cmocka_unit_test(test_bad_cells_exit_65_and_write_nothing),
		cmocka_unit_test(test_failed_import_keeps_old_output),
		cmocka_unit_test(test_new_every_association_and_track),
		cmocka_unit_test(test_new_follows_the_rule_file),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_templates_into_a_new_portfolio),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
