/*
 * validate: check a portfolio against its schema (see validate.h).
 *
 * libxml2's schema messages are written for schema authors ("[facet
 * 'fractionDigits'] The value '1.255' has more fractional digits than are
 * allowed ('2')").  We recognise the handful of shapes they take and say
 * the same thing for a coordinator, quoting the xs:documentation the
 * schema gives each type: adding a type to the schema, with its
 * documentation, needs no change here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlschemas.h>

#include "diag.h"
#include "validate.h"
#include "xmlload.h"

#define XS_NS	"http://www.w3.org/2001/XMLSchema"

/* Longest applicant value quoted back in a message. */
#define QUOTE_MAX	60

/* Errors reported for one document before the rest are summed up. */
#define MAX_ERRORS	50

/* Stands for "two declarations of that name disagree" in the docs map. */
static const char AMBIGUOUS[] = "";

/*
 * The documentation quoted in messages, built from the schema on the
 * first error that needs it, not at every start: walking the schema
 * costs more than compiling it, and most runs report nothing.
 */
struct docs {
	xmlDocPtr	 xsd;		/* the schema, until the table is built */
	xmlHashTablePtr	 table;		/* "elem@attr", "parent/elem" -> text */
};

struct validate {
	xmlSchemaPtr	 schema;
	struct docs	*docs;
	xmlChar		*target_ns;	/* the schema's targetNamespace */
	xmlChar		*root;		/* its (first) global element */
	char		**known;	/* associations with rules, or NULL */
	GHashTable	*tracks;	/* association -> "a,b,c", or NULL */
	char		*ref_target;	/* what every IDREF must name, or NULL */
};

/* The state of one validate_run, for the error callback. */
struct run_state {
	struct validate	*v;
	struct diag	*diag;
	const char	*name;
	unsigned	 errors;
	const void	*last_node;	/* de-duplicate facet cascades */
	char		 last_attr[64];
};

static int
is_xs(const xmlNode *n, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST XS_NS) &&
	    xmlStrEqual(n->name, BAD_CAST local);
}

static const xmlChar *
local_part(const xmlChar *qname)
{
	const xmlChar	*colon;

	if (qname == NULL)
		return NULL;
	colon = xmlStrchr(qname, ':');
	return colon != NULL ? colon + 1 : qname;
}

/* The text of the first xs:annotation/xs:documentation under n. */
static xmlChar *
documentation_of(const xmlNode *n)
{
	const xmlNode	*a, *d;

	for (a = n != NULL ? n->children : NULL; a != NULL; a = a->next) {
		if (!is_xs(a, "annotation"))
			continue;
		for (d = a->children; d != NULL; d = d->next)
			if (is_xs(d, "documentation"))
				return xmlNodeGetContent(d);
	}
	return NULL;
}

static xmlNode *
find_named(xmlNode *schema, const char *kind, const xmlChar *name)
{
	xmlNode	*n;
	xmlChar	*v;
	int	 same;

	for (n = schema->children; n != NULL; n = n->next) {
		if (!is_xs(n, kind))
			continue;
		v = xmlGetProp(n, BAD_CAST "name");
		same = v != NULL && xmlStrEqual(v, name);
		xmlFree(v);
		if (same)
			return n;
	}
	return NULL;
}

/* What a declaration (xs:element or xs:attribute) expects, in words. */
static xmlChar *
describe_declaration(xmlNode *schema, xmlNode *decl)
{
	xmlNode	*n, *st;
	xmlChar	*type, *text;

	if ((type = xmlGetProp(decl, BAD_CAST "type")) != NULL) {
		st = find_named(schema, "simpleType", local_part(type));
		xmlFree(type);
		return documentation_of(st);
	}
	for (n = decl->children; n != NULL; n = n->next)
		if (is_xs(n, "simpleType") &&
		    (text = documentation_of(n)) != NULL)
			return text;
	return NULL;
}

static void
free_doc_entry(void *payload, const xmlChar *name)
{
	(void)name;
	if (payload != AMBIGUOUS)
		free(payload);
}

