// SPDX-License-Identifier: MIT
/*
 * test_contract.c - the bad-input contract of docs/contract.md, one test per
 * row: what each public call returns for each kind of bad input, and that
 * the state is then exactly as before (snapshots).
 */
#include <limits.h>
#include <string.h>

#include "harness.h"

static struct mb_snapshot snap;

/* @call must return @want and leave memblock exactly as it was. */
#define assert_unchanged_ret(call, want)                                       \
	do {                                                                   \
		mb_snapshot_take(&snap);                                       \
		assert_int_equal((long long)(call), (long long)(want));        \
		assert_snapshot_unchanged(&snap);                              \
	} while (0)

/* @stmt (a void call) must leave memblock exactly as it was. */
#define assert_unchanged(stmt)                                                 \
	do {                                                                   \
		mb_snapshot_take(&snap);                                       \
		stmt;                                                          \
		assert_snapshot_unchanged(&snap);                              \
	} while (0)

#define TOP_SIZE ((phys_addr_t)SZ_1M)
#define TOP_BASE (PHYS_ADDR_MAX - TOP_SIZE)

/* @n disjoint 4K memory regions, 8K apart, from the window's start. */
static void fill_memory(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		assert_int_equal(memblock_add(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	assert_int_equal(memblock.memory.cnt, n);
}

/* @n disjoint 4K reservations, 8K apart, from the window's start. */
static void fill_reserved(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		assert_int_equal(memblock_reserve(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	assert_int_equal(memblock.reserved.cnt, n);
}

/* --- Registration and removal -------------------------------------------------- */

static void add_size_0_is_a_noop(void **state)
{
	(void)state;
	assert_unchanged_ret(memblock_add(WIN_BASE, 0), 0);
	assert_unchanged_ret(memblock_add_node(WIN_BASE, 0, 0, MEMBLOCK_NONE), 0);
	assert_unchanged_ret(memblock_reserve(WIN_BASE, 0), 0);
	assert_unchanged_ret(memblock_remove(WIN_BASE, 0), 0);
	assert_unchanged_ret(memblock_phys_free(WIN_BASE, 0), 0);
	assert_unchanged_ret(memblock_add(PHYS_ADDR_MAX, SZ_4K), 0);
}

static void overflowing_ranges_are_capped_at_the_top(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(TOP_BASE, 2 * TOP_SIZE), 0);
	assert_region(&memblock.memory, 0, TOP_BASE, TOP_SIZE);
	assert_int_equal(memblock_reserve(TOP_BASE, PHYS_ADDR_MAX), 0);
	assert_region(&memblock.reserved, 0, TOP_BASE, TOP_SIZE);
	assert_int_equal(memblock_remove(TOP_BASE + SZ_4K, PHYS_ADDR_MAX), 0);
	assert_region(&memblock.memory, 0, TOP_BASE, SZ_4K);
	assert_int_equal(memblock_phys_free(TOP_BASE + SZ_4K, PHYS_ADDR_MAX), 0);
	assert_region(&memblock.reserved, 0, TOP_BASE, SZ_4K);
}

static void add_to_a_full_array_is_enomem_and_unchanged(void **state)
{
	(void)state;
	fill_memory(INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_unchanged_ret(memblock_add(WIN_END - SZ_4K, SZ_4K), -ENOMEM);
	assert_unchanged_ret(memblock_add_node(WIN_END - SZ_4K, SZ_4K, 0,
					       MEMBLOCK_HOTPLUG), -ENOMEM);
	/* A range that bridges two regions also needs a slot. */
	assert_unchanged_ret(memblock_add(WIN_BASE, SZ_8K), -ENOMEM);
}

static void add_of_covered_range_to_a_full_array_succeeds(void **state)
{
	(void)state;
	fill_memory(INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_unchanged_ret(memblock_add(WIN_BASE + SZ_1K, SZ_1K), 0);
}

static void add_node_with_an_invalid_node(void **state)
{
	static const int bad[] = { -2, MAX_NUMNODES + 1, INT_MAX, INT_MIN };
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
#ifdef CONFIG_NUMA
		assert_unchanged_ret(memblock_add_node(WIN_BASE, SZ_4K, bad[i],
						       MEMBLOCK_NONE), -EINVAL);
		assert_unchanged_ret(__memblock_reserve(WIN_BASE, SZ_4K, bad[i],
							MEMBLOCK_NONE), -EINVAL);
#else
		/* Without NUMA there are no node ids to check. */
		assert_int_equal(memblock_add_node(WIN_BASE, SZ_4K, bad[i],
						   MEMBLOCK_NONE), 0);
		assert_int_equal(__memblock_reserve(WIN_BASE, SZ_4K, bad[i],
						    MEMBLOCK_NONE), 0);
		assert_int_equal(memblock_get_region_node(&memblock.memory.regions[0]), 0);
#endif
	}
}

static void add_node_accepts_no_node_and_max_numnodes(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(WIN_BASE, SZ_4K, NUMA_NO_NODE, 0), 0);
	assert_int_equal(memblock_add_node(WIN_BASE + SZ_8K, SZ_4K, MAX_NUMNODES, 0), 0);
	assert_region_nid(&memblock.memory, 0, NUMA_NO_NODE);
	assert_region_nid(&memblock.memory, 1, MAX_NUMNODES);
}

static void remove_and_free_of_unmapped_ranges_are_noops(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_4K), 0);
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_4K), 0);
	assert_unchanged_ret(memblock_remove(WIN_BASE + SZ_8K, SZ_4K), 0);
	assert_unchanged_ret(memblock_phys_free(WIN_BASE + SZ_8K, SZ_4K), 0);
	assert_unchanged(memblock_free(NULL, SZ_4K));
}

