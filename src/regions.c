// SPDX-License-Identifier: MIT
/*
 * regions.c - the array engine: insert, split, merge, grow; and the public
 * calls that register, remove and mark ranges through it.
 *
 * Every array is kept sorted by base, with disjoint regions and no two
 * touching neighbours that share flags and node (those are merged).
 */
#include "internal.h"

#define REGION_BYTES sizeof(struct memblock_region)

/*
 * Put a new region at slot @idx, moving the tail up by one. The caller
 * accounts for its size in total_size.
 */
static void insert_region(struct memblock_type *type, unsigned long idx,
			  phys_addr_t base, phys_addr_t size, int nid,
			  enum memblock_flags flags)
{
	struct memblock_region *rgn = &type->regions[idx];

	memblock_env_memmove(rgn + 1, rgn, (type->cnt - idx) * REGION_BYTES);
	rgn->base = base;
	rgn->size = size;
	rgn->flags = flags;
	memblock_set_region_node(rgn, nid);
	type->cnt++;
}

/* Delete slot @r; an array left empty gets a zeroed slot 0. */
void mb_remove_region(struct memblock_type *type, unsigned long r)
{
	struct memblock_region *rgn = &type->regions[r];

	type->total_size -= rgn->size;
	memblock_env_memmove(rgn, rgn + 1,
			     (type->cnt - (r + 1)) * REGION_BYTES);
	type->cnt--;

	if (type->cnt == 0) {
		memblock_env_memset(&type->regions[0], 0, REGION_BYTES);
		memblock_set_region_node(&type->regions[0], MAX_NUMNODES);
	}
}

static bool regions_mergeable(const struct memblock_region *a,
			      const struct memblock_region *b)
{
	return mb_region_end(a) == b->base && a->flags == b->flags &&
	       memblock_get_region_node(a) == memblock_get_region_node(b);
}

/*
 * Merge touching compatible neighbours among the regions that a change
 * touched, [@start_rgn, @end_rgn), and the one just below them.
 */
void mb_merge_regions(struct memblock_type *type, unsigned long start_rgn,
		      unsigned long end_rgn)
{
	unsigned long i = start_rgn ? start_rgn - 1 : 0;
	unsigned long last;

	if (type->cnt < 2)
		return;
	last = MB_MIN(end_rgn, type->cnt - 1);

	while (i < last) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = this + 1;

		if (!regions_mergeable(this, next)) {
			i++;
			continue;
		}
		this->size += next->size;
		memblock_env_memmove(next, next + 1,
				     (type->cnt - (i + 2)) * REGION_BYTES);
		type->cnt--;
		last--;
	}
}

/*
 * Find room for an array twice the size of @type's and move it there. The
 * room comes from memblock itself, like any allocation, and never overlaps
 * [@avoid_base, @avoid_base + @avoid_size) when @type is the reserved array
 * (that is the range being reserved right now).
 *
 * Unlike Linux, the new array is reserved before the old one is released:
 * releasing edits memblock.reserved, which may have to grow in turn, and
 * must not find the new, not yet reserved, array free.
 */
static int double_array(struct memblock_type *type, phys_addr_t avoid_base,
			phys_addr_t avoid_size)
{
	const bool is_reserved = type == &memblock.reserved;
	const phys_addr_t old_size = (phys_addr_t)type->max * REGION_BYTES;
	const phys_addr_t new_size = old_size << 1;
	const phys_addr_t old_alloc = MB_PAGE_ALIGN(old_size);
	const phys_addr_t new_alloc = MB_PAGE_ALIGN(new_size);
	struct memblock_region *old_array = type->regions;
	struct memblock_region *new_array;
	bool old_is_static = mb_is_static_array(type);
	phys_addr_t addr;

	if (!mb_can_resize) {
		memblock_dbg("memblock: cannot resize %s array\n", type->name);
		return -ENOMEM;
	}

	if (!is_reserved)
		avoid_base = avoid_size = 0;

	addr = mb_find_in_range(avoid_base + avoid_size, memblock.current_limit,
				new_alloc, PAGE_SIZE);
	if (!addr && avoid_size)
		addr = mb_find_in_range(0, MB_MIN(avoid_base,
						  memblock.current_limit),
					new_alloc, PAGE_SIZE);
	if (!addr) {
		memblock_printk("memblock: Failed to double %s array from %lu to %lu entries !\n",
				type->name, type->max, type->max * 2);
		return -ENOMEM;
	}

	if (!is_reserved && memblock_reserve_kern(addr, new_alloc))
		return -ENOMEM;

	new_array = memblock_env_phys_to_virt(addr);
	memblock_env_memcpy(new_array, old_array, old_size);
	memblock_env_memset(new_array + type->max, 0, old_size);
	type->regions = new_array;
	type->max <<= 1;

	/* The reserved array has just doubled, so this cannot need more room. */
	if (is_reserved)
		memblock_reserve_kern(addr, new_alloc);

	memblock_dbg("memblock: %s is doubled to %lu at [%pa-%pa]\n", type->name,
		     type->max, &addr, &(phys_addr_t){ addr + new_alloc - 1 });

	if (!old_is_static)
		memblock_phys_free(memblock_env_virt_to_phys(old_array),
				   old_alloc);
	return 0;
}

