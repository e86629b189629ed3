/*
 * outfile: write a finished output file safely (see outfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"

/*
 * A file written piece by piece: the temporary file until the commit.  A
 * stream target (standard output, a device, a FIFO) gets an unlinked
 * temporary file of TMPDIR, copied into it at the commit.
 */
struct outfile {
	char		 path[PATH_MAX];	/* the target */
	char		 tmp[PATH_MAX];		/* "": none, or unlinked */
	int		 stream;		/* path is a stream target */
	int		 fd;
	int		 err;		/* errno of the first failed write */
	sigset_t	 saved;		/* the mask before the open */
};

static enum outfile_status open_temp(struct outfile *, const char *,
    mode_t, struct outfile **, struct diag *);

/* Write everything, retrying after interrupts and short writes. */
static int
write_all(int fd, const void *data, size_t len)
{
	const char	*p = data;
	ssize_t		 n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Consume a signal raised while it was held: the write error says it. */
static void
drop_pending(int sig)
{
	sigset_t		 pending, one;
	struct timespec		 zero = { 0, 0 };

	if (sigpending(&pending) != 0 || !sigismember(&pending, sig))
		return;
	sigemptyset(&one);
	sigaddset(&one, sig);
	while (sigtimedwait(&one, NULL, &zero) == -1 && errno == EINTR)
		;
}

/*
 * Stream into standard output, a terminal, a device or a FIFO.  The open
 * does not wait for a reader (a FIFO nobody reads is an error, not a
 * hang); SIGPIPE and SIGXFSZ are held so that a reader that goes away or
 * a file-size limit is a write error, reported, not the end of the
 * process.
 */
static enum outfile_status
write_stream(const char *path, const void *data, size_t len, struct diag *d)
{
	sigset_t		 hold, saved;
	int			 fd, flags, own = strcmp(path, "-") != 0;
	enum outfile_status	 st = OUTFILE_IO_ERROR;
	const char		*name = own ? path : "<stdout>";

	sigemptyset(&hold);
	sigaddset(&hold, SIGPIPE);
	sigaddset(&hold, SIGXFSZ);
	sigprocmask(SIG_BLOCK, &hold, &saved);
	if (!own)
		fd = STDOUT_FILENO;
	else if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC |
	    O_NONBLOCK)) == -1) {
		if (errno == ENXIO)
			diag_error(d, path, 0, "cannot open the output for "
			    "writing: nothing is reading from this FIFO");
		else
			diag_error(d, path, 0, "cannot open the output for "
			    "writing: %s", strerror(errno));
		st = OUTFILE_CANNOT_CREATE;
		goto out;
	}
	/* Blocking writes from here: a slow reader is waited for. */
	if (own && ((flags = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1)) {
		diag_error(d, path, 0, "cannot write the output: %s",
		    strerror(errno));
		goto out;
	}
	if (write_all(fd, data, len) != 0) {
		diag_error(d, name, 0, "cannot write the output: %s",
		    errno == EPIPE ? "the reader closed it before the end" :
		    errno == EFBIG ? "the file is larger than the file-size "
		    "limit" : strerror(errno));
		goto out;
	}
	if (own) {
		flags = close(fd);
		fd = -1;
		if (flags != 0) {
			diag_error(d, path, 0, "cannot write the output: %s",
			    strerror(errno));
			goto out;
		}
	}
	st = OUTFILE_OK;
out:
	if (own && fd != -1)
		close(fd);
	drop_pending(SIGPIPE);
	drop_pending(SIGXFSZ);
	sigprocmask(SIG_SETMASK, &saved, NULL);
	return st;
}

/* Split path into its directory ("." when none) and base name. */
static int
split_path(const char *path, char *dir, size_t dirsz, const char **base)
{
	const char	*slash = strrchr(path, '/');
	size_t		 n;

	if (slash == NULL) {
		*base = path;
		return snprintf(dir, dirsz, ".") >= (int)dirsz ? -1 : 0;
	}
	*base = slash + 1;
	n = slash == path ? 1 : (size_t)(slash - path);
	if (n >= dirsz)
		return -1;
	memcpy(dir, path, n);
	dir[n] = '\0';
	return 0;
}

static enum outfile_status
write_replace(const char *path, mode_t mode, const void *data, size_t len,
    struct diag *d)
{
	struct outfile		*f, *opened;
	enum outfile_status	 st;

