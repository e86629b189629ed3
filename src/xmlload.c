/*
 * xmlload: read XML safely (see xmlload.h and SECURITY.md rules 1-8).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "diag.h"
#include "xmlload.h"

/* Longest name quoted back from a tag in a message. */
#define NAME_MAX_SHOWN	60
/* Names read back from libxml2's messages (sscanf widths). */
#define NAME_MAX_STR	"255"

/*
 * What the SAX hooks of one parse know and found.  Only the first
 * well-formedness error is kept: XML makes it fatal, and what libxml2
 * says after it is mostly the same problem seen again ("attributes
 * construct error", "couldn't find end of start tag", "extra content"):
 * one problem, one message.
 */
struct parse_state {
	struct diag	*diag;
	const char	*name;		/* file name for messages */
	int		 doctype;	/* a DOCTYPE was seen and refused */
	int		 failed;	/* the first error is recorded */
	int		 code;		/* its libxml2 code */
	int		 line, col;
	int		 at_end;	/* found where the input ends */
	int		 started;	/* the XML declaration is behind */
	char		 message[256];	/* libxml2's, tidied */
	char		 open[NAME_MAX_SHOWN + 4]; /* innermost element */
	long		 open_line;
};

/*
 * libxml2 prints through its generic error function when no structured
 * handler is in reach; every context of ours has one, so anything that
 * still arrives here is dropped rather than written to stderr.
 */
static void
silent_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/*
 * No external entity is ever loaded: applicant documents are refused at
 * their DOCTYPE, and endorse's own schemas and stylesheets are read
 * through xmlload_file, never through the entity loader.
 */
static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void
xmlload_init(void)
{
	xmlInitParser();
	xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE);
	xmlSetExternalEntityLoader(refuse_entity);
	xmlSetGenericErrorFunc(NULL, silent_error);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

/*
 * SECURITY.md rule 3: a DOCTYPE is refused before its internal subset is
 * parsed, which closes external entities, entity expansion attacks and
 * attribute-default injection in one place.
 */
static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct parse_state	*st = ctxt->_private;

	(void)name;
	(void)ext;
	(void)sys;
	if (!st->doctype && !st->failed)
		diag_error(st->diag, st->name, ctxt->input != NULL ?
		    ctxt->input->line : 0,
		    "document type declarations are not allowed");
	st->doctype = 1;
	xmlStopParser(ctxt);
}

/*
 * libxml2 starts the document once the XML declaration is read (or
 * there is none): an error before that is an error in the declaration.
 */
static void
on_start_document(void *ctx)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct parse_state	*st = ctxt->_private;

	st->started = 1;
	xmlSAX2StartDocument(ctx);
}

/* Copy msg without its trailing newline and with a lower-case start. */
static void
plain_message(const char *msg, char *buf, size_t bufsz)
{
	size_t	n;

	snprintf(buf, bufsz, "%s", msg != NULL ? msg : "unknown error");
	/* libxml2 folds details (bytes, the text) onto further lines. */
	n = strcspn(buf, "\n");
	if (strncmp(buf + n, "\nBytes:", 7) == 0)
		buf[n] = ' ';
	buf[strcspn(buf, "\n")] = '\0';
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '.'))
		buf[--n] = '\0';
	if (buf[0] >= 'A' && buf[0] <= 'Z' &&
	    !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] += 'a' - 'A';
}

/*
 * Is the parser at the end of the input: nothing left but spaces, or the
 * first bytes of a character the file does not finish?
 */
