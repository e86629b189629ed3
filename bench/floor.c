/*
 * floor: what Pango and Cairo alone cost to set the text of a document.
 *
 *	floor FONTDIR TEXT OUT.pdf
 *
 * TEXT is the line format of bench/layout-text.xsl (made once from an
 * endorse layout, outside the timed part).  floor sets it as endorse
 * would, with nothing else: the same bundled fonts through a private
 * fontconfig configuration, Letter pages with 1 in margins, headings with
 * bookmarks, paragraphs and list items split between lines, tables with
 * relative column widths and a header row repeated on every page, a
 * running footer "Page N of M", metadata, a PDF written from memory.  No
 * XML, no XSLT, no validation, no text cleaning, no tagging: the floor
 * under endorse's cost, which `make bench` reports endorse against.
 *
 * A bench tool, not part of endorse: it trusts its input.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#define PAGE_W		612.0
#define PAGE_H		792.0
#define MARGIN		72.0
#define BODY_W		(PAGE_W - 2 * MARGIN)
#define CELL_PAD	4.0
#define MAX_COLS	12

enum kind { K_HEADING, K_PARA, K_ITEM, K_ROW };

/* One laid-out block: a heading, a paragraph, an item or a table row. */
struct box {
	enum kind	 kind;
	int		 level;		/* heading level */
	int		 header;	/* the table's header row */
	size_t		 table;		/* the table it belongs to, + 1 */
	size_t		 ncells;
	PangoLayout	*cell[MAX_COLS];
	double		 x[MAX_COLS];
	double		 h;
	double		 before;	/* space above */
	int		 page;
	double		 y;
};

struct doc {
	struct box	*boxes;
	size_t		 n, cap;
	size_t		 header_of[1024];	/* table + 1 -> header box + 1 */
	char		*title;
	int		 pages;
};

static PangoLayout *
layout_for(PangoContext *ctx, const char *text, double w, double size,
    int bold)
{
	PangoLayout		*l = pango_layout_new(ctx);
	PangoFontDescription	*fd = pango_font_description_from_string(
	    "Noto Sans");

	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text, -1);
	return l;
}

static double
height_of(PangoLayout *l)
{
	int	w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static struct box *
box_add(struct doc *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->boxes = realloc(d->boxes, d->cap * sizeof(*d->boxes));
		if (d->boxes == NULL)
			exit(70);
	}
	memset(&d->boxes[d->n], 0, sizeof(d->boxes[0]));
	return &d->boxes[d->n++];
}

