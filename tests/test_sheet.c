/*
 * test_sheet: the spreadsheet modules, csvtab (CSV with libcsv), export
 * and import, called as a library.  The round trips then run the real
 * binary's `endorse check --format xml` on the result, so that "the
 * checklist is identical" means the golden checklist, rule by rule.
 */
#include "harness.h"

#include <ctype.h>

#include <libxml/parser.h>

#include "catalog.h"
#include "csvtab.h"
#include "datadir.h"
#include "diag.h"
#include "export.h"
#include "import.h"
#include "sheet.h"
#include "skeleton.h"
#include "validate.h"
#include "xmlload.h"

#define AS_OF	"--as-of=2025-06-30"

static const char *const kinds[] = { "people", "training", "sessions",
    "positions", "leadership", "references" };
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

struct fixture {
	struct datadir		*dd;
	struct catalog		*cat;
	struct validate		*v;
	struct sheet_schema	*s;
};

static int
setup(void **state)
{
	static struct fixture	fx;
	struct diag		d;
	char			path[PATH_MAX];

	xmlload_init();
	diag_init(&d, stderr, "test");
	if ((fx.dd = datadir_open(&d)) == NULL ||
	    (fx.cat = catalog_open(fx.dd, &d)) == NULL)
		return -1;
	srcpath("schemas/applicant.xsd", path, sizeof(path));
	fx.v = validate_new(path, fx.cat->codes, &d);
	if (fx.v == NULL || validate_set_ref_target(fx.v, "person") == -1)
		return -1;
	if ((fx.s = sheet_schema_load(path, &d)) == NULL)
		return -1;
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	sheet_schema_free(fx->s);
	validate_free(fx->v);
	catalog_free(fx->cat);
	datadir_free(fx->dd);
	xmlCleanupParser();
	return 0;
}

/* snprintf into a PATH_MAX buffer, failing the test when it is cut. */
static void
pathf(char *buf, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(buf, PATH_MAX, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= PATH_MAX)
		fail_msg("path too long");
}

/* Messages of one call, collected. */
struct msgs {
	struct diag	 d;
	FILE		*f;
	char		*text;
	size_t		 len;
};

static void
msgs_open(struct msgs *m)
{
	m->text = NULL;
	m->len = 0;
	m->f = open_memstream(&m->text, &m->len);
	assert_non_null(m->f);
	diag_init(&m->d, m->f, "endorse");
}

static void
msgs_close(struct msgs *m)
{
	fclose(m->f);
}

/* ---------------------------------------------------------------- */
/* csvtab                                                           */
/* ---------------------------------------------------------------- */

static struct csvtab *
parse(const char *text, struct msgs *m)
{
	msgs_open(m);
	return csvtab_parse(text, strlen(text), "t.csv", &m->d);
}

static void
test_csv_spreadsheet_forms(void **state)
{
	/* BOM, CRLF, ';', a quoted cell with the delimiter, a comma, a
	 * doubled quote and a line break, blank rows, trailing empty rows */
	static const char text[] = "\xef\xbb\xbf" "Date;Hours;Note\r\n"
	    "2024-01-02;1,5;plain\r\n"
	    "\r\n"
	    "2024-01-03;2;\"a; b, \"\"c\"\"\r\nnext line\"\r\n"
	    "2024-01-04;3;last\r\n"
	    ";;\r\n"
	    ";;\r\n";
	struct msgs	 m;
	struct csvtab	*t = parse(text, &m);

	(void)state;
	msgs_close(&m);
	assert_non_null(t);
	assert_string_equal(m.text, "");
	assert_int_equal(t->delim, ';');
	assert_int_equal(t->header.ncells, 3);
	assert_string_equal(t->header.cells[0], "Date");
	assert_int_equal(t->nrows, 3);
	assert_string_equal(t->rows[0].cells[1], "1,5");
	assert_int_equal(t->rows[0].line, 2);
	assert_string_equal(t->rows[1].cells[2], "a; b, \"c\"\r\nnext line");
	assert_int_equal(t->rows[1].line, 4);
	assert_int_equal(t->rows[2].line, 6);
	assert_string_equal(t->rows[2].cells[2], "last");
	csvtab_free(t);
	free(m.text);
}

static void
test_csv_delimiters(void **state)
{
	struct msgs	 m;
	struct csvtab	*t;

	(void)state;
	t = parse("a,b\n1,2\n", &m);
	msgs_close(&m);
	assert_int_equal(t->delim, ',');
	assert_int_equal(t->rows[0].line, 2);
	csvtab_free(t);
	free(m.text);
	t = parse("a\tb\n1\t2\n", &m);
	msgs_close(&m);
	assert_int_equal(t->delim, '\t');
	assert_string_equal(t->rows[0].cells[1], "2");
	csvtab_free(t);
	free(m.text);
	/* a ';' inside quotes does not count */
	t = parse("\"x;y;z\",b\n", &m);
	msgs_close(&m);
	assert_int_equal(t->delim, ',');
	assert_int_equal(t->header.ncells, 2);
	csvtab_free(t);
	free(m.text);
}

