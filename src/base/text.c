/* text: widths, escaping and line breaking of UTF-8 text.  See text.h for
 * the rules and why ambiguous characters count two columns. */
#include <config.h>
#include "base/text.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/xalloc.h"

bool
txt_valid_utf8(const char *s, size_t n, size_t *bad)
{
  size_t i = 0;
  while (i < n)
    {
      if ((unsigned char) s[i] < 0x80)
        {
          i++;
          continue;
        }
      uint32_t cp;
      int k = txt_decode(s + i, n - i, &cp);
      if (cp == TXT_INVALID)
        {
          if (bad)
            *bad = i;
          return false;
        }
      i += (size_t) k;
    }
  return true;
}

/* East Asian Ambiguous ranges that occur in Japanese documents and in
 * English typography.  Greek and Cyrillic letters are ambiguous too but
 * are left narrow: treating them as wide would misalign every Latin-script
 * line that quotes a formula, and they are rare in this domain. */
static const uint32_t ambiguous[][2] = {
  { 0x00A1, 0x00A1 }, { 0x00A4, 0x00A4 }, { 0x00A7, 0x00A8 }, { 0x00AA, 0x00AA },
  { 0x00AD, 0x00AE }, { 0x00B0, 0x00B4 }, { 0x00B6, 0x00BA }, { 0x00BC, 0x00BF },
  { 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 }, { 0x2010, 0x2010 }, { 0x2013, 0x2016 },
  { 0x2018, 0x2019 }, { 0x201C, 0x201D }, { 0x2020, 0x2022 }, { 0x2024, 0x2027 },
  { 0x2030, 0x2030 }, { 0x2032, 0x2033 }, { 0x2035, 0x2035 }, { 0x203B, 0x203B },
  { 0x203E, 0x203E }, { 0x2103, 0x2103 }, { 0x2105, 0x2105 }, { 0x2109, 0x2109 },
  { 0x2113, 0x2113 }, { 0x2116, 0x2116 }, { 0x2121, 0x2122 }, { 0x2126, 0x2126 },
  { 0x212B, 0x212B }, { 0x2153, 0x2154 }, { 0x215B, 0x215E }, { 0x2160, 0x216B },
  { 0x2170, 0x2179 }, { 0x2189, 0x2189 }, { 0x2190, 0x2199 }, { 0x21B8, 0x21B9 },
  { 0x21D2, 0x21D2 }, { 0x21D4, 0x21D4 }, { 0x21E7, 0x21E7 }, { 0x2200, 0x22FF },
  { 0x2312, 0x2312 }, { 0x2460, 0x24E9 }, { 0x24EB, 0x254B }, { 0x2550, 0x2573 },
  { 0x2580, 0x258F }, { 0x2592, 0x2595 }, { 0x25A0, 0x25FF }, { 0x2605, 0x2606 },
  { 0x2609, 0x2609 }, { 0x260E, 0x260F }, { 0x261C, 0x261C }, { 0x261E, 0x261E },
  { 0x2640, 0x2640 }, { 0x2642, 0x2642 }, { 0x2660, 0x2661 }, { 0x2663, 0x2665 },
  { 0x2667, 0x266A }, { 0x266C, 0x266D }, { 0x266F, 0x266F }, { 0x273D, 0x273D },
  { 0x2776, 0x277F }, { 0xFFFD, 0xFFFD },
};

bool
txt_is_ambiguous(uint32_t cp)
{
  size_t lo = 0, hi = sizeof ambiguous / sizeof ambiguous[0];
  while (lo < hi)
    {
      size_t mid = (lo + hi) / 2;
      if (cp < ambiguous[mid][0])
        hi = mid;
      else if (cp > ambiguous[mid][1])
        lo = mid + 1;
      else
        return true;
    }
  return false;
}

/* Used only when the locale's wcwidth cannot say (a non-UTF-8 locale):
 * the blocks where Japanese text lives are wide. */
static int
fallback_width(uint32_t cp)
{
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E)
      || (cp >= 0x3041 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
      || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
      || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
      || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
      || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F))
    return 0;
  return 1;
}

