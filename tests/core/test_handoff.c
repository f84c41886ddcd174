// SPDX-License-Identifier: MIT
/*
 * test_handoff.c - the end of memblock's life (src/handoff.c):
 * memblock_free_all() handing free pages over, and memblock_discard().
 */
#include "core_helpers.h"

#define S WIN_BASE
#define PFN(a) PFN_DOWN((phys_addr_t)(a))

#define assert_handoff(k, start, nr)                                           \
	do {                                                                   \
		assert_int_equal(test_handoffs[k].start_pfn, (start));         \
		assert_int_equal(test_handoffs[k].nr_pages, (nr));             \
	} while (0)

static void free_all_hands_over_the_whole_pages_of_each_free_range(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_64K), 0);
	assert_int_equal(memblock_reserve(S + SZ_4K + 100, 100), 0);

	assert_int_equal(memblock_free_all_count(), 15);

	assert_int_equal(test_nr_handoffs, 2);
	assert_handoff(0, PFN(S), 1);
	assert_handoff(1, PFN(S) + 2, 14);
}

/*
 * Page arithmetic at the top of the address space must not wrap: a region in
 * the last page holds no whole page and hands over nothing (never pfn 0).
 */
static void free_all_hands_over_nothing_from_a_region_in_the_last_page(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x40000000, SZ_16M), 0);
	assert_int_equal(memblock_reserve(0x40000000, SZ_8M), 0);
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - 0xffe, 0xffe), 0);

	assert_int_equal(memblock_free_all_count(), 0x800);

	for (unsigned int k = 0; k < test_nr_handoffs && k < 256; k++)
		assert_int_not_equal(test_handoffs[k].start_pfn, 0);
	assert_int_equal(test_nr_handoffs, 1);
	assert_handoff(0, 0x40800, 0x800);
}

static void free_all_without_memory_hands_over_nothing(void **state)
{
	(void)state;
	assert_int_equal(memblock_reserve(S, SZ_64K), 0);

	assert_int_equal(memblock_free_all_count(), 0);
	assert_int_equal(test_nr_handoffs, 0);
}

static void free_all_never_hands_over_nomap_or_driver_managed_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(S, SZ_64K, 0, MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add_node(S + SZ_1M, SZ_64K, 0, MEMBLOCK_DRIVER_MANAGED), 0);
	assert_int_equal(memblock_add(S + SZ_2M, SZ_8K), 0);

	assert_int_equal(memblock_free_all_count(), 2);

	assert_int_equal(test_nr_handoffs, 1);
	assert_handoff(0, PFN(S + SZ_2M), 2);
}

static void free_all_clears_hotplug_and_hands_hotplug_memory_over(void **state)
{
	(void)state;
	movable_node_enabled = true;
	assert_int_equal(memblock_add(S, SZ_8K), 0);
	assert_int_equal(memblock_add_node(S + SZ_8K, SZ_8K, MAX_NUMNODES, MEMBLOCK_HOTPLUG), 0);

	assert_int_equal(memblock_free_all_count(), 4);

	assert_type(MEM, 1, SZ_16K);
	assert_rgn(MEM, 0, S, SZ_16K, MEMBLOCK_NONE, MAX_NUMNODES);
	assert_int_equal(test_nr_handoffs, 1);
	assert_handoff(0, PFN(S), 4);
}

#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
static void free_all_ends_kho_scratch_only_mode(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_1M), 0);
	assert_int_equal(memblock_mark_kho_scratch(S, SZ_4K), 0);
	memblock_set_kho_scratch_only();
	assert_int_equal(memblock_phys_alloc(SZ_8K, SZ_4K), 0);

	assert_int_equal(memblock_free_all_count(), PFN_DOWN(SZ_1M));

	assert_int_equal(memblock_phys_alloc(SZ_8K, SZ_4K), S + SZ_1M - SZ_8K);
}
#endif

#ifdef CONFIG_NUMA
static void free_all_records_the_node_of_memory_on_reservations(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(S, SZ_1M, 0, 0), 0);
	assert_int_equal(memblock_add_node(S + SZ_1M, SZ_1M, 1, 0), 0);
	assert_int_equal(memblock_reserve(S + SZ_512K, SZ_1M), 0);

	assert_int_equal(memblock_free_all_count(), PFN_DOWN(SZ_1M));

	assert_type(RSV, 2, SZ_1M);
	assert_rgn(RSV, 0, S + SZ_512K, SZ_512K, MEMBLOCK_NONE, 0);
	assert_rgn(RSV, 1, S + SZ_1M, SZ_512K, MEMBLOCK_NONE, 1);
}
#endif

#ifndef CONFIG_ARCH_KEEP_MEMBLOCK
static void discard_of_static_arrays_hands_nothing_over(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_1M), 0);

	memblock_discard();

	assert_int_equal(test_nr_handoffs, 0);
}

static void discard_ends_flag_filtering_of_memory(void **state)
{
	phys_addr_t start = 0, end = 0;
	unsigned int n = 0;
	u64 i;

	(void)state;
	assert_int_equal(memblock_add_node(S, SZ_1M, 0, MEMBLOCK_NOMAP), 0);

	memblock_discard();

	__for_each_mem_range(i, MEM, NULL, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL)
		n++;
	assert_int_equal(n, 1);
	assert_int_equal(start, S);
	assert_int_equal(end, S + SZ_1M);
}

static void discard_hands_over_the_pages_of_grown_arrays(void **state)
{
	const phys_addr_t array_sz = ((2 * INIT_MEMBLOCK_RESERVED_REGIONS *
				       sizeof(struct memblock_region)) + PAGE_SIZE - 1) &
				     ~((phys_addr_t)PAGE_SIZE - 1);
	phys_addr_t array;
	unsigned long i;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	memblock_allow_resize();
	for (i = 0; i <= INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		assert_int_equal(memblock_reserve(SZ_1G + SZ_1G / 2 + i * SZ_64K, SZ_4K), 0);
	assert_int_equal(memblock.reserved.max, 2 * INIT_MEMBLOCK_RESERVED_REGIONS);
	array = va2pa(memblock.reserved.regions);

	memblock_discard();

	assert_int_equal(test_nr_handoffs, 1);
	assert_handoff(0, PFN(array), array_sz / PAGE_SIZE);

	/* Once only: a second call has nothing left to give. */
	memblock_discard();
	assert_int_equal(test_nr_handoffs, 1);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(free_all_hands_over_the_whole_pages_of_each_free_range),
		MB_TEST(free_all_hands_over_nothing_from_a_region_in_the_last_page),
		MB_TEST(free_all_without_memory_hands_over_nothing),
		MB_TEST(free_all_never_hands_over_nomap_or_driver_managed_memory),
		MB_TEST(free_all_clears_hotplug_and_hands_hotplug_memory_over),
#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
		MB_TEST(free_all_ends_kho_scratch_only_mode),
#endif
#ifdef CONFIG_NUMA
		MB_TEST(free_all_records_the_node_of_memory_on_reservations),
#endif
#ifndef CONFIG_ARCH_KEEP_MEMBLOCK
		MB_TEST(discard_of_static_arrays_hands_nothing_over),
		MB_TEST(discard_ends_flag_filtering_of_memory),
		MB_TEST(discard_hands_over_the_pages_of_grown_arrays),
#endif
	};

	return MB_RUN("core/handoff", tests);
}
