#!/bin/sh
# SPDX-License-Identifier: MIT
#
# boot-check.sh [-q] NAME STATUS LOG TIMEOUT [EXPECTED-LINE...] -- QEMU-COMMAND...
#
# Boots one example kernel and judges it. QEMU runs under 'timeout' with
# stdin from /dev/null; its console output goes to LOG (and to the terminal
# too, unless -q). The boot passes when QEMU exits with STATUS, the log has
# a line that is exactly "PASS", and every EXPECTED-LINE occurs in the log
# (as a fixed string, carriage returns removed). Prints one closing line:
#   NAME: ok (0.12 s)    or    NAME: FAILED (why) - see LOG
set -u

quiet=0
if [ "${1:-}" = -q ]; then
	quiet=1
	shift
fi
name=$1 want=$2 log=$3 limit=$4
shift 4
n=0
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	n=$((n + 1))
	eval "expect_$n=\$1"
	shift
done
[ "${1:-}" = -- ] && shift

mkdir -p "$(dirname "$log")"
start=$(date +%s%N)
if [ $quiet = 1 ]; then
	timeout "$limit" "$@" </dev/null >"$log.raw" 2>&1
	status=$?
else
	{ timeout "$limit" "$@" </dev/null 2>&1; echo $? >"$log.status"; } |
		tee "$log.raw"
	status=$(cat "$log.status")
	rm -f "$log.status"
fi
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
secs=$(printf '%d.%02d s' $((elapsed / 1000)) $((elapsed % 1000 / 10)))
tr -d '\r' <"$log.raw" >"$log"
rm -f "$log.raw"

why=""
if [ "$status" = 124 ]; then
	why="timed out after $limit s"
elif [ "$status" != "$want" ]; then
	why="QEMU exit status $status, expected $want"
fi
if ! grep -qx PASS "$log"; then
	why="${why:+$why; }no PASS line"
fi
i=1
while [ $i -le $n ]; do
	eval "line=\$expect_$i"
	if ! grep -qF -- "$line" "$log"; then
		why="${why:+$why; }missing line '$line'"
	fi
	i=$((i + 1))
done

if [ -n "$why" ]; then
	echo "$name: FAILED ($why) - see $log"
	exit 1
fi
echo "$name: ok, QEMU exit status $status ($secs)"