/**
 * memblock_ensure_capacity - make room for @free_slots more regions
 * @type: the array
 * @free_slots: how many regions must fit beyond the current count
 *
 * Grows @type (by doubling, as any growth) until @free_slots more regions
 * fit, so that a batch of later operations cannot fail half-way for lack
 * of room. Importers of firmware maps use it before they change anything.
 *
 * Return: 0, or -ENOMEM when growth is not allowed or finds no memory (the
 * array keeps whatever size it reached).
 */
int memblock_ensure_capacity(struct memblock_type *type,
			     unsigned long free_slots)
{
	while (type->max - type->cnt < free_slots)
		if (double_array(type, 0, 0))
			return -ENOMEM;
	return 0;
}

/* The number of parts of [@base, @end) that no region of @type covers. */
static unsigned long count_gaps(const struct memblock_type *type,
				phys_addr_t base, phys_addr_t end)
{
	const struct memblock_region *r = type->regions;
	unsigned long idx, nr = 0;

	for (idx = mb_first_above(type, base);
	     idx < type->cnt && r[idx].base < end; idx++) {
		nr += r[idx].base > base;
		base = MB_MIN(mb_region_end(&r[idx]), end);
	}
	return nr + (base < end);
}

/*
 * Put [@base, @end), which lies in the gap just below slot @idx, into
 * @type with @nid and @flags, merged at once with whichever neighbours it
 * touches and may merge with: the result of inserting it and merging the
 * neighbourhood, but the tail of the array moves at most once, and not at
 * all when the part merges into a neighbour. Returns the slot that now
 * holds the region that was at @idx (cnt when there was none).
 */
static unsigned long add_part(struct memblock_type *type, unsigned long idx,
			      phys_addr_t base, phys_addr_t end, int nid,
			      enum memblock_flags flags)
{
	struct memblock_region *r = type->regions;
	struct memblock_region part = {
		.base = base, .size = end - base, .flags = flags
	};

	memblock_set_region_node(&part, nid);
	type->total_size += part.size;
	if (idx && regions_mergeable(&r[idx - 1], &part)) {
		r[idx - 1].size += part.size;
		if (idx == type->cnt || !regions_mergeable(&r[idx - 1], &r[idx]))
			return idx;
		/* The part joined both neighbours: they become one. */
		type->total_size += r[idx].size;
		r[idx - 1].size += r[idx].size;
		mb_remove_region(type, idx);
		return idx - 1;
	}
	if (idx < type->cnt && regions_mergeable(&part, &r[idx])) {
		r[idx].base = base;
		r[idx].size += part.size;
		return idx;
	}
	insert_region(type, idx, base, part.size, nid, flags);
	return idx + 1;
}

/*
 * Add [@base, @base + @size) to @type. Only the parts not yet covered become
 * new regions, with @nid and @flags; existing regions keep their own.
 */
