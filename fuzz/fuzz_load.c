/*
 * fuzz_load: arbitrary bytes -> xmlload_memory -> validate_run.
 *
 * Stage 1 of the pipeline, where every byte comes from an applicant:
 * the reader's own checks (size, lines, encoding, DOCTYPE), libxml2's
 * parser, the schema and the reference checks after it.  What they say
 * is checked too: libxml2's own wording (its function names, "Expected
 * is", facets, namespaces in braces) never reaches a coordinator, and a
 * document that is not well-formed gets one message; either broken is a
 * crash for libFuzzer.
 */
#include "fuzz_common.h"

static const char *const libxml2_words[] = {
	"xmlParse", "xmlChar", "NCName", "AttValue", "attValue", "StartTag",
	"EndTag", "construct error", "internal error", "Couldn't",
	"Premature", "mandates", "[facet", "Expected is", "{urn:",
	"detected an error", NULL
};

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
	char			*msgs = NULL;
	size_t			 len = 0, i;
	FILE			*f;

	if ((f = open_memstream(&msgs, &len)) == NULL)
		return 0;
	diag_init(&d, f, "endorse");
	doc = xmlload_memory((const char *)data, size, "fuzz.xml", &d,
	    &status);
	if (doc != NULL) {
		(void)validate_run(stages.validate, doc, "fuzz.xml", &d);
		xmlFreeDoc(doc);
	} else if (d.errors != 1) {
		fclose(f);
		fprintf(stderr, "%u messages for a file the loader refused:\n"
		    "%s\n", d.errors, msgs);
		abort();
	}
	fclose(f);
	/* The words are libxml2's only when the input does not hold them. */
	for (i = 0; libxml2_words[i] != NULL; i++)
		if (strstr(msgs, libxml2_words[i]) != NULL &&
		    memmem(data, size, libxml2_words[i],
		    strlen(libxml2_words[i])) == NULL) {
			fprintf(stderr, "libxml2's wording '%s' reached a "
			    "message:\n%s\n", libxml2_words[i], msgs);
			abort();
		}
	free(msgs);
	return 0;
}
