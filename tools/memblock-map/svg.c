// SPDX-License-Identifier: MIT
/*
 * svg.c - memblock as a picture.
 *
 * Three bands share one address axis: memory (coloured by what it is),
 * reserved, and NUMA nodes. The axis is cut into segments: runs of regions
 * with only small holes between them, each drawn to scale. A hole larger
 * than a sixteenth of everything described is not drawn to scale but as a
 * break (a zigzag with the hole's size), so that 640 KiB of low memory and
 * 64 GiB above 4 GiB both stay visible. Every shape has a tooltip with its
 * exact range and flags.
 */
#include <stdlib.h>
#include <string.h>

#include "map.h"

#define SVG_W 1200
#define LEFT 96		/* room for the band names */
#define RIGHT 24
#define BREAK_W 60
#define MIN_SEG_W 56
#define BAND_H 40
#define NODE_H 18
#define Y_MEM 64
#define Y_RSV (Y_MEM + BAND_H + 10)
#define Y_NODE (Y_RSV + BAND_H + 10)
#define Y_AXIS (Y_NODE + NODE_H + 6)
#define LABEL_GAP 15	/* px between address labels */
#define AXIS_LABEL_H 96	/* room for the rotated address labels */
#define Y_LEGEND (Y_AXIS + AXIS_LABEL_H)
#define LEGEND_COLS 4
#define LEGEND_COL_W 260
#define LEGEND_ROW_H 20
#define SVG_H (Y_LEGEND + 5 * LEGEND_ROW_H + 8)

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

/* A run of the address space drawn to scale. */
struct segment {
	phys_addr_t start, end;	/* end exclusive */
	double x, w;
};

