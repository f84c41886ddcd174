/* SPDX-License-Identifier: MIT */
/*
 * internal.h - what the core's source files share. Never installed.
 *
 * The core is built around three pieces:
 *   - the region engine (regions.c): one path for insertions and range
 *     edits: fill the holes or cut the edges of the range, then change,
 *     delete and join the run in one pass, moving the array's tail as
 *     little as it can;
 *   - room making (regions.c): growing arrays inside a transaction that is
 *     either committed whole or rolled back to the state before it;
 *   - one free-space search (alloc.c) that allocation in both directions,
 *     array growth and next-stage placement share.
 */
#ifndef MEMBLOCK_INTERNAL_H
#define MEMBLOCK_INTERNAL_H

/* The library defines the configuration guard; its objects need no reference. */
#define MEMBLOCK_NO_CONFIG_GUARD
#include <memblock.h>
#include <memblock/ext.h>

/* Keep a helper out of line where measured to save code at -Os. */
#define MB_NOINLINE __attribute__((noinline))
/* Inline a helper into its only caller even at -Os, where measured. */
#define MB_INLINE inline __attribute__((always_inline))

/*
 * For code written once for both directions of a walk or a search, with
 * the direction as a constant argument: one shared copy when optimising
 * for size, one specialised copy per direction otherwise.
 */
#ifdef __OPTIMIZE_SIZE__
#define MB_PER_DIRECTION MB_NOINLINE
#else
#define MB_PER_DIRECTION MB_INLINE
#endif

/*
 * For a helper with several callers on a hot path: one shared copy when
 * optimising for size, inlined into each caller otherwise.
 */
#ifdef __OPTIMIZE_SIZE__
#define MB_SHARED MB_NOINLINE
#else
#define MB_SHARED inline
#endif

#define MB_MIN(a, b) ((a) < (b) ? (a) : (b))
#define MB_MAX(a, b) ((a) > (b) ? (a) : (b))

/* Mask rounding; @a is a power of two. round_up may wrap to 0. */
#define MB_ALIGN_DOWN(x, a) ((x) & ~((phys_addr_t)(a) - 1))
#define MB_ALIGN_UP(x, a) MB_ALIGN_DOWN((x) + ((phys_addr_t)(a) - 1), (a))
#define MB_PAGE_ALIGN(x) MB_ALIGN_UP((phys_addr_t)(x), PAGE_SIZE)

static inline bool mb_is_pow2(phys_addr_t x)
{
	return x && !(x & (x - 1));
}

static inline bool numa_valid_node(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES;
}

/*
 * Node ids a region may carry: a node, NUMA_NO_NODE, or MAX_NUMNODES
 * (memblock_add()'s "not known yet"). Without NUMA no id is stored.
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

/* Shrink @size so that [@base, @base + @size) stays below PHYS_ADDR_MAX. */
static inline phys_addr_t mb_clip(phys_addr_t base, phys_addr_t size)
{
	return size > PHYS_ADDR_MAX - base ? PHYS_ADDR_MAX - base : size;
}

static inline phys_addr_t mb_region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/*
 * Page frames that cannot wrap: the first frame starting at or above @addr,
 * and the frame holding @addr. A range holds whole pages exactly when
 * mb_pfn_ceil(start) < mb_pfn_floor(end).
 */
static inline unsigned long mb_pfn_ceil(phys_addr_t addr)
{
#ifdef MEMBLOCK_TEST_LINUX_PFN_WRAP
	/*
	 * Test builds only (tests/oracle/run.sh): Linux's PFN_UP() wraps in
	 * the last page; this replays it to compare all else with Linux.
	 */
	return PFN_UP(addr);
#else
	return (unsigned long)(addr >> PAGE_SHIFT) +
	       ((addr & (PAGE_SIZE - 1)) != 0);
#endif
}

static inline unsigned long mb_pfn_floor(phys_addr_t addr)
{
	return (unsigned long)(addr >> PAGE_SHIFT);
}

/* --- State (memblock.c) ------------------------------------------------- */

