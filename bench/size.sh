#!/bin/sh
# SPDX-License-Identifier: MIT
#
# size.sh OUTDIR - code size of the library at -Os, freestanding, for
# x86_64, aarch64, riscv64, Thumb-2 (Cortex-M4) and i386.
#
# "The core" is every src/*.c file except validate.c and the on-demand API
# members: all that an embedder of the plain Linux API can link (print.c,
# the formatter behind messages and the dump, included). The on-demand
# members (free_area.c, hugetlb.c, reserve_mem.c: free_reserved_area(),
# memblock_alloc_hugetlb(), the named reservations) are Linux calls few
# early-boot programs make; each is an archive member of its own, linked
# only by a program that calls it, and shown on its own "api:" line. validate.c (memblock_validate(), an extension the
# tests use) is shown on its own line; as an archive member it is linked
# only by programs that call it. Each firmware module (src/fw/*.c) is shown
# in the default configuration, where all are on, and in an all-off one,
# where each must be empty.
#
# Sizes are ELF section sizes of the object files: text (.text*), ro
# (.rodata*, read-only data), data (.data*, .sdata*), bss (.bss*, .sbss*);
# text+ro is what the program image needs for code and constants (the
# "text" of size(1) in Berkeley format, without unwind tables), the figure
# to compare with another library compiled the same way.
# A line "helpers:" lists calls to compiler run-time helpers (e.g. 64-bit
# division), which a freestanding embedder would have to supply.
#
# The script fails (exit 1) when a disabled module is not empty or when the
# x86_64 core without the search cache and the lookup index exceeds
# SIZE_BUDGET bytes of text+ro (8,000 unless set); what they add is
# printed beside it.
set -eu

out=${1:-build/size}
budget=${SIZE_BUDGET:-8000}
status=0
SIZE=${LLVM_SIZE:-llvm-size}
NM=${LLVM_NM:-llvm-nm}
BASE="-std=c11 -Os -ffreestanding -fno-asynchronous-unwind-tables -Iinclude"
# Configuration in force, nothing optional enabled (a bool that is absent is n).
ALL_OFF="-DCONFIG_MEMBLOCK_KCONFIG=1 -DCONFIG_PHYS_ADDR_T_64BIT=1"
# The default configuration without the search cache and the lookup index
# (Kconfig's defaults otherwise): what the 8,000-byte budget of the x86_64
# core applies to.
NO_CACHE="$ALL_OFF -DCONFIG_MEMBLOCK_KHO_SCRATCH=1 -DCONFIG_MEMBLOCK_FW_E820=1
	-DCONFIG_MEMBLOCK_FW_EFI=1 -DCONFIG_MEMBLOCK_FW_MULTIBOOT=1
	-DCONFIG_MEMBLOCK_FW_FDT=1 -DCONFIG_MEMBLOCK_FW_LIMINE=1
	-DCONFIG_MEMBLOCK_FW_EXPORT=1"

arch_cc() {
	case "$1" in
	x86_64)		echo "${X86_64_CC:-gcc}" ;;
	aarch64)	echo "aarch64-linux-gnu-gcc" ;;
	riscv64)	echo "riscv64-linux-gnu-gcc" ;;
	thumb2)		echo "arm-none-eabi-gcc -mthumb -mcpu=cortex-m4" ;;
	i386)		echo "i686-linux-gnu-gcc -fno-pie" ;;
	esac
}

# sizes OBJ -> "text ro text+ro data bss"
sizes() {
	$SIZE -A "$1" | awk '
		$1 ~ /^\.text/ { t += $2 }
		$1 ~ /^\.s?rodata/ { r += $2 }
		$1 ~ /^\.s?data/ { d += $2 }
		$1 ~ /^\.s?bss/ { b += $2 }
		END { printf "%d %d %d %d %d\n", t, r, t + r, d, b }'
}

# build ARCH CONFIGNAME FLAGS FILE -> "text ro text+ro data bss" or "error"
build() {
	obj="$out/$1/$2/$(echo "$4" | tr / _).o"
	mkdir -p "$(dirname "$obj")"
	# shellcheck disable=SC2046,SC2086
	if $(arch_cc "$1") $BASE $3 -c "$4" -o "$obj" 2>"$obj.log"; then
		sizes "$obj"
	else
		echo "error"
	fi
}

helpers() {
	# shellcheck disable=SC2086
	$NM -u "$@" 2>/dev/null | awk '$2 ~ /^__(aeabi_|udiv|div|mod|umod|ashl|lshr|ashr|mul)/ { print $2 }' |
		sort -u | tr '\n' ' '
}

