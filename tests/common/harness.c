// SPDX-License-Identifier: MIT
/*
 * harness.c - the test environment (see test_env.h) and shared helpers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static unsigned char window[TEST_WINDOW_SIZE] __attribute__((aligned(4096)));
static char log_buf[1 << 16];
static size_t log_len;

struct test_handoff test_handoffs[256];
unsigned int test_nr_handoffs;
jmp_buf test_panic_jmp;
bool test_panic_armed;
char test_panic_msg[256];

void *test_phys_to_virt(uint64_t pa)
{
	if (pa >= TEST_PHYS_BASE && pa - TEST_PHYS_BASE < TEST_WINDOW_SIZE)
		return window + (pa - TEST_PHYS_BASE);
	fprintf(stderr, "test_env: phys_to_virt(%#llx) outside the test window\n",
		(unsigned long long)pa);
	abort();
}

uint64_t test_virt_to_phys(const void *va)
{
	const unsigned char *p = va;

	if (p >= window && p < window + TEST_WINDOW_SIZE)
		return TEST_PHYS_BASE + (uint64_t)(p - window);
	/* Tests may pass made-up pointers that stand for addresses. */
	return (uint64_t)(uintptr_t)va;
}

void test_log_write(const char *s, size_t len)
{
	if (len > sizeof(log_buf) - 1 - log_len)
		len = sizeof(log_buf) - 1 - log_len;
	memcpy(log_buf + log_len, s, len);
	log_len += len;
	log_buf[log_len] = '\0';
}

const char *test_log(void)
{
	return log_buf;
}

void test_log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

_Noreturn void test_panic(const char *msg)
{
	snprintf(test_panic_msg, sizeof(test_panic_msg), "%s", msg);
	if (test_panic_armed) {
		test_panic_armed = false;
		longjmp(test_panic_jmp, 1);
	}
	fprintf(stderr, "unexpected panic: %s", msg);
	abort();
}

void test_free_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	if (test_nr_handoffs < sizeof(test_handoffs) / sizeof(test_handoffs[0]))
		test_handoffs[test_nr_handoffs] =
			(struct test_handoff){ start_pfn, nr_pages };
	test_nr_handoffs++;
}

void test_fill_window(unsigned char byte)
{
	memset(window, byte, sizeof(window));
}

bool test_mem_is(const void *p, unsigned char byte, size_t len)
{
	const unsigned char *c = p;

	while (len--)
		if (*c++ != byte)
			return false;
	return true;
}

int mb_test_setup(void **state)
{
	(void)state;
	memblock_reset();
	memblock_debug = 0;
	movable_node_enabled = false;
	mirrored_kernelcore = false;
	test_log_clear();
	test_nr_handoffs = 0;
	test_panic_armed = false;
	return 0;
}

int mb_test_teardown(void **state)
{
	(void)state;
	if (memblock_validate()) {
		fprintf(stderr, "memblock_validate failed after the test: %s",
			test_log());
		return -1;
	}
	return 0;
}

/* Copy slots 0 .. max - 1 of @type into @slots. */
static void snapshot_type(const struct memblock_type *type,
			  struct memblock_region *slots)
{
	assert_true(type->max <= MB_SNAPSHOT_SLOTS);
	memcpy(slots, type->regions, type->max * sizeof(struct memblock_region));
}

void mb_snapshot_take(struct mb_snapshot *s)
{
	memset(s, 0, sizeof(*s));
	s->mb = memblock;
	snapshot_type(&memblock.memory, s->memory);
	snapshot_type(&memblock.reserved, s->reserved);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	s->physmem = physmem;
	snapshot_type(&physmem, s->physmem_regions);
#endif
}

/* @type still has the header @hdr and the slots @slots, byte for byte. */
static void assert_type_unchanged(const struct memblock_type *hdr,
				  const struct memblock_region *slots,
				  const struct memblock_type *type)
{
	assert_string_equal(type->name, hdr->name);
	assert_int_equal(type->cnt, hdr->cnt);
	assert_int_equal(type->max, hdr->max);
	assert_int_equal(type->total_size, hdr->total_size);
	/* Where the array lives: a failed call must not have moved it. */
	assert_ptr_equal(type->regions, hdr->regions);
	/* Live slots (slot 0 of an empty array too); the spare ones past
	 * cnt are not state, and bookkeeping in place may write them. */
	assert_memory_equal(slots, type->regions,
			    (hdr->cnt ? hdr->cnt : 1) *
				    sizeof(struct memblock_region));
}

void assert_snapshot_unchanged(const struct mb_snapshot *s)
{
	assert_int_equal(memblock.bottom_up, s->mb.bottom_up);
	assert_int_equal(memblock.current_limit, s->mb.current_limit);
	assert_type_unchanged(&s->mb.memory, s->memory, &memblock.memory);
	assert_type_unchanged(&s->mb.reserved, s->reserved, &memblock.reserved);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	assert_type_unchanged(&s->physmem, s->physmem_regions, &physmem);
#endif
	/* And nothing else in the struct, padding aside. */
	assert_memory_equal(&s->mb, &memblock, sizeof(memblock));
}
