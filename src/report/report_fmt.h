/* report_fmt: the single-assessment report's formats, one file each,
 * called by report_write (report.c) with the figures computed once.
 * Internal to the report layer. */
#ifndef KIJUN_REPORT_FMT_H
#define KIJUN_REPORT_FMT_H

#include <stdio.h>

#include "model/coverage.h"
#include "report/report.h"

void report_text(FILE *f, const report_ctx *r, const coverage *c);
void report_md(FILE *f, const report_ctx *r, const coverage *c);
void report_csv(FILE *f, const report_ctx *r, const coverage *c);
void report_json(FILE *f, const report_ctx *r, const coverage *c);

#endif
