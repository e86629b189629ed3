/*
 * test_cli_documents: the documents a committee mails, read as a reader
 * would, on every example in Letter and A4: the real binary writes the
 * PDFs; poppler's pdftotext reads them back page by page.
 *
 * Every review page names its applicant; the combined review names one
 * applicant per page with that applicant's own association and numbers
 * each applicant's pages on their own; no heading or label ends a page;
 * no internal code word and no program name reaches the reader; the
 * packet and the renewal statement speak about the applicant, never to
 * "you"; every e-mail address of a portfolio breaks only before '@' or
 * '.'; /Lang is set; the review has one copy per reviewer and a
 * consensus page; the renewal statement is made for both associations.  The layout of each
 * example is compared with its golden file in tests/layout/ (rewritten
 * only by 'make regress-update').
 */
#include "harness.h"

#include <ctype.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "datadir.h"
#include "diag.h"
#include "present.h"
#include "typeset.h"
#include "xmlload.h"

#define AS_OF	"--as-of=2025-06-30"

static const char *const PAPERS[] = { "letter", "a4" };

static const char *const CODES[] = {
	"rsc provider", "rsc provision", "rsc recipient", "peer-group",
	"university-certificate", "present publish",
	"direct service supervised", "endorse can", "endorse's",
	"endorse checks", "endorse computed", "rsc to practitioners",
	"imh presentations", "represent imh", "syllabi integration", NULL
};

struct person {
	char	*file;		/* examples/NAME.xml */
	char	*base;		/* NAME */
	char	*name;		/* the applicant's name */
	char	*assoc;		/* the association's code */
	char	*emails[16];
	size_t	 nemails;
};

struct fixture {
	struct person	 people[16];
	size_t		 n;
};

static void
expect_ok(struct run *r, const char *what)
{
	if (r->timed_out)
		fail_msg("%s did not finish in %d s", what, RUN_TIME_LIMIT);
	if (r->status != 0)
		fail_msg("%s: exit %d; stderr: %s", what, r->status, r->err);
}

/* The text of pdf, pages separated by form feeds; raw: -raw. */
static char *
pdf_text(const char *pdf, int raw)
{
	struct run	 r;
	char		*out;

	run_tool(&r, "pdftotext", raw ? "-raw" : "-layout", pdf, "-", NULL);
	expect_ok(&r, "pdftotext");
	out = r.out;
	r.out = NULL;
	run_free(&r);
	return out;
}

/* Page p (from 1) of a form-feed-separated text, or NULL past the end. */
static char *
page_of(const char *all, int p)
{
	const char	*s = all, *e;

	while (--p > 0 && s != NULL)
		if ((s = strchr(s, '\f')) != NULL)
			s++;
	if (s == NULL || *s == '\0')
		return NULL;
	e = strchr(s, '\f');
	return strndup(s, e != NULL ? (size_t)(e - s) : strlen(s));
}

/* The text content of every element named name (layout namespace). */
static void
collect(xmlNodePtr n, const char *name, char ***out, size_t *count)
{
	xmlChar	*t;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST name)) {
			t = xmlNodeGetContent(n);
			*out = realloc(*out, (*count + 1) * sizeof(char *));
			assert_non_null(*out);
			(*out)[(*count)++] = strdup((char *)t);
			xmlFree(t);
		}
		collect(n->children, name, out, count);
	}
}

/* The portfolio's name, association and e-mail addresses. */
static void
read_person(struct person *pp, const char *file)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, m;
	char		**mails = NULL;
	size_t		 k = 0, i;
	xmlChar		*v;

	pp->file = strdup(file);
	pp->base = strndup(strrchr(file, '/') + 1,
	    strlen(strrchr(file, '/') + 1) - 4);
	doc = xmlReadFile(file, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST "applicant"))
			for (m = n->children; m != NULL; m = m->next)
				if (m->type == XML_ELEMENT_NODE &&
				    xmlStrEqual(m->name, BAD_CAST "name")) {
					v = xmlNodeGetContent(m);
					pp->name = strdup((char *)v);
					xmlFree(v);
				}
		if (xmlStrEqual(n->name, BAD_CAST "application")) {
			v = xmlGetProp(n, BAD_CAST "association");
			pp->assoc = strdup((char *)v);
			xmlFree(v);
		}
	}
	collect(root, "email", &mails, &k);
	for (i = 0; i < k; i++) {
		if (pp->nemails < 16)
			pp->emails[pp->nemails++] = mails[i];
		else
			free(mails[i]);
	}
	free(mails);
	xmlFreeDoc(doc);
	assert_non_null(pp->name);
	assert_non_null(pp->assoc);
}

