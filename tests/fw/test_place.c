// SPDX-License-Identifier: MIT
/*
 * test_place.c - memblock_place_image(): room for a next-stage image,
 * found the way kexec_file finds it (src/fw/place.c).
 *
 * Placement only reads and reserves ranges, so the addresses here need not
 * be backed.
 */
#include "harness.h"
#include <memblock/fw.h>

#define A ((phys_addr_t)0x40000000)	/* 1 GiB */

/* A request for @size bytes aligned to @align anywhere, top-down. */
static struct memblock_placement anywhere(phys_addr_t size, phys_addr_t align)
{
	return (struct memblock_placement){
		.size = size,
		.align = align,
		.min_addr = 0,
		.max_addr = MEMBLOCK_ALLOC_ANYWHERE,
	};
}

/* Place @req; it must succeed at @want. */
static void assert_placed(const struct memblock_placement *req,
			  phys_addr_t want)
{
	phys_addr_t base = 1;

	assert_int_equal(memblock_place_image(req, &base), 0);
	assert_int_equal(base, want);
}

/* Place @req; it must fail with @err and change nothing. */
static void assert_refused(const struct memblock_placement *req, int err)
{
	struct mb_snapshot snap;
	phys_addr_t base = 0x1234;

	mb_snapshot_take(&snap);
	assert_int_equal(memblock_place_image(req, &base), err);
	assert_int_equal(base, 0x1234);
	assert_snapshot_unchanged(&snap);
}

static void top_down_takes_the_highest_fit(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_1M);

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_reserve(A + SZ_32M - SZ_512K, SZ_512K), 0);
	assert_placed(&req, A + 30 * SZ_1M);
}

static void bottom_up_takes_the_lowest_fit(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_1M);

	(void)state;
	req.bottom_up = true;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_reserve(A, SZ_4K), 0);
	assert_placed(&req, A + SZ_1M);
}

static void alignment_is_honoured_both_ways(void **state)
{
	struct memblock_placement req = anywhere(SZ_4K, SZ_8K);

	(void)state;
	assert_int_equal(memblock_add(A + SZ_4K, 4 * SZ_4K), 0);
	assert_placed(&req, A + SZ_16K);
	req.bottom_up = true;
	assert_placed(&req, A + SZ_8K);

	/* No aligned start leaves room: [A+4K, A+20K) cannot hold 8K at 16K. */
	req = anywhere(SZ_8K, SZ_16K);
	assert_refused(&req, -ENOENT);
}

static void the_window_bounds_the_result(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_1M);

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	req.min_addr = A + SZ_4M;
	req.max_addr = A + SZ_8M;	/* exclusive: the image may end there */
	assert_placed(&req, A + 7 * SZ_1M);
	req.bottom_up = true;
	assert_placed(&req, A + SZ_4M);

	/* An unaligned window end: the image must still end below it. */
	req.bottom_up = false;
	req.max_addr = A + SZ_8M - 1;
	assert_placed(&req, A + 6 * SZ_1M);

	req.min_addr = A + SZ_4M + 1;
	req.max_addr = A + 6 * SZ_1M;
	req.bottom_up = true;
	assert_placed(&req, A + 5 * SZ_1M);

	req.min_addr = A + SZ_4M + 1;
	req.max_addr = A + 6 * SZ_1M - 1;
	assert_refused(&req, -ENOENT);
}

