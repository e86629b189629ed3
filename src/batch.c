/*
 * batch: inputs, manifest, worker processes (see batch.h).
 *
 * Test-only hooks, read by the workers from the environment, so that the
 * tests can make a worker die or hit its CPU limit on purpose:
 * ENDORSE_TEST_WORKER_KILL=NAME (the worker kills itself with SIGKILL on
 * NAME), ENDORSE_TEST_WORKER_SPIN=NAME (it spins on NAME) and
 * ENDORSE_TEST_CPU_SECONDS=N (the per-applicant CPU limit).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "batch.h"
#include "batch_roster.h"
#include "catalog.h"
#include "combined.h"
#include "datadir.h"
#include "diag.h"
#include "dirlist.h"
#include "pipeline.h"
#include "xmlload.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

#define MANIFEST	"manifest.txt"
#define MANIFEST_HEAD	"endorse batch manifest 1"
#define LABEL_MAX	100
#define HASH_LEN	64	/* SHA-256 in hex */
#define MESSAGE_MAX	4000	/* of a worker's diagnostics, per applicant */
#define COMBINED_STEM	"review-all"
#define COMBINED_NAME	COMBINED_STEM ".pdf"

/* The three files of one applicant. */
static const char *const outputs[] = { "checklist.xml", "packet.pdf",
    "review.pdf" };
#define NOUTPUTS (sizeof(outputs) / sizeof(outputs[0]))

enum state {
	ST_TODO,	/* to be processed */
	ST_SKIP,	/* unchanged: files kept */
	ST_RUNNING,
	ST_DONE,	/* processed, files written */
	ST_FAILED	/* reported; not in the manifest */
};

struct applicant {
	char			*path;
	char			 label[LABEL_MAX + 1];
	char			 hash[HASH_LEN + 1];
	enum state		 state;
	enum batch_outcome	 outcome;
	char			*error;		/* first error line */
	size_t			 pages;		/* of its review written now */
};

/* A line of the manifest: NAME and its hash. */
struct manifest_entry {
	char	label[LABEL_MAX + 1];
	char	hash[HASH_LEN + 1];
};

struct worker {
	pid_t	 pid;		/* 0: none */
	int	 to;		/* jobs, parent to worker */
	int	 from;		/* replies */
	long	 job;		/* applicant index, or -1 when idle */
	double	 started;
	int	 killed_wall;	/* killed for the wall-clock limit */
};

/* A worker's reply; the diagnostics text follows. */
struct reply {
	int32_t		job;
	int32_t		outcome;
	uint32_t	pages;		/* of the review written */
	uint32_t	len;
};

struct batch {
	struct pipeline			*pipeline;
	const struct batch_options	*opt;
	struct diag			*diag;
	struct applicant		*a;
	size_t				 n, cap;
	struct manifest_entry		*old;
	size_t				 nold;
	char				 resources[HASH_LEN + 1];
};

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
by_label(const void *x, const void *y)
{
	return strcmp(((const struct manifest_entry *)x)->label,
	    ((const struct manifest_entry *)y)->label);
}

/* The output NAME of an input: its base name, .xml cut, [A-Za-z0-9._-]. */
static void
make_label(const char *path, char *label)
{
	const char	*base = strrchr(path, '/');
	size_t		 len, i;

	base = base != NULL ? base + 1 : path;
	len = strlen(base);
	if (len > 4 && strcasecmp(base + len - 4, ".xml") == 0)
		len -= 4;
	if (len > LABEL_MAX)
		len = LABEL_MAX;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)base[i];

		label[i] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    c == '-' ? (char)c : '_';
	}
	label[len] = '\0';
	if (len == 0)
		strcpy(label, "_");
	else if (label[0] == '.' || label[0] == '-')
		label[0] = '_';
}

static int
add_input(struct batch *b, const char *path)
{
	struct applicant	*na;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		if ((na = realloc(b->a, b->cap * sizeof(*na))) == NULL)
			return -1;
		b->a = na;
	}
	memset(&b->a[b->n], 0, sizeof(b->a[b->n]));
	if ((b->a[b->n].path = strdup(path)) == NULL)
		return -1;
	make_label(path, b->a[b->n].label);
	b->n++;
	return 0;
}

/* The *.xml of a directory, in name order, not recursively. */
static int
add_directory(struct batch *b, const char *dir)
{
	char	**paths;
	size_t	  i;
	int	  rc = 0;

	if ((paths = dirlist_ending(dir, ".xml", NULL)) == NULL) {
		diag_error(b->diag, dir, 0, "cannot read the directory: %s",
		    strerror(errno));
		return 1;
	}
	for (i = 0; paths[i] != NULL && rc == 0; i++)
		if (add_input(b, paths[i]) == -1)
			rc = -1;
	dirlist_free(paths);
	return rc;
}

/*
 * Read a regular file of at most max bytes, never blocking on a FIFO.
 * Returns the bytes (caller frees) or NULL.
 */
static char *
read_small(const char *path, size_t max, size_t *lenp)
{
	struct stat	 st;
	char		*buf = NULL;
	ssize_t		 r;
	size_t		 len = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > max ||
	    (buf = malloc((size_t)st.st_size + 1)) == NULL)
		goto fail;
	while (len < (size_t)st.st_size && (r = read(fd, buf + len,
	    (size_t)st.st_size - len)) > 0)
		len += (size_t)r;
	close(fd);
	buf[len] = '\0';
	*lenp = len;
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

