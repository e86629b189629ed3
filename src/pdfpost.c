/*
 * pdfpost: catalog entries and structure attributes after Cairo (see
 * pdfpost.h).
 *
 * The changes are appended to Cairo's bytes as an incremental update
 * (ISO 32000-1, 7.5.6): the changed objects again, under their own
 * numbers, a cross-reference section for them alone and a trailer that
 * points back at Cairo's.  Rewriting the whole file made qpdf parse and
 * write every object of it (16% of a packet's instructions, and a copy of
 * every object in memory); the update reads only the catalog and the
 * header cells.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <qpdf/qpdf-c.h>

#include "pdfpost.h"

/* Most header cells changed: a bound on what the scan may collect. */
#define MAX_CELLS	200000

/* How far before "/S /TH" the object's "N G obj" may start. */
#define HEAD_REACH	128

/* An object written again in the update, and where. */
struct changed {
	int	id, gen;
	size_t	offset;
};

struct update {
	GString		*buf;		/* the appended bytes */
	struct changed	*objs;
	size_t		 nobjs, capobjs;
	int		 nomem;
};

static int
by_id(const void *x, const void *y)
{
	const struct changed	*a = x, *b = y;

	return a->id != b->id ? (a->id < b->id ? -1 : 1) : 0;
}

static int
note_changed(struct update *u, int id, int gen)
{
	struct changed	*n;
	size_t		 cap;

	if (u->nobjs == u->capobjs) {
		cap = u->capobjs ? u->capobjs * 2 : 64;
		if ((n = realloc(u->objs, cap * sizeof(*n))) == NULL) {
			u->nomem = 1;
			return -1;
		}
		u->objs = n;
		u->capobjs = cap;
	}
	u->objs[u->nobjs].id = id;
	u->objs[u->nobjs].gen = gen;
	u->objs[u->nobjs].offset = 0;
	u->nobjs++;
	return 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	    c == '\0';
}

/* A PDF delimiter or white space: where a name ends. */
static int
ends_name(char c)
{
	return is_space(c) || strchr("()<>[]{}/%", c) != NULL;
}

/* The unsigned number that ends just before *p; *p moves before it. */
static long
number_before(const char *start, const char **p)
{
	const char	*e = *p, *s = e;
	long		 v = 0;

	while (s > start && s[-1] >= '0' && s[-1] <= '9' && e - s < 10)
		s--;
	if (s == e)
		return -1;
	for (*p = s; s < e; s++)
		v = v * 10 + (*s - '0');
	return v;
}

/*
 * The structure element whose "N G obj" header comes just before at
 * (Cairo 1.16 writes "N 0 obj\n<< /Type /StructElem\n   /S /TH\n").  0
 * when found.  Text that only looks so (a bookmark's title holding
 * "/S /TH") costs no more than a look at these bytes, or one at an
 * object qpdf has read already.
 */
static int
object_before(const char *start, const char *at, int *id, int *gen)
{
	const char	*lim, *o, *p;
	long		 g, n;

	lim = at - start > HEAD_REACH ? at - HEAD_REACH : start;
	for (o = at - 3; o >= lim; o--)
		if (memcmp(o, "obj", 3) == 0)
			break;
	if (o < lim || memmem(o, (size_t)(at - o), "/StructElem", 11) ==
	    NULL)
		return -1;
	for (p = o; p > start && is_space(p[-1]); p--)
		;
	if ((g = number_before(start, &p)) < 0 || p == start ||
	    !is_space(p[-1]))
		return -1;
	while (p > start && is_space(p[-1]))
		p--;
	if ((n = number_before(start, &p)) <= 0 || n > INT32_MAX ||
	    g > 65535 || (p > start && !is_space(p[-1])))
		return -1;
	*id = (int)n;
	*gen = (int)g;
	return 0;
}

/*
 * Give every structure element TH the attribute /Scope /Column.  The
 * candidates come from a scan of Cairo's bytes for "/S /TH"; qpdf then
 * reads each one and confirms it is a structure element TH without /A
 * (a match in compressed stream data is no such object and is left alone;
 * a cell already given /A is not taken twice).
 */
