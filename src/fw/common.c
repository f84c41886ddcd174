// SPDX-License-Identifier: MIT
/*
 * common.c - what the firmware-map importers share: error names, range
 * checks, and the two-pass engine that validates a whole input before it
 * changes memblock.
 */
#include <memblock/config.h>

#if defined(CONFIG_MEMBLOCK_FW_E820) || defined(CONFIG_MEMBLOCK_FW_EFI) ||   \
	defined(CONFIG_MEMBLOCK_FW_MULTIBOOT) ||                             \
	defined(CONFIG_MEMBLOCK_FW_FDT) || defined(CONFIG_MEMBLOCK_FW_EXPORT)

#include "fw_internal.h"

/**
 * memblock_fw_strerror - name an error of the firmware-map functions
 * @err: a return value of a memblock_import_*(), memblock_export_*(),
 *	placement or explanation function (negative errno; the sign is
 *	ignored)
 *
 * Context: any; no side effects.
 *
 * Return: a constant string, never NULL ("unknown error" for codes these
 * functions do not return).
 */
const char *memblock_fw_strerror(int err)
{
	if (err > 0)
		err = -err;
	switch (err) {
	case 0:
		return "success";
	case -EINVAL:
		return "invalid argument, magic, version, size or cell count";
	case -EBADMSG:
		return "truncated input or contradicting lengths";
	case -ERANGE:
		return "entry wraps past the end of the address space";
	case -EEXIST:
		return "entries of different types overlap";
	case -ENOMEM:
		return "memblock cannot hold the result";
	case -ENOSPC:
		return "output buffer too small";
	case -ENOENT:
		return "not found (no room, or no memory map)";
	default:
		return "unknown error";
	}
}

#if defined(CONFIG_MEMBLOCK_FW_E820) || defined(CONFIG_MEMBLOCK_FW_EFI) ||   \
	defined(CONFIG_MEMBLOCK_FW_MULTIBOOT) || defined(CONFIG_MEMBLOCK_FW_FDT)

/* Count one entry of the input (check pass only). */
void mb_fw_count_entry(struct fw_ctx *ctx)
{
	if (!ctx->apply)
		ctx->st.entries++;
}

/* Skip an entry on purpose: counted and logged once, in the check pass. */
void mb_fw_ignore(struct fw_ctx *ctx, u64 base, u64 size, const char *why)
{
	if (ctx->apply)
		return;
	ctx->st.ignored++;
	mb_trace("memblock: %s: ignored [%#llx+%#llx]: %s\n", ctx->name,
		     (unsigned long long)base, (unsigned long long)size, why);
}

/*
 * A firmware range must end at an address a u64 can hold: base + size
 * neither wraps nor reaches 2^64 (Linux treats that as overflow too).
 */
int mb_fw_check_range(u64 base, u64 size)
{
	return size > ~(u64)0 - base ? -ERANGE : 0;
}

static void widen(phys_addr_t *lo, phys_addr_t *hi, phys_addr_t base,
		  phys_addr_t end)
{
	if (base < *lo)
		*lo = base;
	if (end > *hi)
		*hi = end;
}

/* Check pass: count what applying the range will need. */
static void account(struct fw_ctx *ctx, phys_addr_t base, phys_addr_t size,
		    unsigned int act)
{
	/* Each change can start a region at its base and at its end. */
	if (act & FW_ACT_MEMORY) {
		ctx->mem_points += 2;
		widen(&ctx->mem_lo, &ctx->mem_hi, base, base + size);
	}
	if (act & FW_ACT_HOTPLUG)
		ctx->mem_points += 2;
	if (act & FW_ACT_MIRROR)
		ctx->mem_points += 2;
	if (act & FW_ACT_NOMAP)
		ctx->mem_points += 2;
	if (act & FW_ACT_RESERVE) {
		ctx->rsv_points += 2;
		widen(&ctx->rsv_lo, &ctx->rsv_hi, base, base + size);
	}
}

/* Apply pass: the memblock calls, memory before its attributes. */
static int apply(phys_addr_t base, phys_addr_t size, unsigned int act,
		 int nid)
{
	int err = 0;

	if (act & FW_ACT_MEMORY)
		err = memblock_add_node(base, size, nid, MEMBLOCK_NONE);
	if (!err && (act & FW_ACT_HOTPLUG))
		err = memblock_mark_hotplug(base, size);
	if (!err && (act & FW_ACT_MIRROR))
		err = memblock_mark_mirror(base, size);
	if (!err && (act & FW_ACT_NOMAP))
		err = memblock_mark_nomap(base, size);
	if (!err && (act & FW_ACT_RESERVE))
		err = memblock_reserve(base, size);
	return err;
}

/**
 * mb_fw_emit - report one range of a firmware map
 * @ctx: the import
 * @base: first address, as the firmware gives it
 * @size: length in bytes, as the firmware gives it
 * @act: &enum fw_act bits
 * @nid: node for FW_ACT_MEMORY (MAX_NUMNODES when unknown)
 *
 * Zero-length ranges are ignored. In a 32-bit phys_addr_t build the part
 * at or above PHYS_ADDR_MAX is dropped (clipped; wholly above: ignored).
 *
 * Return: 0; -ERANGE when the range wraps; -EINVAL for a node that cannot
 * be stored; in the apply pass, whatever memblock returns.
 */
