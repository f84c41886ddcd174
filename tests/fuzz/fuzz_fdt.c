// SPDX-License-Identifier: MIT
/*
 * fuzz_fdt.c - libFuzzer target for memblock_import_fdt() (fw_fuzz.h); the
 * payload is a flattened device tree blob. With parameter bit 1 set,
 * max_size is smaller than the payload by param >> 2. After the import
 * attempt, the dynamic reserved-memory regions are allocated too
 * (memblock_fdt_reserve_dynamic()): with an error, memblock must be as
 * the import left it.
 */
#include "fw_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memblock_fw_stats stats;
	const void *fdt;
	uint8_t param;
	size_t len;

	if (!fw_fuzz_input(data, size, &param, &fdt, &len))
		return 0;
	if ((param & 2) && (size_t)(param >> 2) <= len)
		len -= param >> 2;
	fw_fuzz_check("fdt", memblock_import_fdt(fdt, len, &stats));
	{
		static struct memblock_fdt_dynamic out[8];
		long n;

		fw_fuzz_take(&fw_fuzz_before);
		n = memblock_fdt_reserve_dynamic(fdt, len, out, 8);
		if (n < 0)
			fw_fuzz_check("fdt dynamic", (int)n);
		else if (memblock_validate())
			abort();
	}
	return 0;
}
