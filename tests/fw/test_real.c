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

/* The exported map: RAM is memory without NOMAP and without reservations. */
static void check_export(void)
{
	struct memblock_map_entry *m;
	long n = memblock_handoff_map(NULL, 0);
	uint64_t ram = 0;

	assert_true(n > 0);
	m = calloc((size_t)n, sizeof(*m));
	assert_int_equal(memblock_handoff_map(m, (size_t)n), n);
	for (long i = 0; i < n; i++) {
		if (m[i].type == MEMBLOCK_MAP_RAM)
			ram += m[i].size;
		/* Whole pages only, as a UEFI map counts them. */
		assert_int_equal(m[i].base % PAGE_SIZE, 0);
		assert_int_equal(m[i].size % PAGE_SIZE, 0);
	}
	/* No reservation lies in NOMAP memory here, so the sums add up. */
	assert_int_equal(ram, memblock.memory.total_size - nomap_bytes() -
				      memblock.reserved.total_size);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(ovmf_x86_64_256m),
		MB_TEST(ovmf_x86_64_4g),
		MB_TEST(aavmf_aarch64_256m),
		MB_TEST(u_boot_aarch64_128m),
	};

	return MB_RUN("fw/real", tests);
}
