/*
 * typeset: render a layout document to PDF (see typeset.h).
 *
 * Three passes over one document: build (typeset-block.c: walk the XML,
 * clean the text, make one PangoLayout per paragraph, heading, list item
 * and table cell, and measure its lines), paginate (pure arithmetic in
 * paginate.c), draw (typeset-render.c: page by page into a PDF surface
 * that writes into memory).  The page count is known before anything is
 * drawn, so "Page N of M" needs no second layout.  A document with
 * page references (<page-ref>) is built and paginated twice: the first
 * pass finds each section's page with a placeholder of the same width,
 * the second prints the numbers.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "outfile.h"
#include "pdfpost.h"
#include "typeset-int.h"
#include "validate.h"

/* Free the blocks, the parts and what a build pass made. */
static void
render_clear(struct render *r)
{
	struct blk	*b;
	size_t		 i, k, j;

	for (i = 0; i < r->nblks; i++) {
		b = &r->blks[i];
		for (k = 0; k < b->ncells; k++) {
			if (b->cells[k].layout != NULL)
				g_object_unref(b->cells[k].layout);
			free(b->cells[k].cuts);
			free(b->cells[k].base);
			free(b->cells[k].top);
			free(b->cells[k].lx);
			for (size_t l = 0; l < b->cells[k].nlinks; l++)
				xmlFree(b->cells[k].links[l].dest);
			free(b->cells[k].links);
		}
		free(b->cells);
		free(b->cols);
		free(b->id);
		free(b->outline);
		free(b->own_cuts);
	}
	free(r->blks);
	r->blks = NULL;
	r->nblks = r->cap = 0;
	for (i = 0; i < r->nparts; i++) {
		for (j = 0; j < 2; j++)
			for (k = 0; k < 4; k++)
				free(r->parts[i].run_text[j][k]);
		free(r->parts[i].bookmark);
	}
	free(r->parts);
	r->parts = NULL;
	r->nparts = r->parts_cap = r->cur_part = 0;
	if (r->ids != NULL)
		g_hash_table_remove_all(r->ids);
	free(r->link_to);
	free(r->link_line);
	r->link_to = NULL;
	r->link_line = NULL;
	r->nlink_to = r->link_cap = 0;
	r->groups = 0;
	r->tables = 0;
	r->pending_break = 0;
	r->page_refs = 0;
}

static void
render_free(struct render *r)
{
	size_t	k;

	render_clear(r);
	for (k = 0; k < 4; k++) {
		free(r->meta[k]);
		free(r->run_text[0][k]);
		free(r->run_text[1][k]);
	}
	if (r->ids != NULL)
		g_hash_table_destroy(r->ids);
	if (r->anchors != NULL)
		g_hash_table_destroy(r->anchors);
	if (r->id_pages != NULL)
		g_hash_table_destroy(r->id_pages);
	xmlFree(r->lang);
	if (r->ctx != NULL)
		g_object_unref(r->ctx);
	if (r->sys_ctx != NULL)
		g_object_unref(r->sys_ctx);
}

/*
 * Note in t (id -> 1 + its page) the page each section id of r starts
 * on, counted in the file (base pages come before the document); an id
 * already there keeps its page.  Returns 0, or -1 (out of memory).
 */
static int
add_id_pages(GHashTable *t, const struct render *r, const struct paginate *pg,
    size_t base)
{
	const struct blk	*b;
	char			*id;
	size_t			 i;

	for (i = 0; i < pg->nfrags; i++) {
		b = &r->blks[pg->frags[i].box];
		if (b->id == NULL || !pg->frags[i].first ||
		    g_hash_table_contains(t, b->id))
			continue;
		if ((id = strdup(b->id)) == NULL)
			return -1;
		g_hash_table_insert(t, id,
		    GSIZE_TO_POINTER(base + pg->frags[i].page + 1));
	}
	return 0;
}

/* Remember the page each section id starts on (for <page-ref>). */
static int
note_id_pages(struct render *r, const struct paginate *pg, size_t base)
{
	if (r->id_pages == NULL && (r->id_pages = g_hash_table_new_full(
	    g_str_hash, g_str_equal, free, NULL)) == NULL)
		return -1;
	return add_id_pages(r->id_pages, r, pg, base);
}

