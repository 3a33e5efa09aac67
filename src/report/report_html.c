/* report_html: the single-assessment report as an HTML page (see
 * report_html.h), and the pieces of it the other reports share: the
 * cover, a question's id, the plan of an answer.  The page's parts are
 * html.c's and html_chart.c's. */
#include <config.h>
#include "report/report_html.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

void
html_fact(FILE *f, const char *label, const char *value, const char *cls)
{
  fputs("<dt>", f);
  html_put(f, label);
  fputs(cls ? "</dt><dd class=\"" : "</dt><dd", f);
  if (cls)
    fprintf(f, "%s\"", cls);
  fputs(">", f);
  html_put(f, value);
  fputs("</dd>\n", f);
}

/* A big figure over its counts: "40.0%" and "(2/5)". */
void
html_kpi(FILE *f, const char *label, const char *figure)
{
  const char *paren = strchr(figure, '(');
  size_t n = paren ? (size_t) (paren - figure) : strlen(figure);
  while (n && figure[n - 1] == ' ')
    n--;
  char *big = xstrndup(figure, n);
  fputs("<div class=\"kpi\"><span class=\"label\">", f);
  html_put(f, label);
  fputs("</span><span class=\"big\">", f);
  html_put(f, big);
  fputs("</span>", f);
  if (paren)
    {
      fputs("<span class=\"small\">", f);
      html_put(f, paren);
      fputs("</span>", f);
    }
  fputs("</div>\n", f);
  free(big);
}

/* How many questions have a level of each basis, and what each rests
 * on, beside the verdict. */
static void
bases(FILE *f, const questionnaire *q, const coverage *c, enum lang lang)
{
  fputs("<div class=\"bases\"><p>", f);
  html_put(f, report_bases_heading());
  fputs("</p>\n<ul>\n", f);
  for (int b = 0; b < QN_BASIS_COUNT; b++)
    {
      if (!c->by_basis[b])
        continue;
      const char *mark = report_basis_label((enum qn_basis) b);
      fprintf(f, "<li><span class=\"n\">%zu/%zu</span> <strong>", c->by_basis[b], q->nquestions);
      html_put(f, qn_basis_name((enum qn_basis) b));
      fputs(*mark ? " " : "", f);
      html_put(f, mark);
      fputs("</strong>: ", f);
      html_put(f, qn_basis_desc((enum qn_basis) b));
      fputs("</li>\n", f);
    }
  fputs("</ul>\n", f);
  const char *labels[] = { report_rests_heading(), report_rules_heading() };
  const qn_text *texts[] = { &q->source, &q->guidance };
  for (int i = 0; i < 2; i++)
    if (qn_text_given(texts[i]))
      {
        fputs("<p><strong>", f);
        html_put(f, labels[i]);
        fputs("</strong></p>\n<p class=\"qn-text\">", f);
        html_put_lines(f, qn_tr(texts[i], lang));
        fputs("</p>\n", f);
      }
  fputs("</div>\n", f);
}

void
html_cover_head(FILE *f, const report_ctx *r, const char *kicker)
{
  const questionnaire *q = r->qn;
  const char *org = r->a->profile[ANS_ORGANIZATION];
  fputs("<header>\n<p class=\"kicker\">", f);
  html_put(f, kicker);
  fputs("</p>\n<h1>", f);
  html_put(f, org ? org : qn_tr(&q->title, r->lang));
  fputs("</h1>\n<p class=\"subtitle\">", f);
  html_put(f, qn_tr(&q->title, r->lang));
  fputs("</p>\n<dl class=\"facts\">\n", f);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    if (i != ANS_ORGANIZATION || !org)
      html_fact(f, ans_field_name((enum ans_field) i), report_profile_value(r, i), NULL);
}

