// SPDX-License-Identifier: MIT
/*
 * fdt.c - import memory and reservations from a flattened device tree.
 *
 * The sources, in the order Linux reads them:
 *  1. memory nodes: children of the root with device_type = "memory",
 *     reg (or linux,usable-memory) in the root's #address-cells and
 *     #size-cells (default 1 and 1), numa-node-id, hotpluggable; each
 *     range trimmed to whole pages;
 *  2. /chosen linux,usable-memory-range: the first range caps the memory
 *     of step 1, the others are memory too;
 *  3. the /memreserve/ block: reserved;
 *  4. the children of /reserved-memory (only when its cells are the
 *     root's and it has "ranges"), reg in those cells: no-map marks the
 *     memory MEMBLOCK_NOMAP (refused over memory already reserved),
 *     otherwise reserved. Children without reg are dynamic: allocated by
 *     memblock_fdt_reserve_dynamic(), once the caller is ready.
 * Memory comes first so that no-map finds the memory it marks.
 */
#include <memblock/config.h>

#ifdef CONFIG_MEMBLOCK_FW_FDT

#include "fw_internal.h"

/*
 * The root's cells when it has no #address-cells/#size-cells: Linux's
 * defaults (OF_ROOT_NODE_*_CELLS_DEFAULT), 1 and 1.
 */
#define FDT_ROOT_ADDR_CELLS 1
#define FDT_ROOT_SIZE_CELLS 1

/* The #address-cells and #size-cells of @node: 1 or 2 each, or -EINVAL. */
static int read_cells(const struct fdtw *w, uint32_t node, uint32_t *ac,
		      uint32_t *sc)
{
	int err;

	err = mb_fdtw_prop_u32(w, node, "#address-cells",
			       FDT_ROOT_ADDR_CELLS, ac);
	if (!err)
		err = mb_fdtw_prop_u32(w, node, "#size-cells",
				       FDT_ROOT_SIZE_CELLS, sc);
	if (err)
		return err;
	if (*ac < 1 || *ac > 2 || *sc < 1 || *sc > 2)
		return -EINVAL;
	return 0;
}

/* A reg-like property: a whole number of (address, size) tuples. */
static int reg_tuples(uint32_t len, uint32_t ac, uint32_t sc)
{
	const uint32_t tuple = 4 * (ac + sc);
	uint32_t off;

	for (off = 0; off < len; off += tuple)
		if (len - off < tuple)
			return -EINVAL;
	return 0;
}

/**
 * struct mem_iter - walks the (base, size) tuples of every memory node
 * @w: the tree
 * @ctx: where skipped nodes are reported, or NULL
 * @ac: root #address-cells
 * @sc: root #size-cells
 * @node: the current memory node
 * @started: @node is valid
 * @reg: its reg (or linux,usable-memory) value
 * @len: its length
 * @pos: the next tuple's offset in @reg
 * @nid: its numa-node-id (MAX_NUMNODES when absent or without NUMA)
 * @hotplug: it is hotpluggable
 *
 * A copy of an iterator continues from the same point, which gives the
 * overlap check its pairs without any storage.
 */
struct mem_iter {
	const struct fdtw *w;
	struct fw_ctx *ctx;
	uint32_t ac, sc;
	uint32_t node;
	bool started;
	const uint8_t *reg;
	uint32_t len;
	uint32_t pos;
	int nid;
	bool hotplug;
};

static bool is_memory_node(const struct fdtw *w, uint32_t node)
{
	const uint8_t *val;
	uint32_t len;

	return !mb_fdtw_prop(w, node, "device_type", &val, &len) &&
	       mb_fdtw_prop_is(val, len, "memory");
}

static bool has_prop(const struct fdtw *w, uint32_t node, const char *name)
{
	const uint8_t *val;
	uint32_t len;

	return !mb_fdtw_prop(w, node, name, &val, &len);
}

/* numa-node-id: one cell below MAX_NUMNODES; ignored without NUMA. */
static int mem_node_nid(const struct fdtw *w, uint32_t node, int *nid)
{
	const uint8_t *val;
	uint32_t len;
	int err = mb_fdtw_prop(w, node, "numa-node-id", &val, &len);

	*nid = MAX_NUMNODES;
	if (err == -ENOENT)
		return 0;
	if (err)
		return err;
	if (len != 4)
		return -EINVAL;
#ifdef CONFIG_NUMA
	if (fw_be32(val) >= MAX_NUMNODES)
		return -EINVAL;
	*nid = (int)fw_be32(val);
#endif
	return 0;
}

