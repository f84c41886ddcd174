// SPDX-License-Identifier: MIT
/*
 * args.c - the command line of memblock-map: numbers, ranges and options.
 *
 * The whole command line is parsed before anything runs, so a bad argument
 * anywhere costs nothing but one line on stderr.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

#define DEFAULT_EFI_DESC_SIZE 48
#define DEFAULT_ALLOC_ALIGN 4096

enum arg_kind {
	ARG_NONE,
	ARG_FILE,
	ARG_RANGE,	/* BASE,SIZE */
	ARG_RANGE_NID,	/* BASE,SIZE[,NID] */
	ARG_ALLOC,	/* SIZE[,ALIGN] */
	ARG_OPT_DIR,	/* [DIR]: the next argument unless it is an option */
	ARG_DESC_SIZE,	/* N, a setting rather than an action */
	ARG_DMESG_SOURCE,	/* auto|e820|efi, a setting */
	ARG_HELP,
};

struct option_def {
	const char *name;
	enum arg_kind kind;
	enum map_op op;
	const char *metavar;
	const char *help;
};

static const struct option_def options[] = {
	{ "--dtb", ARG_FILE, OP_DTB, "FILE",
	  "import a flattened device tree (.dtb)" },
	{ "--e820", ARG_FILE, OP_E820, "FILE",
	  "import an E820 table (packed little-endian 20-byte entries)" },
	{ "--efi", ARG_FILE, OP_EFI, "FILE",
	  "import a UEFI memory map (see --efi-desc-size)" },
	{ "--efi-desc-size", ARG_DESC_SIZE, OP_EFI, "N",
	  "UEFI descriptor size for every --efi (default 48)" },
	{ "--multiboot2", ARG_FILE, OP_MULTIBOOT2, "FILE",
	  "import a multiboot2 boot information structure" },
	{ "--limine", ARG_FILE, OP_LIMINE, "FILE",
	  "import a Limine memory map (packed 24-byte base, length, type entries)" },
	{ "--dmesg", ARG_FILE, OP_DMESG, "FILE",
	  "import the firmware map lines of a Linux boot log ('-': stdin)" },
	{ "--dmesg-source", ARG_DMESG_SOURCE, OP_DMESG, "auto|e820|efi",
	  "which map --dmesg takes when a log has both (default auto: E820)" },
	{ "--sysfs", ARG_OPT_DIR, OP_SYSFS, "[DIR]",
	  "import /sys/firmware/memmap, or a copy of it in DIR" },
	{ "--add", ARG_RANGE_NID, OP_ADD, "BASE,SIZE[,NID]",
	  "add memory (memblock_add_node)" },
	{ "--add-driver-managed", ARG_RANGE_NID, OP_ADD_DRIVER_MANAGED,
	  "BASE,SIZE[,NID]", "add memory with MEMBLOCK_DRIVER_MANAGED" },
	{ "--reserve", ARG_RANGE, OP_RESERVE, "BASE,SIZE",
	  "reserve a range (memblock_reserve)" },
	{ "--mark-nomap", ARG_RANGE, OP_MARK_NOMAP, "BASE,SIZE",
	  "mark memory NOMAP (memblock_mark_nomap)" },
	{ "--alloc", ARG_ALLOC, OP_ALLOC, "SIZE[,ALIGN]",
	  "allocate top-down like memblock_phys_alloc, print the address" },
	{ "--explain", ARG_RANGE, OP_EXPLAIN, "BASE,SIZE",
	  "list what blocks a range (memblock_explain_range)" },
	{ "--dump", ARG_NONE, OP_DUMP, NULL,
	  "print memblock_dump_all() (Linux's memblock=debug format)" },
	{ "--free", ARG_NONE, OP_FREE, NULL,
	  "print the free ranges an allocation may use" },
	{ "--export-e820", ARG_FILE, OP_EXPORT_E820, "FILE",
	  "write the hand-off map as an E820 table" },
	{ "--svg", ARG_FILE, OP_SVG, "FILE",
	  "draw the map as an SVG picture" },
	{ "--help", ARG_HELP, OP_DUMP, NULL, "show this help" },
};

/**
 * map_usage - print the usage text
 * @f: where to
 */
void map_usage(FILE *f)
{
	size_t i;

	fputs("usage: memblock-map [OPTION]...\n"
	      "Build a memblock from firmware maps and actions, in command-line order,\n"
	      "and inspect it. Numbers: 0x hex or decimal, optional K, M, G or T suffix\n"
	      "(powers of 1024). An input FILE of '-' is standard input.\n\n",
	      f);
	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		const struct option_def *o = &options[i];
		char left[64];

		snprintf(left, sizeof(left), "%s%s%s", o->name,
			 o->metavar ? " " : "", o->metavar ? o->metavar : "");
		fprintf(f, "  %-36s %s\n", left, o->help);
	}
	fputs("\nExit status: 0 success, 1 an operation failed (no room, array full),\n"
	      "2 bad arguments or input files.\n",
	      f);
}

