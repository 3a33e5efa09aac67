/* lock: advisory locking of an answers file.  See lock.h. */
#include <config.h>
#include "io/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "io/afile.h"
#include "base/xalloc.h"

static char *
lock_path(const char *answers_path)
{
  char *real = afile_resolve(answers_path);
  if (!real)
    return NULL;
  char *p = afile_sibling(real, "lock");
  free(real);
  return p;
}

void lock_release(lock_t *l);

/* The lock file could not be made or locked, for the reason err. */
static int
refused(lock_t *l, int err, diag_t *d)
{
  free(l->path);
  l->path = NULL;
  diag_add(d, NULL, 0, "%s", strerror(err));
  return EX_CANTCREAT;
}

/* With the name's lock held: the lock on the file itself, keyed by the
 * kernel on its device and inode, so that two hard links to one file
 * (separate names, separate lock files) are still one file to lock.  A
 * file that does not exist yet, or cannot be opened for reading, has only
 * its name's lock. */
static int
lock_file_itself(const char *answers_path, lock_t *l, diag_t *d)
{
  (void) d;
  int fd = open(answers_path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  struct stat st;
  if (fd < 0)
    return 0;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    {
      close(fd);
      return 0;
    }
  /* flock belongs to the open file description: kijun's own reads of the
   * file (open, close) never drop it, as they would a POSIX lock. */
  if (flock(fd, LOCK_EX | LOCK_NB) != 0)
    {
      int e = errno;
      close(fd);
      if (e == EWOULDBLOCK)
        {
          lock_release(l);
          return EX_TEMPFAIL;
        }
      /* Not supported here (some network filesystems): the name's lock
       * stands alone, as before. */
      return 0;
    }
  l->file_fd = fd;
  return 0;
}

int
lock_acquire(const char *answers_path, lock_t *l, pid_t *holder, diag_t *d)
{
  *holder = 0;
  l->fd = -1;
  l->file_fd = -1;
  l->path = lock_path(answers_path);
  if (!l->path)
    return refused(l, errno ? errno : ELOOP, d);
  for (int attempt = 0; attempt < 10; attempt++)
    {
      int fd = open(l->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd < 0)
        return refused(l, errno, d);
      struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
      if (fcntl(fd, F_SETLK, &fl) != 0)
        {
          int e = errno;
          if (e == EACCES || e == EAGAIN)
            {
              struct flock q = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
              if (fcntl(fd, F_GETLK, &q) == 0 && q.l_type != F_UNLCK)
                *holder = q.l_pid;
              close(fd);
              break;
            }
          close(fd);
          return refused(l, e, d);
        }
      /* The previous holder may have removed the file between our open
       * and our lock; then we hold a lock on nothing and must retry. */
      struct stat a, b;
      if (fstat(fd, &a) == 0 && lstat(l->path, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
        {
          char pid[32];
          int n = snprintf(pid, sizeof pid, "%ld\n", (long) getpid());
          if (ftruncate(fd, 0) == 0 && write(fd, pid, (size_t) n) < 0)
            {
              /* The pid is only informative. */
            }
          l->fd = fd;
          return lock_file_itself(answers_path, l, d);
        }
      close(fd);
    }
  free(l->path);
  l->path = NULL;
  return EX_TEMPFAIL;
}

void
lock_release(lock_t *l)
{
  if (l->file_fd >= 0)
    close(l->file_fd);
  l->file_fd = -1;
  if (l->fd >= 0)
    {
      /* Remove the file while still holding the lock, so no one can lock
       * the old file after we let go. */
      unlink(l->path);
      close(l->fd);
    }
  free(l->path);
  l->fd = -1;
  l->path = NULL;
}
