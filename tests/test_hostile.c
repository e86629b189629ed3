/*
 * test_hostile: the hostile corpus (tests/hostile/) through the real
 * binary.  Every line of tests/hostile/MANIFEST names a file, the
 * commands to run on it, the exit status and the message each must give;
 * the files too big or too special to commit (the size cap, a 1 MB line,
 * 100,000 combining marks, deep nesting, FIFOs and symbolic links as
 * input and output, a file-size limit) are made here, at test time, in a
 * temporary directory.  Every run must end within the harness's time
 * limit, and a run that fails must leave no output file behind.
 */
#include "harness.h"

#include <sys/resource.h>

#define AS_OF		"--as-of=2025-06-30"
#define MANIFEST	"tests/hostile/MANIFEST"

/* Check what a run did; what names it in failure messages. */
static void
expect_run(const struct run *r, const char *what, int status,
    const char *message)
{
	const char	*p;
	int		 errors = 0;

	if (r->timed_out)
		fail_msg("%s: did not finish in %d s", what, RUN_TIME_LIMIT);
	if (r->status != status)
		fail_msg("%s: exit %d, expected %d; stderr: %s", what,
		    r->status, status, r->err);
	for (p = r->err; (p = strstr(p, ": error: ")) != NULL; p++)
		errors++;
	if (message == NULL) {
		if (errors > 0)
			fail_msg("%s: expected no error, got: %s", what,
			    r->err);
		return;
	}
	if (strstr(r->err, message) == NULL)
		fail_msg("%s: expected \"%s\" on stderr, got: %s", what,
		    message, r->err);
	/* One problem, one message. */
	if (status == 65 && errors != 1)
		fail_msg("%s: expected one error line, got %d: %s", what,
		    errors, r->err);
}

/* A fresh, empty directory for one run's output. */
static const char *
fresh_dir(char *buf, size_t bufsz)
{
	static const char	letters[] = "abcdefghijklmnopqrstuvwxyz";
	char			name[32];
	unsigned		n;

	for (n = 0;; n++) {
		snprintf(name, sizeof(name), "out-%c%u", letters[n % 26], n);
		tmppath(name, buf, bufsz);
		if (mkdir(buf, 0755) == 0)
			return buf;
		if (errno != EEXIST)
			fail_msg("mkdir %s: %s", buf, strerror(errno));
	}
}

/* How many entries dir holds, besides "." and "..". */
static size_t
dir_entries(const char *dir)
{
	DIR		*dp = opendir(dir);
	struct dirent	*de;
	size_t		 n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(dp);
	return n;
}

static void
expect_pdf(const char *path)
{
	size_t	 len;
	char	*pdf = slurp(path, &len);

	if (pdf == NULL)
		fail_msg("no output %s", path);
	if (len < 1000 || memcmp(pdf, "%PDF-", 5) != 0)
		fail_msg("%s is not a PDF (%zu bytes)", path, len);
	free(pdf);
}

/*
 * Run one command of endorse on file; status and message as in the
 * manifest (message NULL: no error).
 */
static void
run_command(const char *cmd, const char *file, int status,
    const char *message)
{
	char		 dir[PATH_MAX], out[PATH_MAX], what[PATH_MAX + 64],
			 want[PATH_MAX + 1024];
	const char	*argv[8];
	struct run	 r;
	int		 writes = strcmp(cmd, "packet") == 0 ||
			    strcmp(cmd, "review") == 0;

	argv[0] = "endorse";
	argv[1] = cmd;
	if (strcmp(cmd, "validate") == 0) {
		argv[2] = file;
		argv[3] = NULL;
	} else if (!writes) {
		argv[2] = AS_OF;
		argv[3] = file;
		argv[4] = NULL;
	} else {
		fresh_dir(dir, sizeof(dir));
		if ((size_t)snprintf(out, sizeof(out), "%s/out.pdf", dir) >=
		    sizeof(out))
			fail();
		argv[2] = AS_OF;
		argv[3] = "-o";
		argv[4] = out;
		argv[5] = file;
		argv[6] = NULL;
	}
	snprintf(what, sizeof(what), "endorse %s %s", cmd, file);
	if (message != NULL)
		snprintf(want, sizeof(want), "%s%s", file, message);
	run_endorse_in(&r, NULL, argv);
	expect_run(&r, what, status, message != NULL ? want : NULL);
	if (writes && status == 0) {
		expect_pdf(out);
		assert_int_equal(dir_entries(dir), 1);
	} else if (writes && dir_entries(dir) != 0)
		fail_msg("%s: failed, but left a file in %s", what, dir);
	run_free(&r);
}

