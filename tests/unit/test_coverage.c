/* Tests of the coverage computation against hand-computed figures. */
#include <config.h>

#include <locale.h>
#include <string.h>

#include <criterion/criterion.h>

#include "model/agg.h"
#include "model/coverage.h"
#include "helpers.h"
#include "io/qload.h"

static questionnaire *qn;
static assessment *a;
static coverage c;

/* mini.cfg, by question index:
 *   0 1.1-a plan  baseline     4 1.2-c check baseline
 *   1 1.1-b check recommended  5 1.2-d act   recommended
 *   2 1.2-a plan  baseline     6 1.3-a do    baseline
 *   3 1.2-b do    baseline     7 1.3-b act   recommended */
static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  char *p = data_path("mini.cfg");
  diag_t d = { 0 };
  cr_assert_eq(qload_file(p, &d, &qn), 0);
  free(p);
  a = ans_new(qn);
}

static void
teardown(void)
{
  cov_free(&c);
  ans_free(a);
  qn_free(qn);
}

TestSuite(coverage, .init = setup, .fini = teardown);

static void
check_tally(const cov_tally *t, unsigned met, unsigned applicable, unsigned total)
{
  cr_assert_eq(t->met, met, "met %u, expected %u", t->met, met);
  cr_assert_eq(t->applicable, applicable, "applicable %u, expected %u", t->applicable, applicable);
  cr_assert_eq(t->total, total, "total %u, expected %u", t->total, total);
}

Test(coverage, all_unanswered)
{
  cov_compute(qn, a, &c);
  check_tally(&c.all[QN_BASELINE], 0, 5, 5);
  check_tally(&c.all[QN_RECOMMENDED], 0, 3, 3);
  cr_assert_eq(c.all[QN_BASELINE].status[ANS_NONE], 5);
  /* Nothing answered is not a failure: the verdict waits. */
  cr_assert_eq(c.verdict, COV_VERDICT_INCOMPLETE);
  cr_assert_eq(c.baseline_unanswered, 5);
  cr_assert_str_eq(cov_verdict_key(c.verdict), "incomplete");
  cr_assert_eq(cov_percent(&c.all[QN_BASELINE]), 0.0);
}

Test(coverage, all_met)
{
  for (size_t i = 0; i < qn->nquestions; i++)
    ans_set_status(a, i, ANS_IMPLEMENTED);
  cov_compute(qn, a, &c);
  check_tally(&c.all[QN_BASELINE], 5, 5, 5);
  check_tally(&c.all[QN_RECOMMENDED], 3, 3, 3);
  cr_assert_eq(c.verdict, COV_VERDICT_MET);
  char buf[64];
  cov_format(&c.all[QN_BASELINE], buf, sizeof buf);
  cr_assert_str_eq(buf, "100.0% (5/5)");
}

Test(coverage, not_applicable_and_alternative_with_and_without_reason)
{
  ans_set_status(a, 0, ANS_NOT_APPLICABLE);
  ans_set_note(a, 0, "no such system");
  ans_set_status(a, 2, ANS_NOT_APPLICABLE);      /* no reason: not met */
  ans_set_status(a, 3, ANS_ALTERNATIVE);
  ans_set_note(a, 3, "the contractor backs up");
  ans_set_status(a, 4, ANS_ALTERNATIVE);
  ans_set_note(a, 4, "  \n ");                   /* blank: no reason */
  ans_set_status(a, 6, ANS_IMPLEMENTED);
  cov_compute(qn, a, &c);
  /* Baseline: 1.1-a excluded; met 1.2-b and 1.3-a; applicable 4. */
  check_tally(&c.all[QN_BASELINE], 2, 4, 5);
  cr_assert_eq(c.all[QN_BASELINE].no_reason, 2);
  cr_assert_eq(c.all[QN_BASELINE].status[ANS_NOT_APPLICABLE], 2);
  char buf[64];
  cov_format(&c.all[QN_BASELINE], buf, sizeof buf);
  cr_assert_str_eq(buf, "50.0% (2/4)");
  cr_assert_eq(cov_result(&a->e[0]), COV_EXCLUDED);
  cr_assert_eq(cov_result(&a->e[2]), COV_NOT_MET);
  cr_assert_eq(cov_result(&a->e[3]), COV_MET);
  cr_assert_eq(cov_result(&a->e[4]), COV_NOT_MET);
}

