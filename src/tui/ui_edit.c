/* ui_edit: the line editor as it appears on screen: the note, the
 * evidence reference, a profile field or the search string.  The editing
 * itself is lineedit's; this file draws the visible part where the screen
 * that opened it says, and tells that screen how the edit ended (the
 * screen stores the text; only a change is stored).
 *
 * The note and the evidence keep line breaks and tabs (shown as marks;
 * Ctrl-J or Alt-Enter adds a line break).  A paste goes into the field
 * whole.  Enter with more keys right behind it is a pasted line break,
 * not the end of the edit; and keys arriving in a burst with the end of
 * an edit are dropped, so a paste can never answer a question. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

/* Longest texts accepted, in characters. */
#define NOTE_MAX 4000
#define FIELD_MAX 400

/* The session's one editor: made at the first edit, freed as the
 * session ends. */
struct ui_editor
{
  enum ui_edit what;          /* ED_NONE: no edit open */
  lineedit le;
  char *orig;                 /* the text the editor opened with */
  const char *label;
  ed_done_fn *on_done;
  int cur_y, cur_x;           /* the cursor; cur_y < 0: not drawn yet */
  int flow_w;                 /* columns of the rows a text is shown on; 0: one row */
  bool asking;                /* Esc on a changed text: discard it? */
  bool asked;                 /* asked before in this edit: Esc now discards */
  const char *required;       /* why the text may not be blank, or NULL */
};

void
ed_start(ui *u, enum ui_edit field, const char *lbl, const char *text, ed_done_fn *done)
{
  if (!u->ed)
    u->ed = xcalloc(1, sizeof *u->ed);
  struct ui_editor *E = u->ed;
  le_free(&E->le);
  /* The plan's action, like the note, may run to several lines
   * (kijun-answers(5)). */
  bool multi = field == ED_NOTE || field == ED_EVIDENCE || field == ED_PLAN_ACTION;
  unsigned flags = (multi ? LE_MULTILINE : 0) | (i18n_utf8() ? 0 : LE_ASCII);
  le_init(&E->le, text, field == ED_NOTE || field == ED_PLAN_ACTION ? NOTE_MAX : FIELD_MAX, flags);
  free(E->orig);
  E->orig = xstrdup(text ? text : "");
  E->what = field;
  E->label = lbl;
  E->on_done = done;
  E->cur_y = -1;
  E->asking = false;
  E->asked = false;
  E->required = NULL;
}

void
ed_require(ui *u, const char *why)
{
  if (u->ed)
    u->ed->required = why;
}

static bool
blank(const lineedit *e)
{
  for (size_t i = 0; i < e->len; i++)
    if (e->cp[i] != ' ' && e->cp[i] != '\t' && e->cp[i] != '\n' && e->cp[i] != 0x3000)
      return false;
  return true;
}

enum ui_edit
ed_active(const ui *u)
{
  return u->ed ? u->ed->what : ED_NONE;
}

/* The edit ends: the editor holds no text. */
static void
close_edit(struct ui_editor *E)
{
  E->what = ED_NONE;
  le_free(&E->le);
  free(E->orig);
  E->orig = NULL;
  E->cur_y = -1;
}

void
ed_free(ui *u)
{
  if (!u->ed)
    return;
  close_edit(u->ed);
  free(u->ed);
  u->ed = NULL;
}

int
ed_rows(const ui *u, int width)
{
  const lineedit *le = &u->ed->le;
  int cy = 0, cx = 0;
  return ud_flow(0, 0, width, le->cp, le->len, le->flags, 0, 0, A_NORMAL, (long) le->cur, &cy, &cx);
}

/* A multi-line field in rows rows: the whole text wrapped, scrolled so
 * that the cursor's row shows; ^ and v say there is more above or below. */
static void
draw_rows(struct ui_editor *E, int y, int x, int width, int rows)
{
  const lineedit *le = &E->le;
  int cy = 0, cx = 0;
  int total = ud_flow(0, 0, width, le->cp, le->len, le->flags, 0, 0, A_NORMAL, (long) le->cur, &cy, &cx);
  int first = cy >= rows ? cy - rows + 1 : 0;
  attr_t a = A_UNDERLINE;
  for (int r = 0; r < rows; r++)
    {
      move(y + r, x);
      clrtoeol();
      attron(a);
      mvhline(y + r, x, ' ', width);
      attroff(a);
    }
  ud_flow(y, x, width, le->cp, le->len, le->flags, first, rows, a, (long) le->cur, &E->cur_y, &E->cur_x);
  E->flow_w = width;
  if (first > 0)
    mvaddch(y, x + width, '^');
  if (first + rows < total)
    mvaddch(y + rows - 1, x + width, 'v');
}

