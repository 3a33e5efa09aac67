/* agg: the figures of many assessments of one questionnaire, summed: how
 * many organisations by sector and verdict, per question how many meet
 * it and how they answered, and per scope (overall, PDCA phase, guideline
 * item) the distribution of the organisations' baseline coverage.
 *
 * An aggregate only adds up what the figures layer (coverage.h) computed
 * for each assessment, so it counts exactly what a single report counts.
 * Its size depends on the questionnaire, never on the number of
 * assessments: a distribution is a histogram of the percentage at the
 * precision every report prints (0.1 point, 1,001 bins), from which the
 * quartiles come out exact; keeping each organisation's figure instead
 * would grow with the survey.  Two aggregates add up (agg_merge), so
 * several threads can each sum a share of the files. */
#ifndef KIJUN_AGG_H
#define KIJUN_AGG_H

#include <stddef.h>

#include "model/answers.h"
#include "model/coverage.h"
#include "model/qn.h"

#define AGG_BINS 1001           /* 0.0% .. 100.0% in tenths */

/* The baseline coverage of the organisations in one scope. */
typedef struct agg_dist
{
  unsigned n;                   /* organisations with something applicable */
  unsigned none;                /* organisations with nothing applicable */
  unsigned bin[AGG_BINS];       /* by cov_tenths */
} agg_dist;

typedef struct aggregate
{
  const questionnaire *qn;
  unsigned files;
  /* nsectors + 1 rows, the last for files that name no sector; column
   * 1 counts those whose baseline is met, column 0 the others. */
  unsigned (*sector)[2];
  cov_tally *question;          /* per question, summed */
  cov_tally all[QN_LEVEL_COUNT];/* every answer of every file, pooled */
  agg_dist overall, phase[QN_PHASE_COUNT];
  agg_dist *section;            /* nsections */
  /* By CSF 2.0 function and category (coverage.h's csf_fn, csf_cat). */
  agg_dist csf_fn[CSF_FUNCTION_COUNT], csf_cat[CSF_CATEGORY_COUNT];
} aggregate;

void agg_init(aggregate *g, const questionnaire *q);
void agg_free(aggregate *g);
/* Add one assessment, whose figures are c. */
void agg_add(aggregate *g, const assessment *a, const coverage *c);
/* Add everything from into into. */
void agg_merge(aggregate *into, const aggregate *from);
/* The nearest-rank quantile num/den of a distribution in tenths of a
 * percent: the smallest value that at least num/den of the organisations
 * do not exceed (0/1 gives the minimum, 1/1 the maximum); -1 when the
 * distribution is empty. */
int agg_quantile(const agg_dist *d, unsigned num, unsigned den);
/* The questions least met first: baseline before recommended, then by
 * share met (met / applicable; none applicable last), then walk order.
 * Returns nquestions indices, newly allocated. */
size_t *agg_ranking(const aggregate *g);

#endif
