#!/bin/sh
# SPDX-License-Identifier: MIT
#
# config-guard.sh CC LIB - a program built with another configuration than
# the library must fail to link, and the undefined symbol must name the
# setting that differs. LIB is built with the default configuration.
# Ends with "check-config-guard: N passed, M failed".
set -u
cc=$1 lib=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guard.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0

# try NAME EXPECTED-SYMBOL CFLAGS...: EXPECTED-SYMBOL "" means it must link.
try() {
	name=$1 want=$2
	shift 2
	if $cc -std=c11 -Iinclude "$@" tests/compat/config_guard.c "$lib" \
		-o "$tmp/prog" 2>"$tmp/err"; then
		if [ -z "$want" ] && "$tmp/prog"; then
			passed=$((passed + 1)); echo "ok   $name: links and runs"
		else
			failed=$((failed + 1)); echo "FAIL $name: linked"
		fi
	elif [ -n "$want" ] && grep -q "$want" "$tmp/err"; then
		passed=$((passed + 1)); echo "ok   $name: refused, naming $want"
	else
		failed=$((failed + 1)); echo "FAIL $name:"; cat "$tmp/err"
	fi
}

try "the library's configuration" ""
try "32-bit phys_addr_t" memblock_config_phys_addr_t_32bit \
	-DCONFIG_MEMBLOCK_KCONFIG=1 -DCONFIG_MEMBLOCK_KHO_SCRATCH=1
try "NUMA" memblock_config_numa_y -DCONFIG_NUMA=1
try "physmem" memblock_config_physmem_y -DCONFIG_HAVE_MEMBLOCK_PHYS_MAP=1
try "NODES_SHIFT" memblock_config_nodes_shift_3 -DCONFIG_NODES_SHIFT=3
echo "check-config-guard: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
