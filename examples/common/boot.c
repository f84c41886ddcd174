// SPDX-License-Identifier: MIT
/*
 * boot.c - the boot story every example kernel tells, on any machine.
 *
 *  1. The firmware's memory map goes into memblock through an importer of
 *     <memblock/fw.h> (the arch part knows which one).
 *  2. Everything already in use is reserved: the kernel image, its stack,
 *     and the data the firmware left for us (multiboot info, device tree).
 *  3. A driver hot-adds memory. Platform code first sets the top of RAM
 *     aside (memblock_remove), the way device memory of virtio-mem is not
 *     in the firmware map; the driver then adds it back with
 *     MEMBLOCK_DRIVER_MANAGED. memblock keeps it in its map but never
 *     allocates from it and never hands it to the page allocator.
 *  4. The region arrays may grow from now on (memblock_allow_resize), and
 *     the kernel allocates its early structures, top-down and bottom-up.
 *  5. The memblock dump, and the memory map a next stage would be given.
 *  6. memblock_free_all() hands every free page to the page-frame
 *     allocator (pfa.c), through the memblock_env_free_pages() hook.
 *  7. The kernel checks its own results, prints PASS or FAIL, and leaves
 *     QEMU with a status that says which.
 */
#include "kernel.h"
#include "pfa.h"

#define SZ_4K ((phys_addr_t)0x1000)
#define SZ_64K ((phys_addr_t)0x10000)
#define SZ_1M ((phys_addr_t)0x100000)
#define SZ_2M ((phys_addr_t)0x200000)

/* What the pretend virtio-mem device brings: 16 MiB, 2 MiB aligned. */
#define DRIVER_SIZE (16 * SZ_1M)
#define DRIVER_ALIGN SZ_2M
#define DRIVER_NID 0		/* node 0: this machine has only one */

#define NR_TABLES 4		/* pretend page tables, allocated top-down */
#define NR_SNAPSHOT 32		/* region copies kept for the checks */
#define NR_MAP 32		/* entries of the next-stage map */

static const struct arch_boot *arch;
static int checks, failures;

/* The driver-managed window, once chosen. */
static phys_addr_t driver_base;

/* Reservations that existed before the kernel allocated anything. */
static struct memblock_region early_rsv[NR_SNAPSHOT];
static unsigned long nr_early_rsv;

/* What memblock_free_all() gave the page allocator. */
static unsigned long handed_pages, handed_wrong;

void boot_raw_map(const void *data, size_t len)
{
#ifdef EXAMPLE_DUMP_MAP
	static const char hex[] = "0123456789abcdef";
	const uint8_t *p = data;

	kprint("RAW-MAP %lu\n", (unsigned long)len);
	for (size_t off = 0; off < len; off += 32) {
		char line[65];
		size_t n = 0;

		for (size_t i = off; i < len && i < off + 32; i++) {
			line[n++] = hex[p[i] >> 4];
			line[n++] = hex[p[i] & 15];
		}
		line[n] = 0;
		kprint("RAW-HEX %s\n", line);
	}
	kprint("RAW-END\n");
#else
	(void)data;
	(void)len;
#endif
}

void expect(bool ok, const char *what)
{
	kprint("  [%s] %s\n", ok ? "ok" : "FAIL", what);
	checks++;
	if (!ok)
		failures++;
}

static unsigned long mib(phys_addr_t bytes)
{
	return (unsigned long)(bytes >> 20);
}

static bool in_driver_memory(phys_addr_t base, phys_addr_t size)
{
	return driver_base &&
	       memblock_addrs_overlap(base, size, driver_base, DRIVER_SIZE);
}

static bool overlaps_early_reservation(phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	for (i = 0; i < nr_early_rsv; i++)
		if (memblock_addrs_overlap(base, size, early_rsv[i].base,
					   early_rsv[i].size))
			return true;
	return false;
}

/* A block the kernel got: in RAM it may touch, clear of what was in use. */
static bool good_block(phys_addr_t base, phys_addr_t size)
{
	return base && memblock_is_region_memory(base, size) &&
	       base + size <= arch->ram_limit && !in_driver_memory(base, size) &&
	       !overlaps_early_reservation(base, size);
}

