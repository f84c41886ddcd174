#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-suites.sh NAME RESULTS BIN... - run cmocka suite binaries, show their
# output, and append "NAME passed failed" to RESULTS. A suite that crashes
# counts its unfinished test as failed.
name=$1 results=$2
shift 2
passed=0 failed=0
for bin in "$@"; do
	out=$("$bin" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	run=$(printf '%s\n' "$out" | grep -c '^\[ RUN      \]')
	ok=$(printf '%s\n' "$out" | grep -c '^\[       OK \]')
	bad=$((run - ok))
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		bad=1
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	[ "$bad" -eq 0 ] || echo "*** $bin: $bad failed (exit $rc)"
done
echo "$name: $passed passed, $failed failed"
[ -n "$results" ] && echo "$name $passed $failed" >> "$results"
[ "$failed" -eq 0 ]
