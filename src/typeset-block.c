/*
 * typeset-block: layout XML to measured blocks (see typeset-int.h): the
 * document head, then one block per heading, paragraph, list item, table
 * row, signature line and ruled space, each with its lines measured by
 * Pango and described as a paginate box.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "diag.h"
#include "typeset-int.h"

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
	b->part = r->cur_part;
	if (r->pending_break) {
		b->box.flags |= PAGINATE_BREAK_BEFORE;
		r->pending_break = 0;
	}
	return b;
}

static PangoLayout *
layout_make(PangoContext *ctx, const struct inl *in, double size,
    int bold, int italic, double width)
{
	PangoLayout		*l = pango_layout_new(ctx);
	PangoFontDescription	*fd = ts_font_for(size, bold, italic);

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	/* the paragraph's direction is the document's (the context's),
	 * never the data's (SECURITY.md rule 10) */
	pango_layout_set_auto_dir(l, FALSE);
	pango_layout_set_text(l, in->text->str, (int)in->text->len);
	pango_layout_set_attributes(l, in->attrs);
	return l;
}

/*
 * Shaped text kept for the process (issue 14): the same text in the same
 * font, width and attributes recurs within a document (labels, a
 * review's forms, a second pass for page references) and from one
 * applicant to the next in a batch worker (rule wording, headers).  A
 * PangoLayout holds only what it is made from: the key is all of it (the
 * font, the width, the direction of the context, the text and every
 * attribute with its range and value); links and fields stay in the
 * cell.  Layouts that needed the system's fonts are never kept.  Least
 * recently used first out past a budget of estimated bytes.
 */
#define LCACHE_BUDGET	((size_t)2 * 1024 * 1024)

struct lentry {
	GBytes		*key;
	PangoLayout	*layout;
	size_t		 cost;
	GList		 link;		/* in the queue, data = the entry */
};

struct ts_lcache {
	GHashTable	*map;		/* key -> struct lentry */
	GQueue		 lru;		/* the most recently used first */
	size_t		 cost;
};

static void
lentry_free(gpointer p)
{
	struct lentry	*e = p;

	g_object_unref(e->layout);
	g_bytes_unref(e->key);
	free(e);
}

void
ts_lcache_free(struct ts_lcache *lc)
{
	if (lc == NULL)
		return;
	g_hash_table_destroy(lc->map);
	free(lc);
}

static void
key_put(GByteArray *k, const void *p, size_t n)
{
	g_byte_array_append(k, p, (guint)n);
}

/*
 * The key of a layout, or NULL when it holds an attribute this key does
 * not know (such a layout is made and not kept).
 */
static GBytes *
lcache_key(const struct inl *in, double size, int bold, int italic,
    int width, int rtl)
{
	GByteArray	*k = g_byte_array_sized_new((guint)in->text->len + 128);
	GSList		*attrs, *l;
	PangoAttribute	*a;
	PangoAttrInt	*ai;
	PangoAttrShape	*as;
	int		 v[4] = { bold, italic, width, rtl }, ok = 1;
	guint		 range[3];
	guintptr	 data;
	size_t		 len = in->text->len;

	key_put(k, &size, sizeof(size));
	key_put(k, v, sizeof(v));
	key_put(k, &len, sizeof(len));
	key_put(k, in->text->str, len);
	attrs = pango_attr_list_get_attributes(in->attrs);
	for (l = attrs; l != NULL; l = l->next) {
		a = l->data;
		range[0] = (guint)a->klass->type;
		range[1] = a->start_index;
		range[2] = a->end_index;
		key_put(k, range, sizeof(range));
		if ((ai = pango_attribute_as_int(a)) != NULL)
			key_put(k, &ai->value, sizeof(ai->value));
		else if ((as = pango_attribute_as_shape(a)) != NULL) {
			/* the data is the mark, a number (typeset-inline.c) */
			data = (guintptr)as->data;
			key_put(k, &as->ink_rect, sizeof(as->ink_rect));
			key_put(k, &as->logical_rect,
			    sizeof(as->logical_rect));
			key_put(k, &data, sizeof(data));
		} else
			ok = 0;
	}
	g_slist_free_full(attrs, (GDestroyNotify)pango_attribute_destroy);
	if (!ok) {
		g_byte_array_free(k, TRUE);
		return NULL;
	}
	return g_byte_array_free_to_bytes(k);
}

