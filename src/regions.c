// SPDX-License-Identifier: MIT
/*
 * regions.c - the region arrays: insertion, range edits and growth.
 *
 * Every change of a range goes through one engine, change_range(). It
 * finds the run of regions the range meets with a binary search, makes
 * the run cover exactly what it must (an insertion fills the holes of the
 * range with new regions, an edit cuts the regions that cross its edges),
 * and then reworks the run in one compaction pass: an edit changes or
 * deletes the regions inside, and every region joins its neighbour where
 * the two are now one. The regions after the run (the tail) move once per
 * new region and once more only when something was deleted or joined.
 *
 * Room comes first. Before a change writes anything, the array is grown
 * until the change fits. Growth happens inside a transaction: every array
 * a call moves is remembered, and if any later step of the same call (or
 * of an import that needs room in two arrays) fails, the transaction puts
 * every array back where it was, with the same regions and the same
 * reservations, so a refused call leaves no trace.
 */
#include "internal.h"

#define RGN_BYTES sizeof(struct memblock_region)

/* Not an edit of mb_edit(): fill the holes of the range (mb_insert()). */
#define OP_INSERT ((enum mb_edit_op)-1)

/* --- Small helpers ----------------------------------------------------------- */

/* @a ends where @b starts and both carry the same flags and node. */
static bool can_join(const struct memblock_region *a,
		     const struct memblock_region *b)
{
	return mb_region_end(a) == b->base && a->flags == b->flags &&
	       memblock_get_region_node(a) == memblock_get_region_node(b);
}

/* Move regions @from..cnt - 1 to start at @to; the caller fixes cnt. */
static void move_regions(struct memblock_type *type, unsigned long to,
			 unsigned long from)
{
	if (from < type->cnt && to != from)
		memblock_env_memmove(&type->regions[to], &type->regions[from],
				     (type->cnt - from) * RGN_BYTES);
}

/**
 * mb_set_empty - give an array its empty form
 * @type: the array
 *
 * No regions, and slot 0 reads base 0, size 0, no flags and node
 * MAX_NUMNODES, which is what an array whose last region was deleted shows.
 */
void mb_set_empty(struct memblock_type *type)
{
	struct memblock_region *r = type->regions;

	type->cnt = 0;
	r->base = 0;
	r->size = 0;
	r->flags = MEMBLOCK_NONE;
	memblock_set_region_node(r, MAX_NUMNODES);
}

/**
 * mb_first_ending_above - binary search by address
 * @type: the array
 * @addr: an address
 *
 * Return: the index of the first region whose end lies above @addr, or
 * @type->cnt when there is none.
 */
unsigned long mb_first_ending_above(const struct memblock_type *type,
				    phys_addr_t addr)
{
	const struct memblock_region *w;

	if (!type->cnt)
		return 0;
	w = mb_last_starting_at_or_below(type, addr);
	if (w->base > addr)
		return 0;
	/* @w starts at or below @addr; it may still reach past it. */
	return (unsigned long)(w - type->regions) + (mb_region_end(w) <= addr);
}

/* --- Transactions ------------------------------------------------------------- */

/*
 * The arrays a transaction follows, in the order a rollback undoes them:
 * reserved last, since undoing the others edits it first.
 */
#define TXN_MEMORY 0
#define TXN_PHYSMEM 1
#define TXN_RESERVED 2

static unsigned int txn_slot(const struct memblock_type *type)
{
	if (type == &memblock.memory)
		return TXN_MEMORY;
	return type == &memblock.reserved ? TXN_RESERVED : TXN_PHYSMEM;
}

static MB_NOINLINE struct memblock_type *txn_array(unsigned int slot)
{
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (slot == TXN_PHYSMEM)
		return &physmem;
#endif
	return slot == TXN_RESERVED ? &memblock.reserved : &memblock.memory;
}

