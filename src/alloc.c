// SPDX-License-Identifier: MIT
/*
 * alloc.c - placement of new blocks and every allocation entry point.
 *
 * An allocation searches free memory (memory minus reserved, filtered by
 * should_skip_region) for an aligned block, then reserves it with
 * MEMBLOCK_RSRV_KERN. The first page of the address space is never handed
 * out, so 0 can mean failure.
 */
#include "internal.h"

static MB_NOINLINE enum memblock_flags choose_memblock_flags(void)
{
	if (mb_kho_scratch_only)
		return MEMBLOCK_KHO_SCRATCH;
	return mb_has_mirror ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;
}

/*
 * The search walks free memory with the iterators, and returns what the
 * plain walk returns. It only leaves out ranges that cannot hold @size
 * bytes: the walk starts at the edge of [@start, @end), stops past the
 * other edge, and its cursor steps over gaps between reservations that are
 * narrower than @size. With @size 0 even an empty range fits, so then the
 * plain walk is used.
 */

/*
 * Move the gap half of cursor @i over the narrow gaps that lie inside its
 * memory region, in the direction of the walk; the walk would find them too
 * small one by one.
 */
static u64 skip_narrow_gaps(u64 i, phys_addr_t size, bool down)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_region *b = memblock.reserved.regions;
	const unsigned long cnt = memblock.reserved.cnt;
	const unsigned long ia = (uint32_t)i;
	unsigned long k = (unsigned long)(i >> 32);
	const struct memblock_region *m;

	if (ia >= mem->cnt)
		return i;
	m = &mem->regions[ia];
	for (; k && k < cnt; k += down ? -1UL : 1) {
		const phys_addr_t gap_start = mb_region_end(&b[k - 1]);
		const phys_addr_t gap_end = b[k].base;

		/* Stop at the edge of the region, or at a gap wide enough. */
		if ((down ? gap_start <= m->base : gap_end >= mb_region_end(m)) ||
		    gap_end - gap_start >= size)
			break;
	}
	return mb_cursor(ia, k);
}

/*
 * One step of the walk over free memory, downwards with @down. A single
 * call site in the search loop below keeps the compiler from making a
 * copy of the loop for each direction.
 */
static MB_NOINLINE void next_free_range(u64 *i, int nid,
					enum memblock_flags flags, bool down,
					phys_addr_t *start, phys_addr_t *end)
{
	if (down)
		__next_mem_range_rev(i, nid, flags, &memblock.memory,
				     &memblock.reserved, start, end, NULL);
	else
		__next_mem_range(i, nid, flags, &memblock.memory,
				 &memblock.reserved, start, end, NULL);
}

/*
 * Find, without reserving, a free block of @size bytes aligned to @align (a
 * power of two) inside [@start, @end), walking free memory with @nid and
 * @flags as the iterators do: the highest fit with @top_down, the lowest
 * otherwise. The result goes to *@found, so that 0 is a valid answer.
 * Shared by allocation and by next-stage image placement (fw/place.c).
 */
bool mb_find_free_block(phys_addr_t start, phys_addr_t end, phys_addr_t size,
			phys_addr_t align, int nid, enum memblock_flags flags,
			bool top_down, phys_addr_t *found)
{
	phys_addr_t this_start = 0, this_end = 0, cand;
	u64 i = top_down ? MEMBLOCK_ITER_END : 0;

	if (size && top_down) {
		const unsigned long n =
			mb_count_at_or_below(&memblock.memory, end - 1);

		if (!n || end <= start)
			return false;
		i = mb_cursor(n - 1, mb_first_above(&memblock.reserved, end - 1));
	} else if (size) {
		i = mb_cursor(mb_first_above(&memblock.memory, start),
			      mb_count_at_or_below(&memblock.reserved, start));
	}

	for (;;) {
		if (size)
			i = skip_narrow_gaps(i, size, top_down);
		next_free_range(&i, nid, flags, top_down, &this_start,
				&this_end);
		if (i == MEMBLOCK_ITER_END ||
		    (size && (top_down ? this_end <= start : this_start >= end)))
			return false;

		this_start = MB_CLAMP(this_start, start, end);
		this_end = MB_CLAMP(this_end, start, end);
		if (top_down) {
			if (this_end < size)
				continue;
			cand = MB_ALIGN_DOWN(this_end - size, align);
			if (cand < this_start)
				continue;
		} else {
			cand = MB_ALIGN_UP(this_start, align);
			/* The rounding may wrap past PHYS_ADDR_MAX. */
			if (cand < this_start || cand >= this_end ||
			    this_end - cand < size)
				continue;
		}
		*found = cand;
		return true;
	}
}

