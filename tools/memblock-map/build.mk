# SPDX-License-Identifier: MIT
#
# memblock-map, the host inspection tool (docs/memblock-map.md).
#
# The tool carries its own copy of the library, compiled with NUMA on, large
# static region arrays and the tool's environment (tool_env.h), whatever the
# .config says: it is a host program, not part of an embedder's build. It
# never calls memblock_allow_resize(), so the arrays never move.
#
# 'make' builds $(O)/memblock-map; 'make check-tools' (also run by 'make
# check', after the suites) runs tests/tools/memblock-map.sh against it;
# 'make install' installs it with its manual page, memblock-map.1.

# A host program: with CROSS_COMPILE set, it is built with HOSTCC and
# HOSTCFLAGS instead of the target's compiler and flags.
MAP_TOOL_CC = $(if $(CROSS_COMPILE),$(HOSTCC),$(CC))
MAP_TOOL_FLAGS = $(if $(CROSS_COMPILE),$(HOSTCFLAGS),$(CFLAGS))
MAP_TOOL := $(O)/memblock-map
MAP_TOOL_OBJDIR := $(O)/tool-obj
MAP_TOOL_SRCS := $(sort $(wildcard tools/memblock-map/*.c))
MAP_TOOL_OBJS := $(patsubst %.c,$(MAP_TOOL_OBJDIR)/%.o,$(LIB_SRCS) $(MAP_TOOL_SRCS))
MAP_TOOL_CFLAGS = -std=c11 $(WARNFLAGS) -MMD -MP $(MAP_TOOL_FLAGS) $(SAN_FLAGS) -Iinclude \
	-Itools/memblock-map -DMEMBLOCK_ENV_HEADER='"tool_env.h"' \
	-DCONFIG_NUMA=1 -DCONFIG_MEMBLOCK_INIT_MEMORY_REGIONS=8192 \
	-DCONFIG_MEMBLOCK_INIT_RESERVED_REGIONS=8192

MAP_TOOL_MAN := tools/memblock-map/memblock-map.1

EXTRA_HELP += "check-tools    - test $(MAP_TOOL) (tests/tools/memblock-map.sh)"

.PHONY: check-tools

all: $(MAP_TOOL)
CHECK_EXTRA += check-tools
# 'make install' puts the tool in $(PREFIX)/bin and its manual page in
# $(PREFIX)/share/man/man1 (the recipe is in the top-level Makefile).
install: $(MAP_TOOL)

$(MAP_TOOL_OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $< (memblock-map)")
	$(Q)$(MAP_TOOL_CC) $(MAP_TOOL_CFLAGS) -c $< -o $@

$(MAP_TOOL): $(MAP_TOOL_OBJS)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(MAP_TOOL_CC) $(ALL_LDFLAGS) -o $@ $^ -lm

check-tools: $(MAP_TOOL)
	@sh tests/tools/memblock-map.sh $(MAP_TOOL)

-include $(MAP_TOOL_OBJS:.o=.d)
