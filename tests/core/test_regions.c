// SPDX-License-Identifier: MIT
/*
 * test_regions.c - registering, reserving, removing, freeing, trimming,
 * marking and node-setting ranges (src/regions.c).
 *
 * Nothing here allocates, so the ranges may lie anywhere in the address
 * space; each test arranges a map, acts once and checks the whole result.
 */
#include "core_helpers.h"

/* --- memblock_add / memblock_add_node -------------------------------------- */

static void add_to_empty_memory_fills_slot_zero_with_node_max_numnodes(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1G, SZ_16M), 0);

	assert_type(MEM, 1, SZ_16M);
	assert_rgn(MEM, 0, SZ_1G, SZ_16M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_empty(RSV);
}

static void add_node_stores_the_node_and_flags_given(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_16M, 1, MEMBLOCK_HOTPLUG), 0);

	assert_type(MEM, 1, SZ_16M);
	assert_rgn(MEM, 0, SZ_1M, SZ_16M, MEMBLOCK_HOTPLUG, 1);
}

static void add_disjoint_ranges_keeps_them_sorted_by_base(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_512M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_256M, SZ_2M), 0);

	assert_type(MEM, 2, SZ_1M + SZ_2M);
	assert_region(MEM, 0, SZ_256M, SZ_2M);
	assert_region(MEM, 1, SZ_512M, SZ_1M);
}

static void add_overlapping_the_bottom_of_a_region_merges_into_one(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_512M, SZ_1G), 0);
	assert_int_equal(memblock_add(SZ_256M, SZ_512M), 0);

	assert_type(MEM, 1, SZ_1G + SZ_256M);
	assert_rgn(MEM, 0, SZ_256M, SZ_1G + SZ_256M, MEMBLOCK_NONE, MAX_NUMNODES);
}

static void add_overlapping_the_top_of_a_region_merges_into_one(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_128M, SZ_512M), 0);
	assert_int_equal(memblock_add(SZ_256M + SZ_128M, SZ_1G), 0);

	assert_type(MEM, 1, SZ_1G + SZ_256M);
	assert_region(MEM, 0, SZ_128M, SZ_1G + SZ_256M);
}

static void add_within_a_region_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_8M, SZ_32M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_add(SZ_16M, SZ_1M), 0);

	assert_snapshot_unchanged(&snap);
	assert_type(MEM, 1, SZ_32M);
}

static void add_the_same_range_twice_counts_it_once(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_16K, SZ_2M), 0);
	assert_int_equal(memblock_add(SZ_16K, SZ_2M), 0);

	assert_type(MEM, 1, SZ_2M);
	assert_region(MEM, 0, SZ_16K, SZ_2M);
}

static void add_between_two_regions_merges_all_three(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1G, SZ_8K), 0);
	assert_int_equal(memblock_add(SZ_1G + SZ_16K, SZ_8K), 0);
	assert_int_equal(memblock_add(SZ_1G + SZ_8K, SZ_8K), 0);

	assert_type(MEM, 1, 3 * SZ_8K);
	assert_region(MEM, 0, SZ_1G, 3 * SZ_8K);
}

/*
 * A one-byte gap keeps two regions apart; the byte itself joins them.
 * Shared by memory (memblock_add) and reserved (memblock_reserve).
 */
static void check_one_byte_gap(int (*add)(phys_addr_t, phys_addr_t),
			       struct memblock_type *type, int nid)
{
	const phys_addr_t x = SZ_1G;

	assert_int_equal(add(x, SZ_4K), 0);
	assert_int_equal(add(x + SZ_4K + 1, SZ_4K - 1), 0);

	assert_type(type, 2, 2 * SZ_4K - 1);
	assert_rgn(type, 0, x, SZ_4K, MEMBLOCK_NONE, nid);
	assert_rgn(type, 1, x + SZ_4K + 1, SZ_4K - 1, MEMBLOCK_NONE, nid);

	assert_int_equal(add(x + SZ_4K, 1), 0);

	assert_type(type, 1, 2 * SZ_4K);
	assert_rgn(type, 0, x, 2 * SZ_4K, MEMBLOCK_NONE, nid);
}

static void add_across_a_one_byte_gap_does_not_merge_until_the_byte_is_added(void **state)
{
	(void)state;
	check_one_byte_gap(memblock_add, MEM, MAX_NUMNODES);
}

static void add_covering_several_regions_fills_every_gap(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_16M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_32M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_64M), 0);

	assert_type(MEM, 1, SZ_64M);
	assert_region(MEM, 0, SZ_8M, SZ_64M);
}

static void add_over_a_flagged_region_keeps_its_flags_and_node(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_8M + SZ_2M, SZ_2M, 3, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_8M), 0);

	assert_type(MEM, 3, SZ_8M);
	assert_rgn(MEM, 0, SZ_8M, SZ_2M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_8M + SZ_2M, SZ_2M, MEMBLOCK_HOTPLUG, 3);
	assert_rgn(MEM, 2, SZ_8M + SZ_4M, SZ_4M, MEMBLOCK_NONE, MAX_NUMNODES);
}

