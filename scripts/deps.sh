#!/bin/sh
# SPDX-License-Identifier: MIT
#
# deps.sh GROUP... - make sure the Debian packages a make target needs are
# installed. As root on Debian they are installed with apt-get; otherwise
# the one command that installs them is printed and the script fails.
set -eu

packages_of() {
	case "$1" in
	base)		echo make gcc libc6-dev ;;
	kconfig)	echo python3-kconfiglib ;;
	check)		echo libcmocka-dev pkg-config python3-kconfiglib ;;
	cxx)		echo g++ ;;
	qemu-x86)	echo qemu-system-x86 ;;
	qemu-arm64)	echo qemu-system-arm ;;
	qemu-riscv64)	echo qemu-system-misc ;;
	ovmf)		echo qemu-system-x86 ovmf ;;
	aavmf)		echo qemu-system-arm qemu-efi-aarch64 ;;
	uboot)		echo qemu-system-arm u-boot-qemu u-boot-tools ;;
	grub)		echo qemu-system-x86 grub-common grub-pc-bin \
			     grub-efi-amd64-bin xorriso mtools ;;
	cross)		echo gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu \
			     gcc-arm-none-eabi gcc-i686-linux-gnu clang lld llvm ;;
	clang)		echo clang lld llvm ;;
	dtc)		echo device-tree-compiler ;;
	coverage)	echo lcov ;;
	oracle)		echo xz-utils python3-kconfiglib ;;
	valgrind)	echo valgrind ;;
	analyze)	echo cppcheck clang-tidy ;;
	fuzz)		echo clang libclang-rt-14-dev ;;
	*)		echo "deps.sh: unknown group '$1'" >&2; exit 2 ;;
	esac
}

missing=""
for group in "$@"; do
	for pkg in $(packages_of "$group"); do
		if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
			grep -q 'install ok installed'; then
			case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
		fi
	done
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps.sh: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2
	exit 0
fi
echo "deps.sh: missing Debian packages. Install them with:" >&2
echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
exit 1
