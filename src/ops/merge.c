/* merge: several answers files into one.  See merge.h. */
#include <config.h>
#include "ops/merge.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "io/afile.h"
#include "base/i18n.h"
#include "io/qfind.h"
#include "io/store.h"
#include "base/text.h"
#include "base/xalloc.h"

static const char *
base_name(const char *path)
{
  const char *s = strrchr(path, '/');
  return s && s[1] ? s + 1 : path;
}

static bool
same(const char *a, const char *b)
{
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether two retired answers say the same. */
static bool
same_retired(const ans_retired *a, const ans_retired *b)
{
  bool eq = same(a->question, b->question) && a->status == b->status && same(a->note, b->note)
            && same(a->evidence, b->evidence) && same(a->updated, b->updated)
            && a->revision == b->revision && same(a->from, b->from);
  for (int f = 0; eq && f < ANS_PLAN_COUNT; f++)
    eq = same(a->plan[f], b->plan[f]);
  return eq;
}

int
merge_open(merge *m, char *const *paths, size_t n, const char *qpath, diag_t *d)
{
  *m = (merge){ 0 };
  m->in = xcalloc(n ? n : 1, sizeof *m->in);
  m->nin = n;
  int rc = 0;
  /* One file twice (by another path, a link or a hard link) would count
   * its answers twice and double its retired list with each merge. */
  struct stat *ids = xcalloc(n ? n : 1, sizeof *ids);
  for (size_t k = 0; k < n; k++)
    {
      if (stat(paths[k], &ids[k]) != 0)
        continue;
      for (size_t j = 0; j < k; j++)
        if (ids[j].st_ino == ids[k].st_ino && ids[j].st_dev == ids[k].st_dev && ids[j].st_nlink)
          {
            char *a = txt_sanitize(paths[j], true);
            diag_add(d, paths[k], 0, _("is the same file as the input %s; expected each answers file once"), a);
            free(a);
            rc = EX_USAGE;
            break;
          }
    }
  free(ids);
  if (rc)
    return rc;
  for (size_t k = 0; k < n; k++)
    {
      merge_input *x = &m->in[k];
      x->path = xstrdup(paths[k]);
      store_doc *doc;
      int r = store_read(paths[k], d, &doc);
      if (r == 0 && !m->qn)
        r = qfind_load(qpath, store_doc_qid(doc), store_doc_qversion(doc),
                                       paths[k], d, &m->qn);
      if (r == 0 && strcmp(store_doc_qid(doc), m->qn->id) != 0)
        {
          diag_add(d, paths[k], store_doc_qline(doc),
                   _("these answers belong to questionnaire '%s', not to '%s' like %s; expected answers files of one questionnaire"),
                   store_doc_qid(doc), m->qn->id, paths[0]);
          r = EX_DATAERR;
        }
      if (r == 0)
        {
          r = store_bind(doc, m->qn, d, &x->a, NULL);
          /* What the binding kept but could not place goes on with the
           * answers (retired); say so. */
          diag_t *w = store_doc_warnings(doc);
          for (size_t i = 0; w && i < w->n; i++)
            diag_add(d, NULL, 0, "%s", w->msgs[i]);
        }
      if (doc)
        store_doc_free(doc);
      if (r && !rc)
        rc = r;
    }
  return rc;
}

/* Respondents label the notes; two inputs with one respondent (or none)
 * are told apart by their file names. */
static void
label_inputs(merge *m)
{
  for (size_t k = 0; k < m->nin; k++)
    {
      const char *r = m->in[k].a->profile[ANS_RESPONDENT];
      bool unique = r != NULL;
      for (size_t j = 0; unique && j < m->nin; j++)
        if (j != k && same(m->in[j].a->profile[ANS_RESPONDENT], r))
          unique = false;
      /* A file's name may hold any byte but '/' and NUL; what labels the
       * notes in the merged file is text the reader takes (escapes shown,
       * never raw controls, invalid bytes or bidi overrides). */
      m->in[k].label = unique ? xstrdup(r) : txt_sanitize(base_name(m->in[k].path), true);
    }
}

/* The inputs' values of profile field f, distinct, in input order, as
 * "a; b"; NULL when none gives one.  *count gets how many. */
static char *
distinct(const merge *m, enum ans_field f, size_t *count)
{
  char *joined = NULL;
  *count = 0;
  for (size_t k = 0; k < m->nin; k++)
    {
      const char *v = m->in[k].a->profile[f];
      bool seen = !v || !*v;
      for (size_t j = 0; !seen && j < k; j++)
        seen = same(m->in[j].a->profile[f], v);
      if (seen)
        continue;
      char *next = joined ? xasprintf("%s; %s", joined, v) : xstrdup(v);
      free(joined);
      joined = next;
      ++*count;
    }
  return joined;
}

/* The scope answers: one organisation's, so the inputs that answer a
 * scope question must agree, as on its organisation and sector; an input
 * that leaves it unanswered agrees with any.  Returns whether they
 * conflict. */
static bool
merge_scope(merge *m, diag_t *d)
{
  bool conflict = false;
  for (size_t k = 0; k < m->nin; k++)
    {
      const assessment *a = m->in[k].a;
      for (size_t i = 0; i < a->nscope; i++)
        {
          const ans_scope_answer *s = &a->scope[i];
          if (s->value == ANS_SCOPE_UNSET)
            continue;
          /* Said once per id: by the first input that answers it. */
          bool earlier = false;
          for (size_t j = 0; j < k && !earlier; j++)
            for (size_t t = 0; t < m->in[j].a->nscope && !earlier; t++)
              earlier = m->in[j].a->scope[t].value != ANS_SCOPE_UNSET
                        && strcmp(m->in[j].a->scope[t].id, s->id) == 0;
          if (earlier)
            continue;
          char *said = xasprintf("%s (%s)", ans_scope_key(s->value), base_name(m->in[k].path));
          bool differ = false;
          for (size_t j = k + 1; j < m->nin; j++)
            for (size_t t = 0; t < m->in[j].a->nscope; t++)
              {
                const ans_scope_answer *o = &m->in[j].a->scope[t];
                if (o->value == ANS_SCOPE_UNSET || strcmp(o->id, s->id) != 0)
                  continue;
                char *more = xasprintf("%s; %s (%s)", said, ans_scope_key(o->value), base_name(m->in[j].path));
                free(said);
                said = more;
                differ |= o->value != s->value;
              }
          if (differ)
            {
              diag_add(d, NULL, 0,
                       _("the inputs give different answers to scope question '%s': %s; expected one organisation's answer, or --profile-from=FILE naming the input whose profile to keep"),
                       s->id, said);
              conflict = true;
            }
          else
            ans_set_scope(m->out, s->id, s->value);
          free(said);
        }
    }
  return conflict;
}

static int
merge_profile(merge *m, const char *profile_from, diag_t *d)
{
  assessment *out = m->out;
  if (profile_from)
    {
      struct stat want, st;
      if (stat(profile_from, &want) == 0)
        for (size_t k = 0; k < m->nin; k++)
          if (stat(m->in[k].path, &st) == 0 && st.st_dev == want.st_dev && st.st_ino == want.st_ino)
            {
              for (int f = 0; f < ANS_FIELD_COUNT; f++)
                ans_set_profile(out, (enum ans_field) f, m->in[k].a->profile[f]);
              ans_copy_scope(out, m->in[k].a);
              return 0;
            }
      diag_add(d, profile_from, 0, _("--profile-from names a file that is not one of the inputs; expected one of the answers files to merge"));
      return EX_USAGE;
    }
  int rc = 0;
  static const enum ans_field must_agree[] = { ANS_ORGANIZATION, ANS_SECTOR };
  for (size_t i = 0; i < sizeof must_agree / sizeof must_agree[0]; i++)
    {
      size_t n;
      char *v = distinct(m, must_agree[i], &n);
      if (n > 1)
        {
          /* No one file is at fault: the line names the program, as
           * every error without a file does. */
          char *why = xasprintf(_("the inputs name different values of '%s': %s; expected one organisation's files, or --profile-from=FILE naming the input whose profile to keep"),
                                ans_field_key(must_agree[i]), v);
          diag_add(d, NULL, 0, "kijun: %s", why);
          free(why);
          rc = EX_DATAERR;
        }
      else
        ans_set_profile(out, must_agree[i], v);
      free(v);
    }
  /* Departments have their own respondents: keep them all. */
  static const enum ans_field joined[] = { ANS_RESPONDENT, ANS_ROLE };
  for (size_t i = 0; i < sizeof joined / sizeof joined[0]; i++)
    {
      size_t n;
      char *v = distinct(m, joined[i], &n);
      ans_set_profile(out, joined[i], v);
      free(v);
    }
  const char *first = NULL;
  for (size_t k = 0; k < m->nin; k++)
    {
      const char *s = m->in[k].a->profile[ANS_STARTED];
      if (s && (!first || strcmp(s, first) < 0))
        first = s;
    }
  ans_set_profile(out, ANS_STARTED, first);
  if (merge_scope(m, d))
    rc = EX_DATAERR;
  return rc;
}

/* One question: the inputs that gave anything (an answer, a note,
 * evidence or a plan), alike ones once. */
static void
merge_question(merge *m, size_t i, const ans_source **src, ans_source *buf)
{
  size_t n = 0;
  enum ans_status st = ANS_NONE;
  bool conflict = false, carried = false;
  for (size_t k = 0; k < m->nin; k++)
    {
      const ans_entry *e = &m->in[k].a->e[i];
      if (!ans_given(e))
        continue;
      if (e->status != ANS_NONE)
        {
          m->in[k].answered++;
          if (st != ANS_NONE && e->status != st)
            conflict = true;
          st = e->status;
        }
      carried |= e->reconfirm;
      bool dup = false;
      for (size_t j = 0; !dup && j < n; j++)
        {
          dup = buf[j].status == e->status && same(buf[j].note, e->note)
                && same(buf[j].evidence, e->evidence);
          for (int f = 0; dup && f < ANS_PLAN_COUNT; f++)
            dup = same(buf[j].plan[f], e->plan[f]);
        }
      if (dup)
        continue;
      buf[n] = (ans_source){ .id = m->in[k].label, .status = e->status, .note = e->note,
                             .evidence = e->evidence, .updated = e->updated,
                             .revision = e->revision, .reconfirm = e->reconfirm };
      for (int f = 0; f < ANS_PLAN_COUNT; f++)
        buf[n].plan[f] = e->plan[f];
      src[n] = &buf[n];
      n++;
    }
  if (st == ANS_NONE)
    m->unanswered++;
  if (!n)
    return;
  unsigned who = 0, last = 0;
  for (size_t k = 0; k < m->nin; k++)
    if (m->in[k].a->e[i].status != ANS_NONE)
      who++, last = (unsigned) k;
  if (who == 1)
    m->in[last].alone++;
  ans_combine(m->out, i, src, n, conflict);
  ans_entry *e = &m->out->e[i];
  if (conflict)
    m->conflicts[m->nconflicts++] = i;
  else
    /* Inputs that agree need no reconfirmation of their own; several
     * notes kept together do not make one. */
    e->reconfirm = e->status != ANS_NONE
                   && (carried || e->revision < m->qn->questions[i].revision);
}

int
merge_combine(merge *m, const char *profile_from, diag_t *d)
{
  const questionnaire *q = m->qn;
  m->out = ans_new(q);
  label_inputs(m);
  int rc = merge_profile(m, profile_from, d);
  if (rc)
    return rc;
  m->conflicts = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *m->conflicts);
  const ans_source **src = xcalloc(m->nin, sizeof *src);
  ans_source *buf = xcalloc(m->nin, sizeof *buf);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    merge_question(m, q->order[pos], src, buf);
  free(src);
  free(buf);
  /* Answers to questions no longer asked, each once: a merge merged
   * again with a copy of itself must not double them. */
  for (size_t k = 0; k < m->nin; k++)
    for (size_t r = 0; r < m->in[k].a->nretired; r++)
      {
        const ans_retired *x = &m->in[k].a->retired[r];
        bool dup = false;
        for (size_t j = 0; !dup && j < m->out->nretired; j++)
          dup = same_retired(&m->out->retired[j], x);
        if (!dup)
          ans_add_retired(m->out, x);
      }
  return 0;
}

