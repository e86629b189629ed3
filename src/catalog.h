/*
 * catalog: the associations endorse has requirements for.
 *
 * One rule file per association under schemas/requirements/ (SECURITY.md
 * and RULES.md: requirements are data).  The catalog reads the directory
 * once per process, in name order so that every run sees the same
 * catalog, and knows each file's association code and path.  Adding an
 * association is adding a file; ENDORSE_RULES_PATH names more
 * directories (colon-separated) searched after the shipped one.
 *
 * Included by cli and the evaluation stage.  The caller owns the struct
 * catalog (catalog_free); the strings it hands out are borrowed.
 */
#ifndef CATALOG_H
#define CATALOG_H

#include <stddef.h>

struct diag;
struct datadir;

struct catalog_entry {
	char	*association;	/* "OK-AIMH" */
	char	*name;		/* "Oklahoma Association for Infant ..." */
	char	*path;		/* the rule file */
};

struct catalog {
	struct catalog_entry	*entries;
	size_t			 count;
	const char		**codes;	/* NULL-terminated */
};

struct catalog	*catalog_open(const struct datadir *, struct diag *);
void		 catalog_free(struct catalog *);

const struct catalog_entry *catalog_find(const struct catalog *,
		    const char *association);

#endif
