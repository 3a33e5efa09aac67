/* answers: the in-memory assessment.  See answers.h. */
#include <config.h>
#include "model/answers.h"

#include <stddef.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"

assessment *
ans_new(const questionnaire *qn)
{
  assessment *a = xcalloc(1, sizeof *a);
  a->qn = qn;
  a->e = xcalloc(qn->nquestions ? qn->nquestions : 1, sizeof *a->e);
  a->nscope = qn->nscopes;
  a->scope = xcalloc(qn->nscopes ? qn->nscopes : 1, sizeof *a->scope);
  for (size_t i = 0; i < qn->nscopes; i++)
    a->scope[i].id = xstrdup(qn->scopes[i].id);
  return a;
}

void
ans_free(assessment *a)
{
  if (!a)
    return;
  for (size_t i = 0; i < a->qn->nquestions; i++)
    {
      free(a->e[i].note);
      free(a->e[i].evidence);
      free(a->e[i].updated);
      free(a->e[i].from);
      for (int f = 0; f < ANS_PLAN_COUNT; f++)
        free(a->e[i].plan[f]);
    }
  for (size_t i = 0; i < a->nretired; i++)
    {
      ans_retired *r = &a->retired[i];
      free(r->question);
      free(r->note);
      free(r->evidence);
      free(r->updated);
      free(r->from);
      for (int f = 0; f < ANS_PLAN_COUNT; f++)
        free(r->plan[f]);
    }
  free(a->retired);
  for (size_t i = 0; i < a->nscope; i++)
    free(a->scope[i].id);
  free(a->scope);
  ans_previous_free(a->previous);
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    free(a->profile[f]);
  free(a->position);
  free(a->e);
  free(a);
}

void
ans_previous_free(ans_previous *p)
{
  if (!p)
    return;
  free(p->path);
  free(p->started);
  free(p);
}

/* The time now, and whether it is SOURCE_DATE_EPOCH's (then in UTC). */
static bool
clock_now(struct tm *tm)
{
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  time_t t;
  if (sde && *sde)
    {
      /* Only a whole number of seconds from 1970 to the end of 9999 (the
       * times files hold have four-digit years); anything else is not a
       * reproducible clock, and the real one is used. */
      char *end;
      errno = 0;
      long long v = strtoll(sde, &end, 10);
      if (!errno && !*end && *sde >= '0' && *sde <= '9' && v <= 253402300799LL)
        {
          t = (time_t) v;
          if (gmtime_r(&t, tm))
            return true;
        }
    }
  t = time(NULL);
  localtime_r(&t, tm);
  return false;
}

void
ans_today(char buf[ANS_DATE_SIZE])
{
  struct tm tm;
  clock_now(&tm);
  strftime(buf, ANS_DATE_SIZE, "%Y-%m-%d", &tm);
}

bool
ans_valid_date(const char *s)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
      return false;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}

bool
ans_valid_time(const char *s)
{
  /* YYYY-MM-DDTHH:MM:SS, then an optional fraction, then Z or an offset
   * +HH:MM (or +HHMM). */
  if (!s || strlen(s) < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':')
    return false;
  char date[ANS_DATE_SIZE];
  memcpy(date, s, 10);
  date[10] = '\0';
  if (!ans_valid_date(date))
    return false;
  for (int i = 11; i < 19; i++)
    if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
      return false;
  if (atoi(s + 11) > 23 || atoi(s + 14) > 59 || atoi(s + 17) > 60)
    return false;
  const char *p = s + 19;
  if (*p == '.')
    {
      if (p[1] < '0' || p[1] > '9')
        return false;
      for (p++; *p >= '0' && *p <= '9'; p++)
        ;
    }
  if (p[0] == 'Z')
    return p[1] == '\0';
  if (p[0] != '+' && p[0] != '-')
    return false;
  p++;
  size_t n = strlen(p);
  bool colon = n == 5 && p[2] == ':';
  if (!(colon || n == 4))
    return false;
  for (size_t i = 0; i < n; i++)
    if (!(colon && i == 2) && (p[i] < '0' || p[i] > '9'))
      return false;
  return (p[0] - '0') * 10 + (p[1] - '0') <= 23 && atoi(p + (colon ? 3 : 2)) <= 59;
}

