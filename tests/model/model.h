/* SPDX-License-Identifier: MIT */
/*
 * model.h - a reference model of libmemblock, written to be obviously
 * right rather than fast.
 *
 * Each array (memory, reserved, physmem) is held as a step function over the
 * address space: for every address, either "absent" or "present with these
 * flags and this node". Every change is a paint: the address space is cut
 * into elementary intervals at every boundary there is, a rule is applied to
 * each interval inside the range, and the result is put back together as
 * maximal runs of equal (flags, nid). Those runs are exactly the region
 * arrays memblock's merge rule produces, so they can be compared with the
 * library entry by entry.
 *
 * What the model does not do: grow arrays. Its arrays have the library's
 * initial capacities, and it predicts -ENOMEM exactly where the library must
 * refuse to grow (growth is never allowed in the differential run; growth
 * has its own tests in tests/core/test_growth.c and tests/contract/).
 *
 * The model includes <memblock.h> for types and constants only; it never
 * calls the library.
 */
#ifndef MEMBLOCK_MODEL_H
#define MEMBLOCK_MODEL_H

#include <memblock.h>

/* Room for the worst intermediate state of a paint. */
#define MODEL_SEGS 1024

/**
 * struct model_seg - one run of equal attributes
 * @base: first address
 * @end: one past the last address (never above PHYS_ADDR_MAX)
 * @flags: &enum memblock_flags of the run
 * @nid: node of the run (always 0 without CONFIG_NUMA)
 */
struct model_seg {
	phys_addr_t base;
	phys_addr_t end;
	enum memblock_flags flags;
	int nid;
};

/**
 * struct model_type - one array as maximal runs
 * @cnt: number of runs in @r
 * @max: capacity the library has for this array (it never grows here)
 * @r: the runs, ascending
 */
struct model_type {
	unsigned long cnt;
	unsigned long max;
	struct model_seg r[MODEL_SEGS];
};

enum model_type_id { MT_MEMORY, MT_RESERVED, MT_PHYSMEM };

/**
 * struct model - the whole modelled state
 * @t: memory, reserved and physmem, indexed by &enum model_type_id
 * @bottom_up: allocation direction
 * @current_limit: memblock.current_limit
 * @has_mirror: memblock_has_mirror()
 * @kho_scratch_only: KHO scratch-only allocation mode
 * @filters_on: false once memblock_discard() ran (no filtering afterwards)
 * @movable_node: movable_node_enabled
 * @mirrored_kernelcore: mirrored_kernelcore
 */
struct model {
	struct model_type t[3];
	bool bottom_up;
	phys_addr_t current_limit;
	bool has_mirror;
	bool kho_scratch_only;
	bool filters_on;
	bool movable_node;
	bool mirrored_kernelcore;
};

/**
 * struct model_range - one range an iterator yields
 * @start: first address
 * @end: one past the last
 * @nid: node of the region it came from
 */
struct model_range {
	phys_addr_t start;
	phys_addr_t end;
	int nid;
};

/* A page-frame hand-off of memblock_free_all(). */
struct model_handoff {
	unsigned long start_pfn;
	unsigned long nr_pages;
};

void model_init(struct model *m);

/* Registration and removal. */
int model_add_node(struct model *m, phys_addr_t base, phys_addr_t size,
		   int nid, enum memblock_flags flags);
int model_add(struct model *m, phys_addr_t base, phys_addr_t size);
int model_remove(struct model *m, phys_addr_t base, phys_addr_t size);
int model_reserve(struct model *m, phys_addr_t base, phys_addr_t size, int nid,
		  enum memblock_flags flags);
int model_phys_free(struct model *m, phys_addr_t base, phys_addr_t size);
int model_physmem_add(struct model *m, phys_addr_t base, phys_addr_t size);

/* Attributes. */
int model_set_flag(struct model *m, enum model_type_id id, phys_addr_t base,
		   phys_addr_t size, bool set, enum memblock_flags flag);
int model_mark_mirror(struct model *m, phys_addr_t base, phys_addr_t size);
int model_set_node(struct model *m, phys_addr_t base, phys_addr_t size,
		   enum model_type_id id, int nid);

/* Limits. */
void model_trim(struct model *m, phys_addr_t align);
void model_enforce_memory_limit(struct model *m, phys_addr_t limit);
void model_cap_memory_range(struct model *m, phys_addr_t base,
			    phys_addr_t size);
void model_mem_limit_remove_map(struct model *m, phys_addr_t limit);

/* Allocation: physical results, 0 on failure. */
phys_addr_t model_alloc_range_nid(struct model *m, phys_addr_t size,
				  phys_addr_t align, phys_addr_t start,
				  phys_addr_t end, int nid, bool exact_nid);
phys_addr_t model_alloc_internal(struct model *m, phys_addr_t size,
				 phys_addr_t align, phys_addr_t min_addr,
				 phys_addr_t max_addr, int nid, bool exact_nid);

/* End of boot. */
unsigned long model_free_all(struct model *m, struct model_handoff *out,
			     unsigned long max_out, unsigned long *nr_out);
void model_discard(struct model *m);

/* Iteration: every range an iterator yields, in ascending order. */
unsigned long model_ranges(const struct model *m, enum model_type_id a,
			   int b, int nid, enum memblock_flags flags,
			   struct model_range *out, unsigned long max_out);
unsigned long model_pfn_ranges(const struct model *m, int nid,
			       struct model_range *out, unsigned long max_out);

/* Queries. */
phys_addr_t model_total(const struct model *m, enum model_type_id id);
phys_addr_t model_reserved_kern_size(const struct model *m, phys_addr_t limit,
				     int nid);
unsigned long model_estimated_nr_free_pages(const struct model *m);
phys_addr_t model_start_of_dram(const struct model *m);
phys_addr_t model_end_of_dram(const struct model *m);
bool model_is_memory(const struct model *m, phys_addr_t addr);
bool model_is_map_memory(const struct model *m, phys_addr_t addr);
bool model_is_region_memory(const struct model *m, phys_addr_t base,
			    phys_addr_t size);
bool model_is_reserved(const struct model *m, phys_addr_t addr);
bool model_overlaps(const struct model *m, enum model_type_id id,
		    phys_addr_t base, phys_addr_t size);
int model_search_pfn_nid(const struct model *m, unsigned long pfn,
			 unsigned long *start_pfn, unsigned long *end_pfn);
bool model_validate_numa_coverage(const struct model *m,
				  unsigned long threshold);

#endif /* MEMBLOCK_MODEL_H */
