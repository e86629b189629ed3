/*
 * diag: the one diagnostics sink of endorse.
 *
 * Every stage reports problems here instead of printing them, in the
 * compilers' format:
 *
 *	endorse: FILE:LINE:COL: error: MESSAGE
 *
 * (LINE and COL are left out when unknown).  Messages echo applicant data,
 * so every message is escaped on the way out: control characters and
 * bidirectional controls are shown as <U+XXXX>, never sent to the terminal.
 *
 * Included by every module.  The caller owns the struct diag and the FILE
 * it writes to; diag never closes it.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdio.h>

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag {
	FILE		*out;		/* where messages go (stderr) */
	const char	*prog;		/* "endorse", or NULL for no prefix */
	unsigned	 errors;	/* errors reported so far */
	unsigned	 warnings;	/* warnings reported so far */
};

void	diag_init(struct diag *, FILE *out, const char *prog);
void	diag_report(struct diag *, enum diag_level, const char *file,
	    long line, long col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
void	diag_error(struct diag *, const char *file, long line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * A line that is not about a file, such as a usage error quoting the
 * command line or the environment: "PROG: MESSAGE", escaped like every
 * other message.  Counts as an error.
 */
void	diag_note(struct diag *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Write s to out with control and bidirectional-control characters
 * replaced by <U+XXXX> and invalid UTF-8 bytes by <0xNN>.  At most max
 * bytes of s are shown (0: no limit); a cut string ends in "...".
 */
void	diag_escape(FILE *out, const char *s, size_t max);

/*
 * Copy at most max bytes of s into buf (of size bufsz), cut on a
 * character boundary, with "..." when something was left out: for
 * quoting applicant data in messages.  Returns buf.
 */
const char *diag_clip(const char *s, size_t max, char *buf, size_t bufsz);

/*
 * s escaped as diag_escape does, in a new string the caller frees; NULL
 * when out of memory.
 */
char	*diag_escaped(const char *s, size_t max);

#endif
