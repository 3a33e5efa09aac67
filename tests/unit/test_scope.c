/* Tests of scope questions (kijun-questionnaire(5), "Scope"): the loader
 * reads the scope list and each question's applies; a question out of
 * scope leaves every figure and the questions to visit, its answer kept;
 * answering the scope question again brings it back; the answers file
 * keeps scope answers, those the questionnaire does not ask too; the
 * digest of a questionnaire without scope questions is the one it had;
 * the aggregate counts the scope answers and the files a question was
 * out of scope in, and the comparison lists the scope changes. */
#include <config.h>

#include <locale.h>
#include <sysexits.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "base/i18n.h"
#include "io/qload.h"
#include "io/store.h"
#include "model/agg.h"
#include "model/compare.h"
#include "model/coverage.h"

static char *dir;
static questionnaire *qn;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  i18n_set_lang(LANG_EN);
  dir = scratch_dir();
  char *p = data_path("scope.cfg");
  diag_t d = { 0 };
  cr_assert_eq(qload_file(p, &d, &qn), 0);
  free(p);
}

static void
teardown(void)
{
  qn_free(qn);
}

TestSuite(scope, .init = setup, .fini = teardown);

static size_t
qi(const char *id)
{
  long i = qn_find_question(qn, id);
  cr_assert(i >= 0, "no question %s", id);
  return (size_t) i;
}

Test(scope, loader_reads_the_scope_list_and_applies)
{
  cr_assert_eq(qn->nscopes, 3);
  cr_assert_str_eq(qn->scopes[0].id, "ot");
  cr_assert_str_eq(qn->scopes[0].absent.s[LANG_EN], "no control systems");
  cr_assert_str_eq(qn->scopes[0].absent.s[LANG_JA], "制御システムなし");
  cr_assert_eq(qn->questions[qi("1-a")].napplies, 0);
  cr_assert_eq(qn->questions[qi("2-a")].napplies, 1);
  cr_assert_eq(qn->questions[qi("2-a")].applies[0], 0);
  const qn_question *x = &qn->questions[qi("2-c")];
  cr_assert_eq(x->napplies, 2);
  cr_assert_eq(x->applies[0], 1);
  cr_assert_eq(x->applies[1], 2);
}

Test(scope, out_of_scope_leaves_the_figures_and_comes_back)
{
  assessment *a = ans_new(qn);
  ans_set_status(a, qi("1-a"), ANS_IMPLEMENTED);
  ans_set_status(a, qi("2-a"), ANS_NOT_IMPLEMENTED);
  ans_set_note(a, qi("2-a"), "未着手");
  ans_set_status(a, qi("2-b"), ANS_IMPLEMENTED);
  coverage c;
  cov_compute(qn, a, &c);
  cr_assert_eq(c.all[QN_BASELINE].total, 4);
  cr_assert_eq(c.all[QN_BASELINE].met, 2);
  cr_assert_eq(c.nout, 0);
  cr_assert_eq(c.verdict, COV_VERDICT_INCOMPLETE);
  cov_free(&c);

  /* No control systems: 2-a and 2-d leave the baseline, which is met. */
  ans_set_scope(a, "ot", ANS_SCOPE_NO);
  cr_assert(!ans_in_scope(a, qi("2-a")));
  cr_assert(ans_in_scope(a, qi("2-b")));
  cov_compute(qn, a, &c);
  cr_assert_eq(c.all[QN_BASELINE].total, 2);
  cr_assert_eq(c.all[QN_BASELINE].met, 2);
  cr_assert_eq(c.all[QN_BASELINE].applicable, 2);
  cr_assert_eq(c.all[QN_BASELINE].status[ANS_NOT_IMPLEMENTED], 0);
  cr_assert_eq(c.all[QN_BASELINE].out_of_scope, 2);
  cr_assert_eq(c.phase[QN_CHECK][QN_BASELINE].out_of_scope, 1);
  cr_assert_eq(c.nout, 2);
  cr_assert_eq(c.nunmet, 0);
  cr_assert_eq(c.verdict, COV_VERDICT_MET);
  /* The note typed on it is still listed. */
  cr_assert_eq(c.nnoted, 1);
  cov_free(&c);
  cr_assert(!ans_open(a, qi("2-d"), true), "Tab does not visit a question out of scope");
  char *why = ans_scope_reason(a, qi("2-a"), LANG_EN);
  cr_assert_str_eq(why, "not in scope: no control systems");
  free(why);
  cr_assert_null(ans_scope_reason(a, qi("2-b"), LANG_EN));

  /* Answered again: the answer, kept, counts again. */
  ans_set_scope(a, "ot", ANS_SCOPE_YES);
  cr_assert_eq(a->e[qi("2-a")].status, ANS_NOT_IMPLEMENTED);
  cr_assert_str_eq(a->e[qi("2-a")].note, "未着手");
  cov_compute(qn, a, &c);
  cr_assert_eq(c.nout, 0);
  cr_assert_eq(c.all[QN_BASELINE].status[ANS_NOT_IMPLEMENTED], 1);
  cov_free(&c);
  ans_free(a);
}

