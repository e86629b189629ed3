/*
 * catalog: index the rule files (see catalog.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>
#include <libxml/tree.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "dirlist.h"
#include "rulecheck.h"
#include "xmlload.h"

#define REQ_NS		"urn:endorse:requirements:1"
#define MAX_ENTRIES	256

static int
is_req(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST REQ_NS) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

/* A copy of an attribute's value, "" when it is absent; NULL: no memory. */
static char *
attr_dup(const xmlNode *n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, BAD_CAST name);
	char	*s = strdup(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return s;
}

/* Whether any rule of a rule set, or its compositions, names a track. */
static int
names_a_track(const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlHasProp(c, BAD_CAST "tracks") != NULL ||
		    xmlHasProp(c, BAD_CAST "track") != NULL ||
		    names_a_track(c))
			return 1;
	}
	return 0;
}

/*
 * The tracks of a rule set: the ones its rule file declares (<tracks>,
 * in their order) when its rules are track-specific, else "" (the rule
 * set applies to every endorsee alike, as renewal does).  The list is the
 * file's: endorse itself knows no track.
 */
static char *
tracks_of(const xmlNode *root, const xmlNode *ruleset)
{
	const xmlNode	*t, *c;
	GString		*buf = g_string_new("");
	xmlChar		*id;
	char		*tracks;

	if (names_a_track(ruleset))
		for (t = root->children; t != NULL; t = t->next) {
			if (!is_req(t, "tracks"))
				continue;
			for (c = t->children; c != NULL; c = c->next) {
				if (!is_req(c, "track") ||
				    (id = xmlGetProp(c, BAD_CAST "id")) == NULL)
					continue;
				g_string_append_printf(buf, "%s%s",
				    buf->len > 0 ? "," : "", (char *)id);
				xmlFree(id);
			}
		}
	tracks = strdup(buf->str);
	g_string_free(buf, TRUE);
	return tracks;
}

static void
entry_clear(struct catalog_entry *e)
{
	size_t	i;

	for (i = 0; i < e->nrulesets; i++) {
		free(e->rulesets[i].kind);
		free(e->rulesets[i].level);
		free(e->rulesets[i].title);
		free(e->rulesets[i].effective);
		free(e->rulesets[i].tracks);
	}
	free(e->rulesets);
	free(e->association);
	free(e->name);
	free(e->path);
	memset(e, 0, sizeof(*e));
}

/* Fill e from a valid rule file's root; -1 out of memory. */
static int
entry_fill(struct catalog_entry *e, const xmlNode *root, const char *path)
{
	struct catalog_ruleset	*rs;
	const xmlNode		*n;
	size_t			 count = 0;

	for (n = root->children; n != NULL; n = n->next)
		if (is_req(n, "ruleset"))
			count++;
	if ((e->association = attr_dup(root, "association")) == NULL ||
	    (e->name = attr_dup(root, "name")) == NULL ||
	    (e->path = strdup(path)) == NULL ||
	    (e->rulesets = calloc(count + 1, sizeof(*e->rulesets))) == NULL)
		return -1;
	for (n = root->children; n != NULL; n = n->next) {
		if (!is_req(n, "ruleset"))
			continue;
		rs = &e->rulesets[e->nrulesets++];
		if ((rs->kind = attr_dup(n, "kind")) == NULL ||
		    (rs->level = attr_dup(n, "level")) == NULL ||
		    (rs->title = attr_dup(n, "title")) == NULL ||
		    (rs->effective = attr_dup(n, "effective")) == NULL ||
		    (rs->tracks = tracks_of(root, n)) == NULL)
			return -1;
	}
	return 0;
}

/*
 * Add one rule file.  A file that cannot be used is reported and left
 * out (returns 0); -1 only when out of memory.
 */
static int
catalog_add(struct catalog *c, struct rulecheck *schema, const char *path,
    struct diag *d)
{
	struct catalog_entry	 e;
	enum xmlload_status	 status;
	const struct catalog_entry *other;
	xmlDocPtr		 doc;
	xmlNode			*root;
	xmlChar			*code = NULL;
	int			 rc = 0;

