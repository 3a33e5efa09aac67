/* Tests of answers that outlive their questionnaire (issue 12): answers
 * of an earlier edition opened with a later one (kept, reconfirmed,
 * carried by 'was', retired), of a later edition with an earlier one, the
 * figures of answers to reconfirm, the backup before the first upgrading
 * save, and migration to another questionnaire. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <sys/stat.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "model/coverage.h"
#include "helpers.h"
#include "base/i18n.h"
#include "io/qload.h"
#include "ops/migrate.h"
#include "report/report.h"
#include "io/session.h"
#include "io/store.h"

static char *dir;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  i18n_set_lang(LANG_EN);
  dir = scratch_dir();
}

TestSuite(editions, .init = setup);

static questionnaire *
load(const char *name)
{
  char *p = data_path(name);
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qload_file(p, &d, &q), 0, "%s", p);
  free(p);
  return q;
}

/* Read path and bind it to q; errors and warnings joined in *errs and
 * *warns. */
static int
bind_file(const char *path, const questionnaire *q, assessment **a, char **errs, char **warns)
{
  diag_t d = { 0 };
  store_loaded got;
  int rc = store_load(path, &(store_target){ .q = q }, &d, a, &got);
  size_t len;
  FILE *m = open_memstream(warns, &len);
  diag_print(&got.warn, m);
  diag_clear(&got.warn);
  fclose(m);
  m = open_memstream(errs, &len);
  diag_print(&d, m);
  fclose(m);
  diag_clear(&d);
  return rc;
}

static const ans_entry *
entry(const assessment *a, const char *id)
{
  long i = qn_find_question(a->qn, id);
  cr_assert(i >= 0, "no question %s", id);
  return &a->e[i];
}

static const ans_retired *
retired(const assessment *a, const char *id)
{
  for (size_t k = 0; k < a->nretired; k++)
    if (strcmp(a->retired[k].question, id) == 0)
      return &a->retired[k];
  return NULL;
}

static assessment *
open_with(const char *answers, const questionnaire *q, char **warns)
{
  char *p = data_path(answers), *errs;
  assessment *a;
  cr_assert_eq(bind_file(p, q, &a, &errs, warns), 0, "%s", errs);
  cr_assert_str_eq(errs, "");
  free(errs);
  free(p);
  return a;
}

