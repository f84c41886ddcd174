/* SPDX-License-Identifier: MIT */
/*
 * memblock/env.h - everything libmemblock needs from the code that embeds it.
 *
 * The library itself uses only <stdint.h>, <stddef.h> and <stdbool.h>. The
 * few things it cannot provide on its own are named here, each with a
 * default. To adapt them, write your own environment header and build with
 * -DMEMBLOCK_ENV_HEADER='"my_memblock_env.h"': it is included first, and
 * every item it defines replaces the default below; the rest keep theirs.
 *
 * Item                       | default (hosted)        | default (-ffreestanding)
 * ---------------------------+-------------------------+--------------------------
 * u64, phys_addr_t           | typedefs from Kconfig   | same
 * PAGE_SHIFT, PAGE_SIZE      | Kconfig (12, 4096)      | same
 * SMP_CACHE_BYTES            | Kconfig (64)            | same
 * NUMA_NO_NODE, ENOMEM, ...  | Linux values            | same
 * memblock_env_memset/...    | memset/memcpy/memmove   | same symbols, yours to link
 * memblock_env_phys_to_virt  | identity                | identity
 * memblock_env_write(s, n)   | fwrite to stderr        | extern, you supply it
 * memblock_env_panic(msg)    | message + abort()       | extern, you supply it
 * memblock_env_free_pages()  | weak, drops the pages   | extern, you supply it
 * movable_node_is_enabled()  | inline: global movable_node_enabled (weak, false)
 * mirrored_kernelcore        | global (weak), false
 *
 * Name your header anything but "env.h": included from this file, a
 * quoted "env.h" finds this very file first, and nothing of yours is used.
 *
 * A kernel that already has its own u64 or phys_addr_t defines
 * MEMBLOCK_ENV_HAVE_U64 or MEMBLOCK_ENV_HAVE_PHYS_ADDR_T in its environment
 * header; PAGE_SIZE, SMP_CACHE_BYTES and NUMA_NO_NODE are used as found.
 */
#ifndef MEMBLOCK_ENV_H
#define MEMBLOCK_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memblock/config.h>

/* "Never returns", spelled as the language including the header wants it. */
#ifndef MEMBLOCK_NORETURN
#if defined(__cplusplus) && __cplusplus >= 201103L
#define MEMBLOCK_NORETURN [[noreturn]]
#elif defined(__cplusplus)
#define MEMBLOCK_NORETURN __attribute__((noreturn))
#else
#define MEMBLOCK_NORETURN _Noreturn
#endif
#endif

#ifdef MEMBLOCK_ENV_HEADER
#include MEMBLOCK_ENV_HEADER
#endif

/* --- Types ------------------------------------------------------------- */

#ifndef MEMBLOCK_ENV_HAVE_U64
typedef unsigned long long u64;
#endif

#ifndef MEMBLOCK_ENV_HAVE_PHYS_ADDR_T
#ifdef CONFIG_PHYS_ADDR_T_64BIT
typedef unsigned long long phys_addr_t;
#else
typedef unsigned int phys_addr_t;
#endif
#endif

/* --- Machine constants --------------------------------------------------- */

#ifndef PAGE_SHIFT
#define PAGE_SHIFT CONFIG_MEMBLOCK_PAGE_SHIFT
#endif
#ifndef PAGE_SIZE
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#endif
#ifndef SMP_CACHE_BYTES
#define SMP_CACHE_BYTES CONFIG_MEMBLOCK_CACHE_BYTES
#endif
#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE (-1)
#endif
#ifndef ENOMEM
#define ENOMEM 12
#endif
#ifndef EINVAL
#define EINVAL 22
#endif
#ifndef ENOSPC
#define ENOSPC 28
#endif
#ifndef E2BIG
#define E2BIG 7
#endif
#ifndef EEXIST
#define EEXIST 17
#endif

/* --- Memory primitives ---------------------------------------------------
 * The builtins inline small fixed-size cases; everything else becomes a call
 * to memset/memcpy/memmove, which every C environment has to provide anyway
 * (compilers emit such calls on their own, even with -ffreestanding).
 */
#ifndef memblock_env_memset
#define memblock_env_memset(d, c, n) __builtin_memset((d), (c), (n))
#endif
#ifndef memblock_env_memcpy
#define memblock_env_memcpy(d, s, n) __builtin_memcpy((d), (s), (n))
#endif
#ifndef memblock_env_memmove
#define memblock_env_memmove(d, s, n) __builtin_memmove((d), (s), (n))
#endif

/* --- Address translation -------------------------------------------------
 * Used for the virtual-address allocation API, for memblock_free() and for
 * the memory of grown region arrays. The default is an identity map.
 */
#ifndef memblock_env_phys_to_virt
#define memblock_env_phys_to_virt(pa) ((void *)(uintptr_t)(pa))
#endif
#ifndef memblock_env_virt_to_phys
#define memblock_env_virt_to_phys(va) ((phys_addr_t)(uintptr_t)(va))
#endif

/* --- Output, panic and the page hand-off -------------------------------- */

#if defined(__STDC_HOSTED__) && __STDC_HOSTED__ && !defined(MEMBLOCK_ENV_NO_LIBC)
#include <stdio.h>
#include <stdlib.h>
#ifndef memblock_env_free_pages
/* A host program has no page allocator: the library's weak default drops
 * the pages, and a program that wants them defines its own. */
#define MEMBLOCK_ENV_WEAK_FREE_PAGES 1
#endif
#ifndef memblock_env_write
static inline void memblock_env_write(const char *s, size_t len)
{
	fwrite(s, 1, len, stderr);
}
#endif
#ifndef memblock_env_panic
MEMBLOCK_NORETURN static inline void memblock_env_panic(const char *msg)
{
	fputs(msg, stderr);
	abort();
}
#endif
#else
#ifndef memblock_env_write
/* Writes @len bytes of log text (no terminating NUL needed). */
void memblock_env_write(const char *s, size_t len);
#endif
#ifndef memblock_env_panic
/* Never returns. @msg is a complete line. */
MEMBLOCK_NORETURN void memblock_env_panic(const char *msg);
#endif
#endif

#ifndef memblock_env_free_pages
/*
 * Receives the free memory in memblock_free_all() (and the pages of
 * memblock_discard(), free_reserved_area() and
 * reserve_mem_release_by_name()): @nr_pages whole pages starting at page
 * frame @start_pfn. Needed only by programs that call those.
 */
void memblock_env_free_pages(unsigned long start_pfn, unsigned long nr_pages);
#endif

/* --- Boot switches --------------------------------------------------------
 * Linux reads these from its command line and keeps them outside memblock.
 * The library defines the two globals (false) weakly: a kernel that
 * defines movable_node_enabled or mirrored_kernelcore itself links, and
 * its definitions are the ones used. movable_node_is_enabled() is an
 * inline function, as in Linux; a kernel with its own defines
 * MEMBLOCK_ENV_HAVE_MOVABLE_NODE (or a macro of that name) in its
 * environment header.
 */
#if !defined(movable_node_is_enabled) && !defined(MEMBLOCK_ENV_HAVE_MOVABLE_NODE)
extern bool movable_node_enabled;
static inline bool movable_node_is_enabled(void)
{
	return movable_node_enabled;
}
#endif
#ifndef MEMBLOCK_ENV_HAVE_MIRRORED_KERNELCORE
extern bool mirrored_kernelcore;
#endif

#endif /* MEMBLOCK_ENV_H */
