/* SPDX-License-Identifier: MIT */
/*
 * fw_internal.h - helpers shared by the firmware-map importers. Never
 * installed.
 *
 * Every importer is a "walk" over its input that reports each range it
 * finds through mb_fw_emit(). mb_fw_run() calls the walk twice: first a pure
 * check pass, which validates the whole input, counts what the changes will
 * need and makes room in the region arrays; then, only when all of that
 * succeeded, an apply pass that repeats the same walk and makes the memblock
 * calls. A walk must therefore be deterministic and must not depend on
 * memblock's state.
 */
#ifndef MEMBLOCK_FW_INTERNAL_H
#define MEMBLOCK_FW_INTERNAL_H

#include "../internal.h"
#include <memblock/fw.h>

/* --- Byte-wise readers: no unaligned access, no host byte order -------- */

static inline uint32_t fw_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline uint64_t fw_le64(const uint8_t *p)
{
	return (uint64_t)fw_le32(p) | (uint64_t)fw_le32(p + 4) << 32;
}

static inline uint32_t fw_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static inline uint64_t fw_be64(const uint8_t *p)
{
	return (uint64_t)fw_be32(p) << 32 | (uint64_t)fw_be32(p + 4);
}

/* True when [@off, @off + @len) lies inside a buffer of @size bytes. */
static inline bool fw_fits(size_t off, size_t len, size_t size)
{
	return off <= size && len <= size - off;
}

/* --- The import engine (common.c) ----------------------------------------- */

/* What to do with one range; several bits may be combined. */
enum fw_act {
	FW_ACT_MEMORY = 1 << 0,	 /* memory, of the entry's node */
	FW_ACT_NOMAP = 1 << 1,	 /* MEMBLOCK_NOMAP on the memory */
	FW_ACT_MIRROR = 1 << 2,	 /* MEMBLOCK_MIRROR (with mirrored_kernelcore) */
	FW_ACT_HOTPLUG = 1 << 3, /* MEMBLOCK_HOTPLUG on the memory */
	FW_ACT_RESERVE = 1 << 4, /* reserved (no node, no flags) */
};

/*
 * How many pieces of the address space one pass of the sweep settles:
 * the stack holds this many boundaries and states (about 1 KiB on a
 * 64-bit target), and the input is read once per batch and pass.
 */
#ifdef CONFIG_MEMBLOCK_FW_SWEEP_BATCH
#define FW_BATCH CONFIG_MEMBLOCK_FW_SWEEP_BATCH
#else
#define FW_BATCH 32
#endif

/* What a walk is asked for. */
enum fw_mode {
	FW_CHECK,	/* validate everything, count entries */
	FW_EDGES,	/* collect the range edges just above @at */
	FW_STATE,	/* combine the entries over each piece */
};

/**
 * struct fw_piece - what the input says about one piece of the address
 *	space, a span between two consecutive edges
 * @any: some entry covers it
 * @rank: rank of the entries that count (a higher one overrides)
 * @mem: some entry makes it memory
 * @nid: node of the first such entry
 * @marks_all: MEMBLOCK_* flags of every entry (for memory that was there)
 * @marks_late: flags of the first memory entry and the ones after it (a
 *	mark applies only to memory present when it is made)
 * @rsv: some entry reserves it
 */
struct fw_piece {
	bool any;
	bool mem;
	bool rsv;
	uint32_t rank;
	int nid;
	enum memblock_flags marks_all;
	enum memblock_flags marks_late;
};

/**
 * struct fw_ctx - state of one import, and of the walk in progress
 * @mode: what the walk is asked for
 * @name: the format, for log lines
 * @st: entries and ignored entries, counted in the check walk
 * @nb: FW_EDGES, FW_STATE: number of edges in @bound above @bound[0]
 * @bound: @bound[0] is the sweep position; then the nearest edges above
 *	it, ascending; piece i spans [@bound[i], @bound[i + 1])
 * @piece: FW_STATE: what the input says about each piece
 */
struct fw_ctx {
	enum fw_mode mode;
	const char *name;
	struct memblock_fw_stats st;
	unsigned int nb;
	phys_addr_t bound[FW_BATCH + 1];
	struct fw_piece piece[FW_BATCH];
};

typedef int (*fw_walk_fn)(struct fw_ctx *ctx, const void *arg);

