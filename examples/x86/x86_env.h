/* SPDX-License-Identifier: MIT */
/*
 * x86_env.h - the environment of the x86 example kernel: how it adapts
 * libmemblock to itself (see include/memblock/env.h for every item).
 *
 * The library is built with this header (MEMBLOCK_ENV=examples/x86/x86_env.h,
 * see examples/build.mk), and so is the kernel, so that both agree. Under
 * -ffreestanding env.h declares memblock_env_write/_panic/_free_pages as
 * functions for us to write; the macros below point them at the kernel's
 * own functions instead. What is not defined here keeps its default: a
 * 64-bit phys_addr_t (fine on a 32-bit CPU: the E820 map has 64-bit
 * addresses anyway), 4 KiB pages, memset/memcpy/memmove from libc.c.
 */
#ifndef X86_ENV_H
#define X86_ENV_H

#include <stddef.h>
#include <stdint.h>

/* memblock's log (memblock_dump_all, memblock_debug) goes to COM1. */
void console_write(const char *s, size_t len);
#define memblock_env_write(s, n) console_write((s), (n))

/* A panic prints the message and FAIL, and leaves QEMU with a failure. */
_Noreturn void kernel_panic(const char *msg);
#define memblock_env_panic(msg) kernel_panic(msg)

/* memblock_free_all() gives each free range to the page-frame allocator. */
void kernel_free_pages(unsigned long start_pfn, unsigned long nr_pages);
#define memblock_env_free_pages(pfn, nr) kernel_free_pages((pfn), (nr))

/*
 * Paging is off: a physical address is the pointer. Pointers are 32 bits,
 * so the kernel keeps memblock below 4 GiB (memblock_set_current_limit,
 * through arch_boot.ram_limit in x86.c).
 */
#define memblock_env_phys_to_virt(pa) ((void *)(uintptr_t)(pa))
#define memblock_env_virt_to_phys(va) ((phys_addr_t)(uintptr_t)(va))

#endif /* X86_ENV_H */
