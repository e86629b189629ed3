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
#include "present.h"
#include "report.h"
#include "typeset.h"
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
	struct present	*present;
	struct typeset	*typeset;
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
static int	cmd_packet(struct cli *, int, char *[]);
static int	cmd_review(struct cli *, int, char *[]);
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
	{ "packet", cmd_packet,
	  "print an applicant's application packet (PDF)",
	  "-o OUT.pdf [--as-of DATE] [--association CODE] [--track TRACK]\n"
	  "                     [--paper letter|a4] [--emit checklist|layout] FILE",
	  "Evaluate one portfolio and print its application packet and\n"
	  "portfolio summary: a cover block with the overall result, the\n"
	  "checklist summary, one section per part of the portfolio and what\n"
	  "is missing before the applicant submits.\n"
	  "\n"
	  "  -o, --output FILE   write the PDF to FILE ('-': standard output);\n"
	  "                      nothing is left behind when it fails\n"
	  "  --paper PAPER       letter (default) or a4\n"
	  "  --emit STAGE        print the checklist or the layout document\n"
	  "                      instead of the PDF\n"
	  "  --as-of, --association, --track   as for 'endorse check'\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status: 0 written; 65 input rejected, 66 input cannot be\n"
	  "opened, 73 output cannot be created, 74 write error, 64 usage.\n" },
	{ "review", cmd_review,
	  "print the committee's review checklist for applicants (PDF)",
	  "-o OUT.pdf [--as-of DATE] [--association CODE] [--track TRACK]\n"
	  "                     [--paper letter|a4] [--emit layout] FILE...",
	  "Evaluate each portfolio and print the committee's review checklist,\n"
	  "one applicant after another: every rule's computed verdict with its\n"
	  "evidence and agree/disagree boxes, the items for the committee's\n"
	  "judgement, a recommendation and two reviewers' signatures.  A\n"
	  "portfolio that cannot be read or evaluated is reported and left\n"
	  "out; the others are printed.\n"
	  "\n"
	  "Options and exit status as for 'endorse packet'.\n" },
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
	if (cli->validate == NULL ||
	    validate_set_ref_target(cli->validate, "person") == -1)
		return -1;
	return 0;
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
 * SOURCE_DATE_EPOCH as UTC time: 1 and *tm set, 0 when it is not set,
 * -1 after a message when it is not a number of seconds.
 */
static int
source_date_epoch(struct tm *tm)
{
	const char	*sde = getenv("SOURCE_DATE_EPOCH");
	time_t		 t;
	char		*end;
	long long	 v;

	if (sde == NULL || *sde == '\0')
		return 0;
	v = strtoll(sde, &end, 10);
	if (*end != '\0' || v < 0 || v > 7258118399LL) {
		fprintf(stderr, "%s: SOURCE_DATE_EPOCH is not a number of "
		    "seconds: '%.32s'\n", PROG, sde);
		return -1;
	}
	t = (time_t)v;
	return gmtime_r(&t, tm) != NULL ? 1 : -1;
}

/*
 * The default evaluation date: the UTC day of SOURCE_DATE_EPOCH when it
 * is set (reproducible builds and tests), else today in local time.
 */
