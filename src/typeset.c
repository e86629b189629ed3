/*
 * typeset: render a layout document to PDF (see typeset.h).
 *
 * Three passes over one document: build (walk the XML, clean the text,
 * make one PangoLayout per paragraph, heading, list item and table cell,
 * and measure its lines), paginate (pure arithmetic in paginate.c), draw
 * (page by page into a PDF surface that writes into memory).  The page
 * count is known before anything is drawn, so "Page N of M" needs no
 * second layout.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "diag.h"
#include "outfile.h"
#include "paginate.h"
#include "typeset.h"
#include "validate.h"

#ifndef VERSION
#define VERSION "unknown"
#endif

#define LAYOUT_NS	"urn:endorse:layout:1"

/* Fonts, in order of preference; fontconfig falls back along the list. */
#define FAMILIES	"Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, " \
			"DejaVu Sans"

/* Text cleaning limits (SECURITY.md rule 10). */
#define MAX_MARKS	30	/* consecutive combining marks */
#define MAX_RUN		64	/* characters before a break opportunity */

/* Longest PDF we build in memory. */
#define MAX_PDF_BYTES	((size_t)256 * 1024 * 1024)

/* Longest text quoted in a warning. */
#define QUOTE_MAX	60

/* Characters the cleaner inserts or uses. */
#define U_ZWSP		"\xe2\x80\x8b"	/* U+200B zero width space */
#define U_FSI		"\xe2\x81\xa8"	/* U+2068 first strong isolate */
#define U_PDI		"\xe2\x81\xa9"	/* U+2069 pop directional isolate */
#define U_OBJ		"\xef\xbf\xbc"	/* U+FFFC object replacement */
#define U_NBSP		"\xc2\xa0"

/* Measures, in points. */
#define BODY_SIZE	10.0
#define SMALL_SIZE	8.5
#define NOTE_SIZE	9.0
#define CELL_SIZE	9.0
#define RUN_SIZE	8.0	/* running header and footer */
#define CELL_HPAD	5.0
#define CELL_VPAD	4.0
#define LIST_INDENT	14.0
#define NOTE_INDENT	10.0
#define RULE_GREY	0.55

/* Vector marks drawn in the text (PangoAttrShape data). */
enum mark {
	MARK_NONE,
	MARK_MET,
	MARK_NOT_MET,
	MARK_NOT_APPLICABLE,
	MARK_REVIEW,
	MARK_PENDING,
	MARK_ADVICE,
	MARK_BOX_EMPTY,
	MARK_BOX_CHECKED,
	MARK_BOX_CROSSED
};

static const struct {
	const char	*value;
	const char	*word;
	enum mark	 mark;
} statuses[] = {
	{ "met",		"Met",			MARK_MET },
	{ "not-met",		"Not met",		MARK_NOT_MET },
	{ "not-applicable",	"Not applicable",	MARK_NOT_APPLICABLE },
	{ "review",		"Review",		MARK_REVIEW },
	{ "pending",		"Pending",		MARK_PENDING },
	{ "advice",		"Advice",		MARK_ADVICE },
};

struct typeset {
	FcConfig	*config;	/* the bundled fonts only */
	PangoFontMap	*fontmap;
	FcConfig	*sys_config;	/* the system's, NULL when refused */
	PangoFontMap	*sys_fontmap;
	struct validate	*schema;
};

enum blk_kind {
	BLK_HEADING,
	BLK_PARA,
	BLK_ITEM,
	BLK_ROW,
	BLK_SIGNATURE,
	BLK_WRITE
};

enum para_style {
	STYLE_NORMAL,
	STYLE_SMALL,
	STYLE_NOTE
};

struct link {
	int		 start, end;	/* byte range in the layout's text */
	char		*dest;
};

/* A span of text named for people (@field), for warnings. */
struct field {
	int		 start, end;
	char		*label;
};

/* One measured text: a paragraph, a heading, a cell, a label. */
struct cell {
	PangoLayout	*layout;
	double		 x, w;		/* within the block */
	double		*cuts;		/* bottom of each line */
	double		*base;		/* baseline of each line */
	double		*top;		/* top of each line */
	double		*lx;		/* x offset of each line */
	size_t		 nlines;
	struct link	*links;
	size_t		 nlinks;
};

struct blk {
	enum blk_kind	 kind;
	int		 level;		/* heading level, 1-3 */
	enum para_style	 style;
	int		 header;	/* a table's header row */
	size_t		 table;		/* 1 + index of the table */
	int		 list_first, list_last;
	int		 table_first, table_last;
	struct cell	*cells;
	size_t		 ncells;
	double		 x, w;		/* content box within the body */
	char		*id;		/* heading link target */
	char		*outline;	/* heading text for the bookmarks */
	int		 lines;		/* write-space */
	double		 height;	/* signature, write-space */
	double		*own_cuts;	/* signature, write-space lines */
	struct paginate_box box;
	struct paginate_col *cols;
};

struct margins {
	double		 top, bottom, left, right;
};

/* Everything about one document being rendered. */
struct render {
	struct typeset	*ts;
	struct diag	*d;
	const char	*name;
	PangoContext	*ctx;
	PangoContext	*sys_ctx;
	double		 page_w, page_h;
	struct margins	 m;
	double		 body_w, body_h;
	char		*meta[4];	/* title, author, subject, keywords */
	char		*run_text[2][4];/* header/footer: left center right note */
	char		 date[64];	/* ISO 8601 for Cairo */
	struct blk	*blks;
	size_t		 nblks, cap;
	unsigned	 groups;
	size_t		 tables;
	int		 pending_break;
	GHashTable	*ids;		/* heading ids */
	char		**link_to;	/* every link target, to check */
	long		*link_line;
	size_t		 nlink_to, link_cap;
	int		 failed;	/* an error was reported */
	int		 nomem;
};

/* ------------------------------------------------------------------ */
/* Fonts                                                              */
/* ------------------------------------------------------------------ */

static PangoFontMap *
fontmap_for(FcConfig *config)
{
	PangoFontMap	*fm;

	fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (fm == NULL)
		return NULL;
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), config);
	return fm;
}

static int
is_font_file(const struct dirent *e)
{
	size_t	n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 4 &&
	    (strcmp(e->d_name + n - 4, ".ttf") == 0 ||
	    strcmp(e->d_name + n - 4, ".otf") == 0);
}

