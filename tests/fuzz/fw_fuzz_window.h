/* SPDX-License-Identifier: MIT */
/*
 * fw_fuzz_window.h - the mapped "physical" window of the firmware-map fuzz
 * targets (fw_env.c): the only memory where grown region arrays can land.
 */
#ifndef MEMBLOCK_FW_FUZZ_WINDOW_H
#define MEMBLOCK_FW_FUZZ_WINDOW_H

#define FW_FUZZ_WIN_BASE 0x40000000ULL
#define FW_FUZZ_WIN_SIZE (1ULL << 20)

#endif /* MEMBLOCK_FW_FUZZ_WINDOW_H */