/*
 * The transaction of the call in progress: per array (txn_slot()), the
 * storage it had before its first growth in this call (@regions NULL:
 * not grown). Calls do not nest (early boot is single-threaded, and growth
 * calls the engine below this level), so one will do, and it keeps the
 * bookkeeping off small boot stacks.
 */
static struct {
	struct {
		struct memblock_region *regions;
		unsigned long max;
	} was[3];
} txn;

static MB_NOINLINE void txn_begin(void)
{
	txn.was[0].regions = txn.was[1].regions = txn.was[2].regions = NULL;
}

static phys_addr_t array_phys(const struct memblock_region *regions)
{
	return memblock_env_virt_to_phys(regions);
}

static int change_range(struct memblock_type *type, phys_addr_t base,
			phys_addr_t size, enum mb_edit_op op, int nid,
			enum memblock_flags flags);

/* Reserve (@op OP_INSERT) or release the storage of an array of @max. */
static int book_array(enum mb_edit_op op, const struct memblock_region *at,
		      unsigned long max)
{
	return change_range(&memblock.reserved, array_phys(at),
			    mb_array_bytes(max), op, NUMA_NO_NODE,
			    MEMBLOCK_RSRV_KERN);
}

/*
 * Undo every growth of the call: per grown array, release the storage it
 * grew into and reserve again the one it had, which gets the (identical)
 * live regions back in case a later array was placed over it once it was
 * released, in txn_slot() order.
 */
static int txn_rollback(void)
{
	const bool resize_ok = mb_state.resize_ok;
	unsigned int s;

	/* Nothing may grow while the growths are undone. */
	mb_state.resize_ok = false;
	for (s = 0; s < 3; s++) {
		struct memblock_type *type = txn_array(s);

		if (!txn.was[s].regions)
			continue;
		book_array(MB_EDIT_DROP, type->regions, type->max);
		if (!mb_is_boot_array(txn.was[s].regions))
			book_array(OP_INSERT, txn.was[s].regions,
				   txn.was[s].max);
		memblock_env_memmove(txn.was[s].regions, type->regions,
				     type->cnt * RGN_BYTES);
		type->regions = txn.was[s].regions;
		type->max = txn.was[s].max;
	}
	mb_state.resize_ok = resize_ok;
	mb_search_forget();
	return -ENOMEM;
}

/* --- Growth -------------------------------------------------------------------- */

/*
 * Double @type's capacity. Below the current limit; for reserved, above
 * the range [@abase, @abase + @asize) the call is about to reserve or
 * edit, else below it, never on it. The copy is reserved (RSRV_KERN)
 * before the array it replaces is released, so the array being grown
 * into can never be handed out on the way.
 */
static bool grow(struct memblock_type *type, phys_addr_t abase,
		 phys_addr_t asize)
{
	const unsigned int s = txn_slot(type);
	struct memblock_region *old = type->regions;
	const unsigned long max = type->max;
	phys_addr_t lo = type == &memblock.reserved ? abase + asize : 0;
	phys_addr_t hi = memblock.current_limit, at;
	bool ok;

	/* From 2^(bits - 7) regions on, the doubled array's size (regions
	 * are at most 32 bytes) could wrap phys_addr_t. */
	if (!mb_state.resize_ok ||
	    (phys_addr_t)max >> (8 * sizeof(phys_addr_t) - 7))
		return false;
	/* Reserved tries above the range, then below it (every caller with
	 * an empty range passes base 0 too). */
	while (!mb_find_block(mb_array_bytes(2 * max), PAGE_SIZE, lo, hi,
			      NUMA_NO_NODE, 0, &at)) {
		if (!lo)
			return false;
		hi = MB_MIN(abase, hi);
		lo = 0;
	}
	if (!txn.was[s].regions) {
		txn.was[s].regions = old;
		txn.was[s].max = max;
	}
	type->regions = memblock_env_phys_to_virt(at);
	memblock_env_memcpy(type->regions, old, max * RGN_BYTES);
	type->max = 2 * max;
	mb_trace("memblock: %s: %lu regions at %pa\n", type->name, type->max,
		 &at);
	ok = !book_array(OP_INSERT, type->regions, type->max) &&
	     (mb_is_boot_array(old) || !book_array(MB_EDIT_DROP, old, max));
	/* The old array went back: searches must see it again. */
	mb_search_forget();
	return ok;
}

