/* Tests of the text layout: widths, wrapping with kinsoku, fitting and
 * escaping of mixed Japanese and ASCII text. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "base/text.h"

static void
utf8_locale(void)
{
  setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(text, .init = utf8_locale);

Test(text, widths_of_ascii_japanese_and_ambiguous)
{
  cr_assert_eq(txt_width("abc"), 3);
  cr_assert_eq(txt_width("日本語"), 6);
  cr_assert_eq(txt_width("ｱｲｳ"), 3, "half-width katakana is narrow");
  cr_assert_eq(txt_width("Ａ"), 2, "full-width Latin is wide");
  /* Ambiguous: counted as two so a frame never overflows. */
  cr_assert_eq(txt_width("○"), 2);
  cr_assert_eq(txt_width("◎"), 2);
  cr_assert_eq(txt_width("※"), 2);
  cr_assert_eq(txt_width("e\xCC\x81"), 1, "a combining accent takes no column");
  cr_assert_eq(txt_width("\xFF"), 1, "an invalid byte takes one column");
}

Test(text, decode_rejects_overlong_and_surrogates)
{
  uint32_t cp;
  cr_assert_eq(txt_decode("\xC0\xAF", 2, &cp), 1);
  cr_assert_eq(cp, TXT_INVALID);
  cr_assert_eq(txt_decode("\xED\xA0\x80", 3, &cp), 1);
  cr_assert_eq(cp, TXT_INVALID);
  cr_assert_eq(txt_decode("\xE3\x81\x82", 3, &cp), 3);
  cr_assert_eq(cp, 0x3042u);
  cr_assert_eq(txt_decode("\xE3\x81", 2, &cp), 1, "a truncated sequence is invalid");
  size_t bad;
  cr_assert(txt_valid_utf8("あいう", strlen("あいう"), NULL));
  cr_assert_not(txt_valid_utf8("ab\xE3\x81", 4, &bad));
  cr_assert_eq(bad, 2);
}

/* Lines of s wrapped at width, joined with '|'. */
static char *
wrapped(const char *s, int width)
{
  txt_line *l;
  size_t n = txt_wrap(s, width, &l);
  char *out = calloc(1, strlen(s) + n + 1);
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        strcat(out, "|");
      strncat(out, s + l[i].off, l[i].len);
      cr_assert_leq(l[i].width, width, "line %zu is %d columns, wider than %d", i, l[i].width, width);
      cr_assert_eq(l[i].width, txt_nwidth(s + l[i].off, l[i].len));
    }
  free(l);
  return out;
}

Test(text, english_wraps_between_words)
{
  char *w = wrapped("Does your organisation take backups regularly?", 20);
  cr_assert_str_eq(w, "Does your|organisation take|backups regularly?");
  free(w);
}

Test(text, long_word_is_cut_hard)
{
  char *w = wrapped("abcdefghijkl", 5);
  cr_assert_str_eq(w, "abcde|fghij|kl");
  free(w);
}

Test(text, japanese_wraps_at_characters)
{
  char *w = wrapped("バックアップを取得していますか", 10);
  cr_assert_str_eq(w, "バックアッ|プを取得し|ていますか");
  free(w);
}

Test(text, kinsoku_no_closing_punctuation_at_line_start)
{
  /* At width 8 the 。 would start the second line; it is pushed back
   * with the character before it. */
  char *w = wrapped("方針です。次の文", 8);
  cr_assert_str_eq(w, "方針で|す。次の|文");
  free(w);
  w = wrapped("あいうえっとか", 8);
  cr_assert_str_eq(w, "あいう|えっとか", "a small kana does not start a line");
  free(w);
}

Test(text, kinsoku_no_opening_bracket_at_line_end)
{
  char *w = wrapped("あいう「えお」", 8);
  cr_assert_str_eq(w, "あいう|「えお」");
  free(w);
}

Test(text, mixed_japanese_and_ascii)
{
  char *w = wrapped("CSIRTを設置していますか", 10);
  cr_assert_str_eq(w, "CSIRTを設|置していま|すか");
  free(w);
}

/* An ASCII run keeps together: a question id is never cut at its hyphen
 * (the level notes read 「（2.1-」 then 「a）」 before), a hyphen between
 * letters still may end a line. */
