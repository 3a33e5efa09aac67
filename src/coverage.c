/* coverage: the coverage computation.  See coverage.h for the rule. */
#include <config.h>
#include "coverage.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "xalloc.h"

enum cov_result
cov_result(const ans_entry *e)
{
  switch (e->status)
    {
    case ANS_IMPLEMENTED:
      return COV_MET;
    case ANS_ALTERNATIVE:
      return ans_has_reason(e) ? COV_MET : COV_NOT_MET;
    case ANS_NOT_APPLICABLE:
      return ans_has_reason(e) ? COV_EXCLUDED : COV_NOT_MET;
    default:
      return COV_NOT_MET;
    }
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
}

void
cov_compute(const questionnaire *q, const assessment *a, coverage *c)
{
  *c = (coverage){ 0 };
  c->nsections = q->nsections;
  c->section = xcalloc(q->nsections ? q->nsections : 1, sizeof *c->section);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      enum cov_result r = cov_result(e);
      tally(&c->all[x->level], e, r);
      tally(&c->phase[x->phase][x->level], e, r);
      tally(&c->section[x->section][x->level], e, r);
    }
  c->baseline_met = c->all[QN_BASELINE].met == c->all[QN_BASELINE].applicable;
}

void
cov_free(coverage *c)
{
  free(c->section);
  c->section = NULL;
}

double
cov_percent(const cov_tally *t)
{
  return t->applicable ? 100.0 * t->met / t->applicable : -1.0;
}

void
cov_format(const cov_tally *t, char *buf, size_t size)
{
  if (!t->applicable)
    /* TRANSLATORS: coverage when no question applies: "n/a (0/0)". */
    snprintf(buf, size, _("n/a (%u/%u)"), t->met, t->applicable);
  else
    snprintf(buf, size, "%.1f%% (%u/%u)", cov_percent(t), t->met, t->applicable);
}
