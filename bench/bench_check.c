/*
 * bench_check: what one portfolio costs in each stage so far, with the
 * schema, stylesheet and rule files loaded once as a batch worker would.
 *
 *	bench_check [-n ROUNDS] [-x FACTOR,...] FILE...
 *
 * Prints, per stage, the mean wall-clock time per portfolio over ROUNDS
 * passes over FILE...  With -x, each portfolio is also grown in memory to
 * FACTOR times its entries (training, positions, leadership, RS/C
 * sessions, each list kept within the schema's caps), and the cost of
 * 'check' (validate and evaluate) is printed per factor, with its ratio
 * to the first factor: linear growth shows as a ratio near the factor.
 * `make bench` runs it on the examples.  A benchmark, not a test: it
 * never fails on a number.
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

/* The lists that grow, and the schema's cap on each (applicant.xsd). */
static const struct {
	const char	*name;
	int		 cap;
} growable[] = {
	{ "course", 2000 },
	{ "position", 200 },
	{ "leadership", 200 },
	{ "session", 2000 },
};

/*
 * Append copies of every element called name under parent until the list
 * is factor times as long (at most cap); copies lose their id.
 */
static void
grow_list(xmlNodePtr parent, const char *name, int factor, int cap)
{
	xmlNodePtr	 n, c, last = NULL;
	int		 have = 0, want, k;

	for (n = parent->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST name)) {
			have++;
			last = n;
		}
	if (have == 0)
		return;
	want = have * factor > cap ? cap : have * factor;
	for (k = have, n = parent->children; k < want; n = n->next) {
		if (n == NULL)
			n = parent->children;
		if (n->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(n->name, BAD_CAST name))
			continue;
		if ((c = xmlCopyNode(n, 1)) == NULL)
			return;
		xmlUnsetProp(c, BAD_CAST "id");
		xmlAddNextSibling(last, c);
		last = c;
		k++;
	}
}

static void
grow(xmlNodePtr n, int factor)
{
	size_t	i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; i < sizeof(growable) / sizeof(growable[0]); i++)
			if (n->children != NULL && n->parent != NULL)
				grow_list(n, growable[i].name, factor,
				    growable[i].cap);
		grow(n->children, factor);
	}
}

/* Mean ms of check (validate + evaluate) over rounds, grown by factor. */
static int
time_check(struct validate *val, struct evaluate *ev,
    const struct evaluate_params *prm, char **files, int nfiles,
    long rounds, int factor, struct diag *d, double *ms)
{
	enum xmlload_status	 status;
	xmlDocPtr		 doc, cl;
	double			 t = 0, t0;
	long			 r, n = 0;
	int			 i;

	for (r = 0; r < rounds; r++)
		for (i = 0; i < nfiles; i++) {
			doc = xmlload_file(files[i], NULL, d, &status);
			if (doc == NULL)
				return 65;
			if (factor > 1)
				grow(xmlDocGetRootElement(doc)->children,
				    factor);
			t0 = now();
			if (validate_run(val, doc, files[i], d) != 0) {
				xmlFreeDoc(doc);
				return 65;
			}
			cl = evaluate_run(ev, doc, files[i], prm, d);
			t += now() - t0;
			xmlFreeDoc(doc);
			if (cl == NULL)
				return 65;
			xmlFreeDoc(cl);
			n++;
		}
	*ms = t * 1e3 / (double)n;
	return 0;
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
	int			 ch, i, rc, factors[8], nfactors = 0;
	double			 ms, base_ms = 0;
	char			*p, *end;

	while ((ch = getopt(argc, argv, "n:x:")) != -1)
		if (ch == 'n')
			rounds = strtol(optarg, NULL, 10);
		else if (ch == 'x') {
			for (p = optarg; *p != '\0' && nfactors < 8; p = end) {
				factors[nfactors] = (int)strtol(p, &end, 10);
				if (end == p || factors[nfactors] < 1 ||
				    factors[nfactors] > 1000)
					return 64;
				nfactors++;
				if (*end == ',')
					end++;
			}
		} else
			return 64;
	if (optind == argc || rounds < 1) {
		fprintf(stderr, "usage: bench_check [-n ROUNDS] "
		    "[-x FACTOR,...] FILE...\n");
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
	/* Fewer rounds for the big ones: the machine is shared. */
	for (i = 0; i < nfactors; i++) {
		r = rounds / factors[i] > 3 ? rounds / factors[i] : 3;
		if ((rc = time_check(val, ev, &prm, argv + optind,
		    argc - optind, r, factors[i], &d, &ms)) != 0)
			return rc;
		if (i == 0)
			base_ms = ms;
		printf("check at %3dx entries: %9.3f ms per portfolio "
		    "(%.1fx the %dx cost, mean of %ld rounds)\n", factors[i],
		    ms, base_ms > 0 ? ms / base_ms : 0, factors[0], r);
	}
	evaluate_free(ev);
	validate_free(val);
	catalog_free(cat);
	datadir_free(dd);
	xmlCleanupParser();
	return 0;
}
