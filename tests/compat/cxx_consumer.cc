// SPDX-License-Identifier: MIT
/*
 * cxx_consumer.cc - a C++ program that includes every public header with
 * the default environment and calls the library; built by check-cxx with
 * g++ and clang++ for C++11, 14, 17 and 20.
 */
#include <memblock.h>
#include <memblock/ext.h>
#include <memblock/fw.h>

#include <cstdio>

int main()
{
	int failed = 0;

	if (memblock_add(0x100000, 0x1000000) || memblock_reserve(0x200000, 0x1000))
		failed++;
	if (memblock.memory.cnt != 1 || !memblock_is_reserved(0x200000))
		failed++;
	if (memblock_phys_alloc(0x1000, 0x1000) == 0)
		failed++;
	std::printf("%s\n", failed ? "C++ consumer: FAILED" : "C++ consumer: ok");
	return failed;
}
