# SPDX-License-Identifier: MIT
#
# 'make mutate': mutation testing of the core. scripts/mutate.sh applies
# each mutation of tests/mutate/mutations.txt (format at its top) to a
# private copy of the tree, rebuilds it and runs the fast suites (cmocka in
# the default and numa configurations, a short difftest); every mutant must
# be killed. Ends with "mutate: N killed, M survived". MUTATE_ONLY=REGEX
# runs the mutations whose description matches; MUTATE_TIMEOUT=S (120) and
# MUTATE_DIFF_OPS=N (100000) tune each run.

EXTRA_HELP += "mutate         - mutation testing of the core: every listed mutant must be killed"

.PHONY: mutate

mutate:
	@scripts/deps.sh check
	@scripts/mutate.sh tests/mutate/mutations.txt
