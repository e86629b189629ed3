/*
 * typeset: stage 3, render a page-layout document (schemas/layout.xsd,
 * docs/layout.md) to PDF with Pango and Cairo.
 *
 * The typesetter knows nothing about endorsement: it lays out sections,
 * paragraphs, lists, tables, marks, checkboxes, signature lines
 * and ruled space, paginates them (see paginate.h) and draws a tagged PDF
 * with bookmarks, links and metadata.  Fonts come only from the data
 * directory's fonts/ through a private fontconfig configuration; text
 * they do not cover falls back to the system's fonts, and a character no
 * font has is reported as a warning naming the field.  Every string is
 * cleaned before it reaches Pango (SECURITY.md rule 10); the PDF is built
 * in memory and written with outfile (rules 12-14).  Equal input gives
 * byte-identical output: dates come from the document, never the clock.
 *
 * A struct typeset holds what is loaded once per process (fonts, font
 * maps, the compiled layout schema) and renders any number of documents.
 *
 * Included by cli (and the batch workers).  The caller owns the struct
 * typeset (typeset_free) and the documents it passes in.
 */
#ifndef TYPESET_H
#define TYPESET_H

#include <libxml/tree.h>

struct diag;
struct typeset;

enum typeset_flags {
	/* Only the bundled fonts, never the system's (tests, audits). */
	TYPESET_NO_SYSTEM_FONTS	= 1 << 0
};

enum typeset_paper {
	TYPESET_PAPER_DEFAULT,		/* the document's page-size */
	TYPESET_PAPER_LETTER,
	TYPESET_PAPER_A4
};

enum typeset_status {
	TYPESET_OK = 0,
	TYPESET_REJECTED,		/* invalid layout, over a limit: 65 */
	TYPESET_CANNOT_CREATE,		/* output cannot be created: 73 */
	TYPESET_IO_ERROR,		/* writing the output failed: 74 */
	TYPESET_INTERNAL		/* Cairo, Pango, out of memory: 70 */
};

/*
 * Most pages one document may have (SECURITY.md limits); in a document
 * of parts (a combined review: one part per applicant) the limit is per
 * part, and the whole file may have TYPESET_MAX_FILE_PAGES.
 */
#define TYPESET_MAX_PAGES	500
#define TYPESET_MAX_FILE_PAGES	20000

/* Most characters in one paragraph, list item, cell or heading. */
#define TYPESET_MAX_BLOCK_CHARS	16000

/*
 * Load the fonts of datadir/fonts and compile datadir/schemas/layout.xsd.
 * flags: enum typeset_flags.  Returns NULL after reporting to d.
 */
struct typeset	*typeset_new(const char *datadir, unsigned flags,
		    struct diag *d);
void		 typeset_free(struct typeset *);

/*
 * Validate layout against the schema, lay it out and write the PDF to
 * out_path ("-": standard output) through outfile: a failed run leaves
 * no partial file.  source_name is how the document is called in
 * messages.  Reports every problem to d.
 */
enum typeset_status typeset_render(struct typeset *, xmlDocPtr layout,
		    const char *source_name, enum typeset_paper paper,
		    const char *out_path, struct diag *d);

/*
 * The same into memory: *pdf (caller frees with free) and *len.  With
 * pages non-NULL, *pages is the number of pages.
 */
enum typeset_status typeset_render_memory(struct typeset *, xmlDocPtr layout,
		    const char *source_name, enum typeset_paper paper,
		    unsigned char **pdf, size_t *len, size_t *pages,
		    struct diag *d);

#endif
