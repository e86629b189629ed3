/*
 * test_cli_render: end-to-end tests of `endorse packet` and `endorse
 * review`: the real binary makes real PDFs, inspected with the tools
 * people use (poppler's pdftotext, pdfinfo, pdffonts, and qpdf).
 */
#include "harness.h"

#define AS_OF	"--as-of=2025-06-30"

static const char *const packet_sections[] = {
	"Checklist summary", "Degrees and transcripts", "Training log",
	"Positions and leadership activities", "Positions",
	"Leadership activities", "Reflective supervision/consultation log",
	"References", "Attestations, examination, membership and fees",
	"What is missing before submission", NULL
};

static const char *const review_sections[] = {
	"Requirements: computed verdicts", "For the committee's judgement",
	"Recommendation", "Reviewer 1: signature", "Reviewer 2: signature",
	"Confidential", NULL
};

static void
expect_ok(struct run *r, const char *what)
{
	if (r->timed_out)
		fail_msg("%s did not finish in %d s", what, RUN_TIME_LIMIT);
	if (r->status != 0)
		fail_msg("%s: exit %d; stderr: %s", what, r->status, r->err);
}

/* The text of a PDF (all pages, or page first..last when > 0). */
static char *
pdf_text(const char *pdf, int page)
{
	struct run	 r;
	char		 f[16], *out;

	snprintf(f, sizeof(f), "%d", page);
	if (page > 0)
		run_tool(&r, "pdftotext", "-f", f, "-l", f, pdf, "-", NULL);
	else
		run_tool(&r, "pdftotext", pdf, "-", NULL);
	expect_ok(&r, "pdftotext");
	out = r.out;
	r.out = NULL;
	run_free(&r);
	return out;
}

static int
pdf_pages(const char *pdf)
{
	struct run	 r;
	const char	*p;
	int		 n;

	run_tool(&r, "pdfinfo", pdf, NULL);
	expect_ok(&r, "pdfinfo");
	assert_non_null(p = strstr(r.out, "\nPages:"));
	n = atoi(p + 7);
	run_free(&r);
	return n;
}

/* The applicant's name, exactly as the portfolio writes it. */
static char *
portfolio_name(const char *path)
{
	char	*xml = slurp(path, NULL), *a, *b, *name;

	assert_non_null(xml);
	assert_non_null(a = strstr(xml, "<applicant>"));
	assert_non_null(a = strstr(a, "<name>"));
	a += 6;
	assert_non_null(b = strstr(a, "</name>"));
	name = strndup(a, (size_t)(b - a));
	free(xml);
	return name;
}

/* Every property a PDF of endorse must have. */
static void
check_pdf(const char *pdf, const char *title_word)
{
	struct run	 r;
	char		*line, *save, *fonts;

	run_tool(&r, "qpdf", "--check", pdf, NULL);
	expect_ok(&r, "qpdf --check");
	run_free(&r);

	run_tool(&r, "pdfinfo", pdf, NULL);
	expect_ok(&r, "pdfinfo");
	if (strstr(r.out, "Tagged:          yes") == NULL ||
	    strstr(r.out, "Title:           ") == NULL ||
	    strstr(r.out, title_word) == NULL ||
	    strstr(r.out, "Author:          ") == NULL)
		fail_msg("%s: pdfinfo: %s", pdf, r.out);
	run_free(&r);

	/* every font embedded, subset and one of fonts/ */
	run_tool(&r, "pdffonts", pdf, NULL);
	expect_ok(&r, "pdffonts");
	fonts = r.out;
	line = strtok_r(fonts, "\n", &save);	/* header */
	line = strtok_r(NULL, "\n", &save);	/* ---- */
	while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
		if (strlen(line) < 8 || line[6] != '+' ||
		    (strncmp(line + 7, "NotoSans", 8) != 0 &&
		    strncmp(line + 7, "DejaVuSans", 10) != 0))
			fail_msg("%s: font not subset or not from fonts/: "
			    "%s", pdf, line);
		if (strstr(line, " yes yes ") == NULL)
			fail_msg("%s: font not embedded and subset: %s", pdf,
			    line);
	}
	run_free(&r);
}