static void
docs_put(xmlHashTablePtr docs, const char *key, const xmlChar *text)
{
	const char	*old = xmlHashLookup(docs, BAD_CAST key);
	char		*copy;

	if (old == NULL) {
		if ((copy = strdup((const char *)text)) != NULL &&
		    xmlHashAddEntry(docs, BAD_CAST key, copy) != 0)
			free(copy);
	} else if (old != AMBIGUOUS && strcmp(old, (const char *)text) != 0)
		xmlHashUpdateEntry(docs, BAD_CAST key, (void *)AMBIGUOUS,
		    free_doc_entry);
}

/*
 * Record text under "owner@name" (attributes) or "owner/name" (elements)
 * for every element that can hold decl: the element of an anonymous
 * complex type, or every element declared with a named one.
 */
static void
docs_add(xmlHashTablePtr docs, xmlNode *schema, xmlNode *decl,
    const xmlChar *name, const xmlChar *text)
{
	xmlNode	*ct, *n;
	xmlChar	*ctname, *type, *owner;
	char	 key[256];
	int	 attr = is_xs(decl, "attribute");

	for (ct = decl->parent; ct != NULL && !is_xs(ct, "complexType");
	    ct = ct->parent)
		;
	if (ct == NULL)
		return;
	if ((ctname = xmlGetProp(ct, BAD_CAST "name")) == NULL) {
		if (is_xs(ct->parent, "element") &&
		    (owner = xmlGetProp(ct->parent, BAD_CAST "name")) != NULL) {
			snprintf(key, sizeof(key), "%s%c%s", owner,
			    attr ? '@' : '/', name);
			docs_put(docs, key, text);
			xmlFree(owner);
		}
		return;
	}
	/* Every xs:element anywhere whose type is this complex type. */
	n = xmlDocGetRootElement(schema->doc);
	while (n != NULL) {
		if (is_xs(n, "element") &&
		    (type = xmlGetProp(n, BAD_CAST "type")) != NULL) {
			if (xmlStrEqual(local_part(type), ctname) &&
			    (owner = xmlGetProp(n, BAD_CAST "name")) != NULL) {
				snprintf(key, sizeof(key), "%s%c%s", owner,
				    attr ? '@' : '/', name);
				docs_put(docs, key, text);
				xmlFree(owner);
			}
			xmlFree(type);
		}
		/* Depth-first walk over elements. */
		if (n->children != NULL && xmlFirstElementChild(n) != NULL)
			n = xmlFirstElementChild(n);
		else {
			while (n != NULL && xmlNextElementSibling(n) == NULL)
				n = n->parent != NULL &&
				    n->parent->type == XML_ELEMENT_NODE ?
				    n->parent : NULL;
			if (n != NULL)
				n = xmlNextElementSibling(n);
		}
	}
	xmlFree(ctname);
}

/* Walk the schema and map every documented declaration. */
static void
docs_build(xmlHashTablePtr docs, xmlNode *schema, xmlNode *n)
{
	xmlChar	*name, *text;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((is_xs(n, "element") || is_xs(n, "attribute")) &&
		    (name = xmlGetProp(n, BAD_CAST "name")) != NULL) {
			if ((text = describe_declaration(schema, n)) != NULL) {
				docs_add(docs, schema, n, name, text);
				xmlFree(text);
			}
			xmlFree(name);
		}
		docs_build(docs, schema, n->children);
	}
}

static void
on_schema_error(void *ctx, xmlErrorPtr err)
{
	struct diag	*d = ctx;

	if (err->level == XML_ERR_WARNING)
		return;
	diag_report(d, DIAG_ERROR, err->file, err->line, 0, "schema: %s",
	    err->message != NULL ? err->message : "unknown error");
}

