// SPDX-License-Identifier: MIT
/*
 * handoff.c - the end of memblock's life: free memory goes to the page
 * allocator, and the region arrays are given up.
 */
#include "internal.h"

/*
 * Record on each reservation the node of the memory beneath it. Without
 * NUMA, memblock_set_node() does nothing, and neither does this.
 */
static void set_reserved_nodes(void)
{
#ifdef CONFIG_NUMA
	struct memblock_region *r;
	unsigned long max_before;

	/* Splitting may grow the reserved array; go over it again then. */
	do {
		max_before = memblock.reserved.max;
		for_each_mem_region(r)
			memblock_set_node(r->base, r->size, &memblock.reserved,
					  memblock_get_region_node(r));
	} while (max_before != memblock.reserved.max);
#endif
}

static MB_NOINLINE unsigned long hand_over_pages(phys_addr_t start,
						  phys_addr_t end)
{
	unsigned long start_pfn = PFN_UP(start);
	unsigned long end_pfn = PFN_DOWN(end);

	if (start_pfn >= end_pfn)
		return 0;
	memblock_env_free_pages(start_pfn, end_pfn - start_pfn);
	return end_pfn - start_pfn;
}

/**
 * memblock_free_all - give all free memory to the page allocator
 *
 * Ends KHO scratch-only mode, clears MEMBLOCK_HOTPLUG on all memory, records
 * node ids on reservations, then calls memblock_env_free_pages() once for
 * each free range (memory minus reserved, MEMBLOCK_NONE filtering: no NOMAP,
 * no driver-managed memory) with the whole pages inside it.
 *
 * Return: the number of pages handed over.
 *
 * Context: once, at the end of early boot. Later memblock calls still work
 * on the arrays, but the pages handed over are no longer memblock's.
 */
unsigned long memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long count = 0;
	u64 i = 0;

	memblock_clear_kho_scratch_only();
	memblock_clear_hotplug(0, PHYS_ADDR_MAX);
	set_reserved_nodes();

	/*
	 * for_each_free_mem_range(), spelt out with one out-of-line step: this
	 * runs once, so the iterator's inline fast path would only add code.
	 */
	for (;;) {
		__next_mem_range(&i, NUMA_NO_NODE, MEMBLOCK_NONE,
				 &memblock.memory, &memblock.reserved, &start,
				 &end, NULL);
		if (i == MEMBLOCK_ITER_END)
			return count;
		count += hand_over_pages(start, end);
	}
}

#ifndef CONFIG_ARCH_KEEP_MEMBLOCK
static void give_up_array(struct memblock_type *type)
{
	phys_addr_t addr, size;

	if (mb_is_static_array(type))
		return;
	addr = memblock_env_virt_to_phys(type->regions);
	size = MB_PAGE_ALIGN(type->max * sizeof(struct memblock_region));
	hand_over_pages(addr, addr + size);
}

/**
 * memblock_discard - give up memblock's own arrays after boot
 *
 * Grown memory and reserved arrays are handed to memblock_env_free_pages();
 * from then on the arrays must not be read, and free-range filters no longer
 * apply. physmem stays. With CONFIG_ARCH_KEEP_MEMBLOCK this is an empty
 * inline and memblock stays usable.
 *
 * Context: after memblock_free_all(), once.
 */
void memblock_discard(void)
{
	give_up_array(&memblock.reserved);
	give_up_array(&memblock.memory);
	mb_memory_type = NULL;
}
#endif
