#!/bin/sh
# profile.sh EXAMPLE...: the instructions of one cold `endorse packet` and
# one `endorse review` per example (valgrind --tool=callgrind), and how
# they divide among the stages: the catalog of rule files, loading the
# schemas, stylesheets and fonts, evaluate, present, and the typesetter's
# build (shaping and measuring), draw (Cairo) and pdfpost (qpdf).
# Instruction counts hardly move with the machine's load: compare changes
# with them, not with wall-clock times.  A stage whose function is not found prints "-".
# Run from the top of the source tree (make bench-profile).
set -eu
if ! command -v valgrind >/dev/null 2>&1; then
	echo "profile.sh: valgrind is not installed (apt-get install valgrind)"
	exit 0
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/endorse-profile-XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM
# stage name, then the function whose inclusive cost it is
stages="catalog:pipeline_new load:pipeline_load evaluate:pipeline_evaluate
present:pipeline_layout_with build:build_and_paginate draw:ts_draw_all
pdfpost:pdfpost_run"
printf '%-28s %-7s %9s' example document 'M instr'
for s in $stages; do printf ' %8s' "${s%%:*}"; done
echo
# One run for the total, one per stage collecting only inside its
# function (--toggle-collect: exact inclusive costs; the functions are
# not recursive).
collected() {
	valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$@" \
	    2>&1 >/dev/null | awk '/Collected :/ { print $NF }' | tail -n 1
}
for ex in "$@"; do
	name=$(basename "$ex" .xml)
	for doc in packet review; do
		set -- ./endorse "$doc" --as-of 2025-06-30 -o "$out/x.pdf" "$ex"
		total=$(collected "$@")
		printf '%-28s %-7s %9.1f' "$name" "$doc" \
		    "$(echo "${total:-0}" | awk '{ print $1 / 1e6 }')"
		for s in $stages; do
			n=$(collected --collect-atstart=no \
			    --toggle-collect="${s#*:}" "$@")
			printf ' %8s' "$(awk -v n="${n:-0}" -v t="${total:-0}" \
			    'BEGIN { if (n > 0 && t > 0)
				printf "%.1f%%", 100 * n / t
			    else print "-" }')"
		done
		echo
	done
done
