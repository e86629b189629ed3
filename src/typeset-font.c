/*
 * typeset-font: the bundled fonts in a private fontconfig configuration,
 * the system's as a fallback, font descriptions and Pango contexts (see
 * typeset-int.h).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangofc-fontmap.h>

#include "diag.h"
#include "validate.h"
#include "typeset-int.h"

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

/*
 * The union of the character sets of the fonts in set, into *out: what
 * the bundled fonts can print, to know without laying anything out
 * whether a document needs the system's fonts at all.
 */
static int
coverage_of(const FcFontSet *set, FcCharSet **out)
{
	FcCharSet	*u, *cs;
	int		 i;

	if ((u = FcCharSetCreate()) == NULL)
		return -1;
	for (i = 0; i < set->nfont; i++)
		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) ==
		    FcResultMatch && !FcCharSetMerge(u, cs, NULL)) {
			FcCharSetDestroy(u);
			return -1;
		}
	*out = u;
	return 0;
}

struct typeset *
typeset_new(const char *datadir, unsigned flags, struct diag *d)
{
	struct typeset	*ts = NULL;
	FcFontSet	*set;
	FcChar32	 c;
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
	ts->flags = flags;
	ts->sys_tried = (flags & TYPESET_NO_SYSTEM_FONTS) != 0;
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
	if (coverage_of(set, &ts->covers) != 0)
		goto nomem;
	for (c = 0x20; c < 0x7f; c++)
		if (!FcCharSetHasChar(ts->covers, c)) {
			diag_error(d, dir, 0, "the fonts lack the character "
			    "'%c'", (int)c);
			goto fail;
		}
	/*
	 * Ours is the process's current configuration before any font map
	 * exists: Pango's first font map runs FcInit, which then finds a
	 * configuration and does not load the system's (/etc/fonts, every
	 * cache) a second time for nothing.
	 */
	if (!FcConfigSetCurrent(ts->config))
		goto nomem;
	if ((ts->fontmap = fontmap_for(ts->config)) == NULL)
		goto nomem;
	return ts;
nomem:
	diag_error(d, datadir, 0, "out of memory loading the fonts");
fail:
	typeset_free(ts);
	return NULL;
}

/* Does a character of s lack a glyph in every bundled font? */
static int
lacks_glyph(const FcCharSet *covers, const xmlChar *s)
{
	const char	*p = (const char *)s;
	gunichar	 c;

	for (; *p != '\0'; p = g_utf8_next_char(p)) {
		/* printable ASCII: checked once, in typeset_new */
		if ((unsigned char)*p < 0x80)
			continue;
		c = g_utf8_get_char(p);
		/* controls and format characters print as nothing */
		switch (g_unichar_type(c)) {
		case G_UNICODE_CONTROL:
		case G_UNICODE_FORMAT:
		case G_UNICODE_LINE_SEPARATOR:
		case G_UNICODE_PARAGRAPH_SEPARATOR:
			continue;
		default:
			break;
		}
		if (!FcCharSetHasChar(covers, c))
			return 1;
	}
	return 0;
}

static int
tree_lacks_glyph(const FcCharSet *covers, const xmlNode *n)
{
	const xmlAttr	*a;

	for (; n != NULL; n = n->next) {
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL &&
		    lacks_glyph(covers, n->content))
			return 1;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next)
			if (a->children != NULL &&
			    tree_lacks_glyph(covers, a->children))
				return 1;
		if (tree_lacks_glyph(covers, n->children))
			return 1;
	}
	return 0;
}

/*
 * The system's fonts, loaded the first time a document has a character
 * the bundled fonts lack (a name in Devanagari, an emoji), and kept for
 * the rest of the process.  Most runs never need them: loading them
 * reads /etc/fonts and every font cache, the most costly part of a
 * start.  Returns -1 when out of memory.
 */
int
ts_need_system_fonts(struct typeset *ts, const xmlDoc *doc)
{
	if (ts->sys_tried || !tree_lacks_glyph(ts->covers, doc->children))
		return 0;
	ts->sys_tried = 1;
	/* NULL: no system configuration; the warning names the field */
	if ((ts->sys_config = FcInitLoadConfigAndFonts()) == NULL)
		return 0;
	if ((ts->sys_fontmap = fontmap_for(ts->sys_config)) == NULL)
		return -1;
	return 0;
}

void
typeset_free(struct typeset *ts)
{
	if (ts == NULL)
		return;
	/* the kept layouts hold fonts of the font maps: first */
	ts_lcache_free(ts->lcache);
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
	if (ts->covers != NULL)
		FcCharSetDestroy(ts->covers);
	validate_free(ts->schema);
	free(ts);
}

/*
 * What pango_font_description_from_string(FAMILIES) gave, without
 * parsing a string for every text (0.4% of a packet): the family list
 * as Pango writes it (no space after a comma) and every field set.
 */
PangoFontDescription *
ts_font_for(double size, int bold, int italic)
{
	PangoFontDescription	*fd = pango_font_description_new();

	pango_font_description_set_family_static(fd, FAMILIES);
	pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC :
	    PANGO_STYLE_NORMAL);
	pango_font_description_set_variant(fd, PANGO_VARIANT_NORMAL);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_font_description_set_stretch(fd, PANGO_STRETCH_NORMAL);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	return fd;
}

PangoContext *
ts_context_new(PangoFontMap *fm)
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
	pango_cairo_context_set_shape_renderer(ctx, ts_shape_renderer, NULL,
	    NULL);
	return ctx;
}
