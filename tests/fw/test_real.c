// SPDX-License-Identifier: MIT
/*
 * test_real.c - memory maps that real firmware handed to an OS, captured in
 * QEMU (tests/data/real/, each with a note saying how): imported in the
 * configuration of the build (the default one has 128-slot arrays and no
 * growth) and checked against a reading of the raw descriptors made here,
 * independently of the importer, and against the map an exporter gives.
 */
#include "harness.h"
#include "bytes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memblock/fw.h>

#define CACHEABLE (MEMBLOCK_EFI_MEMORY_WB | MEMBLOCK_EFI_MEMORY_WT | \
		   MEMBLOCK_EFI_MEMORY_WC)

static uint8_t *map;
static size_t map_size;

static void load(const char *path)
{
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	free(map);
	map = malloc(1 << 20);
	assert_non_null(map);
	map_size = fread(map, 1, 1 << 20, f);
	fclose(f);
	assert_true(map_size > 0);
}

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* One descriptor as the UEFI specification lays it out. */
struct desc {
	uint32_t type;
	uint64_t base, end, attr;
};

static int by_base(const void *a, const void *b)
{
	const struct desc *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

/*
 * The reading the importer is meant to give, done the simple way: sort
 * the descriptors, keep the ones memblock can hold, and count the runs of
 * touching descriptors alike.
 */
struct expect {
	unsigned long mem_runs, nomap_runs, rsv_runs;
	uint64_t mem_bytes, nomap_bytes, rsv_bytes;
	unsigned long descriptors;
};

static bool usable_type(uint32_t t)
{
	return t == MEMBLOCK_EFI_LOADER_CODE || t == MEMBLOCK_EFI_LOADER_DATA ||
	       t == MEMBLOCK_EFI_BOOT_SERVICES_CODE ||
	       t == MEMBLOCK_EFI_BOOT_SERVICES_DATA ||
	       t == MEMBLOCK_EFI_CONVENTIONAL_MEMORY ||
	       t == MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY ||
	       t == MEMBLOCK_EFI_PERSISTENT_MEMORY;
}

static void read_expect(size_t desc_size, struct expect *e)
{
	const size_t n = map_size / desc_size;
	struct desc *d = calloc(n, sizeof(*d));
	uint64_t mem_end = 0, rsv_end = 0, nomap_end = 0;
	int last_nomap = -1;

	memset(e, 0, sizeof(*e));
	e->descriptors = n;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *p = map + i * desc_size;

		d[i].type = (uint32_t)le64(p) & 0xffffffffu;
		d[i].base = le64(p + 8);
		d[i].end = d[i].base + (le64(p + 24) << 12);
		d[i].attr = le64(p + 32);
	}
	qsort(d, n, sizeof(*d), by_base);
	for (size_t i = 0; i < n; i++) {
		const bool nomap = !usable_type(d[i].type) ||
				   !(d[i].attr & MEMBLOCK_EFI_MEMORY_WB);
		uint64_t end = d[i].end;

		if (!(d[i].attr & CACHEABLE) || d[i].end == d[i].base)
			continue;
#ifndef CONFIG_PHYS_ADDR_T_64BIT
		if (d[i].base >= 0xffffffffULL)
			continue;
		if (end > 0xffffffffULL)
			end = 0xffffffffULL;
#endif
		if (d[i].type == MEMBLOCK_EFI_CONVENTIONAL_MEMORY &&
		    (d[i].attr & MEMBLOCK_EFI_MEMORY_SP)) {
			e->rsv_runs += d[i].base != rsv_end;
			e->rsv_bytes += end - d[i].base;
			rsv_end = end;
			continue;
		}
		/* A new memory region where the run breaks or the kind changes. */
		if (d[i].base != mem_end || (int)nomap != last_nomap)
			e->mem_runs++;
		e->mem_bytes += end - d[i].base;
		mem_end = end;
		last_nomap = nomap;
		if (nomap) {
			e->nomap_runs += d[i].base != nomap_end;
			e->nomap_bytes += end - d[i].base;
			nomap_end = end;
		}
		if (d[i].type == MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY) {
			e->rsv_runs += d[i].base != rsv_end;
			e->rsv_bytes += end - d[i].base;
			rsv_end = end;
		}
	}
	free(d);
}

