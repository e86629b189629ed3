/*
 * harness: helpers shared by the cmocka test programs.
 *
 * run_endorse() runs the real binary ($ENDORSE_BIN) with a time limit and
 * captures what it prints; the other helpers read and write files.  Each
 * test program includes this header once; everything here is static.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

/* Helpers are static; not every program uses every one. */
#define HARNESS_FN static __attribute__((unused))

/* Seconds any one run of the binary may take: "bounded time". */
#define RUN_TIME_LIMIT	10

struct run {
	int	 status;	/* exit status, or 128 + signal */
	int	 timed_out;
	char	*out;		/* standard output, NUL-terminated */
	size_t	 outlen;
	char	*err;		/* standard error, NUL-terminated */
	size_t	 errlen;
};

HARNESS_FN const char *
env_or(const char *name, const char *dflt)
{
	const char	*v = getenv(name);

	return v != NULL && *v != '\0' ? v : dflt;
}

HARNESS_FN void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

HARNESS_FN void
append(char **buf, size_t *len, const char *data, size_t n)
{
	char	*nb = realloc(*buf, *len + n + 1);

	assert_non_null(nb);
	memcpy(nb + *len, data, n);
	*len += n;
	nb[*len] = '\0';
	*buf = nb;
}

HARNESS_FN double
now_seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Run prog (searched in PATH) with argv (NULL-terminated, argv[0] included), stdin
 * from the file stdin_path (NULL: /dev/null).  Kills it after
 * RUN_TIME_LIMIT seconds.
 */
