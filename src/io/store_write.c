/* store_write: writing answers files (see store.h).  The writer is ours
 * rather than libconfig's config_write: it must go to an arbitrary stream
 * for the atomic save, and writing the file by hand keeps it readable
 * (Japanese text stays text, settings keep a fixed order, a header says
 * what the file is).  Every file is rendered in memory and read back with
 * the reader's own rules (store_check_text) before it replaces anything. */
#include <config.h>
#include "io/store.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "io/afile.h"
#include "io/cfgread.h"
#include "io/cfgwrite.h"
#include "io/lock.h"
#include "base/hset.h"
#include "model/coverage.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"

typedef struct rendered rendered;
static int save_rendered(const char *path, const rendered *x, store_stamp *stamp, diag_t *d);


/* The pieces a long text is written in: each well under the reader's
 * limit on one string. */
#define STORE_PIECE ((size_t) 32 * 1024)
_Static_assert(STORE_PIECE <= CFG_MAX_STRING, "a piece of a text is a string the reader takes");

/* A text: one string, or, when longer than the reader takes in one
 * string, a list of pieces cut between characters, which the reader joins
 * (cfg_text_in).  Nothing is cut off. */
static void
put_text(FILE *f, const char *s)
{
  size_t len = strlen(s);
  if (len <= CFG_MAX_STRING)
    {
      cfg_put_string(f, s);
      return;
    }
  fputs("( ", f);
  for (size_t at = 0; at < len;)
    {
      size_t n = len - at < STORE_PIECE ? len - at : STORE_PIECE;
      /* Not inside a UTF-8 sequence: back up over continuation bytes. */
      while (n < len - at && n > 1 && ((unsigned char) s[at + n] & 0xC0) == 0x80)
        n--;
      char *piece = xstrndup(s + at, n);
      if (at)
        fputs(",\n    ", f);
      cfg_put_string(f, piece);
      free(piece);
      at += n;
    }
  fputs(" )", f);
}

static void
put_kv(FILE *f, const char *indent, const char *key, const char *value)
{
  fprintf(f, "%s%s = ", indent, key);
  put_text(f, value ? value : "");
  fputs(";\n", f);
}

/* A scope's tallies, one line a level, with the statuses the table
 * keeps in brief. */
static void
put_levels(FILE *f, const char *indent, const cov_tally t[QN_LEVEL_COUNT])
{
  enum ans_status brief[ANS_STATUS_COUNT];
  int nb = ans_brief_statuses(brief);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      const cov_tally *x = &t[l];
      char pct[COV_PERCENT_SIZE];
      fprintf(f, "%s%s = { met = %u; applicable = %u; ", indent, qn_level_key((enum qn_level) l),
              x->met, x->applicable);
      if (cov_percent_text(x, pct))
        fprintf(f, "percent = %s; ", pct);
      fprintf(f, "total = %u; ", x->total);
      for (int i = 0; i < nb; i++)
        fprintf(f, "%s = %u; ", ans_status_key(brief[i]), x->status[brief[i]]);
      fprintf(f, "missing_reason = %u; reconfirm = %u; };\n", x->no_reason, x->reconfirm);
    }
}

static void
put_figure(FILE *f, const char *indent, const char *key, const ans_figure *x)
{
  char pct[COV_PERCENT_SIZE];
  cov_tally t = { .met = x->met, .applicable = x->applicable };
  fprintf(f, "%s%s = { met = %u; applicable = %u; ", indent, key, x->met, x->applicable);
  if (cov_percent_text(&t, pct))
    fprintf(f, "percent = %s; ", pct);
  fputs("};\n", f);
}

static void
put_previous(FILE *f, const ans_previous *p)
{
  fputs("previous = {\n", f);
  put_kv(f, "  ", "path", p->path);
  if (p->started)
    put_kv(f, "  ", "started", p->started);
  if (p->figures)
    {
      for (int l = 0; l < QN_LEVEL_COUNT; l++)
        put_figure(f, "  ", qn_level_key((enum qn_level) l), &p->all[l]);
      fputs("  phases = {\n", f);
      for (int ph = 0; ph < QN_PHASE_COUNT; ph++)
        {
          fprintf(f, "    %s = {\n", qn_phase_key((enum qn_phase) ph));
          for (int l = 0; l < QN_LEVEL_COUNT; l++)
            put_figure(f, "      ", qn_level_key((enum qn_level) l), &p->phase[ph][l]);
          fputs("    };\n", f);
        }
      fputs("  };\n", f);
    }
  fputs("};\n\n", f);
}

