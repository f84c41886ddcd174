// SPDX-License-Identifier: MIT
/*
 * efi-mmap.c - a UEFI application that prints the firmware's memory map,
 * byte for byte, and powers the machine off. Used to capture the maps
 * under tests/data/real/ from real firmware in QEMU
 * (tools/capture/capture.sh); written from the UEFI specification.
 *
 * Output, on the console (the serial port with QEMU -nographic):
 *   EFI-MMAP desc_size=<n> desc_version=<n> map_size=<n>
 *   EFI-HEX <up to 32 bytes as hex>      (repeated)
 *   EFI-END
 */
#include <stddef.h>
#include <stdint.h>

typedef uint64_t efi_status;
typedef uint16_t char16;

#if defined(__x86_64__)
#define EFIAPI __attribute__((ms_abi))
#else
#define EFIAPI
#endif

struct efi_table_header {
	uint64_t signature;
	uint32_t revision, header_size, crc32, reserved;
};

struct efi_text_out {
	void *reset;
	efi_status(EFIAPI *output_string)(struct efi_text_out *self,
					  const char16 *s);
};

struct efi_boot_services {
	struct efi_table_header hdr;
	void *raise_tpl, *restore_tpl, *allocate_pages, *free_pages;
	efi_status(EFIAPI *get_memory_map)(uint64_t *map_size, void *map,
					   uint64_t *key, uint64_t *desc_size,
					   uint32_t *desc_version);
};

struct efi_runtime_services {
	struct efi_table_header hdr;
	void *get_time, *set_time, *get_wakeup_time, *set_wakeup_time;
	void *set_virtual_address_map, *convert_pointer;
	void *get_variable, *get_next_variable_name, *set_variable;
	void *get_next_high_monotonic_count;
	void(EFIAPI *reset_system)(int type, efi_status status, uint64_t size,
				   void *data);
};

struct efi_system_table {
	struct efi_table_header hdr;
	char16 *vendor;
	uint32_t vendor_revision;
	void *con_in_handle, *con_in, *con_out_handle;
	struct efi_text_out *con_out;
	void *stderr_handle, *std_err;
	struct efi_runtime_services *runtime;
	struct efi_boot_services *boot;
};

static struct efi_text_out *out;
static uint8_t map[64 * 1024];

static void put(const char *s)
{
	char16 buf[128];
	size_t n = 0;

	while (*s) {
		if (*s == '\n')
			buf[n++] = '\r';
		buf[n++] = (char16)*s++;
		if (n >= 120 || !*s) {
			buf[n] = 0;
			out->output_string(out, buf);
			n = 0;
		}
	}
}

static void put_num(uint64_t v)
{
	char b[24];
	int i = 23;

	b[i] = 0;
	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put(&b[i]);
}

EFIAPI efi_status efi_main(void *image, struct efi_system_table *st)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t size = sizeof(map), key, desc_size;
	uint32_t version;
	efi_status s;

	(void)image;
	out = st->con_out;
	s = st->boot->get_memory_map(&size, map, &key, &desc_size, &version);
	if (s) {
		put("EFI-MMAP error\n");
	} else {
		put("\nEFI-MMAP desc_size=");
		put_num(desc_size);
		put(" desc_version=");
		put_num(version);
		put(" map_size=");
		put_num(size);
		put("\n");
		for (uint64_t off = 0; off < size; off += 32) {
			char line[8 + 64 + 2];
			size_t n = 0;

			for (const char *p = "EFI-HEX "; *p; p++)
				line[n++] = *p;
			for (uint64_t i = off; i < size && i < off + 32; i++) {
				line[n++] = hex[map[i] >> 4];
				line[n++] = hex[map[i] & 15];
			}
			line[n++] = '\n';
			line[n] = 0;
			put(line);
		}
		put("EFI-END\n");
	}
	/* EfiResetShutdown: QEMU exits (-no-reboot). */
	st->runtime->reset_system(2, 0, 0, NULL);
	return 0;
}
