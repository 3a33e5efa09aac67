/* migrate: an assessment carried to another questionnaire.  See
 * migrate.h. */
#include <config.h>
#include "ops/migrate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "io/afile.h"
#include "model/answers.h"
#include "ops/check.h"
#include "base/i18n.h"
#include "io/mapping.h"
#include "io/store.h"
#include "base/text.h"
#include "base/xalloc.h"

static ans_source
source_of(const assessment *a, size_t qi)
{
  const ans_entry *e = &a->e[qi];
  ans_source s = { a->qn->questions[qi].id, e->status, e->note, e->evidence, e->updated,
                   e->revision ? e->revision : 1, e->reconfirm, { NULL } };
  /* The plan goes where the answer goes. */
  for (int f = 0; f < ANS_PLAN_COUNT; f++)
    s.plan[f] = e->plan[f];
  return s;
}

enum mig_outcome
mig_rule(enum map_relation rel, bool one_to_one, enum ans_status st, bool draft)
{
  bool met = ans_statuses[st].met;
  enum mig_outcome o;
  switch (rel)
    {
    case MAP_NONE:
      return MIG_NOTHING;
    case MAP_EQUAL:
    case MAP_EQUIVALENT:
      o = one_to_one ? MIG_CARRY : MIG_RECONFIRM;
      break;
    case MAP_SUPERSET:
      /* The old question asked more: meeting it meets the new one. */
      o = met ? MIG_CARRY : MIG_RECONFIRM;
      break;
    default:
      /* The new question asks more (or something else): a met answer
       * says nothing certain about it. */
      o = met ? MIG_PROPOSE : MIG_RECONFIRM;
      break;
    }
  return draft && o == MIG_CARRY ? MIG_RECONFIRM : o;
}

/* Carry every mapped answer of src to dst; reached[t] tells whether an
 * answer reached target question t (one that none reached is marked
 * unreached in dst: the first gap list, kept for reports). */
static void
carry(const mapping *m, const assessment *src, assessment *dst, bool *mapped, bool *reached,
      mig_counts *n)
{
  const questionnaire *from = src->qn, *to = dst->qn;
  bool draft = m->status == MAP_DRAFT;
  /* How many targets each source question goes to: more than one is a
   * split, never certain for an equal answer. */
  size_t *ntargets = xcalloc(from->nquestions ? from->nquestions : 1, sizeof *ntargets);
  for (size_t k = 0; k < m->nentries; k++)
    {
      const map_entry *me = &m->entries[k];
      if (me->relation == MAP_NONE)
        continue;
      for (size_t i = 0; i < me->nfrom; i++)
        {
          ntargets[me->from_q[i]] += me->nto;
          mapped[me->from_q[i]] = true;
        }
    }
  ans_source *srcs = xcalloc(from->nquestions ? from->nquestions : 1, sizeof *srcs);
  const ans_source **list = xcalloc(from->nquestions ? from->nquestions : 1, sizeof *list);
  enum mig_outcome *outs = xcalloc(from->nquestions ? from->nquestions : 1, sizeof *outs);
  for (size_t t = 0; t < to->nquestions; t++)
    {
      size_t k = 0;
      char *where = NULL;
      for (size_t x = 0; x < m->nentries; x++)
        {
          const map_entry *me = &m->entries[x];
          bool hits = false;
          for (size_t j = 0; j < me->nto; j++)
            hits |= me->to_q[j] == t;
          if (!hits || me->relation == MAP_NONE)
            continue;
          for (size_t i = 0; i < me->nfrom; i++)
            {
              size_t s = me->from_q[i];
              if (!ans_given(&src->e[s]))
                continue;
              srcs[k] = source_of(src, s);
              list[k] = &srcs[k];
              outs[k] = mig_rule(me->relation, ntargets[s] == 1, src->e[s].status, draft);
              k++;
              char *next = xasprintf("%s%s%s", where ? where : "", where ? ", " : "", from->questions[s].id);
              free(where);
              where = next;
            }
        }
      if (!k)
        {
          dst->e[t].unreached = true;
          continue;
        }
      reached[t] = true;
      /* Several answers for one question: the least met wins and the
       * least certain outcome holds. */
      bool uncertain = false, propose = false;
      for (size_t i = 0; i < k; i++)
        {
          uncertain |= outs[i] != MIG_CARRY;
          propose |= outs[i] == MIG_PROPOSE;
        }
      /* The answer is now given for this question's revision; whether it
       * still holds is what reconfirmation asks. */
      for (size_t i = 0; i < k; i++)
        srcs[i].revision = to->questions[t].revision;
      ans_combine(dst, t, list, k, uncertain);
      ans_entry *e = &dst->e[t];
      if (propose && ans_statuses[e->status].met)
        {
          /* Shown beside the question, not counted as met. */
          e->proposal = e->status;
          e->status = ANS_NONE;
          e->reconfirm = true;
          n->proposed++;
        }
      e->from = xasprintf("%s %s: %s", from->id, from->version, where);
      free(where);
      n->carried++;
      n->reconfirm += e->reconfirm;
    }
  free(outs);
  free(list);
  free(srcs);
  free(ntargets);
}

