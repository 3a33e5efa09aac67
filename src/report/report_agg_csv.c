/* report_agg_csv: the aggregate report as CSV, one row per figure: one
 * long table (report/table) written by tab_csv.  Its rows (every figure
 * of every scope, sector, question and file) are in no other format's
 * table of that shape, so the table is the CSV's own.  See report_agg.h. */
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

/* The columns: scope,id,title,level, files,baseline_met_files, the
 * tally's (as the report's), the distribution's, the files by verdict but
 * met, and not_yet_decided_left_out; vh holds the verdict headings. */
enum { AC_LEAD = 6, AC_COLS = AC_LEAD + REPORT_CSV_TALLY_COLS + AGGREP_FIVE + AGG_VERDICT_COUNT + 1 };

static void
csv_heads(tab *t, char vh[AGG_VERDICT_COUNT][48])
{
  static const char *const lead[AC_LEAD] = { "scope", "id", "title", "level", "files", "baseline_met_files" };
  tab_init(t, AC_COLS);
  size_t col = 0;
  for (; col < AC_LEAD; col++)
    tab_head(t, col, lead[col], col < 4 ? TAB_TEXT : TAB_NUM);
  report_csv_tally_heads(t, col);
  col += REPORT_CSV_TALLY_COLS;
  for (int k = 0; k < AGGREP_FIVE; k++)
    tab_head(t, col++, aggrep_five_key[k], TAB_NUM);
  tab_head(t, col++, "none_applicable", TAB_NUM);
  for (int v = 1; v < AGG_VERDICT_COUNT; v++)
    {
      snprintf(vh[v], 48, "%s_files", agg_verdict_key((enum agg_verdict) v));
      tab_head(t, col++, vh[v], TAB_NUM);
    }
  tab_head(t, col, "not_yet_decided_left_out", TAB_NUM);
}

static void
csv_lead(tab *t, const char *scope, const char *id, const char *title, const char *level)
{
  tab_row(t);
  tab_cell(t, scope);
  /* ids include file names, which kijun has not checked: controls and
   * bidi overrides are written visibly, as in every other report. */
  char *clean = id ? txt_sanitize(id, true) : NULL;
  tab_cell(t, clean);
  free(clean);
  tab_cell(t, title);
  tab_cell(t, level);
}

/* n empty cells. */
static void
csv_skip(tab *t, int n)
{
  while (n-- > 0)
    tab_cell(t, "");
}

/* The files and baseline_met_files cells (met < 0: empty). */
static void
csv_files(tab *t, unsigned files, int met)
{
  tab_num(t, files);
  if (met >= 0)
    tab_num(t, (unsigned) met);
  else
    tab_cell(t, "");
}

/* The tally columns (as the report's), or as many empty fields. */
static void
csv_tally(tab *t, const cov_tally *c)
{
  if (c)
    report_csv_tally_cells(t, c);
  else
    csv_skip(t, REPORT_CSV_TALLY_COLS);
}

/* The distribution's columns, then the files by verdict but met (met is
 * baseline_met_files, near the start), then how many undecided ones the
 * distribution leaves out; NULL: empty fields. */
static void
csv_dist(tab *t, const agg_dist *d, const unsigned *verdicts)
{
  if (!d)
    csv_skip(t, AGGREP_FIVE + 1);
  else
    {
      for (int k = 0; k < AGGREP_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE];
          tab_cell(t, aggrep_tenths_text(agg_quantile(d, aggrep_five_num[k], aggrep_five_den[k]), pct));
        }
      tab_num(t, d->none);
    }
  for (int v = 1; v < AGG_VERDICT_COUNT; v++)
    if (verdicts)
      tab_num(t, verdicts[v]);
    else
      tab_cell(t, "");
  if (d)
    tab_num(t, d->unfinished);
  else
    tab_cell(t, "");
}

