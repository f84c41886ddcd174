// SPDX-License-Identifier: MIT
/*
 * ops.c - generate, apply, compare and print differential-test operations.
 *
 * Addresses come from a few small pools so that ranges touch and overlap
 * all the time: a grid in the test window (granule and size vary per run),
 * the top of the address space (where capping happens), the first pages
 * (never allocated) and, rarely, anything at all.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ops.h"

#define WIN_BASE ((phys_addr_t)0x40000000u)
#define MAX_RANGES (2 * MODEL_SEGS + 4)

/* --- Random choices ------------------------------------------------------------ */

static void pick_run_shape(struct dt_gen *g);

void dt_gen_seed(struct dt_gen *g, uint64_t seed)
{
	memset(g, 0, sizeof(*g));
	g->state = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
	g->gran = PAGE_SIZE;
	g->npts = 32;
	pick_run_shape(g);
}

void dt_gen_bytes(struct dt_gen *g, const uint8_t *data, size_t len)
{
	memset(g, 0, sizeof(*g));
	g->data = data;
	g->len = len;
	g->gran = PAGE_SIZE;
	g->npts = 32;
	pick_run_shape(g);
}

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* @nbytes random bytes: from the PRNG, or from the fuzzer input. */
static uint64_t rnd_bytes(struct dt_gen *g, unsigned int nbytes)
{
	uint64_t v = 0;
	unsigned int i;

	if (!g->data)
		return splitmix(&g->state);
	for (i = 0; i < nbytes; i++) {
		if (g->pos >= g->len) {
			g->eof = true;
			break;
		}
		v |= (uint64_t)g->data[g->pos++] << (8 * i);
	}
	return v;
}

static uint64_t rnd64(struct dt_gen *g)
{
	return rnd_bytes(g, 8);
}

/* Uniform-ish in [0, @n). */
static uint64_t below(struct dt_gen *g, uint64_t n)
{
	unsigned int nbytes = n <= 0x100 ? 1 : n <= 0x10000 ? 2 : 8;

	return n ? rnd_bytes(g, nbytes) % n : 0;
}

static bool chance(struct dt_gen *g, unsigned int percent)
{
	return below(g, 100) < percent;
}

/* --- Pools ------------------------------------------------------------------------ */

static const phys_addr_t granules[] = { 1, 8, 64, 4096, 4096, 4096, 65536 };
static const unsigned int grid_sizes[] = { 6, 16, 40, 100, 180, 320, 320 };

/* Called at the start of a run: how coarse and how wide its window grid is. */
static void pick_run_shape(struct dt_gen *g)
{
	g->gran = granules[below(g, sizeof(granules) / sizeof(granules[0]))];
	g->npts = grid_sizes[below(g, sizeof(grid_sizes) / sizeof(grid_sizes[0]))];
	g->dense = chance(g, 25);
	if (g->dense)
		g->npts = 1200;
}

static phys_addr_t window_point(struct dt_gen *g)
{
	phys_addr_t p = WIN_BASE + (phys_addr_t)below(g, g->npts + 1) * g->gran;

	if (chance(g, 8))
		p += chance(g, 50) ? 1 : (phys_addr_t)-1;
	return p;
}

static phys_addr_t top_point(struct dt_gen *g)
{
	return PHYS_ADDR_MAX - (phys_addr_t)below(g, 9) * g->gran -
	       (chance(g, 30) ? 1 : 0);
}

static phys_addr_t low_point(struct dt_gen *g)
{
	static const phys_addr_t low[] = { 0, 1, PAGE_SIZE - 1, PAGE_SIZE,
					   PAGE_SIZE + 64, 2 * PAGE_SIZE,
					   3 * PAGE_SIZE + 1 };

	return low[below(g, sizeof(low) / sizeof(low[0]))];
}

enum area { AREA_WINDOW, AREA_TOP, AREA_LOW, AREA_ANY };

static enum area pick_area(struct dt_gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 78)
		return AREA_WINDOW;
	if (r < 90)
		return AREA_TOP;
	if (r < 97)
		return AREA_LOW;
	return AREA_ANY;
}

static phys_addr_t point_in(struct dt_gen *g, enum area area)
{
	switch (area) {
	case AREA_WINDOW:
		return window_point(g);
	case AREA_TOP:
		return top_point(g);
	case AREA_LOW:
		return low_point(g);
	default:
		return (phys_addr_t)rnd64(g);
	}
}

static phys_addr_t pick_addr(struct dt_gen *g)
{
	return point_in(g, pick_area(g));
}

/* A range [*base, *base + *size): mostly between two points of one area. */
static void pick_range(struct dt_gen *g, phys_addr_t *base, phys_addr_t *size)
{
	enum area area = pick_area(g);
	uint64_t r = below(g, 100);
	phys_addr_t end;

	*base = point_in(g, area);
	if (g->dense && r < 97)
		r = 0;	/* dense runs: mostly short ranges, many regions */
	if (r < 35) {
		/* Short: one to three granules, so that pieces pile up. */
		*size = g->gran * (phys_addr_t)(1 + below(g, 3));
	} else if (r < 62) {
		end = point_in(g, area);
		if (end < *base) {
			phys_addr_t t = end;

			end = *base;
			*base = t;
		}
		*size = end - *base;
	} else if (r < 72) {
		*size = 0;
	} else if (r < 82) {
		*size = g->gran * (phys_addr_t)(1 + below(g, 4));
	} else if (r < 90) {
		*size = PHYS_ADDR_MAX - (phys_addr_t)below(g, 3); /* overflows */
	} else if (r < 95) {
		*size = 1 + (phys_addr_t)below(g, 3 * PAGE_SIZE);
	} else {
		*size = (phys_addr_t)rnd64(g);
	}
}

static int pick_nid(struct dt_gen *g)
{
	static const int nids[] = { NUMA_NO_NODE, NUMA_NO_NODE, 0, 0, 1, 2,
				    MAX_NUMNODES - 1, MAX_NUMNODES,
				    MAX_NUMNODES + 1, -2 };

	return nids[below(g, sizeof(nids) / sizeof(nids[0]))];
}

