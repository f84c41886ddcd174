# SPDX-License-Identifier: MIT
#
# Examples. 'make run' is the project's main job: it builds an example
# kernel and boots it in QEMU (docs/examples.md).
#
#   make run                  x86 kernel, multiboot, qemu-system-i386
#   make run ARCH=arm64       arm64 kernel, device tree, qemu-system-aarch64
#   make run ARCH=riscv64     riscv64 kernel, OpenSBI + device tree, qemu-system-riscv64
#   make run-host             an early boot played on the host (examples/host-boot)
#   make run FW=uefi          the x86_64 UEFI application under OVMF (qemu-system-x86_64, ovmf);
#                             with ARCH=arm64, the arm64 one under AAVMF
#   make run FW=grub          the x86 kernel loaded by GRUB (multiboot2) under SeaBIOS;
#                             FW=grub-uefi: under OVMF
#   make run FW=u-boot        the arm64 kernel loaded by U-Boot (booti), a /memreserve/ added
#   make boot-test            make cross, then boot all the examples and judge them
#
# TOOLCHAIN=clang (default: clang + ld.lld) or TOOLCHAIN=gcc (the Debian
# cross gcc + GNU ld); BOOT_TIMEOUT bounds each boot (seconds); DUMP_MAP=1
# (with an O= of its own) builds kernels that print the raw map they get.

# --- host-boot ---------------------------------------------------------------

HOST_BOOT_DIR := $(O)/examples/host-boot
HOST_BOOT := $(HOST_BOOT_DIR)/host-boot
HOST_BOOT_ENV := examples/host-boot/host_env.h

EXTRA_HELP += "run-host       - build and run examples/host-boot, an early boot played on the host"

.PHONY: run run-host

run-host: $(HOST_BOOT)
	$(HOST_BOOT)

# The example brings its own environment header, so it builds the library
# for itself (in its own directory) with that header.
$(HOST_BOOT): examples/host-boot/main.c $(HOST_BOOT_ENV) FORCE
	$(Q)$(MAKE) --no-print-directory O=$(HOST_BOOT_DIR) \
		MEMBLOCK_ENV=$(HOST_BOOT_ENV) lib
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC) $(BASE_CFLAGS) $(CFLAGS) $(SAN_FLAGS) \
		-DMEMBLOCK_ENV_HEADER='"host_env.h"' -Iexamples/host-boot \
		$(INCLUDES) -o $@ $< $(HOST_BOOT_DIR)/libmemblock.a $(ALL_LDFLAGS)

# --- The example kernels -------------------------------------------------------

ARCH ?= x86
TOOLCHAIN ?= clang
BOOT_TIMEOUT ?= 10
EXAMPLE_ARCHS := x86 arm64 riscv64

EXTRA_HELP += "run            - boot an example kernel in QEMU: ARCH=x86 (default), arm64, riscv64; FW=uefi, grub, grub-uefi, u-boot"
EXTRA_HELP += "example        - build the example kernel of ARCH, without booting it"
EXTRA_HELP += "boot-test      - make cross, then boot every example kernel and check its output"

# Sources of every kernel: the shared boot story and helpers, then the
# machine's own entry code and drivers.
EX_COMMON := examples/common/boot.c examples/common/console.c \
	     examples/common/libc.c examples/common/pfa.c
ex_srcs_x86 := examples/x86/boot.S examples/x86/x86.c $(EX_COMMON)
ex_srcs_arm64 := examples/arm64/start.S examples/arm64/arm64.c \
		 examples/common/fdt.c $(EX_COMMON)
ex_srcs_riscv64 := examples/riscv64/start.S examples/riscv64/riscv64.c \
		   examples/common/fdt.c $(EX_COMMON)

# Each machine's environment header (include/memblock/env.h) and layout.
ex_env_x86 := examples/common/kernel_env.h
ex_env_arm64 := examples/common/kernel_env.h
ex_env_riscv64 := examples/common/kernel_env.h
ex_lds_x86 := examples/x86/x86.ld
ex_lds_arm64 := examples/arm64/arm64.ld
ex_lds_riscv64 := examples/riscv64/riscv64.ld

