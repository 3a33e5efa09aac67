/* xalloc: allocation wrappers that end the program on exhaustion.  See
 * xalloc.h for why failure is not reported to the caller. */
#include <config.h>
#include "base/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "base/i18n.h"

_Noreturn void
xalloc_die(void)
{
  fprintf(stderr, "kijun: %s\n", _("out of memory"));
  exit(EX_OSERR);
}

void *
xmalloc(size_t size)
{
  void *p = malloc(size ? size : 1);
  if (!p)
    xalloc_die();
  return p;
}

void *
xcalloc(size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    xalloc_die();
  return p;
}

void *
xrealloc(void *p, size_t size)
{
  p = realloc(p, size ? size : 1);
  if (!p)
    xalloc_die();
  return p;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap)
    return p;
  size_t n = *cap ? *cap : 8;
  while (n < need)
    {
      if (n > SIZE_MAX / 2 / size)
        xalloc_die();
      n *= 2;
    }
  *cap = n;
  return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
  return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
  char *p = xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *
xasprintf(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    xalloc_die();
  char *p = xmalloc((size_t) n + 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t) n + 1, fmt, ap);
  va_end(ap);
  return p;
}
