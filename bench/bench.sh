#!/bin/sh
# bench.sh BUILD_DIR FLOOR_RUNS STAGE_ROUNDS FACTORS BATCH_SIZES EXAMPLE...
#
# `make bench`: every measure in one run, one report on standard output
# (the Makefile also writes it to bench/results.md):
#   1. the machine (nproc, CPU model, memory, load average at the start);
#   2. every stage in one process, everything loaded once, median and
#      spread of many passes (bench/stages.c);
#   3. whole-process packet and review, cold, median of FLOOR_RUNS runs,
#      peak RSS, side by side with the floor (Pango + Cairo alone on the
#      same text, bench/floor.c) and the ratio (bench/floor.sh);
#   4. scaling: validate + evaluate at each factor of the entries
#      (bench_check -x);
#   5. batches: applicants a second at -j 1 and -j 2 (bench_batch.sh);
#   6. instructions of one cold packet and review and each stage's share
#      (bench/profile.sh, when valgrind is there);
# then bench/changes.md: what each speed change measured, dated.
# A benchmark, never a test: it prints numbers and never fails on one.
set -eu
build=$1 floor_runs=$2 rounds=$3 factors=$4 sizes=$5
shift 5
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
echo "# endorse benchmark"
echo
echo "Machine: $(nproc) CPU(s), ${cpu:-unknown CPU}, $mem memory;" \
    "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Wall-clock times with CLOCK_MONOTONIC; on a loaded machine they"
echo "vary from run to run: compare ratios measured in the same run, and"
echo "instruction counts (valgrind --tool=callgrind) for changes."
echo
echo '## 1. Every stage, one process, everything loaded once'
echo
echo '```'
"$build/stages" -n "$rounds" examples/ok-clinical-ready.xml
echo '```'
echo
echo "## 2. Whole process, cold, median of $floor_runs runs, against the floor"
echo
echo '```'
sh bench/floor.sh "$build" "$floor_runs" "$@"
echo '```'
echo
echo "## 3. Scaling (validate + evaluate) at $factors times the entries"
echo
echo '```'
"$build/bench_check" -n "$rounds" -x "$factors" "$@"
echo '```'
echo
echo '## 4. Batches'
echo
echo '```'
# shellcheck disable=SC2086
sh bench/bench_batch.sh $sizes
echo '```'
echo
echo '## 5. Instructions, one cold run (valgrind --tool=callgrind)'
echo
echo '```'
sh bench/profile.sh examples/ok-clinical-ready.xml
echo '```'
if [ -f bench/changes.md ]; then
	echo
	cat bench/changes.md
fi
