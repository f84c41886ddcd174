// SPDX-License-Identifier: MIT
/*
 * test_alloc.c - where allocations land and what they record (src/alloc.c):
 * top-down and bottom-up placement, bounds, alignment, zeroing, the
 * min_addr drop, node preference and fallback, and bad arguments.
 *
 * Memory is a 32 KiB block at S = WIN_BASE unless a test says otherwise;
 * E is its end. Every allocation lands inside the mapped window.
 */
#include <string.h>

#include "core_helpers.h"

#define S WIN_BASE
#define MEM_SZ SZ_32K
#define E (S + MEM_SZ)
#define CACHE ((phys_addr_t)SMP_CACHE_BYTES)

static void setup_mem(void)
{
	assert_int_equal(memblock_add(S, MEM_SZ), 0);
	test_fill_window(0x01);
}

/* --- top-down --------------------------------------------------------------- */

static void alloc_top_down_lands_at_the_top_and_zeroes_exactly_size_bytes(void **state)
{
	unsigned char *p;

	(void)state;
	setup_mem();
	p = memblock_alloc(2, CACHE);

	assert_int_equal(va2pa(p), E - CACHE);
	assert_true(test_mem_is(p, 0, 2));
	assert_int_equal(p[2], 0x01);
	assert_type(RSV, 1, 2);
	assert_rgn(RSV, 0, E - CACHE, 2, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
	assert_type(MEM, 1, MEM_SZ);
}

static void alloc_raw_leaves_the_contents_alone(void **state)
{
	void *p;

	(void)state;
	setup_mem();
	p = memblock_alloc_raw(SZ_1K, CACHE);

	assert_int_equal(va2pa(p), E - SZ_1K);
	assert_true(test_mem_is(p, 0x01, SZ_1K));
	assert_type(RSV, 1, SZ_1K);
}

static void alloc_below_a_plain_reservation_stays_a_separate_region(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve(E - 2, 2), 0);

	assert_int_equal(va2pa(memblock_alloc(16, CACHE)), E - CACHE);

	assert_type(RSV, 2, 18);
	assert_rgn(RSV, 0, E - CACHE, 16, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
	assert_rgn(RSV, 1, E - 2, 2, MEMBLOCK_NONE, NUMA_NO_NODE);
}

static void alloc_right_below_a_kernel_reservation_merges_with_it(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve_kern(E - 512, 512), 0);

	assert_int_equal(va2pa(memblock_alloc(512, CACHE)), E - 1024);

	assert_type(RSV, 1, 1024);
	assert_rgn(RSV, 0, E - 1024, 1024, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void alloc_right_below_a_plain_reservation_does_not_merge(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve(E - 512, 512), 0);

	assert_int_equal(va2pa(memblock_alloc(512, CACHE)), E - 1024);

	assert_type(RSV, 2, 1024);
	assert_rgn(RSV, 0, E - 1024, 512, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
	assert_rgn(RSV, 1, E - 512, 512, MEMBLOCK_NONE, NUMA_NO_NODE);
}

static void alloc_above_a_kernel_reservation_fills_the_space_and_merges(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve_kern(E - 1024, 512), 0);

	assert_int_equal(va2pa(memblock_alloc(512, CACHE)), E - 512);

	assert_type(RSV, 1, 1024);
	assert_rgn(RSV, 0, E - 1024, 1024, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void alloc_fills_a_gap_between_reservations_exactly(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve_kern(S, SZ_8K + SZ_4K), 0);
	assert_int_equal(memblock_reserve_kern(S + SZ_16K, SZ_16K), 0);

	assert_int_equal(va2pa(memblock_alloc(SZ_4K, SZ_4K)), S + SZ_8K + SZ_4K);

	assert_type(RSV, 1, MEM_SZ);
	assert_rgn(RSV, 0, S, MEM_SZ, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void alloc_skips_free_gaps_too_small_for_it(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve(E - SZ_1K, SZ_1K), 0);
	assert_int_equal(memblock_reserve(E - 3 * SZ_1K, SZ_1K), 0);

	assert_int_equal(va2pa(memblock_alloc(SZ_2K, CACHE)), E - 5 * SZ_1K);

	assert_type(RSV, 3, SZ_4K);
	assert_rgn(RSV, 0, E - 5 * SZ_1K, SZ_2K, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
	assert_region(RSV, 1, E - 3 * SZ_1K, SZ_1K);
	assert_region(RSV, 2, E - SZ_1K, SZ_1K);
}

static void alloc_takes_the_last_free_block_when_it_fits_exactly(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve(S, MEM_SZ - SZ_4K), 0);

	assert_int_equal(va2pa(memblock_alloc(SZ_4K, SZ_4K)), E - SZ_4K);

	assert_type(RSV, 2, MEM_SZ);
	assert_rgn(RSV, 1, E - SZ_4K, SZ_4K, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void alloc_fails_when_all_memory_is_reserved(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve(S, MEM_SZ), 0);
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc(CACHE, CACHE));

	assert_snapshot_unchanged(&snap);
}

static void alloc_fails_when_no_free_gap_is_big_enough(void **state)
{
	struct mb_snapshot snap;
	phys_addr_t a;

	(void)state;
	setup_mem();
	/* Reserve 3K of every 4K: 1K gaps only. */
	for (a = S; a < E; a += SZ_4K)
		assert_int_equal(memblock_reserve(a, 3 * SZ_1K), 0);
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc(SZ_2K, CACHE));

	assert_snapshot_unchanged(&snap);
}

static void alloc_fails_without_any_memory(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc(SZ_1K, CACHE));
	assert_int_equal(memblock_phys_alloc(SZ_1K, CACHE), 0);

	assert_snapshot_unchanged(&snap);
}

static void alloc_larger_than_memory_fails(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_mem();
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc(MEM_SZ + CACHE, CACHE));

	assert_snapshot_unchanged(&snap);
}

