/* plan: the improvement plan of an assessment, the "Act" of PDCA: every
 * question not met, baseline first, then by due date (undated last), then
 * in walk order, each with its plan and where the plan stands.  Built once
 * from the figures (coverage.h: the questions not met); the plan screen
 * and the plan reports only format it. */
#ifndef KIJUN_PLAN_H
#define KIJUN_PLAN_H

#include <stddef.h>

#include "model/answers.h"
#include "model/coverage.h"
#include "model/qn.h"
#include "base/vocab.h"

/* Where a question's plan stands.  X(ID, KEY, LABEL, MARK): PLAN_<ID>,
 * the key in CSV and JSON, the word for people (at most 14 columns), and
 * the ASCII mark in the screen's and text report's first column, so that
 * an overdue action stands out without colour. */
#define PLAN_STATE_TABLE(X) \
  /* TRANSLATORS: where a plan item stands. At most 14 columns. */ \
  X(NO_ACTION, "no_action", N_("no action yet"), '-') \
  X(OPEN, "open", N_("open"), ' ') \
  X(OVERDUE, "overdue", N_("OVERDUE"), '!') \
  X(DONE, "done", N_("done"), '+')

enum plan_state
{
#define PLAN_ENUM_(id, ...) PLAN_##id,
  PLAN_STATE_TABLE(PLAN_ENUM_)
#undef PLAN_ENUM_
  PLAN_STATE_COUNT
};

typedef struct plan_item
{
  size_t qi;                  /* the question (index in qn->questions) */
  enum plan_state state;
  size_t rank;                /* its place in walk order among those not met */
} plan_item;

typedef struct plan
{
  plan_item *items;
  size_t n;
  size_t nbaseline;           /* the first nbaseline items are baseline questions */
  size_t count[PLAN_STATE_COUNT];
  char today[ANS_DATE_SIZE];  /* the date overdue is judged against */
} plan;

/* Build the plan of a from its figures c, as of today (YYYY-MM-DD). */
void plan_build(const questionnaire *q, const assessment *a, const coverage *c, const char *today,
                plan *p);
void plan_free(plan *p);
/* Where the plan of one answer stands on the date today. */
enum plan_state plan_state_of(const ans_entry *e, const char *today);
const char *plan_state_key(enum plan_state s);
const char *plan_state_name(enum plan_state s);
char plan_state_mark(enum plan_state s);

#endif