	memset(&e, 0, sizeof(e));
	if ((doc = xmlload_file(path, NULL, d, &status)) == NULL)
		goto skip;
	root = xmlDocGetRootElement(doc);
	if (!is_req(root, "requirements")) {
		diag_error(d, path, 0, "not an endorse rule file: expected "
		    "'requirements' in the namespace '%s'", REQ_NS);
		goto skip;
	}
	if (schema != NULL && rulecheck_run(schema, doc, path, d) != 0)
		goto skip;
	code = xmlGetProp(root, BAD_CAST "association");
	if (code == NULL || *code == '\0') {
		diag_error(d, path, xmlGetLineNo(root), "element "
		    "'requirements' lacks the attribute 'association'");
		goto skip;
	}
	if ((other = catalog_find(c, (const char *)code)) != NULL) {
		diag_error(d, path, 0, "association '%s' is already defined "
		    "by %s", (const char *)code, other->path);
		goto skip;
	}
	if (c->count == MAX_ENTRIES) {
		diag_error(d, path, 0, "more than %d rule files",
		    MAX_ENTRIES);
		goto skip;
	}
	if (entry_fill(&e, root, path) == -1) {
		diag_error(d, path, 0, "out of memory");
		entry_clear(&e);
		rc = -1;
		goto out;
	}
	c->entries[c->count++] = e;
	goto out;
skip:
	diag_report(d, DIAG_WARNING, path, 0, 0, "rule file left out: the "
	    "associations of the other rule files are still available");
	c->skipped++;
out:
	xmlFree(code);
	xmlFreeDoc(doc);
	return rc;
}

/*
 * Add every *.xml of dir, in name order.  A directory that cannot be read
 * is an error for the shipped one (required), a warning for the others.
 */
static int
catalog_scan(struct catalog *c, struct rulecheck *schema, const char *dir,
    int required, struct diag *d)
{
	char	**paths;
	size_t	  i;
	int	  rc = 0;

	if ((paths = dirlist_ending(dir, ".xml", NULL)) == NULL) {
		diag_report(d, required ? DIAG_ERROR : DIAG_WARNING, dir, 0,
		    0, "cannot read the rule directory");
		return required ? -1 : 0;
	}
	for (i = 0; paths[i] != NULL && rc == 0; i++)
		if (catalog_add(c, schema, paths[i], d) == -1)
			rc = -1;
	dirlist_free(paths);
	return rc;
}

struct catalog *
catalog_open(const struct datadir *dd, struct diag *d)
{
	struct catalog	*c;
	struct rulecheck *schema = NULL;
	const char	*env;
	char		 dir[PATH_MAX], *paths = NULL, *p, *next;
	size_t		 i;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->entries = calloc(MAX_ENTRIES, sizeof(*c->entries))) == NULL)
		goto fail;
	if ((schema = rulecheck_new(dd, d)) == NULL)
		goto fail;
	if (datadir_path(dd, "schemas/requirements", dir, sizeof(dir)) ==
	    NULL || catalog_scan(c, schema, dir, 1, d) == -1)
		goto fail;
	if ((env = getenv("ENDORSE_RULES_PATH")) != NULL && *env != '\0') {
		if ((paths = strdup(env)) == NULL)
			goto fail;
		for (p = paths; p != NULL; p = next) {
			if ((next = strchr(p, ':')) != NULL)
				*next++ = '\0';
			if (*p != '\0' &&
			    catalog_scan(c, schema, p, 0, d) == -1)
				goto fail;
		}
		free(paths);
		paths = NULL;
	}
	if ((c->codes = calloc(c->count + 1, sizeof(char *))) == NULL)
		goto fail;
	for (i = 0; i < c->count; i++)
		c->codes[i] = c->entries[i].association;
	rulecheck_free(schema);
	return c;
fail:
	rulecheck_free(schema);
	free(paths);
	catalog_free(c);
	return NULL;
}

void
catalog_free(struct catalog *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->count; i++)
		entry_clear(&c->entries[i]);
	free(c->entries);
	free(c->codes);
	free(c);
}

const struct catalog_entry *
catalog_find(const struct catalog *c, const char *association)
{
	size_t	i;

	for (i = 0; i < c->count; i++)
		if (strcasecmp(c->entries[i].association, association) == 0)
			return &c->entries[i];
	return NULL;
}