/* Grow @type until @slots more regions fit; false when growth failed. */
static MB_INLINE bool fit(struct memblock_type *type, unsigned long slots,
			  phys_addr_t abase, phys_addr_t asize)
{
	while (type->cnt + slots > type->max)
		if (!grow(type, abase, asize))
			return false;
	return true;
}

/* --- The engine ---------------------------------------------------------------- */

static bool attrs_differ(const struct memblock_region *r, int nid,
			 enum memblock_flags flags)
{
#ifdef CONFIG_NUMA
	if (nid != r->nid)
		return true;
#else
	(void)nid;
#endif
	return flags && flags != r->flags;
}

/*
 * The holes of [@pos, @end) in @type, the parts no region covers, from
 * region @i (the first ending above @pos) on. Warns where a hole meets,
 * from below, a region it overlaps with other attributes.
 */
static unsigned long count_holes(const struct memblock_type *type,
				 unsigned long i, phys_addr_t pos,
				 phys_addr_t end, int nid,
				 enum memblock_flags flags)
{
	const struct memblock_region *r = type->regions;
	unsigned long holes = 0;

	for (; pos < end; pos = mb_region_end(&r[i++])) {
		const phys_addr_t stop =
			i < type->cnt ? MB_MIN(r[i].base, end) : end;

		if (stop <= pos)
			continue;
		holes++;
		if (stop < end && attrs_differ(&r[i], nid, flags))
			memblock_printk("memblock: %s: %pa: node or flags differ\n",
					type->name, &r[i].base);
		if (stop == end)
			break;
	}
	return holes;
}

/*
 * Fill the holes of [@pos, @end) with regions, from region @i (the first
 * ending above @pos) on. A hole next to a region it can join widens that
 * region in place, and only a hole that joins neither neighbour opens a
 * slot; rework_run() joins a hole that closes the gap between two.
 *
 * Return: the index just past the regions the range now meets.
 */
static unsigned long fill_holes(struct memblock_type *type, unsigned long i,
				phys_addr_t pos, phys_addr_t end, int nid,
				enum memblock_flags flags)
{
	struct memblock_region *r = type->regions;

	while (pos < end) {
		const phys_addr_t stop =
			i < type->cnt ? MB_MIN(r[i].base, end) : end;
		struct memblock_region fresh = {
			.base = pos, .size = stop - pos, .flags = flags,
		};

		if (stop > pos) {
			memblock_set_region_node(&fresh, nid);
			type->total_size += fresh.size;
			if (i && can_join(&r[i - 1], &fresh)) {
				r[i - 1].size += fresh.size;
				pos = stop;
				continue;
			}
			if (i < type->cnt && can_join(&fresh, &r[i])) {
				r[i].base = pos;
				r[i].size += fresh.size;
			} else {
				move_regions(type, i + 1, i);
				type->cnt++;
				/* Field by field: a struct copy could bring
				 * stack bytes along as padding, and a rollback
				 * must leave no trace. */
				r[i].base = pos;
				r[i].size = fresh.size;
				r[i].flags = flags;
				memblock_set_region_node(&r[i], nid);
			}
		}
		pos = mb_region_end(&r[i++]);
	}
	return i;
}

/* Cut region @i in two at @addr, which lies strictly inside it. */
static void split_region(struct memblock_type *type, unsigned long i,
			 phys_addr_t addr)
{
	struct memblock_region *r = type->regions;

	move_regions(type, i + 1, i);
	type->cnt++;
	r[i].size = addr - r[i].base;
	r[i + 1].size -= r[i].size;
	r[i + 1].base = addr;
}

