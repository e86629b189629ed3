/*
 * batch: a season of applicants in one run (`endorse batch`).
 *
 * The parent process lists the inputs (files, and the *.xml of
 * directories, sorted), gives each applicant an output NAME from its
 * file name (SECURITY.md rule 15), decides from the manifest in the
 * output directory which applicants changed, and hands those to worker
 * processes.  Workers are forked before Pango is initialised (rule 16);
 * each loads the pipeline once and handles many applicants, each under a
 * CPU-time limit, an address-space limit and a wall-clock limit; a worker
 * that dies or hits a limit is reported for its applicant and replaced.
 * Every output is written through outfile (temporary file and rename), so
 * an interrupted run leaves each file old or new, and the manifest is
 * written last, saying only what is on disk.  Then the parent writes the
 * roster for the chair (roster.csv, roster.pdf; batch_roster.c) and, when
 * asked for, the combined review (review-all.pdf; combined.c).
 *
 * Output files and their bytes do not depend on the number of workers or
 * the order they finish in.
 *
 * Included by cli.  The caller owns the pipeline (loaded no further than
 * the catalog: the parent never initialises Pango before its workers
 * exist) and the options; batch_run owns nothing after it returns.
 */
#ifndef BATCH_H
#define BATCH_H

#include <stddef.h>

#include "evaluate.h"
#include "typeset.h"

struct diag;
struct pipeline;

/* Per-applicant limits (SECURITY.md limits). */
#define BATCH_CPU_SECONDS	20
#define BATCH_AS_BYTES		(1024UL * 1024 * 1024)
#define BATCH_WALL_SECONDS	60
#define BATCH_MAX_JOBS		64

struct batch_options {
	char *const		*inputs;	/* files and directories */
	int			 ninputs;
	const char		*outdir;
	int			 jobs;		/* workers, >= 1 */
	struct evaluate_params	 prm;		/* as_of set */
	const char		*created;	/* the PDFs' date */
	enum typeset_paper	 paper;
	const char		*reviewers;	/* review copies, or NULL */
	int			 force;		/* redo unchanged applicants */
	int			 combined;	/* also review-all.pdf */
	int			 quiet;		/* no progress, no summary */
	const char		*options_key;	/* the options, for the hash */
};

/* What became of the applicants: how many of each. */
enum batch_outcome {
	BATCH_READY,
	BATCH_REVIEW,
	BATCH_NOT_READY,
	BATCH_REJECTED,		/* not well-formed, invalid, a name clash */
	BATCH_CANNOT_OPEN,
	BATCH_FAILED,		/* a worker died or hit a limit; internal */
	BATCH_CANNOT_WRITE,	/* an output could not be written */
	BATCH__OUTCOMES
};

struct batch_totals {
	size_t	count[BATCH__OUTCOMES];
	size_t	skipped;	/* unchanged, kept (counted above too) */
	size_t	removed;	/* vanished applicants whose files went */
	int	interrupted;	/* the signal that stopped the run, or 0 */
	int	combined;	/* review-all.pdf: enum pipeline_status */
	int	setup_failed;	/* nothing could be done (reported) */
};

/*
 * Run the batch.  Reports every problem to d and fills *totals; the CLI
 * turns them into the exit status.  Returns 0, or -1 when the batch
 * could not run at all (the output directory, out of memory).
 */
int	batch_run(struct pipeline *, const struct batch_options *,
	    struct batch_totals *, struct diag *);

#endif
