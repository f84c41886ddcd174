// SPDX-License-Identifier: MIT
/*
 * linux_api.c - a program written only against Linux's memblock API.
 *
 * It includes nothing but <memblock.h>, uses only names that exist in
 * Linux's include/linux/memblock.h (iterator macros, memblock.memory.regions,
 * flag names and values, the allocation API), and is built exactly as an
 * embedder would: cc -std=c11 -Iinclude linux_api.c build/libmemblock.a.
 * Like Linux's own user-space memblock tests, it uses a buffer of its own
 * as "physical" memory under the default identity phys_to_virt().
 *
 * Every expected value below is what Linux's memblock answers. The page
 * hand-off calls link without a page allocator: on a host the library's
 * weak default of memblock_env_free_pages() drops the pages.
 */
#include <stdio.h>
#include <string.h>

#include <memblock.h>

_Static_assert(MEMBLOCK_NONE == 0x0, "flag value");
_Static_assert(MEMBLOCK_HOTPLUG == 0x1, "flag value");
_Static_assert(MEMBLOCK_MIRROR == 0x2, "flag value");
_Static_assert(MEMBLOCK_NOMAP == 0x4, "flag value");
_Static_assert(MEMBLOCK_DRIVER_MANAGED == 0x8, "flag value");
_Static_assert(MEMBLOCK_RSRV_NOINIT == 0x10, "flag value");
_Static_assert(MEMBLOCK_RSRV_KERN == 0x20, "flag value");
_Static_assert(MEMBLOCK_KHO_SCRATCH == 0x40, "flag value");
_Static_assert(MEMBLOCK_RSRV_HUGETLB == 0x80, "flag value");
/* Linux's signatures of the hand-off calls. */
_Static_assert(__builtin_types_compatible_p(__typeof__(memblock_free_all),
					    void(void)), "void memblock_free_all(void)");
_Static_assert(__builtin_types_compatible_p(__typeof__(free_reserved_area),
					    unsigned long(void *, void *, int,
							  const char *)),
	       "free_reserved_area signature");
_Static_assert(MEMBLOCK_ALLOC_ACCESSIBLE == 0, "limit value");
_Static_assert(MEMBLOCK_ALLOC_NOLEAKTRACE == 1, "limit value");
_Static_assert(MEMBLOCK_ALLOC_ANYWHERE == (phys_addr_t)~0ULL, "limit value");
_Static_assert(NUMA_NO_NODE == -1, "node value");

#define SZ_4K 0x1000
#define SZ_64K 0x10000
#define ARENA (1u << 20)

static unsigned char arena[ARENA] __attribute__((aligned(SZ_64K)));
static int passed, failed;

static void expect(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL: %s\n", what);
	}
}