/*
 * Add every font file of dir, in name order.  File by file, not
 * FcConfigAppFontAddDir: a directory is cached, and a configuration of
 * our own has no cache directory ("No writable cache directories").
 */
static int
add_fonts(FcConfig *config, const char *dir, struct diag *d)
{
	struct dirent	**list = NULL;
	char		  path[PATH_MAX];
	int		  n, i, rc = 0;

	if ((n = scandir(dir, &list, is_font_file, alphasort)) < 0) {
		diag_error(d, dir, 0, "cannot read the fonts directory: %s",
		    strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    list[i]->d_name) >= sizeof(path) ||
		    !FcConfigAppFontAddFile(config, (const FcChar8 *)path)) {
			diag_error(d, path, 0, "cannot load the font");
			rc = -1;
		}
		free(list[i]);
	}
	free(list);
	return rc;
}

struct typeset *
typeset_new(const char *datadir, unsigned flags, struct diag *d)
{
	struct typeset	*ts = NULL;
	FcFontSet	*set;
	char		 dir[PATH_MAX], xsd[PATH_MAX];

	if ((size_t)snprintf(dir, sizeof(dir), "%s/fonts", datadir) >=
	    sizeof(dir) || (size_t)snprintf(xsd, sizeof(xsd),
	    "%s/schemas/layout.xsd", datadir) >= sizeof(xsd)) {
		diag_error(d, datadir, 0, "the data directory's name is too "
		    "long");
		return NULL;
	}
	if ((ts = calloc(1, sizeof(*ts))) == NULL)
		goto nomem;
	if ((ts->schema = validate_new(xsd, NULL, d)) == NULL)
		goto fail;
	/*
	 * A configuration of our own: no system fonts, no user fonts, no
	 * rules from /etc/fonts; only what fonts/ holds.
	 */
	if ((ts->config = FcConfigCreate()) == NULL)
		goto nomem;
	if (add_fonts(ts->config, dir, d) != 0)
		goto fail;
	set = FcConfigGetFonts(ts->config, FcSetApplication);
	if (set == NULL || set->nfont == 0) {
		diag_error(d, dir, 0, "no fonts in the fonts directory");
		goto fail;
	}
	if ((ts->fontmap = fontmap_for(ts->config)) == NULL)
		goto nomem;
	/*
	 * The system's fonts only for what the bundled ones lack: a block
	 * is laid out with them only when the bundled fonts miss a glyph.
	 */
	if (!(flags & TYPESET_NO_SYSTEM_FONTS) &&
	    (ts->sys_config = FcInitLoadConfigAndFonts()) != NULL &&
	    (ts->sys_fontmap = fontmap_for(ts->sys_config)) == NULL)
		goto nomem;
	return ts;
nomem:
	diag_error(d, datadir, 0, "out of memory loading the fonts");
fail:
	typeset_free(ts);
	return NULL;
}

void
typeset_free(struct typeset *ts)
{
	if (ts == NULL)
		return;
	/* shutdown drops the font map's hold on its configuration */
	if (ts->fontmap != NULL) {
		pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(ts->fontmap));
		g_object_unref(ts->fontmap);
	}
	if (ts->sys_fontmap != NULL) {
		pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(ts->sys_fontmap));
		g_object_unref(ts->sys_fontmap);
	}
	if (ts->config != NULL)
		FcConfigDestroy(ts->config);
	if (ts->sys_config != NULL)
		FcConfigDestroy(ts->sys_config);
	validate_free(ts->schema);
	free(ts);
}

/* ------------------------------------------------------------------ */
/* Vector marks                                                       */
/* ------------------------------------------------------------------ */

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
	case MARK_MET:
		/* a check mark in a circle */
		mark_circle(cr, cx, cy, r, 0);
		cairo_set_line_width(cr, lw * 1.6);
		cairo_move_to(cr, cx - r * 0.5, cy + r * 0.02);
		cairo_line_to(cr, cx - r * 0.12, cy + r * 0.42);
		cairo_line_to(cr, cx + r * 0.52, cy - r * 0.4);
		cairo_stroke(cr);
		break;
	case MARK_NOT_MET:
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
	case MARK_NOT_APPLICABLE:
		/* a dash in a circle */
		mark_circle(cr, cx, cy, r, 0);
		cairo_set_line_width(cr, lw * 1.6);
		cairo_move_to(cr, cx - r * 0.5, cy);
		cairo_line_to(cr, cx + r * 0.5, cy);
		cairo_stroke(cr);
		break;
	case MARK_REVIEW:
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
	case MARK_PENDING:
		/* a clock */
		mark_circle(cr, cx, cy, r, 0);
		cairo_move_to(cr, cx, cy - r * 0.62);
		cairo_line_to(cr, cx, cy);
		cairo_line_to(cr, cx + r * 0.45, cy + r * 0.2);
		cairo_stroke(cr);
		break;
	case MARK_ADVICE:
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
static void
shape_renderer(cairo_t *cr, PangoAttrShape *attr, gboolean do_path,
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

/* ------------------------------------------------------------------ */
/* Text cleaning and inline content                                   */
/* ------------------------------------------------------------------ */

/* Inline content being collected for one layout. */
struct inl {
	GString		*text;
	PangoAttrList	*attrs;
	struct link	*links;
	size_t		 nlinks, links_cap;
	struct field	*fields;
	size_t		 nfields, fields_cap;
	int		 space;		/* last emitted is a space (or start) */
	size_t		 run;		/* characters since a break */
	size_t		 marks;		/* consecutive combining marks */
	size_t		 chars;
	double		 size;		/* font size, for marks */
	int		 plain;		/* no break insertion (metadata) */
};

static int
is_bidi_control(gunichar c)
{
	return c == 0x200e || c == 0x200f || c == 0x061c || c == 0xfeff ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static int
is_break_after(gunichar c)
{
	return c == '-' || c == '/' || c == 0x200b || c == 0x2010 ||
	    c == 0x2013 || c == 0x2014 || c == '@' || c == '.' || c == '_';
}

/*
 * Append s to the text, cleaned: white space (and every other control
 * character) collapsed into one space, bidirectional controls dropped,
 * line and paragraph separators made line breaks, at most MAX_MARKS
 * combining marks in a row, a break opportunity after MAX_RUN
 * characters without one.
 */
static void
inl_append(struct inl *in, const char *s)
{
	const char	*p;
	gunichar	 c;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char_validated(p, -1);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		if (c < 0x20 || c == ' ' || (c >= 0x7f && c <= 0x9f)) {
			if (!in->space) {
				g_string_append_c(in->text, ' ');
				in->chars++;
			}
			in->space = 1;
			in->run = 0;
			in->marks = 0;
			continue;
		}
		if (is_bidi_control(c))
			continue;
		if (c == 0x2028 || c == 0x2029) {
			g_string_append_c(in->text, '\n');
			in->chars++;
			in->space = 1;
			in->run = 0;
			continue;
		}
		if (g_unichar_ismark(c)) {
			if (in->marks >= MAX_MARKS)
				continue;
			in->marks++;
		} else
			in->marks = 0;
		g_string_append_unichar(in->text, c);
		in->chars++;
		in->space = 0;
		if (g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR ||
		    is_break_after(c))
			in->run = 0;
		else if (!g_unichar_ismark(c) && ++in->run >= MAX_RUN &&
		    !in->plain) {
			g_string_append(in->text, U_ZWSP);
			in->run = 0;
		}
	}
}

/* Append text that is ours (a status word): never collapsed away. */
static void
inl_raw(struct inl *in, const char *s)
{
	g_string_append(in->text, s);
	in->chars += g_utf8_strlen(s, -1);
	in->space = 0;
	in->run = 0;
}

static void
inl_attr(struct inl *in, PangoAttribute *a, size_t start)
{
	a->start_index = (guint)start;
	a->end_index = (guint)in->text->len;
	pango_attr_list_insert(in->attrs, a);
}

static void
inl_mark(struct inl *in, enum mark m)
{
	PangoRectangle	 ink, logical;
	PangoAttribute	*a;
	size_t		 start;
	int		 s = (int)(in->size * 1.1 * PANGO_SCALE);

	if (!in->space && in->text->len > 0) {
		g_string_append_c(in->text, ' ');
		in->chars++;
	}
	start = in->text->len;
	ink.x = 0;
	ink.width = s;
	ink.height = s;
	ink.y = -(int)(in->size * 0.84 * PANGO_SCALE);
	logical = ink;
	logical.width = s;
	a = pango_attr_shape_new_with_data(&ink, &logical,
	    GUINT_TO_POINTER((unsigned)m), NULL, NULL);
	g_string_append(in->text, U_OBJ);
	inl_attr(in, a, start);
	g_string_append(in->text, U_NBSP);
	in->chars += 2;
	in->space = 1;
	in->run = 0;
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, BAD_CAST name) && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST LAYOUT_NS);
}

