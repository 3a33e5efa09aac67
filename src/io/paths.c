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

/* ---- commands people paste --------------------------------------------- */

static char *invocation;

char *
path_shell_quote(const char *s)
{
  bool plain = *s != '\0';
  for (const char *p = s; *p && plain; p++)
    plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
            || strchr("_./:=@%+,-", *p);
  if (plain && *s != '~' && *s != '=')
    return xstrdup(s);
  size_t n = 2;
  for (const char *p = s; *p; p++)
    n += *p == '\'' ? 4 : 1;
  char *out = xmalloc(n + 1), *o = out;
  *o++ = '\'';
  for (const char *p = s; *p; p++)
    if (*p == '\'')
      memcpy(o, "'\\''", 4), o += 4;
    else
      *o++ = *p;
  *o++ = '\'';
  *o = '\0';
  return out;
}

/* Whether the command name leads, through PATH, to this very program. */
static bool
on_path_is_me(const char *name)
{
  const char *path = getenv("PATH");
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (!path || n <= 0)
    return false;
  self[n] = '\0';
  for (const char *p = path; *p;)
    {
      const char *e = strchr(p, ':');
      size_t len = e ? (size_t) (e - p) : strlen(p);
      char *cand = xasprintf("%.*s/%s", (int) len, len ? p : ".", name);
      char *real = realpath(cand, NULL);
      bool same = real && strcmp(real, self) == 0;
      free(real);
      free(cand);
      if (same)
        return true;
      if (!e)
        break;
      p = e + 1;
    }
  return false;
}

void
path_set_invocation(const char *argv0)
{
  free(invocation);
  invocation = NULL;
  if (!argv0 || !*argv0 || on_path_is_me(PACKAGE))
    invocation = xstrdup(PACKAGE);
  else
    /* A path (./src/kijun), or a name PATH finds under another name (a
     * link): as typed, it works again. */
    invocation = path_shell_quote(argv0);
}

const char *
path_invocation(void)
{
  return invocation ? invocation : PACKAGE;
}
