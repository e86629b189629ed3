/*
 * typeset-inline: inline content of the layout vocabulary (text, b, i,
 * br, span, link, mark, checkbox) to one cleaned text with Pango
 * attributes, links and named fields (see typeset-int.h).
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "typeset-int.h"

/* The shapes of <mark>: vector symbols that read in black and white. */
static const struct {
	const char	*shape;
	enum mark	 mark;
} shapes[] = {
	{ "check",	MARK_CHECK },
	{ "cross",	MARK_CROSS },
	{ "dash",	MARK_DASH },
	{ "question",	MARK_QUESTION },
	{ "clock",	MARK_CLOCK },
	{ "info",	MARK_INFO },
};

/* Append applicant or stylesheet text, cleaned (textclean.h). */
void
ts_inl_append(struct inl *in, const char *s)
{
	textclean_append(&in->tc, in->text, s);
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
	double		 side = in->size * 1.1;
	int		 s;

	if (!in->tc.space && in->text->len > 0) {
		g_string_append_c(in->text, ' ');
		in->tc.chars++;
	}
	start = in->text->len;
	/* A box to tick with a pen: at least 4 mm, sitting on the line. */
	if (m == MARK_BOX_EMPTY || m == MARK_BOX_CHECKED ||
	    m == MARK_BOX_CROSSED) {
		if (side < TICK_BOX)
			side = TICK_BOX;
		in->boxes = 1;
		ink.y = -(int)((side - in->size * 0.16) * PANGO_SCALE);
	} else
		ink.y = -(int)(in->size * 0.84 * PANGO_SCALE);
	s = (int)(side * PANGO_SCALE);
	ink.x = 0;
	ink.width = s;
	ink.height = s;
	logical = ink;
	logical.width = s;
	a = pango_attr_shape_new_with_data(&ink, &logical,
	    GUINT_TO_POINTER((unsigned)m), NULL, NULL);
	g_string_append(in->text, U_OBJ);
	inl_attr(in, a, start);
	g_string_append(in->text, U_NBSP);
	in->tc.chars += 2;
	in->tc.space = 1;
	in->tc.run = 0;
}

int
ts_is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, BAD_CAST name) && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST LAYOUT_NS);
}

/* n's @src-line (the input line its data comes from), or 0. */
long
ts_src_line(const xmlNode *n)
{
	char	*v = ts_attr_of(n, "src-line");
	long	 line = 0;

	if (v != NULL) {
		errno = 0;
		line = strtol(v, NULL, 10);
		if (errno != 0 || line < 0)
			line = 0;
		xmlFree(v);
	}
	return line;
}

/* An attribute's value (caller frees with xmlFree), or NULL. */
char *
ts_attr_of(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, BAD_CAST name);
}

int
ts_attr_is(const xmlNode *n, const char *name, const char *value)
{
	char	*v = ts_attr_of(n, name);
	int	 same = v != NULL && strcmp(v, value) == 0;

	xmlFree(v);
	return same;
}

static int
add_link(struct render *r, struct inl *in, size_t start, char *dest)
{
	void	*nb;

	if (in->nlinks == in->links_cap) {
		in->links_cap = in->links_cap * 2 + 4;
		nb = realloc(in->links, in->links_cap * sizeof(*in->links));
		if (nb == NULL) {
			r->nomem = 1;
			xmlFree(dest);
			return -1;
		}
		in->links = nb;
	}
	in->links[in->nlinks].start = (int)start;
	in->links[in->nlinks].end = (int)in->text->len;
	in->links[in->nlinks].dest = dest;
	in->nlinks++;
	return 0;
}

/*
 * The number of the page a section starts on (counted in the whole
 * file), linked to it.  The first pass prints a placeholder of the same
 * width (figures are tabular) and asks for a second pass.
 */
static void
page_ref(struct render *r, struct inl *in, const xmlNode *n)
{
	char		*to = ts_attr_of(n, "to"), num[24];
	gpointer	 page = NULL;
	size_t		 start = in->text->len;

	r->page_refs++;
	if (to == NULL)
		return;
	if (r->id_pages != NULL)
		page = g_hash_table_lookup(r->id_pages, to);
	if (page != NULL)
		snprintf(num, sizeof(num), "%zu", GPOINTER_TO_SIZE(page));
	else
		snprintf(num, sizeof(num), "000");
	textclean_raw(&in->tc, in->text, num);
	add_link(r, in, start, to);
}

