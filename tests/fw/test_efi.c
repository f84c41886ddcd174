// SPDX-License-Identifier: MIT
/*
 * test_efi.c - memblock_import_efi(): a map shaped like OVMF's (boot and
 * runtime services, ACPI, MMIO, conventional, mirrored, specific-purpose and
 * persistent memory, above and below 4 GiB), every descriptor stride, and
 * malformed maps that must leave memblock untouched.
 */
#include "harness.h"
#include "bytes.h"

#include <string.h>

#include <memblock/fw.h>

#define NR(a) (sizeof(a) / sizeof((a)[0]))

#define UC MEMBLOCK_EFI_MEMORY_UC
#define WC MEMBLOCK_EFI_MEMORY_WC
#define WT MEMBLOCK_EFI_MEMORY_WT
#define WB MEMBLOCK_EFI_MEMORY_WB
#define CACHE (UC | WC | WT | WB)
#define RT MEMBLOCK_EFI_MEMORY_RUNTIME
#define MR MEMBLOCK_EFI_MEMORY_MORE_RELIABLE
#define SP MEMBLOCK_EFI_MEMORY_SP
#define NV MEMBLOCK_EFI_MEMORY_NV

struct efi_in {
	uint32_t type;
	uint64_t phys, pages, attr;
};

static uint8_t map[256 * 64 + 16];
static size_t map_len;

static void build_at(uint8_t *out, const struct efi_in *in, size_t n, size_t stride)
{
	memset(out, 0x5a, n * stride);
	for (size_t i = 0; i < n; i++) {
		uint8_t *d = out + i * stride;

		put_le32(d, in[i].type);
		put_le32(d + 4, 0);
		put_le64(d + 8, in[i].phys);
		put_le64(d + 16, in[i].attr & RT ? 0xffffffff00000000ULL + in[i].phys : 0);
		put_le64(d + 24, in[i].pages);
		put_le64(d + 32, in[i].attr);
	}
	map_len = n * stride;
}

static void build(const struct efi_in *in, size_t n, size_t stride)
{
	build_at(map, in, n, stride);
}

/* q35 -m 256M with OVMF, plus RAM above 4 GiB of several kinds. */
static const struct efi_in ovmf[] = {
	{ MEMBLOCK_EFI_BOOT_SERVICES_CODE, 0x0, 0x1, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x1000, 0x9f, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x100000, 0x700, CACHE },
	{ MEMBLOCK_EFI_ACPI_MEMORY_NVS, 0x800000, 0x8, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x808000, 0x3, CACHE },
	{ MEMBLOCK_EFI_ACPI_MEMORY_NVS, 0x80b000, 0x1, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x80c000, 0x4, CACHE },
	{ MEMBLOCK_EFI_ACPI_MEMORY_NVS, 0x810000, 0xf0, CACHE },
	{ MEMBLOCK_EFI_BOOT_SERVICES_DATA, 0x900000, 0x700, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x1000000, 0xc000, CACHE },
	{ MEMBLOCK_EFI_LOADER_CODE, 0xd000000, 0x100, CACHE },
	{ MEMBLOCK_EFI_LOADER_DATA, 0xd100000, 0x200, CACHE },
	{ MEMBLOCK_EFI_BOOT_SERVICES_DATA, 0xd300000, 0x1000, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0xe300000, 0x1000, CACHE | MR },
	{ MEMBLOCK_EFI_BOOT_SERVICES_CODE, 0xf300000, 0x300, CACHE },
	{ MEMBLOCK_EFI_RUNTIME_SERVICES_DATA, 0xf600000, 0x80, CACHE | RT },
	{ MEMBLOCK_EFI_RUNTIME_SERVICES_CODE, 0xf680000, 0x80, CACHE | RT },
	{ MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY, 0xf700000, 0x10, CACHE },
	{ MEMBLOCK_EFI_ACPI_MEMORY_NVS, 0xf710000, 0x70, CACHE },
	{ MEMBLOCK_EFI_RESERVED_TYPE, 0xf780000, 0x80, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0xf800000, 0x800, CACHE },
	{ MEMBLOCK_EFI_MEMORY_MAPPED_IO, 0xb0000000, 0x10000, UC | RT },
	{ MEMBLOCK_EFI_MEMORY_MAPPED_IO, 0xffc00000, 0x400, UC | RT },
	{ MEMBLOCK_EFI_RESERVED_TYPE, 0xfd00000000ULL, 0x300000, UC },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x100000000ULL, 0x40000, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x140000000ULL, 0x40000, CACHE | SP },
	{ MEMBLOCK_EFI_PERSISTENT_MEMORY, 0x180000000ULL, 0x40000, CACHE | NV },
	{ MEMBLOCK_EFI_UNUSABLE_MEMORY, 0x1c0000000ULL, 0x10, CACHE },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x1c0010000ULL, 0x10, WT },
	{ MEMBLOCK_EFI_BOOT_SERVICES_DATA, 0x1c0020000ULL, 0x0, CACHE },
};

