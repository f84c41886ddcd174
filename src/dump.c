// SPDX-License-Identifier: MIT
/*
 * dump.c - the memblock_dump_all() listing, in the format of Linux's.
 */
#include "internal.h"

static void dump_type(const struct memblock_type *type)
{
	unsigned long idx;

	memblock_printk(" %s.cnt  = %#lx\n", type->name, type->cnt);
	for (idx = 0; idx < type->cnt; idx++) {
		const struct memblock_region *r = &type->regions[idx];
		const phys_addr_t end = r->base + r->size - 1;
#ifdef CONFIG_NUMA
		char node[24] = "";

		if (numa_valid_node(memblock_get_region_node(r)))
			mb_snprintf(node, sizeof(node), " on node %d",
				    memblock_get_region_node(r));
#else
		const char *const node = "";	/* no node ids to show */
#endif

		memblock_printk(" %s[%#x]\t[%pa-%pa], %pa bytes%s flags: %#x\n",
				type->name, (unsigned int)idx, &r->base, &end,
				&r->size, node, (unsigned int)r->flags);
	}
}

/**
 * memblock_dump_all - print every region, when memblock_debug is set
 *
 * Prints the totals and then each region of memory, reserved (and physmem)
 * with inclusive end addresses, " on node N" for valid nodes in NUMA builds,
 * and the flags, through memblock_env_write().
 */
void memblock_dump_all(void)
{
	if (!memblock_debug)
		return;

	memblock_printk("MEMBLOCK configuration:\n");
	memblock_printk(" memory size = %pa reserved size = %pa\n",
			&memblock.memory.total_size,
			&memblock.reserved.total_size);
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	dump_type(&physmem);
#endif
}