static void remove_on_a_nearly_full_array_is_enomem_and_unchanged(void **state)
{
	(void)state;
	/* Splits need two free slots, even when this one would need none. */
	fill_memory(INIT_MEMBLOCK_MEMORY_REGIONS - 1);
	assert_unchanged_ret(memblock_remove(WIN_BASE, SZ_4K), -ENOMEM);
	assert_unchanged_ret(memblock_remove(WIN_END - SZ_4K, SZ_4K), -ENOMEM);
}

static void reserve_and_free_on_full_arrays_are_enomem_and_unchanged(void **state)
{
	(void)state;
	fill_reserved(INIT_MEMBLOCK_RESERVED_REGIONS);
	assert_unchanged_ret(memblock_reserve(WIN_END - SZ_4K, SZ_4K), -ENOMEM);
	assert_unchanged_ret(memblock_reserve_kern(WIN_END - SZ_4K, SZ_4K), -ENOMEM);
	assert_unchanged_ret(memblock_phys_free(WIN_BASE, SZ_1K), -ENOMEM);
	assert_unchanged(memblock_free(test_phys_to_virt(WIN_BASE), SZ_1K));
	/* Covered already: nothing to insert, so no room needed. */
	assert_unchanged_ret(memblock_reserve(WIN_BASE, SZ_4K), 0);
}

static void free_null_is_a_noop(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(0, SZ_4K), 0);
	assert_unchanged(memblock_free(NULL, SZ_4K));
	/* memblock_phys_free(0, ...) is a real address, unlike NULL. */
	assert_int_equal(memblock_phys_free(0, SZ_4K), 0);
	assert_int_equal(memblock.reserved.cnt, 0);
}

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static void physmem_add_on_a_full_array_is_enomem(void **state)
{
	unsigned long i;

	(void)state;
	for (i = 0; i < INIT_PHYSMEM_REGIONS; i++)
		assert_int_equal(memblock_physmem_add(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_physmem_add(WIN_END - SZ_4K, SZ_4K), -ENOMEM);
	assert_int_equal(physmem.cnt, INIT_PHYSMEM_REGIONS);
	assert_snapshot_unchanged(&snap);
	assert_int_equal(memblock_physmem_add(WIN_BASE, 0), 0);
}
#endif

static void trim_with_a_bad_alignment_is_a_noop(void **state)
{
	static const phys_addr_t bad[] = { 0, 3, 6, SZ_4K + 1 };
	unsigned int i;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE + 1, SZ_8K), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_unchanged(memblock_trim_memory(bad[i]));
}

