// SPDX-License-Identifier: MIT
/*
 * test_iter.c - the range walks behind every iterator (src/iter.c):
 * shapes of free ranges, ordering, cursors, NULL outputs, pfn ranges.
 * Flag and node filtering is covered row by row in test_flags.c.
 */
#include "core_helpers.h"

struct range {
	phys_addr_t start, end;
};

#define MAX_RANGES 16

/* Collect a forward or reverse walk into @out; returns the count. */
#define COLLECT(iter_stmt, out, n)                                             \
	do {                                                                   \
		phys_addr_t s_, e_;                                            \
		u64 i_;                                                        \
		(n) = 0;                                                       \
		iter_stmt(i_, &s_, &e_)                                        \
		{                                                              \
			assert_true((n) < MAX_RANGES);                         \
			(out)[(n)++] = (struct range){ s_, e_ };               \
		}                                                              \
	} while (0)

#define FREE_FWD(i, s, e) for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, NULL)
#define FREE_REV(i, s, e) for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, NULL)
#define MEM_FWD(i, s, e) for_each_mem_range(i, s, e)
#define MEM_REV(i, s, e) for_each_mem_range_rev(i, s, e)
#define RSV_FWD(i, s, e) for_each_reserved_mem_range(i, s, e)

#define assert_range(r, s, e)                                                  \
	do {                                                                   \
		assert_int_equal((r).start, (s));                              \
		assert_int_equal((r).end, (e));                                \
	} while (0)

static void for_each_mem_range_sees_hotplug_and_driver_managed_but_not_nomap(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	movable_node_enabled = true;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_add_node(SZ_4M, SZ_1M, 0, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add_node(SZ_8M, SZ_1M, 0, MEMBLOCK_DRIVER_MANAGED), 0);

	COLLECT(MEM_FWD, r, n);

	assert_int_equal(n, 2);
	assert_range(r[0], SZ_1M, SZ_2M);
	assert_range(r[1], SZ_8M, SZ_8M + SZ_1M);
}

static void for_each_mem_range_rev_lists_the_same_ranges_highest_first(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_4M, SZ_1M, 0, MEMBLOCK_DRIVER_MANAGED), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_1M), 0);

	COLLECT(MEM_REV, r, n);

	assert_int_equal(n, 3);
	assert_range(r[0], SZ_8M, SZ_8M + SZ_1M);
	assert_range(r[1], SZ_4M, SZ_4M + SZ_1M);
	assert_range(r[2], SZ_1M, SZ_2M);
}

static void for_each_reserved_mem_range_lists_every_reservation(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	assert_int_equal(__memblock_reserve(SZ_4M, SZ_1M, 0, MEMBLOCK_RSRV_NOINIT), 0);
	assert_int_equal(memblock_reserve_kern(SZ_8M, SZ_1M), 0);

	COLLECT(RSV_FWD, r, n);

	assert_int_equal(n, 3);
	assert_range(r[0], SZ_1M, SZ_2M);
	assert_range(r[1], SZ_4M, SZ_4M + SZ_1M);
	assert_range(r[2], SZ_8M, SZ_8M + SZ_1M);
}

static void free_ranges_are_memory_minus_reservations(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_reserve(0, SZ_2M), 0);	   /* across the base */
	assert_int_equal(memblock_reserve(SZ_4M, SZ_1M), 0);	   /* inside */
	assert_int_equal(memblock_reserve(SZ_8M, SZ_4M), 0);	   /* across the end */
	assert_int_equal(memblock_reserve(SZ_64M, SZ_1M), 0);	   /* outside memory */

	COLLECT(FREE_FWD, r, n);

	assert_int_equal(n, 2);
	assert_range(r[0], SZ_2M, SZ_4M);
	assert_range(r[1], SZ_4M + SZ_1M, SZ_8M);
}

static void free_ranges_reverse_are_the_same_highest_first(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_add(SZ_16M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(SZ_4M, SZ_1M), 0);

	COLLECT(FREE_REV, r, n);

	assert_int_equal(n, 3);
	assert_range(r[0], SZ_16M, SZ_16M + SZ_1M);
	assert_range(r[1], SZ_4M + SZ_1M, SZ_8M + SZ_1M);
	assert_range(r[2], SZ_1M, SZ_4M);
}

static void a_reservation_across_two_memory_regions_cuts_both(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_2M), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_2M), 0);
	assert_int_equal(memblock_reserve(SZ_2M, SZ_2M + SZ_1M), 0);

	COLLECT(FREE_FWD, r, n);

	assert_int_equal(n, 2);
	assert_range(r[0], SZ_1M, SZ_2M);
	assert_range(r[1], SZ_4M + SZ_1M, SZ_4M + SZ_2M);
}

