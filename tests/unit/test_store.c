/* Tests of the answers file: round trip, atomic save under a failing
 * write, refusal of answers made for another questionnaire, and the
 * checks of the answers themselves. */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "base/i18n.h"
#include "io/paths.h"
#include "io/qload.h"
#include "io/store.h"

static char *dir;
static questionnaire *qn;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  i18n_set_lang(LANG_EN);
  dir = scratch_dir();
  char *p = data_path("mini.cfg");
  diag_t d = { 0 };
  cr_assert_eq(qload_file(p, &d, &qn), 0);
  free(p);
}

static void
teardown(void)
{
  qn_free(qn);
}

TestSuite(store, .init = setup, .fini = teardown);

/* Read and bind path against qn; the diagnostics joined in *msgs. */
static int
open_answers(const char *path, assessment **a, char **msgs)
{
  diag_t d = { 0 };
  store_loaded got;
  int rc = store_load(path, &(store_target){ .q = qn }, &d, a, &got);
  diag_clear(&got.warn);
  size_t len;
  FILE *m = open_memstream(msgs, &len);
  diag_print(&d, m);
  fclose(m);
  diag_clear(&d);
  return rc;
}

Test(store, round_trip_keeps_japanese_quotes_and_newlines)
{
  assessment *a = ans_new(qn);
  ans_set_profile(a, ANS_ORGANIZATION, "東京都水道局 \"本庁\" \\ 情報課");
  ans_set_profile(a, ANS_SECTOR, "water");
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  ans_set_note(a, 0, "一行目\n二行目「引用」\t\"quoted\"");
  ans_set_evidence(a, 0, "規程 第12号 C:\\docs\\policy.pdf");
  ans_set_status(a, 4, ANS_NOT_APPLICABLE);
  ans_set_note(a, 4, "該当設備なし");
  char *path = xasprintf("%s/a.cfg", dir);
  store_stamp st = { 0 };
  cr_assert_eq(store_save(path, a, &st, NULL), 0);
  cr_assert(st.valid);

  assessment *b;
  char *msgs;
  cr_assert_eq(open_answers(path, &b, &msgs), 0, "%s", msgs);
  cr_assert_str_eq(b->profile[ANS_ORGANIZATION], a->profile[ANS_ORGANIZATION]);
  cr_assert_str_eq(b->profile[ANS_SECTOR], "water");
  cr_assert_eq(b->e[0].status, ANS_IMPLEMENTED);
  cr_assert_str_eq(b->e[0].note, a->e[0].note);
  cr_assert_str_eq(b->e[0].evidence, a->e[0].evidence);
  cr_assert_str_eq(b->e[0].updated, a->e[0].updated);
  cr_assert_eq(b->e[4].status, ANS_NOT_APPLICABLE);
  cr_assert_eq(b->e[1].status, ANS_NONE);
  ans_free(a), ans_free(b), free(msgs), free(path);
}

