/*
 * test_import: the import module, called as a library: every example
 * exported and imported back gives its golden checklist and report (the
 * real binary's `endorse check`), also as a spreadsheet saves the files;
 * every kind of bad cell is reported with its row and column; nothing is
 * changed or written on an error; mangled files never crash.
 */
#include "test_sheet.h"

#define TRAINING_HEAD	"start,end,hours,title,provider,relationship-based\r\n"
#define COURSE(start, hours) start ",," hours ",Course,Provider,yes\r\n"

/* Exporting the imported portfolio again gives the same six files. */
static void
same_export(const char *xml, const char *dir)
{
	struct msgs		 m;
	enum xmlload_status	 st;
	xmlDocPtr		 doc;
	char			 again[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
	char			*first, *second;
	size_t			 k, fl, sl;

	pathf(again, "%s-again", dir);
	msgs_open(&m);
	doc = xmlload_file(xml, NULL, &m.d, &st);
	assert_non_null(doc);
	assert_int_equal(export_run(doc, again, &m.d), SHEET_OK);
	xmlFreeDoc(doc);
	msgs_close(&m);
	free(m.text);
	for (k = 0; k < NKINDS; k++) {
		pathf(a, "%s/%s.csv", dir, kinds[k]);
		pathf(b, "%s/%s.csv", again, kinds[k]);
		first = slurp(a, &fl);
		second = slurp(b, &sl);
		assert_non_null(first);
		assert_non_null(second);
		if (fl != sl || memcmp(first, second, fl) != 0)
			fail_msg("%s: export, import, export changed %s.csv",
			    xml, kinds[k]);
		free(first);
		free(second);
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
		same_export(out, dir);
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

		/* the text report too, but for the file name it starts with */
		pathf(gold, "tests/check/%.*s.txt", (int)base, names[i]);
		want = slurp(gold, NULL);
		assert_non_null(want);
		got = report_of(out, ex);
		if (strcmp(want, got) != 0)
			fail_msg("%s: the report after export and import "
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
 * quoted, two empty rows at the end (BOM and CRLF stay), and in the
 * descriptions a line break after the first comma (a cell with a comma
 * and a line break; the checklist reads descriptions with their spaces
 * normalised, so its verdicts must not change).
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
			int	broken = r == 0 || strcmp(t->header.cells[nc -
				    1 - c], "description") != 0;

			fputs(c ? ";\"" : "\"", f);
			for (s = row->cells[nc - 1 - c]; *s != '\0'; s++) {
				if (*s == '"')
					fputc('"', f);
				if (!broken && s[0] == ',' && s[1] == ' ') {
					fputs(",\r\n", f);
					s++;
					broken = 1;
					continue;
				}
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
		assert_int_equal(export_run(doc, dir, &m.d), SHEET_OK);
		xmlFreeDoc(doc);
		msgs_close(&m);
		free(m.text);
		for (k = 0; k < NKINDS; k++)
			respreadsheet(paths[k]);
		round_trip(fx, ex, NULL, out, ptrs, NKINDS);
		if (strcmp(names[i], "ok-clinical-ready.xml") == 0) {
			/* the cell with a comma and a line break got in */
			got = slurp(out, NULL);
			assert_non_null(got);
			assert_non_null(strstr(got, "<description>Weekly home "
			    "visits with infants,\ntoddlers and their "
			    "parents"));
			free(got);
		}
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

static void
test_bad_dates(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "training.csv",
	    TRAINING_HEAD COURSE("2024-01-05", "2") COURSE("5/17/2013", "2")
	    COURSE("2024-02-30", "2") COURSE("17.05.2013", "1")
	    COURSE("41411", "1") COURSE("soon", "1")
	    COURSE("1899-12-31", "1") COURSE("2199-12-31", "1"), NULL),
	    SHEET_REJECTED);
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
	/* the schema's range, from its facets */
	expect_msg(msgs, "training.csv:8:1: error: column 'start': "
	    "'1899-12-31' is outside the dates a portfolio holds, 1900-01-01 "
	    "to 2199-12-31");
	/* the good rows are not reported; every bad one is */
	assert_null(strstr(msgs, "training.csv:2:"));
	assert_null(strstr(msgs, "training.csv:9:"));
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
	    COURSE("2024-01-05", "") COURSE("2024-01-05", "99999.99")
	    COURSE("2024-01-05", ".5") COURSE("2024-01-05", "100000.00"),
	    NULL), SHEET_REJECTED);
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
	/* the schema's maximum is taken, one more is not */
	assert_null(strstr(msgs, "training.csv:8:"));
	expect_msg(msgs, "training.csv:9:3: error: column 'hours': '.5' is "
	    "not a number of hours");
	expect_msg(msgs, "training.csv:10:3: error: column 'hours': "
	    "'100000.00' is more hours than a portfolio can hold");
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
	    SHEET_REJECTED);
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
	    SHEET_REJECTED);
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
	    SHEET_OK);
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
	    "2024-01-09,1,individual,Jane  Doe\r\n", NULL), SHEET_OK);
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
	    SHEET_REJECTED);
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
	    SHEET_REJECTED);
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
	    SHEET_REJECTED);
	expect_msg(msgs, "training.csv:2:7: error: this row has 7 cells but "
	    "the header row names 6 columns: the extra cell holds 'yes' (is "
	    "a comma or semicolon in a cell not quoted?)\n");
	/* empty cells past the end are what spreadsheets pad with */
	assert_null(strstr(msgs, "training.csv:3:"));
	free(msgs);
}

