// SPDX-License-Identifier: MIT
/*
 * sysfs.c - the firmware memory map as Linux publishes it in
 * /sys/firmware/memmap (--sysfs).
 *
 * Each numbered directory is one entry of the map the firmware handed over
 * (on x86 the E820 table before Linux edits it): "start" and "end" hold
 * hexadecimal addresses with "0x", the end inclusive, and "type" a name
 * ("System RAM", "Reserved", "ACPI Tables", ...). The entries become a
 * binary E820 table (table.c) for the library's importer. Other files and
 * directories (a README beside a copied tree) are ignored.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

/* Longer than any start, end or type file Linux writes. */
#define FIELD_MAX 128

/* Entry numbers, sorted, so that messages and the table follow the map. */
static int cmp_ulong(const void *a, const void *b)
{
	const unsigned long x = *(const unsigned long *)a;
	const unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* A name of digits only: an entry. */
static bool entry_number(const char *name, unsigned long *n)
{
	char *end;

	if (!name[0] || strspn(name, "0123456789") != strlen(name) ||
	    strlen(name) > 9)
		return false;
	*n = strtoul(name, &end, 10);
	return true;
}

/* Entry numbers of @dir into *@nums (malloc'ed), sorted. */
static int list_entries(const char *dir, unsigned long **nums, size_t *count,
			char *err, size_t err_len)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0, cap = 0;
	unsigned long *v = NULL;

	if (!d)
		return map_fail(err, err_len, "%s: %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		unsigned long num;

		if (!entry_number(de->d_name, &num))
			continue;
		if (n == cap) {
			unsigned long *nv;

			cap = cap ? 2 * cap : 64;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv) {
				closedir(d);
				free(v);
				return map_fail(err, err_len,
						"%s: out of memory", dir);
			}
			v = nv;
		}
		v[n++] = num;
	}
	closedir(d);
	if (!n) {
		free(v);
		return map_fail(err, err_len,
				"%s: no numbered entries (is this a copy of /sys/firmware/memmap?)",
				dir);
	}
	qsort(v, n, sizeof(*v), cmp_ulong);
	*nums = v;
	*count = n;
	return 0;
}

/* DIR/N/FIELD, without its trailing newline, into @buf. */
static int read_field(const char *dir, unsigned long num, const char *field,
		      char *buf, char *err, size_t err_len)
{
	char path[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%lu/%s", dir, num, field);
	f = fopen(path, "r");
	if (!f)
		return map_fail(err, err_len, "%s: %s", path, strerror(errno));
	n = fread(buf, 1, FIELD_MAX, f);
	fclose(f);
	if (n == FIELD_MAX)
		return map_fail(err, err_len, "%s: longer than %d bytes",
				path, FIELD_MAX - 1);
	buf[n] = '\0';
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (!n || memchr(buf, '\0', n) || strchr(buf, '\n'))
		return map_fail(err, err_len, "%s: %s", path,
				n ? "not one line of text" : "empty");
	return 0;
}

static int read_address(const char *dir, unsigned long num, const char *field,
			u64 *v, char *err, size_t err_len)
{
	char buf[FIELD_MAX + 1];
	int n;

	if (read_field(dir, num, field, buf, err, err_len))
		return -1;
	n = map_parse_hex(buf, true, v);
	if (n < 0)
		return map_fail(err, err_len,
				"%s/%lu/%s: '%s' does not fit in 64 bits", dir,
				num, field, buf);
	if (!n || buf[n])
		return map_fail(err, err_len,
				"%s/%lu/%s: '%s' is not a 0x hex address", dir,
				num, field, buf);
	return 0;
}

static int read_entry(struct map_entries *l, unsigned long num, char *err,
		      size_t err_len)
{
	char type_name[FIELD_MAX + 1];
	u64 start, end;
	uint32_t type;

	if (read_address(l->name, num, "start", &start, err, err_len) ||
	    read_address(l->name, num, "end", &end, err, err_len) ||
	    read_field(l->name, num, "type", type_name, err, err_len))
		return -1;
	if (map_e820_type(type_name, strlen(type_name), &type))
		return map_fail(err, err_len,
				"%s/%lu/type: unknown memory type '%s' (System RAM, Reserved, ACPI Tables, ACPI Non-volatile Storage, Unusable memory, Persistent Memory, Persistent Memory (legacy), Soft Reserved, Unknown E820 type)",
				l->name, num, type_name);
	return map_entries_add(l, num, start, end, true, type, 0, err,
			       err_len);
}

/**
 * map_sysfs_read - read a /sys/firmware/memmap tree
 * @dir: the directory (a copy of the tree is fine)
 * @out: receives the map as a binary E820 table
 * @err: receives a one-line message on error
 * @err_len: its size
 *
 * Return: 0, or -1 with @err set.
 */
int map_sysfs_read(const char *dir, struct map_table *out, char *err,
		   size_t err_len)
{
	struct map_entries l = { .name = dir, .sep = '/' };
	unsigned long *nums = NULL;
	size_t count = 0, i;
	int ret = -1;

	if (list_entries(dir, &nums, &count, err, err_len))
		return -1;
	for (i = 0; i < count; i++)
		if (read_entry(&l, nums[i], err, err_len))
			goto out;
	ret = map_entries_to_table(&l, MAP_TABLE_E820, out, err, err_len);
out:
	free(nums);
	free(l.v);
	return ret;
}
