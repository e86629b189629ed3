/*
 * textclean: untrusted text made safe for Pango (see textclean.h).
 */
#include <string.h>

#include <fribidi.h>

#include "textclean.h"

#define U_ZWSP		"\xe2\x80\x8b"	/* U+200B zero width space */
#define U_LRI		"\xe2\x81\xa6"	/* U+2066 left-to-right isolate */
#define U_RLI		"\xe2\x81\xa7"	/* U+2067 right-to-left isolate */
#define U_PDI		"\xe2\x81\xa9"	/* U+2069 pop directional isolate */

int
textclean_is_bidi_control(gunichar c)
{
	return c == 0x200e || c == 0x200f || c == 0x061c || c == 0xfeff ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static int
is_noncharacter(gunichar c)
{
	return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/* A line may break after these without a space. */
static int
is_break_after(gunichar c)
{
	return c == '-' || c == '/' || c == 0x200b || c == 0x2010 ||
	    c == 0x2013 || c == 0x2014 || c == '@' || c == '.' || c == '_';
}

/* Is c strong in the direction opposite to the document's? */
static int
is_foreign(gunichar c, unsigned flags)
{
	FriBidiCharType	t = fribidi_get_bidi_type(c);

	if (flags & TEXTCLEAN_RTL_DOC)
		return t == FRIBIDI_TYPE_LTR;
	return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
}

/* Is c strong in the document's direction? */
static int
is_native(gunichar c, unsigned flags)
{
	FriBidiCharType	t = fribidi_get_bidi_type(c);

	if (flags & TEXTCLEAN_RTL_DOC)
		return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
	return t == FRIBIDI_TYPE_LTR;
}

/*
 * The end of the run of text in the other direction that starts at p:
 * just after its last strong character (and the marks on it), before
 * the spaces, punctuation and numbers that follow, which belong to the
 * text around it.  It stops at a strong character of the document's
 * direction, a control or a line break.
 */
static const char *
foreign_end(const char *p, unsigned flags)
{
	const char	*q, *last = p;
	gunichar	 c;
	int		 on_foreign = 0;

	for (q = p; *q != '\0'; q = g_utf8_next_char(q)) {
		c = g_utf8_get_char_validated(q, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2 ||
		    (c < 0x20 && c != ' ') || (c >= 0x7f && c <= 0x9f) ||
		    c == 0x2028 || c == 0x2029 || is_native(c, flags))
			break;
		if (is_foreign(c, flags))
			on_foreign = 1;
		else if (!g_unichar_ismark(c))
			on_foreign = 0;
		if (on_foreign)
			last = g_utf8_next_char(q);
	}
	return last;
}

void
textclean_init(struct textclean *tc, unsigned flags)
{
	memset(tc, 0, sizeof(*tc));
	tc->space = 1;
	tc->flags = flags;
}

void
textclean_append(struct textclean *tc, GString *out, const char *s)
{
	const char	*p, *iso_end = NULL;
	gunichar	 c;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		if (iso_end != NULL && p >= iso_end) {
			g_string_append(out, U_PDI);
			tc->chars++;
			iso_end = NULL;
		}
		c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		if (c < 0x20 || c == ' ' || (c >= 0x7f && c <= 0x9f)) {
			if (!tc->space) {
				g_string_append_c(out, ' ');
				tc->chars++;
			}
			tc->space = 1;
			tc->run = 0;
			tc->marks = 0;
			continue;
		}
		if (textclean_is_bidi_control(c))
			continue;
		if (c == 0x2028 || c == 0x2029) {
			g_string_append_c(out, '\n');
			tc->chars++;
			tc->space = 1;
			tc->run = 0;
			continue;
		}
		if (is_noncharacter(c))
			c = 0xfffd;
		if (g_unichar_ismark(c)) {
			if (tc->marks >= TEXTCLEAN_MAX_MARKS)
				continue;
			tc->marks++;
		} else
			tc->marks = 0;
		/* text in the other direction: isolated, so that the numbers
		 * and punctuation after it keep the document's order */
		if (iso_end == NULL && is_foreign(c, tc->flags)) {
			iso_end = foreign_end(p, tc->flags);
			g_string_append(out, tc->flags & TEXTCLEAN_RTL_DOC ?
			    U_LRI : U_RLI);
			tc->chars++;
		}
		g_string_append_unichar(out, c);
		tc->chars++;
		tc->space = 0;
		if (g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR ||
		    is_break_after(c))
			tc->run = 0;
		else if (!g_unichar_ismark(c) &&
		    ++tc->run >= TEXTCLEAN_MAX_RUN &&
		    !(tc->flags & TEXTCLEAN_PLAIN)) {
			g_string_append(out, U_ZWSP);
			tc->run = 0;
		}
	}
	if (iso_end != NULL) {
		g_string_append(out, U_PDI);
		tc->chars++;
	}
}

void
textclean_raw(struct textclean *tc, GString *out, const char *s)
{
	g_string_append(out, s);
	tc->chars += g_utf8_strlen(s, -1);
	tc->space = 0;
	tc->run = 0;
}

void
textclean_newline(struct textclean *tc, GString *out)
{
	g_string_append_c(out, '\n');
	tc->chars++;
	tc->space = 1;
	tc->run = 0;
}

char *
textclean_string(const char *s, unsigned flags)
{
	struct textclean	 tc;
	GString			*out = g_string_new(NULL);

	textclean_init(&tc, flags);
	textclean_append(&tc, out, s);
	while (out->len > 0 && out->str[out->len - 1] == ' ')
		g_string_truncate(out, out->len - 1);
	return g_string_free(out, FALSE);
}

char *
textclean_outline(const char *s)
{
	GString		*o = g_string_new(NULL);
	const char	*p, *end;
	gunichar	 c;

	/*
	 * Up to the first invalid byte only: stepping by a lead byte such
	 * as 0xFC at the end of a string would pass its terminating NUL.
	 */
	(void)g_utf8_validate(s, -1, &end);
	for (p = s; p < end; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == 0x200b || (c >= 0x2066 && c <= 0x2069) || c == 0xfffc)
			continue;
		if (c == '\n' || c == 0xa0)
			c = ' ';
		g_string_append_unichar(o, c);
	}
	return g_string_free(o, FALSE);
}
