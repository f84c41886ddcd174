/* SPDX-License-Identifier: MIT */
/*
 * core_helpers.h - shorthands shared by the core suites (tests/core).
 *
 * Everything here is a thin layer over harness.h: names for the two arrays,
 * a whole-array assertion and a whole-region assertion.
 */
#ifndef MEMBLOCK_CORE_HELPERS_H
#define MEMBLOCK_CORE_HELPERS_H

#include "harness.h"

#define MEM (&memblock.memory)
#define RSV (&memblock.reserved)

/* @type holds exactly @n regions adding up to @total bytes. */
#define assert_type(type, n, total)                                            \
	do {                                                                   \
		assert_int_equal((type)->cnt, (n));                            \
		assert_int_equal((type)->total_size, (total));                 \
	} while (0)

/* Region @idx of @type, all of it: base, size, flags and (NUMA) node. */
#define assert_rgn(type, idx, b, s, f, n)                                      \
	do {                                                                   \
		assert_region_flags(type, idx, b, s, f);                       \
		assert_region_nid(type, idx, n);                               \
	} while (0)

/* An empty array: no regions, nothing counted, slot 0 zeroed. */
#define assert_empty(type)                                                     \
	do {                                                                   \
		assert_type(type, 0, 0);                                       \
		assert_int_equal((type)->regions[0].base, 0);                  \
		assert_int_equal((type)->regions[0].size, 0);                  \
		assert_int_equal((type)->regions[0].flags, 0);                 \
	} while (0)

/* The physical address behind a pointer from the virtual API (NULL → 0). */
static inline phys_addr_t va2pa(const void *p)
{
	return p ? memblock_env_virt_to_phys(p) : 0;
}

/* The next of a reproducible run of random numbers (xorshift) from @state. */
static inline u64 xorshift_next(u64 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

#endif /* MEMBLOCK_CORE_HELPERS_H */
