// SPDX-License-Identifier: MIT
/*
 * query.c - questions about memory and reservations that change nothing.
 * Point lookups are binary searches (region_at()); lookups in memory use
 * locality instead with CONFIG_MEMBLOCK_LOOKUP_INDEX (lookup.c).
 */
#include "internal.h"

/* The region of @type holding @addr, or NULL: one shared search. */
static struct memblock_region *find_region(const struct memblock_type *type,
					   phys_addr_t addr)
{
	const unsigned long i = mb_first_ending_above(type, addr);

	return i < type->cnt && type->regions[i].base <= addr ?
		       &type->regions[i] : NULL;
}

/*
 * The memory region holding @addr, or NULL, for the lookups an
 * architecture's pfn_valid() makes for every page (memory_region_hot()),
 * and for the others (memory_region_of()).
 */
#ifdef CONFIG_MEMBLOCK_LOOKUP_INDEX
/* Inline where it is hot: the previous answer is tried there (lookup.c). */
#define memory_region_hot(addr) mb_memory_region_at(addr)

static struct memblock_region *memory_region_of(phys_addr_t addr)
{
	return mb_memory_region_at(addr);
}
#else
#define memory_region_of(addr) find_region(&memblock.memory, addr)

/* Inlined into is_memory; is_map_memory shares find_region() (size). */
static MB_INLINE struct memblock_region *region_at(phys_addr_t addr)
{
	const struct memblock_type *mem = &memblock.memory;
	struct memblock_region *w;

	if (!mem->cnt)
		return NULL;
	w = mb_last_starting_at_or_below(mem, addr);
	/* Below @w's base, the difference wraps and exceeds any size. */
	return addr - w->base < w->size ? w : NULL;
}
#endif

/**
 * memblock_phys_mem_size - bytes of registered memory
 *
 * Return: memblock.memory.total_size.
 */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

/**
 * memblock_reserved_size - bytes reserved
 *
 * Return: memblock.reserved.total_size.
 */
phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/**
 * memblock_reserved_kern_size - bytes reserved for the kernel below a limit
 * @limit: only what lies below this address counts
 * @nid: only reservations of this node; an invalid id means all
 *
 * Return: the bytes below @limit of every MEMBLOCK_RSRV_KERN reservation
 * of the node.
 */
phys_addr_t memblock_reserved_kern_size(phys_addr_t limit, int nid)
{
	return mb_reserved_size_with(MEMBLOCK_RSRV_KERN, limit, nid);
}

/**
 * memblock_estimated_nr_free_pages - pages left once the kernel's are gone
 *
 * Return: memory minus kernel reservations, in pages; 0 (where Linux
 * would wrap around) when kernel reservations exceed memory.
 */
unsigned long memblock_estimated_nr_free_pages(void)
{
	const phys_addr_t mem = memblock_phys_mem_size();
	const phys_addr_t kern =
		memblock_reserved_kern_size(MEMBLOCK_ALLOC_ANYWHERE,
					    NUMA_NO_NODE);

	return kern > mem ? 0 : mb_pfn_floor(mem - kern);
}

/**
 * memblock_start_of_DRAM - lowest address of memory
 *
 * Return: the base of the first memory region, 0 when there is none.
 */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

/**
 * memblock_end_of_DRAM - end of memory
 *
 * Return: the end (exclusive) of the last memory region, 0 when there is
 * none (Linux leaves that case undefined).
 */
phys_addr_t memblock_end_of_DRAM(void)
{
	const struct memblock_type *mem = &memblock.memory;

	return mem->cnt ? mb_region_end(&mem->regions[mem->cnt - 1]) : 0;
}

/**
 * memblock_is_memory - whether an address is registered memory
 * @addr: the address
 *
 * Return: true when a memory region contains @addr.
 */
bool memblock_is_memory(phys_addr_t addr)
{
#ifdef CONFIG_MEMBLOCK_LOOKUP_INDEX
	return memory_region_hot(addr) != NULL;
#else
	return region_at(addr) != NULL;
#endif
}

/**
 * memblock_is_map_memory - whether an address is memory of the direct map
 * @addr: the address
 *
 * Return: true when a memory region without MEMBLOCK_NOMAP contains @addr.
 */
