/* report_xlsx: the reports as Excel workbooks, written with libxlsxwriter,
 * because offices receive, check and forward assessments in Excel.
 *
 * A workbook holds what the JSON report of the same file holds, laid out
 * for people: a cover sheet, then one sheet a table with a header row,
 * frozen panes, an autofilter and column widths that suit the text.
 * Numbers are numbers (percentages with a percent format), dates are
 * Excel dates; text from files is always written as text, never as a
 * formula, with control characters escaped as in the text report.
 *
 * libxlsxwriter writes to a named file, so a workbook is made in a
 * temporary file and then copied to the stream (a file, or a pipe). */
#ifndef KIJUN_REPORT_XLSX_H
#define KIJUN_REPORT_XLSX_H

#include <stdbool.h>
#include <stdio.h>

#include <xlsxwriter.h>

#include "model/coverage.h"
#include "model/plan.h"
#include "report/report_base.h"

/* A workbook being written, with the formats every sheet uses. */
typedef struct xlsx_book
{
  lxw_workbook *wb;
  char *tmp;                    /* the temporary file it is made in */
  lxw_format *head, *text, *wrap, *title, *bold, *pct, *num, *date, *time;
  bool failed;                  /* a write failed (reported on close) */
} xlsx_book;

/* Start a workbook: 0, or EX_CANTCREAT after saying on standard error
 * that no temporary file could be made. */
int xlsx_open(xlsx_book *b);
/* A sheet named name (cut to Excel's 31 characters). */
lxw_worksheet *xlsx_sheet(xlsx_book *b, const char *name);
/* A table's header row at row 0, columns as wide as widths[] (in Excel's
 * character units); the first row and first freeze_cols columns stay in
 * view. */
void xlsx_header(xlsx_book *b, lxw_worksheet *ws, const char *const *names, const double *widths,
                 int n, int freeze_cols);
/* The autofilter of a table whose last row is last_row. */
void xlsx_filter(lxw_worksheet *ws, int last_row, int ncols);
/* A cell of text from anywhere (NULL: left empty), escaped like the text
 * report, always a string; fmt NULL: b->wrap. */
void xlsx_text(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt);
void xlsx_number(xlsx_book *b, lxw_worksheet *ws, int row, int col, double v);
/* met / applicable as a percentage cell (empty when nothing applies). */
void xlsx_percent(xlsx_book *b, lxw_worksheet *ws, int row, int col, const cov_tally *t);
/* A date YYYY-MM-DD or an ISO 8601 time as an Excel date or time (the
 * time in the local time zone); text that is neither stays text. */
void xlsx_date(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *s);
/* Finish the workbook and copy it to f; 0, or EX_IOERR. */
int xlsx_close(xlsx_book *b, FILE *f);

/* The report and the plan as workbooks (report_write and
 * report_plan_write call these for REPORT_XLSX; messages are already in
 * r->lang). */
int xlsx_report(FILE *f, const report_ctx *r, const coverage *c);
int xlsx_plan(FILE *f, const report_ctx *r, const coverage *c, const plan *p);

#endif
