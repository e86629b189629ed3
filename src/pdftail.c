/*
 * pdftail: the catalog's /Lang and /DisplayDocTitle by incremental update
 * (see pdftail.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdftail.h"

#define TAIL_BYTES	1024	/* the trailer is in the last of them */
#define OBJ_BYTES	4096	/* Cairo's catalog is a few lines */
#define XREF_ENTRY	20	/* "nnnnnnnnnn ggggg n \n" */

/* Parse the number after key in s ("/Size 12"); -1 when absent. */
static long long
number_after(const char *s, const char *key)
{
	const char	*p = strstr(s, key);
	char		*end;
	long long	 v;

	if (p == NULL)
		return -1;
	p += strlen(key);
	v = strtoll(p, &end, 10);
	return end == p || v < 0 ? -1 : v;
}

/* Is lang a language tag we can print as a PDF string as it is? */
static int
lang_ok(const char *lang)
{
	size_t	n;

	for (n = 0; lang[n] != '\0'; n++)
		if (!((lang[n] >= 'a' && lang[n] <= 'z') ||
		    (lang[n] >= 'A' && lang[n] <= 'Z') ||
		    (lang[n] >= '0' && lang[n] <= '9') || lang[n] == '-'))
			return 0;
	return n > 0 && n <= 35;
}

/* Format and append; the length written, or -1 with *why set. */
static int
emit(const struct pdftail_io *io, const char **why, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
emit(const struct pdftail_io *io, const char **why, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 len;

	va_start(ap, fmt);
	len = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (len < 0) {
		*why = "out of memory";
		return -1;
	}
	if (io->write(io->closure, s, (size_t)len) != 0) {
		*why = "the update cannot be written";
		len = -1;
	}
	free(s);
	return len;
}

int
pdftail_catalog(const struct pdftail_io *io, off_t size, const char *lang,
    char *err, size_t errlen)
{
	char		 tail[TAIL_BYTES + 1], obj[OBJ_BYTES + 1];
	char		 entry[XREF_ENTRY + 1], head[64], *p, *q, *trailer;
	const char	*why = "it does not end the way Cairo ends a PDF";
	long long	 xref, root, gen, info, sz, at;
	off_t		 from;
	ssize_t		 n;
	int		 len, hl, rc = -1;

	from = size > TAIL_BYTES ? size - TAIL_BYTES : 0;
	if ((n = io->read(io->closure, tail, (size_t)(size - from), from)) !=
	    size - from) {
		why = "it cannot be read back";
		goto out;
	}
	tail[n] = '\0';
	/* the last "trailer": what follows it is text, whatever precedes */
	for (trailer = NULL, p = tail; (p = memmem(p, (size_t)(tail + n - p),
	    "trailer", 7)) != NULL; p += 7)
		trailer = p;
	if (trailer == NULL ||
	    (p = strstr(trailer, "startxref")) == NULL ||
	    (xref = number_after(p, "startxref")) < 0 ||
	    (sz = number_after(trailer, "/Size")) <= 0 ||
	    (info = number_after(trailer, "/Info")) <= 0 ||
	    strstr(trailer, "/Encrypt") != NULL ||
	    (p = strstr(trailer, "/Root")) == NULL)
		goto out;
	/* "/Root N 0 R": generation 0, as Cairo writes every object */
	root = strtoll(p + 5, &q, 10);
	gen = strtoll(q, &p, 10);
	if (root <= 0 || root >= sz || gen != 0 || p == q)
		goto out;
	/* The xref: one subsection "0 Size", entries of 20 bytes. */
	hl = snprintf(head, sizeof(head), "xref\n0 %lld\n", sz);
	if ((n = io->read(io->closure, obj, (size_t)hl, (off_t)xref)) != hl ||
	    memcmp(obj, head, (size_t)hl) != 0) {
		why = "its cross-reference table is not the kind Cairo writes";
		goto out;
	}
	if (io->read(io->closure, entry, XREF_ENTRY, (off_t)(xref + hl +
	    root * XREF_ENTRY)) != XREF_ENTRY || entry[17] != 'n') {
		why = "the catalog is not in its cross-reference table";
		goto out;
	}
	entry[XREF_ENTRY] = '\0';
	at = strtoll(entry, NULL, 10);
	if (at <= 0 || at >= xref) {
		why = "the catalog is not in its cross-reference table";
		goto out;
	}
	if ((n = io->read(io->closure, obj, OBJ_BYTES, (off_t)at)) <= 0) {
		why = "the catalog cannot be read back";
		goto out;
	}
	obj[n] = '\0';
	hl = snprintf(head, sizeof(head), "%lld 0 obj\n<<", root);
	if (strncmp(obj, head, (size_t)hl) != 0 ||
	    (q = strstr(obj, "\nendobj")) == NULL ||
	    strstr(obj, "/Type /Catalog") == NULL) {
		why = "its catalog is not the plain dictionary Cairo writes";
		goto out;
	}
	*q = '\0';
	if (strstr(obj, "/Lang") != NULL ||
	    strstr(obj, "/ViewerPreferences") != NULL) {
		why = "its catalog has a language or viewer preferences";
		goto out;
	}
	p = obj + hl;	/* just after the catalog's "<<" */
	if (lang != NULL && !lang_ok(lang))
		lang = NULL;
	if ((len = emit(io, &why, "%lld 0 obj\n<< %s%s%s/ViewerPreferences "
	    "<< /DisplayDocTitle true >>\n  %s\nendobj\n", root,
	    lang != NULL ? "/Lang (" : "", lang != NULL ? lang : "",
	    lang != NULL ? ")\n   " : "", p)) < 0)
		goto out;
	/* The object is at size, its xref section right after it. */
	at = (long long)size + len;
	if (emit(io, &why, "xref\n0 1\n0000000000 65535 f \n%lld 1\n"
	    "%010lld 00000 n \ntrailer\n<< /Size %lld\n   /Root %lld 0 R\n"
	    "   /Info %lld 0 R\n   /Prev %lld\n>>\nstartxref\n%lld\n%%%%EOF\n",
	    root, (long long)size, sz, root, info, xref, at) < 0)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		snprintf(err, errlen, "%s", why);
	return rc;
}
