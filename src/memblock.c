// SPDX-License-Identifier: MIT
/*
 * memblock.c - the allocator's global state and its lifecycle switches.
 */
#include "internal.h"

static struct memblock_region memory_init_regions[INIT_MEMBLOCK_MEMORY_REGIONS];
static struct memblock_region reserved_init_regions[INIT_MEMBLOCK_RESERVED_REGIONS];
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static struct memblock_region physmem_init_regions[INIT_PHYSMEM_REGIONS];
#endif

struct memblock memblock = {
	.memory.regions = memory_init_regions,
	.memory.max = INIT_MEMBLOCK_MEMORY_REGIONS,
	.memory.name = "memory",
	.reserved.regions = reserved_init_regions,
	.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS,
	.reserved.name = "reserved",
	.bottom_up = false,
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
};

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
struct memblock_type physmem = {
	.regions = physmem_init_regions,
	.max = INIT_PHYSMEM_REGIONS,
	.name = "physmem",
};
#endif

#ifdef CONFIG_MEMBLOCK_DEBUG
int memblock_debug = 1;
#else
int memblock_debug;
#endif

#ifndef MEMBLOCK_ENV_HAVE_MOVABLE_NODE
bool movable_node_enabled;
#endif
#ifndef MEMBLOCK_ENV_HAVE_MIRRORED_KERNELCORE
bool mirrored_kernelcore;
#endif

struct memblock_type *mb_memory_type = &memblock.memory;
bool mb_can_resize;
bool mb_has_mirror;
bool mb_kho_scratch_only;

bool mb_is_static_array(const struct memblock_type *type)
{
	if (type->regions == memory_init_regions ||
	    type->regions == reserved_init_regions)
		return true;
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (type->regions == physmem_init_regions)
		return true;
#endif
	return false;
}

static MB_NOINLINE void reset_type(struct memblock_type *type,
				   struct memblock_region *init,
				   unsigned long max)
{
	memblock_env_memset(init, 0, max * sizeof(*init));
	memblock_set_region_node(&init[0], MAX_NUMNODES);
	type->regions = init;
	type->max = max;
	type->cnt = 0;
	type->total_size = 0;
}

/**
 * memblock_reset - return memblock to its state at program start
 *
 * Empties every array and points it back at its static storage (memory of
 * grown arrays is simply forgotten), and restores the default direction,
 * limit and switches: growth disallowed, no mirror, no KHO scratch-only mode.
 * Meant for tests and host tools that run several scenarios in one process.
 *
 * Context: not for use while iterating.
 */
void memblock_reset(void)
{
	reset_type(&memblock.memory, memory_init_regions,
		   INIT_MEMBLOCK_MEMORY_REGIONS);
	reset_type(&memblock.reserved, reserved_init_regions,
		   INIT_MEMBLOCK_RESERVED_REGIONS);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	reset_type(&physmem, physmem_init_regions, INIT_PHYSMEM_REGIONS);
#endif
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	mb_memory_type = &memblock.memory;
	mb_can_resize = false;
	mb_has_mirror = false;
	mb_kho_scratch_only = false;
}

/**
 * memblock_allow_resize - let the region arrays grow from now on
 *
 * Until this is called, an operation that needs more slots than an array
 * has fails with -ENOMEM (Linux panics). Call it once memory that the
 * new arrays may be carved from has been added, and the direct map (or
 * whatever memblock_env_phys_to_virt() relies on) covers it.
 */
void memblock_allow_resize(void)
{
	mb_can_resize = true;
}

/**
 * memblock_set_current_limit - set the highest address for plain allocations
 * @limit: exclusive upper bound, or MEMBLOCK_ALLOC_ANYWHERE
 *
 * Allocations whose upper bound is MEMBLOCK_ALLOC_ACCESSIBLE use @limit.
 */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/**
 * memblock_get_current_limit - the limit set by memblock_set_current_limit()
 *
 * Return: the current limit, MEMBLOCK_ALLOC_ANYWHERE by default.
 */
phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

/**
 * memblock_has_mirror - whether memblock_mark_mirror() has marked anything
 *
 * Return: true once mirrored memory was marked (with mirrored_kernelcore on);
 * from then on allocations prefer mirrored memory.
 */
bool memblock_has_mirror(void)
{
	return mb_has_mirror;
}

#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
/**
 * memblock_set_kho_scratch_only - allocate only from KHO scratch memory
 *
 * Used while booting after a kexec handover: until cleared, every allocation
 * must come from regions marked MEMBLOCK_KHO_SCRATCH, with no fallback.
 */
void memblock_set_kho_scratch_only(void)
{
	mb_kho_scratch_only = true;
}

/**
 * memblock_clear_kho_scratch_only - end the KHO scratch-only mode
 */
void memblock_clear_kho_scratch_only(void)
{
	mb_kho_scratch_only = false;
}

/**
 * memmap_init_kho_scratch_pages - initialise struct pages of scratch memory
 *
 * The library keeps no struct pages; this exists so that Linux code calling
 * it compiles. It does nothing.
 */
void memmap_init_kho_scratch_pages(void)
{
}
#endif