	if ((f = calloc(1, sizeof(*f))) == NULL) {
		diag_error(d, path, 0, "cannot create the output: out of "
		    "memory");
		return OUTFILE_IO_ERROR;
	}
	f->fd = -1;
	if ((st = open_temp(f, path, mode, &opened, d)) != OUTFILE_OK)
		return st;
	(void)outfile_append(opened, data, len);	/* the commit says */
	return outfile_commit(opened, d);
}

/*
 * The file a symbolic link finally names, even when it does not exist
 * yet (a dangling link creates its target).  Returns 0, or -1 with errno
 * set (ELOOP after too many links).
 */
static int
resolve_link(const char *path, char *buf, size_t bufsz)
{
	char		 cur[PATH_MAX], target[PATH_MAX], next[PATH_MAX];
	const char	*slash;
	struct stat	 sb;
	ssize_t		 n;
	int		 hops;

	if (snprintf(cur, sizeof(cur), "%s", path) >= (int)sizeof(cur)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (hops = 0; hops < 40; hops++) {
		if (lstat(cur, &sb) != 0) {
			if (errno != ENOENT)
				return -1;
			break;	/* a name that does not exist yet */
		}
		if (!S_ISLNK(sb.st_mode))
			break;
		if ((n = readlink(cur, target, sizeof(target) - 1)) == -1)
			return -1;
		target[n] = '\0';
		slash = strrchr(cur, '/');
		if (target[0] == '/' || slash == NULL)
			n = snprintf(next, sizeof(next), "%s", target);
		else
			n = snprintf(next, sizeof(next), "%.*s/%s",
			    (int)(slash - cur), cur, target);
		if (n < 0 || (size_t)n >= sizeof(next)) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(cur, next, (size_t)n + 1);
	}
	if (hops == 40) {
		errno = ELOOP;
		return -1;
	}
	if (snprintf(buf, bufsz, "%s", cur) >= (int)bufsz) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* Where a path finally writes, and how. */
enum target_kind {
	TARGET_REPLACE,		/* a regular file or a new name: rename */
	TARGET_STREAM,		/* standard output, a device, a FIFO */
	TARGET_BAD		/* reported */
};

/*
 * SECURITY.md rule 14: a symbolic link is followed; what it names is
 * what the rules apply to, and the link itself stays.  A FIFO, a device
 * or a pipe (/proc/self/fd/1) is written through the link; a file is
 * replaced in its own directory (*target set to its real name, *mode to
 * its permissions, 0 for a new file); a link to nothing creates what it
 * names.
 */
static enum target_kind
resolve_target(const char *path, char *real, size_t realsz,
    const char **target, mode_t *mode, enum outfile_status *st,
    struct diag *d)
{
	struct stat	 sb;
	int		 exists;

	*target = path;
	*mode = 0;
	*st = OUTFILE_CANNOT_CREATE;
	if (strcmp(path, "-") == 0)
		return TARGET_STREAM;
	exists = lstat(path, &sb) == 0;
	if (!exists && errno != ENOENT) {
		diag_error(d, path, 0, "cannot write the output: %s",
		    strerror(errno));
		return TARGET_BAD;
	}
	if (exists && S_ISLNK(sb.st_mode)) {
		if (stat(path, &sb) == 0) {
			if (S_ISREG(sb.st_mode)) {
				if (realpath(path, real) == NULL) {
					diag_error(d, path, 0, "cannot write "
					    "the output: %s", strerror(errno));
					return TARGET_BAD;
				}
				*target = real;
			}
		} else if (errno == ENOENT &&
		    resolve_link(path, real, realsz) == 0) {
			*target = real;
			exists = 0;
		} else {
			diag_error(d, path, 0, "cannot write the output: %s",
			    errno == ELOOP ? "the symbolic links loop" :
			    strerror(errno));
			return TARGET_BAD;
		}
	}
	if (!exists)
		return TARGET_REPLACE;
	if (S_ISDIR(sb.st_mode)) {
		diag_error(d, path, 0, "cannot write the output: it is a "
		    "directory");
		return TARGET_BAD;
	}
	if (S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode))
		return TARGET_STREAM;
	if (!S_ISREG(sb.st_mode)) {
		diag_error(d, path, 0, "cannot write the output: it is not a "
		    "regular file");
		return TARGET_BAD;
	}
	*mode = sb.st_mode & 07777;
	return TARGET_REPLACE;
}

enum outfile_status
outfile_write(const char *path, const void *data, size_t len, struct diag *d)
{
	char			 real[PATH_MAX];
	const char		*target;
	mode_t			 mode;
	enum outfile_status	 st;

	switch (resolve_target(path, real, sizeof(real), &target, &mode, &st,
	    d)) {
	case TARGET_REPLACE:
		return write_replace(target, mode, data, len, d);
	case TARGET_STREAM:
		return write_stream(path, data, len, d);
	case TARGET_BAD:
		break;
	}
	return st;
}


/* The temporary file of a stream target, unlinked at once. */
static enum outfile_status
open_spool(struct outfile *f, const char *path, struct outfile **fp,
    struct diag *d)
{
	const char	*tmpdir = getenv("TMPDIR");
	char		 tmp[PATH_MAX];
	sigset_t	 hold;

	/* a file-size limit on the spool is a write error, not the end */
	sigemptyset(&hold);
	sigaddset(&hold, SIGXFSZ);
	sigprocmask(SIG_BLOCK, &hold, &f->saved);
	if (tmpdir == NULL || *tmpdir != '/')
		tmpdir = "/tmp";
	if ((size_t)snprintf(f->path, sizeof(f->path), "%s", path) >=
	    sizeof(f->path) || (size_t)snprintf(tmp, sizeof(tmp),
	    "%s/endorse-XXXXXX", tmpdir) >= sizeof(tmp) ||
	    (f->fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		diag_error(d, path, 0, "cannot make a temporary file for the "
		    "output in %s: %s", tmpdir, strerror(errno));
		sigprocmask(SIG_SETMASK, &f->saved, NULL);
		free(f);
		return OUTFILE_CANNOT_CREATE;
	}
	(void)unlink(tmp);
	*fp = f;
	return OUTFILE_OK;
}

/*
 * The temporary file beside target (a regular file, or a name that does
 * not exist yet), with the permissions of the file it replaces (mode) or
 * the usual ones; SIGINT, SIGTERM, SIGHUP and SIGXFSZ held until the
 * commit or the discard.  Frees f on failure.
 */
static enum outfile_status
open_temp(struct outfile *f, const char *target, mode_t mode,
    struct outfile **fp, struct diag *d)
{
	char		 dir[PATH_MAX];
	const char	*base;
	mode_t		 mask;
	sigset_t	 hold;

	if (split_path(target, dir, sizeof(dir), &base) != 0 ||
	    *base == '\0' || (size_t)snprintf(f->path, sizeof(f->path), "%s",
	    target) >= sizeof(f->path) || (size_t)snprintf(f->tmp,
	    sizeof(f->tmp), "%s/.%s.XXXXXX", dir, base) >= sizeof(f->tmp)) {
		diag_error(d, target, 0, "cannot create the output: the name "
		    "is not a usable file name");
		free(f);
		return OUTFILE_CANNOT_CREATE;
	}
	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	sigaddset(&hold, SIGXFSZ);
	sigprocmask(SIG_BLOCK, &hold, &f->saved);
	if ((f->fd = mkostemp(f->tmp, O_CLOEXEC)) == -1) {
		diag_error(d, target, 0, "cannot create the output: %s",
		    strerror(errno));
		sigprocmask(SIG_SETMASK, &f->saved, NULL);
		free(f);
		return OUTFILE_CANNOT_CREATE;
	}
	/* mkostemp makes the file 0600 */
	if (mode == 0) {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(f->fd, mode) != 0)
		f->err = errno;
	*fp = f;
	return OUTFILE_OK;
}

enum outfile_status
outfile_open(const char *path, struct outfile **fp, struct diag *d)
{
	struct outfile		*f;
	char			 real[PATH_MAX];
	const char		*target;
	mode_t			 mode;
	enum target_kind	 kind;
	enum outfile_status	 st;

	*fp = NULL;
	if ((kind = resolve_target(path, real, sizeof(real), &target, &mode,
	    &st, d)) == TARGET_BAD)
		return st;
	if ((f = calloc(1, sizeof(*f))) == NULL) {
		diag_error(d, path, 0, "cannot create the output: out of "
		    "memory");
		return OUTFILE_IO_ERROR;
	}
	f->fd = -1;
	if (kind == TARGET_STREAM) {
		f->stream = 1;
		return open_spool(f, path, fp, d);
	}
	return open_temp(f, target, mode, fp, d);
}

int
outfile_append(struct outfile *f, const void *data, size_t len)
{
	if (f->err == 0 && write_all(f->fd, data, len) != 0)
		f->err = errno != 0 ? errno : EIO;
	return f->err == 0 ? 0 : -1;
}

ssize_t
outfile_pread(struct outfile *f, void *buf, size_t len, off_t at)
{
	ssize_t	n;
	size_t	got = 0;

	while (got < len) {
		n = pread(f->fd, (char *)buf + got, len - got,
		    at + (off_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

const char *
outfile_reading_path(struct outfile *f, char *buf, size_t bufsz)
{
	/* an unlinked spool has no name but its descriptor's */
	if (f->stream || f->tmp[0] == '\0')
		return (size_t)snprintf(buf, bufsz, "/proc/self/fd/%d", f->fd) <
		    bufsz ? buf : NULL;
	return (size_t)snprintf(buf, bufsz, "%s", f->tmp) < bufsz ? buf :
	    NULL;
}

/* Close and remove the temporary file; give back the signals held. */
static void
outfile_end(struct outfile *f)
{
	if (f->fd != -1)
		close(f->fd);
	if (f->tmp[0] != '\0')
		(void)unlink(f->tmp);
	drop_pending(SIGXFSZ);
	sigprocmask(SIG_SETMASK, &f->saved, NULL);
	free(f);
}

/* Copy the spool of a stream target into it, as outfile_write would. */
static enum outfile_status
commit_spool(struct outfile *f, struct diag *d)
{
	enum outfile_status	 st = OUTFILE_IO_ERROR;
	struct stat		 sb;
	void			*map = NULL;

	if (f->err != 0)
		(void)outfile_failed(f, d);
	else if (fstat(f->fd, &sb) != 0 || (sb.st_size > 0 &&
	    (map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE,
	    f->fd, 0)) == MAP_FAILED))
		diag_error(d, f->path, 0, "cannot write the output: %s",
		    strerror(errno));
	else {
		st = write_stream(f->path, map, (size_t)sb.st_size, d);
		if (map != NULL)
			munmap(map, (size_t)sb.st_size);
	}
	outfile_end(f);
	return st;
}

enum outfile_status
outfile_commit(struct outfile *f, struct diag *d)
{
	enum outfile_status	 st = OUTFILE_IO_ERROR;
	char			 dir[PATH_MAX];
	const char		*base;
	int			 err, dfd;

	if (f->stream)
		return commit_spool(f, d);
	if (f->err == 0 && fsync(f->fd) != 0)
		f->err = errno;
	if (outfile_failed(f, d) != OUTFILE_OK)
		goto out;
	err = close(f->fd);
	f->fd = -1;
	if (err != 0) {
		diag_error(d, f->path, 0, "cannot write the output: %s",
		    strerror(errno));
		goto out;
	}
	if (rename(f->tmp, f->path) != 0) {
		diag_error(d, f->path, 0, "cannot replace the output: %s",
		    strerror(errno));
		st = OUTFILE_CANNOT_CREATE;
		goto out;
	}
	f->tmp[0] = '\0';
	if (split_path(f->path, dir, sizeof(dir), &base) == 0 &&
	    (dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	st = OUTFILE_OK;
out:
	outfile_end(f);
	return st;
}

enum outfile_status
outfile_failed(const struct outfile *f, struct diag *d)
{
	if (f == NULL || f->err == 0)
		return OUTFILE_OK;
	diag_error(d, f->path, 0, "cannot write the output: %s",
	    f->err == EFBIG ? "the file is larger than the file-size limit" :
	    strerror(f->err));
	return OUTFILE_IO_ERROR;
}

int
outfile_signalled(const struct outfile *f)
{
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction	 sa;
	sigset_t		 pending;
	size_t			 i;

	(void)f;
	if (sigpending(&pending) != 0)
		return 0;
	/* Linux keeps a held, ignored signal pending: not a request */
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigismember(&pending, sigs[i]) &&
		    sigaction(sigs[i], NULL, &sa) == 0 &&
		    sa.sa_handler != SIG_IGN)
			return sigs[i];
	return 0;
}

void
outfile_discard(struct outfile *f)
{
	if (f != NULL)
		outfile_end(f);
}