static void successive_allocations_stack_downwards_into_one_region(void **state)
{
	(void)state;
	setup_mem();

	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), E - SZ_4K);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), E - SZ_8K);
	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), E - 3 * SZ_4K);

	assert_type(RSV, 1, 3 * SZ_4K);
	assert_rgn(RSV, 0, E - 3 * SZ_4K, 3 * SZ_4K, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void freed_block_is_handed_out_again(void **state)
{
	void *p;

	(void)state;
	setup_mem();
	p = memblock_alloc(SZ_4K, SZ_4K);
	memblock_free(p, SZ_4K);
	assert_empty(RSV);

	assert_ptr_equal(memblock_alloc(SZ_4K, SZ_4K), p);
	assert_type(RSV, 1, SZ_4K);
}

/* --- bottom-up -------------------------------------------------------------- */

static void alloc_bottom_up_lands_at_the_bottom(void **state)
{
	void *p;

	(void)state;
	setup_mem();
	memblock_set_bottom_up(true);
	p = memblock_alloc(2, CACHE);

	assert_int_equal(va2pa(p), S);
	assert_true(test_mem_is(p, 0, 2));
	assert_type(RSV, 1, 2);
	assert_rgn(RSV, 0, S, 2, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void alloc_bottom_up_right_above_a_kernel_reservation_merges(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_reserve_kern(S, 512), 0);

	assert_int_equal(va2pa(memblock_alloc(512, CACHE)), S + 512);

	assert_type(RSV, 1, 1024);
	assert_rgn(RSV, 0, S, 1024, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void alloc_bottom_up_skips_free_gaps_too_small_for_it(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_reserve(S, SZ_1K), 0);
	assert_int_equal(memblock_reserve(S + SZ_2K, SZ_1K), 0);

	assert_int_equal(va2pa(memblock_alloc(SZ_2K, CACHE)), S + 3 * SZ_1K);

	assert_type(RSV, 3, SZ_4K);
	assert_rgn(RSV, 2, S + 3 * SZ_1K, SZ_2K, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void alloc_bottom_up_rounds_the_start_up_to_the_alignment(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_reserve(S, 1), 0);

	assert_int_equal(memblock_phys_alloc(SZ_1K, SZ_4K), S + SZ_4K);

	assert_type(RSV, 2, SZ_1K + 1);
}

/* --- bounds ----------------------------------------------------------------- */

static void first_page_is_never_handed_out_bottom_up(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0, SZ_16K), 0);
	memblock_set_bottom_up(true);

	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), PAGE_SIZE);

	assert_type(RSV, 1, SZ_4K);
	assert_region(RSV, 0, PAGE_SIZE, SZ_4K);
}

