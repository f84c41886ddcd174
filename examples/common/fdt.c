// SPDX-License-Identifier: MIT
/*
 * fdt.c - the device tree, for the kernels whose firmware hands one over
 * (arm64 and riscv64 on QEMU virt).
 *
 * The firmware leaves the flattened device tree in RAM (mid-RAM on arm64
 * virt, near the top under OpenSBI) and passes its address in a register.
 * The kernel gives it to memblock_import_fdt(), and reserves it, because it
 * is still to be read after memblock starts handing out memory.
 */
#include "kernel.h"

#define FDT_MAGIC 0xd00dfeed

static const void *dtb;

/*
 * The FDT header is big-endian: magic in word 0, total size in word 1.
 * Assembled from bytes, which also spares a call to a byte-swap helper
 * (gcc emits __bswapsi2 for __builtin_bswap32 on RISC-V without Zbb).
 */
static uint32_t fdt_header_word(int index)
{
	const uint8_t *p = (const uint8_t *)dtb + 4 * index;

	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

bool fdt_set_blob(uintptr_t addr)
{
	dtb = (const void *)addr;
	return addr && fdt_header_word(0) == FDT_MAGIC;
}

int fdt_import_firmware_map(struct memblock_fw_stats *stats)
{
	boot_raw_map(dtb, fdt_header_word(1));
	return memblock_import_fdt(dtb, fdt_header_word(1), stats);
}

void fdt_reserve_blob(void)
{
	phys_addr_t base = (uintptr_t)dtb;

	memblock_reserve(base, fdt_header_word(1));
	kprint("  device tree at %pa, %u bytes\n", &base,
	       (unsigned int)fdt_header_word(1));
}

void fdt_check_reserved(void)
{
	expect(memblock_is_region_reserved((uintptr_t)dtb, fdt_header_word(1)),
	       "the device tree is reserved");
}
