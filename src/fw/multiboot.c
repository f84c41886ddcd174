// SPDX-License-Identifier: MIT
/*
 * multiboot.c - import the memory maps of multiboot 1 and multiboot 2.
 *
 * Multiboot 1: the block at mmap_addr, mmap_length bytes long, of entries
 * { u32 size; u64 base_addr; u64 length; u32 type; }, each followed by the
 * next at size + 4 bytes.
 *
 * Multiboot 2: the boot information (u32 total_size, u32 reserved, then
 * 8-byte aligned tags { u32 type; u32 size; ... } up to the end tag, type
 * 0). The memory-map tag (6) holds { u32 entry_size; u32 entry_version; }
 * and entries { u64 base_addr; u64 length; u32 type; u32 reserved; }; the
 * EFI memory-map tag (17) holds { u32 descr_size; u32 descr_vers; } and
 * UEFI descriptors. When both exist, the EFI map is used.
 *
 * Everything is little-endian; entries are read byte-wise.
 */
#include <memblock/config.h>

#ifdef CONFIG_MEMBLOCK_FW_MULTIBOOT

#include "fw_internal.h"

#define MB_TYPE_AVAILABLE 1
#define MB1_ENTRY_MIN 20	/* size field excluded */
#define MB2_TAG_END 0
#define MB2_TAG_MMAP 6
#define MB2_TAG_EFI_MMAP 17
#define MB2_HEADER 8
#define MB2_TAG_HEADER 8
#define MB2_MMAP_HEADER 16	/* type, size, entry_size, entry_version */
#define MB2_EFI_HEADER 16	/* type, size, descr_size, descr_vers */
#define MB2_ENTRY_MIN 24

/*
 * A table of { u64 base; u64 length; uint32_t type; } entries: fixed @stride
 * (multiboot 2), or @stride 0 for multiboot 1, where each entry starts with
 * a uint32_t size that does not count itself.
 */
struct mb_table {
	const uint8_t *p;
	size_t len;
	size_t stride;
};

static bool mb_next(const void *arg, size_t *cursor, struct fw_typed_entry *e)
{
	const struct mb_table *t = arg;
	const uint8_t *q;

	if (*cursor >= t->len)
		return false;
	if (t->stride) {
		q = t->p + *cursor;
		*cursor += t->stride;
	} else {
		q = t->p + *cursor + 4;
		*cursor += 4 + (size_t)fw_le32(t->p + *cursor);
	}
	e->base = fw_le64(q);
	e->size = fw_le64(q + 8);
	e->type = fw_le32(q + 16);
	e->skip = false;
	return true;
}

/* Available RAM is memory; ACPI, NVS, bad and unknown types are reserved. */
static unsigned int mb_action(uint32_t type)
{
	return type == MB_TYPE_AVAILABLE ? FW_ACT_MEMORY : FW_ACT_RESERVE;
}

static int mb_table_walk(struct fw_ctx *ctx, const void *arg)
{
	struct fw_typed_entry e;
	size_t cursor = 0;
	int err;

	while (mb_next(arg, &cursor, &e)) {
		mb_fw_count_entry(ctx);
		if (mb_fw_check_range(e.base, e.size))
			return -ERANGE;
		/* The types are E820's, and so is the rule where entries
		 * overlap: the largest type wins. */
		err = mb_fw_emit_ranked(ctx, e.base, e.size,
					mb_action(e.type), MAX_NUMNODES,
					e.type);
		if (err)
			return err;
	}
	return 0;
}

/* Multiboot 1: every entry must be whole and at least 20 bytes. */
static int mb1_check_layout(const struct mb_table *t)
{
	size_t off = 0;

	while (off < t->len) {
		uint32_t size;

		if (!fw_fits(off, 4, t->len))
			return -EBADMSG;
		size = fw_le32(t->p + off);
		if (size < MB1_ENTRY_MIN)
			return -EINVAL;
		if (!fw_fits(off + 4, size, t->len))
			return -EBADMSG;
		off += 4 + (size_t)size;
	}
	return 0;
}

/**
 * memblock_import_multiboot1 - add a multiboot 1 memory map to memblock
 * @mmap: the block at multiboot_info.mmap_addr (any alignment)
 * @mmap_length: multiboot_info.mmap_length; 0 imports nothing
 * @stats: optional output; zeroed first, filled on success
 *
 * Type 1 (available) is added as memory; 3 (ACPI), 4 (preserve on
 * hibernation), 5 (defective) and any other type are reserved but not
 * memory. Zero-length entries are ignored. Where entries overlap, the
 * largest type wins, as for E820 (these are E820 types). In a 32-bit
 * phys_addr_t build the part of an entry above PHYS_ADDR_MAX is dropped.
 *
 * The whole block is checked before memblock changes.
 *
 * Context: early boot, single-threaded, before memblock_discard().
 *
 * Return: 0; -EINVAL for a NULL @mmap with a length or an entry whose size
 * field is below 20; -EBADMSG when the last entry runs past @mmap_length;
 * -ERANGE for an entry that wraps past 2^64; -ENOMEM when the region
 * arrays cannot hold the result. On error memblock is unchanged (with -ENOMEM after growth was
 * allowed, only the arrays may have grown).
 */
int memblock_import_multiboot1(const void *mmap, size_t mmap_length,
			       struct memblock_fw_stats *stats)
{
	const struct mb_table t = { .p = mmap, .len = mmap_length };
	int err;

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));
	if (!mmap_length)
		return 0;
	if (!mmap)
		return -EINVAL;
	err = mb1_check_layout(&t);
	if (err)
		return err;
	return mb_fw_run("multiboot1", mb_table_walk, &t, stats);
}

