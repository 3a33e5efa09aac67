/* report_xlsx: the report and the plan as Excel workbooks.  See
 * report_xlsx.h.  The cell helpers here serve the aggregate's workbook
 * too (report_agg.c). */
#include <config.h>
#include "report/report_xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "report/report.h"

/* Excel keeps at most this many characters in a cell. */
#define XLSX_CELL_MAX 32767

static int
failed_open(void)
{
  fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("cannot make the workbook's temporary file"),
          strerror(errno));
  return EX_CANTCREAT;
}

int
xlsx_open(xlsx_book *b)
{
  *b = (xlsx_book){ 0 };
  const char *dir = getenv("TMPDIR");
  b->tmp = xasprintf("%s/kijun-XXXXXX.xlsx", dir && *dir ? dir : "/tmp");
  int fd = mkstemps(b->tmp, 5);
  if (fd < 0)
    {
      free(b->tmp);
      b->tmp = NULL;
      return failed_open();
    }
  close(fd);
  b->wb = workbook_new(b->tmp);
  if (!b->wb)
    {
      unlink(b->tmp);
      free(b->tmp);
      b->tmp = NULL;
      errno = EIO;
      return failed_open();
    }
  lxw_workbook *wb = b->wb;
  b->head = workbook_add_format(wb);
  format_set_bold(b->head);
  format_set_text_wrap(b->head);
  format_set_align(b->head, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(b->head, 0xDDE4EE);
  format_set_bottom(b->head, LXW_BORDER_THIN);
  b->text = workbook_add_format(wb);
  format_set_align(b->text, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(b->text, "@");
  b->wrap = workbook_add_format(wb);
  format_set_text_wrap(b->wrap);
  format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(b->wrap, "@");
  b->title = workbook_add_format(wb);
  format_set_bold(b->title);
  format_set_font_size(b->title, 14);
  b->bold = workbook_add_format(wb);
  format_set_bold(b->bold);
  format_set_align(b->bold, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(b->bold);
  b->pct = workbook_add_format(wb);
  format_set_num_format(b->pct, "0.0%");
  format_set_align(b->pct, LXW_ALIGN_VERTICAL_TOP);
  b->num = workbook_add_format(wb);
  format_set_align(b->num, LXW_ALIGN_VERTICAL_TOP);
  b->date = workbook_add_format(wb);
  format_set_num_format(b->date, "yyyy-mm-dd");
  format_set_align(b->date, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(b->date, LXW_ALIGN_LEFT);
  b->time = workbook_add_format(wb);
  format_set_num_format(b->time, "yyyy-mm-dd hh:mm");
  format_set_align(b->time, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(b->time, LXW_ALIGN_LEFT);
  return 0;
}

static void
check(xlsx_book *b, lxw_error e)
{
  if (e != LXW_NO_ERROR)
    b->failed = true;
}

lxw_worksheet *
xlsx_sheet(xlsx_book *b, const char *name)
{
  /* Excel's limit is 31 characters; the names are ours, never from files. */
  char buf[128];
  size_t n = 0, chars = 0;
  while (name[n] && chars < 31 && n < sizeof buf - 4)
    {
      size_t k = 1;
      while (((unsigned char) name[n + k] & 0xC0) == 0x80)
        k++;
      n += k;
      chars++;
    }
  memcpy(buf, name, n);
  buf[n] = '\0';
  lxw_worksheet *ws = workbook_add_worksheet(b->wb, buf);
  if (!ws)
    {
      b->failed = true;
      ws = workbook_add_worksheet(b->wb, NULL);
    }
  return ws;
}

void
xlsx_header(xlsx_book *b, lxw_worksheet *ws, const char *const *names, const double *widths,
            int n, int freeze_cols)
{
  for (int c = 0; c < n; c++)
    {
      check(b, worksheet_write_string(ws, 0, (lxw_col_t) c, names[c], b->head));
      worksheet_set_column(ws, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);
    }
  worksheet_freeze_panes(ws, 1, (lxw_col_t) freeze_cols);
}

void
xlsx_filter(lxw_worksheet *ws, int last_row, int ncols)
{
  worksheet_autofilter(ws, 0, 0, (lxw_row_t) (last_row > 0 ? last_row : 1), (lxw_col_t) (ncols - 1));
}

void
xlsx_text(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt)
{
  if (!s || !*s)
    return;
  char *clean = txt_sanitize(s, false);
  /* A cell holds at most XLSX_CELL_MAX characters: longer text is cut,
   * on a character, and ends in "..", as cut text does everywhere. */
  size_t chars = 0, i = 0, cut = 0;
  for (; clean[i]; i++)
    if (((unsigned char) clean[i] & 0xC0) != 0x80 && ++chars == XLSX_CELL_MAX - 2)
      cut = i;
  if (chars > XLSX_CELL_MAX && cut)
    strcpy(clean + cut, "..");
  check(b, worksheet_write_string(ws, (lxw_row_t) row, (lxw_col_t) col, clean, fmt ? fmt : b->wrap));
  free(clean);
}

void
xlsx_number(xlsx_book *b, lxw_worksheet *ws, int row, int col, double v)
{
  check(b, worksheet_write_number(ws, (lxw_row_t) row, (lxw_col_t) col, v, b->num));
}

void
xlsx_percent(xlsx_book *b, lxw_worksheet *ws, int row, int col, const cov_tally *t)
{
  int v = cov_tenths(t);
  /* The figure every report prints, to its tenth of a point. */
  if (v >= 0)
    check(b, worksheet_write_number(ws, (lxw_row_t) row, (lxw_col_t) col, v / 1000.0, b->pct));
}

void
xlsx_date(xlsx_book *b, lxw_worksheet *ws, int row, int col, const char *s)
{
  if (!s || !*s)
    return;
  int y, mo, d;
  if (ans_valid_date(s))
    {
      sscanf(s, "%4d-%2d-%2d", &y, &mo, &d);
      lxw_datetime dt = { y, mo, d, 0, 0, 0 };
      check(b, worksheet_write_datetime(ws, (lxw_row_t) row, (lxw_col_t) col, &dt, b->date));
      return;
    }
  time_t t;
  struct tm tm;
  if (report_time_parse(s, &t) && localtime_r(&t, &tm))
    {
      lxw_datetime dt = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                          tm.tm_sec };
      check(b, worksheet_write_datetime(ws, (lxw_row_t) row, (lxw_col_t) col, &dt, b->time));
      return;
    }
  xlsx_text(b, ws, row, col, s, b->text);
}

int
xlsx_close(xlsx_book *b, FILE *f)
{
  int rc = 0;
  if (workbook_close(b->wb) != LXW_NO_ERROR)
    rc = EX_IOERR;
  b->wb = NULL;
  if (rc == 0)
    {
      FILE *in = fopen(b->tmp, "rb");
      if (!in)
        rc = EX_IOERR;
      else
        {
          char buf[65536];
          size_t n;
          while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            if (fwrite(buf, 1, n, f) != n)
              {
                rc = EX_IOERR;
                break;
              }
          if (ferror(in))
            rc = EX_IOERR;
          fclose(in);
        }
    }
  unlink(b->tmp);
  free(b->tmp);
  b->tmp = NULL;
  if (b->failed && rc == 0)
    rc = EX_IOERR;
  return rc;
}

/* ---- the cover ---------------------------------------------------------- */

/* A label and a text value on the cover, row by row. */
static void
cover_text(xlsx_book *b, lxw_worksheet *ws, int *row, const char *label, const char *value)
{
  xlsx_text(b, ws, *row, 0, label, b->bold);
  xlsx_text(b, ws, *row, 1, value, NULL);
  ++*row;
}

/* The cover's title and facts; *next is the first free row. */
static lxw_worksheet *
cover_head(xlsx_book *b, const report_ctx *r, const char *title, int *next)
{
  const questionnaire *q = r->qn;
  lxw_worksheet *ws = xlsx_sheet(b, _("Summary"));
  worksheet_set_column(ws, 0, 0, 30, NULL);
  worksheet_set_column(ws, 1, 1, 70, NULL);
  worksheet_set_column(ws, 2, 2, 60, NULL);
  xlsx_text(b, ws, 0, 0, title, b->title);
  xlsx_text(b, ws, 1, 0, qn_tr(&q->title, r->lang), NULL);
  int row = 3;
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    {
      if (i == ANS_STARTED)
        {
          xlsx_text(b, ws, row, 0, ans_field_name((enum ans_field) i), b->bold);
          xlsx_date(b, ws, row++, 1, r->a->profile[i]);
        }
      else
        cover_text(b, ws, &row, ans_field_name((enum ans_field) i), report_profile_value(r, i));
    }
  char *ver = xasprintf("%s %s", q->id, q->version);
  cover_text(b, ws, &row, _("Version"), ver);
  free(ver);
  if (r->answers_path)
    cover_text(b, ws, &row, _("Answers file"), r->answers_path);
  char now[32];
  ans_now(now);
  xlsx_text(b, ws, row, 0, _("Report made"), b->bold);
  xlsx_date(b, ws, row++, 1, now);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  *next = row;
  return ws;
}

/* ---- the report --------------------------------------------------------- */

/* What an answer counts as, in a word: met, not met, not applicable, or
 * unanswered (which is not a failure, only not yet known). */
static const char *
result_word(const ans_entry *e)
{
  if (e->status == ANS_NONE)
    return ans_status_name(ANS_NONE);
  switch (cov_result(e))
    {
    case COV_MET: return _("met");
    case COV_EXCLUDED: return _("excluded");
    default: return _("not met");
    }
}

static void
report_cover(xlsx_book *b, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  int row;
  lxw_worksheet *ws = cover_head(b, r, _("kijun: baseline coverage report"), &row);
  xlsx_text(b, ws, row, 0, _("Last answer"), b->bold);
  if (c->last_update)
    xlsx_date(b, ws, row++, 1, c->last_update);
  else
    xlsx_text(b, ws, row++, 1, _("none yet"), b->text);
  row++;
  cover_text(b, ws, &row, _("Verdict"), report_verdict_text(c));
  char *caveat = report_caveat_text(c, q->nquestions);
  if (caveat)
    xlsx_text(b, ws, row - 1, 2, caveat, NULL);
  free(caveat);
  const char *kpi[] = { _("Baseline coverage"), _("Recommended coverage") };
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      const cov_tally *t = &c->all[l];
      xlsx_text(b, ws, row, 0, kpi[l], b->bold);
      xlsx_percent(b, ws, row, 1, t);
      char buf[64];
      snprintf(buf, sizeof buf, "%u/%u", t->met, t->applicable);
      xlsx_text(b, ws, row++, 2, buf, NULL);
    }
  xlsx_text(b, ws, row, 0, _("Answered"), b->bold);
  xlsx_number(b, ws, row, 1, cov_answered(c->all));
  char buf[64];
  snprintf(buf, sizeof buf, "%u/%u", cov_answered(c->all), cov_total(c->all));
  xlsx_text(b, ws, row++, 2, buf, NULL);
  row++;
  xlsx_text(b, ws, row++, 0, report_bases_heading(), b->bold);
  for (int k = 0; k < QN_BASIS_COUNT; k++)
    {
      if (!c->by_basis[k])
        continue;
      const char *mark = report_basis_label((enum qn_basis) k);
      char *name = xasprintf("%s%s%s", qn_basis_name((enum qn_basis) k), *mark ? " " : "", mark);
      xlsx_text(b, ws, row, 0, name, NULL);
      free(name);
      xlsx_number(b, ws, row, 1, (double) c->by_basis[k]);
      xlsx_text(b, ws, row++, 2, qn_basis_desc((enum qn_basis) k), NULL);
    }
  row++;
  xlsx_text(b, ws, row++, 0, _("How coverage is computed"), b->bold);
  worksheet_merge_range(ws, (lxw_row_t) row, 0, (lxw_row_t) row, 2, "", b->wrap);
  xlsx_text(b, ws, row, 0, report_formula_text(), NULL);
  worksheet_set_row(ws, (lxw_row_t) row, 60, NULL);
  if (c->editorial)
    {
      row++;
      worksheet_merge_range(ws, (lxw_row_t) row, 0, (lxw_row_t) row, 2, "", b->wrap);
      xlsx_text(b, ws, row, 0, report_editorial_text(), NULL);
      worksheet_set_row(ws, (lxw_row_t) row, 60, NULL);
    }
}

/* The columns of the answers sheet. */
enum
{
  AC_ID, AC_PHASE, AC_ITEM, AC_LEVEL, AC_TEXT, AC_ANSWER, AC_RESULT, AC_REASON, AC_NOTE,
  AC_EVIDENCE, AC_ACTION, AC_OWNER, AC_DUE, AC_DONE, AC_UPDATED, AC_RECONFIRM, AC_COUNT
};

static void
report_answers(xlsx_book *b, const report_ctx *r)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  lxw_worksheet *ws = xlsx_sheet(b, _("Answers"));
  const char *names[AC_COUNT] = {
    [AC_ID] = _("Question"), [AC_PHASE] = _("Phase"), [AC_ITEM] = _("Item"), [AC_LEVEL] = _("Level"),
    [AC_TEXT] = _("Text"), [AC_ANSWER] = _("Answer"), [AC_RESULT] = _("Counts as"),
    [AC_REASON] = _("Why not met"), [AC_NOTE] = _("Note"), [AC_EVIDENCE] = _("Evidence"),
    [AC_ACTION] = ans_plan_name(ANS_PLAN_ACTION), [AC_OWNER] = ans_plan_name(ANS_PLAN_OWNER),
    [AC_DUE] = ans_plan_name(ANS_PLAN_DUE), [AC_DONE] = ans_plan_name(ANS_PLAN_DONE),
    [AC_UPDATED] = _("Updated"), [AC_RECONFIRM] = _("To reconfirm"),
  };
  static const double widths[AC_COUNT] = { 11, 8, 7, 11, 50, 16, 11, 22, 40, 28, 36, 16, 11, 11, 16, 10 };
  xlsx_header(b, ws, names, widths, AC_COUNT, 1);
  int row = 1;
  for (size_t pos = 0; pos < q->nquestions; pos++, row++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      xlsx_text(b, ws, row, AC_ID, x->id, b->text);
      xlsx_text(b, ws, row, AC_PHASE, qn_phase_name(x->phase), b->text);
      xlsx_text(b, ws, row, AC_ITEM, q->sections[x->section].id, b->text);
      const char *mark = report_basis_label(x->basis);
      char *level = xasprintf("%s%s%s", qn_level_name(x->level), *mark ? " " : "", mark);
      xlsx_text(b, ws, row, AC_LEVEL, level, b->text);
      free(level);
      xlsx_text(b, ws, row, AC_TEXT, qn_tr(&x->text, r->lang), NULL);
      xlsx_text(b, ws, row, AC_ANSWER, ans_status_name(e->status), b->text);
      char *why = ans_scope_reason(a, i, r->lang);
      xlsx_text(b, ws, row, AC_RESULT, why ? _("not in scope") : result_word(e), b->text);
      if (why)
        xlsx_text(b, ws, row, AC_REASON, why, NULL);
      else if (e->status != ANS_NONE && cov_result(e) == COV_NOT_MET)
        xlsx_text(b, ws, row, AC_REASON, report_unmet_reason(e), NULL);
      free(why);
      xlsx_text(b, ws, row, AC_NOTE, e->note, NULL);
      xlsx_text(b, ws, row, AC_EVIDENCE, e->evidence, NULL);
      xlsx_text(b, ws, row, AC_ACTION, e->plan[ANS_PLAN_ACTION], NULL);
      xlsx_text(b, ws, row, AC_OWNER, e->plan[ANS_PLAN_OWNER], NULL);
      xlsx_date(b, ws, row, AC_DUE, e->plan[ANS_PLAN_DUE]);
      xlsx_date(b, ws, row, AC_DONE, e->plan[ANS_PLAN_DONE]);
      xlsx_date(b, ws, row, AC_UPDATED, e->updated);
      if (e->reconfirm)
        xlsx_text(b, ws, row, AC_RECONFIRM, _("yes"), b->text);
    }
  xlsx_filter(ws, row - 1, AC_COUNT);
  worksheet_set_landscape(ws);
  worksheet_repeat_rows(ws, 0, 0);
  worksheet_fit_to_pages(ws, 1, 0);
}

/* The tallies' columns after the lead columns of a scope: for each level
 * its percentage, met and applicable, then answered and unanswered. */
static int
tally_heads(const char **names, double *widths, int k)
{
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      names[k] = l == QN_BASELINE ? _("Baseline coverage") : _("Recommended coverage");
      widths[k++] = 14;
      names[k] = l == QN_BASELINE ? _("Baseline met") : _("Recommended met");
      widths[k++] = 11;
      names[k] = l == QN_BASELINE ? _("Baseline applicable") : _("Recommended applicable");
      widths[k++] = 11;
    }
  names[k] = _("Answered");
  widths[k++] = 10;
  names[k] = ans_status_name(ANS_NONE);
  widths[k++] = 10;
  return k;
}

static void
tally_cells(xlsx_book *b, lxw_worksheet *ws, int row, int col, const cov_tally t[QN_LEVEL_COUNT])
{
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      xlsx_percent(b, ws, row, col++, &t[l]);
      xlsx_number(b, ws, row, col++, t[l].met);
      xlsx_number(b, ws, row, col++, t[l].applicable);
    }
  xlsx_number(b, ws, row, col++, cov_answered(t));
  xlsx_number(b, ws, row, col, t[QN_BASELINE].status[ANS_NONE] + t[QN_RECOMMENDED].status[ANS_NONE]);
}

