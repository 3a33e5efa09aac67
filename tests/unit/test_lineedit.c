/* Tests of the line editor's logic: movement and deletion by character
 * in Japanese text, the visible window of a long text, and line breaks
 * and tabs kept, shown as marks and edited like any character. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "tui/lineedit.h"
#include "base/text.h"

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
  le_init(&e, "日本語テキスト", 0, 0);
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

Test(lineedit, every_key_on_an_empty_field_keeps_it_empty)
{
  /* An empty field has no buffer: the search prompt starts like this,
   * and ^U there once applied an offset to a null pointer (UBSan). */
  lineedit e;
  le_init(&e, "", 0, LE_MULTILINE);
  le_kill_start(&e);
  le_kill_end(&e);
  le_backspace(&e);
  le_delete(&e);
  le_left(&e);
  le_right(&e);
  le_home(&e);
  le_end(&e);
  expect_text(&e, "");
  cr_assert_eq(e.cur, 0);
  cr_assert_eq(e.len, 0);
  le_free(&e);
}

Test(lineedit, control_characters_are_refused_and_a_one_line_field_has_no_line_breaks)
{
  lineedit e;
  le_init(&e, "a\nb\tc", 0, 0);
  expect_text(&e, "a b c");
  cr_assert_not(le_insert(&e, 0x1B));
  cr_assert_not(le_insert(&e, 0x9B));
  cr_assert_not(le_insert(&e, '\n'));
  cr_assert_not(le_insert(&e, '\t'));
  cr_assert_not(le_insert(&e, 0x202E), "a bidi override is refused");
  cr_assert_not(le_insert(&e, 0x2066));
  cr_assert(le_insert(&e, 'd'));
  expect_text(&e, "a b cd");
  le_free(&e);
}

