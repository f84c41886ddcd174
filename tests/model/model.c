// SPDX-License-Identifier: MIT
/*
 * model.c - the reference model (see model.h). Every rule here is written
 * from docs of the semantics, in the plainest form that states it; speed
 * does not matter.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* --- Small rules ------------------------------------------------------------ */

static bool is_pow2(phys_addr_t x)
{
	return x && !(x & (x - 1));
}

static bool valid_node(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES;
}

/* Node ids the library accepts for storing (NUMA builds check them). */
static bool storable_node(int nid)
{
#ifdef CONFIG_NUMA
	return nid >= NUMA_NO_NODE && nid <= MAX_NUMNODES;
#else
	(void)nid;
	return true;
#endif
}

/* What a region reports as its node: its nid, or 0 without NUMA. */
static int stored_node(int nid)
{
#ifdef CONFIG_NUMA
	return nid;
#else
	(void)nid;
	return 0;
#endif
}

/* The size after capping: the range may end at PHYS_ADDR_MAX, not beyond. */
static phys_addr_t capped(phys_addr_t base, phys_addr_t size)
{
	return size > PHYS_ADDR_MAX - base ? PHYS_ADDR_MAX - base : size;
}

static phys_addr_t max_addr(phys_addr_t a, phys_addr_t b)
{
	return a > b ? a : b;
}

static phys_addr_t min_addr(phys_addr_t a, phys_addr_t b)
{
	return a < b ? a : b;
}

static phys_addr_t clamp_addr(phys_addr_t v, phys_addr_t lo, phys_addr_t hi)
{
	return min_addr(max_addr(v, lo), hi);
}

/* --- The step function ------------------------------------------------------- */

static phys_addr_t points[2 * MODEL_SEGS + 4];
static struct model_seg scratch[2 * MODEL_SEGS + 4];

