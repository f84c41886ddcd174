# SPDX-License-Identifier: MIT
#
# 'make cross': the library built freestanding for the machines it is meant
# for, with each of the two compilers embedders use:
#
#   target   gcc (Debian cross package)          clang
#   x86_64   gcc (the host compiler)             --target=x86_64-unknown-elf
#   i386     i686-linux-gnu-gcc                  --target=i686-unknown-elf
#   aarch64  aarch64-linux-gnu-gcc               --target=aarch64-none-elf
#   riscv64  riscv64-linux-gnu-gcc               --target=riscv64-unknown-elf
#   armv7m   arm-none-eabi-gcc (Cortex-M3)       --target=thumbv7m-none-eabi
#
# Objects go to $(O)/cross/<target>-<compiler>/. Then scripts/cross-report.sh
# prints the size of each (core and every firmware module apart) and checks
# that the objects need nothing from outside the library but what
# scripts/embedder-symbols.txt allows; 64-bit division helpers are reported
# with the source line that calls them. Any warning is an error.

CROSS_DIR := $(O)/cross
CROSS_SYMBOLS := scripts/embedder-symbols.txt
CROSS_TARGETS := x86_64 i386 aarch64 riscv64 armv7m
CROSS_COMPILERS := gcc clang

# -g only adds debug sections (not counted by size); the report needs the
# line table to name the source line of a forbidden helper call.
CROSS_CFLAGS := -Os -ffreestanding -std=c11 -Wall -Wextra -Werror -g -MMD -MP

cross_cc_x86_64_gcc := gcc
cross_cc_i386_gcc := i686-linux-gnu-gcc
cross_cc_aarch64_gcc := aarch64-linux-gnu-gcc
cross_cc_riscv64_gcc := riscv64-linux-gnu-gcc
cross_cc_armv7m_gcc := arm-none-eabi-gcc
cross_cc_x86_64_clang := clang --target=x86_64-unknown-elf
cross_cc_i386_clang := clang --target=i686-unknown-elf
cross_cc_aarch64_clang := clang --target=aarch64-none-elf
cross_cc_riscv64_clang := clang --target=riscv64-unknown-elf
cross_cc_armv7m_clang := clang --target=thumbv7m-none-eabi

# What a kernel on each machine compiles with, beyond choosing the target:
# no red zone on x86_64 (interrupts would clobber it); no position-
# independent code on i386 (Debian's i686 gcc makes PIE by default, which
# needs _GLOBAL_OFFSET_TABLE_); no FP/SIMD registers on aarch64; the
# integer-only RISC-V ABI with code that may run anywhere (medany); a
# Cortex-M3 in Thumb-2 for 32-bit Arm.
cross_arch_x86_64 := -mno-red-zone
cross_arch_i386 := -fno-pie -fno-pic
cross_arch_aarch64 := -mgeneral-regs-only
cross_arch_riscv64 := -march=rv64imac -mabi=lp64 -mcmodel=medany
cross_arch_armv7m := -mcpu=cortex-m3 -mthumb

CROSS_SRCS := $(sort $(wildcard src/*.c src/fw/*.c))
CROSS_BUILDS := $(foreach t,$(CROSS_TARGETS),$(foreach c,$(CROSS_COMPILERS),$(t)-$(c)))

# cross_build(target,compiler): the objects of one build and how to make them.
define cross_build
CROSS_OBJS_$(1)-$(2) := $$(CROSS_SRCS:%.c=$(CROSS_DIR)/$(1)-$(2)/%.o)
CROSS_ALL_OBJS += $$(CROSS_OBJS_$(1)-$(2))

$(CROSS_DIR)/$(1)-$(2)/%.o: %.c $$(CONFIG_DEP) | cross-deps
	@mkdir -p $$(dir $$@)
	$$(if $$(Q),@echo "  CC      $$@")
	$$(Q)$$(cross_cc_$(1)_$(2)) $$(CROSS_CFLAGS) $$(cross_arch_$(1)) \
		$$(INCLUDES) -c $$< -o $$@
endef
$(foreach t,$(CROSS_TARGETS),$(foreach c,$(CROSS_COMPILERS),\
	$(eval $(call cross_build,$(t),$(c)))))

-include $(CROSS_ALL_OBJS:.o=.d)

EXTRA_HELP += "cross          - the library freestanding, 5 targets x gcc/clang: sizes, needed symbols; then kbuild-cross"
EXTRA_HELP += "kbuild-cross   - make CROSS_COMPILE=aarch64-linux-gnu- CFLAGS=-mcpu=...: no target libc, host tool with HOSTCC"

.PHONY: cross cross-deps

cross-deps:
	@scripts/deps.sh cross

cross: $(CROSS_ALL_OBJS)
	$(Q)scripts/cross-report.sh $(CROSS_DIR) $(CROSS_SYMBOLS) $(CROSS_BUILDS)
	$(Q)$(MAKE) --no-print-directory kbuild-cross

# The kbuild way: 'make CROSS_COMPILE=aarch64-linux-gnu- CFLAGS=...' builds
# the library for the target with target flags and no target libc (only
# the compiler's own headers on the include path), and the host tool with
# HOSTCC and HOSTCFLAGS.
KBUILD_CROSS_DIR := $(O)/kbuild-cross
.PHONY: kbuild-cross
kbuild-cross:
	@scripts/deps.sh cross
	$(Q)$(MAKE) --no-print-directory O=$(KBUILD_CROSS_DIR) \
		CROSS_COMPILE=aarch64-linux-gnu- KCONFIG_CONFIG=/nonexistent \
		CFLAGS="-O2 -mcpu=cortex-a53 -nostdinc -isystem $$(aarch64-linux-gnu-gcc -print-file-name=include)" all
	@llvm-readelf -h $(KBUILD_CROSS_DIR)/obj/src/regions.o | grep -q AArch64 || \
		{ echo "kbuild-cross: the library is not for aarch64" >&2; exit 1; }
	@$(KBUILD_CROSS_DIR)/memblock-map --add 0x100000,16M --dump >/dev/null || \
		{ echo "kbuild-cross: the host tool does not run" >&2; exit 1; }
	@echo "kbuild-cross: library for aarch64 without a target libc, host tool for the host: ok"
