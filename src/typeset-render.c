/*
 * typeset-render: draw the paginated blocks into a tagged PDF in memory
 * (see typeset-int.h): vector marks, text lines, table rules, running
 * header and footer, links, bookmarks and metadata.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "diag.h"
#include "typeset-int.h"

static void
mark_circle(cairo_t *cr, double cx, double cy, double r, int fill)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, cx, cy, r, 0, 2 * G_PI);
	if (fill)
		cairo_fill(cr);
	else
		cairo_stroke(cr);
}

/* Draw mark m in the square of side s whose bottom-left is (x, y). */
static void
mark_draw(cairo_t *cr, enum mark m, double x, double y, double s)
{
	double	cx = x + s / 2, cy = y - s / 2, r = s / 2 - 0.5, lw;

	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	lw = s / 11;
	cairo_set_line_width(cr, lw);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	switch (m) {
	case MARK_CHECK:
		/* a check mark in a circle */
		mark_circle(cr, cx, cy, r, 0);
		cairo_set_line_width(cr, lw * 1.6);
		cairo_move_to(cr, cx - r * 0.5, cy + r * 0.02);
		cairo_line_to(cr, cx - r * 0.12, cy + r * 0.42);
		cairo_line_to(cr, cx + r * 0.52, cy - r * 0.4);
		cairo_stroke(cr);
		break;
	case MARK_CROSS:
		/* a white cross in a black disc */
		mark_circle(cr, cx, cy, r + lw / 2, 1);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, lw * 1.6);
		cairo_move_to(cr, cx - r * 0.42, cy - r * 0.42);
		cairo_line_to(cr, cx + r * 0.42, cy + r * 0.42);
		cairo_move_to(cr, cx + r * 0.42, cy - r * 0.42);
		cairo_line_to(cr, cx - r * 0.42, cy + r * 0.42);
		cairo_stroke(cr);
		break;
	case MARK_DASH:
		/* a dash in a circle */
		mark_circle(cr, cx, cy, r, 0);
		cairo_set_line_width(cr, lw * 1.6);
		cairo_move_to(cr, cx - r * 0.5, cy);
		cairo_line_to(cr, cx + r * 0.5, cy);
		cairo_stroke(cr);
		break;
	case MARK_QUESTION:
		/* a question mark in a diamond */
		cairo_move_to(cr, cx, cy - r - 0.3);
		cairo_line_to(cr, cx + r + 0.3, cy);
		cairo_line_to(cr, cx, cy + r + 0.3);
		cairo_line_to(cr, cx - r - 0.3, cy);
		cairo_close_path(cr);
		cairo_stroke(cr);
		cairo_set_line_width(cr, lw * 1.3);
		cairo_new_sub_path(cr);
		cairo_arc(cr, cx, cy - r * 0.28, r * 0.24, G_PI * 1.05,
		    G_PI * 2.3);
		cairo_line_to(cr, cx, cy + r * 0.16);
		cairo_stroke(cr);
		mark_circle(cr, cx, cy + r * 0.42, lw * 0.8, 1);
		break;
	case MARK_CLOCK:
		/* a clock */
		mark_circle(cr, cx, cy, r, 0);
		cairo_move_to(cr, cx, cy - r * 0.62);
		cairo_line_to(cr, cx, cy);
		cairo_line_to(cr, cx + r * 0.45, cy + r * 0.2);
		cairo_stroke(cr);
		break;
	case MARK_INFO:
		/* an "i" in a circle */
		mark_circle(cr, cx, cy, r, 0);
		mark_circle(cr, cx, cy - r * 0.45, lw * 0.9, 1);
		cairo_set_line_width(cr, lw * 1.5);
		cairo_move_to(cr, cx, cy - r * 0.12);
		cairo_line_to(cr, cx, cy + r * 0.55);
		cairo_stroke(cr);
		break;
	case MARK_BOX_EMPTY:
	case MARK_BOX_CHECKED:
	case MARK_BOX_CROSSED:
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
		cairo_rectangle(cr, x + 0.5, y - s + 0.5, s - 1, s - 1);
		cairo_stroke(cr);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_set_line_width(cr, lw * 1.5);
		if (m == MARK_BOX_CHECKED) {
			cairo_move_to(cr, x + s * 0.22, y - s * 0.5);
			cairo_line_to(cr, x + s * 0.42, y - s * 0.26);
			cairo_line_to(cr, x + s * 0.8, y - s * 0.78);
			cairo_stroke(cr);
		} else if (m == MARK_BOX_CROSSED) {
			cairo_move_to(cr, x + s * 0.24, y - s * 0.24);
			cairo_line_to(cr, x + s * 0.76, y - s * 0.76);
			cairo_move_to(cr, x + s * 0.76, y - s * 0.24);
			cairo_line_to(cr, x + s * 0.24, y - s * 0.76);
			cairo_stroke(cr);
		}
		break;
	case MARK_NONE:
		break;
	}
	cairo_restore(cr);
}

