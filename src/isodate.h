/*
 * isodate: a calendar date written YYYY-MM-DD, checked one way for every
 * module that reads dates from people (command-line options, spreadsheet
 * cells): the form exactly, then glib's calendar (g_date_valid_dmy), so
 * that 2023-02-29 is refused and 2024-02-29 is not.
 *
 * Included by cli and import.  No state.
 */
#ifndef ISODATE_H
#define ISODATE_H

/*
 * Whether s is YYYY-MM-DD, a day that exists, with a year from ymin to
 * ymax.  Returns 1 or 0.
 */
int	isodate_valid(const char *s, int ymin, int ymax);

#endif