Test(coverage, partial_unknown_and_not_implemented_count_separately)
{
  ans_set_status(a, 0, ANS_PARTIAL);
  ans_set_status(a, 2, ANS_UNKNOWN);
  ans_set_status(a, 3, ANS_NOT_IMPLEMENTED);
  ans_set_status(a, 4, ANS_IMPLEMENTED);
  cov_compute(qn, a, &c);
  const cov_tally *t = &c.all[QN_BASELINE];
  check_tally(t, 1, 5, 5);
  cr_assert_eq(t->status[ANS_PARTIAL], 1);
  cr_assert_eq(t->status[ANS_UNKNOWN], 1);
  cr_assert_eq(t->status[ANS_NOT_IMPLEMENTED], 1);
  cr_assert_eq(t->status[ANS_NONE], 1);
}

Test(coverage, by_phase_and_section)
{
  ans_set_status(a, 0, ANS_IMPLEMENTED);   /* plan, 1.1 */
  ans_set_status(a, 3, ANS_IMPLEMENTED);   /* do, 1.2 */
  ans_set_status(a, 5, ANS_IMPLEMENTED);   /* act, 1.2, recommended */
  cov_compute(qn, a, &c);
  check_tally(&c.phase[QN_PLAN][QN_BASELINE], 1, 2, 2);
  check_tally(&c.phase[QN_DO][QN_BASELINE], 1, 2, 2);
  check_tally(&c.phase[QN_CHECK][QN_BASELINE], 0, 1, 1);
  check_tally(&c.phase[QN_ACT][QN_BASELINE], 0, 0, 0);
  check_tally(&c.phase[QN_ACT][QN_RECOMMENDED], 1, 2, 2);
  check_tally(&c.section[0][QN_BASELINE], 1, 1, 1);
  check_tally(&c.section[1][QN_BASELINE], 1, 3, 3);
  check_tally(&c.section[2][QN_BASELINE], 0, 1, 1);
  check_tally(&c.section[1][QN_RECOMMENDED], 1, 1, 1);
}

Test(coverage, empty_scope_has_no_percentage)
{
  cov_compute(qn, a, &c);
  /* No baseline question is in the Act phase. */
  const cov_tally *t = &c.phase[QN_ACT][QN_BASELINE];
  cr_assert_eq(cov_percent(t), -1.0);
  char buf[64];
  cov_format(t, buf, sizeof buf);
  cr_assert_str_eq(buf, "n/a (0/0)");
}

Test(coverage, one_unanswered_baseline_question_holds_the_verdict)
{
  for (size_t i = 0; i < qn->nquestions; i++)
    ans_set_status(a, i, ANS_NOT_IMPLEMENTED);
  cov_compute(qn, a, &c);
  cr_assert_eq(c.verdict, COV_VERDICT_NOT_MET);
  cov_free(&c);
  for (size_t i = 0; i < qn->nquestions; i++)
    if (qn->questions[i].level == QN_BASELINE)
      {
        ans_set_status(a, i, ANS_NONE);
        break;
      }
  cov_compute(qn, a, &c);
  cr_assert_eq(c.verdict, COV_VERDICT_INCOMPLETE);
  cr_assert_eq(c.baseline_unanswered, 1);
}

Test(coverage, everything_not_applicable_is_met)
{
  for (size_t i = 0; i < qn->nquestions; i++)
    {
      ans_set_status(a, i, ANS_NOT_APPLICABLE);
      ans_set_note(a, i, "out of scope");
    }
  cov_compute(qn, a, &c);
  check_tally(&c.all[QN_BASELINE], 0, 0, 5);
  cr_assert_eq(c.verdict, COV_VERDICT_MET, "nothing applicable is nothing unmet");
}

Test(coverage, items_add_up_to_phases_sections_and_the_whole)
{
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  ans_set_status(a, 3, ANS_ALTERNATIVE);         /* no reason: not met */
  ans_set_status(a, 5, ANS_PARTIAL);
  cov_compute(qn, a, &c);
  /* Do, 1.2: 1.2-b only; Act, 1.2: 1.2-d, recommended. */
  const cov_tally *t = cov_item(&c, QN_DO, 1);
  check_tally(&t[QN_BASELINE], 0, 1, 1);
  cr_assert_eq(t[QN_BASELINE].no_reason, 1);
  cr_assert_eq(cov_item(&c, QN_ACT, 1)[QN_RECOMMENDED].status[ANS_PARTIAL], 1);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      cov_tally sum = { 0 };
      for (int p = 0; p < QN_PHASE_COUNT; p++)
        for (size_t s = 0; s < qn->nsections; s++)
          cov_tally_add(&sum, &cov_item(&c, (enum qn_phase) p, s)[l]);
      cr_assert_eq(memcmp(&sum, &c.all[l], sizeof sum), 0, "level %d does not add up", l);
    }
  cr_assert_eq(cov_answered(c.all), 3);
  cr_assert_eq(cov_total(c.all), 8);
}

