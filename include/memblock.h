/* SPDX-License-Identifier: MIT */
/*
 * memblock.h - the boot-time physical memory allocator of Linux, as a library.
 *
 * Names, signatures, structure fields and flag values follow Linux's
 * include/linux/memblock.h, so code written for Linux memblock compiles
 * against this header unchanged. Functions are documented where they are
 * defined, under src/. What the embedder supplies is in <memblock/env.h>;
 * the library's own extensions are in <memblock/ext.h>.
 */
#ifndef MEMBLOCK_H
#define MEMBLOCK_H

#include <memblock/env.h>

#ifdef __cplusplus
extern "C" {
#endif

/* --- Constants ----------------------------------------------------------- */

#ifndef MAX_NUMNODES
#define MAX_NUMNODES (1 << CONFIG_NODES_SHIFT)
#endif

#ifndef PHYS_ADDR_MAX
#define PHYS_ADDR_MAX (~(phys_addr_t)0)
#endif

#define INIT_MEMBLOCK_REGIONS CONFIG_MEMBLOCK_INIT_MEMORY_REGIONS
#define INIT_MEMBLOCK_MEMORY_REGIONS CONFIG_MEMBLOCK_INIT_MEMORY_REGIONS
#define INIT_MEMBLOCK_RESERVED_REGIONS CONFIG_MEMBLOCK_INIT_RESERVED_REGIONS
#define INIT_PHYSMEM_REGIONS CONFIG_MEMBLOCK_INIT_PHYSMEM_REGIONS

/* The end value that tells an iterator it is done (Linux: (u64)ULLONG_MAX). */
#define MEMBLOCK_ITER_END (~(u64)0)

/* Allocation limits, as @end or @max_addr arguments. */
#define MEMBLOCK_ALLOC_ANYWHERE (~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ACCESSIBLE 0
#define MEMBLOCK_ALLOC_NOLEAKTRACE 1
#define MEMBLOCK_LOW_LIMIT 0

#ifndef ARCH_LOW_ADDRESS_LIMIT
#define ARCH_LOW_ADDRESS_LIMIT ((phys_addr_t)CONFIG_MEMBLOCK_LOW_LIMIT)
#endif

#ifndef PFN_PHYS
#define PFN_ALIGN(x) (((unsigned long)(x) + (PAGE_SIZE - 1)) & ~(PAGE_SIZE - 1))
#define PFN_UP(x) ((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#endif

/**
 * enum memblock_flags - attributes of a memory or reserved region
 * @MEMBLOCK_NONE: no special request
 * @MEMBLOCK_HOTPLUG: memory the firmware marks hot-(un)pluggable; avoided by
 *	allocations while movable_node is on
 * @MEMBLOCK_MIRROR: hardware-mirrored memory
 * @MEMBLOCK_NOMAP: memory kept out of the kernel's direct map
 * @MEMBLOCK_DRIVER_MANAGED: memory a driver (virtio-mem, dax/kmem) detected
 *	and added, never part of the firmware map; seen by plain iteration but
 *	never searched for free ranges or allocated unless asked for explicitly
 * @MEMBLOCK_RSRV_NOINIT: reservation whose struct pages stay uninitialised
 * @MEMBLOCK_RSRV_KERN: reservation made for the kernel (every allocation)
 * @MEMBLOCK_KHO_SCRATCH: Kexec HandOver scratch memory
 * @MEMBLOCK_RSRV_HUGETLB: reservation holding boot-time huge pages
 *	(memblock_alloc_hugetlb()), counted apart from other kernel use
 */
enum memblock_flags {
	MEMBLOCK_NONE = 0x0,
	MEMBLOCK_HOTPLUG = 0x1,
	MEMBLOCK_MIRROR = 0x2,
	MEMBLOCK_NOMAP = 0x4,
	MEMBLOCK_DRIVER_MANAGED = 0x8,
	MEMBLOCK_RSRV_NOINIT = 0x10,
	MEMBLOCK_RSRV_KERN = 0x20,
	MEMBLOCK_KHO_SCRATCH = 0x40,
	MEMBLOCK_RSRV_HUGETLB = 0x80,
};

/**
 * struct memblock_region - one contiguous range of physical memory
 * @base: first address
 * @size: length in bytes, never 0 in a live entry
 * @flags: &enum memblock_flags bits
 * @nid: NUMA node id (present with CONFIG_NUMA only)
 */
struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
#ifdef CONFIG_NUMA
	int nid;
#endif
};