static void
test_csv_refused(void **state)
{
	struct msgs	 m;
	struct csvtab	*t;

	(void)state;
	t = parse("a,b\n1,\"open\n2,3\n", &m);
	msgs_close(&m);
	assert_null(t);
	assert_non_null(strstr(m.text, "t.csv:2: error: a quoted cell "
	    "starting on this row has no closing quotation mark"));
	free(m.text);

	t = parse("a,b\nx,caf\xe9\n", &m);
	msgs_close(&m);
	assert_null(t);
	assert_non_null(strstr(m.text, "t.csv:2: error: the file is not "
	    "UTF-8 text (byte 0xE9): save it as 'CSV UTF-8'"));
	free(m.text);

	msgs_open(&m);
	t = csvtab_parse("\xff\xfe" "a\0,\0", 6, "t.csv", &m.d);
	msgs_close(&m);
	assert_null(t);
	assert_non_null(strstr(m.text, "UTF-16"));
	free(m.text);

	t = parse("\r\n\r\n", &m);
	msgs_close(&m);
	assert_null(t);
	assert_non_null(strstr(m.text, "the file is empty"));
	free(m.text);
}

static void
test_csv_format_parses_back(void **state)
{
	static const char *const header[] = { "name", "note" };
	struct csvtab	*t = csvtab_new(header, 2), *back;
	struct msgs	 m;
	char		*buf;
	size_t		 len;

	(void)state;
	assert_non_null(t);
	assert_int_equal(csvtab_add_row(t), 0);
	assert_int_equal(csvtab_set(t, 0, 0, " Ortiz, José "), 0);
	assert_int_equal(csvtab_set(t, 0, 1, "say \"hi\"\nthen go"), 0);
	assert_int_equal(csvtab_add_row(t), 1);
	assert_int_equal(csvtab_set(t, 1, 0, "plain"), 0);
	buf = csvtab_format(t, &len);
	assert_non_null(buf);
	assert_memory_equal(buf, "\xef\xbb\xbfname,note\r\n", 14);
	assert_non_null(strstr(buf, "\r\nplain,\r\n"));
	msgs_open(&m);
	back = csvtab_parse(buf, len, "t.csv", &m.d);
	msgs_close(&m);
	assert_non_null(back);
	assert_int_equal(back->nrows, 2);
	/* libcsv keeps the spaces inside quotes */
	assert_string_equal(back->rows[0].cells[0], " Ortiz, José ");
	assert_string_equal(back->rows[0].cells[1], "say \"hi\"\nthen go");
	assert_string_equal(back->rows[1].cells[1], "");
	csvtab_free(back);
	csvtab_free(t);
	free(buf);
	free(m.text);
}

static void
test_sheet_keys_and_fold(void **state)
{
	const struct sheet_kind	*k = sheet_kind_find("training");
	char			*f;

	(void)state;
	assert_non_null(k);
	assert_int_equal(sheet_column_find(k, "About RS/C"),
	    sheet_column_find(k, "about-rsc"));
	assert_true(sheet_column_find(k, "HOURS") >= 0);
	assert_true(sheet_column_find(k, " Competency Areas ") >= 0);
	assert_int_equal(sheet_column_find(k, "hourz"), -1);
	/* NFC and case folding: a decomposed é, capitals, double spaces */
	f = sheet_fold("  JOSE\xcc\x81   Ortiz ");
	assert_string_equal(f, "jos\xc3\xa9 ortiz");
	free(f);
}

static void
test_schema_facts(void **state)
{
	struct fixture		*fx = *state;
	const char *const	*w = sheet_schema_words(fx->s,
				    "session-format");
	const char *const	*sec = sheet_schema_sections(fx->s);

	assert_non_null(w);
	assert_string_equal(w[0], "individual");
	assert_string_equal(w[2], "peer-group");
	assert_null(w[3]);
	assert_non_null(strstr(sheet_schema_expect(fx->s, "date"),
	    "YYYY-MM-DD"));
	assert_int_equal(sheet_schema_maxlen(fx->s, "title"), 400);
	assert_string_equal(sec[0], "applicant");
	assert_string_equal(sec[3], "training");
	assert_null(sheet_schema_words(fx->s, "date"));
}

/* ---------------------------------------------------------------- */
/* Round trips                                                      */
/* ---------------------------------------------------------------- */

/* endorse check --format xml on path: its standard output. */
static char *
checklist_of(const char *path)
{
	struct run	 r;
	char		*out;

	run_endorse(&r, "check", AS_OF, "--format", "xml", path, NULL);
	assert_false(r.timed_out);
	if (r.status > 2)
		fail_msg("%s: exit %d: %s", path, r.status, r.err);
	out = strdup(r.out);
	run_free(&r);
	return out;
}

