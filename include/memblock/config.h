/* SPDX-License-Identifier: MIT */
/*
 * memblock/config.h - build-time configuration of libmemblock.
 *
 * The values come from Kconfig when a configuration is in force, and from
 * the defaults below otherwise, so the headers work with no .config at all.
 *
 * A configuration is "in force" when CONFIG_MEMBLOCK_KCONFIG is defined: either
 * the embedder force-includes its own autoconf.h (kbuild style, with our Kconfig
 * sourced from theirs), or our build generated <memblock/autoconf.h> and put it
 * on the include path. In that case a bool symbol that is absent means "n".
 */
#ifndef MEMBLOCK_CONFIG_H
#define MEMBLOCK_CONFIG_H

#if !defined(CONFIG_MEMBLOCK_KCONFIG) && defined(__has_include)
#if __has_include(<memblock/autoconf.h>)
#include <memblock/autoconf.h>
#endif
#endif

#ifndef CONFIG_MEMBLOCK_KCONFIG
/* No configuration: the defaults of our Kconfig file. */
#define CONFIG_PHYS_ADDR_T_64BIT 1
#define CONFIG_MEMBLOCK_KHO_SCRATCH 1
#define CONFIG_MEMBLOCK_FW_E820 1
#define CONFIG_MEMBLOCK_FW_EFI 1
#define CONFIG_MEMBLOCK_FW_MULTIBOOT 1
#define CONFIG_MEMBLOCK_FW_FDT 1
#define CONFIG_MEMBLOCK_FW_LIMINE 1
#define CONFIG_MEMBLOCK_FW_EXPORT 1
#define CONFIG_MEMBLOCK_SEARCH_CACHE 1
#define CONFIG_MEMBLOCK_LOOKUP_INDEX 1
#endif

#ifndef CONFIG_NODES_SHIFT
#ifdef CONFIG_NUMA
#define CONFIG_NODES_SHIFT 6
#else
#define CONFIG_NODES_SHIFT 0
#endif
#endif

#ifndef CONFIG_MEMBLOCK_INIT_MEMORY_REGIONS
#define CONFIG_MEMBLOCK_INIT_MEMORY_REGIONS 128
#endif
#ifndef CONFIG_MEMBLOCK_INIT_RESERVED_REGIONS
#define CONFIG_MEMBLOCK_INIT_RESERVED_REGIONS 128
#endif
#ifndef CONFIG_MEMBLOCK_INIT_PHYSMEM_REGIONS
#define CONFIG_MEMBLOCK_INIT_PHYSMEM_REGIONS 4
#endif
#ifndef CONFIG_MEMBLOCK_PAGE_SHIFT
#define CONFIG_MEMBLOCK_PAGE_SHIFT 12
#endif
#ifndef CONFIG_MEMBLOCK_CACHE_BYTES
#define CONFIG_MEMBLOCK_CACHE_BYTES 64
#endif
#if defined(CONFIG_MEMBLOCK_LOOKUP_INDEX) && !defined(CONFIG_MEMBLOCK_LOOKUP_BUCKETS)
#define CONFIG_MEMBLOCK_LOOKUP_BUCKETS 8192
#endif
#ifndef CONFIG_MEMBLOCK_LOW_LIMIT
#define CONFIG_MEMBLOCK_LOW_LIMIT 0xffffffff
#endif

#endif /* MEMBLOCK_CONFIG_H */
