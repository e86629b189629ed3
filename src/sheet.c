/*
 * sheet: the kinds of spreadsheet tables and the schema's facts (see
 * sheet.h).
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "diag.h"
#include "outfile.h"
#include "sheet.h"
#include "xmlload.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * The columns, in the order export writes them.  Child-element columns
 * come in the order applicant.xsd puts the children.
 */
static const struct sheet_column training_columns[] = {
	{ "id", NULL, "id", SHEET_ID, "identifier", 0, 0 },
	{ "start", NULL, "start", SHEET_DATE, "date", 1, 1 },
	{ "end", NULL, "end", SHEET_DATE, "date", 0, 0 },
	{ "hours", NULL, "hours", SHEET_HOURS, "hours", 1, 1 },
	{ "title", NULL, "title", SHEET_TEXT, "title", 1, 1 },
	{ "provider", NULL, "provider", SHEET_TEXT, "name", 1, 1 },
	{ "relationship-based", NULL, "relationship-based", SHEET_WORD,
	  "yes-no", 1, 1 },
	{ "in-service", NULL, "in-service", SHEET_WORD, "yes-no", 0, 0 },
	{ "about RS/C", NULL, "about-rsc", SHEET_WORD, "yes-no", 0, 0 },
	{ "competency areas", "competencies", "competency",
	  SHEET_CHILD_WORDS, "competency", 0, 0 },
};

static const struct sheet_column session_columns[] = {
	{ "date", NULL, "date", SHEET_DATE, "date", 1, 1 },
	{ "hours", NULL, "hours", SHEET_HOURS, "hours", 1, 1 },
	{ "format", NULL, "format", SHEET_WORD, "session-format", 1, 1 },
	{ "provider", NULL, "provider", SHEET_PERSON, "person-ref", 0, 0 },
	{ "provider name", NULL, "provider", SHEET_PERSON_NAME, "name", 0, 0 },
};

static const struct sheet_column position_columns[] = {
	{ "id", NULL, "id", SHEET_ID, "identifier", 0, 0 },
	{ "start", NULL, "start", SHEET_DATE, "date", 1, 1 },
	{ "end", NULL, "end", SHEET_END_DATE, "end-date", 1, 1 },
	{ "work", NULL, "work", SHEET_WORDS, "work-kind", 1, 1 },
	{ "role", NULL, "role", SHEET_TEXT, "title", 1, 1 },
	{ "employer", NULL, "employer", SHEET_TEXT, "name", 1, 1 },
	{ "description", NULL, "description", SHEET_TEXT, "text", 0, 0 },
};

static const struct sheet_column leadership_columns[] = {
	{ "id", NULL, "id", SHEET_ID, "identifier", 0, 0 },
	{ "activity", NULL, "activity", SHEET_WORD, "leadership-activity",
	  1, 1 },
	{ "scope", NULL, "scope", SHEET_WORD, "scope", 1, 1 },
	{ "start", NULL, "start", SHEET_DATE, "date", 1, 1 },
	{ "end", NULL, "end", SHEET_END_DATE, "end-date", 0, 0 },
	{ "description", NULL, "description", SHEET_TEXT, "text", 1, 1 },
};

static const struct sheet_column person_columns[] = {
	{ "id", NULL, "id", SHEET_ID, "identifier", 0, 0 },
	{ "name", NULL, "name", SHEET_TEXT, "name", 1, 1 },
	{ "e-mail", NULL, "email", SHEET_TEXT, "email", 0, 0 },
	{ "endorsements", NULL, "endorsement", SHEET_ENDORSEMENTS,
	  "association", 0, 0 },
	{ "approved list", "approved-provider", "approved-provider",
	  SHEET_APPROVED, "association", 0, 0 },
	{ "vetted", "vetted-level-iv-clinical", "vetted-level-iv-clinical",
	  SHEET_VETTED, "association", 0, 0 },
};

static const struct sheet_column reference_columns[] = {
	{ "person", NULL, "person", SHEET_PERSON, "person-ref", 0, 0 },
	{ "person name", NULL, "person", SHEET_PERSON_NAME, "name", 0, 0 },
	{ "role", NULL, "role", SHEET_WORD, "reference-role", 1, 1 },
	{ "completed", NULL, "completed", SHEET_DATE, "date", 0, 0 },
	{ "familiar with IMH", NULL, "familiar-with-imh", SHEET_WORD,
	  "yes-no", 0, 0 },
};

static const struct sheet_kind kinds[] = {
	{ "people", "people", "person", NULL, person_columns,
	  N(person_columns) },
	{ "training", "training", "course", NULL, training_columns,
	  N(training_columns) },
	{ "sessions", "reflective-supervision", "session", NULL,
	  session_columns, N(session_columns) },
	{ "positions", "experience", "position", "leadership",
	  position_columns, N(position_columns) },
	{ "leadership", "experience", "leadership", NULL, leadership_columns,
	  N(leadership_columns) },
	{ "references", "references", "reference", "statement",
	  reference_columns, N(reference_columns) },
};

size_t
sheet_kind_count(void)
{
	return N(kinds);
}

