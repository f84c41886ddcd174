// SPDX-License-Identifier: MIT
/*
 * common.c - what the firmware-map importers share: error names, range
 * checks, and the two-pass engine that validates a whole input before it
 * changes memblock.
 */
#include <memblock/config.h>

#if defined(CONFIG_MEMBLOCK_FW_E820) || defined(CONFIG_MEMBLOCK_FW_EFI) ||   \
	defined(CONFIG_MEMBLOCK_FW_MULTIBOOT) ||                             \
	defined(CONFIG_MEMBLOCK_FW_FDT) || defined(CONFIG_MEMBLOCK_FW_LIMINE) || \
	defined(CONFIG_MEMBLOCK_FW_EXPORT)

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
	defined(CONFIG_MEMBLOCK_FW_MULTIBOOT) || defined(CONFIG_MEMBLOCK_FW_FDT) || \
	defined(CONFIG_MEMBLOCK_FW_LIMINE)

/* Count one entry of the input (check walk only). */
void mb_fw_count_entry(struct fw_ctx *ctx)
{
	if (mb_fw_checking(ctx))
		ctx->st.entries++;
}

/* Skip an entry on purpose: counted and logged once, in the check walk. */
void mb_fw_ignore(struct fw_ctx *ctx, u64 base, u64 size, const char *why)
{
	if (!mb_fw_checking(ctx))
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

/* --- Walk callbacks ---------------------------------------------------------- */

/* Keep @x among the FW_BATCH nearest edges above the sweep position. */
static void add_edge(struct fw_ctx *ctx, phys_addr_t x)
{
	unsigned int i = ctx->nb;

	if (x <= ctx->bound[0] || (i == FW_BATCH && x >= ctx->bound[i]))
		return;
	/* Insertion into a short sorted list; equal edges are kept once. */
	while (i > 0 && ctx->bound[i] > x)
		i--;
	if (i > 0 && ctx->bound[i] == x)
		return;
	if (ctx->nb < FW_BATCH)
		ctx->nb++;
	memblock_env_memmove(&ctx->bound[i + 2], &ctx->bound[i + 1],
			     (ctx->nb - i - 1) * sizeof(ctx->bound[0]));
	ctx->bound[i + 1] = x;
}

static enum memblock_flags act_marks(unsigned int act)
{
	enum memblock_flags f = MEMBLOCK_NONE;

	if (act & FW_ACT_NOMAP)
		f |= MEMBLOCK_NOMAP;
	if ((act & FW_ACT_MIRROR) && mirrored_kernelcore)
		f |= MEMBLOCK_MIRROR;
	if (act & FW_ACT_HOTPLUG)
		f |= MEMBLOCK_HOTPLUG;
	return f;
}

/* One more entry over piece @p, reported after the ones already merged. */
static void merge_entry(struct fw_piece *p, unsigned int act, int nid,
			uint32_t rank)
{
	const enum memblock_flags marks = act_marks(act);

	if (p->any && rank < p->rank)
		return;
	if (!p->any || rank > p->rank) {
		/* A higher rank overrides whatever lower ones said. */
		memblock_env_memset(p, 0, sizeof(*p));
		p->any = true;
		p->rank = rank;
	}
	if ((act & FW_ACT_MEMORY) && !p->mem) {
		p->mem = true;
		p->nid = nid;
	}
	p->marks_all |= marks;
	if (p->mem)
		p->marks_late |= marks;
	if (act & FW_ACT_RESERVE)
		p->rsv = true;
}

/**
 * mb_fw_emit_ranked - report one range of a firmware map
 * @ctx: the import
 * @base: first address, as the firmware gives it
 * @size: length in bytes, as the firmware gives it
 * @act: &enum fw_act bits
 * @nid: node for FW_ACT_MEMORY (MAX_NUMNODES when unknown)
 * @rank: where ranges overlap, only those of the highest rank count (an
 *	E820 table ranks each entry by its type); mb_fw_emit() uses 0
 *
 * Zero-length ranges are ignored. In a 32-bit phys_addr_t build the part
 * at or above PHYS_ADDR_MAX is dropped (clipped; wholly above: ignored).
 *
 * Return: 0; -ERANGE when the range wraps; -EINVAL for a node that cannot
 * be stored.
 */
int mb_fw_emit_ranked(struct fw_ctx *ctx, u64 base, u64 size,
		      unsigned int act, int nid, uint32_t rank)
{
	phys_addr_t b, e;
	unsigned int i;
	int err;

	if (!size) {
		mb_fw_ignore(ctx, base, size, "zero length");
		return 0;
	}
	err = mb_fw_check_range(base, size);
	if (err)
		return err;
	if ((act & FW_ACT_MEMORY) && !mb_nid_storable(nid))
		return -EINVAL;
	if (base >= (u64)PHYS_ADDR_MAX) {
		mb_fw_ignore(ctx, base, size, "beyond phys_addr_t");
		return 0;
	}
	if (size > (u64)PHYS_ADDR_MAX - base) {
		if (mb_fw_checking(ctx))
			mb_trace("memblock: %s: [%#llx+%#llx] clipped\n",
				 ctx->name, (unsigned long long)base,
				 (unsigned long long)size);
		size = (u64)PHYS_ADDR_MAX - base;
	}
	if (!act || mb_fw_checking(ctx))
		return 0;
	b = (phys_addr_t)base;
	e = b + (phys_addr_t)size;
	if (ctx->mode == FW_EDGES) {
		add_edge(ctx, b);
		add_edge(ctx, e);
		return 0;
	}
	/* Most ranges miss the batch altogether. */
	if (e <= ctx->bound[0] || b >= ctx->bound[ctx->nb])
		return 0;
	/* Pieces never straddle an edge: each lies inside or outside. */
	for (i = 0; i < ctx->nb; i++)
		if (ctx->bound[i] >= b && ctx->bound[i] < e)
			merge_entry(&ctx->piece[i], act, nid, rank);
	return 0;
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

/* --- The sweep ------------------------------------------------------------------
 *
 * The input is not sorted and there is nowhere to sort it, so the import
 * sweeps the address space upwards in pieces: the spans between
 * consecutive edges of the input's ranges and of the array's regions.
 * Each batch of pieces costs two walks of the input: one finds the next
 * FW_BATCH edges, the other combines, for every piece, the entries over
 * it. Going up, each array takes its final form piece by piece.
 *
 * The same sweep runs twice per array. Planning, it changes nothing and
 * works out how many slots each memblock call it will make needs at that
 * moment (a call that adds a range wants one free slot, an edit two, as
 * in Linux); applying, it makes those calls. So the plan is exact for the
 * calls the import makes, and an import that fits never fails half-way.
 */

/**
 * struct fw_sweep - one sweep over one array
 * @type: &memblock.memory or &memblock.reserved
 * @apply: make the calls (else only plan them)
 * @cnt0: regions of @type before the import
 * @runs: regions of the result begun below the current piece
 * @open: the last of them reaches up to @end
 * @end: its end
 * @nid: its node
 * @flags: its flags
 * @need: most regions any call needs room for (planning)
 * @pending: an insertion being extended over touching pieces
 * @ps: its start
 * @pe: its end
 * @pnid: its node
 * @pflags: its flags
 */
struct fw_sweep {
	struct memblock_type *type;
	bool apply;
	unsigned long cnt0;
	unsigned long runs;
	bool open;
	phys_addr_t end;
	int nid;
	enum memblock_flags flags;
	unsigned long need;
	bool pending;
	phys_addr_t ps, pe;
	int pnid;
	enum memblock_flags pflags;
};

/* The node a region stores for @nid: none without NUMA. */
static int stored_nid(int nid)
{
#ifdef CONFIG_NUMA
	return nid;
#else
	(void)nid;
	return 0;
#endif
}

/* The region of @type holding @addr, or NULL. */
static const struct memblock_region *region_holding(
	const struct memblock_type *type, phys_addr_t addr)
{
	const unsigned long i = mb_first_ending_above(type, addr);

	return i < type->cnt && type->regions[i].base <= addr ?
		       &type->regions[i] : NULL;
}

/*
 * Planning: a call at @at, with region @x (or none) there, wants @slots
 * free slots. The array then holds the result below @at and the regions
 * that were there above it, where the last region of the result and @x
 * are one when they touch and look alike.
 */
static void plan_call(struct fw_sweep *sw, phys_addr_t at,
		      const struct memblock_region *x, unsigned long slots)
{
	unsigned long now = sw->runs + sw->cnt0 -
			    mb_first_ending_above(sw->type, at);

	if (x && sw->open && sw->end == at && sw->nid == memblock_get_region_node(x) &&
	    sw->flags == x->flags)
		now--;
	if (now + slots > sw->need)
		sw->need = now + slots;
}

static int flush_pending(struct fw_sweep *sw)
{
	if (!sw->pending)
		return 0;
	sw->pending = false;
	if (!sw->apply)
		return 0;
	if (sw->pflags & MEMBLOCK_MIRROR)
		mb_state.mirror_seen = true;
	return mb_insert(sw->type, sw->ps, sw->pe - sw->ps, sw->pnid,
			 sw->pflags);
}

/* Settle the piece [@s, @e), about which the input says @p. */
static int sweep_piece(struct fw_sweep *sw, phys_addr_t s, phys_addr_t e,
		       const struct fw_piece *p)
{
	const bool memory = sw->type == &memblock.memory;
	const struct memblock_region *x = region_holding(sw->type, s);
	enum memblock_flags marks = MEMBLOCK_NONE, flags = MEMBLOCK_NONE;
	bool present = true, insert = false;
	int nid = NUMA_NO_NODE, err;

	if (x) {
		nid = memblock_get_region_node(x);
		flags = x->flags;
		if (memory)
			marks = p->marks_all & ~x->flags;
	} else if (memory ? p->mem : p->rsv) {
		insert = true;
		if (memory) {
			nid = p->nid;
			flags = p->marks_late;
		}
		nid = stored_nid(nid);
	} else {
		present = false;
	}
	/* An insertion goes on over touching pieces that look alike. */
	if (sw->pending && (!insert || sw->pe != s || sw->pnid != nid ||
			    sw->pflags != flags)) {
		err = flush_pending(sw);
		if (err)
			return err;
	}
	if (insert && sw->pending) {
		sw->pe = e;
	} else if (insert) {
		if (!sw->apply)
			plan_call(sw, s, NULL, 1);
		sw->pending = true;
		sw->ps = s;
		sw->pe = e;
		sw->pnid = nid;
		sw->pflags = flags;
	} else if (marks) {
		if (!sw->apply) {
			plan_call(sw, s, x, 2);
		} else {
			if (marks & MEMBLOCK_MIRROR)
				mb_state.mirror_seen = true;
			err = mb_edit(sw->type, s, e - s, MB_EDIT_SET_FLAGS,
				      (int)marks);
			if (err)
				return err;
		}
		flags |= marks;
	}

	/* The result's regions: this piece starts one, or extends the last. */
	if (!present) {
		sw->open = false;
	} else if (sw->open && sw->end == s && sw->nid == nid &&
		   sw->flags == flags) {
		sw->end = e;
	} else {
		sw->runs++;
		sw->open = true;
		sw->end = e;
		sw->nid = nid;
		sw->flags = flags;
	}
	return 0;
}

/* Add the edges of @type's regions above the sweep position. */
static void add_array_edges(struct fw_ctx *ctx, const struct memblock_type *type)
{
	unsigned long i;

	for (i = mb_first_ending_above(type, ctx->bound[0]); i < type->cnt;
	     i++) {
		const struct memblock_region *r = &type->regions[i];

		if (ctx->nb == FW_BATCH && r->base >= ctx->bound[FW_BATCH])
			break;
		add_edge(ctx, r->base);
		add_edge(ctx, mb_region_end(r));
	}
}

/* Sweep @sw->type from address 0 up. */
static int sweep(struct fw_ctx *ctx, fw_walk_fn walk, const void *arg,
		 struct fw_sweep *sw)
{
	phys_addr_t at = 0;
	unsigned int i;
	int err;

	sw->cnt0 = sw->type->cnt;
	for (;;) {
		ctx->mode = FW_EDGES;
		ctx->bound[0] = at;
		ctx->nb = 0;
		err = walk(ctx, arg);
		if (err)
			return err;
		add_array_edges(ctx, sw->type);
		if (!ctx->nb)
			break;
		ctx->mode = FW_STATE;
		memblock_env_memset(ctx->piece, 0, sizeof(ctx->piece));
		err = walk(ctx, arg);
		for (i = 0; !err && i < ctx->nb; i++)
			err = sweep_piece(sw, ctx->bound[i], ctx->bound[i + 1],
					  &ctx->piece[i]);
		if (err)
			return err;
		at = ctx->bound[ctx->nb];
	}
	err = flush_pending(sw);
	if (!err && sw->runs > sw->need)
		sw->need = sw->runs;
	return err;
}

/*
 * Free slots to make in @type for a plan that needs @need regions at
 * most; 0 when they are there.
 */
static unsigned long slots_to_make(const struct memblock_type *type,
				   unsigned long need)
{
	return need > type->max ? need - type->cnt : 0;
}

/*
 * Doublings of memory (each of which may add two reserved regions, its
 * new array and the remnant of a cut) to hold @need regions.
 */
static unsigned long doublings(unsigned long max, unsigned long need)
{
	unsigned long n = 0;

	for (; max && max < need; max *= 2)
		n++;
	return n;
}

/**
 * mb_fw_run - validate a firmware map, then apply it
 * @name: the format, for log lines
 * @walk: reports every range of the input through mb_fw_emit()
 * @arg: the input, passed to @walk
 * @stats: optional output
 *
 * Check walk first (every entry validated, nothing changed); then each
 * array is planned, room is made (all or nothing), and the sweeps apply.
 *
 * Return: 0, the first error of the check walk (nothing changed), or
 * -ENOMEM when the region arrays cannot hold the result.
 */
int mb_fw_run(const char *name, fw_walk_fn walk, const void *arg,
	      struct memblock_fw_stats *stats)
{
	struct fw_ctx ctx = { .mode = FW_CHECK, .name = name };
	struct fw_sweep mem = { .type = &memblock.memory };
	struct fw_sweep rsv = { .type = &memblock.reserved };
	unsigned long mem_slots, rsv_slots;
	phys_addr_t mem0, rsv0;
	int err;

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));

	err = walk(&ctx, arg);
	if (!err)
		err = sweep(&ctx, walk, arg, &mem);
	if (!err)
		err = sweep(&ctx, walk, arg, &rsv);
	if (!err) {
		mem_slots = slots_to_make(&memblock.memory, mem.need);
		/* Growing memory reserves its new arrays. */
		rsv_slots = slots_to_make(&memblock.reserved,
					  rsv.need + (mem_slots ?
					  2 * doublings(memblock.memory.max,
							mem.need) : 0));
		if ((mem_slots || rsv_slots) &&
		    mb_make_room(&memblock.memory, mem_slots,
				 &memblock.reserved, rsv_slots))
			err = -ENOMEM;
	}
	if (err) {
		mb_trace("memblock: %s: not imported: %s\n", name,
			 memblock_fw_strerror(err));
		return err;
	}

	mem0 = memblock.memory.total_size;
	rsv0 = memblock.reserved.total_size;
	mem = (struct fw_sweep){ .type = &memblock.memory, .apply = true };
	rsv = (struct fw_sweep){ .type = &memblock.reserved, .apply = true };
	err = sweep(&ctx, walk, arg, &mem);
	if (!err)
		err = sweep(&ctx, walk, arg, &rsv);
	if (err) {
		/* Cannot happen: the plan made room for every call. */
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
