#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-ovmf.sh IMAGE - boot a UEFI application in QEMU under OVMF (q35,
# 256 MiB): the application becomes EFI/BOOT/BOOTX64.EFI of an ESP made
# from a directory, next to a private copy of OVMF's variable store.
# QEMU's exit status is passed on (isa-debug-exit: 33 means PASS).
set -u
image=${1:?usage: run-ovmf.sh IMAGE}
code=/usr/share/OVMF/OVMF_CODE.fd
vars=/usr/share/OVMF/OVMF_VARS.fd
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ovmf.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/esp/EFI/BOOT"
cp "$image" "$tmp/esp/EFI/BOOT/BOOTX64.EFI"
cp "$vars" "$tmp/vars.fd"
qemu-system-x86_64 -machine q35 -m 256M -nographic -no-reboot -net none \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-drive if=pflash,format=raw,readonly=on,file="$code" \
	-drive if=pflash,format=raw,file="$tmp/vars.fd" \
	-drive format=raw,file=fat:rw:"$tmp/esp"