static void
report_scopes(xlsx_book *b, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  const char *names[16];
  double widths[16];
  lxw_worksheet *ws = xlsx_sheet(b, _("Coverage by phase"));
  names[0] = _("Phase");
  widths[0] = 12;
  int n = tally_heads(names, widths, 1);
  xlsx_header(b, ws, names, widths, n, 1);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      xlsx_text(b, ws, p + 1, 0, qn_phase_name((enum qn_phase) p), b->text);
      tally_cells(b, ws, p + 1, 1, c->phase[p]);
    }
  xlsx_filter(ws, QN_PHASE_COUNT, n);

  ws = xlsx_sheet(b, _("Coverage by item"));
  names[0] = _("Item");
  widths[0] = 8;
  names[1] = _("Title");
  widths[1] = 36;
  n = tally_heads(names, widths, 2);
  xlsx_header(b, ws, names, widths, n, 2);
  for (size_t s = 0; s < q->nsections; s++)
    {
      xlsx_text(b, ws, (int) s + 1, 0, q->sections[s].id, b->text);
      xlsx_text(b, ws, (int) s + 1, 1, qn_tr(&q->sections[s].title, r->lang), NULL);
      tally_cells(b, ws, (int) s + 1, 2, c->section[s]);
    }
  xlsx_filter(ws, (int) q->nsections, n);
}