struct validate *
validate_new(const char *xsd_path, const char *const *known, struct diag *d)
{
	struct validate		*v = NULL;
	xmlSchemaParserCtxtPtr	 pctxt = NULL;
	xmlDocPtr		 doc = NULL, copy = NULL;
	xmlNode			*root, *n;
	enum xmlload_status	 status;
	size_t			 i, nknown = 0;

	if ((doc = xmlload_file(xsd_path, NULL, d, &status)) == NULL)
		goto fail;
	if ((v = calloc(1, sizeof(*v))) == NULL ||
	    (v->docs = calloc(1, sizeof(*v->docs))) == NULL)
		goto nomem;
	root = xmlDocGetRootElement(doc);
	if (!is_xs(root, "schema")) {
		diag_error(d, xsd_path, 0, "not an XML schema");
		goto fail;
	}
	v->target_ns = xmlGetProp(root, BAD_CAST "targetNamespace");
	for (n = root->children; n != NULL && v->root == NULL; n = n->next)
		if (is_xs(n, "element"))
			v->root = xmlGetProp(n, BAD_CAST "name");

	/* The schema parser takes the document over; give it a copy. */
	if ((copy = xmlCopyDoc(doc, 1)) == NULL ||
	    (pctxt = xmlSchemaNewDocParserCtxt(copy)) == NULL)
		goto nomem;
	xmlSchemaSetParserStructuredErrors(pctxt, on_schema_error, d);
	if ((v->schema = xmlSchemaParse(pctxt)) == NULL) {
		diag_error(d, xsd_path, 0, "the schema cannot be compiled");
		goto fail;
	}
	if (known != NULL) {
		while (known[nknown] != NULL)
			nknown++;
		if ((v->known = calloc(nknown + 1, sizeof(char *))) == NULL)
			goto nomem;
		for (i = 0; i < nknown; i++)
			if ((v->known[i] = strdup(known[i])) == NULL)
				goto nomem;
	}
	xmlSchemaFreeParserCtxt(pctxt);
	xmlFreeDoc(copy);
	v->docs->xsd = doc;
	return v;
nomem:
	diag_error(d, xsd_path, 0, "out of memory");
fail:
	xmlSchemaFreeParserCtxt(pctxt);
	xmlFreeDoc(copy);
	xmlFreeDoc(doc);
	validate_free(v);
	return NULL;
}

int
validate_set_ref_target(struct validate *v, const char *element)
{
	free(v->ref_target);
	v->ref_target = element != NULL ? strdup(element) : NULL;
	return element != NULL && v->ref_target == NULL ? -1 : 0;
}

void
validate_free(struct validate *v)
{
	size_t	i;

	if (v == NULL)
		return;
	if (v->schema != NULL)
		xmlSchemaFree(v->schema);
	if (v->docs != NULL) {
		xmlFreeDoc(v->docs->xsd);
		xmlHashFree(v->docs->table, free_doc_entry);
		free(v->docs);
	}
	xmlFree(v->target_ns);
	xmlFree(v->root);
	for (i = 0; v->known != NULL && v->known[i] != NULL; i++)
		free(v->known[i]);
	free(v->known);
	if (v->tracks != NULL)
		g_hash_table_destroy(v->tracks);
	free(v->ref_target);
	free(v);
}

/* The documentation for elem's attribute attr (or elem under parent). */
static const char *
docs_find(const struct validate *v, const xmlNode *node, const char *attr)
{
	const char	*text;
	xmlNode		*root;
	char		 key[256];

	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return NULL;
	if (attr != NULL)
		snprintf(key, sizeof(key), "%s@%s", node->name, attr);
	else if (node->parent != NULL &&
	    node->parent->type == XML_ELEMENT_NODE)
		snprintf(key, sizeof(key), "%s/%s", node->parent->name,
		    node->name);
	else
		return NULL;
	if (v->docs->xsd != NULL) {
		root = xmlDocGetRootElement(v->docs->xsd);
		if ((v->docs->table = xmlHashCreate(64)) != NULL)
			docs_build(v->docs->table, root, root->children);
		xmlFreeDoc(v->docs->xsd);
		v->docs->xsd = NULL;
	}
	text = xmlHashLookup(v->docs->table, BAD_CAST key);
	return text == AMBIGUOUS ? NULL : text;
}

/* Is "{ns}" at p?  Returns its length, or 0. */
static size_t
ns_prefix_at(const char *p, const xmlChar *ns)
{
	size_t	len = ns != NULL ? strlen((const char *)ns) : 0;

	return len > 0 && p[0] == '{' &&
	    strncmp(p + 1, (const char *)ns, len) == 0 && p[len + 1] == '}' ?
	    len + 2 : 0;
}

/*
 * Copy msg into buf without the "{namespace}" prefixes libxml2 puts on
 * element names: the schema's namespace and the element's own.  Other
 * braces are the applicant's text in a quoted value (a fuzzer found a
 * value whose "{...}" was cut out of the message, and the DEL inside
 * with it).
 */
