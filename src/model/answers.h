/* answers: one assessment in memory: the respondent profile and an answer
 * (status, note, evidence reference, time of the last change, the question
 * revision it was given for, whether it awaits reconfirmation) for each
 * question of one questionnaire, and the answers to questions the
 * questionnaire no longer asks (kept, never dropped).
 *
 * Entries are indexed like questionnaire->questions; a question with
 * status ANS_NONE is unanswered.  All strings are owned by the assessment.
 * Reading and writing files is store.h's job. */
#ifndef KIJUN_ANSWERS_H
#define KIJUN_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/i18n.h"
#include "model/qn.h"
#include "base/vocab.h"

/* The answer statuses, one row each, in the order of their digits.
 *   ID      the enum constant is ANS_<ID>
 *   KEY     the word in answers files and JSON, and the name of its count
 *           in CSV, JSON and the answers file's summary; files never name
 *           "unanswered": an unanswered question has no status
 *   LABEL   the name for people (at most 24 columns)
 *   DIGIT   the key that gives this answer in the question view
 *   HELP    its line on the help screen
 *   MET     it counts as met
 *   EXCL    it is taken out of the denominator (not applicable)
 *   REASON  it needs a reason (a note); without one it is not met and
 *           UNMET says why
 *   BRIEF   its place among the few counts kept in the answers file's
 *           summary and, when it can never count (neither MET nor EXCL),
 *           in the reports' "not met, by kind"; 0 when left out
 *   COLOUR  its colour in charts (the HTML report), a CSS colour
 *   MERIT   how far it meets the question, for combining the answers of
 *           several questions into one (a merge takes the least); the
 *           most conservative reading comes first: not implemented 1,
 *           unknown 2, partial 3 ... not applicable last (it only stands
 *           when every part is not applicable); 0 for unanswered
 * Everything else about statuses is derived from this table. */
#define ANS_STATUS_TABLE(X) \
  /* TRANSLATORS: answer statuses, as in the glossary. At most 24 columns. */ \
  X(NONE, "unanswered", N_("Unanswered"), '0', N_("clear the answer"), \
    0, 0, 0, NULL, 1, "#fff", 0) \
  X(IMPLEMENTED, "implemented", N_("Implemented"), '1', N_("implemented"), \
    1, 0, 0, NULL, 0, "#4e9a52", 5) \
  X(PARTIAL, "partial", N_("Partially implemented"), '2', N_("partially implemented"), \
    0, 0, 0, NULL, 3, "#f4b860", 3) \
  X(NOT_IMPLEMENTED, "not_implemented", N_("Not implemented"), '3', N_("not implemented"), \
    0, 0, 0, NULL, 4, "#e0675a", 1) \
  X(ALTERNATIVE, "alternative", N_("Alternative measure"), '4', \
    N_("alternative measure (asks for the reason)"), \
    1, 0, 1, N_("alternative measure without a reason"), 0, "#a9d8a0", 4) \
  X(NOT_APPLICABLE, "not_applicable", N_("Not applicable"), '5', \
    N_("not applicable (asks for the reason)"), \
    0, 1, 1, N_("not applicable without a reason"), 5, "#d4d4d4", 6) \
  X(UNKNOWN, "unknown", N_("Unknown"), '6', N_("unknown"), \
    0, 0, 0, NULL, 2, "#b5acd6", 2)

enum ans_status
{
#define ANS_ENUM_(id, ...) ANS_##id,
  ANS_STATUS_TABLE(ANS_ENUM_)
#undef ANS_ENUM_
  ANS_STATUS_COUNT
};

/* One row of the table. */
typedef struct ans_status_info
{
  const char *key, *label;    /* label, help and unmet untranslated (N_) */
  char digit;
  const char *help;
  bool met, excluded, reason;
  const char *unmet;
  int brief;
  const char *colour;
  int merit;
} ans_status_info;

extern const ans_status_info ans_statuses[ANS_STATUS_COUNT];
/* The statuses files may name (all but unanswered). */
extern const vocab ans_status_vocab;

/* The i-th status in the order people and columns see them: the answers
 * by digit, then unanswered (0 <= i < ANS_STATUS_COUNT). */
static inline enum ans_status
ans_status_nth(int i)
{
  return (enum ans_status) ((i + 1) % ANS_STATUS_COUNT);
}

