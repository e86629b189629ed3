/*
 * pdfpost: what Cairo 1.16 cannot write into a PDF, added after it with
 * qpdf's C API: the document catalog's /Lang (the language screen
 * readers speak the text in) and /ViewerPreferences /DisplayDocTitle
 * (the window shows the title, not the file name), and the /Scope of
 * every table header cell (TH) in the structure tree, so that a screen
 * reader announces each cell with its column's header.
 *
 * The PDF is read from memory and written to memory, deterministically
 * (the same input gives the same bytes: the /ID is derived from the
 * content).  The result is Cairo's bytes followed by an incremental
 * update holding the changed objects (the catalog, the header cells):
 * qpdf reads only those, never rewrites the file.  Third-party types stay
 * here.
 *
 * Included by typeset.c.  pdfpost_run gives a buffer the caller frees
 * with free; pdfpost_append gives its bytes to the caller's function.
 */
#ifndef PDFPOST_H
#define PDFPOST_H

#include <stddef.h>

struct pdfpost_info {
	const char	*lang;		/* a language tag, or NULL */
	int		 display_title;	/* DisplayDocTitle true */
	int		 header_scope;	/* TH cells get /Scope /Column */
};

/*
 * Rewrite pdf (len bytes) with info into *out (*outlen bytes).  Returns
 * 0, or -1 with a message in err (errlen bytes).
 */
int	pdfpost_run(const unsigned char *pdf, size_t len,
	    const struct pdfpost_info *info, unsigned char **out,
	    size_t *outlen, char *err, size_t errlen);

/*
 * The same for a PDF too large for memory, the first size bytes of the
 * file at path (a typesetter stream's temporary file): qpdf reads the
 * file as it needs it, and the update goes to append(closure, bytes,
 * len) (0, or -1).  The catalog only: header cells keep no /Scope there,
 * as finding them means reading every structure element.  Returns 0, or
 * -1 with a message in err.
 */
int	pdfpost_append(const char *path, size_t size,
	    const struct pdfpost_info *info,
	    int (*append)(void *, const void *, size_t), void *closure,
	    char *err, size_t errlen);

#endif
