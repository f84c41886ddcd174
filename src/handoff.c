// SPDX-License-Identifier: MIT
/*
 * handoff.c - the end of memblock's life: free memory goes to the page
 * allocator (memblock_env_free_pages()), grown arrays are given back.
 */
#include "internal.h"

#ifdef MEMBLOCK_ENV_WEAK_FREE_PAGES
/* The hosted default of the page hand-off (memblock/env.h): no page
 * allocator to give the pages to. */
__attribute__((weak)) void memblock_env_free_pages(unsigned long start_pfn,
						   unsigned long nr_pages)
{
	(void)start_pfn;
	(void)nr_pages;
}
#endif

/* Hand the whole pages of [@start, @end) over; returns how many. */
static unsigned long give_pages(phys_addr_t start, phys_addr_t end)
{
	const unsigned long first = mb_pfn_ceil(start);
	const unsigned long stop = mb_pfn_floor(end);

	if (first >= stop)
		return 0;
	memblock_env_free_pages(first, stop - first);
	return stop - first;
}

#ifdef CONFIG_NUMA
/* Give every reservation the node of the memory it lies in. */
static void label_reservations(void)
{
	unsigned long before, i;

	do {
		before = memblock.reserved.max;
		for (i = 0; i < memblock.memory.cnt; i++) {
			const struct memblock_region *m =
				&memblock.memory.regions[i];

			memblock_set_node(m->base, m->size, &memblock.reserved,
					  memblock_get_region_node(m));
		}
	} while (memblock.reserved.max != before);
}
#endif

/**
 * memblock_free_all_count - memblock_free_all() that counts the pages (<memblock/ext.h>)
 *
 * Ends KHO scratch-only mode, clears MEMBLOCK_HOTPLUG on all memory,
 * gives (NUMA) every reservation the node of its memory, then passes the
 * whole pages of every free range that needs no flag to be used (never
 * NOMAP or driver-managed memory) to memblock_env_free_pages(), lowest
 * first. Context: once, at the end of early boot.
 *
 * Return: the number of pages handed over.
 */
unsigned long memblock_free_all_count(void)
{
	phys_addr_t start, end;
	unsigned long pages = 0;
	u64 i = 0;

	memblock_clear_kho_scratch_only();
	memblock_clear_hotplug(0, PHYS_ADDR_MAX);
#ifdef CONFIG_NUMA
	label_reservations();
#endif
	for (;;) {
		__next_mem_range(&i, NUMA_NO_NODE, MEMBLOCK_NONE,
				 &memblock.memory, &memblock.reserved, &start,
				 &end, NULL);
		if (i == MEMBLOCK_ITER_END)
			return pages;
		pages += give_pages(start, end);
	}
}

/**
 * memblock_free_all - hand free memory to the page allocator
 *
 * Linux's form of memblock_free_all_count(), without the count.
 * Context: once, at the end of early boot.
 */
void memblock_free_all(void)
{
	memblock_free_all_count();
}

#ifndef CONFIG_ARCH_KEEP_MEMBLOCK
/* The pages of a grown array; the static storage stays. */
static void give_array(const struct memblock_type *type)
{
	const phys_addr_t at = memblock_env_virt_to_phys(type->regions);

	if (!mb_is_boot_array(type->regions))
		give_pages(at, at + mb_array_bytes(type->max));
}

/**
 * memblock_discard - end memblock's life
 *
 * Gives the pages of grown memory and reserved arrays to
 * memblock_env_free_pages(). From then on the arrays may only be read
 * (physmem stays as it is), and walks of memory no longer filter by node
 * or flags, as in Linux. A second call does nothing.
 */
void memblock_discard(void)
{
	if (mb_state.discarded)
		return;
	/* Reserved first, while memory still shows what lies under it. */
	give_array(&memblock.reserved);
	give_array(&memblock.memory);
	mb_state.discarded = true;
	mb_search_forget();
}
#endif
