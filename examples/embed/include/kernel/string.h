/* SPDX-License-Identifier: MIT */
/* string.h - the memory primitives of lib/string.c. */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include <stddef.h>

void *memset(void *dest, int c, size_t n);
void *memcpy(void *restrict dest, const void *restrict src, size_t n);
void *memmove(void *dest, const void *src, size_t n);

#endif /* KERNEL_STRING_H */
