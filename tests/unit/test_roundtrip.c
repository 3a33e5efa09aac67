/* Property tests of issue 21: what kijun writes, kijun reads.  Random
 * assessments (long notes in several scripts, quotes, backslashes, line
 * breaks and tabs, plans, long respondents, review marks) are generated
 * from a fixed seed, then put through every step that combines answers:
 * the edition carry (edition 1 opened with edition 3 and saved), merges
 * of several files (with file names holding control bytes, invalid
 * UTF-8 and bidi overrides as labels), and a migration to another
 * questionnaire.  Each result must be written (exit 0) and read back by
 * kijun with every rule of reading, and must still hold each note it was
 * given. */
#include <config.h>

#include <locale.h>
#include <sys/stat.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "base/i18n.h"
#include "io/qload.h"
#include "io/session.h"
#include "io/store.h"
#include "ops/merge.h"
#include "ops/migrate.h"

static char *dir;
static unsigned long long rng = 0x2126D1CEULL;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  i18n_set_lang(LANG_EN);
  dir = scratch_dir();
}

TestSuite(roundtrip, .init = setup, .timeout = 300);

static unsigned
rnd(unsigned n)
{
  rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned) (rng >> 33) % n;
}

static questionnaire *
load(const char *name)
{
  char *p = data_path(name);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qload_file(p, &d, &q), 0, "%s", p);
  free(p);
  return q;
}

/* A random text of up to max bytes: words of several scripts, and the
 * characters a writer must escape. */
static char *
text(size_t max, bool multiline)
{
  static const char *const words[] = { "policy", "水道局", "「引用」", "\"quoted\"", "C:\\docs", "제어",
                                       "تحكم", "über", "🙂", " ", "  ", "x" };
  size_t want = 1 + rnd((unsigned) max);
  char *s = xmalloc(want + 8);
  size_t n = 0;
  while (n < want)
    {
      const char *w = multiline && rnd(20) == 0 ? (rnd(2) ? "\n" : "\t") : words[rnd(sizeof words / sizeof *words)];
      size_t l = strlen(w);
      if (n + l > want + 4)
        break;
      memcpy(s + n, w, l);
      n += l;
    }
  if (n == 0)
    s[n++] = 'x';
  s[n] = '\0';
  return s;
}

/* A random assessment of q, mostly short texts, some far longer than
 * one string may be. */
static assessment *
random_assessment(const questionnaire *q)
{
  assessment *a = ans_new(q);
  char *v = text(rnd(4) ? 40 : 90000, false);
  ans_set_profile(a, ANS_RESPONDENT, v);
  free(v);
  ans_set_profile(a, ANS_ORGANIZATION, "Kita Water");
  for (size_t i = 0; i < q->nquestions; i++)
    {
      if (rnd(5) == 0)
        continue;
      ans_set_status(a, i, (enum ans_status) (1 + rnd(ANS_STATUS_COUNT - 1)));
      if (rnd(2))
        {
          char *t = text(rnd(6) ? 200 : 30000, true);
          ans_set_note(a, i, t);
          free(t);
        }
      if (rnd(3) == 0)
        {
          char *t = text(100, true);
          ans_set_evidence(a, i, t);
          free(t);
        }
      if (rnd(3) == 0)
        {
          char *t = text(rnd(5) ? 100 : 20000, true);
          ans_set_plan(a, i, ANS_PLAN_ACTION, t);
          free(t);
          t = text(30, false);
          ans_set_plan(a, i, ANS_PLAN_OWNER, t);
          free(t);
          ans_set_plan(a, i, ANS_PLAN_DUE, rnd(2) ? "2027-03-31" : "2026-12-01");
        }
      a->e[i].review = rnd(4) == 0;
    }
  return a;
}

/* Read path back with q, as kijun opens it; every rule applies. */
static assessment *
read_back(const char *path, const questionnaire *q)
{
  diag_t d = { 0 };
  assessment *a = NULL;
  store_loaded got;
  int rc = store_load(path, &(store_target){ .q = q }, &d, &a, &got);
  diag_clear(&got.warn);
  cr_assert_eq(rc, 0, "%s does not read back: %s", path, d.n ? d.msgs[0] : "?");
  diag_clear(&d);
  return a;
}

/* Whether every note of a (of question id) is kept within b's answer to
 * a question, or among its answers no longer asked. */
static void
notes_kept(const assessment *a, const assessment *b, const char *what)
{
  for (size_t i = 0; i < a->qn->nquestions; i++)
    {
      const char *note = a->e[i].note;
      if (!note)
        continue;
      bool found = false;
      for (size_t j = 0; !found && j < b->qn->nquestions; j++)
        found = b->e[j].note && strstr(b->e[j].note, note);
      for (size_t j = 0; !found && j < b->nretired; j++)
        found = b->retired[j].note && strstr(b->retired[j].note, note);
      cr_assert(found, "%s: the note of '%s' (%zu bytes) was lost", what, a->qn->questions[i].id,
                strlen(note));
    }
}

