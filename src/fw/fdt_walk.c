// SPDX-License-Identifier: MIT
/*
 * fdt_walk.c - a small read-only walker for flattened device trees.
 *
 * mb_fdtw_init() checks the header and then the whole structure block once:
 * every token, every node name and property inside the structure block,
 * every property name inside the strings block and NUL-terminated, nodes
 * properly nested, one root, FDT_END at the end. The accessors still check
 * every offset they follow, so they stay safe on their own. Everything is
 * big-endian and read byte-wise; the blob may have any alignment.
 */
#include <memblock/config.h>

#ifdef CONFIG_MEMBLOCK_FW_FDT

#include "fw_internal.h"

#define FDT_MAGIC 0xd00dfeedU
#define FDT_BEGIN_NODE 0x1
#define FDT_END_NODE 0x2
#define FDT_PROP 0x3
#define FDT_NOP 0x4
#define FDT_END 0x9

#define FDT_V16_HEADER 36	/* up to size_dt_strings */
#define FDT_V17_HEADER 40	/* plus size_dt_struct */
#define FDT_MIN_VERSION 16
#define FDT_LAST_COMP_VERSION 17

/* Header fields, by byte offset. */
#define FDT_HDR_MAGIC 0
#define FDT_HDR_TOTALSIZE 4
#define FDT_HDR_OFF_STRUCT 8
#define FDT_HDR_OFF_STRINGS 12
#define FDT_HDR_OFF_RSVMAP 16
#define FDT_HDR_VERSION 20
#define FDT_HDR_LAST_COMP 24
#define FDT_HDR_SIZE_STRINGS 32
#define FDT_HDR_SIZE_STRUCT 36

static uint32_t hdr(const uint8_t *blob, unsigned int field)
{
	return fw_be32(blob + field);
}

static size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static bool str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* Length of the string at @p without its NUL, or -1 if none in @max bytes. */
static long bounded_strlen(const uint8_t *p, uint64_t max)
{
	uint64_t n;

	for (n = 0; n < max; n++)
		if (!p[n])
			return (long)n;
	return -1;
}

static uint64_t align4(uint64_t x)
{
	return (x + 3) & ~(uint64_t)3;
}

/*
 * Read the token at structure offset @off: its tag, and the offset of the
 * token after it. Every byte it implies is checked to lie in its block.
 */
static int next_tag(const struct fdtw *w, uint32_t off, uint32_t *tag,
		    uint32_t *next)
{
	const uint8_t *s = w->blob + w->struct_off;
	const uint64_t end = w->struct_size;
	uint64_t n;

	if (off & 3 || (uint64_t)off + 4 > end)
		return -EBADMSG;
	*tag = fw_be32(s + off);
	n = (uint64_t)off + 4;

	switch (*tag) {
	case FDT_BEGIN_NODE: {
		const long len = bounded_strlen(s + n, end - n);

		if (len < 0)
			return -EBADMSG;
		n = align4(n + (uint64_t)len + 1);
		break;
	}
	case FDT_PROP: {
		uint32_t len, nameoff;

		if (n + 8 > end)
			return -EBADMSG;
		len = fw_be32(s + n);
		nameoff = fw_be32(s + n + 4);
		n += 8;
		if (n + len > end)
			return -EBADMSG;
		if (nameoff >= w->strings_size ||
		    bounded_strlen(w->blob + w->strings_off + nameoff,
				   w->strings_size - nameoff) < 0)
			return -EBADMSG;
		n = align4(n + len);
		break;
	}
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -EINVAL;
	}
	if (n > end)
		return -EBADMSG;
	*next = (uint32_t)n;
	return 0;
}

/* One root node, properly nested, properties before subnodes, FDT_END. */
static int check_structure(const struct fdtw *w)
{
	uint32_t off = 0, next, tag;
	bool seen_root = false, seen_child = false;
	unsigned long depth = 0;
	int err;

	for (;; off = next) {
		err = next_tag(w, off, &tag, &next);
		if (err)
			return err;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (!depth && seen_root)
				return -EINVAL;	/* a second root */
			seen_root = true;
			seen_child = false;
			depth++;
			break;
		case FDT_END_NODE:
			if (!depth)
				return -EINVAL;
			depth--;
			seen_child = true;
			break;
		case FDT_PROP:
			if (!depth || seen_child)
				return -EINVAL;
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			return depth || !seen_root ? -EINVAL : 0;
		}
	}
}

/* A block [@off, @off + @len) inside the blob, after the header. */
static bool block_ok(uint32_t off, uint32_t len, uint32_t total,
		     uint32_t hdr_size)
{
	return off >= hdr_size && (uint64_t)off + len <= total;
}

