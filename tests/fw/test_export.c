// SPDX-License-Identifier: MIT
/*
 * test_export.c - the hand-off map and the E820, UEFI, multiboot2 and
 * device-tree exporters (src/fw/export.c).
 *
 * Exporters only read memblock, so the addresses here need not be backed.
 */
#include <string.h>

#include "harness.h"
#include <memblock/fw.h>

#define A ((phys_addr_t)0x40000000)	/* 1 GiB */
#define RAM MEMBLOCK_MAP_RAM
#define RSV MEMBLOCK_MAP_RESERVED
#define POISON 0xa5

struct want {
	phys_addr_t base, size;
	enum memblock_map_type type;
};

static u64 le(const uint8_t *p, int n)
{
	u64 v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static u64 be(const uint8_t *p, int n)
{
	u64 v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/* The hand-off map must be exactly @want. */
static void assert_handoff(const struct want *want, size_t n)
{
	struct memblock_map_entry map[32];
	size_t i;

	assert_int_equal(memblock_handoff_map(NULL, 0), n);
	assert_int_equal(memblock_handoff_map(map, 32), n);
	for (i = 0; i < n; i++) {
		assert_int_equal(map[i].base, want[i].base);
		assert_int_equal(map[i].size, want[i].size);
		assert_int_equal(map[i].type, want[i].type);
	}
}

/* The E820 export must be exactly @want, in RAM 1 / RESERVED 2 terms. */
static void assert_e820(const struct want *want, size_t n)
{
	uint8_t buf[32 * 20 + 1];
	size_t i;

	assert_int_equal(memblock_export_e820(NULL, 0), n * 20);
	/* At an odd address: the exporter must store byte by byte. */
	assert_int_equal(memblock_export_e820(buf + 1, sizeof(buf) - 1), n * 20);
	for (i = 0; i < n; i++) {
		const uint8_t *e = buf + 1 + i * 20;

		assert_int_equal(le(e, 8), want[i].base);
		assert_int_equal(le(e + 8, 8), want[i].size);
		assert_int_equal(le(e + 16, 4),
				 want[i].type == RAM ? MEMBLOCK_E820_TYPE_RAM :
						       MEMBLOCK_E820_TYPE_RESERVED);
	}
}

static void empty_memblock_exports_empty_maps(void **state)
{
	uint8_t buf[64];

	(void)state;
	memset(buf, POISON, sizeof(buf));
	assert_int_equal(memblock_handoff_map(NULL, 0), 0);
	assert_int_equal(memblock_export_e820(NULL, 0), 0);
	assert_int_equal(memblock_export_e820(buf, 0), 0);
	assert_int_equal(memblock_export_efi(NULL, 0, 48), 0);
	assert_int_equal(memblock_export_fdt_reg(NULL, 0, 2, 2), 0);
	assert_true(test_mem_is(buf, POISON, sizeof(buf)));

	/* A multiboot2 tag with no entries is still a 16-byte tag. */
	assert_int_equal(memblock_export_multiboot2_mmap(NULL, 0), 16);
	assert_int_equal(memblock_export_multiboot2_mmap(buf, sizeof(buf)), 16);
	assert_int_equal(le(buf, 4), 6);
	assert_int_equal(le(buf + 4, 4), 16);
	assert_int_equal(le(buf + 8, 4), 24);
	assert_int_equal(le(buf + 12, 4), 0);
	assert_true(test_mem_is(buf + 16, POISON, sizeof(buf) - 16));
}

static void reservations_inside_memory_split_it(void **state)
{
	const struct want want[] = {
		{ A, SZ_4M, RAM },
		{ A + SZ_4M, SZ_1M, RSV },
		{ A + 5 * SZ_1M, 27 * SZ_1M, RAM },
	};

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_reserve(A + SZ_4M, SZ_1M), 0);
	assert_handoff(want, 3);
	assert_e820(want, 3);
}

static void driver_managed_memory_is_absent_from_every_export(void **state)
{
	const struct want want[] = { { A, SZ_16M, RAM } };
	uint8_t buf[256];

	(void)state;
	assert_int_equal(memblock_add(A, SZ_16M), 0);
	assert_int_equal(memblock_add_node(A + SZ_16M, SZ_16M, 0,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	/* Even a reservation on it (a driver's own) must not show. */
	assert_int_equal(memblock_reserve(A + SZ_16M + SZ_1M, SZ_1M), 0);

	assert_handoff(want, 1);
	assert_e820(want, 1);

	assert_int_equal(memblock_export_efi(buf, sizeof(buf), 40), 40);
	assert_int_equal(le(buf, 4), 7);
	assert_int_equal(le(buf + 8, 8), A);
	assert_int_equal(le(buf + 24, 8), SZ_16M >> 12);

	assert_int_equal(memblock_export_multiboot2_mmap(buf, sizeof(buf)), 40);
	assert_int_equal(le(buf + 16, 8), A);
	assert_int_equal(le(buf + 24, 8), SZ_16M);
	assert_int_equal(le(buf + 32, 4), 1);

	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 1, 1), 8);
	assert_int_equal(be(buf, 4), A);
	assert_int_equal(be(buf + 4, 4), SZ_16M);
}

static void driver_managed_memory_between_ram_leaves_a_hole(void **state)
{
	const struct want want[] = {
		{ A, SZ_4M, RAM },
		{ A + SZ_8M, SZ_4M, RAM },
	};

	(void)state;
	assert_int_equal(memblock_add(A, SZ_4M), 0);
	assert_int_equal(memblock_add_node(A + SZ_4M, SZ_4M, 0,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	assert_int_equal(memblock_add(A + SZ_8M, SZ_4M), 0);
	assert_handoff(want, 2);
	assert_e820(want, 2);
}

static void nomap_memory_is_reserved_and_joins_reservations(void **state)
{
	const struct want want[] = {
		{ A, SZ_8M, RAM },
		{ A + SZ_8M, 5 * SZ_1M, RSV },
		{ A + 13 * SZ_1M, 3 * SZ_1M, RAM },
	};

	(void)state;
	assert_int_equal(memblock_add(A, SZ_16M), 0);
	assert_int_equal(memblock_mark_nomap(A + SZ_8M, SZ_4M), 0);
	assert_int_equal(memblock_reserve(A + 12 * SZ_1M, SZ_1M), 0);
	assert_handoff(want, 3);
	assert_e820(want, 3);
}

static void reservations_outside_memory_are_reserved(void **state)
{
	const struct want want[] = {
		{ 0, SZ_4K, RSV },
		{ SZ_1M, SZ_1M, RAM },
		{ 2 * SZ_1M, SZ_4K, RSV },	/* touches memory: no join */
		{ A, SZ_64K, RSV },
	};

	(void)state;
	assert_int_equal(memblock_add(SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(0, SZ_4K), 0);
	assert_int_equal(memblock_reserve(2 * SZ_1M, SZ_4K), 0);
	assert_int_equal(memblock_reserve(A, SZ_64K), 0);
	assert_handoff(want, 4);
}

static void touching_regions_of_one_type_join(void **state)
{
	const struct want want[] = {
		{ A, SZ_8M, RAM },
		{ A + SZ_8M, SZ_2M, RSV },
		{ A + SZ_8M + SZ_2M, SZ_2M, RAM },
	};

	(void)state;
	/* Memory regions that memblock keeps apart (flags, node). */
	assert_int_equal(memblock_add(A, SZ_8M), 0);
	assert_int_equal(memblock_mark_hotplug(A + SZ_2M, SZ_2M), 0);
	assert_int_equal(memblock_add_node(A + SZ_8M, SZ_4M, 1, MEMBLOCK_NONE),
			 0);
	assert_true(memblock.memory.cnt >= 3);
	/* Reserved regions that memblock keeps apart (flags). */
	assert_int_equal(memblock_reserve(A + SZ_8M, SZ_1M), 0);
	assert_int_equal(memblock_reserve_kern(A + SZ_8M + SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock.reserved.cnt, 2);

	assert_handoff(want, 3);
	assert_e820(want, 3);
	assert_int_equal(memblock_export_fdt_reg(NULL, 0, 2, 2), 16);
}

static void map_is_sorted_whatever_the_order_of_calls(void **state)
{
	const struct want want[] = {
		{ SZ_1M, SZ_1M, RSV },
		{ A, SZ_1M, RAM },
		{ A + SZ_1M, SZ_1M, RSV },
		{ 2 * A, SZ_2M, RAM },
	};

	(void)state;
	assert_int_equal(memblock_add(2 * A, SZ_2M), 0);
	assert_int_equal(memblock_reserve(A + SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_add(A, SZ_2M), 0);
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);
	assert_handoff(want, 4);
	assert_e820(want, 4);
}

static void region_ending_at_phys_addr_max_exports_exactly(void **state)
{
	const phys_addr_t top = PHYS_ADDR_MAX - SZ_8K + 1; /* page aligned */
	const struct want want[] = {
		{ top, SZ_4K, RAM },
		{ top + SZ_4K, SZ_4K - 1, RSV },
	};
	uint8_t buf[2 * 40];

	(void)state;
	/* memblock caps the size: the last byte is never part of a region. */
	assert_int_equal(memblock_add(top, SZ_8K), 0);
	assert_int_equal(memblock_reserve(top + SZ_4K, SZ_4K), 0);
	assert_handoff(want, 2);
	assert_e820(want, 2);

	/* UEFI: the reserved part grows to its whole (last) page. */
	assert_int_equal(memblock_export_efi(buf, sizeof(buf), 40), 80);
	assert_int_equal(le(buf + 8, 8), top);
	assert_int_equal(le(buf + 24, 8), 1);
	assert_int_equal(le(buf + 40, 4), 0);
	assert_int_equal(le(buf + 48, 8), top + SZ_4K);
	assert_int_equal(le(buf + 64, 8), 1);
}

#ifdef CONFIG_PHYS_ADDR_T_64BIT
static void memory_across_4g_is_one_entry(void **state)
{
	const struct want want[] = {
		{ 3 * SZ_1G, SZ_1G - SZ_4K, RAM },
		{ 4 * SZ_1G - SZ_4K, SZ_8K, RSV },
		{ 4 * SZ_1G + SZ_4K, SZ_1G - SZ_4K, RAM },
	};
	uint8_t buf[64];

	(void)state;
	assert_int_equal(memblock_add(3 * SZ_1G, 2 * SZ_1G), 0);
	assert_int_equal(memblock_reserve(4 * SZ_1G - SZ_4K, SZ_8K), 0);
	assert_handoff(want, 3);
	assert_e820(want, 3);

	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 2, 2), 16);
	assert_int_equal(be(buf, 8), 3 * SZ_1G);
	assert_int_equal(be(buf + 8, 8), 2 * SZ_1G);
	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 2, 1), 12);
	assert_int_equal(be(buf, 8), 3 * SZ_1G);
	assert_int_equal(be(buf + 8, 4), 2 * SZ_1G);
}

static void fdt_cells_too_narrow_give_erange_and_write_nothing(void **state)
{
	uint8_t buf[64];

	(void)state;
	memset(buf, POISON, sizeof(buf));
	/* Memory ending exactly at 4 GiB fits one address cell... */
	assert_int_equal(memblock_add(3 * SZ_1G, SZ_1G), 0);
	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 1, 1), 8);
	assert_int_equal(be(buf, 4), 3 * SZ_1G);
	assert_int_equal(be(buf + 4, 4), SZ_1G);

	/* ...one more byte does not, nor does a size of 4 GiB in one cell. */
	memset(buf, POISON, sizeof(buf));
	assert_int_equal(memblock_add(4 * SZ_1G, 3 * SZ_1G), 0);
	assert_int_equal(memblock_export_fdt_reg(NULL, 0, 1, 2), -ERANGE);
	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 1, 2),
			 -ERANGE);
	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 2, 1),
			 -ERANGE);
	assert_true(test_mem_is(buf, POISON, sizeof(buf)));
	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 2, 2), 16);
	assert_int_equal(be(buf + 8, 8), 4 * SZ_1G);
}
#endif