Test(editions, edition_1_answers_open_with_edition_3)
{
  questionnaire *q = load("editions/shop-3.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q, &warns);

  /* Revision rose (a1: 1 -> 2, a2: 1 -> 3): kept, to reconfirm. */
  cr_assert_eq(entry(a, "a1")->status, ANS_IMPLEMENTED);
  cr_assert_str_eq(entry(a, "a1")->note, "policy of 2019");
  cr_assert(entry(a, "a1")->reconfirm);
  cr_assert_eq(entry(a, "a1")->revision, 1);
  cr_assert_eq(entry(a, "a2")->status, ANS_PARTIAL);
  cr_assert(entry(a, "a2")->reconfirm);
  /* Renamed (b1 -> b-backup), meaning unchanged: carried as it was. */
  cr_assert_eq(entry(a, "b-backup")->status, ANS_IMPLEMENTED);
  cr_assert_str_eq(entry(a, "b-backup")->evidence, "backup log");
  cr_assert_str_eq(entry(a, "b-backup")->updated, "2025-01-10T10:03:00+09:00");
  cr_assert_not(entry(a, "b-backup")->reconfirm);
  /* Split (b2 -> b2-test, b2-doc): carried to both, to reconfirm. */
  for (int k = 0; k < 2; k++)
    {
      const ans_entry *e = entry(a, k ? "b2-doc" : "b2-test");
      cr_assert_eq(e->status, ANS_NOT_APPLICABLE);
      cr_assert_str_eq(e->note, "recovery is the vendor's");
      cr_assert(e->reconfirm);
    }
  /* One of a merge's sources answered (b3 of b3 and c1): carried, and
   * to reconfirm, since c1's part of the question is not answered
   * (issue 21: it counted as met). */
  cr_assert_eq(entry(a, "b-disclose")->status, ANS_PARTIAL);
  cr_assert_str_eq(entry(a, "b-disclose")->note, "only to the regulator");
  cr_assert(entry(a, "b-disclose")->reconfirm);
  /* New questions are unanswered. */
  cr_assert_eq(entry(a, "t1")->status, ANS_NONE);
  cr_assert_not(entry(a, "t1")->reconfirm);
  /* Retired (a3) and unknown (zz-local): kept, whole. */
  cr_assert_eq(a->nretired, 2);
  const ans_retired *r = retired(a, "a3");
  cr_assert(r);
  cr_assert_eq(r->status, ANS_IMPLEMENTED);
  cr_assert_str_eq(r->note, "paper register at the gate");
  cr_assert_str_eq(r->evidence, "register 2024");
  cr_assert_str_eq(r->updated, "2025-01-10T10:02:00+09:00");
  cr_assert_eq(r->revision, 1);
  r = retired(a, "zz-local");
  cr_assert(r);
  cr_assert_str_eq(r->note, "our own question");
  /* Only the unknown id is worth a warning; a3 was retired on purpose. */
  cr_assert(strstr(warns, ":24: question 'zz-local' is not one of questionnaire 'shop' (edition 3)"), "%s", warns);
  cr_assert(strstr(warns, "kept among the answers to questions no longer asked"), "%s", warns);
  cr_assert_null(strstr(warns, "'a3'"), "%s", warns);
  free(warns);
  ans_free(a);
  qn_free(q);
}

Test(editions, edition_1_answers_open_with_edition_2)
{
  questionnaire *q = load("editions/shop-2.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q, &warns);
  cr_assert(entry(a, "a1")->reconfirm);
  /* a2's typo was fixed without raising its revision. */
  cr_assert_eq(entry(a, "a2")->status, ANS_PARTIAL);
  cr_assert_not(entry(a, "a2")->reconfirm);
  cr_assert_not(entry(a, "b3")->reconfirm);
  cr_assert_eq(entry(a, "c1")->status, ANS_NONE);
  cr_assert(retired(a, "a3"));
  free(warns);
  ans_free(a);
  qn_free(q);
}

Test(editions, a_merge_takes_the_least_met_status_and_keeps_every_note)
{
  questionnaire *q = load("editions/shop-3.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-2-answers.cfg", q, &warns);
  cr_assert_str_eq(warns, "");
  const ans_entry *e = entry(a, "b-disclose");
  cr_assert_eq(e->status, ANS_NOT_IMPLEMENTED);
  cr_assert(e->reconfirm);
  cr_assert_str_eq(e->note, "[b3] incidents published\n[c1] no disclosure policy yet");
  cr_assert_str_eq(e->evidence, "[b3] web page");
  cr_assert_str_eq(e->updated, "2025-02-01T09:02:00+09:00");
  /* a1 was answered for revision 2, which edition 3 still asks. */
  cr_assert_not(entry(a, "a1")->reconfirm);
  /* The file's own retired list comes back. */
  cr_assert_eq(a->nretired, 1);
  cr_assert_str_eq(a->retired[0].note, "paper register at the gate");
  free(warns);
  ans_free(a);
  qn_free(q);
}

Test(editions, the_least_met_order)
{
  cr_assert_lt(ans_merit(ANS_NOT_IMPLEMENTED), ans_merit(ANS_UNKNOWN));
  cr_assert_lt(ans_merit(ANS_UNKNOWN), ans_merit(ANS_PARTIAL));
  cr_assert_lt(ans_merit(ANS_PARTIAL), ans_merit(ANS_ALTERNATIVE));
  cr_assert_lt(ans_merit(ANS_ALTERNATIVE), ans_merit(ANS_IMPLEMENTED));
  cr_assert_lt(ans_merit(ANS_IMPLEMENTED), ans_merit(ANS_NOT_APPLICABLE));
}

Test(editions, choosing_a_status_confirms)
{
  questionnaire *q = load("editions/shop-3.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q, &warns);
  long i = qn_find_question(q, "a1");
  ans_set_note(a, (size_t) i, "a note alone does not confirm");
  cr_assert(a->e[i].reconfirm);
  ans_set_status(a, (size_t) i, ANS_IMPLEMENTED);
  cr_assert_not(a->e[i].reconfirm);
  cr_assert_eq(a->e[i].revision, 2);
  free(warns);
  ans_free(a);
  qn_free(q);
}

Test(editions, a_save_writes_the_edition_revisions_reconfirm_and_retired_and_reads_back)
{
  questionnaire *q = load("editions/shop-3.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q, &warns);
  char *path = xasprintf("%s/up.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  char *text = read_file(path);
  cr_assert(strstr(text, "  edition = 3;\n"), "%s", text);
  cr_assert(strstr(text, "{ question = \"a1\"; status = \"implemented\"; note = \"policy of 2019\"; "
                         "updated = \"2025-01-10T10:00:00+09:00\"; revision = 1; reconfirm = true; }"), "%s", text);
  cr_assert(strstr(text, "{ question = \"b-backup\"; status = \"implemented\"; evidence = \"backup log\"; "
                         "updated = \"2025-01-10T10:03:00+09:00\"; revision = 1; }"), "%s", text);
  cr_assert(strstr(text, "retired = (\n  { question = \"a3\"; status = \"implemented\"; "
                         "note = \"paper register at the gate\"; evidence = \"register 2024\"; "
                         "updated = \"2025-01-10T10:02:00+09:00\"; revision = 1; },\n"
                         "  { question = \"zz-local\";"), "%s", text);
  cr_assert(strstr(text, "  reconfirm = [ \"a1\", \"b2-doc\", \"a2\", \"b2-test\", \"b-disclose\" ];\n"), "%s", text);
  cr_assert(strstr(text, "  retired = 2;\n"), "%s", text);
  free(warns);

  /* Read back with edition 3: the same, and nothing to warn about now
   * but the unknown id, still kept. */
  assessment *b;
  char *errs;
  cr_assert_eq(bind_file(path, q, &b, &errs, &warns), 0, "%s", errs);
  cr_assert(entry(b, "a1")->reconfirm);
  cr_assert(entry(b, "b2-doc")->reconfirm);
  cr_assert_not(entry(b, "b-backup")->reconfirm);
  cr_assert_eq(b->nretired, 2);
  cr_assert_str_eq(retired(b, "a3")->evidence, "register 2024");
  /* And written again: byte for byte the same but for the time. */
  char *path2 = xasprintf("%s/up2.cfg", dir);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  cr_assert_eq(store_save(path2, b, NULL, NULL), 0);
  unsetenv("SOURCE_DATE_EPOCH");
  char *t1 = read_file(path), *t2 = read_file(path2);
  cr_assert_str_eq(t1, t2);
  free(t1), free(t2), free(text), free(errs), free(warns), free(path), free(path2);
  ans_free(a);
  ans_free(b);
  qn_free(q);
}

Test(editions, answers_to_reconfirm_are_figures_and_hold_the_verdict)
{
  questionnaire *q = load("editions/shop-3.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q, &warns);
  /* Meet every baseline question, leaving a1's answer to reconfirm. */
  for (size_t i = 0; i < q->nquestions; i++)
    if (q->questions[i].level == QN_BASELINE && strcmp(q->questions[i].id, "a1") != 0)
      ans_set_status(a, i, ANS_IMPLEMENTED);
  coverage c;
  cov_compute(q, a, &c);
  cr_assert_eq(c.all[QN_BASELINE].met, c.all[QN_BASELINE].applicable);
  cr_assert_eq(c.all[QN_BASELINE].reconfirm, 1);
  cr_assert_eq(c.all[QN_RECOMMENDED].reconfirm, 2);        /* a2, b-disclose */
  cr_assert_eq(c.verdict, COV_VERDICT_NOT_MET);
  cr_assert(c.baseline_waits);
  cr_assert_eq(c.nreconfirm, 3);
  cr_assert_eq(c.nretired, 2);
  long s1 = qn_find_section(q, "1");
  cr_assert_eq(c.section[s1][QN_BASELINE].reconfirm, 1);
  cr_assert_eq(c.phase[QN_PLAN][QN_BASELINE].reconfirm, 1);
  cov_free(&c);
  ans_set_status(a, (size_t) qn_find_question(q, "a1"), ANS_IMPLEMENTED);
  cov_compute(q, a, &c);
  cr_assert_eq(c.verdict, COV_VERDICT_MET);
  cr_assert_not(c.baseline_waits);
  cr_assert_eq(c.nreconfirm, 2);
  cov_free(&c);
  free(warns);
  ans_free(a);
  qn_free(q);
}

Test(editions, a_newer_editions_answers_open_with_an_older_questionnaire_with_a_warning)
{
  questionnaire *q3 = load("editions/shop-3.cfg"), *q1 = load("editions/shop-1.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q3, &warns);
  free(warns);
  char *path = xasprintf("%s/new.cfg", dir);
  cr_assert_eq(store_save(path, a, NULL, NULL), 0);
  assessment *b;
  char *errs;
  cr_assert_eq(bind_file(path, q1, &b, &errs, &warns), 0, "%s", errs);
  cr_assert(strstr(warns, "saved with edition 3 of questionnaire 'shop', newer than this one (edition 1); "
                          "4 answers to questions it does not know are shown among the answers to questions no longer asked"),
            "%s", warns);
  /* a1 was answered for revision 1 in the file, which edition 1 asks. */
  cr_assert_eq(entry(b, "a1")->status, ANS_IMPLEMENTED);
  cr_assert(retired(b, "b-backup"));
  cr_assert(retired(b, "b2-doc"));
  cr_assert(retired(b, "a3"));
  free(warns), free(errs), free(path);
  ans_free(a);
  ans_free(b);
  qn_free(q1);
  qn_free(q3);
}

Test(editions, the_digest_is_information_only)
{
  questionnaire *q = load("mini.cfg");
  char *path = write_file(dir, "d.cfg",
                          "kijun_answers = 1;\n"
                          "questionnaire = { id = \"mini\"; version = \"1\"; digest = \"sha256:00\"; };\n"
                          "answers = ( { question = \"1.1-a\"; status = \"implemented\"; } );\n");
  assessment *a;
  char *errs, *warns;
  cr_assert_eq(bind_file(path, q, &a, &errs, &warns), 0, "%s", errs);
  cr_assert_str_eq(warns, "");
  cr_assert_eq(entry(a, "1.1-a")->status, ANS_IMPLEMENTED);
  cr_assert_not(entry(a, "1.1-a")->reconfirm);
  free(errs), free(warns), free(path);
  ans_free(a);
  qn_free(q);
}

/* Every format lists and counts what awaits reconfirmation and what was
 * given to questions no longer asked. */
static char *
report_of(const assessment *a, enum report_fmt fmt)
{
  char *out;
  size_t len;
  FILE *m = open_memstream(&out, &len);
  report_ctx r = { .qn = a->qn, .a = a, .lang = LANG_EN, .width = 80 };
  report_write(m, fmt, &r);
  fclose(m);
  return out;
}

Test(editions, every_report_lists_and_counts_reconfirm_and_retired)
{
  questionnaire *q = load("editions/shop-3.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q, &warns);
  char *t = report_of(a, REPORT_TEXT);
  cr_assert(strstr(t, "To reconfirm          5\n"), "%s", t);
  cr_assert(strstr(t, "No longer asked       2\n"), "%s", t);
  cr_assert(strstr(t, "Answers to reconfirm (5)\n  a1  [Baseline] Implemented\n"), "%s", t);
  cr_assert(strstr(t, "Answers to questions no longer asked (2)\n  a3  Implemented\n    paper register at the gate\n"), "%s", t);
  free(t);
  t = report_of(a, REPORT_MARKDOWN);
  cr_assert(strstr(t, "## Answers to reconfirm (5)\n"), "%s", t);
  cr_assert(strstr(t, "| zz-local | Implemented | our own question |\n"), "%s", t);
  free(t);
  t = report_of(a, REPORT_CSV);
  cr_assert(strstr(t, ",missing_reason,reconfirm\r\n"), "%s", t);
  cr_assert(strstr(t, "overall,shop,Editions test questionnaire,baseline,"), "%s", t);
  cr_assert(strstr(t, "reconfirm,a1,Does your organisation have a security policy approved by top management?,baseline,,,,1,1,0,0,0,0,0,0,,1\r\n"), "%s", t);
  cr_assert(strstr(t, "retired,a3,paper register at the gate,,,,,1,1,0,0,0,0,0,0,,0\r\n"), "%s", t);
  free(t);
  t = report_of(a, REPORT_JSON);
  cr_assert(strstr(t, "{ \"question\": \"a1\", "), "%s", t);
  cr_assert(strstr(t, "\"status\": \"implemented\", \"met\": true, \"reconfirm\": true, \"note\": \"policy of 2019\""), "%s", t);
  cr_assert(strstr(t, "\"status\": \"implemented\", \"met\": true, \"reconfirm\": false, \"note\": null, \"evidence\": \"backup log\""), "%s", t);
  cr_assert(strstr(t, "\"retired\": [\n    { \"question\": \"a3\", \"status\": \"implemented\", \"note\": \"paper register at the gate\", "
                      "\"evidence\": \"register 2024\", \"updated\": \"2025-01-10T10:02:00+09:00\", \"from\": null },\n"
                      "    { \"question\": \"zz-local\""), "%s", t);
  cr_assert(strstr(t, "\"edition\": 3,"), "%s", t);
  free(t);
  t = report_of(a, REPORT_HTML);
  cr_assert(strstr(t, "<h2>Answers to reconfirm (5)</h2>"), "%s", t);
  cr_assert(strstr(t, "<h2>Answers to questions no longer asked (2)</h2>"), "%s", t);
  free(t);
  /* With every baseline answer met, the verdict still waits. */
  for (size_t i = 0; i < q->nquestions; i++)
    if (q->questions[i].level == QN_BASELINE && strcmp(q->questions[i].id, "a1") != 0)
      ans_set_status(a, i, ANS_IMPLEMENTED);
  t = report_of(a, REPORT_TEXT);
  cr_assert(strstr(t, "Baseline not met: answers await reconfirmation"), "%s", t);
  free(t);
  free(warns);
  ans_free(a);
  qn_free(q);
}

/* ---- migration --------------------------------------------------------- */

static int
migrate(const char *newname, char **out_text, char **errs, mig_counts *n)
{
  char *map = data_path("editions/shop-to-next.cfg"), *old = data_path("editions/shop-1-answers.cfg");
  char *q1 = data_path("editions/shop-3.cfg"), *q2 = data_path("editions/next.cfg");
  char *qfiles[] = { q1, q2 };
  char *nw = xasprintf("%s/%s", dir, newname);
  diag_t d = { 0 }, w = { 0 };
  size_t len;
  FILE *m = open_memstream(out_text, &len);
  int rc = mig_run(map, old, nw, qfiles, 2, m, &d, &w, n);
  fclose(m);
  m = open_memstream(errs, &len);
  diag_print(&d, m);
  fclose(m);
  diag_clear(&d);
  diag_clear(&w);
  free(map), free(old), free(q1), free(q2), free(nw);
  return rc;
}

Test(editions, migration_carries_answers_notes_evidence_and_the_profile)
{
  char *out, *errs;
  mig_counts n;
  cr_assert_eq(migrate("next.cfg", &out, &errs, &n), 0, "%s", errs);
  cr_assert_eq(n.carried, 4);
  cr_assert_eq(n.reconfirm, 4);
  cr_assert_eq(n.unmapped, 1);
  /* R-1 (subset, implemented) is a proposal: unanswered until confirmed. */
  cr_assert_eq(n.unanswered, 2);
  cr_assert_eq(n.proposed, 1);
  cr_assert(strstr(out, "4 questions of next received an answer; 4 of them to reconfirm\n"), "%s", out);
  cr_assert(strstr(out, "1 answer not mapped, kept in the new file's retired list\n"), "%s", out);
  cr_assert(strstr(out, "2 questions of next left unanswered\n"), "%s", out);

  questionnaire *q = load("editions/next.cfg");
  char *path = xasprintf("%s/next.cfg", dir), *warns;
  assessment *a;
  free(errs);
  cr_assert_eq(bind_file(path, q, &a, &errs, &warns), 0, "%s", errs);
  cr_assert_str_eq(a->profile[ANS_ORGANIZATION], "Shop water works");
  cr_assert_str_eq(a->profile[ANS_SECTOR], "water");
  /* equal, but the source awaited reconfirmation (a1's revision rose). */
  cr_assert_str_eq(entry(a, "G-1")->note, "policy of 2019");
  cr_assert_str_eq(entry(a, "G-1")->from, "shop 1: a1");
  cr_assert(entry(a, "G-1")->reconfirm);
  /* Two sources, one target: least met, every note and reference; the
   * target asks more (subset), so implemented is only a proposal. */
  const ans_entry *e = entry(a, "R-1");
  cr_assert_eq(e->status, ANS_NONE);
  cr_assert_eq(e->proposal, ANS_IMPLEMENTED);
  cr_assert_str_eq(e->note, "[b2-test] recovery is the vendor's");
  cr_assert_str_eq(e->evidence, "[b-backup] backup log");
  cr_assert_str_eq(e->from, "shop 1: b-backup, b2-test");
  cr_assert(e->reconfirm);
  cr_assert_eq(entry(a, "R-3")->status, ANS_NONE);
  /* Unmapped (b2-doc), and what the source kept (a3, zz-local). */
  cr_assert_eq(a->nretired, 3);
  cr_assert_str_eq(retired(a, "b2-doc")->from, "shop");
  cr_assert_eq(retired(a, "b2-doc")->status, ANS_NOT_APPLICABLE);
  cr_assert_str_eq(retired(a, "a3")->evidence, "register 2024");
  cr_assert(retired(a, "zz-local"));
  free(out), free(errs), free(warns), free(path);
  ans_free(a);
  qn_free(q);
}

Test(editions, an_equal_relation_carries_without_reconfirmation)
{
  /* An edition-3 answers file whose a1 is confirmed. */
  questionnaire *q3 = load("editions/shop-3.cfg");
  char *warns;
  assessment *a = open_with("editions/shop-1-answers.cfg", q3, &warns);
  ans_set_status(a, (size_t) qn_find_question(q3, "a1"), ANS_IMPLEMENTED);
  char *old = xasprintf("%s/old3.cfg", dir);
  cr_assert_eq(store_save(old, a, NULL, NULL), 0);
  char *map = data_path("editions/shop-to-next.cfg"), *q1 = data_path("editions/shop-3.cfg"),
       *q2 = data_path("editions/next.cfg");
  char *qfiles[] = { q1, q2 };
  char *nw = xasprintf("%s/n.cfg", dir);
  diag_t d = { 0 }, w = { 0 };
  mig_counts n;
  FILE *devnull = fopen("/dev/null", "w");
  cr_assert_eq(mig_run(map, old, nw, qfiles, 2, devnull, &d, &w, &n), 0);
  fclose(devnull);
  cr_assert_eq(n.reconfirm, 3);
  questionnaire *qn = load("editions/next.cfg");
  assessment *b;
  char *errs;
  free(warns);
  cr_assert_eq(bind_file(nw, qn, &b, &errs, &warns), 0, "%s", errs);
  cr_assert_eq(entry(b, "G-1")->status, ANS_IMPLEMENTED);
  cr_assert_not(entry(b, "G-1")->reconfirm);
  cr_assert(entry(b, "G-2")->reconfirm);
  diag_clear(&d), diag_clear(&w);
  free(old), free(map), free(q1), free(q2), free(nw), free(errs), free(warns);
  ans_free(a), ans_free(b);
  qn_free(q3), qn_free(qn);
}

Test(editions, migration_refuses_to_overwrite)
{
  char *path = write_file(dir, "taken.cfg", "a person's file\n");
  char *out, *errs;
  mig_counts n;
  cr_assert_eq(migrate("taken.cfg", &out, &errs, &n), EX_CANTCREAT);
  cr_assert(strstr(errs, "taken.cfg: the file exists; kijun --migrate never writes over a file"), "%s", errs);
  char *text = read_file(path);
  cr_assert_str_eq(text, "a person's file\n");
  cr_assert_str_eq(out, "");
  free(text), free(out), free(errs), free(path);
}

/* ---- sessions: backup before the first upgrading save, newer files ---- */

static char *
copy_fixture(const char *name, const char *to)
{
  char *src = data_path(name), *text = read_file(src);
  char *p = write_file(dir, to, text);
  free(src), free(text);
  return p;
}

Test(editions, the_first_save_of_an_older_edition_keeps_the_original_beside_it)
{
  char *path = copy_fixture("editions/shop-1-answers.cfg", "answers.cfg");
  char *before = read_file(path);
  /* A backup of an earlier upgrade is never written over. */
  char *taken = write_file(dir, "answers.edition-1.cfg", "an older backup\n");
  char *q3 = data_path("editions/shop-3.cfg");
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, path, q3, false, &d), 0);
  cr_assert(s.upgrade);
  cr_assert_not(s.read_only);
  cr_assert_eq(s.file_edition, 1);
  cr_assert_eq(s.warn.n, 1);
  /* Opening wrote nothing. */
  char *now = read_file(path);
  cr_assert_str_eq(now, before);
  free(now);
  ans_set_status(s.a, (size_t) qn_find_question(s.qn, "a1"), ANS_IMPLEMENTED);
  cr_assert_eq(session_save(&s, NULL), 0);
  char *want = xasprintf("%s/answers.edition-1.2.cfg", dir);
  cr_assert_str_eq(s.backup, want);
  char *kept = read_file(want);
  cr_assert_str_eq(kept, before);
  now = read_file(taken);
  cr_assert_str_eq(now, "an older backup\n");
  free(now);
  now = read_file(path);
  cr_assert(strstr(now, "edition = 3;"));
  cr_assert(strstr(now, "retired = ("));
  free(now);
  /* The next save keeps no second copy. */
  cr_assert_eq(session_save(&s, NULL), 0);
  char *third = xasprintf("%s/answers.edition-1.3.cfg", dir);
  struct stat st;
  cr_assert_neq(stat(third, &st), 0);
  session_close(&s);
  diag_clear(&d);
  free(path), free(before), free(taken), free(q3), free(want), free(kept), free(third);
}

Test(editions, backup_names)
{
  char *n = session_backup_name("/nowhere/a.cfg", 2);
  cr_assert_str_eq(n, "/nowhere/a.edition-2.cfg");
  free(n);
  n = session_backup_name("/nowhere/answers", 1);
  cr_assert_str_eq(n, "/nowhere/answers.edition-1");
  free(n);
  n = session_backup_name("/nowhere/.cfg", 1);
  cr_assert_str_eq(n, "/nowhere/.cfg.edition-1");
  free(n);
}

Test(editions, a_newer_editions_file_opens_read_only_and_is_never_written)
{
  char *path = copy_fixture("editions/shop-2-answers.cfg", "newer.cfg");
  char *before = read_file(path);
  char *q1 = data_path("editions/shop-1.cfg");
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, path, q1, false, &d), 0);
  cr_assert(s.newer);
  cr_assert(s.read_only);
  char *m = session_read_only_text(&s);
  cr_assert(strstr(m, "Read-only: saved with edition 2, newer than this questionnaire's 1, so kijun will not change"), "%s", m);
  ans_set_status(s.a, 0, ANS_PARTIAL);
  cr_assert_eq(session_save(&s, NULL), EX_NOPERM);
  char *now = read_file(path);
  cr_assert_str_eq(now, before);
  session_close(&s);
  diag_clear(&d);
  free(m), free(now), free(path), free(before), free(q1);
}

/* Issue 21: with a 248-byte name, "NAME.edition-1.cfg" is too long for
 * the folder; the search for a backup name looped on ENAMETOOLONG for
 * ever.  It ends, and the backup gets a shortened name. */
Test(editions, the_first_save_of_a_long_named_older_file_ends_and_keeps_a_backup, .timeout = 20)
{
  char base[249];
  memset(base, 'n', 244);
  strcpy(base + 244, ".cfg");
  char *path = copy_fixture("editions/shop-1-answers.cfg", base);
  char *before = read_file(path);
  char *q3 = data_path("editions/shop-3.cfg");
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, path, q3, false, &d), 0);
  cr_assert(s.upgrade);
  ans_set_status(s.a, (size_t) qn_find_question(s.qn, "a1"), ANS_IMPLEMENTED);
  cr_assert_eq(session_save(&s, &d), 0, "%s", d.n ? d.msgs[0] : "");
  cr_assert_not_null(s.backup);
  const char *slash = strrchr(s.backup, '/');
  cr_assert_leq(strlen(slash + 1), NAME_MAX);
  cr_assert(strstr(slash + 1, ".edition-1.cfg"), "%s", s.backup);
  char *kept = read_file(s.backup);
  cr_assert_str_eq(kept, before);
  session_close(&s);
  diag_clear(&d);
  free(path), free(before), free(q3), free(kept);
}

/* A name that cannot be looked at ends the search at once (NULL). */
Test(editions, the_backup_name_search_ends_on_any_error, .timeout = 20)
{
  char *name = xasprintf("%s/%0300d.cfg", dir, 0);
  errno = 0;
  char *n = session_backup_name(name, 1);
  /* Shortened to fit: a name, not a loop. */
  cr_assert_not_null(n);
  free(n);
  char *file = write_file(dir, "plain.cfg", "x\n");
  char *under = xasprintf("%s/sub.cfg", file);   /* a file as a folder: ENOTDIR */
  n = session_backup_name(under, 1);
  cr_assert_null(n);
  cr_assert_eq(errno, ENOTDIR);
  free(name), free(file), free(under);
}

/* A save killed after the backup but before the file was rewritten: the
 * next first save finds the backup of the same bytes and keeps no
 * second one. */
Test(editions, an_interrupted_upgrade_leaves_one_backup)
{
  char *path = copy_fixture("editions/shop-1-answers.cfg", "again.cfg");
  char *before = read_file(path);
  char *first = write_file(dir, "again.edition-1.cfg", before);
  char *q3 = data_path("editions/shop-3.cfg");
  session s;
  diag_t d = { 0 };
  cr_assert_eq(session_open(&s, path, q3, false, &d), 0);
  ans_set_status(s.a, (size_t) qn_find_question(s.qn, "a1"), ANS_IMPLEMENTED);
  cr_assert_eq(session_save(&s, &d), 0);
  cr_assert_str_eq(s.backup, first);
  char *second = xasprintf("%s/again.edition-1.2.cfg", dir);
  struct stat st;
  cr_assert_neq(stat(second, &st), 0);
  session_close(&s);
  diag_clear(&d);
  free(path), free(before), free(first), free(q3), free(second);
}

/* Issue 21: an old id answered twice is the mistake a current id answered
 * twice is, not two answers merged silently; a review mark on a renamed
 * question goes with its answer. */
Test(editions, an_old_id_answered_twice_is_refused_and_a_review_mark_follows_a_rename)
{
  questionnaire *q = load("editions/shop-3.cfg");
  char *twice = write_file(dir, "twice.cfg",
                           "kijun_answers = 1;\n"
                           "questionnaire = { id = \"shop\"; version = \"1\"; };\n"
                           "answers = (\n"
                           "  { question = \"b1\"; status = \"implemented\"; },\n"
                           "  { question = \"b1\"; status = \"not_implemented\"; }\n"
                           ");\n");
  assessment *a;
  char *errs, *warns;
  cr_assert_eq(bind_file(twice, q, &a, &errs, &warns), EX_DATAERR);
  cr_assert(strstr(errs, "twice.cfg:5: question 'b1' is answered twice (first at line 4)"), "%s", errs);
  free(errs), free(warns);
  char *marked = write_file(dir, "marked.cfg",
                            "kijun_answers = 1;\n"
                            "questionnaire = { id = \"shop\"; version = \"1\"; };\n"
                            "review = [ \"b1\", \"b2\" ];\n"
                            "answers = ( { question = \"b1\"; status = \"implemented\"; } );\n");
  cr_assert_eq(bind_file(marked, q, &a, &errs, &warns), 0, "%s", errs);
  cr_assert(a->e[qn_find_question(q, "b-backup")].review, "the mark follows the rename b1 -> b-backup");
  cr_assert(a->e[qn_find_question(q, "b2-test")].review, "and the split b2 -> b2-test, b2-doc");
  cr_assert(a->e[qn_find_question(q, "b2-doc")].review);
  ans_free(a);
  free(errs), free(warns), free(twice), free(marked);
  qn_free(q);
}