static int cmp_phys(const void *a, const void *b)
{
	const phys_addr_t x = *(const phys_addr_t *)a;
	const phys_addr_t y = *(const phys_addr_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Every boundary of @t plus @base and @end, sorted and unique; consecutive
 * points bound the elementary intervals, each wholly inside one run or gap.
 */
static unsigned long cut_points(const struct model_type *t, phys_addr_t base,
				phys_addr_t end)
{
	unsigned long n = 0, i, u;

	points[n++] = base;
	points[n++] = end;
	for (i = 0; i < t->cnt; i++) {
		points[n++] = t->r[i].base;
		points[n++] = t->r[i].end;
	}
	qsort(points, n, sizeof(points[0]), cmp_phys);
	for (i = 1, u = 1; i < n; i++)
		if (points[i] != points[u - 1])
			points[u++] = points[i];
	return u;
}

/* The run of @t holding all of [@p, ...), if any; @j walks up monotonically. */
static const struct model_seg *run_at(const struct model_type *t,
				      unsigned long *j, phys_addr_t p)
{
	while (*j < t->cnt && t->r[*j].end <= p)
		(*j)++;
	if (*j < t->cnt && t->r[*j].base <= p)
		return &t->r[*j];
	return NULL;
}

static bool same_attrs(const struct model_seg *a, const struct model_seg *b)
{
	return a->flags == b->flags && a->nid == b->nid;
}

/* Append a present piece, joining it to the previous one when they match. */
static void append_run(struct model_seg *out, unsigned long *n,
		       const struct model_seg *s)
{
	if (*n && out[*n - 1].end == s->base && same_attrs(&out[*n - 1], s)) {
		out[*n - 1].end = s->end;
		return;
	}
	out[(*n)++] = *s;
}

/*
 * A paint rule: given whether an elementary interval is present and its
 * attributes, set its new presence and attributes.
 */
typedef void (*paint_fn)(bool *present, struct model_seg *s, const void *arg);

/* Apply @fn to every elementary interval inside [@base, @end). */
static void paint(struct model_type *t, phys_addr_t base, phys_addr_t end,
		  paint_fn fn, const void *arg)
{
	const unsigned long np = cut_points(t, base, end);
	unsigned long i, j = 0, n = 0;

	for (i = 0; i + 1 < np; i++) {
		const struct model_seg *run = run_at(t, &j, points[i]);
		struct model_seg s = { points[i], points[i + 1], 0, 0 };
		bool present = run != NULL;

		if (run) {
			s.flags = run->flags;
			s.nid = run->nid;
		}
		if (points[i] >= base && points[i + 1] <= end)
			fn(&present, &s, arg);
		if (present)
			append_run(scratch, &n, &s);
	}
	memcpy(t->r, scratch, n * sizeof(scratch[0]));
	t->cnt = n;
}

/* The number of maximal parts of [@base, @end) that no run covers. */
static unsigned long uncovered_parts(const struct model_type *t,
				     phys_addr_t base, phys_addr_t end)
{
	const unsigned long np = cut_points(t, base, end);
	unsigned long i, j = 0, parts = 0;
	bool prev_uncovered = false;

	for (i = 0; i + 1 < np; i++) {
		bool inside = points[i] >= base && points[i + 1] <= end;
		bool uncovered = inside && !run_at(t, &j, points[i]);

		if (uncovered && !prev_uncovered)
			parts++;
		prev_uncovered = uncovered;
	}
	return parts;
}

/* --- Paint rules ---------------------------------------------------------------- */

static void rule_fill_gaps(bool *present, struct model_seg *s, const void *arg)
{
	const struct model_seg *attrs = arg;

	if (*present)
		return;	/* existing memory keeps its own flags and node */
	*present = true;
	s->flags = attrs->flags;
	s->nid = attrs->nid;
}

static void rule_erase(bool *present, struct model_seg *s, const void *arg)
{
	(void)s;
	(void)arg;
	*present = false;
}

static void rule_erase_unless_nomap(bool *present, struct model_seg *s,
				    const void *arg)
{
	(void)arg;
	if (!(s->flags & MEMBLOCK_NOMAP))
		*present = false;
}

struct flag_change {
	bool set;
	enum memblock_flags flag;
};

static void rule_flag(bool *present, struct model_seg *s, const void *arg)
{
	const struct flag_change *c = arg;

	if (!*present)
		return;	/* flags are never put on what is not there */
	if (c->set)
		s->flags |= c->flag;
	else
		s->flags &= ~c->flag;
}

static void rule_node(bool *present, struct model_seg *s, const void *arg)
{
	if (*present)
		s->nid = *(const int *)arg;
}

/* --- Capacity: where the library must answer -ENOMEM ----------------------- */

/*
 * Adding needs one slot per uncovered part; an empty array takes the
 * range in slot 0 whatever its capacity.
 */
static bool add_fits(const struct model_type *t, phys_addr_t base,
		     phys_addr_t end)
{
	if (!t->cnt)
		return true;
	return t->cnt + uncovered_parts(t, base, end) <= t->max;
}

/* Splitting at both ends of a range needs two free slots, always. */
static bool split_fits(const struct model_type *t)
{
	return t->cnt + 2 <= t->max;
}

/* --- Registration and removal ----------------------------------------------- */

static int add_range(struct model *m, enum model_type_id id, phys_addr_t base,
		     phys_addr_t size, int nid, enum memblock_flags flags)
{
	struct model_type *t = &m->t[id];
	const struct model_seg attrs = { 0, 0, flags, stored_node(nid) };

	size = capped(base, size);
	if (!size)
		return 0;
	if (!add_fits(t, base, base + size))
		return -ENOMEM;
	paint(t, base, base + size, rule_fill_gaps, &attrs);
	return 0;
}

static int remove_range(struct model *m, enum model_type_id id,
			phys_addr_t base, phys_addr_t size)
{
	struct model_type *t = &m->t[id];

	size = capped(base, size);
	if (!size)
		return 0;
	if (!split_fits(t))
		return -ENOMEM;
	paint(t, base, base + size, rule_erase, NULL);
	return 0;
}

void model_init(struct model *m)
{
	memset(m, 0, sizeof(*m));
	m->t[MT_MEMORY].max = INIT_MEMBLOCK_MEMORY_REGIONS;
	m->t[MT_RESERVED].max = INIT_MEMBLOCK_RESERVED_REGIONS;
	m->t[MT_PHYSMEM].max = INIT_PHYSMEM_REGIONS;
	m->current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	m->filters_on = true;
}

int model_add_node(struct model *m, phys_addr_t base, phys_addr_t size,
		   int nid, enum memblock_flags flags)
{
	if (!storable_node(nid))
		return -EINVAL;
	return add_range(m, MT_MEMORY, base, size, nid, flags);
}

int model_add(struct model *m, phys_addr_t base, phys_addr_t size)
{
	return add_range(m, MT_MEMORY, base, size, MAX_NUMNODES, MEMBLOCK_NONE);
}

int model_remove(struct model *m, phys_addr_t base, phys_addr_t size)
{
	return remove_range(m, MT_MEMORY, base, size);
}

int model_reserve(struct model *m, phys_addr_t base, phys_addr_t size, int nid,
		  enum memblock_flags flags)
{
	if (!storable_node(nid))
		return -EINVAL;
	return add_range(m, MT_RESERVED, base, size, nid, flags);
}

int model_phys_free(struct model *m, phys_addr_t base, phys_addr_t size)
{
	return remove_range(m, MT_RESERVED, base, size);
}

int model_physmem_add(struct model *m, phys_addr_t base, phys_addr_t size)
{
	return add_range(m, MT_PHYSMEM, base, size, MAX_NUMNODES, MEMBLOCK_NONE);
}

/* --- Attributes ----------------------------------------------------------------- */

int model_set_flag(struct model *m, enum model_type_id id, phys_addr_t base,
		   phys_addr_t size, bool set, enum memblock_flags flag)
{
	struct model_type *t = &m->t[id];
	const struct flag_change c = { set, flag };

	size = capped(base, size);
	if (!size)
		return 0;
	if (!split_fits(t))
		return -ENOMEM;
	paint(t, base, base + size, rule_flag, &c);
	return 0;
}

int model_mark_mirror(struct model *m, phys_addr_t base, phys_addr_t size)
{
	if (!m->mirrored_kernelcore)
		return 0;
	m->has_mirror = true;
	return model_set_flag(m, MT_MEMORY, base, size, true, MEMBLOCK_MIRROR);
}

int model_set_node(struct model *m, phys_addr_t base, phys_addr_t size,
		   enum model_type_id id, int nid)
{
#ifdef CONFIG_NUMA
	struct model_type *t = &m->t[id];

	if (!storable_node(nid))
		return -EINVAL;
	size = capped(base, size);
	if (!size)
		return 0;
	if (!split_fits(t))
		return -ENOMEM;
	paint(t, base, base + size, rule_node, &nid);
#else
	(void)m;
	(void)base;
	(void)size;
	(void)id;
	(void)nid;
	(void)rule_node;
#endif
	return 0;
}

/* --- Limits --------------------------------------------------------------------- */

void model_trim(struct model *m, phys_addr_t align)
{
	struct model_type *t = &m->t[MT_MEMORY];
	unsigned long i, n = 0;

	if (!is_pow2(align))
		return;
	for (i = 0; i < t->cnt; i++) {
		struct model_seg s = t->r[i];
		const phys_addr_t start = (s.base + align - 1) & ~(align - 1);
		const phys_addr_t end = s.end & ~(align - 1);

		/* A start that wrapped around is no start. */
		if (start < s.base || start >= end)
			continue;
		s.base = start;
		s.end = end;
		append_run(scratch, &n, &s);
	}
	memcpy(t->r, scratch, n * sizeof(scratch[0]));
	t->cnt = n;
}

/*
 * The address at which @limit bytes of memory, counted from the bottom, are
 * used up; false when memory holds no more than @limit.
 */
static bool limit_address(const struct model *m, phys_addr_t limit,
			  phys_addr_t *addr)
{
	const struct model_type *t = &m->t[MT_MEMORY];
	unsigned long i;

	for (i = 0; i < t->cnt; i++) {
		const phys_addr_t size = t->r[i].end - t->r[i].base;

		if (limit <= size) {
			*addr = t->r[i].base + limit;
			return true;
		}
		limit -= size;
	}
	return false;
}

void model_enforce_memory_limit(struct model *m, phys_addr_t limit)
{
	phys_addr_t addr;

	if (!limit || !limit_address(m, limit, &addr))
		return;
	remove_range(m, MT_MEMORY, addr, PHYS_ADDR_MAX);
	remove_range(m, MT_RESERVED, addr, PHYS_ADDR_MAX);
}

void model_cap_memory_range(struct model *m, phys_addr_t base,
			    phys_addr_t size)
{
	struct model_type *mem = &m->t[MT_MEMORY];
	phys_addr_t end;

	size = capped(base, size);
	if (!size || !mem->cnt)
		return;
	if (!split_fits(mem))
		return;
	end = base + size;
	/* Memory outside the window goes, except NOMAP memory. */
	paint(mem, 0, base, rule_erase_unless_nomap, NULL);
	paint(mem, end, PHYS_ADDR_MAX, rule_erase_unless_nomap, NULL);
	/* Reservations are cut down to the window. */
	remove_range(m, MT_RESERVED, 0, base);
	remove_range(m, MT_RESERVED, end, PHYS_ADDR_MAX);
}

void model_mem_limit_remove_map(struct model *m, phys_addr_t limit)
{
	phys_addr_t addr;

	if (!limit || !limit_address(m, limit, &addr))
		return;
	model_cap_memory_range(m, 0, addr);
}

/* --- Iteration -------------------------------------------------------------------- */

/* The filters of should_skip_region(), for memory only (and only before discard). */
static bool skipped(const struct model *m, enum model_type_id a,
		    const struct model_seg *r, int nid,
		    enum memblock_flags flags)
{
	if (a != MT_MEMORY || !m->filters_on)
		return false;
	if (valid_node(nid) && nid != r->nid)
		return true;
	if (m->movable_node && (r->flags & MEMBLOCK_HOTPLUG) &&
	    !(flags & MEMBLOCK_HOTPLUG))
		return true;
	if ((flags & MEMBLOCK_MIRROR) && !(r->flags & MEMBLOCK_MIRROR))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && (r->flags & MEMBLOCK_NOMAP))
		return true;
	if (!(flags & MEMBLOCK_DRIVER_MANAGED) &&
	    (r->flags & MEMBLOCK_DRIVER_MANAGED))
		return true;
	if ((flags & MEMBLOCK_KHO_SCRATCH) && !(r->flags & MEMBLOCK_KHO_SCRATCH))
		return true;
	return false;
}

/*
 * Gap @k of @b: below its region k, above region k - 1; the first starts at
 * 0 and the last ends at PHYS_ADDR_MAX. Touching regions leave empty gaps.
 */
static void gap(const struct model_type *b, unsigned long k,
		phys_addr_t *start, phys_addr_t *end)
{
	*start = k ? b->r[k - 1].end : 0;
	*end = k < b->cnt ? b->r[k].base : PHYS_ADDR_MAX;
}

/*
 * Every (region of @a, gap of @b) pair that intersects - a gap starting
 * before the region's end and ending after its start - gives one range,
 * region by region and gap by gap. @b < 0 means no exclusion: each region
 * is one range.
 */
unsigned long model_ranges(const struct model *m, enum model_type_id a,
			   int b, int nid, enum memblock_flags flags,
			   struct model_range *out, unsigned long max_out)
{
	const struct model_type *ta = &m->t[a];
	unsigned long i, k, n = 0;

	for (i = 0; i < ta->cnt; i++) {
		const struct model_seg *r = &ta->r[i];

		if (skipped(m, a, r, nid, flags))
			continue;
		if (b < 0) {
			if (n < max_out)
				out[n] = (struct model_range){ r->base, r->end,
							       r->nid };
			n++;
			continue;
		}
		for (k = 0; k <= m->t[b].cnt; k++) {
			phys_addr_t gs, ge;

			gap(&m->t[b], k, &gs, &ge);
			if (!(gs < r->end && r->base < ge))
				continue;
			if (n < max_out)
				out[n] = (struct model_range){
					max_addr(r->base, gs),
					min_addr(r->end, ge), r->nid };
			n++;
		}
	}
	return n;
}

/* The first whole page frame at or above @addr; never wraps to 0. */
static unsigned long whole_pfn_up(phys_addr_t addr)
{
	return PFN_DOWN(addr) + ((addr & (PAGE_SIZE - 1)) != 0);
}

/* Memory regions holding a whole page, as page frames (start, end). */
unsigned long model_pfn_ranges(const struct model *m, int nid,
			       struct model_range *out, unsigned long max_out)
{
	const struct model_type *t = &m->t[MT_MEMORY];
	unsigned long i, n = 0;

	for (i = 0; i < t->cnt; i++) {
		const struct model_seg *r = &t->r[i];

		if (whole_pfn_up(r->base) >= PFN_DOWN(r->end))
			continue;
		if (valid_node(nid) && nid != r->nid)
			continue;
		if (n < max_out)
			out[n] = (struct model_range){ whole_pfn_up(r->base),
						       PFN_DOWN(r->end), r->nid };
		n++;
	}
	return n;
}

/* --- Allocation ------------------------------------------------------------------ */

static struct model_range free_list[2 * MODEL_SEGS + 4];

/* Highest aligned fit, searching the free ranges from the top. */
static phys_addr_t fit_top_down(const struct model_range *fr, unsigned long n,
				phys_addr_t start, phys_addr_t end,
				phys_addr_t size, phys_addr_t align)
{
	while (n--) {
		const phys_addr_t s = clamp_addr(fr[n].start, start, end);
		const phys_addr_t e = clamp_addr(fr[n].end, start, end);
		phys_addr_t cand;

		if (e < size)
			continue;
		cand = (e - size) & ~(align - 1);
		if (cand >= s)
			return cand;
	}
	return 0;
}

/* Lowest aligned fit, searching the free ranges from the bottom. */
static phys_addr_t fit_bottom_up(const struct model_range *fr, unsigned long n,
				 phys_addr_t start, phys_addr_t end,
				 phys_addr_t size, phys_addr_t align)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		const phys_addr_t s = clamp_addr(fr[i].start, start, end);
		const phys_addr_t e = clamp_addr(fr[i].end, start, end);
		const phys_addr_t cand = (s + align - 1) & ~(align - 1);

		if (cand < s)
			continue;	/* rounding up wrapped: no fit */
		if (cand < e && e - cand >= size)
			return cand;
	}
	return 0;
}

