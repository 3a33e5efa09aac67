/* report_md: the single-assessment report as Markdown, for a wiki or a
 * ticket.  See report.h. */
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
report_md_facts(FILE *f, const report_ctx *r)
{
  const questionnaire *q = r->qn;
  fprintf(f, "| | |\n|---|---|\n| %s | ", _("Questionnaire"));
  emit_md(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  emit_md(f, q->id);
  fputc(' ', f);
  emit_md(f, q->version);
  fputs(" |\n", f);
  if (r->answers_path)
    {
      fprintf(f, "| %s | ", _("Answers file"));
      emit_md(f, r->answers_path);
      fputs(" |\n", f);
    }
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    {
      fprintf(f, "| %s | ", ans_field_name((enum ans_field) i));
      emit_md(f, report_profile_value(r, i));
      fputs(" |\n", f);
    }
}

/* An item's figure in the Markdown table: "-" without questions, "not
 * yet answered" when none is answered, and unanswered ones said apart. */
static char *
md_cell(const cov_tally *t)
{
  char b[64];
  cov_format(t, b, sizeof b);
  if (!t->total)
    return xstrdup("-");
  if (t->status[ANS_NONE] == t->total)
    return xstrdup(_("not yet answered"));
  if (!t->status[ANS_NONE])
    return xstrdup(b);
  char *u = xasprintf(_("%u unanswered"), t->status[ANS_NONE]);
  char *out = xasprintf("%s, %s", b, u);
  free(u);
  return out;
}

/* A questionnaire's text under a bold label, each of its lines a
 * paragraph. */
static void
md_qn_paras(FILE *f, const char *label, const qn_text *t, enum lang lang)
{
  if (!qn_text_given(t))
    return;
  fputs("**", f);
  emit_md(f, label);
  fputs(":**\n\n", f);
  const char *p = qn_tr(t, lang);
  while (*p)
    {
      size_t n = strcspn(p, "\n");
      char *para = xstrndup(p, n);
      emit_md(f, para);
      fputs("\n\n", f);
      free(para);
      p += n + (p[n] != '\0');
    }
}

/* The scope section in Markdown (see report_text_scope). */
void
report_md_scope(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  if (!report_has_scope(r))
    return;
  fprintf(f, "\n## %s\n\n| %s | %s |\n|---|---|\n", report_scope_heading(), _("Scope question"),
          _("Answer"));
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      fputs("| ", f);
      emit_md(f, text);
      fprintf(f, " | %s |\n", ans_scope_name(r->a->scope[k].value));
      free(text);
    }
  char *out = report_scope_out_text(c);
  fputc('\n', f);
  emit_md(f, out);
  fputs("\n", f);
  free(out);
  if (c->nout)
    fprintf(f, "\n| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Question"), _("Answer"), _("Reason"),
            _("Text"));
  for (size_t k = 0; k < c->nout; k++)
    {
      size_t i = c->out[k];
      char *why = ans_scope_reason(r->a, i, r->lang);
      fputs("| ", f);
      emit_md(f, q->questions[i].id);
      fprintf(f, " | %s | ", ans_status_name(r->a->e[i].status));
      emit_md(f, why);
      fputs(" | ", f);
      emit_md(f, qn_tr(&q->questions[i].text, r->lang));
      fputs(" |\n", f);
      free(why);
    }
}

