// SPDX-License-Identifier: MIT
/*
 * alloc.c - finding free memory and handing it out.
 *
 * mb_search_free() is the only search: allocations in both directions,
 * the growth of region arrays and next-stage placement (fw/place.c) all
 * use it. Free memory is memory minus reserved, cut at the edges of every
 * memory region (a block never spans two regions), and the search visits
 * the reserved gaps inside one memory region at a time with a tight loop,
 * from the window edge it starts at, so that it never walks the regions
 * it cannot use.
 */
#include "internal.h"

static phys_addr_t clamp_addr(phys_addr_t x, phys_addr_t lo, phys_addr_t hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/*
 * The fit in the clamped piece [@s, @e]: its highest (@down) or lowest.
 * A piece may be empty: size 0 asks only for an address, and (as in
 * Linux) the highest aligned address of even an empty piece will do, but
 * the lowest must lie below the piece's end.
 */
static bool fits(const struct mb_search *q, phys_addr_t s, phys_addr_t e,
		 phys_addr_t *found, bool down)
{
	phys_addr_t c;

	if (e < s || e - s < q->size)
		return false;
	c = down ? MB_ALIGN_DOWN(e - q->size, q->align) :
		   MB_ALIGN_UP(s, q->align);
	if (c < s || c > e - q->size || (!down && c == e))
		return false;
	*found = c;
	return true;
}

/*
 * Size 0 takes its address from the first free range that has one, after
 * clamping it to the window: an empty piece at an edge of the window can
 * supply one too. Rare enough to walk every free range.
 */
static MB_NOINLINE bool search_zero_size(const struct mb_search *q,
					 phys_addr_t *found)
{
	u64 i = q->top_down ? MEMBLOCK_ITER_END : 0;
	phys_addr_t s, e;

	for (;;) {
		mb_walk(&i, q->nid, (int)q->flags, &memblock.memory,
			&memblock.reserved, &s, &e, NULL, q->top_down);
		if (i == MEMBLOCK_ITER_END)
			return false;
		if (fits(q, clamp_addr(s, q->lo, q->hi),
			 clamp_addr(e, q->lo, q->hi), found, q->top_down))
			return true;
	}
}

/*
 * The first fit, from the @down or the lower edge, in [@a, @b) between
 * reservations. Gap k of reserved runs from the end of region k - 1 to
 * the base of region k. Only the gaps at the two edges need clamping; in
 * between, a gap never starts above its end, so the loop tests a single
 * difference per gap before anything else.
 */
static MB_INLINE bool fit_between_reservations(const struct mb_search *q,
					       phys_addr_t a, phys_addr_t b,
					       phys_addr_t *found,
					       const bool down)
{
	const struct memblock_type *rsv = &memblock.reserved;
	const struct memblock_region *r = rsv->regions;
	const unsigned long cnt = rsv->cnt;
	unsigned long k = mb_first_ending_above(rsv, down ? b - 1 : a);
	/* The edge of the current gap nearest to where the search starts. */
	phys_addr_t near = down ? (k < cnt ? MB_MIN(r[k].base, b) : b) : a;

	while (down ? k && r[k - 1].base > a : k < cnt && r[k].base < b) {
		const phys_addr_t far = down ? mb_region_end(&r[k - 1]) :
					       r[k].base;
		const phys_addr_t s = down ? far : near;
		const phys_addr_t e = down ? near : far;

		if (e - s >= q->size && fits(q, s, e, found, down))
			return true;
		near = down ? r[--k].base : mb_region_end(&r[k++]);
	}
	if (down)
		return fits(q, k ? MB_MAX(mb_region_end(&r[k - 1]), a) : a,
			    near, found, true);
	return fits(q, near, b, found, false);
}

/* The memory regions that meet the window, from the @down edge. */
static MB_PER_DIRECTION bool search_regions(const struct mb_search *q,
					    phys_addr_t *found,
					    const bool down)
{
	struct memblock_type *mem = &memblock.memory;
	unsigned long i = mb_first_ending_above(mem, down ? q->hi - 1 : q->lo);

	if (down && i < mem->cnt && mem->regions[i].base < q->hi)
		i++;
	while (down ? i-- > 0 : i < mem->cnt) {
		struct memblock_region *m = &mem->regions[down ? i : i++];

		if (down ? mb_region_end(m) <= q->lo : m->base >= q->hi)
			return false;
		if (!should_skip_region(mem, m, q->nid, (int)q->flags) &&
		    fit_between_reservations(q, MB_MAX(m->base, q->lo),
					     MB_MIN(mb_region_end(m), q->hi),
					     found, down))
			return true;
	}
	return false;
}

#ifdef CONFIG_MEMBLOCK_SEARCH_CACHE
/*
 * The search cache: the previous search's question and answer. A found
 * block F means "no block of this size starts above F" (top-down) or
 * "below F" (bottom-up); nothing found means no block fits at all. Both
 * stay true while only reservations are added, so the next search with
 * the same question (or a larger size) resumes at F instead of visiting
 * again every narrow gap it already passed.
 *
 * The cache holds the headers (location, count, total size) of memory and
 * reserved as they were after the search, and after the reservation of
 * the block found (take()). Any other change to either array moves one
 * of them, whoever made it, and the cache is not used; the changes that
 * can leave all three as they were (edits of flags or nodes, removals
 * cut short, growth, trimming, reset, discard) call mb_search_forget().
 */
static struct {
	bool valid;
	bool none;		/* nothing was found */
	bool movable;		/* movable_node_is_enabled() then */
	struct mb_search key;
	phys_addr_t found;
	struct mb_header mem, rsv;
} last_search;

static void header_take(struct mb_header *h, const struct memblock_type *t)
{
	h->regions = t->regions;
	h->cnt = t->cnt;
	h->total_size = t->total_size;
}

static bool header_same(const struct mb_header *h,
			const struct memblock_type *t)
{
	return h->regions == t->regions && h->cnt == t->cnt &&
	       h->total_size == t->total_size;
}

/**
 * mb_search_forget - drop the search cache
 *
 * Context: after any change that can free a block a search passed over.
 */
void mb_search_forget(void)
{
	last_search.valid = false;
}

/* Whether the cache answers part of @q: same question, no other change. */
static bool search_resumes(const struct mb_search *q)
{
	const struct mb_search *k = &last_search.key;

	return last_search.valid && q->top_down == k->top_down &&
	       q->size >= k->size && q->align == k->align && q->lo == k->lo &&
	       q->hi == k->hi && q->nid == k->nid && q->flags == k->flags &&
	       last_search.movable == movable_node_is_enabled() &&
	       header_same(&last_search.mem, &memblock.memory) &&
	       header_same(&last_search.rsv, &memblock.reserved);
}

/* The search of @q, resumed where the previous one ended if it may be. */
static bool search_with_cache(const struct mb_search *q, phys_addr_t *found)
{
	struct mb_search n = *q;
	bool ok;

	if (search_resumes(q)) {
		if (last_search.none)
			return false;
		if (!q->top_down)
			n.lo = MB_MAX(q->lo, last_search.found);
		else if (q->size <= PHYS_ADDR_MAX - last_search.found)
			n.hi = MB_MIN(q->hi, last_search.found + q->size);
	}
	ok = n.top_down ? search_regions(&n, found, true) :
			  search_regions(&n, found, false);
	last_search.key = *q;
	last_search.none = !ok;
	last_search.found = ok ? *found : 0;
	last_search.movable = movable_node_is_enabled();
	header_take(&last_search.mem, &memblock.memory);
	header_take(&last_search.rsv, &memblock.reserved);
	last_search.valid = true;
	return ok;
}
#endif /* CONFIG_MEMBLOCK_SEARCH_CACHE */

/**
 * mb_search_free - find a free block
 * @q: what to look for and where
 * @found: receives the block's address
 *
 * The block lies in one memory region that passes should_skip_region()
 * for @q->nid and @q->flags, inside [@q->lo, @q->hi], clear of every
 * reservation. Top-down it is the highest aligned block, bottom-up the
 * lowest. The bounds are used as given: callers that must never return
 * the first page raise @q->lo themselves.
 *
 * Return: true when a block was found.
 */
bool mb_search_free(const struct mb_search *q, phys_addr_t *found)
{
	if (!q->size)
		return search_zero_size(q, found);
	if (q->lo >= q->hi)
		return false;
#ifdef CONFIG_MEMBLOCK_SEARCH_CACHE
	return search_with_cache(q, found);
#else
	return q->top_down ? search_regions(q, found, true) :
			     search_regions(q, found, false);
#endif
}

/**
 * mb_alloc_preference - the flags every allocation searches with first
 *
 * Return: MEMBLOCK_KHO_SCRATCH in KHO scratch-only mode (never dropped),
 * else MEMBLOCK_MIRROR once some mirror was marked (dropped when nothing
 * mirrored fits), else MEMBLOCK_NONE.
 */
enum memblock_flags mb_alloc_preference(void)
{
	if (mb_state.kho_only)
		return MEMBLOCK_KHO_SCRATCH;
	return mb_state.mirror_seen ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;
}

/* Search, then reserve what was found (with the node searched for) if
 * @how asks for it. */
static MB_INLINE bool take(const struct mb_search *q, unsigned int how,
			   phys_addr_t *found)
{
#ifdef CONFIG_MEMBLOCK_SEARCH_CACHE
	bool fresh;

	if (!mb_search_free(q, found))
		return false;
	if (!(how & MB_FIND_RESERVE))
		return true;
	/* Whether the cache describes reserved as it is, before the insert. */
	fresh = last_search.valid &&
		header_same(&last_search.rsv, &memblock.reserved);
	if (mb_insert(&memblock.reserved, *found, q->size, q->nid,
		      MEMBLOCK_RSRV_KERN))
		return false;
	/* The reservation only took the block away: the answer still holds. */
	if (fresh && last_search.valid)
		header_take(&last_search.rsv, &memblock.reserved);
	return true;
#else
	return mb_search_free(q, found) &&
	       (!(how & MB_FIND_RESERVE) ||
		!mb_insert(&memblock.reserved, *found, q->size, q->nid,
			   MEMBLOCK_RSRV_KERN));
#endif
}

/**
 * mb_find_block - the search of every block memblock takes for itself
 * @size: bytes
 * @align: a power of two
 * @lo: lowest address (the first page is never handed out)
 * @hi: exclusive upper bound; 0 or 1 mean memblock.current_limit
 * @nid: node to take the block from, or NUMA_NO_NODE
 * @how: MB_FIND_EXACT_NID, MB_FIND_RESERVE
 * @found: receives the block's address
 *
 * Searches in memblock.bottom_up's direction: on @nid with the preferred
 * flags, then on any node (unless MB_FIND_EXACT_NID), then both again
 * without MIRROR if mirrored memory was preferred. With MB_FIND_RESERVE
 * the block is reserved with MEMBLOCK_RSRV_KERN and @nid.
 *
 * Return: true when a block was found (and, if asked, reserved).
 */
bool mb_find_block(phys_addr_t size, phys_addr_t align, phys_addr_t lo,
		   phys_addr_t hi, int nid, unsigned int how,
		   phys_addr_t *found)
{
	struct mb_search q = {
		.size = size,
		.align = align,
		.flags = mb_alloc_preference(),
		.top_down = !memblock.bottom_up,
	};

	mb_search_window(&q, lo, hi);
	for (q.nid = nid;;) {
		if (take(&q, how, found))
			return true;
		if (numa_valid_node(q.nid) && !(how & MB_FIND_EXACT_NID)) {
			q.nid = NUMA_NO_NODE;
			continue;
		}
		if (!(q.flags & MEMBLOCK_MIRROR))
			return false;
		memblock_printk("memblock: no mirror for %pa bytes\n", &size);
		q.flags = (enum memblock_flags)(q.flags &
						~(unsigned int)MEMBLOCK_MIRROR);
		q.nid = nid;
	}
}

/**
 * memblock_alloc_range_nid - allocate and reserve a physical block
 * @size: bytes
 * @align: a power of two, or 0 for SMP_CACHE_BYTES
 * @start: lowest address (the first page is never handed out)
 * @end: exclusive upper bound; MEMBLOCK_ALLOC_ACCESSIBLE (0) or
 *	MEMBLOCK_ALLOC_NOLEAKTRACE (1) mean memblock.current_limit
 * @nid: node to take the block from, or NUMA_NO_NODE
 * @exact_nid: fail rather than take the block from another node
 *
 * The search is mb_find_block()'s; the block is reserved with
 * MEMBLOCK_RSRV_KERN and the node the search asked for. A size of 0
 * reserves nothing.
 *
 * Return: the block's physical address, or 0.
 */
phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
				     phys_addr_t start, phys_addr_t end,
				     int nid, bool exact_nid)
{
	phys_addr_t found;

	if (!align) {
		memblock_printk("memblock: align 0 for %pa bytes\n", &size);
		align = SMP_CACHE_BYTES;
	}
	if (!mb_is_pow2(align))
		return 0;
	if (!mb_nid_storable(nid))
		nid = NUMA_NO_NODE;
	return mb_find_block(size, align, start, end, nid,
			     MB_FIND_RESERVE | (exact_nid ? MB_FIND_EXACT_NID : 0),
			     &found) ? found : 0;
}

