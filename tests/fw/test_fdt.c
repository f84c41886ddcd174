// SPDX-License-Identifier: MIT
/*
 * test_fdt.c - memblock_import_fdt(): DTBs dumped from QEMU's virt machines
 * (aarch64, riscv64, with and without NUMA), an OpenSBI-style
 * /reserved-memory fixture, trees built here for the corner cases, and
 * malformed blobs that must leave memblock untouched.
 */
#include "harness.h"
#include "bytes.h"

#include <stdio.h>
#include <string.h>

#include <memblock/fw.h>

#ifdef CONFIG_PHYS_ADDR_T_64BIT
#define END_4G 0x100000000ULL
#else
#define END_4G 0xffffffffULL
#endif

/* --- Fixtures ------------------------------------------------------------ */

static uint8_t blob[1 << 16];
static size_t blob_len;

static const void *load(const char *path)
{
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	blob_len = fread(blob, 1, sizeof(blob), f);
	assert_true(feof(f));
	fclose(f);
	assert_true(blob_len > 40);
	return blob;
}

/* --- A small FDT builder -------------------------------------------------- */

struct fdtb {
	uint8_t st[4096];
	size_t st_len;
	char strs[1024];
	size_t strs_len;
	uint64_t rsv[8][2];
	int nr_rsv;
};

static struct fdtb fb;

static void fb_u32(uint32_t v)
{
	assert_true(fb.st_len + 4 <= sizeof(fb.st));
	put_be32(fb.st + fb.st_len, v);
	fb.st_len += 4;
}

static void fb_bytes(const void *p, size_t n)
{
	assert_true(fb.st_len + n + 4 <= sizeof(fb.st));
	memcpy(fb.st + fb.st_len, p, n);
	fb.st_len += n;
	while (fb.st_len & 3)
		fb.st[fb.st_len++] = 0;
}

static void fb_init(void)
{
	memset(&fb, 0, sizeof(fb));
}

static void fb_begin(const char *name)
{
	fb_u32(1);
	fb_bytes(name, strlen(name) + 1);
}

static void fb_end(void)
{
	fb_u32(2);
}

static void fb_prop(const char *name, const void *val, uint32_t len)
{
	size_t n = strlen(name) + 1;

	assert_true(fb.strs_len + n <= sizeof(fb.strs));
	fb_u32(3);
	fb_u32(len);
	fb_u32((uint32_t)fb.strs_len);
	memcpy(fb.strs + fb.strs_len, name, n);
	fb.strs_len += n;
	fb_bytes(val, len);
}

static void fb_prop_cells(const char *name, const uint32_t *cells, size_t n)
{
	uint8_t v[64];

	assert_true(n * 4 <= sizeof(v));
	for (size_t i = 0; i < n; i++)
		put_be32(v + 4 * i, cells[i]);
	fb_prop(name, v, (uint32_t)(4 * n));
}

#define FB_CELLS(name, ...)                                                    \
	fb_prop_cells(name, (const uint32_t[]){ __VA_ARGS__ },                 \
		      sizeof((const uint32_t[]){ __VA_ARGS__ }) / 4)

static void fb_prop_u32(const char *name, uint32_t v)
{
	fb_prop_cells(name, &v, 1);
}

static void fb_prop_str(const char *name, const char *s)
{
	fb_prop(name, s, (uint32_t)strlen(s) + 1);
}

static void fb_memreserve(uint64_t base, uint64_t size)
{
	fb.rsv[fb.nr_rsv][0] = base;
	fb.rsv[fb.nr_rsv][1] = size;
	fb.nr_rsv++;
}

/* Header, memory reservation block, structure block, strings: version 17. */
static const void *fb_finish(void)
{
	const uint32_t rsv_off = 40;
	const uint32_t rsv_len = (uint32_t)(fb.nr_rsv + 1) * 16;
	const uint32_t st_off = rsv_off + rsv_len;
	uint32_t st_len, str_off, total;

	fb_u32(9);
	st_len = (uint32_t)fb.st_len;
	str_off = st_off + st_len;
	total = str_off + (uint32_t)fb.strs_len;
	assert_true(total <= sizeof(blob));

	memset(blob, 0, sizeof(blob));
	put_be32(blob + 0, 0xd00dfeed);
	put_be32(blob + 4, total);
	put_be32(blob + 8, st_off);
	put_be32(blob + 12, str_off);
	put_be32(blob + 16, rsv_off);
	put_be32(blob + 20, 17);
	put_be32(blob + 24, 16);
	put_be32(blob + 28, 0);
	put_be32(blob + 32, (uint32_t)fb.strs_len);
	put_be32(blob + 36, st_len);
	for (int i = 0; i < fb.nr_rsv; i++) {
		put_be32(blob + rsv_off + 16 * i, (uint32_t)(fb.rsv[i][0] >> 32));
		put_be32(blob + rsv_off + 16 * i + 4, (uint32_t)fb.rsv[i][0]);
		put_be32(blob + rsv_off + 16 * i + 8, (uint32_t)(fb.rsv[i][1] >> 32));
		put_be32(blob + rsv_off + 16 * i + 12, (uint32_t)fb.rsv[i][1]);
	}
	memcpy(blob + st_off, fb.st, st_len);
	memcpy(blob + str_off, fb.strs, fb.strs_len);
	blob_len = total;
	return blob;
}