void
ans_now(char buf[32])
{
  struct tm tm;
  if (clock_now(&tm))
    {
      strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
      return;
    }
  char z[8];
  strftime(z, sizeof z, "%z", &tm);
  /* %z gives +0900; ISO 8601 extended format wants +09:00. */
  strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
  size_t n = strlen(buf);
  snprintf(buf + n, 32 - n, "%.3s:%.2s", z, z + 3);
}

static void
replace(char **field, const char *value)
{
  free(*field);
  *field = value && *value ? xstrdup(value) : NULL;
}

static void
stamp(ans_entry *e)
{
  char now[32];
  ans_now(now);
  replace(&e->updated, now);
}

void
ans_set_status(assessment *a, size_t qi, enum ans_status st)
{
  a->e[qi].status = st;
  a->e[qi].reconfirm = false;
  a->e[qi].proposal = ANS_NONE;
  a->e[qi].revision = a->qn->questions[qi].revision;
  stamp(&a->e[qi]);
}

static char *
dup_or_null(const char *s)
{
  return s ? xstrdup(s) : NULL;
}

void
ans_add_retired(assessment *a, const ans_retired *r)
{
  a->retired = xgrow(a->retired, &a->retired_cap, a->nretired + 1, sizeof *a->retired);
  a->retired[a->nretired++] = (ans_retired){
    dup_or_null(r->question), r->status, dup_or_null(r->note), dup_or_null(r->evidence),
    dup_or_null(r->updated), r->revision ? r->revision : 1, dup_or_null(r->from), { NULL },
  };
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    a->retired[a->nretired - 1].plan[f] = dup_or_null(r->plan[f]);
}

/* "[id] text" for each of the sources that has text, one a line. */
static char *labelled(const ans_source *const *src, size_t n, size_t field);

/* The plans of several answers merged into one: every action, labelled
 * with its question; every owner; the earliest due date; done only when
 * every action is (on the latest date). */
static void
combine_plans(ans_entry *e, const ans_source *const *src, size_t n)
{
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    {
      free(e->plan[f]);
      e->plan[f] = NULL;
    }
  e->plan[ANS_PLAN_ACTION] = labelled(src, n, offsetof(ans_source, plan[ANS_PLAN_ACTION]));
  const char *due = NULL, *done = NULL;
  bool all_done = true;
  for (size_t k = 0; k < n; k++)
    {
      const char *const *p = src[k]->plan;
      /* Each owner once, compared whole: "Ops" is not "DevOps". */
      bool seen = false;
      for (size_t j = 0; p[ANS_PLAN_OWNER] && !seen && j < k; j++)
        seen = src[j]->plan[ANS_PLAN_OWNER] && strcmp(src[j]->plan[ANS_PLAN_OWNER], p[ANS_PLAN_OWNER]) == 0;
      if (p[ANS_PLAN_OWNER] && !seen)
        {
          char *next = e->plan[ANS_PLAN_OWNER] ? xasprintf("%s, %s", e->plan[ANS_PLAN_OWNER], p[ANS_PLAN_OWNER])
                                               : xstrdup(p[ANS_PLAN_OWNER]);
          free(e->plan[ANS_PLAN_OWNER]);
          e->plan[ANS_PLAN_OWNER] = next;
        }
      /* Dates written YYYY-MM-DD order as text. */
      if (p[ANS_PLAN_DUE] && (!due || strcmp(p[ANS_PLAN_DUE], due) < 0))
        due = p[ANS_PLAN_DUE];
      if (p[ANS_PLAN_ACTION] && !p[ANS_PLAN_DONE])
        all_done = false;
      if (p[ANS_PLAN_DONE] && (!done || strcmp(p[ANS_PLAN_DONE], done) > 0))
        done = p[ANS_PLAN_DONE];
    }
  e->plan[ANS_PLAN_DUE] = dup_or_null(due);
  e->plan[ANS_PLAN_DONE] = all_done && e->plan[ANS_PLAN_ACTION] ? dup_or_null(done) : NULL;
}

