/*
 * csvtab: a CSV file as a table of UTF-8 strings, read and written with
 * libcsv (RFC 4180).
 *
 * Reading accepts what spreadsheets write: UTF-8 with or without a byte
 * order mark, CRLF or LF line ends, quoted cells holding delimiters,
 * quotes and line breaks, a ',', ';' or tab delimiter (detected from the
 * header row), blank rows anywhere (left out).  Every row keeps the line
 * it starts on, for messages.  A file that is not UTF-8 (UTF-16, a NUL
 * byte, invalid bytes) or over the size limit is refused with its line.
 *
 * Writing quotes only the cells that need it and ends rows with CRLF
 * after a UTF-8 byte order mark, the form spreadsheet programs open
 * without asking.
 *
 * Included by export and import.  The caller owns a struct csvtab
 * (csvtab_free) and the buffers csvtab_format returns (free).
 */
#ifndef CSVTAB_H
#define CSVTAB_H

#include <stddef.h>

struct diag;

/* Same caps as for XML input (SECURITY.md limits). */
#define CSVTAB_MAX_BYTES	(1024 * 1024)
#define CSVTAB_MAX_LINES	65535

struct csvtab_row {
	long		 line;		/* line the row starts on, from 1 */
	size_t		 ncells;
	char		**cells;	/* NUL-terminated UTF-8 */
};

struct csvtab {
	char			 delim;		/* ',', ';' or '\t' */
	struct csvtab_row	 header;	/* the first row that is not blank */
	struct csvtab_row	*rows;		/* the rows after it, blank ones left out */
	size_t			 nrows;
};

enum csvtab_status {
	CSVTAB_OK = 0,
	CSVTAB_CANNOT_OPEN,	/* missing, unreadable, not a regular file */
	CSVTAB_REJECTED		/* not CSV in UTF-8, over a limit, no header */
};

/*
 * Parse len bytes of buf; name is how the file is called in messages.
 * Returns the table, or NULL after reporting every problem to d.
 */
struct csvtab	*csvtab_parse(const char *buf, size_t len, const char *name,
		    struct diag *d);

/* Read and parse path; *status says why when NULL is returned. */
struct csvtab	*csvtab_load(const char *path, const char *name,
		    struct diag *d, enum csvtab_status *status);

void		 csvtab_free(struct csvtab *);

/* A table to write: the header's ncols cells are copied. */
struct csvtab	*csvtab_new(const char *const *header, size_t ncols);

/*
 * Append a row of the header's width, all cells empty; returns its index
 * or -1 out of memory.
 */
long		 csvtab_add_row(struct csvtab *);

/* Set a cell (copied; NULL is empty).  Returns 0, or -1 out of memory. */
int		 csvtab_set(struct csvtab *, size_t row, size_t col,
		    const char *value);

/*
 * The table as CSV: a byte order mark, the header, the rows, CRLF line
 * ends, the table's delimiter.  Returns a malloc'd buffer of *len bytes,
 * or NULL out of memory.
 */
char		*csvtab_format(const struct csvtab *, size_t *len);

#endif
