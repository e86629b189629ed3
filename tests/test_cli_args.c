/*
 * test_cli_args: end-to-end tests of the command line people type,
 * running the real binary: options before, between and after the files
 * for every command, "--", "-" as standard input, each usage message
 * exactly, "did you mean", an output that is one of the inputs, --emit
 * with -o, the associations command with rule sets from
 * ENDORSE_RULES_PATH (one of them broken), association codes in any case,
 * file names with control characters in every command, the summary of
 * several files and wrapping on a terminal.
 */
#include <pty.h>

#include <glib.h>

#include "harness.h"

#define AS_OF		"2025-06-30"
#define NOT_READY	"examples/ok-policy-not-ready.xml"
#define READY		"examples/ok-clinical-ready.xml"
#define WI_READY	"examples/wi-policy-ready.xml"

/* A usage error: exit 64, exactly this one line, nothing on stdout. */
static void
expect_usage(struct run *r, const char *line)
{
	char	*want;

	run_expect(r, 64, NULL, NULL);
	assert_true(asprintf(&want, "%s\n", line) > 0);
	if (strcmp(r->err, want) != 0)
		fail_msg("expected stderr \"%s\", got \"%s\"", line, r->err);
	assert_string_equal(r->out, "");
	free(want);
}

static void
copy_file(const char *from, const char *to)
{
	size_t	 len;
	char	*text = slurp(from, &len);

	assert_non_null(text);
	spew(to, text, len);
	free(text);
}

static int
same_bytes(const char *path, const char *text, size_t len)
{
	size_t	 n;
	char	*got = slurp(path, &n);
	int	 same = got != NULL && n == len && memcmp(got, text, n) == 0;

	free(got);
	return same;
}