static void
strip_namespaces(const char *msg, const xmlChar *ns, const xmlChar *own,
    char *buf, size_t bufsz)
{
	const char	*p = msg;
	size_t		 n = 0, skip;

	while (*p != '\0' && n + 1 < bufsz) {
		if ((skip = ns_prefix_at(p, ns)) > 0 ||
		    (skip = ns_prefix_at(p, own)) > 0) {
			p += skip;
			continue;
		}
		buf[n++] = *p++;
	}
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '.' ||
	    buf[n - 1] == ' '))
		buf[--n] = '\0';
}

/*
 * Copy the text between the first "'" at or after p and the next
 * "'" followed by one of the characters in ends (or the end).
 */
static int
quoted(const char *p, const char *ends, char *buf, size_t bufsz)
{
	const char	*q, *e;
	size_t		 n;

	if ((q = strchr(p, '\'')) == NULL)
		return -1;
	q++;
	for (e = q; *e != '\0'; e++)
		if (*e == '\'' && (e[1] == '\0' || strchr(ends, e[1]) != NULL))
			break;
	if (*e == '\0')
		return -1;
	n = (size_t)(e - q);
	if (n >= bufsz)
		n = bufsz - 1;
	memcpy(buf, q, n);
	buf[n] = '\0';
	return 0;
}

/* "( a, b )" after "Expected is " as "'a'" or "one of 'a', 'b'". */
static void
expected_list(const char *p, char *buf, size_t bufsz)
{
	const char	*open, *close;
	size_t		 n = 0, len;
	int		 count = 0, many;

	buf[0] = '\0';
	if ((open = strstr(p, "Expected is")) == NULL ||
	    (open = strchr(open, '(')) == NULL ||
	    (close = strchr(open, ')')) == NULL)
		return;
	many = memchr(open, ',', (size_t)(close - open)) != NULL;
	if (many)
		n = (size_t)snprintf(buf, bufsz, "one of ");
	for (p = open + 1; p < close && n + 8 < bufsz; p += len) {
		p += strspn(p, " ,");
		len = strcspn(p, " ,)");
		if (len == 0 || p >= close)
			break;
		if (len > bufsz - n - 8)
			len = bufsz - n - 8;
		n += (size_t)snprintf(buf + n, bufsz - n, "%s'%.*s'",
		    count++ > 0 ? ", " : "", (int)len, p);
	}
}

/*
 * Decode one UTF-8 character of s into *cp; returns its length, or 0 at
 * the end or on a malformed sequence (the parser has refused those).
 */
static size_t
utf8_next(const unsigned char *s, unsigned *cp)
{
	size_t	len, i;

	if (s[0] == '\0')
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		*cp = s[0] & 0x1fu;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		*cp = s[0] & 0x0fu;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		*cp = s[0] & 0x07u;
	} else
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3fu);
	}
	return len;
}

/*
 * Characters that show nothing on their own: spaces, format characters,
 * combining marks without a base, fillers that look blank (U+2800, the
 * Hangul fillers), variation selectors and tags.  The schema's "at least
 * one visible character" patterns (applicant.xsd, type 'name') use the
 * same set; libxml2's \p{M} and \p{Cf} also cover marks of other
 * scripts, which this table leaves out (their message is then the
 * general "is not valid").
 */
static int
is_invisible(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0xa0 || c == 0xad || c == 0x34f || c == 0x115f ||
	    c == 0x1160 || c == 0x1680 || c == 0x17b4 || c == 0x17b5 ||
	    (c >= 0x300 && c <= 0x36f) || (c >= 0x180b && c <= 0x180e) ||
	    (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) ||
	    (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
	    (c >= 0x205f && c <= 0x206f) || (c >= 0x20d0 && c <= 0x20ff) ||
	    c == 0x2800 || c == 0x3000 || c == 0x3164 ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xfe20 && c <= 0xfe2f) ||
	    c == 0xfeff || c == 0xffa0 || (c >= 0x1bca0 && c <= 0x1bca3) ||
	    (c >= 0x1d173 && c <= 0x1d17a) || (c >= 0xe0000 && c <= 0xe0fff);
}