/**
 * struct mb_flags_state - what memblock remembers beyond its arrays
 * @resize_ok: memblock_allow_resize() was called
 * @mirror_seen: some memory was marked MEMBLOCK_MIRROR
 * @kho_only: allocations must come from KHO scratch memory
 * @discarded: memblock_discard() ran; walks no longer filter memory
 * @named_areas: named reservations made (reserve_mem.c); kept here so
 *	that memblock_reset() forgets them with the rest
 */
struct mb_flags_state {
	bool resize_ok;
	bool mirror_seen;
	bool kho_only;
	bool discarded;
	unsigned int named_areas;
};
extern struct mb_flags_state mb_state;

/*
 * Whether @regions is the static storage an array starts with (else it
 * came from memblock, when the array grew).
 */
bool mb_is_boot_array(const struct memblock_region *regions);

/* Bytes of a grown array of @max regions: whole pages. */
static inline phys_addr_t mb_array_bytes(unsigned long max)
{
	return MB_PAGE_ALIGN((phys_addr_t)max * sizeof(struct memblock_region));
}

/* --- The region engine (regions.c) -------------------------------------- */

/* What a range edit does to the regions it covers. */
enum mb_edit_op {
	MB_EDIT_DROP,		/* delete them */
	MB_EDIT_SET_FLAGS,	/* OR @arg into their flags */
	MB_EDIT_CLEAR_FLAGS,	/* clear @arg from their flags */
	MB_EDIT_SET_NID,	/* give them node @arg */
};

int mb_insert(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
	      int nid, enum memblock_flags flags);
int mb_edit(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
	    enum mb_edit_op op, int arg);
void mb_set_empty(struct memblock_type *type);
void mb_shrink_memory(phys_addr_t lo, phys_addr_t hi, phys_addr_t align,
		      enum memblock_flags spare);
int mb_make_room(struct memblock_type *a, unsigned long a_slots,
		 struct memblock_type *b, unsigned long b_slots);

/* The highest power of two at or below @n, which is not 0. */
static inline unsigned long mb_pow2_floor(unsigned long n)
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

/*
 * The last region of @type starting at or below @addr, or region 0 when
 * none does (callers check). @type must not be empty. A branch-free
 * binary search over a window whose size is a power of two: the first
 * probe makes it one, each later probe halves it with one comparison.
 * Inlined into the two lookups built on it (regions.c, query.c).
 */
static MB_INLINE struct memblock_region *
mb_last_starting_at_or_below(const struct memblock_type *type, phys_addr_t addr)
{
	struct memblock_region *w = type->regions;
	unsigned long step = mb_pow2_floor(type->cnt);

	if (w[type->cnt - step].base <= addr)
		w += type->cnt - step;
	while (step >>= 1)
		w = w[step].base <= addr ? w + step : w;
	return w;
}

/* Index of the first region of @type that ends above @addr (or cnt). */
unsigned long mb_first_ending_above(const struct memblock_type *type,
				    phys_addr_t addr);

/* --- Queries (query.c) --------------------------------------------------- */

/*
 * The bytes below @limit of every reservation of node @nid (an invalid
 * id means all) that carries @flag. Inlined: its two users (query.c,
 * hugetlb.c) are different archive members.
 */
static MB_INLINE phys_addr_t mb_reserved_size_with(enum memblock_flags flag,
						   phys_addr_t limit, int nid)
{
	const struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t sum = 0;
	unsigned long i;

	for (i = 0; i < rsv->cnt && rsv->regions[i].base < limit; i++) {
		const struct memblock_region *r = &rsv->regions[i];

		if (!(r->flags & flag) ||
		    (numa_valid_node(nid) && nid != memblock_get_region_node(r)))
			continue;
		sum += MB_MIN(mb_region_end(r), limit) - r->base;
	}
	return sum;
}

#ifdef CONFIG_MEMBLOCK_LOOKUP_INDEX
/*
 * Index of the memory region the inline lookup tries first: where the
 * previous lookup ended, or MB_NO_HINT while lookups come at random
 * (lookup.c).
 */
extern unsigned long mb_lookup_last;
#define MB_NO_HINT (~0UL)
struct memblock_region *mb_memory_lookup(phys_addr_t addr);

