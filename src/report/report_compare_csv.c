/* report_compare_csv: the comparison as CSV.  See report_compare.h. */
#include <config.h>
#include "report/report_compare.h"
#include "report/report_compare_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/compare.h"
#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_html.h"
#include "base/text.h"
#include "base/xalloc.h"

static void
csv_figure(FILE *f, const cov_tally *t)
{
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(t, pct);
  fprintf(f, ",%u,%u,%s", t->met, t->applicable, p ? p : "");
}

static void
csv_cov(FILE *f, const char *kind, const char *id, int level, const cov_tally *then,
        const cov_tally *now, const char *title)
{
  char d[COV_PERCENT_SIZE];
  const char *delta = cov_change_text(now, then, d);
  fprintf(f, "%s,", kind);
  emit_csv(f, id);
  fprintf(f, ",%s", qn_level_key((enum qn_level) level));
  csv_figure(f, then);
  csv_figure(f, now);
  /* A leading + would be taken for a formula by emit_csv. */
  fprintf(f, ",%s,,", delta ? delta + (delta[0] == '+') : "");
  fputs(",,,,,", f);
  emit_csv(f, title);
  fputs("\r\n", f);
}

static void
csv_question(FILE *f, const report_compare_ctx *r, const char *kind, size_t qi, bool with_plan)
{
  const qn_question *x = &r->qn->questions[qi];
  const ans_entry *o = &r->old->e[qi], *n = &r->new->e[qi];
  fprintf(f, "%s,", kind);
  emit_csv(f, x->id);
  fprintf(f, ",%s,,,,,,,,%s,%s", qn_level_key(x->level), ans_status_key(o->status),
          ans_status_key(n->status));
  for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
    {
      fputc(',', f);
      if (with_plan)
        emit_csv(f, o->plan[pf]);
    }
  fputc(',', f);
  emit_csv(f, qn_tr(&x->text, r->lang));
  fputs("\r\n", f);
}

void
rcmp_csv(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  fputs("kind,id,level,old_met,old_applicable,old_percent,new_met,new_applicable,new_percent,"
        "change_pt,old_status,new_status",
        f);
  for (int k = 0; k < ANS_PLAN_COUNT; k++)
    fprintf(f, ",%s", ans_plan_key((enum ans_plan) k));
  fputs(",title\r\n", f);
  for (size_t k = 0; k < c->n[CMP_REGRESSED]; k++)
    csv_question(f, r, cmp_list_key(CMP_REGRESSED), c->list[CMP_REGRESSED][k], false);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    csv_cov(f, "overall", q->id, l, &c->then->all[l], &c->now->all[l], qn_tr(&q->title, r->lang));
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_cov(f, "phase", qn_phase_key((enum qn_phase) p), l, &c->then->phase[p][l],
              &c->now->phase[p][l], qn_phase_name((enum qn_phase) p));
  for (size_t s = 0; s < q->nsections; s++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_cov(f, "section", q->sections[s].id, l, &c->then->section[s][l], &c->now->section[s][l],
              qn_tr(&q->sections[s].title, r->lang));
  /* The scope: a row for each scope question answered differently (its
   * answers in old_status and new_status), and one for each question that
   * left the figures or came back (the reason in title). */
  for (size_t k = 0; k < c->nscope_changed; k++)
    {
      size_t si = c->scope_changed[k];
      fputs("scope_changed,", f);
      emit_csv(f, q->scopes[si].id);
      fprintf(f, ",,,,,,,,,%s,%s", ans_scope_key(ans_scope_of(r->old, si)),
              ans_scope_key(ans_scope_of(r->new, si)));
      for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
        fputc(',', f);
      fputc(',', f);
      emit_csv(f, qn_tr(&q->scopes[si].text, r->lang));
      fputs("\r\n", f);
    }
  for (int left = 1; left >= 0; left--)
    for (size_t k = 0; k < (left ? c->nleft : c->nentered); k++)
      {
        size_t qi = left ? c->left[k] : c->entered[k];
        const qn_question *x = &q->questions[qi];
        char *why = rcmp_moved_reason(r, qi, left);
        fputs(left ? "left_scope," : "entered_scope,", f);
        emit_csv(f, x->id);
        fprintf(f, ",%s,,,,,,,,%s,%s", qn_level_key(x->level), ans_status_key(r->old->e[qi].status),
                ans_status_key(r->new->e[qi].status));
        for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
          fputc(',', f);
        fputc(',', f);
        emit_csv(f, why);
        fputs("\r\n", f);
        free(why);
      }
  for (int l = CMP_IMPROVED; l < CMP_LIST_COUNT; l++)
    for (size_t k = 0; k < c->n[l]; k++)
      csv_question(f, r, cmp_list_key((enum cmp_list) l), c->list[l][k], false);
  for (size_t k = 0; k < c->noverdue; k++)
    csv_question(f, r, "overdue_plan", c->overdue[k], true);
}
