/*
 * fuzz_typeset: a layout document (schemas/layout.xsd) -> the typesetter:
 * read as endorse reads every XML file (xmlload), validated against the
 * layout schema, laid out with Pango and drawn by Cairo into a PDF in
 * memory, in Letter and A4.  The layouts endorse makes come from its own
 * stylesheets, but every string in them is applicant data: this harness
 * gives the typesetter what no stylesheet would, so that the layout
 * schema and the text cleaner are what stand between data and Cairo.
 *
 * Seeded with the golden layouts of the examples (tests/layout/) and the
 * sample layout; fuzz/layout.dict names the vocabulary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "diag.h"
#include "typeset.h"
#include "xmlload.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Loaded once per process, as a batch worker loads it. */
static struct typeset	*ts_once;
static FILE		*sink;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	 d;
	const char	*dir;

	(void)argc;
	(void)argv;
	if ((dir = getenv("ENDORSE_DATADIR")) == NULL)
		dir = FUZZ_SRCDIR;
	xmlload_init();
	diag_init(&d, stderr, "fuzz");
	if ((sink = fopen("/dev/null", "w")) == NULL ||
	    (ts_once = typeset_new(dir, TYPESET_NO_SYSTEM_FONTS, &d)) ==
	    NULL) {
		fprintf(stderr, "fuzz: cannot load the typesetter\n");
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const enum typeset_paper	papers[] = { TYPESET_PAPER_LETTER,
					    TYPESET_PAPER_A4 };
	enum xmlload_status	 status;
	struct diag		 d;
	xmlDocPtr		 doc;
	unsigned char		*pdf;
	size_t			 len, pages, k;

	diag_init(&d, sink, "endorse");
	if ((doc = xmlload_memory((const char *)data, size, "fuzz.xml", &d,
	    &status)) == NULL)
		return 0;
	for (k = 0; k < sizeof(papers) / sizeof(papers[0]); k++) {
		pdf = NULL;
		if (typeset_render_memory(ts_once, doc, "fuzz.xml", papers[k],
		    &pdf, &len, &pages, &d) == TYPESET_OK &&
		    (len < 5 || memcmp(pdf, "%PDF-", 5) != 0 || pages == 0))
			abort();	/* success must be a PDF */
		free(pdf);
	}
	xmlFreeDoc(doc);
	return 0;
}
