/*
 * cli: command line, subcommand table and exit status (see cli.h).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "catalog.h"
#include "cli.h"
#include "datadir.h"
#include "diag.h"
#include "validate.h"
#include "xmlload.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

#define PROG	"endorse"

/* What a subcommand run needs, loaded once and shared by its files. */
struct cli {
	struct diag	 diag;
	struct datadir	*datadir;
	struct catalog	*catalog;
	struct validate	*validate;
};

struct cli_command {
	const char	*name;
	int		(*run)(struct cli *, int, char *[]);
	const char	*summary;
	const char	*usage;		/* after "endorse NAME " */
	const char	*help;		/* options and notes */
};

static int	cmd_validate(struct cli *, int, char *[]);
static int	cmd_help(struct cli *, int, char *[]);

static const struct cli_command commands[] = {
	{ "validate", cmd_validate,
	  "check that portfolios are well-formed and valid",
	  "[-q] FILE...",
	  "Check each portfolio (\"-\" is standard input) against the\n"
	  "portfolio schema and print every problem as\n"
	  "FILE:LINE:COL: error: MESSAGE on standard error.\n"
	  "\n"
	  "  -q, --quiet   print nothing for valid files\n"
	  "  -h, --help    show this help\n"
	  "\n"
	  "Exit status: 0 all valid, 65 some input rejected, 66 an input\n"
	  "cannot be opened, 64 usage error.\n" },
	{ "help", cmd_help,
	  "show help for endorse or for one command",
	  "[COMMAND]",
	  "" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* Severity order of exit statuses, worst last. */
static const int exit_order[] = {
	CLI_OK, CLI_NOT_READY, CLI_REVIEW, CLI_DATAERR, CLI_NOINPUT,
	CLI_CANTCREAT, CLI_IOERR, CLI_USAGE, CLI_SOFTWARE
};

static int
exit_rank(int status)
{
	size_t	i;

	for (i = 0; i < sizeof(exit_order) / sizeof(exit_order[0]); i++)
		if (exit_order[i] == status)
			return (int)i;
	return (int)(sizeof(exit_order) / sizeof(exit_order[0]));
}

int
cli_exit_worst(int a, int b)
{
	return exit_rank(a) >= exit_rank(b) ? a : b;
}

static const struct cli_command *
command_find(const char *name)
{
	size_t	i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void
usage_main(FILE *out)
{
	size_t	i;

	fprintf(out, "usage: %s COMMAND [OPTION]... [FILE]...\n"
	    "       %s --help | --version\n\n"
	    "Check infant mental health endorsement portfolios against an\n"
	    "association's requirements and print them.\n\n"
	    "Commands:\n", PROG, PROG);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name,
		    commands[i].summary);
	fprintf(out, "\nRun '%s help COMMAND' for one command's options; "
	    "see also endorse(1).\n", PROG);
}

static void
usage_command(const struct cli_command *c, FILE *out)
{
	fprintf(out, "usage: %s %s %s\n", PROG, c->name, c->usage);
	if (c->help[0] != '\0')
		fprintf(out, "\n%s", c->help);
}

/* A usage error: one line on stderr. */
static int
usage_error(const char *cmd, const char *what)
{
	fprintf(stderr, "%s: %s%s%s; see '%s help%s%s'\n", PROG,
	    cmd ? cmd : "", cmd ? ": " : "", what, PROG, cmd ? " " : "",
	    cmd ? cmd : "");
	return CLI_USAGE;
}

/* Load the data directory, the rule catalog and the schema, once. */
static int
cli_load_validate(struct cli *cli)
{
	char	path[PATH_MAX];

	if (cli->validate != NULL)
		return 0;
	if (cli->datadir == NULL &&
	    (cli->datadir = datadir_open(&cli->diag)) == NULL)
		return -1;
	if (cli->catalog == NULL &&
	    (cli->catalog = catalog_open(cli->datadir, &cli->diag)) == NULL)
		return -1;
	if (datadir_path(cli->datadir, "schemas/applicant.xsd", path,
	    sizeof(path)) == NULL)
		return -1;
	cli->validate = validate_new(path, cli->catalog->codes, &cli->diag);
	return cli->validate != NULL ? 0 : -1;
}

/*
 * Parse a subcommand's options.  Returns -1 to go on, or the exit status
 * (help shown, or a usage error).
 */
static int
parse_options(const struct cli_command *c, int argc, char *argv[],
    const char *shortopts, const struct option *longopts, int *flags)
{
	char	what[128];
	int	ch, idx;

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, shortopts, longopts, &idx)) !=
	    -1) {
		switch (ch) {
		case 'h':
			usage_command(c, stdout);
			return CLI_OK;
		case 'q':
			*flags |= 1;
			break;
		case '?':
			if (optopt != 0)
				snprintf(what, sizeof(what), "unknown option "
				    "'-%c'", optopt);
			else
				snprintf(what, sizeof(what), "unknown option "
				    "'%s'", argv[optind - 1]);
			return usage_error(c->name, what);
		default:
			return usage_error(c->name, "bad option");
		}
	}
	return -1;
}

static int
cmd_validate(struct cli *cli, int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum xmlload_status	 status;
	xmlDocPtr		 doc;
	const char		*name;
	int			 i, rc, flags = 0, worst = CLI_OK;

	if ((rc = parse_options(&commands[0], argc, argv, "+qh", longopts,
	    &flags)) != -1)
		return rc;
	if (optind == argc)
		return usage_error("validate", "no input files");
	if (cli_load_validate(cli) == -1)
		return CLI_SOFTWARE;
	for (i = optind; i < argc; i++) {
		name = strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i];
		doc = xmlload_file(argv[i], name, &cli->diag, &status);
		if (doc == NULL) {
			worst = cli_exit_worst(worst,
			    status == XMLLOAD_CANNOT_OPEN ? CLI_NOINPUT :
			    CLI_DATAERR);
			continue;
		}
		if (validate_run(cli->validate, doc, name, &cli->diag) == 0) {
			if (!(flags & 1))
				printf("%s: valid\n", name);
		} else
			worst = cli_exit_worst(worst, CLI_DATAERR);
		xmlFreeDoc(doc);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_error(&cli->diag, "<stdout>", 0, "write error");
		worst = cli_exit_worst(worst, CLI_IOERR);
	}
	return worst;
}

static int
cmd_help(struct cli *cli, int argc, char *argv[])
{
	const struct cli_command	*c;
	char				 what[128];

	(void)cli;
	if (argc < 2) {
		usage_main(stdout);
		return CLI_OK;
	}
	if ((c = command_find(argv[1])) == NULL) {
		snprintf(what, sizeof(what), "no command '%.64s'", argv[1]);
		return usage_error("help", what);
	}
	usage_command(c, stdout);
	return CLI_OK;
}

int
cli_main(int argc, char *argv[])
{
	const struct cli_command	*c;
	struct cli			 cli;
	char				 what[128];
	int				 rc;

	if (argc < 2) {
		usage_main(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage_main(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("%s %s\n", PROG, VERSION);
		return CLI_OK;
	}
	if ((c = command_find(argv[1])) == NULL) {
		snprintf(what, sizeof(what), "no command '%.64s'", argv[1]);
		return usage_error(NULL, what);
	}

	memset(&cli, 0, sizeof(cli));
	diag_init(&cli.diag, stderr, PROG);
	xmlload_init();
	rc = c->run(&cli, argc - 1, argv + 1);
	validate_free(cli.validate);
	catalog_free(cli.catalog);
	datadir_free(cli.datadir);
	xmlCleanupParser();
	return rc;
}