/**
 * memblock_phys_alloc_range - allocate a physical block inside a window
 * @size: bytes
 * @align: a power of two, or 0 for SMP_CACHE_BYTES
 * @start: lowest address
 * @end: exclusive upper bound, not clamped to the current limit
 *
 * Return: the block's physical address, or 0.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	mb_trace("memblock_phys_alloc_range: %pa bytes align=%pa from=%pa max_addr=%pa\n",
		 &size, &align, &start, &end);
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE,
					false);
}

/**
 * memblock_phys_alloc_try_nid - allocate a physical block, preferably on a node
 * @size: bytes
 * @align: a power of two, or 0 for SMP_CACHE_BYTES
 * @nid: preferred node, or NUMA_NO_NODE
 *
 * Return: the block's physical address, or 0.
 */
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid)
{
	return memblock_alloc_range_nid(size, align, 0,
					MEMBLOCK_ALLOC_ACCESSIBLE, nid, false);
}

/*
 * The virtual-address calls: the upper bound is clamped to the current
 * limit and never relaxed; a failed search is tried once more from 0.
 */
static void *alloc_virt(phys_addr_t size, phys_addr_t align,
			phys_addr_t min_addr, phys_addr_t max_addr, int nid,
			bool exact_nid, bool zero)
{
	phys_addr_t pa;
	void *va;

	mb_trace("memblock_alloc: %pa bytes align=%pa nid=%d from=%pa max_addr=%pa\n",
		 &size, &align, nid, &min_addr, &max_addr);
	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;
	for (;;) {
		pa = memblock_alloc_range_nid(size, align, min_addr, max_addr,
					      nid, exact_nid);
		if (pa || !min_addr)
			break;
		min_addr = 0;
	}
	if (!pa)
		return NULL;
	va = memblock_env_phys_to_virt(pa);
	if (zero)
		memblock_env_memset(va, 0, size);
	return va;
}

