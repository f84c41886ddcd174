/* SPDX-License-Identifier: MIT */
/*
 * start.S - entry of the riscv64 example kernel.
 *
 * OpenSBI (QEMU's -bios default) runs first in M-mode from the start of
 * RAM, then enters the kernel it was given with -kernel at 0x80200000 in
 * S-mode, MMU (satp) off, with
 *   a0 = the id of this hart
 *   a1 = physical address of the device tree blob (DTB).
 */

	.section .text.boot, "ax"
	.globl _start
_start:
	/* The stack; "norelax" because gp, the relaxation base, is not set. */
	.option push
	.option norelax
	la	sp, __stack_end
	.option pop

	/* Any trap lands in riscv_trap below and fails the boot loudly. */
	la	t0, riscv_trap
	csrw	stvec, t0

	/* Zero .bss (a0 and a1 are kept for riscv_main). */
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b

2:	call	riscv_main		/* riscv_main(hartid, dtb), never returns */
3:	wfi
	j	3b

/* stvec in direct mode needs a 4-byte aligned handler address. */
	.balign	4
riscv_trap:
	call	riscv_exception

/* The boot stack: 16 KiB in a section of its own, placed by riscv64.ld. */
	.section .stack, "aw", @nobits
	.balign	16
	.skip	16384
