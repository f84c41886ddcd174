// SPDX-License-Identifier: MIT
/*
 * memblock-map - build a memblock from firmware memory maps and actions,
 * then look at it: dump, free ranges, allocations, explanations, an E820
 * export, a picture.
 *
 * The library is compiled into the tool with NUMA on and large static
 * region arrays (see build.mk). memblock_allow_resize() is never called:
 * the host has no memory at the physical addresses memblock describes, so
 * the arrays must never move into "memory".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <memblock/fw.h>

#include "map.h"

static FILE *log_stream;

/* The library's log (tool_env.h): stdout during --dump, stderr otherwise. */
void map_log_write(const char *s, size_t len)
{
	fwrite(s, 1, len, log_stream ? log_stream : stderr);
}

static _Noreturn void die(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("memblock-map: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

/* The whole of @path ("-": standard input), or death with status 2. */
static unsigned char *read_file(const char *path, size_t *len)
{
	const bool is_stdin = !strcmp(path, "-");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");

	if (!f)
		die(MAP_EXIT_USAGE, "%s: %s", path, strerror(errno));
	for (;;) {
		if (n == cap) {
			unsigned char *nb;

			cap = cap ? 2 * cap : 65536;
			nb = realloc(buf, cap);
			if (!nb)
				die(MAP_EXIT_FAIL, "%s: out of memory", path);
			buf = nb;
		}
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f))
			die(MAP_EXIT_USAGE, "%s: read error", path);
		if (feof(f))
			break;
	}
	if (!is_stdin)
		fclose(f);
	*len = n;
	return buf;
}

static void write_file(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(buf, 1, len, f) != len || fclose(f))
		die(MAP_EXIT_USAGE, "%s: %s", path, strerror(errno));
}

static bool is_import(const struct map_action *act)
{
	return act->op == OP_DTB || act->op == OP_E820 || act->op == OP_EFI ||
	       act->op == OP_MULTIBOOT2 || act->op == OP_LIMINE ||
	       act->op == OP_DMESG || act->op == OP_SYSFS;
}

/* The name of an input in messages: "stdin" for "-". */
static const char *input_name(const struct map_action *act)
{
	return strcmp(act->file, "-") ? act->file : "stdin";
}

/*
 * A boot log or a sysfs tree, turned into the binary table firmware hands
 * over, for the same importer as --e820 and --efi.
 */
static void load_text_map(struct map_action *act, const struct map_args *args)
{
	struct map_table table;
	char err[512];
	int ret;

	if (act->op == OP_SYSFS) {
		ret = map_sysfs_read(act->file, &table, err, sizeof(err));
	} else {
		act->data = read_file(act->file, &act->len);
		ret = map_dmesg_parse(input_name(act), (const char *)act->data,
				      act->len, args->dmesg_source, &table,
				      err, sizeof(err));
		free(act->data);
	}
	if (ret)
		die(MAP_EXIT_USAGE, "%s", err);
	act->data = table.data;
	act->len = table.len;
	act->table = table.kind;
}

/* Standard input can be read once: by one "-" of the whole command line. */
static void check_stdin(const struct map_args *args)
{
	const char *user = NULL;
	size_t i;

	for (i = 0; i < args->nr_acts; i++) {
		const struct map_action *act = &args->acts[i];

		if (!is_import(act) || act->op == OP_SYSFS ||
		    strcmp(act->file, "-"))
			continue;
		if (user)
			die(MAP_EXIT_USAGE,
			    "%s -: standard input is already read by %s -",
			    act->opt, user);
		user = act->opt;
	}
}

/* Read every input file before anything runs: a bad one costs no output. */
static void load_inputs(struct map_args *args)
{
	size_t i;

	check_stdin(args);
	for (i = 0; i < args->nr_acts; i++) {
		struct map_action *act = &args->acts[i];

		if (!is_import(act))
			continue;
		if (act->op == OP_DMESG || act->op == OP_SYSFS) {
			load_text_map(act, args);
			continue;
		}
		act->data = read_file(act->file, &act->len);
		if (act->op == OP_E820 && act->len % 20)
			die(MAP_EXIT_USAGE,
			    "%s: %zu bytes is not a whole number of 20-byte E820 entries",
			    input_name(act), act->len);
		if (act->op == OP_LIMINE &&
		    act->len % sizeof(struct memblock_limine_entry))
			die(MAP_EXIT_USAGE,
			    "%s: %zu bytes is not a whole number of 24-byte Limine entries",
			    input_name(act), act->len);
	}
}

