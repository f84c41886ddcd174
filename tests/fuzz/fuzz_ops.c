// SPDX-License-Identifier: MIT
/*
 * fuzz_ops.c - libFuzzer target: bytes become memblock calls (the decoder of
 * tests/difftest/ops.c reads its choices from the input), each applied to
 * the library and to the reference model; after each one memblock_validate()
 * must pass and the two must agree on everything. Any difference aborts,
 * after printing the calls that led to it.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../difftest/ops.h"

#define MAX_OPS 512

static struct model model;
static struct dt_op ops[MAX_OPS];

static _Noreturn void report(unsigned int n, const char *why)
{
	unsigned int i;

	fprintf(stderr, "fuzz_ops: mismatch after %u calls: %s\n", n, why);
	for (i = 0; i < n; i++) {
		fputc('\t', stderr);
		dt_print_op(stderr, &ops[i]);
	}
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char why[512];
	struct dt_gen g;
	unsigned int n;

	dt_gen_bytes(&g, data, size);
	dt_reset(&model);
	for (n = 0; n < MAX_OPS; n++) {
		dt_gen_op(&g, &ops[n]);
		if (g.eof)
			break;
		if (dt_step(&model, &ops[n], why, sizeof(why)))
			report(n + 1, why);
	}
	return 0;
}
