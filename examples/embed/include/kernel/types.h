/* SPDX-License-Identifier: MIT */
/*
 * types.h - the kernel's fixed-width types. libmemblock uses these too:
 * memblock_env.h tells it so (MEMBLOCK_ENV_HAVE_U64, _PHYS_ADDR_T).
 */
#ifndef KERNEL_TYPES_H
#define KERNEL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;	/* the type memblock's iterators take */

/* One Kconfig symbol, shared with libmemblock, sets the width for both. */
#ifdef CONFIG_PHYS_ADDR_T_64BIT
typedef u64 phys_addr_t;
#else
typedef u32 phys_addr_t;
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif /* KERNEL_TYPES_H */
