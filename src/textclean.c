/*
 * textclean: untrusted text made safe for Pango (see textclean.h).
 */
#include <string.h>

#include "textclean.h"

#define U_ZWSP		"\xe2\x80\x8b"	/* U+200B zero width space */

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
	const char	*p;
	gunichar	 c;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
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
	const char	*p;
	gunichar	 c;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == 0x200b || c == 0x2068 || c == 0x2069 || c == 0xfffc)
			continue;
		if (c == '\n' || c == 0xa0)
			c = ' ';
		g_string_append_unichar(o, c);
	}
	return g_string_free(o, FALSE);
}
