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
#include <string.h>
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
#include "ops/merge.h"
#include "ops/migrate.h"

#define KILLS 250

static questionnaire *qn;

static assessment *
load(const char *path)
{
  diag_t d = { 0 };
  assessment *a = NULL;
  store_loaded got;
  store_load(path, &(store_target){ .q = qn }, &d, &a, &got);
  diag_clear(&got.warn);
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

/* Issue 21: kills during a merge and during a migration.  Each kill
 * leaves either no new file or the whole new file, which opens; a
 * hidden temporary file a kill left is removed by the next command that
 * writes that name, so none is left at the end. */
#define OP_KILLS 40

/* The child: one merge (op 0) or migration (op 1) into out. */
static void
run_op(int op, char **inputs, const char *out, int fd)
{
  diag_t d = { 0 };
  if (op == 0)
    {
      merge m;
      char *qp = data_path("editions/shop-3.cfg");
      if (merge_open(&m, inputs, 3, qp, &d) != 0 || merge_combine(&m, NULL, &d) != 0
          || merge_write(&m, out, &d) != 0)
        _exit(3);
    }
  else
    {
      diag_t warn = { 0 };
      mig_counts c;
      FILE *null = fopen("/dev/null", "w");
      char *q[2] = { data_path("editions/shop-3.cfg"), data_path("editions/next.cfg") };
      char *map = data_path("editions/shop-to-next.cfg");
      if (mig_run(map, inputs[0], out, q, 2, null, &d, &warn, &c) != 0)
        _exit(3);
    }
  char ok = 1;
  if (write(fd, &ok, 1) != 1)
    _exit(4);
  _exit(0);
}

Test(killstorm, a_kill_during_a_merge_or_a_migration_leaves_no_file_or_a_whole_one, .timeout = 300)
{
  setlocale(LC_ALL, "C.UTF-8");
  questionnaire *q3, *next;
  char *qp = data_path("editions/shop-3.cfg"), *np = data_path("editions/next.cfg");
  diag_t d = { 0 };
  cr_assert_eq(qload_file(qp, &d, &q3), 0);
  cr_assert_eq(qload_file(np, &d, &next), 0);
  char *dir = scratch_dir();
  unsigned seed = storm_seed();
  /* Three inputs with long notes, so that a write takes a while. */
  char *inputs[3];
  for (int k = 0; k < 3; k++)
    {
      assessment *a = ans_new(q3);
      char *note = xmalloc(40001);
      memset(note, 'a' + k, 40000);
      note[40000] = '\0';
      ans_set_profile(a, ANS_ORGANIZATION, "Shop water works");
      for (size_t i = 0; i < q3->nquestions; i++)
        {
          ans_set_status(a, i, (enum ans_status) (1 + (k + (int) i) % (ANS_STATUS_COUNT - 1)));
          ans_set_note(a, i, note);
        }
      inputs[k] = xasprintf("%s/in-%d.cfg", dir, k);
      cr_assert_eq(store_save(inputs[k], a, NULL, NULL), 0);
      free(note);
      ans_free(a);
    }
  int whole = 0, none = 0;
  for (int op = 0; op < 2; op++)
    {
      char *out = xasprintf("%s/%s.cfg", dir, op ? "migrated" : "merged");
      const questionnaire *oq = op ? next : q3;
      for (int k = 0; k < OP_KILLS; k++)
        {
          unlink(out);
          int p[2];
          cr_assert_eq(pipe(p), 0);
          pid_t pid = fork();
          cr_assert_neq(pid, -1);
          if (pid == 0)
            {
              close(p[0]);
              run_op(op, inputs, out, p[1]);
            }
          close(p[1]);
          struct timespec ts = { 0, (long) (rand() % 200000) * 1000L };
          nanosleep(&ts, NULL);
          kill(pid, SIGKILL);
          int status;
          waitpid(pid, &status, 0);
          char ok = 0;
          bool done = read(p[0], &ok, 1) == 1;
          close(p[0]);
          if (access(out, F_OK) != 0)
            {
              cr_assert_not(done, "seed %u, op %d, kill %d: acknowledged, but no file", seed, op, k);
              none++;
              continue;
            }
          store_doc *doc;
          assessment *a = NULL;
          cr_assert_eq(store_read(out, &d, &doc), 0, "seed %u, op %d, kill %d: the new file does not parse", seed,
                       op, k);
          cr_assert_eq(store_bind(doc, oq, &d, &a, NULL), 0, "seed %u, op %d, kill %d", seed, op, k);
          store_doc_free(doc);
          /* Whole: every question the inputs answered has its answer. */
          for (size_t i = 0; i < oq->nquestions; i++)
            if (!op || i < 3)
              cr_assert(a->e[i].status != ANS_NONE || op, "seed %u, op %d, kill %d: question %zu lost", seed, op,
                        k, i);
          cr_assert_gt(strlen(a->e[0].note ? a->e[0].note : ""), 0);
          ans_free(a);
          whole++;
        }
      /* A last run, not killed: it removes what the killed ones left. */
      unlink(out);
      int p[2];
      cr_assert_eq(pipe(p), 0);
      pid_t pid = fork();
      if (pid == 0)
        {
          close(p[0]);
          run_op(op, inputs, out, p[1]);
        }
      close(p[1]);
      int status;
      waitpid(pid, &status, 0);
      close(p[0]);
      cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "seed %u, op %d: the last run failed", seed, op);
      char *cmd = xasprintf("! ls -A '%s' | grep -q 'kijun-tmp'", dir);
      cr_assert_eq(system(cmd), 0, "seed %u, op %d: a temporary file of a killed run is left", seed, op);
      free(cmd);
      free(out);
    }
  cr_log_info("%d kills left the whole new file, %d none", whole, none);
  cr_assert_gt(whole, 0, "seed %u: no run finished before its kill; the storm tested nothing", seed);
  diag_clear(&d);
  for (int k = 0; k < 3; k++)
    free(inputs[k]);
  free(qp), free(np), free(dir);
  qn_free(q3);
  qn_free(next);
}

/* An upgrade killed after its backup: the next first save reuses the
 * backup of the same bytes and keeps no second copy. */
Test(killstorm, an_upgrade_killed_after_its_backup_leaves_one_backup, .timeout = 120)
{
  setlocale(LC_ALL, "C.UTF-8");
  char *qp = data_path("editions/shop-3.cfg"), *fixture = data_path("editions/shop-1-answers.cfg");
  char *original = read_file(fixture);
  char *dir = scratch_dir();
  char *path = write_file(dir, "answers.cfg", original);
  /* What a kill between the backup and the save leaves. */
  char *backup = write_file(dir, "answers.edition-1.cfg", original);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, path, qp, false, &d), 0);
  cr_assert_eq(session_save(&s, &d), 0);
  char *second = xasprintf("%s/answers.edition-1.2.cfg", dir);
  cr_assert_neq(access(second, F_OK), 0, "a second, identical backup was made");
  session_close(&s);
  free(qp), free(fixture), free(original), free(dir), free(path), free(backup), free(second);
}
