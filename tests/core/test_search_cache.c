// SPDX-License-Identifier: MIT
/*
 * test_search_cache.c - allocation searches that resume where the previous
 * one ended (src/alloc.c, CONFIG_MEMBLOCK_SEARCH_CACHE): every block is the
 * one a full search finds, through runs of allocations, reservations,
 * frees, memory changes and direct writes of the arrays between calls.
 * Built in every configuration: without the cache it checks the plain
 * search the same way.
 */
#include <string.h>

#include "core_helpers.h"

#define S WIN_BASE

static u64 rng_state = 0x7365617263680aULL;

static u64 rng(void)
{
	return xorshift_next(&rng_state);
}

/*
 * The block a full search must find for memblock_phys_alloc_range(size,
 * align, lo, hi), from the free ranges (memory without flags, minus
 * reserved), in memblock's direction; 0 when none fits.
 */
static phys_addr_t expected_block(phys_addr_t size, phys_addr_t align,
				  phys_addr_t lo, phys_addr_t hi)
{
	phys_addr_t start, end, best = 0;
	u64 i;

	if (lo < PAGE_SIZE)
		lo = PAGE_SIZE;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				NULL) {
		phys_addr_t s = start < lo ? lo : start;
		phys_addr_t e = end > hi ? hi : end;
		phys_addr_t c;

		if (e <= s || e - s < size)
			continue;
		if (memblock_bottom_up()) {
			c = (s + align - 1) & ~(align - 1);
			if (c >= s && c + size <= e)
				return c;
		} else {
			c = (e - size) & ~(align - 1);
			if (c >= s)
				best = c;
		}
	}
	return best;
}

/* Allocate and compare with a full search made just before. */
static void alloc_and_check(phys_addr_t size, phys_addr_t align,
			    phys_addr_t lo, phys_addr_t hi)
{
	const phys_addr_t want = expected_block(size, align, lo, hi);

	assert_int_equal(memblock_phys_alloc_range(size, align, lo, hi), want);
}

/* Memory of the window with @n reservations of 12K every 16K at its top. */
static void fragmented_map(unsigned long n)
{
	unsigned long i;

	assert_int_equal(memblock_add(S, SZ_16M), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(memblock_reserve(S + SZ_16M - (i + 1) * SZ_16K,
						  SZ_16K - SZ_4K), 0);
}

static void runs_of_allocations_get_the_blocks_of_a_full_search(void **state)
{
	unsigned int k;

	(void)state;
	fragmented_map(100);
	for (k = 0; k < 200; k++)
		alloc_and_check(SZ_8K, SZ_4K, 0, S + SZ_16M);
	memblock_set_bottom_up(true);
	for (k = 0; k < 200; k++)
		alloc_and_check(SZ_8K, SZ_4K, 0, S + SZ_16M);
}

/* A freed block above the last one found must be found again. */
static void a_free_above_the_last_block_is_found(void **state)
{
	phys_addr_t a, b;

	(void)state;
	fragmented_map(100);
	a = memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_16M);
	b = memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_16M);
	assert_int_equal(b, a - SZ_8K);
	assert_int_equal(memblock_phys_free(a, SZ_8K), 0);
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_16M), a);
	/* So must a gap that memory added above opens. */
	assert_int_equal(memblock_add(S + SZ_32M - SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_32M),
			 S + SZ_32M - SZ_8K);
}

/* A failed search stays failed only while nothing is given back. */
static void a_failed_search_is_retried_after_a_free(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_1M), 0);
	assert_int_equal(memblock_reserve(S, SZ_1M), 0);
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_1M), 0);
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_1M), 0);
	assert_int_equal(memblock_phys_free(S + SZ_64K, SZ_8K), 0);
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_1M),
			 S + SZ_64K);
}

/* Flags a search skips, cleared between two searches, are seen. */
static void cleared_flags_open_memory_again(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(S, SZ_4M), 0);
	assert_int_equal(memblock_mark_nomap(S + SZ_2M, SZ_2M), 0);
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_4M),
			 S + SZ_2M - SZ_8K);
	assert_int_equal(memblock_clear_nomap(S + SZ_2M, SZ_2M), 0);
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, S + SZ_4M),
			 S + SZ_4M - SZ_8K);
}

/*
 * A random run: allocations of a few sizes in both directions, with
 * reservations, frees, memory added and removed, flags, and code outside
 * the library writing the arrays between calls (a region cut short or
 * dropped by hand with total_size kept right, both arrays emptied and
 * refilled by hand). Every block is the full search's.
 */
static void random_runs_with_direct_writes_match_a_full_search(void **state)
{
	static const phys_addr_t sizes[] = { SZ_4K, SZ_8K, SZ_8K, SZ_16K };
	const phys_addr_t hi = S + SZ_16M;
	unsigned int k;

	(void)state;
	memblock_allow_resize();	/* growth moves arrays mid-run, too */
	fragmented_map(300);
	for (k = 0; k < 4000; k++) {
		const phys_addr_t at = S + (rng() % (SZ_16M / SZ_4K)) * SZ_4K;
		struct memblock_type *rsv = RSV;

		switch (rng() % 16) {
		case 0:
			memblock_set_bottom_up(!memblock_bottom_up());
			break;
		case 1:
			memblock_reserve(at, SZ_4K * (1 + rng() % 4));
			break;
		case 2:
			memblock_phys_free(at, SZ_4K * (1 + rng() % 8));
			break;
		case 3:
			if (rng() % 2)
				memblock_mark_nomap(at, SZ_64K);
			else
				memblock_clear_nomap(at, SZ_64K);
			break;
		case 4:	/* a reservation cut short by hand */
			if (rsv->cnt > 1) {
				struct memblock_region *r =
					&rsv->regions[rng() % rsv->cnt];

				if (r->size > SZ_4K) {
					rsv->total_size -= r->size - SZ_4K;
					r->size = SZ_4K;
				}
			}
			break;
		case 5:	/* the last reservation dropped by hand */
			if (rsv->cnt > 1) {
				rsv->total_size -= rsv->regions[rsv->cnt - 1].size;
				rsv->cnt--;
			}
			break;
		case 6:
			if (rng() % 8 == 0) {
				memblock_remove(at, SZ_64K);
				memblock_add(at, SZ_64K);
			}
			break;
		default:
			alloc_and_check(sizes[rng() % 4], rng() % 4 ? SZ_4K : SZ_16K,
					0, rng() % 4 ? hi : hi - SZ_4M);
			break;
		}
	}
	/* Both arrays emptied by hand, as Linux's test fixtures do. */
	memset(MEM->regions, 0, sizeof(*MEM->regions));
	memset(RSV->regions, 0, sizeof(*RSV->regions));
	MEM->cnt = RSV->cnt = 0;
	MEM->total_size = RSV->total_size = 0;
	assert_int_equal(memblock_phys_alloc_range(SZ_8K, SZ_4K, 0, hi), 0);
	fragmented_map(10);
	for (k = 0; k < 20; k++)
		alloc_and_check(SZ_8K, SZ_4K, 0, hi);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(runs_of_allocations_get_the_blocks_of_a_full_search),
		MB_TEST(a_free_above_the_last_block_is_found),
		MB_TEST(a_failed_search_is_retried_after_a_free),
		MB_TEST(cleared_flags_open_memory_again),
		MB_TEST(random_runs_with_direct_writes_match_a_full_search),
	};

	return MB_RUN("core/search_cache", tests);
}
