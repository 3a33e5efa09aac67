/* Tests of the PDCA loop: the plan fields of the answers file, the plan
 * list, the next cycle's carry, the previous cycle's record and the
 * comparison of two assessments; golden files of the plan and comparison
 * reports in every format and both languages (KIJUN_UPDATE_GOLDEN=1
 * rewrites them). */
#include <config.h>

#include <locale.h>
#include <sys/stat.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "model/compare.h"
#include "ops/cycle.h"
#include "helpers.h"
#include "base/i18n.h"
#include "io/paths.h"
#include "model/plan.h"
#include "io/qload.h"
#include "report/report_compare.h"
#include "report/report_plan.h"
#include "io/store.h"
#include "base/text.h"

static questionnaire *qn;
static char *dir;

static void
setup(void)
{
  i18n_init(NULL, path_localedir());
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
  i18n_set_lang(LANG_EN);
}

TestSuite(cycle, .init = setup, .fini = teardown);

/* Read and bind path against qn; the diagnostics, with dir/ taken out,
 * in *msgs (may be NULL). */
static int
open_answers(const char *path, assessment **a, char **msgs)
{
  diag_t d = { 0 };
  store_loaded got;
  int rc = store_load(path, &(store_target){ .q = qn }, &d, a, &got);
  diag_clear(&got.warn);
  char *text = diag_text(&d, dir);
  if (msgs)
    *msgs = text;
  else
    free(text);
  return rc;
}

static assessment *
load(const char *name)
{
  char *p = data_path(name);
  assessment *a;
  char *msgs;
  cr_assert_eq(open_answers(p, &a, &msgs), 0, "%s", msgs);
  free(msgs);
  free(p);
  return a;
}

static size_t
qi_of(const char *id)
{
  long i = qn_find_question(qn, id);
  cr_assert_geq(i, 0, "no question %s", id);
  return (size_t) i;
}

/* ---- plan fields --------------------------------------------------------- */

Test(cycle, dates_are_calendar_dates)
{
  cr_assert(ans_valid_date("2027-03-31"));
  cr_assert(ans_valid_date("2028-02-29"));
  cr_assert(ans_valid_date("2000-02-29"));
  cr_assert_not(ans_valid_date("2027-02-29"));
  cr_assert_not(ans_valid_date("1900-02-29"));
  cr_assert_not(ans_valid_date("2027-13-01"));
  cr_assert_not(ans_valid_date("2027-04-31"));
  cr_assert_not(ans_valid_date("2027-3-31"));
  cr_assert_not(ans_valid_date("2027/03/31"));
  cr_assert_not(ans_valid_date("2027-03-31T00:00"));
  cr_assert_not(ans_valid_date(""));
  cr_assert_not(ans_valid_date(NULL));
}

Test(cycle, plan_fields_survive_a_save)
{
  assessment *a = load("cycle-1.cfg");
  const ans_entry *e = &a->e[qi_of("1.2-b")];
  cr_assert_str_eq(e->plan[ANS_PLAN_ACTION], "毎日バックアップを取得する");
  cr_assert_str_eq(e->plan[ANS_PLAN_OWNER], "情報システム課");
  cr_assert_str_eq(e->plan[ANS_PLAN_DUE], "2026-03-31");
  cr_assert_null(e->plan[ANS_PLAN_DONE]);
  /* A plan alone (no status) is kept too. */
  ans_set_plan(a, qi_of("1.3-b"), ANS_PLAN_ACTION, "Publish incidents\non the web site");
  char *p = xasprintf("%s/saved.cfg", dir);
  cr_assert_eq(store_save(p, a, NULL, NULL), 0);
  assessment *b;
  char *msgs;
  cr_assert_eq(open_answers(p, &b, &msgs), 0, "%s", msgs);
  for (size_t i = 0; i < qn->nquestions; i++)
    for (int f = 0; f < ANS_PLAN_COUNT; f++)
      {
        const char *x = a->e[i].plan[f], *y = b->e[i].plan[f];
        cr_assert((!x && !y) || (x && y && strcmp(x, y) == 0), "question %s, %s: %s / %s",
                  qn->questions[i].id, ans_plan_key((enum ans_plan) f), x ? x : "-", y ? y : "-");
      }
  cr_assert_eq(b->e[qi_of("1.3-b")].status, ANS_NONE);
  free(msgs), free(p);
  ans_free(a), ans_free(b);
}

