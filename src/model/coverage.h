/* coverage: the figures of one assessment, computed once: how much of the
 * baseline (and of the recommended level) it meets, overall, by PDCA
 * phase, by guideline section and by section within a phase, with the
 * count of every status and the unmet baseline questions.  Reports, the
 * answers file's summary and the screens only format these figures.
 *
 * The rule, stated once in every report:
 *   coverage = met / applicable
 *   met        = answered implemented, or alternative with a reason
 *   applicable = all questions of the level except those answered
 *                not applicable with a reason
 * Unanswered, unknown, partial and not implemented are not met and are
 * counted separately; so are alternative and not-applicable answers that
 * lack the reason they need.  What each status counts as is a column of
 * the status table (answers.h).
 *
 * A question out of scope (the profile's scope answers say it does not
 * apply: answers.h, ans_in_scope) is in none of the figures: not in the
 * total, the statuses, met or applicable, nor in the lists of unmet
 * questions and of answers to reconfirm.  It is counted as out of scope
 * and listed with its reason; its answer is kept and counts again once
 * the scope question is answered otherwise.
 *
 * An answer awaiting reconfirmation (carried from an earlier revision of
 * its question, or from other questions) counts as what it says, and is
 * also counted and listed as such: while any baseline answer awaits
 * reconfirmation, the baseline is not met whatever the coverage. */
#ifndef KIJUN_COVERAGE_H
#define KIJUN_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/answers.h"
#include "model/qn.h"

/* The figures of one scope at one level.  Tallies add up: the tally of
 * a phase is the sum of its sections', which cov_tally_add does, and so
 * can a sum over many assessments. */
typedef struct cov_tally
{
  unsigned total;                         /* questions of this level in scope */
  unsigned status[ANS_STATUS_COUNT];      /* by status; [ANS_NONE] = unanswered */
  unsigned met, applicable;
  unsigned no_reason;                     /* alternative / n.a. without a note */
  unsigned reconfirm;                     /* answers awaiting reconfirmation */
  unsigned out_of_scope;                  /* questions of this level out of scope */
} cov_tally;

/* The verdict on the baseline, one row each: its key (JSON, the answers
 * file's summary) and its class in HTML.  Incomplete while any baseline
 * question is unanswered; then met when every applicable one is met and
 * none awaits reconfirmation. */
#define COV_VERDICT_TABLE(X) \
  X(MET, "baseline_met", "met") \
  X(NOT_MET, "baseline_not_met", "not-met") \
  X(INCOMPLETE, "incomplete", "incomplete")

enum cov_verdict
{
#define COV_VERDICT_ENUM_(id, key, cls) COV_VERDICT_##id,
  COV_VERDICT_TABLE(COV_VERDICT_ENUM_)
#undef COV_VERDICT_ENUM_
  COV_VERDICT_COUNT
};

/* The key and the HTML class of a verdict. */
const char *cov_verdict_key(enum cov_verdict v);
const char *cov_verdict_class(enum cov_verdict v);

typedef struct coverage
{
  cov_tally all[QN_LEVEL_COUNT];
  cov_tally phase[QN_PHASE_COUNT][QN_LEVEL_COUNT];
  cov_tally (*section)[QN_LEVEL_COUNT];   /* nsections rows */
  cov_tally (*item)[QN_LEVEL_COUNT];      /* a section within a phase: see cov_item */
  size_t nsections;
  size_t *unmet;                          /* unmet baseline questions (indices), walk order */
  size_t nunmet;
  size_t *reconfirm;                      /* answers to reconfirm (indices), walk order */
  size_t nreconfirm;
  size_t *noted;                          /* answers with a note or evidence (indices), walk order */
  size_t nnoted;
  size_t nretired;                        /* answers to questions no longer asked */
  size_t by_basis[QN_BASIS_COUNT];        /* questions by where their level comes from */
  size_t editorial;                       /* = by_basis[QN_BASIS_EDITORIAL] */
  size_t *out;                            /* questions out of scope (indices), walk order */
  size_t nout;
  /* By NIST CSF 2.0 function and category: a question counts once in
   * each function and each category it names (cov_csf_add), so these
   * do not add up to the whole. */
  cov_tally csf_fn[CSF_FUNCTION_COUNT][QN_LEVEL_COUNT];
  cov_tally csf_cat[CSF_CATEGORY_COUNT][QN_LEVEL_COUNT];
  size_t csf_none;                        /* questions that name no CSF reference */
  size_t *notmet;                         /* every question not met, either level, walk order */
  size_t nnotmet;
  const char *last_update;                /* the newest answer's time, answers awaiting
                                           * reconfirmation left out (they predate the
                                           * assessment), or NULL */
  enum cov_verdict verdict;
  bool baseline_met;                      /* = verdict == COV_VERDICT_MET */
  bool baseline_waits;                    /* met but for answers to reconfirm */
  unsigned baseline_unanswered;           /* baseline questions without an answer */
  bool detailed;                          /* section and item figures are known; not so for
                                             a previous cycle known only by its record */
} coverage;