static unsigned int pick_flags(struct dt_gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 40)
		return MEMBLOCK_NONE;
	if (r < 85)
		return 1u << below(g, 7);
	return (unsigned int)below(g, 0x80);
}

static phys_addr_t pick_align(struct dt_gen *g)
{
	static const phys_addr_t aligns[] = { 0, 1, 2, 8, 64, 64, PAGE_SIZE,
					      PAGE_SIZE, 2 * PAGE_SIZE,
					      1u << 20, 3, 24, 0x1000 + 1 };
	uint64_t r = below(g, 100);

	if (r < 85)
		return aligns[below(g, sizeof(aligns) / sizeof(aligns[0]))];
	if (r < 93)
		return g->gran;
	return (phys_addr_t)1 << below(g, 8 * sizeof(phys_addr_t));
}

static phys_addr_t pick_any_size(struct dt_gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 8)
		return 0;
	if (r < 35)
		return g->gran * (phys_addr_t)(1 + below(g, 3));
	if (r < 85)
		return 1 + (phys_addr_t)below(g, 5 * PAGE_SIZE);
	return (phys_addr_t)rnd64(g);
}

/* Virtual-address allocations are zeroed through the sink: keep them small. */
static phys_addr_t pick_alloc_size(struct dt_gen *g, bool virt)
{
	phys_addr_t size = pick_any_size(g);

	return virt && size > DT_SINK_SIZE ? DT_SINK_SIZE : size;
}

/* An @end / @max_addr: the limit markers or a point. */
static phys_addr_t pick_end(struct dt_gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 30)
		return MEMBLOCK_ALLOC_ACCESSIBLE;
	if (r < 36)
		return MEMBLOCK_ALLOC_NOLEAKTRACE;
	if (r < 50)
		return MEMBLOCK_ALLOC_ANYWHERE;
	return pick_addr(g);
}

static phys_addr_t pick_start(struct dt_gen *g)
{
	return chance(g, 45) ? 0 : pick_addr(g);
}

/* --- Generation ----------------------------------------------------------------- */

/* Relative weights of the kinds. */
static const uint8_t weights[DT_NR_KINDS] = {
	[DT_ADD] = 14, [DT_ADD_NODE] = 10, [DT_REMOVE] = 5,
	[DT_RESERVE] = 9, [DT_RESERVE_KERN] = 5, [DT_RESERVE_NID] = 5,
	[DT_PHYS_FREE] = 5, [DT_FREE] = 2, [DT_PHYSMEM_ADD] = 3,
	[DT_MARK_HOTPLUG] = 3, [DT_CLEAR_HOTPLUG] = 2, [DT_MARK_MIRROR] = 2,
	[DT_MARK_NOMAP] = 3, [DT_CLEAR_NOMAP] = 2, [DT_MARK_NOINIT] = 2,
	[DT_MARK_KERN] = 2, [DT_MARK_KHO] = 2, [DT_CLEAR_KHO] = 2,
	[DT_SET_NODE] = 4, [DT_TRIM] = 1, [DT_ENFORCE_LIMIT] = 1,
	[DT_CAP_RANGE] = 1, [DT_LIMIT_REMOVE_MAP] = 1, [DT_SET_LIMIT] = 2,
	[DT_BOTTOM_UP] = 2, [DT_MOVABLE] = 1, [DT_MIRRORED_KC] = 1,
	[DT_KHO_ONLY] = 1, [DT_ALLOC_RANGE_NID] = 3, [DT_PHYS_ALLOC_RANGE] = 2,
	[DT_PHYS_ALLOC_TRY_NID] = 2, [DT_PHYS_ALLOC] = 2,
	[DT_ALLOC_TRY_NID] = 2, [DT_ALLOC_TRY_NID_RAW] = 2,
	[DT_ALLOC_EXACT_NID_RAW] = 2, [DT_ALLOC] = 2, [DT_ALLOC_RAW] = 1,
	[DT_ALLOC_FROM] = 2, [DT_ALLOC_LOW] = 1, [DT_ALLOC_NODE] = 2,
	[DT_FREE_ALL] = 1, [DT_DISCARD] = 1, [DT_Q_ADDR] = 3,
	[DT_Q_RANGE] = 3, [DT_Q_KERN_SIZE] = 2, [DT_Q_NUMA_COVERAGE] = 1,
};

static bool kind_available(unsigned int kind)
{
#ifndef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (kind == DT_PHYSMEM_ADD)
		return false;
#endif
	(void)kind;
	return true;
}

static unsigned int pick_kind(struct dt_gen *g)
{
	unsigned int total = 0, k;
	uint64_t r;

	for (k = 0; k < DT_NR_KINDS; k++)
		total += kind_available(k) ? weights[k] : 0;
	r = below(g, total);
	for (k = 0; k < DT_NR_KINDS; k++) {
		unsigned int w = kind_available(k) ? weights[k] : 0;

		if (r < w)
			break;
		r -= w;
	}
	/* Ends of boot are rare: they change the rules for the rest of a run. */
	if ((k == DT_FREE_ALL || k == DT_DISCARD) && !chance(g, 15))
		k = DT_ADD;
	/* So are the big cuts, which would keep the arrays nearly empty. */
	if (k >= DT_TRIM && k <= DT_LIMIT_REMOVE_MAP && !chance(g, 30))
		k = DT_ADD_NODE;
	/* Dense runs mostly add, to fill the arrays up. */
	if (g->dense && chance(g, 50))
		k = chance(g, 50) ? DT_ADD_NODE : DT_RESERVE_NID;
	return k;
}

static uint8_t pick_type(struct dt_gen *g)
{
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	return (uint8_t)below(g, 3);
#else
	return (uint8_t)below(g, 2);
#endif
}

