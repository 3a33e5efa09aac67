/* ui_list: the filter list (key f): only the questions in one state,
 * unknown, partially implemented, reason missing, to reconfirm, marked
 * for review, not implemented or unanswered, or every note and evidence
 * reference; f (or Left and
 * Right) goes to the next filter, Enter opens the question and Esc there
 * comes back.  The list is made again each time it is drawn, so it
 * follows every change; the filter and the selection are this screen's. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

/* The filters, in the order f goes through them. */
enum ls_filter { LF_UNKNOWN, LF_PARTIAL, LF_NO_REASON, LF_RECONFIRM, LF_REVIEW, LF_NOTES, LF_NOT_IMPLEMENTED,
                 LF_UNANSWERED, LF_COUNT };

static const char *const filter_names[LF_COUNT] = {
  /* TRANSLATORS: the filter list's filters, in its title. */
  N_("Unknown"), N_("Partially implemented"), N_("Reason missing"), N_("To reconfirm"),
  N_("Marked for review"), N_("Notes and evidence"), N_("Not implemented"), N_("Unanswered"),
};

static enum ls_filter current_filter;
static size_t *items;         /* positions in walk order */
static size_t nitems, sel, top;

static bool
keeps(const ans_entry *e, enum ls_filter f, bool in_scope)
{
  /* A question out of scope is in no figure, so in none of the lists of
   * what to look at; the respondent's own marks and notes still are. */
  if (!in_scope && f != LF_REVIEW && f != LF_NOTES)
    return false;
  switch (f)
    {
    case LF_UNKNOWN: return e->status == ANS_UNKNOWN;
    case LF_PARTIAL: return e->status == ANS_PARTIAL;
    case LF_NO_REASON: return ans_needs_reason(e->status) && !ans_has_reason(e);
    case LF_RECONFIRM: return e->reconfirm;
    case LF_REVIEW: return e->review;
    case LF_NOTES: return (e->note && *e->note) || (e->evidence && *e->evidence);
    case LF_NOT_IMPLEMENTED: return e->status == ANS_NOT_IMPLEMENTED;
    case LF_UNANSWERED: return e->status == ANS_NONE;
    default: return false;
    }
}

static void
rebuild(ui *u)
{
  const questionnaire *q = u->s->qn;
  free(items);
  items = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *items);
  nitems = 0;
  for (size_t p = 0; p < q->nquestions; p++)
    if (keeps(&u->s->a->e[q->order[p]], current_filter, ans_in_scope(u->s->a, q->order[p])))
      items[nitems++] = p;
  if (sel >= nitems)
    sel = nitems ? nitems - 1 : 0;
}

static void
ls_done(void)
{
  free(items);
  items = NULL;
  nitems = 0;
}

/* Opened anew (arg->fresh): from the top; come back to from a question:
 * the selection stays. */
static void
list_open(ui *u, const ui_arg *arg)
{
  if (arg && arg->fresh)
    sel = top = 0;
  rebuild(u);
}

/* One row: the id, then the note and evidence (the notes filter) or the
 * answer and the question's text. */
static void
draw_item(ui *u, int y, size_t k)
{
  const questionnaire *q = u->s->qn;
  size_t i = q->order[items[k]];
  const qn_question *x = &q->questions[i];
  const ans_entry *e = &u->s->a->e[i];
  bool selected = k == sel;
  attr_t a = selected ? ud_attr(u, UC_SELECT) : A_NORMAL;
  if (selected)
    {
      ud_fill(y, a);
      mvaddch(y, 0, '>' | a);
      ud_focus(y, 0);
    }
  int w = ud_text(y, 1, 12, x->id, a | A_BOLD);
  int x0 = 1 + (w > 10 ? w : 10) + 2;
  char *rest;
  if (current_filter == LF_NOTES)
    rest = xasprintf("%s%s%s%s%s", e->note ? e->note : "", e->note && e->evidence ? "  /  " : "",
                     e->evidence ? _("Evidence") : "", e->evidence ? ": " : "", e->evidence ? e->evidence : "");
  else
    rest = xasprintf("%s  %s", ans_status_name(e->status), qn_tr(&x->text, i18n_lang()));
  char *cut = txt_ellipsize(rest, COLS - x0 - 1);
  ud_marked(y, x0, COLS - x0 - 1, cut, a, i18n_utf8() ? 0 : LE_ASCII);
  free(cut);
  free(rest);
}

static void
ls_draw(ui *u)
{
  rebuild(u);
  /* TRANSLATORS: the filter list's title: the current_filter and how many
     questions it keeps, as in "Filter: Unknown (3)". */
  char *title = xasprintf(_("Filter: %s (%zu)"), _(filter_names[current_filter]), nitems);
  char pos[32];
  snprintf(pos, sizeof pos, "%zu/%d", (size_t) current_filter + 1, LF_COUNT);
  ud_titlebar(u, title, pos);
  free(title);
  int body = LINES - 3;
  if (!nitems)
    {
      ud_wrapped(2, 2, COLS - 4, 2, _("No question is in this list. Press f for the next filter."), A_NORMAL);
      ud_focus(2, 2);
    }
  if (sel < top)
    top = sel;
  if (sel >= top + (size_t) body)
    top = sel - (size_t) body + 1;
  for (int r = 0; r < body && top + (size_t) r < nitems; r++)
    draw_item(u, 1 + r, top + (size_t) r);
  /* More above or below: a mark at the right edge. */
  if (top > 0)
    mvaddch(1, COLS - 1, '^');
  if (top + (size_t) body < nitems)
    mvaddch(body, COLS - 1, 'v');
  ud_status(u);
  /* TRANSLATORS: key hints of the filter list. */
  const char *keys[] = { _("? help"), _("q quit"), _("Esc back"), _("f next filter"), _("Enter open"),
                         _("Up/Down move") };
  ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

static bool
ls_key(ui *u, ui_key k, enum ui_act a)
{
  (void) k;
  size_t page = LINES > 4 ? (size_t) LINES - 4 : 1;
  if (ui_list_move(a, &sel, nitems, page))
    return true;
  switch (a)
    {
    case A_FILTER_NEXT: current_filter = (enum ls_filter) ((current_filter + 1) % LF_COUNT); sel = top = 0; return true;
    case A_FILTER_PREV: current_filter = (enum ls_filter) ((current_filter + LF_COUNT - 1) % LF_COUNT); sel = top = 0; return true;
    case A_OPEN:
      if (nitems)
        ui_open_question(u, items[sel], SCR_LIST);
      return true;
    default: return false;
    }
}

/* A click on a row selects it; on the selected row, opens it. */
static void
ls_click(ui *u, int y, int x)
{
  (void) x;
  size_t k = top + (size_t) (y - 1);
  if (y < 1 || y >= LINES - 2 || k >= nitems)
    return;
  if (k == sel)
    ui_open_question(u, items[k], SCR_LIST);
  else
    sel = k;
}

const ui_screen list_screen = { KS_LIST, list_open, ls_draw, ls_key, NULL, NULL, SCR_COUNT, ls_click, ls_done };