static void trim_with_a_huge_alignment_removes_everything(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_8K), 0);
	assert_int_equal(memblock_add(TOP_BASE, TOP_SIZE), 0);
	memblock_trim_memory((phys_addr_t)1 << (8 * sizeof(phys_addr_t) - 1));
	assert_int_equal(memblock.memory.cnt, 0);
	assert_int_equal(memblock.memory.total_size, 0);
}

/* --- Attributes ---------------------------------------------------------------------- */

typedef int (*range_fn)(phys_addr_t base, phys_addr_t size);

static const range_fn memory_marks[] = {
	memblock_mark_hotplug, memblock_clear_hotplug, memblock_mark_nomap,
	memblock_clear_nomap, memblock_mark_kho_scratch,
	memblock_clear_kho_scratch,
};

static const range_fn reserved_marks[] = {
	memblock_reserved_mark_noinit, memblock_reserved_mark_kern,
};

#define NR(a) (sizeof(a) / sizeof((a)[0]))

static void marks_of_size_0_or_of_no_region_are_noops(void **state)
{
	unsigned int i;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_4K), 0);
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_4K), 0);
	for (i = 0; i < NR(memory_marks); i++) {
		assert_unchanged_ret(memory_marks[i](WIN_BASE, 0), 0);
		assert_unchanged_ret(memory_marks[i](WIN_BASE + SZ_8K, SZ_4K), 0);
	}
	for (i = 0; i < NR(reserved_marks); i++) {
		assert_unchanged_ret(reserved_marks[i](WIN_BASE, 0), 0);
		assert_unchanged_ret(reserved_marks[i](WIN_BASE + SZ_8K, SZ_4K), 0);
	}
}

static void marks_on_nearly_full_arrays_are_enomem_and_unchanged(void **state)
{
	unsigned int i;

	(void)state;
	fill_memory(INIT_MEMBLOCK_MEMORY_REGIONS - 1);
	fill_reserved(INIT_MEMBLOCK_RESERVED_REGIONS - 1);
	for (i = 0; i < NR(memory_marks); i++)
		assert_unchanged_ret(memory_marks[i](WIN_BASE, SZ_1K), -ENOMEM);
	for (i = 0; i < NR(reserved_marks); i++)
		assert_unchanged_ret(reserved_marks[i](WIN_BASE, SZ_1K), -ENOMEM);
}

static void mark_mirror_without_mirrored_kernelcore_is_a_noop(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_4K), 0);
	assert_unchanged_ret(memblock_mark_mirror(WIN_BASE, SZ_4K), 0);
	assert_false(memblock_has_mirror());
}

static void set_node_with_an_invalid_node(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_4K), 0);
#ifdef CONFIG_NUMA
	assert_unchanged_ret(memblock_set_node(WIN_BASE, SZ_4K, &memblock.memory,
					       MAX_NUMNODES + 1), -EINVAL);
	assert_unchanged_ret(memblock_set_node(WIN_BASE, SZ_4K, &memblock.memory,
					       -2), -EINVAL);
	assert_unchanged_ret(memblock_set_node(WIN_BASE, 0, &memblock.memory, 1), 0);
#else
	/* Without NUMA, set_node does nothing at all. */
	assert_unchanged_ret(memblock_set_node(WIN_BASE, SZ_4K, &memblock.memory,
					       MAX_NUMNODES + 1), 0);
#endif
}

static void set_node_on_a_nearly_full_array(void **state)
{
	(void)state;
	fill_reserved(INIT_MEMBLOCK_RESERVED_REGIONS - 1);
#ifdef CONFIG_NUMA
	assert_unchanged_ret(memblock_set_node(WIN_BASE, SZ_1K, &memblock.reserved,
					       0), -ENOMEM);
#else
	assert_unchanged_ret(memblock_set_node(WIN_BASE, SZ_1K, &memblock.reserved,
					       0), 0);
#endif
}

