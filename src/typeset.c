/*
 * typeset: render a layout document to PDF (see typeset.h).
 *
 * Three passes over one document: build (typeset-block.c: walk the XML,
 * clean the text, make one PangoLayout per paragraph, heading, list item
 * and table cell, and measure its lines), paginate (pure arithmetic in
 * paginate.c), draw (typeset-render.c: page by page into a PDF surface
 * that writes into memory).  The page count is known before anything is
 * drawn, so "Page N of M" needs no second layout.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "outfile.h"
#include "typeset-int.h"
#include "validate.h"

static void
render_free(struct render *r)
{
	struct blk	*b;
	size_t		 i, k;

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
	for (k = 0; k < 4; k++) {
		free(r->meta[k]);
		free(r->run_text[0][k]);
		free(r->run_text[1][k]);
	}
	if (r->ids != NULL)
		g_hash_table_destroy(r->ids);
	free(r->link_to);
	free(r->link_line);
	if (r->ctx != NULL)
		g_object_unref(r->ctx);
	if (r->sys_ctx != NULL)
		g_object_unref(r->sys_ctx);
}

enum typeset_status
typeset_render_memory(struct typeset *ts, xmlDocPtr doc, const char *name,
    enum typeset_paper paper, unsigned char **pdf, size_t *len,
    size_t *pages, struct diag *d)
{
	struct render		 r;
	struct membuf		 out;
	struct paginate_box	*boxes = NULL;
	struct paginate		*pg = NULL;
	enum paginate_status	 pst;
	const xmlNode		*root, *n;
	enum typeset_status	 st = TYPESET_REJECTED;
	size_t			 i;

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
	if (ts->sys_fontmap != NULL)
		r.sys_ctx = ts_context_new(ts->sys_fontmap);
	ts_parse_head(&r, root, paper);
	ts_parse_date(&r, root);
	for (n = root->children; n != NULL && !ts_is_el(n, "body"); n = n->next)
		;
	if (n != NULL)
		ts_build_blocks(&r, n, 0);
	for (i = 0; i < r.nlink_to; i++)
		if (!g_hash_table_contains(r.ids, r.link_to[i])) {
			diag_report(d, DIAG_ERROR, name, r.link_line[i], 0,
			    "link to '%s': no section has this id",
			    r.link_to[i]);
			r.failed = 1;
		}
	if (r.nomem) {
		diag_error(d, name, 0, "out of memory laying out the document");
		st = TYPESET_INTERNAL;
		goto out;
	}
	if (r.failed)
		goto out;
	if (r.nblks > 0 &&
	    (boxes = calloc(r.nblks, sizeof(*boxes))) == NULL) {
		st = TYPESET_INTERNAL;
		goto out;
	}
	for (i = 0; i < r.nblks; i++)
		boxes[i] = r.blks[i].box;
	pg = paginate_run(boxes, r.nblks, r.body_h, TYPESET_MAX_PAGES, &pst);
	if (pg == NULL) {
		if (pst == PAGINATE_TOO_MANY_PAGES)
			diag_error(d, name, 0, "the document would have more "
			    "than %d pages", TYPESET_MAX_PAGES);
		else {
			diag_error(d, name, 0, "out of memory paginating");
			st = TYPESET_INTERNAL;
		}
		goto out;
	}
	if ((st = ts_draw_all(&r, pg, &out)) != TYPESET_OK)
		goto out;
	*pdf = out.data;
	*len = out.len;
	out.data = NULL;
	if (pages != NULL)
		*pages = pg->pages;
out:
	free(out.data);
	paginate_free(pg);
	free(boxes);
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
