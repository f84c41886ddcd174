// SPDX-License-Identifier: MIT
/*
 * bench.c - the libmemblock benchmarks.
 *
 * Eight workloads (W1..W7 and WI, described with their functions below), each
 * run at a chosen number of regions N. Every workload has a setup phase,
 * which is not measured, and a measured phase, whose operations are
 * counted; the measured phase includes the driver's own loop and its
 * random-number work. Under callgrind (--callgrind), only the measured phase
 * is instrumented (CALLGRIND_START/STOP_INSTRUMENTATION, run valgrind with
 * --instr-atstart=no), so the instruction total divided by the operation
 * count is the cost of one operation.
 *
 * Every run also prints a checksum of what the workload produced (region
 * arrays, allocation addresses, iterator output): the same workload, N and
 * seed must give the same checksum with any version of the library, so an
 * optimisation that changes a result shows up here too.
 *
 * Usage: bench [--callgrind] [--targets] [--all] [-w W1..W7|WI] [-n N]...
 * A workload whose cost per operation grows with N has a largest N it runs
 * at (max_n): above it, it prints a "left out" line instead of a result,
 * unless --all is given. Benchmarks are not tests: nothing here fails on
 * timing or on instruction counts; the targets are only printed.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <memblock.h>
#include <memblock/ext.h>
#include <memblock/fw.h>

#include "bench_env.h"

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define CALLGRIND_START_INSTRUMENTATION do { } while (0)
#define CALLGRIND_STOP_INSTRUMENTATION do { } while (0)
#endif

#define SZ_4K 0x1000ULL
#define SZ_8K 0x2000ULL
#define SZ_60K 0xf000ULL
#define SZ_64K 0x10000ULL
#define SZ_128K 0x20000ULL
#define SZ_256K 0x40000ULL
#define SZ_1M 0x100000ULL
#define SZ_2M 0x200000ULL

#define MAX_N 100000UL
#define W5_WALKS 20
#define W6_LOOKUPS 100000UL
#define SEED 0x6d656d626c6f636bULL /* "memblock" */

/* --- The "physical" window behind grown arrays ----------------------------- */

static unsigned char *window;

void *bench_phys_to_virt(uint64_t pa)
{
	if (pa >= BENCH_WIN_BASE && pa - BENCH_WIN_BASE < BENCH_WIN_SIZE)
		return window + (pa - BENCH_WIN_BASE);
	fprintf(stderr, "bench: phys_to_virt(%#llx) outside the window\n",
		(unsigned long long)pa);
	abort();
}

uint64_t bench_virt_to_phys(const void *va)
{
	const unsigned char *p = va;

	if (p >= window && p < window + BENCH_WIN_SIZE)
		return BENCH_WIN_BASE + (uint64_t)(p - window);
	fprintf(stderr, "bench: virt_to_phys(%p) outside the window\n", va);
	abort();
}

void bench_free_pages(unsigned long start_pfn, unsigned long nr_pages)
{
	(void)start_pfn;
	(void)nr_pages;
}

/* --- Fixed-seed random numbers (splitmix64) ------------------------------- */

static u64 rng_state;

static u64 rng_next(void)
{
	u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, @n), @n < 2^32, by multiply and shift. */
static u64 rng_below(u64 n)
{
	return ((rng_next() >> 32) * n) >> 32;
}

/* --- Checksums of results -------------------------------------------------- */

static u64 checksum;

static void mix(u64 v)
{
	checksum = (checksum ^ v) * 0x100000001b3ULL;
}

static void mix_type(const struct memblock_type *type)
{
	unsigned long i;

	mix(type->cnt);
	mix(type->max);
	mix(type->total_size);
	for (i = 0; i < type->cnt; i++) {
		mix(type->regions[i].base);
		mix(type->regions[i].size);
		mix((u64)type->regions[i].flags);
		mix((u64)memblock_get_region_node(&type->regions[i]));
	}
}

static void fail(const char *what)
{
	fprintf(stderr, "bench: %s\n", what);
	exit(1);
}

/* --- Workloads ------------------------------------------------------------- */

struct workload {
	const char *name;
	const char *what;
	void (*setup)(unsigned long n);
	unsigned long (*run)(unsigned long n); /* returns the operation count */
	double linux_ir;	/* Linux's instructions per op at N = 10,000 */
	double target_ir;	/* the target at N = 10,000 */
	unsigned long max_n;	/* largest N run without --all; 0: MAX_N */
};

static unsigned int order[MAX_N];