static void add_touching_a_region_with_other_flags_does_not_merge(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, MAX_NUMNODES, MEMBLOCK_NOMAP), 0);

	assert_type(MEM, 2, SZ_2M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_2M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
}

static void add_touching_a_region_of_another_node_merges_only_without_numa(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, 1, MEMBLOCK_NONE), 0);

#ifdef CONFIG_NUMA
	assert_type(MEM, 2, SZ_2M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_NONE, 0);
	assert_rgn(MEM, 1, SZ_2M, SZ_1M, MEMBLOCK_NONE, 1);
#else
	assert_type(MEM, 1, SZ_2M);
	assert_region(MEM, 0, SZ_1M, SZ_2M);
#endif
}

static void add_next_to_add_node_with_no_node_merges_only_without_numa(void **state)
{
	(void)state;
	/* memblock_add() records MAX_NUMNODES, which is not NUMA_NO_NODE. */
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, NUMA_NO_NODE, MEMBLOCK_NONE), 0);

#ifdef CONFIG_NUMA
	assert_type(MEM, 2, SZ_2M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_2M, SZ_1M, MEMBLOCK_NONE, NUMA_NO_NODE);
#else
	assert_type(MEM, 1, SZ_2M);
#endif
}

static void add_near_phys_addr_max_is_capped_below_the_last_byte(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - SZ_1M, SZ_2M), 0);

	assert_type(MEM, 1, SZ_1M);
	assert_region(MEM, 0, PHYS_ADDR_MAX - SZ_1M, SZ_1M);
}

static void add_of_size_zero_does_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_add(SZ_8M, 0), 0);
	assert_int_equal(memblock_add_node(SZ_8M, 0, 0, MEMBLOCK_HOTPLUG), 0);

	assert_snapshot_unchanged(&snap);
}

/*
 * An array whose slot 0 is empty is empty, whatever cnt says (a table set
 * up by hand as Linux's static ones once were, with cnt 1): the range
 * becomes region 0 and cnt and total_size start afresh.
 */
static void add_to_an_array_with_an_empty_slot_zero_starts_it_afresh(void **state)
{
	(void)state;
	memblock.memory.cnt = 1;
	memblock.memory.total_size = SZ_4K;

	assert_int_equal(memblock_add(SZ_1G, SZ_1M), 0);

	assert_type(MEM, 1, SZ_1M);
	assert_rgn(MEM, 0, SZ_1G, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
}

#ifdef CONFIG_NUMA
static void add_node_with_a_node_out_of_range_is_einval_and_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_add_node(SZ_8M, SZ_1M, MAX_NUMNODES + 1, 0), -EINVAL);
	assert_int_equal(memblock_add_node(SZ_8M, SZ_1M, NUMA_NO_NODE - 1, 0), -EINVAL);

	assert_snapshot_unchanged(&snap);
}

static void add_node_accepts_no_node_and_max_numnodes(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, NUMA_NO_NODE, 0), 0);
	assert_int_equal(memblock_add_node(SZ_4M, SZ_1M, MAX_NUMNODES, 0), 0);
	assert_int_equal(memblock_add_node(SZ_8M, SZ_1M, MAX_NUMNODES - 1, 0), 0);

	assert_type(MEM, 3, 3 * SZ_1M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, 0, NUMA_NO_NODE);
	assert_rgn(MEM, 1, SZ_4M, SZ_1M, 0, MAX_NUMNODES);
	assert_rgn(MEM, 2, SZ_8M, SZ_1M, 0, MAX_NUMNODES - 1);
}
#endif

/* --- reservations ------------------------------------------------------------ */

static void reserve_records_no_node_and_no_flags(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve((SZ_1G + SZ_512M), SZ_128M), 0);

	assert_type(RSV, 1, SZ_128M);
	assert_rgn(RSV, 0, (SZ_1G + SZ_512M), SZ_128M, MEMBLOCK_NONE, NUMA_NO_NODE);
	assert_empty(MEM);
}

static void reserve_kern_records_rsrv_kern(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve_kern(SZ_16M, SZ_1M), 0);

	assert_type(RSV, 1, SZ_1M);
	assert_rgn(RSV, 0, SZ_16M, SZ_1M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void __memblock_reserve_stores_the_node_and_flags_given(void **state)
{
	(void)state;
	assert_int_equal(__memblock_reserve(SZ_16M, SZ_1M, 2, MEMBLOCK_RSRV_NOINIT), 0);

	assert_type(RSV, 1, SZ_1M);
	assert_rgn(RSV, 0, SZ_16M, SZ_1M, MEMBLOCK_RSRV_NOINIT, 2);
}

static void reserve_overlapping_the_bottom_of_a_reservation_merges(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_2K, SZ_128K), 0);
	assert_int_equal(memblock_reserve(SZ_128K, SZ_128K), 0);

	assert_type(RSV, 1, SZ_256K - SZ_2K);
	assert_region(RSV, 0, SZ_2K, SZ_256K - SZ_2K);
}