/* The rest of an answer group after its question: revision 0 is left
 * out. */
static void
put_answer(FILE *f, enum ans_status st, const char *note, const char *evidence, const char *updated,
           unsigned revision, bool reconfirm, const char *from, enum ans_status proposal,
           char *const plan[ANS_PLAN_COUNT])
{
  if (st != ANS_NONE)
    {
      fputs("; status = ", f);
      cfg_put_string(f, ans_status_key(st));
    }
  if (note)
    fputs("; note = ", f), put_text(f, note);
  if (evidence)
    fputs("; evidence = ", f), put_text(f, evidence);
  if (updated)
    fputs("; updated = ", f), cfg_put_string(f, updated);
  if (revision)
    fprintf(f, "; revision = %u", revision);
  if (reconfirm)
    fputs("; reconfirm = true", f);
  if (from)
    fputs("; from = ", f), put_text(f, from);
  if (proposal != ANS_NONE)
    fputs("; proposal = ", f), put_text(f, ans_status_key(proposal));
  for (int k = 0; k < ANS_PLAN_COUNT; k++)
    if (plan[k])
      fprintf(f, "; %s = ", ans_plan_key((enum ans_plan) k)), put_text(f, plan[k]);
  fputs("; }", f);
}

int
store_write(FILE *f, const assessment *a)
{
  const questionnaire *q = a->qn;
  char now[32];
  ans_now(now);
  fputs(STORE_MARK ": one self-assessment.  Written by kijun on every change;\n"
        "# see kijun-answers(5).  The summary group is recomputed on each save.\n", f);
  fprintf(f, "kijun_answers = %d;\n\n", STORE_FORMAT);
  fputs("questionnaire = {\n", f);
  put_kv(f, "  ", "id", q->id);
  put_kv(f, "  ", "version", q->version);
  fprintf(f, "  edition = %u;\n", q->edition);
  put_kv(f, "  ", "digest", qn_digest(q));
  fputs("};\n\nprofile = {\n", f);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    if (a->profile[i])
      put_kv(f, "  ", ans_field_key((enum ans_field) i), a->profile[i]);
  bool scoped = false;
  for (size_t i = 0; i < a->nscope; i++)
    if (a->scope[i].value != ANS_SCOPE_UNSET)
      {
        /* Ids are words (kijun-questionnaire(5)), so they are names here. */
        fprintf(f, "%s%s = \"%s\";", scoped ? " " : "  scope = { ", a->scope[i].id,
                ans_scope_key(a->scope[i].value));
        scoped = true;
      }
  if (scoped)
    fputs(" };\n", f);
  fputs("};\n\n", f);
  if (a->previous)
    put_previous(f, a->previous);
  if (a->position)
    put_kv(f, "", "position", a->position), fputc('\n', f);
  bool any = false;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    if (a->e[q->order[pos]].review)
      {
        fputs(any ? ", " : "review = [ ", f);
        cfg_put_string(f, q->questions[q->order[pos]].id);
        any = true;
      }
  if (any)
    fputs(" ];\n\n", f);
  any = false;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    if (a->e[q->order[pos]].unreached)
      {
        fputs(any ? ", " : "unreached = [ ", f);
        cfg_put_string(f, q->questions[q->order[pos]].id);
        any = true;
      }
  if (any)
    fputs(" ];\n\n", f);
  fputs("answers = (", f);
  bool first = true;
  /* Walk order, so the file reads like the questionnaire. */
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const ans_entry *e = &a->e[i];
      if (!ans_given(e))
        continue;
      fputs(first ? "\n" : ",\n", f);
      first = false;
      fputs("  { question = ", f);
      cfg_put_string(f, q->questions[i].id);
      put_answer(f, e->status, e->note, e->evidence, e->updated,
                 e->status != ANS_NONE ? (e->revision ? e->revision : q->questions[i].revision) : 0,
                 e->reconfirm && e->status != ANS_NONE, e->from, e->proposal, e->plan);
    }
  fputs(first ? ");\n\n" : "\n);\n\n", f);
  /* Answers to questions no longer asked: kept, every save. */
  if (a->nretired)
    {
      fputs("retired = (", f);
      for (size_t k = 0; k < a->nretired; k++)
        {
          const ans_retired *x = &a->retired[k];
          fputs(k ? ",\n  { question = " : "\n  { question = ", f);
          cfg_put_string(f, x->question);
          put_answer(f, x->status, x->note, x->evidence, x->updated, x->revision, false, x->from,
                     ANS_NONE, x->plan);
        }
      fputs("\n);\n\n", f);
    }

  coverage c;
  cov_compute(q, a, &c);
  fputs("summary = {\n", f);
  put_kv(f, "  ", "computed", now);
  put_kv(f, "  ", "formula",
         "coverage = met / applicable; met = implemented, or alternative with a reason; "
         "applicable = all questions of the level except not_applicable with a reason");
  put_kv(f, "  ", "verdict", cov_verdict_key(c.verdict));
  put_levels(f, "  ", c.all);
  fputs("  phases = {\n", f);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      fprintf(f, "    %s = {\n", qn_phase_key((enum qn_phase) p));
      put_levels(f, "      ", c.phase[p]);
      fputs("    };\n", f);
    }
  fputs("  };\n  unmet_baseline = [", f);
  for (size_t k = 0; k < c.nunmet; k++)
    {
      fputs(k ? ", " : " ", f);
      cfg_put_string(f, q->questions[c.unmet[k]].id);
    }
  fputs(c.nunmet ? " ];\n" : "];\n", f);
  fputs("  reconfirm = [", f);
  for (size_t k = 0; k < c.nreconfirm; k++)
    {
      fputs(k ? ", " : " ", f);
      cfg_put_string(f, q->questions[c.reconfirm[k]].id);
    }
  fputs(c.nreconfirm ? " ];\n" : "];\n", f);
  fprintf(f, "  retired = %zu;\n};\n", c.nretired);
  cov_free(&c);
  return ferror(f) ? EX_IOERR : 0;
}

