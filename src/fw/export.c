// SPDX-License-Identifier: MIT
/*
 * export.c - memblock described to a next stage: the hand-off map and the
 * E820, UEFI, multiboot2 and device-tree forms built on it.
 *
 * Everything derives from one sweep over memblock.memory and
 * memblock.reserved (map_sweep()), which cuts the address space into the
 * pieces on which both arrays are constant, classifies each piece, and
 * joins neighbours of the same class. DRIVER_MANAGED memory is never part
 * of any export: a next kernel must not take it for RAM, and its driver
 * finds it again on its own.
 *
 * Every exporter runs its producer twice: once to count (and to check that
 * every entry is representable), once to write. So a buffer that is too
 * small, or an entry that cannot be written, leaves the buffer untouched.
 *
 * Freestanding: no libc, no 64-bit division; multi-byte fields are stored
 * byte by byte, so the buffer needs no alignment.
 */
#include "../internal.h"
#include <memblock/fw.h>

#ifdef CONFIG_MEMBLOCK_FW_EXPORT

#define E820_ENTRY_SIZE 20
#define EFI_PAGE_SHIFT 12
#define EFI_DESC_MIN_SIZE 40
#define EFI_CONVENTIONAL_MEMORY 7
#define EFI_RESERVED_MEMORY_TYPE 0
#define MB2_TAG_TYPE_MMAP 6
#define MB2_MMAP_HEADER_SIZE 16
#define MB2_MMAP_ENTRY_SIZE 24
#define MB2_MEMORY_AVAILABLE 1
#define MB2_MEMORY_RESERVED 2

/* Receives each entry of a map in address order; non-zero stops the walk. */
typedef int (*map_visit_fn)(const struct memblock_map_entry *e, void *ctx);

/* What a piece of the address space becomes; 0 leaves it out. */
typedef int (*map_classify_fn)(const struct memblock_region *mem,
			       const struct memblock_region *rsv);

