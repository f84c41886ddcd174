# SPDX-License-Identifier: MIT
#
# libmemblock - top-level Makefile.
#
# Conventions as in kbuild: O=DIR builds out of tree (default: build),
# V=1 shows the commands, CC and CROSS_COMPILE choose the compiler for the
# library (freestanding when cross compiling), HOSTCC and HOSTCFLAGS the
# one for host programs, and a
# .config (KCONFIG_CONFIG) made by 'make defconfig' / 'make menuconfig' is
# turned into $(O)/include/memblock/autoconf.h. Without a .config the headers
# use their built-in defaults.
#
# Each area adds its own targets in a build.mk beside its sources.

O ?= build
KCONFIG_CONFIG ?= .config
PREFIX ?= /usr/local
DESTDIR ?=
# kconfiglib is a module of Debian's python3, whatever python3 is on PATH.
KCONFIG_PY ?= /usr/bin/python3

ifeq ($(V),1)
Q :=
else
Q := @
endif

ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif
ifeq ($(origin AR),default)
AR := $(CROSS_COMPILE)ar
endif

CFLAGS ?= -O2 -g
# Host programs (memblock-map) take HOSTCC and HOSTCFLAGS, as in kbuild.
HOSTCC ?= cc
HOSTCFLAGS ?= -O2 -g
WARNFLAGS := -Wall -Wextra -Werror
BASE_CFLAGS := -std=c11 $(WARNFLAGS) -MMD -MP
# A cross build is for a kernel: freestanding, no target libc needed
# (FREESTANDING=0 builds a hosted library for a target with a libc).
FREESTANDING ?= $(if $(CROSS_COMPILE),1)
ifeq ($(FREESTANDING),1)
BASE_CFLAGS += -ffreestanding
endif

ifeq ($(SANITIZE),1)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	     -fno-omit-frame-pointer
endif

# An embedder's environment header (see include/memblock/env.h), if any.
ifneq ($(MEMBLOCK_ENV),)
ENV_CFLAGS := -DMEMBLOCK_ENV_HEADER='"$(notdir $(MEMBLOCK_ENV))"' \
	      -I$(dir $(MEMBLOCK_ENV))
endif

AUTOCONF := $(O)/include/memblock/autoconf.h
INCLUDES := -I$(O)/include -Iinclude
ALL_CFLAGS = $(BASE_CFLAGS) $(CFLAGS) $(SAN_FLAGS) $(ENV_CFLAGS) $(INCLUDES)
ALL_LDFLAGS = $(LDFLAGS) $(SAN_FLAGS)

LIB := $(O)/libmemblock.a
LIB_SRCS := $(sort $(wildcard src/*.c src/fw/*.c))
LIB_OBJS := $(LIB_SRCS:%.c=$(O)/obj/%.o)

.DEFAULT_GOAL := all
.PHONY: all lib help clean distclean install uninstall defconfig \
	olddefconfig menuconfig savedefconfig FORCE

all: lib
lib: $(LIB)

# --- Configuration ---------------------------------------------------------

ifneq ($(wildcard $(KCONFIG_CONFIG)),)
$(AUTOCONF): $(KCONFIG_CONFIG) Kconfig
	@mkdir -p $(dir $@)
	$(Q)KCONFIG_CONFIG=$(KCONFIG_CONFIG) $(KCONFIG_PY) -m genconfig \
		--header-path $@ Kconfig
CONFIG_DEP := $(AUTOCONF)
else
# No configuration: make sure no stale header overrides the defaults.
$(shell rm -f $(AUTOCONF))
CONFIG_DEP :=
endif

define kconfig_tool
	@scripts/deps.sh kconfig
	$(Q)KCONFIG_CONFIG=$(KCONFIG_CONFIG) $(KCONFIG_PY) -m $(1) Kconfig
endef

defconfig:
	$(call kconfig_tool,alldefconfig)
olddefconfig:
	$(call kconfig_tool,olddefconfig)
menuconfig:
	$(call kconfig_tool,menuconfig)
savedefconfig:
	@scripts/deps.sh kconfig
	$(Q)KCONFIG_CONFIG=$(KCONFIG_CONFIG) $(KCONFIG_PY) -m savedefconfig \
		--kconfig Kconfig --out defconfig

# --- The library -----------------------------------------------------------

$(O)/obj/%.o: %.c $(CONFIG_DEP)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	$(if $(Q),@echo "  AR      $@")
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

-include $(LIB_OBJS:.o=.d)

# --- Installation -----------------------------------------------------------

INSTALL_INC := $(DESTDIR)$(PREFIX)/include
INSTALL_LIB := $(DESTDIR)$(PREFIX)/lib
HEADERS := include/memblock.h $(wildcard include/memblock/*.h)

install: $(LIB)
	install -d $(INSTALL_INC)/memblock $(INSTALL_LIB)/pkgconfig
	install -m 644 include/memblock.h $(INSTALL_INC)/
	install -m 644 $(wildcard include/memblock/*.h) $(INSTALL_INC)/memblock/
	$(if $(wildcard $(AUTOCONF)),install -m 644 $(AUTOCONF) $(INSTALL_INC)/memblock/)
	install -m 644 $(LIB) $(INSTALL_LIB)/
	sed -e 's|@PREFIX@|$(PREFIX)|' memblock.pc.in > $(INSTALL_LIB)/pkgconfig/memblock.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(MAP_TOOL) $(DESTDIR)$(PREFIX)/bin/memblock-map
	install -m 644 $(MAP_TOOL_MAN) $(DESTDIR)$(PREFIX)/share/man/man1/memblock-map.1

uninstall:
	rm -rf $(INSTALL_INC)/memblock $(INSTALL_INC)/memblock.h
	rm -f $(INSTALL_LIB)/libmemblock.a $(INSTALL_LIB)/pkgconfig/memblock.pc
	rm -f $(DESTDIR)$(PREFIX)/bin/memblock-map $(DESTDIR)$(PREFIX)/share/man/man1/memblock-map.1

clean:
	rm -rf $(O)

distclean: clean
	rm -f .config .config.old

# --- Areas -------------------------------------------------------------------

include $(sort $(wildcard tests/build.mk tests/*/build.mk tools/*/build.mk \
		examples/build.mk examples/*/build.mk bench/build.mk mk/*.mk))

help:
	@echo 'libmemblock: Linux memblock as a freestanding C library'
	@echo
	@echo 'Main targets:'
	@echo '  check          - build and run the test suite in every configuration'
	@echo '  all            - build $(LIB) and $(O)/memblock-map (default)'
	@echo '  lib            - build $(LIB) only'
	@echo '  install        - install headers, library, memblock.pc, memblock-map and its man page (PREFIX, DESTDIR)'
	@echo '  uninstall      - remove what install put there'
	@echo '  clean          - remove $(O)'
	@echo '  distclean      - clean, and remove the .config too'
	@echo
	@echo 'Configuration (python3-kconfiglib):'
	@echo '  defconfig, olddefconfig, menuconfig, savedefconfig'
	@echo
	@echo 'Other targets:'
	@printf '  %s\n' $(EXTRA_HELP) | sort
	@echo
	@echo 'Variables: O=DIR  V=1  CC=  CROSS_COMPILE=  CFLAGS=  HOSTCC=  HOSTCFLAGS='
	@echo '           FREESTANDING=0|1  SANITIZE=1  MEMBLOCK_ENV=path/to/env.h'
