/* coverage: how much of the baseline (and of the recommended level) an
 * assessment meets, overall, by PDCA phase and by guideline section.
 *
 * The rule, stated once in every report:
 *   coverage = met / applicable
 *   met        = answered implemented, or alternative with a reason
 *   applicable = all questions of the level except those answered
 *                not applicable with a reason
 * Unanswered, unknown, partial and not implemented are not met and are
 * counted separately; so are alternative and not-applicable answers that
 * lack the reason they need. */
#ifndef KIJUN_COVERAGE_H
#define KIJUN_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "qn.h"

typedef struct cov_tally
{
  unsigned total;                         /* questions of this level */
  unsigned status[ANS_STATUS_COUNT];      /* by status; [ANS_NONE] = unanswered */
  unsigned met, applicable;
  unsigned no_reason;                     /* alternative / n.a. without a note */
} cov_tally;

typedef struct coverage
{
  cov_tally all[QN_LEVEL_COUNT];
  cov_tally phase[QN_PHASE_COUNT][QN_LEVEL_COUNT];
  cov_tally (*section)[QN_LEVEL_COUNT];   /* nsections rows */
  size_t nsections;
  bool baseline_met;
} coverage;

enum cov_result { COV_MET, COV_NOT_MET, COV_EXCLUDED };

/* How one answer counts. */
enum cov_result cov_result(const ans_entry *e);
void cov_compute(const questionnaire *q, const assessment *a, coverage *c);
void cov_free(coverage *c);
/* Percentage, or -1 when nothing is applicable. */
double cov_percent(const cov_tally *t);
/* "62.5% (25/40)", or "n/a (0/0)". */
void cov_format(const cov_tally *t, char *buf, size_t size);

#endif