/* Pango calls this where a mark's U+FFFC stands in the text. */
void
ts_shape_renderer(cairo_t *cr, PangoAttrShape *attr, gboolean do_path,
    gpointer data)
{
	double	x, y, s;

	(void)data;
	if (do_path || !cairo_has_current_point(cr))
		return;
	cairo_get_current_point(cr, &x, &y);
	s = (double)attr->ink_rect.width / PANGO_SCALE;
	mark_draw(cr, (enum mark)GPOINTER_TO_UINT(attr->data),
	    x + (double)attr->ink_rect.x / PANGO_SCALE,
	    y + (double)(attr->ink_rect.y + attr->ink_rect.height) /
	    PANGO_SCALE, s);
}


/*
 * Cairo's write callback: into memory, failures recorded here (SECURITY.md
 * rule 12) and the bytes dropped.  Cairo is always told success: 1.16
 * aborts on an assertion when it finishes a surface its callback failed.
 */
static cairo_status_t
membuf_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct membuf	*m = closure;
	size_t		 cap;
	void		*nb;

	if (m->failed)
		return CAIRO_STATUS_SUCCESS;
	if (m->len + length > MAX_PDF_BYTES) {
		m->failed = 1;
		return CAIRO_STATUS_SUCCESS;
	}
	if (m->len + length > m->cap) {
		cap = m->cap ? m->cap : 65536;
		while (cap < m->len + length)
			cap *= 2;
		if ((nb = realloc(m->data, cap)) == NULL) {
			m->failed = 1;
			return CAIRO_STATUS_SUCCESS;
		}
		m->data = nb;
		m->cap = cap;
	}
	memcpy(m->data + m->len, data, length);
	m->len += length;
	return CAIRO_STATUS_SUCCESS;
}

/*
 * The drawing of one PDF, which may hold several documents one after the
 * other (a stream: typeset_stream_add); page is the page of the current
 * document, base the pages of the file before it.  A drawn page is shown
 * (cairo_show_page) only when the next one starts or the file ends, so
 * that the Document structure element closes on the last page.
 */
struct draw {
	struct render	*r;
	cairo_surface_t	*surface;
	cairo_t		*cr;
	int		 outline[4];	/* last bookmark id per level */
	size_t		 page, pages;
	size_t		 base;		/* pages of the file before r's */
	int		 unshown;	/* a drawn page waits for show_page */
	size_t		*page_part;	/* per page: 1 + its part, 0: none */
	size_t		*page_num;	/* per page: its number in its part */
	size_t		 loose;		/* pages outside every part */
	int		 part_outline;	/* the page's part's bookmark, or 0 */
};

/* Is line j of c shown in [from, to)? */
static int
line_shown(const struct cell *c, size_t j, double from, double to)
{
	return c->top[j] >= from - 1e-6 && c->cuts[j] <= to + 1e-6;
}

/*
 * The links of line j: the first one's Link element is opened here and
 * closed by the caller after the line is drawn, so that it contains its
 * text (Cairo 1.16 draws a line at once: the element holds the whole
 * line); any other link on the line gets its annotation only.  Returns
 * 1 when a Link element is open.
 */
