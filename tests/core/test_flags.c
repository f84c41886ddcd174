// SPDX-License-Identifier: MIT
/*
 * test_flags.c - the flag matrix: which regions each walk and each
 * allocation may use (should_skip_region in src/iter.c, src/alloc.c).
 *
 * Two generated tables, one cmocka test per row:
 *  - walks: flag x walker x flag passed or not x movable_node x node filter.
 *    Memory has a plain region P on node 0 and a region F carrying the flag
 *    on node 1; reserved has a plain and a flagged reservation.
 *  - allocations: every allocation function x a scenario per flag.
 *
 * The rule under test, from Linux: filters apply to memblock.memory only.
 * MIRROR and KHO_SCRATCH in the caller's flags *require* the region to
 * have them; NOMAP and DRIVER_MANAGED regions are skipped unless the caller
 * *permits* them; HOTPLUG regions are skipped only under movable_node and
 * only when the caller does not pass HOTPLUG; a valid node keeps only that
 * node. Reserved and physmem are never filtered.
 */
#include <stdio.h>
#include <string.h>

#include "core_helpers.h"

#define P_BASE (WIN_BASE + SZ_1M)
#define F_BASE (WIN_BASE + SZ_4M)
#define RGN_SZ SZ_1M
#define P_NID 0
#define F_NID 1
/* Reservations: the bottom 256K of P (plain), 256K inside F (flagged). */
#define R1_BASE P_BASE
#define R1_SZ SZ_256K
#define R2_BASE (F_BASE + SZ_512K)
#define R2_SZ SZ_256K

static const struct {
	enum memblock_flags flag;
	const char *name;
} flags[] = {
	{ MEMBLOCK_HOTPLUG, "HOTPLUG" },
	{ MEMBLOCK_MIRROR, "MIRROR" },
	{ MEMBLOCK_NOMAP, "NOMAP" },
	{ MEMBLOCK_DRIVER_MANAGED, "DRIVER_MANAGED" },
	{ MEMBLOCK_KHO_SCRATCH, "KHO_SCRATCH" },
};
#define NR_FLAGS (sizeof(flags) / sizeof(flags[0]))

/* --- the walk matrix ------------------------------------------------------- */

enum walker { W_MEM, W_MEM_REV, W_FREE, W_FREE_REV, W_RSV, W_RSV_REV, W_PHYSMEM, NR_WALKERS };

static const char *const walker_names[] = {
	"__for_each_mem_range(memory)",
	"__for_each_mem_range_rev(memory)",
	"for_each_free_mem_range",
	"for_each_free_mem_range_reverse",
	"__for_each_mem_range(reserved)",
	"__for_each_mem_range_rev(reserved)",
	"__for_each_mem_range(physmem)",
};

enum nid_sel { N_ANY, N_PLAIN, N_FLAGGED, NR_NID_SELS };
static const char *const nid_names[] = { "any node", "node of the plain region",
					  "node of the flagged region" };
static const int nid_values[] = { NUMA_NO_NODE, P_NID, F_NID };

struct walk_row {
	enum memblock_flags flag;
	enum walker walker;
	bool pass;
	bool movable;
	enum nid_sel nid;
	char name[200];
};

struct range {
	phys_addr_t start, end;
	int nid;
};

