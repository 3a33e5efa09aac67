/* Tests of the line editor's logic: movement and deletion by character
 * in Japanese text, and the visible window of a long text. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "lineedit.h"
#include "text.h"

static void
utf8(void)
{
  setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(lineedit, .init = utf8);

static void
expect_text(const lineedit *e, const char *want)
{
  char *t = le_text(e);
  cr_assert_str_eq(t, want);
  free(t);
}

Test(lineedit, backspace_and_delete_remove_whole_characters)
{
  lineedit e;
  le_init(&e, "日本語テキスト", 0);
  le_backspace(&e);
  expect_text(&e, "日本語テキス");
  le_home(&e);
  le_delete(&e);
  expect_text(&e, "本語テキス");
  le_right(&e);
  le_insert(&e, 0x3001); /* 、 */
  expect_text(&e, "本、語テキス");
  le_kill_end(&e);
  expect_text(&e, "本、");
  le_left(&e);
  le_kill_start(&e);
  expect_text(&e, "、");
  cr_assert_eq(e.cur, 0);
  le_free(&e);
}

Test(lineedit, control_characters_are_refused_and_newlines_become_spaces)
{
  lineedit e;
  le_init(&e, "a\nb", 0);
  expect_text(&e, "a b");
  cr_assert_not(le_insert(&e, 0x1B));
  cr_assert_not(le_insert(&e, 0x9B));
  cr_assert(le_insert(&e, 'c'));
  expect_text(&e, "a bc");
  le_free(&e);
}

Test(lineedit, maximum_length_is_kept)
{
  lineedit e;
  le_init(&e, "", 3);
  cr_assert(le_insert(&e, 'a'));
  cr_assert(le_insert(&e, 'b'));
  cr_assert(le_insert(&e, 'c'));
  cr_assert_not(le_insert(&e, 'd'));
  le_free(&e);
}

Test(lineedit, long_text_scrolls_to_keep_the_cursor_visible)
{
  lineedit e;
  le_init(&e, "あいうえおかきくけこさしすせそ", 0); /* 15 wide characters */
  size_t from, to;
  int col;
  le_view(&e, 10, &from, &to, &col);
  /* Cursor at the end: the last four characters and the cursor cell. */
  cr_assert_eq(to, 15);
  cr_assert_eq(from, 11);
  cr_assert_eq(col, 8);
  char *vis = le_slice(&e, from, to);
  cr_assert_leq(txt_width(vis) + 1, 10);
  free(vis);
  le_home(&e);
  le_view(&e, 10, &from, &to, &col);
  cr_assert_eq(from, 0);
  cr_assert_eq(col, 0);
  cr_assert_eq(to, 4, "four wide characters fit before the edge");
  le_free(&e);
}