static void memory_within_the_first_page_cannot_be_allocated(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(0, PAGE_SIZE), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_phys_alloc(CACHE, CACHE), 0);

	assert_snapshot_unchanged(&snap);
}

static void range_end_is_exclusive(void **state)
{
	(void)state;
	setup_mem();

	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, S, S + SZ_8K), S + SZ_4K);

	assert_type(RSV, 1, SZ_4K);
	assert_region(RSV, 0, S + SZ_4K, SZ_4K);
}

static void range_end_zero_or_one_means_the_current_limit(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_current_limit(S + SZ_16K);

	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE),
			 S + SZ_16K - SZ_4K);
	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_NOLEAKTRACE),
			 S + SZ_8K);

	assert_type(RSV, 1, SZ_8K);
	assert_region(RSV, 0, S + SZ_8K, SZ_8K);
}

static void phys_alloc_range_does_not_clamp_an_explicit_end_to_the_limit(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_current_limit(S + SZ_16K);

	assert_int_equal(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, E), E - SZ_4K);
	assert_type(RSV, 1, SZ_4K);
}

static void phys_alloc_stays_below_the_current_limit(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_current_limit(S + SZ_16K);

	assert_int_equal(memblock_phys_alloc(SZ_4K, SZ_4K), S + SZ_16K - SZ_4K);
	assert_type(RSV, 1, SZ_4K);
}

static void virtual_api_clamps_max_addr_to_the_current_limit(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_current_limit(S + SZ_16K);

	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE,
						      NUMA_NO_NODE)),
			 S + SZ_16K - SZ_4K);
	assert_type(RSV, 1, SZ_4K);
}

static void alloc_from_drops_min_addr_when_nothing_fits_above_it(void **state)
{
	(void)state;
	setup_mem();

	assert_int_equal(va2pa(memblock_alloc_from(CACHE, CACHE, E - 16)), E - CACHE);

	assert_type(RSV, 1, CACHE);
	assert_region(RSV, 0, E - CACHE, CACHE);
}

static void alloc_from_with_the_space_above_reserved_lands_below_min_addr(void **state)
{
	(void)state;
	setup_mem();
	assert_int_equal(memblock_reserve(S + SZ_16K, SZ_16K), 0);

	assert_int_equal(va2pa(memblock_alloc_from(CACHE, CACHE, S + SZ_16K)),
			 S + SZ_16K - CACHE);
	assert_type(RSV, 2, SZ_16K + CACHE);
}

static void alloc_from_bottom_up_starts_at_min_addr(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_bottom_up(true);

	assert_int_equal(va2pa(memblock_alloc_from(CACHE, CACHE, S + SZ_8K)), S + SZ_8K);

	assert_type(RSV, 1, CACHE);
	assert_region(RSV, 0, S + SZ_8K, CACHE);
}

static void alloc_from_bottom_up_drops_min_addr_when_nothing_fits_above(void **state)
{
	(void)state;
	setup_mem();
	memblock_set_bottom_up(true);

	assert_int_equal(va2pa(memblock_alloc_from(CACHE, CACHE, E - 16)), S);
	assert_type(RSV, 1, CACHE);
}

static void phys_alloc_range_never_drops_its_start(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_mem();
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_phys_alloc_range(CACHE, CACHE, E - 16, E), 0);

	assert_snapshot_unchanged(&snap);
}