/* The protocol hands over pointers to entries: build them for the file. */
static int import_limine(const void *data, size_t len,
			 struct memblock_fw_stats *st)
{
	const size_t n = len / sizeof(struct memblock_limine_entry);
	struct memblock_limine_entry *e = malloc(n * sizeof(*e) + 1);
	const struct memblock_limine_entry **p = malloc(n * sizeof(*p) + 1);
	int err;

	if (!e || !p)
		die(MAP_EXIT_FAIL, "out of memory");
	memcpy(e, data, n * sizeof(*e));	/* host order: the protocol's */
	for (size_t i = 0; i < n; i++)
		p[i] = &e[i];
	err = memblock_import_limine(p, n, st);
	free(p);
	free(e);
	return err;
}

static void import_file(struct map_action *act, size_t efi_desc_size)
{
	struct memblock_fw_stats st;
	int err = 0;

	memset(&st, 0, sizeof(st));
	switch (act->op) {
	case OP_DTB:
		err = memblock_import_fdt(act->data, act->len, &st);
		break;
	case OP_E820:
		err = memblock_import_e820(act->data, act->len / 20, 20, &st);
		break;
	case OP_EFI:
		err = memblock_import_efi(act->data, act->len, efi_desc_size,
					  &st);
		break;
	case OP_MULTIBOOT2:
		err = memblock_import_multiboot2(act->data, act->len, &st);
		break;
	case OP_LIMINE:
		err = import_limine(act->data, act->len, &st);
		break;
	case OP_DMESG:
	case OP_SYSFS:
		if (act->table == MAP_TABLE_E820)
			err = memblock_import_e820(act->data, act->len / 20,
						   20, &st);
		else
			err = memblock_import_efi(act->data, act->len,
						  MEMBLOCK_EFI_DESC_MIN_SIZE,
						  &st);
		break;
	default:
		break;
	}
	free(act->data);
	act->data = NULL;
	if (err)
		die(err == -ENOMEM ? MAP_EXIT_FAIL : MAP_EXIT_USAGE,
		    "%s: %s import failed: %s", input_name(act), act->opt + 2,
		    memblock_fw_strerror(err));
}

static void check_call(const struct map_action *act, int err)
{
	if (err)
		die(MAP_EXIT_FAIL, "%s 0x%llx,0x%llx: %s", act->opt,
		    (unsigned long long)act->a, (unsigned long long)act->b,
		    err == -ENOMEM ? "region array full" : strerror(-err));
}

/*
 * Addresses are written "0x%016llx", never "%#018llx": C's '#' adds no 0x
 * to zero, which made address 0 come out as eighteen zeros.
 */
static void print_range(phys_addr_t base, phys_addr_t size)
{
	printf("[0x%016llx-0x%016llx]", (unsigned long long)base,
	       (unsigned long long)(base + size - 1));
}

static void print_node(int nid)
{
	if (nid >= 0 && nid < MAX_NUMNODES)
		printf(" on node %d", nid);
}

static void do_alloc(const struct map_action *act)
{
	phys_addr_t base = memblock_phys_alloc(act->a, act->b);

	if (!base)
		die(MAP_EXIT_FAIL, "--alloc 0x%llx,0x%llx: no room",
		    (unsigned long long)act->a, (unsigned long long)act->b);
	printf("0x%016llx\n", (unsigned long long)base);
}

static const char *conflict_name(enum memblock_conflict_kind kind)
{
	switch (kind) {
	case MEMBLOCK_CONFLICT_RESERVED:
		return "reserved";
	case MEMBLOCK_CONFLICT_NOT_MEMORY:
		return "not memory";
	case MEMBLOCK_CONFLICT_NOMAP:
		return "nomap memory";
	case MEMBLOCK_CONFLICT_DRIVER_MANAGED:
		return "driver-managed memory";
	}
	return "?";
}

static void do_explain(const struct map_action *act)
{
	struct memblock_conflict *c;
	long n, i;

	n = memblock_explain_range(act->a, act->b, NULL, 0);
	if (n < 0)
		die(MAP_EXIT_USAGE, "--explain: %s", memblock_fw_strerror((int)n));
	printf("explain ");
	print_range(act->a, act->b);
	if (!n) {
		printf(": free\n");
		return;
	}
	printf(": %ld conflict%s\n", n, n == 1 ? "" : "s");
	c = calloc((size_t)n, sizeof(*c));
	if (!c || memblock_explain_range(act->a, act->b, c, (size_t)n) != n)
		die(MAP_EXIT_FAIL, "--explain: out of memory");
	for (i = 0; i < n; i++) {
		printf("  ");
		print_range(c[i].base, c[i].size);
		printf(" %s", conflict_name(c[i].kind));
		if (c[i].kind != MEMBLOCK_CONFLICT_NOT_MEMORY) {
			print_node(c[i].nid);
			printf(" flags: 0x%x", (unsigned int)c[i].flags);
		}
		putchar('\n');
	}
	free(c);
}