static int
parser_at_end(xmlParserCtxtPtr ctxt)
{
	const xmlChar	*p, *end;
	size_t		 left;

	if (ctxt->input == NULL || ctxt->input->cur == NULL ||
	    ctxt->input->end == NULL)
		return 0;
	/* Text not yet decoded (UTF-16 is decoded as the parser goes). */
	if (ctxt->input->buf != NULL && ctxt->input->buf->raw != NULL &&
	    xmlBufUse(ctxt->input->buf->raw) > 0)
		return 0;
	p = ctxt->input->cur;
	end = ctxt->input->end;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	left = (size_t)(end - p);
	if (left == 0)
		return 1;
	/* A lead byte and fewer continuation bytes than it announces. */
	if (left < 4 && (p[0] & 0xc0) == 0xc0) {
		size_t	need = (p[0] & 0xe0) == 0xc0 ? 2 :
			    (p[0] & 0xf0) == 0xe0 ? 3 : 4;
		size_t	i;

		for (i = 1; i < left; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		return left < need;
	}
	return 0;
}

/*
 * Say what libxml2 found in words a coordinator understands.  Every code
 * a person meets has its own wording; anything else is said in general
 * terms, never in libxml2's (its messages name its functions).
 */
/* Cut a name read from a message to NAME_MAX_SHOWN bytes, in place. */
static const char *
clip_name(char *name, size_t namesz)
{
	char	buf[NAME_MAX_SHOWN + 4];

	diag_clip(name, NAME_MAX_SHOWN, buf, sizeof(buf));
	snprintf(name, namesz, "%s", buf);
	return name;
}

/* The errors libxml2 gives for an input that stops where it should not. */
static int
ends_early(int code)
{
	switch (code) {
	case XML_ERR_TAG_NOT_FINISHED:
	case XML_ERR_GT_REQUIRED:
	case XML_ERR_LTSLASH_REQUIRED:
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
	case XML_ERR_STRING_NOT_CLOSED:
	case XML_ERR_STRING_NOT_STARTED:
	case XML_ERR_LITERAL_NOT_FINISHED:
	case XML_ERR_SPACE_REQUIRED:
	case XML_ERR_EQUAL_REQUIRED:
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_INTERNAL_ERROR:
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
	case XML_ERR_XMLDECL_NOT_FINISHED:
	case XML_ERR_VERSION_MISSING:
	case XML_ERR_ENCODING_NAME:
	case XML_ERR_DOCUMENT_EMPTY:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
	case XML_ERR_PI_NOT_FINISHED:
	case XML_ERR_PI_NOT_STARTED:
		return 1;
	default:
		return 0;
	}
}

static void
describe_parse_error(const struct parse_state *st, char *buf, size_t bufsz)
{
	const char	*m = st->message, *p;
	char		 a[256], b[256];
	int		 line, v;

	a[0] = b[0] = '\0';

	switch (st->code) {
	case XML_ERR_NO_MEMORY:
		snprintf(buf, bufsz, "out of memory");
		return;
	case XML_ERR_COMMENT_NOT_FINISHED:
		snprintf(buf, bufsz, "a comment ('<!--') is not closed with "
		    "'-->'");
		return;
	case XML_ERR_CDATA_NOT_FINISHED:
		snprintf(buf, bufsz, "a CDATA section ('<![CDATA[') is not "
		    "closed with ']]>'");
		return;
	case XML_ERR_DOCUMENT_END:
		snprintf(buf, bufsz, "there is more after the end of the "
		    "document's root element");
		return;
	default:
		break;
	}
	if (st->at_end && !st->started) {
		snprintf(buf, bufsz, "the file ends inside the XML "
		    "declaration");
		return;
	}
	if (st->at_end && ends_early(st->code)) {
		if (st->open[0] != '\0')
			snprintf(buf, bufsz, "the file ends before element "
			    "'%s' (line %ld) is closed", st->open,
			    st->open_line);
		else if (st->code == XML_ERR_XMLDECL_NOT_FINISHED ||
		    st->code == XML_ERR_VERSION_MISSING)
			snprintf(buf, bufsz, "the file ends inside the XML "
			    "declaration");
		else if (st->code == XML_ERR_DOCUMENT_EMPTY)
			snprintf(buf, bufsz, "the file holds no element: "
			    "expected an XML document");
		else
			snprintf(buf, bufsz, "the file ends inside the tag of "
			    "its root element");
		return;
	}
	switch (st->code) {
	case XML_ERR_DOCUMENT_EMPTY:
	case XML_ERR_DOCUMENT_START:
		snprintf(buf, bufsz, "this is not an XML document: expected "
		    "'<' at the start");
		return;
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
		if ((p = strstr(m, "Bytes: ")) != NULL) {
			/* libxml2 shows four bytes; the first is wrong. */
			snprintf(buf, bufsz, "the text is not valid UTF-8 "
			    "(byte %.4s): save the file as UTF-8", p + 7);
			return;
		}
		if (sscanf(m, "xmlParseCharRef: invalid xmlChar value %d",
		    &v) == 1) {
			snprintf(buf, bufsz, "a character reference stands for "
			    "U+%04X, a character XML does not allow", v);
			return;
		}
		if (strstr(m, "out of bounds") != NULL) {
			snprintf(buf, bufsz, "a character reference stands for "
			    "a number beyond the last character, U+10FFFF");
			return;
		}
		if ((p = strstr(m, "Char value ")) != NULL &&
		    sscanf(p, "Char value %d", &v) == 1) {
			snprintf(buf, bufsz, "the file holds U+%04X, a "
			    "character XML does not allow", v);
			return;
		}
		if ((p = strstr(m, "0x")) != NULL &&
		    sscanf(p, "0x%x", (unsigned *)&v) == 1) {
			snprintf(buf, bufsz, "the file holds U+%04X, a "
			    "character XML does not allow", v);
			return;
		}
		snprintf(buf, bufsz, "the file holds a character XML does not "
		    "allow");
		return;
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_CHARREF:
		snprintf(buf, bufsz, "a character reference ('&#...;') is not "
		    "a valid number: write '&amp;' for an ampersand");
		return;
	case XML_ERR_NAME_REQUIRED:
		if (strstr(m, "EntityRef") != NULL)
			snprintf(buf, bufsz, "'&' must start a reference such "
			    "as '&amp;': write '&amp;' for an ampersand");
		else
			snprintf(buf, bufsz, "'<' must start a tag: write "
			    "'&lt;' for a less-than sign");
		return;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		snprintf(buf, bufsz, "a reference that starts with '&' does "
		    "not end with ';': write '&amp;' for an ampersand");
		return;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		if (sscanf(m, "entity '%" NAME_MAX_STR "[^']' not defined", a)
		    == 1)
			snprintf(buf, bufsz, "'&%s;' is not a reference XML "
			    "knows: write the character itself (XML knows "
			    "&amp; &lt; &gt; &quot; &apos; and &#...;)",
			    clip_name(a, sizeof(a)));
		else
			snprintf(buf, bufsz, "a reference is not one XML "
			    "knows: write the character itself");
		return;
	case XML_ERR_LT_IN_ATTRIBUTE:
		snprintf(buf, bufsz, "an attribute value holds '<': a closing "
		    "quote is missing, or write '&lt;'");
		return;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		snprintf(buf, bufsz, "an attribute value is not in quotes: "
		    "write name=\"value\"");
		return;
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
	case XML_ERR_STRING_NOT_CLOSED:
		snprintf(buf, bufsz, "an attribute value is not closed: its "
		    "closing quote is missing");
		return;
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		if (sscanf(m, "specification mandates value for attribute "
		    "%" NAME_MAX_STR "s", a) == 1)
			snprintf(buf, bufsz, "'%s' in a tag has no value: "
			    "write %s=\"value\", or a '>' is missing",
			    clip_name(a, sizeof(a)), a);
		else
			snprintf(buf, bufsz, "an attribute has no value: "
			    "write name=\"value\"");
		return;
	case XML_ERR_ATTRIBUTE_REDEFINED:
	case XML_NS_ERR_ATTRIBUTE_REDEFINED:
		if (sscanf(m, "attribute %" NAME_MAX_STR "s redefined", a) ==
		    1 || sscanf(m, "namespaced Attribute %" NAME_MAX_STR "s",
		    a) == 1)
			snprintf(buf, bufsz, "attribute '%s' is given twice in "
			    "one tag", clip_name(a, sizeof(a)));
		else
			snprintf(buf, bufsz, "an attribute is given twice in "
			    "one tag");
		return;
	case XML_ERR_GT_REQUIRED:
		if (sscanf(m, "couldn't find end of Start Tag %" NAME_MAX_STR
		    "s", a) == 1)
			snprintf(buf, bufsz, "the start tag of element '%s' "
			    "is not closed with '>'",
			    clip_name(a, sizeof(a)));
		else
			snprintf(buf, bufsz, "a tag is not closed with '>'");
		return;
	case XML_ERR_LTSLASH_REQUIRED:
		snprintf(buf, bufsz, "a closing tag is not written '</name>'");
		return;
	case XML_ERR_TAG_NAME_MISMATCH:
		if (sscanf(m, "opening and ending tag mismatch: "
		    "%" NAME_MAX_STR "s line %d and %" NAME_MAX_STR "s", a,
		    &line, b) == 3) {
			snprintf(buf, bufsz, "closing tag '%s' does not match "
			    "the opening tag '%s' of line %d",
			    clip_name(b, sizeof(b)), clip_name(a, sizeof(a)),
			    line);
			return;
		}
		snprintf(buf, bufsz, "a closing tag does not match its "
		    "opening tag");
		return;
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(buf, bufsz, "an element is not closed");
		return;
	case XML_ERR_HYPHEN_IN_COMMENT:
		snprintf(buf, bufsz, "a comment holds '--', which XML does "
		    "not allow inside a comment");
		return;
	case XML_ERR_RESERVED_XML_NAME:
		snprintf(buf, bufsz, "the XML declaration ('<?xml ...?>') must "
		    "be at the very start of the file, with nothing before "
		    "it");
		return;
	case XML_ERR_XMLDECL_NOT_FINISHED:
		snprintf(buf, bufsz, "the XML declaration is not closed: it "
		    "must end with '?>'");
		return;
	case XML_ERR_SPACE_REQUIRED:
		if (strncmp(m, "attributes construct error", 26) == 0) {
			snprintf(buf, bufsz, "the attributes of this tag are "
			    "not written name=\"value\" with spaces between "
			    "them: check for a missing or extra quote");
			return;
		}
		/* FALLTHROUGH */
	case XML_ERR_VERSION_MISSING:
	case XML_ERR_STANDALONE_VALUE:
	case XML_ERR_ENCODING_NAME:
	case XML_ERR_STRING_NOT_STARTED:
	case XML_ERR_UNKNOWN_VERSION:
		if (st->line == 1) {
			snprintf(buf, bufsz, "the XML declaration is not "
			    "valid: write <?xml version=\"1.0\" "
			    "encoding=\"UTF-8\"?>");
			return;
		}
		break;
	case XML_ERR_MISPLACED_CDATA_END:
		snprintf(buf, bufsz, "the text holds ']]>', which XML does not "
		    "allow: write ']]&gt;'");
		return;
	case XML_ERR_NAME_TOO_LONG:
		snprintf(buf, bufsz, "a name in a tag is longer than %d "
		    "characters", XML_MAX_NAME_LENGTH);
		return;
	case XML_ERR_INTERNAL_ERROR:
		if (strstr(m, "xcessive depth") != NULL) {
			snprintf(buf, bufsz, "elements are nested more than %d "
			    "levels deep", XMLLOAD_MAX_DEPTH);
			return;
		}
		break;
	case XML_ERR_UNSUPPORTED_ENCODING:
	case XML_ERR_UNKNOWN_ENCODING:
		snprintf(buf, bufsz, "the file's encoding is not supported: "
		    "save the file as UTF-8");
		return;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		if (sscanf(m, "namespace prefix %" NAME_MAX_STR "s on %"
		    NAME_MAX_STR "s", a, b) == 2) {
			snprintf(buf, bufsz, "the prefix '%s' of '%s:%s' is "
			    "not declared: write the name without '%s:'",
			    clip_name(a, sizeof(a)), a,
			    clip_name(b, sizeof(b)), a);
			return;
		}
		break;
	case XML_NS_ERR_QNAME:
	case XML_NS_ERR_COLON:
		snprintf(buf, bufsz, "a name in a tag holds more than one "
		    "':'");
		return;
	case XML_NS_ERR_XML_NAMESPACE:
	case XML_NS_ERR_EMPTY:
		snprintf(buf, bufsz, "a namespace declaration (xmlns) is not "
		    "valid");
		return;
	default:
		break;
	}
	snprintf(buf, bufsz, "the file is not well-formed XML here: check "
	    "the tags, quotes and '&' around this place");
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct parse_state	*st;

	if (ctxt == NULL || (st = ctxt->_private) == NULL)
		return;
	if (err->level == XML_ERR_WARNING)
		return;
	/* After a refused DOCTYPE the rest is the stop's echo. */
	if (st->doctype || st->failed)
		return;
	st->failed = 1;
	st->code = err->code;
	st->line = err->line;
	st->col = err->int2;
	plain_message(err->message, st->message, sizeof(st->message));
	st->at_end = parser_at_end(ctxt);
	/* SAX2 builds the tree: its current node is the open element. */
	if (ctxt->node != NULL && ctxt->node->type == XML_ELEMENT_NODE &&
	    ctxt->node->name != NULL) {
		diag_clip((const char *)ctxt->node->name, NAME_MAX_SHOWN,
		    st->open, sizeof(st->open));
		st->open_line = xmlGetLineNo(ctxt->node);
	}
}

/*
 * SECURITY.md rule 6: UTF-8 and UTF-16 only, decided from the bytes
 * before libxml2 sees them, and a byte-order mark and an encoding
 * declaration that say the same.  Returns 0 or -1 after reporting.
 */
static int
check_encoding(const unsigned char *b, size_t len, const char *name,
    struct diag *d)
{
	char		 decl[512], enc[64];
	const char	*p, *end;
	size_t		 i, n, skip = 0;
	int		 utf16 = 0, be = 0;
	char		 q;

	if (len >= 4 && ((b[0] == 0xff && b[1] == 0xfe && b[2] == 0 &&
	    b[3] == 0) || (b[0] == 0 && b[1] == 0 && b[2] == 0xfe &&
	    b[3] == 0xff) || (b[0] == '<' && b[1] == 0 && b[2] == 0 &&
	    b[3] == 0) || (b[0] == 0 && b[1] == 0 && b[2] == 0 &&
	    b[3] == '<'))) {
		diag_error(d, name, 1, "the file is UTF-32 text, which endorse "
		    "does not read: save it as UTF-8");
		return -1;
	}
	if (len >= 2 && b[0] == 0xfe && b[1] == 0xff)
		utf16 = be = 1, skip = 2;
	else if (len >= 2 && b[0] == 0xff && b[1] == 0xfe)
		utf16 = 1, skip = 2;
	else if (len >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0)
		utf16 = be = 1;
	else if (len >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0)
		utf16 = 1;
	else if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		skip = 3;
	if (utf16 && (len - skip) % 2 != 0) {
		diag_error(d, name, 0, "the file ends in the middle of a "
		    "UTF-16 character: save it again, as UTF-8");
		return -1;
	}
	if (!utf16 && len - skip >= 2 && (b[skip] == 0 ||
	    b[skip + 1] == 0 || (b[skip] == 0x4c && b[skip + 1] == 0x6f))) {
		diag_error(d, name, 1, "the file is not UTF-8 or UTF-16 "
		    "text: save it as UTF-8");
		return -1;
	}
	/* The declaration's ASCII, whichever the encoding. */
	for (i = skip, n = 0; n + 1 < sizeof(decl) && i < len; n++) {
		if (utf16) {
			if (i + 1 >= len || b[i + (be ? 0 : 1)] != 0)
				break;
			decl[n] = (char)b[i + (be ? 1 : 0)];
			i += 2;
		} else
			decl[n] = (char)b[i++];
		if ((unsigned char)decl[n] >= 0x80)
			break;
		if (decl[n] == '>') {
			n++;
			break;
		}
	}
	decl[n] = '\0';
	if (strncmp(decl, "<?xml", 5) != 0 ||
	    (end = strstr(decl, "?>")) == NULL)
		return 0;			/* the parser will say */
	if ((p = strstr(decl, "encoding")) == NULL || p > end)
		return 0;
	for (p += 8; p < end && (*p == ' ' || *p == '=' || *p == '\t' ||
	    *p == '\r' || *p == '\n'); p++)
		;
	if (p >= end || (*p != '"' && *p != '\''))
		return 0;
	q = *p++;
	for (i = 0; p < end && *p != q && i + 1 < sizeof(enc); p++)
		enc[i++] = *p;
	enc[i] = '\0';
	if (utf16) {
		if (strcasecmp(enc, "UTF-16") == 0 ||
		    strcasecmp(enc, be ? "UTF-16BE" : "UTF-16LE") == 0)
			return 0;
		diag_error(d, name, 1, "the file is UTF-16, but its "
		    "declaration says '%s': write encoding=\"UTF-16\", or "
		    "save the file as UTF-8", enc);
		return -1;
	}
	if (strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0 ||
	    strcasecmp(enc, "US-ASCII") == 0 || strcasecmp(enc, "ASCII") == 0)
		return 0;
	if (strncasecmp(enc, "UTF-16", 6) == 0) {
		diag_error(d, name, 1, "the file is UTF-8, but its declaration "
		    "says '%s': write encoding=\"UTF-8\"", enc);
		return -1;
	}
	diag_error(d, name, 1, "encoding '%s' is not supported: save the "
	    "file as UTF-8", enc);
	return -1;
}

/*
 * Files that are not text at all: say what they are, from their first
 * bytes, instead of what libxml2 makes of them ("the file is empty" for
 * a PDF).  Returns 0 or -1 after reporting.
 */
static int
check_format(const unsigned char *b, size_t len, const char *name,
    struct diag *d)
{
	static const struct {
		const char	*magic;
		size_t		 len;
		const char	*say;
	} kinds[] = {
		{ "%PDF-", 5, "this is a PDF file, not a portfolio: give the "
		    "portfolio's XML file" },
		{ "\x1f\x8b", 2, "compressed files are not read: unpack it "
		    "first (this is a gzip file)" },
		{ "BZh", 3, "compressed files are not read: unpack it first "
		    "(this is a bzip2 file)" },
		{ "\xfd" "7zXZ", 5, "compressed files are not read: unpack it "
		    "first (this is an xz file)" },
		{ "\x28\xb5\x2f\xfd", 4, "compressed files are not read: "
		    "unpack it first (this is a zstd file)" },
		{ "7z\xbc\xaf\x27\x1c", 6, "compressed files are not read: "
		    "unpack it first (this is a 7-Zip archive)" },
		{ "PK\x03\x04", 4, "compressed files are not read: unpack it "
		    "first (this is a ZIP archive, or an office document "
		    "such as .docx, which is not a portfolio)" },
		{ "\xd0\xcf\x11\xe0", 4, "this is an office document (such as "
		    ".doc or .xls), not a portfolio: give the portfolio's XML "
		    "file" },
		{ "{\\rtf", 5, "this is an RTF document, not a portfolio: give "
		    "the portfolio's XML file" },
		{ "\x89PNG", 4, "this is an image (PNG), not a portfolio" },
		{ "\xff\xd8\xff", 3, "this is an image (JPEG), not a "
		    "portfolio" },
		{ "GIF8", 4, "this is an image (GIF), not a portfolio" },
		{ "\x7f" "ELF", 4, "this is a program, not a portfolio" },
	};
	size_t	i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (len >= kinds[i].len &&
		    memcmp(b, kinds[i].magic, kinds[i].len) == 0) {
			diag_error(d, name, 0, "%s", kinds[i].say);
			return -1;
		}
	return 0;
}

/*
 * UTF-8 text must start with '<' after an optional byte-order mark and
 * spaces; say so here rather than let libxml2 call it empty.  Returns 0
 * or -1 after reporting.
 */
static int
check_start(const unsigned char *b, size_t len, const char *name,
    struct diag *d)
{
	size_t	i = 0;
	long	line = 1;

	if (len >= 2 && (b[0] == 0 || b[1] == 0 || b[0] == 0xfe ||
	    b[0] == 0xff))
		return 0;		/* UTF-16: the parser decides */
	if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		i = 3;
	for (; i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' ||
	    b[i] == '\n'); i++)
		if (b[i] == '\n')
			line++;
	if (i == len) {
		diag_error(d, name, 0, "the file is empty: expected an XML "
		    "document");
		return -1;
	}
	if (b[i] != '<') {
		diag_error(d, name, line, "this is not an XML document: "
		    "expected '<' at the start");
		return -1;
	}
	return 0;
}

