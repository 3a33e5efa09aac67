/* Tests of paths: the XDG rule for the answers and cache folders, the
 * order of the questionnaire folders, and where the catalogues are. */
#include <config.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "io/paths.h"

/* Each test runs in its own process, so it may set the environment (and
 * path_questionnaire_dirs computes its list afresh). */
Test(paths, xdg_variable_when_absolute)
{
  setenv("XDG_DATA_HOME", "/srv/data", 1);
  setenv("HOME", "/home/someone", 1);
  char *p = path_default_answers();
  cr_assert_str_eq(p, "/srv/data/kijun/answers.cfg");
  free(p);
  p = path_xdg("XDG_DATA_HOME", ".local/share", NULL);
  cr_assert_str_eq(p, "/srv/data/kijun");
  free(p);
}

Test(paths, xdg_relative_or_unset_means_home)
{
  setenv("HOME", "/home/someone", 1);
  setenv("XDG_CACHE_HOME", "relative/cache", 1);
  char *p = path_xdg("XDG_CACHE_HOME", ".cache", "x.qc");
  cr_assert_str_eq(p, "/home/someone/.cache/kijun/x.qc");
  free(p);
  unsetenv("XDG_DATA_HOME");
  p = path_default_answers();
  cr_assert_str_eq(p, "/home/someone/.local/share/kijun/answers.cfg");
  free(p);
}

Test(paths, no_xdg_and_no_home_gives_null)
{
  unsetenv("XDG_DATA_HOME");
  unsetenv("HOME");
  cr_assert_null(path_default_answers());
  setenv("HOME", "", 1);
  cr_assert_null(path_default_answers());
}

Test(paths, questionnaire_folders_in_order)
{
  setenv("KIJUN_QUESTIONNAIRE_DIR", "/opt/q", 1);
  const char *const *d = path_questionnaire_dirs();
  cr_assert_str_eq(d[0], "/opt/q");
  /* A test program is not src/kijun: no source-tree folder. */
  cr_assert_not(path_in_build_tree());
  cr_assert_str_eq(d[1], PKGDATADIR "/questionnaires");
  cr_assert_null(d[2]);
}

Test(paths, questionnaire_folders_without_the_variable)
{
  setenv("KIJUN_QUESTIONNAIRE_DIR", "", 1);
  const char *const *d = path_questionnaire_dirs();
  cr_assert_str_eq(d[0], PKGDATADIR "/questionnaires");
  cr_assert_null(d[1]);
}

Test(paths, localedir_from_the_environment_or_installed)
{
  setenv("KIJUN_LOCALEDIR", "/tmp/somewhere", 1);
  cr_assert_str_eq(path_localedir(), "/tmp/somewhere");
  unsetenv("KIJUN_LOCALEDIR");
  cr_assert_str_eq(path_localedir(), LOCALEDIR);
}