/*
 * RAM that starts or ends inside a page is never handed on as RAM for that
 * page (a next stage counts whole pages); a reservation covers every page
 * it touches. The hand-off map itself, and so every exporter.
 */
static void handoff_map_is_in_whole_pages(void **state)
{
	struct memblock_map_entry m[4];
	uint8_t e820[3 * 20];

	(void)state;
	assert_int_equal(memblock_add(0x23c18, 0x100000 - 0x23c18), 0);
	assert_int_equal(memblock_reserve(0x80010, 0x20), 0);
	assert_int_equal(memblock_add(0x200000, 0x800), 0);	/* less than a page */

	assert_int_equal(memblock_handoff_map(m, 4), 3);
	assert_int_equal(m[0].base, 0x24000);
	assert_int_equal(m[0].size, 0x80000 - 0x24000);
	assert_int_equal(m[0].type, MEMBLOCK_MAP_RAM);
	assert_int_equal(m[1].base, 0x80000);
	assert_int_equal(m[1].size, 0x1000);
	assert_int_equal(m[1].type, MEMBLOCK_MAP_RESERVED);
	assert_int_equal(m[2].base, 0x81000);
	assert_int_equal(m[2].size, 0x100000 - 0x81000);
	assert_int_equal(m[2].type, MEMBLOCK_MAP_RAM);

	assert_int_equal(memblock_export_e820(e820, sizeof(e820)), sizeof(e820));
	assert_int_equal(le(e820, 8), 0x24000);
}