/* The statuses with a BRIEF place, in that order; returns how many. */
int ans_brief_statuses(enum ans_status out[ANS_STATUS_COUNT]);

/* The improvement plan of an answer (the "Act" of PDCA): what will be
 * done about a question not met, by whom, by when, and when it was done.
 * X(ID, KEY, LABEL, DATE): ANS_PLAN_<ID>, the key in answers files, CSV
 * and JSON, the name for people (at most 10 columns), and whether the
 * value is a date, YYYY-MM-DD (ans_valid_date). */
#define ANS_PLAN_TABLE(X) \
  /* TRANSLATORS: improvement plan fields. At most 10 columns. */ \
  X(ACTION, "action", N_("Action"), 0) \
  X(OWNER, "owner", N_("Owner"), 0) \
  X(DUE, "due", N_("Due"), 1) \
  X(DONE, "done", N_("Done"), 1)

enum ans_plan
{
#define ANS_ENUM_(id, key, label, date) ANS_PLAN_##id,
  ANS_PLAN_TABLE(ANS_ENUM_)
#undef ANS_ENUM_
  ANS_PLAN_COUNT
};

/* The plan's keys, NULL-ended. */
extern const char *const ans_plan_keys[ANS_PLAN_COUNT + 1];

typedef struct ans_entry
{
  enum ans_status status;
  char *note;                 /* NULL or text */
  char *evidence;             /* a reference: title, number or path */
  char *updated;              /* ISO 8601 time of the last change */
  unsigned revision;          /* the question revision it was given for (>= 1) */
  bool reconfirm;             /* carried from an earlier revision, question or
                                 questionnaire: to be confirmed by choosing a
                                 status again */
  char *from;                 /* after a migration: "QID: id, ..." it came from */
  /* After a migration through a narrower or overlapping relation: the
   * carried answer, not taken as given (status stays unanswered) until
   * the respondent chooses a status; ANS_NONE when there is none. */
  enum ans_status proposal;
  char *plan[ANS_PLAN_COUNT]; /* NULL or text; the dates YYYY-MM-DD */
  bool review;                /* marked by the respondent to look at again */
  bool unreached;             /* after a migration: no earlier answer reached it */
} ans_entry;

/* An answer to a question this questionnaire no longer asks: retired on
 * purpose, unknown to it, or (after a migration) not mapped.  Kept in the
 * answers file's retired list and in reports, never dropped. */
typedef struct ans_retired
{
  char *question;             /* the id it was given to */
  enum ans_status status;
  char *note, *evidence, *updated;
  unsigned revision;
  char *from;                 /* the questionnaire id it came from, or NULL */
  char *plan[ANS_PLAN_COUNT]; /* its improvement plan, kept with it */
} ans_retired;

/* The respondent profile: X(ID, KEY, LABEL, FORM): ANS_<ID>, the key in
 * answers files and JSON, the name for people (at most 14 columns), and
 * whether the profile form edits it (those come first). */
#define ANS_FIELD_TABLE(X) \
  /* TRANSLATORS: respondent profile fields. At most 14 columns. */ \
  X(ORGANIZATION, "organization", N_("Organisation"), 1) \
  X(SECTOR, "sector", N_("Sector"), 1) \
  X(RESPONDENT, "respondent", N_("Respondent"), 1) \
  X(ROLE, "role", N_("Role"), 1) \
  X(STARTED, "started", N_("Started at"), 0)

enum ans_field
{
#define ANS_ENUM_(id, key, label, form) ANS_##id,
  ANS_FIELD_TABLE(ANS_ENUM_)
#undef ANS_ENUM_
  ANS_FIELD_COUNT
};

/* The fields of the profile form: ANS_ORGANIZATION up to this. */
#define ANS_FORM_(id, key, label, form) +(form)
enum { ANS_FORM_FIELDS = 0 ANS_FIELD_TABLE(ANS_FORM_) };
#undef ANS_FORM_

/* The profile's keys, NULL-ended, for checking a file's profile group. */
extern const char *const ans_field_keys[ANS_FIELD_COUNT + 1];

/* The answers to a scope question (qn_scope), X(ID, KEY, LABEL): files
 * and reports name yes and no; an unanswered one is absent from files
 * and keeps every question it governs in scope. */
