/*
 * test_new: the skeleton module (`endorse new`): for every association and
 * track the new portfolio validates, `endorse check` says what is
 * missing, the sections come in the schema's order and the comments name
 * the rules that read them; a bad name, track or date writes nothing.
 */
#include "test_sheet.h"

static void
test_new_every_association_and_track(void **state)
{
	static const char *const tracks[] = { "clinical", "policy",
	    "research-faculty" };
	struct fixture		*fx = *state;
	struct skeleton_params	 p;
	struct msgs		 m;
	struct run		 r;
	char			 out[PATH_MAX], *xml;
	size_t			 i, t;

	assert_true(fx->cat->count >= 2);
	for (i = 0; i < fx->cat->count; i++)
		for (t = 0; t < 3; t++) {
			memset(&p, 0, sizeof(p));
			p.association = fx->cat->entries[i].association;
			p.track = tracks[t];
			p.rules_path = fx->cat->entries[i].path;
			p.as_of = "2025-06-30";
			p.name = t == 1 ? "Nguyễn Thị Thu Hằng & co" : NULL;
			pathf(out, "%s/new-%s-%s.xml", tmpdir(),
			    p.association, p.track);
			msgs_open(&m);
			assert_int_equal(skeleton_write(&fx->check, fx->s, &p, out,
			    &m.d), SHEET_OK);
			msgs_close(&m);
			assert_string_equal(m.text, "");
			free(m.text);

			run_endorse(&r, "validate", out, NULL);
			if (r.status != 0)
				fail_msg("%s: %s", out, r.err);
			run_free(&r);
			run_endorse(&r, "check", AS_OF, out, NULL);
			if (r.status != 1)
				fail_msg("%s: check exit %d: %s%s", out,
				    r.status, r.out, r.err);
			assert_non_null(strstr(r.out, "What is missing:"));
			assert_non_null(strstr(r.out, "MEM-1"));
			assert_non_null(strstr(r.out, "REF-1"));
			run_free(&r);

			xml = slurp(out, NULL);
			assert_non_null(xml);
			/* every section, in the schema's order */
			{
				const char *const *sec =
				    sheet_schema_sections(fx->s);
				const char *at = xml;
				char tag[64];
				size_t k;

				for (k = 0; sec[k] != NULL; k++) {
					snprintf(tag, sizeof(tag), "\n  <%s",
					    sec[k]);
					if ((at = strstr(at, tag)) == NULL)
						fail_msg("%s: section %s "
						    "missing or out of order",
						    out, sec[k]);
				}
			}
			/* the rules that read a section, by the track */
			assert_non_null(strstr(xml, "TRN-1 (Minimum 30 clock "
			    "hours"));
			if (t == 0)
				assert_non_null(strstr(xml, "RSC-1 ("));
			if (t == 2)
				assert_null(strstr(xml, "WRK-C1 ("));
			assert_non_null(strstr(xml, t == 1 ?
			    "<name>Nguyễn Thị Thu Hằng &amp; co</name>" :
			    "<name>NAME OF THE APPLICANT</name>"));
			free(xml);
		}
}

static void
test_new_refuses(void **state)
{
	static const char	 one_track[] = "<requirements xmlns="
	    "'urn:endorse:requirements:1' association='OK-AIMH' name='X'>"
	    "<tracks><track id='clinical' name='Clinical'/></tracks>"
	    "<ruleset kind='initial' level='IV' effective='2020-01-01'>"
	    "<hours id='TRN-1' line='1' min='30'><text>Thirty hours</text>"
	    "</hours></ruleset></requirements>";
	struct fixture		*fx = *state;
	struct skeleton_params	 p;
	struct msgs		 m;
	char			 out[PATH_MAX], rules[PATH_MAX], *xml;
	struct stat		 st;

	memset(&p, 0, sizeof(p));
	p.association = fx->cat->entries[0].association;
	p.rules_path = fx->cat->entries[0].path;
	p.as_of = "2025-06-30";
	p.track = "clinical";
	p.name = "two\nlines";
	tmppath("refused.xml", out, sizeof(out));
	msgs_open(&m);
	assert_int_equal(skeleton_write(&fx->check, fx->s, &p, out, &m.d),
	    SHEET_REJECTED);
	p.track = "surgery";
	assert_int_equal(skeleton_write(&fx->check, fx->s, &p, out, &m.d),
	    SHEET_REJECTED);
	/* a rule file that lists its tracks offers only those */
	tmppath("one-track.xml", rules, sizeof(rules));
	spew(rules, one_track, strlen(one_track));
	p.rules_path = rules;
	p.track = "policy";
	assert_int_equal(skeleton_write(&fx->check, fx->s, &p, out, &m.d),
	    SHEET_REJECTED);
	p.track = "clinical";
	p.as_of = "2019-12-31";
	assert_int_equal(skeleton_write(&fx->check, fx->s, &p, out, &m.d),
	    SHEET_REJECTED);
	assert_int_equal(stat(out, &st), -1);
	/* in effect from 2020: the one rule reads training, none the rest */
	p.as_of = "2025-06-30";
	p.name = "Test";
	assert_int_equal(skeleton_write(&fx->check, fx->s, &p, out, &m.d),
	    SHEET_OK);
	xml = slurp(out, NULL);
	assert_non_null(strstr(xml, "Read by TRN-1 (Thirty hours)."));
	assert_non_null(strstr(xml, "<!-- references:"));
	free(xml);
	unlink(out);
	msgs_close(&m);
	expect_msg(m.text, "not written: the new portfolio is not valid");
	expect_msg(m.text, "ok-aimh.xml: error: OK-AIMH has no track "
	    "'surgery': expected clinical, policy or research-faculty\n");
	expect_msg(m.text, "one-track.xml: error: OK-AIMH has no track "
	    "'policy': expected clinical\n");
	expect_msg(m.text, "one-track.xml: error: no Level IV rules of "
	    "OK-AIMH are in effect on 2019-12-31");
	assert_int_equal(stat(out, &st), -1);
	free(m.text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_every_association_and_track),
		cmocka_unit_test(test_new_refuses),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
