/*
 * pipeline: the stages, loaded once, run per portfolio (see pipeline.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "catalog.h"
#include "datadir.h"
#include "diag.h"
#include "outfile.h"
#include "pipeline.h"
#include "rulecheck.h"
#include "validate.h"
#include "xmlload.h"

struct pipeline {
	struct datadir	*datadir;
	struct catalog	*catalog;
	struct validate	*validate;
	struct rulecheck *rulecheck;	/* on first use */
	struct evaluate	*evaluate;
	struct present	*present;
	struct typeset	*typeset;
};

struct pipeline *
pipeline_new(struct diag *d)
{
	struct pipeline	*p;

	if ((p = calloc(1, sizeof(*p))) == NULL) {
		diag_note(d, "out of memory");
		return NULL;
	}
	if ((p->datadir = datadir_open(d)) == NULL ||
	    (p->catalog = catalog_open(p->datadir, d)) == NULL) {
		pipeline_free(p);
		return NULL;
	}
	return p;
}

void
pipeline_free(struct pipeline *p)
{
	if (p == NULL)
		return;
	typeset_free(p->typeset);
	present_free(p->present);
	evaluate_free(p->evaluate);
	validate_free(p->validate);
	rulecheck_free(p->rulecheck);
	catalog_free(p->catalog);
	datadir_free(p->datadir);
	free(p);
}

/*
 * Each association's tracks, from its rule file: those of its initial
 * rule sets (a rule set for every track names none and adds nothing).
 */
static int
set_tracks(struct validate *v, const struct catalog *cat)
{
	const struct catalog_ruleset	*rs;
	size_t				 i, j;

	for (i = 0; i < cat->count; i++)
		for (j = 0; j < cat->entries[i].nrulesets; j++) {
			rs = &cat->entries[i].rulesets[j];
			if (strcmp(rs->kind, "initial") == 0 &&
			    rs->tracks[0] != '\0' &&
			    validate_set_tracks(v, cat->entries[i].association,
			    rs->tracks) == -1)
				return -1;
		}
	return 0;
}

int
pipeline_load(struct pipeline *p, unsigned stages, struct diag *d)
{
	char	path[PATH_MAX];

	if (stages & PIPELINE_TYPESET)
		stages |= PIPELINE_PRESENT;
	if (stages & PIPELINE_PRESENT)
		stages |= PIPELINE_EVALUATE;
	if (stages & PIPELINE_EVALUATE)
		stages |= PIPELINE_VALIDATE;
	if ((stages & PIPELINE_VALIDATE) && p->validate == NULL) {
		if (datadir_path(p->datadir, "schemas/applicant.xsd", path,
		    sizeof(path)) == NULL)
			return -1;
		p->validate = validate_new(path, p->catalog->codes, d);
		if (p->validate == NULL ||
		    validate_set_ref_target(p->validate, "person") == -1 ||
		    set_tracks(p->validate, p->catalog) == -1)
			return -1;
	}
	if ((stages & PIPELINE_EVALUATE) && p->evaluate == NULL &&
	    (p->evaluate = evaluate_new(p->datadir, p->catalog, d)) == NULL)
		return -1;
	if ((stages & PIPELINE_PRESENT) && p->present == NULL &&
	    (p->present = present_new(p->datadir, d)) == NULL)
		return -1;
	if ((stages & PIPELINE_TYPESET) && p->typeset == NULL &&
	    (p->typeset = typeset_new(p->datadir->root, 0, d)) == NULL)
		return -1;
	return 0;
}

const struct catalog *
pipeline_catalog(const struct pipeline *p)
{
	return p->catalog;
}

const struct datadir *
pipeline_datadir(const struct pipeline *p)
{
	return p->datadir;
}

enum pipeline_status
pipeline_validate(struct pipeline *p, xmlDocPtr doc, const char *name,
    struct diag *d)
{
	if (pipeline_load(p, PIPELINE_VALIDATE, d) == -1)
		return PIPELINE_INTERNAL;
	return validate_run(p->validate, doc, name, d) == 0 ? PIPELINE_OK :
	    PIPELINE_REJECTED;
}

int
pipeline_is_rule_file(xmlDocPtr doc)
{
	return rulecheck_is_rule_file(doc);
}

