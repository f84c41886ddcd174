/* SPDX-License-Identifier: MIT */
/*
 * map.h - what the parts of memblock-map share.
 */
#ifndef MEMBLOCK_MAP_H
#define MEMBLOCK_MAP_H

#include <stdbool.h>
#include <stdint.h>
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
	OP_DMESG,
	OP_SYSFS,
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

/* Which lines of a boot log --dmesg imports (--dmesg-source). */
enum map_dmesg_source {
	MAP_DMESG_AUTO,	/* E820 if the log has it, else UEFI */
	MAP_DMESG_E820,
	MAP_DMESG_EFI,
};

/* The binary form a text map is turned into. */
enum map_table_kind {
	MAP_TABLE_E820,	/* packed 20-byte entries, memblock_import_e820() */
	MAP_TABLE_EFI,	/* 40-byte descriptors, memblock_import_efi() */
};

/**
 * struct map_table - a firmware table rebuilt from text
 * @data: the table (malloc'ed)
 * @len: its length in bytes
 * @kind: its format
 */
struct map_table {
	unsigned char *data;
	size_t len;
	enum map_table_kind kind;
};

/**
 * struct map_entry - one range read from text
 * @base: first byte
 * @size: length in bytes (0: an empty range, which the importer skips)
 * @attr: UEFI attribute (0 for E820)
 * @type: E820 or UEFI type
 * @where: line number (boot log) or entry number (sysfs), for messages
 */
struct map_entry {
	u64 base, size, attr;
	uint32_t type;
	unsigned long where;
};

/**
 * struct map_entries - the ranges of one text map, in the order read
 * @v: the entries
 * @n: how many
 * @cap: room in @v
 * @name: the file or directory, for messages
 * @sep: ':' (name:line) or '/' (directory/entry) in messages
 */
struct map_entries {
	struct map_entry *v;
	size_t n, cap;
	const char *name;
	char sep;
};

/**
 * struct map_action - one option of the command line, parsed
 * @op: what to do
 * @opt: the option as written, for messages
 * @file: the file argument of inputs and outputs
 * @a: base (ranges) or size (--alloc)
 * @b: size (ranges) or alignment (--alloc)
 * @nid: node of --add and --add-driver-managed, NUMA_NO_NODE if not given
 * @data: contents of an input file, read before any action runs (for
 *	--dmesg and --sysfs: the binary table rebuilt from it)
 * @len: its length
 * @table: for --dmesg and --sysfs, the format of @data
 */
struct map_action {
	enum map_op op;
	const char *opt;
	const char *file;
	phys_addr_t a, b;
	int nid;
	unsigned char *data;
	size_t len;
	enum map_table_kind table;
};

/**
 * struct map_args - the whole command line, parsed
 * @acts: the actions, in command-line order
 * @nr_acts: how many
 * @efi_desc_size: descriptor size for every --efi
 * @dmesg_source: which lines every --dmesg imports
 * @help: --help was given
 */
struct map_args {
	struct map_action *acts;
	size_t nr_acts;
	size_t efi_desc_size;
	enum map_dmesg_source dmesg_source;
	bool help;
};

/* The default directory of --sysfs. */
#define MAP_SYSFS_DEFAULT "/sys/firmware/memmap"

/* args.c */
int map_parse_number(const char *s, unsigned long long *out);
int map_parse_args(int argc, char **argv, struct map_args *args,
		   char *err, size_t err_len);
void map_usage(FILE *f);

/* table.c */
void map_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int map_fail(char *err, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int map_parse_hex(const char *s, bool need_0x, u64 *out);
int map_entries_add(struct map_entries *l, unsigned long where, u64 first,
		    u64 end, bool inclusive, uint32_t type, u64 attr, char *err,
		    size_t err_len);
int map_entries_to_table(const struct map_entries *l, enum map_table_kind kind,
			 struct map_table *out, char *err, size_t err_len);
int map_e820_type(const char *name, size_t len, uint32_t *type);

/* dmesg.c */
int map_dmesg_parse(const char *name, const char *text, size_t len,
		    enum map_dmesg_source source, struct map_table *out,
		    char *err, size_t err_len);

/* sysfs.c */
int map_sysfs_read(const char *dir, struct map_table *out, char *err,
		   size_t err_len);

/* svg.c */
int map_write_svg(FILE *f, const char *title);

#endif /* MEMBLOCK_MAP_H */