/* --- Byte stores ---------------------------------------------------------- */

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void put_le64(uint8_t *p, u64 v)
{
	put_le32(p, (uint32_t)v);
	put_le32(p + 4, (uint32_t)(v >> 32));
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void zero_bytes(uint8_t *p, size_t n)
{
	while (n--)
		*p++ = 0;
}

/* --- The sweep ------------------------------------------------------------ */

/* Joins touching entries of one type before they reach the visitor. */
struct map_joiner {
	struct memblock_map_entry pending;
	bool have;
	map_visit_fn visit;
	void *ctx;
};

static int joiner_push(struct map_joiner *j, phys_addr_t start,
		       phys_addr_t end, enum memblock_map_type type)
{
	int ret = 0;

	/* Touching, or (pages rounded outward) overlapping, entries join. */
	if (j->have && j->pending.type == type &&
	    j->pending.base + j->pending.size >= start) {
		if (end > j->pending.base + j->pending.size)
			j->pending.size = end - j->pending.base;
		return 0;
	}
	if (j->have)
		ret = j->visit(&j->pending, j->ctx);
	j->pending.base = start;
	j->pending.size = end - start;
	j->pending.type = type;
	j->have = true;
	return ret;
}

static int joiner_flush(struct map_joiner *j)
{
	return j->have ? j->visit(&j->pending, j->ctx) : 0;
}

/*
 * The second stage: whole pages only, so that no next stage is told that
 * a partial page is RAM. RAM shrinks to the pages it holds whole (and
 * disappears if there are none), a reserved range grows to the pages it
 * touches (at the very top of the address space, which memblock never
 * reaches, it ends where it ends). The result is joined again: RAM always
 * gives up exactly the partial pages a neighbouring reservation takes, and
 * reservations that now overlap are one.
 */
static int page_visit(const struct memblock_map_entry *e, void *ctx)
{
	const phys_addr_t end = e->base + e->size;
	phys_addr_t s, t;

	if (e->type == MEMBLOCK_MAP_RAM) {
		s = MB_ALIGN_UP(e->base, PAGE_SIZE);
		t = MB_ALIGN_DOWN(end, PAGE_SIZE);
		if (s < e->base || s >= t)
			return 0;
	} else {
		s = MB_ALIGN_DOWN(e->base, PAGE_SIZE);
		t = MB_ALIGN_UP(end, PAGE_SIZE);
		if (t < end)
			t = end;
	}
	return joiner_push(ctx, s, t, e->type);
}

/* Index of the first region of @type that ends above @pos, from @i on. */
static unsigned long skip_below(const struct memblock_type *type,
				unsigned long i, phys_addr_t pos)
{
	while (i < type->cnt && mb_region_end(&type->regions[i]) <= pos)
		i++;
	return i;
}

/*
 * The next boundary above @pos contributed by @type, whose first region
 * ending above @pos is number @i: that region's end when @pos lies inside
 * it, its base otherwise. @limit when there is none.
 */
static phys_addr_t next_boundary(const struct memblock_type *type,
				 unsigned long i, phys_addr_t pos,
				 phys_addr_t limit)
{
	const struct memblock_region *r;
	phys_addr_t b;

	if (i >= type->cnt)
		return limit;
	r = &type->regions[i];
	b = r->base <= pos ? mb_region_end(r) : r->base;
	return b < limit ? b : limit;
}

/*
 * Cut the address space at every region boundary of memory and reserved,
 * ask @classify what each piece that lies in either array becomes, and hand
 * the joined result, in whole pages (page_visit()), to @visit in address
 * order.
 */
static int map_sweep(map_classify_fn classify, map_visit_fn visit, void *ctx)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_type *rsv = &memblock.reserved;
	struct map_joiner pages = { .visit = visit, .ctx = ctx };
	struct map_joiner j = { .visit = page_visit, .ctx = &pages };
	unsigned long im = 0, ir = 0;
	phys_addr_t pos = 0;
	int ret;

	for (;;) {
		const struct memblock_region *m = NULL, *r = NULL;
		phys_addr_t next;
		int type;

		im = skip_below(mem, im, pos);
		ir = skip_below(rsv, ir, pos);
		if (im >= mem->cnt && ir >= rsv->cnt)
			break;
		if (im < mem->cnt && mem->regions[im].base <= pos)
			m = &mem->regions[im];
		if (ir < rsv->cnt && rsv->regions[ir].base <= pos)
			r = &rsv->regions[ir];

		next = next_boundary(mem, im, pos, PHYS_ADDR_MAX);
		next = next_boundary(rsv, ir, pos, next);
		if (m || r) {
			type = classify(m, r);
			if (type) {
				ret = joiner_push(&j, pos, next,
						  (enum memblock_map_type)type);
				if (ret)
					return ret;
			}
		}
		pos = next;
	}
	ret = joiner_flush(&j);
	return ret ? ret : joiner_flush(&pages);
}

/*
 * The hand-off view: driver-managed memory is absent (reservations on it
 * too), NOMAP memory and every reservation are RESERVED, the rest of
 * memory is RAM.
 */
static int classify_handoff(const struct memblock_region *mem,
			    const struct memblock_region *rsv)
{
	if (mem && (mem->flags & MEMBLOCK_DRIVER_MANAGED))
		return 0;
	if (rsv)
		return MEMBLOCK_MAP_RESERVED;
	if (!mem)
		return 0;
	return (mem->flags & MEMBLOCK_NOMAP) ? MEMBLOCK_MAP_RESERVED :
					       MEMBLOCK_MAP_RAM;
}

/* The /memory view: all memory but driver-managed, reservations ignored. */
static int classify_dt_memory(const struct memblock_region *mem,
			      const struct memblock_region *rsv)
{
	(void)rsv;
	if (!mem || (mem->flags & MEMBLOCK_DRIVER_MANAGED))
		return 0;
	return MEMBLOCK_MAP_RAM;
}

/* --- Producer, counter, writer ----------------------------------------------
 * An exporter is a producer (the sweep, possibly with a filter in front of
 * the visitor) plus a writer of one entry. export_run() counts first and
 * writes second, so the size query and every error come before any store.
 */