/* Load the memory node @node into @it: 0, 1 to skip it, or an error. */
static int mem_iter_load(struct mem_iter *it, uint32_t node)
{
	const struct fdtw *w = it->w;
	int err;

	it->node = node;
	it->pos = 0;
	if (!mb_fdtw_available(w, node)) {
		if (it->ctx) {
			mb_fw_count_entry(it->ctx);
			mb_fw_ignore(it->ctx, 0, 0, "memory node disabled");
		}
		return 1;
	}
	err = mb_fdtw_prop(w, node, "linux,usable-memory", &it->reg, &it->len);
	if (err == -ENOENT)
		err = mb_fdtw_prop(w, node, "reg", &it->reg, &it->len);
	if (err == -ENOENT) {
		if (it->ctx) {
			mb_fw_count_entry(it->ctx);
			mb_fw_ignore(it->ctx, 0, 0, "memory node without reg");
		}
		return 1;
	}
	if (!err)
		err = reg_tuples(it->len, it->ac, it->sc);
	if (!err)
		err = mem_node_nid(w, node, &it->nid);
	if (err)
		return err;
	it->hotplug = has_prop(w, node, "hotpluggable");
	return 0;
}

/* Advance to the next memory node with tuples: 1, 0 at the end, or error. */
static int mem_iter_next_node(struct mem_iter *it, uint32_t root)
{
	uint32_t node;
	int err;

	for (;;) {
		if (!it->started)
			err = mb_fdtw_first_child(it->w, root, &node);
		else
			err = mb_fdtw_next_sibling(it->w, it->node, &node);
		if (err == -ENOENT)
			return 0;
		if (err)
			return err;
		it->started = true;
		it->node = node;
		if (!is_memory_node(it->w, node))
			continue;
		err = mem_iter_load(it, node);
		if (err < 0)
			return err;
		if (!err)
			return 1;
	}
}

/* The next tuple: 1 with *@base and *@size, 0 at the end, or an error. */
static int mem_iter_next(struct mem_iter *it, uint32_t root, u64 *base,
			 u64 *size)
{
	const uint32_t tuple = 4 * (it->ac + it->sc);
	int ret;

	while (!it->started || it->pos >= it->len) {
		ret = mem_iter_next_node(it, root);
		if (ret <= 0)
			return ret;
		if (it->len)
			break;
	}
	*base = mb_fdtw_read_cells(it->reg + it->pos, it->ac);
	*size = mb_fdtw_read_cells(it->reg + it->pos + (size_t)4 * it->ac, it->sc);
	it->pos += tuple;
	return 1;
}

/* Memory ranges that overlap must agree on node and hotplug. */
static int check_memory_overlaps(const struct mem_iter *start, uint32_t root)
{
	struct mem_iter a = *start, b;
	u64 abase, asize, bbase, bsize;
	int ret;

	a.ctx = NULL;
	while ((ret = mem_iter_next(&a, root, &abase, &asize)) > 0) {
		if (!asize)
			continue;
		b = a;
		while ((ret = mem_iter_next(&b, root, &bbase, &bsize)) > 0) {
			if (!bsize ||
			    (b.nid == a.nid && b.hotplug == a.hotplug))
				continue;
			if (abase < bbase + bsize && bbase < abase + asize)
				return -EEXIST;
		}
		if (ret < 0)
			return ret;
	}
	return ret;
}

/* A child of the root by name (unit address ignored), or -ENOENT. */
static int find_child(const struct fdtw *w, uint32_t root, const char *name,
		      uint32_t *node)
{
	int err = mb_fdtw_first_child(w, root, node);

	while (!err && !mb_fdtw_name_is(mb_fdtw_name(w, *node), name))
		err = mb_fdtw_next_sibling(w, *node, node);
	return err;
}

/**
 * struct usable - /chosen linux,usable-memory-range, in the root's cells
 * @reg: the property's value, NULL when there is none
 * @len: its length
 * @ac: root #address-cells
 * @sc: root #size-cells
 */
struct usable {
	const uint8_t *reg;
	uint32_t len;
	uint32_t ac, sc;
};