/*
 * The memory region holding @addr, or NULL. Inline: an address in the
 * region of the previous lookup, in the gap after it or in the region
 * after that (a walk in address order) is answered here, proven by the
 * array itself: a region contains it, or it lies between one region's
 * end and the next one's base. Anything else goes to lookup.c.
 */
static MB_INLINE struct memblock_region *mb_memory_region_at(phys_addr_t addr)
{
	const struct memblock_type *mem = &memblock.memory;
	const unsigned long i = mb_lookup_last;
	struct memblock_region *p;

	if (i < mem->cnt) {
		p = &mem->regions[i];
		if (addr - p->base < p->size)
			return p;
		if (addr >= p->base) {
			if (i + 1 == mem->cnt || addr < p[1].base)
				return NULL;
			if (addr - p[1].base < p[1].size) {
				mb_lookup_last = i + 1;
				return p + 1;
			}
		}
	}
	return mb_memory_lookup(addr);
}
#endif

/* --- Walks (iter.c) ----------------------------------------------------- */

bool should_skip_region(struct memblock_type *type, struct memblock_region *m,
			int nid, int flags);
void mb_walk(u64 *idx, int nid, int flags, struct memblock_type *a,
	     struct memblock_type *b, phys_addr_t *out_start,
	     phys_addr_t *out_end, int *out_nid, bool down);

/* --- The search (alloc.c) ----------------------------------------------- */

/**
 * struct mb_search - one free-space search
 * @lo: lowest address the block may start at
 * @hi: the block must end at or below this
 * @size: bytes wanted
 * @align: power of two
 * @nid: node filter (an invalid id means any node)
 * @flags: what the caller asks for, as for should_skip_region()
 * @top_down: the highest fit rather than the lowest
 */
struct mb_search {
	phys_addr_t lo, hi, size, align;
	int nid;
	enum memblock_flags flags;
	bool top_down;
};

bool mb_search_free(const struct mb_search *req, phys_addr_t *found);

#ifdef CONFIG_MEMBLOCK_SEARCH_CACHE
/* What the search cache remembers of an array (alloc.c). */
struct mb_header {
	const struct memblock_region *regions;
	unsigned long cnt;
	phys_addr_t total_size;
};
void mb_search_forget(void);
#else
static inline void mb_search_forget(void)
{
}
#endif

/*
 * The window of a search made for memblock itself (allocation, growth):
 * an upper bound of 0 or 1 means memblock.current_limit, and the first
 * page is never handed out, so that 0 can mean failure.
 */
static inline void mb_search_window(struct mb_search *q, phys_addr_t lo,
				    phys_addr_t hi)
{
	if (hi <= MEMBLOCK_ALLOC_NOLEAKTRACE)
		hi = memblock.current_limit;
	q->lo = MB_MAX(lo, (phys_addr_t)PAGE_SIZE);
	q->hi = MB_MAX(q->lo, hi);
}
enum memblock_flags mb_alloc_preference(void);

/* What mb_find_block() does besides searching. */
#define MB_FIND_EXACT_NID 1u	/* never fall back to another node */
#define MB_FIND_RESERVE 2u	/* reserve the block for the kernel */

bool mb_find_block(phys_addr_t size, phys_addr_t align, phys_addr_t lo,
		   phys_addr_t hi, int nid, unsigned int how,
		   phys_addr_t *found);

/* --- Output (print.c) --------------------------------------------------- */

_Noreturn void mb_panic(const char *fmt, ...);

/*
 * The operation trace (CONFIG_MEMBLOCK_TRACE): a line per call while
 * memblock_debug is set. Without the option nothing is compiled in, but
 * the arguments are still seen, so trace-only variables stay "used".
 */
#ifdef CONFIG_MEMBLOCK_TRACE
#define mb_trace(...)                                                          \
	do {                                                                   \
		if (memblock_debug)                                            \
			memblock_printk(__VA_ARGS__);                          \
	} while (0)
#else
#define mb_trace(...)                                                          \
	do {                                                                   \
		if (0)                                                         \
			memblock_printk(__VA_ARGS__);                          \
	} while (0)
#endif

#endif /* MEMBLOCK_INTERNAL_H */
