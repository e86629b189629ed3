/*
 * test_typeset: the page typesetter (typeset, paginate, outfile).
 *
 * Pagination rules are tested on synthetic boxes; everything else on
 * real PDFs, read back with poppler's pdftotext, pdfinfo and pdffonts
 * and checked with qpdf, as a user would.
 */
#include "harness.h"

#include <sys/resource.h>

#include <cairo.h>
#include <libxml/parser.h>

#include "diag.h"
#include "paginate.h"
#include "typeset.h"
#include "typeset-int.h"
#include "xmlload.h"

/* One context for the whole program, as a batch worker would. */
struct fixture {
	struct typeset	*ts;		/* bundled and system fonts */
	struct typeset	*pinned;	/* bundled fonts only */
};

static const char HEAD[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<document xmlns='urn:endorse:layout:1' created='2025-01-15'>\n"
    "<title>Test document</title><author>Test Author</author>\n";

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

/* A document string built with printf-style pieces. */
struct buf {
	char	*s;
	size_t	 len;
	FILE	*f;
};

static void
buf_open(struct buf *b)
{
	memset(b, 0, sizeof(*b));
	b->f = open_memstream(&b->s, &b->len);
	assert_non_null(b->f);
}

static char *
buf_close(struct buf *b)
{
	assert_int_equal(fclose(b->f), 0);
	return b->s;
}

static xmlDocPtr
parse(const char *xml)
{
	struct diag		d;
	enum xmlload_status	st;
	xmlDocPtr		doc;

	diag_init(&d, stderr, "test");
	doc = xmlload_memory(xml, strlen(xml), "test.xml", &d, &st);
	assert_non_null(doc);
	return doc;
}

/*
 * Render xml to path with ts; returns the status and the messages
 * (caller frees).
 */
static enum typeset_status
render_to(struct typeset *ts, const char *xml, const char *path,
    char **msgs)
{
	struct diag		 d;
	size_t			 len = 0;
	FILE			*f;
	xmlDocPtr		 doc = parse(xml);
	enum typeset_status	 st;

	*msgs = NULL;
	f = open_memstream(msgs, &len);
	assert_non_null(f);
	diag_init(&d, f, "endorse");
	st = typeset_render(ts, doc, "test.xml", TYPESET_PAPER_DEFAULT, path,
	    &d);
	fclose(f);
	xmlFreeDoc(doc);
	return st;
}

static void
render_ok(struct typeset *ts, const char *xml, const char *path)
{
	char	*msgs;

	if (render_to(ts, xml, path, &msgs) != TYPESET_OK)
		fail_msg("render failed: %s", msgs);
	free(msgs);
}

/* Run a shell command; its standard output (caller frees). */
static char *
capture(const char *fmt, ...)
{
	char	 cmd[4096], chunk[65536], *out = calloc(1, 1);
	size_t	 len = 0, n;
	va_list	 ap;
	FILE	*p;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	p = popen(cmd, "r");
	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		append(&out, &len, chunk, n);
	pclose(p);
	return out;
}

static int
count(const char *hay, const char *needle)
{
	int	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* The text of page p (from 1) of pdftotext's form-feed-separated output. */
static char *
page_text(const char *all, int p)
{
	const char	*s = all, *e;

	while (--p > 0 && s != NULL)
		if ((s = strchr(s, '\f')) != NULL)
			s++;
	if (s == NULL)
		return strdup("");
	e = strchr(s, '\f');
	return strndup(s, e != NULL ? (size_t)(e - s) : strlen(s));
}

static int
pdf_pages(const char *path)
{
	char	*info = capture("pdfinfo '%s' 2>&1", path), *p;
	int	 n = -1;

	if ((p = strstr(info, "Pages:")) != NULL)
		n = atoi(p + 6);
	free(info);
	return n;
}

/* Page of the first occurrence of needle, or 0. */
static int
page_of(const char *all, const char *needle)
{
	const char	*at = strstr(all, needle), *s;
	int		 p = 1;

	if (at == NULL)
		return 0;
	for (s = all; s < at; s++)
		if (*s == '\f')
			p++;
	return p;
}

/* ------------------------------------------------------------------ */
/* Pagination on synthetic boxes                                      */
/* ------------------------------------------------------------------ */

static const double LINES10[] = { 10, 20, 30, 40, 50, 60, 70, 80, 90,
				  100 };

static void
test_paginate_orphans(void **state)
{
	static const double	 first[] = { 85 };
	struct paginate_col	 c0 = { first, 1 }, col = { LINES10, 10 };
	struct paginate_box	 b[2];
	struct paginate		*p;
	enum paginate_status	 st;

	(void)state;
	memset(b, 0, sizeof(b));
	b[0].cols = &c0;
	b[0].ncols = 1;
	b[0].flags = PAGINATE_WHOLE;
	b[1].cols = &col;
	b[1].ncols = 1;
	b[1].flags = PAGINATE_ORPHANS;
	p = paginate_run(b, 2, 100, 10, &st);
	assert_non_null(p);
	/* 15 points left: one line fits, but an orphan is not allowed. */
	assert_int_equal(p->nfrags, 2);
	assert_int_equal(p->pages, 2);
	assert_int_equal(p->frags[1].page, 1);
	assert_true(p->frags[1].first && p->frags[1].last);
	paginate_free(p);
}

static void
test_paginate_widows(void **state)
{
	static const double	 first[] = { 75 };
	struct paginate_col	 c0 = { first, 1 }, col = { LINES10, 10 };
	struct paginate_box	 b[2];
	struct paginate		*p;
	enum paginate_status	 st;

	(void)state;
	memset(b, 0, sizeof(b));
	b[0].cols = &c0;
	b[0].ncols = 1;
	b[1].cols = &col;
	b[1].ncols = 1;
	b[1].flags = PAGINATE_ORPHANS;
	/* 25 points left: two lines here, eight on the next page. */
	p = paginate_run(b, 2, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(p->nfrags, 3);
	assert_int_equal(p->frags[1].page, 0);
	assert_true(p->frags[1].to[0] == 20);
	assert_int_equal(p->frags[2].page, 1);
	assert_true(p->frags[2].from[0] == 20);
	assert_true(p->frags[2].height == 80);
	paginate_free(p);
	/* 95 used: 5 left, nothing fits; and never one line alone after. */
	{
		static const double	 f95[] = { 95 };
		struct paginate_col	 c95 = { f95, 1 };

		b[0].cols = &c95;
		p = paginate_run(b, 2, 100, 10, &st);
		assert_non_null(p);
		assert_int_equal(p->nfrags, 2);
		assert_int_equal(p->frags[1].page, 1);
		paginate_free(p);
	}
}

static void
test_paginate_keep_next(void **state)
{
	static const double	 filler[] = { 80 }, heading[] = { 10 };
	struct paginate_col	 cf = { filler, 1 }, ch = { heading, 1 };
	struct paginate_col	 cp = { LINES10, 10 };
	struct paginate_box	 b[3];
	struct paginate		*p;
	enum paginate_status	 st;

	(void)state;
	memset(b, 0, sizeof(b));
	b[0].cols = &cf;
	b[0].ncols = 1;
	b[1].cols = &ch;
	b[1].ncols = 1;
	b[1].flags = PAGINATE_KEEP_NEXT | PAGINATE_WHOLE;
	b[2].cols = &cp;
	b[2].ncols = 1;
	b[2].flags = PAGINATE_ORPHANS;
	/* The heading fits (80 + 10) but two lines after it do not. */
	p = paginate_run(b, 3, 100, 10, &st);
	assert_non_null(p);
	assert_int_equal(p->frags[1].page, 1);
	assert_true(p->frags[1].y == 0);
	assert_int_equal(p->frags[2].page, 1);
	paginate_free(p);
}

static void
test_paginate_table(void **state)
{
	static const double	 head[] = { 10 }, row[] = { 15 };
	static const double	 tall[] = { 40, 80, 120, 160, 200, 240 };
	struct paginate_col	 ct[2] = { { tall, 6 }, { row, 1 } };
	struct paginate_col	 crow[2] = { { row, 1 }, { row, 1 } };
	struct paginate_col	 chead[2] = { { head, 1 }, { head, 1 } };
	struct paginate_box	 b[30];
	struct paginate		*p;
	enum paginate_status	 st;
	size_t			 i, headers = 0, pages_seen = 0;
	double			 sum;

	(void)state;
	memset(b, 0, sizeof(b));
	b[0].cols = chead;
	b[0].ncols = 2;
	b[0].flags = PAGINATE_HEADER | PAGINATE_KEEP_NEXT | PAGINATE_WHOLE;
	b[0].table = 1;
	for (i = 1; i < 30; i++) {
		b[i].cols = crow;
		b[i].ncols = 2;
		b[i].flags = PAGINATE_WHOLE;
		b[i].table = 1;
		b[i].pad = 2;
	}
	/* Row 10 is taller than a page: 240 points in its first cell. */
	b[10].cols = ct;
	p = paginate_run(b, 30, 100, 50, &st);
	assert_non_null(p);
	for (i = 0; i < p->nfrags; i++) {
		if (p->frags[i].box == 0) {
			headers++;
			/* a header starts every page */
			assert_true(p->frags[i].y == 0);
			assert_int_equal(p->frags[i].page, pages_seen);
			pages_seen++;
		}
		assert_true(p->frags[i].y + p->frags[i].height <= 100 + 1e-9);
		/* only the tall row is ever split */
		if (p->frags[i].box != 10)
			assert_true(p->frags[i].first && p->frags[i].last);
	}
	assert_int_equal(headers, p->pages);
	/* The tall row: its pieces cover its lines exactly once. */
	sum = 0;
	for (i = 0; i < p->nfrags; i++)
		if (p->frags[i].box == 10)
			sum += p->frags[i].to[0] - p->frags[i].from[0];
	assert_true(sum == 240);
	paginate_free(p);
}

static void
test_paginate_limit(void **state)
{
	static const double	 one[] = { 10 };
	struct paginate_col	 c = { one, 1 };
	struct paginate_box	 b[20];
	struct paginate		*p;
	enum paginate_status	 st;
	size_t			 i;

	(void)state;
	memset(b, 0, sizeof(b));
	for (i = 0; i < 20; i++) {
		b[i].cols = &c;
		b[i].ncols = 1;
		b[i].flags = PAGINATE_BREAK_BEFORE;
	}
	p = paginate_run(b, 20, 100, 20, &st);
	assert_non_null(p);
	assert_int_equal(p->pages, 20);
	paginate_free(p);
	assert_null(paginate_run(b, 20, 100, 19, &st));
	assert_int_equal(st, PAGINATE_TOO_MANY_PAGES);
}

/* ------------------------------------------------------------------ */
/* Real PDFs                                                          */
/* ------------------------------------------------------------------ */

static void
test_sample(void **state)
{
	struct fixture	*fx = *state;
	char		 src[PATH_MAX], out[PATH_MAX], *xml, *info, *fonts;
	char		*text, *check, *line, *save = NULL;
	int		 rows = 0;

	xml = slurp(srcpath("tests/layout/sample.xml", src, sizeof(src)),
	    NULL);
	assert_non_null(xml);
	render_ok(fx->ts, xml, tmppath("sample.pdf", out, sizeof(out)));
	free(xml);

	info = capture("pdfinfo '%s'", out);
	assert_non_null(strstr(info, "Title:           Endorsement Review "
	    "Summary"));
	assert_non_null(strstr(info, "Author:          Example Association"));
	assert_non_null(strstr(info, "Tagged:          yes"));
	assert_non_null(strstr(info, "Creator:         endorse"));
	assert_non_null(strstr(info, "CreationDate:    Wed Jan 15 00:00:00 "
	    "2025"));
	assert_non_null(strstr(info, "Pages:           4"));
	free(info);

	/* Every font embedded and subset, and one of ours. */
	fonts = capture("pdffonts '%s'", out);
	for (line = strtok_r(fonts, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "name", 4) == 0 || line[0] == '-')
			continue;
		rows++;
		if (strstr(line, "+NotoSans-") == NULL &&
		    strstr(line, "+NotoSansArabic-") == NULL &&
		    strstr(line, "+NotoSansHebrew-") == NULL &&
		    strstr(line, "+DejaVuSans") == NULL)
			fail_msg("a font not from fonts/: %s", line);
		if (strstr(line, " yes yes ") == NULL)
			fail_msg("a font not embedded and subset: %s", line);
	}
	assert_true(rows > 0);
	free(fonts);

	check = capture("qpdf --check '%s' >/dev/null 2>&1 && echo ok", out);
	assert_string_equal(check, "ok\n");
	free(check);

	text = capture("pdftotext -layout '%s' -", out);
	assert_int_equal(count(text, "Page 1 of 3"), 1);
	assert_int_equal(count(text, "Page 3 of 3"), 1);
	/* the part: numbered on its own, with its own header */
	assert_int_equal(count(text, "Page 1 of 1"), 1);
	assert_int_equal(count(text, "Its own header"), 1);
	assert_int_equal(count(text, "Confidential: for the endorsement "
	    "committee only"), 4);
	if (strstr(text, "(page 2)") == NULL ||
	    page_of(text, "Reviewers: tick one box") != 2)
		fail_msg("no page reference: %.600s", text);
	assert_non_null(strstr(text, "Recommend endorsement"));
	assert_non_null(strstr(text, "Not applicable"));
	assert_null(strstr(text, "\xef\xbf\xbd"));
	free(text);
	/* Bookmarks and links are there. */
	text = slurp(out, NULL);
	assert_non_null(text);
	free(text);
	check = capture("qpdf --show-npages '%s'; qpdf --qdf --object-streams="
	    "disable '%s' - | grep -ac -e '/Outlines' -e '/Dest' -e "
	    "'/StructTreeRoot'", out, out);
	assert_true(atoi(strchr(check, '\n') + 1) >= 3);
	free(check);
}

static void
test_scripts(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *text, *xml;
	struct buf	 b;
	static const char *const words[] = {
		"Παπαδοπούλου", "Иванова", "Nguyễn", "Hương", "Đặng",
		"فاطمة", "الزهراء", "כהן", "שרה",
	};
	size_t		 i;

	buf_open(&b);
	fprintf(b.f, "%s<body><p>Ελένη Παπαδοπούλου</p>"
	    "<p>Анна Иванова</p><p>Nguyễn Thị Thu Hương, Đặng Văn</p>"
	    "<p><span field='name'>فاطمة الزهراء</span></p>"
	    "<p><span field='name'>שרה כהן</span></p></body></document>",
	    HEAD);
	xml = buf_close(&b);
	render_ok(fx->pinned, xml, tmppath("scripts.pdf", out, sizeof(out)));
	free(xml);
	text = capture("pdftotext '%s' -", out);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(text, words[i]) == NULL)
			fail_msg("'%s' not extracted from: %s", words[i], text);
	free(text);
}

static void
test_deterministic(void **state)
{
	struct fixture		*fx = *state;
	char			 src[PATH_MAX], *xml;
	unsigned char		*a, *b;
	size_t			 alen, blen;
	struct diag		 d;
	xmlDocPtr		 doc;

	xml = slurp(srcpath("tests/layout/sample.xml", src, sizeof(src)),
	    NULL);
	doc = parse(xml);
	diag_init(&d, stderr, "endorse");
	assert_int_equal(typeset_render_memory(fx->ts, doc, "s.xml",
	    TYPESET_PAPER_DEFAULT, &a, &alen, NULL, &d), TYPESET_OK);
	sleep(1);	/* a clock in the output would show now */
	assert_int_equal(typeset_render_memory(fx->ts, doc, "s.xml",
	    TYPESET_PAPER_DEFAULT, &b, &blen, NULL, &d), TYPESET_OK);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(a);
	free(b);
	/* A4 on request */
	assert_int_equal(typeset_render_memory(fx->ts, doc, "s.xml",
	    TYPESET_PAPER_A4, &a, &alen, NULL, &d), TYPESET_OK);
	assert_non_null(memmem(a, alen, "595.", 4));
	free(a);
	xmlFreeDoc(doc);
	free(xml);
}

static void
test_table_300_rows(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *text, *pg, start[32], end[32];
	struct buf	 b;
	int		 i, pages, p;
	double		 t0, t;

	buf_open(&b);
	fprintf(b.f, "%s<body><section><heading>Evidence</heading>"
	    "<table><col width='1'/><col width='4'/><col width='2'/>"
	    "<header><cell>Number</cell><cell>Evidence entry</cell>"
	    "<cell>Status</cell></header>\n", HEAD);
	for (i = 1; i <= 300; i++)
		fprintf(b.f, "<row><cell>s%03d</cell><cell>Session with the "
		    "supervisor%s, one hour of reflective supervision "
		    "counted e%03d</cell><cell><mark shape='%s'>%s</mark>"
		    "</cell>"
		    "</row>\n", i, i % 7 == 0 ? " and a much longer "
		    "description that wraps over two or three lines of the "
		    "evidence column in this table" : "", i,
		    i % 3 ? "check" : "question", i % 3 ? "Met" : "Review");
	fprintf(b.f, "</table></section></body></document>");
	xml = buf_close(&b);
	t0 = now_seconds();
	render_ok(fx->ts, xml, tmppath("table.pdf", out, sizeof(out)));
	t = now_seconds() - t0;
	print_message("300-row table rendered in %.3f s\n", t);
	assert_true(t < 5);
	free(xml);

	pages = pdf_pages(out);
	assert_true(pages >= 5);
	text = capture("pdftotext '%s' -", out);
	for (p = 1; p <= pages; p++) {
		pg = page_text(text, p);
		/* the header on every page */
		if (strstr(pg, "Evidence entry") == NULL)
			fail_msg("no table header on page %d", p);
		free(pg);
	}
	/* No row split: its first and last words on one page. */
	for (i = 1; i <= 300; i++) {
		snprintf(start, sizeof(start), "s%03d", i);
		snprintf(end, sizeof(end), "e%03d", i);
		assert_int_not_equal(page_of(text, start), 0);
		assert_int_equal(page_of(text, start), page_of(text, end));
	}
	/* The heading is not alone: it shares a page with the header. */
	assert_int_equal(page_of(text, "Evidence\n"), page_of(text,
	    "Evidence entry"));
	free(text);
	/* Every header cell of every page has its /Scope (pdfpost finds
	 * them all in Cairo's bytes, not by walking the structure tree). */
	text = capture("qpdf --qdf --object-streams=disable '%s' - | "
	    "tr -d '\\r'", out);
	assert_true(count(text, "/S /TH") >= 3 * pages);
	assert_int_equal(count(text, "/Scope /Column"), count(text,
	    "/S /TH"));
	free(text);
	text = capture("qpdf --check '%s' >/dev/null 2>&1 && echo ok", out);
	assert_string_equal(text, "ok\n");
	free(text);
}

static void
test_tall_row_split(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *text, w[16];
	struct buf	 b;
	int		 i;

	buf_open(&b);
	fprintf(b.f, "%s<body><table><col/><col width='3'/>"
	    "<header><cell>Key</cell><cell>Long text</cell></header>"
	    "<row><cell>first</cell><cell>short</cell></row>"
	    "<row><cell>tall</cell><cell>", HEAD);
	for (i = 1; i <= 150; i++)
		fprintf(b.f, "w%03d<br/>", i);
	fprintf(b.f, "</cell></row><row><cell>after</cell><cell>short"
	    "</cell></row></table></body></document>");
	xml = buf_close(&b);
	render_ok(fx->ts, xml, tmppath("tall.pdf", out, sizeof(out)));
	free(xml);
	assert_true(pdf_pages(out) >= 3);
	text = capture("pdftotext '%s' -", out);
	/* Every line exactly once: nothing cut, nothing drawn twice. */
	for (i = 1; i <= 150; i++) {
		snprintf(w, sizeof(w), "w%03d", i);
		assert_int_equal(count(text, w), 1);
	}
	assert_int_equal(count(text, "Long text"), pdf_pages(out));
	free(text);
}

/* Every word's right edge on every page inside the right margin. */
static void
assert_inside(const char *path, double right_limit)
{
	char		*html = capture("pdftotext -bbox '%s' -", path);
	const char	*p = html;
	double		 xmax, worst = 0;
	int		 words = 0;

	while ((p = strstr(p, "xMax=\"")) != NULL) {
		xmax = strtod(p + 6, NULL);
		if (xmax > worst)
			worst = xmax;
		words++;
		p += 6;
	}
	assert_true(words > 10);
	if (worst > right_limit)
		fail_msg("text runs to x=%.1f, past %.1f", worst, right_limit);
	free(html);
}

static void
test_long_word(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *text;
	struct buf	 b;
	int		 i;

	buf_open(&b);
	fprintf(b.f, "%s<body><p>Start ", HEAD);
	for (i = 0; i < 2000; i++)
		fputc('a' + i % 26, b.f);
	fprintf(b.f, " end. mail: someone.with.a.very.long.address@"
	    "an-extremely-long-subdomain.of-a-domain.example.org</p>"
	    "<table><col/><col/><header><cell>a</cell><cell>b</cell>"
	    "</header><row><cell>");
	for (i = 0; i < 2000; i++)
		fputc('A' + i % 26, b.f);
	fprintf(b.f, "</cell><cell>x</cell></row></table>"
	    "<list><item>https://example.org/");
	for (i = 0; i < 500; i++)
		fputc('0' + i % 10, b.f);
	fprintf(b.f, "</item></list></body></document>");
	xml = buf_close(&b);
	render_ok(fx->ts, xml, tmppath("long.pdf", out, sizeof(out)));
	free(xml);
	/* Letter, 72pt margins: the body ends at 540. */
	assert_inside(out, 540.5);
	text = capture("pdftotext '%s' - | tr -d '\\n' | grep -o "
	    "'abcdefghijklmnopqrstuvwxyz' | wc -l", out);
	/* All 2,000 letters printed: 76 full alphabets. */
	assert_int_equal(atoi(text), 76);
	free(text);
}

static void
test_heading_keep_with_next(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *text;
	struct buf	 b;
	int		 filler, i, moved = 0;

	/* Push the heading down a line at a time past the page end. */
	for (filler = 40; filler <= 52; filler++) {
		buf_open(&b);
		fprintf(b.f, "%s<body>", HEAD);
		for (i = 0; i < filler; i++)
			fprintf(b.f, "<p>Filler line %d.</p>", i);
		fprintf(b.f, "<section level='2'><heading>The Heading"
		    "</heading><p>First body line of the section, which "
		    "is long enough to wrap onto a second line of text in "
		    "the body of the page, and then a third line to be "
		    "sure that orphan control applies to it too.</p>"
		    "</section></body></document>");
		xml = buf_close(&b);
		render_ok(fx->ts, xml, tmppath("keep.pdf", out, sizeof(out)));
		free(xml);
		text = capture("pdftotext '%s' -", out);
		assert_int_equal(page_of(text, "The Heading"),
		    page_of(text, "First body line"));
		if (page_of(text, "The Heading") == 2)
			moved = 1;
		free(text);
	}
	assert_true(moved);
}

static void
test_missing_glyph_warning(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *msgs;
	struct buf	 b;

	/* Hangul: no bundled font has it. */
	buf_open(&b);
	/* the line is the input's (src-line), never the layout's */
	fprintf(b.f, "%s<body><p>Name: <span field='applicant name' "
	    "src-line='17'>\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 Kim</span>"
	    "</p>\n<p>Title: <span field='training title'>\xed\x95\x9c"
	    "</span></p></body></document>", HEAD);
	xml = buf_close(&b);
	assert_int_equal(render_to(fx->pinned, xml, tmppath("glyph.pdf", out,
	    sizeof(out)), &msgs), TYPESET_OK);
	if (strstr(msgs, "endorse: test.xml:17: warning: applicant name: no "
	    "font has a glyph for some characters of '") == NULL ||
	    strstr(msgs, "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 Kim'") == NULL ||
	    strstr(msgs, "endorse: test.xml: warning: training title: ") ==
	    NULL || strstr(msgs, ":4:") != NULL || strstr(msgs, ":5:") != NULL)
		fail_msg("unexpected messages: %s", msgs);
	free(msgs);
	free(xml);
	/* A covered script: no warning. */
	assert_int_equal(render_to(fx->pinned, "<?xml version='1.0'?>"
	    "<document xmlns='urn:endorse:layout:1' created='2025-01-15'>"
	    "<title>t</title><body><p>\xce\xb1\xce\xb2 \xd7\xa9</p>"
	    "</body></document>", out, &msgs), TYPESET_OK);
	assert_string_equal(msgs, "");
	free(msgs);
}

/*
 * Parts number their own pages and carry their own running header; a
 * page-ref prints the page a section starts on.
 */
static void
test_parts_and_page_refs(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *text, *pg, want[80];
	struct buf	 b;
	int		 i, k, pages, alpha, beta;

	buf_open(&b);
	fprintf(b.f, "%s<footer><right>Page {page} of {pages}</right>"
	    "</footer><body><section id='index'><heading>Index</heading>"
	    "<p>Alpha starts on page <page-ref to='alpha'/>, Beta on page "
	    "<page-ref to='beta'/>.</p></section>", HEAD);
	for (k = 0; k < 2; k++) {
		fprintf(b.f, "<part><header><left>Applicant %s</left>"
		    "</header><section id='%s'><heading>%s</heading>",
		    k ? "Beta" : "Alpha", k ? "beta" : "alpha",
		    k ? "Beta" : "Alpha");
		for (i = 0; i < (k ? 90 : 140); i++)
			fprintf(b.f, "<p>Line %d of %s.</p>", i,
			    k ? "beta" : "alpha");
		fprintf(b.f, "</section></part>");
	}
	fprintf(b.f, "</body></document>");
	xml = buf_close(&b);
	render_ok(fx->ts, xml, tmppath("parts.pdf", out, sizeof(out)));
	free(xml);
	text = capture("pdftotext '%s' -", out);
	/* the index on page 1, then alpha's pages, then beta's */
	pages = pdf_pages(out);
	for (i = 2, alpha = 0; i <= pages; i++) {
		pg = page_text(text, i);
		if (strstr(pg, "of alpha") != NULL)
			alpha++;
		free(pg);
	}
	beta = pages - 1 - alpha;
	assert_true(alpha >= 3 && beta >= 2);
	pg = page_text(text, 1);
	snprintf(want, sizeof(want), "Alpha starts on page 2, Beta on page "
	    "%d.", 2 + alpha);
	if (strstr(pg, want) == NULL)
		fail_msg("no '%s' in '%s'", want, pg);
	assert_non_null(strstr(pg, "Page 1 of 1"));
	free(pg);
	for (i = 2; i <= pages; i++) {
		pg = page_text(text, i);
		snprintf(want, sizeof(want), "Page %d of %d", i <= 1 + alpha ?
		    i - 1 : i - 1 - alpha, i <= 1 + alpha ? alpha : beta);
		if (strstr(pg, want) == NULL)
			fail_msg("page %d: no '%s'", i, want);
		if (strstr(pg, i <= 1 + alpha ? "Applicant Alpha" :
		    "Applicant Beta") == NULL)
			fail_msg("page %d: not its part's header", i);
		free(pg);
	}
	free(text);
}

/* E-mail addresses break only before '@' or '.'; spans span columns. */
static void
test_address_breaks(void **state)
{
	struct fixture	*fx = *state;
	static const char *const mails[] = {
		"slindqvist@northshore-imh.example.org",
		"pkowalski@milwaukeefamily.example.org",
		"maria.jose.nguyen-ostergaard@example-association.org",
	};
	char		 out[PATH_MAX], *xml, *text, *line, *save = NULL;
	char		*prev = NULL;
	struct buf	 b;
	size_t		 m, k, n;
	int		 w;

	buf_open(&b);
	fprintf(b.f, "%s<body>", HEAD);
	/* the addresses in columns of many widths */
	for (w = 5; w <= 40; w += 5) {
		fprintf(b.f, "<table><col width='%d'/><col width='%d'/>"
		    "<row><cell span='2'>Spanning note</cell></row><row>",
		    w, 100 - w);
		for (m = 0; m < 1; m++)
			fprintf(b.f, "<cell>%s %s %s</cell>", mails[0],
			    mails[1], mails[2]);
		fprintf(b.f, "<cell>x</cell></row></table>");
	}
	fprintf(b.f, "</body></document>");
	xml = buf_close(&b);
	render_ok(fx->ts, xml, tmppath("mails.pdf", out, sizeof(out)));
	free(xml);
	text = capture("pdftotext -raw '%s' -", out);
	assert_int_equal(count(text, "Spanning note"), 8);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    prev = line, line = strtok_r(NULL, "\n", &save)) {
		if (prev == NULL)
			continue;
		n = strlen(prev);
		for (m = 0; m < 3; m++)
			for (k = 1; k < strlen(mails[m]); k++)
				if (n >= k && strcmp(prev + n - k, "") != 0 &&
				    strncmp(prev + n - k, mails[m], k) == 0 &&
				    strncmp(line, mails[m] + k,
				    strlen(mails[m]) - k) == 0 &&
				    mails[m][k] != '@' && mails[m][k] != '.')
					fail_msg("%s broken as '%.*s' | '%s'",
					    mails[m], (int)k, mails[m], line);
	}
	free(text);
}

