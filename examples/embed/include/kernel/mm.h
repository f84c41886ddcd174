/* SPDX-License-Identifier: MIT */
/*
 * mm.h - pages, addresses and the page allocator.
 */
#ifndef KERNEL_MM_H
#define KERNEL_MM_H

#include <kernel/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)

/*
 * Where physical memory appears in the virtual address space. tinykern
 * runs on physical addresses (the MMU is off on arm64, and x86_64 maps
 * the first GiB one to one), so the offset is 0; a kernel with a linear
 * map puts its base here and memblock's pointers follow (memblock_env.h).
 */
#define PAGE_OFFSET 0UL
#define __va(pa) ((void *)((uintptr_t)(pa) + PAGE_OFFSET))
#define __pa(va) ((phys_addr_t)((uintptr_t)(va) - PAGE_OFFSET))

/*
 * The page allocator (kernel/page_alloc.c). memblock_free_all() hands it
 * every free page through free_boot_pages(), a range at a time.
 */
void free_boot_pages(unsigned long start_pfn, unsigned long nr_pages);
unsigned long nr_free_pages(void);
/* One free page, or 0 when there is none. */
phys_addr_t alloc_page(void);

#endif /* KERNEL_MM_H */
