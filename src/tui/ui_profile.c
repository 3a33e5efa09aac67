/* ui_profile: the respondent profile form (organisation, sector, respondent,
 * role, and the questionnaire's scope questions: does the organisation
 * operate control systems, ...).  It opens first on a new answers file
 * and any time with p; every field may stay empty, and a scope question
 * not answered leaves every question in scope.  The sector is chosen from the questionnaire's
 * list, so reports can name it in either language.  The form leads on:
 * typing starts editing the selected field, Enter saves and goes to the
 * next one, and the last row is the way on to the questions.
 *
 * On the form a printable character is always text, as in a web form:
 * it starts editing the selected field (on the sector, it searches the
 * list: "wat" or 水道 finds Water), never runs a command; the form's
 * commands are keys that are not text (Esc, F1, arrows, Enter). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

/* The screen's state, created and freed through the screen table. */
typedef struct pf_state
{
  int sel;                    /* the selected row: a field, then a scope question
                                 (ANS_FORM_FIELDS + k); the last: "go on" */
  bool picking;               /* choosing a sector */
  size_t pick;                /* the sector list's selection; 0 is none */
  char query[64];             /* typed to search the sector list */
  bool no_match;              /* nothing matches the query: Enter chooses nothing */
  bool new_file;              /* opened first on a new file */
} pf_state;


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
  pf_state *st = ui_state(u, SCR_PROFILE);
  return st->sel >= ANS_FORM_FIELDS && st->sel < go_row(u);
}

/* Answer the selected scope question, and say what it leaves out. */
static void
set_scope(ui *u, enum ans_scope v)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  assessment *a = u->s->a;
  undo_remember_scope(u, (size_t) (st->sel - ANS_FORM_FIELDS));
  ans_set_scope(a, u->s->qn->scopes[st->sel - ANS_FORM_FIELDS].id, v);
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
  pf_state *st = ui_state(u, SCR_PROFILE);
  const questionnaire *q = u->s->qn;
  int rows = LINES - 3 - y0;
  size_t n = q->nsectors + 1;
  size_t top = st->pick >= (size_t) rows ? st->pick - (size_t) rows + 1 : 0;
  for (int i = 0; i < rows && top + (size_t) i < n; i++)
    {
      size_t k = top + (size_t) i;
      attr_t a = k == st->pick ? ud_attr(u, UC_SELECT) : A_NORMAL;
      move(y0 + i, 0);
      clrtoeol();
      attron(a);
      mvhline(y0 + i, 4, ' ', COLS - 8);
      attroff(a);
      /* Entry 0 clears the sector. */
      ud_text(y0 + i, 5, COLS - 10, k == 0 ? _("(none)") : qn_tr(&q->sectors[k - 1].name, i18n_lang()), a);
      if (k == st->pick)
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
  pf_state *st = ui_state(u, SCR_PROFILE);
  ud_titlebar(u, _("Respondent profile"), NULL);
  ud_wrapped(2, 2, COLS - 4, 1, _("Every field may be left empty and edited later with p."), ud_attr(u, UC_DIM));
  int lw = label_width();
  for (int f = 0; f < ANS_FORM_FIELDS; f++)
    {
      int y = row_of(u, f);
      attr_t a = f == st->sel && !ed_active(u) ? ud_attr(u, UC_SELECT) : A_NORMAL;
      ud_text(y, 2, lw, ans_field_name((enum ans_field) f), A_BOLD);
      const char *v = ans_profile_shown(u->s->qn, u->s->a, (enum ans_field) f, i18n_lang());
      char *typed = NULL;
      if (f == ANS_SECTOR && st->picking)
        {
          /* TRANSLATORS: the sector field while its list is open: what
             was typed to search it, or how to search. */
          typed = st->query[0] ? xasprintf(_("search: %s_"), st->query) : xstrdup(_("type to search the list"));
          v = typed;
          a = A_UNDERLINE;
        }
      attron(a);
      mvhline(y, 2 + lw + 2, ' ', COLS - lw - 6);
      attroff(a);
      ud_text(y, 2 + lw + 2, COLS - lw - 6, v ? v : "", a);
      free(typed);
      if (f == st->sel && !ed_active(u))
        {
          mvaddch(y, 0, '>');
          ud_focus(y, 0);
        }
    }
  /* The way on, as a row of its own, selected like a field. */
  /* TRANSLATORS: the last row of the profile form; Enter on it opens the
     questions. */
  char *go = xasprintf("[ %s ]", _("Go on to the questions"));
  attr_t ga = st->sel == go_row(u) && !ed_active(u) ? ud_attr(u, UC_SELECT) | A_BOLD : A_BOLD;
  ud_text(row_of(u, go_row(u)), 2 + lw + 2, COLS - lw - 6, go, ga);
  if (st->sel == go_row(u) && !ed_active(u))
    {
      mvaddch(row_of(u, go_row(u)), 0, '>');
      ud_focus(row_of(u, go_row(u)), 0);
    }
  free(go);
  draw_scopes(u);
  if (st->picking)
    draw_picker(u, row_of(u, ANS_SECTOR) + 1);
  ud_status(u);
  if (ed_active(u) == ED_PROFILE)
    ed_draw(u, row_of(u, st->sel), lw, 1);
  /* TRANSLATORS: key hints of the profile form; the first three are
     kept at any width.  Letters and ? are text on the form, so its help
     is F1. */
  const char *keys[] = { _("F1 help"), _("Esc done"), _("Enter edit, then next"), _("type to edit"),
                         _("Up/Down move") };
  /* TRANSLATORS: key hints while the sector list is open. */
  const char *pkeys[] = { _("F1 help"), _("Esc cancel"), _("Enter choose"), _("type to search"),
                          _("Up/Down move") };
  if (st->picking)
    ud_keybar(u, pkeys, sizeof pkeys / sizeof pkeys[0]);
  else
    ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

static void
draw_scopes(ui *u)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
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
      attr_t a = f == st->sel && !ed_active(u) ? ud_attr(u, UC_SELECT) : A_NORMAL;
      enum ans_scope v = ans_scope_of(u->s->a, k);
      attron(a);
      mvhline(y, 2, ' ', COLS - 4);
      attroff(a);
      ud_text(y, 2, aw, ans_scope_name(v), a | (v == ANS_SCOPE_UNSET ? ud_attr(u, UC_DIM) : A_BOLD));
      char *t = txt_ellipsize(qn_tr(&q->scopes[k].text, i18n_lang()), COLS - aw - 7);
      ud_text(y, 2 + aw + 2, COLS - aw - 6, t, a);
      free(t);
      /* The mark and the cursor on the focus, as on the fields. */
      if (f == st->sel && !ed_active(u))
        {
          mvaddch(y, 0, '>');
          ud_focus(y, 0);
        }
    }
}

