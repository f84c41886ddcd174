/* SPDX-License-Identifier: MIT */
/*
 * memblock_env.h - how tinykern adapts libmemblock to itself.
 *
 * The Makefile builds the library and the kernel with
 *   -DMEMBLOCK_ENV_HEADER='<kernel/memblock_env.h>'
 * and <memblock/env.h> includes this header first: whatever it defines
 * replaces the library's default. Every item is defined here, so the
 * library needs from the kernel exactly the functions named below, and
 * nothing else.
 */
#ifndef KERNEL_MEMBLOCK_ENV_H
#define KERNEL_MEMBLOCK_ENV_H

#include <kernel/kernel.h>
#include <kernel/mm.h>
#include <kernel/string.h>
#include <kernel/types.h>

/* The kernel's own u64 and phys_addr_t (and PAGE_SIZE, from mm.h). */
#define MEMBLOCK_ENV_HAVE_U64
#define MEMBLOCK_ENV_HAVE_PHYS_ADDR_T

/* Memory primitives: lib/string.c. */
#define memblock_env_memset(d, c, n) memset((d), (c), (n))
#define memblock_env_memcpy(d, s, n) memcpy((d), (s), (n))
#define memblock_env_memmove(d, s, n) memmove((d), (s), (n))

/* Log sink: memblock_dump_all() and the library's messages go to the UART. */
#define memblock_env_write(s, n) console_write((s), (n))

/* Only memblock_alloc_or_panic() calls it. */
#define memblock_env_panic(msg) panic(msg)

/* memblock_free_all() hands free pages to the page allocator. */
#define memblock_env_free_pages(pfn, nr) free_boot_pages((pfn), (nr))

/* Pointers the library returns or takes, through the kernel's linear map. */
#define memblock_env_phys_to_virt(pa) __va(pa)
#define memblock_env_virt_to_phys(va) __pa(va)

#endif /* KERNEL_MEMBLOCK_ENV_H */
