/* report_compare: the comparison in five formats.  See report_compare.h.
 *
 * Every format has the same parts in the same order: which assessment is
 * old and which new (file, profile, start, last answer), the questions
 * that regressed, coverage old and new with the change (overall, by
 * phase, by item), the questions that became met, those still not met,
 * and the old plan's items that were due by the new assessment's date
 * and are done in neither.  Nothing here counts: the figures are
 * coverage.h's, the lists compare.h's. */
#include <config.h>
#include "report/report_compare.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/compare.h"
#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_html.h"
#include "base/text.h"
#include "base/xalloc.h"

/* One side, as the single-assessment report's helpers want it. */
static report_ctx
side(const report_compare_ctx *r, bool new)
{
  return (report_ctx){ r->qn, new ? r->new : r->old, new ? r->new_path : r->old_path, r->lang, 0,
                       NULL, NULL, NULL };
}

static const char *
list_title(enum cmp_list l)
{
  switch (l)
    {
    case CMP_REGRESSED: return _("Regressed: met (or not applicable) before, not met now");
    case CMP_IMPROVED: return _("Became met");
    default: return _("Still not met");
    }
}

static char *
overdue_title(const comparison *c)
{
  return xasprintf(_("Old plan items due by %s (the new assessment's date) and not done"), c->asof);
}

static const char *const side_labels[2] = { N_("Old"), N_("New") };

/* "Old: a.cfg" / "New: b.cfg": the headings of the two sides. */
static char *
side_heading(const report_compare_ctx *r, bool new)
{
  /* TRANSLATORS: "Old assessment: FILE" / "New assessment: FILE". */
  return xasprintf(new ? _("New assessment: %s") : _("Old assessment: %s"),
                   new ? r->new_path : r->old_path);
}

/* The scope changes (compare.h): only for a questionnaire that asks scope
 * questions, so that other comparisons read as they always did. */
static bool
has_scope(const report_compare_ctx *r)
{
  return r->qn->nscopes > 0;
}

static const char *
scope_title(void)
{
  /* TRANSLATORS: the comparison's section of the scope questions answered
     differently in the two assessments. */
  return _("Scope changes");
}

static const char *
moved_title(bool left)
{
  return left ? _("Left the figures: out of scope now")
              : _("Back in the figures: in scope again");
}

/* Why question qi moved: the new reason for one that left, the old one
 * for one that came back (newly allocated). */
static char *
moved_reason(const report_compare_ctx *r, size_t qi, bool left)
{
  if (left)
    return ans_scope_reason(r->new, qi, r->lang);
  char *was = ans_scope_reason(r->old, qi, r->lang);
  /* TRANSLATORS: a question that the new assessment's scope answers bring
     back into the figures; %s is why it was out ("not in scope: no
     control systems"). */
  char *why = xasprintf(_("in scope again (before: %s)"), was ? was : "");
  free(was);
  return why;
}

/* "No -> Yes" */
static char *
scope_change_text(const report_compare_ctx *r, size_t k)
{
  return xasprintf("%s -> %s", ans_scope_name(ans_scope_of(r->old, k)),
                   ans_scope_name(ans_scope_of(r->new, k)));
}

/* ---- text -------------------------------------------------------------- */

static void
text_side(FILE *f, const report_compare_ctx *r, const coverage *c, bool new, int width)
{
  report_ctx s = side(r, new);
  char *h = side_heading(r, new);
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
  txt_pad(f, _(side_labels[0]), CT_FIG);
  txt_pad(f, _(side_labels[1]), CT_FIG);
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
  fprintf(f, "%s (%zu)\n", list_title(l), c->n[l]);
  if (!c->n[l])
    fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
  for (size_t k = 0; k < c->n[l]; k++)
    text_question(f, r, c->list[l][k], width);
}

static void
text_overdue(FILE *f, const report_compare_ctx *r, const comparison *c, int width)
{
  char *t = overdue_title(c);
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
  if (!has_scope(r))
    return;
  fprintf(f, "%s (%zu)\n", scope_title(), c->nscope_changed);
  if (!c->nscope_changed)
    fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
  for (size_t k = 0; k < c->nscope_changed; k++)
    {
      size_t si = c->scope_changed[k];
      char *ch = scope_change_text(r, si);
      char *prefix = xasprintf("%*s%s%*s", EMIT_INDENT, "", ch, EMIT_GAP, "");
      emit_hanging(f, prefix, qn_tr(&q->scopes[si].text, r->lang), width);
      free(prefix);
      free(ch);
    }
  for (int left = 1; left >= 0; left--)
    {
      size_t n = left ? c->nleft : c->nentered;
      const size_t *list = left ? c->left : c->entered;
      fprintf(f, "\n%s (%zu)\n", moved_title(left), n);
      if (!n)
        fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
      for (size_t k = 0; k < n; k++)
        {
          text_question(f, r, list[k], width);
          char *why = moved_reason(r, list[k], left);
          emit_wrapped(f, why, 3 * EMIT_INDENT, width);
          free(why);
        }
    }
  fputc('\n', f);
}

static void
text_compare(FILE *f, const report_compare_ctx *r, const comparison *c)
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

/* ---- Markdown ---------------------------------------------------------- */

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
          _(side_labels[0]), _(side_labels[1]), _("Change"));
}

