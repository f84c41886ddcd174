// SPDX-License-Identifier: MIT
/*
 * test_query.c - questions about the map (src/query.c): membership,
 * intersection, sizes, bounds, pfn lookup, mirror and NUMA coverage.
 */
#include <limits.h>
#include <string.h>

#include "core_helpers.h"

static void is_memory_is_true_inside_and_false_at_the_exclusive_end(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);

	assert_false(memblock_is_memory(SZ_1M - 1));
	assert_true(memblock_is_memory(SZ_1M));
	assert_true(memblock_is_memory(SZ_2M - 1));
	assert_false(memblock_is_memory(SZ_2M));
}

static void is_memory_finds_any_of_many_regions(void **state)
{
	phys_addr_t a;

	(void)state;
	for (a = SZ_1M; a < SZ_1M + 40 * SZ_64K; a += SZ_64K)
		assert_int_equal(memblock_add(a, SZ_32K), 0);

	for (a = SZ_1M; a < SZ_1M + 40 * SZ_64K; a += SZ_64K) {
		assert_true(memblock_is_memory(a + SZ_32K - 1));
		assert_false(memblock_is_memory(a + SZ_32K));
	}
}

static void is_memory_on_empty_memory_is_false_even_at_zero(void **state)
{
	(void)state;
	assert_false(memblock_is_memory(0));
	assert_false(memblock_is_map_memory(0));
	assert_false(memblock_is_region_memory(0, 0));
}

static void is_map_memory_is_false_for_nomap_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, 0, MEMBLOCK_NOMAP), 0);

	assert_true(memblock_is_memory(SZ_2M));
	assert_false(memblock_is_map_memory(SZ_2M));
	assert_true(memblock_is_map_memory(SZ_1M));
	assert_false(memblock_is_map_memory(SZ_4M));
}

static void is_region_memory_needs_the_range_inside_one_region(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, 0, MEMBLOCK_HOTPLUG), 0);

	assert_true(memblock_is_region_memory(SZ_1M, SZ_1M));
	assert_true(memblock_is_region_memory(SZ_1M + SZ_4K, SZ_4K));
	assert_false(memblock_is_region_memory(SZ_1M + SZ_4K, SZ_1M));	 /* two regions */
	assert_false(memblock_is_region_memory(SZ_1M - SZ_4K, SZ_8K));	 /* starts outside */
	assert_false(memblock_is_region_memory(SZ_2M + SZ_4K, SZ_1M));	 /* runs off the end */
}

static void is_region_memory_of_size_zero_asks_whether_base_is_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);

	assert_true(memblock_is_region_memory(SZ_1M, 0));
	assert_false(memblock_is_region_memory(SZ_2M, 0));
}

static void is_region_memory_caps_the_size_at_the_top(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - SZ_1M, SZ_1M), 0);

	assert_true(memblock_is_region_memory(PHYS_ADDR_MAX - SZ_1M, SZ_2M));
}

static void is_reserved_looks_in_reserved_only(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_reserve(SZ_4M, SZ_1M), 0);

	assert_false(memblock_is_reserved(SZ_1M));
	assert_true(memblock_is_reserved(SZ_4M));
	assert_true(memblock_is_reserved(SZ_4M + SZ_1M - 1));
	assert_false(memblock_is_reserved(SZ_4M + SZ_1M));
}

static void is_region_reserved_means_any_intersection(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_4M, SZ_1M), 0);

	assert_true(memblock_is_region_reserved(SZ_2M, SZ_4M));		 /* covers */
	assert_true(memblock_is_region_reserved(SZ_4M + SZ_512K, SZ_4M)); /* top */
	assert_true(memblock_is_region_reserved(SZ_4M - SZ_4K, SZ_8K));	 /* bottom */
	assert_false(memblock_is_region_reserved(SZ_4M - SZ_1M, SZ_1M));	 /* touches below */
	assert_false(memblock_is_region_reserved(SZ_4M + SZ_1M, SZ_1M));	 /* touches above */
	assert_false(memblock_is_region_reserved(SZ_4M, 0));		 /* empty range */
}

static void overlaps_region_is_false_for_touching_and_true_for_overlapping(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1G, SZ_4M), 0);

	assert_false(memblock_overlaps_region(MEM, SZ_1G - SZ_1M, SZ_1M));
	assert_false(memblock_overlaps_region(MEM, SZ_1G + SZ_4M, SZ_1M));
	assert_true(memblock_overlaps_region(MEM, SZ_1G - SZ_1M, SZ_2M));
	assert_true(memblock_overlaps_region(MEM, SZ_1G + SZ_1M, SZ_1M));
	assert_true(memblock_overlaps_region(MEM, SZ_512M, SZ_1G));
}

