// SPDX-License-Identifier: MIT
/*
 * test_e820.c - memblock_import_e820(): QEMU's real E820 maps, every type,
 * ACPI 3.0 extended attributes, and malformed tables that must leave
 * memblock untouched.
 */
#include "harness.h"
#include "bytes.h"

#include <string.h>

#include <memblock/fw.h>

#define SZ_4G 0x100000000ULL

/*
 * Where an entry that ends at or above 4 GiB ends in memblock: the 32-bit
 * phys_addr_t build clips it at PHYS_ADDR_MAX.
 */
#ifdef CONFIG_PHYS_ADDR_T_64BIT
#define END_4G SZ_4G
#else
#define END_4G 0xffffffffULL
#endif

struct e820_in {
	uint64_t base, size;
	uint32_t type, attr;
};

static uint8_t table[512 * 24];

/* Lay out @n entries of @esz bytes (20 or 24) into table[]. */
static const void *build(const struct e820_in *in, size_t n, size_t esz)
{
	memset(table, 0xa5, sizeof(table));
	for (size_t i = 0; i < n; i++) {
		uint8_t *p = table + i * esz;

		put_le64(p, in[i].base);
		put_le64(p + 8, in[i].size);
		put_le32(p + 16, in[i].type);
		if (esz == 24)
			put_le32(p + 20, in[i].attr);
	}
	return table;
}

#define NR(a) (sizeof(a) / sizeof((a)[0]))

/* qemu-system-i386 -m 128M (SeaBIOS), platform-notes §3a. */
static const struct e820_in qemu_i386_128m[] = {
	{ 0x0, 0x9fc00, MEMBLOCK_E820_TYPE_RAM, 1 },
	{ 0x9fc00, 0x400, MEMBLOCK_E820_TYPE_RESERVED, 1 },
	{ 0xf0000, 0x10000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
	{ 0x100000, 0x7ee0000, MEMBLOCK_E820_TYPE_RAM, 1 },
	{ 0x7fe0000, 0x20000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
	{ 0xfffc0000, 0x40000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
};

static void check_qemu_128m_low(void)
{
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region_flags(&memblock.memory, 0, 0x0, 0x9fc00, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 1, 0x100000, 0x7ee0000, MEMBLOCK_NONE);
	assert_region(&memblock.reserved, 0, 0x9fc00, 0x400);
	assert_region(&memblock.reserved, 1, 0xf0000, 0x10000);
	assert_region(&memblock.reserved, 2, 0x7fe0000, 0x20000);
	assert_region(&memblock.reserved, 3, 0xfffc0000, END_4G - 0xfffc0000);
}

static void qemu_i386_128m_map_gives_two_ram_ranges_and_four_reservations(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(qemu_i386_128m, 6, 20), 6, 20, &st), 0);
	assert_valid();
	check_qemu_128m_low();
	assert_int_equal(memblock.reserved.cnt, 4);
	assert_int_equal(st.entries, 6);
	assert_int_equal(st.ignored, 0);
	assert_int_equal(st.memory, 0x9fc00 + 0x7ee0000);
	assert_int_equal(st.reserved, 0x400 + 0x10000 + 0x20000 + (END_4G - 0xfffc0000));
	assert_int_equal(memblock_phys_mem_size(), 0x9fc00 + 0x7ee0000);
	assert_false(memblock_is_memory(0xf0000));
	assert_true(memblock_is_reserved(0xf0000));
}

/* qemu-system-x86_64 -m 128M adds the 12 GiB HyperTransport hole at 1 TiB. */
static void qemu_x86_64_128m_map_reserves_the_hole_above_4g(void **state)
{
	struct e820_in map[7];
	struct memblock_fw_stats st;

	(void)state;
	memcpy(map, qemu_i386_128m, sizeof(qemu_i386_128m));
	map[6] = (struct e820_in){ 0xfd00000000ULL, 0x300000000ULL, MEMBLOCK_E820_TYPE_RESERVED, 1 };
	assert_int_equal(memblock_import_e820(build(map, 7, 20), 7, 20, &st), 0);
	assert_valid();
	check_qemu_128m_low();
	assert_int_equal(st.entries, 7);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.reserved.cnt, 5);
	assert_region(&memblock.reserved, 4, 0xfd00000000ULL, 0x300000000ULL);
	assert_int_equal(st.ignored, 0);
#else
	/* Wholly above what phys_addr_t holds: dropped and counted. */
	assert_int_equal(memblock.reserved.cnt, 4);
	assert_int_equal(st.ignored, 1);
#endif
}

