/*
 * pdfpost: catalog entries and structure attributes after Cairo (see
 * pdfpost.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "pdfpost.h"

/* Deepest structure tree we walk: Cairo's is a few levels. */
#define MAX_DEPTH	64

/* Most structure elements visited: a bound on hostile input. */
#define MAX_NODES	200000

struct walk {
	qpdf_data	 q;
	size_t		 nodes;
};

/* Give every TH element under oh the attribute /Scope /Column. */
static void
scope_headers(struct walk *w, qpdf_oh oh, int depth)
{
	qpdf_oh		 kids, kid, s, attr;
	int		 i, n;

	if (depth > MAX_DEPTH || ++w->nodes > MAX_NODES)
		return;
	if (qpdf_oh_is_dictionary(w->q, oh)) {
		s = qpdf_oh_get_key(w->q, oh, "/S");
		if (qpdf_oh_is_name_and_equals(w->q, s, "/TH") &&
		    !qpdf_oh_has_key(w->q, oh, "/A")) {
			attr = qpdf_oh_new_dictionary(w->q);
			qpdf_oh_replace_key(w->q, attr, "/O",
			    qpdf_oh_new_name(w->q, "/Table"));
			qpdf_oh_replace_key(w->q, attr, "/Scope",
			    qpdf_oh_new_name(w->q, "/Column"));
			qpdf_oh_replace_key(w->q, oh, "/A", attr);
		}
		kids = qpdf_oh_get_key(w->q, oh, "/K");
		if (qpdf_oh_is_dictionary(w->q, kids) &&
		    qpdf_oh_has_key(w->q, kids, "/S"))
			scope_headers(w, kids, depth + 1);
		else if (qpdf_oh_is_array(w->q, kids)) {
			n = qpdf_oh_get_array_n_items(w->q, kids);
			for (i = 0; i < n; i++) {
				kid = qpdf_oh_get_array_item(w->q, kids, i);
				if (qpdf_oh_is_dictionary(w->q, kid))
					scope_headers(w, kid, depth + 1);
			}
		}
	}
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

int
pdfpost_run(const unsigned char *pdf, size_t len,
    const struct pdfpost_info *info, unsigned char **out, size_t *outlen,
    char *err, size_t errlen)
{
	qpdf_data		 q = qpdf_init();
	qpdf_oh			 root, prefs;
	struct walk		 w;
	const unsigned char	*buf;
	size_t			 n;
	int			 rc = -1;

	*out = NULL;
	*outlen = 0;
	if (q == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "typeset", (const char *)pdf,
	    (unsigned long long)len, NULL) & QPDF_ERRORS) {
		set_error(q, "cannot read the PDF back", err, errlen);
		goto out;
	}
	root = qpdf_get_root(q);
	if (info->lang != NULL && info->lang[0] != '\0')
		qpdf_oh_replace_key(q, root, "/Lang",
		    qpdf_oh_new_string(q, info->lang));
	if (info->display_title) {
		prefs = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle",
		    qpdf_oh_new_bool(q, QPDF_TRUE));
		qpdf_oh_replace_key(q, root, "/ViewerPreferences", prefs);
	}
	if (info->header_scope) {
		w.q = q;
		w.nodes = 0;
		scope_headers(&w, qpdf_oh_get_key(q, root, "/StructTreeRoot"),
		    0);
	}
	if (qpdf_has_error(q)) {
		set_error(q, "cannot change the PDF", err, errlen);
		goto out;
	}
	if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
		set_error(q, "cannot write the PDF", err, errlen);
		goto out;
	}
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_preserve);
	qpdf_set_stream_data_mode(q, qpdf_s_preserve);
	if (qpdf_write(q) & QPDF_ERRORS) {
		set_error(q, "cannot write the PDF", err, errlen);
		goto out;
	}
	buf = qpdf_get_buffer(q);
	n = qpdf_get_buffer_length(q);
	if (buf == NULL || n == 0 || (*out = malloc(n)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	memcpy(*out, buf, n);
	*outlen = n;
	rc = 0;
out:
	qpdf_cleanup(&q);
	return rc;
}
