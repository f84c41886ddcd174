# SPDX-License-Identifier: MIT
#
# libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined):
#   fuzz_ops         bytes -> memblock calls, against the reference model
#                    (library in tests/difftest/small.config: tiny arrays)
#   fuzz_<importer>  one per firmware-map importer of <memblock/fw.h> whose
#                    source exists in src/fw (library in the numa config)
# 'make fuzz FUZZ_SECONDS=N' runs each for N seconds (default 10) from its
# checked-in seed corpus tests/fuzz/corpus/<target>; new inputs go to
# $(O)/fuzz/corpus/<target>, crashes to $(O)/fuzz/<target>-crash-*.
# The firmware-map targets link fw_env.c, whose mapped window lets the
# region arrays grow (setup bit 6 of fw_fuzz.h).

FUZZ_SECONDS ?= 10
FUZZ_CC ?= clang
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link
FUZZ_IMPORTERS := e820 efi multiboot1 multiboot2 fdt limine
# Only importers that exist already get a target.
FUZZ_FW_TARGETS := $(foreach t,$(FUZZ_IMPORTERS),$(if $(shell grep -ls \
	'^int memblock_import_$(t)\>' src/fw/*.c 2>/dev/null),fuzz_$(t)))
FUZZ_TARGETS := fuzz_ops $(FUZZ_FW_TARGETS)

EXTRA_HELP += "fuzz           - libFuzzer targets, FUZZ_SECONDS=N each (default 10)"

.PHONY: fuzz fuzz-build fuzz-ops-bin fuzz-fw-bins

fuzz-build:
	@scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory O=$(O)/fuzz/small CC=$(FUZZ_CC) SANITIZE=1 \
		CFLAGS="$(FUZZ_CFLAGS)" KCONFIG_CONFIG=tests/difftest/small.config \
		MEMBLOCK_ENV=$(DIFF_ENV) fuzz-ops-bin
	@$(MAKE) --no-print-directory O=$(O)/fuzz/numa CC=$(FUZZ_CC) SANITIZE=1 \
		CFLAGS="$(FUZZ_CFLAGS)" KCONFIG_CONFIG=tests/configs/numa.config \
		MEMBLOCK_ENV=$(DIFF_ENV) fuzz-fw-bins

fuzz: fuzz-build
	@echo "fuzz: targets: $(FUZZ_TARGETS)"
	@pass=0; fail=0; \
	for t in $(FUZZ_TARGETS); do \
		bin=$(O)/fuzz/numa/bin/$$t; \
		[ $$t = fuzz_ops ] && bin=$(O)/fuzz/small/bin/$$t; \
		mkdir -p $(O)/fuzz/corpus/$$t; \
		echo "=== $$t ($(FUZZ_SECONDS) s)"; \
		if $$bin -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 \
			-print_final_stats=1 -artifact_prefix=$(O)/fuzz/$$t- \
			$(O)/fuzz/corpus/$$t tests/fuzz/corpus/$$t \
			> $(O)/fuzz/$$t.log 2>&1; then \
			pass=$$((pass + 1)); \
			grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' $(O)/fuzz/$$t.log | tail -2; \
		else \
			fail=$$((fail + 1)); tail -40 $(O)/fuzz/$$t.log; \
		fi; \
	done; \
	echo "fuzz: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

FUZZ_LIB_OBJS = $(filter-out $(O)/obj/src/fw/%,$(LIB_OBJS))
FUZZ_OPS_OBJS = $(O)/obj/tests/fuzz/fuzz_ops.o $(O)/obj/tests/difftest/ops.o \
		$(O)/obj/tests/difftest/env.o $(O)/obj/tests/model/model.o

fuzz-ops-bin: $(O)/bin/fuzz_ops
fuzz-fw-bins: $(FUZZ_FW_TARGETS:%=$(O)/bin/%)

$(O)/bin/fuzz_ops: $(FUZZ_OPS_OBJS) $(FUZZ_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $^

$(O)/bin/fuzz_%: $(O)/obj/tests/fuzz/fuzz_%.o $(O)/obj/tests/fuzz/fw_env.o $(LIB)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $^

-include $(FUZZ_OPS_OBJS:.o=.d) $(FUZZ_FW_TARGETS:%=$(O)/obj/tests/fuzz/%.d)
