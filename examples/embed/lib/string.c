// SPDX-License-Identifier: MIT
/*
 * string.c - memset, memcpy and memmove.
 *
 * Compilers call these on their own (struct copies, large zeroings) even
 * with -ffreestanding, and libmemblock uses them through memblock_env.h.
 * Byte loops: slow, but never an unaligned access, which matters on
 * arm64 with the MMU off. The Makefile builds this file with
 * -fno-tree-loop-distribute-patterns under gcc, which would otherwise
 * recognise the loops as memset and memcpy and call them: itself.
 */
#include <kernel/string.h>

void *memset(void *dest, int c, size_t n)
{
	unsigned char *d = dest;

	while (n--)
		*d++ = (unsigned char)c;
	return dest;
}

void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d <= s || d >= s + n) {
		/* No overlap, or the destination is below: forwards is safe. */
		while (n--)
			*d++ = *s++;
	} else {
		/* The destination overlaps the end of the source: backwards. */
		d += n;
		s += n;
		while (n--)
			*--d = *--s;
	}
	return dest;
}
