/*
 * skeleton: a new, empty portfolio that validates (`endorse new`).
 *
 * Built from what is true at run time, so that it follows the files
 * when they change: the sections and their order, and one commented-out
 * example entry of each kind (its attributes and children, with
 * placeholders by type), come from applicant.xsd; the rules that read
 * each section (their ids and wording) come from the association's rule
 * file, for the track applied to.  Every section is present, empty, with
 * a comment saying what goes there and which rules read it; the only
 * data are the application and the applicant's name (a placeholder in
 * capitals unless given), so `endorse check` on it says what is missing.
 *
 * Included by cli and tests.  Borrows everything; the caller owns the
 * buffer skeleton_build returns (free).
 */
#ifndef SKELETON_H
#define SKELETON_H

#include <stddef.h>

#include "sheet.h"

struct diag;
struct sheet_check;
struct sheet_schema;

struct skeleton_params {
	const char	*association;	/* "OK-AIMH" */
	const char	*track;		/* "clinical" */
	const char	*name;		/* the applicant, or NULL */
	const char	*rules_path;	/* the association's rule file */
	const char	*as_of;		/* the rule set in effect on this day */
};

/* The portfolio text, *len bytes, or NULL after a message. */
char		*skeleton_build(const struct sheet_schema *,
		    const struct skeleton_params *, struct diag *,
		    size_t *len);

/*
 * Build, read back and validate the skeleton, then write it to out ("-":
 * standard output) atomically.
 */
enum sheet_status skeleton_write(const struct sheet_check *,
		    const struct sheet_schema *,
		    const struct skeleton_params *, const char *out,
		    struct diag *);

#endif