#define ANS_SCOPE_TABLE(X) \
  /* TRANSLATORS: answers to a scope question ("Does your organisation \
     operate control systems?"). At most 14 columns. */ \
  X(UNSET, "", N_("Not answered")) \
  X(YES, "yes", N_("Yes")) \
  X(NO, "no", N_("No"))

enum ans_scope
{
#define ANS_ENUM_(id, key, label) ANS_SCOPE_##id,
  ANS_SCOPE_TABLE(ANS_ENUM_)
#undef ANS_ENUM_
  ANS_SCOPE_COUNT
};

/* yes and no, for files. */
extern const vocab ans_scope_vocab;

/* One scope answer: the scope question's id and what was answered. */
typedef struct ans_scope_answer
{
  char *id;
  enum ans_scope value;
} ans_scope_answer;

/* What an assessment records of the cycle before it (kijun --next-cycle):
 * where its answers file was, when it started, and its coverage, so that
 * the changes can be shown even when that file is gone.  The figures are
 * counts over this assessment's questionnaire, overall and by phase. */
typedef struct ans_figure
{
  unsigned met, applicable;
} ans_figure;
typedef struct ans_previous
{
  char *path;                 /* its answers file, as recorded */
  char *started;              /* its profile's start; may be NULL */
  bool figures;               /* the figures below were recorded */
  ans_figure all[QN_LEVEL_COUNT];
  ans_figure phase[QN_PHASE_COUNT][QN_LEVEL_COUNT];
} ans_previous;

typedef struct assessment
{
  const questionnaire *qn;
  char *profile[ANS_FIELD_COUNT];
  ans_entry *e;               /* qn->nquestions entries */
  ans_retired *retired;       /* answers to questions no longer asked */
  size_t nretired, retired_cap;
  /* Scope answers: the first qn->nscopes are the questionnaire's scope
   * questions, in its order (UNSET when not answered); then the answers
   * to scope questions it does not ask, kept and written back. */
  ans_scope_answer *scope;
  size_t nscope;
  char *position;             /* the question the respondent was at, or NULL */
  ans_previous *previous;     /* NULL: no previous cycle recorded */
} assessment;

assessment *ans_new(const questionnaire *qn);
void ans_free(assessment *a);

/* Setters stamp the entry with the current time (see ans_now).  A NULL or
 * empty string clears the field.  Choosing a status, the same or another,
 * confirms the answer for the question's current revision. */
void ans_set_status(assessment *a, size_t qi, enum ans_status st);
void ans_set_note(assessment *a, size_t qi, const char *note);
void ans_set_evidence(assessment *a, size_t qi, const char *evidence);
void ans_set_profile(assessment *a, enum ans_field f, const char *value);
/* Profile field f as people read it, in language l: the sector by its
 * name in q (its id when q has no such sector); NULL when empty. */
const char *ans_profile_shown(const questionnaire *q, const assessment *a, enum ans_field f, enum lang l);
/* The answer to the questionnaire's scope question si. */
enum ans_scope ans_scope_of(const assessment *a, size_t si);
/* Answer the scope question id (UNSET clears the answer): one the
 * questionnaire asks, or else one it does not, which is kept.  Answers
 * to the questions it governs are never touched. */
void ans_set_scope(assessment *a, const char *id, enum ans_scope v);
/* Whether question qi is in scope: it states no scope questions, or one
 * of those it states is not answered no.  A question out of scope is left
 * out of every figure (coverage.h), its answer kept. */
bool ans_in_scope(const assessment *a, size_t qi);
/* Why question qi is out of scope, in the current message language with
 * the questionnaire's texts in l: "not in scope: no control systems"
 * (newly allocated); NULL when it is in scope. */
char *ans_scope_reason(const assessment *a, size_t qi, enum lang l);
/* The same reason whatever the answers: what takes question qi out of
 * scope when its scope questions are answered no (for the aggregate of
 * many assessments); NULL when it states none. */
char *ans_scope_reason_text(const questionnaire *q, size_t qi, enum lang l);
/* Give to every scope answer of from (kept ones too), by id. */
void ans_copy_scope(assessment *to, const assessment *from);
/* The key in files ("yes"), and the name for people. */
const char *ans_scope_key(enum ans_scope v);
const char *ans_scope_name(enum ans_scope v);