static void
scope_headers(qpdf_data q, const unsigned char *pdf, size_t len,
    struct update *u)
{
	const char	*start = (const char *)pdf, *end = start + len, *p;
	qpdf_oh		 oh, type, s, attr;
	int		 id, gen;

	for (p = start; (p = memmem(p, (size_t)(end - p), "/S /TH", 6)) !=
	    NULL && u->nobjs < MAX_CELLS; p += 6) {
		if (p + 6 < end && !ends_name(p[6]))
			continue;
		if (object_before(start, p, &id, &gen) != 0)
			continue;
		oh = qpdf_get_object_by_id(q, id, gen);
		type = qpdf_oh_get_key(q, oh, "/Type");
		s = qpdf_oh_get_key(q, oh, "/S");
		if (qpdf_oh_is_dictionary(q, oh) &&
		    qpdf_oh_is_name_and_equals(q, type, "/StructElem") &&
		    qpdf_oh_is_name_and_equals(q, s, "/TH") &&
		    !qpdf_oh_has_key(q, oh, "/A")) {
			attr = qpdf_oh_new_dictionary(q);
			qpdf_oh_replace_key(q, attr, "/O",
			    qpdf_oh_new_name(q, "/Table"));
			qpdf_oh_replace_key(q, attr, "/Scope",
			    qpdf_oh_new_name(q, "/Column"));
			qpdf_oh_replace_key(q, oh, "/A", attr);
			if (note_changed(u, id, gen) != 0)
				return;
		}
		qpdf_oh_release(q, type);
		qpdf_oh_release(q, s);
		qpdf_oh_release(q, oh);
	}
}

/*
 * Cairo's last startxref: where the update's /Prev points.  tail is the
 * end of a file of size bytes (all of it, or its last TAIL_BYTES).
 */
#define TAIL_BYTES	1024

static long long
last_xref(const unsigned char *tail, size_t len, size_t size)
{
	const char	*start = (const char *)tail, *p, *found = NULL;
	size_t		 from = len > TAIL_BYTES ? len - TAIL_BYTES : 0;
	long long	 v = 0;

	for (p = start + from; (p = memmem(p, len - (size_t)(p - start),
	    "startxref", 9)) != NULL; p += 9)
		found = p;
	if (found == NULL)
		return -1;
	for (p = found + 9; p < start + len && is_space(*p); p++)
		;
	if (p == start + len || *p < '0' || *p > '9')
		return -1;
	for (; p < start + len && *p >= '0' && *p <= '9'; p++)
		if ((v = v * 10 + (*p - '0')) >= (long long)size)
			return -1;
	return v;
}

/*
 * The changed objects, their cross-reference section and the trailer,
 * after Cairo's len bytes (ck: their MD5 so far; last: their last byte).
 */
static int
write_update(qpdf_data q, size_t len, int last, GChecksum *ck,
    long long prev, struct update *u)
{
	qpdf_oh		 oh, trailer, ids;
	guint8		 digest[16];
	gsize		 dlen = sizeof(digest);
	size_t		 i, j, xref;

	/* Cairo's file ends with "%%EOF\n"; make sure of the line end. */
	if (len > 0 && last != '\n')
		g_string_append_c(u->buf, '\n');
	qsort(u->objs, u->nobjs, sizeof(*u->objs), by_id);
	for (i = 0; i < u->nobjs; i++) {
		oh = qpdf_get_object_by_id(q, u->objs[i].id, u->objs[i].gen);
		u->objs[i].offset = len + u->buf->len;
		g_string_append_printf(u->buf, "%d %d obj\n", u->objs[i].id,
		    u->objs[i].gen);
		g_string_append(u->buf, qpdf_oh_unparse_resolved(q, oh));
		g_string_append(u->buf, "\nendobj\n");
		qpdf_oh_release(q, oh);
	}
	xref = len + u->buf->len;
	g_string_append(u->buf, "xref\n");
	for (i = 0; i < u->nobjs; i = j) {
		for (j = i + 1; j < u->nobjs &&
		    u->objs[j].id == u->objs[j - 1].id + 1; j++)
			;
		g_string_append_printf(u->buf, "%d %zu\n", u->objs[i].id,
		    j - i);
		for (; i < j; i++)
			g_string_append_printf(u->buf, "%010zu %05d n \n",
			    u->objs[i].offset, u->objs[i].gen);
	}
	/* A file identifier derived from the content: deterministic. */
	g_checksum_update(ck, (const guchar *)u->buf->str,
	    (gssize)u->buf->len);
	g_checksum_get_digest(ck, digest, &dlen);
	trailer = qpdf_get_trailer(q);
	ids = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, ids, qpdf_oh_new_binary_string(q,
	    (const char *)digest, dlen));
	qpdf_oh_append_item(q, ids, qpdf_oh_new_binary_string(q,
	    (const char *)digest, dlen));
	qpdf_oh_replace_key(q, trailer, "/ID", ids);
	qpdf_oh_replace_key(q, trailer, "/Prev", qpdf_oh_new_integer(q,
	    prev));
	qpdf_oh_remove_key(q, trailer, "/XRefStm");
	g_string_append(u->buf, "trailer\n");
	g_string_append(u->buf, qpdf_oh_unparse_resolved(q, trailer));
	g_string_append_printf(u->buf, "\nstartxref\n%zu\n%%%%EOF\n", xref);
	return u->nomem ? -1 : 0;
}