struct layout {
	struct segment *seg;
	size_t nr;
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

/* All regions of memory and reserved, sorted by base, into @out. */
static size_t collect(struct memblock_region **out)
{
	const size_t nm = memblock.memory.cnt, nr = memblock.reserved.cnt;
	struct memblock_region *all = malloc((nm + nr + 1) * sizeof(*all));
	size_t i = 0, j = 0, n = 0;

	if (!all)
		return 0;
	while (i < nm || j < nr) {
		if (j >= nr || (i < nm && memblock.memory.regions[i].base <=
						  memblock.reserved.regions[j].base))
			all[n++] = memblock.memory.regions[i++];
		else
			all[n++] = memblock.reserved.regions[j++];
	}
	*out = all;
	return n;
}

/*
 * Cut the described address space into segments: regions closer than a
 * sixteenth of the total described size share a segment.
 */
static int build_layout(struct layout *lay)
{
	struct memblock_region *all = NULL;
	size_t n = collect(&all), i, k;
	long double covered = 0, avail, min_w, spare;
	phys_addr_t run_start, run_end;

	lay->seg = NULL;
	lay->nr = 0;
	if (!n)
		return 0;

	/* Total of the union of all regions. */
	run_start = all[0].base;
	run_end = region_end(&all[0]);
	for (i = 1; i <= n; i++) {
		if (i < n && all[i].base <= run_end) {
			if (region_end(&all[i]) > run_end)
				run_end = region_end(&all[i]);
			continue;
		}
		covered += run_end - run_start;
		if (i < n) {
			run_start = all[i].base;
			run_end = region_end(&all[i]);
		}
	}

	lay->seg = calloc(n, sizeof(*lay->seg));
	if (!lay->seg) {
		free(all);
		return -1;
	}
	lay->seg[0].start = all[0].base;
	lay->seg[0].end = region_end(&all[0]);
	for (i = 1, k = 0; i < n; i++) {
		struct segment *s = &lay->seg[k];

		if (all[i].base <= s->end ||
		    (long double)(all[i].base - s->end) <= covered / 16) {
			if (region_end(&all[i]) > s->end)
				s->end = region_end(&all[i]);
		} else {
			lay->seg[++k].start = all[i].base;
			lay->seg[k].end = region_end(&all[i]);
		}
	}
	lay->nr = k + 1;
	free(all);

	/* Widths: a minimum each, the rest shared by size. */
	avail = SVG_W - LEFT - RIGHT - (long double)(lay->nr - 1) * BREAK_W;
	min_w = MIN_SEG_W;
	if (min_w * lay->nr > avail / 2)
		min_w = avail / 2 / lay->nr;
	spare = avail - min_w * lay->nr;
	covered = 0;
	for (k = 0; k < lay->nr; k++)
		covered += lay->seg[k].end - lay->seg[k].start;
	for (k = 0; k < lay->nr; k++) {
		struct segment *s = &lay->seg[k];

		s->w = (double)(min_w + spare * (s->end - s->start) / covered);
		s->x = k ? lay->seg[k - 1].x + lay->seg[k - 1].w + BREAK_W : LEFT;
	}
	return 0;
}

/* x of @addr, which lies in (or at the end of) segment @s. */
static double seg_x(const struct segment *s, phys_addr_t addr)
{
	return s->x + (double)((long double)(addr - s->start) * s->w /
			       (long double)(s->end - s->start));
}

static void xml_title(FILE *f, const char *kind, const struct memblock_region *r,
		      bool flags, bool node)
{
	char size[32];

	human_size(size, sizeof(size), r->size);
	fprintf(f, "<title>%s [%#llx-%#llx] %s", kind,
		(unsigned long long)r->base,
		(unsigned long long)(region_end(r) - 1), size);
	if (flags)
		fprintf(f, ", flags 0x%x", (unsigned int)r->flags);
	if (node && memblock_get_region_node(r) >= 0 &&
	    memblock_get_region_node(r) < MAX_NUMNODES)
		fprintf(f, ", node %d", memblock_get_region_node(r));
	fputs("</title>", f);
}

/* Draw @r in band row @y..@y+@h with @fill, across every segment it meets. */
static void draw_region(FILE *f, const struct layout *lay,
			const struct memblock_region *r, double y, double h,
			const char *fill, const char *extra, const char *kind)
{
	size_t k;

	for (k = 0; k < lay->nr; k++) {
		const struct segment *s = &lay->seg[k];
		phys_addr_t a, b;
		double x0, x1;

		if (region_end(r) <= s->start || r->base >= s->end)
			continue;
		a = r->base > s->start ? r->base : s->start;
		b = region_end(r) < s->end ? region_end(r) : s->end;
		x0 = seg_x(s, a);
		x1 = seg_x(s, b);
		if (x1 - x0 < 1.5)
			x1 = x0 + 1.5;	/* tiny regions stay visible */
		fprintf(f, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\"%s>",
			x0, y, x1 - x0, h, fill, extra ? extra : "");
		xml_title(f, kind, r, true, true);
		fputs("</rect>\n", f);
	}
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

/* Sizes of the memory inside each segment, written on the band. */
static void draw_segment_labels(FILE *f, const struct layout *lay)
{
	size_t k;

	for (k = 0; k < lay->nr; k++) {
		const struct segment *s = &lay->seg[k];
		char size[32];

		human_size(size, sizeof(size), s->end - s->start);
		if (s->w >= 7.0 * (double)strlen(size))
			fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"seg\">%s</text>\n",
				s->x + s->w / 2, Y_MEM - 6, size);
	}
}

static void draw_breaks(FILE *f, const struct layout *lay)
{
	size_t k;

	for (k = 1; k < lay->nr; k++) {
		const double x = lay->seg[k - 1].x + lay->seg[k - 1].w;
		const double mid = x + BREAK_W / 2.0;
		char size[32];

		human_size(size, sizeof(size),
			   lay->seg[k].start - lay->seg[k - 1].end);
		fprintf(f, "<g class=\"break\"><title>hole [%#llx-%#llx] %s, not to scale</title>\n",
			(unsigned long long)lay->seg[k - 1].end,
			(unsigned long long)(lay->seg[k].start - 1), size);
		fprintf(f, "<path d=\"M%.1f %d l6 -6 l6 12 l6 -12 l6 12 l6 -12 l6 12 l6 -6\" class=\"zig\"/>\n",
			mid - 21, Y_RSV - 5);
		fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"hole\">%s</text>\n",
			mid, Y_MEM + BAND_H / 2 + 4, size);
		fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"hole\">hole</text>\n",
			mid, Y_RSV + BAND_H / 2 + 4);
		fputs("</g>\n", f);
	}
}

/* The lowest region edge of @type above @prev and below @limit, or @limit. */
static phys_addr_t next_edge(const struct memblock_type *type, phys_addr_t prev,
			     phys_addr_t limit)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base > prev && r->base < limit)
			limit = r->base;
		if (region_end(r) > prev && region_end(r) < limit)
			limit = region_end(r);
	}
	return limit;
}

