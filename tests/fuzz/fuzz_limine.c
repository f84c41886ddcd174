// SPDX-License-Identifier: MIT
/*
 * fuzz_limine.c - libFuzzer target for memblock_import_limine() (fw_fuzz.h).
 * The input is a packed array of 24-byte entries; the target builds the
 * pointer array the protocol hands over. Parameter bit 1 makes one of the
 * pointers NULL (which must be refused with memblock unchanged).
 */
#include "fw_fuzz.h"

static const struct memblock_limine_entry *limine_ptrs[(1 << 16) / 24 + 1];
static struct memblock_limine_entry limine_entries[(1 << 16) / 24 + 1];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memblock_fw_stats stats;
	const void *map;
	uint8_t param;
	size_t len, n;

	if (!fw_fuzz_input(data, size, &param, &map, &len))
		return 0;
	n = len / sizeof(limine_entries[0]);
	memcpy(limine_entries, map, n * sizeof(limine_entries[0]));
	for (size_t i = 0; i < n; i++)
		limine_ptrs[i] = &limine_entries[i];
	if ((param & 2) && n)
		limine_ptrs[param % n] = NULL;
	fw_fuzz_check("limine", memblock_import_limine(limine_ptrs, n, &stats));
	return 0;
}
