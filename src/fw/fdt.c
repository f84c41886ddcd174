// SPDX-License-Identifier: MIT
/*
 * fdt.c - import memory and reservations from a flattened device tree.
 *
 * Three sources, applied in this order:
 *  1. memory nodes: children of the root with device_type = "memory",
 *     reg (or linux,usable-memory) in the root's #address-cells and
 *     #size-cells, numa-node-id, hotpluggable;
 *  2. the children of /reserved-memory, reg in that node's own cells:
 *     no-map → MEMBLOCK_NOMAP on the memory, otherwise reserved;
 *  3. the /memreserve/ block: reserved.
 * Memory comes first so that no-map finds the memory it marks.
 */
#include <memblock/config.h>

#ifdef CONFIG_MEMBLOCK_FW_FDT

#include "fw_internal.h"

/* Devicetree spec defaults when a node has no #address-cells/#size-cells. */
#define FDT_DEFAULT_ADDR_CELLS 2
#define FDT_DEFAULT_SIZE_CELLS 1

/* The #address-cells and #size-cells of @node: 1 or 2 each, or -EINVAL. */
static int read_cells(const struct fdtw *w, uint32_t node, uint32_t *ac,
		      uint32_t *sc)
{
	int err;

	err = mb_fdtw_prop_u32(w, node, "#address-cells",
			       FDT_DEFAULT_ADDR_CELLS, ac);
	if (!err)
		err = mb_fdtw_prop_u32(w, node, "#size-cells",
				       FDT_DEFAULT_SIZE_CELLS, sc);
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

static int import_memory(struct fw_ctx *ctx, const struct fdtw *w,
			 uint32_t root)
{
	struct mem_iter it = { .w = w, .ctx = ctx };
	struct mem_iter start;
	u64 base, size;
	int ret;

	ret = read_cells(w, root, &it.ac, &it.sc);
	if (ret)
		return ret;
	start = it;

	while ((ret = mem_iter_next(&it, root, &base, &size)) > 0) {
		mb_fw_count_entry(ctx);
		ret = mb_fw_emit(ctx, base, size,
				 FW_ACT_MEMORY | (it.hotplug ? FW_ACT_HOTPLUG : 0),
				 it.nid);
		if (ret)
			return ret;
	}
	if (ret < 0 || !mb_fw_checking(ctx))
		return ret;
	return check_memory_overlaps(&start, root);
}

/* One child of /reserved-memory. */
static int import_reserved_child(struct fw_ctx *ctx, const struct fdtw *w,
				 uint32_t node, uint32_t ac, uint32_t sc)
{
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
		/* Dynamic (size, alignment, alloc-ranges): the caller's. */
		mb_fw_count_entry(ctx);
		mb_fw_ignore(ctx, 0, 0, "dynamic reserved-memory (no reg)");
		return 0;
	}
	if (!err)
		err = reg_tuples(len, ac, sc);
	if (err)
		return err;

	act = has_prop(w, node, "no-map") ? FW_ACT_NOMAP : FW_ACT_RESERVE;
	for (off = 0; off < len; off += 4 * (ac + sc)) {
		mb_fw_count_entry(ctx);
		err = mb_fw_emit(ctx, mb_fdtw_read_cells(reg + off, ac),
				 mb_fdtw_read_cells(reg + off + (size_t)4 * ac, sc), act,
				 MAX_NUMNODES);
		if (err)
			return err;
	}
	return 0;
}

static int import_reserved_memory(struct fw_ctx *ctx, const struct fdtw *w,
				  uint32_t root)
{
	uint32_t node, child, ac, sc;
	int err;

	err = mb_fdtw_first_child(w, root, &node);
	while (!err &&
	       !mb_fdtw_name_is(mb_fdtw_name(w, node), "reserved-memory"))
		err = mb_fdtw_next_sibling(w, node, &node);
	if (err == -ENOENT)
		return 0;
	if (err)
		return err;
	if (!mb_fdtw_available(w, node))
		return 0;

	err = mb_fdtw_first_child(w, node, &child);
	if (err == -ENOENT)
		return 0;
	if (!err)
		err = read_cells(w, node, &ac, &sc);
	while (!err) {
		err = import_reserved_child(ctx, w, child, ac, sc);
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
		err = import_reserved_memory(ctx, w, root);
	if (!err)
		err = import_memreserve(ctx, w);
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

#endif /* CONFIG_MEMBLOCK_FW_FDT */
