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

/* Where an organisation stands, as its own report says: met, not met,
 * not yet decided (baseline questions unanswered: not a failure), or not
 * met only because answers await reconfirmation.  An aggregate counts
 * each, so that an unfinished assessment is never told as a failed one.
 * X(ID, KEY, LABEL): AGG_<ID>, the key in CSV and JSON, the name for
 * people. */
#define AGG_VERDICT_TABLE(X) \
  X(MET, "baseline_met", N_("Baseline met")) \
  X(NOT_MET, "baseline_not_met", N_("Baseline not met")) \
  X(UNDECIDED, "not_yet_decided", N_("Not yet decided")) \
  X(RECONFIRM, "awaiting_reconfirmation", N_("Awaiting reconfirmation"))

enum agg_verdict
{
#define AGG_ENUM_(id, key, label) AGG_##id,
  AGG_VERDICT_TABLE(AGG_ENUM_)
#undef AGG_ENUM_
  AGG_VERDICT_COUNT
};

const char *agg_verdict_key(enum agg_verdict v);
const char *agg_verdict_name(enum agg_verdict v);
/* The verdict of one assessment whose figures are c. */
enum agg_verdict agg_verdict_of(const coverage *c);

/* The baseline coverage of the organisations in one scope.  Only decided
 * assessments are in it (every baseline question answered): the
 * coverage of an unfinished one counts its unanswered questions as not
 * met and would drag the figures down; those are counted in unfinished. */
typedef struct agg_dist
{
  unsigned n;                   /* organisations with something applicable */
  unsigned none;                /* organisations with nothing applicable */
  unsigned unfinished;          /* not yet decided: left out of the figures */
  unsigned bin[AGG_BINS];       /* by cov_tenths */
} agg_dist;

typedef struct aggregate
{
  const questionnaire *qn;
  unsigned files;
  /* nsectors + 1 rows, the last for files that name no sector; a column
   * for each verdict. */
  unsigned (*sector)[AGG_VERDICT_COUNT];
  unsigned verdict[AGG_VERDICT_COUNT];  /* over every sector */
  cov_tally *question;          /* per question, summed */
  cov_tally all[QN_LEVEL_COUNT];/* every answer of every file, pooled */
  agg_dist overall, phase[QN_PHASE_COUNT];
  agg_dist *section;            /* nsections */
  /* By CSF 2.0 function and category (coverage.h's csf_fn, csf_cat). */
  agg_dist csf_fn[CSF_FUNCTION_COUNT], csf_cat[CSF_CATEGORY_COUNT];
  /* The scope (kijun-questionnaire(5), "Scope"): per scope question of
   * the questionnaire, how many files answered it yes, no or not at all
   * (by enum ans_scope).  In how many files a question was out of scope
   * is question[i].out_of_scope. */
  unsigned (*scope)[ANS_SCOPE_COUNT];   /* nscopes */
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
