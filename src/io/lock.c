/* lock: advisory locking of an answers file.  See lock.h. */
#include <config.h>
#include "io/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The lock file could not be made or locked, for the reason err. */
static int
refused(lock_t *l, int err, diag_t *d)
{
  free(l->path);
  l->path = NULL;
  diag_add(d, NULL, 0, "%s", strerror(err));
  return EX_CANTCREAT;
}

int
lock_acquire(const char *answers_path, lock_t *l, pid_t *holder, diag_t *d)
{
  *holder = 0;
  l->fd = -1;
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
          return 0;
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
