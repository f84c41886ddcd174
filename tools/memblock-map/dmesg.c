// SPDX-License-Identifier: MIT
/*
 * dmesg.c - the firmware memory map out of a Linux boot log (--dmesg).
 *
 * Linux prints the map the firmware gave it early in every boot. The lines
 * read here, wherever they stand in a line (after a "[    0.000000] "
 * timestamp, a "[    0.000000][    T0] " caller id, a syslog or journal
 * prefix such as "Dec 14 09:17:43 host kernel: ", or "> " quoting):
 *
 *   BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable
 *   BIOS-e820: [mem 0x0000000000100000-0x00000000a40b6fff]  System RAM
 *   BIOS-e820: [gap 0x00000000af800000-0x00000000fed1ffff]
 *   BIOS-e820: 0000000000000000 - 000000000009f800 (usable)
 *   efi: mem07: [Conventional|   |  |...|WB|WT|WC|UC] range=[0x...-0x...fff] (7MB)
 *   efi: mem19: [Boot Data          |   |...|UC] range=[0x...-0x...000) (0MB)
 *   efi: mem64: type=4, attr=0xf, range=[0x...-0x...000) (0MB)
 *   efi:   0x000090000000-0x000091ffffff [Conventional|   |...|WB|WT|WC|UC]
 *
 * Ends in "[...]" are inclusive, ends in "[...)" and in the old
 * "S - E (type)" form exclusive. The "efi:" lines appear only when the
 * kernel was booted with efi=debug; the last form is arm64's and riscv's.
 * "[gap ...]" lines (Linux 7.0 and later) describe holes and add nothing.
 * Every other line, including Linux's later edits of its own copy of the
 * map ("e820: update", "reserve setup_data:", "user:"), is ignored.
 *
 * A line that starts as one of these and then does not parse is an error
 * with its line number. So is a second map (a log of several boots), found
 * by a second "BIOS-provided physical RAM map" or "Processing EFI memory
 * map" heading or by UEFI descriptor numbers starting again.
 *
 * The ranges become the binary table firmware would have handed over
 * (table.c), read by the library's importer.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <memblock/fw.h>

#include "map.h"

#define E820_HEADING "BIOS-provided physical RAM map"
#define EFI_HEADING "efi: Processing EFI memory map"

/**
 * struct dmesg - the state of one log being read
 * @e820: the E820 ranges
 * @efi: the UEFI ranges
 * @line: number of the line being read (from 1)
 * @err: receives the message of the first error
 * @err_len: its size
 * @e820_heading: line of the E820 heading, 0 if none yet
 * @efi_heading: line of the arm64/riscv UEFI heading, 0 if none yet
 * @efi_index: number of the last "efi: memNN:" line, -1 if none yet
 * @efi_index_line: its line
 * @x86_efi_line: first "efi: memNN:" line, 0 if none
 * @arm_efi_line: first "efi:   0x..." line, 0 if none
 */
struct dmesg {
	struct map_entries e820, efi;
	unsigned long line;
	char *err;
	size_t err_len;
	unsigned long e820_heading, efi_heading;
	long efi_index;
	unsigned long efi_index_line;
	unsigned long x86_efi_line, arm_efi_line;
};