static void
md_list(FILE *f, const report_compare_ctx *r, const comparison *c, enum cmp_list l)
{
  fprintf(f, "\n## %s (%zu)\n\n", list_title(l), c->n[l]);
  if (!c->n[l])
    {
      fprintf(f, "%s\n", _("none"));
      return;
    }
  fprintf(f, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", _("Question"),
          _("Level"), _("Phase"), _(side_labels[0]), _(side_labels[1]), _("Text"));
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
  if (!has_scope(r))
    return;
  fprintf(f, "\n## %s (%zu)\n\n", scope_title(), c->nscope_changed);
  if (!c->nscope_changed)
    fprintf(f, "%s\n", _("none"));
  else
    fprintf(f, "| %s | %s | %s |\n|---|---|---|\n", _("Scope question"), _(side_labels[0]),
            _(side_labels[1]));
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
      fprintf(f, "\n## %s (%zu)\n\n", moved_title(left), n);
      if (!n)
        {
          fprintf(f, "%s\n", _("none"));
          continue;
        }
      fprintf(f, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", _("Question"),
              _("Level"), _(side_labels[0]), _(side_labels[1]), _("Reason"), _("Text"));
      for (size_t k = 0; k < n; k++)
        {
          const qn_question *x = &q->questions[list[k]];
          char *why = moved_reason(r, list[k], left);
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

static void
md_compare(FILE *f, const report_compare_ctx *r, const comparison *c)
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
          _(side_labels[0]), _(side_labels[1]), _("Answers file"));
  emit_md(f, r->old_path);
  fputs(" | ", f);
  emit_md(f, r->new_path);
  fputs(" |\n", f);
  report_ctx so = side(r, false), sn = side(r, true);
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

  char *t = overdue_title(c);
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

/* ---- CSV --------------------------------------------------------------- */

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

static void
csv_compare(FILE *f, const report_compare_ctx *r, const comparison *c)
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
        char *why = moved_reason(r, qi, left);
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

/* ---- JSON -------------------------------------------------------------- */

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
  report_ctx s = side(r, new);
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

static void
json_compare(FILE *f, const report_compare_ctx *r, const comparison *c)
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
  if (has_scope(r))
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
              char *why = moved_reason(r, qi, left);
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

/* ---- HTML -------------------------------------------------------------- */

static void
html_side(FILE *f, const report_compare_ctx *r, const coverage *c, bool new)
{
  report_ctx s = side(r, new);
  char *h = side_heading(r, new);
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
  char *h = xasprintf("%s (%zu)", list_title(l), c->n[l]);
  html_el(f, "h2", NULL, h);
  free(h);
  if (!c->n[l])
    {
      html_el(f, "p", NULL, _("none"));
      return;
    }
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  const char *heads[] = { _("Question"), _("Text"), _("Level"), _(side_labels[0]),
                          _(side_labels[1]) };
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
  if (!has_scope(r))
    return;
  char *h = xasprintf("%s (%zu)", scope_title(), c->nscope_changed);
  html_el(f, "h2", NULL, h);
  free(h);
  if (!c->nscope_changed)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<table class=\"scope\">\n<thead><tr>", f);
      html_el(f, "th", NULL, _("Scope question"));
      html_el(f, "th", NULL, _(side_labels[0]));
      html_el(f, "th", NULL, _(side_labels[1]));
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
      h = xasprintf("%s (%zu)", moved_title(left), n);
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
          char *why = moved_reason(r, list[k], left);
          fputs("<li><span class=\"id\">", f);
          html_question_id(f, x);
          fputs("</span> ", f);
          html_put(f, qn_level_name(x->level));
          fputs(" \u00b7 ", f);
          html_put(f, report_unmet_reason(&r->new->e[list[k]]));
          fputs(" \u00b7 <em>", f);
          html_put(f, why);
          fputs("</em>: ", f);
          html_put(f, qn_tr(&x->text, r->lang));
          fputs("</li>\n", f);
          free(why);
        }
      fputs("</ul>\n", f);
    }
}

static void
html_compare(FILE *f, const report_compare_ctx *r, const comparison *c)
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
  const char *series[2] = { _(side_labels[0]), _(side_labels[1]) };
  html_bar_row rows[QN_LEVEL_COUNT + QN_PHASE_COUNT];
  size_t n = 0;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    rows[n++] = (html_bar_row){ qn_level_name((enum qn_level) l), { &c->then->all[l], &c->now->all[l] } };
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    rows[n++] = (html_bar_row){ qn_phase_name((enum qn_phase) p),
                                { &c->then->phase[p][QN_BASELINE], &c->now->phase[p][QN_BASELINE] } };
  html_bar_chart(f, _("Coverage overall, and baseline coverage by phase"), series, 2, rows, n);
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  const char *heads[] = { _("Item"), _("Title"), _(side_labels[0]), _(side_labels[1]), _("Change") };
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
  char *t = overdue_title(c);
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

int
report_compare_write(FILE *f, enum report_fmt fmt, const report_compare_ctx *r, bool *regressed)
{
  coverage then, now;
  cov_compute(r->qn, r->old, &then);
  cov_compute(r->qn, r->new, &now);
  comparison c;
  cmp_compute(r->qn, r->old, &then, r->new, &now, &c);
  *regressed = c.n[CMP_REGRESSED] > 0;
  static void (*const render[])(FILE *, const report_compare_ctx *, const comparison *) = {
    [REPORT_TEXT] = text_compare, [REPORT_MARKDOWN] = md_compare, [REPORT_CSV] = csv_compare,
    [REPORT_JSON] = json_compare, [REPORT_HTML] = html_compare,
  };
  enum lang ui = i18n_switch_messages(r->lang);
  render[fmt](f, r, &c);
  i18n_switch_messages(ui);
  cmp_free(&c);
  cov_free(&then);
  cov_free(&now);
  return ferror(f) ? EX_IOERR : 0;
}
