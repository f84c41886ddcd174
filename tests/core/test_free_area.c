// SPDX-License-Identifier: MIT
/*
 * test_free_area.c - late freeing of a reserved area (src/free_area.c):
 * free_reserved_area().
 */
#include <string.h>

#include "core_helpers.h"

#define S WIN_BASE
#define VA(pa) memblock_env_phys_to_virt(pa)

static void free_area_hands_over_its_whole_pages(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_64K), 0);
	assert_int_equal(memblock_reserve(S, SZ_64K), 0);

	/* [S + 100, S + 5 pages + 50): pages 1 to 4 are whole. */
	assert_int_equal(free_reserved_area(VA(S + 100), VA(S + 5 * SZ_4K + 50),
					    -1, NULL), 4);

	assert_int_equal(test_nr_handoffs, 1);
	assert_int_equal(test_handoffs[0].start_pfn, PFN_DOWN(S) + 1);
	assert_int_equal(test_handoffs[0].nr_pages, 4);
}

static void free_area_ending_on_a_page_boundary_frees_its_last_page(void **state)
{
	(void)state;
	assert_int_equal(free_reserved_area(VA(S), VA(S + SZ_8K), -1, NULL), 2);
	assert_int_equal(test_handoffs[0].start_pfn, PFN_DOWN(S));
	assert_int_equal(test_handoffs[0].nr_pages, 2);
}

static void free_area_poisons_whole_pages_only(void **state)
{
	unsigned char *p = VA(S);

	(void)state;
	test_fill_window(0);

	assert_int_equal(free_reserved_area(p + 8, p + 3 * SZ_4K - 8, 0x5a, NULL), 1);

	assert_true(test_mem_is(p, 0, SZ_4K));
	assert_true(test_mem_is(p + SZ_4K, 0x5a, SZ_4K));
	assert_true(test_mem_is(p + SZ_8K, 0, SZ_4K));
}

static void free_area_with_poison_out_of_byte_range_leaves_pages(void **state)
{
	(void)state;
	test_fill_window(0x11);

	assert_int_equal(free_reserved_area(VA(S), VA(S + SZ_8K), -1, NULL), 2);
	assert_int_equal(free_reserved_area(VA(S), VA(S + SZ_8K), 0x100, NULL), 2);
	assert_true(test_mem_is(VA(S), 0x11, SZ_8K));
}

static void free_area_logs_what_it_freed_when_named(void **state)
{
	(void)state;
	assert_int_equal(free_reserved_area(VA(S), VA(S + SZ_16K), -1, NULL), 4);
	assert_string_equal(test_log(), "");

	assert_int_equal(free_reserved_area(VA(S), VA(S + SZ_16K), -1, "initrd"), 4);
	assert_non_null(strstr(test_log(), "initrd"));
	assert_non_null(strstr(test_log(), "16 KiB"));
}

static void free_area_empty_inverted_or_partial_hands_over_nothing(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_64K), 0);
	assert_int_equal(memblock_reserve(S, SZ_64K), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(free_reserved_area(VA(S), VA(S), 0, "empty"), 0);
	assert_int_equal(free_reserved_area(VA(S + SZ_8K), VA(S), 0, "inverted"), 0);
	assert_int_equal(free_reserved_area(VA(S + 1), VA(S + SZ_4K + 1), 0, "partial"), 0);

	assert_int_equal(test_nr_handoffs, 0);
	assert_string_equal(test_log(), "");
	assert_snapshot_unchanged(&snap);
}

#ifdef CONFIG_ARCH_KEEP_MEMBLOCK
static void free_area_drops_the_range_from_reserved_when_memblock_is_kept(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_64K), 0);
	assert_int_equal(memblock_reserve(S, SZ_64K), 0);

	assert_int_equal(free_reserved_area(VA(S + SZ_4K), VA(S + SZ_8K + 10), -1,
					    NULL), 1);

	assert_type(RSV, 2, SZ_64K - SZ_4K - 10);
	assert_region(RSV, 0, S, SZ_4K);
	assert_region(RSV, 1, S + SZ_8K + 10, SZ_64K - SZ_8K - 10);
}
#else
static void free_area_keeps_reserved_as_it_is(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_64K), 0);
	assert_int_equal(memblock_reserve(S, SZ_64K), 0);

	assert_int_equal(free_reserved_area(VA(S), VA(S + SZ_8K), -1, NULL), 2);
	assert_type(RSV, 1, SZ_64K);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(free_area_hands_over_its_whole_pages),
		MB_TEST(free_area_ending_on_a_page_boundary_frees_its_last_page),
		MB_TEST(free_area_poisons_whole_pages_only),
		MB_TEST(free_area_with_poison_out_of_byte_range_leaves_pages),
		MB_TEST(free_area_logs_what_it_freed_when_named),
		MB_TEST(free_area_empty_inverted_or_partial_hands_over_nothing),
#ifdef CONFIG_ARCH_KEEP_MEMBLOCK
		MB_TEST(free_area_drops_the_range_from_reserved_when_memblock_is_kept),
#else
		MB_TEST(free_area_keeps_reserved_as_it_is),
#endif
	};

	return MB_RUN("core/free_area", tests);
}
