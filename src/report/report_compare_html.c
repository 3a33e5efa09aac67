/* report_compare_html: the comparison as an HTML page.  See
 * report_compare.h. */
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
html_side(FILE *f, const report_compare_ctx *r, const coverage *c, bool new)
{
  report_ctx s = rcmp_side(r, new);
  char *h = rcmp_side_heading(r, new);
  html_el(f, "h2", NULL, h);
  free(h);
  fputs("<dl class=\"facts\">\n", f);
  html_fact(f, _("Answers file"), s.answers_path, "path");
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    html_fact(f, ans_field_name((enum ans_field) i), report_profile_value(&s, i), NULL);
  html_fact(f, _("Last answer"), report_last_answer_text(c, r->lang), NULL);
  html_fact(f, _("Verdict"), report_verdict_text(c), NULL);
  fputs("</dl>\n", f);
}

static void
html_list(FILE *f, const report_compare_ctx *r, const comparison *c, enum cmp_list l)
{
  char *h = xasprintf("%s (%zu)", rcmp_list_title(l), c->n[l]);
  html_el(f, "h2", NULL, h);
  free(h);
  if (!c->n[l])
    {
      html_el(f, "p", NULL, _("none"));
      return;
    }
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  const char *heads[] = { _("Question"), _("Text"), _("Level"), _(rcmp_side_labels[0]),
                          _(rcmp_side_labels[1]) };
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
    html_el(f, "th", NULL, heads[i]);
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < c->n[l]; k++)
    {
      size_t qi = c->list[l][k];
      const qn_question *x = &r->qn->questions[qi];
      fputs("<tr><td class=\"id\">", f);
      html_question_id(f, x);
      fputs("</td><td class=\"text\">", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</td><td class=\"kw\">", f);
      html_put(f, qn_level_name(x->level));
      fputs("</td><td class=\"kw\">", f);
      html_put(f, report_unmet_reason(&r->old->e[qi]));
      fputs("</td><td class=\"kw\">", f);
      html_put(f, report_unmet_reason(&r->new->e[qi]));
      fputs("</td></tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
}

static void
html_cov_row(FILE *f, const char *id, const char *label, const cov_tally *then, const cov_tally *now)
{
  char d[64];
  fputs("<tr><td class=\"id\">", f);
  html_put(f, id ? id : "");
  fputs("</td><td>", f);
  html_put(f, label);
  fputs("</td>", f);
  html_cell(f, then);
  html_cell(f, now);
  cov_format_delta(now, then, d, sizeof d);
  fputs("<td class=\"kw\">", f);
  html_put(f, d[0] ? d : "-");
  fputs("</td></tr>\n", f);
}

static void
html_scope_changes(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  if (!rcmp_has_scope(r))
    return;
  char *h = xasprintf("%s (%zu)", rcmp_scope_title(), c->nscope_changed);
  html_el(f, "h2", NULL, h);
  free(h);
  if (!c->nscope_changed)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<table class=\"scope\">\n<thead><tr>", f);
      html_el(f, "th", NULL, _("Scope question"));
      html_el(f, "th", NULL, _(rcmp_side_labels[0]));
      html_el(f, "th", NULL, _(rcmp_side_labels[1]));
      fputs("</tr></thead>\n<tbody>\n", f);
      for (size_t k = 0; k < c->nscope_changed; k++)
        {
          size_t si = c->scope_changed[k];
          fputs("<tr><td class=\"text\">", f);
          html_put(f, qn_tr(&q->scopes[si].text, r->lang));
          fputs("</td><td class=\"kw\">", f);
          html_put(f, ans_scope_name(ans_scope_of(r->old, si)));
          fputs("</td><td class=\"kw\">", f);
          html_put(f, ans_scope_name(ans_scope_of(r->new, si)));
          fputs("</td></tr>\n", f);
        }
      fputs("</tbody>\n</table>\n", f);
    }
  for (int left = 1; left >= 0; left--)
    {
      size_t n = left ? c->nleft : c->nentered;
      const size_t *list = left ? c->left : c->entered;
      h = xasprintf("%s (%zu)", rcmp_moved_title(left), n);
      html_el(f, "h3", NULL, h);
      free(h);
      if (!n)
        {
          html_el(f, "p", NULL, _("none"));
          continue;
        }
      fputs("<ul class=\"out-of-scope\">\n", f);
      for (size_t k = 0; k < n; k++)
        {
          const qn_question *x = &q->questions[list[k]];
          char *why = rcmp_moved_reason(r, list[k], left);
          html_scope_item(f, x, report_unmet_reason(&r->new->e[list[k]]), why, r->lang);
          free(why);
        }
      fputs("</ul>\n", f);
    }
}