static void
set_error(qpdf_data q, const char *what, char *err, size_t errlen)
{
	qpdf_error	 e;
	const char	*text = NULL;

	if (qpdf_has_error(q) && (e = qpdf_get_error(q)) != NULL)
		text = qpdf_get_error_full_text(q, e);
	snprintf(err, errlen, "%s%s%s", what, text != NULL ? ": " : "",
	    text != NULL ? text : "");
}

/* The catalog's /Lang and /ViewerPreferences.  0, or -1 with err set. */
static int
change_catalog(qpdf_data q, const struct pdfpost_info *info,
    struct update *u, char *err, size_t errlen)
{
	qpdf_oh	root, prefs;

	root = qpdf_get_root(q);
	if (!qpdf_oh_is_dictionary(q, root) ||
	    qpdf_oh_get_object_id(q, root) <= 0) {
		snprintf(err, errlen, "cannot read the PDF back: no catalog");
		return -1;
	}
	note_changed(u, qpdf_oh_get_object_id(q, root),
	    qpdf_oh_get_generation(q, root));
	if (info->lang != NULL && info->lang[0] != '\0')
		qpdf_oh_replace_key(q, root, "/Lang",
		    qpdf_oh_new_string(q, info->lang));
	if (info->display_title) {
		prefs = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle",
		    qpdf_oh_new_bool(q, QPDF_TRUE));
		qpdf_oh_replace_key(q, root, "/ViewerPreferences", prefs);
	}
	return 0;
}

/* One post-processing run: qpdf, the /ID's checksum, the update. */
struct post {
	qpdf_data	 q;
	GChecksum	*ck;
	struct update	 u;
};