/* Read TEXT and lay out every block at its width. */
static void
read_text(struct doc *d, PangoContext *ctx, FILE *in)
{
	char		*line = NULL, *f, *save;
	size_t		 cap = 0, k, ntables = 0;
	double		 widths[MAX_COLS], sum = 0, x;
	size_t		 ncols = 0;
	struct box	*b;
	ssize_t		 len;

	while ((len = getline(&line, &cap, in)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		f = strtok_r(line, "\t", &save);
		if (f == NULL)
			continue;
		if (strcmp(f, "T") == 0) {
			d->title = strdup((f = strtok_r(NULL, "\t", &save)) ?
			    f : "");
		} else if (f[0] == 'H') {
			b = box_add(d);
			b->kind = K_HEADING;
			b->level = atoi(f + 1);
			b->before = b->level == 1 ? 18 : 12;
			b->ncells = 1;
			b->cell[0] = layout_for(ctx, (f = strtok_r(NULL, "\t",
			    &save)) ? f : "", BODY_W, b->level == 1 ? 15 : 12,
			    1);
			b->h = height_of(b->cell[0]);
		} else if (strcmp(f, "P") == 0 || strcmp(f, "L") == 0) {
			b = box_add(d);
			b->kind = f[0] == 'P' ? K_PARA : K_ITEM;
			b->before = 6;
			b->ncells = 1;
			b->x[0] = b->kind == K_ITEM ? 14 : 0;
			b->cell[0] = layout_for(ctx, (f = strtok_r(NULL, "\t",
			    &save)) ? f : "", BODY_W - b->x[0], 9.5, 0);
			b->h = height_of(b->cell[0]);
		} else if (strcmp(f, "C") == 0) {
			ntables++;
			for (ncols = 0, sum = 0; ncols < MAX_COLS &&
			    (f = strtok_r(NULL, "\t", &save)) != NULL; ncols++)
				sum += widths[ncols] = atof(f);
		} else if (strcmp(f, "TH") == 0 || strcmp(f, "TR") == 0) {
			b = box_add(d);
			b->kind = K_ROW;
			b->header = f[1] == 'H';
			b->table = ntables;
			if (b->header && ntables < 1024)
				d->header_of[ntables] = d->n;
			for (k = 0, x = 0; k < ncols; k++) {
				f = strtok_r(NULL, "\t", &save);
				b->x[k] = x;
				b->cell[k] = layout_for(ctx, f ? f : "",
				    BODY_W * widths[k] / sum - 2 * CELL_PAD,
				    8.5, b->header);
				if (height_of(b->cell[k]) > b->h)
					b->h = height_of(b->cell[k]);
				x += BODY_W * widths[k] / sum;
			}
			b->ncells = ncols;
			b->h += 2 * CELL_PAD;
		} else if (strcmp(f, "E") == 0) {
			ncols = 0;
		}
	}
	free(line);
}

/* Place every box on a page; a table's header repeats after a break. */
static void
paginate(struct doc *d)
{
	double		 y = MARGIN, bottom = PAGE_H - MARGIN;
	size_t		 i, hb;
	struct box	*b;
	int		 page = 0;

	for (i = 0; i < d->n; i++) {
		b = &d->boxes[i];
		if (y + b->before + b->h > bottom && y > MARGIN) {
			page++;
			y = MARGIN;
			if (b->kind == K_ROW && !b->header &&
			    (hb = d->header_of[b->table]) != 0)
				y += d->boxes[hb - 1].h;
		}
		if (y > MARGIN)
			y += b->before;
		b->page = page;
		b->y = y;
		y += b->h;
	}
	d->pages = page + 1;
}

static void
draw_box(cairo_t *cr, const struct box *b, double y)
{
	size_t	k;

	for (k = 0; k < b->ncells; k++) {
		cairo_move_to(cr, MARGIN + b->x[k] + (b->kind == K_ROW ?
		    CELL_PAD : 0), y + (b->kind == K_ROW ? CELL_PAD : 0));
		pango_cairo_show_layout(cr, b->cell[k]);
	}
	if (b->kind == K_ROW) {
		cairo_set_line_width(cr, 0.4);
		cairo_move_to(cr, MARGIN, y + b->h);
		cairo_line_to(cr, MARGIN + BODY_W, y + b->h);
		cairo_stroke(cr);
	}
}

static cairo_status_t
to_memory(void *closure, const unsigned char *data, unsigned int len)
{
	GByteArray	*buf = closure;

	g_byte_array_append(buf, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static void
draw(struct doc *d, PangoContext *ctx, GByteArray *buf)
{
	cairo_surface_t	*s = cairo_pdf_surface_create_for_stream(to_memory,
	    buf, PAGE_W, PAGE_H);
	cairo_t		*cr = cairo_create(s);
	PangoLayout	*foot;
	char		 text[64];
	size_t		 i = 0, hb;
	int		 page;
	struct box	*b;

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
	    d->title ? d->title : "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
	    "2025-06-30");
	for (page = 0; page < d->pages; page++) {
		snprintf(text, sizeof(text), "Page %d of %d", page + 1,
		    d->pages);
		foot = layout_for(ctx, text, BODY_W, 8, 0);
		pango_layout_set_alignment(foot, PANGO_ALIGN_RIGHT);
		cairo_move_to(cr, MARGIN, PAGE_H - MARGIN + 24);
		pango_cairo_show_layout(cr, foot);
		g_object_unref(foot);
		for (; i < d->n && d->boxes[i].page == page; i++) {
			b = &d->boxes[i];
			if (b->kind == K_ROW && !b->header && (i == 0 ||
			    d->boxes[i - 1].page != page) &&
			    (hb = d->header_of[b->table]) != 0)
				draw_box(cr, &d->boxes[hb - 1], MARGIN);
			if (b->kind == K_HEADING) {
				snprintf(text, sizeof(text), "page=%d",
				    page + 1);
				cairo_pdf_surface_add_outline(s,
				    CAIRO_PDF_OUTLINE_ROOT, pango_layout_get_text(
				    b->cell[0]), text, 0);
			}
			draw_box(cr, b, b->y);
		}
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
}

/* The bundled fonts only, as endorse loads them. */
static PangoFontMap *
fontmap_new(const char *dir)
{
	FcConfig	*config = FcConfigCreate();
	PangoFontMap	*fm;
	struct dirent	**list;
	char		 path[4096];
	int		 n, i;

	if ((n = scandir(dir, &list, NULL, alphasort)) < 0)
		exit(66);
	for (i = 0; i < n; i++) {
		if (strstr(list[i]->d_name, ".ttf") != NULL) {
			snprintf(path, sizeof(path), "%s/%s", dir,
			    list[i]->d_name);
			FcConfigAppFontAddFile(config, (const FcChar8 *)path);
		}
		free(list[i]);
	}
	free(list);
	fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), config);
	FcConfigDestroy(config);
	return fm;
}

int
main(int argc, char *argv[])
{
	struct doc		 d;
	PangoFontMap		*fm;
	PangoContext		*ctx;
	cairo_font_options_t	*fo;
	GByteArray		*buf = g_byte_array_new();
	FILE			*in, *out;

	if (argc != 4) {
		fprintf(stderr, "usage: floor FONTDIR TEXT OUT.pdf\n");
		return 64;
	}
	if ((in = fopen(argv[2], "r")) == NULL)
		return 66;
	memset(&d, 0, sizeof(d));
	fm = fontmap_new(argv[1]);
	ctx = pango_font_map_create_context(fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72);

	read_text(&d, ctx, in);
	fclose(in);
	paginate(&d);
	draw(&d, ctx, buf);
	if ((out = fopen(argv[3], "wb")) == NULL ||
	    fwrite(buf->data, 1, buf->len, out) != buf->len || fclose(out))
		return 74;
	/* The OS frees the rest, as a cold endorse run may. */
	return 0;
}
