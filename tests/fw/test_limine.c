// SPDX-License-Identifier: MIT
/*
 * test_limine.c - memblock_import_limine(): the Limine boot protocol's
 * memory map, every entry type, and inputs that must leave memblock
 * untouched.
 */
#include "harness.h"

#include <memblock/fw.h>

#define NR(a) (sizeof(a) / sizeof((a)[0]))

static struct memblock_limine_entry entries[64];
static const struct memblock_limine_entry *ptrs[64];

static const struct memblock_limine_entry *const *build(
	const struct memblock_limine_entry *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		entries[i] = in[i];
		ptrs[i] = &entries[i];
	}
	return ptrs;
}

/* The map Limine gives a kernel on QEMU x86_64 with 256 MiB (its shape). */
static const struct memblock_limine_entry qemu[] = {
	{ 0x0, 0x1000, MEMBLOCK_LIMINE_RESERVED },
	{ 0x1000, 0x4f000, MEMBLOCK_LIMINE_USABLE },
	{ 0x50000, 0x4f000, MEMBLOCK_LIMINE_BOOTLOADER_RECLAIMABLE },
	{ 0x9fc00, 0x400, MEMBLOCK_LIMINE_RESERVED },
	{ 0xf0000, 0x10000, MEMBLOCK_LIMINE_RESERVED },
	{ 0x100000, 0xfce0000, MEMBLOCK_LIMINE_USABLE },
	{ 0xfde0000, 0x100000, MEMBLOCK_LIMINE_EXECUTABLE_AND_MODULES },
	{ 0xfee0000, 0x80000, MEMBLOCK_LIMINE_BOOTLOADER_RECLAIMABLE },
	{ 0xff60000, 0x60000, MEMBLOCK_LIMINE_ACPI_RECLAIMABLE },
	{ 0xffc0000, 0x20000, MEMBLOCK_LIMINE_ACPI_NVS },
	{ 0xfd000000, 0x300000, MEMBLOCK_LIMINE_FRAMEBUFFER },
	{ 0xfffc0000, 0x40000, MEMBLOCK_LIMINE_RESERVED },
};

static void qemu_map(void **state)
{
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_limine(build(qemu, NR(qemu)), NR(qemu), &st), 0);
	assert_valid();
	assert_int_equal(st.entries, NR(qemu));
	/* Usable, reclaimable and the kernel are memory, touching: two runs. */
	assert_int_equal(memblock.memory.cnt, 2);
	assert_region(&memblock.memory, 0, 0x1000, 0x9f000 - 0x1000);
	assert_region(&memblock.memory, 1, 0x100000, 0xffc0000 - 0x100000);
	/* In use now: bootloader-reclaimable, the kernel, ACPI tables. */
	assert_true(memblock_is_region_reserved(0x50000, 0x4f000));
	assert_true(memblock_is_region_reserved(0xfde0000, 0x100000));
	assert_true(memblock_is_region_reserved(0xff60000, 0x60000));
	/* NVS, the framebuffer and firmware: reserved, not memory. */
	assert_false(memblock_is_memory(0xffc0000));
	assert_true(memblock_is_reserved(0xffc0000));
	assert_false(memblock_is_memory(0xfd000000));
	assert_true(memblock_is_reserved(0xfd000000));
	assert_false(memblock_is_memory(0x0));
	assert_true(memblock_is_reserved(0x0));
	/* Allocation never lands in what the boot loader still uses. */
	assert_true(memblock_phys_alloc(0x1000, 0x1000) < 0xfde0000);
}

static void every_type_alone(void **state)
{
	static const struct {
		uint64_t type;
		bool memory, reserved;
	} want[] = {
		{ MEMBLOCK_LIMINE_USABLE, true, false },
		{ MEMBLOCK_LIMINE_RESERVED, false, true },
		{ MEMBLOCK_LIMINE_ACPI_RECLAIMABLE, true, true },
		{ MEMBLOCK_LIMINE_ACPI_NVS, false, true },
		{ MEMBLOCK_LIMINE_BAD_MEMORY, false, true },
		{ MEMBLOCK_LIMINE_BOOTLOADER_RECLAIMABLE, true, true },
		{ MEMBLOCK_LIMINE_EXECUTABLE_AND_MODULES, true, true },
		{ MEMBLOCK_LIMINE_FRAMEBUFFER, false, true },
		{ MEMBLOCK_LIMINE_ACPI_TABLES, false, true },
		{ 99, false, true },
	};

	(void)state;
	for (size_t i = 0; i < NR(want); i++) {
		const struct memblock_limine_entry e = { 0x100000, 0x10000, want[i].type };

		mb_test_setup(NULL);
		assert_int_equal(memblock_import_limine(build(&e, 1), 1, NULL), 0);
		assert_int_equal(memblock_is_memory(0x100000), want[i].memory);
		assert_int_equal(memblock_is_reserved(0x100000), want[i].reserved);
	}
}