int
txt_cwidth(uint32_t cp)
{
  if (cp < 0x80)
    return cp >= 0x20 && cp < 0x7F ? 1 : 0;
  if (cp == TXT_INVALID)
    return 1;
  if (txt_is_ambiguous(cp))
    return 2;
  int w = wcwidth((wchar_t) cp);
  if (w < 0)
    return fallback_width(cp);
  return w;
}

int
txt_nwidth(const char *s, size_t n)
{
  int w = 0;
  size_t i = 0;
  while (i < n)
    {
      unsigned char c = (unsigned char) s[i];
      if (c < 0x80)
        {
          w += c >= 0x20 && c < 0x7F;
          i++;
          continue;
        }
      uint32_t cp;
      i += (size_t) txt_decode(s + i, n - i, &cp);
      w += txt_cwidth(cp);
    }
  return w;
}

int
txt_width(const char *s)
{
  return txt_nwidth(s, strlen(s));
}

static bool
is_bidi_control(uint32_t cp)
{
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
         || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* How cp (or the invalid byte b) is shown; NULL when shown as itself. */
static const char *
escape_of(uint32_t cp, unsigned char b, bool one_line, char buf[16])
{
  if (cp == TXT_INVALID)
    snprintf(buf, 16, "\\x%02X", b);
  else if (cp == '\n')
    return one_line ? " " : NULL;
  else if (cp == '\t')
    return " ";
  else if (cp < 0x20)
    snprintf(buf, 16, "^%c", (char) (cp + 0x40));
  else if (cp == 0x7F)
    return "^?";
  else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp))
    snprintf(buf, 16, "<U+%04X>", (unsigned) cp);
  else
    return NULL;
  return buf;
}

char *
txt_sanitize(const char *s, bool one_line)
{
  size_t n = strlen(s), cap = n + 1, len = 0;
  char *out = xmalloc(cap);
  char buf[16];
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      int k = txt_decode(s + i, n - i, &cp);
      const char *esc = escape_of(cp, (unsigned char) s[i], one_line, buf);
      const char *src = esc ? esc : s + i;
      size_t m = esc ? strlen(esc) : (size_t) k;
      out = xgrow(out, &cap, len + m + 1, 1);
      memcpy(out + len, src, m);
      len += m;
      i += (size_t) k;
    }
  out[len] = '\0';
  return out;
}

size_t
txt_encode(char *out, uint32_t c)
{
  if (c < 0x80)
    return out[0] = (char) c, 1;
  if (c < 0x800)
    return out[0] = (char) (0xC0 | (c >> 6)), out[1] = (char) (0x80 | (c & 0x3F)), 2;
  if (c < 0x10000)
    return out[0] = (char) (0xE0 | (c >> 12)), out[1] = (char) (0x80 | ((c >> 6) & 0x3F)),
           out[2] = (char) (0x80 | (c & 0x3F)), 3;
  out[0] = (char) (0xF0 | (c >> 18));
  out[1] = (char) (0x80 | ((c >> 12) & 0x3F));
  out[2] = (char) (0x80 | ((c >> 6) & 0x3F));
  out[3] = (char) (0x80 | (c & 0x3F));
  return 4;
}

uint32_t
txt_halfwidth(uint32_t cp)
{
  if (cp >= 0xFF01 && cp <= 0xFF5E)
    return cp - 0xFF01 + 0x21;
  return cp == 0x3000 ? ' ' : cp;
}

/* Half-width katakana U+FF61-U+FF9F and the full-width forms they stand for. */
static const uint16_t kana_full[] = {
  0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3,
  0x30E5, 0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF,
  0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,
  0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF,
  0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF,
  0x30F3, 0x309B, 0x309C,
};
_Static_assert(sizeof kana_full / sizeof kana_full[0] == 0xFF9F - 0xFF61 + 1, "one entry a half-width kana");

/* The kana a voiced (mark 0x309B) or semi-voiced (0x309C) mark makes of
 * base; 0 when it makes none. */