Test(cycle, a_bad_date_is_one_clear_line)
{
  char *content = xasprintf("kijun_answers = 1;\n"
                            "questionnaire = { id = \"mini\"; version = \"1\"; digest = \"%s\"; };\n"
                            "answers = (\n"
                            "  { question = \"1.1-a\"; status = \"partial\"; action = \"Fix\";\n"
                            "    due = \"2027-02-29\"; },\n"
                            "  { question = \"1.2-a\"; status = \"partial\"; done = \"soon\"; }\n"
                            ");\n",
                            qn_digest(qn));
  char *p = write_file(dir, "a.cfg", content);
  assessment *a;
  char *msgs;
  cr_assert_eq(open_answers(p, &a, &msgs), EX_DATAERR);
  cr_assert_str_eq(msgs,
                   "a.cfg:5: due \"2027-02-29\" of question '1.1-a' is not a date; expected YYYY-MM-DD, such as 2027-03-31\n"
                   "a.cfg:6: done \"soon\" of question '1.2-a' is not a date; expected YYYY-MM-DD, such as 2027-03-31\n");
  cr_assert_null(a);
  free(msgs), free(p), free(content);
}

/* ---- the plan list ------------------------------------------------------- */

Test(cycle, the_plan_lists_every_question_not_met_baseline_first_then_by_due_date)
{
  assessment *a = load("cycle-1.cfg");
  coverage c;
  cov_compute(qn, a, &c);
  plan p;
  plan_build(qn, a, &c, "2026-11-18", &p);
  static const char *const want[] = { "1.2-b", "1.2-c", "1.3-a", "1.1-b", "1.2-d", "1.3-b" };
  static const enum plan_state state[] = { PLAN_OVERDUE, PLAN_OPEN, PLAN_NO_ACTION, PLAN_DONE,
                                           PLAN_NO_ACTION, PLAN_NO_ACTION };
  cr_assert_eq(p.n, 6);
  cr_assert_eq(p.nbaseline, 3);
  for (size_t k = 0; k < p.n; k++)
    {
      cr_assert_str_eq(qn->questions[p.items[k].qi].id, want[k], "item %zu", k);
      cr_assert_eq(p.items[k].state, state[k], "item %zu (%s)", k, want[k]);
    }
  cr_assert_eq(p.count[PLAN_NO_ACTION], 3);
  cr_assert_eq(p.count[PLAN_OVERDUE], 1);
  cr_assert_eq(p.count[PLAN_OPEN], 1);
  cr_assert_eq(p.count[PLAN_DONE], 1);
  plan_free(&p);
  /* The day of the due date it is not yet overdue; the day after it is. */
  ans_entry e = { .plan = { [ANS_PLAN_ACTION] = "x", [ANS_PLAN_DUE] = "2026-03-31" } };
  cr_assert_eq(plan_state_of(&e, "2026-03-31"), PLAN_OPEN);
  cr_assert_eq(plan_state_of(&e, "2026-04-01"), PLAN_OVERDUE);
  e.plan[ANS_PLAN_DONE] = "2026-04-02";
  cr_assert_eq(plan_state_of(&e, "2026-05-01"), PLAN_DONE);
  cov_free(&c);
  ans_free(a);
}

/* ---- the next cycle ------------------------------------------------------ */