void
ed_draw(ui *u, int y, int lw, int rows)
{
  struct ui_editor *E = u->ed;
  if (lw <= 0)
    lw = txt_width(E->label);
  move(y, 0);
  clrtoeol();
  ud_text(y, 2, lw, E->label, A_BOLD);
  int x = 2 + lw + 2, width = COLS - x - 2;
  if (rows > 1 && (E->le.flags & LE_MULTILINE))
    {
      draw_rows(E, y, x, width, rows);
      return;
    }
  E->flow_w = 0;
  size_t from, to;
  int col;
  le_view(&E->le, width, &from, &to, &col);
  char *vis = le_slice(&E->le, from, to);
  attr_t a = A_UNDERLINE;
  attron(a);
  mvhline(y, x, ' ', width);
  attroff(a);
  ud_marked(y, x, width, vis, a, E->le.flags);
  free(vis);
  /* Markers show that the text goes on beyond the field. */
  if (from > 0)
    mvaddch(y, x - 1, '<');
  if (to < E->le.len)
    mvaddch(y, x + width, '>');
  E->cur_y = y;
  E->cur_x = x + col;
}

bool
ed_cursor(const ui *u, int *y, int *x)
{
  const struct ui_editor *E = u->ed;
  if (!E || E->what == ED_NONE || E->cur_y < 0)
    return false;
  *y = E->cur_y;
  *x = E->cur_x;
  return true;
}

void
ed_finish(ui *u, enum ed_end how)
{
  struct ui_editor *E = u->ed;
  if (!E || E->what == ED_NONE)
    return;
  char *text = le_text(&E->le);
  bool changed = !E->orig || strcmp(text, E->orig) != 0;
  ed_done_fn *done = E->on_done;
  close_edit(E);
  if (done)
    done(u, how, text, changed);
  free(text);
}

/* Keys that came in one burst with the end of an edit were pasted, not
 * typed: drop them, and say so. */
static void
drop_burst(ui *u)
{
  if (!in_burst(u))
    return;
  size_t n = in_flush(u);
  ui_set_msg(u, true,
             ngettext("Ignored %zu key that came in a burst as the edit ended (a paste?).",
                      "Ignored %zu keys that came in a burst as the edit ended (a paste?).", n),
             n);
}

static void
enter(ui *u)
{
  struct ui_editor *E = u->ed;
  if ((E->le.flags & LE_MULTILINE) && in_burst(u))
    {
      /* More keys right behind: a pasted line break. */
      le_insert(&E->le, '\n');
      return;
    }
  if (E->required && blank(&E->le))
    {
      ui_set_msg(u, true, "%s", E->required);
      return;
    }
  ed_finish(u, ED_SAVE);
  drop_burst(u);
}

static void
paste(ui *u)
{
  lineedit *le = &u->ed->le;
  bool multi = le->flags & LE_MULTILINE;
  size_t n;
  bool full;
  const uint32_t *text = in_paste(&n, &full);
  /* A one-line field takes a pasted line as it is, without its end. */
  while (!multi && n > 0 && text[n - 1] == '\n')
    n--;
  for (size_t i = 0; i < n; i++)
    {
      uint32_t c = text[i];
      if (!multi && (c == '\n' || c == '\t'))
        c = ' ';
      if (!le_insert(le, c) && le->max && le->len >= le->max)
        full = true;
    }
  if (full)
    ui_set_msg(u, true, _("The paste did not fit: the field holds %zu characters; the rest was left out."),
               le->max);
}

static bool
changed_text(const struct ui_editor *E)
{
  char *text = le_text(&E->le);
  bool changed = !E->orig || strcmp(text, E->orig) != 0;
  free(text);
  return changed;
}

