/* SPDX-License-Identifier: MIT */
/*
 * bytes.h - writing and reading the fixed-endian fields of firmware maps,
 * for the tests that build their inputs byte by byte.
 */
#ifndef MEMBLOCK_TEST_BYTES_H
#define MEMBLOCK_TEST_BYTES_H

#include <stdint.h>

static inline void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static inline void put_le64(uint8_t *p, uint64_t v)
{
	put_le32(p, (uint32_t)v);
	put_le32(p + 4, (uint32_t)(v >> 32));
}

static inline void put_be32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (24 - 8 * i));
}

static inline uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

#endif /* MEMBLOCK_TEST_BYTES_H */