Test(cycle, the_next_cycle_carries_profile_answers_and_plan_and_records_the_old_one)
{
  char *old = data_path("cycle-1.cfg"), *qp = data_path("mini.cfg");
  char *nw = xasprintf("%s/next.cfg", dir);
  diag_t d = { 0 };
  cycle_counts n;
  cr_assert_eq(cycle_start(old, nw, qp, &d, &n), 0, "%s", d.n ? d.msgs[0] : "");
  cr_assert_eq(n.answers, 6);
  cr_assert_eq(n.plans, 3);
  assessment *o = load("cycle-1.cfg"), *a;
  char *msgs;
  cr_assert_eq(open_answers(nw, &a, &msgs), 0, "%s", msgs);
  for (int f = 0; f < ANS_FIELD_COUNT; f++)
    if (f != ANS_STARTED)
      cr_assert_str_eq(a->profile[f], o->profile[f]);
  /* A new start: SOURCE_DATE_EPOCH's time, not last year's. */
  cr_assert_str_eq(a->profile[ANS_STARTED], "2026-11-18T11:06:40Z");
  for (size_t i = 0; i < qn->nquestions; i++)
    {
      cr_assert_eq(a->e[i].status, o->e[i].status, "%s", qn->questions[i].id);
      /* Every answer carried waits for a person to confirm it. */
      cr_assert_eq(a->e[i].reconfirm, o->e[i].status != ANS_NONE, "%s", qn->questions[i].id);
      cr_assert_str_eq(a->e[i].note ? a->e[i].note : "", o->e[i].note ? o->e[i].note : "");
      for (int f = 0; f < ANS_PLAN_COUNT; f++)
        cr_assert_str_eq(a->e[i].plan[f] ? a->e[i].plan[f] : "", o->e[i].plan[f] ? o->e[i].plan[f] : "");
    }
  const ans_previous *p = a->previous;
  cr_assert(p);
  cr_assert_eq(p->path[0], '/', "the old file is recorded by its absolute name: %s", p->path);
  cr_assert(strstr(p->path, "tests/data/cycle-1.cfg"), "%s", p->path);
  cr_assert_str_eq(p->started, "2025-11-20T09:00:00+09:00");
  cr_assert(p->figures);
  cr_assert_eq(p->all[QN_BASELINE].met, 2);
  cr_assert_eq(p->all[QN_BASELINE].applicable, 5);
  cr_assert_eq(p->phase[QN_PLAN][QN_BASELINE].met, 2);
  cr_assert_eq(p->phase[QN_DO][QN_BASELINE].applicable, 2);

  /* Never over an existing file: the second time it is refused and the
   * file is as it was. */
  char *before = read_file(nw);
  cr_assert_eq(cycle_start(old, nw, qp, &d, &n), EX_CANTCREAT);
  char *after = read_file(nw);
  cr_assert_str_eq(before, after);
  cr_assert(d.n && strstr(d.msgs[d.n - 1], "never overwrites"), "%s", d.n ? d.msgs[d.n - 1] : "");
  diag_clear(&d);
  free(before), free(after), free(msgs);
  ans_free(a), ans_free(o);
  free(old), free(qp), free(nw);
}

Test(cycle, the_previous_record_gives_figures_when_its_file_is_gone)
{
  assessment *a = load("cycle-2.cfg");
  cr_assert(a->previous && a->previous->figures);
  cr_assert_str_eq(a->previous->path, "cycle-1.cfg");
  coverage then;
  cr_assert(cycle_then(qn, a, NULL, &then));
  cr_assert_not(then.detailed);
  cr_assert_eq(then.all[QN_BASELINE].met, 2);
  cr_assert_eq(then.all[QN_BASELINE].applicable, 5);
  coverage now;
  cov_compute(qn, a, &now);
  char buf[96];
  cov_format_change(&now.all[QN_RECOMMENDED], &then.all[QN_RECOMMENDED], buf, sizeof buf);
  cr_assert_str_eq(buf, "33.3% (1/3), +33.3 pt");
  cov_format_change(&now.phase[QN_PLAN][QN_BASELINE], &then.phase[QN_PLAN][QN_BASELINE],
                    buf, sizeof buf);
  cr_assert_str_eq(buf, "50.0% (1/2), -50.0 pt");
  cov_format_change(&now.phase[QN_ACT][QN_BASELINE], &then.phase[QN_ACT][QN_BASELINE],
                    buf, sizeof buf);
  cr_assert_str_eq(buf, "n/a (0/0)", "no change is given where nothing applies");
  cov_free(&then), cov_free(&now);
  ans_free(a);
}

