// SPDX-License-Identifier: MIT
/*
 * x86.c - the machine part of the x86 example kernel: a PC started by a
 * multiboot (1) or multiboot 2 loader, in 32-bit protected mode with
 * paging off.
 *
 *  - console: the 16550 UART "COM1" at I/O port 0x3f8;
 *  - memory map: multiboot 1: the information's mmap_addr/mmap_length,
 *    the BIOS E820 map the loader collected, imported with
 *    memblock_import_multiboot1(); multiboot 2: the whole information,
 *    imported with memblock_import_multiboot2() (GRUB passes the E820 map
 *    under a BIOS, and the UEFI map as well under UEFI, which wins);
 *  - exit: QEMU's isa-debug-exit device at port 0xf4; QEMU exits with
 *    status (value << 1) | 1, so 0x10 gives 33 (pass) and 0x01 gives 3.
 */
#include "kernel.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289

/* The multiboot information fields this kernel reads (flag bit: field). */
#define MB_INFO_CMDLINE (1u << 2)		/* cmdline */
#define MB_INFO_MEM_MAP (1u << 6)		/* mmap_length, mmap_addr */
#define MB_INFO_BOOT_LOADER_NAME (1u << 9)	/* boot_loader_name */

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;		/* KiB below 1 MiB / above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
};

/* --- COM1 -------------------------------------------------------------- */

#define COM1 0x3f8
#define UART_LSR 5		/* line status register */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void com1_init(void)
{
	outb(COM1 + 1, 0x00);	/* no interrupts: we poll */
	outb(COM1 + 3, 0x80);	/* DLAB on, to set the baud rate divisor */
	outb(COM1 + 0, 0x01);	/* divisor 1: 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);	/* DLAB off; 8 bits, no parity, 1 stop bit */
	outb(COM1 + 2, 0xc7);	/* FIFOs on and cleared */
}

void arch_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb(COM1, (uint8_t)c);
}

/* --- Leaving QEMU ------------------------------------------------------ */

#define DEBUG_EXIT_PORT 0xf4
#define DEBUG_EXIT_PASS 0x10	/* QEMU exit status 33 */
#define DEBUG_EXIT_FAIL 0x01	/* QEMU exit status 3 */

_Noreturn void arch_exit(bool pass)
{
	uint32_t v = pass ? DEBUG_EXIT_PASS : DEBUG_EXIT_FAIL;

	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"((uint16_t)DEBUG_EXIT_PORT));
	/* Without the device (on real hardware) there is nothing left to do. */
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* --- The memory map ---------------------------------------------------- */

static const struct multiboot_info *mbi;

static int import_multiboot_map(struct memblock_fw_stats *stats)
{
	/* The loader's map; the importer checks it whole before using it. */
	boot_raw_map((const void *)(uintptr_t)mbi->mmap_addr, mbi->mmap_length);
	return memblock_import_multiboot1((const void *)(uintptr_t)mbi->mmap_addr,
					  mbi->mmap_length, stats);
}

static size_t string_size(uint32_t pa)
{
	const char *s = (const char *)(uintptr_t)pa;
	size_t n = 0;

	while (s[n])
		n++;
	return n + 1;
}

/* What the loader left that the kernel still reads. */
static void reserve_multiboot_data(void)
{
	phys_addr_t info = (uintptr_t)mbi;

	/*
	 * The firmware map says page 0 is RAM, but it holds the real-mode
	 * interrupt vectors and the BIOS data area: never hand it out.
	 */
	memblock_reserve(0, PAGE_SIZE);

	memblock_reserve(info, sizeof(*mbi));
	memblock_reserve(mbi->mmap_addr, mbi->mmap_length);
	if (mbi->flags & MB_INFO_CMDLINE)
		memblock_reserve(mbi->cmdline, string_size(mbi->cmdline));
	if (mbi->flags & MB_INFO_BOOT_LOADER_NAME)
		memblock_reserve(mbi->boot_loader_name,
				 string_size(mbi->boot_loader_name));
	kprint("  multiboot info at %pa, memory map at %#x (%u bytes)\n",
	       &info, (unsigned int)mbi->mmap_addr,
	       (unsigned int)mbi->mmap_length);
}

static void check_pc(void)
{
	expect(memblock_is_reserved(0) && memblock_is_reserved((uintptr_t)mbi) &&
	       memblock_is_region_reserved(mbi->mmap_addr, mbi->mmap_length),
	       "page 0 and the multiboot information are reserved");
}

static const struct arch_boot pc = {
	.name = "x86, multiboot 1, 32-bit protected mode",
	.import_firmware_map = import_multiboot_map,
	.reserve_boot_data = reserve_multiboot_data,
	.check_machine = check_pc,
	/* No paging: a 32-bit kernel reaches only the first 4 GiB. */
	.ram_limit = (phys_addr_t)1 << 32,
	ELF_KERNEL_LAYOUT,
};

/* --- Multiboot 2 ---------------------------------------------------------- */

static const uint8_t *mbi2;

static uint32_t mbi2_size(void)
{
	return *(const uint32_t *)mbi2;	/* total_size, the first field */
}

static int import_multiboot2_map(struct memblock_fw_stats *stats)
{
	boot_raw_map(mbi2, mbi2_size());
	return memblock_import_multiboot2(mbi2, mbi2_size(), stats);
}

static void reserve_multiboot2_data(void)
{
	phys_addr_t info = (uintptr_t)mbi2;

	memblock_reserve(0, PAGE_SIZE);	/* real-mode vectors, BIOS data */
	memblock_reserve(info, mbi2_size());
	kprint("  multiboot 2 information at %pa (%u bytes)\n", &info,
	       (unsigned int)mbi2_size());
}

static void check_pc2(void)
{
	expect(memblock_is_reserved(0) &&
	       memblock_is_region_reserved((uintptr_t)mbi2, mbi2_size()),
	       "page 0 and the multiboot 2 information are reserved");
}

static const struct arch_boot pc2 = {
	.name = "x86, multiboot 2, 32-bit protected mode",
	.import_firmware_map = import_multiboot2_map,
	.reserve_boot_data = reserve_multiboot2_data,
	.check_machine = check_pc2,
	.ram_limit = (phys_addr_t)1 << 32,
	ELF_KERNEL_LAYOUT,
};

/* Called by boot.S with the loader's eax and ebx. */
_Noreturn void x86_main(uint32_t magic, uint32_t info);

_Noreturn void x86_main(uint32_t magic, uint32_t info)
{
	com1_init();
	if (magic == MULTIBOOT2_BOOTLOADER_MAGIC) {
		mbi2 = (const uint8_t *)(uintptr_t)info;
		kprint("multiboot 2: information of %u bytes at %#x\n",
		       (unsigned int)mbi2_size(), (unsigned int)info);
		boot_story(&pc2);
	}
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		kernel_panic("not started by a multiboot loader\n");
	mbi = (const struct multiboot_info *)(uintptr_t)info;
	if (!(mbi->flags & MB_INFO_MEM_MAP))
		kernel_panic("the multiboot loader gave no memory map\n");
	kprint("multiboot: flags %#x, %u KiB low + %u KiB high memory\n",
	       (unsigned int)mbi->flags, (unsigned int)mbi->mem_lower,
	       (unsigned int)mbi->mem_upper);
	boot_story(&pc);
}
