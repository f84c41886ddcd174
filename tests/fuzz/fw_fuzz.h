/* SPDX-License-Identifier: MIT */
/*
 * fw_fuzz.h - what the firmware-map fuzz targets share.
 *
 * Input layout: byte 0 chooses what memblock holds before the import (see
 * fw_fuzz_setup()), byte 1 is a parameter of the target (an entry size, a
 * descriptor size), the rest is the firmware data, passed unaligned on
 * purpose when byte 1 is odd. After the import memblock_validate() must
 * pass, and an import that failed must have left memblock exactly as it
 * was (the contract of <memblock/fw.h>), with growth allowed or not: the
 * same max, the same arrays in the same place, every slot the same.
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

#include "fw_fuzz_window.h"

/*
 * Everything an import may change: both headers (cnt, max, total_size and
 * where the array lives), every slot up to max, physmem where it exists,
 * and the allocation settings. Arrays grow up to a few thousand slots from
 * one 64 KiB input; FW_FUZZ_SLOTS is far above that.
 */
#define FW_FUZZ_SLOTS 16384
struct fw_fuzz_snapshot {
	bool bottom_up;
	phys_addr_t current_limit;
	struct memblock_type memory, reserved;
	struct memblock_region memory_slots[FW_FUZZ_SLOTS];
	struct memblock_region reserved_slots[FW_FUZZ_SLOTS];
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	struct memblock_type physmem;
	struct memblock_region physmem_slots[FW_FUZZ_SLOTS];
#endif
};

static struct fw_fuzz_snapshot fw_fuzz_before;
static unsigned char fw_fuzz_buf[1 << 16] __attribute__((aligned(16)));

static void fw_fuzz_copy(const struct memblock_type *type,
			 struct memblock_type *hdr, struct memblock_region *slots)
{
	unsigned long n = type->max < FW_FUZZ_SLOTS ? type->max : FW_FUZZ_SLOTS;

	*hdr = *type;
	memcpy(slots, type->regions, n * sizeof(struct memblock_region));
}

static void fw_fuzz_take(struct fw_fuzz_snapshot *s)
{
	s->bottom_up = memblock.bottom_up;
	s->current_limit = memblock.current_limit;
	fw_fuzz_copy(&memblock.memory, &s->memory, s->memory_slots);
	fw_fuzz_copy(&memblock.reserved, &s->reserved, s->reserved_slots);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	fw_fuzz_copy(&physmem, &s->physmem, s->physmem_slots);
#endif
}

/* What of @type differs from @hdr and @slots, or NULL when nothing does. */
static const char *fw_fuzz_type_differs(const struct memblock_type *hdr,
					const struct memblock_region *slots,
					const struct memblock_type *type)
{
	/* Live slots (slot 0 of an empty array too): spare ones are not state. */
	unsigned long n = hdr->cnt ? hdr->cnt : 1;

	if (n > FW_FUZZ_SLOTS)
		n = FW_FUZZ_SLOTS;
	if (type->max != hdr->max)
		return "max";
	if (type->regions != hdr->regions)
		return "regions (the array moved)";
	if (type->cnt != hdr->cnt)
		return "cnt";
	if (type->total_size != hdr->total_size)
		return "total_size";
	if (memcmp(slots, type->regions, n * sizeof(struct memblock_region)))
		return "a slot of the array";
	return NULL;
}

/* What differs between @s and memblock now (as "array: field"), or NULL. */
static const char *fw_fuzz_differs(const struct fw_fuzz_snapshot *s,
				   const char **array)
{
	const char *what;

	*array = "memblock";
	if (memblock.bottom_up != s->bottom_up)
		return "bottom_up";
	if (memblock.current_limit != s->current_limit)
		return "current_limit";
	*array = "memory";
	what = fw_fuzz_type_differs(&s->memory, s->memory_slots, &memblock.memory);
	if (what)
		return what;
	*array = "reserved";
	what = fw_fuzz_type_differs(&s->reserved, s->reserved_slots,
				    &memblock.reserved);
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (what)
		return what;
	*array = "physmem";
	what = fw_fuzz_type_differs(&s->physmem, s->physmem_slots, &physmem);
#endif
	return what;
}

/*
 * What memblock holds before the import: each of bits 0-4 of @setup adds a
 * piece, bit 5 turns memblock_debug on. Bit 6 allows growth: the mapped
 * window of fw_env.c becomes memory, and everything outside it is either
 * reserved (below) or above memblock.current_limit, so that grown arrays
 * can only land in the window. Bit 7 (with bit 6) leaves room in the window
 * for one grown array only: an import needing both arrays to grow must then
 * fail with -ENOMEM, and unchanged.
 */
static void fw_fuzz_setup(uint8_t setup)
{
	const unsigned long one_array =
		(2 * INIT_MEMBLOCK_MEMORY_REGIONS * sizeof(struct memblock_region) +
		 PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);

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
	if (setup & 64) {
		memblock_add(FW_FUZZ_WIN_BASE, FW_FUZZ_WIN_SIZE);
		memblock_reserve(0, FW_FUZZ_WIN_BASE);
		memblock_set_current_limit(FW_FUZZ_WIN_BASE + FW_FUZZ_WIN_SIZE);
		if (setup & 128)
			memblock_reserve(FW_FUZZ_WIN_BASE, FW_FUZZ_WIN_SIZE - one_array);
		memblock_allow_resize();
	}
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
	const char *array, *field;

	if (memblock_validate()) {
		fprintf(stderr, "%s: memblock_validate() failed (ret %d)\n", what, ret);
		abort();
	}
	if (!ret)
		return;
	field = fw_fuzz_differs(&fw_fuzz_before, &array);
	if (field) {
		fprintf(stderr, "%s: failed with %d (%s) but changed memblock: %s: %s\n",
			what, ret, memblock_fw_strerror(ret), array, field);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* MEMBLOCK_FW_FUZZ_H */
