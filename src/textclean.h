/*
 * textclean: make untrusted text safe to give Pango (SECURITY.md rule 10).
 *
 * Works on plain UTF-8 strings and keeps its state between pieces, so a
 * paragraph made of several text nodes is cleaned as one run: white
 * space and every control character collapse into one space (C0, C1,
 * DEL), bidirectional embeddings, overrides, isolates and marks are
 * dropped (the typesetter isolates each field itself), noncharacters
 * (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF: Cairo 1.16 refuses a string
 * holding one) become U+FFFD, line and paragraph separators become line
 * breaks, at most TEXTCLEAN_MAX_MARKS combining marks stand in a row,
 * and a zero-width space is inserted after TEXTCLEAN_MAX_RUN characters
 * without a break opportunity (wrapping is quadratic in a run's length).
 * Text in the direction opposite to the document's (a Hebrew name in an
 * English sentence) is isolated, RLI (LRI) ... PDI, from its first strong
 * character to its last: the numbers, spaces and punctuation after it
 * stay in the sentence's order ("<name>: 56 h" keeps "56 h" after the
 * name), and a paragraph's or a field's direction never comes from it.
 * Invalid UTF-8 ends the piece.
 *
 * Included by the typesetter's inline builder (typeset-inline.c) and
 * tests/test_textclean.c.  The caller owns the GString it appends to and
 * frees the strings textclean_string and textclean_outline return
 * (g_free).
 */
#ifndef TEXTCLEAN_H
#define TEXTCLEAN_H

#include <stddef.h>

#include <glib.h>

#define TEXTCLEAN_MAX_MARKS	30	/* consecutive combining marks */
#define TEXTCLEAN_MAX_RUN	64	/* characters before a break chance */

enum textclean_flags {
	/* No break insertion (metadata, running texts, bookmarks). */
	TEXTCLEAN_PLAIN	= 1 << 0,
	/* The document is right-to-left: isolate left-to-right runs. */
	TEXTCLEAN_RTL_DOC = 1 << 1
};

struct textclean {
	int		 space;		/* last emitted is a space (or start) */
	size_t		 run;		/* characters since a break chance */
	size_t		 marks;		/* consecutive combining marks */
	size_t		 chars;		/* characters emitted */
	unsigned	 flags;		/* enum textclean_flags */
};

void	 textclean_init(struct textclean *, unsigned flags);

/* Append s to out, cleaned. */
void	 textclean_append(struct textclean *, GString *out, const char *s);

/* Append text that is ours (a label word): never collapsed away. */
void	 textclean_raw(struct textclean *, GString *out, const char *s);

/* Note a line break or a space emitted by the caller. */
void	 textclean_newline(struct textclean *, GString *out);

/* s cleaned as one piece, trailing spaces dropped. */
char	*textclean_string(const char *s, unsigned flags);

/*
 * Cleaned text for a bookmark or a quote: without the zero-width
 * spaces, isolates and object replacements the cleaner and the inline
 * builder insert; line breaks and no-break spaces as spaces.  Text
 * ends at the first invalid UTF-8 byte.
 */
char	*textclean_outline(const char *s);

/* Is c a bidirectional control character (dropped)? */
int	 textclean_is_bidi_control(gunichar c);

#endif