/*
 * The first part (1 + index) with more than TYPESET_MAX_PAGES pages, or
 * 0.  Fragments come in page order, so a part's pages are counted where
 * its page changes.
 */
static size_t
part_over_limit(const struct render *r, const struct paginate *pg)
{
	size_t	*pages, *last, i, p, over = 0;

	if (r->nparts == 0)
		return 0;
	pages = calloc(r->nparts, sizeof(*pages));
	last = calloc(r->nparts, sizeof(*last));
	if (pages == NULL || last == NULL) {
		free(pages);
		free(last);
		return 0;	/* the drawing fails on memory the same way */
	}
	for (i = 0; i < pg->nfrags && over == 0; i++) {
		if (pg->frags[i].repeat ||
		    (p = r->blks[pg->frags[i].box].part) == 0)
			continue;
		if (pages[p - 1] == 0 || last[p - 1] != pg->frags[i].page) {
			last[p - 1] = pg->frags[i].page;
			if (++pages[p - 1] > TYPESET_MAX_PAGES)
				over = p;
		}
	}
	free(pages);
	free(last);
	return over;
}

/* Is id one of the ids a later document of the stream will define? */
static int
is_anchor(const struct render *r, const char *id)
{
	return r->anchors != NULL && g_hash_table_contains(r->anchors, id);
}

/*
 * Build the blocks of body and paginate them.  Returns the pagination,
 * or NULL with *st set after reporting.
 */
static struct paginate *
build_and_paginate(struct render *r, const xmlNode *body,
    enum typeset_status *st)
{
	struct paginate_box	*boxes = NULL;
	struct paginate		*pg = NULL;
	enum paginate_status	 pst;
	size_t			 i, k, max;

	*st = TYPESET_REJECTED;
	if (body != NULL)
		ts_build_blocks(r, body, 0);
	for (i = 0; i < r->nlink_to; i++)
		if (!g_hash_table_contains(r->ids, r->link_to[i]) &&
		    !is_anchor(r, r->link_to[i])) {
			diag_report(r->d, DIAG_ERROR, r->name, r->link_line[i],
			    0, "link to '%s': no section has this id",
			    r->link_to[i]);
			r->failed = 1;
		}
	if (r->nomem) {
		diag_error(r->d, r->name, 0, "out of memory laying out the "
		    "document");
		*st = TYPESET_INTERNAL;
		goto out;
	}
	if (r->failed)
		goto out;
	if (r->nblks > 0 &&
	    (boxes = calloc(r->nblks, sizeof(*boxes))) == NULL) {
		*st = TYPESET_INTERNAL;
		goto out;
	}
	for (i = 0; i < r->nblks; i++)
		boxes[i] = r->blks[i].box;
	max = r->nparts > 0 ? TYPESET_MAX_FILE_PAGES : TYPESET_MAX_PAGES;
	pg = paginate_run(boxes, r->nblks, r->body_h, max, &pst);
	if (pg == NULL) {
		if (pst == PAGINATE_TOO_MANY_PAGES)
			diag_error(r->d, r->name, 0, "the document would have "
			    "more than %zu pages", max);
		else {
			diag_error(r->d, r->name, 0, "out of memory "
			    "paginating");
			*st = TYPESET_INTERNAL;
		}
		goto out;
	}
	if ((k = part_over_limit(r, pg)) > 0) {
		diag_error(r->d, r->name, 0, "part %zu of the document would "
		    "have more than %d pages", k, TYPESET_MAX_PAGES);
		paginate_free(pg);
		pg = NULL;
		goto out;
	}
	*st = TYPESET_OK;
out:
	free(boxes);
	return pg;
}

/*
 * Build and paginate body; with page references, again once the pages
 * of the sections are known (counted after base pages of the file).
 * Returns the pagination, or NULL with *st set after reporting.
 */
static struct paginate *
lay_out(struct render *r, const xmlNode *body, size_t base,
    enum typeset_status *st)
{
	struct paginate	*pg;

