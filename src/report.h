/*
 * report: a checklist (schemas/checklist.xsd) as plain text for a person
 * at a terminal or reading a log.
 *
 * One line per rule (id, status word, explanation), the overall result
 * and "what is missing" in plain words.  Colour is an option the caller
 * decides (only on a terminal, never with NO_COLOR); the status is always
 * also a word, so nothing depends on colour.  Applicant data is escaped
 * as in diag before it reaches the terminal.
 *
 * Included by cli.  Borrows the checklist; writes only to out.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include <libxml/tree.h>

/*
 * Write the report of one checklist made from the file name.  Returns 0,
 * or -1 when out has a write error.
 */
int	report_text(xmlDocPtr checklist, const char *name, int colour,
	    FILE *out);

#endif