/* Every workload starts here: empty arrays, the window, growth allowed. */
static void setup_common(void)
{
	memblock_reset();
	if (memblock_add(BENCH_WIN_BASE, BENCH_WIN_SIZE))
		fail("window");
	memblock_set_current_limit(BENCH_WIN_BASE + BENCH_WIN_SIZE);
	memblock_allow_resize();
	rng_state = SEED;
}

static void add_firmware_map(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		if (memblock_add(BENCH_WL_BASE + i * SZ_128K, SZ_64K))
			fail("add");
}

/* W1: N regions of 64K, 64K apart, added in ascending order. */
static void w1_setup(unsigned long n)
{
	(void)n;
	setup_common();
}

static unsigned long w1_run(unsigned long n)
{
	add_firmware_map(n);
	return n;
}

/* W2: the same regions in a shuffled order (the order is setup's work). */
static void w2_setup(unsigned long n)
{
	unsigned long i;

	setup_common();
	for (i = 0; i < n; i++)
		order[i] = (unsigned int)i;
	for (i = n - 1; i > 0; i--) {
		unsigned long j = (unsigned long)rng_below(i + 1);
		unsigned int t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
}

static unsigned long w2_run(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		if (memblock_add(BENCH_WL_BASE + order[i] * SZ_128K, SZ_64K))
			fail("add");
	return n;
}

/* W3: one region of N MiB; N reservations of 4K..64K at random 4K spots. */
static void w3_setup(unsigned long n)
{
	setup_common();
	if (memblock_add(BENCH_WL_BASE, n * SZ_1M))
		fail("add");
}

static unsigned long w3_run(unsigned long n)
{
	const u64 pages = n * (SZ_1M / SZ_4K);
	unsigned long i;

	for (i = 0; i < n; i++) {
		u64 size_pages = 1 + rng_below(16);
		u64 at = rng_below(pages - size_pages + 1);

		if (memblock_reserve(BENCH_WL_BASE + at * SZ_4K,
				     size_pages * SZ_4K))
			fail("reserve");
	}
	return n;
}

/*
 * W4: one region: a bottom strip and a top strip of N reservations of 60K
 * every 64K (4K gaps), with 4N x 64K free between them. N allocations of 8K
 * top-down, then N bottom-up; each search crosses a strip.
 */
static phys_addr_t w4_end(unsigned long n)
{
	return BENCH_WL_BASE + 6 * n * SZ_64K;
}

static void w4_setup(unsigned long n)
{
	const phys_addr_t top = BENCH_WL_BASE + 5 * n * SZ_64K;
	unsigned long i;

	setup_common();
	if (memblock_add(BENCH_WL_BASE, 6 * n * SZ_64K))
		fail("add");
	for (i = 0; i < n; i++)
		if (memblock_reserve(BENCH_WL_BASE + i * SZ_64K, SZ_60K) ||
		    memblock_reserve(top + i * SZ_64K, SZ_60K))
			fail("reserve");
}

static unsigned long w4_run(unsigned long n)
{
	const phys_addr_t end = w4_end(n);
	phys_addr_t sum = 0;
	unsigned long i;

	for (i = 0; i < 2 * n; i++) {
		phys_addr_t pa;

		if (i == n)
			memblock_set_bottom_up(true);
		pa = memblock_phys_alloc_range(SZ_8K, SZ_4K, BENCH_WL_BASE,
					       end);
		if (!pa)
			fail("allocation failed");
		sum = sum * 31 + pa;
	}
	memblock_set_bottom_up(false);
	mix(sum);
	return 2 * n;
}

/* W5: N regions of 1M, 2M apart, with 64K reserved inside each; 20 walks. */
static void w5_setup(unsigned long n)
{
	unsigned long i;

	setup_common();
	for (i = 0; i < n; i++) {
		const phys_addr_t base = BENCH_WL_BASE + i * SZ_2M;

		if (memblock_add(base, SZ_1M) ||
		    memblock_reserve(base + SZ_256K, SZ_64K))
			fail("add");
	}
}

static unsigned long w5_run(unsigned long n)
{
	unsigned long ranges = 0;
	phys_addr_t start, end, sum = 0;
	int walk;
	u64 i;

	(void)n;
	for (walk = 0; walk < W5_WALKS; walk++) {
		for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start,
					&end, NULL) {
			sum += start ^ end;
			ranges++;
		}
	}
	mix(sum);
	return ranges;
}

/* W6: the W1 map; 100,000 memblock_is_memory() at random addresses. */
static void w6_setup(unsigned long n)
{
	setup_common();
	add_firmware_map(n);
}