/* The search of an allocation: nothing is reserved. */
static phys_addr_t find_free(const struct model *m, phys_addr_t size,
			     phys_addr_t align, phys_addr_t start,
			     phys_addr_t end, int nid, enum memblock_flags flags)
{
	unsigned long n;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE ||
	    end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = m->current_limit;
	start = max_addr(start, PAGE_SIZE);	/* page 0 is never handed out */
	end = max_addr(start, end);

	n = model_ranges(m, MT_MEMORY, MT_RESERVED, nid, flags, free_list,
			 sizeof(free_list) / sizeof(free_list[0]));
	if (m->bottom_up)
		return fit_bottom_up(free_list, n, start, end, size, align);
	return fit_top_down(free_list, n, start, end, size, align);
}

phys_addr_t model_alloc_range_nid(struct model *m, phys_addr_t size,
				  phys_addr_t align, phys_addr_t start,
				  phys_addr_t end, int nid, bool exact_nid)
{
	enum memblock_flags flags = m->kho_scratch_only ? MEMBLOCK_KHO_SCRATCH :
				    m->has_mirror ? MEMBLOCK_MIRROR :
						    MEMBLOCK_NONE;
	phys_addr_t found;

	/* A node id that cannot be stored means any node (ours, not Linux). */
	if (!storable_node(nid))
		nid = NUMA_NO_NODE;
	if (!align)
		align = SMP_CACHE_BYTES;
	if (!is_pow2(align))
		return 0;

	/* (nid, mirror), (any, mirror), (nid), (any); scratch is never dropped. */
	for (;;) {
		found = find_free(m, size, align, start, end, nid, flags);
		if (found && !model_reserve(m, found, size, nid,
					    MEMBLOCK_RSRV_KERN))
			return found;
		if (valid_node(nid) && !exact_nid) {
			found = find_free(m, size, align, start, end,
					  NUMA_NO_NODE, flags);
			if (found && !model_reserve(m, found, size, NUMA_NO_NODE,
						    MEMBLOCK_RSRV_KERN))
				return found;
		}
		if (!(flags & MEMBLOCK_MIRROR))
			return 0;
		flags &= ~MEMBLOCK_MIRROR;
	}
}

