// SPDX-License-Identifier: MIT
/*
 * iter.c - mb_should_skip_region() and the range walks behind every iterator.
 *
 * The u64 cursor of __next_mem_range() keeps the index into type_a in its
 * low 32 bits and the index of the current gap of type_b in its high 32
 * bits. Gap k of type_b is the space below its region k: [end of region
 * k - 1, base of region k), with 0 below the first region and PHYS_ADDR_MAX
 * above the last.
 */
#include "internal.h"

/*
 * The one place that decides whether a walk passes over a region. Filters
 * apply to memblock.memory only; reserved and physmem are never skipped.
 *  - a valid @nid keeps that node only;
 *  - HOTPLUG memory is skipped under movable_node unless @flags has HOTPLUG;
 *  - MIRROR and KHO_SCRATCH in @flags require the region to have them;
 *  - NOMAP and DRIVER_MANAGED regions are skipped unless @flags permits them.
 */
bool mb_should_skip_region(struct memblock_type *type,
			   struct memblock_region *m, int nid, int flags)
{
	const unsigned int require =
		flags & (MEMBLOCK_MIRROR | MEMBLOCK_KHO_SCRATCH);
	unsigned int reject = MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED;

	if (type != mb_memory_type)
		return false;
	if (numa_valid_node(nid) && nid != memblock_get_region_node(m))
		return true;
	if (!m->flags)
		return require;
	if (movable_node_is_enabled())
		reject |= MEMBLOCK_HOTPLUG;
	reject &= ~(unsigned int)flags;
	return (m->flags & reject) || (m->flags & require) != require;
}

static phys_addr_t gap_start(const struct memblock_type *b, unsigned long k)
{
	return k ? mb_region_end(&b->regions[k - 1]) : 0;
}

static phys_addr_t gap_end(const struct memblock_type *b, unsigned long k)
{
	return k < b->cnt ? b->regions[k].base : PHYS_ADDR_MAX;
}

static MB_NOINLINE void store_range(phys_addr_t start, phys_addr_t end,
				    int nid, phys_addr_t *out_start,
				    phys_addr_t *out_end, int *out_nid)
{
	if (out_start)
		*out_start = start;
	if (out_end)
		*out_end = end;
	if (out_nid)
		*out_nid = nid;
}

/**
 * __next_mem_range - next range of @type_a outside @type_b, going up
 * @idx: cursor; 0 to start, MEMBLOCK_ITER_END (ULLONG_MAX) when done
 * @nid: only this node, or NUMA_NO_NODE
 * @flags: what the caller asks for, see mb_should_skip_region()
 * @type_a: array to walk
 * @type_b: array whose ranges are excluded, or NULL
 * @out_start: start of the range found, or NULL
 * @out_end: end (exclusive) of the range found, or NULL
 * @out_nid: node of the range found, or NULL
 *
 * Ranges come out in ascending order; a range never spans two regions of
 * @type_a. With @type_b = memblock.reserved this lists free memory.
 *
 * Context: the arrays must not change while a walk is in progress.
 */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start,
		      phys_addr_t *out_end, int *out_nid)
{
	unsigned long idx_a = (uint32_t)*idx;
	unsigned long idx_b = (unsigned long)(*idx >> 32);

	for (; idx_a < type_a->cnt; idx_a++) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t start = m->base;
		phys_addr_t end = mb_region_end(m);

		if (mb_should_skip_region(type_a, m, nid, flags))
			continue;
		if (!type_b) {
			idx_b = 0;
		} else {
			phys_addr_t r_start, r_end;

			for (;; idx_b++) {
				if (idx_b > type_b->cnt)
					goto next;
				r_start = gap_start(type_b, idx_b);
				if (r_start >= end)
					goto next;
				r_end = gap_end(type_b, idx_b);
				if (start < r_end)
					break;
			}
			start = MB_MAX(start, r_start);
			/* Step past whichever of the two ends first. */
			if (end > r_end) {
				end = r_end;
				idx_a--;
				idx_b++;
			}
		}
		store_range(start, end, memblock_get_region_node(m), out_start,
			    out_end, out_nid);
		*idx = mb_cursor(idx_a + 1, idx_b);
		return;
next:;
	}
	*idx = MEMBLOCK_ITER_END;
}

/**
 * __next_mem_range_rev - next range of @type_a outside @type_b, going down
 * @idx: cursor; MEMBLOCK_ITER_END (ULLONG_MAX) both to start and when done
 * @nid: only this node, or NUMA_NO_NODE
 * @flags: what the caller asks for, see mb_should_skip_region()
 * @type_a: array to walk
 * @type_b: array whose ranges are excluded, or NULL
 * @out_start: start of the range found, or NULL
 * @out_end: end (exclusive) of the range found, or NULL
 * @out_nid: node of the range found, or NULL
 *
 * The same ranges as __next_mem_range(), in descending order.
 *
 * Context: the arrays must not change while a walk is in progress.
 */
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b, phys_addr_t *out_start,
			  phys_addr_t *out_end, int *out_nid)
{
	long idx_a = (long)(uint32_t)*idx;
	long idx_b = (long)(*idx >> 32);

	if (*idx == MEMBLOCK_ITER_END) {
		idx_a = (long)type_a->cnt - 1;
		idx_b = type_b ? (long)type_b->cnt : 0;
	} else if (idx_a == (long)UINT32_MAX) {
		idx_a = -1;
	}

	for (; idx_a >= 0; idx_a--) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t start = m->base;
		phys_addr_t end = mb_region_end(m);

		if (mb_should_skip_region(type_a, m, nid, flags))
			continue;

		if (!type_b) {
			idx_a--;
			idx_b = 0;
			goto found;
		}
		for (; idx_b >= 0; idx_b--) {
			const phys_addr_t r_start =
				gap_start(type_b, (unsigned long)idx_b);
			const phys_addr_t r_end =
				gap_end(type_b, (unsigned long)idx_b);

			if (r_end <= start)
				break;
			if (end > r_start) {
				/* Step below whichever of the two starts last. */
				if (start >= r_start)
					idx_a--;
				else
					idx_b--;
				start = MB_MAX(start, r_start);
				end = MB_MIN(end, r_end);
				goto found;
			}
		}
		continue;
found:
		store_range(start, end, memblock_get_region_node(m), out_start,
			    out_end, out_nid);
		*idx = mb_cursor((unsigned long)idx_a, (unsigned long)idx_b);
		return;
	}
	*idx = MEMBLOCK_ITER_END;
}

/**
 * __next_mem_pfn_range - next memory region holding a whole page
 * @idx: cursor; -1 to start, negative when done
 * @nid: only this node; an invalid node (e.g. MAX_NUMNODES) means all
 * @out_start_pfn: first whole page frame, or NULL
 * @out_end_pfn: page frame after the last whole one, or NULL
 * @out_nid: node of the region, or NULL
 *
 * Regions smaller than one whole page are passed over. No flag filtering.
 */
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid)
{
	const struct memblock_type *type = &memblock.memory;

	while (++*idx < (int)type->cnt) {
		const struct memblock_region *r = &type->regions[*idx];
		const unsigned long start_pfn = PFN_UP(r->base);
		const unsigned long end_pfn = PFN_DOWN(mb_region_end(r));

		if (start_pfn >= end_pfn ||
		    (numa_valid_node(nid) && nid != memblock_get_region_node(r)))
			continue;
		if (out_start_pfn)
			*out_start_pfn = start_pfn;
		if (out_end_pfn)
			*out_end_pfn = end_pfn;
		if (out_nid)
			*out_nid = memblock_get_region_node(r);
		return;
	}
	*idx = -1;
}