/*
 * What Cairo 1.16 cannot write, added by pdfpost: the catalog's /Lang
 * and DisplayDocTitle, /Scope on header cells; a Link element holds its
 * text (a marked-content reference, not only the annotation).
 */
static void
test_accessibility(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *qdf, *p;

	render_ok(fx->ts, "<document xmlns='urn:endorse:layout:1' "
	    "created='2025-01-15' lang='fr-CA'><title>Titre</title><body>"
	    "<section id='s'><heading>Partie</heading><p>Voir <link to='s'>"
	    "la partie</link>.</p><table><col/><col/><header><cell>A</cell>"
	    "<cell>B</cell></header><row><cell>1</cell><cell>2</cell></row>"
	    "</table></section></body></document>", tmppath("a11y.pdf", out,
	    sizeof(out)));
	qdf = capture("qpdf --qdf --object-streams=disable '%s' - | "
	    "tr -d '\\r'", out);
	assert_non_null(strstr(qdf, "/Lang (fr-CA)"));
	assert_non_null(strstr(qdf, "/DisplayDocTitle true"));
	assert_int_equal(count(qdf, "/Scope /Column"), 2);
	/* the Link element: its /K holds a marked-content id and the OBJR */
	p = strstr(qdf, "/S /Link");
	assert_non_null(p);
	free(qdf);
	qdf = capture("qpdf --check '%s' >/dev/null 2>&1 && echo ok", out);
	assert_string_equal(qdf, "ok\n");
	free(qdf);
	/* Added as an incremental update: Cairo's file, then the changed
	 * objects, a cross-reference section pointing back, a second end */
	qdf = capture("grep -ac -e '^%%%%EOF' -e '/Prev [0-9]' '%s'", out);
	assert_string_equal(qdf, "3\n");
	free(qdf);
	/* /K [ << /Obj N 0 R /Type /OBJR >> MCID ] */
	qdf = capture("qpdf --qdf --object-streams=disable '%s' - | "
	    "tr -d '\\r' | grep -a -B3 '^  /P ' | tr -d '\\n' | "
	    "grep -c '>>    [0-9][0-9]*  ]  /P '", out);
	if (atoi(qdf) < 1)
		fail_msg("no Link element holds its text");
	free(qdf);
}