/* "log:17: " + message; always returns -1. */
static int bad(struct dmesg *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int bad(struct dmesg *d, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return map_fail(d->err, d->err_len, "%s:%lu: %s", d->e820.name,
			d->line, msg);
}

static const char *skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/*
 * @word where it starts a field of @line: at the start, or after a space,
 * a tab, ']' (the timestamp) or '>' (quoting). NULL if it does not occur.
 */
static const char *find_word(const char *line, const char *word)
{
	const char *p = line;

	while ((p = strstr(p, word))) {
		if (p == line || p[-1] == ' ' || p[-1] == '\t' ||
		    p[-1] == ']' || p[-1] == '>')
			return p;
		p++;
	}
	return NULL;
}

/* A hex number at *@p (with "0x" if @need_0x); *@p moves past it. */
static int hex_at(struct dmesg *d, const char **p, bool need_0x, u64 *v,
		  const char *what)
{
	int n = map_parse_hex(*p, need_0x, v);

	if (n < 0)
		return bad(d, "the %s address does not fit in 64 bits", what);
	if (!n)
		return bad(d, "expected the %s address (%shex) at '%.20s'",
			   what, need_0x ? "0x" : "", *p);
	*p += n;
	return 0;
}

/* "0xSTART-0xEND" at *@p; *@p moves past it. */
static int range_at(struct dmesg *d, const char **p, u64 *first, u64 *end)
{
	if (hex_at(d, p, true, first, "start"))
		return -1;
	if (**p != '-')
		return bad(d, "expected '-' after the start address, got '%.20s'",
			   *p);
	(*p)++;
	return hex_at(d, p, true, end, "end");
}

/* --- E820 ------------------------------------------------------------------ */

static int e820_type(struct dmesg *d, const char *name, size_t len,
		     uint32_t *type)
{
	if (!len)
		return bad(d, "the E820 type is missing after the range");
	if (map_e820_type(name, len, type))
		return bad(d, "unknown E820 type '%.*s' (usable, System RAM, reserved, device reserved, ACPI data, ACPI NVS, unusable, persistent (type N), soft reserved, type N)",
			   (int)(len > 40 ? 40 : len), name);
	return 0;
}

/* "BIOS-e820: START - END (type)": older kernels (2.x), exclusive end. */
static int parse_e820_old(struct dmesg *d, const char *p)
{
	u64 first, end;
	uint32_t type;
	size_t len;

	if (hex_at(d, &p, false, &first, "start"))
		return -1;
	p = skip_spaces(p);
	if (*p != '-')
		return bad(d, "expected 'START - END (type)' after BIOS-e820:");
	p = skip_spaces(p + 1);
	if (hex_at(d, &p, false, &end, "end"))
		return -1;
	if (*p != ' ' && *p != '\t')
		return bad(d, "expected a space and the type after the end address");
	p = skip_spaces(p);
	len = strlen(p);
	if (len >= 2 && p[0] == '(' && p[len - 1] == ')') {
		p++;
		len -= 2;
	}
	if (e820_type(d, p, len, &type))
		return -1;
	return map_entries_add(&d->e820, d->line, first, end, false, type, 0,
			       d->err, d->err_len);
}

/* "BIOS-e820: [mem START-END] type" or "[gap START-END]": inclusive. */
static int parse_e820(struct dmesg *d, const char *p)
{
	bool gap;
	u64 first, end;
	uint32_t type;

	p = skip_spaces(p);
	if (isxdigit((unsigned char)*p))
		return parse_e820_old(d, p);
	if (strncmp(p, "[mem ", 5) && strncmp(p, "[gap ", 5))
		return bad(d, "expected '[mem 0xSTART-0xEND] TYPE' after BIOS-e820:, got '%.20s'",
			   p);
	gap = p[1] == 'g';
	p += 5;
	if (range_at(d, &p, &first, &end))
		return -1;
	if (*p != ']')
		return bad(d, "expected ']' after the end address, got '%.20s'",
			   p);
	p++;
	if (gap)	/* a hole between entries: nothing to import */
		return *p ? bad(d, "unexpected '%.20s' after a [gap ...]", p) :
			    0;
	if (*p && *p != ' ' && *p != '\t')
		return bad(d, "expected a space and the type after ']'");
	p = skip_spaces(p);
	if (e820_type(d, p, strlen(p), &type))
		return -1;
	return map_entries_add(&d->e820, d->line, first, end, true, type, 0,
			       d->err, d->err_len);
}

/* --- UEFI ------------------------------------------------------------------ */

static const struct {
	const char *name;
	uint32_t type;
} efi_names[] = {
	/* The long names of older kernels and the 12-character ones of
	 * newer kernels, both as seen in real logs. */
	{ "Reserved", MEMBLOCK_EFI_RESERVED_TYPE },
	{ "Loader Code", MEMBLOCK_EFI_LOADER_CODE },
	{ "Loader Data", MEMBLOCK_EFI_LOADER_DATA },
	{ "Boot Code", MEMBLOCK_EFI_BOOT_SERVICES_CODE },
	{ "Boot Data", MEMBLOCK_EFI_BOOT_SERVICES_DATA },
	{ "Runtime Code", MEMBLOCK_EFI_RUNTIME_SERVICES_CODE },
	{ "Runtime Data", MEMBLOCK_EFI_RUNTIME_SERVICES_DATA },
	{ "Conventional Memory", MEMBLOCK_EFI_CONVENTIONAL_MEMORY },
	{ "Conventional", MEMBLOCK_EFI_CONVENTIONAL_MEMORY },
	{ "Unusable Memory", MEMBLOCK_EFI_UNUSABLE_MEMORY },
	{ "Unusable", MEMBLOCK_EFI_UNUSABLE_MEMORY },
	{ "ACPI Reclaim Memory", MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY },
	{ "ACPI Reclaim", MEMBLOCK_EFI_ACPI_RECLAIM_MEMORY },
	{ "ACPI Memory NVS", MEMBLOCK_EFI_ACPI_MEMORY_NVS },
	{ "ACPI Mem NVS", MEMBLOCK_EFI_ACPI_MEMORY_NVS },
	{ "Memory Mapped I/O", MEMBLOCK_EFI_MEMORY_MAPPED_IO },
	{ "MMIO", MEMBLOCK_EFI_MEMORY_MAPPED_IO },
	{ "MMIO Port Space", MEMBLOCK_EFI_MEMORY_MAPPED_IO_PORT_SPACE },
	{ "MMIO Port", MEMBLOCK_EFI_MEMORY_MAPPED_IO_PORT_SPACE },
	{ "PAL Code", MEMBLOCK_EFI_PAL_CODE },
	{ "Persistent Memory", MEMBLOCK_EFI_PERSISTENT_MEMORY },
	{ "Persistent", MEMBLOCK_EFI_PERSISTENT_MEMORY },
	{ "Unaccepted Memory", MEMBLOCK_EFI_UNACCEPTED_MEMORY },
	{ "Unaccepted", MEMBLOCK_EFI_UNACCEPTED_MEMORY },
};

/* The attribute columns, by the abbreviations Linux prints. */
static const struct {
	const char *name;
	u64 bit;
} efi_attrs[] = {
	{ "UC", MEMBLOCK_EFI_MEMORY_UC },
	{ "WC", MEMBLOCK_EFI_MEMORY_WC },
	{ "WT", MEMBLOCK_EFI_MEMORY_WT },
	{ "WB", MEMBLOCK_EFI_MEMORY_WB },
	{ "UCE", MEMBLOCK_EFI_MEMORY_UCE },
	{ "WP", MEMBLOCK_EFI_MEMORY_WP },
	{ "RP", MEMBLOCK_EFI_MEMORY_RP },
	{ "XP", MEMBLOCK_EFI_MEMORY_XP },
	{ "NV", MEMBLOCK_EFI_MEMORY_NV },
	{ "MR", MEMBLOCK_EFI_MEMORY_MORE_RELIABLE },
	{ "RO", MEMBLOCK_EFI_MEMORY_RO },
	{ "SP", MEMBLOCK_EFI_MEMORY_SP },
	{ "RUN", MEMBLOCK_EFI_MEMORY_RUNTIME },
	{ "RT", MEMBLOCK_EFI_MEMORY_RUNTIME },	/* some older kernels */
};

/* @s (@len bytes) without the spaces around it. */
static void trim(const char **s, size_t *len)
{
	while (*len && isspace((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

/*
 * Capital letters and digits, at most four: an attribute column of a
 * kernel newer than this table. The importer needs only WB, WT, WC, MR,
 * SP and RUN, so it is skipped.
 */
static bool unknown_column(const char *s, size_t len)
{
	if (!len || len > 4 || !isupper((unsigned char)s[0]))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!isupper((unsigned char)s[i]) &&
		    !isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int efi_column(struct dmesg *d, const char *s, size_t len, u64 *attr)
{
	size_t i;

	trim(&s, &len);
	if (!len)
		return 0;
	if (len > 7 && !strncmp(s, "attr=0x", 7)) {
		/* An attribute Linux has no columns for: it prints it whole. */
		u64 v;
		int n = map_parse_hex(s + 5, true, &v);

		if (n <= 0 || (size_t)n != len - 5)
			return bad(d, "bad attribute '%.*s'", (int)len, s);
		*attr |= v;
		return 0;
	}
	for (i = 0; i < sizeof(efi_attrs) / sizeof(efi_attrs[0]); i++) {
		if (strlen(efi_attrs[i].name) == len &&
		    !memcmp(efi_attrs[i].name, s, len)) {
			*attr |= efi_attrs[i].bit;
			return 0;
		}
	}
	if (unknown_column(s, len))
		return 0;
	return bad(d, "'%.*s' is not a UEFI attribute column", (int)len, s);
}

/* "[Type name|col|col|...|col]" at *@p; *@p moves past the ']'. */
static int efi_bracket(struct dmesg *d, const char **p, uint32_t *type,
		       u64 *attr)
{
	const char *s = *p + 1, *bar = strchr(s, '|'), *close = strchr(s, ']');
	size_t len, i;

	if (!bar || !close || close < bar)
		return bad(d, "expected '[TYPE|ATTRIBUTES]', got '%.30s'", *p);
	len = (size_t)(bar - s);
	trim(&s, &len);
	for (i = 0; i < sizeof(efi_names) / sizeof(efi_names[0]); i++)
		if (strlen(efi_names[i].name) == len &&
		    !memcmp(efi_names[i].name, s, len))
			break;
	if (i == sizeof(efi_names) / sizeof(efi_names[0]))
		return bad(d, "unknown UEFI memory type '%.*s'",
			   (int)(len > 30 ? 30 : len), s);
	*type = efi_names[i].type;
	*attr = 0;
	for (s = bar + 1; s <= close; s = bar + 1) {
		bar = memchr(s, '|', (size_t)(close - s));
		if (!bar)
			bar = close;
		if (efi_column(d, s, (size_t)(bar - s), attr))
			return -1;
	}
	*p = close + 1;
	return 0;
}

/* "type=N, attr=0xA, " (older kernels): the type and attribute as numbers. */
static int efi_numbers(struct dmesg *d, const char **p, uint32_t *type,
		       u64 *attr)
{
	char *end;
	unsigned long v = strtoul(*p + 5, &end, 10);
	int n;

	if (end == *p + 5 || v > 0xffffffffUL || strncmp(end, ", attr=", 7))
		return bad(d, "expected 'type=N, attr=0xA, range=[...' after the descriptor number");
	*type = (uint32_t)v;
	n = map_parse_hex(end + 7, true, attr);
	if (n <= 0 || strncmp(end + 7 + n, ", ", 2))
		return bad(d, "expected 'attr=0xA, ' after type=%lu", v);
	*p = end + 7 + n + 2;
	return 0;
}

static int efi_add(struct dmesg *d, u64 first, u64 end, bool inclusive,
		   uint32_t type, u64 attr)
{
	return map_entries_add(&d->efi, d->line, first, end, inclusive, type,
			       attr, d->err, d->err_len);
}

/* "efi: memNN: [...] range=[START-END] (size)" and its older forms. */
static int parse_efi_x86(struct dmesg *d, const char *p)
{
	unsigned long idx = 0;
	uint32_t type;
	u64 attr, first, end;
	bool inclusive;

	for (; isdigit((unsigned char)*p); p++)
		idx = idx * 10 + (unsigned long)(*p - '0');
	if (*p++ != ':')
		return bad(d, "expected ':' after the descriptor number");
	if (d->efi_index >= 0 && (long)idx <= d->efi_index)
		return bad(d, "mem%02lu follows mem%02ld of line %lu: a second UEFI map (a log of several boots?); give the lines of one boot",
			   idx, d->efi_index, d->efi_index_line);
	d->efi_index = (long)idx;
	d->efi_index_line = d->line;
	if (!d->x86_efi_line)
		d->x86_efi_line = d->line;

	p = skip_spaces(p);
	if (!strncmp(p, "type=", 5)) {
		if (efi_numbers(d, &p, &type, &attr))
			return -1;
	} else if (*p == '[') {
		if (efi_bracket(d, &p, &type, &attr))
			return -1;
		p = skip_spaces(p);
	} else {
		return bad(d, "expected '[TYPE|ATTRIBUTES]' or 'type=' after mem%02lu:",
			   idx);
	}
	if (strncmp(p, "range=[", 7))
		return bad(d, "expected 'range=[' after the type, got '%.20s'",
			   p);
	p += 7;
	if (range_at(d, &p, &first, &end))
		return -1;
	if (*p != ']' && *p != ')')
		return bad(d, "expected ']' or ')' after the end address, got '%.20s'",
			   p);
	inclusive = *p++ == ']';
	p = skip_spaces(p);
	if (*p && (*p != '(' || p[strlen(p) - 1] != ')'))
		return bad(d, "unexpected '%.20s' after the range", p);
	return efi_add(d, first, end, inclusive, type, attr);
}

/* "efi:   0xSTART-0xEND [Type|...]" (arm64, riscv): inclusive. */
static int parse_efi_arm(struct dmesg *d, const char *p)
{
	uint32_t type;
	u64 attr, first, end;

	if (!d->arm_efi_line)
		d->arm_efi_line = d->line;
	if (range_at(d, &p, &first, &end))
		return -1;
	p = skip_spaces(p);
	if (*p != '[')
		return bad(d, "expected '[TYPE|ATTRIBUTES]' after the range");
	if (efi_bracket(d, &p, &type, &attr))
		return -1;
	if (*skip_spaces(p))
		return bad(d, "unexpected '%.20s' after ']'", p);
	return efi_add(d, first, end, true, type, attr);
}

/* --- Lines ------------------------------------------------------------------ */

static int heading(struct dmesg *d, unsigned long *seen, const char *what)
{
	if (*seen)
		return bad(d, "a second '%s' (the first is on line %lu): a log of several boots? Give the lines of one boot",
			   what, *seen);
	*seen = d->line;
	return 0;
}

/* One line, without its newline and trailing white space. */
static int parse_line(struct dmesg *d, const char *line)
{
	const char *p;

	if (find_word(line, E820_HEADING))
		return heading(d, &d->e820_heading, E820_HEADING);
	if ((p = find_word(line, "BIOS-e820:")))
		return parse_e820(d, p + 10);
	if (find_word(line, EFI_HEADING))
		return heading(d, &d->efi_heading, EFI_HEADING);
	p = find_word(line, "efi:");
	if (!p)
		p = find_word(line, "EFI:");	/* older kernels */
	if (!p)
		return 0;
	p += 4;
	if (p[0] == ' ' && !strncmp(p + 1, "mem", 3) &&
	    isdigit((unsigned char)p[4]))
		return parse_efi_x86(d, p + 4);
	p = skip_spaces(p);
	if (p[0] == '0' && p[1] == 'x')
		return parse_efi_arm(d, p);
	return 0;	/* another efi: line */
}

/* Pick the map and check there is one. */
static int choose(struct dmesg *d, enum map_dmesg_source source,
		  enum map_table_kind *kind)
{
	const char *name = d->e820.name;

	if (d->x86_efi_line && d->arm_efi_line)
		return map_fail(d->err, d->err_len,
				"%s: both x86 UEFI lines (line %lu) and arm64/riscv ones (line %lu): logs of two machines? Give one",
				name, d->x86_efi_line, d->arm_efi_line);
	if (source == MAP_DMESG_AUTO)
		source = d->e820.n ? MAP_DMESG_E820 : MAP_DMESG_EFI;
	*kind = source == MAP_DMESG_E820 ? MAP_TABLE_E820 : MAP_TABLE_EFI;
	if (d->e820.n || d->efi.n) {
		if (source == MAP_DMESG_E820 && !d->e820.n)
			return map_fail(d->err, d->err_len,
					"%s: no BIOS-e820 lines (--dmesg-source e820)",
					name);
		if (source == MAP_DMESG_EFI && !d->efi.n)
			return map_fail(d->err, d->err_len,
					"%s: no UEFI memory map lines (--dmesg-source efi; Linux prints them when booted with efi=debug)",
					name);
		return 0;
	}
	return map_fail(d->err, d->err_len,
			"%s: no memory map in this log: no 'BIOS-e820:' lines, and no 'efi: memNN:' or 'efi:   0x...' lines (those need efi=debug)",
			name);
}

/**
 * map_dmesg_parse - read the firmware memory map of a Linux boot log
 * @name: the file, for messages
 * @text: the log
 * @len: its length
 * @source: which map to take when the log has both (MAP_DMESG_AUTO: the
 *	E820 one, which is the map Linux itself uses on x86; the x86 EFI stub
 *	builds it from the UEFI map)
 * @out: receives the binary table
 * @err: receives a one-line message on error
 * @err_len: its size
 *
 * Return: 0, or -1 with @err set.
 */
int map_dmesg_parse(const char *name, const char *text, size_t len,
		    enum map_dmesg_source source, struct map_table *out,
		    char *err, size_t err_len)
{
	struct dmesg d = { .e820 = { .name = name, .sep = ':' },
			   .efi = { .name = name, .sep = ':' },
			   .err = err, .err_len = err_len, .efi_index = -1 };
	enum map_table_kind kind = MAP_TABLE_E820;
	char *buf = NULL;
	size_t cap = 0, start = 0;
	int ret = -1;

	if (memchr(text, '\0', len)) {
		map_fail(err, err_len,
			 "%s: not a text file (it holds NUL bytes); --dmesg reads a boot log",
			 name);
		goto out;
	}
	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t n = nl ? (size_t)(nl - (text + start)) : len - start;

		d.line++;
		if (n + 1 > cap) {
			char *nb = realloc(buf, n + 1);

			if (!nb) {
				map_fail(err, err_len, "%s: out of memory",
					 name);
				goto out;
			}
			buf = nb;
			cap = n + 1;
		}
		memcpy(buf, text + start, n);
		while (n && isspace((unsigned char)buf[n - 1]))
			n--;	/* trailing spaces and a DOS '\r' */
		buf[n] = '\0';
		if (parse_line(&d, buf))
			goto out;
		start += (nl ? (size_t)(nl - (text + start)) + 1 : len - start);
	}
	if (choose(&d, source, &kind))
		goto out;
	ret = map_entries_to_table(kind == MAP_TABLE_E820 ? &d.e820 : &d.efi,
				   kind, out, err, err_len);
out:
	free(buf);
	free(d.e820.v);
	free(d.efi.v);
	return ret;
}
