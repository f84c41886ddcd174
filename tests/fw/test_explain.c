// SPDX-License-Identifier: MIT
/*
 * test_explain.c - memblock_explain_range(): what blocks a range
 * (src/fw/place.c).
 */
#include <string.h>

#include "harness.h"
#include <memblock/fw.h>

#define A ((phys_addr_t)0x40000000)	/* 1 GiB */
#define POISON 0xa5

struct want {
	enum memblock_conflict_kind kind;
	phys_addr_t base, size;
	enum memblock_flags flags;
	int nid;	/* checked in NUMA builds only */
};

#define RESERVED MEMBLOCK_CONFLICT_RESERVED
#define NOT_MEMORY MEMBLOCK_CONFLICT_NOT_MEMORY
#define NOMAP MEMBLOCK_CONFLICT_NOMAP
#define DRIVER_MANAGED MEMBLOCK_CONFLICT_DRIVER_MANAGED

/* Explaining [@base, @base + @size) must give exactly @want. */
static void assert_explained(phys_addr_t base, phys_addr_t size,
			     const struct want *want, size_t n)
{
	struct memblock_conflict got[16];
	struct mb_snapshot snap;
	size_t i;

	mb_snapshot_take(&snap);
	assert_int_equal(memblock_explain_range(base, size, NULL, 0), n);
	assert_int_equal(memblock_explain_range(base, size, got, 16), n);
	for (i = 0; i < n; i++) {
		assert_int_equal(got[i].kind, want[i].kind);
		assert_int_equal(got[i].base, want[i].base);
		assert_int_equal(got[i].size, want[i].size);
		assert_int_equal(got[i].flags, want[i].flags);
#ifdef CONFIG_NUMA
		assert_int_equal(got[i].nid, want[i].nid);
#endif
	}
	assert_snapshot_unchanged(&snap);
}

static void a_free_range_has_no_conflicts(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_reserve(A, SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + SZ_2M, SZ_1M), 0);
	/* Touching a reservation on either side is not meeting it. */
	assert_explained(A + SZ_1M, SZ_1M, NULL, 0);
	assert_explained(A + 3 * SZ_1M, SZ_16M, NULL, 0);
}

static void a_reservation_is_reported_whole(void **state)
{
	const struct want want[] = {
		{ RESERVED, A + SZ_1M, SZ_4M, MEMBLOCK_RSRV_KERN, 1 },
	};

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(__memblock_reserve(A + SZ_1M, SZ_4M, 1,
					    MEMBLOCK_RSRV_KERN), 0);
	assert_explained(A + SZ_2M, SZ_4K, want, 1);
	assert_explained(A, SZ_1M + 1, want, 1);
	assert_explained(A + SZ_4M + SZ_1M - 1, SZ_1M, want, 1);
}

static void parts_outside_memory_are_reported_clipped(void **state)
{
	const struct want hole[] = {
		{ NOT_MEMORY, A + SZ_4M, SZ_4M, MEMBLOCK_NONE, NUMA_NO_NODE },
	};
	const struct want ends[] = {
		{ NOT_MEMORY, A - SZ_4K, SZ_4K, MEMBLOCK_NONE, NUMA_NO_NODE },
		{ NOT_MEMORY, A + SZ_4M, SZ_4M, MEMBLOCK_NONE, NUMA_NO_NODE },
		{ NOT_MEMORY, A + 12 * SZ_1M, SZ_1M, MEMBLOCK_NONE,
		  NUMA_NO_NODE },
	};
	const struct want outside[] = {
		{ NOT_MEMORY, SZ_1M, SZ_2M, MEMBLOCK_NONE, NUMA_NO_NODE },
	};

	(void)state;
	assert_int_equal(memblock_add(A, SZ_4M), 0);
	assert_int_equal(memblock_add(A + SZ_8M, SZ_4M), 0);
	assert_explained(A + SZ_2M, SZ_8M, hole, 1);
	assert_explained(A - SZ_4K, 13 * SZ_1M + SZ_4K, ends, 3);
	assert_explained(SZ_1M, SZ_2M, outside, 1);
}

static void touching_memory_regions_leave_no_hole(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(A, SZ_4M), 0);
	assert_int_equal(memblock_add_node(A + SZ_4M, SZ_4M, 1, MEMBLOCK_NONE),
			 0);
	assert_int_equal(memblock_mark_hotplug(A + SZ_1M, SZ_1M), 0);
	assert_true(memblock.memory.cnt >= 3);
	assert_explained(A, SZ_8M, NULL, 0);
}