/* --- Allocation ---------------------------------------------------------------------- */

static void window_memory(void)
{
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
}

static void non_power_of_two_alignment_fails_unchanged(void **state)
{
	static const phys_addr_t bad[] = { 3, 24, SZ_4K + 1, SZ_4K * 3 };
	unsigned int i;

	(void)state;
	window_memory();
	for (i = 0; i < NR(bad); i++) {
		assert_unchanged_ret(memblock_phys_alloc(SZ_4K, bad[i]), 0);
		assert_unchanged_ret(memblock_phys_alloc_range(SZ_4K, bad[i], 0,
							       WIN_END), 0);
		assert_unchanged_ret(memblock_phys_alloc_try_nid(SZ_4K, bad[i], 0), 0);
		assert_unchanged_ret(memblock_alloc_range_nid(SZ_4K, bad[i], 0, WIN_END,
							      NUMA_NO_NODE, false), 0);
		assert_unchanged_ret(memblock_alloc(SZ_4K, bad[i]) != NULL, 0);
		assert_unchanged_ret(memblock_alloc_raw(SZ_4K, bad[i]) != NULL, 0);
		assert_unchanged_ret(memblock_alloc_from(SZ_4K, bad[i], WIN_BASE) != NULL, 0);
		assert_unchanged_ret(memblock_alloc_low(SZ_4K, bad[i]) != NULL, 0);
		assert_unchanged_ret(memblock_alloc_node(SZ_4K, bad[i], 0) != NULL, 0);
		assert_unchanged_ret(memblock_alloc_try_nid(SZ_4K, bad[i], 0, WIN_END,
							    0) != NULL, 0);
		assert_unchanged_ret(memblock_alloc_try_nid_raw(SZ_4K, bad[i], 0, WIN_END,
								0) != NULL, 0);
		assert_unchanged_ret(memblock_alloc_exact_nid_raw(SZ_4K, bad[i], 0,
								  WIN_END, 0) != NULL, 0);
	}
}

static void alignment_0_means_smp_cache_bytes(void **state)
{
	phys_addr_t pa;

	(void)state;
	window_memory();
	assert_int_equal(memblock_reserve(WIN_END - 1, 1), 0);
	pa = memblock_phys_alloc(1, 0);
	assert_int_equal(pa, WIN_END - SMP_CACHE_BYTES);
}

static void size_0_allocation_returns_an_address_and_reserves_nothing(void **state)
{
	(void)state;
	window_memory();
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_phys_alloc(0, SZ_4K), WIN_END);
	assert_snapshot_unchanged(&snap);
	memblock_set_bottom_up(true);
	mb_snapshot_take(&snap);
	assert_ptr_equal(memblock_alloc(0, SZ_4K), test_phys_to_virt(WIN_BASE));
	assert_snapshot_unchanged(&snap);
}