static void overlaps_region_of_size_zero_is_true_only_strictly_inside(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1G, SZ_4M), 0);

	assert_false(memblock_overlaps_region(MEM, SZ_1G, 0));
	assert_true(memblock_overlaps_region(MEM, SZ_1G + SZ_1M, 0));
	assert_false(memblock_overlaps_region(MEM, SZ_1G + SZ_4M, 0));
}

static void overlaps_region_caps_a_range_that_would_wrap(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(PHYS_ADDR_MAX - SZ_512K, SZ_4K), 0);

	/* Capped, the range still reaches the reservation... */
	assert_true(memblock_overlaps_region(RSV, PHYS_ADDR_MAX - SZ_1M, SZ_2M));
	/* ...while the raw predicate wraps around and misses it. */
	assert_false(memblock_addrs_overlap(PHYS_ADDR_MAX - SZ_1M, SZ_2M,
					    PHYS_ADDR_MAX - SZ_512K, SZ_4K));
}

static void addrs_overlap_is_strict_intersection(void **state)
{
	(void)state;
	assert_false(memblock_addrs_overlap(SZ_1M, SZ_1M, SZ_2M, SZ_1M));
	assert_false(memblock_addrs_overlap(SZ_2M, SZ_1M, SZ_1M, SZ_1M));
	assert_true(memblock_addrs_overlap(SZ_1M, SZ_1M + 1, SZ_2M, SZ_1M));
	assert_true(memblock_addrs_overlap(SZ_1M, SZ_4M, SZ_2M, SZ_1M));
	assert_true(memblock_addrs_overlap(SZ_2M, SZ_1M, SZ_1M, SZ_4M));
}

static void search_pfn_nid_reports_the_region_and_its_node(void **state)
{
	unsigned long s = 0, e = 0;

	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M + 100, SZ_1M, 3, 0), 0);

	assert_int_equal(memblock_search_pfn_nid(PFN_DOWN(SZ_1M + SZ_4K), &s, &e),
#ifdef CONFIG_NUMA
			 3
#else
			 0
#endif
	);
	assert_int_equal(s, PFN_DOWN(SZ_1M + 100));
	assert_int_equal(e, PFN_DOWN(SZ_2M + 100));
}

static void search_pfn_nid_outside_memory_is_no_node_and_leaves_outputs(void **state)
{
	unsigned long s = 7, e = 9;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);

	assert_int_equal(memblock_search_pfn_nid(PFN_DOWN(SZ_4M), &s, &e), NUMA_NO_NODE);
	assert_int_equal(s, 7);
	assert_int_equal(e, 9);
}

#ifdef CONFIG_NUMA
#define NID_OR_0(n) (n)
#else
#define NID_OR_0(n) 0
#endif

/* A pfn in the last page finds the region there, with pfns that do not wrap. */
static void search_pfn_nid_finds_a_region_in_the_last_page(void **state)
{
	const unsigned long top_pfn = PFN_DOWN(PHYS_ADDR_MAX);
	unsigned long s = 7, e = 9;

	(void)state;
	/* One byte short of the last page, so that the two never merge. */
	assert_int_equal(memblock_add_node(PHYS_ADDR_MAX - 0x2fff, 2 * PAGE_SIZE - 1, 2, 0), 0);
	assert_int_equal(memblock_add_node(PHYS_ADDR_MAX - 0xfff, 0xfff, 3, 0), 0);
	assert_int_equal(memblock.memory.cnt, 2);

	assert_int_equal(memblock_search_pfn_nid(top_pfn, &s, &e), NID_OR_0(3));
	assert_int_equal(s, top_pfn);
	assert_int_equal(e, top_pfn);

	assert_int_equal(memblock_search_pfn_nid(top_pfn - 1, &s, &e), NID_OR_0(2));
	assert_int_equal(s, top_pfn - 2);
	assert_int_equal(e, top_pfn - 1);
}

/*
 * A pfn whose address does not fit phys_addr_t is in no region: it must not
 * match a low region through truncation of PFN_PHYS(pfn).
 */
