// SPDX-License-Identifier: MIT
/*
 * limine.c - import the memory map of the Limine boot protocol.
 *
 * The memory-map response holds entry_count pointers to entries
 * { u64 base; u64 length; u64 type; } in the kernel's own byte order (the
 * protocol is for 64-bit little-endian machines only). The pointers
 * already point into the higher-half direct map: the kernel passes the
 * response's array as it gets it.
 */
#include <memblock/config.h>

#ifdef CONFIG_MEMBLOCK_FW_LIMINE

#include "fw_internal.h"

struct limine_map {
	const struct memblock_limine_entry *const *entries;
	size_t count;
};

/*
 * Usable memory is memory. What the boot loader or the kernel occupies,
 * and ACPI tables the kernel may free once parsed, are memory but
 * reserved: taken now, reclaimable later. The rest (firmware, NVS, bad
 * RAM, the framebuffer, reserved-mapped and unknown types) is reserved and
 * not memory.
 */
static unsigned int limine_action(u64 type)
{
	switch (type) {
	case MEMBLOCK_LIMINE_USABLE:
		return FW_ACT_MEMORY;
	case MEMBLOCK_LIMINE_ACPI_RECLAIMABLE:
	case MEMBLOCK_LIMINE_BOOTLOADER_RECLAIMABLE:
	case MEMBLOCK_LIMINE_EXECUTABLE_AND_MODULES:
		return FW_ACT_MEMORY | FW_ACT_RESERVE;
	default:
		return FW_ACT_RESERVE;
	}
}

static int limine_walk(struct fw_ctx *ctx, const void *arg)
{
	const struct limine_map *m = arg;
	size_t i;
	int err;

	for (i = 0; i < m->count; i++) {
		const struct memblock_limine_entry *e = m->entries[i];

		mb_fw_count_entry(ctx);
		if (!e)
			return -EINVAL;
		err = mb_fw_emit(ctx, e->base, e->length,
				 limine_action(e->type), MAX_NUMNODES);
		if (err)
			return err;
	}
	return 0;
}

/**
 * memblock_import_limine - add the Limine boot protocol's memory map
 * @entries: the memory-map response's entries array (pointers to entries)
 * @count: its entry_count; 0 imports nothing
 * @stats: optional output; zeroed first, filled on success
 *
 * Usable entries are memory. Bootloader-reclaimable, executable-and-modules
 * and ACPI-reclaimable entries are memory and reserved: in use now, the
 * kernel frees them when it is done with them. Reserved, ACPI NVS, bad
 * memory, framebuffer, ACPI tables (type 8, reserved-mapped in later
 * revisions) and unknown types are reserved, not memory. Where entries
 * overlap, their actions combine (memory if any entry says memory,
 * reserved if any says reserved). Zero-length entries are ignored; in a
 * 32-bit phys_addr_t build the part above PHYS_ADDR_MAX is dropped.
 *
 * The whole map is checked before memblock changes.
 *
 * Context: early boot, single-threaded, before memblock_discard().
 *
 * Return: 0; -EINVAL for a NULL @entries with a count or a NULL entry
 * pointer; -ERANGE for an entry that wraps past 2^64; -ENOMEM when the
 * region arrays cannot hold the result. On error memblock is unchanged.
 */
int memblock_import_limine(const struct memblock_limine_entry *const *entries,
			   size_t count, struct memblock_fw_stats *stats)
{
	const struct limine_map m = { .entries = entries, .count = count };

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));
	if (!count)
		return 0;
	if (!entries)
		return -EINVAL;
	return mb_fw_run("limine", limine_walk, &m, stats);
}

#endif /* CONFIG_MEMBLOCK_FW_LIMINE */