static void gen_alloc_args(struct dt_gen *g, struct dt_op *op, bool virt)
{
	op->a = pick_alloc_size(g, virt);
	op->b = pick_align(g);
	op->c = pick_start(g);
	op->d = pick_end(g);
	op->nid = pick_nid(g);
	op->on = chance(g, 20);
}

void dt_gen_op(struct dt_gen *g, struct dt_op *op)
{
	memset(op, 0, sizeof(*op));
	if (!g->data && chance(g, 1))
		pick_run_shape(g);
	op->kind = (uint8_t)pick_kind(g);
	op->check = (uint32_t)rnd_bytes(g, 2);

	switch (op->kind) {
	case DT_TRIM:
		op->a = pick_align(g);
		break;
	case DT_ENFORCE_LIMIT:
	case DT_LIMIT_REMOVE_MAP:
		op->a = chance(g, 10) ? 0 : g->gran * (phys_addr_t)below(g, g->npts + 2);
		break;
	case DT_SET_LIMIT:
		op->a = chance(g, 40) ? MEMBLOCK_ALLOC_ANYWHERE : pick_addr(g);
		break;
	case DT_BOTTOM_UP:
	case DT_MOVABLE:
	case DT_MIRRORED_KC:
	case DT_KHO_ONLY:
		op->on = chance(g, 50);
		break;
	case DT_ALLOC_RANGE_NID:
	case DT_PHYS_ALLOC_RANGE:
	case DT_PHYS_ALLOC_TRY_NID:
	case DT_PHYS_ALLOC:
		gen_alloc_args(g, op, false);
		break;
	case DT_ALLOC_TRY_NID:
	case DT_ALLOC_TRY_NID_RAW:
	case DT_ALLOC_EXACT_NID_RAW:
	case DT_ALLOC:
	case DT_ALLOC_RAW:
	case DT_ALLOC_FROM:
	case DT_ALLOC_LOW:
	case DT_ALLOC_NODE:
		gen_alloc_args(g, op, true);
		break;
	case DT_Q_ADDR:
		op->a = pick_addr(g);
		break;
	case DT_Q_KERN_SIZE:
		op->a = chance(g, 30) ? MEMBLOCK_ALLOC_ANYWHERE : pick_addr(g);
		op->nid = pick_nid(g);
		break;
	case DT_Q_NUMA_COVERAGE:
		op->a = chance(g, 50) ? 0 : g->gran * (phys_addr_t)below(g, 64);
		break;
	case DT_Q_RANGE:
		pick_range(g, &op->a, &op->b);
		pick_range(g, &op->c, &op->d);
		op->type = pick_type(g);
		break;
	default:
		pick_range(g, &op->a, &op->b);
		op->nid = pick_nid(g);
		op->flags = pick_flags(g);
		op->type = pick_type(g);
		break;
	}
}

/* --- Reset -------------------------------------------------------------------------- */

void dt_reset(struct model *m)
{
	memblock_reset();
	memblock_debug = 0;
	movable_node_enabled = false;
	mirrored_kernelcore = false;
	dt_nr_handoffs = 0;
	model_init(m);
}

/* --- Applying ------------------------------------------------------------------------- */

#define DT_NR_RESULTS 6

struct dt_result {
	long long v[DT_NR_RESULTS];
};

static struct memblock_type *lib_type(unsigned int id)
{
	switch (id) {
	case MT_MEMORY:
		return &memblock.memory;
	case MT_RESERVED:
		return &memblock.reserved;
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	case MT_PHYSMEM:
		return &physmem;
#endif
	default:
		return NULL;
	}
}

static long long virt_result(void *ptr)
{
	return ptr ? (long long)(phys_addr_t)dt_virt_to_phys(ptr) : 0;
}

static void *free_pointer(phys_addr_t pa)
{
	return pa ? (void *)(uintptr_t)pa : NULL;
}

/* Registration, removal and attributes on the library; the return value. */
static long long lib_change(const struct dt_op *op)
{
	switch (op->kind) {
	case DT_ADD:
		return memblock_add(op->a, op->b);
	case DT_ADD_NODE:
		return memblock_add_node(op->a, op->b, op->nid, op->flags);
	case DT_REMOVE:
		return memblock_remove(op->a, op->b);
	case DT_RESERVE:
		return memblock_reserve(op->a, op->b);
	case DT_RESERVE_KERN:
		return memblock_reserve_kern(op->a, op->b);
	case DT_RESERVE_NID:
		return __memblock_reserve(op->a, op->b, op->nid, op->flags);
	case DT_PHYS_FREE:
		return memblock_phys_free(op->a, op->b);
	case DT_FREE:
		memblock_free(free_pointer(op->a), (size_t)op->b);
		return 0;
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	case DT_PHYSMEM_ADD:
		return memblock_physmem_add(op->a, op->b);
#endif
	case DT_MARK_HOTPLUG:
		return memblock_mark_hotplug(op->a, op->b);
	case DT_CLEAR_HOTPLUG:
		return memblock_clear_hotplug(op->a, op->b);
	case DT_MARK_MIRROR:
		return memblock_mark_mirror(op->a, op->b);
	case DT_MARK_NOMAP:
		return memblock_mark_nomap(op->a, op->b);
	case DT_CLEAR_NOMAP:
		return memblock_clear_nomap(op->a, op->b);
	case DT_MARK_NOINIT:
		return memblock_reserved_mark_noinit(op->a, op->b);
	case DT_MARK_KERN:
		return memblock_reserved_mark_kern(op->a, op->b);
	case DT_MARK_KHO:
		return memblock_mark_kho_scratch(op->a, op->b);
	case DT_CLEAR_KHO:
		return memblock_clear_kho_scratch(op->a, op->b);
	case DT_SET_NODE:
		return memblock_set_node(op->a, op->b, lib_type(op->type),
					 op->nid);
	default:
		return 0;
	}
}