/* Hash every file of datadir/sub whose name ends in ext, in name order. */
static void
hash_dir(GChecksum *ck, const char *root, const char *sub, const char *ext)
{
	char	  dir[PATH_MAX], **paths, *data;
	size_t	  i, len, dl;

	if ((size_t)snprintf(dir, sizeof(dir), "%s/%s", root, sub) >=
	    sizeof(dir) || (paths = dirlist_ending(dir, ext, NULL)) == NULL)
		return;
	dl = strlen(dir) + 1;
	for (i = 0; paths[i] != NULL; i++) {
		/* the name too: a renamed file changes the hash */
		g_checksum_update(ck, (const guchar *)paths[i] + dl,
		    (gssize)strlen(paths[i] + dl) + 1);
		if ((data = read_small(paths[i], 64UL * 1024 * 1024,
		    &len)) != NULL) {
			g_checksum_update(ck, (const guchar *)data,
			    (gssize)len);
			free(data);
		}
	}
	dirlist_free(paths);
}

/*
 * What every applicant's files depend on besides its portfolio: the
 * program version, the options, the schemas, stylesheets, fonts and
 * every rule file.
 */
static void
hash_resources(struct batch *b)
{
	const struct catalog	*cat = pipeline_catalog(b->pipeline);
	const char		*root = pipeline_datadir(b->pipeline)->root;
	GChecksum		*ck = g_checksum_new(G_CHECKSUM_SHA256);
	char			*data;
	size_t			 i, len;

	g_checksum_update(ck, (const guchar *)VERSION, -1);
	g_checksum_update(ck, (const guchar *)"\n", 1);
	g_checksum_update(ck, (const guchar *)b->opt->options_key, -1);
	hash_dir(ck, root, "schemas", ".xsd");
	hash_dir(ck, root, "stylesheets", ".xsl");
	hash_dir(ck, root, "fonts", "");
	for (i = 0; i < cat->count; i++) {
		g_checksum_update(ck, (const guchar *)cat->entries[i].path,
		    -1);
		if ((data = read_small(cat->entries[i].path, XMLLOAD_MAX_BYTES,
		    &len)) != NULL) {
			g_checksum_update(ck, (const guchar *)data,
			    (gssize)len);
			free(data);
		}
	}
	snprintf(b->resources, sizeof(b->resources), "%s",
	    g_checksum_get_string(ck));
	g_checksum_free(ck);
}

/* The manifest's hash of a portfolio's bytes (NULL: unreadable). */
static void
hash_bytes(const struct batch *b, const char *data, size_t len,
    char *hash)
{
	GChecksum	*ck = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(ck, (const guchar *)b->resources, -1);
	if (data != NULL)
		g_checksum_update(ck, (const guchar *)data, (gssize)len);
	else
		g_checksum_update(ck, (const guchar *)"\0unreadable", 11);
	snprintf(hash, HASH_LEN + 1, "%s", g_checksum_get_string(ck));
	g_checksum_free(ck);
}

static void
hash_applicant(struct batch *b, struct applicant *a)
{
	char	*data;
	size_t	 len = 0;

	data = read_small(a->path, XMLLOAD_MAX_BYTES, &len);
	hash_bytes(b, data, len, a->hash);
	free(data);
}

static const char *
output_path(const struct batch *b, const char *label, const char *what,
    char *buf, size_t bufsz)
{
	if ((size_t)snprintf(buf, bufsz, "%s/%s.%s", b->opt->outdir, label,
	    what) >= bufsz)
		return NULL;
	return buf;
}

/* The manifest of the last run; none (or an unreadable one) is empty. */
static int
manifest_read(struct batch *b)
{
	struct manifest_entry	*e, *ne;
	char			 path[PATH_MAX], line[512];
	size_t			 cap = 0;
	FILE			*f;

	snprintf(path, sizeof(path), "%s/%s", b->opt->outdir, MANIFEST);
	if ((f = fopen(path, "re")) == NULL)
		return 0;
	if (fgets(line, sizeof(line), f) == NULL ||
	    strncmp(line, MANIFEST_HEAD "\n", sizeof(MANIFEST_HEAD)) != 0) {
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		if (b->nold == cap) {
			cap = cap ? cap * 2 : 64;
			if ((ne = realloc(b->old, cap * sizeof(*ne))) ==
			    NULL) {
				fclose(f);
				return -1;
			}
			b->old = ne;
		}
		e = &b->old[b->nold];
		if (sscanf(line, "%100s %64s", e->label, e->hash) == 2 &&
		    strlen(e->hash) == HASH_LEN)
			b->nold++;
	}
	fclose(f);
	if (b->nold > 0)
		qsort(b->old, b->nold, sizeof(*b->old), by_label);
	return 0;
}

static const struct manifest_entry *
manifest_find(const struct batch *b, const char *label)
{
	struct manifest_entry	key;

	snprintf(key.label, sizeof(key.label), "%s", label);
	return b->nold == 0 ? NULL : bsearch(&key, b->old, b->nold,
	    sizeof(*b->old), by_label);
}

/*
 * Write the manifest: the applicants done in this run, the unchanged
 * ones, and, after an interruption, the old entries of those not reached
 * (their files are still the old ones).  Sorted by NAME.
 */