/* Export example into dir, then import the CSV files listed into out. */
static void
round_trip(struct fixture *fx, const char *example, const char *dir,
    const char *out, const char *const *csv, size_t ncsv)
{
	struct msgs		 m;
	enum xmlload_status	 st;
	enum import_status	 ir;
	xmlDocPtr		 doc;

	msgs_open(&m);
	doc = xmlload_file(example, NULL, &m.d, &st);
	assert_non_null(doc);
	assert_int_equal(validate_run(fx->v, doc, example, &m.d), 0);
	if (dir != NULL)
		assert_int_equal(export_run(doc, dir, &m.d), EXPORT_OK);
	xmlFreeDoc(doc);
	ir = import_run(fx->v, fx->s, example, csv, ncsv, out, &m.d);
	msgs_close(&m);
	if (ir != IMPORT_OK)
		fail_msg("%s: import %d: %s", example, ir, m.text);
	assert_string_equal(m.text, "");
	free(m.text);
}

static void
csv_paths(const char *dir, char paths[NKINDS][PATH_MAX],
    const char *ptrs[NKINDS])
{
	size_t	i;

	for (i = 0; i < NKINDS; i++) {
		pathf(paths[i], "%s/%s.csv", dir, kinds[i]);
		ptrs[i] = paths[i];
	}
}

static void
test_round_trip_every_example(void **state)
{
	struct fixture	*fx = *state;
	size_t		 n, i, base;
	char		**names = list_dir("examples", ".xml", &n);
	char		 ex[PATH_MAX], dir[PATH_MAX], out[PATH_MAX];
	char		 gold[PATH_MAX], paths[NKINDS][PATH_MAX];
	const char	*ptrs[NKINDS];
	char		*want, *got;

	assert_true(n >= 8);
	for (i = 0; i < n; i++) {
		base = strlen(names[i]) - 4;
		pathf(ex, "examples/%s", names[i]);
		pathf(dir, "%s/rt-%.*s", tmpdir(), (int)base,
		    names[i]);
		pathf(out, "%s.xml", dir);
		csv_paths(dir, paths, ptrs);
		round_trip(fx, ex, dir, out, ptrs, NKINDS);
		pathf(gold, "tests/check/%.*s.checklist.xml",
		    (int)base, names[i]);
		want = slurp(gold, NULL);
		assert_non_null(want);
		got = checklist_of(out);
		if (strcmp(want, got) != 0)
			fail_msg("%s: the checklist after export and import "
			    "differs from %s:\n%s", ex, gold, got);
		free(want);
		free(got);
		free(names[i]);
	}
	free(names);
}

/*
 * Rewrite a CSV file as a European spreadsheet saves it: ';' between
 * cells, the columns in reverse order, headers in capitals, every cell
 * quoted, two empty rows at the end (BOM and CRLF stay).
 */
static void
respreadsheet(const char *path)
{
	struct msgs	 m;
	struct csvtab	*t;
	char		*buf;
	size_t		 len, r, c, nc;
	FILE		*f;
	const char	*s;

	buf = slurp(path, &len);
	assert_non_null(buf);
	msgs_open(&m);
	t = csvtab_parse(buf, len, path, &m.d);
	msgs_close(&m);
	assert_non_null(t);
	free(buf);
	free(m.text);
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("\xef\xbb\xbf", f);
	nc = t->header.ncells;
	for (r = 0; r <= t->nrows; r++) {
		const struct csvtab_row *row = r == 0 ? &t->header :
		    &t->rows[r - 1];

		for (c = 0; c < nc; c++) {
			fputs(c ? ";\"" : "\"", f);
			for (s = row->cells[nc - 1 - c]; *s != '\0'; s++) {
				if (*s == '"')
					fputc('"', f);
				fputc(r == 0 ? toupper((unsigned char)*s) :
				    *s, f);
			}
			fputc('"', f);
		}
		fputs("\r\n", f);
	}
	fputs(";;\r\n\r\n", f);
	assert_int_equal(fclose(f), 0);
	csvtab_free(t);
}

static void
test_round_trip_as_a_spreadsheet_saves(void **state)
{
	struct fixture	*fx = *state;
	size_t		 n, i, k, base;
	char		**names = list_dir("examples", ".xml", &n);
	char		 ex[PATH_MAX], dir[PATH_MAX], out[PATH_MAX];
	char		 paths[NKINDS][PATH_MAX], *want, *got;
	const char	*ptrs[NKINDS];
	struct msgs	 m;
	enum xmlload_status st;
	xmlDocPtr	 doc;

	for (i = 0; i < n; i++) {
		base = strlen(names[i]) - 4;
		pathf(ex, "examples/%s", names[i]);
		pathf(dir, "%s/ss-%.*s", tmpdir(), (int)base,
		    names[i]);
		pathf(out, "%s.xml", dir);
		csv_paths(dir, paths, ptrs);
		msgs_open(&m);
		doc = xmlload_file(ex, NULL, &m.d, &st);
		assert_non_null(doc);
		assert_int_equal(export_run(doc, dir, &m.d), EXPORT_OK);
		xmlFreeDoc(doc);
		msgs_close(&m);
		free(m.text);
		for (k = 0; k < NKINDS; k++)
			respreadsheet(paths[k]);
		round_trip(fx, ex, NULL, out, ptrs, NKINDS);
		want = checklist_of(ex);
		got = checklist_of(out);
		if (strcmp(want, got) != 0)
			fail_msg("%s: checklist differs after a spreadsheet "
			    "round trip:\n%s", ex, got);
		free(want);
		free(got);
		free(names[i]);
	}
	free(names);
}