static void allocation_without_room_fails_unchanged(void **state)
{
	(void)state;
	assert_unchanged_ret(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	assert_unchanged_ret(memblock_alloc(SZ_4K, SZ_4K) != NULL, 0);
	window_memory();
	assert_unchanged_ret(memblock_phys_alloc(WIN_SIZE + 1, 1), 0);
	assert_unchanged_ret(memblock_phys_alloc(PHYS_ADDR_MAX, 1), 0);
	assert_unchanged_ret(memblock_alloc(WIN_SIZE + SZ_4K, 1) != NULL, 0);
	/* An empty window: start above end, or below the first page. */
	assert_unchanged_ret(memblock_phys_alloc_range(SZ_4K, SZ_4K, WIN_END,
						       WIN_BASE), 0);
	assert_unchanged_ret(memblock_phys_alloc_range(16, 16, 0, PAGE_SIZE), 0);
	/* max_addr is never relaxed. */
	assert_unchanged_ret(memblock_alloc_try_nid(SZ_4K, SZ_4K, 0, WIN_BASE,
						    NUMA_NO_NODE) != NULL, 0);
}

static void alignment_rounding_past_the_top_fails_unchanged(void **state)
{
	const phys_addr_t huge = (phys_addr_t)1 << (8 * sizeof(phys_addr_t) - 1);

	(void)state;
	assert_int_equal(memblock_add(TOP_BASE, TOP_SIZE), 0);
	memblock_set_bottom_up(true);
	assert_unchanged_ret(memblock_phys_alloc_range(SZ_4K, huge, TOP_BASE,
						       MEMBLOCK_ALLOC_ANYWHERE), 0);
	memblock_set_bottom_up(false);
	assert_unchanged_ret(memblock_phys_alloc_range(SZ_4K, huge, TOP_BASE,
						       MEMBLOCK_ALLOC_ANYWHERE), 0);
}

static void allocation_with_a_full_reserved_array_fails_unchanged(void **state)
{
	(void)state;
	window_memory();
	fill_reserved(INIT_MEMBLOCK_RESERVED_REGIONS);
	assert_unchanged_ret(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	assert_unchanged_ret(memblock_alloc(SZ_4K, SZ_4K) != NULL, 0);
	assert_unchanged_ret(memblock_alloc_try_nid(SZ_4K, SZ_4K, WIN_BASE, 0,
						    0) != NULL, 0);
}

static void allocation_with_a_limit_of_0_fails_unchanged(void **state)
{
	(void)state;
	window_memory();
	memblock_set_current_limit(0);
	assert_unchanged_ret(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	assert_unchanged_ret(memblock_alloc(SZ_4K, SZ_4K) != NULL, 0);
	/* An explicit end is not clamped by the physical API. */
	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, WIN_END),
			 WIN_END - SZ_4K);
}

static void allocation_with_an_invalid_node_uses_any_node(void **state)
{
	phys_addr_t pa;

	(void)state;
	window_memory();
	pa = memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, WIN_END, MAX_NUMNODES + 5,
				      false);
	assert_int_equal(pa, WIN_END - SZ_4K);
	assert_region_flags(&memblock.reserved, 0, pa, SZ_4K, MEMBLOCK_RSRV_KERN);
	assert_region_nid(&memblock.reserved, 0, NUMA_NO_NODE);
}

static void exact_node_allocation_without_memory_on_it_fails(void **state)
{
	(void)state;
#ifdef CONFIG_NUMA
	assert_int_equal(memblock_add_node(WIN_BASE, WIN_SIZE, 0, MEMBLOCK_NONE), 0);
	assert_unchanged_ret(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, 0, 0, 1)
			     != NULL, 0);
	assert_unchanged_ret(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, 0, 1, true), 0);
#else
	/* Without NUMA there is one node, and 1 is no node: any node will do. */
	window_memory();
	assert_int_equal(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, 0, 1, true),
			 WIN_END - SZ_4K);
#endif
}

static void alloc_or_panic_panics_when_nothing_fits(void **state)
{
	(void)state;
	mb_snapshot_take(&snap);
	if (test_expect_panic()) {
		assert_non_null(strstr(test_panic_msg, "out of memory for"));
		assert_snapshot_unchanged(&snap);
		return;
	}
	memblock_alloc_or_panic(SZ_4K, SZ_4K);
	fail_msg("memblock_alloc_or_panic() returned without memory");
}

/* --- Growth ------------------------------------------------------------------------------ */

static void growth_finding_no_room_is_enomem_and_unchanged(void **state)
{
	unsigned long i;

	(void)state;
	memblock_allow_resize();
	/* Plenty of regions, but no free page-aligned block for a new array. */
	for (i = 0; i < INIT_MEMBLOCK_MEMORY_REGIONS; i++)
		assert_int_equal(memblock_add(WIN_BASE + i * 256, 128), 0);
	assert_unchanged_ret(memblock_add(WIN_END - 128, 128), -ENOMEM);
	assert_unchanged_ret(memblock_ensure_capacity(&memblock.memory, 1), -ENOMEM);
}

