/*
 * xmlload: the one way endorse reads XML (SECURITY.md rules 1-8).
 *
 * Every XML file endorse reads, applicant data or its own schemas and
 * stylesheets, comes through here: the file is read into memory with a
 * size cap (never through libxml2's own I/O, which inflates gzip, follows
 * entities and blocks on FIFOs), a DOCTYPE is refused before its internal
 * subset is parsed, only UTF-8 and UTF-16 are accepted, and libxml2's
 * messages are routed to the caller's struct diag in words a coordinator
 * understands.
 *
 * Included by the XML stages (validate, evaluate, present).  The caller
 * owns the returned xmlDoc and frees it with xmlFreeDoc.
 */
#ifndef XMLLOAD_H
#define XMLLOAD_H

#include <stddef.h>
#include <libxml/tree.h>

struct diag;

enum xmlload_status {
	XMLLOAD_OK = 0,
	XMLLOAD_CANNOT_OPEN,	/* missing, unreadable, not a regular file */
	XMLLOAD_REJECTED	/* over a limit, not well-formed, refused */
};

/* Limits of SECURITY.md; element depth is libxml2's own, 256. */
#define XMLLOAD_MAX_BYTES	(1024 * 1024)
#define XMLLOAD_MAX_LINES	65535
#define XMLLOAD_MAX_DEPTH	256

/*
 * Process-wide set-up, once, before any other libxml2 call: initialise
 * the parser, switch catalogs off, refuse every external entity and keep
 * libxml2 from printing anything itself.
 */
void	xmlload_init(void);

/*
 * Read and parse path ("-" is standard input); name is how the file is
 * called in messages (NULL: the path).  Returns the document, or NULL
 * with *status saying why, after reporting every problem to d.
 */
xmlDocPtr xmlload_file(const char *path, const char *name, struct diag *d,
	    enum xmlload_status *status);

/* The same for a document already in memory (tests, fuzzers). */
xmlDocPtr xmlload_memory(const char *buf, size_t len, const char *name,
	    struct diag *d, enum xmlload_status *status);

#endif
