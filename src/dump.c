// SPDX-License-Identifier: MIT
/*
 * dump.c - memblock_dump_all(). The text is Linux's, line for line, since
 * people and tools read it; it appears only while memblock_debug is set.
 */
#include "internal.h"

static void dump_array(const struct memblock_type *type)
{
	unsigned long i;

	memblock_printk(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		const phys_addr_t last = mb_region_end(r) - 1;

#ifdef CONFIG_NUMA
		if (numa_valid_node(memblock_get_region_node(r))) {
			memblock_printk(" %s[%#x]\t[%pa-%pa], %pa bytes on node %d flags: %#x\n",
					type->name, (unsigned int)i, &r->base,
					&last, &r->size,
					memblock_get_region_node(r),
					(unsigned int)r->flags);
			continue;
		}
#endif
		memblock_printk(" %s[%#x]\t[%pa-%pa], %pa bytes flags: %#x\n",
				type->name, (unsigned int)i, &r->base, &last,
				&r->size, (unsigned int)r->flags);
	}
}

/**
 * memblock_dump_all - print every array, in Linux's format
 *
 * Prints nothing unless memblock_debug is set. Output goes through
 * memblock_printk() to memblock_env_write().
 */
void memblock_dump_all(void)
{
	if (!memblock_debug)
		return;
	memblock_printk("MEMBLOCK configuration:\n");
	memblock_printk(" memory size = %pa reserved size = %pa\n",
			&memblock.memory.total_size,
			&memblock.reserved.total_size);
	dump_array(&memblock.memory);
	dump_array(&memblock.reserved);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	dump_array(&physmem);
#endif
}
