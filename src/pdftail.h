/*
 * pdftail: the catalog entries Cairo 1.16 cannot write (/Lang, the
 * language screen readers speak the text in, and /ViewerPreferences
 * /DisplayDocTitle), added to a PDF too large to rewrite in memory with
 * qpdf (pdfpost.c does that for every other document): an incremental
 * update, as the PDF standard allows (ISO 32000-1, 7.5.6), appended
 * after Cairo's last byte.  It holds a new version of the catalog object
 * (Cairo's own dictionary with the two entries first), an xref section
 * for that one object and a trailer whose /Prev is Cairo's xref.
 *
 * Only what Cairo writes is read: the trailer at the end of the file, a
 * classic xref table of one subsection from object 0, the catalog as a
 * plain dictionary.  Anything else is refused with a message, never
 * guessed at.
 *
 * Included by typeset.c (its streams).  Owns nothing.
 */
#ifndef PDFTAIL_H
#define PDFTAIL_H

#include <stddef.h>
#include <sys/types.h>

struct pdftail_io {
	/* Read len bytes at offset at; the count read, or -1. */
	ssize_t	(*read)(void *closure, void *buf, size_t len, off_t at);
	/* Append len bytes; 0, or -1. */
	int	(*write)(void *closure, const void *buf, size_t len);
	void	*closure;
};

/*
 * Append the update to the PDF of size bytes: lang (letters, digits and
 * hyphens, at most 35; NULL: none) and DisplayDocTitle true.  Returns 0,
 * or -1 with a message in err (errlen bytes).
 */
int	pdftail_catalog(const struct pdftail_io *, off_t size,
	    const char *lang, char *err, size_t errlen);

#endif
