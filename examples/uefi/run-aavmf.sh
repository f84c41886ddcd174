#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-aavmf.sh IMAGE - boot a UEFI application in QEMU under AAVMF (arm64
# virt, 128 MiB): the application becomes EFI/BOOT/BOOTAA64.EFI of an ESP
# made from a directory on a virtio disk. It leaves QEMU by semihosting,
# whose exit status is passed on (0 means PASS).
set -u
image=${1:?usage: run-aavmf.sh IMAGE}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/aavmf.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/esp/EFI/BOOT"
cp "$image" "$tmp/esp/EFI/BOOT/BOOTAA64.EFI"
qemu-system-aarch64 -M virt -cpu cortex-a57 -m 128M -nographic -no-reboot \
	-semihosting -net none -bios /usr/share/qemu-efi-aarch64/QEMU_EFI.fd \
	-drive if=none,id=d,format=raw,file=fat:rw:"$tmp/esp" \
	-device virtio-blk-device,drive=d
