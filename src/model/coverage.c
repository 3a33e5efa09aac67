/* coverage: the figures of an assessment.  See coverage.h for the rule.
 *
 * Each answer is counted once, into its section within its phase; every
 * other scope is a sum of those. */
#include <config.h>
#include "model/coverage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"

enum cov_result
cov_result(const ans_entry *e)
{
  const ans_status_info *s = &ans_statuses[e->status];
  if (s->reason && !ans_has_reason(e))
    return COV_NOT_MET;
  return s->met ? COV_MET : s->excluded ? COV_EXCLUDED : COV_NOT_MET;
}

static void
tally(cov_tally *t, const ans_entry *e, enum cov_result r)
{
  t->total++;
  t->status[e->status]++;
  if (r != COV_EXCLUDED)
    t->applicable++;
  if (r == COV_MET)
    t->met++;
  if (ans_needs_reason(e->status) && !ans_has_reason(e))
    t->no_reason++;
  t->reconfirm += e->reconfirm;
}

void
cov_tally_add(cov_tally *into, const cov_tally *t)
{
  into->total += t->total;
  for (int s = 0; s < ANS_STATUS_COUNT; s++)
    into->status[s] += t->status[s];
  into->met += t->met;
  into->applicable += t->applicable;
  into->no_reason += t->no_reason;
  into->reconfirm += t->reconfirm;
  into->out_of_scope += t->out_of_scope;
}

const cov_tally *
cov_item(const coverage *c, enum qn_phase p, size_t s)
{
  return c->item[(size_t) p * c->nsections + s];
}

void
cov_csf_add(const qn_question *x, const ans_entry *e, enum cov_result r,
            cov_tally fn[CSF_FUNCTION_COUNT][QN_LEVEL_COUNT],
            cov_tally cat[CSF_CATEGORY_COUNT][QN_LEVEL_COUNT])
{
  /* Once in each function and each category it names, however many of
   * its subcategories it names. */
  bool fseen[CSF_FUNCTION_COUNT] = { false }, cseen[CSF_CATEGORY_COUNT] = { false };
  for (size_t k = 0; k < x->ncsf; k++)
    {
      const csf_ref *f = &x->csf[k];
      if (!fseen[f->fn])
        tally(&fn[f->fn][x->level], e, r);
      fseen[f->fn] = true;
      if (f->cat >= 0 && !cseen[f->cat])
        tally(&cat[f->cat][x->level], e, r);
      if (f->cat >= 0)
        cseen[f->cat] = true;
    }
}

