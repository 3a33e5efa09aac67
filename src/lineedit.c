/* lineedit: a one-line editor's buffer and cursor.  See lineedit.h. */
#include <config.h>
#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

void
le_init(lineedit *e, const char *utf8, size_t max)
{
  *e = (lineedit){ 0 };
  e->max = max;
  size_t n = utf8 ? strlen(utf8) : 0;
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      i += (size_t) txt_decode(utf8 + i, n - i, &cp);
      /* A stored newline cannot be edited on one line; it shows as a
       * space and is saved as one. */
      if (cp == '\n' || cp == '\t')
        cp = ' ';
      if (cp != TXT_INVALID && cp >= 0x20)
        {
          e->cp = xgrow(e->cp, &e->cap, e->len + 1, sizeof *e->cp);
          e->cp[e->len++] = cp;
        }
    }
  e->cur = e->len;
}

void
le_free(lineedit *e)
{
  free(e->cp);
  *e = (lineedit){ 0 };
}

bool
le_insert(lineedit *e, uint32_t cp)
{
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF
      || (cp >= 0xD800 && cp <= 0xDFFF) || (e->max && e->len >= e->max))
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
  memmove(e->cp, e->cp + e->cur, (e->len - e->cur) * sizeof *e->cp);
  e->len -= e->cur;
  e->cur = 0;
}

void
le_kill_end(lineedit *e)
{
  e->len = e->cur;
}

static size_t
put_utf8(char *out, uint32_t c)
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

char *
le_slice(const lineedit *e, size_t from, size_t to)
{
  char *s = xmalloc((to - from) * 4 + 1), *p = s;
  for (size_t i = from; i < to; i++)
    p += put_utf8(p, e->cp[i]);
  *p = '\0';
  return s;
}

char *
le_text(const lineedit *e)
{
  return le_slice(e, 0, e->len);
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
    w += txt_cwidth(e->cp[i]);
  while (w > room && e->first < e->cur)
    w -= txt_cwidth(e->cp[e->first++]);
  *from = e->first;
  *col = w;
  size_t i = e->cur;
  int used = w;
  while (i < e->len && used + txt_cwidth(e->cp[i]) <= room)
    used += txt_cwidth(e->cp[i++]);
  *to = i;
}