struct rgn {
	uint64_t base, size;
	enum memblock_flags flags;
};

static void assert_regions(const struct memblock_type *type, const struct rgn *r, size_t n)
{
	assert_int_equal(type->cnt, n);
	for (size_t i = 0; i < n; i++)
		assert_region_flags(type, i, r[i].base, r[i].size, r[i].flags);
}

static const struct rgn ovmf_low_memory[] = {
	{ 0x0, 0xa0000, MEMBLOCK_NONE },
	{ 0x100000, 0x700000, MEMBLOCK_NONE },
	{ 0x800000, 0x8000, MEMBLOCK_NOMAP },		/* ACPI NVS */
	{ 0x808000, 0x3000, MEMBLOCK_NONE },
	{ 0x80b000, 0x1000, MEMBLOCK_NOMAP },
	{ 0x80c000, 0x4000, MEMBLOCK_NONE },
	{ 0x810000, 0xf0000, MEMBLOCK_NOMAP },
	{ 0x900000, 0xf600000 - 0x900000, MEMBLOCK_NONE },	/* BS, loader, mirror */
	{ 0xf600000, 0x100000, MEMBLOCK_NOMAP },	/* runtime data + code */
	{ 0xf700000, 0x10000, MEMBLOCK_NONE },		/* ACPI reclaim */
	{ 0xf710000, 0xf0000, MEMBLOCK_NOMAP },		/* NVS + reserved */
	{ 0xf800000, 0x800000, MEMBLOCK_NONE },
};

/* Above 4 GiB: only in 64-bit builds (phys32 drops and counts them). */
#ifdef CONFIG_PHYS_ADDR_T_64BIT
static const struct rgn ovmf_high_memory[] = {
	{ 0x100000000ULL, 0x40000000, MEMBLOCK_NONE },
	{ 0x180000000ULL, 0x40000000, MEMBLOCK_NONE },	/* persistent */
	{ 0x1c0000000ULL, 0x20000, MEMBLOCK_NOMAP },	/* unusable, WT-only */
};
#define NR_HIGH NR(ovmf_high_memory)
#else
#define NR_HIGH 0
#endif

static void check_ovmf(const struct memblock_fw_stats *st)
{
	struct rgn all[NR(ovmf_low_memory) + 3];
	size_t n = NR(ovmf_low_memory);

	memcpy(all, ovmf_low_memory, sizeof(ovmf_low_memory));
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	memcpy(all + n, ovmf_high_memory, sizeof(ovmf_high_memory));
	n += NR_HIGH;
#endif
	assert_regions(&memblock.memory, all, n);

	assert_int_equal(st->entries, NR(ovmf));
	assert_region_flags(&memblock.reserved, 0, 0xf700000, 0x10000, MEMBLOCK_NONE);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.reserved.cnt, 2);
	assert_region(&memblock.reserved, 1, 0x140000000ULL, 0x40000000);	/* SP */
	/* MMIO x2, UC reserved, zero pages */
	assert_int_equal(st->ignored, 4);
	assert_int_equal(st->reserved, 0x10000 + 0x40000000ULL);
#else
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_int_equal(st->ignored, 4 + 5);
	assert_int_equal(st->reserved, 0x10000);
#endif
}

static void ovmf_map(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	build(ovmf, NR(ovmf), 48);
	assert_int_equal(memblock_import_efi(map, map_len, 48, &st), 0);
	assert_valid();
	check_ovmf(&st);
	assert_false(memblock_has_mirror());
	assert_false(memblock_is_map_memory(0xf600000));
	assert_true(memblock_is_memory(0xf600000));
	assert_false(memblock_is_memory(0xb0000000));
	assert_false(memblock_is_reserved(0xb0000000));
}

/* Every stride firmware may use, from the minimal 40 bytes up. */
static void any_descriptor_stride(void **state)
{
	static const size_t strides[] = { 40, 48, 56, 64, 72 };

	(void)state;
	for (size_t i = 0; i < NR(strides); i++) {
		struct memblock_fw_stats st;

		mb_test_setup(NULL);
		build(ovmf, NR(ovmf), strides[i]);
		assert_int_equal(memblock_import_efi(map, map_len, strides[i], &st), 0);
		assert_valid();
		check_ovmf(&st);
	}
}

static void unaligned_map(void **state)
{
	static uint8_t shifted[sizeof(map) + 8];
	struct memblock_fw_stats st;

	(void)state;
	build_at(shifted + 5, ovmf, NR(ovmf), 48);
	assert_int_equal(memblock_import_efi(shifted + 5, map_len, 48, &st), 0);
	assert_valid();
	check_ovmf(&st);
}

