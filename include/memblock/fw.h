/* SPDX-License-Identifier: MIT */
/*
 * memblock/fw.h - firmware memory maps in and out of memblock.
 *
 * Importers turn what firmware hands over (E820, UEFI, multiboot 1/2, a
 * flattened device tree) into memblock calls; exporters describe memblock
 * to a next stage; placement finds room for a next-stage image; explain
 * says what blocks a range. Each part is switched by Kconfig
 * (CONFIG_MEMBLOCK_FW_*); a part switched off costs nothing.
 *
 * Every importer checks its whole input before it changes anything: on any
 * error memblock is left exactly as it was.
 *
 * Errors are negative errno values:
 *   -EINVAL     bad argument, bad magic or version, bad descriptor size or
 *               cell count, a structure that does not parse
 *   -EBADMSG    truncated input, or lengths that contradict each other
 *   -ERANGE     an entry wraps past the end of the address space (its end,
 *               base + size, does not fit in 64 bits). In a 32-bit
 *               phys_addr_t build the importers clip instead: the part of
 *               an entry at or above PHYS_ADDR_MAX is dropped, and an entry
 *               wholly above it is ignored (counted in stats->ignored)
 *   -EEXIST     UEFI descriptors of different types overlap (E820 and
 *               multiboot tables are sanitized instead); FDT memory
 *               ranges of different nodes or hotplug settings overlap
 *   -ENOMEM     memblock cannot hold the result (array full, no growth)
 *   -ENOSPC     an exporter's buffer is too small
 *   -ENOENT     placement found no room; a multiboot 2 structure without
 *               any memory-map tag
 * memblock_fw_strerror() names each.
 */
#ifndef MEMBLOCK_FW_H
#define MEMBLOCK_FW_H

#include <memblock.h>
#include <memblock/ext.h>

#ifndef EBADMSG
#define EBADMSG 74
#endif
#ifndef ERANGE
#define ERANGE 34
#endif
#ifndef EEXIST
#define EEXIST 17
#endif
#ifndef ENOENT
#define ENOENT 2
#endif