/* Every command takes its options after (and between) the files. */
static void
test_options_after_operands(void **state)
{
	char		 out[PATH_MAX];
	struct stat	 st;
	struct run	 r;

	(void)state;
	run_endorse(&r, "check", NOT_READY, "--as-of", AS_OF, NULL);
	run_expect(&r, 1, "Policy track, OK-AIMH, as of " AS_OF "\n", NULL);
	assert_string_equal(r.err, "");
	run_free(&r);
	run_endorse(&r, "check", NOT_READY, "--as-of", AS_OF, READY, "-q",
	    NULL);
	run_expect(&r, 1, NULL, NULL);
	assert_string_equal(r.out, "");
	run_free(&r);
	run_endorse(&r, "renew", NOT_READY, "--year", "2024", "--as-of",
	    AS_OF, NULL);
	run_expect(&r, 1, "year 2024, OK-AIMH, as of " AS_OF "\n", NULL);
	run_free(&r);
	run_endorse(&r, "validate", NOT_READY, "-q", NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_string_equal(r.out, "");
	run_free(&r);
	run_endorse(&r, "packet", NOT_READY, "--emit", "checklist", "--as-of",
	    AS_OF, NULL);
	run_expect(&r, 0, "as-of=\"" AS_OF "\"", NULL);
	run_free(&r);
	tmppath("after.pdf", out, sizeof(out));
	run_endorse(&r, "packet", NOT_READY, "-o", out, "--as-of", AS_OF,
	    NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_int_equal(stat(out, &st), 0);
	run_free(&r);
	tmppath("after-review.pdf", out, sizeof(out));
	run_endorse(&r, "review", NOT_READY, "-o", out, READY, "--paper",
	    "a4", "--as-of", AS_OF, NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_int_equal(stat(out, &st), 0);
	run_free(&r);
	run_endorse(&r, "review", NOT_READY, "--emit", "layout", "--as-of",
	    AS_OF, NULL);
	run_expect(&r, 0, "<document", NULL);
	run_free(&r);
	run_endorse(&r, "help", "check", "--help", NULL);
	run_expect(&r, 0, "usage: endorse help", NULL);
	run_free(&r);
}

/* --opt=value and --opt value mean the same; an abbreviation too. */
static void
test_equals_and_space(void **state)
{
	struct run	a, b, c;

	(void)state;
	run_endorse(&a, "check", "--as-of=" AS_OF, "--track=clinical",
	    NOT_READY, NULL);
	run_endorse(&b, "check", NOT_READY, "--track", "clinical", "--as-of",
	    AS_OF, NULL);
	run_endorse(&c, "check", "--as-o", AS_OF, "--tr=clinical", NOT_READY,
	    NULL);
	run_expect(&a, 1, "Clinical track, OK-AIMH, as of " AS_OF, NULL);
	run_expect(&b, 1, NULL, NULL);
	run_expect(&c, 1, NULL, NULL);
	assert_string_equal(a.out, b.out);
	assert_string_equal(a.out, c.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
}

/* "--" ends the options: a file called -x.xml; "-" is standard input. */
static void
test_double_dash_and_stdin(void **state)
{
	char		 cwd[PATH_MAX], dash[PATH_MAX], src[PATH_MAX];
	const char	*argv[] = { "endorse", "check", "--as-of", AS_OF, "-",
	    "-q", NULL };
	struct run	 r;

	(void)state;
	srcpath(NOT_READY, src, sizeof(src));
	tmppath("-x.xml", dash, sizeof(dash));
	copy_file(src, dash);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(tmpdir()), 0);
	run_endorse(&r, "check", "--as-of", AS_OF, "--", "-x.xml", NULL);
	run_expect(&r, 1, "-x.xml: Nguyễn Thị Thu Hằng", NULL);
	run_free(&r);
	run_endorse(&r, "check", "--as-of", AS_OF, "-x.xml", NULL);
	expect_usage(&r, "endorse: check: unknown option '-x'; see 'endorse "
	    "help check'");
	run_free(&r);
	/* after "--" even --help is a file name */
	run_endorse(&r, "validate", "--", "--help", NULL);
	run_expect(&r, 66, NULL, "endorse: --help: error: cannot open");
	run_free(&r);
	assert_int_equal(chdir(cwd), 0);

	run_endorse_in(&r, src, argv);
	run_expect(&r, 1, NULL, NULL);
	assert_string_equal(r.out, "");
	run_free(&r);
	argv[5] = "--format=summary";
	run_endorse_in(&r, src, argv);
	run_expect(&r, 1, "<stdin>", NULL);
	run_free(&r);
}

/* Each kind of mistake has its own one-line message naming the option. */
static void
test_usage_messages(void **state)
{
	struct run	r;

	(void)state;
	run_endorse(&r, "check", NOT_READY, "--as-of", NULL);
	expect_usage(&r, "endorse: check: option '--as-of' needs a value: a "
	    "date YYYY-MM-DD; see 'endorse help check'");
	run_free(&r);
	run_endorse(&r, "packet", NOT_READY, "-o", NULL);
	expect_usage(&r, "endorse: packet: option '-o' needs a value: a file "
	    "name ('-': standard output); see 'endorse help packet'");
	run_free(&r);
	run_endorse(&r, "check", "--as", AS_OF, NOT_READY, NULL);
	expect_usage(&r, "endorse: check: option '--as' is ambiguous: "
	    "--as-of or --association?; see 'endorse help check'");
	run_free(&r);
	run_endorse(&r, "check", "--bogus", NOT_READY, NULL);
	expect_usage(&r, "endorse: check: unknown option '--bogus'; see "
	    "'endorse help check'");
	run_free(&r);
	run_endorse(&r, "check", "-z", NOT_READY, NULL);
	expect_usage(&r, "endorse: check: unknown option '-z'; see 'endorse "
	    "help check'");
	run_free(&r);
	run_endorse(&r, "check", "--quiet=yes", NOT_READY, NULL);
	expect_usage(&r, "endorse: check: option '--quiet' takes no value; "
	    "see 'endorse help check'");
	run_free(&r);
	run_endorse(&r, "check", "--paper", "a4", NOT_READY, NULL);
	expect_usage(&r, "endorse: check: '--paper' is not an option of this "
	    "command (it is one of renew, packet, review, batch); see 'endorse help "
	    "check'");
	run_free(&r);
	run_endorse(&r, "packet", "--paper=b5", "-o", "x.pdf", NOT_READY,
	    NULL);
	expect_usage(&r, "endorse: packet: --paper wants letter or a4, not "
	    "'b5'; see 'endorse help packet'");
	run_free(&r);
	run_endorse(&r, "check", "--as-of", "30/06/2025", NOT_READY, NULL);
	expect_usage(&r, "endorse: check: --as-of wants a date YYYY-MM-DD, "
	    "not '30/06/2025'; see 'endorse help check'");
	run_free(&r);
	run_endorse(&r, "renew", "--year", "24", NOT_READY, NULL);
	expect_usage(&r, "endorse: renew: --year wants a year such as 2025, "
	    "not '24'; see 'endorse help renew'");
	run_free(&r);
	run_endorse(&r, "batch", "examples", "-j", "0", "-o", "out", NULL);
	expect_usage(&r, "endorse: batch: --jobs wants a number of workers "
	    "from 1 to 64, not '0'; see 'endorse help batch'");
	run_free(&r);
	run_endorse(&r, "batch", "examples", NULL);
	expect_usage(&r, "endorse: batch: -o OUTDIR is required; see "
	    "'endorse help batch'");
	run_free(&r);
	run_endorse(&r, "batch", "-o", "examples", "examples", NULL);
	expect_usage(&r, "endorse: batch: the output directory 'examples' is "
	    "the input 'examples': its outputs would be read as inputs next "
	    "time; see 'endorse help batch'");
	run_free(&r);
	run_endorse(&r, "batch", "-o", "out", "-", NULL);
	expect_usage(&r, "endorse: batch: a batch reads files, not standard "
	    "input; see 'endorse help batch'");
	run_free(&r);
	run_endorse(&r, "--as-of", AS_OF, "check", NULL);
	expect_usage(&r, "endorse: options come after the command: "
	    "'--as-of'; see 'endorse help'");
	run_free(&r);
}

/* Mistyped commands and long options get the closest one. */
static void
test_did_you_mean(void **state)
{
	struct run	r;

	(void)state;
	run_endorse(&r, "chek", NOT_READY, NULL);
	expect_usage(&r, "endorse: no command 'chek'; did you mean 'check'?");
	run_free(&r);
	run_endorse(&r, "help", "chek", NULL);
	expect_usage(&r, "endorse: help: no command 'chek'; did you mean "
	    "'check'?");
	run_free(&r);
	run_endorse(&r, "reveiw", "-o", "x.pdf", NOT_READY, NULL);
	expect_usage(&r, "endorse: no command 'reveiw'; did you mean "
	    "'review'?");
	run_free(&r);
	run_endorse(&r, "assoc", NULL);
	expect_usage(&r, "endorse: no command 'assoc'; did you mean "
	    "'associations'?");
	run_free(&r);
	run_endorse(&r, "check", "--as-off", AS_OF, NOT_READY, NULL);
	expect_usage(&r, "endorse: check: unknown option '--as-off'; did you "
	    "mean '--as-of'?");
	run_free(&r);
	run_endorse(&r, "packet", "--papr=a4", "-o", "x.pdf", NOT_READY,
	    NULL);
	expect_usage(&r, "endorse: packet: unknown option '--papr=a4'; did "
	    "you mean '--paper'?");
	run_free(&r);
	/* nothing close: no guess */
	run_endorse(&r, "frobnicate", NULL);
	expect_usage(&r, "endorse: no command 'frobnicate'; see 'endorse "
	    "help'");
	run_free(&r);
	run_endorse(&r, "-V", NULL);
	run_expect(&r, 0, "endorse ", NULL);
	assert_int_equal(r.out[r.outlen - 1], '\n');
	run_free(&r);
}

/* -o naming an input, however named, is refused before anything. */
static void
test_output_is_an_input(void **state)
{
	char		 mine[PATH_MAX], link[PATH_MAX], src[PATH_MAX];
	char		*orig;
	const char	*argv[] = { "endorse", "packet", "-o", NULL, "-", NULL };
	size_t		 len;
	struct run	 r;

	(void)state;
	tmppath("mine.xml", mine, sizeof(mine));
	tmppath("mine-link.xml", link, sizeof(link));
	copy_file(srcpath(NOT_READY, src, sizeof(src)), mine);
	assert_int_equal(symlink(mine, link), 0);
	orig = slurp(mine, &len);
	assert_non_null(orig);

	run_endorse(&r, "packet", "-o", mine, mine, NULL);
	run_expect(&r, 64, NULL, "': choose another output file; see 'endorse "
	    "help packet'\n");
	assert_non_null(strstr(r.err, "endorse: packet: the output '"));
	assert_true(same_bytes(mine, orig, len));
	run_free(&r);
	run_endorse(&r, "review", "-o", link, READY, mine, NULL);
	run_expect(&r, 64, NULL, "mine-link.xml' is the input '");
	assert_true(same_bytes(mine, orig, len));
	run_free(&r);
	run_endorse(&r, "packet", link, "--emit", "layout", "-o", mine,
	    NULL);
	run_expect(&r, 64, NULL, "is the input");
	assert_true(same_bytes(mine, orig, len));
	run_free(&r);
	/* standard input redirected from the output */
	argv[3] = mine;
	run_endorse_in(&r, mine, argv);
	run_expect(&r, 64, NULL, "is the input '<stdin>'");
	assert_true(same_bytes(mine, orig, len));
	run_free(&r);
	free(orig);
}

/* --emit STAGE writes to -o FILE when given, else to standard output. */
static void
test_emit_to_output(void **state)
{
	char		 lay[PATH_MAX], cl[PATH_MAX], *text;
	struct run	 r, s;

	(void)state;
	tmppath("lay.xml", lay, sizeof(lay));
	tmppath("cl.xml", cl, sizeof(cl));
	run_endorse(&r, "packet", "--as-of", AS_OF, "--emit", "layout", "-o",
	    lay, NOT_READY, NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_string_equal(r.out, "");
	run_free(&r);
	run_endorse(&s, "packet", "--as-of", AS_OF, "--emit", "layout",
	    NOT_READY, NULL);
	run_expect(&s, 0, "<document", NULL);
	assert_non_null(text = slurp(lay, NULL));
	assert_string_equal(text, s.out);
	free(text);
	run_free(&s);

	run_endorse(&r, "review", NOT_READY, "--emit=checklist", "-o", cl,
	    "--as-of", AS_OF, NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_string_equal(r.out, "");
	run_free(&r);
	run_endorse(&s, "check", "--as-of", AS_OF, "--format", "xml",
	    NOT_READY, NULL);
	assert_non_null(text = slurp(cl, NULL));
	assert_string_equal(text, s.out);
	free(text);
	run_free(&s);
}

/* A third association from ENDORSE_RULES_PATH, a broken one beside it. */
static const char *
rules_dir(void)
{
	static const char broken[] = "<requirements xmlns="
	    "'urn:endorse:requirements:1' association='YY-AIMH'>\n<ruleset";
	static char	dir[PATH_MAX];
	char		path[PATH_MAX], src[PATH_MAX], *text, *p;
	size_t		len;

	if (dir[0] != '\0')
		return dir;
	tmppath("rules", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	text = slurp(srcpath("schemas/requirements/ok-aimh.xml", src,
	    sizeof(src)), &len);
	assert_non_null(text);
	while ((p = strstr(text, "OK-AIMH")) != NULL)
		memcpy(p, "ZZ-AIMH", 7);
	assert_non_null(p = strstr(text, "Oklahoma"));
	memcpy(p, "Zedlands", 8);
	assert_non_null(p = strstr(text, "effective=\"2000-01-01\""));
	memcpy(p + 11, "2026-07-01", 10);
	tmppath("rules/zz-aimh.xml", path, sizeof(path));
	spew(path, text, len);
	free(text);
	tmppath("rules/broken.xml", path, sizeof(path));
	spew(path, broken, sizeof(broken) - 1);
	return dir;
}

static void
test_associations(void **state)
{
	char		 line[PATH_MAX + 200], zz[PATH_MAX];
	struct run	 r;

	(void)state;
	run_endorse(&r, "associations", NULL);
	run_expect(&r, 0, "CODE     NAME", NULL);
	assert_non_null(strstr(r.out, "\nOK-AIMH  Oklahoma Association for "
	    "Infant Mental Health  initial  IV     "
	    "clinical,policy,research-faculty  2000-01-01  "));
	assert_non_null(strstr(r.out, "\nWI-AIMH  Wisconsin"));
	assert_non_null(strstr(r.out, "  renewal  IV     all  "));
	assert_null(strstr(r.out, "ZZ-AIMH"));
	assert_string_equal(r.err, "");
	run_free(&r);

	setenv("ENDORSE_RULES_PATH", rules_dir(), 1);
	run_endorse(&r, "associations", NULL);
	run_expect(&r, 0, "\nOK-AIMH  Oklahoma", NULL);
	tmppath("rules/zz-aimh.xml", zz, sizeof(zz));
	snprintf(line, sizeof(line), "\nZZ-AIMH  Zedlands Association for "
	    "Infant Mental Health  initial  IV     "
	    "clinical,policy,research-faculty  2026-07-01  %s\n", zz);
	if (strstr(r.out, line) == NULL)
		fail_msg("no line \"%s\" in:\n%s", line + 1, r.out);
	assert_null(strstr(r.out, "YY-AIMH"));
	run_expect(&r, 0, NULL, "broken.xml:2");
	run_expect(&r, 0, NULL, "broken.xml: warning: rule file left out: the "
	    "associations of the other rule files are still available\n");
	run_free(&r);
	/* the others keep working, and --help names them all */
	run_endorse(&r, "check", "-q", "--as-of", AS_OF, READY, NULL);
	run_expect(&r, 0, NULL, "rule file left out");
	run_free(&r);
	run_endorse(&r, "--help", NULL);
	run_expect(&r, 0, "\n  ZZ-AIMH  Zedlands Association", NULL);
	assert_non_null(strstr(r.out, "\n  OK-AIMH  Oklahoma"));
	run_free(&r);
	run_endorse(&r, "check", "--as-of", AS_OF, "--association", "yy-aimh",
	    READY, NULL);
	run_expect(&r, 64, NULL, "endorse: check: --association wants OK-AIMH, "
	    "WI-AIMH or ZZ-AIMH, not 'yy-aimh'; see 'endorse help check'\n");
	run_free(&r);
	unsetenv("ENDORSE_RULES_PATH");
}

/*
 * Tracks are data: a rule file that declares a track makes it one
 * --track takes, for that association only; nothing in the program
 * lists them.
 */
static void
test_tracks_from_rule_files(void **state)
{
	static const char *const from[] = { "id=\"policy\"",
	    "tracks=\"policy\"", "track=\"policy\"" };
	static const char *const to[] = { "id=\"program-leadership\"",
	    "tracks=\"program-leadership\"", "track=\"program-leadership\"" };
	char		 dir[PATH_MAX], path[PATH_MAX], src[PATH_MAX];
	char		*text, *p;
	GString		*g;
	struct run	 r;
	size_t		 len, k;

	(void)state;
	run_endorse(&r, "check", "--as-of", AS_OF, "--track",
	    "program-leadership", READY, NULL);
	run_expect(&r, 64, NULL, "endorse: check: --track wants clinical, policy "
	    "or research-faculty, not 'program-leadership'; see 'endorse help "
	    "check'\n");
	run_free(&r);

	tmppath("tracks", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	text = slurp(srcpath("schemas/requirements/ok-aimh.xml", src,
	    sizeof(src)), &len);
	assert_non_null(text);
	while ((p = strstr(text, "OK-AIMH")) != NULL)
		memcpy(p, "XX-AIMH", 7);
	g = g_string_new(text);
	for (k = 0; k < G_N_ELEMENTS(from); k++)
		assert_true(g_string_replace(g, from[k], to[k], 0) > 0);
	tmppath("tracks/xx-aimh.xml", path, sizeof(path));
	spew(path, g->str, g->len);
	g_string_free(g, TRUE);
	free(text);

	setenv("ENDORSE_RULES_PATH", dir, 1);
	run_endorse(&r, "associations", NULL);
	run_expect(&r, 0, "clinical,program-leadership,research-faculty", NULL);
	run_free(&r);
	/* XX-AIMH's track, for XX-AIMH: evaluated, not a usage error */
	run_endorse(&r, "check", "-q", "--as-of", AS_OF, "--association",
	    "xx-aimh", "--track", "program-leadership", READY, NULL);
	assert_true(r.status >= 0 && r.status <= 2);
	run_free(&r);
	/* a portfolio on XX-AIMH's own track validates; on OK-AIMH it does not */
	text = slurp(srcpath(READY, src, sizeof(src)), &len);
	assert_non_null(text);
	g = g_string_new(text);
	free(text);
	assert_true(g_string_replace(g, "association=\"OK-AIMH\" level=\"IV\" "
	    "track=\"clinical\"", "association=\"XX-AIMH\" level=\"IV\" "
	    "track=\"program-leadership\"", 1) == 1);
	tmppath("tracks/xx.xml", path, sizeof(path));
	spew(path, g->str, g->len);
	run_endorse(&r, "validate", path, NULL);
	run_expect(&r, 0, ": valid\n", NULL);
	run_free(&r);
	assert_true(g_string_replace(g, "XX-AIMH", "OK-AIMH", 1) == 1);
	tmppath("tracks/ok.xml", path, sizeof(path));
	spew(path, g->str, g->len);
	g_string_free(g, TRUE);
	run_endorse(&r, "validate", path, NULL);
	run_expect(&r, 65, NULL, "error: element 'application', attribute "
	    "'track': OK-AIMH's requirements have no track "
	    "'program-leadership': expected clinical, policy or "
	    "research-faculty\n");
	run_free(&r);
	/* not a track of OK-AIMH's */
	run_endorse(&r, "check", "--as-of", AS_OF, "--association", "ok-aimh",
	    "--track", "program-leadership", READY, NULL);
	run_expect(&r, 64, NULL, "endorse: check: --track wants clinical, policy "
	    "or research-faculty, not 'program-leadership'; see 'endorse help "
	    "check'\n");
	run_free(&r);
	unsetenv("ENDORSE_RULES_PATH");
}

/* Association codes in any case; an unknown one lists the codes. */
static void
test_association_codes(void **state)
{
	struct run	a, b;

	(void)state;
	run_endorse(&a, "check", "--as-of", AS_OF, "--association", "wi-aimh",
	    NOT_READY, NULL);
	run_endorse(&b, "check", "--as-of", AS_OF, "--association=WI-AIMH",
	    NOT_READY, NULL);
	run_expect(&a, b.status, "Policy track, WI-AIMH, as of", NULL);
	assert_string_equal(a.out, b.out);
	run_free(&a);
	run_free(&b);
	run_endorse(&a, "packet", "--association=Ok-Aimh", "--emit",
	    "checklist", "--as-of", AS_OF, WI_READY, NULL);
	run_expect(&a, 0, "association=\"OK-AIMH\"", NULL);
	run_free(&a);
	run_endorse(&a, "renew", "--year=2024", "--association=XX-AIMH",
	    NOT_READY, NULL);
	expect_usage(&a, "endorse: renew: --association wants OK-AIMH or "
	    "WI-AIMH, not 'XX-AIMH'; see 'endorse help renew'");
	run_free(&a);
}

/* No byte of stderr or stdout is a control character but newline. */
static void
assert_clean(const char *s, const char *what)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 && *s != '\n')
			fail_msg("%s holds a raw control character 0x%02x",
			    what, (unsigned char)*s);
	if (strstr(s, "\xe2\x80\xae") != NULL)
		fail_msg("%s holds a raw RLO", what);
}

/* A file name with ESC, newline and RLO, in every command. */
static void
test_file_names_escaped(void **state)
{
	char		 evil[PATH_MAX], bad[PATH_MAX], src[PATH_MAX];
	char		 out[PATH_MAX];
	const char	*shown = "<U+001B>[31mred<U+000A>line<U+202E>lmx.xml";
	struct run	 r;

	(void)state;
	tmppath("\033[31mred\nline\xe2\x80\xaelmx.xml", evil, sizeof(evil));
	copy_file(srcpath(NOT_READY, src, sizeof(src)), evil);
	tmppath("\033[1mbad\n.xml", bad, sizeof(bad));
	spew(bad, "<portfolio/>", 12);
	tmppath("out.pdf", out, sizeof(out));

	run_endorse(&r, "validate", evil, bad, NULL);
	run_expect(&r, 65, shown, "<U+001B>[1mbad<U+000A>.xml");
	assert_clean(r.out, "validate's stdout");
	assert_clean(r.err, "validate's stderr");
	run_free(&r);
	run_endorse(&r, "check", "--as-of", AS_OF, evil, bad, NULL);
	run_expect(&r, 65, shown, "<U+001B>[1mbad<U+000A>.xml");
	assert_clean(r.out, "check's stdout");
	assert_clean(r.err, "check's stderr");
	run_free(&r);
	run_endorse(&r, "packet", "-o", out, bad, NULL);
	run_expect(&r, 65, NULL, "<U+001B>[1mbad<U+000A>.xml");
	assert_clean(r.err, "packet's stderr");
	run_free(&r);
	run_endorse(&r, "packet", "-o", evil, evil, NULL);
	run_expect(&r, 64, NULL, shown);
	assert_clean(r.err, "packet's usage error");
	run_free(&r);
	run_endorse(&r, "review", "-o", out, "--as-of", AS_OF, evil, bad,
	    NULL);
	run_expect(&r, 65, NULL, "<U+001B>[1mbad<U+000A>.xml");
	assert_clean(r.err, "review's stderr");
	run_free(&r);
	/* command line and environment values quoted in usage errors */
	run_endorse(&r, "check", "--as-of", "\033]0;x\a", READY, NULL);
	run_expect(&r, 64, NULL, "not '<U+001B>]0;x<U+0007>'");
	assert_clean(r.err, "a quoted option value");
	run_free(&r);
	run_endorse(&r, "ch\033eck", NULL);
	run_expect(&r, 64, NULL, "no command 'ch<U+001B>eck'");
	assert_clean(r.err, "a quoted command");
	run_free(&r);
	setenv("SOURCE_DATE_EPOCH", "\033[2J", 1);
	run_endorse(&r, "check", READY, NULL);
	run_expect(&r, 64, NULL, "SOURCE_DATE_EPOCH is not a number of seconds: "
	    "'<U+001B>[2J'");
	assert_clean(r.err, "SOURCE_DATE_EPOCH");
	run_free(&r);
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
}

/* Several files end with one line per applicant; summary alone. */
static void
test_summary(void **state)
{
	char		*p;
	struct run	 r;

	(void)state;
	run_endorse(&r, "check", "--as-of", AS_OF, NOT_READY, READY,
	    "no/such.xml", NULL);
	run_expect(&r, 66, "\nSummary:\n  APPLICANT   ", NULL);
	p = strstr(r.out, "\nSummary:\n");
	assert_non_null(strstr(p, "\n  Nguyễn Thị Thu Hằng               "
	    "OK-AIMH      Policy    not ready         2        "
	    NOT_READY "\n"));
	assert_non_null(strstr(p, "\n  Amélie Désirée Ñúñez-Łukasiewicz  "
	    "OK-AIMH      Clinical  ready             0        "
	    READY "\n"));
	assert_non_null(strstr(p, "\n  -                                 "
	    "-            -         cannot be opened  -        "
	    "no/such.xml\n"));
	assert_non_null(strstr(p, "\n  3 files: 1 ready, 0 need review, 1 "
	    "not ready, 1 not checked\n"));
	run_free(&r);
	/* one file: no summary */
	run_endorse(&r, "check", "--as-of", AS_OF, NOT_READY, NULL);
	assert_null(strstr(r.out, "Summary:"));
	run_free(&r);
	run_endorse(&r, "check", "--format", "summary", "--as-of", AS_OF,
	    NOT_READY, READY, NULL);
	run_expect(&r, 1, NULL, NULL);
	assert_memory_equal(r.out, "  APPLICANT ", 12);
	assert_null(strstr(r.out, "MEM-1"));
	assert_int_equal(strchr(strstr(r.out, "\n\n") + 2, '\n') + 1 - r.out,
	    (long)r.outlen);
	run_free(&r);
	run_endorse(&r, "renew", "--format=summary", "--year=2024",
	    "--as-of", AS_OF, NOT_READY, NULL);
	run_expect(&r, 1, "  year 2024  not ready  1  ", NULL);
	run_free(&r);
}

/* On a terminal, text wraps to its width under the explanation. */
static void
test_wraps_on_a_terminal(void **state)
{
	struct winsize	 ws = { .ws_row = 50, .ws_col = 60 };
	char		 buf[65536], *line, *save = NULL;
	int		 master, st, continued = 0;
	pid_t		 pid;

	(void)state;
	pid = forkpty(&master, NULL, NULL, &ws);
	assert_true(pid >= 0);
	if (pid == 0) {
		execl(env_or("ENDORSE_BIN", "./endorse"), "endorse", "check",
		    "--as-of", AS_OF, NOT_READY, (char *)NULL);
		_exit(127);
	}
	(void)read_to_end(master, buf, sizeof(buf));
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_int_equal(WEXITSTATUS(st), 1);
	assert_non_null(strstr(buf, "WRK-P1  met      Met by three years"));
	for (line = strtok_r(buf, "\r\n", &save); line != NULL;
	    line = strtok_r(NULL, "\r\n", &save)) {
		size_t	cols = 0;
		char	*p;

		for (p = line; *p != '\0'; p++)
			if (((unsigned char)*p & 0xc0) != 0x80)
				cols++;
		if (cols > 60)
			fail_msg("line wider than 60 columns: %s", line);
		if (strncmp(line, "                   ", 19) == 0 &&
		    line[19] != ' ')
			continued++;
	}
	/* WRK-P1's long explanation goes on under the explanation column */
	assert_true(continued >= 2);
}

/* review --reviewers N: N copies; a bad N says what is wanted. */
static void
test_reviewers(void **state)
{
	char		out[PATH_MAX];
	struct run	r;

	(void)state;
	tmppath("three.pdf", out, sizeof(out));
	run_endorse(&r, "review", READY, "--reviewers", "3", "-o", out,
	    "--as-of", AS_OF, NULL);
	run_expect(&r, 0, NULL, NULL);
	run_free(&r);
	run_tool(&r, "pdftotext", out, "-", NULL);
	run_expect(&r, 0, "Reviewer 3 of 3", NULL);
	run_free(&r);
	run_endorse(&r, "review", READY, "--reviewers=10", "-o", out, NULL);
	expect_usage(&r, "endorse: review: --reviewers wants a number of "
	    "reviewer copies from 1 to 9, not '10'; see 'endorse help "
	    "review'");
	run_free(&r);
	run_endorse(&r, "packet", READY, "--reviewers=2", "-o", out, NULL);
	expect_usage(&r, "endorse: packet: '--reviewers' is not an option of "
	    "this command (it is one of review, batch); see 'endorse help "
	    "packet'");
	run_free(&r);
}

/* renew -o: the continuing-endorsement statement, options anywhere. */
static void
test_renewal_statement(void **state)
{
	char		out[PATH_MAX];
	struct run	r;

	(void)state;
	tmppath("statement.pdf", out, sizeof(out));
	run_endorse(&r, "renew", NOT_READY, "-o", out, "--year", "2024",
	    "--as-of", AS_OF, NULL);
	run_expect(&r, 0, NULL, NULL);
	run_free(&r);
	run_tool(&r, "pdftotext", out, "-", NULL);
	run_expect(&r, 0, "Continuing endorsement statement for 2024", NULL);
	run_free(&r);
	run_endorse(&r, "renew", NOT_READY, "--emit", "layout", "--year=2024",
	    NULL);
	run_expect(&r, 0, "<document xmlns=\"urn:endorse:layout:1\"", NULL);
	run_free(&r);
	run_endorse(&r, "renew", "-o", out, "--year=2024", NOT_READY, READY,
	    NULL);
	expect_usage(&r, "endorse: renew: a statement is for one endorsee: "
	    "give one file; see 'endorse help renew'");
	run_free(&r);
	run_endorse(&r, "renew", "--paper=a4", "--year=2024", NOT_READY, NULL);
	expect_usage(&r, "endorse: renew: --paper is for the statement: give "
	    "-o FILE.pdf; see 'endorse help renew'");
	run_free(&r);
	run_endorse(&r, "renew", "-o", NOT_READY, "--year=2024", NOT_READY,
	    NULL);
	run_expect(&r, 64, NULL, "is the input");
	run_free(&r);
}

/* validate takes rule files too, by their root element. */
static void
test_validate_rule_files(void **state)
{
	char		 src[PATH_MAX], dup[PATH_MAX], *text, *p;
	size_t		 len;
	struct run	 r;

	(void)state;
	run_endorse(&r, "validate", "schemas/requirements/ok-aimh.xml", READY,
	    NULL);
	run_expect(&r, 0, "schemas/requirements/ok-aimh.xml: valid\n", NULL);
	run_free(&r);
	text = slurp(srcpath("schemas/requirements/ok-aimh.xml", src,
	    sizeof(src)), &len);
	assert_non_null(text);
	assert_non_null(p = strstr(text, "id=\"FEE-2\""));
	p[8] = '1';
	tmppath("dup-rules.xml", dup, sizeof(dup));
	spew(dup, text, len);
	free(text);
	run_endorse(&r, "validate", dup, NULL);
	run_expect(&r, 65, NULL, "error: rule id 'FEE-1' is used twice in this "
	    "rule set");
	assert_string_equal(r.out, "");
	run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_after_operands),
		cmocka_unit_test(test_equals_and_space),
		cmocka_unit_test(test_double_dash_and_stdin),
		cmocka_unit_test(test_usage_messages),
		cmocka_unit_test(test_did_you_mean),
		cmocka_unit_test(test_output_is_an_input),
		cmocka_unit_test(test_emit_to_output),
		cmocka_unit_test(test_associations),
		cmocka_unit_test(test_association_codes),
		cmocka_unit_test(test_tracks_from_rule_files),
		cmocka_unit_test(test_file_names_escaped),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_wraps_on_a_terminal),
		cmocka_unit_test(test_reviewers),
		cmocka_unit_test(test_renewal_statement),
		cmocka_unit_test(test_validate_rule_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