struct export_ctx {
	int (*check)(const struct memblock_map_entry *e, void *arg);
	void (*write)(uint8_t *p, const struct memblock_map_entry *e,
		      void *arg);
	void *arg;
	size_t entry_size;
	uint8_t *out;		/* NULL while counting */
	size_t count;
};

static int export_visit(const struct memblock_map_entry *e, void *ctx)
{
	struct export_ctx *x = ctx;
	int ret;

	if (!x->out) {
		if (x->check) {
			ret = x->check(e, x->arg);
			if (ret)
				return ret;
		}
	} else {
		x->write(x->out + x->count * x->entry_size, e, x->arg);
	}
	x->count++;
	return 0;
}

/* A producer feeds every entry of its map to a visitor. */
typedef int (*map_produce_fn)(map_visit_fn visit, void *ctx);

/*
 * Run @produce twice through @x: count and check, then (when @buf holds
 * @header + count * entry_size bytes) write. Returns the bytes needed, or a
 * negative errno; on error nothing is written.
 */
static long export_run(map_produce_fn produce, struct export_ctx *x,
		       size_t header, void *buf, size_t buf_size)
{
	size_t need;
	int ret;

	x->out = NULL;
	x->count = 0;
	ret = produce(export_visit, x);
	if (ret)
		return ret;
	need = header + x->count * x->entry_size;
	if (!buf)
		return (long)need;
	if (buf_size < need)
		return -ENOSPC;

	x->out = (uint8_t *)buf + header;
	x->count = 0;
	ret = produce(export_visit, x);
	if (ret)
		return ret;
	return (long)need;
}

static int produce_handoff(map_visit_fn visit, void *ctx)
{
	return map_sweep(classify_handoff, visit, ctx);
}

static int produce_dt_memory(map_visit_fn visit, void *ctx)
{
	return map_sweep(classify_dt_memory, visit, ctx);
}

/* --- The hand-off map ---------------------------------------------------- */

static void write_entry(uint8_t *p, const struct memblock_map_entry *e,
			void *arg)
{
	(void)arg;
	*(struct memblock_map_entry *)(void *)p = *e;
}

/**
 * memblock_handoff_map - the memory map a next stage is to be given
 * @out: array receiving the entries, or NULL to ask for their number
 * @max_entries: capacity of @out
 *
 * The canonical map every exporter builds on, in ascending address order,
 * without overlaps, touching entries of one type joined:
 *  - memory flagged MEMBLOCK_DRIVER_MANAGED is absent, and so is any
 *    reservation on it: a driver added that memory and will add it again;
 *  - MEMBLOCK_NOMAP memory is MEMBLOCK_MAP_RESERVED;
 *  - every reserved range, inside memory or outside it, is
 *    MEMBLOCK_MAP_RESERVED;
 *  - the rest of memory is MEMBLOCK_MAP_RAM;
 *  - in whole pages: RAM keeps only the pages it holds whole, a reserved
 *    range covers every page it touches (a partial page is never RAM).
 * Other flags (HOTPLUG, MIRROR, KHO_SCRATCH, RSRV_*) and node ids do not
 * show in the map.
 *
 * Size query first: with @out NULL nothing is written and the number of
 * entries is returned; with @out too small for them, nothing is written
 * and -ENOSPC is returned.
 *
 * Context: reads memblock; does not change it. O(memory.cnt + reserved.cnt).
 * Return: the number of entries (0 for an empty memblock), or -ENOSPC.
 */
long memblock_handoff_map(struct memblock_map_entry *out, size_t max_entries)
{
	const size_t max_fit = (size_t)-1 / sizeof(*out);
	struct export_ctx x = {
		.write = write_entry,
		.entry_size = sizeof(*out),
	};
	long ret;

	if (max_entries > max_fit)
		max_entries = max_fit;
	ret = export_run(produce_handoff, &x, 0, out,
			 max_entries * sizeof(*out));
	return ret < 0 ? ret : (long)x.count;
}

