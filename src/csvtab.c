/*
 * csvtab: CSV files as tables, with libcsv (see csvtab.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <glib.h>

#include "csvtab.h"
#include "diag.h"

/* State of one parse, passed to libcsv's callbacks. */
struct parse {
	struct csvtab	*tab;
	const char	*name;
	struct diag	*d;
	struct csvtab_row cur;		/* the row being read */
	size_t		 cap;
	long		 start;		/* line the current row started on */
	int		 row_ended;	/* libcsv ended a row in this chunk */
	int		 have_header;
	int		 failed;	/* out of memory */
};

static void
row_clear(struct csvtab_row *r)
{
	size_t	i;

	for (i = 0; i < r->ncells; i++)
		free(r->cells[i]);
	free(r->cells);
	memset(r, 0, sizeof(*r));
}

void
csvtab_free(struct csvtab *t)
{
	size_t	i;

	if (t == NULL)
		return;
	row_clear(&t->header);
	for (i = 0; i < t->nrows; i++)
		row_clear(&t->rows[i]);
	free(t->rows);
	free(t);
}

/* libcsv: one cell read. */
static void
on_cell(void *field, size_t len, void *data)
{
	struct parse	*p = data;
	char		*s, **nc;

	if (p->failed)
		return;
	if (p->cur.ncells == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		if ((nc = realloc(p->cur.cells, p->cap * sizeof(*nc))) ==
		    NULL) {
			p->failed = 1;
			return;
		}
		p->cur.cells = nc;
	}
	if ((s = malloc(len + 1)) == NULL) {
		p->failed = 1;
		return;
	}
	if (len > 0)
		memcpy(s, field, len);
	s[len] = '\0';
	p->cur.cells[p->cur.ncells++] = s;
}

static int
row_blank(const struct csvtab_row *r)
{
	size_t	i;

	for (i = 0; i < r->ncells; i++)
		if (r->cells[i][strspn(r->cells[i], " \t")] != '\0')
			return 0;
	return 1;
}

/* libcsv: the end of a row. */
static void
on_row(int c, void *data)
{
	struct parse		*p = data;
	struct csvtab		*t = p->tab;
	struct csvtab_row	*nr;

	(void)c;
	p->row_ended = 1;
	if (p->failed || row_blank(&p->cur)) {
		row_clear(&p->cur);
		p->cap = 0;
		return;
	}
	p->cur.line = p->start;
	if (!p->have_header) {
		t->header = p->cur;
		p->have_header = 1;
	} else {
		if ((nr = realloc(t->rows, (t->nrows + 1) * sizeof(*nr))) ==
		    NULL) {
			p->failed = 1;
			row_clear(&p->cur);
			p->cap = 0;
			return;
		}
		t->rows = nr;
		t->rows[t->nrows++] = p->cur;
	}
	memset(&p->cur, 0, sizeof(p->cur));
	p->cap = 0;
}

/* The line of byte off of buf, from 1. */
static long
line_of(const char *buf, size_t off)
{
	long	line = 1;
	size_t	i;

	for (i = 0; i < off; i++)
		if (buf[i] == '\n' ||
		    (buf[i] == '\r' && (i + 1 >= off || buf[i + 1] != '\n')))
			line++;
	return line;
}

/*
 * The delimiter: whichever of ',', ';' and tab occurs most often outside
 * quotes in the first line that is not blank; ',' when none does.
 */
static char
detect_delim(const char *s, size_t len)
{
	static const char	cand[] = { ',', ';', '\t' };
	size_t			n[3] = { 0, 0, 0 }, i, k;
	int			quoted = 0, seen = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r')) {
			if (seen)
				break;
		} else if (!quoted) {
			for (k = 0; k < 3; k++)
				if (s[i] == cand[k])
					n[k]++;
			if (s[i] != ' ')
				seen = 1;
		}
	}
	k = 0;
	if (n[1] > n[k])
		k = 1;
	if (n[2] > n[k])
		k = 2;
	return cand[k];
}

/* End of a chunk: after '\n', or after a '\r' not followed by '\n'. */
static size_t
chunk_end(const char *s, size_t len, size_t from)
{
	size_t	i;

	for (i = from; i < len; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))
			return i + 1;
	}
	return len;
}

static int
chunk_blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n')
			return 0;
	return 1;
}

