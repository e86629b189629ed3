/*
 * test_evaluate: stage 2 rule by rule, on both sides of every boundary of
 * RULES.md, for both associations and the tracks where a rule differs.
 *
 * Each test starts from one complete portfolio (OK-AIMH, Clinical, ready
 * for committee as of 2025-06-30; it also meets WI-AIMH's rules), changes
 * the one part its rule reads, evaluates it in-process and checks the
 * rule's status and the words of its explanation or shortfall.  Every
 * checklist made here is also validated against schemas/checklist.xsd.
 * Test names start with the rule id.
 */
#include "harness.h"

#include <time.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "evaluate.h"
#include "validate.h"
#include "xmlload.h"

#define AS_OF	"2025-06-30"

/* The parts of a portfolio a test may replace; NULL keeps the default. */
struct pf {
	const char	*application;	/* attributes */
	const char	*education;
	const char	*training;
	const char	*experience;
	const char	*rsc;
	const char	*people;
	const char	*references;
	const char	*attestations;
	const char	*renewals;
};

static const struct pf base = {
	"association='OK-AIMH' level='IV' track='clinical'",
	"<degree kind='MA' awarded='2015-05-15' "
	    "transcript-received='2025-01-10'><institution>State "
	    "University</institution></degree>",
	"<course start='2020-01-10' hours='18' relationship-based='yes'>"
	    "<title>Infant mental health foundations</title><provider>OK-AIMH"
	    "</provider><competency>theoretical-foundations</competency>"
	    "</course>"
	"<course start='2021-03-01' hours='12' relationship-based='yes'>"
	    "<title>Reflective practice</title><provider>WI-AIMH</provider>"
	    "<competency>reflection</competency></course>",
	"<position start='2015-06-01' end='2018-05-31' "
	    "work='direct-service supervised'><role>Clinician</role>"
	    "<employer>Family Center</employer></position>"
	"<position start='2018-06-01' end='ongoing' work='rsc-provision'>"
	    "<role>Clinical supervisor</role><employer>Family Center"
	    "</employer></position>"
	"<leadership activity='conference-planning' scope='state' "
	    "start='2022-01-01'><description>Planned the state conference."
	    "</description></leadership>",
	"<session date='2023-01-05' hours='25' format='individual' "
	    "provider='p1'/>"
	"<session date='2024-01-04' hours='25' format='group' "
	    "provider='p1'/>",
	"<person id='p1'><name>Rosa Provider</name><endorsement "
	    "association='WI-AIMH' level='IV' designation='IMHM' "
	    "track='clinical'/></person>"
	"<person id='p2'><name>Sam Supervisor</name></person>"
	"<person id='p3'><name>Rita Recipient</name></person>",
	"<reference person='p2' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	"<reference person='p1' role='rsc-provider' completed='2025-01-02'/>"
	"<reference person='p3' role='rsc-recipient' completed='2025-01-03'/>",
	"<ethics signed='2025-01-01'/>"
	"<exam status='passed' date='2025-03-01'/>"
	"<membership association='OK-AIMH' paid-through='2025-12-31'/>"
	"<fee kind='registration' association='WI-AIMH' amount='20' "
	    "paid='2025-01-01'/>"
	"<fee kind='application' association='WI-AIMH' amount='300' "
	    "paid='2025-01-01'/>",
	"<renewal year='2024' training-hours='15'/>"
};

/* Clinical: the WRK-C2 years, apart from any WRK-C1 years. */
#define C2_POSITION \
	"<position start='2018-06-01' end='ongoing' work='rsc-provision'>" \
	"<role>S</role><employer>E</employer></position>"

/* Policy and Research/Faculty experience: three years as a leader. */
#define POLICY_WORK \
	"<position start='2015-06-01' end='ongoing' " \
	    "work='policy-administration'><role>Director</role>" \
	    "<employer>State Department of Health</employer></position>" \
	"<leadership activity='policy-making-groups' scope='state' " \
	    "start='2020-01-01'><description>Early childhood council." \
	    "</description></leadership>"
#define RESEARCH_WORK \
	"<position start='2015-06-01' end='ongoing' " \
	    "work='university-teaching published-research'><role>Associate " \
	    "professor</role><employer>State University</employer>" \
	    "</position>" \
	"<leadership activity='present-publish' scope='national' " \
	    "start='2019-01-01'><description>Papers and talks." \
	    "</description></leadership>"

struct fixture {
	struct datadir	*dd;
	struct catalog	*cat;
	struct validate	*applicant;
	struct validate	*checklist;
	struct evaluate	*ev;
	struct diag	 diag;
};

static struct fixture	fx;

static int
setup(void **state)
{
	char	path[PATH_MAX];

	(void)state;
	xmlload_init();
	diag_init(&fx.diag, stderr, "test");
	if ((fx.dd = datadir_open(&fx.diag)) == NULL ||
	    (fx.cat = catalog_open(fx.dd, &fx.diag)) == NULL)
		return -1;
	fx.applicant = validate_new(srcpath("schemas/applicant.xsd", path,
	    sizeof(path)), fx.cat->codes, &fx.diag);
	if (fx.applicant != NULL)
		validate_set_ref_target(fx.applicant, "person");
	fx.checklist = validate_new(srcpath("schemas/checklist.xsd", path,
	    sizeof(path)), NULL, &fx.diag);
	fx.ev = evaluate_new(fx.dd, fx.cat, &fx.diag);
	return fx.applicant && fx.checklist && fx.ev ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	evaluate_free(fx.ev);
	validate_free(fx.checklist);
	validate_free(fx.applicant);
	catalog_free(fx.cat);
	datadir_free(fx.dd);
	return 0;
}

#define PICK(f)	(p->f != NULL ? p->f : base.f)

static char *
portfolio_xml(const struct pf *p)
{
	char	*xml;

	assert_true(asprintf(&xml,
	    "<portfolio xmlns='urn:endorse:portfolio:1' version='1'>\n"
	    "<applicant><name>Test Applicant</name></applicant>\n"
	    "<application %s/>\n"
	    "<education>%s</education>\n"
	    "<training>%s</training>\n"
	    "<experience>%s</experience>\n"
	    "<reflective-supervision>%s</reflective-supervision>\n"
	    "<people>%s</people>\n"
	    "<references>%s</references>\n"
	    "<attestations>%s</attestations>\n"
	    "<renewals>%s</renewals>\n"
	    "</portfolio>\n",
	    PICK(application), PICK(education), PICK(training),
	    PICK(experience), PICK(rsc), PICK(people), PICK(references),
	    PICK(attestations), PICK(renewals)) > 0);
	return xml;
}

/*
 * Evaluate p (valid by construction) as of as_of; assoc and track
 * override the portfolio's when not NULL.  The checklist must be valid.
 */
static xmlDocPtr
evaluate_pf(const struct pf *p, const char *as_of, const char *assoc,
    const char *track, const char *kind, const char *year)
{
	struct evaluate_params	 prm;
	enum xmlload_status	 status;
	xmlDocPtr		 doc, cl;
	char			*xml = portfolio_xml(p);

	doc = xmlload_memory(xml, strlen(xml), "test.xml", &fx.diag, &status);
	assert_non_null(doc);
	assert_int_equal(validate_run(fx.applicant, doc, "test.xml",
	    &fx.diag), 0);
	memset(&prm, 0, sizeof(prm));
	prm.as_of = as_of != NULL ? as_of : AS_OF;
	prm.association = assoc;
	prm.track = track;
	prm.kind = kind != NULL ? kind : "initial";
	prm.year = year;
	cl = evaluate_run(fx.ev, doc, "test.xml", &prm, &fx.diag);
	assert_non_null(cl);
	assert_int_equal(validate_run(fx.checklist, cl, "checklist",
	    &fx.diag), 0);
	xmlFreeDoc(doc);
	free(xml);
	return cl;
}

/* The text of an XPath expression on the checklist (prefix c). */
static char *
xpath_string(xmlDocPtr cl, const char *expr)
{
	xmlXPathContextPtr	 ctx = xmlXPathNewContext(cl);
	xmlXPathObjectPtr	 obj;
	char			*s;

	assert_non_null(ctx);
	xmlXPathRegisterNs(ctx, BAD_CAST "c",
	    BAD_CAST "urn:endorse:checklist:1");
	obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	assert_non_null(obj);
	s = (char *)xmlXPathCastToString(obj);
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(ctx);
	return s;
}

static char *
rule_field(xmlDocPtr cl, const char *id, const char *field)
{
	char	expr[256];

	snprintf(expr, sizeof(expr), "string(/c:checklist/c:rule[@id='%s']/%s)",
	    id, field);
	return xpath_string(cl, expr);
}

/*
 * Check rule id's status; when words is not NULL, the explanation,
 * shortfall or evidence must contain it.
 */
static void
expect_full(xmlDocPtr cl, const char *id, const char *status,
    const char *words)
{
	char	*got = rule_field(cl, id, "@status");
	char	*all;
	char	 expr[256];

	if (strcmp(got, status) != 0)
		fail_msg("%s: status '%s', expected '%s': %s", id, got, status,
		    rule_field(cl, id, "c:explanation"));
	free(got);
	if (words == NULL)
		return;
	snprintf(expr, sizeof(expr), "concat(/c:checklist/c:rule[@id='%s']"
	    "/c:explanation, ' | ', /c:checklist/c:rule[@id='%s']/c:shortfall,"
	    " ' | ', /c:checklist/c:rule[@id='%s']/c:evidence)", id, id, id);
	all = xpath_string(cl, expr);
	if (strstr(all, words) == NULL)
		fail_msg("%s: '%s' not in: %s", id, words, all);
	free(all);
}

static void
expect_result(xmlDocPtr cl, const char *result)
{
	char	*got = xpath_string(cl, "string(/c:checklist/@result)");

	if (strcmp(got, result) != 0)
		fail_msg("result '%s', expected '%s'", got, result);
	free(got);
}

/* Evaluate, check one rule, free. */
static void
expect(const struct pf *p, const char *assoc, const char *id,
    const char *status, const char *words)
{
	xmlDocPtr	cl = evaluate_pf(p, NULL, assoc, NULL, NULL, NULL);

	expect_full(cl, id, status, words);
	xmlFreeDoc(cl);
}

/* ---- the base portfolio ---------------------------------------------- */

static void
base_ok_is_ready(void **state)
{
	struct pf	p = { 0 };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_result(cl, "ready");
	expect_full(cl, "FEE-1", "not-applicable", NULL);
	expect_full(cl, "TRN-2", "review", NULL);	/* judgement */
	xmlFreeDoc(cl);
}

static void
base_wi_is_ready(void **state)
{
	struct pf	p = { 0 };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, "WI-AIMH", NULL, NULL, NULL);
	expect_result(cl, "ready");
	expect_full(cl, "WRK-C3", "not-applicable", NULL);
	xmlFreeDoc(cl);
}

/* ---- TRN-1: hours are exact ------------------------------------------ */

#define COURSE(h) "<course start='2020-01-10' hours='" h "' " \
	"relationship-based='yes'><title>T</title><provider>P</provider>" \
	"</course>"

static void
TRN1_29_99_not_met(void **state)
{
	struct pf	p = { .training = COURSE("20") COURSE("9.99") };

	(void)state;
	expect(&p, NULL, "TRN-1", "not-met", "Needs 0.01 more");
	expect(&p, "WI-AIMH", "TRN-1", "not-met", "Needs 0.01 more");
}

static void
TRN1_30_met(void **state)
{
	struct pf	p = { .training = COURSE("29.99") COURSE("0.01") };

	(void)state;
	expect(&p, NULL, "TRN-1", "met", "30");
	expect(&p, "WI-AIMH", "TRN-1", "met", NULL);
}

static void
TRN1_not_relationship_based_excluded(void **state)
{
	struct pf	p = { .training = COURSE("29.75")
	    "<course start='2020-01-10' hours='5' relationship-based='no'>"
	    "<title>Spreadsheets</title><provider>P</provider></course>" };

	(void)state;
	expect(&p, NULL, "TRN-1", "not-met", "Needs 0.25 more");
}

