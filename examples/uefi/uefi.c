// SPDX-License-Identifier: MIT
/*
 * uefi.c - the example kernel as a UEFI application (x86_64, OVMF).
 *
 * The firmware loads the PE/COFF image somewhere in RAM and calls
 * efi_main() in 64-bit long mode, paging on (an identity map), on a stack
 * of its own, with the Microsoft x64 calling convention. The application
 * asks the firmware for its memory map, leaves boot services (the map key
 * must be the one of the last GetMemoryMap(): any allocation in between
 * makes it stale, and the UEFI specification asks the caller to fetch the
 * map again and retry), and from then on owns the machine: what boot
 * services used is free, except what the application still stands on:
 * its image, the firmware's stack it runs on, and the page tables CR3
 * points at, which OVMF built in boot-services memory (and which map the
 * code of OVMF's drivers read-only: see efi_main()).
 *
 * Written from the UEFI specification; only the few tables used here are
 * declared. The target is LLP64: unsigned long is 32 bits, so addresses
 * are printed with %pa or %llx.
 */
#include "kernel.h"

#define EFIAPI __attribute__((ms_abi))
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

/* --- The serial port and leaving QEMU (as the x86 example) ----------------- */

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
	return memblock_import_efi(map, map_size, desc_size, stats);
}

/*
 * The page tables CR3 points at (4 levels; large pages end a walk): OVMF
 * built them in boot-services memory, which the map calls free.
 */
static unsigned long reserve_page_tables(void)
{
	uintptr_t cr3;
	unsigned long pages = 0;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	cr3 &= ~(uintptr_t)0xfff;
	memblock_reserve(cr3, 0x1000);
	pages++;
	for (int i = 0; i < 512; i++) {
		const uint64_t e4 = ((const uint64_t *)cr3)[i];
		uintptr_t pdpt = e4 & 0x000ffffffffff000ULL;

		if (!(e4 & 1))
			continue;
		memblock_reserve(pdpt, 0x1000);
		pages++;
		for (int j = 0; j < 512; j++) {
			const uint64_t e3 = ((const uint64_t *)pdpt)[j];
			uintptr_t pd = e3 & 0x000ffffffffff000ULL;

			if (!(e3 & 1) || (e3 & 0x80))
				continue;
			memblock_reserve(pd, 0x1000);
			pages++;
			for (int k = 0; k < 512; k++) {
				const uint64_t e2 = ((const uint64_t *)pd)[k];

				if (!(e2 & 1) || (e2 & 0x80))
					continue;
				memblock_reserve(e2 & 0x000ffffffffff000ULL, 0x1000);
				pages++;
			}
		}
	}
	return pages;
}

static void reserve_uefi_data(void)
{
	unsigned long tables = reserve_page_tables();

	kprint("  image at %p (%llu KiB), firmware stack below %p, %lu page-table pages\n",
	       (void *)image_base, (unsigned long long)(image_size >> 10),
	       (void *)stack_top, tables);
}

static void check_uefi(void)
{
	uintptr_t cr3;

	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	expect(memblock_is_reserved(cr3 & ~(uintptr_t)0xfff),
	       "the page tables CR3 points at are reserved");
	expect(map_size / desc_size > 100 && desc_size == 48,
	       "OVMF's map: more than 100 descriptors of 48 bytes");
}

static struct arch_boot ovmf = {
	.name = "x86_64, UEFI application under OVMF",
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

	/*
	 * From here on the machine is ours: no more firmware calls. OVMF's
	 * page tables map the code of the drivers it loaded read-only, and
	 * that memory is free now: a kernel builds its own page tables; this
	 * example just lets supervisor writes through (CR0.WP off).
	 */
	__asm__ volatile("mov %%cr0, %%rax\n\t"
			 "and $~0x10000, %%rax\n\t"
			 "mov %%rax, %%cr0" : : : "rax", "memory");
	ovmf.image_start = image_base;
	ovmf.image_end = image_base + image_size;
	ovmf.stack_start = (const char *)(stack_top - STACK_BELOW);
	ovmf.stack_end = (const char *)stack_top;
	kprint("UEFI: %llu descriptors of %llu bytes\n",
	       (unsigned long long)(map_size / desc_size),
	       (unsigned long long)desc_size);
	boot_story(&ovmf);
}
