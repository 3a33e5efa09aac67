/* find: the search and the go-to shared by the screens and the line mode
 * (see find.h), so that / and g mean the same in both. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "model/find.h"

/* Whether text holds the folded query. */
static bool
has(const char *text, const char *query)
{
  if (!text)
    return false;
  char *t = txt_fold(text);
  bool found = strstr(t, query) != NULL;
  free(t);
  return found;
}

static bool
matches(const questionnaire *q, const assessment *a, enum lang l, size_t p, const char *query)
{
  size_t i = q->order[p];
  const qn_question *x = &q->questions[i];
  const ans_entry *e = &a->e[i];
  return has(x->id, query) || has(qn_tr(&x->text, l), query) || has(e->note, query) || has(e->evidence, query);
}

bool
find_text(const questionnaire *q, const assessment *a, enum lang l, const char *query, size_t from, int dir,
          find_hit *hit)
{
  size_t n = q->nquestions;
  if (!query || !*query || n == 0)
    return false;
  /* from may be n (on from the last question): that start has wrapped. */
  char *folded = txt_fold(query);
  size_t at = n, count = 0, rank = 0;
  for (size_t k = 0; k < n && at == n; k++)
    {
      size_t p = dir < 0 ? (from + n - k) % n : (from + k) % n;
      if (matches(q, a, l, p, folded))
        at = p;
    }
  if (at < n)
    for (size_t p = 0; p < n; p++)
      if (matches(q, a, l, p, folded))
        {
          count++;
          if (p == at)
            rank = count;
        }
  free(folded);
  if (at == n)
    return false;
  hit->pos = at;
  hit->rank = rank;
  hit->count = count;
  hit->wrapped = dir < 0 ? at > from : at < from;
  return true;
}

bool
find_id(const questionnaire *q, const char *text, size_t *pos)
{
  char *id = txt_fold(text);
  char *start = id + strspn(id, " \t");
  for (size_t n = strlen(start); n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t');)
    start[--n] = '\0';
  long qi = qn_find_question(q, start), sec = qi < 0 ? qn_find_section(q, start) : -1;
  free(id);
  if (qi >= 0)
    {
      *pos = q->rank[qi];
      return true;
    }
  if (sec >= 0)
    for (size_t p = 0; p < q->nquestions; p++)
      if ((long) q->questions[q->order[p]].section == sec)
        {
          *pos = p;
          return true;
        }
  return false;
}
