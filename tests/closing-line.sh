#!/bin/sh
# SPDX-License-Identifier: MIT
#
# closing-line.sh NAME OUTPUT - turn the last "name: N passed, M failed" line
# of a check's OUTPUT into a results line "NAME N M"; a check that printed
# none counts as one failure.
line=$(grep -E '^[A-Za-z0-9_.-]+: [0-9]+ passed, [0-9]+ failed' "$2" | tail -n 1)
counts=$(printf '%s\n' "$line" |
	sed -n 's/^[^:]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
echo "$1 ${counts:-0 1}"
