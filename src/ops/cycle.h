/* cycle: one assessment after another, PDCA's next turn.
 *
 * cycle_start makes this cycle's answers file from last cycle's: the
 * profile carried with a new start, every answer carried and marked to
 * reconfirm, every plan item carried, and a `previous` record of the old
 * file (its path, start and figures).  cycle_open_previous loads the
 * previous cycle's answers for a session, so that the screens and the
 * summary can show last cycle's answer and each figure's change. */
#ifndef KIJUN_CYCLE_H
#define KIJUN_CYCLE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/answers.h"
#include "model/coverage.h"
#include "base/diag.h"
#include "io/session.h"

/* What cycle_start carried, for the message it prints. */
typedef struct cycle_counts
{
  size_t answers;             /* answers carried, each to reconfirm */
  size_t plans;               /* plan items carried */
  size_t retired;             /* answers to questions no longer asked, kept */
} cycle_counts;

/* The next cycle's assessment after old, whose file is old_path (recorded
 * as given: the caller makes it absolute). */
assessment *cycle_next(const assessment *old, const char *old_path, cycle_counts *counts);
/* Create newpath from oldpath (qpath: --questionnaire or NULL).  Refuses
 * an existing newpath (EX_CANTCREAT).  Returns 0 or a sysexits status
 * with the problems in d. */
int cycle_start(const char *oldpath, const char *newpath, const char *qpath, diag_t *d,
                cycle_counts *counts);

/* Load the previous cycle's answers for s: from path, or when path is
 * NULL from the file s's `previous` records (or, if it has moved, the
 * file of that name beside s's).  Bound to s's questionnaire.  Returns 0
 * with *out set (NULL when there is no previous cycle), or a sysexits
 * status with the problem in d (the caller may go on without it). */
int cycle_open_previous(const session *s, const char *path, diag_t *d, assessment **out);
/* The previous cycle's figures for a: prev's when loaded, else what a's
 * record gives.  Returns false (c untouched) when there are none. */
bool cycle_then(const questionnaire *q, const assessment *a, const assessment *prev, coverage *c);
/* Which previous cycle that is, for people: its file (path, when given
 * with --previous, else the recorded one) and its start. */
void cycle_then_names(const assessment *a, const assessment *prev, const char *path,
                      const char **file, const char **started);

#endif
