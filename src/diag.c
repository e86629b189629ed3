/*
 * diag: format and escape diagnostics (see diag.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

void
diag_init(struct diag *d, FILE *out, const char *prog)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
	d->prog = prog;
}

/*
 * Decode one UTF-8 sequence at s (n bytes available).  Returns its
 * length and stores the code point, or returns 0 for an invalid or
 * overlong sequence.
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t	 len, i;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Characters that must never reach a terminal or a log verbatim. */
static int
is_unsafe(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
	    c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x2028 || c == 0x2029 || c == 0x061c || c == 0xfeff;
}

void
diag_escape(FILE *out, const char *str, size_t max)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 n = strlen(str), len, shown = 0;
	uint32_t		 c;

	if (max == 0)
		max = n;
	while (n > 0) {
		len = utf8_decode(s, n, &c);
		if (len == 0) {
			fprintf(out, "<0x%02X>", s[0]);
			len = 1;
		} else if (is_unsafe(c))
			fprintf(out, "<U+%04X>", (unsigned)c);
		else
			fwrite(s, 1, len, out);
		s += len;
		n -= len;
		shown += len;
		if (shown >= max && n > 0) {
			fputs("...", out);
			break;
		}
	}
}

static void
diag_vreport(struct diag *d, enum diag_level level, const char *file,
    long line, long col, const char *fmt, va_list ap)
{
	char	*msg = NULL;

	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->out == NULL)
		return;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	if (d->prog != NULL)
		fprintf(d->out, "%s: ", d->prog);
	if (file != NULL) {
		diag_escape(d->out, file, 0);
		if (line > 0) {
			fprintf(d->out, ":%ld", line);
			if (col > 0)
				fprintf(d->out, ":%ld", col);
		}
		fputs(": ", d->out);
	}
	fputs(level == DIAG_ERROR ? "error: " : "warning: ", d->out);
	diag_escape(d->out, msg != NULL ? msg : fmt, 0);
	fputc('\n', d->out);
	fflush(d->out);
	free(msg);
}

void
diag_report(struct diag *d, enum diag_level level, const char *file,
    long line, long col, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diag_vreport(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_error(struct diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diag_vreport(d, DIAG_ERROR, file, line, 0, fmt, ap);
	va_end(ap);
}

void
diag_note(struct diag *d, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg = NULL;

	d->errors++;
	if (d->out == NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (d->prog != NULL)
		fprintf(d->out, "%s: ", d->prog);
	diag_escape(d->out, msg != NULL ? msg : fmt, 0);
	fputc('\n', d->out);
	fflush(d->out);
	free(msg);
}

char *
diag_escaped(const char *s, size_t max)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;

	if ((f = open_memstream(&buf, &len)) == NULL)
		return NULL;
	diag_escape(f, s, max);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

const char *
diag_clip(const char *s, size_t max, char *buf, size_t bufsz)
{
	size_t	n = strlen(s);

	if (bufsz < 4) {
		if (bufsz > 0)
			buf[0] = '\0';
		return buf;
	}
	if (max > bufsz - 4)
		max = bufsz - 4;
	if (n <= max) {
		memcpy(buf, s, n + 1);
		return buf;
	}
	/* Back up to the start of a UTF-8 sequence. */
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}
