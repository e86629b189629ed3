/*
 * replay: run a fuzz harness's LLVMFuzzerTestOneInput on every committed
 * input, without libFuzzer, built with the normal compiler (and under the
 * sanitizers by the sanitizer pass of 'make test').
 *
 * FUZZ_NAME (set when building) names the harness: the inputs are the
 * minimised corpus fuzz/corpus/FUZZ_NAME/ and the findings
 * fuzz/regressions/FUZZ_NAME/, under ENDORSE_DATADIR.  Every file must
 * come back; a crash or a sanitizer report ends the program with an
 * error, and run.sh counts it as a failed program.
 */
#include "../tests/harness.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the harness"
#endif

/* Replay every file of dir; returns how many there were. */
static size_t
replay_dir(const char *dir)
{
	DIR		*dp;
	struct dirent	*de;
	char		 path[PATH_MAX], *data;
	size_t		 len, n = 0;

	if ((dp = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if ((data = slurp(path, &len)) == NULL)
			fail_msg("cannot read %s", path);
		assert_int_equal(LLVMFuzzerTestOneInput(
		    (const unsigned char *)data, len), 0);
		free(data);
		n++;
	}
	closedir(dp);
	return n;
}

static void
test_corpus(void **state)
{
	char	dir[PATH_MAX];

	(void)state;
	/* A corpus that went missing must not pass as "nothing crashed". */
	assert_true(replay_dir(srcpath("fuzz/corpus/" FUZZ_NAME, dir,
	    sizeof(dir))) > 0);
}

static void
test_regressions(void **state)
{
	char	dir[PATH_MAX];

	(void)state;
	(void)replay_dir(srcpath("fuzz/regressions/" FUZZ_NAME, dir,
	    sizeof(dir)));
}

int
main(int argc, char *argv[])
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_regressions),
	};

	LLVMFuzzerInitialize(&argc, &argv);
	return cmocka_run_group_tests_name("fuzz replay " FUZZ_NAME, tests,
	    NULL, NULL);
}