Test(text, ascii_runs_such_as_ids_stay_whole)
{
  char *w = wrapped("確認（2.1-a）", 10);
  cr_assert_str_eq(w, "確認|（2.1-a）");
  free(w);
  w = wrapped("区分GV.OC-01を参照", 8);
  cr_assert(strstr(w, "GV.OC-01"), "the CSF id is whole: %s", w);
  free(w);
  w = wrapped("a self-assessment tool", 10);
  cr_assert_str_eq(w, "a self-|assessment|tool");
  free(w);
}

Test(text, wide_character_never_split_at_odd_width)
{
  char *w = wrapped("あいうえお", 5);
  cr_assert_str_eq(w, "あい|うえ|お");
  free(w);
}

Test(text, hard_newlines_kept_and_empty_text_is_one_line)
{
  char *w = wrapped("ab\n\ncd", 10);
  cr_assert_str_eq(w, "ab||cd");
  free(w);
  txt_line *l;
  cr_assert_eq(txt_wrap("", 10, &l), 1);
  cr_assert_eq(l[0].len, 0);
  free(l);
}

Test(text, fit_and_ellipsize_by_columns)
{
  int used;
  const char *s = "日本語abc";
  cr_assert_eq(txt_fit(s, strlen(s), 5, &used), 6, "two wide characters fit in 5 columns");
  cr_assert_eq(used, 4);
  char *e = txt_ellipsize("日本語のテキスト", 9);
  cr_assert_str_eq(e, "日本語..");
  cr_assert_leq(txt_width(e), 9);
  free(e);
  e = txt_ellipsize("short", 9);
  cr_assert_str_eq(e, "short");
  free(e);
}

Test(text, sanitize_escapes_terminal_controls)
{
  char *s = txt_sanitize("a\x1b]0;owned\x07z", false);
  cr_assert_str_eq(s, "a^[]0;owned^Gz");
  free(s);
  s = txt_sanitize("x\xC2\x9B" "31m\xE2\x80\xAEy\xFF", false);
  cr_assert_str_eq(s, "x<U+009B>31m<U+202E>y\\xFF");
  free(s);
  s = txt_sanitize("line1\nline2\tend\x7f", true);
  cr_assert_str_eq(s, "line1 line2 end^?");
  free(s);
  s = txt_sanitize("改行\nあり", false);
  cr_assert_str_eq(s, "改行\nあり");
  free(s);
}

Test(text, folding_for_search_joins_widths_cases_and_kana)
{
  char *f = txt_fold("ＣＳＩＲＴ　体制");
  cr_assert_str_eq(f, "csirt 体制");
  free(f);
  f = txt_fold("ｾｷｭﾘﾃｨ･ｶﾞｲﾄﾞﾗｲﾝ ﾊﾟｽﾜｰﾄﾞ");
  cr_assert_str_eq(f, "セキュリティ・ガイドライン パスワード");
  free(f);
  f = txt_fold("Backup ｳﾞ ｱﾞ");
  cr_assert_str_eq(f, "backup ヴ ア゛");
  free(f);
  cr_assert_eq(txt_halfwidth(0xFF11), '1');
  cr_assert_eq(txt_halfwidth(0xFF1F), '?');
  cr_assert_eq(txt_halfwidth(0xFF51), 'q');
  cr_assert_eq(txt_halfwidth(0x3000), ' ');
  cr_assert_eq(txt_halfwidth(0x3042), 0x3042);
}

Test(text, finding_a_folded_query_gives_the_original_bytes)
{
  const char *s = "体制: ＣＳＩＲＴを置く";
  size_t at, len;
  cr_assert(txt_find_folded(s, strlen(s), "csirt", &at, &len));
  cr_assert_eq(at, strlen("体制: "));
  cr_assert_eq(len, strlen("ＣＳＩＲＴ"));
  cr_assert(txt_find_folded("ﾊﾞｯｸｱｯﾌﾟ手順", strlen("ﾊﾞｯｸｱｯﾌﾟ手順"), "バックアップ", &at, &len));
  cr_assert_eq(at, 0);
  cr_assert_eq(len, strlen("ﾊﾞｯｸｱｯﾌﾟ"));
  cr_assert_not(txt_find_folded("backup", 6, "csirt", &at, &len));
}