/* ---- MEM-1: end dates inclusive -------------------------------------- */

static void
MEM1_lapsed_day_before_not_met(void **state)
{
	struct pf	p = { .attestations = "<ethics signed='2025-01-01'/>"
	    "<exam status='passed' date='2025-03-01'/>"
	    "<membership association='OK-AIMH' paid-through='2025-06-29'/>" };

	(void)state;
	expect(&p, NULL, "MEM-1", "not-met", "2025-06-29");
}

static void
MEM1_paid_through_as_of_met(void **state)
{
	struct pf	p = { .attestations = "<ethics signed='2025-01-01'/>"
	    "<exam status='passed' date='2025-03-01'/>"
	    "<membership association='OK-AIMH' paid-through='2025-06-30'/>" };

	(void)state;
	expect(&p, NULL, "MEM-1", "met", NULL);
}

static void
MEM1_other_imh_association_met(void **state)
{
	struct pf	p = { .attestations = "<ethics signed='2025-01-01'/>"
	    "<exam status='passed' date='2025-03-01'/>"
	    "<membership association='MI-AIMH' paid-through='2026-01-31'/>" };

	(void)state;
	expect(&p, NULL, "MEM-1", "met", "MI-AIMH");
}

/* ---- FEE-1, FEE-2: WI only ------------------------------------------- */

static void
FEE_wi_paid_met_ok_not_applicable(void **state)
{
	struct pf	p = { 0 };

	(void)state;
	expect(&p, "WI-AIMH", "FEE-1", "met", NULL);
	expect(&p, "WI-AIMH", "FEE-2", "met", NULL);
	expect(&p, NULL, "FEE-2", "not-applicable", NULL);
}

static void
FEE_wi_short_or_missing_not_met(void **state)
{
	struct pf	p = { .attestations = "<ethics signed='2025-01-01'/>"
	    "<exam status='passed' date='2025-03-01'/>"
	    "<membership association='OK-AIMH' paid-through='2025-12-31'/>"
	    "<fee kind='registration' association='WI-AIMH' amount='19.99' "
	    "paid='2025-01-01'/>" };

	(void)state;
	expect(&p, "WI-AIMH", "FEE-1", "not-met", NULL);
	expect(&p, "WI-AIMH", "FEE-2", "not-met", "$300");
}

/* ---- EDU-1, EDU-2, EDU-3 --------------------------------------------- */

static void
EDU1_other_imh_degree_review(void **state)
{
	struct pf	p = { .education = "<other-degree level='master' "
	    "imh-specific='yes' awarded='2015-05-15' "
	    "transcript-received='2015-06-01'><description>MA in Infant "
	    "Mental Health Studies</description><institution>U</institution>"
	    "</other-degree>" };

	(void)state;
	expect(&p, NULL, "EDU-1", "review", NULL);
}

static void
EDU1_bachelor_only_not_met(void **state)
{
	struct pf	p = { .education = "<other-degree level='bachelor' "
	    "imh-specific='no' awarded='2010-05-15' "
	    "transcript-received='2015-06-01'><description>BA Psychology"
	    "</description><institution>U</institution></other-degree>" };

	(void)state;
	expect(&p, NULL, "EDU-1", "not-met", NULL);
}

static void
EDU2_missing_transcript_named(void **state)
{
	struct pf	p = { .education = "<degree kind='MSW' "
	    "awarded='2015-05-15'><institution>Lakeside University"
	    "</institution></degree>" };

	(void)state;
	expect(&p, NULL, "EDU-2", "not-met", "Lakeside University");
}

static void
EDU3_request_review(void **state)
{
	struct pf	p = { .education = "<degree kind='MA' "
	    "awarded='2015-05-15' transcript-received='2015-06-01'>"
	    "<institution>U</institution></degree><in-service-request>Two "
	    "years of agency in-service training.</in-service-request>" };

	(void)state;
	expect(&p, NULL, "EDU-3", "review", "agency in-service");
	expect(&base, NULL, "EDU-3", "not-applicable", NULL);
}

/* ---- WRK-C1: Level III work ------------------------------------------ */

static void
WRKC1_overlapping_positions_count_once(void **state)
{
	/* 366 + 365 days, but the union is 547 days < 730. */
	struct pf	p = { .experience =
	    "<position start='2016-01-01' end='2016-12-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    "<position start='2016-07-01' end='2017-06-30' "
	    "work='direct-service supervised'><role>B</role><employer>E"
	    "</employer></position>"
	    C2_POSITION };

	(void)state;
	expect(&p, NULL, "WRK-C1", "not-met", "547");
}

static void
WRKC1_two_years_boundary(void **state)
{
	/* 2016-01-01..2017-12-30 is 730 days; one day less is not. */
	struct pf	met = { .experience =
	    "<position start='2016-01-01' end='2017-12-30' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION };
	struct pf	short_ = { .experience =
	    "<position start='2016-01-01' end='2017-12-29' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION };

	(void)state;
	expect(&met, NULL, "WRK-C1", "met", "730");
	expect(&short_, NULL, "WRK-C1", "not-met", "Needs 1 more day of");
}

static void
WRKC1_unsupervised_does_not_count(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2015-06-01' end='2018-05-31' "
	    "work='direct-service'><role>A</role><employer>E</employer>"
	    "</position>"
	    C2_POSITION };

	(void)state;
	expect(&p, NULL, "WRK-C1", "not-met", NULL);
}

static void
WRKC1_internship_path(void **state)
{
	/* 365 days of internship before the degree + 366 days after. */
	struct pf	p = { .experience =
	    "<position start='2014-05-15' end='2015-05-14' "
	    "work='direct-service supervised graduate-internship'><role>"
	    "Intern</role><employer>E</employer></position>"
	    "<position start='2015-06-01' end='2016-05-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION };

	(void)state;
	expect(&p, NULL, "WRK-C1", "met", "internship");
	expect(&p, "WI-AIMH", "WRK-C1", "met", "internship");
}

static void
WRKC1_internship_short_not_met(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2014-05-16' end='2015-05-14' "
	    "work='direct-service supervised graduate-internship'><role>"
	    "Intern</role><employer>E</employer></position>"
	    "<position start='2015-06-01' end='2016-05-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION };

	(void)state;
	expect(&p, NULL, "WRK-C1", "not-met", NULL);
}

static void
WRKC1_not_applicable_other_tracks(void **state)
{
	struct pf	p = { .application =
	    "association='OK-AIMH' level='IV' track='policy'" };

	(void)state;
	expect(&p, NULL, "WRK-C1", "not-applicable", NULL);
	expect(&p, NULL, "WRK-C2", "not-applicable", NULL);
}

/* ---- WRK-C2: distinct from WRK-C1 ------------------------------------ */

static void
WRKC2_overlapping_years_review(void **state)
{
	/* One position of 1642 days doing both: each alone suffices. */
	struct pf	p = { .experience =
	    "<position start='2021-01-01' end='ongoing' "
	    "work='direct-service supervised rsc-provision'><role>A</role>"
	    "<employer>E</employer></position>"
	    "<leadership activity='conference-planning' scope='state' "
	    "start='2022-01-01'><description>Planned.</description>"
	    "</leadership>" };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "WRK-C2", "review", "overlap");
	expect_result(cl, "needs-review");
	xmlFreeDoc(cl);
}

static void
WRKC2_long_shared_position_met(void **state)
{
	/* 2373 days: room for 730 + 1095 distinct days. */
	struct pf	p = { .experience =
	    "<position start='2019-01-01' end='ongoing' "
	    "work='direct-service supervised rsc-provision'><role>A</role>"
	    "<employer>E</employer></position>"
	    "<leadership activity='conference-planning' scope='state' "
	    "start='2022-01-01'><description>Planned.</description>"
	    "</leadership>" };

	(void)state;
	expect(&p, NULL, "WRK-C2", "met", NULL);
}

static void
WRKC2_wi_practice_leadership(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2015-06-01' end='2018-05-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    "<position start='2018-06-01' end='ongoing' "
	    "work='practice-leadership'><role>Trainer</role><employer>E"
	    "</employer></position>" };

	(void)state;
	expect(&p, "WI-AIMH", "WRK-C2", "met", NULL);
	expect(&p, NULL, "WRK-C2", "not-met", NULL);
}

/* ---- WRK-C3, WRK-P2, WRK-R2: regional or state ----------------------- */

static void
WRKC3_local_only_not_met(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2015-06-01' end='2018-05-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION
	    "<leadership activity='reflective-practice-groups' scope='local' "
	    "start='2022-01-01'><description>Led a group.</description>"
	    "</leadership>" };

	(void)state;
	expect(&p, NULL, "WRK-C3", "not-met", NULL);
	expect(&p, "WI-AIMH", "WRK-C3", "not-applicable", NULL);
}

static void
WRKC3_regional_met(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2015-06-01' end='2018-05-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION
	    "<leadership activity='other' scope='regional' "
	    "start='2022-01-01'><description>Regional network.</description>"
	    "</leadership>" };

	(void)state;
	expect(&p, NULL, "WRK-C3", "met", NULL);
}

/* ---- WRK-P1, WRK-R1: three years post-graduate ----------------------- */

static void
WRKP1_three_years_boundary(void **state)
{
	/* 2016-01-01..2018-12-30 is 1095 days; starting a day later not. */
	struct pf	met = { .application =
	    "association='OK-AIMH' level='IV' track='policy'",
	    .experience = "<position start='2016-01-01' end='2018-12-30' "
	    "work='policy-administration'><role>A</role><employer>E"
	    "</employer></position>" };
	struct pf	short_ = { .application =
	    "association='OK-AIMH' level='IV' track='policy'",
	    .experience = "<position start='2016-01-02' end='2018-12-30' "
	    "work='policy-administration'><role>A</role><employer>E"
	    "</employer></position>" };

	(void)state;
	expect(&met, NULL, "WRK-P1", "met", "1095");
	expect(&short_, NULL, "WRK-P1", "not-met", "Needs 1 more day of");
	expect(&short_, "WI-AIMH", "WRK-P1", "not-met", NULL);
}

static void
WRKP1_before_degree_not_counted(void **state)
{
	/* Only the days after the award date (2015-05-15) count. */
	struct pf	p = { .application =
	    "association='OK-AIMH' level='IV' track='policy'",
	    .experience = "<position start='2013-01-01' end='2017-05-15' "
	    "work='policy-administration'><role>A</role><employer>E"
	    "</employer></position>" };

	(void)state;
	expect(&p, NULL, "WRK-P1", "not-met", "731");
}

static void
WRKR1_teaching_met(void **state)
{
	struct pf	p = { .application =
	    "association='OK-AIMH' level='IV' track='research-faculty'",
	    .experience = RESEARCH_WORK };

	(void)state;
	expect(&p, NULL, "WRK-R1", "met", NULL);
	expect(&p, NULL, "WRK-R2", "met", NULL);
	expect(&p, NULL, "WRK-P1", "not-applicable", NULL);
}

/* ---- RSC-1, RSC-2: 50 hours in 12 to 24 months ----------------------- */

#define TWO_SESSIONS(a, b) \
	"<session date='" a "' hours='25' format='individual' " \
	    "provider='p1'/><session date='" b "' hours='25' " \
	    "format='individual' provider='p1'/>"

static void
RSC2_exactly_one_year_met(void **state)
{
	struct pf	p = { .rsc = TWO_SESSIONS("2023-01-05", "2024-01-04") };

	(void)state;
	expect(&p, NULL, "RSC-1", "met", NULL);
	expect(&p, NULL, "RSC-2", "met", "2023-01-05 to 2024-01-04");
}

static void
RSC2_eleven_months_not_met(void **state)
{
	struct pf	p = { .rsc = TWO_SESSIONS("2023-01-05", "2023-12-04") };
	struct pf	q = { .rsc = TWO_SESSIONS("2023-01-05", "2024-01-03") };

	(void)state;
	expect(&p, NULL, "RSC-2", "not-met", NULL);
	expect(&q, NULL, "RSC-2", "not-met", NULL);	/* one day short */
	expect(&p, NULL, "RSC-1", "met", NULL);		/* the hours are there */
}

