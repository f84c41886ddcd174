// SPDX-License-Identifier: MIT
/*
 * test_lookup.c - point lookups in memory (src/query.c, and src/lookup.c
 * with CONFIG_MEMBLOCK_LOOKUP_INDEX): every answer equals a linear scan of
 * the array, in address order, at random, and after code outside the
 * library wrote the array directly between calls.
 */
#include <stdlib.h>
#include <string.h>

#include "core_helpers.h"

#define NR_BIG 20000

static struct memblock_region big[NR_BIG];

/* The region of memory holding @addr by a linear scan, or NULL. */
static const struct memblock_region *scan(phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < MEM->cnt; i++)
		if (addr - MEM->regions[i].base < MEM->regions[i].size)
			return &MEM->regions[i];
	return NULL;
}

/* Every lookup of @addr agrees with the scan. */
static void assert_lookups(phys_addr_t addr)
{
	const struct memblock_region *r = scan(addr);
	unsigned long s = 0, e = 0;
	int nid;

	assert_int_equal(memblock_is_memory(addr), r != NULL);
	assert_int_equal(memblock_is_map_memory(addr),
			 r && !(r->flags & MEMBLOCK_NOMAP));
	assert_int_equal(memblock_is_region_memory(addr, 1), r != NULL);
	if (addr % PAGE_SIZE == 0) {
		nid = memblock_search_pfn_nid((unsigned long)(addr >> PAGE_SHIFT),
					      &s, &e);
		assert_int_equal(nid, r ? memblock_get_region_node(r) : NUMA_NO_NODE);
	}
}

static u64 rng_state = 0x6c6f6f6b7570ULL;

static u64 rng(void)
{
	return xorshift_next(&rng_state);
}

/*
 * @n regions of random sizes and gaps from @base, on the big static
 * array (memblock.memory pointed at it, as Linux's tests do); every
 * fourth one NOMAP. Returns the end of the last one.
 */
static phys_addr_t make_map(unsigned long n, phys_addr_t base)
{
	phys_addr_t at = base;
	unsigned long i;

	MEM->regions = big;
	MEM->max = NR_BIG;
	MEM->cnt = 0;
	MEM->total_size = 0;
	for (i = 0; i < n; i++) {
		const phys_addr_t size = (1 + rng() % 64) * SZ_4K;

		at += (1 + rng() % 64) * SZ_4K;
		assert_int_equal(memblock_add_node(at, size, (int)(i % 2),
						   i % 4 == 3 ? MEMBLOCK_NOMAP :
								MEMBLOCK_NONE), 0);
		at += size;
	}
	assert_int_equal(MEM->cnt, n);
	return at;
}

static void lookups_in_address_order_match_a_scan(void **state)
{
	phys_addr_t end, a;

	(void)state;
	end = make_map(1500, SZ_1G);
	for (a = SZ_1G - SZ_8K; a < end + SZ_8K; a += SZ_4K / 2)
		assert_lookups(a);
	/* And backwards. */
	for (a = end + SZ_8K; a > SZ_1G - SZ_8K; a -= SZ_4K)
		assert_lookups(a);
}

static void random_lookups_match_a_scan(void **state)
{
	phys_addr_t end;
	unsigned int k;

	(void)state;
	end = make_map(1500, SZ_1G);
	for (k = 0; k < 20000; k++)
		assert_lookups(SZ_1G - SZ_1M + rng() % (end - SZ_1G + SZ_2M));
	assert_lookups(0);
	assert_lookups(PHYS_ADDR_MAX);
}

/* The last region starting at or below @addr, by a plain binary search. */
static const struct memblock_region *bsearch_region(phys_addr_t addr)
{
	unsigned long a = 0, z = MEM->cnt;

	while (a < z) {
		const unsigned long m = a + (z - a) / 2;

		if (MEM->regions[m].base <= addr)
			a = m + 1;
		else
			z = m;
	}
	if (!a)
		return NULL;
	return addr - MEM->regions[a - 1].base < MEM->regions[a - 1].size ?
		       &MEM->regions[a - 1] : NULL;
}

