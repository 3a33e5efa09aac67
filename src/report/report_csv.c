/* report_csv: the single-assessment report as CSV, one row per figure
 * and per answer: one long table (report/table) written by tab_csv,
 * which quotes and defuses formulas (emit_csv).  The text, Markdown and
 * HTML reports show the same figures in several tables of other shapes
 * (bars, bands, changes, "not yet answered"), so this table is the CSV's
 * own.  See report.h. */
#include <config.h>
#include "report/report.h"

#include <stdlib.h>

#include "model/coverage.h"
#include "report/report_fmt.h"
#include "base/xalloc.h"

void
report_csv_tally_heads(tab *t, size_t col)
{
  static const char *const lead[] = { "met", "applicable", "percent", "total" };
  for (size_t i = 0; i < 4; i++)
    tab_head(t, col++, lead[i], TAB_NUM);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    tab_head(t, col++, ans_status_key(ans_status_nth(i)), TAB_NUM);
  tab_head(t, col++, "missing_reason", TAB_NUM);
  tab_head(t, col, "reconfirm", TAB_NUM);
}

void
report_csv_tally_cells(tab *t, const cov_tally *c)
{
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(c, pct);
  tab_num(t, c->met);
  tab_num(t, c->applicable);
  tab_cell(t, p);
  tab_num(t, c->total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    tab_num(t, c->status[ans_status_nth(i)]);
  tab_num(t, c->no_reason);
  tab_num(t, c->reconfirm);
}

/* A row's first four cells; the others follow, or stay empty. */
static void
csv_lead(tab *t, const char *scope, const char *id, const char *title, const char *level)
{
  tab_row(t);
  tab_cell(t, scope);
  tab_cell(t, id);
  tab_cell(t, title);
  tab_cell(t, level);
}

static void
csv_row(tab *t, const char *scope, const char *id, const char *title, int level, const cov_tally *c)
{
  csv_lead(t, scope, id, title, qn_level_key((enum qn_level) level));
  report_csv_tally_cells(t, c);
}

/* One answer as a row of its own: the answers to reconfirm and those to
 * questions no longer asked, each counted once under its status. */
static void
csv_answer_row(tab *t, const char *scope, const char *id, const char *title, int level,
               enum ans_status st, bool reconfirm)
{
  csv_lead(t, scope, id, title, level >= 0 ? qn_level_key((enum qn_level) level) : "");
  for (int i = 0; i < 3; i++)
    tab_cell(t, "");          /* met, applicable, percent */
  tab_num(t, 1);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    tab_num(t, ans_status_nth(i) == st);
  tab_cell(t, "");
  tab_num(t, reconfirm);
}

void
report_csv(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  static const char *const lead[] = { "scope", "id", "title", "level" };
  tab tt, *t = &tt;
  tab_init(t, 4 + REPORT_CSV_TALLY_COLS);
  for (size_t i = 0; i < 4; i++)
    tab_head(t, i, lead[i], TAB_TEXT);
  report_csv_tally_heads(t, 4);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    csv_row(t, "overall", q->id, qn_tr(&q->title, r->lang), l, &c->all[l]);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(t, "phase", qn_phase_key((enum qn_phase) p), qn_phase_name((enum qn_phase) p), l,
              &c->phase[p][l]);
  for (size_t s = 0; s < q->nsections; s++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(t, "section", q->sections[s].id, qn_tr(&q->sections[s].title, r->lang), l,
              &c->section[s][l]);
  report_csf_row crows[REPORT_CSF_ROWS];
  size_t ncsf = report_csf_rows(c, r->lang, crows);
  for (size_t i = 0; i < ncsf; i++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(t, crows[i].scope, crows[i].id, crows[i].name, l, &crows[i].t[l]);
  for (size_t k = 0; k < c->nreconfirm; k++)
    {
      const qn_question *x = &q->questions[c->reconfirm[k]];
      csv_answer_row(t, "reconfirm", x->id, qn_tr(&x->text, r->lang), (int) x->level,
                     r->a->e[c->reconfirm[k]].status, true);
    }
  for (size_t k = 0; k < r->a->nretired; k++)
    {
      const ans_retired *x = &r->a->retired[k];
      csv_answer_row(t, "retired", x->question, x->note, -1, x->status, false);
    }
  /* The scope answers (the answer in the title column), and each
   * question out of scope with its reason there, counted under its
   * status; kijun-questionnaire(5). */
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      char *title = xasprintf("%s: %s", text, ans_scope_key(r->a->scope[k].value)[0]
                                                  ? ans_scope_key(r->a->scope[k].value) : "-");
      csv_lead(t, "scope_question", r->a->scope[k].id, title, "");
      free(title);
      free(text);
    }
  for (size_t k = 0; k < c->nout; k++)
    {
      const qn_question *x = &q->questions[c->out[k]];
      char *why = ans_scope_reason(r->a, c->out[k], r->lang);
      csv_answer_row(t, "not_in_scope", x->id, why, (int) x->level, r->a->e[c->out[k]].status,
                     r->a->e[c->out[k]].reconfirm);
      free(why);
    }
  tab_csv(f, t);
  tab_free(t);
}