/**
 * memblock_alloc_exact_nid_raw - allocate on one node only, not zeroed
 * @size: bytes
 * @align: a power of two, or 0 for SMP_CACHE_BYTES
 * @min_addr: preferred lowest address; dropped if nothing fits above it
 * @max_addr: exclusive upper bound, clamped to the current limit
 * @nid: the node, or NUMA_NO_NODE for any
 *
 * Return: the block's virtual address, or NULL.
 */
void *memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
				   phys_addr_t min_addr, phys_addr_t max_addr,
				   int nid)
{
	return alloc_virt(size, align, min_addr, max_addr, nid, true, false);
}

/**
 * memblock_alloc_try_nid_raw - allocate, preferably on a node, not zeroed
 * @size: bytes
 * @align: a power of two, or 0 for SMP_CACHE_BYTES
 * @min_addr: preferred lowest address; dropped if nothing fits above it
 * @max_addr: exclusive upper bound, clamped to the current limit
 * @nid: preferred node, or NUMA_NO_NODE
 *
 * Return: the block's virtual address, or NULL.
 */
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid)
{
	return alloc_virt(size, align, min_addr, max_addr, nid, false, false);
}

/**
 * memblock_alloc_try_nid - allocate zeroed memory, preferably on a node
 * @size: bytes; exactly these are zeroed
 * @align: a power of two, or 0 for SMP_CACHE_BYTES
 * @min_addr: preferred lowest address; dropped if nothing fits above it
 * @max_addr: exclusive upper bound, clamped to the current limit
 * @nid: preferred node, or NUMA_NO_NODE
 *
 * Return: the block's virtual address, or NULL.
 */
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid)
{
	return alloc_virt(size, align, min_addr, max_addr, nid, false, true);
}

/**
 * __memblock_alloc_or_panic - memblock_alloc() that cannot fail
 * @size: bytes
 * @align: a power of two, or 0 for SMP_CACHE_BYTES
 * @func: the caller, named in the panic message
 *
 * Return: the zeroed block; panics through memblock_env_panic() when
 * nothing fits.
 */
void *__memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align,
				const char *func)
{
	void *p = memblock_alloc(size, align);

	if (!p)
		mb_panic("%s: out of memory for %pa bytes\n", func, &size);
	return p;
}
