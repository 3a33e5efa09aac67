/* report_json: the single-assessment report as JSON (schema
 * kijun-report/1), written through jsonw, and the pieces of it the other
 * JSON reports share (head, profile, tally).  See report.h. */
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
report_json_tally(jw *w, const char *key, const cov_tally *t)
{
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(t, pct);
  jw_obj_flat(w, key);
  jw_uint(w, "met", t->met);
  jw_uint(w, "applicable", t->applicable);
  jw_raw(w, "percent", p ? p : "null");
  jw_uint(w, "total", t->total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    {
      enum ans_status st = ans_status_nth(i);
      jw_uint(w, ans_status_key(st), t->status[st]);
    }
  jw_uint(w, "missing_reason", t->no_reason);
  jw_uint(w, "reconfirm", t->reconfirm);
  jw_end(w);
}

/* The tallies of each level, as members of the open object. */
static void
json_levels(jw *w, const cov_tally t[QN_LEVEL_COUNT])
{
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    report_json_tally(w, qn_level_key((enum qn_level) l), &t[l]);
}

/* The note as a member when the questionnaire gives it, nothing when not. */
static void
json_note(jw *w, const char *key, const qn_text *t, enum lang l)
{
  if (qn_text_given(t))
    jw_str(w, key, qn_tr(t, l));
}

/* A section's counterpart in the LG guideline, as the questionnaire has
 * it: lg_ref null when unknown (not in the part of the table kijun has),
 * [] when the table gives none. */
static void
json_lg(jw *w, const qn_section *s, enum lang l)
{
  jw_str(w, "lg_state", qn_lgstate_key(s->lg_state));
  if (s->lg_state == QN_LGSTATE_UNKNOWN)
    jw_raw(w, "lg_ref", "null");
  else
    {
      jw_arr_flat(w, "lg_ref");
      for (size_t k = 0; k < s->nlg; k++)
        {
          jw_obj_flat(w, NULL);
          jw_str(w, "part", qn_lgpart_key(s->lg[k].part));
          jw_str(w, "items", qn_tr(&s->lg[k].items, l));
          jw_end(w);
        }
      jw_end(w);
    }
  json_note(w, "lg_note", &s->lg_note, l);
}

void
report_json_head(jw *w, const questionnaire *q, enum lang lang, const char *schema, const char *as_of)
{
  char now[32];
  ans_now(now);
  jw_obj(w, NULL);
  jw_str(w, "schema", schema);
  jw_str(w, "generated", now);
  jw_str(w, "language", lang_code(lang));
  if (as_of)
    jw_str(w, "as_of", as_of);
  jw_obj(w, "questionnaire");
  jw_str(w, "id", q->id);
  jw_str(w, "version", q->version);
  jw_uint(w, "edition", q->edition);
  jw_str(w, "digest", qn_digest(q));
  jw_str(w, "title", qn_tr(&q->title, lang));
  jw_end(w);
}

void
report_json_profile(jw *w, const report_ctx *r)
{
  jw_obj(w, "profile");
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    jw_str(w, ans_field_key((enum ans_field) i), r->a->profile[i]);
  jw_str(w, "sector_name", report_sector_name(r));
  jw_end(w);
}

/* The scope section as the member "scope": only for a questionnaire that
 * asks scope questions (or answers kept to some), as in every format;
 * kijun-questionnaire(5). */
void
report_json_scope(jw *w, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  if (!report_has_scope(r))
    return;
  jw_obj(w, "scope");
  jw_arr(w, "answers");
  for (size_t k = 0; k < a->nscope; k++)
    {
      jw_obj_flat(w, NULL);
      jw_str(w, "id", a->scope[k].id);
      jw_str(w, "answer", a->scope[k].value ? ans_scope_key(a->scope[k].value) : NULL);
      jw_bool(w, "asked", k < q->nscopes);
      jw_str(w, "question", k < q->nscopes ? qn_tr(&q->scopes[k].text, r->lang) : NULL);
      jw_end(w);
    }
  jw_end(w);
  jw_arr_flat(w, "out_of_scope");
  for (size_t k = 0; k < c->nout; k++)
    jw_str(w, NULL, q->questions[c->out[k]].id);
  jw_end(w);
  jw_arr(w, "reasons");
  for (size_t k = 0; k < c->nout; k++)
    {
      char *why = ans_scope_reason(a, c->out[k], r->lang);
      jw_obj_flat(w, NULL);
      jw_str(w, "question", q->questions[c->out[k]].id);
      jw_str(w, "reason", why);
      jw_end(w);
      free(why);
    }
  jw_end(w);
  jw_end(w);
}

void
report_json(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  jw w;
  jw_begin(&w, f);
  report_json_head(&w, q, r->lang, "kijun-report/1", NULL);
  jw_str(&w, "answers_file", r->answers_path);
  report_json_profile(&w, r);
  jw_str(&w, "formula", report_formula_text());
  jw_str(&w, "verdict", cov_verdict_key(c->verdict));
  jw_str(&w, "verdict_label", report_verdict_text(c));
  jw_obj_flat(&w, "level_bases");
  for (int b = QN_BASIS_NONE + 1; b < QN_BASIS_COUNT; b++)
    jw_uint(&w, qn_basis_key((enum qn_basis) b), c->by_basis[b]);
  jw_end(&w);
  jw_obj_flat(&w, "overall");
  json_levels(&w, c->all);
  jw_end(&w);
  jw_arr(&w, "phases");
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      report_json_phase_head(&w, (enum qn_phase) p);
      json_levels(&w, c->phase[p]);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "sections");
  for (size_t s = 0; s < q->nsections; s++)
    {
      report_json_section_head(&w, &q->sections[s], r->lang);
      json_lg(&w, &q->sections[s], r->lang);
      json_note(&w, "level_note", &q->sections[s].level_note, r->lang);
      json_levels(&w, c->section[s]);
      jw_end(&w);
    }
  jw_end(&w);
  /* By CSF: functions and categories some question names, each once. */
  report_csf_row crows[REPORT_CSF_ROWS];
  size_t ncsf = report_csf_rows(c, r->lang, crows);
  jw_arr(&w, "csf");
  for (size_t i = 0; i < ncsf; i++)
    {
      jw_obj_flat(&w, NULL);
      jw_str(&w, "scope", crows[i].scope);
      jw_str(&w, "id", crows[i].id);
      jw_str(&w, "name", crows[i].name);
      json_levels(&w, crows[i].t);
      jw_end(&w);
    }
  jw_end(&w);
  unsigned un = report_unmet_unanswered(r->a, c);
  jw_obj_flat(&w, "unmet_baseline_counts");
  jw_uint(&w, "not_met", (unsigned) c->nunmet - un);
  jw_uint(&w, "unanswered", un);
  jw_end(&w);
  jw_arr(&w, "unmet_baseline");
  for (size_t k = 0; k < c->nunmet; k++)
    jw_str(&w, NULL, q->questions[c->unmet[k]].id);
  jw_end(&w);
  report_json_scope(&w, r, c);
  jw_arr(&w, "answers");
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      jw_obj_flat(&w, NULL);
      jw_str(&w, "question", x->id);
      jw_str(&w, "section", q->sections[x->section].id);
      jw_str(&w, "phase", qn_phase_key(x->phase));
      jw_str(&w, "level", qn_level_key(x->level));
      jw_str(&w, "level_basis", x->basis ? qn_basis_key(x->basis) : NULL);
      json_note(&w, "level_note", &x->level_note, r->lang);
      jw_str(&w, "csf", x->ncsf ? csf_function_key((enum csf_function) x->csf[0].fn) : NULL);
      jw_arr_flat(&w, "csf_refs");
      for (size_t k = 0; k < x->ncsf; k++)
        {
          char one[CSF_REF_SIZE];
          jw_str(&w, NULL, csf_ref_text(&x->csf[k], one));
        }
      jw_end(&w);
      char *why = ans_scope_reason(a, i, r->lang);
      jw_str(&w, "status", ans_status_key(e->status));
      jw_raw(&w, "met", why || cov_result(e) == COV_EXCLUDED ? "null" : cov_result(e) == COV_MET ? "true" : "false");
      jw_bool(&w, "reconfirm", e->reconfirm);
      /* Out of scope: said only then, so that the answers of a
       * questionnaire without scope questions read as they always did. */
      if (why)
        {
          jw_bool(&w, "in_scope", false);
          jw_str(&w, "scope_reason", why);
          free(why);
        }
      jw_str(&w, "note", e->note);
      jw_str(&w, "evidence", e->evidence);
      jw_str(&w, "updated", e->updated);
      jw_str(&w, "text", qn_tr(&x->text, r->lang));
      jw_end(&w);
    }
  jw_end(&w);
  /* After a migration, the questions no earlier answer reached. */
  bool any = false;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    if (a->e[q->order[pos]].unreached)
      {
        if (!any)
          jw_arr_flat(&w, "unreached");
        jw_str(&w, NULL, q->questions[q->order[pos]].id);
        any = true;
      }
  if (any)
    jw_end(&w);
  jw_arr(&w, "retired");
  for (size_t k = 0; k < a->nretired; k++)
    {
      const ans_retired *x = &a->retired[k];
      jw_obj_flat(&w, NULL);
      jw_str(&w, "question", x->question);
      jw_str(&w, "status", ans_status_key(x->status));
      jw_str(&w, "note", x->note);
      jw_str(&w, "evidence", x->evidence);
      jw_str(&w, "updated", x->updated);
      jw_str(&w, "from", x->from);
      jw_end(&w);
    }
  jw_end(&w);
  jw_end(&w);
  jw_finish(&w);
}