/* --- E820 ----------------------------------------------------------------- */

static void write_e820(uint8_t *p, const struct memblock_map_entry *e,
		       void *arg)
{
	(void)arg;
	put_le64(p, e->base);
	put_le64(p + 8, e->size);
	put_le32(p + 16, e->type == MEMBLOCK_MAP_RAM ? MEMBLOCK_E820_TYPE_RAM :
						       MEMBLOCK_E820_TYPE_RESERVED);
}

/**
 * memblock_export_e820 - the hand-off map as an E820 table
 * @buf: where the table goes, or NULL to ask for its size
 * @buf_size: bytes available at @buf
 *
 * Writes memblock_handoff_map() as packed 20-byte entries: base (u64),
 * length (u64), type (uint32_t: MEMBLOCK_E820_TYPE_RAM or MEMBLOCK_E820_TYPE_RESERVED), all
 * little-endian. The number of entries is the returned size divided by 20.
 *
 * Size query first: with @buf NULL nothing is written and the size is
 * returned; with @buf_size too small, nothing is written and -ENOSPC is
 * returned. @buf needs no alignment.
 *
 * Context: reads memblock; does not change it.
 * Return: bytes needed (and written), or -ENOSPC.
 */
long memblock_export_e820(void *buf, size_t buf_size)
{
	struct export_ctx x = {
		.write = write_e820,
		.entry_size = E820_ENTRY_SIZE,
	};

	return export_run(produce_handoff, &x, 0, buf, buf_size);
}

/* --- UEFI ----------------------------------------------------------------- */

/*
 * UEFI describes whole 4 KiB pages. RAM entries shrink to the pages they
 * hold whole; reserved entries grow to every page they touch. Both round a
 * RAM/reserved boundary to the same page edge, so they never overlap;
 * reserved entries that now touch or overlap are joined here.
 */
struct efi_pages {
	u64 start_pfn, end_pfn;
	enum memblock_map_type type;
	bool have;
	map_visit_fn visit;
	void *ctx;
};

static u64 efi_pfn_down(phys_addr_t addr)
{
	return (u64)addr >> EFI_PAGE_SHIFT;
}

static u64 efi_pfn_up(phys_addr_t addr)
{
	const phys_addr_t mask = ((phys_addr_t)1 << EFI_PAGE_SHIFT) - 1;

	return efi_pfn_down(addr) + ((addr & mask) ? 1 : 0);
}

static int efi_pages_emit(struct efi_pages *pg)
{
	/* Page numbers travel in base (pfn) and size (pages) here. */
	struct memblock_map_entry e = {
		.base = (phys_addr_t)pg->start_pfn,
		.size = (phys_addr_t)(pg->end_pfn - pg->start_pfn),
		.type = pg->type,
	};

	return pg->visit(&e, pg->ctx);
}

static int efi_pages_visit(const struct memblock_map_entry *e, void *ctx)
{
	struct efi_pages *pg = ctx;
	const phys_addr_t end = e->base + e->size;
	u64 start_pfn, end_pfn;
	int ret;

	if (e->type == MEMBLOCK_MAP_RAM) {
		start_pfn = efi_pfn_up(e->base);
		end_pfn = efi_pfn_down(end);
		if (end_pfn <= start_pfn)
			return 0;	/* not one whole page */
	} else {
		start_pfn = efi_pfn_down(e->base);
		end_pfn = efi_pfn_up(end);
	}

	if (pg->have && pg->type == e->type && start_pfn <= pg->end_pfn) {
		if (end_pfn > pg->end_pfn)
			pg->end_pfn = end_pfn;
		return 0;
	}
	if (pg->have) {
		ret = efi_pages_emit(pg);
		if (ret)
			return ret;
	}
	pg->start_pfn = start_pfn;
	pg->end_pfn = end_pfn;
	pg->type = e->type;
	pg->have = true;
	return 0;
}

