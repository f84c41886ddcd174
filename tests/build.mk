# SPDX-License-Identifier: MIT
#
# The cmocka suites. 'make check' builds the library and every suite in each
# configuration of CHECK_CONFIGS, with the test environment (test_env.h),
# each into its own $(O)/check/<config>, runs them, and ends with one line
# "check: N passed, M failed".
#
# A configuration is tests/configs/<name>.config, read over the Kconfig
# defaults; 'default' has no file on purpose, so that it also proves the
# headers' built-in defaults.

CHECK_CONFIGS ?= default numa phys32
# Further checks 'make check' runs after the suites; each target ends with a
# closing line "name: N passed, M failed" that is added to the total.
CHECK_EXTRA += check-compat check-kernel-types check-cxx check-config-guard check-help
TEST_ENV := tests/common/test_env.h
TEST_SUITES := $(sort $(wildcard tests/*/test_*.c))
TEST_BINS := $(TEST_SUITES:tests/%.c=$(O)/tests/%)
TEST_COMMON_OBJS := $(O)/obj/tests/common/harness.o
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
TEST_CFLAGS = -Itests/common $(CMOCKA_CFLAGS)

EXTRA_HELP += "check-one      - the suites in the configuration of O= and KCONFIG_CONFIG="

.PHONY: check check-one check-compat check-kernel-types check-cxx check-config-guard check-help test-bins
.SECONDARY:

check:
	@scripts/deps.sh check
	@mkdir -p $(O)/check
	@rm -f $(O)/check/results
	@for c in $(CHECK_CONFIGS); do \
		echo "=== configuration: $$c"; \
		$(MAKE) --no-print-directory O=$(O)/check/$$c \
			KCONFIG_CONFIG=tests/configs/$$c.config \
			MEMBLOCK_ENV=$(TEST_ENV) \
			CHECK_NAME=$$c CHECK_RESULTS=$(abspath $(O))/check/results \
			check-one || grep -q "^$$c " $(O)/check/results 2>/dev/null || \
			echo "$$c 0 1 build" >> $(O)/check/results; \
	done
	@for t in $(CHECK_EXTRA); do \
		$(MAKE) --no-print-directory $$t 2>&1 | tee $(O)/check/$$t.out; \
		tests/closing-line.sh $$t $(O)/check/$$t.out >> $(O)/check/results; \
	done
	@tests/summarize.sh $(O)/check/results

# 'make help' names every target a user types, once (tests/compat/help.sh).
check-help:
	@tests/compat/help.sh

# A program that knows only Linux's memblock API, built the way the README
# says any program can be: cc -std=c11 -Iinclude prog.c libmemblock.a
# (with the library in its default, unconfigured build).
COMPAT_DIR := $(O)/check/compat
check-compat:
	@echo "=== Linux API compatibility"
	@$(MAKE) --no-print-directory O=$(COMPAT_DIR) KCONFIG_CONFIG=/nonexistent lib
	$(Q)$(CC) -std=c11 -Iinclude tests/compat/linux_api.c \
		$(COMPAT_DIR)/libmemblock.a -o $(COMPAT_DIR)/linux-api $(SAN_FLAGS)
	@$(COMPAT_DIR)/linux-api

# The library built into a kernel that has its own u64, phys_addr_t,
# PAGE_SIZE and NUMA_NO_NODE (tests/compat/kernel_env.h).
KTYPES_DIR := $(O)/check/kernel-types
KTYPES_ENV := tests/compat/kernel_env.h
check-kernel-types:
	@echo "=== a kernel's own types"
	@$(MAKE) --no-print-directory O=$(KTYPES_DIR) KCONFIG_CONFIG=/nonexistent \
		MEMBLOCK_ENV=$(KTYPES_ENV) lib
	$(Q)$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) -DMEMBLOCK_ENV_HEADER='"kernel_env.h"' \
		-Itests/compat -Iinclude tests/compat/kernel_types.c \
		$(KTYPES_DIR)/libmemblock.a -o $(KTYPES_DIR)/kernel-types
	@$(KTYPES_DIR)/kernel-types

# A program of another configuration than the library's must not link.
# (Both build their library without sanitizers, also under SANITIZE=1:
# the programs link with a plain compiler driver.)
GUARD_DIR := $(O)/check/config-guard
check-config-guard:
	@echo "=== configuration guard"
	@$(MAKE) --no-print-directory O=$(GUARD_DIR) KCONFIG_CONFIG=/nonexistent \
		SANITIZE= lib
	@tests/compat/config-guard.sh "$(CC)" $(GUARD_DIR)/libmemblock.a

# The public headers from C++: g++ (and clang++ where clang is installed,
# as in CI), C++11 to C++20, the default environment, linked with the
# unconfigured library and run.
CXX_DIR := $(O)/check/cxx
CXX_STDS := c++11 c++14 c++17 c++20
check-cxx:
	@echo "=== C++ consumers"
	@scripts/deps.sh cxx
	@$(MAKE) --no-print-directory O=$(CXX_DIR) KCONFIG_CONFIG=/nonexistent \
		SANITIZE= lib
	@passed=0; failed=0; \
	for cxx in g++ clang++; do \
		if ! command -v $$cxx >/dev/null 2>&1; then \
			echo "$$cxx: not installed, skipped"; continue; \
		fi; \
		for std in $(CXX_STDS); do \
			if $$cxx -std=$$std -Wall -Wextra -Werror -Iinclude \
				tests/compat/cxx_consumer.cc $(CXX_DIR)/libmemblock.a \
				-o $(CXX_DIR)/consumer-$$cxx-$$std && \
				$(CXX_DIR)/consumer-$$cxx-$$std >/dev/null; then \
				passed=$$((passed + 1)); \
			else \
				echo "$$cxx -std=$$std: FAILED"; failed=$$((failed + 1)); \
			fi; \
		done; \
	done; \
	echo "check-cxx: $$passed passed, $$failed failed"; \
	[ $$failed -eq 0 ]

check-one: test-bins
	@tests/run-suites.sh "$(CHECK_NAME)" "$(CHECK_RESULTS)" $(TEST_BINS)

test-bins: $(TEST_BINS)

$(O)/obj/tests/%.o: tests/%.c $(CONFIG_DEP)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -c $< -o $@

$(O)/tests/%: $(O)/obj/tests/%.o $(TEST_COMMON_OBJS) $(LIB)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS)

-include $(TEST_SUITES:tests/%.c=$(O)/obj/tests/%.d) $(TEST_COMMON_OBJS:.o=.d)
