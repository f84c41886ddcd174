// SPDX-License-Identifier: MIT
/*
 * memblock.c - the allocator's state: the global struct memblock, the
 * static storage its arrays start in, the boot switches, and the calls
 * that only read or flip that state.
 */
#include "internal.h"

static struct memblock_region memory_boot_array[INIT_MEMBLOCK_MEMORY_REGIONS];
static struct memblock_region reserved_boot_array[INIT_MEMBLOCK_RESERVED_REGIONS];
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static struct memblock_region physmem_boot_array[INIT_PHYSMEM_REGIONS];
#endif

struct memblock memblock = {
	.bottom_up = false,
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = {
		.max = INIT_MEMBLOCK_MEMORY_REGIONS,
		.regions = memory_boot_array,
		.name = "memory",
	},
	.reserved = {
		.max = INIT_MEMBLOCK_RESERVED_REGIONS,
		.regions = reserved_boot_array,
		.name = "reserved",
	},
};

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
struct memblock_type physmem = {
	.max = INIT_PHYSMEM_REGIONS,
	.regions = physmem_boot_array,
	.name = "physmem",
};
#endif

#ifdef CONFIG_MEMBLOCK_DEBUG
int memblock_debug = 1;
#else
int memblock_debug;
#endif

struct mb_flags_state mb_state;

bool mb_is_boot_array(const struct memblock_region *regions)
{
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (regions == physmem_boot_array)
		return true;
#endif
	return regions == memory_boot_array || regions == reserved_boot_array;
}

/* The configuration this library was built with (the guard in memblock.h). */
const char MEMBLOCK_GUARD_PHYS, MEMBLOCK_GUARD_NUMA, MEMBLOCK_GUARD_PHYSMEM,
	MEMBLOCK_GUARD_NODES;

/*
 * The embedder's boot switches, unless it brings its own (memblock/env.h):
 * weak, so that a kernel's own definitions take their place at link time.
 */
__attribute__((weak)) bool movable_node_enabled;
#ifndef MEMBLOCK_ENV_HAVE_MIRRORED_KERNELCORE
__attribute__((weak)) bool mirrored_kernelcore;
#endif

/* Page-frame bounds an architecture sets; weak for the same reason. */
__attribute__((weak)) unsigned long max_low_pfn;
__attribute__((weak)) unsigned long min_low_pfn;
__attribute__((weak)) unsigned long max_pfn;
__attribute__((weak)) unsigned long long max_possible_pfn;

/**
 * memblock_reset - return to the state at program start
 *
 * Every array goes back to its empty static storage (grown storage is
 * simply forgotten), the direction to top-down, the limit to
 * MEMBLOCK_ALLOC_ANYWHERE, and resizing, mirror, KHO scratch-only mode
 * and the discarded state are all off. memblock_debug and the boot
 * switches are the caller's and stay as they are. For tests and for
 * programs that run memblock more than once.
 */
void memblock_reset(void)
{
	static const struct {
		struct memblock_type *type;
		struct memblock_region *boot;
		unsigned long slots;
	} arrays[] = {
		{ &memblock.memory, memory_boot_array,
		  INIT_MEMBLOCK_MEMORY_REGIONS },
		{ &memblock.reserved, reserved_boot_array,
		  INIT_MEMBLOCK_RESERVED_REGIONS },
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		{ &physmem, physmem_boot_array, INIT_PHYSMEM_REGIONS },
#endif
	};
	unsigned int i;

	for (i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++) {
		struct memblock_type *type = arrays[i].type;

		memblock_env_memset(arrays[i].boot, 0,
				    arrays[i].slots * sizeof(*arrays[i].boot));
		type->regions = arrays[i].boot;
		type->max = arrays[i].slots;
		type->cnt = 0;
		type->total_size = 0;
	}
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock_env_memset(&mb_state, 0, sizeof(mb_state));
	mb_search_forget();
}

/**
 * memblock_allow_resize - let the region arrays grow from now on
 *
 * Growing takes memory from memblock itself, so call this once the memory
 * the arrays may grow into is registered. There is no way back.
 */
void memblock_allow_resize(void)
{
	mb_state.resize_ok = true;
}

/**
 * memblock_has_mirror - whether any memory was marked mirrored
 *
 * Return: true once memblock_mark_mirror() took effect.
 */
bool memblock_has_mirror(void)
{
	return mb_state.mirror_seen;
}

/**
 * memblock_set_current_limit - set the upper bound of ordinary allocations
 * @limit: exclusive bound, or MEMBLOCK_ALLOC_ANYWHERE
 */
void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

/**
 * memblock_get_current_limit - the upper bound of ordinary allocations
 *
 * Return: memblock.current_limit.
 */
phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

#ifdef CONFIG_MEMBLOCK_KHO_SCRATCH
/**
 * memblock_set_kho_scratch_only - allocate only from KHO scratch memory
 *
 * Until memblock_clear_kho_scratch_only() or memblock_free_all(), every
 * allocation and every array growth must come from MEMBLOCK_KHO_SCRATCH
 * memory, and no fallback drops that rule.
 */
void memblock_set_kho_scratch_only(void)
{
	mb_state.kho_only = true;
}

/**
 * memblock_clear_kho_scratch_only - end KHO scratch-only allocation
 */
void memblock_clear_kho_scratch_only(void)
{
	mb_state.kho_only = false;
}

/**
 * memmap_init_kho_scratch_pages - a kernel-only hook, empty here
 *
 * Linux initialises the struct pages of scratch memory early; a library
 * has no struct pages.
 */
void memmap_init_kho_scratch_pages(void)
{
}
#endif
