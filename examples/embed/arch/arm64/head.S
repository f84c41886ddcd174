/* SPDX-License-Identifier: MIT */
/*
 * head.S - tinykern's entry on arm64.
 *
 * QEMU (-M virt -kernel tinykern.elf) loads the ELF at its link address
 * and jumps to _start at EL1 with the MMU and caches off. All that C
 * needs first is a stack, a zeroed .bss, and somewhere for exceptions to
 * go.
 */
	.section .head.text, "ax"
	.globl	_start
_start:
	ldr	x0, =stack_top
	mov	sp, x0

	adr	x0, vectors
	msr	vbar_el1, x0
	isb

	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b

2:	bl	kmain
3:	wfe
	b	3b

/*
 * Exception vectors: 16 entries of 0x80 bytes, the table 2 KiB aligned.
 * Each passes its number to arm64_trap() (board.c), which panics.
 */
	.text
	.balign	0x800
vectors:
	.irp	nr, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.balign	0x80
	mov	x0, #\nr
	b	arm64_trap
	.endr

	.section .stack, "aw", %nobits
	.balign	16
	.skip	16384
stack_top:

	.section .note.GNU-stack, "", %progbits