/* The plan's columns. */
enum { PC_ID, PC_LEVEL, PC_TEXT, PC_ANSWER, PC_STATE, PC_ACTION, PC_OWNER, PC_DUE, PC_DONE, PC_COUNT };

static void
plan_sheet(xlsx_book *b, const report_ctx *r, const plan *p)
{
  const questionnaire *q = r->qn;
  lxw_worksheet *ws = xlsx_sheet(b, _("Improvement plan"));
  const char *names[PC_COUNT] = {
    [PC_ID] = _("Question"), [PC_LEVEL] = _("Level"), [PC_TEXT] = _("Text"),
    [PC_ANSWER] = _("Answer"), [PC_STATE] = _("State"),
    [PC_ACTION] = ans_plan_name(ANS_PLAN_ACTION), [PC_OWNER] = ans_plan_name(ANS_PLAN_OWNER),
    [PC_DUE] = ans_plan_name(ANS_PLAN_DUE), [PC_DONE] = ans_plan_name(ANS_PLAN_DONE),
  };
  static const double widths[PC_COUNT] = { 11, 11, 46, 16, 14, 46, 18, 11, 11 };
  xlsx_header(b, ws, names, widths, PC_COUNT, 1);
  int row = 1;
  for (size_t k = 0; k < p->n; k++, row++)
    {
      const plan_item *it = &p->items[k];
      const qn_question *x = &q->questions[it->qi];
      const ans_entry *e = &r->a->e[it->qi];
      xlsx_text(b, ws, row, PC_ID, x->id, b->text);
      const char *mark = report_basis_label(x->basis);
      char *level = xasprintf("%s%s%s", qn_level_name(x->level), *mark ? " " : "", mark);
      xlsx_text(b, ws, row, PC_LEVEL, level, b->text);
      free(level);
      xlsx_text(b, ws, row, PC_TEXT, qn_tr(&x->text, r->lang), NULL);
      xlsx_text(b, ws, row, PC_ANSWER,
                e->status != ANS_NONE && cov_result(e) == COV_NOT_MET ? report_unmet_reason(e)
                                                                     : ans_status_name(e->status),
                b->text);
      xlsx_text(b, ws, row, PC_STATE, plan_state_name(it->state), b->text);
      xlsx_text(b, ws, row, PC_ACTION, e->plan[ANS_PLAN_ACTION], NULL);
      xlsx_text(b, ws, row, PC_OWNER, e->plan[ANS_PLAN_OWNER], NULL);
      xlsx_date(b, ws, row, PC_DUE, e->plan[ANS_PLAN_DUE]);
      xlsx_date(b, ws, row, PC_DONE, e->plan[ANS_PLAN_DONE]);
    }
  xlsx_filter(ws, row - 1, PC_COUNT);
  worksheet_set_landscape(ws);
  worksheet_repeat_rows(ws, 0, 0);
  worksheet_fit_to_pages(ws, 1, 0);
}

