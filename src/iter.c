// SPDX-License-Identifier: MIT
/*
 * iter.c - the walks behind the for_each_* macros.
 *
 * A walk of type_a minus type_b is a merge of two sorted lists: the
 * regions of A, and the gaps of B (the spaces before, between and after
 * B's regions, gap k ending where region k of B begins). Each step yields
 * the intersection of one region of A with one gap of B. The u64 cursor
 * holds the position of the next step: the region of A in its upper half,
 * the gap of B in its lower half (memblock.h, MB_CURSOR). Both only ever
 * move in the walk's direction, so a whole walk costs O(cnt_a + cnt_b).
 */
#include "internal.h"

/**
 * should_skip_region - whether a walk passes over a region
 * @type: the array walked
 * @m: one of its regions
 * @nid: the node asked for; an invalid id means any node
 * @flags: what the caller asks for (&enum memblock_flags)
 *
 * Only memblock.memory is filtered, and only until memblock_discard().
 * MIRROR and KHO_SCRATCH in @flags are required of the region; NOMAP and
 * DRIVER_MANAGED regions are passed over unless @flags permits them; a
 * hot-pluggable region is passed over while movable_node is on, unless
 * @flags has HOTPLUG.
 *
 * Return: true to pass over @m.
 */
bool should_skip_region(struct memblock_type *type, struct memblock_region *m,
			int nid, int flags)
{
	const int have = (int)m->flags;

	if (type != &memblock.memory || mb_state.discarded)
		return false;
	if (numa_valid_node(nid) && nid != memblock_get_region_node(m))
		return true;
	if ((have & MEMBLOCK_HOTPLUG) && !(flags & MEMBLOCK_HOTPLUG) &&
	    movable_node_is_enabled())
		return true;
	/* Flags the caller requires, then flags it must permit. */
	if (flags & ~have & (MEMBLOCK_MIRROR | MEMBLOCK_KHO_SCRATCH))
		return true;
	return have & ~flags & (MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED);
}

static void report(const struct memblock_region *m, phys_addr_t start,
		   phys_addr_t end, phys_addr_t *out_start, phys_addr_t *out_end,
		   int *out_nid)
{
	if (out_start)
		*out_start = start;
	if (out_end)
		*out_end = end;
	if (out_nid)
		*out_nid = memblock_get_region_node(m);
}

/**
 * __next_mem_range - one step of a walk from low to high addresses
 * @idx: cursor; 0 starts the walk, MEMBLOCK_ITER_END says it is over
 * @nid: only regions of this node, or NUMA_NO_NODE
 * @flags: what the caller asks for, see should_skip_region()
 * @type_a: the array walked
 * @type_b: the array whose regions are cut out, or NULL
 * @out_start: receives the start of the range, or NULL
 * @out_end: receives its end (exclusive), or NULL
 * @out_nid: receives the node of the region of @type_a, or NULL
 *
 * Yields every intersection of a region of @type_a with a gap of
 * @type_b, including the empty ones two touching regions of @type_b make
 * inside a region of @type_a. The outputs are untouched at the end.
 */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start,
		      phys_addr_t *out_end, int *out_nid)
{
	unsigned long ia = MB_CURSOR_A(*idx), gap = MB_CURSOR_B(*idx);

	for (; ia < type_a->cnt; ia++) {
		struct memblock_region *m = &type_a->regions[ia];
		const phys_addr_t m_end = mb_region_end(m);

		if (should_skip_region(type_a, m, nid, (int)flags))
			continue;
		if (!type_b) {
			report(m, m->base, m_end, out_start, out_end, out_nid);
			*idx = MB_CURSOR(ia + 1, 0);
			return;
		}
		for (; gap <= type_b->cnt; gap++) {
			const phys_addr_t lo = mb_gap_start(type_b, gap);
			const phys_addr_t hi = mb_gap_end(type_b, gap);

			if (lo >= m_end)
				break;
			if (hi <= m->base)
				continue;
			report(m, MB_MAX(lo, m->base), MB_MIN(hi, m_end),
			       out_start, out_end, out_nid);
			/* A gap reaching past the region may meet the next. */
			*idx = hi >= m_end ? MB_CURSOR(ia + 1, gap) :
					     MB_CURSOR(ia, gap + 1);
			return;
		}
	}
	*idx = MEMBLOCK_ITER_END;
}

