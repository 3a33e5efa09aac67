/* afile: atomic replacement of a file.  See afile.h. */
#include <config.h>
#include "afile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/* The folder holding path ("." for a bare name). */
static char *
dir_of(const char *path)
{
  const char *slash = strrchr(path, '/');
  if (!slash)
    return xstrdup(".");
  if (slash == path)
    return xstrdup("/");
  return xstrndup(path, (size_t) (slash - path));
}

int
afile_write(const char *path, afile_writer writer, void *ctx)
{
  char *dir = dir_of(path);
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  /* A dot file beside the target: same filesystem, so rename is atomic,
   * and hidden from a casual ls. */
  char *tmp = xasprintf("%s/.%s.XXXXXX", dir, base);
  int saved = 0;
  FILE *f = NULL;

  int fd = mkstemp(tmp);
  if (fd < 0)
    {
      saved = errno;
      goto out;
    }
  if (fchmod(fd, S_IRUSR | S_IWUSR) != 0 || !(f = fdopen(fd, "w")))
    {
      saved = errno;
      close(fd);
      goto fail;
    }
  if (writer(f, ctx) != 0 || fflush(f) != 0 || ferror(f))
    {
      saved = errno ? errno : EIO;
      goto fail;
    }
  if (fsync(fileno(f)) != 0)
    {
      saved = errno;
      goto fail;
    }
  int rc = fclose(f);
  f = NULL;
  if (rc != 0)
    {
      saved = errno;
      goto fail;
    }
  if (rename(tmp, path) != 0)
    {
      saved = errno;
      goto fail;
    }
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd >= 0)
    {
      /* Some filesystems refuse fsync on a folder (EINVAL); the data is
       * already safe in the file, so that is not an error. */
      if (fsync(dfd) != 0 && errno != EINVAL && errno != EROFS)
        saved = errno;
      close(dfd);
    }
  goto out;

fail:
  if (f)
    fclose(f);
  unlink(tmp);
out:
  free(tmp);
  free(dir);
  if (saved)
    {
      errno = saved;
      return -1;
    }
  return 0;
}

int
afile_open_read(const char *path, struct stat *st)
{
  struct stat mine;
  if (!st)
    st = &mine;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode))
    {
      int e = errno;
      if (S_ISDIR(st->st_mode))
        e = EISDIR;
      else if (e == 0 || !S_ISREG(st->st_mode))
        e = EINVAL;
      close(fd);
      errno = e;
      return -1;
    }
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0)
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  return fd;
}

int
afile_cleanup(const char *path)
{
  char *dir = dir_of(path);
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  size_t blen = strlen(base);
  int removed = 0;
  DIR *d = opendir(dir);
  if (d)
    {
      struct dirent *ent;
      while ((ent = readdir(d)))
        {
          /* Exactly the names mkstemp made from ".BASE.XXXXXX". */
          const char *n = ent->d_name;
          if (n[0] != '.' || strncmp(n + 1, base, blen) != 0 || n[1 + blen] != '.'
              || strlen(n + 2 + blen) != 6)
            continue;
          char *full = xasprintf("%s/%s", dir, n);
          struct stat st;
          if (lstat(full, &st) == 0 && S_ISREG(st.st_mode) && unlink(full) == 0)
            removed++;
          free(full);
        }
      closedir(d);
    }
  free(dir);
  return removed;
}