/* MORE_RELIABLE becomes MEMBLOCK_MIRROR once mirrored_kernelcore is set. */
static void more_reliable_is_mirror_with_mirrored_kernelcore(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	mirrored_kernelcore = true;
	build(ovmf, NR(ovmf), 48);
	assert_int_equal(memblock_import_efi(map, map_len, 48, &st), 0);
	assert_valid();
	assert_true(memblock_has_mirror());
	assert_region_flags(&memblock.memory, 7, 0x900000, 0xe300000 - 0x900000, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 8, 0xe300000, 0x1000000, MEMBLOCK_MIRROR);
	assert_region_flags(&memblock.memory, 9, 0xf300000, 0x300000, MEMBLOCK_NONE);
}

/* One descriptor of each type, each alone: what becomes of it. */
static void every_type_alone(void **state)
{
	static const struct {
		uint32_t type;
		uint64_t attr;
		bool memory;
		enum memblock_flags flags;
		bool reserved;
	} cases[] = {
		{ MEMBLOCK_EFI_RESERVED_TYPE, CACHE, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_LOADER_CODE, CACHE, true, MEMBLOCK_NONE, false },
		{ MEMBLOCK_EFI_LOADER_DATA, CACHE, true, MEMBLOCK_NONE, false },
		{ MEMBLOCK_EFI_BOOT_SERVICES_CODE, CACHE, true, MEMBLOCK_NONE, false },
		{ MEMBLOCK_EFI_BOOT_SERVICES_DATA, CACHE, true, MEMBLOCK_NONE, false },
		{ MEMBLOCK_EFI_RUNTIME_SERVICES_CODE, CACHE | RT, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_RUNTIME_SERVICES_DATA, CACHE | RT, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, CACHE, true, MEMBLOCK_NONE, false },
		{ MEMBLOCK_EFI_UNUSABLE_MEMORY, CACHE, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY, CACHE, true, MEMBLOCK_NONE, true },
		{ MEMBLOCK_EFI_ACPI_MEMORY_NVS, CACHE, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_MEMORY_MAPPED_IO, UC | RT, false, 0, false },
		{ MEMBLOCK_EFI_MEMORY_MAPPED_IO, WB | RT, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_MEMORY_MAPPED_IO_PORT_SPACE, UC | RT, false, 0, false },
		{ MEMBLOCK_EFI_PAL_CODE, CACHE, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_PERSISTENT_MEMORY, CACHE | NV, true, MEMBLOCK_NONE, false },
		{ MEMBLOCK_EFI_UNACCEPTED_MEMORY, CACHE, true, MEMBLOCK_NOMAP, false },
		{ 0x70000001, CACHE, true, MEMBLOCK_NOMAP, false },	/* OEM */
		{ 0x80000001, CACHE, true, MEMBLOCK_NOMAP, false },	/* OS */
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, WC, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, WT, true, MEMBLOCK_NOMAP, false },
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, UC, false, 0, false },
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0, false, 0, false },
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, CACHE | SP, false, 0, true },
		{ MEMBLOCK_EFI_BOOT_SERVICES_DATA, CACHE | SP, true, MEMBLOCK_NONE, false },
	};

	(void)state;
	for (size_t i = 0; i < NR(cases); i++) {
		const struct efi_in d = { cases[i].type, 0x2000000, 0x100, cases[i].attr };
		struct memblock_fw_stats st;

		mb_test_setup(NULL);
		build(&d, 1, 48);
		assert_int_equal(memblock_import_efi(map, map_len, 48, &st), 0);
		assert_valid();
		assert_int_equal(st.entries, 1);
		assert_int_equal(memblock.memory.cnt, cases[i].memory ? 1 : 0);
		if (cases[i].memory)
			assert_region_flags(&memblock.memory, 0, 0x2000000, SZ_1M, cases[i].flags);
		assert_int_equal(memblock.reserved.cnt, cases[i].reserved ? 1 : 0);
		if (cases[i].reserved)
			assert_region(&memblock.reserved, 0, 0x2000000, SZ_1M);
		assert_int_equal(st.ignored, !cases[i].memory && !cases[i].reserved);
	}
}

static void descriptor_crossing_4g(void **state)
{
	static const struct efi_in d[] = {
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0xc0000000, 0x80000, CACHE },
	};

	(void)state;
	build(d, 1, 48);
	assert_int_equal(memblock_import_efi(map, map_len, 48, NULL), 0);
	assert_valid();
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_region(&memblock.memory, 0, 0xc0000000, 0x80000000);
#else
	assert_region(&memblock.memory, 0, 0xc0000000, 0x3fffffff);