static void efi_rounds_ram_in_and_reserved_out_to_whole_pages(void **state)
{
	static const struct {
		u64 type, start, pages;
	} want[] = {
		{ 7, A, 1 },
		{ 0, A + 0x1000, 1 },	/* two reservations and a sliver of RAM */
		{ 7, A + 0x2000, 3 },
		{ 0, A + 0x5000, 1 },
		{ 7, A + 0x6000, 1 },
		{ 0, A + 0x7000, 2 },	/* touching once rounded: joined */
		{ 7, A + 0x9000, 7 },
	};
	uint8_t buf[7 * 48];
	size_t i;

	(void)state;
	assert_int_equal(memblock_add(A, SZ_64K), 0);
	assert_int_equal(memblock_reserve(A + 0x1800, 0x100), 0);
	assert_int_equal(memblock_reserve(A + 0x1f00, 0x80), 0);
	assert_int_equal(memblock_reserve(A + 0x5000, 0x1000), 0);
	assert_int_equal(memblock_reserve(A + 0x7e00, 0x100), 0);
	assert_int_equal(memblock_reserve(A + 0x8080, 0x80), 0);
	/* The hand-off map itself is in whole pages already: the same 7. */
	assert_int_equal(memblock_handoff_map(NULL, 0), 7);

	memset(buf, POISON, sizeof(buf));
	assert_int_equal(memblock_export_efi(NULL, 0, 48), sizeof(buf));
	assert_int_equal(memblock_export_efi(buf, sizeof(buf), 48), sizeof(buf));
	for (i = 0; i < 7; i++) {
		const uint8_t *d = buf + i * 48;

		assert_int_equal(le(d, 4), want[i].type);
		assert_int_equal(le(d + 4, 4), 0);		/* padding */
		assert_int_equal(le(d + 8, 8), want[i].start);
		assert_int_equal(le(d + 16, 8), 0);		/* VirtualStart */
		assert_int_equal(le(d + 24, 8), want[i].pages);
		assert_int_equal(le(d + 32, 8), 0);		/* Attribute */
		assert_true(test_mem_is(d + 40, 0, 8));	/* tail */
	}
}

