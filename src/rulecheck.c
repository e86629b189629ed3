/*
 * rulecheck: check a rule file (see rulecheck.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "datadir.h"
#include "diag.h"
#include "rulecheck.h"
#include "validate.h"

#define REQ_NS		"urn:endorse:requirements:1"

struct rulecheck {
	struct validate	*schema;
};

struct rulecheck *
rulecheck_new(const struct datadir *dd, struct diag *d)
{
	struct rulecheck	*rc;
	char			 path[PATH_MAX];

	if ((rc = calloc(1, sizeof(*rc))) == NULL) {
		diag_error(d, "requirements.xsd", 0, "out of memory");
		return NULL;
	}
	if (datadir_path(dd, "schemas/requirements.xsd", path,
	    sizeof(path)) == NULL ||
	    (rc->schema = validate_new(path, NULL, d)) == NULL) {
		rulecheck_free(rc);
		return NULL;
	}
	return rc;
}

void
rulecheck_free(struct rulecheck *rc)
{
	if (rc == NULL)
		return;
	validate_free(rc->schema);
	free(rc);
}

static int
is_req(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST REQ_NS) &&
	    (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

int
rulecheck_is_rule_file(xmlDocPtr doc)
{
	return doc != NULL && is_req(xmlDocGetRootElement(doc),
	    "requirements");
}

/* One check's state: the file, its messages, how many problems. */
struct check {
	const char	*name;
	struct diag	*diag;
	int		 problems;
	xmlNode		*tracks;	/* requirements/tracks, or NULL */
};

/* A track is declared when the file lists it under 'tracks'. */
static int
track_declared(const struct check *ck, const xmlChar *tok, size_t n)
{
	xmlNode	*t;
	xmlChar	*id;
	int	 found = 0;

	if (ck->tracks == NULL)
		return 0;
	for (t = ck->tracks->children; t != NULL && !found; t = t->next) {
		if (!is_req(t, "track"))
			continue;
		id = xmlGetProp(t, BAD_CAST "id");
		found = id != NULL && xmlStrlen(id) == (int)n &&
		    memcmp(id, tok, n) == 0;
		xmlFree(id);
	}
	return found;
}

/* Every track an attribute of n names must be declared. */
static void
check_tracks(struct check *ck, xmlNode *n, const char *attr)
{
	xmlChar		*list = xmlGetProp(n, BAD_CAST attr);
	const xmlChar	*p;
	size_t		 m;

	for (p = list; p != NULL && *p != '\0'; p += m) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		for (m = 0; p[m] != '\0' && p[m] != ' ' && p[m] != '\t' &&
		    p[m] != '\n' && p[m] != '\r'; m++)
			;
		if (m > 0 && !track_declared(ck, p, m)) {
			diag_error(ck->diag, ck->name, xmlGetLineNo(n),
			    "element '%s', attribute '%s': the track '%.*s' is "
			    "not declared under 'tracks'", (const char *)n->name,
			    attr, (int)m, (const char *)p);
			ck->problems++;
		}
	}
	xmlFree(list);
}

/* Tracks named anywhere in a rule: its own, compositions, providers. */
static void
check_rule_tracks(struct check *ck, xmlNode *rule)
{
	xmlNode	*c;

	if (xmlHasProp(rule, BAD_CAST "tracks"))
		check_tracks(ck, rule, "tracks");
	if (xmlHasProp(rule, BAD_CAST "endorsed-tracks"))
		check_tracks(ck, rule, "endorsed-tracks");
	for (c = rule->children; c != NULL; c = c->next)
		if ((is_req(c, "composition") || is_req(c, "qualifies")) &&
		    xmlHasProp(c, BAD_CAST "track"))
			check_tracks(ck, c, "track");
}

/* The rule of the set with this id, other than self, or NULL. */
static xmlNode *
find_rule(xmlNode *set, const xmlChar *id, const xmlNode *self)
{
	xmlNode	*r;
	xmlChar	*rid;
	int	 same;

	for (r = set->children; r != NULL; r = r->next) {
		if (r == self || !is_req(r, NULL))
			continue;
		rid = xmlGetProp(r, BAD_CAST "id");
		same = rid != NULL && xmlStrEqual(rid, id);
		xmlFree(rid);
		if (same)
			return r;
	}
	return NULL;
}

