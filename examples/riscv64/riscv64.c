// SPDX-License-Identifier: MIT
/*
 * riscv64.c - the machine part of the riscv64 example kernel: QEMU's virt
 * board, started by OpenSBI in S-mode, MMU off.
 *
 *  - console: the 16550 UART at 0x10000000 (QEMU sets it up; we only wait
 *    for an empty transmit register and write);
 *  - memory map: the device tree OpenSBI passes in a1, imported with
 *    memblock_import_fdt(). OpenSBI adds a /reserved-memory node for the
 *    RAM it keeps for itself (mmode_resv0@80000000, 512 KiB in OpenSBI
 *    1.1): the importer turns it into a reservation, so no allocation and
 *    no page of the page allocator ever lands on the firmware;
 *  - exit: the sifive_test device at 0x100000 (0x5555: status 0, pass;
 *    (1 << 16) | 0x3333: status 1, fail).
 */
#include "kernel.h"

/* --- 16550 UART ---------------------------------------------------------- */

#define UART_BASE 0x10000000UL
#define UART_THR 0		/* transmit holding register */
#define UART_LSR 5		/* line status register */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */

void arch_putc(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)UART_BASE;

	while (!(uart[UART_LSR] & UART_LSR_THRE))
		;
	uart[UART_THR] = (uint8_t)c;
}

/* --- Leaving QEMU: the sifive_test device -------------------------------- */

#define SIFIVE_TEST_BASE 0x100000UL
#define SIFIVE_TEST_PASS 0x5555
#define SIFIVE_TEST_FAIL 0x3333	/* the exit status goes in bits 16..31 */

_Noreturn void arch_exit(bool pass)
{
	volatile uint32_t *test = (volatile uint32_t *)SIFIVE_TEST_BASE;

	*test = pass ? SIFIVE_TEST_PASS : (1u << 16) | SIFIVE_TEST_FAIL;
	for (;;)
		__asm__ volatile("wfi");
}

/* Every trap comes here through stvec (start.S). */
_Noreturn void riscv_exception(void);

_Noreturn void riscv_exception(void)
{
	unsigned long cause, epc, tval;

	__asm__ volatile("csrr %0, scause" : "=r"(cause));
	__asm__ volatile("csrr %0, sepc" : "=r"(epc));
	__asm__ volatile("csrr %0, stval" : "=r"(tval));
	kprint("\nunexpected trap: scause %#lx, sepc %#lx, stval %#lx\n",
	       cause, epc, tval);
	kernel_panic("trap\n");
}

static void check_virt(void)
{
	phys_addr_t ram = memblock_start_of_DRAM();

	fdt_check_reserved();
	/* OpenSBI lives at the start of RAM, below the kernel. */
	expect(memblock_is_reserved(ram) && ram < (uintptr_t)__image_start,
	       "OpenSBI's memory (/reserved-memory) is reserved");
}

static const struct arch_boot virt = {
	.name = "riscv64, QEMU virt, OpenSBI, device tree from a1",
	.import_firmware_map = fdt_import_firmware_map,
	.reserve_boot_data = fdt_reserve_blob,
	.check_machine = check_virt,
	.ram_limit = MEMBLOCK_ALLOC_ANYWHERE,
	ELF_KERNEL_LAYOUT,
};

/* Called by start.S with the a0 and a1 OpenSBI passed. */
_Noreturn void riscv_main(unsigned long hartid, uintptr_t fdt);

_Noreturn void riscv_main(unsigned long hartid, uintptr_t fdt)
{
	kprint("riscv64: hart %lu in S-mode, device tree at %#lx\n", hartid,
	       (unsigned long)fdt);
	if (!fdt_set_blob(fdt))
		kernel_panic("a1 does not point to a device tree\n");
	boot_story(&virt);
}