Test(lineedit, a_multiline_field_keeps_line_breaks_and_tabs_unchanged)
{
  static const char *const texts[] = {
    "隔年で見直し\n次回は2027年", "a\tb", "\n", "\n\n先頭と末尾\t\n", "",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
    {
      lineedit e;
      le_init(&e, texts[i], 4000, LE_MULTILINE);
      expect_text(&e, texts[i]);
      le_free(&e);
    }
}

Test(lineedit, a_stored_text_longer_than_the_limit_is_kept_whole)
{
  lineedit e;
  le_init(&e, "abcdef", 3, LE_MULTILINE);
  expect_text(&e, "abcdef");
  cr_assert_not(le_insert(&e, 'g'));
  le_free(&e);
}

Test(lineedit, line_breaks_and_tabs_are_inserted_and_deleted_like_characters)
{
  lineedit e;
  le_init(&e, "方針", 0, LE_MULTILINE);
  cr_assert(le_insert(&e, '\n'));
  cr_assert(le_insert(&e, 0x8FFD)); /* 追 */
  cr_assert(le_insert(&e, '\t'));
  cr_assert(le_insert(&e, 'x'));
  expect_text(&e, "方針\n追\tx");
  le_left(&e);
  le_backspace(&e);
  expect_text(&e, "方針\n追x");
  le_home(&e);
  le_right(&e);
  le_right(&e);
  le_delete(&e);
  expect_text(&e, "方針追x");
  le_free(&e);
}

Test(lineedit, marks_have_a_defined_width)
{
  cr_assert_str_eq(le_mark('\n', 0), "\u23CE");
  cr_assert_str_eq(le_mark('\t', 0), "\u21E5");
  cr_assert_str_eq(le_mark('\n', LE_ASCII), "^J");
  cr_assert_str_eq(le_mark('\t', LE_ASCII), "^I");
  cr_assert_null(le_mark('a', 0));
  cr_assert_eq(txt_width("\u23CE"), 1);
  cr_assert_eq(txt_width("\u21E5"), 1);
  cr_assert_eq(le_cwidth('\n', 0), 1);
  cr_assert_eq(le_cwidth('\n', LE_ASCII), 2);
  cr_assert_eq(le_cwidth(0x3042, 0), 2);
}

Test(lineedit, the_view_counts_marks_in_columns)
{
  lineedit e;
  size_t from, to;
  int col;
  le_init(&e, "ab\ncd", 0, LE_MULTILINE);
  le_view(&e, 20, &from, &to, &col);
  cr_assert_eq(col, 5, "a b mark c d");
  cr_assert_eq(to, 5);
  le_free(&e);
  le_init(&e, "ab\ncd", 0, LE_MULTILINE | LE_ASCII);
  le_view(&e, 20, &from, &to, &col);
  cr_assert_eq(col, 6, "a b ^ J c d");
  le_free(&e);
  /* A long text of marks scrolls like any other. */
  le_init(&e, "\n\n\n\n\n\n\n\n\n\n", 0, LE_MULTILINE | LE_ASCII);
  le_view(&e, 7, &from, &to, &col);
  cr_assert_eq(to, 10);
  cr_assert_eq(from, 7);
  cr_assert_eq(col, 6);
  le_free(&e);
}

Test(lineedit, maximum_length_is_kept)
{
  lineedit e;
  le_init(&e, "", 3, 0);
  cr_assert(le_insert(&e, 'a'));
  cr_assert(le_insert(&e, 'b'));
  cr_assert(le_insert(&e, 'c'));
  cr_assert_not(le_insert(&e, 'd'));
  le_free(&e);
}

Test(lineedit, long_text_scrolls_to_keep_the_cursor_visible)
{
  lineedit e;
  le_init(&e, "あいうえおかきくけこさしすせそ", 0, 0); /* 15 wide characters */
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

/* Rows of 6 columns: "あいう" fills the first row (6 columns), "えお"
 * goes on to the second, then a line break ends it, and "ab" is the
 * third; the end of the text is at its column 2. */
Test(lineedit, up_and_down_move_by_row_to_the_nearest_column)
{
  lineedit e;
  le_init(&e, "あいうえお\nab", 0, LE_MULTILINE);
  /* The end is on the third row, column 2. */
  le_up(&e, 6);
  cr_assert_eq(e.cur, 4, "up from the end goes to row 2, column 2 (before お): %zu", e.cur);
  le_up(&e, 6);
  cr_assert_eq(e.cur, 1, "then to row 1, column 2 (before い): %zu", e.cur);
  le_up(&e, 6);
  cr_assert_eq(e.cur, 0, "up from the first row goes to the start");
  le_right(&e);
  le_down(&e, 6);
  cr_assert_eq(e.cur, 4, "down from column 2 of row 1 lands on column 2 of row 2 (before お): %zu", e.cur);
  le_down(&e, 6);
  cr_assert_eq(e.cur, 8, "then column 2 of row 3, the end of \"ab\": %zu", e.cur);
  le_home(&e);
  le_down(&e, 6);
  le_down(&e, 6);
  le_down(&e, 6);
  cr_assert_eq(e.cur, e.len, "down from the last row goes to the end");
  le_free(&e);
}

/* A wide character is never split: up from column 1 of a row of ASCII
 * lands before the wide character that covers columns 0-1. */
Test(lineedit, up_never_lands_inside_a_wide_character)
{
  lineedit e;
  le_init(&e, "日本\nxyz", 0, LE_MULTILINE);
  le_home(&e);
  le_down(&e, 10);
  le_right(&e);
  cr_assert_eq(e.cur, 4);
  le_up(&e, 10);
  cr_assert_eq(e.cur, 0, "column 1 is inside 日: the cursor goes before it: %zu", e.cur);
  le_free(&e);
}

/* The flow places every position once, in order, and the end too. */
Test(lineedit, the_flow_places_every_position)
{
  const uint32_t cp[] = { 'a', 'b', 'c', '\n', 'd' };
  le_flow f;
  le_flow_start(&f, cp, 5, LE_MULTILINE, 2);
  int want[][2] = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 }, { 2, 0 }, { 2, 1 } };
  int r, c, k = 0;
  while (le_flow_next(&f, &r, &c))
    {
      cr_assert_lt(k, 6);
      cr_assert_eq(r, want[k][0], "position %d: row %d", k, r);
      cr_assert_eq(c, want[k][1], "position %d: column %d", k, c);
      k++;
    }
  cr_assert_eq(k, 6);
}

/* The rows a flowed text makes, joined with '|': as a note is shown. */
static char *
flowed(const char *s, int width)
{
  lineedit e;
  le_init(&e, s, 0, LE_MULTILINE);
  char *out = calloc(strlen(s) * 2 + 16, 1), *p = out;
  le_flow f;
  le_flow_start(&f, e.cp, e.len, e.flags, width);
  int r, c, last = 0;
  while (le_flow_next(&f, &r, &c))
    {
      size_t i = f.i - 1;
      if (i >= e.len)
        break;
      if (r != last)
        *p++ = '|', last = r;
      if (e.cp[i] != '\n')
        p += txt_encode(p, e.cp[i]);
    }
  le_free(&e);
  return out;
}

/* A note keeps the same line breaking rule as every other text (issue
 * 23, review I5): no 。 or ー at the start of a row, no （ at its end. */
Test(lineedit, the_flow_keeps_kinsoku)
{
  char *w = flowed("局長決裁。以上", 8);
  cr_assert_str_eq(w, "局長決|裁。以上");
  free(w);
  w = flowed("テレメータ装置", 6);
  cr_assert_str_eq(w, "テレ|メータ|装置", "ー does not start a row: %s", w);
  free(w);
  w = flowed("あいう（えお）", 8);
  cr_assert_str_eq(w, "あいう|（えお）", "（ does not end a row");
  free(w);
  w = flowed("abcdefgh", 4);
  cr_assert_str_eq(w, "abcd|efgh", "ASCII still fills its rows");
  free(w);
}
