/* answers: the in-memory assessment.  See answers.h. */
#include <config.h>
#include "answers.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

assessment *
ans_new(const questionnaire *qn)
{
  assessment *a = xcalloc(1, sizeof *a);
  a->qn = qn;
  a->e = xcalloc(qn->nquestions ? qn->nquestions : 1, sizeof *a->e);
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
    }
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    free(a->profile[f]);
  free(a->e);
  free(a);
}

void
ans_now(char buf[32])
{
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  time_t t;
  struct tm tm;
  if (sde && *sde)
    {
      t = (time_t) strtoll(sde, NULL, 10);
      gmtime_r(&t, &tm);
      strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
      return;
    }
  t = time(NULL);
  localtime_r(&t, &tm);
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
  stamp(&a->e[qi]);
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
  return st == ANS_ALTERNATIVE || st == ANS_NOT_APPLICABLE;
}

size_t
ans_first_unanswered(const assessment *a)
{
  const questionnaire *q = a->qn;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    if (a->e[q->order[pos]].status == ANS_NONE)
      return pos;
  return q->nquestions;
}

size_t
ans_count_answered(const assessment *a)
{
  size_t n = 0;
  for (size_t i = 0; i < a->qn->nquestions; i++)
    n += a->e[i].status != ANS_NONE;
  return n;
}

static const char *const status_keys[] = {
  "unanswered", "implemented", "partial", "not_implemented", "alternative", "not_applicable", "unknown",
};

const char *
ans_status_key(enum ans_status st)
{
  return status_keys[st];
}

int
ans_status_parse(const char *s)
{
  for (int i = 1; i < ANS_STATUS_COUNT; i++)
    if (strcmp(status_keys[i], s) == 0)
      return i;
  return -1;
}

const char *
ans_status_name(enum ans_status st)
{
  static const char *const names[] = {
    /* TRANSLATORS: answer statuses, as in the glossary. Shown in a column
       of 24 columns at most. */
    N_("Unanswered"), N_("Implemented"), N_("Partially implemented"), N_("Not implemented"),
    N_("Alternative measure"), N_("Not applicable"), N_("Unknown"),
  };
  return _(names[st]);
}

static const char *const field_keys[] = { "organization", "sector", "respondent", "role", "started" };

const char *
ans_field_key(enum ans_field f)
{
  return field_keys[f];
}

const char *
ans_field_name(enum ans_field f)
{
  static const char *const names[] = {
    /* TRANSLATORS: respondent profile fields. At most 14 columns. */
    N_("Organisation"), N_("Sector"), N_("Respondent"), N_("Role"), N_("Started at"),
  };
  return _(names[f]);
}