/**
 * struct memblock_type - a sorted array of disjoint regions
 * @cnt: number of regions in use (0 when empty)
 * @max: capacity of @regions
 * @total_size: sum of the sizes of all regions
 * @regions: the array itself
 * @name: "memory", "reserved" or "physmem"
 */
struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	char *name;
};

/**
 * struct memblock - the allocator's state
 * @bottom_up: allocate upwards from low addresses instead of downwards
 * @current_limit: highest address (exclusive) ordinary allocations may use
 * @memory: usable memory
 * @reserved: memory in use (firmware, kernel image, every allocation)
 */
struct memblock {
	bool bottom_up;
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
extern int memblock_debug;

/*
 * Configuration guard. Every object file that includes this header refers
 * to one symbol per setting that changes a public layout or a macro's
 * meaning, named after that setting's value as this header sees it; the
 * library defines the ones of the configuration it was built with. A
 * program built with another configuration therefore fails to link, and
 * the undefined symbol names the setting that differs (for example
 * memblock_config_phys_addr_t_32bit). Cost: four pointers per object file
 * of the program; the library's own objects (MEMBLOCK_NO_CONFIG_GUARD) carry
 * none.
 */
#define MEMBLOCK_GUARD_CAT_(a, b) a##b
#define MEMBLOCK_GUARD_CAT(a, b) MEMBLOCK_GUARD_CAT_(a, b)
#ifdef CONFIG_PHYS_ADDR_T_64BIT
#define MEMBLOCK_GUARD_PHYS memblock_config_phys_addr_t_64bit
#else
#define MEMBLOCK_GUARD_PHYS memblock_config_phys_addr_t_32bit
#endif
#ifdef CONFIG_NUMA
#define MEMBLOCK_GUARD_NUMA memblock_config_numa_y
#else
#define MEMBLOCK_GUARD_NUMA memblock_config_numa_n
#endif
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
#define MEMBLOCK_GUARD_PHYSMEM memblock_config_physmem_y
#else
#define MEMBLOCK_GUARD_PHYSMEM memblock_config_physmem_n
#endif
#define MEMBLOCK_GUARD_NODES                                                   \
	MEMBLOCK_GUARD_CAT(memblock_config_nodes_shift_, CONFIG_NODES_SHIFT)
extern const char MEMBLOCK_GUARD_PHYS, MEMBLOCK_GUARD_NUMA,
	MEMBLOCK_GUARD_PHYSMEM, MEMBLOCK_GUARD_NODES;
#ifndef MEMBLOCK_NO_CONFIG_GUARD
__attribute__((used)) static const char *const memblock_config_guard[] = {
	&MEMBLOCK_GUARD_PHYS, &MEMBLOCK_GUARD_NUMA, &MEMBLOCK_GUARD_PHYSMEM,
	&MEMBLOCK_GUARD_NODES,
};
#endif

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
extern struct memblock_type physmem;
#endif

/*
 * Page-frame bounds the architecture fills in during boot; memblock defines
 * them (weak: a kernel that defines its own keeps them) and never reads them.
 */
extern unsigned long max_low_pfn;
extern unsigned long min_low_pfn;
extern unsigned long max_pfn;
extern unsigned long long max_possible_pfn;

/* --- Lifecycle -------------------------------------------------------------- */

#ifndef CONFIG_ARCH_KEEP_MEMBLOCK
void memblock_discard(void);
#else
static inline void memblock_discard(void)
{
}
#endif
void memblock_allow_resize(void);
void memblock_free_all(void);
unsigned long free_reserved_area(void *start, void *end, int poison,
				 const char *s);

/* --- Registration --------------------------------------------------------- */

int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags);
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_free(void *ptr, size_t size);
int __memblock_reserve(phys_addr_t base, phys_addr_t size, int nid,
		       enum memblock_flags flags);

/* Reserve [@base, @base + @size) for any user, on no particular node. */
static inline int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return __memblock_reserve(base, size, NUMA_NO_NODE, MEMBLOCK_NONE);
}

/* Reserve [@base, @base + @size) for the kernel itself (MEMBLOCK_RSRV_KERN). */
static inline int memblock_reserve_kern(phys_addr_t base, phys_addr_t size)
{
	return __memblock_reserve(base, size, NUMA_NO_NODE, MEMBLOCK_RSRV_KERN);
}

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
int memblock_physmem_add(phys_addr_t base, phys_addr_t size);
#endif
void memblock_trim_memory(phys_addr_t align);

/* --- Attributes ----------------------------------------------------------- */

