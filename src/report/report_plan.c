/* report_plan: the improvement plan in five formats.  See report_plan.h.
 *
 * Every format shows the same things in the same order: the facts (whose
 * plan, as of which date), the counts by state, then each question not
 * met, baseline first, then by due date, with its status, the state of
 * its plan, the action, owner, due and done dates.  A question without an
 * action is listed as such, so the plan shows its own gaps. */
#include <config.h>
#include "report/report_plan.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "report/emit.h"
#include "model/plan.h"
#include "report/report.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"
#include "base/text.h"
#include "base/xalloc.h"

/* The heading of the items of one level: "Baseline (4)". */
static char *
level_heading(enum qn_level l, size_t n)
{
  return xasprintf("%s (%zu)", qn_level_name(l), n);
}

/* An answer that would count but for its missing reason. */
static bool
missing_reason(const ans_entry *e)
{
  return ans_needs_reason(e->status) && !ans_has_reason(e);
}

/* ---- text -------------------------------------------------------------- */

static void
text_counts(FILE *f, const plan *p)
{
  const char *labels[PLAN_STATE_COUNT + 1];
  labels[0] = _("Questions not met");
  for (int s = 0; s < PLAN_STATE_COUNT; s++)
    labels[s + 1] = plan_state_name((enum plan_state) s);
  int lw = emit_max_width(labels, PLAN_STATE_COUNT + 1);
  txt_pad(f, labels[0], lw + 4);
  fprintf(f, "%*s", EMIT_GAP, "");
  /* TRANSLATORS: the number of questions not met and, in brackets, how
     many are baseline: "6 (baseline 4)". */
  fprintf(f, _("%zu (baseline %zu)"), p->n, p->nbaseline);
  fputc('\n', f);
  for (int s = 0; s < PLAN_STATE_COUNT; s++)
    {
      fprintf(f, "%*s%c ", EMIT_INDENT, "", plan_state_mark((enum plan_state) s));
      txt_pad(f, labels[s + 1], lw);
      fprintf(f, "%*s%zu\n", EMIT_GAP, "", p->count[s]);
    }
}

static void
text_item(FILE *f, const report_ctx *r, const plan_item *it, int width)
{
  const qn_question *x = &r->qn->questions[it->qi];
  const ans_entry *e = &r->a->e[it->qi];
  char *id = txt_sanitize(x->id, true);
  fprintf(f, "%c %s%s%*s%s  [%s]  %s\n", plan_state_mark(it->state), id,
          x->basis == QN_BASIS_EDITORIAL ? " " REPORT_MARK : "", EMIT_GAP, "", report_unmet_reason(e),
          qn_phase_name(x->phase), plan_state_name(it->state));
  free(id);
  emit_wrapped(f, qn_tr(&x->text, r->lang), 2 * EMIT_INDENT, width);
  if (!ans_has_plan(e))
    return;
  /* The action on its lines; who and when after it.  Wrapped under
   * their labels, never cut: the plan is the deliverable. */
  const char *labels[] = { ans_plan_name(ANS_PLAN_ACTION), ans_plan_name(ANS_PLAN_OWNER) };
  int lw = emit_max_width(labels, 2);
  char *who = xasprintf("%s   %s %s   %s %s", e->plan[ANS_PLAN_OWNER] ? e->plan[ANS_PLAN_OWNER] : "-",
                        ans_plan_name(ANS_PLAN_DUE), e->plan[ANS_PLAN_DUE] ? e->plan[ANS_PLAN_DUE] : "-",
                        ans_plan_name(ANS_PLAN_DONE), e->plan[ANS_PLAN_DONE] ? e->plan[ANS_PLAN_DONE] : "-");
  const char *values[] = { e->plan[ANS_PLAN_ACTION] ? e->plan[ANS_PLAN_ACTION] : "-", who };
  for (int k = 0; k < 2; k++)
    {
      char *prefix = xasprintf("%*s%s%*s", 2 * EMIT_INDENT, "", labels[k],
                               lw - txt_width(labels[k]) + EMIT_GAP, "");
      emit_hanging(f, prefix, values[k], width);
      free(prefix);
    }
  free(who);
}

static void
text_plan(FILE *f, const report_ctx *r, const coverage *c, const plan *p)
{
  int width = r->width > 40 ? r->width : 80;
  emit_title(f, _("kijun: improvement plan"));
  const char *label = _("As of"), *value = p->today;
  report_text_facts(f, r, width, &label, &value, 1);
  fputc('\n', f);
  text_counts(f, p);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      size_t from = l == QN_BASELINE ? 0 : p->nbaseline, to = l == QN_BASELINE ? p->nbaseline : p->n;
      char *h = level_heading((enum qn_level) l, to - from);
      fprintf(f, "\n%s\n", h);
      free(h);
      if (from == to)
        fprintf(f, "%*s%s\n", EMIT_INDENT, "", _("none"));
      for (size_t k = from; k < to; k++)
        text_item(f, r, &p->items[k], width);
    }
  /* Out of scope is not "not met": those questions are not in the plan,
   * and the scope section says which and why, as in every report. */
  report_text_scope(f, r, c, width);
  if (!report_has_scope(r))
    fputc('\n', f);
  emit_wrapped(f, _("Overdue: due before the date above and not done. Questions met or not "
                    "applicable are not in the plan."), 0, width);
  emit_wrapped(f, report_editorial_text(), 0, width);
}