/* The walk validates and counts (once), rather than reporting ranges. */
static inline bool mb_fw_checking(const struct fw_ctx *ctx)
{
	return ctx->mode == FW_CHECK;
}

int mb_fw_run(const char *name, fw_walk_fn walk, const void *arg,
	      struct memblock_fw_stats *stats);
void mb_fw_count_entry(struct fw_ctx *ctx);
void mb_fw_ignore(struct fw_ctx *ctx, u64 base, u64 size, const char *why);
int mb_fw_check_range(u64 base, u64 size);
int mb_fw_emit_ranked(struct fw_ctx *ctx, u64 base, u64 size,
		      unsigned int act, int nid, uint32_t rank);

/*
 * Report one range: where ranges overlap, their actions combine in the
 * order they are reported (memory first takes the node; a mark applies to
 * memory present when it is made).
 */
static inline int mb_fw_emit(struct fw_ctx *ctx, u64 base, u64 size,
			     unsigned int act, int nid)
{
	return mb_fw_emit_ranked(ctx, base, size, act, nid, 0);
}

/*
 * One entry of a typed table (E820, multiboot, UEFI), as the overlap check
 * sees it. @skip marks entries that take no part (ignored ones).
 */
struct fw_typed_entry {
	u64 base;
	u64 size;
	uint32_t type;
	bool skip;
};

/*
 * Reads the entry at *@cursor of the table @arg and advances the cursor;
 * returns false after the last entry. Only called on validated tables.
 */
typedef bool (*fw_next_fn)(const void *arg, size_t *cursor,
			   struct fw_typed_entry *e);

int mb_fw_check_overlaps(const void *arg, fw_next_fn next);

/* --- Shared between the UEFI and multiboot 2 importers (efi.c) ---------- */

#if defined(CONFIG_MEMBLOCK_FW_EFI) || defined(CONFIG_MEMBLOCK_FW_MULTIBOOT)
/**
 * struct fw_efi_map - a UEFI memory map in memory
 * @map: the first descriptor
 * @map_size: bytes of descriptors
 * @desc_size: stride between descriptors
 */
struct fw_efi_map {
	const uint8_t *map;
	size_t map_size;
	size_t desc_size;
};

int mb_fw_efi_walk(struct fw_ctx *ctx, const void *arg);
#endif

/* --- Read-only flattened device tree walker (fdt_walk.c) --------------- */

#ifdef CONFIG_MEMBLOCK_FW_FDT
/**
 * struct fdtw - a checked flattened device tree
 * @blob: the header
 * @size: totalsize
 * @struct_off: offset of the structure block in the blob
 * @struct_size: its length
 * @strings_off: offset of the strings block in the blob
 * @strings_size: its length
 * @rsvmap_off: offset of the memory reservation block in the blob
 *
 * Node offsets used by the accessors are offsets of FDT_BEGIN_NODE tokens
 * inside the structure block.
 */
struct fdtw {
	const uint8_t *blob;
	uint32_t size;
	uint32_t struct_off;
	uint32_t struct_size;
	uint32_t strings_off;
	uint32_t strings_size;
	uint32_t rsvmap_off;
};

int mb_fdtw_init(struct fdtw *w, const void *blob, size_t max_size);
int mb_fdtw_root(const struct fdtw *w, uint32_t *node);
int mb_fdtw_first_child(const struct fdtw *w, uint32_t node, uint32_t *child);
int mb_fdtw_next_sibling(const struct fdtw *w, uint32_t node,
			 uint32_t *sibling);
const char *mb_fdtw_name(const struct fdtw *w, uint32_t node);
int mb_fdtw_prop(const struct fdtw *w, uint32_t node, const char *name,
		 const uint8_t **val, uint32_t *len);
int mb_fdtw_prop_u32(const struct fdtw *w, uint32_t node, const char *name,
		     uint32_t dflt, uint32_t *out);
bool mb_fdtw_prop_is(const uint8_t *val, uint32_t len, const char *str);
bool mb_fdtw_name_is(const char *name, const char *base);
bool mb_fdtw_available(const struct fdtw *w, uint32_t node);
u64 mb_fdtw_read_cells(const uint8_t *p, uint32_t cells);
#endif

#endif /* MEMBLOCK_FW_INTERNAL_H */
