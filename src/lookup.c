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
 *    query.c): a lookup in the same region, in the gap after it or in the
 *    region after that. It is offered only while lookups land at or next
 *    to the previous one; random lookups turn it off, so they skip tests
 *    that would fail;
 *  - a bucket table: the span from the first region's base to the last
 *    region's end is cut into NR_SLICES equal slices, and each slice into
 *    a power-of-two number of equal buckets, more where regions are dense
 *    and one where the span is a hole: as many as fit in NR_BUCKETS, so
 *    that a bucket holds one or two region starts up to NR_BUCKETS
 *    regions. A bucket holds the index of the last region starting at or
 *    below its start, so a lookup walks only the few regions that start
 *    inside its bucket (a binary search among them when there are many).
 *
 * Neither hint is trusted. An answer is taken only when the array itself
 * proves it: it is sorted, so "region i starts at or below the address and
 * region i + 1 above it" is the answer. A hint that fails costs a binary
 * search over the whole array, never a wrong answer; the table therefore
 * needs no notice of changes. It is rebuilt when the array moved or its
 * count changed (once enough lookups have come to pay for the build), and
 * after a few failed proofs (changes it could not see, such as regions
 * written directly by code outside the library).
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
/*
 * Buckets a region at most (log2): regions seldom spread evenly over a
 * slice, so finer buckets than one a region still shorten walks.
 */
#define MAX_BOOST 4
/* Regions a bucket may hold before its lookups halve instead of walking. */
#define SHORT_WALK 8

static struct {
	const struct memblock_region *regions;	/* array described, or NULL */
	unsigned long cnt;	/* its count then */
	unsigned long waiting;	/* lookups that found the table out of date */
	phys_addr_t lo;		/* region 0's base when built */
	phys_addr_t last;	/* the last region's end - 1, less lo */
	unsigned int shift;	/* log2 of a slice's width */
	unsigned int stale;	/* failed proofs since the build */
	/* Per slice: a bucket is (offset >> bucket_shift) + bias. */
	phys_addr_t bias[NR_SLICES];
	unsigned char bucket_shift[NR_SLICES];
	/* Per bucket: the last region starting at or below its start. */
	unsigned int bucket[NR_BUCKETS + NR_SLICES + 1];
} table;

unsigned long mb_lookup_last;
/* The answer of the previous lookup made here. */
static unsigned long previous;

/*
 * Remember @a, the index of a lookup's answer. The inline hint is offered
 * only when this answer is the previous one or the next: lookups in
 * address order keep it, random ones turn it off (MB_NO_HINT) and skip
 * its tests, which would fail.
 */
static void remember(unsigned long a)
{
	mb_lookup_last = a - previous <= 1 ? a : MB_NO_HINT;
	previous = a;
}

/*
 * log2 of the buckets of a slice holding @count regions: 2^@boost buckets
 * a region (fewer when @boost is negative), at most 2^@max (a bucket is
 * no narrower than a byte), and one bucket for an empty slice.
 */
static unsigned int slice_order(unsigned long count, int boost,
				unsigned int max)
{
	int order = 0;

	if (!count)
		return 0;
	while ((count - 1) >> order)
		order++;
	order += boost;
	return order < 0 ? 0 : (unsigned int)order > max ? max : (unsigned int)order;
}

/* The buckets the slices of @count take at @boost. */
static unsigned long buckets_needed(const unsigned long *count, int boost)
{
	unsigned long c, total = 0;

	for (c = 0; c < NR_SLICES; c++)
		total += 1UL << slice_order(count[c], boost, table.shift);
	return total;
}

/* Fill the table for @mem, which has more than SMALL_ARRAY regions. */
static void build_table(const struct memblock_type *mem)
{
	const struct memblock_region *r = mem->regions;
	const unsigned long n = mem->cnt;
	const phys_addr_t span = mb_region_end(&r[n - 1]) - r[0].base;
	unsigned long count[NR_SLICES] = { 0 };
	unsigned long i, c, k, first = 0;
	int boost = MAX_BOOST;

	table.lo = r[0].base;
	table.last = span ? span - 1 : 0;	/* 0: regions of size 0, by hand */
	table.shift = 0;
	while ((span >> table.shift) >= NR_SLICES)
		table.shift++;
	for (i = 0; i < n; i++) {
		/* Clamped: an array written from outside may be out of order. */
		const phys_addr_t at = (r[i].base - table.lo) >> table.shift;

		count[at < NR_SLICES ? at : NR_SLICES - 1]++;
	}
	/* The finest buckets that fit: fewer regions a bucket, shorter walks. */
	while (buckets_needed(count, boost) > NR_BUCKETS + NR_SLICES)
		boost--;
	/* Bucket starts ascend through the slices: one pass over the regions. */
	for (i = 0, c = 0; c < NR_SLICES; c++) {
		const unsigned int order = slice_order(count[c], boost,
						       table.shift);
		const unsigned int width = table.shift - order;	/* log2 */

		table.bucket_shift[c] = (unsigned char)width;
		table.bias[c] = first - ((phys_addr_t)c << order);
		for (k = 0; k < 1UL << order; k++, first++) {
			const phys_addr_t d = ((phys_addr_t)c << table.shift) +
					      ((phys_addr_t)k << width);

			while (i + 1 < n && r[i + 1].base - table.lo <= d)
				i++;
			table.bucket[first] = (unsigned int)i;
		}
	}
	table.bucket[first] = (unsigned int)(n - 1);	/* past the last bucket */
	table.stale = 0;
	table.waiting = 0;
	table.regions = r;
	table.cnt = n;
}