static uint32_t
kana_voiced(uint32_t base, uint32_t mark)
{
  bool ha_row = base >= 0x30CF && base <= 0x30DB && (base - 0x30CF) % 3 == 0;
  if (mark == 0x309C)
    return ha_row ? base + 2 : 0;
  if (base == 0x30A6)
    return 0x30F4;
  if (ha_row || (base >= 0x30AB && base <= 0x30C2 && (base - 0x30AB) % 2 == 0) || base == 0x30C4
      || base == 0x30C6 || base == 0x30C8)
    return base + 1;
  return 0;
}

char *
txt_fold(const char *s)
{
  size_t n = strlen(s);
  /* Folding never lengthens: a half-width kana (3 bytes) becomes one
   * full-width kana (3 bytes), full-width ASCII (3) becomes 1. */
  char *out = xmalloc(n + 1), *p = out;
  uint32_t prev = 0;          /* the last kana written, for a following mark */
  char *prev_at = NULL;
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      int len = txt_decode(s + i, n - i, &cp);
      if (cp == TXT_INVALID)
        {
          memcpy(p, s + i, (size_t) len);
          p += len, i += (size_t) len, prev = 0;
          continue;
        }
      i += (size_t) len;
      cp = txt_halfwidth(cp);
      if (cp >= 0xFF61 && cp <= 0xFF9F)
        cp = kana_full[cp - 0xFF61];
      if (cp < 0x80 && cp >= 'A' && cp <= 'Z')
        cp += 'a' - 'A';
      uint32_t joined = (cp == 0x309B || cp == 0x309C) && prev ? kana_voiced(prev, cp) : 0;
      if (joined)
        {
          p = prev_at;
          cp = joined;
        }
      prev_at = p;
      prev = cp >= 0x30A1 && cp <= 0x30FA ? cp : 0;
      p += txt_encode(p, cp);
    }
  *p = '\0';
  return out;
}

bool
txt_find_folded(const char *s, size_t n, const char *query, size_t *at, size_t *len)
{
  if (!*query)
    return false;
  /* Fold from each character on; the folded text starts with the query
   * when the match starts there.  Texts here are short (a question). */
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      int clen = txt_decode(s + i, n - i, &cp);
      size_t want = strlen(query);
      /* Grow the original slice until its folding covers the query; a
       * voiced mark may still join the last kana, so a short mismatch
       * does not end the slice. */
      for (size_t j = i + (size_t) clen; j <= n;)
        {
          char *part = xstrndup(s + i, j - i);
          char *f = txt_fold(part);
          size_t fl = strlen(f);
          bool hit = fl >= want && strncmp(f, query, want) == 0;
          free(part);
          free(f);
          if (hit)
            {
              *at = i;
              *len = j - i;
              return true;
            }
          if (j == n || fl > want + 3)
            break;
          uint32_t c2;
          j += (size_t) txt_decode(s + j, n - j, &c2);
        }
      i += (size_t) clen;
    }
  return false;
}

/* Kinsoku: characters a line must not start with, and must not end with.
 * The one statement of the rule: txt_wrap breaks by it, and so does the
 * note flow of the screens (lineedit). */
bool
txt_no_line_start(uint32_t c)
{
  static const char *const set =
    "、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝〕〉》」』】〙〗〟’”｠»"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ…‥％";
  if (c < 0x80)
    return c && strchr(",.:;?!)]}%", (int) c);
  char u[5] = { 0 };
  /* Encode c to search the set by bytes; the set is short. */
  if (c < 0x800)
    u[0] = (char) (0xC0 | (c >> 6)), u[1] = (char) (0x80 | (c & 0x3F));
  else if (c < 0x10000)
    u[0] = (char) (0xE0 | (c >> 12)), u[1] = (char) (0x80 | ((c >> 6) & 0x3F)),
    u[2] = (char) (0x80 | (c & 0x3F));
  else
    return false;
  return strstr(set, u) != NULL;
}

bool
txt_no_line_end(uint32_t c)
{
  switch (c)
    {
    case '(': case '[': case '{':
    case 0xFF08: case 0xFF3B: case 0xFF5B: case 0x3014: case 0x3008:
    case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0x3018:
    case 0x3016: case 0x301D: case 0x2018: case 0x201C: case 0xFF5F:
    case 0x00AB:
      return true;
    default:
      return false;
    }
}

static bool
is_space(uint32_t c)
{
  return c == ' ' || c == 0x3000;
}