/* What the tag walk found, and which map the import uses. */
struct mb2_plan {
	bool has_mmap;
	bool has_efi;
	struct mb_table mmap;
	struct fw_efi_map efi;
};

static int mb2_walk(struct fw_ctx *ctx, const void *arg)
{
	const struct mb2_plan *plan = arg;

	if (plan->has_efi)
		return mb_fw_efi_walk(ctx, &plan->efi);
	return mb_table_walk(ctx, &plan->mmap);
}

/* The memory-map tag at @tag, @size bytes: whole entries of >= 24 bytes. */
static int mb2_parse_mmap(const uint8_t *tag, uint32_t size,
			  struct mb2_plan *plan)
{
	size_t entry_size, off;

	if (size < MB2_MMAP_HEADER)
		return -EBADMSG;
	entry_size = fw_le32(tag + 8);
	if (entry_size < MB2_ENTRY_MIN)
		return -EINVAL;
	plan->mmap.p = tag + MB2_MMAP_HEADER;
	plan->mmap.len = size - MB2_MMAP_HEADER;
	plan->mmap.stride = entry_size;
	for (off = 0; off < plan->mmap.len; off += entry_size)
		if (!fw_fits(off, entry_size, plan->mmap.len))
			return -EBADMSG;
	plan->has_mmap = true;
	return 0;
}

/* The EFI memory-map tag; the descriptors are checked by mb_fw_efi_walk(). */
static int mb2_parse_efi(const uint8_t *tag, uint32_t size,
			 struct mb2_plan *plan)
{
	if (size < MB2_EFI_HEADER)
		return -EBADMSG;
	plan->efi.desc_size = fw_le32(tag + 8);
	plan->efi.map = tag + MB2_EFI_HEADER;
	plan->efi.map_size = size - MB2_EFI_HEADER;
	if (plan->efi.desc_size < MEMBLOCK_EFI_DESC_MIN_SIZE)
		return -EINVAL;
	plan->has_efi = true;
	return 0;
}

/* Walk the tags up to the end tag, checking every size against the total. */
static int mb2_parse(const uint8_t *mbi, size_t max_size, struct mb2_plan *plan)
{
	u64 off = MB2_HEADER;
	uint32_t total;
	int err = 0;

	if (max_size < MB2_HEADER)
		return -EBADMSG;
	total = fw_le32(mbi);
	if (total > max_size || total < MB2_HEADER + MB2_TAG_HEADER)
		return -EBADMSG;

	for (;;) {
		const uint8_t *tag;
		uint32_t type, size;

		/*
		 * Offsets first: the step past the last tag may land beyond
		 * the buffer, and no pointer is formed until the header of
		 * the tag is known to lie inside it.
		 */
		if (off > total || !fw_fits((size_t)off, MB2_TAG_HEADER, total))
			return -EBADMSG;	/* no end tag */
		tag = mbi + off;
		type = fw_le32(tag);
		size = fw_le32(tag + 4);
		if (size < MB2_TAG_HEADER || !fw_fits((size_t)off, size, total))
			return -EBADMSG;
		if (type == MB2_TAG_END)
			return 0;
		if (type == MB2_TAG_MMAP) {
			if (plan->has_mmap)
				return -EINVAL;
			err = mb2_parse_mmap(tag, size, plan);
		} else if (type == MB2_TAG_EFI_MMAP) {
			if (plan->has_efi)
				return -EINVAL;
			err = mb2_parse_efi(tag, size, plan);
		}
		if (err)
			return err;
		off = (off + size + 7) & ~(u64)7;
	}
}

/**
 * memblock_import_multiboot2 - add the memory map of a multiboot 2 boot
 *	information structure to memblock
 * @mbi: the boot information (what EBX points to at entry; any alignment)
 * @max_size: bytes readable at @mbi; total_size must not exceed it
 * @stats: optional output; zeroed first, filled on success
 *
 * Every tag is walked and its size checked against total_size. The EFI
 * memory-map tag (17) wins over the memory-map tag (6) when both are
 * present: it is the firmware's own map and tells runtime-services and
 * mirrored memory apart; its descriptors are imported as by
 * memblock_import_efi(). Otherwise the entries of tag 6 are imported as by
 * memblock_import_multiboot1() (1 is memory, every other type reserved).
 * The tag that loses is only checked for its framing.
 *
 * The whole structure is checked before memblock changes.
 *
 * Context: early boot, single-threaded, before memblock_discard().
 *
 * Return: 0; -EINVAL for a NULL @mbi, a repeated memory-map tag, an
 * entry_size below 24 or a descr_size below 40; -EBADMSG for a
 * total_size above @max_size, a tag running past total_size, a missing end
 * tag or a map that is not a whole number of entries; -ENOENT when there is
 * no memory-map tag at all; -ERANGE, -ENOMEM as for the other importers,
 * -EEXIST for overlapping descriptors of different types in an EFI map. On error memblock is unchanged (with -ENOMEM after growth was
 * allowed, only the arrays may have grown).
 */
int memblock_import_multiboot2(const void *mbi, size_t max_size,
			       struct memblock_fw_stats *stats)
{
	struct mb2_plan plan = { .has_mmap = false };
	int err;

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));
	if (!mbi)
		return -EINVAL;
	err = mb2_parse(mbi, max_size, &plan);
	if (err)
		return err;
	if (!plan.has_mmap && !plan.has_efi)
		return -ENOENT;
	return mb_fw_run(plan.has_efi ? "multiboot2-efi" : "multiboot2",
			 mb2_walk, &plan, stats);
}

#endif /* CONFIG_MEMBLOCK_FW_MULTIBOOT */