enum cov_result { COV_MET, COV_NOT_MET, COV_EXCLUDED };

/* How one answer counts (the answer alone: whether its question is in
 * scope is the assessment's, ans_in_scope). */
enum cov_result cov_result(const ans_entry *e);
void cov_compute(const questionnaire *q, const assessment *a, coverage *c);
/* Count one answer of question x into the CSF tallies it belongs to:
 * the one place that decides how a question counts by CSF (the
 * aggregate sums with it too). */
void cov_csf_add(const qn_question *x, const ans_entry *e, enum cov_result r,
                 cov_tally fn[CSF_FUNCTION_COUNT][QN_LEVEL_COUNT],
                 cov_tally cat[CSF_CATEGORY_COUNT][QN_LEVEL_COUNT]);
/* Add each answer of a, as the tally of its one question, to
 * per_question[i] (indexed like q->questions): summed over many
 * assessments, the per-question figures of an aggregate. */
void cov_add_questions(const questionnaire *q, const assessment *a, cov_tally *per_question);
/* The figures of a previous cycle as its record gives them (overall and
 * by phase; not detailed). */
void cov_from_record(const questionnaire *q, const ans_previous *p, coverage *c);
void cov_free(coverage *c);
/* The tallies of section s within phase p. */
const cov_tally *cov_item(const coverage *c, enum qn_phase p, size_t s);
void cov_tally_add(cov_tally *into, const cov_tally *t);
/* Questions answered, and in all, over the levels of a scope. */
unsigned cov_answered(const cov_tally t[QN_LEVEL_COUNT]);
unsigned cov_total(const cov_tally t[QN_LEVEL_COUNT]);
/* The percentage in tenths (625 for 62.5%), rounded half up, as every
 * output writes it; -1 when nothing is applicable.  Exact integer
 * arithmetic, so a figure binned or subtracted by it is the figure
 * printed. */
int cov_tenths(const cov_tally *t);
#define COV_PERCENT_SIZE 16
/* Percentage, or -1 when nothing is applicable. */
double cov_percent(const cov_tally *t);
/* The percentage with one decimal ("62.5"), as every output writes it;
 * NULL when nothing is applicable. */
const char *cov_percent_text(const cov_tally *t, char buf[COV_PERCENT_SIZE]);
/* "62.5% (25/40)", or "n/a (0/0)" in the current message language. */
void cov_format(const cov_tally *t, char *buf, size_t size);
/* The same with the figure right-aligned so that "(" falls in column
 * paren (0: no alignment): a column of them reads down. */
void cov_format_col(const cov_tally *t, int paren, char *buf, size_t size);

/* The change of a figure since then, in percentage points with one
 * decimal, as the two figures are written: "+12.5", "-5.0", "0.0"; NULL
 * when then is NULL or either has nothing applicable. */
const char *cov_change_text(const cov_tally *now, const cov_tally *then, char buf[COV_PERCENT_SIZE]);
/* Whether the figure fell since then. */
bool cov_fell(const cov_tally *now, const cov_tally *then);
/* "+12.5 pt" in the current message language, or "" (no change known). */
void cov_format_delta(const cov_tally *now, const cov_tally *then, char *buf, size_t size);
/* "62.5% (25/40), +12.5 pt": the figure with its change since then
 * (then may be NULL: the figure alone). */
void cov_format_change(const cov_tally *now, const cov_tally *then, char *buf, size_t size);

#endif