/* An attribute's value (caller frees with xmlFree), or NULL. */
static char *
attr_of(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, BAD_CAST name);
}

static int
attr_is(const xmlNode *n, const char *name, const char *value)
{
	char	*v = attr_of(n, name);
	int	 same = v != NULL && strcmp(v, value) == 0;

	xmlFree(v);
	return same;
}

static void
inl_walk(struct render *r, struct inl *in, const xmlNode *parent);

static void
inl_element(struct render *r, struct inl *in, const xmlNode *n)
{
	size_t	 start = in->text->len, i;
	char	*v, *content;
	void	*nb;

	if (is_el(n, "b")) {
		inl_walk(r, in, n);
		inl_attr(in, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
	} else if (is_el(n, "i")) {
		inl_walk(r, in, n);
		inl_attr(in, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
	} else if (is_el(n, "br")) {
		g_string_append_c(in->text, '\n');
		in->chars++;
		in->space = 1;
		in->run = 0;
	} else if (is_el(n, "span")) {
		/* Isolate the data from the text around it. */
		g_string_append(in->text, U_FSI);
		inl_walk(r, in, n);
		g_string_append(in->text, U_PDI);
		if ((v = attr_of(n, "field")) != NULL) {
			if (in->nfields == in->fields_cap) {
				in->fields_cap = in->fields_cap * 2 + 4;
				nb = realloc(in->fields, in->fields_cap *
				    sizeof(*in->fields));
				if (nb == NULL) {
					r->nomem = 1;
					xmlFree(v);
					return;
				}
				in->fields = nb;
			}
			in->fields[in->nfields].start = (int)start;
			in->fields[in->nfields].end = (int)in->text->len;
			in->fields[in->nfields].label = strdup(v);
			in->nfields++;
			xmlFree(v);
		}
	} else if (is_el(n, "link")) {
		inl_walk(r, in, n);
		inl_attr(in, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
		    start);
		inl_attr(in, pango_attr_foreground_new(0x1010, 0x3030, 0x7070),
		    start);
		if (in->nlinks == in->links_cap) {
			in->links_cap = in->links_cap * 2 + 4;
			nb = realloc(in->links, in->links_cap *
			    sizeof(*in->links));
			if (nb == NULL) {
				r->nomem = 1;
				return;
			}
			in->links = nb;
		}
		in->links[in->nlinks].start = (int)start;
		in->links[in->nlinks].end = (int)in->text->len;
		in->links[in->nlinks].dest = attr_of(n, "to");
		in->nlinks++;
	} else if (is_el(n, "status")) {
		v = attr_of(n, "value");
		content = (char *)xmlNodeGetContent(n);
		for (i = 0; i < G_N_ELEMENTS(statuses); i++)
			if (v != NULL && strcmp(v, statuses[i].value) == 0)
				break;
		if (i < G_N_ELEMENTS(statuses)) {
			inl_mark(in, statuses[i].mark);
			start = in->text->len;
			if (content != NULL && *content != '\0')
				inl_append(in, content);
			if (in->text->len == start)
				inl_raw(in, statuses[i].word);
			inl_attr(in, pango_attr_weight_new(
			    PANGO_WEIGHT_SEMIBOLD), start);
		}
		xmlFree(v);
		xmlFree(content);
	} else if (is_el(n, "checkbox")) {
		inl_mark(in, attr_is(n, "state", "checked") ?
		    MARK_BOX_CHECKED : attr_is(n, "state", "crossed") ?
		    MARK_BOX_CROSSED : MARK_BOX_EMPTY);
		content = (char *)xmlNodeGetContent(n);
		if (content != NULL)
			inl_append(in, content);
		xmlFree(content);
	}
}

static void
inl_walk(struct render *r, struct inl *in, const xmlNode *parent)
{
	const xmlNode	*n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				inl_append(in, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE)
			inl_element(r, in, n);
	}
}

static void
inl_free(struct inl *in)
{
	size_t	i;

	if (in->text != NULL)
		g_string_free(in->text, TRUE);
	if (in->attrs != NULL)
		pango_attr_list_unref(in->attrs);
	for (i = 0; i < in->nlinks; i++)
		xmlFree(in->links[i].dest);
	free(in->links);
	for (i = 0; i < in->nfields; i++)
		free(in->fields[i].label);
	free(in->fields);
	memset(in, 0, sizeof(*in));
}

static void
inl_init(struct inl *in, double size)
{
	memset(in, 0, sizeof(*in));
	in->text = g_string_new(NULL);
	in->attrs = pango_attr_list_new();
	in->space = 1;
	in->size = size;
}

/* Drop a trailing space. */
static void
inl_trim(struct inl *in)
{
	while (in->text->len > 0 && in->text->str[in->text->len - 1] == ' ')
		g_string_truncate(in->text, in->text->len - 1);
}

/* The cleaned text of an element, without break insertion. */
static char *
plain_text(struct render *r, const xmlNode *n)
{
	struct inl	 in;
	char		*s;

	inl_init(&in, BODY_SIZE);
	in.plain = 1;
	inl_walk(r, &in, n);
	inl_trim(&in);
	s = strdup(in.text->str);
	inl_free(&in);
	return s;
}

/* The heading's text for a bookmark: no marks, isolates or breaks. */
static char *
outline_text(const char *s)
{
	GString		*o = g_string_new(NULL);
	const char	*p;
	gunichar	 c;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == 0x200b || c == 0x2068 || c == 0x2069 || c == 0xfffc)
			continue;
		if (c == '\n' || c == 0xa0)
			c = ' ';
		g_string_append_unichar(o, c);
	}
	return g_string_free(o, FALSE);
}