static void
test_manifest(void **state)
{
	char	 path[PATH_MAX], file[PATH_MAX], *text, *line, *save = NULL,
		 *f, *cmds, *st, *msg, *cmd, *csave;
	size_t	 runs = 0;

	(void)state;
	text = slurp(srcpath(MANIFEST, path, sizeof(path)), NULL);
	assert_non_null(text);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		f = strtok_r(line, " \t", &csave);
		cmds = strtok_r(NULL, " \t", &csave);
		st = strtok_r(NULL, " \t", &csave);
		msg = csave + strspn(csave, " \t");
		if (f == NULL || cmds == NULL || st == NULL || *msg == '\0')
			fail_msg("bad manifest line for %s", f ? f : "?");
		/* Messages are quoted as "tests/hostile/FILE" + MESSAGE. */
		snprintf(file, sizeof(file), "tests/hostile/%s", f);
		if (access(file, R_OK) != 0)
			fail_msg("%s is in the manifest but missing", file);
		for (cmd = strtok_r(cmds, ",", &csave); cmd != NULL;
		    cmd = strtok_r(NULL, ",", &csave)) {
			run_command(cmd, file, atoi(st),
			    strcmp(msg, "-") == 0 ? NULL : msg);
			runs++;
		}
	}
	free(text);
	/* A manifest that lost its lines must not pass as clean. */
	assert_true(runs > 100);
}

/* Every file of tests/hostile/ is in the manifest. */
static void
test_manifest_complete(void **state)
{
	char	  path[PATH_MAX], *text, needle[NAME_MAX + 2];
	char	**names;
	size_t	  n, i;

	(void)state;
	text = slurp(srcpath(MANIFEST, path, sizeof(path)), NULL);
	assert_non_null(text);
	names = list_dir(srcpath("tests/hostile", path, sizeof(path)), ".xml",
	    &n);
	for (i = 0; i < n; i++) {
		snprintf(needle, sizeof(needle), "\n%s", names[i]);
		if (strstr(text, needle) == NULL)
			fail_msg("tests/hostile/%s has no line in the manifest",
			    names[i]);
		free(names[i]);
	}
	free(names);
	free(text);
}

/* ---- Files made at test time ------------------------------------- */

/* The minimal valid portfolio with from replaced by to (once). */
static char *
portfolio_with(const char *from, const char *to, size_t *lenp)
{
	char	 path[PATH_MAX], *base, *out, *at;
	size_t	 len, flen = strlen(from), tlen = strlen(to);

	base = slurp(srcpath("tests/validate/valid-minimal.xml", path,
	    sizeof(path)), &len);
	assert_non_null(base);
	if ((at = strstr(base, from)) == NULL)
		fail_msg("'%s' is not in the minimal portfolio", from);
	out = malloc(len - flen + tlen + 1);
	assert_non_null(out);
	memcpy(out, base, (size_t)(at - base));
	memcpy(out + (at - base), to, tlen);
	memcpy(out + (at - base) + tlen, at + flen,
	    len - (size_t)(at - base) - flen + 1);
	*lenp = len - flen + tlen;
	free(base);
	return out;
}

/* n copies of unit. */
static char *
repeat(const char *unit, size_t n)
{
	size_t	 ul = strlen(unit), i;
	char	*s = malloc(ul * n + 1);

	assert_non_null(s);
	for (i = 0; i < n; i++)
		memcpy(s + i * ul, unit, ul);
	s[ul * n] = '\0';
	return s;
}

/* Write a generated file into the temporary directory. */
static const char *
made(const char *name, const char *data, size_t len, char *buf,
    size_t bufsz)
{
	tmppath(name, buf, bufsz);
	spew(buf, data, len);
	return buf;
}

static void
expect_validate(const char *file, int status, const char *message)
{
	struct run	r;

	run_endorse(&r, "validate", file, NULL);
	expect_run(&r, file, status, message);
	run_free(&r);
}

