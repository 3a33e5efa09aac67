/* ui_profile: the respondent profile form (organisation, sector, respondent,
 * role).  It opens first on a new answers file and any time with p; every
 * field may stay empty.  The sector is chosen from the questionnaire's
 * list, so reports can name it in either language. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui_internal.h"

static const char *
sector_label(const ui *u, const char *id)
{
  const qn_sector *s = id ? qn_find_sector(u->s->qn, id) : NULL;
  return s ? qn_tr(&s->name, i18n_lang()) : id;
}

static void
draw_picker(ui *u, int y0)
{
  const questionnaire *q = u->s->qn;
  int rows = LINES - 3 - y0;
  size_t n = q->nsectors + 1;
  size_t top = u->pf_pick >= (size_t) rows ? u->pf_pick - (size_t) rows + 1 : 0;
  for (int i = 0; i < rows && top + (size_t) i < n; i++)
    {
      size_t k = top + (size_t) i;
      attr_t a = k == u->pf_pick ? ud_attr(u, UC_SELECT) : A_NORMAL;
      move(y0 + i, 0);
      clrtoeol();
      attron(a);
      mvhline(y0 + i, 4, ' ', COLS - 8);
      attroff(a);
      /* Entry 0 clears the sector. */
      ud_text(y0 + i, 5, COLS - 10, k == 0 ? _("(none)") : qn_tr(&q->sectors[k - 1].name, i18n_lang()), a);
    }
}

void
pf_draw(ui *u)
{
  ud_titlebar(u, _("Respondent profile"), NULL);
  ud_wrapped(2, 2, COLS - 4, 1, _("Every field may be left empty and edited later with p."), ud_attr(u, UC_DIM));
  int lw = 0;
  for (int f = 0; f < ANS_FORM_FIELDS; f++)
    if (txt_width(ans_field_name((enum ans_field) f)) > lw)
      lw = txt_width(ans_field_name((enum ans_field) f));
  for (int f = 0; f < ANS_FORM_FIELDS; f++)
    {
      int y = 4 + 2 * f;
      attr_t a = f == u->pf_sel && u->ed == ED_NONE ? ud_attr(u, UC_SELECT) : A_NORMAL;
      ud_text(y, 2, lw, ans_field_name((enum ans_field) f), A_BOLD);
      const char *v = u->s->a->profile[f];
      if (f == ANS_SECTOR)
        v = sector_label(u, v);
      attron(a);
      mvhline(y, 2 + lw + 2, ' ', COLS - lw - 6);
      attroff(a);
      ud_text(y, 2 + lw + 2, COLS - lw - 6, v ? v : "", a);
    }
  if (u->pf_picking)
    draw_picker(u, 4 + 2 * ANS_SECTOR + 1);
  ud_status(u);
  if (u->ed == ED_PROFILE)
    ed_draw(u);
  const char *keys[] = { _("? help"), _("Up/Down select"), _("Enter edit"), _("Esc done") };
  ud_keybar(u, keys, 4);
}

static void
close_form(ui *u)
{
  u->scr = u->back;
  if (u->new_file)
    {
      u->new_file = false;
      ui_set_msg(u, false, "%s", _("Choose an item with Enter, or press Tab for the first unanswered question."));
    }
}

static void
pick_key(ui *u, ui_key k)
{
  size_t n = u->s->qn->nsectors + 1;
  bool up = k.fn ? k.ch == KEY_UP : k.ch == 'k';
  bool down = k.fn ? k.ch == KEY_DOWN : k.ch == 'j';
  if (up && u->pf_pick > 0)
    u->pf_pick--;
  else if (down && u->pf_pick + 1 < n)
    u->pf_pick++;
  else if ((k.fn && k.ch == KEY_ENTER) || (!k.fn && (k.ch == '\n' || k.ch == '\r')))
    {
      ans_set_profile(u->s->a, ANS_SECTOR, u->pf_pick ? u->s->qn->sectors[u->pf_pick - 1].id : NULL);
      ui_changed(u);
      u->pf_picking = false;
    }
  else if (!k.fn && k.ch == 27)
    u->pf_picking = false;
}

void
pf_key(ui *u, ui_key k)
{
  if (u->pf_picking)
    {
      pick_key(u, k);
      return;
    }
  bool up = k.fn ? k.ch == KEY_UP || k.ch == KEY_BTAB : k.ch == 'k';
  bool down = k.fn ? k.ch == KEY_DOWN : k.ch == 'j' || k.ch == '\t';
  if (up && u->pf_sel > 0)
    u->pf_sel--;
  else if (down && u->pf_sel + 1 < ANS_FORM_FIELDS)
    u->pf_sel++;
  else if ((k.fn && k.ch == KEY_ENTER) || (!k.fn && (k.ch == '\n' || k.ch == '\r')))
    {
      if (u->pf_sel == ANS_SECTOR)
        {
          u->pf_picking = true;
          u->pf_pick = 0;
          const char *cur = u->s->a->profile[ANS_SECTOR];
          for (size_t i = 0; cur && i < u->s->qn->nsectors; i++)
            if (u->s->qn->sectors[i].id == cur || strcmp(u->s->qn->sectors[i].id, cur) == 0)
              u->pf_pick = i + 1;
        }
      else
        ed_start(u, ED_PROFILE, u->s->a->profile[u->pf_sel]);
    }
  else if (!k.fn && k.ch == 27)
    close_form(u);
}