phys_addr_t model_alloc_internal(struct model *m, phys_addr_t size,
				 phys_addr_t align, phys_addr_t min,
				 phys_addr_t max, int nid, bool exact_nid)
{
	phys_addr_t found;

	if (max > m->current_limit)
		max = m->current_limit;
	found = model_alloc_range_nid(m, size, align, min, max, nid, exact_nid);
	if (!found && min)
		found = model_alloc_range_nid(m, size, align, 0, max, nid,
					      exact_nid);
	return found;
}

/* --- End of boot ------------------------------------------------------------------- */

unsigned long model_free_all(struct model *m, struct model_handoff *out,
			     unsigned long max_out, unsigned long *nr_out)
{
	static struct model_seg mem[MODEL_SEGS];
	unsigned long i, n, pages = 0, nr = 0;

	m->kho_scratch_only = false;
	model_set_flag(m, MT_MEMORY, 0, PHYS_ADDR_MAX, false, MEMBLOCK_HOTPLUG);

	/* Each reservation takes the node of the memory beneath it. */
	n = m->t[MT_MEMORY].cnt;
	memcpy(mem, m->t[MT_MEMORY].r, n * sizeof(mem[0]));
	for (i = 0; i < n; i++)
		model_set_node(m, mem[i].base, mem[i].end - mem[i].base,
			       MT_RESERVED, mem[i].nid);

	n = model_ranges(m, MT_MEMORY, MT_RESERVED, NUMA_NO_NODE, MEMBLOCK_NONE,
			 free_list, sizeof(free_list) / sizeof(free_list[0]));
	for (i = 0; i < n; i++) {
		const unsigned long first = whole_pfn_up(free_list[i].start);
		const unsigned long last = PFN_DOWN(free_list[i].end);

		if (first >= last)
			continue;
		if (nr < max_out)
			out[nr] = (struct model_handoff){ first, last - first };
		nr++;
		pages += last - first;
	}
	*nr_out = nr;
	return pages;
}