/* A value made only of invisible characters is empty to a reader. */
static int
is_blank(const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned		 c;
	size_t			 len;

	while ((len = utf8_next(s, &c)) > 0) {
		if (!is_invisible(c))
			return 0;
		s += len;
	}
	return *s == '\0';
}

/* Unicode noncharacters: U+FDD0..U+FDEF and the last two of each plane. */
static int
is_noncharacter(unsigned c)
{
	return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/*
 * The first character of a text value that no text type of the schema
 * admits (type 'line'/'paragraph'), with what it is; 0 when none.
 */
static unsigned
forbidden_char(const char *str, const char **what)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned		 c;
	size_t			 len;

	while ((len = utf8_next(s, &c)) > 0) {
		s += len;
		if (is_noncharacter(c))
			*what = "a Unicode noncharacter, which is not meant "
			    "for text";
		else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    (c >= 0x7f && c <= 0x9f))
			*what = "a control character";
		else if (c == 0x2028 || c == 0x2029)
			*what = "a line or paragraph separator";
		else if (c == 0x200e || c == 0x200f || (c >= 0x202a &&
		    c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
			*what = "a bidirectional control character";
		else
			continue;
		return c;
	}
	return 0;
}

/*
 * Clip a value for a message, with noncharacters written <U+XXXX> (the
 * diagnostics sink escapes controls, not these).
 */
static const char *
quote_value(const char *value, char *buf, size_t bufsz)
{
	char			 tmp[QUOTE_MAX * 2 + 16];
	const unsigned char	*s = (const unsigned char *)value;
	unsigned		 c;
	size_t			 len, n = 0;

	while (n + 12 < sizeof(tmp) && (len = utf8_next(s, &c)) > 0) {
		if (is_noncharacter(c))
			n += (size_t)snprintf(tmp + n, sizeof(tmp) - n,
			    "<U+%04X>", c);
		else {
			memcpy(tmp + n, s, len);
			n += len;
		}
		s += len;
	}
	tmp[n] = '\0';
	if (*s != '\0' && n + 4 < sizeof(tmp))
		memcpy(tmp + n, "...", 4);	/* diag_clip cuts it anyway */
	return diag_clip(tmp, QUOTE_MAX, buf, bufsz);
}

/*
 * libxml2 reports an xs:ID used twice as an invalid value, like a
 * malformed one.  When attribute attr of node is an ID whose value an
 * earlier element already holds, return that element.
 */
static const xmlNode *
duplicate_id(const xmlNode *node, const char *attr, const char *value)
{
	xmlAttr	*a, *id;

	a = xmlHasProp((xmlNode *)node, BAD_CAST attr);
	if (a == NULL || node->doc == NULL ||
	    (id = xmlGetID(node->doc, BAD_CAST value)) == NULL ||
	    id == a || id->parent == NULL || id->parent == node ||
	    !xmlStrEqual(id->name, a->name))
		return NULL;
	return id->parent;
}

/* How many element siblings before node have its name. */
static unsigned long
same_before(const xmlNode *node)
{
	const xmlNode	*n;
	unsigned long	 count = 0;

	for (n = node->prev; n != NULL; n = n->prev)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, node->name))
			count++;
	return count;
}

/*
 * Turn one libxml2 schema message about node into ours.  The message
 * has namespaces stripped and reads "Element 'e'[, attribute 'a']: REST".
 */
