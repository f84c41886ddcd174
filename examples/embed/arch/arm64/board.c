// SPDX-License-Identifier: MIT
/*
 * board.c - QEMU's virt machine for arm64, run with -m 128M: a PL011
 * UART, 128 MiB of RAM from 0x40000000, and semihosting to leave QEMU.
 */
#include <kernel/kernel.h>
#include <memblock/ext.h>

#define RAM_BASE 0x40000000UL
#define RAM_SIZE (128UL << 20)
#define MiB (1UL << 20)

/* The two halves of RAM are the two NUMA nodes (with CONFIG_NUMA). */
static const struct board_range ram[] = {
	{ RAM_BASE, RAM_SIZE / 2, 0, "RAM, first half" },
	{ RAM_BASE + RAM_SIZE / 2, RAM_SIZE / 2, 1, "RAM, second half" },
};

static const struct board_range reserved[] = {
	{ RAM_BASE, 2 * MiB, 0, "device tree (QEMU puts it at the start of RAM)" },
};

const struct board board = {
	.name = "arm64, QEMU virt",
	.ram = ram,
	.nr_ram = ARRAY_SIZE(ram),
	.reserved = reserved,
	.nr_reserved = ARRAY_SIZE(reserved),
};

/* --- PL011 --------------------------------------------------------------- */

#define UART_DR 0x00		/* data register */
#define UART_FR 0x18		/* flag register */
#define UART_FR_TXFF (1u << 5)	/* transmit FIFO full */

static volatile u32 *uart_reg(unsigned long off)
{
	return (volatile u32 *)(CONFIG_EARLY_UART_BASE + off);
}

void board_putc(char c)
{
	while (*uart_reg(UART_FR) & UART_FR_TXFF)
		;
	*uart_reg(UART_DR) = (unsigned char)c;
}

/* --- Leaving QEMU: semihosting SYS_EXIT (QEMU needs -semihosting) ------- */

#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

_Noreturn void board_exit(bool pass)
{
	/* On AArch64 the argument is a block: reason, then exit status. */
	static u64 block[2];
	register u64 x0 __asm__("x0") = SYS_EXIT;
	register u64 x1 __asm__("x1") = (uintptr_t)block;

	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = pass ? 0 : 1;
	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	for (;;)	/* no semihosting: the trap above went to arm64_trap */
		__asm__ volatile("wfe");
}

/* --- Exceptions ------------------------------------------------------------ */

_Noreturn void arm64_trap(unsigned long vector);

_Noreturn void arm64_trap(unsigned long vector)
{
	static bool trapped;
	unsigned long esr, elr;

	if (trapped)	/* a trap while reporting one: stop here */
		for (;;)
			__asm__ volatile("wfe");
	trapped = true;
	__asm__ volatile("mrs %0, esr_el1" : "=r"(esr));
	__asm__ volatile("mrs %0, elr_el1" : "=r"(elr));
	pr_info("exception: vector %lu, ESR %#lx, ELR %#lx\n", vector, esr, elr);
	panic("unexpected exception\n");
}