Test(scope, a_question_under_two_scopes_leaves_only_when_both_are_no)
{
  assessment *a = ans_new(qn);
  size_t c2 = qi("2-c");
  ans_set_scope(a, "internet", ANS_SCOPE_NO);
  cr_assert(ans_in_scope(a, c2), "telework unanswered keeps it in scope");
  ans_set_scope(a, "telework", ANS_SCOPE_NO);
  cr_assert(!ans_in_scope(a, c2));
  char *why = ans_scope_reason(a, c2, LANG_EN);
  cr_assert_str_eq(why, "not in scope: no internet-facing services, no telework or remote access");
  free(why);
  ans_set_scope(a, "telework", ANS_SCOPE_UNSET);
  cr_assert(ans_in_scope(a, c2));
  ans_free(a);
}

Test(scope, answers_file_keeps_scope_answers_known_or_not)
{
  char *path = write_file(dir, "a.cfg",
                          "kijun_answers = 1;\n"
                          "questionnaire = { id = \"scope-test\"; version = \"1\"; };\n"
                          "profile = { organization = \"X\"; scope = { ot = \"no\"; cloud = \"yes\"; }; };\n"
                          "answers = ( { question = \"2-a\"; status = \"implemented\"; } );\n");
  diag_t d = { 0 };
  store_doc *doc;
  cr_assert_eq(store_read(path, &d, &doc), 0);
  assessment *a;
  cr_assert_eq(store_bind(doc, qn, &d, &a, NULL), 0);
  cr_assert_eq(store_doc_warnings(doc)->n, 1, "a word on the scope question it does not ask");
  store_doc_free(doc);
  cr_assert_eq(ans_scope_of(a, 0), ANS_SCOPE_NO);
  cr_assert_eq(ans_scope_of(a, 1), ANS_SCOPE_UNSET);
  cr_assert_eq(a->nscope, 4);
  cr_assert_str_eq(a->scope[3].id, "cloud");
  cr_assert(!ans_in_scope(a, qi("2-a")));
  char *out = xasprintf("%s/b.cfg", dir);
  cr_assert_eq(store_save(out, a, NULL, NULL), 0);
  char *text = read_file(out);
  cr_assert(strstr(text, "scope = { ot = \"no\"; cloud = \"yes\"; };"), "%s", text);
  cr_assert(strstr(text, "question = \"2-a\"; status = \"implemented\""), "the answer out of scope is kept");
  free(text);
  ans_free(a);
  diag_clear(&d);
  free(out);
  free(path);
}

Test(scope, a_bad_scope_answer_is_refused_with_its_line)
{
  char *path = write_file(dir, "bad.cfg",
                          "kijun_answers = 1;\n"
                          "questionnaire = { id = \"scope-test\"; version = \"1\"; };\n"
                          "profile = { scope = {\n ot = \"maybe\"; }; };\n");
  diag_t d = { 0 };
  store_doc *doc;
  cr_assert_eq(store_read(path, &d, &doc), 0);
  assessment *a;
  cr_assert_eq(store_bind(doc, qn, &d, &a, NULL), EX_DATAERR);
  store_doc_free(doc);
  char *buf;
  size_t len;
  FILE *m = open_memstream(&buf, &len);
  diag_print(&d, m);
  fclose(m);
  cr_assert(strstr(buf, "bad.cfg:4: 'ot' in 'scope' of 'profile' is \"maybe\"; expected one of: yes, no"), "%s", buf);
  free(buf);
  diag_clear(&d);
  free(path);
}