const struct sheet_kind *
sheet_kind_at(size_t i)
{
	return i < N(kinds) ? &kinds[i] : NULL;
}

const struct sheet_kind *
sheet_kind_find(const char *name)
{
	size_t	i;

	for (i = 0; i < N(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

char *
sheet_key(const char *s)
{
	gchar	*folded;
	char	*key, *q;
	const char *p;

	if (!g_utf8_validate(s, -1, NULL))
		return NULL;
	folded = g_utf8_casefold(s, -1);
	if ((key = malloc(strlen(folded) + 1)) == NULL) {
		g_free(folded);
		return NULL;
	}
	for (p = folded, q = key; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (unsigned char)*p >= 0x80)
			*q++ = *p;
	*q = '\0';
	g_free(folded);
	return key;
}

static int
key_equal(const char *key, const char *name)
{
	char	*k = sheet_key(name);
	int	 eq = k != NULL && strcmp(k, key) == 0;

	free(k);
	return eq;
}

int
sheet_column_find(const struct sheet_kind *k, const char *s)
{
	char	*key = sheet_key(s);
	size_t	 i;
	int	 found = -1;

	if (key == NULL)
		return -1;
	for (i = 0; i < k->ncolumns && found == -1; i++)
		if (key_equal(key, k->columns[i].header) ||
		    (k->columns[i].alias != NULL &&
		    key_equal(key, k->columns[i].alias)))
			found = (int)i;
	free(key);
	return found;
}

char *
sheet_fold(const char *s)
{
	gchar		*nfc, *folded;
	const gchar	*p;
	char		*out, *q;
	int		 space = 0;

	if (!g_utf8_validate(s, -1, NULL))
		return NULL;
	nfc = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
	folded = g_utf8_casefold(nfc != NULL ? nfc : s, -1);
	g_free(nfc);
	if ((out = malloc(strlen(folded) + 1)) == NULL) {
		g_free(folded);
		return NULL;
	}
	q = out;
	for (p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
		if (g_unichar_isspace(g_utf8_get_char(p))) {
			space = q > out;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = 0;
		q += g_unichar_to_utf8(g_utf8_get_char(p), q);
	}
	*q = '\0';
	g_free(folded);
	return out;
}

/* Whether s is "'"... then a character that starts a formula. */
static int
formula_like(const char *s)
{
	s += strspn(s, "'");
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

char *
sheet_cell_defuse(const char *s)
{
	char	*out;

	if (!formula_like(s))
		return strdup(s);
	if ((out = malloc(strlen(s) + 2)) == NULL)
		return NULL;
	out[0] = '\'';
	memcpy(out + 1, s, strlen(s) + 1);
	return out;
}

const char *
sheet_cell_plain(const char *s)
{
	return s[0] == '\'' && formula_like(s) ? s + 1 : s;
}

int
sheet_is_element(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrcmp(n->ns->href, (const xmlChar *)SHEET_NS) == 0 &&
	    (name == NULL || xmlStrcmp(n->name, (const xmlChar *)name) == 0);
}

xmlNodePtr
sheet_child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr	c;

	for (c = parent != NULL ? parent->children : NULL; c != NULL;
	    c = c->next)
		if (sheet_is_element(c, name))
			return c;
	return NULL;
}

enum sheet_status
sheet_save(const char *path, const void *data, size_t len, struct diag *d)
{
	switch (outfile_write(path, data, len, d)) {
	case OUTFILE_OK:
		return SHEET_OK;
	case OUTFILE_CANNOT_CREATE:
		return SHEET_CANNOT_CREATE;
	case OUTFILE_IO_ERROR:
		break;
	}
	return SHEET_IO_ERROR;
}

/* One closed-list type of the schema. */
struct words {
	char	*type;
	char	**words;	/* NULL-terminated */
	char	*expect;	/* its documentation, or "" */
	long	 maxlen;	/* its xs:maxLength, or 0 */
};

struct sheet_schema {
	xmlDocPtr	 doc;
	struct words	*types;
	size_t		 ntypes;
	char		**sections;	/* NULL-terminated */
};

static void
strv_free(char **v)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

void
sheet_schema_free(struct sheet_schema *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ntypes; i++) {
		free(s->types[i].type);
		strv_free(s->types[i].words);
		free(s->types[i].expect);
	}
	free(s->types);
	strv_free(s->sections);
	xmlFreeDoc(s->doc);
	free(s);
}

/* The string values of the nodes expr selects from node, as a strv. */
static char **
select_strings(xmlXPathContextPtr xp, xmlNodePtr node, const char *expr)
{
	xmlXPathObjectPtr	 r;
	char			**v = NULL;
	xmlChar			*s;
	int			 i, n;

	xp->node = node;
	if ((r = xmlXPathEvalExpression((const xmlChar *)expr, xp)) == NULL)
		return NULL;
	n = r->nodesetval != NULL ? r->nodesetval->nodeNr : 0;
	if ((v = calloc((size_t)n + 1, sizeof(*v))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
		v[i] = strdup(s != NULL ? (const char *)s : "");
		xmlFree(s);
		if (v[i] == NULL) {
			strv_free(v);
			v = NULL;
			goto out;
		}
	}
out:
	xmlXPathFreeObject(r);
	return v;
}

struct sheet_schema *
sheet_schema_load(const char *xsd_path, struct diag *d)
{
	enum xmlload_status	 st;
	struct sheet_schema	*s;
	xmlXPathContextPtr	 xp = NULL;
	xmlXPathObjectPtr	 types = NULL;
	xmlNodePtr		 t;
	xmlChar			*name;
	char			**doc;
	int			 i, ok = 0;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if ((s->doc = xmlload_file(xsd_path, NULL, d, &st)) == NULL)
		goto out;
	if ((xp = xmlXPathNewContext(s->doc)) == NULL ||
	    xmlXPathRegisterNs(xp, (const xmlChar *)"xs",
	    (const xmlChar *)"http://www.w3.org/2001/XMLSchema") != 0)
		goto out;
	types = xmlXPathEvalExpression((const xmlChar *)
	    "/xs:schema/xs:simpleType[@name]", xp);
	if (types == NULL || types->nodesetval == NULL)
		goto out;
	if ((s->types = calloc((size_t)types->nodesetval->nodeNr + 1,
	    sizeof(*s->types))) == NULL)
		goto out;
	for (i = 0; i < types->nodesetval->nodeNr; i++) {
		t = types->nodesetval->nodeTab[i];
		name = xmlGetProp(t, (const xmlChar *)"name");
		s->types[s->ntypes].type = strdup((const char *)name);
		xmlFree(name);
		s->types[s->ntypes].words = select_strings(xp, t,
		    "xs:restriction/xs:enumeration/@value");
		doc = select_strings(xp, t, "xs:annotation/xs:documentation");
		s->types[s->ntypes].expect = strdup(doc != NULL &&
		    doc[0] != NULL ? doc[0] : "");
		strv_free(doc);
		doc = select_strings(xp, t,
		    "xs:restriction/xs:maxLength/@value");
		s->types[s->ntypes].maxlen = doc != NULL && doc[0] != NULL ?
		    strtol(doc[0], NULL, 10) : 0;
		strv_free(doc);
		if (s->types[s->ntypes].type == NULL ||
		    s->types[s->ntypes].words == NULL ||
		    s->types[s->ntypes].expect == NULL) {
			s->ntypes++;
			goto out;
		}
		s->ntypes++;
	}
	s->sections = select_strings(xp, xmlDocGetRootElement(s->doc),
	    "/xs:schema/xs:element[@name='portfolio']/xs:complexType/"
	    "xs:sequence/xs:element/@name");
	if (s->sections == NULL || s->sections[0] == NULL) {
		diag_error(d, xsd_path, 0, "the schema has no portfolio "
		    "sections");
		goto out;
	}
	ok = 1;
out:
	xmlXPathFreeObject(types);
	xmlXPathFreeContext(xp);
	if (!ok) {
		if (s->doc != NULL && d->errors == 0)
			diag_error(d, xsd_path, 0, "cannot read the schema");
		sheet_schema_free(s);
		s = NULL;
	}
	return s;
}

xmlDocPtr
sheet_schema_doc(const struct sheet_schema *s)
{
	return s->doc;
}

static const struct words *
type_find(const struct sheet_schema *s, const char *type)
{
	size_t	i;

	for (i = 0; i < s->ntypes; i++)
		if (strcmp(s->types[i].type, type) == 0)
			return &s->types[i];
	return NULL;
}

const char *const *
sheet_schema_words(const struct sheet_schema *s, const char *type)
{
	const struct words	*w = type_find(s, type);

	if (w == NULL || w->words[0] == NULL)
		return NULL;
	return (const char *const *)w->words;
}

const char *
sheet_schema_expect(const struct sheet_schema *s, const char *type)
{
	const struct words	*w = type_find(s, type);

	return w != NULL ? w->expect : "";
}

char *
sheet_schema_facet(const struct sheet_schema *s, const char *type,
    const char *facet)
{
	xmlXPathContextPtr	  xp;
	char			**v = NULL, *expr, *out = NULL;

	if ((xp = xmlXPathNewContext(s->doc)) == NULL ||
	    xmlXPathRegisterNs(xp, (const xmlChar *)"xs",
	    (const xmlChar *)"http://www.w3.org/2001/XMLSchema") != 0)
		goto out;
	expr = g_strdup_printf("/xs:schema/xs:simpleType[@name='%s']/"
	    "xs:restriction/xs:%s/@value", type, facet);
	v = select_strings(xp, NULL, expr);
	g_free(expr);
	if (v != NULL && v[0] != NULL)
		out = strdup(v[0]);
out:
	strv_free(v);
	xmlXPathFreeContext(xp);
	return out;
}

long
sheet_schema_maxlen(const struct sheet_schema *s, const char *type)
{
	const struct words	*w = type_find(s, type);

	return w != NULL ? w->maxlen : 0;
}

const char *const *
sheet_schema_sections(const struct sheet_schema *s)
{
	return (const char *const *)s->sections;
}