	if ((pg = build_and_paginate(r, body, st)) == NULL ||
	    r->page_refs == 0)
		return pg;
	if (note_id_pages(r, pg, base) != 0) {
		paginate_free(pg);
		*st = TYPESET_INTERNAL;
		return NULL;
	}
	paginate_free(pg);
	render_clear(r);
	return build_and_paginate(r, body, st);
}

/*
 * Start rendering doc: check it against the layout schema, make the
 * contexts, read its head.  Returns its body (NULL when it has none,
 * with *st TYPESET_OK), or NULL with *st set after reporting; r is to be
 * freed with render_free either way.
 */
static const xmlNode *
render_setup(struct render *r, struct typeset *ts, xmlDocPtr doc,
    const char *name, enum typeset_paper paper, struct diag *d,
    enum typeset_status *st)
{
	const xmlNode	*root, *n;

	memset(r, 0, sizeof(*r));
	r->ts = ts;
	r->d = d;
	r->name = name;
	*st = TYPESET_REJECTED;
	if (validate_run(ts->schema, doc, name, d) != 0)
		return NULL;
	root = xmlDocGetRootElement(doc);
	r->ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	r->ctx = ts_context_new(ts->fontmap);
	if (ts_need_system_fonts(ts, doc) != 0) {
		diag_error(d, name, 0, "out of memory loading the fonts");
		*st = TYPESET_INTERNAL;
		return NULL;
	}
	if (ts->sys_fontmap != NULL)
		r->sys_ctx = ts_context_new(ts->sys_fontmap);
	r->lang = ts_attr_of(root, "lang");
	ts_parse_head(r, root, paper);
	ts_parse_date(r, root);
	*st = TYPESET_OK;
	for (n = root->children; n != NULL && !ts_is_el(n, "body"); n = n->next)
		;
	return n;
}

enum typeset_status
typeset_render_memory(struct typeset *ts, xmlDocPtr doc, const char *name,
    enum typeset_paper paper, unsigned char **pdf, size_t *len,
    size_t *pages, struct diag *d)
{
	struct render		 r;
	struct membuf		 out;
	struct paginate		*pg = NULL;
	struct pdfpost_info	 info;
	const xmlNode		*n;
	enum typeset_status	 st = TYPESET_REJECTED;
	char			 err[512], *lang = NULL;

	*pdf = NULL;
	*len = 0;
	memset(&out, 0, sizeof(out));
	if ((n = render_setup(&r, ts, doc, name, paper, d, &st)) == NULL &&
	    st != TYPESET_OK)
		goto out;
	if ((pg = lay_out(&r, n, 0, &st)) == NULL)
		goto out;
	if ((st = ts_draw_all(&r, pg, &out)) != TYPESET_OK)
		goto out;
	/* the layouts go before qpdf reads the PDF: not both in memory */
	if (pages != NULL)
		*pages = pg->pages;
	paginate_free(pg);
	pg = NULL;
	lang = r.lang;
	r.lang = NULL;
	render_free(&r);
	memset(&r, 0, sizeof(r));
	/* What Cairo 1.16 cannot write: the language, the title shown. */
	info.lang = lang;
	info.display_title = 1;
	info.header_scope = 1;
	if (pdfpost_run(out.data, out.len, &info, pdf, len, err,
	    sizeof(err)) != 0) {
		diag_error(d, name, 0, "cannot finish the PDF: %s", err);
		st = TYPESET_INTERNAL;
		goto out;
	}
out:
	free(out.data);
	xmlFree(lang);
	paginate_free(pg);
	render_free(&r);
	return st;
}

enum typeset_status
typeset_count_pages(struct typeset *ts, xmlDocPtr doc, const char *name,
    enum typeset_paper paper, size_t *pages, struct diag *d)
{
	struct render		 r;
	struct paginate		*pg = NULL;
	const xmlNode		*n;
	enum typeset_status	 st;

