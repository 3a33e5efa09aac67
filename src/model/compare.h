/* compare: what changed between two assessments of one questionnaire,
 * the old one (an earlier cycle) and the new one, computed once from
 * their figures (coverage.h) and answers; the comparison reports only
 * format it.
 *
 * Both assessments are bound to the same questionnaire (an older
 * edition's answers are carried through `was` by the store), so a
 * question is the same question on both sides.  Each question not met on
 * one side at least falls in one list, baseline first, then walk order:
 *   regressed    met, or not applicable, in the old one; not met now
 *   improved     not met in the old one; met now
 *   still unmet  not met in either
 * A question excluded now (not applicable with a reason) or met on both
 * sides is in none.  The old assessment's plan items that were due by
 * the new one's date and are done in neither are listed too.
 *
 * Scope (kijun-questionnaire(5), "Scope"): the scope questions answered
 * differently, and the questions that left the figures (in scope in the
 * old one, out now) or came back into them, each in walk order, so that
 * a figure that moved because the scope moved says so. */
#ifndef KIJUN_COMPARE_H
#define KIJUN_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/answers.h"
#include "model/coverage.h"
#include "model/qn.h"

#define CMP_LIST_TABLE(X) \
  X(REGRESSED, "regressed") \
  X(IMPROVED, "improved") \
  X(STILL_UNMET, "still_unmet")

enum cmp_list
{
#define CMP_ENUM_(id, key) CMP_##id,
  CMP_LIST_TABLE(CMP_ENUM_)
#undef CMP_ENUM_
  CMP_LIST_COUNT
};

typedef struct comparison
{
  const questionnaire *qn;
  const assessment *old, *new;
  const coverage *then, *now;            /* their figures */
  size_t *list[CMP_LIST_COUNT];          /* question indices */
  size_t n[CMP_LIST_COUNT];
  size_t *overdue;                       /* the old plan's items due by asof, done in neither */
  size_t noverdue;
  size_t *scope_changed;                 /* scope questions (indices into qn->scopes)
                                            answered differently */
  size_t nscope_changed;
  size_t *left, *entered;                /* questions that left the figures, came back */
  size_t nleft, nentered;
  char asof[ANS_DATE_SIZE];              /* the new assessment's date (its last answer, or
                                            its start, or today) */
} comparison;

/* Compare old (figures then) with new (figures now), both answering q. */
void cmp_compute(const questionnaire *q, const assessment *old, const coverage *then,
                 const assessment *new, const coverage *now, comparison *out);
void cmp_free(comparison *c);
const char *cmp_list_key(enum cmp_list l);
/* The date part (YYYY-MM-DD) of an ISO 8601 time, into buf; "" when s
 * does not start with a date. */
const char *cmp_date_of(const char *s, char buf[ANS_DATE_SIZE]);

#endif
