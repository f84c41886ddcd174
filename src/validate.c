// SPDX-License-Identifier: MIT
/*
 * validate.c - the invariant checker behind the tests and fuzzers.
 */
#include "internal.h"

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -EINVAL;
}

/**
 * memblock_validate_type - check the invariants of one region array
 * @type: the array
 * @why: receives a short description of the first broken rule, or NULL
 *
 * The rules: cnt <= max; an empty array has a zeroed slot 0; no region has
 * size 0 or wraps past the end of the address space; regions are sorted and
 * disjoint; no two touching neighbours share flags and node (they would have
 * been merged); total_size is the exact sum of the sizes.
 *
 * Return: 0 when all hold, -EINVAL otherwise.
 */
int memblock_validate_type(const struct memblock_type *type, const char **why)
{
	phys_addr_t sum = 0;
	unsigned long i;

	if (!type->regions || type->max == 0)
		return fail(why, "no region array");
	if (type->cnt > type->max)
		return fail(why, "cnt exceeds max");
	if (type->cnt == 0 && (type->regions[0].base || type->regions[0].size))
		return fail(why, "empty array with a non-zero slot 0");

	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->size == 0)
			return fail(why, "region of size 0");
		if (r->size > PHYS_ADDR_MAX - r->base)
			return fail(why, "region wraps past PHYS_ADDR_MAX");
		sum += r->size;
		if (i == 0)
			continue;
		if (mb_region_end(r - 1) > r->base)
			return fail(why, "regions unsorted or overlapping");
		if (mb_region_end(r - 1) == r->base &&
		    r[-1].flags == r->flags &&
		    memblock_get_region_node(r - 1) ==
			    memblock_get_region_node(r))
			return fail(why, "mergeable neighbours left apart");
	}
	if (sum != type->total_size)
		return fail(why, "total_size is not the sum of the sizes");
	return 0;
}

/**
 * memblock_validate - check the invariants of every region array
 *
 * See memblock_validate_type(). A broken rule is also logged.
 *
 * Return: 0 when memory, reserved (and physmem) are sound, -EINVAL otherwise.
 */
int memblock_validate(void)
{
	struct memblock_type *types[] = {
		&memblock.memory, &memblock.reserved,
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		&physmem,
#endif
	};
	unsigned long i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		const char *why;

		if (memblock_validate_type(types[i], &why)) {
			memblock_printk("memblock: %s: %s\n", types[i]->name,
					why);
			return -EINVAL;
		}
	}
	return 0;
}