static long long model_change(struct model *m, const struct dt_op *op)
{
	switch (op->kind) {
	case DT_ADD:
		return model_add(m, op->a, op->b);
	case DT_ADD_NODE:
		return model_add_node(m, op->a, op->b, op->nid, op->flags);
	case DT_REMOVE:
		return model_remove(m, op->a, op->b);
	case DT_RESERVE:
		return model_reserve(m, op->a, op->b, NUMA_NO_NODE, MEMBLOCK_NONE);
	case DT_RESERVE_KERN:
		return model_reserve(m, op->a, op->b, NUMA_NO_NODE,
				     MEMBLOCK_RSRV_KERN);
	case DT_RESERVE_NID:
		return model_reserve(m, op->a, op->b, op->nid, op->flags);
	case DT_PHYS_FREE:
		return model_phys_free(m, op->a, op->b);
	case DT_FREE:
		if (op->a)
			model_phys_free(m, op->a, (phys_addr_t)(size_t)op->b);
		return 0;
	case DT_PHYSMEM_ADD:
		return model_physmem_add(m, op->a, op->b);
	case DT_MARK_HOTPLUG:
	case DT_CLEAR_HOTPLUG:
		return model_set_flag(m, MT_MEMORY, op->a, op->b,
				      op->kind == DT_MARK_HOTPLUG,
				      MEMBLOCK_HOTPLUG);
	case DT_MARK_MIRROR:
		return model_mark_mirror(m, op->a, op->b);
	case DT_MARK_NOMAP:
	case DT_CLEAR_NOMAP:
		return model_set_flag(m, MT_MEMORY, op->a, op->b,
				      op->kind == DT_MARK_NOMAP, MEMBLOCK_NOMAP);
	case DT_MARK_NOINIT:
		return model_set_flag(m, MT_RESERVED, op->a, op->b, true,
				      MEMBLOCK_RSRV_NOINIT);
	case DT_MARK_KERN:
		return model_set_flag(m, MT_RESERVED, op->a, op->b, true,
				      MEMBLOCK_RSRV_KERN);
	case DT_MARK_KHO:
	case DT_CLEAR_KHO:
		return model_set_flag(m, MT_MEMORY, op->a, op->b,
				      op->kind == DT_MARK_KHO,
				      MEMBLOCK_KHO_SCRATCH);
	case DT_SET_NODE:
		return model_set_node(m, op->a, op->b,
				      (enum model_type_id)op->type, op->nid);
	default:
		return 0;
	}
}

/* Limits and switches on the library. */
static void lib_setting(const struct dt_op *op)
{
	switch (op->kind) {
	case DT_TRIM:
		memblock_trim_memory(op->a);
		break;
	case DT_ENFORCE_LIMIT:
		memblock_enforce_memory_limit(op->a);
		break;
	case DT_CAP_RANGE:
		memblock_cap_memory_range(op->a, op->b);
		break;
	case DT_LIMIT_REMOVE_MAP:
		memblock_mem_limit_remove_map(op->a);
		break;
	case DT_SET_LIMIT:
		memblock_set_current_limit(op->a);
		break;
	case DT_BOTTOM_UP:
		memblock_set_bottom_up(op->on);
		break;
	case DT_MOVABLE:
		movable_node_enabled = op->on;
		break;
	case DT_MIRRORED_KC:
		mirrored_kernelcore = op->on;
		break;
	case DT_KHO_ONLY:
		if (op->on)
			memblock_set_kho_scratch_only();
		else
			memblock_clear_kho_scratch_only();
		break;
	case DT_DISCARD:
		memblock_discard();
		break;
	default:
		break;
	}
}

static void model_setting(struct model *m, const struct dt_op *op)
{
	switch (op->kind) {
	case DT_TRIM:
		model_trim(m, op->a);
		break;
	case DT_ENFORCE_LIMIT:
		model_enforce_memory_limit(m, op->a);
		break;
	case DT_CAP_RANGE:
		model_cap_memory_range(m, op->a, op->b);
		break;
	case DT_LIMIT_REMOVE_MAP:
		model_mem_limit_remove_map(m, op->a);
		break;
	case DT_SET_LIMIT:
		m->current_limit = op->a;
		break;
	case DT_BOTTOM_UP:
		m->bottom_up = op->on;
		break;
	case DT_MOVABLE:
		m->movable_node = op->on;
		break;
	case DT_MIRRORED_KC:
		m->mirrored_kernelcore = op->on;
		break;
	case DT_KHO_ONLY:
#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
		m->kho_scratch_only = op->on;
#endif
		break;
	case DT_DISCARD:
#ifndef CONFIG_ARCH_KEEP_MEMBLOCK
		model_discard(m);
#endif
		break;
	default:
		break;
	}
}

static long long lib_alloc(const struct dt_op *op)
{
	switch (op->kind) {
	case DT_ALLOC_RANGE_NID:
		return memblock_alloc_range_nid(op->a, op->b, op->c, op->d,
						op->nid, op->on);
	case DT_PHYS_ALLOC_RANGE:
		return memblock_phys_alloc_range(op->a, op->b, op->c, op->d);
	case DT_PHYS_ALLOC_TRY_NID:
		return memblock_phys_alloc_try_nid(op->a, op->b, op->nid);
	case DT_PHYS_ALLOC:
		return memblock_phys_alloc(op->a, op->b);
	case DT_ALLOC_TRY_NID:
		return virt_result(memblock_alloc_try_nid(op->a, op->b, op->c,
							  op->d, op->nid));
	case DT_ALLOC_TRY_NID_RAW:
		return virt_result(memblock_alloc_try_nid_raw(op->a, op->b,
							      op->c, op->d,
							      op->nid));
	case DT_ALLOC_EXACT_NID_RAW:
		return virt_result(memblock_alloc_exact_nid_raw(op->a, op->b,
								op->c, op->d,
								op->nid));
	case DT_ALLOC:
		return virt_result(memblock_alloc(op->a, op->b));
	case DT_ALLOC_RAW:
		return virt_result(memblock_alloc_raw(op->a, op->b));
	case DT_ALLOC_FROM:
		return virt_result(memblock_alloc_from(op->a, op->b, op->c));
	case DT_ALLOC_LOW:
		return virt_result(memblock_alloc_low(op->a, op->b));
	case DT_ALLOC_NODE:
		return virt_result(memblock_alloc_node(op->a, op->b, op->nid));
	default:
		return 0;
	}
}