int mb_fw_emit(struct fw_ctx *ctx, u64 base, u64 size, unsigned int act,
	       int nid)
{
	int err;

	if (!size) {
		mb_fw_ignore(ctx, base, size, "zero length");
		return 0;
	}
	err = mb_fw_check_range(base, size);
	if (err)
		return err;
	if ((act & FW_ACT_MEMORY) && (nid < NUMA_NO_NODE || nid > MAX_NUMNODES))
		return -EINVAL;
	if (base >= (u64)PHYS_ADDR_MAX) {
		mb_fw_ignore(ctx, base, size, "beyond phys_addr_t");
		return 0;
	}
	if (size > (u64)PHYS_ADDR_MAX - base) {
		if (!ctx->apply)
			mb_trace("memblock: %s: [%#llx+%#llx] clipped\n",
				     ctx->name, (unsigned long long)base,
				     (unsigned long long)size);
		size = (u64)PHYS_ADDR_MAX - base;
	}
	if (!act)
		return 0;
	if (!ctx->apply) {
		account(ctx, (phys_addr_t)base, (phys_addr_t)size, act);
		return 0;
	}
	return apply((phys_addr_t)base, (phys_addr_t)size, act, nid);
}

/**
 * mb_fw_check_overlaps - refuse entries of different types that overlap
 * @arg: the table, passed to @next
 * @next: reads one entry and advances a cursor
 *
 * Quadratic, without any storage of its own. Only for tables whose every
 * range passed mb_fw_check_range().
 *
 * Return: 0, or -EEXIST at the first overlap of two types.
 */
int mb_fw_check_overlaps(const void *arg, fw_next_fn next)
{
	struct fw_typed_entry a, b;
	size_t ci = 0, cj;

	while (next(arg, &ci, &a)) {
		if (a.skip || !a.size)
			continue;
		cj = ci;
		while (next(arg, &cj, &b)) {
			if (b.skip || !b.size || b.type == a.type)
				continue;
			if (a.base < b.base + b.size &&
			    b.base < a.base + a.size)
				return -EEXIST;
		}
	}
	return 0;
}

/*
 * Free slots @type needs: every new region starts at a point the import
 * brings (counted in @points) or at the end of an existing region that an
 * added range covers; the core's isolation wants two slots of slack.
 */
static unsigned long slots_needed(const struct memblock_type *type,
				  unsigned long points, phys_addr_t lo,
				  phys_addr_t hi)
{
	unsigned long i, inside = 0;

	if (!points)
		return 0;
	for (i = 0; i < type->cnt; i++) {
		const phys_addr_t end = mb_region_end(&type->regions[i]);

		if (type->regions[i].size && end > lo && end < hi)
			inside++;
	}
	return points + inside + 2;
}

static bool has_room(const struct memblock_type *type, unsigned long slots)
{
	return type->max - type->cnt >= slots;
}

/*
 * Make sure the apply pass cannot run out of slots. All or nothing: if
 * either array cannot grow enough, neither has grown.
 */
static int make_room(const struct fw_ctx *ctx)
{
	const unsigned long mem = slots_needed(&memblock.memory,
					       ctx->mem_points, ctx->mem_lo,
					       ctx->mem_hi);
	const unsigned long rsv = slots_needed(&memblock.reserved,
					       ctx->rsv_points, ctx->rsv_lo,
					       ctx->rsv_hi);

	if (has_room(&memblock.memory, mem) &&
	    has_room(&memblock.reserved, rsv))
		return 0;
	/* Memory first: growing it reserves its new array. */
	return mb_make_room(&memblock.memory, mem, &memblock.reserved, rsv);
}

/**
 * mb_fw_run - validate a firmware map, then apply it
 * @name: the format, for log lines
 * @walk: reports every range of the input through mb_fw_emit()
 * @arg: the input, passed to @walk
 * @stats: optional output
 *
 * Return: 0, the first error of the check pass (nothing changed), or
 * -ENOMEM when the region arrays cannot hold the result.
 */
int mb_fw_run(const char *name, fw_walk_fn walk, const void *arg,
	      struct memblock_fw_stats *stats)
{
	struct fw_ctx ctx = {
		.name = name,
		.mem_lo = PHYS_ADDR_MAX,
		.rsv_lo = PHYS_ADDR_MAX,
	};
	phys_addr_t mem0, rsv0;
	int err;

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));

	err = walk(&ctx, arg);
	if (!err)
		err = make_room(&ctx);
	if (err) {
		mb_trace("memblock: %s: not imported: %s\n", name,
			     memblock_fw_strerror(err));
		return err;
	}

	mem0 = memblock.memory.total_size;
	rsv0 = memblock.reserved.total_size;
	ctx.apply = true;
	err = walk(&ctx, arg);
	if (err) {
		/* Cannot happen: the check pass made room for everything. */
		memblock_printk("memblock: %s: import failed half-way: %s\n",
				name, memblock_fw_strerror(err));
		return err;
	}

	if (stats) {
		stats->entries = ctx.st.entries;
		stats->ignored = ctx.st.ignored;
		stats->memory = memblock.memory.total_size - mem0;
		stats->reserved = memblock.reserved.total_size - rsv0;
	}
	return 0;
}

#endif /* any importer */
#endif /* any firmware-map part */