/*
 * Text that looks like a header cell's object in the PDF (a heading, so
 * a bookmark's title, written as it is) changes nothing: the real header
 * cells get their /Scope, nothing else does, the file stays valid.
 */
static void
test_header_scope_lookalike(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *qdf;

	render_ok(fx->ts, "<document xmlns='urn:endorse:layout:1' "
	    "created='2025-01-15'><title>t</title><body><section>"
	    "<heading>Part 4 0 obj &lt;&lt; /Type /StructElem /S /TH</heading>"
	    "<p>1 0 obj /StructElem /S /TH</p><table><col/><col/><header>"
	    "<cell>A</cell><cell>B</cell></header><row><cell>1</cell>"
	    "<cell>2</cell></row></table></section></body></document>",
	    tmppath("lookalike.pdf", out, sizeof(out)));
	qdf = capture("qpdf --qdf --object-streams=disable '%s' - | "
	    "tr -d '\\r'", out);
	assert_int_equal(count(qdf, "  /S /TH\n"), 2);
	assert_int_equal(count(qdf, "/Scope /Column"), 2);
	free(qdf);
	qdf = capture("qpdf --check '%s' >/dev/null 2>&1 && echo ok", out);
	assert_string_equal(qdf, "ok\n");
	free(qdf);
}