/**
 * map_parse_number - parse a number of memblock-map's command line
 * @s: "0x" followed by hex digits, or decimal digits; then optionally one of
 *	K, M, G, T (either case) for a power of 1024
 * @out: the value
 *
 * Return: 0, or -1 for anything else (empty, other characters, overflow).
 */
int map_parse_number(const char *s, unsigned long long *out)
{
	static const char suffixes[] = "KMGT";
	unsigned long long v = 0;
	unsigned int base = 10, digits = 0, shift = 0;
	const char *p = s;
	const char *sfx;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (;; p++, digits++) {
		unsigned int d;

		if (*p >= '0' && *p <= '9')
			d = (unsigned int)(*p - '0');
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = (unsigned int)(*p - 'a' + 10);
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = (unsigned int)(*p - 'A' + 10);
		else
			break;
		if (v > (~0ULL - d) / base)
			return -1;
		v = v * base + d;
	}
	if (!digits)
		return -1;
	if (*p) {
		sfx = strchr(suffixes, *p >= 'a' ? *p - 'a' + 'A' : *p);
		if (!sfx || p[1])
			return -1;
		shift = 10 * (unsigned int)(sfx - suffixes + 1);
		if (v > (~0ULL >> shift))
			return -1;
		v <<= shift;
	}
	*out = v;
	return 0;
}

static int fail(char *err, size_t err_len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, err_len, fmt, ap);
	va_end(ap);
	return -1;
}

/* Split @s at commas into at most @max fields; returns how many, or -1. */
static int split_fields(char *s, char **fields, int max)
{
	int n = 0;

	for (;;) {
		char *comma = strchr(s, ',');

		if (n == max)
			return -1;
		fields[n++] = s;
		if (!comma)
			return n;
		*comma = '\0';
		s = comma + 1;
	}
}

#define NUMBER_HINT "0x hex or decimal, optional K/M/G/T"

static int parse_field(const char *opt, const char *what, const char *s,
		       unsigned long long *v, char *err, size_t err_len)
{
	if (map_parse_number(s, v))
		return fail(err, err_len, "%s: bad %s '%s' (%s)", opt, what, s,
			    NUMBER_HINT);
	return 0;
}

/* BASE,SIZE[,NID] or SIZE[,ALIGN] into @act. */
static int parse_numbers(const struct option_def *o, const char *arg,
			 struct map_action *act, char *err, size_t err_len)
{
	unsigned long long a, b, nid;
	char buf[256], *f[3];
	int n, max = o->kind == ARG_RANGE_NID ? 3 : 2;

	if (strlen(arg) >= sizeof(buf))
		return fail(err, err_len, "%s: argument too long", o->name);
	strcpy(buf, arg);
	n = split_fields(buf, f, max);
	if (n < 0 || (o->kind != ARG_ALLOC && n < 2))
		return fail(err, err_len, "%s: expected %s, got '%s'", o->name,
			    o->metavar, arg);

	if (o->kind == ARG_ALLOC) {
		if (parse_field(o->name, "size", f[0], &a, err, err_len))
			return -1;
		b = DEFAULT_ALLOC_ALIGN;
		if (n > 1 && parse_field(o->name, "alignment", f[1], &b, err,
					 err_len))
			return -1;
		if (!a || a > PHYS_ADDR_MAX)
			return fail(err, err_len, "%s: size must be 1 to 0x%llx",
				    o->name, (unsigned long long)PHYS_ADDR_MAX);
		if (!b || (b & (b - 1)) || b > PHYS_ADDR_MAX)
			return fail(err, err_len,
				    "%s: alignment 0x%llx is not a power of two",
				    o->name, b);
	} else {
		if (parse_field(o->name, "base", f[0], &a, err, err_len) ||
		    parse_field(o->name, "size", f[1], &b, err, err_len))
			return -1;
		if (!b)
			return fail(err, err_len, "%s: size must not be 0",
				    o->name);
		if (a > PHYS_ADDR_MAX || b - 1 > PHYS_ADDR_MAX - a)
			return fail(err, err_len,
				    "%s: 0x%llx+0x%llx goes past the end of the address space",
				    o->name, a, b);
	}
	act->a = (phys_addr_t)a;
	act->b = (phys_addr_t)b;
	act->nid = NUMA_NO_NODE;
	if (n == 3) {
		if (parse_field(o->name, "node", f[2], &nid, err, err_len))
			return -1;
		if (nid >= MAX_NUMNODES)
			return fail(err, err_len, "%s: node %llu is not below %d",
				    o->name, nid, MAX_NUMNODES);
		act->nid = (int)nid;
	}
	return 0;
}

