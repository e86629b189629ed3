/*
 * test_dirlist: a directory's files by their ending, in byte order.
 */
#include "harness.h"

#include "dirlist.h"

static void
test_order_and_filter(void **state)
{
	static const char *const names[] = { "b.xml", "a.xml", "B.xml",
	    ".hidden.xml", "notes.txt", "xml", ".xml", "a.xml.bak",
	    "z.ttf" };
	char	  dir[PATH_MAX], path[PATH_MAX], **list;
	size_t	  i, n = 99;

	(void)state;
	tmppath("dirlist", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		pathf(path, "%s/%s", dir, names[i]);
		spew(path, "x", 1);
	}
	list = dirlist_ending(dir, ".xml", &n);
	assert_non_null(list);
	assert_int_equal(n, 3);
	/* byte order: upper case before lower case, whatever the locale */
	pathf(path, "%s/B.xml", dir);
	assert_string_equal(list[0], path);
	pathf(path, "%s/a.xml", dir);
	assert_string_equal(list[1], path);
	pathf(path, "%s/b.xml", dir);
	assert_string_equal(list[2], path);
	assert_null(list[3]);
	dirlist_free(list);

	list = dirlist_ending(dir, ".ttf", &n);
	assert_non_null(list);
	assert_int_equal(n, 1);
	dirlist_free(list);
}

static void
test_missing_directory(void **state)
{
	char	dir[PATH_MAX];

	(void)state;
	tmppath("no-such-directory", dir, sizeof(dir));
	errno = 0;
	assert_null(dirlist_ending(dir, ".xml", NULL));
	assert_int_equal(errno, ENOENT);
	dirlist_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_filter),
		cmocka_unit_test(test_missing_directory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
