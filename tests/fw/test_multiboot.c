// SPDX-License-Identifier: MIT
/*
 * test_multiboot.c - memblock_import_multiboot1() on the map QEMU hands a
 * multiboot kernel, memblock_import_multiboot2() on boot information built
 * as GRUB lays it out, and malformed variants of both that must leave
 * memblock untouched.
 */
#include "harness.h"
#include "bytes.h"

#include <stdlib.h>
#include <string.h>

#include <memblock/fw.h>

#ifdef CONFIG_PHYS_ADDR_T_64BIT
#define END_4G 0x100000000ULL
#else
#define END_4G 0xffffffffULL
#endif

#define NR(a) (sizeof(a) / sizeof((a)[0]))

struct mb_in {
	uint64_t base, len;
	uint32_t type;
};

static uint8_t buf[8192];
static size_t buf_len;

/* Multiboot 1: each entry's size field counts the bytes after it. */
static void mb1_build(const struct mb_in *in, size_t n, uint32_t size_field)
{
	memset(buf, 0xcc, sizeof(buf));
	buf_len = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t *p = buf + buf_len;

		put_le32(p, size_field);
		put_le64(p + 4, in[i].base);
		put_le64(p + 12, in[i].len);
		put_le32(p + 20, in[i].type);
		buf_len += 4 + size_field;
	}
}

/* qemu-system-i386 -kernel with -m 128M (platform-notes §3a). */
static const struct mb_in qemu_128m[] = {
	{ 0x0, 0x9fc00, 1 },
	{ 0x9fc00, 0x400, 2 },
	{ 0xf0000, 0x10000, 2 },
	{ 0x100000, 0x7ee0000, 1 },
	{ 0x7fe0000, 0x20000, 2 },
	{ 0xfffc0000, 0x40000, 2 },
};

static void check_qemu_128m(void)
{
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region_flags(&memblock.memory, 0, 0x0, 0x9fc00, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 1, 0x100000, 0x7ee0000, MEMBLOCK_NONE);
	assert_int_equal(memblock.reserved.cnt, 4);
	assert_region(&memblock.reserved, 0, 0x9fc00, 0x400);
	assert_region(&memblock.reserved, 1, 0xf0000, 0x10000);
	assert_region(&memblock.reserved, 2, 0x7fe0000, 0x20000);
	assert_region(&memblock.reserved, 3, 0xfffc0000, END_4G - 0xfffc0000);
}

static void mb1_qemu_128m_map(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	mb1_build(qemu_128m, NR(qemu_128m), 20);
	assert_int_equal(buf_len, 6 * 24);
	assert_int_equal(memblock_import_multiboot1(buf, buf_len, &st), 0);
	assert_valid();
	check_qemu_128m();
	assert_int_equal(st.entries, 6);
	assert_int_equal(st.ignored, 0);
	assert_int_equal(st.memory, 0x9fc00 + 0x7ee0000);
	/* What the probe kernel printed: usable KiB 130559. */
	assert_int_equal(memblock_phys_mem_size() >> 10, 130559);
}

/* A bigger size field: the stride follows it, the extra bytes are skipped. */
static void mb1_entries_with_a_larger_size_field(void **state)
{
	(void)state;
	mb1_build(qemu_128m, NR(qemu_128m), 28);
	assert_int_equal(memblock_import_multiboot1(buf, buf_len, NULL), 0);
	assert_valid();
	check_qemu_128m();
}

/* The map may sit at any address. */
static void mb1_unaligned_map(void **state)
{
	static uint8_t shifted[sizeof(buf) + 8];

	(void)state;
	mb1_build(qemu_128m, NR(qemu_128m), 20);
	memcpy(shifted + 1, buf, buf_len);
	assert_int_equal(memblock_import_multiboot1(shifted + 1, buf_len, NULL), 0);
	assert_valid();
	check_qemu_128m();
}