static void
test_every_example(void **state)
{
	size_t	 n, i, k;
	char	**names = list_dir("examples", ".xml", &n);
	char	 path[PATH_MAX], packet[PATH_MAX], review[PATH_MAX];
	char	*text, *name;
	struct run r;

	(void)state;
	assert_true(n >= 6);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "examples/%s", names[i]);
		tmppath("packet.pdf", packet, sizeof(packet));
		tmppath("review.pdf", review, sizeof(review));
		name = portfolio_name(path);

		run_endorse(&r, "packet", AS_OF, "-o", packet, path, NULL);
		expect_ok(&r, path);
		assert_string_equal(r.err, "");
		run_free(&r);
		check_pdf(packet, "Application packet");
		text = pdf_text(packet, 0);
		for (k = 0; packet_sections[k] != NULL; k++)
			if (strstr(text, packet_sections[k]) == NULL)
				fail_msg("%s: packet has no '%s'", path,
				    packet_sections[k]);
		if (strstr(text, name) == NULL)
			fail_msg("%s: packet does not show the name '%s'",
			    path, name);
		free(text);

		run_endorse(&r, "review", AS_OF, "-o", review, path, NULL);
		expect_ok(&r, path);
		run_free(&r);
		check_pdf(review, "Committee review");
		text = pdf_text(review, 0);
		for (k = 0; review_sections[k] != NULL; k++)
			if (strstr(text, review_sections[k]) == NULL)
				fail_msg("%s: review has no '%s'", path,
				    review_sections[k]);
		if (strstr(text, name) == NULL)
			fail_msg("%s: review does not show the name '%s'",
			    path, name);
		free(text);
		free(name);
		free(names[i]);
	}
	free(names);
}

static void
test_review_of_many_starts_each_on_a_page(void **state)
{
	size_t	 n, i;
	char	**names = list_dir("examples", ".xml", &n);
	const char *argv[32];
	char	 out[PATH_MAX], paths[16][PATH_MAX], *text, *name, *first;
	int	 pages, page, found;
	struct run r;

	(void)state;
	assert_true(n >= 2 && n <= 16);
	tmppath("all.pdf", out, sizeof(out));
	argv[0] = "endorse";
	argv[1] = "review";
	argv[2] = AS_OF;
	argv[3] = "-o";
	argv[4] = out;
	for (i = 0; i < n; i++) {
		snprintf(paths[i], sizeof(paths[i]), "examples/%s", names[i]);
		argv[5 + i] = paths[i];
	}
	argv[5 + n] = NULL;
	run_endorse_in(&r, NULL, argv);
	expect_ok(&r, "review");
	run_free(&r);
	pages = pdf_pages(out);
	/* each applicant's name heads some page */
	for (i = 0; i < n; i++) {
		name = portfolio_name(paths[i]);
		found = 0;
		for (page = 1; page <= pages && !found; page++) {
			text = pdf_text(out, page);
			first = strstr(text, "Committee review checklist");
			found = first != NULL && strstr(text, name) != NULL &&
			    strstr(text, "Endorsement") != NULL;
			free(text);
		}
		if (!found)
			fail_msg("no page starts %s", name);
		free(name);
		free(names[i]);
	}
	free(names);
}

