// SPDX-License-Identifier: MIT
/*
 * test_growth.c - region arrays growing by doubling (regions.c, grow()).
 */
#include "harness.h"

#define REGION_SZ sizeof(struct memblock_region)
#define PAGE_ALIGNED(x) (((x) + PAGE_SIZE - 1) & ~((phys_addr_t)PAGE_SIZE - 1))

static void growth_refused_before_allow_resize_leaves_state_unchanged(void **state)
{
	struct mb_snapshot snap;
	unsigned long i;

	(void)state;
	for (i = 0; i < INIT_MEMBLOCK_MEMORY_REGIONS; i++)
		assert_int_equal(memblock_add(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_MEMORY_REGIONS);

	mb_snapshot_take(&snap);
	assert_int_equal(memblock_add(WIN_END - SZ_4K, SZ_4K), -ENOMEM);
	assert_snapshot_unchanged(&snap);
}

static void adding_the_129th_memory_region_doubles_and_reserves_the_array(void **state)
{
	const phys_addr_t new_alloc = PAGE_ALIGNED(2 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);
	unsigned long i;

	(void)state;
	memblock_allow_resize();
	/* A block big enough for the new array, then 128 small regions. */
	assert_int_equal(memblock_add(WIN_BASE, new_alloc), 0);
	for (i = 1; i <= INIT_MEMBLOCK_MEMORY_REGIONS; i++) {
		assert_int_equal(memblock_add(WIN_BASE + new_alloc + i * 128, 64), 0);
		assert_int_equal(memblock.memory.cnt, i + 1);
	}

	assert_int_equal(memblock.memory.max, 2 * INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region_flags(&memblock.reserved, 0, WIN_BASE, new_alloc, MEMBLOCK_RSRV_KERN);
	assert_int_equal(memblock.reserved.total_size, new_alloc);
	assert_ptr_equal(memblock.memory.regions, test_phys_to_virt(WIN_BASE));
	assert_valid();
}

/*
 * The sequence that makes Linux put both arrays at one address: alternate
 * memory and reservations of 300 disjoint ranges with growth allowed.
 */
static void alternating_add_and_reserve_never_share_an_array(void **state)
{
	unsigned long i;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE + WIN_SIZE / 2, WIN_SIZE / 2), 0);
	memblock_allow_resize();
	for (i = 0; i < 300; i++) {
		phys_addr_t base = WIN_BASE + i * SZ_16K;

		assert_int_equal(memblock_add(base, SZ_4K), 0);
		assert_int_equal(memblock_reserve(base + SZ_8K, SZ_4K), 0);
		assert_ptr_not_equal(memblock.memory.regions, memblock.reserved.regions);
		assert_valid();
	}
	/* Each array lies inside a reservation of its own. */
	assert_true(memblock_is_region_reserved(
		memblock_env_virt_to_phys(memblock.memory.regions),
		memblock.memory.max * REGION_SZ));
	assert_true(memblock_is_region_reserved(
		memblock_env_virt_to_phys(memblock.reserved.regions),
		memblock.reserved.max * REGION_SZ));
	assert_false(memblock_addrs_overlap(
		memblock_env_virt_to_phys(memblock.memory.regions),
		memblock.memory.max * REGION_SZ,
		memblock_env_virt_to_phys(memblock.reserved.regions),
		memblock.reserved.max * REGION_SZ));
}

/* Fill @type with @n disjoint 4K regions, 8K apart, from @base. */
static void fill(struct memblock_type *type, phys_addr_t base, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		if (type == &memblock.memory)
			assert_int_equal(memblock_add(base + i * SZ_8K, SZ_4K), 0);
		else
			assert_int_equal(memblock_reserve(base + i * SZ_8K, SZ_4K), 0);
	}
	assert_int_equal(type->cnt, n);
}