static int
draw_links(struct draw *dr, const struct cell *c, size_t j, double x,
    double y)
{
	PangoLayoutLine	*line = pango_layout_get_line_readonly(c->layout,
			    (int)j);
	GString		*attrs;
	int		*ranges, n, k, open = 0;
	size_t		 i;
	int		 start, end;

	for (i = 0; i < c->nlinks; i++) {
		start = c->links[i].start;
		end = c->links[i].end;
		if (end <= line->start_index ||
		    start >= line->start_index + line->length)
			continue;
		pango_layout_line_get_x_ranges(line, start, end, &ranges, &n);
		if (n > 0) {
			attrs = g_string_new("rect=[");
			for (k = 0; k < n; k++)
				g_string_append_printf(attrs, "%.2f %.2f %.2f "
				    "%.2f ", x + c->lx[j] +
				    (double)ranges[2 * k] / PANGO_SCALE,
				    y + c->top[j], (double)(
				    ranges[2 * k + 1] - ranges[2 * k]) /
				    PANGO_SCALE, c->cuts[j] - c->top[j]);
			g_string_append_printf(attrs, "] dest='%s'",
			    c->links[i].dest);
			cairo_tag_begin(dr->cr, CAIRO_TAG_LINK, attrs->str);
			if (open)
				cairo_tag_end(dr->cr, CAIRO_TAG_LINK);
			open = 1;
			g_string_free(attrs, TRUE);
		}
		g_free(ranges);
	}
	return open;
}

/*
 * Draw the lines of c between offsets from and to, with the cell's
 * origin at (x, y - from).
 */
static void
draw_cell(struct draw *dr, const struct cell *c, double x, double y,
    double from, double to)
{
	size_t	j;
	int	open;

	if (c->layout == NULL)
		return;
	for (j = 0; j < c->nlines; j++) {
		if (!line_shown(c, j, from, to))
			continue;
		open = c->nlinks > 0 && draw_links(dr, c, j, x, y - from);
		cairo_move_to(dr->cr, x + c->lx[j], y - from + c->base[j]);
		pango_cairo_show_layout_line(dr->cr,
		    pango_layout_get_line_readonly(c->layout, (int)j));
		if (open)
			cairo_tag_end(dr->cr, CAIRO_TAG_LINK);
	}
}

static void
rule(cairo_t *cr, double x0, double x1, double y, double width, double grey)
{
	cairo_save(cr);
	cairo_set_source_rgb(cr, grey, grey, grey);
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* Navy for headings: prints as near-black in black and white. */
static void
ink_heading(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0.09, 0.16, 0.30);
}

static void
draw_heading(struct draw *dr, const struct blk *b,
    const struct paginate_frag *f, double x, double y)
{
	cairo_t		*cr = dr->cr;
	char		 tag[4], attrs[160];
	int		 k, parent;

	snprintf(tag, sizeof(tag), "H%d", b->level);
	cairo_tag_begin(cr, tag, "");
	if (b->id != NULL) {
		snprintf(attrs, sizeof(attrs), "name='%s'", b->id);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
	}
	ink_heading(cr);
	draw_cell(dr, &b->cells[0], x, y, f->from[0], f->to[0]);
	cairo_set_source_rgb(cr, 0, 0, 0);
	if (b->id != NULL)
		cairo_tag_end(cr, CAIRO_TAG_DEST);
	cairo_tag_end(cr, tag);
	if (b->level == 1)
		rule(cr, x, x + b->w, y + f->height + 3, 0.75, 0.35);
	/* Bookmarks nest by level; a missing level hangs from the root. */
	if (f->first && b->outline != NULL) {
		parent = dr->part_outline != 0 ? dr->part_outline :
		    CAIRO_PDF_OUTLINE_ROOT;
		for (k = b->level - 1; k >= 1; k--)
			if (dr->outline[k] != 0) {
				parent = dr->outline[k];
				break;
			}
		if (b->id != NULL)
			snprintf(attrs, sizeof(attrs), "dest='%s'", b->id);
		else
			snprintf(attrs, sizeof(attrs), "page=%zu pos=[%.2f "
			    "%.2f]", dr->base + dr->page + 1, x, y);
		dr->outline[b->level] = cairo_pdf_surface_add_outline(
		    dr->surface, parent, b->outline, attrs,
		    b->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		for (k = b->level + 1; k <= 3; k++)
			dr->outline[k] = 0;
	}
}

static void
draw_row(struct draw *dr, const struct blk *b, const struct paginate_frag *f,
    double x, double y)
{
	cairo_t		*cr = dr->cr;
	size_t		 k;
	const char	*celltag = b->header ? "TH" : "TD";

	if (b->table_first && f->first && !f->repeat)
		cairo_tag_begin(cr, "Table", "");
	if (b->header) {
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0.88, 0.90, 0.93);
		cairo_rectangle(cr, x, y, b->w, f->height);
		cairo_fill(cr);
		cairo_restore(cr);
		rule(cr, x, x + b->w, y, 0.8, 0.25);
	} else if (b->table_first && f->first)
		rule(cr, x, x + b->w, y, 0.8, 0.25);
	cairo_tag_begin(cr, "TR", "");
	for (k = 0; k < b->ncells; k++) {
		cairo_tag_begin(cr, celltag, "");
		draw_cell(dr, &b->cells[k], x + b->cells[k].x, y + b->box.pad,
		    f->from[k], f->to[k]);
		cairo_tag_end(cr, celltag);
	}
	cairo_tag_end(cr, "TR");
	if (b->header)
		rule(cr, x, x + b->w, y + f->height, 0.8, 0.25);
	else if (!(b->joined && f->last && !b->table_last))
		rule(cr, x, x + b->w, y + f->height, b->table_last && f->last ?
		    0.8 : 0.4, b->table_last && f->last ? 0.25 : RULE_GREY);
	if (b->table_last && f->last && !f->repeat)
		cairo_tag_end(cr, "Table");
}