/*
 * Carry out @op on regions @lo..@hi - 1 and join the result with its
 * neighbours, compacting regions @lo - 1..@hi in one pass; the tail then
 * moves once, and only when something was deleted or joined.
 */
static void rework_run(struct memblock_type *type, unsigned long lo,
		       unsigned long hi, enum mb_edit_op op, int nid,
		       enum memblock_flags flags)
{
	struct memblock_region *r = type->regions;
	const unsigned long first = lo ? lo - 1 : 0;
	const unsigned long last = MB_MIN(hi + 1, type->cnt);
	unsigned long kept = first, i;

	for (i = first; i < last; i++) {
		if (i >= lo && i < hi) {
			if (op == MB_EDIT_DROP) {
				type->total_size -= r[i].size;
				continue;
			}
			if (op == MB_EDIT_SET_FLAGS)
				r[i].flags |= flags;
			else if (op == MB_EDIT_CLEAR_FLAGS)
				r[i].flags &= ~flags;
			else if (op == MB_EDIT_SET_NID)
				memblock_set_region_node(&r[i], nid);
		}
		if (kept > first && can_join(&r[kept - 1], &r[i]))
			r[kept - 1].size += r[i].size;
		else if (kept++ != i)
			r[kept - 1] = r[i];
	}
	move_regions(type, kept, last);
	type->cnt -= last - kept;
	if (!type->cnt)
		mb_set_empty(type);
}

/*
 * The engine: insert (OP_INSERT: regions of @nid and @flags in the holes
 * of the range) or edit (@op on the regions inside the range, with @flags
 * or @nid) a range of @type, growing @type first if it must.
 */
static int change_range(struct memblock_type *type, phys_addr_t base,
			phys_addr_t size, enum mb_edit_op op, int nid,
			enum memblock_flags flags)
{
	const struct memblock_region *r;
	unsigned long lo, hi, need = 2;
	phys_addr_t end;

	size = mb_clip(base, size);
	if (!size)
		return 0;
	end = base + size;
	if (op == OP_INSERT && !type->regions[0].size) {
		/* Empty, whatever cnt says: the range becomes region 0. */
		type->cnt = 0;
		type->total_size = 0;
	}
	lo = mb_first_ending_above(type, base);
	/* An edit wants two free slots, cuts or not, as in Linux. */
	if (op == OP_INSERT) {
		need = count_holes(type, lo, base, end, nid, flags);
		if (!need)
			return 0;
	}
	if (type->cnt + need > type->max) {
		/* A rollback cannot grow, and finds the room it needs. */
		if (!fit(type, need, base, size))
			return -ENOMEM;
		/* A grown reserved array may have landed below the range. */
		lo = mb_first_ending_above(type, base);
	}
	r = type->regions;
	if (op == OP_INSERT) {
		hi = fill_holes(type, lo, base, end, nid, flags);
	} else {
		for (hi = lo; hi < type->cnt && r[hi].base < end; hi++)
			;
		if (lo == hi)
			return 0;
		if (r[lo].base < base) {
			split_region(type, lo++, base);
			hi++;
		}
		if (mb_region_end(&r[hi - 1]) > end)
			split_region(type, hi - 1, end);
	}
	rework_run(type, lo, hi, op, nid, flags);
	return 0;
}

/* change_range() as a transaction of its own. */
static MB_SHARED int change_all_or_nothing(struct memblock_type *type,
					   phys_addr_t base, phys_addr_t size,
					   enum mb_edit_op op, int nid,
					   enum memblock_flags flags)
{
	txn_begin();
	return change_range(type, base, size, op, nid, flags) ?
		       txn_rollback() : 0;
}

/**
 * mb_insert - add a range to an array, growing it if it must
 * @type: the array
 * @base: first address
 * @size: bytes; capped so that the range ends below PHYS_ADDR_MAX
 * @nid: node of the new regions
 * @flags: flags of the new regions
 *
 * Only the parts of the range no region covers yet become regions; the
 * regions already there keep their node and flags.
 *
 * Return: 0, or -ENOMEM when the array could not grow (nothing changed).
 */