static void try_nid_never_drops_max_addr(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_mem();
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_try_nid(SZ_1K, CACHE, S, S + CACHE, NUMA_NO_NODE));

	assert_snapshot_unchanged(&snap);
}

static void try_nid_in_a_too_narrow_window_drops_min_addr_top_down(void **state)
{
	const phys_addr_t min = S + 512, max = min + CACHE;

	(void)state;
	setup_mem();

	assert_int_equal(va2pa(memblock_alloc_try_nid(256, CACHE, min, max, NUMA_NO_NODE)),
			 max - 256);
	assert_type(RSV, 1, 256);
}

static void try_nid_in_a_too_narrow_window_drops_min_addr_bottom_up(void **state)
{
	const phys_addr_t min = S + 512, max = min + CACHE;

	(void)state;
	setup_mem();
	memblock_set_bottom_up(true);

	assert_int_equal(va2pa(memblock_alloc_try_nid(256, CACHE, min, max, NUMA_NO_NODE)), S);
	assert_type(RSV, 1, 256);
}

static void try_nid_uses_the_exact_window_when_it_fits(void **state)
{
	(void)state;
	setup_mem();

	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_4K, SZ_4K, S + SZ_4K, S + SZ_8K,
						      NUMA_NO_NODE)),
			 S + SZ_4K);
	assert_type(RSV, 1, SZ_4K);
}

static void alloc_low_lands_below_arch_low_address_limit(void **state)
{
	void *p;

	(void)state;
	setup_mem();
	p = memblock_alloc_low(SZ_4K, SZ_4K);

	assert_int_equal(va2pa(p), E - SZ_4K);
	assert_true(va2pa(p) + SZ_4K <= (u64)ARCH_LOW_ADDRESS_LIMIT);
	assert_true(test_mem_is(p, 0, SZ_4K));
	assert_type(RSV, 1, SZ_4K);
}

/* --- alignment and size --------------------------------------------------- */

static void alignment_zero_means_smp_cache_bytes(void **state)
{
	(void)state;
	setup_mem();

	assert_int_equal(memblock_phys_alloc(1, 0), E - CACHE);
	assert_type(RSV, 1, 1);
}

static void alignment_is_honoured_top_down(void **state)
{
	(void)state;
	setup_mem();

	assert_int_equal(memblock_phys_alloc(1, SZ_8K), E - SZ_8K);
	assert_int_equal(memblock_phys_alloc(1, 1), E - 1);
	assert_type(RSV, 2, 2);
}

static void alignment_not_a_power_of_two_fails_and_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_mem();
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_phys_alloc(CACHE, 48), 0);
	assert_int_equal(memblock_phys_alloc_range(CACHE, 3, S, E), 0);
	assert_null(memblock_alloc(CACHE, 96));
	assert_null(memblock_alloc_try_nid_raw(CACHE, 1000, S, E, NUMA_NO_NODE));

	assert_snapshot_unchanged(&snap);
}

static void phys_alloc_of_size_zero_returns_an_address_and_reserves_nothing(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);

	assert_int_equal(memblock_phys_alloc(0, CACHE), S + SZ_16M);

	assert_empty(RSV);
}

static void alloc_of_size_zero_returns_a_pointer_and_reserves_nothing(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);

	assert_ptr_equal(memblock_alloc(0, CACHE), test_phys_to_virt(S + SZ_16M));

	assert_empty(RSV);
}

/* --- what is recorded ------------------------------------------------------- */

static void alloc_with_a_node_records_rsrv_kern_and_that_node(void **state)
{
	(void)state;
	assert_int_equal(memblock_add_node(S, MEM_SZ, 0, MEMBLOCK_NONE), 0);

	assert_int_equal(memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 0), E - SZ_4K);

	assert_type(RSV, 1, SZ_4K);
	assert_rgn(RSV, 0, E - SZ_4K, SZ_4K, MEMBLOCK_RSRV_KERN, 0);
}