static void
cover(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  char now[32], buf[64];
  ans_now(now);

  html_cover_head(f, r, _("kijun: baseline coverage report"));
  html_fact(f, _("Last answer"), report_last_answer_text(c, r->lang), NULL);
  html_fact(f, _("Report made"), report_time_text(now, r->lang), NULL);
  char *ver = xasprintf("%s %s", q->id, q->version);
  html_fact(f, _("Version"), ver, "id");
  free(ver);
  if (r->answers_path)
    html_fact(f, _("Answers file"), r->answers_path, "path");
  fputs("</dl>\n", f);

  const char *verdict = report_verdict_text(c);
  char *caveat = report_caveat_text(c, q->nquestions);
  fprintf(f, "<p class=\"verdict %s\"><span class=\"label\">", cov_verdict_class(c->verdict));
  html_put(f, _("Verdict"));
  fputs("</span><strong>", f);
  html_put(f, verdict);
  fputs("</strong>", f);
  if (caveat)
    {
      fputs("<span class=\"caveat\">", f);
      html_put(f, caveat);
      fputs("</span>", f);
    }
  fputs("</p>\n", f);
  free(caveat);
  bases(f, q, c, r->lang);
  fputs("<div class=\"kpis\">\n", f);
  cov_format(&c->all[QN_BASELINE], buf, sizeof buf);
  html_kpi(f, _("Baseline coverage"), buf);
  cov_format(&c->all[QN_RECOMMENDED], buf, sizeof buf);
  html_kpi(f, _("Recommended coverage"), buf);
  snprintf(buf, sizeof buf, "%u/%u", cov_answered(c->all), cov_total(c->all));
  html_kpi(f, _("Answered"), buf);
  fputs("</div>\n</header>\n", f);
}

static void
phases(FILE *f, const coverage *c)
{
  html_bar_row rows[QN_PHASE_COUNT];
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    rows[p] = (html_bar_row){ qn_phase_name((enum qn_phase) p),
                              { &c->phase[p][QN_BASELINE], &c->phase[p][QN_RECOMMENDED] } };
  const char *series[] = { qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED) };
  html_el(f, "h2", NULL, _("Coverage by phase"));
  html_bar_chart(f, _("Baseline and recommended coverage by PDCA phase"), series, 2, rows,
                 QN_PHASE_COUNT);
}

/* Coverage by CSF: the functions as bars (their names are short), then
 * every row, functions and their categories, as a table like the
 * items'.  Nothing when no question names CSF. */
static void
csf(FILE *f, const report_ctx *r, const coverage *c)
{
  report_csf_row crows[REPORT_CSF_ROWS];
  size_t n = report_csf_rows(c, r->lang, crows);
  if (!n)
    return;
  html_bar_row rows[CSF_FUNCTION_COUNT];
  char *labels[CSF_FUNCTION_COUNT];
  size_t nf = 0;
  for (size_t i = 0; i < n; i++)
    if (!crows[i].category)
      {
        labels[nf] = xasprintf("%s %s", crows[i].id, crows[i].name);
        rows[nf] = (html_bar_row){ labels[nf], { &crows[i].t[QN_BASELINE], &crows[i].t[QN_RECOMMENDED] } };
        nf++;
      }
  const char *series[] = { qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED) };
  html_el(f, "h2", NULL, report_csf_heading());
  html_el(f, "p", NULL, report_csf_note());
  html_bar_chart(f, report_csf_heading(), series, 2, rows, nf);
  for (size_t i = 0; i < nf; i++)
    free(labels[i]);
  fputs("<table class=\"items\">\n<thead><tr><th>", f);
  html_put(f, _("CSF"));
  fputs("</th><th>", f);
  html_put(f, _("Name"));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_BASELINE));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_RECOMMENDED));
  fputs("</th></tr></thead>\n<tbody>\n", f);
  for (size_t i = 0; i < n; i++)
    {
      /* A function's row in bold; its categories follow it. */
      fputs(crows[i].category ? "<tr><td class=\"id\">" : "<tr><td class=\"id\"><strong>", f);
      html_put(f, crows[i].id);
      fputs(crows[i].category ? "</td><td>" : "</strong></td><td><strong>", f);
      html_put(f, crows[i].name);
      fputs(crows[i].category ? "</td>" : "</strong></td>", f);
      html_cell(f, &crows[i].t[QN_BASELINE]);
      html_cell(f, &crows[i].t[QN_RECOMMENDED]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
}

static void
items(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  html_el(f, "h2", NULL, _("Coverage by item"));
  html_band_legend(f);
  fputs("<table class=\"items\">\n<thead><tr><th>", f);
  html_put(f, _("Item"));
  fputs("</th><th>", f);
  html_put(f, _("Title"));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_BASELINE));
  fputs("</th><th class=\"num\">", f);
  html_put(f, qn_level_name(QN_RECOMMENDED));
  fputs("</th></tr></thead>\n<tbody>\n", f);
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("<tr><td class=\"id\">", f);
      html_put(f, q->sections[s].id);
      fputs("</td><td>", f);
      html_put(f, qn_tr(&q->sections[s].title, r->lang));
      fputs("</td>", f);
      html_cell(f, &c->section[s][QN_BASELINE]);
      html_cell(f, &c->section[s][QN_RECOMMENDED]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
  bool notes = false;
  for (size_t s = 0; s < q->nsections; s++)
    if (qn_text_given(&q->sections[s].level_note))
      {
        fputs(notes ? "" : "<dl class=\"item-notes\">\n", f);
        notes = true;
        html_fact(f, q->sections[s].id, qn_tr(&q->sections[s].level_note, r->lang), NULL);
      }
  if (notes)
    fputs("</dl>\n", f);
}


