/*
 * test_cli_validate: end-to-end tests of `endorse validate`, running the
 * real binary on real files.
 *
 * Golden diagnostics: every tests/validate/NAME.xml is validated and what
 * endorse prints on standard error, followed by "exit N", must equal
 * tests/validate/NAME.err.  `make regress-update` rewrites the .err files;
 * review the change with git diff.
 */
#include "harness.h"

#include <dirent.h>
#include <netinet/in.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <arpa/inet.h>

static void
test_examples_are_valid(void **state)
{
	size_t	 n, i;
	char	**names = list_dir("examples", ".xml", &n);
	char	 path[PATH_MAX];
	struct run r;

	(void)state;
	assert_true(n >= 6);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "examples/%s", names[i]);
		run_endorse(&r, "validate", path, NULL);
		run_expect(&r, 0, NULL, NULL);
		assert_string_equal(r.err, "");
		run_free(&r);
		free(names[i]);
	}
	free(names);
}

static void
test_golden_diagnostics(void **state)
{
	size_t	 n, i, explen;
	char	**names = list_dir("tests/validate", ".xml", &n);
	char	 path[PATH_MAX], golden[PATH_MAX], *got, *want;
	int	 update = getenv("ENDORSE_REGRESS_UPDATE") != NULL;
	int	 failures = 0;
	struct run r;

	(void)state;
	assert_true(n >= 15);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "tests/validate/%s", names[i]);
		snprintf(golden, sizeof(golden), "%.*s.err",
		    (int)strlen(path) - 4, path);
		run_endorse(&r, "validate", "-q", path, NULL);
		assert_false(r.timed_out);
		if (asprintf(&got, "%sexit %d\n", r.err, r.status) < 0)
			fail();
		if (update)
			spew(golden, got, strlen(got));
		want = slurp(golden, &explen);
		if (want == NULL || strcmp(want, got) != 0) {
			print_error("%s: expected\n%s--- got\n%s", path,
			    want ? want : "(no .err file)\n", got);
			failures++;
		}
		free(want);
		free(got);
		run_free(&r);
		free(names[i]);
	}
	free(names);
	assert_int_equal(failures, 0);
}

static void
test_missing_file(void **state)
{
	struct run	r;

	(void)state;
	run_endorse(&r, "validate", "no/such/file.xml", NULL);
	run_expect(&r, 66, NULL, "endorse: no/such/file.xml: error: cannot open: "
	    "No such file or directory");
	run_free(&r);
}

static void
test_directory(void **state)
{
	struct run	r;

	(void)state;
	run_endorse(&r, "validate", "examples", NULL);
	run_expect(&r, 66, NULL, "endorse: examples: error: is a directory, not a "
	    "file");
	run_free(&r);
}

static void
test_fifo_does_not_hang(void **state)
{
	char		path[PATH_MAX];
	struct run	r;

	(void)state;
	tmppath("fifo.xml", path, sizeof(path));
	assert_int_equal(mkfifo(path, 0600), 0);
	run_endorse(&r, "validate", path, NULL);
	run_expect(&r, 66, NULL, "is not a regular file");
	run_free(&r);
	unlink(path);
}

static void
test_stdin(void **state)
{
	const char	*argv[] = { "endorse", "validate", "-", NULL };
	struct run	 r;

	(void)state;
	run_endorse_in(&r, "tests/validate/valid-minimal.xml", argv);
	run_expect(&r, 0, NULL, NULL);
	assert_string_equal(r.out, "<stdin>: valid\n");
	run_free(&r);
	run_endorse_in(&r, "tests/validate/negative-hours.xml", argv);
	run_expect(&r, 65, NULL, "endorse: <stdin>:14: error: element 'course', "
	    "attribute 'hours': '-3' is not valid");
	run_free(&r);
}

