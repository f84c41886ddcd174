// SPDX-License-Identifier: MIT
/*
 * page_alloc.c - the page allocator memblock hands over to.
 *
 * A real kernel builds struct pages and buddy lists here. tinykern keeps
 * the free memory as a short list of spans of page frames and hands out
 * one page at a time from the last span: enough to show that the pages
 * memblock_free_all() passes on are really free.
 */
#include <kernel/kernel.h>
#include <kernel/mm.h>

#define MAX_SPANS 32

struct span {
	unsigned long pfn;	/* first page frame */
	unsigned long nr;	/* pages */
};

static struct span spans[MAX_SPANS];
static unsigned int nr_spans;
static unsigned long free_pages;

/* memblock_env_free_pages() of memblock_env.h. */
void free_boot_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	struct span *last = nr_spans ? &spans[nr_spans - 1] : NULL;

	if (last && last->pfn + last->nr == start_pfn) {
		last->nr += nr_pages;	/* memblock goes upwards: merge */
	} else {
		if (nr_spans == MAX_SPANS)
			panic("page_alloc: too many free spans\n");
		spans[nr_spans].pfn = start_pfn;
		spans[nr_spans].nr = nr_pages;
		nr_spans++;
	}
	free_pages += nr_pages;
}

unsigned long nr_free_pages(void)
{
	return free_pages;
}

phys_addr_t alloc_page(void)
{
	struct span *last;

	if (!nr_spans)
		return 0;
	last = &spans[nr_spans - 1];
	last->nr--;
	free_pages--;
	if (!last->nr)
		nr_spans--;
	return (phys_addr_t)(last->pfn + last->nr) << PAGE_SHIFT;
}