Test(roundtrip, random_edition_carries_read_back)
{
  questionnaire *q1 = load("editions/shop-1.cfg"), *q3 = load("editions/shop-3.cfg");
  for (int round = 0; round < 25; round++)
    {
      assessment *a = random_assessment(q1);
      char *p = xasprintf("%s/carry-%d.cfg", dir, round);
      diag_t d = { 0 };
      cr_assert_eq(store_save(p, a, NULL, &d), 0, "%s", d.n ? d.msgs[0] : "");
      /* Opened with edition 3: carried, merged (b3 and c1), split, and
       * saved at edition 3, as the first save of a session does. */
      session s;
      cr_assert_eq(session_open(&s, p, data_path("editions/shop-3.cfg"), false, &d), 0, "%s",
                   d.n ? d.msgs[0] : "");
      cr_assert_eq(session_save(&s, &d), 0, "round %d: %s", round, d.n ? d.msgs[0] : "");
      assessment *b = read_back(p, q3);
      notes_kept(a, b, "carry");
      ans_free(b);
      session_close(&s);
      diag_clear(&d);
      ans_free(a);
      free(p);
    }
  qn_free(q1);
  qn_free(q3);
}

Test(roundtrip, random_merges_read_back)
{
  questionnaire *q = load("editions/shop-3.cfg");
  static const char *const odd[] = { "esc\033[31m", "ff\377", "bidi\342\200\256", "nl\nx", "c1\302\233", "plain" };
  for (int round = 0; round < 12; round++)
    {
      size_t n = 2 + rnd(8);
      assessment **in = xcalloc(n, sizeof *in);
      char **paths = xcalloc(n, sizeof *paths);
      for (size_t k = 0; k < n; k++)
        {
          in[k] = random_assessment(q);
          /* Labels come from file names when respondents repeat. */
          if (rnd(2))
            ans_set_profile(in[k], ANS_RESPONDENT, "same");
          paths[k] = xasprintf("%s/m%d-%zu-%s.cfg", dir, round, k, odd[rnd(sizeof odd / sizeof *odd)]);
          cr_assert_eq(store_save(paths[k], in[k], NULL, NULL), 0);
        }
      merge m;
      diag_t d = { 0 };
      cr_assert_eq(merge_open(&m, paths, n, data_path("editions/shop-3.cfg"), &d), 0, "%s",
                   d.n ? d.msgs[0] : "");
      cr_assert_eq(merge_combine(&m, NULL, &d), 0, "%s", d.n ? d.msgs[0] : "");
      char *out = xasprintf("%s/merged-%d.cfg", dir, round);
      cr_assert_eq(merge_write(&m, out, &d), 0, "round %d: %s", round, d.n ? d.msgs[0] : "");
      assessment *b = read_back(out, q);
      for (size_t k = 0; k < n; k++)
        notes_kept(in[k], b, "merge");
      ans_free(b);
      merge_free(&m);
      diag_clear(&d);
      for (size_t k = 0; k < n; k++)
        ans_free(in[k]), free(paths[k]);
      free(in), free(paths), free(out);
    }
  qn_free(q);
}

Test(roundtrip, random_migrations_read_back)
{
  questionnaire *q3 = load("editions/shop-3.cfg"), *next = load("editions/next.cfg");
  char *map = data_path("editions/shop-to-next.cfg");
  char *qfiles[2] = { data_path("editions/shop-3.cfg"), data_path("editions/next.cfg") };
  for (int round = 0; round < 15; round++)
    {
      assessment *a = random_assessment(q3);
      char *p = xasprintf("%s/mig-%d.cfg", dir, round), *np = xasprintf("%s/mig-%d-next.cfg", dir, round);
      cr_assert_eq(store_save(p, a, NULL, NULL), 0);
      diag_t d = { 0 }, warn = { 0 };
      mig_counts c;
      FILE *devnull = fopen("/dev/null", "w");
      cr_assert_eq(mig_run(map, p, np, qfiles, 2, devnull, &d, &warn, &c), 0, "round %d: %s", round,
                   d.n ? d.msgs[0] : "");
      fclose(devnull);
      assessment *b = read_back(np, next);
      notes_kept(a, b, "migration");
      ans_free(b);
      diag_clear(&d), diag_clear(&warn);
      ans_free(a);
      free(p), free(np);
    }
  free(map), free(qfiles[0]), free(qfiles[1]);
  qn_free(q3);
  qn_free(next);
}