static int
setup(void **state)
{
	struct fixture	*fx = calloc(1, sizeof(*fx));
	char		**names, path[PATH_MAX];
	size_t		 n, i;

	assert_non_null(fx);
	names = list_dir("examples", ".xml", &n);
	assert_true(n >= 2 && n <= 16);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "examples/%s", names[i]);
		read_person(&fx->people[i], path);
		free(names[i]);
	}
	free(names);
	fx->n = n;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	size_t		 i, k;

	for (i = 0; i < fx->n; i++) {
		free(fx->people[i].file);
		free(fx->people[i].base);
		free(fx->people[i].name);
		free(fx->people[i].assoc);
		for (k = 0; k < fx->people[i].nemails; k++)
			free(fx->people[i].emails[k]);
	}
	free(fx);
	return 0;
}

/* Render kind of pp on paper into a temporary PDF (path in out). */
static void
render(const struct person *pp, const char *kind, const char *paper,
    char *out, size_t outsz)
{
	struct run	 r;
	char		 name[128], opt[32];

	snprintf(name, sizeof(name), "%s.%s.%s.pdf", pp->base, kind, paper);
	tmppath(name, out, outsz);
	snprintf(opt, sizeof(opt), "--paper=%s", paper);
	run_endorse(&r, kind, AS_OF, opt, "-o", out, pp->file, NULL);
	expect_ok(&r, kind);
	run_free(&r);
}

/* The layout of kind for pp (--emit layout), caller frees. */
static char *
layout_of(const struct person *pp, const char *kind)
{
	struct run	 r;
	char		*out;

	run_endorse(&r, kind, AS_OF, "--emit", "layout", pp->file, NULL);
	expect_ok(&r, "--emit layout");
	out = r.out;
	r.out = NULL;
	run_free(&r);
	return out;
}

/* The headings of a layout document. */
static char **
headings_of(const char *layout, size_t *n)
{
	xmlDocPtr	 doc = xmlReadMemory(layout, (int)strlen(layout),
			    "layout.xml", NULL, XML_PARSE_NONET);
	char		**h = NULL;

	assert_non_null(doc);
	*n = 0;
	collect(xmlDocGetRootElement(doc), "heading", &h, n);
	xmlFreeDoc(doc);
	return h;
}

static int
is_footer_line(const char *l)
{
	return strstr(l, "Page ") != NULL || strstr(l, "Confidential") !=
	    NULL || strstr(l, "Evaluated as of") != NULL;
}

/* Trim spaces at both ends, in place. */
static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/*
 * No page ends with a heading of the layout or a label (a short line
 * ending with a colon).
 */
