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

#include "sheet.h"

struct csvtab;
struct diag;
struct sheet_check;
struct sheet_schema;

/*
 * Replace doc's rows with those of the n tables (names[i] is how table
 * i is called in messages and tells its kind).  docname names doc in
 * messages.  doc is changed only when SHEET_OK is returned.
 */
enum sheet_status import_tables(xmlDocPtr doc, const char *docname,
		    const struct sheet_schema *s, struct csvtab *const *tables,
		    const char *const *names, size_t n, struct diag *d);

/*
 * The command: read the portfolio into and check it, read the n CSV
 * files, import them, check the result read back from its bytes, and
 * write it to out ("-": standard output) atomically.  The caller has
 * made sure that out is none of the inputs.
 */
enum sheet_status import_run(const struct sheet_check *,
		    const struct sheet_schema *, const char *into,
		    const char *const *csv, size_t n, const char *out,
		    struct diag *d);

#endif
