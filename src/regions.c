// SPDX-License-Identifier: MIT
/*
 * regions.c - the region arrays: insertion, range edits and growth.
 *
 * A binary search finds the first region a range meets. An insertion then
 * finds the holes of the range in one pass; the usual single hole joins
 * its neighbours in place, and the regions after it (the tail) move at
 * most once, to open or to close one slot. A range edit cuts the regions
 * that cross its edges, changes or deletes the ones inside (a deletion
 * moves the tail once), and joins the changed run with its neighbours in
 * one compaction pass, which moves the tail only when something joined.
 *
 * Room comes first. Before a change writes anything, the array is grown
 * until the change fits. Growth happens inside a transaction (struct
 * mb_txn): every array a call moves is remembered, and if any later step
 * of the same call (or of an import that needs room in two arrays) fails,
 * the transaction puts every array back where it was, with the same
 * contents and the same reservations, so a refused call leaves no trace.
 */
#include "internal.h"

#define RGN_BYTES sizeof(struct memblock_region)

/* --- Small helpers ----------------------------------------------------------- */

static int rgn_nid(const struct memblock_region *r)
{
	return memblock_get_region_node(r);
}

/* @a ends where @b starts and both carry the same flags and node. */
static bool can_join(const struct memblock_region *a,
		     const struct memblock_region *b)
{
	return mb_region_end(a) == b->base && a->flags == b->flags &&
	       rgn_nid(a) == rgn_nid(b);
}