enum pipeline_status
pipeline_check_rules(struct pipeline *p, xmlDocPtr doc, const char *name,
    struct diag *d)
{
	if (p->rulecheck == NULL &&
	    (p->rulecheck = rulecheck_new(p->datadir, d)) == NULL)
		return PIPELINE_INTERNAL;
	return rulecheck_run(p->rulecheck, doc, name, d) == 0 ? PIPELINE_OK :
	    PIPELINE_REJECTED;
}

static enum pipeline_status
validated(struct pipeline *p, xmlDocPtr doc, enum xmlload_status status,
    const char *name, xmlDocPtr *portfolio, struct diag *d)
{
	enum pipeline_status	st;

	*portfolio = NULL;
	if (doc == NULL)
		return status == XMLLOAD_CANNOT_OPEN ? PIPELINE_CANNOT_OPEN :
		    PIPELINE_REJECTED;
	if ((st = pipeline_validate(p, doc, name, d)) != PIPELINE_OK) {
		xmlFreeDoc(doc);
		return st;
	}
	*portfolio = doc;
	return PIPELINE_OK;
}

enum pipeline_status
pipeline_read(struct pipeline *p, const char *path, const char *name,
    xmlDocPtr *portfolio, struct diag *d)
{
	enum xmlload_status	status = XMLLOAD_OK;
	xmlDocPtr		doc;

	doc = xmlload_file(path, name, d, &status);
	return validated(p, doc, status, name, portfolio, d);
}

enum pipeline_status
pipeline_read_memory(struct pipeline *p, const char *buf, size_t len,
    const char *name, xmlDocPtr *portfolio, struct diag *d)
{
	enum xmlload_status	status = XMLLOAD_OK;
	xmlDocPtr		doc;

	doc = xmlload_memory(buf, len, name, d, &status);
	return validated(p, doc, status, name, portfolio, d);
}

enum pipeline_status
pipeline_evaluate(struct pipeline *p, xmlDocPtr portfolio, const char *name,
    const struct evaluate_params *prm, xmlDocPtr *checklist, struct diag *d)
{
	*checklist = NULL;
	if (pipeline_load(p, PIPELINE_EVALUATE, d) == -1)
		return PIPELINE_INTERNAL;
	/* the stylesheet failing is ours (exit 70), not the portfolio's */
	if ((*checklist = evaluate_run(p->evaluate, portfolio, name, prm,
	    d)) == NULL)
		return evaluate_failed_internally(p->evaluate) ?
		    PIPELINE_INTERNAL : PIPELINE_REJECTED;
	return PIPELINE_OK;
}

enum pipeline_status
pipeline_layout(struct pipeline *p, enum present_kind kind,
    const struct present_entry *e, size_t n, const char *created,
    xmlDocPtr *layout, struct diag *d)
{
	return pipeline_layout_with(p, kind, e, n, created, NULL, layout, d);
}

enum pipeline_status
pipeline_layout_with(struct pipeline *p, enum present_kind kind,
    const struct present_entry *e, size_t n, const char *created,
    const char *const *params, xmlDocPtr *layout, struct diag *d)
{
	*layout = NULL;
	if (pipeline_load(p, PIPELINE_PRESENT, d) == -1)
		return PIPELINE_INTERNAL;
	if ((*layout = present_run_with(p->present, kind, e, n, created,
	    params, d)) == NULL)
		return PIPELINE_INTERNAL;
	return PIPELINE_OK;
}

enum pipeline_status
pipeline_layout_document(struct pipeline *p, enum present_kind kind,
    xmlDocPtr in, const char *name, const char *created, xmlDocPtr *layout,
    struct diag *d)
{
	*layout = NULL;
	if (pipeline_load(p, PIPELINE_PRESENT, d) == -1)
		return PIPELINE_INTERNAL;
	if ((*layout = present_run_document(p->present, kind, in, name,
	    created, d)) == NULL)
		return PIPELINE_INTERNAL;
	return PIPELINE_OK;
}

static enum pipeline_status
status_of_typeset(enum typeset_status st)
{
	switch (st) {
	case TYPESET_OK:
		return PIPELINE_OK;
	case TYPESET_REJECTED:
		return PIPELINE_REJECTED;
	case TYPESET_CANNOT_CREATE:
		return PIPELINE_CANNOT_CREATE;
	case TYPESET_IO_ERROR:
		return PIPELINE_IO_ERROR;
	case TYPESET_INTERNAL:
		break;
	}
	return PIPELINE_INTERNAL;
}

