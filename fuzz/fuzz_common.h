/*
 * fuzz_common: what the libFuzzer harnesses under fuzz/ share.
 *
 * The stages are loaded once per process, as a batch worker loads them:
 * the data directory (ENDORSE_DATADIR, or the source tree the harness was
 * built from), the rule catalog, the portfolio schema and, for the
 * evaluate harness, the stylesheet.  Messages go to /dev/null: what is
 * checked is that no input crashes, leaks or trips a sanitizer.
 *
 * Included by each fuzz_*.c once.  The fuzz process owns the loaded
 * stages until it ends (libFuzzer never returns from its loop).
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "evaluate.h"
#include "validate.h"
#include "xmlload.h"

#ifndef FUZZ_SRCDIR
#define FUZZ_SRCDIR "."
#endif

struct fuzz_stages {
	FILE		*sink;
	struct datadir	*datadir;
	struct catalog	*catalog;
	struct validate	*validate;
	struct evaluate	*evaluate;
};

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Load the stages once; exits when the data files cannot be found. */
static void
fuzz_stages_load(struct fuzz_stages *fs, int with_evaluate)
{
	struct diag	d;
	char		path[4096];

	if (getenv("ENDORSE_DATADIR") == NULL)
		setenv("ENDORSE_DATADIR", FUZZ_SRCDIR, 0);
	xmlload_init();
	diag_init(&d, stderr, "fuzz");
	if ((fs->sink = fopen("/dev/null", "w")) == NULL ||
	    (fs->datadir = datadir_open(&d)) == NULL ||
	    (fs->catalog = catalog_open(fs->datadir, &d)) == NULL ||
	    datadir_path(fs->datadir, "schemas/applicant.xsd", path,
	    sizeof(path)) == NULL ||
	    (fs->validate = validate_new(path, fs->catalog->codes, &d)) ==
	    NULL || validate_set_ref_target(fs->validate, "person") != 0 ||
	    (with_evaluate && (fs->evaluate = evaluate_new(fs->datadir,
	    fs->catalog, &d)) == NULL)) {
		fprintf(stderr, "fuzz: cannot load the stages\n");
		exit(1);
	}
}

#endif