/*
 * Address labels, rotated, at every segment edge and at region edges
 * inside segments where there is room.
 */
static void draw_axis(FILE *f, const struct layout *lay)
{
	double last_x = -1e9;
	size_t k;

	for (k = 0; k < lay->nr; k++) {
		const struct segment *s = &lay->seg[k];
		phys_addr_t prev = s->start;

		fprintf(f, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" class=\"axis\"/>\n",
			s->x, Y_AXIS, s->x + s->w, Y_AXIS);
		for (;;) {
			phys_addr_t next = s->end;
			double x;

			next = next_edge(&memblock.memory, prev, next);
			next = next_edge(&memblock.reserved, prev, next);
			x = seg_x(s, prev);
			/* Room is kept for the segment's end label. */
			if (prev == s->start ||
			    (x - last_x >= LABEL_GAP &&
			     s->x + s->w - x >= LABEL_GAP)) {
				fprintf(f, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" class=\"axis\"/>\n",
					x, Y_AXIS, x, Y_AXIS + 5);
				fprintf(f, "<text transform=\"translate(%.2f %d) rotate(-40)\" class=\"addr\">%#llx</text>\n",
					x + 3, Y_AXIS + 12,
					(unsigned long long)prev);
				last_x = x;
			}
			if (next == s->end)
				break;
			prev = next;
		}
		/* The end of the segment, inclusive, like the dump. */
		fprintf(f, "<text transform=\"translate(%.2f %d) rotate(-40)\" class=\"addr end\">%#llx</text>\n",
			s->x + s->w + 3, Y_AXIS + 12,
			(unsigned long long)(s->end - 1));
		last_x = s->x + s->w;
	}
}

static void legend_swatch(FILE *f, int i, const char *fill, const char *label)
{
	const int x = LEFT + (i % LEGEND_COLS) * LEGEND_COL_W;
	const int y = Y_LEGEND + (i / LEGEND_COLS) * LEGEND_ROW_H;

	fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#555\" stroke-width=\"0.5\"/>",
		x, y - 11, fill);
	fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>\n",
		x + 20, y, label);
}

/* Three rows of flags and kinds, a row of the nodes present, a note. */
static void draw_legend(FILE *f)
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
		legend_swatch(f, i, items[i].fill, items[i].label);

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
		legend_swatch(f, slot++,
			      node_fill(nid < MAX_NUMNODES ? nid : NUMA_NO_NODE),
			      label);
	}
	fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"note\">Each segment is drawn to scale; a zigzag marks a hole drawn shorter than it is. Hover for exact ranges and flags.</text>\n",
		LEFT, Y_LEGEND + 4 * LEGEND_ROW_H);
}

static void draw_header(FILE *f, const char *title, int height)
{
	char mem[32], rsv[32];

	human_size(mem, sizeof(mem), memblock.memory.total_size);
	human_size(rsv, sizeof(rsv), memblock.reserved.total_size);
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n",
		SVG_W, height, SVG_W, height);
	fputs("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	      "<rect width=\"6\" height=\"6\" fill=\"" C_RAM "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#1b5e20\" stroke-width=\"3\"/></pattern>\n"
	      "<style>text{font-size:12px;fill:#222}.title{font-size:16px;font-weight:bold}"
	      ".band{font-size:13px;font-weight:bold;text-anchor:end}"
	      ".seg{text-anchor:middle;font-size:11px;fill:#333}"
	      ".hole{text-anchor:middle;font-size:10px;fill:#555}"
	      ".zig{fill:none;stroke:#555;stroke-width:1.5}"
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
	draw_header(f, esc, SVG_H);
	if (!lay.nr) {
		fprintf(f, "<text x=\"%d\" y=\"%d\">memblock is empty</text>\n",
			LEFT, Y_MEM + BAND_H / 2);
	} else {
		draw_segment_labels(f, &lay);
		draw_memory(f, &lay);
		draw_reserved(f, &lay);
		draw_breaks(f, &lay);
		draw_axis(f, &lay);
	}
	draw_legend(f);
	fputs("</svg>\n", f);
	free(lay.seg);
	return ferror(f) ? -1 : 0;
}
