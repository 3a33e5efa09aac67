/* afile: atomic replacement of a file.  See afile.h. */
#include <config.h>
#include "io/afile.h"

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "base/xalloc.h"

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

static const char *
base_of(const char *path)
{
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

#define TMP_TAG "kijun-tmp-"

char *
afile_sibling(const char *path, const char *tag)
{
  char *dir = dir_of(path);
  const char *base = base_of(path);
  char *out;
  if (strlen(base) + strlen(tag) + 2 <= NAME_MAX)
    out = xasprintf("%s/.%s.%s", dir, base, tag);
  else
    {
      uint8_t sum[SHA256_DIGEST_SIZE];
      struct sha256_ctx c;
      sha256_init(&c);
      sha256_update(&c, strlen(base), (const uint8_t *) base);
      sha256_digest(&c, sizeof sum, sum);
      out = xasprintf("%s/.kijun-%02x%02x%02x%02x%02x%02x%02x%02x.%s", dir, sum[0], sum[1], sum[2],
                      sum[3], sum[4], sum[5], sum[6], sum[7], tag);
    }
  free(dir);
  return out;
}

char *
afile_resolve(const char *path)
{
  char *cur = xstrdup(path);
  for (int hops = 0;; hops++)
    {
      struct stat st;
      if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
        break;
      if (hops == 40)
        {
          free(cur);
          errno = ELOOP;
          return NULL;
        }
      char target[PATH_MAX];
      ssize_t n = readlink(cur, target, sizeof target - 1);
      if (n < 0)
        break;
      target[n] = '\0';
      char *next;
      if (target[0] == '/')
        next = xstrdup(target);
      else
        {
          char *dir = dir_of(cur);
          next = xasprintf("%s/%s", dir, target);
          free(dir);
        }
      free(cur);
      cur = next;
    }
  char *real = realpath(cur, NULL);
  if (!real)
    {
      /* Not there yet: the folder's real name and the file's. */
      char *dir = dir_of(cur), *rdir = realpath(dir, NULL);
      if (rdir)
        real = xasprintf("%s/%s", strcmp(rdir, "/") == 0 ? "" : rdir, base_of(cur));
      free(rdir);
      free(dir);
    }
  if (!real)
    return cur;
  free(cur);
  return real;
}

/* Put the finished temporary file at path: replacing what is there, or,
 * when exclusive, only if nothing is (a hard link fails on an existing
 * name, atomically; where links are not supported, a rename that does not
 * replace; only where neither is, a check and a rename stand in). */
static int
put_in_place(const char *tmp, const char *path, bool exclusive)
{
  if (!exclusive)
    return rename(tmp, path);
  if (link(tmp, path) == 0)
    return unlink(tmp), 0;
  if (errno == EEXIST)
    return -1;
#ifdef RENAME_NOREPLACE
  /* No hard links here (some network and FAT filesystems): a rename
   * that refuses to replace is just as exclusive. */
  if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno == EEXIST)
    return -1;
#endif
  /* Neither (an old kernel): a check and a rename stand in. */
  struct stat st;
  if (lstat(path, &st) == 0)
    return errno = EEXIST, -1;
  return rename(tmp, path);
}

static int
write_file(const char *path, afile_writer writer, void *ctx, bool exclusive, diag_t *d)
{
  char *dir = dir_of(path);
  /* A dot file beside the target: same filesystem, so rename is atomic,
   * and hidden from a casual ls. */
  char *tmp = afile_sibling(path, TMP_TAG "XXXXXX");
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
  if (put_in_place(tmp, path, exclusive) != 0)
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
  if (!saved)
    return 0;
  diag_add(d, NULL, 0, "%s", strerror(saved));
  /* A name taken meanwhile: the caller may try another. */
  return exclusive && saved == EEXIST ? EX_TEMPFAIL : EX_CANTCREAT;
}

int
afile_write(const char *path, afile_writer writer, void *ctx, diag_t *d)
{
  return write_file(path, writer, ctx, false, d);
}

int
afile_write_new(const char *path, afile_writer writer, void *ctx, diag_t *d)
{
  return write_file(path, writer, ctx, true, d);
}

int
afile_copy_cb(FILE *f, void *ctx)
{
  int fd = afile_open_read(ctx, NULL);
  if (fd < 0)
    return EX_IOERR;
  char buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0)
    if (fwrite(buf, 1, (size_t) n, f) != (size_t) n)
      break;
  int saved = n < 0 ? errno : ferror(f) ? EIO : 0;
  close(fd);
  /* errno tells write_file why. */
  return saved ? (errno = saved, EX_IOERR) : 0;
}

int
afile_make_parents(const char *file, diag_t *d)
{
  /* An empty name has no folders (and no first byte to skip). */
  int err = *file ? 0 : ENOENT;
  char *p = xstrdup(file);
  for (char *s = p + 1; !err && *s; s++)
    {
      if (*s != '/')
        continue;
      *s = '\0';
      if (mkdir(p, 0700) != 0 && errno != EEXIST)
        err = errno;
      *s = '/';
    }
  free(p);
  if (!err)
    return 0;
  diag_add(d, NULL, 0, "%s", strerror(err));
  return EX_CANTCREAT;
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

/* Whether the file at full is a temporary file of ours: empty, or
 * beginning with mark. */
static bool
is_ours(const char *full, const char *mark)
{
  int fd = open(full, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return false;
  struct stat st;
  bool ours = false;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
    {
      char head[64];
      size_t want = strlen(mark) < sizeof head ? strlen(mark) : sizeof head;
      ssize_t n = st.st_size == 0 ? 0 : read(fd, head, want);
      ours = st.st_size == 0 || (n == (ssize_t) want && memcmp(head, mark, want) == 0);
    }
  close(fd);
  return ours;
}

int
afile_cleanup(const char *path, const char *mark)
{
  char *dir = dir_of(path);
  char *pattern = afile_sibling(path, TMP_TAG);
  const char *prefix = base_of(pattern);
  size_t plen = strlen(prefix);
  int removed = 0;
  DIR *d = opendir(dir);
  if (d)
    {
      struct dirent *ent;
      while ((ent = readdir(d)))
        {
          /* Exactly the names mkstemp made from ".NAME.kijun-tmp-XXXXXX". */
          const char *n = ent->d_name;
          if (strncmp(n, prefix, plen) != 0 || strlen(n + plen) != 6)
            continue;
          char *full = xasprintf("%s/%s", dir, n);
          if (is_ours(full, mark) && unlink(full) == 0)
            removed++;
          free(full);
        }
      closedir(d);
    }
  free(pattern);
  free(dir);
  return removed;
}
