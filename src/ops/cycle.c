/* cycle: the next cycle and the previous one.  See cycle.h. */
#include <config.h>
#include "ops/cycle.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "io/afile.h"
#include "base/i18n.h"
#include "io/store.h"
#include "base/xalloc.h"

assessment *
cycle_next(const assessment *old, const char *old_path, cycle_counts *counts)
{
  const questionnaire *q = old->qn;
  assessment *a = ans_new(q);
  *counts = (cycle_counts){ 0 };
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    if (f != ANS_STARTED)
      ans_set_profile(a, (enum ans_field) f, old->profile[f]);
  char now[32];
  ans_now(now);
  ans_set_profile(a, ANS_STARTED, now);
  /* The scope answers go along as they are: they describe the
   * organisation, not last year's answers. */
  ans_copy_scope(a, old);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const ans_entry *e = &old->e[i];
      ans_copy_entry(a, i, e);
      /* Last year's answer is this year's starting point, not this
       * year's answer: each waits for a person to confirm it. */
      a->e[i].reconfirm = e->status != ANS_NONE;
      counts->answers += e->status != ANS_NONE;
      counts->plans += ans_has_plan(e);
    }
  /* Answers to questions no longer asked go along: never dropped. */
  for (size_t k = 0; k < old->nretired; k++)
    ans_add_retired(a, &old->retired[k]);
  counts->retired = old->nretired;
  ans_previous *p = xcalloc(1, sizeof *p);
  p->path = xstrdup(old_path);
  p->started = old->profile[ANS_STARTED] ? xstrdup(old->profile[ANS_STARTED]) : NULL;
  coverage c;
  cov_compute(q, old, &c);
  p->figures = true;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      p->all[l] = (ans_figure){ c.all[l].met, c.all[l].applicable };
      for (int ph = 0; ph < QN_PHASE_COUNT; ph++)
        p->phase[ph][l] = (ans_figure){ c.phase[ph][l].met, c.phase[ph][l].applicable };
    }
  cov_free(&c);
  a->previous = p;
  return a;
}

int
cycle_start(const char *oldpath, const char *newpath, const char *qpath, diag_t *d,
            cycle_counts *counts)
{
  struct stat st;
  if (lstat(newpath, &st) == 0)
    {
      diag_add(d, newpath, 0,
               _("the file exists; kijun never overwrites it with a new cycle: name a new file"));
      return EX_CANTCREAT;
    }
  session s;
  int rc = session_open(&s, oldpath, qpath, false, d);
  if (rc)
    {
      session_close(&s);
      return rc;
    }
  char *where = afile_resolve(oldpath);
  assessment *a = cycle_next(s.a, where ? where : oldpath, counts);
  free(where);
  diag_t why = { 0 };
  int wrc = store_create(newpath, a, &why);
  if (wrc == EX_TEMPFAIL)
    diag_add(d, newpath, 0,
             _("the file exists; kijun never overwrites it with a new cycle: name a new file"));
  else if (wrc)
    diag_add(d, newpath, 0, _("cannot create: %s"), why.n ? why.msgs[0] : "");
  diag_clear(&why);
  if (wrc)
    rc = EX_CANTCREAT;
  ans_free(a);
  session_close(&s);
  return rc;
}

/* The recorded file, or the file of its name beside the answers file
 * (the two moved together); NULL when neither is there. */
static char *
find_recorded(const char *recorded, const char *answers)
{
  struct stat st;
  if (stat(recorded, &st) == 0)
    return xstrdup(recorded);
  const char *base = strrchr(recorded, '/');
  base = base ? base + 1 : recorded;
  const char *slash = strrchr(answers, '/');
  char *beside = slash ? xasprintf("%.*s/%s", (int) (slash - answers), answers, base) : xstrdup(base);
  if (stat(beside, &st) == 0)
    return beside;
  free(beside);
  return NULL;
}

int
cycle_open_previous(const session *s, const char *path, diag_t *d, assessment **out)
{
  *out = NULL;
  char *file = NULL;
  if (path)
    file = xstrdup(path);
  else if (s->a->previous && s->a->previous->path[0])
    {
      file = find_recorded(s->a->previous->path, s->path);
      if (!file)
        {
          diag_add(d, s->path, 0,
                   _("the previous cycle's answers file %s is not found; its recorded figures are shown instead"),
                   s->a->previous->path);
          return EX_NOINPUT;
        }
    }
  else
    return 0;
  /* What the previous file holds but this questionnaire cannot place
   * is said, as when it is opened. */
  int rc = store_load(file, &(store_target){ .q = s->qn }, d, out, NULL);
  free(file);
  return rc;
}

bool
cycle_then(const questionnaire *q, const assessment *a, const assessment *prev, coverage *c)
{
  if (prev)
    cov_compute(q, prev, c);
  else if (a->previous && a->previous->figures)
    cov_from_record(q, a->previous, c);
  else
    return false;
  return true;
}

void
cycle_then_names(const assessment *a, const assessment *prev, const char *path,
                 const char **file, const char **started)
{
  *file = path ? path : a->previous ? a->previous->path : NULL;
  *started = prev ? prev->profile[ANS_STARTED] : a->previous ? a->previous->started : NULL;
}