/* The id an answer not carried is kept under in the new file: its own,
 * or, when the new questionnaire asks a question of that id too,
 * "QID:ID", so that the answer to the old questionnaire's question is
 * never taken for (nor reported as no longer asking) the new one's.
 * Newly allocated. */
static char *
kept_id(const questionnaire *from, const questionnaire *to, const char *id)
{
  return qn_find_question(to, id) >= 0 ? xasprintf("%s:%s", from->id, id) : xstrdup(id);
}

/* Everything the source held that no entry maps: kept, with where it
 * came from. */
static void
keep_unmapped(const assessment *src, assessment *dst, const bool *mapped, mig_counts *n)
{
  const questionnaire *from = src->qn, *to = dst->qn;
  for (size_t pos = 0; pos < from->nquestions; pos++)
    {
      size_t s = from->order[pos];
      const ans_entry *e = &src->e[s];
      if (mapped[s] || !ans_given(e))
        continue;
      char *id = kept_id(from, to, from->questions[s].id);
      ans_retired r = { id, e->status, e->note, e->evidence, e->updated, e->revision, (char *) from->id,
                        { NULL } };
      for (int f = 0; f < ANS_PLAN_COUNT; f++)
        r.plan[f] = e->plan[f];
      ans_add_retired(dst, &r);
      free(id);
      n->unmapped++;
    }
  for (size_t k = 0; k < src->nretired; k++)
    {
      ans_retired r = src->retired[k];
      if (!r.from)
        r.from = (char *) from->id;
      char *id = kept_id(from, to, r.question);
      r.question = id;
      ans_add_retired(dst, &r);
      free(id);
    }
}

/* The two gap lists: target questions no answer reaches (to answer;
 * also kept in the new file, for its reports), and source answers that
 * reach nothing (kept in retired). */
static void
print_gaps(FILE *out, const mapping *m, const questionnaire *from, const questionnaire *to,
           const assessment *src, const bool *mapped, const bool *reached)
{
  (void) m;
  size_t nnew = 0, nlost = 0;
  for (size_t t = 0; t < to->nquestions; t++)
    nnew += !reached[t];
  for (size_t s = 0; s < from->nquestions; s++)
    nlost += !mapped[s] && ans_given(&src->e[s]);
  if (nnew)
    {
      fprintf(out, ngettext("Questions of %s that no answer of %s reaches (to answer): %zu question\n",
                            "Questions of %s that no answer of %s reaches (to answer): %zu questions\n", nnew),
              to->id, from->id, nnew);
      for (size_t pos = 0; pos < to->nquestions; pos++)
        if (!reached[to->order[pos]])
          fprintf(out, "  %s\n", to->questions[to->order[pos]].id);
    }
  if (nlost)
    {
      fprintf(out, ngettext("Answers of %s that reach no question of %s (kept in 'retired'): %zu answer\n",
                            "Answers of %s that reach no question of %s (kept in 'retired'): %zu answers\n",
                            nlost),
              from->id, to->id, nlost);
      for (size_t pos = 0; pos < from->nquestions; pos++)
        {
          size_t s = from->order[pos];
          if (!mapped[s] && ans_given(&src->e[s]))
            fprintf(out, "  %s (%s)\n", from->questions[s].id, ans_status_name(src->e[s].status));
        }
    }
}

