/*
 * cli: command line, subcommand table and exit status (see cli.h).
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxslt/xsltutils.h>

#include "batch.h"
#include "batch_roster.h"
#include "combined.h"
#include "catalog.h"
#include "cli.h"
#include "datadir.h"
#include "diag.h"
#include "export.h"
#include "import.h"
#include "isodate.h"
#include "pipeline.h"
#include "report.h"
#include "sheet.h"
#include "skeleton.h"
#include "xmlload.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

#define PROG	"endorse"

/* Longest piece of the command line or environment quoted in a message. */
#define QUOTE_MAX	64

/* What a subcommand run needs: the sink and the pipeline, loaded once. */
struct cli {
	struct diag	 diag;
	struct pipeline	*pipeline;
	const char	*cmd;		/* the command's name, for messages */
};

/*
 * Every option of every command, in one table: a command lists the ones
 * it takes (enum cli_opt bits), and one parser gives every command the
 * same messages.  A new option is a line here and a bit in a command.
 */
enum cli_opt {
	OPT_HELP,
	OPT_QUIET,
	OPT_OUTPUT,
	OPT_AS_OF,
	OPT_ASSOCIATION,
	OPT_TRACK,
	OPT_FORMAT,
	OPT_EMIT,
	OPT_YEAR,
	OPT_PAPER,
	OPT_OUTDIR,
	OPT_JOBS,
	OPT_FORCE,
	OPT_NAME,
	OPT_INTO,
	OPT_REVIEWERS,
	OPT_COMBINED,
	OPT__COUNT
};

#define OPT(x)	(1u << (x))

/* Long options are getopt values from here up; short ones are letters. */
#define LONG_BASE	256

static int	date_ok(const char *);
static int	year_ok(const char *);
static int	jobs_ok(const char *);
static int	reviewers_ok(const char *);

static const char *const formats[] = { "text", "xml", "summary", NULL };
static const char *const emit_stages[] = { "checklist", "layout", NULL };
static const char *const emit_checklist[] = { "checklist", NULL };
static const char *const papers[] = { "letter", "a4", NULL };

struct cli_option {
	const char		*name;		/* long name, without "--" */
	int			 letter;	/* short option, or 0 */
	const char		*wants;		/* the value; NULL: a flag */
	const char *const	*choices;	/* the values allowed, or NULL */
	int			(*check)(const char *);	/* or NULL */
};

static const struct cli_option options[OPT__COUNT] = {
	[OPT_HELP] =	{ "help", 'h', NULL, NULL, NULL },
	[OPT_QUIET] =	{ "quiet", 'q', NULL, NULL, NULL },
	[OPT_OUTPUT] =	{ "output", 'o', "a file name ('-': standard output)",
			  NULL, NULL },
	[OPT_AS_OF] =	{ "as-of", 0, "a date YYYY-MM-DD", NULL, date_ok },
	[OPT_ASSOCIATION] = { "association", 0, "an association code such "
			  "as WI-AIMH", NULL, NULL },
	[OPT_TRACK] =	{ "track", 0, "a track", NULL, NULL },
	[OPT_FORMAT] =	{ "format", 0, NULL, formats, NULL },
	[OPT_EMIT] =	{ "emit", 0, NULL, emit_stages, NULL },
	[OPT_YEAR] =	{ "year", 0, "a year such as 2025", NULL, year_ok },
	[OPT_PAPER] =	{ "paper", 0, NULL, papers, NULL },
	[OPT_OUTDIR] =	{ "output", 'o', "a directory", NULL, NULL },
	[OPT_JOBS] =	{ "jobs", 'j', "a number of workers from 1 to 64", NULL,
			  jobs_ok },
	[OPT_FORCE] =	{ "force", 0, NULL, NULL, NULL },
	[OPT_NAME] =	{ "name", 0, "the applicant's name", NULL, NULL },
	[OPT_INTO] =	{ "into", 0, "the portfolio the rows go into "
			  "(FILE.xml)", NULL, NULL },
	[OPT_REVIEWERS] = { "reviewers", 0, "a number of reviewer copies from 1 "
			  "to 9", NULL, reviewers_ok },
	[OPT_COMBINED] = { "combined", 0, NULL, NULL, NULL },
};

/* What the parser found: option values and the operands, in order. */
struct cli_args {
	const char	*value[OPT__COUNT];	/* NULL: not given; flags "" */
	char		**operand;
	int		 noperands;
};

struct cli_command {
	const char	*name;
	int		(*run)(struct cli *, const struct cli_command *,
			    struct cli_args *);
	unsigned	 opts;		/* OPT() bits */
	const char *const *emit;	/* the stages --emit may name */
	const char	*summary;
	const char	*usage;		/* after "endorse NAME " */
	const char	*help;		/* options and notes */
};