static void
ask(ui *u)
{
  u->ed->asking = true;
  /* TRANSLATORS: asked on the status line when Esc is pressed in an
     edited field; y, n, Esc and Enter are keys.  The second form is
     asked the second time in one edit, when Esc discards. */
  ui_set_msg(u, true, "%s", u->ed->asked ? _("Discard what you typed? y or Esc: discard   n: go on editing   Enter: save")
                                  : _("Discard what you typed? y: discard   Esc or n: go on editing   Enter: save"));
}

/* The answer to ask(): the first time, Esc goes on editing, so one Esc
 * too many never loses text; asked again in the same edit, Esc
 * discards, so Esc pressed again and again leaves (the bar says which). */
static void
answer_ask(ui *u, ui_key k)
{
  struct ui_editor *E = u->ed;
  E->asking = false;
  uint32_t c = k.fn ? 0 : txt_halfwidth((uint32_t) k.ch);
  enum ui_act a = uk_action(KS_EDIT, k);
  bool again = E->asked;
  if (c == 'y' || c == 'Y' || (a == A_ED_CANCEL && again))
    {
      ed_finish(u, ED_CANCEL);
      drop_burst(u);
    }
  else if (a == A_ED_SAVE)
    enter(u);
  E->asked = true;
}

void
ed_keybar(ui *u)
{
  const struct ui_editor *E = u->ed;
  if (E->asking)
    {
      const char *first[] = { _("y discard"), _("Esc go on editing"), _("Enter save") };
      const char *again[] = { _("Esc discard"), _("n go on editing"), _("Enter save") };
      const char *const *keys = E->asked ? again : first;
      ud_keybar(u, keys, 3);
      return;
    }
  /* TRANSLATORS: key hints while a text is edited, in 80 columns;
     items that do not fit are dropped from the end. */
  const char *multi[] = { _("Enter save"), _("Esc cancel"), _("^J line break"), _("^U ^K delete to start/end"),
                          _("Home End") };
  const char *one[] = { _("Enter save"), _("Esc cancel"), _("^U ^K delete to start/end"), _("Home End") };
  const char *find[] = { _("Enter go"), _("Esc cancel"), _("^U ^K delete to start/end") };
  if (E->what == ED_SEARCH)
    ud_keybar(u, find, sizeof find / sizeof find[0]);
  else if (E->le.flags & LE_MULTILINE)
    ud_keybar(u, multi, sizeof multi / sizeof multi[0]);
  else
    ud_keybar(u, one, sizeof one / sizeof one[0]);
}

void
ed_key(ui *u, ui_key k)
{
  struct ui_editor *E = u->ed;
  lineedit *le = &E->le;
  if (E->asking)
    {
      answer_ask(u, k);
      return;
    }
  switch (uk_action(KS_EDIT, k))
    {
    case A_ED_LEFT: le_left(le); break;
    case A_ED_RIGHT: le_right(le); break;
    case A_ED_HOME: le_home(le); break;
    case A_ED_END: le_end(le); break;
    /* On one row, a row up is the start and a row down the end. */
    case A_ED_UP: E->flow_w ? le_up(le, E->flow_w) : le_home(le); break;
    case A_ED_DOWN: E->flow_w ? le_down(le, E->flow_w) : le_end(le); break;
    case A_ED_BACKSPACE: le_backspace(le); break;
    case A_ED_DELETE: le_delete(le); break;
    case A_ED_KILL_START: le_kill_start(le); break;
    case A_ED_KILL_END: le_kill_end(le); break;
    case A_ED_TAB: le_insert(le, '\t'); break;
    case A_ED_PASTE: paste(u); break;
    case A_ED_SAVE: enter(u); break;
    case A_ED_NEWLINE:
      /* Ctrl-J saves a one-line field; Alt-Enter does nothing there. */
      if (le->flags & LE_MULTILINE)
        le_insert(le, '\n');
      else if (!k.fn)
        enter(u);
      break;
    case A_ED_CANCEL:
      /* A search is not the respondent's text: it goes at once. */
      if (E->what != ED_SEARCH && changed_text(E))
        {
          ask(u);
          break;
        }
      ed_finish(u, ED_CANCEL);
      drop_burst(u);
      break;
    default:
      if (!k.fn)
        le_insert(le, (uint32_t) k.ch);
      break;
    }
}
