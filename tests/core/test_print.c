// SPDX-License-Identifier: MIT
/*
 * test_print.c - the library's own formatter (print.c), through
 * memblock_printk() and the captured log: every conversion, flag, width and
 * length it promises, Linux's %pa and '#' conventions, and output longer
 * than its internal buffer.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* Format with memblock_printk() and compare the whole log with @want. */
#define assert_printk(want, ...)                                               \
	do {                                                                   \
		test_log_clear();                                              \
		memblock_printk(__VA_ARGS__);                                  \
		assert_string_equal(test_log(), (want));                       \
	} while (0)

static void strings_pad_left_and_right_and_show_null(void **state)
{
	(void)state;
	assert_printk("[memory]", "[%s]", "memory");
	assert_printk("[  abc]", "[%5s]", "abc");
	assert_printk("[abc     ]", "[%-8s]", "abc");
	assert_printk("[(null)]", "[%s]", (const char *)NULL);
	assert_printk("x", "%c", 'x');
}

static void signed_and_unsigned_decimals_of_every_length(void **state)
{
	(void)state;
	assert_printk("-42 42 0", "%d %i %u", -42, 42, 0u);
	assert_printk("-2147483648", "%d", (int)(-2147483647 - 1));
	assert_printk("4294967295", "%u", 4294967295u);
	assert_printk("-9223372036854775807", "%lld", -9223372036854775807LL);
	assert_printk("18446744073709551615", "%llu", 18446744073709551615ULL);
	assert_printk("123456789", "%lu", 123456789UL);
	assert_printk("4096", "%zu", (size_t)4096);
	assert_printk("[   42]", "[%5lu]", 42UL);
	assert_printk("[00042]", "[%05d]", 42);
	assert_printk("[42   ]", "[%-5d]", 42);
}

static void hex_with_and_without_prefix_as_linux_prints_it(void **state)
{
	(void)state;
	assert_printk("ff FF", "%x %X", 255u, 255u);
	assert_printk("0xff", "%#x", 255u);
	/* Linux prints the 0x prefix also for zero (glibc does not). */
	assert_printk("0x0", "%#x", 0u);
	assert_printk("0xdeadbeefcafe", "%#llx", 0xdeadbeefcafeULL);
	assert_printk("0x00001000", "%#010lx", 0x1000UL);
}

static void pa_prints_every_hex_digit_of_phys_addr_t(void **state)
{
	phys_addr_t pa = 0x40000000;

	(void)state;
#ifdef CONFIG_PHYS_ADDR_T_64BIT
	assert_printk("[0x0000000040000000]", "[%pa]", &pa);
	pa = PHYS_ADDR_MAX;
	assert_printk("0xffffffffffffffff", "%pa", &pa);
#else
	assert_printk("[0x40000000]", "[%pa]", &pa);
	pa = PHYS_ADDR_MAX;
	assert_printk("0xffffffff", "%pa", &pa);
#endif
}

static void pointers_print_as_prefixed_hex(void **state)
{
	char want[32];
	int x;

	(void)state;
	snprintf(want, sizeof(want), "%#lx", (unsigned long)(uintptr_t)&x);
	assert_printk(want, "%p", (void *)&x);
}

static void percent_signs_and_unknown_conversions_pass_through(void **state)
{
	(void)state;
	assert_printk("100%", "100%%");
	assert_printk("%q", "%q");
}

static void output_longer_than_the_buffer_arrives_whole(void **state)
{
	char want[1001];

	(void)state;
	memset(want, 'a', 1000);
	want[1000] = '\0';
	assert_printk(want, "%s", want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MB_TEST(strings_pad_left_and_right_and_show_null),
		MB_TEST(signed_and_unsigned_decimals_of_every_length),
		MB_TEST(hex_with_and_without_prefix_as_linux_prints_it),
		MB_TEST(pa_prints_every_hex_digit_of_phys_addr_t),
		MB_TEST(pointers_print_as_prefixed_hex),
		MB_TEST(percent_signs_and_unknown_conversions_pass_through),
		MB_TEST(output_longer_than_the_buffer_arrives_whole),
	};

	return MB_RUN("core/print", tests);
}
