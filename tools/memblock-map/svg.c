// SPDX-License-Identifier: MIT
/*
 * svg.c - memblock as a picture.
 *
 * Three bands share one address axis: memory (coloured by what it is),
 * reserved, and NUMA nodes. The axis is cut at every edge of every region
 * into pieces, each either covered by some region or a hole. A piece is
 * not drawn to scale: its width is a minimum (PIECE_MIN_W) plus a share of
 * the rest that grows with the square of the logarithm of its size
 * (piece_weight()), so that 4 KiB at address 0, 640 KiB of low memory and
 * terabytes above 4 GiB all stay visible, and a large uniform stretch is
 * compressed. Holes get half the share of a covered piece of the same
 * size. Every boundary is labelled with its address; every shape has a
 * tooltip with its exact range and flags. The picture grows wider when the
 * map has too many pieces for the usual width. The output depends on
 * nothing but memblock's state.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

#define SVG_W 1200	/* the width, unless the pieces need more */
#define LEFT 96		/* room for the band names */
#define RIGHT 24
#define PIECE_MIN_W 16	/* every piece, so every region, is at least this wide */
#define PIECE_MIN_SHARE 6	/* px per piece of the log-scaled share, at least */
#define BAND_H 40
#define NODE_H 18
#define Y_MEM 64
#define Y_RSV (Y_MEM + BAND_H + 10)
#define Y_NODE (Y_RSV + BAND_H + 10)
#define Y_AXIS (Y_NODE + NODE_H + 6)
#define LABEL_CHAR_H 6.2	/* px per character of a vertical address label */
#define LEGEND_GAP 24	/* between the longest address label and the legend */
#define LEGEND_COLS 4
#define LEGEND_COL_W 260
#define LEGEND_ROW_H 20
#define LEGEND_H (5 * LEGEND_ROW_H + 8)

#define C_RAM "#43a047"
#define C_NOMAP "#9e9e9e"
#define C_DM "#fb8c00"
#define C_RSV "#e53935"
#define C_RSV_KERN "#8e0000"
#define C_RSV_NOINIT "#f48fb1"
#define C_MIRROR "#1e88e5"
#define C_KHO "#8e24aa"
#define C_NO_NODE "#e0e0e0"

static const char *const node_colours[] = {
	"#5c6bc0", "#26a69a", "#ab47bc", "#ffa726",
	"#8d6e63", "#29b6f6", "#d4e157", "#ec407a",
};

/* A run of the address space between two consecutive region edges. */
struct piece {
	phys_addr_t start, end;	/* end exclusive */
	bool hole;		/* no region covers it */
	double x, w;
};

struct layout {
	struct piece *p;
	size_t nr;
	double width;		/* of the whole picture */
	int y_legend;		/* below the longest address label */
};

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* "1.5 GiB", "640 KiB", "12 bytes". */
static void human_size(char *buf, size_t len, unsigned long long v)
{
	static const char *const units[] = { "bytes", "KiB", "MiB", "GiB",
					     "TiB", "PiB", "EiB" };
	double d = (double)v;
	int u = 0;

	while (d >= 1024 && u < 6) {
		d /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(buf, len, "%llu bytes", v);
	else if (d == (double)(unsigned long long)d)
		snprintf(buf, len, "%llu %s", (unsigned long long)d, units[u]);
	else
		snprintf(buf, len, "%.1f %s", d, units[u]);
}

static int cmp_addr(const void *a, const void *b)
{
	const phys_addr_t x = *(const phys_addr_t *)a;
	const phys_addr_t y = *(const phys_addr_t *)b;

	return x < y ? -1 : x > y;
}

/* Every region edge of memory and reserved, sorted, without repeats. */
static size_t collect_edges(phys_addr_t **out)
{
	const struct memblock_type *types[] = { &memblock.memory,
						&memblock.reserved };
	size_t n = 0, k = 0, t, i;
	phys_addr_t *e;

	e = malloc((2 * (memblock.memory.cnt + memblock.reserved.cnt) + 1) *
		   sizeof(*e));
	if (!e)
		return 0;
	for (t = 0; t < 2; t++) {
		for (i = 0; i < types[t]->cnt; i++) {
			e[n++] = types[t]->regions[i].base;
			e[n++] = region_end(&types[t]->regions[i]);
		}
	}
	qsort(e, n, sizeof(*e), cmp_addr);
	for (i = 0; i < n; i++)
		if (!k || e[i] != e[k - 1])
			e[k++] = e[i];
	*out = e;
	return k;
}

/*
 * Mark the pieces no region of @type covers (@type is sorted, its regions
 * disjoint): one sweep over both.
 */
static void mark_uncovered(struct piece *p, size_t nr,
			   const struct memblock_type *type)
{
	unsigned long j = 0;

	for (size_t i = 0; i < nr; i++) {
		while (j < type->cnt &&
		       region_end(&type->regions[j]) <= p[i].start)
			j++;
		if (j < type->cnt && type->regions[j].base < p[i].end)
			p[i].hole = false;
	}
}

/*
 * The weight of a piece in the share of the width: the square of
 * 1 + log2(size in 4 KiB pages), so 1 for 4 KiB or less, 441 for 4 GiB,
 * 1089 for 16 TiB: a size a thousand times larger gets about twice the
 * share. Holes get half.
 */
static double piece_weight(const struct piece *p)
{
	const double pages = (double)(p->end - p->start) / 4096.0;
	const double l = 1.0 + log2(pages > 1.0 ? pages : 1.0);

	return p->hole ? l * l / 2 : l * l;
}

/* Characters of "0x..." for @addr. */
static int label_len(phys_addr_t addr)
{
	char buf[24];

	return snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)addr);
}

