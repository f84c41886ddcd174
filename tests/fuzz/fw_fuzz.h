/* SPDX-License-Identifier: MIT */
/*
 * fw_fuzz.h - what the firmware-map fuzz targets share.
 *
 * Input layout: byte 0 chooses what memblock holds before the import (see
 * fw_fuzz_setup()), byte 1 is a parameter of the target (an entry size, a
 * descriptor size), the rest is the firmware data, passed unaligned on
 * purpose when byte 1 is odd. After the import memblock_validate() must
 * pass, and an import that failed must have left memblock exactly as it
 * was (the contract of <memblock/fw.h>).
 */
#ifndef MEMBLOCK_FW_FUZZ_H
#define MEMBLOCK_FW_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memblock.h>
#include <memblock/ext.h>
#include <memblock/fw.h>

struct fw_fuzz_snapshot {
	struct memblock mb;
	struct memblock_region memory[INIT_MEMBLOCK_MEMORY_REGIONS];
	struct memblock_region reserved[INIT_MEMBLOCK_RESERVED_REGIONS];
};

static struct fw_fuzz_snapshot fw_fuzz_before;
static unsigned char fw_fuzz_buf[1 << 16] __attribute__((aligned(16)));

static void fw_fuzz_take(struct fw_fuzz_snapshot *s)
{
	memset(s, 0, sizeof(*s));
	s->mb = memblock;
	memcpy(s->memory, memblock.memory.regions,
	       memblock.memory.cnt * sizeof(struct memblock_region));
	memcpy(s->reserved, memblock.reserved.regions,
	       memblock.reserved.cnt * sizeof(struct memblock_region));
}

static int fw_fuzz_same(const struct fw_fuzz_snapshot *a,
			const struct fw_fuzz_snapshot *b)
{
	return a->mb.memory.cnt == b->mb.memory.cnt &&
	       a->mb.reserved.cnt == b->mb.reserved.cnt &&
	       a->mb.memory.total_size == b->mb.memory.total_size &&
	       a->mb.reserved.total_size == b->mb.reserved.total_size &&
	       !memcmp(a->memory, b->memory, sizeof(a->memory)) &&
	       !memcmp(a->reserved, b->reserved, sizeof(a->reserved));
}

/* What memblock holds before the import: each bit of @setup adds a piece. */
static void fw_fuzz_setup(uint8_t setup)
{
	memblock_reset();
	memblock_debug = (setup >> 5) & 1;
	if (setup & 1)
		memblock_add(0x40000000, 64 << 20);
	if (setup & 2)
		memblock_reserve(0x40001000, 0x1000);
	if (setup & 4)
		memblock_mark_nomap(0x40002000, 0x1000);
	if (setup & 8)
		memblock_add_node(0x80000000, 16 << 20, 1, MEMBLOCK_HOTPLUG);
	if (setup & 16)
		memblock_add(0, 0xa0000);
}

/*
 * Split @data into setup, parameter and payload; the payload is copied to
 * an aligned buffer, at offset 1 when the parameter is odd. Returns false
 * when the input is too short.
 */
static bool fw_fuzz_input(const uint8_t *data, size_t size, uint8_t *param,
			  const void **payload, size_t *len)
{
	size_t off;

	if (size < 2 || size - 2 > sizeof(fw_fuzz_buf) - 1)
		return false;
	fw_fuzz_setup(data[0]);
	*param = data[1];
	off = data[1] & 1;
	memcpy(fw_fuzz_buf + off, data + 2, size - 2);
	*payload = fw_fuzz_buf + off;
	*len = size - 2;
	fw_fuzz_take(&fw_fuzz_before);
	return true;
}

/* The checks after an import that returned @ret. */
static void fw_fuzz_check(const char *what, int ret)
{
	struct fw_fuzz_snapshot after;

	if (memblock_validate()) {
		fprintf(stderr, "%s: memblock_validate() failed (ret %d)\n", what, ret);
		abort();
	}
	if (!ret)
		return;
	fw_fuzz_take(&after);
	if (!fw_fuzz_same(&fw_fuzz_before, &after)) {
		fprintf(stderr, "%s: failed with %d (%s) but changed memblock\n",
			what, ret, memblock_fw_strerror(ret));
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* MEMBLOCK_FW_FUZZ_H */