static void mb1_types(void **state)
{
	static const struct mb_in map[] = {
		{ 0x100000, 0x100000, 1 },
		{ 0x200000, 0x1000, 2 },
		{ 0x300000, 0x1000, 3 },	/* ACPI reclaimable */
		{ 0x400000, 0x1000, 4 },	/* NVS */
		{ 0x500000, 0x1000, 5 },	/* bad RAM */
		{ 0x600000, 0x1000, 0 },	/* unknown */
		{ 0x700000, 0x1000, 77 },	/* unknown */
		{ 0x800000, 0, 1 },		/* zero length */
	};
	struct memblock_fw_stats st;

	(void)state;
	mb1_build(map, NR(map), 20);
	assert_int_equal(memblock_import_multiboot1(buf, buf_len, &st), 0);
	assert_valid();
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x100000, 0x100000);
	assert_int_equal(memblock.reserved.cnt, 6);
	for (unsigned long i = 0; i < 6; i++)
		assert_region(&memblock.reserved, i, 0x200000 + i * 0x100000, 0x1000);
	assert_int_equal(st.entries, 8);
	assert_int_equal(st.ignored, 1);
	assert_int_equal(st.reserved, 6 * 0x1000);
}

/* x86_64 -m 6G: RAM above 4 GiB; phys32 drops it and counts it. */
static void mb1_ram_above_4g(void **state)
{
	static const struct mb_in map[] = {
		{ 0x0, 0x9fc00, 1 },
		{ 0x100000, 0xbfee0000, 1 },
		{ 0xbffe0000, 0x20000, 2 },
		{ 0xfffc0000, 0x40000, 2 },
		{ 0x100000000ULL, 0xc0000000ULL, 1 },
		{ 0xf0000000, 0x20000000, 1 },	/* crosses 4 GiB */
	};
	struct memblock_fw_stats st;

	(void)state;
	/* The RAM crossing 4 GiB loses to the reservation at 0xfffc0000. */
	mb1_build(map, NR(map), 20);
	assert_int_equal(memblock_import_multiboot1(buf, buf_len, &st), 0);
	assert_valid();
	assert_true(memblock_is_region_reserved(0xfffc0000, 0x40000));
	assert_false(memblock_is_memory(0xfffc0000));
	assert_true(memblock_is_memory(0xf0000000));
	mb_test_setup(NULL);
	/* Without it: */
	mb1_build(map, 5, 20);
	assert_int_equal(memblock_import_multiboot1(buf, buf_len, &st), 0);
	assert_valid();
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.memory.cnt, 3);
	assert_region(&memblock.memory, 2, 0x100000000ULL, 0xc0000000ULL);
	assert_int_equal(st.ignored, 0);
#else
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(st.ignored, 1);
#endif
}

static void mb1_ram_crossing_4g(void **state)
{
	static const struct mb_in map[] = { { 0xf0000000, 0x20000000, 1 } };

	(void)state;
	mb1_build(map, 1, 20);
	assert_int_equal(memblock_import_multiboot1(buf, buf_len, NULL), 0);
	assert_valid();
	assert_region(&memblock.memory, 0, 0xf0000000,
#ifdef CONFIG_PHYS_ADDR_T_64BIT
		      0x20000000
#else
		      0x0fffffff
#endif
	);
}

static void populate(void)
{
	assert_int_equal(memblock_add(WIN_BASE, WIN_SIZE), 0);
	assert_int_equal(memblock_reserve(WIN_BASE + SZ_1M, SZ_64K), 0);
}

static void expect_mb1(const void *p, size_t len, int err)
{
	struct mb_snapshot snap;
	struct memblock_fw_stats st;

	populate();
	mb_snapshot_take(&snap);
	memset(&st, 0xff, sizeof(st));
	assert_int_equal(memblock_import_multiboot1(p, len, &st), err);
	assert_snapshot_unchanged(&snap);
	assert_int_equal(st.entries, 0);
	assert_valid();
}

