/*
 * test_sheet: the sheet module: the kinds of rows and their columns
 * (documented in schemas/README.md), header keys, name folding, and the
 * facts read from applicant.xsd.
 */
#include "test_sheet.h"

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
		if ((sec = strstr(doc, head)) == NULL) {
			fail_msg("schemas/README.md has no section %s", head);
			return;
		}
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_keys_and_fold),
		cmocka_unit_test(test_schema_facts),
		cmocka_unit_test(test_columns_documented),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