static void
test_batch_goes_on(void **state)
{
	struct run	r;

	(void)state;
	/* A bad file does not stop the others; the worst status wins. */
	run_endorse(&r, "validate", "tests/validate/negative-hours.xml",
	    "missing.xml", "tests/validate/valid-minimal.xml", NULL);
	run_expect(&r, 66, NULL, "missing.xml: error: cannot open");
	assert_non_null(strstr(r.err, "negative-hours.xml:14:"));
	assert_string_equal(r.out, "tests/validate/valid-minimal.xml: valid\n");
	run_free(&r);
	run_endorse(&r, "validate", "tests/validate/valid-minimal.xml",
	    "tests/validate/bad-date.xml", NULL);
	run_expect(&r, 65, NULL, "bad-date.xml:9:");
	run_free(&r);
}

/* Write a generated input and expect it refused with message. */
static void
expect_generated(const char *name, const void *data, size_t len,
    const char *message)
{
	char		path[PATH_MAX];
	struct run	r;

	tmppath(name, path, sizeof(path));
	spew(path, data, len);
	run_endorse(&r, "validate", path, NULL);
	run_expect(&r, 65, NULL, message);
	/* One message, never a crash report or a library's own output. */
	assert_non_null(strstr(r.err, "endorse: "));
	assert_null(strstr(r.err, "parser error"));
	assert_null(strstr(r.err, "Sanitizer"));
	run_free(&r);
}

static void
test_binary_garbage(void **state)
{
	unsigned char	buf[4096];
	uint32_t	x = 2463534242u;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(buf); i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
	expect_generated("garbage.xml", buf, sizeof(buf), "error:");
	/* A gzip header: never inflated. */
	buf[0] = 0x1f;
	buf[1] = 0x8b;
	expect_generated("garbage.xml.gz", buf, sizeof(buf), "error:");
}

static void
test_quadratic_blowup(void **state)
{
	size_t	 n = 50000, refs = 5000, i;
	char	*buf = malloc(n + refs * 3 + 256), *p = buf;

	(void)state;
	assert_non_null(buf);
	p += sprintf(p, "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"");
	for (i = 0; i < n; i++)
		*p++ = 'a';
	p += sprintf(p, "\">]>\n<p>");
	for (i = 0; i < refs; i++)
		p += sprintf(p, "&a;");
	p += sprintf(p, "</p>\n");
	expect_generated("quadratic.xml", buf, (size_t)(p - buf),
	    ":2: error: document type declarations are not allowed");
	free(buf);
}

static void
test_oversized(void **state)
{
	size_t	 len = 1024 * 1024 + 1;
	char	*buf = malloc(len);

	(void)state;
	assert_non_null(buf);
	memset(buf, ' ', len);
	memcpy(buf, "<portfolio>", 11);
	expect_generated("big.xml", buf, len, "error: the file is larger "
	    "than the limit of 1048576 bytes (1 MiB)");
	free(buf);
}

static void
test_too_many_lines(void **state)
{
	size_t	 len = 70000;
	char	*buf = malloc(len);

	(void)state;
	assert_non_null(buf);
	memset(buf, '\n', len);
	memcpy(buf, "<p>", 3);
	memcpy(buf + len - 4, "</p>", 4);
	expect_generated("lines.xml", buf, len, "error: the file has more "
	    "than 65535 lines");
	free(buf);
}

static void
test_too_deep(void **state)
{
	char	*buf = malloc(300 * 7 + 64), *p = buf;
	int	 i;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < 300; i++)
		p += sprintf(p, "<a>");
	for (i = 0; i < 300; i++)
		p += sprintf(p, "</a>");
	expect_generated("deep.xml", buf, (size_t)(p - buf),
	    "nested more than 256 levels deep");
	free(buf);
}

/*
 * A local-file external entity is never read: inotify watches the target
 * for any open while endorse runs.
 */
