/* SPDX-License-Identifier: MIT */
/*
 * start.S - entry of the arm64 example kernel.
 *
 * QEMU's -kernel, and U-Boot's booti, load the image (a raw binary with
 * the arm64 Image header below) at RAM base + text_offset = 0x40080000 on
 * the virt machine and enter it at EL1 (EL2 with virtualization=on), MMU
 * and caches off, on one CPU (the others stay powered off until PSCI
 * starts them), with
 *   x0 = physical address of the device tree blob (DTB).
 */

	.section .text.boot, "ax"
	.globl _start
/*
 * The 64-byte arm64 Image header (the Linux arm64 boot protocol), so that
 * U-Boot's booti takes the image; QEMU's -kernel reads it too. The first
 * word branches over the header.
 */
_start:
	b	start			/* code0 */
	.long	0			/* code1 */
	.quad	0x80000			/* text_offset: load 512 KiB above RAM base */
	.quad	__image_size		/* image_size, bss and stack included */
	.quad	0x2			/* flags: little-endian, 4 KiB pages */
	.quad	0, 0, 0			/* reserved */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* reserved */

start:
	mov	x19, x0			/* keep the DTB pointer */

	ldr	x1, =__stack_end	/* the stack grows down from its end */
	mov	sp, x1

	/* Any exception lands in vectors below and fails the boot loudly. */
	adr	x1, vectors
	msr	vbar_el1, x1
	isb

	/* Zero .bss: a raw binary does not contain it. */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b

2:	mov	x0, x19
	bl	arm64_main		/* arm64_main(dtb), never returns */
3:	wfe
	b	3b

/*
 * The exception vector table: 16 entries of 0x80 bytes (4 kinds of
 * exception x 4 origins), 2 KiB aligned. Each passes its number to
 * arm64_exception(), which prints the syndrome and fails.
 */
	.macro	vector nr
	.balign	0x80
	mov	x0, #\nr
	b	arm64_exception
	.endm

	.text
	.balign	0x800
vectors:
	.irp	nr, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\nr
	.endr

/* The boot stack: 16 KiB in a section of its own, placed by arm64.ld. */
	.section .stack, "aw", %nobits
	.balign	16
	.skip	16384
