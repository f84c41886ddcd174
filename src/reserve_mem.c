// SPDX-License-Identifier: MIT
/*
 * reserve_mem.c - named reservations, Linux's reserve_mem=size:align:name.
 *
 * A kernel passes the boot parameter's value to memblock_reserve_mem();
 * the area is allocated from memblock at once and later found or given
 * back by name. The table is small and fixed, as in Linux: up to
 * RESERVE_MEM_MAX areas with names of up to RESERVE_MEM_NAME_MAX - 1
 * characters.
 *
 * An archive member of its own: a program that never calls these links
 * none of it.
 */
#include "internal.h"

#define RESERVE_MEM_MAX 8
#define RESERVE_MEM_NAME_MAX 16

struct named_area {
	char name[RESERVE_MEM_NAME_MAX];
	phys_addr_t start;
	phys_addr_t size;
};

static struct named_area named_areas[RESERVE_MEM_MAX];

static bool same_name(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static struct named_area *area_by_name(const char *name)
{
	unsigned int i;

	for (i = 0; name && i < mb_state.named_areas; i++)
		if (same_name(named_areas[i].name, name))
			return &named_areas[i];
	return NULL;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * A number as the kernel command line writes sizes: decimal, 0x hex or
 * 0 octal, then optionally one of K, M, G, T, P, E (either case), each a
 * factor of 1024 over the one before. Stops after the number; false when
 * there are no digits or the value does not fit a phys_addr_t.
 */
static bool parse_size(const char **pp, phys_addr_t *out)
{
	static const char units[] = "kmgtpe";
	const char *p = *pp;
	unsigned int base = 10, shift = 0, i;
	phys_addr_t v = 0, limit;
	int d;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    digit_value(p[2]) < 16) {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	if (digit_value(*p) >= (int)base)
		return false;
	/* Bounds divided at compile time: no 64-bit division helper. */
	limit = base == 16 ? PHYS_ADDR_MAX / 16 :
		base == 8 ? PHYS_ADDR_MAX / 8 : PHYS_ADDR_MAX / 10;
	for (; (d = digit_value(*p)) < (int)base; p++) {
		if (v > limit || v * base > PHYS_ADDR_MAX - (phys_addr_t)d)
			return false;
		v = v * base + (phys_addr_t)d;
	}
	for (i = 0; units[i]; i++)
		if ((*p | 0x20) == units[i])
			shift = 10 * (i + 1);
	if (shift) {
		p++;
		if (shift >= sizeof(phys_addr_t) * 8 || v > PHYS_ADDR_MAX >> shift)
			return false;
		v <<= shift;
	}
	*pp = p;
	*out = v;
	return true;
}

/* A name of 1 to RESERVE_MEM_NAME_MAX - 1 characters, not all blanks. */
static bool valid_name(const char *name)
{
	bool seen = false;
	size_t n;

	for (n = 0; name[n]; n++)
		if (name[n] != ' ' && name[n] != '\t')
			seen = true;
	return seen && n < RESERVE_MEM_NAME_MAX;
}

/**
 * memblock_reserve_mem - allocate a named area as reserve_mem= does (<memblock/ext.h>)
 * @param: "size:align:name", sizes as on the kernel command line (decimal,
 *	0x hex or 0 octal, with an optional K, M, G, T, P or E suffix)
 *
 * The area comes from memblock_phys_alloc() (top-down or bottom-up as
 * memblock is set); an @align below SMP_CACHE_BYTES is raised to it.
 *
 * Context: early boot, while memblock allocates.
 * Return: 0 on success; -EINVAL for a malformed @param, a size of 0, an
 * alignment that is not a power of two or a name that is empty, all
 * blanks or 16 characters or longer; -EEXIST when the name is taken;
 * -ENOSPC when all RESERVE_MEM_MAX (8) names are taken; -ENOMEM when
 * nothing fits. On error nothing changes.
 */
int memblock_reserve_mem(const char *param)
{
	const char *p = param;
	phys_addr_t size, align, start;
	struct named_area *a;
	size_t n;

	if (!p || !parse_size(&p, &size) || *p++ != ':' ||
	    !parse_size(&p, &align) || *p++ != ':')
		return -EINVAL;
	if (!size || !valid_name(p))
		return -EINVAL;
	if (align < SMP_CACHE_BYTES)
		align = SMP_CACHE_BYTES;
	if (!mb_is_pow2(align))
		return -EINVAL;
	if (area_by_name(p))
		return -EEXIST;
	if (mb_state.named_areas == RESERVE_MEM_MAX)
		return -ENOSPC;
	start = memblock_phys_alloc(size, align);
	if (!start)
		return -ENOMEM;
	a = &named_areas[mb_state.named_areas++];
	for (n = 0; p[n]; n++)
		a->name[n] = p[n];
	a->name[n] = '\0';
	a->start = start;
	a->size = size;
	return 0;
}

/**
 * reserve_mem_find_by_name - where a named area lies
 * @name: the name given at reservation
 * @start: receives the area's physical start
 * @size: receives its size (0 once released)
 *
 * Context: any time.
 * Return: 1 when @name is known (and the outputs are set), else 0.
 */
int reserve_mem_find_by_name(const char *name, phys_addr_t *start,
			     phys_addr_t *size)
{
	const struct named_area *a = area_by_name(name);

	if (!a)
		return 0;
	*start = a->start;
	*size = a->size;
	return 1;
}

/**
 * reserve_mem_release_by_name - give a named area's pages back
 * @name: the name given at reservation
 *
 * The area's whole pages go through free_reserved_area() (not poisoned)
 * and its recorded size becomes 0; the name stays taken.
 *
 * Context: after memblock_free_all(), like free_reserved_area().
 * Return: 1 when @name is known, else 0.
 */
int reserve_mem_release_by_name(const char *name)
{
	struct named_area *a = area_by_name(name);
	char *va;

	if (!a)
		return 0;
	if (a->size) {
		va = memblock_env_phys_to_virt(a->start);
		free_reserved_area(va, va + a->size, -1, a->name);
		a->size = 0;
	}
	return 1;
}
