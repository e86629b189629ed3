/*
 * pipeline: portfolio in, checklist, layout or PDF out, with no command
 * line in sight.
 *
 * A struct pipeline holds what is loaded once per process and shared by
 * every portfolio: the data directory, the rule catalog, the portfolio
 * schema, the evaluation and presentation stylesheets and the fonts.
 * Each stage is loaded on first need (pipeline_load), so that `validate`
 * never compiles a stylesheet and a batch parent can fork its workers
 * before Pango is initialised (SECURITY.md rule 16).  The functions take
 * documents and options, never argv, and report through the struct diag
 * of each call; they return a status, and the caller (cli, the batch
 * workers, fuzz harnesses) decides what it means for the exit status.
 *
 * Included by cli and batch.  The caller owns the struct pipeline
 * (pipeline_free) and every document and buffer the functions hand out
 * (xmlFreeDoc, free); the catalog is borrowed.
 */
#ifndef PIPELINE_H
#define PIPELINE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "evaluate.h"
#include "present.h"
#include "typeset.h"

struct catalog;
struct datadir;
struct diag;
struct pipeline;

enum pipeline_status {
	PIPELINE_OK = 0,
	PIPELINE_CANNOT_OPEN,	/* the input cannot be opened */
	PIPELINE_REJECTED,	/* not well-formed, invalid, over a limit */
	PIPELINE_CANNOT_CREATE,	/* the output cannot be created */
	PIPELINE_IO_ERROR,	/* writing the output failed */
	PIPELINE_INTERNAL	/* missing data files, out of memory */
};

/* What pipeline_load loads; each implies the ones before it. */
enum pipeline_stage {
	PIPELINE_VALIDATE	= 1 << 0,	/* the portfolio schema */
	PIPELINE_EVALUATE	= 1 << 1,	/* evaluate.xsl */
	PIPELINE_PRESENT	= 1 << 2,	/* document stylesheets */
	PIPELINE_TYPESET	= 1 << 3	/* fonts, Pango, Cairo */
};

/* Find the data directory and read the catalog.  NULL after reporting. */
struct pipeline	*pipeline_new(struct diag *);
void		 pipeline_free(struct pipeline *);

/* Load the stages of the flags (enum pipeline_stage).  0, or -1. */
int		 pipeline_load(struct pipeline *, unsigned stages,
		    struct diag *);

const struct catalog *pipeline_catalog(const struct pipeline *);
const struct datadir *pipeline_datadir(const struct pipeline *);

/*
 * Read a portfolio from path ("-": standard input), name in messages,
 * and check it against the schema: *portfolio set on PIPELINE_OK.
 */
enum pipeline_status pipeline_read(struct pipeline *, const char *path,
		    const char *name, xmlDocPtr *portfolio, struct diag *);
enum pipeline_status pipeline_read_memory(struct pipeline *,
		    const char *buf, size_t len, const char *name,
		    xmlDocPtr *portfolio, struct diag *);

/*
 * Check a portfolio already read against the schema.  PIPELINE_OK, or
 * PIPELINE_REJECTED after reporting every problem; the document stays
 * the caller's.
 */
enum pipeline_status pipeline_validate(struct pipeline *, xmlDocPtr doc,
		    const char *name, struct diag *);

/*
 * Whether doc is a rule file rather than a portfolio, and the check of a
 * rule file (rulecheck), for 'endorse validate'.
 */
int		 pipeline_is_rule_file(xmlDocPtr doc);
enum pipeline_status pipeline_check_rules(struct pipeline *, xmlDocPtr doc,
		    const char *name, struct diag *);

/* Evaluate a valid portfolio: *checklist set on PIPELINE_OK. */
enum pipeline_status pipeline_evaluate(struct pipeline *,
		    xmlDocPtr portfolio, const char *name,
		    const struct evaluate_params *, xmlDocPtr *checklist,
		    struct diag *);

/* Lay out n entries as a document of the kind: *layout on PIPELINE_OK. */
enum pipeline_status pipeline_layout(struct pipeline *, enum present_kind,
		    const struct present_entry *, size_t n,
		    const char *created, xmlDocPtr *layout, struct diag *);

/*
 * The same with the kind's stylesheet parameters: a NULL-terminated list
 * of "name", "value" pairs (the review's "reviewers"), or NULL.
 */
enum pipeline_status pipeline_layout_with(struct pipeline *,
		    enum present_kind, const struct present_entry *, size_t n,
		    const char *created, const char *const *params,
		    xmlDocPtr *layout, struct diag *);

/* The same from an input document the caller built (the roster). */
enum pipeline_status pipeline_layout_document(struct pipeline *,
		    enum present_kind, xmlDocPtr in, const char *name,
		    const char *created, xmlDocPtr *layout, struct diag *);

/* Typeset a layout into a PDF in memory (*pdf, *len). */
enum pipeline_status pipeline_pdf(struct pipeline *, xmlDocPtr layout,
		    const char *source_name, enum typeset_paper,
		    unsigned char **pdf, size_t *len, struct diag *);

/* The same, with the number of pages in *pages (NULL: not wanted). */
enum pipeline_status pipeline_pdf_pages(struct pipeline *, xmlDocPtr layout,
		    const char *source_name, enum typeset_paper,
		    unsigned char **pdf, size_t *len, size_t *pages,
		    struct diag *);

/* The pages a layout would make, without drawing them. */
enum pipeline_status pipeline_count_pages(struct pipeline *, xmlDocPtr layout,
		    const char *source_name, enum typeset_paper,
		    size_t *pages, struct diag *);

/*
 * A PDF written one layout at a time, for files too large for memory
 * (see typeset_stream_open in typeset.h): the head (an index) with the
 * anchors of the documents to come, then each document, then the close
 * that puts the file in place.  On a failure, typeset_stream_discard.
 */
enum pipeline_status pipeline_stream_open(struct pipeline *,
		    xmlDocPtr head, const char *source_name,
		    enum typeset_paper, const struct typeset_anchor *,
		    size_t nanchors, const char *out_path,
		    struct typeset_stream **, struct diag *);
enum pipeline_status pipeline_stream_add(struct typeset_stream *,
		    xmlDocPtr layout, const char *source_name, size_t *pages,
		    struct diag *);
enum pipeline_status pipeline_stream_close(struct typeset_stream *,
		    struct diag *);

/*
 * Write a finished output to path ("-": standard output) through outfile:
 * a failed run leaves no partial file (SECURITY.md rules 13-14).
 */
enum pipeline_status pipeline_save(const char *path, const void *data,
		    size_t len, struct diag *);

/* The bytes of a checklist or layout document, as --emit prints them. */
enum pipeline_status pipeline_checklist_bytes(struct pipeline *,
		    xmlDocPtr checklist, char **buf, size_t *len);
enum pipeline_status pipeline_layout_bytes(struct pipeline *,
		    enum present_kind, xmlDocPtr layout, char **buf,
		    size_t *len);

#endif