static void reserve_overlapping_the_top_of_a_reservation_merges(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1G, SZ_1G), 0);
	assert_int_equal(memblock_reserve(SZ_512M, SZ_1G), 0);

	assert_type(RSV, 1, SZ_1G + SZ_512M);
	assert_region(RSV, 0, SZ_512M, SZ_1G + SZ_512M);
}

static void reserve_within_a_reservation_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_8M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_reserve(SZ_2M, SZ_1M), 0);

	assert_snapshot_unchanged(&snap);
}

static void reserve_between_two_reservations_merges_all_three(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(SZ_4M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(SZ_2M, SZ_2M), 0);

	assert_type(RSV, 1, SZ_4M);
	assert_region(RSV, 0, SZ_1M, SZ_4M);
}

/* The same for reservations: one byte apart stays apart, touching merges. */
static void reserve_across_a_one_byte_gap_does_not_merge_until_the_byte_is_reserved(void **state)
{
	(void)state;
	check_one_byte_gap(memblock_reserve, RSV, NUMA_NO_NODE);
}

static void reserve_touching_a_kernel_reservation_does_not_merge(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve_kern(SZ_2M, SZ_1M), 0);

	assert_type(RSV, 2, SZ_2M);
	assert_rgn(RSV, 0, SZ_1M, SZ_1M, MEMBLOCK_NONE, NUMA_NO_NODE);
	assert_rgn(RSV, 1, SZ_2M, SZ_1M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void reserve_kern_touching_reserve_kern_merges(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve_kern(SZ_2M, SZ_1M), 0);
	assert_int_equal(memblock_reserve_kern(SZ_1M, SZ_1M), 0);

	assert_type(RSV, 1, SZ_2M);
	assert_rgn(RSV, 0, SZ_1M, SZ_2M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void reserve_near_phys_addr_max_is_capped_below_the_last_byte(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(PHYS_ADDR_MAX - SZ_1M, SZ_2M), 0);

	assert_type(RSV, 1, SZ_1M);
	assert_region(RSV, 0, PHYS_ADDR_MAX - SZ_1M, SZ_1M);
}

static void reserve_of_size_zero_does_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_reserve(SZ_1M, 0), 0);
	assert_int_equal(memblock_reserve_kern(SZ_1M, 0), 0);

	assert_snapshot_unchanged(&snap);
}

#ifdef CONFIG_NUMA
static void __memblock_reserve_with_a_node_out_of_range_is_einval(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(__memblock_reserve(SZ_8M, SZ_1M, MAX_NUMNODES + 1, 0), -EINVAL);
	assert_int_equal(__memblock_reserve(SZ_8M, SZ_1M, -2, 0), -EINVAL);

	assert_snapshot_unchanged(&snap);
}
#endif

/* --- memblock_remove ------------------------------------------------------- */

static void remove_the_only_region_leaves_an_empty_zeroed_array(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_2M, SZ_4M, 0, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_remove(SZ_2M, SZ_4M), 0);

	assert_empty(MEM);
	assert_region_nid(MEM, 0, MAX_NUMNODES);
}

static void remove_overlapping_the_bottom_keeps_the_upper_part(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_32M, SZ_32M), 0);
	assert_int_equal(memblock_remove(SZ_16M, SZ_32M), 0);

	assert_type(MEM, 1, SZ_16M);
	assert_region(MEM, 0, SZ_32M + SZ_16M, SZ_16M);
}

static void remove_overlapping_the_top_keeps_the_lower_part(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_32M, SZ_32M), 0);
	assert_int_equal(memblock_remove(SZ_32M + SZ_16M, SZ_32M), 0);

	assert_type(MEM, 1, SZ_16M);
	assert_region(MEM, 0, SZ_32M, SZ_16M);
}

static void remove_within_a_region_splits_it_keeping_flags_and_node(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_32M, 1, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_remove(SZ_16M, SZ_1M), 0);

	assert_type(MEM, 2, SZ_32M - SZ_1M);
	assert_rgn(MEM, 0, SZ_1M, SZ_16M - SZ_1M, MEMBLOCK_HOTPLUG, 1);
	assert_rgn(MEM, 1, SZ_16M + SZ_1M, SZ_16M, MEMBLOCK_HOTPLUG, 1);
}

static void remove_across_two_regions_trims_both(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_16M, SZ_32M), 0);
	assert_int_equal(memblock_add(SZ_64M, SZ_64M), 0);
	assert_int_equal(memblock_remove(SZ_32M, SZ_64M), 0);

	assert_type(MEM, 2, SZ_16M + SZ_32M);
	assert_region(MEM, 0, SZ_16M, SZ_16M);
	assert_region(MEM, 1, SZ_64M + SZ_32M, SZ_32M);
}

