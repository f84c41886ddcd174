// SPDX-License-Identifier: MIT
/*
 * test_growth.c - region arrays growing by doubling (regions.c double_array).
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(growth_refused_before_allow_resize_leaves_state_unchanged),
		MB_TEST(adding_the_129th_memory_region_doubles_and_reserves_the_array),
		MB_TEST(alternating_add_and_reserve_never_share_an_array),
	};

	return MB_RUN("core/growth", tests);
}