static void search_pfn_nid_of_a_pfn_above_phys_addr_max_is_no_node(void **state)
{
	/* The first pfn past the address space, plus 5: PFN_PHYS wraps to 0x5000. */
	const unsigned long past = (unsigned long)PFN_DOWN(PHYS_ADDR_MAX) + 1 + 5;
	unsigned long s = 7, e = 9;

	(void)state;
	assert_int_equal(memblock_add(0, SZ_16M), 0);

	/* Only where unsigned long holds pfns beyond the address space. */
	if (past > (unsigned long)PFN_DOWN(PHYS_ADDR_MAX)) {
		assert_int_equal(memblock_search_pfn_nid(past, &s, &e), NUMA_NO_NODE);
		assert_int_equal(s, 7);
		assert_int_equal(e, 9);
	}
#if ULONG_MAX > 0xffffffffUL
	/* 32-bit phys_addr_t on a 64-bit host: bit 32 of the pfn is not lost. */
	if (sizeof(unsigned long) > sizeof(phys_addr_t)) {
		assert_int_equal(memblock_search_pfn_nid(1UL << 32 | 5, &s, &e), NUMA_NO_NODE);
		assert_int_equal(s, 7);
		assert_int_equal(e, 9);
	}
#endif
	/* The low region itself is still found. */
	assert_int_equal(memblock_search_pfn_nid(5, &s, &e), NID_OR_0(MAX_NUMNODES));
	assert_int_equal(s, 0);
	assert_int_equal(e, PFN_DOWN(SZ_16M));
}

/*
 * The memory pfn accessors of a region in the last page: no whole page, so
 * base_pfn >= end_pfn; base_pfn is the pfn after the last, never 0.
 */
static void region_memory_pfns_of_the_last_page_do_not_wrap(void **state)
{
	const unsigned long top_pfn = PFN_DOWN(PHYS_ADDR_MAX);
	struct memblock_region *r;

	(void)state;
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - 0xffe, 0xffe), 0);
	r = &memblock.memory.regions[0];

	assert_int_equal(memblock_region_memory_end_pfn(r), top_pfn);
	assert_int_equal(memblock_region_memory_base_pfn(r), top_pfn + 1);
	assert_true(memblock_region_memory_base_pfn(r) >= memblock_region_memory_end_pfn(r));
	assert_int_equal(memblock_region_reserved_base_pfn(r), top_pfn);
}

static void start_and_end_of_dram_are_the_outer_bounds_of_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_8M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);

	assert_int_equal(memblock_start_of_DRAM(), SZ_1M);
	assert_int_equal(memblock_end_of_DRAM(), SZ_8M + SZ_1M);
}

static void start_and_end_of_dram_of_empty_memory_are_zero(void **state)
{
	(void)state;
	assert_int_equal(memblock_start_of_DRAM(), 0);
	assert_int_equal(memblock_end_of_DRAM(), 0);

	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_remove(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_start_of_DRAM(), 0);
	assert_int_equal(memblock_end_of_DRAM(), 0);
}

static void phys_mem_size_and_reserved_size_are_the_totals(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_2M), 0);
	assert_int_equal(memblock_reserve(SZ_1M, SZ_4K), 0);
	assert_int_equal(memblock_reserve(SZ_64M, SZ_8K), 0);

	assert_int_equal(memblock_phys_mem_size(), SZ_1M + SZ_2M);
	assert_int_equal(memblock_reserved_size(), SZ_4K + SZ_8K);
}

static void reserved_kern_size_counts_only_kernel_reservations(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve_kern(SZ_4M, SZ_1M), 0);
	assert_int_equal(__memblock_reserve(SZ_8M, SZ_2M, 0, MEMBLOCK_RSRV_KERN | MEMBLOCK_RSRV_NOINIT), 0);

	assert_int_equal(memblock_reserved_kern_size(MEMBLOCK_ALLOC_ANYWHERE, NUMA_NO_NODE),
			 SZ_1M + SZ_2M);
}

static void reserved_kern_size_clips_at_the_limit(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve_kern(SZ_4M, SZ_2M), 0);
	assert_int_equal(memblock_reserve_kern(SZ_8M, SZ_2M), 0);

	assert_int_equal(memblock_reserved_kern_size(SZ_4M + SZ_512K, NUMA_NO_NODE), SZ_512K);
	assert_int_equal(memblock_reserved_kern_size(SZ_8M, NUMA_NO_NODE), SZ_2M);
	assert_int_equal(memblock_reserved_kern_size(SZ_4M, NUMA_NO_NODE), 0);
}

#ifdef CONFIG_NUMA
static void reserved_kern_size_of_a_node_counts_that_node_only(void **state)
{
	(void)state;
	assert_int_equal(__memblock_reserve(SZ_1M, SZ_1M, 1, MEMBLOCK_RSRV_KERN), 0);
	assert_int_equal(__memblock_reserve(SZ_4M, SZ_2M, 2, MEMBLOCK_RSRV_KERN), 0);
	assert_int_equal(memblock_reserve_kern(SZ_8M, SZ_4M), 0);

	assert_int_equal(memblock_reserved_kern_size(MEMBLOCK_ALLOC_ANYWHERE, 2), SZ_2M);
	assert_int_equal(memblock_reserved_kern_size(MEMBLOCK_ALLOC_ANYWHERE, MAX_NUMNODES),
			 SZ_1M + SZ_2M + SZ_4M);
}
#endif

