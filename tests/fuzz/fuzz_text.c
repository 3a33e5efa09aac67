/* Fuzz target: the text layout functions and the line editor.  The first
 * byte chooses a width; the rest is the text (any bytes). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tui/lineedit.h"
#include "base/text.h"
#include "base/xalloc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  int width = data[0] % 130;
  char *raw = xstrndup((const char *) data + 1, size - 1);
  char *s = txt_sanitize(raw, false);
  txt_line *lines;
  size_t n = txt_wrap(s, width, &lines);
  for (size_t i = 0; i < n; i++)
    {
      /* A line never exceeds the width unless one character alone does. */
      if (lines[i].off + lines[i].len > strlen(s))
        __builtin_trap();
      int w = txt_nwidth(s + lines[i].off, lines[i].len);
      if (w != lines[i].width || (w > width && w > 2))
        __builtin_trap();
    }
  free(lines);
  int used;
  size_t fit = txt_fit(s, strlen(s), width, &used);
  if (used > width || fit > strlen(s))
    __builtin_trap();
  char *e = txt_ellipsize(s, width);
  if (txt_width(e) > (width > 0 ? width : 0) && txt_width(e) > 2)
    __builtin_trap();
  free(e);

  lineedit le;
  unsigned flags = (data[0] & 1 ? LE_MULTILINE : 0) | (data[0] & 2 ? LE_ASCII : 0);
  le_init(&le, raw, 0, flags);
  /* A multi-line field gives back exactly the text a file may hold. */
  bool plain = txt_valid_utf8(raw, strlen(raw), NULL);
  for (const unsigned char *p = (const unsigned char *) raw; plain && *p; p++)
    if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F)
      plain = false;
  if (plain && (flags & LE_MULTILINE))
    {
      char *back = le_text(&le);
      if (strcmp(back, raw) != 0)
        __builtin_trap();
      free(back);
    }
  for (size_t i = 1; i < size; i++)
    switch (data[i] % 9)
      {
      case 0: le_left(&le); break;
      case 1: le_right(&le); break;
      case 2: le_backspace(&le); break;
      case 3: le_delete(&le); break;
      case 4: le_home(&le); break;
      case 5: le_end(&le); break;
      case 6: le_insert(&le, data[i] & 0x80 ? (data[i] & 1 ? '\n' : '\t') : 0x3042 + data[i]); break;
      case 7: le_kill_end(&le); break;
      default:
        {
          size_t from, to;
          int col;
          le_view(&le, width + 3, &from, &to, &col);
          if (from > to || to > le.len || col < 0 || col >= width + 3)
            __builtin_trap();
        }
      }
  char *t = le_text(&le);
  free(t);
  le_free(&le);
  free(s);
  free(raw);
  return 0;
}