Test(coverage, unmet_baseline_questions_in_walk_order)
{
  ans_set_status(a, 0, ANS_IMPLEMENTED);
  cov_compute(qn, a, &c);
  /* Plan 1.2-a, Do 1.2-b and 1.3-a, Check 1.2-c. */
  size_t want[] = { 2, 3, 6, 4 };
  cr_assert_eq(c.nunmet, 4);
  for (size_t k = 0; k < 4; k++)
    cr_assert_eq(c.unmet[k], want[k], "unmet %zu is question %zu, expected %zu", k, c.unmet[k], want[k]);
  cr_assert_eq(c.nunmet, c.all[QN_BASELINE].applicable - c.all[QN_BASELINE].met);
}

Test(coverage, a_column_of_figures_reads_down)
{
  char buf[64];
  cov_tally t = { .met = 1, .applicable = 20 };
  cov_format_col(&t, 7, buf, sizeof buf);
  cr_assert_str_eq(buf, "  5.0% (1/20)");
  t = (cov_tally){ .met = 3, .applicable = 3 };
  cov_format_col(&t, 7, buf, sizeof buf);
  cr_assert_str_eq(buf, "100.0% (3/3)");
  t = (cov_tally){ 0 };
  cov_format_col(&t, 7, buf, sizeof buf);
  cr_assert_str_eq(buf, "   n/a (0/0)");
}

Test(coverage, the_vocabularies_list_what_files_may_say)
{
  char buf[256];
  cr_assert_str_eq(vocab_list(&qn_phase_vocab, buf, sizeof buf), "plan, do, check, act");
  cr_assert_str_eq(vocab_list(&qn_basis_vocab, buf, sizeof buf), "survey, source, editorial");
  cr_assert_eq(vocab_parse(&qn_basis_vocab, ""), -1, "the empty 'none' key is not a value");
  cr_assert_eq(vocab_parse(&ans_status_vocab, "unanswered"), -1, "files never say unanswered");
  cr_assert_eq(vocab_parse(&ans_status_vocab, "not_applicable"), ANS_NOT_APPLICABLE);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    cr_assert_eq(ans_status_of_digit(ans_statuses[i].digit), i);
}

/* ---- tenths and the aggregate ------------------------------------------ */