void
aggrep_csv(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char vh[AGG_VERDICT_COUNT][48];
  tab tt, *t = &tt;
  csv_heads(t, vh);
  aggrep_row *rows = xcalloc(AGGREP_ROWS(q), sizeof *rows);
  size_t n = aggrep_scope_rows(r, rows);
  /* Overall: the files, and every answer pooled; phases and items: the
   * distribution (their pooled tallies are in no single report either). */
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      csv_lead(t, "overall", q->id, qn_tr(&q->title, r->lang), qn_level_key((enum qn_level) l));
      csv_files(t, g->files, (int) aggrep_met_files(g));
      csv_tally(t, &g->all[l]);
      csv_dist(t, l == QN_BASELINE ? &g->overall : NULL, g->verdict);
    }
  for (size_t i = 1; i < n; i++)
    {
      /* files: those in the distribution, as the JSON report's "files";
       * the others are in none_applicable and not_yet_decided_left_out. */
      csv_lead(t, rows[i].key, rows[i].id, rows[i].label, qn_level_key(QN_BASELINE));
      csv_files(t, rows[i].d->n, -1);
      csv_tally(t, NULL);
      csv_dist(t, rows[i].d, NULL);
    }
  free(rows);
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      if (!aggrep_row_files(v))
        continue;
      csv_lead(t, "sector", k < q->nsectors ? q->sectors[k].id : "", aggrep_sector_label(r, k), NULL);
      csv_files(t, aggrep_row_files(v), (int) v[AGG_MET]);
      csv_tally(t, NULL);
      csv_dist(t, NULL, v);
    }
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      csv_lead(t, "question", x->id, qn_tr(&x->text, r->lang), qn_level_key(x->level));
      csv_files(t, g->question[rank[k]].total, -1);
      csv_tally(t, &g->question[rank[k]]);
      csv_dist(t, NULL, NULL);
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
        csv_lead(t, keys[v], q->scopes[k].id, qn_tr(&q->scopes[k].text, r->lang), NULL);
        csv_files(t, g->scope[k][aggrep_scope_order[v]], -1);
        csv_tally(t, NULL);
        csv_dist(t, NULL, NULL);
      }
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      char *why = ans_scope_reason_text(q, i, r->lang);
      csv_lead(t, "not_in_scope", q->questions[i].id, why, qn_level_key(q->questions[i].level));
      csv_files(t, g->question[i].out_of_scope, -1);
      csv_tally(t, NULL);
      csv_dist(t, NULL, NULL);
      free(why);
    }
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      csv_lead(t, "left_out", s->left_out[i].path, s->left_out[i].message, NULL);
      csv_skip(t, 2);
      csv_tally(t, NULL);
      csv_dist(t, NULL, NULL);
    }
  for (size_t i = 0; i < s->nskipped; i++)
    {
      csv_lead(t, "skipped", s->skipped[i].path, s->skipped[i].message, NULL);
      csv_skip(t, 2);
      csv_tally(t, NULL);
      csv_dist(t, NULL, NULL);
    }
  for (size_t i = 0; i < s->ndups; i++)
    for (size_t k = 0; k < s->dups[i].n; k++)
      {
        char group[32];
        snprintf(group, sizeof group, "%zu", i + 1);
        csv_lead(t, "duplicate", s->dups[i].paths[k], r->names ? s->dups[i].organization : group, NULL);
        csv_skip(t, 2);
        csv_tally(t, NULL);
        csv_dist(t, NULL, NULL);
      }
  if (r->names)
    for (size_t i = 0; i < s->norgs; i++)
      {
        const survey_org *o = &s->orgs[i];
        char pct[COV_PERCENT_SIZE];
        const char *v = aggrep_tenths_text(o->tenths, pct);
        csv_lead(t, "organization", o->path, o->organization, qn_level_key(QN_BASELINE));
        csv_files(t, 1, o->verdict == AGG_MET);
        csv_skip(t, 2);
        tab_cell(t, v);
        csv_skip(t, REPORT_CSV_TALLY_COLS - 3);
        unsigned one[AGG_VERDICT_COUNT] = { 0 };
        one[o->verdict] = 1;
        csv_dist(t, NULL, one);
      }
  tab_csv(f, t);
  tab_free(t);
}
