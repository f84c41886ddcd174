#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-uboot.sh IMAGE - boot the arm64 kernel the way a board boots it:
# U-Boot (Debian's qemu_arm64 build) runs a boot script from a read-only
# FAT virtio disk. The script adds a /memreserve/ entry to the device tree
# it passes on (fdt rsvmem add), loads the Image and starts it with booti.
# U-Boot falls through to a network boot and waits when it cannot boot:
# run this under a timeout (boot-check.sh does).
set -u
image=${1:?usage: run-uboot.sh IMAGE}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uboot.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/disk"
cp "$image" "$tmp/disk/Image"
cat > "$tmp/boot.cmd" <<'CMD'
echo libmemblock: U-Boot boot script
fdt addr ${fdtcontroladdr}
fdt resize 4096
fdt rsvmem add 0x47f00000 0x10000
load virtio 0:1 ${kernel_addr_r} /Image
booti ${kernel_addr_r} - ${fdtcontroladdr}
CMD
mkimage -A arm64 -O linux -T script -C none -d "$tmp/boot.cmd" \
	"$tmp/disk/boot.scr" >/dev/null
qemu-system-aarch64 -M virt -cpu cortex-a57 -m 128M -nographic -no-reboot \
	-semihosting -bios /usr/lib/u-boot/qemu_arm64/u-boot.bin \
	-drive if=none,id=d,format=raw,readonly=on,file=fat:"$tmp/disk" \
	-device virtio-blk-device,drive=d