static int
default_as_of(char *buf, size_t bufsz)
{
	struct tm	 tm;
	time_t		 t;
	int		 rc;

	if ((rc = source_date_epoch(&tm)) == -1)
		return -1;
	if (rc == 0) {
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
    OPT_YEAR, OPT_PAPER };

/* Which options a command of the evaluation family takes. */
enum opt_allow {
	ALLOW_FORMAT	= 1 << 0,	/* --format, -q */
	ALLOW_YEAR	= 1 << 1,	/* --year */
	ALLOW_TRACK	= 1 << 2,	/* --track */
	ALLOW_RENDER	= 1 << 3,	/* -o, --paper, --emit layout */
};

struct eval_opts {
	struct evaluate_params	 prm;
	char			 today[16];
	const char		*format;	/* "text", "xml" */
	const char		*emit;		/* NULL, "checklist", "layout" */
	const char		*output;	/* -o */
	enum typeset_paper	 paper;
	int			 quiet;
};

/* A usage error for an option's value: "--paper wants letter or a4". */
static int
bad_value(const struct cli_command *c, const char *opt, const char *wants,
    const char *got)
{
	char	what[200];

	snprintf(what, sizeof(what), "%s wants %s, not '%.32s'", opt, wants,
	    got);
	return usage_error(c->name, what);
}

/* The index of s in the NULL-terminated list, or -1. */
static int
list_index(const char *s, const char *const *list)
{
	int	i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

/* "--paper" or "-o": how the user wrote option ch, for messages. */
static const char *
option_name(const struct option *longopts, int ch, char *buf, size_t bufsz)
{
	const struct option	*o;

	if (ch < 256) {
		snprintf(buf, bufsz, "-%c", ch);
		return buf;
	}
	for (o = longopts; o->name != NULL; o++)
		if (o->val == ch)
			break;
	snprintf(buf, bufsz, "--%s", o->name != NULL ? o->name : "?");
	return buf;
}

/*
 * Parse the options of check, renew, packet and review.  Returns -1 to
 * go on, or the exit status (help shown, or a usage error).
 */
static int
parse_eval_options(const struct cli_command *c, int argc, char *argv[],
    unsigned allow, struct eval_opts *o)
{
	static const struct option longopts[] = {
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "association", required_argument, NULL, OPT_ASSOCIATION },
		{ "track", required_argument, NULL, OPT_TRACK },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "emit", required_argument, NULL, OPT_EMIT },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "paper", required_argument, NULL, OPT_PAPER },
		{ "output", required_argument, NULL, 'o' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const tracks[] = { "clinical", "policy",
	    "research-faculty", NULL };
	static const char *const formats[] = { "text", "xml", NULL };
	static const char *const stages[] = { "checklist", "layout", NULL };
	static const char *const papers[] = { "letter", "a4", NULL };
	char	what[160], optname[32];
	int	ch, i;

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "+qho:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case OPT_AS_OF:
			if (!date_ok(optarg))
				return bad_value(c, "--as-of",
				    "a date YYYY-MM-DD", optarg);
			o->prm.as_of = optarg;
			break;
		case OPT_ASSOCIATION:
			o->prm.association = optarg;
			break;
		case OPT_TRACK:
			if (!(allow & ALLOW_TRACK))
				goto not_here;
			if (list_index(optarg, tracks) == -1)
				return bad_value(c, "--track", "clinical, "
				    "policy or research-faculty", optarg);
			o->prm.track = optarg;
			break;
		case OPT_FORMAT:
			if (!(allow & ALLOW_FORMAT))
				goto not_here;
			if (list_index(optarg, formats) == -1)
				return bad_value(c, "--format", "text or xml",
				    optarg);
			o->format = optarg;
			break;
		case OPT_EMIT:
			if ((i = list_index(optarg, stages)) == -1 ||
			    (i > 0 && !(allow & ALLOW_RENDER)))
				return bad_value(c, "--emit",
				    (allow & ALLOW_RENDER) ?
				    "checklist or layout" : "checklist",
				    optarg);
			o->emit = stages[i];
			if (!(allow & ALLOW_RENDER))
				o->format = "xml";
			break;
		case OPT_YEAR:
			if (!(allow & ALLOW_YEAR))
				return usage_error(c->name, "--year is for "
				    "'endorse renew'");
			if (strlen(optarg) != 4 || strspn(optarg,
			    "0123456789") != 4 || atoi(optarg) < 1900 ||
			    atoi(optarg) > 2199)
				return bad_value(c, "--year",
				    "a year such as 2025", optarg);
			o->prm.year = optarg;
			break;
		case OPT_PAPER:
			if (!(allow & ALLOW_RENDER))
				goto not_here;
			if ((i = list_index(optarg, papers)) == -1)
				return bad_value(c, "--paper", "letter or a4",
				    optarg);
			o->paper = i == 0 ? TYPESET_PAPER_LETTER :
			    TYPESET_PAPER_A4;
			break;
		case 'o':
			if (!(allow & ALLOW_RENDER))
				goto not_here;
			o->output = optarg;
			break;
		case 'q':
			if (!(allow & ALLOW_FORMAT))
				goto not_here;
			o->quiet = 1;
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
		continue;
not_here:
		snprintf(what, sizeof(what), "'%s' is not an option of "
		    "this command", option_name(longopts, ch, optname,
		    sizeof(optname)));
		return usage_error(c->name, what);
	}
	if (optind == argc)
		return usage_error(c->name, "no input files");
	if (o->prm.as_of == NULL) {
		if (default_as_of(o->today, sizeof(o->today)) == -1)
			return CLI_USAGE;
		o->prm.as_of = o->today;
	}
	return -1;
}

