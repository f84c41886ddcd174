// SPDX-License-Identifier: MIT
/*
 * table.c - firmware map entries read from text (a boot log, sysfs) turned
 * back into the binary table firmware hands over: packed 20-byte E820
 * entries or 40-byte UEFI descriptors. The tool then gives that table to
 * the library's own importer, exactly as it does with --e820 and --efi, so
 * text and binary maps are read by the same code.
 *
 * What is checked here is only what the text can get wrong and the binary
 * format cannot say: a range whose end lies below its start, one that does
 * not fit in 64 bits, UEFI ranges that are not whole pages. Each message
 * names the line (or sysfs entry) it comes from. Everything else (overlaps
 * of E820 entries, zero sizes, which type means what) is left to the
 * importer, with a warning where the importer's silent choice may surprise.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <memblock/fw.h>

#include "map.h"

#define E820_ENTRY_SIZE 20
#define EFI_DESC_SIZE MEMBLOCK_EFI_DESC_MIN_SIZE
#define EFI_PAGE_SIZE (1ULL << MEMBLOCK_EFI_PAGE_SHIFT)

/**
 * map_warn - print a warning on stderr; the run goes on
 * @fmt: printf format, without the "memblock-map: " prefix and newline
 */
void map_warn(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("memblock-map: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/**
 * map_fail - format an error message into @err
 * @err: the buffer
 * @len: its size
 * @fmt: printf format
 *
 * Return: -1, for "return map_fail(...)".
 */
int map_fail(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
	return -1;
}

/* "log.txt:17" or "/sys/firmware/memmap/3": where entry @where came from. */
static void where_str(const struct map_entries *l, unsigned long where,
		      char *buf, size_t len)
{
	snprintf(buf, len, "%s%c%lu", l->name, l->sep, where);
}

/**
 * map_parse_hex - read a hexadecimal number
 * @s: the text; with @need_0x, it must start with "0x"
 * @need_0x: whether the "0x" prefix is required
 * @out: the value
 *
 * Reads hex digits until the first other character.
 *
 * Return: the number of characters read (prefix included), 0 when there is
 * no number, -1 when it does not fit in 64 bits.
 */
int map_parse_hex(const char *s, bool need_0x, u64 *out)
{
	const char *p = s;
	u64 v = 0;
	int digits = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	else if (need_0x)
		return 0;
	for (;; p++) {
		unsigned int d;

		if (*p >= '0' && *p <= '9')
			d = (unsigned int)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned int)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned int)(*p - 'A' + 10);
		else
			break;
		if (v >> 60)
			return -1;
		v = v << 4 | d;
		digits++;
	}
	if (!digits)
		return 0;
	*out = v;
	return (int)(p - s);
}

static int append(struct map_entries *l, const struct map_entry *e,
		  char *err, size_t err_len)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		struct map_entry *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return map_fail(err, err_len, "%s: out of memory",
					l->name);
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *e;
	return 0;
}

/**
 * map_entries_add - check one range read from text and keep it
 * @l: the list
 * @where: line number (or sysfs entry number) for messages
 * @first: the first byte
 * @end: the last byte (@inclusive) or the first byte after the range
 * @inclusive: how @end is meant; Linux prints inclusive ends today, and
 *	exclusive ones in old "BIOS-e820: S - E" and "range=[S-E)" lines
 * @type: E820 or UEFI type
 * @attr: UEFI attribute (0 for E820)
 * @err: message on error
 * @err_len: its size
 *
 * An empty range is kept (the importer skips it and counts it as ignored,
 * as Linux does) with a warning. For an inclusive end, "empty" is an end
 * just below the start; lower ends are errors. A range that would end at
 * 2^64 is refused here with its line number; the importers refuse it too
 * (-ERANGE), as Linux's E820 code treats it as an overflow.
 *
 * Return: 0, or -1 with @err set.
 */