static void reserving_the_129th_region_doubles_reserved_and_reserves_the_array(void **state)
{
	const phys_addr_t new_alloc = PAGE_ALIGNED(2 * INIT_MEMBLOCK_RESERVED_REGIONS * REGION_SZ);
	const unsigned long n = INIT_MEMBLOCK_RESERVED_REGIONS;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	memblock_allow_resize();
	fill(&memblock.reserved, WIN_BASE + SZ_128K, n);

	assert_int_equal(memblock_reserve(WIN_BASE + SZ_128K + n * SZ_8K, SZ_4K), 0);

	assert_int_equal(memblock.reserved.max, 2 * n);
	assert_int_equal(memblock.reserved.cnt, n + 2);
	assert_int_equal(memblock.reserved.total_size, (n + 1) * SZ_4K + new_alloc);
	assert_region_flags(&memblock.reserved, n + 1, WIN_END - new_alloc, new_alloc,
			    MEMBLOCK_RSRV_KERN);
	assert_ptr_equal(memblock.reserved.regions, test_phys_to_virt(WIN_END - new_alloc));
	/* Later reservations simply use the room. */
	assert_int_equal(memblock_reserve(WIN_BASE + SZ_16K, SZ_16K), 0);
	assert_region(&memblock.reserved, 0, WIN_BASE + SZ_16K, SZ_16K);
	assert_int_equal(memblock.reserved.cnt, n + 3);
}

static void doubled_reserved_array_never_lands_in_the_range_being_reserved(void **state)
{
	const phys_addr_t new_alloc = PAGE_ALIGNED(2 * INIT_MEMBLOCK_RESERVED_REGIONS * REGION_SZ);
	const phys_addr_t skipped = WIN_BASE + SZ_16M;
	const phys_addr_t low_top = WIN_BASE + SZ_64K;

	(void)state;
	/* Free memory: a low block, and the range about to be reserved. */
	assert_int_equal(memblock_add(WIN_BASE, SZ_64K), 0);
	assert_int_equal(memblock_add(skipped, SZ_32K), 0);
	memblock_allow_resize();
	fill(&memblock.reserved, SZ_1G + SZ_512M, INIT_MEMBLOCK_RESERVED_REGIONS);

	assert_int_equal(memblock_reserve(skipped, SZ_32K), 0);

	assert_ptr_equal(memblock.reserved.regions, test_phys_to_virt(low_top - new_alloc));
	assert_region_flags(&memblock.reserved, 0, low_top - new_alloc, new_alloc,
			    MEMBLOCK_RSRV_KERN);
	assert_region(&memblock.reserved, 1, skipped, SZ_32K);
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS + 2);
}

static void reserve_on_a_full_array_without_resize_is_enomem_unchanged(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	fill(&memblock.reserved, WIN_BASE, INIT_MEMBLOCK_RESERVED_REGIONS);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_reserve(WIN_END - SZ_4K, SZ_4K), -ENOMEM);

	assert_snapshot_unchanged(&snap);
}

static void add_fully_covered_on_a_full_array_needs_no_growth(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	fill(&memblock.memory, WIN_BASE, INIT_MEMBLOCK_MEMORY_REGIONS);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_add(WIN_BASE, SZ_4K), 0);

	assert_snapshot_unchanged(&snap);
}

/* cnt + 2 > max: every isolating call must grow first, split or not. */
static void remove_on_a_nearly_full_array_without_resize_is_enomem_unchanged(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	fill(&memblock.memory, WIN_BASE, INIT_MEMBLOCK_MEMORY_REGIONS - 1);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_remove(WIN_BASE, SZ_4K), -ENOMEM);

	assert_snapshot_unchanged(&snap);
}

static void mark_on_a_nearly_full_array_without_resize_is_enomem_unchanged(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	fill(&memblock.memory, WIN_BASE, INIT_MEMBLOCK_MEMORY_REGIONS - 1);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_mark_hotplug(WIN_BASE, SZ_4K), -ENOMEM);
	assert_int_equal(memblock_mark_nomap(WIN_BASE, SZ_4K), -ENOMEM);
	assert_int_equal(memblock_clear_kho_scratch(WIN_BASE, SZ_4K), -ENOMEM);

	assert_snapshot_unchanged(&snap);
}

static void phys_free_on_a_nearly_full_array_without_resize_is_enomem_unchanged(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	fill(&memblock.reserved, WIN_BASE, INIT_MEMBLOCK_RESERVED_REGIONS - 1);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_phys_free(WIN_BASE, SZ_4K), -ENOMEM);

	assert_snapshot_unchanged(&snap);
}

