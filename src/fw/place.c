// SPDX-License-Identifier: MIT
/*
 * place.c - room for a next-stage image, and what blocks a range.
 *
 * Placement walks free memory the way Linux's kexec_file does when it looks
 * for a hole in memblock: for_each_free_mem_range(_reverse) with
 * NUMA_NO_NODE and MEMBLOCK_NONE, which never yields DRIVER_MANAGED or
 * NOMAP memory (should_skip_region), nor anything reserved. It ignores
 * memblock.bottom_up and memblock.current_limit: the request says where.
 * The search itself is the allocator's (mb_search_free() in alloc.c).
 *
 * Explanation is the question no boot loader answers: not "is this range
 * free?" but "what, exactly, is in the way?".
 */
#include "../internal.h"
#include <memblock/fw.h>

#ifdef CONFIG_MEMBLOCK_FW_EXPORT

/* --- Placement ------------------------------------------------------------- */

/**
 * memblock_place_image - find (and reserve) room for a next-stage image
 * @req: size, alignment, window [@req->min_addr, @req->max_addr),
 *	direction, and whether to reserve
 * @out_base: receives the base of the range found; untouched on error
 *
 * Looks for @req->size bytes aligned to @req->align, wholly inside the
 * window, in free memory as Linux's kexec_file sees it: memory minus
 * reserved, walked with NUMA_NO_NODE and MEMBLOCK_NONE, so never on
 * MEMBLOCK_DRIVER_MANAGED or MEMBLOCK_NOMAP memory (nor on hot-pluggable
 * memory while movable_node is on). Top-down, the highest fit in the
 * highest free range that has one; with @req->bottom_up, the lowest fit.
 * memblock.bottom_up and memblock.current_limit play no part; address 0
 * is a valid result (raise @req->min_addr to avoid it). The range found
 * never wraps: its end is at most @req->max_addr and at most PHYS_ADDR_MAX.
 * A @req->max_addr of MEMBLOCK_ALLOC_ANYWHERE means no upper bound.
 *
 * With @req->reserve the range is reserved with MEMBLOCK_RSRV_KERN on no
 * particular node, as memblock_reserve_kern() does.
 *
 * Context: reads memblock, and changes it only when @req->reserve is set
 * and the call succeeds.
 * Return: 0 with *@out_base set; -EINVAL for a NULL argument, a size of 0,
 * an alignment that is not a power of two, or an empty window; -ENOENT
 * when nothing fits; -ENOMEM when the reservation cannot be recorded (the
 * reserved array is full and cannot grow), memblock unchanged.
 */
int memblock_place_image(const struct memblock_placement *req,
			 phys_addr_t *out_base)
{
	struct mb_search q;
	phys_addr_t base;

	if (!req || !out_base || !req->size || !mb_is_pow2(req->align) ||
	    req->min_addr >= req->max_addr)
		return -EINVAL;
	q.lo = req->min_addr;
	q.hi = req->max_addr;
	q.size = req->size;
	q.align = req->align;
	q.nid = NUMA_NO_NODE;
	q.flags = MEMBLOCK_NONE;
	q.top_down = !req->bottom_up;
	if (!mb_search_free(&q, &base))
		return -ENOENT;
	if (req->reserve &&
	    __memblock_reserve(base, req->size, NUMA_NO_NODE,
			       MEMBLOCK_RSRV_KERN))
		return -ENOMEM;
	*out_base = base;
	return 0;
}

/* --- Explanation ------------------------------------------------------------
 * Three streams of conflicts, each in address order, merged by base:
 * reserved regions meeting the range, flagged memory regions meeting it,
 * and the holes of memory inside it.
 */
struct explain_walk {
	phys_addr_t base, end;		/* the range asked about */
	unsigned long rsv_idx;		/* next reserved region */
	unsigned long mem_idx;		/* next memory region to report */
	unsigned long hole_idx;		/* next memory region above hole_pos */
	phys_addr_t hole_pos;		/* where the next hole may start */
};

static void conflict_from_region(struct memblock_conflict *c,
				 enum memblock_conflict_kind kind,
				 const struct memblock_region *r)
{
	c->kind = kind;
	c->base = r->base;
	c->size = r->size;
	c->flags = r->flags;
	c->nid = memblock_get_region_node(r);
}

static bool next_reserved(struct explain_walk *w, struct memblock_conflict *c)
{
	const struct memblock_type *t = &memblock.reserved;

	while (w->rsv_idx < t->cnt) {
		const struct memblock_region *r = &t->regions[w->rsv_idx];

		if (r->base >= w->end)
			break;
		if (mb_region_end(r) > w->base) {
			conflict_from_region(c, MEMBLOCK_CONFLICT_RESERVED, r);
			return true;
		}
		w->rsv_idx++;
	}
	return false;
}

/* DRIVER_MANAGED wins over NOMAP when a region has both. */
static bool next_flagged_memory(struct explain_walk *w,
				struct memblock_conflict *c)
{
	const struct memblock_type *t = &memblock.memory;

	while (w->mem_idx < t->cnt) {
		const struct memblock_region *r = &t->regions[w->mem_idx];

		if (r->base >= w->end)
			break;
		if (mb_region_end(r) > w->base) {
			if (r->flags & MEMBLOCK_DRIVER_MANAGED) {
				conflict_from_region(
					c, MEMBLOCK_CONFLICT_DRIVER_MANAGED, r);
				return true;
			}
			if (r->flags & MEMBLOCK_NOMAP) {
				conflict_from_region(c, MEMBLOCK_CONFLICT_NOMAP,
						     r);
				return true;
			}
		}
		w->mem_idx++;
	}
	return false;
}

