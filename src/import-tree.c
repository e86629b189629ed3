/*
 * import-tree: the imported rows in the portfolio (see import-int.h).
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>
#include <libxml/parser.h>

#include "import-int.h"

static int
is_blank_text(xmlNodePtr n)
{
	return n != NULL && n->type == XML_TEXT_NODE &&
	    xmlIsBlankNode(n);
}

/* Whether element e is one a table replaces. */
static int
replaced(const struct table *tbs, size_t n, xmlNodePtr e)
{
	size_t	i;

	if (e->parent == NULL || e->parent->type != XML_ELEMENT_NODE)
		return 0;
	for (i = 0; i < n; i++)
		if (sheet_is_element(e, tbs[i].k->element) &&
		    sheet_is_element(e->parent, tbs[i].k->section) &&
		    e->parent->parent == xmlDocGetRootElement(e->doc))
			return 1;
	return 0;
}

/* The ids of everything that stays, with their lines. */
void
im_ids_of_doc(struct ctx *c, const struct table *tbs, size_t n, xmlNodePtr node)
{
	xmlNodePtr	 ch;
	xmlChar		*id;
	struct idplace	*pl;

	for (ch = node->children; ch != NULL; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || replaced(tbs, n, ch))
			continue;
		if ((id = xmlGetProp(ch, (const xmlChar *)"id")) != NULL &&
		    !g_hash_table_contains(c->ids, id)) {
			pl = g_new(struct idplace, 1);
			pl->file = c->docname;
			pl->line = xmlGetLineNo(ch);
			g_hash_table_insert(c->ids, g_strdup((char *)id), pl);
		}
		xmlFree(id);
		im_ids_of_doc(c, tbs, n, ch);
	}
}

/* A person id some element that stays points at, and who is missing. */
struct dangling {
	size_t	 kind;		/* index in refs[] */
	char	*id;
	long	 first;		/* line of the first element */
	unsigned count;
};

static const char *const refs[][3] = {
	{ "session", "provider", "sessions" },
	{ "reference", "person", "references" },
};

/* Collect the pointers of the elements that stay to missing people. */
static void
dangling_collect(struct ctx *c, const struct table *tbs, size_t n,
    xmlNodePtr node, GHashTable *seen, GPtrArray *list)
{
	struct dangling	*dg;
	xmlNodePtr	 ch;
	xmlChar		*id;
	char		*key;
	size_t		 i;

	for (ch = node->children; ch != NULL; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || replaced(tbs, n, ch))
			continue;
		for (i = 0; i < G_N_ELEMENTS(refs); i++) {
			if (!sheet_is_element(ch, refs[i][0]) ||
			    (id = xmlGetProp(ch, (const xmlChar *)refs[i][1]))
			    == NULL)
				continue;
			if (im_person_by_id(c, (const char *)id) == NULL) {
				key = g_strdup_printf("%zu %s", i, id);
				if ((dg = g_hash_table_lookup(seen, key)) ==
				    NULL) {
					dg = g_new0(struct dangling, 1);
					dg->kind = i;
					dg->id = g_strdup((const char *)id);
					dg->first = xmlGetLineNo(ch);
					g_hash_table_insert(seen, key, dg);
					g_ptr_array_add(list, dg);
				} else
					g_free(key);
				dg->count++;
			}
			xmlFree(id);
		}
		dangling_collect(c, tbs, n, ch, seen, list);
	}
}

static void
dangling_free(gpointer p)
{
	struct dangling	*dg = p;

	g_free(dg->id);
	g_free(dg);
}

/*
 * With people replaced, the sessions and references that stay must still
 * point at someone: say so with their line (once per person and kind,
 * with how many) rather than leave it to the validation of the result.
 */
int
im_refs_still_resolve(struct ctx *c, const struct table *tbs, size_t n,
    xmlNodePtr node)
{
	GHashTable	*seen = g_hash_table_new_full(g_str_hash, g_str_equal,
			    g_free, NULL);
	GPtrArray	*list = g_ptr_array_new_with_free_func(dangling_free);
	struct dangling	*dg;
	char		 more[64];
	guint		 i;
	int		 bad;

	dangling_collect(c, tbs, n, node, seen, list);
	for (i = 0; i < list->len; i++) {
		dg = g_ptr_array_index(list, i);
		more[0] = '\0';
		if (dg->count > 1)
			snprintf(more, sizeof(more), " (%u %s, the first on "
			    "this line)", dg->count, refs[dg->kind][2]);
		diag_error(c->d, c->docname, dg->first, "the %s's %s '%s' is "
		    "not in %s%s: add the person there, or import %s.csv too",
		    refs[dg->kind][0], refs[dg->kind][1], dg->id,
		    c->people_from, more, refs[dg->kind][2]);
	}
	bad = list->len > 0;
	g_hash_table_destroy(seen);
	g_ptr_array_free(list, TRUE);
	return bad ? -1 : 0;
}

/* The indentation of one level: what precedes the first section. */
void
im_indent_unit(xmlNodePtr root, char *buf, size_t bufsz)
{
	xmlNodePtr	ch;
	const char	*p, *nl;

	snprintf(buf, bufsz, "  ");
	for (ch = root->children; ch != NULL; ch = ch->next)
		if (is_blank_text(ch) && ch->next != NULL &&
		    ch->next->type == XML_ELEMENT_NODE) {
			p = (const char *)ch->content;
			if ((nl = strrchr(p, '\n')) != NULL &&
			    strlen(nl + 1) < bufsz && nl[1] != '\0')
				snprintf(buf, bufsz, "%s", nl + 1);
			return;
		}
}

