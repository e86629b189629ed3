/*
 * stages: what each stage of one document costs, in one process with
 * everything loaded once (as a batch worker), over many repetitions.
 *
 *	stages [-n ROUNDS] FILE...
 *
 * For every FILE and both documents (packet, review): ROUNDS passes of
 * load + validate (pipeline_read), evaluate, present (the layout),
 * typeset (layout, shaping, pagination and drawing into a PDF in memory:
 * pipeline_pdf) and write (outfile, with its fsync), each timed with the
 * monotonic clock.  Prints one line per stage with the median and the
 * spread (10th to 90th percentile) in milliseconds, summed over the
 * files of one pass.  A benchmark, never a test: it fails only when a
 * stage fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "diag.h"
#include "evaluate.h"
#include "pipeline.h"
#include "present.h"

enum { ST_READ, ST_EVAL, ST_PRESENT, ST_TYPESET, ST_WRITE, ST__COUNT };

static const char *const stage_name[ST__COUNT] = {
	"load + validate", "evaluate", "present", "typeset + render",
	"write (fsync)"
};

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
by_value(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
pct(const double *v, long n, double p)
{
	long	i = (long)(p * (double)(n - 1) + 0.5);

	return v[i];
}

/* One pass over files for one kind; adds each stage's ms to t[]. */
static int
one_pass(struct pipeline *pl, enum present_kind kind, char **files,
    int nfiles, const char *out, double *t, struct diag *d)
{
	struct evaluate_params	 prm = { "2025-06-30", NULL, NULL, "initial",
	    NULL };
	struct present_entry	 e;
	xmlDocPtr		 doc = NULL, cl = NULL, layout = NULL;
	unsigned char		*pdf = NULL;
	size_t			 len;
	double			 t0;
	int			 i, rc = -1;

	for (i = 0; i < nfiles; i++) {
		t0 = now_ms();
		if (pipeline_read(pl, files[i], files[i], &doc, d) !=
		    PIPELINE_OK)
			goto out;
		t[ST_READ] += now_ms() - t0;
		t0 = now_ms();
		if (pipeline_evaluate(pl, doc, files[i], &prm, &cl, d) !=
		    PIPELINE_OK)
			goto out;
		t[ST_EVAL] += now_ms() - t0;
		e.source = files[i];
		e.checklist = cl;
		e.portfolio = doc;
		t0 = now_ms();
		if (pipeline_layout(pl, kind, &e, 1, "2025-06-30T00:00:00Z",
		    &layout, d) != PIPELINE_OK)
			goto out;
		t[ST_PRESENT] += now_ms() - t0;
		t0 = now_ms();
		if (pipeline_pdf(pl, layout, files[i], TYPESET_PAPER_DEFAULT,
		    &pdf, &len, d) != PIPELINE_OK)
			goto out;
		t[ST_TYPESET] += now_ms() - t0;
		t0 = now_ms();
		if (pipeline_save(out, pdf, len, d) != PIPELINE_OK)
			goto out;
		t[ST_WRITE] += now_ms() - t0;
		free(pdf);
		pdf = NULL;
		xmlFreeDoc(layout);
		xmlFreeDoc(cl);
		xmlFreeDoc(doc);
		layout = cl = doc = NULL;
	}
	rc = 0;
out:
	free(pdf);
	xmlFreeDoc(layout);
	xmlFreeDoc(cl);
	xmlFreeDoc(doc);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const enum present_kind	 kinds[2] = { PRESENT_PACKET,
	    PRESENT_REVIEW };
	static const char *const	 kind_name[2] = { "packet", "review" };
	struct diag			 d;
	struct pipeline			*pl;
	double				*v[ST__COUNT], t[ST__COUNT], t0, tot;
	char				 out[64];
	long				 rounds = 21, r;
	int				 ch, k, s, rc = 0;

	while ((ch = getopt(argc, argv, "n:")) != -1)
		if (ch == 'n')
			rounds = strtol(optarg, NULL, 10);
		else
			return 64;
	if (optind == argc || rounds < 1 || rounds > 100000) {
		fprintf(stderr, "usage: stages [-n ROUNDS] FILE...\n");
		return 64;
	}
	snprintf(out, sizeof(out), "/tmp/endorse-stages-%ld.pdf",
	    (long)getpid());
	diag_init(&d, stderr, "stages");
	t0 = now_ms();
	if ((pl = pipeline_new(&d)) == NULL ||
	    pipeline_load(pl, PIPELINE_TYPESET, &d) != 0)
		return 70;
	printf("setup (schemas, stylesheets, fonts), once: %.1f ms\n",
	    now_ms() - t0);
	for (s = 0; s < ST__COUNT; s++)
		if ((v[s] = calloc((size_t)rounds, sizeof(double))) == NULL)
			return 70;
	for (k = 0; k < 2; k++) {
		for (r = 0; r < rounds; r++) {
			memset(t, 0, sizeof(t));
			if (one_pass(pl, kinds[k], argv + optind,
			    argc - optind, out, t, &d) != 0) {
				rc = 70;
				goto out;
			}
			for (s = 0; s < ST__COUNT; s++)
				v[s][r] = t[s];
		}
		printf("%s, %d file(s) a pass, %ld passes: ms a pass, "
		    "median [p10 .. p90]\n", kind_name[k], argc - optind,
		    rounds);
		tot = 0;
		for (s = 0; s < ST__COUNT; s++) {
			qsort(v[s], (size_t)rounds, sizeof(double), by_value);
			tot += pct(v[s], rounds, 0.5);
			printf("  %-18s %8.2f  [%7.2f .. %7.2f]\n",
			    stage_name[s], pct(v[s], rounds, 0.5),
			    pct(v[s], rounds, 0.1), pct(v[s], rounds, 0.9));
		}
		printf("  %-18s %8.2f\n", "sum of medians", tot);
	}
out:
	unlink(out);
	for (s = 0; s < ST__COUNT; s++)
		free(v[s]);
	pipeline_free(pl);
	xmlCleanupParser();
	return rc;
}