/* The next part of the range no memory region covers, clipped to it. */
static bool next_hole(struct explain_walk *w, struct memblock_conflict *c)
{
	const struct memblock_type *t = &memblock.memory;
	phys_addr_t hole_end;

	while (w->hole_pos < w->end) {
		const struct memblock_region *r = NULL;

		while (w->hole_idx < t->cnt &&
		       mb_region_end(&t->regions[w->hole_idx]) <= w->hole_pos)
			w->hole_idx++;
		if (w->hole_idx < t->cnt)
			r = &t->regions[w->hole_idx];
		if (r && r->base <= w->hole_pos) {
			w->hole_pos = mb_region_end(r);	/* inside memory */
			continue;
		}
		hole_end = r ? MB_MIN(r->base, w->end) : w->end;
		c->kind = MEMBLOCK_CONFLICT_NOT_MEMORY;
		c->base = w->hole_pos;
		c->size = hole_end - w->hole_pos;
		c->flags = MEMBLOCK_NONE;
		c->nid = NUMA_NO_NODE;
		return true;
	}
	return false;
}

/* Step the stream that produced @kind past the conflict it produced. */
static void advance(struct explain_walk *w, const struct memblock_conflict *c)
{
	switch (c->kind) {
	case MEMBLOCK_CONFLICT_RESERVED:
		w->rsv_idx++;
		break;
	case MEMBLOCK_CONFLICT_NOT_MEMORY:
		w->hole_pos = c->base + c->size;
		break;
	default:
		w->mem_idx++;
		break;
	}
}

/* Earlier base first; on a tie, the lower kind. */
static bool conflict_before(const struct memblock_conflict *a,
			    const struct memblock_conflict *b)
{
	return a->base < b->base || (a->base == b->base && a->kind < b->kind);
}

/* Next conflict of the whole walk in address order; false when done. */
static bool explain_next(struct explain_walk *w, struct memblock_conflict *out)
{
	struct memblock_conflict heads[3];
	bool have[3];
	int best = -1, k;

	have[0] = next_reserved(w, &heads[0]);
	have[1] = next_flagged_memory(w, &heads[1]);
	have[2] = next_hole(w, &heads[2]);
	for (k = 0; k < 3; k++)
		if (have[k] && (best < 0 || conflict_before(&heads[k], &heads[best])))
			best = k;
	if (best < 0)
		return false;
	*out = heads[best];
	advance(w, out);
	return true;
}

static size_t explain_walk_run(phys_addr_t base, phys_addr_t end,
			       struct memblock_conflict *out)
{
	struct explain_walk w = { .base = base, .end = end, .hole_pos = base };
	struct memblock_conflict c;
	size_t n = 0;

	while (explain_next(&w, &c)) {
		if (out)
			out[n] = c;
		n++;
	}
	return n;
}

/**
 * memblock_explain_range - list everything that keeps a range from use
 * @base: first address of the range
 * @size: its length; capped so that the range ends at PHYS_ADDR_MAX at most
 * @out: array receiving the conflicts, or NULL to ask for their number
 * @max_entries: capacity of @out
 *
 * In ascending order of base (on equal bases: reserved, not memory, NOMAP,
 * driver-managed), one entry for each:
 *  - reserved region meeting the range (MEMBLOCK_CONFLICT_RESERVED), whole:
 *    its own base, size, flags and node, not clipped to the range;
 *  - part of the range that no memory region covers
 *    (MEMBLOCK_CONFLICT_NOT_MEMORY), clipped to the range, flags
 *    MEMBLOCK_NONE and node NUMA_NO_NODE;
 *  - memory region meeting the range that is MEMBLOCK_DRIVER_MANAGED
 *    (MEMBLOCK_CONFLICT_DRIVER_MANAGED) or else MEMBLOCK_NOMAP
 *    (MEMBLOCK_CONFLICT_NOMAP), whole, with its flags and node.
 * A region carrying both DRIVER_MANAGED and NOMAP is listed once, as
 * driver-managed. Node ids are those of memblock_get_region_node() (0 in
 * builds without CONFIG_NUMA). Other flags (HOTPLUG, MIRROR, ...) block
 * nothing and are not listed. A range with no conflicts is free: no part of
 * it is reserved and memblock_place_image() may use all of it.
 *
 * Size query first: with @out NULL nothing is written and the number of
 * conflicts is returned; with @out too small for them, nothing is written
 * and -ENOSPC is returned.
 *
 * Context: reads memblock; does not change it.
 * Return: the number of conflicts (0: the range is free); -EINVAL when
 * @size is 0 or @base is PHYS_ADDR_MAX (no byte left below the end of the
 * address space); or -ENOSPC.
 */
long memblock_explain_range(phys_addr_t base, phys_addr_t size,
			    struct memblock_conflict *out, size_t max_entries)
{
	phys_addr_t end;
	size_t n;

	size = mb_clip(base, size);
	if (!size)
		return -EINVAL;	/* empty, or @base is PHYS_ADDR_MAX */
	end = base + size;

	n = explain_walk_run(base, end, NULL);
	if (!out)
		return (long)n;
	if (n > max_entries)
		return -ENOSPC;
	return (long)explain_walk_run(base, end, out);
}

#endif /* CONFIG_MEMBLOCK_FW_EXPORT */