/* The minimal portfolio padded with a comment to exactly size bytes. */
static char *
portfolio_of_size(size_t size)
{
	size_t	 len, pad;
	char	*doc, *out;

	doc = portfolio_with("<applicant>", "<applicant>", &len);

	pad = size - len - 8;		/* "<!--" "-->" "\n" */
	out = malloc(size + 1);
	assert_non_null(out);
	memcpy(out, doc, len);
	memcpy(out + len, "<!--", 4);
	memset(out + len + 4, 'x', pad);
	memcpy(out + len + 4 + pad, "-->\n", 5);
	assert_int_equal(strlen(out), size);
	free(doc);
	return out;
}

static void
test_size_cap(void **state)
{
	char		 path[PATH_MAX], *doc;
	const char	*argv[] = { "endorse", "validate", "-", NULL };
	struct run	 r;

	(void)state;
	doc = portfolio_of_size(1024 * 1024);
	expect_validate(made("at-cap.xml", doc, strlen(doc), path,
	    sizeof(path)), 0, NULL);
	free(doc);
	doc = portfolio_of_size(1024 * 1024 + 1);
	expect_validate(made("over-cap.xml", doc, strlen(doc), path,
	    sizeof(path)), 65, "over-cap.xml: error: the file is larger than "
	    "the limit of 1048576 bytes (1 MiB)");
	/* The same from standard input, where no size is known first. */
	run_endorse_in(&r, path, argv);
	expect_run(&r, "validate - < over-cap.xml", 65, "<stdin>: error: the "
	    "file is larger than the limit of 1048576 bytes (1 MiB)");
	run_free(&r);
	free(doc);
}

static void
test_line_cap(void **state)
{
	char	 path[PATH_MAX], *pad, *doc;
	size_t	 len, lines = 27;	/* of the minimal portfolio */

	(void)state;
	/* xmlload counts newlines + 1: 65,534 newlines is the cap. */
	pad = repeat("\n", 65534 - lines);
	{
		char	*tail;

		if (asprintf(&tail, "</portfolio>%s\n", pad) < 0)
			fail();
		doc = portfolio_with("</portfolio>\n", tail, &len);
		free(tail);
	}
	expect_validate(made("lines-at-cap.xml", doc, len, path, sizeof(path)),
	    0, NULL);
	free(doc);
	{
		char	*tail;

		if (asprintf(&tail, "</portfolio>%s\n\n", pad) < 0)
			fail();
		doc = portfolio_with("</portfolio>\n", tail, &len);
		free(tail);
	}
	expect_validate(made("lines-over-cap.xml", doc, len, path,
	    sizeof(path)), 65, "lines-over-cap.xml: error: the file has more "
	    "than 65535 lines");
	free(doc);
	free(pad);
}

static void
test_long_values(void **state)
{
	char	 path[PATH_MAX], *v, *field, *doc;
	size_t	 len;

	(void)state;
	/* A 1 MB name on one line. */
	v = repeat("a", 1000000);
	if (asprintf(&field, "<name>%s</name>", v) < 0)
		fail();
	doc = portfolio_with("<name>Zoë Brontë</name>", field, &len);
	expect_validate(made("name-1mb.xml", doc, len, path, sizeof(path)),
	    65, ":5: error: element 'name' is too long (1000000 characters): "
	    "expected a name of 1 to 200 characters");
	free(doc);
	free(field);
	free(v);

	/* A 10,000-letter word: longer than any text field. */
	v = repeat("w", 10000);
	if (asprintf(&field, "</institution><field>%s</field>", v) < 0)
		fail();
	doc = portfolio_with("</institution>", field, &len);
	expect_validate(made("word-10000.xml", doc, len, path, sizeof(path)),
	    65, "error: element 'field' is too long (10000 characters)");
	free(doc);
	free(field);
	free(v);

	/* 100,000 combining marks on one letter. */
	v = repeat("\xcc\x81", 100000);
	if (asprintf(&field, "<name>e%s</name>", v) < 0)
		fail();
	doc = portfolio_with("<name>Zoë Brontë</name>", field, &len);
	expect_validate(made("marks-100000.xml", doc, len, path, sizeof(path)),
	    65, ":5: error: element 'name' is too long (100001 characters)");
	free(doc);
	free(field);
	free(v);
}

