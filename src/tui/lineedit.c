/* lineedit: a one-line editor's buffer and cursor.  See lineedit.h. */
#include <config.h>
#include "tui/lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

/* Whether le_init keeps cp as a character of the text. */
static bool
kept(uint32_t cp)
{
  return cp != TXT_INVALID && (cp >= 0x20 || cp == '\n' || cp == '\t');
}

void
le_init(lineedit *e, const char *utf8, size_t max, unsigned flags)
{
  *e = (lineedit){ 0 };
  e->max = max;
  e->flags = flags;
  size_t n = utf8 ? strlen(utf8) : 0;
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      i += (size_t) txt_decode(utf8 + i, n - i, &cp);
      if ((cp == '\n' || cp == '\t') && !(flags & LE_MULTILINE))
        cp = ' ';
      /* What the file holds is kept whole, even past max: opening and
       * closing the field must not change it. */
      if (kept(cp))
        {
          e->cp = xgrow(e->cp, &e->cap, e->len + 1, sizeof *e->cp);
          e->cp[e->len++] = cp;
        }
    }
  e->cur = e->len;
}

size_t
le_index(const char *utf8, size_t byte)
{
  size_t k = 0;
  for (size_t i = 0; i < byte && utf8[i];)
    {
      uint32_t cp;
      i += (size_t) txt_decode(utf8 + i, byte - i, &cp);
      k += kept(cp);
    }
  return k;
}

void
le_free(lineedit *e)
{
  free(e->cp);
  *e = (lineedit){ 0 };
}

/* Bidirectional formatting characters would reorder what the screen
 * shows of the text around them; they are never typed on purpose. */
static bool
is_bidi_format(uint32_t cp)
{
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E
         || cp == 0x200F || cp == 0x061C;
}

bool
le_insert(lineedit *e, uint32_t cp)
{
  bool text_control = (cp == '\n' || cp == '\t') && (e->flags & LE_MULTILINE);
  if ((cp < 0x20 && !text_control) || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF
      || (cp >= 0xD800 && cp <= 0xDFFF) || is_bidi_format(cp) || (e->max && e->len >= e->max))
    return false;
  e->cp = xgrow(e->cp, &e->cap, e->len + 1, sizeof *e->cp);
  memmove(e->cp + e->cur + 1, e->cp + e->cur, (e->len - e->cur) * sizeof *e->cp);
  e->cp[e->cur++] = cp;
  e->len++;
  return true;
}

void
le_backspace(lineedit *e)
{
  if (e->cur == 0)
    return;
  memmove(e->cp + e->cur - 1, e->cp + e->cur, (e->len - e->cur) * sizeof *e->cp);
  e->cur--;
  e->len--;
}

void
le_delete(lineedit *e)
{
  if (e->cur == e->len)
    return;
  e->cur++;
  le_backspace(e);
}

void le_left(lineedit *e) { if (e->cur) e->cur--; }
void le_right(lineedit *e) { if (e->cur < e->len) e->cur++; }
void le_home(lineedit *e) { e->cur = 0; }
void le_end(lineedit *e) { e->cur = e->len; }

void
le_kill_start(lineedit *e)
{
  /* An empty editor has no buffer at all, and memmove from NULL is
   * undefined even for no bytes. */
  if (e->cur == 0)
    return;
  memmove(e->cp, e->cp + e->cur, (e->len - e->cur) * sizeof *e->cp);
  e->len -= e->cur;
  e->cur = 0;
}

void
le_kill_end(lineedit *e)
{
  e->len = e->cur;
}

char *
le_slice(const lineedit *e, size_t from, size_t to)
{
  char *s = xmalloc((to - from) * 4 + 1), *p = s;
  for (size_t i = from; i < to; i++)
    p += txt_encode(p, e->cp[i]);
  *p = '\0';
  return s;
}

char *
le_text(const lineedit *e)
{
  return le_slice(e, 0, e->len);
}

const char *
le_mark(uint32_t cp, unsigned flags)
{
  /* U+23CE and U+21E5 are one column wide everywhere (East Asian Width
   * neutral), unlike the ambiguous arrow U+2192. */
  if (cp == '\n')
    return flags & LE_ASCII ? "^J" : "\xE2\x8F\x8E" /* U+23CE */;
  if (cp == '\t')
    return flags & LE_ASCII ? "^I" : "\xE2\x87\xA5" /* U+21E5 */;
  return NULL;
}

