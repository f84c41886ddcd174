/* SPDX-License-Identifier: MIT */
/*
 * difftest_env.h - the environment the differential driver and the fuzzers
 * build the library with (-DMEMBLOCK_ENV_HEADER).
 *
 * Allocations may land anywhere in the 64-bit (or 32-bit) address space, not
 * only in a mapped window, because the driver compares addresses, not
 * contents. So every physical address "maps" to one sink buffer that is big
 * enough for the largest virtual-address allocation the driver asks for
 * (DT_SINK_SIZE); the address last mapped is remembered, which is how the
 * driver turns the pointer it gets back into the physical address. Region
 * arrays never grow in these runs (memblock_allow_resize() is never called),
 * so nothing else ever goes through the mapping.
 */
#ifndef MEMBLOCK_DIFFTEST_ENV_H
#define MEMBLOCK_DIFFTEST_ENV_H

#include <stddef.h>
#include <stdint.h>

#define DT_SINK_SIZE (64u << 10)

void *dt_phys_to_virt(uint64_t pa);
uint64_t dt_virt_to_phys(const void *va);
void dt_log_write(const char *s, size_t len);
_Noreturn void dt_panic(const char *msg);
void dt_free_pages(unsigned long start_pfn, unsigned long nr_pages);

#define memblock_env_phys_to_virt(pa) dt_phys_to_virt(pa)
#define memblock_env_virt_to_phys(va) ((phys_addr_t)dt_virt_to_phys(va))
#define memblock_env_write(s, n) dt_log_write((s), (n))
#define memblock_env_panic(msg) dt_panic(msg)
#define memblock_env_free_pages(pfn, nr) dt_free_pages((pfn), (nr))

#endif /* MEMBLOCK_DIFFTEST_ENV_H */