static void print_regions(const char *prefix, struct memblock_type *type)
{
	struct memblock_region *r;

	for (r = type->regions; r < type->regions + type->cnt; r++) {
		phys_addr_t end = r->base + r->size - 1;

		kprint("  %s %-8s [%pa-%pa] %5lu KiB flags %#x\n", prefix,
		       type->name, &r->base, &end,
		       (unsigned long)(r->size >> 10), (unsigned int)r->flags);
	}
}

/*
 * The memblock_env_free_pages() hook (see the env header of each arch):
 * memblock_free_all() calls it once per free range. A range must be RAM,
 * reserved by no one, and not driver-managed; then the page-frame
 * allocator takes it.
 */
void kernel_free_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	phys_addr_t base = PFN_PHYS(start_pfn), size = PFN_PHYS(nr_pages);

	handed_pages += nr_pages;
	if (!memblock_is_region_memory(base, size) ||
	    memblock_is_region_reserved(base, size) ||
	    in_driver_memory(base, size) || base + size > arch->ram_limit)
		handed_wrong++;
	pfa_add_range(start_pfn, nr_pages);
}

/* Step 1. */
static void import_firmware_map(void)
{
	struct memblock_fw_stats stats = { 0 };
	int err;

	kprint("\n1. The firmware's memory map goes into memblock\n");
	err = arch->import_firmware_map(&stats);
	if (err) {
		kprint("  import failed: %s (%d)\n", memblock_fw_strerror(err), err);
		kernel_panic("no memory map, no kernel\n");
	}
	kprint("  %lu entries read, %lu ignored: %lu MiB of memory, %lu KiB reserved\n",
	       stats.entries, stats.ignored, mib(stats.memory),
	       (unsigned long)(stats.reserved >> 10));
	print_regions("firmware:", &memblock.memory);
	print_regions("firmware:", &memblock.reserved);
}

/* Step 2. */
static void reserve_what_is_in_use(void)
{
	phys_addr_t image = (uintptr_t)arch->image_start;
	phys_addr_t stack = (uintptr_t)arch->stack_start;

	kprint("\n2. Reserve what is in use\n");
	/* _kern: reserved for the kernel itself, as Linux marks its image. */
	memblock_reserve_kern(image, range_size(arch->image_start, arch->image_end));
	memblock_reserve_kern(stack, range_size(arch->stack_start, arch->stack_end));
	arch->reserve_boot_data();
	kprint("  kernel image at %pa, %lu KiB; stack at %pa, %lu KiB\n",
	       &image, (unsigned long)(range_size(arch->image_start, arch->image_end) >> 10),
	       &stack, (unsigned long)(range_size(arch->stack_start, arch->stack_end) >> 10));
}

/*
 * Step 3, first half: the highest DRIVER_ALIGN-aligned window of
 * DRIVER_SIZE bytes that is RAM nobody uses. (A real virtio-mem device
 * brings memory of its own; QEMU's plain machines have none, so the
 * example takes it from the top of RAM.)
 */
static phys_addr_t pick_driver_window(void)
{
	phys_addr_t start, end, base;
	u64 i;

	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE,
					&start, &end, NULL) {
		if (end > arch->ram_limit)
			end = arch->ram_limit;
		if (end < DRIVER_SIZE + DRIVER_ALIGN)
			continue;
		base = (end & ~(DRIVER_ALIGN - 1)) - DRIVER_SIZE;
		if (base >= start)
			return base;
	}
	return 0;
}

