// SPDX-License-Identifier: MIT
/*
 * test_hugetlb.c - boot-time huge pages (src/hugetlb.c):
 * memblock_alloc_hugetlb() and memblock_reserved_hugetlb_size().
 */
#include <string.h>

#include "core_helpers.h"

#define S WIN_BASE
#define HUGETLB_RSV (MEMBLOCK_RSRV_KERN | MEMBLOCK_RSRV_HUGETLB)

static void hugetlb_takes_the_highest_block_aligned_to_its_size(void **state)
{
	void *p;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_reserve(S + SZ_16M - SZ_1M, SZ_1M), 0);

	p = memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false);

	assert_int_equal(va2pa(p), S + SZ_16M - SZ_4M);
	assert_type(RSV, 2, SZ_2M + SZ_1M);
	assert_rgn(RSV, 0, S + SZ_16M - SZ_4M, SZ_2M, HUGETLB_RSV, NUMA_NO_NODE);
}

static void hugetlb_bottom_up_takes_the_lowest_block(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S + SZ_1M, SZ_16M), 0);
	memblock_set_bottom_up(true);

	assert_int_equal(va2pa(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false)),
			 S + SZ_2M);
	assert_rgn(RSV, 0, S + SZ_2M, SZ_2M, HUGETLB_RSV, NUMA_NO_NODE);
}

static void hugetlb_leaves_the_block_as_it_was(void **state)
{
	void *p;

	(void)state;
	test_fill_window(0xa5);
	assert_int_equal(memblock_add(S, SZ_4M), 0);

	p = memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false);

	assert_non_null(p);
	assert_true(test_mem_is(p, 0xa5, SZ_2M));
}

/* Mirrored memory is kept for the kernel: huge pages do not prefer it. */
static void hugetlb_does_not_prefer_mirrored_memory(void **state)
{
	(void)state;
	mirrored_kernelcore = true;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_mark_mirror(S, SZ_4M), 0);

	assert_int_equal(va2pa(memblock_alloc(SZ_4K, SZ_4K)), S + SZ_4M - SZ_4K);
	test_log_clear();
	assert_int_equal(va2pa(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false)),
			 S + SZ_16M - SZ_2M);
	assert_null(strstr(test_log(), "mirror"));
}

#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
static void hugetlb_never_lands_in_kho_scratch_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_mark_kho_scratch(S + SZ_8M, SZ_8M), 0);

	assert_int_equal(va2pa(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false)),
			 S + SZ_8M - SZ_2M);

	memblock_set_bottom_up(true);
	assert_int_equal(memblock_mark_kho_scratch(S, SZ_2M), 0);
	assert_int_equal(va2pa(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false)),
			 S + SZ_2M);
	assert_type(RSV, 2, SZ_4M);
}

/* Scratch-only mode binds the kernel's blocks, not huge pages. */
static void hugetlb_in_scratch_only_mode_still_avoids_scratch(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_mark_kho_scratch(S + SZ_8M, SZ_8M), 0);
	memblock_set_kho_scratch_only();

	assert_int_equal(va2pa(memblock_alloc(SZ_4K, SZ_4K)), S + SZ_16M - SZ_4K);
	assert_int_equal(va2pa(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false)),
			 S + SZ_8M - SZ_2M);
}

static void hugetlb_fails_when_only_scratch_memory_is_free(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_8M), 0);
	assert_int_equal(memblock_add(S + SZ_16M, SZ_8M), 0);
	assert_int_equal(memblock_mark_kho_scratch(S + SZ_16M, SZ_8M), 0);
	assert_int_equal(memblock_reserve(S, SZ_8M), 0);
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false));
	assert_snapshot_unchanged(&snap);

	memblock_set_bottom_up(true);
	mb_snapshot_take(&snap);
	assert_null(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false));
	assert_snapshot_unchanged(&snap);
}
#endif

static void hugetlb_refuses_bad_sizes_and_changes_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_hugetlb(0, NUMA_NO_NODE, false));
	assert_null(memblock_alloc_hugetlb(SZ_2M + SZ_1M, NUMA_NO_NODE, false));
	assert_null(memblock_alloc_hugetlb(SZ_32M, NUMA_NO_NODE, false));
	assert_snapshot_unchanged(&snap);
}