/* A quoted cell with a comma and a line break reaches the XML as is. */
static void
test_quoted_cell_with_comma_and_newline(void **state)
{
	struct fixture	*fx = *state;
	char		 csv[PATH_MAX], out[PATH_MAX], *xml;
	const char	*ptrs[1];

	tmppath("positions.csv", csv, sizeof(csv));
	tmppath("quoted.xml", out, sizeof(out));
	{
		static const char text[] = "start,end,work,role,employer,"
		    "description\r\n2016-06-01,ongoing,direct-service "
		    "supervised,Home Visitor,\"Redbud, Tulsa\",\"Weekly "
		    "visits, at home\r\nand in the clinic\"\r\n";
		spew(csv, text, sizeof(text) - 1);
	}
	ptrs[0] = csv;
	round_trip(fx, "examples/ok-clinical-ready.xml", NULL, out, ptrs, 1);
	xml = slurp(out, NULL);
	assert_non_null(xml);
	assert_non_null(strstr(xml, "<employer>Redbud, Tulsa</employer>"));
	/* CRLF inside a cell is a line break, as XML reads it */
	assert_non_null(strstr(xml, "<description>Weekly visits, at home"
	    "\nand in the clinic</description>"));
	/* the leadership activities stay, after the new position */
	assert_non_null(strstr(xml, "</position>\n    <leadership "));
	assert_null(strstr(xml, "Clinical Supervisor"));
	free(xml);
}

/* examples/csv/ is the export of its example, byte for byte. */
static void
test_examples_csv_current(void **state)
{
	struct msgs		 m;
	enum xmlload_status	 st;
	xmlDocPtr		 doc;
	char			 dir[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
	char			*want, *got;
	size_t			 i, wl, gl;

	(void)state;
	pathf(dir, "%s/examples-csv", tmpdir());
	msgs_open(&m);
	doc = xmlload_file("examples/ok-clinical-ready.xml", NULL, &m.d, &st);
	assert_non_null(doc);
	assert_int_equal(export_run(doc, dir, &m.d), EXPORT_OK);
	xmlFreeDoc(doc);
	msgs_close(&m);
	free(m.text);
	for (i = 0; i < NKINDS; i++) {
		pathf(a, "examples/csv/%s.csv", kinds[i]);
		pathf(b, "%s/%s.csv", dir, kinds[i]);
		want = slurp(a, &wl);
		got = slurp(b, &gl);
		assert_non_null(want);
		assert_non_null(got);
		if (wl != gl || memcmp(want, got, wl) != 0)
			fail_msg("%s is not the export of "
			    "examples/ok-clinical-ready.xml any more: copy %s",
			    a, b);
		free(want);
		free(got);
	}
}

/* Every column is documented under its file in schemas/README.md. */
static void
test_columns_documented(void **state)
{
	const struct sheet_kind	*k;
	char			*doc = slurp("schemas/README.md", NULL);
	char			 head[64], cell[96];
	const char		*sec, *end, *at;
	size_t			 i, j;

	(void)state;
	assert_non_null(doc);
	for (i = 0; (k = sheet_kind_at(i)) != NULL; i++) {
		snprintf(head, sizeof(head), "### %s.csv\n", k->name);
		if ((sec = strstr(doc, head)) == NULL)
			fail_msg("schemas/README.md has no section %s", head);
		if ((end = strstr(sec + 1, "\n#")) == NULL)
			end = sec + strlen(sec);
		for (j = 0; j < k->ncolumns; j++) {
			snprintf(cell, sizeof(cell), "| `%s`",
			    k->columns[j].header);
			at = strstr(sec, cell);
			if (at == NULL || at > end)
				fail_msg("column '%s' of %s.csv is not in its "
				    "table in schemas/README.md",
				    k->columns[j].header, k->name);
		}
	}
	free(doc);
}

/* ---------------------------------------------------------------- */
/* Bad cells                                                        */
/* ---------------------------------------------------------------- */

#define EXAMPLE	"examples/ok-clinical-ready.xml"

/*
 * Import the CSV texts (name, text pairs, NULL-ended) into the example;
 * returns the status, the messages in *msgs and the document in *docp
 * (NULL: freed).
 */
static enum import_status
import_texts(struct fixture *fx, char **msgs, xmlDocPtr *docp, ...)
{
	struct csvtab		*tabs[8];
	const char		*names[8], *text;
	struct msgs		 m;
	enum xmlload_status	 st;
	enum import_status	 rc;
	xmlDocPtr		 doc;
	va_list			 ap;
	size_t			 n = 0, i;

	msgs_open(&m);
	doc = xmlload_file(EXAMPLE, NULL, &m.d, &st);
	assert_non_null(doc);
	va_start(ap, docp);
	while ((names[n] = va_arg(ap, const char *)) != NULL) {
		text = va_arg(ap, const char *);
		tabs[n] = csvtab_parse(text, strlen(text), names[n], &m.d);
		assert_non_null(tabs[n]);
		n++;
	}
	va_end(ap);
	rc = import_tables(doc, EXAMPLE, fx->s, tabs, names, n, &m.d);
	msgs_close(&m);
	for (i = 0; i < n; i++)
		csvtab_free(tabs[i]);
	if (docp != NULL)
		*docp = doc;
	else
		xmlFreeDoc(doc);
	*msgs = m.text;
	return rc;
}

static void
expect_msg(const char *msgs, const char *want)
{
	if (strstr(msgs, want) == NULL)
		fail_msg("expected\n  %s\nin\n%s", want, msgs);
}

#define TRAINING_HEAD	"start,end,hours,title,provider,relationship-based\r\n"
#define COURSE(start, hours) start ",," hours ",Course,Provider,yes\r\n"

static void
test_bad_dates(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "training.csv",
	    TRAINING_HEAD COURSE("2024-01-05", "2") COURSE("5/17/2013", "2")
	    COURSE("2024-02-30", "2") COURSE("17.05.2013", "1")
	    COURSE("41411", "1") COURSE("soon", "1"), NULL),
	    IMPORT_REJECTED);
	expect_msg(msgs, "endorse: training.csv:3:1: error: column 'start': "
	    "'5/17/2013' is not written YYYY-MM-DD: a spreadsheet may have "
	    "reformatted the date; write it as YYYY-MM-DD (such as "
	    "2024-09-30) and format the column as text so that it stays "
	    "so\n");
	expect_msg(msgs, "training.csv:4:1: error: column 'start': "
	    "'2024-02-30' is not a date of the calendar");
	expect_msg(msgs, "training.csv:5:1: error: column 'start': "
	    "'17.05.2013' is not written YYYY-MM-DD");
	expect_msg(msgs, "training.csv:6:1: error: column 'start': '41411' "
	    "is not written YYYY-MM-DD");
	expect_msg(msgs, "training.csv:7:1: error: column 'start': 'soon' is "
	    "not a date: expected a date written YYYY-MM-DD, such as "
	    "2024-09-30");
	/* the good row is not reported; every bad one is */
	assert_null(strstr(msgs, "training.csv:2:"));
	free(msgs);
}