int
mig_run(const char *map_path, const char *old_path, const char *new_path, char *const *qfiles,
        size_t nqfiles, FILE *out, diag_t *d, diag_t *warn, mig_counts *counts)
{
  *counts = (mig_counts){ 0 };
  struct stat st;
  if (lstat(new_path, &st) == 0)
    {
      diag_add(d, new_path, 0, _("the file exists; kijun --migrate never writes over a file; expected the name of a new answers file"));
      return EX_CANTCREAT;
    }
  mapping *m = NULL;
  questionnaire *from = NULL, *to = NULL;
  assessment *src = NULL, *dst = NULL;
  bool *mapped = NULL, *reached = NULL;
  int rc = map_read(map_path, d, &m);
  if (rc == 0)
    rc = check_sides(m, qfiles, nqfiles, d, &from, &to);
  if (rc == 0)
    rc = map_bind(m, from, to, d);
  if (rc == 0)
    {
      store_loaded got;
      rc = store_load(old_path, &(store_target){ .q = from }, d, &src, &got);
      /* Taken whole: the messages are already escaped. */
      diag_clear(warn);
      *warn = got.warn;
    }
  if (rc == 0)
    {
      dst = ans_new(to);
      for (int f = 0; f < ANS_FIELD_COUNT; f++)
        {
          const char *v = src->profile[f];
          if (v && f == ANS_SECTOR && !qn_find_sector(to, v))
            {
              diag_add(warn, old_path, 0,
                       _("sector '%s' is not one of questionnaire '%s''s sectors; the new file leaves the sector to choose"),
                       v, to->id);
              continue;
            }
          ans_set_profile(dst, (enum ans_field) f, v);
        }
      /* Scope questions of the same id mean the same; others are kept. */
      ans_copy_scope(dst, src);
      mapped = xcalloc(from->nquestions ? from->nquestions : 1, sizeof *mapped);
      reached = xcalloc(to->nquestions ? to->nquestions : 1, sizeof *reached);
      carry(m, src, dst, mapped, reached, counts);
      keep_unmapped(src, dst, mapped, counts);
      for (size_t t = 0; t < to->nquestions; t++)
        counts->unanswered += dst->e[t].status == ANS_NONE;
      diag_t why = { 0 };
      int wrc = store_create(new_path, dst, &why);
      if (wrc == EX_TEMPFAIL)
        diag_add(d, new_path, 0, _("the file exists; kijun --migrate never writes over a file; expected the name of a new answers file"));
      else if (wrc)
        diag_add(d, new_path, 0, _("cannot write: %s"), why.n ? why.msgs[0] : "");
      diag_clear(&why);
      if (wrc)
        rc = EX_CANTCREAT;
    }
  if (rc == 0)
    {
      char *o = txt_sanitize(old_path, true), *nw = txt_sanitize(new_path, true);
      fprintf(out, _("Migrated %s (%s %s) to %s (%s %s):\n"), o, from->id, from->version, nw, to->id,
              to->version);
      fprintf(out, ngettext("  %zu question of %s received an answer; %zu of them to reconfirm\n",
                            "  %zu questions of %s received an answer; %zu of them to reconfirm\n",
                            counts->carried),
              counts->carried, to->id, counts->reconfirm);
      fprintf(out, ngettext("  %zu answer not mapped, kept in the new file's retired list\n",
                            "  %zu answers not mapped, kept in the new file's retired list\n",
                            counts->unmapped),
              counts->unmapped);
      fprintf(out, ngettext("  %zu question of %s left unanswered\n", "  %zu questions of %s left unanswered\n",
                            counts->unanswered),
              counts->unanswered, to->id);
      if (counts->proposed)
        fprintf(out, ngettext("  %zu answer carried only as a proposal (narrower or overlapping): unanswered until confirmed\n",
                              "  %zu answers carried only as a proposal (narrower or overlapping): unanswered until confirmed\n",
                              counts->proposed),
                counts->proposed);
      if (m->status == MAP_DRAFT)
        fprintf(out, "  %s\n", _("The mapping is a draft: every carried answer is to reconfirm."));
      print_gaps(out, m, from, to, src, mapped, reached);
      free(o);
      free(nw);
    }
  free(mapped);
  free(reached);
  ans_free(dst);
  ans_free(src);
  qn_free(from);
  qn_free(to);
  map_free(m);
  return rc;
}
