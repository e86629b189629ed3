/*
 * test_sheet.h: what the spreadsheet modules' test programs share (one
 * program per module: test_sheet, test_sheet_csvtab, test_export,
 * test_import, test_new): the loaded schema, catalog and validator, the
 * messages of one call, and the round trip through the real binary's
 * `endorse check`.  Included once by each; everything here is static.
 */
#ifndef TEST_SHEET_H
#define TEST_SHEET_H

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
#define EXAMPLE	"examples/ok-clinical-ready.xml"

static const char *const kinds[] __attribute__((unused)) = { "people", "training", "sessions",
    "positions", "leadership", "references" };
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

struct fixture {
	struct datadir		*dd;
	struct catalog		*cat;
	struct validate		*v;
	struct sheet_schema	*s;
	struct sheet_check	 check;
};

/* The schema check import and new are given: validate_run. */
static __attribute__((unused)) int
check_run(void *arg, xmlDocPtr doc, const char *name, struct diag *d)
{
	return validate_run(arg, doc, name, d);
}

static __attribute__((unused)) int
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
	fx.check.run = check_run;
	fx.check.arg = fx.v;
	*state = &fx;
	return 0;
}

static __attribute__((unused)) int
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

/* Messages of one call, collected. */
struct msgs {
	struct diag	 d;
	FILE		*f;
	char		*text;
	size_t		 len;
};

static __attribute__((unused)) void
msgs_open(struct msgs *m)
{
	m->text = NULL;
	m->len = 0;
	m->f = open_memstream(&m->text, &m->len);
	assert_non_null(m->f);
	diag_init(&m->d, m->f, "endorse");
}

static __attribute__((unused)) void
msgs_close(struct msgs *m)
{
	fclose(m->f);
}

static __attribute__((unused)) void
expect_msg(const char *msgs, const char *want)
{
	if (strstr(msgs, want) == NULL)
		fail_msg("expected\n  %s\nin\n%s", want, msgs);
}

static __attribute__((unused)) struct csvtab *
parse(const char *text, struct msgs *m)
{
	msgs_open(m);
	return csvtab_parse(text, strlen(text), "t.csv", &m->d);
}

/* endorse check --format xml on path: its standard output. */
static __attribute__((unused)) char *
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

/*
 * endorse check on path, as the golden text reports are kept: the file
 * named as name, "exit N" at the end.
 */
static __attribute__((unused)) char *
report_of(const char *path, const char *name)
{
	struct run	 r;
	char		*out;
	size_t		 n = strlen(path);

	run_endorse(&r, "check", AS_OF, path, NULL);
	assert_false(r.timed_out);
	if (r.status > 2 || strncmp(r.out, path, n) != 0)
		fail_msg("%s: exit %d: %s%s", path, r.status, r.out, r.err);
	if (asprintf(&out, "%s%sexit %d\n", name, r.out + n, r.status) < 0)
		fail();
	run_free(&r);
	return out;
}

/* Export example into dir, then import the CSV files listed into out. */
static __attribute__((unused)) void
round_trip(struct fixture *fx, const char *example, const char *dir,
    const char *out, const char *const *csv, size_t ncsv)
{
	struct msgs		 m;
	enum xmlload_status	 st;
	enum sheet_status	 ir;
	xmlDocPtr		 doc;

	msgs_open(&m);
	doc = xmlload_file(example, NULL, &m.d, &st);
	assert_non_null(doc);
	assert_int_equal(validate_run(fx->v, doc, example, &m.d), 0);
	if (dir != NULL)
		assert_int_equal(export_run(doc, dir, &m.d), SHEET_OK);
	xmlFreeDoc(doc);
	ir = import_run(&fx->check, fx->s, example, csv, ncsv, out, &m.d);
	msgs_close(&m);
	if (ir != SHEET_OK)
		fail_msg("%s: import %d: %s", example, ir, m.text);
	assert_string_equal(m.text, "");
	free(m.text);
}

static __attribute__((unused)) void
csv_paths(const char *dir, char paths[NKINDS][PATH_MAX],
    const char *ptrs[NKINDS])
{
	size_t	i;

	for (i = 0; i < NKINDS; i++) {
		pathf(paths[i], "%s/%s.csv", dir, kinds[i]);
		ptrs[i] = paths[i];
	}
}

/*
 * Import the CSV texts (name, text pairs, NULL-ended) into the example;
 * returns the status, the messages in *msgs and the document in *docp
 * (NULL: freed).
 */
static __attribute__((unused)) enum sheet_status
import_texts(struct fixture *fx, char **msgs, xmlDocPtr *docp, ...)
{
	struct csvtab		*tabs[8];
	const char		*names[8], *text;
	struct msgs		 m;
	enum xmlload_status	 st;
	enum sheet_status	 rc;
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

#endif