static long long model_alloc(struct model *m, const struct dt_op *op)
{
	const phys_addr_t acc = MEMBLOCK_ALLOC_ACCESSIBLE;

	switch (op->kind) {
	case DT_ALLOC_RANGE_NID:
		return model_alloc_range_nid(m, op->a, op->b, op->c, op->d,
					     op->nid, op->on);
	case DT_PHYS_ALLOC_RANGE:
		return model_alloc_range_nid(m, op->a, op->b, op->c, op->d,
					     NUMA_NO_NODE, false);
	case DT_PHYS_ALLOC_TRY_NID:
		return model_alloc_range_nid(m, op->a, op->b, 0, acc, op->nid,
					     false);
	case DT_PHYS_ALLOC:
		return model_alloc_range_nid(m, op->a, op->b, 0, acc,
					     NUMA_NO_NODE, false);
	case DT_ALLOC_TRY_NID:
	case DT_ALLOC_TRY_NID_RAW:
		return model_alloc_internal(m, op->a, op->b, op->c, op->d,
					    op->nid, false);
	case DT_ALLOC_EXACT_NID_RAW:
		return model_alloc_internal(m, op->a, op->b, op->c, op->d,
					    op->nid, true);
	case DT_ALLOC:
	case DT_ALLOC_RAW:
		return model_alloc_internal(m, op->a, op->b, 0, acc,
					    NUMA_NO_NODE, false);
	case DT_ALLOC_FROM:
		return model_alloc_internal(m, op->a, op->b, op->c, acc,
					    NUMA_NO_NODE, false);
	case DT_ALLOC_LOW:
		return model_alloc_internal(m, op->a, op->b, 0,
					    ARCH_LOW_ADDRESS_LIMIT,
					    NUMA_NO_NODE, false);
	case DT_ALLOC_NODE:
		return model_alloc_internal(m, op->a, op->b, 0, acc, op->nid,
					    false);
	default:
		return 0;
	}
}

static void lib_query(const struct dt_op *op, struct dt_result *r)
{
	unsigned long s = ~0ul, e = ~0ul;

	switch (op->kind) {
	case DT_Q_ADDR:
		r->v[0] = memblock_is_memory(op->a);
		r->v[1] = memblock_is_map_memory(op->a);
		r->v[2] = memblock_is_reserved(op->a);
		r->v[3] = memblock_search_pfn_nid(PFN_DOWN(op->a), &s, &e);
		r->v[4] = (long long)s;
		r->v[5] = (long long)e;
		break;
	case DT_Q_RANGE:
		r->v[0] = memblock_is_region_memory(op->a, op->b);
		r->v[1] = memblock_is_region_reserved(op->a, op->b);
		r->v[2] = memblock_overlaps_region(lib_type(op->type), op->a,
						   op->b);
		r->v[3] = (long long)memblock_addrs_overlap(op->a, op->b, op->c,
							    op->d);
		break;
	case DT_Q_KERN_SIZE:
		r->v[0] = (long long)memblock_reserved_kern_size(op->a, op->nid);
		break;
	case DT_Q_NUMA_COVERAGE:
		r->v[0] = memblock_validate_numa_coverage((unsigned long)op->a);
		break;
	default:
		break;
	}
}

static void model_query(const struct model *m, const struct dt_op *op,
			struct dt_result *r)
{
	unsigned long s = ~0ul, e = ~0ul;

	switch (op->kind) {
	case DT_Q_ADDR:
		r->v[0] = model_is_memory(m, op->a);
		r->v[1] = model_is_map_memory(m, op->a);
		r->v[2] = model_is_reserved(m, op->a);
		r->v[3] = model_search_pfn_nid(m, PFN_DOWN(op->a), &s, &e);
		r->v[4] = (long long)s;
		r->v[5] = (long long)e;
		break;
	case DT_Q_RANGE:
		r->v[0] = model_is_region_memory(m, op->a, op->b);
		r->v[1] = model_overlaps(m, MT_RESERVED, op->a, op->b);
		r->v[2] = model_overlaps(m, (enum model_type_id)op->type, op->a,
					 op->b);
		/* Uncapped, as documented: the sums may wrap. */
		r->v[3] = op->a < (phys_addr_t)(op->c + op->d) &&
			  op->c < (phys_addr_t)(op->a + op->b);
		break;
	case DT_Q_KERN_SIZE:
		r->v[0] = (long long)model_reserved_kern_size(m, op->a, op->nid);
		break;
	case DT_Q_NUMA_COVERAGE:
		r->v[0] = model_validate_numa_coverage(m, (unsigned long)op->a);
		break;
	default:
		break;
	}
}

/* --- Comparing ------------------------------------------------------------------------ */

static int mismatch(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return 1;
}

static int compare_type(const struct model *m, unsigned int id, char *why,
			size_t len)
{
	const struct memblock_type *lt = lib_type(id);
	const struct model_type *mt = &m->t[id];
	unsigned long i;

	if (!lt)
		return 0;
	if (lt->cnt != mt->cnt || lt->max != mt->max)
		return mismatch(why, len, "%s: cnt/max %lu/%lu, model %lu/%lu",
				lt->name, lt->cnt, lt->max, mt->cnt, mt->max);
	if (lt->total_size != model_total(m, id))
		return mismatch(why, len, "%s: total_size %#llx, model %#llx",
				lt->name, (unsigned long long)lt->total_size,
				(unsigned long long)model_total(m, id));
	for (i = 0; i < lt->cnt; i++) {
		const struct memblock_region *r = &lt->regions[i];
		const struct model_seg *s = &mt->r[i];

		if (r->base != s->base || r->size != s->end - s->base ||
		    r->flags != s->flags ||
		    memblock_get_region_node(r) != s->nid)
			return mismatch(why, len,
					"%s[%lu]: [%#llx+%#llx) flags %#x nid %d, model [%#llx+%#llx) flags %#x nid %d",
					lt->name, i, (unsigned long long)r->base,
					(unsigned long long)r->size, r->flags,
					memblock_get_region_node(r),
					(unsigned long long)s->base,
					(unsigned long long)(s->end - s->base),
					s->flags, s->nid);
	}
	return 0;
}