static char *
labelled(const ans_source *const *src, size_t n, size_t field)
{
  /* Measured first, then written once: linear in what is kept. */
  size_t len = 0;
  bool any = false;
  for (size_t k = 0; k < n; k++)
    {
      const char *t = *(const char *const *) ((const char *) src[k] + field);
      if (t)
        len += strlen(src[k]->id) + strlen(t) + 4, any = true;
    }
  if (!any)
    return NULL;
  char *out = xmalloc(len + 1), *p = out;
  for (size_t k = 0; k < n; k++)
    {
      const char *t = *(const char *const *) ((const char *) src[k] + field);
      if (t)
        p += sprintf(p, "%s[%s] %s", p == out ? "" : "\n", src[k]->id, t);
    }
  return out;
}

void
ans_combine(assessment *a, size_t qi, const ans_source *const *src, size_t n, bool uncertain)
{
  ans_entry *e = &a->e[qi];
  const ans_source *first = src[0];
  e->revision = first->revision;
  e->reconfirm = uncertain || n > 1;
  if (n == 1)
    {
      e->status = first->status;
      replace(&e->note, first->note);
      replace(&e->evidence, first->evidence);
      replace(&e->updated, first->updated);
      e->reconfirm |= first->reconfirm;
      for (int f = 0; f < ANS_PLAN_COUNT; f++)
        replace(&e->plan[f], first->plan[f]);
    }
  else
    {
      const char *upd = NULL;
      e->status = ANS_NONE;
      for (size_t k = 0; k < n; k++)
        {
          const ans_source *g = src[k];
          if (g->status != ANS_NONE
              && (e->status == ANS_NONE || ans_merit(g->status) < ans_merit(e->status)))
            e->status = g->status;
          if (g->updated && (!upd || strcmp(g->updated, upd) > 0))
            upd = g->updated;
          if (g->revision < e->revision)
            e->revision = g->revision;
        }
      free(e->note);
      free(e->evidence);
      e->note = labelled(src, n, offsetof(ans_source, note));
      e->evidence = labelled(src, n, offsetof(ans_source, evidence));
      replace(&e->updated, upd);
      combine_plans(e, src, n);
    }
  /* Only an answer can wait for confirmation; a note alone is kept. */
  e->reconfirm = e->status != ANS_NONE && (e->reconfirm || e->revision < a->qn->questions[qi].revision);
}

bool
ans_given(const ans_entry *e)
{
  return e->status != ANS_NONE || e->proposal != ANS_NONE || e->note || e->evidence || ans_has_plan(e);
}

int
ans_merit(enum ans_status st)
{
  return ans_statuses[st].merit;
}

void
ans_set_note(assessment *a, size_t qi, const char *note)
{
  replace(&a->e[qi].note, note);
  stamp(&a->e[qi]);
}

void
ans_set_evidence(assessment *a, size_t qi, const char *evidence)
{
  replace(&a->e[qi].evidence, evidence);
  stamp(&a->e[qi]);
}

void
ans_set_profile(assessment *a, enum ans_field f, const char *value)
{
  replace(&a->profile[f], value);
}

enum ans_scope
ans_scope_of(const assessment *a, size_t si)
{
  return si < a->qn->nscopes ? a->scope[si].value : ANS_SCOPE_UNSET;
}

void
ans_set_scope(assessment *a, const char *id, enum ans_scope v)
{
  for (size_t i = 0; i < a->nscope; i++)
    if (strcmp(a->scope[i].id, id) == 0)
      {
        a->scope[i].value = v;
        return;
      }
  if (v == ANS_SCOPE_UNSET)
    return;
  a->scope = xrealloc(a->scope, (a->nscope + 1) * sizeof *a->scope);
  a->scope[a->nscope++] = (ans_scope_answer){ xstrdup(id), v };
}

void
ans_copy_scope(assessment *to, const assessment *from)
{
  for (size_t i = 0; i < from->nscope; i++)
    if (from->scope[i].value != ANS_SCOPE_UNSET)
      ans_set_scope(to, from->scope[i].id, from->scope[i].value);
}

bool
ans_in_scope(const assessment *a, size_t qi)
{
  const qn_question *x = &a->qn->questions[qi];
  for (size_t k = 0; k < x->napplies; k++)
    if (a->scope[x->applies[k]].value != ANS_SCOPE_NO)
      return true;
  return x->napplies == 0;
}

char *
ans_scope_reason(const assessment *a, size_t qi, enum lang l)
{
  return ans_in_scope(a, qi) ? NULL : ans_scope_reason_text(a->qn, qi, l);
}

