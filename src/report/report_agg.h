/* report_agg: the aggregate report of many assessments (kijun
 * --aggregate) in the report formats: text, Markdown, CSV, JSON and HTML
 * (the last from report_html.h's skeleton).  It formats a survey's
 * figures (survey.h, agg.h); it counts nothing.
 *
 * Organisation and respondent names appear only when r->names is set: an
 * aggregate is often passed on.  CSV columns and JSON keys are English
 * and stable (kijun(1) lists them); the labels follow the language. */
#ifndef KIJUN_REPORT_AGG_H
#define KIJUN_REPORT_AGG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/i18n.h"
#include "report/report.h"
#include "ops/survey.h"

typedef struct aggrep_ctx
{
  const survey *s;
  enum lang lang;
  int width;                    /* text width in columns (0: 80) */
  bool names;                   /* print the organisations' names */
  const char *title;            /* --title (association, year), or NULL */
} aggrep_ctx;

/* Write the report wholly in r->lang; returns 0, or EX_IOERR when the
 * stream failed. */
int aggrep_write(FILE *f, enum report_fmt fmt, const aggrep_ctx *r);

#endif
