// SPDX-License-Identifier: MIT
/*
 * limits.c - cutting memory down to a size or a window (mem=, crashkernel).
 */
#include "internal.h"

/*
 * The address at which @limit bytes of memory, counted from the bottom,
 * are used up; PHYS_ADDR_MAX when memory holds no more than @limit, and
 * for a @limit of 0, which means no limit.
 */
static phys_addr_t find_max_addr(phys_addr_t limit)
{
	struct memblock_region *r;

	if (!limit)
		return PHYS_ADDR_MAX;
	for_each_mem_region(r) {
		if (limit <= r->size)
			return r->base + limit;
		limit -= r->size;
	}
	return PHYS_ADDR_MAX;
}

/**
 * memblock_enforce_memory_limit - keep only the lowest @memory_limit bytes
 * @memory_limit: bytes of memory to keep; 0 means no limit
 *
 * Memory and reservations above the address where the budget runs out are
 * removed. Nothing happens when memory is smaller than the budget.
 */
void memblock_enforce_memory_limit(phys_addr_t memory_limit)
{
	const phys_addr_t max_addr = find_max_addr(memory_limit);

	if (max_addr == PHYS_ADDR_MAX)
		return;

	mb_remove_range(&memblock.memory, max_addr, PHYS_ADDR_MAX);
	mb_remove_range(&memblock.reserved, max_addr, PHYS_ADDR_MAX);
}

/**
 * memblock_cap_memory_range - keep only the memory inside a window
 * @base: start of the window
 * @size: its size; 0 does nothing; capped at the top of the address space
 *
 * Memory regions outside the window are removed except NOMAP ones, which
 * stay; reservations are cut down to the window. Nothing happens (but a log
 * line) while no memory is registered.
 */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	struct memblock_type *mem = &memblock.memory;
	int start_rgn, end_rgn;
	long i;

	mb_cap_size(base, &size);
	if (!size)
		return;
	if (!mem->total_size) {
		memblock_printk("memblock_cap_memory_range: No memory registered yet\n");
		return;
	}

	if (mb_isolate_range(mem, base, size, &start_rgn, &end_rgn))
		return;

	/* Remove what lies outside the window, from the top down. */
	for (i = (long)mem->cnt - 1; i >= 0; i--)
		if ((i >= end_rgn || i < start_rgn) &&
		    !memblock_is_nomap(&mem->regions[i]))
			mb_remove_region(mem, (unsigned long)i);
	/* A NOMAP region cut at an edge of the window kept both halves. */
	mb_merge_regions(mem, 0, mem->cnt);

	mb_remove_range(&memblock.reserved, 0, base);
	mb_remove_range(&memblock.reserved, base + size, PHYS_ADDR_MAX);
}

/**
 * memblock_mem_limit_remove_map - keep the lowest @limit bytes, and NOMAP
 * @limit: bytes of memory to keep; 0 means no limit
 *
 * Like memblock_enforce_memory_limit(), but NOMAP memory above the limit
 * stays, through memblock_cap_memory_range(0, end of the budget).
 */
void memblock_mem_limit_remove_map(phys_addr_t limit)
{
	const phys_addr_t max_addr = find_max_addr(limit);

	if (max_addr != PHYS_ADDR_MAX)
		memblock_cap_memory_range(0, max_addr);
}
