/* report_compare_md: the comparison as Markdown.  See report_compare.h. */
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

/* The coverage tables are not built in report/table: Markdown has three
 * (level, phase, item; the id before the title), HTML one with the id a
 * column of its own, each figure coloured by its band (html_cell) and
 * the change a keyword, text bars and columns of its own, CSV a long
 * table of every level (report_compare_csv.c). */
static void
md_cov_row(FILE *f, const char *id, const char *label, const cov_tally *then, const cov_tally *now)
{
  char a[64], b[64], d[64];
  cov_format(then, a, sizeof a);
  cov_format(now, b, sizeof b);
  cov_format_delta(now, then, d, sizeof d);
  fputs("| ", f);
  if (id)
    {
      emit_md(f, id);
      fputc(' ', f);
    }
  emit_md(f, label);
  fprintf(f, " | %s | %s | %s |\n", then->total ? a : "-", now->total ? b : "-", d[0] ? d : "-");
}

static void
md_cov_head(FILE *f, const char *title, const char *first)
{
  fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n", title, first,
          _(rcmp_side_labels[0]), _(rcmp_side_labels[1]), _("Change"));
}

static void
md_list(FILE *f, const report_compare_ctx *r, const comparison *c, enum cmp_list l)
{
  fprintf(f, "\n## %s (%zu)\n\n", rcmp_list_title(l), c->n[l]);
  if (!c->n[l])
    {
      fprintf(f, "%s\n", _("none"));
      return;
    }
  fprintf(f, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", _("Question"),
          _("Level"), _("Phase"), _(rcmp_side_labels[0]), _(rcmp_side_labels[1]), _("Text"));
  for (size_t k = 0; k < c->n[l]; k++)
    {
      size_t qi = c->list[l][k];
      const qn_question *x = &r->qn->questions[qi];
      fputs("| ", f);
      emit_md(f, x->id);
      if (x->basis == QN_BASIS_EDITORIAL)
        fputs(" (\\*)", f);
      fprintf(f, " | %s | %s | %s | %s | ", qn_level_name(x->level), qn_phase_name(x->phase),
              report_unmet_reason(&r->old->e[qi]), report_unmet_reason(&r->new->e[qi]));
      emit_md(f, qn_tr(&x->text, r->lang));
      fputs(" |\n", f);
    }
}

static void
md_scope(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  if (!rcmp_has_scope(r))
    return;
  fprintf(f, "\n## %s (%zu)\n\n", rcmp_scope_title(), c->nscope_changed);
  if (!c->nscope_changed)
    fprintf(f, "%s\n", _("none"));
  else
    fprintf(f, "| %s | %s | %s |\n|---|---|---|\n", _("Scope question"), _(rcmp_side_labels[0]),
            _(rcmp_side_labels[1]));
  for (size_t k = 0; k < c->nscope_changed; k++)
    {
      size_t si = c->scope_changed[k];
      fputs("| ", f);
      emit_md(f, qn_tr(&q->scopes[si].text, r->lang));
      fprintf(f, " | %s | %s |\n", ans_scope_name(ans_scope_of(r->old, si)),
              ans_scope_name(ans_scope_of(r->new, si)));
    }
  for (int left = 1; left >= 0; left--)
    {
      size_t n = left ? c->nleft : c->nentered;
      const size_t *list = left ? c->left : c->entered;
      fprintf(f, "\n## %s (%zu)\n\n", rcmp_moved_title(left), n);
      if (!n)
        {
          fprintf(f, "%s\n", _("none"));
          continue;
        }
      fprintf(f, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", _("Question"),
              _("Level"), _(rcmp_side_labels[0]), _(rcmp_side_labels[1]), _("Reason"), _("Text"));
      for (size_t k = 0; k < n; k++)
        {
          const qn_question *x = &q->questions[list[k]];
          char *why = rcmp_moved_reason(r, list[k], left);
          fputs("| ", f);
          emit_md(f, x->id);
          fprintf(f, " | %s | %s | %s | ", qn_level_name(x->level),
                  report_unmet_reason(&r->old->e[list[k]]), report_unmet_reason(&r->new->e[list[k]]));
          emit_md(f, why);
          fputs(" | ", f);
          emit_md(f, qn_tr(&x->text, r->lang));
          fputs(" |\n", f);
          free(why);
        }
    }
}

void
rcmp_md(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  fprintf(f, "# %s\n\n| | |\n|---|---|\n| %s | ", _("kijun: comparison of two assessments"),
          _("Questionnaire"));
  emit_md(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  emit_md(f, q->id);
  fputc(' ', f);
  emit_md(f, q->version);
  fprintf(f, " |\n| %s | %s |\n\n| | %s | %s |\n|---|---|---|\n| %s | ", _("As of"), c->asof,
          _(rcmp_side_labels[0]), _(rcmp_side_labels[1]), _("Answers file"));
  emit_md(f, r->old_path);
  fputs(" | ", f);
  emit_md(f, r->new_path);
  fputs(" |\n", f);
  report_ctx so = rcmp_side(r, false), sn = rcmp_side(r, true);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    {
      fprintf(f, "| %s | ", ans_field_name((enum ans_field) i));
      emit_md(f, report_profile_value(&so, i));
      fputs(" | ", f);
      emit_md(f, report_profile_value(&sn, i));
      fputs(" |\n", f);
    }
  fprintf(f, "| %s | ", _("Last answer"));
  emit_md(f, report_last_answer_text(c->then, r->lang));
  fputs(" | ", f);
  emit_md(f, report_last_answer_text(c->now, r->lang));
  fputs(" |\n", f);

  md_list(f, r, c, CMP_REGRESSED);
  md_cov_head(f, _("Coverage"), _("Level"));
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    md_cov_row(f, NULL, qn_level_name((enum qn_level) l), &c->then->all[l], &c->now->all[l]);
  md_cov_head(f, _("Baseline coverage by phase"), _("Phase"));
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    md_cov_row(f, NULL, qn_phase_name((enum qn_phase) p), &c->then->phase[p][QN_BASELINE],
               &c->now->phase[p][QN_BASELINE]);
  md_cov_head(f, _("Baseline coverage by item"), _("Item"));
  for (size_t s = 0; s < q->nsections; s++)
    if (c->now->section[s][QN_BASELINE].total)
      md_cov_row(f, q->sections[s].id, qn_tr(&q->sections[s].title, r->lang),
                 &c->then->section[s][QN_BASELINE], &c->now->section[s][QN_BASELINE]);
  md_scope(f, r, c);
  md_list(f, r, c, CMP_IMPROVED);
  md_list(f, r, c, CMP_STILL_UNMET);

  char *t = rcmp_overdue_title(c);
  fprintf(f, "\n## %s (%zu)\n\n", t, c->noverdue);
  free(t);
  if (!c->noverdue)
    fprintf(f, "%s\n", _("none"));
  else
    fprintf(f, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", _("Question"),
            ans_plan_name(ANS_PLAN_ACTION), ans_plan_name(ANS_PLAN_OWNER),
            ans_plan_name(ANS_PLAN_DUE), _("Now"));
  for (size_t k = 0; k < c->noverdue; k++)
    {
      size_t qi = c->overdue[k];
      const ans_entry *e = &r->old->e[qi];
      fputs("| ", f);
      emit_md(f, q->questions[qi].id);
      for (int pf = 0; pf < ANS_PLAN_DONE; pf++)
        {
          fputs(" | ", f);
          emit_md(f, e->plan[pf]);
        }
      fprintf(f, " | %s |\n", report_unmet_reason(&r->new->e[qi]));
    }
}