char *
ans_scope_reason_text(const questionnaire *q, size_t qi, enum lang l)
{
  const qn_question *x = &q->questions[qi];
  if (!x->napplies)
    return NULL;
  char *why = xstrdup(qn_tr(&q->scopes[x->applies[0]].absent, l));
  for (size_t k = 1; k < x->napplies; k++)
    {
      /* TRANSLATORS: joins the reasons a question is out of scope: "no
         internet-facing services, no telework". */
      char *more = xasprintf(_("%s, %s"), why, qn_tr(&q->scopes[x->applies[k]].absent, l));
      free(why);
      why = more;
    }
  /* TRANSLATORS: why a question is left out of the figures; %s is what
     the profile's scope answers say, e.g. "no control systems". */
  char *out = xasprintf(_("not in scope: %s"), why);
  free(why);
  return out;
}

const char *
ans_profile_shown(const questionnaire *q, const assessment *a, enum ans_field f, enum lang l)
{
  const char *v = a->profile[f];
  const qn_sector *s = f == ANS_SECTOR && v ? qn_find_sector(q, v) : NULL;
  return s ? qn_tr(&s->name, l) : v;
}

void
ans_set_plan(assessment *a, size_t qi, enum ans_plan f, const char *value)
{
  replace(&a->e[qi].plan[f], value);
}

void
ans_copy_entry(assessment *a, size_t qi, const ans_entry *from)
{
  ans_entry *e = &a->e[qi];
  e->status = from->status;
  replace(&e->note, from->note);
  replace(&e->evidence, from->evidence);
  replace(&e->updated, from->updated);
  replace(&e->from, from->from);
  e->revision = from->revision;
  e->reconfirm = from->reconfirm;
  e->proposal = from->proposal;
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    replace(&e->plan[f], from->plan[f]);
}

void
ans_entry_dup(ans_entry *out, const ans_entry *e)
{
  *out = *e;
  out->note = e->note ? xstrdup(e->note) : NULL;
  out->evidence = e->evidence ? xstrdup(e->evidence) : NULL;
  out->updated = e->updated ? xstrdup(e->updated) : NULL;
  out->from = e->from ? xstrdup(e->from) : NULL;
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    out->plan[f] = e->plan[f] ? xstrdup(e->plan[f]) : NULL;
}

void
ans_entry_free(ans_entry *e)
{
  free(e->note);
  free(e->evidence);
  free(e->updated);
  free(e->from);
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    free(e->plan[f]);
  *e = (ans_entry){ 0 };
}

bool
ans_has_plan(const ans_entry *e)
{
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    if (e->plan[f])
      return true;
  return false;
}

bool
ans_set_position(assessment *a, const char *id)
{
  if ((!id && !a->position) || (id && a->position && strcmp(id, a->position) == 0))
    return false;
  replace(&a->position, id);
  return true;
}

