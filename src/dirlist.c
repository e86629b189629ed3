/*
 * dirlist: the files of a directory by their ending (see dirlist.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"

/*
 * scandir's filter takes no closure: the names are filtered after the
 * scan instead, keeping the module free of state.
 */
static int
is_visible(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

static int
ends_in(const char *name, const char *ending)
{
	size_t	len = strlen(name), el = strlen(ending);

	return len > el && strcmp(name + len - el, ending) == 0;
}

/* Byte order, not alphasort's collation: the same in every locale. */
static int
by_bytes(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

char **
dirlist_ending(const char *dir, const char *ending, size_t *np)
{
	struct dirent	**list = NULL;
	char		**paths = NULL;
	size_t		  k = 0;
	int		  n, i, saved;

	if ((n = scandir(dir, &list, is_visible, by_bytes)) < 0)
		return NULL;
	if ((paths = calloc((size_t)n + 1, sizeof(*paths))) != NULL)
		for (i = 0; i < n; i++) {
			if (!ends_in(list[i]->d_name, ending))
				continue;
			if (asprintf(&paths[k], "%s/%s", dir,
			    list[i]->d_name) == -1) {
				paths[k] = NULL;
				dirlist_free(paths);
				paths = NULL;
				break;
			}
			k++;
		}
	saved = errno;
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	if (paths == NULL)
		errno = saved != 0 ? saved : ENOMEM;
	else if (np != NULL)
		*np = k;
	return paths;
}

void
dirlist_free(char **paths)
{
	size_t	i;

	if (paths == NULL)
		return;
	for (i = 0; paths[i] != NULL; i++)
		free(paths[i]);
	free(paths);
}