static void
RSC2_twenty_four_months_met(void **state)
{
	struct pf	p = { .rsc = TWO_SESSIONS("2023-01-05", "2025-01-04") };

	(void)state;
	expect(&p, NULL, "RSC-2", "met", NULL);
}

static void
RSC2_twenty_five_months_not_met(void **state)
{
	struct pf	p = { .rsc = TWO_SESSIONS("2023-01-05", "2025-02-04") };
	struct pf	q = { .rsc = TWO_SESSIONS("2023-01-05", "2025-01-05") };

	(void)state;
	expect(&p, NULL, "RSC-2", "not-met", NULL);
	expect(&q, NULL, "RSC-2", "not-met", NULL);	/* one day over */
}

static void
RSC2_month_end_clamps(void **state)
{
	/* 2024-02-29 + 12 months - 1 day = 2025-02-27 (clamped to 28). */
	struct pf	p = { .rsc = TWO_SESSIONS("2024-02-29", "2025-02-27") };
	struct pf	q = { .rsc = TWO_SESSIONS("2024-02-29", "2025-02-26") };

	(void)state;
	expect(&p, NULL, "RSC-2", "met", NULL);
	expect(&q, NULL, "RSC-2", "not-met", NULL);
}

static void
RSC2_sliding_window_in_long_history(void **state)
{
	/* 36 monthly sessions of 2.5 h from 2020-01-10: 35 months in all,
	 * but 20 consecutive sessions (19 months) hold exactly 50 h. */
	char		buf[8192];
	size_t		off = 0;
	int		i;
	struct pf	p = { 0 };

	(void)state;
	for (i = 0; i < 36; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
		    "<session date='%04d-%02d-10' hours='2.5' format='group' "
		    "provider='p1'/>", 2020 + i / 12, 1 + i % 12);
	p.rsc = buf;
	expect(&p, NULL, "RSC-2", "met", "within 12 to 24 months");
}

static void
RSC2_short_history_not_met(void **state)
{
	/* 12 monthly sessions of 4 h: 48 h, and only 11 months. */
	char		buf[4096];
	size_t		off = 0;
	int		i;
	struct pf	p = { 0 };

	(void)state;
	for (i = 0; i < 12; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
		    "<session date='2023-%02d-10' hours='4' format='group' "
		    "provider='p1'/>", 1 + i);
	p.rsc = buf;
	expect(&p, NULL, "RSC-1", "not-met", "Needs 2 more");
	expect(&p, NULL, "RSC-2", "not-met", NULL);
}

static void
RSC1_policy_not_applicable_wi_advice(void **state)
{
	struct pf	p = { .application =
	    "association='OK-AIMH' level='IV' track='policy'",
	    .experience = POLICY_WORK, .rsc = "" };

	(void)state;
	expect(&p, NULL, "RSC-1", "not-applicable", NULL);
	expect(&p, "WI-AIMH", "RSC-1", "advice", NULL);
}

/* ---- RSC-3, RSC-4: who the hours are with ---------------------------- */

#define IMHS_PROVIDER "<person id='p1'><name>Rosa Provider</name>" \
	"<endorsement association='WI-AIMH' level='III' designation='IMHS'/>" \
	"</person><person id='p2'><name>Sam Supervisor</name></person>" \
	"<person id='p3'><name>Rita Recipient</name></person>"

static void
RSC3_level_iii_provider_ok_met_wi_not_met(void **state)
{
	struct pf	p = { .people = IMHS_PROVIDER };

	(void)state;
	expect(&p, NULL, "RSC-3", "met", "Rosa Provider");
	expect(&p, "WI-AIMH", "RSC-3", "not-met", "Rosa Provider");
	expect(&p, "WI-AIMH", "RSC-1", "not-met", NULL);
}

static void
RSC3_wi_vetted_provider_met(void **state)
{
	struct pf	p = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name><vetted-level-iv-clinical association='WI-AIMH' "
	    "date='2020-01-01'/></person><person id='p2'><name>Sam "
	    "Supervisor</name><endorsement association='OK-AIMH' level='II' "
	    "designation='IFS'/></person><person id='p3'><name>Rita "
	    "Recipient</name></person>" };

	(void)state;
	expect(&p, "WI-AIMH", "RSC-3", "met", NULL);
	/* vetted by WI, not on OK's list and not endorsed: OK says no */
	expect(&p, NULL, "RSC-3", "not-met", NULL);
}

static void
RSC3_ok_approved_list_met(void **state)
{
	struct pf	p = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name><approved-provider association='OK-AIMH'/></person>"
	    "<person id='p2'><name>Sam Supervisor</name><endorsement "
	    "association='OK-AIMH' level='II' designation='IFS'/></person>"
	    "<person id='p3'><name>Rita Recipient</name></person>" };

	(void)state;
	expect(&p, NULL, "RSC-3", "met", NULL);
}

static void
RSC4_peer_group_excluded(void **state)
{
	struct pf	p = { .rsc = "<session date='2023-01-05' hours='25' "
	    "format='individual' provider='p1'/><session date='2023-06-05' "
	    "hours='10' format='peer-group'/><session date='2024-01-04' "
	    "hours='15' format='group' provider='p1'/>" };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "RSC-4", "met", "10 h, peer group: peer group without");
	expect_full(cl, "RSC-1", "not-met", "Needs 10 more");
	xmlFreeDoc(cl);
}

/* ---- REF-1, REF-2, REF-3 --------------------------------------------- */

static void
REF1_one_person_two_slots(void **state)
{
	struct pf	p = { .references =
	    "<reference person='p2' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p2' role='colleague' completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>" };

	(void)state;
	expect(&p, NULL, "REF-1", "not-met", "Needs 1 more");
}

static void
REF1_same_name_normalised(void **state)
{
	/* "José Núñez" precomposed vs "JOSE\u0301 NU\u0303N\u0303EZ"? the
	 * second spells the accents as combining marks and in capitals. */
	struct pf	p = {
	    .people = "<person id='p1'><name>Rosa Provider</name>"
	    "<endorsement association='WI-AIMH' level='IV' designation='IMHM' "
	    "track='clinical'/></person>"
	    "<person id='p2'><name>Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez</name>"
	    "</person><person id='p3'><name>JOSE\xcc\x81 "
	    "NU\xcc\x81N\xcc\x83" "EZ</name></person>" };

	(void)state;
	expect(&p, NULL, "REF-1", "not-met", NULL);
}

static void
REF1_incomplete_not_counted(void **state)
{
	struct pf	p = { .references =
	    "<reference person='p2' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='rsc-recipient'/>" };

	(void)state;
	expect(&p, NULL, "REF-1", "not-met", "Needs 1 more");
	expect(&p, NULL, "REF-3", "not-met", NULL);
}

static void
REF2_no_endorsed_rater(void **state)
{
	struct pf	p = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name><approved-provider association='OK-AIMH'/></person>"
	    "<person id='p2'><name>Sam Supervisor</name></person>"
	    "<person id='p3'><name>Rita Recipient</name></person>" };

	(void)state;
	expect(&p, NULL, "REF-2", "not-met", NULL);
	expect(&base, NULL, "REF-2", "met", "Rosa Provider");
}

static void
REF3_clinical_missing_recipient(void **state)
{
	struct pf	p = { .references =
	    "<reference person='p2' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='colleague' completed='2025-01-03'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "not-met",
	    "Missing reference: person receiving");
}

#define POLICY_APP "association='OK-AIMH' level='IV' track='policy'"

