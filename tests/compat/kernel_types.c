// SPDX-License-Identifier: MIT
/*
 * kernel_types.c - libmemblock built into a "kernel" that brings its own
 * u64, phys_addr_t, PAGE_SIZE and NUMA_NO_NODE (tests/compat/kernel_env.h).
 * Checks that the library uses them: 16 KiB pages decide placement and
 * the page hand-off; the kernel's own movable_node_enabled decides what
 * allocations skip.
 */
#include <stdio.h>

#include <memblock.h>
#include <memblock/ext.h>

_Static_assert(sizeof(phys_addr_t) == sizeof(void *), "the kernel's phys_addr_t");
_Static_assert(PAGE_SIZE == 16384, "the kernel's PAGE_SIZE");

static unsigned long handed;
static int failed;

/* The kernel's own boot switches: the library's weak ones give way. */
bool movable_node_enabled = true;
bool mirrored_kernelcore;
/* And its own page-frame bounds, which memblock also defines weakly. */
unsigned long max_low_pfn = 0x1234;
unsigned long min_low_pfn;
unsigned long max_pfn = 0x5678;
unsigned long long max_possible_pfn;

void kern_console_write(const char *s, size_t len)
{
	fwrite(s, 1, len, stdout);
}

void kern_free_pages(unsigned long pfn, unsigned long nr)
{
	(void)pfn;
	handed += nr;
}

static void expect(int ok, const char *what)
{
	printf("  [%s] %s\n", ok ? "ok" : "FAIL", what);
	failed += !ok;
}

int main(void)
{
	phys_addr_t pa;

	memblock_add(0x100000000, 0x100000);		/* 1 MiB at 4 GiB */
	memblock_reserve(0x100000000, 0x1000);		/* 4 KiB at its start */
	memblock_set_bottom_up(true);
	pa = memblock_phys_alloc(0x1000, 0);		/* align 0: cache line */
	expect(pa == 0x100001000, "bottom-up allocation right after the reservation");
	expect(memblock_free_all_count() == 0x100000 / PAGE_SIZE - 1,
	       "memblock_free_all counts 16 KiB pages (the first one is used)");
	expect(handed == 0x100000 / PAGE_SIZE - 1, "the kernel's page allocator got them");
	/* movable_node is on in this kernel: hot-pluggable memory is skipped. */
	memblock_add_node(0x200000000, 0x100000, 0, MEMBLOCK_HOTPLUG);
	memblock_set_bottom_up(false);
	pa = memblock_phys_alloc_range(0x1000, 0x1000, 0x200000000, 0x200100000);
	expect(pa == 0, "the kernel's movable_node_enabled is the one memblock reads");
	printf("kernel-types: %d passed, %d failed\n", 4 - failed, failed);
	return failed != 0;
}