void model_discard(struct model *m)
{
	m->filters_on = false;
}

/* --- Queries ------------------------------------------------------------------------ */

static const struct model_seg *run_holding(const struct model_type *t,
					   phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < t->cnt; i++)
		if (t->r[i].base <= addr && addr < t->r[i].end)
			return &t->r[i];
	return NULL;
}

phys_addr_t model_total(const struct model *m, enum model_type_id id)
{
	const struct model_type *t = &m->t[id];
	phys_addr_t sum = 0;
	unsigned long i;

	for (i = 0; i < t->cnt; i++)
		sum += t->r[i].end - t->r[i].base;
	return sum;
}

phys_addr_t model_reserved_kern_size(const struct model *m, phys_addr_t limit,
				     int nid)
{
	const struct model_type *t = &m->t[MT_RESERVED];
	phys_addr_t sum = 0;
	unsigned long i;

	for (i = 0; i < t->cnt && t->r[i].base <= limit; i++) {
		const struct model_seg *r = &t->r[i];

		if (!(r->flags & MEMBLOCK_RSRV_KERN))
			continue;
		if (valid_node(nid) && nid != r->nid)
			continue;
		sum += min_addr(r->end, limit) - r->base;
	}
	return sum;
}

unsigned long model_estimated_nr_free_pages(const struct model *m)
{
	const phys_addr_t mem = model_total(m, MT_MEMORY);
	const phys_addr_t kern =
		model_reserved_kern_size(m, MEMBLOCK_ALLOC_ANYWHERE, NUMA_NO_NODE);

	return kern > mem ? 0 : PHYS_PFN(mem - kern);
}