static void ensure_capacity_without_resize_is_enomem(void **state)
{
	(void)state;
	window_memory();
	assert_unchanged_ret(memblock_ensure_capacity(&memblock.reserved,
						      INIT_MEMBLOCK_RESERVED_REGIONS + 1),
			     -ENOMEM);
	assert_unchanged_ret(memblock_ensure_capacity(&memblock.reserved, 0), 0);
}

/* --- Queries ------------------------------------------------------------------------------- */

static void queries_on_empty_memblock(void **state)
{
	unsigned long s = 7, e = 9;

	(void)state;
	assert_int_equal(memblock_start_of_DRAM(), 0);
	assert_int_equal(memblock_end_of_DRAM(), 0);
	assert_int_equal(memblock_phys_mem_size(), 0);
	assert_int_equal(memblock_reserved_size(), 0);
	assert_int_equal(memblock_estimated_nr_free_pages(), 0);
	assert_int_equal(memblock_reserved_kern_size(PHYS_ADDR_MAX, NUMA_NO_NODE), 0);
	assert_false(memblock_is_memory(0));
	assert_false(memblock_is_map_memory(0));
	assert_false(memblock_is_reserved(0));
	assert_false(memblock_is_region_memory(0, 0));
	assert_false(memblock_is_region_reserved(0, PHYS_ADDR_MAX));
	assert_int_equal(memblock_search_pfn_nid(0, &s, &e), NUMA_NO_NODE);
	assert_int_equal(s, 7);
	assert_int_equal(e, 9);
	assert_true(memblock_validate_numa_coverage(0));
}

static void overlap_queries_with_size_0_use_the_plain_predicate(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_8K), 0);
	/* Strictly inside counts; the start and the end do not. */
	assert_true(memblock_is_region_reserved(WIN_BASE + SZ_4K, 0));
	assert_false(memblock_is_region_reserved(WIN_BASE, 0));
	assert_false(memblock_is_region_reserved(WIN_BASE + SZ_8K, 0));
	assert_true(memblock_overlaps_region(&memblock.reserved, WIN_BASE + 1, 0));
	/* Overflowing sizes are capped, so the query still answers. */
	assert_true(memblock_overlaps_region(&memblock.reserved, WIN_BASE,
					     PHYS_ADDR_MAX));
	/* memblock_addrs_overlap() does not cap: its sums may wrap. */
	assert_false(memblock_addrs_overlap(WIN_BASE, PHYS_ADDR_MAX, WIN_BASE,
					    SZ_4K));
}

static void is_region_memory_with_size_0_and_overflow(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(TOP_BASE, TOP_SIZE), 0);
	assert_true(memblock_is_region_memory(TOP_BASE, 0));
	assert_false(memblock_is_region_memory(TOP_BASE - 1, 0));
	assert_true(memblock_is_region_memory(TOP_BASE, PHYS_ADDR_MAX));
	assert_false(memblock_is_memory(PHYS_ADDR_MAX));
}

static void estimated_free_pages_clamp_at_0(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_8K), 0);
	assert_int_equal(memblock_reserve_kern(WIN_BASE, SZ_1M), 0);
	assert_int_equal(memblock_estimated_nr_free_pages(), 0);
}

static void reserved_kern_size_below_everything_is_0(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve_kern(WIN_BASE, SZ_8K), 0);
	assert_int_equal(memblock_reserved_kern_size(WIN_BASE, NUMA_NO_NODE), 0);
	assert_int_equal(memblock_reserved_kern_size(0, MAX_NUMNODES + 3), 0);
}

/* --- Limits ---------------------------------------------------------------------------------- */

