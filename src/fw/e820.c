// SPDX-License-Identifier: MIT
/*
 * e820.c - import a BIOS E820 memory map (INT 15h, AX=E820h).
 *
 * Entries are 20 bytes (u64 addr, u64 size, u32 type) or 24 bytes with the
 * ACPI 3.0 extended attributes (u32; bit 0 clear: ignore the entry), all
 * little-endian. RAM becomes memory; every other type is reserved but not
 * memory; where entries overlap, the largest type wins. See
 * docs/firmware.md for the reasons.
 */
#include <memblock/config.h>

#ifdef CONFIG_MEMBLOCK_FW_E820

#include "fw_internal.h"

#define E820_ENTRY_SIZE 20
#define E820_ENTRY_SIZE_EXT 24
#define E820_ATTR_ENABLED 0x1

struct e820_table {
	const uint8_t *table;
	size_t nr_entries;
	size_t entry_size;
};

static void e820_read(const struct e820_table *t, size_t i,
		      struct fw_typed_entry *e)
{
	const uint8_t *p = t->table + i * t->entry_size;

	e->base = fw_le64(p);
	e->size = fw_le64(p + 8);
	e->type = fw_le32(p + 16);
	e->skip = t->entry_size == E820_ENTRY_SIZE_EXT &&
		  !(fw_le32(p + 20) & E820_ATTR_ENABLED);
}

/* RAM is memory; everything else, known or not, is kept out of use. */
static unsigned int e820_action(uint32_t type)
{
	return type == MEMBLOCK_E820_TYPE_RAM ? FW_ACT_MEMORY : FW_ACT_RESERVE;
}

static int e820_walk(struct fw_ctx *ctx, const void *arg)
{
	const struct e820_table *t = arg;
	struct fw_typed_entry e;
	size_t i;
	int err;

	for (i = 0; i < t->nr_entries; i++) {
		e820_read(t, i, &e);
		mb_fw_count_entry(ctx);
		if (e.skip) {
			mb_fw_ignore(ctx, e.base, e.size,
				     "extended attributes: not enabled");
			continue;
		}
		/* Where entries overlap, the largest type wins (Linux's
		 * sanitizing): reserved beats RAM, soft-reserved everything. */
		err = mb_fw_emit_ranked(ctx, e.base, e.size,
					e820_action(e.type), MAX_NUMNODES,
					e.type);
		if (err)
			return err;
	}
	return 0;
}

/**
 * memblock_import_e820 - add a BIOS E820 memory map to memblock
 * @table: the first entry (any alignment)
 * @nr_entries: number of entries; 0 imports nothing
 * @entry_size: 20, or 24 for entries with ACPI 3.0 extended attributes
 * @stats: optional output; zeroed first, filled on success
 *
 * Type 1 (RAM) is added as memory (node unknown). Every other type, known
 * (reserved, ACPI, NVS, unusable, PMEM, PRAM, soft-reserved) or not, is
 * reserved but not added as memory. A 24-byte entry whose attribute bit 0
 * is clear, and a zero-length entry, are ignored. Where entries overlap,
 * the table is read as Linux sanitizes it: each piece takes the largest
 * type among the entries over it (reserved beats RAM, soft-reserved beats
 * everything). In a 32-bit phys_addr_t build the part of an entry above
 * PHYS_ADDR_MAX is dropped.
 *
 * The whole table is checked before memblock changes.
 *
 * Context: early boot, single-threaded, before memblock_discard().
 *
 * Return: 0; -EINVAL for a NULL @table with entries or an @entry_size other
 * than 20 or 24; -ERANGE for an entry that wraps past 2^64; -ENOMEM when
 * the region arrays cannot hold the result. On error memblock is unchanged (with -ENOMEM
 * after growth was allowed, only the arrays may have grown).
 */
int memblock_import_e820(const void *table, size_t nr_entries,
			 size_t entry_size, struct memblock_fw_stats *stats)
{
	const struct e820_table t = {
		.table = table,
		.nr_entries = nr_entries,
		.entry_size = entry_size,
	};

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));
	if (entry_size != E820_ENTRY_SIZE && entry_size != E820_ENTRY_SIZE_EXT)
		return -EINVAL;
	if (!nr_entries)
		return 0;
	if (!table || nr_entries > (size_t)-1 / E820_ENTRY_SIZE_EXT)
		return -EINVAL;
	return mb_fw_run("e820", e820_walk, &t, stats);
}

#endif /* CONFIG_MEMBLOCK_FW_E820 */
