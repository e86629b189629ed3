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

PangoFontDescription *
ts_font_for(double size, int bold, int italic)
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