static const struct option_def *find_option(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		if (strlen(options[i].name) == len &&
		    !strncmp(options[i].name, name, len))
			return &options[i];
	return NULL;
}

static int parse_desc_size(const struct option_def *o, const char *arg,
			   struct map_args *args, char *err, size_t err_len)
{
	unsigned long long v;

	if (parse_field(o->name, "size", arg, &v, err, err_len))
		return -1;
	if (v < 40 || v > 4096 || (v & 7))
		return fail(err, err_len,
			    "%s: %s is not a descriptor size (40 to 4096, a multiple of 8)",
			    o->name, arg);
	args->efi_desc_size = (size_t)v;
	return 0;
}

static int parse_dmesg_source(const struct option_def *o, const char *arg,
			      struct map_args *args, char *err, size_t err_len)
{
	if (!strcmp(arg, "auto"))
		args->dmesg_source = MAP_DMESG_AUTO;
	else if (!strcmp(arg, "e820"))
		args->dmesg_source = MAP_DMESG_E820;
	else if (!strcmp(arg, "efi"))
		args->dmesg_source = MAP_DMESG_EFI;
	else
		return fail(err, err_len, "%s: '%s' is not auto, e820 or efi",
			    o->name, arg);
	return 0;
}

/**
 * map_parse_args - parse the whole command line
 * @argc: from main()
 * @argv: from main(); the strings are used in place
 * @args: receives the actions (free @args->acts when done)
 * @err: receives a one-line message (no newline) on error
 * @err_len: size of @err
 *
 * Options are "--name value" or "--name=value". The value of an option
 * whose value may be left out (--sysfs) is the next argument only if it
 * does not start with '-'.
 *
 * Return: 0, or -1 with @err set.
 */
int map_parse_args(int argc, char **argv, struct map_args *args, char *err,
		   size_t err_len)
{
	int i;

	memset(args, 0, sizeof(*args));
	args->efi_desc_size = DEFAULT_EFI_DESC_SIZE;
	args->acts = calloc((size_t)argc + 1, sizeof(*args->acts));
	if (!args->acts)
		return fail(err, err_len, "out of memory");
	if (argc < 2)
		return fail(err, err_len, "nothing to do (try --help)");

	for (i = 1; i < argc; i++) {
		const char *name = argv[i], *value = NULL;
		const char *eq = strchr(name, '=');
		const struct option_def *o;
		struct map_action *act;

		o = find_option(name, eq ? (size_t)(eq - name) : strlen(name));
		if (!o && !strcmp(name, "-h"))
			o = find_option("--help", 6);
		if (!o)
			return fail(err, err_len, "unknown option '%s' (try --help)",
				    name);
		if (o->kind == ARG_NONE || o->kind == ARG_HELP) {
			if (eq)
				return fail(err, err_len, "%s takes no value",
					    o->name);
		} else if (eq) {
			value = eq + 1;
		} else if (o->kind == ARG_OPT_DIR) {
			value = i + 1 < argc && argv[i + 1][0] != '-' ?
					argv[++i] : MAP_SYSFS_DEFAULT;
		} else if (i + 1 < argc) {
			value = argv[++i];
		} else {
			return fail(err, err_len, "%s needs %s", o->name,
				    o->metavar);
		}
		if (value && !*value)
			return fail(err, err_len, "%s: empty %s", o->name,
				    o->metavar);

		if (o->kind == ARG_HELP) {
			args->help = true;
			continue;
		}
		if (o->kind == ARG_DESC_SIZE) {
			if (parse_desc_size(o, value, args, err, err_len))
				return -1;
			continue;
		}
		if (o->kind == ARG_DMESG_SOURCE) {
			if (parse_dmesg_source(o, value, args, err, err_len))
				return -1;
			continue;
		}
		act = &args->acts[args->nr_acts++];
		act->op = o->op;
		act->opt = o->name;
		act->nid = NUMA_NO_NODE;
		if (o->kind == ARG_FILE || o->kind == ARG_OPT_DIR)
			act->file = value;
		else if (o->kind != ARG_NONE &&
			 parse_numbers(o, value, act, err, err_len))
			return -1;
	}
	return 0;
}
