/*
 * isodate: YYYY-MM-DD dates (see isodate.h).
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "isodate.h"

int
isodate_valid(const char *s, int ymin, int ymax)
{
	int	i, y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	return y >= ymin && y <= ymax && y >= 1 &&
	    g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}