int mb_add_range(struct memblock_type *type, phys_addr_t base,
		 phys_addr_t size, int nid, enum memblock_flags flags)
{
	const phys_addr_t end = base + mb_cap_size(base, &size);
	unsigned long idx;

	if (!size)
		return 0;

	/*
	 * Grow the array until every new part would fit, before changing
	 * anything. Growth changes the reserved array, so count again.
	 */
	while (type->cnt + count_gaps(type, base, end) > type->max)
		if (double_array(type, base, size))
			return -ENOMEM;

	for (idx = mb_first_above(type, base); base < end; idx++) {
		if (idx == type->cnt || type->regions[idx].base > base) {
			const phys_addr_t stop = idx < type->cnt ?
				MB_MIN(type->regions[idx].base, end) : end;

			idx = add_part(type, idx, base, stop, nid, flags);
			if (idx == type->cnt)
				break;
		}
		base = MB_MIN(mb_region_end(&type->regions[idx]), end);
	}
	return 0;
}

/*
 * Split the regions of @type at @base and @base + @size so that the range is
 * covered by whole regions only; report them as [*@start_rgn, *@end_rgn).
 * Both are 0 when nothing intersects the range.
 */
int mb_isolate_range(struct memblock_type *type, phys_addr_t base,
		     phys_addr_t size, int *start_rgn, int *end_rgn)
{
	const phys_addr_t end = base + mb_cap_size(base, &size);
	unsigned long idx;

	*start_rgn = *end_rgn = 0;
	if (!size)
		return 0;

	/* Up to two splits: make room before touching anything. */
	while (type->cnt + 2 > type->max)
		if (double_array(type, base, size))
			return -ENOMEM;

	for (idx = mb_first_above(type, base); idx < type->cnt; idx++) {
		struct memblock_region *rgn = &type->regions[idx];
		const phys_addr_t rbase = rgn->base;
		const phys_addr_t rend = mb_region_end(rgn);
		const enum memblock_flags rflags = rgn->flags;
		const int rnid = memblock_get_region_node(rgn);

		/* Every region from mb_first_above() on ends above @base. */
		if (rbase >= end)
			break;

		if (rbase < base || rend > end) {
			/*
			 * Cut off the part below @base, or else the part above
			 * @end, as a new region below the rest. Go on with the
			 * rest after a cut at @base, and look at the lower part
			 * again after a cut at @end. A split leaves total_size
			 * as it is.
			 */
			const phys_addr_t cut = rbase < base ? base : end;

			rgn->base = cut;
			rgn->size -= cut - rbase;
			insert_region(type, idx, rbase, cut - rbase, rnid,
				      rflags);
			if (cut == end)
				idx--;
		} else {
			if (!*end_rgn)
				*start_rgn = (int)idx;
			*end_rgn = (int)idx + 1;
		}
	}
	return 0;
}

/* Delete [@base, @base + @size) from @type, splitting regions at its ends. */
int mb_remove_range(struct memblock_type *type, phys_addr_t base,
		    phys_addr_t size)
{
	int start_rgn, end_rgn;
	int i, ret;

	ret = mb_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;

	for (i = end_rgn - 1; i >= start_rgn; i--)
		mb_remove_region(type, (unsigned long)i);
	return 0;
}

/*
 * Set or clear @flag on the regions inside the range: on reserved regions
 * for the MEMBLOCK_RSRV_* flags, on memory regions for all others.
 */
static int set_or_clear_flag(phys_addr_t base, phys_addr_t size,
			     enum memblock_flags flag, bool set)
{
	struct memblock_type *type =
		flag & (MEMBLOCK_RSRV_NOINIT | MEMBLOCK_RSRV_KERN) ?
		&memblock.reserved : &memblock.memory;
	int start_rgn, end_rgn;
	int i, ret;

	ret = mb_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;

	for (i = start_rgn; i < end_rgn; i++) {
		struct memblock_region *r = &type->regions[i];

		if (set)
			r->flags |= flag;
		else
			r->flags &= ~flag;
	}
	mb_merge_regions(type, (unsigned long)start_rgn,
			 (unsigned long)end_rgn);
	return 0;
}

/*
 * The debug log line of a call on a range: "func: [base-last]", and
 * " nid=N flags=F" after it when @with_node.
 */
static void log_range(const char *func, phys_addr_t base, phys_addr_t size,
		      int nid, enum memblock_flags flags, bool with_node)
{
	const phys_addr_t last = base + size - 1;

	memblock_dbg(with_node ? "%s: [%pa-%pa] nid=%d flags=%#x\n" :
				 "%s: [%pa-%pa]\n",
		     func, &base, &last, nid, flags);
}

