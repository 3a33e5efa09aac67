/* Fault injection: a child process saves an assessment over and over
 * through the same store_save as kijun, and is killed with SIGKILL at
 * random moments, 250 times.  After each kill the answers file must
 * parse and hold either the state of the last acknowledged save or that
 * of the save in flight, never a mixture or a torn file.
 *
 * A second storm kills the first save of an earlier edition's file (which
 * keeps the original beside it, then rewrites the file at the new
 * edition): the file must parse and be the old edition, byte for byte,
 * or the new one, whole; a backup, when there is one, is the original.
 *
 * The moments come from rand(), seeded from KIJUN_KILLSTORM_SEED when it
 * is set, else from the clock and the pid; the seed is printed first and
 * named in every failure, so a failing storm can be run again:
 * make check TESTS=tests/unit/test_killstorm KIJUN_KILLSTORM_SEED=N
 * (the kernel's scheduling still varies from run to run). */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "io/afile.h"
#include "io/qload.h"
#include "io/session.h"
#include "io/store.h"

#define KILLS 250

static questionnaire *qn;

static assessment *
load(const char *path)
{
  diag_t d = { 0 };
  store_doc *doc;
  assessment *a = NULL;
  if (store_read(path, &d, &doc) == 0)
    {
      store_bind(doc, qn, &d, &a, NULL);
      store_doc_free(doc);
    }
  if (d.n)
    cr_log_error("%s", d.msgs[0]);
  diag_clear(&d);
  return a;
}

/* Seed rand() from KIJUN_KILLSTORM_SEED, or from the clock and the pid;
 * returns the seed.  It is shown when the test runs by itself; under make
 * check, every failure message names it. */
static unsigned
storm_seed(void)
{
  const char *given = getenv("KIJUN_KILLSTORM_SEED");
  unsigned seed = given && *given ? (unsigned) strtoul(given, NULL, 10)
                                  : (unsigned) time(NULL) ^ ((unsigned) getpid() << 16);
  fprintf(stderr, "# killstorm: seed %u (replay with KIJUN_KILLSTORM_SEED=%u)\n", seed, seed);
  srand(seed);
  return seed;
}

/* The child: generation g writes g into the organisation and into every
 * note, then reports g on the pipe once the save returned. */
static void
storm(const char *path, long from, int fd)
{
  assessment *a = ans_new(qn);
  for (long g = from;; g++)
    {
      char buf[32];
      snprintf(buf, sizeof buf, "%ld", g);
      ans_set_profile(a, ANS_ORGANIZATION, buf);
      for (size_t i = 0; i < qn->nquestions; i++)
        {
          ans_set_status(a, i, (enum ans_status) (1 + (g + (long) i) % (ANS_STATUS_COUNT - 1)));
          ans_set_note(a, i, buf);
        }
      if (store_save(path, a, NULL, NULL) != 0)
        _exit(3);
      if (write(fd, &g, sizeof g) != sizeof g)
        _exit(4);
    }
}

Test(killstorm, every_kill_leaves_a_whole_file, .timeout = 300)
{
  setlocale(LC_ALL, "C.UTF-8");
  char *qp = data_path("mini.cfg");
  diag_t d = { 0 };
  cr_assert_eq(qload_file(qp, &d, &qn), 0);
  char *dir = scratch_dir();
  char *path = xasprintf("%s/storm.cfg", dir);
  unsigned seed = storm_seed();

  long acked = 0;
  int torn = 0, after = 0;
  for (int k = 0; k < KILLS; k++)
    {
      int p[2];
      cr_assert_eq(pipe(p), 0);
      pid_t pid = fork();
      cr_assert_neq(pid, -1);
      if (pid == 0)
        {
          close(p[0]);
          storm(path, acked + 1, p[1]);
        }
      close(p[1]);
      /* Let it run for up to 15 ms, then kill it wherever it is. */
      struct timespec ts = { 0, (long) (rand() % 15000) * 1000L };
      nanosleep(&ts, NULL);
      kill(pid, SIGKILL);
      int status;
      waitpid(pid, &status, 0);
      long g;
      while (read(p[0], &g, sizeof g) == sizeof g)
        acked = g;
      close(p[0]);

      if (access(path, F_OK) != 0)
        {
          cr_assert_eq(acked, 0, "seed %u: the file is gone after save %ld was acknowledged", seed, acked);
          continue;
        }
      assessment *a = load(path);
      if (!a)
        {
          torn++;
          continue;
        }
      long o = strtol(a->profile[ANS_ORGANIZATION], NULL, 10);
      cr_assert(o == acked || o == acked + 1,
                "seed %u, kill %d: the file holds generation %ld, but %ld was the last acknowledged", seed, k, o,
                acked);
      if (o == acked + 1)
        after++;
      for (size_t i = 0; i < qn->nquestions; i++)
        cr_assert_eq(strtol(a->e[i].note, NULL, 10), o, "seed %u, kill %d: question %zu is from another save", seed,
                     k, i);
      acked = o;
      ans_free(a);
    }
  cr_assert_eq(torn, 0, "seed %u: %d of %d kills left a file that does not parse", seed, torn, KILLS);
  cr_log_info("%d kills; %d landed after the save in flight; last generation %ld", KILLS, after, acked);
  /* Killed saves leave temporary files; the next session clears them. */
  int left = afile_cleanup(path, STORE_MARK);
  cr_log_info("%d temporary files of killed saves removed", left);
  char *cmd = xasprintf("test $(ls -A '%s' | wc -l) -eq 1", dir);
  cr_assert_eq(system(cmd), 0, "only the answers file remains");
  free(cmd);
  free(path);
  free(qp);
  qn_free(qn);
}

