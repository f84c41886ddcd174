// SPDX-License-Identifier: MIT
/*
 * main.c - kmain(): tinykern's early boot. The board's RAM goes into
 * memblock, then what is already in use is reserved; memblock allocates
 * the first kernel data structures (here: two pages and one per node);
 * at the end memblock_free_all() hands the rest to the page allocator.
 * Each step is checked; PASS at the end means all checks held.
 */
#include <kernel/kernel.h>
#include <kernel/mm.h>
#include <memblock.h>
#include <memblock/ext.h>

static unsigned int failures;

static void check(bool ok, const char *what)
{
	pr_info("  [%s] %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failures++;
}

static phys_addr_t page_down(phys_addr_t addr)
{
	return addr & ~(phys_addr_t)(PAGE_SIZE - 1);
}

static phys_addr_t page_up(phys_addr_t addr)
{
	return page_down(addr + PAGE_SIZE - 1);
}

static void add_memory(void)
{
	unsigned int i;

	for (i = 0; i < board.nr_ram; i++) {
		const struct board_range *r = &board.ram[i];
		const phys_addr_t last = r->base + r->size - 1;
		int err;

#ifdef CONFIG_NUMA
		pr_info("memory:   [%pa-%pa] node %d, %s\n", &r->base, &last,
			r->nid, r->name);
		err = memblock_add_node(r->base, r->size, r->nid, MEMBLOCK_NONE);
#else
		pr_info("memory:   [%pa-%pa] %s\n", &r->base, &last, r->name);
		err = memblock_add(r->base, r->size);
#endif
		if (err)
			panic("cannot add memory to memblock\n");
	}
}

static void reserve(phys_addr_t base, phys_addr_t size, const char *name)
{
	const phys_addr_t last = base + size - 1;

	pr_info("reserved: [%pa-%pa] %s\n", &base, &last, name);
	if (memblock_reserve(base, size))
		panic("cannot reserve memory in memblock\n");
}

#ifdef CONFIG_NUMA
static int node_of(phys_addr_t addr)
{
	unsigned long start_pfn, end_pfn;

	return memblock_search_pfn_nid(PFN_DOWN(addr), &start_pfn, &end_pfn);
}
#endif

_Noreturn void kmain(void)
{
	phys_addr_t start, end, last, lowest = 0, highest = 0, lo, hi;
	phys_addr_t free_bytes = 0;
	unsigned long free_pages = 0;
	unsigned int i;
	void *va;
	int nid;
	u64 it;

	pr_info("%s: %s\n", CONFIG_KERNEL_NAME, board.name);
#ifdef CONFIG_NUMA
	pr_info("NUMA: up to %d nodes (CONFIG_NODES_SHIFT=%d)\n", MAX_NUMNODES,
		CONFIG_NODES_SHIFT);
#endif

	add_memory();
	for (i = 0; i < board.nr_reserved; i++)
		reserve(board.reserved[i].base, board.reserved[i].size,
			board.reserved[i].name);
	reserve(__pa(_text), (phys_addr_t)(_end - _text),
		"kernel image, bss and stack");

	/* Where free memory starts and ends, before the first allocation. */
	for_each_free_mem_range(it, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				NULL) {
		if (!highest)
			lowest = start;
		highest = end;
	}

	/* Top-down (the default), virtual: the highest free page. */
	va = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	hi = __pa(va);
	pr_info("memblock_alloc:      %pa (top-down)\n", &hi);
	check(va && hi == page_down(highest - PAGE_SIZE),
	      "top-down allocation takes the highest free page");

	/* Bottom-up, physical: the lowest free page. */
	memblock_set_bottom_up(true);
	lo = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	memblock_set_bottom_up(false);
	pr_info("memblock_phys_alloc: %pa (bottom-up)\n", &lo);
	check(lo && lo == page_up(lowest),
	      "bottom-up allocation takes the lowest free page");
	check(memblock_is_reserved(lo) && memblock_is_reserved(hi),
	      "both pages are reserved now");

#ifdef CONFIG_NUMA
	/* Top-down on node 0: the end of node 0, not of all memory. */
	va = memblock_alloc_node(PAGE_SIZE, PAGE_SIZE, 0);
	check(va && node_of(__pa(va)) == 0 && __pa(va) < hi,
	      "memblock_alloc_node(0) takes a page of node 0");
#endif

	memblock_phys_free(lo, PAGE_SIZE);
	check(!memblock_is_reserved(lo), "memblock_phys_free() gives it back");

	pr_info("free memory:\n");
	for_each_free_mem_range(it, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				&nid) {
		last = end - 1;
#ifdef CONFIG_NUMA
		pr_info("  [%pa-%pa] node %d\n", &start, &last, nid);
#else
		pr_info("  [%pa-%pa]\n", &start, &last);
#endif
		free_bytes += end - start;
		if (PFN_DOWN(end) > PFN_UP(start))
			free_pages += PFN_DOWN(end) - PFN_UP(start);
	}
	check(free_bytes == memblock_phys_mem_size() - memblock_reserved_size(),
	      "free memory = memory - reserved");

	/* What Linux prints when booted with memblock=debug. */
	memblock_debug = 1;
	memblock_dump_all();
	memblock_debug = 0;

	memblock_free_all();
	pr_info("memblock_free_all: %lu pages to the page allocator\n",
		nr_free_pages());
	check(nr_free_pages() == free_pages,
	      "the page allocator has every free page");
	lo = alloc_page();
	check(lo && memblock_is_memory(lo) && !memblock_is_reserved(lo),
	      "its first page is memory memblock left free");

	if (failures)
		panic("a check failed\n");
	pr_info("PASS\n");
	board_exit(true);
}
