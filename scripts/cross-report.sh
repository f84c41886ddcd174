#!/bin/sh
# SPDX-License-Identifier: MIT
#
# cross-report.sh DIR SYMBOLS BUILD... - the report of 'make cross'.
#
# DIR/BUILD/ holds the objects of one freestanding build (src/*.o for the
# core, src/fw/*.o for the firmware modules). For every BUILD this prints
#  - a size table (GNU size, Berkeley format: .text includes .rodata), core
#    and firmware modules apart;
#  - the symbols the build needs from outside the library: undefined in
#    some object and defined in none.
# It fails when a needed symbol is not listed in SYMBOLS, and names the
# source line of every call to a 64-bit division helper, which must never
# be needed.
set -eu

dir=$1
symbols=$2
shift 2
builds=$*
nbuilds=$#

NM=${NM:-llvm-nm}
OBJDUMP=${OBJDUMP:-llvm-objdump}
SIZE=${SIZE:-size}
DIVISION_HELPERS='__udivdi3 __umoddi3 __divdi3 __moddi3 __udivmoddi4
__divmoddi4 __aeabi_uldivmod __aeabi_ldivmod'

allowed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$symbols" | tr -d ' \t')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# text data bss summed over the objects given.
sizes() {
	if [ $# -eq 0 ]; then
		echo "0 0 0"
		return
	fi
	"$SIZE" -B "$@" | awk 'NR > 1 { t += $1; d += $2; b += $3 }
		END { printf "%d %d %d\n", t, d, b }'
}

modules=$(for b in $builds; do
	for o in "$dir/$b"/src/fw/*.o; do
		[ -e "$o" ] && basename "$o" .o
	done
done | sort -u)

echo "make cross: libmemblock built freestanding (-Os), bytes from 'size' (text includes rodata)"
echo
printf '%-8s %-6s | %-20s | %-20s | %-20s\n' "" "" "core (src/*.c)" \
	"fw (src/fw/*.c)" "total"
printf '%-8s %-6s | %6s %6s %6s | %6s %6s %6s | %6s %6s %6s\n' target cc \
	text data bss text data bss text data bss
for b in $builds; do
	set -- $(sizes "$dir/$b"/src/*.o)
	ct=$1 cd=$2 cb=$3
	fw_objs=$(ls "$dir/$b"/src/fw/*.o 2>/dev/null || true)
	# shellcheck disable=SC2086
	set -- $(sizes $fw_objs)
	printf '%-8s %-6s | %6d %6d %6d | %6d %6d %6d | %6d %6d %6d\n' \
		"${b%-*}" "${b##*-}" "$ct" "$cd" "$cb" "$1" "$2" "$3" \
		$((ct + $1)) $((cd + $2)) $((cb + $3))
done

if [ -n "$modules" ]; then
	echo
	echo "firmware modules, text+rodata / data / bss:"
	printf '%-8s %-6s' target cc
	for m in $modules; do printf ' | %16s' "$m"; done
	echo
	for b in $builds; do
		printf '%-8s %-6s' "${b%-*}" "${b##*-}"
		for m in $modules; do
			if [ -e "$dir/$b/src/fw/$m.o" ]; then
				set -- $(sizes "$dir/$b/src/fw/$m.o")
				printf ' | %16s' "$1/$2/$3"
			else
				printf ' | %16s' -
			fi
		done
		echo
	done
fi

echo
echo "needed from the embedder (undefined in the library, defined nowhere in it):"
bad=0
for b in $builds; do
	objs=$(find "$dir/$b" -name '*.o' | sort)
	# shellcheck disable=SC2086
	"$NM" -u $objs 2>/dev/null | awk 'NF == 2 && $1 == "U" { print $2 }
		NF == 1 && $1 !~ /:$/ { print $1 }' | sort -u >"$tmp/undef"
	# shellcheck disable=SC2086
	"$NM" --defined-only -g $objs 2>/dev/null |
		awk 'NF == 3 { print $3 }' | sort -u >"$tmp/def"
	needs=$(comm -23 "$tmp/undef" "$tmp/def" | tr '\n' ' ')
	printf '  %-15s %s\n' "$b:" "$needs"
	for s in $needs; do
		if echo "$allowed" | grep -qx -- "$s"; then
			continue
		fi
		bad=$((bad + 1))
		if echo "$DIVISION_HELPERS" | tr ' ' '\n' | grep -qx -- "$s"; then
			echo "  ERROR: $b needs the 64-bit division helper $s, called from:"
		else
			echo "  ERROR: $b needs $s, which $symbols does not list; used at:"
		fi
		# The line table tells which source line each call comes from.
		for o in $objs; do
			"$OBJDUMP" -d -r -l --no-show-raw-insn "$o" 2>/dev/null |
				awk -v sym="$s" '
					/^; \// { line = $2 }
					/R_[A-Z0-9_]+[ \t]/ {
						r = $NF; sub(/[-+]0x[0-9a-f]+$/, "", r)
						if (r == sym) print "           " line
					}'
		done | sort -u
	done
done

echo
if [ "$bad" -ne 0 ]; then
	echo "cross: FAILED, $bad symbol(s) outside $symbols"
	exit 1
fi
echo "cross: $nbuilds builds OK, every needed symbol is in $symbols"
