/*
 * test_diag: the diagnostics sink: format and escaping.
 */
#include "harness.h"

#include "diag.h"

static char *
report(const char *file, long line, long col, const char *msg)
{
	struct diag	 d;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*f = open_memstream(&buf, &len);

	assert_non_null(f);
	diag_init(&d, f, "endorse");
	diag_report(&d, DIAG_ERROR, file, line, col, "%s", msg);
	assert_int_equal(d.errors, 1);
	fclose(f);
	return buf;
}

static void
test_format(void **state)
{
	char	*s;

	(void)state;
	s = report("a.xml", 3, 7, "bad");
	assert_string_equal(s, "endorse: a.xml:3:7: error: bad\n");
	free(s);
	s = report("a.xml", 3, 0, "bad");
	assert_string_equal(s, "endorse: a.xml:3: error: bad\n");
	free(s);
	s = report("a.xml", 0, 0, "bad");
	assert_string_equal(s, "endorse: a.xml: error: bad\n");
	free(s);
	s = report(NULL, 0, 0, "bad");
	assert_string_equal(s, "endorse: error: bad\n");
	free(s);
}

static void
test_escapes_controls_and_bidi(void **state)
{
	char	*s;

	(void)state;
	s = report("a.xml", 1, 0, "name 'A\x1b[31mB\xe2\x80\xae" "C\n'");
	assert_string_equal(s, "endorse: a.xml:1: error: name "
	    "'A<U+001B>[31mB<U+202E>C<U+000A>'\n");
	free(s);
	/* Invalid UTF-8 is shown as bytes; other scripts pass through. */
	s = report("a.xml", 1, 0, "\xff Ольга ليلى");
	assert_string_equal(s, "endorse: a.xml:1: error: <0xFF> Ольга "
	    "ليلى\n");
	free(s);
	/* File names are escaped too. */
	s = report("evil\x07.xml", 0, 0, "x");
	assert_string_equal(s, "endorse: evil<U+0007>.xml: error: x\n");
	free(s);
}

static void
test_clip(void **state)
{
	char	buf[32];

	(void)state;
	assert_string_equal(diag_clip("short", 10, buf, sizeof(buf)),
	    "short");
	assert_string_equal(diag_clip("0123456789abc", 10, buf,
	    sizeof(buf)), "0123456789...");
	/* Never cut inside a character: "é" is two bytes. */
	assert_string_equal(diag_clip("aaaaaaaaaé", 10, buf, sizeof(buf)),
	    "aaaaaaaaa...");
	assert_string_equal(diag_clip("0123456789012345678901234567890123",
	    100, buf, sizeof(buf)), "0123456789012345678901234567...");
}

static void
test_note_and_escaped(void **state)
{
	struct diag	 d;
	char		*buf = NULL, *e;
	size_t		 len = 0;
	FILE		*f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	diag_init(&d, f, "endorse");
	diag_note(&d, "check: unknown option '%s'", "--\x1b[2J");
	assert_int_equal(d.errors, 1);
	fclose(f);
	assert_string_equal(buf, "endorse: check: unknown option "
	    "'--<U+001B>[2J'\n");
	free(buf);
	e = diag_escaped("a\nb\xe2\x80\xae", 0);
	assert_string_equal(e, "a<U+000A>b<U+202E>");
	free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_escapes_controls_and_bidi),
		cmocka_unit_test(test_clip),
		cmocka_unit_test(test_note_and_escaped),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
