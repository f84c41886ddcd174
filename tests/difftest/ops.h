/* SPDX-License-Identifier: MIT */
/*
 * ops.h - operations of the differential test: generating them (from a seed
 * or from fuzzer bytes), applying each to the library and to the model,
 * comparing the two, and printing them as C.
 */
#ifndef MEMBLOCK_DIFFTEST_OPS_H
#define MEMBLOCK_DIFFTEST_OPS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <memblock.h>
#include <memblock/ext.h>

#include "../model/model.h"

#define DT_MAX_HANDOFFS 4096

struct dt_handoff {
	unsigned long start_pfn;
	unsigned long nr_pages;
};
extern struct dt_handoff dt_handoffs[DT_MAX_HANDOFFS];
extern unsigned long dt_nr_handoffs;

enum dt_kind {
	DT_ADD,
	DT_ADD_NODE,
	DT_REMOVE,
	DT_RESERVE,
	DT_RESERVE_KERN,
	DT_RESERVE_NID,
	DT_PHYS_FREE,
	DT_FREE,
	DT_PHYSMEM_ADD,
	DT_MARK_HOTPLUG,
	DT_CLEAR_HOTPLUG,
	DT_MARK_MIRROR,
	DT_MARK_NOMAP,
	DT_CLEAR_NOMAP,
	DT_MARK_NOINIT,
	DT_MARK_KERN,
	DT_MARK_KHO,
	DT_CLEAR_KHO,
	DT_SET_NODE,
	DT_TRIM,
	DT_ENFORCE_LIMIT,
	DT_CAP_RANGE,
	DT_LIMIT_REMOVE_MAP,
	DT_SET_LIMIT,
	DT_BOTTOM_UP,
	DT_MOVABLE,
	DT_MIRRORED_KC,
	DT_KHO_ONLY,
	DT_ALLOC_RANGE_NID,
	DT_PHYS_ALLOC_RANGE,
	DT_PHYS_ALLOC_TRY_NID,
	DT_PHYS_ALLOC,
	DT_ALLOC_TRY_NID,
	DT_ALLOC_TRY_NID_RAW,
	DT_ALLOC_EXACT_NID_RAW,
	DT_ALLOC,
	DT_ALLOC_RAW,
	DT_ALLOC_FROM,
	DT_ALLOC_LOW,
	DT_ALLOC_NODE,
	DT_FREE_ALL,
	DT_DISCARD,
	DT_Q_ADDR,
	DT_Q_RANGE,
	DT_Q_KERN_SIZE,
	DT_Q_NUMA_COVERAGE,
	DT_NR_KINDS
};

/**
 * struct dt_op - one operation, fully determined (replays are exact)
 * @kind: &enum dt_kind
 * @type: an &enum model_type_id where the call takes an array
 * @on: the boolean argument (bottom-up, movable_node, exact_nid, ...)
 * @nid: node argument
 * @flags: flags argument
 * @a: first address argument (base, size, limit, ...)
 * @b: second (size, align, ...)
 * @c: third (start, min_addr, ...)
 * @d: fourth (end, max_addr, ...)
 * @check: selects the iterator views compared after the operation
 */
struct dt_op {
	uint8_t kind;
	uint8_t type;
	bool on;
	int nid;
	unsigned int flags;
	phys_addr_t a, b, c, d;
	uint32_t check;
};

/**
 * struct dt_gen - the source of random choices
 * @state: PRNG state (seeded mode)
 * @data: fuzzer input, or NULL for seeded mode
 * @len: its length
 * @pos: bytes consumed
 * @eof: set once the fuzzer input ran out
 * @gran: address granule of this run
 * @npts: number of window grid points of this run
 * @dense: this run prefers short ranges (many regions, full arrays)
 */
struct dt_gen {
	uint64_t state;
	const uint8_t *data;
	size_t len, pos;
	bool eof;
	phys_addr_t gran;
	unsigned int npts;
	bool dense;
};

void dt_gen_seed(struct dt_gen *g, uint64_t seed);
void dt_gen_bytes(struct dt_gen *g, const uint8_t *data, size_t len);
void dt_gen_op(struct dt_gen *g, struct dt_op *op);

/* Start both sides afresh: library, model and every switch. */
void dt_reset(struct model *m);

/*
 * Apply @op to both sides and compare results and the whole state.
 * Returns 0 when they agree; otherwise 1, with a description in @why.
 */
int dt_step(struct model *m, const struct dt_op *op, char *why, size_t len);

/* The first result of the last dt_step() on the library side (statistics). */
extern long long dt_last_result;
extern const char *const dt_kind_names[DT_NR_KINDS];

/* Print @op as a C statement. */
void dt_print_op(FILE *f, const struct dt_op *op);

#endif /* MEMBLOCK_DIFFTEST_OPS_H */
