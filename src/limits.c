// SPDX-License-Identifier: MIT
/*
 * limits.c - cutting memory down to a size (mem=) or a window (crash
 * kernels, linux,usable-memory-range).
 */
#include "internal.h"

/*
 * The address at which @budget bytes of memory, counted from the lowest
 * region up (NOMAP regions included), are used up. False when all of
 * memory fits in the budget.
 */
static MB_INLINE bool budget_end(phys_addr_t budget, phys_addr_t *at)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long i;

	for (i = 0; i < mem->cnt; i++) {
		const struct memblock_region *r = &mem->regions[i];

		if (budget <= r->size) {
			*at = r->base + budget;
			return true;
		}
		budget -= r->size;
	}
	return false;
}

/**
 * memblock_enforce_memory_limit - keep only the lowest bytes of memory
 * @memory_limit: bytes to keep; 0 keeps everything
 *
 * Memory and reservations above the address where @memory_limit bytes of
 * memory end are removed; nothing happens when memory holds no more than
 * that. Errors of the two removals are ignored, as in Linux.
 */
void memblock_enforce_memory_limit(phys_addr_t memory_limit)
{
	phys_addr_t at;

	if (!memory_limit || !budget_end(memory_limit, &at))
		return;
	mb_edit(&memblock.memory, at, PHYS_ADDR_MAX, MB_EDIT_DROP, 0);
	mb_edit(&memblock.reserved, at, PHYS_ADDR_MAX, MB_EDIT_DROP, 0);
}

/**
 * memblock_cap_memory_range - keep only the memory inside a window
 * @base: first address of the window
 * @size: its bytes, capped below PHYS_ADDR_MAX; 0 does nothing
 *
 * Memory outside the window is removed, except NOMAP regions, which stay
 * whole; reservations outside it are removed too. The window is first
 * capped at the top of the address space. Like every edit, the call wants
 * two free slots in memory first, and gives up quietly if it cannot have
 * them.
 */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	size = mb_clip(base, size);
	if (!size)
		return;
	if (!memblock.memory.total_size) {
		memblock_printk("memblock: no memory to cap\n");
		return;
	}
	if (mb_make_room(&memblock.memory, 2, &memblock.memory, 0))
		return;
	mb_shrink_memory(base, base + size, 1, MEMBLOCK_NOMAP);
	mb_edit(&memblock.reserved, 0, base, MB_EDIT_DROP, 0);
	mb_edit(&memblock.reserved, base + size, PHYS_ADDR_MAX, MB_EDIT_DROP,
		0);
}

/**
 * memblock_mem_limit_remove_map - keep only the lowest bytes of memory,
 * sparing NOMAP memory above them
 * @limit: bytes to keep; 0 keeps everything
 *
 * memblock_cap_memory_range(0, end) where end is the address at which
 * @limit bytes of memory end; nothing happens when memory holds no more.
 */
void memblock_mem_limit_remove_map(phys_addr_t limit)
{
	phys_addr_t at;

	if (limit && budget_end(limit, &at))
		memblock_cap_memory_range(0, at);
}