static void
draw_frag(struct draw *dr, const struct paginate_frag *f)
{
	const struct blk	*b = &dr->r->blks[f->box];
	cairo_t			*cr = dr->cr;
	double			 x = dr->r->m.left + b->x;
	double			 y = dr->r->m.top + f->y, ly;
	const struct cell	*c;
	size_t			 j;

	switch (b->kind) {
	case BLK_HEADING:
		draw_heading(dr, b, f, x, y);
		break;
	case BLK_PARA:
		if (b->style == STYLE_NOTE) {
			cairo_save(cr);
			cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
			cairo_rectangle(cr, x - NOTE_INDENT, y + 1, 2,
			    f->height - 2);
			cairo_fill(cr);
			cairo_restore(cr);
			cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		}
		cairo_tag_begin(cr, "P", "");
		draw_cell(dr, &b->cells[0], x, y, f->from[0], f->to[0]);
		cairo_tag_end(cr, "P");
		cairo_set_source_rgb(cr, 0, 0, 0);
		break;
	case BLK_ITEM:
		if (b->list_first && f->first)
			cairo_tag_begin(cr, "L", "");
		cairo_tag_begin(cr, "LI", "");
		c = &b->cells[0];
		if (f->first && c->nlines > 0) {
			cairo_new_sub_path(cr);
			cairo_arc(cr, x - LIST_INDENT + 4.5,
			    y + c->base[0] - BODY_SIZE * 0.32, 1.7, 0,
			    2 * G_PI);
			cairo_fill(cr);
		}
		draw_cell(dr, c, x, y, f->from[0], f->to[0]);
		cairo_tag_end(cr, "LI");
		if (b->list_last && f->last)
			cairo_tag_end(cr, "L");
		break;
	case BLK_ROW:
		draw_row(dr, b, f, dr->r->m.left, y);
		break;
	case BLK_SIGNATURE:
		cairo_tag_begin(cr, "P", "");
		rule(cr, x, x + b->w * (b->lines == 1 ? 1 : 0.62), y + 30,
		    0.6, 0);
		if (b->lines == 2)
			rule(cr, x + b->cells[1].x, x + b->w, y + 30, 0.6, 0);
		cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
		draw_cell(dr, &b->cells[0], x, y + 32, 0, 1e9);
		draw_cell(dr, &b->cells[1], x + b->cells[1].x, y + 32, 0, 1e9);
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_tag_end(cr, "P");
		break;
	case BLK_WRITE:
		if (f->first && b->cells[0].nlines > 0) {
			cairo_tag_begin(cr, "P", "");
			cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
			draw_cell(dr, &b->cells[0], x, y, 0, 1e9);
			cairo_set_source_rgb(cr, 0, 0, 0);
			cairo_tag_end(cr, "P");
		}
		for (j = 0; j < (size_t)b->lines; j++) {
			if (b->own_cuts[j] <= f->from[0] + 1e-6 ||
			    b->own_cuts[j] > f->to[0] + 1e-6)
				continue;
			ly = y - f->from[0] + b->own_cuts[j] - 2;
			rule(cr, x, x + b->w, ly, 0.5, 0.6);
		}
		break;
	}
}