phys_addr_t model_start_of_dram(const struct model *m)
{
	const struct model_type *t = &m->t[MT_MEMORY];

	return t->cnt ? t->r[0].base : 0;
}

phys_addr_t model_end_of_dram(const struct model *m)
{
	const struct model_type *t = &m->t[MT_MEMORY];

	return t->cnt ? t->r[t->cnt - 1].end : 0;
}

bool model_is_memory(const struct model *m, phys_addr_t addr)
{
	return run_holding(&m->t[MT_MEMORY], addr) != NULL;
}

bool model_is_map_memory(const struct model *m, phys_addr_t addr)
{
	const struct model_seg *r = run_holding(&m->t[MT_MEMORY], addr);

	return r && !(r->flags & MEMBLOCK_NOMAP);
}

bool model_is_region_memory(const struct model *m, phys_addr_t base,
			    phys_addr_t size)
{
	const struct model_seg *r = run_holding(&m->t[MT_MEMORY], base);

	return r && r->end >= base + capped(base, size);
}

bool model_is_reserved(const struct model *m, phys_addr_t addr)
{
	return run_holding(&m->t[MT_RESERVED], addr) != NULL;
}

/* The plain predicate base1 < end2 && base2 < end1, after capping. */
bool model_overlaps(const struct model *m, enum model_type_id id,
		    phys_addr_t base, phys_addr_t size)
{
	const struct model_type *t = &m->t[id];
	const phys_addr_t end = base + capped(base, size);
	unsigned long i;

	for (i = 0; i < t->cnt; i++)
		if (base < t->r[i].end && t->r[i].base < end)
			return true;
	return false;
}

int model_search_pfn_nid(const struct model *m, unsigned long pfn,
			 unsigned long *start_pfn, unsigned long *end_pfn)
{
	const struct model_seg *r;

	if (pfn > PFN_DOWN(PHYS_ADDR_MAX))
		return NUMA_NO_NODE;
	r = run_holding(&m->t[MT_MEMORY], PFN_PHYS(pfn));
	if (!r)
		return NUMA_NO_NODE;
	*start_pfn = PFN_DOWN(r->base);
	*end_pfn = PFN_DOWN(r->end);
	return r->nid;
}

bool model_validate_numa_coverage(const struct model *m,
				  unsigned long threshold)
{
	struct model_range pr[MODEL_SEGS];
	unsigned long i, n, pages = 0;

	n = model_pfn_ranges(m, MAX_NUMNODES, pr, MODEL_SEGS);
	for (i = 0; i < n && i < MODEL_SEGS; i++)
		if (!valid_node(pr[i].nid))
			pages += pr[i].end - pr[i].start;
	return (pages << PAGE_SHIFT) <= threshold;
}