# Linux API calls kept in archive members of their own: linked only by a
# program that calls them, so they are shown apart from the core.
ondemand_srcs="src/free_area.c src/hugetlb.c src/reserve_mem.c"
core_srcs=$(ls src/*.c | grep -v -e '^src/validate\.c$' \
	-e '^src/free_area\.c$' -e '^src/hugetlb\.c$' -e '^src/reserve_mem\.c$')
fw_srcs=$(ls src/fw/*.c 2>/dev/null || true)
arches="x86_64 aarch64 riscv64 thumb2 i386"

printf '%-8s %-22s %7s %6s %7s %6s %6s\n' arch part text ro text+ro data bss
for a in $arches; do
	cc1=$(arch_cc "$a" | cut -d' ' -f1)
	if ! command -v "$cc1" >/dev/null 2>&1; then
		printf '%-8s (no %s)\n' "$a" "$cc1"
		continue
	fi
	t=0 r=0 d=0 b=0
	for f in $core_srcs; do
		set -- $(build "$a" default "" "$f")
		if [ "$1" = error ]; then
			printf '%-8s %-22s %7s\n' "$a" "$f" "error"
			continue
		fi
		t=$((t + $1)) r=$((r + $2)) d=$((d + $4)) b=$((b + $5))
		[ "$a" = x86_64 ] && printf '%-8s   %-20s %7d %6d %7d %6d %6d\n' "$a" "$f" "$@"
	done
	printf '%-8s %-22s %7d %6d %7d %6d %6d\n' "$a" "core" "$t" "$r" $((t + r)) "$d" "$b"
	if [ "$a" = x86_64 ]; then
		x86_default=$((t + r))
		t=0 r=0 d=0 b=0
		for f in $core_srcs; do
			# shellcheck disable=SC2086
			set -- $(build "$a" no-cache "$NO_CACHE" "$f")
			[ "$1" = error ] && { printf '%-8s %-22s %7s\n' "$a" "$f" "error"; continue; }
			t=$((t + $1)) r=$((r + $2)) d=$((d + $4)) b=$((b + $5))
		done
		printf '%-8s %-22s %7d %6d %7d %6d %6d\n' "$a" "core, no cache/index" "$t" "$r" $((t + r)) "$d" "$b"
		x86_core=$((t + r))
	fi
	for f in $ondemand_srcs; do
		set -- $(build "$a" default "" "$f")
		printf '%-8s %-22s %7s %6s %7s %6s %6s\n' "$a" "api: ${f#src/}" "$@"
	done
	set -- $(build "$a" default "" src/validate.c)
	printf '%-8s %-22s %7s %6s %7s %6s %6s\n' "$a" "ext: validate.c" "$@"
	for f in $fw_srcs; do
		set -- $(build "$a" default "" "$f")
		printf '%-8s %-22s %7s %6s %7s %6s %6s\n' "$a" "fw: ${f#src/fw/}" "$@"
	done
	h=$(helpers "$out/$a"/default/*.o)
	[ -n "$h" ] && printf '%-8s helpers: %s\n' "$a" "$h"
done

echo
echo "all-off configuration (x86_64): optional modules must be empty"
bad=0
for f in $fw_srcs; do
	set -- $(build x86_64 all-off "$ALL_OFF" "$f")
	printf '  %-22s %7s %6s %7s %6s %6s\n' "$f" "$@"
	if [ "$1" = error ]; then bad=1; elif [ $(($3 + $4 + $5)) -ne 0 ]; then bad=1; fi
done
if [ "$bad" = 0 ]; then
	echo "  all-off: ok, every disabled module is empty"
else
	echo "  all-off: FAILED, a disabled module has code or data (or did not build)"
	status=1
fi

echo
if [ -z "${x86_core:-}" ]; then
	echo "core budget: FAILED, no x86_64 core was measured"
	status=1
elif [ "$x86_core" -le "$budget" ]; then
	echo "core budget: ok, x86_64 core $x86_core of $budget bytes (text+ro) without the search cache"
	echo "  and the lookup index;"
	echo "  the two (CONFIG_MEMBLOCK_SEARCH_CACHE, CONFIG_MEMBLOCK_LOOKUP_INDEX, default y) add $((x86_default - x86_core)) bytes"
else
	echo "core budget: FAILED, x86_64 core $x86_core bytes exceeds $budget (text+ro)"
	status=1
fi
exit $status
