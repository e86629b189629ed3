/*
 * catalog: index the rule files (see catalog.h).
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "xmlload.h"

#define REQ_NS		"urn:endorse:requirements:1"
#define MAX_ENTRIES	256

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add one rule file; returns -1 after reporting when it is unusable. */
static int
catalog_add(struct catalog *c, const char *path, struct diag *d)
{
	struct catalog_entry	*e;
	enum xmlload_status	 status;
	xmlDocPtr		 doc;
	xmlNode			*root;
	xmlChar			*code = NULL, *name = NULL;
	size_t			 i;
	int			 rc = -1;

	if ((doc = xmlload_file(path, NULL, d, &status)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || root->ns == NULL ||
	    !xmlStrEqual(root->ns->href, BAD_CAST REQ_NS) ||
	    !xmlStrEqual(root->name, BAD_CAST "requirements")) {
		diag_error(d, path, 0, "not an endorse rule file: expected "
		    "'requirements' in the namespace '%s'", REQ_NS);
		goto out;
	}
	code = xmlGetProp(root, BAD_CAST "association");
	name = xmlGetProp(root, BAD_CAST "name");
	if (code == NULL || *code == '\0') {
		diag_error(d, path, xmlGetLineNo(root), "element "
		    "'requirements' lacks the attribute 'association'");
		goto out;
	}
	for (i = 0; i < c->count; i++)
		if (strcmp(c->entries[i].association, (char *)code) == 0) {
			diag_error(d, path, 0, "association '%s' is already "
			    "defined by %s", code, c->entries[i].path);
			goto out;
		}
	if (c->count == MAX_ENTRIES) {
		diag_error(d, path, 0, "more than %d rule files",
		    MAX_ENTRIES);
		goto out;
	}
	e = &c->entries[c->count];
	e->association = strdup((char *)code);
	e->name = strdup(name != NULL ? (char *)name : (char *)code);
	e->path = strdup(path);
	if (e->association == NULL || e->name == NULL || e->path == NULL) {
		free(e->association);
		free(e->name);
		free(e->path);
		diag_error(d, path, 0, "out of memory");
		goto out;
	}
	c->count++;
	rc = 0;
out:
	xmlFree(code);
	xmlFree(name);
	xmlFreeDoc(doc);
	return rc;
}

/* Add every *.xml of dir, in name order. */
static int
catalog_scan(struct catalog *c, const char *dir, struct diag *d)
{
	DIR		*dp;
	struct dirent	*de;
	char		**names = NULL, path[PATH_MAX];
	size_t		 n = 0, cap = 0, i, len;
	int		 rc = 0;

	if ((dp = opendir(dir)) == NULL) {
		diag_error(d, dir, 0, "cannot read the rule directory");
		return -1;
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
		    catalog_add(c, path, d) == -1)
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
	const char	*env;
	char		 dir[PATH_MAX], *paths = NULL, *p, *next;
	size_t		 i;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->entries = calloc(MAX_ENTRIES, sizeof(*c->entries))) == NULL)
		goto fail;
	if (datadir_path(dd, "schemas/requirements", dir, sizeof(dir)) ==
	    NULL || catalog_scan(c, dir, d) == -1)
		goto fail;
	if ((env = getenv("ENDORSE_RULES_PATH")) != NULL && *env != '\0') {
		if ((paths = strdup(env)) == NULL)
			goto fail;
		for (p = paths; p != NULL; p = next) {
			if ((next = strchr(p, ':')) != NULL)
				*next++ = '\0';
			if (*p != '\0' && catalog_scan(c, p, d) == -1)
				goto fail;
		}
		free(paths);
		paths = NULL;
	}
	if ((c->codes = calloc(c->count + 1, sizeof(char *))) == NULL)
		goto fail;
	for (i = 0; i < c->count; i++)
		c->codes[i] = c->entries[i].association;
	return c;
fail:
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
	for (i = 0; i < c->count; i++) {
		free(c->entries[i].association);
		free(c->entries[i].name);
		free(c->entries[i].path);
	}
	free(c->entries);
	free(c->codes);
	free(c);
}

const struct catalog_entry *
catalog_find(const struct catalog *c, const char *association)
{
	size_t	i;

	for (i = 0; i < c->count; i++)
		if (strcmp(c->entries[i].association, association) == 0)
			return &c->entries[i];
	return NULL;
}
