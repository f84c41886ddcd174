// SPDX-License-Identifier: MIT
/*
 * test_validate.c - the invariant checker (src/validate.c): each rule
 * it enforces is broken once, on a private array, and must be named.
 */
#include <string.h>

#include "core_helpers.h"

static struct memblock_region rgn[4];
static struct memblock_type t = { .regions = rgn, .max = 4, .name = "test" };

static void set(unsigned int i, phys_addr_t base, phys_addr_t size,
		enum memblock_flags flags)
{
	rgn[i] = (struct memblock_region){ .base = base, .size = size, .flags = flags };
}

static void expect_broken(const char *reason)
{
	const char *why = NULL;

	assert_int_equal(memblock_validate_type(&t, &why), -EINVAL);
	assert_non_null(why);
	assert_string_equal(why, reason);
}

static int reset_type(void **state)
{
	memset(rgn, 0, sizeof(rgn));
	t.cnt = 0;
	t.max = 4;
	t.total_size = 0;
	return mb_test_setup(state);
}

#define VT(fn) cmocka_unit_test_setup_teardown(fn, reset_type, mb_test_teardown)

static void a_fresh_memblock_is_valid(void **state)
{
	(void)state;
	assert_int_equal(memblock_validate(), 0);
	assert_int_equal(memblock_validate_type(&t, NULL), 0);
}

static void a_sound_array_is_valid(void **state)
{
	(void)state;
	set(0, SZ_1M, SZ_1M, 0);
	set(1, SZ_2M, SZ_1M, MEMBLOCK_NOMAP);
	t.cnt = 2;
	t.total_size = SZ_2M;

	assert_int_equal(memblock_validate_type(&t, NULL), 0);
}

static void count_above_capacity_is_invalid(void **state)
{
	(void)state;
	t.cnt = 5;
	expect_broken("cnt exceeds max");
}

static void empty_array_with_a_used_slot_zero_is_invalid(void **state)
{
	(void)state;
	set(0, SZ_1M, SZ_1M, 0);
	expect_broken("empty array with a non-zero slot 0");
}

static void region_of_size_zero_is_invalid(void **state)
{
	(void)state;
	set(0, SZ_1M, 0, 0);
	t.cnt = 1;
	expect_broken("region of size 0");
}

static void region_wrapping_past_the_top_is_invalid(void **state)
{
	(void)state;
	set(0, PHYS_ADDR_MAX - SZ_1M, SZ_2M, 0);
	t.cnt = 1;
	t.total_size = SZ_2M;
	expect_broken("region wraps past PHYS_ADDR_MAX");
}

static void overlapping_regions_are_invalid(void **state)
{
	(void)state;
	set(0, SZ_1M, SZ_2M, 0);
	set(1, SZ_2M, SZ_2M, 0);
	t.cnt = 2;
	t.total_size = SZ_4M;
	expect_broken("regions unsorted or overlapping");
}

static void unsorted_regions_are_invalid(void **state)
{
	(void)state;
	set(0, SZ_4M, SZ_1M, 0);
	set(1, SZ_1M, SZ_1M, 0);
	t.cnt = 2;
	t.total_size = SZ_2M;
	expect_broken("regions unsorted or overlapping");
}

static void touching_neighbours_with_equal_flags_and_node_are_invalid(void **state)
{
	(void)state;
	set(0, SZ_1M, SZ_1M, MEMBLOCK_HOTPLUG);
	set(1, SZ_2M, SZ_1M, MEMBLOCK_HOTPLUG);
	t.cnt = 2;
	t.total_size = SZ_2M;
	expect_broken("mergeable neighbours left apart");
}

static void wrong_total_size_is_invalid(void **state)
{
	(void)state;
	set(0, SZ_1M, SZ_1M, 0);
	t.cnt = 1;
	t.total_size = SZ_2M;
	expect_broken("total_size is not the sum of the sizes");
}

static void validate_names_the_broken_global_array_in_the_log(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	memblock.memory.total_size++;

	assert_int_equal(memblock_validate(), -EINVAL);
	assert_non_null(strstr(test_log(),
			       "memory: total_size is not the sum of the sizes"));
	memblock.memory.total_size--;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		VT(a_fresh_memblock_is_valid),
		VT(a_sound_array_is_valid),
		VT(count_above_capacity_is_invalid),
		VT(empty_array_with_a_used_slot_zero_is_invalid),
		VT(region_of_size_zero_is_invalid),
		VT(region_wrapping_past_the_top_is_invalid),
		VT(overlapping_regions_are_invalid),
		VT(unsorted_regions_are_invalid),
		VT(touching_neighbours_with_equal_flags_and_node_are_invalid),
		VT(wrong_total_size_is_invalid),
		VT(validate_names_the_broken_global_array_in_the_log),
	};

	return MB_RUN("core/validate", tests);
}
