/* ui_draw: drawing primitives of the interactive session.  Every string
 * from a file passes through txt_sanitize here, so nothing a questionnaire
 * or answers file contains can reach the terminal raw; and every width is
 * measured in display columns (text.h), never in bytes. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

attr_t
ud_attr(const ui *u, enum ui_color c)
{
  /* Monochrome attributes carry the meaning where there is no colour. */
  static const attr_t mono[UC_COUNT] = {
    [UC_TITLE] = A_REVERSE, [UC_SELECT] = A_REVERSE, [UC_BASELINE] = A_BOLD,
    [UC_RECOMMENDED] = A_NORMAL, [UC_ERROR] = A_BOLD, [UC_OK] = A_NORMAL, [UC_DIM] = A_NORMAL,
  };
  if (!u->color)
    return mono[c];
  attr_t extra = (c == UC_TITLE || c == UC_BASELINE || c == UC_ERROR) ? A_BOLD : A_NORMAL;
  if (c == UC_SELECT)
    return A_REVERSE;
  return COLOR_PAIR(c) | extra;
}

int
ud_text(int y, int x, int width, const char *s, attr_t a)
{
  if (width <= 0 || !s)
    return 0;
  char *clean = txt_sanitize(s, true);
  int used;
  size_t n = txt_fit(clean, strlen(clean), width, &used);
  if (n < strlen(clean) && width > 2)
    {
      /* Cut: the text ends in an ASCII mark, one column each. */
      char *cut = txt_ellipsize(clean, width);
      free(clean);
      clean = cut;
      n = txt_fit(clean, strlen(clean), width, &used);
    }
  attron(a);
  mvaddnstr(y, x, clean, (int) n);
  attroff(a);
  free(clean);
  return used;
}

int
ud_wrapped(int y, int x, int width, int maxrows, const char *s, attr_t a)
{
  return ud_wrapped_hl(y, x, width, maxrows, s, a, NULL);
}

/* One wrapped line, the part that holds the query (folded) in reverse. */
static void
hl_line(int y, int x, const char *line, size_t len, attr_t a, const char *query)
{
  size_t at, n;
  if (!query || !txt_find_folded(line, len, query, &at, &n))
    {
      mvaddnstr(y, x, line, (int) len);
      return;
    }
  mvaddnstr(y, x, line, (int) at);
  attron(A_REVERSE);
  addnstr(line + at, (int) n);
  attroff(A_REVERSE);
  attron(a);
  addnstr(line + at + n, (int) (len - at - n));
}

int
ud_wrapped_hl(int y, int x, int width, int maxrows, const char *s, attr_t a, const char *query)
{
  if (maxrows <= 0)
    return 0;
  char *clean = txt_sanitize(s, false);
  txt_line *lines;
  size_t n = txt_wrap(clean, width, &lines);
  int rows = 0;
  attron(a);
  for (size_t i = 0; i < n && rows < maxrows; i++, rows++)
    {
      const char *line = clean + lines[i].off;
      size_t len = lines[i].len;
      if (rows == maxrows - 1 && i + 1 < n)
        {
          /* The last row that fits: show that more text was cut. */
          char *part = strndup(line, len);
          char *cut = txt_ellipsize(part, width - 2);
          mvprintw(y + rows, x, "%s ..", cut);
          free(cut);
          free(part);
        }
      else
        hl_line(y + rows, x, line, len, a, query);
    }
  attroff(a);
  free(lines);
  free(clean);
  return rows;
}

/* Like ud_text, but a line break or a tab shows as the line editor's mark
 * in reverse video, so a note reads the same in the editor and out of it. */
int
ud_marked(int y, int x, int width, const char *s, attr_t a, unsigned le_flags)
{
  int used = 0;
  while (s && *s && used < width)
    {
      size_t run = strcspn(s, "\n\t");
      if (run == 0)
        {
          const char *m = le_mark((unsigned char) *s, le_flags);
          int w = txt_width(m);
          if (used + w > width)
            break;
          used += ud_text(y, x + used, w, m, a | A_REVERSE);
          s++;
          continue;
        }
      char *part = xstrndup(s, run);
      char *clean = txt_sanitize(part, true);
      int w = ud_text(y, x + used, width - used, clean, a);
      bool cut = w < txt_width(clean);
      free(clean);
      free(part);
      used += w;
      if (cut)
        break;
      s += run;
    }
  return used;
}

/* Draw code points [from, to) of cp at (y, x) in width columns, with the
 * marks of ud_marked. */
static void
flow_row(int y, int x, int width, const uint32_t *cp, size_t from, size_t to, unsigned flags, attr_t a)
{
  char *s = xmalloc((to - from) * 4 + 1), *p = s;
  for (size_t i = from; i < to; i++)
    p += txt_encode(p, cp[i]);
  *p = '\0';
  ud_marked(y, x, width, s, a, flags);
  free(s);
}