/* Root with the given cells (0: property absent). */
static void fb_root(uint32_t ac, uint32_t sc)
{
	fb_init();
	fb_begin("");
	if (ac)
		fb_prop_u32("#address-cells", ac);
	if (sc)
		fb_prop_u32("#size-cells", sc);
	fb_prop_str("compatible", "test,board");
}

/* A memory node with 2/2 cells and one range. */
static void fb_memory(uint64_t base, uint64_t size)
{
	char name[32];

	snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)base);
	fb_begin(name);
	fb_prop_str("device_type", "memory");
	FB_CELLS("reg", (uint32_t)(base >> 32), (uint32_t)base, (uint32_t)(size >> 32),
		 (uint32_t)size);
	fb_end();
}

/* --- QEMU virt machines -------------------------------------------------- */

static void aarch64_virt_128m(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	load("tests/data/virt-a64-128M.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region_flags(&memblock.memory, 0, 0x40000000, SZ_128M, MEMBLOCK_NONE);
	assert_region_nid(&memblock.memory, 0, MAX_NUMNODES);
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_int_equal(st.entries, 1);
	assert_int_equal(st.ignored, 0);
	assert_int_equal(st.memory, SZ_128M);
	assert_int_equal(st.reserved, 0);
}

/* Two nodes, emitted by QEMU in descending order. */
static void aarch64_virt_two_numa_nodes(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	load("tests/data/virt-a64-numa.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(st.entries, 2);
	assert_int_equal(st.memory, 2 * SZ_1G);
#ifdef CONFIG_NUMA
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x40000000, SZ_512M);
	assert_region_nid(&memblock.memory, 0, 0);
	assert_region(&memblock.memory, 1, 0x60000000, 3 * SZ_512M);
	assert_region_nid(&memblock.memory, 1, 1);
#else
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x40000000, 2 * SZ_1G);
#endif
}

static void riscv64_virt_128m(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	load("tests/data/virt-rv64-128M.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x80000000, SZ_128M);
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_int_equal(st.entries, 1);
}

/* Node 1 ends at 4 GiB: clipped by one byte in the phys32 build. */
static void riscv64_virt_two_numa_nodes(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	load("tests/data/virt-rv64-numa.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(st.entries, 2);
	assert_int_equal(st.ignored, 0);
	assert_int_equal(st.memory, END_4G - 0x80000000);
#ifdef CONFIG_NUMA
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x80000000, SZ_512M);
	assert_region_nid(&memblock.memory, 0, 0);
	assert_region(&memblock.memory, 1, 0xa0000000, END_4G - 0xa0000000);
	assert_region_nid(&memblock.memory, 1, 1);
#else
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x80000000, END_4G - 0x80000000);
#endif
}

