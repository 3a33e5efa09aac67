/* ui_profile: the respondent profile form (organisation, sector, respondent,
 * role).  It opens first on a new answers file and any time with p; every
 * field may stay empty.  The sector is chosen from the questionnaire's
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

static int sel;               /* the selected field; ANS_FORM_FIELDS: "go on" */
static bool picking;          /* choosing a sector */
static size_t pick;           /* the sector list's selection; 0 is none */
static char query[64];        /* typed to search the sector list */
static bool no_match;         /* nothing matches the query: Enter chooses nothing */
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
      char *typed = NULL;
      if (f == ANS_SECTOR && picking)
        {
          /* TRANSLATORS: the sector field while its list is open: what
             was typed to search it, or how to search. */
          typed = query[0] ? xasprintf(_("search: %s_"), query) : xstrdup(_("type to search the list"));
          v = typed;
          a = A_UNDERLINE;
        }
      attron(a);
      mvhline(y, 2 + lw + 2, ' ', COLS - lw - 6);
      attroff(a);
      ud_text(y, 2 + lw + 2, COLS - lw - 6, v ? v : "", a);
      free(typed);
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
  /* TRANSLATORS: key hints of the profile form; the first three are
     kept at any width.  Letters and ? are text on the form, so its help
     is F1. */
  const char *keys[] = { _("F1 help"), _("Esc done"), _("Enter edit, then next"), _("type to edit"),
                         _("Up/Down move") };
  /* TRANSLATORS: key hints while the sector list is open. */
  const char *pkeys[] = { _("F1 help"), _("Esc cancel"), _("Enter choose"), _("type to search"),
                          _("Up/Down move") };
  if (picking)
    ud_keybar(u, pkeys, sizeof pkeys / sizeof pkeys[0]);
  else
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
  if (!query[0])
    {
      no_match = false;
      return;
    }
  char *q = txt_fold(query);
  no_match = true;
  for (size_t k = 1; k <= u->s->qn->nsectors; k++)
    if (sector_matches(u, k, q))
      {
        pick = k;
        no_match = false;
        break;
      }
  free(q);
  if (no_match)
    /* TRANSLATORS: typed in the sector list, which has no such sector. */
    ui_set_msg(u, true, _("No sector matches \"%s\": Backspace corrects it, Up/Down choose from the list."), query);
}

/* A character typed in the sector list: added to the search. */
static void
pick_type(ui *u, uint32_t c)
{
  size_t n = strlen(query);
  if (n + 5 > sizeof query)
    return;
  n += (size_t) txt_encode(query + n, c);
  query[n] = '\0';
  search_sectors(u);
}

static void
pick_key(ui *u, ui_key k)
{
  size_t n = u->s->qn->nsectors + 1, page = LINES > 12 ? (size_t) LINES - 12 : 1;
  enum ui_act a = uk_action(KS_PICKER, k);
  if (a == A_UP || a == A_DOWN || a == A_PGUP || a == A_PGDN || a == A_HOME || a == A_END)
    {
      ui_list_move(a, &pick, n, page);
      query[0] = '\0';
      no_match = false;
      return;
    }
  switch (a)
    {
    case A_ED_BACKSPACE:
      {
        /* The last character of the search goes. */
        size_t len = strlen(query);
        while (len > 0 && ((unsigned char) query[len - 1] & 0xC0) == 0x80)
          len--;
        if (len > 0)
          len--;
        query[len] = '\0';
        search_sectors(u);
        break;
      }
    case A_OPEN:
      if (no_match)
        {
          search_sectors(u);
          break;
        }
      qv_remember_profile(u, ANS_SECTOR);
      ans_set_profile(u->s->a, ANS_SECTOR, pick ? u->s->qn->sectors[pick - 1].id : NULL);
      ui_changed(u);
      picking = false;
      sel++;
      break;
    case A_BACK: picking = false; break;
    default:
      if (!k.fn && k.ch >= 0x20 && k.ch != UI_DEL)
        pick_type(u, (uint32_t) k.ch);
      break;
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
      query[0] = '\0';
      no_match = false;
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
  /* A printable character is text: it starts editing the selected
   * field with what was typed (the sector list searches for it), and is
   * never a command. */
  if (!k.fn && k.ch >= 0x20 && k.ch != UI_DEL)
    {
      if (sel == ANS_FORM_FIELDS)
        ui_set_msg(u, false, "%s", _("Enter goes on to the questions; Up selects a field to type in."));
      else
        {
          open_field(u);
          if (picking)
            pick_type(u, (uint32_t) k.ch);
          else if (ed_active() == ED_PROFILE)
            ed_key(u, k);
        }
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
  query[0] = '\0';
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