static void
test_local_file_never_read(void **state)
{
	char		secret[PATH_MAX], doc[PATH_MAX], xml[2 * PATH_MAX],
			ev[4096];
	int		fd, wd;
	struct run	r;

	(void)state;
	tmppath("secret.txt", secret, sizeof(secret));
	spew(secret, "TOP-SECRET-CONTENT\n", 19);
	snprintf(xml, sizeof(xml), "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE portfolio [<!ENTITY s SYSTEM \"file://%s\">]>\n"
	    "<portfolio xmlns=\"urn:endorse:portfolio:1\" version=\"1\">"
	    "<applicant><name>&s;</name></applicant></portfolio>\n", secret);
	tmppath("local-entity.xml", doc, sizeof(doc));
	spew(doc, xml, strlen(xml));

	fd = inotify_init1(IN_NONBLOCK);
	assert_true(fd >= 0);
	wd = inotify_add_watch(fd, secret, IN_OPEN | IN_ACCESS);
	assert_true(wd >= 0);
	run_endorse(&r, "validate", doc, NULL);
	run_expect(&r, 65, NULL, "document type declarations are not allowed");
	assert_null(strstr(r.err, "TOP-SECRET"));
	assert_null(strstr(r.out, "TOP-SECRET"));
	if (read(fd, ev, sizeof(ev)) > 0)
		fail_msg("endorse opened %s", secret);
	close(fd);
	run_free(&r);
}

/*
 * A network external entity is never fetched: a listening socket on the
 * loopback sees no connection.
 */
static void
test_network_never_touched(void **state)
{
	struct sockaddr_in	sa;
	socklen_t		salen = sizeof(sa);
	char			doc[PATH_MAX], xml[1024];
	int			s, c;
	struct run		r;

	(void)state;
	s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	assert_true(s >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(listen(s, 4), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sa, &salen), 0);
	snprintf(xml, sizeof(xml), "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE portfolio [<!ENTITY n SYSTEM "
	    "\"http://127.0.0.1:%d/x\">]>\n"
	    "<portfolio xmlns=\"urn:endorse:portfolio:1\" version=\"1\">"
	    "<applicant><name>&n;</name></applicant></portfolio>\n",
	    ntohs(sa.sin_port));
	tmppath("net-entity.xml", doc, sizeof(doc));
	spew(doc, xml, strlen(xml));
	run_endorse(&r, "validate", doc, NULL);
	run_expect(&r, 65, NULL, "document type declarations are not allowed");
	c = accept(s, NULL, NULL);
	if (c >= 0) {
		close(c);
		fail_msg("endorse connected to the network");
	}
	close(s);
	run_free(&r);
}

static void
test_usage(void **state)
{
	struct run	r;

	(void)state;
	run_endorse(&r, NULL);
	run_expect(&r, 64, NULL, "usage: endorse COMMAND");
	run_free(&r);
	run_endorse(&r, "validate", NULL);
	run_expect(&r, 64, NULL, "endorse: validate: no input files; see 'endorse "
	    "help validate'");
	assert_int_equal(strchr(r.err, '\n') - r.err + 1, (long)r.errlen);
	run_free(&r);
	run_endorse(&r, "validate", "--bogus", "x.xml", NULL);
	run_expect(&r, 64, NULL, "unknown option '--bogus'");
	run_free(&r);
	run_endorse(&r, "frobnicate", NULL);
	run_expect(&r, 64, NULL, "no command 'frobnicate'");
	run_free(&r);
}

static void
test_help_and_version(void **state)
{
	struct run	r;

	(void)state;
	run_endorse(&r, "--help", NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_non_null(strstr(r.out, "validate"));
	run_free(&r);
	run_endorse(&r, "help", "validate", NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_non_null(strstr(r.out, "usage: endorse validate"));
	run_free(&r);
	run_endorse(&r, "validate", "--help", NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_non_null(strstr(r.out, "--quiet"));
	run_free(&r);
	run_endorse(&r, "--version", NULL);
	run_expect(&r, 0, NULL, NULL);
	assert_memory_equal(r.out, "endorse ", 8);
	run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples_are_valid),
		cmocka_unit_test(test_golden_diagnostics),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_fifo_does_not_hang),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_batch_goes_on),
		cmocka_unit_test(test_binary_garbage),
		cmocka_unit_test(test_quadratic_blowup),
		cmocka_unit_test(test_oversized),
		cmocka_unit_test(test_too_many_lines),
		cmocka_unit_test(test_too_deep),
		cmocka_unit_test(test_local_file_never_read),
		cmocka_unit_test(test_network_never_touched),
		cmocka_unit_test(test_usage),
		cmocka_unit_test(test_help_and_version),
	};

	return cmocka_run_group_tests_name("endorse validate", tests, NULL,
	    NULL);
}