static void
close_form(ui *u)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  ui_back(u);
  if (st->new_file)
    {
      st->new_file = false;
      ui_set_msg(u, false, "%s", _("Choose an item with Enter, or press Tab for the first unanswered question."));
    }
}

/* Whether sector k (0: none) is named by the folded query. */
static bool
sector_matches(const ui *u, size_t k, const char *q)
{
  if (k == 0)
    return false;
  const qn_sector *sec = &u->s->qn->sectors[k - 1];
  const char *names[] = { sec->id, qn_tr(&sec->name, LANG_JA), qn_tr(&sec->name, LANG_EN) };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (names[i])
      {
        char *f = txt_fold(names[i]);
        bool hit = strstr(f, q) != NULL;
        free(f);
        if (hit)
          return true;
      }
  return false;
}

/* The list's selection goes to the first sector the query names. */
static void
search_sectors(ui *u)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  if (!st->query[0])
    {
      st->no_match = false;
      return;
    }
  char *q = txt_fold(st->query);
  st->no_match = true;
  for (size_t k = 1; k <= u->s->qn->nsectors; k++)
    if (sector_matches(u, k, q))
      {
        st->pick = k;
        st->no_match = false;
        break;
      }
  free(q);
  if (st->no_match)
    /* TRANSLATORS: typed in the sector list, which has no such sector. */
    ui_set_msg(u, true, _("No sector matches \"%s\": Backspace corrects it, Up/Down choose from the list."), st->query);
}

/* A character typed in the sector list: added to the search. */
static void
pick_type(ui *u, uint32_t c)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  size_t n = strlen(st->query);
  if (n + 5 > sizeof st->query)
    return;
  n += (size_t) txt_encode(st->query + n, c);
  st->query[n] = '\0';
  search_sectors(u);
}

static void
pick_key(ui *u, ui_key k)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  size_t n = u->s->qn->nsectors + 1, page = LINES > 12 ? (size_t) LINES - 12 : 1;
  enum ui_act a = uk_action(KS_PICKER, k);
  if (a == A_UP || a == A_DOWN || a == A_PGUP || a == A_PGDN || a == A_HOME || a == A_END)
    {
      ui_list_move(a, &st->pick, n, page);
      st->query[0] = '\0';
      st->no_match = false;
      return;
    }
  switch (a)
    {
    case A_ED_BACKSPACE:
      {
        /* The last character of the search goes. */
        size_t len = strlen(st->query);
        while (len > 0 && ((unsigned char) st->query[len - 1] & 0xC0) == 0x80)
          len--;
        if (len > 0)
          len--;
        st->query[len] = '\0';
        search_sectors(u);
        break;
      }
    case A_OPEN:
      if (st->no_match)
        {
          search_sectors(u);
          break;
        }
      undo_remember_profile(u, ANS_SECTOR);
      ans_set_profile(u->s->a, ANS_SECTOR, st->pick ? u->s->qn->sectors[st->pick - 1].id : NULL);
      ui_changed(u);
      st->picking = false;
      st->sel++;
      break;
    case A_BACK: st->picking = false; break;
    default:
      if (!k.fn && k.ch >= 0x20 && k.ch != UI_DEL)
        pick_type(u, (uint32_t) k.ch);
      break;
    }
}

