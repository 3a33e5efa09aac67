/* report_compare_text: the comparison as plain text.  See
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
text_side(FILE *f, const report_compare_ctx *r, const coverage *c, bool new, int width)
{
  report_ctx s = rcmp_side(r, new);
  char *h = rcmp_side_heading(r, new);
  char *clean = txt_sanitize(h, true);
  fprintf(f, "%s\n", clean);
  free(clean);
  free(h);
  const char *labels[ANS_FIELD_COUNT + 1];
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    labels[i] = ans_field_name((enum ans_field) i);
  labels[ANS_FIELD_COUNT] = _("Last answer");
  int lw = emit_max_width(labels, ANS_FIELD_COUNT + 1);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    emit_field(f, labels[i], lw, report_profile_value(&s, i), width);
  emit_field(f, labels[ANS_FIELD_COUNT], lw, report_last_answer_text(c, r->lang), width);
}

/* One row of a coverage table: label, old, new, change. */
enum { CT_FIG = 18 };

static void
text_cov_row(FILE *f, const char *label, int lw, const cov_tally *then, const cov_tally *now)
{
  char a[64], b[64], d[64];
  cov_format(then, a, sizeof a);
  cov_format(now, b, sizeof b);
  cov_format_delta(now, then, d, sizeof d);
  fprintf(f, "%*s", EMIT_INDENT, "");
  txt_pad(f, label, lw);
  fprintf(f, "%*s", EMIT_GAP, "");
  txt_pad(f, then->total ? a : "-", CT_FIG);
  txt_pad(f, now->total ? b : "-", CT_FIG);
  fprintf(f, "%s\n", d[0] ? d : "-");
}

static void
text_cov_head(FILE *f, const char *title, int lw)
{
  fprintf(f, "%s\n%*s", title, EMIT_INDENT + lw + EMIT_GAP, "");
  txt_pad(f, _(rcmp_side_labels[0]), CT_FIG);
  txt_pad(f, _(rcmp_side_labels[1]), CT_FIG);
  fprintf(f, "%s\n", _("Change"));
}

static void
text_coverage(FILE *f, const report_compare_ctx *r, const comparison *c, int width)
{
  const questionnaire *q = r->qn;
  const char *labels[QN_LEVEL_COUNT + QN_PHASE_COUNT];
  size_t n = 0;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    labels[n++] = qn_level_name((enum qn_level) l);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    labels[n++] = qn_phase_name((enum qn_phase) p);
  int lw = emit_max_width(labels, n);
  text_cov_head(f, _("Coverage"), lw);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    text_cov_row(f, labels[l], lw, &c->then->all[l], &c->now->all[l]);
  fputc('\n', f);
  text_cov_head(f, _("Baseline coverage by phase"), lw);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    text_cov_row(f, labels[QN_LEVEL_COUNT + p], lw, &c->then->phase[p][QN_BASELINE],
                 &c->now->phase[p][QN_BASELINE]);
  fputc('\n', f);
  /* Items: the id and as much of the title as the figures leave. */
  int iw = width - EMIT_INDENT - EMIT_GAP - 2 * CT_FIG - 10;
  if (iw < 12)
    iw = 12;
  text_cov_head(f, _("Baseline coverage by item"), iw);
  for (size_t s = 0; s < q->nsections; s++)
    {
      if (!c->now->section[s][QN_BASELINE].total)
        continue;
      char *label = xasprintf("%s %s", q->sections[s].id, qn_tr(&q->sections[s].title, r->lang));
      char *clean = txt_sanitize(label, true);
      char *cut = txt_ellipsize(clean, iw);
      text_cov_row(f, cut, iw, &c->then->section[s][QN_BASELINE], &c->now->section[s][QN_BASELINE]);
      free(cut);
      free(clean);
      free(label);
    }
}

/* "1.1-a [k]  Implemented -> Not implemented  [Plan, Baseline]" and the
 * question's text. */
static void
text_question(FILE *f, const report_compare_ctx *r, size_t qi, int width)
{
  const qn_question *x = &r->qn->questions[qi];
  char *id = txt_sanitize(x->id, true);
  fprintf(f, "%*s%s%s%*s%s -> %s  [%s, %s]\n", EMIT_INDENT, "", id,
          x->basis == QN_BASIS_EDITORIAL ? " " REPORT_MARK : "", EMIT_GAP, "",
          report_unmet_reason(&r->old->e[qi]), report_unmet_reason(&r->new->e[qi]),
          qn_phase_name(x->phase), qn_level_name(x->level));
  free(id);
  emit_wrapped(f, qn_tr(&x->text, r->lang), 3 * EMIT_INDENT, width);
}

