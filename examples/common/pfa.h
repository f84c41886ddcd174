/* SPDX-License-Identifier: MIT */
/*
 * pfa.h - a tiny page-frame allocator, the one that takes over from
 * memblock at the end of early boot.
 *
 * memblock_free_all() gives it every free page through the environment
 * hook memblock_env_free_pages(), which each example's env header maps to
 * pfa_add_range(). From then on pages come from here, not from memblock.
 */
#ifndef EXAMPLE_PFA_H
#define EXAMPLE_PFA_H

#include <memblock.h>

/* Take @nr_pages free pages starting at page frame @start_pfn. */
void pfa_add_range(unsigned long start_pfn, unsigned long nr_pages);

/* One free page, or 0 when none is left. */
phys_addr_t pfa_alloc_page(void);

/* Give back a page that pfa_alloc_page() returned. */
void pfa_free_page(phys_addr_t pa);

/* Pages currently free. */
unsigned long pfa_free_pages(void);

/* Calls of pfa_add_range() so far (one per free range of memblock). */
unsigned long pfa_ranges_added(void);

#endif /* EXAMPLE_PFA_H */
