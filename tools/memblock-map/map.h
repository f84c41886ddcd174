/* SPDX-License-Identifier: MIT */
/*
 * map.h - what the parts of memblock-map share.
 */
#ifndef MEMBLOCK_MAP_H
#define MEMBLOCK_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <memblock.h>

/* Exit statuses: 1 an operation failed, 2 bad arguments or input files. */
#define MAP_EXIT_FAIL 1
#define MAP_EXIT_USAGE 2

enum map_op {
	OP_DTB,
	OP_E820,
	OP_EFI,
	OP_MULTIBOOT2,
	OP_LIMINE,
	OP_ADD,
	OP_ADD_DRIVER_MANAGED,
	OP_RESERVE,
	OP_MARK_NOMAP,
	OP_ALLOC,
	OP_EXPLAIN,
	OP_DUMP,
	OP_FREE,
	OP_EXPORT_E820,
	OP_SVG,
};

/**
 * struct map_action - one option of the command line, parsed
 * @op: what to do
 * @opt: the option as written, for messages
 * @file: the file argument of inputs and outputs
 * @a: base (ranges) or size (--alloc)
 * @b: size (ranges) or alignment (--alloc)
 * @nid: node of --add and --add-driver-managed, NUMA_NO_NODE if not given
 * @data: contents of an input file, read before any action runs
 * @len: its length
 */
struct map_action {
	enum map_op op;
	const char *opt;
	const char *file;
	phys_addr_t a, b;
	int nid;
	unsigned char *data;
	size_t len;
};

/**
 * struct map_args - the whole command line, parsed
 * @acts: the actions, in command-line order
 * @nr_acts: how many
 * @efi_desc_size: descriptor size for every --efi
 * @help: --help was given
 */
struct map_args {
	struct map_action *acts;
	size_t nr_acts;
	size_t efi_desc_size;
	bool help;
};

/* args.c */
int map_parse_number(const char *s, unsigned long long *out);
int map_parse_args(int argc, char **argv, struct map_args *args,
		   char *err, size_t err_len);
void map_usage(FILE *f);

/* svg.c */
int map_write_svg(FILE *f, const char *title);

#endif /* MEMBLOCK_MAP_H */
