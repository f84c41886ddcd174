// SPDX-License-Identifier: MIT
/*
 * arm64.c - the machine part of the arm64 example kernel: QEMU's virt
 * board with a Cortex-A57, MMU off.
 *
 *  - console: the PL011 UART at 0x09000000 (QEMU sets it up; we only
 *    wait for room in the transmit FIFO and write);
 *  - memory map: the device tree the firmware (here QEMU itself) passes
 *    in x0, imported with memblock_import_fdt(): the /memory nodes, the
 *    /memreserve/ entries and /reserved-memory;
 *  - exit: semihosting SYS_EXIT (QEMU needs -semihosting): status 0 for
 *    pass, 1 for fail.
 */
#include "kernel.h"

/* --- PL011 --------------------------------------------------------------- */

#define PL011_BASE 0x09000000UL
#define PL011_DR 0x00		/* data register */
#define PL011_FR 0x18		/* flag register */
#define PL011_FR_TXFF (1u << 5)	/* transmit FIFO full */

static inline uint32_t mmio_read32(unsigned long addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(unsigned long addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

void arch_putc(char c)
{
	while (mmio_read32(PL011_BASE + PL011_FR) & PL011_FR_TXFF)
		;
	mmio_write32(PL011_BASE + PL011_DR, (unsigned char)c);
}

/* --- Leaving QEMU: semihosting ------------------------------------------- */

#define SEMIHOSTING_SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

static bool exiting;

_Noreturn void arch_exit(bool pass)
{
	/*
	 * On AArch64, SYS_EXIT takes a pointer to two words: the reason, and
	 * the exit status QEMU then exits with. "hlt #0xf000" is the
	 * semihosting trap; without -semihosting it is an undefined
	 * instruction, and arm64_exception() stops the CPU.
	 */
	static uint64_t block[2];
	register uint64_t x0 __asm__("x0") = SEMIHOSTING_SYS_EXIT;
	register uint64_t x1 __asm__("x1") = (uintptr_t)block;

	exiting = true;
	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = pass ? 0 : 1;
	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	for (;;)
		__asm__ volatile("wfe");
}

/* Every exception comes here from the vectors in start.S. */
_Noreturn void arm64_exception(unsigned long vector);

_Noreturn void arm64_exception(unsigned long vector)
{
	unsigned long esr, elr, far;

	if (exiting)		/* the exit itself trapped: no semihosting */
		for (;;)
			__asm__ volatile("wfe");
	__asm__ volatile("mrs %0, esr_el1" : "=r"(esr));
	__asm__ volatile("mrs %0, elr_el1" : "=r"(elr));
	__asm__ volatile("mrs %0, far_el1" : "=r"(far));
	kprint("\nunexpected exception: vector %lu, ESR %#lx, ELR %#lx, FAR %#lx\n",
	       vector, esr, elr, far);
	kernel_panic("exception\n");
}

static const struct arch_boot virt = {
	.name = "arm64, QEMU virt, device tree from x0",
	.import_firmware_map = fdt_import_firmware_map,
	.reserve_boot_data = fdt_reserve_blob,
	.check_machine = fdt_check_reserved,
	.ram_limit = MEMBLOCK_ALLOC_ANYWHERE,
	ELF_KERNEL_LAYOUT,
};

/* Called by start.S with the x0 the firmware passed. */
_Noreturn void arm64_main(uintptr_t fdt);

_Noreturn void arm64_main(uintptr_t fdt)
{
	unsigned long el;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	kprint("arm64: running at EL%lu, device tree at %#lx\n", (el >> 2) & 3,
	       (unsigned long)fdt);
	if (!fdt_set_blob(fdt))
		kernel_panic("x0 does not point to a device tree\n");
	boot_story(&virt);
}
