/* Fuzz target: the mapping loader, and its binding to the two editions
 * fixtures it names (tests/data/editions/shop-3.cfg and next.cfg), so
 * that inputs which read also exercise the id checks. */
#include <config.h>

#include <stdlib.h>

#include "fuzz.h"
#include "io/mapping.h"
#include "io/qload.h"
#include "base/xalloc.h"

static questionnaire *from, *to;

static questionnaire *
load(const char *name)
{
  const char *src = getenv("KIJUN_SRCDIR");
  char *p = xasprintf("%s/tests/data/editions/%s", src ? src : KIJUN_SRCDIR, name);
  diag_t d = { 0 };
  questionnaire *q;
  if (qload_file(p, &d, &q) != 0)
    abort();
  free(p);
  return q;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (!from)
    {
      from = load("shop-3.cfg");
      to = load("next.cfg");
    }
  char path[64];
  int fd;
  if (!fuzz_memfile(NULL, data, size, path, sizeof path, &fd))
    return 0;
  diag_t d = { 0 };
  mapping *m;
  if (map_read(path, &d, &m) == 0)
    {
      map_bind(m, from, to, &d);
      map_free(m);
    }
  diag_clear(&d);
  close(fd);
  return 0;
}
