/*
 * fuzz_load: arbitrary bytes -> xmlload_memory -> validate_run.
 *
 * Stage 1 of the pipeline, where every byte comes from an applicant:
 * the reader's own checks (size, lines, encoding, DOCTYPE), libxml2's
 * parser, the schema and the reference checks after it.
 */
#include "fuzz_common.h"

static struct fuzz_stages	stages;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_stages_load(&stages, 0);
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct diag		 d;
	enum xmlload_status	 status;
	xmlDocPtr		 doc;

	diag_init(&d, stages.sink, "endorse");
	doc = xmlload_memory((const char *)data, size, "fuzz.xml", &d,
	    &status);
	if (doc != NULL) {
		(void)validate_run(stages.validate, doc, "fuzz.xml", &d);
		xmlFreeDoc(doc);
	}
	return 0;
}
