/* SPDX-License-Identifier: MIT */
/*
 * head.S - tinykern's entry on x86_64.
 *
 * A multiboot (1) loader, QEMU's -kernel among them, enters _start in
 * 32-bit protected mode with paging off. The header below uses the
 * "a.out kludge" (flag bit 16): it gives the load addresses itself, so
 * the loader takes a flat binary (objcopy -O binary of the ELF) and needs
 * no ELF support, which QEMU has for 32-bit ELF files only.
 *
 * The stub then does what 64-bit C needs: a stack, a zeroed .bss, page
 * tables that map the first GiB one to one (2 MiB pages), long mode on,
 * and a far jump into a 64-bit code segment.
 */
	.set	MB_MAGIC, 0x1BADB002
	.set	MB_FLAGS, 1 << 16		/* the addresses below are valid */
	.set	MB_CHECKSUM, -(MB_MAGIC + MB_FLAGS)

	.section .head.text, "ax"
	.code32
	.balign	4
mb_header:
	.long	MB_MAGIC, MB_FLAGS, MB_CHECKSUM
	.long	mb_header		/* header_addr */
	.long	_text			/* load_addr: where the file's first byte goes */
	.long	__load_end		/* load_end_addr: where the file ends */
	.long	_end			/* bss_end_addr: zeroed up to here */
	.long	_start			/* entry_addr */

	.globl	_start
_start:
	cli
	cld
	mov	$stack_top, %esp

	mov	$__bss_start, %edi	/* zero .bss, page tables included */
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	xor	%eax, %eax
	rep stosb

	mov	$pdpt + 3, %eax		/* present, writable */
	mov	%eax, pml4
	mov	$pd + 3, %eax
	mov	%eax, pdpt
	xor	%ecx, %ecx
1:	mov	%ecx, %eax		/* pd[i] = i * 2 MiB, a large page */
	shl	$21, %eax
	or	$0x83, %eax		/* present, writable, 2 MiB */
	mov	%eax, pd(, %ecx, 8)
	inc	%ecx
	cmp	$512, %ecx
	jb	1b

	mov	%cr4, %eax		/* PAE: long mode needs it */
	or	$1 << 5, %eax
	mov	%eax, %cr4
	mov	$pml4, %eax
	mov	%eax, %cr3
	mov	$0xc0000080, %ecx	/* EFER: long mode enable */
	rdmsr
	or	$1 << 8, %eax
	wrmsr
	mov	%cr0, %eax		/* paging on: long mode is active */
	or	$1 << 31, %eax
	mov	%eax, %cr0

	lgdt	gdt_ptr
	ljmp	$0x08, $start64

	.code64
start64:
	mov	$0x10, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%eax, %fs
	mov	%eax, %gs
	lea	stack_top(%rip), %rsp
	call	kmain
2:	hlt
	jmp	2b

	.section .rodata
	.balign	8
gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
gdt_ptr:
	.word	gdt_ptr - gdt - 1
	.long	gdt

	.section .bss.pagetables, "aw", @nobits
	.balign	4096
pml4:	.skip	4096
pdpt:	.skip	4096
pd:	.skip	4096

	.section .stack, "aw", @nobits
	.balign	16
	.skip	16384
stack_top:

	.section .note.GNU-stack, "", @progbits