HARNESS_FN void
run_exec(struct run *r, const char *stdin_path, const char *prog,
    const char *const *argv)
{
	int	 outp[2], errp[2], in, st;
	pid_t	 pid;
	double	 deadline;
	struct pollfd pfd[2];
	char	 buf[65536];
	ssize_t	 n;
	int	 open_fds = 2;

	memset(r, 0, sizeof(*r));
	r->out = calloc(1, 1);
	r->err = calloc(1, 1);
	assert_int_equal(pipe(outp), 0);
	assert_int_equal(pipe(errp), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		in = open(stdin_path ? stdin_path : "/dev/null", O_RDONLY);
		if (in == -1)
			_exit(127);
		dup2(in, 0);
		dup2(outp[1], 1);
		dup2(errp[1], 2);
		close(outp[0]);
		close(errp[0]);
		execvp(prog, (char *const *)argv);
		_exit(127);
	}
	close(outp[1]);
	close(errp[1]);
	deadline = now_seconds() + RUN_TIME_LIMIT;
	pfd[0].fd = outp[0];
	pfd[1].fd = errp[0];
	pfd[0].events = pfd[1].events = POLLIN;
	while (open_fds > 0) {
		int left = (int)((deadline - now_seconds()) * 1000);
		if (left <= 0) {
			r->timed_out = 1;
			kill(pid, SIGKILL);
			break;
		}
		if (poll(pfd, 2, left) <= 0)
			continue;
		for (int i = 0; i < 2; i++) {
			if (pfd[i].fd < 0 || !(pfd[i].revents & (POLLIN | POLLHUP)))
				continue;
			n = read(pfd[i].fd, buf, sizeof(buf));
			if (n <= 0) {
				close(pfd[i].fd);
				pfd[i].fd = -1;
				open_fds--;
			} else if (i == 0)
				append(&r->out, &r->outlen, buf, (size_t)n);
			else
				append(&r->err, &r->errlen, buf, (size_t)n);
		}
	}
	if (pfd[0].fd >= 0)
		close(pfd[0].fd);
	if (pfd[1].fd >= 0)
		close(pfd[1].fd);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

HARNESS_FN void
run_endorse_in(struct run *r, const char *stdin_path, const char *const *argv)
{
	run_exec(r, stdin_path, env_or("ENDORSE_BIN", "./endorse"), argv);
}

/* run_tool(&r, "pdfinfo", "out.pdf", NULL): a program from PATH. */
HARNESS_FN void
run_tool(struct run *r, ...)
{
	const char	*argv[64];
	va_list		 ap;
	int		 n = 0;

	va_start(ap, r);
	while (n < 63 && (argv[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	argv[n] = NULL;
	assert_true(n > 0);
	run_exec(r, NULL, argv[0], argv);
}

/* run_endorse(&r, "validate", "file.xml", NULL) */
HARNESS_FN void
run_endorse(struct run *r, ...)
{
	const char	*argv[64];
	va_list		 ap;
	int		 n = 0;

	argv[n++] = "endorse";
	va_start(ap, r);
	while (n < 63 && (argv[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	argv[n] = NULL;
	run_endorse_in(r, NULL, argv);
}

/* Read a whole file; NULL when it cannot be read. */
HARNESS_FN char *
slurp(const char *path, size_t *lenp)
{
	FILE	*f = fopen(path, "rb");
	char	*buf = NULL;
	size_t	 len = 0;
	char	 chunk[65536];
	size_t	 n;

	if (f == NULL)
		return NULL;
	buf = calloc(1, 1);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		append(&buf, &len, chunk, n);
	fclose(f);
	if (lenp != NULL)
		*lenp = len;
	return buf;
}

HARNESS_FN void
spew(const char *path, const void *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static char	harness_tmpdir[PATH_MAX];

static int
harness_rm(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Remove the temporary directory when the program ends. */
static void
harness_tmpdir_cleanup(void)
{
	if (harness_tmpdir[0] != '\0' &&
	    getenv("ENDORSE_KEEP_TMP") == NULL)
		nftw(harness_tmpdir, harness_rm, 16, FTW_DEPTH | FTW_PHYS);
}

/* A fresh temporary directory for one test program, removed at exit
 * (kept with ENDORSE_KEEP_TMP=1, to look at what a test made). */
HARNESS_FN const char *
tmpdir(void)
{
	if (harness_tmpdir[0] == '\0') {
		snprintf(harness_tmpdir, sizeof(harness_tmpdir),
		    "%s/endorse-test-XXXXXX", env_or("TMPDIR", "/tmp"));
		assert_non_null(mkdtemp(harness_tmpdir));
		atexit(harness_tmpdir_cleanup);
	}
	return harness_tmpdir;
}

HARNESS_FN const char *
tmppath(const char *name, char *buf, size_t bufsz)
{
	if ((size_t)snprintf(buf, bufsz, "%s/%s", tmpdir(), name) >= bufsz)
		fail_msg("path too long: %s", name);
	return buf;
}

/*
 * The sections of a small OK-AIMH Policy portfolio that is ready for
 * committee, after its <application>: quick to evaluate and typeset.
 */
#define READY_BODY \
	"<education><degree kind='MA' awarded='2015-05-15' " \
	"transcript-received='2015-06-01'><institution>U</institution>" \
	"</degree></education>\n" \
	"<training><course start='2020-01-10' hours='30' " \
	"relationship-based='yes'><title>T</title><provider>P</provider>" \
	"</course></training>\n" \
	"<experience><position start='2015-06-01' end='ongoing' " \
	"work='policy-administration'><role>Director</role><employer>E" \
	"</employer></position><leadership activity='policy-making-groups' " \
	"scope='state' start='2020-01-01'><description>Council." \
	"</description></leadership></experience>\n" \
	"<people><person id='p1'><name>A</name><endorsement " \
	"association='OK-AIMH' level='II' designation='IFS'/></person>" \
	"<person id='p2'><name>B</name></person><person id='p3'><name>C" \
	"</name></person></people>\n" \
	"<references><reference person='p1' role='program-supervisor' " \
	"completed='2025-01-01'/><reference person='p2' role='rsc-provider' " \
	"completed='2025-01-01'/><reference person='p3' role='colleague' " \
	"completed='2025-01-01'/></references>\n" \
	"<attestations><ethics signed='2025-01-01'/><exam status='passed' " \
	"date='2025-03-01'/><membership association='OK-AIMH' " \
	"paid-through='2025-12-31'/></attestations>\n" \
	"<renewals><renewal year='2024' training-hours='14.75'/></renewals>\n"

/*
 * A finished run: this exit status, and (when not NULL) these texts
 * somewhere on its standard output and error.
 */
HARNESS_FN void
run_expect(struct run *r, int status, const char *in_out,
    const char *in_err)
{
	if (r->timed_out)
		fail_msg("endorse did not finish in %d s", RUN_TIME_LIMIT);
	if (r->status != status)
		fail_msg("exit %d, expected %d; stderr: %s", r->status,
		    status, r->err);
	if (in_out != NULL && strstr(r->out, in_out) == NULL)
		fail_msg("expected \"%s\" on stdout, got: %s", in_out, r->out);
	if (in_err != NULL && strstr(r->err, in_err) == NULL)
		fail_msg("expected \"%s\" on stderr, got: %s", in_err, r->err);
}

/* snprintf into a PATH_MAX buffer, failing the test when it is cut. */
HARNESS_FN void
pathf(char *buf, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(buf, PATH_MAX, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= PATH_MAX)
		fail_msg("path too long");
}

/* Path of a file of the source tree (the tests run from its top). */
HARNESS_FN const char *
srcpath(const char *rel, char *buf, size_t bufsz)
{
	if ((size_t)snprintf(buf, bufsz, "%s/%s", env_or("ENDORSE_DATADIR",
	    "."), rel) >= bufsz)
		fail_msg("path too long: %s", rel);
	return buf;
}

HARNESS_FN int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.ext files of dir, sorted; count in *n. */
HARNESS_FN char **
list_dir(const char *dir, const char *ext, size_t *n)
{
	DIR		*dp = opendir(dir);
	struct dirent	*de;
	char		**names = NULL;
	size_t		 len, el = strlen(ext);

	assert_non_null(dp);
	*n = 0;
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len <= el || strcmp(de->d_name + len - el, ext) != 0)
			continue;
		names = realloc(names, (*n + 1) * sizeof(*names));
		assert_non_null(names);
		names[(*n)++] = strdup(de->d_name);
	}
	closedir(dp);
	if (*n > 0)
		qsort(names, *n, sizeof(*names), by_name);
	return names;
}

/* Free n strings and their array (list_dir's, or a test's own). */
HARNESS_FN void
strv_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * Read fd (a pseudo-terminal's master) to its end into buf, at most
 * size - 1 bytes, NUL-terminated; close it.  Returns the length.
 */
HARNESS_FN size_t
read_to_end(int fd, char *buf, size_t size)
{
	size_t	len = 0;
	ssize_t	n;

	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) >
	    0)
		len += (size_t)n;
	buf[len] = '\0';
	close(fd);
	return len;
}

#endif