static void nomap_memory_is_reported_whole(void **state)
{
	const struct want want[] = {
		{ NOMAP, A + SZ_4M, SZ_4M, MEMBLOCK_NOMAP, 0 },
	};

	(void)state;
	assert_int_equal(memblock_add_node(A, SZ_16M, 0, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_mark_nomap(A + SZ_4M, SZ_4M), 0);
	assert_explained(A + SZ_4M + SZ_1M, SZ_1M, want, 1);
	assert_explained(A, SZ_16M, want, 1);
}

static void driver_managed_memory_is_reported_whole(void **state)
{
	const struct want want[] = {
		{ DRIVER_MANAGED, A + SZ_16M, SZ_16M, MEMBLOCK_DRIVER_MANAGED,
		  1 },
	};

	(void)state;
	assert_int_equal(memblock_add(A, SZ_16M), 0);
	assert_int_equal(memblock_add_node(A + SZ_16M, SZ_16M, 1,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	assert_explained(A + SZ_16M + SZ_8M, SZ_4K, want, 1);
	assert_explained(A + SZ_8M, SZ_16M, want, 1);
}

static void a_region_both_driver_managed_and_nomap_counts_once(void **state)
{
	const struct want want[] = {
		{ DRIVER_MANAGED, A, SZ_16M,
		  MEMBLOCK_DRIVER_MANAGED | MEMBLOCK_NOMAP, 0 },
	};

	(void)state;
	assert_int_equal(memblock_add_node(A, SZ_16M, 0,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	assert_int_equal(memblock_mark_nomap(A, SZ_16M), 0);
	assert_explained(A, SZ_4K, want, 1);
}

/*
 *  A      +4M         +8M     +9M +10M   +12M   +14M  +15M  +16M
 *  | plain | NOMAP     | no memory         | DRIVER_MANAGED   |
 *     [r1]   [r2]             [r3]                 [r4]
 */
static void every_kind_at_once_comes_in_address_order(void **state)
{
	const struct want want[] = {
		{ RESERVED, A + SZ_1M, SZ_1M, MEMBLOCK_NONE, NUMA_NO_NODE },
		{ RESERVED, A + SZ_4M, SZ_1M, MEMBLOCK_NONE, NUMA_NO_NODE },
		{ NOMAP, A + SZ_4M, SZ_4M, MEMBLOCK_NOMAP, 0 },
		{ NOT_MEMORY, A + SZ_8M, SZ_4M, MEMBLOCK_NONE, NUMA_NO_NODE },
		{ RESERVED, A + 9 * SZ_1M, SZ_1M, MEMBLOCK_NONE,
		  NUMA_NO_NODE },
		{ DRIVER_MANAGED, A + 12 * SZ_1M, SZ_4M,
		  MEMBLOCK_DRIVER_MANAGED, 1 },
		{ RESERVED, A + 14 * SZ_1M, SZ_1M, MEMBLOCK_NONE,
		  NUMA_NO_NODE },
	};

	(void)state;
	assert_int_equal(memblock_add_node(A, SZ_8M, 0, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_mark_nomap(A + SZ_4M, SZ_4M), 0);
	assert_int_equal(memblock_add_node(A + 12 * SZ_1M, SZ_4M, 1,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	/* Added out of order on purpose. */
	assert_int_equal(memblock_reserve(A + 14 * SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + 9 * SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + SZ_4M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + SZ_1M, SZ_1M), 0);

	assert_explained(A, SZ_16M, want, 7);
	/* A window into the middle still gets whole regions. */
	assert_explained(A + 6 * SZ_1M, 6 * SZ_1M, want + 2, 3);
}

static void size_query_convention(void **state)
{
	struct memblock_conflict got[2];

	(void)state;
	assert_int_equal(memblock_add(A, SZ_4M), 0);
	assert_int_equal(memblock_reserve(A, SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + SZ_2M, SZ_1M), 0);

	memset(got, POISON, sizeof(got));
	assert_int_equal(memblock_explain_range(A, SZ_8M, NULL, 0), 3);
	assert_int_equal(memblock_explain_range(A, SZ_8M, NULL, 99), 3);
	assert_int_equal(memblock_explain_range(A, SZ_8M, got, 2), -ENOSPC);
	assert_true(test_mem_is(got, POISON, sizeof(got)));
	assert_int_equal(memblock_explain_range(A, SZ_4M, got, 2), 2);
	/* An empty array is enough for a free range. */
	assert_int_equal(memblock_explain_range(A + SZ_1M, SZ_1M, got, 0), 0);
}

static void bad_ranges_are_refused(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(A, SZ_4M), 0);
	assert_int_equal(memblock_explain_range(A, 0, NULL, 0), -EINVAL);
	assert_int_equal(memblock_explain_range(PHYS_ADDR_MAX, 1, NULL, 0),
			 -EINVAL);
}

static void a_range_past_the_top_is_capped(void **state)
{
	const phys_addr_t top = PHYS_ADDR_MAX - SZ_8K + 1;
	const struct want want[] = {
		{ RESERVED, top - SZ_4K, SZ_8K, MEMBLOCK_NONE, NUMA_NO_NODE },
		{ NOT_MEMORY, top + SZ_4K, SZ_4K - 1, MEMBLOCK_NONE,
		  NUMA_NO_NODE },
	};

	(void)state;
	assert_int_equal(memblock_add(top - SZ_4K, SZ_8K), 0);
	assert_int_equal(memblock_reserve(top - SZ_4K, SZ_8K), 0);
	/* 16 KiB from top would wrap; the range stops at PHYS_ADDR_MAX. */
	assert_explained(top, SZ_16K, want, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(a_free_range_has_no_conflicts),
		MB_TEST(a_reservation_is_reported_whole),
		MB_TEST(parts_outside_memory_are_reported_clipped),
		MB_TEST(touching_memory_regions_leave_no_hole),
		MB_TEST(nomap_memory_is_reported_whole),
		MB_TEST(driver_managed_memory_is_reported_whole),
		MB_TEST(a_region_both_driver_managed_and_nomap_counts_once),
		MB_TEST(every_kind_at_once_comes_in_address_order),
		MB_TEST(size_query_convention),
		MB_TEST(bad_ranges_are_refused),
		MB_TEST(a_range_past_the_top_is_capped),
	};

	return MB_RUN("fw/explain", tests);
}
