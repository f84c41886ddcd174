// SPDX-License-Identifier: MIT
/*
 * difftest.c - differential test of libmemblock against the reference model.
 *
 * Runs seeded random operation sequences on both and compares everything
 * after every operation (see ops.c). On the first mismatch it prints the
 * seed, the operation index and the shortest sequence it can find that
 * still fails (delta debugging: drop chunks of operations while the replay
 * still mismatches), as C calls.
 *
 * Usage: difftest [-n OPS] [-s SEED] [-c NAME] [-x]
 *   -n OPS   operations in total (default 1000000)
 *   -s SEED  first seed (default 1); run k uses SEED + k
 *   -c NAME  configuration name shown in the output
 *   -x       expect a failure (planted bug): exit 0 only if one is found
 *   -v       print statistics: per operation kind, how often it ran and how
 *            often its result was non-zero; the largest region counts seen
 *
 * The last line is "difftest[NAME]: N passed, M failed" (N operations, M
 * failing runs).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops.h"

#define MAX_RUN 2000
#define MINIMIZE_BUDGET 40000

static struct model model;
static struct dt_op run_ops[MAX_RUN];
static struct dt_op cand_ops[MAX_RUN];
static char why[512];

static struct {
	unsigned long long ran[DT_NR_KINDS], nonzero[DT_NR_KINDS];
	unsigned long max_cnt[3];
} stats;

static void count(const struct dt_op *op)
{
	stats.ran[op->kind]++;
	stats.nonzero[op->kind] += dt_last_result != 0;
	if (memblock.memory.cnt > stats.max_cnt[0])
		stats.max_cnt[0] = memblock.memory.cnt;
	if (memblock.reserved.cnt > stats.max_cnt[1])
		stats.max_cnt[1] = memblock.reserved.cnt;
}

static void print_stats(void)
{
	unsigned int k;

	for (k = 0; k < DT_NR_KINDS; k++)
		printf("  %-34s %9llu ran, %9llu non-zero results\n",
		       dt_kind_names[k], stats.ran[k], stats.nonzero[k]);
	printf("  largest memory.cnt %lu (max %lu), reserved.cnt %lu (max %lu)\n",
	       stats.max_cnt[0], memblock.memory.max, stats.max_cnt[1],
	       memblock.reserved.max);
}

/* Replay @ops from a fresh start; the index of the first mismatch, or -1. */
static long replay(const struct dt_op *ops, unsigned long n)
{
	unsigned long i;

	dt_reset(&model);
	for (i = 0; i < n; i++)
		if (dt_step(&model, &ops[i], why, sizeof(why)))
			return (long)i;
	return -1;
}

/* Copy @ops without [@skip, @skip + @len) into cand_ops; its length. */
static unsigned long without(const struct dt_op *ops, unsigned long n,
			     unsigned long skip, unsigned long len)
{
	unsigned long i, k = 0;

	for (i = 0; i < n; i++)
		if (i < skip || i >= skip + len)
			cand_ops[k++] = ops[i];
	return k;
}

/*
 * Shrink run_ops[0..*n) (which fails at its last operation) while it still
 * fails: try dropping chunks, halving the chunk size when none can go.
 */
static void minimize(unsigned long *n)
{
	unsigned long chunk = *n / 2, budget = MINIMIZE_BUDGET;

	while (chunk && budget) {
		bool dropped = false;
		unsigned long i = 0;

		while (i < *n && budget--) {
			unsigned long k = without(run_ops, *n, i, chunk);
			long f = replay(cand_ops, k);

			if (f < 0) {
				i += chunk;
				continue;
			}
			memcpy(run_ops, cand_ops, (unsigned long)(f + 1) * sizeof(run_ops[0]));
			*n = (unsigned long)f + 1;
			dropped = true;
		}
		if (!dropped)
			chunk /= 2;
		else if (chunk > *n / 2)
			chunk = *n / 2 ? *n / 2 : 1;
	}
	replay(run_ops, *n);	/* leave why[] describing the final failure */
}

static void report(const char *cfg, unsigned long long seed, unsigned long idx,
		   unsigned long n)
{
	unsigned long i;

	printf("difftest[%s]: MISMATCH seed %llu op %lu: %s\n", cfg, seed, idx,
	       why);
	minimize(&n);
	printf("difftest[%s]: shortest reproducer found (%lu ops, from memblock_reset()):\n",
	       cfg, n);
	for (i = 0; i < n; i++) {
		printf("\t");
		dt_print_op(stdout, &run_ops[i]);
	}
	printf("\t/* ^ mismatch: %s */\n", why);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	unsigned long long total = 1000000, seed = 1, done = 0;
	const char *cfg = "default";
	bool expect_fail = false, verbose = false;
	unsigned long failed = 0;
	double t0 = now();
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			total = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "-c") && i + 1 < argc)
			cfg = argv[++i];
		else if (!strcmp(argv[i], "-x"))
			expect_fail = true;
		else if (!strcmp(argv[i], "-v"))
			verbose = true;
		else {
			fprintf(stderr, "usage: %s [-n OPS] [-s SEED] [-c NAME] [-x] [-v]\n",
				argv[0]);
			return 2;
		}
	}

	for (; done < total && !failed; seed++) {
		struct dt_gen g;
		unsigned long len, k;

		dt_gen_seed(&g, seed);
		len = 200 + (unsigned long)(seed * 7919 % (MAX_RUN - 200));
		if (len > total - done)
			len = (unsigned long)(total - done);
		dt_reset(&model);
		for (k = 0; k < len; k++) {
			dt_gen_op(&g, &run_ops[k]);
			if (dt_step(&model, &run_ops[k], why, sizeof(why))) {
				if (expect_fail)
					printf("difftest[%s]: planted bug caught after %llu ops in %.2f s\n",
					       cfg, done + k + 1, now() - t0);
				report(cfg, seed, k, k + 1);
				failed++;
				break;
			}
			count(&run_ops[k]);
		}
		done += k;
	}
	if (verbose)
		print_stats();
	/* A planted run is meant to fail: say so without a "failed" count. */
	if (expect_fail) {
		printf("difftest[%s]: %llu operations, planted bug %s (%.1f s)\n",
		       cfg, done, failed ? "caught" : "NOT caught", now() - t0);
		return failed ? 0 : 1;
	}
	printf("difftest[%s]: %llu passed, %lu failed (%.1f s)\n", cfg, done,
	       failed, now() - t0);
	return failed ? 1 : 0;
}