enum pipeline_status
pipeline_pdf(struct pipeline *p, xmlDocPtr layout, const char *source_name,
    enum typeset_paper paper, unsigned char **pdf, size_t *len,
    struct diag *d)
{
	return pipeline_pdf_pages(p, layout, source_name, paper, pdf, len,
	    NULL, d);
}

enum pipeline_status
pipeline_pdf_pages(struct pipeline *p, xmlDocPtr layout,
    const char *source_name, enum typeset_paper paper, unsigned char **pdf,
    size_t *len, size_t *pages, struct diag *d)
{
	*pdf = NULL;
	*len = 0;
	if (pipeline_load(p, PIPELINE_TYPESET, d) == -1)
		return PIPELINE_INTERNAL;
	return status_of_typeset(typeset_render_memory(p->typeset, layout,
	    source_name, paper, pdf, len, pages, d));
}

enum pipeline_status
pipeline_count_pages(struct pipeline *p, xmlDocPtr layout,
    const char *source_name, enum typeset_paper paper, size_t *pages,
    struct diag *d)
{
	*pages = 0;
	if (pipeline_load(p, PIPELINE_TYPESET, d) == -1)
		return PIPELINE_INTERNAL;
	return status_of_typeset(typeset_count_pages(p->typeset, layout,
	    source_name, paper, pages, d));
}

enum pipeline_status
pipeline_stream_open(struct pipeline *p, xmlDocPtr head,
    const char *source_name, enum typeset_paper paper,
    const struct typeset_anchor *anchors, size_t nanchors,
    const char *out_path, struct typeset_stream **s, struct diag *d)
{
	*s = NULL;
	if (pipeline_load(p, PIPELINE_TYPESET, d) == -1)
		return PIPELINE_INTERNAL;
	return status_of_typeset(typeset_stream_open(p->typeset, head,
	    source_name, paper, anchors, nanchors, out_path, s, d));
}

enum pipeline_status
pipeline_stream_add(struct typeset_stream *s, xmlDocPtr layout,
    const char *source_name, size_t *pages, struct diag *d)
{
	return status_of_typeset(typeset_stream_add(s, layout, source_name,
	    pages, d));
}

enum pipeline_status
pipeline_stream_close(struct typeset_stream *s, struct diag *d)
{
	return status_of_typeset(typeset_stream_close(s, d));
}

enum pipeline_status
pipeline_save(const char *path, const void *data, size_t len, struct diag *d)
{
	switch (outfile_write(path, data, len, d)) {
	case OUTFILE_OK:
		return PIPELINE_OK;
	case OUTFILE_CANNOT_CREATE:
		return PIPELINE_CANNOT_CREATE;
	case OUTFILE_IO_ERROR:
		break;
	}
	return PIPELINE_IO_ERROR;
}

/* Run a writer into a memory buffer. */
static enum pipeline_status
to_memory(char **buf, size_t *len, int rc_write, FILE *f)
{
	if (fclose(f) != 0 || rc_write != 0) {
		free(*buf);
		*buf = NULL;
		*len = 0;
		return PIPELINE_INTERNAL;
	}
	return PIPELINE_OK;
}

enum pipeline_status
pipeline_checklist_bytes(struct pipeline *p, xmlDocPtr checklist, char **buf,
    size_t *len)
{
	FILE	*f;

	*buf = NULL;
	*len = 0;
	if (p->evaluate == NULL ||
	    (f = open_memstream(buf, len)) == NULL)
		return PIPELINE_INTERNAL;
	return to_memory(buf, len, evaluate_write(p->evaluate, checklist, f),
	    f);
}

enum pipeline_status
pipeline_layout_bytes(struct pipeline *p, enum present_kind kind,
    xmlDocPtr layout, char **buf, size_t *len)
{
	FILE	*f;

	*buf = NULL;
	*len = 0;
	if (p->present == NULL || (f = open_memstream(buf, len)) == NULL)
		return PIPELINE_INTERNAL;
	return to_memory(buf, len, present_write(p->present, kind, layout,
	    f), f);
}
