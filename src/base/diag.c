/* diag: collect and print loader problems.  See diag.h. */
#include <config.h>
#include "base/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"

void
diag_add(diag_t *d, const char *file, int line, const char *fmt, ...)
{
  if (!d)
    return;
  if (d->n >= DIAG_MAX)
    {
      d->dropped++;
      return;
    }
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *msg = xmalloc((size_t) (len > 0 ? len : 0) + 1);
  va_start(ap, fmt);
  vsnprintf(msg, (size_t) (len > 0 ? len : 0) + 1, fmt, ap);
  va_end(ap);

  char *full;
  if (file && line > 0)
    full = xasprintf("%s:%d: %s", file, line, msg);
  else if (file)
    full = xasprintf("%s: %s", file, msg);
  else
    full = xasprintf("%s", msg);
  free(msg);
  /* File names and values quoted from files can hold anything: control
   * characters, bidi overrides, invalid bytes.  A message shows them
   * escaped, so it is one line that reads as what it is. */
  char *shown = txt_sanitize(full, true);
  free(full);
  d->msgs = xgrow(d->msgs, &d->cap, d->n + 1, sizeof *d->msgs);
  d->msgs[d->n++] = shown;
}

bool
diag_skip(diag_t *d)
{
  if (d && d->n < DIAG_MAX)
    return false;
  if (d)
    d->dropped++;
  return true;
}

size_t
diag_count(const diag_t *d)
{
  return d->n + d->dropped;
}

void
diag_print(const diag_t *d, FILE *f)
{
  for (size_t i = 0; i < d->n; i++)
    fprintf(f, "%s\n", d->msgs[i]);
  if (d->dropped)
    fprintf(f, ngettext("kijun: %zu more problem not shown\n",
                        "kijun: %zu more problems not shown\n", d->dropped),
            d->dropped);
}

void
diag_clear(diag_t *d)
{
  for (size_t i = 0; i < d->n; i++)
    free(d->msgs[i]);
  free(d->msgs);
  d->msgs = NULL;
  d->n = d->cap = d->dropped = 0;
}
