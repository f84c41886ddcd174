// SPDX-License-Identifier: MIT
/*
 * fuzz_multiboot1.c - libFuzzer target for memblock_import_multiboot1()
 * (fw_fuzz.h); the payload is the mmap buffer (mmap_addr, mmap_length).
 */
#include "fw_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memblock_fw_stats stats;
	const void *map;
	uint8_t param;
	size_t len;

	if (!fw_fuzz_input(data, size, &param, &map, &len))
		return 0;
	fw_fuzz_check("multiboot1", memblock_import_multiboot1(map, len, &stats));
	return 0;
}