/* OpenSBI's /reserved-memory (no-map and not), reusable, dynamic, disabled. */
static void riscv64_reserved_memory_and_memreserve(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	load("tests/data/virt-rv64-resv.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region_flags(&memblock.memory, 0, 0x80000000, 0x40000, MEMBLOCK_NOMAP);
	assert_region_flags(&memblock.memory, 1, 0x80040000, SZ_128M - 0x40000, MEMBLOCK_NONE);
	assert_int_equal(memblock.reserved.cnt, 3);
	assert_region(&memblock.reserved, 0, 0x80040000, 0x20000);	/* mmode_resv0 */
	assert_region(&memblock.reserved, 1, 0x86000000, SZ_1M);	/* reusable */
	assert_region(&memblock.reserved, 2, 0x87e00000, SZ_64K);	/* /memreserve/ */
	assert_false(memblock_is_reserved(0x87000000));			/* disabled */
	assert_false(memblock_is_map_memory(0x80000000));
	assert_true(memblock_is_memory(0x80000000));
	/* memory, 3 with reg, cma (dynamic), disabled, memreserve */
	assert_int_equal(st.entries, 7);
	assert_int_equal(st.ignored, 2);
	assert_int_equal(st.memory, SZ_128M);
	assert_int_equal(st.reserved, 0x20000 + SZ_1M + SZ_64K);
}

/* The blob may sit at any address. */
static void unaligned_blob_imports_the_same(void **state)
{
	static uint8_t shifted[sizeof(blob) + 8];

	(void)state;
	load("tests/data/virt-rv64-resv.dtb");
	memcpy(shifted + 3, blob, blob_len);
	assert_int_equal(memblock_import_fdt(shifted + 3, blob_len, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(memblock.reserved.cnt, 3);
}

/* A kernel that reserved itself first, then imports. */
static void import_on_top_of_existing_state(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	assert_int_equal(memblock_reserve(0x80200000, SZ_2M), 0);
	load("tests/data/virt-rv64-resv.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.reserved.cnt, 4);
	assert_region(&memblock.reserved, 1, 0x80200000, SZ_2M);

	/* Importing again changes nothing. */
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_snapshot_unchanged(&snap);
}

/* --- Built trees ------------------------------------------------------------ */

static void one_cell_root_hotplug_status_and_usable_memory(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	fb_root(1, 1);
	fb_begin("memory@1000000");
	fb_prop_str("device_type", "memory");
	FB_CELLS("reg", 0x1000000, 0x100000, 0x3000000, 0x100000);
	fb_end();
	fb_begin("memory@8000000");
	fb_prop_str("device_type", "memory");
	fb_prop_str("status", "ok");
	fb_prop("hotpluggable", "", 0);
	FB_CELLS("reg", 0x8000000, 0x1000000);
	fb_end();
	fb_begin("memory@10000000");
	fb_prop_str("device_type", "memory");
	fb_prop_str("status", "disabled");
	FB_CELLS("reg", 0x10000000, 0x1000000);
	fb_end();
	fb_begin("memory@20000000");	/* no device_type: not memory */
	FB_CELLS("reg", 0x20000000, 0x1000000);
	fb_end();
	fb_begin("memory@30000000");	/* a crash kernel's view */
	fb_prop_str("device_type", "memory");
	FB_CELLS("reg", 0x30000000, 0x10000000);
	FB_CELLS("linux,usable-memory", 0x34000000, 0x1000000);
	fb_end();
	fb_begin("memory@50000000");	/* no reg at all */
	fb_prop_str("device_type", "memory");
	fb_end();
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 4);
	assert_region_flags(&memblock.memory, 0, 0x1000000, 0x100000, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 1, 0x3000000, 0x100000, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 2, 0x8000000, 0x1000000, MEMBLOCK_HOTPLUG);
	assert_region_flags(&memblock.memory, 3, 0x34000000, 0x1000000, MEMBLOCK_NONE);
	assert_int_equal(st.entries, 6);
	assert_int_equal(st.ignored, 2);
}

/* A root without #address-cells/#size-cells: Linux's defaults, 1 and 1. */
static void root_default_cells_are_one_and_one(void **state)
{
	(void)state;
	fb_root(0, 0);
	fb_begin("memory@0");
	fb_prop_str("device_type", "memory");
	FB_CELLS("reg", 0x1000000, 0x200000, 0x3000000, 0x100000);
	fb_end();
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x1000000, 0x200000);
	assert_region(&memblock.memory, 1, 0x3000000, 0x100000);
}

/* A /reserved-memory with the root's cells and ranges: read as Linux does. */
static void reserved_memory_with_the_roots_cells(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_begin("reserved-memory");
	fb_prop_u32("#address-cells", 2);
	fb_prop_u32("#size-cells", 2);
	fb_prop("ranges", "", 0);
	fb_begin("tee@42000000");
	FB_CELLS("reg", 0, 0x42000000, 0, 0x200000, 0, 0x44000000, 0, 0x1000);
	fb_prop("no-map", "", 0);
	fb_end();
	fb_begin("ramoops@48000000");
	FB_CELLS("reg", 0, 0x48000000, 0, 0x100000);
	fb_end();
	fb_begin("empty@0");
	FB_CELLS("reg", 0, 0x49000000, 0, 0x0);	/* zero size */
	fb_end();
	fb_end();
	fb_end();
	fb_memreserve(0x4f000000, 0x1000);
	fb_memreserve(0x4f100000, 0x2000);
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 5);
	assert_region_flags(&memblock.memory, 1, 0x42000000, 0x200000, MEMBLOCK_NOMAP);
	assert_region_flags(&memblock.memory, 3, 0x44000000, 0x1000, MEMBLOCK_NOMAP);
	assert_int_equal(memblock.reserved.cnt, 3);
	assert_region(&memblock.reserved, 0, 0x48000000, SZ_1M);
	assert_region(&memblock.reserved, 1, 0x4f000000, 0x1000);
	assert_region(&memblock.reserved, 2, 0x4f100000, 0x2000);
	assert_int_equal(st.entries, 7);
	assert_int_equal(st.ignored, 1);
}

/*
 * Linux reads /reserved-memory only when its cells are the root's and it
 * has "ranges"; otherwise the whole node is ignored (with a log line),
 * and so are its reservations. /memreserve/ still counts.
 */
static void reserved_memory_unlike_the_root_is_ignored(void **state)
{
	static const struct {
		uint32_t ac, sc;
		bool ranges;
	} cases[] = { { 1, 1, true }, { 2, 2, false }, { 0, 0, true }, { 3, 1, true } };

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mb_test_setup(NULL);
		fb_root(2, 2);
		fb_memory(0x40000000, SZ_256M);
		fb_begin("reserved-memory");
		if (cases[i].ac)
			fb_prop_u32("#address-cells", cases[i].ac);
		if (cases[i].sc)
			fb_prop_u32("#size-cells", cases[i].sc);
		if (cases[i].ranges)
			fb_prop("ranges", "", 0);
		fb_begin("tee@42000000");
		FB_CELLS("reg", 0, 0x42000000, 0, 0x200000);
		fb_prop("no-map", "", 0);
		fb_end();
		fb_begin("ramoops@48000000");
		FB_CELLS("reg", 0, 0x48000000, 0, 0x100000);
		fb_end();
		fb_end();
		fb_end();
		fb_memreserve(0x4f000000, 0x1000);
		fb_finish();
		test_log_clear();
		assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
		assert_valid();
		assert_int_equal(memblock.memory.cnt, 1);
		assert_int_equal(memblock.reserved.cnt, 1);
		assert_region(&memblock.reserved, 0, 0x4f000000, 0x1000);
		assert_non_null(strstr(test_log(), "reserved-memory"));
	}
}

