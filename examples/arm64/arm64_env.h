/* SPDX-License-Identifier: MIT */
/*
 * arm64_env.h - the environment of the arm64 example kernel: how it adapts
 * libmemblock to itself (see include/memblock/env.h for every item).
 *
 * The library and the kernel are both built with this header
 * (MEMBLOCK_ENV=examples/arm64/arm64_env.h, see examples/build.mk). Under
 * -ffreestanding env.h declares memblock_env_write/_panic/_free_pages as
 * functions for us to write; the macros below point them at the kernel's
 * own functions instead. The rest keeps its default.
 *
 * One more thing the MMU-off world needs is not in this header but in the
 * compiler flags: with the MMU off every data access is a Device memory
 * access, which must be aligned, so everything (library included) is
 * built with -mstrict-align, and with -mgeneral-regs-only so that no
 * FP/SIMD register is touched before anyone enabled them.
 */
#ifndef ARM64_ENV_H
#define ARM64_ENV_H

#include <stddef.h>
#include <stdint.h>

/* memblock's log (memblock_dump_all, memblock_debug) goes to the PL011. */
void console_write(const char *s, size_t len);
#define memblock_env_write(s, n) console_write((s), (n))

/* A panic prints the message and FAIL, and leaves QEMU with a failure. */
_Noreturn void kernel_panic(const char *msg);
#define memblock_env_panic(msg) kernel_panic(msg)

/* memblock_free_all() gives each free range to the page-frame allocator. */
void kernel_free_pages(unsigned long start_pfn, unsigned long nr_pages);
#define memblock_env_free_pages(pfn, nr) kernel_free_pages((pfn), (nr))

/* MMU off: a physical address is the pointer. */
#define memblock_env_phys_to_virt(pa) ((void *)(uintptr_t)(pa))
#define memblock_env_virt_to_phys(va) ((phys_addr_t)(uintptr_t)(va))

#endif /* ARM64_ENV_H */