int
store_write_cb(FILE *f, void *ctx)
{
  return store_write(f, ctx);
}

void
store_stamp_file(const char *path, store_stamp *stamp)
{
  struct stat st;
  if (stat(path, &st) != 0)
    {
      stamp->valid = false;
      return;
    }
  stamp->valid = true;
  stamp->dev = st.st_dev;
  stamp->ino = st.st_ino;
  stamp->size = st.st_size;
  stamp->mtime = st.st_mtim;
}

static bool
same_text(const char *x, const char *y)
{
  return x == y || (x && y && strcmp(x, y) == 0);
}

/* Whether b, read back, holds what a holds: every status, text and
 * plan, the profile, the review marks and the answers kept aside.  The
 * reader's rules passing is not enough: a writer that dropped a field
 * would pass them too. */
static const char *
same_back(const assessment *a, const assessment *b)
{
  const questionnaire *q = a->qn;
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    if (!same_text(a->profile[f], b->profile[f]))
      return ans_field_key((enum ans_field) f);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const ans_entry *x = &a->e[i], *y = &b->e[i];
      bool same = x->status == y->status && same_text(x->note, y->note)
                  && same_text(x->evidence, y->evidence) && x->review == y->review;
      for (int f = 0; same && f < ANS_PLAN_COUNT; f++)
        same = same_text(x->plan[f], y->plan[f]);
      if (!same)
        return q->questions[i].id;
    }
  if (a->nretired != b->nretired)
    return "retired";
  return NULL;
}

int
store_check_text(const char *name, const char *text, size_t len, const assessment *a, diag_t *d)
{
  diag_t why = { 0 };
  store_doc *doc;
  assessment *back = NULL;
  int rc = store_read_mem(name, text, len, &why, &doc);
  if (rc == 0)
    {
      rc = store_bind(doc, a->qn, &why, &back, NULL);
      store_doc_free(doc);
    }
  const char *differs = rc == 0 ? same_back(a, back) : NULL;
  if (rc || differs)
    {
      char *first = why.n ? txt_sanitize(why.msgs[0], true) : NULL;
      if (differs)
        diag_add(d, NULL, 0,
                 _("the file as it would be written reads back differently (at '%s'), so nothing was written; please report this"),
                 differs);
      else
        diag_add(d, NULL, 0,
                 _("the file as it would be written would be refused when opened (%s), so nothing was written"),
                 first ? first : "?");
      free(first);
      rc = EX_CANTCREAT;
    }
  ans_free(back);
  diag_clear(&why);
  return rc;
}