/* ---- Markdown ---------------------------------------------------------- */

static void
md_plan(FILE *f, const report_ctx *r, const coverage *c, const plan *p)
{
  const questionnaire *q = r->qn;
  fprintf(f, "# %s\n\n", _("kijun: improvement plan"));
  report_md_facts(f, r);
  fprintf(f, "| %s | %s |\n\n", _("As of"), p->today);
  fprintf(f, "| %s | %zu |\n|---|---:|\n", _("Questions not met"), p->n);
  for (int s = 0; s < PLAN_STATE_COUNT; s++)
    fprintf(f, "| %s | %zu |\n", plan_state_name((enum plan_state) s), p->count[s]);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      size_t from = l == QN_BASELINE ? 0 : p->nbaseline, to = l == QN_BASELINE ? p->nbaseline : p->n;
      char *h = level_heading((enum qn_level) l, to - from);
      fprintf(f, "\n## %s\n\n", h);
      free(h);
      if (from == to)
        {
          fprintf(f, "%s\n", _("none"));
          continue;
        }
      fprintf(f, "| %s | %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|---|\n",
              _("Question"), _("Answer"), _("State"), ans_plan_name(ANS_PLAN_ACTION),
              ans_plan_name(ANS_PLAN_OWNER), ans_plan_name(ANS_PLAN_DUE),
              ans_plan_name(ANS_PLAN_DONE), _("Text"));
      for (size_t k = from; k < to; k++)
        {
          const plan_item *it = &p->items[k];
          const qn_question *x = &q->questions[it->qi];
          const ans_entry *e = &r->a->e[it->qi];
          fputs("| ", f);
          emit_md(f, x->id);
          if (x->basis == QN_BASIS_EDITORIAL)
            fputs(" (\\*)", f);
          fprintf(f, " | %s | ", report_unmet_reason(e));
          if (it->state == PLAN_OVERDUE)
            fprintf(f, "**%s**", plan_state_name(it->state));
          else
            fputs(plan_state_name(it->state), f);
          for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
            {
              fputs(" | ", f);
              emit_md(f, e->plan[pf]);
            }
          fputs(" | ", f);
          emit_md(f, qn_tr(&x->text, r->lang));
          fputs(" |\n", f);
        }
    }
  report_md_scope(f, r, c);
}

/* ---- CSV --------------------------------------------------------------- */

/* The scope section as rows of the plan's table, as the report's CSV
 * has them (kijun(1)): a row for each scope answer (state scope_question,
 * the answer in status, the question in text) and one for each question
 * out of scope (state not_in_scope, its reason in text). */
static void
csv_scope(FILE *f, const report_ctx *r, const coverage *c, const plan *p)
{
  const questionnaire *q = r->qn;
  if (!report_has_scope(r))
    return;
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      emit_csv(f, r->a->scope[k].id);
      fprintf(f, ",,,,%s,false,scope_question", ans_scope_key(r->a->scope[k].value));
      for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
        fputc(',', f);
      fprintf(f, ",%s,", p->today);
      emit_csv(f, text);
      fputs("\r\n", f);
      free(text);
    }
  for (size_t k = 0; k < c->nout; k++)
    {
      const qn_question *x = &q->questions[c->out[k]];
      const ans_entry *e = &r->a->e[c->out[k]];
      char *why = ans_scope_reason(r->a, c->out[k], r->lang);
      emit_csv(f, x->id);
      fputc(',', f);
      emit_csv(f, q->sections[x->section].id);
      fprintf(f, ",%s,%s,%s,false,not_in_scope", qn_phase_key(x->phase), qn_level_key(x->level),
              ans_status_key(e->status));
      for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
        {
          fputc(',', f);
          emit_csv(f, e->plan[pf]);
        }
      fprintf(f, ",%s,", p->today);
      emit_csv(f, why);
      fputs("\r\n", f);
      free(why);
    }
}

static void
csv_plan(FILE *f, const report_ctx *r, const coverage *c, const plan *p)
{
  const questionnaire *q = r->qn;
  fputs("question,section,phase,level,status,missing_reason,state", f);
  for (int k = 0; k < ANS_PLAN_COUNT; k++)
    fprintf(f, ",%s", ans_plan_key((enum ans_plan) k));
  fputs(",as_of,text\r\n", f);
  for (size_t k = 0; k < p->n; k++)
    {
      const plan_item *it = &p->items[k];
      const qn_question *x = &q->questions[it->qi];
      const ans_entry *e = &r->a->e[it->qi];
      emit_csv(f, x->id);
      fputc(',', f);
      emit_csv(f, q->sections[x->section].id);
      fprintf(f, ",%s,%s,%s,%s,%s", qn_phase_key(x->phase), qn_level_key(x->level),
              ans_status_key(e->status), missing_reason(e) ? "true" : "false",
              plan_state_key(it->state));
      for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
        {
          fputc(',', f);
          emit_csv(f, e->plan[pf]);
        }
      fprintf(f, ",%s,", p->today);
      emit_csv(f, qn_tr(&x->text, r->lang));
      fputs("\r\n", f);
    }
  csv_scope(f, r, c, p);
}

