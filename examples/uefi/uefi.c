// SPDX-License-Identifier: MIT
/*
 * uefi.c - the example kernel as a UEFI application (x86_64 under OVMF,
 * arm64 under AAVMF; one source).
 *
 * The firmware loads the PE/COFF image somewhere in RAM and calls
 * efi_main() with paging on (an identity map), on a stack of its own
 * (x86_64: long mode, the Microsoft x64 calling convention; arm64: EL1 or
 * EL2, AAPCS64). The application
 * asks the firmware for its memory map, leaves boot services (the map key
 * must be the one of the last GetMemoryMap(): any allocation in between
 * makes it stale, and the UEFI specification asks the caller to fetch the
 * map again and retry), and from then on owns the machine: what boot
 * services used is free, except what the application still stands on:
 * its image, the firmware's stack it runs on, and the page tables the CPU
 * walks, which the firmware built in boot-services memory (and which map
 * the code of its drivers read-only: see allow_writes()).
 *
 * Written from the UEFI specification; only the few tables used here are
 * declared. The target is LLP64: unsigned long is 32 bits, so addresses
 * are printed with %pa or %llx.
 */
#include "kernel.h"

#if defined(__x86_64__)
#define EFIAPI __attribute__((ms_abi))
#else
#define EFIAPI
#endif
#define EFI_SUCCESS 0
#define EFI_BUFFER_TOO_SMALL 0x8000000000000005ULL

typedef uint64_t efi_status;

struct efi_guid {
	uint32_t a;
	uint16_t b, c;
	uint8_t d[8];
};

struct efi_table_header {
	uint64_t signature;
	uint32_t revision, header_size, crc32, reserved;
};

/* EFI_BOOT_SERVICES, up to ExitBootServices (slot 26 after the header). */
struct efi_boot_services {
	struct efi_table_header hdr;
	void *raise_tpl, *restore_tpl, *allocate_pages, *free_pages;
	efi_status(EFIAPI *get_memory_map)(uint64_t *size, void *map,
					   uint64_t *key, uint64_t *desc_size,
					   uint32_t *desc_version);
	void *allocate_pool, *free_pool, *create_event, *set_timer;
	void *wait_for_event, *signal_event, *close_event, *check_event;
	void *install_protocol, *reinstall_protocol, *uninstall_protocol;
	efi_status(EFIAPI *handle_protocol)(void *handle,
					    const struct efi_guid *guid,
					    void **interface);
	void *reserved, *register_protocol_notify, *locate_handle;
	void *locate_device_path, *install_configuration_table;
	void *load_image, *start_image, *exit, *unload_image;
	efi_status(EFIAPI *exit_boot_services)(void *image, uint64_t key);
};

struct efi_system_table {
	struct efi_table_header hdr;
	void *vendor;
	uint32_t vendor_revision;
	void *con_in_handle, *con_in, *con_out_handle, *con_out;
	void *stderr_handle, *std_err, *runtime;
	struct efi_boot_services *boot;
};

/* EFI_LOADED_IMAGE_PROTOCOL: where the firmware put this application. */
struct efi_loaded_image {
	uint32_t revision;
	void *parent, *system_table, *device, *file_path, *reserved;
	uint32_t load_options_size;
	void *load_options;
	void *image_base;
	uint64_t image_size;
	uint32_t code_type, data_type;
	void *unload;
};

static const struct efi_guid loaded_image_guid = {
	0x5b1b31a1, 0x9562, 0x11d2,
	{ 0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b }
};

/* --- The machine: console, exit, page tables ---------------------------------- */

#if defined(__x86_64__)

#define MACHINE "x86_64, UEFI application under OVMF"

/* COM1, and QEMU's isa-debug-exit, as the x86 example. */
#define COM1 0x3f8

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

void arch_putc(char c)
{
	while (!(inb(COM1 + 5) & 0x20))
		;
	outb(COM1, (uint8_t)c);
}

