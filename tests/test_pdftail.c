/*
 * test_pdftail: the incremental update that gives a streamed PDF its
 * /Lang and /DisplayDocTitle.  A small PDF laid out the way Cairo writes
 * one gets an update qpdf accepts and reads back; whatever else (no
 * trailer, an xref of another kind, a catalog that has /Lang already) is
 * refused with a message and nothing written; a language tag that could
 * not be printed as it is leaves /Lang out.
 */
#include "harness.h"

#include "pdftail.h"

struct mem {
	char	*data;
	size_t	 len;
	int	 writes;
};

static ssize_t
mem_read(void *closure, void *buf, size_t len, off_t at)
{
	struct mem	*m = closure;

	if ((size_t)at >= m->len)
		return 0;
	if (len > m->len - (size_t)at)
		len = m->len - (size_t)at;
	memcpy(buf, m->data + at, len);
	return (ssize_t)len;
}

static int
mem_write(void *closure, const void *buf, size_t len)
{
	struct mem	*m = closure;

	m->data = realloc(m->data, m->len + len + 1);
	assert_non_null(m->data);
	memcpy(m->data + m->len, buf, len);
	m->len += len;
	m->data[m->len] = '\0';
	m->writes++;
	return 0;
}

/* A one-page PDF in Cairo's way: objects 1-5, one xref subsection. */
static void
cairo_like(struct mem *m, const char *catalog_extra)
{
	char	*pdf, *objs[5];
	long	 off[6];
	size_t	 i;
	int	 n;

	objs[0] = strdup("1 0 obj\n<< /Type /Pages /Kids [ 3 0 R ] /Count 1 "
	    ">>\nendobj\n");
	objs[1] = strdup("2 0 obj\n<< /Length 0 >>\nstream\n\nendstream\n"
	    "endobj\n");
	objs[2] = strdup("3 0 obj\n<< /Type /Page /Parent 1 0 R /MediaBox "
	    "[ 0 0 612 792 ] /Contents 2 0 R /Resources << >> >>\nendobj\n");
	objs[3] = strdup("4 0 obj\n<< /Producer (test) >>\nendobj\n");
	assert_true(asprintf(&objs[4], "5 0 obj\n<< /Type /Catalog\n   /Pages "
	    "1 0 R\n%s>>\nendobj\n", catalog_extra) > 0);
	m->data = strdup("%PDF-1.5\n");
	m->len = strlen(m->data);
	m->writes = 0;
	for (i = 0; i < 5; i++) {
		off[i + 1] = (long)m->len;
		mem_write(m, objs[i], strlen(objs[i]));
		free(objs[i]);
	}
	off[0] = (long)m->len;	/* the xref */
	n = asprintf(&pdf, "xref\n0 6\n0000000000 65535 f \n%010ld 00000 n \n"
	    "%010ld 00000 n \n%010ld 00000 n \n%010ld 00000 n \n%010ld 00000 n "
	    "\ntrailer\n<< /Size 6\n   /Root 5 0 R\n   /Info 4 0 R\n>>\n"
	    "startxref\n%ld\n%%%%EOF\n", off[1], off[2], off[3], off[4],
	    off[5], off[0]);
	assert_true(n > 0);
	mem_write(m, pdf, (size_t)n);
	free(pdf);
	m->writes = 0;
}

static int
tail_of(struct mem *m, const char *lang, char *err, size_t errlen)
{
	struct pdftail_io	io;

	io.read = mem_read;
	io.write = mem_write;
	io.closure = m;
	return pdftail_catalog(&io, (off_t)m->len, lang, err, errlen);
}

static void
test_update_read_back(void **state)
{
	struct mem	 m;
	struct run	 r;
	char		 err[128], path[PATH_MAX];

	(void)state;
	cairo_like(&m, "");
	assert_int_equal(tail_of(&m, "en-US", err, sizeof(err)), 0);
	assert_int_equal(m.writes, 2);
	tmppath("tail.pdf", path, sizeof(path));
	spew(path, m.data, m.len);
	run_tool(&r, "qpdf", "--check", path, (char *)NULL);
	run_expect(&r, 0, "No syntax or stream encoding errors", NULL);
	run_free(&r);
	run_tool(&r, "qpdf", "--show-object=trailer", path, (char *)NULL);
	run_expect(&r, 0, "/Prev", NULL);
	run_free(&r);
	run_tool(&r, "qpdf", "--show-object=5", path, (char *)NULL);
	run_expect(&r, 0, "/Lang (en-US)", NULL);
	assert_non_null(strstr(r.out, "/DisplayDocTitle true"));
	assert_non_null(strstr(r.out, "/Pages 1 0 R"));
	run_free(&r);
	free(m.data);
}

static void
test_refused(void **state)
{
	struct mem	 m;
	char		 err[128];
	size_t		 len;

	(void)state;
	/* the catalog has a language already */
	cairo_like(&m, "   /Lang (fr)\n");
	len = m.len;
	assert_int_equal(tail_of(&m, "en", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "has a language"));
	assert_int_equal(m.len, len);
	free(m.data);
	/* cut short: no trailer */
	cairo_like(&m, "");
	m.len -= 60;
	assert_int_equal(tail_of(&m, "en", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "does not end the way Cairo ends"));
	assert_int_equal(m.writes, 0);
	free(m.data);
	/* an xref that is not one subsection from 0 */
	cairo_like(&m, "");
	memcpy(strstr(m.data, "xref\n0 6"), "xref\n1 5", 8);
	assert_int_equal(tail_of(&m, "en", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cross-reference"));
	assert_int_equal(m.writes, 0);
	free(m.data);
}

static void
test_strange_language_left_out(void **state)
{
	struct mem	 m;
	char		 err[128];

	(void)state;
	cairo_like(&m, "");
	assert_int_equal(tail_of(&m, "en) /JS (x", err, sizeof(err)), 0);
	assert_null(strstr(m.data, "/Lang"));
	assert_null(strstr(m.data, "/JS"));
	assert_non_null(strstr(m.data, "/DisplayDocTitle true"));
	free(m.data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_update_read_back),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_strange_language_left_out),
	};

	return cmocka_run_group_tests_name("pdftail", tests, NULL, NULL);
}
