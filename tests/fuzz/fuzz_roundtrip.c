/* Fuzz target: what kijun writes, kijun reads (issue 21).  The input is
 * an answers file of tests/data/mini.cfg (after a fixed, valid header, as
 * in fuzz_answers.c).  When it opens, the assessment is saved, and then
 * merged from several copies whose notes differ (so that the merge joins
 * them, up to several times the longest string), and each file written is
 * read back with every rule of reading.  A write that says it succeeded
 * but gives a file kijun refuses, or one that loses a status or a note,
 * aborts: that is the finding.  A write may refuse (the reader would
 * refuse its text); it must then leave nothing behind. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "io/qload.h"
#include "io/store.h"
#include "ops/merge.h"
#include "base/xalloc.h"

static questionnaire *qn;
static char *header, *qpath, *dir;

static void
setup(void)
{
  const char *src = getenv("KIJUN_SRCDIR");
  qpath = xasprintf("%s/tests/data/mini.cfg", src ? src : KIJUN_SRCDIR);
  diag_t d = { 0 };
  if (qload_file(qpath, &d, &qn) != 0)
    abort();
  header = xasprintf("kijun_answers = 1;\nquestionnaire = { id = \"%s\"; version = \"%s\"; digest = \"%s\"; };\n",
                     qn->id, qn->version, qn_digest(qn));
  char tmpl[] = "/tmp/kijun-fuzz-rt.XXXXXX";
  if (!mkdtemp(tmpl))
    abort();
  dir = xstrdup(tmpl);
}

static assessment *
read_back(const char *path)
{
  diag_t d = { 0 };
  store_doc *doc;
  assessment *a = NULL;
  int rc = store_read(path, &d, &doc);
  if (rc == 0)
    {
      rc = store_bind(doc, qn, &d, &a, NULL);
      store_doc_free(doc);
    }
  if (rc)
    {
      fprintf(stderr, "written but refused: %s\n", d.n ? d.msgs[0] : "?");
      abort();
    }
  diag_clear(&d);
  return a;
}

/* Every status of a is in b, and every note of a within b's. */
static void
holds(const assessment *a, const assessment *b, bool exact)
{
  for (size_t i = 0; i < qn->nquestions; i++)
    {
      const ans_entry *x = &a->e[i], *y = &b->e[i];
      if (exact && x->status != y->status)
        abort();
      if (x->note && !(y->note && strstr(y->note, x->note)))
        abort();
    }
}

/* Save a to name; read back when the save says it succeeded. */
static void
save_and_read(const assessment *a, const char *name)
{
  char *p = xasprintf("%s/%s", dir, name);
  unlink(p);
  diag_t d = { 0 };
  if (store_save(p, a, NULL, &d) == 0)
    {
      assessment *b = read_back(p);
      holds(a, b, true);
      ans_free(b);
    }
  else
    {
      struct stat st;
      if (stat(p, &st) == 0)
        abort();                /* refused, yet written */
    }
  diag_clear(&d);
  unlink(p);
  free(p);
}

/* Merge n copies of a, each note with its copy's number; the merged
 * file, when written, must read back and keep every note. */
static void
merge_copies(const assessment *a, size_t n)
{
  char **paths = xcalloc(n, sizeof *paths);
  assessment **copies = xcalloc(n, sizeof *copies);
  size_t made = 0;
  for (size_t k = 0; k < n; k++)
    {
      assessment *c = ans_new(qn);
      for (int f = 0; f < ANS_FIELD_COUNT; f++)
        ans_set_profile(c, (enum ans_field) f, a->profile[f]);
      ans_set_profile(c, ANS_RESPONDENT, "same");
      for (size_t i = 0; i < qn->nquestions; i++)
        {
          ans_copy_entry(c, i, &a->e[i]);
          if (a->e[i].note)
            {
              char *t = xasprintf("%s #%zu", a->e[i].note, k);
              ans_set_note(c, i, t);
              free(t);
            }
        }
      char *p = xasprintf("%s/copy-%zu.cfg", dir, k);
      unlink(p);
      if (store_save(p, c, NULL, NULL) == 0)
        {
          paths[made] = p;
          copies[made++] = c;
        }
      else
        {
          free(p);
          ans_free(c);
        }
    }
  if (made >= 2)
    {
      merge m;
      diag_t d = { 0 };
      char *out = xasprintf("%s/merged.cfg", dir);
      unlink(out);
      if (merge_open(&m, paths, made, qpath, &d) == 0 && merge_combine(&m, NULL, &d) == 0)
        {
          if (merge_write(&m, out, &d) == 0)
            {
              assessment *b = read_back(out);
              for (size_t k = 0; k < made; k++)
                holds(copies[k], b, false);
              ans_free(b);
            }
          else
            {
              struct stat st;
              if (stat(out, &st) == 0)
                abort();
            }
        }
      merge_free(&m);
      diag_clear(&d);
      unlink(out);
      free(out);
    }
  for (size_t k = 0; k < made; k++)
    {
      unlink(paths[k]);
      free(paths[k]);
      ans_free(copies[k]);
    }
  free(paths);
  free(copies);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (!qn)
    setup();
  char path[64];
  int fd;
  if (!fuzz_memfile(header, data, size, path, sizeof path, &fd))
    return 0;
  diag_t d = { 0 };
  store_doc *doc;
  if (store_read(path, &d, &doc) == 0)
    {
      assessment *a;
      if (store_bind(doc, qn, &d, &a, NULL) == 0)
        {
          save_and_read(a, "one.cfg");
          merge_copies(a, 2 + size % 7);
          ans_free(a);
        }
      store_doc_free(doc);
    }
  diag_clear(&d);
  close(fd);
  return 0;
}