static void alloc_or_panic_returns_a_zeroed_block(void **state)
{
	void *p;

	(void)state;
	setup_mem();
	p = memblock_alloc_or_panic(SZ_1K, CACHE);

	assert_int_equal(va2pa(p), E - SZ_1K);
	assert_true(test_mem_is(p, 0, SZ_1K));
	assert_type(RSV, 1, SZ_1K);
}

static void alloc_or_panic_panics_naming_the_caller_when_nothing_fits(void **state)
{
	(void)state;
	if (test_expect_panic()) {
		assert_non_null(strstr(test_panic_msg, __func__));
		assert_non_null(strstr(test_panic_msg, "out of memory for"));
		assert_empty(RSV);
		return;
	}
	memblock_alloc_or_panic(SZ_1K, CACHE);
	fail_msg("memblock_alloc_or_panic returned without memory");
}

/* --- NUMA ------------------------------------------------------------------- */

#ifdef CONFIG_NUMA
/* Eight nodes of 4M, 1M, 2M, 2M, 1M, 1M, 4M, 1M from S up. */
static const phys_addr_t node_sz[8] = { SZ_4M, SZ_1M, SZ_2M, SZ_2M,
					SZ_1M, SZ_1M, SZ_4M, SZ_1M };

static phys_addr_t node_base(int nid)
{
	phys_addr_t b = S;
	int i;

	for (i = 0; i < nid; i++)
		b += node_sz[i];
	return b;
}

#define node_end(nid) (node_base(nid) + node_sz[nid])

static void setup_numa(void)
{
	int i;

	for (i = 0; i < 8; i++)
		assert_int_equal(memblock_add_node(node_base(i), node_sz[i], i, 0), 0);
	assert_type(MEM, 8, SZ_16M);
	test_fill_window(0x01);
}

static void numa_try_nid_lands_at_the_top_of_the_node_and_records_it(void **state)
{
	(void)state;
	setup_numa();

	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_256K, CACHE, 0,
						      MEMBLOCK_ALLOC_ACCESSIBLE, 3)),
			 node_end(3) - SZ_256K);

	assert_type(RSV, 1, SZ_256K);
	assert_rgn(RSV, 0, node_end(3) - SZ_256K, SZ_256K, MEMBLOCK_RSRV_KERN, 3);
}

static void numa_try_nid_bottom_up_lands_at_the_bottom_of_the_node(void **state)
{
	(void)state;
	setup_numa();
	memblock_set_bottom_up(true);

	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_256K, CACHE, 0,
						      MEMBLOCK_ALLOC_ACCESSIBLE, 3)),
			 node_base(3));
	assert_rgn(RSV, 0, node_base(3), SZ_256K, MEMBLOCK_RSRV_KERN, 3);
}

static void numa_small_node_falls_back_to_the_highest_fit_with_no_node(void **state)
{
	(void)state;
	setup_numa();

	/* Node 7 (1M) is too small too; node 6 is the highest that fits. */
	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_2M, CACHE, 0,
						      MEMBLOCK_ALLOC_ACCESSIBLE, 1)),
			 node_end(6) - SZ_2M);

	assert_type(RSV, 1, SZ_2M);
	assert_rgn(RSV, 0, node_end(6) - SZ_2M, SZ_2M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void numa_small_node_bottom_up_falls_back_to_the_lowest_fit(void **state)
{
	(void)state;
	setup_numa();
	memblock_set_bottom_up(true);

	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_2M, CACHE, 0,
						      MEMBLOCK_ALLOC_ACCESSIBLE, 1)),
			 node_base(0));
	assert_rgn(RSV, 0, node_base(0), SZ_2M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void numa_exact_nid_on_a_too_small_node_fails(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_numa();
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_exact_nid_raw(SZ_2M, CACHE, 0,
						 MEMBLOCK_ALLOC_ACCESSIBLE, 1));

	assert_snapshot_unchanged(&snap);
}