/* Where the respondent is (a question id; NULL: nowhere); whether it changed. */
bool ans_set_position(assessment *a, const char *id);
/* A plan field; it does not change when the answer was updated (the plan
 * carries its own dates). */
void ans_set_plan(assessment *a, size_t qi, enum ans_plan f, const char *value);
/* Copy every field of from (status, texts, revision, reconfirm, origin,
 * plan) into entry qi of a. */
void ans_copy_entry(assessment *a, size_t qi, const ans_entry *from);
/* A copy of e to keep aside (ans_entry_free frees it). */
void ans_entry_dup(ans_entry *out, const ans_entry *e);
void ans_entry_free(ans_entry *e);
/* Whether an answer has any plan field. */
bool ans_has_plan(const ans_entry *e);
void ans_previous_free(ans_previous *p);

/* What one question's answer said, as a source to carry to another
 * question (an earlier edition's, or another questionnaire's). */
typedef struct ans_source
{
  const char *id;             /* the question it answered */
  enum ans_status status;
  const char *note, *evidence, *updated;
  unsigned revision;
  bool reconfirm;
  const char *plan[ANS_PLAN_COUNT];
} ans_source;

/* Give question qi what the sources said (n >= 1, in order).  One source
 * is copied as it is; several are merged: the least met status (MERIT),
 * every note and evidence reference kept, each line labelled "[id] ",
 * the latest time, the lowest revision, and marked to reconfirm; of
 * their plans, every action (labelled) and owner, the earliest due date,
 * and a done date only when every action is done (the latest).  Also
 * marked when uncertain is set, when the source was, or when the
 * question's revision is above the answer's.  Strings are copied. */
void ans_combine(assessment *a, size_t qi, const ans_source *const *src, size_t n, bool uncertain);

/* Append a copy of r (its strings duplicated) to the retired answers. */
void ans_add_retired(assessment *a, const ans_retired *r);
/* Whether the entry holds anything a person gave: a status, a note,
 * evidence or a plan. */
bool ans_given(const ans_entry *e);
/* How far a status meets its question, for combining answers (a merge
 * takes the least); see MERIT in the status table. */
int ans_merit(enum ans_status st);

/* Whether an answer carries a reason (a non-blank note). */
bool ans_has_reason(const ans_entry *e);
/* Whether the status needs a reason (alternative, not applicable). */
bool ans_needs_reason(enum ans_status st);
/* Whether the question at qi wants attention: in scope, and unanswered or
 * its answer awaits reconfirmation (where a session opens); with
 * reasons, also when its answer needs a reason it lacks (what Tab
 * visits). */
bool ans_open(const assessment *a, size_t qi, bool reasons);
/* The first position in walk order at or after from (wrapping around)
 * whose question is open, or nquestions when none is. */
size_t ans_next_open(const assessment *a, size_t from, bool reasons);

/* The key used in files ("implemented") and the name for people. */
const char *ans_status_key(enum ans_status st);
const char *ans_status_name(enum ans_status st);
/* The status the digit gives in the question view, or -1. */
int ans_status_of_digit(int digit);
const char *ans_field_key(enum ans_field f);
const char *ans_field_name(enum ans_field f);
const char *ans_plan_key(enum ans_plan f);
const char *ans_plan_name(enum ans_plan f);
bool ans_plan_is_date(enum ans_plan f);

/* Current local time as ISO 8601 with offset, e.g.
 * 2026-11-22T10:00:00+09:00.  SOURCE_DATE_EPOCH, when set to whole seconds
 * from 1970 to 9999, replaces the clock (for reproducible tests) and is
 * shown in UTC; another value is ignored. */
void ans_now(char buf[32]);
/* Today's date, YYYY-MM-DD, in local time (UTC under SOURCE_DATE_EPOCH,
 * as ans_now). */
#define ANS_DATE_SIZE 11
void ans_today(char buf[ANS_DATE_SIZE]);
/* Whether s is a time as ans_now writes it, ISO 8601: a valid date,
 * THH:MM:SS, an optional fraction, and Z or an offset (+09:00). */
bool ans_valid_time(const char *s);
/* Whether s is a calendar date written YYYY-MM-DD (2027-02-29 is not). */
bool ans_valid_date(const char *s);

#endif