static int read_usable(const struct fdtw *w, uint32_t root, struct usable *u)
{
	uint32_t chosen;
	int err = find_child(w, root, "chosen", &chosen);

	u->reg = NULL;
	u->len = 0;
	if (!err)
		err = mb_fdtw_prop(w, chosen, "linux,usable-memory-range",
				   &u->reg, &u->len);
	if (err == -ENOENT) {
		u->reg = NULL;
		u->len = 0;
		return 0;
	}
	if (!err)
		err = reg_tuples(u->len, u->ac, u->sc);
	return err;
}

static void usable_tuple(const struct usable *u, uint32_t off, u64 *base,
			 u64 *size)
{
	*base = mb_fdtw_read_cells(u->reg + off, u->ac);
	*size = mb_fdtw_read_cells(u->reg + off + (size_t)4 * u->ac, u->sc);
}

/*
 * A memory range as Linux adds it: whole pages only (base rounded up, end
 * down), then cut to the first usable range when there is one. False when
 * nothing is left.
 */
static bool trim_memory(const struct usable *u, u64 *base, u64 *size)
{
	const u64 lead = (PAGE_SIZE - (*base & (PAGE_SIZE - 1))) & (PAGE_SIZE - 1);
	u64 cap_base, cap_size, end;

	if (*size <= lead || mb_fw_check_range(*base, *size))
		return false;
	*base += lead;
	*size = (*size - lead) & ~(u64)(PAGE_SIZE - 1);
	if (!*size)
		return false;
	if (!u->len)
		return true;
	usable_tuple(u, 0, &cap_base, &cap_size);
	end = *base + *size;
	if (cap_size > ~(u64)0 - cap_base)
		cap_size = ~(u64)0 - cap_base;
	if (*base < cap_base)
		*base = cap_base;
	if (end > cap_base + cap_size)
		end = cap_base + cap_size;
	if (*base >= end)
		return false;
	*size = end - *base;
	return true;
}

static int import_memory(struct fw_ctx *ctx, const struct fdtw *w,
			 uint32_t root)
{
	struct mem_iter it = { .w = w, .ctx = ctx };
	struct mem_iter start;
	struct usable u;
	u64 base, size;
	uint32_t off;
	int ret;

	ret = read_cells(w, root, &it.ac, &it.sc);
	if (ret)
		return ret;
	u.ac = it.ac;
	u.sc = it.sc;
	ret = read_usable(w, root, &u);
	if (ret)
		return ret;
	start = it;

	while ((ret = mem_iter_next(&it, root, &base, &size)) > 0) {
		mb_fw_count_entry(ctx);
		if (mb_fw_check_range(base, size))
			return -ERANGE;
		if (!trim_memory(&u, &base, &size)) {
			mb_fw_ignore(ctx, base, size,
				     "no whole page (in the usable range)");
			continue;
		}
		ret = mb_fw_emit(ctx, base, size,
				 FW_ACT_MEMORY | (it.hotplug ? FW_ACT_HOTPLUG : 0),
				 it.nid);
		if (ret)
			return ret;
	}
	if (ret < 0)
		return ret;
	/* The usable ranges after the first are memory as they are. */
	for (off = 4 * (u.ac + u.sc); off < u.len; off += 4 * (u.ac + u.sc)) {
		mb_fw_count_entry(ctx);
		usable_tuple(&u, off, &base, &size);
		ret = mb_fw_emit(ctx, base, size, FW_ACT_MEMORY, MAX_NUMNODES);
		if (ret)
			return ret;
	}
	if (!mb_fw_checking(ctx))
		return 0;
	return check_memory_overlaps(&start, root);
}

/*
 * Whether [@base, @base + @size) meets a reservation Linux would have made
 * before reaching a /reserved-memory child: one already in memblock, a
 * /memreserve/ entry, or a reg of an earlier child without no-map.
 */