/**
 * memblock_add_node - add memory with a node id and flags
 * @base: first address of the range
 * @size: length in bytes; capped so the range ends at PHYS_ADDR_MAX at most
 * @nid: NUMA node of the new memory
 * @flags: &enum memblock_flags for the new memory, e.g. MEMBLOCK_DRIVER_MANAGED
 *	for memory that a driver detected
 *
 * Parts of the range that are already memory keep their node and flags.
 *
 * Return: 0 on success (size 0 included); -EINVAL for a node id that is
 * neither a node, NUMA_NO_NODE nor MAX_NUMNODES (NUMA builds); -ENOMEM when
 * the array cannot grow. On error nothing changed.
 */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags)
{
	log_range(__func__, base, size, nid, flags, true);
	if (!mb_nid_storable(nid))
		return -EINVAL;
	return mb_add_range(&memblock.memory, base, size, nid, flags);
}

/**
 * memblock_add - add memory
 * @base: first address of the range
 * @size: length in bytes; capped so the range ends at PHYS_ADDR_MAX at most
 *
 * The new parts get node MAX_NUMNODES (not yet known) and no flags;
 * touching regions with the same node and flags merge.
 *
 * Return: 0, or -ENOMEM when the array cannot grow (nothing changed then).
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	log_range(__func__, base, size, 0, MEMBLOCK_NONE, false);
	return mb_add_range(&memblock.memory, base, size, MAX_NUMNODES,
			    MEMBLOCK_NONE);
}

/**
 * memblock_remove - remove memory
 * @base: first address of the range
 * @size: length in bytes
 *
 * Regions crossing the ends of the range are split; parts of the range that
 * are not memory are ignored. memblock.reserved is not touched.
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	log_range(__func__, base, size, 0, MEMBLOCK_NONE, false);
	return mb_remove_range(&memblock.memory, base, size);
}

/**
 * memblock_phys_free - release a reserved or allocated range
 * @base: first address of the range
 * @size: length in bytes
 *
 * Removes the range from memblock.reserved (the early-boot behaviour of
 * Linux; the library has no later stage to hand pages to here).
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	log_range(__func__, base, size, 0, MEMBLOCK_NONE, false);
	return mb_remove_range(&memblock.reserved, base, size);
}

/**
 * memblock_free - release a block returned by a memblock_alloc*() call
 * @ptr: its virtual address; NULL does nothing
 * @size: its size
 */
void memblock_free(void *ptr, size_t size)
{
	if (ptr)
		memblock_phys_free(memblock_env_virt_to_phys(ptr), (phys_addr_t)size);
}

/**
 * __memblock_reserve - reserve a range with a node and flags
 * @base: first address of the range; it need not be memory
 * @size: length in bytes; capped so the range ends at PHYS_ADDR_MAX at most
 * @nid: node to record, usually NUMA_NO_NODE
 * @flags: reserved-region flags, e.g. MEMBLOCK_RSRV_KERN
 *
 * Return: 0; -EINVAL for a node id that cannot be stored (NUMA builds);
 * -ENOMEM when the array cannot grow. On error nothing changed.
 */
int __memblock_reserve(phys_addr_t base, phys_addr_t size, int nid,
		       enum memblock_flags flags)
{
	log_range(__func__, base, size, nid, flags, true);
	if (!mb_nid_storable(nid))
		return -EINVAL;
	return mb_add_range(&memblock.reserved, base, size, nid, flags);
}

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
/**
 * memblock_physmem_add - record physical memory regardless of restrictions
 * @base: first address of the range
 * @size: length in bytes
 *
 * physmem describes all installed memory, also what mem= or a driver keeps
 * out of memblock.memory; it is never filtered and survives discard.
 *
 * Return: 0, or -ENOMEM when the array cannot grow.
 */
int memblock_physmem_add(phys_addr_t base, phys_addr_t size)
{
	log_range(__func__, base, size, 0, MEMBLOCK_NONE, false);
	return mb_add_range(&physmem, base, size, MAX_NUMNODES, MEMBLOCK_NONE);
}
#endif

