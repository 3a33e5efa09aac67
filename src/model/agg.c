/* agg: summing the figures of many assessments.  See agg.h. */
#include <config.h>
#include "model/agg.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
agg_init(aggregate *g, const questionnaire *q)
{
  *g = (aggregate){ 0 };
  g->qn = q;
  g->sector = xcalloc(q->nsectors + 1, sizeof *g->sector);
  g->question = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *g->question);
  g->section = xcalloc(q->nsections ? q->nsections : 1, sizeof *g->section);
  g->scope = xcalloc(q->nscopes ? q->nscopes : 1, sizeof *g->scope);
}

void
agg_free(aggregate *g)
{
  free(g->sector);
  free(g->question);
  free(g->section);
  free(g->scope);
  *g = (aggregate){ 0 };
}

static const struct
{
  const char *key, *label;
} verdicts[AGG_VERDICT_COUNT] = {
#define AGG_ROW_(id, key, label) { key, label },
  AGG_VERDICT_TABLE(AGG_ROW_)
#undef AGG_ROW_
};

const char *
agg_verdict_key(enum agg_verdict v)
{
  return verdicts[v].key;
}

const char *
agg_verdict_name(enum agg_verdict v)
{
  return _(verdicts[v].label);
}

enum agg_verdict
agg_verdict_of(const coverage *c)
{
  switch (c->verdict)
    {
    case COV_VERDICT_MET: return AGG_MET;
    case COV_VERDICT_INCOMPLETE: return AGG_UNDECIDED;
    default: return c->baseline_waits ? AGG_RECONFIRM : AGG_NOT_MET;
    }
}

static void
dist_add(agg_dist *d, const cov_tally *t, bool unfinished)
{
  int v = cov_tenths(t);
  if (unfinished)
    d->unfinished++;
  else if (v < 0)
    d->none++;
  else
    d->n++, d->bin[v]++;
}

static void
dist_merge(agg_dist *into, const agg_dist *d)
{
  into->n += d->n;
  into->none += d->none;
  into->unfinished += d->unfinished;
  for (int b = 0; b < AGG_BINS; b++)
    into->bin[b] += d->bin[b];
}

void
agg_add(aggregate *g, const assessment *a, const coverage *c)
{
  const questionnaire *q = g->qn;
  g->files++;
  const qn_sector *s = a->profile[ANS_SECTOR] ? qn_find_sector(q, a->profile[ANS_SECTOR]) : NULL;
  size_t row = s ? (size_t) (s - q->sectors) : q->nsectors;
  enum agg_verdict v = agg_verdict_of(c);
  g->sector[row][v]++;
  g->verdict[v]++;
  cov_add_questions(q, a, g->question);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    cov_tally_add(&g->all[l], &c->all[l]);
  bool unfinished = v == AGG_UNDECIDED;
  dist_add(&g->overall, &c->all[QN_BASELINE], unfinished);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    dist_add(&g->phase[p], &c->phase[p][QN_BASELINE], unfinished);
  for (size_t k = 0; k < q->nsections; k++)
    dist_add(&g->section[k], &c->section[k][QN_BASELINE], unfinished);
  for (int k = 0; k < CSF_FUNCTION_COUNT; k++)
    dist_add(&g->csf_fn[k], &c->csf_fn[k][QN_BASELINE], unfinished);
  for (int k = 0; k < CSF_CATEGORY_COUNT; k++)
    dist_add(&g->csf_cat[k], &c->csf_cat[k][QN_BASELINE], unfinished);
  for (size_t k = 0; k < q->nscopes; k++)
    g->scope[k][ans_scope_of(a, k)]++;
}

void
agg_merge(aggregate *into, const aggregate *from)
{
  const questionnaire *q = into->qn;
  into->files += from->files;
  for (size_t s = 0; s <= q->nsectors; s++)
    for (int v = 0; v < AGG_VERDICT_COUNT; v++)
      into->sector[s][v] += from->sector[s][v];
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    into->verdict[v] += from->verdict[v];
  for (size_t i = 0; i < q->nquestions; i++)
    cov_tally_add(&into->question[i], &from->question[i]);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    cov_tally_add(&into->all[l], &from->all[l]);
  dist_merge(&into->overall, &from->overall);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    dist_merge(&into->phase[p], &from->phase[p]);
  for (size_t k = 0; k < q->nsections; k++)
    dist_merge(&into->section[k], &from->section[k]);
  for (int k = 0; k < CSF_FUNCTION_COUNT; k++)
    dist_merge(&into->csf_fn[k], &from->csf_fn[k]);
  for (int k = 0; k < CSF_CATEGORY_COUNT; k++)
    dist_merge(&into->csf_cat[k], &from->csf_cat[k]);
  for (size_t k = 0; k < q->nscopes; k++)
    for (int v = 0; v < ANS_SCOPE_COUNT; v++)
      into->scope[k][v] += from->scope[k][v];
}

int
agg_quantile(const agg_dist *d, unsigned num, unsigned den)
{
  if (!d->n)
    return -1;
  /* The rank, 1-based: ceil(n * num / den), at least 1. */
  unsigned long long rank = ((unsigned long long) d->n * num + den - 1) / den;
  if (rank < 1)
    rank = 1;
  unsigned long long seen = 0;
  for (int b = 0; b < AGG_BINS; b++)
    {
      seen += d->bin[b];
      if (seen >= rank)
        return b;
    }
  return AGG_BINS - 1;
}

static int
by_rank(const void *pa, const void *pb, void *ctx)
{
  const aggregate *g = ctx;
  size_t a = *(const size_t *) pa, b = *(const size_t *) pb;
  const questionnaire *q = g->qn;
  if (q->questions[a].level != q->questions[b].level)
    return q->questions[a].level < q->questions[b].level ? -1 : 1;
  /* Compare exact shares, not rounded ones: met_a / app_a vs met_b / app_b. */
  const cov_tally *x = &g->question[a], *y = &g->question[b];
  if (x->applicable && y->applicable)
    {
      unsigned long long l = (unsigned long long) x->met * y->applicable;
      unsigned long long r = (unsigned long long) y->met * x->applicable;
      if (l != r)
        return l < r ? -1 : 1;
    }
  else if (!x->applicable != !y->applicable)
    return x->applicable ? -1 : 1;   /* nothing applicable ranks last */
  return q->rank[a] < q->rank[b] ? -1 : q->rank[a] > q->rank[b];
}

size_t *
agg_ranking(const aggregate *g)
{
  const questionnaire *q = g->qn;
  size_t *r = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *r);
  for (size_t i = 0; i < q->nquestions; i++)
    r[i] = q->order[i];
  qsort_r(r, q->nquestions, sizeof *r, by_rank, (void *) g);
  return r;
}