int main(void)
{
	const phys_addr_t base = (phys_addr_t)(uintptr_t)arena;
	struct memblock_region *region;
	phys_addr_t start, end, pa;
	unsigned int n;
	void *p;
	u64 i;

	/* The whole arena is memory; its last 64K is a driver's memory. */
	memblock_add(base, ARENA - SZ_64K);
	memblock_add_node(base + ARENA - SZ_64K, SZ_64K, 0,
			  MEMBLOCK_DRIVER_MANAGED);
	memblock_reserve(base, SZ_4K);

	expect(memblock.memory.cnt == 2, "two memory regions (flags differ)");
	expect(memblock.memory.regions[1].flags == MEMBLOCK_DRIVER_MANAGED,
	       "regions[1] is driver-managed");
	expect(memblock_phys_mem_size() == ARENA, "memory size");
	expect(memblock_start_of_DRAM() == base, "start of DRAM");
	expect(memblock_end_of_DRAM() == base + ARENA, "end of DRAM");

	n = 0;
	for_each_mem_range(i, &start, &end)
		n++;
	expect(n == 2, "for_each_mem_range sees driver-managed memory");

	n = 0;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				NULL) {
		expect(start == base + SZ_4K && end == base + ARENA - SZ_64K,
		       "the only free range skips the reservation and the driver");
		n++;
	}
	expect(n == 1, "one free range");

	n = 0;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_DRIVER_MANAGED,
				&start, &end, NULL)
		n++;
	expect(n == 2, "asking for driver-managed memory lists it too");

	/* Top-down: the highest fit below the driver-managed memory. */
	pa = memblock_phys_alloc(SZ_4K, SZ_4K);
	expect(pa == base + ARENA - SZ_64K - SZ_4K, "top-down phys_alloc");
	expect(memblock.reserved.regions[memblock.reserved.cnt - 1].flags ==
		       MEMBLOCK_RSRV_KERN,
	       "allocations are recorded MEMBLOCK_RSRV_KERN");

	memblock_set_bottom_up(true);
	p = memblock_alloc(100, 64);
	expect(p == arena + SZ_4K, "bottom-up alloc right after the reservation");
	expect(p && ((unsigned char *)p)[0] == 0 && ((unsigned char *)p)[99] == 0,
	       "memblock_alloc zeroes");
	memblock_set_bottom_up(false);

	n = 0;
	for_each_reserved_mem_region(region)
		n++;
	expect(n == 3, "three reservations: plain, bottom-up, top-down");
	expect(memblock_is_reserved(base) && !memblock_is_reserved(base + SZ_64K),
	       "is_reserved");
	expect(memblock_reserved_kern_size(MEMBLOCK_ALLOC_ANYWHERE,
					   NUMA_NO_NODE) == SZ_4K + 100,
	       "reserved_kern_size counts allocations only");

	memblock_free(p, 100);
	expect(!memblock_is_region_reserved(base + SZ_4K, 100), "memblock_free");

	expect(memblock_phys_alloc_range(SZ_4K, SZ_4K, base + ARENA - SZ_64K,
					 base + ARENA) == 0,
	       "no allocation from driver-managed memory, even when asked for its window");

	/* The page-frame bounds are memblock's globals, set by the architecture. */
	max_pfn = PFN_DOWN(base + ARENA);
	max_low_pfn = max_pfn;
	min_low_pfn = PFN_UP(base);
	max_possible_pfn = max_pfn;
	expect(max_pfn - min_low_pfn == ARENA / PAGE_SIZE, "pfn globals");

	/* A boot-time huge page: aligned to its size, counted apart. */
	p = memblock_alloc_hugetlb(SZ_64K, NUMA_NO_NODE, false);
	expect(p && ((uintptr_t)p & (SZ_64K - 1)) == 0,
	       "hugetlb block aligned to its size");
	expect(memblock_is_region_reserved((phys_addr_t)(uintptr_t)p, SZ_64K),
	       "hugetlb block reserved");
	expect(memblock_reserved_hugetlb_size(MEMBLOCK_ALLOC_ANYWHERE,
					      NUMA_NO_NODE) == SZ_64K,
	       "reserved_hugetlb_size");
	n = 0;
	for_each_reserved_mem_region(region)
		if (region->flags == (MEMBLOCK_RSRV_KERN | MEMBLOCK_RSRV_HUGETLB))
			n++;
	expect(n == 1, "hugetlb reservation flags RSRV_KERN | RSRV_HUGETLB");

	/* No reserve_mem= was given: no name is known. */
	expect(reserve_mem_find_by_name("trace", &start, &end) == 0,
	       "reserve_mem_find_by_name of an unknown name");
	expect(reserve_mem_release_by_name("trace") == 0,
	       "reserve_mem_release_by_name of an unknown name");

	/* Late freeing: the whole pages of an area, nothing else. */
	expect(free_reserved_area(arena + 100, arena + 3 * SZ_4K, -1, NULL) == 2,
	       "free_reserved_area gives the whole pages");
	memblock_free_all();
	expect(memblock_is_memory(base) && memblock_is_reserved(base),
	       "memblock_free_all leaves memblock's tables readable");

	printf("linux-api: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
