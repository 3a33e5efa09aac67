/* report_agg_xlsx: the aggregate report as an Excel workbook.  See
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

static void
xlsx_quantiles(xlsx_book *b, lxw_worksheet *ws, int row, int col, const agg_dist *d)
{
  for (int k = 0; k < AGGREP_FIVE; k++)
    {
      int v = agg_quantile(d, aggrep_five_num[k], aggrep_five_den[k]);
      if (v >= 0)
        worksheet_write_number(ws, (lxw_row_t) row, (lxw_col_t) (col + k), v / 1000.0, b->pct);
    }
}

int
aggrep_xlsx(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  xlsx_book b;
  int rc = xlsx_open(&b);
  if (rc)
    return rc;
  /* The cover. */
  lxw_worksheet *ws = xlsx_sheet(&b, _("Summary"));
  worksheet_set_column(ws, 0, 0, 34, NULL);
  worksheet_set_column(ws, 1, 1, 60, NULL);
  xlsx_text(&b, ws, 0, 0, aggrep_title(r), b.title);
  xlsx_text(&b, ws, 1, 0, qn_tr(&q->title, r->lang), NULL);
  int row = 3;
  char buf[128], now[32];
  snprintf(buf, sizeof buf, "%s %s", q->id, q->version);
  xlsx_text(&b, ws, row, 0, _("Version"), b.bold);
  xlsx_text(&b, ws, row++, 1, buf, b.text);
  ans_now(now);
  xlsx_text(&b, ws, row, 0, _("Report made"), b.bold);
  xlsx_date(&b, ws, row++, 1, now);
  xlsx_text(&b, ws, row, 0, _("Files aggregated"), b.bold);
  xlsx_number(&b, ws, row++, 1, g->files);
  xlsx_text(&b, ws, row, 0, _("Files left out"), b.bold);
  xlsx_number(&b, ws, row++, 1, (double) s->nleft_out);
  xlsx_text(&b, ws, row, 0, _("Duplicates"), b.bold);
  xlsx_number(&b, ws, row++, 1, (double) s->ndups);
  row++;
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      xlsx_text(&b, ws, row, 0, agg_verdict_name((enum agg_verdict) v), b.bold);
      xlsx_number(&b, ws, row++, 1, g->verdict[v]);
    }
  xlsx_text(&b, ws, row++, 0, aggrep_verdict_note(), NULL);
  row++;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      snprintf(buf, sizeof buf, "%s: %s", _("Pooled coverage"), qn_level_name((enum qn_level) l));
      xlsx_text(&b, ws, row, 0, buf, b.bold);
      xlsx_percent(&b, ws, row++, 1, &g->all[l]);
    }
  xlsx_text(&b, ws, row, 0, _("Median baseline coverage"), b.bold);
  int med = agg_quantile(&g->overall, 1, 2);
  if (med >= 0)
    worksheet_write_number(ws, (lxw_row_t) row, 1, med / 1000.0, b.pct);
  row += 2;
  worksheet_merge_range(ws, (lxw_row_t) row, 0, (lxw_row_t) row, 1, "", b.wrap);
  xlsx_text(&b, ws, row, 0, report_formula_text(), NULL);
  worksheet_set_row(ws, (lxw_row_t) row, 60, NULL);

  /* Sectors by verdict. */
  ws = xlsx_sheet(&b, _("Sectors"));
  const char *sh[2 + AGG_VERDICT_COUNT] = { _("Sector"), _("Files") };
  double sw[2 + AGG_VERDICT_COUNT] = { 24, 8 };
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    sh[2 + v] = agg_verdict_name((enum agg_verdict) v), sw[2 + v] = 14;
  xlsx_header(&b, ws, sh, sw, 2 + AGG_VERDICT_COUNT, 1);
  row = 1;
  for (size_t k = 0; k <= q->nsectors + 1; k++)
    {
      const unsigned *v = k <= q->nsectors ? g->sector[k] : g->verdict;
      if (k <= q->nsectors && !aggrep_row_files(v))
        continue;
      xlsx_text(&b, ws, row, 0, k <= q->nsectors ? aggrep_sector_label(r, k) : _("Total"),
                k <= q->nsectors ? b.text : b.bold);
      xlsx_number(&b, ws, row, 1, aggrep_row_files(v));
      for (int j = 0; j < AGG_VERDICT_COUNT; j++)
        xlsx_number(&b, ws, row, 2 + j, v[j]);
      row++;
    }
  xlsx_filter(ws, row - 1, 2 + AGG_VERDICT_COUNT);

  /* The distributions.  Not from aggrep_dist_table (nor is there a
   * tab_xlsx): a sheet keeps the figures as numbers with a percent format
   * and blanks (the table holds "66.7%" and "-"), splits scope, item and
   * title into columns for filtering, and adds columns of its own. */
  ws = xlsx_sheet(&b, _("Baseline coverage of the organisations"));
  const char *dh[] = { _("Scope"), _("Item"), _("Title"), _("Files"), aggrep_five_name(0), aggrep_five_name(1),
                       aggrep_five_name(2), aggrep_five_name(3), aggrep_five_name(4), _("None applicable"),
                       agg_verdict_name(AGG_UNDECIDED) };
  static const double dw[] = { 10, 8, 36, 8, 9, 9, 9, 9, 9, 12, 14 };
  int nd = (int) (sizeof dh / sizeof dh[0]);
  xlsx_header(&b, ws, dh, dw, nd, 3);
  aggrep_row *rows = xcalloc(AGGREP_ROWS(q), sizeof *rows);
  size_t n = aggrep_scope_rows(r, rows);
  for (size_t i = 0; i < n; i++)
    {
      int rr = (int) i + 1;
      const char *kind = strcmp(rows[i].key, "overall") == 0 ? _("Overall")
                         : strcmp(rows[i].key, "phase") == 0 ? _("Phase")
                         : strcmp(rows[i].key, "section") == 0 ? _("Item") : "CSF";
      xlsx_text(&b, ws, rr, 0, kind, b.text);
      if (strcmp(rows[i].key, "overall") != 0 && strcmp(rows[i].key, "phase") != 0)
        xlsx_text(&b, ws, rr, 1, rows[i].id, b.text);
      xlsx_text(&b, ws, rr, 2, rows[i].label, NULL);
      xlsx_number(&b, ws, rr, 3, rows[i].d->n);
      xlsx_quantiles(&b, ws, rr, 4, rows[i].d);
      xlsx_number(&b, ws, rr, 9, rows[i].d->none);
      xlsx_number(&b, ws, rr, 10, rows[i].d->unfinished);
    }
  xlsx_filter(ws, (int) n, nd);
  free(rows);
  char *un = aggrep_unfinished_note(g);
  if (un)
    xlsx_text(&b, ws, (int) n + 2, 0, un, b.text);
  free(un);

  /* The questions, least met first. */
  ws = xlsx_sheet(&b, _("Questions"));
  enum { QH = 8 + ANS_STATUS_COUNT };
  const char *qh[QH] = { _("Question"), _("Phase"), _("Item"), _("Level"), _("Text"), _("Share met"),
                         _("Met"), _("Applicable") };
  double qw[QH] = { 11, 8, 7, 13, 50, 10, 8, 10 };
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    qh[8 + i] = ans_status_name(aggrep_nth(i)), qw[8 + i] = 11;
  xlsx_header(&b, ws, qh, qw, QH, 1);
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      int rr = (int) k + 1;
      const qn_question *x = &q->questions[rank[k]];
      const cov_tally *t = &g->question[rank[k]];
      xlsx_text(&b, ws, rr, 0, x->id, b.text);
      xlsx_text(&b, ws, rr, 1, qn_phase_name(x->phase), b.text);
      xlsx_text(&b, ws, rr, 2, q->sections[x->section].id, b.text);
      const char *mark = report_basis_label(x->basis);
      char *level = xasprintf("%s%s%s", qn_level_name(x->level), *mark ? " " : "", mark);
      xlsx_text(&b, ws, rr, 3, level, b.text);
      free(level);
      xlsx_text(&b, ws, rr, 4, qn_tr(&x->text, r->lang), NULL);
      xlsx_percent(&b, ws, rr, 5, t);
      xlsx_number(&b, ws, rr, 6, t->met);
      xlsx_number(&b, ws, rr, 7, t->applicable);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        xlsx_number(&b, ws, rr, 8 + i, t->status[aggrep_nth(i)]);
    }
  free(rank);
  xlsx_filter(ws, (int) q->nquestions, QH);

  /* Files left out and duplicates: what the auditor has to look at. */
  ws = xlsx_sheet(&b, _("Files"));
  const char *fh[] = { _("File"), _("Kind"), _("Detail") };
  static const double fw[] = { 40, 22, 80 };
  xlsx_header(&b, ws, fh, fw, 3, 1);
  row = 1;
  for (size_t i = 0; i < s->nleft_out; i++, row++)
    {
      xlsx_text(&b, ws, row, 0, s->left_out[i].path, b.text);
      xlsx_text(&b, ws, row, 1, _("left out"), b.text);
      xlsx_text(&b, ws, row, 2, s->left_out[i].reason, NULL);
    }
  for (size_t i = 0; i < s->nskipped; i++, row++)
    {
      xlsx_text(&b, ws, row, 0, s->skipped[i].path, b.text);
      xlsx_text(&b, ws, row, 1, _("skipped"), b.text);
      xlsx_text(&b, ws, row, 2, s->skipped[i].message, NULL);
    }
  for (size_t i = 0; i < s->ndups; i++)
    for (size_t k = 0; k < s->dups[i].n; k++, row++)
      {
        xlsx_text(&b, ws, row, 0, s->dups[i].paths[k], b.text);
        snprintf(buf, sizeof buf, "%s %zu", _("duplicate"), i + 1);
        xlsx_text(&b, ws, row, 1, buf, b.text);
        char *line = survey_dup_line(&s->dups[i], k, r->names);
        xlsx_text(&b, ws, row, 2, line, NULL);
        free(line);
      }
  xlsx_filter(ws, row - 1, 3);

  if (aggrep_has_scope(r))
    {
      ws = xlsx_sheet(&b, report_scope_heading());
      static const double scw[] = { 11, 11, 14, 14, 40, 60 };
      for (int k = 0; k < 6; k++)
        worksheet_set_column(ws, (lxw_col_t) k, (lxw_col_t) k, scw[k], NULL);
      xlsx_text(&b, ws, 0, 0, report_scope_heading(), b.title);
      row = 2;
      xlsx_text(&b, ws, row, 0, _("Scope question"), b.head);
      for (int v = 0; v < ANS_SCOPE_COUNT; v++)
        xlsx_text(&b, ws, row, 1 + v, ans_scope_name(aggrep_scope_order[v]), b.head);
      row++;
      for (size_t k = 0; k < q->nscopes; k++, row++)
        {
          xlsx_text(&b, ws, row, 0, q->scopes[k].id, b.text);
          for (int v = 0; v < ANS_SCOPE_COUNT; v++)
            xlsx_number(&b, ws, row, 1 + v, g->scope[k][aggrep_scope_order[v]]);
          xlsx_text(&b, ws, row, 5, qn_tr(&q->scopes[k].text, r->lang), NULL);
        }
      row++;
      char *out = aggrep_scope_out_text(g);
      xlsx_text(&b, ws, row++, 0, out, NULL);
      free(out);
      if (aggrep_out_count(g))
        {
          const char *sch[] = { _("Question"), _("Level"), _("Files"), "", _("Reason"), _("Text") };
          for (int k = 0; k < 6; k++)
            xlsx_text(&b, ws, row, k, sch[k], b.head);
          row++;
        }
      for (size_t pos = 0; pos < q->nquestions; pos++)
        {
          size_t i = q->order[pos];
          if (!g->question[i].out_of_scope)
            continue;
          char *why = ans_scope_reason_text(q, i, r->lang);
          xlsx_text(&b, ws, row, 0, q->questions[i].id, b.text);
          xlsx_text(&b, ws, row, 1, qn_level_name(q->questions[i].level), b.text);
          xlsx_number(&b, ws, row, 2, g->question[i].out_of_scope);
          xlsx_text(&b, ws, row, 4, why, NULL);
          xlsx_text(&b, ws, row, 5, qn_tr(&q->questions[i].text, r->lang), NULL);
          row++;
          free(why);
        }
      worksheet_set_landscape(ws);
      worksheet_fit_to_pages(ws, 1, 0);
    }

  if (r->names)
    {
      ws = xlsx_sheet(&b, _("Organisations"));
      const char *oh[] = { _("Answers file"), ans_field_name(ANS_ORGANIZATION),
                           ans_field_name(ANS_RESPONDENT), ans_field_name(ANS_SECTOR), _("Verdict"),
                           _("Baseline coverage") };
      static const double ow[] = { 40, 28, 20, 14, 22, 12 };
      xlsx_header(&b, ws, oh, ow, 6, 1);
      for (size_t i = 0; i < s->norgs; i++)
        {
          const survey_org *o = &s->orgs[i];
          const qn_sector *sec = o->sector ? qn_find_sector(q, o->sector) : NULL;
          int rr = (int) i + 1;
          xlsx_text(&b, ws, rr, 0, o->path, b.text);
          xlsx_text(&b, ws, rr, 1, o->organization, b.text);
          xlsx_text(&b, ws, rr, 2, o->respondent, b.text);
          xlsx_text(&b, ws, rr, 3, sec ? qn_tr(&sec->name, r->lang) : o->sector, b.text);
          xlsx_text(&b, ws, rr, 4, agg_verdict_name(o->verdict), b.text);
          if (o->tenths >= 0)
            worksheet_write_number(ws, (lxw_row_t) rr, 5, o->tenths / 1000.0, b.pct);
        }
      xlsx_filter(ws, (int) s->norgs, 6);
    }
  return xlsx_close(&b, f);
}
