#!/bin/sh
# SPDX-License-Identifier: MIT
#
# capture.sh OUTDIR - boot real firmware in QEMU and save the memory maps
# it hands to an OS, as fixtures for the importer tests (tests/data/real).
#
# Each capture boots efi-mmap.c (a UEFI application that prints
# GetMemoryMap()'s output byte for byte, then powers off) and writes
# OUTDIR/<name>.efimap (the raw descriptors) and OUTDIR/<name>.txt (where
# it came from). Needs: clang, lld, qemu-system-x86, qemu-system-arm,
# ovmf, qemu-efi-aarch64, u-boot-qemu, python3 (Debian packages).
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

# save NAME DESCRIPTION: the console output in $tmp/con -> fixture files
save() {
	python3 - "$tmp/con" "$out/$1.efimap" <<'PY'
import re, sys
text = open(sys.argv[1], 'rb').read().decode('latin-1')
m = re.search(r'EFI-MMAP desc_size=(\d+) desc_version=(\d+) map_size=(\d+)', text)
if not m:
    sys.exit('no memory map in the console output')
data = bytes.fromhex(''.join(re.findall(r'EFI-HEX ([0-9a-f]+)', text)))
if len(data) != int(m.group(3)):
    sys.exit('map_size %s, %d bytes read' % (m.group(3), len(data)))
open(sys.argv[2], 'wb').write(data)
print('%s: %d descriptors of %s bytes' % (sys.argv[2], len(data) // int(m.group(1)), m.group(1)))
PY
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