static void remove_covering_a_region_and_its_neighbours_deletes_only_what_it_covers(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_1M), 0);
	assert_int_equal(memblock_remove(SZ_2M + SZ_1M, SZ_4M), 0);

	assert_type(MEM, 2, SZ_2M);
	assert_region(MEM, 0, SZ_1M, SZ_1M);
	assert_region(MEM, 1, SZ_8M, SZ_1M);
}

static void remove_of_a_range_that_is_not_memory_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_remove(SZ_2M, SZ_4M), 0);

	assert_snapshot_unchanged(&snap);
}

static void remove_near_phys_addr_max_is_capped(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - SZ_2M, SZ_2M), 0);
	assert_int_equal(memblock_remove(PHYS_ADDR_MAX - SZ_1M, SZ_2M), 0);

	assert_type(MEM, 1, SZ_1M);
	assert_region(MEM, 0, PHYS_ADDR_MAX - SZ_2M, SZ_1M);
}

static void remove_leaves_reservations_alone(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_reserve(SZ_2M, SZ_1M), 0);
	assert_int_equal(memblock_remove(SZ_1M, SZ_8M), 0);

	assert_empty(MEM);
	assert_type(RSV, 1, SZ_1M);
	assert_region(RSV, 0, SZ_2M, SZ_1M);
}

static void remove_of_size_zero_does_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_remove(SZ_1M, 0), 0);

	assert_snapshot_unchanged(&snap);
}

/* --- freeing ----------------------------------------------------------------- */

static void phys_free_within_a_reservation_splits_it(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve_kern(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_phys_free(SZ_4M, SZ_1M), 0);

	assert_type(RSV, 2, SZ_8M - SZ_1M);
	assert_rgn(RSV, 0, SZ_1M, SZ_4M - SZ_1M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
	assert_rgn(RSV, 1, SZ_4M + SZ_1M, SZ_4M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void phys_free_of_the_only_reservation_empties_reserved(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_4M, SZ_4M), 0);
	assert_int_equal(memblock_phys_free(SZ_4M, SZ_4M), 0);

	assert_empty(RSV);
}

static void phys_free_across_two_reservations_trims_both(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_2M), 0);
	assert_int_equal(memblock_reserve(SZ_8M, SZ_2M), 0);
	assert_int_equal(memblock_phys_free(SZ_2M, SZ_8M - SZ_1M), 0);

	assert_type(RSV, 2, SZ_2M);
	assert_region(RSV, 0, SZ_1M, SZ_1M);
	assert_region(RSV, 1, SZ_8M + SZ_1M, SZ_1M);
}

static void phys_free_leaves_memory_alone(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_reserve(SZ_2M, SZ_1M), 0);
	assert_int_equal(memblock_phys_free(SZ_1M, SZ_8M), 0);

	assert_empty(RSV);
	assert_type(MEM, 1, SZ_8M);
	assert_region(MEM, 0, SZ_1M, SZ_8M);
}

static void phys_free_near_phys_addr_max_is_capped(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(PHYS_ADDR_MAX - SZ_2M, SZ_2M), 0);
	assert_int_equal(memblock_phys_free(PHYS_ADDR_MAX - SZ_1M, SZ_2M), 0);

	assert_type(RSV, 1, SZ_1M);
	assert_region(RSV, 0, PHYS_ADDR_MAX - SZ_2M, SZ_1M);
}

static void phys_free_of_address_zero_really_frees_address_zero(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(0, SZ_4K), 0);
	assert_int_equal(memblock_phys_free(0, SZ_4K), 0);

	assert_empty(RSV);
}

static void free_of_a_pointer_releases_its_physical_range(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(WIN_BASE + SZ_1M, SZ_8M), 0);
	memblock_free(test_phys_to_virt(WIN_BASE + SZ_4M), SZ_1M);

	assert_type(RSV, 2, SZ_8M - SZ_1M);
	assert_region(RSV, 0, WIN_BASE + SZ_1M, SZ_4M - SZ_1M);
	assert_region(RSV, 1, WIN_BASE + SZ_4M + SZ_1M, SZ_4M);
}

static void free_of_null_does_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_reserve(0, SZ_1M), 0);
	mb_snapshot_take(&snap);

	memblock_free(NULL, SZ_1M);

	assert_snapshot_unchanged(&snap);
}

static void phys_free_of_size_zero_does_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_phys_free(SZ_1M, 0), 0);

	assert_snapshot_unchanged(&snap);
}

/* --- physmem ----------------------------------------------------------------- */

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static void physmem_add_records_max_numnodes_and_leaves_memory_alone(void **state)
{
	(void)state;
	assert_int_equal(memblock_physmem_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_physmem_add(SZ_2M, SZ_1M), 0);

	assert_type(&physmem, 1, SZ_2M);
	assert_rgn(&physmem, 0, SZ_1M, SZ_2M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_empty(MEM);
	assert_empty(RSV);
}

static void physmem_keeps_memory_removed_from_memblock_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_physmem_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_remove(SZ_2M, SZ_4M), 0);

	assert_type(&physmem, 1, SZ_8M);
	assert_type(MEM, 2, SZ_4M);
}
#endif

