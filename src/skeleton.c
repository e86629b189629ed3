/*
 * skeleton: a new portfolio from the schema and a rule file (see
 * skeleton.h).
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "diag.h"
#include "sheet.h"
#include "skeleton.h"
#include "xmlload.h"

#define XS	"http://www.w3.org/2001/XMLSchema"
#define REQ	"urn:endorse:requirements:1"
#define WIDTH	78

/* What each section holds, for its comment (sections the schema adds
 * later get a pointer to the format's documentation). */
static const struct {
	const char	*section;
	const char	*what;
} purposes[] = {
	{ "applicant", "Who applies: the name, in any script (replace the "
	  "placeholder), an e-mail address, endorsements already held." },
	{ "application", "What is applied for: the association, the level "
	  "and the track, filled in by 'endorse new'. Add "
	  "submitted=\"YYYY-MM-DD\" when the portfolio is sent." },
	{ "education", "Degrees, other degrees and programs, in any order, "
	  "then at most one in-service request. Post-graduate time starts "
	  "the day after the earliest listed degree." },
	{ "training", "Courses of education and training, one element per "
	  "course. Hours are exact decimals; only relationship-based=\"yes\" "
	  "counts toward the training hours. Also kept as training.csv "
	  "(endorse export, endorse import)." },
	{ "experience", "All positions (dated, with every kind of work that "
	  "applies), then all leadership activities (with their scope). "
	  "Also kept as positions.csv and leadership.csv." },
	{ "reflective-supervision", "The reflective supervision/consultation "
	  "the applicant received: one element per session; the provider "
	  "is the id of a person under people. A session without a provider "
	  "is never counted. Also kept as sessions.csv." },
	{ "people", "Every RS/C provider and reference rater, once, with a "
	  "unique id; what qualifies them (endorsements earned, approved "
	  "lists, vetting) is recorded here. Also kept as people.csv." },
	{ "references", "All reference ratings (the rater is a person's id; "
	  "no completed date: requested, not yet in), then the statements "
	  "that a role does not apply. Also kept as references.csv." },
	{ "attestations", "In this order: the Code of Ethics signature, the "
	  "exam sittings, memberships, fees paid." },
	{ "renewals", "Continuing endorsement: one element per calendar year "
	  "(read by 'endorse renew')." },
};

/* Which sections each rule type reads (RULES.md, evaluate.xsl). */
static const struct {
	const char	*type;
	const char	*evidence;	/* for judgement rules */
	const char	*sections;	/* space-separated; "portfolio": all */
} readers[] = {
	{ "membership", NULL, "attestations" },
	{ "fee", NULL, "attestations" },
	{ "degree", NULL, "education" },
	{ "transcripts", NULL, "education" },
	{ "on-request", NULL, "education" },
	{ "hours", NULL, "training" },
	{ "judgement", "competencies", "training" },
	{ "judgement", "leadership", "experience" },
	{ "experience", NULL, "experience" },
	{ "leadership-scope", NULL, "experience" },
	{ "rsc-hours", NULL, "reflective-supervision people" },
	{ "rsc-window", NULL, "reflective-supervision" },
	{ "rsc-provider", NULL, "reflective-supervision people" },
	{ "rsc-identified", NULL, "reflective-supervision" },
	{ "references", NULL, "references people" },
	{ "rater-endorsed", NULL, "references people" },
	{ "reference-roles", NULL, "references" },
	{ "signature", NULL, "attestations" },
	{ "exam", NULL, "attestations" },
	{ "renewal-hours", NULL, "renewals" },
	{ "renewal-topic-hours", NULL, "renewals" },
	{ "renewal-membership", NULL, "renewals attestations" },
	{ "renewal-receives-rsc", NULL, "renewals" },
};

