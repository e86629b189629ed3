/*
 * test_paginate: page breaking on synthetic boxes (paginate.h), the
 * rules that keep what belongs together on one page: a heading with a
 * whole keep group after it, a table's last row with the row before it,
 * and no last page opened for want of spacing.
 */
#include "harness.h"

#include "paginate.h"

static const double ONE[] = { 10 };
static const double FIVE[] = { 10, 20, 30, 40, 50 };

/* The page box i starts on; fails when it has no piece. */
static size_t
page_of_box(const struct paginate *p, size_t i)
{
	size_t	k;

	for (k = 0; k < p->nfrags; k++)
		if (p->frags[k].box == i && !p->frags[k].repeat)
			return p->frags[k].page;
	fail_msg("box %zu has no piece", i);
	return 0;
}

static void
box(struct paginate_box *b, const struct paginate_col *c, unsigned flags,
    unsigned group)
{
	memset(b, 0, sizeof(*b));
	b->cols = c;
	b->ncols = 1;
	b->flags = flags;
	b->group = group;
}

/*
 * A heading before a keep group of three boxes: the heading and the
 * group's first line fit at the foot of the page, the whole group does
 * not.  The heading goes over with the group, not only its first line.
 */
static void
test_keep_next_before_keep_group(void **state)
{
	static const double	 filler[] = { 60 };
	struct paginate_col	 cf = { filler, 1 }, c1 = { ONE, 1 };
	struct paginate_col	 c5 = { FIVE, 5 };
	struct paginate_box	 b[5];
	struct paginate		*p;
	enum paginate_status	 st;

	(void)state;
	box(&b[0], &cf, PAGINATE_WHOLE, 0);
	box(&b[1], &c1, PAGINATE_KEEP_NEXT | PAGINATE_WHOLE, 0);
	box(&b[2], &c1, PAGINATE_ORPHANS, 1);
	box(&b[3], &c5, PAGINATE_ORPHANS, 1);
	box(&b[4], &c1, PAGINATE_ORPHANS, 1);
	p = paginate_run(b, 5, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(page_of_box(p, 0), 0);
	assert_int_equal(page_of_box(p, 1), 1);	/* the heading went over */
	assert_int_equal(page_of_box(p, 2), 1);
	assert_int_equal(page_of_box(p, 4), 1);
	paginate_free(p);

	/* A group taller than a page: the heading keeps its first line. */
	box(&b[3], &c5, PAGINATE_ORPHANS, 1);
	{
		static const double	 tall[] = { 30, 60, 90, 120 };
		struct paginate_col	 ct = { tall, 4 };

		b[3].cols = &ct;
		p = paginate_run(b, 5, 100, 10, &st);
		assert_non_null(p);
		assert_int_equal(page_of_box(p, 1), 0);
		assert_int_equal(page_of_box(p, 2), 0);
		paginate_free(p);
	}
}

/* A label paragraph marked keep-with-next before a list item. */
static void
test_label_keeps_with_next(void **state)
{
	static const double	 filler[] = { 85 };
	struct paginate_col	 cf = { filler, 1 }, c1 = { ONE, 1 };
	struct paginate_box	 b[3];
	struct paginate		*p;
	enum paginate_status	 st;

	(void)state;
	box(&b[0], &cf, PAGINATE_WHOLE, 0);
	box(&b[1], &c1, PAGINATE_KEEP_NEXT | PAGINATE_ORPHANS, 0);
	box(&b[2], &c1, PAGINATE_ORPHANS, 0);
	p = paginate_run(b, 3, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(page_of_box(p, 1), 1);
	assert_int_equal(page_of_box(p, 2), 1);
	paginate_free(p);
	/* without the flag the label stays at the foot of the page */
	b[1].flags = PAGINATE_ORPHANS;
	p = paginate_run(b, 3, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(page_of_box(p, 1), 0);
	assert_int_equal(page_of_box(p, 2), 1);
	paginate_free(p);
}

/*
 * A table of a header and rows of 10: when only the last row would go
 * to the next page, the one before it goes too, under the repeated
 * header.
 */
static void
test_lone_last_table_row(void **state)
{
	struct paginate_col	 c1 = { ONE, 1 };
	struct paginate_box	 b[12];
	struct paginate		*p;
	enum paginate_status	 st;
	size_t			 i, rows;

	(void)state;
	box(&b[0], &c1, PAGINATE_HEADER | PAGINATE_KEEP_NEXT |
	    PAGINATE_WHOLE, 0);
	b[0].table = 1;
	for (i = 1; i < 12; i++) {
		box(&b[i], &c1, PAGINATE_WHOLE, 0);
		b[i].table = 1;
	}
	/* 10 boxes of 10 fill a page of 100: header and rows 1-9. */
	p = paginate_run(b, 11, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(p->pages, 2);
	assert_int_equal(page_of_box(p, 9), 1);
	assert_int_equal(page_of_box(p, 10), 1);
	assert_int_equal(page_of_box(p, 8), 0);
	/* the second page starts with the repeated header */
	for (i = 0, rows = 0; i < p->nfrags; i++)
		if (p->frags[i].page == 1 && p->frags[i].repeat)
			rows++;
	assert_int_equal(rows, 1);
	paginate_free(p);
	/* one row more fits everything after the break: nothing moves */
	p = paginate_run(b, 12, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(page_of_box(p, 9), 0);
	assert_int_equal(page_of_box(p, 10), 1);
	assert_int_equal(page_of_box(p, 11), 1);
	paginate_free(p);
}

/* The last box fits without its spacing: no page of its own. */
static void
test_last_line_no_page_of_its_own(void **state)
{
	static const double	 filler[] = { 88 };
	struct paginate_col	 cf = { filler, 1 }, c1 = { ONE, 1 };
	struct paginate_box	 b[3];
	struct paginate		*p;
	enum paginate_status	 st;

	(void)state;
	box(&b[0], &cf, PAGINATE_WHOLE, 0);
	box(&b[1], &c1, PAGINATE_ORPHANS, 0);
	b[1].before = 6;
	p = paginate_run(b, 2, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(p->pages, 1);
	assert_true(p->frags[1].y + p->frags[1].height <= 100 + 1e-9);
	paginate_free(p);
	/* not the last box: it keeps its spacing and goes over */
	box(&b[2], &c1, PAGINATE_ORPHANS, 0);
	p = paginate_run(b, 3, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(page_of_box(p, 1), 1);
	paginate_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keep_next_before_keep_group),
		cmocka_unit_test(test_label_keeps_with_next),
		cmocka_unit_test(test_lone_last_table_row),
		cmocka_unit_test(test_last_line_no_page_of_its_own),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
