// SPDX-License-Identifier: MIT
/*
 * console.c - the serial console and panic.
 *
 * The library prints through memblock_env_write(), which each example's
 * env header points at console_write(); the kernels print through
 * memblock_printk() (as kprint()), the library's own small printf, so they
 * need no formatter of their own this early.
 */
#include "kernel.h"

void console_write(const char *s, size_t len)
{
	while (len--) {
		/* A serial terminal wants "\r\n" to start a new line. */
		if (*s == '\n')
			arch_putc('\r');
		arch_putc(*s++);
	}
}

/*
 * memblock_env_panic(): the library calls it when it cannot go on (an
 * allocation that must not fail did, say). The message is a whole line.
 */
_Noreturn void kernel_panic(const char *msg)
{
	kprint("\nPANIC: %s", msg);
	kprint("FAIL\n");
	arch_exit(false);
}