/* --- memblock_trim_memory ----------------------------------------------------- */

static void trim_rounds_the_base_up_and_the_end_down(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M + 130, 62), 0);
	memblock_trim_memory(32);

	assert_type(MEM, 1, 32);
	assert_region(MEM, 0, SZ_1M + 160, 32);
}

static void trim_removes_a_region_smaller_than_the_alignment(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M + 32, 64), 0);
	assert_int_equal(memblock_add(SZ_1M + 128, 30), 0);
	memblock_trim_memory(32);

	assert_type(MEM, 1, 64);
	assert_region(MEM, 0, SZ_1M + 32, 64);
}

static void trim_removes_every_region_that_becomes_empty(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M + 1, SZ_4K), 0);
	assert_int_equal(memblock_add(SZ_2M + 1, SZ_4K), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_8K + 1), 0);
	memblock_trim_memory(SZ_8K);

	assert_type(MEM, 1, SZ_8K);
	assert_region(MEM, 0, SZ_4M, SZ_8K);
}

static void trim_keeps_aligned_regions_and_their_flags(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	memblock_trim_memory(SZ_4K);

	assert_snapshot_unchanged(&snap);
}

static void trim_with_alignment_zero_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M + 130, 62), 0);
	mb_snapshot_take(&snap);

	memblock_trim_memory(0);

	assert_snapshot_unchanged(&snap);
}

static void trim_with_alignment_not_a_power_of_two_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M + 130, 62), 0);
	mb_snapshot_take(&snap);

	memblock_trim_memory(48);

	assert_snapshot_unchanged(&snap);
}

/* --- flags ------------------------------------------------------------------- */

static void mark_hotplug_inside_a_region_splits_it_in_three(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_mark_hotplug(SZ_2M, SZ_1M), 0);

	assert_type(MEM, 3, SZ_8M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_2M, SZ_1M, MEMBLOCK_HOTPLUG, MAX_NUMNODES);
	assert_rgn(MEM, 2, SZ_2M + SZ_1M, SZ_8M - SZ_2M, MEMBLOCK_NONE, MAX_NUMNODES);
}

static void mark_nomap_of_a_whole_region_does_not_split(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_1M), 0);
	assert_int_equal(memblock_mark_nomap(SZ_4M, SZ_1M), 0);

	assert_type(MEM, 2, SZ_2M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_4M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
}

static void clear_hotplug_merges_the_pieces_back(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_mark_hotplug(SZ_2M, SZ_1M), 0);
	assert_int_equal(memblock_clear_hotplug(SZ_2M, SZ_1M), 0);

	assert_type(MEM, 1, SZ_8M);
	assert_rgn(MEM, 0, SZ_1M, SZ_8M, MEMBLOCK_NONE, MAX_NUMNODES);
}

static void clear_nomap_keeps_other_flags(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0,
					   MEMBLOCK_NOMAP | MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_clear_nomap(SZ_1M, SZ_1M), 0);

	assert_type(MEM, 1, SZ_1M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_HOTPLUG, 0);
}

static void mark_over_a_hole_flags_only_existing_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_4M, SZ_1M), 0);
	assert_int_equal(memblock_mark_nomap(0, SZ_8M), 0);

	assert_type(MEM, 2, SZ_2M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_4M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
	assert_empty(RSV);
}

static void mark_across_touching_regions_merges_those_that_become_equal(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, MAX_NUMNODES, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_mark_hotplug(SZ_1M, SZ_1M), 0);

	assert_type(MEM, 1, SZ_2M);
	assert_rgn(MEM, 0, SZ_1M, SZ_2M, MEMBLOCK_HOTPLUG, MAX_NUMNODES);
}