/* ---- JSON -------------------------------------------------------------- */

static void
json_plan(FILE *f, const report_ctx *r, const coverage *c, const plan *p)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  jw w;
  jw_begin(&w, f);
  report_json_head(&w, q, r->lang, "kijun-plan/1", p->today);
  jw_str(&w, "answers_file", r->answers_path);
  report_json_profile(&w, r);
  jw_obj_flat(&w, "counts");
  jw_uint(&w, "not_met", p->n);
  jw_uint(&w, "baseline", p->nbaseline);
  for (int s = 0; s < PLAN_STATE_COUNT; s++)
    jw_uint(&w, plan_state_key((enum plan_state) s), p->count[s]);
  jw_end(&w);
  report_json_scope(&w, r, c);
  jw_arr(&w, "items");
  for (size_t k = 0; k < p->n; k++)
    {
      const plan_item *it = &p->items[k];
      const qn_question *x = &q->questions[it->qi];
      const ans_entry *e = &a->e[it->qi];
      jw_obj_flat(&w, NULL);
      jw_str(&w, "question", x->id);
      jw_str(&w, "section", q->sections[x->section].id);
      jw_str(&w, "phase", qn_phase_key(x->phase));
      jw_str(&w, "level", qn_level_key(x->level));
      jw_str(&w, "status", ans_status_key(e->status));
      jw_bool(&w, "missing_reason", missing_reason(e));
      jw_str(&w, "state", plan_state_key(it->state));
      for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
        jw_str(&w, ans_plan_key((enum ans_plan) pf), e->plan[pf]);
      jw_str(&w, "text", qn_tr(&x->text, r->lang));
      jw_end(&w);
    }
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
}

/* ---- HTML -------------------------------------------------------------- */

static void
html_plan(FILE *f, const report_ctx *r, const coverage *c, const plan *p)
{
  const questionnaire *q = r->qn;
  const char *org = r->a->profile[ANS_ORGANIZATION];
  char *title = org ? xasprintf("%s: %s", _("kijun: improvement plan"), org)
                    : xstrdup(_("kijun: improvement plan"));
  html_begin(f, r->lang, title);
  free(title);
  html_cover_head(f, r, _("kijun: improvement plan"));
  html_fact(f, _("As of"), p->today, NULL);
  char *ver = xasprintf("%s %s", q->id, q->version);
  html_fact(f, _("Version"), ver, "id");
  free(ver);
  if (r->answers_path)
    html_fact(f, _("Answers file"), r->answers_path, "path");
  fputs("</dl>\n<dl class=\"facts\">\n", f);
  char n[32];
  snprintf(n, sizeof n, "%zu", p->n);
  html_fact(f, _("Questions not met"), n, NULL);
  for (int s = 0; s < PLAN_STATE_COUNT; s++)
    {
      snprintf(n, sizeof n, "%zu", p->count[s]);
      html_fact(f, plan_state_name((enum plan_state) s), n, NULL);
    }
  fputs("</dl>\n</header>\n", f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      size_t from = l == QN_BASELINE ? 0 : p->nbaseline, to = l == QN_BASELINE ? p->nbaseline : p->n;
      char *h = level_heading((enum qn_level) l, to - from);
      html_el(f, "h2", NULL, h);
      free(h);
      if (from == to)
        {
          html_el(f, "p", NULL, _("none"));
          continue;
        }
      /* One card a question: a table of eight columns left the action
       * two or three characters a line on A4. */
      for (size_t k = from; k < to; k++)
        html_plan_item(f, r, &p->items[k]);
    }
  html_scope(f, r, c);
  html_el(f, "p", "muted", _("Overdue: due before the date above and not done. Questions met or not "
                             "applicable are not in the plan."));
  html_end(f);
}

int
report_plan_write(FILE *f, enum report_fmt fmt, const report_ctx *r)
{
  coverage c;
  cov_compute(r->qn, r->a, &c);
  char today[ANS_DATE_SIZE];
  ans_today(today);
  plan p;
  plan_build(r->qn, r->a, &c, today, &p);
  static void (*const render[])(FILE *, const report_ctx *, const coverage *, const plan *) = {
    [REPORT_TEXT] = text_plan, [REPORT_MARKDOWN] = md_plan, [REPORT_CSV] = csv_plan,
    [REPORT_JSON] = json_plan, [REPORT_HTML] = html_plan,
  };
  enum lang ui = i18n_switch_messages(r->lang);
  int rc = 0;
  fmt = report_fmt_begin(f, fmt);
  if (fmt == REPORT_XLSX)
    rc = xlsx_plan(f, r, &c, &p);
  else
    render[fmt](f, r, &c, &p);
  i18n_switch_messages(ui);
  plan_free(&p);
  cov_free(&c);
  return rc ? rc : ferror(f) ? EX_IOERR : 0;
}