static bool reserved_before(const struct fdtw *w, uint32_t rmem,
			    uint32_t upto, uint32_t ac, uint32_t sc, u64 base,
			    u64 size)
{
	const u64 end = base + size;
	uint32_t off, child;

	/* memblock holds nothing at or above PHYS_ADDR_MAX. */
	if (base < PHYS_ADDR_MAX &&
	    memblock_is_region_reserved((phys_addr_t)base,
					(phys_addr_t)MB_MIN(size, (u64)PHYS_ADDR_MAX)))
		return true;
	for (off = w->rsvmap_off; fw_fits(off, 16, w->size); off += 16) {
		const u64 b = fw_be64(w->blob + off), sz = fw_be64(w->blob + off + 8);

		if (!sz)
			break;
		if (b < end && base < b + sz)
			return true;
	}
	for (int err = mb_fdtw_first_child(w, rmem, &child);
	     !err && child != upto; err = mb_fdtw_next_sibling(w, child, &child)) {
		const uint8_t *reg;
		uint32_t len;

		if (!mb_fdtw_available(w, child) ||
		    mb_fdtw_prop(w, child, "reg", &reg, &len) ||
		    reg_tuples(len, ac, sc) || has_prop(w, child, "no-map"))
			continue;
		for (off = 0; off < len; off += 4 * (ac + sc)) {
			const u64 b = mb_fdtw_read_cells(reg + off, ac);
			const u64 sz = mb_fdtw_read_cells(reg + off + (size_t)4 * ac, sc);

			if (sz && !mb_fw_check_range(b, sz) && b < end &&
			    base < b + sz)
				return true;
		}
	}
	return false;
}

/*
 * Whether [@base, @base + @size) meets memory: memory already in memblock,
 * or memory of the tree (a /memory range or a usable range), as Linux's
 * memblock holds it by then.
 */
static bool memory_there(const struct fdtw *w, uint32_t root, u64 base,
			 u64 size)
{
	struct mem_iter it = { .w = w };
	struct usable u;
	uint32_t off;
	u64 b, sz;

	if (base < PHYS_ADDR_MAX &&
	    memblock_overlaps_region(&memblock.memory, (phys_addr_t)base,
				     (phys_addr_t)MB_MIN(size, (u64)PHYS_ADDR_MAX)))
		return true;
	if (read_cells(w, root, &it.ac, &it.sc))
		return false;
	u.ac = it.ac;
	u.sc = it.sc;
	if (read_usable(w, root, &u))
		return false;
	while (mem_iter_next(&it, root, &b, &sz) > 0)
		if (!mb_fw_check_range(b, sz) && trim_memory(&u, &b, &sz) &&
		    b < base + size && base < b + sz)
			return true;
	for (off = 4 * (u.ac + u.sc); off < u.len; off += 4 * (u.ac + u.sc)) {
		usable_tuple(&u, off, &b, &sz);
		if (sz && b < base + size && base < b + sz)
			return true;
	}
	return false;
}

/* One child of /reserved-memory. */
static int import_reserved_child(struct fw_ctx *ctx, const struct fdtw *w,
				 uint32_t root, uint32_t rmem, uint32_t node,
				 uint32_t ac, uint32_t sc)
{
	const uint32_t tuple = 4 * (ac + sc);
	const uint8_t *reg;
	uint32_t len, off;
	unsigned int act;
	int err;

	if (!mb_fdtw_available(w, node)) {
		mb_fw_count_entry(ctx);
		mb_fw_ignore(ctx, 0, 0, "reserved-memory node disabled");
		return 0;
	}
	err = mb_fdtw_prop(w, node, "reg", &reg, &len);
	if (err == -ENOENT) {
		/* Dynamic: memblock_fdt_reserve_dynamic() allocates it. */
		mb_fw_count_entry(ctx);
		mb_fw_ignore(ctx, 0, 0, "dynamic reserved-memory (no reg)");
		return 0;
	}
	if (!err)
		err = reg_tuples(len, ac, sc);
	if (err)
		return err;
	for (off = 0; off < len; off += tuple)
		if (mb_fw_check_range(mb_fdtw_read_cells(reg + off, ac),
				      mb_fdtw_read_cells(reg + off + (size_t)4 * ac, sc)))
			return -ERANGE;

	act = FW_ACT_RESERVE;
	if (has_prop(w, node, "no-map")) {
		act = FW_ACT_NOMAP;
		/* Linux refuses no-map over memory that is already reserved. */
		for (off = 0; off < len; off += tuple) {
			const u64 b = mb_fdtw_read_cells(reg + off, ac);
			const u64 sz = mb_fdtw_read_cells(reg + off + (size_t)4 * ac, sc);

			if (sz && memory_there(w, root, b, sz) &&
			    reserved_before(w, rmem, node, ac, sc, b, sz)) {
				mb_fw_count_entry(ctx);
				if (mb_fw_checking(ctx))
					memblock_printk("memblock: fdt: %s: no-map over reserved memory, not applied\n",
							mb_fdtw_name(w, node));
				mb_fw_ignore(ctx, b, sz, "no-map over reserved memory");
				return 0;
			}
		}
	}
	for (off = 0; off < len; off += tuple) {
		mb_fw_count_entry(ctx);
		err = mb_fw_emit(ctx, mb_fdtw_read_cells(reg + off, ac),
				 mb_fdtw_read_cells(reg + off + (size_t)4 * ac, sc), act,
				 MAX_NUMNODES);
		if (err)
			return err;
	}
	return 0;
}

