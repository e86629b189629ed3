/*
 * runs: run a command N times, cold, one after another, and print the
 * median and spread of its wall-clock time and its largest peak RSS.
 *
 *	runs N COMMAND [ARG]...
 *
 * Prints "MEDIAN_MS MIN_MS MAX_MS MAXRSS_KB" on one line.  Standard
 * output and error of the command go to /dev/null; a run that fails makes
 * runs exit 1 after the others.  A bench tool: never a timed test.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
by_value(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	struct rusage	 ru;
	double		*ms, t0;
	long		 n, i, maxrss = 0;
	pid_t		 pid;
	int		 status, fd, failed = 0;

	if (argc < 3 || (n = strtol(argv[1], NULL, 10)) < 1 || n > 1000) {
		fprintf(stderr, "usage: runs N COMMAND [ARG]...\n");
		return 64;
	}
	if ((ms = calloc((size_t)n, sizeof(*ms))) == NULL)
		return 70;
	for (i = 0; i < n; i++) {
		t0 = now_ms();
		if ((pid = fork()) == -1)
			return 71;
		if (pid == 0) {
			if ((fd = open("/dev/null", O_WRONLY)) != -1) {
				dup2(fd, 1);
				dup2(fd, 2);
			}
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) == -1)
			return 71;
		ms[i] = now_ms() - t0;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 2)
			failed = 1;
	}
	qsort(ms, (size_t)n, sizeof(*ms), by_value);
	printf("%.1f %.1f %.1f %ld\n", n % 2 ? ms[n / 2] :
	    (ms[n / 2 - 1] + ms[n / 2]) / 2, ms[0], ms[n - 1], maxrss);
	free(ms);
	return failed;
}