static xmlNodePtr
ws_node(struct ctx *c, const char *unit, int depth)
{
	GString		*s = g_string_new("\n");
	xmlNodePtr	 t;
	int		 i;

	for (i = 0; i < depth; i++)
		g_string_append(s, unit);
	t = xmlNewDocText(c->doc, (const xmlChar *)s->str);
	g_string_free(s, TRUE);
	if (t == NULL)
		c->oom = 1;
	return t;
}

/* Indent the children of a new row element (depth of the row). */
static void
indent_row(struct ctx *c, xmlNodePtr e, const char *unit, int depth)
{
	xmlNodePtr	ch, next, t;

	if (e->children == NULL)
		return;
	for (ch = e->children; ch != NULL; ch = next) {
		next = ch->next;
		if ((t = ws_node(c, unit, depth + 1)) != NULL)
			xmlAddPrevSibling(ch, t);
	}
	if ((t = ws_node(c, unit, depth)) != NULL)
		xmlAddChild(e, t);
}

/* The section of k in the portfolio, made in its place when missing. */
static xmlNodePtr
section_get(struct ctx *c, const struct sheet_kind *k, const char *unit)
{
	xmlNodePtr		 root = xmlDocGetRootElement(c->doc), sec, ch;
	xmlNodePtr		 after = NULL, t;
	const char *const	*order = sheet_schema_sections(c->s);
	size_t			 i, j;

	if ((sec = sheet_child(root, k->section)) != NULL)
		return sec;
	for (i = 0; order[i] != NULL && strcmp(order[i], k->section) != 0;
	    i++)
		;
	for (ch = root->children; ch != NULL; ch = ch->next)
		for (j = 0; j < i; j++)
			if (sheet_is_element(ch, order[j]))
				after = ch;
	if ((sec = im_new_element(c, k->section)) == NULL)
		return NULL;
	t = ws_node(c, unit, 1);
	if (after != NULL) {
		xmlAddNextSibling(after, sec);
		if (t != NULL)
			xmlAddPrevSibling(sec, t);
	} else {
		if (t != NULL)
			xmlAddChild(root, t);
		xmlAddChild(root, sec);
	}
	return sec;
}

/* Take out k's elements from sec, with the comments just before them. */
static void
section_clear(const struct sheet_kind *k, xmlNodePtr sec)
{
	xmlNodePtr	ch, next, e, prev;
	int		drop;

	for (ch = sec->children; ch != NULL; ch = next) {
		next = ch->next;
		drop = sheet_is_element(ch, k->element);
		if (ch->type == XML_COMMENT_NODE) {
			for (e = ch->next; e != NULL &&
			    e->type != XML_ELEMENT_NODE; e = e->next)
				;
			drop = e != NULL && sheet_is_element(e, k->element);
		}
		if (!drop)
			continue;
		prev = ch->prev;
		if (is_blank_text(prev)) {
			xmlUnlinkNode(prev);
			xmlFreeNode(prev);
		}
		xmlUnlinkNode(ch);
		xmlFreeNode(ch);
	}
}

/*
 * Lay out sec's children one per line, at depth 2: the blank text
 * between them is made anew (libxml2 merges adjacent text nodes, so
 * indentation cannot be inserted next to what is there).
 */
static void
section_reindent(struct ctx *c, xmlNodePtr sec, const char *unit)
{
	xmlNodePtr	ch, next, t;

	for (ch = sec->children; ch != NULL; ch = next) {
		next = ch->next;
		if (is_blank_text(ch)) {
			xmlUnlinkNode(ch);
			xmlFreeNode(ch);
		}
	}
	if (sec->children == NULL)
		return;
	for (ch = sec->children; ch != NULL; ch = ch->next)
		if ((t = ws_node(c, unit, 2)) != NULL &&
		    xmlAddPrevSibling(ch, t) == NULL) {
			xmlFreeNode(t);
			c->oom = 1;
		}
	if ((t = ws_node(c, unit, 1)) != NULL && xmlAddChild(sec, t) == NULL) {
		xmlFreeNode(t);
		c->oom = 1;
	}
}

/* Put the rows of tb into the portfolio. */
void
im_table_put(struct ctx *c, struct table *tb, const char *unit)
{
	xmlNodePtr	sec, anchor = NULL;
	size_t		i;

	if ((sec = sheet_child(xmlDocGetRootElement(c->doc),
	    tb->k->section)) == NULL && tb->nrows == 0)
		return;
	if ((sec = section_get(c, tb->k, unit)) == NULL)
		return;
	section_clear(tb->k, sec);
	section_reindent(c, sec, unit);
	/* before the kind that follows, and the comments just before it */
	if (tb->k->followed_by != NULL &&
	    (anchor = sheet_child(sec, tb->k->followed_by)) != NULL)
		while (anchor->prev != NULL &&
		    (anchor->prev->type == XML_COMMENT_NODE ||
		    is_blank_text(anchor->prev)))
			anchor = anchor->prev;
	for (i = 0; i < tb->nrows; i++) {
		indent_row(c, tb->rows[i], unit, 2);
		if ((anchor != NULL ? xmlAddPrevSibling(anchor, tb->rows[i]) :
		    xmlAddChild(sec, tb->rows[i])) == NULL)
			c->oom = 1;
		else
			tb->rows[i] = NULL;
	}
	section_reindent(c, sec, unit);
}