static unsigned long w6_run(unsigned long n)
{
	unsigned long i, hits = 0;

	for (i = 0; i < W6_LOOKUPS; i++)
		hits += memblock_is_memory(BENCH_WL_BASE +
					   rng_below(n * SZ_128K));
	mix(hits);
	return W6_LOOKUPS;
}

/*
 * WI: a UEFI map shaped like OVMF's (boot-services code and data, loader
 * and conventional memory in small touching descriptors, now and then
 * runtime data and ACPI tables) of N descriptors, imported into memblock
 * that holds nothing there. Per descriptor.
 */
#define WI_DESC 48
static uint8_t wi_map[MAX_N * WI_DESC];

static void wi_put(uint8_t *p, uint32_t type, u64 phys, u64 pages, u64 attr)
{
	memset(p, 0, WI_DESC);
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(type >> (8 * i));
	for (int i = 0; i < 8; i++) {
		p[8 + i] = (uint8_t)(phys >> (8 * i));
		p[24 + i] = (uint8_t)(pages >> (8 * i));
		p[32 + i] = (uint8_t)(attr >> (8 * i));
	}
}

static void wi_setup(unsigned long n)
{
	static const uint32_t usable[] = { 3, 4, 7, 2 };	/* BS code, BS data, conventional, loader data */
	u64 phys = BENCH_WL_BASE;
	unsigned long i;

	setup_common();
	for (i = 0; i < n; i++) {
		uint32_t type = usable[rng_below(4)];
		u64 attr = 0xf, pages = 1 + rng_below(16);

		if (i % 50 == 49) {
			type = 6;	/* runtime services data: NOMAP */
			attr |= 0x8000000000000000ULL;
		} else if (i % 97 == 96) {
			type = 9;	/* ACPI reclaim: memory and reserved */
		}
		wi_put(wi_map + i * WI_DESC, type, phys, pages, attr);
		phys += pages << 12;
	}
}

static unsigned long wi_run(unsigned long n)
{
	if (memblock_import_efi(wi_map, n * WI_DESC, WI_DESC, NULL))
		fail("import");
	mix(memblock.memory.cnt);
	mix(memblock.reserved.cnt);
	return n;
}

/*
 * W7: the in-order pfn walk. The W1 map with every fourth region marked
 * NOMAP; memblock_is_map_memory() for every 4K page from the first region's
 * base to the last region's end, in address order, as a pfn_valid() loop
 * does. Half the pages fall in gaps. Per page.
 */
static phys_addr_t w7_end(unsigned long n)
{
	return BENCH_WL_BASE + (n - 1) * SZ_128K + SZ_64K;
}

static void w7_setup(unsigned long n)
{
	unsigned long i;

	setup_common();
	add_firmware_map(n);
	for (i = 3; i < n; i += 4)
		if (memblock_mark_nomap(BENCH_WL_BASE + i * SZ_128K, SZ_64K))
			fail("mark_nomap");
}

static unsigned long w7_run(unsigned long n)
{
	const phys_addr_t end = w7_end(n);
	unsigned long hits = 0;
	u64 h = 0;
	phys_addr_t pa;

	/*
	 * The count says how many answers were true, the hash in what order.
	 * The loop is kept to a few instructions a page (h * 3 is one lea),
	 * as they count against a target of 20.
	 */
	for (pa = BENCH_WL_BASE; pa < end; pa += SZ_4K) {
		bool map = memblock_is_map_memory(pa);

		hits += map;
		h = h * 3 + map;
	}
	mix(hits);
	mix(h);
	return (unsigned long)((end - BENCH_WL_BASE) / SZ_4K);
}

/*
 * Targets at N = 10,000: W1..W3 no worse than before the search cache and
 * lookup work, W4..W7 the goals for them. WI's cost per operation grows
 * with N: at N = 100,000 it takes a minute natively, so it stops at 10,000
 * (max_n; --all runs it anyway). W4 does too in a build without the search
 * cache (10 s natively, minutes under callgrind); with it, W4 and the
 * others take at most about 11 s under callgrind there.
 */
static const struct workload workloads[] = {
	{ "W1", "sorted add", w1_setup, w1_run, 130534, 334, 0 },
	{ "W2", "shuffled add", w2_setup, w2_run, 71570, 6134, 0 },
	{ "W3", "reserve storm", w3_setup, w3_run, 71880, 5693, 0 },
	{ "W4", "fragmented alloc", w4_setup, w4_run, 1948210, 19500, 0 },
	{ "W5", "free-range walk", w5_setup, w5_run, 130.5, 43, 0 },
	{ "W6", "is_memory lookup", w6_setup, w6_run, 185, 90, 0 },
	{ "W7", "in-order pfn walk", w7_setup, w7_run, 175, 20, 0 },
	{ "WI", "UEFI map import", wi_setup, wi_run, 0, 0, 10000 },
};

