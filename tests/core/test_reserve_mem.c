// SPDX-License-Identifier: MIT
/*
 * test_reserve_mem.c - named reservations (src/reserve_mem.c):
 * memblock_reserve_mem(), reserve_mem_find_by_name() and
 * reserve_mem_release_by_name().
 */
#include "core_helpers.h"

#define S WIN_BASE
#define MB_ALIGN_UP_TEST(x, a) (((x) + (a) - 1) & ~((phys_addr_t)(a) - 1))

static void reserve_mem_allocates_and_finds_an_area_by_name(void **state)
{
	phys_addr_t start = 0, size = 0;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);

	assert_int_equal(memblock_reserve_mem("1M:64K:trace"), 0);

	assert_int_equal(reserve_mem_find_by_name("trace", &start, &size), 1);
	assert_int_equal(start, S + SZ_16M - SZ_1M);
	assert_int_equal(size, SZ_1M);
	assert_rgn(RSV, 0, start, SZ_1M, MEMBLOCK_RSRV_KERN, NUMA_NO_NODE);
	assert_int_equal(reserve_mem_find_by_name("other", &start, &size), 0);
	assert_int_equal(reserve_mem_find_by_name(NULL, &start, &size), 0);
}

static void reserve_mem_reads_sizes_as_the_command_line_writes_them(void **state)
{
	phys_addr_t start, size;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	memblock_set_bottom_up(true);

	assert_int_equal(memblock_reserve_mem("0x3008:0x10000:hex"), 0);
	assert_int_equal(memblock_reserve_mem("010:8:octal"), 0);
	assert_int_equal(memblock_reserve_mem("64k:2M:kilo"), 0);
	assert_int_equal(memblock_reserve_mem("1m:4K:mega"), 0);

	assert_int_equal(reserve_mem_find_by_name("hex", &start, &size), 1);
	assert_int_equal(start, S);
	assert_int_equal(size, 0x3008);
	/* 8 bytes; an alignment below SMP_CACHE_BYTES is raised to it. */
	assert_int_equal(reserve_mem_find_by_name("octal", &start, &size), 1);
	assert_int_equal(start, S + MB_ALIGN_UP_TEST(0x3008, SMP_CACHE_BYTES));
	assert_int_equal(size, 8);
	assert_int_equal(reserve_mem_find_by_name("kilo", &start, &size), 1);
	assert_int_equal(start, S + SZ_2M);
	assert_int_equal(size, SZ_64K);
	assert_int_equal(reserve_mem_find_by_name("mega", &start, &size), 1);
	assert_int_equal(size, SZ_1M);
}

static void reserve_mem_refuses_malformed_parameters_and_changes_nothing(void **state)
{
	static const char *const bad[] = {
		"", "1M", "1M:4K", "1M:4K:", "1M:4K:   ", ":4K:x", "1M::x",
		"1M:4K:sixteen-chars-xy", "0:4K:zero", "1M:3K:odd-align",
		"1Q:4K:unit", "0x:4K:nodigits", "1M;4K:sep",
		"99999999999999999999:4K:huge", "16E:4K:huge", "1M:4K:\t",
	};
	struct mb_snapshot snap;
	phys_addr_t start, size;
	unsigned int i;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_reserve_mem(NULL), -EINVAL);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(memblock_reserve_mem(bad[i]), -EINVAL);
	}
	assert_snapshot_unchanged(&snap);
	assert_int_equal(reserve_mem_find_by_name("x", &start, &size), 0);
}

static void reserve_mem_accepts_a_name_of_fifteen_characters(void **state)
{
	phys_addr_t start, size;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_reserve_mem("4K:4K:sixteen-chars-xy"), -EINVAL);
	assert_int_equal(memblock_reserve_mem("4K:4K:fifteen-chars-x"), 0);
	assert_int_equal(reserve_mem_find_by_name("fifteen-chars-x", &start, &size), 1);
}

static void reserve_mem_refuses_a_taken_name_a_full_table_and_no_room(void **state)
{
	struct mb_snapshot snap;
	char param[] = "4K:4K:area0";
	unsigned int i;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_reserve_mem("4K:4K:area0"), 0);
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_reserve_mem("8K:4K:area0"), -EEXIST);
	assert_int_equal(memblock_reserve_mem("32M:4K:big"), -ENOMEM);
	assert_snapshot_unchanged(&snap);

	for (i = 1; i < 8; i++) {
		param[sizeof(param) - 2] = (char)('0' + i);
		assert_int_equal(memblock_reserve_mem(param), 0);
	}
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_reserve_mem("4K:4K:ninth"), -ENOSPC);
	assert_snapshot_unchanged(&snap);
}

static void reserve_mem_release_hands_the_pages_back_once(void **state)
{
	phys_addr_t start, size;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_reserve_mem("16K:4K:log"), 0);

	assert_int_equal(reserve_mem_release_by_name("log"), 1);

	assert_int_equal(test_nr_handoffs, 1);
	assert_int_equal(test_handoffs[0].start_pfn, PFN_DOWN(S + SZ_16M - SZ_16K));
	assert_int_equal(test_handoffs[0].nr_pages, 4);
	assert_int_equal(reserve_mem_find_by_name("log", &start, &size), 1);
	assert_int_equal(size, 0);
	/* Known but empty: nothing more to give. */
	assert_int_equal(reserve_mem_release_by_name("log"), 1);
	assert_int_equal(test_nr_handoffs, 1);
	assert_int_equal(reserve_mem_release_by_name("unknown"), 0);
	assert_int_equal(reserve_mem_release_by_name(NULL), 0);
}

static void reserve_mem_names_are_forgotten_by_memblock_reset(void **state)
{
	phys_addr_t start, size;

	(void)state;
	assert_int_equal(memblock_add(S, SZ_16M), 0);
	assert_int_equal(memblock_reserve_mem("4K:4K:gone"), 0);

	memblock_reset();

	assert_int_equal(reserve_mem_find_by_name("gone", &start, &size), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(reserve_mem_allocates_and_finds_an_area_by_name),
		MB_TEST(reserve_mem_reads_sizes_as_the_command_line_writes_them),
		MB_TEST(reserve_mem_refuses_malformed_parameters_and_changes_nothing),
		MB_TEST(reserve_mem_accepts_a_name_of_fifteen_characters),
		MB_TEST(reserve_mem_refuses_a_taken_name_a_full_table_and_no_room),
		MB_TEST(reserve_mem_release_hands_the_pages_back_once),
		MB_TEST(reserve_mem_names_are_forgotten_by_memblock_reset),
	};

	return MB_RUN("core/reserve_mem", tests);
}