Test(cycle, a_bad_previous_record_is_reported)
{
  char *content = xasprintf("kijun_answers = 1;\n"
                            "questionnaire = { id = \"mini\"; version = \"1\"; digest = \"%s\"; };\n"
                            "previous = { path = \"old.cfg\";\n"
                            "  baseline = { met = 3; applicable = 2; };\n"
                            "  recommended = { met = 0; applicable = 1; };\n"
                            "};\n",
                            qn_digest(qn));
  char *p = write_file(dir, "a.cfg", content);
  assessment *a;
  char *msgs;
  cr_assert_eq(open_answers(p, &a, &msgs), EX_DATAERR);
  cr_assert(strstr(msgs, "a.cfg:4: 'baseline' of 'previous' has met = 3 over applicable = 2; expected met <= applicable"), "%s", msgs);
  cr_assert(strstr(msgs, "'phases'"), "%s", msgs);
  free(msgs), free(p), free(content);
}

/* ---- the comparison ------------------------------------------------------ */

static void
assert_list(const comparison *c, enum cmp_list l, const char *const *want, size_t n)
{
  cr_assert_eq(c->n[l], n, "%s: %zu questions", cmp_list_key(l), c->n[l]);
  for (size_t k = 0; k < n; k++)
    cr_assert_str_eq(qn->questions[c->list[l][k]].id, want[k], "%s %zu", cmp_list_key(l), k);
}

Test(cycle, a_comparison_finds_regressions_improvements_and_overdue_plan_items)
{
  assessment *o = load("cycle-1.cfg"), *a = load("cycle-2.cfg");
  coverage then, now;
  cov_compute(qn, o, &then);
  cov_compute(qn, a, &now);
  comparison c;
  cmp_compute(qn, o, &then, a, &now, &c);
  static const char *const regressed[] = { "1.1-a" };
  static const char *const improved[] = { "1.2-b", "1.1-b" };
  static const char *const still[] = { "1.3-a", "1.2-c", "1.2-d", "1.3-b" };
  assert_list(&c, CMP_REGRESSED, regressed, 1);
  assert_list(&c, CMP_IMPROVED, improved, 2);
  assert_list(&c, CMP_STILL_UNMET, still, 4);
  /* The new assessment's date is its last answer's. */
  cr_assert_str_eq(c.asof, "2026-11-12");
  /* 1.2-b was due 2026-03-31 and its done date is in neither file, but
   * it is implemented now: not "not done" (I14); 1.1-b is done; 1.2-c is
   * due after the new date. */
  cr_assert_eq(c.noverdue, 0);
  cmp_free(&c);
  /* Were 1.2-b still not met, it would be overdue. */
  ans_set_status(a, qi_of("1.2-b"), ANS_PARTIAL);
  cov_free(&now);
  cov_compute(qn, a, &now);
  cmp_compute(qn, o, &then, a, &now, &c);
  cr_assert_eq(c.noverdue, 1);
  cr_assert_str_eq(qn->questions[c.overdue[0]].id, "1.2-b");
  cmp_free(&c);
  ans_set_status(a, qi_of("1.2-b"), ANS_IMPLEMENTED);
  cov_free(&now);
  cov_compute(qn, a, &now);

  /* The same assessment twice: nothing regressed, nothing improved. */
  cmp_compute(qn, a, &now, a, &now, &c);
  cr_assert_eq(c.n[CMP_REGRESSED], 0);
  cr_assert_eq(c.n[CMP_IMPROVED], 0);
  cmp_free(&c);

  /* A not applicable answer (with its reason) that is now not met is a
   * regression too. */
  size_t q = qi_of("1.3-a");
  ans_set_status(o, q, ANS_NOT_APPLICABLE);
  ans_set_note(o, q, "no public body");
  cov_free(&then);
  cov_compute(qn, o, &then);
  cmp_compute(qn, o, &then, a, &now, &c);
  static const char *const regressed2[] = { "1.1-a", "1.3-a" };
  assert_list(&c, CMP_REGRESSED, regressed2, 2);
  cmp_free(&c);
  cov_free(&then), cov_free(&now);
  ans_free(o), ans_free(a);
}

