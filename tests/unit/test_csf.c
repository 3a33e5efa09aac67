/* Tests of the CSF 2.0 table and references (model/csf.c), of how a
 * question counts by CSF (cov_csf_add in coverage.c), and of version 5
 * UUIDs (base/uuid.c) against Python's uuid.uuid5. */
#include <config.h>

#include <string.h>

#include <criterion/criterion.h>

#include "base/uuid.h"
#include "model/coverage.h"
#include "model/csf.h"

Test(csf, the_22_categories_under_their_functions)
{
  cr_assert_eq(CSF_CATEGORY_COUNT, 22);
  cr_assert_eq(CSF_FUNCTION_COUNT, 6);
  const char *want = "GV.OC GV.RM GV.RR GV.PO GV.OV GV.SC ID.AM ID.RA ID.IM PR.AA PR.AT PR.DS PR.PS "
                     "PR.IR DE.CM DE.AE RS.MA RS.AN RS.CO RS.MI RC.RP RC.CO";
  char got[256] = "";
  for (int c = 0; c < CSF_CATEGORY_COUNT; c++)
    {
      strcat(got, c ? " " : "");
      strcat(got, csf_category_key((enum csf_category) c));
      /* A category's function is its first two letters. */
      cr_assert_eq(strncmp(csf_category_key((enum csf_category) c),
                           csf_function_key(csf_category_function((enum csf_category) c)), 2), 0);
      cr_assert(*csf_category_name((enum csf_category) c, LANG_JA));
      cr_assert(*csf_category_name((enum csf_category) c, LANG_EN));
    }
  cr_assert_str_eq(got, want);
}

Test(csf, references_parse_and_print_back)
{
  const char *good[] = { "GV", "RC", "GV.OC", "RC.CO", "PR.DS-11", "ID.AM-01", "DE.CM-99" };
  for (size_t i = 0; i < sizeof good / sizeof *good; i++)
    {
      csf_ref r;
      char buf[CSF_REF_SIZE];
      cr_assert_eq(csf_ref_parse(good[i], &r), CSF_OK, "%s", good[i]);
      cr_assert_str_eq(csf_ref_text(&r, buf), good[i]);
    }
  struct { const char *s; enum csf_parse_error e; } bad[] = {
    { "", CSF_BAD_FORM }, { "gv", CSF_BAD_FORM }, { "GV.", CSF_BAD_FORM }, { "GV.O", CSF_BAD_FORM },
    { "GV.OC-1", CSF_BAD_FORM }, { "GV.OC-00", CSF_BAD_FORM }, { "GV.OC-001", CSF_BAD_FORM },
    { "GV-OC", CSF_BAD_FORM }, { "GV.OC.01", CSF_BAD_FORM }, { "XX", CSF_BAD_FUNCTION },
    { "ID.BE", CSF_BAD_CATEGORY }, { "GV.AM", CSF_BAD_CATEGORY }, { "XX.AM", CSF_BAD_FUNCTION },
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    {
      csf_ref r;
      cr_assert_eq(csf_ref_parse(bad[i].s, &r), bad[i].e, "\"%s\"", bad[i].s);
    }
}

Test(csf, labels_for_people)
{
  csf_ref r;
  char buf[160];
  csf_ref_parse("GV.PO", &r);
  csf_ref_label(&r, LANG_EN, buf, sizeof buf);
  cr_assert_str_eq(buf, "Govern: Policy (GV.PO)");
  csf_ref_parse("PR.DS-11", &r);
  csf_ref_label(&r, LANG_JA, buf, sizeof buf);
  cr_assert_str_eq(buf, "防御：データの保護（PR.DS-11）");
  csf_ref_parse("RS", &r);
  csf_ref_label(&r, LANG_EN, buf, sizeof buf);
  cr_assert_str_eq(buf, "Respond (RS)");
}

/* A question counts once in each function and each category it names,
 * however many subcategories of one category it names. */
Test(csf, a_question_counts_once_per_function_and_category)
{
  csf_ref refs[4];
  csf_ref_parse("PR.DS-01", &refs[0]);
  csf_ref_parse("PR.DS-11", &refs[1]);
  csf_ref_parse("PR.PS", &refs[2]);
  csf_ref_parse("RC", &refs[3]);
  qn_question x = { 0 };
  x.level = QN_BASELINE;
  x.csf = refs;
  x.ncsf = 4;
  ans_entry e = { 0 };
  e.status = ANS_IMPLEMENTED;
  cov_tally fn[CSF_FUNCTION_COUNT][QN_LEVEL_COUNT] = { 0 }, cat[CSF_CATEGORY_COUNT][QN_LEVEL_COUNT] = { 0 };
  cov_csf_add(&x, &e, cov_result(&e), fn, cat);
  cr_assert_eq(fn[CSF_PR][QN_BASELINE].total, 1);
  cr_assert_eq(fn[CSF_PR][QN_BASELINE].met, 1);
  cr_assert_eq(fn[CSF_RC][QN_BASELINE].total, 1);
  cr_assert_eq(fn[CSF_GV][QN_BASELINE].total, 0);
  cr_assert_eq(cat[CSF_PR_DS][QN_BASELINE].total, 1);
  cr_assert_eq(cat[CSF_PR_PS][QN_BASELINE].total, 1);
  cr_assert_eq(cat[CSF_RC_RP][QN_BASELINE].total, 0, "a function alone names no category");
  cr_assert_eq(fn[CSF_PR][QN_RECOMMENDED].total, 0);
}

Test(uuid, version_5_as_python_computes_it)
{
  char buf[UUID_TEXT_SIZE];
  uuid_bytes u = uuid_v5(&uuid_ns_url, "https://example.com/");
  cr_assert_str_eq(uuid_text(&u, buf), "dd2c1780-811a-5296-81c5-178a0ef488bc");
  u = uuid_v5(&uuid_ns_url, "");
  cr_assert_str_eq(uuid_text(&u, buf), "1b4db7eb-4057-5ddf-91e0-36dec72071f5");
  u = uuid_v5(&uuid_ns_url, "urn:kijun:oscal");
  cr_assert_str_eq(uuid_text(&u, buf), "b3e329fd-8d2f-546c-a7e4-ef8324daa9cb");
}