int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);
int memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size);
int memblock_reserved_mark_kern(phys_addr_t base, phys_addr_t size);
int memblock_mark_kho_scratch(phys_addr_t base, phys_addr_t size);
int memblock_clear_kho_scratch(phys_addr_t base, phys_addr_t size);
int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid);
bool memblock_validate_numa_coverage(unsigned long threshold_bytes);

#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
void memblock_set_kho_scratch_only(void);
void memblock_clear_kho_scratch_only(void);
void memmap_init_kho_scratch_pages(void);
#else
static inline void memblock_set_kho_scratch_only(void)
{
}
static inline void memblock_clear_kho_scratch_only(void)
{
}
static inline void memmap_init_kho_scratch_pages(void)
{
}
#endif

static inline bool memblock_is_hotpluggable(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_HOTPLUG;
}

static inline bool memblock_is_mirror(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_MIRROR;
}

static inline bool memblock_is_nomap(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_NOMAP;
}

static inline bool memblock_is_reserved_noinit(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_RSRV_NOINIT;
}

static inline bool memblock_is_driver_managed(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_DRIVER_MANAGED;
}

static inline bool memblock_is_kho_scratch(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_KHO_SCRATCH;
}

#ifdef CONFIG_NUMA
static inline void memblock_set_region_node(struct memblock_region *r, int nid)
{
	r->nid = nid;
}

static inline int memblock_get_region_node(const struct memblock_region *r)
{
	return r->nid;
}
#else
static inline void memblock_set_region_node(struct memblock_region *r, int nid)
{
	(void)r;
	(void)nid;
}

static inline int memblock_get_region_node(const struct memblock_region *r)
{
	(void)r;
	return 0;
}
#endif

/*
 * First whole page frame of a memory region. Unlike PFN_UP() this cannot
 * wrap to 0 for a region starting in the last page of the address space.
 */
static inline unsigned long
memblock_region_memory_base_pfn(const struct memblock_region *reg)
{
	return PFN_DOWN(reg->base) + ((reg->base & (PAGE_SIZE - 1)) != 0);
}

/* One past the last whole page frame of a memory region. */
static inline unsigned long
memblock_region_memory_end_pfn(const struct memblock_region *reg)
{
	return PFN_DOWN(reg->base + reg->size);
}

/* First page frame a reserved region touches. */
static inline unsigned long
memblock_region_reserved_base_pfn(const struct memblock_region *reg)
{
	return PFN_DOWN(reg->base);
}

/* One past the last page frame a reserved region touches (no wrap). */
static inline unsigned long
memblock_region_reserved_end_pfn(const struct memblock_region *reg)
{
	const phys_addr_t end = reg->base + reg->size;

	return PFN_DOWN(end) + ((end & (PAGE_SIZE - 1)) != 0);
}

/* --- Iteration ------------------------------------------------------------ */

void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start,
		      phys_addr_t *out_end, int *out_nid);
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b, phys_addr_t *out_start,
			  phys_addr_t *out_end, int *out_nid);
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid);

/*
 * The u64 cursor of a range walk: which region of type_a (upper half) and
 * which gap of type_b (lower half) the next step looks at. Gap k of an
 * array runs from the end of its region k - 1 (or 0) to the base of its
 * region k (or PHYS_ADDR_MAX). Reverse walks keep in the upper half the
 * number of regions still to visit.
 */
#define MB_CURSOR(a, b) ((u64)(a) << 32 | (u64)(uint32_t)(b))
#define MB_CURSOR_A(c) ((unsigned long)((c) >> 32))
#define MB_CURSOR_B(c) ((unsigned long)(uint32_t)(c))

static inline phys_addr_t mb_gap_start(const struct memblock_type *type,
				       unsigned long gap)
{
	if (!gap)
		return 0;
	return type->regions[gap - 1].base + type->regions[gap - 1].size;
}

static inline phys_addr_t mb_gap_end(const struct memblock_type *type,
				     unsigned long gap)
{
	return gap < type->cnt ? type->regions[gap].base : PHYS_ADDR_MAX;
}

/**
 * __next_mem_range_step - __next_mem_range() with its usual step inline
 * @idx: cursor, as for __next_mem_range()
 * @nid: only this node, or NUMA_NO_NODE
 * @flags: what the caller asks for
 * @type_a: array to walk
 * @type_b: array whose ranges are excluded, or NULL
 * @out_start: start of the range found, or NULL
 * @out_end: end (exclusive) of the range found, or NULL
 * @out_nid: node of the range found, or NULL
 *
 * Same outputs and cursor as __next_mem_range(). Most steps of a walk of
 * free memory look at a region without flags, of the right node, that
 * the current gap of @type_b meets at once; no filter can pass over such
 * a region unless the caller requires MIRROR or KHO_SCRATCH. That step is
 * taken here, inline; every other one, the end included, out of line.
 *
 * Return: true while a range was found, false at the end (@idx is then
 * MEMBLOCK_ITER_END). The inline step returns a constant, so the loop
 * does not test the cursor it just wrote.
 */