static void mb1_truncated_map_is_ebadmsg(void **state)
{
	(void)state;
	mb1_build(qemu_128m, NR(qemu_128m), 20);
	expect_mb1(buf, buf_len - 1, -EBADMSG);
	mb_test_setup(NULL);
	expect_mb1(buf, buf_len - 22, -EBADMSG);	/* 2 bytes of a size field */
	mb_test_setup(NULL);
	expect_mb1(buf, buf_len + 2, -EBADMSG);		/* trailing garbage */
}

static void mb1_small_size_field_is_einval(void **state)
{
	(void)state;
	mb1_build(qemu_128m, NR(qemu_128m), 20);
	put_le32(buf + 3 * 24, 16);
	expect_mb1(buf, buf_len, -EINVAL);
	mb_test_setup(NULL);
	put_le32(buf + 3 * 24, 0);
	expect_mb1(buf, buf_len, -EINVAL);
}

static void mb1_size_field_past_the_end_is_ebadmsg(void **state)
{
	(void)state;
	mb1_build(qemu_128m, NR(qemu_128m), 20);
	put_le32(buf + 5 * 24, 0xfffffff0);
	expect_mb1(buf, buf_len, -EBADMSG);
}

static void mb1_wrapping_entry_is_erange(void **state)
{
	struct mb_in map[7];

	(void)state;
	memcpy(map, qemu_128m, sizeof(qemu_128m));
	map[6] = (struct mb_in){ 0xffffffffffffe000ULL, 0x2000, 2 };	/* reaches 2^64 */
	mb1_build(map, 7, 20);
	expect_mb1(buf, buf_len, -ERANGE);
	mb_test_setup(NULL);
	map[6] = (struct mb_in){ 0x8000000000000000ULL, 0x8000000000001000ULL, 1 };
	mb1_build(map, 7, 20);
	expect_mb1(buf, buf_len, -ERANGE);
}

/*
 * Multiboot maps are E820 maps passed on, overlaps included, and are read
 * as Linux reads E820: the largest type wins where entries overlap.
 */
static void mb1_overlapping_types_take_the_largest(void **state)
{
	struct mb_in map[7];

	(void)state;
	memcpy(map, qemu_128m, sizeof(qemu_128m));
	map[6] = (struct mb_in){ 0x7fd0000, 0x20000, 1 };	/* into type 2 */
	mb1_build(map, 7, 20);
	assert_int_equal(memblock_import_multiboot1(buf, buf_len, NULL), 0);
	assert_valid();
	/* RAM grows to 0x7fe0000 (the new entry's part below type 2). */
	assert_region(&memblock.memory, 1, 0x100000, 0x7ee0000);
	assert_region(&memblock.reserved, 2, 0x7fe0000, 0x20000);
}

static void mb1_null_and_empty(void **state)
{
	(void)state;
	expect_mb1(NULL, 24, -EINVAL);
	assert_int_equal(memblock_import_multiboot1(NULL, 0, NULL), 0);
	assert_int_equal(memblock_import_multiboot1(buf, 0, NULL), 0);
}

/* --- Multiboot 2 ------------------------------------------------------------ */

static size_t mbi_len;

static void mbi_begin(void)
{
	memset(buf, 0xcc, sizeof(buf));
	mbi_len = 8;
}

/* Append a tag of @size bytes (header included); returns its start. */
static uint8_t *mbi_tag(uint32_t type, uint32_t size)
{
	uint8_t *t = buf + mbi_len;

	memset(t, 0, size);
	put_le32(t, type);
	put_le32(t + 4, size);
	mbi_len = (mbi_len + size + 7) & ~(size_t)7;
	return t;
}

static void mbi_cmdline(const char *s)
{
	uint8_t *t = mbi_tag(1, 8 + (uint32_t)strlen(s) + 1);

	memcpy(t + 8, s, strlen(s) + 1);
}

