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

/*
 * Lay out and paginate layout without drawing it: *pages, the number of
 * pages typeset_render would make (for an index written before the
 * documents it lists).
 */
enum typeset_status typeset_count_pages(struct typeset *, xmlDocPtr layout,
		    const char *source_name, enum typeset_paper paper,
		    size_t *pages, struct diag *d);

/*
 * A PDF too large to build in memory (a season's combined review),
 * written one document at a time into the file at out_path (through
 * outfile: nothing is there until typeset_stream_close succeeds).
 *
 * typeset_stream_open lays out and draws head, the first document (an
 * index): its metadata, language and paper are the file's.  Its links
 * and <page-ref>s may name the ids of documents still to come, given as
 * anchors: each id and the page it will start on, counted from the first
 * page after the head.  typeset_stream_add appends a document: its
 * parts (and any pages outside them) are numbered as in a file of their
 * own, its ids must not repeat earlier ones, *pages is its page count;
 * the document is freed by the caller as soon as it returns, so memory
 * does not grow with the number of documents (Cairo keeps only the
 * outline, the structure tree and the fonts' glyph lists).  A failed add
 * leaves the stream usable only for typeset_stream_discard.
 * typeset_stream_close checks that every anchor was defined on the page
 * promised, finishes the PDF and renames it into place;
 * typeset_stream_discard removes everything.  Both free the stream.
 */
struct typeset_stream;

struct typeset_anchor {
	const char	*id;
	size_t		 page;	/* from 1, after the head's pages */
};

/* Most pages of a stream (each document keeps its own limits). */
#define TYPESET_MAX_STREAM_PAGES	200000

enum typeset_status typeset_stream_open(struct typeset *, xmlDocPtr head,
		    const char *source_name, enum typeset_paper paper,
		    const struct typeset_anchor *anchors, size_t nanchors,
		    const char *out_path, struct typeset_stream **,
		    struct diag *d);
enum typeset_status typeset_stream_add(struct typeset_stream *,
		    xmlDocPtr doc, const char *source_name, size_t *pages,
		    struct diag *d);
enum typeset_status typeset_stream_close(struct typeset_stream *,
		    struct diag *d);
void		 typeset_stream_discard(struct typeset_stream *);

/*
 * A signal held while the stream's file is open (SIGINT, SIGTERM,
 * SIGHUP), or 0: the writer asks between documents and discards the
 * stream, which delivers the signal once the temporary file is gone.
 */
int		 typeset_stream_signalled(const struct typeset_stream *);

#endif