int mb_insert(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
	      int nid, enum memblock_flags flags)
{
	return change_all_or_nothing(type, base, size, OP_INSERT, nid, flags);
}

/**
 * mb_edit - change the part of an array inside a range
 * @type: the array
 * @base: first address
 * @size: bytes; capped so that the range ends below PHYS_ADDR_MAX
 * @op: what to do to the regions inside the range
 * @arg: the flags or the node for @op
 *
 * Regions crossing an edge of the range are cut there first. Like Linux,
 * the call wants two free slots whether or not it cuts anything, and
 * grows the array when they are missing.
 *
 * Return: 0, or -ENOMEM when the array could not grow (nothing changed).
 */
int mb_edit(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
	    enum mb_edit_op op, int arg)
{
	/* Insertions only take free space away; anything else may give some. */
	mb_search_forget();
	return change_all_or_nothing(type, base, size, op, arg,
				     (enum memblock_flags)arg);
}

/**
 * mb_make_room - grow two arrays for a batch of changes, all or nothing
 * @a: the array grown first
 * @a_slots: free slots wanted in @a
 * @b: the array grown next (may be @a)
 * @b_slots: free slots wanted in @b
 *
 * When either array cannot grow enough, both are left as they were.
 * Growing memory reserves its new array, so memory goes first when both
 * change.
 *
 * Return: 0, or -ENOMEM.
 */
int mb_make_room(struct memblock_type *a, unsigned long a_slots,
		 struct memblock_type *b, unsigned long b_slots)
{
	mb_search_forget();
	txn_begin();
	if (fit(a, a_slots, 0, 0) && fit(b, b_slots, 0, 0))
		return 0;
	return txn_rollback();
}

/**
 * memblock_ensure_capacity - make room for regions ahead of time
 * @type: &memblock.memory, &memblock.reserved or &physmem
 * @free_slots: how many regions must fit without growing
 *
 * Grows @type as often as needed, which takes memory from memblock and so
 * needs memblock_allow_resize(). Context: early boot, single-threaded.
 *
 * Return: 0, or -ENOMEM with every array as it was.
 */
int memblock_ensure_capacity(struct memblock_type *type,
			     unsigned long free_slots)
{
	return mb_make_room(type, free_slots, type, 0);
}

/* --- The public calls ----------------------------------------------------------- */

/**
 * memblock_add_node - register memory of a known node
 * @base: first address
 * @size: bytes
 * @nid: node of the memory (NUMA_NO_NODE if unknown)
 * @flags: flags of the new regions
 *
 * Parts of the range already registered keep their node and flags.
 * Context: early boot, single-threaded, like every call of the library.
 *
 * Return: 0, -EINVAL for a node id no region can carry, or -ENOMEM.
 */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags)
{
	phys_addr_t last = base + size - 1;

	mb_trace("memblock_add_node: [%pa-%pa] nid=%d flags=%x\n", &base,
		 &last, nid, flags);
	if (!mb_nid_storable(nid))
		return -EINVAL;
	return mb_insert(&memblock.memory, base, size, nid, flags);
}

/**
 * memblock_add - register memory
 * @base: first address
 * @size: bytes
 *
 * The new regions get node MAX_NUMNODES ("not known yet") and no flags.
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t last = base + size - 1;

	mb_trace("memblock_add: [%pa-%pa]\n", &base, &last);
	return mb_insert(&memblock.memory, base, size, MAX_NUMNODES, 0);
}

/**
 * __memblock_reserve - reserve a range
 * @base: first address
 * @size: bytes
 * @nid: node recorded on the reservation
 * @flags: flags recorded on the reservation (MEMBLOCK_RSRV_*)
 *
 * The range need not be memory.
 *
 * Return: 0, -EINVAL for a node id no region can carry, or -ENOMEM.
 */