#ifdef CONFIG_NUMA
static void set_node_on_a_nearly_full_array_without_resize_is_enomem_unchanged(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	fill(&memblock.memory, WIN_BASE, INIT_MEMBLOCK_MEMORY_REGIONS - 1);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_set_node(WIN_BASE, SZ_4K, &memblock.memory, 1), -ENOMEM);

	assert_snapshot_unchanged(&snap);
}
#endif

static void allocation_needing_a_grown_reserved_array_fails_unchanged(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	fill(&memblock.reserved, WIN_BASE, INIT_MEMBLOCK_RESERVED_REGIONS);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	assert_null(memblock_alloc(SZ_4K, SZ_4K));

	assert_snapshot_unchanged(&snap);
}

static void growth_without_free_memory_is_enomem_unchanged(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	fill(&memblock.memory, WIN_BASE, INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_int_equal(memblock_reserve(WIN_BASE, WIN_SIZE), 0);
	memblock_allow_resize();
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_add(WIN_END - SZ_4K, SZ_4K), -ENOMEM);

	assert_snapshot_unchanged(&snap);
}

static void remove_on_a_nearly_full_array_grows_it_even_without_a_split(void **state)
{
	const phys_addr_t new_alloc = PAGE_ALIGNED(2 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);

	(void)state;
	fill(&memblock.memory, WIN_BASE, INIT_MEMBLOCK_MEMORY_REGIONS - 2);
	assert_int_equal(memblock_add(WIN_END - SZ_64K, SZ_64K), 0);
	memblock_allow_resize();

	assert_int_equal(memblock_remove(WIN_BASE, SZ_4K), 0);

	assert_int_equal(memblock.memory.max, 2 * INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_MEMORY_REGIONS - 2);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region_flags(&memblock.reserved, 0, WIN_END - new_alloc, new_alloc,
			    MEMBLOCK_RSRV_KERN);
}

/*
 * A map where one memblock_add() needs two doublings of memory: n - 1
 * regions of 4K, 8K apart, then one region of @big bytes, all of them
 * reserved but the big one, which is therefore the only free memory. The
 * add of [base - 4K, +16M + 16K) has a gap before, between and after every
 * region: F = n + 1 new pieces, and cnt + F = 2n + 1 > 2 * max.
 */
#define TWO_BASE (WIN_BASE + SZ_16K)
#define TWO_SMALL (INIT_MEMBLOCK_MEMORY_REGIONS - 1)
#define TWO_BIG_BASE (TWO_BASE + TWO_SMALL * SZ_8K)
#define TWO_ADD_BASE (TWO_BASE - SZ_4K)
#define TWO_ADD_SIZE (SZ_16M + SZ_16K)