	*pages = 0;
	if ((n = render_setup(&r, ts, doc, name, paper, d, &st)) == NULL &&
	    st != TYPESET_OK)
		goto out;
	if ((pg = lay_out(&r, n, 0, &st)) == NULL)
		goto out;
	*pages = pg->pages;
out:
	paginate_free(pg);
	render_free(&r);
	return st;
}

enum typeset_status
typeset_render(struct typeset *ts, xmlDocPtr doc, const char *name,
    enum typeset_paper paper, const char *out_path, struct diag *d)
{
	unsigned char		*pdf = NULL;
	size_t			 len = 0;
	enum typeset_status	 st;

	st = typeset_render_memory(ts, doc, name, paper, &pdf, &len, NULL, d);
	if (st == TYPESET_OK)
		switch (outfile_write(out_path, pdf, len, d)) {
		case OUTFILE_OK:
			break;
		case OUTFILE_CANNOT_CREATE:
			st = TYPESET_CANNOT_CREATE;
			break;
		case OUTFILE_IO_ERROR:
			st = TYPESET_IO_ERROR;
			break;
		}
	free(pdf);
	return st;
}

/* The stream of documents into one file (see typeset.h). */
struct typeset_stream {
	struct typeset		*ts;
	struct outfile		*out;
	struct draw		*dr;
	char			*name;		/* the file, in messages */
	enum typeset_paper	 paper;
	double			 page_w, page_h;
	char			*lang;
	GHashTable		*ids;		/* id -> its file page */
	struct typeset_anchor	*anchors;	/* pages: in the file */
	size_t			 nanchors;
	size_t			 pages;		/* drawn so far */
	off_t			 written;
	int			 failed;	/* a write failed */
	int			 broken;	/* a document failed drawn */
};

static int
stream_append(void *closure, const void *buf, size_t len)
{
	struct typeset_stream	*s = closure;

	return outfile_append(s->out, buf, len);
}

/*
 * Cairo's write callback: into the temporary file, failures kept here
 * and the bytes dropped (as membuf_write: Cairo is always told success).
 */
static cairo_status_t
stream_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct typeset_stream	*s = closure;

	if (s->failed || s->out == NULL)
		return CAIRO_STATUS_SUCCESS;
	if (outfile_append(s->out, data, length) != 0) {
		s->failed = 1;
		return CAIRO_STATUS_SUCCESS;
	}
	s->written += (off_t)length;
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Check that no id of r was defined by an earlier document, then note
 * where each starts in the file.  0, or -1 after reporting.
 */
static int
stream_note_ids(struct typeset_stream *s, struct render *r,
    const struct paginate *pg, int check)
{
	const struct blk	*b;
	size_t			 i;

	for (i = 0; check && i < pg->nfrags; i++) {
		b = &r->blks[pg->frags[i].box];
		if (b->id != NULL && pg->frags[i].first &&
		    g_hash_table_contains(s->ids, b->id)) {
			diag_error(r->d, r->name, 0, "the section id '%s' is "
			    "already used earlier in %s", b->id, s->name);
			return -1;
		}
	}
	if (add_id_pages(s->ids, r, pg, s->pages) != 0) {
		diag_error(r->d, r->name, 0, "out of memory");
		return -1;
	}
	return 0;
}

static void
stream_free(struct typeset_stream *s)
{
	size_t	i;

	if (s == NULL)
		return;
	if (s->ids != NULL)
		g_hash_table_destroy(s->ids);
	for (i = 0; i < s->nanchors; i++)
		free((char *)s->anchors[i].id);
	free(s->anchors);
	free(s->lang);
	free(s->name);
	free(s);
}

int
typeset_stream_signalled(const struct typeset_stream *s)
{
	return s->out != NULL ? outfile_signalled(s->out) : 0;
}

void
typeset_stream_discard(struct typeset_stream *s)
{
	if (s == NULL)
		return;
	/* the temporary file first: Cairo's last bytes go nowhere */
	outfile_discard(s->out);
	s->out = NULL;
	if (s->dr != NULL)
		(void)ts_draw_close(s->dr, &s->failed, NULL, s->name);
	stream_free(s);
}