static inline bool __next_mem_range_step(u64 *idx, int nid,
					 enum memblock_flags flags,
					 struct memblock_type *type_a,
					 struct memblock_type *type_b,
					 phys_addr_t *out_start,
					 phys_addr_t *out_end, int *out_nid)
{
	const unsigned long ia = MB_CURSOR_A(*idx);
	const unsigned long gap = MB_CURSOR_B(*idx);
	const struct memblock_region *m = type_a->regions;

	/* Flags and node first: a region they pass over goes out of line. */
	if (type_b && ia < type_a->cnt && !(m += ia)->flags &&
	    !(flags & (MEMBLOCK_MIRROR | MEMBLOCK_KHO_SCRATCH)) &&
	    (nid < 0 || nid >= MAX_NUMNODES ||
	     nid == memblock_get_region_node(m))) {
		/* The piece the region and the gap share, empty if they miss. */
		const struct memblock_region *rb = type_b->regions;
		phys_addr_t s = m->base, e = m->base + m->size;
		/* Next region, same gap; or, when the gap ends first, next gap. */
		u64 next = MB_CURSOR(1, 0);

		/* mb_gap_start() and mb_gap_end(), reading type_b's array once. */
		if (gap) {
			const phys_addr_t lo = rb[gap - 1].base + rb[gap - 1].size;

			if (lo > s)
				s = lo;
		}
		if (gap < type_b->cnt && rb[gap].base < e) {
			e = rb[gap].base;
			next = 1;
		}
		if (s < e) {
			if (out_start)
				*out_start = s;
			if (out_end)
				*out_end = e;
			if (out_nid)
				*out_nid = memblock_get_region_node(m);
			*idx += next;
			return true;
		}
	}
	__next_mem_range(idx, nid, flags, type_a, type_b, out_start, out_end,
			 out_nid);
	return *idx != MEMBLOCK_ITER_END;
}

/**
 * __for_each_mem_range - walk @type_a, minus @type_b when it is not NULL
 * @i: u64 cursor
 * @type_a: the array walked
 * @type_b: the array whose ranges are cut out, or NULL
 * @nid: only this node, or NUMA_NO_NODE for all
 * @flags: &enum memblock_flags the caller asks for (see should_skip_region)
 * @p_start: phys_addr_t * receiving each start, or NULL
 * @p_end: phys_addr_t * receiving each end (exclusive), or NULL
 * @p_nid: int * receiving each node id, or NULL
 */
#define __for_each_mem_range(i, type_a, type_b, nid, flags, p_start, p_end,   \
			     p_nid)                                            \
	for (i = 0; __next_mem_range_step(&i, nid, flags, type_a, type_b,      \
					  p_start, p_end, p_nid);)

/* __for_each_mem_range() from the highest address down. */
#define __for_each_mem_range_rev(i, type_a, type_b, nid, flags, p_start,      \
				 p_end, p_nid)                                 \
	for (i = MEMBLOCK_ITER_END,                                            \
	    __next_mem_range_rev(&i, nid, flags, type_a, type_b, p_start,      \
				 p_end, p_nid);                                \
	     i != MEMBLOCK_ITER_END;                                           \
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b, p_start,     \
				  p_end, p_nid))

/* Every memory range, hot-pluggable and driver-managed ones included. */
#define for_each_mem_range(i, p_start, p_end)                                  \
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE,          \
			     MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,       \
			     p_start, p_end, NULL)

#define for_each_mem_range_rev(i, p_start, p_end)                              \
	__for_each_mem_range_rev(i, &memblock.memory, NULL, NUMA_NO_NODE,      \
				 MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,   \
				 p_start, p_end, NULL)

/* Every reserved range. */
#define for_each_reserved_mem_range(i, p_start, p_end)                         \
	__for_each_mem_range(i, &memblock.reserved, NULL, NUMA_NO_NODE,        \
			     MEMBLOCK_NONE, p_start, p_end, NULL)

/* Memory that is not reserved, lowest first. */
#define for_each_free_mem_range(i, nid, flags, p_start, p_end, p_nid)          \
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved, nid,     \
			     flags, p_start, p_end, p_nid)