xmlDocPtr
xmlload_memory(const char *buf, size_t len, const char *name,
    struct diag *d, enum xmlload_status *status)
{
	struct parse_state	 st;
	xmlParserCtxtPtr	 ctxt = NULL;
	xmlDocPtr		 doc = NULL;
	size_t			 i, lines = 1;
	int			 good;
	char			 msg[600];

	*status = XMLLOAD_REJECTED;
	memset(&st, 0, sizeof(st));
	st.diag = d;
	st.name = name;

	if (len == 0) {
		diag_error(d, name, 0, "the file is empty: expected an XML "
		    "document");
		goto out;
	}
	if (len > XMLLOAD_MAX_BYTES || len > (size_t)INT_MAX) {
		diag_error(d, name, 0, "the file is larger than the limit of "
		    "%d bytes (1 MiB)", XMLLOAD_MAX_BYTES);
		goto out;
	}
	/* SECURITY.md rule 8: libxml2 cannot count lines past 65,535. */
	for (i = 0; i < len; i++)
		if (buf[i] == '\n' && ++lines > XMLLOAD_MAX_LINES) {
			diag_error(d, name, 0, "the file has more than %d "
			    "lines", XMLLOAD_MAX_LINES);
			goto out;
		}
	if (check_format((const unsigned char *)buf, len, name, d) == -1 ||
	    check_encoding((const unsigned char *)buf, len, name, d) == -1 ||
	    check_start((const unsigned char *)buf, len, name, d) == -1)
		goto out;

	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag_error(d, name, 0, "out of memory");
		goto out;
	}
	ctxt->_private = &st;
	ctxt->sax->internalSubset = on_internal_subset;
	ctxt->sax->startDocument = on_start_document;
	ctxt->sax->serror = on_error;
	ctxt->vctxt.error = silent_error;
	ctxt->vctxt.warning = silent_error;

	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	/* SECURITY.md rule 5: libxml2 returns trees for namespace errors. */
	good = doc != NULL && ctxt->wellFormed && ctxt->nsWellFormed &&
	    !st.doctype;
	if (!good) {
		if (st.failed) {
			describe_parse_error(&st, msg, sizeof(msg));
			diag_report(d, DIAG_ERROR, name, st.line, st.col, "%s",
			    msg);
		} else if (!st.doctype)
			diag_error(d, name, 0, "the file is not well-formed "
			    "XML");
		xmlFreeDoc(doc);
		doc = NULL;
		goto out;
	}
	*status = XMLLOAD_OK;