/* More regions than buckets: lookups search inside dense buckets too. */
static void lookups_on_a_map_larger_than_the_table_match(void **state)
{
	phys_addr_t end, a;
	unsigned int k;

	(void)state;
	MEM->regions = big;
	MEM->max = NR_BIG;
	for (k = 0, end = SZ_1G; k < NR_BIG; k++) {
		end += SZ_4K * (1 + rng() % 2);
		assert_int_equal(memblock_add(end, SZ_4K), 0);
		end += SZ_4K;
	}
	for (k = 0; k < 20000; k++) {
		a = SZ_1G + rng() % (end - SZ_1G);
		assert_int_equal(memblock_is_memory(a), bsearch_region(a) != NULL);
	}
	for (a = SZ_1G; a < SZ_1G + SZ_16M; a += SZ_4K)
		assert_int_equal(memblock_is_memory(a), bsearch_region(a) != NULL);
	memblock_reset();
}

/* Holes far bigger than the map: a sparse span. */
static void lookups_across_huge_holes_match_a_scan(void **state)
{
	unsigned int k;
	phys_addr_t hi;

	(void)state;
	make_map(100, SZ_1M);
	hi = PHYS_ADDR_MAX / 2;
	assert_int_equal(memblock_add(hi, SZ_1M), 0);
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - SZ_1M, SZ_1M), 0);
	for (k = 0; k < 5000; k++) {
		assert_lookups(SZ_1M + rng() % (SZ_16M * 2));
		assert_lookups(hi - SZ_2M + rng() % SZ_4M);
		assert_lookups(PHYS_ADDR_MAX - SZ_2M + rng() % SZ_2M);
	}
}

/*
 * Thousands of small regions packed at the bottom and one region at the
 * top: every small one falls in the same bucket, so lookups halve the
 * bucket before they walk.
 */
static void lookups_in_a_dense_cluster_match_a_scan(void **state)
{
	phys_addr_t a, end = SZ_1M;
	unsigned int k;

	(void)state;
	MEM->regions = big;
	MEM->max = NR_BIG;
	for (k = 0; k < 3000; k++, end += SZ_8K)
		assert_int_equal(memblock_add_node(end, SZ_4K, (int)(k % 2),
						   k % 3 ? MEMBLOCK_NONE :
							   MEMBLOCK_NOMAP), 0);
	assert_int_equal(memblock_add(PHYS_ADDR_MAX - SZ_1M, SZ_1M), 0);
	for (k = 0; k < 20000; k++)
		assert_lookups(rng() % (end + SZ_1M));
	for (a = 0; a < end + SZ_8K; a += SZ_4K / 2)
		assert_lookups(a);
	assert_lookups(PHYS_ADDR_MAX - SZ_1M);
	assert_lookups(PHYS_ADDR_MAX);
	/*
	 * The top region moved down by hand to just above the cluster (the
	 * order, count and total kept): the table still says the bucket's
	 * regions end with the cluster's last.
	 */
	MEM->regions[MEM->cnt - 1].base = end + SZ_1M;
	for (a = end - SZ_64K; a < end + SZ_4M; a += SZ_4K)
		assert_lookups(a);
	for (k = 0; k < 2000; k++)
		assert_lookups(rng() % (end + SZ_4M));
	memblock_reset();
}

/*
 * Changes and lookups in turn, as a boot does while it registers memory:
 * the table is out of date at almost every lookup, and each answer is
 * still the array's.
 */
static void lookups_between_changes_match_a_scan(void **state)
{
	unsigned int k, j;

	(void)state;
	MEM->regions = big;
	MEM->max = NR_BIG;
	for (k = 0; k < 3000; k++) {
		const phys_addr_t at = SZ_1G + (rng() % 4096) * SZ_64K;

		if (k % 5 == 4)
			assert_int_equal(memblock_remove(at, SZ_128K), 0);
		else
			assert_int_equal(memblock_add(at, SZ_32K), 0);
		for (j = 0; j < 8; j++)
			assert_lookups(SZ_1G - SZ_64K +
				       rng() % (4097 * SZ_64K));
		assert_lookups(at);
	}
	memblock_reset();
}

