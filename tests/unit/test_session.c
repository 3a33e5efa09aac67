/* Tests of session: opening an assessment as every mode of kijun does:
 * a new file starts from the bundled questionnaire, an existing one
 * finds its own, a read-only file is never written, and a file changed
 * behind kijun's back is not overwritten. */
#include <config.h>

#include <sys/stat.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "io/session.h"

static char *dir, *qdir;

static void
setup(void)
{
  dir = scratch_dir();
  /* The installed questionnaires: the test data's mini.cfg beside the
   * bundled one. */
  qdir = scratch_dir();
  const char *src = getenv("KIJUN_SRCDIR");
  char *mini = data_path("mini.cfg"), *text = read_file(mini);
  free(write_file(qdir, "mini.cfg", text));
  char *nisc = xasprintf("%s/questionnaires/nisc-2023.cfg", src), *ntext = read_file(nisc);
  free(write_file(qdir, "nisc-2023.cfg", ntext));
  free(mini), free(text), free(nisc), free(ntext);
  setenv("KIJUN_QUESTIONNAIRE_DIR", qdir, 1);
}

TestSuite(session, .init = setup);

Test(session, a_missing_file_is_refused_unless_created)
{
  char *a = xasprintf("%s/a.cfg", dir);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, a, NULL, false, &d), EX_NOINPUT);
  char *t = diag_text(&d, dir);
  cr_assert_str_eq(t, "a.cfg: cannot open: No such file or directory\n");
  session_close(&s);
  cr_assert_eq(session_open(&s, a, NULL, true, &d), 0);
  cr_assert(s.is_new);
  cr_assert_not(s.read_only);
  cr_assert_str_eq(s.qn->id, "nisc-ci-2023", "a new assessment uses the bundled questionnaire");
  cr_assert_not_null(s.a->profile[ANS_STARTED], "the start is recorded");
  struct stat st;
  cr_assert_neq(stat(a, &st), 0, "nothing is written before a save");
  cr_assert_eq(session_save(&s, &d), 0);
  cr_assert_eq(stat(a, &st), 0);
  session_close(&s);
  free(a), free(t);
}

Test(session, an_existing_file_finds_its_own_questionnaire)
{
  char *src = data_path("mini-answers.cfg"), *text = read_file(src);
  char *a = write_file(dir, "a.cfg", text);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, a, NULL, false, &d), 0, "%s", d.n ? d.msgs[0] : "");
  cr_assert_not(s.is_new);
  cr_assert_str_eq(s.qn->id, "mini");
  cr_assert_eq(s.a->e[0].status, ANS_IMPLEMENTED);
  cr_assert_str_eq(s.path, a);
  session_close(&s);
  free(src), free(text), free(a);
}

Test(session, answers_to_an_uninstalled_questionnaire_are_refused)
{
  char *src = data_path("mini-answers.cfg"), *text = read_file(src);
  char *a = write_file(dir, "a.cfg", text);
  setenv("KIJUN_QUESTIONNAIRE_DIR", dir, 1);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, a, NULL, false, &d), EX_NOINPUT);
  char *t = diag_text(&d, dir);
  cr_assert_str_eq(t, "a.cfg: the questionnaire 'mini' these answers belong to is not installed; "
                      "give its file with --questionnaire FILE\n");
  session_close(&s);
  free(src), free(text), free(a), free(t);
}

Test(session, a_read_only_file_is_never_written)
{
  char *src = data_path("mini-answers.cfg"), *text = read_file(src);
  char *a = write_file(dir, "a.cfg", text);
  cr_assert_eq(chmod(a, 0444), 0);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, a, NULL, false, &d), 0);
  cr_assert(s.read_only);
  ans_set_note(s.a, 0, "changed");
  cr_assert_eq(session_save(&s, &d), EX_NOPERM);
  cr_assert_str_eq(d.msgs[0], "the file is read-only");
  diag_clear(&d);
  char *after = read_file(a);
  cr_assert_str_eq(after, text);
  char *m = session_read_only_text(&s);
  cr_assert(strstr(m, "is not writable"), "%s", m);
  session_close(&s);
  free(src), free(text), free(a), free(after), free(m);
}

Test(session, a_file_changed_behind_its_back_is_not_overwritten)
{
  char *src = data_path("mini-answers.cfg"), *text = read_file(src);
  char *a = write_file(dir, "a.cfg", text);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, a, NULL, false, &d), 0);
  free(write_file(dir, "a.cfg", "# someone else's edit, longer than before\n"));
  cr_assert_eq(session_save(&s, &d), EX_TEMPFAIL);
  cr_assert_str_eq(d.msgs[0], "another program changed the file");
  diag_clear(&d);
  char *after = read_file(a);
  cr_assert(strstr(after, "someone else's edit"));
  session_close(&s);
  free(src), free(text), free(a), free(after);
}

Test(session, a_link_is_followed_to_its_file)
{
  char *a = xasprintf("%s/real.cfg", dir), *link = xasprintf("%s/link.cfg", dir);
  cr_assert_eq(symlink("real.cfg", link), 0);
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, link, NULL, true, &d), 0);
  cr_assert(s.is_new);
  cr_assert(strstr(s.path, "/real.cfg"), "%s", s.path);
  cr_assert_eq(session_save(&s, &d), 0);
  struct stat st;
  cr_assert_eq(lstat(link, &st), 0);
  cr_assert(S_ISLNK(st.st_mode), "the link is still a link");
  cr_assert_eq(lstat(a, &st), 0);
  cr_assert(S_ISREG(st.st_mode));
  session_close(&s);
  free(a), free(link);
}
