/* SPDX-License-Identifier: MIT */
/*
 * internal.h - helpers shared by the core's source files. Never installed.
 */
#ifndef MEMBLOCK_INTERNAL_H
#define MEMBLOCK_INTERNAL_H

#include <memblock.h>
#include <memblock/ext.h>

/*
 * For a small helper called from a few places: at -Os the compiler still
 * copies such helpers into each caller, although one shared copy is
 * smaller. Only where measured to save code.
 */
#define MB_NOINLINE __attribute__((noinline))

#define MB_MIN(a, b) ((a) < (b) ? (a) : (b))
#define MB_MAX(a, b) ((a) > (b) ? (a) : (b))
#define MB_CLAMP(v, lo, hi) MB_MIN(MB_MAX((v), (lo)), (hi))

/* Alignment helpers; @a must be a power of two. */
#define MB_ALIGN_DOWN(x, a) ((x) & ~((phys_addr_t)(a) - 1))
#define MB_ALIGN_UP(x, a) MB_ALIGN_DOWN((x) + ((phys_addr_t)(a) - 1), (a))
#define MB_PAGE_ALIGN(x) MB_ALIGN_UP((phys_addr_t)(x), PAGE_SIZE)

static inline bool mb_is_pow2(phys_addr_t x)
{
	return x && !(x & (x - 1));
}

/* The highest power of two at or below @n, which must not be 0. */
static inline unsigned long mb_bit_floor(unsigned long n)
{
#if defined(__riscv) && !defined(__riscv_zbb)
	/* No count-leading-zeros instruction: clear low bits instead. */
	while (n & (n - 1))
		n &= n - 1;
	return n;
#else
	return 1UL << (sizeof(n) * 8 - 1 - (unsigned int)__builtin_clzl(n));
#endif
}

static inline bool numa_valid_node(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES;
}

/*
 * Node ids a caller may store in a region: a real node, NUMA_NO_NODE, or
 * MAX_NUMNODES (what memblock_add() records for "not known yet").
 */
static inline bool mb_nid_storable(int nid)
{
#ifdef CONFIG_NUMA
	return nid >= NUMA_NO_NODE && nid <= MAX_NUMNODES;
#else
	(void)nid;
	return true;
#endif
}

/*
 * Shrink *@size so that @base + *@size does not wrap; the last byte of the
 * address space can therefore never be part of a region. Returns the size.
 */
static inline phys_addr_t mb_cap_size(phys_addr_t base, phys_addr_t *size)
{
	if (*size > PHYS_ADDR_MAX - base)
		*size = PHYS_ADDR_MAX - base;
	return *size;
}

static inline phys_addr_t mb_region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Global switches of the core (memblock.c). */
extern struct memblock_type *mb_memory_type; /* NULL after discard */
extern bool mb_can_resize;
extern bool mb_has_mirror;
extern bool mb_kho_scratch_only;

/* The array engine (regions.c). */
int mb_add_range(struct memblock_type *type, phys_addr_t base,
		 phys_addr_t size, int nid, enum memblock_flags flags);
int mb_remove_range(struct memblock_type *type, phys_addr_t base,
		    phys_addr_t size);
int mb_isolate_range(struct memblock_type *type, phys_addr_t base,
		     phys_addr_t size, int *start_rgn, int *end_rgn);
void mb_remove_region(struct memblock_type *type, unsigned long r);
void mb_merge_regions(struct memblock_type *type, unsigned long start_rgn,
		      unsigned long end_rgn);
bool mb_is_static_array(const struct memblock_type *type);

/* The u64 cursor of the walks (iter.c): index into type_a, gap of type_b. */
static inline u64 mb_cursor(unsigned long idx_a, unsigned long idx_b)
{
	return (u64)(uint32_t)idx_a | (u64)idx_b << 32;
}

/* Walks (iter.c): whether a walk of @type passes over @m. */
bool mb_should_skip_region(struct memblock_type *type,
			   struct memblock_region *m, int nid, int flags);

/* Search (alloc.c). */
bool mb_find_free_block(phys_addr_t start, phys_addr_t end, phys_addr_t size,
			phys_addr_t align, int nid, enum memblock_flags flags,
			bool top_down, phys_addr_t *found);
phys_addr_t mb_find_in_range(phys_addr_t start, phys_addr_t end,
			     phys_addr_t size, phys_addr_t align);

/* Lookups in a sorted array (query.c). */
unsigned long mb_count_at_or_below(const struct memblock_type *type,
				   phys_addr_t addr);
unsigned long mb_first_above(const struct memblock_type *type,
			     phys_addr_t addr);

/* Logging (print.c). */
void mb_snprintf(char *buf, size_t len, const char *fmt, ...);

/*
 * The operation trace (CONFIG_MEMBLOCK_TRACE): a line per call while
 * memblock_debug is set. Without the option the call compiles to nothing:
 * the arguments are never evaluated, but the compiler still sees them, so
 * variables used only for the trace cause no unused-variable warnings.
 */
#ifdef CONFIG_MEMBLOCK_TRACE
#define memblock_dbg(...)                                                      \
	do {                                                                   \
		if (memblock_debug)                                            \
			memblock_printk(__VA_ARGS__);                          \
	} while (0)
#else
#define memblock_dbg(...)                                                      \
	do {                                                                   \
		if (0)                                                         \
			memblock_printk(__VA_ARGS__);                          \
	} while (0)
#endif

#endif /* MEMBLOCK_INTERNAL_H */
