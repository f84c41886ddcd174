// SPDX-License-Identifier: MIT
/*
 * fuzz_efi.c - libFuzzer target for memblock_import_efi() (fw_fuzz.h).
 * The parameter picks the descriptor size: 40 + 8 * ((param >> 1) & 3), or
 * any size at all when bit 3 is set.
 */
#include "fw_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memblock_fw_stats stats;
	const void *map;
	uint8_t param;
	size_t len, dsz;

	if (!fw_fuzz_input(data, size, &param, &map, &len))
		return 0;
	dsz = 40 + 8 * ((param >> 1) & 3);
	if (param & 8)
		dsz = param >> 4;
	fw_fuzz_check("efi", memblock_import_efi(map, len, dsz, &stats));
	return 0;
}