/* qemu-system-x86_64 -m 6G: the PCI hole splits RAM at 3 GiB. */
static void qemu_x86_64_6g_map_has_ram_above_4g(void **state)
{
	static const struct e820_in map[] = {
		{ 0x0, 0x9fc00, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x9fc00, 0x400, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0xf0000, 0x10000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0x100000, 0xbfee0000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0xbffe0000, 0x20000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0xfffc0000, 0x40000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0x100000000ULL, 0xc0000000ULL, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0xfd00000000ULL, 0x300000000ULL, MEMBLOCK_E820_TYPE_RESERVED, 1 },
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, NR(map), 20), NR(map), 20, &st), 0);
	assert_valid();
	assert_region(&memblock.memory, 0, 0x0, 0x9fc00);
	assert_region(&memblock.memory, 1, 0x100000, 0xbfee0000);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.memory.cnt, 3);
	assert_region(&memblock.memory, 2, SZ_4G, 0xc0000000ULL);
	assert_int_equal(st.memory, 0x9fc00 + 0xbfee0000 + 0xc0000000ULL);
	assert_int_equal(st.ignored, 0);
#else
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(st.memory, 0x9fc00 + 0xbfee0000);
	assert_int_equal(st.ignored, 2);
#endif
}

/* q35 with 4G: RAM split at 2 GiB, MMCONFIG reserved. */
static void qemu_q35_4g_map(void **state)
{
	static const struct e820_in map[] = {
		{ 0x0, 0x9fc00, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x9fc00, 0x400, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0xf0000, 0x10000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0x100000, 0x7fedf000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x7ffdf000, 0x21000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0xb0000000, 0x10000000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0xfed1c000, 0x4000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0xfeffc000, 0x4000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0xfffc0000, 0x40000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0x100000000ULL, 0x80000000ULL, MEMBLOCK_E820_TYPE_RAM, 1 },
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, NR(map), 24), NR(map), 24, &st), 0);
	assert_valid();
	assert_int_equal(st.entries, NR(map));
	assert_int_equal(memblock.reserved.cnt, 7);
	assert_region(&memblock.reserved, 3, 0xb0000000, 0x10000000);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.memory.cnt, 3);
	assert_int_equal(memblock_end_of_DRAM(), 0x180000000ULL);
#else
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(memblock_end_of_DRAM(), 0x7ffdf000);
#endif
}

/* Every type the API names, an unknown one, and the mapping of each. */
static void every_type_but_ram_is_reserved_and_not_memory(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x200000, 0x1000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
		{ 0x300000, 0x1000, MEMBLOCK_E820_TYPE_ACPI, 1 },
		{ 0x400000, 0x1000, MEMBLOCK_E820_TYPE_NVS, 1 },
		{ 0x500000, 0x1000, MEMBLOCK_E820_TYPE_UNUSABLE, 1 },
		{ 0x600000, 0x1000, MEMBLOCK_E820_TYPE_PMEM, 1 },
		{ 0x700000, 0x1000, MEMBLOCK_E820_TYPE_PRAM, 1 },
		{ 0x800000, 0x1000, MEMBLOCK_E820_TYPE_SOFT_RESERVED, 1 },
		{ 0x900000, 0x1000, 6, 1 },	/* unknown */
		{ 0xa00000, 0x1000, 0x1234, 1 },	/* unknown */
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, NR(map), 20), NR(map), 20, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region_flags(&memblock.memory, 0, 0x100000, 0x100000, MEMBLOCK_NONE);
	assert_int_equal(memblock.reserved.cnt, 9);
	for (unsigned long i = 0; i < 9; i++) {
		assert_region_flags(&memblock.reserved, i, 0x200000 + i * 0x100000, 0x1000,
				    MEMBLOCK_NONE);
		assert_false(memblock_is_memory(0x200000 + i * 0x100000));
	}
	assert_int_equal(st.memory, 0x100000);
	assert_int_equal(st.reserved, 9 * 0x1000);
	assert_int_equal(st.ignored, 0);
}