/*
 * Code outside the library writes the array between lookups, the ways
 * Linux code does (a region's fields, a whole new map of the same count,
 * cnt cut, the array emptied and refilled by hand): the answers never
 * lag behind.
 */
static void lookups_follow_direct_writes_of_the_array(void **state)
{
	unsigned int round, k;
	phys_addr_t end;

	(void)state;
	end = make_map(1500, SZ_1G);
	for (round = 0; round < 300; round++) {
		const unsigned long i = rng() % MEM->cnt;
		struct memblock_region *r = &MEM->regions[i];
		const phys_addr_t lo = i ? MEM->regions[i - 1].base + MEM->regions[i - 1].size : 0;
		const phys_addr_t hi = i + 1 < MEM->cnt ? MEM->regions[i + 1].base :
							 end + SZ_1G;

		/* Warm the hints on this region, then change it. */
		assert_lookups(r->base);
		assert_lookups(r->base + r->size);
		switch (rng() % 6) {
		case 0:	/* move it inside its gaps, same size */
			if (hi - lo > r->size)
				r->base = lo + (rng() % (hi - lo - r->size + 1));
			break;
		case 1:	/* grow it up to its neighbour */
			MEM->total_size += hi - (r->base + r->size);
			r->size = hi - r->base;
			break;
		case 2:	/* shrink it to a page */
			MEM->total_size -= r->size - SZ_4K;
			r->size = SZ_4K;
			break;
		case 3:	/* flags and node written in place */
			r->flags ^= MEMBLOCK_NOMAP;
			memblock_set_region_node(r, (int)(rng() % 2));
			break;
		case 4:	/* drop the last region by hand */
			if (MEM->cnt > 2) {
				MEM->total_size -= MEM->regions[MEM->cnt - 1].size;
				MEM->cnt--;
			}
			break;
		default: /* a new map of the same count written over the old */
			rng_state += round;
			end = make_map(MEM->cnt, SZ_1G + (rng() % 64) * SZ_1M);
			break;
		}
		for (k = 0; k < 40; k++)
			assert_lookups(SZ_1G - SZ_1M + rng() % (end - SZ_1G + SZ_256M));
		assert_lookups(r->base);
		assert_lookups(r->base + r->size - 1);
		assert_lookups(r->base + r->size);
	}
	/* Emptied by hand, as Linux's test fixtures do, then refilled. */
	memset(big, 0, sizeof(big));
	MEM->cnt = 0;
	MEM->total_size = 0;
	assert_lookups(SZ_1G);
	assert_int_equal(memblock_add(SZ_1G, SZ_1M), 0);
	assert_lookups(SZ_1G);
	assert_lookups(SZ_1G + SZ_1M);
	memblock_reset();
}

/* The array moves when it grows: the hints must not read the old one. */
static void lookups_follow_the_array_when_it_moves(void **state)
{
	static struct memblock_region other[NR_BIG];
	phys_addr_t end, a;

	(void)state;
	end = make_map(200, SZ_1G);
	for (a = SZ_1G; a < end; a += SZ_64K)
		assert_lookups(a);
	memcpy(other, big, sizeof(other));
	/* The old copy now says something else; the new one is the map. */
	for (unsigned int i = 0; i < 200; i++)
		big[i].base += SZ_4K;
	MEM->regions = other;
	for (a = SZ_1G; a < end; a += SZ_4K)
		assert_lookups(a);
	memblock_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(lookups_in_address_order_match_a_scan),
		MB_TEST(random_lookups_match_a_scan),
		MB_TEST(lookups_across_huge_holes_match_a_scan),
		MB_TEST(lookups_on_a_map_larger_than_the_table_match),
		MB_TEST(lookups_in_a_dense_cluster_match_a_scan),
		MB_TEST(lookups_between_changes_match_a_scan),
		MB_TEST(lookups_follow_direct_writes_of_the_array),
		MB_TEST(lookups_follow_the_array_when_it_moves),
	};

	return MB_RUN("core/lookup", tests);
}