/* ------------------------------------------------------------------ */
/* Building and measuring                                             */
/* ------------------------------------------------------------------ */

static struct blk *
blk_add(struct render *r, enum blk_kind kind, unsigned group)
{
	struct blk	*b;
	void		*nb;
	size_t		 cap;

	if (r->nblks == r->cap) {
		cap = r->cap ? r->cap * 2 : 64;
		if ((nb = realloc(r->blks, cap * sizeof(*r->blks))) == NULL) {
			r->nomem = 1;
			return NULL;
		}
		r->blks = nb;
		r->cap = cap;
	}
	b = &r->blks[r->nblks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->w = r->body_w;
	b->box.group = group;
	if (r->pending_break) {
		b->box.flags |= PAGINATE_BREAK_BEFORE;
		r->pending_break = 0;
	}
	return b;
}

static PangoFontDescription *
font_for(double size, int bold, int italic)
{
	PangoFontDescription	*fd = pango_font_description_from_string(
				    FAMILIES);

	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (italic)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	return fd;
}

static PangoLayout *
layout_make(PangoContext *ctx, const struct inl *in, double size,
    int bold, int italic, double width)
{
	PangoLayout		*l = pango_layout_new(ctx);
	PangoFontDescription	*fd = font_for(size, bold, italic);

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, in->text->str, (int)in->text->len);
	pango_layout_set_attributes(l, in->attrs);
	return l;
}

/* Name a layout element for a person, in warnings. */
static const char *
kind_word(const xmlNode *n)
{
	if (is_el(n, "heading"))
		return "heading";
	if (is_el(n, "item"))
		return "list item";
	if (is_el(n, "cell"))
		return "table cell";
	return "paragraph";
}

/*
 * Warn about characters no font has: name the field holding the first
 * one (a span's @field, else the element's or its ancestors' @field)
 * and quote its text.
 */