# Compilers and linkers. The library and the kernel use the same flags.
ex_cc_clang_x86 := clang --target=i686-unknown-elf
ex_cc_clang_arm64 := clang --target=aarch64-none-elf
ex_cc_clang_riscv64 := clang --target=riscv64-unknown-elf -march=rv64imac -mno-relax
ex_ld_clang_x86 := ld.lld
ex_ld_clang_arm64 := ld.lld
ex_ld_clang_riscv64 := ld.lld
ex_cc_gcc_x86 := i686-linux-gnu-gcc
ex_cc_gcc_arm64 := aarch64-linux-gnu-gcc
# binutils 2.40 wants the CSR instructions named (zicsr); clang 14 does not know the name.
ex_cc_gcc_riscv64 := riscv64-linux-gnu-gcc -march=rv64imac_zicsr
ex_ld_gcc_x86 := i686-linux-gnu-ld -m elf_i386 --no-warn-rwx-segments
ex_ld_gcc_arm64 := aarch64-linux-gnu-ld --no-warn-rwx-segments
ex_ld_gcc_riscv64 := riscv64-linux-gnu-ld --no-warn-rwx-segments
ex_deps_clang := clang
ex_deps_gcc := cross

# Freestanding kernel code: no libc, no stack protector (there is no
# __stack_chk_fail), no unwind tables; gcc must not turn the loops of
# libc.c into calls to memset itself.
EX_DUMP := $(if $(DUMP_MAP),-DEXAMPLE_DUMP_MAP)
EX_CFLAGS := $(EX_DUMP) -std=c11 -Wall -Wextra -Werror -O2 -g -ffreestanding \
	     -fno-stack-protector -fno-asynchronous-unwind-tables -MMD -MP
ex_cflags_gcc := -fno-tree-loop-distribute-patterns
ex_cflags_clang :=
# Per machine: 32-bit x86 without SSE or position-independent code (gcc
# makes PIE by default); arm64 with the MMU off needs aligned accesses
# and no FP/SIMD; riscv64 without floating point (-march=rv64imac, set
# with the compiler above), code placed anywhere.
ex_cflags_x86 := -march=i686 -mno-sse -mno-mmx -fno-pie -fno-pic
ex_cflags_arm64 := -mgeneral-regs-only -mstrict-align -fno-pie
ex_cflags_riscv64 := -mabi=lp64 -mcmodel=medany -fno-pie

# The image QEMU loads: the ELF for x86 (multiboot) and riscv64, a raw
# binary for arm64 (then x0 holds the device tree).
ex_image_x86 := kernel.elf
ex_image_arm64 := kernel.bin
ex_image_riscv64 := kernel.elf

# How QEMU boots each one, and the exit status that means PASS.
ex_qemu_x86 = qemu-system-i386 -m 128M -display none -serial stdio -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel $(1)
ex_qemu_arm64 = qemu-system-aarch64 -M virt -cpu cortex-a57 -m 128M -nographic \
	-semihosting -kernel $(1)
ex_qemu_riscv64 = qemu-system-riscv64 -M virt -m 128M -nographic -bios default \
	-kernel $(1)
ex_status_x86 := 33
ex_status_arm64 := 0
ex_status_riscv64 := 0
ex_qemu_deps_x86 := qemu-x86
ex_qemu_deps_arm64 := qemu-arm64
ex_qemu_deps_riscv64 := qemu-riscv64

# Lines boot-test wants to see besides PASS: RAM from the firmware map, as
# imported; for riscv64 also OpenSBI's /reserved-memory range, reserved.
ex_expect_x86 := 'firmware: memory   [0x0000000000100000-0x0000000007fdffff]'
ex_expect_arm64 := 'firmware: memory   [0x0000000040000000-0x0000000047ffffff]'
ex_expect_riscv64 := 'firmware: memory   [0x0000000080000000-0x0000000087ffffff]' \
	'firmware: reserved [0x0000000080000000-0x000000008007ffff]'

ex_dir = $(O)/examples/$(1)-$(TOOLCHAIN)
ex_image = $(call ex_dir,$(1))/$(ex_image_$(1))

# example_rules(arch): how to build one kernel with $(TOOLCHAIN).
define example_rules
EX_DIR_$(1) := $(call ex_dir,$(1))
EX_CC_$(1) := $(ex_cc_$(TOOLCHAIN)_$(1))
EX_ALL_CFLAGS_$(1) := $(EX_CFLAGS) $(ex_cflags_$(TOOLCHAIN)) $(ex_cflags_$(1))
EX_OBJS_$(1) := $$(patsubst %,$$(EX_DIR_$(1))/obj/%.o,$(basename $(ex_srcs_$(1))))
EX_LIB_$(1) := $$(EX_DIR_$(1))/lib/libmemblock.a