static void mbi_basic_meminfo(void)
{
	uint8_t *t = mbi_tag(4, 16);

	put_le32(t + 8, 639);
	put_le32(t + 12, 129920);
}

static void mbi_mmap(const struct mb_in *in, size_t n, uint32_t entry_size)
{
	uint8_t *t = mbi_tag(6, 16 + (uint32_t)(n * entry_size));

	put_le32(t + 8, entry_size);
	put_le32(t + 12, 0);
	for (size_t i = 0; i < n; i++) {
		uint8_t *e = t + 16 + i * entry_size;

		put_le64(e, in[i].base);
		put_le64(e + 8, in[i].len);
		put_le32(e + 16, in[i].type);
		put_le32(e + 20, 0);
	}
}

struct efi_in {
	uint32_t type;
	uint64_t phys, pages, attr;
};

#define WB MEMBLOCK_EFI_MEMORY_WB
#define WB_ALL (MEMBLOCK_EFI_MEMORY_UC | MEMBLOCK_EFI_MEMORY_WC | MEMBLOCK_EFI_MEMORY_WT | WB)
#define RT MEMBLOCK_EFI_MEMORY_RUNTIME

static void mbi_efi_mmap(const struct efi_in *in, size_t n, uint32_t desc_size)
{
	uint8_t *t = mbi_tag(17, 16 + (uint32_t)(n * desc_size));

	put_le32(t + 8, desc_size);
	put_le32(t + 12, 1);
	for (size_t i = 0; i < n; i++) {
		uint8_t *d = t + 16 + i * desc_size;

		put_le32(d, in[i].type);
		put_le64(d + 8, in[i].phys);
		put_le64(d + 16, 0);
		put_le64(d + 24, in[i].pages);
		put_le64(d + 32, in[i].attr);
	}
}

static void mbi_end(void)
{
	mbi_tag(0, 8);
	put_le32(buf, (uint32_t)mbi_len);
	put_le32(buf + 4, 0);
}

/* GRUB on a BIOS machine: cmdline, basic meminfo, mmap, end. */
static void mbi_bios(void)
{
	mbi_begin();
	mbi_cmdline("console=ttyS0");
	mbi_basic_meminfo();
	mbi_mmap(qemu_128m, NR(qemu_128m), 24);
	mbi_end();
}

static void mb2_memory_map_tag(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	mbi_bios();
	assert_int_equal(memblock_import_multiboot2(buf, sizeof(buf), &st), 0);
	assert_valid();
	check_qemu_128m();
	assert_int_equal(st.entries, 6);
	assert_int_equal(st.memory, 0x9fc00 + 0x7ee0000);
}

/* A larger entry_size (a future entry_version) is walked by its stride. */
static void mb2_larger_entry_size(void **state)
{
	(void)state;
	mbi_begin();
	mbi_mmap(qemu_128m, NR(qemu_128m), 32);
	mbi_end();
	assert_int_equal(memblock_import_multiboot2(buf, mbi_len, NULL), 0);
	assert_valid();
	check_qemu_128m();
}

/* The map of an OVMF boot; GRUB's tag 6 is derived from it. */
static const struct efi_in ovmf_small[] = {
	{ MEMBLOCK_EFI_BOOT_SERVICES_CODE, 0x0, 1, WB_ALL },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x1000, 0x9f, WB_ALL },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x100000, 0x700, WB_ALL },
	{ MEMBLOCK_EFI_ACPI_MEMORY_NVS, 0x800000, 0x8, WB_ALL },
	{ MEMBLOCK_EFI_CONVENTIONAL_MEMORY, 0x808000, 0x77f8, WB_ALL },
	{ MEMBLOCK_EFI_RUNTIME_SERVICES_DATA, 0x8000000, 0x100, WB_ALL | RT },
	{ MEMBLOCK_EFI_MEMORY_MAPPED_IO, 0xffc00000, 0x400, MEMBLOCK_EFI_MEMORY_UC | RT },
};