int
merge_write(const merge *m, const char *out, diag_t *d)
{
  diag_t why = { 0 };
  int rc = store_create(out, m->out, &why);
  /* The reason with the file's name (EX_TEMPFAIL is the caller's to say). */
  if (rc && rc != EX_TEMPFAIL)
    {
      char *o = txt_sanitize(out, true);
      diag_add(d, NULL, 0, _("%s: cannot create: %s"), o, why.n ? why.msgs[0] : "");
      free(o);
    }
  diag_clear(&why);
  return rc;
}

void
merge_summary(FILE *f, const merge *m, const char *out, bool dry)
{
  const questionnaire *q = m->qn;
  char *o = txt_sanitize(out, true);
  if (dry)
    fprintf(f, ngettext("Would merge %zu answers file into %s (nothing written):\n",
                        "Would merge %zu answers files into %s (nothing written):\n", m->nin),
            m->nin, o);
  else
    fprintf(f, ngettext("Merged %zu answers file into %s:\n", "Merged %zu answers files into %s:\n",
                        m->nin), m->nin, o);
  free(o);
  for (size_t k = 0; k < m->nin; k++)
    {
      char *p = txt_sanitize(m->in[k].path, true), *l = txt_sanitize(m->in[k].label, true);
      fprintf(f, "  %s [%s]: ", p, l);
      fprintf(f, ngettext("%u answer", "%u answers", m->in[k].answered), m->in[k].answered);
      fprintf(f, ngettext(", %u of them from this file alone\n", ", %u of them from this file alone\n",
                          m->in[k].alone), m->in[k].alone);
      free(p);
      free(l);
    }
  fprintf(f, ngettext("Conflicts: %zu (the least met answer kept, every note kept, marked to reconfirm)",
                      "Conflicts: %zu (the least met answer kept, every note kept, marked to reconfirm)",
                      m->nconflicts), m->nconflicts);
  for (size_t c = 0; c < m->nconflicts; c++)
    {
      char *id = txt_sanitize(q->questions[m->conflicts[c]].id, true);
      fprintf(f, "%s%s", c ? ", " : ": ", id);
      free(id);
    }
  fputc('\n', f);
  fprintf(f, _("Still unanswered: %u of %zu questions\n"), m->unanswered, q->nquestions);
}

void
merge_free(merge *m)
{
  for (size_t k = 0; k < m->nin; k++)
    {
      free(m->in[k].path);
      free(m->in[k].label);
      ans_free(m->in[k].a);
    }
  free(m->in);
  ans_free(m->out);
  free(m->conflicts);
  qn_free(m->qn);
  *m = (merge){ 0 };
}
