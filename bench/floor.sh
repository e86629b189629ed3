#!/bin/sh
# floor.sh: endorse against the floor (Pango + Cairo alone, bench/floor.c)
# on the same text, cold, whole process, median of RUNS runs each.
#
#	bench/floor.sh BUILD_DIR RUNS EXAMPLE...
#
# For each example and document kind (packet, review): the layout that
# endorse makes is turned into the floor's text once (bench/layout-text.xsl,
# outside the timed part), then endorse and the floor are run one after the
# other, RUNS times each, interleaved, and their medians, peak RSS and the
# ratio are printed.  A benchmark: it prints numbers, it never fails on one.
set -eu
build=$1 runs=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
as_of=2025-06-30

# the median of column 1 of "runs" lines; the largest peak RSS (column 4)
median() { sort -n "$1" | awk '{ v[NR] = $1 } END {
	print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peak() { sort -n -k4 "$1" | tail -n 1 | cut -d' ' -f4; }

printf '%-32s %-7s %7s %9s %9s %7s %7s %6s\n' example document chars \
    'endorse' 'floor' 'RSS MB' 'floor' ratio
printf '%-32s %-7s %7s %9s %9s %7s %7s %6s\n' '' '' '' '(ms)' '(ms)' \
    endorse 'MB' ''
for f in "$@"; do
	b=$(basename "$f" .xml)
	for kind in packet review; do
		./endorse "$kind" --as-of $as_of --emit layout "$f" \
		    > "$tmp/$b.$kind.layout.xml" 2>/dev/null || true
		"$build/layout_text" bench/layout-text.xsl \
		    "$tmp/$b.$kind.layout.xml" > "$tmp/$b.$kind.txt"
		# printed characters: the text minus the line-format tags
		chars=$(cut -f2- "$tmp/$b.$kind.txt" | tr -d '\t\n' |
		    wc -m)
		: > "$tmp/e.runs"
		: > "$tmp/f.runs"
		i=0
		while [ $i -lt "$runs" ]; do
			"$build/runs" 1 ./endorse "$kind" --as-of $as_of \
			    -o "$tmp/e.pdf" "$f" >> "$tmp/e.runs"
			"$build/runs" 1 "$build/floor" fonts \
			    "$tmp/$b.$kind.txt" "$tmp/f.pdf" >> "$tmp/f.runs"
			i=$((i + 1))
		done
		e_ms=$(median "$tmp/e.runs" 1) e_rss=$(peak "$tmp/e.runs")
		f_ms=$(median "$tmp/f.runs" 1) f_rss=$(peak "$tmp/f.runs")
		awk -v b="$b" -v k="$kind" -v c="$chars" -v e="$e_ms" \
		    -v fl="$f_ms" -v er="$e_rss" -v fr="$f_rss" 'BEGIN {
			printf "%-32s %-7s %7d %9.1f %9.1f %7.1f %7.1f %5.2fx\n",
			    b, k, c, e, fl, er / 1024, fr / 1024, e / fl }'
	done
done
