#!/bin/sh
# SPDX-License-Identifier: MIT
#
# oracle/run.sh [default|numa|both] [COUNT] - compare the library with
# Linux's recorded answers (../shared/oracle, 200,000 random sequences).
#
# Linux's PFN_UP() wraps for a memory region that starts in the last page
# of the address space, so for_each_mem_pfn_range() yields page frames
# from 0 there; the library does not (README, "Differences from Linux").
# To compare everything else, the library is built for this run with
# MEMBLOCK_TEST_LINUX_PFN_WRAP, which replays that wrap and nothing more.
# Without it about 3% of the sequences differ, each only in that output.
set -eu

oracle=${ORACLE_DIR:-../shared/oracle}
[ -x "$oracle/run.sh" ] || [ -f "$oracle/run.sh" ] || {
	echo "oracle: $oracle/run.sh not found (set ORACLE_DIR)" >&2
	exit 2
}
# The shared script builds into build/oracle-*; start clean so that no
# object built with other flags is reused.
rm -rf build/oracle-default build/oracle-numa
CFLAGS="-O2 -g -DMEMBLOCK_TEST_LINUX_PFN_WRAP" sh "$oracle/run.sh" "$@"