static void do_dump(void)
{
	fflush(stdout);
	log_stream = stdout;
	memblock_debug = 1;
	memblock_dump_all();
	memblock_debug = 0;
	log_stream = NULL;
	fflush(stdout);
}

/* Free ranges as allocations see them (MEMBLOCK_NONE: no NOMAP, no DM). */
static void do_free(void)
{
	phys_addr_t start, end, total = 0;
	int nid;
	u64 i;

	printf("free ranges:\n");
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				&nid) {
		printf("  ");
		print_range(start, end - start);
		printf(", 0x%llx bytes", (unsigned long long)(end - start));
		print_node(nid);
		putchar('\n');
		total += end - start;
	}
	printf(" total free = 0x%llx\n", (unsigned long long)total);
}

static void do_export_e820(const struct map_action *act)
{
	long need = memblock_export_e820(NULL, 0);
	void *buf;

	if (need < 0)
		die(MAP_EXIT_FAIL, "--export-e820: %s",
		    memblock_fw_strerror((int)need));
	buf = malloc(need ? (size_t)need : 1);
	if (!buf || memblock_export_e820(buf, (size_t)need) != need)
		die(MAP_EXIT_FAIL, "--export-e820: out of memory");
	write_file(act->file, buf, (size_t)need);
	free(buf);
}

/* "memblock map of a.dtb, b.e820": the inputs named by their base names. */
static void svg_title(const struct map_args *args, char *buf, size_t len)
{
	const char *sep = " of ";
	size_t i, n;

	n = (size_t)snprintf(buf, len, "memblock map");
	for (i = 0; i < args->nr_acts && n < len; i++) {
		const struct map_action *act = &args->acts[i];
		const char *base;

		if (!is_import(act))
			continue;
		base = strrchr(input_name(act), '/');
		base = base ? base + 1 : input_name(act);
		n += (size_t)snprintf(buf + n, len - n, "%s%s", sep, base);
		sep = ", ";
	}
}

static void do_svg(const struct map_action *act, const struct map_args *args)
{
	FILE *f = fopen(act->file, "w");
	char title[256];

	if (!f)
		die(MAP_EXIT_USAGE, "%s: %s", act->file, strerror(errno));
	svg_title(args, title, sizeof(title));
	if (map_write_svg(f, title) || fclose(f))
		die(MAP_EXIT_USAGE, "%s: write error", act->file);
}

static void run(struct map_action *act, const struct map_args *args)
{
	switch (act->op) {
	case OP_DTB:
	case OP_E820:
	case OP_EFI:
	case OP_MULTIBOOT2:
	case OP_LIMINE:
	case OP_DMESG:
	case OP_SYSFS:
		import_file(act, args->efi_desc_size);
		break;
	case OP_ADD:
		check_call(act, memblock_add_node(act->a, act->b, act->nid,
						  MEMBLOCK_NONE));
		break;
	case OP_ADD_DRIVER_MANAGED:
		check_call(act, memblock_add_node(act->a, act->b, act->nid,
						  MEMBLOCK_DRIVER_MANAGED));
		break;
	case OP_RESERVE:
		check_call(act, memblock_reserve(act->a, act->b));
		break;
	case OP_MARK_NOMAP:
		check_call(act, memblock_mark_nomap(act->a, act->b));
		break;
	case OP_ALLOC:
		do_alloc(act);
		break;
	case OP_EXPLAIN:
		do_explain(act);
		break;
	case OP_DUMP:
		do_dump();
		break;
	case OP_FREE:
		do_free();
		break;
	case OP_EXPORT_E820:
		do_export_e820(act);
		break;
	case OP_SVG:
		do_svg(act, args);
		break;
	}
}

int main(int argc, char **argv)
{
	struct map_args args;
	char err[256];
	size_t i;

	if (map_parse_args(argc, argv, &args, err, sizeof(err)))
		die(MAP_EXIT_USAGE, "%s", err);
	if (args.help) {
		map_usage(stdout);
		free(args.acts);
		return 0;
	}
	memblock_debug = 0;
	load_inputs(&args);
	for (i = 0; i < args.nr_acts; i++)
		run(&args.acts[i], &args);
	free(args.acts);
	return fflush(stdout) ? MAP_EXIT_FAIL : 0;
}