static void hot_add_driver_memory(void)
{
	phys_addr_t end;

	kprint("\n3. A driver hot-adds memory\n");
	driver_base = pick_driver_window();
	if (!driver_base)
		kernel_panic("no room for the driver-managed window\n");
	end = driver_base + DRIVER_SIZE - 1;

	/* Platform code: this memory belongs to a device, not to the kernel. */
	memblock_remove(driver_base, DRIVER_SIZE);
	kprint("  set aside [%pa-%pa] (memblock_remove)\n", &driver_base, &end);

	/* The driver probes and adds it back, as memory it manages itself. */
	memblock_add_node(driver_base, DRIVER_SIZE, DRIVER_NID,
			  MEMBLOCK_DRIVER_MANAGED);
	kprint("  the driver adds it back: memblock_add_node(..., MEMBLOCK_DRIVER_MANAGED)\n");
}

/* Step 4. */
static void allocate_early_structures(void)
{
	phys_addr_t top[NR_TABLES], bottom, logbuf, end;
	void *p;
	bool all_good = true, descending = true;
	int i;

	kprint("\n4. Early allocations\n");
	/* Remember what was in use before, to check the allocations against. */
	nr_early_rsv = memblock.reserved.cnt < NR_SNAPSHOT ?
		       memblock.reserved.cnt : NR_SNAPSHOT;
	memcpy(early_rsv, memblock.reserved.regions,
	       nr_early_rsv * sizeof(early_rsv[0]));

	/*
	 * Until now memblock lived in its static arrays. From here on it may
	 * double them with memory it allocates for itself.
	 */
	memblock_allow_resize();
	memblock_set_current_limit(arch->ram_limit);

	/* Top-down, the default: page tables end up high in RAM. */
	for (i = 0; i < NR_TABLES; i++) {
		p = memblock_alloc(SZ_4K, SZ_4K);
		top[i] = p ? memblock_env_virt_to_phys(p) : 0;
		all_good &= good_block(top[i], SZ_4K);
		if (i)
			descending &= top[i] < top[i - 1];
		kprint("  top-down:  page table %d at %pa\n", i, &top[i]);
	}

	/* Bottom-up: low memory first, e.g. for what must sit low. */
	memblock_set_bottom_up(true);
	p = memblock_alloc(SZ_4K, SZ_4K);
	bottom = p ? memblock_env_virt_to_phys(p) : 0;
	p = memblock_alloc(SZ_64K, SZ_4K);
	logbuf = p ? memblock_env_virt_to_phys(p) : 0;
	memblock_set_bottom_up(false);
	kprint("  bottom-up: per-cpu page  at %pa\n", &bottom);
	kprint("  bottom-up: 64 KiB log    at %pa\n", &logbuf);
	all_good &= good_block(bottom, SZ_4K) && good_block(logbuf, SZ_64K);

	expect(all_good, "allocations are in RAM, below the limit, clear of "
	       "earlier reservations and driver memory");
	expect(descending && bottom < logbuf && logbuf < top[NR_TABLES - 1],
	       "top-down goes down from high memory, bottom-up up from low memory");
	expect(memblock_phys_alloc_range(SZ_1M, SZ_4K, driver_base,
					 driver_base + DRIVER_SIZE) == 0,
	       "even a window over driver-managed memory gets nothing");
	end = driver_base + DRIVER_SIZE - 1;
	kprint("  (driver-managed memory [%pa-%pa] stays untouched)\n",
	       &driver_base, &end);
}

/* Step 5, second half: what a next stage (another kernel, say) would get. */
static void print_handoff_map(void)
{
	static struct memblock_map_entry map[NR_MAP];
	phys_addr_t image = (uintptr_t)arch->image_start;
	bool driver_absent = true, image_reserved = false;
	long n, i;

	kprint("\n5b. The memory map for a next stage (memblock_handoff_map)\n");
	n = memblock_handoff_map(map, NR_MAP);
	if (n < 0) {
		kprint("  memblock_handoff_map: %s\n", memblock_fw_strerror((int)n));
		expect(false, "the next-stage map fits");
		return;
	}
	for (i = 0; i < n; i++) {
		phys_addr_t end = map[i].base + map[i].size - 1;

		kprint("  map [%pa-%pa] %s\n", &map[i].base, &end,
		       map[i].type == MEMBLOCK_MAP_RAM ? "RAM" : "reserved");
		if (in_driver_memory(map[i].base, map[i].size))
			driver_absent = false;
		if (map[i].type == MEMBLOCK_MAP_RESERVED && map[i].base <= image &&
		    image < map[i].base + map[i].size)
			image_reserved = true;
	}
	expect(driver_absent, "driver-managed memory is absent from the next-stage map");
	expect(image_reserved, "the kernel image is reserved in the next-stage map");
}

