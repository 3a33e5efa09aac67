/* compare: two assessments side by side.  See compare.h. */
#include <config.h>
#include "model/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define KEY_(id, key) key,
static const char *const list_keys[] = { CMP_LIST_TABLE(KEY_) };
#undef KEY_

const char *cmp_list_key(enum cmp_list l) { return list_keys[l]; }

const char *
cmp_date_of(const char *s, char buf[ANS_DATE_SIZE])
{
  buf[0] = '\0';
  if (s && strlen(s) >= 10)
    {
      memcpy(buf, s, 10);
      buf[10] = '\0';
      if (!ans_valid_date(buf))
        buf[0] = '\0';
    }
  return buf;
}

/* Which list question i falls in, or -1.  Out of scope counts as
 * excluded, as in the figures. */
static int
classify(const assessment *o, const assessment *n, size_t i)
{
  enum cov_result then = ans_in_scope(o, i) ? cov_result(&o->e[i]) : COV_EXCLUDED;
  enum cov_result now = ans_in_scope(n, i) ? cov_result(&n->e[i]) : COV_EXCLUDED;
  if (now != COV_NOT_MET)
    return then == COV_NOT_MET && now == COV_MET ? CMP_IMPROVED : -1;
  return then == COV_NOT_MET ? CMP_STILL_UNMET : CMP_REGRESSED;
}

/* A promise of the old plan that the new date has passed.  A question
 * now met (or not applicable) is not "not done", whether or not anyone
 * filled in the done date. */
static bool
overdue(const ans_entry *old, const ans_entry *new, const char *asof)
{
  const char *due = old->plan[ANS_PLAN_DUE];
  return old->plan[ANS_PLAN_ACTION] && due && strcmp(due, asof) <= 0 && !old->plan[ANS_PLAN_DONE]
         && !new->plan[ANS_PLAN_DONE] && cov_result(new) == COV_NOT_MET;
}

void
cmp_compute(const questionnaire *q, const assessment *old, const coverage *then,
            const assessment *new, const coverage *now, comparison *out)
{
  *out = (comparison){ .qn = q, .old = old, .new = new, .then = then, .now = now };
  size_t room = q->nquestions ? q->nquestions : 1;
  for (int l = 0; l < CMP_LIST_COUNT; l++)
    out->list[l] = xmalloc(room * sizeof *out->list[l]);
  out->overdue = xmalloc(room * sizeof *out->overdue);
  out->left = xmalloc(room * sizeof *out->left);
  out->entered = xmalloc(room * sizeof *out->entered);
  out->scope_changed = xmalloc((q->nscopes ? q->nscopes : 1) * sizeof *out->scope_changed);
  for (size_t k = 0; k < q->nscopes; k++)
    if (ans_scope_of(old, k) != ans_scope_of(new, k))
      out->scope_changed[out->nscope_changed++] = k;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      bool was = ans_in_scope(old, i), is = ans_in_scope(new, i);
      if (was && !is)
        out->left[out->nleft++] = i;
      else if (!was && is)
        out->entered[out->nentered++] = i;
    }
  cmp_date_of(now->last_update, out->asof);
  if (!out->asof[0])
    cmp_date_of(new->profile[ANS_STARTED], out->asof);
  if (!out->asof[0])
    ans_today(out->asof);
  /* Baseline first, then the rest, each in walk order. */
  for (int pass = 0; pass < 2; pass++)
    for (size_t pos = 0; pos < q->nquestions; pos++)
      {
        size_t i = q->order[pos];
        if ((q->questions[i].level == QN_BASELINE) != (pass == 0))
          continue;
        int l = classify(old, new, i);
        if (l >= 0)
          out->list[l][out->n[l]++] = i;
        if (overdue(&old->e[i], &new->e[i], out->asof))
          out->overdue[out->noverdue++] = i;
      }
}

void
cmp_free(comparison *c)
{
  for (int l = 0; l < CMP_LIST_COUNT; l++)
    free(c->list[l]);
  free(c->overdue);
  free(c->left);
  free(c->entered);
  free(c->scope_changed);
  *c = (comparison){ 0 };
}
