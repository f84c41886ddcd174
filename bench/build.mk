# SPDX-License-Identifier: MIT
#
# Benchmarks. 'make bench' builds $(O)/bench/bench with the library built
# for it (default configuration, -O2, the bench environment header) in
# $(O)/bench/obj; 'make bench-run' prints nanoseconds per operation and,
# when valgrind is installed, instructions per operation counted by
# callgrind over the measured phase only. Nothing here is part of 'make
# check': benchmarks never fail on timing.
#
# BENCH_N="128 1000 10000 100000" and BENCH_W="W1 ... W7 WI" choose what
# runs; W4 and WI stop at N = 10,000 (bench.c, max_n), so the run stays
# within a few minutes under callgrind.

BENCH_DIR := $(O)/bench
BENCH := $(BENCH_DIR)/bench
BENCH_ENV := bench/bench_env.h
BENCH_CFLAGS ?= -O2 -g
BENCH_N ?= 128 1000 10000 100000
BENCH_W ?= W1 W2 W3 W4 W5 W6 W7 WI

EXTRA_HELP += "bench          - build the benchmarks ($(BENCH))"
EXTRA_HELP += "bench-run      - run them: ns/op, and instructions/op with valgrind (BENCH_N, BENCH_W)"
EXTRA_HELP += "bench-profile  - callgrind_annotate of one workload (BENCH_W=W4 BENCH_N=10000)"

.PHONY: bench bench-run bench-profile

bench: $(BENCH)

# The bench brings its own environment header and always uses the default
# configuration (no autoconf.h on its include path), whatever .config says,
# so it compiles the library (src/*.c, and src/fw/*.c for the import
# workload WI) for itself.
BENCH_LIB_SRCS := $(sort $(wildcard src/*.c src/fw/*.c))
BENCH_LIB_OBJS := $(BENCH_LIB_SRCS:%.c=$(BENCH_DIR)/obj/%.o)
BENCH_ALL_CFLAGS = $(BASE_CFLAGS) $(BENCH_CFLAGS) \
	-DMEMBLOCK_ENV_HEADER='"bench_env.h"' -Ibench -Iinclude

$(BENCH_DIR)/obj/%.o: %.c $(BENCH_ENV)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(CC) $(BENCH_ALL_CFLAGS) -c $< -o $@

$(BENCH): $(BENCH_DIR)/obj/bench/bench.o $(BENCH_LIB_OBJS)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) -o $@ $^

-include $(BENCH_LIB_OBJS:.o=.d) $(BENCH_DIR)/obj/bench/bench.d

# The same bench on the plain search and lookups (the default
# configuration with the search cache and the lookup index off), to prove
# neither changes an answer: 'make bench-check' compares every workload's
# checksum at N = 128, 1,000 and 10,000.
BENCH_PLAIN_DIR := $(O)/bench-plain
BENCH_PLAIN := $(BENCH_PLAIN_DIR)/bench
BENCH_PLAIN_CFLAGS := -DCONFIG_MEMBLOCK_KCONFIG=1 -DCONFIG_PHYS_ADDR_T_64BIT=1 \
	-DCONFIG_MEMBLOCK_KHO_SCRATCH=1 -DCONFIG_MEMBLOCK_FW_E820=1 \
	-DCONFIG_MEMBLOCK_FW_EFI=1 -DCONFIG_MEMBLOCK_FW_MULTIBOOT=1 \
	-DCONFIG_MEMBLOCK_FW_FDT=1 -DCONFIG_MEMBLOCK_FW_LIMINE=1 \
	-DCONFIG_MEMBLOCK_FW_EXPORT=1
BENCH_PLAIN_OBJS := $(BENCH_LIB_SRCS:%.c=$(BENCH_PLAIN_DIR)/obj/%.o)

EXTRA_HELP += "bench-check    - the bench's checksums with the search cache and lookup index equal those without"

.PHONY: bench-check

$(BENCH_PLAIN_DIR)/obj/%.o: %.c $(BENCH_ENV)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $@ (plain search)")
	$(Q)$(CC) $(BENCH_ALL_CFLAGS) $(BENCH_PLAIN_CFLAGS) -c $< -o $@

$(BENCH_PLAIN): $(BENCH_PLAIN_DIR)/obj/bench/bench.o $(BENCH_PLAIN_OBJS)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) -o $@ $^

bench-check: $(BENCH) $(BENCH_PLAIN)
	$(Q)bench/check.sh $(BENCH) $(BENCH_PLAIN)

-include $(BENCH_PLAIN_OBJS:.o=.d)

bench-run: $(BENCH)
	@scripts/deps.sh valgrind || echo "bench: no valgrind, timings only"
	$(Q)BENCH_N='$(BENCH_N)' BENCH_W='$(BENCH_W)' bench/run.sh $(BENCH)

bench-profile: $(BENCH)
	@scripts/deps.sh valgrind
	$(Q)BENCH_N='$(BENCH_N)' BENCH_W='$(BENCH_W)' bench/run.sh --profile $(BENCH)