static void
check_no_stranded(const char *what, const char *text, char **heads,
    size_t nheads)
{
	char	*pg, *line, *save, *last;
	int	 p;
	size_t	 k;

	for (p = 1; (pg = page_of(text, p)) != NULL; p++) {
		last = NULL;
		for (line = strtok_r(pg, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			line = trim(line);
			if (*line != '\0' && !is_footer_line(line))
				last = line;
		}
		if (last != NULL) {
			for (k = 0; k < nheads; k++)
				if (strcmp(last, heads[k]) == 0)
					fail_msg("%s page %d ends with the "
					    "heading '%s'", what, p, last);
			if (strlen(last) < 60 && last[strlen(last) - 1] == ':')
				fail_msg("%s page %d ends with the label '%s'",
				    what, p, last);
		}
		free(pg);
	}
}

static void
check_no_codes(const char *what, const char *text)
{
	size_t	k;

	for (k = 0; CODES[k] != NULL; k++)
		if (strstr(text, CODES[k]) != NULL)
			fail_msg("%s prints '%s'", what, CODES[k]);
}

/*
 * The packet and the renewal statement speak about the applicant, in the
 * third person: no "you" or "your" (any case) as a word.
 */
static void
check_third_person(const char *what, const char *text)
{
	static const char *const second[] = { "you", "your", "yours",
		"yourself", NULL };
	const char	*s = text, *w;
	char		 word[16];
	size_t		 len, k;

	while (*s != '\0') {
		while (*s != '\0' && !isalpha((unsigned char)*s))
			s++;
		for (w = s; isalpha((unsigned char)*s); s++)
			;
		len = (size_t)(s - w);
		if (len == 0 || len >= sizeof(word))
			continue;
		for (k = 0; k < len; k++)
			word[k] = (char)tolower((unsigned char)w[k]);
		word[len] = '\0';
		for (k = 0; second[k] != NULL; k++)
			if (strcmp(word, second[k]) == 0)
				fail_msg("%s speaks to the applicant: '%.60s'",
				    what, w);
	}
}

/*
 * The packet's last section, what is missing, is read at once: it is not
 * split over two pages (a last page held three of its four items), so
 * its heading is on the last page.
 */
static void
check_missing_on_last_page(const char *what, const char *text)
{
	char	*pg, *last = NULL;
	int	 p;

	for (p = 1; (pg = page_of(text, p)) != NULL; p++) {
		free(last);
		last = pg;
	}
	assert_non_null(last);
	if (strstr(last, "What is missing before submission") == NULL)
		fail_msg("%s: what is missing starts before the last page",
		    what);
	free(last);
}

/*
 * No line ends inside a code at its hyphen (pdftotext -raw): "OK-" then
 * "AIMH" on the next line, "WRK-" then "C2" (the checklist's sentences
 * and the portfolio's text, not only the rule-id cells).
 */
static void
check_codes_whole(const char *what, const char *raw)
{
	const char	*a, *e, *p, *dash;

	for (a = raw; (e = strchr(a, '\n')) != NULL; a = e + 1) {
		p = e;
		while (p > a && p[-1] == ' ')
			p--;
		if (p == a || p[-1] != '-')
			continue;
		dash = --p;
		while (p > a && isupper((unsigned char)p[-1]))
			p--;
		/* two capitals or more, at the start of a word */
		if (dash - p >= 2 && (p == a || !isalpha((unsigned char)p[-1])))
			fail_msg("%s: a code breaks at its hyphen: '%.*s'",
			    what, (int)(e - a), a);
	}
}

/* In pdftotext -raw, an address split over two lines is split at @/. */
static void
check_mail_breaks(const char *what, const char *raw, const struct person *pp)
{
	const char	*a, *b, *e;
	size_t		 m, k, la, len;

	for (a = raw; (e = strchr(a, '\n')) != NULL; a = e + 1) {
		b = e + 1;
		la = (size_t)(e - a);
		while (la > 0 && a[la - 1] == ' ')
			la--;
		for (m = 0; m < pp->nemails; m++) {
			len = strlen(pp->emails[m]);
			for (k = 1; k < len; k++)
				if (la >= k && strncmp(a + la - k,
				    pp->emails[m], k) == 0 && strncmp(b,
				    pp->emails[m] + k, len - k) == 0 &&
				    pp->emails[m][k] != '@' &&
				    pp->emails[m][k] != '.')
					fail_msg("%s: '%s' broken as '%.*s' | "
					    "'%s'", what, pp->emails[m],
					    (int)k, pp->emails[m],
					    pp->emails[m] + k);
		}
	}
}

static void
check_lang(const char *what, const char *pdf)
{
	struct run	r;

	run_tool(&r, "sh", "-c", "qpdf --qdf --object-streams=disable "
	    "\"$0\" - | grep -ac '/Lang (en)'", pdf, NULL);
	if (atoi(r.out) < 1)
		fail_msg("%s: no /Lang in the catalog", what);
	run_free(&r);
}

/* A last name: the last word of the name. */
static const char *
last_word(const char *name)
{
	const char	*s = strrchr(name, ' ');

	return s != NULL ? s + 1 : name;
}

static void
test_review_pages_name_the_applicant(void **state)
{
	struct fixture	*fx = *state;
	char		 pdf[PATH_MAX], *text, *pg, *cons, what[256];
	size_t		 i, k;
	int		 p, reviewer;

	for (i = 0; i < fx->n; i++)
		for (k = 0; k < 2; k++) {
			render(&fx->people[i], "review", PAPERS[k], pdf,
			    sizeof(pdf));
			text = pdf_text(pdf, 0);
			snprintf(what, sizeof(what), "review %s (%s)",
			    fx->people[i].base, PAPERS[k]);
			for (p = 1; (pg = page_of(text, p)) != NULL; p++) {
				if (strstr(pg, fx->people[i].name) == NULL &&
				    strstr(pg, last_word(fx->people[i].name))
				    == NULL)
					fail_msg("%s page %d: no applicant "
					    "name", what, p);
				if (strstr(pg, fx->people[i].assoc) == NULL)
					fail_msg("%s page %d: no association",
					    what, p);
				free(pg);
			}
			/* two reviewer copies and one consensus page */
			for (reviewer = 1; reviewer <= 2; reviewer++) {
				char	want[64];

				snprintf(want, sizeof(want), "Committee review "
				    "checklist: Reviewer %d of 2", reviewer);
				if (strstr(text, want) == NULL)
					fail_msg("%s: no '%s'", what, want);
			}
			assert_null(strstr(text, "Reviewer 3 of"));
			assert_non_null(strstr(text, "Committee consensus"));
			assert_non_null(strstr(text, "Do not endorse"));
			assert_non_null(strstr(text, "Conflict of interest"));
			assert_non_null(strstr(text, "Meeting date"));
			/* the meeting date first: under the comments its line
			 * read as one more line of them */
			cons = strstr(text, "Committee consensus");
			if (strstr(cons, "Meeting date") == NULL ||
			    strstr(cons, "Comments for the applicant") == NULL ||
			    strstr(cons, "Meeting date") > strstr(cons,
			    "Comments for the applicant"))
				fail_msg("%s: the meeting date is not above the "
				    "comments", what);
			free(text);
		}
}

static void
test_no_stranded_heading_or_label(void **state)
{
	static const char *const kinds[] = { "packet", "review" };
	struct fixture	*fx = *state;
	char		 pdf[PATH_MAX], *text, *layout, **heads, what[256];
	size_t		 i, k, j, nheads;

	for (i = 0; i < fx->n; i++)
		for (j = 0; j < 2; j++) {
			layout = layout_of(&fx->people[i], kinds[j]);
			heads = headings_of(layout, &nheads);
			free(layout);
			for (k = 0; k < 2; k++) {
				render(&fx->people[i], kinds[j], PAPERS[k],
				    pdf, sizeof(pdf));
				snprintf(what, sizeof(what), "%s %s (%s)",
				    kinds[j], fx->people[i].base, PAPERS[k]);
				text = pdf_text(pdf, 0);
				check_no_stranded(what, text, heads, nheads);
				check_no_codes(what, text);
				if (j == 0) {
					check_third_person(what, text);
					check_missing_on_last_page(what, text);
				}
				free(text);
				text = pdf_text(pdf, 1);
				check_mail_breaks(what, text, &fx->people[i]);
				check_codes_whole(what, text);
				free(text);
				check_lang(what, pdf);
			}
			strv_free(heads, nheads);
		}
}

/* endorse CMD AS_OF PAPER -o OUT every example (batch: also -q). */
static void
run_on_all(struct run *r, const struct fixture *fx, const char *cmd,
    const char *paper, const char *out)
{
	const char	*argv[32];
	size_t		 i, n = 0;

	argv[n++] = "endorse";
	argv[n++] = cmd;
	if (strcmp(cmd, "batch") == 0)
		argv[n++] = "-q";
	argv[n++] = AS_OF;
	argv[n++] = paper;
	argv[n++] = "-o";
	argv[n++] = out;
	for (i = 0; i < fx->n; i++)
		argv[n++] = fx->people[i].file;
	argv[n] = NULL;
	run_endorse_in(r, NULL, argv);
}

/*
 * The review of all examples: an index, then each page names exactly
 * one applicant, with that applicant's association, numbered within
 * the applicant ("Page k of n", k from 1, n fixed per applicant).
 */
static void
combined_review(struct fixture *fx, const char *paper)
{
	char		 pdf[PATH_MAX], *text, *pg, *at, opt[32];
	size_t		 i, who = 0, hits;
	int		 p, page, pages, expect = 1, total = -1, prev = -1;
	struct run	 r;

	tmppath("all.pdf", pdf, sizeof(pdf));
	snprintf(opt, sizeof(opt), "--paper=%s", paper);
	run_on_all(&r, fx, "review", opt, pdf);
	expect_ok(&r, "review of all");
	run_free(&r);
	text = pdf_text(pdf, 0);
	pg = page_of(text, 1);
	assert_non_null(strstr(pg, "Applicants in this file"));
	for (i = 0; i < fx->n; i++)
		if (strstr(pg, fx->people[i].assoc) == NULL)
			fail_msg("the index lacks %s", fx->people[i].assoc);
	free(pg);
	for (p = 2; (pg = page_of(text, p)) != NULL; p++) {
		if (strstr(pg, "Applicants in this file") != NULL) {
			free(pg);
			continue;
		}
		hits = 0;
		for (i = 0; i < fx->n; i++)
			if (strstr(pg, fx->people[i].name) != NULL) {
				hits++;
				who = i;
			}
		if (hits != 1)
			fail_msg("%s: page %d names %zu applicants", paper, p,
			    hits);
		if (strstr(pg, fx->people[who].assoc) == NULL)
			fail_msg("page %d (%s) lacks %s", p,
			    fx->people[who].base, fx->people[who].assoc);
		at = strstr(pg, "Page ");
		assert_non_null(at);
		assert_int_equal(sscanf(at, "Page %d of %d", &page, &pages),
		    2);
		if ((int)who != prev) {
			expect = 1;
			total = pages;
			prev = (int)who;
		}
		if (page != expect || pages != total)
			fail_msg("page %d: 'Page %d of %d', expected %d of %d",
			    p, page, pages, expect, total);
		expect++;
		free(pg);
	}
	free(text);
	/* the metadata names every association */
	run_tool(&r, "pdfinfo", pdf, NULL);
	expect_ok(&r, "pdfinfo");
	assert_non_null(strstr(r.out, "Oklahoma"));
	assert_non_null(strstr(r.out, "Wisconsin"));
	assert_non_null(strstr(r.out, "OK-AIMH"));
	assert_non_null(strstr(r.out, "WI-AIMH"));
	run_free(&r);
}

static void
test_combined_review(void **state)
{
	combined_review(*state, "letter");
	combined_review(*state, "a4");
}

/* The layout of each example against its golden file. */
static void
test_golden_layouts(void **state)
{
	static const char *const kinds[] = { "packet", "review" };
	struct fixture	*fx = *state;
	char		 path[PATH_MAX], rel[256], *got, *want;
	size_t		 i, j;
	int		 failures = 0;

	for (i = 0; i < fx->n; i++)
		for (j = 0; j < 2; j++) {
			snprintf(rel, sizeof(rel), "tests/layout/%s.%s.xml",
			    fx->people[i].base, kinds[j]);
			srcpath(rel, path, sizeof(path));
			got = layout_of(&fx->people[i], kinds[j]);
			if (getenv("ENDORSE_REGRESS_UPDATE") != NULL)
				spew(path, got, strlen(got));
			want = slurp(path, NULL);
			if (want == NULL || strcmp(want, got) != 0) {
				print_error("%s differs from the layout (make "
				    "regress-update, then review the diff)\n",
				    rel);
				failures++;
			}
			free(want);
			free(got);
		}
	assert_int_equal(failures, 0);
}

/*
 * Through the library: N reviewer copies (the stylesheet's reviewers
 * parameter, which 'endorse review --reviewers N' passes), and the
 * renewal statement for both associations.
 */
struct pipeline {
	struct diag	 d;
	struct datadir	*dd;
	struct present	*pr;
	struct typeset	*ts;
};

static xmlDocPtr
load(struct pipeline *pl, const char *path)
{
	enum xmlload_status	st;
	xmlDocPtr		doc = xmlload_file(path, path, &pl->d, &st);

	assert_non_null(doc);
	return doc;
}

/* A checklist from the real binary (check or renew --format xml). */
static xmlDocPtr
checklist_of(struct pipeline *pl, const char *file, const char *cmd)
{
	enum xmlload_status	st;
	struct run		r;
	xmlDocPtr		doc;

	if (strcmp(cmd, "renew") == 0)
		run_endorse(&r, "renew", "--year=2024", AS_OF, "--format=xml",
		    file, NULL);
	else
		run_endorse(&r, "check", AS_OF, "--format=xml", file, NULL);
	assert_true(r.status <= 2);
	doc = xmlload_memory(r.out, r.outlen, "checklist.xml", &pl->d, &st);
	assert_non_null(doc);
	run_free(&r);
	return doc;
}

static void
pipeline_open(struct pipeline *pl)
{
	memset(pl, 0, sizeof(*pl));
	diag_init(&pl->d, stderr, "endorse");
	assert_non_null(pl->dd = datadir_open(&pl->d));
	assert_non_null(pl->pr = present_new(pl->dd, &pl->d));
	assert_non_null(pl->ts = typeset_new(pl->dd->root,
	    TYPESET_NO_SYSTEM_FONTS, &pl->d));
}

static void
pipeline_close(struct pipeline *pl)
{
	typeset_free(pl->ts);
	present_free(pl->pr);
	datadir_free(pl->dd);
}

static void
test_reviewer_copies(void **state)
{
	static const char *const three[] = { "reviewers", "3", NULL };
	struct fixture		*fx = *state;
	struct pipeline		 pl;
	struct present_entry	 e;
	xmlDocPtr		 layout;
	xmlChar			*buf;
	int			 len;

	pipeline_open(&pl);
	e.source = fx->people[0].file;
	e.portfolio = load(&pl, e.source);
	e.checklist = checklist_of(&pl, e.source, "check");
	layout = present_run_with(pl.pr, PRESENT_REVIEW, &e, 1,
	    "2025-06-30", three, &pl.d);
	assert_non_null(layout);
	xmlDocDumpMemory(layout, &buf, &len);
	assert_non_null(strstr((char *)buf, "Reviewer 1 of 3"));
	assert_non_null(strstr((char *)buf, "Reviewer 3 of 3"));
	assert_null(strstr((char *)buf, "Reviewer 4 of"));
	/* the consensus page has every reviewer's lines */
	assert_non_null(strstr((char *)buf, "Reviewer 3: signature"));
	assert_non_null(strstr((char *)buf, "Committee consensus"));
	xmlFree(buf);
	xmlFreeDoc(layout);
	xmlFreeDoc(e.portfolio);
	xmlFreeDoc(e.checklist);
	pipeline_close(&pl);
}

static void
test_renewal_statement(void **state)
{
	static const char *const year[] = { "year", "2024", NULL };
	struct fixture		*fx = *state;
	struct pipeline		 pl;
	struct present_entry	 e;
	xmlDocPtr		 layout;
	char			 pdf[PATH_MAX], *text;
	size_t			 i;
	int			 seen_ok = 0, seen_wi = 0, pages;
	struct run		 r;

	pipeline_open(&pl);
	for (i = 0; i < fx->n; i++) {
		if (strcmp(fx->people[i].assoc, "OK-AIMH") == 0 ? seen_ok :
		    seen_wi)
			continue;
		e.source = fx->people[i].file;
		e.portfolio = load(&pl, e.source);
		e.checklist = checklist_of(&pl, e.source, "renew");
		layout = present_run_with(pl.pr, PRESENT_RENEWAL, &e, 1,
		    "2025-06-30", year, &pl.d);
		assert_non_null(layout);
		tmppath("renew.pdf", pdf, sizeof(pdf));
		assert_int_equal(typeset_render(pl.ts, layout, e.source,
		    TYPESET_PAPER_DEFAULT, pdf, &pl.d), TYPESET_OK);
		text = pdf_text(pdf, 0);
		run_tool(&r, "pdfinfo", pdf, NULL);
		pages = atoi(strstr(r.out, "Pages:") + 6);
		run_free(&r);
		assert_true(pages >= 1 && pages <= 2);
		assert_non_null(strstr(text, "Continuing endorsement "
		    "statement for 2024"));
		assert_non_null(strstr(text, "REN-1"));
		assert_non_null(strstr(text, last_word(fx->people[i].name)));
		check_no_codes("renewal", text);
		check_third_person("renewal", text);
		assert_non_null(strstr(text, "personal information of the "
		    "endorsee"));
		if (strcmp(fx->people[i].assoc, "OK-AIMH") == 0) {
			assert_non_null(strstr(text, "Still due"));
			seen_ok = 1;
		} else {
			/* WI-AIMH's document states no renewal rules */
			assert_non_null(strstr(text, "state no rules for "
			    "continuing endorsement"));
			assert_null(strstr(text, "Still due"));
			seen_wi = 1;
		}
		free(text);
		xmlFreeDoc(layout);
		xmlFreeDoc(e.portfolio);
		xmlFreeDoc(e.checklist);
	}
	assert_true(seen_ok && seen_wi);
	pipeline_close(&pl);
	/* both membership records REN-3 reads, each said for what it is */
	run_endorse(&r, "renew", "--year=2024", AS_OF, "-o", pdf,
	    "examples/ok-clinical-ready.xml", NULL);
	expect_ok(&r, "renew -o");
	run_free(&r);
	text = pdf_text(pdf, 0);
	assert_non_null(strstr(text, "OK-AIMH: paid through 2024-12-31 "
	    "(recorded for 2024)"));
	assert_non_null(strstr(text, "OK-AIMH: paid through 2025-12-31 "
	    "(current membership)"));
	/* a recommendation under "still due" says how the year stands */
	assert_non_null(strstr(text, "REN-2: 3 of the hours are about RS/C "
	    "(3 recommended): followed."));
	free(text);
}

/* s with every from replaced by to; the caller frees it. */
static char *
replaced(const char *s, const char *from, const char *to)
{
	char		*out = NULL;
	size_t		 len = 0, fl = strlen(from);
	FILE		*f = open_memstream(&out, &len);
	const char	*p;

	assert_non_null(f);
	while ((p = strstr(s, from)) != NULL) {
		fwrite(s, 1, (size_t)(p - s), f);
		fputs(to, f);
		s = p + fl;
	}
	fputs(s, f);
	assert_int_equal(fclose(f), 0);
	return out;
}

/*
 * A supervisor whose name starts with a Hebrew letter: the paragraphs
 * stay left to right (the document's direction), the name is isolated,
 * and the hours and words after it keep their order (SECURITY.md rule
 * 10).  Without that, pdftotext read ".qualifies NAME" and
 * "h, on the OK-AIMH approved list 56 :NAME".
 */
static void
test_hebrew_name_keeps_order(void **state)
{
	static const char	 he[] = "\xd7\x93\xd7\xa0\xd7\x94 "
				    "\xd7\x94\xd7\x9c\xd7\x95\xd7\x99";
	char			 in[PATH_MAX], out[PATH_MAX], *xml, *pf;
	char			*text;
	size_t			 len;
	struct run		 r;

	(void)state;
	xml = slurp("examples/ok-clinical-ready.xml", &len);
	assert_non_null(xml);
	assert_non_null(strstr(xml, "Dr. Marguerite Hale"));
	pf = replaced(xml, "Dr. Marguerite Hale", he);
	free(xml);
	tmppath("hebrew.xml", in, sizeof(in));
	spew(in, pf, strlen(pf));
	free(pf);
	tmppath("hebrew.pdf", out, sizeof(out));
	run_endorse(&r, "review", AS_OF, "-o", out, in, NULL);
	expect_ok(&r, "review");
	run_free(&r);
	text = pdf_text(out, 0);
	assert_non_null(strstr(text, ": 56 h, on the OK-AIMH approved list"));
	assert_null(strstr(text, "list 56 :"));
	assert_null(strstr(text, ".qualifies"));
	assert_non_null(strstr(text, "qualifies."));
	free(text);
	run_endorse(&r, "packet", AS_OF, "-o", out, in, NULL);
	expect_ok(&r, "packet");
	run_free(&r);
	text = pdf_text(out, 0);
	assert_null(strstr(text, ".qualifies"));
	assert_null(strstr(text, ".has earned endorsement"));
	assert_non_null(strstr(text, "qualifies."));
	free(text);
}

/*
 * A glyph warning names the input file and the line of the portfolio
 * the text is on, never a line of the layout document: in the packet,
 * and in a review of several files (where it used to say "review:147").
 */
static void
test_glyph_warning_points_at_input(void **state)
{
	static const char	 title[] = "Foundations of Infant Mental Health "
				    "Practice";
	char			 in[PATH_MAX], out[PATH_MAX], want[PATH_MAX + 64];
	char			*xml, *pf;
	const char		*p, *q;
	size_t			 len;
	long			 line = 1;
	struct run		 r;

	(void)state;
	xml = slurp("examples/ok-clinical-ready.xml", &len);
	assert_non_null(xml);
	assert_non_null(p = strstr(xml, title));
	for (q = xml; q < p; q++)
		line += *q == '\n';
	/* Hangul: no bundled font has it */
	pf = replaced(xml, title, "Foundations \xed\x95\x9c\xea\xb5\xad");
	free(xml);
	tmppath("glyph.xml", in, sizeof(in));
	spew(in, pf, strlen(pf));
	free(pf);
	tmppath("glyph.pdf", out, sizeof(out));
	snprintf(want, sizeof(want), "endorse: %s:%ld: warning: training "
	    "title: ", in, line);
	run_endorse(&r, "packet", AS_OF, "-o", out, in, NULL);
	expect_ok(&r, "packet");
	if (strstr(r.err, want) == NULL)
		fail_msg("packet: want '%s...', got: %s", want, r.err);
	run_free(&r);
	run_endorse(&r, "review", AS_OF, "-o", out, in,
	    "examples/wi-clinical-ready.xml", NULL);
	expect_ok(&r, "review");
	snprintf(want, sizeof(want), "endorse: %s", in);
	if (strstr(r.err, want) == NULL || strstr(r.err, "review:") != NULL)
		fail_msg("review: want '%s...', got: %s", want, r.err);
	run_free(&r);
}

/*
 * The wording is the evaluation's own: no checklist text of any example
 * holds an internal code (the documents print them as they are, with no
 * rewriting); and the packet's positions table gives each position's
 * days per rule and kind, from the checklist's items (@n).
 */
static void
test_wording_at_the_source(void **state)
{
	struct fixture	*fx = *state;
	char		 what[PATH_MAX + 32], out[PATH_MAX], *text;
	struct run	 r;
	size_t		 i;

	for (i = 0; i < fx->n; i++) {
		run_endorse(&r, "packet", AS_OF, "--emit", "checklist",
		    fx->people[i].file, NULL);
		expect_ok(&r, "packet --emit checklist");
		snprintf(what, sizeof(what), "%s checklist",
		    fx->people[i].file);
		check_no_codes(what, r.out);
		run_free(&r);
	}
	run_endorse(&r, "packet", AS_OF, "-o", tmppath("pos.pdf", out,
	    sizeof(out)), "examples/ok-clinical-ready.xml", NULL);
	expect_ok(&r, "packet");
	run_free(&r);
	text = pdf_text(out, 1);
	if (strstr(text, "Days counted") == NULL ||
	    strstr(text, "WRK-C1: 1095 days, post-") == NULL ||
	    strstr(text, "WRK-C2: 3653 days, post-") == NULL)
		fail_msg("positions table without its days: %s", text);
	free(text);
}

/*
 * The chair's roster (endorse batch, A4): the result words of the packet
 * and the review ("Not ready", not "not ready"), and headings that nest
 * (the title the one H1, the applicants H2).
 */
static void
test_roster(void **state)
{
	struct fixture	*fx = *state;
	char		 dir[PATH_MAX], pdf[PATH_MAX + 16], *text, *p, *q;
	struct run	 r;

	tmppath("roster", dir, sizeof(dir));
	run_on_all(&r, fx, "batch", "--paper=a4", dir);
	assert_false(r.timed_out);
	assert_true(r.status <= 2);
	run_free(&r);
	snprintf(pdf, sizeof(pdf), "%s/roster.pdf", dir);
	/* in drawing order, each cell's lines joined by one space */
	text = pdf_text(pdf, 1);
	for (p = q = text; *p != '\0'; p++)
		if (!isspace((unsigned char)*p))
			*q++ = *p;
		else if (q > text && q[-1] != ' ')
			*q++ = ' ';
	*q = '\0';
	assert_non_null(strstr(text, "Ready for committee"));
	assert_non_null(strstr(text, "Not ready"));
	if (strstr(text, "not ready") != NULL ||
	    strstr(text, "needs committee") != NULL)
		fail_msg("roster: result words not as in the totals: %s",
		    text);
	free(text);
	run_tool(&r, "sh", "-c", "qpdf --qdf --object-streams=disable "
	    "\"$0\" - | grep -ac '/S /H1'", pdf, NULL);
	assert_int_equal(atoi(r.out), 1);
	run_free(&r);
	run_tool(&r, "sh", "-c", "qpdf --qdf --object-streams=disable "
	    "\"$0\" - | grep -ac '/S /H2'", pdf, NULL);
	assert_true(atoi(r.out) >= 1);
	run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_review_pages_name_the_applicant),
		cmocka_unit_test(test_no_stranded_heading_or_label),
		cmocka_unit_test(test_combined_review),
		cmocka_unit_test(test_golden_layouts),
		cmocka_unit_test(test_reviewer_copies),
		cmocka_unit_test(test_renewal_statement),
		cmocka_unit_test(test_hebrew_name_keeps_order),
		cmocka_unit_test(test_glyph_warning_points_at_input),
		cmocka_unit_test(test_wording_at_the_source),
		cmocka_unit_test(test_roster),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