static void
REF3_policy_supervisor_provider_met(void **state)
{
	struct pf	p = { .application = POLICY_APP,
	    .experience = POLICY_WORK, .references =
	    "<reference person='p2' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='colleague' completed='2025-01-03'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "met", NULL);
	expect(&p, "WI-AIMH", "REF-3", "met", NULL);
}

static void
REF3_policy_neither_three_colleagues_met(void **state)
{
	struct pf	p = { .application = POLICY_APP,
	    .experience = POLICY_WORK, .references =
	    "<reference person='p2' role='colleague' completed='2025-01-01'/>"
	    "<reference person='p1' role='colleague' completed='2025-01-02'/>"
	    "<reference person='p3' role='colleague' completed='2025-01-03'/>"
	    "<statement kind='no-current-supervisor'>Self-employed "
	    "consultant.</statement>"
	    "<statement kind='no-rsc-provider'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "met", NULL);
}

static void
REF3_policy_absence_not_inferred(void **state)
{
	/* Three colleagues but no statement: the roles are missing. */
	struct pf	p = { .application = POLICY_APP,
	    .experience = POLICY_WORK, .references =
	    "<reference person='p2' role='colleague' completed='2025-01-01'/>"
	    "<reference person='p1' role='colleague' completed='2025-01-02'/>"
	    "<reference person='p3' role='colleague' completed='2025-01-03'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "not-met", NULL);
}

static void
REF3_policy_one_of_two_review(void **state)
{
	struct pf	p = { .application = POLICY_APP,
	    .experience = POLICY_WORK, .references =
	    "<reference person='p2' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p1' role='colleague' completed='2025-01-02'/>"
	    "<reference person='p3' role='colleague' completed='2025-01-03'/>"
	    "<statement kind='no-rsc-provider'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "review", NULL);
}

#define RESEARCH_APP \
	"association='OK-AIMH' level='IV' track='research-faculty'"

static void
REF3_research_chair_familiar_met(void **state)
{
	struct pf	p = { .application = RESEARCH_APP,
	    .experience = RESEARCH_WORK, .references =
	    "<reference person='p2' role='department-chair' "
	    "completed='2025-01-01' familiar-with-imh='yes'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='student' completed='2025-01-03'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "met", NULL);
}

static void
REF3_research_chair_not_familiar_review(void **state)
{
	struct pf	p = { .application = RESEARCH_APP,
	    .experience = RESEARCH_WORK, .references =
	    "<reference person='p2' role='department-chair' "
	    "completed='2025-01-01' familiar-with-imh='no'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='student' completed='2025-01-03'/>" };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "REF-3", "review", "familiar");
	expect_result(cl, "needs-review");
	xmlFreeDoc(cl);
}

static void
REF3_research_chair_stated_unfamiliar(void **state)
{
	/* stated not familiar: a colleague takes slot 1; without one, the
	 * chair's rating goes to the committee */
	struct pf	colleague = { .application = RESEARCH_APP,
	    .experience = RESEARCH_WORK, .references =
	    "<reference person='p2' role='colleague' completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='student' completed='2025-01-03'/>"
	    "<statement kind='chair-not-familiar-with-imh'/>" };
	struct pf	chair = { .application = RESEARCH_APP,
	    .experience = RESEARCH_WORK, .references =
	    "<reference person='p2' role='department-chair' "
	    "completed='2025-01-01' familiar-with-imh='no'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='student' completed='2025-01-03'/>"
	    "<statement kind='chair-not-familiar-with-imh'/>" };

	(void)state;
	expect(&colleague, NULL, "REF-3", "met", NULL);
	expect(&chair, NULL, "REF-3", "review", "Sam Supervisor");
}

static void
REF3_research_missing_student(void **state)
{
	struct pf	p = { .application = RESEARCH_APP,
	    .experience = RESEARCH_WORK, .references =
	    "<reference person='p2' role='department-chair' "
	    "completed='2025-01-01' familiar-with-imh='yes'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='colleague' completed='2025-01-03'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "not-met", "student");
}

/* ---- ETH-1, EXM-1 ---------------------------------------------------- */

#define ATTEST(exam) "<ethics signed='2025-01-01'/>" exam \
	"<membership association='OK-AIMH' paid-through='2025-12-31'/>"

static void
ETH1_unsigned_not_met(void **state)
{
	struct pf	p = { .attestations = "<exam status='passed' "
	    "date='2025-03-01'/><membership association='OK-AIMH' "
	    "paid-through='2025-12-31'/>" };

	(void)state;
	expect(&p, NULL, "ETH-1", "not-met", NULL);
	expect(&base, NULL, "ETH-1", "met", "2025-01-01");
}

static void
EXM1_scheduled_pending(void **state)
{
	struct pf	p = { .attestations = ATTEST(
	    "<exam status='scheduled' date='2025-09-08'/>") };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "EXM-1", "pending", "2025-09-08");
	expect_result(cl, "not-ready");
	xmlFreeDoc(cl);
}

static void
EXM1_failed_not_met_then_passed(void **state)
{
	struct pf	failed = { .attestations = ATTEST(
	    "<exam status='failed' date='2025-01-08'/>") };
	struct pf	retaken = { .attestations = ATTEST(
	    "<exam status='failed' date='2024-09-08'/>"
	    "<exam status='passed' date='2025-03-08'/>") };

	(void)state;
	expect(&failed, NULL, "EXM-1", "not-met", "2025-01-08");
	expect(&retaken, NULL, "EXM-1", "met", NULL);
}

/* ---- renewal --------------------------------------------------------- */

static void
expect_renewal(const struct pf *p, const char *assoc, const char *id,
    const char *status, const char *words)
{
	xmlDocPtr	cl = evaluate_pf(p, NULL, assoc, NULL, "renewal", "2024");

	expect_full(cl, id, status, words);
	xmlFreeDoc(cl);
}

static void
REN1_15_met_14_75_not_met(void **state)
{
	struct pf	short_ = { .renewals =
	    "<renewal year='2024' training-hours='14.75'/>" };

	(void)state;
	expect_renewal(&base, NULL, "REN-1", "met", NULL);
	expect_renewal(&short_, NULL, "REN-1", "not-met", "0.25 more");
}

static void
REN1_missing_year_not_met(void **state)
{
	struct pf	p = { .renewals =
	    "<renewal year='2023' training-hours='20'/>" };

	(void)state;
	expect_renewal(&p, NULL, "REN-1", "not-met", "2024");
}

static void
REN2_advice_only(void **state)
{
	struct pf	p = { .renewals = "<renewal year='2024' "
	    "training-hours='15' rsc-training-hours='2' provides-rsc='yes'/>" };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, "renewal", "2024");
	expect_full(cl, "REN-2", "advice", "Only 2");
	expect_result(cl, "ready");
	xmlFreeDoc(cl);
}

static void
REN3_membership_lapsed_not_met(void **state)
{
	struct pf	p = { .attestations = ATTEST(
	    "<exam status='passed' date='2025-03-01'/>"),
	    .renewals = "<renewal year='2024' training-hours='15'/>" };
	struct pf	lapsed = { .attestations = "<ethics signed='2025-01-01'/>"
	    "<membership association='OK-AIMH' paid-through='2024-12-30'/>" };

	(void)state;
	expect_renewal(&p, NULL, "REN-3", "met", NULL);
	expect_renewal(&lapsed, NULL, "REN-3", "not-met", NULL);
}

static void
REN_wi_not_specified(void **state)
{
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&base, NULL, "WI-AIMH", NULL, "renewal", "2024");
	expect_full(cl, "REN-1", "not-applicable", "Not specified");
	expect_full(cl, "REN-3", "not-applicable", NULL);
	xmlFreeDoc(cl);
}

/* ---- issue 10: the defects, each named by its rule id ---------------- */

/* The text of an XPath expression over a fresh evaluation of p. */
static char *
eval_string(const struct pf *p, const char *as_of, const char *assoc,
    const char *expr)
{
	xmlDocPtr	 cl = evaluate_pf(p, as_of, assoc, NULL, NULL, NULL);
	char		*s = xpath_string(cl, expr);

	xmlFreeDoc(cl);
	return s;
}

static void
expect_absent(const struct pf *p, const char *as_of, const char *id,
    const char *words)
{
	char	 expr[512], *all;

	snprintf(expr, sizeof(expr), "concat(/c:checklist/c:rule[@id='%s']"
	    "/c:explanation, ' | ', /c:checklist/c:rule[@id='%s']/c:shortfall,"
	    " ' | ', /c:checklist/c:rule[@id='%s']/c:evidence)", id, id, id);
	all = eval_string(p, as_of, NULL, expr);
	if (strstr(all, words) != NULL)
		fail_msg("%s: '%s' should not be in: %s", id, words, all);
	free(all);
}

/*
 * Two entries name one person (NFC + case folding): one rates, the other
 * provides RS/C and records the IMHM-Clinical endorsement.  What one
 * entry records holds for the person.
 */
#define SPLIT_PEOPLE \
	"<person id='p1'><name>Rosa Provider</name><endorsement " \
	    "association='WI-AIMH' level='IV' designation='IMHM' " \
	    "track='clinical'/></person>" \
	"<person id='p2'><name>Sam Supervisor</name></person>" \
	"<person id='p3'><name>Rita Recipient</name></person>" \
	"<person id='p4'><name>ROSA  provider</name></person>"

static void
REF2_endorsement_on_another_entry_of_the_person(void **state)
{
	struct pf	p = { .people = SPLIT_PEOPLE, .references =
	    "<reference person='p2' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p4' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='rsc-recipient' "
	    "completed='2025-01-03'/>" };

	(void)state;
	expect(&p, NULL, "REF-2", "met", "ROSA provider has earned "
	    "endorsement at Level IV");
	expect(&p, NULL, "REF-1", "met", NULL);
	expect(&p, "WI-AIMH", "REF-2", "met", NULL);
}

static void
REF2_pooled_for_providers_too(void **state)
{
	/* The sessions name the entry without the endorsement. */
	struct pf	p = { .people = SPLIT_PEOPLE, .rsc =
	    "<session date='2023-01-05' hours='25' format='individual' "
	    "provider='p4'/>"
	    "<session date='2024-01-04' hours='25' format='group' "
	    "provider='p1'/>" };
	xmlDocPtr	cl;
	char		*n;

	(void)state;
	cl = evaluate_pf(&p, NULL, "WI-AIMH", NULL, NULL, NULL);
	expect_full(cl, "RSC-3", "met", NULL);
	expect_full(cl, "RSC-1", "met", "50 RS/C hours");
	/* one person: one row with all 50 hours */
	n = xpath_string(cl, "string(count(/c:checklist/c:rule[@id='RSC-3']"
	    "/c:evidence/c:item))");
	assert_string_equal(n, "1");
	free(n);
	xmlFreeDoc(cl);
}

static void
REF1_same_email_is_one_person_other_email_is_not(void **state)
{
	struct pf	p = { .people =
	    "<person id='p1'><name>Rosa Provider</name><email>r@x.org</email>"
	    "<endorsement association='WI-AIMH' level='IV' designation='IMHM' "
	    "track='clinical'/></person>"
	    "<person id='p2'><name>Rosa Provider</name><email>other@x.org"
	    "</email></person>"
	    "<person id='p3'><name>R. Provider</name><email>R@X.org</email>"
	    "</person>",
	    .references =
	    "<reference person='p1' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p2' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='rsc-recipient' "
	    "completed='2025-01-03'/>" };

	(void)state;
	/* p2 has another e-mail: another person; p3 the same e-mail */
	expect(&p, NULL, "REF-1", "not-met", "2 of 3");
}

/*
 * BSN plus a university IMH certificate: EDU-1 sends the certificate to
 * review, and post-graduate time counts from its award, saying so.
 */
static void
WRKC1_post_graduate_from_certificate_program(void **state)
{
	struct pf	p = { .education =
	    "<other-degree level='bachelor' imh-specific='no' "
	    "awarded='2010-05-15' transcript-received='2025-01-10'>"
	    "<description>BSN</description><institution>U</institution>"
	    "</other-degree>"
	    "<program kind='university-certificate' completed='2016-05-01' "
	    "transcript-received='2025-01-10'><title>Infant Mental Health "
	    "Graduate Certificate</title><institution>State University"
	    "</institution></program>" };
	xmlDocPtr	cl;
	char		*s;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "EDU-1", "review", NULL);
	/* 2016-05-02 to 2018-05-31 */
	expect_full(cl, "WRK-C1", "met", "760 days");
	expect_full(cl, "WRK-C1", "met", "EDU-1 sends to the committee");
	expect_full(cl, "WRK-C2", "met", NULL);
	expect_full(cl, "EDU-2", "met", NULL);
	s = xpath_string(cl, "concat(/c:checklist/c:totals/c:post-graduate/"
	    "@basis, ' ', /c:checklist/c:totals/c:post-graduate/@from)");
	assert_string_equal(s, "review 2016-05-02");
	free(s);
	xmlFreeDoc(cl);
}

/* Before the degree: "not counted", never a negative count; each
 * position once per kind of experience. */
#define INTERNSHIP_PATH \
	"<position id='i1' start='2014-05-10' end='2015-05-10' " \
	    "work='direct-service graduate-internship supervised'><role>" \
	    "Intern</role><employer>Clinic</employer></position>" \
	"<position id='w1' start='2015-06-01' end='2016-12-31' " \
	    "work='direct-service supervised'><role>Clinician</role>" \
	    "<employer>Family Center</employer></position>" \
	C2_POSITION

static void
WRKC1_no_negative_days(void **state)
{
	struct pf	p = { .experience = INTERNSHIP_PATH };
	xmlDocPtr	cl;
	char		*s;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "WRK-C1", "met", "graduate internship");
	expect_full(cl, "WRK-C1", "met", "before the degree: not counted");
	s = xpath_string(cl, "string(count(/c:checklist/c:rule[@id='WRK-C1']"
	    "/c:evidence/c:item[contains(., '-1 days') or contains(., ': -')]))");
	assert_string_equal(s, "0");
	free(s);
	/* the internship: once as internship (366 days), once as
	 * post-graduate work (none) */
	s = xpath_string(cl, "concat(count(/c:checklist/c:rule[@id='WRK-C1']"
	    "/c:evidence/c:item[@ref='i1']), ' ', /c:checklist/c:rule[@id="
	    "'WRK-C1']/c:evidence/c:item[@ref='i1'][1]/@days, ' ', "
	    "/c:checklist/c:rule[@id='WRK-C1']/c:evidence/c:item[@ref='i1']"
	    "[2]/@days)");
	assert_string_equal(s, "2 366 0");
	free(s);
	xmlFreeDoc(cl);
	/* a position that ends before the degree, in a one-kind rule */
	p.application = "association='OK-AIMH' level='IV' track='policy'";
	p.experience = "<position start='2010-01-01' end='2012-12-31' "
	    "work='policy-administration'><role>A</role><employer>E"
	    "</employer></position>" POLICY_WORK;
	expect(&p, NULL, "WRK-P1", "met", "before the degree: not counted");
	expect_absent(&p, NULL, "WRK-P1", ": -");
	/* dates the wrong way round: no days, and why */
	p.experience = "<position start='2020-01-01' end='2019-01-01' "
	    "work='policy-administration'><role>A</role><employer>E"
	    "</employer></position>" POLICY_WORK;
	expect(&p, NULL, "WRK-P1", "met", "ends before it starts: not "
	    "counted");
}

/* WRK-C1 met by path B cites the line that states the internship path;
 * OK-AIMH's two footnotes differ, and a note says so. */
static void
WRKC1_citation_follows_path(void **state)
{
	struct pf	p = { .experience = INTERNSHIP_PATH };
	xmlDocPtr	cl;
	char		*s;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	s = rule_field(cl, "WRK-C1", "@source");
	assert_string_equal(s, "ok-aimh-level-iv-mentor.txt:164");
	free(s);
	s = rule_field(cl, "WRK-C1", "c:note");
	if (strstr(s, "line 31") == NULL || strstr(s, "line 164") == NULL)
		fail_msg("note: %s", s);
	free(s);
	xmlFreeDoc(cl);
	cl = evaluate_pf(&base, NULL, NULL, NULL, NULL, NULL);
	s = rule_field(cl, "WRK-C1", "@source");
	assert_string_equal(s, "ok-aimh-level-iv-mentor.txt:31");
	free(s);
	xmlFreeDoc(cl);
}

