// SPDX-License-Identifier: MIT
/*
 * query.c - questions about the map: sizes, bounds and lookups.
 */
#include "internal.h"

/*
 * The region just past the last region of @type that starts at or below
 * @addr: a binary search of the sorted array. It probes at power-of-two
 * steps, kept in bytes, so that a step is a compare and an addition.
 */
static struct memblock_region *upper_bound(const struct memblock_type *type,
					   phys_addr_t addr)
{
	const size_t one = sizeof(struct memblock_region);
	char *p = (char *)type->regions;
	size_t step;

	if (!type->cnt)
		return type->regions;
	step = mb_bit_floor(type->cnt) * one;
	if (((struct memblock_region *)(p + step) - 1)->base <= addr)
		p += type->cnt * one - step;
	while ((step >>= 1) >= one)
		if (((struct memblock_region *)(p + step) - 1)->base <= addr)
			p += step;
	return (struct memblock_region *)p +
	       (((struct memblock_region *)p)->base <= addr);
}

/* The number of regions of @type that start at or below @addr. */
unsigned long mb_count_at_or_below(const struct memblock_type *type,
				   phys_addr_t addr)
{
	return (unsigned long)(upper_bound(type, addr) - type->regions);
}

/* The index of the first region of @type that ends above @addr, or cnt. */
unsigned long mb_first_above(const struct memblock_type *type,
			     phys_addr_t addr)
{
	unsigned long i = mb_count_at_or_below(type, addr);

	return i && mb_region_end(&type->regions[i - 1]) > addr ? i - 1 : i;
}

/* The region of @type holding @addr, or NULL. */
static struct memblock_region *find_region(const struct memblock_type *type,
					   phys_addr_t addr)
{
	struct memblock_region *r = upper_bound(type, addr);

	if (r != type->regions && addr - r[-1].base < r[-1].size)
		return r - 1;
	return NULL;
}

/**
 * memblock_phys_mem_size - total size of memblock.memory
 *
 * Return: the sum of all memory region sizes.
 */
phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

/**
 * memblock_reserved_size - total size of memblock.reserved
 *
 * Return: the sum of all reserved region sizes.
 */
phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/**
 * memblock_reserved_kern_size - bytes reserved for the kernel below a limit
 * @limit: count only what lies below this address
 * @nid: count only this node; an invalid node counts all
 *
 * Return: the size of MEMBLOCK_RSRV_KERN reservations (every allocation, and
 * memblock_reserve_kern()) below @limit on @nid.
 */
phys_addr_t memblock_reserved_kern_size(phys_addr_t limit, int nid)
{
	struct memblock_region *r;
	phys_addr_t total = 0;

	for_each_reserved_mem_region(r) {
		phys_addr_t size = r->size;

		if (r->base > limit)
			break;
		if (mb_region_end(r) > limit)
			size = limit - r->base;
		if (!(r->flags & MEMBLOCK_RSRV_KERN))
			continue;
		if (!numa_valid_node(nid) ||
		    nid == memblock_get_region_node(r))
			total += size;
	}
	return total;
}

/**
 * memblock_estimated_nr_free_pages - pages left once the kernel's own
 * reservations are subtracted from memory
 *
 * Return: PHYS_PFN(memory size - reserved-for-kernel size), or 0 when the
 * kernel reservations exceed memory (Linux wraps around there).
 */
unsigned long memblock_estimated_nr_free_pages(void)
{
	phys_addr_t mem = memblock_phys_mem_size();
	phys_addr_t kern =
		memblock_reserved_kern_size(MEMBLOCK_ALLOC_ANYWHERE,
					    NUMA_NO_NODE);

	return kern > mem ? 0 : PHYS_PFN(mem - kern);
}

/**
 * memblock_start_of_DRAM - lowest memory address
 *
 * Return: the base of the first memory region, or 0 when there is none.
 */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

/**
 * memblock_end_of_DRAM - end of the highest memory region
 *
 * Return: its end address (exclusive), or 0 when there is no memory (Linux
 * reads before the array there).
 */
phys_addr_t memblock_end_of_DRAM(void)
{
	const struct memblock_type *mem = &memblock.memory;

	if (!mem->cnt)
		return 0;
	return mb_region_end(&mem->regions[mem->cnt - 1]);
}