Test(coverage, tenths_round_half_up_exactly)
{
  cov_tally t = { 0 };
  char buf[COV_PERCENT_SIZE];
  struct { unsigned met, app; int tenths; const char *text; } cases[] = {
    { 0, 1, 0, "0.0" }, { 1, 1, 1000, "100.0" }, { 2, 5, 400, "40.0" },
    { 1, 3, 333, "33.3" }, { 2, 3, 667, "66.7" },
    /* 6.25% and 1.25% are exact ties in binary, which printf's %.1f
     * rounds to even (6.2); the figures round half up, everywhere alike. */
    { 1, 16, 63, "6.3" }, { 1, 80, 13, "1.3" }, { 999, 1000, 999, "99.9" },
    { 9999, 10000, 1000, "100.0" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      t.met = cases[i].met, t.applicable = cases[i].app;
      cr_expect_eq(cov_tenths(&t), cases[i].tenths, "%u/%u: %d", t.met, t.applicable, cov_tenths(&t));
      cr_expect_str_eq(cov_percent_text(&t, buf), cases[i].text);
    }
  t.met = t.applicable = 0;
  cr_expect_eq(cov_tenths(&t), -1);
  cr_expect_null(cov_percent_text(&t, buf));
}

Test(coverage, quantiles_by_nearest_rank)
{
  static agg_dist d;
  memset(&d, 0, sizeof d);
  cr_expect_eq(agg_quantile(&d, 1, 2), -1, "an empty distribution has no median");
  int v[] = { 0, 400, 600, 1000 };
  for (int i = 0; i < 4; i++)
    d.bin[v[i]]++, d.n++;
  cr_expect_eq(agg_quantile(&d, 0, 1), 0);
  cr_expect_eq(agg_quantile(&d, 1, 4), 0);
  cr_expect_eq(agg_quantile(&d, 1, 2), 400);
  cr_expect_eq(agg_quantile(&d, 3, 4), 600);
  cr_expect_eq(agg_quantile(&d, 1, 1), 1000);
  d.bin[333]++, d.n++;   /* 0, 33.3, 40, 60, 100 */
  cr_expect_eq(agg_quantile(&d, 1, 4), 333);
  cr_expect_eq(agg_quantile(&d, 1, 2), 400);
  cr_expect_eq(agg_quantile(&d, 3, 4), 600);
}

Test(coverage, an_aggregate_is_the_sum_of_its_files_in_any_split)
{
  /* Three assessments summed into one aggregate, and the same split in
   * two and merged, are the same; the question tallies add up to the
   * pooled figures. */
  aggregate one, part[2];
  agg_init(&one, qn);
  agg_init(&part[0], qn);
  agg_init(&part[1], qn);
  enum ans_status pattern[3][8] = {
    { ANS_IMPLEMENTED, ANS_IMPLEMENTED, ANS_IMPLEMENTED, ANS_IMPLEMENTED, ANS_IMPLEMENTED,
      ANS_NONE, ANS_IMPLEMENTED, ANS_NONE },
    { ANS_NOT_IMPLEMENTED, ANS_PARTIAL, ANS_UNKNOWN, ANS_NONE, ANS_IMPLEMENTED, ANS_NONE,
      ANS_NOT_APPLICABLE, ANS_IMPLEMENTED },
    { ANS_NONE },
  };
  for (int k = 0; k < 3; k++)
    {
      assessment *x = ans_new(qn);
      for (size_t i = 0; i < 8; i++)
        ans_set_status(x, i, pattern[k][i]);
      if (k == 0)
        ans_set_profile(x, ANS_SECTOR, "gas");
      coverage cc;
      cov_compute(qn, x, &cc);
      agg_add(&one, x, &cc);
      agg_add(&part[k == 2], x, &cc);
      cov_free(&cc);
      ans_free(x);
    }
  agg_merge(&part[0], &part[1]);
  cr_expect_eq(one.files, 3);
  cr_expect_eq(part[0].files, 3);
  cr_expect_eq(one.sector[1][AGG_MET], 1, "the gas file meets the baseline");
  unsigned nosector = 0;
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    nosector += one.sector[qn->nsectors][v];
  cr_expect_eq(nosector, 2, "two files name no sector");
  /* The file with nothing answered is not yet decided, not failed, and
   * stays out of the distributions. */
  cr_expect_eq(one.sector[qn->nsectors][AGG_NOT_MET], 0);
  cr_expect_geq(one.verdict[AGG_UNDECIDED], 1);
  cr_expect_eq(one.overall.unfinished, one.verdict[AGG_UNDECIDED]);
  cr_expect_eq(one.overall.n + one.overall.none + one.overall.unfinished, 3);
  cr_expect_eq(memcmp(one.question, part[0].question, qn->nquestions * sizeof *one.question), 0);
  cr_expect_eq(memcmp(&one.overall, &part[0].overall, sizeof one.overall), 0);
  cov_tally sum = { 0 };
  for (size_t i = 0; i < qn->nquestions; i++)
    if (qn->questions[i].level == QN_BASELINE)
      cov_tally_add(&sum, &one.question[i]);
  cr_expect_eq(memcmp(&sum, &one.all[QN_BASELINE], sizeof sum), 0, "questions add up to the pool");
  cr_expect_eq(one.question[0].met, 1);
  cr_expect_eq(one.question[0].status[ANS_NOT_IMPLEMENTED], 1);
  cr_expect_eq(one.question[0].status[ANS_NONE], 1);
  cr_expect_eq(agg_quantile(&one.overall, 1, 1), 1000);
  /* The minimum is a decided file's, never the unanswered one's 0.0%. */
  cr_expect_gt(agg_quantile(&one.overall, 0, 1), 0);
  size_t *rank = agg_ranking(&one);
  cr_expect_eq(qn->questions[rank[0]].level, QN_BASELINE);
  cr_expect_eq(qn->questions[rank[qn->nquestions - 1]].level, QN_RECOMMENDED);
  free(rank);
  agg_free(&one);
  agg_free(&part[0]);
  agg_free(&part[1]);
}
