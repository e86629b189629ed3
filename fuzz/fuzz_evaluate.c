/*
 * fuzz_evaluate: a portfolio -> load -> validate -> evaluate, both
 * associations, initial and renewal.
 *
 * Seeded with the valid examples and mutated two ways: libFuzzer's own
 * byte mutations with fuzz/portfolio.dict (element, attribute and value
 * names of the schema), and the structural mutator of fuzz_mutate.h.
 * Most of its results stay valid and reach the XSLT evaluation, which
 * libFuzzer's coverage does not see (libxslt is not instrumented).
 */
#include "fuzz_common.h"

#include "fuzz_mutate.h"

static struct fuzz_stages	stages;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_stages_load(&stages, 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const struct evaluate_params prm[] = {
		{ "2025-06-30", NULL, NULL, "initial", NULL },
		{ "2025-06-30", "WI-AIMH", "policy", "initial", NULL },
		{ "2026-01-15", NULL, NULL, "renewal", "2025" },
	};
	struct diag		 d;
	enum xmlload_status	 status;
	xmlDocPtr		 doc, checklist;
	size_t			 i;

	diag_init(&d, stages.sink, "endorse");
	doc = xmlload_memory((const char *)data, size, "fuzz.xml", &d,
	    &status);
	if (doc == NULL)
		return 0;
	if (validate_run(stages.validate, doc, "fuzz.xml", &d) == 0)
		for (i = 0; i < sizeof(prm) / sizeof(prm[0]); i++) {
			checklist = evaluate_run(stages.evaluate, doc,
			    "fuzz.xml", &prm[i], &d);
			if (checklist != NULL)
				(void)evaluate_result(checklist);
			xmlFreeDoc(checklist);
		}
	xmlFreeDoc(doc);
	return 0;
}