/* Lapsed on the day after the last membership that ended; the next one
 * starts later. */
static void
MEM1_lapse_date_not_in_the_future(void **state)
{
	struct pf	p = { .attestations = "<ethics signed='2022-01-01'/>"
	    "<membership association='WI-AIMH' since='2022-01-01' "
	    "paid-through='2022-12-31'/>"
	    "<membership association='WI-AIMH' since='2023-09-01' "
	    "paid-through='2024-08-31'/>" };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, "2023-06-15", NULL, NULL, NULL, NULL);
	expect_full(cl, "MEM-1", "not-met", "lapsed since 2023-01-01");
	expect_full(cl, "MEM-1", "not-met", "starts 2023-09-01");
	xmlFreeDoc(cl);
	expect_absent(&p, "2023-06-15", "MEM-1", "2024-09-01");
}

/* Advice speaks from the evaluation date forward. */
static void
RSC2_advice_from_the_evaluation_date(void **state)
{
	struct pf	p = { .rsc =
	    "<session date='2023-03-14' hours='25' format='individual' "
	    "provider='p1'/>"
	    "<session date='2023-11-16' hours='25' format='group' "
	    "provider='p1'/>" };
	xmlDocPtr	cl;
	char		*s;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "RSC-2", "not-met", "starts with the session of "
	    "2023-11-16");
	expect_full(cl, "RSC-2", "not-met", "through at least 2025-06-30, "
	    "with 25 more hours, by 2025-11-15");
	s = rule_field(cl, "RSC-2", "c:shortfall");
	if (strstr(s, "2024-03-13") != NULL)
		fail_msg("advice in the past: %s", s);
	free(s);
	xmlFreeDoc(cl);
	/* long past: a new window from the evaluation date */
	cl = evaluate_pf(&p, "2027-01-01", NULL, NULL, NULL, NULL);
	expect_full(cl, "RSC-2", "not-met", "a new window starting now needs "
	    "50 hours, through at least 2027-12-31");
	xmlFreeDoc(cl);
}

/* WI states no renewal rules: the result says so. */
static void
REN_no_rules_stated(void **state)
{
	xmlDocPtr	cl;
	char		*s;

	(void)state;
	cl = evaluate_pf(&base, NULL, "WI-AIMH", NULL, "renewal", "2024");
	s = xpath_string(cl, "string(/c:checklist/c:summary)");
	if (strstr(s, "states no renewal requirements") == NULL ||
	    strstr(s, "every requirement") != NULL)
		fail_msg("summary: %s", s);
	free(s);
	s = xpath_string(cl, "string(/c:checklist/@unspecified)");
	assert_string_equal(s, "true");
	free(s);
	xmlFreeDoc(cl);
	/* OK states them */
	cl = evaluate_pf(&base, NULL, NULL, NULL, "renewal", "2024");
	s = xpath_string(cl, "string(/c:checklist/@unspecified)");
	assert_string_equal(s, "");
	free(s);
	xmlFreeDoc(cl);
}

/* The overall sentences do not name the program. */
static void
result_sentences_do_not_name_the_program(void **state)
{
	struct pf	p = { .education =
	    "<other-degree level='master' imh-specific='yes' "
	    "awarded='2015-05-15' transcript-received='2025-01-10'>"
	    "<description>MA in IMH</description><institution>U"
	    "</institution></other-degree>" };
	char		*s;

	(void)state;
	s = eval_string(&base, NULL, NULL, "string(/c:checklist/c:summary)");
	if (strstr(s, "endorse") != NULL || strstr(s, "Ready") == NULL)
		fail_msg("summary: %s", s);
	free(s);
	s = eval_string(&p, NULL, NULL, "string(/c:checklist/c:summary)");
	if (strstr(s, "endorse") != NULL || strstr(s, "review") == NULL)
		fail_msg("summary: %s", s);
	free(s);
}

/* EDU-2 judges what EDU-1 relies on; other degrees are shown. */
static void
EDU2_extra_degree_shown_not_judged(void **state)
{
	struct pf	p = { .education =
	    "<other-degree level='bachelor' imh-specific='no' "
	    "awarded='2010-05-15'><description>BA</description><institution>"
	    "College</institution></other-degree>"
	    "<degree kind='MA' awarded='2015-05-15' "
	    "transcript-received='2025-01-10'><institution>State "
	    "University</institution></degree>" };
	struct pf	q = { .education =
	    "<other-degree level='bachelor' imh-specific='no' "
	    "awarded='2010-05-15' transcript-received='2025-01-10'>"
	    "<description>BSN</description><institution>U</institution>"
	    "</other-degree>"
	    "<program kind='university-certificate' completed='2016-05-01'>"
	    "<title>IMH Certificate</title><institution>State University"
	    "</institution></program>" };

	(void)state;
	expect(&p, NULL, "EDU-2", "met", "BA, College (not relied on by "
	    "EDU-1: shown, not judged)");
	expect(&q, NULL, "EDU-2", "not-met", "IMH Certificate, State "
	    "University");
	expect_absent(&q, NULL, "EDU-2", "Send the official transcript for: "
	    "BSN");
}

/* ---- RULES.md audit: each point of the revised rules, both sides ---- */

/* EXM-1: an exam dated after the evaluation date is not taken yet on
 * it, whatever result the record holds: pending, with its date. */
static void
EXM1_result_after_as_of_pending(void **state)
{
	struct pf	later = { .attestations = ATTEST(
	    "<exam status='passed' date='2025-09-01'/>") };
	struct pf	retake = { .attestations = ATTEST(
	    "<exam status='failed' date='2025-01-08'/>"
	    "<exam status='failed' date='2025-09-01'/>") };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&later, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "EXM-1", "pending", "Exam scheduled 2025-09-01");
	expect_result(cl, "not-ready");
	xmlFreeDoc(cl);
	expect(&retake, NULL, "EXM-1", "pending", "scheduled 2025-09-01");
	/* on the day itself the result stands */
	cl = evaluate_pf(&later, "2025-09-01", NULL, NULL, NULL, NULL);
	expect_full(cl, "EXM-1", "met", "passed on 2025-09-01");
	xmlFreeDoc(cl);
}

/* ETH-1: the signature date is shown, also when it is after the
 * evaluation date (not signed yet on it). */
static void
ETH1_signed_after_as_of_shows_the_date(void **state)
{
	struct pf	p = { .attestations = "<ethics signed='2025-07-01'/>"
	    "<exam status='passed' date='2025-03-01'/>"
	    "<membership association='OK-AIMH' paid-through='2025-12-31'/>" };
	xmlDocPtr	cl;

	(void)state;
	expect(&p, NULL, "ETH-1", "not-met", "Signed on 2025-07-01, after "
	    "the evaluation date");
	cl = evaluate_pf(&p, "2025-07-01", NULL, NULL, NULL, NULL);
	expect_full(cl, "ETH-1", "met", "Signed on 2025-07-01.");
	xmlFreeDoc(cl);
}

/* WRK-C1 path B: the graduate internship must be supervised. */
static void
WRKC1_internship_unsupervised_not_counted(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2014-05-15' end='2015-05-14' "
	    "work='direct-service graduate-internship'><role>Intern</role>"
	    "<employer>E</employer></position>"
	    "<position start='2015-06-01' end='2016-05-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION };

	(void)state;
	expect(&p, NULL, "WRK-C1", "not-met", "366 of 730 days");
	expect(&p, "WI-AIMH", "WRK-C1", "not-met", NULL);
}

/* REF-2, RSC-3: "has earned" as of the evaluation date: an endorsement
 * (a vetting) dated after it does not count yet; on the day it does. */
static void
REF2_endorsement_earned_after_as_of_not_counted(void **state)
{
	struct pf	p = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name><endorsement association='WI-AIMH' level='IV' "
	    "designation='IMHM' track='clinical' earned='2025-07-01'/>"
	    "</person><person id='p2'><name>Sam Supervisor</name></person>"
	    "<person id='p3'><name>Rita Recipient</name></person>" };
	struct pf	v = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name><vetted-level-iv-clinical association='WI-AIMH' "
	    "date='2025-07-01'/></person><person id='p2'><name>Sam "
	    "Supervisor</name><endorsement association='OK-AIMH' level='II' "
	    "designation='IFS' earned='2010-01-01'/></person>"
	    "<person id='p3'><name>Rita Recipient</name></person>" };
	xmlDocPtr	cl;

	(void)state;
	expect(&p, NULL, "REF-2", "not-met", "None of the 3 raters");
	expect(&p, NULL, "RSC-3", "not-met", "Rosa Provider");
	expect(&v, "WI-AIMH", "RSC-3", "not-met", "Rosa Provider");
	expect(&v, "WI-AIMH", "REF-2", "met", "Sam Supervisor");
	cl = evaluate_pf(&p, "2025-07-01", NULL, NULL, NULL, NULL);
	expect_full(cl, "REF-2", "met", "Rosa Provider");
	expect_full(cl, "RSC-3", "met", NULL);
	xmlFreeDoc(cl);
}

/* WRK-C3: the count of other activities is worded right. */
static void
WRKC3_one_other_activity(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2015-06-01' end='2018-05-31' "
	    "work='direct-service supervised'><role>A</role><employer>E"
	    "</employer></position>"
	    C2_POSITION
	    "<leadership activity='reflective-practice-groups' scope='local' "
	    "start='2022-01-01'><description>Led a group.</description>"
	    "</leadership>" };

	(void)state;
	expect(&p, NULL, "WRK-C3", "not-met", "(1 other activity listed)");
}

/* EDU-1: a degree awarded after the evaluation date is not held on it;
 * on the award date it is. */
static void
EDU1_degree_awarded_after_as_of_not_met(void **state)
{
	struct pf	p = { .education = "<degree kind='MA' "
	    "awarded='2025-08-15' transcript-received='2025-01-10'>"
	    "<institution>State University</institution></degree>" };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "EDU-1", "not-met", "MA, State University: "
	    "2025-08-15");
	expect_full(cl, "EDU-1", "not-met", "as awarded by the evaluation "
	    "date");
	expect_full(cl, "EDU-2", "not-applicable", NULL);
	xmlFreeDoc(cl);
	cl = evaluate_pf(&p, "2025-08-15", NULL, NULL, NULL, NULL);
	expect_full(cl, "EDU-1", "met", "awarded 2025-08-15");
	xmlFreeDoc(cl);
}

/* EDU-2: "claimed" is the one degree EDU-1 relies on (the one
 * post-graduate time counts from); another listed degree is shown, not
 * judged. */
static void
EDU2_only_the_degree_relied_on(void **state)
{
	struct pf	phd = { .education = "<degree kind='MA' "
	    "awarded='2015-05-15' transcript-received='2025-01-10'>"
	    "<institution>State University</institution></degree>"
	    "<degree kind='PhD' awarded='2020-05-15'><institution>Big "
	    "University</institution></degree>" };
	struct pf	ma = { .education = "<degree kind='PhD' "
	    "awarded='2020-05-15' transcript-received='2025-01-10'>"
	    "<institution>Big University</institution></degree>"
	    "<degree kind='MA' awarded='2015-05-15'><institution>State "
	    "University</institution></degree>" };

	(void)state;
	expect(&phd, NULL, "EDU-2", "met", "PhD, Big University (not relied "
	    "on by EDU-1: shown, not judged)");
	expect(&phd, NULL, "EDU-1", "met", "MA, State University, awarded "
	    "2015-05-15");
	expect(&ma, NULL, "EDU-2", "not-met", "Send the official transcript "
	    "for: MA, State University.");
	expect(&ma, NULL, "EDU-1", "met", "MA, State University");
}

/* REF-3: a person's roles are pooled over all their completed ratings
 * and entries, and the roles go to distinct people so that the most are
 * filled: Rosa rates as program supervisor under one entry and as RS/C
 * provider under another, Carl as colleague; she fills (2), he (1). */
