// SPDX-License-Identifier: MIT
/*
 * efi.c - import a UEFI memory map (GetMemoryMap() output).
 *
 * Descriptors: u32 type, u32 pad, u64 physical start, u64 virtual start,
 * u64 number of 4 KiB pages, u64 attribute, then whatever a newer version
 * adds (the stride is desc_size, at least 40). Little-endian.
 *
 * The mapping follows what Linux does on arm64/riscv (reserve_regions() in
 * its efi-init): cacheable descriptors are memory, the ones that are not
 * free after ExitBootServices() are memory marked NOMAP. See
 * docs/firmware.md for the table and the reasons.
 *
 * The map walk is shared with the multiboot 2 importer (EFI memory-map
 * tag), so it is built when either is configured.
 */
#include <memblock/config.h>

#if defined(CONFIG_MEMBLOCK_FW_EFI) || defined(CONFIG_MEMBLOCK_FW_MULTIBOOT)

#include "fw_internal.h"

#define EFI_CACHEABLE                                                          \
	(MEMBLOCK_EFI_MEMORY_WB | MEMBLOCK_EFI_MEMORY_WT |                     \
	 MEMBLOCK_EFI_MEMORY_WC)

struct efi_desc {
	uint32_t type;
	u64 phys;
	u64 pages;
	u64 attr;
};

static void efi_read(const uint8_t *p, struct efi_desc *d)
{
	d->type = fw_le32(p);
	d->phys = fw_le64(p + 8);
	d->pages = fw_le64(p + 24);
	d->attr = fw_le64(p + 32);
}

/* Free for the OS once boot services have exited (if write-back). */
static bool efi_type_usable(uint32_t type)
{
	switch (type) {
	case MEMBLOCK_EFI_LOADER_CODE:
	case MEMBLOCK_EFI_LOADER_DATA:
	case MEMBLOCK_EFI_BOOT_SERVICES_CODE:
	case MEMBLOCK_EFI_BOOT_SERVICES_DATA:
	case MEMBLOCK_EFI_CONVENTIONAL_MEMORY:
	case MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY:
	case MEMBLOCK_EFI_PERSISTENT_MEMORY:
		return true;
	default:
		return false;
	}
}

/* The &enum fw_act for a descriptor; 0 when it is not memory at all. */
static unsigned int efi_action(const struct efi_desc *d)
{
	unsigned int act;

	if (!(d->attr & EFI_CACHEABLE))
		return 0;
	/* Specific-purpose memory: soft-reserved, like E820 0xefffffff. */
	if (d->type == MEMBLOCK_EFI_CONVENTIONAL_MEMORY &&
	    (d->attr & MEMBLOCK_EFI_MEMORY_SP))
		return FW_ACT_RESERVE;

	act = FW_ACT_MEMORY;
	if (!efi_type_usable(d->type) || !(d->attr & MEMBLOCK_EFI_MEMORY_WB))
		act |= FW_ACT_NOMAP;
	/* ACPI tables stay intact (kexec, later parsing). */
	if (d->type == MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY)
		act |= FW_ACT_RESERVE;
	if (d->attr & MEMBLOCK_EFI_MEMORY_MORE_RELIABLE)
		act |= FW_ACT_MIRROR;
	return act;
}

static bool efi_next(const void *arg, size_t *cursor, struct fw_typed_entry *e)
{
	const struct fw_efi_map *m = arg;
	struct efi_desc d;

	if (!fw_fits(*cursor, m->desc_size, m->map_size))
		return false;
	efi_read(m->map + *cursor, &d);
	*cursor += m->desc_size;
	e->base = d.phys;
	e->size = d.pages << MEMBLOCK_EFI_PAGE_SHIFT;
	e->type = d.type;
	e->skip = false;
	return true;
}

/**
 * mb_fw_efi_walk - report every descriptor of a UEFI memory map
 * @ctx: the import
 * @arg: a &struct fw_efi_map
 *
 * Return: 0; -EINVAL for a descriptor size below 40 or a NULL map;
 * -EBADMSG when the map does not hold a whole number of descriptors;
 * -ERANGE for a descriptor that wraps; -EEXIST for overlapping descriptors
 * of different types (check pass).
 */