static void free_ranges_are_not_joined_across_regions_with_other_flags(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, MAX_NUMNODES, MEMBLOCK_HOTPLUG), 0);

	COLLECT(FREE_FWD, r, n);

	assert_int_equal(n, 2);
	assert_range(r[0], SZ_1M, SZ_2M);
	assert_range(r[1], SZ_2M, SZ_2M + SZ_1M);
}

static void fully_reserved_memory_has_no_free_range(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(0, SZ_4M), 0);

	COLLECT(FREE_FWD, r, n);
	assert_int_equal(n, 0);
	COLLECT(FREE_REV, r, n);
	assert_int_equal(n, 0);
	(void)r;
}

static void walks_over_empty_arrays_yield_nothing(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n, total = 0;

	(void)state;
	COLLECT(MEM_FWD, r, n);
	total += n;
	COLLECT(MEM_REV, r, n);
	total += n;
	COLLECT(RSV_FWD, r, n);
	total += n;
	COLLECT(FREE_FWD, r, n);
	total += n;
	COLLECT(FREE_REV, r, n);
	total += n;

	assert_int_equal(total, 0);
	(void)r;
}

static void free_walk_without_reservations_yields_whole_regions(void **state)
{
	struct range r[MAX_RANGES];
	unsigned int n;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_1M), 0);

	COLLECT(FREE_REV, r, n);

	assert_int_equal(n, 2);
	assert_range(r[0], SZ_4M, SZ_4M + SZ_1M);
	assert_range(r[1], SZ_1M, SZ_2M);
}