#ifdef __cplusplus
extern "C" {
#endif

const char *memblock_fw_strerror(int err);

/**
 * struct memblock_fw_stats - what an import did (optional output)
 * @entries: entries read from the input (FDT: reg tuples, reserved-memory
 *	nodes without reg, disabled nodes, /memreserve/ entries)
 * @ignored: entries skipped on purpose (zero length, types with no meaning
 *	for memblock, disabled or dynamic FDT nodes, entries beyond a 32-bit
 *	phys_addr_t); each is also logged when memblock_debug is set
 * @memory: bytes by which memblock.memory grew
 * @reserved: bytes by which memblock.reserved grew
 *
 * Every importer zeroes it first and fills it only on success.
 */
struct memblock_fw_stats {
	unsigned long entries;
	unsigned long ignored;
	phys_addr_t memory;
	phys_addr_t reserved;
};

/* --- E820 (CONFIG_MEMBLOCK_FW_E820) ---------------------------------------- */

#define MEMBLOCK_E820_TYPE_RAM 1
#define MEMBLOCK_E820_TYPE_RESERVED 2
#define MEMBLOCK_E820_TYPE_ACPI 3
#define MEMBLOCK_E820_TYPE_NVS 4
#define MEMBLOCK_E820_TYPE_UNUSABLE 5
#define MEMBLOCK_E820_TYPE_PMEM 7
#define MEMBLOCK_E820_TYPE_PRAM 12
#define MEMBLOCK_E820_TYPE_SOFT_RESERVED 0xefffffff

int memblock_import_e820(const void *table, size_t nr_entries,
			 size_t entry_size, struct memblock_fw_stats *stats);

/* --- UEFI (CONFIG_MEMBLOCK_FW_EFI) ------------------------------------------ */

/*
 * UEFI memory types and attributes (UEFI spec, EFI_MEMORY_DESCRIPTOR).
 * Prefixed so that they never clash with an embedder's own efi.h.
 */
#define MEMBLOCK_EFI_RESERVED_TYPE 0
#define MEMBLOCK_EFI_LOADER_CODE 1
#define MEMBLOCK_EFI_LOADER_DATA 2
#define MEMBLOCK_EFI_BOOT_SERVICES_CODE 3
#define MEMBLOCK_EFI_BOOT_SERVICES_DATA 4
#define MEMBLOCK_EFI_RUNTIME_SERVICES_CODE 5
#define MEMBLOCK_EFI_RUNTIME_SERVICES_DATA 6
#define MEMBLOCK_EFI_CONVENTIONAL_MEMORY 7
#define MEMBLOCK_EFI_UNUSABLE_MEMORY 8
#define MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY 9
#define MEMBLOCK_EFI_ACPI_MEMORY_NVS 10
#define MEMBLOCK_EFI_MEMORY_MAPPED_IO 11
#define MEMBLOCK_EFI_MEMORY_MAPPED_IO_PORT_SPACE 12
#define MEMBLOCK_EFI_PAL_CODE 13
#define MEMBLOCK_EFI_PERSISTENT_MEMORY 14
#define MEMBLOCK_EFI_UNACCEPTED_MEMORY 15

#define MEMBLOCK_EFI_MEMORY_UC 0x1ULL
#define MEMBLOCK_EFI_MEMORY_WC 0x2ULL
#define MEMBLOCK_EFI_MEMORY_WT 0x4ULL
#define MEMBLOCK_EFI_MEMORY_WB 0x8ULL
#define MEMBLOCK_EFI_MEMORY_UCE 0x10ULL
#define MEMBLOCK_EFI_MEMORY_WP 0x1000ULL
#define MEMBLOCK_EFI_MEMORY_RP 0x2000ULL
#define MEMBLOCK_EFI_MEMORY_XP 0x4000ULL
#define MEMBLOCK_EFI_MEMORY_NV 0x8000ULL
#define MEMBLOCK_EFI_MEMORY_MORE_RELIABLE 0x10000ULL
#define MEMBLOCK_EFI_MEMORY_RO 0x20000ULL
#define MEMBLOCK_EFI_MEMORY_SP 0x40000ULL
#define MEMBLOCK_EFI_MEMORY_RUNTIME 0x8000000000000000ULL

/* Smallest descriptor (version 1); firmware may use a larger stride. */
#define MEMBLOCK_EFI_DESC_MIN_SIZE 40
#define MEMBLOCK_EFI_PAGE_SHIFT 12

int memblock_import_efi(const void *map, size_t map_size, size_t desc_size,
			struct memblock_fw_stats *stats);

/* --- Multiboot (CONFIG_MEMBLOCK_FW_MULTIBOOT) ------------------------------ */

int memblock_import_multiboot1(const void *mmap, size_t mmap_length,
			       struct memblock_fw_stats *stats);
int memblock_import_multiboot2(const void *mbi, size_t max_size,
			       struct memblock_fw_stats *stats);

/* --- Limine boot protocol (CONFIG_MEMBLOCK_FW_LIMINE) ---------------------- */

/* Memory-map entry types of the Limine boot protocol. */
#define MEMBLOCK_LIMINE_USABLE 0
#define MEMBLOCK_LIMINE_RESERVED 1
#define MEMBLOCK_LIMINE_ACPI_RECLAIMABLE 2
#define MEMBLOCK_LIMINE_ACPI_NVS 3
#define MEMBLOCK_LIMINE_BAD_MEMORY 4
#define MEMBLOCK_LIMINE_BOOTLOADER_RECLAIMABLE 5
#define MEMBLOCK_LIMINE_EXECUTABLE_AND_MODULES 6
#define MEMBLOCK_LIMINE_FRAMEBUFFER 7
#define MEMBLOCK_LIMINE_ACPI_TABLES 8	/* reserved-mapped in later revisions */

/**
 * struct memblock_limine_entry - one memory-map entry, laid out as the
 *	protocol's struct limine_memmap_entry
 * @base: first address
 * @length: bytes
 * @type: MEMBLOCK_LIMINE_*
 */
struct memblock_limine_entry {
	uint64_t base;
	uint64_t length;
	uint64_t type;
};

int memblock_import_limine(const struct memblock_limine_entry *const *entries,
			   size_t count, struct memblock_fw_stats *stats);

/* --- Flattened device tree (CONFIG_MEMBLOCK_FW_FDT) ------------------------- */

int memblock_import_fdt(const void *fdt, size_t max_size,
			struct memblock_fw_stats *stats);

/**
 * struct memblock_fdt_dynamic - a /reserved-memory region allocated at boot
 * @name: the node's name in the blob (e.g. "linux,cma"), NUL-terminated
 * @base: where the region was allocated
 * @size: its size
 * @nomap: the node has "no-map": the range is also MEMBLOCK_NOMAP
 * @reusable: the node has "reusable" (its driver may lend the pages out,
 *	as CMA does)
 */
struct memblock_fdt_dynamic {
	const char *name;
	phys_addr_t base;
	phys_addr_t size;
	bool nomap;
	bool reusable;
};

long memblock_fdt_reserve_dynamic(const void *fdt, size_t max_size,
				  struct memblock_fdt_dynamic *out,
				  size_t max_entries);

/* --- Next-stage maps (CONFIG_MEMBLOCK_FW_EXPORT) ----------------------------
 * Every exporter starts from memblock_handoff_map(): memory without
 * MEMBLOCK_DRIVER_MANAGED ranges (a next kernel must never take those for
 * RAM), NOMAP memory and every reservation as RESERVED, the rest as RAM;
 * in whole pages (RAM rounded inward, reservations outward); sorted,
 * disjoint, touching entries of one type joined.
 *
 * One convention for memblock_handoff_map(), the four exporters and
 * memblock_explain_range(), "size query first":
 *   - output NULL: nothing is written; returns what is needed (entries for
 *     the map and the explanation, bytes for the exporters);
 *   - output too small: nothing is written; returns -ENOSPC;
 *   - otherwise: writes and returns the same number.
 * Argument errors (-EINVAL) and unrepresentable entries (-ERANGE) are
 * reported by the size query too, and nothing is ever half-written.
 * Byte buffers need no alignment. Details: docs/export.md and the
 * kernel-doc in src/fw/export.c and src/fw/place.c.
 */

enum memblock_map_type {
	MEMBLOCK_MAP_RAM = 1,		/* usable by the next stage */
	MEMBLOCK_MAP_RESERVED = 2,	/* present but not to be used */
};

/**
 * struct memblock_map_entry - one entry of memblock_handoff_map()
 * @base: first address
 * @size: length in bytes, never 0
 * @type: what the next stage may do with it
 */
struct memblock_map_entry {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_map_type type;
};

long memblock_handoff_map(struct memblock_map_entry *out, size_t max_entries);
long memblock_export_e820(void *buf, size_t buf_size);
long memblock_export_efi(void *buf, size_t buf_size, size_t desc_size);
long memblock_export_multiboot2_mmap(void *buf, size_t buf_size);
long memblock_export_fdt_reg(void *buf, size_t buf_size, int addr_cells,
			     int size_cells);

/* --- Placement and explanation (CONFIG_MEMBLOCK_FW_EXPORT) -----------------
 * memblock_place_image() searches free memory as Linux's kexec_file does
 * (MEMBLOCK_NONE: never DRIVER_MANAGED, never NOMAP, never reserved),
 * whatever memblock.bottom_up and memblock.current_limit say: 0 or -EINVAL,
 * -ENOENT, -ENOMEM. memblock_explain_range() lists what blocks a range.
 */

/**
 * struct memblock_placement - where a next-stage image may go
 * @size: bytes needed
 * @align: alignment, a power of two
 * @min_addr: lowest acceptable address
 * @max_addr: exclusive upper bound; MEMBLOCK_ALLOC_ANYWHERE for none
 * @bottom_up: lowest fit instead of highest
 * @reserve: reserve the range found (MEMBLOCK_RSRV_KERN)
 */
struct memblock_placement {
	phys_addr_t size;
	phys_addr_t align;
	phys_addr_t min_addr;
	phys_addr_t max_addr;
	bool bottom_up;
	bool reserve;
};

int memblock_place_image(const struct memblock_placement *req,
			 phys_addr_t *out_base);

enum memblock_conflict_kind {
	MEMBLOCK_CONFLICT_RESERVED = 1,	/* a reserved region */
	MEMBLOCK_CONFLICT_NOT_MEMORY,	/* no memory region there */
	MEMBLOCK_CONFLICT_NOMAP,	/* memory marked NOMAP */
	MEMBLOCK_CONFLICT_DRIVER_MANAGED, /* memory a driver added */
};

/**
 * struct memblock_conflict - one thing that blocks a range
 * @kind: what it is
 * @base: the whole region's base (RESERVED, NOMAP, DRIVER_MANAGED), or the
 *	start of the uncovered part of the range (NOT_MEMORY)
 * @size: the whole region's size, or the uncovered part's
 * @flags: the region's flags; MEMBLOCK_NONE for NOT_MEMORY
 * @nid: the region's node (0 without CONFIG_NUMA); NUMA_NO_NODE for
 *	NOT_MEMORY
 */
struct memblock_conflict {
	enum memblock_conflict_kind kind;
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
	int nid;
};

long memblock_explain_range(phys_addr_t base, phys_addr_t size,
			    struct memblock_conflict *out, size_t max_entries);

#ifdef __cplusplus
}
#endif

#endif /* MEMBLOCK_FW_H */
