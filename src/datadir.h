/*
 * datadir: where endorse finds its data files (schemas, stylesheets,
 * rule files, fonts).
 *
 * In order: $ENDORSE_DATADIR; the directory of the running binary when it
 * holds schemas/applicant.xsd (endorse run from its source tree); the
 * share directory chosen at build time (DATADIR, after make install).
 *
 * Included by cli and by the stages that load data files.  The caller
 * owns a struct datadir and frees it with datadir_free.
 */
#ifndef DATADIR_H
#define DATADIR_H

#include <stddef.h>

struct diag;

struct datadir {
	char	*root;		/* absolute directory, no trailing slash */
};

struct datadir	*datadir_open(struct diag *);
void		 datadir_free(struct datadir *);

/*
 * Write root/rel into buf (of size bufsz).  Returns buf, or NULL when the
 * result does not fit.
 */
const char	*datadir_path(const struct datadir *, const char *rel,
		    char *buf, size_t bufsz);

#endif