static void
test_bad_hours(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "training.csv",
	    TRAINING_HEAD COURSE("2024-01-05", "-3")
	    COURSE("2024-01-05", "1.255") COURSE("2024-01-05", "\"1,5\"")
	    COURSE("2024-01-05", "lots") COURSE("2024-01-05", "123456")
	    COURSE("2024-01-05", ""), NULL), IMPORT_REJECTED);
	expect_msg(msgs, "training.csv:2:3: error: column 'hours': '-3' is a "
	    "negative number of hours: expected a number of clock hours, 0 "
	    "or more, with at most two decimal places (such as 1.25)\n");
	expect_msg(msgs, "training.csv:3:3: error: column 'hours': '1.255' "
	    "has more than two decimal places (hours are never rounded)");
	expect_msg(msgs, "training.csv:4:3: error: column 'hours': '1,5' has "
	    "a decimal comma: write hours with a decimal point, such as 1.5");
	expect_msg(msgs, "training.csv:5:3: error: column 'hours': 'lots' is "
	    "not a number of hours");
	expect_msg(msgs, "training.csv:6:3: error: column 'hours': '123456' "
	    "is more hours than a portfolio can hold");
	expect_msg(msgs, "training.csv:7:3: error: column 'hours': the cell "
	    "is empty: expected a number of clock hours");
	free(msgs);
}

static void
test_bad_words(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "sessions.csv",
	    "date,hours,format,provider\r\n"
	    "2024-01-09,1.5,one-on-one,p-hale\r\n"
	    "2024-01-10,1.5,Individual,p-hale\r\n", "training.csv",
	    TRAINING_HEAD "2024-01-05,,2,Course,Provider,maybe\r\n", NULL),
	    IMPORT_REJECTED);
	expect_msg(msgs, "sessions.csv:2:3: error: column 'format': "
	    "'one-on-one' is not one of the words this column takes: "
	    "expected the form of the session: individual, group, or "
	    "peer-group (a group without a supervisor/consultant)\n");
	/* case does not matter */
	assert_null(strstr(msgs, "sessions.csv:3:"));
	expect_msg(msgs, "training.csv:2:6: error: column "
	    "'relationship-based': 'maybe' is not one of the words this "
	    "column takes: expected 'yes' or 'no'");
	free(msgs);
}

