#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-grub.sh KERNEL bios|uefi - boot the x86 kernel the way a PC boots
# it: GRUB 2 from an ISO made by grub-mkrescue loads it with "multiboot2",
# under SeaBIOS (QEMU's BIOS) or under OVMF (q35, UEFI). QEMU's exit
# status is passed on (isa-debug-exit: 33 means PASS).
set -u
kernel=${1:?usage: run-grub.sh KERNEL bios|uefi}
fw=${2:?usage: run-grub.sh KERNEL bios|uefi}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/grub.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/iso/boot/grub"
cp "$kernel" "$tmp/iso/boot/kernel.elf"
cat > "$tmp/iso/boot/grub/grub.cfg" <<'CFG'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
menuentry "libmemblock example (multiboot2)" {
	multiboot2 /boot/kernel.elf
	boot
}
CFG
grub-mkrescue -o "$tmp/boot.iso" "$tmp/iso" >"$tmp/mkrescue.log" 2>&1 ||
	{ cat "$tmp/mkrescue.log" >&2; exit 1; }
case "$fw" in
bios)
	qemu-system-x86_64 -m 256M -nographic -no-reboot \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$tmp/boot.iso"
	;;
uefi)
	cp /usr/share/OVMF/OVMF_VARS.fd "$tmp/vars.fd"
	qemu-system-x86_64 -machine q35 -m 256M -nographic -no-reboot -net none \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd \
		-drive if=pflash,format=raw,file="$tmp/vars.fd" -cdrom "$tmp/boot.iso"
	;;
*)
	echo "run-grub.sh: firmware '$fw': bios or uefi" >&2
	exit 2
	;;
esac
