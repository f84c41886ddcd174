// SPDX-License-Identifier: MIT
/*
 * mb2-dump.c - a multiboot 2 kernel (i386, loaded by GRUB) that prints the
 * whole boot information structure, byte for byte, on COM1 and makes QEMU
 * exit (isa-debug-exit at port 0xf4). Used by tools/capture/capture.sh;
 * written from the multiboot 2 specification.
 *
 * Output:
 *   MB2-INFO magic=<hex> total_size=<n>
 *   MB2-HEX <up to 32 bytes as hex>      (repeated)
 *   MB2-END
 */
#include <stdint.h>

#define MB2_HEADER_MAGIC 0xe85250d6u

/* The header GRUB looks for: magic, arch 0 (i386), length, checksum, end tag. */
__attribute__((section(".multiboot2"), aligned(8), used))
static const uint32_t mb2_header[] = {
	MB2_HEADER_MAGIC, 0, 24, -(MB2_HEADER_MAGIC + 0 + 24),
	0, 8,	/* end tag: type 0, flags 0, size 8 */
};

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void putc_serial(char c)
{
	while (!(inb(0x3f8 + 5) & 0x20))
		;
	outb(0x3f8, (uint8_t)c);
}

static void put(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc_serial('\r');
		putc_serial(*s);
	}
}

static void put_hex(uint32_t v)
{
	static const char hex[] = "0123456789abcdef";
	char b[9];

	for (int i = 7; i >= 0; i--, v >>= 4)
		b[i] = hex[v & 15];
	b[8] = 0;
	put(b);
}

static void put_dec(uint32_t v)
{
	char b[12];
	int i = 11;

	b[i] = 0;
	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put(&b[i]);
}

void dump_main(uint32_t magic, const uint8_t *mbi)
{
	static const char hex[] = "0123456789abcdef";
	const uint32_t total = *(const uint32_t *)mbi;

	put("\nMB2-INFO magic=");
	put_hex(magic);
	put(" total_size=");
	put_dec(total);
	put("\n");
	for (uint32_t off = 0; off < total; off += 32) {
		put("MB2-HEX ");
		for (uint32_t i = off; i < total && i < off + 32; i++) {
			putc_serial(hex[mbi[i] >> 4]);
			putc_serial(hex[mbi[i] & 15]);
		}
		put("\n");
	}
	put("MB2-END\n");
	outb(0xf4, 0x10);	/* isa-debug-exit: QEMU exits with 33 */
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* Entry: eax = magic, ebx = the information; a stack of our own first. */
__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	mov $stack_top, %esp\n"
	"	push %ebx\n"
	"	push %eax\n"
	"	call dump_main\n"
	"1:	hlt\n"
	"	jmp 1b\n"
	".bss\n"
	".balign 16\n"
	".skip 8192\n"
	"stack_top:\n");
