/*
 * cli: the endorse command line.
 *
 * One table of subcommands and one table of options: a single parser
 * (getopt_long with GNU argument permutation: options before, between or
 * after the operands, "--" ends them) gives every command the same usage
 * messages, one line each naming the option (unknown, missing value,
 * ambiguous with its candidates, bad value saying what is wanted, "did you
 * mean" by edit distance).  A new command is a line in the command table
 * and its function; a new option a line in the option table and a bit in
 * the commands that take it.  The work itself is the pipeline's
 * (pipeline.h) and the batch's (batch.h); cli keeps the options, the
 * help, the checks made before anything is read (an output that is one of
 * the inputs, an unknown association) and alone decides the exit status
 * (documented in the README and endorse(1)).  Every message goes through
 * the escaping sink (diag.h).  main() is only `return cli_main(argc,
 * argv);` so that tests and fuzzers can call the real entry point.
 */
#ifndef CLI_H
#define CLI_H

/* Exit status, from <sysexits.h> for trouble (see endorse(1)). */
enum cli_exit {
	CLI_OK = 0,		/* success; check: ready for committee */
	CLI_NOT_READY = 1,	/* check, renew: not ready */
	CLI_REVIEW = 2,		/* check, renew: needs committee review */
	CLI_USAGE = 64,
	CLI_DATAERR = 65,	/* input rejected */
	CLI_NOINPUT = 66,	/* input cannot be opened */
	CLI_SOFTWARE = 70,	/* internal error */
	CLI_CANTCREAT = 73,	/* output cannot be created */
	CLI_IOERR = 74		/* I/O error while writing */
};

int	cli_main(int argc, char *argv[]);

/* The worse of two exit statuses: what a batch reports. */
int	cli_exit_worst(int a, int b);

#endif