Test(store, every_status_of_the_table_survives_a_save_and_a_load)
{
  assessment *a = ans_new(qn);
  for (int st = 0; st < ANS_STATUS_COUNT; st++)
    ans_set_status(a, (size_t) st % qn->nquestions, (enum ans_status) st);
  char *path = xasprintf("%s/all.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  assessment *b;
  char *msgs;
  cr_assert_eq(open_answers(path, &b, &msgs), 0, "%s", msgs);
  for (size_t i = 0; i < qn->nquestions; i++)
    cr_assert_eq(b->e[i].status, a->e[i].status, "question %zu: %s, expected %s", i,
                 ans_status_key(b->e[i].status), ans_status_key(a->e[i].status));
  ans_free(a), ans_free(b), free(msgs), free(path);
}

Test(store, file_is_private_and_has_a_summary)
{
  assessment *a = ans_new(qn);
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  char *path = xasprintf("%s/a.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  struct stat st;
  cr_assert_eq(stat(path, &st), 0);
  cr_assert_eq(st.st_mode & 0777, 0600);
  char *c = read_file(path);
  /* Four baseline questions unanswered: the verdict waits for them. */
  cr_assert(strstr(c, "verdict = \"incomplete\";"), "%s", c);
  cr_assert(strstr(c, "baseline = { met = 1; applicable = 5; percent = 20.0;"), "%s", c);
  cr_assert(strstr(c, "unmet_baseline = [ \"1.2-a\", \"1.2-b\", \"1.3-a\", \"1.2-c\" ];"), "%s", c);
  ans_free(a), free(c), free(path);
}

/* A user whose locale writes 0,5 for a half: the file must still read
 * back (issue 10).  i18n_init is what the program runs first. */
Test(store, comma_decimal_locale_writes_a_readable_file)
{
  if (!setlocale(LC_ALL, "de_DE.UTF-8"))
    cr_skip_test("the de_DE.UTF-8 locale is not installed");
  setenv("LC_ALL", "de_DE.UTF-8", 1);
  i18n_init("en", path_localedir());
  assessment *a = ans_new(qn);
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  ans_set_status(a, 1, ANS_IMPLEMENTED);
  ans_set_status(a, 2, ANS_PARTIAL);
  char *path = xasprintf("%s/a.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  char *c = read_file(path);
  cr_assert(strstr(c, "percent = 20.0;"), "%s", c);
  assessment *b;
  char *msgs;
  cr_assert_eq(open_answers(path, &b, &msgs), 0, "%s", msgs);
  cr_assert_eq(b->e[2].status, ANS_PARTIAL);
  ans_free(a), ans_free(b), free(msgs), free(c), free(path);
}

Test(store, failed_write_leaves_old_file_intact)
{
  assessment *a = ans_new(qn);
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  char *path = xasprintf("%s/a.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  char *before = read_file(path);

  /* A file size limit makes the write fail part-way, even as root. */
  signal(SIGXFSZ, SIG_IGN);
  struct rlimit rl = { 200, 200 };
  cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
  ans_set_note(a, 0, "a long note that will not fit under the limit set above, surely not");
  diag_t d = { 0 };
  int err = store_save(path, a, NULL, &d);
  cr_assert_eq(err, EX_CANTCREAT, "save returned %d", err);
  cr_assert_eq(d.n, 1);
  cr_assert_str_eq(d.msgs[0], strerror(EFBIG));
  diag_clear(&d);

  char *after = read_file(path);
  cr_assert_str_eq(after, before);
  /* No temporary file is left behind. */
  char *cmd = xasprintf("test $(ls -A '%s' | wc -l) -eq 1", dir);
  cr_assert_eq(system(cmd), 0, "a temporary file was left in %s", dir);
  ans_free(a), free(before), free(after), free(path), free(cmd);
}

Test(store, save_into_missing_folder_fails_cleanly)
{
  assessment *a = ans_new(qn);
  char *path = xasprintf("%s/gone/a.cfg", dir);
  diag_t d = { 0 };
  cr_assert_eq(store_save(path, a, NULL, &d), EX_CANTCREAT);
  cr_assert_str_eq(d.msgs[0], strerror(ENOENT));
  diag_clear(&d);
  ans_free(a), free(path);
}

Test(store, file_changed_on_disk_is_not_overwritten)
{
  assessment *a = ans_new(qn);
  char *path = xasprintf("%s/a.cfg", dir);
  store_stamp st = { 0 };
  cr_assert_eq(store_save(path, a, &st, NULL), 0);
  /* Another program rewrites the file. */
  free(write_file(dir, "a.cfg", "kijun_answers = 1; # edited elsewhere, longer now\n"));
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  diag_t d = { 0 };
  cr_assert_eq(store_save(path, a, &st, &d), EX_TEMPFAIL);
  cr_assert_str_eq(d.msgs[0], "another program changed the file");
  diag_clear(&d);
  char *c = read_file(path);
  cr_assert(strstr(c, "edited elsewhere"));
  ans_free(a), free(c), free(path);
}

Test(store, answers_for_another_questionnaire_are_refused)
{
  char *path = write_file(dir, "a.cfg",
                          "kijun_answers = 1;\n"
                          "questionnaire = { id = \"mini\"; version = \"0\"; digest = \"sha256:00\"; };\n");
  assessment *a;
  char *msgs;
  cr_assert_eq(open_answers(path, &a, &msgs), EX_DATAERR);
  cr_assert(strstr(msgs, "a.cfg: these answers were made for questionnaire 'mini' version 0 (sha256:00), but "),
            "%s", msgs);
  cr_assert(strstr(msgs, "is 'mini' version 1 (sha256:"), "%s", msgs);
  cr_assert(strstr(msgs, "the versions differ"), "%s", msgs);
  cr_assert(strstr(msgs, "--questionnaire FILE), or start a new answers file"), "%s", msgs);
  free(msgs), free(path);

  char *other = write_file(dir, "b.cfg",
                           "kijun_answers = 1;\n"
                           "questionnaire = { id = \"other\"; version = \"1\"; digest = \"sha256:00\"; };\n");
  cr_assert_eq(open_answers(other, &a, &msgs), EX_DATAERR);
  cr_assert(strstr(msgs, "they are different questionnaires"), "%s", msgs);
  free(msgs), free(other);
}

/* An answers file for mini with the right digest and the given body. */
static char *
answers_file(const char *body)
{
  char *c = xasprintf("kijun_answers = 1;\nquestionnaire = { id = \"mini\"; version = \"1\"; digest = \"%s\"; };\n%s",
                      qn_digest(qn), body);
  char *p = write_file(dir, "a.cfg", c);
  free(c);
  return p;
}

Test(store, bad_answers_are_all_reported)
{
  char *path = answers_file("profile = { sector = \"space\"; };\n"
                            "answers = (\n"
                            "  { question = \"1.1-a\"; status = \"done\"; },\n"
                            "  { question = \"9.9-z\"; status = \"implemented\"; },\n"
                            "  { question = \"1.2-a\"; status = \"partial\"; },\n"
                            "  { question = \"1.2-a\"; status = \"partial\"; },\n"
                            "  { status = \"partial\"; },\n"
                            "  { question = \"1.3-b\"; note = \"a note before an answer\"; }\n"
                            ");\n");
  assessment *a;
  char *msgs;
  cr_assert_eq(open_answers(path, &a, &msgs), EX_DATAERR);
  char *want = xasprintf(
    "%s:3: sector 'space' is not one of the questionnaire's sectors; expected a sector id such as 'water'\n"
    "%s:5: status \"done\" of question '1.1-a' is unknown; expected one of: implemented, partial, not_implemented, alternative, not_applicable, unknown\n"
    "%s:8: question '1.2-a' is answered twice (first at line 7); expected one answer per question\n"
    "%s:9: answer 5 has no 'question'; expected question = \"...\";\n",
    path, path, path, path);
  cr_assert_str_eq(msgs, want);
  free(msgs), free(want), free(path);
}

Test(store, not_an_answers_file)
{
  char *path = write_file(dir, "a.cfg", "kijun_questionnaire = 1;\n");
  assessment *a;
  char *msgs;
  cr_assert_eq(open_answers(path, &a, &msgs), EX_DATAERR);
  char *want = xasprintf(
    "%s:1: not a kijun answers file: 'kijun_answers' is missing; expected kijun_answers = 1; at the top\n"
    "%s:1: unknown setting 'kijun_questionnaire' in the answers file; expected one of: kijun_answers, questionnaire, profile, previous, position, review, unreached, answers, retired, summary\n"
    "%s:1: the answers file has no 'questionnaire'; expected questionnaire = { ... };\n",
    path, path, path);
  cr_assert_str_eq(msgs, want);
  free(msgs), free(want), free(path);
}

/* ---- issue 21: what kijun writes, kijun reads -------------------------- */

/* A text longer than one string may be (a merge's joined notes, a
 * thousand respondents) is written as a list of its pieces, cut between
 * characters, and read back whole. */
Test(store, a_long_text_is_kept_whole_in_pieces)
{
  size_t n = 200000;
  char *note = xmalloc(n + 1);
  for (size_t i = 0; i < n; i += 3)
    memcpy(note + i, "水", 3);           /* 3 bytes: pieces must cut between characters */
  note[n - 2] = '\n', note[n - 1] = 'x', note[n] = '\0';
  char *who = xmalloc(100001);
  memset(who, 'r', 100000);
  who[100000] = '\0';
  assessment *a = ans_new(qn);
  ans_set_profile(a, ANS_RESPONDENT, who);
  ans_set_status(a, 0, ANS_PARTIAL);
  ans_set_note(a, 0, note);
  ans_set_plan(a, 0, ANS_PLAN_ACTION, note);
  char *path = xasprintf("%s/long.cfg", dir);
  diag_t d = { 0 };
  cr_assert_eq(store_save(path, a, NULL, &d), 0, "%s", d.n ? d.msgs[0] : "");
  char *text = read_file(path);
  cr_assert(strstr(text, "note = ( \""), "a list of pieces");
  assessment *b;
  char *msgs;
  cr_assert_eq(open_answers(path, &b, &msgs), 0, "%s", msgs);
  cr_assert_str_eq(b->e[0].note, note);
  cr_assert_str_eq(b->e[0].plan[ANS_PLAN_ACTION], note);
  cr_assert_str_eq(b->profile[ANS_RESPONDENT], who);
  ans_free(a), ans_free(b), free(note), free(who), free(path), free(text), free(msgs);
}

/* What the reader would refuse is never written: the check runs on the
 * exact text, before anything is replaced. */
Test(store, a_file_the_reader_would_refuse_is_never_written)
{
  assessment *a = ans_new(qn);
  char *path = xasprintf("%s/r.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  char *before = read_file(path);
  /* Not one of the questionnaire's sectors: opening would refuse it. */
  ans_set_profile(a, ANS_SECTOR, "mars");
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  diag_t d = { 0 };
  cr_assert_eq(store_save(path, a, NULL, &d), EX_CANTCREAT);
  cr_assert(strstr(d.msgs[0], "would be refused when opened"), "%s", d.msgs[0]);
  cr_assert(strstr(d.msgs[0], "sector 'mars'"), "%s", d.msgs[0]);
  char *now = read_file(path);
  cr_assert_str_eq(now, before);
  diag_clear(&d);
  char *newpath = xasprintf("%s/r-new.cfg", dir);
  cr_assert_eq(store_create(newpath, a, &d), EX_CANTCREAT);
  struct stat st;
  cr_assert_neq(stat(newpath, &st), 0, "nothing created");
  diag_clear(&d);
  ans_free(a), free(path), free(before), free(now), free(newpath);
}

/* A session's first save of a file it never read (a new assessment) does
 * not replace one another command has just made at that name. */
Test(store, a_file_never_read_is_never_replaced)
{
  char *path = write_file(dir, "made.cfg", "made by --next-cycle meanwhile\n");
  assessment *a = ans_new(qn);
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  store_stamp st = { 0 };
  diag_t d = { 0 };
  cr_assert_eq(store_save(path, a, &st, &d), EX_TEMPFAIL);
  cr_assert(strstr(d.msgs[0], "another program created the file"), "kijun never read it: %s", d.msgs[0]);
  char *c = read_file(path);
  cr_assert_str_eq(c, "made by --next-cycle meanwhile\n");
  diag_clear(&d);
  ans_free(a), free(c), free(path);
}

/* The change stamp is the file as read (from the descriptor read), not
 * what the name holds after parsing: a change made between the read and
 * the binding is seen by the save. */
Test(store, the_change_stamp_is_the_file_as_read)
{
  assessment *a = ans_new(qn);
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  char *path = xasprintf("%s/s.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  ans_free(a);
  diag_t d = { 0 };
  store_doc *doc;
  cr_assert_eq(store_read(path, &d, &doc), 0);
  /* Another program replaces the file now. */
  char *other = xasprintf("%s/s-other.cfg", dir);
  assessment *o = ans_new(qn);
  ans_set_status(o, 1, ANS_PARTIAL);
  cr_assert_eq(store_save(other, o, NULL, NULL), 0);
  cr_assert_eq(rename(other, path), 0);
  store_stamp st;
  cr_assert_eq(store_bind(doc, qn, &d, &a, &st), 0);
  store_doc_free(doc);
  ans_set_status(a, 2, ANS_UNKNOWN);
  cr_assert_eq(store_save(path, a, &st, &d), EX_TEMPFAIL);
  diag_clear(&d);
  ans_free(a), ans_free(o), free(path), free(other);
}

/* Times are checked when read. */
Test(store, an_updated_time_that_is_not_a_time_is_refused)
{
  cr_assert(ans_valid_time("2026-11-22T10:00:00+09:00"));
  cr_assert(ans_valid_time("2026-11-22T01:00:00Z"));
  cr_assert(ans_valid_time("2026-11-22T01:00:00.25-0330"));
  cr_assert_not(ans_valid_time("zzzz"));
  cr_assert_not(ans_valid_time("2026-11-22"));
  cr_assert_not(ans_valid_time("2026-13-22T10:00:00Z"));
  cr_assert_not(ans_valid_time("2026-11-22T24:00:00Z"));
  cr_assert_not(ans_valid_time("2026-11-22T10:00:00+09:00x"));
  /* An out-of-range SOURCE_DATE_EPOCH is no clock; the time is a time. */
  setenv("SOURCE_DATE_EPOCH", "99999999999999999", 1);
  char now[32];
  ans_now(now);
  cr_assert(ans_valid_time(now), "%s", now);
  setenv("SOURCE_DATE_EPOCH", "0", 1);
  ans_now(now);
  cr_assert_str_eq(now, "1970-01-01T00:00:00Z");
  unsetenv("SOURCE_DATE_EPOCH");
}