static void extended_attribute_bit0_clear_ignores_the_entry(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x200000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 0 },	/* disabled */
		{ 0x300000, 0x1000, MEMBLOCK_E820_TYPE_RESERVED, 2 },	/* bit 0 clear */
		{ 0x400000, 0x1000, MEMBLOCK_E820_TYPE_RESERVED, 3 },
		/* A disabled entry takes no part in the overlap check either. */
		{ 0x100000, 0x1000, MEMBLOCK_E820_TYPE_RESERVED, 0 },
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, NR(map), 24), NR(map), 24, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x100000, 0x100000);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region(&memblock.reserved, 0, 0x400000, 0x1000);
	assert_int_equal(st.entries, 5);
	assert_int_equal(st.ignored, 3);
}

static void zero_length_entries_are_skipped_and_counted(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x100000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x180000, 0, MEMBLOCK_E820_TYPE_RESERVED, 1 },	/* inside RAM, no size */
	};
	struct memblock_fw_stats st;

	(void)state;
	memblock_debug = 1;
	assert_int_equal(memblock_import_e820(build(map, 3, 20), 3, 20, &st), 0);
	memblock_debug = 0;
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_int_equal(st.entries, 3);
	assert_int_equal(st.ignored, 2);
#ifdef CONFIG_MEMBLOCK_TRACE
	/* The importers' notes are part of the operation trace. */
	assert_non_null(strstr(test_log(), "zero length"));
#endif
}

static void overlapping_entries_of_one_type_merge(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0x200000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x200000, 0x200000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x400000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 1 },	/* touching */
		{ 0x800000, 0x2000, MEMBLOCK_E820_TYPE_NVS, 1 },
		{ 0x801000, 0x2000, MEMBLOCK_E820_TYPE_NVS, 1 },
	};

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, NR(map), 20), NR(map), 20, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x100000, 0x400000);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region(&memblock.reserved, 0, 0x800000, 0x3000);
}

/* Entries crossing 4 GiB: whole in 64-bit builds, clipped in phys32. */
static void entry_crossing_4g(void **state)
{
	static const struct e820_in map[] = {
		{ 0xc0000000, 0x80000000, MEMBLOCK_E820_TYPE_RAM, 1 },
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, 1, 20), 1, 20, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_region(&memblock.memory, 0, 0xc0000000, 0x80000000);
#else
	assert_region(&memblock.memory, 0, 0xc0000000, 0x3fffffff);
#endif
	assert_int_equal(st.ignored, 0);
}

/* The last byte below 2^64 may be named; reaching 2^64 may not. */
static void entry_ending_just_below_2_64_is_accepted(void **state)
{
	static const struct e820_in map[] = {
		{ 0xfffffffffffff000ULL, 0xfff, MEMBLOCK_E820_TYPE_RESERVED, 1 },
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, 1, 20), 1, 20, &st), 0);
	assert_valid();
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region(&memblock.reserved, 0, 0xfffffffffffff000ULL, 0xfff);
	assert_int_equal(st.ignored, 0);
#else
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_int_equal(st.ignored, 1);
#endif
}

/* A populated memblock, so that "unchanged" means something. */
static void populate(void)
{
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	assert_int_equal(memblock_reserve(WIN_BASE + SZ_1M, SZ_64K), 0);
	assert_int_equal(memblock_add(0x10000000, SZ_1M), 0);
}

static void expect_error(const struct e820_in *map, size_t n, size_t esz, int err)
{
	struct mb_snapshot snap;
	struct memblock_fw_stats st;

	populate();
	mb_snapshot_take(&snap);
	memset(&st, 0xff, sizeof(st));
	assert_int_equal(memblock_import_e820(build(map, n, esz), n, esz, &st), err);
	assert_snapshot_unchanged(&snap);
	assert_valid();
	assert_int_equal(st.entries, 0);
	assert_int_equal(st.memory, 0);
}

static void entry_wrapping_past_2_64_is_erange(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0xfffffffffffff000ULL, 0x2000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
	};

	(void)state;
	expect_error(map, 2, 20, -ERANGE);
}

static void entry_reaching_2_64_is_erange(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0xfffffffffffff000ULL, 0x1000, MEMBLOCK_E820_TYPE_RESERVED, 1 },
	};

	(void)state;
	expect_error(map, 2, 24, -ERANGE);
}

