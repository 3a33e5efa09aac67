/* Tests of lock: one kijun at a time on an answers file.  POSIX record
 * locks never conflict within one process, so the other kijun is a
 * child process here, as it is a second program in life. */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "io/lock.h"

static char *dir;

static void
setup(void)
{
  dir = scratch_dir();
}

TestSuite(lock, .init = setup);

/* What lock_acquire returns in a child process, as its exit status; the
 * holder's pid the child saw goes to *holder. */
static int
try_in_child(const char *path, pid_t *holder)
{
  int fds[2];
  cr_assert_eq(pipe(fds), 0);
  pid_t pid = fork();
  cr_assert_neq(pid, -1);
  if (pid == 0)
    {
      lock_t l;
      pid_t h;
      int rc = lock_acquire(path, &l, &h, NULL);
      if (write(fds[1], &h, sizeof h) != sizeof h)
        _exit(100);
      _exit(rc);
    }
  close(fds[1]);
  pid_t h = -1;
  cr_assert_eq(read(fds[0], &h, sizeof h), (ssize_t) sizeof h);
  close(fds[0]);
  int st;
  cr_assert_eq(waitpid(pid, &st, 0), pid);
  cr_assert(WIFEXITED(st));
  if (holder)
    *holder = h;
  return WEXITSTATUS(st);
}

Test(lock, a_second_kijun_is_refused_and_told_who_holds_it)
{
  char *a = xasprintf("%s/a.cfg", dir);
  lock_t l;
  pid_t h;
  cr_assert_eq(lock_acquire(a, &l, &h, NULL), 0);
  char *lf = xasprintf("%s/.a.cfg.lock", dir);
  struct stat st;
  cr_assert_eq(stat(lf, &st), 0, "the lock file is beside the answers file");
  pid_t seen;
  cr_assert_eq(try_in_child(a, &seen), EX_TEMPFAIL);
  cr_assert_eq(seen, getpid());
  lock_release(&l);
  cr_assert_neq(stat(lf, &st), 0, "release removes the lock file");
  cr_assert_eq(try_in_child(a, NULL), 0, "free again after release");
  free(a), free(lf);
}

Test(lock, two_names_for_one_file_share_the_lock)
{
  char *a = write_file(dir, "a.cfg", "");
  char *link = xasprintf("%s/link.cfg", dir);
  cr_assert_eq(symlink("a.cfg", link), 0);
  lock_t l;
  pid_t h;
  cr_assert_eq(lock_acquire(link, &l, &h, NULL), 0);
  cr_assert_eq(try_in_child(a, NULL), EX_TEMPFAIL);
  lock_release(&l);
  free(a), free(link);
}

/* Issue 21: two hard links are two names with two lock files; the lock
 * on the file itself (its device and inode) still makes them one, and it
 * holds after a save replaced the file under the first name. */
Test(lock, hard_links_to_one_file_share_the_lock)
{
  char *a = write_file(dir, "h.cfg", "x\n");
  char *b = xasprintf("%s/other-name.cfg", dir);
  cr_assert_eq(link(a, b), 0);
  lock_t l;
  pid_t h;
  cr_assert_eq(lock_acquire(a, &l, &h, NULL), 0);
  cr_assert_eq(try_in_child(b, NULL), EX_TEMPFAIL);
  lock_release(&l);
  cr_assert_eq(try_in_child(b, NULL), 0, "free again after release");
  free(a), free(b);
}

Test(lock, a_planted_link_is_refused_with_the_reason)
{
  char *a = xasprintf("%s/a.cfg", dir);
  char *lf = xasprintf("%s/.a.cfg.lock", dir);
  char *target = xasprintf("%s/elsewhere", dir);
  cr_assert_eq(symlink(target, lf), 0);
  lock_t l;
  pid_t h;
  diag_t d = { 0 };
  cr_assert_eq(lock_acquire(a, &l, &h, &d), EX_CANTCREAT);
  cr_assert_eq(d.n, 1);
  cr_assert_str_eq(d.msgs[0], strerror(ELOOP));
  struct stat st;
  cr_assert_neq(lstat(target, &st), 0, "the link's target was not created");
  diag_clear(&d);
  free(a), free(lf), free(target);
}

Test(lock, a_dead_holder_does_not_block)
{
  char *a = xasprintf("%s/a.cfg", dir);
  int fds[2];
  cr_assert_eq(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0)
    {
      lock_t l;
      pid_t h;
      char ok = lock_acquire(a, &l, &h, NULL) == 0 ? 'y' : 'n';
      if (write(fds[1], &ok, 1) != 1)
        _exit(1);
      pause();
      _exit(0);
    }
  char ok;
  cr_assert_eq(read(fds[0], &ok, 1), 1);
  cr_assert_eq(ok, 'y');
  cr_assert_eq(try_in_child(a, NULL), EX_TEMPFAIL, "held while the holder lives");
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  lock_t l;
  pid_t h;
  cr_assert_eq(lock_acquire(a, &l, &h, NULL), 0, "the lock of a killed holder is free");
  lock_release(&l);
  free(a);
}