static void walks_accept_null_outputs_and_end_on_the_end_cursor(void **state)
{
	unsigned int fwd = 0, rev = 0;
	u64 i;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_reserve(SZ_4M, SZ_1M), 0);

	__for_each_mem_range(i, MEM, RSV, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		fwd++;
	assert_true(i == MEMBLOCK_ITER_END);
	__for_each_mem_range_rev(i, MEM, RSV, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		rev++;
	assert_true(i == MEMBLOCK_ITER_END);

	assert_int_equal(fwd, 2);
	assert_int_equal(rev, 2);
}

static void region_walks_list_every_region_unfiltered(void **state)
{
	struct memblock_region *r;
	unsigned int nm = 0, nr = 0;

	(void)state;
	movable_node_enabled = true;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add_node(SZ_4M, SZ_1M, 0, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);

	for_each_mem_region(r)
		assert_ptr_equal(r, &memblock.memory.regions[nm++]);
	for_each_reserved_mem_region(r)
		assert_ptr_equal(r, &memblock.reserved.regions[nr++]);

	assert_int_equal(nm, 2);
	assert_int_equal(nr, 1);
}

/*
 * Reservations whose edges fall exactly on memory edges, and touching
 * reservations that cannot merge (zero-length gaps, spec 8.2):
 *
 *   memory    M1 [0x10000,0x20000)  M2 [0x30000,0x40000)
 *             M3 [0x50000,0x60000)  M4 [0x60000,0x70000) HOTPLUG (touches M3)
 *   reserved  A [0x08000,0x10000)      ends at M1's base
 *             B [0x10000,0x11000) KERN touches A: empty gap at M1's base
 *             C [0x20000,0x28000)      begins at M1's end
 *             D [0x34000,0x35000)
 *             E [0x35000,0x36000) KERN touches D: empty gap inside M2
 *             F [0x3f000,0x40000)      ends at M2's end
 *             G [0x40000,0x50000) KERN touches F: empty gap at M2's end;
 *                                      ends at M3's base
 *             H [0x5f000,0x60000)      ends at M3's end = M4's base
 *             J [0x6c000,0x74000)      across M4's end
 */
static void edge_map_setup(void)
{
	assert_int_equal(memblock_add(0x10000, 0x10000), 0);
	assert_int_equal(memblock_add(0x30000, 0x10000), 0);
	assert_int_equal(memblock_add(0x50000, 0x10000), 0);
	assert_int_equal(memblock_add_node(0x60000, 0x10000, MAX_NUMNODES, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_reserve(0x8000, 0x8000), 0);
	assert_int_equal(memblock_reserve_kern(0x10000, 0x1000), 0);
	assert_int_equal(memblock_reserve(0x20000, 0x8000), 0);
	assert_int_equal(memblock_reserve(0x34000, 0x1000), 0);
	assert_int_equal(memblock_reserve_kern(0x35000, 0x1000), 0);
	assert_int_equal(memblock_reserve(0x3f000, 0x1000), 0);
	assert_int_equal(memblock_reserve_kern(0x40000, 0x10000), 0);
	assert_int_equal(memblock_reserve(0x5f000, 0x1000), 0);
	assert_int_equal(memblock_reserve(0x6c000, 0x8000), 0);
	assert_int_equal(memblock.memory.cnt, 4);
	assert_int_equal(memblock.reserved.cnt, 9);
}

/* @rev is @fwd backwards, range for range, empty ranges included. */
static void assert_mirror(const struct range *fwd, unsigned int nf,
			  const struct range *rev, unsigned int nr)
{
	assert_int_equal(nr, nf);
	for (unsigned int k = 0; k < nf; k++)
		assert_range(rev[k], fwd[nf - 1 - k].start, fwd[nf - 1 - k].end);
}

#define MEM_RSV_FWD(i, s, e) __for_each_mem_range(i, MEM, RSV, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, NULL)
#define MEM_RSV_REV(i, s, e) __for_each_mem_range_rev(i, MEM, RSV, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, NULL)
#define RSV_MEM_FWD(i, s, e) __for_each_mem_range(i, RSV, MEM, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, NULL)
#define RSV_MEM_REV(i, s, e) __for_each_mem_range_rev(i, RSV, MEM, NUMA_NO_NODE, MEMBLOCK_NONE, s, e, NULL)

/* Free walk over edges that coincide: exact pieces, reverse the mirror. */
static void free_walk_at_exact_edges_is_exact_and_reverse_is_its_mirror(void **state)
{
	struct range f[MAX_RANGES], r[MAX_RANGES];
	unsigned int nf, nr;

	(void)state;
	edge_map_setup();

	COLLECT(FREE_FWD, f, nf);

	assert_int_equal(nf, 6);
	assert_range(f[0], 0x11000, 0x20000);
	assert_range(f[1], 0x30000, 0x34000);
	assert_range(f[2], 0x35000, 0x35000);	/* between D and E */
	assert_range(f[3], 0x36000, 0x3f000);
	assert_range(f[4], 0x50000, 0x5f000);
	assert_range(f[5], 0x60000, 0x6c000);

	COLLECT(FREE_REV, r, nr);
	assert_mirror(f, nf, r, nr);

	/* The general walks with the same arrays give the same pieces. */
	COLLECT(MEM_RSV_FWD, r, nr);
	assert_int_equal(nr, nf);
	for (unsigned int k = 0; k < nf; k++)
		assert_range(r[k], f[k].start, f[k].end);
	COLLECT(MEM_RSV_REV, r, nr);
	assert_mirror(f, nf, r, nr);
}

/* The same edges walked the other way round: reserved minus memory. */
static void reserved_minus_memory_at_exact_edges_reverse_is_the_mirror(void **state)
{
	struct range f[MAX_RANGES], r[MAX_RANGES];
	unsigned int nf, nr;

	(void)state;
	edge_map_setup();

	COLLECT(RSV_MEM_FWD, f, nf);

	assert_int_equal(nf, 4);
	assert_range(f[0], 0x8000, 0x10000);
	assert_range(f[1], 0x20000, 0x28000);
	assert_range(f[2], 0x40000, 0x50000);
	assert_range(f[3], 0x70000, 0x74000);

	COLLECT(RSV_MEM_REV, r, nr);
	assert_mirror(f, nf, r, nr);
}

/* The spec's own example (8.2): touching, unmerged reservations. */
static void free_walk_yields_the_empty_range_between_unmerged_reservations(void **state)
{
	struct range f[MAX_RANGES], r[MAX_RANGES];
	unsigned int nf, nr;

	(void)state;
	assert_int_equal(memblock_add(0x1000, 0x8000), 0);
	assert_int_equal(memblock_reserve(0x2000, 0x1000), 0);
	assert_int_equal(memblock_reserve_kern(0x3000, 0x1000), 0);

	COLLECT(FREE_FWD, f, nf);

	assert_int_equal(nf, 3);
	assert_range(f[0], 0x1000, 0x2000);
	assert_range(f[1], 0x3000, 0x3000);
	assert_range(f[2], 0x4000, 0x9000);

	COLLECT(FREE_REV, r, nr);
	assert_mirror(f, nf, r, nr);
}

static void pfn_ranges_cover_whole_pages_and_skip_sub_page_regions(void **state)
{
	unsigned long start[4], end[4], s, e;
	int nid, i, n = 0;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M + 100, PAGE_SIZE), 0);	  /* no whole page */
	assert_int_equal(memblock_add_node(SZ_2M + 100, 3 * PAGE_SIZE, 0, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add(SZ_4M, PAGE_SIZE), 0);

	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, &nid) {
		assert_true(n < 4);
		start[n] = s;
		end[n++] = e;
	}

	assert_int_equal(n, 2);
	assert_int_equal(start[0], PFN_UP(SZ_2M + 100));
	assert_int_equal(end[0], PFN_DOWN(SZ_2M + 100 + 3 * PAGE_SIZE));
	assert_int_equal(start[1], PFN_DOWN(SZ_4M));
	assert_int_equal(end[1], PFN_DOWN(SZ_4M) + 1);
	assert_true(i < 0);
}