/*
 * The longest values the schema admits still print, in bounded time: a
 * 400-letter title without a space and a name of one letter and 199
 * combining marks.
 */
static void
test_longest_valid_values_print(void **state)
{
	char	 path[PATH_MAX], *v, *field, *doc;
	size_t	 len;

	(void)state;
	v = repeat("W", 400);
	if (asprintf(&field, "<title>%s</title>", v) < 0)
		fail();
	doc = portfolio_with("<title>Foundations of Infant Mental Health"
	    "</title>", field, &len);
	run_command("packet", made("word-400.xml", doc, len, path,
	    sizeof(path)), 0, NULL);
	free(doc);
	free(field);
	free(v);

	v = repeat("\xcc\x81", 199);
	if (asprintf(&field, "<name>e%s</name>", v) < 0)
		fail();
	doc = portfolio_with("<name>Zoë Brontë</name>", field, &len);
	run_command("packet", made("marks-199.xml", doc, len, path,
	    sizeof(path)), 0, NULL);
	free(doc);
	free(field);
	free(v);
}

static void
test_deep_nesting(void **state)
{
	static const size_t	depths[] = { 300, 100000 };
	char			path[PATH_MAX], name[64], *open, *close,
				*mid, *doc;
	size_t			i, len;

	(void)state;
	for (i = 0; i < sizeof(depths) / sizeof(depths[0]); i++) {
		open = repeat("<x>", depths[i]);
		close = repeat("</x>", depths[i]);
		if (asprintf(&mid, "<applicant>%s%s", open, close) < 0)
			fail();
		doc = portfolio_with("<applicant>", mid, &len);
		snprintf(name, sizeof(name), "deep-%zu.xml", depths[i]);
		expect_validate(made(name, doc, len, path, sizeof(path)), 65,
		    "error: elements are nested more than 256 levels deep");
		free(doc);
		free(mid);
		free(open);
		free(close);
	}
}

static void
test_fifo_and_links_as_input(void **state)
{
	char	fifo[PATH_MAX], link[PATH_MAX], good[PATH_MAX],
		dangling[PATH_MAX], loop[PATH_MAX], src[PATH_MAX],
		abs[PATH_MAX];

	(void)state;
	tmppath("in.fifo", fifo, sizeof(fifo));
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* Nobody writes to it: refused at once, never a wait. */
	expect_validate(fifo, 66, "in.fifo: error: is not a regular file");
	tmppath("in-fifo.link", link, sizeof(link));
	assert_int_equal(symlink("in.fifo", link), 0);
	expect_validate(link, 66, "in-fifo.link: error: is not a regular file");

	tmppath("good.link", good, sizeof(good));
	assert_non_null(realpath(srcpath("tests/validate/valid-minimal.xml",
	    src, sizeof(src)), abs));
	assert_int_equal(symlink(abs, good), 0);
	expect_validate(good, 0, NULL);
	tmppath("dangling.link", dangling, sizeof(dangling));
	assert_int_equal(symlink("no-such-file.xml", dangling), 0);
	expect_validate(dangling, 66, "dangling.link: error: cannot open: No "
	    "such file or directory");
	tmppath("loop.link", loop, sizeof(loop));
	assert_int_equal(symlink("loop.link", loop), 0);
	expect_validate(loop, 66, "loop.link: error: cannot open: Too many "
	    "levels of symbolic links");
}

