/* session: opening an assessment.  See session.h. */
#include <config.h>
#include "io/session.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "io/afile.h"
#include "base/i18n.h"
#include "io/qfind.h"
#include "base/text.h"
#include "base/xalloc.h"

int
session_open(session *s, const char *path, const char *qpath, bool create, diag_t *d)
{
  *s = (session){ 0 };
  /* Saving renames a new file over the path; for a symbolic link that
   * would replace the link, so save to what it points at, which is
   * created when the link dangles. */
  struct stat lst;
  char *real = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) ? afile_resolve(path) : NULL;
  s->path = real ? real : xstrdup(path);
  struct stat st;
  if (stat(s->path, &st) != 0 && errno == ENOENT)
    {
      if (!create)
        {
          diag_add(d, path, 0, _("cannot open: %s"), strerror(ENOENT));
          return EX_NOINPUT;
        }
      int rc = qfind_load(qpath, NULL, NULL, path, d, &s->qn);
      if (rc)
        return rc;
      s->a = ans_new(s->qn);
      char now[32];
      ans_now(now);
      ans_set_profile(s->a, ANS_STARTED, now);
      s->is_new = true;
      return 0;
    }

  store_loaded got;
  int rc = store_load(path, &(store_target){ .qpath = qpath, .found = &s->qn }, d, &s->a, &got);
  s->warn = got.warn;
  if (rc == 0)
    {
      s->stamp = got.stamp;
      s->file_edition = got.edition;
      s->newer = s->file_edition > s->qn->edition;
      s->upgrade = s->file_edition < s->qn->edition;
    }
  /* A file someone made read-only is respected, even by root, whom
   * access() would let write.  A newer edition's file is never written:
   * this questionnaire cannot place all of it. */
  if (rc == 0
      && (s->newer || !(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) || access(s->path, W_OK) != 0))
    s->read_only = true;
  return rc;
}

/* The k-th candidate name for the original of an earlier edition's
 * file (k from 1).  The name's last part is kept within NAME_MAX by
 * shortening the stem (between characters), so that a long name has a
 * backup too. */
static char *
backup_candidate(const char *path, unsigned edition, unsigned k)
{
  size_t n = strlen(path);
  bool cfg = n > 4 && strcmp(path + n - 4, ".cfg") == 0 && path[n - 5] != '/';
  size_t stem = cfg ? n - 4 : n;
  const char *slash = strrchr(path, '/');
  size_t base = slash ? (size_t) (slash + 1 - path) : 0;
  char extra[48];
  if (k > 1)
    snprintf(extra, sizeof extra, ".edition-%u.%u%s", edition, k, cfg ? ".cfg" : "");
  else
    snprintf(extra, sizeof extra, ".edition-%u%s", edition, cfg ? ".cfg" : "");
  size_t room = NAME_MAX > strlen(extra) ? NAME_MAX - strlen(extra) : 1;
  if (stem - base > room)
    {
      stem = base + room;
      while (stem > base + 1 && ((unsigned char) path[stem] & 0xC0) == 0x80)
        stem--;
    }
  return xasprintf("%.*s%s", (int) stem, path, extra);
}

/* How many names the search for a free one tries before it gives up:
 * it ends, whatever the folder holds. */
#define BACKUP_TRIES 1000

char *
session_backup_name(const char *path, unsigned edition)
{
  for (unsigned k = 1; k <= BACKUP_TRIES; k++)
    {
      char *name = backup_candidate(path, edition, k);
      struct stat st;
      if (lstat(name, &st) != 0)
        {
          /* Free, or a name that cannot be looked at (too long, no
           * permission, an I/O error): the search ends either way. */
          if (errno == ENOENT)
            return name;
          free(name);
          return NULL;
        }
      free(name);
    }
  errno = EEXIST;
  return NULL;
}

/* Whether the files a and b hold the same bytes. */
static bool
same_content(const char *a, const char *b)
{
  int fa = afile_open_read(a, NULL), fb = fa >= 0 ? afile_open_read(b, NULL) : -1;
  bool same = fa >= 0 && fb >= 0;
  char x[16384], y[16384];
  while (same)
    {
      ssize_t n = read(fa, x, sizeof x), m = n > 0 ? read(fb, y, (size_t) n) : read(fb, y, 1);
      if (n < 0 || m < 0 || n != m || (n > 0 && memcmp(x, y, (size_t) n) != 0))
        same = false;
      else if (n == 0)
        break;
    }
  if (fa >= 0)
    close(fa);
  if (fb >= 0)
    close(fb);
  return same;
}

/* Keep the original of an earlier edition's file beside it, under the
 * first free backup name, unless a backup of these very bytes is there
 * already (a save killed after the backup): 0, or EX_CANTCREAT with the
 * reason in d.  Every name is tried once; the search ends on any error. */
static int
keep_original(session *s, diag_t *d)
{
  int err = EEXIST;
  for (unsigned k = 1; k <= BACKUP_TRIES; k++)
    {
      char *name = backup_candidate(s->path, s->file_edition, k);
      struct stat st;
      if (lstat(name, &st) == 0)
        {
          if (S_ISREG(st.st_mode) && same_content(name, s->path))
            {
              s->backup = name;
              return 0;
            }
          free(name);
          continue;
        }
      if (errno != ENOENT)
        {
          err = errno;
          free(name);
          break;
        }
      diag_t why = { 0 };
      /* Never over an existing file: a name taken meanwhile is passed. */
      int brc = afile_write_new(name, afile_copy_cb, s->path, &why);
      if (brc == 0)
        {
          diag_clear(&why);
          s->backup = name;
          return 0;
        }
      free(name);
      if (brc != EX_TEMPFAIL)
        {
          diag_add(d, NULL, 0, "%s", why.n ? why.msgs[0] : strerror(EIO));
          diag_clear(&why);
          return EX_CANTCREAT;
        }
      diag_clear(&why);
    }
  diag_add(d, NULL, 0, _("cannot keep the original of edition %u beside it: %s"), s->file_edition,
           strerror(err));
  return EX_CANTCREAT;
}

int
session_save(session *s, diag_t *d)
{
  if (s->read_only)
    {
      diag_add(d, NULL, 0, "%s", _("the file is read-only"));
      return EX_NOPERM;
    }
  /* The original is kept before anything rewrites it. */
  if (s->upgrade && !s->backup && keep_original(s, d))
    return EX_CANTCREAT;
  int rc = store_save(s->path, s->a, &s->stamp, d);
  if (rc == 0)
    s->upgrade = false;
  return rc;
}

char *
session_read_only_text(const session *s)
{
  char *name = txt_sanitize(s->path, true);
  char *m = s->newer
              ? xasprintf(_("Read-only: saved with edition %u, newer than this questionnaire's %u, so kijun "
                            "will not change %s; open it with edition %u. Changes made now are written to a "
                            "separate file when you quit."),
                          s->file_edition, s->qn->edition, name, s->file_edition)
              : xasprintf(_("Read-only: %s is not writable, so kijun will not change it; "
                            "changes made now are written to a separate file when you quit."),
                          name);
  free(name);
  return m;
}

void
session_close(session *s)
{
  ans_free(s->a);
  qn_free(s->qn);
  free(s->path);
  free(s->backup);
  diag_clear(&s->warn);
  *s = (session){ 0 };
}