static uint64_t nomap_bytes(void)
{
	uint64_t sum = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++)
		if (memblock.memory.regions[i].flags & MEMBLOCK_NOMAP)
			sum += memblock.memory.regions[i].size;
	return sum;
}

/*
 * The exported map, against a page-by-page reading of memblock: RAM is
 * exactly the pages that are memory (not NOMAP) from end to end and that
 * no reservation touches.
 */
static void check_export(void)
{
	struct memblock_map_entry *m;
	long n = memblock_handoff_map(NULL, 0);
	uint64_t ram = 0, want = 0;

	assert_true(n > 0);
	m = calloc((size_t)n, sizeof(*m));
	assert_int_equal(memblock_handoff_map(m, (size_t)n), n);
	for (long i = 0; i < n; i++) {
		if (m[i].type == MEMBLOCK_MAP_RAM)
			ram += m[i].size;
		/* Whole pages only (the top of the address space aside). */
		assert_int_equal(m[i].base % PAGE_SIZE, 0);
		if (m[i].base + m[i].size != PHYS_ADDR_MAX)
			assert_int_equal(m[i].size % PAGE_SIZE, 0);
	}
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t pg = (r->base + PAGE_SIZE - 1) & ~(phys_addr_t)(PAGE_SIZE - 1);

		if (r->flags & MEMBLOCK_NOMAP)
			continue;
		for (; pg + PAGE_SIZE <= r->base + r->size; pg += PAGE_SIZE)
			if (!memblock_is_region_reserved(pg, PAGE_SIZE))
				want += PAGE_SIZE;
	}
	assert_int_equal(ram, want);
	free(m);
}

static void import_efi_fixture(const char *path, size_t desc_size,
			       unsigned long descriptors)
{
	struct memblock_fw_stats st;
	struct expect e;

	load(path);
	assert_int_equal(map_size % desc_size, 0);
	read_expect(desc_size, &e);
	assert_int_equal(e.descriptors, descriptors);

	assert_int_equal(memblock_import_efi(map, map_size, desc_size, &st), 0);

	assert_valid();
	print_message("%s: %lu descriptors -> %lu memory regions (%lu NOMAP), "
		      "%lu reserved\n", path, e.descriptors, memblock.memory.cnt,
		      e.nomap_runs, memblock.reserved.cnt);
	assert_int_equal(st.entries, descriptors);
	assert_int_equal(memblock.memory.cnt, e.mem_runs);
	assert_int_equal(memblock.memory.total_size, e.mem_bytes);
	assert_int_equal(nomap_bytes(), e.nomap_bytes);
	assert_int_equal(memblock.reserved.cnt, e.rsv_runs);
	assert_int_equal(memblock.reserved.total_size, e.rsv_bytes);
	check_export();
}

/* OVMF, q35, 256 MiB: 118 descriptors of 48 bytes. */
static void ovmf_x86_64_256m(void **state)
{
	(void)state;
	import_efi_fixture("tests/data/real/ovmf-x86_64-q35-256M.efimap", 48, 118);
	/* All of RAM below 256 MiB is memory; the firmware's own is NOMAP. */
	assert_true(memblock_is_memory(0x100000));
	assert_false(memblock_is_map_memory(0x800000));	/* ACPI NVS */
}

/* OVMF, q35, 4 GiB: memory above 4 GiB too. */
static void ovmf_x86_64_4g(void **state)
{
	(void)state;
	import_efi_fixture("tests/data/real/ovmf-x86_64-q35-4G.efimap", 48, 118);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_true(memblock_is_memory(0x100000000ULL));
	assert_true(memblock_end_of_DRAM() > 0x100000000ULL);
#endif
}

/* AAVMF (arm64 virt), 256 MiB at 0x40000000. */
static void aavmf_aarch64_256m(void **state)
{
	(void)state;
	import_efi_fixture("tests/data/real/aavmf-aarch64-virt-256M.efimap", 48, 28);
	/* The NOR flash at 0x04000000 is runtime MMIO with WC: memory, NOMAP. */
	assert_int_equal(memblock_start_of_DRAM(), 0x04000000);
	assert_true(memblock_is_memory(0x04000000));
	assert_false(memblock_is_map_memory(0x04000000));
	assert_true(memblock_is_map_memory(0x40000000));
	assert_true(memblock_is_memory(0x40000000 + 0xfffffff));
}