int __memblock_reserve(phys_addr_t base, phys_addr_t size, int nid,
		       enum memblock_flags flags)
{
	phys_addr_t last = base + size - 1;

	mb_trace("memblock_reserve: [%pa-%pa] nid=%d flags=%x\n", &base,
		 &last, nid, flags);
	if (!mb_nid_storable(nid))
		return -EINVAL;
	return mb_insert(&memblock.reserved, base, size, nid, flags);
}

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
/**
 * memblock_physmem_add - record physical memory whatever the limits say
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_physmem_add(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t last = base + size - 1;

	mb_trace("memblock_physmem_add: [%pa-%pa]\n", &base, &last);
	return mb_insert(&physmem, base, size, MAX_NUMNODES, 0);
}
#endif

/*
 * The flag setters: @how packs the array (EDIT_RESERVED), the operation
 * (bits 8-15) and the flag (bits 0-7), so that each public call is a
 * single jump.
 */
#define EDIT_RESERVED 0x10000
#define EDIT(op, flag) ((op) << 8 | (flag))

static MB_NOINLINE int edit_flags(phys_addr_t base, phys_addr_t size, int how)
{
	return mb_edit(how & EDIT_RESERVED ? &memblock.reserved :
					     &memblock.memory,
		       base, size, (enum mb_edit_op)(how >> 8 & 0xff),
		       how & 0xff);
}

/**
 * memblock_remove - unregister memory
 * @base: first address
 * @size: bytes
 *
 * Reservations are not touched.
 *
 * Return: 0, or -ENOMEM when the two slots a cut may need were missing.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t last = base + size - 1;

	mb_trace("memblock_remove: [%pa-%pa]\n", &base, &last);
	return edit_flags(base, size, EDIT(MB_EDIT_DROP, 0));
}

/**
 * memblock_phys_free - end a reservation
 * @base: first address (0 is an address like any other)
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t last = base + size - 1;

	mb_trace("memblock_phys_free: [%pa-%pa]\n", &base, &last);
	return edit_flags(base, size, EDIT_RESERVED | EDIT(MB_EDIT_DROP, 0));
}

/**
 * memblock_free - end a reservation made through the virtual API
 * @ptr: what the allocation returned; NULL does nothing
 * @size: bytes
 */
void memblock_free(void *ptr, size_t size)
{
	phys_addr_t bytes = (phys_addr_t)size;

	/* A size_t beyond phys_addr_t: to the end of the address space. */
	if (bytes != size)
		bytes = PHYS_ADDR_MAX;
	if (ptr)
		memblock_phys_free(memblock_env_virt_to_phys(ptr), bytes);
}

/**
 * memblock_mark_hotplug - flag memory as hot-pluggable
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM. The other flag setters below behave alike.
 */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size, EDIT(MB_EDIT_SET_FLAGS, MEMBLOCK_HOTPLUG));
}

/**
 * memblock_clear_hotplug - clear MEMBLOCK_HOTPLUG on memory
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size,
			  EDIT(MB_EDIT_CLEAR_FLAGS, MEMBLOCK_HOTPLUG));
}

/**
 * memblock_mark_mirror - flag memory as hardware-mirrored
 * @base: first address
 * @size: bytes
 *
 * Does nothing unless mirrored_kernelcore is set. Otherwise allocations
 * prefer mirrored memory from now on.
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	if (!mirrored_kernelcore)
		return 0;
	mb_state.mirror_seen = true;
	return edit_flags(base, size, EDIT(MB_EDIT_SET_FLAGS, MEMBLOCK_MIRROR));
}

/**
 * memblock_mark_nomap - keep memory out of the direct map
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size, EDIT(MB_EDIT_SET_FLAGS, MEMBLOCK_NOMAP));
}

/**
 * memblock_clear_nomap - clear MEMBLOCK_NOMAP on memory
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size, EDIT(MB_EDIT_CLEAR_FLAGS, MEMBLOCK_NOMAP));
}

/**
 * memblock_reserved_mark_noinit - flag reservations MEMBLOCK_RSRV_NOINIT
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size,
			  EDIT_RESERVED |
				  EDIT(MB_EDIT_SET_FLAGS, MEMBLOCK_RSRV_NOINIT));
}

/**
 * memblock_reserved_mark_kern - flag reservations MEMBLOCK_RSRV_KERN
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_reserved_mark_kern(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size,
			  EDIT_RESERVED |
				  EDIT(MB_EDIT_SET_FLAGS, MEMBLOCK_RSRV_KERN));
}

/**
 * memblock_mark_kho_scratch - flag memory as KHO scratch
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_mark_kho_scratch(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size,
			  EDIT(MB_EDIT_SET_FLAGS, MEMBLOCK_KHO_SCRATCH));
}

/**
 * memblock_clear_kho_scratch - clear MEMBLOCK_KHO_SCRATCH on memory
 * @base: first address
 * @size: bytes
 *
 * Return: 0, or -ENOMEM.
 */