int map_entries_add(struct map_entries *l, unsigned long where, u64 first,
		    u64 end, bool inclusive, uint32_t type, u64 attr, char *err,
		    size_t err_len)
{
	struct map_entry e = { .base = first, .type = type, .attr = attr,
			       .where = where };
	char at[320];

	where_str(l, where, at, sizeof(at));
	if (inclusive ? end + 1 < first && end != ~0ULL : end < first)
		return map_fail(err, err_len,
				"%s: the range ends (0x%llx) below its start (0x%llx)",
				at, (unsigned long long)end,
				(unsigned long long)first);
	if (inclusive && end == ~0ULL)
		return map_fail(err, err_len,
				"%s: the range [0x%llx-0x%llx] reaches the end of the 64-bit address space (its end, 2^64, does not fit in 64 bits)",
				at, (unsigned long long)first,
				(unsigned long long)end);
	e.size = inclusive ? end + 1 - first : end - first;
	if (!e.size)
		map_warn("%s: warning: empty range at 0x%llx, ignored (as Linux ignores it)",
			 at, (unsigned long long)first);
	return append(l, &e, err, err_len);
}

static bool overlap(const struct map_entry *a, const struct map_entry *b)
{
	return a->size && b->size && a->base < b->base + b->size &&
	       b->base < a->base + a->size;
}