/* /memory ranges are trimmed to whole pages, as Linux adds them. */
static void memory_is_trimmed_to_whole_pages(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	fb_root(1, 1);
	fb_begin("memory@a800");
	fb_prop_str("device_type", "memory");
	FB_CELLS("reg", 0xa800, 0x100000, 0x200000, 0x800, 0x300000, 0x1fff);
	fb_end();
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 2);
	/* [0xa800, 0x10a800): pages 0xb000..0x10a000. */
	assert_region(&memblock.memory, 0, 0xb000, 0x10a000 - 0xb000);
	/* 0x800 bytes: no whole page, ignored; 0x1fff: one page. */
	assert_region(&memblock.memory, 1, 0x300000, 0x1000);
	assert_int_equal(st.ignored, 1);
}

/*
 * /chosen linux,usable-memory-range: the first range caps the memory of
 * the tree, the others are added (a board whose usable range is 510 MiB
 * of 8 GiB gets 510 MiB, plus what the further ranges say).
 */
static void usable_memory_range_caps_memory_and_adds_the_rest(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, 0x200000000ULL);	/* 8 GiB */
	fb_begin("chosen");
	FB_CELLS("linux,usable-memory-range", 0, 0x50000000, 0, 0x1fe00000,
		 0x3, 0x00000000, 0, 0x100000);
	fb_end();
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_valid();
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 1, 0x300000000ULL, 0x100000);
#else
	assert_int_equal(memblock.memory.cnt, 1);
#endif
	assert_region(&memblock.memory, 0, 0x50000000, 0x1fe00000);
}

/*
 * no-map over memory that is already reserved (by /memreserve/ or an
 * earlier reserved-memory node) is refused as Linux refuses it: a log
 * line, nothing done for that node, and the import goes on.
 */
static void no_map_over_a_reservation_is_refused(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_begin("reserved-memory");
	fb_prop_u32("#address-cells", 2);
	fb_prop_u32("#size-cells", 2);
	fb_prop("ranges", "", 0);
	fb_begin("pool@44000000");
	FB_CELLS("reg", 0, 0x44000000, 0, 0x100000);
	fb_end();
	fb_begin("fw@44080000");		/* inside the pool above */
	FB_CELLS("reg", 0, 0x44080000, 0, 0x10000);
	fb_prop("no-map", "", 0);
	fb_end();
	fb_begin("tee@4f000000");		/* on a /memreserve/ entry */
	FB_CELLS("reg", 0, 0x4f000000, 0, 0x1000);
	fb_prop("no-map", "", 0);
	fb_end();
	fb_begin("ok@48000000");		/* free: applied */
	FB_CELLS("reg", 0, 0x48000000, 0, 0x10000);
	fb_prop("no-map", "", 0);
	fb_end();
	fb_end();
	fb_end();
	fb_memreserve(0x4f000000, 0x1000);
	fb_finish();
	test_log_clear();
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	assert_true(memblock_is_map_memory(0x44080000));
	assert_true(memblock_is_map_memory(0x4f000000));
	assert_false(memblock_is_map_memory(0x48000000));
	assert_non_null(strstr(test_log(), "fw@44080000"));
	assert_non_null(strstr(test_log(), "tee@4f000000"));
	assert_int_equal(st.ignored, 2);
}