void
report_md(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  char buf[64], buf2[64];
  fprintf(f, "# %s\n\n", _("kijun: baseline coverage report"));
  report_md_facts(f, r);
  char *caveat = report_caveat_text(c, q->nquestions);
  fprintf(f, "\n**%s:** %s\n\n", _("Verdict"), report_verdict_text(c));
  if (caveat)
    {
      fputs("> ", f);
      emit_md(f, caveat);
      fputs("\n\n", f);
    }
  free(caveat);
  fprintf(f, "%s:\n\n", report_bases_heading());
  for (int b = 0; b < QN_BASIS_COUNT; b++)
    if (c->by_basis[b])
      {
        fprintf(f, "- %zu/%zu ", c->by_basis[b], q->nquestions);
        emit_md(f, qn_basis_name((enum qn_basis) b));
        if (*report_basis_label((enum qn_basis) b))
          fputc(' ', f);
        emit_md(f, report_basis_label((enum qn_basis) b));
        fputs(": ", f);
        emit_md(f, qn_basis_desc((enum qn_basis) b));
        fputc('\n', f);
      }
  fputc('\n', f);
  md_qn_paras(f, report_rests_heading(), &q->source, r->lang);
  md_qn_paras(f, report_rules_heading(), &q->guidance, r->lang);

  /* These coverage tables (by level, phase, CSF, section) are not built
   * in report/table: their content differs by format.  Text draws bars
   * and figures with their changes, HTML draws charts and colours each
   * cell by its band (html_cell), Markdown bolds the CSF functions and
   * says "not yet answered" and the unanswered, and CSV writes every
   * figure of every level as a row of its own long table. */
  fprintf(f, "## %s\n\n", _("Coverage"));
  enum ans_status kinds[ANS_STATUS_COUNT];
  int nk = report_unmet_kinds(kinds);
  fprintf(f, "| %s | %s |", _("Level"), _("Coverage"));
  for (int k = 0; k < nk; k++)
    fprintf(f, " %s |", ans_status_name(kinds[k]));
  fprintf(f, " %s |\n|---|---:|", _("Reason missing"));
  for (int k = 0; k <= nk; k++)
    fputs("---:|", f);
  fputc('\n', f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      const cov_tally *t = &c->all[l];
      cov_format(t, buf, sizeof buf);
      fprintf(f, "| %s | %s |", qn_level_name((enum qn_level) l), buf);
      for (int k = 0; k < nk; k++)
        fprintf(f, " %u |", t->status[kinds[k]]);
      fprintf(f, " %u |\n", t->no_reason);
    }
  fprintf(f, "\n%s\n\n", report_formula_text());

  fprintf(f, "## %s\n\n| %s | %s | %s |\n|---|---:|---:|\n", _("By phase"), _("Phase"),
          qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED));
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      cov_format(&c->phase[p][QN_BASELINE], buf, sizeof buf);
      cov_format(&c->phase[p][QN_RECOMMENDED], buf2, sizeof buf2);
      fprintf(f, "| %s | %s | %s |\n", qn_phase_name((enum qn_phase) p), buf, buf2);
    }

  report_csf_row crows[REPORT_CSF_ROWS];
  size_t ncsf = report_csf_rows(c, r->lang, crows);
  if (ncsf)
    {
      fprintf(f, "\n## %s\n\n%s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", report_csf_heading(),
              report_csf_note(), _("CSF"), _("Name"), qn_level_name(QN_BASELINE),
              qn_level_name(QN_RECOMMENDED));
      for (size_t i = 0; i < ncsf; i++)
        {
          cov_format(&crows[i].t[QN_BASELINE], buf, sizeof buf);
          cov_format(&crows[i].t[QN_RECOMMENDED], buf2, sizeof buf2);
          /* Functions bold, their categories under them. */
          fprintf(f, crows[i].category ? "| %s | " : "| **%s** | ", crows[i].id);
          emit_md(f, crows[i].name);
          fprintf(f, " | %s | %s |\n", buf, buf2);
        }
    }

  fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", _("By section"), _("Item"),
          _("Title"), qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED));
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("| ", f);
      emit_md(f, q->sections[s].id);
      fputs(" | ", f);
      emit_md(f, qn_tr(&q->sections[s].title, r->lang));
      char *cell[QN_LEVEL_COUNT];
      for (int l = 0; l < QN_LEVEL_COUNT; l++)
        cell[l] = md_cell(&c->section[s][l]);
      fprintf(f, " | %s | %s |\n", cell[QN_BASELINE], cell[QN_RECOMMENDED]);
      free(cell[0]);
      free(cell[1]);
    }
  bool notes = false;
  for (size_t s = 0; s < q->nsections; s++)
    if (qn_text_given(&q->sections[s].level_note))
      {
        fputs(notes ? "- " : "\n- ", f);
        notes = true;
        emit_md(f, q->sections[s].id);
        fputs(": ", f);
        emit_md(f, qn_tr(&q->sections[s].level_note, r->lang));
        fputc('\n', f);
      }

  report_md_scope(f, r, c);

  char *uh = report_unmet_heading(r->a, c);
  fprintf(f, "\n## %s\n\n", uh);
  free(uh);
  if (c->nunmet)
    fprintf(f, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", _("Question"), _("Phase"),
            _("Answer"), _("Text"), report_level_note_label());
  else
    fprintf(f, "%s\n", _("none"));
  for (size_t k = 0; k < c->nunmet; k++)
    {
      size_t i = c->unmet[k];
      const qn_question *x = &q->questions[i];
      fputs("| ", f);
      emit_md(f, x->id);
      if (x->basis == QN_BASIS_EDITORIAL)
        {
          fputc(' ', f);
          emit_md(f, REPORT_MARK);
        }
      fprintf(f, " | %s | %s | ", qn_phase_name(x->phase), report_unmet_reason(&r->a->e[i]));
      emit_md(f, qn_tr(&x->text, r->lang));
      fputs(" | ", f);
      if (qn_text_given(&x->level_note))
        emit_md(f, qn_tr(&x->level_note, r->lang));
      fputs(" |\n", f);
    }
  if (c->nreconfirm)
    {
      char *h = report_reconfirm_heading(c);
      fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", h, _("Question"), _("Level"),
              _("Answer"), _("Text"));
      free(h);
      for (size_t k = 0; k < c->nreconfirm; k++)
        {
          const qn_question *x = &q->questions[c->reconfirm[k]];
          fputs("| ", f);
          emit_md(f, x->id);
          fprintf(f, " | %s | %s | ", qn_level_name(x->level), ans_status_name(r->a->e[c->reconfirm[k]].status));
          emit_md(f, qn_tr(&x->text, r->lang));
          fputs(" |\n", f);
        }
    }
  if (c->nretired)
    {
      char *h = report_retired_heading(c);
      fprintf(f, "\n## %s\n\n| %s | %s | %s |\n|---|---|---|\n", h, _("Question"), _("Answer"), _("Note"));
      free(h);
      for (size_t k = 0; k < r->a->nretired; k++)
        {
          const ans_retired *x = &r->a->retired[k];
          fputs("| ", f);
          emit_md(f, x->question);
          fprintf(f, " | %s | ", report_retired_status(x));
          emit_md(f, x->note ? x->note : "");
          fputs(" |\n", f);
        }
    }
  if (c->nnoted)
    {
      fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Notes and evidence"), _("Question"),
              _("Answer"), _("Note"), _("Evidence"));
      for (size_t k = 0; k < c->nnoted; k++)
        {
          const ans_entry *e = &r->a->e[c->noted[k]];
          fputs("| ", f);
          emit_md(f, q->questions[c->noted[k]].id);
          fprintf(f, " | %s | ", ans_status_name(e->status));
          emit_md(f, e->note ? e->note : "");
          fputs(" | ", f);
          emit_md(f, e->evidence ? e->evidence : "");
          fputs(" |\n", f);
        }
    }
  if (c->editorial)
    {
      fputs("\n> ", f);
      emit_md(f, report_editorial_text());
      fputc('\n', f);
    }
}
