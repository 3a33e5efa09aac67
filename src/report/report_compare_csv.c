/* report_compare_csv: the comparison as CSV: one long table (a row per
 * figure and per question that moved) built in report/table and written
 * by tab_csv.  The other formats show the figures in tables of other
 * shapes, so this one is the CSV's own.  See report_compare.h. */
#include <config.h>
#include "report/report_compare.h"
#include "report/report_compare_int.h"

#include <stdlib.h>

#include "model/compare.h"
#include "model/coverage.h"
#include "report/report_html.h"
#include "base/xalloc.h"

enum { CC_FIG = 3 + 6 + 1, CC_COLS = CC_FIG + 2 + ANS_PLAN_COUNT + 1 };

static void
csv_heads(tab *t)
{
  static const char *const head[CC_FIG + 2] = { "kind", "id", "level", "old_met", "old_applicable",
                                                 "old_percent", "new_met", "new_applicable",
                                                 "new_percent", "change_pt", "old_status", "new_status" };
  tab_init(t, CC_COLS);
  for (size_t i = 0; i < CC_FIG + 2; i++)
    tab_head(t, i, head[i], i >= 3 && i < CC_FIG ? TAB_NUM : TAB_TEXT);
  for (int k = 0; k < ANS_PLAN_COUNT; k++)
    tab_head(t, CC_FIG + 2 + (size_t) k, ans_plan_key((enum ans_plan) k), TAB_TEXT);
  tab_head(t, CC_COLS - 1, "title", TAB_TEXT);
}

/* A row's kind, id and level; the figures' cells left empty when fig is
 * false. */
static void
csv_lead(tab *t, const char *kind, const char *id, const char *level, bool fig)
{
  tab_row(t);
  tab_cell(t, kind);
  tab_cell(t, id);
  tab_cell(t, level);
  for (int i = 0; !fig && i < CC_FIG - 3; i++)
    tab_cell(t, "");
}

/* The statuses (or scope answers), the plan's fields (or empty ones),
 * the title. */
static void
csv_tail(tab *t, const char *old, const char *new, char *const *pl, const char *title)
{
  tab_cell(t, old);
  tab_cell(t, new);
  for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
    tab_cell(t, pl ? pl[pf] : "");
  tab_cell(t, title);
}

static void
csv_figure(tab *t, const cov_tally *c)
{
  char pct[COV_PERCENT_SIZE];
  tab_num(t, c->met);
  tab_num(t, c->applicable);
  tab_cell(t, cov_percent_text(c, pct));
}

static void
csv_cov(tab *t, const char *kind, const char *id, int level, const cov_tally *then,
        const cov_tally *now, const char *title)
{
  char d[COV_PERCENT_SIZE];
  const char *delta = cov_change_text(now, then, d);
  csv_lead(t, kind, id, qn_level_key((enum qn_level) level), true);
  csv_figure(t, then);
  csv_figure(t, now);
  /* A figure: a leading + is dropped (the sign of a rise is implied). */
  tab_cell(t, delta ? delta + (delta[0] == '+') : "");
  csv_tail(t, "", "", NULL, title);
}

static void
csv_question(tab *t, const report_compare_ctx *r, const char *kind, size_t qi, bool with_plan)
{
  const qn_question *x = &r->qn->questions[qi];
  const ans_entry *o = &r->old->e[qi], *n = &r->new->e[qi];
  csv_lead(t, kind, x->id, qn_level_key(x->level), false);
  csv_tail(t, ans_status_key(o->status), ans_status_key(n->status), with_plan ? o->plan : NULL,
           qn_tr(&x->text, r->lang));
}

void
rcmp_csv(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  tab tt, *t = &tt;
  csv_heads(t);
  for (size_t k = 0; k < c->n[CMP_REGRESSED]; k++)
    csv_question(t, r, cmp_list_key(CMP_REGRESSED), c->list[CMP_REGRESSED][k], false);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    csv_cov(t, "overall", q->id, l, &c->then->all[l], &c->now->all[l], qn_tr(&q->title, r->lang));
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_cov(t, "phase", qn_phase_key((enum qn_phase) p), l, &c->then->phase[p][l],
              &c->now->phase[p][l], qn_phase_name((enum qn_phase) p));
  for (size_t s = 0; s < q->nsections; s++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_cov(t, "section", q->sections[s].id, l, &c->then->section[s][l], &c->now->section[s][l],
              qn_tr(&q->sections[s].title, r->lang));
  /* The scope: a row for each scope question answered differently (its
   * answers in old_status and new_status), and one for each question that
   * left the figures or came back (the reason in title). */
  for (size_t k = 0; k < c->nscope_changed; k++)
    {
      size_t si = c->scope_changed[k];
      csv_lead(t, "scope_changed", q->scopes[si].id, "", false);
      csv_tail(t, ans_scope_key(ans_scope_of(r->old, si)), ans_scope_key(ans_scope_of(r->new, si)), NULL,
               qn_tr(&q->scopes[si].text, r->lang));
    }
  for (int left = 1; left >= 0; left--)
    for (size_t k = 0; k < (left ? c->nleft : c->nentered); k++)
      {
        size_t qi = left ? c->left[k] : c->entered[k];
        const qn_question *x = &q->questions[qi];
        char *why = rcmp_moved_reason(r, qi, left);
        csv_lead(t, left ? "left_scope" : "entered_scope", x->id, qn_level_key(x->level), false);
        csv_tail(t, ans_status_key(r->old->e[qi].status), ans_status_key(r->new->e[qi].status), NULL, why);
        free(why);
      }
  for (int l = CMP_IMPROVED; l < CMP_LIST_COUNT; l++)
    for (size_t k = 0; k < c->n[l]; k++)
      csv_question(t, r, cmp_list_key((enum cmp_list) l), c->list[l][k], false);
  for (size_t k = 0; k < c->noverdue; k++)
    csv_question(t, r, "overdue_plan", c->overdue[k], true);
  tab_csv(f, t);
  tab_free(t);
}