/* ---- across editions ------------------------------------------------- */

/* Edition 1's answers (b2 not applicable, with a plan) and edition 2's
 * (b2 split into b2-test and b2-doc; b1 renamed b-backup). */
static const char *const shop1 =
  "kijun_answers = 1;\n"
  "questionnaire = { id = \"shop\"; version = \"1\"; digest = \"sha256:00\"; };\n"
  "profile = { organization = \"Shop water works\"; started = \"2025-01-10T09:00:00+09:00\"; };\n"
  "answers = (\n"
  "  { question = \"a1\"; status = \"implemented\"; updated = \"2025-01-10T10:00:00+09:00\"; },\n"
  "  { question = \"a3\"; status = \"implemented\"; updated = \"2025-01-10T10:02:00+09:00\"; },\n"
  "  { question = \"b1\"; status = \"implemented\"; updated = \"2025-01-10T10:03:00+09:00\"; },\n"
  "  { question = \"b2\"; status = \"not_applicable\"; note = \"recovery is the vendor's\";\n"
  "    updated = \"2025-01-10T10:04:00+09:00\"; action = \"Take recovery in house\"; owner = \"IT\";\n"
  "    due = \"2025-06-30\"; }\n"
  ");\n";
static const char *const shop2 =
  "kijun_answers = 1;\n"
  "questionnaire = { id = \"shop\"; version = \"1\"; edition = 2; digest = \"sha256:00\"; };\n"
  "profile = { organization = \"Shop water works\"; started = \"2026-01-10T09:00:00+09:00\"; };\n"
  "answers = (\n"
  "  { question = \"a1\"; status = \"implemented\"; revision = 2; updated = \"2026-01-12T10:00:00+09:00\"; },\n"
  "  { question = \"b2-test\"; status = \"implemented\"; updated = \"2026-01-12T10:01:00+09:00\"; },\n"
  "  { question = \"b2-doc\"; status = \"not_implemented\"; updated = \"2026-01-12T10:02:00+09:00\"; }\n"
  ");\n";

static questionnaire *
load_shop2(void)
{
  char *p = data_path("editions/shop-2.cfg");
  diag_t d = { 0 };
  questionnaire *q;
  cr_assert_eq(qload_file(p, &d, &q), 0, "%s", d.n ? d.msgs[0] : "");
  free(p);
  return q;
}

static assessment *
bind_text(const questionnaire *q, const char *name, const char *content)
{
  char *p = write_file(dir, name, content);
  diag_t d = { 0 };
  store_doc *doc;
  assessment *a = NULL;
  cr_assert_eq(store_read(p, &d, &doc), 0, "%s", d.n ? d.msgs[0] : "");
  cr_assert_eq(store_bind(doc, q, &d, &a, NULL), 0, "%s", d.n ? d.msgs[0] : "");
  store_doc_free(doc);
  diag_clear(&d);
  free(p);
  return a;
}

Test(cycle, a_question_split_between_editions_is_compared_on_both_parts)
{
  questionnaire *q = load_shop2();
  assessment *o = bind_text(q, "shop1.cfg", shop1), *a = bind_text(q, "shop2.cfg", shop2);
  long test = qn_find_question(q, "b2-test"), doc = qn_find_question(q, "b2-doc");
  cr_assert(test >= 0 && doc >= 0);
  /* The old answer to b2 stands on both parts, plan and all. */
  cr_assert_eq(o->e[test].status, ANS_NOT_APPLICABLE);
  cr_assert_eq(o->e[doc].status, ANS_NOT_APPLICABLE);
  cr_assert_str_eq(o->e[doc].plan[ANS_PLAN_ACTION], "Take recovery in house");
  coverage then, now;
  cov_compute(q, o, &then);
  cov_compute(q, a, &now);
  comparison c;
  cmp_compute(q, o, &then, a, &now, &c);
  /* b2 was not applicable; b2-doc is now not met: a regression; b2-test
   * is met.  b1 became b-backup, unanswered now: a regression too. */
  cr_assert_eq(c.n[CMP_REGRESSED], 2);
  /* In walk order: b2-doc is a Plan question, b-backup a Do one. */
  cr_assert_str_eq(q->questions[c.list[CMP_REGRESSED][0]].id, "b2-doc");
  cr_assert_str_eq(q->questions[c.list[CMP_REGRESSED][1]].id, "b-backup");
  for (int l = 0; l < CMP_LIST_COUNT; l++)
    for (size_t k = 0; k < c.n[l]; k++)
      cr_assert_str_neq(q->questions[c.list[l][k]].id, "b2-test", "b2-test is met now: in no list");
  /* The old plan's action on b2, due 2025-06-30, is overdue by the new
   * date on the part where it is not done. */
  cr_assert_str_eq(c.asof, "2026-01-12");
  cr_assert_geq(c.noverdue, 1);
  cmp_free(&c);
  cov_free(&then), cov_free(&now);
  ans_free(o), ans_free(a);
  qn_free(q);
}

