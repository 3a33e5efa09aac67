/* Tests of the bundled guideline questionnaire, questionnaires/nisc-2023.cfg:
 * every item of the guideline's list, both languages everywhere, every
 * phase, the nine disclosure rows of item 3.7 at the survey's levels, and
 * the fifteen sectors. */
#include <config.h>

#include <locale.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "qload.h"

static questionnaire *q;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  const char *src = getenv("KIJUN_SRCDIR");
  char *p = xasprintf("%s/questionnaires/nisc-2023.cfg", src ? src : ".");
  diag_t d = { 0 };
  int rc = qload_file(p, &d, &q);
  cr_assert_eq(rc, 0, "%s", d.n ? d.msgs[0] : "");
  free(p);
}

static void
teardown(void)
{
  qn_free(q);
}

TestSuite(bundled, .init = setup, .fini = teardown);

static const char *const items[] = {
  "2.1", "2.2", "2.3", "3.1.1", "3.1.2", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
  "4.1", "4.2", "4.3.1", "4.3.2", "4.3.3", "4.4", "4.5", "4.6", "4.7", "4.8.1", "4.8.2", "4.9", "4.10",
  "5.1.1.1", "5.1.1.2", "5.1.1.3", "5.1.2", "5.1.3.1", "5.1.3.2", "5.1.3.3", "5.1.3.4", "5.1.3.5",
  "5.1.3.6", "5.1.4", "5.1.5", "5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.3.1", "5.3.2", "5.3.3",
  "5.4.1", "5.4.2", "5.4.3", "5.4.4", "5.4.5", "5.5.1", "5.5.2",
};

Test(bundled, identity)
{
  cr_assert_str_eq(q->id, "nisc-ci-2023");
  cr_assert_str_eq(q->version, "2023-07-04");
}

Test(bundled, every_item_of_the_guideline_in_order_with_questions)
{
  size_t n = sizeof items / sizeof items[0];
  cr_assert_eq(q->nsections, n, "%zu sections, expected %zu", q->nsections, n);
  for (size_t i = 0; i < n; i++)
    {
      cr_assert_str_eq(q->sections[i].id, items[i], "section %zu", i);
      cr_assert_gt(q->sections[i].nquestions, 0, "item %s has no question", items[i]);
      cr_assert_gt(strlen(q->sections[i].title.s[LANG_JA]), 0);
      cr_assert_gt(strlen(q->sections[i].title.s[LANG_EN]), 0);
    }
  cr_assert_str_eq(q->sections[qn_find_section(q, "5.1.3.3")].title.s[LANG_JA], "バックアップ");
}

Test(bundled, every_question_in_both_languages_with_a_hint)
{
  cr_assert_geq(q->nquestions, 120);
  cr_assert_leq(q->nquestions, 200);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      for (int l = 0; l < LANG_COUNT; l++)
        {
          cr_assert(x->text.s[l] && *x->text.s[l], "%s lacks text", x->id);
          cr_assert(x->hint.s[l] && *x->hint.s[l], "%s lacks a hint", x->id);
        }
      cr_assert_neq(x->basis, QN_BASIS_NONE, "%s has no level_basis", x->id);
      cr_assert_neq(x->csf, QN_CSF_NONE, "%s has no CSF function", x->id);
    }
}

Test(bundled, every_phase_has_questions)
{
  size_t per[QN_PHASE_COUNT] = { 0 };
  for (size_t i = 0; i < q->nquestions; i++)
    per[q->questions[i].phase]++;
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    cr_assert_geq(per[p], 10, "phase %s has %zu questions", qn_phase_key((enum qn_phase) p), per[p]);
}

Test(bundled, disclosure_rows_of_item_3_7_at_the_survey_levels)
{
  long s = qn_find_section(q, "3.7");
  size_t n = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      if ((long) x->section != s)
        continue;
      cr_assert_eq(x->basis, QN_BASIS_SURVEY, "%s", x->id);
      /* The first row (disclosure through the existing system) is the
       * baseline; the other eight are recommended. */
      cr_assert_eq(x->level, n == 0 ? QN_BASELINE : QN_RECOMMENDED, "%s", x->id);
      n++;
    }
  cr_assert_eq(n, 9, "item 3.7 has %zu questions, expected the survey's nine rows", n);
  cr_assert_eq(q->questions[qn_find_question(q, "3.7-a")].level, QN_BASELINE);
  /* Only item 3.7 uses the survey's marks. */
  for (size_t i = 0; i < q->nquestions; i++)
    if ((long) q->questions[i].section != s)
      cr_assert_neq(q->questions[i].basis, QN_BASIS_SURVEY, "%s", q->questions[i].id);
}

Test(bundled, fifteen_sectors_with_unique_ids)
{
  cr_assert_eq(q->nsectors, 15);
  static const char *const ja[] = { "情報通信", "金融", "航空", "空港", "鉄道", "電力", "ガス",
                                    "政府・行政サービス", "医療", "水道", "物流", "化学", "クレジット",
                                    "石油", "港湾" };
  for (size_t i = 0; i < 15; i++)
    {
      cr_assert_str_eq(q->sectors[i].name.s[LANG_JA], ja[i]);
      cr_assert_gt(strlen(q->sectors[i].name.s[LANG_EN]), 0);
      for (size_t k = 0; k < i; k++)
        cr_assert_str_neq(q->sectors[i].id, q->sectors[k].id);
    }
}

Test(bundled, local_government_counterparts_only_where_the_table_gives_them)
{
  /* The mapping table stops after 5.1.4, and 3.7 has no counterpart. */
  cr_assert_eq(q->sections[qn_find_section(q, "3.7")].nlg, 0);
  cr_assert_eq(q->sections[qn_find_section(q, "5.5.2")].nlg, 0);
  cr_assert_gt(q->sections[qn_find_section(q, "2.1")].nlg, 0);
  cr_assert_eq(q->sections[qn_find_section(q, "2.1")].lg[0].part, QN_LG_BASIC_POLICY);
  cr_assert_gt(q->sections[qn_find_section(q, "5.1.4")].nlg, 0);
}