static void
warn_missing(struct render *r, PangoLayout *l, const struct inl *in,
    const xmlNode *n)
{
	PangoLayoutIter	*it = pango_layout_get_iter(l);
	PangoLayoutRun	*run;
	const xmlNode	*a;
	char		*label = NULL, *quote, clip[QUOTE_MAX * 4 + 8];
	const char	*what = NULL;
	int		 at = -1, k, start = 0, end = (int)in->text->len;
	size_t		 i;

	do {
		run = pango_layout_iter_get_run_readonly(it);
		if (run == NULL)
			continue;
		for (k = 0; k < run->glyphs->num_glyphs && at < 0; k++)
			if (run->glyphs->glyphs[k].glyph &
			    PANGO_GLYPH_UNKNOWN_FLAG)
				at = run->item->offset +
				    run->glyphs->log_clusters[k];
	} while (at < 0 && pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	for (i = 0; i < in->nfields; i++)
		if (at >= in->fields[i].start && at < in->fields[i].end) {
			what = in->fields[i].label;
			start = in->fields[i].start;
			end = in->fields[i].end;
		}
	for (a = n; what == NULL && a != NULL &&
	    a->type == XML_ELEMENT_NODE; a = a->parent)
		if ((label = attr_of(a, "field")) != NULL)
			break;
	if (what == NULL)
		what = label != NULL ? label : kind_word(n);
	quote = outline_text(in->text->str + start);
	if ((size_t)(end - start) < strlen(quote))
		quote[end - start] = '\0';
	diag_report(r->d, DIAG_WARNING, r->name, xmlGetLineNo(n), 0,
	    "%s: no font has a glyph for some characters of '%s'; they "
	    "print as boxes", what, diag_clip(quote, QUOTE_MAX, clip,
	    sizeof(clip)));
	free(quote);
	xmlFree(label);
}

/* Measure the lines of a laid-out cell. */
static int
cell_measure(struct cell *c)
{
	PangoLayoutIter	*it;
	PangoRectangle	 logical;
	int		 y0, y1;
	size_t		 n = (size_t)pango_layout_get_line_count(c->layout), j;

	c->cuts = calloc(n + 1, sizeof(double));
	c->base = calloc(n + 1, sizeof(double));
	c->top = calloc(n + 1, sizeof(double));
	c->lx = calloc(n + 1, sizeof(double));
	if (c->cuts == NULL || c->base == NULL || c->top == NULL ||
	    c->lx == NULL)
		return -1;
	it = pango_layout_get_iter(c->layout);
	j = 0;
	do {
		if (j >= n)
			break;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		c->top[j] = (double)y0 / PANGO_SCALE;
		c->cuts[j] = (double)y1 / PANGO_SCALE;
		c->base[j] = (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE;
		c->lx[j] = (double)logical.x / PANGO_SCALE;
		j++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	c->nlines = j;
	return 0;
}

/*
 * Lay out inline content in a cell of width w.  Returns -1 (reported)
 * when it is over a limit.
 */
static int
cell_fill(struct render *r, struct cell *c, struct inl *in,
    const xmlNode *n, double size, int bold, int italic, double w)
{
	if (in->chars > TYPESET_MAX_BLOCK_CHARS) {
		diag_report(r->d, DIAG_ERROR, r->name, xmlGetLineNo(n), 0,
		    "%s: the text is longer than %d characters",
		    kind_word(n), TYPESET_MAX_BLOCK_CHARS);
		r->failed = 1;
		return -1;
	}
	if (!isfinite(w) || w < 10)
		w = 10;
	c->w = w;
	/*
	 * No hyphen where a long word is broken (an e-mail address must
	 * print as it is), and one line height whatever the script: an
	 * Arabic name does not open a gap in a paragraph.
	 */
	pango_attr_list_insert_before(in->attrs,
	    pango_attr_insert_hyphens_new(FALSE));
	pango_attr_list_insert_before(in->attrs,
	    pango_attr_line_height_new_absolute((int)(size * 1.38 *
	    PANGO_SCALE)));
	c->layout = layout_make(r->ctx, in, size, bold, italic, w);
	if (pango_layout_get_unknown_glyphs_count(c->layout) > 0) {
		if (r->sys_ctx != NULL) {
			g_object_unref(c->layout);
			c->layout = layout_make(r->sys_ctx, in, size, bold,
			    italic, w);
		}
		if (pango_layout_get_unknown_glyphs_count(c->layout) > 0)
			warn_missing(r, c->layout, in, n);
	}
	c->links = in->links;
	c->nlinks = in->nlinks;
	in->links = NULL;
	in->nlinks = 0;
	if (cell_measure(c) != 0) {
		r->nomem = 1;
		return -1;
	}
	return 0;
}

static int
note_link_targets(struct render *r, const struct cell *c, const xmlNode *n)
{
	size_t	i;
	void	*nb;

	for (i = 0; i < c->nlinks; i++) {
		if (r->nlink_to == r->link_cap) {
			r->link_cap = r->link_cap * 2 + 16;
			if ((nb = realloc(r->link_to, r->link_cap *
			    sizeof(char *))) == NULL)
				return -1;
			r->link_to = nb;
			if ((nb = realloc(r->link_line, r->link_cap *
			    sizeof(long))) == NULL)
				return -1;
			r->link_line = nb;
		}
		r->link_to[r->nlink_to] = c->links[i].dest;
		r->link_line[r->nlink_to++] = xmlGetLineNo(n);
	}
	return 0;
}

/* One cell of inline content from element n. */
static int
build_text(struct render *r, struct cell *c, const xmlNode *n, double size,
    int bold, int italic, double w)
{
	struct inl	in;
	int		rc;

	inl_init(&in, size);
	inl_walk(r, &in, n);
	inl_trim(&in);
	rc = cell_fill(r, c, &in, n, size, bold, italic, w);
	if (rc == 0 && note_link_targets(r, c, n) != 0)
		r->nomem = 1;
	inl_free(&in);
	return rc;
}

/* A cell of plain text (labels). */
static int
build_label(struct render *r, struct cell *c, const xmlNode *n,
    const char *text, double size, double w)
{
	struct inl	in;
	int		rc;

	inl_init(&in, size);
	inl_append(&in, text);
	inl_trim(&in);
	rc = cell_fill(r, c, &in, n, size, 0, 0, w);
	inl_free(&in);
	return rc;
}

static int
blk_cells(struct render *r, struct blk *b, size_t n)
{
	if ((b->cells = calloc(n, sizeof(*b->cells))) == NULL ||
	    (b->cols = calloc(n, sizeof(*b->cols))) == NULL) {
		r->nomem = 1;
		return -1;
	}
	b->ncells = n;
	return 0;
}

/* Make the cells' lines the box's columns. */
static void
blk_box(struct blk *b)
{
	size_t	k;

	for (k = 0; k < b->ncells; k++) {
		b->cols[k].cuts = b->cells[k].cuts;
		b->cols[k].ncuts = b->cells[k].nlines;
	}
	b->box.cols = b->cols;
	b->box.ncols = b->ncells;
}

static void
build_heading(struct render *r, const xmlNode *section, const xmlNode *h,
    unsigned group)
{
	static const double	 sizes[] = { 16, 13, 11 };
	static const double	 before[] = { 20, 14, 10 };
	struct blk		*b;
	char			*v, *text;
	int			 level = 1;

	if ((v = attr_of(section, "level")) != NULL) {
		level = atoi(v);
		xmlFree(v);
	}
	if (level < 1 || level > 3)
		level = 1;
	if (attr_is(section, "new-page", "yes"))
		r->pending_break = 1;
	if ((b = blk_add(r, BLK_HEADING, group)) == NULL ||
	    blk_cells(r, b, 1) != 0)
		return;
	b->level = level;
	b->box.before = before[level - 1];
	b->box.after = level == 1 ? 8 : 4;
	b->box.flags |= PAGINATE_KEEP_NEXT | PAGINATE_WHOLE;
	if (build_text(r, &b->cells[0], h, sizes[level - 1], 1, 0,
	    b->w) != 0)
		return;
	blk_box(b);
	if ((text = plain_text(r, h)) != NULL) {
		b->outline = outline_text(text);
		free(text);
	}
	if ((v = attr_of(section, "id")) != NULL) {
		if (g_hash_table_contains(r->ids, v)) {
			diag_report(r->d, DIAG_ERROR, r->name,
			    xmlGetLineNo(section), 0, "section id '%s' is used "
			    "twice", v);
			r->failed = 1;
		} else
			g_hash_table_add(r->ids, strdup(v));
		b->id = strdup(v);
		xmlFree(v);
	}
}

static void
build_para(struct render *r, const xmlNode *n, enum blk_kind kind,
    unsigned group)
{
	struct blk	*b;
	double		 size = BODY_SIZE, indent = 0;
	int		 italic = 0;

	if ((b = blk_add(r, kind, group)) == NULL || blk_cells(r, b, 1) != 0)
		return;
	if (attr_is(n, "style", "small")) {
		b->style = STYLE_SMALL;
		size = SMALL_SIZE;
	} else if (attr_is(n, "style", "note")) {
		b->style = STYLE_NOTE;
		size = NOTE_SIZE;
		indent = NOTE_INDENT;
	}
	if (kind == BLK_ITEM)
		indent = LIST_INDENT;
	b->x = indent;
	b->w = r->body_w - indent;
	b->box.before = kind == BLK_ITEM ? 3 : 6;
	b->box.flags |= PAGINATE_ORPHANS;
	if (build_text(r, &b->cells[0], n, size, 0, italic, b->w) != 0)
		return;
	blk_box(b);
}

static void
build_table(struct render *r, const xmlNode *t, unsigned group)
{
	const xmlNode	*n, *c;
	double		 widths[12], x[13], total = 0;
	size_t		 ncols = 0, k, first = r->nblks;
	struct blk	*b;
	char		*v;
	int		 w;

	for (n = t->children; n != NULL; n = n->next)
		if (is_el(n, "col") && ncols < 12) {
			w = 1;
			if ((v = attr_of(n, "width")) != NULL) {
				w = atoi(v);
				xmlFree(v);
			}
			if (w < 1 || w > 100)
				w = 1;
			widths[ncols++] = w;
			total += w;
		}
	if (ncols == 0)
		return;
	r->tables++;
	x[0] = 0;
	for (k = 0; k < ncols; k++)
		x[k + 1] = x[k] + r->body_w * widths[k] / total;
	for (n = t->children; n != NULL; n = n->next) {
		if (!is_el(n, "header") && !is_el(n, "row"))
			continue;
		if ((b = blk_add(r, BLK_ROW, group)) == NULL ||
		    blk_cells(r, b, ncols) != 0)
			return;
		b->table = r->tables;
		b->header = is_el(n, "header");
		b->box.table = (unsigned)r->tables;
		b->box.pad = CELL_VPAD;
		b->box.flags |= PAGINATE_WHOLE;
		if (b->header)
			b->box.flags |= PAGINATE_HEADER | PAGINATE_KEEP_NEXT;
		k = 0;
		for (c = n->children; c != NULL; c = c->next) {
			if (!is_el(c, "cell"))
				continue;
			if (k >= ncols) {
				diag_report(r->d, DIAG_ERROR, r->name,
				    xmlGetLineNo(c), 0, "the row has more "
				    "cells than the table has columns (%zu)",
				    ncols);
				r->failed = 1;
				break;
			}
			b->cells[k].x = x[k] + CELL_HPAD;
			if (build_text(r, &b->cells[k], c, CELL_SIZE,
			    b->header, 0, x[k + 1] - x[k] - 2 * CELL_HPAD) != 0)
				return;
			k++;
		}
		for (; k < ncols; k++)
			b->cells[k].x = x[k] + CELL_HPAD;
		blk_box(b);
	}
	if (r->nblks > first) {
		r->blks[first].table_first = 1;
		r->blks[first].box.before = 10;
		r->blks[r->nblks - 1].table_last = 1;
		r->blks[r->nblks - 1].box.after = 4;
	}
}

static void
build_signature(struct render *r, const xmlNode *n, unsigned group)
{
	struct blk	*b;
	char		*label = attr_of(n, "label");
	char		*date = attr_of(n, "date-label");

	if ((b = blk_add(r, BLK_SIGNATURE, group)) == NULL ||
	    blk_cells(r, b, 2) != 0)
		goto out;
	b->box.before = 10;
	b->box.flags |= PAGINATE_WHOLE;
	b->cells[1].x = r->body_w * 0.68;
	if (build_label(r, &b->cells[0], n, label ? label : "",
	    SMALL_SIZE, r->body_w * 0.62) != 0 ||
	    build_label(r, &b->cells[1], n, date ? date : "Date",
	    SMALL_SIZE, r->body_w * 0.32) != 0)
		goto out;
	/* Room to sign, the line, then the labels under it. */
	b->height = 30 + 2 + (b->cells[0].nlines > 0 ?
	    b->cells[0].cuts[b->cells[0].nlines - 1] : 0);
	if ((b->own_cuts = calloc(1, sizeof(double))) == NULL) {
		r->nomem = 1;
		goto out;
	}
	b->own_cuts[0] = b->height;
	b->cols[0].cuts = b->own_cuts;
	b->cols[0].ncuts = 1;
	b->box.cols = b->cols;
	b->box.ncols = 1;
out:
	xmlFree(label);
	xmlFree(date);
}

static void
build_write(struct render *r, const xmlNode *n, unsigned group)
{
	struct blk	*b;
	char		*v;
	double		 label_h = 0;
	int		 lines = 3, k;

	if ((v = attr_of(n, "lines")) != NULL) {
		lines = atoi(v);
		xmlFree(v);
	}
	if (lines < 1 || lines > 40)
		lines = 3;
	if ((b = blk_add(r, BLK_WRITE, group)) == NULL ||
	    blk_cells(r, b, 1) != 0)
		return;
	b->lines = lines;
	b->box.before = 6;
	b->box.flags |= PAGINATE_WHOLE;
	v = attr_of(n, "label");
	if (build_label(r, &b->cells[0], n, v ? v : "", SMALL_SIZE,
	    r->body_w) != 0) {
		xmlFree(v);
		return;
	}
	if (v != NULL && *v != '\0')
		label_h = b->cells[0].cuts[b->cells[0].nlines - 1];
	else
		b->cells[0].nlines = 0;
	xmlFree(v);
	if ((b->own_cuts = calloc((size_t)lines, sizeof(double))) == NULL) {
		r->nomem = 1;
		return;
	}
	for (k = 0; k < lines; k++)
		b->own_cuts[k] = label_h + 22.0 * (k + 1);
	b->height = label_h;	/* where the ruled lines start */
	b->cols[0].cuts = b->own_cuts;
	b->cols[0].ncuts = (size_t)lines;
	b->box.cols = b->cols;
	b->box.ncols = 1;
}

static void
build_blocks(struct render *r, const xmlNode *parent, unsigned group)
{
	const xmlNode	*n, *c;
	size_t		 first;
	unsigned	 g;

	for (n = parent->children; n != NULL && !r->nomem; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(n, "section")) {
			for (c = n->children; c != NULL && !is_el(c, "heading");
			    c = c->next)
				;
			if (c != NULL)
				build_heading(r, n, c, group);
			build_blocks(r, n, group);
		} else if (is_el(n, "p"))
			build_para(r, n, BLK_PARA, group);
		else if (is_el(n, "list")) {
			first = r->nblks;
			for (c = n->children; c != NULL; c = c->next)
				if (is_el(c, "item"))
					build_para(r, c, BLK_ITEM, group);
			if (r->nblks > first) {
				r->blks[first].list_first = 1;
				r->blks[first].box.before = 6;
				r->blks[r->nblks - 1].list_last = 1;
			}
		} else if (is_el(n, "table"))
			build_table(r, n, group);
		else if (is_el(n, "keep")) {
			g = group != 0 ? group : ++r->groups;
			build_blocks(r, n, g);
		} else if (is_el(n, "signature-line"))
			build_signature(r, n, group);
		else if (is_el(n, "write-space"))
			build_write(r, n, group);
		else if (is_el(n, "page-break"))
			r->pending_break = 1;
	}
}

/* "72pt", "25mm", "2.5cm", "1in" in points; -1 when malformed. */
static double
parse_length(const char *s)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || !isfinite(v) || v < 0)
		return -1;
	if (strcmp(end, "pt") == 0)
		return v;
	if (strcmp(end, "mm") == 0)
		return v * 72 / 25.4;
	if (strcmp(end, "cm") == 0)
		return v * 72 / 2.54;
	if (strcmp(end, "in") == 0)
		return v * 72;
	return -1;
}