/* Free pages memblock_free_all() should find, counted independently. */
static unsigned long count_free_pages(void)
{
	phys_addr_t start, end;
	unsigned long pages = 0;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				NULL)
		if (PFN_DOWN(end) > PFN_UP(start))
			pages += PFN_DOWN(end) - PFN_UP(start);
	return pages;
}

/* Step 6. */
static void hand_over_to_page_allocator(void)
{
	unsigned long expected, pages, before;
	phys_addr_t pa[3];
	bool good = true;
	int i;

	kprint("\n6. memblock_free_all(): free memory goes to the page-frame allocator\n");
	expected = count_free_pages();
	pages = memblock_free_all_count();
	kprint("  %lu pages (%lu MiB) in %lu ranges; the free ranges held %lu whole pages\n",
	       pages, pages >> (20 - PAGE_SHIFT), pfa_ranges_added(), expected);
	expect(pages == expected && handed_pages == pages &&
	       pfa_free_pages() == pages,
	       "page counts agree: free ranges, memblock_free_all, the hook, the allocator");
	expect(pages > 0 && handed_wrong == 0,
	       "every page handed over is RAM, unreserved and not driver-managed");

	/* The page allocator works: take three pages, use them, give them back. */
	before = pfa_free_pages();
	for (i = 0; i < 3; i++) {
		pa[i] = pfa_alloc_page();
		good &= pa[i] && memblock_is_region_memory(pa[i], SZ_4K) &&
			!memblock_is_region_reserved(pa[i], SZ_4K) &&
			!in_driver_memory(pa[i], SZ_4K);
		if (pa[i])
			memset(memblock_env_phys_to_virt(pa[i]), 0xa5, SZ_4K);
		kprint("  pfa: page at %pa\n", &pa[i]);
	}
	for (i = 0; i < 3; i++)
		if (pa[i])
			pfa_free_page(pa[i]);
	expect(good && pfa_free_pages() == before,
	       "the page-frame allocator hands out free RAM and takes it back");
}

_Noreturn void boot_story(const struct arch_boot *a)
{
	arch = a;
	kprint("\n== libmemblock example kernel: %s ==\n", arch->name);

	/* memblock=debug, as Linux calls it: log every memblock call. */
	memblock_debug = 1;

	import_firmware_map();
	reserve_what_is_in_use();
	hot_add_driver_memory();
	allocate_early_structures();

	kprint("\n5. The memblock dump (memblock_dump_all)\n");
	memblock_dump_all();
	memblock_debug = 0;
	print_handoff_map();

	hand_over_to_page_allocator();

	kprint("\n7. Checks\n");
	expect(memblock.memory.cnt > 0 && memblock_is_region_memory(
		(uintptr_t)arch->image_start,
		range_size(arch->image_start, arch->image_end)),
	       "the kernel image lies in memory the firmware reported");
	expect(memblock_is_region_reserved((uintptr_t)arch->image_start,
					   range_size(arch->image_start, arch->image_end)) &&
	       memblock_is_region_reserved((uintptr_t)arch->stack_start,
					   range_size(arch->stack_start, arch->stack_end)),
	       "the kernel image and its stack are reserved");
	expect(memblock_is_memory(driver_base) &&
	       !memblock_is_reserved(driver_base),
	       "driver-managed memory is memory, and nobody reserved it");
	if (arch->check_machine)
		arch->check_machine();
	expect(memblock_validate() == 0, "memblock_validate(): memblock's invariants hold");

	if (failures) {
		kprint("\nFAIL: %d of %d checks failed\n", failures, checks);
		arch_exit(false);
	}
	kprint("\n%d checks passed\nPASS\n", checks);
	arch_exit(true);
}