void
cov_compute(const questionnaire *q, const assessment *a, coverage *c)
{
  *c = (coverage){ 0 };
  size_t ns = q->nsections;
  c->nsections = ns;
  c->section = xcalloc(ns ? ns : 1, sizeof *c->section);
  c->item = xcalloc(ns ? QN_PHASE_COUNT * ns : 1, sizeof *c->item);
  c->unmet = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *c->unmet);
  c->reconfirm = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *c->reconfirm);
  c->noted = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *c->noted);
  c->nretired = a->nretired;
  c->notmet = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *c->notmet);
  c->out = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *c->out);
  c->detailed = true;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      c->by_basis[x->basis]++;
      c->csf_none += x->ncsf == 0;
      if ((e->note && *e->note) || (e->evidence && *e->evidence))
        c->noted[c->nnoted++] = i;
      /* ISO 8601 times of one offset order as text; kijun writes them
       * all in one.  An answer awaiting reconfirmation (carried from the
       * previous cycle, say) was given before this assessment started:
       * its time stays its own, but it is not this assessment's last
       * answer, which would otherwise read earlier than its start. */
      if (e->updated && !e->reconfirm
          && (!c->last_update || strcmp(e->updated, c->last_update) > 0))
        c->last_update = e->updated;
      if (!ans_in_scope(a, i))
        {
          c->item[(size_t) x->phase * ns + x->section][x->level].out_of_scope++;
          c->out[c->nout++] = i;
          continue;
        }
      enum cov_result r = cov_result(e);
      tally(&c->item[(size_t) x->phase * ns + x->section][x->level], e, r);
      if (x->level == QN_BASELINE && r == COV_NOT_MET)
        c->unmet[c->nunmet++] = i;
      if (e->reconfirm)
        c->reconfirm[c->nreconfirm++] = i;
      if (r == COV_NOT_MET)
        c->notmet[c->nnotmet++] = i;
      cov_csf_add(x, e, r, c->csf_fn, c->csf_cat);
    }
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    for (size_t s = 0; s < ns; s++)
      for (int l = 0; l < QN_LEVEL_COUNT; l++)
        {
          const cov_tally *t = &c->item[(size_t) p * ns + s][l];
          cov_tally_add(&c->phase[p][l], t);
          cov_tally_add(&c->section[s][l], t);
          cov_tally_add(&c->all[l], t);
        }
  const cov_tally *b = &c->all[QN_BASELINE];
  c->editorial = c->by_basis[QN_BASIS_EDITORIAL];
  c->baseline_unanswered = b->status[ANS_NONE];
  c->baseline_waits = b->met == b->applicable && b->reconfirm > 0;
  c->verdict = c->baseline_unanswered ? COV_VERDICT_INCOMPLETE
               : b->met == b->applicable && b->reconfirm == 0 ? COV_VERDICT_MET : COV_VERDICT_NOT_MET;
  c->baseline_met = c->verdict == COV_VERDICT_MET;
}

static const char *const verdict_keys[] = {
#define COV_VERDICT_KEY_(id, key, cls) key,
  COV_VERDICT_TABLE(COV_VERDICT_KEY_)
#undef COV_VERDICT_KEY_
};
static const char *const verdict_classes[] = {
#define COV_VERDICT_CLASS_(id, key, cls) cls,
  COV_VERDICT_TABLE(COV_VERDICT_CLASS_)
#undef COV_VERDICT_CLASS_
};
_Static_assert(sizeof verdict_keys / sizeof verdict_keys[0] == COV_VERDICT_COUNT, "one key a verdict");
_Static_assert(sizeof verdict_classes / sizeof verdict_classes[0] == COV_VERDICT_COUNT, "one class a verdict");

const char *cov_verdict_key(enum cov_verdict v) { return verdict_keys[v]; }
const char *cov_verdict_class(enum cov_verdict v) { return verdict_classes[v]; }

void
cov_from_record(const questionnaire *q, const ans_previous *p, coverage *c)
{
  *c = (coverage){ 0 };
  c->nsections = q->nsections;
  c->section = xcalloc(q->nsections ? q->nsections : 1, sizeof *c->section);
  c->item = xcalloc(q->nsections ? QN_PHASE_COUNT * q->nsections : 1, sizeof *c->item);
  c->unmet = xmalloc(sizeof *c->unmet);
  c->reconfirm = xmalloc(sizeof *c->reconfirm);
  c->notmet = xmalloc(sizeof *c->notmet);
  c->out = xmalloc(sizeof *c->out);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      c->all[l].met = p->all[l].met;
      c->all[l].applicable = p->all[l].applicable;
      for (int ph = 0; ph < QN_PHASE_COUNT; ph++)
        {
          c->phase[ph][l].met = p->phase[ph][l].met;
          c->phase[ph][l].applicable = p->phase[ph][l].applicable;
        }
    }
  c->baseline_met = c->all[QN_BASELINE].met == c->all[QN_BASELINE].applicable;
  /* A record keeps no statuses: the verdict it had, met or not. */
  c->verdict = c->baseline_met ? COV_VERDICT_MET : COV_VERDICT_NOT_MET;
}

void
cov_add_questions(const questionnaire *q, const assessment *a, cov_tally *per_question)
{
  for (size_t i = 0; i < q->nquestions; i++)
    if (ans_in_scope(a, i))
      tally(&per_question[i], &a->e[i], cov_result(&a->e[i]));
    else
      per_question[i].out_of_scope++;
}

