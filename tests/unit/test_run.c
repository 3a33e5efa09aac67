/* Tests of front/run: the life cycle both front ends share.  Opening a
 * new answers file creates it at once and holds its lock until closed;
 * each save records the position; a read-only file is never written and
 * says why; the rescue copy holds the answers and reads back. */
#include <config.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "front/run.h"
#include "helpers.h"
#include "io/store.h"

static char *dir, *qpath;

static void
setup(void)
{
  dir = scratch_dir();
  qpath = data_path("mini.cfg");
}

TestSuite(run, .init = setup);

/* lock_acquire's status in another process (record locks never conflict
 * within one). */
static int
lock_in_child(const char *path)
{
  pid_t pid = fork();
  cr_assert_neq(pid, -1);
  if (pid == 0)
    {
      lock_t l;
      pid_t h;
      _exit(lock_acquire(path, &l, &h, NULL));
    }
  int st;
  cr_assert_eq(waitpid(pid, &st, 0), pid);
  return WEXITSTATUS(st);
}

static char *
slurp(const char *path)
{
  FILE *f = fopen(path, "rb");
  cr_assert(f, "cannot read %s", path);
  static char buf[1 << 16];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

Test(run, a_new_file_is_created_at_once_and_locked_until_closed)
{
  char *path = xasprintf("%s/sub/a.cfg", dir);
  session s;
  lock_t lk;
  assessment *pa;
  char msg[64];
  cr_assert_eq(run_open(path, qpath, NULL, &s, &lk, &pa, msg, sizeof msg), 0);
  struct stat st;
  cr_assert_eq(stat(path, &st), 0, "the new file exists before the first answer");
  cr_assert(s.is_new);
  cr_assert_null(pa);
  cr_assert_eq(lock_in_child(path), EX_TEMPFAIL, "another process finds it locked");
  run_close(&s, &lk, pa);
  cr_assert_eq(lock_in_child(path), 0, "closing releases the lock");
  free(path);
}

Test(run, a_save_records_the_position_and_a_read_only_file_says_why)
{
  char *path = xasprintf("%s/a.cfg", dir);
  session s;
  lock_t lk;
  assessment *pa;
  char msg[64], why[RUN_WHY] = "";
  bool told = false;
  char *m;
  cr_assert_eq(run_open(path, qpath, NULL, &s, &lk, &pa, msg, sizeof msg), 0);
  ans_set_status(s.a, 0, ANS_PARTIAL);
  cr_assert_eq(run_save(&s, s.qn->questions[1].id, &told, why, &m), 0);
  cr_assert_null(m, "a plain save says nothing");
  char *want = xasprintf("position = \"%s\";", s.qn->questions[1].id);
  cr_assert(strstr(slurp(path), want), "the position is saved with the change");
  free(want);
  run_close(&s, &lk, pa);

  cr_assert_eq(chmod(path, 0400), 0);
  cr_assert_eq(run_open(path, qpath, NULL, &s, &lk, &pa, msg, sizeof msg), 0);
  cr_assert(s.read_only);
  ans_set_status(s.a, 1, ANS_IMPLEMENTED);
  cr_assert_eq(run_save(&s, NULL, &told, why, &m), EX_NOPERM);
  cr_assert(m && strstr(m, "Read-only"), "the message says why: %s", m ? m : "(none)");
  cr_assert(why[0], "and the reason is kept for later messages");
  free(m);
  cr_assert(!strstr(slurp(path), "implemented\""), "the read-only file is not written");

  char *copy = run_rescue(&s);
  cr_assert(copy, "the rescue copy is written");
  cr_assert(strstr(copy, ".unsaved-"), "beside the file: %s", copy);
  store_doc *doc;
  diag_t d = { 0 };
  cr_assert_eq(store_read(copy, &d, &doc), 0, "kijun reads the copy back");
  store_doc_free(doc);
  cr_assert(strstr(slurp(copy), "status = \"implemented\""), "the copy holds the answer");
  free(copy);
  run_close(&s, &lk, pa);
  free(path);
}

/* A new assessment's file that another command made meanwhile (kijun
 * never read a file there) is said to be created, not changed, and is
 * left as it is. */
Test(run, a_file_another_program_created_is_said_to_be_created)
{
  char *path = xasprintf("%s/new.cfg", dir);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, path, qpath, true, &d), 0);
  cr_assert(s.is_new);
  free(write_file(dir, "new.cfg", "made by --next-cycle meanwhile\n"));
  ans_set_status(s.a, 0, ANS_PARTIAL);
  char why[RUN_WHY] = "";
  bool told = false;
  char *m;
  cr_assert_eq(run_save(&s, NULL, &told, why, &m), EX_TEMPFAIL);
  cr_assert(m && strstr(m, "another program created the answers file"), "%s", m ? m : "(none)");
  cr_assert(!strstr(m, "changed"), "%s", m);
  cr_assert(strstr(why, "created"), "the reason says so too: %s", why);
  cr_assert_str_eq(slurp(path), "made by --next-cycle meanwhile\n", "the other file is untouched");
  free(m);
  session_close(&s);
  free(path);
}