int memblock_clear_kho_scratch(phys_addr_t base, phys_addr_t size)
{
	return edit_flags(base, size,
			  EDIT(MB_EDIT_CLEAR_FLAGS, MEMBLOCK_KHO_SCRATCH));
}

/**
 * memblock_set_node - give the regions of a range a node
 * @base: first address
 * @size: bytes
 * @type: &memblock.memory or &memblock.reserved
 * @nid: the node
 *
 * Without NUMA there are no nodes, and the call does nothing.
 *
 * Return: 0, -EINVAL for a node id no region can carry, or -ENOMEM.
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid)
{
#ifdef CONFIG_NUMA
	if (!mb_nid_storable(nid))
		return -EINVAL;
	return mb_edit(type, base, size, MB_EDIT_SET_NID, nid);
#else
	(void)base;
	(void)size;
	(void)type;
	(void)nid;
	return 0;
#endif
}

/**
 * mb_shrink_memory - cut every memory region down, in one pass
 * @lo: first address of the window to keep
 * @hi: end of that window (exclusive)
 * @align: a power of two: each region keeps the whole units of it it holds
 * @spare: regions with any of these flags stay whole
 *
 * A region left with nothing (or whose base rounds up past the top of
 * the address space) is deleted. total_size follows exactly. Cuts never
 * make neighbours mergeable, so nothing is joined; the array needs no
 * room.
 */
void mb_shrink_memory(phys_addr_t lo, phys_addr_t hi, phys_addr_t align,
		      enum memblock_flags spare)
{
	struct memblock_type *mem = &memblock.memory;
	struct memblock_region *r = mem->regions;
	unsigned long i, kept = 0;

	mb_search_forget();

	for (i = 0; i < mem->cnt; i++) {
		const phys_addr_t start = MB_MAX(MB_ALIGN_UP(r[i].base, align), lo);
		const phys_addr_t end =
			MB_MIN(MB_ALIGN_DOWN(mb_region_end(&r[i]), align), hi);

		if (!(r[i].flags & spare)) {
			mem->total_size -= r[i].size;
			if (start < r[i].base || start >= end)
				continue;
			r[i].base = start;
			r[i].size = end - start;
			mem->total_size += r[i].size;
		}
		/* Slot to slot, so that padding bytes come along unchanged. */
		if (kept != i)
			r[kept] = r[i];
		kept++;
	}
	mem->cnt = kept;
	if (!kept)
		mb_set_empty(mem);
}

/**
 * memblock_trim_memory - shrink every memory region to whole @align units
 * @align: a power of two; anything else leaves memory as it is
 *
 * A region that holds no whole unit is deleted. Unlike Linux, total_size
 * stays the exact sum of the sizes.
 */
void memblock_trim_memory(phys_addr_t align)
{
	if (mb_is_pow2(align))
		mb_shrink_memory(0, PHYS_ADDR_MAX, align, MEMBLOCK_NONE);
}