/*
 * Cut the described address space at every region edge and give each
 * piece its width: PIECE_MIN_W, plus a share of what is left of SVG_W by
 * piece_weight(); with too many pieces the picture grows.
 */
static int build_layout(struct layout *lay)
{
	phys_addr_t *e = NULL;
	size_t n = collect_edges(&e), i;
	double total = 0, spare, x = LEFT;
	int longest = 0;

	lay->p = NULL;
	lay->nr = 0;
	lay->width = SVG_W;
	lay->y_legend = Y_AXIS + LEGEND_GAP;
	if (n < 2) {
		free(e);
		return memblock.memory.cnt + memblock.reserved.cnt ? -1 : 0;
	}
	lay->p = calloc(n - 1, sizeof(*lay->p));
	if (!lay->p) {
		free(e);
		return -1;
	}
	lay->nr = n - 1;
	for (i = 0; i < lay->nr; i++) {
		lay->p[i].start = e[i];
		lay->p[i].end = e[i + 1];
		lay->p[i].hole = true;
	}
	mark_uncovered(lay->p, lay->nr, &memblock.memory);
	mark_uncovered(lay->p, lay->nr, &memblock.reserved);
	for (i = 0; i < lay->nr; i++)
		total += piece_weight(&lay->p[i]);
	for (i = 0; i < n; i++)
		if (label_len(e[i]) > longest)
			longest = label_len(e[i]);
	free(e);
	lay->y_legend = Y_AXIS + 8 + (int)(LABEL_CHAR_H * longest) + LEGEND_GAP;

	spare = SVG_W - LEFT - RIGHT - (double)lay->nr * PIECE_MIN_W;
	if (spare < (double)lay->nr * PIECE_MIN_SHARE)
		spare = (double)lay->nr * PIECE_MIN_SHARE;
	for (i = 0; i < lay->nr; i++) {
		struct piece *p = &lay->p[i];

		p->x = x;
		p->w = PIECE_MIN_W + spare * piece_weight(p) / total;
		x += p->w;
	}
	lay->width = x + RIGHT;
	if (lay->width < SVG_W)
		lay->width = SVG_W;
	return 0;
}

