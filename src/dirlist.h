/*
 * dirlist: the files of a directory whose names end in a given way
 * (".xml", ".ttf"), in byte order of their names, so that every run sees
 * the same list whatever the locale (rule files, a batch's inputs, what a
 * batch's manifest hashes).  Names starting with '.' are left out; the
 * directory is not searched recursively.
 *
 * Included by catalog and batch.  dirlist_ending gives a NULL-terminated
 * array of paths "DIR/NAME" the caller frees with dirlist_free.
 */
#ifndef DIRLIST_H
#define DIRLIST_H

#include <stddef.h>

/*
 * Returns the paths (an empty list for a directory without any), or
 * NULL with errno set when the directory cannot be read or memory ran
 * out.  *n, when not NULL, is the number of paths.
 */
char	**dirlist_ending(const char *dir, const char *ending, size_t *n);
void	  dirlist_free(char **);

#endif