/* Memory that is not reserved, highest first. */
#define for_each_free_mem_range_reverse(i, nid, flags, p_start, p_end, p_nid)  \
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved, nid, \
				 flags, p_start, p_end, p_nid)

/* Memory regions holding at least one whole page, as page frame ranges. */
#define for_each_mem_pfn_range(i, nid, p_start, p_end, p_nid)                  \
	for (i = -1, __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid);     \
	     i >= 0; __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid))

/* Every memory region, as a struct memblock_region pointer. */
#define for_each_mem_region(region)                                            \
	for (region = memblock.memory.regions;                                 \
	     region < (memblock.memory.regions + memblock.memory.cnt); region++)

/* Every reserved region, as a struct memblock_region pointer. */
#define for_each_reserved_mem_region(region)                                   \
	for (region = memblock.reserved.regions;                               \
	     region < (memblock.reserved.regions + memblock.reserved.cnt);     \
	     region++)

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static inline void __next_physmem_range(u64 *idx, struct memblock_type *type,
					phys_addr_t *out_start,
					phys_addr_t *out_end)
{
	__next_mem_range(idx, NUMA_NO_NODE, MEMBLOCK_NONE, &physmem, type,
			 out_start, out_end, NULL);
}

/* Physical memory minus @type (or all of it when @type is NULL). */
#define for_each_physmem_range(i, type, p_start, p_end)                        \
	for (i = 0, __next_physmem_range(&i, type, p_start, p_end);            \
	     i != MEMBLOCK_ITER_END;                                           \
	     __next_physmem_range(&i, type, p_start, p_end))
#endif

/* --- Allocation ------------------------------------------------------------ */

phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
				     phys_addr_t start, phys_addr_t end,
				     int nid, bool exact_nid);
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid);
void *memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
				   phys_addr_t min_addr, phys_addr_t max_addr,
				   int nid);
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid);
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid);
void *__memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align,
				const char *func);
void *memblock_alloc_hugetlb(phys_addr_t size, int nid, bool exact_nid);

/* Physical block below memblock.current_limit; 0 when none fits. */
static inline phys_addr_t memblock_phys_alloc(phys_addr_t size,
					      phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0,
					 MEMBLOCK_ALLOC_ACCESSIBLE);
}

/* Zeroed block below memblock.current_limit; NULL when none fits. */
static inline void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/* memblock_alloc() without zeroing. */
static inline void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid_raw(size, align, MEMBLOCK_LOW_LIMIT,
					  MEMBLOCK_ALLOC_ACCESSIBLE,
					  NUMA_NO_NODE);
}

/* Zeroed block at or above @min_addr if possible, anywhere below the limit otherwise. */
static inline void *memblock_alloc_from(phys_addr_t size, phys_addr_t align,
					phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/* Zeroed block below ARCH_LOW_ADDRESS_LIMIT. */
static inline void *memblock_alloc_low(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      ARCH_LOW_ADDRESS_LIMIT, NUMA_NO_NODE);
}

/* Zeroed block on node @nid if possible, on any node otherwise. */
static inline void *memblock_alloc_node(phys_addr_t size, phys_addr_t align,
					int nid)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, nid);
}

/* memblock_alloc() that panics, naming the caller, when nothing fits. */
#define memblock_alloc_or_panic(size, align)                                   \
	__memblock_alloc_or_panic(size, align, __func__)

/* Choose the direction of later allocations: true is bottom-up. */
static inline void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

/* True when allocations go bottom-up. */
static inline bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

/* --- Named reservations (reserve_mem=size:align:name) ---------------------- */

int reserve_mem_find_by_name(const char *name, phys_addr_t *start,
			     phys_addr_t *size);
int reserve_mem_release_by_name(const char *name);

/* --- Queries --------------------------------------------------------------- */

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_reserved_kern_size(phys_addr_t limit, int nid);
phys_addr_t memblock_reserved_hugetlb_size(phys_addr_t limit, int nid);
unsigned long memblock_estimated_nr_free_pages(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size);
unsigned long memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1,
				     phys_addr_t base2, phys_addr_t size2);
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn,
			    unsigned long *end_pfn);
bool memblock_has_mirror(void);

/* --- Limits and dump ------------------------------------------------------- */

void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);
void memblock_enforce_memory_limit(phys_addr_t memory_limit);
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);
void memblock_mem_limit_remove_map(phys_addr_t limit);
void memblock_dump_all(void);

#ifdef __cplusplus
}
#endif

#endif /* MEMBLOCK_H */
