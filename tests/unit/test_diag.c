/* Tests of diag: messages up to DIAG_MAX, then a count only; diag_skip
 * lets a caller whose message is costly to make count it without making
 * it, and says when it may not. */
#include <config.h>

#include <criterion/criterion.h>

#include "base/diag.h"

Test(diag, keeps_messages_then_counts)
{
  diag_t d = { 0 };
  for (int i = 0; i < DIAG_MAX + 5; i++)
    diag_add(&d, "f.cfg", i + 1, "problem %d", i);
  cr_expect_eq(d.n, (size_t) DIAG_MAX);
  cr_expect_eq(diag_count(&d), (size_t) DIAG_MAX + 5);
  cr_expect_str_eq(d.msgs[0], "f.cfg:1: problem 0");
  diag_clear(&d);
}

Test(diag, skip_only_when_full)
{
  diag_t d = { 0 };
  cr_expect_not(diag_skip(&d), "an empty diag keeps the next message");
  cr_expect_eq(diag_count(&d), 0, "a refused skip counts nothing");
  for (int i = 0; i < DIAG_MAX; i++)
    diag_add(&d, NULL, 0, "problem %d", i);
  cr_expect(diag_skip(&d), "a full diag lets the message be skipped");
  cr_expect(diag_skip(&d));
  cr_expect_eq(diag_count(&d), (size_t) DIAG_MAX + 2, "each skipped problem is counted");
  diag_clear(&d);
  cr_expect(diag_skip(NULL), "no diag: nothing to make");
}