static void efi_drops_ram_without_a_whole_page(void **state)
{
	uint8_t buf[40];

	(void)state;
	assert_int_equal(memblock_add(A + 0x800, 0x1000), 0);
	assert_int_equal(memblock_export_efi(NULL, 0, 40), 0);
	assert_int_equal(memblock_add(A + 0x1800, 0x1000), 0);
	assert_int_equal(memblock_export_efi(buf, sizeof(buf), 40), 40);
	assert_int_equal(le(buf + 8, 8), A + 0x1000);
	assert_int_equal(le(buf + 24, 8), 1);
}

static void multiboot2_tag_lists_the_handoff_map(void **state)
{
	uint8_t buf[16 + 3 * 24 + 3];
	uint8_t *tag = buf + 3;	/* unaligned on purpose */

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_mark_nomap(A + SZ_16M, SZ_1M), 0);
	assert_int_equal(memblock_export_multiboot2_mmap(NULL, 0), 16 + 3 * 24);
	memset(buf, POISON, sizeof(buf));
	assert_int_equal(memblock_export_multiboot2_mmap(tag, sizeof(buf) - 3),
			 16 + 3 * 24);
	assert_int_equal(le(tag, 4), 6);
	assert_int_equal(le(tag + 4, 4), 16 + 3 * 24);
	assert_int_equal(le(tag + 8, 4), 24);
	assert_int_equal(le(tag + 12, 4), 0);
	assert_int_equal(le(tag + 16, 8), A);
	assert_int_equal(le(tag + 24, 8), SZ_16M);
	assert_int_equal(le(tag + 32, 4), 1);
	assert_int_equal(le(tag + 36, 4), 0);
	assert_int_equal(le(tag + 40, 8), A + SZ_16M);
	assert_int_equal(le(tag + 48, 8), SZ_1M);
	assert_int_equal(le(tag + 56, 4), 2);
	assert_int_equal(le(tag + 64, 8), A + SZ_16M + SZ_1M);
	assert_int_equal(le(tag + 72, 8), SZ_16M - SZ_1M);
	assert_int_equal(le(tag + 80, 4), 1);
	assert_true(test_mem_is(buf, POISON, 3));
}