static void numa_fully_reserved_node_falls_back_to_another(void **state)
{
	(void)state;
	setup_numa();
	assert_int_equal(memblock_reserve(node_base(2), node_sz[2]), 0);

	assert_int_equal(memblock_phys_alloc_try_nid(SZ_64K, CACHE, 2), node_end(7) - SZ_64K);

	assert_type(RSV, 2, node_sz[2] + SZ_64K);
	assert_rgn(RSV, 1, node_end(7) - SZ_64K, SZ_64K, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void numa_exact_nid_on_a_fully_reserved_node_fails(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_numa();
	assert_int_equal(memblock_reserve(node_base(2), node_sz[2]), 0);
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_exact_nid_raw(SZ_64K, CACHE, 0,
						 MEMBLOCK_ALLOC_ACCESSIBLE, 2));
	assert_int_equal(memblock_alloc_range_nid(SZ_64K, CACHE, 0,
						  MEMBLOCK_ALLOC_ACCESSIBLE, 2, true), 0);

	assert_snapshot_unchanged(&snap);
}

static void numa_partly_reserved_node_uses_what_is_left_of_it(void **state)
{
	(void)state;
	setup_numa();
	assert_int_equal(memblock_reserve(node_base(1) + SZ_512K, SZ_512K), 0);

	assert_int_equal(va2pa(memblock_alloc_exact_nid_raw(SZ_256K, CACHE, 0,
							    MEMBLOCK_ALLOC_ACCESSIBLE, 1)),
			 node_base(1) + SZ_256K);

	assert_type(RSV, 2, SZ_512K + SZ_256K);
	assert_rgn(RSV, 0, node_base(1) + SZ_256K, SZ_256K, MEMBLOCK_RSRV_KERN, 1);
	assert_rgn(RSV, 1, node_base(1) + SZ_512K, SZ_512K, MEMBLOCK_NONE, NUMA_NO_NODE);
}

static void numa_alloc_node_returns_zeroed_memory_of_that_node(void **state)
{
	void *p;

	(void)state;
	setup_numa();
	p = memblock_alloc_node(SZ_4K, SZ_4K, 5);

	assert_int_equal(va2pa(p), node_end(5) - SZ_4K);
	assert_true(test_mem_is(p, 0, SZ_4K));
	assert_rgn(RSV, 0, node_end(5) - SZ_4K, SZ_4K, MEMBLOCK_RSRV_KERN, 5);
}

static void numa_window_across_a_node_boundary_uses_the_nodes_part(void **state)
{
	const phys_addr_t min = node_base(3) - SZ_1M, max = node_base(3) + SZ_1M;

	(void)state;
	setup_numa();

	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_4K, SZ_4K, min, max, 2)),
			 node_base(3) - SZ_4K);
	assert_rgn(RSV, 0, node_base(3) - SZ_4K, SZ_4K, MEMBLOCK_RSRV_KERN, 2);
}

static void numa_window_outside_the_node_falls_back_inside_the_window(void **state)
{
	(void)state;
	setup_numa();

	assert_int_equal(va2pa(memblock_alloc_try_nid(SZ_4K, SZ_4K, node_base(5),
						      node_end(6), 2)),
			 node_end(6) - SZ_4K);
	assert_rgn(RSV, 0, node_end(6) - SZ_4K, SZ_4K, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
}

static void numa_exact_nid_with_the_window_above_the_node_drops_min_addr(void **state)
{
	(void)state;
	setup_numa();

	assert_int_equal(va2pa(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, node_base(4),
							    node_end(6), 1)),
			 node_end(1) - SZ_4K);
	assert_rgn(RSV, 0, node_end(1) - SZ_4K, SZ_4K, MEMBLOCK_RSRV_KERN, 1);
}

static void numa_exact_nid_with_the_window_below_the_node_fails(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_numa();
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, S, node_end(0), 7));

	assert_snapshot_unchanged(&snap);
}