/* Replace {page} and {pages} in s. */
static char *
substitute(const char *s, size_t page, size_t pages)
{
	GString		*o = g_string_new(NULL);
	const char	*p = s;

	while (*p != '\0') {
		if (strncmp(p, "{page}", 6) == 0) {
			g_string_append_printf(o, "%zu", page);
			p += 6;
		} else if (strncmp(p, "{pages}", 7) == 0) {
			g_string_append_printf(o, "%zu", pages);
			p += 7;
		} else
			g_string_append_c(o, *p++);
	}
	return g_string_free(o, FALSE);
}

/* The running texts of the page: its part's where the part has them. */
static char *const *
running_of(const struct draw *dr, int which)
{
	size_t	p = dr->page_part[dr->page];

	if (p > 0 && dr->r->parts[p - 1].has[which])
		return dr->r->parts[p - 1].run_text[which];
	return dr->r->run_text[which];
}

/*
 * Left, centre and right each in their own third of the line, cut with
 * an ellipsis when longer; the note under the footer across the page.
 * {page} and {pages} count within the page's part; pages outside every
 * part are counted among themselves.
 */
static void
draw_running(struct draw *dr, int which, double top)
{
	static const PangoAlignment	 aligns[] = { PANGO_ALIGN_LEFT,
					     PANGO_ALIGN_CENTER,
					     PANGO_ALIGN_RIGHT,
					     PANGO_ALIGN_CENTER };
	struct render			*r = dr->r;
	char *const			*texts = running_of(dr, which);
	PangoLayout			*l;
	PangoFontDescription		*fd;
	char				*text;
	double				 w, x;
	size_t				 k, page = dr->page_num[dr->page];
	size_t				 p = dr->page_part[dr->page];
	size_t				 pages = dr->loose;

	if (p > 0)
		pages = r->parts[p - 1].pages;
	for (k = 0; k < 4; k++) {
		if (texts[k] == NULL || texts[k][0] == '\0')
			continue;
		text = substitute(texts[k], page, pages);
		w = k == 3 ? r->body_w : r->body_w / 3 - 4;
		x = k == 3 ? r->m.left : r->m.left + (r->body_w / 3) * k +
		    (k == 0 ? 0 : k == 1 ? 2 : 4);
		l = pango_layout_new(r->ctx);
		fd = ts_font_for(RUN_SIZE, 0, k == 3);
		pango_layout_set_font_description(l, fd);
		pango_font_description_free(fd);
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_alignment(l, aligns[k]);
		pango_layout_set_auto_dir(l, FALSE);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_text(l, text, -1);
		cairo_set_source_rgb(dr->cr, 0.3, 0.3, 0.3);
		cairo_move_to(dr->cr, x, k == 3 ? top + 12 : top);
		pango_cairo_show_layout(dr->cr, l);
		g_object_unref(l);
		g_free(text);
	}
	cairo_set_source_rgb(dr->cr, 0, 0, 0);
}

static void
draw_page_furniture(struct draw *dr)
{
	struct render	*r = dr->r;
	char *const	*head = running_of(dr, 0);
	size_t		 k;
	int		 header = 0;

	for (k = 0; k < 3; k++)
		if (head[k] != NULL && head[k][0] != '\0')
			header = 1;
	if (header) {
		draw_running(dr, 0, r->m.top - 36);
		rule(dr->cr, r->m.left, r->m.left + r->body_w, r->m.top - 20,
		    0.4, RULE_GREY);
	}
	rule(dr->cr, r->m.left, r->m.left + r->body_w,
	    r->page_h - r->m.bottom + 20, 0.4, RULE_GREY);
	draw_running(dr, 1, r->page_h - r->m.bottom + 26);
}

