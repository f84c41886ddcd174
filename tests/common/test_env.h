/* SPDX-License-Identifier: MIT */
/*
 * test_env.h - the environment the host tests build the library with.
 *
 * It is also the worked example of replacing <memblock/env.h> items: the
 * library and the tests are compiled with
 * -DMEMBLOCK_ENV_HEADER='"test_env.h"'.
 *
 * "Physical" memory is a static window of TEST_WINDOW_SIZE bytes that
 * appears at TEST_PHYS_BASE, below 4 GiB so that the 32-bit phys_addr_t
 * configuration can run on a 64-bit host. Log output, panics and the page
 * hand-off are captured for the tests to inspect.
 */
#ifndef MEMBLOCK_TEST_ENV_H
#define MEMBLOCK_TEST_ENV_H

#include <stddef.h>
#include <stdint.h>

#define TEST_PHYS_BASE 0x40000000ULL
#define TEST_WINDOW_SIZE (32ULL << 20)

void *test_phys_to_virt(uint64_t pa);
uint64_t test_virt_to_phys(const void *va);
void test_log_write(const char *s, size_t len);
_Noreturn void test_panic(const char *msg);
void test_free_pages(unsigned long start_pfn, unsigned long nr_pages);

#define memblock_env_phys_to_virt(pa) test_phys_to_virt(pa)
#define memblock_env_virt_to_phys(va) ((phys_addr_t)test_virt_to_phys(va))
#define memblock_env_write(s, n) test_log_write((s), (n))
#define memblock_env_panic(msg) test_panic(msg)
#define memblock_env_free_pages(pfn, nr) test_free_pages((pfn), (nr))

#endif /* MEMBLOCK_TEST_ENV_H */
