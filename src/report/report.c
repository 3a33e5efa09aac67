/* report: the single-assessment report's dispatch to its formats
 * (report_text.c, report_md.c, report_csv.c, report_json.c,
 * report_html.c, report_xlsx.c) and the choice of format.  See report.h.
 *
 * Each format walks the same figures (coverage.h) in the same order:
 * header and profile, verdict, overall coverage, by phase, by section,
 * unmet baseline questions, the note on editorial levels.  Only the
 * rendering differs: no renderer counts anything itself.  Every message
 * is in the report's own language (report_write switches the catalogue
 * for the time of the report). */
#include <config.h>
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_fmt.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"
#include "base/text.h"
#include "base/xalloc.h"

int
report_fmt_parse(const char *s)
{
  if (!s || strcmp(s, "text") == 0)
    return REPORT_TEXT;
  if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
    return REPORT_MARKDOWN;
  if (strcmp(s, "csv") == 0)
    return REPORT_CSV;
  if (strcmp(s, "json") == 0)
    return REPORT_JSON;
  if (strcmp(s, "html") == 0)
    return REPORT_HTML;
  if (strcmp(s, "xlsx") == 0)
    return REPORT_XLSX;
  if (strcmp(s, "excel-csv") == 0)
    return REPORT_CSV_EXCEL;
  return -1;
}

bool
report_fmt_binaryish(enum report_fmt fmt)
{
  return fmt == REPORT_HTML || fmt == REPORT_JSON || fmt == REPORT_XLSX;
}

enum report_fmt
report_fmt_begin(FILE *f, enum report_fmt fmt)
{
  if (fmt != REPORT_CSV_EXCEL)
    return fmt;
  fputs("\xEF\xBB\xBF", f);
  return REPORT_CSV;
}

int
report_write(FILE *f, enum report_fmt fmt, const report_ctx *r)
{
  coverage c;
  cov_compute(r->qn, r->a, &c);
  enum lang ui = i18n_switch_messages(r->lang);
  int rc = 0;
  fmt = report_fmt_begin(f, fmt);
  switch (fmt)
    {
    case REPORT_TEXT: report_text(f, r, &c); break;
    case REPORT_MARKDOWN: report_md(f, r, &c); break;
    case REPORT_CSV: report_csv(f, r, &c); break;
    case REPORT_JSON: report_json(f, r, &c); break;
    case REPORT_HTML: html_report(f, r, &c); break;
    case REPORT_XLSX: rc = xlsx_report(f, r, &c); break;
    case REPORT_CSV_EXCEL: break;
    }
  i18n_switch_messages(ui);
  cov_free(&c);
  return rc ? rc : ferror(f) ? EX_IOERR : 0;
}
