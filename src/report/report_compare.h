/* report_compare: two assessments of one questionnaire compared (kijun
 * --compare OLD NEW), from the comparison compare.h computes, in text,
 * Markdown, CSV, JSON or HTML, wholly in the report's language.  The
 * questions that regressed come first: they are what a manager must see.
 * CSV columns and JSON keys are English and stable (kijun(1)). */
#ifndef KIJUN_REPORT_COMPARE_H
#define KIJUN_REPORT_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "model/answers.h"
#include "base/i18n.h"
#include "model/qn.h"
#include "report/report.h"

typedef struct report_compare_ctx
{
  const questionnaire *qn;    /* both assessments answer it */
  const assessment *old, *new;
  const char *old_path, *new_path;
  enum lang lang;
  int width;                  /* text width in columns (0: 80) */
} report_compare_ctx;

/* Write the comparison; *regressed tells whether a question regressed.
 * Returns 0, or EX_IOERR when the stream failed. */
int report_compare_write(FILE *f, enum report_fmt fmt, const report_compare_ctx *r,
                         bool *regressed);

#endif
