/* report_aggcmp: a sector year on year (kijun --compare OLD-FOLDER
 * NEW-FOLDER): two surveys (survey.h) compared: the organisations by
 * verdict then and now, the distribution of baseline coverage then and
 * now, and each organisation's movement, matched by its name as people
 * tell names apart (case, full-width forms and blanks folded), with the
 * organisations that entered and those that left.  It formats what the
 * two surveys counted; it counts nothing else.
 *
 * Names of organisations are printed only with --names; without it an
 * organisation is shown by its answers file. */
#ifndef KIJUN_REPORT_AGGCMP_H
#define KIJUN_REPORT_AGGCMP_H

#include <stdbool.h>
#include <stdio.h>

#include "ops/survey.h"
#include "report/report.h"

typedef struct aggcmp_ctx
{
  const survey *old, *new;
  const char *old_path, *new_path;
  enum lang lang;
  bool names;
  const char *title;            /* --title, or NULL */
} aggcmp_ctx;

/* Text or JSON (aggcmp_supports; the caller refuses the others); 0, or
 * EX_IOERR when the stream failed. */
int aggcmp_write(FILE *f, enum report_fmt fmt, const aggcmp_ctx *r);
/* Whether aggcmp_write writes fmt. */
bool aggcmp_supports(enum report_fmt fmt);

#endif