#define UPGRADE_KILLS 150

Test(killstorm, a_kill_during_the_upgrading_save_leaves_the_old_edition_or_the_new, .timeout = 300)
{
  setlocale(LC_ALL, "C.UTF-8");
  char *qp = data_path("editions/shop-3.cfg"), *fixture = data_path("editions/shop-1-answers.cfg");
  diag_t d = { 0 };
  cr_assert_eq(qload_file(qp, &d, &qn), 0);
  char *original = read_file(fixture);
  char *dir = scratch_dir();
  char *path = xasprintf("%s/answers.cfg", dir), *backup = xasprintf("%s/answers.edition-1.cfg", dir);
  unsigned seed = storm_seed();
  int old = 0, upgraded = 0;
  for (int k = 0; k < UPGRADE_KILLS; k++)
    {
      free(write_file(dir, "answers.cfg", original));
      unlink(backup);
      int p[2];
      cr_assert_eq(pipe(p), 0);
      pid_t pid = fork();
      cr_assert_neq(pid, -1);
      if (pid == 0)
        {
          close(p[0]);
          session s = { 0 };
          s.path = path;
          s.qn = qn;
          s.a = load(path);
          s.file_edition = 1;
          s.upgrade = true;
          if (!s.a)
            _exit(2);
          ans_set_status(s.a, (size_t) qn_find_question(qn, "a1"), ANS_PARTIAL);
          if (session_save(&s, NULL) != 0)
            _exit(3);
          char ok = 1;
          if (write(p[1], &ok, 1) != 1)
            _exit(4);
          _exit(0);
        }
      close(p[1]);
      struct timespec ts = { 0, (long) (rand() % 4000) * 1000L };
      nanosleep(&ts, NULL);
      kill(pid, SIGKILL);
      int status;
      waitpid(pid, &status, 0);
      char ok = 0;
      bool saved = read(p[0], &ok, 1) == 1;
      close(p[0]);

      char *now = read_file(path);
      cr_assert(now, "seed %u, kill %d: the answers file is gone", seed, k);
      diag_t e = { 0 };
      store_doc *doc;
      cr_assert_eq(store_read(path, &e, &doc), 0, "seed %u, kill %d: the file does not parse", seed, k);
      unsigned ed = store_doc_qedition(doc);
      assessment *a;
      cr_assert_eq(store_bind(doc, qn, &e, &a, NULL), 0);
      store_doc_free(doc);
      diag_clear(&e);
      if (ed == 1)
        {
          cr_assert_not(saved, "seed %u, kill %d: the save was acknowledged, but the file is the old edition", seed, k);
          cr_assert_str_eq(now, original, "seed %u, kill %d: the old edition is not whole", seed, k);
          old++;
        }
      else
        {
          cr_assert_eq(ed, 3, "seed %u, kill %d: edition %u", seed, k, ed);
          /* The new edition, whole: the confirmed answer, the carried
           * ones, and every retired answer. */
          cr_assert_eq(a->e[qn_find_question(qn, "a1")].status, ANS_PARTIAL);
          cr_assert_not(a->e[qn_find_question(qn, "a1")].reconfirm);
          cr_assert(a->e[qn_find_question(qn, "b2-doc")].reconfirm);
          cr_assert_eq(a->nretired, 2, "seed %u, kill %d", seed, k);
          /* It was written after the original was kept. */
          char *kept = read_file(backup);
          cr_assert(kept, "seed %u, kill %d: upgraded without a backup", seed, k);
          cr_assert_str_eq(kept, original);
          free(kept);
          upgraded++;
        }
      char *kept = read_file(backup);
      if (kept)
        cr_assert_str_eq(kept, original, "seed %u, kill %d: the backup is not the original", seed, k);
      free(kept);
      ans_free(a);
      free(now);
      afile_cleanup(path, STORE_MARK);
    }
  cr_log_info("%d kills: %d left the old edition, %d the new", UPGRADE_KILLS, old, upgraded);
  cr_assert_gt(old + upgraded, 0);
  free(path), free(backup), free(original), free(fixture), free(qp);
  qn_free(qn);
}