static void fdt_reg_lists_memory_with_nomap_without_driver_managed(void **state)
{
	uint8_t buf[64];

	(void)state;
	assert_int_equal(memblock_add(A, SZ_8M), 0);
	assert_int_equal(memblock_mark_nomap(A + SZ_4M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(A, SZ_1M), 0);	/* ignored */
	assert_int_equal(memblock_reserve(SZ_1M, SZ_1M), 0);	/* ignored */
	assert_int_equal(memblock_add_node(A + SZ_8M, SZ_8M, 0,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	assert_int_equal(memblock_add(A + SZ_32M, SZ_4M), 0);

	assert_int_equal(memblock_export_fdt_reg(NULL, 0, 2, 1), 24);
	memset(buf, POISON, sizeof(buf));
	assert_int_equal(memblock_export_fdt_reg(buf + 1, sizeof(buf) - 1, 2, 1),
			 24);
	assert_int_equal(be(buf + 1, 8), A);
	assert_int_equal(be(buf + 9, 4), SZ_8M);
	assert_int_equal(be(buf + 13, 8), A + SZ_32M);
	assert_int_equal(be(buf + 21, 4), SZ_4M);
	assert_true(test_mem_is(buf + 25, POISON, sizeof(buf) - 25));
	/* Byte order: the most significant byte first. */
	assert_int_equal(buf[1 + 4], 0x40);
	assert_int_equal(buf[1 + 7], 0x00);
}

static void too_small_buffers_give_enospc_and_stay_untouched(void **state)
{
	struct memblock_map_entry map[3];
	uint8_t buf[256];
	long need;

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_reserve(A + SZ_4M, SZ_1M), 0);
	memset(buf, POISON, sizeof(buf));
	memset(map, POISON, sizeof(map));

	assert_int_equal(memblock_handoff_map(map, 2), -ENOSPC);
	assert_int_equal(memblock_handoff_map(map, 0), -ENOSPC);
	assert_true(test_mem_is(map, POISON, sizeof(map)));

	need = memblock_export_e820(NULL, 0);
	assert_int_equal(need, 60);
	assert_int_equal(memblock_export_e820(buf, (size_t)need - 1), -ENOSPC);
	need = memblock_export_efi(NULL, 0, 56);
	assert_int_equal(need, 3 * 56);
	assert_int_equal(memblock_export_efi(buf, (size_t)need - 8, 56), -ENOSPC);
	need = memblock_export_multiboot2_mmap(NULL, 0);
	assert_int_equal(need, 16 + 3 * 24);
	assert_int_equal(memblock_export_multiboot2_mmap(buf, 16), -ENOSPC);
	need = memblock_export_fdt_reg(NULL, 0, 2, 2);
	assert_int_equal(need, 16);
	assert_int_equal(memblock_export_fdt_reg(buf, 15, 2, 2), -ENOSPC);
	assert_true(test_mem_is(buf, POISON, sizeof(buf)));

	/* Exactly the size asked for is enough. */
	assert_int_equal(memblock_handoff_map(map, 3), 3);
	assert_int_equal(memblock_export_e820(buf, 60), 60);
}

static void bad_arguments_give_einval_before_anything_else(void **state)
{
	uint8_t buf[256];

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	memset(buf, POISON, sizeof(buf));

	assert_int_equal(memblock_export_efi(NULL, 0, 0), -EINVAL);
	assert_int_equal(memblock_export_efi(NULL, 0, 32), -EINVAL);
	assert_int_equal(memblock_export_efi(buf, sizeof(buf), 39), -EINVAL);
	assert_int_equal(memblock_export_efi(buf, sizeof(buf), 44), -EINVAL);
	assert_int_equal(memblock_export_efi(buf, 0, 44), -EINVAL);
	assert_int_equal(memblock_export_fdt_reg(NULL, 0, 0, 1), -EINVAL);
	assert_int_equal(memblock_export_fdt_reg(NULL, 0, 1, 0), -EINVAL);
	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 3, 2),
			 -EINVAL);
	assert_int_equal(memblock_export_fdt_reg(buf, sizeof(buf), 2, -1),
			 -EINVAL);
	assert_true(test_mem_is(buf, POISON, sizeof(buf)));
}

