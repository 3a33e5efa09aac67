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

#include "io/jsonread.h"
#include "ops/survey.h"
#include "report/report.h"

/* One organisation of a side. */
typedef struct aggcmp_org
{
  char *path, *organization;    /* organization NULL when not known */
  enum agg_verdict verdict;
  int tenths;                   /* baseline coverage, or -1 */
} aggcmp_org;

/* One year: a folder aggregated now, or an --aggregate=json report. */
typedef struct aggcmp_side
{
  char *path;
  unsigned files, verdict[AGG_VERDICT_COUNT];
  int q[1 + QN_PHASE_COUNT][5]; /* overall, then each phase: min, Q1, median, Q3, max (tenths; -1) */
  unsigned dist_files, left_out;/* the overall distribution's files, the undecided it leaves out */
  aggcmp_org *orgs;
  size_t norgs;
} aggcmp_side;

/* A side from a survey of the folder path. */
void aggcmp_from_survey(aggcmp_side *s, const survey *sv, const char *path);
/* A side from the JSON of kijun --aggregate=json (with --names for the
 * organisations); 0, or EX_DATAERR with the reason in d. */
int aggcmp_from_json(aggcmp_side *s, const jv *root, const char *path, diag_t *d);
void aggcmp_side_free(aggcmp_side *s);

typedef struct aggcmp_ctx
{
  const aggcmp_side *old, *new;
  enum lang lang;
  bool names;
  const char *title;            /* --title, or NULL */
} aggcmp_ctx;

/* In any report format (text, Markdown, CSV and Excel's CSV, JSON, HTML
 * in the management report's style, an Excel workbook); 0, EX_IOERR when
 * the stream failed, or the workbook's failure status. */
int aggcmp_write(FILE *f, enum report_fmt fmt, const aggcmp_ctx *r);

#endif
