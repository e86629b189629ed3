/*
 * catalog: the associations endorse has requirements for.
 *
 * One rule file per association under schemas/requirements/ (SECURITY.md
 * and RULES.md: requirements are data).  The catalog reads the directory
 * once per process, in name order so that every run sees the same
 * catalog, checks each file (rulecheck: schemas/requirements.xsd and what
 * the schema cannot say) and knows
 * each file's association code, name, rule sets (kind, level, tracks,
 * effective date) and path.  Adding an association is adding a file;
 * ENDORSE_RULES_PATH names more directories (colon-separated) searched
 * after the shipped one.  A rule file that cannot be used (not
 * well-formed, not valid, a code another file already defines) is
 * reported as a warning naming the file and left out: the other
 * associations keep working.
 *
 * Included by cli, pipeline and the evaluation stage.  The caller owns
 * the struct catalog (catalog_free); the strings it hands out are
 * borrowed.
 */
#ifndef CATALOG_H
#define CATALOG_H

#include <stddef.h>

struct diag;
struct datadir;

struct catalog_ruleset {
	char	*kind;		/* "initial" or "renewal" */
	char	*level;		/* "IV" */
	char	*title;		/* "Infant Mental Health Mentor (Level IV)" */
	char	*effective;	/* YYYY-MM-DD, or "" when not given */
	char	*tracks;	/* "clinical,policy,research-faculty"; "": all */
};

struct catalog_entry {
	char			*association;	/* "OK-AIMH" */
	char			*name;		/* "Oklahoma Association ..." */
	char			*path;		/* the rule file */
	struct catalog_ruleset	*rulesets;
	size_t			 nrulesets;
};

struct catalog {
	struct catalog_entry	*entries;
	size_t			 count;
	const char		**codes;	/* NULL-terminated */
	size_t			 skipped;	/* rule files left out */
};

/* Returns NULL after reporting to d (out of memory, no data directory). */
struct catalog	*catalog_open(const struct datadir *, struct diag *);
void		 catalog_free(struct catalog *);

/* The entry of an association code, matched without regard to case. */
const struct catalog_entry *catalog_find(const struct catalog *,
		    const char *association);

#endif