struct csvtab *
csvtab_parse(const char *buf, size_t len, const char *name, struct diag *d)
{
	struct csv_parser	 cp;
	struct parse		 p;
	struct csvtab		*t = NULL;
	const gchar		*bad;
	size_t			 off = 0, end;
	long			 line = 1;
	int			 in_row = 0, cp_ready = 0, ok = 0;

	memset(&p, 0, sizeof(p));
	if (len >= 2 && (((unsigned char)buf[0] == 0xff &&
	    (unsigned char)buf[1] == 0xfe) || ((unsigned char)buf[0] == 0xfe &&
	    (unsigned char)buf[1] == 0xff))) {
		diag_error(d, name, 1, "the file is in UTF-16: save it as "
		    "'CSV UTF-8' (comma- or semicolon-separated)");
		goto out;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	if (len > CSVTAB_MAX_BYTES) {
		diag_error(d, name, 0, "the file is larger than %d bytes",
		    CSVTAB_MAX_BYTES);
		goto out;
	}
	if (!g_utf8_validate(buf + off, (gssize)(len - off), &bad)) {
		diag_report(d, DIAG_ERROR, name, line_of(buf,
		    (size_t)(bad - buf)), 0, "the file is not UTF-8 text "
		    "(byte 0x%02X): save it as 'CSV UTF-8'",
		    (unsigned char)*bad);
		goto out;
	}
	if (line_of(buf, len) > CSVTAB_MAX_LINES + 1) {
		diag_error(d, name, 0, "the file has more than %d lines",
		    CSVTAB_MAX_LINES);
		goto out;
	}
	if ((t = calloc(1, sizeof(*t))) == NULL)
		goto nomem;
	t->delim = detect_delim(buf + off, len - off);
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI) != 0)
		goto nomem;
	cp_ready = 1;
	csv_set_delim(&cp, (unsigned char)t->delim);
	p.tab = t;
	p.name = name;
	p.d = d;

	/*
	 * Feed libcsv one line at a time so that every row knows the line
	 * it starts on: a row starts on the first line that is not blank
	 * after the previous row ended.
	 */
	while (off < len) {
		end = chunk_end(buf, len, off);
		if (!in_row && !chunk_blank(buf + off, end - off)) {
			p.start = line;
			in_row = 1;
		}
		p.row_ended = 0;
		if (csv_parse(&cp, buf + off, end - off, on_cell, on_row, &p) !=
		    end - off) {
			if (csv_error(&cp) == CSV_ENOMEM ||
			    csv_error(&cp) == CSV_ETOOBIG)
				goto nomem;
			diag_error(d, name, line, "a quotation mark is out of "
			    "place: a cell holding quotation marks must be "
			    "quoted as a whole, with each '\"' doubled");
			goto out;
		}
		if (p.failed)
			goto nomem;
		if (p.row_ended)
			in_row = 0;
		if (end > off && (buf[end - 1] == '\n' || buf[end - 1] == '\r'))
			line++;
		off = end;
	}
	if (csv_fini(&cp, on_cell, on_row, &p) != 0) {
		diag_error(d, name, p.start, "a quoted cell starting on this "
		    "row has no closing quotation mark");
		goto out;
	}
	if (p.failed)
		goto nomem;
	if (!p.have_header) {
		diag_error(d, name, 0, "the file is empty: the first row must "
		    "name the columns");
		goto out;
	}
	ok = 1;
	goto out;
nomem:
	diag_error(d, name, 0, "out of memory");
out:
	if (cp_ready)
		csv_free(&cp);
	row_clear(&p.cur);
	if (!ok) {
		csvtab_free(t);
		t = NULL;
	}
	return t;
}

struct csvtab *
csvtab_load(const char *path, const char *name, struct diag *d,
    enum csvtab_status *status)
{
	struct stat	 st;
	struct csvtab	*t = NULL;
	char		*buf = NULL;
	size_t		 len = 0;
	ssize_t		 n;
	int		 fd;