int
le_cwidth(uint32_t cp, unsigned flags)
{
  const char *m = le_mark(cp, flags);
  return m ? txt_width(m) : txt_cwidth(cp);
}

void
le_view(lineedit *e, int width, size_t *from, size_t *to, int *col)
{
  if (width < 3)
    width = 3;
  /* Keep one column for the cursor after the last character. */
  int room = width - 1;
  if (e->first > e->cur)
    e->first = e->cur;
  int w = 0;
  for (size_t i = e->first; i < e->cur; i++)
    w += le_cwidth(e->cp[i], e->flags);
  while (w > room && e->first < e->cur)
    w -= le_cwidth(e->cp[e->first++], e->flags);
  *from = e->first;
  *col = w;
  size_t i = e->cur;
  int used = w;
  while (i < e->len && used + le_cwidth(e->cp[i], e->flags) <= room)
    used += le_cwidth(e->cp[i++], e->flags);
  *to = i;
}

/* ---- flowing into rows -------------------------------------------------- */

void
le_flow_start(le_flow *f, const uint32_t *cp, size_t n, unsigned flags, int width)
{
  *f = (le_flow){ cp, n, flags, width < 2 ? 2 : width, 0, 0, 0 };
}

/* The columns from position i that must stay on one row by kinsoku (see
 * txt_no_line_start): i, and each next character that may not start a
 * row or follows one that may not end it; a few at most. */
static int
kept_together(const le_flow *f, size_t i)
{
  int w = le_cwidth(f->cp[i], f->flags);
  for (size_t j = i + 1, k = 0; j < f->n && k < 4 && f->cp[j] != '\n'; j++, k++)
    {
      if (!txt_no_line_start(f->cp[j]) && !txt_no_line_end(f->cp[j - 1]))
        break;
      w += le_cwidth(f->cp[j], f->flags);
    }
  return w;
}

bool
le_flow_next(le_flow *f, int *row, int *col)
{
  if (f->i > f->n)
    return false;
  int w = f->i < f->n ? le_cwidth(f->cp[f->i], f->flags) : 0;
  if (f->i < f->n && f->col > 0)
    {
      if (f->col + w > f->width)
        f->row++, f->col = 0;
      else if (f->i + 1 < f->n && f->col + 10 > f->width && !txt_no_line_start(f->cp[f->i]))
        {
          /* Near the end of the row: a character that may not start
           * the next row goes down with the one before it (Japanese
           * line breaking, as txt_wrap does it). */
          int keep = kept_together(f, f->i);
          if (keep > w && f->col + keep > f->width && keep < f->width)
            f->row++, f->col = 0;
        }
    }
  *row = f->row;
  *col = f->col;
  if (f->i < f->n)
    {
      f->col += w;
      if (f->cp[f->i] == '\n')
        f->row++, f->col = 0;
    }
  f->i++;
  return true;
}

void
le_flow_cursor(const le_flow *f, int *row, int *col)
{
  if (*col >= f->width)
    ++*row, *col = 0;
}

/* The cursor's row and column in the flow. */
static void
cursor_at(const lineedit *e, int width, int *row, int *col)
{
  le_flow f;
  le_flow_start(&f, e->cp, e->len, e->flags, width);
  int r, c;
  while (le_flow_next(&f, &r, &c))
    if (f.i - 1 == e->cur)
      {
        le_flow_cursor(&f, &r, &c);
        *row = r, *col = c;
        return;
      }
  *row = *col = 0;
}

/* The last position on row row at or before column col; SIZE_MAX when
 * the text has no such row. */
static size_t
position_on(const lineedit *e, int width, int row, int col)
{
  le_flow f;
  le_flow_start(&f, e->cp, e->len, e->flags, width);
  size_t best = SIZE_MAX;
  int r, c;
  while (le_flow_next(&f, &r, &c))
    {
      le_flow_cursor(&f, &r, &c);
      if (r > row)
        break;
      if (r == row && (c <= col || best == SIZE_MAX))
        best = f.i - 1;
    }
  return best;
}

void
le_up(lineedit *e, int width)
{
  int row, col;
  cursor_at(e, width, &row, &col);
  size_t to = row > 0 ? position_on(e, width, row - 1, col) : SIZE_MAX;
  e->cur = to == SIZE_MAX ? 0 : to;
}

void
le_down(lineedit *e, int width)
{
  int row, col;
  cursor_at(e, width, &row, &col);
  size_t to = position_on(e, width, row + 1, col);
  e->cur = to == SIZE_MAX ? e->len : to;
}
