/* ui: the interactive front end.  Until it lands this says so plainly. */
#include <config.h>
#include "ui.h"

#include <stdio.h>
#include <sysexits.h>

#include "i18n.h"

int
ui_main(const char *path, const char *qpath)
{
  (void) qpath;
  fprintf(stderr, "kijun: %s\n",
          _("the interactive interface is not available yet; use --report or --check"));
  fprintf(stderr, "kijun: %s\n", path);
  return EX_UNAVAILABLE;
}