/*
 * /reserved-memory, when Linux reads it: its #address-cells and #size-cells
 * both present and equal to the root's, and a "ranges" property (an
 * identity mapping). Otherwise the whole node is ignored, with a log line.
 */
static int reserved_memory_node(struct fw_ctx *ctx, const struct fdtw *w,
				uint32_t root, uint32_t *rmem, uint32_t *ac,
				uint32_t *sc)
{
	uint32_t rac, rsc, nac, nsc;
	int err = find_child(w, root, "reserved-memory", rmem);

	if (err)
		return err;
	if (!mb_fdtw_available(w, *rmem))
		return -ENOENT;
	err = read_cells(w, root, &rac, &rsc);
	if (err)
		return err;
	if (mb_fdtw_prop_u32(w, *rmem, "#address-cells", 0, &nac) ||
	    mb_fdtw_prop_u32(w, *rmem, "#size-cells", 0, &nsc) ||
	    nac != rac || nsc != rsc || !has_prop(w, *rmem, "ranges")) {
		if (mb_fw_checking(ctx))
			memblock_printk("memblock: fdt: /reserved-memory: cells unlike the root's or no ranges, ignored\n");
		return -ENOENT;
	}
	*ac = rac;
	*sc = rsc;
	return 0;
}

static int import_reserved_memory(struct fw_ctx *ctx, const struct fdtw *w,
				  uint32_t root)
{
	uint32_t rmem, child, ac, sc;
	int err;

	err = reserved_memory_node(ctx, w, root, &rmem, &ac, &sc);
	if (err == -ENOENT)
		return 0;
	if (!err)
		err = mb_fdtw_first_child(w, rmem, &child);
	while (!err) {
		err = import_reserved_child(ctx, w, root, rmem, child, ac, sc);
		if (!err)
			err = mb_fdtw_next_sibling(w, child, &child);
	}
	return err == -ENOENT ? 0 : err;
}

/* The /memreserve/ block: (u64 address, u64 size) pairs up to size 0. */
static int import_memreserve(struct fw_ctx *ctx, const struct fdtw *w)
{
	uint32_t off;
	int err;

	for (off = w->rsvmap_off;; off += 16) {
		const uint8_t *e = w->blob + off;
		u64 size;

		if (!fw_fits(off, 16, w->size))
			return -EBADMSG;
		size = fw_be64(e + 8);
		if (!size)
			return 0;
		mb_fw_count_entry(ctx);
		err = mb_fw_emit(ctx, fw_be64(e), size, FW_ACT_RESERVE,
				 MAX_NUMNODES);
		if (err)
			return err;
	}
}

static int fdt_walk(struct fw_ctx *ctx, const void *arg)
{
	const struct fdtw *w = arg;
	uint32_t root;
	int err;

	err = mb_fdtw_root(w, &root);
	if (!err)
		err = import_memory(ctx, w, root);
	if (!err)
		err = import_memreserve(ctx, w);
	if (!err)
		err = import_reserved_memory(ctx, w, root);
	return err;
}