static void
test_control_characters(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "positions.csv",
	    "start,end,work,role,employer,description\r\n"
	    "2020-01-01,ongoing,supervised,\"Home\nVisitor\",Agency,\"two\n"
	    "lines\tare fine here\"\r\n"
	    "2020-01-01,ongoing,supervised,Visitor,\xe2\x80\xae" "ycnegA,\r\n"
	    "2020-01-01,ongoing,supervised,Visitor,Agency,bell\x07\r\n", NULL),
	    SHEET_REJECTED);
	expect_msg(msgs, "positions.csv:2:4: error: column 'role': the cell "
	    "holds a line break: expected a title of 1 to 400 characters on "
	    "one line\n");
	/* a row with line breaks in it: the next starts on line 5 */
	assert_null(strstr(msgs, "positions.csv:2:6"));
	expect_msg(msgs, "positions.csv:5:5: error: column 'employer': the "
	    "cell holds the invisible control character U+202E: retype the "
	    "cell without it\n");
	expect_msg(msgs, "positions.csv:6:6: error: column 'description': the "
	    "cell holds the invisible control character U+0007");
	free(msgs);
}

static void
test_kind_from_header(void **state)
{
	char	*msgs;

	assert_int_equal(import_texts(*state, &msgs, NULL, "Sheet1.csv",
	    "Date,Hours,Format,Provider\r\n2024-01-09,1.5,group,p-hale\r\n",
	    "export (2).csv", "what,ever\r\n", NULL), SHEET_REJECTED);
	expect_msg(msgs, "export (2).csv: error: cannot tell what the rows "
	    "are: name the file training.csv");
	assert_null(strstr(msgs, "Sheet1.csv"));
	free(msgs);
	assert_int_equal(import_texts(*state, &msgs, NULL, "Sheet1.csv",
	    "Date,Hours,Format,Provider\r\n2024-01-09,1.5,group,p-hale\r\n",
	    "amelie-sessions.csv", "date,hours,format\r\n", NULL),
	    SHEET_REJECTED);
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
	    NULL), SHEET_REJECTED);
	expect_msg(msgs, "endorse: " EXAMPLE ":112: error: the session's "
	    "provider 'p-hale' is not in people.csv (32 sessions, the first "
	    "on this line): add the person there, or import sessions.csv "
	    "too\n");
	/* once per person, not once per session */
	assert_null(strstr(msgs, EXAMPLE ":113:"));
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
	assert_int_equal(import_run(&fx->check, fx->s, EXAMPLE, ptrs, 1, out,
	    &m.d), SHEET_REJECTED);
	assert_int_equal(stat(out, &st), -1);
	spew(out, "old", 3);
	assert_int_equal(import_run(&fx->check, fx->s, EXAMPLE, ptrs, 1, out,
	    &m.d), SHEET_REJECTED);
	msgs_close(&m);
	kept = slurp(out, NULL);
	assert_string_equal(kept, "old");
	free(kept);
	expect_msg(m.text, "bad/training.csv:2:1: error: column 'start': "
	    "'5/17/2013' is not written YYYY-MM-DD");
	free(m.text);
}