static void limits_of_0_are_noops(void **state)
{
	(void)state;
	assert_unchanged(memblock_cap_memory_range(WIN_BASE, SZ_4K));
	window_memory();
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_4K), 0);
	assert_unchanged(memblock_enforce_memory_limit(0));
	assert_unchanged(memblock_mem_limit_remove_map(0));
	assert_unchanged(memblock_cap_memory_range(WIN_BASE, 0));
	assert_unchanged(memblock_cap_memory_range(PHYS_ADDR_MAX, SZ_4K));
}

static void limits_above_all_memory_are_noops(void **state)
{
	(void)state;
	window_memory();
	assert_unchanged(memblock_enforce_memory_limit(WIN_SIZE + 1));
	assert_unchanged(memblock_enforce_memory_limit(PHYS_ADDR_MAX));
	assert_unchanged(memblock_mem_limit_remove_map(PHYS_ADDR_MAX));
}

static void limits_on_nearly_full_arrays_leave_them_unchanged(void **state)
{
	(void)state;
	fill_memory(INIT_MEMBLOCK_MEMORY_REGIONS - 1);
	/* No room to split memory: memory stays whole, and so does reserved. */
	assert_unchanged(memblock_enforce_memory_limit(SZ_4K + SZ_1K));
	assert_unchanged(memblock_cap_memory_range(WIN_BASE + SZ_1K, SZ_1K));
	assert_unchanged(memblock_mem_limit_remove_map(SZ_1K));
}

/* --- Iteration, lifecycle and the extensions --------------------------------------------- */

static void iterators_on_empty_arrays_and_null_outputs(void **state)
{
	unsigned long n = 0;
	int idx;
	u64 i;

	(void)state;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		n++;
	for_each_free_mem_range_reverse(i, MAX_NUMNODES + 7, 0x7f, NULL, NULL, NULL)
		n++;
	for_each_reserved_mem_range(i, NULL, NULL)
		n++;
	for_each_mem_pfn_range(idx, -5, NULL, NULL, NULL)
		n++;
	assert_int_equal(n, 0);

	assert_int_equal(memblock_add(WIN_BASE, SZ_8K), 0);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		n++;
	for_each_mem_pfn_range(idx, MAX_NUMNODES, NULL, NULL, NULL)
		n++;
	assert_int_equal(n, 2);
}

static void validate_type_names_each_broken_rule(void **state)
{
	struct memblock_region r[4] = { { 0 } };
	struct memblock_type t = { 2, 4, 0, r, "t" };
	const char *why = NULL;

	(void)state;
	r[0].base = 0x1000;
	r[0].size = 0x1000;
	r[1].base = 0x1800;	/* overlaps r[0] */
	r[1].size = 0x1000;
	t.total_size = 0x2000;
	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL);
	assert_non_null(why);

	r[1].base = 0x3000;
	r[1].size = 0;
	t.total_size = 0x1000;
	assert_int_equal(memblock_validate_type(&t, NULL), -EINVAL);

	r[1].size = 0x1000;
	t.total_size = 0x1234;
	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL);

	t.total_size = 0x2000;
	t.cnt = 5;
	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL);

	t.cnt = 2;
	assert_int_equal(memblock_validate_type(&t, &why), 0);
	r[1].base = 0x2000;	/* touching, equal flags and node */
	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL);

	t.cnt = 0;
	t.total_size = 0;
	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL); /* slot 0 */
	t.max = 0;
	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL);
	t.max = 4;
	t.regions = NULL;
	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL);
}

static void kho_scratch_page_init_changes_nothing(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_8K), 0);
	assert_int_equal(memblock_mark_kho_scratch(WIN_BASE, SZ_4K), 0);
	assert_unchanged(memmap_init_kho_scratch_pages());
}

static void dump_without_debug_prints_nothing(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_8K), 0);
	test_log_clear();
	memblock_dump_all();
	assert_string_equal(test_log(), "");
}