_Noreturn void arch_exit(bool pass)
{
	/* isa-debug-exit: QEMU exits with 33 (pass) or 3 (fail). */
	__asm__ volatile("outl %0, %1" : : "a"((uint32_t)(pass ? 0x10 : 0x01)),
			 "Nd"((uint16_t)0xf4));
	for (;;)
		__asm__ volatile("cli; hlt");
}

/*
 * The top-level page table, how many levels of tables there are (4-level
 * paging), and how many entries the top one has.
 */
static uintptr_t page_table_root(unsigned int *levels, unsigned int *entries)
{
	uintptr_t cr3;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	*levels = 4;
	*entries = 512;
	return cr3 & ~(uintptr_t)0xfff;
}

/* Entries that point to a further table: present, and not a large page. */
static bool is_table(uint64_t e, unsigned int level)
{
	return (e & 1) && level > 1 && !(e & 0x80);
}

/*
 * OVMF's page tables map the code of the drivers it loaded read-only, and
 * that memory is free now: a kernel builds its own page tables; this
 * example just lets supervisor writes through (CR0.WP off).
 */
static void allow_writes(void)
{
	__asm__ volatile("mov %%cr0, %%rax\n\t"
			 "and $~0x10000, %%rax\n\t"
			 "mov %%rax, %%cr0" : : : "rax", "memory");
}

#elif defined(__aarch64__)

#define MACHINE "arm64, UEFI application under AAVMF"

/* The PL011 UART and semihosting exit, as the arm64 example. */
#define PL011_BASE 0x09000000UL

void arch_putc(char c)
{
	while (*(volatile uint32_t *)(PL011_BASE + 0x18) & (1u << 5))
		;
	*(volatile uint32_t *)PL011_BASE = (unsigned char)c;
}

_Noreturn void arch_exit(bool pass)
{
	static uint64_t block[2];
	register uint64_t x0 __asm__("x0") = 0x18;	/* SYS_EXIT */
	register uint64_t x1 __asm__("x1") = (uintptr_t)block;

	block[0] = 0x20026;	/* ADP_Stopped_ApplicationExit */
	block[1] = pass ? 0 : 1;
	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	for (;;)
		__asm__ volatile("wfe");
}

/*
 * TTBR0_EL1 with a 4 KiB granule: the walk starts where TCR.T0SZ says,
 * and the top table holds only the entries the address size needs.
 */
static uintptr_t page_table_root(unsigned int *levels, unsigned int *entries)
{
	uint64_t ttbr, tcr;
	unsigned int va_bits;

	__asm__ volatile("mrs %0, ttbr0_el1" : "=r"(ttbr));
	__asm__ volatile("mrs %0, tcr_el1" : "=r"(tcr));
	va_bits = 64 - (unsigned int)(tcr & 0x3f);
	*levels = va_bits > 39 ? 4 : va_bits > 30 ? 3 : 2;
	*entries = 1u << (va_bits - 12 - 9 * (*levels - 1));
	return ttbr & 0x0000fffffffff000ULL;
}

static bool is_table(uint64_t e, unsigned int level)
{
	return level > 1 && (e & 3) == 3;
}

/* Clear AP[2] (read-only) in every leaf descriptor, then flush the TLB. */
static void writable(uintptr_t table, unsigned int level, unsigned int entries)
{
	for (unsigned int i = 0; i < entries; i++) {
		uint64_t *e = &((uint64_t *)table)[i];

		if (!(*e & 1))
			continue;
		if (is_table(*e, level))
			writable(*e & 0x0000fffffffff000ULL, level - 1, 512);
		else
			*e &= ~(uint64_t)0x80;
	}
}

/*
 * AAVMF's page tables map the code of the drivers it loaded read-only,
 * and that memory is free now: this example makes every mapping writable.
 */
static void allow_writes(void)
{
	unsigned int levels, entries;
	uintptr_t root = page_table_root(&levels, &entries);

	writable(root, levels, entries);
	__asm__ volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb" : : : "memory");
}