/**
 * memblock_is_memory - whether @addr is memory
 * @addr: physical address
 *
 * Return: true when a memory region holds @addr, whatever its flags.
 */
bool memblock_is_memory(phys_addr_t addr)
{
	return find_region(&memblock.memory, addr);
}

/**
 * memblock_is_map_memory - whether @addr is memory in the direct map
 * @addr: physical address
 *
 * Return: true when a memory region without MEMBLOCK_NOMAP holds @addr.
 */
bool memblock_is_map_memory(phys_addr_t addr)
{
	struct memblock_region *r = find_region(&memblock.memory, addr);

	return r && !memblock_is_nomap(r);
}

/**
 * memblock_search_pfn_nid - the memory region holding a page frame
 * @pfn: page frame number
 * @start_pfn: receives PFN_DOWN of the region's base
 * @end_pfn: receives PFN_DOWN of the region's end
 *
 * Return: the region's node (0 without NUMA), or NUMA_NO_NODE when @pfn is
 * not memory; the outputs are then left alone.
 */
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn,
			    unsigned long *end_pfn)
{
	const struct memblock_region *r =
		find_region(&memblock.memory, PFN_PHYS(pfn));

	if (!r)
		return NUMA_NO_NODE;
	*start_pfn = PFN_DOWN(r->base);
	*end_pfn = PFN_DOWN(mb_region_end(r));
	return memblock_get_region_node(r);
}

/**
 * memblock_is_region_memory - whether a range lies inside one memory region
 * @base: first address
 * @size: length in bytes; capped at the top of the address space
 *
 * Return: true when the region holding @base also holds the whole range
 * (with @size 0: when @base is memory).
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	const struct memblock_region *r = find_region(&memblock.memory, base);

	return r && mb_region_end(r) >= base + mb_cap_size(base, &size);
}

/**
 * memblock_is_reserved - whether @addr is reserved
 * @addr: physical address
 *
 * Return: true when a reserved region holds @addr.
 */
bool memblock_is_reserved(phys_addr_t addr)
{
	return find_region(&memblock.reserved, addr);
}

/**
 * memblock_addrs_overlap - whether two ranges share at least one byte
 * @base1: start of the first range
 * @size1: its size
 * @base2: start of the second range
 * @size2: its size
 *
 * Touching ranges do not overlap. The ends are not capped, as in Linux.
 *
 * Return: non-zero when the ranges intersect.
 */
unsigned long memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1,
				     phys_addr_t base2, phys_addr_t size2)
{
	return base1 < base2 + size2 && base2 < base1 + size1;
}

/**
 * memblock_overlaps_region - whether a range intersects any region of @type
 * @type: the array
 * @base: start of the range
 * @size: its size, capped at the top of the address space
 *
 * Return: true when some region strictly intersects the range.
 */
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	unsigned long i;

	mb_cap_size(base, &size);
	for (i = 0; i < type->cnt; i++)
		if (memblock_addrs_overlap(base, size, type->regions[i].base,
					   type->regions[i].size))
			return true;
	return false;
}

/**
 * memblock_is_region_reserved - whether a range intersects any reservation
 * @base: start of the range
 * @size: its size
 *
 * Return: true when some reserved region intersects the range.
 */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/**
 * memblock_validate_numa_coverage - check that memory has node ids
 * @threshold_bytes: how much memory may lack a valid node
 *
 * Counts the whole pages of memory regions whose node is not a valid node.
 *
 * Return: false (and a log line) when that exceeds @threshold_bytes.
 */
bool memblock_validate_numa_coverage(unsigned long threshold_bytes)
{
	unsigned long nr_pages = 0;
	struct memblock_region *r;

	/* The whole pages of each region, as for_each_mem_pfn_range() has them. */
	for_each_mem_region(r) {
		const unsigned long start_pfn = PFN_UP(r->base);
		const unsigned long end_pfn = PFN_DOWN(mb_region_end(r));

		if (!numa_valid_node(memblock_get_region_node(r)) &&
		    start_pfn < end_pfn)
			nr_pages += end_pfn - start_pfn;
	}

	if ((nr_pages << PAGE_SHIFT) > threshold_bytes) {
		memblock_printk("NUMA: no nodes coverage for %luMB of %luMB RAM\n",
				(nr_pages << PAGE_SHIFT) >> 20,
				(unsigned long)(memblock_phys_mem_size() >> 20));
		return false;
	}
	return true;
}
