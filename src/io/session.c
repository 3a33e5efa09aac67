/* session: opening an assessment.  See session.h. */
#include <config.h>
#include "io/session.h"

#include <errno.h>
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

  store_doc *doc;
  int rc = store_read(path, d, &doc);
  if (rc)
    return rc;
  rc = qfind_load(qpath, store_doc_qid(doc), store_doc_qversion(doc), path, d, &s->qn);
  if (rc == 0)
    {
      rc = store_bind(doc, s->qn, d, &s->a, &s->stamp);
      diag_t *w = store_doc_warnings(doc);
      s->warn = *w;
      *w = (diag_t){ 0 };
      s->file_edition = store_doc_qedition(doc);
      s->newer = s->file_edition > s->qn->edition;
      s->upgrade = s->file_edition < s->qn->edition;
    }
  store_doc_free(doc);
  /* A file someone made read-only is respected, even by root, whom
   * access() would let write.  A newer edition's file is never written:
   * this questionnaire cannot place all of it. */
  if (rc == 0
      && (s->newer || !(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) || access(s->path, W_OK) != 0))
    s->read_only = true;
  return rc;
}

char *
session_backup_name(const char *path, unsigned edition)
{
  size_t n = strlen(path);
  bool cfg = n > 4 && strcmp(path + n - 4, ".cfg") == 0 && path[n - 5] != '/';
  size_t stem = cfg ? n - 4 : n;
  for (unsigned k = 1;; k++)
    {
      char extra[16] = "";
      if (k > 1)
        snprintf(extra, sizeof extra, ".%u", k);
      char *name = xasprintf("%.*s.edition-%u%s%s", (int) stem, path, edition, extra, cfg ? ".cfg" : "");
      struct stat st;
      if (lstat(name, &st) != 0 && errno == ENOENT)
        return name;
      free(name);
    }
}

int
session_save(session *s, diag_t *d)
{
  if (s->read_only)
    {
      diag_add(d, NULL, 0, "%s", _("the file is read-only"));
      return EX_NOPERM;
    }
  if (s->upgrade && !s->backup)
    {
      /* The original is kept before anything rewrites it; never over an
       * existing file (afile_write_new), so a name taken meanwhile is
       * tried again with the next free one. */
      diag_t why = { 0 };
      int brc = EX_TEMPFAIL;
      for (int tries = 0; brc == EX_TEMPFAIL && tries < 100; tries++)
        {
          diag_clear(&why);
          char *name = session_backup_name(s->path, s->file_edition);
          brc = afile_write_new(name, afile_copy_cb, s->path, &why);
          if (brc == 0)
            s->backup = name;
          else
            free(name);
        }
      if (brc)
        diag_add(d, NULL, 0, "%s", why.n ? why.msgs[0] : strerror(EEXIST));
      diag_clear(&why);
      if (brc)
        return EX_CANTCREAT;
    }
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
