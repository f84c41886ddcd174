# SPDX-License-Identifier: MIT
#
# For embedders' own build systems: include this file and compile
# $(MEMBLOCK_SRCS) with $(MEMBLOCK_CFLAGS). Set MEMBLOCK_DIR to this
# directory first if it is not the current one.
MEMBLOCK_DIR ?= .
MEMBLOCK_SRCS := $(sort $(wildcard $(MEMBLOCK_DIR)/src/*.c $(MEMBLOCK_DIR)/src/fw/*.c))
MEMBLOCK_CFLAGS := -std=c11 -I$(MEMBLOCK_DIR)/include