static void
text_list(FILE *f, const report_compare_ctx *r, const comparison *c, enum cmp_list l, int width)
{
  fprintf(f, "%s (%zu)\n", rcmp_list_title(l), c->n[l]);
  if (!c->n[l])
    fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
  for (size_t k = 0; k < c->n[l]; k++)
    text_question(f, r, c->list[l][k], width);
}

static void
text_overdue(FILE *f, const report_compare_ctx *r, const comparison *c, int width)
{
  char *t = rcmp_overdue_title(c);
  fprintf(f, "%s (%zu)\n", t, c->noverdue);
  free(t);
  if (!c->noverdue)
    fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
  const char *labels[ANS_PLAN_COUNT + 1];
  for (int k = 0; k < ANS_PLAN_COUNT; k++)
    labels[k] = ans_plan_name((enum ans_plan) k);
  labels[ANS_PLAN_COUNT] = _("Now");
  int lw = emit_max_width(labels, ANS_PLAN_COUNT + 1);
  for (size_t k = 0; k < c->noverdue; k++)
    {
      size_t qi = c->overdue[k];
      const ans_entry *e = &r->old->e[qi];
      char *id = txt_sanitize(r->qn->questions[qi].id, true);
      fprintf(f, "%*s%s\n", EMIT_INDENT, "", id);
      free(id);
      for (int pf = 0; pf <= ANS_PLAN_DONE; pf++)
        {
          const char *v = pf == ANS_PLAN_DONE ? report_unmet_reason(&r->new->e[qi]) : e->plan[pf];
          int lk = pf == ANS_PLAN_DONE ? ANS_PLAN_COUNT : pf;
          /* Wrapped under its label, never cut: the plan is the deliverable. */
          char *prefix = xasprintf("%*s%s%*s", 2 * EMIT_INDENT, "", labels[lk],
                                   lw - txt_width(labels[lk]) + EMIT_GAP, "");
          emit_hanging(f, prefix, v ? v : "-", width);
          free(prefix);
        }
    }
}

static void
text_scope(FILE *f, const report_compare_ctx *r, const comparison *c, int width)
{
  const questionnaire *q = r->qn;
  if (!rcmp_has_scope(r))
    return;
  fprintf(f, "%s (%zu)\n", rcmp_scope_title(), c->nscope_changed);
  if (!c->nscope_changed)
    fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
  for (size_t k = 0; k < c->nscope_changed; k++)
    {
      size_t si = c->scope_changed[k];
      char *ch = rcmp_scope_change_text(r, si);
      char *prefix = xasprintf("%*s%s%*s", EMIT_INDENT, "", ch, EMIT_GAP, "");
      emit_hanging(f, prefix, qn_tr(&q->scopes[si].text, r->lang), width);
      free(prefix);
      free(ch);
    }
  for (int left = 1; left >= 0; left--)
    {
      size_t n = left ? c->nleft : c->nentered;
      const size_t *list = left ? c->left : c->entered;
      fprintf(f, "\n%s (%zu)\n", rcmp_moved_title(left), n);
      if (!n)
        fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
      for (size_t k = 0; k < n; k++)
        {
          text_question(f, r, list[k], width);
          char *why = rcmp_moved_reason(r, list[k], left);
          emit_wrapped(f, why, 3 * EMIT_INDENT, width);
          free(why);
        }
    }
  fputc('\n', f);
}

void
rcmp_text(FILE *f, const report_compare_ctx *r, const comparison *c)
{
  const questionnaire *q = r->qn;
  int width = r->width > 40 ? r->width : 80;
  emit_title(f, _("kijun: comparison of two assessments"));
  const char *labels[] = { _("Questionnaire"), _("Version"), _("As of") };
  int lw = emit_max_width(labels, 3);
  emit_field(f, labels[0], lw, qn_tr(&q->title, r->lang), width);
  char *ver = xasprintf("%s %s", q->id, q->version);
  emit_field(f, labels[1], lw, ver, width);
  free(ver);
  emit_field(f, labels[2], lw, c->asof, width);
  fputc('\n', f);
  text_side(f, r, c->then, false, width);
  fputc('\n', f);
  text_side(f, r, c->now, true, width);
  fputc('\n', f);
  text_list(f, r, c, CMP_REGRESSED, width);
  fputc('\n', f);
  text_coverage(f, r, c, width);
  fputc('\n', f);
  text_scope(f, r, c, width);
  text_list(f, r, c, CMP_IMPROVED, width);
  fputc('\n', f);
  text_list(f, r, c, CMP_STILL_UNMET, width);
  fputc('\n', f);
  text_overdue(f, r, c, width);
  /* The mark the lists use, explained as every report does. */
  fputc('\n', f);
  emit_wrapped(f, report_editorial_text(), 0, width);
}