/* Placeholders by simple type; closed lists show their words. */
static const struct {
	const char	*type;
	const char	*placeholder;
} placeholders[] = {
	{ "date", "YYYY-MM-DD" }, { "end-date", "YYYY-MM-DD" },
	{ "hours", "0" }, { "amount", "0" }, { "year", "YYYY" },
	{ "name", "NAME" }, { "title", "TITLE" }, { "text", "TEXT" },
	{ "note", "TEXT" }, { "email", "name@example.org" },
	{ "identifier", "ID" }, { "person-ref", "ID-OF-A-PERSON" },
};

struct build {
	const struct sheet_schema	*s;
	const struct skeleton_params	*p;
	xmlXPathContextPtr		 xs;	/* on the schema */
	xmlXPathContextPtr		 rq;	/* on the rule file */
	xmlNodePtr			 ruleset;
	xmlNodePtr			 renewals;
	GString				*out;
};

static int
has_word(const char *list, const char *word)
{
	size_t		n = strlen(word);
	const char	*p = list;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

/* The first node expr selects from node, or NULL. */
static xmlNodePtr
select_one(xmlXPathContextPtr xp, xmlNodePtr node, const char *expr)
{
	xmlXPathObjectPtr	r;
	xmlNodePtr		n = NULL;

	xp->node = node;
	if ((r = xmlXPathEvalExpression((const xmlChar *)expr, xp)) == NULL)
		return NULL;
	if (r->nodesetval != NULL && r->nodesetval->nodeNr > 0)
		n = r->nodesetval->nodeTab[0];
	xmlXPathFreeObject(r);
	return n;
}

static xmlXPathObjectPtr
select_all(xmlXPathContextPtr xp, xmlNodePtr node, const char *expr)
{
	xp->node = node;
	return xmlXPathEvalExpression((const xmlChar *)expr, xp);
}

static int
count(xmlXPathObjectPtr r)
{
	return r != NULL && r->nodesetval != NULL ? r->nodesetval->nodeNr : 0;
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*s = g_strdup(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return s;
}

/* Text fit for a comment: no "--", no '-' at the end, spaces collapsed. */
static char *
comment_safe(const char *s)
{
	GString	*g = g_string_new(NULL);
	int	 space = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			space = g->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(g, ' ');
		space = 0;
		if (*s == '-' && g->len > 0 && g->str[g->len - 1] == '-')
			g_string_append_c(g, ' ');
		g_string_append_c(g, *s);
	}
	if (g->len > 0 && g->str[g->len - 1] == '-')
		g_string_append_c(g, ' ');
	return g_string_free(g, FALSE);
}

/* Append text word-wrapped, each line starting with indent. */
static void
wrap(GString *out, const char *indent, const char *text)
{
	char	*safe = comment_safe(text), **words, **w;
	size_t	 col = 0, ind = strlen(indent);

	words = g_strsplit(safe, " ", -1);
	for (w = words; *w != NULL; w++) {
		if (**w == '\0')
			continue;
		if (col == 0) {
			g_string_append(out, indent);
			col = ind;
		} else if (col + 1 + g_utf8_strlen(*w, -1) > WIDTH) {
			g_string_append_c(out, '\n');
			g_string_append(out, indent);
			col = ind;
		} else {
			g_string_append_c(out, ' ');
			col++;
		}
		g_string_append(out, *w);
		col += (size_t)g_utf8_strlen(*w, -1);
	}
	if (col > 0)
		g_string_append_c(out, '\n');
	g_strfreev(words);
	g_free(safe);
}

/* A placeholder for a value of the named simple type. */
static char *
placeholder(struct build *b, const char *type)
{
	const char *const	*words;
	xmlNodePtr		 list;
	char			*item;
	size_t			 i, n;
	GString			*g;

	if (strcmp(type, "association") == 0)
		return g_strdup(b->p->association);
	if (strcmp(type, "track") == 0)
		return g_strdup(b->p->track);
	for (i = 0; i < G_N_ELEMENTS(placeholders); i++)
		if (strcmp(placeholders[i].type, type) == 0)
			return g_strdup(placeholders[i].placeholder);
	words = sheet_schema_words(b->s, type);
	if (words == NULL) {
		/* a list type: the words of its items */
		char *expr = g_strdup_printf("/xs:schema/xs:simpleType[@name="
		    "'%s']//xs:list", type);

		list = select_one(b->xs, NULL, expr);
		g_free(expr);
		if (list == NULL)
			return g_strdup("VALUE");
		item = prop(list, "itemType");
		words = sheet_schema_words(b->s, item);
		g_free(item);
		if (words == NULL)
			return g_strdup("VALUE");
	}
	for (n = 0; words[n] != NULL; n++)
		;
	g = g_string_new(NULL);
	for (i = 0; i < n && i < 3; i++)
		g_string_append_printf(g, "%s%s", i ? "|" : "", words[i]);
	if (n > 3)
		g_string_append(g, "|...");
	return g_string_free(g, FALSE);
}

/* The complex type of an element declaration, or NULL (simple). */
static xmlNodePtr
complex_of(struct build *b, xmlNodePtr decl)
{
	xmlNodePtr	ct;
	char		*type, *expr;

	if ((ct = select_one(b->xs, decl, "xs:complexType")) != NULL)
		return ct;
	type = prop(decl, "type");
	expr = g_strdup_printf("/xs:schema/xs:complexType[@name='%s']", type);
	ct = type[0] != '\0' ? select_one(b->xs, NULL, expr) : NULL;
	g_free(expr);
	g_free(type);
	return ct;
}

/* One example element for the declaration decl, at indent. */
static void
example(struct build *b, xmlNodePtr decl, const char *indent, int depth)
{
	xmlXPathObjectPtr	 attrs, kids;
	xmlNodePtr		 ct, base;
	char			*name = prop(decl, "name"), *a, *t, *ph;
	char			*inner;
	int			 i;

	ct = complex_of(b, decl);
	if (ct == NULL) {
		t = prop(decl, "type");
		ph = placeholder(b, t);
		g_string_append_printf(b->out, "%s<%s>%s</%s>\n", indent, name,
		    ph, name);
		g_free(ph);
		g_free(t);
		g_free(name);
		return;
	}
	g_string_append_printf(b->out, "%s<%s", indent, name);
	attrs = select_all(b->xs, ct, "xs:attribute | "
	    "xs:simpleContent/xs:extension/xs:attribute");
	for (i = 0; i < count(attrs); i++) {
		a = prop(attrs->nodesetval->nodeTab[i], "name");
		t = prop(attrs->nodesetval->nodeTab[i], "type");
		ph = placeholder(b, t);
		g_string_append_printf(b->out, " %s=\"%s\"", a, ph);
		g_free(ph);
		g_free(t);
		g_free(a);
	}
	xmlXPathFreeObject(attrs);
	kids = select_all(b->xs, ct, "xs:sequence/xs:element | "
	    "xs:sequence/xs:choice/xs:element");
	base = select_one(b->xs, ct, "xs:simpleContent/xs:extension");
	if (base != NULL) {
		t = prop(base, "base");
		ph = placeholder(b, t);
		g_string_append_printf(b->out, ">%s</%s>\n", ph, name);
		g_free(ph);
		g_free(t);
	} else if (count(kids) == 0 || depth >= 2)
		g_string_append(b->out, "/>\n");
	else {
		g_string_append(b->out, ">\n");
		inner = g_strdup_printf("%s  ", indent);
		for (i = 0; i < count(kids); i++)
			example(b, kids->nodesetval->nodeTab[i], inner,
			    depth + 1);
		g_free(inner);
		g_string_append_printf(b->out, "%s</%s>\n", indent, name);
	}
	xmlXPathFreeObject(kids);
	g_free(name);
}

/* The rule's short wording: at most about 70 characters. */
static char *
rule_text(struct build *b, xmlNodePtr r)
{
	xmlChar	*x = xmlNodeGetContent(select_one(b->rq, r, "r:text"));
	char	*text = g_strdup(x != NULL ? (const char *)x : ""), *cut;

	xmlFree(x);
	if (g_utf8_strlen(text, -1) > 70) {
		cut = g_utf8_offset_to_pointer(text, 66);
		while (cut > text && *cut != ' ')
			cut--;
		strcpy(cut, " ...");
	}
	return text;
}

/*
 * The rules of ruleset for the track that read section, as "TRN-1
 * (Minimum 30 clock hours ...); TRN-2 (...)"; with section NULL, the ids
 * of those no section is listed for (judgements of the whole portfolio).
 */
static void
readers_of(struct build *b, xmlNodePtr ruleset, const char *section,
    GString *list)
{
	xmlXPathObjectPtr	 rules;
	xmlNodePtr		 r;
	char			*id, *type, *tracks, *evidence, *text;
	size_t			 j;
	int			 i, applies;

	if (ruleset == NULL)
		return;
	/* a rule is an element with an id, named by its type */
	rules = select_all(b->rq, ruleset, "r:*[@id]");
	for (i = 0; i < count(rules); i++) {
		r = rules->nodesetval->nodeTab[i];
		id = prop(r, "id");
		type = g_strdup((const char *)r->name);
		tracks = prop(r, "tracks");
		evidence = prop(r, "evidence");
		for (j = 0; j < G_N_ELEMENTS(readers); j++)
			if (strcmp(readers[j].type, type) == 0 &&
			    (readers[j].evidence == NULL ||
			    strcmp(readers[j].evidence, evidence) == 0))
				break;
		applies = strcmp(type, "not-applicable") != 0 &&
		    (tracks[0] == '\0' || has_word(tracks, b->p->track));
		if (applies && section == NULL && j == G_N_ELEMENTS(readers))
			g_string_append_printf(list, "%s%s", list->len ? ", " :
			    "", id);
		else if (applies && section != NULL &&
		    j < G_N_ELEMENTS(readers) &&
		    has_word(readers[j].sections, section)) {
			text = rule_text(b, r);
			g_string_append_printf(list, "%s%s (%s)",
			    list->len ? "; " : "", id, text);
			g_free(text);
		}
		g_free(id);
		g_free(type);
		g_free(tracks);
		g_free(evidence);
	}
	xmlXPathFreeObject(rules);
}

/* The rule set of kind in effect on as_of: the latest effective date. */
static xmlNodePtr
ruleset_of(struct build *b, const char *kind)
{
	xmlXPathObjectPtr	 sets;
	xmlNodePtr		 best = NULL;
	char			*eff, *best_eff = NULL, *expr;
	int			 i;

	expr = g_strdup_printf("/r:requirements/r:ruleset[@kind='%s' and "
	    "@level='IV']", kind);
	sets = select_all(b->rq, NULL, expr);
	g_free(expr);
	for (i = 0; i < count(sets); i++) {
		eff = prop(sets->nodesetval->nodeTab[i], "effective");
		if (strcmp(eff, b->p->as_of) <= 0 && (best_eff == NULL ||
		    strcmp(eff, best_eff) > 0)) {
			g_free(best_eff);
			best_eff = eff;
			best = sets->nodesetval->nodeTab[i];
		} else
			g_free(eff);
	}
	g_free(best_eff);
	xmlXPathFreeObject(sets);
	return best;
}

/*
 * Whether the rule file offers the track: when it lists its tracks, the
 * track must be one of them (a message otherwise).
 */
static int
track_offered(struct build *b, struct diag *d)
{
	xmlXPathObjectPtr	 ids;
	GString			*list;
	char			*id;
	int			 i, found = 0, n;

	ids = select_all(b->rq, NULL, "/r:requirements/r:tracks/r:track");
	if ((n = count(ids)) == 0) {
		xmlXPathFreeObject(ids);
		return 1;
	}
	list = g_string_new(NULL);
	for (i = 0; i < n; i++) {
		id = prop(ids->nodesetval->nodeTab[i], "id");
		found |= strcmp(id, b->p->track) == 0;
		g_string_append_printf(list, "%s%s", i == 0 ? "" : i + 1 == n ?
		    " or " : ", ", id);
		g_free(id);
	}
	if (!found)
		diag_error(d, b->p->rules_path, 0, "%s has no track '%s': "
		    "expected %s", b->p->association, b->p->track, list->str);
	g_string_free(list, TRUE);
	xmlXPathFreeObject(ids);
	return found;
}

static const char *
purpose_of(const char *section)
{
	size_t	i;

	for (i = 0; i < G_N_ELEMENTS(purposes); i++)
		if (strcmp(purposes[i].section, section) == 0)
			return purposes[i].what;
	return "See the section of this name in schemas/README.md.";
}

/* One section: its comment, then the element, empty. */
static void
section(struct build *b, xmlNodePtr decl)
{
	xmlXPathObjectPtr	 kids;
	xmlNodePtr		 ct;
	char			*name = prop(decl, "name"), *esc, *s;
	GString			*list = g_string_new(NULL);
	int			 i;

	readers_of(b, b->ruleset, name, list);
	if (strcmp(name, "renewals") == 0)
		readers_of(b, b->renewals, name, list);
	g_string_append_printf(b->out, "\n  <!-- %s:\n", name);
	wrap(b->out, "       ", purpose_of(name));
	if (list->len > 0) {
		s = g_strdup_printf("Read by %s.", list->str);
		wrap(b->out, "       ", s);
		g_free(s);
	} else if (strcmp(name, "application") == 0)
		wrap(b->out, "       ", "Read by every rule: the association "
		    "and the track decide which rules apply.");
	else
		wrap(b->out, "       ", "No rule of this association and "
		    "track reads it; the committee sees it.");
	ct = complex_of(b, decl);
	if (strcmp(name, "applicant") == 0) {
		g_string_append(b->out, "  -->\n  <applicant>\n    <name>");
		esc = (char *)xmlEncodeSpecialChars(NULL, (const xmlChar *)
		    (b->p->name != NULL ? b->p->name :
		    "NAME OF THE APPLICANT"));
		g_string_append(b->out, esc);
		xmlFree(esc);
		g_string_append(b->out, "</name>\n    <!-- more, such as:\n");
		kids = select_all(b->xs, ct, "xs:sequence/xs:element"
		    "[@name != 'name']");
		for (i = 0; i < count(kids); i++)
			example(b, kids->nodesetval->nodeTab[i], "    ", 1);
		xmlXPathFreeObject(kids);
		g_string_append(b->out, "    -->\n  </applicant>\n");
	} else if (strcmp(name, "application") == 0) {
		g_string_append_printf(b->out, "  -->\n  <application "
		    "association=\"%s\" level=\"IV\" track=\"%s\"/>\n",
		    b->p->association, b->p->track);
	} else {
		g_string_append(b->out, "       One entry of each kind, "
		    "to copy out of this comment:\n");
		kids = select_all(b->xs, ct, "xs:sequence/xs:element | "
		    "xs:sequence/xs:choice/xs:element");
		for (i = 0; i < count(kids); i++)
			example(b, kids->nodesetval->nodeTab[i], "    ", 1);
		xmlXPathFreeObject(kids);
		g_string_append_printf(b->out, "  -->\n  <%s>\n  </%s>\n",
		    name, name);
	}
	g_string_free(list, TRUE);
	g_free(name);
}

char *
skeleton_build(const struct sheet_schema *s, const struct skeleton_params *p,
    struct diag *d, size_t *len)
{
	struct build		 b;
	enum xmlload_status	 st;
	xmlDocPtr		 rules = NULL;
	xmlXPathObjectPtr	 secs = NULL;
	xmlNodePtr		 root;
	char			*assoc_name = NULL, *file, *txt;
	GString			*all;
	int			 i, ok = 0;

	/* The track is checked against the rule file's (track_offered). */
	memset(&b, 0, sizeof(b));
	b.s = s;
	b.p = p;
	if ((rules = xmlload_file(p->rules_path, NULL, d, &st)) == NULL)
		return NULL;
	b.out = g_string_new(NULL);
	b.xs = xmlXPathNewContext(sheet_schema_doc(s));
	b.rq = xmlXPathNewContext(rules);
	if (b.xs == NULL || b.rq == NULL ||
	    xmlXPathRegisterNs(b.xs, (const xmlChar *)"xs",
	    (const xmlChar *)XS) != 0 ||
	    xmlXPathRegisterNs(b.rq, (const xmlChar *)"r",
	    (const xmlChar *)REQ) != 0)
		goto out;
	if (!track_offered(&b, d))
		goto out;
	if ((b.ruleset = ruleset_of(&b, "initial")) == NULL) {
		diag_error(d, p->rules_path, 0, "no Level IV rules of %s are "
		    "in effect on %s", p->association, p->as_of);
		goto out;
	}
	b.renewals = ruleset_of(&b, "renewal");
	root = xmlDocGetRootElement(rules);
	assoc_name = prop(root, "name");
	file = g_path_get_basename(p->rules_path);

	g_string_append(b.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!--\n");
	txt = g_strdup_printf("A new portfolio for %s (%s), Level IV, track "
	    "%s, made by 'endorse new' from the portfolio schema and the "
	    "rules in %s. Every section is here, in the order the format "
	    "requires, each with a comment saying what goes there and which "
	    "rules read it. Replace the placeholder in capitals, fill the "
	    "sections (the commented entries show every attribute and "
	    "element, with placeholders: YYYY-MM-DD, NAME, words separated "
	    "by '|' to choose from), and run 'endorse check' to see what is "
	    "still missing.", p->association, assoc_name, p->track, file);
	wrap(b.out, "  ", txt);
	g_free(txt);
	all = g_string_new(NULL);
	readers_of(&b, b.ruleset, NULL, all);
	if (all->len > 0) {
		txt = g_strdup_printf("The committee judges the portfolio as "
		    "a whole for %s.", all->str);
		wrap(b.out, "  ", txt);
		g_free(txt);
	}
	g_string_free(all, TRUE);
	g_free(file);
	g_string_append(b.out, "-->\n<portfolio xmlns=\"" SHEET_NS "\" "
	    "version=\"1\">");

	secs = select_all(b.xs, NULL, "/xs:schema/xs:element[@name="
	    "'portfolio']/xs:complexType/xs:sequence/xs:element");
	for (i = 0; i < count(secs); i++)
		section(&b, secs->nodesetval->nodeTab[i]);
	g_string_append(b.out, "</portfolio>\n");
	ok = 1;
out:
	xmlXPathFreeObject(secs);
	xmlXPathFreeContext(b.xs);
	xmlXPathFreeContext(b.rq);
	xmlFreeDoc(rules);
	g_free(assoc_name);
	if (!ok) {
		if (b.out != NULL)
			g_string_free(b.out, TRUE);
		return NULL;
	}
	*len = b.out->len;
	{
		char	*buf = malloc(b.out->len + 1);

		if (buf != NULL)
			memcpy(buf, b.out->str, b.out->len + 1);
		g_string_free(b.out, TRUE);
		if (buf == NULL)
			diag_error(d, NULL, 0, "out of memory");
		return buf;
	}
}

enum sheet_status
skeleton_write(const struct sheet_check *check, const struct sheet_schema *s,
    const struct skeleton_params *p, const char *out, struct diag *d)
{
	enum xmlload_status	 st;
	enum sheet_status	 rc = SHEET_REJECTED;
	xmlDocPtr		 doc = NULL;
	const char		*name = strcmp(out, "-") == 0 ? "<stdout>" :
				    out;
	char			*buf;
	size_t			 len;

	if ((buf = skeleton_build(s, p, d, &len)) == NULL)
		return SHEET_REJECTED;
	if ((doc = xmlload_memory(buf, len, name, d, &st)) == NULL ||
	    check->run(check->arg, doc, name, d) != 0) {
		diag_error(d, name, 0, "not written: the new portfolio is not "
		    "valid (is the name one line of at most 200 "
		    "characters?)");
		goto out;
	}
	rc = sheet_save(out, buf, len, d);
out:
	xmlFreeDoc(doc);
	free(buf);
	return rc;
}
