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

# has TEXT...: $tmp/out holds every TEXT (fixed strings).
has() {
	for want in "$@"; do
		grep -qF -- "$want" "$tmp/out" || return 1
	done
}

# lacks TEXT...: $tmp/out holds none of them.
lacks() {
	for want in "$@"; do
		! grep -qF -- "$want" "$tmp/out" || return 1
	done
}

# check NAME CONDITION...: ok if the command CONDITION succeeds, else
# bad with the exit status, stdout and stderr of the last run.
check() {
	t=$1
	shift
	if "$@"; then
		ok "$t"
	else
		bad "$t" "exit $rc" "$(head -c 3000 "$tmp/out")" "$(cat "$tmp/err")"
	fi
}

# status N: the last run exited with N.
status() { [ "$rc" -eq "$1" ]; }

# quiet: the last run wrote nothing on stderr.
quiet() { [ ! -s "$tmp/err" ]; }

# one_error PATTERN: exit 2, no output, one line on stderr matching the
# (basic) regular expression PATTERN.
one_error() {
	[ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] &&
		[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q -- "$1" "$tmp/err"
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

# --- Addresses always in 0x hex ------------------------------------------------

# C's "%#x" prints zero without 0x; every address here starts with 0x.
t="address 0 is printed as 0x0000000000000000 by --free and --explain"
run --add 0,1M --free --explain 0,4K --reserve 0,4K --explain 0,8K
check "$t" eval 'status 0 && quiet &&
	has "  [0x0000000000000000-0x00000000000fffff], 0x100000 bytes" \
	    "explain [0x0000000000000000-0x0000000000000fff]: free" \
	    "explain [0x0000000000000000-0x0000000000001fff]: 1 conflict" \
	    "  [0x0000000000000000-0x0000000000000fff] reserved flags: 0x0" &&
	lacks "000000000000000000"'
t="--alloc prints 0x and sixteen digits"
run --add 0,1M --reserve 0x80000,0x80000 --alloc 4K,4K
check "$t" eval 'status 0 && [ "$(cat "$tmp/out")" = 0x000000000007f000 ]'
t="a total of nothing free is 0x0"
run --free
check "$t" eval 'status 0 && has " total free = 0x0" &&
	! grep -qx " total free = 0" "$tmp/out"'
t="--svg writes 0x before address 0 in tooltips and on the axis"
run --add 0,1M --reserve 0,4K --svg "$tmp/zero.svg"
check "$t" eval 'status 0 && grep -qF "[0x0-0xfffff]" "$tmp/zero.svg" &&
	grep -qF ">0x0</text>" "$tmp/zero.svg" &&
	! grep -qE "\[0-|>0</text>" "$tmp/zero.svg"'

# --- Boot logs of real machines (tests/data/real/dmesg) ---------------------

logs=$data/real/dmesg
t="--dmesg ASUS ZenBook UX391FA (5.3): the BIOS-e820 lines, not the efi ones"
run --dmesg "$logs/asus-zenbook-ux391fa.dmesg" --dump
check "$t" eval 'status 0 && quiet && has "memory size = 0x00000003f439b000" \
	"memory.cnt  = 0x4" "reserved.cnt  = 0x9" \
	"[0x0000000000000000-0x000000000009efff], 0x000000000009f000 bytes flags: 0x0" \
	"[0x000000007a40e000-0x000000007a40efff], 0x0000000000001000 bytes flags: 0x0" \
	"[0x0000000100000000-0x000000047dffffff], 0x000000037e000000 bytes flags: 0x0" \
	"reserved[0x1]	[0x00000000763fb000-0x000000007a40dfff]"'

t="--dmesg-source efi: the same laptop from its efi=debug descriptors"
run --dmesg-source efi --dmesg "$logs/asus-zenbook-ux391fa.dmesg" --dump
# Runtime, reserved and cacheable MMIO descriptors are NOMAP memory, ACPI
# reclaim memory is also reserved, uncached MMIO is left out, and mem41
# (printed as "attr=0x070000000000000f") is cacheable.
check "$t" eval 'status 0 && quiet && has "memory.cnt  = 0xd" \
	"[0x0000000000000000-0x000000000009efff], 0x000000000009f000 bytes flags: 0x0" \
	"[0x00000000799f7000-0x000000007a40dfff], 0x0000000000a17000 bytes flags: 0x4" \
	"[0x000000007a40f000-0x000000007a7fffff], 0x00000000003f1000 bytes flags: 0x4" \
	"[0x00000000f0000000-0x00000000f7ffffff], 0x0000000008000000 bytes flags: 0x4" \
	"reserved.cnt  = 0x1" \
	"reserved[0x0]	[0x000000007997a000-0x00000000799f6fff]" &&
	lacks 0x00000000fe000000 0x00000000fee00000 0x000000007a800000'

t="--dmesg Dell Precision 5810 (4.15, journal 'host kernel:' prefix)"
run --dmesg "$logs/dell-precision-5810.dmesg" --dump
check "$t" eval 'status 0 && quiet && has "memory size = 0x00000007fb477800" \
	"memory.cnt  = 0x5" "reserved.cnt  = 0x7" \
	"memory[0x0]	[0x0000000000000000-0x000000000009e7ff]" \
	"[0x0000000100000000-0x000000085fffffff], 0x0000000760000000 bytes" \
	"[0x00000000998f2000-0x000000009b40afff]"'

t="--dmesg Lenovo ThinkPad T14 Gen 1 (7.1: System RAM, device reserved, [gap])"
run --dmesg "$logs/lenovo-thinkpad-t14-gen1.dmesg" --dump
check "$t" eval 'status 0 && quiet && has "memory size = 0x00000007f0857000" \
	"memory.cnt  = 0x4" "reserved.cnt  = 0x4" \
	"[0x00000000a974f000-0x00000000a974ffff], 0x0000000000001000 bytes" \
	"[0x0000000100000000-0x000000084c7fffff]" \
	"[0x00000000a40b7000-0x00000000a974efff]" && lacks 0x00000000af800000'

t="--dmesg Huawei arm64 server (efi:   0x... lines, MR columns, 40 TiB of address space)"
run --dmesg "$logs/huawei-arm64-mirror.dmesg" --dump
check "$t" eval 'status 0 && quiet && has "memory size = 0x00000070aff10000" \
	"memory.cnt  = 0xe" "reserved.cnt  = 0x0" \
	"[0x0000000000000000-0x0000000003ffffff], 0x0000000004000000 bytes flags: 0x4" \
	"[0x000000005fff0000-0x000000007fffffff], 0x0000000020010000 bytes flags: 0x0" \
	"[0x0000284400000000-0x0000285fffffffff], 0x0000001c00000000 bytes flags: 0x0" &&
	lacks "[0x0000000004000000-" "[0x00000004002c0000-" &&
	[ "$(grep -c "flags: 0x4" "$tmp/out")" -eq 6 ]'

t="--dmesg HP Superdome2 16s (4.0, 12 TiB): E820 and the old 'range=[...)' efi lines agree"
run --dmesg "$logs/hp-superdome2-16s.dmesg" --dump
cp "$tmp/out" "$tmp/hp-e820"
run --dmesg-source efi --dmesg "$logs/hp-superdome2-16s.dmesg" --dump
check "$t" eval 'status 0 && quiet &&
	grep -qF "memory.cnt  = 0x8" "$tmp/hp-e820" &&
	grep -qF "reserved.cnt  = 0x1a" "$tmp/hp-e820" &&
	grep -qF "[0x000000e000001000-0x00000c1fffffffff], 0x00000b3ffffff000 bytes flags: 0x0" "$tmp/hp-e820" &&
	has "memory.cnt  = 0xe" \
	"[0x000000e000001000-0x00000c1fffffffff], 0x00000b3ffffff000 bytes flags: 0x0" \
	"[0x0000000078bff000-0x000000007bdfefff], 0x0000000003200000 bytes flags: 0x4" \
	"reserved[0x0]	[0x000000007bdff000-0x000000007bffefff]" &&
	lacks 0x0000000080000000 0x00000fdfe0000000'

t="--dmesg nForce3 Athlon 64 (2.6.12: 'BIOS-e820: S - E (type)', exclusive ends)"
run --dmesg "$logs/nforce3-athlon64.dmesg" --dump
check "$t" eval 'status 0 && quiet && has "memory.cnt  = 0x2" "reserved.cnt  = 0x7" \
	"[0x0000000000000000-0x000000000009cfff], 0x000000000009d000 bytes" \
	"[0x0000000000100000-0x000000003ffeffff], 0x000000003fef0000 bytes" \
	"[0x000000003fff0000-0x000000003fffffff], 0x0000000000010000 bytes" \
	"[0x00000000fefffc00-0x00000000feffffff], 0x0000000000000400 bytes"'

t="--dmesg Synology DS1813+ excerpt ('type=N, attr=0x...' efi lines)"
run --dmesg "$logs/synology-ds1813plus-efi-excerpt.dmesg" --dump
check "$t" eval 'status 0 && quiet && has "memory.cnt  = 0x9" \
	"[0x00000000df344000-0x00000000df344fff], 0x0000000000001000 bytes flags: 0x0" \
	"[0x00000000df363000-0x00000000df37afff], 0x0000000000018000 bytes flags: 0x4" \
	"[0x00000000df37b000-0x00000000df37bfff], 0x0000000000001000 bytes flags: 0x0" &&
	[ "$(grep -c "flags: 0x4" "$tmp/out")" -eq 4 ]'

t="--dmesg - reads the log from standard input"
run --dmesg "$logs/dell-precision-5810.dmesg" --dump
cp "$tmp/out" "$tmp/from-file"
"$tool" --dmesg - --dump <"$logs/dell-precision-5810.dmesg" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "$t" eval 'status 0 && quiet && cmp -s "$tmp/out" "$tmp/from-file"'

# The same log with the other prefixes Linux's tools write: none, caller
# ids, dmesg -x -T, quoting in mail, DOS line ends. The map must not change.
sandbox=$logs/sandbox-firecracker-6.18.dmesg
run --dmesg "$sandbox" --dump
cp "$tmp/out" "$tmp/sandbox-dump"
n=0
for sedexpr in 's/^\[ *[0-9.]*\] //' \
	's/^\(\[ *[0-9.]*\]\)/\1[    T0]/' \
	's/^\[ *[0-9.]*\] /kern  :info  : [Wed Dec  2 09:30:00 2026] /' \
	's/^/> /' 's/$/\r/'; do
	n=$((n + 1))
	sed "$sedexpr" "$sandbox" >"$tmp/prefixed$n.log"
	run --dmesg "$tmp/prefixed$n.log" --dump
	check "--dmesg reads the lines behind prefix $n ($sedexpr)" \
		eval 'status 0 && quiet && cmp -s "$tmp/out" "$tmp/sandbox-dump"'
done

# --- /sys/firmware/memmap (tests/data/real/sysfs-memmap-*) ------------------

tree=$data/real/sysfs-memmap-firecracker-6.18
t="--sysfs of the copied tree gives the map of the same boot's log"
run --sysfs "$tree" --dump
check "$t" eval 'status 0 && quiet && cmp -s "$tmp/out" "$tmp/sandbox-dump" &&
	has "memory.cnt  = 0x3" "reserved.cnt  = 0x2"'
t="--sysfs=DIR is the same as --sysfs DIR"
run --sysfs="$tree" --dump
check "$t" eval 'status 0 && cmp -s "$tmp/out" "$tmp/sandbox-dump"'
if [ -r /sys/firmware/memmap/0/type ]; then
	t="--sysfs with no DIR reads this machine's /sys/firmware/memmap"
	run --sysfs --dump
	check "$t" eval 'status 0 && quiet && has "memory.cnt  = "'
else
	echo "skip --sysfs of this machine: no /sys/firmware/memmap"
fi

# mktree NAME: a writable copy of the tree in $tmp/NAME.
mktree() {
	rm -rf "${tmp:?}/$1"
	cp -R "$tree" "$tmp/$1"
}
mktree every-type
i=10
for name in "Reserved" "ACPI Tables" "ACPI Non-volatile Storage" \
	"Unusable memory" "Persistent Memory (legacy)" "Persistent Memory" \
	"Soft Reserved" "Unknown E820 type"; do
	mkdir "$tmp/every-type/$i"
	printf '0x%x\n' $((0x1000000000 + (i - 10) * 0x100000)) >"$tmp/every-type/$i/start"
	printf '0x%x\n' $((0x1000000000 + (i - 10) * 0x100000 + 0xfffff)) >"$tmp/every-type/$i/end"
	echo "$name" >"$tmp/every-type/$i/type"
	i=$((i + 1))
done
t="--sysfs maps every type name Linux writes; none of them is memory"
run --sysfs "$tmp/every-type" --dump
check "$t" eval 'status 0 && quiet && has "memory.cnt  = 0x3" \
	"[0x0000001000000000-0x00000010007fffff], 0x0000000000800000 bytes"'

mktree empty-entry
printf '0x100000000\n' >"$tmp/empty-entry/4/start"
printf '0xffffffff\n' >"$tmp/empty-entry/4/end"
t="--sysfs: an empty entry (end = start - 1) is ignored with a warning"
run --sysfs "$tmp/empty-entry" --dump
check "$t" eval 'status 0 && has "memory.cnt  = 0x2" &&
	[ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	grep -q "/4: warning: empty range at 0x100000000, ignored" "$tmp/err"'

# bad_tree NAME PATTERN: --sysfs $tmp/NAME fails with one line matching PATTERN.
bad_tree() {
	run --sysfs "$tmp/$1" --dump
	check "--sysfs refuses $1: $(cat "$tmp/err")" one_error "$2"
}
mktree end-below-start
printf '0xfff\n' >"$tmp/end-below-start/2/end"
bad_tree end-below-start "end-below-start/2: the range ends (0xfff) below its start (0x100000)"
mktree unknown-type
echo "Cheese" >"$tmp/unknown-type/1/type"
bad_tree unknown-type "unknown-type/1/type: unknown memory type 'Cheese'"
mktree not-hex
echo "4096" >"$tmp/not-hex/0/start"
bad_tree not-hex "not-hex/0/start: '4096' is not a 0x hex address"
mktree too-big
echo "0x10000000000000000" >"$tmp/too-big/3/end"
bad_tree too-big "too-big/3/end: '0x10000000000000000' does not fit in 64 bits"
mktree missing-end
rm "$tmp/missing-end/3/end"
bad_tree missing-end "missing-end/3/end: No such file or directory"
mkdir "$tmp/no-entries"
bad_tree no-entries "no-entries: no numbered entries"

# --- Bad boot logs ------------------------------------------------------------

# bad_log NAME PATTERN [ARGS...]: the lines on stdin as a log; --dmesg must
# fail with one line on stderr matching PATTERN (name:line: message).
bad_log() {
	name=$1 pattern=$2
	shift 2
	cat >"$tmp/$name.log"
	run "$@" --dmesg "$tmp/$name.log" --dump
	check "--dmesg refuses $name: $(cat "$tmp/err")" one_error "$pattern"
}
printf 'Linux version 7.0\nBIOS-provided physical RAM map:\nBIOS-e820: [mem 0x0000000000000000-0x000000000009efff] usable\nBIOS-e820: [mem\n0x0000000000100000-0x00000000a40b6fff]  System RAM\n' |
	bad_log wrapped-line "wrapped-line.log:4: expected '\[mem 0xSTART-0xEND\] TYPE'"
printf 'BIOS-e820: [mem 0x0000000000000000-0x000000000009efff] usabel\n' |
	bad_log unknown-type "unknown-type.log:1: unknown E820 type 'usabel'"
printf '[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009efff] usable\n[    0.000000] BIOS-e820: [mem 0x0000000000200000-0x00000000000fffff] usable\n' |
	bad_log end-below-start "end-below-start.log:2: the range ends (0xfffff) below its start (0x200000)"
printf 'BIOS-e820: [mem 0x0000000000100000-0x10000000000000000] usable\n' |
	bad_log end-too-big "end-too-big.log:1: the end address does not fit in 64 bits"
printf 'BIOS-e820: [mem 0x0000000000100000-0xffffffffffffffff] reserved\n' |
	bad_log end-at-2-64 "end-at-2-64.log:1: the range \[0x100000-0xffffffffffffffff\] reaches the end of the 64-bit address space"
printf ' BIOS-e820: 0000000000100000 - 00000000000ff000 (usable)\n' |
	bad_log old-end-below-start "old-end-below-start.log:1: the range ends (0xff000) below its start (0x100000)"
printf 'efi: mem00: [Conventional|   |  |  |  |  |  |  |  |  |   |WB|WT|WC|UC] range=[0x0000000000000000-0x0000000000ffffff] (16MB)\nefi: mem01: [Runtime Data|RUN|  |  |  |  |  |  |  |  |   |WB|WT|WC|UC] range=[0x0000000000800000-0x0000000000800fff] (0MB)\n' |
	bad_log efi-overlap "efi-overlap.log:2: UEFI type 6 overlaps type 7 of line 1"
printf 'efi:   0x000040000000-0x0000400007ff [Conventional|   |  |  |  |  |  |  |  |  |   |WB|  |  |  ]\n' |
	bad_log efi-not-pages "efi-not-pages.log:1: \[0x40000000+0x800\] is not whole 4 KiB pages"
printf 'efi:   0x000040000000-0x000047dfcfff [Conventional|   |  |MR|...|WB|WT|WC|  ]\n' |
	bad_log efi-elided "efi-elided.log:1: '...' is not a UEFI attribute column"
printf 'efi: mem00: [Cheese      |   |  |  |  |  |  |  |  |  |   |WB|WT|WC|UC] range=[0x0000000000000000-0x0000000000000fff] (0MB)\n' |
	bad_log efi-type "efi-type.log:1: unknown UEFI memory type 'Cheese'"
printf 'efi: mem00: type=7, attr=0xf, range=[0x0000000000000000-0x0000000000001000) (0MB)\nefi: mem01: type=7, attr=0xf, range=[0x0000000000001000-0x0000000000002000 (0MB)\n' |
	bad_log efi-unclosed "efi-unclosed.log:2: expected '\]' or ')' after the end address"
cat "$logs/dell-precision-5810.dmesg" "$logs/dell-precision-5810.dmesg" |
	bad_log two-boots "two-boots.log:42: a second 'BIOS-provided physical RAM map' (the first is on line 10)"
grep 'mem0[0-3]:' "$logs/asus-zenbook-ux391fa.dmesg" >"$tmp/efi4"
cat "$tmp/efi4" "$tmp/efi4" |
	bad_log two-efi-maps "two-efi-maps.log:5: mem00 follows mem03 of line 4: a second UEFI map"
printf 'Linux version 6.1\nefi: EFI v2.70 by EDK II\n' |
	bad_log no-map "no-map.log: no memory map in this log"
bad_log no-efi "no-efi.log: no UEFI memory map lines" --dmesg-source efi \
	<"$logs/dell-precision-5810.dmesg"
bad_log no-e820 "no-e820.log: no BIOS-e820 lines" --dmesg-source e820 \
	<"$logs/huawei-arm64-mirror.dmesg"
printf 'BIOS-e820: [mem 0x0000000000000000-0x000000000009efff] usable\000\n' |
	bad_log binary "binary.log: not a text file"

t="--dmesg: overlapping E820 entries are sanitized (larger type wins), with a warning"
printf 'BIOS-e820: [mem 0x0000000000100000-0x00000000bfffffff] usable\nBIOS-e820: [mem 0x0000000000200000-0x00000000002fffff] reserved\n' >"$tmp/overlap.log"
run --dmesg "$tmp/overlap.log" --dump
check "$t" eval 'status 0 && has "memory.cnt  = 0x2" \
	"[0x0000000000100000-0x00000000001fffff]" \
	"[0x0000000000300000-0x00000000bfffffff]" \
	"reserved[0x0]	[0x0000000000200000-0x00000000002fffff]" &&
	[ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	grep -q "overlap.log:2: warning: type 2 overlaps type 1 of line 1" "$tmp/err"'

t="--dmesg: UEFI descriptors of one type that overlap are imported, with a warning"
printf 'efi:   0x000040000000-0x000047ffffff [Conventional|   |  |  |  |  |  |  |  |  |   |WB|  |  |  ]\nefi:   0x000044000000-0x00004bffffff [Conventional|   |  |  |  |  |  |  |  |  |   |WB|  |  |  ]\n' >"$tmp/efi-same.log"
run --dmesg "$tmp/efi-same.log" --dump
check "$t" eval 'status 0 && has "memory.cnt  = 0x1" \
	"[0x0000000040000000-0x000000004bffffff], 0x000000000c000000 bytes flags: 0x0" &&
	[ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	grep -q "efi-same.log:2: warning: overlaps line 1, of the same UEFI type" "$tmp/err"'

t="--dmesg: an empty range ([S-E) with E = S) is ignored with a warning"
printf 'BIOS-e820: 0000000000000000 - 000000000009f000 (usable)\nBIOS-e820: 0000000000100000 - 0000000000100000 (usable)\n' >"$tmp/empty.log"
run --dmesg "$tmp/empty.log" --dump
check "$t" eval 'status 0 && has "memory.cnt  = 0x1" &&
	[ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	grep -q "empty.log:2: warning: empty range at 0x100000, ignored" "$tmp/err"'

# --- The picture of a large machine ---------------------------------------------

t="--svg of the 12 TiB HP map: valid, every region at least 16 px wide, every edge labelled"
run --dmesg "$logs/hp-superdome2-16s.dmesg" --svg "$tmp/hp.svg"
rc1=$rc
run --dmesg "$logs/hp-superdome2-16s.dmesg" --svg "$tmp/hp2.svg"
# Widths of the region rectangles (those with a tooltip of a region).
grep -E '<rect [^>]*><title>(memory|nomap|driver|reserved|node of)' "$tmp/hp.svg" |
	sed 's/.* width="\([0-9.]*\)".*/\1/' >"$tmp/widths"
check "$t" eval '[ "$rc1" -eq 0 ] && status 0 &&
	{ ! command -v xmllint >/dev/null || xmllint --noout "$tmp/hp.svg"; } &&
	[ "$(wc -l <"$tmp/widths")" -eq 42 ] &&
	awk "\$1 < 16 { exit 1 }" "$tmp/widths" &&
	grep -qF ">0x0</text>" "$tmp/hp.svg" &&
	grep -qF ">0xe000001000</text>" "$tmp/hp.svg" &&
	grep -qF ">0xc2000000000</text>" "$tmp/hp.svg" &&
	grep -qF "class=\"addr end\">0xfe800000000</text>" "$tmp/hp.svg"'
t="--svg is deterministic: the same map gives the same bytes"
check "$t" cmp -s "$tmp/hp.svg" "$tmp/hp2.svg"

t="--svg of the 33 GiB ThinkPad: the 4 KiB region below 4 GiB is 16 px or more"
run --dmesg "$logs/lenovo-thinkpad-t14-gen1.dmesg" --svg "$tmp/t14.svg"
check "$t" eval 'status 0 &&
	grep -F "<title>memory [0xa974f000-0xa974ffff] 4 KiB" "$tmp/t14.svg" |
	sed "s/.* width=\"\([0-9.]*\)\".*/\1/" |
	awk "\$1 < 16 { narrow = 1 } END { exit narrow || NR != 1 }"'

# --- The manual page ------------------------------------------------------------

man=$(dirname "$0")/../../tools/memblock-map/memblock-map.1
if [ -r "$man" ]; then
	"$tool" --help >"$tmp/help"
	missing=
	# Each option as a tagged paragraph: ".B \-\-dump", ".BI \-\-dtb " file"".
	for o in $(grep -o '^  --[a-z0-9-]*' "$tmp/help"); do
		sed 's/\\-/-/g' "$man" | grep -qE -- "^\\.(B|BI|BR) $o( |\$)" ||
			missing="$missing $o"
	done
	t="the manual page documents every option of --help"
	if [ -z "$missing" ]; then ok "$t"; else bad "$t" "missing:$missing"; fi
	if command -v groff >/dev/null; then
		t="the manual page formats without groff warnings"
		if groff -man -Tutf8 -ww -z "$man" 2>"$tmp/groff" && [ ! -s "$tmp/groff" ]; then
			ok "$t"
		else
			bad "$t" "$(cat "$tmp/groff")"
		fi
	fi
else
	echo "skip the manual page checks: run from the top of the tree"
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
bad_args --dmesg-source both --dump
bad_args --dmesg
bad_args --dmesg "$tmp/missing.log" --dump
bad_args --sysfs=
bad_args --dmesg - --e820 -

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