static void never_on_driver_managed_memory(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_4K);
	phys_addr_t base;

	(void)state;
	/* Plain memory, full but for 1 MiB at its bottom... */
	assert_int_equal(memblock_add(A, SZ_16M), 0);
	assert_int_equal(memblock_reserve(A + SZ_1M, SZ_16M - SZ_1M), 0);
	/* ...and a large, free driver-managed region above it. */
	assert_int_equal(memblock_add_node(A + SZ_16M, SZ_16M, 0,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	assert_placed(&req, A);
	req.bottom_up = true;
	assert_placed(&req, A);

	/* Once the plain hole is gone, nothing fits. */
	req.reserve = true;
	assert_int_equal(memblock_place_image(&req, &base), 0);
	assert_int_equal(base, A);
	assert_refused(&req, -ENOENT);
	req.bottom_up = false;
	assert_refused(&req, -ENOENT);
}

static void never_on_nomap_memory(void **state)
{
	struct memblock_placement req = anywhere(SZ_2M, SZ_4K);

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_mark_nomap(A + SZ_2M, SZ_32M - SZ_2M), 0);
	assert_placed(&req, A);
	req.size = SZ_2M + SZ_4K;
	assert_refused(&req, -ENOENT);
	req.bottom_up = true;
	assert_refused(&req, -ENOENT);
}

static void never_on_reserved_memory(void **state)
{
	struct memblock_placement req = anywhere(SZ_2M, SZ_4K);

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	/* Free: [A+3M, A+5M) and [A+20M, A+21M). */
	assert_int_equal(memblock_reserve(A, 3 * SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + 5 * SZ_1M, 15 * SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + 21 * SZ_1M, 11 * SZ_1M), 0);
	assert_placed(&req, A + 3 * SZ_1M);
	req.size = SZ_1M;
	assert_placed(&req, A + 20 * SZ_1M);
	req.bottom_up = true;
	assert_placed(&req, A + 3 * SZ_1M);
}

static void reserve_records_a_kernel_reservation(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_64K);
	phys_addr_t base;

	(void)state;
	req.reserve = true;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_place_image(&req, &base), 0);
	assert_int_equal(base, A + SZ_32M - SZ_1M);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region_flags(&memblock.reserved, 0, base, SZ_1M,
			    MEMBLOCK_RSRV_KERN);
	assert_region_nid(&memblock.reserved, 0, NUMA_NO_NODE);

	/* The next image goes below the first. */
	assert_int_equal(memblock_place_image(&req, &base), 0);
	assert_int_equal(base, A + SZ_32M - SZ_2M);
	assert_int_equal(memblock_reserved_size(), SZ_2M);
}

static void without_reserve_nothing_changes(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_64K);
	struct mb_snapshot snap;
	phys_addr_t base;

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_reserve(A + SZ_8M, SZ_1M), 0);
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_place_image(&req, &base), 0);
	assert_int_equal(memblock_place_image(&req, &base), 0);
	assert_int_equal(base, A + SZ_32M - SZ_1M);
	assert_snapshot_unchanged(&snap);
	/* What it found is free. */
	assert_int_equal(memblock_explain_range(base, SZ_1M, NULL, 0), 0);
}

static void direction_and_limit_of_memblock_play_no_part(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_1M);

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	memblock_set_bottom_up(true);
	memblock_set_current_limit(A + SZ_4M);
	assert_placed(&req, A + 31 * SZ_1M);
	req.bottom_up = true;
	memblock_set_bottom_up(false);
	assert_placed(&req, A);
}

static void address_zero_is_a_valid_result(void **state)
{
	struct memblock_placement req = anywhere(SZ_4K, SZ_4K);

	(void)state;
	req.bottom_up = true;
	assert_int_equal(memblock_add(0, SZ_1M), 0);
	assert_placed(&req, 0);
	req.min_addr = 1;
	assert_placed(&req, SZ_4K);
}

static void bad_requests_are_refused(void **state)
{
	struct memblock_placement req = anywhere(SZ_1M, SZ_4K);
	phys_addr_t base = 0x1234;

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_place_image(NULL, &base), -EINVAL);
	assert_int_equal(memblock_place_image(&req, NULL), -EINVAL);
	assert_int_equal(base, 0x1234);

	req.size = 0;
	assert_refused(&req, -EINVAL);
	req = anywhere(SZ_1M, 0);
	assert_refused(&req, -EINVAL);
	req = anywhere(SZ_1M, 3 * SZ_4K);
	assert_refused(&req, -EINVAL);
	req = anywhere(SZ_1M, SZ_4K);
	req.reserve = true;
	req.min_addr = A + SZ_8M;
	req.max_addr = A + SZ_8M;
	assert_refused(&req, -EINVAL);
	req.max_addr = A;
	assert_refused(&req, -EINVAL);
}