static int	cmd_validate(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_check(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_packet(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_renew(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_batch(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_new(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_export(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_import(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_associations(struct cli *, const struct cli_command *,
		    struct cli_args *);
static int	cmd_help(struct cli *, const struct cli_command *,
		    struct cli_args *);

#define EVAL_OPTS	(OPT(OPT_HELP) | OPT(OPT_AS_OF) | \
			 OPT(OPT_ASSOCIATION) | OPT(OPT_EMIT))
#define RENDER_OPTS	(EVAL_OPTS | OPT(OPT_TRACK) | OPT(OPT_OUTPUT) | \
			 OPT(OPT_PAPER))

static const struct cli_command commands[] = {
	{ "validate", cmd_validate, OPT(OPT_HELP) | OPT(OPT_QUIET), NULL,
	  "check that portfolios (and rule files) are well-formed and valid",
	  "[-q] FILE...",
	  "Check each portfolio (\"-\" is standard input) against the\n"
	  "portfolio schema, or each rule file against the rule-file format,\n"
	  "and print every problem as FILE:LINE:COL: error: MESSAGE on\n"
	  "standard error.\n"
	  "\n"
	  "  -q, --quiet   print nothing for valid files\n"
	  "  -h, --help    show this help\n"
	  "\n"
	  "Exit status: 0 all valid, 65 some input rejected, 66 an input\n"
	  "cannot be opened, 64 usage error.\n" },
	{ "check", cmd_check, EVAL_OPTS | OPT(OPT_QUIET) | OPT(OPT_TRACK) |
	  OPT(OPT_FORMAT), emit_checklist,
	  "evaluate portfolios against the requirements",
	  "[-q] [--as-of DATE] [--association CODE] [--track TRACK]\n"
	  "                     [--format text|xml|summary]\n"
	  "                     [--emit checklist] FILE...",
	  "Validate each portfolio, then evaluate it against its association's\n"
	  "Level IV requirements and print the checklist: one line per rule\n"
	  "(met, NOT MET, PENDING, review, n/a, advice), the overall result and\n"
	  "what is missing.  With several files a summary follows, one line\n"
	  "per applicant.\n"
	  "\n"
	  "  --as-of DATE        evaluate as of DATE (YYYY-MM-DD); default:\n"
	  "                      the day of SOURCE_DATE_EPOCH when set, else today\n"
	  "  --association CODE  evaluate against CODE's rules (such as WI-AIMH,\n"
	  "                      any case) instead of the portfolio's association;\n"
	  "                      'endorse associations' lists the codes\n"
	  "  --track TRACK       clinical, policy or research-faculty instead of\n"
	  "                      the portfolio's track\n"
	  "  --format FORMAT     text (default); xml, the checklist document\n"
	  "                      (one file only); summary, only the summary\n"
	  "  --emit checklist    the same as --format xml\n"
	  "  -q, --quiet         print nothing; the exit status tells\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Options may come before, between or after the files; '--' ends\n"
	  "them; '-' is standard input.\n"
	  "\n"
	  "Exit status: 0 ready for committee, 1 not ready, 2 needs committee\n"
	  "review (with several files: 1 if any is not ready, else 2 if any\n"
	  "needs review); 65 some input rejected, 66 an input cannot be opened,\n"
	  "64 usage error, 74 write error.\n" },
	{ "renew", cmd_renew, EVAL_OPTS | OPT(OPT_QUIET) | OPT(OPT_FORMAT) |
	  OPT(OPT_YEAR) | OPT(OPT_OUTPUT) | OPT(OPT_PAPER), emit_stages,
	  "evaluate one year of continuing endorsement",
	  "--year YYYY [-q] [--as-of DATE] [--association CODE]\n"
	  "                     [--format text|xml|summary]\n"
	  "                     [--emit checklist] FILE...\n"
	  "       endorse renew --year YYYY -o OUT.pdf [--paper letter|a4]\n"
	  "                     [--emit checklist|layout] [OPTION]... FILE",
	  "Evaluate the renewal rules (REN-*) for one calendar year, from the\n"
	  "portfolio's renewals section.  With -o, print the endorsee's\n"
	  "continuing-endorsement statement for the year (PDF) instead.\n"
	  "\n"
	  "  --year YYYY         the calendar year (required)\n"
	  "  -o, --output FILE   write the statement to FILE (one portfolio)\n"
	  "  --paper PAPER       letter (default) or a4, for the statement\n"
	  "  --emit layout       the statement's layout document instead\n"
	  "  --as-of, --association, --format, --emit checklist, -q\n"
	  "                      as for 'endorse check'\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status as for 'endorse check'; with -o as for 'endorse packet'.\n"
	  "--year is required.\n" },
	{ "packet", cmd_packet, RENDER_OPTS, emit_stages,
	  "print an applicant's application packet (PDF)",
	  "-o OUT.pdf [--as-of DATE] [--association CODE] [--track TRACK]\n"
	  "                     [--paper letter|a4] [--emit checklist|layout] FILE",
	  "Evaluate one portfolio and print its application packet and\n"
	  "portfolio summary: a cover block with the overall result, the\n"
	  "checklist summary, one section per part of the portfolio and what\n"
	  "is missing before the applicant submits.\n"
	  "\n"
	  "  -o, --output FILE   write to FILE ('-': standard output); nothing\n"
	  "                      is left behind when it fails, and FILE may not\n"
	  "                      be one of the inputs\n"
	  "  --paper PAPER       letter (default) or a4\n"
	  "  --emit STAGE        write the checklist or the layout document\n"
	  "                      instead of the PDF (to -o FILE when given,\n"
	  "                      else to standard output)\n"
	  "  --as-of, --association, --track   as for 'endorse check'\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status: 0 written; 65 input rejected, 66 input cannot be\n"
	  "opened, 73 output cannot be created, 74 write error, 64 usage.\n" },
	{ "review", cmd_packet, RENDER_OPTS | OPT(OPT_REVIEWERS), emit_stages,
	  "print the committee's review checklist for applicants (PDF)",
	  "-o OUT.pdf [--as-of DATE] [--association CODE] [--track TRACK]\n"
	  "                     [--paper letter|a4] [--reviewers N]\n"
	  "                     [--emit checklist|layout] FILE...",
	  "Evaluate each portfolio and print the committee's review checklist,\n"
	  "one applicant after another: every rule's computed verdict with its\n"
	  "evidence and agree/disagree boxes, the items for the committee's\n"
	  "judgement, a recommendation and two reviewers' signatures.  A\n"
	  "portfolio that cannot be read or evaluated is reported and left\n"
	  "out; the others are printed.  --emit checklist takes one file.\n"
	  "\n"
	  "  --reviewers N       N copies for N reviewers, 1 to 9 (default 2)\n"
	  "\n"
	  "Other options and exit status as for 'endorse packet'.\n" },
	{ "batch", cmd_batch, OPT(OPT_HELP) | OPT(OPT_QUIET) | OPT(OPT_AS_OF) |
	  OPT(OPT_ASSOCIATION) | OPT(OPT_TRACK) | OPT(OPT_PAPER) |
	  OPT(OPT_OUTDIR) | OPT(OPT_JOBS) | OPT(OPT_FORCE) | OPT(OPT_REVIEWERS) |
	  OPT(OPT_COMBINED), NULL,
	  "check and print a season of applicants into a directory",
	  "-o OUTDIR [-j N] [-q] [--force] [--combined] [--as-of DATE]\n"
	  "                     [--association CODE] [--track TRACK]\n"
	  "                     [--paper letter|a4] [--reviewers N] INPUT...",
	  "Evaluate every portfolio (INPUT: files, and directories searched for\n"
	  "*.xml) in worker processes and write, per applicant, OUTDIR/NAME.\n"
	  "checklist.xml, NAME.packet.pdf and NAME.review.pdf (NAME from the\n"
	  "file name), then OUTDIR/roster.csv and OUTDIR/roster.pdf for the\n"
	  "chair.  A re-run redoes only the applicants whose portfolio, rules,\n"
	  "stylesheets, fonts or options changed (OUTDIR/manifest.txt).  With\n"
	  "--combined, also OUTDIR/review-all.pdf: an index of the applicants,\n"
	  "then every review checklist, each numbered on its own.\n"
	  "\n"
	  "  -o, --output DIR    the output directory (made when missing)\n"
	  "  -j, --jobs N        worker processes (default: the processors)\n"
	  "  --force             redo every applicant\n"
	  "  --combined          also write every review into review-all.pdf\n"
	  "  -q, --quiet         no progress and no summary line\n"
	  "  --as-of, --association, --track, --paper   as for 'endorse packet'\n"
	  "  --reviewers N       as for 'endorse review'\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status: the worst over all applicants, as for 'endorse check'\n"
	  "(0, 2, 1), then 65 some input rejected, 66 an input cannot be\n"
	  "opened, 73 an output cannot be written, 70 a worker died or hit a\n"
	  "limit; 64 usage error.\n" },
	{ "new", cmd_new, OPT(OPT_HELP) | OPT(OPT_ASSOCIATION) |
	  OPT(OPT_TRACK) | OPT(OPT_NAME) | OPT(OPT_OUTPUT), NULL,
	  "start a portfolio: every section, ready to fill in",
	  "--association CODE --track TRACK [--name NAME] -o FILE.xml",
	  "Write a new Level IV portfolio for the association and track that\n"
	  "validates: every section in the format's order, each with a comment\n"
	  "saying what goes there and which of the association's rules read it,\n"
	  "and a commented example of each kind of entry.  Built from the\n"
	  "schema and the rule file, so it follows them when they change.\n"
	  "'endorse check' on it says what is missing.\n"
	  "\n"
	  "  --association CODE  the association (such as OK-AIMH, any case);\n"
	  "                      'endorse associations' lists the codes\n"
	  "  --track TRACK       clinical, policy or research-faculty\n"
	  "  --name NAME         the applicant's name (default: a placeholder)\n"
	  "  -o, --output FILE   write to FILE ('-': standard output)\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status: 0 written; 65 the name cannot be used or the rule\n"
	  "file has no such track or no rules in effect, 73 output cannot\n"
	  "be created, 74 write error, 64 usage.\n" },
	{ "export", cmd_export, OPT(OPT_HELP) | OPT(OPT_OUTPUT), NULL,
	  "write a portfolio's repeated parts as CSV files",
	  "-o DIR FILE.xml",
	  "Write training.csv, sessions.csv, positions.csv, leadership.csv,\n"
	  "people.csv and references.csv into DIR (made when missing): a\n"
	  "header row of the columns schemas/README.md documents, then one\n"
	  "row per course, session, position, activity, person or rating.\n"
	  "UTF-8 with a byte order mark, CRLF, commas: what spreadsheets open.\n"
	  "\n"
	  "  -o, --output DIR    the directory the CSV files go to\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status: 0 written; 65 input rejected, 66 input cannot be\n"
	  "opened, 73 output cannot be created, 74 write error, 64 usage.\n" },
	{ "import", cmd_import, OPT(OPT_HELP) | OPT(OPT_INTO) |
	  OPT(OPT_OUTPUT), NULL,
	  "replace a portfolio's repeated parts with CSV files",
	  "--into FILE.xml -o OUT.xml FILE.csv...",
	  "Replace the rows of each kind in FILE.xml with the rows of its CSV\n"
	  "file (the kind from the file name, such as training.csv, or else\n"
	  "from the header row), validate the result and write it to OUT.xml.\n"
	  "Spreadsheets' files are read as they are saved: UTF-8 with or\n"
	  "without a byte order mark, CRLF, quoted cells, ',' or ';', columns\n"
	  "in any order, header names in any case.  Dates are YYYY-MM-DD;\n"
	  "people are named by id or, with the id empty, by name.  Every bad\n"
	  "cell is reported as FILE.csv:ROW:COL, and then nothing is written.\n"
	  "\n"
	  "  --into FILE.xml     the portfolio the rows go into\n"
	  "  -o, --output FILE   write to FILE ('-': standard output); FILE may\n"
	  "                      not be one of the inputs\n"
	  "  -h, --help          show this help\n"
	  "\n"
	  "Exit status: 0 written; 65 a bad cell or an invalid portfolio, 66\n"
	  "an input cannot be opened, 73 output cannot be created, 74 write\n"
	  "error, 64 usage.\n" },
	{ "associations", cmd_associations, OPT(OPT_HELP), NULL,
	  "list the associations endorse has rules for",
	  "",
	  "One line per rule set found, in the shipped rule files and in the\n"
	  "directories of ENDORSE_RULES_PATH: the association's code, its name,\n"
	  "the kind of endorsement (initial or renewal), the level, the tracks,\n"
	  "the date the rules take effect and the file.  A rule file that\n"
	  "cannot be used is reported on standard error and left out.\n"
	  "\n"
	  "  -h, --help          show this help\n" },
	{ "help", cmd_help, OPT(OPT_HELP), NULL,
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

static int
exit_of(enum pipeline_status st)
{
	switch (st) {
	case PIPELINE_OK:
		return CLI_OK;
	case PIPELINE_CANNOT_OPEN:
		return CLI_NOINPUT;
	case PIPELINE_REJECTED:
		return CLI_DATAERR;
	case PIPELINE_CANNOT_CREATE:
		return CLI_CANTCREAT;
	case PIPELINE_IO_ERROR:
		return CLI_IOERR;
	case PIPELINE_INTERNAL:
		break;
	}
	return CLI_SOFTWARE;
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

/*
 * Edit distance (optimal string alignment: insertions, deletions,
 * substitutions and swaps of neighbours) between short words, for "did
 * you mean".  Words longer than 63 bytes are far from everything.
 */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, cost, v;
	size_t	d[64][64];

	if (la >= 64 || lb >= 64)
		return SIZE_MAX;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			cost = a[i - 1] == b[j - 1] ? 0 : 1;
			v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

/*
 * The candidate closest to what was typed, or NULL when none is close: a
 * unique prefix, or at most two edits (one for words of up to four
 * letters) away.
 */
static const char *
closest(const char *typed, const char *const *cand, size_t n)
{
	const char	*best = NULL;
	size_t		 i, dist, best_dist = SIZE_MAX, len = strlen(typed);
	size_t		 prefixes = 0, limit = len <= 4 ? 1 : 2;

	if (len == 0)
		return NULL;
	for (i = 0; i < n; i++)
		if (strncmp(cand[i], typed, len) == 0) {
			prefixes++;
			best = cand[i];
		}
	if (prefixes == 1)
		return best;
	best = NULL;
	for (i = 0; i < n; i++)
		if ((dist = edit_distance(typed, cand[i])) < best_dist) {
			best_dist = dist;
			best = cand[i];
		}
	return best_dist <= limit ? best : NULL;
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

static const char *
command_closest(const char *typed)
{
	const char	*names[NCOMMANDS];
	size_t		 i;

	for (i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	return closest(typed, names, NCOMMANDS);
}

/*
 * A usage error: one line on stderr through the escaping sink, naming
 * the command; with a suggestion when there is one, else a pointer to
 * the command's help.
 */
static int
usage_error(struct cli *cli, const char *suggest, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
usage_error(struct cli *cli, const char *suggest, const char *fmt, ...)
{
	va_list	 ap;
	char	*what = NULL;

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		what = NULL;
	va_end(ap);
	if (suggest != NULL)
		diag_note(&cli->diag, "%s%s%s; did you mean '%s'?",
		    cli->cmd ? cli->cmd : "", cli->cmd ? ": " : "",
		    what ? what : fmt, suggest);
	else
		diag_note(&cli->diag, "%s%s%s; see '%s help%s%s'",
		    cli->cmd ? cli->cmd : "", cli->cmd ? ": " : "",
		    what ? what : fmt, PROG, cli->cmd ? " " : "",
		    cli->cmd ? cli->cmd : "");
	free(what);
	return CLI_USAGE;
}

/* s cut for quoting in a message. */
static const char *
quote(const char *s, char *buf, size_t bufsz)
{
	return diag_clip(s, QUOTE_MAX, buf, bufsz);
}

/* "a, b or c" from a NULL-terminated list, into buf. */
static const char *
join_or(const char *const *list, const char *pre, char *buf, size_t bufsz)
{
	size_t	n = 0, i, len = 0;

	while (list[n] != NULL)
		n++;
	snprintf(buf, bufsz, "%s", n == 0 ? "nothing (there is none)" : "");
	for (i = 0; i < n && len < bufsz; i++)
		len += (size_t)snprintf(buf + len, bufsz - len, "%s%s%s",
		    i == 0 ? "" : i + 1 == n ? " or " : ", ", pre, list[i]);
	return buf;
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

/* What option id wants, in words: "a date YYYY-MM-DD", "letter or a4". */
static const char *
option_wants(int id, char *buf, size_t bufsz)
{
	if (options[id].choices != NULL)
		return join_or(options[id].choices, "", buf, bufsz);
	return options[id].wants != NULL ? options[id].wants : "no value";
}

/* A usage error for an option's value: "--paper wants letter or a4". */
static int
bad_value(struct cli *cli, int id, const char *wants, const char *got)
{
	char	q[QUOTE_MAX + 8];

	return usage_error(cli, NULL, "--%s wants %s, not '%s'",
	    options[id].name, wants, quote(got, q, sizeof(q)));
}

/*
 * Whether track is one the rule files declare: the association's when
 * one is given, else any association's.  The tracks are data (each rule
 * file lists its own), so a new track is a rule file's change, not this
 * program's.  Returns 1 when it is known; else 0 with list set to the
 * known tracks in words ("clinical, policy or research-faculty").
 */
#define MAX_TRACKS	32
static int
track_known(const struct catalog *cat, const struct catalog_entry *only,
    const char *track, char *list, size_t listsz)
{
	const char	*names[MAX_TRACKS + 1];
	char		*all[MAX_TRACKS];
	char		**words, **w;
	size_t		 i, j, k, n = 0;
	int		 found = 0;

	for (i = 0; i < cat->count; i++) {
		if (only != NULL && &cat->entries[i] != only)
			continue;
		for (j = 0; j < cat->entries[i].nrulesets; j++) {
			words = g_strsplit(cat->entries[i].rulesets[j].tracks,
			    ",", -1);
			for (w = words; *w != NULL; w++) {
				if (**w == '\0')
					continue;
				if (strcmp(*w, track) == 0)
					found = 1;
				for (k = 0; k < n && strcmp(all[k], *w) != 0;
				    k++)
					;
				if (k == n && n < MAX_TRACKS)
					all[n++] = g_strdup(*w);
			}
			g_strfreev(words);
		}
	}
	for (k = 0; k < n; k++)
		names[k] = all[k];
	names[n] = NULL;
	join_or(names, "", list, listsz);
	for (k = 0; k < n; k++)
		g_free(all[k]);
	return found;
}

/* A calendar date YYYY-MM-DD between 1900 and 2199 that exists. */
static int
date_ok(const char *s)
{
	return isodate_valid(s, 1900, 2199);
}

static int
jobs_ok(const char *s)
{
	return strlen(s) <= 2 && strspn(s, "0123456789") == strlen(s) &&
	    atoi(s) >= 1 && atoi(s) <= BATCH_MAX_JOBS;
}

static int
reviewers_ok(const char *s)
{
	return strlen(s) == 1 && s[0] >= '1' && s[0] <= '9';
}

static int
year_ok(const char *s)
{
	return strlen(s) == 4 && strspn(s, "0123456789") == 4 &&
	    atoi(s) >= 1900 && atoi(s) <= 2199;
}

/* The commands other than c that take option id: "packet, review". */
static const char *
commands_with(int id, char *buf, size_t bufsz)
{
	size_t	i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < NCOMMANDS && len < bufsz; i++)
		if (commands[i].opts & OPT(id))
			len += (size_t)snprintf(buf + len, bufsz - len,
			    "%s%s", len > 0 ? ", " : "", commands[i].name);
	return buf;
}

/* The option a long name (or an unambiguous prefix of it) names, or -1. */
static int
option_by_name(const char *name, size_t len, unsigned among)
{
	int	id, found = -1, n = 0;

	for (id = 0; id < OPT__COUNT; id++) {
		if (!(among & OPT(id)) || strncmp(options[id].name, name,
		    len) != 0)
			continue;
		if (strlen(options[id].name) == len)
			return id;
		found = id;
		n++;
	}
	return n == 1 ? found : -1;
}

static int
option_by_letter(int letter, unsigned among)
{
	int	id;

	for (id = 0; id < OPT__COUNT; id++)
		if ((among & OPT(id)) && options[id].letter == letter)
			return id;
	return -1;
}

/* An unknown or ambiguous long option: say which, and what is close. */
static int
long_option_error(struct cli *cli, const struct cli_command *c,
    const char *arg)
{
	const char	*name = arg + 2, *cand[OPT__COUNT], *best;
	const char	*match[OPT__COUNT + 1];
	char		 q[QUOTE_MAX + 8], list[256], where[128];
	size_t		 len = strcspn(name, "="), ncand = 0, nmatch = 0;
	int		 id;

	for (id = 0; id < OPT__COUNT; id++) {
		if (!(c->opts & OPT(id)))
			continue;
		cand[ncand++] = options[id].name;
		if (len > 0 && strncmp(options[id].name, name, len) == 0) {
			match[nmatch++] = options[id].name;
		}
	}
	match[nmatch] = NULL;
	if (nmatch > 1)
		return usage_error(cli, NULL, "option '--%.*s' is ambiguous: "
		    "%s?", (int)(len < QUOTE_MAX ? len : QUOTE_MAX), name,
		    join_or(match, "--", list, sizeof(list)));
	if (len > 0 && (id = option_by_name(name, len, ~0u)) != -1)
		return usage_error(cli, NULL, "'--%s' is not an option of "
		    "this command (it is one of %s)", options[id].name,
		    commands_with(id, where, sizeof(where)));
	{
		char	typed[QUOTE_MAX + 1];

		snprintf(typed, sizeof(typed), "%.*s",
		    (int)(len < QUOTE_MAX ? len : QUOTE_MAX), name);
		best = closest(typed, cand, ncand);
		if (best != NULL) {
			snprintf(list, sizeof(list), "--%s", best);
			return usage_error(cli, list, "unknown option '%s'",
			    quote(arg, q, sizeof(q)));
		}
	}
	return usage_error(cli, NULL, "unknown option '%s'",
	    quote(arg, q, sizeof(q)));
}

static void
usage_main(struct cli *cli, FILE *out)
{
	const struct catalog	*cat;
	size_t			 i;

	fprintf(out, "usage: %s COMMAND [OPTION]... [FILE]...\n"
	    "       %s --help | -V | --version\n\n"
	    "Check infant mental health endorsement portfolios against an\n"
	    "association's requirements and print them.\n\n"
	    "Commands:\n", PROG, PROG);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-13s %s\n", commands[i].name,
		    commands[i].summary);
	if (cli != NULL && cli->pipeline != NULL) {
		cat = pipeline_catalog(cli->pipeline);
		fputs("\nAssociations with rules (see 'endorse associations'):\n",
		    out);
		for (i = 0; i < cat->count; i++) {
			fputs("  ", out);
			diag_escape(out, cat->entries[i].association, 0);
			fputs("  ", out);
			diag_escape(out, cat->entries[i].name, 0);
			fputc('\n', out);
		}
	}
	fprintf(out, "\nRun '%s help COMMAND' for one command's options; "
	    "see also endorse(1).\n", PROG);
}

static void
usage_command(const struct cli_command *c, FILE *out)
{
	fprintf(out, "usage: %s %s%s%s\n", PROG, c->name,
	    c->usage[0] != '\0' ? " " : "", c->usage);
	if (c->help[0] != '\0')
		fprintf(out, "\n%s", c->help);
}

/*
 * Parse a command's options wherever they are (GNU argument permutation:
 * before, between or after the operands; "--" ends them; "-" is an
 * operand).  Returns -1 to go on, or the exit status (help shown, or a
 * usage error, one line naming the option).
 */
static int
cli_parse(struct cli *cli, const struct cli_command *c, int argc,
    char *argv[], struct cli_args *a)
{
	struct option	 lo[OPT__COUNT + 1];
	char		 shortopts[3 + 2 * OPT__COUNT + 1], q[QUOTE_MAX + 8];
	char		 wants[128], where[128];
	size_t		 ns = 0, nl = 0;
	int		 id, ch;

	memset(a, 0, sizeof(*a));
	if ((a->operand = calloc((size_t)argc + 1, sizeof(char *))) == NULL)
		return CLI_SOFTWARE;
	/* '-': operands come back in order, as 1; ':': missing value. */
	shortopts[ns++] = '-';
	shortopts[ns++] = ':';
	for (id = 0; id < OPT__COUNT; id++) {
		if (!(c->opts & OPT(id)))
			continue;
		lo[nl].name = options[id].name;
		lo[nl].has_arg = options[id].wants != NULL ||
		    options[id].choices != NULL ? required_argument :
		    no_argument;
		lo[nl].flag = NULL;
		lo[nl].val = LONG_BASE + id;
		nl++;
		if (options[id].letter != 0) {
			shortopts[ns++] = (char)options[id].letter;
			if (lo[nl - 1].has_arg == required_argument)
				shortopts[ns++] = ':';
		}
	}
	shortopts[ns] = '\0';
	memset(&lo[nl], 0, sizeof(lo[nl]));

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, shortopts, lo, NULL)) != -1) {
		if (ch == 1) {
			a->operand[a->noperands++] = optarg;
			continue;
		}
		if (ch == ':') {
			id = optopt >= LONG_BASE ? optopt - LONG_BASE :
			    option_by_letter(optopt, c->opts);
			if (id < 0)
				return usage_error(cli, NULL, "an option "
				    "needs a value");
			if (optopt >= LONG_BASE)
				return usage_error(cli, NULL, "option '--%s' "
				    "needs a value: %s", options[id].name,
				    option_wants(id, wants, sizeof(wants)));
			return usage_error(cli, NULL, "option '-%c' needs a "
			    "value: %s", optopt, option_wants(id, wants,
			    sizeof(wants)));
		}
		if (ch == '?') {
			if (optopt >= LONG_BASE)
				return usage_error(cli, NULL, "option '--%s' "
				    "takes no value", options[optopt -
				    LONG_BASE].name);
			if (optopt != 0) {
				if ((id = option_by_letter(optopt, ~0u)) != -1)
					return usage_error(cli, NULL, "'-%c' "
					    "is not an option of this command "
					    "(it is one of %s)", optopt,
					    commands_with(id, where,
					    sizeof(where)));
				if (optopt > ' ' && optopt < 0x7f)
					return usage_error(cli, NULL,
					    "unknown option '-%c'", optopt);
				return usage_error(cli, NULL, "unknown "
				    "option '-\\x%02X'",
				    (unsigned)(unsigned char)optopt);
			}
			if (optind >= 1 && optind <= argc &&
			    strncmp(argv[optind - 1], "--", 2) == 0)
				return long_option_error(cli, c,
				    argv[optind - 1]);
			return usage_error(cli, NULL, "unknown option '%s'",
			    quote(argv[optind - 1], q, sizeof(q)));
		}
		id = ch >= LONG_BASE ? ch - LONG_BASE :
		    option_by_letter(ch, c->opts);
		if (id < 0 || id >= OPT__COUNT)
			return usage_error(cli, NULL, "bad option");
		if (id == OPT_HELP) {
			usage_command(c, stdout);
			return CLI_OK;
		}
		if (optarg == NULL) {
			a->value[id] = "";
			continue;
		}
		if (id == OPT_EMIT && c->emit != NULL) {
			if (list_index(optarg, c->emit) == -1)
				return bad_value(cli, id, join_or(c->emit, "",
				    wants, sizeof(wants)), optarg);
		} else if (options[id].choices != NULL &&
		    list_index(optarg, options[id].choices) == -1)
			return bad_value(cli, id, option_wants(id, wants,
			    sizeof(wants)), optarg);
		if (options[id].check != NULL && !options[id].check(optarg))
			return bad_value(cli, id, options[id].wants, optarg);
		a->value[id] = optarg;
	}
	while (optind < argc)
		a->operand[a->noperands++] = argv[optind++];
	return -1;
}

static void
cli_args_free(struct cli_args *a)
{
	free(a->operand);
	a->operand = NULL;
}

/* How a file is called in messages: "-" is "<stdin>". */
static const char *
input_name(const char *arg)
{
	return strcmp(arg, "-") == 0 ? "<stdin>" : arg;
}

/* Load the pipeline's stages; a failure was reported and is ours (70). */
static int
cli_load(struct cli *cli, unsigned stages)
{
	if (cli->pipeline == NULL &&
	    (cli->pipeline = pipeline_new(&cli->diag)) == NULL)
		return -1;
	if (stages != 0 &&
	    pipeline_load(cli->pipeline, stages, &cli->diag) == -1)
		return -1;
	return 0;
}

/*
 * Refuse an output that is one of the inputs, before anything is read or
 * written (SECURITY.md rule 14): the same file, however it is named
 * (another path, a symbolic link, "-" redirected from it).
 */
static int
output_is_input(struct cli *cli, const char *out, char *const *in, int n)
{
	struct stat	 so, si;
	int		 i, rc;

	if (out == NULL || strcmp(out, "-") == 0 || stat(out, &so) == -1 ||
	    S_ISCHR(so.st_mode) || S_ISFIFO(so.st_mode))
		return 0;
	for (i = 0; i < n; i++) {
		rc = strcmp(in[i], "-") == 0 ? fstat(STDIN_FILENO, &si) :
		    stat(in[i], &si);
		if (rc == 0 && si.st_dev == so.st_dev &&
		    si.st_ino == so.st_ino) {
			usage_error(cli, NULL, "the output '%s' is the input "
			    "'%s': choose another output file", out,
			    input_name(in[i]));
			return 1;
		}
	}
	return 0;
}

/*
 * SOURCE_DATE_EPOCH as UTC time: 1 and *tm set, 0 when it is not set,
 * -1 after a message when it is not a number of seconds.
 */
static int
source_date_epoch(struct cli *cli, struct tm *tm)
{
	const char	*sde = getenv("SOURCE_DATE_EPOCH");
	time_t		 t;
	char		*end, q[QUOTE_MAX + 8];
	long long	 v;

	if (sde == NULL || *sde == '\0')
		return 0;
	v = strtoll(sde, &end, 10);
	if (*end != '\0' || v < 0 || v > 7258118399LL) {
		diag_note(&cli->diag, "SOURCE_DATE_EPOCH is not a number of "
		    "seconds: '%s'", quote(sde, q, sizeof(q)));
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
default_as_of(struct cli *cli, char *buf, size_t bufsz)
{
	struct tm	 tm;
	time_t		 t;
	int		 rc;

	if ((rc = source_date_epoch(cli, &tm)) == -1)
		return -1;
	if (rc == 0) {
		t = time(NULL);
		if (localtime_r(&t, &tm) == NULL)
			return -1;
	}
	return strftime(buf, bufsz, "%Y-%m-%d", &tm) > 0 ? 0 : -1;
}

/*
 * The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds),
 * else the evaluation date, so that the same portfolio and date give the
 * same bytes.
 */
static int
document_date(struct cli *cli, const char *as_of, char *buf, size_t bufsz)
{
	struct tm	tm;
	int		rc;

	if ((rc = source_date_epoch(cli, &tm)) == -1)
		return -1;
	if (rc == 0) {
		snprintf(buf, bufsz, "%s", as_of);
		return 0;
	}
	return strftime(buf, bufsz, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0 ? 0 : -1;
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

/* The terminal's width when out is one, else 0 (never wrap). */
static int
terminal_width(FILE *out)
{
	struct winsize	 ws;
	const char	*cols;

	if (!isatty(fileno(out)))
		return 0;
	if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((cols = getenv("COLUMNS")) != NULL && atoi(cols) > 0)
		return atoi(cols);
	return 80;
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

/*
 * The evaluation parameters every evaluating command shares: the date
 * (default from SOURCE_DATE_EPOCH or today) and the association, matched
 * against the catalog without regard to case.  Returns -1 to go on, or
 * the exit status.
 */
static int
eval_params(struct cli *cli, const struct cli_args *a,
    struct evaluate_params *prm, char *today, size_t todaysz)
{
	const struct catalog_entry	*e = NULL;
	const struct catalog		*cat;
	char				 codes[512];

	memset(prm, 0, sizeof(*prm));
	prm->kind = "initial";
	prm->track = a->value[OPT_TRACK];
	prm->year = a->value[OPT_YEAR];
	if ((prm->as_of = a->value[OPT_AS_OF]) == NULL) {
		if (default_as_of(cli, today, todaysz) == -1)
			return CLI_USAGE;
		prm->as_of = today;
	}
	if (cli_load(cli, 0) == -1)
		return CLI_SOFTWARE;
	if (a->value[OPT_ASSOCIATION] != NULL) {
		cat = pipeline_catalog(cli->pipeline);
		if ((e = catalog_find(cat, a->value[OPT_ASSOCIATION])) ==
		    NULL)
			return bad_value(cli, OPT_ASSOCIATION,
			    join_or(cat->codes, "", codes, sizeof(codes)),
			    a->value[OPT_ASSOCIATION]);
		prm->association = e->association;
	}
	if (prm->track != NULL && !track_known(pipeline_catalog(
	    cli->pipeline), e, prm->track, codes, sizeof(codes)))
		return bad_value(cli, OPT_TRACK, codes, prm->track);
	return -1;
}

/*
 * Check one document validate read.  Portfolios are checked against the
 * portfolio schema; another kind of document endorse reads (such as a
 * rule file) is recognised here by its root element and handed to its
 * own checker.
 */
static enum pipeline_status
validate_document(struct cli *cli, xmlDocPtr doc, const char *name)
{
	if (pipeline_is_rule_file(doc))
		return pipeline_check_rules(cli->pipeline, doc, name,
		    &cli->diag);
	return pipeline_validate(cli->pipeline, doc, name, &cli->diag);
}

static int
cmd_validate(struct cli *cli, const struct cli_command *c,
    struct cli_args *a)
{
	enum xmlload_status	 status;
	enum pipeline_status	 st;
	xmlDocPtr		 doc;
	const char		*name;
	int			 i, worst = CLI_OK;

	(void)c;
	if (a->noperands == 0)
		return usage_error(cli, NULL, "no input files");
	if (cli_load(cli, PIPELINE_VALIDATE) == -1)
		return CLI_SOFTWARE;
	for (i = 0; i < a->noperands; i++) {
		name = input_name(a->operand[i]);
		doc = xmlload_file(a->operand[i], name, &cli->diag, &status);
		if (doc == NULL) {
			worst = cli_exit_worst(worst,
			    status == XMLLOAD_CANNOT_OPEN ? CLI_NOINPUT :
			    CLI_DATAERR);
			continue;
		}
		if ((st = validate_document(cli, doc, name)) == PIPELINE_OK) {
			if (a->value[OPT_QUIET] == NULL) {
				diag_escape(stdout, name, 0);
				fputs(": valid\n", stdout);
			}
		} else
			worst = cli_exit_worst(worst, exit_of(st));
		xmlFreeDoc(doc);
	}
	return flush_stdout(cli, worst);
}

/* Read, validate and evaluate one file: CLI_OK and the two documents. */
static int
check_one(struct cli *cli, const char *arg, const struct evaluate_params *prm,
    xmlDocPtr *doc, xmlDocPtr *checklist)
{
	enum pipeline_status	 st;
	const char		*name = input_name(arg);

	*checklist = NULL;
	if ((st = pipeline_read(cli->pipeline, arg, name, doc,
	    &cli->diag)) != PIPELINE_OK)
		return exit_of(st);
	if ((st = pipeline_evaluate(cli->pipeline, *doc, name, prm,
	    checklist, &cli->diag)) != PIPELINE_OK) {
		xmlFreeDoc(*doc);
		*doc = NULL;
		return exit_of(st);
	}
	return CLI_OK;
}

/* check and renew: the same pipeline, initial or renewal rules. */
static int
cmd_check(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	struct evaluate_params	 prm;
	struct report_summary	*sum = NULL;
	xmlDocPtr		 doc, checklist;
	const char		*format = a->value[OPT_FORMAT];
	char			 today[16];
	int			 i, rc, colour, width, quiet, worst = CLI_OK;
	int			 renewal = strcmp(c->name, "renew") == 0;

	if (a->value[OPT_EMIT] != NULL)
		format = "xml";	/* --emit checklist */
	if (format == NULL)
		format = "text";
	quiet = a->value[OPT_QUIET] != NULL;
	if (renewal && a->value[OPT_YEAR] == NULL)
		return usage_error(cli, NULL, "--year YYYY is required");
	if (a->noperands == 0)
		return usage_error(cli, NULL, "no input files");
	if (strcmp(format, "xml") == 0 && a->noperands > 1 && !quiet)
		return usage_error(cli, NULL, "--format xml writes one "
		    "checklist: give one file");
	if ((rc = eval_params(cli, a, &prm, today, sizeof(today))) != -1)
		return rc;
	if (renewal)
		prm.kind = "renewal";
	if (cli_load(cli, PIPELINE_EVALUATE) == -1)
		return CLI_SOFTWARE;
	colour = want_colour(stdout);
	width = terminal_width(stdout);
	if (!quiet && (strcmp(format, "summary") == 0 ||
	    (strcmp(format, "text") == 0 && a->noperands > 1)) &&
	    (sum = report_summary_new()) == NULL)
		return CLI_SOFTWARE;

	for (i = 0; i < a->noperands; i++) {
		const char	*name = input_name(a->operand[i]);

		if ((rc = check_one(cli, a->operand[i], &prm, &doc,
		    &checklist)) != CLI_OK) {
			worst = cli_exit_worst(worst, rc);
			if (sum != NULL && report_summary_add_failed(sum, name,
			    rc == CLI_NOINPUT ? "cannot be opened" :
			    rc == CLI_DATAERR ? "rejected" : "failed") == -1)
				worst = cli_exit_worst(worst, CLI_SOFTWARE);
			continue;
		}
		worst = cli_exit_worst(worst,
		    exit_of_result(evaluate_result(checklist)));
		if (sum != NULL && report_summary_add(sum, checklist,
		    name) == -1)
			worst = cli_exit_worst(worst, CLI_SOFTWARE);
		if (!quiet && strcmp(format, "xml") == 0) {
			char	*buf;
			size_t	 len;

			if (pipeline_checklist_bytes(cli->pipeline, checklist,
			    &buf, &len) == PIPELINE_OK) {
				fwrite(buf, 1, len, stdout);
				free(buf);
			} else
				worst = cli_exit_worst(worst, CLI_SOFTWARE);
		} else if (!quiet && strcmp(format, "text") == 0)
			report_text(checklist, name, colour, width, stdout);
		xmlFreeDoc(checklist);
		xmlFreeDoc(doc);
	}
	if (sum != NULL) {
		if (strcmp(format, "text") == 0)
			fputs("Summary:\n", stdout);
		report_summary_write(sum, width, stdout);
		report_summary_free(sum);
	}
	return flush_stdout(cli, worst);
}

/* Write an emitted stage to -o FILE, else to standard output. */
static int
emit_bytes(struct cli *cli, const char *out, const char *buf, size_t len)
{
	if (out != NULL)
		return exit_of(pipeline_save(out, buf, len, &cli->diag));
	fwrite(buf, 1, len, stdout);
	return flush_stdout(cli, CLI_OK);
}

/*
 * packet and review: evaluate every file (a bad one is reported and left
 * out; the others go on), lay them out with the kind's stylesheet and
 * typeset the PDF.
 */
/* renew: the text or XML checklist, or with -o the statement (PDF). */
static int
cmd_renew(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	const char	*emit = a->value[OPT_EMIT];

	if (a->value[OPT_OUTPUT] != NULL ||
	    (emit != NULL && strcmp(emit, "layout") == 0)) {
		if (a->value[OPT_FORMAT] != NULL || a->value[OPT_QUIET] != NULL)
			return usage_error(cli, NULL, "%s is for the text or "
			    "XML checklist, not the statement (-o)",
			    a->value[OPT_FORMAT] != NULL ? "--format" : "-q");
		return cmd_packet(cli, c, a);
	}
	if (a->value[OPT_PAPER] != NULL)
		return usage_error(cli, NULL, "--paper is for the statement: "
		    "give -o FILE.pdf");
	return cmd_check(cli, c, a);
}

/* The entries of a review of several files (combined_feed). */
struct review_feed {
	struct cli			*cli;
	const struct present_entry	*entries;
	const char			*created;
};

static enum pipeline_status
review_layout(void *closure, size_t i, const char *source,
    const char *const *params, xmlDocPtr *layout, struct diag *d)
{
	struct review_feed	*f = closure;

	(void)source;	/* entries[i], as the index was made from them */
	return pipeline_layout_with(f->cli->pipeline, PRESENT_REVIEW,
	    &f->entries[i], 1, f->created, params, layout, d);
}

/*
 * The review of several files: an index, then each applicant's review
 * checklist, typeset one applicant at a time (combined.h), so that a
 * season of any size fits in memory.  Each review is laid out twice:
 * once to count its pages for the index, once into the file.
 */
static enum pipeline_status
review_combined(struct cli *cli, const struct present_entry *entries,
    size_t n, const char *const *failed, size_t nfailed,
    const struct evaluate_params *prm, const char *created,
    enum typeset_paper paper, const char *reviewers, const char *out)
{
	struct review_feed	 rf = { cli, entries, created };
	struct combined_feed	 feed = { review_layout, &rf };
	struct combined_options	 co = { created, paper, reviewers };
	struct roster		*r;
	enum pipeline_status	 st = PIPELINE_INTERNAL;
	xmlDocPtr		 index = NULL;
	size_t			 i, pages;

	if ((r = roster_new()) == NULL) {
		diag_error(&cli->diag, out, 0, "out of memory");
		return PIPELINE_INTERNAL;
	}
	for (i = 0; i < n; i++) {
		if ((st = combined_count(cli->pipeline, &feed, &co, i,
		    entries[i].source, &pages, &cli->diag)) != PIPELINE_OK)
			goto out;
		if (roster_add(r, entries[i].source, "", entries[i].checklist,
		    pages) != 0) {
			diag_error(&cli->diag, out, 0, "out of memory");
			st = PIPELINE_INTERNAL;
			goto out;
		}
	}
	for (i = 0; i < nfailed; i++)
		if (roster_add_failed(r, failed[i], "", "not printed: it could "
		    "not be read or checked (see the messages)") != 0) {
			diag_error(&cli->diag, out, 0, "out of memory");
			st = PIPELINE_INTERNAL;
			goto out;
		}
	if ((index = roster_index_document(r, prm->as_of)) == NULL) {
		diag_error(&cli->diag, out, 0, "out of memory");
		st = PIPELINE_INTERNAL;
	} else
		st = combined_write(cli->pipeline, index, &feed, &co, out,
		    &cli->diag);
out:
	xmlFreeDoc(index);
	roster_free(r);
	return st;
}

static int
cmd_packet(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	enum present_kind	 kind = strcmp(c->name, "packet") == 0 ?
				    PRESENT_PACKET : strcmp(c->name, "renew") ==
				    0 ? PRESENT_RENEWAL : PRESENT_REVIEW;
	struct evaluate_params	 prm;
	struct present_entry	*entries = NULL;
	const char		**failed = NULL;
	enum typeset_paper	 paper = TYPESET_PAPER_DEFAULT;
	enum pipeline_status	 st;
	xmlDocPtr		 doc, checklist, layout = NULL;
	const char		*emit = a->value[OPT_EMIT];
	const char		*out = a->value[OPT_OUTPUT];
	const char		*params[3];
	unsigned char		*pdf = NULL;
	char			 today[16], created[32], *buf = NULL;
	size_t			 n = 0, nfailed = 0, j, len;
	int			 i, rc, worst = CLI_OK;

	if (a->value[OPT_PAPER] != NULL)
		paper = strcmp(a->value[OPT_PAPER], "a4") == 0 ?
		    TYPESET_PAPER_A4 : TYPESET_PAPER_LETTER;
	if (a->noperands == 0)
		return usage_error(cli, NULL, "no input files");
	if (kind == PRESENT_PACKET && a->noperands > 1)
		return usage_error(cli, NULL, "a packet is for one applicant: "
		    "give one file");
	if (kind == PRESENT_RENEWAL && a->value[OPT_YEAR] == NULL)
		return usage_error(cli, NULL, "--year YYYY is required");
	if (kind == PRESENT_RENEWAL && a->noperands > 1)
		return usage_error(cli, NULL, "a statement is for one endorsee: "
		    "give one file");
	if (out == NULL && emit == NULL)
		return usage_error(cli, NULL, "-o FILE.pdf is required "
		    "('-o -' for standard output)");
	if (emit != NULL && strcmp(emit, "checklist") == 0 &&
	    a->noperands > 1)
		return usage_error(cli, NULL, "--emit checklist writes one "
		    "checklist: give one file");
	if (emit != NULL && strcmp(emit, "layout") == 0 && a->noperands > 1)
		return usage_error(cli, NULL, "--emit layout writes one "
		    "layout: give one file (a review of several files is laid "
		    "out one applicant at a time)");
	if (output_is_input(cli, out, a->operand, a->noperands))
		return CLI_USAGE;
	if ((rc = eval_params(cli, a, &prm, today, sizeof(today))) != -1)
		return rc;
	if (kind == PRESENT_RENEWAL)
		prm.kind = "renewal";
	if (document_date(cli, prm.as_of, created, sizeof(created)) == -1)
		return CLI_USAGE;
	if (cli_load(cli, PIPELINE_EVALUATE) == -1)
		return CLI_SOFTWARE;
	if ((entries = calloc((size_t)a->noperands, sizeof(*entries))) ==
	    NULL || (failed = calloc((size_t)a->noperands,
	    sizeof(*failed))) == NULL) {
		free(entries);
		return CLI_SOFTWARE;
	}

	for (i = 0; i < a->noperands; i++) {
		if ((rc = check_one(cli, a->operand[i], &prm, &doc,
		    &checklist)) != CLI_OK) {
			worst = cli_exit_worst(worst, rc);
			failed[nfailed++] = input_name(a->operand[i]);
			continue;
		}
		entries[n].source = input_name(a->operand[i]);
		entries[n].portfolio = doc;
		entries[n].checklist = checklist;
		n++;
	}
	if (n == 0)
		goto out;
	if (emit != NULL && strcmp(emit, "checklist") == 0) {
		if ((st = pipeline_checklist_bytes(cli->pipeline,
		    entries[0].checklist, &buf, &len)) != PIPELINE_OK)
			worst = cli_exit_worst(worst, exit_of(st));
		else
			worst = cli_exit_worst(worst, emit_bytes(cli, out,
			    buf, len));
		goto out;
	}
	/* several files: an index, even when only one could be read */
	if (kind == PRESENT_REVIEW && a->noperands > 1 && emit == NULL) {
		worst = cli_exit_worst(worst, exit_of(review_combined(cli,
		    entries, n, failed, nfailed, &prm, created, paper,
		    a->value[OPT_REVIEWERS], out)));
		goto out;
	}
	params[0] = kind == PRESENT_RENEWAL ? "year" : "reviewers";
	params[1] = a->value[kind == PRESENT_RENEWAL ? OPT_YEAR :
	    OPT_REVIEWERS];
	params[2] = NULL;
	if ((st = pipeline_layout_with(cli->pipeline, kind, entries, n,
	    created, params[1] != NULL ? params : NULL, &layout,
	    &cli->diag)) != PIPELINE_OK) {
		worst = cli_exit_worst(worst, exit_of(st));
		goto out;
	}
	if (emit != NULL) {
		if ((st = pipeline_layout_bytes(cli->pipeline, kind, layout,
		    &buf, &len)) != PIPELINE_OK)
			worst = cli_exit_worst(worst, exit_of(st));
		else
			worst = cli_exit_worst(worst, emit_bytes(cli, out,
			    buf, len));
		goto out;
	}
	if ((st = pipeline_pdf(cli->pipeline, layout, n == 1 ?
	    entries[0].source : c->name, paper, &pdf, &len, &cli->diag)) ==
	    PIPELINE_OK)
		st = pipeline_save(out, pdf, len, &cli->diag);
	worst = cli_exit_worst(worst, exit_of(st));
out:
	free(pdf);
	free(buf);
	xmlFreeDoc(layout);
	for (j = 0; j < n; j++) {
		xmlFreeDoc(entries[j].checklist);
		xmlFreeDoc(entries[j].portfolio);
	}
	free(entries);
	free(failed);
	return worst;
}

static int
exit_of_outcome(enum batch_outcome oc)
{
	switch (oc) {
	case BATCH_READY:
		return CLI_OK;
	case BATCH_REVIEW:
		return CLI_REVIEW;
	case BATCH_NOT_READY:
		return CLI_NOT_READY;
	case BATCH_REJECTED:
		return CLI_DATAERR;
	case BATCH_CANNOT_OPEN:
		return CLI_NOINPUT;
	case BATCH_CANNOT_WRITE:
		return CLI_CANTCREAT;
	case BATCH_FAILED:
	case BATCH__OUTCOMES:
		break;
	}
	return CLI_SOFTWARE;
}

/* ---------------------------------------------------------------- */
/* Portfolios from spreadsheets: new, export, import                 */
/* ---------------------------------------------------------------- */

static int
exit_of_sheet(enum sheet_status st)
{
	switch (st) {
	case SHEET_OK:
		return CLI_OK;
	case SHEET_CANNOT_OPEN:
		return CLI_NOINPUT;
	case SHEET_REJECTED:
		return CLI_DATAERR;
	case SHEET_CANNOT_CREATE:
		return CLI_CANTCREAT;
	case SHEET_IO_ERROR:
		return CLI_IOERR;
	case SHEET_INTERNAL:
		break;
	}
	return CLI_SOFTWARE;
}

/* Whether the directory dir is one of the inputs (or holds them). */
static int
outdir_is_input(const char *dir, char *const *in, int n)
{
	struct stat	so, si;
	int		i;

	if (stat(dir, &so) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (stat(in[i], &si) == 0 && S_ISDIR(si.st_mode) &&
		    si.st_dev == so.st_dev && si.st_ino == so.st_ino)
			return i;
	return -1;
}

static int
cmd_batch(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	struct batch_options	 bo;
	struct batch_totals	 t;
	char			 today[16], created[32], key[512];
	long			 cpus;
	int			 rc, i, worst = CLI_OK;

	(void)c;
	memset(&bo, 0, sizeof(bo));
	if (a->noperands == 0)
		return usage_error(cli, NULL, "no inputs: give portfolio "
		    "files or directories");
	if ((bo.outdir = a->value[OPT_OUTDIR]) == NULL)
		return usage_error(cli, NULL, "-o OUTDIR is required");
	if (strcmp(bo.outdir, "-") == 0)
		return usage_error(cli, NULL, "-o wants a directory, not "
		    "standard output");
	for (i = 0; i < a->noperands; i++)
		if (strcmp(a->operand[i], "-") == 0)
			return usage_error(cli, NULL, "a batch reads files, "
			    "not standard input");
	if ((i = outdir_is_input(bo.outdir, a->operand, a->noperands)) >= 0)
		return usage_error(cli, NULL, "the output directory '%s' is "
		    "the input '%s': its outputs would be read as inputs next "
		    "time", bo.outdir, a->operand[i]);
	if ((rc = eval_params(cli, a, &bo.prm, today, sizeof(today))) != -1)
		return rc;
	if (document_date(cli, bo.prm.as_of, created, sizeof(created)) == -1)
		return CLI_USAGE;
	bo.inputs = a->operand;
	bo.ninputs = a->noperands;
	bo.created = created;
	bo.paper = a->value[OPT_PAPER] == NULL ? TYPESET_PAPER_DEFAULT :
	    strcmp(a->value[OPT_PAPER], "a4") == 0 ? TYPESET_PAPER_A4 :
	    TYPESET_PAPER_LETTER;
	bo.force = a->value[OPT_FORCE] != NULL;
	bo.combined = a->value[OPT_COMBINED] != NULL;
	bo.reviewers = a->value[OPT_REVIEWERS];
	bo.quiet = a->value[OPT_QUIET] != NULL;
	if (a->value[OPT_JOBS] != NULL)
		bo.jobs = atoi(a->value[OPT_JOBS]);
	else {
		cpus = sysconf(_SC_NPROCESSORS_ONLN);
		bo.jobs = cpus < 1 ? 1 : cpus > BATCH_MAX_JOBS ?
		    BATCH_MAX_JOBS : (int)cpus;
	}
	snprintf(key, sizeof(key), "as-of=%s\ncreated=%s\nassociation=%s\n"
	    "track=%s\npaper=%d\nreviewers=%s\n", bo.prm.as_of, created,
	    bo.prm.association != NULL ? bo.prm.association : "",
	    bo.prm.track != NULL ? bo.prm.track : "", (int)bo.paper,
	    bo.reviewers != NULL ? bo.reviewers : "");
	bo.options_key = key;
	if (batch_run(cli->pipeline, &bo, &t, &cli->diag) == -1)
		return t.setup_failed ? CLI_CANTCREAT : CLI_SOFTWARE;
	if (t.interrupted) {
		/* Die of the signal, as the user asked, now that all is tidy. */
		pipeline_free(cli->pipeline);
		cli->pipeline = NULL;
		fflush(NULL);
		signal(t.interrupted, SIG_DFL);
		raise(t.interrupted);
		return CLI_SOFTWARE;
	}
	for (i = 0; i < BATCH__OUTCOMES; i++)
		if (t.count[i] > 0)
			worst = cli_exit_worst(worst,
			    exit_of_outcome((enum batch_outcome)i));
	if (t.combined != PIPELINE_OK)
		worst = cli_exit_worst(worst,
		    exit_of((enum pipeline_status)t.combined));
	return worst;
}

/* The schema check the spreadsheet modules are given: the pipeline's. */
static int
sheet_check_run(void *pipeline, xmlDocPtr doc, const char *name,
    struct diag *d)
{
	return pipeline_validate(pipeline, doc, name, d) == PIPELINE_OK ?
	    0 : -1;
}

/* The schema, loaded, and its facts for the spreadsheet modules. */
static struct sheet_schema *
sheet_load(struct cli *cli, struct sheet_check *check)
{
	char	path[PATH_MAX];

	if (cli_load(cli, PIPELINE_VALIDATE) == -1 ||
	    datadir_path(pipeline_datadir(cli->pipeline),
	    "schemas/applicant.xsd", path, sizeof(path)) == NULL)
		return NULL;
	check->run = sheet_check_run;
	check->arg = cli->pipeline;
	return sheet_schema_load(path, &cli->diag);
}

static int
cmd_new(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	const struct catalog_entry	*e;
	const struct catalog		*cat;
	struct skeleton_params		 p;
	struct sheet_check		 check;
	struct sheet_schema		*s;
	char				 today[16], codes[512];
	int				 rc;

	(void)c;
	if (a->noperands > 0)
		return usage_error(cli, NULL, "no files are read here: "
		    "'%.*s'", QUOTE_MAX, a->operand[0]);
	if (a->value[OPT_ASSOCIATION] == NULL)
		return usage_error(cli, NULL, "--association CODE is "
		    "required");
	if (a->value[OPT_TRACK] == NULL)
		return usage_error(cli, NULL, "--track TRACK is required");
	if (a->value[OPT_OUTPUT] == NULL)
		return usage_error(cli, NULL, "-o FILE.xml is required "
		    "('-o -' for standard output)");
	if (default_as_of(cli, today, sizeof(today)) == -1)
		return CLI_USAGE;
	if (cli_load(cli, 0) == -1)
		return CLI_SOFTWARE;
	cat = pipeline_catalog(cli->pipeline);
	if ((e = catalog_find(cat, a->value[OPT_ASSOCIATION])) == NULL)
		return bad_value(cli, OPT_ASSOCIATION, join_or(cat->codes, "",
		    codes, sizeof(codes)), a->value[OPT_ASSOCIATION]);
	if (!track_known(cat, e, a->value[OPT_TRACK], codes, sizeof(codes)))
		return bad_value(cli, OPT_TRACK, codes, a->value[OPT_TRACK]);
	if ((s = sheet_load(cli, &check)) == NULL)
		return CLI_SOFTWARE;
	memset(&p, 0, sizeof(p));
	p.association = e->association;
	p.track = a->value[OPT_TRACK];
	p.name = a->value[OPT_NAME];
	p.rules_path = e->path;
	p.as_of = today;
	rc = exit_of_sheet(skeleton_write(&check, s, &p, a->value[OPT_OUTPUT],
	    &cli->diag));
	sheet_schema_free(s);
	return rc;
}

static int
cmd_export(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	enum pipeline_status	 st;
	xmlDocPtr		 doc;
	int			 rc;

	(void)c;
	if (a->noperands != 1)
		return usage_error(cli, NULL, a->noperands == 0 ? "no input "
		    "file" : "export reads one portfolio: give one file");
	if (a->value[OPT_OUTPUT] == NULL ||
	    strcmp(a->value[OPT_OUTPUT], "-") == 0)
		return usage_error(cli, NULL, "-o DIR is required: the "
		    "directory the six CSV files go to");
	if (cli_load(cli, PIPELINE_VALIDATE) == -1)
		return CLI_SOFTWARE;
	if ((st = pipeline_read(cli->pipeline, a->operand[0],
	    input_name(a->operand[0]), &doc, &cli->diag)) != PIPELINE_OK)
		return exit_of(st);
	rc = exit_of_sheet(export_run(doc, a->value[OPT_OUTPUT],
	    &cli->diag));
	xmlFreeDoc(doc);
	return rc;
}

static int
cmd_import(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	struct sheet_check	  check;
	struct sheet_schema	 *s;
	const char		 *into = a->value[OPT_INTO];
	char			**inputs;
	int			  i, rc;

	(void)c;
	if (into == NULL)
		return usage_error(cli, NULL, "--into FILE.xml is required: "
		    "the portfolio the rows go into");
	if (a->value[OPT_OUTPUT] == NULL)
		return usage_error(cli, NULL, "-o OUT.xml is required ('-o -' "
		    "for standard output)");
	if (a->noperands <= 0)
		return usage_error(cli, NULL, "no CSV files");
	if (strcmp(into, "-") == 0)
		return usage_error(cli, NULL, "--into wants a file, not "
		    "standard input");
	for (i = 0; i < a->noperands; i++)
		if (strcmp(a->operand[i], "-") == 0)
			return usage_error(cli, NULL, "the CSV files are read "
			    "by name (their names tell their kind), not from "
			    "standard input");
	/* The output may be none of the inputs (SECURITY.md rule 14). */
	if ((inputs = calloc((size_t)a->noperands + 1, sizeof(*inputs))) ==
	    NULL)
		return CLI_SOFTWARE;
	inputs[0] = (char *)into;
	for (i = 0; i < a->noperands; i++)
		inputs[i + 1] = a->operand[i];
	rc = output_is_input(cli, a->value[OPT_OUTPUT], inputs,
	    a->noperands + 1);
	free(inputs);
	if (rc)
		return CLI_USAGE;
	if ((s = sheet_load(cli, &check)) == NULL)
		return CLI_SOFTWARE;
	rc = exit_of_sheet(import_run(&check, s, into,
	    (const char *const *)a->operand, (size_t)a->noperands,
	    a->value[OPT_OUTPUT], &cli->diag));
	sheet_schema_free(s);
	return rc;
}

/* One cell of the associations table: escaped, padded to w columns. */
static void
put_cell(FILE *out, const char *s, int w)
{
	char	*e = diag_escaped(s, 0);
	size_t	 i, cols = 0;

	if (e == NULL)
		return;
	for (i = 0; e[i] != '\0'; i++)
		if (((unsigned char)e[i] & 0xc0) != 0x80)
			cols++;
	fputs(e, out);
	if (w > 0)
		fprintf(out, "%*s", (int)((size_t)w > cols ? (size_t)w - cols :
		    0) + 2, "");
	free(e);
}

static int
cmd_associations(struct cli *cli, const struct cli_command *c,
    struct cli_args *a)
{
	static const char *const heads[] = { "CODE", "NAME", "KIND", "LEVEL",
	    "TRACKS", "EFFECTIVE", "FILE" };
	const struct catalog	*cat;
	const struct catalog_entry *e;
	const struct catalog_ruleset *rs;
	const char		*cell[7];
	size_t			 i, k, cols;
	int			 w[7] = { 0 }, j;

	(void)c;
	if (a->noperands > 0)
		return usage_error(cli, NULL, "no files are needed here: "
		    "'%.*s'", QUOTE_MAX, a->operand[0]);
	if (cli_load(cli, 0) == -1)
		return CLI_SOFTWARE;
	cat = pipeline_catalog(cli->pipeline);
	/* Two passes: the widths, then the lines. */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			for (j = 0; j < 7; j++)
				put_cell(stdout, heads[j], j < 6 ? w[j] : 0);
			fputc('\n', stdout);
		}
		for (j = 0; pass == 0 && j < 7; j++)
			w[j] = (int)strlen(heads[j]);
		for (i = 0; i < cat->count; i++) {
			e = &cat->entries[i];
			for (k = 0; k < e->nrulesets; k++) {
				rs = &e->rulesets[k];
				cell[0] = e->association;
				cell[1] = e->name;
				cell[2] = rs->kind;
				cell[3] = rs->level;
				cell[4] = rs->tracks[0] != '\0' ? rs->tracks :
				    "all";
				cell[5] = rs->effective[0] != '\0' ?
				    rs->effective : "-";
				cell[6] = e->path;
				for (j = 0; j < 7; j++) {
					if (pass == 1) {
						put_cell(stdout, cell[j],
						    j < 6 ? w[j] : 0);
						continue;
					}
					cols = strlen(cell[j]);
					if ((int)cols > w[j])
						w[j] = (int)cols;
				}
				if (pass == 1)
					fputc('\n', stdout);
			}
		}
	}
	return flush_stdout(cli, CLI_OK);
}

static int
cmd_help(struct cli *cli, const struct cli_command *c, struct cli_args *a)
{
	const struct cli_command	*target;
	char				 q[QUOTE_MAX + 8];

	(void)c;
	if (a->noperands == 0) {
		struct diag	quiet = cli->diag;

		/* The associations, when they can be found; quietly. */
		quiet.out = NULL;
		if (cli->pipeline == NULL)
			cli->pipeline = pipeline_new(&quiet);
		usage_main(cli, stdout);
		return flush_stdout(cli, CLI_OK);
	}
	if ((target = command_find(a->operand[0])) == NULL)
		return usage_error(cli, command_closest(a->operand[0]),
		    "no command '%s'", quote(a->operand[0], q, sizeof(q)));
	usage_command(target, stdout);
	return flush_stdout(cli, CLI_OK);
}

int
cli_main(int argc, char *argv[])
{
	const struct cli_command	*c;
	struct cli			 cli;
	struct cli_args			 args;
	char				 q[QUOTE_MAX + 8];
	const char			*fae;
	int				 rc;

	memset(&cli, 0, sizeof(cli));
	memset(&args, 0, sizeof(args));
	diag_init(&cli.diag, stderr, PROG);
	if (argc < 2) {
		usage_main(NULL, stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("%s %s\n", PROG, VERSION);
		return flush_stdout(&cli, CLI_OK);
	}
	xmlload_init();
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		args.noperands = 0;
		rc = cmd_help(&cli, command_find("help"), &args);
		goto out;
	}
	if (argv[1][0] == '-') {
		rc = usage_error(&cli, NULL, "options come after the command: "
		    "'%s'", quote(argv[1], q, sizeof(q)));
		goto out;
	}
	if ((c = command_find(argv[1])) == NULL) {
		rc = usage_error(&cli, command_closest(argv[1]),
		    "no command '%s'", quote(argv[1], q, sizeof(q)));
		goto out;
	}
	cli.cmd = c->name;
	if ((rc = cli_parse(&cli, c, argc - 1, argv + 1, &args)) != -1)
		goto out;
	rc = c->run(&cli, c, &args);
out:
	cli_args_free(&args);
	/*
	 * What the process holds (schemas, stylesheets, fonts) goes back
	 * with the process, at once; freeing it block by block only costs
	 * time.  ENDORSE_FREE_AT_EXIT=1 frees everything, for valgrind and
	 * the sanitizers to tell a leak from what is left on purpose.
	 */
	if ((fae = getenv("ENDORSE_FREE_AT_EXIT")) != NULL &&
	    strcmp(fae, "1") == 0) {
		pipeline_free(cli.pipeline);
		xsltCleanupGlobals();
		xmlCleanupParser();
	}
	return rc;
}
