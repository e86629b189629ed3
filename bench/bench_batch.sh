#!/bin/sh
# bench_batch.sh [N...]: `endorse batch` over N generated portfolios (copies
# of examples/wi-policy-ready.xml, each with its own bytes and its own
# applicant name, as in a real season: shaped text kept from one applicant
# to the next must not be credited for names that recur) with -j 1 and
# -j 2: applicants per second, the peak RSS of the largest process (GNU
# time's maximum over the batch and its workers), a re-run after one
# portfolio changed and the combined review (--combined) added to it.
# A benchmark, not a test: it prints, never fails on
# speed.  Run from the top of the source tree (make bench).
set -e
[ $# -gt 0 ] || set -- 20 200
work=$(mktemp -d "${TMPDIR:-/tmp}/endorse-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
max=0
for n in "$@"; do [ "$n" -gt "$max" ] && max=$n; done
mkdir "$work/in"
firsts="Amara Bao Carmen Dmitri Eun-ji Farah Gideon Hana Ignacio Jamila Kofi \
Leilani Mateo Nadia Oskar Priya Quentin Rosa Soren Thandiwe"
lasts="Abernathy Balogun Castellanos Dubois Eriksson Fujimoto Gonzaga \
Haddad Ivanova Jaramillo"
i=0
while [ "$i" -lt "$max" ]; do
	name=$(awk -v i="$i" -v f="$firsts" -v l="$lasts" 'BEGIN {
		nf = split(f, F, " "); nl = split(l, L, " ")
		printf "%s %s-%s", F[i % nf + 1], L[int(i / nf) % nl + 1],
		    L[(i + 3) % nl + 1]
	}')
	# the first <name> is the applicant's (GNU sed's 0,/re/)
	sed -e "1a<!-- $i -->" \
	    -e "0,/<name>/s|<name>[^<]*</name>|<name>$name</name>|" \
	    examples/wi-policy-ready.xml \
	    > "$work/in/applicant-$(printf %04d "$i").xml"
	i=$((i + 1))
done
for n in "$@"; do
	rm -rf "$work/sub"
	mkdir "$work/sub"
	ls "$work/in" | head -n "$n" | while read -r f; do
		ln "$work/in/$f" "$work/sub/$f"
	done
	for j in 1 2; do
		rm -rf "$work/out"
		/usr/bin/time -f '%e %M' -o "$work/time" ./endorse batch -q \
		    -j "$j" --as-of 2025-06-30 -o "$work/out" "$work/sub"
		read -r secs kb < "$work/time"
		awk -v n="$n" -v j="$j" -v s="$secs" -v kb="$kb" 'BEGIN {
			r = s > 0 ? n / s : 0
			f = "batch of %d, -j %d: %.2f s, %.1f applicants/s, "
			f = f "peak RSS %.1f MB\n"
			printf f, n, j, s, r, kb / 1024
		}'
	done
	# one portfolio changes: only it is redone
	f=$(ls "$work/sub" | head -n 1)
	sed 's/<!-- /<!-- changed /' "$work/sub/$f" > "$work/changed"
	rm "$work/sub/$f"
	mv "$work/changed" "$work/sub/$f"
	/usr/bin/time -f '%e %M' -o "$work/time" ./endorse batch -q -j 2 \
	    --as-of 2025-06-30 -o "$work/out" "$work/sub"
	read -r secs kb < "$work/time"
	echo "batch of $n, re-run after one change: $secs s"
	# every review in one file (its own process; kept applicants counted)
	/usr/bin/time -f '%e %M' -o "$work/time" ./endorse batch -q -j 2 \
	    --combined --as-of 2025-06-30 -o "$work/out" "$work/sub"
	read -r secs kb < "$work/time"
	awk -v n="$n" -v s="$secs" -v kb="$kb" 'BEGIN {
		printf "batch of %d, review-all.pdf added: %.2f s, peak RSS " \
		    "%.1f MB\n", n, s, kb / 1024
	}'
done
