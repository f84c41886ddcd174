#!/bin/sh
# SPDX-License-Identifier: MIT
#
# check.sh BENCH PLAIN - the checksums of every workload at N = 128, 1,000
# and 10,000 must be equal for BENCH (the default configuration) and PLAIN
# (the same without the search cache and the lookup index): neither
# changes an answer.
set -eu
bench=$1 plain=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for b in "$bench" "$plain"; do
	"$b" -n 128 -n 1000 -n 10000 | tail -n +2 |
		awk '{ print $1, $(NF-3), $NF }' > "$tmp/$(basename "$(dirname "$b")")"
done
n=$(wc -l < "$tmp/bench")
if cmp -s "$tmp/bench" "$tmp/bench-plain" && [ "$n" -gt 0 ]; then
	echo "bench-check: $n checksums equal with and without the search cache and lookup index"
else
	diff "$tmp/bench" "$tmp/bench-plain" || true
	echo "bench-check: FAILED, checksums differ" >&2
	exit 1
fi
