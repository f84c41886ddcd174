#!/bin/sh
# SPDX-License-Identifier: MIT
#
# help.sh - 'make help' is complete and lists each target once.
#
# Every .PHONY target of the Makefiles is either named by 'make help' or is
# a step of a named one (the patterns below); the main targets are named;
# no target is named twice. Ends with "check-help: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."

passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

help=$(make -s --no-print-directory help)
# Target names: the first word of each "  name  - text" line, and the
# configuration line's comma list.
listed=$(printf '%s\n' "$help" | awk '
	/^  [a-z][a-z0-9-]* +- / { print $1 }
	/^  defconfig,/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) print $i }')

dups=$(printf '%s\n' "$listed" | sort | uniq -d | tr '\n' ' ')
[ -z "$dups" ] && ok || bad "named more than once: $dups"

for t in all lib install uninstall clean distclean check run defconfig \
	olddefconfig menuconfig savedefconfig; do
	printf '%s\n' "$listed" | grep -qx "$t" && ok || bad "main target $t is not in make help"
done

# Steps of named targets, run through them and not meant to be typed.
internal() {
	case "$1" in
	FORCE|help|'$(1)'|*'$(1)'*|*-bin|*-bins|test-bins|examples) return 0 ;;
	example-*|run-*|embed-tree|embed-*-gcc|embed-*-clang) return 0 ;;
	analyze-*|cross-deps|fuzz-build) return 0 ;;
	check-compat|check-config-guard|check-cxx|check-kernel-types|check-help) return 0 ;;
	esac
	return 1
}

phony=$(make -pRrq -f Makefile : 2>/dev/null | sed -n 's/^\.PHONY: //p' |
	tr ' ' '\n' | sort -u)
for t in $phony; do
	if printf '%s\n' "$listed" | grep -qx -- "$t"; then
		ok
	elif internal "$t"; then
		ok
	else
		bad "target $t is neither in make help nor a step of one"
	fi
done

echo "check-help: $passed passed, $failed failed"
[ "$failed" = 0 ]