static void
check_rule(struct check *ck, xmlNode *set, xmlNode *rule)
{
	xmlChar	*id, *type, *other, *evidence;
	xmlNode	*first, *o, *c;
	int	 areas = 0;

	id = xmlGetProp(rule, BAD_CAST "id");
	/* ids unique: the first one with this id wins, later ones report */
	if (id != NULL && (first = find_rule(set, id, rule)) != NULL &&
	    xmlGetLineNo(first) < xmlGetLineNo(rule)) {
		diag_error(ck->diag, ck->name, xmlGetLineNo(rule), "rule id "
		    "'%s' is used twice in this rule set (first at line %ld)",
		    (const char *)id, xmlGetLineNo(first));
		ck->problems++;
	}
	if ((type = xmlGetProp(rule, BAD_CAST "type")) != NULL &&
	    !xmlStrEqual(type, rule->name)) {
		diag_error(ck->diag, ck->name, xmlGetLineNo(rule), "rule '%s': "
		    "type '%s' is not the element's type '%s'",
		    id != NULL ? (const char *)id : "", (const char *)type,
		    (const char *)rule->name);
		ck->problems++;
	}
	if ((other = xmlGetProp(rule, BAD_CAST "distinct-from")) != NULL) {
		o = xmlStrEqual(other, id) ? NULL : find_rule(set, other, rule);
		if (o == NULL || !xmlStrEqual(o->name, BAD_CAST "experience")) {
			diag_error(ck->diag, ck->name, xmlGetLineNo(rule),
			    "rule '%s', attribute 'distinct-from': '%s' is not "
			    "another experience rule of this rule set",
			    id != NULL ? (const char *)id : "",
			    (const char *)other);
			ck->problems++;
		}
	}
	evidence = xmlGetProp(rule, BAD_CAST "evidence");
	if (xmlStrEqual(evidence, BAD_CAST "competencies")) {
		for (c = rule->children; c != NULL; c = c->next)
			areas += is_req(c, "area");
		if (areas == 0) {
			diag_error(ck->diag, ck->name, xmlGetLineNo(rule),
			    "rule '%s': a competencies judgement must list its "
			    "competency areas ('area')",
			    id != NULL ? (const char *)id : "");
			ck->problems++;
		}
	}
	check_rule_tracks(ck, rule);
	xmlFree(evidence);
	xmlFree(other);
	xmlFree(type);
	xmlFree(id);
}

/* Two rule sets for the same kind, level and date: which one applies? */
static void
check_sets(struct check *ck, xmlNode *root)
{
	static const char *const key[] = { "kind", "level", "effective" };
	xmlNode	*a, *b;
	xmlChar	*va, *vb;
	size_t	 i;
	int	 same;

	for (a = root->children; a != NULL; a = a->next) {
		if (!is_req(a, "ruleset"))
			continue;
		for (b = root->children; b != a; b = b->next) {
			if (!is_req(b, "ruleset"))
				continue;
			for (same = 1, i = 0; same && i < 3; i++) {
				va = xmlGetProp(a, BAD_CAST key[i]);
				vb = xmlGetProp(b, BAD_CAST key[i]);
				same = va != NULL && vb != NULL &&
				    xmlStrEqual(va, vb);
				xmlFree(va);
				xmlFree(vb);
			}
			if (same) {
				diag_error(ck->diag, ck->name, xmlGetLineNo(a),
				    "this rule set has the kind, level and "
				    "effective date of the one at line %ld",
				    xmlGetLineNo(b));
				ck->problems++;
				break;
			}
		}
		for (b = a->children; b != NULL; b = b->next)
			if (is_req(b, NULL))
				check_rule(ck, a, b);
	}
}

/* Track ids declared once. */
static void
check_declared(struct check *ck)
{
	xmlNode	*a, *b;
	xmlChar	*va, *vb;
	int	 same;

	if (ck->tracks == NULL)
		return;
	for (a = ck->tracks->children; a != NULL; a = a->next) {
		if (!is_req(a, "track"))
			continue;
		for (b = ck->tracks->children; b != a; b = b->next) {
			if (!is_req(b, "track"))
				continue;
			va = xmlGetProp(a, BAD_CAST "id");
			vb = xmlGetProp(b, BAD_CAST "id");
			same = va != NULL && xmlStrEqual(va, vb);
			if (same) {
				diag_error(ck->diag, ck->name, xmlGetLineNo(a),
				    "the track '%s' is declared twice (first "
				    "at line %ld)", (const char *)va,
				    xmlGetLineNo(b));
				ck->problems++;
			}
			xmlFree(va);
			xmlFree(vb);
		}
	}
}

int
rulecheck_run(struct rulecheck *rc, xmlDocPtr doc, const char *name,
    struct diag *d)
{
	struct check	 ck;
	xmlNode		*root, *n;

	memset(&ck, 0, sizeof(ck));
	ck.name = name;
	ck.diag = d;
	root = xmlDocGetRootElement(doc);
	if (!is_req(root, "requirements")) {
		diag_error(d, name, root != NULL ? xmlGetLineNo(root) : 0,
		    "not a rule file: the root element must be "
		    "'requirements' in the namespace '%s'", REQ_NS);
		return -1;
	}
	/* The rest reads the tree the schema vouched for. */
	if (validate_run(rc->schema, doc, name, d) != 0)
		return -1;
	for (n = root->children; n != NULL; n = n->next)
		if (is_req(n, "tracks"))
			ck.tracks = n;
	check_declared(&ck);
	check_sets(&ck, root);
	return ck.problems > 0 ? -1 : 0;
}