/* What is about to be written, in memory. */
typedef struct rendered
{
  char *text;
  size_t len;
} rendered;

static int
put_rendered(FILE *f, void *ctx)
{
  const rendered *x = ctx;
  return fwrite(x->text, 1, x->len, f) == x->len ? 0 : EX_IOERR;
}

/* The file's text for a, checked with the reader's own rules before it
 * goes anywhere.  0, or EX_CANTCREAT with the reason in d. */
static int
render(const char *path, const assessment *a, rendered *out, diag_t *d)
{
  *out = (rendered){ NULL, 0 };
  FILE *f = open_memstream(&out->text, &out->len);
  if (!f)
    {
      diag_add(d, NULL, 0, "%s", strerror(errno));
      return EX_CANTCREAT;
    }
  int rc = store_write(f, a);
  if (fclose(f) != 0 || rc)
    {
      diag_add(d, NULL, 0, "%s", strerror(ENOMEM));
      free(out->text);
      out->text = NULL;
      return EX_CANTCREAT;
    }
  rc = store_check_text(path, out->text, out->len, a, d);
  if (rc)
    {
      free(out->text);
      out->text = NULL;
    }
  return rc;
}

int
store_create(const char *path, const assessment *a, diag_t *d)
{
  rendered x;
  int rc = render(path, a, &x, d);
  if (rc)
    return rc;
  /* Under the file's lock, like a session: a session that has just
   * started on this new name holds it; and what a killed writer of this
   * name left (a hidden temporary file) is removed. */
  lock_t lk;
  pid_t holder;
  rc = lock_acquire(path, &lk, &holder, d);
  if (rc == EX_TEMPFAIL)
    {
      diag_add(d, NULL, 0, "%s", _("another kijun has this file open"));
      rc = EX_CANTCREAT;
    }
  if (rc == 0)
    {
      char *real = afile_resolve(path);
      if (real)
        afile_cleanup(real, STORE_MARK);
      free(real);
      rc = afile_write_new(path, put_rendered, &x, d);
      lock_release(&lk);
    }
  free(x.text);
  return rc;
}

int
store_save(const char *path, const assessment *a, store_stamp *stamp, diag_t *d)
{
  rendered x;
  int rc = render(path, a, &x, d);
  if (rc)
    return rc;
  rc = save_rendered(path, &x, stamp, d);
  free(x.text);
  return rc;
}

static int
save_rendered(const char *path, const rendered *x, store_stamp *stamp, diag_t *d)
{
  if (stamp && stamp->valid)
    {
      store_stamp now;
      store_stamp_file(path, &now);
      /* A file that vanished is simply written again; one that was
       * replaced or edited holds someone's work and is left alone. */
      if (now.valid
          && (now.dev != stamp->dev || now.ino != stamp->ino || now.size != stamp->size
              || now.mtime.tv_sec != stamp->mtime.tv_sec || now.mtime.tv_nsec != stamp->mtime.tv_nsec))
        {
          diag_add(d, NULL, 0, "%s", _("another program changed the file"));
          return EX_TEMPFAIL;
        }
    }
  /* A file kijun never read (a new assessment) or that vanished since:
   * created only where nothing is, so a file another command just made
   * there is never replaced by answers that did not read it. */
  diag_t why = { 0 };
  int rc = stamp && !stamp->valid ? afile_write_new(path, put_rendered, (void *) x, &why)
                                  : afile_write(path, put_rendered, (void *) x, &why);
  /* "File exists" would not say who made it, nor that kijun never read it. */
  if (rc != EX_TEMPFAIL)
    for (size_t i = 0; i < why.n; i++)
      diag_add(d, NULL, 0, "%s", why.msgs[i]);
  diag_clear(&why);
  if (rc == EX_TEMPFAIL)
    diag_add(d, NULL, 0, "%s",
             _("another program created the file after kijun found none there (kijun --next-cycle or "
               "--merge, say)"));
  if (rc)
    return rc;
  if (stamp)
    store_stamp_file(path, stamp);
  return 0;
}
