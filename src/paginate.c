/*
 * paginate: break measured boxes into pages (see paginate.h).
 */
#include <stdlib.h>
#include <string.h>

#include "paginate.h"

/* Rounding slack: measures come from Pango units (1/1024 pt). */
#define EPS	1e-6

struct state {
	const struct paginate_box *boxes;
	size_t		 n;
	double		 h;		/* body height of a page */
	size_t		 max_pages;
	struct paginate	*p;
	size_t		 frags_cap;
	size_t		 page;
	double		 y;		/* next free position on the page */
	double		 top;		/* y after a repeated header */
	size_t		 header;	/* index + 1 of the table's header */
	enum paginate_status status;
};

static double
col_height(const struct paginate_col *c)
{
	return c->ncuts > 0 ? c->cuts[c->ncuts - 1] : 0;
}

double
paginate_box_height(const struct paginate_box *b)
{
	double	h = 0;
	size_t	k;

	for (k = 0; k < b->ncols; k++)
		if (col_height(&b->cols[k]) > h)
			h = col_height(&b->cols[k]);
	return h + 2 * b->pad;
}

/* Height of what is left of b when each column k starts at off[k]. */
static double
remaining(const struct paginate_box *b, const double *off)
{
	double	h = 0, r;
	size_t	k;

	for (k = 0; k < b->ncols; k++) {
		r = col_height(&b->cols[k]) - off[k];
		if (r > h)
			h = r;
	}
	return h + 2 * b->pad;
}

/* The least that may start a page with box i. */
static double
min_first(const struct state *st, size_t i)
{
	const struct paginate_box	*b = &st->boxes[i];
	const struct paginate_col	*c;
	double				 h = 0;
	size_t				 k;

	if (b->flags & PAGINATE_WHOLE)
		return paginate_box_height(b);
	if (b->flags & PAGINATE_ORPHANS) {
		if (b->ncols != 1 || b->cols[0].ncuts < 4)
			return paginate_box_height(b);
		return b->cols[0].cuts[1] + 2 * b->pad;
	}
	for (k = 0; k < b->ncols; k++) {
		c = &b->cols[k];
		if (c->ncuts > 0 && c->cuts[0] > h)
			h = c->cuts[0];
	}
	return h + 2 * b->pad;
}

/* Height of the keep group starting at box i. */
static double
group_height(const struct state *st, size_t i)
{
	unsigned	g = st->boxes[i].group;
	double		need = 0;
	size_t		j;

	for (j = i; j < st->n && st->boxes[j].group == g; j++) {
		if (j > i)
			need += st->boxes[j].before + st->boxes[j - 1].after;
		need += paginate_box_height(&st->boxes[j]);
		if (need > st->h)
			break;
	}
	return need;
}

/* Does a keep group start at box j (and box i is not in it)? */
static int
group_starts(const struct state *st, size_t i, size_t j)
{
	unsigned	g = st->boxes[j].group;

	return g != 0 && st->boxes[i].group != g &&
	    (j == 0 || st->boxes[j - 1].group != g);
}

/*
 * The least of box j that must follow what keeps with it from box i: a
 * keep group that fits on a page comes whole (a heading stays with all
 * of the group after it) when all of it fits on a page, anything
 * else its first lines.
 */
static double
first_of(const struct state *st, size_t i, size_t j, double need)
{
	double	g;

	if (j > i && group_starts(st, i, j)) {
		g = group_height(st, j);
		if (need + g <= st->h - st->top + EPS)
			return g;
	}
	return min_first(st, j);
}

/* Height needed by box i and what it must be kept with. */
static double
keep_chain(const struct state *st, size_t i)
{
	double	need = 0;
	size_t	j;

	for (j = i; j < st->n; j++) {
		if (j > i)
			need += st->boxes[j].before;
		if (!(st->boxes[j].flags & PAGINATE_KEEP_NEXT) ||
		    j + 1 >= st->n)
			return need + first_of(st, i, j, need);
		need += paginate_box_height(&st->boxes[j]) +
		    st->boxes[j].after;
		if (need > st->h)
			break;
	}
	return need;
}

/* Record a piece of box i showing [from, to) of each column. */
static int
emit(struct state *st, size_t i, double y, double height,
    const double *from, const double *to, int first, int last, int repeat)
{
	struct paginate			*p = st->p;
	const struct paginate_box	*b = &st->boxes[i];
	struct paginate_frag		*f;
	void				*nb;
	size_t				 cap;

	if (p->nfrags == st->frags_cap) {
		cap = st->frags_cap ? st->frags_cap * 2 : 64;
		if ((nb = realloc(p->frags, cap * sizeof(*p->frags))) == NULL)
			return -1;
		p->frags = nb;
		st->frags_cap = cap;
	}
	if (p->noffs + 2 * b->ncols > p->offs_cap) {
		cap = p->offs_cap ? p->offs_cap * 2 : 256;
		while (cap < p->noffs + 2 * b->ncols)
			cap *= 2;
		if ((nb = realloc(p->offs, cap * sizeof(double))) == NULL)
			return -1;
		p->offs = nb;
		p->offs_cap = cap;
	}
	f = &p->frags[p->nfrags++];
	memset(f, 0, sizeof(*f));
	f->box = i;
	f->page = st->page;
	f->y = y;
	f->height = height;
	f->first = first;
	f->last = last;
	f->repeat = repeat;
	f->offs_at = p->noffs;
	if (b->ncols > 0) {
		memcpy(p->offs + p->noffs, from, b->ncols * sizeof(double));
		memcpy(p->offs + p->noffs + b->ncols, to,
		    b->ncols * sizeof(double));
	}
	p->noffs += 2 * b->ncols;
	return 0;
}