/**
 * memblock_import_fdt - add the memory and reservations of a flattened
 *	device tree to memblock
 * @fdt: the blob (any alignment)
 * @max_size: bytes readable at @fdt; the header's totalsize must not
 *	exceed it
 * @stats: optional output; zeroed first, filled on success
 *
 * Memory: every child of the root with device_type = "memory" and a status
 * of "okay"/"ok" (or none). Its "linux,usable-memory", when present, is
 * used instead of "reg" (as Linux does for a crash kernel); tuples use the
 * root's #address-cells and #size-cells (default 2 and 1, each must be 1
 * or 2). "numa-node-id" gives the node (NUMA builds; it must be below
 * MAX_NUMNODES), "hotpluggable" marks the memory MEMBLOCK_HOTPLUG.
 *
 * Reservations: each enabled child of /reserved-memory with "reg" (in
 * /reserved-memory's own cells): "no-map" marks the memory MEMBLOCK_NOMAP,
 * otherwise ("reusable" included) the range is reserved. Children without
 * "reg" (dynamic: size, alignment, alloc-ranges) are ignored: they need an
 * allocation, which is the caller's to make. Every /memreserve/ entry is
 * reserved.
 *
 * Not done here: reserving the blob itself (the caller knows where it is;
 * memblock_reserve(fdt, totalsize)), /chosen properties.
 *
 * Zero-length ranges are ignored. Memory ranges that overlap must have the
 * same node and hotplug setting. In a 32-bit phys_addr_t build the part of
 * a range above PHYS_ADDR_MAX is dropped. The whole blob is checked before
 * memblock changes.
 *
 * Context: early boot, single-threaded, before memblock_discard().
 *
 * Return: 0; -EINVAL for a NULL @fdt, a bad magic, a version below 16 or a
 * last compatible version above 17, a misaligned block, a bad token or
 * nesting, cells of 0 or above 2, a reg not made of whole tuples, a bad
 * numa-node-id; -EBADMSG when totalsize exceeds @max_size or anything runs
 * past its block; -ERANGE for a range that wraps past 2^64; -EEXIST for
 * overlapping memory with different nodes or hotplug; -ENOMEM when the
 * region arrays cannot hold the result. On error memblock is unchanged
 * (with -ENOMEM after growth was allowed, only the arrays may have grown).
 */
int memblock_import_fdt(const void *fdt, size_t max_size,
			struct memblock_fw_stats *stats)
{
	struct fdtw w;
	int err;

	if (stats)
		memblock_env_memset(stats, 0, sizeof(*stats));
	err = mb_fdtw_init(&w, fdt, max_size);
	if (err)
		return err;
	return mb_fw_run("fdt", fdt_walk, &w, stats);
}

/* --- Dynamic reservations -------------------------------------------------- */

/* One cell group of a dynamic child's property, or an error. */
static int read_sized(const struct fdtw *w, uint32_t node, const char *name,
		      uint32_t cells, u64 *val)
{
	const uint8_t *p;
	uint32_t len;
	int err = mb_fdtw_prop(w, node, name, &p, &len);

	if (err)
		return err;
	if (len != 4 * cells)
		return -EINVAL;
	*val = mb_fdtw_read_cells(p, cells);
	return 0;
}

/*
 * A dynamic child (enabled, no reg): its size, alignment and alloc-ranges.
 * 1 when @node is not dynamic, 0 when it is and is well formed.
 */
static int read_dynamic(const struct fdtw *w, uint32_t node, uint32_t ac,
			uint32_t sc, u64 *size, u64 *align,
			const uint8_t **ranges, uint32_t *ranges_len)
{
	const uint8_t *reg;
	uint32_t len;
	int err;

	if (!mb_fdtw_available(w, node) || !mb_fdtw_prop(w, node, "reg", &reg, &len))
		return 1;
	err = read_sized(w, node, "size", sc, size);
	if (err == -ENOENT)
		return 1;	/* neither reg nor size: nothing to reserve */
	if (err)
		return err;
	err = read_sized(w, node, "alignment", sc, align);
	if (err == -ENOENT) {
		*align = SMP_CACHE_BYTES;
		err = 0;
	}
	if (err || !*size || !mb_is_pow2((phys_addr_t)*align) ||
	    *align > PHYS_ADDR_MAX || *size > PHYS_ADDR_MAX)
		return err ? err : -EINVAL;
	err = mb_fdtw_prop(w, node, "alloc-ranges", ranges, ranges_len);
	if (err == -ENOENT) {
		*ranges = NULL;
		*ranges_len = 0;
		return 0;
	}
	return err ? err : reg_tuples(*ranges_len, ac, sc);
}

/* Allocate one dynamic region as Linux does: in each alloc-range in turn. */
static phys_addr_t alloc_dynamic(u64 size, u64 align, const uint8_t *ranges,
				 uint32_t len, uint32_t ac, uint32_t sc)
{
	uint32_t off;

	if (!len)
		return memblock_phys_alloc_range((phys_addr_t)size,
						 (phys_addr_t)align, 0,
						 MEMBLOCK_ALLOC_ACCESSIBLE);
	for (off = 0; off < len; off += 4 * (ac + sc)) {
		const u64 start = mb_fdtw_read_cells(ranges + off, ac);
		u64 n = mb_fdtw_read_cells(ranges + off + (size_t)4 * ac, sc);
		phys_addr_t pa;

		if (start >= PHYS_ADDR_MAX || !n)
			continue;
		if (n > PHYS_ADDR_MAX - start)
			n = PHYS_ADDR_MAX - start;
		pa = memblock_phys_alloc_range((phys_addr_t)size,
					       (phys_addr_t)align,
					       (phys_addr_t)start,
					       (phys_addr_t)(start + n));
		if (pa)
			return pa;
	}
	return 0;
}

