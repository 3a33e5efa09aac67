/* report_csv: the single-assessment report as CSV, one row per figure
 * and per answer, quoted and with formulas defused (emit_csv).  See
 * report.h. */
#include <config.h>
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_fmt.h"
#include "base/text.h"
#include "base/xalloc.h"

void
report_csv_tally(FILE *f, const cov_tally *t)
{
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(t, pct);
  fprintf(f, ",%u,%u,%s,%u", t->met, t->applicable, p ? p : "", t->total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%u", t->status[ans_status_nth(i)]);
  fprintf(f, ",%u,%u", t->no_reason, t->reconfirm);
}

static void
csv_row(FILE *f, const char *scope, const char *id, const char *title, int level, const cov_tally *t)
{
  emit_csv(f, scope);
  fputc(',', f);
  emit_csv(f, id);
  fputc(',', f);
  emit_csv(f, title);
  fprintf(f, ",%s", qn_level_key((enum qn_level) level));
  report_csv_tally(f, t);
  fputs("\r\n", f);
}

/* One answer as a row of its own: the answers to reconfirm and those to
 * questions no longer asked, each counted once under its status. */
static void
csv_answer_row(FILE *f, const char *scope, const char *id, const char *title, int level,
               enum ans_status st, bool reconfirm)
{
  cov_tally t = { 0 };
  t.total = 1;
  t.status[st] = 1;
  t.reconfirm = reconfirm;
  emit_csv(f, scope);
  fputc(',', f);
  emit_csv(f, id);
  fputc(',', f);
  emit_csv(f, title);
  fprintf(f, ",%s,,,,%u", level >= 0 ? qn_level_key((enum qn_level) level) : "", t.total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%u", t.status[ans_status_nth(i)]);
  fprintf(f, ",,%u\r\n", t.reconfirm);
}

void
report_csv(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  fputs("scope,id,title,level,met,applicable,percent,total", f);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%s", ans_status_key(ans_status_nth(i)));
  fputs(",missing_reason,reconfirm\r\n", f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    csv_row(f, "overall", q->id, qn_tr(&q->title, r->lang), l, &c->all[l]);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, "phase", qn_phase_key((enum qn_phase) p), qn_phase_name((enum qn_phase) p), l,
              &c->phase[p][l]);
  for (size_t s = 0; s < q->nsections; s++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, "section", q->sections[s].id, qn_tr(&q->sections[s].title, r->lang), l,
              &c->section[s][l]);
  report_csf_row crows[REPORT_CSF_ROWS];
  size_t ncsf = report_csf_rows(c, r->lang, crows);
  for (size_t i = 0; i < ncsf; i++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, crows[i].scope, crows[i].id, crows[i].name, l, &crows[i].t[l]);
  for (size_t k = 0; k < c->nreconfirm; k++)
    {
      const qn_question *x = &q->questions[c->reconfirm[k]];
      csv_answer_row(f, "reconfirm", x->id, qn_tr(&x->text, r->lang), (int) x->level,
                     r->a->e[c->reconfirm[k]].status, true);
    }
  for (size_t k = 0; k < r->a->nretired; k++)
    {
      const ans_retired *x = &r->a->retired[k];
      csv_answer_row(f, "retired", x->question, x->note, -1, x->status, false);
    }
  /* The scope answers (the answer in the title column), and each
   * question out of scope with its reason there, counted under its
   * status; kijun-questionnaire(5). */
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      char *title = xasprintf("%s: %s", text, ans_scope_key(r->a->scope[k].value)[0]
                                                  ? ans_scope_key(r->a->scope[k].value) : "-");
      fputs("scope_question,", f);
      emit_csv(f, r->a->scope[k].id);
      fputc(',', f);
      emit_csv(f, title);
      fputs(",,,,,", f);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        fputc(',', f);
      fputs(",,\r\n", f);
      free(title);
      free(text);
    }
  for (size_t k = 0; k < c->nout; k++)
    {
      const qn_question *x = &q->questions[c->out[k]];
      char *why = ans_scope_reason(r->a, c->out[k], r->lang);
      csv_answer_row(f, "not_in_scope", x->id, why, (int) x->level, r->a->e[c->out[k]].status,
                     r->a->e[c->out[k]].reconfirm);
      free(why);
    }
}