static const struct mb_in grub_from_ovmf[] = {
	{ 0x0, 0xa0000, 1 },
	{ 0x100000, 0x700000, 1 },
	{ 0x800000, 0x8000, 4 },
	{ 0x808000, 0x77f8000, 1 },
	{ 0x8000000, 0x100000, 2 },
};

static void check_ovmf_small(void)
{
	assert_int_equal(memblock.memory.cnt, 5);
	assert_region_flags(&memblock.memory, 0, 0x0, 0xa0000, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 1, 0x100000, 0x700000, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 2, 0x800000, 0x8000, MEMBLOCK_NOMAP);
	assert_region_flags(&memblock.memory, 3, 0x808000, 0x77f8000, MEMBLOCK_NONE);
	assert_region_flags(&memblock.memory, 4, 0x8000000, 0x100000, MEMBLOCK_NOMAP);
	assert_int_equal(memblock.reserved.cnt, 0);
}

/* Both tags: the EFI map wins, whatever the order. */
static void mb2_efi_tag_wins_over_mmap_tag(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	mbi_begin();
	mbi_cmdline("");
	mbi_mmap(grub_from_ovmf, NR(grub_from_ovmf), 24);
	mbi_efi_mmap(ovmf_small, NR(ovmf_small), 48);
	mbi_end();
	assert_int_equal(memblock_import_multiboot2(buf, mbi_len, &st), 0);
	assert_valid();
	check_ovmf_small();
	assert_int_equal(st.entries, NR(ovmf_small));
	assert_int_equal(st.ignored, 1);	/* the MMIO range */

	mb_test_setup(NULL);
	mbi_begin();
	mbi_efi_mmap(ovmf_small, NR(ovmf_small), 40);
	mbi_mmap(grub_from_ovmf, NR(grub_from_ovmf), 24);
	mbi_end();
	assert_int_equal(memblock_import_multiboot2(buf, mbi_len, NULL), 0);
	assert_valid();
	check_ovmf_small();
}

static void mb2_efi_tag_alone(void **state)
{
	(void)state;
	mbi_begin();
	mbi_efi_mmap(ovmf_small, NR(ovmf_small), 56);
	mbi_end();
	assert_int_equal(memblock_import_multiboot2(buf, mbi_len, NULL), 0);
	assert_valid();
	check_ovmf_small();
}

static void expect_mb2(size_t max, int err)
{
	struct mb_snapshot snap;
	struct memblock_fw_stats st;

	populate();
	mb_snapshot_take(&snap);
	memset(&st, 0xff, sizeof(st));
	assert_int_equal(memblock_import_multiboot2(buf, max, &st), err);
	assert_snapshot_unchanged(&snap);
	assert_int_equal(st.entries, 0);
	assert_valid();
}

static void mb2_total_size_beyond_max_size_is_ebadmsg(void **state)
{
	(void)state;
	mbi_bios();
	expect_mb2(mbi_len - 1, -EBADMSG);
	mb_test_setup(NULL);
	expect_mb2(4, -EBADMSG);
	mb_test_setup(NULL);
	put_le32(buf, 8);		/* no room for any tag */
	expect_mb2(sizeof(buf), -EBADMSG);
}

static void mb2_tag_past_total_size_is_ebadmsg(void **state)
{
	(void)state;
	mbi_bios();
	/* The first tag claims more than there is. */
	put_le32(buf + 12, (uint32_t)mbi_len);
	expect_mb2(sizeof(buf), -EBADMSG);
}

static void mb2_tag_smaller_than_its_header_is_ebadmsg(void **state)
{
	(void)state;
	mbi_bios();
	put_le32(buf + 12, 4);
	expect_mb2(sizeof(buf), -EBADMSG);
}