/**
 * memblock_fdt_reserve_dynamic - allocate the dynamic reserved-memory regions
 *	of a flattened device tree
 * @fdt: the blob (any alignment)
 * @max_size: bytes readable at @fdt
 * @out: receives one entry per region allocated, in node order; or NULL
 * @max_entries: capacity of @out
 *
 * Each enabled child of /reserved-memory (read as memblock_import_fdt()
 * reads it) that has "size" and no "reg" is allocated from memblock as
 * Linux allocates it: "size" bytes aligned to "alignment" (default
 * SMP_CACHE_BYTES), in the first of its "alloc-ranges" that has room (or
 * anywhere below memblock.current_limit without them), top-down or
 * bottom-up as memblock is set; reserved with MEMBLOCK_RSRV_KERN, and also
 * marked MEMBLOCK_NOMAP when the node has "no-map". Nodes are taken in
 * tree order, after everything memblock_import_fdt() added: import first,
 * reserve what must not move (the kernel image, the blob), then call this.
 * A region with no room anywhere is logged and skipped, as in Linux.
 *
 * @out is filled only when it can hold every dynamic node: the whole tree
 * is checked (and the nodes counted) before anything is allocated.
 *
 * Context: early boot, single-threaded, before memblock_discard().
 *
 * Return: the number of regions allocated (each in @out when given);
 * -EINVAL for a bad blob or a malformed size, alignment (not a power of
 * two) or alloc-ranges; -EBADMSG as for memblock_import_fdt(); -ENOSPC
 * when @out cannot hold every dynamic node. On error nothing is allocated.
 */
long memblock_fdt_reserve_dynamic(const void *fdt, size_t max_size,
				  struct memblock_fdt_dynamic *out,
				  size_t max_entries)
{
	struct fw_ctx ctx = { .mode = FW_STATE, .name = "fdt" };
	uint32_t root, rmem, child, ac, sc, len;
	const uint8_t *ranges;
	struct fdtw w;
	u64 size, align;
	size_t nodes = 0;
	long done = 0;
	int pass, err;

	err = mb_fdtw_init(&w, fdt, max_size);
	if (!err)
		err = mb_fdtw_root(&w, &root);
	if (!err)
		err = reserved_memory_node(&ctx, &w, root, &rmem, &ac, &sc);
	if (err)
		return err == -ENOENT ? 0 : err;

	/* Pass 0 checks and counts; pass 1 allocates. */
	for (pass = 0; pass < 2; pass++) {
		for (err = mb_fdtw_first_child(&w, rmem, &child); !err;
		     err = mb_fdtw_next_sibling(&w, child, &child)) {
			const int dyn = read_dynamic(&w, child, ac, sc, &size,
						     &align, &ranges, &len);
			phys_addr_t pa;

			if (dyn < 0)
				return dyn;
			if (dyn)
				continue;
			if (!pass) {
				nodes++;
				continue;
			}
			pa = alloc_dynamic(size, align, ranges, len, ac, sc);
			if (pa && has_prop(&w, child, "no-map") &&
			    memblock_mark_nomap(pa, (phys_addr_t)size)) {
				memblock_phys_free(pa, (phys_addr_t)size);
				pa = 0;
			}
			if (!pa) {
				memblock_printk("memblock: fdt: %s: no room for %llu bytes\n",
						mb_fdtw_name(&w, child),
						(unsigned long long)size);
				continue;
			}
			if (out) {
				out[done].name = mb_fdtw_name(&w, child);
				out[done].base = pa;
				out[done].size = (phys_addr_t)size;
				out[done].nomap = has_prop(&w, child, "no-map");
				out[done].reusable = has_prop(&w, child, "reusable");
			}
			done++;
		}
		if (err != -ENOENT)
			return err;
		if (out && nodes > max_entries)
			return -ENOSPC;
	}
	return done;
}

#endif /* CONFIG_MEMBLOCK_FW_FDT */
