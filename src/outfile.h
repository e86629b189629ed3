/*
 * outfile: write a finished output file safely (SECURITY.md rules 13-14).
 *
 * The caller builds the whole file in memory first (a PDF, a layout
 * document) and hands it over here, or, for a file too large for
 * memory, writes it in pieces (outfile_open, below).  A regular file, or
 * a name that does not exist yet, is written to a temporary file in the
 * same directory, flushed to disk, closed and renamed over the target: a
 * failed run never leaves a partial file nor destroys an existing good
 * one.  A directory
 * is an error; a character device or a FIFO (and "-", standard output)
 * is never replaced but written into, every write and the close checked.
 * A symbolic link is followed and stays a link: the file it names is
 * replaced in that file's own directory (a link to nothing creates it),
 * and a FIFO, device or pipe it names is written into.  A FIFO nobody
 * reads is an error at once, never a wait.  The permissions of a
 * replaced file are kept.
 * SIGINT, SIGTERM, SIGHUP and SIGXFSZ are held while the temporary file
 * exists, so an interrupt removes it before the process ends and a write
 * over the file-size limit is an I/O error, not a crash; SIGPIPE and
 * SIGXFSZ are held while streaming, so a reader that goes away is an I/O
 * error too.
 *
 * Included by the stages that write files (typeset) and by cli.  Borrows
 * everything; owns nothing after it returns.
 */
#ifndef OUTFILE_H
#define OUTFILE_H

#include <stddef.h>
#include <sys/types.h>

struct diag;
struct outfile;

enum outfile_status {
	OUTFILE_OK = 0,
	OUTFILE_CANNOT_CREATE,	/* EX_CANTCREAT: directory, no permission */
	OUTFILE_IO_ERROR	/* EX_IOERR: a write, fsync or close failed */
};

/*
 * Write len bytes of data to path ("-": standard output).  Reports to d
 * and returns a status.
 */
enum outfile_status outfile_write(const char *path, const void *data,
		    size_t len, struct diag *d);

/*
 * A file too large to hold in memory (a season's combined review),
 * written piece by piece under the same rules: outfile_open makes the
 * temporary file beside the target (for standard output, a device or a
 * FIFO: an unlinked one in TMPDIR, streamed into the target by the
 * commit), outfile_append adds to it (a failure is kept and reported by
 * the commit), outfile_pread reads back what was written, outfile_commit
 * flushes, closes and renames it over the target, outfile_discard
 * removes it.  For a file target, SIGINT, SIGTERM and SIGHUP are held
 * from the open to the commit or discard, which delivers them.
 */
enum outfile_status outfile_open(const char *path, struct outfile **,
		    struct diag *d);
int		 outfile_append(struct outfile *, const void *data,
		    size_t len);
ssize_t		 outfile_pread(struct outfile *, void *buf, size_t len,
		    off_t at);
/* A name another library can open to read what was written, or NULL. */
const char	*outfile_reading_path(struct outfile *, char *buf,
		    size_t bufsz);
enum outfile_status outfile_commit(struct outfile *, struct diag *d);
void		 outfile_discard(struct outfile *);

/*
 * Whether an append failed: reported to d as outfile_commit would report
 * it (OUTFILE_IO_ERROR), else OUTFILE_OK and nothing said.
 */
enum outfile_status outfile_failed(const struct outfile *, struct diag *d);

/*
 * The signal (SIGINT, SIGTERM, SIGHUP) held since outfile_open, or 0,
 * leaving out those the process ignores (nohup, a background job): a
 * long writer asks between pieces and discards, which delivers it.
 */
int		 outfile_signalled(const struct outfile *);

#endif