	*status = CSVTAB_CANNOT_OPEN;
	if (name == NULL)
		name = path;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		diag_error(d, name, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		diag_error(d, name, 0, "not a regular file");
		goto out;
	}
	*status = CSVTAB_REJECTED;
	if (st.st_size > CSVTAB_MAX_BYTES) {
		diag_error(d, name, 0, "the file is larger than %d bytes",
		    CSVTAB_MAX_BYTES);
		goto out;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL) {
		diag_error(d, name, 0, "out of memory");
		goto out;
	}
	while (len <= (size_t)st.st_size) {
		n = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*status = CSVTAB_CANNOT_OPEN;
			diag_error(d, name, 0, "cannot read: %s",
			    strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > (size_t)st.st_size) {
		diag_error(d, name, 0, "the file changed while it was read");
		goto out;
	}
	if ((t = csvtab_parse(buf, len, name, d)) != NULL)
		*status = CSVTAB_OK;
out:
	free(buf);
	close(fd);
	return t;
}

struct csvtab *
csvtab_new(const char *const *header, size_t ncols)
{
	struct csvtab	*t;
	size_t		 i;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->delim = ',';
	t->header.line = 1;
	if ((t->header.cells = calloc(ncols ? ncols : 1,
	    sizeof(char *))) == NULL)
		goto fail;
	for (i = 0; i < ncols; i++) {
		if ((t->header.cells[i] = strdup(header[i])) == NULL)
			goto fail;
		t->header.ncells++;
	}
	return t;
fail:
	csvtab_free(t);
	return NULL;
}

long
csvtab_add_row(struct csvtab *t)
{
	struct csvtab_row	*nr, *r;
	size_t			 i;

	if ((nr = realloc(t->rows, (t->nrows + 1) * sizeof(*nr))) == NULL)
		return -1;
	t->rows = nr;
	r = &t->rows[t->nrows];
	memset(r, 0, sizeof(*r));
	r->line = (long)t->nrows + 2;
	if ((r->cells = calloc(t->header.ncells ? t->header.ncells : 1,
	    sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < t->header.ncells; i++) {
		if ((r->cells[i] = strdup("")) == NULL) {
			row_clear(r);
			return -1;
		}
		r->ncells++;
	}
	return (long)t->nrows++;
}

int
csvtab_set(struct csvtab *t, size_t row, size_t col, const char *value)
{
	char	*s;

	if (row >= t->nrows || col >= t->rows[row].ncells)
		return -1;
	if ((s = strdup(value != NULL ? value : "")) == NULL)
		return -1;
	free(t->rows[row].cells[col]);
	t->rows[row].cells[col] = s;
	return 0;
}

/* A growing output buffer. */
struct out {
	char	*buf;
	size_t	 len, cap;
	int	 failed;
};

static void
out_put(struct out *o, const char *s, size_t n)
{
	char	*nb;
	size_t	 cap;

	if (o->failed)
		return;
	if (o->len + n + 1 > o->cap) {
		cap = o->cap ? o->cap : 4096;
		while (cap < o->len + n + 1)
			cap *= 2;
		if ((nb = realloc(o->buf, cap)) == NULL) {
			o->failed = 1;
			return;
		}
		o->buf = nb;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/* One cell: quoted (by libcsv) only when it needs to be. */
static void
out_cell(struct out *o, const char *s, char delim)
{
	size_t	 n = strlen(s), need;
	char	*q;

	if (strchr(s, delim) == NULL && strpbrk(s, "\"\r\n") == NULL &&
	    (n == 0 || (s[0] != ' ' && s[0] != '\t' && s[n - 1] != ' ' &&
	    s[n - 1] != '\t'))) {
		out_put(o, s, n);
		return;
	}
	need = csv_write2(NULL, 0, s, n, CSV_QUOTE);
	if ((q = malloc(need)) == NULL) {
		o->failed = 1;
		return;
	}
	csv_write2(q, need, s, n, CSV_QUOTE);
	out_put(o, q, need);
	free(q);
}

static void
out_row(struct out *o, const struct csvtab_row *r, char delim)
{
	size_t	i;

	for (i = 0; i < r->ncells; i++) {
		if (i > 0)
			out_put(o, &delim, 1);
		out_cell(o, r->cells[i], delim);
	}
	out_put(o, "\r\n", 2);
}

char *
csvtab_format(const struct csvtab *t, size_t *len)
{
	struct out	o;
	size_t		i;

	memset(&o, 0, sizeof(o));
	out_put(&o, "\xef\xbb\xbf", 3);
	out_row(&o, &t->header, t->delim);
	for (i = 0; i < t->nrows; i++)
		out_row(&o, &t->rows[i], t->delim);
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	*len = o.len;
	return o.buf;
}