Test(cycle, the_next_cycle_works_across_editions_and_keeps_retired_answers)
{
  questionnaire *q = load_shop2();
  char *qp = data_path("editions/shop-2.cfg");
  char *old = write_file(dir, "shop1.cfg", shop1);
  char *nw = xasprintf("%s/shop-next.cfg", dir);
  diag_t d = { 0 };
  cycle_counts n;
  cr_assert_eq(cycle_start(old, nw, qp, &d, &n), 0, "%s", d.n ? d.msgs[0] : "");
  diag_clear(&d);
  cr_assert_eq(n.retired, 1, "a3, retired in edition 2, is kept");
  char *text = read_file(nw);
  assessment *a = bind_text(q, "shop-next-copy.cfg", text);
  free(text);
  cr_assert_eq(a->nretired, 1);
  cr_assert_str_eq(a->retired[0].question, "a3");
  long doc = qn_find_question(q, "b2-doc"), backup = qn_find_question(q, "b-backup");
  cr_assert_eq(a->e[doc].status, ANS_NOT_APPLICABLE);
  cr_assert(a->e[doc].reconfirm);
  cr_assert_str_eq(a->e[doc].plan[ANS_PLAN_OWNER], "IT");
  cr_assert_eq(a->e[backup].status, ANS_IMPLEMENTED);
  cr_assert(a->e[backup].reconfirm);
  cr_assert(a->previous && a->previous->figures);
  char *content = read_file(nw);
  cr_assert(strstr(content, "edition = 2;"), "the new file is for the current edition");
  free(content);
  ans_free(a);
  free(qp), free(old), free(nw);
  qn_free(q);
}

/* ---- golden reports ------------------------------------------------------ */

/* The interface speaks the other language: a report is wholly in its
 * own. */
static void
golden_plan(enum report_fmt fmt, enum lang lang, const char *name)
{
#if !ENABLE_NLS
  if (lang == LANG_JA)
    cr_skip_test("built without native language support");
#endif
  i18n_set_lang(lang == LANG_JA ? LANG_EN : LANG_JA);
  assessment *a = load("cycle-1.cfg");
  report_ctx r = { qn, a, "cycle-1.cfg", lang, 80, NULL, NULL, NULL };
  char *out = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&out, &len);
  cr_assert_eq(report_plan_write(m, fmt, &r), 0);
  fclose(m);
  check_golden(name, out, len);
  free(out);
  ans_free(a);
}

static void
golden_compare(enum report_fmt fmt, enum lang lang, const char *name)
{
#if !ENABLE_NLS
  if (lang == LANG_JA)
    cr_skip_test("built without native language support");
#endif
  i18n_set_lang(lang == LANG_JA ? LANG_EN : LANG_JA);
  assessment *o = load("cycle-1.cfg"), *a = load("cycle-2.cfg");
  report_compare_ctx r = { qn, o, a, "cycle-1.cfg", "cycle-2.cfg", lang, 80 };
  char *out = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&out, &len);
  bool regressed = false;
  cr_assert_eq(report_compare_write(m, fmt, &r, &regressed), 0);
  fclose(m);
  cr_assert(regressed);
  check_golden(name, out, len);
  free(out);
  ans_free(o), ans_free(a);
}