# The library, built for this kernel with its environment header.
$$(EX_LIB_$(1)): FORCE | example-deps-$(1)
	$$(Q)$$(MAKE) --no-print-directory $$(if $$(Q),-s) O=$$(EX_DIR_$(1))/lib \
		MEMBLOCK_ENV=$(ex_env_$(1)) CC="$$(EX_CC_$(1))" AR=llvm-ar \
		CFLAGS="$$(EX_ALL_CFLAGS_$(1))" lib

$$(EX_DIR_$(1))/obj/%.o: %.c $(ex_env_$(1)) | example-deps-$(1)
	@mkdir -p $$(dir $$@)
	$$(if $$(Q),@echo "  CC      $$@")
	$$(Q)$$(EX_CC_$(1)) $$(EX_ALL_CFLAGS_$(1)) \
		-DMEMBLOCK_ENV_HEADER='"$(notdir $(ex_env_$(1)))"' \
		-I$(dir $(ex_env_$(1))) -Iexamples/common \
		-I$$(EX_DIR_$(1))/lib/include -Iinclude -c $$< -o $$@

$$(EX_DIR_$(1))/obj/%.o: %.S | example-deps-$(1)
	@mkdir -p $$(dir $$@)
	$$(if $$(Q),@echo "  AS      $$@")
	$$(Q)$$(EX_CC_$(1)) $$(EX_ALL_CFLAGS_$(1)) -c $$< -o $$@

$$(EX_DIR_$(1))/kernel.elf: $$(EX_OBJS_$(1)) $$(EX_LIB_$(1)) $(ex_lds_$(1))
	$$(if $$(Q),@echo "  LD      $$@")
	$$(Q)$(ex_ld_$(TOOLCHAIN)_$(1)) -nostdlib -T $(ex_lds_$(1)) -o $$@ \
		$$(EX_OBJS_$(1)) $$(EX_LIB_$(1))

$$(EX_DIR_$(1))/kernel.bin: $$(EX_DIR_$(1))/kernel.elf
	$$(if $$(Q),@echo "  OBJCOPY $$@")
	$$(Q)llvm-objcopy -O binary $$< $$@

-include $$(EX_OBJS_$(1):.o=.d)

.PHONY: example-deps-$(1) example-$(1) run-$(1)
example-deps-$(1):
	@scripts/deps.sh $(ex_deps_$(TOOLCHAIN)) $(ex_qemu_deps_$(1))

example-$(1): $(call ex_image,$(1))

run-$(1): example-$(1)
	@echo "  QEMU    $(call ex_qemu_$(1),$(call ex_image,$(1)))"
	$$(Q)examples/boot-check.sh $(1) $(ex_status_$(1)) \
		$$(EX_DIR_$(1))/boot.log $(BOOT_TIMEOUT) $(ex_expect_$(1)) -- \
		$(call ex_qemu_$(1),$(call ex_image,$(1)))
endef
$(foreach a,$(EXAMPLE_ARCHS),$(eval $(call example_rules,$(a))))

# --- The UEFI application (x86_64 under OVMF, arm64 under AAVMF) -------------------
# A PE/COFF image made by clang for the UEFI target and lld-link, from one
# source with the common ones and its own library build; booted from a FAT
# directory by examples/uefi/run-ovmf.sh or run-aavmf.sh.

UEFI_CFLAGS := $(EX_DUMP) -std=c11 -Wall -Wextra -Werror -O2 -ffreestanding -fshort-wchar \
	       -fno-stack-protector -fno-asynchronous-unwind-tables -MMD -MP
UEFI_SRCS := examples/uefi/uefi.c $(EX_COMMON)
UEFI_TIMEOUT ?= 60
uefi_cc_uefi := clang --target=x86_64-unknown-windows -mno-red-zone -mno-stack-arg-probe
uefi_cc_uefi-arm64 := clang --target=aarch64-unknown-windows -mgeneral-regs-only
uefi_machine_uefi := x64
uefi_machine_uefi-arm64 := arm64
uefi_image_uefi := BOOTX64.EFI
uefi_image_uefi-arm64 := BOOTAA64.EFI
uefi_run_uefi := examples/uefi/run-ovmf.sh
uefi_run_uefi-arm64 := examples/uefi/run-aavmf.sh
uefi_deps_uefi := clang ovmf
uefi_deps_uefi-arm64 := clang aavmf
ex_status_uefi := 33
ex_status_uefi-arm64 := 0
ex_expect_uefi := 'UEFI: 1' 'firmware: memory   [0x0000000000100000-'
ex_expect_uefi-arm64 := 'UEFI: 2' 'firmware: memory   [0x0000000040000000-'
UEFI_NAMES := uefi uefi-arm64
uefi_image = $(O)/examples/$(1)/$(uefi_image_$(1))
ex_qemu_uefi = $(uefi_run_$(1)) $(call uefi_image,$(1))

