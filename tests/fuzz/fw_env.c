// SPDX-License-Identifier: MIT
/*
 * fw_env.c - the environment of difftest_env.h for the firmware-map fuzz
 * targets. Unlike the differential driver's (tests/difftest/env.c), where
 * every address maps to one sink and arrays never grow, region arrays may
 * grow here: physical addresses in FW_FUZZ_WIN_BASE .. + FW_FUZZ_WIN_SIZE
 * map to a buffer of their own, and fw_fuzz_setup() arranges that no other
 * memory can be chosen for an array. Any other address is a harness error.
 */
#include <stdio.h>
#include <stdlib.h>

#include <memblock.h>

#include "fw_fuzz_window.h"

static unsigned char window[FW_FUZZ_WIN_SIZE] __attribute__((aligned(4096)));

void *dt_phys_to_virt(uint64_t pa)
{
	if (pa >= FW_FUZZ_WIN_BASE && pa - FW_FUZZ_WIN_BASE < FW_FUZZ_WIN_SIZE)
		return window + (pa - FW_FUZZ_WIN_BASE);
	fprintf(stderr, "fw_env: phys_to_virt(%#llx) outside the window\n",
		(unsigned long long)pa);
	abort();
}

uint64_t dt_virt_to_phys(const void *va)
{
	const unsigned char *p = va;

	if (p >= window && p < window + FW_FUZZ_WIN_SIZE)
		return FW_FUZZ_WIN_BASE + (uint64_t)(p - window);
	return (uint64_t)(uintptr_t)va;
}

void dt_log_write(const char *s, size_t len)
{
	(void)s;
	(void)len;
}

_Noreturn void dt_panic(const char *msg)
{
	fprintf(stderr, "fw_env: unexpected panic: %s", msg);
	abort();
}

void dt_free_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	(void)start_pfn;
	(void)nr_pages;
}