out:
	if (ctxt != NULL) {
		ctxt->_private = NULL;
		xmlFreeParserCtxt(ctxt);
	}
	return doc;
}

/*
 * Read the whole of fd, at most XMLLOAD_MAX_BYTES + 1 bytes so that an
 * oversized stream is recognised without reading all of it.
 */
static int
read_all(int fd, char **bufp, size_t *lenp)
{
	size_t	 cap = 65536, len = 0;
	char	*buf, *nbuf;
	ssize_t	 n;

	if ((buf = malloc(cap)) == NULL)
		return -1;
	for (;;) {
		if (len == cap) {
			if (cap > XMLLOAD_MAX_BYTES)
				break;
			cap *= 2;
			if ((nbuf = realloc(buf, cap)) == NULL) {
				free(buf);
				return -1;
			}
			buf = nbuf;
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	*bufp = buf;
	*lenp = len;
	return 0;
}

xmlDocPtr
xmlload_file(const char *path, const char *name, struct diag *d,
    enum xmlload_status *status)
{
	struct stat	 sb;
	xmlDocPtr	 doc = NULL;
	char		*buf = NULL;
	size_t		 len = 0;
	int		 fd = -1, is_stdin;

	is_stdin = strcmp(path, "-") == 0;
	if (name == NULL)
		name = is_stdin ? "<stdin>" : path;
	*status = XMLLOAD_CANNOT_OPEN;

	/* Non-blocking, so that a FIFO cannot stop us in open(2). */
	if (is_stdin)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC |
	    O_NOCTTY)) == -1) {
		diag_error(d, name, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	if (fstat(fd, &sb) == -1) {
		diag_error(d, name, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (S_ISDIR(sb.st_mode)) {
		diag_error(d, name, 0, "is a directory, not a file");
		goto out;
	}
	if (!S_ISREG(sb.st_mode) && !is_stdin) {
		diag_error(d, name, 0, "is not a regular file");
		goto out;
	}
	if (S_ISREG(sb.st_mode) && sb.st_size > XMLLOAD_MAX_BYTES) {
		*status = XMLLOAD_REJECTED;
		diag_error(d, name, 0, "the file is larger than the limit of "
		    "%d bytes (1 MiB)", XMLLOAD_MAX_BYTES);
		goto out;
	}
	if (!is_stdin && fcntl(fd, F_SETFL, 0) == -1) {
		diag_error(d, name, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (read_all(fd, &buf, &len) == -1) {
		diag_error(d, name, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	doc = xmlload_memory(buf, len, name, d, status);
	if (doc != NULL && !is_stdin && doc->URL == NULL)
		doc->URL = xmlStrdup((const xmlChar *)path);
out:
	if (fd != -1 && !is_stdin)
		close(fd);
	free(buf);
	return doc;
}