static void mb2_missing_end_tag_is_ebadmsg(void **state)
{
	(void)state;
	mbi_bios();
	put_le32(buf, (uint32_t)mbi_len - 8);	/* cut the end tag off */
	expect_mb2(sizeof(buf), -EBADMSG);
}

/*
 * Import the first @len bytes of buf[] from a heap block of exactly @len
 * bytes, with max_size @len: under SANITIZE=1 any read past the end is
 * caught by ASan.
 */
static void expect_mb2_exact(size_t len, int err)
{
	struct mb_snapshot snap;
	uint8_t *exact = malloc(len);

	assert_non_null(exact);
	memcpy(exact, buf, len);
	populate();
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_import_multiboot2(exact, len, NULL), err);
	assert_snapshot_unchanged(&snap);
	assert_valid();
	free(exact);
}

/* A truncated tag at the very end of the buffer: -EBADMSG, nothing read past it. */
static void mb2_truncated_tag_at_the_end_of_the_buffer_is_ebadmsg(void **state)
{
	(void)state;
	/* A last tag of 9 bytes ends at 17: the next, 8-aligned, would be at 24. */
	mbi_begin();
	mbi_cmdline("");
	put_le32(buf, 17);
	expect_mb2_exact(17, -EBADMSG);

	/* Only the type field of a tag header fits. */
	mb_test_setup(NULL);
	mbi_begin();
	mbi_tag(1, 8);
	put_le32(buf + 16, 0);
	put_le32(buf, 20);
	expect_mb2_exact(20, -EBADMSG);

	/* An end tag cut after its type. */
	mb_test_setup(NULL);
	mbi_begin();
	put_le32(buf + 8, 0);
	put_le32(buf, 12);
	expect_mb2_exact(12, -EBADMSG);

	/* A memory-map tag whose size runs 4 bytes past the end. */
	mb_test_setup(NULL);
	mbi_begin();
	mbi_mmap(qemu_128m, 1, 24);
	put_le32(buf + 8 + 4, 16 + 24 + 4);
	put_le32(buf, 8 + 16 + 24);
	expect_mb2_exact(8 + 16 + 24, -EBADMSG);

	/* The same structure whole, with its end tag, is accepted. */
	mb_test_setup(NULL);
	mbi_begin();
	mbi_mmap(qemu_128m, 1, 24);
	mbi_end();
	{
		uint8_t *exact = malloc(mbi_len);

		assert_non_null(exact);
		memcpy(exact, buf, mbi_len);
		assert_int_equal(memblock_import_multiboot2(exact, mbi_len, NULL), 0);
		free(exact);
	}
	assert_int_equal(memblock.memory.cnt, 1);
	assert_region(&memblock.memory, 0, 0x0, 0x9fc00);
}

static void mb2_bad_mmap_tags(void **state)
{
	(void)state;
	mbi_begin();
	mbi_mmap(qemu_128m, NR(qemu_128m), 16);	/* entry_size < 24 */
	mbi_end();
	expect_mb2(sizeof(buf), -EINVAL);

	mb_test_setup(NULL);
	mbi_begin();
	mbi_mmap(qemu_128m, NR(qemu_128m), 24);
	mbi_end();
	put_le32(buf + 8 + 4, 16 + 6 * 24 - 4);	/* a partial last entry */
	expect_mb2(sizeof(buf), -EBADMSG);

	mb_test_setup(NULL);
	mbi_begin();
	mbi_mmap(qemu_128m, 2, 24);
	mbi_mmap(qemu_128m, 2, 24);			/* twice */
	mbi_end();
	expect_mb2(sizeof(buf), -EINVAL);

	mb_test_setup(NULL);
	mbi_begin();
	mbi_tag(6, 12);				/* no room for entry_size */
	mbi_end();
	expect_mb2(sizeof(buf), -EBADMSG);
}