#define NR_WORKLOADS (sizeof(workloads) / sizeof(workloads[0]))

/* --- Driver ---------------------------------------------------------------- */

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* The measured phase; the only code callgrind counts. */
static __attribute__((noinline)) unsigned long
measured(const struct workload *w, unsigned long n)
{
	unsigned long ops;

	CALLGRIND_START_INSTRUMENTATION;
	ops = w->run(n);
	CALLGRIND_STOP_INSTRUMENTATION;
	return ops;
}

static void finish_checksum(void)
{
	mix_type(&memblock.memory);
	mix_type(&memblock.reserved);
	if (memblock_validate())
		fail("the region arrays broke an invariant");
}

/*
 * Time @w at @n: run it until 3 runs and 0.3 s are done (one run only when
 * it alone takes over 2 s), and keep the fastest.
 */
static void bench_one(const struct workload *w, unsigned long n, bool cg)
{
	double best = 0, total = 0;
	unsigned long ops = 0;
	int reps = 0;
	u64 sum = 0;

	do {
		double t0, t1;

		w->setup(n);
		checksum = 0xcbf29ce484222325ULL;
		t0 = now_ns();
		ops = measured(w, n);
		t1 = now_ns();
		finish_checksum();
		if (reps && checksum != sum)
			fail("results differ between runs");
		sum = checksum;
		if (!reps || t1 - t0 < best)
			best = t1 - t0;
		total += t1 - t0;
		reps++;
	} while (!cg && total < 2e9 && (reps < 3 || total < 3e8) && reps < 50);

	printf("%-3s %-17s %6lu %9lu %10.1f %016llx\n", w->name, w->what, n,
	       ops, best / (double)ops, (unsigned long long)sum);
	fflush(stdout);
}

/* A size above the workload's max_n: a row run.sh shows as left out. */
static void left_out(const struct workload *w, unsigned long n)
{
	printf("%-3s %-17s %6lu %9s %10s %s\n", w->name, w->what, n, "-", "-",
	       "left-out");
	fflush(stdout);
}

static void usage(void)
{
	fprintf(stderr, "usage: bench [--callgrind] [--targets] [--all] "
		"[-w W1..W7|WI] [-n N]...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long sizes[16];
	unsigned int nr_sizes = 0;
	const char *only = NULL;
	bool cg = false, all = false;
	unsigned int s, k;
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--callgrind")) {
			cg = true;
		} else if (!strcmp(argv[a], "--all")) {
			all = true;
		} else if (!strcmp(argv[a], "--targets")) {
			for (k = 0; k < NR_WORKLOADS; k++)
				printf("%s %s|%g|%g|%lu\n", workloads[k].name,
				       workloads[k].what, workloads[k].linux_ir,
				       workloads[k].target_ir,
				       workloads[k].max_n ? workloads[k].max_n
							  : MAX_N);
			return 0;
		} else if (!strcmp(argv[a], "-w") && a + 1 < argc) {
			only = argv[++a];
		} else if (!strcmp(argv[a], "-n") && a + 1 < argc &&
			   nr_sizes < 16) {
			sizes[nr_sizes] = strtoul(argv[++a], NULL, 0);
			if (sizes[nr_sizes] < 2 || sizes[nr_sizes] > MAX_N)
				usage();
			nr_sizes++;
		} else {
			usage();
		}
	}
	if (!nr_sizes) {
		sizes[0] = 128;
		sizes[1] = 1000;
		sizes[2] = 10000;
		sizes[3] = 100000;
		nr_sizes = 4;
	}

	window = aligned_alloc(4096, BENCH_WIN_SIZE);
	if (!window)
		fail("no memory for the window");

	printf("%-3s %-17s %6s %9s %10s %s\n", "", "workload", "N", "ops",
	       "ns/op", "checksum");
	for (k = 0; k < NR_WORKLOADS; k++) {
		if (only && strcmp(only, workloads[k].name))
			continue;
		for (s = 0; s < nr_sizes; s++) {
			const struct workload *w = &workloads[k];

			if (!all && w->max_n && sizes[s] > w->max_n)
				left_out(w, sizes[s]);
			else
				bench_one(w, sizes[s], cg);
		}
	}
	free(window);
	return 0;
}
