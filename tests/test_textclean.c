/*
 * test_textclean: text made safe for Pango (SECURITY.md rule 10), on
 * plain strings.
 */
#include "harness.h"

#include <glib.h>

#include "textclean.h"

#define LRI	"\xe2\x81\xa6"
#define RLI	"\xe2\x81\xa7"
#define PDI	"\xe2\x81\xa9"
#define HE1	"\xd7\x93\xd7\xa0\xd7\x94"	/* three Hebrew letters */
#define HE2	"\xd7\x94\xd7\x9c\xd7\x95\xd7\x99"	/* four */

/* s cleaned, compared with want, both as C strings. */
static void
expect(const char *s, unsigned flags, const char *want)
{
	char	*got = textclean_string(s, flags);

	assert_string_equal(got, want);
	g_free(got);
}

static void
test_spaces_and_controls(void **state)
{
	(void)state;
	expect("  a \t\n b  ", 0, "a b");
	expect("a\x01\x1f" "b", 0, "a b");
	expect("a\x7f" "b", 0, "a b");
	expect("a\xc2\x85" "b\xc2\x9f" "c", 0, "a b c");	/* C1 */
}

static void
test_bidi_controls_dropped(void **state)
{
	(void)state;
	/* LRE, RLO, PDF, LRI, FSI, PDI, LRM, RLM, ALM, BOM */
	expect("a\xe2\x80\xaa" "b\xe2\x80\xae" "c\xe2\x80\xac" "d", 0,
	    "abcd");
	expect("\xe2\x81\xa6" "x\xe2\x81\xa8" "y\xe2\x81\xa9", 0, "xy");
	expect("\xe2\x80\x8e" "a\xe2\x80\x8f" "b\xd8\x9c" "c\xef\xbb\xbf",
	    0, "abc");
	assert_true(textclean_is_bidi_control(0x202e));
	assert_false(textclean_is_bidi_control(0x05d0));
}

static void
test_separators_are_newlines(void **state)
{
	(void)state;
	expect("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", 0, "a\nb\nc");
}

static void
test_noncharacters_replaced(void **state)
{
	(void)state;
	expect("a\xef\xb7\x90" "b", 0, "a\xef\xbf\xbd" "b");	/* FDD0 */
	expect("a\xef\xbf\xbe" "b", 0, "a\xef\xbf\xbd" "b");	/* FFFE */
	expect("\xf0\x9f\xbf\xbf", 0, "\xef\xbf\xbd");		/* 1FFFF */
	/* FDF0 is a character (an Arabic ligature: isolated as such) */
	expect("\xef\xb7\xb0", 0, RLI "\xef\xb7\xb0" PDI);
}

/*
 * Text in the direction opposite to the document's is isolated from its
 * first strong character to its last: the number and the letter after
 * a Hebrew name stay in the sentence ("<name>: 56 h"), and a field that
 * starts with one does not take its direction (SECURITY.md rule 10).
 */
static void
test_other_direction_isolated(void **state)
{
	char	*got;

	(void)state;
	/* "DNH HLWY: 56 h, approved" in Hebrew letters, then English */
	expect(HE1 " " HE2 ": 56 h, approved", 0,
	    RLI HE1 " " HE2 PDI ": 56 h, approved");
	/* a name in the middle; two runs; Latin only untouched */
	expect("a " HE1 " b " HE2, 0, "a " RLI HE1 PDI " b " RLI HE2 PDI);
	expect("Rosa Provider: 56 h", 0, "Rosa Provider: 56 h");
	/* numbers between Hebrew words stay inside: an address */
	expect(HE1 " 5 " HE2 ", x", 0, RLI HE1 " 5 " HE2 PDI ", x");
	/* a combining mark on the last letter is inside */
	expect(HE1 "\xd6\xb0 x", 0, RLI HE1 "\xd6\xb0" PDI " x");
	/* a line break or the end of the piece closes it */
	expect(HE1 "\xe2\x80\xa8x", 0, RLI HE1 PDI "\nx");
	expect("x " HE1, 0, "x " RLI HE1 PDI);
	/* in a right-to-left document, Latin text is the other one */
	expect(HE1 " Rosa 56", TEXTCLEAN_RTL_DOC, HE1 " " LRI "Rosa" PDI
	    " 56");
	/* the outline (bookmarks, quotes) drops them again */
	got = textclean_outline(RLI HE1 PDI ": 56 h");
	assert_string_equal(got, HE1 ": 56 h");
	g_free(got);
}

