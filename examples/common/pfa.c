// SPDX-License-Identifier: MIT
/*
 * pfa.c - a tiny page-frame allocator.
 *
 * Free memory keeps its own books: the first page of every run of free
 * pages holds a struct free_run saying how long the run is and where the
 * next run starts. So the allocator needs no memory of its own, which is
 * just as well: after memblock_free_all() there is no allocator left to
 * ask for any.
 *
 * Allocation takes the last page of the first run (the header stays put
 * until the run is down to its header page, which goes last); freeing
 * pushes a run of one page. That is all a kernel needs until it builds a
 * real buddy allocator on top.
 *
 * The examples run with the MMU off, so a physical address is also the
 * pointer to it; memblock_env_phys_to_virt() says so in one place.
 */
#include "pfa.h"

struct free_run {
	unsigned long nr_pages;	/* pages in this run, header page included */
	struct free_run *next;
};

static struct free_run *free_list;
static unsigned long nr_free, nr_ranges;

static struct free_run *run_at(unsigned long pfn)
{
	return memblock_env_phys_to_virt(PFN_PHYS(pfn));
}

void pfa_add_range(unsigned long start_pfn, unsigned long nr_pages)
{
	struct free_run *run;

	if (!nr_pages)
		return;
	run = run_at(start_pfn);
	run->nr_pages = nr_pages;
	run->next = free_list;
	free_list = run;
	nr_free += nr_pages;
	nr_ranges++;
}

phys_addr_t pfa_alloc_page(void)
{
	struct free_run *run = free_list;
	phys_addr_t pa;

	if (!run)
		return 0;
	run->nr_pages--;
	pa = memblock_env_virt_to_phys(run) + PFN_PHYS(run->nr_pages);
	if (!run->nr_pages)
		free_list = run->next;	/* the header page itself went out */
	nr_free--;
	return pa;
}

void pfa_free_page(phys_addr_t pa)
{
	struct free_run *run = run_at(PHYS_PFN(pa));

	run->nr_pages = 1;
	run->next = free_list;
	free_list = run;
	nr_free++;
}

unsigned long pfa_free_pages(void)
{
	return nr_free;
}

unsigned long pfa_ranges_added(void)
{
	return nr_ranges;
}