static void hugetlb_with_a_full_reserved_array_changes_nothing(void **state)
{
	struct mb_snapshot snap;
	unsigned long i;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_32M), 0);
	for (i = 0; i < RSV->max; i++)
		assert_int_equal(memblock_reserve(S + i * SZ_8K, SZ_4K), 0);
	mb_snapshot_take(&snap);

	assert_null(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false));
	assert_snapshot_unchanged(&snap);
}

static void hugetlb_size_counts_only_huge_pages(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_non_null(memblock_alloc(SZ_64K, SZ_4K));
	assert_non_null(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false));
	assert_non_null(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false));

	assert_int_equal(memblock_reserved_hugetlb_size(MEMBLOCK_ALLOC_ANYWHERE,
							NUMA_NO_NODE), SZ_4M);
	/* Huge pages are kernel reservations too. */
	assert_int_equal(memblock_reserved_kern_size(MEMBLOCK_ALLOC_ANYWHERE,
						     NUMA_NO_NODE),
			 SZ_4M + SZ_64K);
	/* The two pages merged into [S + 10M, S + 14M): 3M lie below S + 13M. */
	assert_int_equal(memblock_reserved_hugetlb_size(S + SZ_8M + SZ_4M + SZ_1M,
							NUMA_NO_NODE), SZ_2M + SZ_1M);
	assert_int_equal(memblock_reserved_hugetlb_size(S, NUMA_NO_NODE), 0);
}

/* RSRV_HUGETLB filters nothing: walks cut the block out, the dump shows 0xa0. */
static void hugetlb_reservations_are_walked_and_dumped_like_any_other(void **state)
{
	phys_addr_t start, end, pa;
	unsigned int n = 0;
	u64 i;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_4M), 0);
	pa = va2pa(memblock_alloc_hugetlb(SZ_2M, NUMA_NO_NODE, false));
	assert_int_equal(pa, S + SZ_2M);

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		assert_int_equal(start, S);
		assert_int_equal(end, S + SZ_2M);
		n++;
	}
	assert_int_equal(n, 1);
	n = 0;
	for_each_reserved_mem_range(i, &start, &end)
		n += start == pa && end == pa + SZ_2M;
	assert_int_equal(n, 1);

	memblock_debug = 1;
	test_log_clear();
	memblock_dump_all();
	assert_non_null(strstr(test_log(), "bytes flags: 0xa0\n"));
}

#ifdef CONFIG_NUMA
static void hugetlb_takes_the_node_asked_for_or_any_unless_exact(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add_node(S, SZ_8M, 0, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_add_node(S + SZ_8M, SZ_8M, 1, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_reserve(S, SZ_8M), 0);

	assert_int_equal(va2pa(memblock_alloc_hugetlb(SZ_2M, 0, false)),
			 S + SZ_16M - SZ_2M);
	assert_rgn(RSV, 1, S + SZ_16M - SZ_2M, SZ_2M, HUGETLB_RSV, NUMA_NO_NODE);

	mb_snapshot_take(&snap);
	assert_null(memblock_alloc_hugetlb(SZ_2M, 0, true));
	assert_snapshot_unchanged(&snap);

	assert_int_equal(va2pa(memblock_alloc_hugetlb(SZ_2M, 1, true)),
			 S + SZ_16M - SZ_4M);
	assert_int_equal(memblock_reserved_hugetlb_size(MEMBLOCK_ALLOC_ANYWHERE, 1),
			 SZ_2M);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(hugetlb_takes_the_highest_block_aligned_to_its_size),
		MB_TEST(hugetlb_bottom_up_takes_the_lowest_block),
		MB_TEST(hugetlb_leaves_the_block_as_it_was),
		MB_TEST(hugetlb_does_not_prefer_mirrored_memory),
#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
		MB_TEST(hugetlb_never_lands_in_kho_scratch_memory),
		MB_TEST(hugetlb_in_scratch_only_mode_still_avoids_scratch),
		MB_TEST(hugetlb_fails_when_only_scratch_memory_is_free),
#endif
		MB_TEST(hugetlb_refuses_bad_sizes_and_changes_nothing),
		MB_TEST(hugetlb_with_a_full_reserved_array_changes_nothing),
		MB_TEST(hugetlb_size_counts_only_huge_pages),
		MB_TEST(hugetlb_reservations_are_walked_and_dumped_like_any_other),
#ifdef CONFIG_NUMA
		MB_TEST(hugetlb_takes_the_node_asked_for_or_any_unless_exact),
#endif
	};

	return MB_RUN("core/hugetlb", tests);
}
