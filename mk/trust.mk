# SPDX-License-Identifier: MIT
#
# Evidence that the library is right, beyond 'make check' (see also
# tests/difftest/build.mk and tests/fuzz/build.mk):
#   make valgrind  - the cmocka suites (default configuration) and a short
#                    difftest under valgrind; any valgrind error fails
#   make analyze   - gcc -fanalyzer, cppcheck and clang-tidy over src/; any
#                    finding not switched off (with a reason) fails
#   make coverage  - line and branch coverage of src/ from the cmocka suites
#                    of CHECK_CONFIGS (gcov + lcov); prints the summary
# Each builds into its own directory under $(O).

TRUST_SRCS = $(sort $(wildcard src/*.c src/fw/*.c))
VALGRIND_FLAGS ?= -q --error-exitcode=1 --leak-check=full \
		  --errors-for-leak-kinds=definite --track-origins=yes
VALGRIND_DIFF_OPS ?= 20000
ANALYZE_CONFIGS ?= default numa
CPPCHECK_FLAGS := --enable=warning,style,performance,portability --std=c11 \
	--inline-suppr --suppressions-list=mk/cppcheck-suppressions.txt \
	--error-exitcode=1 --quiet -Iinclude -Isrc -UMEMBLOCK_ENV_HEADER
CPPCHECK_DEFS_default :=
CPPCHECK_DEFS_numa := -DCONFIG_NUMA -DCONFIG_HAVE_MEMBLOCK_PHYS_MAP
TIDY_FLAGS := -std=c11 -Iinclude -Isrc -DCONFIG_NUMA -DCONFIG_HAVE_MEMBLOCK_PHYS_MAP

EXTRA_HELP += "valgrind       - the suites and a short difftest under valgrind"
EXTRA_HELP += "analyze        - gcc -fanalyzer, cppcheck, clang-tidy over src/"
EXTRA_HELP += "coverage       - gcov/lcov line and branch coverage of src/ (docs/coverage.md)"
EXTRA_HELP += "strict         - src/ under a kernel's strictest warnings, gcc and clang, 3 configurations (part of analyze)"

.PHONY: valgrind analyze analyze-gcc analyze-cppcheck analyze-tidy coverage strict

# --- valgrind ------------------------------------------------------------------------

valgrind:
	@scripts/deps.sh check valgrind
	@$(MAKE) --no-print-directory O=$(O)/valgrind \
		KCONFIG_CONFIG=tests/configs/default.config \
		MEMBLOCK_ENV=$(TEST_ENV) test-bins
	@$(MAKE) --no-print-directory O=$(O)/valgrind-difftest \
		KCONFIG_CONFIG=tests/configs/default.config \
		MEMBLOCK_ENV=$(DIFF_ENV) difftest-bin
	@pass=0; fail=0; \
	for t in $(TEST_SUITES:tests/%.c=$(O)/valgrind/tests/%) \
		 "$(O)/valgrind-difftest/bin/difftest -n $(VALGRIND_DIFF_OPS)"; do \
		if valgrind $(VALGRIND_FLAGS) $$t > $(O)/valgrind/last.log 2>&1; then \
			pass=$$((pass + 1)); \
		else \
			fail=$$((fail + 1)); echo "*** $$t"; \
			grep -E '^==|FAILED|ERROR|LINE' $(O)/valgrind/last.log | head -40; \
		fi; \
	done; \
	echo "valgrind: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# --- Static analysis -----------------------------------------------------------------------

analyze:
	@scripts/deps.sh analyze
	@rc=0; \
	$(MAKE) --no-print-directory strict || rc=1; \
	$(MAKE) --no-print-directory analyze-gcc || rc=1; \
	$(MAKE) --no-print-directory analyze-cppcheck || rc=1; \
	$(MAKE) --no-print-directory analyze-tidy || rc=1; \
	if [ $$rc -eq 0 ]; then echo "analyze: no findings"; \
	else echo "analyze: findings (see above)"; fi; exit $$rc

# Every source compiled with -fanalyzer, whose warnings -Werror makes fatal.
analyze-gcc:
	@for c in $(ANALYZE_CONFIGS); do \
		echo "=== gcc -fanalyzer ($$c)"; \
		$(MAKE) --no-print-directory O=$(O)/analyze/gcc-$$c CC=gcc \
			KCONFIG_CONFIG=tests/configs/$$c.config \
			CFLAGS="-O2 -g -fanalyzer" lib || exit 1; \
	done

analyze-cppcheck:
	@for c in $(ANALYZE_CONFIGS); do \
		echo "=== cppcheck ($$c)"; \
		defs='$(CPPCHECK_DEFS_default)'; \
		[ $$c = numa ] && defs='$(CPPCHECK_DEFS_numa)'; \
		cppcheck $(CPPCHECK_FLAGS) $$defs $(TRUST_SRCS) || exit 1; \
	done

analyze-tidy:
	@echo "=== clang-tidy (.clang-tidy)"
	@mkdir -p $(O)
	@printf '%s\n' $(TRUST_SRCS) | xargs -P 2 -n 4 sh -c \
		'clang-tidy --quiet --config-file=.clang-tidy "$$@" -- $(TIDY_FLAGS) \
		 2>/dev/null || true' clang-tidy > $(O)/analyze-tidy.log
	@grep -E 'warning:|error:|note:' $(O)/analyze-tidy.log; \
	! grep -qE 'warning:|error:' $(O)/analyze-tidy.log

# --- Coverage ----------------------------------------------------------------------------

COV_DIR = $(O)/coverage
LCOV := lcov --quiet --rc lcov_branch_coverage=1
# lcov 1.16 under Debian 12's perl warns about redefined subroutines.
LCOV_QUIET := 2>&1 | grep -v 'redefined at' || true

coverage:
	@scripts/deps.sh check coverage
	@rm -rf $(COV_DIR)
	@for c in $(CHECK_CONFIGS); do \
		$(MAKE) --no-print-directory O=$(COV_DIR)/$$c \
			KCONFIG_CONFIG=tests/configs/$$c.config \
			MEMBLOCK_ENV=$(TEST_ENV) CFLAGS="-O0 -g --coverage" \
			LDFLAGS=--coverage CHECK_NAME=$$c \
			CHECK_RESULTS=$(abspath $(COV_DIR))/results \
			check-one >/dev/null 2>&1 || \
			echo "coverage: some suites failed in $$c (see make check)"; \
	done
	@$(LCOV) --capture --directory $(COV_DIR) --output-file $(COV_DIR)/all.info $(LCOV_QUIET)
	@$(LCOV) --extract $(COV_DIR)/all.info '$(CURDIR)/src/*' \
		--output-file $(COV_DIR)/src.info $(LCOV_QUIET)
	@$(LCOV) --remove $(COV_DIR)/src.info '$(CURDIR)/src/fw/*' \
		--output-file $(COV_DIR)/core.info $(LCOV_QUIET)
	@$(LCOV) --list $(COV_DIR)/src.info $(LCOV_QUIET)
	@echo "--- src/ (core and firmware maps)"
	@lcov --rc lcov_branch_coverage=1 --summary $(COV_DIR)/src.info 2>&1 | \
		grep -E '^  (lines|functions|branches)'
	@echo "--- src/*.[ch] without src/fw (core)"
	@lcov --rc lcov_branch_coverage=1 --summary $(COV_DIR)/core.info 2>&1 | \
		grep -E '^  (lines|functions|branches)'
	@genhtml --quiet --branch-coverage -o $(COV_DIR)/html $(COV_DIR)/src.info \
		>/dev/null 2>&1 && echo "coverage: HTML report in $(COV_DIR)/html/index.html" || true

# --- Linux's recorded answers --------------------------------------------------------

EXTRA_HELP += "oracle         - compare with Linux's answers on 200,000 recorded sequences (../shared/oracle)"
.PHONY: oracle
oracle:
	@scripts/deps.sh check oracle
	@tests/oracle/run.sh $(ORACLE_ARGS)

# --- A kernel's strictest warnings ------------------------------------------------
# Every source of the library, with gcc and clang, in the default, NUMA and
# 32-bit phys_addr_t configurations (all modules on), warnings as errors.
STRICT_WARN := -Wall -Wextra -Werror -Wconversion -Wsign-conversion -Wshadow \
	       -Wundef -Wpedantic -Wstrict-prototypes -Wmissing-prototypes
STRICT_CONFIGS := "" "-DCONFIG_NUMA=1" \
	"-DCONFIG_MEMBLOCK_KCONFIG=1 -DCONFIG_MEMBLOCK_KHO_SCRATCH=1 \
	 -DCONFIG_MEMBLOCK_FW_E820=1 -DCONFIG_MEMBLOCK_FW_EFI=1 \
	 -DCONFIG_MEMBLOCK_FW_MULTIBOOT=1 -DCONFIG_MEMBLOCK_FW_FDT=1 \
	 -DCONFIG_MEMBLOCK_FW_LIMINE=1 -DCONFIG_MEMBLOCK_FW_EXPORT=1"
strict:
	@scripts/deps.sh clang
	@rc=0; \
	for cc in gcc clang; do \
		if [ $$cc = gcc ]; then align=-Wcast-align=strict; else align=-Wcast-align; fi; \
		for cfg in $(STRICT_CONFIGS); do \
			for f in $(TRUST_SRCS); do \
				$$cc -std=c11 $(STRICT_WARN) $$align $$cfg -O2 -Iinclude \
					-c $$f -o /dev/null || rc=1; \
			done; \
		done; \
	done; \
	if [ $$rc -eq 0 ]; then echo "strict: src/ builds clean with gcc and clang"; fi; \
	exit $$rc