static void
field_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  if (how != ED_CANCEL && changed)
    {
      undo_remember_profile(u, (enum ans_field) st->sel);
      ans_set_profile(u->s->a, (enum ans_field) st->sel, text);
      ui_changed(u);
    }
  if (how == ED_SAVE && st->sel < go_row(u))
    st->sel++;
}

/* Enter on the last row: on to the questions (the first unanswered one
 * for a new file, else the one the respondent was at). */
static void
go_on(ui *u)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  bool first = st->new_file;
  st->new_file = false;
  if (first)
    search_next_open(u, 0);
  else
    ui_open_question(u, u->pos, SCR_COUNT);
}

static void
open_field(ui *u)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  if (st->sel == go_row(u))
    go_on(u);
  else if (on_scope(u))
    {
      /* Round: not answered, yes, no. */
      enum ans_scope v = ans_scope_of(u->s->a, (size_t) (st->sel - ANS_FORM_FIELDS));
      set_scope(u, (enum ans_scope) ((v + 1) % ANS_SCOPE_COUNT));
    }
  else if (st->sel == ANS_SECTOR)
    {
      st->picking = true;
      st->pick = 0;
      st->query[0] = '\0';
      st->no_match = false;
      const char *cur = u->s->a->profile[ANS_SECTOR];
      for (size_t i = 0; cur && i < u->s->qn->nsectors; i++)
        if (u->s->qn->sectors[i].id == cur || strcmp(u->s->qn->sectors[i].id, cur) == 0)
          st->pick = i + 1;
    }
  else
    ed_start(u, ED_PROFILE, ans_field_name((enum ans_field) st->sel), u->s->a->profile[st->sel], field_done);
}

static bool
pf_key(ui *u, ui_key k, enum ui_act a)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  if (st->picking)
    {
      pick_key(u, k);
      return true;
    }
  switch (a)
    {
    case A_UP: if (st->sel > 0) st->sel--; return true;
    case A_DOWN: if (st->sel < go_row(u)) st->sel++; return true;
    case A_OPEN: open_field(u); return true;
    case A_BACK:
      close_form(u);
      return true;
    default:
      break;
    }
  /* A scope question is no text field: y and n answer it, Space goes
   * round its answers. */
  if (on_scope(u) && !k.fn && (k.ch == 'y' || k.ch == 'Y' || k.ch == 'n' || k.ch == 'N' || k.ch == ' '))
    {
      if (k.ch == ' ')
        open_field(u);
      else
        set_scope(u, k.ch == 'y' || k.ch == 'Y' ? ANS_SCOPE_YES : ANS_SCOPE_NO);
      return true;
    }
  /* A printable character is text: it starts editing the selected
   * field with what was typed (the sector list searches for it), and is
   * never a command. */
  if (!k.fn && k.ch >= 0x20 && k.ch != UI_DEL)
    {
      if (on_scope(u))
        ui_set_msg(u, false, "%s", _("y or n answers this question; Space goes round yes, no and not answered."));
      else if (st->sel >= ANS_FORM_FIELDS)
        ui_set_msg(u, false, "%s", _("Enter goes on to the questions; Up selects a field to type in."));
      else
        {
          open_field(u);
          if (st->picking)
            pick_type(u, (uint32_t) k.ch);
          else if (ed_active(u) == ED_PROFILE)
            ed_key(u, k);
        }
      return true;
    }
  return false;
}

/* Opened, as the first screen of a new file when arg->fresh. */
static void
pf_open(ui *u, const ui_arg *arg)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  (void) u;
  if (arg && arg->fresh)
    st->new_file = true;
  st->sel = 0;
  st->picking = false;
  st->query[0] = '\0';
}

static bool
pf_modal(const ui *u)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  (void) u;
  return st->picking;
}

/* A click on a field (or the last row) selects it; on the selected one,
 * opens it as Enter does. */
static void
pf_click(ui *u, int y, int x)
{
  pf_state *st = ui_state(u, SCR_PROFILE);
  (void) x;
  if (st->picking)
    return;
  for (int f = 0; f <= go_row(u); f++)
    if (y == row_of(u, f))
      {
        if (f == st->sel)
          open_field(u);
        else
          st->sel = f;
      }
}

const ui_screen profile_screen = { .scope = KS_PROFILE, .state_size = sizeof(pf_state), .open = pf_open,
                                   .draw = pf_draw, .key = pf_key, .modal = pf_modal, .esc = SCR_COUNT,
                                   .click = pf_click };
