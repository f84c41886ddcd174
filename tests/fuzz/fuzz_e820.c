// SPDX-License-Identifier: MIT
/*
 * fuzz_e820.c - libFuzzer target for memblock_import_e820() (fw_fuzz.h).
 * Parameter bit 1 picks the entry size: 20 or 24 bytes; bit 2 set passes
 * a size neither is (which must be refused with memblock unchanged).
 */
#include "fw_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memblock_fw_stats stats;
	const void *map;
	uint8_t param;
	size_t len, esz;

	if (!fw_fuzz_input(data, size, &param, &map, &len))
		return 0;
	esz = (param & 2) ? 24 : 20;
	if (param & 4)
		esz = param >> 3;
	fw_fuzz_check("e820", memblock_import_e820(map, esz ? len / esz : 0,
						    esz, &stats));
	return 0;
}
