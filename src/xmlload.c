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
#include <libxml/xmlerror.h>

#include "diag.h"
#include "xmlload.h"

/* Errors reported for one file before the rest are summed up. */
#define MAX_ERRORS	20

/* What the SAX hooks of one parse know and found. */
struct parse_state {
	struct diag	*diag;
	const char	*name;		/* file name for messages */
	int		 doctype;	/* a DOCTYPE was seen and refused */
	unsigned	 errors;	/* errors reported */
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
	if (!st->doctype) {
		diag_error(st->diag, st->name, ctxt->input != NULL ?
		    ctxt->input->line : 0,
		    "document type declarations are not allowed");
		st->errors++;
	}
	st->doctype = 1;
	xmlStopParser(ctxt);
}

/* Copy msg without its trailing newline and with a lower-case start. */
static void
plain_message(const char *msg, char *buf, size_t bufsz)
{
	size_t	n;

	snprintf(buf, bufsz, "%s", msg != NULL ? msg : "unknown error");
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' ' ||
	    buf[n - 1] == '.'))
		buf[--n] = '\0';
	if (buf[0] >= 'A' && buf[0] <= 'Z' &&
	    !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] += 'a' - 'A';
	/* libxml2 folds details onto a second line; keep one line. */
	for (n = 0; buf[n] != '\0'; n++)
		if (buf[n] == '\n')
			buf[n] = ' ';
}

/*
 * Say what libxml2 found in words a coordinator understands.  The codes
 * with their own wording are the ones people meet: everything else keeps
 * libxml2's message, tidied.
 */
static void
describe_parse_error(const xmlError *err, char *buf, size_t bufsz)
{
	char	 plain[512], a[128], b[128];
	const char *p;
	int	 line;

	plain_message(err->message, plain, sizeof(plain));
	switch (err->code) {
	case XML_ERR_DOCUMENT_EMPTY:
		snprintf(buf, bufsz, "the file is empty: expected an XML "
		    "document");
		return;
	case XML_ERR_DOCUMENT_START:
		snprintf(buf, bufsz, "this is not an XML document: expected "
		    "'<' at the start");
		return;
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
		if ((p = strstr(plain, "Bytes: ")) != NULL) {
			/* libxml2 shows four bytes; the first is wrong. */
			snprintf(buf, bufsz, "the text is not valid UTF-8 "
			    "(byte %.4s): save the file as UTF-8", p + 7);
			return;
		}
		if (strncmp(plain, "char 0x", 7) == 0 ||
		    strncmp(plain, "pCDATA", 6) == 0 ||
		    strstr(plain, "out of allowed range") != NULL) {
			snprintf(buf, bufsz, "the file holds a character that "
			    "XML does not allow (%s)", plain);
			return;
		}
		break;
	case XML_ERR_TAG_NAME_MISMATCH:
		if (sscanf(plain, "opening and ending tag mismatch: "
		    "%127s line %d and %127s", a, &line, b) == 3) {
			snprintf(buf, bufsz, "closing tag '%s' does not match "
			    "the opening tag '%s' of line %d", b, a, line);
			return;
		}
		break;
	case XML_ERR_TAG_NOT_FINISHED:
		if (sscanf(plain, "premature end of data in tag %127s "
		    "line %d", a, &line) == 2) {
			snprintf(buf, bufsz, "the file ends before element "
			    "'%s' of line %d is closed", a, line);
			return;
		}
		break;
	case XML_ERR_DOCUMENT_END:
		snprintf(buf, bufsz, "there is more after the end of the "
		    "document's root element");
		return;
	case XML_ERR_INTERNAL_ERROR:
		if (strstr(plain, "xcessive depth") != NULL) {
			snprintf(buf, bufsz, "elements are nested more than %d "
			    "levels deep", XMLLOAD_MAX_DEPTH);
			return;
		}
		break;
	case XML_ERR_UNSUPPORTED_ENCODING:
		snprintf(buf, bufsz, "%s: save the file as UTF-8", plain);
		return;
	default:
		break;
	}
	snprintf(buf, bufsz, "%s", plain);
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct parse_state	*st;
	char			 msg[600];

	if (ctxt == NULL || (st = ctxt->_private) == NULL)
		return;
	if (err->level == XML_ERR_WARNING)
		return;
	/* After a refused DOCTYPE the rest is the stop's echo. */
	if (st->doctype)
		return;
	if (st->errors == MAX_ERRORS)
		diag_error(st->diag, st->name, 0, "too many errors; "
		    "the rest of this file is not reported");
	if (st->errors++ >= MAX_ERRORS)
		return;
	describe_parse_error(err, msg, sizeof(msg));
	diag_report(st->diag, DIAG_ERROR, st->name, err->line, err->int2,
	    "%s", msg);
}

/*
 * SECURITY.md rule 6: UTF-8 and UTF-16 only, decided from the bytes
 * before libxml2 sees them.  Returns 0 or -1 after reporting.
 */
static int
check_encoding(const unsigned char *b, size_t len, const char *name,
    struct diag *d)
{
	char		 enc[64];
	const unsigned char *end, *p;
	size_t		 i, n;
	unsigned char	 q;

	if (len >= 2 && ((b[0] == 0xfe && b[1] == 0xff) ||
	    (b[0] == 0xff && b[1] == 0xfe)))
		return 0;			/* UTF-16 with its BOM */
	if (len >= 4 && ((b[0] == 0 && b[1] == '<' && b[2] == 0) ||
	    (b[0] == '<' && b[1] == 0 && b[2] != 0)))
		return 0;			/* UTF-16 without BOM */
	if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
		b += 3;
		len -= 3;
	}
	if (len >= 2 && (b[0] == 0 || b[1] == 0 ||
	    (b[0] == 0x4c && b[1] == 0x6f))) {
		diag_error(d, name, 1, "the file is not UTF-8 or UTF-16 "
		    "text: save it as UTF-8");
		return -1;
	}
	if (len < 5 || memcmp(b, "<?xml", 5) != 0)
		return 0;
	n = len < 512 ? len : 512;
	end = memchr(b, '>', n);
	if (end == NULL)
		return 0;			/* the parser will say */
	for (p = b + 5; p + 8 < end; p++)
		if (memcmp(p, "encoding", 8) == 0)
			break;
	if (p + 8 >= end)
		return 0;
	for (p += 8; p < end && (*p == ' ' || *p == '=' || *p == '\t' ||
	    *p == '\r' || *p == '\n'); p++)
		;
	if (p >= end || (*p != '"' && *p != '\''))
		return 0;
	q = *p++;
	for (i = 0; p < end && *p != q && i + 1 < sizeof(enc); p++)
		enc[i++] = (char)*p;
	enc[i] = '\0';
	if (strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0 ||
	    strcasecmp(enc, "UTF-16") == 0 || strcasecmp(enc, "US-ASCII") == 0)
		return 0;
	diag_error(d, name, 1, "encoding '%s' is not supported: save the "
	    "file as UTF-8", enc);
	return -1;
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
	if (check_encoding((const unsigned char *)buf, len, name, d) == -1)
		goto out;

	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag_error(d, name, 0, "out of memory");
		goto out;
	}
	ctxt->_private = &st;
	ctxt->sax->internalSubset = on_internal_subset;
	ctxt->sax->serror = on_error;
	ctxt->vctxt.error = silent_error;
	ctxt->vctxt.warning = silent_error;

	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	/* SECURITY.md rule 5: libxml2 returns trees for namespace errors. */
	good = doc != NULL && ctxt->wellFormed && ctxt->nsWellFormed &&
	    !st.doctype;
	if (!good) {
		if (st.errors == 0)
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