/*
 * Dynamic reservations (size, alignment, alloc-ranges; no reg) are
 * allocated by memblock_fdt_reserve_dynamic(), after the import and after
 * whatever the caller reserved in between, in node order.
 */
static void dynamic_reservations_are_allocated_on_request(void **state)
{
	struct memblock_fdt_dynamic out[4];

	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_begin("reserved-memory");
	fb_prop_u32("#address-cells", 2);
	fb_prop_u32("#size-cells", 2);
	fb_prop("ranges", "", 0);
	fb_begin("linux,cma");
	fb_prop_str("compatible", "shared-dma-pool");
	fb_prop("reusable", "", 0);
	FB_CELLS("size", 0, 0x1000000);
	FB_CELLS("alignment", 0, 0x400000);
	FB_CELLS("alloc-ranges", 0, 0x40000000, 0, 0x4000000,
		 0, 0x48000000, 0, 0x4000000);
	fb_end();
	fb_begin("fw-pool");
	FB_CELLS("size", 0, 0x10000);
	fb_prop("no-map", "", 0);
	fb_end();
	fb_end();
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	/* The kernel image takes the first alloc-range before they run. */
	assert_int_equal(memblock_reserve(0x40000000, 0x4000000), 0);

	assert_int_equal(memblock_fdt_reserve_dynamic(blob, blob_len, NULL, 0), 2);
	mb_test_setup(NULL);
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_int_equal(memblock_reserve(0x40000000, 0x4000000), 0);
	assert_int_equal(memblock_fdt_reserve_dynamic(blob, blob_len, out, 1), -ENOSPC);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_int_equal(memblock_fdt_reserve_dynamic(blob, blob_len, out, 4), 2);

	assert_valid();
	assert_string_equal(out[0].name, "linux,cma");
	/* Top-down, in the second alloc-range, 4 MiB aligned. */
	assert_int_equal(out[0].base, 0x4b000000);
	assert_int_equal(out[0].size, 0x1000000);
	assert_true(out[0].reusable);
	assert_false(out[0].nomap);
	assert_true(memblock_is_region_reserved(out[0].base, out[0].size));
	assert_string_equal(out[1].name, "fw-pool");
	assert_int_equal(out[1].size, 0x10000);
	assert_true(out[1].nomap);
	assert_false(memblock_is_map_memory(out[1].base));
	assert_true(memblock_is_region_reserved(out[1].base, out[1].size));
}

/*
 * QEMU's own aarch64 virt tree, minimally edited (tests/data/README.md):
 * memory from 0x40000a00, a usable range capping it at 0x46000000 and a
 * second one at 0x50000000, a /memreserve/ entry, and a /reserved-memory
 * with a static reservation, three no-map nodes (outside memory, inside
 * the static reservation, free) and a dynamic CMA pool.
 */
static void real_tree_with_linux_rules(void **state)
{
	struct memblock_fdt_dynamic dyn[2];
	struct memblock_fw_stats st;

	(void)state;
	load("tests/data/virt-a64-linux-rules.dtb");
	test_log_clear();
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
	/* Trimmed to pages, capped by the first usable range, plus the second. */
	assert_int_equal(memblock.memory.cnt, 4);
	assert_region_flags(&memblock.memory, 0, 0x40001000, 0x42000000 - 0x40001000,
			    MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 1, 0x42000000, 0x200000, MEMBLOCK_NOMAP);
	assert_region_flags(&memblock.memory, 2, 0x42200000, 0x46000000 - 0x42200000,
			    MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 3, 0x50000000, 0x200000, MEMBLOCK_NONE);
	/* ramoops and the /memreserve/ entry. */
	assert_int_equal(memblock.reserved.cnt, 2);
	assert_region(&memblock.reserved, 0, 0x41000000, 0x100000);
	assert_region(&memblock.reserved, 1, 0x47f00000, 0x1000);
	/* secmon lies in ramoops: refused, and said so. */
	assert_true(memblock_is_map_memory(0x41080000));
	assert_non_null(strstr(test_log(), "secmon@41080000"));

	/* The kernel reserves itself, then the pool is allocated. */
	assert_int_equal(memblock_reserve(0x40200000, 0x1000000), 0);
	assert_int_equal(memblock_fdt_reserve_dynamic(blob, blob_len, dyn, 2), 1);
	assert_string_equal(dyn[0].name, "linux,cma");
	assert_int_equal(dyn[0].base, 0x45000000);
	assert_int_equal(dyn[0].size, 0x1000000);
	assert_true(dyn[0].reusable);
	assert_valid();
}

