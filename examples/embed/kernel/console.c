// SPDX-License-Identifier: MIT
/*
 * console.c - the console and panic.
 */
#include <kernel/kernel.h>
#include <memblock/ext.h>

/* memblock_env_write() of memblock_env.h: the log sink. */
void console_write(const char *s, size_t len)
{
	while (len--) {
		/* A serial terminal wants "\r\n" to start a new line. */
		if (*s == '\n')
			board_putc('\r');
		board_putc(*s++);
	}
}

/* memblock_env_panic() of memblock_env.h too. @msg is a whole line. */
_Noreturn void panic(const char *msg)
{
	pr_info("PANIC: %s", msg);
	pr_info("FAIL\n");
	board_exit(false);
}