static void move_regions(struct memblock_type *type, unsigned long to,
			 unsigned long from)
{
	if (from < type->cnt)
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

/* --- Lookups ------------------------------------------------------------------- */

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

/* --- Joining ------------------------------------------------------------------- */

/*
 * Join mergeable neighbours among regions @first..@last (inclusive, @last
 * clipped to the array), then close the gap this leaves with one move.
 */
static void join_run(struct memblock_type *type, unsigned long first,
		     unsigned long last)
{
	struct memblock_region *r = type->regions;
	unsigned long keep = first, i;

	if (last >= type->cnt)
		last = type->cnt - 1;
	for (i = first + 1; i <= last; i++) {
		if (can_join(&r[keep], &r[i]))
			r[keep].size += r[i].size;
		else if (++keep != i)
			r[keep] = r[i];
	}
	if (keep == last)
		return;
	move_regions(type, keep + 1, last + 1);
	type->cnt -= last - keep;
}

/* --- Transactions ------------------------------------------------------------- */

/**
 * struct mb_txn - arrays moved by one call, to put back if it fails
 * @started: the fields below are valid
 * @rsv_cnt: memblock.reserved.cnt before the call
 * @rsv_spare: the unused slots of reserved just past @rsv_cnt, which
 *	bookkeeping in place may write (a rollback leaves no trace at all)
 * @saved: per array (mb_array_slot()), its storage before the call
 */
struct mb_txn {
	bool started;
	unsigned long rsv_cnt;
	struct memblock_region rsv_spare[4];
	struct {
		struct memblock_region *regions;
		unsigned long max;
		bool owned;
		bool moved;
	} saved[3];
};

/*
 * The transaction of the call in progress. Calls do not nest (early boot
 * is single-threaded, and growth calls the engine below this level), so
 * one will do, and it keeps the bookkeeping off small boot stacks.
 */
static struct mb_txn the_txn;

static phys_addr_t array_phys(const struct memblock_region *regions)
{
	return memblock_env_virt_to_phys(regions);
}

/* Spare slots of reserved a rollback restores (never past max). */
static unsigned long spare_slots(const struct mb_txn *txn)
{
	return MB_MIN(memblock.reserved.max - txn->rsv_cnt, 4UL);
}

static int insert_range(struct memblock_type *type, phys_addr_t base,
			phys_addr_t size, int nid, enum memblock_flags flags,
			struct mb_txn *txn);
static int edit_range(struct memblock_type *type, phys_addr_t base,
		      phys_addr_t size, enum mb_edit_op op, int arg,
		      struct mb_txn *txn);

/*
 * Undo every growth of the transaction: per moved array, release the
 * array it grew into and reserve again the one it left; then every array
 * returns to its old storage, which gets the (identical) live regions
 * back in case a later array was placed over it once it was released.
 */
static void txn_rollback(struct mb_txn *txn)
{
	static const unsigned char order[3] = { 0, 2, 1 };
	struct memblock_type *rsv = &memblock.reserved;
	unsigned int i;

	for (i = 0; txn->started && i < 3; i++) {
		const unsigned int s = order[i];
		struct memblock_type *type = mb_array_of_slot(s);

		/* Reserved last: the others' undoing edits it first. */
		if (!txn->saved[s].moved)
			continue;
		edit_range(rsv, array_phys(type->regions),
			   mb_array_bytes(type->max), MB_EDIT_DROP, 0, NULL);
		if (txn->saved[s].owned)
			insert_range(rsv, array_phys(txn->saved[s].regions),
				     mb_array_bytes(txn->saved[s].max),
				     NUMA_NO_NODE, MEMBLOCK_RSRV_KERN, NULL);
		memblock_env_memmove(txn->saved[s].regions, type->regions,
				     type->cnt * RGN_BYTES);
		type->regions = txn->saved[s].regions;
		type->max = txn->saved[s].max;
		mb_state.owned[s] = txn->saved[s].owned;
	}
	if (txn->started && rsv->cnt == txn->rsv_cnt)
		memblock_env_memcpy(&rsv->regions[rsv->cnt], txn->rsv_spare,
				    spare_slots(txn) * RGN_BYTES);
}

/* --- Growth -------------------------------------------------------------------- */

/* Room for a new array of @bytes in [@lo, @hi), MIRROR dropped if need be. */
static bool find_room(phys_addr_t bytes, phys_addr_t lo, phys_addr_t hi,
		      phys_addr_t *at)
{
	struct mb_search q = {
		.size = bytes,
		.align = PAGE_SIZE,
		.nid = NUMA_NO_NODE,
		.flags = mb_alloc_preference(),
		.top_down = !memblock.bottom_up,
	};

	mb_search_window(&q, lo, hi);
	if (mb_search_free(&q, at))
		return true;
	if (!(q.flags & MEMBLOCK_MIRROR))
		return false;
	q.flags = MEMBLOCK_NONE;
	return mb_search_free(&q, at);
}

/*
 * Double @type's capacity. Below the current limit; for reserved, above
 * the range [@abase, @abase + @asize) the call is about to reserve or
 * edit, else below it, never on it. The copy is reserved (RSRV_KERN)
 * before the array it replaces is released, so the array being grown
 * into can never be handed out on the way.
 */
static bool grow(struct mb_txn *txn, struct memblock_type *type,
		 phys_addr_t abase, phys_addr_t asize)
{
	const unsigned int s = mb_array_slot(type);
	struct memblock_region *old = type->regions;
	const unsigned long max = type->max;
	const bool owned = mb_state.owned[s];
	phys_addr_t bytes = (phys_addr_t)max * (2 * RGN_BYTES), at;
	phys_addr_t lo = type == &memblock.reserved ? abase + asize : 0;
	phys_addr_t hi = memblock.current_limit;

	if (!mb_state.resize_ok || bytes / (2 * RGN_BYTES) != max ||
	    bytes > PHYS_ADDR_MAX - PAGE_SIZE)
		return false;
	bytes = MB_PAGE_ALIGN(bytes);
	/* Reserved tries above the range, then below it. */
	while (!find_room(bytes, lo, hi, &at)) {
		if (!lo || !asize)
			return false;
		hi = MB_MIN(abase, hi);
		lo = 0;
	}
	if (!txn->started) {
		txn->started = true;
		txn->saved[0].moved = txn->saved[1].moved = false;
		txn->saved[2].moved = false;
		txn->rsv_cnt = memblock.reserved.cnt;
		memblock_env_memcpy(txn->rsv_spare,
				    &memblock.reserved.regions[txn->rsv_cnt],
				    spare_slots(txn) * RGN_BYTES);
	}
	if (!txn->saved[s].moved) {
		txn->saved[s].regions = old;
		txn->saved[s].max = max;
		txn->saved[s].owned = owned;
		txn->saved[s].moved = true;
	}
	type->regions = memblock_env_phys_to_virt(at);
	memblock_env_memcpy(type->regions, old, max * RGN_BYTES);
	type->max = max * 2;
	mb_state.owned[s] = true;
	mb_trace("memblock: %s: %lu regions at %pa\n", type->name, type->max,
		 &at);
	return !insert_range(&memblock.reserved, at, bytes, NUMA_NO_NODE,
			     MEMBLOCK_RSRV_KERN, txn) &&
	       !(owned && edit_range(&memblock.reserved, array_phys(old),
				     mb_array_bytes(max), MB_EDIT_DROP, 0, txn));
}

/* Grow @type until @slots more regions fit; false when growth failed. */
static bool fit(struct mb_txn *txn, struct memblock_type *type,
		unsigned long slots, phys_addr_t abase, phys_addr_t asize)
{
	while (type->cnt + slots > type->max)
		if (!txn || !grow(txn, type, abase, asize))
			return false;
	return true;
}

/* --- Insertion ----------------------------------------------------------------- */

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

/**
 * struct holes - the parts of a range that no region covers
 * @count: how many separate holes
 * @bytes: their total size
 * @first: where the lowest one starts
 * @first_end: where it ends
 * @first_at: the index a region there would take
 */
struct holes {
	unsigned long count, first_at;
	phys_addr_t bytes, first, first_end;
};

/*
 * Find the holes of [@base, @end) in @type, warning (@warn) where a hole
 * meets, from below, a region it overlaps with other attributes.
 */
static void find_holes(const struct memblock_type *type, phys_addr_t base,
		       phys_addr_t end, int nid, enum memblock_flags flags,
		       struct holes *h, bool warn)
{
	const struct memblock_region *r = type->regions;
	unsigned long i = mb_first_ending_above(type, base);
	phys_addr_t pos = base;

	h->count = 0;
	h->bytes = 0;
	for (;; i++) {
		const phys_addr_t stop =
			i < type->cnt ? MB_MIN(r[i].base, end) : end;

		if (stop > pos) {
			if (!h->count++) {
				h->first = pos;
				h->first_end = stop;
				h->first_at = i;
			}
			h->bytes += stop - pos;
			if (warn && stop < end && attrs_differ(&r[i], nid, flags))
				memblock_printk("memblock: %s: %pa: node or flags differ\n",
						type->name, &r[i].base);
		}
		if (stop >= end)
			return;
		pos = mb_region_end(&r[i]);
	}
}

/*
 * Make [@base, @end), which no region covers, a region at index @at: it
 * joins its neighbours in place where it can, and the tail moves only to
 * open or to close one slot.
 */
static void fill_hole(struct memblock_type *type, unsigned long at,
		      phys_addr_t base, phys_addr_t end, int nid,
		      enum memblock_flags flags)
{
	struct memblock_region *r = type->regions;
	struct memblock_region fresh = {
		.base = base, .size = end - base, .flags = flags,
	};
	bool to_prev, to_next;

	memblock_set_region_node(&fresh, nid);
	to_prev = at && can_join(&r[at - 1], &fresh);
	to_next = at < type->cnt && can_join(&fresh, &r[at]);
	if (to_prev) {
		r[at - 1].size += fresh.size;
		if (!to_next)
			return;
		r[at - 1].size += r[at].size;
		move_regions(type, at, at + 1);
		type->cnt--;
	} else if (to_next) {
		r[at].base = base;
		r[at].size += fresh.size;
	} else {
		move_regions(type, at + 1, at);
		type->cnt++;
		/* Field by field: a struct copy could bring stack bytes along
		 * as padding, and a rollback must leave no trace. */
		r[at].base = base;
		r[at].size = fresh.size;
		r[at].flags = flags;
		memblock_set_region_node(&r[at], nid);
	}
}

static int insert_range(struct memblock_type *type, phys_addr_t base,
			phys_addr_t size, int nid, enum memblock_flags flags,
			struct mb_txn *txn)
{
	struct holes h;
	unsigned long holes;
	phys_addr_t end;

	size = mb_clip(base, size);
	if (!size)
		return 0;
	end = base + size;
	if (!type->regions[0].size) {
		/* Empty, whatever cnt says: the range becomes region 0. */
		type->cnt = 0;
		type->total_size = 0;
	}
	find_holes(type, base, end, nid, flags, &h, true);
	if (!h.count)
		return 0;
	if (type->cnt + h.count > type->max) {
		if (!fit(txn, type, h.count, base, size))
			return -ENOMEM;
		/* A grown reserved array may have landed inside the range. */
		find_holes(type, base, end, nid, flags, &h, false);
	}
	type->total_size += h.bytes;
	/* Fill the holes from the lowest up; usually there is just one. */
	for (holes = h.count;; ) {
		fill_hole(type, h.first_at, h.first, h.first_end, nid, flags);
		if (!--holes)
			return 0;
		find_holes(type, h.first_end, end, nid, flags, &h, false);
	}
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
	int err;

	the_txn.started = false;
	err = insert_range(type, base, size, nid, flags, &the_txn);
	if (err)
		txn_rollback(&the_txn);
	return err;
}

/* --- Range edits --------------------------------------------------------------- */

static void apply_op(struct memblock_region *r, enum mb_edit_op op, int arg)
{
	if (op == MB_EDIT_SET_FLAGS)
		r->flags |= (enum memblock_flags)arg;
	else if (op == MB_EDIT_CLEAR_FLAGS)
		r->flags &= ~(enum memblock_flags)arg;
	else
		memblock_set_region_node(r, arg);
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

static int edit_range(struct memblock_type *type, phys_addr_t base,
		      phys_addr_t size, enum mb_edit_op op, int arg,
		      struct mb_txn *txn)
{
	const struct memblock_region *r;
	unsigned long lo, hi, i;
	phys_addr_t end;

	size = mb_clip(base, size);
	if (!size)
		return 0;
	if (txn && !fit(txn, type, 2, base, size))
		return -ENOMEM;
	r = type->regions;
	end = base + size;
	lo = mb_first_ending_above(type, base);
	for (hi = lo; hi < type->cnt && r[hi].base < end; hi++)
		;
	if (lo == hi)
		return 0;
	/* Cuts take up to two slots; a rollback (no @txn) checks it has them. */
	if (!txn && type->cnt + 2 > type->max)
		return -ENOMEM;
	if (r[lo].base < base) {
		split_region(type, lo++, base);
		hi++;
	}
	if (mb_region_end(&r[hi - 1]) > end)
		split_region(type, hi - 1, end);
	if (op == MB_EDIT_DROP) {
		for (i = lo; i < hi; i++)
			type->total_size -= r[i].size;
		move_regions(type, lo, hi);
		type->cnt -= hi - lo;
		if (!type->cnt)
			mb_set_empty(type);
		return 0;
	}
	for (i = lo; i < hi; i++)
		apply_op(&type->regions[i], op, arg);
	join_run(type, lo ? lo - 1 : 0, hi);
	return 0;
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
	int err;

	the_txn.started = false;
	err = edit_range(type, base, size, op, arg, &the_txn);
	if (err)
		txn_rollback(&the_txn);
	return err;
}

/* Room in two arrays, all or nothing. */
static int make_room_in_two(struct memblock_type *a, unsigned long na,
				     struct memblock_type *b, unsigned long nb)
{
	the_txn.started = false;
	if (fit(&the_txn, a, na, 0, 0) && fit(&the_txn, b, nb, 0, 0))
		return 0;
	txn_rollback(&the_txn);
	return -ENOMEM;
}

/**
 * mb_make_room - grow memory and reserved for a batch of changes
 * @mem_slots: free slots wanted in memblock.memory
 * @rsv_slots: free slots wanted in memblock.reserved
 *
 * All or nothing: when either array cannot grow enough, both are left as
 * they were.
 *
 * Return: true when both arrays have the room.
 */
bool mb_make_room(unsigned long mem_slots, unsigned long rsv_slots)
{
	return !make_room_in_two(&memblock.memory, mem_slots,
					  &memblock.reserved, rsv_slots);
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
	return make_room_in_two(type, free_slots, type, 0);
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
	if (ptr)
		memblock_phys_free(memblock_env_virt_to_phys(ptr), size);
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
 * mb_reshape_memory - cut every memory region down, in one pass
 * @keep: shrinks a region in place and returns true, or returns false to
 *	delete it; it never moves a region past its neighbours
 * @x: first argument of @keep
 * @y: second argument of @keep
 *
 * total_size follows exactly. Cuts never make neighbours mergeable, so
 * nothing is joined; the array needs no room.
 */
void mb_reshape_memory(bool (*keep)(struct memblock_region *r, phys_addr_t x,
				    phys_addr_t y),
		       phys_addr_t x, phys_addr_t y)
{
	struct memblock_type *mem = &memblock.memory;
	struct memblock_region *r = mem->regions;
	unsigned long i, kept = 0;

	for (i = 0; i < mem->cnt; i++) {
		mem->total_size -= r[i].size;
		if (!keep(&r[i], x, y))
			continue;
		mem->total_size += r[i].size;
		/* Slot to slot, so that padding bytes come along unchanged. */
		if (kept != i)
			r[kept] = r[i];
		kept++;
	}
	mem->cnt = kept;
	if (!kept)
		mb_set_empty(mem);
}

/* Whole @align units of @r; a round-up that wraps deletes it. */
static bool keep_aligned(struct memblock_region *r, phys_addr_t align,
			 phys_addr_t unused)
{
	const phys_addr_t start = MB_ALIGN_UP(r->base, align);
	const phys_addr_t end = MB_ALIGN_DOWN(mb_region_end(r), align);

	(void)unused;
	if (start < r->base || start >= end)
		return false;
	r->base = start;
	r->size = end - start;
	return true;
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
		mb_reshape_memory(keep_aligned, align, 0);
}