/*
 * Load, validate and evaluate one file.  Returns CLI_OK with *doc and
 * *checklist set (the caller frees both), or the file's exit status.
 */
static int
evaluate_one(struct cli *cli, const char *arg, const struct eval_opts *o,
    xmlDocPtr *doc, xmlDocPtr *checklist)
{
	enum xmlload_status	 status;
	const char		*name;

	name = strcmp(arg, "-") == 0 ? "<stdin>" : arg;
	*checklist = NULL;
	if ((*doc = xmlload_file(arg, name, &cli->diag, &status)) == NULL)
		return status == XMLLOAD_CANNOT_OPEN ? CLI_NOINPUT :
		    CLI_DATAERR;
	if (validate_run(cli->validate, *doc, name, &cli->diag) != 0 ||
	    (*checklist = evaluate_run(cli->evaluate, *doc, name, &o->prm,
	    &cli->diag)) == NULL) {
		xmlFreeDoc(*doc);
		*doc = NULL;
		return CLI_DATAERR;
	}
	return CLI_OK;
}

static int
flush_stdout(struct cli *cli, int worst)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		diag_error(&cli->diag, "<stdout>", 0, "write error");
		worst = cli_exit_worst(worst, CLI_IOERR);
	}
	return worst;
}

/* check and renew: the same pipeline, initial or renewal rules. */
static int
evaluate_files(struct cli *cli, const struct cli_command *c, int argc,
    char *argv[], int renewal)
{
	struct eval_opts	 o;
	xmlDocPtr		 doc, checklist;
	const char		*name;
	int			 i, rc, colour, worst = CLI_OK;

	memset(&o, 0, sizeof(o));
	o.format = "text";
	o.prm.kind = renewal ? "renewal" : "initial";
	if ((rc = parse_eval_options(c, argc, argv, ALLOW_FORMAT |
	    (renewal ? ALLOW_YEAR : ALLOW_TRACK), &o)) != -1)
		return rc;
	if (renewal && o.prm.year == NULL)
		return usage_error(c->name, "--year YYYY is required");
	if (strcmp(o.format, "xml") == 0 && argc - optind > 1 && !o.quiet)
		return usage_error(c->name, "--format xml writes one "
		    "checklist: give one file");
	if (cli_load_evaluate(cli) == -1)
		return CLI_SOFTWARE;
	colour = want_colour(stdout);

	for (i = optind; i < argc; i++) {
		name = strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i];
		if ((rc = evaluate_one(cli, argv[i], &o, &doc, &checklist)) !=
		    CLI_OK) {
			worst = cli_exit_worst(worst, rc);
			continue;
		}
		worst = cli_exit_worst(worst,
		    exit_of_result(evaluate_result(checklist)));
		if (!o.quiet) {
			if (strcmp(o.format, "xml") == 0)
				evaluate_write(cli->evaluate, checklist,
				    stdout);
			else
				report_text(checklist, name, colour, stdout);
		}
		xmlFreeDoc(checklist);
		xmlFreeDoc(doc);
	}
	return flush_stdout(cli, worst);
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

/*
 * The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds),
 * else the evaluation date, so that the same portfolio and date give the
 * same bytes.
 */