enum typeset_status
typeset_stream_open(struct typeset *ts, xmlDocPtr head, const char *name,
    enum typeset_paper paper, const struct typeset_anchor *anchors,
    size_t nanchors, const char *out_path, struct typeset_stream **sp,
    struct diag *d)
{
	struct typeset_stream	*s;
	struct render		 r;
	struct paginate		*pg = NULL;
	const xmlNode		*n;
	enum typeset_status	 st;
	size_t			 i;

	*sp = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (s->name = strdup(out_path)) == NULL ||
	    (s->ids = g_hash_table_new_full(g_str_hash, g_str_equal, free,
	    NULL)) == NULL || (nanchors > 0 && (s->anchors = calloc(nanchors,
	    sizeof(*s->anchors))) == NULL)) {
		diag_error(d, out_path, 0, "out of memory");
		stream_free(s);
		return TYPESET_INTERNAL;
	}
	s->ts = ts;
	s->paper = paper;
	for (i = 0; i < nanchors; i++) {
		if ((s->anchors[i].id = strdup(anchors[i].id)) == NULL) {
			diag_error(d, out_path, 0, "out of memory");
			stream_free(s);
			return TYPESET_INTERNAL;
		}
		s->nanchors++;
		s->anchors[i].page = anchors[i].page;
	}
	if ((n = render_setup(&r, ts, head, name, paper, d, &st)) == NULL &&
	    st != TYPESET_OK)
		goto out;
	if ((r.anchors = g_hash_table_new(g_str_hash, g_str_equal)) == NULL) {
		diag_error(d, out_path, 0, "out of memory");
		st = TYPESET_INTERNAL;
		goto out;
	}
	for (i = 0; i < s->nanchors; i++)
		g_hash_table_add(r.anchors, (char *)s->anchors[i].id);
	if ((pg = build_and_paginate(&r, n, &st)) == NULL)
		goto out;
	/* Second pass: its own pages, then the anchors after them. */
	if (note_id_pages(&r, pg, 0) != 0) {
		st = TYPESET_INTERNAL;
		goto out;
	}
	for (i = 0; i < s->nanchors; i++) {
		s->anchors[i].page += pg->pages;
		if (!g_hash_table_contains(r.id_pages, s->anchors[i].id))
			g_hash_table_insert(r.id_pages,
			    strdup(s->anchors[i].id),
			    GSIZE_TO_POINTER(s->anchors[i].page));
	}
	if (r.page_refs > 0) {
		size_t	first = pg->pages;

		paginate_free(pg);
		render_clear(&r);
		if ((pg = build_and_paginate(&r, n, &st)) == NULL)
			goto out;
		if (pg->pages != first) {
			/* The anchors were counted from the first pass. */
			diag_error(d, name, 0, "the index changes length when "
			    "its page numbers are filled in");
			st = TYPESET_INTERNAL;
			goto out;
		}
	}
	s->page_w = r.page_w;
	s->page_h = r.page_h;
	if (r.lang != NULL && (s->lang = strdup((char *)r.lang)) == NULL) {
		diag_error(d, out_path, 0, "out of memory");
		st = TYPESET_INTERNAL;
		goto out;
	}
	if (outfile_open(out_path, &s->out, d) != OUTFILE_OK) {
		st = TYPESET_CANNOT_CREATE;
		goto out;
	}
	if ((s->dr = ts_draw_open(&r, stream_write, s)) == NULL) {
		diag_error(d, out_path, 0, "out of memory drawing the PDF");
		st = TYPESET_INTERNAL;
		goto out;
	}
	if (stream_note_ids(s, &r, pg, 0) != 0 ||
	    (st = ts_draw_doc(s->dr, &r, pg)) != TYPESET_OK) {
		st = TYPESET_INTERNAL;
		goto out;
	}
	s->pages = pg->pages;
	st = TYPESET_OK;
out:
	paginate_free(pg);
	render_free(&r);
	if (st != TYPESET_OK)
		typeset_stream_discard(s);
	else
		*sp = s;
	return st;
}

