/*
 * datadir: locate the data files (see datadir.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "diag.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/endorse"
#endif

/* The file that marks a data directory. */
#define MARKER "schemas/applicant.xsd"

static int
has_marker(const char *dir)
{
	char	path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, MARKER) >=
	    sizeof(path))
		return 0;
	return access(path, R_OK) == 0;
}

static struct datadir *
datadir_at(const char *dir)
{
	struct datadir	*dd;
	char		 real[PATH_MAX];

	if (realpath(dir, real) == NULL)
		return NULL;
	if ((dd = calloc(1, sizeof(*dd))) == NULL)
		return NULL;
	if ((dd->root = strdup(real)) == NULL) {
		free(dd);
		return NULL;
	}
	return dd;
}

struct datadir *
datadir_open(struct diag *d)
{
	const char	*env;
	char		 exe[PATH_MAX], *slash;
	ssize_t		 n;

	if ((env = getenv("ENDORSE_DATADIR")) != NULL && *env != '\0') {
		if (!has_marker(env)) {
			diag_error(d, env, 0, "ENDORSE_DATADIR does not hold "
			    "the endorse data files (%s)", MARKER);
			return NULL;
		}
		return datadir_at(env);
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			if (has_marker(exe))
				return datadir_at(exe);
		}
	}
	if (has_marker(DATADIR))
		return datadir_at(DATADIR);
	diag_error(d, DATADIR, 0, "cannot find the endorse data files (%s); "
	    "set ENDORSE_DATADIR", MARKER);
	return NULL;
}

void
datadir_free(struct datadir *dd)
{
	if (dd == NULL)
		return;
	free(dd->root);
	free(dd);
}

const char *
datadir_path(const struct datadir *dd, const char *rel, char *buf,
    size_t bufsz)
{
	if ((size_t)snprintf(buf, bufsz, "%s/%s", dd->root, rel) >= bufsz)
		return NULL;
	return buf;
}
