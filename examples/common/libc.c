// SPDX-License-Identifier: MIT
/*
 * libc.c - memset, memcpy and memmove: the three C functions every
 * freestanding program must supply, because compilers call them on their
 * own (struct copies, zeroed arrays) even with -ffreestanding. libmemblock
 * needs nothing else from a C library (see scripts/embedder-symbols.txt).
 *
 * Written for clarity, not speed: whole machine words when both pointers
 * allow it, bytes otherwise. Two traps for whoever writes these:
 *  - gcc recognises the loops below as "a memset" and would compile them
 *    into a call to memset itself, an endless recursion; the examples
 *    build this file with -fno-tree-loop-distribute-patterns for gcc
 *    (clang does not do this under -ffreestanding);
 *  - with the MMU off, aarch64 treats all memory as Device memory, where an
 *    unaligned access faults: hence the alignment tests, and
 *    -mstrict-align for everything (see examples/build.mk).
 */
#include <stddef.h>
#include <stdint.h>

void *memset(void *dest, int c, size_t n);
void *memcpy(void *restrict dest, const void *restrict src, size_t n);
void *memmove(void *dest, const void *src, size_t n);

#define WORD sizeof(uintptr_t)
#define ALIGNED(p) (((uintptr_t)(p) & (WORD - 1)) == 0)

void *memset(void *dest, int c, size_t n)
{
	unsigned char *d = dest;
	uintptr_t pattern = (unsigned char)c;

	pattern |= pattern << 8;
	pattern |= pattern << 16;
	pattern |= pattern << 16 << 16;	/* no-op on 32-bit, without a warning */

	while (n && !ALIGNED(d)) {
		*d++ = (unsigned char)c;
		n--;
	}
	for (; n >= WORD; n -= WORD, d += WORD)
		*(uintptr_t *)(void *)d = pattern;
	while (n--)
		*d++ = (unsigned char)c;
	return dest;
}

/* Copy from the lowest address up: right for memcpy, and for memmove to a lower address. */
static void copy_forward(unsigned char *d, const unsigned char *s, size_t n)
{
	if (ALIGNED(d) && ALIGNED(s))
		for (; n >= WORD; n -= WORD, d += WORD, s += WORD)
			*(uintptr_t *)(void *)d = *(const uintptr_t *)(const void *)s;
	while (n--)
		*d++ = *s++;
}

void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	copy_forward(dest, src, n);
	return dest;
}

/* Like memcpy, but the ranges may overlap: copy backwards when needed. */
void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d == s || !n)
		return dest;
	if (d < s || d >= s + n) {
		copy_forward(d, s, n);
		return dest;
	}

	d += n;
	s += n;
	if (ALIGNED(d) && ALIGNED(s))
		for (; n >= WORD; n -= WORD) {
			d -= WORD;
			s -= WORD;
			*(uintptr_t *)(void *)d = *(const uintptr_t *)(const void *)s;
		}
	while (n--)
		*--d = *--s;
	return dest;
}