static struct model_range want[MAX_RANGES], got[MAX_RANGES];

static unsigned long lib_ranges(unsigned int a, int b, int nid,
				enum memblock_flags flags, bool reverse)
{
	struct memblock_type *tb = b < 0 ? NULL : lib_type((unsigned int)b);
	phys_addr_t start, end;
	unsigned long n = 0;
	int rnid;
	u64 i;

	if (reverse) {
		__for_each_mem_range_rev(i, lib_type(a), tb, nid, flags, &start,
					 &end, &rnid)
			if (n < MAX_RANGES)
				got[n++] = (struct model_range){ start, end, rnid };
	} else {
		__for_each_mem_range(i, lib_type(a), tb, nid, flags, &start,
				     &end, &rnid)
			if (n < MAX_RANGES)
				got[n++] = (struct model_range){ start, end, rnid };
	}
	return n;
}

static int compare_ranges(const struct model *m, unsigned int a, int b,
			  int nid, enum memblock_flags flags, char *why,
			  size_t len)
{
	const unsigned long n = model_ranges(m, (enum model_type_id)a, b, nid,
					     flags, want, MAX_RANGES);
	int dir;

	for (dir = 0; dir < 2; dir++) {
		const unsigned long k = lib_ranges(a, b, nid, flags, dir);
		unsigned long i;

		if (k != n)
			return mismatch(why, len,
					"%s iteration of %u minus %d (nid %d flags %#x): %lu ranges, model %lu",
					dir ? "reverse" : "forward", a, b, nid,
					flags, k, n);
		for (i = 0; i < n; i++) {
			const struct model_range *w = &want[dir ? n - 1 - i : i];

			if (got[i].start != w->start || got[i].end != w->end ||
			    got[i].nid != w->nid)
				return mismatch(why, len,
						"%s iteration of %u minus %d (nid %d flags %#x), range %lu: [%#llx-%#llx) nid %d, model [%#llx-%#llx) nid %d",
						dir ? "reverse" : "forward", a, b,
						nid, flags, i,
						(unsigned long long)got[i].start,
						(unsigned long long)got[i].end,
						got[i].nid,
						(unsigned long long)w->start,
						(unsigned long long)w->end, w->nid);
		}
	}
	return 0;
}

static int compare_pfn_ranges(const struct model *m, int nid, char *why,
			      size_t len)
{
	const unsigned long n = model_pfn_ranges(m, nid, want, MAX_RANGES);
	unsigned long s, e, k = 0;
	int i, rnid;

	for_each_mem_pfn_range(i, nid, &s, &e, &rnid) {
		if (k >= n || want[k].start != s || want[k].end != e ||
		    want[k].nid != rnid)
			return mismatch(why, len,
					"pfn range %lu (nid %d): [%#lx-%#lx) nid %d differs from the model",
					k, nid, s, e, rnid);
		k++;
	}
	if (k != n)
		return mismatch(why, len, "pfn ranges (nid %d): %lu, model %lu",
				nid, k, n);
	return 0;
}

/* The iterator views one operation compares, chosen by @check. */
static int compare_views(const struct model *m, uint32_t check, char *why,
			 size_t len)
{
	static const int pairs[][2] = {
		{ MT_MEMORY, MT_RESERVED }, { MT_MEMORY, -1 },
		{ MT_RESERVED, -1 },	    { MT_RESERVED, MT_MEMORY },
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		{ MT_PHYSMEM, MT_MEMORY },  { MT_PHYSMEM, -1 },
		{ MT_MEMORY, MT_PHYSMEM },
#endif
	};
	static const int nids[] = { NUMA_NO_NODE, 0, 1, MAX_NUMNODES - 1,
				    MAX_NUMNODES, 2, NUMA_NO_NODE, 0 };
	const unsigned int npairs = sizeof(pairs) / sizeof(pairs[0]);
	const int *pair = pairs[check % npairs];
	const int nid = nids[(check >> 4) & 7];
	const enum memblock_flags flags = (check >> 7) & 0x7f;

	if (compare_ranges(m, MT_MEMORY, MT_RESERVED, NUMA_NO_NODE,
			   MEMBLOCK_NONE, why, len))
		return 1;
	if (compare_ranges(m, (unsigned int)pair[0], pair[1], nid, flags, why,
			   len))
		return 1;
	return compare_pfn_ranges(m, nids[(check >> 14) & 3], why, len);
}

static int compare_state(const struct model *m, uint32_t check, char *why,
			 size_t len)
{
	unsigned int id;

	if (memblock_validate())
		return mismatch(why, len, "memblock_validate() failed");
	for (id = MT_MEMORY; id <= MT_PHYSMEM; id++)
		if (compare_type(m, id, why, len))
			return 1;
	if (memblock.bottom_up != m->bottom_up ||
	    memblock_get_current_limit() != m->current_limit ||
	    memblock_has_mirror() != m->has_mirror)
		return mismatch(why, len, "bottom_up/current_limit/has_mirror differ");
	if (memblock_start_of_DRAM() != model_start_of_dram(m) ||
	    memblock_end_of_DRAM() != model_end_of_dram(m))
		return mismatch(why, len, "start/end of DRAM %#llx/%#llx, model %#llx/%#llx",
				(unsigned long long)memblock_start_of_DRAM(),
				(unsigned long long)memblock_end_of_DRAM(),
				(unsigned long long)model_start_of_dram(m),
				(unsigned long long)model_end_of_dram(m));
	if (memblock_phys_mem_size() != model_total(m, MT_MEMORY) ||
	    memblock_reserved_size() != model_total(m, MT_RESERVED))
		return mismatch(why, len, "phys_mem_size/reserved_size differ");
	if (memblock_estimated_nr_free_pages() !=
	    model_estimated_nr_free_pages(m))
		return mismatch(why, len, "estimated_nr_free_pages %lu, model %lu",
				memblock_estimated_nr_free_pages(),
				model_estimated_nr_free_pages(m));
	return compare_views(m, check, why, len);
}

