/*
 * import: replace a portfolio's repeated parts with the rows of CSV
 * files, the inverse of export.
 *
 * Each CSV file is one kind of row (sheet.h), told by its file name
 * (training.csv, amelie-training.csv) or, failing that, by its header
 * row.  Its rows replace every element of that kind in the portfolio (and
 * the comments just before them); the other kinds of the section stay
 * (a references.csv replaces the references, not the statements).
 * People are read first, so that sessions and references can name a
 * person by id or, with the id cell empty, by name (NFC, case-folded).
 *
 * Every cell is checked against the schema's type for its column before
 * anything changes: each bad cell is reported as FILE.csv:ROW:COL with
 * the column, what was found and what is expected, every error of every
 * file is reported, and nothing is written.  The result is then
 * serialised, read back and validated as a whole before import_run
 * writes it atomically.
 *
 * Included by cli and tests.  Borrows everything it is given.
 */
#ifndef IMPORT_H
#define IMPORT_H

#include <stddef.h>
#include <libxml/tree.h>

struct csvtab;
struct diag;
struct sheet_schema;
struct validate;

enum import_status {
	IMPORT_OK = 0,
	IMPORT_CANNOT_OPEN,	/* an input cannot be read */
	IMPORT_REJECTED,	/* a bad cell, or the result is not valid */
	IMPORT_CANNOT_CREATE,	/* the output cannot be created */
	IMPORT_IO_ERROR,	/* writing the output failed */
	IMPORT_INTERNAL		/* out of memory */
};

/*
 * Replace doc's rows with those of the n tables (names[i] is how table
 * i is called in messages and tells its kind).  docname names doc in
 * messages.  doc is changed only when IMPORT_OK is returned.
 */
enum import_status import_tables(xmlDocPtr doc, const char *docname,
		    const struct sheet_schema *s, struct csvtab *const *tables,
		    const char *const *names, size_t n, struct diag *d);

/*
 * The command: read and validate the portfolio into, read the n CSV
 * files, import them, validate the result and write it to out ("-":
 * standard output).  An output that is one of the inputs is refused.
 */
enum import_status import_run(struct validate *v,
		    const struct sheet_schema *s, const char *into,
		    const char *const *csv, size_t n, const char *out,
		    struct diag *d);

#endif