Test(scope, a_questionnaire_without_scope_keeps_its_digest)
{
  char *p = data_path("mini.cfg");
  diag_t d = { 0 };
  questionnaire *m;
  cr_assert_eq(qload_file(p, &d, &m), 0);
  /* The digest tests/data/mini-answers.cfg was saved with. */
  cr_assert_str_eq(qn_digest(m), "sha256:8bb17b3851a76a7906d86c8a166e86576207914ad44e114c97ebfebd77c3071b");
  qn_free(m);
  free(p);
  /* And a condition is part of what is answered to. */
  char before[80];
  snprintf(before, sizeof before, "%s", qn_digest(qn));
  qn->questions[qi("2-b")].applies[0] = 2;
  qn->digest_[0] = '\0';
  cr_assert_str_neq(qn_digest(qn), before);
}

/* The aggregate counts each scope answer and, per question, the files
 * it was out of scope in; two aggregates merged count as one. */
Test(scope, the_aggregate_counts_scope_answers_and_questions_out_of_scope)
{
  aggregate g, part[2];
  agg_init(&g, qn);
  agg_init(&part[0], qn);
  agg_init(&part[1], qn);
  static const enum ans_scope ot[3] = { ANS_SCOPE_NO, ANS_SCOPE_YES, ANS_SCOPE_NO };
  for (int k = 0; k < 3; k++)
    {
      assessment *a = ans_new(qn);
      ans_set_scope(a, "ot", ot[k]);
      coverage c;
      cov_compute(qn, a, &c);
      agg_add(&g, a, &c);
      agg_add(&part[k > 0], a, &c);
      cov_free(&c);
      ans_free(a);
    }
  agg_merge(&part[0], &part[1]);
  for (aggregate *x = &g; x; x = x == &g ? &part[0] : NULL)
    {
      cr_assert_eq(x->scope[0][ANS_SCOPE_NO], 2);
      cr_assert_eq(x->scope[0][ANS_SCOPE_YES], 1);
      cr_assert_eq(x->scope[0][ANS_SCOPE_UNSET], 0);
      cr_assert_eq(x->scope[2][ANS_SCOPE_UNSET], 3);
      cr_assert_eq(x->question[qi("2-a")].out_of_scope, 2);
      cr_assert_eq(x->question[qi("2-a")].total, 1);
      cr_assert_eq(x->question[qi("1-a")].out_of_scope, 0);
    }
  char *why = ans_scope_reason_text(qn, qi("2-a"), LANG_EN);
  cr_assert_str_eq(why, "not in scope: no control systems");
  free(why);
  cr_assert_null(ans_scope_reason_text(qn, qi("1-a"), LANG_EN));
  agg_free(&g);
  agg_free(&part[0]);
  agg_free(&part[1]);
}

/* The comparison lists the scope questions answered differently and the
 * questions that left the figures or came back, in walk order. */
Test(scope, the_comparison_lists_scope_changes)
{
  assessment *old = ans_new(qn), *new = ans_new(qn);
  ans_set_scope(old, "ot", ANS_SCOPE_YES);
  ans_set_scope(new, "ot", ANS_SCOPE_NO);
  ans_set_scope(old, "internet", ANS_SCOPE_NO);
  ans_set_scope(new, "internet", ANS_SCOPE_NO);
  coverage then, now;
  cov_compute(qn, old, &then);
  cov_compute(qn, new, &now);
  comparison c;
  cmp_compute(qn, old, &then, new, &now, &c);
  cr_assert_eq(c.nscope_changed, 1);
  cr_assert_eq(c.scope_changed[0], 0);
  cr_assert_eq(c.nleft, 2);
  cr_assert_str_eq(qn->questions[c.left[0]].id, "2-a");
  cr_assert_str_eq(qn->questions[c.left[1]].id, "2-d");
  cr_assert_eq(c.nentered, 0);
  cmp_free(&c);
  cmp_compute(qn, new, &now, old, &then, &c);
  cr_assert_eq(c.nleft, 0);
  cr_assert_eq(c.nentered, 2);
  cmp_free(&c);
  cov_free(&then);
  cov_free(&now);
  ans_free(old);
  ans_free(new);
}
