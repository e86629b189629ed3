/*
 * export: a portfolio's repeated parts as CSV files, one per kind
 * (training.csv, sessions.csv, positions.csv, leadership.csv,
 * people.csv, references.csv; columns in sheet.c), the form
 * `endorse import` reads back.
 *
 * Sessions and references carry the person's name next to the id, so
 * that a coordinator can read the table; import checks that the two
 * agree.  A kind the portfolio has none of is written as its header row
 * alone: a template.  Applicant text that a spreadsheet would run as a
 * formula is written as text (sheet_cell_defuse).
 *
 * Included by cli and tests.  Borrows the document; the caller owns the
 * tables export_table returns (csvtab_free).
 */
#ifndef EXPORT_H
#define EXPORT_H

#include <libxml/tree.h>

#include "sheet.h"

struct csvtab;
struct diag;
struct sheet_kind;

/* The rows of kind k in a valid portfolio, or NULL out of memory. */
struct csvtab	*export_table(xmlDocPtr doc, const struct sheet_kind *k);

/*
 * Write every kind's table into dir (made when it does not exist) as
 * KIND.csv, each file atomically.  Reports to d.
 */
enum sheet_status export_run(xmlDocPtr doc, const char *dir,
		    struct diag *d);

#endif
