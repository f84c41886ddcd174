/* SPDX-License-Identifier: MIT */
/*
 * kernel_env.h - the environment of the example kernels: how they adapt
 * libmemblock to themselves (see include/memblock/env.h for every item).
 *
 * The library and each kernel are built with this header
 * (MEMBLOCK_ENV=examples/common/kernel_env.h, see examples/build.mk). Under
 * -ffreestanding env.h declares memblock_env_write/_panic/_free_pages as
 * functions for the embedder to write; the macros below point them at the
 * kernels' own functions instead. Everything else keeps its default: a
 * 64-bit phys_addr_t (also on 32-bit x86, whose firmware map has 64-bit
 * addresses anyway), 4 KiB pages, and memset/memcpy/memmove, which the
 * kernels supply in examples/common/libc.c.
 *
 * Not in this header but in the compiler flags (examples/build.mk): on
 * arm64 the MMU is off, so every access is a Device memory access that must
 * be aligned; everything, the library included, is built with
 * -mstrict-align, and with -mgeneral-regs-only so that no FP/SIMD register
 * is touched before anyone enabled them.
 */
#ifndef EXAMPLE_KERNEL_ENV_H
#define EXAMPLE_KERNEL_ENV_H

#include <stddef.h>
#include <stdint.h>

/* memblock's log (memblock_dump_all, memblock_debug) goes to the serial port. */
void console_write(const char *s, size_t len);
#define memblock_env_write(s, n) console_write((s), (n))

/* A panic prints the message and FAIL, and leaves QEMU with a failure. */
_Noreturn void kernel_panic(const char *msg);
#define memblock_env_panic(msg) kernel_panic(msg)

/* memblock_free_all() gives each free range to the page-frame allocator. */
void kernel_free_pages(unsigned long start_pfn, unsigned long nr_pages);
#define memblock_env_free_pages(pfn, nr) kernel_free_pages((pfn), (nr))

/*
 * Paging is off (or identity-mapped): a physical address is the pointer.
 * On i386 pointers are 32 bits, so the x86 kernel keeps memblock's
 * allocations below 4 GiB (arch_boot.ram_limit, through
 * memblock_set_current_limit).
 */
#define memblock_env_phys_to_virt(pa) ((void *)(uintptr_t)(pa))
#define memblock_env_virt_to_phys(va) ((phys_addr_t)(uintptr_t)(va))

#endif /* EXAMPLE_KERNEL_ENV_H */