#endif
}

static void overlapping_descriptors_of_one_type_merge(void **state)
{
	static const struct efi_in d[] = {
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x100000, 0x100, CACHE },
		{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x180000, 0x100, CACHE },
	};

	(void)state;
	build(d, 2, 48);
	assert_int_equal(memblock_import_efi(map, map_len, 48, NULL), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x100000, 0x180000);
}

/* --- Malformed maps -------------------------------------------------------- */

static void populate(void)
{
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	assert_int_equal(memblock_reserve(WIN_BASE + SZ_1M, SZ_64K), 0);
}

static void expect(const void *m, size_t len, size_t stride, int err)
{
	struct mb_snapshot snap;
	struct memblock_fw_stats st;

	populate();
	mb_snapshot_take(&snap);
	memset(&st, 0xff, sizeof(st));
	assert_int_equal(memblock_import_efi(m, len, stride, &st), err);
	assert_snapshot_unchanged(&snap);
	assert_int_equal(st.entries, 0);
	assert_valid();
}

static void small_stride_and_null_are_einval(void **state)
{
	(void)state;
	build(ovmf, NR(ovmf), 48);
	expect(map, map_len, 39, -EINVAL);
	expect(map, map_len, 0, -EINVAL);
	expect(NULL, map_len, 48, -EINVAL);
	assert_int_equal(memblock_import_efi(map, 0, 48, NULL), 0);
	assert_int_equal(memblock_import_efi(map, 0, 8, NULL), -EINVAL);
}

static void truncated_map_is_ebadmsg(void **state)
{
	(void)state;
	build(ovmf, NR(ovmf), 48);
	expect(map, map_len - 8, 48, -EBADMSG);
	expect(map, map_len, 56, -EBADMSG);	/* the wrong stride */
	expect(map, 20, 48, -EBADMSG);
}

static void too_many_pages_are_erange(void **state)
{
	struct efi_in d[NR(ovmf) + 1];

	(void)state;
	memcpy(d, ovmf, sizeof(ovmf));
	d[NR(ovmf)] = (struct efi_in){ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x0, 1ULL << 52, CACHE };
	build(d, NR(d), 48);
	expect(map, map_len, 48, -ERANGE);
}

static void descriptor_wrapping_or_reaching_2_64_is_erange(void **state)
{
	struct efi_in d[NR(ovmf) + 1];

	(void)state;
	memcpy(d, ovmf, sizeof(ovmf));
	d[NR(ovmf)] = (struct efi_in){ MEMBLOCK_EFI_RESERVED_TYPE, 0xfffffffffff00000ULL,
				       0x100, UC };	/* reaches 2^64, not even memory */
	build(d, NR(d), 48);
	expect(map, map_len, 48, -ERANGE);
	d[NR(ovmf)].pages = 0x200;
	build(d, NR(d), 48);
	expect(map, map_len, 48, -ERANGE);
}

static void overlapping_types_are_eexist(void **state)
{
	struct efi_in d[NR(ovmf) + 1];

	(void)state;
	memcpy(d, ovmf, sizeof(ovmf));
	/* Runtime data inside conventional memory. */
	d[NR(ovmf)] = (struct efi_in){ MEMBLOCK_EFI_RUNTIME_SERVICES_DATA, 0x2000000, 0x10,
				       CACHE | RT };
	build(d, NR(d), 48);
	expect(map, map_len, 48, -EEXIST);
}

static void full_arrays_are_enomem(void **state)
{
	struct mb_snapshot snap;

	(void)state;
	/* Reserved is full: the ACPI reclaim descriptor needs one more. */
	for (unsigned long i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		assert_int_equal(memblock_reserve(WIN_BASE + i * SZ_8K, SZ_4K), 0);
	mb_snapshot_take(&snap);
	build(ovmf, NR(ovmf), 48);
	assert_int_equal(memblock_import_efi(map, map_len, 48, NULL), -ENOMEM);
	assert_snapshot_unchanged(&snap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(ovmf_map),
		MB_TEST(any_descriptor_stride),
		MB_TEST(unaligned_map),
		MB_TEST(more_reliable_is_mirror_with_mirrored_kernelcore),
		MB_TEST(every_type_alone),
		MB_TEST(descriptor_crossing_4g),
		MB_TEST(overlapping_descriptors_of_one_type_merge),
		MB_TEST(small_stride_and_null_are_einval),
		MB_TEST(truncated_map_is_ebadmsg),
		MB_TEST(too_many_pages_are_erange),
		MB_TEST(descriptor_wrapping_or_reaching_2_64_is_erange),
		MB_TEST(overlapping_types_are_eexist),
		MB_TEST(full_arrays_are_enomem),
	};

	return MB_RUN("fw/efi", tests);
}