/* Whole-box piece: every column from 0 to its height. */
static int
emit_whole(struct state *st, size_t i, double y, int repeat)
{
	const struct paginate_box	*b = &st->boxes[i];
	double				*zero, *end;
	size_t				 k;
	int				 rc;

	zero = calloc(b->ncols + 1, sizeof(double));
	end = calloc(b->ncols + 1, sizeof(double));
	if (zero == NULL || end == NULL) {
		free(zero);
		free(end);
		return -1;
	}
	for (k = 0; k < b->ncols; k++)
		end[k] = col_height(&b->cols[k]);
	rc = emit(st, i, y, paginate_box_height(b), zero, end, 1, 1, repeat);
	free(zero);
	free(end);
	return rc;
}

/* Does box i continue the table whose header is active? */
static int
in_header_table(const struct state *st, size_t i)
{
	return st->header != 0 && i < st->n &&
	    st->boxes[i].table != 0 &&
	    st->boxes[i].table == st->boxes[st->header - 1].table &&
	    !(st->boxes[i].flags & PAGINATE_HEADER);
}

/* Start a new page for box i, repeating its table's header. */
static int
new_page(struct state *st, size_t i)
{
	st->page++;
	if (st->page >= st->max_pages) {
		st->status = PAGINATE_TOO_MANY_PAGES;
		return -1;
	}
	st->y = 0;
	if (in_header_table(st, i)) {
		if (emit_whole(st, st->header - 1, 0, 1) != 0) {
			st->status = PAGINATE_NOMEM;
			return -1;
		}
		st->y = paginate_box_height(&st->boxes[st->header - 1]);
	}
	st->top = st->y;
	return 0;
}

/* Is box i a row of a table, not its header? */
static int
is_row(const struct state *st, size_t i, unsigned table)
{
	return i < st->n && st->boxes[i].table == table && table != 0 &&
	    !(st->boxes[i].flags & PAGINATE_HEADER);
}

/*
 * Box i is the next-to-last row of a table that already has a row on
 * this page, fits here, but the last row would then go alone to the
 * next page (under the repeated header): both go over when they fit
 * on a page together.
 */
static int
lone_last_row(const struct state *st, size_t i)
{
	const struct paginate_box	*b = &st->boxes[i], *c;
	double				 hh = 0, both;
	unsigned			 t = b->table;

	if (!is_row(st, i, t) || !is_row(st, i + 1, t) ||
	    is_row(st, i + 2, t) || i == 0 || !is_row(st, i - 1, t) ||
	    st->y <= st->top + EPS)
		return 0;
	c = &st->boxes[i + 1];
	if (!(b->flags & PAGINATE_WHOLE) || !(c->flags & PAGINATE_WHOLE))
		return 0;
	if (in_header_table(st, i))
		hh = paginate_box_height(&st->boxes[st->header - 1]);
	both = paginate_box_height(b) + b->after + c->before +
	    paginate_box_height(c);
	return st->y + b->before + paginate_box_height(b) <= st->h + EPS &&
	    st->y + b->before + both > st->h + EPS &&
	    hh + both <= st->h + EPS;
}

/*
 * Choose where to end a piece of b whose columns start at off, with
 * avail points of content room.  Returns 1 when some column advances.
 */
static int
choose_cuts(const struct paginate_box *b, const double *off, double avail,
    int force, double *to)
{
	const struct paginate_col	*c;
	size_t				 k, j, s;
	int				 progress = 0;

	for (k = 0; k < b->ncols; k++) {
		c = &b->cols[k];
		to[k] = off[k];
		/* s: the first line not shown yet. */
		for (s = 0; s < c->ncuts && c->cuts[s] <= off[k] + EPS; s++)
			;
		if (s >= c->ncuts)
			continue;
		j = s;
		while (j < c->ncuts && c->cuts[j] - off[k] <= avail + EPS)
			j++;
		/* j lines from s fit: lines s .. j-1 */
		if (j > s && (b->flags & PAGINATE_ORPHANS) && !force) {
			/* leave two lines for the next page */
			if (c->ncuts >= 2 && j > c->ncuts - 2)
				j = c->ncuts - 2;
			/* and show at least two here */
			if (j < s + 2)
				j = s;
		}
		if (j == s && force)
			j = s + 1;
		if (j > s) {
			to[k] = c->cuts[j - 1];
			progress = 1;
		}
	}
	return progress;
}