static int
document_date(const struct eval_opts *o, char *buf, size_t bufsz)
{
	struct tm	tm;
	int		rc;

	if ((rc = source_date_epoch(&tm)) == -1)
		return -1;
	if (rc == 0) {
		snprintf(buf, bufsz, "%s", o->prm.as_of);
		return 0;
	}
	return strftime(buf, bufsz, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0 ? 0 : -1;
}

static int
exit_of_typeset(enum typeset_status st)
{
	switch (st) {
	case TYPESET_OK:
		return CLI_OK;
	case TYPESET_REJECTED:
		return CLI_DATAERR;
	case TYPESET_CANNOT_CREATE:
		return CLI_CANTCREAT;
	case TYPESET_IO_ERROR:
		return CLI_IOERR;
	case TYPESET_INTERNAL:
		break;
	}
	return CLI_SOFTWARE;
}

/*
 * packet and review: evaluate every file (a bad one is reported and left
 * out; the others go on), lay them out with the kind's stylesheet and
 * typeset the PDF.
 */
static int
render_files(struct cli *cli, const struct cli_command *c, int argc,
    char *argv[], enum present_kind kind)
{
	struct eval_opts	 o;
	struct present_entry	*entries = NULL;
	xmlDocPtr		 doc, checklist, layout = NULL;
	char			 created[32];
	size_t			 n = 0, j;
	int			 i, rc, worst = CLI_OK;

	memset(&o, 0, sizeof(o));
	o.prm.kind = "initial";
	if ((rc = parse_eval_options(c, argc, argv, ALLOW_RENDER |
	    ALLOW_TRACK, &o)) != -1)
		return rc;
	if (kind == PRESENT_PACKET && argc - optind > 1)
		return usage_error(c->name, "a packet is for one applicant: "
		    "give one file");
	if (o.output == NULL && o.emit == NULL)
		return usage_error(c->name, "-o FILE.pdf is required "
		    "('-o -' for standard output)");
	if (o.emit != NULL && strcmp(o.emit, "checklist") == 0 &&
	    argc - optind > 1)
		return usage_error(c->name, "--emit checklist writes one "
		    "checklist: give one file");
	if (document_date(&o, created, sizeof(created)) == -1)
		return CLI_USAGE;
	if (cli_load_evaluate(cli) == -1)
		return CLI_SOFTWARE;
	if ((entries = calloc((size_t)(argc - optind), sizeof(*entries))) ==
	    NULL)
		return CLI_SOFTWARE;

	for (i = optind; i < argc; i++) {
		if ((rc = evaluate_one(cli, argv[i], &o, &doc, &checklist)) !=
		    CLI_OK) {
			worst = cli_exit_worst(worst, rc);
			continue;
		}
		entries[n].source = strcmp(argv[i], "-") == 0 ? "<stdin>" :
		    argv[i];
		entries[n].portfolio = doc;
		entries[n].checklist = checklist;
		n++;
	}
	if (n == 0)
		goto out;
	if (o.emit != NULL && strcmp(o.emit, "checklist") == 0) {
		evaluate_write(cli->evaluate, entries[0].checklist, stdout);
		worst = flush_stdout(cli, worst);
		goto out;
	}
	if (cli->present == NULL &&
	    (cli->present = present_new(cli->datadir, &cli->diag)) == NULL) {
		worst = cli_exit_worst(worst, CLI_SOFTWARE);
		goto out;
	}
	if ((layout = present_run(cli->present, kind, entries, n, created,
	    &cli->diag)) == NULL) {
		worst = cli_exit_worst(worst, CLI_SOFTWARE);
		goto out;
	}
	if (o.emit != NULL) {
		present_write(cli->present, kind, layout, stdout);
		worst = flush_stdout(cli, worst);
		goto out;
	}
	if (cli->typeset == NULL && (cli->typeset =
	    typeset_new(cli->datadir->root, 0, &cli->diag)) == NULL) {
		worst = cli_exit_worst(worst, CLI_SOFTWARE);
		goto out;
	}
	worst = cli_exit_worst(worst, exit_of_typeset(typeset_render(
	    cli->typeset, layout, n == 1 ? entries[0].source : c->name,
	    o.paper, o.output, &cli->diag)));
out:
	xmlFreeDoc(layout);
	for (j = 0; j < n; j++) {
		xmlFreeDoc(entries[j].checklist);
		xmlFreeDoc(entries[j].portfolio);
	}
	free(entries);
	return worst;
}

static int
cmd_packet(struct cli *cli, int argc, char *argv[])
{
	return render_files(cli, command_find("packet"), argc, argv,
	    PRESENT_PACKET);
}

static int
cmd_review(struct cli *cli, int argc, char *argv[])
{
	return render_files(cli, command_find("review"), argc, argv,
	    PRESENT_REVIEW);
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
	typeset_free(cli.typeset);
	present_free(cli.present);
	evaluate_free(cli.evaluate);
	validate_free(cli.validate);
	catalog_free(cli.catalog);
	datadir_free(cli.datadir);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