static void
describe_schema_error(const struct validate *v, const xmlNode *node,
    const char *msg, char *out, size_t outsz)
{
	char		 elem[128] = "", attr[64] = "", value[1024] = "",
			 what[256], list[512], clip[QUOTE_MAX + 4];
	const char	*rest, *p, *doc, *kind = NULL;
	const xmlNode	*first;
	unsigned	 bad;
	unsigned long	 same;

	if (quoted(msg, ":,", elem, sizeof(elem)) == -1 ||
	    (rest = strstr(msg, "': ")) == NULL) {
		snprintf(out, outsz, "%s", msg);
		return;
	}
	if ((p = strstr(msg, "', attribute '")) != NULL && p < rest)
		quoted(p + 2, ":", attr, sizeof(attr));
	rest += 3;
	if (attr[0] != '\0')
		snprintf(what, sizeof(what), "element '%s', attribute '%s'",
		    elem, attr);
	else
		snprintf(what, sizeof(what), "element '%s'", elem);
	doc = docs_find(v, node, attr[0] != '\0' ? attr : NULL);

	if (strncmp(rest, "[facet '", 8) == 0 ||
	    strstr(rest, "is not a valid value of the") != NULL) {
		p = strncmp(rest, "[facet", 6) == 0 ?
		    strstr(rest, "The value '") : rest;
		if (p == NULL || quoted(p, " ;", value, sizeof(value)) == -1)
			value[0] = '\0';
		if (strstr(rest, "has a length of '") != NULL) {
			/* maxLength: the value itself is not quoted */
			quoted(strstr(rest, "has a length of '"), ";", value,
			    sizeof(value));
			snprintf(out, outsz, "%s is too long (%s characters)"
			    "%s%s", what, value, doc ? ": expected " : "",
			    doc ? doc : "");
			return;
		}
		if (is_blank(value)) {
			snprintf(out, outsz, "%s is empty%s%s", what,
			    doc ? ": expected " : "", doc ? doc : "");
			return;
		}
		quote_value(value, clip, sizeof(clip));
		if (strstr(rest, "[facet 'pattern']") != NULL &&
		    (bad = forbidden_char(value, &kind)) != 0) {
			snprintf(out, outsz, "%s: '%s' holds U+%04X, %s: "
			    "remove it", what, clip, bad, kind);
			return;
		}
		if (attr[0] != '\0' && node != NULL &&
		    (first = duplicate_id(node, attr, value)) != NULL) {
			snprintf(out, outsz, "%s: the identifier '%s' is "
			    "already used on line %ld: identifiers must be "
			    "unique", what, clip, xmlGetLineNo(first));
			return;
		}
		if (doc != NULL)
			snprintf(out, outsz, "%s: '%s' is not valid: expected "
			    "%s", what, clip, doc);
		else if (strstr(rest, "[facet 'enumeration']") != NULL &&
		    (p = strstr(rest, "set {")) != NULL)
			snprintf(out, outsz, "%s: '%s' is not valid: expected "
			    "one of %s", what, clip, p + 4);
		else
			snprintf(out, outsz, "%s: '%s' is not valid", what,
			    clip);
		return;
	}
	if (strncmp(rest, "This element is not expected", 28) == 0) {
		expected_list(rest, list, sizeof(list));
		if (node != NULL && node->parent != NULL &&
		    node->parent->type == XML_ELEMENT_NODE)
			snprintf(what, sizeof(what), "element '%s' inside '%s'",
			    elem, node->parent->name);
		/* One more of a list than the schema admits: say how many. */
		if (list[0] == '\0' && node != NULL &&
		    (same = same_before(node)) > 0 && node->parent != NULL) {
			snprintf(out, outsz, "%s is one too many: '%s' holds "
			    "at most %lu '%s' elements", what,
			    node->parent->name, same, elem);
			return;
		}
		snprintf(out, outsz, "%s is not expected here%s%s", what,
		    list[0] ? ": expected " : "", list);
		return;
	}
	if (strncmp(rest, "Missing child element", 21) == 0) {
		expected_list(rest, list, sizeof(list));
		snprintf(out, outsz, "%s is incomplete: %s is missing", what,
		    list[0] ? list : "a child element");
		return;
	}
	if (strstr(rest, "is required but missing") != NULL &&
	    quoted(rest, " ", attr, sizeof(attr)) == 0) {
		doc = docs_find(v, node, attr);
		snprintf(out, outsz, "element '%s' lacks the attribute '%s'%s%s",
		    elem, attr, doc ? ": expected " : "", doc ? doc : "");
		return;
	}
	if (strstr(rest, "is not allowed") != NULL && attr[0] != '\0') {
		snprintf(out, outsz, "element '%s' does not take an attribute "
		    "'%s'", elem, attr);
		return;
	}
	if (strncmp(rest, "No matching global declaration", 30) == 0) {
		if (node != NULL && v->root != NULL &&
		    xmlStrEqual(node->name, v->root))
			snprintf(out, outsz, "the root element '%s' is not in "
			    "the namespace '%s': write <%s xmlns=\"%s\">",
			    elem, v->target_ns ? (char *)v->target_ns : "",
			    elem, v->target_ns ? (char *)v->target_ns : "");
		else
			snprintf(out, outsz, "the root element is '%s': "
			    "expected '%s' in the namespace '%s'", elem,
			    v->root ? (char *)v->root : "?",
			    v->target_ns ? (char *)v->target_ns : "");
		return;
	}
	if (strncmp(rest, "Character content other than whitespace", 39) == 0) {
		snprintf(out, outsz, "%s holds text, but only elements are "
		    "allowed in it", what);
		return;
	}
	if (strncmp(rest, "Element content is not allowed", 30) == 0) {
		snprintf(out, outsz, "%s holds elements, but only text is "
		    "allowed in it", what);
		return;
	}
	snprintf(out, outsz, "%s: %s", what, rest);
	if (out[0] != '\0' && rest[0] >= 'A' && rest[0] <= 'Z') {
		p = strstr(out, rest);
		if (p != NULL)
			out[p - out] += 'a' - 'A';
	}
}

