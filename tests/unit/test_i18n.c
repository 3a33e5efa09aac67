/* Tests of i18n: the language is settled from --lang or the environment,
 * Japanese needs a UTF-8 terminal, messages follow a switch at run time,
 * and numbers are formatted the C way whatever the locale. */
#include <config.h>

#include <locale.h>
#include <stdio.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "base/i18n.h"
#include "io/paths.h"

/* Each test runs in its own process (Criterion forks), so the
 * environment a test sets is its own. */
static void
clean_env(void)
{
  unsetenv("LANGUAGE");
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  unsetenv("LC_CTYPE");
  unsetenv("LANG");
}

TestSuite(i18n, .init = clean_env);

Test(i18n, lang_parse_reads_codes_and_locale_names)
{
  cr_assert_eq(lang_parse("ja"), LANG_JA);
  cr_assert_eq(lang_parse("JA"), LANG_JA);
  cr_assert_eq(lang_parse("ja_JP.UTF-8"), LANG_JA);
  cr_assert_eq(lang_parse("ja:en"), LANG_JA);
  cr_assert_eq(lang_parse("en_GB.UTF-8"), LANG_EN);
  cr_assert_eq(lang_parse("C"), LANG_EN);
  cr_assert_eq(lang_parse("C.UTF-8"), LANG_EN);
  cr_assert_eq(lang_parse("POSIX"), LANG_EN);
  cr_assert_eq(lang_parse("jam"), -1);
  cr_assert_eq(lang_parse("de_DE.UTF-8"), -1);
  cr_assert_eq(lang_parse(""), -1);
  cr_assert_eq(lang_parse(NULL), -1);
  cr_assert_str_eq(lang_code(LANG_JA), "ja");
  cr_assert_str_eq(lang_code(LANG_EN), "en");
}

Test(i18n, forced_language_wins_over_the_environment)
{
  setenv("LC_ALL", "C.UTF-8", 1);
  setenv("LANGUAGE", "en", 1);
  cr_assert_eq(i18n_init("ja", path_localedir()), LANG_JA);
  cr_assert_eq(i18n_lang(), LANG_JA);
  cr_assert(i18n_utf8());
  cr_assert_null(i18n_fallback_reason());
}

Test(i18n, environment_decides_in_order)
{
  setenv("LC_ALL", "C.UTF-8", 1);
  setenv("LANG", "ja_JP.UTF-8", 1);
  /* LC_ALL (C: English) comes before LANG. */
  cr_assert_eq(i18n_init(NULL, path_localedir()), LANG_EN);
  setenv("LANGUAGE", "ja:en", 1);
  cr_assert_eq(i18n_init(NULL, path_localedir()), LANG_JA);
}

Test(i18n, unknown_forced_language_falls_back_to_the_environment)
{
  setenv("LC_ALL", "C.UTF-8", 1);
  setenv("LANGUAGE", "ja", 1);
  cr_assert_eq(i18n_init("xx", path_localedir()), LANG_JA);
}

Test(i18n, japanese_needs_a_utf8_terminal)
{
  setenv("LC_ALL", "C", 1);
  cr_assert_eq(i18n_init("ja", path_localedir()), LANG_EN);
  cr_assert_not(i18n_utf8());
  cr_assert_not_null(i18n_fallback_reason());
  cr_assert(strstr(i18n_fallback_reason(), "UTF-8"), "%s", i18n_fallback_reason());
}

Test(i18n, a_missing_utf8_locale_falls_back_to_c_utf8)
{
  /* The minimal server: the user's locale is UTF-8 but not generated. */
  setenv("LC_ALL", "xx_YY.UTF-8", 1);
  cr_assert_eq(i18n_init("ja", path_localedir()), LANG_JA);
  cr_assert(i18n_utf8());
}

Test(i18n, messages_follow_the_language_switch)
{
#if !ENABLE_NLS
  cr_skip_test("built without native language support");
#endif
  setenv("LC_ALL", "C.UTF-8", 1);
  i18n_init("en", path_localedir());
  cr_assert_str_eq(_("the file is read-only"), "the file is read-only");
  i18n_set_lang(LANG_JA);
  cr_assert_eq(i18n_lang(), LANG_JA);
  cr_assert_str_eq(_("the file is read-only"), "ファイルが読み取り専用です");
  i18n_set_lang(LANG_EN);
  cr_assert_str_eq(_("the file is read-only"), "the file is read-only");
}

Test(i18n, numbers_are_written_the_c_way_in_any_locale)
{
  if (!setlocale(LC_ALL, "de_DE.UTF-8"))
    cr_skip_test("the de_DE.UTF-8 locale is not installed");
  setenv("LC_ALL", "de_DE.UTF-8", 1);
  i18n_init("en", path_localedir());
  char buf[16];
  snprintf(buf, sizeof buf, "%.1f", 62.5);
  cr_assert_str_eq(buf, "62.5");
}