static int produce_efi_pages(map_visit_fn visit, void *ctx)
{
	struct efi_pages pg = { .visit = visit, .ctx = ctx };
	int ret;

	ret = produce_handoff(efi_pages_visit, &pg);
	if (ret)
		return ret;
	return pg.have ? efi_pages_emit(&pg) : 0;
}

static void write_efi(uint8_t *p, const struct memblock_map_entry *e,
		      void *arg)
{
	const size_t desc_size = *(const size_t *)arg;

	zero_bytes(p, desc_size);
	put_le32(p, e->type == MEMBLOCK_MAP_RAM ? EFI_CONVENTIONAL_MEMORY :
						  EFI_RESERVED_MEMORY_TYPE);
	put_le64(p + 8, (u64)e->base << EFI_PAGE_SHIFT);	/* PhysicalStart */
	put_le64(p + 24, (u64)e->size);				/* NumberOfPages */
}

/**
 * memblock_export_efi - the hand-off map as a UEFI memory map
 * @buf: where the descriptors go, or NULL to ask for their size
 * @buf_size: bytes available at @buf
 * @desc_size: bytes per descriptor: at least 40 and a multiple of 8
 *
 * Writes memblock_handoff_map() as EFI_MEMORY_DESCRIPTORs (version 1
 * layout: uint32_t Type, uint32_t padding, u64 PhysicalStart, u64 VirtualStart,
 * u64 NumberOfPages, u64 Attribute; little-endian), RAM as
 * EfiConventionalMemory and reserved as EfiReservedMemoryType. Every byte
 * beyond the type, start and page count is zero, including any tail past
 * 40 bytes; Attribute is 0 because memblock does not know cacheability.
 *
 * UEFI counts whole 4 KiB pages: a RAM entry shrinks to the pages it
 * contains whole (and is left out when it contains none), a reserved entry
 * grows to every page it touches; reserved entries that then touch or
 * overlap are joined. So nothing reserved is ever lost and no partial page
 * is ever offered as conventional memory.
 *
 * Size query first: with @buf NULL nothing is written and the size is
 * returned; with @buf_size too small, nothing is written and -ENOSPC is
 * returned. @buf needs no alignment.
 *
 * Context: reads memblock; does not change it.
 * Return: bytes needed (and written), -EINVAL for a bad @desc_size, or
 * -ENOSPC.
 */
long memblock_export_efi(void *buf, size_t buf_size, size_t desc_size)
{
	struct export_ctx x = {
		.write = write_efi,
		.arg = &desc_size,
		.entry_size = desc_size,
	};

	if (desc_size < EFI_DESC_MIN_SIZE || (desc_size & 7))
		return -EINVAL;
	return export_run(produce_efi_pages, &x, 0, buf, buf_size);
}

/* --- Multiboot2 ------------------------------------------------------------ */

static void write_mb2(uint8_t *p, const struct memblock_map_entry *e,
		      void *arg)
{
	(void)arg;
	put_le64(p, e->base);
	put_le64(p + 8, e->size);
	put_le32(p + 16, e->type == MEMBLOCK_MAP_RAM ? MB2_MEMORY_AVAILABLE :
						       MB2_MEMORY_RESERVED);
	put_le32(p + 20, 0);
}

/**
 * memblock_export_multiboot2_mmap - the hand-off map as a multiboot2 tag
 * @buf: where the tag goes, or NULL to ask for its size
 * @buf_size: bytes available at @buf
 *
 * Writes a complete memory-map tag: type 6, size (header plus entries, no
 * padding), entry_size 24, entry_version 0, then one entry per hand-off
 * map entry: base_addr (u64), length (u64), type (uint32_t: 1 available,
 * 2 reserved), reserved (uint32_t, 0); little-endian. An empty memblock gives a
 * 16-byte tag with no entries. A caller placing the tag in a boot
 * information structure pads it to 8 bytes itself.
 *
 * Size query first: with @buf NULL nothing is written and the size is
 * returned; with @buf_size too small, nothing is written and -ENOSPC is
 * returned. @buf needs no alignment.
 *
 * Context: reads memblock; does not change it.
 * Return: bytes needed (and written), or -ENOSPC.
 */