/* ---- the scope sheet ---------------------------------------------------- */

/* The scope section (report.h, report_text_scope) as a sheet of the
 * report and of the plan: the scope answers, then each question out of
 * scope with its reason; no sheet when report_has_scope(r) is false. */
static void
scope_sheet(xlsx_book *b, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  if (!report_has_scope(r))
    return;
  lxw_worksheet *ws = xlsx_sheet(b, report_scope_heading());
  static const double widths[] = { 11, 11, 16, 40, 60 };
  for (int k = 0; k < 5; k++)
    worksheet_set_column(ws, (lxw_col_t) k, (lxw_col_t) k, widths[k], NULL);
  xlsx_text(b, ws, 0, 0, report_scope_heading(), b->title);
  int row = 2;
  xlsx_text(b, ws, row, 0, _("Scope question"), b->head);
  xlsx_text(b, ws, row, 1, "", b->head);
  xlsx_text(b, ws, row, 2, _("Answer"), b->head);
  row++;
  for (size_t k = 0; k < r->a->nscope; k++, row++)
    {
      char *text = report_scope_question(r, k);
      xlsx_text(b, ws, row, 0, r->a->scope[k].id, b->text);
      xlsx_text(b, ws, row, 2, ans_scope_name(r->a->scope[k].value), b->text);
      xlsx_text(b, ws, row, 4, text, NULL);
      free(text);
    }
  row++;
  char *out = report_scope_out_text(c);
  xlsx_text(b, ws, row++, 0, out, NULL);
  free(out);
  if (c->nout)
    {
      const char *heads[] = { _("Question"), _("Level"), _("Answer"), _("Reason"), _("Text") };
      for (int k = 0; k < 5; k++)
        xlsx_text(b, ws, row, k, heads[k], b->head);
      row++;
    }
  for (size_t k = 0; k < c->nout; k++, row++)
    {
      size_t i = c->out[k];
      const qn_question *x = &q->questions[i];
      char *why = ans_scope_reason(r->a, i, r->lang);
      xlsx_text(b, ws, row, 0, x->id, b->text);
      xlsx_text(b, ws, row, 1, qn_level_name(x->level), b->text);
      xlsx_text(b, ws, row, 2, ans_status_name(r->a->e[i].status), b->text);
      xlsx_text(b, ws, row, 3, why, NULL);
      xlsx_text(b, ws, row, 4, qn_tr(&x->text, r->lang), NULL);
      free(why);
    }
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
}


