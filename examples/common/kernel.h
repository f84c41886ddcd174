/* SPDX-License-Identifier: MIT */
/*
 * kernel.h - what the three example kernels share.
 *
 * Each example is split in two:
 *  - examples/<arch>/: the part only that machine has (entry code in
 *    assembly, the UART, how to leave QEMU with a status, and where the
 *    firmware's memory map comes from);
 *  - examples/common/: the part every kernel has (console output, panic,
 *    memset & co, a tiny page-frame allocator, and boot.c, the "boot story"
 *    that walks memblock from the firmware map to the page allocator).
 *
 * The arch part fills in a struct arch_boot and calls boot_story().
 */
#ifndef EXAMPLE_KERNEL_H
#define EXAMPLE_KERNEL_H

#include <memblock.h>
#include <memblock/ext.h>
#include <memblock/fw.h>

/* --- Provided by examples/<arch>/ ------------------------------------------ */

/* Write one byte to the serial port (polling: no interrupts at this point). */
void arch_putc(char c);

/* Leave QEMU with a status a script can tell apart: pass or fail. */
_Noreturn void arch_exit(bool pass);

/**
 * struct arch_boot - what a machine tells the boot story
 * @name: printed in the banner, e.g. "x86 (multiboot 1)"
 * @import_firmware_map: hand the firmware's memory map to memblock through
 *	one of the importers of <memblock/fw.h>; returns 0 or -errno
 * @reserve_boot_data: reserve whatever the firmware or boot loader left in
 *	memory that the kernel still reads (multiboot info, device tree)
 * @check_machine: checks only this machine can make, with expect() (may
 *	be NULL)
 * @ram_limit: first address the kernel cannot reach, e.g. 4 GiB for a
 *	32-bit kernel without paging; MEMBLOCK_ALLOC_ANYWHERE for none
 * @image_start: the kernel image (code, data and bss), from its linker
 *	script, or where the firmware loaded it
 * @image_end: its end
 * @stack_start: the boot stack, apart from the image
 * @stack_end: its end
 */
struct arch_boot {
	const char *name;
	int (*import_firmware_map)(struct memblock_fw_stats *stats);
	void (*reserve_boot_data)(void);
	void (*check_machine)(void);
	phys_addr_t ram_limit;
	const char *image_start, *image_end;
	const char *stack_start, *stack_end;
};

/* --- Provided by examples/common/ ------------------------------------------ */

/* The whole boot, from the firmware map to PASS or FAIL. Never returns. */
_Noreturn void boot_story(const struct arch_boot *arch);

/* Console output; kprint() is memblock_printk(), the library's formatter. */
void console_write(const char *s, size_t len);
#define kprint(...) memblock_printk(__VA_ARGS__)

/* Print "PANIC: msg", then the FAIL line, and leave QEMU with a failure. */
_Noreturn void kernel_panic(const char *msg);

/*
 * Print the raw memory map (or device tree, or boot information) the
 * firmware handed over, as hex lines between "RAW-MAP <bytes>" and
 * "RAW-END", when the kernel is built with EXAMPLE_DUMP_MAP (make ...
 * DUMP_MAP=1): the way new fixtures for tests/data are captured.
 */
void boot_raw_map(const void *data, size_t len);

/* One check of the boot story: prints "[ok]" or "[FAIL]" and counts it. */
void expect(bool ok, const char *what);

/*
 * The device tree (fdt.c), for kernels that boot with one: fdt_set_blob()
 * takes the address the firmware passed and says whether it holds a DTB;
 * the other three fit struct arch_boot.
 */
bool fdt_set_blob(uintptr_t addr);
int fdt_import_firmware_map(struct memblock_fw_stats *stats);
void fdt_reserve_blob(void);
void fdt_check_reserved(void);

/* The memblock_env_free_pages() hook, in boot.c. */
void kernel_free_pages(unsigned long start_pfn, unsigned long nr_pages);

/* libc.c: what compilers may call even in freestanding code. */
void *memset(void *dest, int c, size_t n);
void *memcpy(void *restrict dest, const void *restrict src, size_t n);
void *memmove(void *dest, const void *src, size_t n);

/* Bytes of a range, for the reservations the boot story makes. */
#define range_size(start, end) ((phys_addr_t)((uintptr_t)(end) - (uintptr_t)(start)))

/*
 * The linker script of each ELF example defines these: the kernel image
 * (code, data and bss) and, apart from it, the boot stack.
 */
extern char __image_start[], __image_end[];
extern char __stack_start[], __stack_end[];
#define ELF_KERNEL_LAYOUT                                                      \
	.image_start = __image_start, .image_end = __image_end,               \
	.stack_start = __stack_start, .stack_end = __stack_end

#endif /* EXAMPLE_KERNEL_H */