/*
 * The allocator's search: @end of MEMBLOCK_ALLOC_ACCESSIBLE or _NOLEAKTRACE
 * means memblock.current_limit, the first page is never used, and the
 * direction is memblock's. Returns 0 when nothing fits.
 */
static phys_addr_t find_in_range_node(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end,
				      int nid, enum memblock_flags flags)
{
	phys_addr_t found;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE ||
	    end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = memblock.current_limit;

	start = MB_MAX(start, (phys_addr_t)PAGE_SIZE);
	end = MB_MAX(start, end);

	if (!mb_find_free_block(start, end, size, align, nid, flags,
				!memblock_bottom_up(), &found))
		return 0;
	return found;
}

/*
 * The fallback when mirrored memory has no room for @size bytes: drop
 * MIRROR from *@flags, with a warning. False when there is nothing to drop.
 */
static bool drop_mirror(enum memblock_flags *flags, phys_addr_t size)
{
	if (!(*flags & MEMBLOCK_MIRROR))
		return false;
	*flags &= ~MEMBLOCK_MIRROR;
	memblock_printk("memblock: Could not allocate %pa bytes of mirrored memory\n",
			&size);
	return true;
}

/*
 * Search on any node with the global flags, dropping MIRROR when mirrored
 * memory has no room. Used for the memory of grown region arrays.
 */
phys_addr_t mb_find_in_range(phys_addr_t start, phys_addr_t end,
			     phys_addr_t size, phys_addr_t align)
{
	enum memblock_flags flags = choose_memblock_flags();
	phys_addr_t ret;

	do {
		ret = find_in_range_node(size, align, start, end, NUMA_NO_NODE,
					 flags);
	} while (!ret && drop_mirror(&flags, size));
	return ret;
}

/*
 * Find a block on @nid (or any node) and reserve it for the kernel, with
 * @nid as its node. Returns 0 when nothing fits or reserving fails.
 */
static MB_NOINLINE phys_addr_t find_and_reserve(phys_addr_t size,
						phys_addr_t align,
						phys_addr_t start,
						phys_addr_t end, int nid,
						enum memblock_flags flags)
{
	phys_addr_t found = find_in_range_node(size, align, start, end, nid,
					       flags);

	if (found && __memblock_reserve(found, size, nid, MEMBLOCK_RSRV_KERN))
		return 0;
	return found;
}

/**
 * memblock_alloc_range_nid - allocate a physical block
 * @size: bytes to allocate
 * @align: alignment, a power of two; 0 means SMP_CACHE_BYTES
 * @start: lowest acceptable address (raised to PAGE_SIZE)
 * @end: exclusive upper bound; MEMBLOCK_ALLOC_ACCESSIBLE (0) or
 *	MEMBLOCK_ALLOC_NOLEAKTRACE (1) mean memblock.current_limit
 * @nid: preferred node, or NUMA_NO_NODE; an id that is no node means any
 *	node (and is recorded as NUMA_NO_NODE if it cannot be stored)
 * @exact_nid: with a valid @nid, fail rather than use another node
 *
 * Tries, in order: @nid in mirrored memory, any node in mirrored memory,
 * @nid, any node (the mirrored steps only once mirror was marked, the
 * any-node steps only without @exact_nid). In KHO scratch-only mode, only
 * scratch memory is used, with no fallback. The block is reserved with
 * MEMBLOCK_RSRV_KERN and @nid, or NUMA_NO_NODE when it came from the
 * any-node step. A @size of 0 returns an address and reserves nothing.
 *
 * Return: the physical address, or 0 when nothing fits, when reserving it
 * failed, or when @align is not a power of two.
 */
phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
				     phys_addr_t start, phys_addr_t end,
				     int nid, bool exact_nid)
{
	enum memblock_flags flags = choose_memblock_flags();
	phys_addr_t found;

	/* A node id that cannot be recorded means "any node", as in Linux. */
	if (!mb_nid_storable(nid))
		nid = NUMA_NO_NODE;
	if (!align) {
		memblock_printk("memblock: %s: zero alignment, using %d\n",
				__func__, (int)SMP_CACHE_BYTES);
		align = SMP_CACHE_BYTES;
	}
	if (!mb_is_pow2(align)) {
		memblock_printk("memblock: %s: alignment %pa is not a power of two\n",
				__func__, &align);
		return 0;
	}

	for (;;) {
		found = find_and_reserve(size, align, start, end, nid, flags);
		if (!found && numa_valid_node(nid) && !exact_nid)
			found = find_and_reserve(size, align, start, end,
						 NUMA_NO_NODE, flags);
		if (found)
			break;
		if (!drop_mirror(&flags, size))
			return 0;
	}

	memblock_dbg("%s: %pa bytes align=%pa nid=%d from=%pa max_addr=%pa -> %pa\n",
		     __func__, &size, &align, nid, &start, &end, &found);
	return found;
}

