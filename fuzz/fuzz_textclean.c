/*
 * fuzz_textclean: arbitrary bytes -> the text cleaner (textclean.h), in
 * one piece and in two, plain and with break insertion, and the outline
 * form of valid text; what comes out is checked against what the
 * cleaner promises.
 * A broken promise aborts, so libFuzzer reports it as a crash:
 * valid UTF-8, no noncharacter, no C0/C1 control but a newline, no
 * bidirectional embedding, override or mark; in what goes to Pango the
 * cleaner's own isolates only (LRI or RLI ... PDI, never a PDI without
 * its opening) and at most TEXTCLEAN_MAX_MARKS combining marks in a
 * row; in an outline no isolate at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "textclean.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void
broken(const char *what, const char *s)
{
	fprintf(stderr, "textclean broke its promise: %s in \"%s\"\n", what,
	    s);
	abort();
}

static void
check_clean(const char *s, int for_pango)
{
	const char	*p;
	gunichar	 c;
	size_t		 marks = 0;
	long		 open = 0;

	if (!g_utf8_validate(s, -1, NULL))
		broken("invalid UTF-8", s);
	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
			broken("a noncharacter", s);
		if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f))
			broken("a control character", s);
		if (for_pango && (c == 0x2066 || c == 0x2067))
			open++;
		else if (for_pango && c == 0x2069) {
			if (--open < 0)
				broken("a PDI without its isolate", s);
		} else if (textclean_is_bidi_control(c))
			broken("a bidirectional control", s);
		marks = g_unichar_ismark(c) ? marks + 1 : 0;
		if (for_pango && marks > TEXTCLEAN_MAX_MARKS)
			broken("too many combining marks", s);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct textclean	 tc;
	GString			*out;
	char			*s, *r, *o;
	size_t			 half;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	r = textclean_string(s, 0);
	check_clean(r, 1);
	g_free(r);
	r = textclean_string(s, TEXTCLEAN_PLAIN);
	check_clean(r, 1);
	g_free(r);
	/*
	 * The outline stops at the first invalid byte (it once stepped over
	 * the terminating NUL after a lead byte such as 0xFC: finding
	 * regressions/textclean/outline-invalid-utf8): raw bytes go there
	 * too, and what comes out is valid.
	 */
	r = textclean_outline(s);
	if (!g_utf8_validate(r, -1, NULL))
		broken("invalid UTF-8 from the outline", r);
	g_free(r);
	/*
	 * The outline of cleaned text is clean; it drops the zero-width
	 * spaces that cut a stack of marks, but never goes to Pango
	 * (bookmarks, quotes in messages), so its stacks are not capped.
	 */
	r = textclean_string(s, 0);
	o = textclean_outline(r);
	check_clean(o, 0);
	g_free(o);
	g_free(r);

	/* Two pieces of one paragraph, with a label and a line between. */
	half = strlen(s) / 2;
	out = g_string_new(NULL);
	textclean_init(&tc, 0);
	textclean_append(&tc, out, s + half);
	textclean_raw(&tc, out, " h ");
	textclean_newline(&tc, out);
	s[half] = '\0';
	textclean_append(&tc, out, s);
	check_clean(out->str, 1);
	g_string_free(out, TRUE);
	free(s);
	return 0;
}