/*
 * Overlapping entries are sanitized as Linux does: cut at every edge, each
 * piece takes the largest type among the entries over it. Reserved (2)
 * beats RAM (1): the RAM below the reservation stays memory.
 */
static void overlapping_reserved_cuts_the_ram_it_covers(void **state)
{
	static const struct e820_in map[] = {
		{ 0x0, 0x9fc00, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x100000, 0x7ee0000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x9f000, 0x1000, MEMBLOCK_E820_TYPE_RESERVED, 1 },	/* inside RAM */
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, 3, 20), 3, 20, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x0, 0x9f000);
	assert_region(&memblock.memory, 1, 0x100000, 0x7ee0000);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region(&memblock.reserved, 0, 0x9f000, 0x1000);
	assert_int_equal(st.memory, 0x9f000 + 0x7ee0000);
	assert_int_equal(st.reserved, 0x1000);
}

/* Soft-reserved (0xefffffff) is the largest type: it beats everything. */
static void soft_reserved_wins_over_ram_and_acpi(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0xf00000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x400000, 0x400000, MEMBLOCK_E820_TYPE_SOFT_RESERVED, 1 },
		{ 0x700000, 0x200000, MEMBLOCK_E820_TYPE_ACPI, 1 },
		{ 0x800000, 0x100000, MEMBLOCK_E820_TYPE_RAM, 1 },	/* RAM again, beaten */
	};

	(void)state;
	assert_int_equal(memblock_import_e820(build(map, 4, 20), 4, 20, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x100000, 0x300000);
	assert_region(&memblock.memory, 1, 0x900000, 0x700000);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region(&memblock.reserved, 0, 0x400000, 0x500000);
}