static void two_doublings_setup(phys_addr_t big)
{
	unsigned long i;

	for (i = 0; i < TWO_SMALL; i++)
		assert_int_equal(memblock_add(TWO_BASE + i * SZ_8K, SZ_4K), 0);
	assert_int_equal(memblock_add(TWO_BIG_BASE, big), 0);
	assert_int_equal(memblock_reserve(TWO_BASE, TWO_SMALL * SZ_8K), 0);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_int_equal(memblock.memory.max, INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_int_equal(memblock.reserved.cnt, 1);
	memblock_allow_resize();
}

/* Room for the first doubling only: -ENOMEM, and nothing changed at all. */
static void add_needing_two_doublings_with_room_for_one_is_enomem_unchanged(void **state)
{
	const phys_addr_t grow1 = PAGE_ALIGNED(2 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);
	const phys_addr_t grow2 = PAGE_ALIGNED(4 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);
	struct memblock_region *const static_array = memblock.memory.regions;
	struct mb_snapshot snap;

	(void)state;
	assert_true(grow2 > grow1);
	two_doublings_setup(grow1);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_add(TWO_ADD_BASE, TWO_ADD_SIZE), -ENOMEM);

	assert_int_equal(memblock.memory.max, INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_ptr_equal(memblock.memory.regions, static_array);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_snapshot_unchanged(&snap);
}

/* Room for both doublings: max 4n, the last array reserved, the first released. */
static void add_needing_two_doublings_with_room_for_both_doubles_twice(void **state)
{
	const phys_addr_t grow1 = PAGE_ALIGNED(2 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);
	const phys_addr_t grow2 = PAGE_ALIGNED(4 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);
	const phys_addr_t big = grow1 + grow2 + SZ_4K;
	const phys_addr_t big_end = TWO_BIG_BASE + big;
	/* Top-down: the first array at the top, the second just below it. */
	const phys_addr_t array1 = big_end - grow1;
	const phys_addr_t array2 = array1 - grow2;

	(void)state;
	two_doublings_setup(big);

	assert_int_equal(memblock_add(TWO_ADD_BASE, TWO_ADD_SIZE), 0);

	assert_int_equal(memblock.memory.max, 4 * INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_ptr_equal(memblock.memory.regions, test_phys_to_virt(array2));
	/* Every piece is plain memory of no node: all of it merges into one. */
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.total_size, TWO_ADD_SIZE);
	assert_region_flags(&memblock.memory, 0, TWO_ADD_BASE, TWO_ADD_SIZE, MEMBLOCK_NONE);
	assert_region_nid(&memblock.memory, 0, MAX_NUMNODES);
	/* The last array is reserved; the first one, grown in between, is not. */
	assert_int_equal(memblock.reserved.cnt, 2);
	assert_int_equal(memblock.reserved.total_size, TWO_SMALL * SZ_8K + grow2);
	assert_region_flags(&memblock.reserved, 0, TWO_BASE, TWO_SMALL * SZ_8K, MEMBLOCK_NONE);
	assert_region_flags(&memblock.reserved, 1, array2, grow2, MEMBLOCK_RSRV_KERN);
	assert_region_nid(&memblock.reserved, 1, NUMA_NO_NODE);
	assert_false(memblock_is_region_reserved(array1, grow1));
	assert_valid();
}

/*
 * Growing reserved for a range that starts at address 0 and leaves no room
 * above it (spec §3.2): the search below the range has the upper bound
 * min(0, current_limit) = 0, which means current_limit, so the new array
 * goes to the top of the highest free piece below current_limit.
 */
static void reserve_from_zero_with_no_room_above_grows_below_the_current_limit(void **state)
{
	const phys_addr_t new_alloc = PAGE_ALIGNED(2 * INIT_MEMBLOCK_RESERVED_REGIONS * REGION_SZ);
	const unsigned long n = INIT_MEMBLOCK_RESERVED_REGIONS;
	const phys_addr_t limit = WIN_BASE + WIN_SIZE / 2;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	memblock_allow_resize();
	/* A full reserved array, all of it above the limit. */
	fill(&memblock.reserved, limit, n);
	memblock_set_current_limit(limit);

	/* One new region, nothing free in [limit, current_limit). */
	assert_int_equal(memblock_reserve(0, limit), 0);

	assert_int_equal(memblock.reserved.max, 2 * n);
	assert_ptr_equal(memblock.reserved.regions, test_phys_to_virt(limit - new_alloc));
	assert_int_equal(memblock.reserved.cnt, n + 2);
	assert_int_equal(memblock.reserved.total_size, limit + n * SZ_4K);
	assert_region_flags(&memblock.reserved, 0, 0, limit - new_alloc, MEMBLOCK_NONE);
	assert_region_flags(&memblock.reserved, 1, limit - new_alloc, new_alloc,
			    MEMBLOCK_RSRV_KERN);
	assert_region_flags(&memblock.reserved, 2, limit, SZ_4K, MEMBLOCK_NONE);
	assert_valid();
}

/*
 * A failed growth from an array that was itself grown: the rollback must
 * release the array it moved to and reserve the grown one again. Memory
 * grows once (to 2n), then a second request needs 4n and 8n; only a hole
 * for the 4n array exists, so the second doubling fails.
 */
static void failed_growth_from_a_grown_array_reserves_it_again(void **state)
{
	const phys_addr_t a2 = PAGE_ALIGNED(2 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);
	const phys_addr_t a4 = PAGE_ALIGNED(4 * INIT_MEMBLOCK_MEMORY_REGIONS * REGION_SZ);
	struct memblock_region *grown;
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_1M), 0);
	memblock_allow_resize();
	assert_int_equal(memblock_ensure_capacity(&memblock.memory,
						  INIT_MEMBLOCK_MEMORY_REGIONS + 1), 0);
	grown = memblock.memory.regions;
	assert_int_equal(memblock.memory.max, 2 * INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_int_equal(memblock_env_virt_to_phys(grown), WIN_BASE + SZ_1M - a2);
	/* Everything else reserved but a hole for the 4n array under it. */
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_1M - a2 - a4), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_ensure_capacity(&memblock.memory,
						  4 * INIT_MEMBLOCK_MEMORY_REGIONS),
			 -ENOMEM);

	assert_ptr_equal(memblock.memory.regions, grown);
	assert_true(memblock_is_region_reserved(memblock_env_virt_to_phys(grown), a2));
	assert_snapshot_unchanged(&snap);
}