static int
place(struct state *st, size_t i)
{
	const struct paginate_box	*b = &st->boxes[i];
	double				*off = NULL, *to = NULL;
	double				 space, rem, avail, hh, h;
	size_t				 k;
	int				 first = 1, rc = -1, fresh;

	off = calloc(b->ncols + 1, sizeof(double));
	to = calloc(b->ncols + 1, sizeof(double));
	if (off == NULL || to == NULL) {
		st->status = PAGINATE_NOMEM;
		goto out;
	}
	for (;;) {
		fresh = st->y <= st->top + EPS;
		space = fresh ? 0 : b->before;
		rem = remaining(b, off);
		/*
		 * The document's last box does not open a page of its own
		 * for want of its spacing: less space above it instead.
		 */
		if (first && i + 1 == st->n && !fresh &&
		    st->y + space + rem > st->h + EPS &&
		    st->y + rem <= st->h + EPS)
			space = st->h - st->y - rem > 0 ? st->h - st->y - rem : 0;
		if (st->y + space + rem <= st->h + EPS) {
			for (k = 0; k < b->ncols; k++)
				to[k] = col_height(&b->cols[k]);
			if (emit(st, i, st->y + space, rem, off, to, first, 1,
			    0) != 0) {
				st->status = PAGINATE_NOMEM;
				goto out;
			}
			st->y += space + rem + b->after;
			rc = 0;
			goto out;
		}
		hh = in_header_table(st, i) ?
		    paginate_box_height(&st->boxes[st->header - 1]) : 0;
		if ((b->flags & PAGINATE_WHOLE) && !fresh &&
		    rem <= st->h - hh + EPS) {
			if (new_page(st, i) != 0)
				goto out;
			continue;
		}
		avail = st->h - st->y - space - 2 * b->pad;
		if (!choose_cuts(b, off, avail, 0, to)) {
			if (!fresh) {
				if (new_page(st, i) != 0)
					goto out;
				continue;
			}
			/* Not even a line fits on an empty page. */
			choose_cuts(b, off, avail, 1, to);
		}
		h = 0;
		for (k = 0; k < b->ncols; k++)
			if (to[k] - off[k] > h)
				h = to[k] - off[k];
		if (emit(st, i, st->y + space, h + 2 * b->pad, off, to, first,
		    0, 0) != 0) {
			st->status = PAGINATE_NOMEM;
			goto out;
		}
		first = 0;
		memcpy(off, to, b->ncols * sizeof(double));
		if (new_page(st, i) != 0)
			goto out;
	}
out:
	free(off);
	free(to);
	return rc;
}

struct paginate *
paginate_run(const struct paginate_box *boxes, size_t n, double page_h,
    size_t max_pages, enum paginate_status *status)
{
	struct state			 st;
	const struct paginate_box	*b;
	double				 need, space;
	size_t				 i;

	memset(&st, 0, sizeof(st));
	st.boxes = boxes;
	st.n = n;
	st.h = page_h;
	st.max_pages = max_pages > 0 ? max_pages : 1;
	st.status = PAGINATE_OK;
	if ((st.p = calloc(1, sizeof(*st.p))) == NULL) {
		st.status = PAGINATE_NOMEM;
		goto fail;
	}
	for (i = 0; i < n; i++) {
		b = &boxes[i];
		if (st.header != 0 && (b->table == 0 ||
		    b->table != boxes[st.header - 1].table ||
		    (b->flags & PAGINATE_HEADER)))
			st.header = 0;
		if ((b->flags & PAGINATE_BREAK_BEFORE) &&
		    st.y > st.top + EPS && new_page(&st, i) != 0)
			goto fail;
		space = st.y > st.top + EPS ? b->before : 0;
		if (b->group != 0 && (i == 0 || boxes[i - 1].group != b->group)) {
			need = group_height(&st, i);
			if (st.y > st.top + EPS && need <= st.h - st.top + EPS &&
			    st.y + space + need > st.h + EPS &&
			    new_page(&st, i) != 0)
				goto fail;
			space = st.y > st.top + EPS ? b->before : 0;
		}
		if ((b->flags & PAGINATE_KEEP_NEXT) && i + 1 < n &&
		    st.y > st.top + EPS) {
			need = keep_chain(&st, i);
			if (need <= st.h - st.top + EPS &&
			    st.y + space + need > st.h + EPS &&
			    new_page(&st, i) != 0)
				goto fail;
		}
		if (lone_last_row(&st, i) && new_page(&st, i) != 0)
			goto fail;
		if (place(&st, i) != 0)
			goto fail;
		if (b->flags & PAGINATE_HEADER)
			st.header = i + 1;
	}
	st.p->pages = st.page + 1;
	for (i = 0; i < st.p->nfrags; i++) {
		st.p->frags[i].from = st.p->offs + st.p->frags[i].offs_at;
		st.p->frags[i].to = st.p->frags[i].from +
		    boxes[st.p->frags[i].box].ncols;
	}
	*status = PAGINATE_OK;
	return st.p;
fail:
	*status = st.status != PAGINATE_OK ? st.status : PAGINATE_NOMEM;
	paginate_free(st.p);
	return NULL;
}

void
paginate_free(struct paginate *p)
{
	if (p == NULL)
		return;
	free(p->frags);
	free(p->offs);
	free(p);
}