bool
ans_has_reason(const ans_entry *e)
{
  if (!e->note)
    return false;
  for (const char *p = e->note; *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n')
      return true;
  return false;
}

bool
ans_needs_reason(enum ans_status st)
{
  return ans_statuses[st].reason;
}

bool
ans_open(const assessment *a, size_t qi, bool reasons)
{
  const ans_entry *e = &a->e[qi];
  if (!ans_in_scope(a, qi))
    return false;
  return e->status == ANS_NONE || e->reconfirm || (reasons && ans_needs_reason(e->status) && !ans_has_reason(e));
}

size_t
ans_next_open(const assessment *a, size_t from, bool reasons)
{
  const questionnaire *q = a->qn;
  for (size_t k = 0; k < q->nquestions; k++)
    {
      size_t pos = (from + k) % q->nquestions;
      if (ans_open(a, q->order[pos], reasons))
        return pos;
    }
  return q->nquestions;
}

/* ---- the tables (answers.h) ------------------------------------------ */

#define ROW_(id, key, label, digit, help, met, excl, reason, unmet, brief, colour, merit) \
  [ANS_##id] = { key, label, digit, help, met, excl, reason, unmet, brief, colour, merit },
const ans_status_info ans_statuses[ANS_STATUS_COUNT] = { ANS_STATUS_TABLE(ROW_) };
#undef ROW_
_Static_assert(sizeof ans_statuses / sizeof ans_statuses[0] == ANS_STATUS_COUNT, "one row a status");
/* A digit is one key press, and the digits follow the rows: 0 clears. */
_Static_assert(ANS_STATUS_COUNT <= 10, "a digit for every status");
#define DIGIT_(id, key, label, digit, ...) \
  _Static_assert((digit) == '0' + ANS_##id, "status " #id ": the digits follow the table's order");
ANS_STATUS_TABLE(DIGIT_)
#undef DIGIT_

#define KEY_(id, key, ...) key,
static const char *const status_keys[] = { ANS_STATUS_TABLE(KEY_) };
#undef KEY_
_Static_assert(sizeof status_keys / sizeof status_keys[0] == ANS_STATUS_COUNT, "one key a status");
/* Files never say "unanswered". */
const vocab ans_status_vocab = { status_keys, ANS_STATUS_COUNT, ANS_NONE + 1 };

#define KEY_(id, key, label) key,
#define LABEL_(id, key, label) label,
static const char *const scope_keys[] = { ANS_SCOPE_TABLE(KEY_) };
static const char *const scope_labels[] = { ANS_SCOPE_TABLE(LABEL_) };
#undef KEY_
#undef LABEL_
_Static_assert(sizeof scope_keys / sizeof scope_keys[0] == ANS_SCOPE_COUNT, "one key a scope answer");
/* Files never say "unanswered". */
const vocab ans_scope_vocab = { scope_keys, ANS_SCOPE_COUNT, ANS_SCOPE_UNSET + 1 };

const char *
ans_scope_key(enum ans_scope v)
{
  return scope_keys[v];
}

const char *
ans_scope_name(enum ans_scope v)
{
  return _(scope_labels[v]);
}

#define KEY_(id, key, label, form) key,
#define LABEL_(id, key, label, form) label,
const char *const ans_field_keys[ANS_FIELD_COUNT + 1] = { ANS_FIELD_TABLE(KEY_) NULL };
static const char *const field_labels[] = { ANS_FIELD_TABLE(LABEL_) };
#undef KEY_
#undef LABEL_
_Static_assert(sizeof field_labels / sizeof field_labels[0] == ANS_FIELD_COUNT, "one label a field");
#define FORM_(id, key, label, form) \
  _Static_assert(((form) != 0) == ((int) ANS_##id < (int) ANS_FORM_FIELDS), \
                 "field " #id ": the form's fields come first");
ANS_FIELD_TABLE(FORM_)
#undef FORM_

const char *
ans_status_key(enum ans_status st)
{
  return ans_statuses[st].key;
}

const char *
ans_status_name(enum ans_status st)
{
  return _(ans_statuses[st].label);
}

int
ans_status_of_digit(int digit)
{
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    if (ans_statuses[i].digit == digit)
      return i;
  return -1;
}

int
ans_brief_statuses(enum ans_status out[ANS_STATUS_COUNT])
{
  int n = 0;
  for (int place = 1; place <= ANS_STATUS_COUNT; place++)
    for (int i = 0; i < ANS_STATUS_COUNT; i++)
      if (ans_statuses[i].brief == place)
        out[n++] = (enum ans_status) i;
  return n;
}

#define KEY_(id, key, label, date) key,
#define LABEL_(id, key, label, date) label,
#define DATE_(id, key, label, date) date,
const char *const ans_plan_keys[ANS_PLAN_COUNT + 1] = { ANS_PLAN_TABLE(KEY_) NULL };
static const char *const plan_labels[] = { ANS_PLAN_TABLE(LABEL_) };
static const bool plan_dates[] = { ANS_PLAN_TABLE(DATE_) };
#undef KEY_
#undef LABEL_
#undef DATE_
_Static_assert(sizeof plan_labels / sizeof plan_labels[0] == ANS_PLAN_COUNT, "one label a plan field");

const char *
ans_plan_key(enum ans_plan f)
{
  return ans_plan_keys[f];
}

const char *
ans_plan_name(enum ans_plan f)
{
  return _(plan_labels[f]);
}

bool
ans_plan_is_date(enum ans_plan f)
{
  return plan_dates[f];
}

const char *
ans_field_key(enum ans_field f)
{
  return ans_field_keys[f];
}

const char *
ans_field_name(enum ans_field f)
{
  return _(field_labels[f]);
}