static int compare_handoffs(const struct model *m, const struct dt_op *op,
			    char *why, size_t len)
{
	static struct model_handoff mh[DT_MAX_HANDOFFS];
	struct model *mm = (struct model *)m;
	unsigned long lib_pages, model_pages, nr, i;

	(void)op;
	dt_nr_handoffs = 0;
	lib_pages = memblock_free_all_count();
	model_pages = model_free_all(mm, mh, DT_MAX_HANDOFFS, &nr);
	if (lib_pages != model_pages || dt_nr_handoffs != nr)
		return mismatch(why, len,
				"memblock_free_all: %lu pages in %lu hand-offs, model %lu in %lu",
				lib_pages, dt_nr_handoffs, model_pages, nr);
	for (i = 0; i < nr && i < DT_MAX_HANDOFFS; i++)
		if (dt_handoffs[i].start_pfn != mh[i].start_pfn ||
		    dt_handoffs[i].nr_pages != mh[i].nr_pages)
			return mismatch(why, len,
					"memblock_free_all hand-off %lu: pfn %#lx+%lu, model %#lx+%lu",
					i, dt_handoffs[i].start_pfn,
					dt_handoffs[i].nr_pages, mh[i].start_pfn,
					mh[i].nr_pages);
	return 0;
}

static bool is_alloc(unsigned int kind)
{
	return kind >= DT_ALLOC_RANGE_NID && kind <= DT_ALLOC_NODE;
}

static bool is_query(unsigned int kind)
{
	return kind >= DT_Q_ADDR && kind <= DT_Q_NUMA_COVERAGE;
}

static bool is_setting(unsigned int kind)
{
	return (kind >= DT_TRIM && kind <= DT_KHO_ONLY) || kind == DT_DISCARD;
}

long long dt_last_result;

int dt_step(struct model *m, const struct dt_op *op, char *why, size_t len)
{
	struct dt_result lr = { { 0 } }, mr = { { 0 } };
	unsigned int i;

	if (op->kind == DT_FREE_ALL) {
		if (compare_handoffs(m, op, why, len))
			return 1;
	} else if (is_query(op->kind)) {
		lib_query(op, &lr);
		model_query(m, op, &mr);
	} else if (is_alloc(op->kind)) {
		lr.v[0] = lib_alloc(op);
		mr.v[0] = model_alloc(m, op);
	} else if (is_setting(op->kind)) {
		lib_setting(op);
		model_setting(m, op);
	} else {
		lr.v[0] = lib_change(op);
		mr.v[0] = model_change(m, op);
	}
	dt_last_result = lr.v[0];
	for (i = 0; i < DT_NR_RESULTS; i++)
		if (lr.v[i] != mr.v[i])
			return mismatch(why, len, "result %u: %#llx, model %#llx",
					i, (unsigned long long)lr.v[i],
					(unsigned long long)mr.v[i]);
	return compare_state(m, op->check, why, len);
}

/* --- Printing ----------------------------------------------------------------------------- */

static const char *const type_names[] = { "&memblock.memory",
					  "&memblock.reserved", "&physmem" };

const char *const dt_kind_names[DT_NR_KINDS] = {
	[DT_ADD] = "memblock_add",
	[DT_ADD_NODE] = "memblock_add_node",
	[DT_REMOVE] = "memblock_remove",
	[DT_RESERVE] = "memblock_reserve",
	[DT_RESERVE_KERN] = "memblock_reserve_kern",
	[DT_RESERVE_NID] = "__memblock_reserve",
	[DT_PHYS_FREE] = "memblock_phys_free",
	[DT_FREE] = "memblock_free",
	[DT_PHYSMEM_ADD] = "memblock_physmem_add",
	[DT_MARK_HOTPLUG] = "memblock_mark_hotplug",
	[DT_CLEAR_HOTPLUG] = "memblock_clear_hotplug",
	[DT_MARK_MIRROR] = "memblock_mark_mirror",
	[DT_MARK_NOMAP] = "memblock_mark_nomap",
	[DT_CLEAR_NOMAP] = "memblock_clear_nomap",
	[DT_MARK_NOINIT] = "memblock_reserved_mark_noinit",
	[DT_MARK_KERN] = "memblock_reserved_mark_kern",
	[DT_MARK_KHO] = "memblock_mark_kho_scratch",
	[DT_CLEAR_KHO] = "memblock_clear_kho_scratch",
	[DT_SET_NODE] = "memblock_set_node",
	[DT_TRIM] = "memblock_trim_memory",
	[DT_ENFORCE_LIMIT] = "memblock_enforce_memory_limit",
	[DT_CAP_RANGE] = "memblock_cap_memory_range",
	[DT_LIMIT_REMOVE_MAP] = "memblock_mem_limit_remove_map",
	[DT_SET_LIMIT] = "memblock_set_current_limit",
	[DT_BOTTOM_UP] = "memblock_set_bottom_up",
	[DT_ALLOC_RANGE_NID] = "memblock_alloc_range_nid",
	[DT_PHYS_ALLOC_RANGE] = "memblock_phys_alloc_range",
	[DT_PHYS_ALLOC_TRY_NID] = "memblock_phys_alloc_try_nid",
	[DT_PHYS_ALLOC] = "memblock_phys_alloc",
	[DT_ALLOC_TRY_NID] = "memblock_alloc_try_nid",
	[DT_ALLOC_TRY_NID_RAW] = "memblock_alloc_try_nid_raw",
	[DT_ALLOC_EXACT_NID_RAW] = "memblock_alloc_exact_nid_raw",
	[DT_ALLOC] = "memblock_alloc",
	[DT_ALLOC_RAW] = "memblock_alloc_raw",
	[DT_ALLOC_FROM] = "memblock_alloc_from",
	[DT_ALLOC_LOW] = "memblock_alloc_low",
	[DT_ALLOC_NODE] = "memblock_alloc_node",
	[DT_FREE_ALL] = "memblock_free_all",
	[DT_DISCARD] = "memblock_discard",
	[DT_MOVABLE] = "movable_node_enabled",
	[DT_MIRRORED_KC] = "mirrored_kernelcore",
	[DT_KHO_ONLY] = "kho_scratch_only",
	[DT_Q_ADDR] = "query(addr)",
	[DT_Q_RANGE] = "query(range)",
	[DT_Q_KERN_SIZE] = "memblock_reserved_kern_size",
	[DT_Q_NUMA_COVERAGE] = "memblock_validate_numa_coverage",
};

