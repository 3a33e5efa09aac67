/* report_agg_html: the aggregate report as an HTML page for print.  See
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

/* How many of the least-met baseline questions the chart shows. */
enum { HTML_LEAST = 10 };

static void
html_head(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char now[32], buf[128];
  ans_now(now);
  fputs("<header>\n<p class=\"kicker\">", f);
  html_put(f, _("kijun: aggregate report"));
  fputs("</p>\n<h1>", f);
  html_put(f, r->title && *r->title ? r->title : qn_tr(&q->title, r->lang));
  fputs("</h1>\n", f);
  if (r->title && *r->title)
    {
      fputs("<p class=\"subtitle\">", f);
      html_put(f, qn_tr(&q->title, r->lang));
      fputs("</p>\n", f);
    }
  fputs("<dl class=\"facts\">\n", f);
  snprintf(buf, sizeof buf, "%u", g->files);
  html_fact(f, _("Files aggregated"), buf, NULL);
  snprintf(buf, sizeof buf, "%zu", s->nleft_out);
  html_fact(f, _("Files left out"), buf, NULL);
  snprintf(buf, sizeof buf, "%zu", s->ndups);
  html_fact(f, _("Duplicates"), buf, NULL);
  html_fact(f, _("Report made"), report_time_text(now, r->lang), NULL);
  snprintf(buf, sizeof buf, "%s %s", q->id, q->version);
  html_fact(f, _("Version"), buf, "id");
  fputs("</dl>\n<div class=\"kpis\">\n", f);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    if (v != AGG_RECONFIRM || g->verdict[v])
      {
        snprintf(buf, sizeof buf, "%u (%u/%u)", g->verdict[v], g->verdict[v], g->files);
        html_kpi(f, agg_verdict_name((enum agg_verdict) v), buf);
      }
  cov_format(&g->all[QN_BASELINE], buf, sizeof buf);
  html_kpi(f, _("Pooled baseline coverage"), buf);
  char pct[COV_PERCENT_SIZE];
  const char *m = aggrep_tenths_text(agg_quantile(&g->overall, 1, 2), pct);
  snprintf(buf, sizeof buf, "%s%s", m ? m : "-", m ? "%" : "");
  html_kpi(f, _("Median baseline coverage"), buf);
  fputs("</div>\n</header>\n", f);
}

static void
html_sectors(FILE *f, const aggrep_ctx *r)
{
  html_el(f, "h2", NULL, _("Organisations by sector and verdict"));
  tab t;
  aggrep_sector_table(r, &t);
  tab_html(f, &t, "items");
  tab_free(&t);
  html_el(f, "p", "muted", aggrep_verdict_note());
}

static void
html_dists(FILE *f, const aggrep_ctx *r)
{
  html_el(f, "h2", NULL, _("Baseline coverage of the organisations"));
  html_el(f, "p", NULL, aggrep_quantile_note());
  char *un = aggrep_unfinished_note(&r->s->agg);
  if (un)
    html_el(f, "p", NULL, un);
  free(un);
  tab t;
  aggrep_dist_table(r, &t);
  tab_html(f, &t, "items");
  tab_free(&t);
}

static void
html_questions(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  size_t *rank = agg_ranking(g);
  enum ans_status order[ANS_STATUS_COUNT];
  html_kind kinds[ANS_STATUS_COUNT];
  char cls[ANS_STATUS_COUNT][48];
  int nk = html_status_kinds(kinds, order, cls);

  /* The least-met baseline questions, stacked by answer. */
  size_t nb = 0;
  while (nb < q->nquestions && nb < HTML_LEAST && q->questions[rank[nb]].level == QN_BASELINE)
    nb++;
  unsigned (*counts)[ANS_STATUS_COUNT] = xcalloc(nb ? nb : 1, sizeof *counts);
  html_stack_row *rows = xcalloc(nb ? nb : 1, sizeof *rows);
  for (size_t k = 0; k < nb; k++)
    {
      for (int s = 0; s < nk; s++)
        counts[k][s] = g->question[rank[k]].status[order[s]];
      rows[k] = (html_stack_row){ q->questions[rank[k]].id, counts[k] };
    }
  html_el(f, "h2", NULL, _("Questions, least met first"));
  html_el(f, "p", NULL, aggrep_share_note());
  if (nb)
    html_stack_chart(f, _("Answers of the organisations to the least-met baseline questions"), kinds,
                     (size_t) nk, rows, nb);
  free(rows);
  free(counts);

  /* Eleven columns do not fit A4: the counts are headed by the
   * statuses' digits, named in a legend as in the text report. */
  html_band_legend(f);
  char legend[512] = "";
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    snprintf(legend + strlen(legend), sizeof legend - strlen(legend), "%s%c %s", i ? " \u00b7 " : "",
             ans_statuses[aggrep_nth(i)].digit, ans_status_name(aggrep_nth(i)));
  html_el(f, "p", "muted", legend);
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Question"));
  html_el(f, "th", NULL, _("Text"));
  html_el(f, "th", NULL, _("Level"));
  html_el(f, "th", NULL, _("Met"));
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, "<th class=\"num\">%c</th>", ans_statuses[aggrep_nth(i)].digit);
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      const cov_tally *t = &g->question[rank[k]];
      fputs("<tr><td class=\"id\">", f);
      html_question_id(f, x);
      fputs("</td><td class=\"text\">", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</td><td class=\"kw\">", f);
      html_put(f, qn_level_name(x->level));
      fputs("</td>", f);
      html_cell(f, t);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        fprintf(f, "<td class=\"num\">%u</td>", t->status[aggrep_nth(i)]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
  free(rank);
}