/* Flag edits never bridge a one-byte gap: both regions flagged, still two. */
static void mark_over_regions_one_byte_apart_keeps_them_apart(void **state)
{
	const phys_addr_t x = SZ_1G;

	(void)state;
	assert_int_equal(memblock_add(x, SZ_4K), 0);
	assert_int_equal(memblock_add(x + SZ_4K + 1, SZ_4K - 1), 0);

	assert_int_equal(memblock_mark_hotplug(x, 2 * SZ_4K), 0);

	assert_type(MEM, 2, 2 * SZ_4K - 1);
	assert_rgn(MEM, 0, x, SZ_4K, MEMBLOCK_HOTPLUG, MAX_NUMNODES);
	assert_rgn(MEM, 1, x + SZ_4K + 1, SZ_4K - 1, MEMBLOCK_HOTPLUG, MAX_NUMNODES);

	assert_int_equal(memblock_clear_hotplug(x, 2 * SZ_4K), 0);

	assert_type(MEM, 2, 2 * SZ_4K - 1);
	assert_rgn(MEM, 0, x, SZ_4K, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_rgn(MEM, 1, x + SZ_4K + 1, SZ_4K - 1, MEMBLOCK_NONE, MAX_NUMNODES);
}

/* The same flag edit over regions that touch exactly joins them. */
/*
 * A mark that makes a region joinable with the one below joins them, and
 * the region after them, which stays apart, moves down into the freed slot.
 */
static void mark_that_joins_two_regions_moves_the_next_one_down(void **state)
{
	const phys_addr_t x = SZ_1G;

	(void)state;
	assert_int_equal(memblock_add_node(x, SZ_4K, 0, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(memblock_add_node(x + SZ_4K, SZ_4K, 0, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_add_node(x + SZ_8K, SZ_4K, 0, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add_node(x + SZ_16K, SZ_4K, 0, MEMBLOCK_NONE), 0);

	assert_int_equal(memblock_mark_hotplug(x + SZ_4K, SZ_4K), 0);

	assert_type(MEM, 3, 4 * SZ_4K);
	assert_rgn(MEM, 0, x, SZ_8K, MEMBLOCK_HOTPLUG, 0);
	assert_rgn(MEM, 1, x + SZ_8K, SZ_4K, MEMBLOCK_NOMAP, 0);
	assert_rgn(MEM, 2, x + SZ_16K, SZ_4K, MEMBLOCK_NONE, 0);
}

static void mark_over_touching_regions_with_equal_flags_joins_them(void **state)
{
	const phys_addr_t x = SZ_1G;

	(void)state;
	assert_int_equal(memblock_add(x, SZ_4K), 0);
	assert_int_equal(memblock_add_node(x + SZ_4K, SZ_4K, MAX_NUMNODES, MEMBLOCK_NOMAP), 0);
	assert_type(MEM, 2, 2 * SZ_4K);

	assert_int_equal(memblock_mark_nomap(x, SZ_4K), 0);

	assert_type(MEM, 1, 2 * SZ_4K);
	assert_rgn(MEM, 0, x, 2 * SZ_4K, MEMBLOCK_NOMAP, MAX_NUMNODES);
}

static void mark_mirror_without_mirrored_kernelcore_does_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_mark_mirror(SZ_1M, SZ_1M), 0);

	assert_snapshot_unchanged(&snap);
	assert_false(memblock_has_mirror());
}

static void mark_mirror_with_mirrored_kernelcore_flags_and_sets_has_mirror(void **state)
{
	(void)state;
	mirrored_kernelcore = true;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_mark_mirror(SZ_1M, SZ_1M), 0);

	assert_true(memblock_has_mirror());
	assert_type(MEM, 2, SZ_8M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, MEMBLOCK_MIRROR, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_2M, SZ_8M - SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
}

static void mark_and_clear_kho_scratch_round_trip(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_mark_kho_scratch(SZ_4M, SZ_4M), 0);

	assert_type(MEM, 3, SZ_8M);
	assert_rgn(MEM, 1, SZ_4M, SZ_4M, MEMBLOCK_KHO_SCRATCH, MAX_NUMNODES);

	assert_int_equal(memblock_clear_kho_scratch(SZ_4M, SZ_4M), 0);
	assert_type(MEM, 1, SZ_8M);
	assert_rgn(MEM, 0, SZ_1M, SZ_8M, MEMBLOCK_NONE, MAX_NUMNODES);
}

static void reserved_mark_noinit_splits_the_reservation(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_reserved_mark_noinit(SZ_2M, SZ_1M), 0);

	assert_type(RSV, 3, SZ_4M);
	assert_rgn(RSV, 0, SZ_1M, SZ_1M, MEMBLOCK_NONE, NUMA_NO_NODE);
	assert_rgn(RSV, 1, SZ_2M, SZ_1M, MEMBLOCK_RSRV_NOINIT, NUMA_NO_NODE);
	assert_rgn(RSV, 2, SZ_2M + SZ_1M, SZ_2M, MEMBLOCK_NONE, NUMA_NO_NODE);
	assert_empty(MEM);
}

static void reserved_mark_kern_merges_with_a_kernel_neighbour(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve_kern(SZ_2M, SZ_1M), 0);
	assert_int_equal(memblock_reserved_mark_kern(SZ_1M, SZ_1M), 0);

	assert_type(RSV, 1, SZ_2M);
	assert_rgn(RSV, 0, SZ_1M, SZ_2M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void memory_marks_leave_reservations_alone(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_mark_nomap(SZ_1M, SZ_4M), 0);

	assert_rgn(MEM, 0, SZ_1M, SZ_4M, MEMBLOCK_NOMAP, MAX_NUMNODES);
	assert_rgn(RSV, 0, SZ_1M, SZ_4M, MEMBLOCK_NONE, NUMA_NO_NODE);
}

static void marks_of_size_zero_do_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(SZ_1M, SZ_4M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_mark_hotplug(SZ_2M, 0), 0);
	assert_int_equal(memblock_mark_nomap(SZ_2M, 0), 0);
	assert_int_equal(memblock_mark_kho_scratch(SZ_2M, 0), 0);
	assert_int_equal(memblock_reserved_mark_noinit(SZ_2M, 0), 0);
	assert_int_equal(memblock_set_node(SZ_2M, 0, MEM, 0), 0);

	assert_snapshot_unchanged(&snap);
}