static void numa_request_larger_than_any_node_fails(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	setup_numa();
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_try_nid(SZ_8M, CACHE, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0));

	assert_snapshot_unchanged(&snap);
}
#endif /* CONFIG_NUMA */

/*
 * Size 0 (spec §6.2 and §6.3): top-down the address is the largest
 * c = round_down(e, align) with c >= s over the free pieces, bottom-up the
 * smallest c = round_up(s, align) with c < e; nothing is reserved.
 */
static void size_zero_top_down_rounds_the_end_of_the_piece_down(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M - 0x10), 0);

	assert_int_equal(memblock_phys_alloc(0, SZ_4K), S + SZ_16M - SZ_4K);

	assert_empty(RSV);
}

static void size_zero_top_down_may_return_the_start_of_a_piece(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	/* The only free piece is [S, S + 0x800): it rounds down to S. */
	assert_int_equal(memblock_reserve(S + 0x800, SZ_16M - 0x800), 0);

	assert_int_equal(memblock_phys_alloc(0, SZ_4K), S);

	assert_type(RSV, 1, SZ_16M - 0x800);
}

static void size_zero_top_down_may_return_the_end_of_a_piece(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_reserve(S + SZ_8M, SZ_8M), 0);

	assert_int_equal(memblock_phys_alloc(0, SZ_4K), S + SZ_8M);

	assert_type(RSV, 1, SZ_8M);
}

static void size_zero_bottom_up_rounds_the_start_of_the_piece_up(void **state)
{
	(void)state;
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_add(S + 0x10, SZ_16M), 0);

	assert_int_equal(memblock_phys_alloc(0, SZ_4K), S + SZ_4K);

	assert_empty(RSV);
}

static void size_zero_bottom_up_passes_over_an_empty_piece(void **state)
{
	(void)state;
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	/* Two touching reservations that cannot merge leave an empty piece. */
	assert_int_equal(memblock_reserve(S, SZ_1M), 0);
	assert_int_equal(memblock_reserve_kern(S + SZ_1M, SZ_1M), 0);
	assert_int_equal(RSV->cnt, 2);

	assert_int_equal(memblock_phys_alloc(0, SZ_4K), S + SZ_2M);

	assert_type(RSV, 2, SZ_2M);
}