bool memblock_is_map_memory(phys_addr_t addr)
{
#ifdef CONFIG_MEMBLOCK_LOOKUP_INDEX
	const struct memblock_region *r = memory_region_hot(addr);
#else
	const struct memblock_region *r = memory_region_of(addr);
#endif

	return r && !(r->flags & MEMBLOCK_NOMAP);
}

/**
 * memblock_is_region_memory - whether a range lies in one memory region
 * @base: first address
 * @size: bytes, capped below PHYS_ADDR_MAX; 0 asks about @base alone
 *
 * Two touching regions do not count as one.
 *
 * Return: true when the region holding @base holds the whole range.
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	const struct memblock_region *r = memory_region_of(base);

	return r && base + mb_clip(base, size) <= mb_region_end(r);
}

/**
 * memblock_is_reserved - whether an address is reserved
 * @addr: the address
 *
 * Return: true when a reserved region contains @addr.
 */
bool memblock_is_reserved(phys_addr_t addr)
{
	return find_region(&memblock.reserved, addr) != NULL;
}

/**
 * memblock_overlaps_region - whether a range meets any region of an array
 * @type: the array
 * @base: first address
 * @size: bytes, capped below PHYS_ADDR_MAX
 *
 * Touching is not meeting. With @size 0 the answer is true when @base
 * lies inside a region but not at its start, as in Linux.
 *
 * Return: true when some region intersects [@base, @base + @size).
 */
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	const unsigned long i = mb_first_ending_above(type, base);

	/* The first region ending above @base starts lowest of those. */
	return i < type->cnt &&
	       type->regions[i].base < base + mb_clip(base, size);
}

/**
 * memblock_is_region_reserved - whether a range meets any reservation
 * @base: first address
 * @size: bytes
 *
 * Return: memblock_overlaps_region(&memblock.reserved, @base, @size).
 */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/**
 * memblock_addrs_overlap - whether two ranges intersect
 * @base1: first address of one range
 * @size1: its bytes
 * @base2: first address of the other
 * @size2: its bytes
 *
 * No capping: the sums may wrap, as in Linux.
 *
 * Return: non-zero when the ranges intersect.
 */
unsigned long memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1,
				     phys_addr_t base2, phys_addr_t size2)
{
	return base1 < base2 + size2 && base2 < base1 + size1;
}

/**
 * memblock_search_pfn_nid - the memory region and node of a page frame
 * @pfn: the page frame
 * @start_pfn: receives the frame the region starts in
 * @end_pfn: receives the frame the region ends in (exclusive end)
 *
 * A frame beyond the reach of phys_addr_t matches nothing.
 *
 * Return: the region's node (0 without NUMA), or NUMA_NO_NODE with the
 * outputs untouched when no region contains the frame's first byte.
 */
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn,
			    unsigned long *end_pfn)
{
	const struct memblock_region *r;

	if (pfn > mb_pfn_floor(PHYS_ADDR_MAX))
		return NUMA_NO_NODE;
	r = memory_region_of(PFN_PHYS(pfn));
	if (!r)
		return NUMA_NO_NODE;
	*start_pfn = mb_pfn_floor(r->base);
	*end_pfn = mb_pfn_floor(mb_region_end(r));
	return memblock_get_region_node(r);
}

/**
 * memblock_validate_numa_coverage - whether enough memory has a node
 * @threshold_bytes: how much memory without a node is tolerated
 *
 * Counts the whole pages of memory regions whose node is not a valid
 * node. More than @threshold_bytes of them is logged.
 *
 * Return: false when more than @threshold_bytes lack a node.
 */
bool memblock_validate_numa_coverage(unsigned long threshold_bytes)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long pages = 0, i;

	for (i = 0; i < mem->cnt; i++) {
		const struct memblock_region *r = &mem->regions[i];
		const unsigned long first = mb_pfn_ceil(r->base);
		const unsigned long end = mb_pfn_floor(mb_region_end(r));

		if (!numa_valid_node(memblock_get_region_node(r)) && first < end)
			pages += end - first;
	}
	const u64 bytes = (u64)pages << PAGE_SHIFT;

	if (bytes <= threshold_bytes)
		return true;
	memblock_printk("memblock: %luMB of %luMB of memory have no NUMA node\n",
			(unsigned long)(bytes >> 20),
			(unsigned long)(memblock_phys_mem_size() >> 20));
	return false;
}
