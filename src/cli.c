/*
 * cli: command line, subcommand table and exit status (see cli.h).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xsltutils.h>

#include "catalog.h"
#include "cli.h"
#include "datadir.h"
#include "diag.h"
#include "evaluate.h"
#include "report.h"
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
	struct evaluate	*evaluate;
};

struct cli_command {
	const char	*name;
	int		(*run)(struct cli *, int, char *[]);
	const char	*summary;
	const char	*usage;		/* after "endorse NAME " */
	const char	*help;		/* options and notes */
};

static int	cmd_validate(struct cli *, int, char *[]);
static int	cmd_check(struct cli *, int, char *[]);
static int	cmd_renew(struct cli *, int, char *[]);
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
	{ "check", cmd_check,
	  "evaluate portfolios against the requirements",
	  "[-q] [--as-of DATE] [--association CODE] [--track TRACK]\n"
	  "                     [--format text|xml] FILE...",
	  "Validate each portfolio, then evaluate it against its association's\n"
	  "Level IV requirements and print the checklist: one line per rule\n"
	  "(met, NOT MET, PENDING, review, n/a, advice), the overall result and\n"
	  "what is missing.\n"
	  "\n"
	  "  --as-of DATE        evaluate as of DATE (YYYY-MM-DD); default:\n"
	  "                      the day of SOURCE_DATE_EPOCH when set, else today\n"
	  "  --association CODE  evaluate against CODE's rules (such as WI-AIMH)\n"
	  "                      instead of the portfolio's association\n"
	  "  --track TRACK       clinical, policy or research-faculty instead of\n"
	  "                      the portfolio's track\n"
	  "  --format FORMAT     text (default) or xml, the checklist document\n"
	  "                      (one file only); --emit checklist is the same\n"
	  "  -q, --quiet         print nothing; the exit status tells\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status: 0 ready for committee, 1 not ready, 2 needs committee\n"
	  "review (with several files: 1 if any is not ready, else 2 if any\n"
	  "needs review); 65 some input rejected, 66 an input cannot be opened,\n"
	  "64 usage error, 74 write error.\n" },
	{ "renew", cmd_renew,
	  "evaluate one year of continuing endorsement",
	  "--year YYYY [-q] [--as-of DATE] [--association CODE]\n"
	  "                     [--format text|xml] FILE...",
	  "Evaluate the renewal rules (REN-*) for one calendar year, from the\n"
	  "portfolio's renewals section.  Options and exit status as for\n"
	  "'endorse check'; --year is required.\n" },
	{ "help", cmd_help,
	  "show help for endorse or for one command",
	  "[COMMAND]",
	  "" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* Severity order of exit statuses, worst last. */
static const int exit_order[] = {
	CLI_OK, CLI_REVIEW, CLI_NOT_READY, CLI_DATAERR, CLI_NOINPUT,
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

/* A calendar date YYYY-MM-DD between 1900 and 2199 that exists. */
static int
date_ok(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	y, m, d, i, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
		return 0;
	return 1;
}

/*
 * The default evaluation date: the UTC day of SOURCE_DATE_EPOCH when it
 * is set (reproducible builds and tests), else today in local time.
 */
static int
default_as_of(char *buf, size_t bufsz)
{
	const char	*sde = getenv("SOURCE_DATE_EPOCH");
	struct tm	 tm;
	time_t		 t;
	char		*end;
	long long	 v;

	if (sde != NULL && *sde != '\0') {
		v = strtoll(sde, &end, 10);
		if (*end != '\0' || v < 0 || v > 7258118399LL) {
			fprintf(stderr, "%s: SOURCE_DATE_EPOCH is not a "
			    "number of seconds: '%.32s'\n", PROG, sde);
			return -1;
		}
		t = (time_t)v;
		if (gmtime_r(&t, &tm) == NULL)
			return -1;
	} else {
		t = time(NULL);
		if (localtime_r(&t, &tm) == NULL)
			return -1;
	}
	return strftime(buf, bufsz, "%Y-%m-%d", &tm) > 0 ? 0 : -1;
}

/* Colour only on a terminal, never with NO_COLOR or TERM=dumb. */
static int
want_colour(FILE *out)
{
	const char	*nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (nc != NULL && *nc != '\0')
		return 0;
	if (term == NULL || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(out));
}

static int
cli_load_evaluate(struct cli *cli)
{
	if (cli_load_validate(cli) == -1)
		return -1;
	if (cli->evaluate == NULL)
		cli->evaluate = evaluate_new(cli->datadir, cli->catalog,
		    &cli->diag);
	return cli->evaluate != NULL ? 0 : -1;
}

static int
exit_of_result(enum evaluate_result r)
{
	switch (r) {
	case EVALUATE_READY:
		return CLI_OK;
	case EVALUATE_REVIEW:
		return CLI_REVIEW;
	case EVALUATE_NOT_READY:
		break;
	}
	return CLI_NOT_READY;
}

enum { OPT_AS_OF = 256, OPT_ASSOCIATION, OPT_TRACK, OPT_FORMAT, OPT_EMIT,
    OPT_YEAR };

/* check and renew: the same pipeline, initial or renewal rules. */
static int
evaluate_files(struct cli *cli, const struct cli_command *c, int argc,
    char *argv[], int renewal)
{
	static const struct option longopts[] = {
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "association", required_argument, NULL, OPT_ASSOCIATION },
		{ "track", required_argument, NULL, OPT_TRACK },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "emit", required_argument, NULL, OPT_EMIT },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct evaluate_params	 prm;
	enum xmlload_status	 status;
	xmlDocPtr		 doc, checklist;
	char			 today[16], what[160];
	const char		*name, *format = "text";
	int			 ch, i, quiet = 0, colour, worst = CLI_OK;

	memset(&prm, 0, sizeof(prm));
	prm.kind = renewal ? "renewal" : "initial";
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "+qh", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_AS_OF:
			if (!date_ok(optarg)) {
				snprintf(what, sizeof(what), "--as-of wants a "
				    "date YYYY-MM-DD, not '%.32s'", optarg);
				return usage_error(c->name, what);
			}
			prm.as_of = optarg;
			break;
		case OPT_ASSOCIATION:
			prm.association = optarg;
			break;
		case OPT_TRACK:
			if (strcmp(optarg, "clinical") != 0 &&
			    strcmp(optarg, "policy") != 0 &&
			    strcmp(optarg, "research-faculty") != 0) {
				snprintf(what, sizeof(what), "--track wants "
				    "clinical, policy or research-faculty, not "
				    "'%.32s'", optarg);
				return usage_error(c->name, what);
			}
			prm.track = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "xml") != 0) {
				snprintf(what, sizeof(what), "--format wants "
				    "text or xml, not '%.32s'", optarg);
				return usage_error(c->name, what);
			}
			format = optarg;
			break;
		case OPT_EMIT:
			if (strcmp(optarg, "checklist") != 0) {
				snprintf(what, sizeof(what), "--emit wants "
				    "checklist, not '%.32s'", optarg);
				return usage_error(c->name, what);
			}
			format = "xml";
			break;
		case OPT_YEAR:
			if (!renewal)
				return usage_error(c->name, "--year is for "
				    "'endorse renew'");
			if (strlen(optarg) != 4 || strspn(optarg,
			    "0123456789") != 4 || atoi(optarg) < 1900 ||
			    atoi(optarg) > 2199) {
				snprintf(what, sizeof(what), "--year wants a "
				    "year such as 2025, not '%.32s'", optarg);
				return usage_error(c->name, what);
			}
			prm.year = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			usage_command(c, stdout);
			return CLI_OK;
		default:
			if (optopt != 0 && optopt < 256)
				snprintf(what, sizeof(what), "unknown option "
				    "'-%c' or missing value", optopt);
			else
				snprintf(what, sizeof(what), "unknown option "
				    "or missing value: '%.64s'",
				    argv[optind - 1]);
			return usage_error(c->name, what);
		}
	}
	if (optind == argc)
		return usage_error(c->name, "no input files");
	if (renewal && prm.year == NULL)
		return usage_error(c->name, "--year YYYY is required");
	if (strcmp(format, "xml") == 0 && argc - optind > 1 && !quiet)
		return usage_error(c->name, "--format xml writes one "
		    "checklist: give one file");
	if (prm.as_of == NULL) {
		if (default_as_of(today, sizeof(today)) == -1)
			return CLI_USAGE;
		prm.as_of = today;
	}
	if (cli_load_evaluate(cli) == -1)
		return CLI_SOFTWARE;
	colour = want_colour(stdout);

	for (i = optind; i < argc; i++) {
		name = strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i];
		doc = xmlload_file(argv[i], name, &cli->diag, &status);
		if (doc == NULL) {
			worst = cli_exit_worst(worst,
			    status == XMLLOAD_CANNOT_OPEN ? CLI_NOINPUT :
			    CLI_DATAERR);
			continue;
		}
		if (validate_run(cli->validate, doc, name, &cli->diag) != 0 ||
		    (checklist = evaluate_run(cli->evaluate, doc, name, &prm,
		    &cli->diag)) == NULL) {
			xmlFreeDoc(doc);
			worst = cli_exit_worst(worst, CLI_DATAERR);
			continue;
		}
		worst = cli_exit_worst(worst,
		    exit_of_result(evaluate_result(checklist)));
		if (!quiet) {
			if (strcmp(format, "xml") == 0)
				evaluate_write(cli->evaluate, checklist,
				    stdout);
			else
				report_text(checklist, name, colour, stdout);
		}
		xmlFreeDoc(checklist);
		xmlFreeDoc(doc);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_error(&cli->diag, "<stdout>", 0, "write error");
		worst = cli_exit_worst(worst, CLI_IOERR);
	}
	return worst;
}

static int
cmd_check(struct cli *cli, int argc, char *argv[])
{
	return evaluate_files(cli, command_find("check"), argc, argv, 0);
}

static int
cmd_renew(struct cli *cli, int argc, char *argv[])
{
	return evaluate_files(cli, command_find("renew"), argc, argv, 1);
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
	evaluate_free(cli.evaluate);
	validate_free(cli.validate);
	catalog_free(cli.catalog);
	datadir_free(cli.datadir);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