# uefi_rules(name): how to build and run one UEFI application.
define uefi_rules
UEFI_DIR_$(1) := $(O)/examples/$(1)
UEFI_OBJS_$(1) := $$(patsubst %,$$(UEFI_DIR_$(1))/obj/%.o,$(basename $(UEFI_SRCS)))
UEFI_LIB_$(1) := $$(UEFI_DIR_$(1))/lib/libmemblock.a

.PHONY: example-deps-$(1) example-$(1) run-$(1)
example-deps-$(1):
	@scripts/deps.sh $(uefi_deps_$(1))

$$(UEFI_LIB_$(1)): FORCE | example-deps-$(1)
	$$(Q)$$(MAKE) --no-print-directory $$(if $$(Q),-s) O=$$(UEFI_DIR_$(1))/lib \
		MEMBLOCK_ENV=examples/common/kernel_env.h CC="$(uefi_cc_$(1))" \
		AR=llvm-ar CFLAGS="$(UEFI_CFLAGS)" lib

$$(UEFI_DIR_$(1))/obj/%.o: %.c examples/common/kernel_env.h | example-deps-$(1)
	@mkdir -p $$(dir $$@)
	$$(if $$(Q),@echo "  CC      $$@")
	$$(Q)$(uefi_cc_$(1)) $(UEFI_CFLAGS) -DMEMBLOCK_ENV_HEADER='"kernel_env.h"' \
		-Iexamples/common -I$$(UEFI_DIR_$(1))/lib/include -Iinclude -c $$< -o $$@

$(call uefi_image,$(1)): $$(UEFI_OBJS_$(1)) $$(UEFI_LIB_$(1))
	$$(if $$(Q),@echo "  LD      $$@")
	$$(Q)lld-link /nologo /subsystem:efi_application /entry:efi_main \
		/machine:$(uefi_machine_$(1)) /nodefaultlib /out:$$@ $$^

-include $$(UEFI_OBJS_$(1):.o=.d)

example-$(1): $(call uefi_image,$(1))

run-$(1): example-$(1)
	@echo "  QEMU    $(call ex_qemu_uefi,$(1))"
	$$(Q)examples/boot-check.sh $(1) $(ex_status_$(1)) $$(UEFI_DIR_$(1))/boot.log \
		$(UEFI_TIMEOUT) $(ex_expect_$(1)) -- $(call ex_qemu_uefi,$(1))
endef
$(foreach u,$(UEFI_NAMES),$(eval $(call uefi_rules,$(u))))

# --- The x86 kernel loaded by GRUB (multiboot2), under SeaBIOS and OVMF ------------

X86_KERNEL := $(call ex_image,x86)
ex_expect_grub := 'multiboot 2: information' 'firmware: memory   [0x0000000000100000-'
GRUB_TIMEOUT ?= 60

.PHONY: run-grub-bios run-grub-uefi
run-grub-bios run-grub-uefi: run-grub-%: example-x86
	@scripts/deps.sh grub $(if $(filter uefi,$*),ovmf)
	@echo "  QEMU    GRUB ($*) -> $(X86_KERNEL)"
	$(Q)examples/boot-check.sh grub-$* 33 $(O)/examples/grub-$*.log \
		$(GRUB_TIMEOUT) $(ex_expect_grub) -- \
		examples/x86/run-grub.sh $(X86_KERNEL) $*

# --- The arm64 kernel loaded by U-Boot (booti), with a /memreserve/ added --------

ARM64_IMAGE := $(call ex_image,arm64)
ex_expect_uboot := 'libmemblock: U-Boot boot script' \
	'firmware: memory   [0x0000000040000000-0x0000000047ffffff]' \
	'firmware: reserved [0x0000000047f00000-0x0000000047f0ffff]'
UBOOT_TIMEOUT ?= 30

