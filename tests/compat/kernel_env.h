/* SPDX-License-Identifier: MIT */
/*
 * kernel_env.h - an environment header as a kernel with types of its own
 * would write it: its own u64 and phys_addr_t (other base types than the
 * library's defaults), PAGE_SIZE and NUMA_NO_NODE from its headers, and its
 * own names for the hooks and its own boot switches. The library and
 * tests/compat/kernel_types.c are built with it by 'make check-kernel-types'.
 */
#ifndef KERNEL_ENV_H
#define KERNEL_ENV_H

#include <stddef.h>
#include <stdint.h>

/* What the kernel's own headers already define. */
typedef uint64_t u64;		/* unsigned long on LP64, not long long */
typedef uintptr_t phys_addr_t;	/* as wide as a pointer */
#define PAGE_SHIFT 14
#define PAGE_SIZE (1UL << PAGE_SHIFT)	/* 16 KiB pages */
#define NUMA_NO_NODE (-1)

/* Tell libmemblock to use them. */
#define MEMBLOCK_ENV_HAVE_U64
#define MEMBLOCK_ENV_HAVE_PHYS_ADDR_T

/* The kernel's own console and page allocator. */
void kern_console_write(const char *s, size_t len);
void kern_free_pages(unsigned long pfn, unsigned long nr);
#define memblock_env_write(s, n) kern_console_write((s), (n))
#define memblock_env_free_pages(pfn, nr) kern_free_pages((pfn), (nr))

/*
 * The kernel owns its boot switches, as Linux does: its own
 * movable_node_enabled and mirrored_kernelcore (defined in kernel_types.c,
 * where the library's weak ones give way), and its own inline.
 */
#include <stdbool.h>
extern bool movable_node_enabled;
static inline bool movable_node_is_enabled(void)
{
	return movable_node_enabled;
}
#define MEMBLOCK_ENV_HAVE_MOVABLE_NODE

#endif /* KERNEL_ENV_H */
