/*
 * bench_check: what one portfolio costs in each stage so far, with the
 * schema, stylesheet and rule files loaded once as a batch worker would.
 *
 *	bench_check [-n ROUNDS] FILE...
 *
 * Prints, per stage, the mean wall-clock time per portfolio over ROUNDS
 * passes over FILE...  `make bench` runs it on the examples.  A
 * benchmark, not a test: it never fails on a number.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "evaluate.h"
#include "validate.h"
#include "xmlload.h"

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	struct diag		 d;
	struct datadir		*dd;
	struct catalog		*cat;
	struct validate		*val;
	struct evaluate		*ev;
	struct evaluate_params	 prm = { "2025-06-30", NULL, NULL, "initial",
	    NULL };
	enum xmlload_status	 status;
	xmlDocPtr		 doc, cl;
	char			 path[PATH_MAX];
	double			 t0, t_setup, t_load = 0, t_val = 0, t_eval = 0;
	long			 rounds = 50, r, n = 0;
	int			 ch, i;

	while ((ch = getopt(argc, argv, "n:")) != -1)
		if (ch == 'n')
			rounds = strtol(optarg, NULL, 10);
		else
			return 64;
	if (optind == argc || rounds < 1) {
		fprintf(stderr, "usage: bench_check [-n ROUNDS] FILE...\n");
		return 64;
	}
	diag_init(&d, stderr, "bench");
	xmlload_init();
	t0 = now();
	if ((dd = datadir_open(&d)) == NULL ||
	    (cat = catalog_open(dd, &d)) == NULL ||
	    datadir_path(dd, "schemas/applicant.xsd", path,
	    sizeof(path)) == NULL ||
	    (val = validate_new(path, cat->codes, &d)) == NULL ||
	    validate_set_ref_target(val, "person") == -1 ||
	    (ev = evaluate_new(dd, cat, &d)) == NULL)
		return 70;
	t_setup = now() - t0;

	for (r = 0; r < rounds; r++)
		for (i = optind; i < argc; i++) {
			t0 = now();
			doc = xmlload_file(argv[i], NULL, &d, &status);
			t_load += now() - t0;
			if (doc == NULL)
				return 65;
			t0 = now();
			if (validate_run(val, doc, argv[i], &d) != 0)
				return 65;
			t_val += now() - t0;
			t0 = now();
			cl = evaluate_run(ev, doc, argv[i], &prm, &d);
			t_eval += now() - t0;
			if (cl == NULL)
				return 65;
			xmlFreeDoc(cl);
			xmlFreeDoc(doc);
			n++;
		}
	printf("setup (schema, stylesheet, catalog), once: %8.3f ms\n",
	    t_setup * 1e3);
	printf("per portfolio, mean of %ld runs:\n", n);
	printf("  load      %8.3f ms\n", t_load * 1e3 / (double)n);
	printf("  validate  %8.3f ms\n", t_val * 1e3 / (double)n);
	printf("  evaluate  %8.3f ms\n", t_eval * 1e3 / (double)n);
	printf("  total     %8.3f ms\n",
	    (t_load + t_val + t_eval) * 1e3 / (double)n);
	evaluate_free(ev);
	validate_free(val);
	catalog_free(cat);
	datadir_free(dd);
	xmlCleanupParser();
	return 0;
}