int
ud_flow(int y, int x, int width, const uint32_t *cp, size_t n, unsigned flags, int first, int maxrows, attr_t a,
        long cur, int *cy, int *cx)
{
  le_flow f;
  le_flow_start(&f, cp, n, flags, width);
  width = f.width;
  int row = 0;                /* the row being gathered */
  size_t start = 0;           /* its first code point */
  int r, c;
  while (le_flow_next(&f, &r, &c))
    {
      size_t i = f.i - 1;
      if (r != row)
        {
          if (row >= first && row < first + maxrows)
            flow_row(y + row - first, x, width, cp, start, i, flags, a);
          row = r, start = i;
        }
      if ((long) i == cur)
        {
          le_flow_cursor(&f, &r, &c);
          *cy = y + r - first;
          *cx = x + c;
        }
    }
  if (start < n && row >= first && row < first + maxrows)
    flow_row(y + row - first, x, width, cp, start, n, flags, a);
  row++;
  if (cur >= 0 && *cy - y + first >= row)
    row = *cy - y + first + 1;
  return row;
}

void
ud_flow_mark(int y, int x, int width, const uint32_t *cp, size_t n, unsigned flags, int first, int maxrows,
             size_t from, size_t to, attr_t a)
{
  le_flow f;
  le_flow_start(&f, cp, n, flags, width);
  int r, c;
  while (le_flow_next(&f, &r, &c))
    {
      size_t i = f.i - 1;
      if (i >= to || i >= n)
        break;
      if (i >= from && r >= first && r < first + maxrows)
        mvchgat(y + r - first, x + c, le_cwidth(cp[i], flags), a, 0, NULL);
    }
}

void
ud_fill(int y, attr_t a)
{
  attron(a);
  mvhline(y, 0, ' ', COLS);
  attroff(a);
}

void
ud_titlebar(const ui *u, const char *left, const char *right)
{
  attr_t a = ud_attr(u, UC_TITLE);
  ud_fill(0, a);
  int rw = right ? txt_width(right) : 0;
  char *clean = txt_sanitize(left, true);
  char *cut = txt_ellipsize(clean, COLS - rw - 3);
  ud_text(0, 1, COLS - rw - 3, cut, a);
  free(cut);
  free(clean);
  if (right)
    ud_text(0, COLS - rw - 1, rw, right, a);
}

void
ud_keybar(const ui *u, const char *const *items, size_t n)
{
  attr_t a = ud_attr(u, UC_TITLE);
  ud_fill(LINES - 1, a);
  /* Items that do not fit are dropped from the end; the first is help. */
  int x = 1;
  for (size_t i = 0; i < n; i++)
    {
      int w = txt_width(items[i]);
      if (x + w > COLS - 1)
        break;
      ud_text(LINES - 1, x, w, items[i], a);
      x += w + 2;
    }
}

void
ud_status(const ui *u)
{
  ud_status_legend(u, NULL);
}

void
ud_status_legend(const ui *u, const char *legend)
{
  int y = LINES - 2;
  move(y, 0);
  clrtoeol();
  if (u->msg[0] && u->msg_err)
    {
      /* Not in colour alone: a message that needs attention starts with
       * a mark, which reads the same in monochrome and in speech. */
      char *m = xasprintf("! %s", u->msg);
      ud_text(y, 1, COLS - 2, m, ud_attr(u, UC_ERROR));
      free(m);
    }
  else if (u->msg[0])
    ud_text(y, 1, COLS - 2, u->msg, ud_attr(u, UC_OK));
  else
    {
      int x = 1;
      if (legend)
        x += ud_text(y, x, COLS - 2, legend, A_BOLD | ud_attr(u, UC_ERROR)) + 2;
      /* TRANSLATORS: the status line names the answers file. */
      char *line = xasprintf(_("File: %s"), u->s->path);
      if (x < COLS - 2)
        ud_text(y, x, COLS - 1 - x, line, ud_attr(u, UC_DIM));
      free(line);
    }
}

void
ud_bar(int y, int x, int width, unsigned met, unsigned applicable, attr_t a)
{
  int filled = applicable ? (int) ((long) width * met / applicable) : 0;
  mvaddch(y, x, '[');
  attron(a);
  for (int i = 0; i < width; i++)
    addch(i < filled ? '#' : (applicable ? '-' : ' '));
  attroff(a);
  addch(']');
}

/* The focus of the screen drawn last (-1: none said). */
static int focus_y = -1, focus_x;

void
ud_focus(int y, int x)
{
  focus_y = y;
  focus_x = x;
}

bool
ud_focus_take(int *y, int *x)
{
  bool set = focus_y >= 0;
  *y = focus_y;
  *x = focus_x;
  focus_y = -1;
  return set;
}