/**
 * mb_fdtw_init - check a flattened device tree and prepare to walk it
 * @w: filled on success
 * @blob: the header (any alignment)
 * @max_size: bytes readable at @blob; totalsize must not exceed it
 *
 * Return: 0; -EINVAL for a NULL @blob, a bad magic, an unsupported version,
 * a misaligned block, an unknown token or a structure that does not nest;
 * -EBADMSG when anything runs past the blob or its block.
 */
int mb_fdtw_init(struct fdtw *w, const void *blob, size_t max_size)
{
	const uint8_t *b = blob;
	uint32_t total, version, hdr_size;

	if (!b)
		return -EINVAL;
	if (max_size < FDT_HDR_MAGIC + 4)
		return -EBADMSG;
	if (hdr(b, FDT_HDR_MAGIC) != FDT_MAGIC)
		return -EINVAL;
	if (max_size < FDT_V16_HEADER)
		return -EBADMSG;
	total = hdr(b, FDT_HDR_TOTALSIZE);
	version = hdr(b, FDT_HDR_VERSION);
	if (version < FDT_MIN_VERSION ||
	    hdr(b, FDT_HDR_LAST_COMP) > FDT_LAST_COMP_VERSION)
		return -EINVAL;
	hdr_size = version >= 17 ? FDT_V17_HEADER : FDT_V16_HEADER;
	if (total > max_size || total < hdr_size)
		return -EBADMSG;

	w->blob = b;
	w->size = total;
	w->rsvmap_off = hdr(b, FDT_HDR_OFF_RSVMAP);
	w->struct_off = hdr(b, FDT_HDR_OFF_STRUCT);
	w->strings_off = hdr(b, FDT_HDR_OFF_STRINGS);
	w->strings_size = hdr(b, FDT_HDR_SIZE_STRINGS);
	if (w->rsvmap_off & 7 || w->struct_off & 3)
		return -EINVAL;
	if (w->struct_off > total)
		return -EBADMSG;
	w->struct_size = version >= 17 ? hdr(b, FDT_HDR_SIZE_STRUCT) :
					 total - w->struct_off;
	if (!block_ok(w->rsvmap_off, 0, total, hdr_size) ||
	    !block_ok(w->struct_off, w->struct_size, total, hdr_size) ||
	    !block_ok(w->strings_off, w->strings_size, total, hdr_size))
		return -EBADMSG;
	return check_structure(w);
}

/* The offset of the first token after @off that is not FDT_NOP. */
static int skip_nops(const struct fdtw *w, uint32_t off, uint32_t *tag,
		     uint32_t *at, uint32_t *next)
{
	int err;

	for (;;) {
		err = next_tag(w, off, tag, next);
		if (err)
			return err;
		if (*tag != FDT_NOP) {
			*at = off;
			return 0;
		}
		off = *next;
	}
}

/**
 * mb_fdtw_root - the root node
 * @w: a checked tree
 * @node: receives its offset
 *
 * Return: 0, or a negative errno for a broken tree.
 */
int mb_fdtw_root(const struct fdtw *w, uint32_t *node)
{
	uint32_t tag, next;
	int err = skip_nops(w, 0, &tag, node, &next);

	if (err)
		return err;
	return tag == FDT_BEGIN_NODE ? 0 : -EINVAL;
}

/* The first token after @node's name and properties. */
static int after_props(const struct fdtw *w, uint32_t node, uint32_t *tag,
		       uint32_t *at)
{
	uint32_t off, next;
	int err;

	err = next_tag(w, node, tag, &off);
	if (err)
		return err;
	if (*tag != FDT_BEGIN_NODE)
		return -EINVAL;
	for (;;) {
		err = skip_nops(w, off, tag, at, &next);
		if (err || *tag != FDT_PROP)
			return err;
		off = next;
	}
}

/**
 * mb_fdtw_first_child - the first subnode of a node
 * @w: a checked tree
 * @node: the parent
 * @child: receives the offset of the first subnode
 *
 * Return: 0; -ENOENT when @node has no subnode; another negative errno for
 * a broken tree.
 */
int mb_fdtw_first_child(const struct fdtw *w, uint32_t node, uint32_t *child)
{
	uint32_t tag;
	int err = after_props(w, node, &tag, child);

	if (err)
		return err;
	return tag == FDT_BEGIN_NODE ? 0 : -ENOENT;
}

/**
 * mb_fdtw_next_sibling - the next node at the same depth
 * @w: a checked tree
 * @node: a node
 * @sibling: receives the offset of the next node with the same parent
 *
 * Return: 0; -ENOENT after the last sibling; another negative errno for a
 * broken tree.
 */