/* Which part each page belongs to, and each part's first page and count. */
static int
number_parts(struct draw *dr, const struct paginate *pg)
{
	struct render	*r = dr->r;
	struct part	*p;
	size_t		 i, k;

	free(dr->page_part);
	free(dr->page_num);
	dr->page_num = NULL;
	if ((dr->page_part = calloc(pg->pages + 1, sizeof(size_t))) == NULL ||
	    (dr->page_num = calloc(pg->pages + 1, sizeof(size_t))) == NULL)
		return -1;
	for (i = 0; i < pg->nfrags; i++)
		if (!pg->frags[i].repeat)
			dr->page_part[pg->frags[i].page] =
			    r->blks[pg->frags[i].box].part;
	for (k = 0; k < r->nparts; k++) {
		p = &r->parts[k];
		p->pages = 0;
		for (i = 0; i < pg->pages; i++)
			if (dr->page_part[i] == k + 1) {
				if (p->pages == 0)
					p->first = i;
				p->pages++;
				dr->page_num[i] = p->pages;
			}
	}
	for (i = 0; i < pg->pages; i++)
		if (dr->page_part[i] == 0)
			dr->page_num[i] = ++dr->loose;
	return 0;
}

static void
set_metadata(struct draw *dr)
{
	static const cairo_pdf_metadata_t	 keys[] = {
		CAIRO_PDF_METADATA_TITLE, CAIRO_PDF_METADATA_AUTHOR,
		CAIRO_PDF_METADATA_SUBJECT, CAIRO_PDF_METADATA_KEYWORDS };
	size_t					 k;

	for (k = 0; k < 4; k++)
		if (dr->r->meta[k] != NULL && dr->r->meta[k][0] != '\0')
			cairo_pdf_surface_set_metadata(dr->surface, keys[k],
			    dr->r->meta[k]);
	cairo_pdf_surface_set_metadata(dr->surface, CAIRO_PDF_METADATA_CREATOR,
	    "endorse " VERSION);
	/* Never the clock: equal input, byte-identical output. */
	cairo_pdf_surface_set_metadata(dr->surface,
	    CAIRO_PDF_METADATA_CREATE_DATE, dr->r->date);
	cairo_pdf_surface_set_metadata(dr->surface,
	    CAIRO_PDF_METADATA_MOD_DATE, dr->r->date);
}

struct draw *
ts_draw_open(struct render *r, cairo_write_func_t write, void *closure)
{
	struct draw	*dr;

	if ((dr = calloc(1, sizeof(*dr))) == NULL)
		return NULL;
	dr->r = r;
	dr->surface = cairo_pdf_surface_create_for_stream(write, closure,
	    r->page_w, r->page_h);
	cairo_pdf_surface_restrict_to_version(dr->surface,
	    CAIRO_PDF_VERSION_1_5);
	set_metadata(dr);
	dr->cr = cairo_create(dr->surface);
	cairo_tag_begin(dr->cr, "Document", "");
	return dr;
}

/*
 * A part with a bookmark of its own gets it on its first page, and its
 * headings' bookmarks nest under it (a combined file: one per applicant).
 */
static void
part_bookmark(struct draw *dr)
{
	size_t		 p = dr->page_part[dr->page];
	const struct part *part;
	char		 attrs[96];
	int		 k;

	if (p == 0) {
		dr->part_outline = 0;
		return;
	}
	part = &dr->r->parts[p - 1];
	if (part->first != dr->page)
		return;
	dr->part_outline = 0;
	for (k = 1; k <= 3; k++)
		dr->outline[k] = 0;
	if (part->bookmark == NULL || part->bookmark[0] == '\0')
		return;
	snprintf(attrs, sizeof(attrs), "page=%zu pos=[%.2f %.2f]",
	    dr->base + dr->page + 1, dr->r->m.left, dr->r->m.top);
	dr->part_outline = cairo_pdf_surface_add_outline(dr->surface,
	    CAIRO_PDF_OUTLINE_ROOT, part->bookmark, attrs, 0);
}

/* A block drawn for the last time: its layouts go (line metrics stay). */
static void
drop_text(struct blk *b)
{
	size_t	k;

	for (k = 0; k < b->ncells; k++)
		if (b->cells[k].layout != NULL) {
			g_object_unref(b->cells[k].layout);
			b->cells[k].layout = NULL;
		}
}

