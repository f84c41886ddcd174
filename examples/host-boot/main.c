// SPDX-License-Identifier: MIT
/*
 * host-boot - an early boot, played on the host.
 *
 * The steps are the ones a kernel takes with memblock, in order:
 *  1. register the firmware memory map (here: what QEMU's PC firmware
 *     reports for 128 MiB, plus a reserved MMIO window);
 *  2. reserve what is already in use: the kernel image and the first page;
 *  3. a hot-plug driver (think virtio-mem) adds 512 MiB at 4 GiB as
 *     MEMBLOCK_DRIVER_MANAGED: the kernel may see it, never allocate it;
 *  4. allow the region arrays to grow, and allocate early structures
 *     (page tables) top-down and bottom-up;
 *  5. print the memblock dump and the free ranges;
 *  6. prove driver-managed memory is never handed out: allocate until
 *     memory runs out, then give the rest to the page allocator with
 *     memblock_free_all().
 * Exits 0 when every check passes.
 */
#include <stdio.h>
#include <stdlib.h>

#include <memblock.h>
#include <memblock/ext.h>

#include "host_env.h"

#define SZ_4K 0x1000ULL
#define SZ_1M 0x100000ULL
#define SZ_4G 0x100000000ULL

#define KERNEL_BASE (16 * SZ_1M)
#define KERNEL_SIZE (4 * SZ_1M)
#define DRIVER_BASE SZ_4G
#define DRIVER_SIZE (512 * SZ_1M)

static unsigned char host_ram[HOST_RAM_BYTES] __attribute__((aligned(4096)));
static unsigned long handed_pages, handed_driver_pages;
static int failures;

void *host_phys_to_virt(uint64_t pa)
{
	if (pa >= HOST_RAM_BYTES) {
		fprintf(stderr, "host-boot: the library touched %#llx, outside RAM\n",
			(unsigned long long)pa);
		exit(2);
	}
	return host_ram + pa;
}

void host_log_write(const char *s, size_t len)
{
	fwrite(s, 1, len, stdout);
}

uint64_t host_virt_to_phys(const void *va)
{
	return (uint64_t)((const unsigned char *)va - host_ram);
}

void host_free_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	phys_addr_t start = PFN_PHYS(start_pfn);
	phys_addr_t end = PFN_PHYS(start_pfn + nr_pages);

	handed_pages += nr_pages;
	if (start < DRIVER_BASE + DRIVER_SIZE && DRIVER_BASE < end)
		handed_driver_pages += nr_pages;
}

static void check(bool ok, const char *what)
{
	printf("  [%s] %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failures++;
}

static bool in_driver_memory(phys_addr_t base, phys_addr_t size)
{
	return memblock_addrs_overlap(base, size, DRIVER_BASE, DRIVER_SIZE);
}

/* Step 1: the map QEMU's SeaBIOS reports for a 128 MiB PC. */
static void register_firmware_map(void)
{
	memblock_add(0, 0x9fc00);			/* low RAM */
	memblock_reserve(0x9fc00, 0x400);		/* EBDA */
	memblock_reserve(0xf0000, 0x10000);		/* BIOS ROM */
	memblock_add(0x100000, 0x7ee0000);		/* RAM above 1 MiB */
	memblock_reserve(0x7fe0000, 0x20000);		/* ACPI tables */
	memblock_reserve(0xfffc0000, 0x40000);		/* flash */
}

static void print_free_ranges(void)
{
	phys_addr_t start, end;
	u64 i;

	printf("free ranges (memory minus reserved, as allocations see it):\n");
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		/*
		 * As in Linux, two touching reservations that cannot merge
		 * (here the first page, flags 0, and the bottom-up page
		 * tables, RSRV_KERN) leave an empty piece between them.
		 */
		if (start == end)
			continue;
		printf("  [%#014llx-%#014llx] %8llu KiB\n", (unsigned long long)start,
		       (unsigned long long)end - 1,
		       (unsigned long long)(end - start) >> 10);
	}
}

