/* text: display width, escaping and line breaking of UTF-8 text.
 *
 * Everything that puts text in columns (the screens, the text report, the
 * summary printed on exit) measures it here, in display columns, never in
 * bytes.  Rules that matter for Japanese:
 *   - wide characters count two columns; East Asian Ambiguous characters
 *     (○ ◎ ※ “ ” and the like) also count two, because terminals disagree
 *     on them and an overestimate can only leave a column blank, while an
 *     underestimate breaks a frame;
 *   - lines break between any two Japanese characters, but not before
 *     closing punctuation and small kana nor after opening brackets
 *     (kinsoku shori), and between words in Latin text;
 *   - text from files is untrusted: txt_sanitize makes control characters,
 *     bidi overrides and invalid bytes visible, so a crafted file cannot
 *     drive the terminal.
 * This module does not depend on the locale for decoding; wcwidth() is
 * consulted for widths (as ncurses does), with a fallback where the locale
 * cannot answer. */
#ifndef KIJUN_TEXT_H
#define KIJUN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define TXT_INVALID UINT32_MAX

typedef struct txt_line
{
  size_t off;   /* byte offset of the line in the text */
  size_t len;   /* bytes, without the break */
  int width;    /* display columns */
} txt_line;

/* Decode one character of s (n bytes available, n >= 1).  Returns the
 * bytes used (1 to 4); *cp is TXT_INVALID for a malformed sequence, which
 * then uses one byte.  Inline: the pre-scan of every file read decodes
 * each character of its text with it (a call per character was a fifth
 * of reading a file of Japanese notes). */
static inline int
txt_decode(const char *s, size_t n, uint32_t *cp)
{
  const unsigned char *u = (const unsigned char *) s;
  unsigned char c = u[0];
  if (c < 0x80)
    {
      *cp = c;
      return 1;
    }
  int len;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2, v = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, v = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, v = c & 0x07, min = 0x10000;
  else
    goto bad;
  if ((size_t) len > n)
    goto bad;
  for (int i = 1; i < len; i++)
    {
      if ((u[i] & 0xC0) != 0x80)
        goto bad;
      v = (v << 6) | (u[i] & 0x3F);
    }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    goto bad;
  *cp = v;
  return len;
bad:
  *cp = TXT_INVALID;
  return 1;
}

/* Write cp as UTF-8 into out (room for 4 bytes); returns the bytes written. */
size_t txt_encode(char *out, uint32_t cp);
/* The ASCII character a full-width form (U+FF01-U+FF5E) or the
 * ideographic space stands for; any other character as it is.  What an
 * input method left on sends for a key. */
uint32_t txt_halfwidth(uint32_t cp);
/* s folded for searching, as a new string: full-width ASCII and the
 * ideographic space to ASCII, half-width katakana to full-width (voiced
 * marks joined), ASCII to lower case.  Invalid bytes are kept as they are. */
char *txt_fold(const char *s);
/* Where s[0..n) holds the folded query (see txt_fold), as a byte range of
 * s: *at and *len.  False when it does not. */
bool txt_find_folded(const char *s, size_t n, const char *query, size_t *at, size_t *len);
/* Whether s[0..n) is well-formed UTF-8; on failure *bad is the offset of
 * the first bad byte. */
bool txt_valid_utf8(const char *s, size_t n, size_t *bad);
/* Columns for one character of sanitized text: 0 for combining marks,
 * 2 for wide and ambiguous characters, else 1. */
int txt_cwidth(uint32_t cp);
bool txt_is_ambiguous(uint32_t cp);
/* Display columns of n bytes of sanitized text / of a string. */
int txt_nwidth(const char *s, size_t n);
int txt_width(const char *s);

/* A copy of s safe to show: C0 controls as ^X (newline kept unless
 * one_line is set, then shown as a space; tab as a space), DEL as ^?, C1
 * controls and bidi overrides as <U+XXXX>, invalid bytes as \xNN. */
char *txt_sanitize(const char *s, bool one_line);

/* Break sanitized text into lines of at most width columns.  Hard
 * newlines are kept; spaces at a break are dropped.  Returns the number of
 * lines (at least one) and stores a newly allocated array in *out. */
size_t txt_wrap(const char *s, int width, txt_line **out);
/* Kinsoku shori, the rule txt_wrap keeps: c may not start a line (closing
 * punctuation and brackets, the long-vowel mark, small kana), or may not
 * end one (opening brackets). */
bool txt_no_line_start(uint32_t c);
bool txt_no_line_end(uint32_t c);
/* The longest prefix of s[0..n) that fits in width columns without
 * splitting a character; *used gets its width.  Returns its bytes. */
size_t txt_fit(const char *s, size_t n, int width, int *used);
/* A copy of s cut to width columns, ending in ".." when cut. */
char *txt_ellipsize(const char *s, int width);
/* Write s cut or padded with spaces to exactly width columns. */
void txt_pad(FILE *f, const char *s, int width);
/* Write s right-aligned in width columns. */
void txt_rpad(FILE *f, const char *s, int width);

#endif