static void
on_valid_error(void *ctx, xmlErrorPtr err)
{
	struct run_state	*st = ctx;
	const xmlNode		*node = err->node;
	char			 msg[1024], out[1536], attr[64] = "";
	const char		*p;

	if (err->level == XML_ERR_WARNING)
		return;
	if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
		node = node->parent;
	strip_namespaces(err->message != NULL ? err->message : "",
	    st->v->target_ns, node != NULL && node->type == XML_ELEMENT_NODE &&
	    node->ns != NULL ? node->ns->href : NULL, msg, sizeof(msg));
	if ((p = strstr(msg, "', attribute '")) != NULL)
		quoted(p + 2, ":", attr, sizeof(attr));
	/* One message per value: libxml2 reports each failed facet. */
	if (node != NULL && node == st->last_node &&
	    strcmp(attr, st->last_attr) == 0 &&
	    (strstr(msg, "[facet") != NULL ||
	    strstr(msg, "is not a valid value") != NULL))
		return;
	st->last_node = node;
	snprintf(st->last_attr, sizeof(st->last_attr), "%s", attr);

	if (st->errors == MAX_ERRORS)
		diag_error(st->diag, st->name, 0, "too many errors; the rest "
		    "of this file is not reported");
	if (st->errors++ >= MAX_ERRORS)
		return;
	describe_schema_error(st->v, node, msg, out, sizeof(out));
	diag_report(st->diag, DIAG_ERROR, st->name, err->line, 0, "%s", out);
}

/*
 * Every xs:IDREF attribute must name an xs:ID of the document.  libxml2's
 * schema validation marks them (atype) but does not resolve them.
 */
static void
check_references(struct run_state *st, xmlDocPtr doc, xmlNode *n)
{
	xmlAttr		*a, *id;
	xmlChar		*value;
	const char	*doc_text;
	char		 clip[QUOTE_MAX + 4];

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next) {
			if (a->atype != XML_ATTRIBUTE_IDREF)
				continue;
			id = NULL;
			value = xmlNodeGetContent((xmlNode *)a);
			if (value != NULL && (id = xmlGetID(doc, value)) !=
			    NULL && id->parent != NULL &&
			    st->v->ref_target != NULL && !xmlStrEqual(
			    id->parent->name, BAD_CAST st->v->ref_target)) {
				diag_clip((const char *)value, QUOTE_MAX, clip,
				    sizeof(clip));
				st->errors++;
				diag_error(st->diag, st->name,
				    xmlGetLineNo(n), "element '%s', attribute "
				    "'%s': '%s' names a '%s' (line %ld), not a "
				    "'%s'", n->name, a->name, clip,
				    id->parent->name, xmlGetLineNo(id->parent),
				    st->v->ref_target);
			} else if (value != NULL && id == NULL) {
				doc_text = docs_find(st->v, n,
				    (const char *)a->name);
				diag_clip((const char *)value, QUOTE_MAX, clip,
				    sizeof(clip));
				st->errors++;
				diag_error(st->diag, st->name,
				    xmlGetLineNo(n), "element '%s', attribute "
				    "'%s': nothing has the identifier '%s'%s%s",
				    n->name, a->name, clip,
				    doc_text ? ": expected " : "",
				    doc_text ? doc_text : "");
			}
			xmlFree(value);
		}
		check_references(st, doc, n->children);
	}
}

