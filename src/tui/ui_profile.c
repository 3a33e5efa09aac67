/* ui_profile: the respondent profile form (organisation, sector, respondent,
 * role).  It opens first on a new answers file and any time with p; every
 * field may stay empty.  The sector is chosen from the questionnaire's
 * list, so reports can name it in either language.  The form leads on:
 * typing starts editing the selected field, Enter saves and goes to the
 * next one, and the last row is the way on to the questions. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

static int sel;               /* the selected field; ANS_FORM_FIELDS: "go on" */
static bool picking;          /* choosing a sector */
static size_t pick;           /* the sector list's selection; 0 is none */
static bool new_file;         /* opened first on a new file */

void
pf_start_new(ui *u)
{
  new_file = true;
  ui_goto(u, SCR_OVERVIEW);
  ui_push(u, SCR_PROFILE);
}

/* The widest field label, which the values line up after. */
static int
label_width(void)
{
  int lw = 0;
  for (int f = 0; f < ANS_FORM_FIELDS; f++)
    if (txt_width(ans_field_name((enum ans_field) f)) > lw)
      lw = txt_width(ans_field_name((enum ans_field) f));
  return lw;
}

static int
row_of(int f)
{
  return 4 + 2 * f;
}

static void
draw_picker(ui *u, int y0)
{
  const questionnaire *q = u->s->qn;
  int rows = LINES - 3 - y0;
  size_t n = q->nsectors + 1;
  size_t top = pick >= (size_t) rows ? pick - (size_t) rows + 1 : 0;
  for (int i = 0; i < rows && top + (size_t) i < n; i++)
    {
      size_t k = top + (size_t) i;
      attr_t a = k == pick ? ud_attr(u, UC_SELECT) : A_NORMAL;
      move(y0 + i, 0);
      clrtoeol();
      attron(a);
      mvhline(y0 + i, 4, ' ', COLS - 8);
      attroff(a);
      /* Entry 0 clears the sector. */
      ud_text(y0 + i, 5, COLS - 10, k == 0 ? _("(none)") : qn_tr(&q->sectors[k - 1].name, i18n_lang()), a);
      if (k == pick)
        {
          mvaddch(y0 + i, 3, '>');
          ud_focus(y0 + i, 3);
        }
    }
  /* The list goes on above or below: say so. */
  if (top > 0)
    mvaddch(y0, 2, '^' | A_BOLD);
  if (top + (size_t) rows < n)
    mvaddch(y0 + rows - 1, 2, 'v' | A_BOLD);
}

static void
pf_draw(ui *u)
{
  ud_titlebar(u, _("Respondent profile"), NULL);
  ud_wrapped(2, 2, COLS - 4, 1, _("Every field may be left empty and edited later with p."), ud_attr(u, UC_DIM));
  int lw = label_width();
  for (int f = 0; f < ANS_FORM_FIELDS; f++)
    {
      int y = row_of(f);
      attr_t a = f == sel && !ed_active() ? ud_attr(u, UC_SELECT) : A_NORMAL;
      ud_text(y, 2, lw, ans_field_name((enum ans_field) f), A_BOLD);
      const char *v = ans_profile_shown(u->s->qn, u->s->a, (enum ans_field) f, i18n_lang());
      attron(a);
      mvhline(y, 2 + lw + 2, ' ', COLS - lw - 6);
      attroff(a);
      ud_text(y, 2 + lw + 2, COLS - lw - 6, v ? v : "", a);
      if (f == sel && !ed_active())
        {
          mvaddch(y, 0, '>');
          ud_focus(y, 0);
        }
    }
  /* The way on, as a row of its own, selected like a field. */
  /* TRANSLATORS: the last row of the profile form; Enter on it opens the
     questions. */
  char *go = xasprintf("[ %s ]", _("Go on to the questions"));
  attr_t ga = sel == ANS_FORM_FIELDS && !ed_active() ? ud_attr(u, UC_SELECT) | A_BOLD : A_BOLD;
  ud_text(row_of(ANS_FORM_FIELDS), 2 + lw + 2, COLS - lw - 6, go, ga);
  if (sel == ANS_FORM_FIELDS && !ed_active())
    {
      mvaddch(row_of(ANS_FORM_FIELDS), 0, '>');
      ud_focus(row_of(ANS_FORM_FIELDS), 0);
    }
  free(go);
  if (picking)
    draw_picker(u, row_of(ANS_SECTOR) + 1);
  ud_status(u);
  if (ed_active() == ED_PROFILE)
    ed_draw(u, row_of(sel), lw, 1);
  /* TRANSLATORS: key hints of the profile form. */
  const char *keys[] = { _("? help"), _("Up/Down select"), _("Enter edit, then next"), _("type to edit"),
                         _("Esc done") };
  ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

static void
close_form(ui *u)
{
  ui_back(u);
  if (new_file)
    {
      new_file = false;
      ui_set_msg(u, false, "%s", _("Choose an item with Enter, or press Tab for the first unanswered question."));
    }
}

static void
pick_key(ui *u, ui_key k)
{
  size_t n = u->s->qn->nsectors + 1;
  switch (uk_action(KS_PICKER, k))
    {
    case A_UP: if (pick > 0) pick--; break;
    case A_DOWN: if (pick + 1 < n) pick++; break;
    case A_OPEN:
      qv_remember_profile(u, ANS_SECTOR);
      ans_set_profile(u->s->a, ANS_SECTOR, pick ? u->s->qn->sectors[pick - 1].id : NULL);
      ui_changed(u);
      picking = false;
      sel++;
      break;
    case A_BACK: picking = false; break;
    default: break;
    }
}

static void
field_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  if (how != ED_CANCEL && changed)
    {
      qv_remember_profile(u, (enum ans_field) sel);
      ans_set_profile(u->s->a, (enum ans_field) sel, text);
      ui_changed(u);
    }
  if (how == ED_SAVE && sel < ANS_FORM_FIELDS)
    sel++;
}

