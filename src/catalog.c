/*
 * catalog: index the rule files (see catalog.h).
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "rulecheck.h"
#include "xmlload.h"

#define REQ_NS		"urn:endorse:requirements:1"
#define MAX_ENTRIES	256

/* The tracks a rule set may name, in the order they are listed. */
static const char *const known_tracks[] = { "clinical", "policy",
    "research-faculty" };
#define NTRACKS (sizeof(known_tracks) / sizeof(known_tracks[0]))

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

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

/* Mark in seen[] the tracks a space-separated list names. */
static void
tracks_mark(const xmlChar *list, int *seen)
{
	const char	*p = (const char *)list;
	size_t		 len, i;

	while (p != NULL && *p != '\0') {
		p += strspn(p, " \t\n");
		len = strcspn(p, " \t\n");
		for (i = 0; i < NTRACKS; i++)
			if (len == strlen(known_tracks[i]) &&
			    strncmp(p, known_tracks[i], len) == 0)
				seen[i] = 1;
		p += len;
	}
}

/* Every track a rule set's rules and compositions name. */
static void
tracks_walk(const xmlNode *n, int *seen)
{
	const xmlNode	*c;
	xmlChar		*v;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetProp(c, BAD_CAST "tracks")) != NULL ||
		    (v = xmlGetProp(c, BAD_CAST "track")) != NULL) {
			tracks_mark(v, seen);
			xmlFree(v);
		}
		tracks_walk(c, seen);
	}
}

static char *
tracks_of(const xmlNode *ruleset)
{
	int	seen[NTRACKS] = { 0 };
	char	buf[128];
	size_t	i, len = 0;

	tracks_walk(ruleset, seen);
	buf[0] = '\0';
	for (i = 0; i < NTRACKS; i++)
		if (seen[i])
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
			    "%s%s", len > 0 ? "," : "", known_tracks[i]);
	return strdup(buf);
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
		    (rs->tracks = tracks_of(n)) == NULL)
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
	DIR		*dp;
	struct dirent	*de;
	char		**names = NULL, path[PATH_MAX];
	size_t		 n = 0, cap = 0, i, len;
	int		 rc = 0;

	if ((dp = opendir(dir)) == NULL) {
		diag_report(d, required ? DIAG_ERROR : DIAG_WARNING, dir, 0,
		    0, "cannot read the rule directory");
		return required ? -1 : 0;
	}
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".xml") != 0 ||
		    de->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **nn;
			cap = cap ? cap * 2 : 16;
			if ((nn = realloc(names, cap * sizeof(*nn))) == NULL) {
				rc = -1;
				break;
			}
			names = nn;
		}
		if ((names[n] = strdup(de->d_name)) == NULL) {
			rc = -1;
			break;
		}
		n++;
	}
	closedir(dp);
	if (n > 0)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		if (rc == 0 && (size_t)snprintf(path, sizeof(path), "%s/%s",
		    dir, names[i]) < sizeof(path) &&
		    catalog_add(c, schema, path, d) == -1)
			rc = -1;
		free(names[i]);
	}
	free(names);
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