.PHONY: run-uboot
run-uboot: example-arm64
	@scripts/deps.sh uboot
	@echo "  QEMU    U-Boot -> $(ARM64_IMAGE)"
	$(Q)examples/boot-check.sh uboot 0 $(O)/examples/uboot.log \
		$(UBOOT_TIMEOUT) $(ex_expect_uboot) -- \
		examples/arm64/run-uboot.sh $(ARM64_IMAGE)

.PHONY: example examples boot-test example-arch-check

example-arch-check:
	@case " $(EXAMPLE_ARCHS) " in *" $(ARCH) "*) ;; *) \
		echo "ARCH=$(ARCH): the example kernels are for ARCH=x86, arm64 or riscv64" >&2; \
		exit 2 ;; esac
	@case "$(TOOLCHAIN)" in clang|gcc) ;; *) \
		echo "TOOLCHAIN=$(TOOLCHAIN): use clang or gcc" >&2; exit 2 ;; esac

# FW=uefi: the UEFI application instead of ARCH's kernel (x86_64 under
# OVMF; with ARCH=arm64, under AAVMF);
# FW=grub, FW=grub-uefi: the x86 kernel loaded by GRUB (multiboot2) under
# SeaBIOS or OVMF; FW=u-boot: the arm64 kernel loaded by U-Boot.
run_target = $(if $(filter uefi,$(FW)),$(if $(filter arm64,$(ARCH)),uefi-arm64,uefi),$(if $(filter grub,$(FW)),grub-bios,$(if \
	$(filter grub-uefi,$(FW)),grub-uefi,$(if $(filter u-boot,$(FW)),uboot,$(ARCH)))))
run: example-arch-check
	$(Q)$(MAKE) --no-print-directory run-$(run_target)

example: example-arch-check
	$(Q)$(MAKE) --no-print-directory example-$(ARCH)

examples: $(foreach a,$(EXAMPLE_ARCHS),example-$(a))

# The CI job: freestanding cross builds, then every kernel built and booted
# quietly (logs in $(O)/examples/<arch>-<toolchain>/boot.log) and judged. A
# kernel that does not build counts as failed; the others still run.
boot-test:
	@scripts/deps.sh cross $(ex_deps_$(TOOLCHAIN)) ovmf aavmf grub uboot \
		$(foreach a,$(EXAMPLE_ARCHS),$(ex_qemu_deps_$(a)))
	$(Q)$(MAKE) --no-print-directory cross
	@passed=0; failed=0; \
	$(foreach a,$(EXAMPLE_ARCHS),\
	if ! $(MAKE) --no-print-directory example-$(a); then \
		echo "$(a): FAILED (the kernel does not build)"; \
		failed=$$((failed + 1)); \
	elif examples/boot-check.sh -q $(a) $(ex_status_$(a)) \
		$(call ex_dir,$(a))/boot.log $(BOOT_TIMEOUT) $(ex_expect_$(a)) -- \
		$(call ex_qemu_$(a),$(call ex_image,$(a))); then \
		passed=$$((passed + 1)); \
	else \
		failed=$$((failed + 1)); \
	fi;) \
	$(foreach u,$(UEFI_NAMES),\
	if ! $(MAKE) --no-print-directory example-$(u); then \
		echo "$(u): FAILED (the application does not build)"; \
		failed=$$((failed + 1)); \
	elif examples/boot-check.sh -q $(u) $(ex_status_$(u)) $(O)/examples/$(u)/boot.log \
		$(UEFI_TIMEOUT) $(ex_expect_$(u)) -- $(call ex_qemu_uefi,$(u)); then \
		passed=$$((passed + 1)); \
	else \
		failed=$$((failed + 1)); \
	fi;) \
	for fw in bios uefi; do \
		if examples/boot-check.sh -q grub-$$fw 33 $(O)/examples/grub-$$fw.log \
			$(GRUB_TIMEOUT) $(ex_expect_grub) -- \
			examples/x86/run-grub.sh $(X86_KERNEL) $$fw; then \
			passed=$$((passed + 1)); \
		else \
			failed=$$((failed + 1)); \
		fi; \
	done; \
	if examples/boot-check.sh -q uboot 0 $(O)/examples/uboot.log \
		$(UBOOT_TIMEOUT) $(ex_expect_uboot) -- \
		examples/arm64/run-uboot.sh $(ARM64_IMAGE); then \
		passed=$$((passed + 1)); \
	else \
		failed=$$((failed + 1)); \
	fi; \
	echo "boot-test: $$passed passed, $$failed failed"; \
	[ $$failed -eq 0 ]