/* Overlapping entries combine: never less safe than either of them. */
static void overlapping_entries_combine(void **state)
{
	static const struct memblock_limine_entry map[] = {
		{ 0x100000, 0x100000, MEMBLOCK_LIMINE_USABLE },
		{ 0x180000, 0x100000, MEMBLOCK_LIMINE_RESERVED },
	};

	(void)state;
	assert_int_equal(memblock_import_limine(build(map, 2), 2, NULL), 0);
	assert_valid();
	assert_region(&memblock.memory, 0, 0x100000, 0x100000);
	assert_region(&memblock.reserved, 0, 0x180000, 0x100000);
}

static void entries_above_4g(void **state)
{
	static const struct memblock_limine_entry map[] = {
		{ 0x100000000ULL, 0x40000000, MEMBLOCK_LIMINE_USABLE },
	};
	struct memblock_fw_stats st;

	(void)state;
	assert_int_equal(memblock_import_limine(build(map, 1), 1, &st), 0);
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_int_equal(memblock.memory.cnt, 1);
#else
	assert_int_equal(memblock.memory.cnt, 0);
	assert_int_equal(st.ignored, 1);
#endif
}

static void expect(const struct memblock_limine_entry *const *p, size_t n, int err)
{
	struct mb_snapshot snap;

	assert_int_equal(memblock_add(0x40000000, 0x1000000), 0);
	assert_int_equal(memblock_reserve(0x40000000, 0x1000), 0);
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_import_limine(p, n, NULL), err);
	assert_snapshot_unchanged(&snap);
}

static void bad_input_changes_nothing(void **state)
{
	static const struct memblock_limine_entry wrap[] = {
		{ 0x100000, 0x100000, MEMBLOCK_LIMINE_USABLE },
		{ 0xfffffffffffff000ULL, 0x1000, MEMBLOCK_LIMINE_RESERVED },
	};

	(void)state;
	expect(NULL, 3, -EINVAL);
	mb_test_setup(NULL);
	build(qemu, NR(qemu));
	ptrs[5] = NULL;
	expect(ptrs, NR(qemu), -EINVAL);
	mb_test_setup(NULL);
	expect(build(wrap, 2), 2, -ERANGE);
	mb_test_setup(NULL);
	assert_int_equal(memblock_import_limine(NULL, 0, NULL), 0);
}

/* More separate ranges than the arrays hold: -ENOMEM, nothing changed. */
static void full_arrays_are_enomem(void **state)
{
	static struct memblock_limine_entry many[64];
	struct mb_snapshot snap;

	(void)state;
	for (unsigned long i = 0; i < INIT_MEMBLOCK_MEMORY_REGIONS - 32; i++)
		assert_int_equal(memblock_add(0x40000000 + i * 0x2000, 0x1000), 0);
	for (size_t i = 0; i < NR(many); i++)
		many[i] = (struct memblock_limine_entry){ 0x100000 + i * 0x2000, 0x1000,
							  MEMBLOCK_LIMINE_USABLE };
	mb_snapshot_take(&snap);
	assert_int_equal(memblock_import_limine(build(many, NR(many)), NR(many), NULL),
			 -ENOMEM);
	assert_snapshot_unchanged(&snap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(qemu_map),
		MB_TEST(every_type_alone),
		MB_TEST(overlapping_entries_combine),
		MB_TEST(entries_above_4g),
		MB_TEST(bad_input_changes_nothing),
		MB_TEST(full_arrays_are_enomem),
	};

	return MB_RUN("fw/limine", tests);
}