static void
test_unknown_person(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "sessions.csv",
	    "date,hours,format,provider,provider name\r\n"
	    "2024-01-09,1.5,individual,,Dr. Nobody\r\n"
	    "2024-01-10,1.5,individual,p-nobody,\r\n"
	    "2024-01-11,1.5,individual,p-hale,José Ortiz\r\n", NULL),
	    IMPORT_REJECTED);
	expect_msg(msgs, "sessions.csv:2:5: error: column 'provider name': "
	    "'Dr. Nobody' matches no one in " EXAMPLE ": expected the name "
	    "of a person listed there");
	expect_msg(msgs, "sessions.csv:3:4: error: column 'provider': no one "
	    "in " EXAMPLE " has the id 'p-nobody'");
	expect_msg(msgs, "sessions.csv:4:5: error: column 'provider name': "
	    "'José Ortiz' is not the name of 'p-hale' in " EXAMPLE
	    " ('Dr. Marguerite Hale'): correct the id or the name");
	free(msgs);
}

static void
test_person_by_name(void **state)
{
	char		*msgs;
	xmlDocPtr	 doc;
	xmlChar		*buf;
	int		 len;

	/* NFC and case folding: a decomposed é in capitals */
	assert_int_equal(import_texts(*state, &msgs, &doc, "sessions.csv",
	    "Date;Hours;Format;Provider;Provider Name\r\n"
	    "2024-01-09;1.5;individual;;JOSE\xcc\x81   ORTIZ\r\n", NULL),
	    IMPORT_OK);
	assert_string_equal(msgs, "");
	xmlDocDumpMemory(doc, &buf, &len);
	assert_non_null(strstr((char *)buf, "<session date=\"2024-01-09\" "
	    "hours=\"1.5\" format=\"individual\" provider=\"p-ortiz\"/>"));
	assert_null(strstr((char *)buf, "session date=\"2023-03-14\""));
	xmlFree(buf);
	xmlFreeDoc(doc);
	free(msgs);

	/* people.csv without ids: made from the names, linked by name */
	assert_int_equal(import_texts(*state, &msgs, &doc, "people.csv",
	    "name,e-mail,endorsements,approved list,vetted\r\n"
	    "Jane Doe,jane@example.org,\"OK-AIMH IV IMHM clinical "
	    "2009-05-01; WI-AIMH III\",OK-AIMH,WI-AIMH 2020-03-01\r\n",
	    "references.csv", "person name,role,completed\r\n"
	    "jane doe,rsc-provider,2025-01-02\r\n", "sessions.csv",
	    "date,hours,format,provider name\r\n"
	    "2024-01-09,1,individual,Jane  Doe\r\n", NULL), IMPORT_OK);
	assert_string_equal(msgs, "");
	xmlDocDumpMemory(doc, &buf, &len);
	assert_non_null(strstr((char *)buf, "<person id=\"p-jane-doe\">\n"
	    "      <name>Jane Doe</name>\n"
	    "      <email>jane@example.org</email>\n"
	    "      <endorsement association=\"OK-AIMH\" level=\"IV\" "
	    "designation=\"IMHM\" track=\"clinical\" earned=\"2009-05-01\"/>\n"
	    "      <endorsement association=\"WI-AIMH\" level=\"III\"/>\n"
	    "      <approved-provider association=\"OK-AIMH\"/>\n"
	    "      <vetted-level-iv-clinical association=\"WI-AIMH\" "
	    "date=\"2020-03-01\"/>\n    </person>"));
	assert_non_null(strstr((char *)buf, "<reference person=\"p-jane-doe\" "
	    "role=\"rsc-provider\" completed=\"2025-01-02\"/>"));
	xmlFree(buf);
	xmlFreeDoc(doc);
	free(msgs);
}

static void
test_bad_header(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "training.csv",
	    "start,end,title,provider,relationship-based,hourz\r\n"
	    "2024-01-05,,Course,Provider,yes,2\r\n", "positions.csv",
	    "start,end,work,role,employer,start\r\n", NULL),
	    IMPORT_REJECTED);
	expect_msg(msgs, "training.csv:1:6: error: 'hourz' is not a column "
	    "of training rows: expected one of 'id', 'start', 'end', "
	    "'hours'");
	expect_msg(msgs, "training.csv:1: error: the required column 'hours' "
	    "is missing from the header row");
	expect_msg(msgs, "positions.csv:1:6: error: 'start' "
	    "names column 'start' again (it is column 1 already)");
	free(msgs);
}

static void
test_duplicate_id(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "people.csv",
	    "id,name\r\np-a,Ann\r\np-b,Bea\r\np-a,Ann Again\r\n",
	    "training.csv", "id," TRAINING_HEAD
	    "p-b,2024-01-05,,2,Course,Provider,yes\r\n"
	    "c 1,2024-01-05,,2,Course,Provider,yes\r\n", NULL),
	    IMPORT_REJECTED);
	expect_msg(msgs, "people.csv:4:1: error: column 'id': 'p-a' is "
	    "already the id of row 2: ids must be unique\n");
	expect_msg(msgs, "training.csv:2:1: error: column 'id': 'p-b' is "
	    "already the id of row 3 of people.csv");
	expect_msg(msgs, "training.csv:3:1: error: column 'id': 'c 1' is not "
	    "an id: expected an identifier of letters, digits");
	free(msgs);
}

