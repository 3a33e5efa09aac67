/* report_compare_json: the comparison as JSON (kijun-compare/1), written
 * through jsonw.  See report_compare.h. */
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
json_figure(jw *w, const char *key, const cov_tally *t)
{
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(t, pct);
  jw_obj_flat(w, key);
  jw_uint(w, "met", t->met);
  jw_uint(w, "applicable", t->applicable);
  jw_raw(w, "percent", p ? p : "null");
  jw_end(w);
}

static void
json_levels(jw *w, const cov_tally then[QN_LEVEL_COUNT], const cov_tally now[QN_LEVEL_COUNT])
{
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      char d[COV_PERCENT_SIZE];
      const char *delta = cov_change_text(&now[l], &then[l], d);
      jw_obj_flat(w, qn_level_key((enum qn_level) l));
      json_figure(w, "old", &then[l]);
      json_figure(w, "new", &now[l]);
      /* JSON numbers have no leading +. */
      jw_raw(w, "change_pt", delta ? delta + (delta[0] == '+') : "null");
      jw_end(w);
    }
}

static void
json_side(jw *w, const report_compare_ctx *r, const coverage *c, bool new)
{
  report_ctx s = rcmp_side(r, new);
  jw_obj(w, new ? "new" : "old");
  jw_str(w, "answers_file", s.answers_path);
  report_json_profile(w, &s);
  jw_str(w, "last_update", c->last_update);
  jw_str(w, "verdict", cov_verdict_key(c->verdict));
  jw_end(w);
}

static void
json_list(jw *w, const report_compare_ctx *r, const comparison *c, enum cmp_list l)
{
  jw_arr(w, cmp_list_key(l));
  for (size_t k = 0; k < c->n[l]; k++)
    {
      size_t qi = c->list[l][k];
      const qn_question *x = &r->qn->questions[qi];
      jw_obj_flat(w, NULL);
      jw_str(w, "question", x->id);
      jw_str(w, "level", qn_level_key(x->level));
      jw_str(w, "phase", qn_phase_key(x->phase));
      jw_str(w, "old_status", ans_status_key(r->old->e[qi].status));
      jw_str(w, "new_status", ans_status_key(r->new->e[qi].status));
      jw_str(w, "text", qn_tr(&x->text, r->lang));
      jw_end(w);
    }
  jw_end(w);
}

void
rcmp_json(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  jw w;
  jw_begin(&w, f);
  report_json_head(&w, q, r->lang, "kijun-compare/1", c->asof);
  json_side(&w, r, c->then, false);
  json_side(&w, r, c->now, true);
  jw_uint(&w, "regressions", c->n[CMP_REGRESSED]);
  json_list(&w, r, c, CMP_REGRESSED);
  jw_obj_flat(&w, "overall");
  json_levels(&w, c->then->all, c->now->all);
  jw_end(&w);
  jw_arr(&w, "phases");
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      report_json_phase_head(&w, (enum qn_phase) p);
      json_levels(&w, c->then->phase[p], c->now->phase[p]);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "sections");
  for (size_t s = 0; s < q->nsections; s++)
    {
      report_json_section_head(&w, &q->sections[s], r->lang);
      json_levels(&w, c->then->section[s], c->now->section[s]);
      jw_end(&w);
    }
  jw_end(&w);
  if (rcmp_has_scope(r))
    {
      jw_obj(&w, "scope_changes");
      jw_arr(&w, "answers");
      for (size_t k = 0; k < c->nscope_changed; k++)
        {
          size_t si = c->scope_changed[k];
          enum ans_scope o = ans_scope_of(r->old, si), n = ans_scope_of(r->new, si);
          jw_obj_flat(&w, NULL);
          jw_str(&w, "id", q->scopes[si].id);
          jw_str(&w, "question", qn_tr(&q->scopes[si].text, r->lang));
          jw_str(&w, "old", o ? ans_scope_key(o) : NULL);
          jw_str(&w, "new", n ? ans_scope_key(n) : NULL);
          jw_end(&w);
        }
      jw_end(&w);
      for (int left = 1; left >= 0; left--)
        {
          size_t n = left ? c->nleft : c->nentered;
          jw_arr(&w, left ? "left" : "entered");
          for (size_t k = 0; k < n; k++)
            {
              size_t qi = left ? c->left[k] : c->entered[k];
              char *why = rcmp_moved_reason(r, qi, left);
              jw_obj_flat(&w, NULL);
              jw_str(&w, "question", q->questions[qi].id);
              jw_str(&w, "level", qn_level_key(q->questions[qi].level));
              jw_str(&w, "old_status", ans_status_key(r->old->e[qi].status));
              jw_str(&w, "new_status", ans_status_key(r->new->e[qi].status));
              jw_str(&w, "reason", why);
              jw_end(&w);
              free(why);
            }
          jw_end(&w);
        }
      jw_end(&w);
    }
  json_list(&w, r, c, CMP_IMPROVED);
  json_list(&w, r, c, CMP_STILL_UNMET);
  jw_arr(&w, "overdue_plan");
  for (size_t k = 0; k < c->noverdue; k++)
    {
      size_t qi = c->overdue[k];
      const ans_entry *e = &r->old->e[qi];
      jw_obj_flat(&w, NULL);
      jw_str(&w, "question", q->questions[qi].id);
      for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
        jw_str(&w, ans_plan_key((enum ans_plan) pf), e->plan[pf]);
      jw_str(&w, "new_status", ans_status_key(r->new->e[qi].status));
      jw_end(&w);
    }
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
}