static void
REF3_roles_pooled_best_assignment(void **state)
{
	struct pf	entries = { .people = SPLIT_PEOPLE
	    "<person id='p5'><name>Carl Colleague</name></person>",
	    .references =
	    "<reference person='p4' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='rsc-recipient' "
	    "completed='2025-01-03'/>"
	    "<reference person='p5' role='colleague' "
	    "completed='2025-01-04'/>" };
	struct pf	one_entry = { .people = SPLIT_PEOPLE
	    "<person id='p5'><name>Carl Colleague</name></person>",
	    .references =
	    "<reference person='p1' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='rsc-recipient' "
	    "completed='2025-01-03'/>"
	    "<reference person='p5' role='colleague' "
	    "completed='2025-01-04'/>" };
	struct pf	alone = { .references =
	    "<reference person='p1' role='program-supervisor' "
	    "completed='2025-01-01'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='rsc-recipient' "
	    "completed='2025-01-03'/>" };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&entries, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "REF-3", "met", "(1) current program supervisor, "
	    "teacher, trainer, consultant or colleague: Carl Colleague");
	expect_full(cl, "REF-3", "met", "(2) person providing reflective "
	    "supervision/consultation: ROSA");
	expect_full(cl, "REF-1", "met", NULL);
	xmlFreeDoc(cl);
	expect(&one_entry, NULL, "REF-3", "met", "Rosa Provider (provider of "
	    "reflective supervision/consultation)");
	expect(&one_entry, "WI-AIMH", "REF-3", "met", NULL);
	/* one person fills one slot only */
	expect(&alone, NULL, "REF-3", "not-met", "1 reference role is not "
	    "filled");
	expect(&alone, NULL, "REF-1", "not-met", "2 of 3");
}

/* REF-3 Research/Faculty: familiarity with IMH stated on any rating of
 * the chair holds for the person. */
static void
REF3_research_familiar_pooled(void **state)
{
	struct pf	p = { .application = RESEARCH_APP,
	    .experience = RESEARCH_WORK, .people = SPLIT_PEOPLE,
	    .references =
	    "<reference person='p2' role='department-chair' "
	    "completed='2025-01-01'/>"
	    "<reference person='p2' role='department-chair' "
	    "completed='2025-01-02' familiar-with-imh='yes'/>"
	    "<reference person='p1' role='rsc-provider' "
	    "completed='2025-01-02'/>"
	    "<reference person='p3' role='student' completed='2025-01-03'/>" };

	(void)state;
	expect(&p, NULL, "REF-3", "met", "Sam Supervisor (department chair)");
}

/* WRK-C2: the days must be distinct from the days of some path of
 * WRK-C1, not only the first: the internship path leaves the shared
 * position room for both (365 + 1095 of 1642 days). */
#define STATE_LEADERSHIP \
	"<leadership activity='conference-planning' scope='state' " \
	"start='2022-01-01'><description>Planned.</description></leadership>"

static void
WRKC2_distinct_from_the_internship_path(void **state)
{
	struct pf	p = { .experience =
	    "<position start='2014-05-01' end='2015-05-14' "
	    "work='direct-service graduate-internship supervised'><role>"
	    "Intern</role><employer>E</employer></position>"
	    "<position start='2021-01-01' end='ongoing' "
	    "work='direct-service supervised rsc-provision'><role>A</role>"
	    "<employer>E</employer></position>" STATE_LEADERSHIP };
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&p, NULL, NULL, NULL, NULL, NULL);
	expect_full(cl, "WRK-C1", "met", "Met by graduate internship");
	expect_full(cl, "WRK-C2", "met", "1642 days");
	expect_result(cl, "ready");
	xmlFreeDoc(cl);
}

/* WRK-C2: every set of the spans of both must have the days it needs:
 * the internship's 864 days are its own, but the one post-graduate year
 * of WRK-C1 and the three of WRK-C2 share 1277 days of the 1460 they
 * need, though all of them together hold 2141 of 1825. */
/* The internship, X (both kinds of work) and Y (RS/C) from y_start. */
#define SHARED_X_Y(y_start) \
	"<position start='2013-01-01' end='2015-05-14' " \
	    "work='direct-service graduate-internship supervised'><role>" \
	    "Intern</role><employer>E</employer></position>" \
	"<position start='2024-01-01' end='ongoing' " \
	    "work='direct-service supervised rsc-provision'><role>X</role>" \
	    "<employer>E</employer></position>" \
	"<position start='" y_start "' end='2023-12-31' " \
	    "work='rsc-provision'><role>Y</role><employer>E</employer>" \
	    "</position>" STATE_LEADERSHIP

static void
WRKC2_overlap_inside_the_internship_path_review(void **state)
{
	struct pf	p = { .experience = SHARED_X_Y("2022-01-01") };
	struct pf	q = { .experience = SHARED_X_Y("2021-01-01") };

	(void)state;
	expect(&p, NULL, "WRK-C2", "review", "together cover only 1277 "
	    "distinct days of the 1460 they need");
	expect(&p, "WI-AIMH", "WRK-C2", "review", NULL);
	/* a year more of Y: 1642 days of the 1460 */
	expect(&q, NULL, "WRK-C2", "met", NULL);
}

/* REF-2: the explanation names the levels the rule asks for, not every
 * level the rater holds. */
static void
REF2_names_only_the_levels_asked_for(void **state)
{
	struct pf	p = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name><endorsement association='WI-AIMH' level='I' "
	    "designation='IFA'/><endorsement association='WI-AIMH' "
	    "level='II' designation='IFS'/><endorsement "
	    "association='MI-AIMH' level='IV' designation='IMHM' "
	    "track='clinical'/></person><person id='p2'><name>Sam "
	    "Supervisor</name></person><person id='p3'><name>Rita Recipient"
	    "</name></person>" };
	struct pf	one = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name><endorsement association='WI-AIMH' level='I' "
	    "designation='IFA'/><approved-provider association='OK-AIMH'/>"
	    "</person><person id='p2'><name>Sam Supervisor</name></person>"
	    "<person id='p3'><name>Rita Recipient</name></person>" };

	(void)state;
	expect(&p, NULL, "REF-2", "met", "Rosa Provider has earned "
	    "endorsement at Level II and IV.");
	expect_absent(&p, NULL, "REF-2", "Level I ");
	/* Level I alone is not Level II, III or IV */
	expect(&one, NULL, "REF-2", "not-met", NULL);
}

/* WRK-C2 in review because of an overlap still says where
 * post-graduate time starts when EDU-1 sends a program to review. */
static void
WRKC2_overlap_says_post_graduate_basis(void **state)
{
	struct pf	p = { .education =
	    "<program kind='university-certificate' completed='2016-05-01' "
	    "transcript-received='2025-01-10'><title>IMH Certificate</title>"
	    "<institution>State University</institution></program>",
	    .experience =
	    "<position start='2021-01-01' end='ongoing' "
	    "work='direct-service supervised rsc-provision'><role>A</role>"
	    "<employer>E</employer></position>" STATE_LEADERSHIP };

	(void)state;
	expect(&p, NULL, "WRK-C2", "review", "The years overlap");
	expect(&p, NULL, "WRK-C2", "review", "EDU-1 sends to the committee");
}

/* FEE-2 (WI): the $60 membership is shown as information, from the
 * rule file, and never judged. */
static void
FEE2_wi_membership_shown_as_information(void **state)
{
	xmlDocPtr	cl;
	char		*s;

	(void)state;
	cl = evaluate_pf(&base, NULL, "WI-AIMH", NULL, NULL, NULL);
	s = rule_field(cl, "FEE-2", "c:note");
	if (strstr(s, "$60") == NULL)
		fail_msg("FEE-2 note: %s", s);
	free(s);
	expect_full(cl, "FEE-2", "met", "The application fee of $300 is "
	    "paid.");
	xmlFreeDoc(cl);
}

/* RSC-3 names each provider who does not qualify, also when the only
 * session with them is after the evaluation date. */
static void
RSC3_unqualified_provider_named_after_as_of(void **state)
{
	struct pf	p = { .people = "<person id='p1'><name>Rosa Provider"
	    "</name></person><person id='p2'><name>Sam Supervisor</name>"
	    "<endorsement association='OK-AIMH' level='II' designation='IFS'/>"
	    "</person><person id='p3'><name>Rita Recipient</name></person>",
	    .rsc = "<session date='2025-07-05' hours='25' "
	    "format='individual' provider='p1'/>" };

	(void)state;
	expect(&p, NULL, "RSC-3", "not-met", "Rosa Provider does not qualify");
	expect(&p, NULL, "RSC-1", "not-met", "0 of 50");
}

/* WRK-C1 path B: the internship "plus" a post-graduate year: one day
 * counts for one of them.  The internship runs 46 days past the degree
 * (2015-05-15); the post-graduate year holds those 46 days and 320 of
 * its own, so each span alone is a year but they share days: 715 of
 * 730 distinct.  320 days of its own become 336: 731, met. */
#define INTERNSHIP_PAST_AWARD(year_end) \
	"<position start='2014-06-01' end='2015-06-30' " \
	    "work='direct-service graduate-internship supervised'><role>" \
	    "Intern</role><employer>E</employer></position>" \
	"<position start='2015-07-01' end='" year_end "' " \
	    "work='direct-service supervised'><role>A</role><employer>E" \
	    "</employer></position>" C2_POSITION STATE_LEADERSHIP

static void
WRKC1_internship_and_year_share_days_not_met(void **state)
{
	struct pf	p = { .experience = INTERNSHIP_PAST_AWARD("2016-05-15") };
	struct pf	q = { .experience = INTERNSHIP_PAST_AWARD("2016-05-31") };

	(void)state;
	expect(&p, NULL, "WRK-C1", "not-met", "together they cover only 715 "
	    "distinct days of the 730");
	expect(&p, NULL, "WRK-C1", "not-met", "Needs 15 more distinct days");
	expect(&p, "WI-AIMH", "WRK-C1", "not-met", NULL);
	expect(&q, NULL, "WRK-C1", "met", "Met by graduate internship");
}

/* ---- every schema cap, and near the 1 MiB input cap ------------------ */

/* YYYY-MM-DD of 2010-01-01 + n days. */
static const char *
day_str(int n, char *buf, size_t bufsz)
{
	time_t		t = 1262304000 + (time_t)n * 86400;
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, bufsz, "%Y-%m-%d", &tm);
	return buf;
}

/*
 * A valid portfolio with every list of applicant.xsd at its maxOccurs:
 * 20 degrees, 2000 courses (some with the 10 competencies), 200
 * positions, 200 leadership activities, 2000 RS/C sessions, 500 people
 * (some with 20 endorsements, approved lists and vettings), 20
 * references and 10 statements, 10 exams, 50 memberships, 50 fees, 100
 * renewals of 5 memberships.  pad makes titles that long, to approach
 * the input cap.  The caller frees the text.
 */
