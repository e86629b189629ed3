/*
 * export: portfolio to CSV files (see export.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvtab.h"
#include "diag.h"
#include "export.h"
#include "sheet.h"

/* A growing string. */
struct str {
	char	*s;
	size_t	 len;
	int	 failed;
};

static void
str_add(struct str *b, const char *s)
{
	size_t	 n = strlen(s);
	char	*ns;

	if (b->failed)
		return;
	if ((ns = realloc(b->s, b->len + n + 1)) == NULL) {
		b->failed = 1;
		return;
	}
	memcpy(ns + b->len, s, n + 1);
	b->s = ns;
	b->len += n;
}

/* Append attribute name of n (when present) to b, after sep. */
static void
add_attr(struct str *b, xmlNodePtr n, const char *name, const char *sep)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);

	if (v != NULL && *v != '\0') {
		if (b->len > 0)
			str_add(b, sep);
		str_add(b, (const char *)v);
	}
	xmlFree(v);
}

/* The name of the person whose id is id, or NULL. */
static xmlChar *
person_name(xmlDocPtr doc, const xmlChar *id)
{
	xmlNodePtr	p;
	xmlChar		*pid;
	int		 match;

	for (p = sheet_child(sheet_child(xmlDocGetRootElement(doc), "people"),
	    "person"); p != NULL; p = p->next) {
		if (!sheet_is_element(p, "person"))
			continue;
		pid = xmlGetProp(p, (const xmlChar *)"id");
		match = pid != NULL && xmlStrcmp(pid, id) == 0;
		xmlFree(pid);
		if (match)
			return xmlNodeGetContent(sheet_child(p, "name"));
	}
	return NULL;
}

/* The cell of column c for element e. */
static char *
cell_value(xmlDocPtr doc, xmlNodePtr e, const struct sheet_column *c)
{
	struct str	 b = { NULL, 0, 0 };
	struct str	 one;
	xmlNodePtr	 ch;
	xmlChar		*v;

	str_add(&b, "");
	switch (c->cell) {
	case SHEET_ID:
	case SHEET_DATE:
	case SHEET_END_DATE:
	case SHEET_HOURS:
	case SHEET_WORD:
	case SHEET_WORDS:
	case SHEET_PERSON:
		add_attr(&b, e, c->node, "");
		break;
	case SHEET_PERSON_NAME:
		if ((v = xmlGetProp(e, (const xmlChar *)c->node)) != NULL) {
			xmlChar *name = person_name(doc, v);

			if (name != NULL)
				str_add(&b, (const char *)name);
			xmlFree(name);
		}
		xmlFree(v);
		break;
	case SHEET_TEXT:
		if ((ch = sheet_child(e, c->node)) != NULL) {
			v = xmlNodeGetContent(ch);
			str_add(&b, v != NULL ? (const char *)v : "");
			xmlFree(v);
		}
		break;
	case SHEET_CHILD_WORDS:
		for (ch = e->children; ch != NULL; ch = ch->next) {
			if (!sheet_is_element(ch, c->node))
				continue;
			v = xmlNodeGetContent(ch);
			if (b.len > 0)
				str_add(&b, " ");
			str_add(&b, v != NULL ? (const char *)v : "");
			xmlFree(v);
		}
		break;
	case SHEET_ENDORSEMENTS:
	case SHEET_APPROVED:
	case SHEET_VETTED:
		for (ch = e->children; ch != NULL; ch = ch->next) {
			if (!sheet_is_element(ch, c->node))
				continue;
			memset(&one, 0, sizeof(one));
			str_add(&one, "");
			add_attr(&one, ch, "association", " ");
			if (c->cell == SHEET_ENDORSEMENTS) {
				add_attr(&one, ch, "level", " ");
				add_attr(&one, ch, "designation", " ");
				add_attr(&one, ch, "track", " ");
				add_attr(&one, ch, "earned", " ");
			} else if (c->cell == SHEET_VETTED)
				add_attr(&one, ch, "date", " ");
			if (b.len > 0)
				str_add(&b, c->cell == SHEET_APPROVED ? " " :
				    "; ");
			str_add(&b, one.s != NULL ? one.s : "");
			b.failed |= one.failed;
			free(one.s);
		}
		break;
	}
	if (b.failed) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

struct csvtab *
export_table(xmlDocPtr doc, const struct sheet_kind *k)
{
	const char	*header[32];
	struct csvtab	*t;
	xmlNodePtr	 section, e;
	size_t		 i;
	long		 row;
	char		*v, *safe = NULL;

	for (i = 0; i < k->ncolumns && i < 32; i++)
		header[i] = k->columns[i].header;
	if ((t = csvtab_new(header, i)) == NULL)
		return NULL;
	section = sheet_child(xmlDocGetRootElement(doc), k->section);
	for (e = section != NULL ? section->children : NULL; e != NULL;
	    e = e->next) {
		if (!sheet_is_element(e, k->element))
			continue;
		if ((row = csvtab_add_row(t)) < 0)
			goto fail;
		for (i = 0; i < k->ncolumns; i++) {
			if ((v = cell_value(doc, e, &k->columns[i])) == NULL ||
			    (safe = sheet_cell_defuse(v)) == NULL ||
			    csvtab_set(t, (size_t)row, i, safe) == -1) {
				free(v);
				free(safe);
				goto fail;
			}
			free(v);
			free(safe);
			safe = NULL;
		}
	}
	return t;
fail:
	csvtab_free(t);
	return NULL;
}

enum sheet_status
export_run(xmlDocPtr doc, const char *dir, struct diag *d)
{
	const struct sheet_kind	*k;
	struct csvtab		*t;
	struct stat		 st;
	char			 path[PATH_MAX], *buf;
	size_t			 i, len;
	enum sheet_status	 rc;

	if (stat(dir, &st) == -1) {
		if (errno != ENOENT || mkdir(dir, 0777) == -1) {
			diag_error(d, dir, 0, "cannot create the directory: %s",
			    strerror(errno));
			return SHEET_CANNOT_CREATE;
		}
	} else if (!S_ISDIR(st.st_mode)) {
		diag_error(d, dir, 0, "not a directory: -o names the "
		    "directory the CSV files go to");
		return SHEET_CANNOT_CREATE;
	}
	for (i = 0; (k = sheet_kind_at(i)) != NULL; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s.csv", dir,
		    k->name) >= sizeof(path)) {
			diag_error(d, dir, 0, "the directory name is too long");
			return SHEET_CANNOT_CREATE;
		}
		if ((t = export_table(doc, k)) == NULL ||
		    (buf = csvtab_format(t, &len)) == NULL) {
			csvtab_free(t);
			diag_error(d, path, 0, "out of memory");
			return SHEET_INTERNAL;
		}
		csvtab_free(t);
		rc = sheet_save(path, buf, len, d);
		free(buf);
		if (rc != SHEET_OK)
			return rc;
	}
	return SHEET_OK;
}