int mb_fdtw_next_sibling(const struct fdtw *w, uint32_t node, uint32_t *sibling)
{
	uint32_t off = node, tag, next;
	unsigned long depth = 0;
	int err;

	/* Skip @node with its whole subtree. */
	do {
		err = next_tag(w, off, &tag, &next);
		if (err)
			return err;
		if (tag == FDT_BEGIN_NODE)
			depth++;
		else if (tag == FDT_END_NODE)
			depth--;
		else if (tag == FDT_END)
			return -EINVAL;
		off = next;
	} while (depth);

	err = skip_nops(w, off, &tag, sibling, &next);
	if (err)
		return err;
	return tag == FDT_BEGIN_NODE ? 0 : -ENOENT;
}

/**
 * mb_fdtw_name - the name of a node ("" for the root)
 * @w: a checked tree
 * @node: the node's offset, as returned by the other accessors
 *
 * Return: the NUL-terminated name inside the blob.
 */
const char *mb_fdtw_name(const struct fdtw *w, uint32_t node)
{
	return (const char *)w->blob + w->struct_off + node + 4;
}

/**
 * mb_fdtw_prop - find a property of a node
 * @w: a checked tree
 * @node: the node
 * @name: the property's name
 * @val: receives a pointer to its value
 * @len: receives its length in bytes
 *
 * Return: 0; -ENOENT when the node has no such property; another negative
 * errno for a broken tree.
 */
int mb_fdtw_prop(const struct fdtw *w, uint32_t node, const char *name,
		 const uint8_t **val, uint32_t *len)
{
	const uint8_t *s = w->blob + w->struct_off;
	uint32_t off, at, next, tag;
	int err;

	err = next_tag(w, node, &tag, &off);
	if (err)
		return err;
	if (tag != FDT_BEGIN_NODE)
		return -EINVAL;
	for (;; off = next) {
		const char *pname;

		err = skip_nops(w, off, &tag, &at, &next);
		if (err)
			return err;
		if (tag != FDT_PROP)
			return -ENOENT;
		pname = (const char *)w->blob + w->strings_off +
			fw_be32(s + at + 8);
		if (str_eq(pname, name)) {
			*len = fw_be32(s + at + 4);
			*val = s + at + 12;
			return 0;
		}
	}
}

/**
 * mb_fdtw_prop_u32 - read a one-cell property
 * @w: a checked tree
 * @node: the node
 * @name: the property's name
 * @dflt: the value when the property is absent
 * @out: receives the value
 *
 * Return: 0; -EINVAL when the property is not exactly 4 bytes long;
 * another negative errno for a broken tree.
 */
int mb_fdtw_prop_u32(const struct fdtw *w, uint32_t node, const char *name,
		     uint32_t dflt, uint32_t *out)
{
	const uint8_t *val;
	uint32_t len;
	int err = mb_fdtw_prop(w, node, name, &val, &len);

	if (err == -ENOENT) {
		*out = dflt;
		return 0;
	}
	if (err)
		return err;
	if (len != 4)
		return -EINVAL;
	*out = fw_be32(val);
	return 0;
}

/**
 * mb_fdtw_prop_is - does a string property hold @str (as its first string)?
 * @val: the property's value
 * @len: its length
 * @str: the string expected
 *
 * Return: true when the value starts with @str and its NUL.
 */
bool mb_fdtw_prop_is(const uint8_t *val, uint32_t len, const char *str)
{
	const size_t n = str_len(str);
	size_t i;

	if (len <= n)
		return false;
	for (i = 0; i < n; i++)
		if (val[i] != (uint8_t)str[i])
			return false;
	return val[n] == 0;
}

/**
 * mb_fdtw_name_is - does a node name match @base, with or without unit address?
 * @name: the node's name, e.g. "reserved-memory" or "memory@40000000"
 * @base: the name without unit address
 *
 * Return: true when @name is @base or @base followed by '@'.
 */
bool mb_fdtw_name_is(const char *name, const char *base)
{
	while (*base && *name == *base) {
		name++;
		base++;
	}
	return !*base && (!*name || *name == '@');
}

/**
 * mb_fdtw_available - is a node enabled?
 * @w: a checked tree
 * @node: the node
 *
 * Return: true when it has no "status", or "okay" / "ok".
 */
bool mb_fdtw_available(const struct fdtw *w, uint32_t node)
{
	const uint8_t *val;
	uint32_t len;

	if (mb_fdtw_prop(w, node, "status", &val, &len))
		return true;
	return mb_fdtw_prop_is(val, len, "okay") ||
	       mb_fdtw_prop_is(val, len, "ok");
}

/**
 * mb_fdtw_read_cells - read a 1- or 2-cell big-endian number
 * @p: the first cell
 * @cells: 1 or 2
 *
 * Return: the number.
 */
u64 mb_fdtw_read_cells(const uint8_t *p, uint32_t cells)
{
	return cells == 2 ? fw_be64(p) : fw_be32(p);
}

#endif /* CONFIG_MEMBLOCK_FW_FDT */