void
cov_free(coverage *c)
{
  free(c->section);
  free(c->item);
  free(c->unmet);
  free(c->reconfirm);
  free(c->noted);
  free(c->notmet);
  free(c->out);
  c->section = c->item = NULL;
  c->unmet = c->reconfirm = c->noted = c->notmet = c->out = NULL;
}

unsigned
cov_answered(const cov_tally t[QN_LEVEL_COUNT])
{
  unsigned n = 0;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    n += t[l].total - t[l].status[ANS_NONE];
  return n;
}

unsigned
cov_total(const cov_tally t[QN_LEVEL_COUNT])
{
  unsigned n = 0;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    n += t[l].total;
  return n;
}

double
cov_percent(const cov_tally *t)
{
  return t->applicable ? 100.0 * t->met / t->applicable : -1.0;
}

int
cov_tenths(const cov_tally *t)
{
  if (!t->applicable)
    return -1;
  unsigned long long a = t->applicable;
  return (int) ((2000ULL * t->met + a) / (2 * a));
}

const char *
cov_percent_text(const cov_tally *t, char buf[COV_PERCENT_SIZE])
{
  int v = cov_tenths(t);
  if (v < 0)
    return NULL;
  /* Integers, so the decimal point is a point whatever the locale. */
  snprintf(buf, COV_PERCENT_SIZE, "%d.%d", v / 10, v % 10);
  return buf;
}

void
cov_format_col(const cov_tally *t, int paren, char *buf, size_t size)
{
  char s[64], pct[COV_PERCENT_SIZE];
  if (!cov_percent_text(t, pct))
    /* TRANSLATORS: coverage when no question applies: "n/a (0/0)". */
    snprintf(s, sizeof s, _("n/a (%u/%u)"), t->met, t->applicable);
  else
    snprintf(s, sizeof s, "%s%% (%u/%u)", pct, t->met, t->applicable);
  const char *p = strchr(s, '(');
  int at = p ? txt_nwidth(s, (size_t) (p - s)) : paren;
  snprintf(buf, size, "%*s%s", at < paren ? paren - at : 0, "", s);
}

void
cov_format(const cov_tally *t, char *buf, size_t size)
{
  cov_format_col(t, 0, buf, size);
}

const char *
cov_change_text(const cov_tally *now, const cov_tally *then, char buf[COV_PERCENT_SIZE])
{
  if (!then || cov_tenths(now) < 0 || cov_tenths(then) < 0)
    return NULL;
  /* The change of the figures as written, so that it is their difference;
   * both within 0.0 .. 100.0, it is within a thousand tenths. */
  int d = cov_tenths(now) - cov_tenths(then);
  snprintf(buf, COV_PERCENT_SIZE, "%s%d.%d", d > 0 ? "+" : d < 0 ? "-" : "", abs(d) / 10 % 1000,
           abs(d) % 10);
  return buf;
}

bool
cov_fell(const cov_tally *now, const cov_tally *then)
{
  char d[COV_PERCENT_SIZE];
  return cov_change_text(now, then, d) && d[0] == '-';
}

void
cov_format_delta(const cov_tally *now, const cov_tally *then, char *buf, size_t size)
{
  char d[COV_PERCENT_SIZE];
  if (cov_change_text(now, then, d))
    /* TRANSLATORS: a change in percentage points: "+12.5 pt". */
    snprintf(buf, size, _("%s pt"), d);
  else if (size)
    buf[0] = '\0';
}

void
cov_format_change(const cov_tally *now, const cov_tally *then, char *buf, size_t size)
{
  char fig[64], delta[64];
  cov_format(now, fig, sizeof fig);
  cov_format_delta(now, then, delta, sizeof delta);
  if (delta[0])
    snprintf(buf, size, "%s, %s", fig, delta);
  else
    snprintf(buf, size, "%s", fig);
}