/*
 * QEMU's riscv64 tree without the root's #address-cells/#size-cells, its
 * memory reg rewritten in one cell each: read with Linux's defaults, 1/1.
 */
static void real_tree_without_root_cells(void **state)
{
	(void)state;
	load("tests/data/virt-rv64-root-cells.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x80000000, SZ_128M);
}

/* The same tree with a /reserved-memory in 1/1 cells: Linux ignores it. */
static void real_tree_with_reserved_memory_cells_unlike_the_roots(void **state)
{
	(void)state;
	load("tests/data/virt-a64-resv-cells.dtb");
	test_log_clear();
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region_flags(&memblock.memory, 0, 0x40000000, SZ_128M, MEMBLOCK_NONE);
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_non_null(strstr(test_log(), "reserved-memory"));
	assert_int_equal(memblock_fdt_reserve_dynamic(blob, blob_len, NULL, 0), 0);
}

static void dynamic_reservation_with_a_bad_alignment_is_einval(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_begin("reserved-memory");
	fb_prop_u32("#address-cells", 2);
	fb_prop_u32("#size-cells", 2);
	fb_prop("ranges", "", 0);
	fb_begin("a");
	FB_CELLS("size", 0, 0x10000);
	fb_end();
	fb_begin("b");
	FB_CELLS("size", 0, 0x10000);
	FB_CELLS("alignment", 0, 0x3000);
	fb_end();
	fb_end();
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	/* Nothing is allocated, not even the well-formed first node. */
	assert_int_equal(memblock_fdt_reserve_dynamic(blob, blob_len, NULL, 0), -EINVAL);
	assert_int_equal(memblock.reserved.cnt, 0);
}

/* A version 16 blob (no size_dt_struct) is read too. */
static void version_16_header_is_accepted(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_end();
	fb_finish();
	put_be32(blob + 20, 16);
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_int_equal(memblock.memory.cnt, 1);
}

static void overlapping_memory_of_one_kind_merges(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_memory(0x48000000, SZ_256M);
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x40000000, SZ_256M + SZ_128M);
}

static void memory_crossing_4g(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	fb_root(2, 2);
	fb_memory(0xc0000000, 2 * SZ_1G);
	fb_memory(0x200000000ULL, SZ_1G);
	fb_end();
	fb_finish();
	assert_int_equal(memblock_import_fdt(blob, blob_len, &st), 0);
	assert_valid();
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0xc0000000, 2 * SZ_1G);
	assert_int_equal(st.ignored, 0);
#else
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0xc0000000, 0x3fffffff);
	assert_int_equal(st.ignored, 1);
#endif
}

#ifdef CONFIG_NUMA
#define BIG_NID_RESULT (-EINVAL)
#else
#define BIG_NID_RESULT 0
#endif

/* --- Malformed input: the error, and memblock untouched -------------------- */

static void populate(void)
{
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	assert_int_equal(memblock_reserve(WIN_BASE + SZ_1M, SZ_64K), 0);
}

static void expect(const void *fdt, size_t max, int err)
{
	struct mb_snapshot snap;
	struct memblock_fw_stats st;

	populate();
	mb_snapshot_take(&snap);
	memset(&st, 0xff, sizeof(st));
	assert_int_equal(memblock_import_fdt(fdt, max, &st), err);
	if (err) {
		assert_snapshot_unchanged(&snap);
		assert_int_equal(st.entries, 0);
	}
	assert_valid();
}

static void numa_node_id_beyond_max_numnodes(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_begin("memory@40000000");
	fb_prop_str("device_type", "memory");
	fb_prop_u32("numa-node-id", MAX_NUMNODES);
	FB_CELLS("reg", 0, 0x40000000, 0, 0x1000000);
	fb_end();
	fb_end();
	fb_finish();
	expect(blob, blob_len, BIG_NID_RESULT);
}

static void numa_node_id_of_wrong_length_is_einval(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_begin("memory@40000000");
	fb_prop_str("device_type", "memory");
	FB_CELLS("numa-node-id", 0, 1);
	FB_CELLS("reg", 0, 0x40000000, 0, 0x1000000);
	fb_end();
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EINVAL);
}

static void bad_magic_is_einval(void **state)
{
	(void)state;
	load("tests/data/virt-a64-128M.dtb");
	blob[0] ^= 0xff;
	expect(blob, blob_len, -EINVAL);
}

