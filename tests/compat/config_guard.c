// SPDX-License-Identifier: MIT
/*
 * config_guard.c - a program built by 'make check-config-guard' once with
 * the library's configuration (it must link and run) and once per setting
 * with that setting changed (it must fail to link, naming the setting).
 */
#include <memblock.h>

int main(void)
{
	return memblock_add(0x100000, 0x100000) != 0;
}