/*
 * Mangled spreadsheets never crash: each template, with bytes replaced,
 * inserted and dropped (a fixed sequence), is refused with a message or
 * imported; a rejected import always says why.
 */
static void
test_mangled_csv(void **state)
{
	static const char alphabet[] = ",;\"\r\n-/.0123456789aZ \t\xc3\xa9\xff";
	struct fixture		*fx = *state;
	struct msgs		 m;
	struct csvtab		*t;
	enum xmlload_status	 st;
	enum sheet_status	 rc;
	xmlDocPtr		 doc;
	char			 path[PATH_MAX], *text, *mut;
	const char		*name;
	size_t			 len, k, i, j, n, at;
	unsigned		 seed = 12345, rejected = 0, imported = 0;

	for (k = 0; k < NKINDS; k++) {
		pathf(path, "examples/csv/%s.csv", kinds[k]);
		text = slurp(path, &len);
		assert_non_null(text);
		mut = malloc(len + 64);
		assert_non_null(mut);
		for (i = 0; i < 150; i++) {
			memcpy(mut, text, len);
			n = len;
			for (j = 0; j < 1 + i % 4; j++) {
				seed = seed * 1103515245u + 12345u;
				at = (seed >> 8) % n;
				seed = seed * 1103515245u + 12345u;
				switch ((seed >> 16) % 3) {
				case 0:
					mut[at] = alphabet[(seed >> 4) %
					    (sizeof(alphabet) - 1)];
					break;
				case 1:
					memmove(mut + at + 1, mut + at, n - at);
					mut[at] = alphabet[(seed >> 4) %
					    (sizeof(alphabet) - 1)];
					n++;
					break;
				default:
					if (n > 1) {
						memmove(mut + at, mut + at + 1,
						    n - at - 1);
						n--;
					}
				}
			}
			msgs_open(&m);
			name = kinds[k];
			t = csvtab_parse(mut, n, name, &m.d);
			if (t != NULL) {
				doc = xmlload_file(EXAMPLE, NULL, &m.d, &st);
				assert_non_null(doc);
				rc = import_tables(doc, EXAMPLE, fx->s, &t,
				    &name, 1, &m.d);
				assert_true(rc == SHEET_OK ||
				    rc == SHEET_REJECTED);
				if (rc == SHEET_OK)
					imported++;
				else {
					assert_true(m.d.errors > 0);
					rejected++;
				}
				xmlFreeDoc(doc);
				csvtab_free(t);
			} else {
				assert_true(m.d.errors > 0);
				rejected++;
			}
			msgs_close(&m);
			free(m.text);
		}
		free(mut);
		free(text);
	}
	/* the mutations do both: some are harmless, most are not */
	assert_true(imported > 0);
	assert_true(rejected > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_every_example),
		cmocka_unit_test(test_round_trip_as_a_spreadsheet_saves),
		cmocka_unit_test(test_quoted_cell_with_comma_and_newline),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_bad_hours),
		cmocka_unit_test(test_bad_words),
		cmocka_unit_test(test_unknown_person),
		cmocka_unit_test(test_person_by_name),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_too_many_cells),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_kind_from_header),
		cmocka_unit_test(test_people_replaced_under_sessions),
		cmocka_unit_test(test_nothing_written_on_error),
		cmocka_unit_test(test_mangled_csv),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