/* An overlap late in a long table: only that piece changes hands. */
static void overlap_late_in_a_long_table_is_sanitized(void **state)
{
	static struct e820_in map[100];
	const uint64_t last = 0x100000 + 98 * 0x10000;

	(void)state;
	for (int i = 0; i < 99; i++)
		map[i] = (struct e820_in){ 0x100000 + (uint64_t)i * 0x10000, 0x8000,
					   MEMBLOCK_E820_TYPE_RAM, 1 };
	map[99] = (struct e820_in){ last + 0x7000, 0x2000, MEMBLOCK_E820_TYPE_ACPI, 1 };
	assert_int_equal(memblock_import_e820(build(map, 100, 20), 100, 20, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 99);
	assert_region(&memblock.memory, 98, last, 0x7000);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_region(&memblock.reserved, 0, last + 0x7000, 0x2000);
}

static void bad_entry_size_and_null_table_are_einval(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	populate();
	mb_snapshot_take(&snap);
	build(qemu_i386_128m, 6, 20);
	assert_int_equal(memblock_import_e820(table, 6, 16, NULL), -EINVAL);
	assert_int_equal(memblock_import_e820(table, 6, 32, NULL), -EINVAL);
	assert_int_equal(memblock_import_e820(table, 6, 0, NULL), -EINVAL);
	assert_int_equal(memblock_import_e820(NULL, 6, 20, NULL), -EINVAL);
	assert_int_equal(memblock_import_e820(table, 0, 20, NULL), 0);
	assert_int_equal(memblock_import_e820(NULL, 0, 24, NULL), 0);
	assert_snapshot_unchanged(&snap);
}

/* A full static array and no growth: -ENOMEM before anything changes. */
static void full_arrays_without_growth_are_enomem_and_unchanged(void **state)
{
	static const struct e820_in map[] = {
		{ 0x100000, 0x1000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x300000, 0x1000, MEMBLOCK_E820_TYPE_RAM, 1 },
		{ 0x500000, 0x1000, MEMBLOCK_E820_TYPE_RAM, 1 },
	};
	struct mb_snapshot snap;

	(void)state;
	for (unsigned long i = 0; i < INIT_MEMBLOCK_MEMORY_REGIONS - 2; i++)
		assert_int_equal(memblock_add(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_import_e820(build(map, 3, 20), 3, 20, NULL), -ENOMEM);
	assert_snapshot_unchanged(&snap);
	assert_valid();
}

/* With growth allowed, a map bigger than the static arrays fits. */
static void long_map_grows_the_arrays(void **state)
{
	static struct e820_in map[400];
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	memblock_allow_resize();
	for (int i = 0; i < 400; i++)
		map[i] = (struct e820_in){ 0x10000000 + (uint64_t)i * SZ_64K, SZ_32K,
					   (i & 1) ? MEMBLOCK_E820_TYPE_RESERVED : MEMBLOCK_E820_TYPE_RAM, 1 };
	assert_int_equal(memblock_import_e820(build(map, 400, 24), 400, 24, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 201);
	assert_true(memblock.memory.max >= 201);
	assert_true(memblock.reserved.cnt >= 200);
	assert_int_equal(st.memory, 200 * SZ_32K);
	assert_int_equal(st.reserved, 200 * SZ_32K);
	/* The grown arrays live in the test window. */
	assert_true(memblock_env_virt_to_phys(memblock.memory.regions) >= WIN_BASE);
	assert_true(memblock_env_virt_to_phys(memblock.reserved.regions) >= WIN_BASE);
}

/*
 * An import that needs both arrays to grow, with room for memory's new array
 * but none left for reserved's: -ENOMEM, and memblock exactly as it was
 * (memory has not grown, its array has not moved, nothing was reserved).
 */
static void growth_of_reserved_failing_after_memory_grew_is_enomem_and_unchanged(void **state)
{
	const phys_addr_t grown = (2 * INIT_MEMBLOCK_MEMORY_REGIONS *
				   sizeof(struct memblock_region) + PAGE_SIZE - 1) &
				  ~((phys_addr_t)PAGE_SIZE - 1);
	const unsigned long small = INIT_MEMBLOCK_MEMORY_REGIONS - 9;
	static struct e820_in map[24];
	struct memblock_region *const memory_array = memblock.memory.regions;
	struct mb_snapshot snap;
	unsigned long i;

	(void)state;
	/* Nearly full arrays: small reserved 4K regions, and one other reservation. */
	for (i = 0; i < small; i++) {
		assert_int_equal(memblock_add(WIN_BASE + i * SZ_8K, SZ_4K), 0);
		assert_int_equal(memblock_reserve(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	}
	assert_int_equal(memblock_reserve(0x10000000, SZ_4K), 0);
	/* The only free memory: exactly one grown array's worth. */
	assert_int_equal(memblock_add(WIN_BASE + SZ_2M, grown), 0);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_MEMORY_REGIONS - 8);
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS - 8);
	memblock_allow_resize();

	/* Twelve RAM and twelve reserved entries, apart: more new regions
	 * than either array has free slots. */
	for (i = 0; i < 12; i++) {
		map[i] = (struct e820_in){ 0x20000000 + i * SZ_1M, SZ_64K,
					   MEMBLOCK_E820_TYPE_RAM, 1 };
		map[12 + i] = (struct e820_in){ 0x30000000 + i * SZ_1M, SZ_64K,
						MEMBLOCK_E820_TYPE_RESERVED, 1 };
	}
	mb_snapshot_take(&snap);

	assert_int_equal(memblock_import_e820(build(map, 24, 20), 24, 20, NULL), -ENOMEM);

	assert_int_equal(memblock.memory.max, INIT_MEMBLOCK_MEMORY_REGIONS);
	assert_ptr_equal(memblock.memory.regions, memory_array);
	assert_snapshot_unchanged(&snap);
	assert_valid();
}

/* Importing on top of what is there keeps the existing regions. */
static void import_merges_with_existing_memory(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x0, 0x1000), 0);
	assert_int_equal(memblock_reserve(0x200000, 0x1000), 0);
	assert_int_equal(memblock_import_e820(build(qemu_i386_128m, 6, 20), 6, 20, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x0, 0x9fc00);
	/* The kernel's own reservation stays, between the firmware's. */
	assert_int_equal(memblock.reserved.cnt, 5);
	assert_region(&memblock.reserved, 2, 0x200000, 0x1000);
}

static void strerror_names_every_code(void **state)
{
	static const int codes[] = { 0, -EINVAL, -EBADMSG, -ERANGE, -EEXIST,
				     -ENOMEM, -ENOSPC, -ENOENT };

	(void)state;
	for (size_t i = 0; i < NR(codes); i++) {
		assert_non_null(memblock_fw_strerror(codes[i]));
		assert_string_not_equal(memblock_fw_strerror(codes[i]), "unknown error");
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(memblock_fw_strerror(codes[i]),
						memblock_fw_strerror(codes[j]));
	}
	assert_string_equal(memblock_fw_strerror(ERANGE), memblock_fw_strerror(-ERANGE));
	assert_string_equal(memblock_fw_strerror(-9999), "unknown error");
}

static uint32_t rnd_state = 12345;

static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

/*
 * Random maps over random, nearly full arrays without growth: the import
 * either succeeds or fails with -ENOMEM before changing anything; it never
 * runs out of room half-way.
 */
static void random_maps_never_fail_half_way(void **state)
{
	static struct e820_in map[96];
	struct mb_snapshot snap;
	int ok = 0, nomem = 0;

	(void)state;
	for (int round = 0; round < 400; round++) {
		unsigned long fill = rnd() % INIT_MEMBLOCK_MEMORY_REGIONS;
		size_t n = 1 + rnd() % 96;
		int ret;

		mb_test_setup(NULL);
		for (unsigned long i = 0; i < fill; i++) {
			phys_addr_t base = 0x100000 + (phys_addr_t)(rnd() % 4096) * SZ_4K;

			if (memblock.memory.cnt < INIT_MEMBLOCK_MEMORY_REGIONS - 1)
				assert_int_equal(memblock_add_node(base, SZ_4K, 0, rnd() & 1 ?
								   MEMBLOCK_HOTPLUG : 0), 0);
			if (memblock.reserved.cnt < INIT_MEMBLOCK_RESERVED_REGIONS - 1)
				assert_int_equal(memblock_reserve(base + SZ_2K, SZ_4K), 0);
		}
		/* Non-overlapping entries, of random types and lengths. */
		for (size_t i = 0; i < n; i++)
			map[i] = (struct e820_in){ 0x100000 + (uint64_t)i * SZ_1M +
						   (rnd() % 128) * SZ_4K,
						   (1 + rnd() % 128) * SZ_4K,
						   rnd() & 1 ? MEMBLOCK_E820_TYPE_RAM : MEMBLOCK_E820_TYPE_NVS, 1 };
		mb_snapshot_take(&snap);
		ret = memblock_import_e820(build(map, n, 20), n, 20, NULL);
		assert_valid();
		if (ret) {
			assert_int_equal(ret, -ENOMEM);
			assert_snapshot_unchanged(&snap);
			nomem++;
		} else {
			ok++;
		}
		assert_null(strstr(test_log(), "half-way"));
	}
	/* Both outcomes were exercised. */
	assert_true(ok > 50);
	assert_true(nomem > 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(qemu_i386_128m_map_gives_two_ram_ranges_and_four_reservations),
		MB_TEST(qemu_x86_64_128m_map_reserves_the_hole_above_4g),
		MB_TEST(qemu_x86_64_6g_map_has_ram_above_4g),
		MB_TEST(qemu_q35_4g_map),
		MB_TEST(every_type_but_ram_is_reserved_and_not_memory),
		MB_TEST(extended_attribute_bit0_clear_ignores_the_entry),
		MB_TEST(zero_length_entries_are_skipped_and_counted),
		MB_TEST(overlapping_entries_of_one_type_merge),
		MB_TEST(entry_crossing_4g),
		MB_TEST(entry_ending_just_below_2_64_is_accepted),
		MB_TEST(entry_wrapping_past_2_64_is_erange),
		MB_TEST(entry_reaching_2_64_is_erange),
		MB_TEST(overlapping_reserved_cuts_the_ram_it_covers),
		MB_TEST(soft_reserved_wins_over_ram_and_acpi),
		MB_TEST(overlap_late_in_a_long_table_is_sanitized),
		MB_TEST(bad_entry_size_and_null_table_are_einval),
		MB_TEST(full_arrays_without_growth_are_enomem_and_unchanged),
		MB_TEST(long_map_grows_the_arrays),
		MB_TEST(growth_of_reserved_failing_after_memory_grew_is_enomem_and_unchanged),
		MB_TEST(import_merges_with_existing_memory),
		MB_TEST(strerror_names_every_code),
		MB_TEST(random_maps_never_fail_half_way),
	};

	return MB_RUN("fw/e820", tests);
}
