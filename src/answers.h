/* answers: one assessment in memory: the respondent profile and an answer
 * (status, note, evidence reference, time of the last change) for each
 * question of one questionnaire.
 *
 * Entries are indexed like questionnaire->questions; a question with
 * status ANS_NONE is unanswered.  All strings are owned by the assessment.
 * Reading and writing files is store.h's job. */
#ifndef KIJUN_ANSWERS_H
#define KIJUN_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "qn.h"

enum ans_status
{
  ANS_NONE = 0,
  ANS_IMPLEMENTED,
  ANS_PARTIAL,
  ANS_NOT_IMPLEMENTED,
  ANS_ALTERNATIVE,
  ANS_NOT_APPLICABLE,
  ANS_UNKNOWN,
  ANS_STATUS_COUNT
};

typedef struct ans_entry
{
  enum ans_status status;
  char *note;                 /* NULL or text */
  char *evidence;             /* a reference: title, number or path */
  char *updated;              /* ISO 8601 time of the last change */
} ans_entry;

enum ans_field { ANS_ORGANIZATION, ANS_SECTOR, ANS_RESPONDENT, ANS_ROLE, ANS_STARTED, ANS_FIELD_COUNT };

typedef struct assessment
{
  const questionnaire *qn;
  char *profile[ANS_FIELD_COUNT];
  ans_entry *e;               /* qn->nquestions entries */
} assessment;

assessment *ans_new(const questionnaire *qn);
void ans_free(assessment *a);

/* Setters stamp the entry with the current time (see ans_now).  A NULL or
 * empty string clears the field. */
void ans_set_status(assessment *a, size_t qi, enum ans_status st);
void ans_set_note(assessment *a, size_t qi, const char *note);
void ans_set_evidence(assessment *a, size_t qi, const char *evidence);
void ans_set_profile(assessment *a, enum ans_field f, const char *value);

/* Whether an answer carries a reason (a non-blank note). */
bool ans_has_reason(const ans_entry *e);
/* Whether the status needs a reason (alternative, not applicable). */
bool ans_needs_reason(enum ans_status st);
/* The first question in walk order that is unanswered, or the position
 * nquestions when all are answered.  Returns a position in qn->order. */
size_t ans_first_unanswered(const assessment *a);
size_t ans_count_answered(const assessment *a);

/* The key used in files ("implemented") and the name for people. */
const char *ans_status_key(enum ans_status st);
int ans_status_parse(const char *s);
const char *ans_status_name(enum ans_status st);
const char *ans_field_key(enum ans_field f);
const char *ans_field_name(enum ans_field f);

/* Current local time as ISO 8601 with offset, e.g.
 * 2026-11-22T10:00:00+09:00.  SOURCE_DATE_EPOCH, when set, replaces the
 * clock (for reproducible tests) and is shown in UTC. */
void ans_now(char buf[32]);

#endif
