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

struct spec {
	bool alt, zero, left;
	int width;
	int length; /* 0: int, 1: long, 2: long long, 3: size_t */
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

static void put_number(struct sink *s, u64 v, bool negative, unsigned int base,
		       bool upper, const struct spec *sp)
{
	static const char lower_digits[] = "0123456789abcdef";
	static const char upper_digits[] = "0123456789ABCDEF";
	const char *digits = upper ? upper_digits : lower_digits;
	char tmp[24];
	int n = 0, prefix = 0, pad;

	do {
		if (base == 16) {
			tmp[n++] = digits[v & 0xf];
			v >>= 4;
		} else {
			tmp[n++] = digits[div10(&v)];
		}
	} while (v);

	if (negative)
		prefix = 1;
	else if (sp->alt && base == 16)
		prefix = 2;
	pad = sp->width - n - prefix;

	if (!sp->left && !sp->zero)
		put_padding(s, pad, ' ');
	if (negative)
		put_char(s, '-');
	else if (prefix == 2) {
		put_char(s, '0');
		put_char(s, upper ? 'X' : 'x');
	}
	if (!sp->left && sp->zero)
		put_padding(s, pad, '0');
	while (n)
		put_char(s, tmp[--n]);
	if (sp->left)
		put_padding(s, pad, ' ');
}

static void put_string(struct sink *s, const char *str, const struct spec *sp)
{
	int len = 0;

	if (!str)
		str = "(null)";
	while (str[len])
		len++;
	if (!sp->left)
		put_padding(s, sp->width - len, ' ');
	while (*str)
		put_char(s, *str++);
	if (sp->left)
		put_padding(s, sp->width - len, ' ');
}

static u64 fetch_unsigned(mb_va_list *ap, int length)
{
	switch (length) {
	case 1:
		return mb_va_arg(*ap, unsigned long);
	case 2:
		return mb_va_arg(*ap, unsigned long long);
	case 3:
		return mb_va_arg(*ap, size_t);
	default:
		return mb_va_arg(*ap, unsigned int);
	}
}

static long long fetch_signed(mb_va_list *ap, int length)
{
	switch (length) {
	case 1:
		return mb_va_arg(*ap, long);
	case 2:
		return mb_va_arg(*ap, long long);
	case 3:
		return (long long)mb_va_arg(*ap, size_t);
	default:
		return mb_va_arg(*ap, int);
	}
}

static const char *parse_spec(const char *f, struct spec *sp)
{
	*sp = (struct spec){ 0 };
	for (;; f++) {
		if (*f == '#')
			sp->alt = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '-')
			sp->left = true;
		else
			break;
	}
	// cppcheck-suppress knownConditionTrueFalse ; false positive: '1'..'9' are still possible here
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (*f++ - '0');
	if (*f == 'z') {
		sp->length = 3;
		f++;
	}
	while (*f == 'l') {
		sp->length++;
		f++;
	}
	return f;
}

static void format(struct sink *s, const char *f, mb_va_list *ap)
{
	struct spec sp;

	for (; *f; f++) {
		if (*f != '%') {
			put_char(s, *f);
			continue;
		}
		f = parse_spec(f + 1, &sp);
		switch (*f) {
		case 'd':
		case 'i': {
			long long v = fetch_signed(ap, sp.length);
			u64 mag = v < 0 ? (u64)0 - (u64)v : (u64)v;

			put_number(s, mag, v < 0, 10, false, &sp);
			break;
		}
		case 'u':
			put_number(s, fetch_unsigned(ap, sp.length), false, 10,
				   false, &sp);
			break;
		case 'x':
		case 'X':
			put_number(s, fetch_unsigned(ap, sp.length), false, 16,
				   *f == 'X', &sp);
			break;
		case 'c':
			put_char(s, (char)mb_va_arg(*ap, int));
			break;
		case 's':
			put_string(s, mb_va_arg(*ap, const char *), &sp);
			break;
		case 'p':
			if (f[1] == 'a') {
				const phys_addr_t *pa =
					mb_va_arg(*ap, const phys_addr_t *);
				struct spec hex = { .alt = true, .zero = true,
					.width = 2 + 2 * (int)sizeof(phys_addr_t) };

				f++;
				put_number(s, *pa, false, 16, false, &hex);
			} else {
				struct spec hex = { .alt = true };

				put_number(s, (uintptr_t)mb_va_arg(*ap, void *),
					   false, 16, false, &hex);
			}
			break;
		case '%':
			put_char(s, '%');
			break;
		case '\0':
			return;
		default:
			put_char(s, '%');
			put_char(s, *f);
			break;
		}
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
