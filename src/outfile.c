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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "outfile.h"

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

/* Stream into standard output, a terminal, a device or a FIFO. */
static enum outfile_status
write_stream(const char *path, const void *data, size_t len, struct diag *d)
{
	int	fd, own = strcmp(path, "-") != 0;

	if (!own)
		fd = STDOUT_FILENO;
	else if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) == -1) {
		diag_error(d, path, 0, "cannot open the output for writing: %s",
		    strerror(errno));
		return OUTFILE_CANNOT_CREATE;
	}
	if (write_all(fd, data, len) != 0) {
		diag_error(d, own ? path : "<stdout>", 0,
		    "cannot write the output: %s", strerror(errno));
		if (own)
			close(fd);
		return OUTFILE_IO_ERROR;
	}
	if (own && close(fd) != 0) {
		diag_error(d, path, 0, "cannot write the output: %s",
		    strerror(errno));
		return OUTFILE_IO_ERROR;
	}
	return OUTFILE_OK;
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

/* Consume a SIGXFSZ raised while it was held: the write error says it. */
static void
drop_pending_xfsz(void)
{
	sigset_t		 pending, xfsz;
	struct timespec		 zero = { 0, 0 };

	if (sigpending(&pending) != 0 || !sigismember(&pending, SIGXFSZ))
		return;
	sigemptyset(&xfsz);
	sigaddset(&xfsz, SIGXFSZ);
	while (sigtimedwait(&xfsz, NULL, &zero) == -1 && errno == EINTR)
		;
}

static enum outfile_status
write_replace(const char *path, const void *data, size_t len, struct diag *d)
{
	char			 dir[PATH_MAX], tmp[PATH_MAX];
	const char		*base;
	sigset_t		 hold, saved;
	mode_t			 mask;
	int			 fd = -1, dfd, err;
	enum outfile_status	 st = OUTFILE_IO_ERROR;

	if (split_path(path, dir, sizeof(dir), &base) != 0 || *base == '\0' ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, base) >=
	    sizeof(tmp)) {
		diag_error(d, path, 0, "cannot create the output: the name is "
		    "not a usable file name");
		return OUTFILE_CANNOT_CREATE;
	}
	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	sigaddset(&hold, SIGXFSZ);
	sigprocmask(SIG_BLOCK, &hold, &saved);

	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		diag_error(d, path, 0, "cannot create the output: %s",
		    strerror(errno));
		st = OUTFILE_CANNOT_CREATE;
		goto out;
	}
	/* mkostemp makes the file 0600; give it the usual permissions. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, data, len) != 0 ||
	    fsync(fd) != 0) {
		err = errno;
		diag_error(d, path, 0, "cannot write the output: %s",
		    err == EFBIG ? "the file is larger than the file-size "
		    "limit" : strerror(err));
		goto out;
	}
	err = close(fd);
	fd = -1;
	if (err != 0) {
		diag_error(d, path, 0, "cannot write the output: %s",
		    strerror(errno));
		goto out;
	}
	if (rename(tmp, path) != 0) {
		diag_error(d, path, 0, "cannot replace the output: %s",
		    strerror(errno));
		st = OUTFILE_CANNOT_CREATE;
		goto out;
	}
	tmp[0] = '\0';
	/* Make the rename itself durable; a failure here loses nothing. */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	st = OUTFILE_OK;
out:
	if (fd != -1)
		close(fd);
	if (tmp[0] != '\0')
		(void)unlink(tmp);
	drop_pending_xfsz();
	sigprocmask(SIG_SETMASK, &saved, NULL);
	return st;
}

enum outfile_status
outfile_write(const char *path, const void *data, size_t len, struct diag *d)
{
	struct stat	sb;

	if (strcmp(path, "-") == 0)
		return write_stream(path, data, len, d);
	if (lstat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			diag_error(d, path, 0, "cannot write the output: it is "
			    "a directory");
			return OUTFILE_CANNOT_CREATE;
		}
		if (S_ISCHR(sb.st_mode) || S_ISFIFO(sb.st_mode))
			return write_stream(path, data, len, d);
		if (!S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode)) {
			diag_error(d, path, 0, "cannot write the output: it is "
			    "not a regular file");
			return OUTFILE_CANNOT_CREATE;
		}
	} else if (errno != ENOENT) {
		diag_error(d, path, 0, "cannot write the output: %s",
		    strerror(errno));
		return OUTFILE_CANNOT_CREATE;
	}
	return write_replace(path, data, len, d);
}
