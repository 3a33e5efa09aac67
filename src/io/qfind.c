/* qfind: finding and loading the questionnaire a file needs.  See
 * qfind.h. */
#include <config.h>
#include "io/qfind.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/i18n.h"
#include "io/paths.h"
#include "io/qcache.h"
#include "base/xalloc.h"

char *
qfind_default(void)
{
  for (const char *const *d = path_questionnaire_dirs(); *d; d++)
    {
      char *p = xasprintf("%s/%s", *d, QFIND_DEFAULT);
      if (access(p, R_OK) == 0)
        return p;
      free(p);
    }
  return NULL;
}

static bool
has_cfg_suffix(const char *name)
{
  size_t n = strlen(name);
  return n > 4 && strcmp(name + n - 4, ".cfg") == 0 && name[0] != '.';
}

questionnaire *
qfind_installed(const char *id, const char *version)
{
  questionnaire *same_id = NULL, *best = NULL;
  for (const char *const *d = path_questionnaire_dirs(); *d; d++)
    {
      DIR *dir = opendir(*d);
      if (!dir)
        continue;
      struct dirent *ent;
      while ((ent = readdir(dir)))
        {
          if (!has_cfg_suffix(ent->d_name))
            continue;
          char *p = xasprintf("%s/%s", *d, ent->d_name);
          diag_t quiet = { 0 };
          questionnaire *q;
          int rc = qcache_load(p, &quiet, &q);
          diag_clear(&quiet);
          free(p);
          if (rc != 0 || strcmp(q->id, id) != 0)
            {
              qn_free(q);
              continue;
            }
          if (!version || strcmp(q->version, version) == 0)
            {
              /* Several editions of one question set: the newest. */
              if (!best || q->edition > best->edition)
                {
                  qn_free(best);
                  best = q;
                }
              else
                qn_free(q);
              continue;
            }
          if (!same_id)
            same_id = q;
          else
            qn_free(q);
        }
      closedir(dir);
      /* An earlier folder wins over later ones. */
      if (best)
        {
          qn_free(same_id);
          return best;
        }
    }
  return same_id;
}

int
qfind_load(const char *qpath, const char *id, const char *version, const char *answers, diag_t *d,
           questionnaire **out)
{
  *out = NULL;
  if (qpath)
    return qcache_load(qpath, d, out);
  if (id)
    {
      /* Found and loaded in one go: the search has to load each
       * candidate to learn its id anyway. */
      *out = qfind_installed(id, version);
      if (*out)
        return 0;
      diag_add(d, answers, 0,
               _("the questionnaire '%s' these answers belong to is not installed; give its file with --questionnaire FILE"),
               id);
      return EX_NOINPUT;
    }
  char *found = qfind_default();
  if (!found)
    {
      diag_add(d, NULL, 0,
               _("kijun: the bundled questionnaire %s was not found in %s; give one with --questionnaire FILE"),
               QFIND_DEFAULT, path_questionnaire_dirs()[0]);
      return EX_NOINPUT;
    }
  int rc = qcache_load(found, d, out);
  free(found);
  return rc;
}
