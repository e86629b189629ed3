/*
 * test_isodate: YYYY-MM-DD, the form and the calendar.
 */
#include "harness.h"

#include "isodate.h"

static void
test_form(void **state)
{
	(void)state;
	assert_true(isodate_valid("2025-06-30", 1900, 2199));
	assert_false(isodate_valid("2025-6-30", 1900, 2199));
	assert_false(isodate_valid("2025/06/30", 1900, 2199));
	assert_false(isodate_valid("2025-06-30 ", 1900, 2199));
	assert_false(isodate_valid("+025-06-30", 1, 9999));
	assert_false(isodate_valid("5/17/2013", 1, 9999));
	assert_false(isodate_valid("", 1, 9999));
}

static void
test_calendar(void **state)
{
	(void)state;
	assert_true(isodate_valid("2024-02-29", 1900, 2199));
	assert_false(isodate_valid("2023-02-29", 1900, 2199));
	assert_true(isodate_valid("2000-02-29", 1900, 2199));
	assert_false(isodate_valid("1900-02-29", 1900, 2199));
	assert_false(isodate_valid("2025-04-31", 1900, 2199));
	assert_false(isodate_valid("2025-13-01", 1900, 2199));
	assert_false(isodate_valid("2025-00-10", 1900, 2199));
	assert_false(isodate_valid("2025-01-00", 1900, 2199));
	assert_true(isodate_valid("9999-12-31", 1, 9999));
	assert_false(isodate_valid("0000-01-01", 1, 9999));
}

static void
test_range(void **state)
{
	(void)state;
	assert_false(isodate_valid("1899-12-31", 1900, 2199));
	assert_true(isodate_valid("1900-01-01", 1900, 2199));
	assert_true(isodate_valid("2199-12-31", 1900, 2199));
	assert_false(isodate_valid("2200-01-01", 1900, 2199));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