static void
test_byte_identical(void **state)
{
	char	 a[PATH_MAX], b[PATH_MAX], *da, *db;
	size_t	 la, lb;
	struct run r;

	(void)state;
	tmppath("same-a.pdf", a, sizeof(a));
	tmppath("same-b.pdf", b, sizeof(b));
	run_endorse(&r, "packet", AS_OF, "-o", a,
	    "examples/ok-clinical-ready.xml", NULL);
	expect_ok(&r, "packet");
	run_free(&r);
	sleep(1);
	run_endorse(&r, "packet", AS_OF, "-o", b,
	    "examples/ok-clinical-ready.xml", NULL);
	expect_ok(&r, "packet");
	run_free(&r);
	da = slurp(a, &la);
	db = slurp(b, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(da, db, la);
	free(da);
	free(db);
}

/* A portfolio whose sections after the application are body. */
static const char *
training_portfolio(const char *file, const char *name, const char *body)
{
	static char	 path[PATH_MAX];
	char		*xml;

	assert_true(asprintf(&xml,
	    "<portfolio xmlns='urn:endorse:portfolio:1' version='1'>\n"
	    "<applicant><name>%s</name></applicant>\n"
	    "<application association='OK-AIMH' level='IV' "
	    "track='policy'/>\n%s\n</portfolio>\n",
	    name, body) > 0);
	tmppath(file, path, sizeof(path));
	spew(path, xml, strlen(xml));
	free(xml);
	return path;
}

static void
test_300_training_entries_paginate(void **state)
{
	char	 out[PATH_MAX], *body, *text, key[32], end[32];
	size_t	 len = 0, cap = 300 * 400 + 64;
	const char *path;
	int	 i, pages, page, on[301], log_pages = 0;
	struct run r;

	(void)state;
	body = calloc(1, cap);
	for (i = 1; i <= 300; i++)
		len += (size_t)snprintf(body + len, cap - len,
		    "<course start='2020-01-10' hours='0.25' "
		    "relationship-based='yes'><title>Course %03d: "
		    "relationship-based practice with infants, toddlers and "
		    "their families in home visiting, end-%03d</title>"
		    "<provider>Provider</provider></course>", i, i);
	memmove(body + 10, body, len + 1);
	memcpy(body, "<training>", 10);
	strcat(body, "</training>");
	path = training_portfolio("t300.xml", "Three Hundred", body);
	free(body);
	tmppath("t300.pdf", out, sizeof(out));
	run_endorse(&r, "packet", AS_OF, "-o", out, path, NULL);
	expect_ok(&r, "packet");
	run_free(&r);
	pages = pdf_pages(out);
	memset(on, 0, sizeof(on));
	for (page = 1; page <= pages; page++) {
		int	any = 0;

		text = pdf_text(out, page);
		for (i = 1; i <= 300; i++) {
			snprintf(key, sizeof(key), "Course %03d:", i);
			snprintf(end, sizeof(end), "end-%03d", i);
			if (strstr(text, key) == NULL) {
				if (strstr(text, end) != NULL)
					fail_msg("row %d split: its end is "
					    "alone on page %d", i, page);
				continue;
			}
			if (strstr(text, end) == NULL)
				fail_msg("row %d split at page %d", i, page);
			on[i]++;
			any = 1;
		}
		if (any) {
			log_pages++;
			if (strstr(text, "Running total") == NULL)
				fail_msg("page %d: the header row is not "
				    "repeated", page);
		}
		free(text);
	}
	for (i = 1; i <= 300; i++)
		if (on[i] != 1)
			fail_msg("row %d printed %d times", i, on[i]);
	assert_true(log_pages >= 5);
}

static void
test_long_word_stays_inside(void **state)
{
	char	 out[PATH_MAX], word[2001], body[4096], *p;
	const char *path;
	double	 xmax, max = 0;
	struct run r;

	(void)state;
	memset(word, 'w', 2000);
	word[2000] = '\0';
	snprintf(body, sizeof(body), "<experience><leadership "
	    "activity='other' scope='state' start='2020-01-01'><description>"
	    "%s</description></leadership></experience>", word);
	path = training_portfolio("word.xml", "Long Word", body);
	tmppath("word.pdf", out, sizeof(out));
	run_endorse(&r, "packet", AS_OF, "-o", out, path, NULL);
	expect_ok(&r, "packet");
	run_free(&r);
	run_tool(&r, "pdftotext", "-bbox", out, "-", NULL);
	expect_ok(&r, "pdftotext -bbox");
	for (p = r.out; (p = strstr(p, "xMax=\"")) != NULL; p++) {
		xmax = strtod(p + 6, NULL);
		if (xmax > max)
			max = xmax;
	}
	/* Letter is 612 pt wide; the right margin is 72 pt */
	if (max > 541.0)
		fail_msg("text reaches x = %.1f, past the margin at 540", max);
	run_free(&r);
}

static void
test_uncovered_name_warns(void **state)
{
	char	 out[PATH_MAX];
	const char *path;
	struct run r;

	(void)state;
	/* Hangul: no bundled font has it, nor Debian 12's usual ones. */
	path = training_portfolio("glyph.xml", "Kim \xea\xb9\x80\xeb\xaf\xbc"
	    "\xec\xa4\x80", "");
	tmppath("glyph.pdf", out, sizeof(out));
	run_endorse(&r, "packet", AS_OF, "-o", out, path, NULL);
	expect_ok(&r, "packet");
	if (strstr(r.err, "glyph.xml") == NULL ||
	    strstr(r.err, "warning") == NULL ||
	    strstr(r.err, "applicant name") == NULL ||
	    strstr(r.err, "Kim") == NULL)
		fail_msg("no warning naming file, field and text: %s", r.err);
	run_free(&r);
}

static void
test_a4_and_emit_layout(void **state)
{
	char	 out[PATH_MAX];
	struct run r;

	(void)state;
	tmppath("a4.pdf", out, sizeof(out));
	run_endorse(&r, "packet", AS_OF, "--paper=a4", "-o", out,
	    "examples/ok-clinical-ready.xml", NULL);
	expect_ok(&r, "packet --paper a4");
	run_free(&r);
	run_tool(&r, "pdfinfo", out, NULL);
	if (strstr(r.out, "595.276 x 841.89 pts (A4)") == NULL &&
	    strstr(r.out, "(A4)") == NULL)
		fail_msg("not A4: %s", r.out);
	run_free(&r);
	run_endorse(&r, "packet", AS_OF, "--emit", "layout",
	    "examples/ok-clinical-ready.xml", NULL);
	expect_ok(&r, "packet --emit layout");
	assert_non_null(strstr(r.out, "<document xmlns=\"urn:endorse:layout:1\""));
	run_free(&r);
}

static void
test_errors_leave_nothing(void **state)
{
	char	 out[PATH_MAX], bad[PATH_MAX];
	struct stat st;
	struct run r;

	(void)state;
	tmppath("no/such/dir/x.pdf", out, sizeof(out));
	run_endorse(&r, "packet", AS_OF, "-o", out,
	    "examples/ok-clinical-ready.xml", NULL);
	if (r.status != 73)
		fail_msg("exit %d, expected 73: %s", r.status, r.err);
	run_free(&r);

	run_endorse(&r, "packet", AS_OF, "examples/ok-clinical-ready.xml",
	    NULL);
	if (r.status != 64 || strstr(r.err, "-o FILE.pdf") == NULL)
		fail_msg("exit %d: %s", r.status, r.err);
	run_free(&r);

	/* a bad portfolio: no PDF at all for a packet */
	tmppath("bad.xml", bad, sizeof(bad));
	spew(bad, "<portfolio", 10);
	tmppath("bad.pdf", out, sizeof(out));
	run_endorse(&r, "packet", AS_OF, "-o", out, bad, NULL);
	if (r.status != 65)
		fail_msg("exit %d, expected 65: %s", r.status, r.err);
	assert_int_equal(stat(out, &st), -1);
	run_free(&r);

	/* in a review batch the others are still printed */
	run_endorse(&r, "review", AS_OF, "-o", out, bad,
	    "examples/ok-clinical-ready.xml", NULL);
	if (r.status != 65 || strstr(r.err, "bad.xml:1:") == NULL)
		fail_msg("exit %d: %s", r.status, r.err);
	assert_int_equal(stat(out, &st), 0);
	run_free(&r);
}

static void
test_usage_errors(void **state)
{
	static const char *const bad[][4] = {
		{ "packet", "--paper=legal", "--paper wants letter or a4", NULL },
		{ "packet", "--emit=pdf", "--emit wants checklist or layout",
		  NULL },
		{ "packet", "--format=xml", "'--format' is not an option of "
		  "this command", NULL },
		{ "check", "--paper=a4", "'--paper' is not an option of this "
		  "command", NULL },
		{ "check", "--emit=layout", "--emit wants checklist", NULL },
		{ "check", "-o", "'-o' is not an option of this command",
		  NULL },
	};
	const char	*ex = "examples/ok-clinical-ready.xml";
	char		 out[PATH_MAX];
	struct stat	 st;
	struct run	 r;
	size_t		 i;

	(void)state;
	tmppath("usage.pdf", out, sizeof(out));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (strcmp(bad[i][1], "-o") == 0)
			run_endorse(&r, bad[i][0], "-o", out, ex, NULL);
		else
			run_endorse(&r, bad[i][0], bad[i][1], "-o", out, ex,
			    NULL);
		if (r.status != 64 || strstr(r.err, bad[i][2]) == NULL)
			fail_msg("%s %s: exit %d: %s", bad[i][0], bad[i][1],
			    r.status, r.err);
		assert_int_equal(stat(out, &st), -1);
		run_free(&r);
	}
	run_endorse(&r, "packet", "-o", out, ex, ex, NULL);
	if (r.status != 64 || strstr(r.err, "one applicant") == NULL)
		fail_msg("two files: exit %d: %s", r.status, r.err);
	run_free(&r);
	run_endorse(&r, "review", "--emit", "checklist", ex, ex, NULL);
	if (r.status != 64 || strstr(r.err, "give one file") == NULL)
		fail_msg("emit two: exit %d: %s", r.status, r.err);
	run_free(&r);
	setenv("SOURCE_DATE_EPOCH", "soon", 1);
	run_endorse(&r, "packet", AS_OF, "-o", out, ex, NULL);
	if (r.status != 64 || strstr(r.err, "SOURCE_DATE_EPOCH") == NULL)
		fail_msg("bad SOURCE_DATE_EPOCH: exit %d: %s", r.status, r.err);
	assert_int_equal(stat(out, &st), -1);
	run_free(&r);
	setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_example),
		cmocka_unit_test(test_review_of_many_starts_each_on_a_page),
		cmocka_unit_test(test_byte_identical),
		cmocka_unit_test(test_300_training_entries_paginate),
		cmocka_unit_test(test_long_word_stays_inside),
		cmocka_unit_test(test_uncovered_name_warns),
		cmocka_unit_test(test_a4_and_emit_layout),
		cmocka_unit_test(test_errors_leave_nothing),
		cmocka_unit_test(test_usage_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
