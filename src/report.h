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
 * On a terminal the caller passes its width: lines are wrapped there,
 * continuation lines indented under the explanation (a hanging indent, so
 * the rule ids stand out); width 0 wraps nothing (pipes, files, tests).
 *
 * A report_summary gathers one line per applicant over several files
 * (name, association, track, result, number of rules not met, file) and
 * prints them as one table: what `check FILE...` ends with and what
 * `--format summary` prints alone.
 *
 * Included by cli.  Borrows the checklists; writes only to out.  The
 * caller owns a struct report_summary (report_summary_free).
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include <libxml/tree.h>

/* Narrowest width text is wrapped to; below it nothing is wrapped. */
#define REPORT_MIN_WIDTH	40

struct report_summary;

/*
 * Write the report of one checklist made from the file name, wrapped to
 * width columns (0: never).  Returns 0, or -1 when out has a write error.
 */
int	report_text(xmlDocPtr checklist, const char *name, int colour,
	    int width, FILE *out);

struct report_summary *report_summary_new(void);
void	report_summary_free(struct report_summary *);

/* One applicant's line, from its checklist.  Returns 0 or -1 (memory). */
int	report_summary_add(struct report_summary *, xmlDocPtr checklist,
	    const char *name);

/* A file that could not be checked, and why ("input rejected"). */
int	report_summary_add_failed(struct report_summary *, const char *name,
	    const char *why);

/* The table with a totals line.  Returns 0, or -1 on a write error. */
int	report_summary_write(const struct report_summary *, int width,
	    FILE *out);

#endif
