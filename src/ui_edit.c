/* ui_edit: the one-line editor as it appears on screen: the note, the
 * evidence reference, a profile field or the search string.  The editing
 * itself is lineedit's; this file decides where the field is, draws the
 * visible part and stores the result. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui_internal.h"
#include "xalloc.h"

/* Longest texts accepted, in characters. */
#define NOTE_MAX 4000
#define FIELD_MAX 400

static const char *
label_of(const ui *u)
{
  switch (u->ed)
    {
    case ED_NOTE: return _("Note");
    case ED_EVIDENCE: return _("Evidence");
    case ED_SEARCH: return _("Search");
    case ED_PROFILE: return ans_field_name((enum ans_field) u->pf_sel);
    default: return "";
    }
}

static int
row_of(const ui *u)
{
  switch (u->ed)
    {
    case ED_NOTE: return LINES - 4;
    case ED_EVIDENCE: return LINES - 3;
    case ED_SEARCH: return LINES - 2;
    case ED_PROFILE: return 4 + 2 * u->pf_sel;
    default: return 0;
    }
}

void
ed_start(ui *u, enum ui_edit what, const char *text)
{
  le_free(&u->le);
  le_init(&u->le, text, what == ED_NOTE ? NOTE_MAX : FIELD_MAX);
  u->ed = what;
}

void
ed_draw(ui *u)
{
  int y = row_of(u);
  const char *label = label_of(u);
  int lw = txt_width(label);
  /* Line the field up with the labels around it, as drawn by the screen. */
  if (u->ed == ED_NOTE || u->ed == ED_EVIDENCE)
    {
      int a = txt_width(_("Note")), b = txt_width(_("Evidence"));
      lw = a > b ? a : b;
    }
  else if (u->ed == ED_PROFILE)
    for (int f = 0; f < ANS_FORM_FIELDS; f++)
      if (txt_width(ans_field_name((enum ans_field) f)) > lw)
        lw = txt_width(ans_field_name((enum ans_field) f));
  move(y, 0);
  clrtoeol();
  ud_text(y, 2, lw, label, A_BOLD);
  int x = 2 + lw + 2, width = COLS - x - 2;
  size_t from, to;
  int col;
  le_view(&u->le, width, &from, &to, &col);
  char *vis = le_slice(&u->le, from, to);
  attr_t a = A_UNDERLINE;
  attron(a);
  mvhline(y, x, ' ', width);
  attroff(a);
  ud_text(y, x, width, vis, a);
  free(vis);
  /* Markers show that the text goes on beyond the field. */
  if (from > 0)
    mvaddch(y, x - 1, '<');
  if (to < u->le.len)
    mvaddch(y, x + width, '>');
  u->cur_y = y;
  u->cur_x = x + col;
}

void
ed_commit(ui *u)
{
  if (u->ed == ED_NONE)
    return;
  char *text = le_text(&u->le);
  enum ui_edit what = u->ed;
  u->ed = ED_NONE;
  size_t qi = u->s->qn->order[u->pos];
  switch (what)
    {
    case ED_NOTE:
      ans_set_note(u->s->a, qi, text);
      ui_changed(u);
      break;
    case ED_EVIDENCE:
      ans_set_evidence(u->s->a, qi, text);
      ui_changed(u);
      break;
    case ED_PROFILE:
      ans_set_profile(u->s->a, (enum ans_field) u->pf_sel, text);
      ui_changed(u);
      break;
    case ED_SEARCH:
      free(u->search);
      u->search = *text ? xstrdup(text) : NULL;
      if (u->search)
        qv_search(u, u->scr == SCR_QUESTION ? u->pos + 1 : 0);
      break;
    default:
      break;
    }
  free(text);
  le_free(&u->le);
  if (what == ED_NOTE && u->advance_after_edit)
    {
      u->advance_after_edit = false;
      if (u->pos + 1 < u->s->qn->nquestions)
        u->pos++;
    }
}

void
ed_key(ui *u, ui_key k)
{
  lineedit *e = &u->le;
  if (k.fn)
    {
      switch (k.ch)
        {
        case KEY_LEFT: le_left(e); break;
        case KEY_RIGHT: le_right(e); break;
        case KEY_HOME: le_home(e); break;
        case KEY_END: le_end(e); break;
        case KEY_BACKSPACE: le_backspace(e); break;
        case KEY_DC: le_delete(e); break;
        case KEY_ENTER: ed_commit(u); break;
        default: break;
        }
      return;
    }
  switch (k.ch)
    {
    case '\n': case '\r': ed_commit(u); break;
    case 27:
      u->ed = ED_NONE;
      u->advance_after_edit = false;
      le_free(e);
      break;
    case 1: le_home(e); break;            /* Ctrl-A */
    case 5: le_end(e); break;             /* Ctrl-E */
    case 2: le_left(e); break;            /* Ctrl-B */
    case 6: le_right(e); break;           /* Ctrl-F */
    case 4: le_delete(e); break;          /* Ctrl-D */
    case 8: case 127: le_backspace(e); break;
    case 21: le_kill_start(e); break;     /* Ctrl-U */
    case 11: le_kill_end(e); break;       /* Ctrl-K */
    default:
      le_insert(e, (uint32_t) k.ch);
      break;
    }
}
