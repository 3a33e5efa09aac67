/* report: the coverage report of an assessment, as plain text (also what
 * kijun prints on leaving the interface), Markdown, CSV or JSON.
 *
 * Text and Markdown follow the chosen language and show file text with
 * control characters escaped.  CSV column names and JSON keys are English
 * and stable in every language (scripts depend on them; the schema is in
 * kijun(1)); the titles and labels they carry follow the language. */
#ifndef KIJUN_REPORT_H
#define KIJUN_REPORT_H

#include <stdio.h>

#include "answers.h"
#include "i18n.h"
#include "qn.h"

enum report_fmt { REPORT_TEXT, REPORT_MARKDOWN, REPORT_CSV, REPORT_JSON };

typedef struct report_ctx
{
  const questionnaire *qn;
  const assessment *a;
  const char *answers_path;   /* shown in the report; may be NULL */
  enum lang lang;
  int width;                  /* text report width in columns (0: 80) */
} report_ctx;

/* "text", "markdown" (or "md"), "csv", "json"; -1 when unknown. */
int report_fmt_parse(const char *s);
/* Write the report; returns 0, or -1 when the stream failed. */
int report_write(FILE *f, enum report_fmt fmt, const report_ctx *r);

#endif