static bool
is_ascii_letter(uint32_t c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether a line may break between p and c when neither is a space (pp
 * comes before p).  An ASCII run stays whole: a question id such as
 * "2.1-a" or "GV.OC-01" is never cut at its hyphen; only a hyphen between
 * letters ("self-assessment") or a slash may end a line inside a run. */
static bool
break_between(uint32_t pp, uint32_t p, uint32_t c)
{
  if (txt_no_line_start(c) || txt_no_line_end(p))
    return false;
  if (txt_cwidth(p) == 2 || txt_cwidth(c) == 2 || p == '/')
    return true;
  return p == '-' && is_ascii_letter(pp) && is_ascii_letter(c);
}

static void
push_line(txt_line **out, size_t *n, size_t *cap, const char *s, size_t off, size_t end, int width)
{
  /* Spaces at the end of a broken line carry no meaning. */
  while (end > off && s[end - 1] == ' ')
    end--, width--;
  *out = xgrow(*out, cap, *n + 1, sizeof **out);
  (*out)[*n] = (txt_line){ off, end - off, width };
  (*n)++;
}

size_t
txt_wrap(const char *s, int width, txt_line **out)
{
  size_t n = 0, cap = 0, len = strlen(s);
  *out = NULL;
  if (width < 1)
    width = 1;

  size_t start = 0, brk = 0, i = 0;
  int w = 0, brk_w = 0;
  uint32_t prev = 0, prev2 = 0;
  bool soft = false;   /* just broke a line softly: drop leading spaces */
  while (i < len)
    {
      uint32_t c;
      int k = txt_decode(s + i, len - i, &c);
      if (c == '\n')
        {
          push_line(out, &n, &cap, s, start, i, w);
          i += (size_t) k;
          start = i, brk = 0, w = 0, prev = prev2 = 0, soft = false;
          continue;
        }
      if (soft && c == ' ')
        {
          i += (size_t) k;
          start = i;
          continue;
        }
      soft = false;
      int cw = txt_cwidth(c);
      if (i > start && prev && !is_space(c))
        {
          if (is_space(prev) || break_between(prev2, prev, c))
            brk = i, brk_w = w;
        }
      if (w + cw > width && i > start)
        {
          size_t cut = brk > start ? brk : i;
          int cut_w = brk > start ? brk_w : w;
          push_line(out, &n, &cap, s, start, cut, cut_w);
          /* Restart measuring from the break. */
          i = cut;
          start = cut, brk = 0, w = 0, prev = prev2 = 0, soft = true;
          continue;
        }
      w += cw;
      prev2 = prev;
      prev = c;
      i += (size_t) k;
    }
  if (start < len || n == 0 || (len > 0 && s[len - 1] == '\n'))
    push_line(out, &n, &cap, s, start, len, w);
  return n;
}

size_t
txt_fit(const char *s, size_t n, int width, int *used)
{
  size_t i = 0;
  int w = 0;
  while (i < n)
    {
      uint32_t cp;
      int k = txt_decode(s + i, n - i, &cp);
      int cw = txt_cwidth(cp);
      if (w + cw > width)
        break;
      w += cw;
      i += (size_t) k;
    }
  if (used)
    *used = w;
  return i;
}

char *
txt_ellipsize(const char *s, int width)
{
  size_t n = strlen(s);
  if (txt_nwidth(s, n) <= width)
    return xstrdup(s);
  if (width < 2)
    return xstrndup(s, txt_fit(s, n, width, NULL));
  size_t cut = txt_fit(s, n, width - 2, NULL);
  char *out = xmalloc(cut + 3);
  memcpy(out, s, cut);
  memcpy(out + cut, "..", 3);
  return out;
}

void
txt_pad(FILE *f, const char *s, int width)
{
  int used;
  size_t n = txt_fit(s, strlen(s), width, &used);
  fwrite(s, 1, n, f);
  for (; used < width; used++)
    fputc(' ', f);
}

void
txt_rpad(FILE *f, const char *s, int width)
{
  int w = txt_width(s);
  for (; w < width; w++)
    fputc(' ', f);
  txt_pad(f, s, width < txt_width(s) ? width : txt_width(s));
}