/* Enter on the last row: on to the questions (the first unanswered one
 * for a new file, else the one the respondent was at). */
static void
go_on(ui *u)
{
  bool first = new_file;
  new_file = false;
  if (first)
    qv_next_open(u, 0);
  else
    qv_open(u, qv_pos());
}

static void
open_field(ui *u)
{
  if (sel == ANS_FORM_FIELDS)
    go_on(u);
  else if (sel == ANS_SECTOR)
    {
      picking = true;
      pick = 0;
      const char *cur = u->s->a->profile[ANS_SECTOR];
      for (size_t i = 0; cur && i < u->s->qn->nsectors; i++)
        if (u->s->qn->sectors[i].id == cur || strcmp(u->s->qn->sectors[i].id, cur) == 0)
          pick = i + 1;
    }
  else
    ed_start(u, ED_PROFILE, ans_field_name((enum ans_field) sel), u->s->a->profile[sel], field_done);
}

static bool
pf_key(ui *u, ui_key k, enum ui_act a)
{
  if (picking)
    {
      pick_key(u, k);
      return true;
    }
  switch (a)
    {
    case A_UP: if (sel > 0) sel--; return true;
    case A_DOWN: if (sel < ANS_FORM_FIELDS) sel++; return true;
    case A_OPEN: open_field(u); return true;
    case A_BACK:
      close_form(u);
      return true;
    default:
      break;
    }
  /* Typing starts editing the selected field with what was typed, but
   * for the keys that mean the same everywhere (help, summary, quit ...:
   * Esc comes back from each of them). */
  if (!k.fn && k.ch >= 0x20 && k.ch != UI_DEL && uk_action(KS_GLOBAL, k) == A_NONE && sel != ANS_FORM_FIELDS)
    {
      open_field(u);
      if (ed_active() == ED_PROFILE)
        ed_key(u, k);
      return true;
    }
  return false;
}

static void
pf_open(ui *u)
{
  (void) u;
  sel = 0;
  picking = false;
}

static bool
pf_modal(const ui *u)
{
  (void) u;
  return picking;
}

/* A click on a field (or the last row) selects it; on the selected one,
 * opens it as Enter does. */
static void
pf_click(ui *u, int y, int x)
{
  (void) x;
  if (picking)
    return;
  for (int f = 0; f <= ANS_FORM_FIELDS; f++)
    if (y == row_of(f))
      {
        if (f == sel)
          open_field(u);
        else
          sel = f;
      }
}

const ui_screen pf_screen = { KS_PROFILE, pf_open, pf_draw, pf_key, NULL, pf_modal, SCR_COUNT, pf_click };
