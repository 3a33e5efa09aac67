/* report_agg_md: the aggregate report as Markdown.  See report_agg.h. */
#include <config.h>
#include "report/report_agg.h"
#include "report/report_agg_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"
#include "base/text.h"
#include "base/xalloc.h"

void
aggrep_md(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char buf[64], buf2[64];
  fputs("# ", f);
  emit_md(f, aggrep_title(r));
  fprintf(f, "\n\n| | |\n|---|---|\n| %s | ", _("Questionnaire"));
  emit_md(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  emit_md(f, q->id);
  fputc(' ', f);
  emit_md(f, q->version);
  fprintf(f, " |\n| %s | %u |\n| %s | %zu |\n| %s | %zu |\n", _("Files aggregated"), g->files,
          _("Files left out"), s->nleft_out, _("Duplicates"), s->ndups);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      fprintf(f, "| %s | ", agg_verdict_name((enum agg_verdict) v));
      fprintf(f, _("%u of %u organisations"), g->verdict[v], g->files);
      fputs(" |\n", f);
    }
  cov_format(&g->all[QN_BASELINE], buf, sizeof buf);
  cov_format(&g->all[QN_RECOMMENDED], buf2, sizeof buf2);
  fprintf(f, "| %s | %s %s, %s %s |\n", _("Pooled coverage"), qn_level_name(QN_BASELINE), buf,
          qn_level_name(QN_RECOMMENDED), buf2);

  fprintf(f, "\n## %s\n\n", _("Organisations by sector and verdict"));
  tab sectors;
  aggrep_sector_table(r, &sectors);
  tab_md(f, &sectors);
  tab_free(&sectors);
  fprintf(f, "\n%s\n", aggrep_verdict_note());

  fprintf(f, "\n## %s\n\n", _("Baseline coverage of the organisations"));
  tab dists;
  aggrep_dist_table(r, &dists);
  tab_md(f, &dists);
  tab_free(&dists);
  fprintf(f, "\n%s\n", aggrep_quantile_note());
  char *un = aggrep_unfinished_note(g);
  if (un)
    fprintf(f, "\n%s\n", un);
  free(un);

  /* Not in report/table: HTML and text head the counts by the statuses'
   * digits, put the text second (HTML) or leave it out and may drop the
   * level column (text), and colour the share by band (HTML). */
  fprintf(f, "\n## %s\n\n%s\n\n| %s | %s | %s |", _("Questions, least met first"), aggrep_share_note(),
          _("Question"), _("Level"), _("Met"));
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, " %s |", ans_status_name(aggrep_nth(i)));
  fprintf(f, " %s |\n|---|---|---:|", _("Text"));
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fputs("---:|", f);
  fputs("---|\n", f);
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      const cov_tally *t = &g->question[rank[k]];
      fputs("| ", f);
      emit_md(f, x->id);
      if (x->basis == QN_BASIS_EDITORIAL)
        {
          fputc(' ', f);
          emit_md(f, REPORT_MARK);
        }
      cov_format(t, buf, sizeof buf);
      fprintf(f, " | %s | %s |", qn_level_name(x->level), buf);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        fprintf(f, " %u |", t->status[aggrep_nth(i)]);
      fputc(' ', f);
      emit_md(f, qn_tr(&x->text, r->lang));
      fputs(" |\n", f);
    }
  free(rank);
  aggrep_md_scope(f, r);

  fprintf(f, "\n## %s\n\n", _("Files left out"));
  if (!s->nleft_out)
    fprintf(f, "%s\n", _("none"));
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      fputs("- ", f);
      emit_md(f, s->left_out[i].path);
      fputs(": ", f);
      emit_md(f, s->left_out[i].reason);
      fputc('\n', f);
    }
  fprintf(f, "\n## %s\n\n", _("Files skipped"));
  if (!s->nskipped)
    fprintf(f, "%s\n", _("none"));
  for (size_t i = 0; i < s->nskipped; i++)
    {
      fputs("- ", f);
      emit_md(f, s->skipped[i].path);
      fputs(": ", f);
      emit_md(f, s->skipped[i].message);
      fputc('\n', f);
    }
  fprintf(f, "\n## %s\n\n", _("Organisations in more than one file"));
  if (!s->ndups)
    fprintf(f, "%s\n", _("none"));
  for (size_t i = 0; i < s->ndups; i++)
    {
      fputs("- ", f);
      if (r->names && s->dups[i].organization)
        {
          emit_md(f, s->dups[i].organization);
          fputs(": ", f);
        }
      for (size_t k = 0; k < s->dups[i].n; k++)
        {
          char *line = survey_dup_line(&s->dups[i], k, r->names);
          fputs(k ? "; " : "", f);
          emit_md(f, line);
          free(line);
        }
      fputc('\n', f);
    }
  if (r->names)
    {
      fprintf(f, "\n## %s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---:|\n",
              _("Organisations"), _("Answers file"), ans_field_name(ANS_ORGANIZATION),
              ans_field_name(ANS_RESPONDENT), ans_field_name(ANS_SECTOR), _("Verdict"),
              qn_level_name(QN_BASELINE));
      for (size_t i = 0; i < s->norgs; i++)
        {
          const survey_org *o = &s->orgs[i];
          const qn_sector *sec = o->sector ? qn_find_sector(q, o->sector) : NULL;
          char pct[COV_PERCENT_SIZE];
          const char *v = aggrep_tenths_text(o->tenths, pct);
          fputs("| ", f);
          emit_md(f, o->path);
          fputs(" | ", f);
          emit_md(f, o->organization);
          fputs(" | ", f);
          emit_md(f, o->respondent);
          fputs(" | ", f);
          emit_md(f, sec ? qn_tr(&sec->name, r->lang) : NULL);
          fprintf(f, " | %s | %s%s |\n", agg_verdict_name(o->verdict), v ? v : "-", v ? "%" : "");
        }
    }
  fprintf(f, "\n%s\n\n> ", report_formula_text());
  emit_md(f, report_editorial_text());
  fputc('\n', f);
}