static void truncated_blob_is_ebadmsg(void **state)
{
	(void)state;
	load("tests/data/virt-a64-128M.dtb");
	expect(blob, blob_len - 1, -EBADMSG);
	expect(blob, 20, -EBADMSG);
	expect(blob, 3, -EBADMSG);
}

static void bad_versions_are_einval(void **state)
{
	(void)state;
	load("tests/data/virt-a64-128M.dtb");
	put_be32(blob + 20, 15);
	expect(blob, blob_len, -EINVAL);
	load("tests/data/virt-a64-128M.dtb");
	put_be32(blob + 24, 18);
	expect(blob, blob_len, -EINVAL);
}

static void header_offsets_outside_the_blob_are_ebadmsg(void **state)
{
	(void)state;
	load("tests/data/virt-rv64-128M.dtb");
	put_be32(blob + 36, get_be32(blob + 36) + 0x1000);	/* size_dt_struct */
	expect(blob, blob_len, -EBADMSG);
	load("tests/data/virt-rv64-128M.dtb");
	put_be32(blob + 12, (uint32_t)blob_len);		/* off_dt_strings */
	expect(blob, blob_len, -EBADMSG);
	load("tests/data/virt-rv64-128M.dtb");
	put_be32(blob + 4, 20);					/* totalsize < header */
	expect(blob, blob_len, -EBADMSG);
	load("tests/data/virt-rv64-128M.dtb");
	put_be32(blob + 16, 44);				/* misaligned rsvmap */
	expect(blob, blob_len, -EINVAL);
}

static void structure_without_end_is_ebadmsg(void **state)
{
	(void)state;
	load("tests/data/virt-rv64-128M.dtb");
	put_be32(blob + 36, get_be32(blob + 36) - 4);	/* FDT_END cut off */
	expect(blob, blob_len, -EBADMSG);
}

static void unknown_token_is_einval(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_u32(7);
	fb_memory(0x40000000, SZ_256M);
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EINVAL);
}

static void unbalanced_nodes_are_einval(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_end();
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EINVAL);

	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);	/* root never closed */
	fb_finish();
	expect(blob, blob_len, -EINVAL);
}

static void property_name_outside_strings_is_ebadmsg(void **state)
{
	uint32_t st_off;

	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_end();
	fb_finish();
	/* The first property of the root: its nameoff, past the strings. */
	st_off = get_be32(blob + 8);
	assert_int_equal(get_be32(blob + st_off + 8), 3);
	put_be32(blob + st_off + 16, get_be32(blob + 32));
	expect(blob, blob_len, -EBADMSG);
}

static void property_longer_than_the_structure_is_ebadmsg(void **state)
{
	uint32_t st_off;

	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_end();
	fb_finish();
	st_off = get_be32(blob + 8);
	put_be32(blob + st_off + 12, 0x7ffffff0);	/* the root's first len */
	expect(blob, blob_len, -EBADMSG);
}

static void memreserve_without_terminator_is_ebadmsg(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_end();
	fb_finish();
	/* Point the block at the last 8 bytes: no whole entry fits. */
	put_be32(blob + 16, ((uint32_t)blob_len - 8) & ~7u);
	expect(blob, blob_len, -EBADMSG);
}

static void bad_root_cells_are_einval(void **state)
{
	static const uint32_t cells[][2] = { { 3, 2 }, { 2, 3 }, { 0xffffffff, 1 } };

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		fb_root(cells[i][0], cells[i][1]);
		fb_memory(0x40000000, SZ_256M);
		fb_end();
		fb_finish();
		expect(blob, blob_len, -EINVAL);
		mb_test_setup(NULL);
	}
	/* #address-cells = 0, #size-cells = 0 (absent means the default). */
	fb_init();
	fb_begin("");
	fb_prop_u32("#address-cells", 0);
	fb_prop_u32("#size-cells", 1);
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EINVAL);
	mb_test_setup(NULL);
	fb_init();
	fb_begin("");
	fb_prop_u32("#address-cells", 1);
	fb_prop_u32("#size-cells", 0);
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EINVAL);
}

static void reg_of_partial_tuples_is_einval(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_begin("memory@40000000");
	fb_prop_str("device_type", "memory");
	FB_CELLS("reg", 0, 0x40000000, 0, 0x1000000, 0, 0x50000000);
	fb_end();
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EINVAL);
}

static void memory_wrapping_or_reaching_2_64_is_erange(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_memory(0xfffffffffff00000ULL, 0x200000);
	fb_end();
	fb_finish();
	expect(blob, blob_len, -ERANGE);
	mb_test_setup(NULL);
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_memory(0xfffffffffff00000ULL, 0x100000);
	fb_end();
	fb_finish();
	expect(blob, blob_len, -ERANGE);
}

