/*
 * typeset-int: what the typesetter's modules share; private to them.
 *
 * The typesetter (typeset.h) is five modules around one struct render
 * (one document being rendered):
 *   typeset-font.c    the private fontconfig configuration, font maps,
 *                     font descriptions and Pango contexts;
 *   textclean.c       text made safe for Pango (SECURITY.md rule 10);
 *   typeset-inline.c  inline content (b, i, span, link, marks) to text
 *                     and Pango attributes;
 *   typeset-block.c   layout XML to measured blocks, each with the box
 *                     paginate.c breaks into pages;
 *   typeset-render.c  vector marks, drawing pages, PDF tags, links,
 *                     bookmarks and metadata;
 * and typeset.c, the entry points that run the three passes.
 * Functions shared between them carry the private prefix ts_.
 *
 * Included only by those files.
 */
#ifndef TYPESET_INT_H
#define TYPESET_INT_H

#include <stddef.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>

#include "paginate.h"
#include "textclean.h"
#include "typeset.h"

struct diag;
struct validate;

#ifndef VERSION
#define VERSION "unknown"
#endif

#define LAYOUT_NS	"urn:endorse:layout:1"

/* Fonts, in order of preference; fontconfig falls back along the list. */
#define FAMILIES	"Noto Sans,Noto Sans Arabic,Noto Sans Hebrew," \
			"DejaVu Sans"

/* Longest PDF we build in memory. */
#define MAX_PDF_BYTES	((size_t)256 * 1024 * 1024)

/* Longest text quoted in a warning. */
#define QUOTE_MAX	60

/* Characters the cleaner inserts or uses. */
#define U_ZWSP		"\xe2\x80\x8b"	/* U+200B zero width space */
#define U_FSI		"\xe2\x81\xa8"	/* U+2068 first strong isolate */
#define U_PDI		"\xe2\x81\xa9"	/* U+2069 pop directional isolate */
#define U_LRI		"\xe2\x81\xa6"	/* U+2066 left-to-right isolate */
#define U_RLI		"\xe2\x81\xa7"	/* U+2067 right-to-left isolate */
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
#define TICK_BOX	12.6	/* a checkbox: its square 11.6 pt, 4.1 mm */


/* Vector marks drawn in the text (PangoAttrShape data). */
enum mark {
	MARK_NONE,
	MARK_CHECK,		/* a check mark in a circle */
	MARK_CROSS,		/* a white cross in a black disc */
	MARK_DASH,		/* a dash in a circle */
	MARK_QUESTION,		/* a question mark in a diamond */
	MARK_CLOCK,		/* a clock */
	MARK_INFO,		/* an "i" in a circle */
	MARK_BOX_EMPTY,
	MARK_BOX_CHECKED,
	MARK_BOX_CROSSED
};

struct typeset {
	FcConfig	*config;	/* the bundled fonts only */
	PangoFontMap	*fontmap;
	FcCharSet	*covers;	/* every character they have */
	unsigned	 flags;		/* enum typeset_flags */
	int		 sys_tried;	/* the system's loaded, or refused */
	FcConfig	*sys_config;	/* the system's, NULL until needed */
	PangoFontMap	*sys_fontmap;
	struct validate	*schema;
	struct ts_lcache *lcache;	/* shaped text kept, NULL until used */
	int		 lcache_off;	/* never keep any (tests compare) */
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
	long		 line;		/* @src-line: its line in the input, 0 */
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
	double		 min_h;		/* a row's least height, 0: none */
	int		 joined;	/* the next row continues it: no rule */
	size_t		 part;		/* 1 + index of its part, 0: none */
	struct paginate_box box;
	struct paginate_col *cols;
};

struct margins {
	double		 top, bottom, left, right;
};

/* A part of the document: its own running texts and page numbers. */
struct part {
	char		*run_text[2][4];/* header/footer: left center right note */
	int		 has[2];	/* its own header, footer */
	char		*bookmark;	/* its own bookmark, or NULL */
	size_t		 first;		/* first page, from 0 */
	size_t		 pages;
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
	struct part	*parts;
	size_t		 nparts, parts_cap;
	size_t		 cur_part;	/* 1 + index, 0: outside parts */
	GHashTable	*ids;		/* heading ids */
	GHashTable	*id_pages;	/* id -> 1 + page, after a first pass */
	size_t		 page_refs;	/* page-ref elements seen */
	char		*lang;		/* the document's language, or NULL */
	int		 rtl;		/* the document is right-to-left */
	GHashTable	*anchors;	/* ids of later documents, or NULL */
	char		**link_to;	/* every link target, to check */
	long		*link_line;
	size_t		 nlink_to, link_cap;
	int		 failed;	/* an error was reported */
	int		 nomem;
};

/* Inline content being collected for one layout. */
struct inl {
	GString		*text;
	PangoAttrList	*attrs;
	struct link	*links;
	size_t		 nlinks, links_cap;
	struct field	*fields;
	size_t		 nfields, fields_cap;
	struct textclean tc;		/* the cleaner's state */
	double		 size;		/* font size, for marks */
	int		 boxes;		/* holds a checkbox: taller lines */
};

/* A measured text being drawn into a PDF in memory (typeset-render.c). */
struct membuf {
	unsigned char	*data;
	size_t		 len, cap;
	int		 failed;
};

/* typeset-font.c */
PangoFontDescription *ts_font_for(double size, int bold, int italic);
PangoContext	*ts_context_new(PangoFontMap *);
int		 ts_need_system_fonts(struct typeset *, const xmlDoc *);

/* typeset-inline.c */
int		 ts_is_el(const xmlNode *, const char *name);
long		 ts_src_line(const xmlNode *);
char		*ts_attr_of(const xmlNode *, const char *name);
int		 ts_attr_is(const xmlNode *, const char *name,
		    const char *value);
void		 ts_inl_init(struct inl *, double size);
void		 ts_inl_walk(struct render *, struct inl *,
		    const xmlNode *parent);
void		 ts_inl_append(struct inl *, const char *s);
void		 ts_inl_trim(struct inl *);
void		 ts_inl_free(struct inl *);
char		*ts_plain_text(struct render *, const xmlNode *);

/* typeset-block.c */
const char	*ts_src_of(const struct render *, const xmlNode *, long *line);
void		 ts_parse_head(struct render *, const xmlNode *root,
		    enum typeset_paper);
int		 ts_parse_date(struct render *, const xmlNode *root);
void		 ts_build_blocks(struct render *, const xmlNode *parent,
		    unsigned group);
void		 ts_lcache_free(struct ts_lcache *);

/* typeset-render.c */
void		 ts_shape_renderer(cairo_t *, PangoAttrShape *,
		    gboolean do_path, gpointer data);
enum typeset_status ts_draw_all(struct render *, const struct paginate *,
		    struct membuf *out);
struct draw;
struct draw	*ts_draw_open(struct render *, cairo_write_func_t,
		    void *closure);
enum typeset_status ts_draw_doc(struct draw *, struct render *,
		    const struct paginate *);
enum typeset_status ts_draw_close(struct draw *, const int *failed,
		    struct diag *, const char *name);

#endif