static void
statuses(FILE *f, const coverage *c)
{
  enum ans_status order[ANS_STATUS_COUNT];
  html_kind kinds[ANS_STATUS_COUNT];
  char cls[ANS_STATUS_COUNT][48];
  int nk = html_status_kinds(kinds, order, cls);
  unsigned counts[QN_LEVEL_COUNT][ANS_STATUS_COUNT];
  html_stack_row rows[QN_LEVEL_COUNT];
  for (int k = 0; k < nk; k++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      counts[l][k] = c->all[l].status[order[k]];
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    rows[l] = (html_stack_row){ qn_level_name((enum qn_level) l), counts[l] };
  html_el(f, "h2", NULL, _("Answers by status"));
  html_stack_chart(f, _("Questions of each level by status"), kinds, (size_t) nk, rows,
                   QN_LEVEL_COUNT);
  unsigned nr = c->all[QN_BASELINE].no_reason + c->all[QN_RECOMMENDED].no_reason;
  if (nr)
    {
      char *s = xasprintf(ngettext("%u alternative or not-applicable answer lacks the reason it "
                                   "needs and counts as not met.",
                                   "%u alternative or not-applicable answers lack the reason they "
                                   "need and count as not met.", nr),
                          nr);
      html_el(f, "p", NULL, s);
      free(s);
    }
}

/* A question's id, marked [k] when its level is kijun's reading. */
void
html_scope_item(FILE *f, const qn_question *x, const char *answer, const char *why, enum lang l)
{
  fputs("<li><span class=\"id\">", f);
  html_question_id(f, x);
  fputs("</span> ", f);
  html_put(f, qn_level_name(x->level));
  fputs(" \u00b7 ", f);
  html_put(f, answer);
  fputs(" \u00b7 <em>", f);
  html_put(f, why);
  fputs("</em>: ", f);
  html_put(f, qn_tr(&x->text, l));
  fputs("</li>\n", f);
}

void
html_question_id(FILE *f, const qn_question *x)
{
  html_put(f, x->id);
  if (x->basis == QN_BASIS_EDITORIAL)
    {
      fputc(' ', f);
      html_put(f, REPORT_MARK);
    }
}

void
html_plan_fields(FILE *f, const ans_entry *e)
{
  if (!ans_has_plan(e))
    return;
  for (int pf = 0; pf < ANS_PLAN_COUNT; pf++)
    {
      if (!e->plan[pf])
        continue;
      fputs("<dt>", f);
      html_put(f, ans_plan_name((enum ans_plan) pf));
      fputs(pf == ANS_PLAN_ACTION ? "</dt><dd class=\"action\">" : "</dt><dd>", f);
      html_put_lines(f, e->plan[pf]);
      fputs("</dd>\n", f);
    }
}

void
html_plan_item(FILE *f, const report_ctx *r, const plan_item *it)
{
  const qn_question *x = &r->qn->questions[it->qi];
  const ans_entry *e = &r->a->e[it->qi];
  fputs("<article class=\"unmet plan-item\">\n<h3><span class=\"id\">", f);
  html_question_id(f, x);
  fputs("</span><span class=\"why\">", f);
  html_put(f, qn_phase_name(x->phase));
  fputs(" \u00b7 ", f);
  html_put(f, report_unmet_reason(e));
  fputs(" \u00b7 </span><span class=\"state\">", f);
  /* The word, in bold when overdue: it reads without colour. */
  fputs(it->state == PLAN_OVERDUE ? "<strong>" : "", f);
  html_put(f, plan_state_name(it->state));
  fputs(it->state == PLAN_OVERDUE ? "</strong>" : "", f);
  fputs("</span></h3>\n<p>", f);
  html_put(f, qn_tr(&x->text, r->lang));
  fputs("</p>\n", f);
  if (ans_has_plan(e))
    {
      fputs("<dl>\n", f);
      html_plan_fields(f, e);
      fputs("</dl>\n", f);
    }
  fputs("</article>\n", f);
}

/* The plan as a section of the report: the questions not met that have
 * a plan, baseline first; the count of those without one. */
static void
plan_section(FILE *f, const report_ctx *r, const coverage *c)
{
  char today[ANS_DATE_SIZE];
  ans_today(today);
  plan p;
  plan_build(r->qn, r->a, c, today, &p);
  html_el(f, "h2", NULL, _("Improvement plan"));
  size_t planned = p.n - p.count[PLAN_NO_ACTION];
  char *s = xasprintf(_("As of %s: %zu of %zu questions not met have a plan (%zu open, %zu overdue, "
                        "%zu done); %zu have no action yet."),
                      today, planned, p.n, p.count[PLAN_OPEN], p.count[PLAN_OVERDUE], p.count[PLAN_DONE],
                      p.count[PLAN_NO_ACTION]);
  html_el(f, "p", NULL, s);
  free(s);
  for (size_t k = 0; k < p.n; k++)
    if (p.items[k].state != PLAN_NO_ACTION)
      html_plan_item(f, r, &p.items[k]);
  plan_free(&p);
}

static void
unmet(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  unsigned n = (unsigned) c->nunmet;
  char *h = report_unmet_heading(r->a, c);
  html_el(f, "h2", NULL, h);
  free(h);
  if (!n)
    {
      html_el(f, "p", NULL, _("none"));
    }
  for (size_t k = 0; k < c->nunmet; k++)
    {
      size_t i = c->unmet[k];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &r->a->e[i];
      fputs("<article class=\"unmet\">\n<h3><span class=\"id\">", f);
      html_question_id(f, x);
      fputs("</span><span class=\"why\">", f);
      html_put(f, qn_phase_name(x->phase));
      fputs(" \u00b7 ", f);
      html_put(f, report_unmet_reason(e));
      fputs("</span></h3>\n<p>", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</p>\n", f);
      if (qn_text_given(&x->level_note))
        {
          fputs("<p class=\"level-note\"><span class=\"label\">", f);
          html_put(f, report_level_note_label());
          fputs(":</span> ", f);
          html_put(f, qn_tr(&x->level_note, r->lang));
          fputs("</p>\n", f);
        }
      if (e->note || e->evidence || ans_has_plan(e))
        {
          fputs("<dl>\n", f);
          if (e->note)
            {
              fputs("<dt>", f);
              html_put(f, _("Note"));
              fputs("</dt><dd>", f);
              html_put_lines(f, e->note);
              fputs("</dd>\n", f);
            }
          if (e->evidence)
            html_fact(f, _("Evidence"), e->evidence, "path");
          html_plan_fields(f, e);
          fputs("</dl>\n", f);
        }
      fputs("</article>\n", f);
    }
}

/* Answers carried from an earlier revision or question, and answers to
 * questions no longer asked: only when there are any. */
static void
carried(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  if (c->nreconfirm)
    {
      char *h = report_reconfirm_heading(c);
      html_el(f, "h2", NULL, h);
      free(h);
      fputs("<ul class=\"reconfirm\">\n", f);
      for (size_t k = 0; k < c->nreconfirm; k++)
        {
          const qn_question *x = &q->questions[c->reconfirm[k]];
          fputs("<li><span class=\"id\">", f);
          html_question_id(f, x);
          fputs("</span> ", f);
          html_put(f, qn_level_name(x->level));
          fputs(" \u00b7 ", f);
          html_put(f, ans_status_name(r->a->e[c->reconfirm[k]].status));
          fputs(": ", f);
          html_put(f, qn_tr(&x->text, r->lang));
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  if (c->nretired)
    {
      char *h = report_retired_heading(c);
      html_el(f, "h2", NULL, h);
      free(h);
      fputs("<ul class=\"retired\">\n", f);
      for (size_t k = 0; k < r->a->nretired; k++)
        {
          const ans_retired *x = &r->a->retired[k];
          fputs("<li><span class=\"id\">", f);
          html_put(f, x->question);
          fputs("</span> ", f);
          html_put(f, report_retired_status(x));
          if (x->note)
            {
              fputs(": ", f);
              html_put_lines(f, x->note);
            }
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
}

/* The scope answers and the questions they leave out, with the reason;
 * only when the questionnaire asks scope questions. */
void
html_scope(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  if (!report_has_scope(r))
    return;
  html_el(f, "h2", NULL, report_scope_heading());
  fputs("<table class=\"scope\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Scope question"));
  html_el(f, "th", NULL, _("Answer"));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      fputs("<tr><td class=\"text\">", f);
      html_put(f, text);
      fputs("</td><td class=\"kw\">", f);
      html_put(f, ans_scope_name(r->a->scope[k].value));
      fputs("</td></tr>\n", f);
      free(text);
    }
  fputs("</tbody>\n</table>\n", f);
  char *out = report_scope_out_text(c);
  html_el(f, "p", NULL, out);
  free(out);
  if (!c->nout)
    return;
  fputs("<ul class=\"out-of-scope\">\n", f);
  for (size_t k = 0; k < c->nout; k++)
    {
      const qn_question *x = &q->questions[c->out[k]];
      char *why = ans_scope_reason(r->a, c->out[k], r->lang);
      html_scope_item(f, x, ans_status_name(r->a->e[c->out[k]].status), why, r->lang);
      free(why);
    }
  fputs("</ul>\n", f);
}

static void
method(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  html_el(f, "h2", NULL, _("How coverage is computed"));
  html_el(f, "p", "formula", report_formula_text());
  html_el(f, "p", NULL, report_editorial_text());
  size_t ed = c->editorial;
  char *s = xasprintf(ngettext("%zu question of %zu has a level of kijun's reading.",
                               "%zu questions of %zu have a level of kijun's reading.", ed),
                      ed, q->nquestions);
  html_el(f, "p", NULL, s);
  free(s);
}

/* An ISO 8601 time on two lines, date over time, so the column stays
 * narrow; anything else as it is. */
static void
put_time(FILE *f, const char *s, enum lang l)
{
  s = report_time_text(s, l);
  /* Break before the time: "4 Dec 2026" over "16:50 JST". */
  const char *colon = s ? strchr(s, ':') : NULL, *t = NULL;
  for (const char *p = colon; p && p > s; p--)
    if (*p == ' ' || *p == 'T')
      {
        t = p;
        break;
      }
  if (!t)
    {
      html_put(f, s ? s : "");
      return;
    }
  char *date = xstrndup(s, (size_t) (t - s));
  html_put(f, date);
  fputs("<br>", f);
  html_put(f, t + 1);
  free(date);
}

static void
appendix(FILE *f, const report_ctx *r)
{
  const questionnaire *q = r->qn;
  fputs("<section class=\"appendix\">\n", f);
  html_el(f, "h2", NULL, _("Appendix: every answer"));
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  const char *heads[] = { _("Question"), _("Text and note"), _("Level"), _("Answer"),
                          _("Evidence"), _("Updated") };
  for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
    html_el(f, "th", NULL, heads[i]);
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &r->a->e[i];
      fputs("<tr><td class=\"id\">", f);
      html_question_id(f, x);
      fputs("</td><td class=\"text\">", f);
      html_put(f, qn_tr(&x->text, r->lang));
      if (e->note)
        {
          fputs("<span class=\"note\">", f);
          html_put_lines(f, e->note);
          fputs("</span>", f);
        }
      fputs("</td><td class=\"kw\">", f);
      html_put(f, qn_level_name(x->level));
      fputs("</td><td class=\"kw\">", f);
      html_put(f, ans_status_name(e->status));
      char *why = ans_scope_reason(r->a, i, r->lang);
      if (why)
        {
          fputs("<span class=\"note\">", f);
          html_put(f, why);
          fputs("</span>", f);
          free(why);
        }
      fputs("</td><td class=\"path\">", f);
      html_put(f, e->evidence ? e->evidence : "");
      fputs("</td><td class=\"when\">", f);
      put_time(f, e->updated, r->lang);
      fputs("</td></tr>\n", f);
    }
  fputs("</tbody>\n</table>\n</section>\n", f);
}

void
html_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const char *org = r->a->profile[ANS_ORGANIZATION];
  char *title = org ? xasprintf("%s: %s", _("kijun: baseline coverage report"), org)
                    : xstrdup(_("kijun: baseline coverage report"));
  html_begin(f, r->lang, title);
  free(title);
  fputs("<section class=\"summary\">\n", f);
  cover(f, r, c);
  phases(f, c);
  fputs("</section>\n<section>\n", f);
  csf(f, r, c);
  items(f, r, c);
  statuses(f, c);
  unmet(f, r, c);
  plan_section(f, r, c);
  carried(f, r, c);
  html_scope(f, r, c);
  method(f, r, c);
  fputs("</section>\n", f);
  appendix(f, r);
  html_end(f);
}