static void reserved_memory_wrapping_is_erange(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_end();
	fb_memreserve(0xffffffffffff0000ULL, 0x20000);
	fb_finish();
	expect(blob, blob_len, -ERANGE);
}

static void memory_overlapping_with_other_hotplug_is_eexist(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_memory(0x40000000, SZ_256M);
	fb_begin("memory@48000000");
	fb_prop_str("device_type", "memory");
	fb_prop("hotpluggable", "", 0);
	FB_CELLS("reg", 0, 0x48000000, 0, 0x10000000);
	fb_end();
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EEXIST);
}

#ifdef CONFIG_NUMA
static void memory_overlapping_on_two_nodes_is_eexist(void **state)
{
	(void)state;
	fb_root(2, 2);
	fb_begin("memory@40000000");
	fb_prop_str("device_type", "memory");
	fb_prop_u32("numa-node-id", 0);
	FB_CELLS("reg", 0, 0x40000000, 0, 0x20000000);
	fb_end();
	fb_begin("memory@50000000");
	fb_prop_str("device_type", "memory");
	fb_prop_u32("numa-node-id", 1);
	FB_CELLS("reg", 0, 0x50000000, 0, 0x20000000);
	fb_end();
	fb_end();
	fb_finish();
	expect(blob, blob_len, -EEXIST);
}
#endif

static void null_blob_is_einval(void **state)
{
	(void)state;
	expect(NULL, 4096, -EINVAL);
}

/* A full static array and no growth: -ENOMEM, nothing changed. */
static void full_array_is_enomem(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	for (unsigned long i = 0; i < INIT_MEMBLOCK_MEMORY_REGIONS - 1; i++)
		assert_int_equal(memblock_add(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	mb_snapshot_take(&snap);
	load("tests/data/virt-rv64-resv.dtb");
	assert_int_equal(memblock_import_fdt(blob, blob_len, NULL),
			 -ENOMEM);
	assert_snapshot_unchanged(&snap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(aarch64_virt_128m),
		MB_TEST(aarch64_virt_two_numa_nodes),
		MB_TEST(riscv64_virt_128m),
		MB_TEST(riscv64_virt_two_numa_nodes),
		MB_TEST(riscv64_reserved_memory_and_memreserve),
		MB_TEST(unaligned_blob_imports_the_same),
		MB_TEST(import_on_top_of_existing_state),
		MB_TEST(one_cell_root_hotplug_status_and_usable_memory),
		MB_TEST(root_default_cells_are_one_and_one),
		MB_TEST(reserved_memory_with_the_roots_cells),
		MB_TEST(reserved_memory_unlike_the_root_is_ignored),
		MB_TEST(memory_is_trimmed_to_whole_pages),
		MB_TEST(usable_memory_range_caps_memory_and_adds_the_rest),
		MB_TEST(no_map_over_a_reservation_is_refused),
		MB_TEST(dynamic_reservations_are_allocated_on_request),
		MB_TEST(dynamic_reservation_with_a_bad_alignment_is_einval),
		MB_TEST(real_tree_with_linux_rules),
		MB_TEST(real_tree_with_reserved_memory_cells_unlike_the_roots),
		MB_TEST(real_tree_without_root_cells),
		MB_TEST(version_16_header_is_accepted),
		MB_TEST(overlapping_memory_of_one_kind_merges),
		MB_TEST(memory_crossing_4g),
		MB_TEST(numa_node_id_beyond_max_numnodes),
		MB_TEST(numa_node_id_of_wrong_length_is_einval),
		MB_TEST(bad_magic_is_einval),
		MB_TEST(truncated_blob_is_ebadmsg),
		MB_TEST(bad_versions_are_einval),
		MB_TEST(header_offsets_outside_the_blob_are_ebadmsg),
		MB_TEST(structure_without_end_is_ebadmsg),
		MB_TEST(unknown_token_is_einval),
		MB_TEST(unbalanced_nodes_are_einval),
		MB_TEST(property_name_outside_strings_is_ebadmsg),
		MB_TEST(property_longer_than_the_structure_is_ebadmsg),
		MB_TEST(memreserve_without_terminator_is_ebadmsg),
		MB_TEST(bad_root_cells_are_einval),
		MB_TEST(reg_of_partial_tuples_is_einval),
		MB_TEST(memory_wrapping_or_reaching_2_64_is_erange),
		MB_TEST(reserved_memory_wrapping_is_erange),
		MB_TEST(memory_overlapping_with_other_hotplug_is_eexist),
#ifdef CONFIG_NUMA
		MB_TEST(memory_overlapping_on_two_nodes_is_eexist),
#endif
		MB_TEST(null_blob_is_einval),
		MB_TEST(full_array_is_enomem),
	};

	return MB_RUN("fw/fdt", tests);
}
