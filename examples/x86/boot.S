/* SPDX-License-Identifier: MIT */
/*
 * boot.S - entry of the x86 example kernel, booted by a multiboot (1)
 * loader (QEMU's -kernel, GRUB's "multiboot" command) or a multiboot 2
 * loader (GRUB's "multiboot2", under a BIOS or UEFI).
 *
 * The loader reads the header below from the first 8 KiB of the ELF file,
 * loads the image at its link address (1 MiB, see x86.ld) and jumps to
 * _start in 32-bit protected mode, paging off, interrupts off, with
 *   eax = 0x2BADB002 (proof that a multiboot loader started us)
 *   ebx = physical address of the multiboot information structure.
 * There is no usable stack yet: that is the first thing to set up.
 */

	.set MB_MAGIC, 0x1BADB002
	.set MB_ALIGN_MODULES, 1 << 0	/* load modules on page boundaries */
	.set MB_MEMORY_INFO, 1 << 1	/* we want mem_* and the memory map */
	.set MB_FLAGS, MB_ALIGN_MODULES | MB_MEMORY_INFO
	.set MB_CHECKSUM, -(MB_MAGIC + MB_FLAGS)	/* the three sum to 0 */

	.section .multiboot, "a"
	.balign 4
	.long MB_MAGIC, MB_FLAGS, MB_CHECKSUM

/*
 * The multiboot 2 header, for GRUB's "multiboot2" command: magic,
 * architecture 0 (i386, protected mode), length, checksum, then tags; the
 * end tag alone asks for the defaults (a memory map among them). GRUB
 * enters with eax = 0x36d76289 and ebx = the boot information; under UEFI
 * it has left boot services already.
 */
	.set MB2_MAGIC, 0xe85250d6
	.set MB2_LENGTH, mb2_end - mb2_start
	.balign 8
mb2_start:
	.long MB2_MAGIC, 0, MB2_LENGTH, -(MB2_MAGIC + MB2_LENGTH)
	.short 0, 0		/* end tag: type 0, flags 0 */
	.long 8			/* its size */
mb2_end:

/* The boot stack: 16 KiB in a section of its own, placed by x86.ld. */
	.section .stack, "aw", @nobits
	.balign 16
	.skip 16384

	.text
	.globl _start
	.type _start, @function
_start:
	cld				/* C code expects the direction flag clear */
	mov	$__stack_end, %esp

	/* Zero .bss (eax is about to be used, keep the magic in esi). */
	mov	%eax, %esi
	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	xor	%eax, %eax
	rep stosb

	/* x86_main(magic, info): cdecl passes arguments on the stack. */
	push	%ebx
	push	%esi
	call	x86_main

	/* x86_main never returns; if it did, stop here. */
1:	cli
	hlt
	jmp	1b
	.size _start, . - _start

/* No executable stack wanted (GNU ld warns otherwise). */
	.section .note.GNU-stack, "", @progbits