/* Draw the pages of r (paginated as pg) after those already drawn. */
enum typeset_status
ts_draw_doc(struct draw *dr, struct render *r, const struct paginate *pg)
{
	cairo_status_t	cst;
	size_t		i = 0, from, *last, k;

	dr->r = r;
	dr->base += dr->pages;
	dr->pages = pg->pages;
	/* numbered and bookmarked as in a file of its own */
	dr->loose = 0;
	dr->part_outline = 0;
	memset(dr->outline, 0, sizeof(dr->outline));
	if (number_parts(dr, pg) != 0) {
		diag_error(r->d, r->name, 0, "out of memory numbering pages");
		return TYPESET_INTERNAL;
	}
	/*
	 * Each block's text goes once its last page is drawn (a repeated
	 * table header's on the table's last page): a long document never
	 * holds all its shaped text while Cairo holds its pages.  NULL: kept.
	 */
	if ((last = calloc(r->nblks + 1, sizeof(*last))) != NULL)
		for (k = 0; k < pg->nfrags; k++)
			last[pg->frags[k].box] = pg->frags[k].page + 1;
	for (dr->page = 0; dr->page < pg->pages; dr->page++) {
		if (dr->unshown)
			cairo_show_page(dr->cr);
		part_bookmark(dr);
		draw_page_furniture(dr);
		for (from = i; i < pg->nfrags && pg->frags[i].page == dr->page;
		    i++)
			draw_frag(dr, &pg->frags[i]);
		for (; last != NULL && from < i; from++)
			if (last[pg->frags[from].box] == dr->page + 1)
				drop_text(&r->blks[pg->frags[from].box]);
		dr->unshown = 1;
	}
	free(last);
	dr->r = NULL;	/* freed by the caller after this */
	if ((cst = cairo_status(dr->cr)) != CAIRO_STATUS_SUCCESS) {
		diag_report(r->d, DIAG_ERROR, r->name, 0, 0, "cannot draw the "
		    "PDF: %s", cairo_status_to_string(cst));
		return TYPESET_INTERNAL;
	}
	return TYPESET_OK;
}

/*
 * Finish the file: the last page, then Cairo writes what it kept (fonts,
 * structure tree, outline).  failed: the write closure saw an error; then
 * TYPESET_IO_ERROR and nothing said: the caller knows why.  With d NULL
 * nothing is reported at all.  Frees dr.
 */
enum typeset_status
ts_draw_close(struct draw *dr, const int *failed, struct diag *d,
    const char *name)
{
	cairo_status_t		 cst;
	enum typeset_status	 st = TYPESET_OK;

	if (dr == NULL)
		return TYPESET_INTERNAL;
	cairo_tag_end(dr->cr, "Document");
	if (dr->unshown)
		cairo_show_page(dr->cr);
	if ((cst = cairo_status(dr->cr)) != CAIRO_STATUS_SUCCESS) {
		if (d != NULL)
			diag_report(d, DIAG_ERROR, name, 0, 0, "cannot draw "
			    "the PDF: %s", cairo_status_to_string(cst));
		st = TYPESET_INTERNAL;
	}
	cairo_destroy(dr->cr);
	cairo_surface_finish(dr->surface);
	cst = cairo_surface_status(dr->surface);
	if (st == TYPESET_OK && cst != CAIRO_STATUS_SUCCESS) {
		if (d != NULL)
			diag_report(d, DIAG_ERROR, name, 0, 0, "cannot make "
			    "the PDF: %s", cairo_status_to_string(cst));
		st = TYPESET_INTERNAL;
	} else if (st == TYPESET_OK && *failed)
		st = TYPESET_IO_ERROR;
	cairo_surface_destroy(dr->surface);
	free(dr->page_part);
	free(dr->page_num);
	free(dr);
	return st;
}

enum typeset_status
ts_draw_all(struct render *r, const struct paginate *pg, struct membuf *out)
{
	struct draw		*dr;
	enum typeset_status	 st, cst;

	if ((dr = ts_draw_open(r, membuf_write, out)) == NULL) {
		diag_error(r->d, r->name, 0, "out of memory drawing the PDF");
		return TYPESET_INTERNAL;
	}
	st = ts_draw_doc(dr, r, pg);
	if ((cst = ts_draw_close(dr, &out->failed, st == TYPESET_OK ? r->d :
	    NULL, r->name)) == TYPESET_IO_ERROR && st == TYPESET_OK)
		diag_report(r->d, DIAG_ERROR, r->name, 0, 0, "cannot make the "
		    "PDF: it is too large or memory ran out");
	if (cst != TYPESET_OK && st == TYPESET_OK)
		st = TYPESET_INTERNAL;
	return st;
}