static void free_all_of_nothing_hands_over_nothing(void **state)
{
	(void)state;
	assert_int_equal(memblock_free_all_count(), 0);
	assert_int_equal(test_nr_handoffs, 0);
	/* Memory below one whole page gives no page either. */
	assert_int_equal(memblock_add(WIN_BASE + 1, PAGE_SIZE), 0);
	assert_int_equal(memblock_free_all_count(), 0);
	assert_int_equal(test_nr_handoffs, 0);
}

static void reset_restores_program_start(void **state)
{
	(void)state;
	window_memory();
	memblock_set_bottom_up(true);
	memblock_set_current_limit(WIN_BASE);
	memblock_allow_resize();
	memblock_reset();
	assert_int_equal(memblock.memory.cnt, 0);
	assert_false(memblock_bottom_up());
	assert_int_equal(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
	/* Growth is disallowed again. */
	fill_memory(INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_int_equal(memblock_add(WIN_END - SZ_4K, SZ_4K), -ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(add_size_0_is_a_noop),
		MB_TEST(overflowing_ranges_are_capped_at_the_top),
		MB_TEST(add_to_a_full_array_is_enomem_and_unchanged),
		MB_TEST(add_of_covered_range_to_a_full_array_succeeds),
		MB_TEST(add_node_with_an_invalid_node),
		MB_TEST(add_node_accepts_no_node_and_max_numnodes),
		MB_TEST(remove_and_free_of_unmapped_ranges_are_noops),
		MB_TEST(remove_on_a_nearly_full_array_is_enomem_and_unchanged),
		MB_TEST(reserve_and_free_on_full_arrays_are_enomem_and_unchanged),
		MB_TEST(free_null_is_a_noop),
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		MB_TEST(physmem_add_on_a_full_array_is_enomem),
#endif
		MB_TEST(trim_with_a_bad_alignment_is_a_noop),
		MB_TEST(trim_with_a_huge_alignment_removes_everything),
		MB_TEST(marks_of_size_0_or_of_no_region_are_noops),
		MB_TEST(marks_on_nearly_full_arrays_are_enomem_and_unchanged),
		MB_TEST(mark_mirror_without_mirrored_kernelcore_is_a_noop),
		MB_TEST(set_node_with_an_invalid_node),
		MB_TEST(set_node_on_a_nearly_full_array),
		MB_TEST(non_power_of_two_alignment_fails_unchanged),
		MB_TEST(alignment_0_means_smp_cache_bytes),
		MB_TEST(size_0_allocation_returns_an_address_and_reserves_nothing),
		MB_TEST(allocation_without_room_fails_unchanged),
		MB_TEST(alignment_rounding_past_the_top_fails_unchanged),
		MB_TEST(allocation_with_a_full_reserved_array_fails_unchanged),
		MB_TEST(allocation_with_a_limit_of_0_fails_unchanged),
		MB_TEST(allocation_with_an_invalid_node_uses_any_node),
		MB_TEST(exact_node_allocation_without_memory_on_it_fails),
		MB_TEST(alloc_or_panic_panics_when_nothing_fits),
		MB_TEST(growth_finding_no_room_is_enomem_and_unchanged),
		MB_TEST(ensure_capacity_without_resize_is_enomem),
		MB_TEST(queries_on_empty_memblock),
		MB_TEST(overlap_queries_with_size_0_use_the_plain_predicate),
		MB_TEST(is_region_memory_with_size_0_and_overflow),
		MB_TEST(estimated_free_pages_clamp_at_0),
		MB_TEST(reserved_kern_size_below_everything_is_0),
		MB_TEST(limits_of_0_are_noops),
		MB_TEST(limits_above_all_memory_are_noops),
		MB_TEST(limits_on_nearly_full_arrays_leave_them_unchanged),
		MB_TEST(iterators_on_empty_arrays_and_null_outputs),
		MB_TEST(validate_type_names_each_broken_rule),
		MB_TEST(kho_scratch_page_init_changes_nothing),
		MB_TEST(dump_without_debug_prints_nothing),
		MB_TEST(free_all_of_nothing_hands_over_nothing),
		MB_TEST(reset_restores_program_start),
	};

	return MB_RUN("contract", tests);
}