static void
html_scope_counts(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  if (!aggrep_has_scope(r))
    return;
  html_el(f, "h2", NULL, report_scope_heading());
  tab counts;
  aggrep_scope_table(r, &counts);
  tab_html(f, &counts, "scope");
  tab_free(&counts);
  char *out = aggrep_scope_out_text(g);
  html_el(f, "p", NULL, out);
  free(out);
  if (!aggrep_out_count(g))
    return;
  fputs("<ul class=\"out-of-scope\">\n", f);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      const qn_question *x = &q->questions[i];
      char *why = ans_scope_reason_text(q, i, r->lang);
      char *files = aggrep_scope_files_text(g, i);
      fputs("<li><span class=\"id\">", f);
      html_question_id(f, x);
      fputs("</span> ", f);
      html_put(f, qn_level_name(x->level));
      fputs(" \u00b7 ", f);
      html_put(f, files);
      fputs(" \u00b7 <em>", f);
      html_put(f, why);
      fputs("</em>: ", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</li>\n", f);
      free(files);
      free(why);
    }
  fputs("</ul>\n", f);
}

static void
html_lists(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  html_el(f, "h2", NULL, _("Files left out"));
  if (!s->nleft_out)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<ul>\n", f);
      for (size_t i = 0; i < s->nleft_out; i++)
        {
          fputs("<li><span class=\"path\">", f);
          html_put(f, s->left_out[i].path);
          fputs("</span>: ", f);
          html_put(f, s->left_out[i].reason);
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  html_el(f, "h2", NULL, _("Files skipped"));
  if (!s->nskipped)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<ul>\n", f);
      for (size_t i = 0; i < s->nskipped; i++)
        {
          fputs("<li><span class=\"path\">", f);
          html_put(f, s->skipped[i].path);
          fputs("</span>: ", f);
          html_put(f, s->skipped[i].message);
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  html_el(f, "h2", NULL, _("Organisations in more than one file"));
  if (!s->ndups)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<ul>\n", f);
      for (size_t i = 0; i < s->ndups; i++)
        {
          fputs("<li>", f);
          if (r->names && s->dups[i].organization)
            {
              html_put(f, s->dups[i].organization);
              fputs(": ", f);
            }
          for (size_t k = 0; k < s->dups[i].n; k++)
            {
              char *line = survey_dup_line(&s->dups[i], k, r->names);
              fputs(k ? "<br><span class=\"path\">" : "<span class=\"path\">", f);
              html_put(f, line);
              fputs("</span>", f);
              free(line);
            }
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  if (!r->names)
    return;
  html_el(f, "h2", NULL, _("Organisations"));
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Answers file"));
  html_el(f, "th", NULL, ans_field_name(ANS_ORGANIZATION));
  html_el(f, "th", NULL, ans_field_name(ANS_RESPONDENT));
  html_el(f, "th", NULL, ans_field_name(ANS_SECTOR));
  html_el(f, "th", NULL, _("Verdict"));
  html_el(f, "th", "num", qn_level_name(QN_BASELINE));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t i = 0; i < s->norgs; i++)
    {
      const survey_org *o = &s->orgs[i];
      const qn_sector *sec = o->sector ? qn_find_sector(s->agg.qn, o->sector) : NULL;
      char pct[COV_PERCENT_SIZE];
      const char *v = aggrep_tenths_text(o->tenths, pct);
      fputs("<tr>", f);
      html_el(f, "td", "path", o->path);
      html_el(f, "td", NULL, o->organization);
      html_el(f, "td", NULL, o->respondent);
      html_el(f, "td", NULL, sec ? qn_tr(&sec->name, r->lang) : NULL);
      html_el(f, "td", "kw", agg_verdict_name(o->verdict));
      fprintf(f, "<td class=\"num\">%s%s</td></tr>\n", v ? v : "-", v ? "%" : "");
    }
  fputs("</tbody>\n</table>\n", f);
}

void
aggrep_html(FILE *f, const aggrep_ctx *r)
{
  html_begin(f, r->lang, aggrep_title(r));
  fputs("<section class=\"summary\">\n", f);
  html_head(f, r);
  html_sectors(f, r);
  html_dists(f, r);
  fputs("</section>\n<section>\n", f);
  html_questions(f, r);
  html_scope_counts(f, r);
  html_lists(f, r);
  html_el(f, "h2", NULL, _("How coverage is computed"));
  html_el(f, "p", "formula", report_formula_text());
  html_el(f, "p", NULL, report_editorial_text());
  fputs("</section>\n", f);
  html_end(f);
}
