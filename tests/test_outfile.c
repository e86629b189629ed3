/*
 * test_outfile: writing outputs (SECURITY.md rules 13-14): temporary
 * file and rename for regular files, symbolic links followed and kept,
 * FIFOs streamed into, directories refused, write failures (a file-size
 * limit, a reader that goes away) reported without a partial file, and
 * a file written in pieces (outfile_open, append, commit, discard).
 * Only temporary files, FIFOs and links of a temporary directory are
 * used, never a real device.
 */
#include "harness.h"

#include <sys/resource.h>

#include "diag.h"
#include "outfile.h"

/* Write data to path; return the status, *msgs what was reported. */
static enum outfile_status
write_out(const char *path, const char *data, size_t len, char **msgs)
{
	struct diag		 d;
	size_t			 mlen = 0;
	FILE			*f;
	enum outfile_status	 st;

	*msgs = NULL;
	f = open_memstream(msgs, &mlen);
	assert_non_null(f);
	diag_init(&d, f, NULL);
	st = outfile_write(path, data, len, &d);
	fclose(f);
	return st;
}

static void
expect_content(const char *path, const char *want)
{
	size_t	 len;
	char	*got = slurp(path, &len);

	assert_non_null(got);
	assert_int_equal(len, strlen(want));
	assert_memory_equal(got, want, len);
	free(got);
}

/* Nothing but the names given is left in dir (no ".x.XXXXXX" files). */
static void
expect_no_temporary(const char *dir)
{
	DIR		*dp = opendir(dir);
	struct dirent	*de;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			fail_msg("temporary file left: %s/%s", dir, de->d_name);
	closedir(dp);
}

static void
join(char *buf, size_t bufsz, const char *dir, const char *name)
{
	if ((size_t)snprintf(buf, bufsz, "%s/%s", dir, name) >= bufsz)
		fail_msg("path too long: %s/%s", dir, name);
}

static const char *
subdir(const char *name, char *buf, size_t bufsz)
{
	tmppath(name, buf, bufsz);
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		fail_msg("mkdir %s: %s", buf, strerror(errno));
	return buf;
}

static void
test_new_and_replaced_file(void **state)
{
	char		 dir[PATH_MAX], path[PATH_MAX], *msgs;
	struct stat	 sb;

	(void)state;
	subdir("plain", dir, sizeof(dir));
	join(path, sizeof(path), dir, "out.pdf");
	assert_int_equal(write_out(path, "one", 3, &msgs), OUTFILE_OK);
	assert_string_equal(msgs, "");
	free(msgs);
	expect_content(path, "one");
	/* Replacing keeps the file's permissions. */
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(write_out(path, "two!", 4, &msgs), OUTFILE_OK);
	free(msgs);
	expect_content(path, "two!");
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0640);
	expect_no_temporary(dir);
}

static void
test_directory_refused(void **state)
{
	char	dir[PATH_MAX], link[PATH_MAX], *msgs;

	(void)state;
	subdir("adir", dir, sizeof(dir));
	assert_int_equal(write_out(dir, "x", 1, &msgs),
	    OUTFILE_CANNOT_CREATE);
	assert_non_null(strstr(msgs, "cannot write the output: it is a "
	    "directory"));
	free(msgs);
	/* The same through a link. */
	tmppath("link-to-dir", link, sizeof(link));
	assert_int_equal(symlink(dir, link), 0);
	assert_int_equal(write_out(link, "x", 1, &msgs),
	    OUTFILE_CANNOT_CREATE);
	assert_non_null(strstr(msgs, "it is a directory"));
	free(msgs);
}