static void walk_setup(enum memblock_flags flag)
{
	assert_int_equal(memblock_add_node(P_BASE, RGN_SZ, P_NID, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_add_node(F_BASE, RGN_SZ, F_NID, flag), 0);
	assert_int_equal(memblock_reserve(R1_BASE, R1_SZ), 0);
	assert_int_equal(__memblock_reserve(R2_BASE, R2_SZ, F_NID, flag), 0);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	assert_int_equal(memblock_physmem_add(P_BASE, RGN_SZ), 0);
	assert_int_equal(memblock_physmem_add(F_BASE, RGN_SZ), 0);
#endif
}

/*
 * Whether a memory region with @rflags on @rnid is seen, stated per flag
 * class as in the header comment.
 */
static bool memory_region_seen(const struct walk_row *row,
			       enum memblock_flags rflags, int rnid)
{
	const enum memblock_flags passed = row->pass ? row->flag : 0;
	const int nid = nid_values[row->nid];

	if (nid != NUMA_NO_NODE && nid != rnid)
		return false;
	switch (row->flag) {
	case MEMBLOCK_HOTPLUG: /* avoided only under movable_node, unless asked for */
		return !(rflags & MEMBLOCK_HOTPLUG) || !row->movable || passed;
	case MEMBLOCK_MIRROR: /* required when passed */
	case MEMBLOCK_KHO_SCRATCH:
		return !passed || (rflags & row->flag);
	case MEMBLOCK_NOMAP: /* permitted only when passed */
	case MEMBLOCK_DRIVER_MANAGED:
		return !(rflags & row->flag) || passed;
	default:
		fail();
	}
	return false;
}

/* The ranges the row's walk must produce, lowest first. */
static unsigned int expected_ranges(const struct walk_row *row, struct range *out)
{
	const bool p_seen = memory_region_seen(row, 0, P_NID);
	const bool f_seen = memory_region_seen(row, row->flag, F_NID);
	unsigned int n = 0;

	switch (row->walker) {
	case W_MEM:
	case W_MEM_REV:
		if (p_seen)
			out[n++] = (struct range){ P_BASE, P_BASE + RGN_SZ, P_NID };
		if (f_seen)
			out[n++] = (struct range){ F_BASE, F_BASE + RGN_SZ, F_NID };
		break;
	case W_FREE:
	case W_FREE_REV:
		if (p_seen)
			out[n++] = (struct range){ R1_BASE + R1_SZ, P_BASE + RGN_SZ, P_NID };
		if (f_seen) {
			out[n++] = (struct range){ F_BASE, R2_BASE, F_NID };
			out[n++] = (struct range){ R2_BASE + R2_SZ, F_BASE + RGN_SZ, F_NID };
		}
		break;
	case W_RSV:
	case W_RSV_REV: /* never filtered, whatever the flags and node */
		out[n++] = (struct range){ R1_BASE, R1_BASE + R1_SZ, NUMA_NO_NODE };
		out[n++] = (struct range){ R2_BASE, R2_BASE + R2_SZ, F_NID };
		break;
	case W_PHYSMEM: /* never filtered either */
		out[n++] = (struct range){ P_BASE, P_BASE + RGN_SZ, MAX_NUMNODES };
		out[n++] = (struct range){ F_BASE, F_BASE + RGN_SZ, MAX_NUMNODES };
		break;
	default:
		fail();
	}
	return n;
}

static unsigned int walk(const struct walk_row *row, struct range *out)
{
	const enum memblock_flags passed = row->pass ? row->flag : 0;
	const int nid = nid_values[row->nid];
	phys_addr_t start, end;
	unsigned int n = 0;
	int rnid;
	u64 i;

#define COLLECT                                                                \
	do {                                                                   \
		assert_true(n < 8);                                            \
		out[n++] = (struct range){ start, end, rnid };                 \
	} while (0)

	switch (row->walker) {
	case W_MEM:
		__for_each_mem_range(i, MEM, NULL, nid, passed, &start, &end, &rnid)
			COLLECT;
		break;
	case W_MEM_REV:
		__for_each_mem_range_rev(i, MEM, NULL, nid, passed, &start, &end, &rnid)
			COLLECT;
		break;
	case W_FREE:
		for_each_free_mem_range(i, nid, passed, &start, &end, &rnid)
			COLLECT;
		break;
	case W_FREE_REV:
		for_each_free_mem_range_reverse(i, nid, passed, &start, &end, &rnid)
			COLLECT;
		break;
	case W_RSV:
		__for_each_mem_range(i, RSV, NULL, nid, passed, &start, &end, &rnid)
			COLLECT;
		break;
	case W_RSV_REV:
		__for_each_mem_range_rev(i, RSV, NULL, nid, passed, &start, &end, &rnid)
			COLLECT;
		break;
	case W_PHYSMEM:
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		__for_each_mem_range(i, &physmem, NULL, nid, passed, &start, &end, &rnid)
			COLLECT;
#endif
		break;
	default:
		fail();
	}
#undef COLLECT
	return n;
}

static void walk_matrix_row(void **state)
{
	const struct walk_row *row = *state;
	struct range want[8], got[8];
	unsigned int nw, ng, k;
	const bool rev = row->walker == W_MEM_REV || row->walker == W_FREE_REV ||
			 row->walker == W_RSV_REV;

	walk_setup(row->flag);
	movable_node_enabled = row->movable;

	nw = expected_ranges(row, want);
	ng = walk(row, got);

	assert_int_equal(ng, nw);
	for (k = 0; k < nw; k++) {
		const struct range *g = &got[rev ? nw - 1 - k : k];

		assert_int_equal(g->start, want[k].start);
		assert_int_equal(g->end, want[k].end);
#ifdef CONFIG_NUMA
		assert_int_equal(g->nid, want[k].nid);
#else
		assert_int_equal(g->nid, 0);
#endif
	}
}

/* --- the allocation matrix ----------------------------------------------- */

#define LOW_BASE WIN_BASE
#define HIGH_BASE (WIN_BASE + SZ_16M)
#define HALF_SZ SZ_8M
#define LOW_TOP (LOW_BASE + HALF_SZ)
#define HIGH_TOP (HIGH_BASE + HALF_SZ)
#define ASZ SZ_64K
#define AALIGN SZ_4K

enum alloc_fn {
	F_ALLOC, F_ALLOC_RAW, F_ALLOC_FROM, F_ALLOC_LOW, F_ALLOC_NODE,
	F_TRY_NID, F_TRY_NID_RAW, F_EXACT_NID_RAW, F_PHYS, F_PHYS_RANGE,
	F_PHYS_TRY_NID, F_RANGE_NID, NR_FNS
};

static const struct {
	const char *name;
	int nid; /* the node the call asks for, hence records */
} fns[] = {
	[F_ALLOC] = { "memblock_alloc", NUMA_NO_NODE },
	[F_ALLOC_RAW] = { "memblock_alloc_raw", NUMA_NO_NODE },
	[F_ALLOC_FROM] = { "memblock_alloc_from", NUMA_NO_NODE },
	[F_ALLOC_LOW] = { "memblock_alloc_low", NUMA_NO_NODE },
	[F_ALLOC_NODE] = { "memblock_alloc_node", 0 },
	[F_TRY_NID] = { "memblock_alloc_try_nid", 0 },
	[F_TRY_NID_RAW] = { "memblock_alloc_try_nid_raw", NUMA_NO_NODE },
	[F_EXACT_NID_RAW] = { "memblock_alloc_exact_nid_raw", 0 },
	[F_PHYS] = { "memblock_phys_alloc", NUMA_NO_NODE },
	[F_PHYS_RANGE] = { "memblock_phys_alloc_range", NUMA_NO_NODE },
	[F_PHYS_TRY_NID] = { "memblock_phys_alloc_try_nid", 0 },
	[F_RANGE_NID] = { "memblock_alloc_range_nid", 0 },
};

static phys_addr_t call_alloc(enum alloc_fn fn)
{
	switch (fn) {
	case F_ALLOC:
		return va2pa(memblock_alloc(ASZ, AALIGN));
	case F_ALLOC_RAW:
		return va2pa(memblock_alloc_raw(ASZ, AALIGN));
	case F_ALLOC_FROM:
		return va2pa(memblock_alloc_from(ASZ, AALIGN, LOW_BASE));
	case F_ALLOC_LOW:
		return va2pa(memblock_alloc_low(ASZ, AALIGN));
	case F_ALLOC_NODE:
		return va2pa(memblock_alloc_node(ASZ, AALIGN, 0));
	case F_TRY_NID:
		return va2pa(memblock_alloc_try_nid(ASZ, AALIGN, 0,
						    MEMBLOCK_ALLOC_ACCESSIBLE, 0));
	case F_TRY_NID_RAW:
		return va2pa(memblock_alloc_try_nid_raw(ASZ, AALIGN, LOW_BASE,
							WIN_END, NUMA_NO_NODE));
	case F_EXACT_NID_RAW:
		return va2pa(memblock_alloc_exact_nid_raw(ASZ, AALIGN, 0,
							  MEMBLOCK_ALLOC_ACCESSIBLE, 0));
	case F_PHYS:
		return memblock_phys_alloc(ASZ, AALIGN);
	case F_PHYS_RANGE:
		return memblock_phys_alloc_range(ASZ, AALIGN, LOW_BASE, WIN_END);
	case F_PHYS_TRY_NID:
		return memblock_phys_alloc_try_nid(ASZ, AALIGN, 0);
	case F_RANGE_NID:
		return memblock_alloc_range_nid(ASZ, AALIGN, 0,
						MEMBLOCK_ALLOC_ACCESSIBLE, 0, true);
	default:
		fail();
	}
	return 0;
}

enum scenario {
	S_HOTPLUG_MOVABLE, S_HOTPLUG_NOT_MOVABLE, S_NOMAP_AVOIDED, S_NOMAP_ONLY,
	S_DM_AVOIDED, S_DM_ONLY, S_MIRROR_PREFERRED, S_MIRROR_FALLBACK,
#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
	S_KHO_ONLY_SCRATCH, S_KHO_NO_FALLBACK,
#endif
	NR_SCENARIOS
};

/*
 * @expect is the base of the block, or 0 when the call must fail without
 * changing anything. LOW lies below HIGH, so top-down placement in LOW
 * proves that HIGH was passed over, and placement in LOW while HIGH is
 * plain proves a preference.
 */
static const struct {
	const char *name;
	phys_addr_t expect;
} scenarios[] = {
	[S_HOTPLUG_MOVABLE] = { "hotplug memory above is avoided under movable_node", LOW_TOP - ASZ },
	[S_HOTPLUG_NOT_MOVABLE] = { "hotplug memory above is used without movable_node", HIGH_TOP - ASZ },
	[S_NOMAP_AVOIDED] = { "nomap memory above is never used", LOW_TOP - ASZ },
	[S_NOMAP_ONLY] = { "fails when only nomap memory exists", 0 },
	[S_DM_AVOIDED] = { "driver-managed memory above is never used", LOW_TOP - ASZ },
	[S_DM_ONLY] = { "fails when only driver-managed memory exists", 0 },
	[S_MIRROR_PREFERRED] = { "mirrored memory below is preferred", LOW_TOP - ASZ },
	[S_MIRROR_FALLBACK] = { "falls back to plain memory when mirror is full", HIGH_TOP - ASZ },
#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
	[S_KHO_ONLY_SCRATCH] = { "uses only kho scratch memory in scratch-only mode", LOW_TOP - ASZ },
	[S_KHO_NO_FALLBACK] = { "fails when kho scratch is full in scratch-only mode", 0 },
#endif
};

struct alloc_row {
	enum alloc_fn fn;
	enum scenario sc;
	char name[200];
};

static void alloc_setup(enum scenario sc)
{
	enum memblock_flags high = MEMBLOCK_NONE;
	bool low = true;

	switch (sc) {
	case S_HOTPLUG_MOVABLE:
		movable_node_enabled = true;
		high = MEMBLOCK_HOTPLUG;
		break;
	case S_HOTPLUG_NOT_MOVABLE:
		high = MEMBLOCK_HOTPLUG;
		break;
	case S_NOMAP_ONLY:
		low = false;
		/* fall through */
	case S_NOMAP_AVOIDED:
		high = MEMBLOCK_NOMAP;
		break;
	case S_DM_ONLY:
		low = false;
		/* fall through */
	case S_DM_AVOIDED:
		high = MEMBLOCK_DRIVER_MANAGED;
		break;
	default:
		break;
	}
	if (low)
		assert_int_equal(memblock_add_node(LOW_BASE, HALF_SZ, 0, MEMBLOCK_NONE), 0);
	assert_int_equal(memblock_add_node(HIGH_BASE, HALF_SZ, 0, high), 0);

	switch (sc) {
	case S_MIRROR_FALLBACK:
		assert_int_equal(memblock_reserve(LOW_BASE, HALF_SZ), 0);
		/* fall through */
	case S_MIRROR_PREFERRED:
		mirrored_kernelcore = true;
		assert_int_equal(memblock_mark_mirror(LOW_BASE, HALF_SZ), 0);
		break;
#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
	case S_KHO_NO_FALLBACK:
		assert_int_equal(memblock_reserve(LOW_BASE, HALF_SZ), 0);
		/* fall through */
	case S_KHO_ONLY_SCRATCH:
		assert_int_equal(memblock_mark_kho_scratch(LOW_BASE, HALF_SZ), 0);
		memblock_set_kho_scratch_only();
		break;
#endif
	default:
		break;
	}
}

static void alloc_matrix_row(void **state)
{
	const struct alloc_row *row = *state;
	const phys_addr_t expect = scenarios[row->sc].expect;
	struct memblock_region mem_before[2];
	struct mb_snapshot snap;

	alloc_setup(row->sc);
	mb_snapshot_take(&snap);
	memcpy(mem_before, memblock.memory.regions, sizeof(mem_before));

	assert_int_equal(call_alloc(row->fn), expect);

	if (!expect) {
		assert_snapshot_unchanged(&snap);
		return;
	}
	/* The block alone was added to reserved; memory is untouched. */
	assert_memory_equal(mem_before, memblock.memory.regions, sizeof(mem_before));
	assert_int_equal(memblock.memory.cnt, snap.mb.memory.cnt);
	assert_int_equal(memblock.reserved.cnt, snap.mb.reserved.cnt + 1);
	assert_int_equal(memblock.reserved.total_size, snap.mb.reserved.total_size + ASZ);
	assert_rgn(RSV, memblock.reserved.cnt - 1, expect, ASZ, MEMBLOCK_RSRV_KERN,
		   fns[row->fn].nid);
}

/* --- main ------------------------------------------------------------------ */

static struct walk_row walk_rows[NR_FLAGS * NR_WALKERS * 2 * 2 * NR_NID_SELS];
static struct alloc_row alloc_rows[NR_FNS * NR_SCENARIOS];
static struct CMUnitTest tests[sizeof(walk_rows) / sizeof(walk_rows[0]) +
			       sizeof(alloc_rows) / sizeof(alloc_rows[0])];

static bool walker_exists(enum walker w)
{
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	(void)w;
	return true;
#else
	return w != W_PHYSMEM;
#endif
}

static bool nid_sel_exists(enum nid_sel s)
{
#ifdef CONFIG_NUMA
	(void)s;
	return true;
#else
	return s == N_ANY; /* one node only: a node filter selects everything */
#endif
}

int main(void)
{
	unsigned int nt = 0, nr = 0, f, w, p, m, s, fn, sc;

	for (f = 0; f < NR_FLAGS; f++)
		for (w = 0; w < NR_WALKERS; w++)
			for (p = 0; p < 2; p++)
				for (m = 0; m < 2; m++)
					for (s = 0; s < NR_NID_SELS; s++) {
						struct walk_row *row = &walk_rows[nr++];

						if (!walker_exists(w) || !nid_sel_exists(s)) {
							nr--;
							continue;
						}
						*row = (struct walk_row){ flags[f].flag, w, p, m, s, "" };
						snprintf(row->name, sizeof(row->name),
							 "walk: %s region, %s, flag %s, movable_node %s, %s",
							 flags[f].name, walker_names[w],
							 p ? "passed" : "not passed",
							 m ? "on" : "off", nid_names[s]);
						tests[nt++] = (struct CMUnitTest){
							row->name, walk_matrix_row,
							mb_test_setup, mb_test_teardown, row };
					}

	for (fn = 0; fn < NR_FNS; fn++)
		for (sc = 0; sc < NR_SCENARIOS; sc++) {
			struct alloc_row *row = &alloc_rows[fn * NR_SCENARIOS + sc];

			row->fn = fn;
			row->sc = sc;
			snprintf(row->name, sizeof(row->name), "alloc: %s %s",
				 fns[fn].name, scenarios[sc].name);
			tests[nt++] = (struct CMUnitTest){ row->name, alloc_matrix_row,
							   mb_test_setup, mb_test_teardown,
							   row };
		}

	return _cmocka_run_group_tests("core/flags", tests, nt, NULL, NULL);
}
