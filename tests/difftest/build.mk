# SPDX-License-Identifier: MIT
#
# The differential test (tests/difftest) against the reference model
# (tests/model). 'make difftest' builds the library with the difftest
# environment (difftest_env.h) in each configuration of DIFF_CONFIGS, each
# into $(O)/difftest/<config>, and runs DIFF_OPS operations in total, split
# evenly, from seed SEED; it ends with "difftest: N passed, M failed".
# 'make difftest-planted' builds the same driver against a copy of
# src/regions.c whose merge rule ignores flags, and succeeds only if the
# driver catches that within DIFF_PLANT_OPS operations.

DIFF_CONFIGS ?= default numa phys32 small
DIFF_OPS ?= 2000000
DIFF_PLANT_OPS ?= 1000000
SEED ?= 1
DIFF_ENV := tests/difftest/difftest_env.h
# The core only: the firmware importers (src/fw) are not under test here.
DIFF_CORE_OBJS = $(filter-out $(O)/obj/src/fw/%,$(LIB_OBJS))
DIFF_OBJS = $(O)/obj/tests/difftest/difftest.o $(O)/obj/tests/difftest/ops.o \
	    $(O)/obj/tests/difftest/env.o $(O)/obj/tests/model/model.o

EXTRA_HELP += "difftest       - library vs reference model, DIFF_OPS=N SEED=S (default 2000000, 1)"
EXTRA_HELP += "difftest-planted - prove the difftest catches a planted merge bug"

.PHONY: difftest difftest-bin difftest-planted difftest-planted-bin

difftest:
	@mkdir -p $(O)/difftest
	@set -e; n=$(words $(DIFF_CONFIGS)); per=$$(( $(DIFF_OPS) / n )); \
	for c in $(DIFF_CONFIGS); do \
		cfg=tests/configs/$$c.config; \
		[ -f tests/difftest/$$c.config ] && cfg=tests/difftest/$$c.config; \
		$(MAKE) --no-print-directory O=$(O)/difftest/$$c \
			KCONFIG_CONFIG=$$cfg \
			MEMBLOCK_ENV=$(DIFF_ENV) difftest-bin; \
	done; \
	for c in $(DIFF_CONFIGS); do \
		$(O)/difftest/$$c/bin/difftest -n $$per -s $(SEED) -c $$c \
			> $(O)/difftest/$$c.log 2>&1 & \
	done; wait; \
	for c in $(DIFF_CONFIGS); do cat $(O)/difftest/$$c.log; done; \
	cat $(foreach c,$(DIFF_CONFIGS),$(O)/difftest/$(c).log) | \
	awk '/^difftest\[.*passed,.*failed/ { p += $$2; f += $$4; n++ } \
	     END { if (n != $(words $(DIFF_CONFIGS))) f++; \
		   printf "difftest: %d passed, %d failed\n", p, f; exit f > 0 }'

difftest-bin: $(O)/bin/difftest

$(O)/bin/difftest: $(DIFF_OBJS) $(DIFF_CORE_OBJS)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^

# --- The planted bug ------------------------------------------------------------

PLANT_DIR := $(O)/planted
PLANT_SRC := $(PLANT_DIR)/regions.c

difftest-planted:
	@$(MAKE) --no-print-directory O=$(O)/difftest/planted \
		KCONFIG_CONFIG=tests/configs/default.config \
		MEMBLOCK_ENV=$(DIFF_ENV) difftest-planted-bin
	@$(O)/difftest/planted/bin/difftest-planted -x -n $(DIFF_PLANT_OPS) \
		-s $(SEED) -c planted | tee $(O)/difftest/planted.log | \
		sed -n '1,60p'
	@grep -q 'planted bug caught' $(O)/difftest/planted.log && \
		echo "difftest-planted: OK, the merge bug was caught" || \
		{ echo "difftest-planted: FAILED, the planted bug went unnoticed"; exit 1; }

difftest-planted-bin: $(O)/bin/difftest-planted

# Neighbours merge even when their flags differ.
$(PLANT_SRC): src/regions.c
	@mkdir -p $(dir $@)
	$(Q)sed -e 's/mb_region_end(a) == b->base && a->flags == b->flags &&/mb_region_end(a) == b->base \&\&/' $< > $@
	$(Q)! cmp -s $< $@ || { echo "difftest-planted: the sed no longer applies to src/regions.c" >&2; rm -f $@; exit 1; }

$(PLANT_DIR)/regions.o: $(PLANT_SRC) $(CONFIG_DEP)
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc -c $< -o $@

$(O)/bin/difftest-planted: $(DIFF_OBJS) $(PLANT_DIR)/regions.o \
		$(filter-out %/src/regions.o,$(DIFF_CORE_OBJS))
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^

-include $(DIFF_OBJS:.o=.d)