static void no_room_gives_enoent(void **state)
{
	struct memblock_placement req = anywhere(SZ_32M + 1, 1);

	(void)state;
	req.reserve = true;
	assert_refused(&req, -ENOENT);	/* no memory at all */
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_refused(&req, -ENOENT);
	req.bottom_up = true;
	assert_refused(&req, -ENOENT);
	req.size = SZ_32M;
	assert_placed(&req, A);
}

static void reserve_failure_gives_enomem_and_changes_nothing(void **state)
{
	struct memblock_placement req = anywhere(SZ_4K, SZ_4K);
	unsigned long i;

	(void)state;
	req.reserve = true;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	/* Fill the reserved array; it may not grow before allow_resize. */
	for (i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		assert_int_equal(memblock_reserve(A + i * SZ_16K, SZ_4K), 0);
	assert_int_equal(memblock.reserved.cnt, memblock.reserved.max);
	assert_refused(&req, -ENOMEM);
}

static void the_result_never_wraps_at_the_top(void **state)
{
	const phys_addr_t top = PHYS_ADDR_MAX - SZ_64K + 1;
	struct memblock_placement req = anywhere(SZ_4K, SZ_4K);

	(void)state;
	/* The region is capped to [top, PHYS_ADDR_MAX). */
	assert_int_equal(memblock_add(top, SZ_64K), 0);
	assert_placed(&req, PHYS_ADDR_MAX - SZ_8K + 1);
	req.size = SZ_64K;
	assert_refused(&req, -ENOENT);
	req.size = SZ_64K - 1;
	req.align = 1;
	assert_placed(&req, top);

	/* Rounding up past the end of the address space finds nothing. */
	assert_int_equal(memblock_reserve(top, SZ_32K), 0);
	req = anywhere(1, SZ_64K);
	req.bottom_up = true;
	assert_refused(&req, -ENOENT);
	req.bottom_up = false;
	assert_refused(&req, -ENOENT);
}

#ifdef CONFIG_PHYS_ADDR_T_64BIT
static void a_window_ending_at_4g_keeps_the_image_below(void **state)
{
	struct memblock_placement req = anywhere(SZ_16M, SZ_2M);

	(void)state;
	assert_int_equal(memblock_add(3 * SZ_1G, 2 * SZ_1G), 0);
	assert_placed(&req, 5 * SZ_1G - SZ_16M);
	req.max_addr = 4 * SZ_1G;
	assert_placed(&req, 4 * SZ_1G - SZ_16M);
	req.min_addr = 4 * SZ_1G - SZ_8M;
	req.max_addr = MEMBLOCK_ALLOC_ANYWHERE;
	req.bottom_up = true;
	assert_placed(&req, 4 * SZ_1G - SZ_8M);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(top_down_takes_the_highest_fit),
		MB_TEST(bottom_up_takes_the_lowest_fit),
		MB_TEST(alignment_is_honoured_both_ways),
		MB_TEST(the_window_bounds_the_result),
		MB_TEST(never_on_driver_managed_memory),
		MB_TEST(never_on_nomap_memory),
		MB_TEST(never_on_reserved_memory),
		MB_TEST(reserve_records_a_kernel_reservation),
		MB_TEST(without_reserve_nothing_changes),
		MB_TEST(direction_and_limit_of_memblock_play_no_part),
		MB_TEST(address_zero_is_a_valid_result),
		MB_TEST(bad_requests_are_refused),
		MB_TEST(no_room_gives_enoent),
		MB_TEST(reserve_failure_gives_enomem_and_changes_nothing),
		MB_TEST(the_result_never_wraps_at_the_top),
#ifdef CONFIG_PHYS_ADDR_T_64BIT
		MB_TEST(a_window_ending_at_4g_keeps_the_image_below),
#endif
	};

	return MB_RUN("fw/place", tests);
}