/**
 * memblock_mark_hotplug - mark memory as hot-(un)pluggable
 * @base: first address of the range
 * @size: length in bytes
 *
 * Only memory regions inside the range change; nothing is added.
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_HOTPLUG, true);
}

/**
 * memblock_clear_hotplug - clear MEMBLOCK_HOTPLUG on memory in a range
 * @base: first address of the range
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_HOTPLUG, false);
}

/**
 * memblock_mark_mirror - mark memory as hardware-mirrored
 * @base: first address of the range
 * @size: length in bytes
 *
 * Does nothing unless mirrored_kernelcore is set. Once anything is marked,
 * allocations prefer mirrored memory and fall back to the rest.
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	if (!mirrored_kernelcore)
		return 0;
	mb_has_mirror = true;
	return set_or_clear_flag(base, size, MEMBLOCK_MIRROR, true);
}

/**
 * memblock_mark_nomap - keep memory out of the direct map
 * @base: first address of the range
 * @size: length in bytes
 *
 * NOMAP memory is skipped by free-range search and allocation unless the
 * caller asks for MEMBLOCK_NOMAP, and memblock_is_map_memory() is false.
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_NOMAP, true);
}

/**
 * memblock_clear_nomap - clear MEMBLOCK_NOMAP on memory in a range
 * @base: first address of the range
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_NOMAP, false);
}

/**
 * memblock_reserved_mark_noinit - mark reservations MEMBLOCK_RSRV_NOINIT
 * @base: first address of the range
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_RSRV_NOINIT, true);
}

/**
 * memblock_reserved_mark_kern - mark reservations MEMBLOCK_RSRV_KERN
 * @base: first address of the range
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_reserved_mark_kern(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_RSRV_KERN, true);
}

/**
 * memblock_mark_kho_scratch - mark memory as KHO scratch
 * @base: first address of the range
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_mark_kho_scratch(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_KHO_SCRATCH, true);
}

/**
 * memblock_clear_kho_scratch - clear MEMBLOCK_KHO_SCRATCH in a range
 * @base: first address of the range
 * @size: length in bytes
 *
 * Return: 0, or -ENOMEM when a split needs room that cannot be had.
 */
int memblock_clear_kho_scratch(phys_addr_t base, phys_addr_t size)
{
	return set_or_clear_flag(base, size, MEMBLOCK_KHO_SCRATCH, false);
}

/**
 * memblock_set_node - set the node of the regions in a range
 * @base: first address of the range
 * @size: length in bytes
 * @type: memblock.memory, memblock.reserved or physmem
 * @nid: the node
 *
 * Regions crossing the ends of the range are split first. Without NUMA this
 * does nothing.
 *
 * Return: 0; -EINVAL for a node id that cannot be stored; -ENOMEM when a
 * split needs room that cannot be had.
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid)
{
#ifdef CONFIG_NUMA
	int start_rgn, end_rgn;
	int i, ret;

	if (!mb_nid_storable(nid))
		return -EINVAL;
	ret = mb_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (i = start_rgn; i < end_rgn; i++)
		memblock_set_region_node(&type->regions[i], nid);
	mb_merge_regions(type, (unsigned long)start_rgn,
			 (unsigned long)end_rgn);
#else
	(void)base;
	(void)size;
	(void)type;
	(void)nid;
#endif
	return 0;
}

/**
 * memblock_trim_memory - shrink memory regions to whole units of @align
 * @align: a power of two
 *
 * Each region's start is rounded up and its end down; regions left empty
 * are removed. Unlike Linux, memory.total_size follows the shrinking, and
 * an @align of 0 or not a power of two leaves everything as it is.
 */
void memblock_trim_memory(phys_addr_t align)
{
	struct memblock_type *mem = &memblock.memory;
	unsigned long i = 0;

	if (!mb_is_pow2(align)) {
		memblock_printk("memblock: trim alignment %pa is not a power of two\n",
				&align);
		return;
	}

	while (i < mem->cnt) {
		struct memblock_region *r = &mem->regions[i];
		const phys_addr_t start = MB_ALIGN_UP(r->base, align);
		const phys_addr_t end = MB_ALIGN_DOWN(mb_region_end(r), align);

		if (start < r->base || start >= end) {
			mb_remove_region(mem, i);
			continue;
		}
		mem->total_size -= r->size - (end - start);
		r->base = start;
		r->size = end - start;
		i++;
	}
}