/*
 * At the top of the address space: a region in the last page holds no
 * whole page and is skipped; one ending at the last page's base is listed.
 */
static void pfn_ranges_at_the_top_skip_the_last_page_and_never_wrap(void **state)
{
	const unsigned long top_pfn = PFN_DOWN(PHYS_ADDR_MAX);	/* the last page */
	unsigned long start[4], end[4], s, e;
	int nid, i, n = 0;

	(void)state;
	/* Ends at the base of the last page: its two pages are whole. */
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - 0x2fff, 2 * PAGE_SIZE), 0);
	/* Base inside the last page, up to PHYS_ADDR_MAX: no whole page. */
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - 0xffe, 0xffe), 0);
	assert_int_equal(memblock.memory.cnt, 2);

	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, &nid) {
		assert_true(n < 4);
		start[n] = s;
		end[n++] = e;
	}

	assert_int_equal(n, 1);
	assert_int_equal(start[0], top_pfn - 2);
	assert_int_equal(end[0], top_pfn);
	assert_true(i < 0);
}

#ifdef CONFIG_NUMA
static void pfn_ranges_with_a_node_list_only_that_node(void **state)
{
	unsigned long s = 0, e = 0;
	int nid = -5, i, n = 0;

	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0, 0), 0);
	assert_int_equal(memblock_add_node(SZ_4M, SZ_1M, 2, 0), 0);

	for_each_mem_pfn_range(i, 2, &s, &e, &nid)
		n++;

	assert_int_equal(n, 1);
	assert_int_equal(s, PFN_DOWN(SZ_4M));
	assert_int_equal(e, PFN_DOWN(SZ_4M + SZ_1M));
	assert_int_equal(nid, 2);
}
#endif

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static void physmem_ranges_exclude_the_given_array(void **state)
{
	phys_addr_t s, e;
	struct range r[MAX_RANGES];
	unsigned int n = 0;
	u64 i;

	(void)state;
	assert_int_equal(memblock_physmem_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_add(SZ_1M, SZ_2M), 0);

	for_each_physmem_range(i, MEM, &s, &e)
		r[n++] = (struct range){ s, e };

	assert_int_equal(n, 1);
	assert_range(r[0], SZ_2M + SZ_1M, SZ_8M + SZ_1M);

	n = 0;
	for_each_physmem_range(i, NULL, &s, &e)
		r[n++] = (struct range){ s, e };
	assert_int_equal(n, 1);
	assert_range(r[0], SZ_1M, SZ_8M + SZ_1M);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(for_each_mem_range_sees_hotplug_and_driver_managed_but_not_nomap),
		MB_TEST(for_each_mem_range_rev_lists_the_same_ranges_highest_first),
		MB_TEST(for_each_reserved_mem_range_lists_every_reservation),
		MB_TEST(free_ranges_are_memory_minus_reservations),
		MB_TEST(free_ranges_reverse_are_the_same_highest_first),
		MB_TEST(a_reservation_across_two_memory_regions_cuts_both),
		MB_TEST(free_ranges_are_not_joined_across_regions_with_other_flags),
		MB_TEST(fully_reserved_memory_has_no_free_range),
		MB_TEST(walks_over_empty_arrays_yield_nothing),
		MB_TEST(free_walk_without_reservations_yields_whole_regions),
		MB_TEST(walks_accept_null_outputs_and_end_on_the_end_cursor),
		MB_TEST(region_walks_list_every_region_unfiltered),
		MB_TEST(free_walk_at_exact_edges_is_exact_and_reverse_is_its_mirror),
		MB_TEST(reserved_minus_memory_at_exact_edges_reverse_is_the_mirror),
		MB_TEST(free_walk_yields_the_empty_range_between_unmerged_reservations),
		MB_TEST(pfn_ranges_cover_whole_pages_and_skip_sub_page_regions),
		MB_TEST(pfn_ranges_at_the_top_skip_the_last_page_and_never_wrap),
#ifdef CONFIG_NUMA
		MB_TEST(pfn_ranges_with_a_node_list_only_that_node),
#endif
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		MB_TEST(physmem_ranges_exclude_the_given_array),
#endif
	};

	return MB_RUN("core/iter", tests);
}
