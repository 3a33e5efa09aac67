/* fuzz: what the fuzz targets share: handing an input to a loader that
 * takes a path, through an in-memory file. */
#ifndef KIJUN_FUZZ_H
#define KIJUN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write data (after prefix) to an anonymous in-memory file and return
 * its /proc path in buf, or NULL; *fd must be closed by the caller. */
static inline const char *
fuzz_memfile(const char *prefix, const uint8_t *data, size_t size, char *buf, size_t bufsize, int *fd)
{
  *fd = memfd_create("kijun-fuzz", 0);
  if (*fd < 0)
    return NULL;
  size_t plen = 0;
  while (prefix && prefix[plen])
    plen++;
  if ((plen && write(*fd, prefix, plen) != (ssize_t) plen)
      || (size && write(*fd, data, size) != (ssize_t) size))
    return NULL;
  snprintf(buf, bufsize, "/proc/self/fd/%d", *fd);
  return buf;
}

#endif
