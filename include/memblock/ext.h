/* SPDX-License-Identifier: MIT */
/*
 * memblock/ext.h - what libmemblock offers beyond Linux's memblock API.
 *
 * Nothing here exists in Linux; code that must stay portable to Linux should
 * use only <memblock.h>.
 */
#ifndef MEMBLOCK_EXT_H
#define MEMBLOCK_EXT_H

#include <memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

void memblock_reset(void);
int memblock_validate(void);
int memblock_validate_type(const struct memblock_type *type, const char **why);
int memblock_ensure_capacity(struct memblock_type *type,
			     unsigned long free_slots);
void memblock_printk(const char *fmt, ...);
unsigned long memblock_free_all_count(void);
int memblock_reserve_mem(const char *param);

#ifdef __cplusplus
}
#endif

#endif /* MEMBLOCK_EXT_H */