/* A tick box is at least 4 mm square (11.34 pt), in any font size. */
static void
test_tick_box_size(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *qdf, *line, *save = NULL, *tok;
	char		*save2;
	double		 x = 0, y = 0, w = 0, h = 0, v[64];
	int		 boxes = 0, k;

	render_ok(fx->ts, "<document xmlns='urn:endorse:layout:1' "
	    "created='2025-01-15'><title>t</title><body><p style='small'>"
	    "<checkbox>small</checkbox></p><table><col/><row><cell>"
	    "<checkbox>agree</checkbox><br/><checkbox state='checked'>"
	    "disagree</checkbox></cell></row></table></body></document>",
	    tmppath("boxes.pdf", out, sizeof(out)));
	qdf = capture("qpdf --qdf --object-streams=disable '%s' - | "
	    "grep -a ' re S$'", out);
	for (line = strtok_r(qdf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		/* "... x y w h re S": the four numbers before "re" */
		for (k = 0, tok = strtok_r(line, " ", &save2); tok != NULL;
		    tok = strtok_r(NULL, " ", &save2))
			if (strcmp(tok, "re") == 0 && k >= 4) {
				x = v[k - 4];
				y = v[k - 3];
				w = v[k - 2];
				h = v[k - 1];
			} else if (k < 64)
				v[k++] = atof(tok);
		(void)x;
		(void)y;
		if (w < 72 * 4 / 25.4 || h < 72 * 4 / 25.4)
			fail_msg("a tick box of %.2f x %.2f pt", w, h);
		boxes++;
	}
	assert_int_equal(boxes, 3);
	free(qdf);
}

/* Running-header fields keep to their third of the line, cut with "…". */
static void
test_header_thirds(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *text;
	struct buf	 b;
	int		 i;

	buf_open(&b);
	fprintf(b.f, "<?xml version='1.0' encoding='UTF-8'?>\n<document "
	    "xmlns='urn:endorse:layout:1' created='2025-01-15'><title>t"
	    "</title><header><left>");
	for (i = 0; i < 30; i++)
		fprintf(b.f, "Left%02d ", i);
	/* the right third: a name of 200 characters without a space */
	fprintf(b.f, "</left><center>Middle</center><right>Right");
	for (i = 0; i < 195; i++)
		fputc('N', b.f);
	fprintf(b.f, "</right></header><body><p>x</p></body></document>");
	xml = buf_close(&b);
	render_ok(fx->ts, xml, tmppath("thirds.pdf", out, sizeof(out)));
	free(xml);
	/*
	 * The cut text maps to the ellipsis glyph: every word of the left
	 * field ends inside the left third of the body (72 + 468 / 3).
	 */
	text = capture("pdftotext -bbox '%s' - | grep -o 'xMax=\"[0-9.]*\""
	    "[^>]*>Left' | sed 's/xMax=\"//; s/\".*//' | sort -n | "
	    "tail -1", out);
	assert_true(atof(text) > 150 && atof(text) <= 72 + 468.0 / 3);
	free(text);
	text = capture("pdftotext -raw '%s' -", out);
	assert_non_null(strstr(text, "Middle"));
	assert_non_null(strstr(text, "RightNNN"));
	free(text);
	/* the name (its elided part maps to the ellipsis glyph) starts in
	 * the right third and ends at the margin */
	text = capture("pdftotext -bbox '%s' - | grep 'RightNNN' | "
	    "sed 's/.*xMin=\"//; s/\".*//'", out);
	assert_true(atof(text) >= 72 + 2 * 468.0 / 3);
	free(text);
	text = capture("pdftotext -bbox '%s' - | grep 'RightNNN' | "
	    "sed 's/.*xMax=\"//; s/\".*//'", out);
	assert_true(atof(text) <= 72 + 468 + 0.5);
	free(text);
}

/* The top of the first word w in pdftotext -bbox output html. */
static double
word_top(const char *html, const char *w)
{
	char		 pat[64];
	const char	*p, *y;

	snprintf(pat, sizeof(pat), ">%s</word>", w);
	p = strstr(html, pat);
	assert_non_null(p);
	while (p > html && strncmp(p, "<word", 5) != 0)
		p--;
	y = strstr(p, "yMin=\"");
	assert_non_null(y);
	return strtod(y + 6, NULL);
}

/*
 * 30 combining marks stacked on a letter (the cleaner's cap) reach far
 * above the line's box: the line moves down to make room, so that they
 * never print into the line above.
 */
static void
test_stacked_marks_make_room(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *html;
	double		 gap[2];
	struct buf	 b;
	int		 k, i;

	for (k = 0; k < 2; k++) {
		buf_open(&b);
		fprintf(b.f, "%s<body><p>Above<br/>a", HEAD);
		for (i = 0; k == 1 && i < 30; i++)
			fputs("\xcc\x81", b.f);	/* U+0301 acute */
		fprintf(b.f, " Middle<br/>Below</p></body></document>");
		xml = buf_close(&b);
		render_ok(fx->ts, xml, tmppath("marks.pdf", out, sizeof(out)));
		free(xml);
		html = capture("pdftotext -bbox '%s' -", out);
		gap[k] = word_top(html, "Middle") - word_top(html, "Above");
		free(html);
	}
	/* 30 acutes at 10 pt: well over 30 pt of ink above the letter */
	if (gap[1] < gap[0] + 30)
		fail_msg("the marked line is %.1f pt under the line above, "
		    "a plain one %.1f pt", gap[1], gap[0]);
}

/*
 * The paragraph direction is the document's: dir="rtl" (or a language
 * written right to left) sets Hebrew paragraphs right to left, with a
 * Latin name in them isolated; dir is checked by the schema.
 */
static void
test_document_direction(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *msgs, *text;
	static const char rtl[] = "<?xml version='1.0' encoding='UTF-8'?>"
	    "<document xmlns='urn:endorse:layout:1' created='2025-01-15' "
	    "lang='he'><title>t</title><body><p>\xd7\xa9\xd7\x9c\xd7\x95"
	    "\xd7\x9d <span field='name'>Rosa Provider</span> 56</p></body>"
	    "</document>";

	assert_int_equal(render_to(fx->pinned, rtl, tmppath("rtl.pdf", out,
	    sizeof(out)), &msgs), TYPESET_OK);
	assert_string_equal(msgs, "");
	free(msgs);
	text = capture("pdftotext -raw '%s' -", out);
	assert_non_null(strstr(text, "Rosa Provider"));
	free(text);
	assert_int_equal(render_to(fx->pinned, "<?xml version='1.0'?>"
	    "<document xmlns='urn:endorse:layout:1' created='2025-01-15' "
	    "dir='sideways'><title>t</title><body><p>x</p></body></document>",
	    out, &msgs), TYPESET_REJECTED);
	assert_non_null(strstr(msgs, "ltr or rtl"));
	free(msgs);
}

/* Marks are shapes with the stylesheet's label; the typesetter has no
 * words of its own, and the old status vocabulary is refused. */
static void
test_marks_neutral(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *text, *msgs;

	render_ok(fx->ts, "<document xmlns='urn:endorse:layout:1' "
	    "created='2025-01-15'><title>t</title><body><p>A "
	    "<mark shape='check'>Erf\xc3\xbcllt</mark> B <mark shape='cross'/>"
	    " C <mark shape='question'>Le comit\xc3\xa9 juge</mark>"
	    "</p></body></document>", tmppath("marks.pdf", out,
	    sizeof(out)));
	text = capture("pdftotext '%s' -", out);
	assert_non_null(strstr(text, "Erf\xc3\xbcllt"));
	assert_non_null(strstr(text, "Le comit\xc3\xa9 juge"));
	assert_null(strstr(text, "Met"));
	assert_null(strstr(text, "Not met"));
	assert_null(strstr(text, "Review"));
	free(text);
	assert_int_equal(render_to(fx->ts, "<document xmlns='urn:endorse:"
	    "layout:1' created='2025-01-15'><title>t</title><body><p>"
	    "<status value='met'/></p></body></document>", out, &msgs),
	    TYPESET_REJECTED);
	assert_non_null(strstr(msgs, "error:"));
	free(msgs);
}

static void
test_invalid_rejected(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *msgs;

	tmppath("invalid.pdf", out, sizeof(out));
	unlink(out);
	assert_int_equal(render_to(fx->ts, "<document xmlns='urn:endorse:"
	    "layout:1' created='2025-01-15'><title>t</title><body><p "
	    "style='huge'>x</p></body></document>", out, &msgs),
	    TYPESET_REJECTED);
	assert_non_null(strstr(msgs, "error:"));
	assert_int_equal(access(out, F_OK), -1);
	free(msgs);
	/* A link to nowhere, an id used twice. */
	assert_int_equal(render_to(fx->ts, "<document xmlns='urn:endorse:"
	    "layout:1' created='2025-01-15'><title>t</title><body>"
	    "<section id='a'><heading>A</heading></section>"
	    "<section id='a'><heading>B</heading></section>"
	    "<p><link to='nowhere'>x</link></p></body></document>", out,
	    &msgs), TYPESET_REJECTED);
	assert_non_null(strstr(msgs, "section id 'a' is used twice"));
	assert_non_null(strstr(msgs, "link to 'nowhere': no section has "
	    "this id"));
	assert_int_equal(access(out, F_OK), -1);
	free(msgs);
	/* A date that does not exist. */
	assert_int_equal(render_to(fx->ts, "<document xmlns='urn:endorse:"
	    "layout:1' created='2025-13-01'><title>t</title><body><p>x</p>"
	    "</body></document>", out, &msgs), TYPESET_REJECTED);
	assert_non_null(strstr(msgs, "'2025-13-01' is not a valid date"));
	free(msgs);
}

static void
test_page_limit(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *msgs;
	struct buf	 b;
	int		 i;

	buf_open(&b);
	fprintf(b.f, "%s<body>", HEAD);
	for (i = 0; i < 501; i++)
		fprintf(b.f, "<p>page %d</p><page-break/>", i);
	fprintf(b.f, "</body></document>");
	xml = buf_close(&b);
	assert_int_equal(render_to(fx->ts, xml, tmppath("limit.pdf", out,
	    sizeof(out)), &msgs), TYPESET_REJECTED);
	assert_non_null(strstr(msgs, "more than 500 pages"));
	free(msgs);
	free(xml);

	/* In a document of parts the limit is per part. */
	buf_open(&b);
	fprintf(b.f, "%s<body>", HEAD);
	for (i = 0; i < 2 * 300; i++)
		fprintf(b.f, "%s<p>page %d</p>%s", i % 300 == 0 ? "<part>" :
		    "<page-break/>", i, i % 300 == 299 ? "</part>" : "");
	fprintf(b.f, "</body></document>");
	xml = buf_close(&b);
	render_ok(fx->ts, xml, tmppath("parts-limit.pdf", out, sizeof(out)));
	free(xml);
	buf_open(&b);
	fprintf(b.f, "%s<body><part><p>short</p></part><part>", HEAD);
	for (i = 0; i < 501; i++)
		fprintf(b.f, "<p>page %d</p><page-break/>", i);
	fprintf(b.f, "</part></body></document>");
	xml = buf_close(&b);
	assert_int_equal(render_to(fx->ts, xml, tmppath("part-over.pdf", out,
	    sizeof(out)), &msgs), TYPESET_REJECTED);
	assert_non_null(strstr(msgs, "part 2 of the document would have more "
	    "than 500 pages"));
	assert_int_equal(access(out, F_OK), -1);
	free(msgs);
	free(xml);
}

static void
test_hostile_text(void **state)
{
	struct fixture	*fx = *state;
	char		 out[PATH_MAX], *xml, *msgs;
	struct buf	 b;
	int		 i;
	double		 t0;

	/* 15,000 combining marks on one letter, bidi overrides. */
	buf_open(&b);
	fprintf(b.f, "%s<body><p>a", HEAD);
	for (i = 0; i < 7000; i++)
		fputs("\xcc\x81", b.f);
	fprintf(b.f, "\xe2\x80\xae override</p><p>");
	for (i = 0; i < TYPESET_MAX_BLOCK_CHARS + 1; i++)
		fputc('x', b.f);
	fprintf(b.f, "</p></body></document>");
	xml = buf_close(&b);
	t0 = now_seconds();
	assert_int_equal(render_to(fx->ts, xml, tmppath("hostile.pdf", out,
	    sizeof(out)), &msgs), TYPESET_REJECTED);
	assert_true(now_seconds() - t0 < 2);
	assert_non_null(strstr(msgs, "the text is longer than 16000 "
	    "characters"));
	free(msgs);
	free(xml);
}

static void
test_no_partial_file(void **state)
{
	struct fixture	*fx = *state;
	char		 src[PATH_MAX], out[PATH_MAX], dir[PATH_MAX], *xml;
	char		*msgs, *ls;
	pid_t		 pid;
	int		 st;
	struct rlimit	 rl;

	xml = slurp(srcpath("tests/layout/sample.xml", src, sizeof(src)),
	    NULL);
	/* A directory that does not exist. */
	assert_int_equal(render_to(fx->ts, xml, "/nonexistent-dir/out.pdf",
	    &msgs), TYPESET_CANNOT_CREATE);
	assert_non_null(strstr(msgs, "/nonexistent-dir/out.pdf: error: "
	    "cannot create the output"));
	free(msgs);
	/* A directory as the output. */
	assert_int_equal(render_to(fx->ts, xml, tmpdir(), &msgs),
	    TYPESET_CANNOT_CREATE);
	assert_non_null(strstr(msgs, "it is a directory"));
	free(msgs);

	/* Over the file-size limit: the old file stays, no temporary. */
	tmppath("fsize", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	tmppath("fsize/out.pdf", out, sizeof(out));
	spew(out, "old good file", 13);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		rl.rlim_cur = rl.rlim_max = 4096;
		setrlimit(RLIMIT_FSIZE, &rl);
		_exit(render_to(fx->ts, xml, out, &msgs) == TYPESET_IO_ERROR &&
		    strstr(msgs, "cannot write the output") != NULL ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	/* Not even ignoring SIGXFSZ: held while writing, never fatal. */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		rl.rlim_cur = rl.rlim_max = 4096;
		setrlimit(RLIMIT_FSIZE, &rl);
		_exit(render_to(fx->ts, xml, out, &msgs) == TYPESET_IO_ERROR ?
		    0 : 1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	ls = capture("ls -A '%s'", dir);
	assert_string_equal(ls, "out.pdf\n");
	free(ls);
	ls = slurp(out, NULL);
	assert_string_equal(ls, "old good file");
	free(ls);
	/* And a good run replaces it. */
	render_ok(fx->ts, xml, out);
	assert_true(pdf_pages(out) == 4);
	free(xml);
}

static void
test_fifo_streamed(void **state)
{
	struct fixture	*fx = *state;
	char		 src[PATH_MAX], fifo[PATH_MAX], *xml, *got;
	pid_t		 pid;
	int		 st;
	size_t		 len;
	struct stat	 sb;

	xml = slurp(srcpath("tests/layout/sample.xml", src, sizeof(src)),
	    NULL);
	tmppath("fifo", fifo, sizeof(fifo));
	assert_int_equal(mkfifo(fifo, 0600), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char *msgs;
		_exit(render_to(fx->ts, xml, fifo, &msgs) == TYPESET_OK ? 0 :
		    1);
	}
	got = slurp(fifo, &len);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_non_null(got);
	assert_true(len > 1000 && memcmp(got, "%PDF-", 5) == 0);
	/* Still a FIFO: written into, never replaced. */
	assert_int_equal(lstat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	free(got);
	free(xml);
}

static unsigned char *
render_bytes(struct typeset *ts, const char *xml, size_t *len)
{
	struct diag	 d;
	unsigned char	*pdf = NULL;
	xmlDocPtr	 doc = parse(xml);

	diag_init(&d, stderr, "endorse");
	assert_int_equal(typeset_render_memory(ts, doc, "c.xml",
	    TYPESET_PAPER_DEFAULT, &pdf, len, NULL, &d), TYPESET_OK);
	xmlFreeDoc(doc);
	return pdf;
}

/*
 * Shaped text kept from one document to the next (typeset-block.c)
 * gives the same bytes as shaping every text again: the same label with
 * another mark, checkbox state, link target or page number, and
 * right-to-left documents after a left-to-right one.
 */
static void
test_layout_cache_same_bytes(void **state)
{
	struct typeset	*kept, *fresh;
	struct diag	 d;
	struct buf	 b;
	char		*xml[3];
	unsigned char	*x, *y;
	size_t		 xlen, ylen, k, pass;
	const char	*dd = env_or("ENDORSE_DATADIR", ".");
	int		 i;

	(void)state;
	diag_init(&d, stderr, "endorse");
	kept = typeset_new(dd, TYPESET_NO_SYSTEM_FONTS, &d);
	fresh = typeset_new(dd, TYPESET_NO_SYSTEM_FONTS, &d);
	assert_non_null(kept);
	assert_non_null(fresh);
	fresh->lcache_off = 1;
	for (k = 0; k < 3; k++) {
		buf_open(&b);
		fprintf(b.f, "<document xmlns='urn:endorse:layout:1' "
		    "created='2025-01-15'%s><title>t</title><body>"
		    "<section id='a'><heading>Part</heading>"
		    "<p>See <link to='a'>the part</link> on page "
		    "<page-ref to='b'/>.</p><table><col width='1'/>"
		    "<col width='3'/><header><cell>Rule</cell><cell>Status"
		    "</cell></header>", k == 1 ? " dir='rtl'" : k == 2 ?
		    " lang='he'" : "");
		for (i = 0; i < 40; i++)
			fprintf(b.f, "<row><cell>R-%d</cell><cell><mark "
			    "shape='%s'>Done</mark> <checkbox state='%s'>"
			    "agree</checkbox></cell></row>", i % 3,
			    i % 2 ? "check" : "cross", i % 3 == 0 ? "checked" :
			    i % 3 == 1 ? "crossed" : "empty");
		fprintf(b.f, "</table></section><section id='b' "
		    "new-page='yes'><heading>Part</heading><p>See <link "
		    "to='b'>the part</link> on page <page-ref to='a'/>.</p>"
		    "</section></body></document>");
		xml[k] = buf_close(&b);
	}
	/* the first document again last: everything is kept by then */
	for (pass = 0; pass < 4; pass++) {
		k = pass % 3;
		x = render_bytes(kept, xml[k], &xlen);
		y = render_bytes(fresh, xml[k], &ylen);
		if (xlen != ylen || memcmp(x, y, xlen) != 0)
			fail_msg("document %zu: kept shaping gives other "
			    "bytes", k);
		free(x);
		free(y);
	}
	assert_non_null(kept->lcache);
	assert_null(fresh->lcache);
	for (k = 0; k < 3; k++)
		free(xml[k]);
	typeset_free(kept);
	typeset_free(fresh);
}

static int
setup(void **state)
{
	struct fixture	*fx = calloc(1, sizeof(*fx));
	struct diag	 d;
	const char	*dd = env_or("ENDORSE_DATADIR", ".");

	diag_init(&d, stderr, "endorse");
	fx->ts = typeset_new(dd, 0, &d);
	fx->pinned = typeset_new(dd, TYPESET_NO_SYSTEM_FONTS, &d);
	if (fx->ts == NULL || fx->pinned == NULL)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	typeset_free(fx->ts);
	typeset_free(fx->pinned);
	free(fx);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paginate_orphans),
		cmocka_unit_test(test_paginate_widows),
		cmocka_unit_test(test_paginate_keep_next),
		cmocka_unit_test(test_paginate_table),
		cmocka_unit_test(test_paginate_limit),
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_scripts),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_layout_cache_same_bytes),
		cmocka_unit_test(test_table_300_rows),
		cmocka_unit_test(test_tall_row_split),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_heading_keep_with_next),
		cmocka_unit_test(test_missing_glyph_warning),
		cmocka_unit_test(test_marks_neutral),
		cmocka_unit_test(test_header_thirds),
		cmocka_unit_test(test_stacked_marks_make_room),
		cmocka_unit_test(test_document_direction),
		cmocka_unit_test(test_tick_box_size),
		cmocka_unit_test(test_accessibility),
		cmocka_unit_test(test_header_scope_lookalike),
		cmocka_unit_test(test_parts_and_page_refs),
		cmocka_unit_test(test_address_breaks),
		cmocka_unit_test(test_invalid_rejected),
		cmocka_unit_test(test_page_limit),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_no_partial_file),
		cmocka_unit_test(test_fifo_streamed),
	};
	int	rc;

	xmlload_init();
	rc = cmocka_run_group_tests_name("typeset", tests, setup, teardown);
	/*
	 * Release what the libraries cache, for LeakSanitizer.  Not FcFini:
	 * Pango keeps fontconfig patterns until exit and FcFini asserts.
	 */
	cairo_debug_reset_static_data();
	xmlCleanupParser();
	return rc;
}