/* The piece that starts at @addr (@addr is always a region edge). */
static size_t piece_at(const struct layout *lay, phys_addr_t addr)
{
	size_t lo = 0, hi = lay->nr;

	while (hi - lo > 1) {
		const size_t mid = lo + (hi - lo) / 2;

		if (lay->p[mid].start <= addr)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* x of region edge @addr. */
static double edge_x(const struct layout *lay, phys_addr_t addr)
{
	const struct piece *last = &lay->p[lay->nr - 1];

	if (addr >= last->end)
		return last->x + last->w;
	return lay->p[piece_at(lay, addr)].x;
}

static void xml_title(FILE *f, const char *kind, const struct memblock_region *r,
		      bool flags, bool node)
{
	char size[32];

	human_size(size, sizeof(size), r->size);
	fprintf(f, "<title>%s [0x%llx-0x%llx] %s", kind,
		(unsigned long long)r->base,
		(unsigned long long)(region_end(r) - 1), size);
	if (flags)
		fprintf(f, ", flags 0x%x", (unsigned int)r->flags);
	if (node && memblock_get_region_node(r) >= 0 &&
	    memblock_get_region_node(r) < MAX_NUMNODES)
		fprintf(f, ", node %d", memblock_get_region_node(r));
	fputs("</title>", f);
}

/* Draw @r in band row @y..@y+@h with @fill: from its first to its last edge. */
static void draw_region(FILE *f, const struct layout *lay,
			const struct memblock_region *r, double y, double h,
			const char *fill, const char *extra, const char *kind)
{
	const double x0 = edge_x(lay, r->base), x1 = edge_x(lay, region_end(r));

	fprintf(f, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\"%s>",
		x0, y, x1 - x0, h, fill, extra ? extra : "");
	xml_title(f, kind, r, true, true);
	fputs("</rect>\n", f);
}

static const char *memory_fill(const struct memblock_region *r)
{
	if (r->flags & MEMBLOCK_DRIVER_MANAGED)
		return C_DM;
	if (r->flags & MEMBLOCK_NOMAP)
		return C_NOMAP;
	return C_RAM;
}

static const char *memory_kind(const struct memblock_region *r)
{
	if (r->flags & MEMBLOCK_DRIVER_MANAGED)
		return "driver-managed memory";
	if (r->flags & MEMBLOCK_NOMAP)
		return "nomap memory";
	return "memory";
}

static const char *reserved_fill(const struct memblock_region *r)
{
	if (r->flags & MEMBLOCK_RSRV_NOINIT)
		return C_RSV_NOINIT;
	if (r->flags & MEMBLOCK_RSRV_KERN)
		return C_RSV_KERN;
	return C_RSV;
}

static const char *node_fill(int nid)
{
	if (nid < 0 || nid >= MAX_NUMNODES)
		return C_NO_NODE;
	return node_colours[nid % (int)(sizeof(node_colours) /
					sizeof(node_colours[0]))];
}

static void draw_memory(FILE *f, const struct layout *lay)
{
	struct memblock_region *r;

	for_each_mem_region(r) {
		draw_region(f, lay, r, Y_MEM, BAND_H, memory_fill(r), NULL,
			    memory_kind(r));
		if (r->flags & MEMBLOCK_HOTPLUG)
			draw_region(f, lay, r, Y_MEM, BAND_H, "url(#hatch)",
				    NULL, "hot-pluggable memory");
		if (r->flags & MEMBLOCK_MIRROR)
			draw_region(f, lay, r, Y_MEM, 6, C_MIRROR, NULL,
				    "mirrored memory");
		if (r->flags & MEMBLOCK_KHO_SCRATCH)
			draw_region(f, lay, r, Y_MEM + BAND_H - 6, 6, C_KHO,
				    NULL, "KHO scratch memory");
		draw_region(f, lay, r, Y_NODE, NODE_H,
			    node_fill(memblock_get_region_node(r)), NULL,
			    "node of memory");
	}
}

static void draw_reserved(FILE *f, const struct layout *lay)
{
	struct memblock_region *r;

	for_each_reserved_mem_region(r)
		draw_region(f, lay, r, Y_RSV, BAND_H, reserved_fill(r), NULL,
			    "reserved");
}

/* The size of each covered piece above the bands, where it fits. */
static void draw_piece_sizes(FILE *f, const struct layout *lay)
{
	size_t k;

	for (k = 0; k < lay->nr; k++) {
		const struct piece *p = &lay->p[k];
		char size[32];

		if (p->hole)
			continue;
		human_size(size, sizeof(size), p->end - p->start);
		if (p->w >= 6.5 * (double)strlen(size))
			fprintf(f, "<text x=\"%.2f\" y=\"%d\" class=\"seg\">%s</text>\n",
				p->x + p->w / 2, Y_MEM - 6, size);
	}
}

/* A break mark in the gap between the memory and reserved bands. */
static void zigzag(FILE *f, const struct piece *p)
{
	const double room = p->w - 6 < 36 ? p->w - 6 : 36;
	const int teeth = (int)(room / 4) & ~1;	/* even: it ends level */

	fprintf(f, "<path d=\"M%.2f %d", p->x + (p->w - teeth * 4) / 2,
		Y_RSV - 5);
	for (int t = 0; t < teeth; t++)
		fputs(t & 1 ? " l4 4" : " l4 -4", f);
	fputs("\" class=\"zig\"/>\n", f);
}

/* Holes: a zigzag across the bands, and the size where it fits. */
static void draw_holes(FILE *f, const struct layout *lay)
{
	size_t k;

	for (k = 0; k < lay->nr; k++) {
		const struct piece *p = &lay->p[k];
		const double mid = p->x + p->w / 2;
		char size[32];

		if (!p->hole)
			continue;
		human_size(size, sizeof(size), p->end - p->start);
		fprintf(f, "<g class=\"break\"><title>hole [0x%llx-0x%llx] %s</title>\n",
			(unsigned long long)p->start,
			(unsigned long long)(p->end - 1), size);
		fprintf(f, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" class=\"gap\"/>\n",
			p->x, Y_MEM, p->w, Y_NODE + NODE_H - Y_MEM);
		zigzag(f, p);
		if (p->w >= 6 * (double)strlen(size))
			fprintf(f, "<text x=\"%.2f\" y=\"%d\" class=\"hole\">%s</text>\n",
				mid, Y_MEM + BAND_H / 2 + 4, size);
		if (p->w >= 30)
			fprintf(f, "<text x=\"%.2f\" y=\"%d\" class=\"hole\">hole</text>\n",
				mid, Y_RSV + BAND_H / 2 + 4);
		fputs("</g>\n", f);
	}
}

/* A vertical address label at @x; @cls "addr" or "addr end". */
static void axis_label(FILE *f, double x, unsigned long long addr,
		       const char *cls)
{
	fprintf(f, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" class=\"axis\"/>\n",
		x, Y_AXIS, x, Y_AXIS + 5);
	fprintf(f, "<text transform=\"translate(%.2f %d) rotate(-90)\" class=\"%s\">0x%llx</text>\n",
		x + 3.5, Y_AXIS + 8, cls, addr);
}

/*
 * The axis, with the address of every boundary: the first byte of the
 * piece to its right; the last label, in grey, is the end of the map (the
 * first byte after it).
 */
static void draw_axis(FILE *f, const struct layout *lay)
{
	const struct piece *last = &lay->p[lay->nr - 1];
	size_t k;

	fprintf(f, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" class=\"axis\"/>\n",
		lay->p[0].x, Y_AXIS, last->x + last->w, Y_AXIS);
	for (k = 0; k < lay->nr; k++)
		axis_label(f, lay->p[k].x, (unsigned long long)lay->p[k].start,
			   "addr");
	axis_label(f, last->x + last->w, (unsigned long long)last->end,
		   "addr end");
}

static void legend_swatch(FILE *f, int y0, int i, const char *fill,
			  const char *label)
{
	const int x = LEFT + (i % LEGEND_COLS) * LEGEND_COL_W;
	const int y = y0 + (i / LEGEND_COLS) * LEGEND_ROW_H;

	fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#555\" stroke-width=\"0.5\"/>",
		x, y - 11, fill);
	fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>\n",
		x + 20, y, label);
}

