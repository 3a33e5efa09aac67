/* plan: the improvement plan.  See plan.h. */
#include <config.h>
#include "model/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/xalloc.h"

#define KEY_(id, key, label, mark) key,
#define LABEL_(id, key, label, mark) label,
#define MARK_(id, key, label, mark) mark,
static const char *const state_keys[] = { PLAN_STATE_TABLE(KEY_) };
static const char *const state_labels[] = { PLAN_STATE_TABLE(LABEL_) };
static const char state_marks[] = { PLAN_STATE_TABLE(MARK_) };
#undef KEY_
#undef LABEL_
#undef MARK_
_Static_assert(sizeof state_keys / sizeof state_keys[0] == PLAN_STATE_COUNT, "one key a state");

const char *plan_state_key(enum plan_state s) { return state_keys[s]; }
const char *plan_state_name(enum plan_state s) { return _(state_labels[s]); }
char plan_state_mark(enum plan_state s) { return state_marks[s]; }

enum plan_state
plan_state_of(const ans_entry *e, const char *today)
{
  if (!e->plan[ANS_PLAN_ACTION])
    return PLAN_NO_ACTION;
  if (e->plan[ANS_PLAN_DONE])
    return PLAN_DONE;
  /* Dates written YYYY-MM-DD order as text. */
  const char *due = e->plan[ANS_PLAN_DUE];
  return due && strcmp(due, today) < 0 ? PLAN_OVERDUE : PLAN_OPEN;
}

static int
by_level_due_walk(const void *x, const void *y, void *ctx)
{
  const plan_item *a = x, *b = y;
  const assessment *sort_a = ctx;
  const questionnaire *sort_q = sort_a->qn;
  const qn_question *qa = &sort_q->questions[a->qi], *qb = &sort_q->questions[b->qi];
  if (qa->level != qb->level)
    return qa->level == QN_BASELINE ? -1 : 1;
  const char *da = sort_a->e[a->qi].plan[ANS_PLAN_DUE], *db = sort_a->e[b->qi].plan[ANS_PLAN_DUE];
  if (da && db && strcmp(da, db) != 0)
    return strcmp(da, db);
  if (!da != !db)
    return da ? -1 : 1;
  return a->rank < b->rank ? -1 : a->rank > b->rank;
}

void
plan_build(const questionnaire *q, const assessment *a, const coverage *c, const char *today,
           plan *p)
{
  *p = (plan){ 0 };
  snprintf(p->today, sizeof p->today, "%s", today);
  p->items = xcalloc(c->nnotmet ? c->nnotmet : 1, sizeof *p->items);
  for (size_t k = 0; k < c->nnotmet; k++)
    {
      plan_item *it = &p->items[p->n++];
      it->qi = c->notmet[k];
      it->rank = k;
      it->state = plan_state_of(&a->e[it->qi], p->today);
      p->count[it->state]++;
      p->nbaseline += q->questions[it->qi].level == QN_BASELINE;
    }
  qsort_r(p->items, p->n, sizeof *p->items, by_level_due_walk, (void *) a);
}

void
plan_free(plan *p)
{
  free(p->items);
  *p = (plan){ 0 };
}
