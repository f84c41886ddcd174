#!/bin/sh
# SPDX-License-Identifier: MIT
#
# summarize.sh RESULTS - add up the per-configuration lines of run-suites.sh
# and print the closing line; fail when anything failed or nothing ran.
[ -f "$1" ] || { echo "check: 0 passed, 1 failed"; exit 1; }
awk '
	{ p += $2; f += $3; printf "  %-10s %5d passed, %d failed%s\n", $1, $2, $3, ($4 ? " (" $4 " failed)" : "") }
	END {
		printf "check: %d passed, %d failed\n", p, f
		exit (f > 0 || p == 0) ? 1 : 0
	}' "$1"
