// SPDX-License-Identifier: MIT
/*
 * print.c - a small formatter for log lines, so that the library needs no
 * libc. Output goes to memblock_env_write().
 *
 * Conversions: %d %i %u %x %X %c %s %% with the flags '#', '0', '-', a field
 * width and the lengths l, ll, z; and %pa for a phys_addr_t passed by
 * reference (printed as Linux does: 0x and every hex digit of the type).
 * As in Linux, '#' prints 0x also for zero. No division is used, so 32-bit
 * targets need no 64-bit division helpers.
 */
#include "internal.h"

typedef __builtin_va_list mb_va_list;
#define mb_va_start(ap, last) __builtin_va_start(ap, last)
#define mb_va_arg(ap, type) __builtin_va_arg(ap, type)
#define mb_va_end(ap) __builtin_va_end(ap)

struct sink {
	char *buf;
	size_t size;	/* capacity of buf */
	size_t pos;	/* bytes held in buf */
	size_t total;	/* bytes produced so far */
	bool flush;	/* write buf out when full instead of truncating */
};

static void put_char(struct sink *s, char c)
{
	if (s->flush && s->pos == s->size) {
		memblock_env_write(s->buf, s->pos);
		s->pos = 0;
	}
	if (s->pos < s->size)
		s->buf[s->pos++] = c;
	s->total++;
}

static void put_padding(struct sink *s, int n, char c)
{
	while (n-- > 0)
		put_char(s, c);
}

/* Divide *@n by 10 with shifts and adds; return the remainder. */
static unsigned int div10(u64 *n)
{
	u64 q = (*n >> 1) + (*n >> 2);
	u64 r;

	q += q >> 4;
	q += q >> 8;
	q += q >> 16;
	q += q >> 32;
	q >>= 3;
	r = *n - ((q << 2) + q) * 2;
	if (r > 9) {
		q++;
		r -= 10;
	}
	*n = q;
	return (unsigned int)r;
}

/* Fetch an integer argument of @length: 0 int, 1 long, 2 long long, 3 size_t. */
static u64 fetch(mb_va_list *ap, int length, bool is_signed)
{
	switch (length) {
	case 1:
		return is_signed ? (u64)mb_va_arg(*ap, long) :
				   mb_va_arg(*ap, unsigned long);
	case 2:
		return mb_va_arg(*ap, unsigned long long);
	case 3:
		return mb_va_arg(*ap, size_t);
	default:
		return is_signed ? (u64)mb_va_arg(*ap, int) :
				   mb_va_arg(*ap, unsigned int);
	}
}

static void format(struct sink *s, const char *f, mb_va_list *ap)
{
	for (; *f; f++) {
		char tmp[24], *str = tmp + sizeof(tmp), c;
		const char *digits = "0123456789abcdef";
		bool alt = false, zero = false, left = false, neg = false;
		int width = 0, length = 0, prefix = 0, len;
		unsigned int base = 16;
		u64 v;

		if (*f != '%') {
			put_char(s, *f);
			continue;
		}
		for (;; f++) {
			if (f[1] == '#')
				alt = true;
			else if (f[1] == '0')
				zero = true;
			else if (f[1] == '-')
				left = true;
			else
				break;
		}
		while (*++f >= '0' && *f <= '9')
			width = width * 10 + (*f - '0');
		if (*f == 'z') {
			length = 3;
			f++;
		}
		while (*f == 'l') {
			length++;
			f++;
		}
		switch (c = *f) {
		case 'd':
		case 'i':
			v = fetch(ap, length, true);
			neg = (long long)v < 0;
			if (neg)
				v = (u64)0 - v;
			base = 10;
			break;
		case 'u':
			base = 10;
			/* fall through */
		case 'x':
		case 'X':
			v = fetch(ap, length, false);
			break;
		case 'p':
			left = false;
			zero = f[1] == 'a';
			alt = true;
			width = 0;
			if (zero) {
				v = *mb_va_arg(*ap, const phys_addr_t *);
				width = 2 + 2 * (int)sizeof(phys_addr_t);
				f++;
			} else {
				v = (uintptr_t)mb_va_arg(*ap, void *);
			}
			break;
		case 's':
			str = mb_va_arg(*ap, char *);
			if (!str)
				str = "(null)";
			for (len = 0; str[len]; len++)
				;
			zero = false;
			goto emit;
		case 'c':
			put_char(s, (char)mb_va_arg(*ap, int));
			continue;
		case '\0':
			return;
		default:
			if (c != '%')
				put_char(s, '%');
			put_char(s, c);
			continue;
		}

		if (c == 'X')
			digits = "0123456789ABCDEF";
		do {
			*--str = digits[base == 16 ? (v & 0xf) : div10(&v)];
			if (base == 16)
				v >>= 4;
		} while (v);
		if (neg) {
			*--str = '-';
			prefix = 1;
		} else if (alt && base == 16) {
			*--str = c == 'X' ? 'X' : 'x';
			*--str = '0';
			prefix = 2;
		}
		len = (int)(tmp + sizeof(tmp) - str);
emit:
		width -= len;
		if (!left && !zero)
			put_padding(s, width, ' ');
		for (; prefix; prefix--, len--)
			put_char(s, *str++);
		if (!left && zero)
			put_padding(s, width, '0');
		while (len--)
			put_char(s, *str++);
		if (left)
			put_padding(s, width, ' ');
	}
}

/*
 * Format into @buf, which always ends up NUL-terminated when @len > 0.
 * Returns the length the full text would have.
 */
size_t mb_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	struct sink s = { .buf = buf, .size = len ? len - 1 : 0 };
	mb_va_list ap;

	mb_va_start(ap, fmt);
	format(&s, fmt, &ap);
	mb_va_end(ap);
	if (len)
		buf[s.pos] = '\0';
	return s.total;
}

/**
 * memblock_printk - write a formatted log line through memblock_env_write()
 * @fmt: format, with the conversions listed at the top of print.c
 *
 * Used for memblock's own messages and dump; available to embedders that
 * have no printf of their own yet. Output of any length is passed on in
 * pieces of at most 128 bytes.
 */
void memblock_printk(const char *fmt, ...)
{
	char buf[128];
	struct sink s = { .buf = buf, .size = sizeof(buf), .flush = true };
	mb_va_list ap;

	mb_va_start(ap, fmt);
	format(&s, fmt, &ap);
	mb_va_end(ap);
	if (s.pos)
		memblock_env_write(buf, s.pos);
}
