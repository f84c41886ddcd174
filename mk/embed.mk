# SPDX-License-Identifier: MIT
#
# 'make embed-test': examples/embed/, a tiny kernel tree (tinykern) that
# carries a copy of the library, built and booted the way its own
# engineers would:
#
#   1. the tree is copied to $(O)/embed/tree/ and its 'make vendor' copies
#      the library's include/, src/, Kconfig, memblock.mk and LICENSE in;
#      from then on nothing outside the tree is read;
#   2. four kernels from its defconfig, with its Makefile only:
#      x86_64 and arm64, each with gcc + GNU ld and clang + ld.lld
#      (objects in $(O)/embed/<arch>-<compiler>/);
#   3. what the library's objects need from the kernel must be exactly
#      the functions the kernel's environment header names;
#   4. each kernel boots in QEMU (arm64: virt, Cortex-A53, semihosting
#      exit; x86_64: pc, multiboot, isa-debug-exit) and must print PASS.

EMBED_DIR := $(O)/embed
EMBED_TREE := $(EMBED_DIR)/tree
EMBED_BUILDS := x86_64-gcc x86_64-clang arm64-gcc arm64-clang
EMBED_TIMEOUT ?= 20

# The tree as checked in, without what a local build in it left behind.
EMBED_SRC := $(filter-out examples/embed/build-% examples/embed/libmemblock%, \
	$(wildcard examples/embed/*))

embed_make_x86_64-gcc := ARCH=x86_64
embed_make_x86_64-clang := ARCH=x86_64 LLVM=1
embed_make_arm64-gcc := ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
embed_make_arm64-clang := ARCH=arm64 LLVM=1

# The functions of kernel/ and lib/ that include/kernel/memblock_env.h
# gives the library.
EMBED_NEEDS := console_write free_boot_pages memcpy memmove memset panic

embed_out = $(abspath $(EMBED_DIR))/$(1)
embed_qemu_arm64 = qemu-system-aarch64 -M virt -cpu cortex-a53 -m 128M \
	-nographic -semihosting -kernel $(call embed_out,$(1))/tinykern.elf
embed_qemu_x86_64 = qemu-system-x86_64 -m 128M -display none -serial stdio \
	-no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-kernel $(call embed_out,$(1))/tinykern.bin
embed_status_arm64 := 0
embed_status_x86_64 := 33
embed_arch = $(firstword $(subst -, ,$(1)))
# Lines each boot must print besides PASS: NUMA from the kernel's
# defconfig, in force in the library too (node ids in the dump).
embed_expect = 'NUMA: up to 4 nodes (CONFIG_NODES_SHIFT=2)' \
	'MEMBLOCK configuration:' 'bytes on node 1 flags: 0x0' \
	'memblock_free_all: '

EXTRA_HELP += "embed-test     - examples/embed: a kernel tree with a copy of the library, x86_64/arm64 x gcc/clang, booted in QEMU"

.PHONY: embed-test embed-tree $(EMBED_BUILDS:%=embed-%)

embed-tree:
	@scripts/deps.sh kconfig cross clang qemu-arm64 qemu-x86
	$(Q)rm -rf $(EMBED_TREE)
	$(Q)mkdir -p $(EMBED_TREE)
	$(Q)cp -pR $(EMBED_SRC) $(EMBED_TREE)/
	$(Q)$(MAKE) --no-print-directory -C $(EMBED_TREE) vendor LIBMEMBLOCK=$(CURDIR)

# One kernel: defconfig, build (its log in build.log, unless V=1), then
# the library's needs.
$(EMBED_BUILDS:%=embed-%): embed-%: embed-tree
	@mkdir -p $(EMBED_DIR)/$*
	$(Q)$(MAKE) --no-print-directory -C $(EMBED_TREE) $(embed_make_$*) \
		O=$(call embed_out,$*) KCONFIG_PY=$(KCONFIG_PY) $(if $(Q),,V=1) \
		defconfig all $(if $(Q),>$(EMBED_DIR)/$*/build.log) || \
		{ echo "embed-$*: FAILED to build - see $(EMBED_DIR)/$*/build.log" >&2; exit 1; }
	@needs=$$(llvm-nm $$(find $(EMBED_DIR)/$*/libmemblock -name '*.o') | \
		awk 'NF == 2 && ($$1 == "U" || $$1 == "w") { u[$$2] = 1 } \
		     NF == 3 { d[$$3] = 1 } \
		     END { for (s in u) if (!(s in d)) print s }' | sort | xargs); \
	echo "embed-$*: the library needs: $$needs"; \
	[ "$$needs" = "$(EMBED_NEEDS)" ] || \
		{ echo "embed-$*: expected: $(EMBED_NEEDS)" >&2; exit 1; }

embed-test: $(EMBED_BUILDS:%=embed-%)
	@failed=0; \
	$(foreach b,$(EMBED_BUILDS),\
	examples/boot-check.sh -q embed-$(b) $(embed_status_$(call embed_arch,$(b))) \
		$(EMBED_DIR)/$(b)/boot.log $(EMBED_TIMEOUT) $(embed_expect) -- \
		$(call embed_qemu_$(call embed_arch,$(b)),$(b)) || failed=1;) \
	exit $$failed