int mb_fw_efi_walk(struct fw_ctx *ctx, const void *arg)
{
	const struct fw_efi_map *m = arg;
	size_t off;
	int err;

	if (m->desc_size < MEMBLOCK_EFI_DESC_MIN_SIZE)
		return -EINVAL;
	if (m->map_size && !m->map)
		return -EINVAL;
	/* Whole descriptors only, before anything else is looked at. */
	for (off = 0; off < m->map_size; off += m->desc_size)
		if (!fw_fits(off, m->desc_size, m->map_size))
			return -EBADMSG;

	for (off = 0; off < m->map_size; off += m->desc_size) {
		struct efi_desc d;
		unsigned int act;
		u64 size;

		efi_read(m->map + off, &d);
		mb_fw_count_entry(ctx);
		if (d.pages > (~(u64)0 >> MEMBLOCK_EFI_PAGE_SHIFT))
			return -ERANGE;
		size = d.pages << MEMBLOCK_EFI_PAGE_SHIFT;
		if (mb_fw_check_range(d.phys, size))
			return -ERANGE;
		act = efi_action(&d);
		if (!act) {
			mb_fw_ignore(ctx, d.phys, size, "not cacheable: not memory");
			continue;
		}
		err = mb_fw_emit(ctx, d.phys, size, act, MAX_NUMNODES);
		if (err)
			return err;
	}
	return mb_fw_checking(ctx) ? mb_fw_check_overlaps(m, efi_next) : 0;
}

#ifdef CONFIG_MEMBLOCK_FW_EFI
/**
 * memblock_import_efi - add a UEFI memory map to memblock
 * @map: the first descriptor (any alignment)
 * @map_size: bytes of descriptors (GetMemoryMap()'s MemoryMapSize); 0
 *	imports nothing
 * @desc_size: stride between descriptors (DescriptorSize), at least 40
 * @stats: optional output; zeroed first, filled on success
 *
 * A descriptor with a cacheable attribute (WB, WT or WC) is memory. Loader
 * code/data, boot services code/data, conventional, ACPI reclaim and
 * persistent memory stay usable when WB; every other cacheable descriptor
 * (runtime services, ACPI NVS, unusable, reserved, MMIO, PAL code,
 * unaccepted, OEM/OS types), and a usable one without WB, is memory
 * marked MEMBLOCK_NOMAP. ACPI reclaim memory is also reserved.
 * MORE_RELIABLE memory is marked MEMBLOCK_MIRROR (which memblock records
 * only when mirrored_kernelcore is set). Conventional memory with the SP
 * (specific-purpose) attribute is reserved, not memory. A descriptor that
 * is not cacheable, or has no pages, is ignored. In a 32-bit phys_addr_t
 * build the part of a descriptor above PHYS_ADDR_MAX is dropped.
 *
 * The whole map is checked before memblock changes.
 *
 * Context: early boot, single-threaded, after ExitBootServices() (boot
 * services memory is treated as free), before memblock_discard().
 *
 * Return: 0; -EINVAL for a NULL @map or @desc_size below 40; -EBADMSG when
 * @map_size is not a multiple of @desc_size; -ERANGE for a descriptor that
 * wraps past 2^64; -EEXIST for overlapping descriptors of different types;
 * -ENOMEM when the region arrays cannot hold the result. On error memblock
 * is unchanged (with -ENOMEM after growth was allowed, only the arrays may
 * have grown).
 */
int memblock_import_efi(const void *map, size_t map_size, size_t desc_size,
			struct memblock_fw_stats *stats)
{
	const struct fw_efi_map m = {
		.map = map,
		.map_size = map_size,
		.desc_size = desc_size,
	};

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));
	if (desc_size < MEMBLOCK_EFI_DESC_MIN_SIZE || (map_size && !map))
		return -EINVAL;
	if (!map_size)
		return 0;
	return mb_fw_run("efi", mb_fw_efi_walk, &m, stats);
}
#endif /* CONFIG_MEMBLOCK_FW_EFI */

#endif /* CONFIG_MEMBLOCK_FW_EFI || CONFIG_MEMBLOCK_FW_MULTIBOOT */
