/* ui_edit: the one-line editor as it appears on screen: the note, the
 * evidence reference, a profile field or the search string.  The editing
 * itself is lineedit's; this file decides where the field is, draws the
 * visible part and stores the result, and only a change is stored.
 *
 * The note and the evidence keep line breaks and tabs (shown as marks;
 * Ctrl-J or Alt-Enter adds a line break).  A paste goes into the field
 * whole.  Enter with more keys right behind it is a pasted line break,
 * not the end of the edit; and keys arriving in a burst with the end of
 * an edit are dropped, so a paste can never answer a question. */
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
    case ED_PLAN: return ans_plan_name((enum ans_plan) u->plan_field);
    default: return "";
    }
}

static int
row_of(const ui *u)
{
  switch (u->ed)
    {
    case ED_NOTE: case ED_EVIDENCE: case ED_PLAN: return qv_edit_row(u, u->ed);
    case ED_SEARCH: return LINES - 2;
    case ED_PROFILE: return 4 + 2 * u->pf_sel;
    default: return 0;
    }
}

void
ed_start(ui *u, enum ui_edit what, const char *text)
{
  le_free(&u->le);
  /* The action, like the note, may run to several lines (kijun-answers(5)). */
  bool action = what == ED_PLAN && u->plan_field == ANS_PLAN_ACTION;
  unsigned flags = (what == ED_NOTE || what == ED_EVIDENCE || action ? LE_MULTILINE : 0)
                   | (i18n_utf8() ? 0 : LE_ASCII);
  le_init(&u->le, text, what == ED_NOTE || action ? NOTE_MAX : FIELD_MAX, flags);
  free(u->ed_orig);
  u->ed_orig = xstrdup(text ? text : "");
  u->ed = what;
}

static void
ed_close(ui *u)
{
  u->ed = ED_NONE;
  le_free(&u->le);
  free(u->ed_orig);
  u->ed_orig = NULL;
}

void
ed_draw(ui *u)
{
  int y = row_of(u);
  const char *label = label_of(u);
  int lw = txt_width(label);
  /* Line the field up with the labels around it, as drawn by the screen. */
  if (u->ed == ED_NOTE || u->ed == ED_EVIDENCE || u->ed == ED_PLAN)
    lw = qv_label_width();
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
  ud_marked(y, x, width, vis, a, u->le.flags);
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
  /* Opening and closing a field changes nothing, not even the time of
   * the answer. */
  bool same = u->ed_orig && strcmp(text, u->ed_orig) == 0;
  ed_close(u);
  size_t qi = u->s->qn->order[u->pos];
  switch (same && what != ED_SEARCH ? ED_NONE : what)
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
    case ED_PLAN:
      if (*text && ans_plan_is_date((enum ans_plan) u->plan_field) && !ans_valid_date(text))
        {
          /* Keep the text and the field: the date is to be corrected. */
          ui_set_msg(u, true, _("\"%s\" is not a date; write YYYY-MM-DD, such as 2027-03-31, or "
                                "press Esc."), text);
          ed_start(u, ED_PLAN, text);
          free(text);
          return;
        }
      ans_set_plan(u->s->a, qi, (enum ans_plan) u->plan_field, text);
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
  if (what == ED_PLAN && u->plan_field + 1 < ANS_PLAN_COUNT)
    {
      qv_edit_plan(u, u->plan_field + 1);
      return;
    }
  if (what == ED_NOTE && u->advance_after_edit)
    {
      u->advance_after_edit = false;
      if (u->pos + 1 < u->s->qn->nquestions)
        u->pos++;
    }
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
  if ((u->le.flags & LE_MULTILINE) && in_burst(u))
    {
      /* More keys right behind: a pasted line break. */
      le_insert(&u->le, '\n');
      return;
    }
  ed_commit(u);
  drop_burst(u);
}

static void
paste(ui *u)
{
  lineedit *e = &u->le;
  bool multi = e->flags & LE_MULTILINE;
  size_t n = u->npaste;
  /* A one-line field takes a pasted line as it is, without its end. */
  while (!multi && n > 0 && u->paste[n - 1] == '\n')
    n--;
  bool full = u->paste_cut;
  for (size_t i = 0; i < n; i++)
    {
      uint32_t c = u->paste[i];
      if (!multi && (c == '\n' || c == '\t'))
        c = ' ';
      if (!le_insert(e, c) && e->max && e->len >= e->max)
        full = true;
    }
  if (full)
    ui_set_msg(u, true, _("The paste did not fit: the field holds %zu characters; the rest was left out."),
               e->max);
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
        case KEY_ENTER: enter(u); break;
        case UI_KEY_NEWLINE: le_insert(e, '\n'); break;
        case UI_KEY_PASTE: paste(u); break;
        default: break;
        }
      return;
    }
  switch (k.ch)
    {
    case '\r': enter(u); break;
    case '\n':                           /* Ctrl-J */
      if (e->flags & LE_MULTILINE)
        le_insert(e, '\n');
      else
        enter(u);
      break;
    case '\t': le_insert(e, '\t'); break;
    case 27:
      u->advance_after_edit = false;
      ed_close(u);
      drop_burst(u);
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
