// SPDX-License-Identifier: MIT
/*
 * test_dump.c - memblock_dump_all() and the debug log lines (src/dump.c),
 * in Linux's format: inclusive ends, %pa as every hex digit of phys_addr_t.
 */
#include <stdio.h>
#include <string.h>

#include "core_helpers.h"

/* %pa as Linux prints it: 0x and 2 * sizeof(phys_addr_t) hex digits. */
static const char *pa(phys_addr_t v, char *buf)
{
	sprintf(buf, "0x%0*llx", (int)(2 * sizeof(phys_addr_t)), (unsigned long long)v);
	return buf;
}

static void dump_all_prints_nothing_without_memblock_debug(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_1M), 0);

	memblock_dump_all();

	assert_string_equal(test_log(), "");
}

static void dump_all_prints_totals_and_every_region_in_linux_format(void **state)
{
	char want[1024], a[24], b[24], c[24], d[24];
	const char *node = "";

	(void)state;
	memblock_debug = 1;
	assert_int_equal(memblock_add_node(WIN_BASE, SZ_128M, 0, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_reserve_kern(WIN_BASE + SZ_1M, SZ_4K), 0);
	test_log_clear();

	memblock_dump_all();

#ifdef CONFIG_NUMA
	node = " on node 0";
#endif
	snprintf(want, sizeof(want),
		 "MEMBLOCK configuration:\n"
		 " memory size = %s reserved size = %s\n"
		 " memory.cnt  = 0x1\n"
		 " memory[0x0]\t[%s-%s], %s bytes%s flags: 0x0\n",
		 pa(SZ_128M, a), pa(SZ_4K, b), pa(WIN_BASE, c),
		 pa(WIN_BASE + SZ_128M - 1, d), pa(SZ_128M, a), node);
	assert_true(strncmp(test_log(), want, strlen(want)) == 0);

	snprintf(want, sizeof(want),
		 " reserved.cnt  = 0x1\n"
		 " reserved[0x0]\t[%s-%s], %s bytes flags: 0x20\n",
		 pa(WIN_BASE + SZ_1M, a), pa(WIN_BASE + SZ_1M + SZ_4K - 1, b), pa(SZ_4K, c));
	assert_non_null(strstr(test_log(), want));
}

static void dump_all_lists_empty_arrays_with_a_zero_count(void **state)
{
	(void)state;
	memblock_debug = 1;

	memblock_dump_all();

	assert_non_null(strstr(test_log(), " memory.cnt  = 0x0\n reserved.cnt  = 0x0\n"));
	assert_null(strstr(test_log(), "memory[0x0]"));
}

static void dump_all_names_no_node_for_regions_without_a_valid_one(void **state)
{
	(void)state;
	memblock_debug = 1;
	assert_int_equal(memblock_add(WIN_BASE, SZ_1M), 0);
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_4K), 0);

	memblock_dump_all();

	assert_null(strstr(test_log(), "on node"));
}

static void dump_all_numbers_regions_in_hex(void **state)
{
	unsigned int i;
	char idx[32];

	(void)state;
	memblock_debug = 1;
	for (i = 0; i < 17; i++)
		assert_int_equal(memblock_add_node(WIN_BASE + i * SZ_8K, SZ_4K, 0,
						   MEMBLOCK_NOMAP), 0);

	memblock_dump_all();

	assert_non_null(strstr(test_log(), " memory.cnt  = 0x11\n"));
	snprintf(idx, sizeof(idx), " memory[0x10]\t[");
	assert_non_null(strstr(test_log(), idx));
	assert_non_null(strstr(test_log(), "flags: 0x4\n"));
}

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static void dump_all_includes_physmem(void **state)
{
	(void)state;
	memblock_debug = 1;
	assert_int_equal(memblock_physmem_add(WIN_BASE, SZ_1M), 0);

	memblock_dump_all();

	assert_non_null(strstr(test_log(), " physmem.cnt  = 0x1\n physmem[0x0]\t["));
}
#endif

#ifdef CONFIG_MEMBLOCK_TRACE
static void debug_log_names_the_call_and_the_inclusive_range(void **state)
{
	char want[96], a[24], b[24];

	(void)state;
	memblock_debug = 1;
	assert_int_equal(memblock_add(WIN_BASE, SZ_16M), 0);

	snprintf(want, sizeof(want), "memblock_add: [%s-%s]", pa(WIN_BASE, a),
		 pa(WIN_BASE + SZ_16M - 1, b));
	assert_non_null(strstr(test_log(), want));
}
#endif

static void no_debug_log_without_memblock_debug(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, SZ_16M), 0);
	assert_int_equal(memblock_reserve(WIN_BASE, SZ_16K), 0);
	assert_int_equal(memblock_remove(WIN_BASE, SZ_4K), 0);

	assert_string_equal(test_log(), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(dump_all_prints_nothing_without_memblock_debug),
		MB_TEST(dump_all_prints_totals_and_every_region_in_linux_format),
		MB_TEST(dump_all_lists_empty_arrays_with_a_zero_count),
		MB_TEST(dump_all_names_no_node_for_regions_without_a_valid_one),
		MB_TEST(dump_all_numbers_regions_in_hex),
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		MB_TEST(dump_all_includes_physmem),
#endif
#ifdef CONFIG_MEMBLOCK_TRACE
		MB_TEST(debug_log_names_the_call_and_the_inclusive_range),
#endif
		MB_TEST(no_debug_log_without_memblock_debug),
	};

	return MB_RUN("core/dump", tests);
}
