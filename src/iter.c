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

/**
 * mb_walk - one step of a walk of @a minus @b, upwards or (@down) downwards
 * @idx: cursor
 * @nid: node filter
 * @flags: what the caller asks for
 * @a: the array walked
 * @b: the array cut out, or NULL
 * @out_start: start of the range, or NULL
 * @out_end: end of the range, or NULL
 * @out_nid: node of the region of @a, or NULL
 * @down: walk from high to low addresses
 *
 * Both directions meet the same pairs of a region of @a and a gap of @b; only
 * the order differs. Upwards the cursor holds the index of the next
 * region of @a, downwards how many regions are still to visit.
 */
void mb_walk(u64 *idx, int nid, int flags, struct memblock_type *a,
	     struct memblock_type *b, phys_addr_t *out_start,
	     phys_addr_t *out_end, int *out_nid, bool down)
{
	unsigned long at = MB_CURSOR_A(*idx), gap = MB_CURSOR_B(*idx);

	if (*idx == MEMBLOCK_ITER_END) {
		at = a->cnt;
		gap = b ? b->cnt : 0;
	}
	for (; down ? at > 0 : at < a->cnt; down ? at-- : at++) {
		struct memblock_region *m = &a->regions[down ? at - 1 : at];
		const phys_addr_t m_end = mb_region_end(m);
		phys_addr_t lo = m->base, hi = m_end;

		if (should_skip_region(a, m, nid, flags))
			continue;
		for (; b; down ? gap-- : gap++) {
			lo = mb_gap_start(b, gap);
			hi = mb_gap_end(b, gap);
			/* Past the region: on to the next one. */
			if (down ? hi <= m->base : lo >= m_end)
				break;
			/* Not yet at the region: on to the next gap. */
			if (down ? lo >= m_end : hi <= m->base)
				continue;
			/* A gap reaching beyond the region may meet the next. */
			if (down ? lo <= m->base : hi >= m_end)
				break;
			*idx = MB_CURSOR(at, down ? gap - 1 : gap + 1);
			goto yield;
		}
		if (b && (down ? hi <= m->base : lo >= m_end))
			continue;
		*idx = MB_CURSOR(down ? at - 1 : at + 1, gap);
yield:
		if (out_start)
			*out_start = MB_MAX(lo, m->base);
		if (out_end)
			*out_end = MB_MIN(hi, m_end);
		if (out_nid)
			*out_nid = memblock_get_region_node(m);
		return;
	}
	*idx = MEMBLOCK_ITER_END;
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
	mb_walk(idx, nid, (int)flags, type_a, type_b, out_start, out_end,
	     out_nid, false);
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
	mb_walk(idx, nid, (int)flags, type_a, type_b, out_start, out_end,
	     out_nid, true);
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
