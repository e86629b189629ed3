/*
 * cli: the endorse command line.
 *
 * Parses the command line (getopt_long), dispatches to a subcommand from
 * one table, loads what the subcommand needs once (data directory, rule
 * catalog, schema), and alone decides the exit status (documented in the
 * README and endorse(1)).  main() is only `return cli_main(argc, argv);`
 * so that tests and fuzzers can call the real entry point.
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
