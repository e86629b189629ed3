#!/bin/sh
# run.sh PROGRAM...: run every cmocka test program, then sum up.
#
# Each program prints cmocka's own report; the last lines here add the
# counts over all programs, in cmocka's words, so that the end of
# 'make test' says how many tests ran and whether all passed.
total=0 passed=0 failed=0 bad_programs=""
for t in "$@"; do
	out=$("$t" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	ran=$(printf '%s\n' "$out" | grep '^\[==========\].* test(s) run\.' | tail -n 1 | grep -o '[0-9][0-9]* test' | grep -o '[0-9]*')
	ok=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\./\1/p' | tail -n 1)
	total=$((total + ${ran:-0}))
	passed=$((passed + ${ok:-0}))
	if [ "$rc" -ne 0 ] || [ -z "$ran" ]; then
		bad_programs="$bad_programs ${t##*/}"
	fi
done
failed=$((total - passed))
echo
echo "[==========] all programs: $total test(s) run."
echo "[  PASSED  ] $passed test(s)."
if [ -n "$bad_programs" ]; then
	echo "[  FAILED  ] $failed test(s); failing or unfinished programs:$bad_programs"
	exit 1
fi
exit 0