static void
test_link_followed_and_kept(void **state)
{
	char		 a[PATH_MAX], b[PATH_MAX], file[PATH_MAX],
			 link[PATH_MAX], link2[PATH_MAX], got[PATH_MAX], *msgs;
	struct stat	 sb;
	ssize_t		 n;

	(void)state;
	subdir("links", a, sizeof(a));
	subdir("targets", b, sizeof(b));
	join(file, sizeof(file), b, "real.pdf");
	join(link, sizeof(link), a, "out.pdf");
	join(link2, sizeof(link2), a, "again.pdf");
	spew(file, "old", 3);
	assert_int_equal(symlink("../targets/real.pdf", link), 0);
	assert_int_equal(symlink("out.pdf", link2), 0);

	assert_int_equal(write_out(link, "new", 3, &msgs), OUTFILE_OK);
	assert_string_equal(msgs, "");
	free(msgs);
	/* The link is still a link, to the same name; the target changed. */
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	n = readlink(link, got, sizeof(got) - 1);
	assert_true(n > 0);
	got[n] = '\0';
	assert_string_equal(got, "../targets/real.pdf");
	expect_content(file, "new");

	/* A chain of two relative links. */
	assert_int_equal(write_out(link2, "newer", 5, &msgs), OUTFILE_OK);
	free(msgs);
	assert_int_equal(lstat(link2, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	expect_content(file, "newer");
	expect_no_temporary(a);
	expect_no_temporary(b);
}

static void
test_dangling_link_creates_target(void **state)
{
	char		 dir[PATH_MAX], link[PATH_MAX], target[PATH_MAX],
			 *msgs;
	struct stat	 sb;

	(void)state;
	subdir("dangling", dir, sizeof(dir));
	join(link, sizeof(link), dir, "out.pdf");
	join(target, sizeof(target), dir, "made.pdf");
	assert_int_equal(symlink("made.pdf", link), 0);
	assert_int_equal(write_out(link, "made", 4, &msgs), OUTFILE_OK);
	free(msgs);
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	assert_int_equal(lstat(target, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	expect_content(target, "made");
}

static void
test_link_loop(void **state)
{
	char	x[PATH_MAX], y[PATH_MAX], *msgs;

	(void)state;
	tmppath("loop-x", x, sizeof(x));
	tmppath("loop-y", y, sizeof(y));
	assert_int_equal(symlink("loop-y", x), 0);
	assert_int_equal(symlink("loop-x", y), 0);
	assert_int_equal(write_out(x, "x", 1, &msgs), OUTFILE_CANNOT_CREATE);
	assert_non_null(strstr(msgs, "cannot write the output:"));
	free(msgs);
}

/* Read a FIFO to its end in a child; returns the child's pid. */
static pid_t
fifo_reader(const char *fifo, const char *copy, size_t stop_after)
{
	pid_t	pid = fork();
	char	buf[4096];
	ssize_t	n;
	size_t	total = 0;
	int	in, out;

	assert_true(pid >= 0);
	if (pid > 0)
		return pid;
	alarm(10);
	if ((in = open(fifo, O_RDONLY)) == -1 ||
	    (out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		_exit(2);
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, (size_t)n) != n)
			_exit(3);
		total += (size_t)n;
		if (stop_after > 0 && total >= stop_after)
			_exit(0);	/* the reader goes away early */
	}
	_exit(n == 0 ? 0 : 4);
}

/*
 * Wait until someone has the FIFO open for reading; returns a writer end
 * the caller closes after the write under test, so that the reader sees
 * the end of the file only then.
 */
static int
wait_for_reader(const char *fifo)
{
	int	fd, i;

	for (i = 0; i < 500; i++) {
		if ((fd = open(fifo, O_WRONLY | O_NONBLOCK)) != -1)
			return fd;
		usleep(10000);
	}
	fail_msg("no reader on %s", fifo);
	return -1;
}

static void
test_fifo_streamed(void **state)
{
	char		 fifo[PATH_MAX], copy[PATH_MAX], link[PATH_MAX],
			 *msgs, *big;
	size_t		 bigsz = 1 << 20;
	struct stat	 sb;
	pid_t		 pid;
	int		 st, fd;

	(void)state;
	tmppath("out.fifo", fifo, sizeof(fifo));
	tmppath("fifo.copy", copy, sizeof(copy));
	tmppath("fifo.link", link, sizeof(link));
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink("out.fifo", link), 0);

	/* Nobody reads: an error at once, not a wait. */
	assert_int_equal(write_out(fifo, "x", 1, &msgs),
	    OUTFILE_CANNOT_CREATE);
	assert_non_null(strstr(msgs, "nothing is reading from this FIFO"));
	free(msgs);

	/* A reader gets all of a 1 MiB output, through the link too. */
	big = malloc(bigsz);
	assert_non_null(big);
	memset(big, 'p', bigsz);
	pid = fifo_reader(fifo, copy, 0);
	fd = wait_for_reader(fifo);
	assert_int_equal(write_out(link, big, bigsz, &msgs), OUTFILE_OK);
	close(fd);
	assert_string_equal(msgs, "");
	free(msgs);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal((size_t)sb.st_size, bigsz);
	/* The FIFO and the link are what they were. */
	assert_int_equal(lstat(fifo, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(lstat(link, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));

	/* The reader goes away after 64 KiB: an I/O error, no SIGPIPE. */
	pid = fifo_reader(fifo, copy, 65536);
	fd = wait_for_reader(fifo);
	assert_int_equal(write_out(fifo, big, bigsz, &msgs),
	    OUTFILE_IO_ERROR);
	close(fd);
	assert_non_null(strstr(msgs, "cannot write the output: the reader "
	    "closed it before the end"));
	free(msgs);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	free(big);
}

/*
 * In a child with a file-size limit of 4 KiB (ulimit -f 4): writing
 * 64 KiB over an existing good file fails with an I/O error and leaves
 * the old file and no temporary.  sig_ignored: SIGXFSZ ignored first, as
 * a shell may; otherwise outfile must hold it itself.
 */
static void
file_size_limit(int sig_ignored)
{
	char		 dir[PATH_MAX], path[PATH_MAX];
	pid_t		 pid;
	int		 st;

	subdir(sig_ignored ? "fsize-ign" : "fsize", dir, sizeof(dir));
	join(path, sizeof(path), dir, "out.pdf");
	spew(path, "good", 4);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit	 rl = { 4096, 4096 };
		char		*big = malloc(65536), *msgs;
		enum outfile_status s;

		if (sig_ignored)
			signal(SIGXFSZ, SIG_IGN);
		if (big == NULL || setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(10);
		memset(big, 'x', 65536);
		s = write_out(path, big, 65536, &msgs);
		_exit(s == OUTFILE_IO_ERROR && strstr(msgs, "larger than the "
		    "file-size limit") != NULL ? 0 : 11);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	if (!WIFEXITED(st))
		fail_msg("the writer died of signal %d", WTERMSIG(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	expect_content(path, "good");
	expect_no_temporary(dir);
}

static void
test_file_size_limit(void **state)
{
	(void)state;
	file_size_limit(0);
	file_size_limit(1);
}

static void
test_unwritable_directory(void **state)
{
	char	path[PATH_MAX], *msgs;

	(void)state;
	tmppath("no-such-dir/out.pdf", path, sizeof(path));
	assert_int_equal(write_out(path, "x", 1, &msgs),
	    OUTFILE_CANNOT_CREATE);
	assert_non_null(strstr(msgs, "cannot create the output:"));
	free(msgs);
}

/*
 * A file written in pieces: nothing at the target until the commit, the
 * bytes read back, the old file kept by a discard, a FIFO written into
 * at the commit (here nobody reads it: an error, not a wait).
 */
static void
test_written_in_pieces(void **state)
{
	char		 dir[PATH_MAX], path[PATH_MAX], fifo[PATH_MAX], buf[8];
	char		*msgs;
	size_t		 mlen = 0;
	struct outfile	*o;
	struct diag	 d;
	FILE		*f;

	(void)state;
	subdir("pieces", dir, sizeof(dir));
	join(path, sizeof(path), dir, "all.pdf");
	f = open_memstream(&msgs, &mlen);
	assert_non_null(f);
	diag_init(&d, f, NULL);
	assert_int_equal(outfile_open(path, &o, &d), OUTFILE_OK);
	assert_int_equal(outfile_append(o, "abc", 3), 0);
	assert_int_equal(outfile_append(o, "def", 3), 0);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(outfile_pread(o, buf, 4, 1), 4);
	assert_memory_equal(buf, "bcde", 4);
	assert_int_equal(outfile_pread(o, buf, 8, 4), 2);
	assert_int_equal(outfile_commit(o, &d), OUTFILE_OK);
	expect_content(path, "abcdef");
	/* a discarded second run leaves the first one's file */
	assert_int_equal(outfile_open(path, &o, &d), OUTFILE_OK);
	assert_int_equal(outfile_append(o, "xyz", 3), 0);
	outfile_discard(o);
	expect_content(path, "abcdef");
	expect_no_temporary(dir);
	/* a FIFO nobody reads: an error at the commit, not a wait */
	join(fifo, sizeof(fifo), dir, "fifo");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(outfile_open(fifo, &o, &d), OUTFILE_OK);
	assert_int_equal(outfile_append(o, "abc", 3), 0);
	assert_int_equal(outfile_commit(o, &d), OUTFILE_CANNOT_CREATE);
	fclose(f);
	assert_non_null(strstr(msgs, "nothing is reading from this FIFO"));
	free(msgs);
	expect_no_temporary(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_and_replaced_file),
		cmocka_unit_test(test_directory_refused),
		cmocka_unit_test(test_link_followed_and_kept),
		cmocka_unit_test(test_dangling_link_creates_target),
		cmocka_unit_test(test_link_loop),
		cmocka_unit_test(test_fifo_streamed),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_unwritable_directory),
		cmocka_unit_test(test_written_in_pieces),
	};

	return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
