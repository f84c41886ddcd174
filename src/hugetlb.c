// SPDX-License-Identifier: MIT
/*
 * hugetlb.c - boot-time huge pages: memblock_alloc_hugetlb() and the count
 * of what it reserved.
 *
 * Huge pages are user memory, so they differ from the kernel's own blocks
 * in three ways: they never take mirrored memory (kept for the kernel),
 * they never lie in KHO scratch memory (a next kernel boots from scratch
 * and must find it free), and their reservations carry
 * MEMBLOCK_RSRV_HUGETLB so they can be counted apart.
 *
 * An archive member of its own: a program that never calls these links
 * none of it.
 */
#include "internal.h"

/* The memory region holding the block at @pa (it lies in one region). */
static const struct memblock_region *region_holding(phys_addr_t pa)
{
	return mb_last_starting_at_or_below(&memblock.memory, pa);
}

/*
 * A block for @q outside KHO scratch memory. A block found in a scratch
 * region narrows the window to the far side of that region, away from
 * the direction of the search, and the search goes on from there.
 */
static bool search_outside_scratch(struct mb_search *q, phys_addr_t *found)
{
	const struct memblock_region *m;

	while (mb_search_free(q, found)) {
		const phys_addr_t lo = q->lo, hi = q->hi;

		m = region_holding(*found);
		if (!(m->flags & MEMBLOCK_KHO_SCRATCH))
			return true;
		if (q->top_down)
			q->hi = m->base;
		else
			q->lo = mb_region_end(m);
		/* Each round narrows the window, or the search is over. */
		if (q->lo >= q->hi || (q->lo <= lo && q->hi >= hi))
			return false;
	}
	return false;
}

/**
 * memblock_alloc_hugetlb - reserve one boot-time huge page
 * @size: the huge page's size, a power of two; also its alignment
 * @nid: node to take it from, or NUMA_NO_NODE
 * @exact_nid: fail rather than take it from another node
 *
 * Searches below memblock.current_limit in memblock.bottom_up's direction,
 * on @nid first and then (unless @exact_nid) on any node, never in
 * mirrored-only order and never overlapping MEMBLOCK_KHO_SCRATCH memory,
 * also in KHO scratch-only mode. The block is reserved with
 * MEMBLOCK_RSRV_KERN | MEMBLOCK_RSRV_HUGETLB and @nid, and is not zeroed.
 *
 * Context: early boot, before the page allocator exists.
 * Return: the block's virtual address, or NULL when nothing fits, @size
 * is 0 or not a power of two, or the reservation cannot be recorded.
 */
void *memblock_alloc_hugetlb(phys_addr_t size, int nid, bool exact_nid)
{
	struct mb_search q = {
		.size = size,
		.align = size,
		.flags = MEMBLOCK_NONE,
		.top_down = !memblock.bottom_up,
	};
	phys_addr_t pa;

	if (!mb_is_pow2(size))
		return NULL;
	if (!mb_nid_storable(nid))
		nid = NUMA_NO_NODE;
	for (q.nid = nid;; q.nid = NUMA_NO_NODE) {
		mb_search_window(&q, 0, MEMBLOCK_ALLOC_ACCESSIBLE);
		if (search_outside_scratch(&q, &pa))
			break;
		if (exact_nid || !numa_valid_node(q.nid))
			return NULL;
	}
	if (mb_insert(&memblock.reserved, pa, size, q.nid,
		      (enum memblock_flags)(MEMBLOCK_RSRV_KERN |
					    MEMBLOCK_RSRV_HUGETLB)))
		return NULL;
	return memblock_env_phys_to_virt(pa);
}

/**
 * memblock_reserved_hugetlb_size - bytes of boot-time huge pages below a limit
 * @limit: only what lies below this address counts
 * @nid: only reservations of this node; an invalid id means all
 *
 * Context: any time memblock's arrays are alive.
 * Return: the bytes below @limit of every MEMBLOCK_RSRV_HUGETLB
 * reservation of the node.
 */
phys_addr_t memblock_reserved_hugetlb_size(phys_addr_t limit, int nid)
{
	return mb_reserved_size_with(MEMBLOCK_RSRV_HUGETLB, limit, nid);
}