static void
inl_element(struct render *r, struct inl *in, const xmlNode *n)
{
	size_t	 start = in->text->len, i;
	char	*v, *content;
	void	*nb;

	if (ts_is_el(n, "b")) {
		ts_inl_walk(r, in, n);
		inl_attr(in, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
	} else if (ts_is_el(n, "i")) {
		ts_inl_walk(r, in, n);
		inl_attr(in, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
	} else if (ts_is_el(n, "br")) {
		g_string_append_c(in->text, '\n');
		in->tc.chars++;
		in->tc.space = 1;
		in->tc.run = 0;
	} else if (ts_is_el(n, "span")) {
		/* Isolate the data from the text around it. */
		g_string_append(in->text, U_FSI);
		ts_inl_walk(r, in, n);
		g_string_append(in->text, U_PDI);
		/* A rule id, a code: one piece, never broken at its hyphen. */
		if (ts_attr_is(n, "nowrap", "yes"))
			inl_attr(in, pango_attr_allow_breaks_new(FALSE), start);
		if ((v = ts_attr_of(n, "field")) != NULL) {
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
			in->fields[in->nfields].line = ts_src_line(n);
			in->nfields++;
			xmlFree(v);
		}
	} else if (ts_is_el(n, "link")) {
		ts_inl_walk(r, in, n);
		/* Black on paper; the underline tells it is a link. */
		inl_attr(in, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE),
		    start);
		add_link(r, in, start, ts_attr_of(n, "to"));
	} else if (ts_is_el(n, "page-ref")) {
		page_ref(r, in, n);
	} else if (ts_is_el(n, "mark")) {
		/* The symbol, then its label as the stylesheet words it. */
		v = ts_attr_of(n, "shape");
		for (i = 0; i < G_N_ELEMENTS(shapes); i++)
			if (v != NULL && strcmp(v, shapes[i].shape) == 0)
				break;
		if (i < G_N_ELEMENTS(shapes)) {
			inl_mark(in, shapes[i].mark);
			start = in->text->len;
			content = (char *)xmlNodeGetContent(n);
			if (content != NULL)
				ts_inl_append(in, content);
			xmlFree(content);
			if (in->text->len > start)
				inl_attr(in, pango_attr_weight_new(
				    PANGO_WEIGHT_SEMIBOLD), start);
		}
		xmlFree(v);
	} else if (ts_is_el(n, "checkbox")) {
		inl_mark(in, ts_attr_is(n, "state", "checked") ?
		    MARK_BOX_CHECKED : ts_attr_is(n, "state", "crossed") ?
		    MARK_BOX_CROSSED : MARK_BOX_EMPTY);
		content = (char *)xmlNodeGetContent(n);
		if (content != NULL)
			ts_inl_append(in, content);
		xmlFree(content);
	}
}

void
ts_inl_walk(struct render *r, struct inl *in, const xmlNode *parent)
{
	const xmlNode	*n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				ts_inl_append(in, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE)
			inl_element(r, in, n);
	}
}

void
ts_inl_free(struct inl *in)
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

void
ts_inl_init(struct inl *in, double size)
{
	memset(in, 0, sizeof(*in));
	in->text = g_string_new(NULL);
	in->attrs = pango_attr_list_new();
	textclean_init(&in->tc, 0);
	in->size = size;
}

/* Drop a trailing space. */
void
ts_inl_trim(struct inl *in)
{
	while (in->text->len > 0 && in->text->str[in->text->len - 1] == ' ')
		g_string_truncate(in->text, in->text->len - 1);
}

/* The cleaned text of an element, without break insertion. */
char *
ts_plain_text(struct render *r, const xmlNode *n)
{
	struct inl	 in;
	char		*s;

	ts_inl_init(&in, BODY_SIZE);
	in.tc.flags |= TEXTCLEAN_PLAIN | (r->rtl ? TEXTCLEAN_RTL_DOC : 0);
	ts_inl_walk(r, &in, n);
	ts_inl_trim(&in);
	s = strdup(in.text->str);
	ts_inl_free(&in);
	return s;
}


