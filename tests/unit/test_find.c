/* Tests of model/find, the search and go-to that the screens and the line
 * mode share: a search matches ids, the question's text in the language
 * shown, notes and evidence, folded; it wraps around in both directions
 * and says which match of how many; go-to takes a question or an item. */
#include <config.h>

#include <locale.h>

#include <criterion/criterion.h>

#include "helpers.h"
#include "base/i18n.h"
#include "io/qload.h"
#include "model/find.h"

static questionnaire *qn;
static assessment *a;

static void
setup(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  char *p = data_path("scope.cfg");
  diag_t d = { 0 };
  cr_assert_eq(qload_file(p, &d, &qn), 0);
  free(p);
  a = ans_new(qn);
}

static void
teardown(void)
{
  ans_free(a);
  qn_free(qn);
}

TestSuite(find, .init = setup, .fini = teardown);

static const char *
id_at(size_t pos)
{
  return qn->questions[qn->order[pos]].id;
}

Test(find, text_in_the_language_shown_and_folded)
{
  find_hit h;
  cr_assert(find_text(qn, a, LANG_EN, "CONTROL", 0, 1, &h));
  cr_assert_str_eq(id_at(h.pos), "2-a");
  cr_assert_eq(h.count, 2, "2-a and 2-d speak of control systems");
  cr_assert_eq(h.rank, 1);
  cr_assert_not(find_text(qn, a, LANG_EN, "制御", 0, 1, &h), "English text searched in English");
  cr_assert(find_text(qn, a, LANG_JA, "制御", 0, 1, &h));
  cr_assert(find_text(qn, a, LANG_EN, "ｃｏｎｔｒｏｌ", 0, 1, &h), "full-width letters fold to ASCII");
}

Test(find, wraps_both_ways_and_says_so)
{
  find_hit h;
  size_t last = qn->rank[qn_find_question(qn, "2-d")];
  cr_assert(find_text(qn, a, LANG_EN, "control", last + 1, 1, &h));
  cr_assert_str_eq(id_at(h.pos), "2-a");
  cr_assert(h.wrapped);
  cr_assert(find_text(qn, a, LANG_EN, "control", last - 1, -1, &h));
  cr_assert_str_eq(id_at(h.pos), "2-a");
  cr_assert_not(h.wrapped);
  cr_assert_eq(h.rank, 1);
  cr_assert(find_text(qn, a, LANG_EN, "control", 0, -1, &h));
  cr_assert_str_eq(id_at(h.pos), "2-d");
  cr_assert(h.wrapped, "backwards from the first question wraps to the end");
  cr_assert_eq(h.rank, 2);
}

Test(find, notes_and_evidence_match)
{
  find_hit h;
  cr_assert_not(find_text(qn, a, LANG_EN, "ledger-17", 0, 1, &h));
  size_t qi = (size_t) qn_find_question(qn, "2-c");
  ans_set_evidence(a, qi, "Ledger-17");
  cr_assert(find_text(qn, a, LANG_EN, "ledger-17", 0, 1, &h));
  cr_assert_str_eq(id_at(h.pos), "2-c");
  cr_assert_eq(h.count, 1);
}

Test(find, empty_query_finds_nothing)
{
  find_hit h;
  cr_assert_not(find_text(qn, a, LANG_EN, "", 0, 1, &h));
  cr_assert_not(find_text(qn, a, LANG_EN, NULL, 0, 1, &h));
}

Test(find, go_to_a_question_or_an_item)
{
  size_t p;
  cr_assert(find_id(qn, " 2-b\t", &p), "spaces and tabs around the id are not part of it");
  cr_assert_str_eq(id_at(p), "2-b");
  cr_assert(find_id(qn, "２", &p), "a full-width item number");
  cr_assert_str_eq(id_at(p), "2-a", "an item opens at its first question");
  cr_assert_not(find_id(qn, "9-z", &p));
}
