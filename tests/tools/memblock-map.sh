#!/bin/sh
# SPDX-License-Identifier: MIT
#
# memblock-map.sh TOOL - tests of the memblock-map host tool. Ends with
# "check-tools: N passed, M failed"; exits non-zero when anything failed.
# Device-tree cases run when tests/data holds the fixtures.
set -u

tool=${1:?usage: memblock-map.sh path/to/memblock-map}
data=$(dirname "$0")/../data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/memblock-map-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "     $l"; done; }

# le VALUE BYTES: VALUE as little-endian bytes.
le() {
	v=$1 n=$2 i=0 fmt=
	while [ "$i" -lt "$n" ]; do
		fmt="$fmt\\$(printf '%03o' $(((v >> (8 * i)) & 255)))"
		i=$((i + 1))
	done
	printf "$fmt"
}

# e820 BASE SIZE TYPE: one 20-byte E820 entry.
e820() { le "$1" 8; le "$2" 8; le "$3" 4; }

# run NAME ARGS...: run the tool; stdout in $tmp/out, stderr in $tmp/err.
run() {
	"$tool" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# A PC: low RAM, the EBDA, RAM below the PCI hole, ACPI tables, RAM above 4G.
{
	e820 0x0 0x9fc00 1
	e820 0x9fc00 0x400 2
	e820 0x100000 0x7fe00000 1
	e820 0x7ff00000 0x100000 3
	e820 0x100000000 0x80000000 1
} >"$tmp/pc.e820"
# What the next stage must get: the same in whole pages (the EBDA's page
# is reserved), ACPI as reserved (2) and nothing of the driver-managed
# memory added at 6 GiB.
{
	e820 0x0 0x9f000 1
	e820 0x9f000 0x1000 2
	e820 0x100000 0x7fe00000 1
	e820 0x7ff00000 0x100000 2
	e820 0x100000000 0x80000000 1
} >"$tmp/want.e820"

# --- A Limine memory map --------------------------------------------------------

# limine BASE LENGTH TYPE: one 24-byte entry (the host is little-endian).
limine() { le "$1" 8; le "$2" 8; le "$3" 8; }
{
	limine 0x1000 0x9e000 0
	limine 0x100000 0x7f00000 0
	limine 0x7000000 0x100000 6
	limine 0xfd000000 0x300000 7
} >"$tmp/map.limine"
t="--limine imports usable memory, reserves the kernel and the framebuffer"
run --limine "$tmp/map.limine" --dump
if [ "$rc" -eq 0 ] && grep -q 'memory.cnt  = 0x2' "$tmp/out" &&
	grep -q 'reserved.cnt  = 0x2' "$tmp/out"; then
	ok "$t"
else
	bad "$t" "rc=$rc" "$(cat "$tmp/out" "$tmp/err")"
fi
head -c 30 "$tmp/map.limine" >"$tmp/bad.limine"
t="--limine refuses a file that is not whole entries"
run --limine "$tmp/bad.limine" --dump
if [ "$rc" -eq 2 ] && grep -q '24-byte Limine' "$tmp/err"; then
	ok "$t"
else
	bad "$t" "rc=$rc" "$(cat "$tmp/err")"
fi

# --- Export without driver-managed memory -----------------------------------

t="E820 + --add-driver-managed + --export-e820 leaves the driver-managed range out"
run --e820 "$tmp/pc.e820" --add-driver-managed 0x180000000,4G,1 \
	--export-e820 "$tmp/got.e820"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/want.e820" "$tmp/got.e820"; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(od -An -tx1 "$tmp/got.e820" 2>&1 | head -5)"
fi

t="the exported table imports again, without driver-managed memory"
run --e820 "$tmp/got.e820" --dump
if [ "$rc" -eq 0 ] &&
	grep -q '\[0x0000000100000000-0x000000017fffffff\], 0x0000000080000000 bytes' "$tmp/out" &&
	! grep -q 'flags: 0x8' "$tmp/out" && ! grep -q '0x0000000180000000' "$tmp/out"; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi

t="--dump shows the driver-managed region with its node and flag"
run --e820 "$tmp/pc.e820" --add-driver-managed 0x180000000,4G,1 --dump
if [ "$rc" -eq 0 ] &&
	grep -q '\[0x0000000180000000-0x000000027fffffff\], 0x0000000100000000 bytes on node 1 flags: 0x8' "$tmp/out"; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi

# --- Allocation never on driver-managed memory ------------------------------

# 16 MiB of RAM and 4 GiB of free driver-managed memory above it.
{ e820 0x1000000 0x1000000 1; } >"$tmp/small.e820"
t="--alloc never returns driver-managed memory"
run --e820 "$tmp/small.e820" --add-driver-managed 0x100000000,4G \
	--alloc 4M,1M --alloc 4M,1M --alloc 4M,1M --alloc 2M,2M
fine=yes
[ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out")" -eq 4 ] || fine=no
while read -r addr; do
	a=$((addr))
	if [ "$a" -lt $((0x1000000)) ] || [ $((a + 0x400000)) -gt $((0x2000000)) ]; then
		fine=no
	fi
done <"$tmp/out"
if [ "$fine" = yes ]; then ok "$t"; else bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"; fi

t="--alloc fails (exit 1) rather than use driver-managed memory"
run --e820 "$tmp/small.e820" --add-driver-managed 0x100000000,4G --alloc 32M,4K
if [ "$rc" -eq 1 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi

t="--free lists no driver-managed or NOMAP memory"
run --e820 "$tmp/small.e820" --add-driver-managed 0x100000000,4G \
	--mark-nomap 0x1800000,1M --reserve 0x1000000,1M --free
if [ "$rc" -eq 0 ] &&
	grep -q '\[0x0000000001100000-0x00000000017fffff\]' "$tmp/out" &&
	grep -q '\[0x0000000001900000-0x0000000001ffffff\]' "$tmp/out" &&
	[ "$(grep -c '^  \[' "$tmp/out")" -eq 2 ]; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi

t="--explain names each blocker"
run --e820 "$tmp/small.e820" --add-driver-managed 0x2000000,16M,1 \
	--mark-nomap 0x1800000,1M --reserve 0x1000000,1M \
	--explain 0xf00000,0x2000000 --explain 0x1400000,4K
if [ "$rc" -eq 0 ] &&
	grep -q '^explain \[0x0000000000f00000-0x0000000002efffff\]: 4 conflicts' "$tmp/out" &&
	grep -q '^  \[0x0000000000f00000-0x0000000000ffffff\] not memory$' "$tmp/out" &&
	grep -q '^  \[0x0000000001000000-0x00000000010fffff\] reserved flags: 0x0$' "$tmp/out" &&
	grep -q '^  \[0x0000000001800000-0x00000000018fffff\] nomap memory flags: 0x4$' "$tmp/out" &&
	grep -q '^  \[0x0000000002000000-0x0000000002ffffff\] driver-managed memory on node 1 flags: 0x8$' "$tmp/out" &&
	grep -q '^explain \[0x0000000001400000-0x0000000001400fff\]: free$' "$tmp/out"; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi

t="numbers take 0x hex, decimal and K/M/G suffixes"
run --add 0x40000000,1G --reserve 1073741824,64K --reserve 0x50000000,1m \
	--add 4G,0x1000 --dump
if [ "$rc" -eq 0 ] &&
	grep -q '\[0x0000000040000000-0x000000004000ffff\], 0x0000000000010000 bytes' "$tmp/out" &&
	grep -q '\[0x0000000050000000-0x00000000500fffff\]' "$tmp/out" &&
	grep -q '\[0x0000000100000000-0x0000000100000fff\]' "$tmp/out"; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi

# --- The picture ------------------------------------------------------------

t="--svg writes a complete SVG"
run --e820 "$tmp/pc.e820" --add-driver-managed 0x180000000,4G,1 \
	--reserve 0x1000000,32M --svg "$tmp/map.svg"
if [ "$rc" -eq 0 ] && head -1 "$tmp/map.svg" | grep -q '^<?xml' &&
	tail -1 "$tmp/map.svg" | grep -q '^</svg>$' &&
	grep -q 'driver-managed memory \[0x180000000-0x27fffffff\] 4 GiB, flags 0x8, node 1' "$tmp/map.svg" &&
	{ ! command -v xmllint >/dev/null || xmllint --noout "$tmp/map.svg"; }; then
	ok "$t"
else
	bad "$t" "exit $rc" "$(cat "$tmp/err")"
fi

# --- Bad arguments and files: exit 2, one line on stderr, nothing else -----

printf 'x' >>"$tmp/small.e820"	# 21 bytes now
printf 'not a dtb' >"$tmp/junk.dtb"
bad_args() {
	run "$@"
	if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] &&
		[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^memblock-map: ' "$tmp/err"; then
		ok "bad arguments: $* -> $(cat "$tmp/err")"
	else
		bad "bad arguments: $*" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
	fi
}
bad_args
bad_args --bogus
bad_args --reserve
bad_args --reserve 0x1000
bad_args --reserve zz,4K
bad_args --reserve 0x1000,0
bad_args --reserve 0x1000,4Q
bad_args --reserve 0xffffffffffffffff,2
bad_args --reserve 99999999999999999999,1
bad_args --add 0,1M,99999
bad_args --alloc 1M,3
bad_args --alloc 0
bad_args --dump=yes
bad_args --efi-desc-size 12
bad_args --dump --e820 "$tmp/missing.e820"
bad_args --e820 "$tmp/small.e820" --dump
bad_args --dtb "$tmp/junk.dtb"
bad_args --dump --reserve 1,1 --explain 1,x

# --- Device trees (when the fixtures exist) ---------------------------------

dtb_single=$(ls "$data"/*virt*a64*128[mM]*.dtb 2>/dev/null | head -1)
dtb_numa=$(ls "$data"/*numa*.dtb 2>/dev/null | head -1)
if [ -n "$dtb_single" ]; then
	t="--dtb $(basename "$dtb_single") --dump shows its 128 MiB"
	run --dtb "$dtb_single" --dump
	if [ "$rc" -eq 0 ] && grep -q '0x0000000040000000-0x0000000047ffffff' "$tmp/out"; then
		ok "$t"
	else
		bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
	fi
else
	echo "skip a single-node DTB test: no $data/*virt*a64*128M*.dtb"
fi
if [ -n "$dtb_numa" ]; then
	t="--dtb $(basename "$dtb_numa") --dump shows both nodes"
	run --dtb "$dtb_numa" --dump
	if [ "$rc" -eq 0 ] && grep -q 'on node 0 ' "$tmp/out" &&
		grep -q 'on node 1 ' "$tmp/out"; then
		ok "$t"
	else
		bad "$t" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
	fi
else
	echo "skip the NUMA DTB test: no $data/*numa*.dtb"
fi

echo "check-tools: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