static char *
cap_portfolio(size_t pad, size_t *lenp)
{
	static const char *const comp[] = { "theoretical-foundations",
	    "law-regulation-policy", "systems-expertise",
	    "direct-service-skills", "working-with-others", "communicating",
	    "thinking", "reflection", "administration",
	    "research-evaluation" };
	char	 *buf = NULL, d1[16], d2[16], title[256];
	size_t	  len = 0;
	FILE	 *f = open_memstream(&buf, &len);
	int	  i, j;

	assert_non_null(f);
	memset(title, 'T', sizeof(title));
	title[pad < sizeof(title) - 1 ? pad : sizeof(title) - 1] = '\0';
	fputs("<portfolio xmlns='urn:endorse:portfolio:1' version='1'>\n"
	    "<applicant><name>Cap Applicant</name></applicant>\n"
	    "<application association='OK-AIMH' level='IV' "
	    "track='clinical'/>\n<education>\n", f);
	for (i = 0; i < 20; i++)
		fprintf(f, i % 2 ? "<degree kind='MA' awarded='20%02d-05-15'"
		    " transcript-received='2025-01-10'><institution>U%d"
		    "</institution></degree>\n" : "<other-degree level='master'"
		    " imh-specific='yes' awarded='20%02d-05-15'><description>D"
		    "</description><institution>U%d</institution>"
		    "</other-degree>\n", 5 + i / 4, i);
	fputs("</education>\n<training>\n", f);
	for (i = 0; i < 2000; i++) {
		fprintf(f, "<course start='%s' hours='%d.25' "
		    "relationship-based='%s'><title>%s%d</title><provider>P"
		    "</provider>", day_str(i * 2, d1, sizeof(d1)), 1 + i % 7,
		    i % 5 ? "yes" : "no", title, i);
		for (j = 0; j < (i % 200 == 0 ? 10 : 1); j++)
			fprintf(f, "<competency>%s</competency>",
			    comp[(i + j) % 10]);
		fputs("</course>\n", f);
	}
	fputs("</training>\n<experience>\n", f);
	for (i = 0; i < 200; i++)
		fprintf(f, "<position id='pos%d' start='%s' end='%s' "
		    "work='%s'><role>%s</role><employer>E%d</employer>"
		    "</position>\n", i, day_str(i * 25, d1, sizeof(d1)),
		    i % 3 == 0 ? "ongoing" : day_str(i * 25 + 400, d2,
		    sizeof(d2)), i % 4 == 0 ? "rsc-provision" : i % 4 == 1 ?
		    "direct-service graduate-internship supervised" :
		    "direct-service supervised", title, i);
	for (i = 0; i < 200; i++)
		fprintf(f, "<leadership activity='conference-planning' "
		    "scope='%s' start='%s'><description>%s</description>"
		    "</leadership>\n", i % 2 ? "state" : "local",
		    day_str(i * 10, d1, sizeof(d1)), title);
	fputs("</experience>\n<reflective-supervision>\n", f);
	for (i = 0; i < 2000; i++)
		fprintf(f, "<session date='%s' hours='1.5' format='%s' "
		    "provider='q%d'/>\n", day_str(2000 + i, d1, sizeof(d1)),
		    i % 3 ? "individual" : "group", i % 500);
	fputs("</reflective-supervision>\n<people>\n", f);
	for (i = 0; i < 500; i++) {
		/* every tenth entry names the person before it again */
		fprintf(f, "<person id='q%d'><name>Person %d</name>", i,
		    i % 10 == 9 ? i - 1 : i);
		for (j = 0; j < (i < 5 ? 20 : i % 7 == 0 ? 1 : 0); j++)
			fprintf(f, "<endorsement association='WI-AIMH' "
			    "level='IV' designation='IMHM' track='clinical'/>");
		for (j = 0; j < (i < 5 ? 20 : i % 11 == 0 ? 1 : 0); j++)
			fputs("<approved-provider association='OK-AIMH'/>", f);
		for (j = 0; j < (i < 5 ? 20 : 0); j++)
			fputs("<vetted-level-iv-clinical association="
			    "'WI-AIMH'/>", f);
		fputs("</person>\n", f);
	}
	fputs("</people>\n<references>\n", f);
	for (i = 0; i < 20; i++)
		fprintf(f, "<reference person='q%d' role='%s' "
		    "completed='2025-01-%02d'/>\n", i * 7, i % 3 == 0 ?
		    "program-supervisor" : i % 3 == 1 ? "rsc-provider" :
		    "rsc-recipient", 1 + i);
	for (i = 0; i < 10; i++)
		fprintf(f, "<statement kind='no-rsc-provider'>S%d</statement>\n",
		    i);
	fputs("</references>\n<attestations>\n"
	    "<ethics signed='2025-01-01'/>\n", f);
	for (i = 0; i < 10; i++)
		fprintf(f, "<exam status='%s' date='2024-%02d-01'/>\n",
		    i == 9 ? "passed" : "failed", 1 + i);
	for (i = 0; i < 50; i++)
		fprintf(f, "<membership association='OK-AIMH' since='%d-01-01' "
		    "paid-through='%d-12-31'/>\n", 1980 + i, 1980 + i);
	for (i = 0; i < 50; i++)
		fprintf(f, "<fee kind='registration' association='WI-AIMH' "
		    "amount='1' paid='2024-01-%02d'/>\n", 1 + i % 28);
	fputs("</attestations>\n<renewals>\n", f);
	for (i = 0; i < 100; i++) {
		fprintf(f, "<renewal year='%d' training-hours='15'>", 1926 + i);
		for (j = 0; j < 5; j++)
			fprintf(f, "<membership association='OK-AIMH' "
			    "paid-through='%d-12-31'/>", 1926 + i);
		fputs("</renewal>\n", f);
	}
	fputs("</renewals>\n</portfolio>\n", f);
	assert_int_equal(fclose(f), 0);
	*lenp = len;
	return buf;
}

/* Load, validate and evaluate a portfolio text; the checklist must be
 * valid.  Returns the checklist. */
static xmlDocPtr
evaluate_text(const char *xml, size_t len, const char *kind,
    const char *year)
{
	struct evaluate_params	 prm = { AS_OF, NULL, NULL, "initial", NULL };
	enum xmlload_status	 status;
	xmlDocPtr		 doc, cl;

	prm.kind = kind;
	prm.year = year;
	doc = xmlload_memory(xml, len, "cap.xml", &fx.diag, &status);
	assert_non_null(doc);
	assert_int_equal(validate_run(fx.applicant, doc, "cap.xml",
	    &fx.diag), 0);
	cl = evaluate_run(fx.ev, doc, "cap.xml", &prm, &fx.diag);
	if (cl == NULL)
		fail_msg("evaluation failed (internal: %d)",
		    evaluate_failed_internally(fx.ev));
	assert_int_equal(validate_run(fx.checklist, cl, "checklist",
	    &fx.diag), 0);
	xmlFreeDoc(doc);
	return cl;
}

static void
caps_every_list_at_max_occurs(void **state)
{
	size_t		 len;
	char		*xml = cap_portfolio(1, &len), *s;
	xmlDocPtr	 cl;

	(void)state;
	assert_true(len < XMLLOAD_MAX_BYTES);
	cl = evaluate_text(xml, len, "initial", NULL);
	/* the facts are all there: 2000 sessions, every course once */
	s = xpath_string(cl, "concat(count(/c:checklist/c:rule[@id='RSC-1']/"
	    "c:entries/c:item), ' ', count(/c:checklist/c:rule[@id='TRN-1']/"
	    "c:evidence/c:item), ' ', /c:checklist/c:totals/c:raters/"
	    "@distinct, ' ', /c:checklist/c:totals/c:rsc-hours/@recorded)");
	assert_string_equal(s, "2000 2000 20 3000");
	free(s);
	expect_full(cl, "REF-2", "met", NULL);
	expect_full(cl, "WRK-C1", "met", NULL);
	xmlFreeDoc(cl);
	cl = evaluate_text(xml, len, "renewal", "2025");
	xmlFreeDoc(cl);
	free(xml);
}

static void
caps_near_the_input_size_cap(void **state)
{
	size_t		 len, pad;
	char		*xml;
	xmlDocPtr	 cl;

	(void)state;
	/* the longest titles that keep the file under 1 MiB */
	for (pad = 200; ; pad -= 5) {
		xml = cap_portfolio(pad, &len);
		if (len < XMLLOAD_MAX_BYTES)
			break;
		free(xml);
	}
	assert_true(len > XMLLOAD_MAX_BYTES - 20 * 1024);
	cl = evaluate_text(xml, len, "initial", NULL);
	expect_full(cl, "RSC-1", "met", NULL);
	xmlFreeDoc(cl);
	free(xml);
}

/*
 * The real binary: check succeeds at every cap, with its exit status of
 * a verdict.  (packet at the caps is packet.xsl's: 218 pages in about
 * 6 s here, most of it packet.xsl's own running totals; not timed in a
 * test on a shared machine.)
 */
static void
caps_check_succeeds(void **state)
{
	char		 path[PATH_MAX];
	size_t		 len;
	char		*xml = cap_portfolio(1, &len);
	struct run	 r;

	(void)state;
	tmppath("cap.xml", path, sizeof(path));
	spew(path, xml, len);
	free(xml);
	run_endorse(&r, "check", "--as-of", AS_OF, path, NULL);
	if (r.status > 2)
		fail_msg("check: exit %d: %s", r.status, r.err);
	assert_non_null(strstr(r.out, "RSC-1"));
	run_free(&r);
}

/* ---- the linear-time algorithms against brute force ----------------- */

/* Days since 1970-01-01 of y-m-d (UTC). */
static long
days_of(int y, int m, int d)
{
	struct tm	tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return (long)(timegm(&tm) / 86400);
}

/* RULES.md: the last day a window from y-m-d of n months may end on. */
static long
months_end_of(int y, int m, int d, int n)
{
	static const int	mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			m0 = m - 1 + n, last;

	y += m0 / 12;
	m = m0 % 12 + 1;
	last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0));
	return days_of(y, m, d > last ? last : d) - 1;
}

