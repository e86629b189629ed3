/*
 * report: a checklist as text (see report.h).
 */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "diag.h"
#include "report.h"

#define CHECKLIST_NS	"urn:endorse:checklist:1"

/* Longest explanation shown on the rule's line; the XML has it all. */
#define MAX_SHOWN	2000

struct status_word {
	const char	*status;
	const char	*word;		/* padded to one width */
	const char	*colour;	/* SGR parameters */
};

static const struct status_word status_words[] = {
	{ "met",		"met    ",	"32" },
	{ "not-met",		"NOT MET",	"1;31" },
	{ "pending",		"PENDING",	"1;31" },
	{ "review",		"review ",	"33" },
	{ "not-applicable",	"n/a    ",	"2" },
	{ "advice",		"advice ",	"36" },
};

static const struct status_word *
status_find(const xmlChar *status)
{
	size_t	i;

	for (i = 0; i < sizeof(status_words) / sizeof(status_words[0]); i++)
		if (xmlStrEqual(status, BAD_CAST status_words[i].status))
			return &status_words[i];
	return NULL;
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST CHECKLIST_NS) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode	*c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

/* Escaped text content of a child element, or nothing. */
static void
put_child_text(FILE *out, const xmlNode *n, const char *name, size_t max)
{
	xmlNode	*c = child(n, name);
	xmlChar	*s;

	if (c == NULL || (s = xmlNodeGetContent(c)) == NULL)
		return;
	diag_escape(out, (const char *)s, max);
	xmlFree(s);
}

static void
put_attr(FILE *out, const xmlNode *n, const char *name)
{
	xmlChar	*s = xmlGetProp(n, BAD_CAST name);

	if (s == NULL)
		return;
	diag_escape(out, (const char *)s, 200);
	xmlFree(s);
}

static void
sgr(FILE *out, int colour, const char *params)
{
	if (colour)
		fprintf(out, "\033[%sm", params);
}

static void
report_rule(FILE *out, const xmlNode *rule, int colour)
{
	const struct status_word	*sw;
	xmlChar				*status;

	status = xmlGetProp(rule, BAD_CAST "status");
	sw = status_find(status);
	fputs("  ", out);
	put_attr(out, rule, "id");
	{
		xmlChar	*id = xmlGetProp(rule, BAD_CAST "id");
		int	 pad = 8 - (id != NULL ? xmlStrlen(id) : 0);

		while (pad-- > 0)
			fputc(' ', out);
		xmlFree(id);
	}
	sgr(out, colour, sw != NULL ? sw->colour : "0");
	if (sw != NULL)
		fputs(sw->word, out);
	else
		diag_escape(out, status != NULL ? (const char *)status : "?",
		    20);
	sgr(out, colour, "0");
	fputs("  ", out);
	put_child_text(out, rule, "explanation", MAX_SHOWN);
	fputc('\n', out);
	xmlFree(status);
}

int
report_text(xmlDocPtr checklist, const char *name, int colour, FILE *out)
{
	xmlNode	*root = xmlDocGetRootElement(checklist);
	xmlNode	*n, *missing;
	xmlChar	*result, *kind;
	int	 any = 0;

	if (!is_el(root, "checklist"))
		return -1;
	diag_escape(out, name, 0);
	fputs(": ", out);
	put_child_text(out, child(root, "applicant"), "name", 200);
	fputs("\n  ", out);
	put_attr(out, root, "title");
	kind = xmlGetProp(root, BAD_CAST "kind");
	if (xmlStrEqual(kind, BAD_CAST "renewal")) {
		fputs(", year ", out);
		put_attr(out, root, "year");
	} else {
		fputs(", ", out);
		put_attr(out, root, "track-name");
		fputs(" track", out);
	}
	xmlFree(kind);
	fputs(", ", out);
	put_attr(out, root, "association");
	fputs(", as of ", out);
	put_attr(out, root, "as-of");
	fputs("\n\n", out);

	for (n = root->children; n != NULL; n = n->next)
		if (is_el(n, "rule"))
			report_rule(out, n, colour);

	result = xmlGetProp(root, BAD_CAST "result");
	fputs("\n  Result: ", out);
	sgr(out, colour, xmlStrEqual(result, BAD_CAST "ready") ? "1;32" :
	    xmlStrEqual(result, BAD_CAST "needs-review") ? "1;33" : "1;31");
	put_child_text(out, root, "summary", 400);
	sgr(out, colour, "0");
	fputc('\n', out);
	xmlFree(result);

	if ((missing = child(root, "missing")) != NULL)
		for (n = missing->children; n != NULL; n = n->next) {
			xmlChar	*s;

			if (!is_el(n, "item"))
				continue;
			if (!any)
				fputs("\n  What is missing:\n", out);
			any = 1;
			fputs("    - ", out);
			put_attr(out, n, "rule");
			fputs(": ", out);
			if ((s = xmlNodeGetContent(n)) != NULL) {
				diag_escape(out, (const char *)s, MAX_SHOWN);
				xmlFree(s);
			}
			fputc('\n', out);
		}
	fputc('\n', out);
	return ferror(out) ? -1 : 0;
}
