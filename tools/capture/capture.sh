#!/bin/sh
# SPDX-License-Identifier: MIT
#
# capture.sh OUTDIR - boot real firmware in QEMU and save the memory maps
# it hands to an OS, as fixtures for the importer tests (tests/data/real).
#
# Each capture boots efi-mmap.c (a UEFI application that prints
# GetMemoryMap()'s output byte for byte, then powers off) and writes
# OUTDIR/<name>.efimap (the raw descriptors) and OUTDIR/<name>.txt (where
# it came from); and boots mb2-dump.c with GRUB (multiboot2) under SeaBIOS
# and OVMF: OUTDIR/<name>.mbi is the whole multiboot 2 information. Needs:
# clang, lld, qemu-system-x86, qemu-system-arm, ovmf, qemu-efi-aarch64,
# u-boot-qemu, grub-common, grub-pc-bin, grub-efi-amd64-bin, xorriso,
# mtools, python3 (Debian packages).
set -eu

out=${1:?usage: capture.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

CFLAGS="-ffreestanding -fshort-wchar -fno-stack-protector -O2 -Wall -Wextra"
clang --target=x86_64-unknown-windows $CFLAGS -mno-red-zone \
	-mno-stack-arg-probe -c "$here/efi-mmap.c" -o "$tmp/x64.o"
lld-link /subsystem:efi_application /entry:efi_main /machine:x64 \
	/nodefaultlib /out:"$tmp/BOOTX64.EFI" "$tmp/x64.o"
clang --target=aarch64-unknown-windows $CFLAGS -mgeneral-regs-only \
	-c "$here/efi-mmap.c" -o "$tmp/a64.o"
lld-link /subsystem:efi_application /entry:efi_main /machine:arm64 \
	/nodefaultlib /out:"$tmp/BOOTAA64.EFI" "$tmp/a64.o"

clang --target=i686-elf -ffreestanding -nostdlib -fno-pie -fno-pic \
	-fno-stack-protector -fno-asynchronous-unwind-tables -O2 -Wall -Wextra \
	-c "$here/mb2-dump.c" -o "$tmp/mb2.o"
ld.lld -T "$here/mb2-dump.ld" -o "$tmp/mb2.elf" "$tmp/mb2.o"

# hexdump-to-file TAG-PREFIX SIZE-FIELD OUTFILE: the console in $tmp/con
unhex() {
	python3 - "$tmp/con" "$1" "$2" "$3" <<'PY'
import re, sys
con, tag, field, outf = sys.argv[1:]
text = open(con, 'rb').read().decode('latin-1')
m = re.search(tag + r'-[A-Z]+ .*' + field + r'=(\d+)', text)
if not m:
    sys.exit('no %s output on the console' % tag)
data = bytes.fromhex(''.join(re.findall(tag + r'-HEX ([0-9a-f]+)', text)))
if len(data) != int(m.group(1)):
    sys.exit('%s: %s bytes announced, %d read' % (tag, m.group(1), len(data)))
open(outf, 'wb').write(data)
print('%s: %d bytes' % (outf, len(data)))
PY
}

# save NAME DESCRIPTION: the console output in $tmp/con -> fixture files
save() {
	unhex EFI map_size "$out/$1.efimap"
	{
		echo "$2"
		echo "Captured by tools/capture/capture.sh (efi-mmap.c, GetMemoryMap() before"
		echo "ExitBootServices()) on $(date -u +%Y-%m-%d), $(qemu-system-x86_64 --version | head -1)."
		grep -a 'EFI-MMAP' "$tmp/con" | tr -d '\r'
	} > "$out/$1.txt"
}

esp() {
	rm -rf "$tmp/esp"
	mkdir -p "$tmp/esp/EFI/BOOT"
	cp "$tmp/$1" "$tmp/esp/EFI/BOOT/"
}

# OVMF (x86_64, q35) at 256 MiB and at 4 GiB.
esp BOOTX64.EFI
for mem in 256M 4G; do
	cp /usr/share/OVMF/OVMF_VARS.fd "$tmp/vars.fd"
	timeout 120 qemu-system-x86_64 -machine q35 -m "$mem" -nographic \
		-no-reboot -net none \
		-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd \
		-drive if=pflash,format=raw,file="$tmp/vars.fd" \
		-drive format=raw,file=fat:rw:"$tmp/esp" </dev/null >"$tmp/con" 2>&1 || true
	save "ovmf-x86_64-q35-$mem" \
		"OVMF $(dpkg-query -W -f '${Version}' ovmf) (Debian ovmf), qemu-system-x86_64 -machine q35 -m $mem."
done

# AAVMF (aarch64, virt) at 256 MiB.
esp BOOTAA64.EFI
timeout 120 qemu-system-aarch64 -M virt -cpu cortex-a57 -m 256M -nographic \
	-no-reboot -net none -bios /usr/share/qemu-efi-aarch64/QEMU_EFI.fd \
	-drive if=none,id=d,format=raw,file=fat:rw:"$tmp/esp" \
	-device virtio-blk-device,drive=d </dev/null >"$tmp/con" 2>&1 || true
save aavmf-aarch64-virt-256M \
	"AAVMF $(dpkg-query -W -f '${Version}' qemu-efi-aarch64) (Debian qemu-efi-aarch64), qemu-system-aarch64 -M virt -cpu cortex-a57 -m 256M."

# U-Boot's UEFI (bootefi, 40-byte descriptors) on arm64, 128 MiB.
if [ -f /usr/lib/u-boot/qemu_arm64/u-boot.bin ]; then
	timeout 120 qemu-system-aarch64 -M virt -cpu cortex-a57 -m 128M \
		-nographic -no-reboot \
		-bios /usr/lib/u-boot/qemu_arm64/u-boot.bin \
		-drive if=none,id=d,format=raw,readonly=on,file=fat:"$tmp/esp" \
		-device virtio-blk-device,drive=d </dev/null >"$tmp/con" 2>&1 || true
	save u-boot-aarch64-virt-128M \
		"U-Boot $(dpkg-query -W -f '${Version}' u-boot-qemu) (Debian u-boot-qemu, qemu_arm64) bootefi, qemu-system-aarch64 -M virt -cpu cortex-a57 -m 128M."
fi

# GRUB 2 loading a multiboot2 kernel, under SeaBIOS and under OVMF.
mkdir -p "$tmp/iso/boot/grub"
cp "$tmp/mb2.elf" "$tmp/iso/boot/kernel.elf"
cat > "$tmp/iso/boot/grub/grub.cfg" <<'CFG'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
menuentry "mb2-dump" {
	multiboot2 /boot/kernel.elf
	boot
}
CFG
grub-mkrescue -o "$tmp/mb2.iso" "$tmp/iso" >/dev/null 2>&1
grub=$(dpkg-query -W -f '${Version}' grub-common)

timeout 120 qemu-system-x86_64 -m 256M -nographic -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 -cdrom "$tmp/mb2.iso" \
	</dev/null >"$tmp/con" 2>&1 || true
unhex MB2 total_size "$out/grub-seabios-x86_64-256M.mbi"
{
	echo "GRUB $grub (grub-mkrescue, multiboot2) under SeaBIOS (QEMU's default BIOS), qemu-system-x86_64 -m 256M."
	echo "Captured by tools/capture/capture.sh (mb2-dump.c prints the multiboot 2 information at EBX)"
	echo "on $(date -u +%Y-%m-%d), $(qemu-system-x86_64 --version | head -1)."
	grep -a 'MB2-INFO' "$tmp/con" | tr -d '\r'
} > "$out/grub-seabios-x86_64-256M.txt"

cp /usr/share/OVMF/OVMF_VARS.fd "$tmp/vars.fd"
timeout 120 qemu-system-x86_64 -machine q35 -m 256M -nographic -no-reboot \
	-net none -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE.fd \
	-drive if=pflash,format=raw,file="$tmp/vars.fd" -cdrom "$tmp/mb2.iso" \
	</dev/null >"$tmp/con" 2>&1 || true
unhex MB2 total_size "$out/grub-ovmf-x86_64-q35-256M.mbi"
{
	echo "GRUB $grub (grub-mkrescue, multiboot2) under OVMF $(dpkg-query -W -f '${Version}' ovmf), qemu-system-x86_64 -machine q35 -m 256M."
	echo "Captured by tools/capture/capture.sh (mb2-dump.c prints the multiboot 2 information at EBX)"
	echo "on $(date -u +%Y-%m-%d), $(qemu-system-x86_64 --version | head -1)."
	grep -a 'MB2-INFO' "$tmp/con" | tr -d '\r'
} > "$out/grub-ovmf-x86_64-q35-256M.txt"