static int
manifest_write(struct batch *b)
{
	struct manifest_entry	*m;
	const struct manifest_entry *old;
	char			 path[PATH_MAX], *buf = NULL;
	size_t			 i, k = 0, len = 0;
	FILE			*f;
	int			 rc;

	if ((m = calloc(b->n + 1, sizeof(*m))) == NULL)
		return -1;
	for (i = 0; i < b->n; i++) {
		const struct applicant *a = &b->a[i];

		if (a->state == ST_DONE || a->state == ST_SKIP) {
			snprintf(m[k].label, sizeof(m[k].label), "%s",
			    a->label);
			snprintf(m[k].hash, sizeof(m[k].hash), "%s", a->hash);
			k++;
		} else if (a->state == ST_TODO &&
		    (old = manifest_find(b, a->label)) != NULL)
			m[k++] = *old;
	}
	if (k > 0)
		qsort(m, k, sizeof(*m), by_label);
	if ((f = open_memstream(&buf, &len)) == NULL) {
		free(m);
		return -1;
	}
	fprintf(f, "%s\n", MANIFEST_HEAD);
	for (i = 0; i < k; i++)
		fprintf(f, "%s %s\n", m[i].label, m[i].hash);
	free(m);
	if (fclose(f) != 0) {
		free(buf);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s", b->opt->outdir, MANIFEST);
	rc = pipeline_save(path, buf, len, b->diag) == PIPELINE_OK ? 0 : -1;
	free(buf);
	return rc;
}

/* Remove the files of applicants of the last run that are gone now. */
static size_t
remove_vanished(struct batch *b)
{
	char	path[PATH_MAX];
	size_t	i, j, k, removed = 0;
	int	present;

	for (i = 0; i < b->nold; i++) {
		present = 0;
		for (j = 0; j < b->n && !present; j++)
			present = strcmp(b->a[j].label, b->old[i].label) == 0;
		if (present)
			continue;
		for (k = 0; k < NOUTPUTS; k++)
			if (output_path(b, b->old[i].label, outputs[k], path,
			    sizeof(path)) != NULL)
				(void)unlink(path);
		removed++;
	}
	return removed;
}

static enum batch_outcome
outcome_of(enum pipeline_status st)
{
	switch (st) {
	case PIPELINE_OK:
		return BATCH_READY;
	case PIPELINE_CANNOT_OPEN:
		return BATCH_CANNOT_OPEN;
	case PIPELINE_REJECTED:
		return BATCH_REJECTED;
	case PIPELINE_CANNOT_CREATE:
	case PIPELINE_IO_ERROR:
		return BATCH_CANNOT_WRITE;
	case PIPELINE_INTERNAL:
		break;
	}
	return BATCH_FAILED;
}

static enum batch_outcome
outcome_of_result(enum evaluate_result r)
{
	switch (r) {
	case EVALUATE_READY:
		return BATCH_READY;
	case EVALUATE_REVIEW:
		return BATCH_REVIEW;
	case EVALUATE_NOT_READY:
		break;
	}
	return BATCH_NOT_READY;
}

/* Worker: one applicant, its three files. */
static enum batch_outcome
work_one(struct batch *b, const struct applicant *a, size_t *review_pages,
    struct diag *d)
{
	static const enum present_kind kinds[] = { PRESENT_PACKET,
	    PRESENT_REVIEW };
	struct present_entry	 e;
	enum pipeline_status	 st;
	enum batch_outcome	 oc;
	const char		*params[3];
	xmlDocPtr		 doc = NULL, cl = NULL, layout = NULL;
	unsigned char		*pdf = NULL;
	char			*buf = NULL, path[PATH_MAX];
	size_t			 len, k, pages;

	*review_pages = 0;
	if ((st = pipeline_read(b->pipeline, a->path, a->path, &doc, d)) !=
	    PIPELINE_OK ||
	    (st = pipeline_evaluate(b->pipeline, doc, a->path, &b->opt->prm,
	    &cl, d)) != PIPELINE_OK ||
	    (st = pipeline_checklist_bytes(b->pipeline, cl, &buf, &len)) !=
	    PIPELINE_OK)
		goto out;
	if (output_path(b, a->label, outputs[0], path, sizeof(path)) ==
	    NULL) {
		st = PIPELINE_CANNOT_CREATE;
		goto out;
	}
	if ((st = pipeline_save(path, buf, len, d)) != PIPELINE_OK)
		goto out;
	memset(&e, 0, sizeof(e));
	e.source = a->path;
	e.checklist = cl;
	e.portfolio = doc;
	params[0] = "reviewers";
	params[1] = b->opt->reviewers;
	params[2] = NULL;
	for (k = 0; k < 2; k++) {
		if ((st = pipeline_layout_with(b->pipeline, kinds[k], &e, 1,
		    b->opt->created, kinds[k] == PRESENT_REVIEW &&
		    b->opt->reviewers != NULL ? params : NULL, &layout, d)) !=
		    PIPELINE_OK ||
		    (st = pipeline_pdf_pages(b->pipeline, layout, a->path,
		    b->opt->paper, &pdf, &len, &pages, d)) != PIPELINE_OK)
			goto out;
		if (kinds[k] == PRESENT_REVIEW)
			*review_pages = pages;
		xmlFreeDoc(layout);
		layout = NULL;
		if (output_path(b, a->label, outputs[k + 1], path,
		    sizeof(path)) == NULL) {
			st = PIPELINE_CANNOT_CREATE;
			goto out;
		}
		st = pipeline_save(path, pdf, len, d);
		free(pdf);
		pdf = NULL;
		if (st != PIPELINE_OK)
			goto out;
	}
out:
	oc = st == PIPELINE_OK ? outcome_of_result(evaluate_result(cl)) :
	    outcome_of(st);
	free(pdf);
	free(buf);
	xmlFreeDoc(layout);
	xmlFreeDoc(cl);
	xmlFreeDoc(doc);
	return oc;
}

static int
read_full(int fd, void *buf, size_t len)
{
	ssize_t	r;
	size_t	got = 0;

	while (got < len) {
		r = read(fd, (char *)buf + got, len - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	return 0;
}

static int
write_full(int fd, const void *buf, size_t len)
{
	ssize_t	w;
	size_t	done = 0;

	while (done < len) {
		w = write(fd, (const char *)buf + done, len - done);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	return 0;
}

static int
env_is(const char *name, const char *value)
{
	const char	*v = getenv(name);

	return v != NULL && strcmp(v, value) == 0;
}

/* A worker's address space (the sanitizers reserve terabytes: no cap). */
static void
limit_address_space(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	struct rlimit	rl;

	rl.rlim_cur = rl.rlim_max = BATCH_AS_BYTES;
	(void)setrlimit(RLIMIT_AS, &rl);
#endif
}

/* This applicant's CPU time starts now: the soft limit, past the used. */
static void
limit_cpu(void)
{
	struct rusage	 ru;
	struct rlimit	 rl;
	const char	*test = getenv("ENDORSE_TEST_CPU_SECONDS");
	rlim_t		 secs = BATCH_CPU_SECONDS, used;

	if (test != NULL && atoi(test) > 0)
		secs = (rlim_t)atoi(test);
	if (getrusage(RUSAGE_SELF, &ru) != 0 ||
	    getrlimit(RLIMIT_CPU, &rl) != 0)
		return;
	used = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1;
	rl.rlim_cur = used + secs;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max)
		rl.rlim_cur = rl.rlim_max;
	(void)setrlimit(RLIMIT_CPU, &rl);
}

/*
 * A worker: load the whole pipeline once (Pango is initialised here, in
 * the child), then process the applicants the parent sends until it
 * closes the pipe.
 */
static void __attribute__((noreturn))
worker_main(struct batch *b, int in, int out)
{
	struct diag	 d, quiet;
	struct reply	 rp;
	int32_t		 job;
	char		*msg;
	size_t		 msglen, pages;
	FILE		*mem;
	int		 loaded;

	limit_address_space();
	diag_init(&quiet, stderr, "endorse");
	loaded = pipeline_load(b->pipeline, PIPELINE_TYPESET, &quiet) == 0;
	while (read_full(in, &job, sizeof(job)) == 0) {
		const struct applicant *a;

		if (job < 0 || (size_t)job >= b->n)
			break;
		a = &b->a[job];
		msg = NULL;
		msglen = 0;
		if ((mem = open_memstream(&msg, &msglen)) == NULL)
			_exit(70);
		diag_init(&d, mem, "endorse");
		limit_cpu();
		if (env_is("ENDORSE_TEST_WORKER_KILL", a->label))
			raise(SIGKILL);
		while (env_is("ENDORSE_TEST_WORKER_SPIN", a->label))
			;
		pages = 0;
		if (loaded)
			rp.outcome = (int32_t)work_one(b, a, &pages, &d);
		else {
			diag_error(&d, a->path, 0, "the data files cannot be "
			    "loaded");
			rp.outcome = BATCH_FAILED;
		}
		fclose(mem);
		rp.job = job;
		rp.pages = pages > UINT32_MAX ? 0 : (uint32_t)pages;
		rp.len = msg != NULL ? (uint32_t)(msglen < MESSAGE_MAX ?
		    msglen : MESSAGE_MAX) : 0;
		if (write_full(out, &rp, sizeof(rp)) != 0 ||
		    write_full(out, msg, rp.len) != 0)
			_exit(70);
		free(msg);
	}
	_exit(0);
}

static int
worker_spawn(struct batch *b, struct worker *w, struct worker *all,
    int nworkers, const sigset_t *saved)
{
	int	jobs[2], replies[2], i;
	pid_t	pid;

	if (pipe2(jobs, O_CLOEXEC) == -1)
		return -1;
	if (pipe2(replies, O_CLOEXEC) == -1) {
		close(jobs[0]);
		close(jobs[1]);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		close(jobs[0]);
		close(jobs[1]);
		close(replies[0]);
		close(replies[1]);
		return -1;
	}
	if (pid == 0) {
		for (i = 0; i < nworkers; i++)
			if (all[i].pid != 0) {
				close(all[i].to);
				close(all[i].from);
			}
		close(jobs[1]);
		close(replies[0]);
		signal(SIGPIPE, SIG_DFL);
		sigprocmask(SIG_SETMASK, saved, NULL);
		worker_main(b, jobs[0], replies[1]);
	}
	close(jobs[0]);
	close(replies[1]);
	w->pid = pid;
	w->to = jobs[1];
	w->from = replies[0];
	w->job = -1;
	w->killed_wall = 0;
	return 0;
}

/*
 * The first error of a worker's diagnostics (else its first line), for
 * the roster, without "endorse: FILE:LINE: error: ".
 */
static char *
first_line(const char *msg, size_t len)
{
	const char	*p = msg, *e, *nl;
	size_t		 n;
	char		*s;

	if ((e = memmem(msg, len, ": error: ", 9)) != NULL)
		p = e + 9;
	nl = memchr(p, '\n', len - (size_t)(p - msg));
	n = nl != NULL ? (size_t)(nl - p) : len - (size_t)(p - msg);
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

static void
worker_reap(struct batch *b, struct worker *w)
{
	struct applicant	*a;
	char			 why[96];
	int			 st = 0;

	close(w->to);
	close(w->from);
	while (waitpid(w->pid, &st, 0) == -1 && errno == EINTR)
		;
	if (w->job >= 0) {
		a = &b->a[w->job];
		if (w->killed_wall)
			snprintf(why, sizeof(why), "wall-clock limit of %d s",
			    BATCH_WALL_SECONDS);
		else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGXCPU) {
			const char *t = getenv("ENDORSE_TEST_CPU_SECONDS");

			snprintf(why, sizeof(why), "CPU limit of %d s",
			    t != NULL && atoi(t) > 0 ? atoi(t) :
			    BATCH_CPU_SECONDS);
		} else if (WIFSIGNALED(st))
			snprintf(why, sizeof(why), "the worker was stopped "
			    "by signal %d", WTERMSIG(st));
		else
			snprintf(why, sizeof(why), "the worker exited with "
			    "status %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		diag_error(b->diag, a->path, 0, "processing aborted (%s)", why);
		a->state = ST_FAILED;
		a->outcome = BATCH_FAILED;
		free(a->error);
		if (asprintf(&a->error, "processing aborted (%s)", why) < 0)
			a->error = NULL;
	}
	w->pid = 0;
	w->job = -1;
}

static void
progress(const struct batch *b, size_t done, size_t total, double t0)
{
	double	el = now() - t0, rate = el > 0 ? (double)done / el : 0;

	if (b->opt->quiet || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\rbatch: %zu/%zu done, %.1f applicants/s, about "
	    "%.0f s left   ", done, total, rate, rate > 0 ?
	    (double)(total - done) / rate : 0.0);
	fflush(stderr);
}

/* Send the next job to an idle worker; 1 when one was sent. */
static int
dispatch(struct batch *b, struct worker *w, size_t *next)
{
	int32_t	job;

	while (*next < b->n && b->a[*next].state != ST_TODO)
		(*next)++;
	if (*next >= b->n)
		return 0;
	job = (int32_t)*next;
	if (write_full(w->to, &job, sizeof(job)) != 0)
		return -1;
	b->a[*next].state = ST_RUNNING;
	w->job = (long)*next;
	w->started = now();
	(*next)++;
	return 1;
}

/* The workers of a run and what the parent watches. */
struct pool {
	struct batch	*b;
	struct worker	 w[BATCH_MAX_JOBS];
	int		 nw;
	int		 sfd;		/* signalfd of SIGINT, SIGTERM, SIGHUP */
	sigset_t	 saved;		/* the mask the workers get back */
	size_t		 next;		/* the next applicant to hand out */
	size_t		 done, todo;
	double		 t0;
	int		 interrupted;	/* the signal, or 0 */
};

/*
 * Start missing workers and give every idle one a job.  Returns how many
 * are busy.
 */
static int
pool_dispatch(struct pool *pl)
{
	struct batch	*b = pl->b;
	int		 i, busy = 0;

	for (i = 0; i < pl->nw; i++) {
		struct worker	*w = &pl->w[i];

		if (w->pid == 0 && !pl->interrupted && pl->next < b->n &&
		    worker_spawn(b, w, pl->w, pl->nw, &pl->saved) == -1) {
			diag_note(b->diag, "batch: cannot start a worker: %s",
			    strerror(errno));
			continue;
		}
		if (w->pid != 0 && w->job < 0 && !pl->interrupted &&
		    dispatch(b, w, &pl->next) == -1) {
			/* died while idle: replace it on the next round */
			kill(w->pid, SIGKILL);
			worker_reap(b, w);
			continue;
		}
		if (w->pid != 0 && w->job >= 0)
			busy++;
	}
	return busy;
}

/* One reply from a busy worker, or its death. */
static void
pool_reply(struct pool *pl, struct worker *w)
{
	struct applicant	*a;
	struct reply		 rp;
	char			 msg[MESSAGE_MAX];

	if (read_full(w->from, &rp, sizeof(rp)) != 0 || rp.job != w->job ||
	    rp.len > sizeof(msg) || read_full(w->from, msg, rp.len) != 0) {
		worker_reap(pl->b, w);
		pl->done++;
		progress(pl->b, pl->done, pl->todo, pl->t0);
		return;
	}
	a = &pl->b->a[rp.job];
	if (rp.len > 0)
		fwrite(msg, 1, rp.len, stderr);
	a->outcome = (enum batch_outcome)rp.outcome;
	a->state = rp.outcome <= BATCH_NOT_READY ? ST_DONE : ST_FAILED;
	a->pages = rp.pages;
	if (a->state == ST_FAILED)
		a->error = rp.len > 0 ? first_line(msg, rp.len) :
		    strdup("failed");
	w->job = -1;
	pl->done++;
	progress(pl->b, pl->done, pl->todo, pl->t0);
}

/* SIGINT, SIGTERM or SIGHUP: stop handing out, stop the workers. */
static void
pool_signal(struct pool *pl)
{
	struct signalfd_siginfo	si;
	int			i;

	if (read(pl->sfd, &si, sizeof(si)) != (ssize_t)sizeof(si))
		return;
	pl->interrupted = (int)si.ssi_signo;
	for (i = 0; i < pl->nw; i++)
		if (pl->w[i].pid != 0)
			kill(pl->w[i].pid, SIGTERM);
}

/* The wall-clock limit, per applicant. */
static void
pool_wall(struct pool *pl)
{
	int	i;

	for (i = 0; i < pl->nw; i++) {
		struct worker	*w = &pl->w[i];

		if (w->pid != 0 && w->job >= 0 && !w->killed_wall &&
		    now() - w->started > BATCH_WALL_SECONDS) {
			w->killed_wall = 1;
			kill(w->pid, SIGKILL);
		}
	}
}

/* Wait up to a second for replies and signals, and handle them. */
static int
pool_wait(struct pool *pl)
{
	struct pollfd	pfd[BATCH_MAX_JOBS + 1];
	int		who[BATCH_MAX_JOBS + 1], np = 0, i, k;

	for (i = 0; i < pl->nw; i++)
		if (pl->w[i].pid != 0 && pl->w[i].job >= 0) {
			pfd[np].fd = pl->w[i].from;
			pfd[np].events = POLLIN;
			who[np++] = i;
		}
	if (pl->sfd != -1) {
		pfd[np].fd = pl->sfd;
		pfd[np].events = POLLIN;
		who[np++] = -1;
	}
	if (poll(pfd, (nfds_t)np, 1000) == -1 && errno != EINTR)
		return -1;
	for (k = 0; k < np; k++) {
		if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if (who[k] == -1)
			pool_signal(pl);
		else
			pool_reply(pl, &pl->w[who[k]]);
	}
	pool_wall(pl);
	return 0;
}

/*
 * Run the workers over every applicant to do.  Returns the signal that
 * interrupted the run, or 0.  The parent holds SIGINT, SIGTERM and SIGHUP
 * and reads them from a signalfd, so that it can stop the workers and
 * still write a manifest that says what is on disk.
 */
static int
run_workers(struct batch *b, size_t todo, double t0)
{
	struct pool	 pl;
	sigset_t	 block, pending;
	struct timespec	 zero = { 0, 0 };
	void		(*oldpipe)(int);
	int		 i;

	memset(&pl, 0, sizeof(pl));
	pl.b = b;
	pl.todo = todo;
	pl.t0 = t0;
	pl.nw = b->opt->jobs < (int)todo ? b->opt->jobs : (int)todo;
	if (pl.nw > BATCH_MAX_JOBS)
		pl.nw = BATCH_MAX_JOBS;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &pl.saved);
	oldpipe = signal(SIGPIPE, SIG_IGN);
	pl.sfd = signalfd(-1, &block, SFD_CLOEXEC);

	while (pool_dispatch(&pl) > 0)
		if (pool_wait(&pl) == -1)
			break;
	for (i = 0; i < pl.nw; i++)
		if (pl.w[i].pid != 0)
			worker_reap(b, &pl.w[i]);
	if (!b->opt->quiet && isatty(STDERR_FILENO) && pl.done > 0)
		fputc('\n', stderr);
	if (pl.sfd != -1)
		close(pl.sfd);
	signal(SIGPIPE, oldpipe);
	/* A signal that came while we finished is still pending: keep it. */
	if (!pl.interrupted && sigpending(&pending) == 0)
		for (i = 1; i < NSIG && !pl.interrupted; i++)
			if (sigismember(&block, i) &&
			    sigismember(&pending, i))
				pl.interrupted = i;
	/* Consume it: the CLI raises it again once all is tidy. */
	if (pl.interrupted)
		while (sigtimedwait(&block, NULL, &zero) > 0)
			;
	sigprocmask(SIG_SETMASK, &pl.saved, NULL);
	return pl.interrupted;
}

static int
make_outdir(struct batch *b)
{
	struct stat	st;

	if (mkdir(b->opt->outdir, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(b->opt->outdir, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return 0;
	diag_error(b->diag, b->opt->outdir, 0, "cannot use as the output "
	    "directory: %s", errno == EEXIST ? "it is not a directory" :
	    strerror(errno));
	return -1;
}

/*
 * The combined review is written by a child process of its own (SECURITY.md
 * rule 16: it reads every portfolio again), forked before the parent
 * initialises Pango for the roster, under the workers' limits per
 * applicant.  It reads each portfolio once, checks that its bytes are
 * those the workers saw (their hash), and counts the pages of the reviews
 * kept from an earlier run.
 */
struct combined_run {
	struct batch		*b;
	GHashTable		*by_path;	/* path -> struct applicant */
	struct combined_options	 co;
};

/* Read, evaluate and lay out the review of a member (combined_feed). */
static enum pipeline_status
member_layout(void *closure, size_t i, const char *src,
    const char *const *params, xmlDocPtr *layout, struct diag *d)
{
	struct combined_run	*c = closure;
	struct batch		*b = c->b;
	const struct applicant	*a = g_hash_table_lookup(c->by_path, src);
	struct present_entry	 e;
	enum pipeline_status	 st;
	xmlDocPtr		 doc = NULL, cl = NULL;
	char			*data, hash[HASH_LEN + 1];
	size_t			 len;

	(void)i;
	*layout = NULL;
	/* this applicant's limits start now, as in a worker */
	limit_cpu();
	alarm(BATCH_WALL_SECONDS);
	if (a == NULL || (data = read_small(src, XMLLOAD_MAX_BYTES, &len)) ==
	    NULL) {
		diag_error(d, src, 0, "cannot be read again for %s",
		    COMBINED_NAME);
		return PIPELINE_CANNOT_OPEN;
	}
	hash_bytes(b, data, len, hash);
	if (strcmp(hash, a->hash) != 0) {
		diag_error(d, src, 0, "it changed while the batch ran: run the "
		    "batch again");
		free(data);
		return PIPELINE_REJECTED;
	}
	if ((st = pipeline_read_memory(b->pipeline, data, len, src, &doc,
	    d)) == PIPELINE_OK && (st = pipeline_evaluate(b->pipeline, doc,
	    src, &b->opt->prm, &cl, d)) == PIPELINE_OK) {
		memset(&e, 0, sizeof(e));
		e.source = src;
		e.checklist = cl;
		e.portfolio = doc;
		st = pipeline_layout_with(b->pipeline, PRESENT_REVIEW, &e, 1,
		    b->opt->created, params, layout, d);
	}
	free(data);
	xmlFreeDoc(cl);
	xmlFreeDoc(doc);
	return st;
}

/* The pages of a review kept from an earlier run (roster_fill_pages). */
static int
count_kept(void *closure, size_t k, const char *source, size_t *pages)
{
	struct combined_run	*c = closure;
	struct combined_feed	 feed = { member_layout, c };

	return combined_count(c->b->pipeline, &feed, &c->co, k, source,
	    pages, c->b->diag) == PIPELINE_OK ? 0 : -1;
}

/* The child: OUTDIR/review-all.pdf from the roster, then its status. */
static void __attribute__((noreturn))
combined_child(struct batch *b, struct roster *r)
{
	struct combined_run	 c;
	struct combined_feed	 feed;
	enum pipeline_status	 st = PIPELINE_INTERNAL;
	xmlDocPtr		 index = NULL;
	char			 path[PATH_MAX];
	size_t			 i;

	limit_address_space();
	if (env_is("ENDORSE_TEST_COMBINED_KILL", "1"))
		raise(SIGKILL);
	memset(&c, 0, sizeof(c));
	c.b = b;
	c.co.created = b->opt->created;
	c.co.paper = b->opt->paper;
	c.co.reviewers = b->opt->reviewers;
	feed.layout = member_layout;
	feed.closure = &c;
	if ((c.by_path = g_hash_table_new(g_str_hash, g_str_equal)) == NULL)
		_exit(PIPELINE_INTERNAL);
	for (i = 0; i < b->n; i++)
		g_hash_table_insert(c.by_path, b->a[i].path, &b->a[i]);
	output_path(b, COMBINED_STEM, "pdf", path, sizeof(path));
	if (roster_fill_pages(r, count_kept, &c) == 0 &&
	    (index = roster_index_document(r, b->opt->prm.as_of)) != NULL)
		st = combined_write(b->pipeline, index, &feed, &c.co, path,
		    b->diag);
	else
		diag_error(b->diag, path, 0, "cannot make the index of the "
		    "applicants");
	if (st != PIPELINE_OK)
		diag_note(b->diag, "batch: %s was not written", path);
	fflush(NULL);
	_exit(st);
}

/* Remove what a combined child that died left: .review-all.pdf.XXXXXX */
static void
remove_combined_temporaries(const struct batch *b)
{
	DIR		*dp;
	struct dirent	*de;
	char		 path[PATH_MAX];

	if ((dp = opendir(b->opt->outdir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL)
		if (strncmp(de->d_name, "." COMBINED_NAME ".",
		    sizeof(COMBINED_NAME) + 1) == 0 &&
		    (size_t)snprintf(path, sizeof(path), "%s/%s",
		    b->opt->outdir, de->d_name) < sizeof(path))
			(void)unlink(path);
	closedir(dp);
}

/*
 * Wait for the combined child.  A SIGINT, SIGTERM or SIGHUP meanwhile is
 * passed on to it (it discards its file) and kept in *interrupted.
 */
static enum pipeline_status
combined_wait(struct batch *b, pid_t pid, int *interrupted)
{
	struct timespec	 tick = { 0, 100 * 1000 * 1000 };
	sigset_t	 set, saved;
	const char	*t = getenv("ENDORSE_TEST_CPU_SECONDS");
	char		 path[PATH_MAX], why[96];
	pid_t		 w;
	int		 st = 0, sig;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, &saved);
	while ((w = waitpid(pid, &st, WNOHANG)) == 0 ||
	    (w == -1 && errno == EINTR))
		if ((sig = sigtimedwait(&set, NULL, &tick)) > 0) {
			*interrupted = sig;
			(void)kill(pid, sig);
		}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	if (w == pid && WIFEXITED(st))
		return (enum pipeline_status)WEXITSTATUS(st);
	remove_combined_temporaries(b);
	if (*interrupted)
		return PIPELINE_INTERNAL;
	if (w == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGXCPU)
		snprintf(why, sizeof(why), "CPU limit of %d s for an applicant",
		    t != NULL && atoi(t) > 0 ? atoi(t) : BATCH_CPU_SECONDS);
	else if (w == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
		snprintf(why, sizeof(why), "wall-clock limit of %d s for an "
		    "applicant", BATCH_WALL_SECONDS);
	else if (w == pid && WIFSIGNALED(st))
		snprintf(why, sizeof(why), "stopped by signal %d",
		    WTERMSIG(st));
	else
		snprintf(why, sizeof(why), "lost");
	output_path(b, COMBINED_STEM, "pdf", path, sizeof(path));
	diag_error(b->diag, path, 0, "processing aborted (%s): not written",
	    why);
	return PIPELINE_INTERNAL;
}

/*
 * The roster from every applicant's checklist (new or kept), then, when
 * asked for, the combined review.  Returns the combined review's status.
 */
static enum pipeline_status
write_roster(struct batch *b, int *interrupted)
{
	struct roster		*r;
	pid_t			 pid = 0;
	enum xmlload_status	 status;
	enum pipeline_status	 st = PIPELINE_OK;
	xmlDocPtr		 cl;
	char			 path[PATH_MAX];
	size_t			 i;

	if ((r = roster_new()) == NULL) {
		diag_error(b->diag, b->opt->outdir, 0, "out of memory making "
		    "the roster");
		return PIPELINE_INTERNAL;
	}
	for (i = 0; i < b->n; i++) {
		struct applicant *a = &b->a[i];

		if (a->state != ST_DONE && a->state != ST_SKIP) {
			roster_add_failed(r, a->path, a->label,
			    a->error != NULL ? a->error : "failed");
			continue;
		}
		cl = output_path(b, a->label, outputs[0], path,
		    sizeof(path)) != NULL ? xmlload_file(path, NULL, b->diag,
		    &status) : NULL;
		if (cl == NULL) {
			roster_add_failed(r, a->path, a->label, "its checklist "
			    "cannot be read");
			a->state = ST_FAILED;
			a->outcome = BATCH_FAILED;
			continue;
		}
		if (a->state == ST_SKIP)
			a->outcome = outcome_of_result(evaluate_result(cl));
		roster_add(r, a->path, a->label, cl, a->pages);
		xmlFreeDoc(cl);
	}
	/* the child first: the parent has not initialised Pango yet */
	if (b->opt->combined) {
		fflush(NULL);
		if ((pid = fork()) == 0)
			combined_child(b, r);
		if (pid == -1) {
			diag_error(b->diag, b->opt->outdir, 0, "cannot start "
			    "the process for %s: %s", COMBINED_NAME,
			    strerror(errno));
			st = PIPELINE_INTERNAL;
		}
	}
	if (pipeline_load(b->pipeline, PIPELINE_TYPESET, b->diag) == 0)
		(void)roster_write(r, b->pipeline, b->opt->outdir,
		    b->opt->created, b->opt->paper, b->diag);
	if (pid > 0)
		st = combined_wait(b, pid, interrupted);
	roster_free(r);
	return st;
}

int
batch_run(struct pipeline *p, const struct batch_options *o,
    struct batch_totals *t, struct diag *d)
{
	struct batch			 b;
	const struct manifest_entry	*old;
	struct stat			 st;
	char				 path[PATH_MAX];
	double				 t0 = now();
	size_t				 i, j, k, todo = 0;
	int				 rc = -1, r, have;

	memset(t, 0, sizeof(*t));
	memset(&b, 0, sizeof(b));
	b.pipeline = p;
	b.opt = o;
	b.diag = d;
	for (i = 0; i < (size_t)o->ninputs; i++) {
		if (stat(o->inputs[i], &st) == 0 && S_ISDIR(st.st_mode))
			r = add_directory(&b, o->inputs[i]);
		else
			r = add_input(&b, o->inputs[i]);
		if (r == -1)
			goto out;
		if (r == 1)
			t->count[BATCH_CANNOT_OPEN]++;
	}
	if (make_outdir(&b) == -1 || manifest_read(&b) == -1)
		goto out;
	hash_resources(&b);
	for (i = 0; i < b.n; i++) {
		struct applicant *a = &b.a[i];

		for (j = 0; j < i; j++)
			if (b.a[j].state != ST_FAILED &&
			    strcmp(b.a[j].label, a->label) == 0)
				break;
		if (j < i) {
			diag_error(d, a->path, 0, "its output name '%s' is "
			    "already used by %s: rename one of the two files",
			    a->label, b.a[j].path);
			a->state = ST_FAILED;
			a->outcome = BATCH_REJECTED;
			if (asprintf(&a->error, "output name '%s' already "
			    "used by %s", a->label, b.a[j].path) < 0)
				a->error = NULL;
			continue;
		}
		hash_applicant(&b, a);
		have = 1;
		for (k = 0; k < NOUTPUTS && have; k++)
			have = output_path(&b, a->label, outputs[k], path,
			    sizeof(path)) != NULL && stat(path, &st) == 0;
		if (!o->force && have &&
		    (old = manifest_find(&b, a->label)) != NULL &&
		    strcmp(old->hash, a->hash) == 0) {
			a->state = ST_SKIP;	/* pages of its review: 0 */
			t->skipped++;
		} else {
			a->state = ST_TODO;
			todo++;
		}
	}
	t->removed = remove_vanished(&b);
	if (todo > 0)
		t->interrupted = run_workers(&b, todo, t0);
	/* Left over without a signal: no worker could be started. */
	for (i = 0; i < b.n && !t->interrupted; i++)
		if (b.a[i].state == ST_TODO) {
			diag_error(d, b.a[i].path, 0, "not processed: no worker "
			    "process could be started");
			b.a[i].state = ST_FAILED;
			b.a[i].outcome = BATCH_FAILED;
			b.a[i].error = strdup("not processed: no worker");
		}
	if (manifest_write(&b) == -1)
		diag_note(d, "batch: %s/%s cannot be written", o->outdir,
		    MANIFEST);
	if (!t->interrupted)
		t->combined = write_roster(&b, &t->interrupted);
	/* An old combined review would describe another run. */
	if (!t->interrupted && !o->combined &&
	    output_path(&b, COMBINED_STEM, "pdf", path, sizeof(path)) != NULL)
		(void)unlink(path);
	for (i = 0; i < b.n; i++)
		if (b.a[i].state == ST_DONE || b.a[i].state == ST_SKIP ||
		    b.a[i].state == ST_FAILED)
			t->count[b.a[i].outcome]++;
	if (!o->quiet)
		fprintf(stderr, "batch: %zu applicants in %.2f s: %zu ready, "
		    "%zu not ready, %zu need review, %zu failed, %zu "
		    "unchanged (kept)%s\n", b.n, now() - t0,
		    t->count[BATCH_READY], t->count[BATCH_NOT_READY],
		    t->count[BATCH_REVIEW], t->count[BATCH_REJECTED] +
		    t->count[BATCH_CANNOT_OPEN] + t->count[BATCH_FAILED] +
		    t->count[BATCH_CANNOT_WRITE], t->skipped,
		    t->interrupted ? ", interrupted" : "");
	rc = 0;
out:
	for (i = 0; i < b.n; i++) {
		free(b.a[i].path);
		free(b.a[i].error);
	}
	free(b.a);
	free(b.old);
	if (rc == -1)
		t->setup_failed = 1;
	return rc;
}
