/*
 * fuzz_import: libFuzzer harness for the spreadsheet stage: the input
 * is one CSV file (its first byte chooses the kind it is named as), read
 * by csvtab and imported into examples/ok-clinical-ready.xml.  Whatever
 * the bytes, the import either succeeds or reports why; it never crashes,
 * leaks or hangs.  Crashes found here become tests in tests/test_sheet.c.
 *
 *   make CC=clang SANITIZE=fuzzer-no-link,address,undefined fuzz-import
 *
 * State loaded once per process (the schema and the example) lives in
 * this harness only; src/ keeps no mutable globals.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "csvtab.h"
#include "diag.h"
#include "import.h"
#include "sheet.h"
#include "xmlload.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const names[] = { "people.csv", "training.csv",
    "sessions.csv", "positions.csv", "leadership.csv", "references.csv",
    "sheet.csv" };

static struct sheet_schema	*schema;
static char			*example;
static size_t			 example_len;

static void
load_once(void)
{
	struct diag	 d;
	const char	*dir = getenv("ENDORSE_DATADIR");
	char		 path[4096];
	FILE		*f;
	long		 n;

	if (schema != NULL)
		return;
	if (dir == NULL)
		dir = ".";
	xmlload_init();
	diag_init(&d, stderr, "fuzz");
	snprintf(path, sizeof(path), "%s/schemas/applicant.xsd", dir);
	if ((schema = sheet_schema_load(path, &d)) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/examples/ok-clinical-ready.xml", dir);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    (example = malloc((size_t)n)) == NULL ||
	    fread(example, 1, (size_t)n, f) != (size_t)n)
		abort();
	example_len = (size_t)n;
	fclose(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct csvtab		*t;
	struct diag		 d;
	enum xmlload_status	 st;
	xmlDocPtr		 doc;
	const char		*name;

	load_once();
	if (len < 1)
		return 0;
	name = names[data[0] % (sizeof(names) / sizeof(names[0]))];
	diag_init(&d, NULL, NULL);	/* count, print nothing */
	if ((t = csvtab_parse((const char *)data + 1, len - 1, name, &d)) ==
	    NULL) {
		if (d.errors == 0)
			abort();	/* refused without saying why */
		return 0;
	}
	doc = xmlload_memory(example, example_len, "example.xml", &d, &st);
	if (doc == NULL)
		abort();
	if (import_tables(doc, "example.xml", schema, &t, &name, 1, &d) !=
	    SHEET_OK && d.errors == 0)
		abort();
	xmlFreeDoc(doc);
	csvtab_free(t);
	return 0;
}
