# SPDX-License-Identifier: MIT
#
# 'make size': code size of the core and of each firmware module at -Os on
# five architectures (see bench/size.sh for what is counted).

EXTRA_HELP += "size           - .text/.rodata/.data/.bss of the core and modules at -Os, 5 architectures"

.PHONY: size

size:
	$(Q)bench/size.sh $(O)/size
