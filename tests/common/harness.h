/* SPDX-License-Identifier: MIT */
/*
 * harness.h - shared helpers of the cmocka suites.
 *
 * Every test runs between mb_test_setup() (memblock and every switch back to
 * program start, logs and page hand-offs cleared) and mb_test_teardown()
 * (memblock_validate() must pass on the final state).
 */
#ifndef MEMBLOCK_TEST_HARNESS_H
#define MEMBLOCK_TEST_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <memblock.h>
#include <memblock/ext.h>

#define SZ_1K 0x400ULL
#define SZ_2K 0x800ULL
#define SZ_4K 0x1000ULL
#define SZ_8K 0x2000ULL
#define SZ_16K 0x4000ULL
#define SZ_32K 0x8000ULL
#define SZ_64K 0x10000ULL
#define SZ_128K 0x20000ULL
#define SZ_256K 0x40000ULL
#define SZ_512K 0x80000ULL
#define SZ_1M 0x100000ULL
#define SZ_2M 0x200000ULL
#define SZ_4M 0x400000ULL
#define SZ_8M 0x800000ULL
#define SZ_16M 0x1000000ULL
#define SZ_32M 0x2000000ULL
#define SZ_64M 0x4000000ULL
#define SZ_128M 0x8000000ULL
#define SZ_256M 0x10000000ULL
#define SZ_512M 0x20000000ULL
#define SZ_1G 0x40000000ULL

/* The mapped test window (see test_env.h): allocations must land here. */
#define WIN_BASE ((phys_addr_t)TEST_PHYS_BASE)
#define WIN_SIZE ((phys_addr_t)TEST_WINDOW_SIZE)
#define WIN_END (WIN_BASE + WIN_SIZE)

/* cmocka glue: every test gets a fresh memblock and a validity check. */
int mb_test_setup(void **state);
int mb_test_teardown(void **state);
#define MB_TEST(fn) cmocka_unit_test_setup_teardown(fn, mb_test_setup, mb_test_teardown)

/* Run the tests of one file; @name shows in cmocka's output. */
#define MB_RUN(name, tests) cmocka_run_group_tests_name(name, tests, NULL, NULL)

/* Fill the whole window with a byte, to tell zeroed from raw allocations. */
void test_fill_window(unsigned char byte);
bool test_mem_is(const void *p, unsigned char byte, size_t len);

/* Captured log output since setup (or test_log_clear()), NUL-terminated. */
const char *test_log(void);
void test_log_clear(void);

/* Captured page hand-offs of memblock_free_all()/memblock_discard(). */
struct test_handoff {
	unsigned long start_pfn, nr_pages;
};
extern struct test_handoff test_handoffs[256];
extern unsigned int test_nr_handoffs;

/* Panics: with test_expect_panic() armed, a panic returns here as true. */
extern jmp_buf test_panic_jmp;
extern bool test_panic_armed;
extern char test_panic_msg[256];
#define test_expect_panic() (test_panic_armed = true, setjmp(test_panic_jmp) != 0)

/* Assert the whole of region @idx of @type. */
#define assert_region(type, idx, b, s)                                         \
	do {                                                                   \
		assert_true((unsigned long)(idx) < (type)->cnt);               \
		assert_int_equal((type)->regions[idx].base, (b));              \
		assert_int_equal((type)->regions[idx].size, (s));              \
	} while (0)
#define assert_region_flags(type, idx, b, s, f)                                \
	do {                                                                   \
		assert_region(type, idx, b, s);                                \
		assert_int_equal((type)->regions[idx].flags, (f));             \
	} while (0)
/* The node is checked only in NUMA builds (it is always 0 otherwise). */
#ifdef CONFIG_NUMA
#define assert_region_nid(type, idx, n)                                        \
	assert_int_equal(memblock_get_region_node(&(type)->regions[idx]), (n))
#else
#define assert_region_nid(type, idx, n) ((void)(n))
#endif

#define assert_valid() assert_int_equal(memblock_validate(), 0)

/*
 * Copy of the whole state, to prove that a failed call changed nothing:
 * struct memblock (every header: cnt, max, total_size, where each array
 * lives), the live slots of both arrays (slot 0 of an empty one too), and
 * physmem, header and array, where it exists.
 */
#define MB_SNAPSHOT_SLOTS 512
struct mb_snapshot {
	struct memblock mb;
	struct memblock_region memory[MB_SNAPSHOT_SLOTS];
	struct memblock_region reserved[MB_SNAPSHOT_SLOTS];
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	struct memblock_type physmem;
	struct memblock_region physmem_regions[MB_SNAPSHOT_SLOTS];
#endif
};
void mb_snapshot_take(struct mb_snapshot *s);
void assert_snapshot_unchanged(const struct mb_snapshot *s);

#endif /* MEMBLOCK_TEST_HARNESS_H */