/* --- memblock_set_node ------------------------------------------------------- */

#ifdef CONFIG_NUMA
static void set_node_splits_the_region_and_sets_the_node_inside(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	assert_int_equal(memblock_set_node(SZ_2M, SZ_2M, MEM, 3), 0);

	assert_type(MEM, 3, SZ_8M);
	assert_rgn(MEM, 0, SZ_1M, SZ_1M, 0, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_2M, SZ_2M, 0, 3);
	assert_rgn(MEM, 2, SZ_4M, SZ_4M + SZ_1M, 0, MAX_NUMNODES);
}

static void set_node_merges_neighbours_that_end_up_on_one_node(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0, 0), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, 1, 0), 0);
	assert_int_equal(memblock_set_node(SZ_2M, SZ_1M, MEM, 0), 0);

	assert_type(MEM, 1, SZ_2M);
	assert_rgn(MEM, 0, SZ_1M, SZ_2M, 0, 0);
}

static void set_node_on_reserved_sets_the_node_of_reservations(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(SZ_1M, SZ_2M), 0);
	assert_int_equal(memblock_set_node(0, SZ_2M, RSV, 5), 0);

	assert_type(RSV, 2, SZ_2M);
	assert_rgn(RSV, 0, SZ_1M, SZ_1M, 0, 5);
	assert_rgn(RSV, 1, SZ_2M, SZ_1M, 0, NUMA_NO_NODE);
}

static void set_node_with_a_node_out_of_range_is_einval(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_set_node(SZ_2M, SZ_1M, MEM, MAX_NUMNODES + 1), -EINVAL);
	assert_int_equal(memblock_set_node(SZ_2M, SZ_1M, MEM, -2), -EINVAL);

	assert_snapshot_unchanged(&snap);
}

/*
 * Reservations straddling a node boundary end up split, each part on the
 * node of the memory beneath it, once set_node has been applied per node.
 */
static void set_node_per_memory_node_splits_a_straddling_reservation(void **state)
{
	struct memblock_region *r;

	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_1M, 0, 0), 0);
	assert_int_equal(memblock_add_node(SZ_2M, SZ_1M, 1, 0), 0);
	assert_int_equal(memblock_reserve(SZ_1M + SZ_512K, SZ_1M), 0);

	for_each_mem_region(r)
		assert_int_equal(memblock_set_node(r->base, r->size, RSV,
						   memblock_get_region_node(r)), 0);

	assert_type(RSV, 2, SZ_1M);
	assert_rgn(RSV, 0, SZ_1M + SZ_512K, SZ_512K, 0, 0);
	assert_rgn(RSV, 1, SZ_2M, SZ_512K, 0, 1);
}
#else
static void set_node_does_nothing_without_numa(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_8M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_set_node(SZ_2M, SZ_1M, MEM, 3), 0);

	assert_snapshot_unchanged(&snap);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(add_to_empty_memory_fills_slot_zero_with_node_max_numnodes),
		MB_TEST(add_node_stores_the_node_and_flags_given),
		MB_TEST(add_disjoint_ranges_keeps_them_sorted_by_base),
		MB_TEST(add_overlapping_the_bottom_of_a_region_merges_into_one),
		MB_TEST(add_overlapping_the_top_of_a_region_merges_into_one),
		MB_TEST(add_within_a_region_changes_nothing),
		MB_TEST(add_the_same_range_twice_counts_it_once),
		MB_TEST(add_between_two_regions_merges_all_three),
		MB_TEST(add_across_a_one_byte_gap_does_not_merge_until_the_byte_is_added),
		MB_TEST(add_covering_several_regions_fills_every_gap),
		MB_TEST(add_over_a_flagged_region_keeps_its_flags_and_node),
		MB_TEST(add_touching_a_region_with_other_flags_does_not_merge),
		MB_TEST(add_touching_a_region_of_another_node_merges_only_without_numa),
		MB_TEST(add_next_to_add_node_with_no_node_merges_only_without_numa),
		MB_TEST(add_near_phys_addr_max_is_capped_below_the_last_byte),
		MB_TEST(add_of_size_zero_does_nothing),
		MB_TEST(add_to_an_array_with_an_empty_slot_zero_starts_it_afresh),
#ifdef CONFIG_NUMA
		MB_TEST(add_node_with_a_node_out_of_range_is_einval_and_changes_nothing),
		MB_TEST(add_node_accepts_no_node_and_max_numnodes),