static void
test_combining_marks_capped(void **state)
{
	GString	*in = g_string_new("e");
	char	*got;
	int	 i;

	(void)state;
	for (i = 0; i < 1000; i++)
		g_string_append(in, "\xcc\x81");	/* U+0301 */
	got = textclean_string(in->str, 0);
	assert_int_equal(g_utf8_strlen(got, -1), 1 + TEXTCLEAN_MAX_MARKS);
	g_free(got);
	g_string_free(in, TRUE);
}

static void
test_long_run_gets_break(void **state)
{
	char	 word[201];
	char	*got;
	long	 n;

	(void)state;
	memset(word, 'x', 200);
	word[200] = '\0';
	got = textclean_string(word, 0);
	/* three zero-width spaces in 200 letters: after 64, 128, 192 */
	n = g_utf8_strlen(got, -1);
	assert_int_equal(n, 203);
	assert_non_null(strstr(got, "\xe2\x80\x8b"));
	g_free(got);
	got = textclean_string(word, TEXTCLEAN_PLAIN);
	assert_string_equal(got, word);
	g_free(got);
	/* a hyphen or a dot is a break chance: no insertion */
	memset(word, 'y', 200);
	word[60] = '.';
	word[120] = '-';
	word[180] = '@';
	got = textclean_string(word, 0);
	assert_null(strstr(got, "\xe2\x80\x8b"));
	g_free(got);
}

static void
test_invalid_utf8_stops(void **state)
{
	(void)state;
	expect("ab\xff" "cd", 0, "ab");
	expect("ab\xc3", 0, "ab");
}

static void
test_state_spans_pieces(void **state)
{
	struct textclean	 tc;
	GString			*out = g_string_new(NULL);

	(void)state;
	textclean_init(&tc, 0);
	textclean_append(&tc, out, "one ");
	textclean_append(&tc, out, "  two");
	textclean_raw(&tc, out, "!");
	textclean_newline(&tc, out);
	textclean_append(&tc, out, " three");
	assert_string_equal(out->str, "one two!\nthree");
	assert_int_equal(tc.chars, 14);
	g_string_free(out, TRUE);
}

static void
test_outline(void **state)
{
	char	*got;

	(void)state;
	got = textclean_outline("\xe2\x81\xa8" "A\xe2\x81\xa9\n"
	    "b\xc2\xa0" "c\xe2\x80\x8b" "d\xef\xbf\xbc");
	assert_string_equal(got, "A b cd");
	g_free(got);
	/* invalid UTF-8 ends it, never a read past the string */
	got = textclean_outline("x\xfc");
	assert_string_equal(got, "x");
	g_free(got);
	got = textclean_outline("ab\xc3");
	assert_string_equal(got, "ab");
	g_free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spaces_and_controls),
		cmocka_unit_test(test_bidi_controls_dropped),
		cmocka_unit_test(test_separators_are_newlines),
		cmocka_unit_test(test_noncharacters_replaced),
		cmocka_unit_test(test_combining_marks_capped),
		cmocka_unit_test(test_long_run_gets_break),
		cmocka_unit_test(test_invalid_utf8_stops),
		cmocka_unit_test(test_state_spans_pieces),
		cmocka_unit_test(test_outline),
		cmocka_unit_test(test_other_direction_isolated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
