/* SPDX-License-Identifier: MIT */
/*
 * bench_env.h - the environment the benchmark builds the library with.
 *
 * Grown region arrays need "physical" memory the library can write to. The
 * benchmark registers one memory region, [BENCH_WIN_BASE, +BENCH_WIN_SIZE),
 * backed by a host buffer, and sets memblock.current_limit to its end; the
 * workloads themselves live at BENCH_WL_BASE and above, where nothing is
 * ever written (their allocations use the physical API).
 */
#ifndef MEMBLOCK_BENCH_ENV_H
#define MEMBLOCK_BENCH_ENV_H

#include <stddef.h>
#include <stdint.h>

#define BENCH_WIN_BASE 0x40000000ULL	/* 1 GiB */
#define BENCH_WIN_SIZE (64ULL << 20)
#define BENCH_WL_BASE 0x100000000ULL	/* 4 GiB */

void *bench_phys_to_virt(uint64_t pa);
uint64_t bench_virt_to_phys(const void *va);
void bench_free_pages(unsigned long start_pfn, unsigned long nr_pages);

#define memblock_env_phys_to_virt(pa) bench_phys_to_virt(pa)
#define memblock_env_virt_to_phys(va) ((phys_addr_t)bench_virt_to_phys(va))
#define memblock_env_free_pages(pfn, nr) bench_free_pages((pfn), (nr))

#endif /* MEMBLOCK_BENCH_ENV_H */
