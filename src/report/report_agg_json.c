/* report_agg_json: the aggregate report as JSON (kijun-aggregate/1),
 * written through jsonw.  See report_agg.h. */
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
json_dist(jw *w, const char *key, const agg_dist *d)
{
  jw_obj_flat(w, key);
  jw_uint(w, "files", d->n);
  jw_uint(w, "none_applicable", d->none);
  jw_uint(w, "not_yet_decided_left_out", d->unfinished);
  for (int k = 0; k < AGGREP_FIVE; k++)
    {
      char pct[COV_PERCENT_SIZE];
      const char *v = aggrep_tenths_text(agg_quantile(d, aggrep_five_num[k], aggrep_five_den[k]), pct);
      jw_raw(w, aggrep_five_key[k], v ? v : "null");
    }
  jw_end(w);
}

void
aggrep_json(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char now[32];
  ans_now(now);
  jw w;
  jw_begin(&w, f);
  jw_obj(&w, NULL);
  jw_str(&w, "schema", "kijun-aggregate/1");
  jw_str(&w, "generated", now);
  jw_str(&w, "language", lang_code(r->lang));
  jw_obj_flat(&w, "questionnaire");
  jw_str(&w, "id", q->id);
  jw_str(&w, "version", q->version);
  jw_str(&w, "digest", qn_digest(q));
  jw_str(&w, "title", qn_tr(&q->title, r->lang));
  jw_end(&w);
  jw_str(&w, "title", aggrep_title(r));
  jw_obj_flat(&w, "files");
  jw_uint(&w, "aggregated", g->files);
  jw_uint(&w, "left_out", s->nleft_out);
  jw_uint(&w, "duplicates", s->ndups);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    jw_uint(&w, agg_verdict_key((enum agg_verdict) v), g->verdict[v]);
  jw_end(&w);
  jw_str(&w, "formula", report_formula_text());
  jw_arr(&w, "sectors");
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      if (!aggrep_row_files(v))
        continue;
      jw_obj_flat(&w, NULL);
      jw_str(&w, "id", k < q->nsectors ? q->sectors[k].id : NULL);
      jw_str(&w, "name", aggrep_sector_label(r, k));
      jw_uint(&w, "files", aggrep_row_files(v));
      for (int j = 0; j < AGG_VERDICT_COUNT; j++)
        jw_uint(&w, agg_verdict_key((enum agg_verdict) j), v[j]);
      jw_end(&w);
    }
  jw_end(&w);
  jw_obj_flat(&w, "overall");
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    report_json_tally(&w, qn_level_key((enum qn_level) l), &g->all[l]);
  json_dist(&w, "distribution", &g->overall);
  jw_end(&w);
  jw_arr(&w, "phases");
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      report_json_phase_head(&w, (enum qn_phase) p);
      json_dist(&w, "distribution", &g->phase[p]);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "sections");
  for (size_t k = 0; k < q->nsections; k++)
    {
      report_json_section_head(&w, &q->sections[k], r->lang);
      json_dist(&w, "distribution", &g->section[k]);
      jw_end(&w);
    }
  jw_end(&w);
  /* By CSF: the rows the other formats show after the items. */
  jw_arr(&w, "csf");
  aggrep_row *rows = xcalloc(AGGREP_ROWS(q), sizeof *rows);
  size_t n = aggrep_scope_rows(r, rows);
  for (size_t i = 0; i < n; i++)
    {
      if (strncmp(rows[i].key, "csf_", 4) != 0)
        continue;
      jw_obj_flat(&w, NULL);
      jw_str(&w, "scope", rows[i].key);
      jw_str(&w, "id", rows[i].id);
      jw_str(&w, "name", rows[i].label);
      json_dist(&w, "distribution", rows[i].d);
      jw_end(&w);
    }
  free(rows);
  jw_end(&w);
  jw_arr(&w, "questions");
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      jw_obj_flat(&w, NULL);
      jw_str(&w, "question", x->id);
      jw_str(&w, "section", q->sections[x->section].id);
      jw_str(&w, "phase", qn_phase_key(x->phase));
      jw_str(&w, "level", qn_level_key(x->level));
      jw_str(&w, "level_basis", x->basis ? qn_basis_key(x->basis) : NULL);
      report_json_tally(&w, "answers", &g->question[rank[k]]);
      jw_str(&w, "text", qn_tr(&x->text, r->lang));
      jw_end(&w);
    }
  free(rank);
  jw_end(&w);
  if (aggrep_has_scope(r))
    {
      jw_obj(&w, "scope");
      jw_arr(&w, "questions");
      for (size_t k = 0; k < q->nscopes; k++)
        {
          jw_obj_flat(&w, NULL);
          jw_str(&w, "id", q->scopes[k].id);
          jw_str(&w, "question", qn_tr(&q->scopes[k].text, r->lang));
          jw_uint(&w, "yes", g->scope[k][ANS_SCOPE_YES]);
          jw_uint(&w, "no", g->scope[k][ANS_SCOPE_NO]);
          jw_uint(&w, "unanswered", g->scope[k][ANS_SCOPE_UNSET]);
          jw_end(&w);
        }
      jw_end(&w);
      jw_arr(&w, "out_of_scope");
      for (size_t pos = 0; pos < q->nquestions; pos++)
        {
          size_t i = q->order[pos];
          if (!g->question[i].out_of_scope)
            continue;
          char *why = ans_scope_reason_text(q, i, r->lang);
          jw_obj_flat(&w, NULL);
          jw_str(&w, "question", q->questions[i].id);
          jw_str(&w, "level", qn_level_key(q->questions[i].level));
          jw_uint(&w, "files", g->question[i].out_of_scope);
          jw_str(&w, "reason", why);
          jw_end(&w);
          free(why);
        }
      jw_end(&w);
      jw_end(&w);
    }
  jw_arr(&w, "left_out");
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      jw_obj_flat(&w, NULL);
      jw_str(&w, "file", s->left_out[i].path);
      jw_str(&w, "problem", s->left_out[i].message);
      jw_str(&w, "reason", s->left_out[i].reason);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "skipped");
  for (size_t i = 0; i < s->nskipped; i++)
    {
      jw_obj_flat(&w, NULL);
      jw_str(&w, "file", s->skipped[i].path);
      jw_str(&w, "reason", s->skipped[i].message);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "duplicates");
  for (size_t i = 0; i < s->ndups; i++)
    {
      jw_obj_flat(&w, NULL);
      if (r->names)
        jw_str(&w, "organization", s->dups[i].organization);
      jw_arr_flat(&w, "files");
      for (size_t k = 0; k < s->dups[i].n; k++)
        jw_str(&w, NULL, s->dups[i].paths[k]);
      jw_end(&w);
      jw_arr_flat(&w, "details");
      for (size_t k = 0; k < s->dups[i].n; k++)
        {
          const survey_dupfile *x = &s->dups[i].files[k];
          jw_obj_flat(&w, NULL);
          jw_str(&w, "file", s->dups[i].paths[k]);
          if (r->names)
            jw_str(&w, "organization", x->organization);
          jw_str(&w, "last_update", x->last_update);
          if (x->size >= 0)
            jw_int(&w, "size", x->size);
          else
            jw_raw(&w, "size", "null");
          jw_end(&w);
        }
      jw_end(&w);
      jw_end(&w);
    }
  jw_end(&w);
  if (r->names)
    {
      jw_arr(&w, "organizations");
      for (size_t i = 0; i < s->norgs; i++)
        {
          const survey_org *o = &s->orgs[i];
          char pct[COV_PERCENT_SIZE];
          const char *v = aggrep_tenths_text(o->tenths, pct);
          jw_obj_flat(&w, NULL);
          jw_str(&w, "file", o->path);
          jw_str(&w, "organization", o->organization);
          jw_str(&w, "respondent", o->respondent);
          jw_str(&w, "sector", o->sector);
          jw_str(&w, "verdict", agg_verdict_key(o->verdict));
          jw_raw(&w, "baseline_percent", v ? v : "null");
          jw_end(&w);
        }
      jw_end(&w);
    }
  jw_end(&w);
  jw_finish(&w);
}