/*
 * Room for exactly the slots asked for is enough: an array that would be
 * full to the last slot afterwards does not grow.
 */
static void ensure_capacity_with_exactly_enough_room_does_not_grow(void **state)
{
	struct memblock_region *before;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_1M), 0);
	memblock_allow_resize();
	before = memblock.memory.regions;

	assert_int_equal(memblock_ensure_capacity(&memblock.memory,
						  INIT_MEMBLOCK_MEMORY_REGIONS - 1), 0);
	assert_int_equal(memblock.memory.max, INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_ptr_equal(memblock.memory.regions, before);
	assert_int_equal(memblock.reserved.cnt, 0);
}

/*
 * With mirrored memory preferred, an array that does not fit in mirrored
 * memory is placed in ordinary memory instead.
 */
static void growth_falls_back_from_mirrored_memory(void **state)
{
	const phys_addr_t a2 = PAGE_ALIGNED(2 * INIT_MEMBLOCK_RESERVED_REGIONS * REGION_SZ);

	(void)state;
	mirrored_kernelcore = true;
	assert_int_equal(memblock_add(WIN_BASE, SZ_1M), 0);
	assert_int_equal(memblock_mark_mirror(WIN_BASE + SZ_1M - SZ_2K, SZ_2K), 0);
	memblock_allow_resize();

	assert_true(a2 > SZ_2K);
	assert_int_equal(memblock_ensure_capacity(&memblock.reserved,
						  INIT_MEMBLOCK_RESERVED_REGIONS + 1), 0);

	assert_int_equal(memblock.reserved.max, 2 * INIT_MEMBLOCK_RESERVED_REGIONS);
	/* The highest page-aligned place below the mirrored 2K. */
	assert_int_equal(memblock_env_virt_to_phys(memblock.reserved.regions),
			 WIN_BASE + SZ_1M - SZ_4K - a2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(growth_refused_before_allow_resize_leaves_state_unchanged),
		MB_TEST(adding_the_129th_memory_region_doubles_and_reserves_the_array),
		MB_TEST(alternating_add_and_reserve_never_share_an_array),
		MB_TEST(reserving_the_129th_region_doubles_reserved_and_reserves_the_array),
		MB_TEST(doubled_reserved_array_never_lands_in_the_range_being_reserved),
		MB_TEST(reserve_on_a_full_array_without_resize_is_enomem_unchanged),
		MB_TEST(add_fully_covered_on_a_full_array_needs_no_growth),
		MB_TEST(remove_on_a_nearly_full_array_without_resize_is_enomem_unchanged),
		MB_TEST(mark_on_a_nearly_full_array_without_resize_is_enomem_unchanged),
		MB_TEST(phys_free_on_a_nearly_full_array_without_resize_is_enomem_unchanged),
#ifdef CONFIG_NUMA
		MB_TEST(set_node_on_a_nearly_full_array_without_resize_is_enomem_unchanged),
#endif
		MB_TEST(allocation_needing_a_grown_reserved_array_fails_unchanged),
		MB_TEST(growth_without_free_memory_is_enomem_unchanged),
		MB_TEST(remove_on_a_nearly_full_array_grows_it_even_without_a_split),
		MB_TEST(add_needing_two_doublings_with_room_for_one_is_enomem_unchanged),
		MB_TEST(add_needing_two_doublings_with_room_for_both_doubles_twice),
		MB_TEST(reserve_from_zero_with_no_room_above_grows_below_the_current_limit),
		MB_TEST(failed_growth_from_a_grown_array_reserves_it_again),
		MB_TEST(ensure_capacity_with_exactly_enough_room_does_not_grow),
		MB_TEST(growth_falls_back_from_mirrored_memory),
	};

	return MB_RUN("core/growth", tests);
}
