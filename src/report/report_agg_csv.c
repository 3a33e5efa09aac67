/* report_agg_csv: the aggregate report as CSV, one row per figure.  See
 * report_agg.h. */
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

/* The columns after scope,id,title,level. */
static void
csv_header(FILE *f)
{
  fputs("scope,id,title,level,files,baseline_met_files,met,applicable,percent,total", f);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%s", ans_status_key(aggrep_nth(i)));
  fputs(",missing_reason,reconfirm", f);
  for (int k = 0; k < AGGREP_FIVE; k++)
    fprintf(f, ",%s", aggrep_five_key[k]);
  fputs(",none_applicable", f);
  for (int v = 1; v < AGG_VERDICT_COUNT; v++)
    fprintf(f, ",%s_files", agg_verdict_key((enum agg_verdict) v));
  fputs(",not_yet_decided_left_out\r\n", f);
}

static void
csv_lead(FILE *f, const char *scope, const char *id, const char *title, const char *level)
{
  emit_csv(f, scope);
  fputc(',', f);
  /* ids include file names, which kijun has not checked: controls and
   * bidi overrides are written visibly, as in every other report. */
  char *clean = id ? txt_sanitize(id, true) : NULL;
  emit_csv(f, clean);
  free(clean);
  fputc(',', f);
  emit_csv(f, title);
  fprintf(f, ",%s", level ? level : "");
}

/* The tally columns (as the report's), or as many empty fields. */
static void
csv_tally(FILE *f, const cov_tally *t)
{
  if (t)
    report_csv_tally(f, t);
  else
    for (int i = 0; i < 6 + ANS_STATUS_COUNT; i++)
      fputc(',', f);
}

/* The distribution's columns, then the files by verdict but met (met is
 * baseline_met_files, near the start), then how many undecided ones the
 * distribution leaves out; NULL: empty fields. */
static void
csv_dist(FILE *f, const agg_dist *d, const unsigned *verdicts)
{
  if (!d)
    for (int k = 0; k <= AGGREP_FIVE; k++)
      fputc(',', f);
  else
    {
      for (int k = 0; k < AGGREP_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE];
          const char *v = aggrep_tenths_text(agg_quantile(d, aggrep_five_num[k], aggrep_five_den[k]), pct);
          fprintf(f, ",%s", v ? v : "");
        }
      fprintf(f, ",%u", d->none);
    }
  for (int v = 1; v < AGG_VERDICT_COUNT; v++)
    if (verdicts)
      fprintf(f, ",%u", verdicts[v]);
    else
      fputc(',', f);
  if (d)
    fprintf(f, ",%u\r\n", d->unfinished);
  else
    fputs(",\r\n", f);
}

void
aggrep_csv(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  csv_header(f);
  aggrep_row *rows = xcalloc(AGGREP_ROWS(q), sizeof *rows);
  size_t n = aggrep_scope_rows(r, rows);
  /* Overall: the files, and every answer pooled; phases and items: the
   * distribution (their pooled tallies are in no single report either). */
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      csv_lead(f, "overall", q->id, qn_tr(&q->title, r->lang), qn_level_key((enum qn_level) l));
      fprintf(f, ",%u,%u", g->files, aggrep_met_files(g));
      csv_tally(f, &g->all[l]);
      csv_dist(f, l == QN_BASELINE ? &g->overall : NULL, g->verdict);
    }
  for (size_t i = 1; i < n; i++)
    {
      /* files: those in the distribution, as the JSON report's "files";
       * the others are in none_applicable and not_yet_decided_left_out. */
      csv_lead(f, rows[i].key, rows[i].id, rows[i].label, qn_level_key(QN_BASELINE));
      fprintf(f, ",%u,", rows[i].d->n);
      csv_tally(f, NULL);
      csv_dist(f, rows[i].d, NULL);
    }
  free(rows);
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      if (!aggrep_row_files(v))
        continue;
      csv_lead(f, "sector", k < q->nsectors ? q->sectors[k].id : "", aggrep_sector_label(r, k), NULL);
      fprintf(f, ",%u,%u", aggrep_row_files(v), v[AGG_MET]);
      csv_tally(f, NULL);
      csv_dist(f, NULL, v);
    }
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      csv_lead(f, "question", x->id, qn_tr(&x->text, r->lang), qn_level_key(x->level));
      fprintf(f, ",%u,", g->question[rank[k]].total);
      csv_tally(f, &g->question[rank[k]]);
      csv_dist(f, NULL, NULL);
    }
  free(rank);
  /* The scope: a row for each answer to each scope question (files: how
   * many answered so), and one for each question some files left out
   * (files: how many; title: why). */
  for (size_t k = 0; aggrep_has_scope(r) && k < q->nscopes; k++)
    for (int v = 0; v < ANS_SCOPE_COUNT; v++)
      {
        static const char *const keys[ANS_SCOPE_COUNT] = { "scope_yes", "scope_no",
                                                           "scope_unanswered" };
        csv_lead(f, keys[v], q->scopes[k].id, qn_tr(&q->scopes[k].text, r->lang), NULL);
        fprintf(f, ",%u,", g->scope[k][aggrep_scope_order[v]]);
        csv_tally(f, NULL);
        csv_dist(f, NULL, NULL);
      }
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      char *why = ans_scope_reason_text(q, i, r->lang);
      csv_lead(f, "not_in_scope", q->questions[i].id, why, qn_level_key(q->questions[i].level));
      fprintf(f, ",%u,", g->question[i].out_of_scope);
      csv_tally(f, NULL);
      csv_dist(f, NULL, NULL);
      free(why);
    }
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      csv_lead(f, "left_out", s->left_out[i].path, s->left_out[i].message, NULL);
      fputs(",,", f);
      csv_tally(f, NULL);
      csv_dist(f, NULL, NULL);
    }
  for (size_t i = 0; i < s->nskipped; i++)
    {
      csv_lead(f, "skipped", s->skipped[i].path, s->skipped[i].message, NULL);
      fputs(",,", f);
      csv_tally(f, NULL);
      csv_dist(f, NULL, NULL);
    }
  for (size_t i = 0; i < s->ndups; i++)
    for (size_t k = 0; k < s->dups[i].n; k++)
      {
        char group[32];
        snprintf(group, sizeof group, "%zu", i + 1);
        csv_lead(f, "duplicate", s->dups[i].paths[k], r->names ? s->dups[i].organization : group, NULL);
        fputs(",,", f);
        csv_tally(f, NULL);
        csv_dist(f, NULL, NULL);
      }
  if (r->names)
    for (size_t i = 0; i < s->norgs; i++)
      {
        const survey_org *o = &s->orgs[i];
        char pct[COV_PERCENT_SIZE];
        const char *v = aggrep_tenths_text(o->tenths, pct);
        csv_lead(f, "organization", o->path, o->organization, qn_level_key(QN_BASELINE));
        fprintf(f, ",1,%d,,,%s,", o->verdict == AGG_MET, v ? v : "");
        for (int j = 0; j < 2 + ANS_STATUS_COUNT; j++)
          fputc(',', f);
        unsigned one[AGG_VERDICT_COUNT] = { 0 };
        one[o->verdict] = 1;
        csv_dist(f, NULL, one);
      }
}