static bool driver_memory_visible_to_for_each_mem_range(void)
{
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &start, &end)
		if (start == DRIVER_BASE && end == DRIVER_BASE + DRIVER_SIZE)
			return true;
	return false;
}

static void allocate_page_tables(void)
{
	void *top[4], *bottom[4];
	int i;

	for (i = 0; i < 4; i++)
		top[i] = memblock_alloc(SZ_4K, SZ_4K);
	memblock_set_bottom_up(true);
	for (i = 0; i < 4; i++)
		bottom[i] = memblock_alloc(SZ_4K, SZ_4K);
	memblock_set_bottom_up(false);

	printf("page tables, top-down:  %#llx %#llx %#llx %#llx\n",
	       (unsigned long long)host_virt_to_phys(top[0]),
	       (unsigned long long)host_virt_to_phys(top[1]),
	       (unsigned long long)host_virt_to_phys(top[2]),
	       (unsigned long long)host_virt_to_phys(top[3]));
	printf("page tables, bottom-up: %#llx %#llx %#llx %#llx\n",
	       (unsigned long long)host_virt_to_phys(bottom[0]),
	       (unsigned long long)host_virt_to_phys(bottom[1]),
	       (unsigned long long)host_virt_to_phys(bottom[2]),
	       (unsigned long long)host_virt_to_phys(bottom[3]));

	check(top[0] && host_virt_to_phys(top[0]) == 0x7fe0000 - SZ_4K,
	      "top-down starts right below the ACPI tables");
	check(bottom[0] && host_virt_to_phys(bottom[0]) == SZ_4K,
	      "bottom-up starts at the second page (the first is never used)");
	check(host_virt_to_phys(top[1]) < host_virt_to_phys(top[0]) &&
	      host_virt_to_phys(bottom[1]) > host_virt_to_phys(bottom[0]),
	      "each direction keeps going its way");
}

static void exhaust_memory(void)
{
	unsigned long blocks = 0, in_driver = 0;
	phys_addr_t pa;

	while ((pa = memblock_phys_alloc(SZ_1M, SZ_1M))) {
		blocks++;
		if (in_driver_memory(pa, SZ_1M))
			in_driver++;
	}
	printf("allocated %lu MiB in 1 MiB blocks until memory ran out\n", blocks);
	check(blocks > 0 && in_driver == 0,
	      "no allocation ever came from driver-managed memory");
	check(memblock_phys_alloc_range(SZ_1M, SZ_1M, DRIVER_BASE,
					DRIVER_BASE + DRIVER_SIZE) == 0,
	      "even a window over driver-managed memory gets nothing");
}

int main(void)
{
	unsigned long pages;

	printf("== libmemblock host-boot: an early boot, played on the host ==\n\n");
	register_firmware_map();
	memblock_reserve(0, SZ_4K);			/* real-mode IVT */
	memblock_reserve_kern(KERNEL_BASE, KERNEL_SIZE);	/* kernel image */
	memblock_add_node(DRIVER_BASE, DRIVER_SIZE, NUMA_NO_NODE,
			  MEMBLOCK_DRIVER_MANAGED);	/* virtio-mem */
	memblock_set_current_limit(HOST_RAM_BYTES);
	memblock_allow_resize();

	allocate_page_tables();
	printf("\n");
	memblock_debug = 1;
	memblock_dump_all();
	memblock_debug = 0;
	printf("\n");
	print_free_ranges();

	printf("\nchecks:\n");
	check(driver_memory_visible_to_for_each_mem_range(),
	      "for_each_mem_range sees the driver-managed memory");
	check(memblock_is_memory(DRIVER_BASE) && !memblock_is_reserved(DRIVER_BASE),
	      "driver-managed memory is memory, and not reserved");
	exhaust_memory();
	pages = memblock_free_all_count();
	printf("  memblock_free_all handed %lu pages to the page allocator\n", pages);
	check(pages == handed_pages && handed_driver_pages == 0,
	      "memblock_free_all never hands over driver-managed pages");
	check(memblock_validate() == 0, "memblock's invariants hold");

	printf("\n%s\n", failures ? "host-boot: FAILED" : "host-boot: PASS");
	return failures ? 1 : 0;
}
