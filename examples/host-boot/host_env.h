/* SPDX-License-Identifier: MIT */
/*
 * host_env.h - the environment of the host-boot example: how a program
 * adapts libmemblock to its world (see include/memblock/env.h).
 *
 * A hosted program has no physical memory to hand out, so the example
 * backs the low 128 MiB of its pretend PC with a static buffer: that is
 * where memblock_alloc() results and grown region arrays live. Anything
 * else (the firmware holes, the driver-managed memory at 4 GiB) is never
 * touched; if the library ever wrote there, host_phys_to_virt() would stop
 * the program. The log (memblock_dump_all) goes to standard output.
 */
#ifndef HOST_BOOT_ENV_H
#define HOST_BOOT_ENV_H

#include <stddef.h>
#include <stdint.h>

#define HOST_RAM_BYTES (128ULL << 20)

void *host_phys_to_virt(uint64_t pa);
uint64_t host_virt_to_phys(const void *va);
void host_free_pages(unsigned long start_pfn, unsigned long nr_pages);
void host_log_write(const char *s, size_t len);

#define memblock_env_phys_to_virt(pa) host_phys_to_virt(pa)
#define memblock_env_virt_to_phys(va) ((phys_addr_t)host_virt_to_phys(va))
#define memblock_env_free_pages(pfn, nr) host_free_pages((pfn), (nr))
#define memblock_env_write(s, n) host_log_write((s), (n))

#endif /* HOST_BOOT_ENV_H */