static void
test_too_many_cells(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "training.csv",
	    TRAINING_HEAD "2024-01-05,,2,Course, Ltd.,Provider,yes\r\n"
	    "2024-01-05,,2,Course,Provider,yes,,\r\n", NULL),
	    IMPORT_REJECTED);
	expect_msg(msgs, "training.csv:2:7: error: this row has 7 cells but "
	    "the header row names 6 columns: the extra cell holds 'yes' (is "
	    "a comma or semicolon in a cell not quoted?)\n");
	/* empty cells past the end are what spreadsheets pad with */
	assert_null(strstr(msgs, "training.csv:3:"));
	free(msgs);
}

static void
test_kind_from_header(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "Sheet1.csv",
	    "Date,Hours,Format,Provider\r\n2024-01-09,1.5,group,p-hale\r\n",
	    "export (2).csv", "what,ever\r\n", NULL), IMPORT_REJECTED);
	expect_msg(msgs, "export (2).csv: error: cannot tell what the rows "
	    "are: name the file training.csv");
	assert_null(strstr(msgs, "Sheet1.csv"));
	free(msgs);
	assert_int_equal(import_texts(*state, &msgs, NULL, "Sheet1.csv",
	    "Date,Hours,Format,Provider\r\n2024-01-09,1.5,group,p-hale\r\n",
	    "amelie-sessions.csv", "date,hours,format\r\n", NULL),
	    IMPORT_REJECTED);
	expect_msg(msgs, "amelie-sessions.csv: error: Sheet1.csv and "
	    "amelie-sessions.csv both hold sessions");
	free(msgs);
}

static void
test_people_replaced_under_sessions(void **state)
{
	char	*msgs;

	/* p-hale leaves; the example's sessions and reference stay */
	assert_int_equal(import_texts(*state, &msgs, NULL, "people.csv",
	    "id,name\r\np-ortiz,José Ortiz\r\np-nguyen,Linh Nguyen\r\n",
	    NULL), IMPORT_REJECTED);
	expect_msg(msgs, "endorse: " EXAMPLE ":112: error: the session's "
	    "provider 'p-hale' is not in people.csv: add the person there, "
	    "or import sessions.csv too\n");
	expect_msg(msgs, EXAMPLE ":166: error: the reference's person "
	    "'p-hale' is not in people.csv");
	free(msgs);
}

/* Nothing is written when a cell is bad, and an old output stays. */
static void
test_nothing_written_on_error(void **state)
{
	struct fixture	*fx = *state;
	struct msgs	 m;
	char		 csv[PATH_MAX], out[PATH_MAX], *kept;
	const char	*ptrs[1];
	struct stat	 st;

	tmppath("bad/training.csv", csv, sizeof(csv));
	tmppath("bad", out, sizeof(out));
	mkdir(out, 0777);
	spew(csv, TRAINING_HEAD COURSE("5/17/2013", "2"),
	    strlen(TRAINING_HEAD COURSE("5/17/2013", "2")));
	ptrs[0] = csv;
	tmppath("bad/new.xml", out, sizeof(out));
	msgs_open(&m);
	assert_int_equal(import_run(fx->v, fx->s, EXAMPLE, ptrs, 1, out,
	    &m.d), IMPORT_REJECTED);
	assert_int_equal(stat(out, &st), -1);
	spew(out, "old", 3);
	assert_int_equal(import_run(fx->v, fx->s, EXAMPLE, ptrs, 1, out,
	    &m.d), IMPORT_REJECTED);
	/* the output may not be an input */
	assert_int_equal(import_run(fx->v, fx->s, EXAMPLE, ptrs, 1, EXAMPLE,
	    &m.d), IMPORT_CANNOT_CREATE);
	assert_int_equal(import_run(fx->v, fx->s, EXAMPLE, ptrs, 1, csv,
	    &m.d), IMPORT_CANNOT_CREATE);
	msgs_close(&m);
	kept = slurp(out, NULL);
	assert_string_equal(kept, "old");
	free(kept);
	expect_msg(m.text, "bad/training.csv:2:1: error: column 'start': "
	    "'5/17/2013' is not written YYYY-MM-DD");
	expect_msg(m.text, "error: the output is the portfolio read with "
	    "--into");
	free(m.text);
}

static void
test_csv_limits(void **state)
{
	struct msgs	 m;
	struct csvtab	*t;
	char		*big;
	size_t		 n = CSVTAB_MAX_BYTES + 1;

	(void)state;
	big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	msgs_open(&m);
	t = csvtab_parse(big, n, "big.csv", &m.d);
	assert_null(t);
	memset(big, '\n', n);
	t = csvtab_parse(big, 70000, "lines.csv", &m.d);
	assert_null(t);
	msgs_close(&m);
	expect_msg(m.text, "big.csv: error: the file is larger than 1048576 "
	    "bytes");
	expect_msg(m.text, "lines.csv: error: the file has more than 65535 "
	    "lines");
	free(m.text);
	free(big);
}

/* ---------------------------------------------------------------- */
/* New portfolios                                                   */
/* ---------------------------------------------------------------- */

