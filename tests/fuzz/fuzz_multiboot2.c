// SPDX-License-Identifier: MIT
/*
 * fuzz_multiboot2.c - libFuzzer target for memblock_import_multiboot2()
 * (fw_fuzz.h); the payload is the boot information, tags and all. With
 * parameter bit 1 set, max_size is smaller than the payload by param >> 2.
 */
#include "fw_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memblock_fw_stats stats;
	const void *mbi;
	uint8_t param;
	size_t len;

	if (!fw_fuzz_input(data, size, &param, &mbi, &len))
		return 0;
	if ((param & 2) && (size_t)(param >> 2) <= len)
		len -= param >> 2;
	fw_fuzz_check("multiboot2", memblock_import_multiboot2(mbi, len, &stats));
	return 0;
}
