#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run.sh [--profile] BENCH - run the benchmarks and print one table.
#
# Timings come from one native run of BENCH per workload. Instruction
# counts come from one valgrind --tool=callgrind run per workload and N,
# with instrumentation off until the bench turns it on around the measured
# phase (so only that phase counts), divided by the operations it did.
# --profile prints the top functions of each run instead, and writes the
# annotated source beside BENCH (W-N.annotate).
# BENCH_N and BENCH_W choose sizes and workloads. A workload is left out
# at sizes above its max_n (bench --targets, last field): those rows say so
# instead of giving figures. The targets are printed, never enforced.
set -eu

profile=0
if [ "${1:-}" = --profile ]; then
	profile=1
	shift
fi
bench=$1
sizes=${BENCH_N:-128 1000 10000 100000}
works=${BENCH_W:-W1 W2 W3 W4 W5 W6 W7 WI}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bench" --targets > "$tmp/targets"
# The largest N workload $1 runs at.
max_n() {
	awk -F'|' -v w="$1" '$1 ~ "^" w " " { print $4 }' "$tmp/targets"
}

nargs=""
for n in $sizes; do nargs="$nargs -n $n"; done

have_cg=0
command -v valgrind >/dev/null 2>&1 && have_cg=1
[ "$profile" = 1 ] && [ "$have_cg" = 0 ] && { echo "run.sh: no valgrind" >&2; exit 1; }

if [ "$profile" = 0 ]; then
	for w in $works; do
		# shellcheck disable=SC2086
		"$bench" -w "$w" $nargs | tail -n +2 >> "$tmp/native"
	done
fi

if [ "$have_cg" = 1 ]; then
	for w in $works; do
		maxn=$(max_n "$w")
		for n in $sizes; do
			if [ "$n" -gt "${maxn:-0}" ]; then
				[ "$profile" = 0 ] || echo "=== $w N=$n: left out (N > $maxn)"
				continue
			fi
			out="$tmp/cg.$w.$n"
			valgrind --tool=callgrind --instr-atstart=no \
				--callgrind-out-file="$out" \
				"$bench" --callgrind -w "$w" -n "$n" \
				2>"$tmp/vg.log" | tail -n +2 > "$tmp/line" ||
				{ cat "$tmp/vg.log" >&2; exit 1; }
			ops=$(awk '{ print $(NF-2) }' "$tmp/line")
			ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out")
			[ -n "$ir" ] || ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$out")
			echo "$w $n $ops $ir" >> "$tmp/cg"
			if [ "$profile" = 1 ]; then
				echo "=== $w N=$n: $ir instructions, $ops operations"
				callgrind_annotate --inclusive=no "$out" |
					sed -n "/file:function/,\$p" | head -25
				ann="$(dirname "$bench")/$w-$n.annotate"
				callgrind_annotate --auto=yes "$out" > "$ann" \
					2>/dev/null || true
				echo "(annotated source: $ann)"
			fi
		done
	done
fi
[ "$profile" = 1 ] && exit 0

[ -f "$tmp/cg" ] || : > "$tmp/cg"

awk -v cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)" '
# Whole numbers in full (not 1.94821e+06), others as given.
function whole(v) { return (v != "" && v + 0 == int(v + 0)) ? sprintf("%d", v) : v }
FILENAME == ARGV[1] {
	split($0, f, "|"); split(f[1], h, " ")
	name[h[1]] = substr(f[1], length(h[1]) + 2); linux[h[1]] = f[2]; target[h[1]] = f[3]
	next
}
FILENAME == ARGV[2] { ir[$1 " " $2] = $4 / $3; next }
{ ns[$1 " " $(NF-3)] = $(NF-1); sum[$1 " " $(NF-3)] = $NF; rows[++nr] = $1 " " $(NF-3) }
END {
	printf "libmemblock benchmarks on %s\n", cpu
	printf "%-3s %-17s %6s %10s %11s %11s %11s\n", "", "workload", "N", "ns/op", "instr/op", "target@10k", "Linux@10k"
	for (i = 1; i <= nr; i++) {
		split(rows[i], k, " ")
		t = (k[2] == 10000 && target[k[1]] + 0) ? sprintf("%11s", whole(target[k[1]])) : sprintf("%11s", "")
		l = (k[2] == 10000 && linux[k[1]] + 0) ? sprintf("%11s", whole(linux[k[1]])) : sprintf("%11s", "")
		c = (rows[i] in ir) ? sprintf("%11.1f", ir[rows[i]]) : sprintf("%11s", "-")
		if (ns[rows[i]] == "-") {
			printf "%-3s %-17s %6s  left out: over a minute under callgrind\n", k[1], name[k[1]], k[2]
			continue
		}
		printf "%-3s %-17s %6s %10s %s %s %s\n", k[1], name[k[1]], k[2], ns[rows[i]], c, t, l
	}
}' "$tmp/targets" "$tmp/cg" "$tmp/native"