/* The kept layout of key (a reference the caller owns), or NULL. */
static PangoLayout *
lcache_get(struct typeset *ts, GBytes *key)
{
	struct lentry	*e;

	if (ts->lcache == NULL ||
	    (e = g_hash_table_lookup(ts->lcache->map, key)) == NULL)
		return NULL;
	g_queue_unlink(&ts->lcache->lru, &e->link);
	g_queue_push_head_link(&ts->lcache->lru, &e->link);
	return g_object_ref(e->layout);
}

/* Keep layout under key; the oldest go past the budget. */
static void
lcache_put(struct typeset *ts, GBytes *key, PangoLayout *layout,
    size_t chars)
{
	struct ts_lcache	*lc = ts->lcache;
	struct lentry		*e, *old;
	GList			*tail;

	if (lc == NULL) {
		if ((lc = calloc(1, sizeof(*lc))) == NULL)
			return;
		lc->map = g_hash_table_new_full(g_bytes_hash, g_bytes_equal,
		    NULL, lentry_free);
		g_queue_init(&lc->lru);
		ts->lcache = lc;
	}
	/* only after a miss; never two entries of one key in the queue */
	if (g_hash_table_contains(lc->map, key) ||
	    (e = calloc(1, sizeof(*e))) == NULL)
		return;
	e->key = g_bytes_ref(key);
	e->layout = g_object_ref(layout);
	/* what Pango keeps per character (glyphs, clusters, log attrs),
	 * and per layout (lines, runs, items) */
	e->cost = g_bytes_get_size(key) + 48 * chars + 1024;
	e->link.data = e;
	g_hash_table_replace(lc->map, e->key, e);
	g_queue_push_head_link(&lc->lru, &e->link);
	lc->cost += e->cost;
	while (lc->cost > LCACHE_BUDGET && (tail = lc->lru.tail) != NULL &&
	    tail->data != e) {
		old = tail->data;
		g_queue_unlink(&lc->lru, tail);
		lc->cost -= old->cost;
		g_hash_table_remove(lc->map, old->key);
	}
}

/* Name a layout element for a person, in warnings. */
static const char *
kind_word(const xmlNode *n)
{
	if (ts_is_el(n, "heading"))
		return "heading";
	if (ts_is_el(n, "item"))
		return "list item";
	if (ts_is_el(n, "cell"))
		return "table cell";
	return "paragraph";
}

/*
 * Where a message about element n points: the input file (its part's
 * @source, else the document's name) and, in *line, the input line of
 * its data (the @src-line of n or the nearest element around it), or 0:
 * never a line of the layout document, which the user never saw.
 */
const char *
ts_src_of(const struct render *r, const xmlNode *n, long *line)
{
	const xmlNode	*a;
	xmlAttrPtr	 src;

	*line = 0;
	for (a = n; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent) {
		if (*line == 0)
			*line = ts_src_line(a);
		/* the attribute's text lives as long as the document */
		if (ts_is_el(a, "part") && (src = xmlHasProp(a,
		    BAD_CAST "source")) != NULL && src->children != NULL &&
		    src->children->type == XML_TEXT_NODE &&
		    src->children->content != NULL &&
		    src->children->content[0] != '\0')
			return (const char *)src->children->content;
	}
	return r->name;
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
	char		*label = NULL, *quote, *piece, clip[QUOTE_MAX * 4 + 8];
	const char	*what = NULL, *file;
	int		 at = -1, k, start = 0, end = (int)in->text->len;
	size_t		 i;
	long		 line, fline = 0;

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
			fline = in->fields[i].line;
		}
	file = ts_src_of(r, n, &line);
	if (what != NULL)
		line = fline;	/* the span's own line, or none */
	for (a = n; what == NULL && a != NULL &&
	    a->type == XML_ELEMENT_NODE; a = a->parent)
		if ((label = ts_attr_of(a, "field")) != NULL)
			break;
	if (what == NULL)
		what = label != NULL ? label : kind_word(n);
	/* the field alone: cut before the isolates are taken out */
	piece = g_strndup(in->text->str + start, (gsize)(end - start));
	quote = textclean_outline(piece);
	g_free(piece);
	diag_report(r->d, DIAG_WARNING, file, line, 0,
	    "%s: no font has a glyph for some characters of '%s'; they "
	    "print as boxes", what, diag_clip(quote, QUOTE_MAX, clip,
	    sizeof(clip)));
	free(quote);
	xmlFree(label);
}

