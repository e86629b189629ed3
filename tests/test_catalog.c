/*
 * test_catalog: the rule catalog: what it knows of each rule file, codes
 * in any case, and a broken rule file left out while the others stay.
 */
#include "harness.h"

#include <libxml/parser.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "xmlload.h"

struct opened {
	struct diag	 d;
	struct datadir	*dd;
	struct catalog	*cat;
	char		*msgs;
	size_t		 len;
	FILE		*f;
};

static void
open_catalog(struct opened *o)
{
	memset(o, 0, sizeof(*o));
	assert_non_null(o->f = open_memstream(&o->msgs, &o->len));
	diag_init(&o->d, o->f, "endorse");
	assert_non_null(o->dd = datadir_open(&o->d));
	o->cat = catalog_open(o->dd, &o->d);
	fflush(o->f);
	assert_non_null(o->cat);
}

static void
close_catalog(struct opened *o)
{
	catalog_free(o->cat);
	datadir_free(o->dd);
	fclose(o->f);
	free(o->msgs);
}

static void
test_shipped(void **state)
{
	struct opened			 o;
	const struct catalog_entry	*e;

	(void)state;
	unsetenv("ENDORSE_RULES_PATH");
	open_catalog(&o);
	assert_int_equal(o.cat->count, 2);
	assert_int_equal(o.cat->skipped, 0);
	assert_string_equal(o.cat->codes[0], "OK-AIMH");
	assert_string_equal(o.cat->codes[1], "WI-AIMH");
	assert_null(o.cat->codes[2]);
	assert_non_null(e = catalog_find(o.cat, "wi-aimh"));
	assert_string_equal(e->association, "WI-AIMH");
	assert_ptr_equal(catalog_find(o.cat, "Ok-Aimh"), &o.cat->entries[0]);
	assert_null(catalog_find(o.cat, "XX-AIMH"));
	e = &o.cat->entries[0];
	assert_string_equal(e->name, "Oklahoma Association for Infant Mental "
	    "Health");
	assert_int_equal(e->nrulesets, 2);
	assert_string_equal(e->rulesets[0].kind, "initial");
	assert_string_equal(e->rulesets[0].level, "IV");
	assert_string_equal(e->rulesets[0].effective, "2000-01-01");
	assert_string_equal(e->rulesets[0].tracks,
	    "clinical,policy,research-faculty");
	assert_string_equal(e->rulesets[1].kind, "renewal");
	assert_non_null(strstr(e->path, "schemas/requirements/ok-aimh.xml"));
	assert_int_equal(o.len, 0);
	close_catalog(&o);
}

static void
test_broken_left_out(void **state)
{
	char		 dir[PATH_MAX], path[PATH_MAX], src[PATH_MAX], *text, *p;
	struct opened	 o;
	size_t		 len = 0;

	(void)state;
	tmppath("rules", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	/* a third association, and a broken file beside it */
	text = slurp(srcpath("schemas/requirements/wi-aimh.xml", src,
	    sizeof(src)), &len);
	assert_non_null(text);
	while ((p = strstr(text, "WI-AIMH")) != NULL)
		memcpy(p, "QQ-AIMH", 7);
	tmppath("rules/qq.xml", path, sizeof(path));
	spew(path, text, len);
	/* the same code twice: the second file is left out */
	tmppath("rules/qq2.xml", path, sizeof(path));
	spew(path, text, len);
	free(text);
	tmppath("rules/a-broken.xml", path, sizeof(path));
	spew(path, "<requirements", 13);
	setenv("ENDORSE_RULES_PATH", dir, 1);
	open_catalog(&o);
	unsetenv("ENDORSE_RULES_PATH");
	assert_int_equal(o.cat->count, 3);
	assert_int_equal(o.cat->skipped, 2);
	assert_string_equal(o.cat->codes[2], "QQ-AIMH");
	assert_non_null(catalog_find(o.cat, "qq-aimh"));
	assert_non_null(strstr(o.msgs, "a-broken.xml:1:"));
	assert_non_null(strstr(o.msgs, "a-broken.xml: warning: rule file "
	    "left out"));
	assert_non_null(strstr(o.msgs, "qq2.xml: error: association "
	    "'QQ-AIMH' is already defined by "));
	close_catalog(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_broken_left_out),
	};
	int	rc;

	xmlload_init();
	rc = cmocka_run_group_tests_name("catalog", tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