/* U-Boot's UEFI (bootefi): 40-byte descriptors. */
static void u_boot_aarch64_128m(void **state)
{
	(void)state;
	import_efi_fixture("tests/data/real/u-boot-aarch64-virt-128M.efimap", 40, 18);
	assert_int_equal(memblock_start_of_DRAM(), 0x40000000);
}

/* The tag of @type in the multiboot 2 information in map[], or NULL. */
static const uint8_t *mb2_tag(uint32_t type, uint32_t *size)
{
	const uint32_t total = (uint32_t)le64(map) & 0xffffffffu;

	for (uint32_t off = 8; off + 8 <= total;) {
		const uint32_t t = (uint32_t)le64(map + off) & 0xffffffffu;
		const uint32_t sz = (uint32_t)(le64(map + off) >> 32);

		if (t == type) {
			*size = sz;
			return map + off;
		}
		if (t == 0)
			break;
		off += (sz + 7) & ~7u;
	}
	return NULL;
}

/*
 * GRUB under SeaBIOS: tag 6 carries the BIOS E820 map (7 entries, one of
 * them QEMU's reservation at 0xfd00000000).
 */
static void grub_seabios_multiboot2(void **state)
{
	struct memblock_fw_stats st;
	uint32_t size;

	(void)state;
	load("tests/data/real/grub-seabios-x86_64-256M.mbi");
	assert_non_null(mb2_tag(6, &size));
	assert_null(mb2_tag(17, &size));

	assert_int_equal(memblock_import_multiboot2(map, map_size, &st), 0);

	assert_valid();
	assert_int_equal(st.entries, 7);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x0, 0x9fc00);
	assert_region(&memblock.memory, 1, 0x100000, 0xfee0000);
	assert_true(memblock_is_region_reserved(0x9fc00, 0x400));
	assert_true(memblock_is_region_reserved(0xf0000, 0x10000));
	assert_true(memblock_is_region_reserved(0xffe0000, 0x20000));
	assert_true(memblock_is_reserved(0xfffc0000));
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.reserved.cnt, 5);
	assert_true(memblock_is_reserved(0xfd00000000ULL));
#else
	assert_int_equal(memblock.reserved.cnt, 4);
	assert_int_equal(st.ignored, 1);
#endif
	check_export();
}

/*
 * GRUB under OVMF: tag 17 carries the whole UEFI map and wins over tag 6;
 * the result is exactly that of importing the UEFI map itself.
 */
static void grub_ovmf_multiboot2(void **state)
{
	struct memblock_region mem[128], rsv[128];
	unsigned long mem_cnt, rsv_cnt;
	uint32_t size, desc_size;
	const uint8_t *efi;
	struct expect e;

	(void)state;
	load("tests/data/real/grub-ovmf-x86_64-q35-256M.mbi");
	assert_non_null(mb2_tag(6, &size));
	efi = mb2_tag(17, &size);
	assert_non_null(efi);
	desc_size = (uint32_t)le64(efi + 8) & 0xffffffffu;
	assert_int_equal(desc_size, 48);

	assert_int_equal(memblock_import_multiboot2(map, map_size, NULL), 0);
	assert_valid();
	mem_cnt = memblock.memory.cnt;
	rsv_cnt = memblock.reserved.cnt;
	memcpy(mem, memblock.memory.regions, mem_cnt * sizeof(mem[0]));
	memcpy(rsv, memblock.reserved.regions, rsv_cnt * sizeof(rsv[0]));
	print_message("GRUB under OVMF: %u descriptors -> %lu memory regions, "
		      "%lu reserved\n", (size - 16) / desc_size, mem_cnt, rsv_cnt);

	mb_test_setup(NULL);
	assert_int_equal(memblock_import_efi(efi + 16, size - 16, desc_size, NULL), 0);
	assert_int_equal(memblock.memory.cnt, mem_cnt);
	assert_int_equal(memblock.reserved.cnt, rsv_cnt);
	assert_memory_equal(memblock.memory.regions, mem, mem_cnt * sizeof(mem[0]));
	assert_memory_equal(memblock.reserved.regions, rsv, rsv_cnt * sizeof(rsv[0]));

	/* And the independent reading agrees. */
	memmove(map, efi + 16, size - 16);
	map_size = size - 16;
	read_expect(desc_size, &e);
	assert_int_equal(mem_cnt, e.mem_runs);
	assert_int_equal(memblock.memory.total_size, e.mem_bytes);
}

