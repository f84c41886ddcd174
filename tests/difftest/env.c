// SPDX-License-Identifier: MIT
/*
 * env.c - the environment of difftest_env.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ops.h"

static unsigned char sink[DT_SINK_SIZE] __attribute__((aligned(4096)));
static uint64_t last_pa;

struct dt_handoff dt_handoffs[DT_MAX_HANDOFFS];
unsigned long dt_nr_handoffs;

void *dt_phys_to_virt(uint64_t pa)
{
	last_pa = pa;
	return sink;
}

uint64_t dt_virt_to_phys(const void *va)
{
	if (va == (const void *)sink)
		return last_pa;
	return (uint64_t)(uintptr_t)va;
}

void dt_log_write(const char *s, size_t len)
{
	(void)s;
	(void)len;
}

_Noreturn void dt_panic(const char *msg)
{
	fprintf(stderr, "difftest: unexpected panic: %s", msg);
	abort();
}

void dt_free_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	if (dt_nr_handoffs < DT_MAX_HANDOFFS)
		dt_handoffs[dt_nr_handoffs] =
			(struct dt_handoff){ start_pfn, nr_pages };
	dt_nr_handoffs++;
}
