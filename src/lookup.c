// SPDX-License-Identifier: MIT
/*
 * lookup.c - point lookups in memblock.memory that use locality
 * (CONFIG_MEMBLOCK_LOOKUP_INDEX).
 *
 * An architecture asks "is this page memory?" for every page in address
 * order while it builds its memory map, and at random later on. Two hints
 * answer such a lookup without a binary search over the whole array:
 *
 *  - the previous answer (mb_lookup_last, tried inline by the callers in
 *    query.c): a lookup in the same region or in the gap after it;
 *  - a bucket table: the span from the first region's base to the last
 *    region's end is cut into NR_SLICES equal slices, and each slice into
 *    a power-of-two number of equal buckets, more where regions are dense
 *    and one where the span is a hole. A bucket holds the index of the
 *    last region starting at or below its start, so a lookup searches
 *    only the few regions that start inside its bucket, and reads a table
 *    that stays in cache instead of a dozen cache lines of the array.
 *
 * Neither hint is trusted. An answer is taken only when the array itself
 * proves it: it is sorted, so "region i starts at or below the address and
 * region i + 1 above it" is the answer. A hint that fails costs a binary
 * search over the whole array, never a wrong answer; the table therefore
 * needs no notice of changes. It is rebuilt when the array moved or its
 * count changed, and after a few failed proofs (changes it could not
 * see, such as regions written directly by code outside the library).
 */
#include "internal.h"

#ifdef CONFIG_MEMBLOCK_LOOKUP_INDEX

#define NR_BUCKETS CONFIG_MEMBLOCK_LOOKUP_BUCKETS
/* Equal slices of the span; each gets buckets in proportion to its regions. */
#define NR_SLICES 64
/* Failed proofs tolerated before the table is rebuilt. */
#define STALE_LIMIT 8
/* Arrays up to this size are searched whole: as fast, and no table. */
#define SMALL_ARRAY 64

/**
 * struct lookup_slice - one of NR_SLICES equal slices of the span
 * @first: index in the table of the slice's first bucket
 * @shift: log2 of a bucket's width
 * @mask: the slice's number of buckets, minus one
 */
struct lookup_slice {
	unsigned int first;
	unsigned int shift;
	phys_addr_t mask;
};

static struct {
	const struct memblock_region *regions;	/* array the table describes */
	unsigned long cnt;	/* its count then */
	unsigned long total;	/* buckets in use */
	phys_addr_t lo;		/* region 0's base when built */
	unsigned int shift;	/* log2 of a slice's width */
	unsigned int stale;	/* failed proofs since the build */
	struct lookup_slice slice[NR_SLICES];
	/* Per bucket: the last region starting at or below its start. */
	unsigned int bucket[2 * (NR_BUCKETS + NR_SLICES) + 1];
} table;

unsigned long mb_lookup_last;

/*
 * log2 of the buckets of a slice of @count regions: enough that a bucket
 * holds at most 2^@group of them, and no narrower than a byte.
 */
static unsigned int slice_order(unsigned long count, unsigned int group)
{
	unsigned int order = 0;

	while (count && order < table.shift && ((count - 1) >> group) >> order)
		order++;
	return order;
}

/* Fill the table for @mem, which is not empty. */
static void build_table(const struct memblock_type *mem)
{
	const struct memblock_region *r = mem->regions;
	const unsigned long n = mem->cnt;
	const phys_addr_t span = mb_region_end(&r[n - 1]) - r[0].base;
	unsigned long count[NR_SLICES] = { 0 };
	unsigned long i, c, k, next = 0;
	unsigned int group = 0, order;

	table.lo = r[0].base;
	table.shift = 0;
	while ((span >> table.shift) >= NR_SLICES)
		table.shift++;
	for (i = 0; i < n; i++) {
		/* Clamped: an array written from outside may be out of order. */
		const phys_addr_t c_at = (r[i].base - table.lo) >> table.shift;

		count[c_at < NR_SLICES ? c_at : NR_SLICES - 1]++;
	}
	/* Regions per bucket, a power of two: the buckets fit the table. */
	while ((n >> group) > NR_BUCKETS)
		group++;
	for (c = 0; c < NR_SLICES; c++) {
		order = slice_order(count[c], group);
		table.slice[c].first = (unsigned int)next;
		table.slice[c].shift = table.shift - order;
		table.slice[c].mask = ((phys_addr_t)1 << order) - 1;
		next += 1UL << order;
	}
	/* Bucket starts ascend through the slices: one pass over the regions. */
	for (i = 0, c = 0; c < NR_SLICES; c++) {
		const struct lookup_slice *sl = &table.slice[c];

		for (k = 0; k <= sl->mask; k++) {
			const phys_addr_t d = ((phys_addr_t)c << table.shift) +
					      ((phys_addr_t)k << sl->shift);

			while (i + 1 < n && r[i + 1].base - table.lo <= d)
				i++;
			table.bucket[sl->first + k] = (unsigned int)i;
		}
	}
	table.bucket[next] = (unsigned int)(n - 1);	/* past the last bucket */
	table.total = next;
	table.stale = 0;
	table.regions = r;
	table.cnt = n;
}

/* The last of the @n regions at @r starting at or below @addr (r[0] does). */
static unsigned long search_all(const struct memblock_region *r,
				unsigned long n, phys_addr_t addr)
{
	const struct memblock_type all = {
		.cnt = n,
		.regions = (struct memblock_region *)r,
	};

	return (unsigned long)(mb_last_starting_at_or_below(&all, addr) - r);
}

/**
 * mb_memory_lookup - the memory region holding an address, the slow way
 * @addr: the address
 *
 * The path of mb_memory_region_at() for when the previous answer does not
 * prove itself. The bucket of @addr names a region starting at or below
 * it; a short walk up finds the last one that does, proven by the next
 * region starting above @addr. Without that proof (@addr outside the
 * span, or a stale table) a binary search over the whole array answers.
 * Remembers the region as the next previous answer.
 *
 * Return: the region containing @addr, or NULL.
 */
struct memblock_region *mb_memory_lookup(phys_addr_t addr)
{
	const struct memblock_type *mem = &memblock.memory;
	struct memblock_region *r = mem->regions;
	const unsigned long n = mem->cnt;
	const struct lookup_slice *sl;
	unsigned long a, z;
	phys_addr_t d;

	if (!n || addr < r[0].base)
		return NULL;
	/* A small array: its search is as short as the table's. */
	if (n <= SMALL_ARRAY)
		goto search;
	if (table.regions != r || table.cnt != n || table.stale > STALE_LIMIT)
		build_table(mem);
	d = addr - table.lo;
	if (d >> table.shift < NR_SLICES) {
		sl = &table.slice[d >> table.shift];
		a = sl->first + (unsigned long)((d >> sl->shift) & sl->mask);
		z = table.bucket[a + 1];
		a = table.bucket[a];
		/* Entries are indexes below n: the count is the table's. */
		if (r[a].base <= addr) {
			/* Dense buckets (maps larger than the table): halve first. */
			if (z - a > 8)
				a = a + search_all(&r[a], z - a + 1, addr);
			while (a < z && r[a + 1].base <= addr)
				a++;
			if (a + 1 == n || r[a + 1].base > addr)
				goto found;
		}
		table.stale++;
	}
search:
	a = search_all(r, n, addr);
found:
	mb_lookup_last = a;
	return addr - r[a].base < r[a].size ? &r[a] : NULL;
}

#endif /* CONFIG_MEMBLOCK_LOOKUP_INDEX */
