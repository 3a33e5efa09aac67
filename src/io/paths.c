/* paths: computing where kijun's files are.  See paths.h for the search
 * order. */
#include <config.h>
#include "io/paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"

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