static void
test_new_every_association_and_track(void **state)
{
	static const char *const tracks[] = { "clinical", "policy",
	    "research-faculty" };
	struct fixture		*fx = *state;
	struct skeleton_params	 p;
	struct msgs		 m;
	struct run		 r;
	char			 out[PATH_MAX], *xml;
	size_t			 i, t;

	assert_true(fx->cat->count >= 2);
	for (i = 0; i < fx->cat->count; i++)
		for (t = 0; t < 3; t++) {
			memset(&p, 0, sizeof(p));
			p.association = fx->cat->entries[i].association;
			p.track = tracks[t];
			p.rules_path = fx->cat->entries[i].path;
			p.as_of = "2025-06-30";
			p.name = t == 1 ? "Nguyễn Thị Thu Hằng & co" : NULL;
			pathf(out, "%s/new-%s-%s.xml", tmpdir(),
			    p.association, p.track);
			msgs_open(&m);
			assert_int_equal(skeleton_write(fx->v, fx->s, &p, out,
			    &m.d), SKELETON_OK);
			msgs_close(&m);
			assert_string_equal(m.text, "");
			free(m.text);

			run_endorse(&r, "validate", out, NULL);
			if (r.status != 0)
				fail_msg("%s: %s", out, r.err);
			run_free(&r);
			run_endorse(&r, "check", AS_OF, out, NULL);
			if (r.status != 1)
				fail_msg("%s: check exit %d: %s%s", out,
				    r.status, r.out, r.err);
			assert_non_null(strstr(r.out, "What is missing:"));
			assert_non_null(strstr(r.out, "MEM-1"));
			assert_non_null(strstr(r.out, "REF-1"));
			run_free(&r);

			xml = slurp(out, NULL);
			assert_non_null(xml);
			/* every section, in the schema's order */
			{
				const char *const *sec =
				    sheet_schema_sections(fx->s);
				const char *at = xml;
				char tag[64];
				size_t k;

				for (k = 0; sec[k] != NULL; k++) {
					snprintf(tag, sizeof(tag), "\n  <%s",
					    sec[k]);
					if ((at = strstr(at, tag)) == NULL)
						fail_msg("%s: section %s "
						    "missing or out of order",
						    out, sec[k]);
				}
			}
			/* the rules that read a section, by the track */
			assert_non_null(strstr(xml, "TRN-1 (Minimum 30 clock "
			    "hours"));
			if (t == 0)
				assert_non_null(strstr(xml, "RSC-1 ("));
			if (t == 2)
				assert_null(strstr(xml, "WRK-C1 ("));
			assert_non_null(strstr(xml, t == 1 ?
			    "<name>Nguyễn Thị Thu Hằng &amp; co</name>" :
			    "<name>NAME OF THE APPLICANT</name>"));
			free(xml);
		}
}

static void
test_new_refuses(void **state)
{
	struct fixture		*fx = *state;
	struct skeleton_params	 p;
	struct msgs		 m;
	char			 out[PATH_MAX];
	struct stat		 st;

	memset(&p, 0, sizeof(p));
	p.association = fx->cat->entries[0].association;
	p.rules_path = fx->cat->entries[0].path;
	p.as_of = "2025-06-30";
	p.track = "clinical";
	p.name = "two\nlines";
	tmppath("refused.xml", out, sizeof(out));
	msgs_open(&m);
	assert_int_equal(skeleton_write(fx->v, fx->s, &p, out, &m.d),
	    SKELETON_REJECTED);
	p.track = "surgery";
	assert_int_equal(skeleton_write(fx->v, fx->s, &p, out, &m.d),
	    SKELETON_REJECTED);
	msgs_close(&m);
	expect_msg(m.text, "not written: the new portfolio is not valid");
	expect_msg(m.text, "error: there is no track 'surgery': expected a "
	    "Level IV track: clinical, policy or research-faculty");
	assert_int_equal(stat(out, &st), -1);
	free(m.text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_spreadsheet_forms),
		cmocka_unit_test(test_csv_delimiters),
		cmocka_unit_test(test_csv_refused),
		cmocka_unit_test(test_csv_format_parses_back),
		cmocka_unit_test(test_sheet_keys_and_fold),
		cmocka_unit_test(test_schema_facts),
		cmocka_unit_test(test_round_trip_every_example),
		cmocka_unit_test(test_round_trip_as_a_spreadsheet_saves),
		cmocka_unit_test(test_quoted_cell_with_comma_and_newline),
		cmocka_unit_test(test_examples_csv_current),
		cmocka_unit_test(test_columns_documented),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_bad_hours),
		cmocka_unit_test(test_bad_words),
		cmocka_unit_test(test_unknown_person),
		cmocka_unit_test(test_person_by_name),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_too_many_cells),
		cmocka_unit_test(test_kind_from_header),
		cmocka_unit_test(test_people_replaced_under_sessions),
		cmocka_unit_test(test_nothing_written_on_error),
		cmocka_unit_test(test_csv_limits),
		cmocka_unit_test(test_new_every_association_and_track),
		cmocka_unit_test(test_new_refuses),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
