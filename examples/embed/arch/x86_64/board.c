// SPDX-License-Identifier: MIT
/*
 * board.c - a PC as QEMU's pc machine makes it with -m 128M: its BIOS
 * memory map, the 16550 UART COM1, and isa-debug-exit to leave QEMU.
 */
#include <kernel/kernel.h>

#define KiB (1UL << 10)
#define MiB (1UL << 20)

/*
 * The usable RAM of the BIOS map (e820) QEMU gives 128 MiB: conventional
 * memory below 639 KiB, and from 1 MiB up to the 128 KiB the BIOS keeps
 * at the top. Node 1 is the upper 64 MiB (with CONFIG_NUMA).
 */
static const struct board_range ram[] = {
	{ 0, 639 * KiB, 0, "conventional memory" },
	{ 1 * MiB, 63 * MiB, 0, "extended memory" },
	{ 64 * MiB, 64 * MiB - 128 * KiB, 1, "extended memory" },
};

static const struct board_range reserved[] = {
	{ 0, 4 * KiB, 0, "real-mode interrupt vectors and BIOS data" },
};

const struct board board = {
	.name = "x86_64, QEMU pc",
	.ram = ram,
	.nr_ram = ARRAY_SIZE(ram),
	.reserved = reserved,
	.nr_reserved = ARRAY_SIZE(reserved),
};

static inline void outb(u16 port, u8 v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* --- 16550 UART: QEMU needs no setup, a real one would --------------------- */

#define UART_LSR 5		/* line status register */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */

void board_putc(char c)
{
	while (!(inb(CONFIG_EARLY_UART_BASE + UART_LSR) & UART_LSR_THRE))
		;
	outb(CONFIG_EARLY_UART_BASE, (u8)c);
}

/*
 * --- Leaving QEMU: isa-debug-exit at port 0xf4 ----------------------------
 * QEMU exits with status (value << 1) | 1: 33 for pass, 3 for fail.
 */
_Noreturn void board_exit(bool pass)
{
	outb(0xf4, pass ? 0x10 : 0x01);
	for (;;)	/* no such device: stop */
		__asm__ volatile("cli; hlt");
}
