/* report_plan: the improvement plan as a report (kijun --plan): the same
 * content as the plan screen, built once by plan.h, in text, Markdown,
 * CSV, JSON or HTML, wholly in the report's language.  CSV columns and
 * JSON keys are English and stable (kijun(1) lists them). */
#ifndef KIJUN_REPORT_PLAN_H
#define KIJUN_REPORT_PLAN_H

#include <stdio.h>

#include "report/report.h"

/* Write the plan of r->a, as of today; returns 0, or EX_IOERR when the
 * stream failed. */
int report_plan_write(FILE *f, enum report_fmt fmt, const report_ctx *r);

#endif