int
xlsx_report(FILE *f, const report_ctx *r, const coverage *c)
{
  xlsx_book b;
  int rc = xlsx_open(&b);
  if (rc)
    return rc;
  char today[ANS_DATE_SIZE];
  ans_today(today);
  plan p;
  plan_build(r->qn, r->a, c, today, &p);
  report_cover(&b, r, c);
  report_answers(&b, r);
  report_scopes(&b, r, c);
  scope_sheet(&b, r, c);
  plan_sheet(&b, r, &p);
  plan_free(&p);
  return xlsx_close(&b, f);
}

int
xlsx_plan(FILE *f, const report_ctx *r, const coverage *c, const plan *p)
{
  xlsx_book b;
  int rc = xlsx_open(&b);
  if (rc)
    return rc;
  int row;
  lxw_worksheet *ws = cover_head(&b, r, _("kijun: improvement plan"), &row);
  xlsx_text(&b, ws, row, 0, _("As of"), b.bold);
  xlsx_date(&b, ws, row++, 1, p->today);
  cover_text(&b, ws, &row, _("Verdict"), report_verdict_text(c));
  xlsx_text(&b, ws, row, 0, _("Questions not met"), b.bold);
  xlsx_number(&b, ws, row++, 1, (double) p->n);
  xlsx_text(&b, ws, row, 0, qn_level_name(QN_BASELINE), b.bold);
  xlsx_number(&b, ws, row++, 1, (double) p->nbaseline);
  for (int s = 0; s < PLAN_STATE_COUNT; s++)
    {
      xlsx_text(&b, ws, row, 0, plan_state_name((enum plan_state) s), b.bold);
      xlsx_number(&b, ws, row++, 1, (double) p->count[s]);
    }
  plan_sheet(&b, r, p);
  scope_sheet(&b, r, c);
  return xlsx_close(&b, f);
}
