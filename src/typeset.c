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
	for (i = 0; i < r->nparts; i++)
		for (j = 0; j < 2; j++)
			for (k = 0; k < 4; k++)
				free(r->parts[i].run_text[j][k]);
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
	if (r->id_pages != NULL)
		g_hash_table_destroy(r->id_pages);
	xmlFree(r->lang);
	if (r->ctx != NULL)
		g_object_unref(r->ctx);
	if (r->sys_ctx != NULL)
		g_object_unref(r->sys_ctx);
}

/* Remember the page each section id starts on (for <page-ref>). */
static int
note_id_pages(struct render *r, const struct paginate *pg)
{
	const struct blk	*b;
	size_t			 i;

	if (r->id_pages == NULL && (r->id_pages = g_hash_table_new_full(
	    g_str_hash, g_str_equal, free, NULL)) == NULL)
		return -1;
	for (i = 0; i < pg->nfrags; i++) {
		b = &r->blks[pg->frags[i].box];
		if (b->id != NULL && pg->frags[i].first &&
		    !g_hash_table_contains(r->id_pages, b->id))
			g_hash_table_insert(r->id_pages, strdup(b->id),
			    GSIZE_TO_POINTER(pg->frags[i].page + 1));
	}
	return 0;
}

/*
 * Build the blocks of body and paginate them.  Returns the pagination,
 * or NULL with *st set after reporting.
 */
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
		if (!g_hash_table_contains(r->ids, r->link_to[i])) {
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

enum typeset_status
typeset_render_memory(struct typeset *ts, xmlDocPtr doc, const char *name,
    enum typeset_paper paper, unsigned char **pdf, size_t *len,
    size_t *pages, struct diag *d)
{
	struct render		 r;
	struct membuf		 out;
	struct paginate		*pg = NULL;
	struct pdfpost_info	 info;
	const xmlNode		*root, *n;
	enum typeset_status	 st = TYPESET_REJECTED;
	char			 err[512];

	*pdf = NULL;
	*len = 0;
	memset(&r, 0, sizeof(r));
	memset(&out, 0, sizeof(out));
	r.ts = ts;
	r.d = d;
	r.name = name;
	if (validate_run(ts->schema, doc, name, d) != 0)
		goto out;
	root = xmlDocGetRootElement(doc);
	r.ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	r.ctx = ts_context_new(ts->fontmap);
	if (ts_need_system_fonts(ts, doc) != 0) {
		diag_error(d, name, 0, "out of memory loading the fonts");
		st = TYPESET_INTERNAL;
		goto out;
	}
	if (ts->sys_fontmap != NULL)
		r.sys_ctx = ts_context_new(ts->sys_fontmap);
	r.lang = ts_attr_of(root, "lang");
	ts_parse_head(&r, root, paper);
	ts_parse_date(&r, root);
	for (n = root->children; n != NULL && !ts_is_el(n, "body"); n = n->next)
		;
	if ((pg = build_and_paginate(&r, n, &st)) == NULL)
		goto out;
	if (r.page_refs > 0) {
		/* Second pass: the page numbers are known. */
		if (note_id_pages(&r, pg) != 0) {
			st = TYPESET_INTERNAL;
			goto out;
		}
		paginate_free(pg);
		render_clear(&r);
		if ((pg = build_and_paginate(&r, n, &st)) == NULL)
			goto out;
	}
	if ((st = ts_draw_all(&r, pg, &out)) != TYPESET_OK)
		goto out;
	/* What Cairo 1.16 cannot write: the language, the title shown. */
	info.lang = r.lang;
	info.display_title = 1;
	info.header_scope = 1;
	if (pdfpost_run(out.data, out.len, &info, pdf, len, err,
	    sizeof(err)) != 0) {
		diag_error(d, name, 0, "cannot finish the PDF: %s", err);
		st = TYPESET_INTERNAL;
		goto out;
	}
	if (pages != NULL)
		*pages = pg->pages;
out:
	free(out.data);
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