/* Size 0 still needs a free piece to take its address from. */
static void size_0_allocation_without_free_memory_fails(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_64K), 0);
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_64K), 0);

	assert_int_equal(memblock_phys_alloc(0, SZ_4K), 0);
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_phys_alloc(0, SZ_4K), 0);
	assert_type(RSV, 1, SZ_64K);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(alloc_top_down_lands_at_the_top_and_zeroes_exactly_size_bytes),
		MB_TEST(size_0_allocation_without_free_memory_fails),
		MB_TEST(alloc_raw_leaves_the_contents_alone),
		MB_TEST(alloc_below_a_plain_reservation_stays_a_separate_region),
		MB_TEST(alloc_right_below_a_kernel_reservation_merges_with_it),
		MB_TEST(alloc_right_below_a_plain_reservation_does_not_merge),
		MB_TEST(alloc_above_a_kernel_reservation_fills_the_space_and_merges),
		MB_TEST(alloc_fills_a_gap_between_reservations_exactly),
		MB_TEST(alloc_skips_free_gaps_too_small_for_it),
		MB_TEST(alloc_takes_the_last_free_block_when_it_fits_exactly),
		MB_TEST(alloc_fails_when_all_memory_is_reserved),
		MB_TEST(alloc_fails_when_no_free_gap_is_big_enough),
		MB_TEST(alloc_fails_without_any_memory),
		MB_TEST(alloc_larger_than_memory_fails),
		MB_TEST(successive_allocations_stack_downwards_into_one_region),
		MB_TEST(freed_block_is_handed_out_again),
		MB_TEST(alloc_bottom_up_lands_at_the_bottom),
		MB_TEST(alloc_bottom_up_right_above_a_kernel_reservation_merges),
		MB_TEST(alloc_bottom_up_skips_free_gaps_too_small_for_it),
		MB_TEST(alloc_bottom_up_rounds_the_start_up_to_the_alignment),
		MB_TEST(first_page_is_never_handed_out_bottom_up),
		MB_TEST(memory_within_the_first_page_cannot_be_allocated),
		MB_TEST(range_end_is_exclusive),
		MB_TEST(range_end_zero_or_one_means_the_current_limit),
		MB_TEST(phys_alloc_range_does_not_clamp_an_explicit_end_to_the_limit),
		MB_TEST(phys_alloc_stays_below_the_current_limit),
		MB_TEST(virtual_api_clamps_max_addr_to_the_current_limit),
		MB_TEST(alloc_from_drops_min_addr_when_nothing_fits_above_it),
		MB_TEST(alloc_from_with_the_space_above_reserved_lands_below_min_addr),
		MB_TEST(alloc_from_bottom_up_starts_at_min_addr),
		MB_TEST(alloc_from_bottom_up_drops_min_addr_when_nothing_fits_above),
		MB_TEST(phys_alloc_range_never_drops_its_start),
		MB_TEST(try_nid_never_drops_max_addr),
		MB_TEST(try_nid_in_a_too_narrow_window_drops_min_addr_top_down),
		MB_TEST(try_nid_in_a_too_narrow_window_drops_min_addr_bottom_up),
		MB_TEST(try_nid_uses_the_exact_window_when_it_fits),
		MB_TEST(alloc_low_lands_below_arch_low_address_limit),
		MB_TEST(alignment_zero_means_smp_cache_bytes),
		MB_TEST(alignment_is_honoured_top_down),
		MB_TEST(alignment_not_a_power_of_two_fails_and_changes_nothing),
		MB_TEST(phys_alloc_of_size_zero_returns_an_address_and_reserves_nothing),
		MB_TEST(alloc_of_size_zero_returns_a_pointer_and_reserves_nothing),
		MB_TEST(size_zero_top_down_rounds_the_end_of_the_piece_down),
		MB_TEST(size_zero_top_down_may_return_the_start_of_a_piece),
		MB_TEST(size_zero_top_down_may_return_the_end_of_a_piece),
		MB_TEST(size_zero_bottom_up_rounds_the_start_of_the_piece_up),
		MB_TEST(size_zero_bottom_up_passes_over_an_empty_piece),
		MB_TEST(alloc_with_a_node_records_rsrv_kern_and_that_node),
		MB_TEST(alloc_or_panic_returns_a_zeroed_block),
		MB_TEST(alloc_or_panic_panics_naming_the_caller_when_nothing_fits),
#ifdef CONFIG_NUMA
		MB_TEST(numa_try_nid_lands_at_the_top_of_the_node_and_records_it),
		MB_TEST(numa_try_nid_bottom_up_lands_at_the_bottom_of_the_node),
		MB_TEST(numa_small_node_falls_back_to_the_highest_fit_with_no_node),
		MB_TEST(numa_small_node_bottom_up_falls_back_to_the_lowest_fit),
		MB_TEST(numa_exact_nid_on_a_too_small_node_fails),
		MB_TEST(numa_fully_reserved_node_falls_back_to_another),
		MB_TEST(numa_exact_nid_on_a_fully_reserved_node_fails),
		MB_TEST(numa_partly_reserved_node_uses_what_is_left_of_it),
		MB_TEST(numa_alloc_node_returns_zeroed_memory_of_that_node),
		MB_TEST(numa_window_across_a_node_boundary_uses_the_nodes_part),
		MB_TEST(numa_window_outside_the_node_falls_back_inside_the_window),
		MB_TEST(numa_exact_nid_with_the_window_above_the_node_drops_min_addr),
		MB_TEST(numa_exact_nid_with_the_window_below_the_node_fails),
		MB_TEST(numa_request_larger_than_any_node_fails),
#endif
	};

	return MB_RUN("core/alloc", tests);
}
