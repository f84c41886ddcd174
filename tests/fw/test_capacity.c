// SPDX-License-Identifier: MIT
/*
 * test_capacity.c - how much an import needs from the region arrays: the
 * merged result and the working room of each call, no more. Every test
 * runs in the configuration of the build (the default one has 128-slot
 * static arrays and no growth).
 */
#include "harness.h"
#include "bytes.h"

#include <string.h>

#include <memblock/fw.h>

#define E820_RAM MEMBLOCK_E820_TYPE_RAM
#define E820_RESERVED MEMBLOCK_E820_TYPE_RESERVED

static uint8_t table[4096 * 20];

static uint32_t rnd_state = 2026;

static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static void put_e820(size_t i, uint64_t base, uint64_t size, uint32_t type)
{
	uint8_t *p = table + i * 20;

	put_le64(p, base);
	put_le64(p + 8, size);
	put_le32(p + 16, type);
}

/* Shuffle the first @n 20-byte entries of table[]. */
static void shuffle(size_t n)
{
	uint8_t tmp[20];

	for (size_t i = n - 1; i > 0; i--) {
		size_t j = rnd() % (i + 1);

		memcpy(tmp, table + i * 20, 20);
		memcpy(table + i * 20, table + j * 20, 20);
		memcpy(table + j * 20, tmp, 20);
	}
}

/*
 * 2,000 touching RAM entries in 20 groups of 100, in random order: they
 * merge into 20 regions, which the default arrays hold easily, whatever
 * the order the firmware lists them in.
 */
static void two_thousand_shuffled_entries_merge_into_twenty_regions(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	for (size_t g = 0; g < 20; g++)
		for (size_t k = 0; k < 100; k++)
			put_e820(g * 100 + k, 0x1000000 + g * 0x1000000 + k * 0x1000,
				 0x1000, E820_RAM);
	shuffle(2000);

	assert_int_equal(memblock_import_e820(table, 2000, 20, &st), 0);

	assert_valid();
	assert_int_equal(memblock.memory.cnt, 20);
	assert_int_equal(memblock.memory.total_size, 2000 * 0x1000);
	for (size_t g = 0; g < 20; g++)
		assert_region(&memblock.memory, g, 0x1000000 + g * 0x1000000, 100 * 0x1000);
	assert_int_equal(st.entries, 2000);
	assert_int_equal(st.memory, 2000 * 0x1000);
}

/* As many separate ranges as there are slots: they all fit. */
static void as_many_ranges_as_slots_fill_the_arrays(void **state)
{
	const size_t n = INIT_MEMBLOCK_MEMORY_REGIONS;

	(void)state;
	for (size_t i = 0; i < n; i++)
		put_e820(i, 0x100000 + i * 0x2000, 0x1000, E820_RAM);
	shuffle(n);

	assert_int_equal(memblock_import_e820(table, n, 20, NULL), 0);

	assert_valid();
	assert_int_equal(memblock.memory.cnt, n);
	assert_int_equal(memblock.reserved.cnt, 0);
}

/* One range more than there are slots: -ENOMEM, and nothing changed. */
static void one_range_more_than_slots_is_enomem_and_unchanged(void **state)
{
	const size_t n = INIT_MEMBLOCK_MEMORY_REGIONS + 1;
	struct mb_snapshot snap;

	(void)state;
	for (size_t i = 0; i < n; i++)
		put_e820(i, 0x100000 + i * 0x2000, 0x1000, E820_RAM);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_import_e820(table, n, 20, NULL), -ENOMEM);

	assert_snapshot_unchanged(&snap);
}

/* The same for reservations, which have their own array. */
static void reservations_fill_their_array_exactly(void **state)
{
	const size_t n = INIT_MEMBLOCK_RESERVED_REGIONS;
	struct mb_snapshot snap;

	(void)state;
	for (size_t i = 0; i < n; i++)
		put_e820(i, 0x100000 + i * 0x2000, 0x1000, E820_RESERVED);
	assert_int_equal(memblock_import_e820(table, n, 20, NULL), 0);
	assert_int_equal(memblock.reserved.cnt, n);

	mb_test_setup(NULL);
	put_e820(n, 0x100000 + n * 0x2000, 0x1000, E820_RESERVED);
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_import_e820(table, n + 1, 20, NULL), -ENOMEM);
	assert_snapshot_unchanged(&snap);
}

/*
 * Ranges that overlap a lot but merge into few regions need no more room
 * than the result: each piece of the address space is settled once.
 */
static void heavily_overlapping_ranges_need_only_the_result(void **state)
{
	const size_t n = 3 * INIT_MEMBLOCK_MEMORY_REGIONS;

	(void)state;
	/* Staggered ranges over 0x100000..: any two neighbours overlap. */
	for (size_t i = 0; i < n; i++)
		put_e820(i, 0x100000 + i * 0x800, 0x1000, E820_RAM);
	shuffle(n);

	assert_int_equal(memblock_import_e820(table, n, 20, NULL), 0);

	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x100000, (n - 1) * 0x800 + 0x1000);
}

/*
 * Memory already in memblock counts: regions that the import joins are
 * one region in the result. Each call the import makes still wants one
 * free slot while it adds a range, as memblock_add() does in Linux; with
 * that slot the import goes through.
 */
static void an_import_may_join_regions_already_there(void **state)
{
	const size_t have = INIT_MEMBLOCK_MEMORY_REGIONS - 1;

	(void)state;
	/* A nearly full array of 4K regions, 8K apart... */
	for (size_t i = 0; i < have; i++)
		assert_int_equal(memblock_add(0x100000 + i * 0x2000, 0x1000), 0);
	/* ...and RAM over every gap: one region. */
	for (size_t i = 0; i < have - 1; i++)
		put_e820(i, 0x101000 + i * 0x2000, 0x1000, E820_RAM);
	shuffle(have - 1);

	assert_int_equal(memblock_import_e820(table, have - 1, 20, NULL), 0);

	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x100000, have * 0x2000 - 0x1000);
}

/* Without that one free slot, the import says so before changing anything. */
static void joining_in_a_full_array_wants_one_free_slot(void **state)
{
	const size_t have = INIT_MEMBLOCK_MEMORY_REGIONS;
	struct mb_snapshot snap;

	(void)state;
	for (size_t i = 0; i < have; i++)
		assert_int_equal(memblock_add(0x100000 + i * 0x2000, 0x1000), 0);
	put_e820(0, 0x101000, 0x1000, E820_RAM);
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_import_e820(table, 1, 20, NULL), -ENOMEM);

	assert_snapshot_unchanged(&snap);
	/* memblock_add() itself agrees. */
	assert_int_equal(memblock_add(0x101000, 0x1000), -ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(two_thousand_shuffled_entries_merge_into_twenty_regions),
		MB_TEST(as_many_ranges_as_slots_fill_the_arrays),
		MB_TEST(one_range_more_than_slots_is_enomem_and_unchanged),
		MB_TEST(reservations_fill_their_array_exactly),
		MB_TEST(heavily_overlapping_ranges_need_only_the_result),
		MB_TEST(an_import_may_join_regions_already_there),
		MB_TEST(joining_in_a_full_array_wants_one_free_slot),
	};

	return MB_RUN("fw/capacity", tests);
}