long memblock_export_multiboot2_mmap(void *buf, size_t buf_size)
{
	struct export_ctx x = {
		.write = write_mb2,
		.entry_size = MB2_MMAP_ENTRY_SIZE,
	};
	long need;

	need = export_run(produce_handoff, &x, MB2_MMAP_HEADER_SIZE, buf,
			  buf_size);
	if (need > 0 && buf) {
		uint8_t *p = buf;

		put_le32(p, MB2_TAG_TYPE_MMAP);
		put_le32(p + 4, (uint32_t)need);
		put_le32(p + 8, MB2_MMAP_ENTRY_SIZE);
		put_le32(p + 12, 0);
	}
	return need;
}

/* --- Device tree /memory reg ---------------------------------------------- */

struct fdt_cells {
	int addr_cells, size_cells;
};

/* True when @v fits @cells 32-bit cells. */
static bool fits_cells(u64 v, int cells)
{
	return cells == 2 || (v >> 32) == 0;
}

/* One address cell also bounds the last byte; one size cell the size. */
static int check_fdt_reg(const struct memblock_map_entry *e, void *arg)
{
	const struct fdt_cells *c = arg;
	const u64 last = (u64)e->base + e->size - 1;

	if (!fits_cells(last, c->addr_cells) ||
	    !fits_cells(e->size, c->size_cells))
		return -ERANGE;
	return 0;
}

static uint8_t *put_cells(uint8_t *p, phys_addr_t v, int cells)
{
	if (cells == 2) {
		put_be32(p, (uint32_t)((u64)v >> 32));
		p += 4;
	}
	put_be32(p, (uint32_t)v);
	return p + 4;
}

static void write_fdt_reg(uint8_t *p, const struct memblock_map_entry *e,
			  void *arg)
{
	const struct fdt_cells *c = arg;

	p = put_cells(p, e->base, c->addr_cells);
	put_cells(p, e->size, c->size_cells);
}

/**
 * memblock_export_fdt_reg - memory as the reg property of a /memory node
 * @buf: where the cells go, or NULL to ask for their size
 * @buf_size: bytes available at @buf
 * @addr_cells: #address-cells of the parent node: 1 or 2
 * @size_cells: #size-cells of the parent node: 1 or 2
 *
 * Writes one (address, size) pair of big-endian cells per run of memory,
 * touching regions joined whatever their flags or nodes, in ascending
 * order. All memory is listed except MEMBLOCK_DRIVER_MANAGED memory,
 * which is left out. NOMAP memory stays in, as in device trees that
 * Linux boots from: such memory belongs in /memory and is carved out by a
 * /reserved-memory node with no-map, as reservations are by
 * /reserved-memory or /memreserve/ entries, which this function does not
 * write. Reservations outside memory do not appear.
 *
 * Size query first: with @buf NULL nothing is written and the size is
 * returned; with @buf_size too small, nothing is written and -ENOSPC is
 * returned. @buf needs no alignment.
 *
 * Context: reads memblock; does not change it.
 * Return: bytes needed (and written); -EINVAL when a cell count is not 1
 * or 2; -ERANGE when an address or a size does not fit its cells (e.g.
 * memory above 4 GiB with one address cell), before anything is written;
 * or -ENOSPC.
 */
long memblock_export_fdt_reg(void *buf, size_t buf_size, int addr_cells,
			     int size_cells)
{
	struct fdt_cells c = { addr_cells, size_cells };
	struct export_ctx x = {
		.check = check_fdt_reg,
		.write = write_fdt_reg,
		.arg = &c,
	};

	if (addr_cells < 1 || addr_cells > 2 || size_cells < 1 ||
	    size_cells > 2)
		return -EINVAL;
	x.entry_size = 4 * (size_t)(addr_cells + size_cells);
	return export_run(produce_dt_memory, &x, 0, buf, buf_size);
}

#endif /* CONFIG_MEMBLOCK_FW_EXPORT */
