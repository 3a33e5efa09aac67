/* Tests of qfind: which installed questionnaire a file that names one by
 * id and version gets, and what is said when there is none. */
#include <config.h>

#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "io/qfind.h"

static char *qdir;

/* Copy a test data file into the installed folder under name. */
static void
install(const char *data, const char *name)
{
  char *p = data_path(data), *text = read_file(p);
  free(write_file(qdir, name, text));
  free(p), free(text);
}

static void
setup(void)
{
  qdir = scratch_dir();
  setenv("KIJUN_QUESTIONNAIRE_DIR", qdir, 1);
}

TestSuite(qfind, .init = setup);

Test(qfind, the_newest_edition_of_the_version_asked_for)
{
  install("editions/shop-1.cfg", "a.cfg");
  install("editions/shop-3.cfg", "b.cfg");
  install("editions/shop-2.cfg", "c.cfg");
  install("mini.cfg", "mini.cfg");
  questionnaire *q = qfind_installed("shop", "1");
  cr_assert_not_null(q);
  cr_assert_eq(q->edition, 3);
  qn_free(q);
  q = qfind_installed("mini", NULL);
  cr_assert_not_null(q);
  cr_assert_str_eq(q->id, "mini");
  qn_free(q);
  cr_assert_null(qfind_installed("absent", NULL));
}

Test(qfind, another_version_of_the_same_id_when_none_matches)
{
  install("mini.cfg", "mini.cfg");
  questionnaire *q = qfind_installed("mini", "9");
  cr_assert_not_null(q, "a file of another version is still offered; binding tells the difference");
  cr_assert_str_eq(q->version, "1");
  qn_free(q);
}

Test(qfind, files_that_do_not_load_are_skipped)
{
  free(write_file(qdir, "broken.cfg", "kijun_questionnaire = 1; id = \"mini\";\n"));
  free(write_file(qdir, ".hidden.cfg", "not even libconfig"));
  install("mini.cfg", "z.cfg");
  questionnaire *q = qfind_installed("mini", "1");
  cr_assert_not_null(q);
  cr_assert(strstr(q->path, "/z.cfg"), "%s", q->path);
  qn_free(q);
}

Test(qfind, load_names_what_is_missing)
{
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qfind_load(NULL, "shop", "1", "answers.cfg", &d, &q), EX_NOINPUT);
  cr_assert_null(q);
  char *t = diag_text(&d, qdir);
  cr_assert_str_eq(t, "answers.cfg: the questionnaire 'shop' these answers belong to is not installed; "
                      "give its file with --questionnaire FILE\n");
  free(t);
  /* No default questionnaire in the folders (a test program is not in
   * the build tree's src/, so only an installed kijun's would count). */
  if (access(PKGDATADIR "/questionnaires/" QFIND_DEFAULT, R_OK) != 0)
    {
      cr_assert_eq(qfind_load(NULL, NULL, NULL, "answers.cfg", &d, &q), EX_NOINPUT);
      t = diag_text(&d, qdir);
      cr_assert(strstr(t, "the bundled questionnaire nisc-2023.cfg was not found"), "%s", t);
      free(t);
    }
  /* A file given is loaded as it is. */
  char *mini = data_path("mini.cfg");
  cr_assert_eq(qfind_load(mini, "shop", "1", "answers.cfg", &d, &q), 0);
  cr_assert_str_eq(q->id, "mini");
  qn_free(q);
  free(mini);
}
