/* cfgwrite: libconfig string literals (see cfgwrite.h).  libconfig 1.5
 * reads \" \\ \n \r \t \f and \xNN; every other byte below 0x20, and DEL,
 * goes as \xNN so that the file stays printable text. */
#include <config.h>
#include "io/cfgwrite.h"

#include <stdlib.h>

#include "base/xalloc.h"

void
cfg_put_string(FILE *f, const char *s)
{
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    switch (*p)
      {
      case '"': fputs("\\\"", f); break;
      case '\\': fputs("\\\\", f); break;
      case '\n': fputs("\\n", f); break;
      case '\r': fputs("\\r", f); break;
      case '\t': fputs("\\t", f); break;
      case '\f': fputs("\\f", f); break;
      default:
        if (*p < 0x20 || *p == 0x7F)
          fprintf(f, "\\x%02X", *p);
        else
          fputc(*p, f);
      }
  fputc('"', f);
}

char *
cfg_quoted(const char *s)
{
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  if (!f)
    xalloc_die();
  cfg_put_string(f, s);
  if (fclose(f) != 0)
    xalloc_die();
  return out;
}