static int
parse_date(struct render *r, const xmlNode *root)
{
	char		*v = attr_of(root, "created");
	int		 y, mo, da, h = 0, mi = 0, s = 0, n = 0, rc = -1;
	size_t		 len;

	if (v == NULL)
		goto bad;
	len = strlen(v);
	if (len == 10) {
		if (sscanf(v, "%4d-%2d-%2d%n", &y, &mo, &da, &n) != 3 || n != 10)
			goto bad;
	} else if (len >= 19) {
		if (sscanf(v, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &da, &h,
		    &mi, &s, &n) != 6 || n != 19)
			goto bad;
	} else
		goto bad;
	if (y < 1 || y > 9999 || mo < 1 || mo > 12 || da < 1 || da > 31 ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 ||
	    len > 25)
		goto bad;
	/* Cairo turns this into the PDF's D:YYYYMMDDHHmmSS dates. */
	snprintf(r->date, sizeof(r->date), "%04d-%02d-%02dT%02d:%02d:%02d%s",
	    y, mo, da, h, mi, s, len > 19 ? v + 19 : "Z");
	rc = 0;
	goto out;
bad:
	diag_report(r->d, DIAG_ERROR, r->name, xmlGetLineNo(root), 0,
	    "element 'document', attribute 'created': '%s' is not a valid "
	    "date", v != NULL ? v : "");
	r->failed = 1;
out:
	xmlFree(v);
	return rc;
}