static int
post_begin(struct post *p, char *err, size_t errlen)
{
	memset(p, 0, sizeof(*p));
	p->q = qpdf_init();
	p->ck = g_checksum_new(G_CHECKSUM_MD5);
	p->u.buf = g_string_new(NULL);
	if (p->q == NULL || p->ck == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	qpdf_silence_errors(p->q);
	qpdf_set_suppress_warnings(p->q, QPDF_TRUE);
	return 0;
}

static void
post_end(struct post *p)
{
	if (p->ck != NULL)
		g_checksum_free(p->ck);
	g_string_free(p->u.buf, TRUE);
	free(p->u.objs);
	if (p->q != NULL)
		qpdf_cleanup(&p->q);
}

/*
 * The file is read: change the catalog (and with header_scope the cells
 * found in pdf, len bytes), then make the update after size bytes whose
 * last one is last.  0, or -1 with err set.
 */
static int
post_update(struct post *p, const struct pdfpost_info *info,
    const unsigned char *pdf, size_t len, size_t size, int last,
    long long prev, char *err, size_t errlen)
{
	if (change_catalog(p->q, info, &p->u, err, errlen) != 0)
		return -1;
	if (info->header_scope && pdf != NULL)
		scope_headers(p->q, pdf, len, &p->u);
	if (qpdf_has_error(p->q)) {
		set_error(p->q, "cannot change the PDF", err, errlen);
		return -1;
	}
	if (write_update(p->q, size, last, p->ck, prev, &p->u) != 0 ||
	    qpdf_has_error(p->q)) {
		if (p->u.nomem)
			snprintf(err, errlen, "out of memory");
		else
			set_error(p->q, "cannot write the PDF", err, errlen);
		return -1;
	}
	return 0;
}

int
pdfpost_run(const unsigned char *pdf, size_t len,
    const struct pdfpost_info *info, unsigned char **out, size_t *outlen,
    char *err, size_t errlen)
{
	struct post	 p;
	long long	 prev;
	int		 rc = -1;

	*out = NULL;
	*outlen = 0;
	if (post_begin(&p, err, errlen) != 0)
		goto out;
	if ((prev = last_xref(pdf, len, len)) < 0) {
		snprintf(err, errlen, "cannot read the PDF back: no "
		    "cross-reference table");
		goto out;
	}
	if (qpdf_read_memory(p.q, "typeset", (const char *)pdf,
	    (unsigned long long)len, NULL) & QPDF_ERRORS) {
		set_error(p.q, "cannot read the PDF back", err, errlen);
		goto out;
	}
	g_checksum_update(p.ck, pdf, (gssize)len);
	if (post_update(&p, info, pdf, len, len, len > 0 ? pdf[len - 1] : 0,
	    prev, err, errlen) != 0)
		goto out;
	if ((*out = malloc(len + p.u.buf->len)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	memcpy(*out, pdf, len);
	memcpy(*out + len, p.u.buf->str, p.u.buf->len);
	*outlen = len + p.u.buf->len;
	rc = 0;
out:
	post_end(&p);
	return rc;
}

int
pdfpost_append(const char *path, size_t size,
    const struct pdfpost_info *info,
    int (*append)(void *, const void *, size_t), void *closure, char *err,
    size_t errlen)
{
	struct post	 p;
	unsigned char	 chunk[65536], tail[TAIL_BYTES];
	size_t		 got = 0, n, want, tlen = 0;
	long long	 prev;
	FILE		*f = NULL;
	int		 rc = -1;

	if (post_begin(&p, err, errlen) != 0)
		goto out;
	/* Cairo's bytes: their MD5 for the /ID, and their last kilobyte */
	if ((f = fopen(path, "rbe")) == NULL) {
		snprintf(err, errlen, "cannot read the PDF back: %s",
		    strerror(errno));
		goto out;
	}
	for (; got < size; got += n) {
		want = size - got < sizeof(chunk) ? size - got : sizeof(chunk);
		if ((n = fread(chunk, 1, want, f)) == 0)
			break;
		g_checksum_update(p.ck, chunk, (gssize)n);
		/* keep the last TAIL_BYTES read */
		if (n >= TAIL_BYTES) {
			memcpy(tail, chunk + n - TAIL_BYTES, TAIL_BYTES);
			tlen = TAIL_BYTES;
			continue;
		}
		if (tlen + n > TAIL_BYTES) {
			memmove(tail, tail + tlen + n - TAIL_BYTES,
			    TAIL_BYTES - n);
			tlen = TAIL_BYTES - n;
		}
		memcpy(tail + tlen, chunk, n);
		tlen += n;
	}
	if (got != size || (prev = last_xref(tail, tlen, size)) < 0) {
		snprintf(err, errlen, "cannot read the PDF back: no "
		    "cross-reference table");
		goto out;
	}
	if (qpdf_read(p.q, path, NULL) & QPDF_ERRORS) {
		set_error(p.q, "cannot read the PDF back", err, errlen);
		goto out;
	}
	if (post_update(&p, info, NULL, 0, size, tail[tlen - 1], prev, err,
	    errlen) != 0)
		goto out;
	if (append(closure, p.u.buf->str, p.u.buf->len) != 0) {
		snprintf(err, errlen, "cannot write the update");
		goto out;
	}
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	post_end(&p);
	return rc;
}
