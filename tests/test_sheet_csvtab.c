/*
 * test_sheet_csvtab: the csvtab module: CSV as spreadsheets save it
 * (BOM, CRLF, ';' or tabs, quoted cells, blank rows) read with libcsv,
 * the line every row starts on, what is refused, and writing.
 */
#include "test_sheet.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_spreadsheet_forms),
		cmocka_unit_test(test_csv_delimiters),
		cmocka_unit_test(test_csv_refused),
		cmocka_unit_test(test_csv_format_parses_back),
		cmocka_unit_test(test_csv_limits),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
