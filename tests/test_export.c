/*
 * test_export: the export module: examples/csv/ is the export of its
 * example, and applicant text a spreadsheet would run as a formula is
 * defused (and comes back as it was).
 */
#include "test_sheet.h"

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
	assert_int_equal(export_run(doc, dir, &m.d), SHEET_OK);
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

/*
 * Applicant text that a spreadsheet would run as a formula is exported
 * with a "'" before it, and comes back as it was.
 */
static void
test_formulas_defused(void **state)
{
	static const char *const titles[] = { "=HYPERLINK(\"http://x\")",
	    "+1 day", "-3 hours", "@SUM(A1)", "'=already quoted",
	    "'plain 'quote" };
	static const char *const cells[] = { "\"'=HYPERLINK(\"\"http://x\"\")\"",
	    "'+1 day", "'-3 hours", "'@SUM(A1)", "''=already quoted",
	    "'plain 'quote" };
	struct fixture		*fx = *state;
	struct msgs		 m;
	struct csvtab		*t, *back;
	enum xmlload_status	 st;
	xmlDocPtr		 doc;
	xmlChar			*buf;
	char			*csv, *xml;
	const char		*name = "training.csv";
	size_t			 i, len;
	int			 n;

	for (i = 0; i < 6; i++) {
		if (asprintf(&xml, "<portfolio xmlns='urn:endorse:portfolio:1' "
		    "version='1'><applicant><name>A</name></applicant>"
		    "<application association='OK-AIMH' level='IV' "
		    "track='clinical'/><training><course start='2024-01-01' "
		    "hours='1' relationship-based='yes'><title>%s</title>"
		    "<provider>P</provider></course></training></portfolio>",
		    titles[i]) < 0)
			fail();
		msgs_open(&m);
		doc = xmlload_memory(xml, strlen(xml), "f.xml", &m.d, &st);
		assert_non_null(doc);
		t = export_table(doc, sheet_kind_find("training"));
		assert_non_null(t);
		csv = csvtab_format(t, &len);
		assert_non_null(csv);
		if (strstr(csv, cells[i]) == NULL)
			fail_msg("'%s' exported as\n%s", titles[i], csv);
		/* and back: the title as it was */
		back = csvtab_parse(csv, len, name, &m.d);
		assert_non_null(back);
		assert_int_equal(import_tables(doc, "f.xml", fx->s, &back,
		    &name, 1, &m.d), SHEET_OK);
		xmlDocDumpMemory(doc, &buf, &n);
		msgs_close(&m);
		assert_string_equal(m.text, "");
		if (strstr((char *)buf, "<title>") == NULL ||
		    strncmp(strstr((char *)buf, "<title>") + 7, i == 0 ?
		    "=HYPERLINK(\"http://x\")</title>" : titles[i],
		    strlen(titles[i])) != 0)
			fail_msg("'%s' came back as %s", titles[i], buf);
		xmlFree(buf);
		csvtab_free(back);
		csvtab_free(t);
		free(csv);
		free(m.text);
		xmlFreeDoc(doc);
		free(xml);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples_csv_current),
		cmocka_unit_test(test_formulas_defused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