static void exporting_changes_nothing(void **state)
{
	struct memblock_map_entry map[8];
	struct mb_snapshot snap;
	uint8_t buf[512];

	(void)state;
	assert_int_equal(memblock_add(A, SZ_32M), 0);
	assert_int_equal(memblock_add_node(A + SZ_32M, SZ_32M, 0,
					   MEMBLOCK_DRIVER_MANAGED), 0);
	assert_int_equal(memblock_mark_nomap(A + SZ_4M, SZ_1M), 0);
	assert_int_equal(memblock_reserve(A + SZ_8M, SZ_1M), 0);
	mb_snapshot_take(&snap);

	assert_true(memblock_handoff_map(map, 8) > 0);
	assert_true(memblock_export_e820(buf, sizeof(buf)) > 0);
	assert_true(memblock_export_efi(buf, sizeof(buf), 40) > 0);
	assert_true(memblock_export_multiboot2_mmap(buf, sizeof(buf)) > 0);
	assert_true(memblock_export_fdt_reg(buf, sizeof(buf), 2, 2) > 0);
	assert_snapshot_unchanged(&snap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(empty_memblock_exports_empty_maps),
		MB_TEST(reservations_inside_memory_split_it),
		MB_TEST(driver_managed_memory_is_absent_from_every_export),
		MB_TEST(driver_managed_memory_between_ram_leaves_a_hole),
		MB_TEST(nomap_memory_is_reserved_and_joins_reservations),
		MB_TEST(reservations_outside_memory_are_reserved),
		MB_TEST(touching_regions_of_one_type_join),
		MB_TEST(map_is_sorted_whatever_the_order_of_calls),
		MB_TEST(region_ending_at_phys_addr_max_exports_exactly),
#ifdef CONFIG_PHYS_ADDR_T_64BIT
		MB_TEST(memory_across_4g_is_one_entry),
		MB_TEST(fdt_cells_too_narrow_give_erange_and_write_nothing),
#endif
		MB_TEST(handoff_map_is_in_whole_pages),
		MB_TEST(efi_rounds_ram_in_and_reserved_out_to_whole_pages),
		MB_TEST(efi_drops_ram_without_a_whole_page),
		MB_TEST(multiboot2_tag_lists_the_handoff_map),
		MB_TEST(fdt_reg_lists_memory_with_nomap_without_driver_managed),
		MB_TEST(too_small_buffers_give_enospc_and_stay_untouched),
		MB_TEST(bad_arguments_give_einval_before_anything_else),
		MB_TEST(exporting_changes_nothing),
	};

	return MB_RUN("fw/export", tests);
}