/*
 * The BIOS E820 table of a real PC (Intel, 8 GiB), transcribed from the
 * "BIOS-e820:" lines of its boot log as published at
 * https://codepudding.com/os/52540.html: 19 entries, ACPI NVS and data
 * between RAM, and RAM above 4 GiB.
 */
static const struct { uint64_t first, last; uint32_t type; } pc_log[] = {
	{ 0x0, 0x903ff, 1 }, { 0x90400, 0x9ffff, 2 }, { 0xe0000, 0xfffff, 2 },
	{ 0x100000, 0xc9f98fff, 1 }, { 0xc9f99000, 0xc9f99fff, 4 },
	{ 0xc9f9a000, 0xc9f9afff, 2 }, { 0xc9f9b000, 0xd987cfff, 1 },
	{ 0xd987d000, 0xdaeb3fff, 2 }, { 0xdaeb4000, 0xdaef7fff, 3 },
	{ 0xdaef8000, 0xdb818fff, 4 }, { 0xdb819000, 0xdbdfefff, 2 },
	{ 0xdbdff000, 0xdbdfffff, 1 }, { 0xdbe00000, 0xdfffffff, 2 },
	{ 0xf8000000, 0xfbffffff, 2 }, { 0xfe000000, 0xfe010fff, 2 },
	{ 0xfec00000, 0xfec00fff, 2 }, { 0xfee00000, 0xfee00fff, 2 },
	{ 0xff000000, 0xffffffff, 2 }, { 0x100000000ULL, 0x21dffffffULL, 1 },
};

static void pc_e820_from_a_boot_log(void **state)
{
	uint8_t t[sizeof(pc_log) / sizeof(pc_log[0]) * 20];
	const size_t n = sizeof(pc_log) / sizeof(pc_log[0]);
	struct memblock_fw_stats st;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		put_le64(t + i * 20, pc_log[i].first);
		put_le64(t + i * 20 + 8, pc_log[i].last - pc_log[i].first + 1);
		put_le32(t + i * 20 + 16, pc_log[i].type);
	}
	assert_int_equal(memblock_import_e820(t, n, 20, &st), 0);
	assert_valid();
	assert_int_equal(st.entries, n);
	assert_region(&memblock.memory, 0, 0x0, 0x90400);
	assert_region(&memblock.memory, 1, 0x100000, 0xc9f99000 - 0x100000);
	assert_region(&memblock.memory, 2, 0xc9f9b000, 0xd987d000 - 0xc9f9b000);
	assert_region(&memblock.memory, 3, 0xdbdff000, 0x1000);
	/* Touching non-RAM entries are one reservation each run. */
	assert_region(&memblock.reserved, 2, 0xc9f99000, 0x2000);
	assert_region(&memblock.reserved, 3, 0xd987d000, 0xdbdff000 - 0xd987d000);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.memory.cnt, 5);
	assert_region(&memblock.memory, 4, 0x100000000ULL, 0x11e000000ULL);
#else
	assert_int_equal(memblock.memory.cnt, 4);
#endif
	assert_int_equal(memblock.reserved.cnt, 10);
	check_export();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(ovmf_x86_64_256m),
		MB_TEST(ovmf_x86_64_4g),
		MB_TEST(aavmf_aarch64_256m),
		MB_TEST(u_boot_aarch64_128m),
		MB_TEST(grub_seabios_multiboot2),
		MB_TEST(grub_ovmf_multiboot2),
		MB_TEST(pc_e820_from_a_boot_log),
	};

	return MB_RUN("fw/real", tests);
}