/**
 * memblock_phys_alloc_range - allocate a physical block inside a window
 * @size: bytes to allocate
 * @align: alignment, a power of two (0 means SMP_CACHE_BYTES)
 * @start: lowest acceptable address; never relaxed
 * @end: exclusive upper bound; 0 or 1 mean memblock.current_limit, any other
 *	value is used as given (not clamped to the limit)
 *
 * Return: the physical address, or 0 on failure.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE,
					false);
}

/**
 * memblock_phys_alloc_try_nid - allocate a physical block, preferably on @nid
 * @size: bytes to allocate
 * @align: alignment, a power of two (0 means SMP_CACHE_BYTES)
 * @nid: preferred node; other nodes are used when it has no room
 *
 * Return: the physical address, or 0 on failure.
 */
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid)
{
	return memblock_alloc_range_nid(size, align, 0,
					MEMBLOCK_ALLOC_ACCESSIBLE, nid, false);
}

/*
 * The common path of the virtual-address API: clamp @max_addr to the current
 * limit, and when nothing fits above @min_addr, try again from 0.
 */
static void *alloc_internal(phys_addr_t size, phys_addr_t align,
			    phys_addr_t min_addr, phys_addr_t max_addr,
			    int nid, bool exact_nid)
{
	phys_addr_t alloc;

	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;

	for (;;) {
		alloc = memblock_alloc_range_nid(size, align, min_addr,
						 max_addr, nid, exact_nid);
		if (alloc)
			return memblock_env_phys_to_virt(alloc);
		if (!min_addr)
			return NULL;
		min_addr = 0;
	}
}

/**
 * memblock_alloc_exact_nid_raw - allocate on exactly node @nid, not zeroed
 * @size: bytes to allocate
 * @align: alignment, a power of two (0 means SMP_CACHE_BYTES)
 * @min_addr: preferred lowest address; dropped when nothing fits above it
 * @max_addr: exclusive upper bound, clamped to memblock.current_limit;
 *	MEMBLOCK_ALLOC_ACCESSIBLE means the limit itself
 * @nid: the node; never another one when it is valid
 *
 * Return: the virtual address of the block, or NULL on failure.
 */
void *memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
				   phys_addr_t min_addr, phys_addr_t max_addr,
				   int nid)
{
	return alloc_internal(size, align, min_addr, max_addr, nid, true);
}

/**
 * memblock_alloc_try_nid_raw - allocate, preferably on @nid, not zeroed
 * @size: bytes to allocate
 * @align: alignment, a power of two (0 means SMP_CACHE_BYTES)
 * @min_addr: preferred lowest address; dropped when nothing fits above it
 * @max_addr: exclusive upper bound, clamped to memblock.current_limit;
 *	MEMBLOCK_ALLOC_ACCESSIBLE means the limit itself
 * @nid: preferred node, or NUMA_NO_NODE
 *
 * Return: the virtual address of the block, or NULL on failure.
 */
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid)
{
	return alloc_internal(size, align, min_addr, max_addr, nid, false);
}

/**
 * memblock_alloc_try_nid - allocate zeroed memory, preferably on @nid
 * @size: bytes to allocate
 * @align: alignment, a power of two (0 means SMP_CACHE_BYTES)
 * @min_addr: preferred lowest address; dropped when nothing fits above it
 * @max_addr: exclusive upper bound, clamped to memblock.current_limit;
 *	MEMBLOCK_ALLOC_ACCESSIBLE means the limit itself
 * @nid: preferred node, or NUMA_NO_NODE
 *
 * Return: the virtual address of the block, its @size bytes zeroed, or NULL.
 */
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid)
{
	void *ptr = alloc_internal(size, align, min_addr, max_addr, nid, false);

	if (ptr)
		memblock_env_memset(ptr, 0, (size_t)size);
	return ptr;
}

/**
 * __memblock_alloc_or_panic - memblock_alloc() that cannot fail
 * @size: bytes to allocate
 * @align: alignment, a power of two (0 means SMP_CACHE_BYTES)
 * @func: name of the caller, for the panic message
 *
 * Return: the zeroed block. Calls memblock_env_panic() when nothing fits.
 */
void *__memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align,
				const char *func)
{
	void *addr = memblock_alloc(size, align);
	char msg[96];

	if (addr)
		return addr;
	mb_snprintf(msg, sizeof(msg), "%s: Failed to allocate %pa bytes\n",
			  func, &size);
	memblock_env_panic(msg);
}