static int
by_day(const void *a, const void *b)
{
	const long	*x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/*
 * Random RS/C histories: the window ef:window finds by two pointers is
 * the one an O(n^2) search finds (spans 12 months first, then the most
 * hours, then the earliest).
 */
static void
RSC2_window_matches_brute_force(void **state)
{
	char		 buf[8192], want[128];
	long		 s[40][4];	/* day, hundredths, y, m*100+d */
	int		 round, n, i, j, k, best, bvalid, valid, y, m, d;
	long		 bh, h, hi, lo;
	size_t		 off;
	struct pf	 p = { 0 };
	char		*got;

	(void)state;
	srand(10);
	for (round = 0; round < 25; round++) {
		n = 3 + rand() % 30;
		off = 0;
		for (i = 0; i < n; i++) {
			y = 2021 + rand() % 4;
			m = 1 + rand() % 12;
			d = 1 + rand() % 31;
			if (d > 28)
				d = 28 + (m != 2) * (d - 28) % 3;
			s[i][0] = days_of(y, m, d);
			s[i][1] = 25 * (1 + rand() % 24);
			s[i][2] = y;
			s[i][3] = m * 100 + d;
			off += (size_t)snprintf(buf + off, sizeof(buf) - off,
			    "<session date='%04d-%02d-%02d' hours='%ld.%02ld' "
			    "format='individual' provider='p1'/>", y, m, d,
			    s[i][1] / 100, s[i][1] % 100);
		}
		qsort(s, (size_t)n, sizeof(s[0]), by_day);
		best = -1;
		bvalid = 0;
		bh = -1;
		k = 0;
		for (i = 0; i < n; i++) {
			y = (int)s[i][2];
			m = (int)s[i][3] / 100;
			d = (int)s[i][3] % 100;
			hi = months_end_of(y, m, d, 24);
			lo = months_end_of(y, m, d, 12);
			for (h = 0, j = i; j < n && s[j][0] <= hi; j++)
				h += s[j][1];
			valid = s[j - 1][0] >= lo;
			if (best < 0 || valid > bvalid || (valid == bvalid &&
			    h > bh)) {
				best = i;
				k = j - 1;
				bh = h;
				bvalid = valid;
			}
		}
		p.rsc = buf;
		snprintf(want, sizeof(want), "%04ld-%02ld-%02ld %04ld-%02ld-%02ld "
		    "%ld %s", s[best][2], s[best][3] / 100, s[best][3] % 100,
		    s[k][2], s[k][3] / 100, s[k][3] % 100, bh,
		    bvalid ? "true" : "false");
		got = eval_string(&p, NULL, NULL, "concat(/c:checklist/c:totals/"
		    "c:rsc-window/@from, ' ', /c:checklist/c:totals/c:rsc-window"
		    "/@to, ' ', /c:checklist/c:totals/c:rsc-window/@hours * 100, "
		    "' ', /c:checklist/c:totals/c:rsc-window/@valid)");
		if (strcmp(got, want) != 0)
			fail_msg("round %d: window '%s', brute force '%s'",
			    round, got, want);
		free(got);
	}
}

/*
 * Random positions: the days ef:union-days counts (sort, then sweep) are
 * the days an array of every day counts.
 */
static void
WRKP1_union_matches_brute_force(void **state)
{
	static char	 seen[8000];
	char		 buf[8192], want[32];
	long		 first = days_of(2015, 5, 16), a, b, t;
	int		 round, n, i, total;
	size_t		 off;
	struct pf	 p = { .application =
	    "association='OK-AIMH' level='IV' track='policy'" };
	char		*got, d1[16], d2[16];

	(void)state;
	srand(20);
	for (round = 0; round < 25; round++) {
		memset(seen, 0, sizeof(seen));
		n = 1 + rand() % 25;
		off = 0;
		for (i = 0; i < n; i++) {
			a = rand() % 3000;
			b = a + rand() % 900;
			/* day_str counts from 2010-01-01 */
			off += (size_t)snprintf(buf + off, sizeof(buf) - off,
			    "<position start='%s' end='%s' "
			    "work='policy-administration'><role>R</role>"
			    "<employer>E</employer></position>",
			    day_str((int)(first - days_of(2010, 1, 1) + a), d1,
			    sizeof(d1)), day_str((int)(first - days_of(2010, 1,
			    1) + b), d2, sizeof(d2)));
			for (t = a; t <= b; t++)
				/* only up to the evaluation date */
				if (first + t <= days_of(2025, 6, 30))
					seen[t] = 1;
		}
		for (total = 0, t = 0; t < (long)sizeof(seen); t++)
			total += seen[t];
		p.experience = buf;
		snprintf(want, sizeof(want), "%d", total);
		got = eval_string(&p, NULL, NULL, "string(/c:checklist/c:totals/"
		    "c:experience[@rule='WRK-P1']/@days)");
		if (strcmp(got, want) != 0)
			fail_msg("round %d: %s days, brute force %s", round,
			    got, want);
		free(got);
	}
}

/* ---- the evaluation as a whole --------------------------------------- */

static void
same_input_same_bytes(void **state)
{
	xmlDocPtr	 a, b;
	xmlChar		*ba, *bb;
	int		 la, lb;

	(void)state;
	a = evaluate_pf(&base, NULL, NULL, NULL, NULL, NULL);
	b = evaluate_pf(&base, NULL, NULL, NULL, NULL, NULL);
	xmlDocDumpMemory(a, &ba, &la);
	xmlDocDumpMemory(b, &bb, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(ba, bb, (size_t)la);
	xmlFree(ba);
	xmlFree(bb);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
}

static void
track_override(void **state)
{
	xmlDocPtr	cl;

	(void)state;
	cl = evaluate_pf(&base, NULL, NULL, "policy", NULL, NULL);
	expect_full(cl, "WRK-P1", "not-met", NULL);
	expect_full(cl, "WRK-C1", "not-applicable", NULL);
	xmlFreeDoc(cl);
}

static void
session_names_a_degree(void **state)
{
	/* xs:IDREF only says the id exists; it must be a person. */
	const char		*xml = "<portfolio xmlns='urn:endorse:portfolio:1' "
	    "version='1'><applicant><name>T</name></applicant><application "
	    "association='OK-AIMH' level='IV' track='clinical'/><education>"
	    "<degree id='d1' kind='MA' awarded='2015-05-15'><institution>U"
	    "</institution></degree></education><reflective-supervision>\n"
	    "<session date='2023-01-05' hours='1' format='individual' "
	    "provider='d1'/></reflective-supervision></portfolio>";
	struct evaluate_params	 prm = { AS_OF, NULL, NULL, "initial", NULL };
	enum xmlload_status	 status;
	struct diag		 d;
	char			*msgs = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&msgs, &len);
	xmlDocPtr		 doc, cl;

	(void)state;
	assert_non_null(f);
	diag_init(&d, f, NULL);
	doc = xmlload_memory(xml, strlen(xml), "t.xml", &d, &status);
	assert_non_null(doc);
	cl = evaluate_run(fx.ev, doc, "t.xml", &prm, &d);
	fclose(f);
	assert_null(cl);
	if (strstr(msgs, "t.xml:2:") == NULL || strstr(msgs, "'d1'") == NULL ||
	    strstr(msgs, "not a person") == NULL)
		fail_msg("message: %s", msgs);
	free(msgs);
	xmlFreeDoc(doc);
}

/* The tracks are the rule file's: another is refused at its line, as a
 * data error, not an internal one. */
static void
track_unknown_to_the_rule_file(void **state)
{
	struct evaluate_params	 prm = { AS_OF, NULL, "pediatric", "initial",
	    NULL };
	enum xmlload_status	 status;
	struct diag		 d;
	char			*xml = portfolio_xml(&base), *msgs = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&msgs, &len);
	xmlDocPtr		 doc, cl;

	(void)state;
	assert_non_null(f);
	diag_init(&d, f, NULL);
	doc = xmlload_memory(xml, strlen(xml), "t.xml", &d, &status);
	assert_non_null(doc);
	cl = evaluate_run(fx.ev, doc, "t.xml", &prm, &d);
	fclose(f);
	assert_null(cl);
	assert_false(evaluate_failed_internally(fx.ev));
	if (strstr(msgs, "t.xml:3: error: OK-AIMH has no track 'pediatric'")
	    == NULL)
		fail_msg("message: %s", msgs);
	free(msgs);
	free(xml);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(base_ok_is_ready),
		cmocka_unit_test(base_wi_is_ready),
		cmocka_unit_test(TRN1_29_99_not_met),
		cmocka_unit_test(TRN1_30_met),
		cmocka_unit_test(TRN1_not_relationship_based_excluded),
		cmocka_unit_test(MEM1_lapsed_day_before_not_met),
		cmocka_unit_test(MEM1_paid_through_as_of_met),
		cmocka_unit_test(MEM1_other_imh_association_met),
		cmocka_unit_test(FEE_wi_paid_met_ok_not_applicable),
		cmocka_unit_test(FEE_wi_short_or_missing_not_met),
		cmocka_unit_test(EDU1_other_imh_degree_review),
		cmocka_unit_test(EDU1_bachelor_only_not_met),
		cmocka_unit_test(EDU2_missing_transcript_named),
		cmocka_unit_test(EDU3_request_review),
		cmocka_unit_test(WRKC1_overlapping_positions_count_once),
		cmocka_unit_test(WRKC1_two_years_boundary),
		cmocka_unit_test(WRKC1_unsupervised_does_not_count),
		cmocka_unit_test(WRKC1_internship_path),
		cmocka_unit_test(WRKC1_internship_short_not_met),
		cmocka_unit_test(WRKC1_not_applicable_other_tracks),
		cmocka_unit_test(WRKC2_overlapping_years_review),
		cmocka_unit_test(WRKC2_long_shared_position_met),
		cmocka_unit_test(WRKC2_wi_practice_leadership),
		cmocka_unit_test(WRKC3_local_only_not_met),
		cmocka_unit_test(WRKC3_regional_met),
		cmocka_unit_test(WRKP1_three_years_boundary),
		cmocka_unit_test(WRKP1_before_degree_not_counted),
		cmocka_unit_test(WRKR1_teaching_met),
		cmocka_unit_test(RSC2_exactly_one_year_met),
		cmocka_unit_test(RSC2_eleven_months_not_met),
		cmocka_unit_test(RSC2_twenty_four_months_met),
		cmocka_unit_test(RSC2_twenty_five_months_not_met),
		cmocka_unit_test(RSC2_month_end_clamps),
		cmocka_unit_test(RSC2_sliding_window_in_long_history),
		cmocka_unit_test(RSC2_short_history_not_met),
		cmocka_unit_test(RSC1_policy_not_applicable_wi_advice),
		cmocka_unit_test(RSC3_level_iii_provider_ok_met_wi_not_met),
		cmocka_unit_test(RSC3_wi_vetted_provider_met),
		cmocka_unit_test(RSC3_ok_approved_list_met),
		cmocka_unit_test(RSC4_peer_group_excluded),
		cmocka_unit_test(REF1_one_person_two_slots),
		cmocka_unit_test(REF1_same_name_normalised),
		cmocka_unit_test(REF1_incomplete_not_counted),
		cmocka_unit_test(REF2_no_endorsed_rater),
		cmocka_unit_test(REF3_clinical_missing_recipient),
		cmocka_unit_test(REF3_policy_supervisor_provider_met),
		cmocka_unit_test(REF3_policy_neither_three_colleagues_met),
		cmocka_unit_test(REF3_policy_absence_not_inferred),
		cmocka_unit_test(REF3_policy_one_of_two_review),
		cmocka_unit_test(REF3_research_chair_familiar_met),
		cmocka_unit_test(REF3_research_chair_not_familiar_review),
		cmocka_unit_test(REF3_research_chair_stated_unfamiliar),
		cmocka_unit_test(REF3_research_missing_student),
		cmocka_unit_test(ETH1_unsigned_not_met),
		cmocka_unit_test(EXM1_scheduled_pending),
		cmocka_unit_test(EXM1_failed_not_met_then_passed),
		cmocka_unit_test(REN1_15_met_14_75_not_met),
		cmocka_unit_test(REN1_missing_year_not_met),
		cmocka_unit_test(REN2_advice_only),
		cmocka_unit_test(REN3_membership_lapsed_not_met),
		cmocka_unit_test(REN_wi_not_specified),
		cmocka_unit_test(REF2_endorsement_on_another_entry_of_the_person),
		cmocka_unit_test(REF2_pooled_for_providers_too),
		cmocka_unit_test(REF1_same_email_is_one_person_other_email_is_not),
		cmocka_unit_test(WRKC1_post_graduate_from_certificate_program),
		cmocka_unit_test(WRKC1_no_negative_days),
		cmocka_unit_test(WRKC1_citation_follows_path),
		cmocka_unit_test(MEM1_lapse_date_not_in_the_future),
		cmocka_unit_test(RSC2_advice_from_the_evaluation_date),
		cmocka_unit_test(REN_no_rules_stated),
		cmocka_unit_test(result_sentences_do_not_name_the_program),
		cmocka_unit_test(EDU2_extra_degree_shown_not_judged),
		cmocka_unit_test(EXM1_result_after_as_of_pending),
		cmocka_unit_test(ETH1_signed_after_as_of_shows_the_date),
		cmocka_unit_test(WRKC1_internship_unsupervised_not_counted),
		cmocka_unit_test(REF2_endorsement_earned_after_as_of_not_counted),
		cmocka_unit_test(WRKC3_one_other_activity),
		cmocka_unit_test(EDU1_degree_awarded_after_as_of_not_met),
		cmocka_unit_test(EDU2_only_the_degree_relied_on),
		cmocka_unit_test(REF3_roles_pooled_best_assignment),
		cmocka_unit_test(REF3_research_familiar_pooled),
		cmocka_unit_test(WRKC2_distinct_from_the_internship_path),
		cmocka_unit_test(WRKC2_overlap_inside_the_internship_path_review),
		cmocka_unit_test(REF2_names_only_the_levels_asked_for),
		cmocka_unit_test(WRKC2_overlap_says_post_graduate_basis),
		cmocka_unit_test(FEE2_wi_membership_shown_as_information),
		cmocka_unit_test(RSC3_unqualified_provider_named_after_as_of),
		cmocka_unit_test(WRKC1_internship_and_year_share_days_not_met),
		cmocka_unit_test(RSC2_window_matches_brute_force),
		cmocka_unit_test(WRKP1_union_matches_brute_force),
		cmocka_unit_test(caps_every_list_at_max_occurs),
		cmocka_unit_test(caps_near_the_input_size_cap),
		cmocka_unit_test(caps_check_succeeds),
		cmocka_unit_test(same_input_same_bytes),
		cmocka_unit_test(track_override),
		cmocka_unit_test(session_names_a_degree),
		cmocka_unit_test(track_unknown_to_the_rule_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