#define X(v) ((unsigned long long)(v))

static void print_query(FILE *f, const struct dt_op *op)
{
	switch (op->kind) {
	case DT_Q_ADDR:
		fprintf(f, "memblock_is_memory(%#llx); memblock_is_map_memory(%#llx); memblock_is_reserved(%#llx); memblock_search_pfn_nid(PFN_DOWN(%#llx), &s, &e);\n",
			X(op->a), X(op->a), X(op->a), X(op->a));
		break;
	case DT_Q_RANGE:
		fprintf(f, "memblock_is_region_memory(%#llx, %#llx); memblock_is_region_reserved(%#llx, %#llx); memblock_overlaps_region(%s, %#llx, %#llx); memblock_addrs_overlap(%#llx, %#llx, %#llx, %#llx);\n",
			X(op->a), X(op->b), X(op->a), X(op->b),
			type_names[op->type], X(op->a), X(op->b), X(op->a),
			X(op->b), X(op->c), X(op->d));
		break;
	case DT_Q_KERN_SIZE:
		fprintf(f, "memblock_reserved_kern_size(%#llx, %d);\n", X(op->a),
			op->nid);
		break;
	default:
		fprintf(f, "memblock_validate_numa_coverage(%#llx);\n", X(op->a));
		break;
	}
}

static void print_alloc(FILE *f, const struct dt_op *op)
{
	const char *name = dt_kind_names[op->kind];

	switch (op->kind) {
	case DT_ALLOC_RANGE_NID:
		fprintf(f, "%s(%#llx, %#llx, %#llx, %#llx, %d, %s);\n", name,
			X(op->a), X(op->b), X(op->c), X(op->d), op->nid,
			op->on ? "true" : "false");
		break;
	case DT_PHYS_ALLOC_RANGE:
		fprintf(f, "%s(%#llx, %#llx, %#llx, %#llx);\n", name, X(op->a),
			X(op->b), X(op->c), X(op->d));
		break;
	case DT_PHYS_ALLOC_TRY_NID:
	case DT_ALLOC_NODE:
		fprintf(f, "%s(%#llx, %#llx, %d);\n", name, X(op->a), X(op->b),
			op->nid);
		break;
	case DT_ALLOC_TRY_NID:
	case DT_ALLOC_TRY_NID_RAW:
	case DT_ALLOC_EXACT_NID_RAW:
		fprintf(f, "%s(%#llx, %#llx, %#llx, %#llx, %d);\n", name, X(op->a),
			X(op->b), X(op->c), X(op->d), op->nid);
		break;
	case DT_ALLOC_FROM:
		fprintf(f, "%s(%#llx, %#llx, %#llx);\n", name, X(op->a), X(op->b),
			X(op->c));
		break;
	default:
		fprintf(f, "%s(%#llx, %#llx);\n", name, X(op->a), X(op->b));
		break;
	}
}

void dt_print_op(FILE *f, const struct dt_op *op)
{
	const char *name = dt_kind_names[op->kind];

	if (is_query(op->kind)) {
		print_query(f, op);
		return;
	}
	if (is_alloc(op->kind)) {
		print_alloc(f, op);
		return;
	}
	switch (op->kind) {
	case DT_ADD_NODE:
	case DT_RESERVE_NID:
		fprintf(f, "%s(%#llx, %#llx, %d, %#x);\n", name, X(op->a), X(op->b),
			op->nid, op->flags);
		break;
	case DT_FREE:
		fprintf(f, "%s((void *)%#llx, %#llx);\n", name, X(op->a), X(op->b));
		break;
	case DT_SET_NODE:
		fprintf(f, "%s(%#llx, %#llx, %s, %d);\n", name, X(op->a), X(op->b),
			type_names[op->type], op->nid);
		break;
	case DT_TRIM:
	case DT_ENFORCE_LIMIT:
	case DT_LIMIT_REMOVE_MAP:
	case DT_SET_LIMIT:
		fprintf(f, "%s(%#llx);\n", name, X(op->a));
		break;
	case DT_BOTTOM_UP:
		fprintf(f, "%s(%s);\n", name, op->on ? "true" : "false");
		break;
	case DT_MOVABLE:
		fprintf(f, "movable_node_enabled = %s;\n", op->on ? "true" : "false");
		break;
	case DT_MIRRORED_KC:
		fprintf(f, "mirrored_kernelcore = %s;\n", op->on ? "true" : "false");
		break;
	case DT_KHO_ONLY:
		fprintf(f, "%s();\n", op->on ? "memblock_set_kho_scratch_only" :
					       "memblock_clear_kho_scratch_only");
		break;
	case DT_FREE_ALL:
	case DT_DISCARD:
		fprintf(f, "%s();\n", name);
		break;
	default:
		fprintf(f, "%s(%#llx, %#llx);\n", name, X(op->a), X(op->b));
		break;
	}
}