static void put_le(unsigned char *p, u64 v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* E820 overlaps are legal (the importer sanitizes), but worth a word. */
static void warn_e820_overlaps(const struct map_entries *l)
{
	for (size_t i = 1; i < l->n; i++) {
		for (size_t j = 0; j < i; j++) {
			const struct map_entry *a = &l->v[i], *b = &l->v[j];
			char at[320];

			if (a->type == b->type || !overlap(a, b))
				continue;
			where_str(l, a->where, at, sizeof(at));
			map_warn("%s: warning: type %u overlaps type %u of %s %lu; where they overlap, the larger type wins (E820 is sanitized as Linux does)",
				 at, (unsigned int)a->type,
				 (unsigned int)b->type,
				 l->sep == ':' ? "line" : "entry", b->where);
			break;
		}
	}
}

/*
 * UEFI forbids overlapping descriptors: the importer refuses them when
 * their types differ, and this says on which lines; overlaps of one type
 * are imported, with a warning.
 */
static int check_efi(const struct map_entries *l, char *err, size_t err_len)
{
	char at[320];

	for (size_t i = 0; i < l->n; i++) {
		const struct map_entry *a = &l->v[i];

		where_str(l, a->where, at, sizeof(at));
		if ((a->base | a->size) & (EFI_PAGE_SIZE - 1))
			return map_fail(err, err_len,
					"%s: [0x%llx+0x%llx] is not whole 4 KiB pages, which a UEFI descriptor must be",
					at, (unsigned long long)a->base,
					(unsigned long long)a->size);
		for (size_t j = 0; j < i; j++) {
			const struct map_entry *b = &l->v[j];

			if (!overlap(a, b))
				continue;
			if (a->type != b->type)
				return map_fail(err, err_len,
						"%s: UEFI type %u overlaps type %u of line %lu (UEFI forbids overlapping descriptors)",
						at, (unsigned int)a->type,
						(unsigned int)b->type,
						b->where);
			map_warn("%s: warning: overlaps line %lu, of the same UEFI type (UEFI forbids overlapping descriptors; the importer takes both)",
				 at, b->where);
			break;
		}
	}
	return 0;
}

/**
 * map_entries_to_table - build the binary table of @l
 * @l: the entries, in the order read
 * @kind: E820 (20-byte entries) or UEFI (40-byte version 1 descriptors,
 *	virtual address 0)
 * @out: receives the table (malloc'ed) and its length
 * @err: message on error
 * @err_len: its size
 *
 * Return: 0, or -1 with @err set.
 */
int map_entries_to_table(const struct map_entries *l, enum map_table_kind kind,
			 struct map_table *out, char *err, size_t err_len)
{
	const size_t stride = kind == MAP_TABLE_E820 ? E820_ENTRY_SIZE :
						       EFI_DESC_SIZE;
	unsigned char *p;

	if (kind == MAP_TABLE_E820)
		warn_e820_overlaps(l);
	else if (check_efi(l, err, err_len))
		return -1;

	out->kind = kind;
	out->len = l->n * stride;
	out->data = calloc(l->n ? l->n : 1, stride);
	if (!out->data)
		return map_fail(err, err_len, "%s: out of memory", l->name);
	p = out->data;
	for (size_t i = 0; i < l->n; i++, p += stride) {
		const struct map_entry *e = &l->v[i];

		if (kind == MAP_TABLE_E820) {
			put_le(p, e->base, 8);
			put_le(p + 8, e->size, 8);
			put_le(p + 16, e->type, 4);
		} else {
			put_le(p, e->type, 4);
			put_le(p + 8, e->base, 8);
			put_le(p + 24, e->size >> MEMBLOCK_EFI_PAGE_SHIFT, 8);
			put_le(p + 32, e->attr, 8);
		}
	}
	return 0;
}

/* --- E820 type names ------------------------------------------------------ */

static const struct {
	const char *name;
	uint32_t type;
} e820_names[] = {
	/* What Linux prints after "BIOS-e820: [mem ...]" (and in old logs
	 * in parentheses); kernels from 7.0 print the /proc/iomem names. */
	{ "usable", MEMBLOCK_E820_TYPE_RAM },
	{ "System RAM", MEMBLOCK_E820_TYPE_RAM },
	{ "reserved", MEMBLOCK_E820_TYPE_RESERVED },
	{ "device reserved", MEMBLOCK_E820_TYPE_RESERVED },
	{ "ACPI data", MEMBLOCK_E820_TYPE_ACPI },
	{ "ACPI NVS", MEMBLOCK_E820_TYPE_NVS },
	{ "unusable", MEMBLOCK_E820_TYPE_UNUSABLE },
	{ "persistent (type 7)", MEMBLOCK_E820_TYPE_PMEM },
	{ "persistent (type 12)", MEMBLOCK_E820_TYPE_PRAM },
	{ "soft reserved", MEMBLOCK_E820_TYPE_SOFT_RESERVED },
	/* What /sys/firmware/memmap/N/type holds. */
	{ "Reserved", MEMBLOCK_E820_TYPE_RESERVED },
	{ "ACPI Tables", MEMBLOCK_E820_TYPE_ACPI },
	{ "ACPI Non-volatile Storage", MEMBLOCK_E820_TYPE_NVS },
	{ "Unusable memory", MEMBLOCK_E820_TYPE_UNUSABLE },
	{ "Persistent Memory (legacy)", MEMBLOCK_E820_TYPE_PRAM },
	{ "Persistent Memory", MEMBLOCK_E820_TYPE_PMEM },
	{ "Soft Reserved", MEMBLOCK_E820_TYPE_SOFT_RESERVED },
	/* sysfs gives no number for other types: reserved, as the importer
	 * treats any type it does not know. */
	{ "Unknown E820 type", MEMBLOCK_E820_TYPE_RESERVED },
};

/**
 * map_e820_type - the E820 type a name stands for
 * @name: a name as Linux prints it in "BIOS-e820:" lines or sysfs, or
 *	"type N" (N decimal, as Linux prints types it has no name for)
 * @len: its length (it need not be terminated)
 * @type: the type
 *
 * Return: 0, or -1 for a name that is none of these.
 */
int map_e820_type(const char *name, size_t len, uint32_t *type)
{
	unsigned long long v = 0;
	size_t i;

	for (i = 0; i < sizeof(e820_names) / sizeof(e820_names[0]); i++) {
		if (strlen(e820_names[i].name) == len &&
		    !memcmp(e820_names[i].name, name, len)) {
			*type = e820_names[i].type;
			return 0;
		}
	}
	if (len < 6 || len > 15 || memcmp(name, "type ", 5))
		return -1;
	for (i = 5; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		v = v * 10 + (unsigned long long)(name[i] - '0');
	}
	if (v > 0xffffffffULL)
		return -1;
	*type = (uint32_t)v;
	return 0;
}