#endif
		MB_TEST(reserve_records_no_node_and_no_flags),
		MB_TEST(reserve_kern_records_rsrv_kern),
		MB_TEST(__memblock_reserve_stores_the_node_and_flags_given),
		MB_TEST(reserve_overlapping_the_bottom_of_a_reservation_merges),
		MB_TEST(reserve_overlapping_the_top_of_a_reservation_merges),
		MB_TEST(reserve_within_a_reservation_changes_nothing),
		MB_TEST(reserve_between_two_reservations_merges_all_three),
		MB_TEST(reserve_across_a_one_byte_gap_does_not_merge_until_the_byte_is_reserved),
		MB_TEST(reserve_touching_a_kernel_reservation_does_not_merge),
		MB_TEST(reserve_kern_touching_reserve_kern_merges),
		MB_TEST(reserve_near_phys_addr_max_is_capped_below_the_last_byte),
		MB_TEST(reserve_of_size_zero_does_nothing),
#ifdef CONFIG_NUMA
		MB_TEST(__memblock_reserve_with_a_node_out_of_range_is_einval),
#endif
		MB_TEST(remove_the_only_region_leaves_an_empty_zeroed_array),
		MB_TEST(remove_overlapping_the_bottom_keeps_the_upper_part),
		MB_TEST(remove_overlapping_the_top_keeps_the_lower_part),
		MB_TEST(remove_within_a_region_splits_it_keeping_flags_and_node),
		MB_TEST(remove_across_two_regions_trims_both),
		MB_TEST(remove_covering_a_region_and_its_neighbours_deletes_only_what_it_covers),
		MB_TEST(remove_of_a_range_that_is_not_memory_changes_nothing),
		MB_TEST(remove_near_phys_addr_max_is_capped),
		MB_TEST(remove_leaves_reservations_alone),
		MB_TEST(remove_of_size_zero_does_nothing),
		MB_TEST(phys_free_within_a_reservation_splits_it),
		MB_TEST(phys_free_of_the_only_reservation_empties_reserved),
		MB_TEST(phys_free_across_two_reservations_trims_both),
		MB_TEST(phys_free_leaves_memory_alone),
		MB_TEST(phys_free_near_phys_addr_max_is_capped),
		MB_TEST(phys_free_of_address_zero_really_frees_address_zero),
		MB_TEST(free_of_a_pointer_releases_its_physical_range),
		MB_TEST(free_of_null_does_nothing),
		MB_TEST(phys_free_of_size_zero_does_nothing),
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		MB_TEST(physmem_add_records_max_numnodes_and_leaves_memory_alone),
		MB_TEST(physmem_keeps_memory_removed_from_memblock_memory),
#endif
		MB_TEST(trim_rounds_the_base_up_and_the_end_down),
		MB_TEST(trim_removes_a_region_smaller_than_the_alignment),
		MB_TEST(trim_removes_every_region_that_becomes_empty),
		MB_TEST(trim_keeps_aligned_regions_and_their_flags),
		MB_TEST(trim_with_alignment_zero_changes_nothing),
		MB_TEST(trim_with_alignment_not_a_power_of_two_changes_nothing),
		MB_TEST(mark_hotplug_inside_a_region_splits_it_in_three),
		MB_TEST(mark_nomap_of_a_whole_region_does_not_split),
		MB_TEST(clear_hotplug_merges_the_pieces_back),
		MB_TEST(clear_nomap_keeps_other_flags),
		MB_TEST(mark_over_a_hole_flags_only_existing_memory),
		MB_TEST(mark_across_touching_regions_merges_those_that_become_equal),
		MB_TEST(mark_over_regions_one_byte_apart_keeps_them_apart),
		MB_TEST(mark_over_touching_regions_with_equal_flags_joins_them),
		MB_TEST(mark_that_joins_two_regions_moves_the_next_one_down),
		MB_TEST(mark_mirror_without_mirrored_kernelcore_does_nothing),
		MB_TEST(mark_mirror_with_mirrored_kernelcore_flags_and_sets_has_mirror),
		MB_TEST(mark_and_clear_kho_scratch_round_trip),
		MB_TEST(reserved_mark_noinit_splits_the_reservation),
		MB_TEST(reserved_mark_kern_merges_with_a_kernel_neighbour),
		MB_TEST(memory_marks_leave_reservations_alone),
		MB_TEST(marks_of_size_zero_do_nothing),
#ifdef CONFIG_NUMA
		MB_TEST(set_node_splits_the_region_and_sets_the_node_inside),
		MB_TEST(set_node_merges_neighbours_that_end_up_on_one_node),
		MB_TEST(set_node_on_reserved_sets_the_node_of_reservations),
		MB_TEST(set_node_with_a_node_out_of_range_is_einval),
		MB_TEST(set_node_per_memory_node_splits_a_straddling_reservation),
#else
		MB_TEST(set_node_does_nothing_without_numa),
#endif
	};

	return MB_RUN("core/regions", tests);
}