enum typeset_status
typeset_stream_add(struct typeset_stream *s, xmlDocPtr doc,
    const char *name, size_t *pages, struct diag *d)
{
	struct render		 r;
	struct paginate		*pg = NULL;
	const xmlNode		*n;
	enum typeset_status	 st;

	*pages = 0;
	if (s->failed)
		return outfile_failed(s->out, d) == OUTFILE_IO_ERROR ?
		    TYPESET_IO_ERROR : TYPESET_INTERNAL;
	if (s->broken) {
		diag_error(d, s->name, 0, "cannot add to the PDF: an earlier "
		    "document failed");
		return TYPESET_INTERNAL;
	}
	if ((n = render_setup(&r, s->ts, doc, name, s->paper, d, &st)) ==
	    NULL && st != TYPESET_OK)
		goto out;
	if (r.page_w != s->page_w || r.page_h != s->page_h) {
		diag_error(d, name, 0, "its page size is not the one of %s",
		    s->name);
		st = TYPESET_REJECTED;
		goto out;
	}
	if ((pg = lay_out(&r, n, s->pages, &st)) == NULL)
		goto out;
	if (s->pages + pg->pages > TYPESET_MAX_STREAM_PAGES) {
		diag_error(d, name, 0, "%s would have more than %d pages",
		    s->name, TYPESET_MAX_STREAM_PAGES);
		st = TYPESET_REJECTED;
		goto out;
	}
	if (stream_note_ids(s, &r, pg, 1) != 0) {
		st = TYPESET_REJECTED;
		goto out;
	}
	if ((st = ts_draw_doc(s->dr, &r, pg)) != TYPESET_OK) {
		s->broken = 1;
		goto out;
	}
	s->pages += pg->pages;
	*pages = pg->pages;
out:
	paginate_free(pg);
	render_free(&r);
	return st;
}

enum typeset_status
typeset_stream_close(struct typeset_stream *s, struct diag *d)
{
	enum typeset_status	 st = TYPESET_INTERNAL;
	struct pdfpost_info	 info;
	gpointer		 at;
	size_t			 i;
	struct draw		*dr = s->dr;
	const char		*path = NULL;
	char			 err[512], name[PATH_MAX];

	for (i = 0; i < s->nanchors; i++) {
		at = g_hash_table_lookup(s->ids, s->anchors[i].id);
		if (at == NULL || GPOINTER_TO_SIZE(at) != s->anchors[i].page) {
			diag_error(d, s->name, 0, "internal error: the index "
			    "gives page %zu for '%s', which is %s",
			    s->anchors[i].page, s->anchors[i].id, at == NULL ?
			    "not in the file" : "elsewhere");
			goto out;
		}
	}
	s->dr = NULL;
	if ((st = ts_draw_close(dr, &s->failed, d, s->name)) != TYPESET_OK) {
		/* a write that failed: the outfile says why */
		if (st == TYPESET_IO_ERROR &&
		    outfile_failed(s->out, d) != OUTFILE_IO_ERROR)
			st = TYPESET_INTERNAL;
		goto out;
	}
	/*
	 * What Cairo 1.16 cannot write: the language, the title shown (not
	 * the header cells' scope: see pdfpost.h), read back with qpdf.
	 */
	info.lang = s->lang;
	info.display_title = 1;
	info.header_scope = 0;
	if ((path = outfile_reading_path(s->out, name, sizeof(name))) ==
	    NULL || pdfpost_append(path, (size_t)s->written, &info,
	    stream_append, s, err, sizeof(err)) != 0) {
		diag_error(d, s->name, 0, "cannot finish the PDF: %s",
		    path == NULL ? "its name is too long" : err);
		st = TYPESET_INTERNAL;
		goto out;
	}
	switch (outfile_commit(s->out, d)) {
	case OUTFILE_OK:
		st = TYPESET_OK;
		break;
	case OUTFILE_CANNOT_CREATE:
		st = TYPESET_CANNOT_CREATE;
		break;
	case OUTFILE_IO_ERROR:
		st = TYPESET_IO_ERROR;
		break;
	}
	s->out = NULL;
out:
	typeset_stream_discard(s);
	return st;
}
