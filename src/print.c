// SPDX-License-Identifier: MIT
/*
 * print.c - a small formatter for log lines, so that the library needs no
 * libc. Output goes to memblock_env_write().
 *
 * Conversions: %d %i %u %x %X %c %s %p %% with the flags '#', '0', '-', a
 * field width and the lengths l, ll, z; and %pa for a phys_addr_t passed by
 * reference (printed as Linux does: 0x and every hex digit of the type).
 * As in Linux, '#' prints 0x also for zero. 32-bit targets divide by ten
 * with shifts, so they need no 64-bit division helpers.
 */
#include "internal.h"

typedef __builtin_va_list mb_va_list;
#define mb_va_start(ap, last) __builtin_va_start(ap, last)
#define mb_va_arg(ap, type) __builtin_va_arg(ap, type)
#define mb_va_end(ap) __builtin_va_end(ap)

/*
 * The variadic entry points take no floating-point arguments, so on
 * targets whose calling convention would have them spill the vector
 * argument registers on entry, GCC is told to leave those registers alone
 * (about 70 bytes per entry point on x86_64).
 */
#if defined(__GNUC__) && __GNUC__ >= 8 && !defined(__clang__) && \
	(defined(__x86_64__) || defined(__aarch64__))
#define MB_NO_FP_ARGS __attribute__((target("general-regs-only")))
#else
#define MB_NO_FP_ARGS
#endif

struct sink {
	char *buf;
	size_t size;	/* capacity of buf */
	size_t pos;	/* bytes held in buf */
	bool flush;	/* write buf out when full instead of truncating */
};

/* Emit @n copies of @c (or @n bytes of @str when @str is not NULL). */
static void put(struct sink *s, const char *str, char c, int n)
{
	for (; n > 0; n--) {
		if (s->pos == s->size) {
			if (!s->flush)
				return;
			memblock_env_write(s->buf, s->pos);
			s->pos = 0;
		}
		s->buf[s->pos++] = (char)(str ? *str++ : c);
	}
}

/* Divide *@n by @base (10 or 16) and return the remainder. */
static unsigned int div_base(u64 *n, unsigned int base)
{
#if __SIZEOF_LONG__ >= 8
	const unsigned int r = (unsigned int)(*n % base);

	*n /= base;
	return r;
#else
	/* No native 64-bit division here: shifts and adds instead. */
	u64 q = *n >> 4, r;

	if (base == 16) {
		r = *n & 15;
	} else {
		q = (*n >> 1) + (*n >> 2);
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
	}
	*n = q;
	return (unsigned int)r;
#endif
}

/*
 * Fetch an integer argument that is @longs longs beyond an int (0: int,
 * 1: long, 2: long long), sign-extended when @is_signed. A long is as wide
 * as an int or as a long long on every target.
 */
static MB_NOINLINE u64 int_arg(mb_va_list *ap, int longs,
				bool is_signed)
{
	unsigned int v;

	if (longs > 1 || (longs && sizeof(long) > sizeof(int)))
		return mb_va_arg(*ap, unsigned long long);
	v = mb_va_arg(*ap, unsigned int);
	return is_signed ? (u64)(long long)(int)v : v;
}

/*
 * The conversions, in groups: pointers (s, p), signed decimal (d, i),
 * other decimal (u, c), hexadecimal (x, X).
 */
#define CONVERSIONS "spdiucxX"

static void format(struct sink *s, const char *f, mb_va_list *ap)
{
	for (; *f; f++) {
		char tmp[24], *str = tmp + sizeof(tmp), c;
		bool alt = false, zero = false, left = false, is_signed = false;
		int width = 0, longs = 0, prefix = 0, len;
		unsigned int base = 16;
		const void *p;
		unsigned int conv;
		u64 v;

		if (*f != '%') {
			put(s, f, 0, 1);
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
			longs = sizeof(size_t) > sizeof(int);
			f++;
		}
		for (; *f == 'l'; f++)
			longs++;

		c = *f;
		if (c == '\0')
			return;
		for (conv = 0; CONVERSIONS[conv] && CONVERSIONS[conv] != c; conv++)
			;
		if (conv < 2) {		/* %s or %p */
			p = mb_va_arg(*ap, const void *);
			if (c == 's') {
				str = p ? (char *)p : "(null)";
				for (len = 0; str[len]; len++)
					;
				zero = false;
				goto emit;
			}
			alt = true;
			left = false;
			zero = f[1] == 'a';
			width = 0;
			v = (uintptr_t)p;
			if (zero) {
				v = *(const phys_addr_t *)p;
				width = 2 + 2 * (int)sizeof(phys_addr_t);
				f++;
			}
		} else if (conv < 8) {	/* an integer */
			is_signed = conv < 4;
			if (conv < 6)
				base = 10;
			v = int_arg(ap, c == 'c' ? 0 : longs, is_signed);
			if (c == 'c') {
				/* A character takes no width or flags. */
				*--str = (char)v;
				width = 0;
				goto counted;
			}
			if (is_signed && (long long)v < 0) {
				v = (u64)0 - v;
				prefix = -1;	/* a '-' goes in front */
			}
		} else {
			/* "%%" is a '%'; anything unknown stays as it came. */
			*--str = c;
			if (c != '%')
				*--str = '%';
			width = 0;
			goto counted;
		}

		do {
			const unsigned int d = div_base(&v, base);

			*--str = (char)(d < 10 ? '0' + d :
				       d - 10 + (c == 'X' ? 'A' : 'a'));
		} while (v);
		if (prefix) {
			*--str = '-';
			prefix = 1;
		} else if (alt && base == 16) {
			*--str = c == 'X' ? 'X' : 'x';
			*--str = '0';
			prefix = 2;
		}
counted:
		len = (int)(tmp + sizeof(tmp) - str);
emit:
		/* Spaces, sign or 0x, zeros, digits, spaces: width goes to one. */
		width -= len;
		put(s, NULL, ' ', left || zero ? 0 : width);
		put(s, str, 0, prefix);
		put(s, NULL, '0', !left && zero ? width : 0);
		put(s, str + prefix, 0, len - prefix);
		put(s, NULL, ' ', left ? width : 0);
	}
}

/**
 * mb_panic - format a message and hand it to memblock_env_panic()
 * @fmt: format, with the conversions listed at the top of print.c
 *
 * The message is cut off at 95 bytes. Never returns.
 */
MB_NO_FP_ARGS
void mb_panic(const char *fmt, ...)
{
	static char msg[96];	/* off the stack: it is the last call */
	struct sink s = { .buf = msg, .size = sizeof(msg) - 1 };
	mb_va_list ap;

	mb_va_start(ap, fmt);
	format(&s, fmt, &ap);
	mb_va_end(ap);
	msg[s.pos] = '\0';
	memblock_env_panic(msg);
}

/**
 * memblock_printk - write a formatted log line through memblock_env_write()
 * @fmt: format, with the conversions listed at the top of print.c
 *
 * Used for memblock's own messages and dump; available to embedders that
 * have no printf of their own yet. Output of any length is passed on in
 * pieces of at most 128 bytes.
 */
MB_NO_FP_ARGS
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