int
validate_set_tracks(struct validate *v, const char *association,
    const char *tracks)
{
	if (v->tracks == NULL && (v->tracks = g_hash_table_new_full(
	    g_str_hash, g_str_equal, g_free, g_free)) == NULL)
		return -1;
	g_hash_table_replace(v->tracks, g_strdup(association),
	    g_strdup(tracks));
	return 0;
}

/*
 * The application's track must be one its association's rule file
 * declares: the list is data, so a new track is a rule file's change.
 */
static void
check_track(struct run_state *st, xmlNode *app, const xmlChar *code)
{
	const char	*tracks;
	char		**words, clip[QUOTE_MAX + 4];
	GString		*want;
	xmlChar		*track;
	size_t		 i, n;
	int		 found = 0;

	if (st->v->tracks == NULL || (tracks = g_hash_table_lookup(
	    st->v->tracks, code)) == NULL || tracks[0] == '\0' ||
	    (track = xmlGetProp(app, BAD_CAST "track")) == NULL)
		return;
	words = g_strsplit(tracks, ",", -1);
	n = g_strv_length(words);
	want = g_string_new(NULL);
	for (i = 0; i < n; i++) {
		if (strcmp(words[i], (char *)track) == 0)
			found = 1;
		g_string_append_printf(want, "%s%s", i == 0 ? "" :
		    i + 1 == n ? " or " : ", ", words[i]);
	}
	if (!found) {
		st->errors++;
		diag_error(st->diag, st->name, xmlGetLineNo(app), "element "
		    "'application', attribute 'track': %s's requirements have "
		    "no track '%s': expected %s", (char *)code,
		    diag_clip((char *)track, QUOTE_MAX, clip, sizeof(clip)),
		    want->str);
	}
	g_string_free(want, TRUE);
	g_strfreev(words);
	xmlFree(track);
}

/* The application's association must be one endorse has rules for. */
static void
check_association(struct run_state *st, xmlDocPtr doc)
{
	xmlNode	*n;
	xmlChar	*code;
	size_t	 i, len;
	char	 list[512], clip[QUOTE_MAX + 4];
	int	 found = 0;

	if (st->v->known == NULL)
		return;
	n = xmlDocGetRootElement(doc);
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST "application"))
			break;
	if (n == NULL ||
	    (code = xmlGetProp(n, BAD_CAST "association")) == NULL)
		return;
	list[0] = '\0';
	for (i = 0, len = 0; st->v->known[i] != NULL; i++) {
		if (strcmp(st->v->known[i], (char *)code) == 0)
			found = 1;
		if (len < sizeof(list))
			len += (size_t)snprintf(list + len, sizeof(list) - len,
			    "%s%s", i > 0 ? ", " : "", st->v->known[i]);
	}
	if (!found) {
		st->errors++;
		diag_error(st->diag, st->name, xmlGetLineNo(n), "element "
		    "'application', attribute 'association': endorse has no "
		    "requirements for '%s': expected one of %s",
		    diag_clip((char *)code, QUOTE_MAX, clip, sizeof(clip)),
		    list[0] ? list : "(none installed)");
	} else
		check_track(st, n, code);
	xmlFree(code);
}

int
validate_run(struct validate *v, xmlDocPtr doc, const char *name,
    struct diag *d)
{
	struct run_state	 st;
	xmlSchemaValidCtxtPtr	 vctxt;
	int			 rc;

	memset(&st, 0, sizeof(st));
	st.v = v;
	st.diag = d;
	st.name = name;
	if ((vctxt = xmlSchemaNewValidCtxt(v->schema)) == NULL) {
		diag_error(d, name, 0, "out of memory");
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, on_valid_error, &st);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc != 0 && st.errors == 0) {
		diag_error(d, name, 0, "the portfolio is not valid");
		return -1;
	}
	/* Unresolved references are reported even in an invalid file. */
	check_references(&st, doc, xmlDocGetRootElement(doc));
	if (rc == 0)
		check_association(&st, doc);
	return st.errors == 0 ? 0 : -1;
}
