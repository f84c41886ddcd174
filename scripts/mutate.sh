#!/bin/sh
# SPDX-License-Identifier: MIT
#
# mutate.sh [LIST] - mutation testing of the core (make mutate).
#
# Each mutation of LIST (default tests/mutate/mutations.txt, format at its
# top) is applied, one at a time, to a private copy of the tree in a
# temporary directory; the working tree is never written, so an interrupted
# run cannot leave a mutated file behind. For each mutant the copy is
# rebuilt incrementally and the fast suites run, cheapest first, stopping at
# the first failure:
#   1. the cmocka suites, default configuration (make check-one);
#   2. the cmocka suites, numa configuration;
#   3. the cmocka suites, phys32 configuration (search cache and lookup
#      index off);
#   4. a short difftest (default and numa, MUTATE_DIFF_OPS operations).
# A mutant is killed when a build or a test fails or it runs past
# MUTATE_TIMEOUT seconds; it survives otherwise. The unmutated copy must
# pass all three first.
#
# Prints one line per mutation and ends with "mutate: N killed, M survived".
# Exit status: 0 when every mutant was killed, 1 when some survived, 2 when
# the list is stale or malformed (a snippet missing or not unique), 3 when
# the unmutated tree fails.
#
# Environment: MUTATE_TIMEOUT (120), MUTATE_DIFF_OPS (100000), MUTATE_JOBS
# (make -j, 2), MUTATE_ONLY (a regular expression: run only the mutations
# whose description matches), MUTATE_KEEP=1 (keep the temporary copy),
# MUTATE_VERBOSE=1 (show the log of surviving and baseline runs).
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
list=${1:-$top/tests/mutate/mutations.txt}
case $list in /*) ;; *) list=$(pwd)/$list ;; esac
timeout_s=${MUTATE_TIMEOUT:-120}
diff_ops=${MUTATE_DIFF_OPS:-100000}
jobs=${MUTATE_JOBS:-2}
only=${MUTATE_ONLY:-}

[ -f "$list" ] || { echo "mutate: no list $list" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/mutate.XXXXXX") || exit 2
cleanup() {
	if [ "${MUTATE_KEEP:-0}" = 1 ]; then
		echo "mutate: copy kept in $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

tree=$work/tree
mkdir -p "$tree" "$work/pristine"

# The tree as it is now, committed or not (ignored files and builds left out).
(cd "$top" && git ls-files -z --cached --others --exclude-standard |
	xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\0" "$f"; done' sh |
	tar --null -T - -cf -) | (cd "$tree" && tar -xf -) ||
	{ echo "mutate: could not copy the tree" >&2; exit 2; }

# Check the whole list against the copy and split it into one directive
# file per mutation: $work/m/NNN.{file,old,new,desc,line}.
python3 - "$list" "$tree" "$work/m" <<'PY' || exit 2
import os, sys
lst, tree, out = sys.argv[1:4]
os.makedirs(out)
def unescape(s):
    r, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            r.append({'n': '\n', 't': '\t', '\\': '\\'}.get(n, '\\' + n))
            i += 2
        else:
            r.append(c)
            i += 1
    return ''.join(r)
bad = 0
n = 0
seen = set()
for lineno, raw in enumerate(open(lst), 1):
    line = raw.rstrip('\n')
    if not line.strip() or line.lstrip().startswith('#'):
        continue
    parts = [p.strip() for p in line.split(' @@ ')]
    where = '%s:%d' % (os.path.relpath(lst), lineno)
    if len(parts) != 4 or not parts[0] or not parts[1] or not parts[3]:
        print('mutate: %s: want "file @@ old @@ new @@ description"' % where, file=sys.stderr)
        bad += 1
        continue
    f, old, new, desc = parts[0], unescape(parts[1]), unescape(parts[2]), parts[3]
    if new == '-':
        new = ''
    path = os.path.join(tree, f)
    if not os.path.isfile(path):
        print('mutate: %s: no file %s' % (where, f), file=sys.stderr)
        bad += 1
        continue
    k = open(path).read().count(old)
    if k != 1:
        print('mutate: %s: snippet %s in %s: %r' % (where,
              'missing' if k == 0 else 'found %d times' % k, f, parts[1]),
              file=sys.stderr)
        bad += 1
        continue
    if old == new:
        print('mutate: %s: the replacement changes nothing' % where, file=sys.stderr)
        bad += 1
        continue
    if desc in seen:
        print('mutate: %s: description used twice: %s' % (where, desc), file=sys.stderr)
        bad += 1
        continue
    seen.add(desc)
    n += 1
    base = os.path.join(out, '%03d' % n)
    for ext, val in (('file', f), ('old', old), ('new', new), ('desc', desc),
                     ('line', where)):
        with open(base + '.' + ext, 'w') as fh:
            fh.write(val)
if bad:
    print('mutate: %d bad line(s) in the list; nothing was run' % bad, file=sys.stderr)
    sys.exit(2)
if n == 0:
    print('mutate: the list holds no mutation', file=sys.stderr)
    sys.exit(2)
PY

b=$work/build
# The stages, stopping at the first failure: the suites in the default,
# numa and phys32 configurations (phys32 has the search cache and the
# lookup index off, so their plain code is mutated too), then difftest.
cat > "$work/stages.sh" <<STAGES
set -e
cd "$tree"
rm -f "$b/results"
make --no-print-directory -j$jobs check-one O="$b/check/default" \\
	MEMBLOCK_ENV=tests/common/test_env.h KCONFIG_CONFIG=/nonexistent \\
	CHECK_NAME=default CHECK_RESULTS="$b/results"
make --no-print-directory -j$jobs check-one O="$b/check/numa" \\
	MEMBLOCK_ENV=tests/common/test_env.h \\
	KCONFIG_CONFIG=tests/configs/numa.config CHECK_NAME=numa \\
	CHECK_RESULTS="$b/results"
make --no-print-directory -j$jobs check-one O="$b/check/phys32" \\
	MEMBLOCK_ENV=tests/common/test_env.h \\
	KCONFIG_CONFIG=tests/configs/phys32.config CHECK_NAME=phys32 \\
	CHECK_RESULTS="$b/results"
make --no-print-directory -j$jobs difftest O="$b" DIFF_CONFIGS="default numa" \\
	DIFF_OPS=$diff_ops SEED=1
STAGES
# Run the stages under the time limit; the log goes to $1.
run_limited() {
	timeout -k 5 "$timeout_s" sh "$work/stages.sh" >"$1" 2>&1
}

start=$(date +%s)
echo "mutate: the unmutated tree ($(ls "$work/m"/*.desc | wc -l) mutations listed)"
if ! run_limited "$work/baseline.log"; then
	tail -40 "$work/baseline.log"
	echo "mutate: the unmutated tree fails its suites; no mutant was run" >&2
	exit 3
fi
[ "${MUTATE_VERBOSE:-0}" = 1 ] && grep -E '^(default|numa|difftest)' "$work/baseline.log"

killed=0 survived=0
for d in "$work/m"/*.desc; do
	m=${d%.desc}
	f=$(cat "$m.file")
	desc=$(cat "$m.desc")
	if [ -n "$only" ] && ! printf '%s\n' "$desc" | grep -qE -- "$only"; then
		continue
	fi
	cp -p "$tree/$f" "$work/pristine/cur"
	python3 - "$tree/$f" "$m.old" "$m.new" <<'PY' || exit 2
import sys
path, old, new = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
text = open(path).read()
assert text.count(old) == 1
open(path, 'w').write(text.replace(old, new, 1))
PY
	t0=$(date +%s)
	if run_limited "$work/mutant.log"; then
		survived=$((survived + 1))
		printf 'SURVIVED %-9s %s (%s, %ss)\n' "$f" "$desc" "$(cat "$m.line")" \
			$(( $(date +%s) - t0 ))
		[ "${MUTATE_VERBOSE:-0}" = 1 ] && grep -E '^(default|numa|difftest)' "$work/mutant.log"
	else
		killed=$((killed + 1))
		why=$(grep -m1 -E '^\*\*\* |error:|difftest\[.*[1-9][0-9]* failed|Terminated' \
			"$work/mutant.log" | cut -c1-60)
		[ "$(( $(date +%s) - t0 ))" -ge "$timeout_s" ] && why="timeout"
		printf 'killed   %-9s %s (%ss%s)\n' "$f" "$desc" \
			$(( $(date +%s) - t0 )) "${why:+; $why}"
	fi
	# Back to the original text, with a new time stamp so make rebuilds.
	cat "$work/pristine/cur" > "$tree/$f"
	touch "$tree/$f"
done
echo "mutate: $(( $(date +%s) - start ))s"
echo "mutate: $killed killed, $survived survived"
[ "$survived" -eq 0 ]