Test(cycle, plan_text_en) { golden_plan(REPORT_TEXT, LANG_EN, "plan.en.txt"); }
Test(cycle, plan_text_ja) { golden_plan(REPORT_TEXT, LANG_JA, "plan.ja.txt"); }
Test(cycle, plan_markdown_en) { golden_plan(REPORT_MARKDOWN, LANG_EN, "plan.en.md"); }
Test(cycle, plan_markdown_ja) { golden_plan(REPORT_MARKDOWN, LANG_JA, "plan.ja.md"); }
Test(cycle, plan_csv_en) { golden_plan(REPORT_CSV, LANG_EN, "plan.en.csv"); }
Test(cycle, plan_csv_ja) { golden_plan(REPORT_CSV, LANG_JA, "plan.ja.csv"); }
Test(cycle, plan_json_en) { golden_plan(REPORT_JSON, LANG_EN, "plan.en.json"); }
Test(cycle, plan_json_ja) { golden_plan(REPORT_JSON, LANG_JA, "plan.ja.json"); }
Test(cycle, plan_html_en) { golden_plan(REPORT_HTML, LANG_EN, "plan.en.html"); }
Test(cycle, plan_html_ja) { golden_plan(REPORT_HTML, LANG_JA, "plan.ja.html"); }
Test(cycle, compare_text_en) { golden_compare(REPORT_TEXT, LANG_EN, "compare.en.txt"); }
Test(cycle, compare_text_ja) { golden_compare(REPORT_TEXT, LANG_JA, "compare.ja.txt"); }
Test(cycle, compare_markdown_en) { golden_compare(REPORT_MARKDOWN, LANG_EN, "compare.en.md"); }
Test(cycle, compare_markdown_ja) { golden_compare(REPORT_MARKDOWN, LANG_JA, "compare.ja.md"); }
Test(cycle, compare_csv_en) { golden_compare(REPORT_CSV, LANG_EN, "compare.en.csv"); }
Test(cycle, compare_csv_ja) { golden_compare(REPORT_CSV, LANG_JA, "compare.ja.csv"); }
Test(cycle, compare_json_en) { golden_compare(REPORT_JSON, LANG_EN, "compare.en.json"); }
Test(cycle, compare_json_ja) { golden_compare(REPORT_JSON, LANG_JA, "compare.ja.json"); }
Test(cycle, compare_html_en) { golden_compare(REPORT_HTML, LANG_EN, "compare.en.html"); }
Test(cycle, compare_html_ja) { golden_compare(REPORT_HTML, LANG_JA, "compare.ja.html"); }

/* The summary with the changes since the previous cycle still fits 80
 * columns, in both languages. */
Test(cycle, the_report_with_changes_fits_80_columns)
{
  assessment *a = load("cycle-2.cfg"), *prev = load("cycle-1.cfg");
  coverage then;
  cr_assert(cycle_then(qn, a, prev, &then));
  cr_assert(then.detailed);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      report_ctx r = { qn, a, "cycle-2.cfg", (enum lang) l, 80, &then, "cycle-1.cfg",
                       prev->profile[ANS_STARTED] };
      char *out;
      size_t len;
      FILE *m = open_memstream(&out, &len);
      cr_assert_eq(report_write(m, REPORT_TEXT, &r), 0);
      fclose(m);
      if (l == LANG_EN)
        {
          cr_assert(strstr(out, "Baseline coverage     40.0% (2/5), 0.0 pt"), "%s", out);
          cr_assert(strstr(out, "[######----]   66.7% (2/3), +33.4 pt"), "%s", out);
          cr_assert(strstr(out, "It started at   20 Nov 2025 00:00 UTC"), "%s", out);
        }
      char *save, *line = strtok_r(out, "\n", &save);
      for (; line; line = strtok_r(NULL, "\n", &save))
        cr_assert_leq(txt_width(line), 80, "too wide (%d): %s", txt_width(line), line);
      free(out);
    }
  cov_free(&then);
  ans_free(a), ans_free(prev);
}
