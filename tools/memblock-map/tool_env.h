/* SPDX-License-Identifier: MIT */
/*
 * tool_env.h - the environment memblock-map builds the library with (see
 * <memblock/env.h>). The library's log goes wherever the tool points it
 * (stdout while --dump prints, stderr otherwise); the page hand-off of
 * memblock_free_all() is never used by the tool and does nothing.
 */
#ifndef MEMBLOCK_MAP_TOOL_ENV_H
#define MEMBLOCK_MAP_TOOL_ENV_H

#include <stddef.h>

void map_log_write(const char *s, size_t len);

#define memblock_env_write(s, n) map_log_write((s), (n))
#define memblock_env_free_pages(pfn, nr) ((void)(pfn), (void)(nr))

#endif /* MEMBLOCK_MAP_TOOL_ENV_H */