static void mb2_bad_efi_tags(void **state)
{
	(void)state;
	mbi_begin();
	mbi_mmap(qemu_128m, NR(qemu_128m), 24);
	mbi_efi_mmap(ovmf_small, NR(ovmf_small), 32);	/* descr_size < 40 */
	mbi_end();
	expect_mb2(sizeof(buf), -EINVAL);

	mb_test_setup(NULL);
	mbi_begin();
	mbi_efi_mmap(ovmf_small, NR(ovmf_small), 48);
	/* Six descriptors and 8 bytes of a seventh, then the end tag. */
	put_le32(buf + 8 + 4, 16 + 6 * 48 + 8);
	mbi_len = 8 + 16 + 6 * 48 + 8;
	mbi_end();
	expect_mb2(sizeof(buf), -EBADMSG);
}

static void mb2_bad_entries(void **state)
{
	struct mb_in map[7];

	(void)state;
	memcpy(map, qemu_128m, sizeof(qemu_128m));
	map[6] = (struct mb_in){ 0xfffffffffffff000ULL, 0x1000, 2 };
	mbi_begin();
	mbi_mmap(map, 7, 24);
	mbi_end();
	expect_mb2(sizeof(buf), -ERANGE);

	/* Overlapping types are no error: the largest type wins (E820). */
	mb_test_setup(NULL);
	map[6] = (struct mb_in){ 0x9f000, 0x2000, 2 };	/* RAM and reserved */
	mbi_begin();
	mbi_mmap(map, 7, 24);
	mbi_end();
	assert_int_equal(memblock_import_multiboot2(buf, mbi_len, NULL), 0);
	assert_valid();
	assert_region(&memblock.memory, 0, 0x0, 0x9f000);
	assert_region(&memblock.reserved, 0, 0x9f000, 0x2000);
}

static void mb2_without_memory_map_is_enoent(void **state)
{
	(void)state;
	mbi_begin();
	mbi_cmdline("quiet");
	mbi_basic_meminfo();
	mbi_end();
	expect_mb2(sizeof(buf), -ENOENT);
	mb_test_setup(NULL);
	expect_mb2(0, -EBADMSG);
	assert_int_equal(memblock_import_multiboot2(NULL, 4096, NULL), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(mb1_qemu_128m_map),
		MB_TEST(mb1_entries_with_a_larger_size_field),
		MB_TEST(mb1_unaligned_map),
		MB_TEST(mb1_types),
		MB_TEST(mb1_ram_above_4g),
		MB_TEST(mb1_ram_crossing_4g),
		MB_TEST(mb1_truncated_map_is_ebadmsg),
		MB_TEST(mb1_small_size_field_is_einval),
		MB_TEST(mb1_size_field_past_the_end_is_ebadmsg),
		MB_TEST(mb1_wrapping_entry_is_erange),
		MB_TEST(mb1_overlapping_types_take_the_largest),
		MB_TEST(mb1_null_and_empty),
		MB_TEST(mb2_memory_map_tag),
		MB_TEST(mb2_larger_entry_size),
		MB_TEST(mb2_efi_tag_wins_over_mmap_tag),
		MB_TEST(mb2_efi_tag_alone),
		MB_TEST(mb2_total_size_beyond_max_size_is_ebadmsg),
		MB_TEST(mb2_tag_past_total_size_is_ebadmsg),
		MB_TEST(mb2_tag_smaller_than_its_header_is_ebadmsg),
		MB_TEST(mb2_missing_end_tag_is_ebadmsg),
		MB_TEST(mb2_truncated_tag_at_the_end_of_the_buffer_is_ebadmsg),
		MB_TEST(mb2_bad_mmap_tags),
		MB_TEST(mb2_bad_efi_tags),
		MB_TEST(mb2_bad_entries),
		MB_TEST(mb2_without_memory_map_is_enoent),
	};

	return MB_RUN("fw/multiboot", tests);
}