/* Read a FIFO to its end into copy, in a child. */
static pid_t
fifo_reader(const char *fifo, const char *copy)
{
	pid_t	pid = fork();
	char	buf[65536];
	ssize_t	n;
	int	in, out;

	assert_true(pid >= 0);
	if (pid > 0)
		return pid;
	alarm(RUN_TIME_LIMIT);
	if ((in = open(fifo, O_RDONLY)) == -1 ||
	    (out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		_exit(2);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			_exit(3);
	_exit(n == 0 ? 0 : 4);
}

static void
packet_to(const char *out, int status, const char *message)
{
	char		 src[PATH_MAX];
	const char	*argv[] = { "endorse", "packet", AS_OF, "-o", out,
			    srcpath("tests/validate/valid-minimal.xml", src,
			    sizeof(src)), NULL };
	struct run	 r;

	run_endorse_in(&r, NULL, argv);
	expect_run(&r, out, status, message);
	run_free(&r);
}

static void
test_fifo_and_links_as_output(void **state)
{
	char		 fifo[PATH_MAX], copy[PATH_MAX], link[PATH_MAX],
			 target[PATH_MAX], dir[PATH_MAX], got[PATH_MAX];
	struct stat	 sb;
	pid_t		 pid;
	int		 st, fd;
	ssize_t		 n;

	(void)state;
	tmppath("out.fifo", fifo, sizeof(fifo));
	tmppath("out.fifo.copy", copy, sizeof(copy));
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* No reader: an error at once (73), not a hang. */
	packet_to(fifo, 73, "out.fifo: error: cannot open the output for "
	    "writing: nothing is reading from this FIFO");
	/* A reader gets the whole PDF; the FIFO stays a FIFO. */
	pid = fifo_reader(fifo, copy);
	/*
	 * Once the reader is there, hold a writer end open until endorse
	 * is done, so the reader sees the end of the file only then.
	 */
	for (n = 0; (fd = open(fifo, O_WRONLY | O_NONBLOCK)) == -1; n++) {
		if (n > 500)
			fail_msg("the FIFO reader did not start");
		usleep(10000);
	}
	packet_to(fifo, 0, NULL);
	close(fd);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	expect_pdf(copy);
	assert_int_equal(lstat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));

	/* A link to a file: the file gets the PDF, the link stays. */
	tmppath("real.pdf", target, sizeof(target));
	tmppath("out.link", link, sizeof(link));
	spew(target, "old", 3);
	assert_int_equal(symlink("real.pdf", link), 0);
	packet_to(link, 0, NULL);
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	n = readlink(link, got, sizeof(got) - 1);
	assert_true(n > 0);
	got[n] = '\0';
	assert_string_equal(got, "real.pdf");
	expect_pdf(target);

	/* An output that is the input, through a link: refused (64). */
	{
		char		 in[PATH_MAX], in_link[PATH_MAX], src[PATH_MAX],
				*before, *after;
		const char	*argv[] = { "endorse", "packet", AS_OF, "-o",
				    in_link, in, NULL };
		struct run	 r;
		size_t		 len;

		tmppath("same-input.xml", in, sizeof(in));
		tmppath("same-input.link", in_link, sizeof(in_link));
		before = slurp(srcpath("tests/validate/valid-minimal.xml", src,
		    sizeof(src)), &len);
		assert_non_null(before);
		spew(in, before, len);
		assert_int_equal(symlink("same-input.xml", in_link), 0);
		run_endorse_in(&r, NULL, argv);
		expect_run(&r, "packet -o LINK-TO-INPUT", 64, "is the input");
		run_free(&r);
		after = slurp(in, NULL);
		assert_string_equal(after, before);
		free(after);
		free(before);
	}

	/* A directory, or a name in a directory that does not exist. */
	fresh_dir(dir, sizeof(dir));
	packet_to(dir, 73, "error: cannot write the output: it is a "
	    "directory");
	tmppath("no-such-dir/out.pdf", got, sizeof(got));
	packet_to(got, 73, "error: cannot create the output: No such file or "
	    "directory");
}

/*
 * ulimit -f: the real binary under a file-size limit of 64 KiB, with
 * SIGXFSZ ignored or not, fails with 74 and leaves the good file it was
 * to replace, and no temporary file.
 */
static void
test_file_size_limit(void **state)
{
	char		 dir[PATH_MAX], out[PATH_MAX], errf[PATH_MAX],
			 src[PATH_MAX], *err;
	int		 ignore, st, fd;
	pid_t		 pid;
	double		 deadline;

	(void)state;
	srcpath("tests/validate/valid-minimal.xml", src, sizeof(src));
	for (ignore = 0; ignore < 2; ignore++) {
		fresh_dir(dir, sizeof(dir));
		if ((size_t)snprintf(out, sizeof(out), "%s/out.pdf", dir) >=
		    sizeof(out))
			fail();
		spew(out, "good", 4);
		tmppath(ignore ? "fsize-ign.err" : "fsize.err", errf,
		    sizeof(errf));
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct rlimit	rl = { 65536, 65536 };

			if (ignore)
				signal(SIGXFSZ, SIG_IGN);
			if (setrlimit(RLIMIT_FSIZE, &rl) != 0 ||
			    (fd = open(errf, O_WRONLY | O_CREAT | O_TRUNC,
			    0644)) == -1)
				_exit(120);
			dup2(fd, 2);
			execl(env_or("ENDORSE_BIN", "./endorse"), "endorse",
			    "packet", AS_OF, "-o", out, src, (char *)NULL);
			_exit(121);
		}
		deadline = now_seconds() + RUN_TIME_LIMIT;
		while (waitpid(pid, &st, WNOHANG) == 0) {
			if (now_seconds() > deadline) {
				kill(pid, SIGKILL);
				fail_msg("endorse under ulimit -f did not end");
			}
			usleep(10000);
		}
		if (!WIFEXITED(st))
			fail_msg("endorse under ulimit -f died of signal %d",
			    WTERMSIG(st));
		err = slurp(errf, NULL);
		assert_non_null(err);
		if (WEXITSTATUS(st) != 74 || strstr(err, "cannot write the "
		    "output: the file is larger than the file-size limit") ==
		    NULL)
			fail_msg("exit %d: %s", WEXITSTATUS(st), err);
		free(err);
		err = slurp(out, NULL);
		assert_string_equal(err, "good");
		free(err);
		assert_int_equal(dir_entries(dir), 1);
	}
}

