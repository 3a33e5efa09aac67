/* paths: locating questionnaires and the default answers file.  See
 * paths.h for the search order. */
#include <config.h>
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qcache.h"
#include "qload.h"
#include "xalloc.h"

bool
path_in_build_tree(void)
{
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0)
    return false;
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash)
    return false;
  *slash = '\0';
  /* tests/tools holds the instrumented builds of make check-asan. */
  return strcmp(exe, KIJUN_BUILDDIR "/src") == 0 || strcmp(exe, KIJUN_BUILDDIR "/tests/tools") == 0;
}

const char *
path_localedir(void)
{
  const char *env = getenv("KIJUN_LOCALEDIR");
  if (env && *env)
    return env;
  return path_in_build_tree() ? KIJUN_BUILDDIR "/locale" : LOCALEDIR;
}

const char *const *
path_questionnaire_dirs(void)
{
  static const char *dirs[4];
  static bool done;
  if (!done)
    {
      size_t n = 0;
      const char *env = getenv("KIJUN_QUESTIONNAIRE_DIR");
      if (env && *env)
        dirs[n++] = env;
      if (path_in_build_tree())
        dirs[n++] = KIJUN_SRCDIR "/questionnaires";
      dirs[n++] = PKGDATADIR "/questionnaires";
      dirs[n] = NULL;
      done = true;
    }
  return dirs;
}

char *
path_default_questionnaire(void)
{
  for (const char *const *d = path_questionnaire_dirs(); *d; d++)
    {
      char *p = xasprintf("%s/%s", *d, PATH_DEFAULT_QUESTIONNAIRE);
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
path_find_questionnaire(const char *id, const char *version)
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

char *
path_xdg(const char *var, const char *home_sub, const char *leaf)
{
  const char *xdg = getenv(var);
  const char *sep = leaf ? "/" : "", *l = leaf ? leaf : "";
  /* The XDG spec says a relative value is to be ignored. */
  if (xdg && xdg[0] == '/')
    return xasprintf("%s/kijun%s%s", xdg, sep, l);
  const char *home = getenv("HOME");
  if (home && *home)
    return xasprintf("%s/%s/kijun%s%s", home, home_sub, sep, l);
  return NULL;
}

char *
path_default_answers(void)
{
  return path_xdg("XDG_DATA_HOME", ".local/share", "answers.cfg");
}

int
path_make_parents(const char *file)
{
  /* An empty name has no folders (and no first byte to skip). */
  if (!*file)
    return ENOENT;
  char *p = xstrdup(file);
  int err = 0;
  for (char *s = p + 1; *s; s++)
    {
      if (*s != '/')
        continue;
      *s = '\0';
      if (mkdir(p, 0700) != 0 && errno != EEXIST)
        {
          err = errno;
          break;
        }
      *s = '/';
    }
  free(p);
  return err;
}