static void estimated_nr_free_pages_subtracts_kernel_reservations_only(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_reserve_kern(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(SZ_4M, SZ_1M), 0);

	assert_int_equal(memblock_estimated_nr_free_pages(), PFN_DOWN(SZ_8M - SZ_1M));
}

static void estimated_nr_free_pages_is_zero_when_reservations_exceed_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve_kern(SZ_4M, SZ_4M), 0);

	assert_int_equal(memblock_estimated_nr_free_pages(), 0);
}

static void has_mirror_is_false_until_mirror_is_marked(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_false(memblock_has_mirror());

	mirrored_kernelcore = true;
	assert_int_equal(memblock_mark_mirror(SZ_1M, SZ_4K), 0);
	assert_true(memblock_has_mirror());
}

#ifdef CONFIG_NUMA
static void numa_coverage_fails_when_memory_without_a_node_exceeds_the_threshold(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_8M, 0, 0), 0);
	assert_int_equal(memblock_add(SZ_16M, SZ_4M), 0);

	assert_false(memblock_validate_numa_coverage(SZ_1M));
	assert_non_null(strstr(test_log(), "4MB of 12MB of memory have no NUMA node"));
}

static void numa_coverage_passes_within_the_threshold(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_8M, 0, 0), 0);
	assert_int_equal(memblock_add(SZ_16M, SZ_4M), 0);

	assert_true(memblock_validate_numa_coverage(SZ_4M));
	assert_int_equal(test_log()[0], '\0');
}

static void numa_coverage_passes_once_every_region_has_a_node(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_16M, SZ_4M), 0);
	assert_int_equal(memblock_set_node(SZ_16M, SZ_4M, MEM, 1), 0);

	assert_true(memblock_validate_numa_coverage(0));
}
#else
static void numa_coverage_always_passes_without_numa(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_16M, SZ_4M), 0);

	assert_true(memblock_validate_numa_coverage(0));
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(is_memory_is_true_inside_and_false_at_the_exclusive_end),
		MB_TEST(is_memory_finds_any_of_many_regions),
		MB_TEST(is_memory_on_empty_memory_is_false_even_at_zero),
		MB_TEST(is_map_memory_is_false_for_nomap_memory),
		MB_TEST(is_region_memory_needs_the_range_inside_one_region),
		MB_TEST(is_region_memory_of_size_zero_asks_whether_base_is_memory),
		MB_TEST(is_region_memory_caps_the_size_at_the_top),
		MB_TEST(is_reserved_looks_in_reserved_only),
		MB_TEST(is_region_reserved_means_any_intersection),
		MB_TEST(overlaps_region_is_false_for_touching_and_true_for_overlapping),
		MB_TEST(overlaps_region_of_size_zero_is_true_only_strictly_inside),
		MB_TEST(overlaps_region_caps_a_range_that_would_wrap),
		MB_TEST(addrs_overlap_is_strict_intersection),
		MB_TEST(search_pfn_nid_reports_the_region_and_its_node),
		MB_TEST(search_pfn_nid_outside_memory_is_no_node_and_leaves_outputs),
		MB_TEST(search_pfn_nid_finds_a_region_in_the_last_page),
		MB_TEST(search_pfn_nid_of_a_pfn_above_phys_addr_max_is_no_node),
		MB_TEST(region_memory_pfns_of_the_last_page_do_not_wrap),
		MB_TEST(start_and_end_of_dram_are_the_outer_bounds_of_memory),
		MB_TEST(start_and_end_of_dram_of_empty_memory_are_zero),
		MB_TEST(phys_mem_size_and_reserved_size_are_the_totals),
		MB_TEST(reserved_kern_size_counts_only_kernel_reservations),
		MB_TEST(reserved_kern_size_clips_at_the_limit),
#ifdef CONFIG_NUMA
		MB_TEST(reserved_kern_size_of_a_node_counts_that_node_only),
#endif
		MB_TEST(estimated_nr_free_pages_subtracts_kernel_reservations_only),
		MB_TEST(estimated_nr_free_pages_is_zero_when_reservations_exceed_memory),
		MB_TEST(has_mirror_is_false_until_mirror_is_marked),
#ifdef CONFIG_NUMA
		MB_TEST(numa_coverage_fails_when_memory_without_a_node_exceeds_the_threshold),
		MB_TEST(numa_coverage_passes_within_the_threshold),
		MB_TEST(numa_coverage_passes_once_every_region_has_a_node),
#else
		MB_TEST(numa_coverage_always_passes_without_numa),
#endif
	};

	return MB_RUN("core/query", tests);
}