/**
 * __next_mem_range_rev - one step of a walk from high to low addresses
 * @idx: cursor; MEMBLOCK_ITER_END starts the walk and says it is over
 * @nid: only regions of this node, or NUMA_NO_NODE
 * @flags: what the caller asks for, see should_skip_region()
 * @type_a: the array walked
 * @type_b: the array whose regions are cut out, or NULL
 * @out_start: receives the start of the range, or NULL
 * @out_end: receives its end (exclusive), or NULL
 * @out_nid: receives the node of the region of @type_a, or NULL
 *
 * Yields exactly what __next_mem_range() yields, in the opposite order.
 */
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b, phys_addr_t *out_start,
			  phys_addr_t *out_end, int *out_nid)
{
	unsigned long left, gap;

	if (*idx == MEMBLOCK_ITER_END) {
		left = type_a->cnt;
		gap = type_b ? type_b->cnt : 0;
	} else {
		left = MB_CURSOR_A(*idx);
		gap = MB_CURSOR_B(*idx);
	}
	for (; left; left--) {
		struct memblock_region *m = &type_a->regions[left - 1];
		const phys_addr_t m_end = mb_region_end(m);

		if (should_skip_region(type_a, m, nid, (int)flags))
			continue;
		if (!type_b) {
			report(m, m->base, m_end, out_start, out_end, out_nid);
			*idx = MB_CURSOR(left - 1, 0);
			return;
		}
		for (;; gap--) {
			const phys_addr_t lo = mb_gap_start(type_b, gap);
			const phys_addr_t hi = mb_gap_end(type_b, gap);

			if (hi <= m->base)
				break;
			if (lo < m_end) {
				report(m, MB_MAX(lo, m->base), MB_MIN(hi, m_end),
				       out_start, out_end, out_nid);
				/* Gap 0 starts at 0, so it always ends here. */
				*idx = lo <= m->base ? MB_CURSOR(left - 1, gap) :
						       MB_CURSOR(left, gap - 1);
				return;
			}
		}
	}
	*idx = MEMBLOCK_ITER_END;
}

/**
 * __next_mem_pfn_range - one step of a walk over memory in page frames
 * @idx: cursor; -1 starts the walk, a negative value says it is over;
 *	while it runs, the index of the memory region yielded last
 * @nid: only regions of this node; an invalid id means any node
 * @out_start_pfn: receives the first whole page frame, or NULL
 * @out_end_pfn: receives one past the last whole page frame, or NULL
 * @out_nid: receives the node of the region, or NULL
 *
 * Regions that hold no whole page are passed over; flags play no part.
 * The page arithmetic cannot wrap, even for a region in the last page of
 * the address space.
 */
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid)
{
	struct memblock_type *mem = &memblock.memory;
	unsigned long i;

	for (i = (unsigned long)*idx + 1; i < mem->cnt; i++) {
		const struct memblock_region *r = &mem->regions[i];
		const unsigned long first = mb_pfn_ceil(r->base);
		const unsigned long end = mb_pfn_floor(mb_region_end(r));

		if (first >= end || (numa_valid_node(nid) &&
				     nid != memblock_get_region_node(r)))
			continue;
		*idx = (int)i;
		if (out_start_pfn)
			*out_start_pfn = first;
		if (out_end_pfn)
			*out_end_pfn = end;
		if (out_nid)
			*out_nid = memblock_get_region_node(r);
		return;
	}
	*idx = -1;
}