static void
parse_running(struct render *r, const xmlNode *n, int which)
{
	static const char *const parts[] = { "left", "center", "right",
					      "note" };
	const xmlNode		*c;
	size_t			 k;

	for (c = n->children; c != NULL; c = c->next)
		for (k = 0; k < 4; k++)
			if (is_el(c, parts[k]) && r->run_text[which][k] == NULL)
				r->run_text[which][k] = plain_text(r, c);
}

static void
parse_head(struct render *r, const xmlNode *root, enum typeset_paper paper)
{
	static const char *const metas[] = { "title", "author", "subject",
					     "keywords" };
	static const char *const sides[] = { "top", "bottom", "left",
					     "right" };
	const xmlNode		*n;
	double			 v, *dst[4];
	char			*s;
	size_t			 k;
	int			 a4 = attr_is(root, "page-size", "a4"), footer = 0;

	if (paper == TYPESET_PAPER_A4)
		a4 = 1;
	else if (paper == TYPESET_PAPER_LETTER)
		a4 = 0;
	r->page_w = a4 ? 595.276 : 612;
	r->page_h = a4 ? 841.89 : 792;
	r->m.top = r->m.bottom = r->m.left = r->m.right = 72;
	dst[0] = &r->m.top;
	dst[1] = &r->m.bottom;
	dst[2] = &r->m.left;
	dst[3] = &r->m.right;
	for (n = root->children; n != NULL; n = n->next) {
		for (k = 0; k < 4; k++)
			if (is_el(n, metas[k]) && r->meta[k] == NULL)
				r->meta[k] = plain_text(r, n);
		if (is_el(n, "margins"))
			for (k = 0; k < 4; k++) {
				if ((s = attr_of(n, sides[k])) == NULL)
					continue;
				v = parse_length(s);
				xmlFree(s);
				/* Clamp: room for the running texts. */
				if (v >= 0)
					*dst[k] = v < 36 ? 36 : v > 216 ?
					    216 : v;
			}
		if (is_el(n, "header"))
			parse_running(r, n, 0);
		if (is_el(n, "footer")) {
			parse_running(r, n, 1);
			footer = 1;
		}
	}
	if (!footer)
		r->run_text[1][2] = strdup("Page {page} of {pages}");
	r->body_w = r->page_w - r->m.left - r->m.right;
	r->body_h = r->page_h - r->m.top - r->m.bottom;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */
/* ------------------------------------------------------------------ */

struct membuf {
	unsigned char	*data;
	size_t		 len, cap;
	int		 failed;
};

/* Cairo's write callback: into memory, failures recorded here. */
static cairo_status_t
membuf_write(void *closure, const unsigned char *data, unsigned int length)
{
	struct membuf	*m = closure;
	size_t		 cap;
	void		*nb;

	if (m->failed)
		return CAIRO_STATUS_WRITE_ERROR;
	if (m->len + length > MAX_PDF_BYTES) {
		m->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	if (m->len + length > m->cap) {
		cap = m->cap ? m->cap : 65536;
		while (cap < m->len + length)
			cap *= 2;
		if ((nb = realloc(m->data, cap)) == NULL) {
			m->failed = 1;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		m->data = nb;
		m->cap = cap;
	}
	memcpy(m->data + m->len, data, length);
	m->len += length;
	return CAIRO_STATUS_SUCCESS;
}

struct draw {
	struct render	*r;
	cairo_surface_t	*surface;
	cairo_t		*cr;
	int		 outline[4];	/* last bookmark id per level */
	size_t		 page, pages;
};

/* Is line j of c shown in [from, to)? */
static int
line_shown(const struct cell *c, size_t j, double from, double to)
{
	return c->top[j] >= from - 1e-6 && c->cuts[j] <= to + 1e-6;
}

static void
draw_links(struct draw *dr, const struct cell *c, size_t j, double x,
    double y)
{
	PangoLayoutLine	*line = pango_layout_get_line_readonly(c->layout,
			    (int)j);
	GString		*attrs;
	int		*ranges, n, k;
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
				    "%.2f ", x + (double)ranges[2 * k] /
				    PANGO_SCALE, y + c->top[j], (double)(
				    ranges[2 * k + 1] - ranges[2 * k]) /
				    PANGO_SCALE, c->cuts[j] - c->top[j]);
			g_string_append_printf(attrs, "] dest='%s'",
			    c->links[i].dest);
			cairo_tag_begin(dr->cr, CAIRO_TAG_LINK, attrs->str);
			cairo_tag_end(dr->cr, CAIRO_TAG_LINK);
			g_string_free(attrs, TRUE);
		}
		g_free(ranges);
	}
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

	if (c->layout == NULL)
		return;
	for (j = 0; j < c->nlines; j++) {
		if (!line_shown(c, j, from, to))
			continue;
		cairo_move_to(dr->cr, x + c->lx[j], y - from + c->base[j]);
		pango_cairo_show_layout_line(dr->cr,
		    pango_layout_get_line_readonly(c->layout, (int)j));
		if (c->nlinks > 0)
			draw_links(dr, c, j, x, y - from);
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
		parent = CAIRO_PDF_OUTLINE_ROOT;
		for (k = b->level - 1; k >= 1; k--)
			if (dr->outline[k] != 0) {
				parent = dr->outline[k];
				break;
			}
		if (b->id != NULL)
			snprintf(attrs, sizeof(attrs), "dest='%s'", b->id);
		else
			snprintf(attrs, sizeof(attrs), "page=%zu pos=[%.2f "
			    "%.2f]", dr->page + 1, x, y);
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
	else
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
		rule(cr, x, x + b->w * 0.62, y + 30, 0.6, 0);
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

static void
draw_running(struct draw *dr, int which, double top)
{
	static const PangoAlignment	 aligns[] = { PANGO_ALIGN_LEFT,
					     PANGO_ALIGN_CENTER,
					     PANGO_ALIGN_RIGHT,
					     PANGO_ALIGN_CENTER };
	struct render			*r = dr->r;
	PangoLayout			*l;
	PangoFontDescription		*fd;
	char				*text;
	double				 w = r->body_w;
	size_t				 k;

	for (k = 0; k < 4; k++) {
		if (r->run_text[which][k] == NULL ||
		    r->run_text[which][k][0] == '\0')
			continue;
		text = substitute(r->run_text[which][k], dr->page + 1,
		    dr->pages);
		l = pango_layout_new(r->ctx);
		fd = font_for(RUN_SIZE, 0, k == 3);
		pango_layout_set_font_description(l, fd);
		pango_font_description_free(fd);
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_alignment(l, aligns[k]);
		pango_layout_set_auto_dir(l, FALSE);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_text(l, text, -1);
		cairo_set_source_rgb(dr->cr, 0.3, 0.3, 0.3);
		cairo_move_to(dr->cr, r->m.left, k == 3 ? top + 12 : top);
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
	size_t		 k;
	int		 header = 0;

	for (k = 0; k < 3; k++)
		if (r->run_text[0][k] != NULL && r->run_text[0][k][0] != '\0')
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

static enum typeset_status
draw_all(struct render *r, const struct paginate *pg, struct membuf *out)
{
	struct draw		 dr;
	cairo_status_t		 cst;
	size_t			 i = 0;
	enum typeset_status	 st = TYPESET_OK;

	memset(&dr, 0, sizeof(dr));
	dr.r = r;
	dr.pages = pg->pages;
	dr.surface = cairo_pdf_surface_create_for_stream(membuf_write, out,
	    r->page_w, r->page_h);
	cairo_pdf_surface_restrict_to_version(dr.surface,
	    CAIRO_PDF_VERSION_1_5);
	set_metadata(&dr);
	dr.cr = cairo_create(dr.surface);
	cairo_tag_begin(dr.cr, "Document", "");
	for (dr.page = 0; dr.page < pg->pages; dr.page++) {
		draw_page_furniture(&dr);
		for (; i < pg->nfrags && pg->frags[i].page == dr.page; i++)
			draw_frag(&dr, &pg->frags[i]);
		if (dr.page + 1 == pg->pages)
			cairo_tag_end(dr.cr, "Document");
		cairo_show_page(dr.cr);
	}
	if ((cst = cairo_status(dr.cr)) != CAIRO_STATUS_SUCCESS) {
		diag_report(r->d, DIAG_ERROR, r->name, 0, 0, "cannot draw the "
		    "PDF: %s", cairo_status_to_string(cst));
		st = TYPESET_INTERNAL;
	}
	cairo_destroy(dr.cr);
	cairo_surface_finish(dr.surface);
	cst = cairo_surface_status(dr.surface);
	if (st == TYPESET_OK && (cst != CAIRO_STATUS_SUCCESS || out->failed)) {
		diag_report(r->d, DIAG_ERROR, r->name, 0, 0, "cannot make the "
		    "PDF: %s", out->failed ? "it is too large or memory ran "
		    "out" : cairo_status_to_string(cst));
		st = TYPESET_INTERNAL;
	}
	cairo_surface_destroy(dr.surface);
	return st;
}

/* ------------------------------------------------------------------ */
/* The document                                                       */
/* ------------------------------------------------------------------ */

static PangoContext *
context_for(PangoFontMap *fm)
{
	PangoContext		*ctx = pango_font_map_create_context(fm);
	cairo_font_options_t	*fo = cairo_font_options_create();

	/* Outline metrics, as in the PDF: no hinting, no rounding. */
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_cairo_context_set_shape_renderer(ctx, shape_renderer, NULL,
	    NULL);
	return ctx;
}

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
	r.ctx = context_for(ts->fontmap);
	if (ts->sys_fontmap != NULL)
		r.sys_ctx = context_for(ts->sys_fontmap);
	parse_head(&r, root, paper);
	parse_date(&r, root);
	for (n = root->children; n != NULL && !is_el(n, "body"); n = n->next)
		;
	if (n != NULL)
		build_blocks(&r, n, 0);
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
	if ((st = draw_all(&r, pg, &out)) != TYPESET_OK)
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
