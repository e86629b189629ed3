/*
 * paginate: break a sequence of measured boxes into pages.
 *
 * Pure arithmetic, no Pango or Cairo: typeset measures every block of a
 * layout document (a paragraph, a heading, a table row, a signature
 * line) and describes it here as a box of one or more columns, each
 * column a stack of lines that may be split between two lines.  A
 * paragraph is a box of one column; a table row is a box of one column
 * per cell, each cell split at its own line boundaries.
 *
 * The rules: spacing before a box is dropped at the top of a page; a
 * forced break starts a new page; a box marked keep-with-next never ends
 * a page without the start of the next box (a heading is never orphaned),
 * and without all of the next box's keep group when that group fits on
 * a page; consecutive boxes of one keep group share a page when they fit
 * on one;
 * a paragraph is split leaving at least two lines on each page when it
 * can; a table row that fits on a page is never split, a taller one is
 * split between lines; a table's header box is repeated at the top of
 * every page the table continues on, and a table's last row never goes
 * alone to a page of its own (the row before it goes with it); the
 * document's last box takes less space above it rather than open a page
 * for itself.
 *
 * Included by typeset and its tests.  paginate_run returns a struct
 * paginate the caller frees with paginate_free; it borrows the boxes.
 */
#ifndef PAGINATE_H
#define PAGINATE_H

#include <stddef.h>

/* One column of a box: its lines' bottoms, from its top, ascending. */
struct paginate_col {
	const double	*cuts;		/* bottom of each line; last = height */
	size_t		 ncuts;		/* 0: an empty column of height 0 */
};

enum paginate_flags {
	PAGINATE_BREAK_BEFORE	= 1 << 0,	/* start on a new page */
	PAGINATE_KEEP_NEXT	= 1 << 1,	/* with the next box's start */
	PAGINATE_WHOLE		= 1 << 2,	/* never split when it fits */
	PAGINATE_ORPHANS	= 1 << 3,	/* two lines on each side */
	PAGINATE_HEADER		= 1 << 4	/* a table header: repeated */
};

struct paginate_box {
	double			 before;	/* space above, dropped at top */
	double			 after;		/* space below */
	double			 pad;		/* padding above and below */
	const struct paginate_col *cols;
	size_t			 ncols;
	unsigned		 flags;		/* enum paginate_flags */
	unsigned		 group;		/* keep group, 0: none */
	unsigned		 table;		/* table number, 0: none */
};

/* One piece of a box placed on a page. */
struct paginate_frag {
	size_t		 box;		/* index into the boxes */
	size_t		 page;		/* from 0 */
	double		 y;		/* top, from the top of the body */
	double		 height;	/* with padding */
	const double	*from;		/* per column: first offset shown */
	const double	*to;		/* per column: end offset shown */
	int		 first;		/* the box's first piece */
	int		 last;		/* the box's last piece */
	int		 repeat;	/* a repeated table header */
	size_t		 offs_at;	/* internal: index into offs */
};

struct paginate {
	struct paginate_frag	*frags;
	size_t			 nfrags;
	size_t			 pages;
	double			*offs;		/* storage for from/to */
	size_t			 noffs, offs_cap;
};

enum paginate_status {
	PAGINATE_OK = 0,
	PAGINATE_NOMEM,
	PAGINATE_TOO_MANY_PAGES
};

/*
 * Break boxes into pages of body height page_h, at most max_pages pages.
 * Returns NULL with *status set on failure.
 */
struct paginate	*paginate_run(const struct paginate_box *boxes, size_t n,
		    double page_h, size_t max_pages,
		    enum paginate_status *status);
void		 paginate_free(struct paginate *);

/* The full height of a box (with padding, without spacing). */
double		 paginate_box_height(const struct paginate_box *);

#endif