/*
 * The memory region holding @addr, or NULL, by a binary search over
 * regions @from to @to, the first of which starts at or below @addr,
 * then a walk up to the proof: the next region starts above @addr. Out
 * of line, so that the table's path keeps few registers.
 */
static MB_NOINLINE struct memblock_region *
search_between(unsigned long from, unsigned long to, phys_addr_t addr)
{
	struct memblock_region *r = memblock.memory.regions;
	const unsigned long n = memblock.memory.cnt;
	const struct memblock_type window = {
		.cnt = to - from + 1,
		.regions = r + from,
	};
	unsigned long a;

	if (!n)
		return NULL;
	a = (unsigned long)(mb_last_starting_at_or_below(&window, addr) - r);
	while (a + 1 < n && r[a + 1].base <= addr)
		a++;
	remember(a);
	return addr - r[a].base < r[a].size ? &r[a] : NULL;
}

/* The same over the whole array (region 0 may start above @addr). */
static struct memblock_region *search_all(phys_addr_t addr)
{
	return search_between(0, memblock.memory.cnt - 1, addr);
}

/*
 * The lookup when the table does not describe the array. A table is
 * built for arrays above SMALL_ARRAY regions, and only once enough
 * lookups found it out of date to pay for the build: changes and
 * lookups in turn cost a binary search each, not a build each.
 */
static MB_NOINLINE struct memblock_region *
lookup_without_table(phys_addr_t addr)
{
	const struct memblock_type *mem = &memblock.memory;

	if (mem->cnt <= SMALL_ARRAY ||
	    ++table.waiting < (mem->cnt + NR_BUCKETS) / 64)
		return search_all(addr);
	build_table(mem);
	return mb_memory_lookup(addr);
}

/* A bucket's first region starts above @addr: a region moved by hand. */
static MB_NOINLINE struct memblock_region *lookup_stale(phys_addr_t addr)
{
	if (++table.stale > STALE_LIMIT)
		table.regions = NULL;	/* rebuilt at a later lookup */
	return search_all(addr);
}

/**
 * mb_memory_lookup - the memory region holding an address, the slow way
 * @addr: the address
 *
 * The path of mb_memory_region_at() for when the previous answer does not
 * prove itself. The bucket of @addr names a region starting at or below
 * it; a short walk up finds the last one that does, proven by the next
 * region starting above @addr (a bucket holding many halves its regions
 * first). Without that proof (@addr outside the span, or a stale table)
 * a binary search over the whole array answers. Remembers the region as
 * the next previous answer.
 *
 * Return: the region containing @addr, or NULL.
 */
struct memblock_region *mb_memory_lookup(phys_addr_t addr)
{
	struct memblock_region *w, *r = memblock.memory.regions;
	const unsigned long n = memblock.memory.cnt;
	unsigned long a, k, c;
	phys_addr_t d;

	if (table.regions != r || table.cnt != n)
		return lookup_without_table(addr);
	/* Below the span d wraps, so one test keeps it inside. */
	d = addr - table.lo;
	if (d > table.last)
		return search_all(addr);
	c = (unsigned long)(d >> table.shift);
	k = (unsigned long)((d >> table.bucket_shift[c]) + table.bias[c]);
	a = table.bucket[k];
	w = &r[a];
	/* Entries are indexes below n: the count is the table's. */
	if (w->base > addr)
		return lookup_stale(addr);
	if (a + 1 < n && w[1].base <= addr) {
		/* A dense bucket (more regions than the table): halve it. */
		if (table.bucket[k + 1] - a > SHORT_WALK)
			return search_between(a, table.bucket[k + 1], addr);
		do
			w++;
		while (++a + 1 < n && w[1].base <= addr);
	}
	remember(a);
	return addr - w->base < w->size ? w : NULL;
}

#endif /* CONFIG_MEMBLOCK_LOOKUP_INDEX */