#else
#error "the UEFI example is for x86_64 and aarch64"
#endif

/* Reserve every page of the page tables in use, from @table down. */
static unsigned long reserve_tables(uintptr_t table, unsigned int level,
				    unsigned int entries)
{
	unsigned long pages = 1;

	memblock_reserve(table, 0x1000);
	for (unsigned int i = 0; i < entries; i++) {
		const uint64_t e = ((const uint64_t *)table)[i];

		if (is_table(e, level))
			pages += reserve_tables(e & 0x0000fffffffff000ULL,
						level - 1, 512);
	}
	return pages;
}

/* --- The memory map -------------------------------------------------------- */

static uint8_t map[64 * 1024];
static uint64_t map_size, desc_size;
static const char *image_base;
static uint64_t image_size;
static uintptr_t stack_top;

/* The stack the firmware gave: what this application can still use of it. */
#define STACK_BELOW (64 * 1024)

static int import_uefi_map(struct memblock_fw_stats *stats)
{
	boot_raw_map(map, map_size);
	return memblock_import_efi(map, map_size, desc_size, stats);
}

/*
 * The page tables the CPU walks (large pages end a walk): the firmware
 * built them in boot-services memory, which the map calls free.
 */
static void reserve_uefi_data(void)
{
	unsigned int levels, entries;
	const uintptr_t root = page_table_root(&levels, &entries);
	unsigned long tables = reserve_tables(root, levels, entries);

	kprint("  image at %p (%llu KiB), firmware stack below %p, %lu page-table pages\n",
	       (void *)image_base, (unsigned long long)(image_size >> 10),
	       (void *)stack_top, tables);
}

static void check_uefi(void)
{
	unsigned int levels, entries;

	expect(memblock_is_reserved(page_table_root(&levels, &entries)),
	       "the page tables the CPU walks are reserved");
	expect(map_size / desc_size > 20 && desc_size >= 40,
	       "the firmware's map: more than 20 descriptors");
}

static struct arch_boot uefi = {
	.name = MACHINE,
	.import_firmware_map = import_uefi_map,
	.reserve_boot_data = reserve_uefi_data,
	.check_machine = check_uefi,
	.ram_limit = MEMBLOCK_ALLOC_ANYWHERE,
};

/* GetMemoryMap, then ExitBootServices with that key; again if it went stale. */
static efi_status leave_boot_services(void *image, struct efi_system_table *st)
{
	efi_status s = 0;
	uint64_t key;
	uint32_t version;

	for (int tries = 0; tries < 4; tries++) {
		map_size = sizeof(map);
		s = st->boot->get_memory_map(&map_size, map, &key, &desc_size,
					     &version);
		if (s)
			return s;
		s = st->boot->exit_boot_services(image, key);
		if (!s)
			return 0;
	}
	return s;
}

EFIAPI efi_status efi_main(void *image, struct efi_system_table *st);

EFIAPI efi_status efi_main(void *image, struct efi_system_table *st)
{
	struct efi_loaded_image *li;
	char here;
	efi_status s;

	stack_top = ((uintptr_t)&here + 0x1000) & ~(uintptr_t)0xfff;
	s = st->boot->handle_protocol(image, &loaded_image_guid, (void **)&li);
	if (s)
		return s;
	image_base = li->image_base;
	image_size = li->image_size;
	s = leave_boot_services(image, st);
	if (s)
		return s;

	/* From here on the machine is ours: no more firmware calls. */
	allow_writes();
	uefi.image_start = image_base;
	uefi.image_end = image_base + image_size;
	uefi.stack_start = (const char *)(stack_top - STACK_BELOW);
	uefi.stack_end = (const char *)stack_top;
	kprint("UEFI: %llu descriptors of %llu bytes\n",
	       (unsigned long long)(map_size / desc_size),
	       (unsigned long long)desc_size);
	boot_story(&uefi);
}