/*
 * Is line j of l set in a right-to-left script only (strong RTL
 * characters and no strong LTR one)?  Isolates keep the paragraph in the
 * document's direction; such a line is still aligned to its script.
 */
static int
line_is_rtl(PangoLayout *l, int j)
{
	PangoLayoutLine	*line = pango_layout_get_line_readonly(l, j);
	const char	*text = pango_layout_get_text(l), *p, *e;
	int		 rtl = 0;
	FriBidiCharType	 t;

	if (line == NULL)
		return 0;
	e = text + line->start_index + line->length;
	for (p = text + line->start_index; p < e; p = g_utf8_next_char(p)) {
		t = fribidi_get_bidi_type(g_utf8_get_char(p));
		if (t == FRIBIDI_TYPE_LTR)
			return 0;
		if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL)
			rtl = 1;
	}
	return rtl;
}

/* Measure the lines of a laid-out cell. */
static int
cell_measure(struct cell *c, int by_script)
{
	PangoLayoutIter	*it;
	PangoRectangle	 ink, logical;
	int		 y0, y1;
	size_t		 n = (size_t)pango_layout_get_line_count(c->layout), j;
	double		 shift = 0, over;

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
		pango_layout_iter_get_line_extents(it, &ink, &logical);
		/*
		 * Stacked combining marks (up to TEXTCLEAN_MAX_MARKS) reach
		 * above or below the line's box: the line moves down by
		 * what is above, the lines after it by what is below, so
		 * that no ink reaches another line.
		 */
		over = (double)(y0 - ink.y) / PANGO_SCALE;
		if (over > 0.5)
			shift += over;
		c->top[j] = (double)y0 / PANGO_SCALE + shift - (over > 0.5 ?
		    over : 0);
		c->base[j] = (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE + shift;
		over = (double)(ink.y + ink.height - y1) / PANGO_SCALE;
		if (over > 0.5)
			shift += over;
		c->cuts[j] = (double)y1 / PANGO_SCALE + shift;
		c->lx[j] = (double)logical.x / PANGO_SCALE;
		if (by_script && line_is_rtl(c->layout, (int)j) &&
		    c->w > (double)logical.width / PANGO_SCALE)
			c->lx[j] = c->w - (double)logical.width / PANGO_SCALE;
		j++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	c->nlines = j;
	return 0;
}

/* Ends an e-mail address or a URL: space, isolates, brackets. */
static int
is_addr_stop(gunichar c)
{
	return c <= ' ' || c == 0xa0 || c == 0x200b || (c >= 0x2066 &&
	    c <= 0x2069) || c == 0xfffc || c == '(' || c == ')' ||
	    c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
	    c == '[' || c == ']';
}

static void
no_breaks(struct inl *in, size_t from, size_t to)
{
	PangoAttribute	*a;

	if (to <= from + 1)
		return;
	a = pango_attr_allow_breaks_new(FALSE);
	a->start_index = (guint)from;
	a->end_index = (guint)to;
	pango_attr_list_insert(in->attrs, a);
}

/*
 * E-mail addresses and URLs break only before '@' or '.' (and, in a
 * URL's path, before '/'): never at a hyphen or inside a word.  Each
 * piece between those points gets "no breaks".
 */
static void
protect_addresses(struct inl *in)
{
	const char	*t = in->text->str, *p = t, *q, *e, *seg;
	int		 mail, url;

	while (*p != '\0') {
		if (is_addr_stop(g_utf8_get_char(p))) {
			p = g_utf8_next_char(p);
			continue;
		}
		for (q = p; *q != '\0' && !is_addr_stop(g_utf8_get_char(q));
		    q = g_utf8_next_char(q))
			;
		/* q ends the token; drop trailing punctuation */
		e = q;
		while (e > p && (e[-1] == '.' || e[-1] == ':' ||
		    e[-1] == '!' || e[-1] == '?'))
			e--;
		mail = memchr(p, '@', (size_t)(e - p)) != NULL &&
		    p[0] != '@' && e[-1] != '@';
		url = g_strstr_len(p, e - p, "://") != NULL ||
		    (e - p > 4 && strncmp(p, "www.", 4) == 0);
		if (mail || url) {
			seg = p;
			for (const char *c = p + 1; c < e; c++)
				if (*c == '@' || *c == '.' ||
				    (url && *c == '/' && c[-1] != '/' &&
				    c[-1] != ':')) {
					no_breaks(in, (size_t)(seg - t),
					    (size_t)(c - t));
					seg = c;
				}
			no_breaks(in, (size_t)(seg - t), (size_t)(e - t));
		}
		p = q;
	}
}

/*
 * Lay out inline content in a cell of width w.  Returns -1 (reported)
 * when it is over a limit.
 */
static int
cell_fill(struct render *r, struct cell *c, struct inl *in,
    const xmlNode *n, double size, int bold, int italic, double w,
    int by_script)
{
	double		 line_h;
	const char	*file;
	long		 line;
	GBytes		*key;

	if (in->tc.chars > TYPESET_MAX_BLOCK_CHARS) {
		file = ts_src_of(r, n, &line);
		diag_report(r->d, DIAG_ERROR, file, line, 0,
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
	line_h = size * 1.38;
	/* room between tick boxes on lines one under the other */
	if (in->boxes && line_h < TICK_BOX * 1.25)
		line_h = TICK_BOX * 1.25;
	pango_attr_list_insert_before(in->attrs,
	    pango_attr_line_height_new_absolute((int)(line_h *
	    PANGO_SCALE)));
	protect_addresses(in);
	key = r->ts->lcache_off ? NULL : lcache_key(in, size, bold, italic,
	    (int)(w * PANGO_SCALE), r->rtl);
	if (key == NULL || (c->layout = lcache_get(r->ts, key)) == NULL) {
		c->layout = layout_make(r->ctx, in, size, bold, italic, w);
		if (pango_layout_get_unknown_glyphs_count(c->layout) > 0) {
			if (r->sys_ctx != NULL) {
				g_object_unref(c->layout);
				c->layout = layout_make(r->sys_ctx, in, size,
				    bold, italic, w);
			}
			/* once: not again in the second pass (page-ref) */
			if (pango_layout_get_unknown_glyphs_count(c->layout) >
			    0 && r->id_pages == NULL)
				warn_missing(r, c->layout, in, n);
		} else if (key != NULL)
			lcache_put(r->ts, key, c->layout, in->tc.chars);
	}
	if (key != NULL)
		g_bytes_unref(key);
	c->links = in->links;
	c->nlinks = in->nlinks;
	in->links = NULL;
	in->nlinks = 0;
	if (cell_measure(c, by_script) != 0) {
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

	ts_inl_init(&in, size);
	if (r->rtl)
		in.tc.flags |= TEXTCLEAN_RTL_DOC;
	ts_inl_walk(r, &in, n);
	ts_inl_trim(&in);
	rc = cell_fill(r, c, &in, n, size, bold, italic, w,
	    ts_is_el(n, "cell"));
	if (rc == 0 && note_link_targets(r, c, n) != 0)
		r->nomem = 1;
	ts_inl_free(&in);
	return rc;
}

/* A cell of plain text (labels). */
static int
build_label(struct render *r, struct cell *c, const xmlNode *n,
    const char *text, double size, double w)
{
	struct inl	in;
	int		rc;

	ts_inl_init(&in, size);
	if (r->rtl)
		in.tc.flags |= TEXTCLEAN_RTL_DOC;
	ts_inl_append(&in, text);
	ts_inl_trim(&in);
	rc = cell_fill(r, c, &in, n, size, 0, 0, w, 0);
	ts_inl_free(&in);
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

	if ((v = ts_attr_of(section, "level")) != NULL) {
		level = atoi(v);
		xmlFree(v);
	}
	if (level < 1 || level > 3)
		level = 1;
	if (ts_attr_is(section, "new-page", "yes"))
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
	if ((text = ts_plain_text(r, h)) != NULL) {
		b->outline = textclean_outline(text);
		free(text);
	}
	if ((v = ts_attr_of(section, "id")) != NULL) {
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
	if (ts_attr_is(n, "style", "small")) {
		b->style = STYLE_SMALL;
		size = SMALL_SIZE;
	} else if (ts_attr_is(n, "style", "note")) {
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
	if (ts_attr_is(n, "keep-with-next", "yes"))
		b->box.flags |= PAGINATE_KEEP_NEXT;
	if (build_text(r, &b->cells[0], n, size, 0, italic, b->w) != 0)
		return;
	blk_box(b);
}

static double	parse_length(const char *);
static void	parse_running(struct render *, const xmlNode *, char **);

/* A cell's column span: 1 unless span="N". */
static size_t
cell_span(const xmlNode *c)
{
	char	*v = ts_attr_of(c, "span");
	int	 n = 1;

	if (v != NULL) {
		n = atoi(v);
		xmlFree(v);
	}
	return n >= 1 && n <= 12 ? (size_t)n : 1;
}

/* A row's least height (min-height="8mm"), 0 when it has none. */
static double
row_min_height(const struct render *r, const xmlNode *row)
{
	char	*v = ts_attr_of(row, "min-height");
	double	 h = 0;

	if (v != NULL) {
		h = parse_length(v);
		xmlFree(v);
	}
	if (!isfinite(h) || h < 0)
		return 0;
	return h > r->body_h / 2 ? r->body_h / 2 : h;
}

static void
build_table(struct render *r, const xmlNode *t, unsigned group)
{
	const xmlNode	*n, *c;
	double		 widths[12], x[13], total = 0;
	size_t		 ncols = 0, k, span, first = r->nblks;
	struct blk	*b;
	char		*v;
	int		 w;

	for (n = t->children; n != NULL; n = n->next)
		if (ts_is_el(n, "col") && ncols < 12) {
			w = 1;
			if ((v = ts_attr_of(n, "width")) != NULL) {
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
		if (!ts_is_el(n, "header") && !ts_is_el(n, "row"))
			continue;
		/* one column more: the row's least height */
		if ((b = blk_add(r, BLK_ROW, group)) == NULL ||
		    blk_cells(r, b, ncols + 1) != 0)
			return;
		b->ncells = ncols;
		b->table = r->tables;
		b->header = ts_is_el(n, "header");
		b->box.table = (unsigned)r->tables;
		b->box.pad = CELL_VPAD;
		/* continued="yes": the row goes on the one before it
		 * (a rule's evidence, one item a row): no rule between
		 * them and less space */
		if (!b->header && ts_attr_is(n, "continued", "yes")) {
			b->box.pad = CELL_VPAD / 4;
			if (r->nblks - 1 > first &&
			    !r->blks[r->nblks - 2].header)
				r->blks[r->nblks - 2].joined = 1;
		}
		b->box.flags |= PAGINATE_WHOLE;
		if (b->header || ts_attr_is(n, "keep-with-next", "yes"))
			b->box.flags |= PAGINATE_KEEP_NEXT;
		if (b->header)
			b->box.flags |= PAGINATE_HEADER;
		k = 0;
		for (c = n->children; c != NULL; c = c->next) {
			if (!ts_is_el(c, "cell"))
				continue;
			span = cell_span(c);
			if (k + span > ncols) {
				diag_report(r->d, DIAG_ERROR, r->name,
				    xmlGetLineNo(c), 0, "the row has more "
				    "cells than the table has columns (%zu)",
				    ncols);
				r->failed = 1;
				break;
			}
			b->cells[k].x = x[k] + CELL_HPAD;
			if (build_text(r, &b->cells[k], c, CELL_SIZE,
			    b->header, 0, x[k + span] - x[k] -
			    2 * CELL_HPAD) != 0)
				return;
			for (k++; --span > 0; k++)
				b->cells[k].x = x[k] + CELL_HPAD;
		}
		for (; k < ncols; k++)
			b->cells[k].x = x[k] + CELL_HPAD;
		blk_box(b);
		if ((b->min_h = row_min_height(r, n)) > 0) {
			if ((b->own_cuts = calloc(1, sizeof(double))) ==
			    NULL) {
				r->nomem = 1;
				return;
			}
			b->own_cuts[0] = b->min_h - 2 * CELL_VPAD;
			b->cols[ncols].cuts = b->own_cuts;
			b->cols[ncols].ncuts = 1;
			b->box.ncols = ncols + 1;
		}
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
	char		*label = ts_attr_of(n, "label");
	char		*date = ts_attr_of(n, "date-label");

	if ((b = blk_add(r, BLK_SIGNATURE, group)) == NULL ||
	    blk_cells(r, b, 2) != 0)
		goto out;
	b->box.before = 10;
	b->box.flags |= PAGINATE_WHOLE;
	/* date-label="": one line across, without a date */
	b->lines = date != NULL && *date == '\0' ? 1 : 2;
	b->cells[1].x = r->body_w * 0.68;
	if (build_label(r, &b->cells[0], n, label ? label : "",
	    SMALL_SIZE, b->lines == 1 ? r->body_w : r->body_w * 0.62) != 0 ||
	    (b->lines == 2 && build_label(r, &b->cells[1], n,
	    date ? date : "Date", SMALL_SIZE, r->body_w * 0.32) != 0))
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

	if ((v = ts_attr_of(n, "lines")) != NULL) {
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
	v = ts_attr_of(n, "label");
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

/*
 * A part: it starts a new page, and its pages have their own running
 * texts (where it gives them) and their own page numbers.
 */
static void
build_part(struct render *r, const xmlNode *n)
{
	const xmlNode	*c;
	struct part	*p;
	void		*nb;
	char		*v;
	size_t		 cap;

	if (r->nparts == r->parts_cap) {
		cap = r->parts_cap ? r->parts_cap * 2 : 8;
		if ((nb = realloc(r->parts, cap * sizeof(*r->parts))) ==
		    NULL) {
			r->nomem = 1;
			return;
		}
		r->parts = nb;
		r->parts_cap = cap;
	}
	p = &r->parts[r->nparts++];
	memset(p, 0, sizeof(*p));
	if ((v = ts_attr_of(n, "bookmark")) != NULL) {
		p->bookmark = textclean_outline(v);
		xmlFree(v);
	}
	for (c = n->children; c != NULL; c = c->next) {
		if (ts_is_el(c, "header")) {
			parse_running(r, c, p->run_text[0]);
			p->has[0] = 1;
		} else if (ts_is_el(c, "footer")) {
			parse_running(r, c, p->run_text[1]);
			p->has[1] = 1;
		}
	}
	if (r->nblks > 0)
		r->pending_break = 1;
	r->cur_part = r->nparts;
	ts_build_blocks(r, n, 0);
	r->cur_part = 0;
	r->pending_break = 1;
}

void
ts_build_blocks(struct render *r, const xmlNode *parent, unsigned group)
{
	const xmlNode	*n, *c;
	size_t		 first;
	unsigned	 g;

	for (n = parent->children; n != NULL && !r->nomem; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (ts_is_el(n, "section")) {
			for (c = n->children; c != NULL && !ts_is_el(c, "heading");
			    c = c->next)
				;
			if (c != NULL)
				build_heading(r, n, c, group);
			ts_build_blocks(r, n, group);
		} else if (ts_is_el(n, "p"))
			build_para(r, n, BLK_PARA, group);
		else if (ts_is_el(n, "list")) {
			first = r->nblks;
			for (c = n->children; c != NULL; c = c->next)
				if (ts_is_el(c, "item"))
					build_para(r, c, BLK_ITEM, group);
			if (r->nblks > first) {
				r->blks[first].list_first = 1;
				r->blks[first].box.before = 6;
				r->blks[r->nblks - 1].list_last = 1;
			}
		} else if (ts_is_el(n, "table"))
			build_table(r, n, group);
		else if (ts_is_el(n, "keep")) {
			g = group != 0 ? group : ++r->groups;
			ts_build_blocks(r, n, g);
		} else if (ts_is_el(n, "signature-line"))
			build_signature(r, n, group);
		else if (ts_is_el(n, "write-space"))
			build_write(r, n, group);
		else if (ts_is_el(n, "page-break"))
			r->pending_break = 1;
		else if (ts_is_el(n, "part"))
			build_part(r, n);
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

int
ts_parse_date(struct render *r, const xmlNode *root)
{
	char		*v = ts_attr_of(root, "created");
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
parse_running(struct render *r, const xmlNode *n, char **dst)
{
	static const char *const parts[] = { "left", "center", "right",
					      "note" };
	const xmlNode		*c;
	size_t			 k;

	for (c = n->children; c != NULL; c = c->next)
		for (k = 0; k < 4; k++)
			if (ts_is_el(c, parts[k]) && dst[k] == NULL)
				dst[k] = ts_plain_text(r, c);
}

void
ts_parse_head(struct render *r, const xmlNode *root, enum typeset_paper paper)
{
	static const char *const metas[] = { "title", "author", "subject",
					     "keywords" };
	static const char *const sides[] = { "top", "bottom", "left",
					     "right" };
	const xmlNode		*n;
	double			 v, *dst[4];
	char			*s;
	size_t			 k;
	static const char *const rtl_langs[] = { "ar", "he", "fa", "ur",
					     "yi", "ps", "dv", "ku", "sd" };
	int			 a4 = ts_attr_is(root, "page-size", "a4"), footer = 0;
	PangoDirection		 dir;

	if (paper == TYPESET_PAPER_A4)
		a4 = 1;
	else if (paper == TYPESET_PAPER_LETTER)
		a4 = 0;
	/* The direction of every paragraph: dir, else the language's. */
	if ((s = ts_attr_of(root, "dir")) != NULL)
		r->rtl = strcmp(s, "rtl") == 0;
	else if (r->lang != NULL)
		for (k = 0; k < G_N_ELEMENTS(rtl_langs); k++)
			if (g_ascii_strncasecmp(r->lang, rtl_langs[k], 2) == 0 &&
			    (r->lang[2] == '\0' || r->lang[2] == '-'))
				r->rtl = 1;
	xmlFree(s);
	dir = r->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
	pango_context_set_base_dir(r->ctx, dir);
	if (r->sys_ctx != NULL)
		pango_context_set_base_dir(r->sys_ctx, dir);
	r->page_w = a4 ? 595.276 : 612;
	r->page_h = a4 ? 841.89 : 792;
	r->m.top = r->m.bottom = r->m.left = r->m.right = 72;
	dst[0] = &r->m.top;
	dst[1] = &r->m.bottom;
	dst[2] = &r->m.left;
	dst[3] = &r->m.right;
	for (n = root->children; n != NULL; n = n->next) {
		for (k = 0; k < 4; k++)
			if (ts_is_el(n, metas[k]) && r->meta[k] == NULL)
				r->meta[k] = ts_plain_text(r, n);
		if (ts_is_el(n, "margins"))
			for (k = 0; k < 4; k++) {
				if ((s = ts_attr_of(n, sides[k])) == NULL)
					continue;
				v = parse_length(s);
				xmlFree(s);
				/* Clamp: room for the running texts. */
				if (v >= 0)
					*dst[k] = v < 36 ? 36 : v > 216 ?
					    216 : v;
			}
		if (ts_is_el(n, "header"))
			parse_running(r, n, r->run_text[0]);
		if (ts_is_el(n, "footer")) {
			parse_running(r, n, r->run_text[1]);
			footer = 1;
		}
	}
	if (!footer)
		r->run_text[1][2] = strdup("Page {page} of {pages}");
	r->body_w = r->page_w - r->m.left - r->m.right;
	r->body_h = r->page_h - r->m.top - r->m.bottom;
}
