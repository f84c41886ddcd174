// SPDX-License-Identifier: MIT
/*
 * free_area.c - giving a reserved area back late: free_reserved_area().
 *
 * An archive member of its own: a program that never calls it links none
 * of it.
 */
#include "internal.h"

/* Fill the page at frame @pfn with @byte through the direct map. */
static void poison_page(unsigned long pfn, int byte)
{
	void *va = memblock_env_phys_to_virt((phys_addr_t)pfn << PAGE_SHIFT);

	memblock_env_memset(va, byte, PAGE_SIZE);
}

/**
 * free_reserved_area - give the whole pages of a reserved area to the page allocator
 * @start: first byte of the area (virtual, translated with
 *	memblock_env_virt_to_phys())
 * @end: one past its last byte
 * @poison: a byte to fill each page with first, or any value outside
 *	0..0xff (e.g. -1) to leave the pages as they are
 * @s: what the area held, for the log line; NULL logs nothing
 *
 * The physical range runs from the translation of @start to one past the
 * translation of @end - 1. The whole pages inside it go to
 * memblock_env_free_pages() in one call; a partial page at either end
 * stays where it is. With CONFIG_ARCH_KEEP_MEMBLOCK the range also leaves
 * memblock.reserved, so that later walks see it free. An empty or
 * inverted area does nothing.
 *
 * Context: after the page allocator has taken over (it receives pages).
 * Return: the number of pages handed over.
 */
unsigned long free_reserved_area(void *start, void *end, int poison,
				 const char *s)
{
	phys_addr_t lo, last;
	unsigned long first, stop, pfn;

	if ((uintptr_t)end <= (uintptr_t)start)
		return 0;
	lo = memblock_env_virt_to_phys(start);
	last = memblock_env_virt_to_phys((char *)end - 1);
	if (last < lo)
		return 0;
#ifdef CONFIG_ARCH_KEEP_MEMBLOCK
	memblock_phys_free(lo, last - lo + 1);
#endif
	first = mb_pfn_ceil(lo);
	/* One past @last without wrapping: the page holding @last counts
	 * only if @last is its final byte. */
	stop = mb_pfn_floor(last) + ((last & (PAGE_SIZE - 1)) == PAGE_SIZE - 1);
	if (first >= stop)
		return 0;
	if ((unsigned int)poison <= 0xff)
		for (pfn = first; pfn < stop; pfn++)
			poison_page(pfn, poison);
	memblock_env_free_pages(first, stop - first);
	if (s)
		memblock_printk("memblock: %s: %lu KiB back to the page allocator\n",
				s, (stop - first) << (PAGE_SHIFT - 10));
	return stop - first;
}