/* Three rows of flags and kinds, a row of the nodes present, a note. */
static void draw_legend(FILE *f, int y0)
{
	static const struct {
		const char *fill, *label;
	} items[] = {
		{ C_RAM, "memory" },
		{ C_NOMAP, "memory, NOMAP" },
		{ C_DM, "memory, DRIVER_MANAGED" },
		{ "url(#hatch)", "memory, HOTPLUG" },
		{ C_MIRROR, "MIRROR (top edge)" },
		{ C_KHO, "KHO_SCRATCH (bottom edge)" },
		{ C_RSV, "reserved" },
		{ C_RSV_KERN, "reserved, RSRV_KERN" },
		{ C_RSV_NOINIT, "reserved, RSRV_NOINIT" },
	};
	bool seen[MAX_NUMNODES + 1];
	struct memblock_region *r;
	int i, nid, slot;

	for (i = 0; i < (int)(sizeof(items) / sizeof(items[0])); i++)
		legend_swatch(f, y0, i, items[i].fill, items[i].label);

	memset(seen, 0, sizeof(seen));
	for_each_mem_region(r) {
		nid = memblock_get_region_node(r);
		seen[nid >= 0 && nid < MAX_NUMNODES ? nid : MAX_NUMNODES] = true;
	}
	slot = 3 * LEGEND_COLS;
	for (nid = 0; nid <= MAX_NUMNODES && slot < 4 * LEGEND_COLS; nid++) {
		char label[16];

		if (!seen[nid])
			continue;
		if (nid < MAX_NUMNODES)
			snprintf(label, sizeof(label), "node %d", nid);
		else
			snprintf(label, sizeof(label), "no node");
		legend_swatch(f, y0, slot++,
			      node_fill(nid < MAX_NUMNODES ? nid : NUMA_NO_NODE),
			      label);
	}
	fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"note\">Not to scale: widths grow with the size on a log scale, at least %d px each; zigzags mark holes; each boundary is labelled with its address. Hover for exact ranges and flags.</text>\n",
		LEFT, y0 + 4 * LEGEND_ROW_H, PIECE_MIN_W);
}

