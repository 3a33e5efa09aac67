/* ui_profile: the respondent profile form (organisation, sector, respondent,
 * role, and the questionnaire's scope questions: does the organisation
 * operate control systems, ...).  It opens first on a new answers file
 * and any time with p; every field may stay empty, and a scope question
 * not answered leaves every question in scope.  The sector is chosen from the questionnaire's
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

static int sel;               /* the selected row: a field, then a scope question
                                 (ANS_FORM_FIELDS + k); the last: "go on" */
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
nscopes(const ui *u)
{
  return (int) u->s->qn->nscopes;
}

/* The last row, the way on. */
static int
go_row(const ui *u)
{
  return ANS_FORM_FIELDS + nscopes(u);
}

/* The screen row of row f: fields two rows apart, or one when the scope
 * questions would not fit so; the scope questions one row apart under a
 * heading; the way on after a blank row. */
static int
row_of(const ui *u, int f)
{
  int n = nscopes(u), step = 2;
  if (n && 4 + 2 * ANS_FORM_FIELDS + 1 + n + 1 > LINES - 4)
    step = 1;
  if (f < ANS_FORM_FIELDS)
    return 4 + step * f;
  if (!n)
    return 4 + step * f;
  int head = 4 + step * ANS_FORM_FIELDS;
  if (f < ANS_FORM_FIELDS + n)
    return head + 1 + (f - ANS_FORM_FIELDS);
  return head + 1 + n + 1;
}

static bool
on_scope(const ui *u)
{
  return sel >= ANS_FORM_FIELDS && sel < go_row(u);
}

/* Answer the selected scope question, and say what it leaves out. */
static void
set_scope(ui *u, enum ans_scope v)
{
  assessment *a = u->s->a;
  qv_remember_scope(u, (size_t) (sel - ANS_FORM_FIELDS));
  ans_set_scope(a, u->s->qn->scopes[sel - ANS_FORM_FIELDS].id, v);
  ui_changed(u);
  size_t out = 0;
  for (size_t i = 0; i < u->s->qn->nquestions; i++)
    out += !ans_in_scope(a, i);
  /* TRANSLATORS: said on the profile form after a scope answer. */
  ui_set_msg(u, false, ngettext("%zu question is out of scope now; answers typed on it are kept.",
                                "%zu questions are out of scope now; answers typed on them are kept.", out),
             out);
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

static void draw_scopes(ui *u);

static void
pf_draw(ui *u)
{
  ud_titlebar(u, _("Respondent profile"), NULL);
  ud_wrapped(2, 2, COLS - 4, 1, _("Every field may be left empty and edited later with p."), ud_attr(u, UC_DIM));
  int lw = label_width();
  for (int f = 0; f < ANS_FORM_FIELDS; f++)
    {
      int y = row_of(u, f);
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
  attr_t ga = sel == go_row(u) && !ed_active() ? ud_attr(u, UC_SELECT) | A_BOLD : A_BOLD;
  ud_text(row_of(u, go_row(u)), 2 + lw + 2, COLS - lw - 6, go, ga);
  if (sel == go_row(u) && !ed_active())
    {
      mvaddch(row_of(u, go_row(u)), 0, '>');
      ud_focus(row_of(u, go_row(u)), 0);
    }
  free(go);
  draw_scopes(u);
  if (picking)
    draw_picker(u, row_of(u, ANS_SECTOR) + 1);
  ud_status(u);
  if (ed_active() == ED_PROFILE)
    ed_draw(u, row_of(u, sel), lw, 1);
  /* TRANSLATORS: key hints of the profile form. */
  const char *keys[] = { _("? help"), _("Up/Down select"), _("Enter edit, then next"), _("type to edit"),
                         _("Esc done") };
  ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

static void
draw_scopes(ui *u)
{
  const questionnaire *q = u->s->qn;
  if (!q->nscopes)
    return;
  /* TRANSLATORS: heading of the scope questions on the profile form. */
  ud_text(row_of(u, ANS_FORM_FIELDS) - 1, 2, COLS - 4,
          _("Scope: y yes, n no; questions that do not apply leave the figures"), A_BOLD);
  int aw = 0;
  for (int v = 0; v < ANS_SCOPE_COUNT; v++)
    if (txt_width(ans_scope_name((enum ans_scope) v)) > aw)
      aw = txt_width(ans_scope_name((enum ans_scope) v));
  for (size_t k = 0; k < q->nscopes; k++)
    {
      int f = ANS_FORM_FIELDS + (int) k, y = row_of(u, f);
      attr_t a = f == sel && !ed_active() ? ud_attr(u, UC_SELECT) : A_NORMAL;
      enum ans_scope v = ans_scope_of(u->s->a, k);
      attron(a);
      mvhline(y, 2, ' ', COLS - 4);
      attroff(a);
      ud_text(y, 2, aw, ans_scope_name(v), a | (v == ANS_SCOPE_UNSET ? ud_attr(u, UC_DIM) : A_BOLD));
      char *t = txt_ellipsize(qn_tr(&q->scopes[k].text, i18n_lang()), COLS - aw - 7);
      ud_text(y, 2 + aw + 2, COLS - aw - 6, t, a);
      free(t);
      /* The mark and the cursor on the focus, as on the fields. */
      if (f == sel && !ed_active())
        {
          mvaddch(y, 0, '>');
          ud_focus(y, 0);
        }
    }
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
  if (how == ED_SAVE && sel < go_row(u))
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
  if (sel == go_row(u))
    go_on(u);
  else if (on_scope(u))
    {
      /* Round: not answered, yes, no. */
      enum ans_scope v = ans_scope_of(u->s->a, (size_t) (sel - ANS_FORM_FIELDS));
      set_scope(u, (enum ans_scope) ((v + 1) % ANS_SCOPE_COUNT));
    }
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
    case A_DOWN: if (sel < go_row(u)) sel++; return true;
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
  if (on_scope(u) && !k.fn && (k.ch == 'y' || k.ch == 'Y' || k.ch == 'n' || k.ch == 'N' || k.ch == ' '))
    {
      if (k.ch == ' ')
        open_field(u);
      else
        set_scope(u, k.ch == 'y' || k.ch == 'Y' ? ANS_SCOPE_YES : ANS_SCOPE_NO);
      return true;
    }
  if (!k.fn && k.ch >= 0x20 && k.ch != UI_DEL && uk_action(KS_GLOBAL, k) == A_NONE && sel < ANS_FORM_FIELDS)
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
  for (int f = 0; f <= go_row(u); f++)
    if (y == row_of(u, f))
      {
        if (f == sel)
          open_field(u);
        else
          sel = f;
      }
}

const ui_screen pf_screen = { KS_PROFILE, pf_open, pf_draw, pf_key, NULL, pf_modal, SCR_COUNT, pf_click };