void
rcmp_html(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  html_begin(f, r->lang, _("kijun: comparison of two assessments"));
  fputs("<header>\n<p class=\"kicker\">", f);
  html_put(f, _("kijun: comparison of two assessments"));
  fputs("</p>\n<h1>", f);
  html_put(f, qn_tr(&q->title, r->lang));
  fputs("</h1>\n<dl class=\"facts\">\n", f);
  char *ver = xasprintf("%s %s", q->id, q->version);
  html_fact(f, _("Version"), ver, "id");
  free(ver);
  html_fact(f, _("As of"), c->asof, NULL);
  fputs("</dl>\n</header>\n", f);
  html_side(f, r, c->then, false);
  html_side(f, r, c->now, true);
  html_list(f, r, c, CMP_REGRESSED);

  html_el(f, "h2", NULL, _("Coverage"));
  const char *series[2] = { _(rcmp_side_labels[0]), _(rcmp_side_labels[1]) };
  html_bar_row rows[QN_LEVEL_COUNT + QN_PHASE_COUNT];
  size_t n = 0;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    rows[n++] = (html_bar_row){ qn_level_name((enum qn_level) l), { &c->then->all[l], &c->now->all[l] } };
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    rows[n++] = (html_bar_row){ qn_phase_name((enum qn_phase) p),
                                { &c->then->phase[p][QN_BASELINE], &c->now->phase[p][QN_BASELINE] } };
  html_bar_chart(f, _("Coverage overall, and baseline coverage by phase"), series, 2, rows, n);
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  const char *heads[] = { _("Item"), _("Title"), _(rcmp_side_labels[0]), _(rcmp_side_labels[1]), _("Change") };
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
    html_el(f, "th", NULL, heads[i]);
  fputs("</tr></thead>\n<tbody>\n", f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    html_cov_row(f, NULL, qn_level_name((enum qn_level) l), &c->then->all[l], &c->now->all[l]);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    html_cov_row(f, NULL, qn_phase_name((enum qn_phase) p), &c->then->phase[p][QN_BASELINE],
                 &c->now->phase[p][QN_BASELINE]);
  for (size_t s = 0; s < q->nsections; s++)
    if (c->now->section[s][QN_BASELINE].total)
      html_cov_row(f, q->sections[s].id, qn_tr(&q->sections[s].title, r->lang),
                   &c->then->section[s][QN_BASELINE], &c->now->section[s][QN_BASELINE]);
  fputs("</tbody>\n</table>\n", f);
  html_band_legend(f);

  html_scope_changes(f, r, c);
  html_list(f, r, c, CMP_IMPROVED);
  html_list(f, r, c, CMP_STILL_UNMET);
  char *t = rcmp_overdue_title(c);
  char *h = xasprintf("%s (%zu)", t, c->noverdue);
  html_el(f, "h2", NULL, h);
  free(h);
  free(t);
  if (!c->noverdue)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<table class=\"answers\">\n<thead><tr>", f);
      const char *ph[] = { _("Question"), ans_plan_name(ANS_PLAN_ACTION),
                           ans_plan_name(ANS_PLAN_OWNER), ans_plan_name(ANS_PLAN_DUE), _("Now") };
      for (size_t i = 0; i < sizeof ph / sizeof ph[0]; i++)
        html_el(f, "th", NULL, ph[i]);
      fputs("</tr></thead>\n<tbody>\n", f);
      for (size_t k = 0; k < c->noverdue; k++)
        {
          size_t qi = c->overdue[k];
          const ans_entry *e = &r->old->e[qi];
          fputs("<tr><td class=\"id\">", f);
          html_question_id(f, &q->questions[qi]);
          fputs("</td><td>", f);
          html_put_lines(f, e->plan[ANS_PLAN_ACTION]);
          fputs("</td><td>", f);
          html_put(f, e->plan[ANS_PLAN_OWNER] ? e->plan[ANS_PLAN_OWNER] : "");
          fputs("</td><td class=\"when\">", f);
          html_put(f, e->plan[ANS_PLAN_DUE]);
          fputs("</td><td class=\"kw\">", f);
          html_put(f, report_unmet_reason(&r->new->e[qi]));
          fputs("</td></tr>\n", f);
        }
      fputs("</tbody>\n</table>\n", f);
    }
  html_end(f);
}