static void draw_header(FILE *f, const char *title, double width, int height)
{
	char mem[32], rsv[32];

	human_size(mem, sizeof(mem), memblock.memory.total_size);
	human_size(rsv, sizeof(rsv), memblock.reserved.total_size);
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%d\" viewBox=\"0 0 %.0f %d\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n",
		ceil(width), height, ceil(width), height);
	fputs("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	      "<rect width=\"6\" height=\"6\" fill=\"" C_RAM "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#1b5e20\" stroke-width=\"3\"/></pattern>\n"
	      "<style>text{font-size:12px;fill:#222}.title{font-size:16px;font-weight:bold}"
	      ".band{font-size:13px;font-weight:bold;text-anchor:end}"
	      ".seg{text-anchor:middle;font-size:11px;fill:#333}"
	      ".hole{text-anchor:middle;font-size:10px;fill:#555}"
	      ".zig{fill:none;stroke:#555;stroke-width:1.5}"
	      ".gap{fill:#f5f5f5;stroke:none}"
	      ".axis{stroke:#444;stroke-width:1}.addr{font-size:10px;font-family:DejaVu Sans Mono,monospace;text-anchor:end}"
	      ".end{fill:#777}.legend{font-size:12px}.note{font-size:11px;fill:#555}"
	      "rect{stroke:#fff;stroke-width:0.3}</style></defs>\n"
	      "<rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"none\"/>\n",
	      f);
	fprintf(f, "<text x=\"%d\" y=\"24\" class=\"title\">%s</text>\n", LEFT,
		title);
	fprintf(f, "<text x=\"%d\" y=\"42\">memory %s in %lu region%s, reserved %s in %lu region%s</text>\n",
		LEFT, mem, memblock.memory.cnt,
		memblock.memory.cnt == 1 ? "" : "s", rsv,
		memblock.reserved.cnt, memblock.reserved.cnt == 1 ? "" : "s");
	fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"band\">memory</text>\n",
		LEFT - 10, Y_MEM + BAND_H / 2 + 5);
	fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"band\">reserved</text>\n",
		LEFT - 10, Y_RSV + BAND_H / 2 + 5);
	fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"band\">node</text>\n",
		LEFT - 10, Y_NODE + NODE_H / 2 + 5);
}

/* Escape the few characters XML cares about into @buf. */
static void xml_escape(char *buf, size_t len, const char *s)
{
	size_t n = 0;

	for (; *s && n + 7 < len; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '&': rep = "&amp;"; break;
		case '"': rep = "&quot;"; break;
		}
		if (rep) {
			strcpy(buf + n, rep);
			n += strlen(rep);
		} else {
			buf[n++] = *s;
		}
	}
	buf[n] = '\0';
}

/**
 * map_write_svg - draw memblock as an SVG picture
 * @f: where to write
 * @title: headline (escaped here)
 *
 * Return: 0, or -1 when out of memory or @f reports an error.
 */
int map_write_svg(FILE *f, const char *title)
{
	struct layout lay;
	char esc[512];

	if (build_layout(&lay))
		return -1;
	xml_escape(esc, sizeof(esc), title);
	draw_header(f, esc, lay.width, lay.y_legend + LEGEND_H);
	if (!lay.nr) {
		fprintf(f, "<text x=\"%d\" y=\"%d\">memblock is empty</text>\n",
			LEFT, Y_MEM + BAND_H / 2);
	} else {
		draw_holes(f, &lay);
		draw_piece_sizes(f, &lay);
		draw_memory(f, &lay);
		draw_reserved(f, &lay);
		draw_axis(f, &lay);
	}
	draw_legend(f, lay.y_legend);
	fputs("</svg>\n", f);
	free(lay.p);
	return ferror(f) ? -1 : 0;
}
