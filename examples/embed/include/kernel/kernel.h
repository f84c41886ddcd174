/* SPDX-License-Identifier: MIT */
/*
 * kernel.h - console, panic and the board each architecture describes.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <kernel/types.h>

/* The console (kernel/console.c) writes through board_putc(). */
void console_write(const char *s, size_t len);

/*
 * This early there is no printk of our own yet: log lines are formatted
 * by memblock_printk(), declared in <memblock/ext.h>, which writes
 * through memblock_env_write(), that is console_write().
 */
#define pr_info(...) memblock_printk(__VA_ARGS__)

/* Prints "PANIC: @msg" and FAIL, and leaves the machine with a failure. */
_Noreturn void panic(const char *msg);

/**
 * struct board_range - a range of physical memory
 * @base: first byte
 * @size: bytes
 * @nid: NUMA node (used only with CONFIG_NUMA)
 * @name: what it is, for the log
 */
struct board_range {
	phys_addr_t base;
	phys_addr_t size;
	int nid;
	const char *name;
};

/**
 * struct board - what arch/$(ARCH)/board.c knows about its machine
 * @name: for the banner
 * @ram: the RAM, in address order (tinykern has no firmware map to read)
 * @nr_ram: entries in @ram
 * @reserved: memory that firmware or the boot loader still uses
 * @nr_reserved: entries in @reserved
 */
struct board {
	const char *name;
	const struct board_range *ram;
	unsigned int nr_ram;
	const struct board_range *reserved;
	unsigned int nr_reserved;
};

extern const struct board board;

/* Write a byte to the UART at CONFIG_EARLY_UART_BASE. */
void board_putc(char c);

/* Leave the machine (QEMU) with a status that tells pass from fail. */
_Noreturn void board_exit(bool pass);

/* The kernel image, from arch/$(ARCH)/kernel.lds: code, data, bss, stack. */
extern char _text[], _end[];

/* Called by the entry stub, arch/$(ARCH)/head.S. */
_Noreturn void kmain(void);

#endif /* KERNEL_KERNEL_H */
