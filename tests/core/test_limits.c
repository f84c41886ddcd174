// SPDX-License-Identifier: MIT
/*
 * test_limits.c - the current limit, the direction switch, and cutting
 * memory down to a size or a window (src/limits.c, src/memblock.c).
 */
#include <string.h>

#include "core_helpers.h"

static void current_limit_starts_at_anywhere_and_is_a_plain_store(void **state)
{
	(void)state;
	assert_true(memblock_get_current_limit() == MEMBLOCK_ALLOC_ANYWHERE);
	assert_false(memblock_bottom_up());

	memblock_set_current_limit(SZ_16M);
	memblock_set_bottom_up(true);

	assert_int_equal(memblock_get_current_limit(), SZ_16M);
	assert_int_equal(memblock.current_limit, SZ_16M);
	assert_true(memblock_bottom_up());
}

static void enforce_memory_limit_keeps_the_lowest_bytes_of_memory_and_reserved(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(SZ_2M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(SZ_8M + SZ_1M, SZ_2M), 0);
	assert_int_equal(memblock_reserve(SZ_16M, SZ_1M), 0);

	memblock_enforce_memory_limit(SZ_4M + SZ_2M);

	assert_type(MEM, 2, SZ_4M + SZ_2M);
	assert_region(MEM, 0, SZ_1M, SZ_4M);
	assert_region(MEM, 1, SZ_8M, SZ_2M);
	assert_type(RSV, 2, SZ_2M);
	assert_region(RSV, 0, SZ_2M, SZ_1M);
	assert_region(RSV, 1, SZ_8M + SZ_1M, SZ_1M);
}

static void enforce_memory_limit_of_zero_or_beyond_memory_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(SZ_64M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	memblock_enforce_memory_limit(0);
	memblock_enforce_memory_limit(SZ_4M + 1);

	assert_snapshot_unchanged(&snap);
}

static void enforce_memory_limit_of_exactly_memory_still_cuts_reserved_above(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(SZ_64M, SZ_1M), 0);

	memblock_enforce_memory_limit(SZ_4M);

	assert_type(MEM, 1, SZ_4M);
	assert_empty(RSV);
}

static void cap_memory_range_keeps_the_window_and_nomap_outside_it(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_2M + SZ_1M, SZ_1M, MAX_NUMNODES, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_8M), 0);
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(SZ_8M + SZ_4M, SZ_8M), 0);

	memblock_cap_memory_range(SZ_8M + SZ_2M, SZ_4M);

	assert_type(MEM, 2, SZ_1M + SZ_4M);
	assert_rgn(MEM, 0, SZ_2M + SZ_1M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_8M + SZ_2M, SZ_4M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_type(RSV, 1, SZ_2M);
	assert_region(RSV, 0, SZ_8M + SZ_4M, SZ_2M);
}

static void cap_memory_range_missing_all_memory_keeps_only_nomap(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add_node(SZ_4M, SZ_1M, MAX_NUMNODES, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_1M), 0);

	memblock_cap_memory_range(SZ_64M, SZ_1M);

	assert_type(MEM, 1, SZ_1M);
	assert_rgn(MEM, 0, SZ_4M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
}

static void cap_memory_range_leaves_a_nomap_region_across_its_edge_whole(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(SZ_1M, SZ_4M, MAX_NUMNODES, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add(SZ_8M, SZ_1M), 0);

	memblock_cap_memory_range(SZ_2M, SZ_8M);

	assert_type(MEM, 2, SZ_4M + SZ_1M);
	assert_rgn(MEM, 0, SZ_1M, SZ_4M, MEMBLOCK_NOMAP, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_8M, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
}

static void cap_memory_range_of_size_zero_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(SZ_64M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	memblock_cap_memory_range(SZ_1M, 0);

	assert_snapshot_unchanged(&snap);
}

static void cap_memory_range_without_memory_only_warns(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_reserve(SZ_64M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	memblock_cap_memory_range(SZ_1M, SZ_1M);

	assert_snapshot_unchanged(&snap);
	assert_non_null(strstr(test_log(), "no memory to cap"));
}

static void mem_limit_remove_map_keeps_the_budget_and_nomap_above_it(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_add_node(SZ_8M, SZ_1M, MAX_NUMNODES, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add(SZ_16M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(SZ_16M, SZ_1M), 0);

	/* 4M of the first region, then 1M of the NOMAP one: the cut is at 9M. */
	memblock_mem_limit_remove_map(SZ_4M + SZ_1M);

	assert_type(MEM, 2, SZ_4M + SZ_1M);
	assert_rgn(MEM, 0, SZ_1M, SZ_4M, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_rgn(MEM, 1, SZ_8M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
	assert_empty(RSV);
}

static void mem_limit_remove_map_keeps_nomap_regions_past_the_cut(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_add_node(SZ_8M, SZ_1M, MAX_NUMNODES, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add(SZ_16M, SZ_4M), 0);

	memblock_mem_limit_remove_map(SZ_2M);

	assert_type(MEM, 2, SZ_2M + SZ_1M);
	assert_region(MEM, 0, SZ_1M, SZ_2M);
	assert_rgn(MEM, 1, SZ_8M, SZ_1M, MEMBLOCK_NOMAP, MAX_NUMNODES);
}

static void mem_limit_remove_map_of_zero_or_beyond_memory_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(SZ_64M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	memblock_mem_limit_remove_map(0);
	memblock_mem_limit_remove_map(SZ_8M);

	assert_snapshot_unchanged(&snap);
}

/* Regions that only touch the window are outside it (spec §7.2). */
static void cap_memory_range_drops_regions_that_only_touch_the_window(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_2M + SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(SZ_4M + SZ_2M, SZ_1M), 0);

	memblock_cap_memory_range(SZ_2M, SZ_4M);

	assert_type(MEM, 1, SZ_1M);
	assert_rgn(MEM, 0, SZ_2M + SZ_1M, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(current_limit_starts_at_anywhere_and_is_a_plain_store),
		MB_TEST(enforce_memory_limit_keeps_the_lowest_bytes_of_memory_and_reserved),
		MB_TEST(enforce_memory_limit_of_zero_or_beyond_memory_changes_nothing),
		MB_TEST(enforce_memory_limit_of_exactly_memory_still_cuts_reserved_above),
		MB_TEST(cap_memory_range_keeps_the_window_and_nomap_outside_it),
		MB_TEST(cap_memory_range_missing_all_memory_keeps_only_nomap),
		MB_TEST(cap_memory_range_leaves_a_nomap_region_across_its_edge_whole),
		MB_TEST(cap_memory_range_of_size_zero_changes_nothing),
		MB_TEST(cap_memory_range_without_memory_only_warns),
		MB_TEST(cap_memory_range_drops_regions_that_only_touch_the_window),
		MB_TEST(mem_limit_remove_map_keeps_the_budget_and_nomap_above_it),
		MB_TEST(mem_limit_remove_map_keeps_nomap_regions_past_the_cut),
		MB_TEST(mem_limit_remove_map_of_zero_or_beyond_memory_changes_nothing),
	};

	return MB_RUN("core/limits", tests);
}