/*
 * Under strace: over the whole corpus, validate and check make no
 * socket, connect to nothing, and open no file an entity, an XInclude or
 * a stylesheet instruction names.  Skipped where strace cannot trace
 * (a container without ptrace).
 */
static void
test_nothing_fetched(void **state)
{
	static const char *const never[] = {
		"/etc/passwd", "evil", "valid-minimal.xml", "portfolio.dtd",
		"socket(", "connect(", NULL
	};
	char		  dir[PATH_MAX], log[PATH_MAX], *text;
	char		**names;
	size_t		  n, i, len = 0;
	struct run	  r;
	const char	 *mode[] = { "validate", "check" };
	int		  m;

	(void)state;
	run_tool(&r, "strace", "-f", "-qq", "-o", "/dev/null", "true", NULL);
	if (r.status != 0) {
		run_free(&r);
		skip();
	}
	run_free(&r);
	names = list_dir(srcpath("tests/hostile", dir, sizeof(dir)), ".xml",
	    &n);
	tmppath("strace.log", log, sizeof(log));
	for (m = 0; m < 2; m++) {
		const char	**argv = calloc(n + 14, sizeof(*argv));
		int		  a = 0;

		assert_non_null(argv);
		argv[a++] = "strace";
		argv[a++] = "-f";
		argv[a++] = "-qq";
		argv[a++] = "-e";
		argv[a++] = "trace=socket,connect,open,openat";
		/* LeakSanitizer cannot run under ptrace. */
		argv[a++] = "-E";
		argv[a++] = "ASAN_OPTIONS=detect_leaks=0";
		argv[a++] = "-o";
		argv[a++] = log;
		argv[a++] = env_or("ENDORSE_BIN", "./endorse");
		argv[a++] = mode[m];
		if (m == 1)
			argv[a++] = AS_OF;
		for (i = 0; i < n; i++) {
			char	*p;

			if (asprintf(&p, "tests/hostile/%s", names[i]) < 0)
				fail();
			argv[a++] = p;
		}
		argv[a] = NULL;
		run_exec(&r, NULL, "strace", argv);
		if (r.timed_out)
			fail_msg("strace endorse %s did not finish", mode[m]);
		/* Some files are invalid: the batch exits 65. */
		assert_int_equal(r.status, 65);
		run_free(&r);
		text = slurp(log, &len);
		assert_non_null(text);
		for (i = 0; never[i] != NULL; i++)
			if (strstr(text, never[i]) != NULL)
				fail_msg("endorse %s: '%s' in its system calls",
				    mode[m], never[i]);
		free(text);
		for (i = 11 + (m == 1); argv[i] != NULL; i++)
			free((char *)argv[i]);
		free(argv);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_manifest),
		cmocka_unit_test(test_manifest_complete),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_line_cap),
		cmocka_unit_test(test_long_values),
		cmocka_unit_test(test_longest_valid_values_print),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_fifo_and_links_as_input),
		cmocka_unit_test(test_fifo_and_links_as_output),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_nothing_fetched),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests_name("hostile", tests, NULL, NULL);
}
