/*
 * fuzz_pipeline: a portfolio -> the whole pipeline through the pipeline
 * module, as a batch worker runs it: read and validate, evaluate, lay
 * out the application packet and the review checklist, typeset both
 * into PDFs in memory.
 *
 * Seeded with the examples and mutated like fuzz_evaluate (the
 * structural mutator of fuzz_mutate.h and fuzz/portfolio.dict), so that
 * what reaches the typesetter is what valid portfolios can make.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "diag.h"
#include "pipeline.h"
#include "xmlload.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#include "fuzz_mutate.h"

/* Loaded once per process, as a batch worker loads them. */
static struct pipeline	*pipe_once;
static FILE		*sink;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	d;

	(void)argc;
	(void)argv;
	if (getenv("ENDORSE_DATADIR") == NULL)
		setenv("ENDORSE_DATADIR", FUZZ_SRCDIR, 0);
	xmlload_init();
	diag_init(&d, stderr, "fuzz");
	if ((sink = fopen("/dev/null", "w")) == NULL ||
	    (pipe_once = pipeline_new(&d)) == NULL ||
	    pipeline_load(pipe_once, PIPELINE_VALIDATE | PIPELINE_EVALUATE |
	    PIPELINE_PRESENT | PIPELINE_TYPESET, &d) != 0) {
		fprintf(stderr, "fuzz: cannot load the pipeline\n");
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const enum present_kind	kinds[] = { PRESENT_PACKET,
					    PRESENT_REVIEW };
	struct evaluate_params	 prm = { "2025-06-30", NULL, NULL, "initial",
				    NULL };
	struct present_entry	 e;
	struct diag		 d;
	xmlDocPtr		 doc = NULL, checklist = NULL, layout;
	unsigned char		*pdf;
	size_t			 len, k;

	diag_init(&d, sink, "endorse");
	if (pipeline_read_memory(pipe_once, (const char *)data, size,
	    "fuzz.xml", &doc, &d) != PIPELINE_OK ||
	    pipeline_evaluate(pipe_once, doc, "fuzz.xml", &prm, &checklist,
	    &d) != PIPELINE_OK)
		goto out;
	e.source = "fuzz.xml";
	e.checklist = checklist;
	e.portfolio = doc;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		layout = NULL;
		pdf = NULL;
		if (pipeline_layout(pipe_once, kinds[k], &e, 1, "2025-06-30",
		    &layout, &d) == PIPELINE_OK &&
		    pipeline_pdf(pipe_once, layout, "fuzz.xml",
		    TYPESET_PAPER_DEFAULT, &pdf, &len, &d) == PIPELINE_OK &&
		    (len < 5 || memcmp(pdf, "%PDF-", 5) != 0))
			abort();	/* "success" without a PDF */
		free(pdf);
		xmlFreeDoc(layout);
	}
out:
	xmlFreeDoc(checklist);
	xmlFreeDoc(doc);
	return 0;
}
