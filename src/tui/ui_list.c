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


/* The screen's state, created and freed through the screen table. */
typedef struct ls_state
{
  enum ls_filter current_filter;
  size_t *items;              /* positions in walk order */
  size_t nitems, sel, top;
} ls_state;

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
  ls_state *st = ui_state(u, SCR_LIST);
  const questionnaire *q = u->s->qn;
  free(st->items);
  st->items = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *st->items);
  st->nitems = 0;
  for (size_t p = 0; p < q->nquestions; p++)
    if (keeps(&u->s->a->e[q->order[p]], st->current_filter, ans_in_scope(u->s->a, q->order[p])))
      st->items[st->nitems++] = p;
  if (st->sel >= st->nitems)
    st->sel = st->nitems ? st->nitems - 1 : 0;
}

static void
ls_done(void *state)
{
  ls_state *st = state;
  free(st->items);
}

/* Opened anew (arg->fresh): from the top; come back to from a question:
 * the selection stays. */
static void
list_open(ui *u, const ui_arg *arg)
{
  ls_state *st = ui_state(u, SCR_LIST);
  if (arg && arg->fresh)
    st->sel = st->top = 0;
  rebuild(u);
}

/* One row: the id, then the note and evidence (the notes filter) or the
 * answer and the question's text. */
static void
draw_item(ui *u, int y, size_t k)
{
  ls_state *st = ui_state(u, SCR_LIST);
  const questionnaire *q = u->s->qn;
  size_t i = q->order[st->items[k]];
  const qn_question *x = &q->questions[i];
  const ans_entry *e = &u->s->a->e[i];
  bool selected = k == st->sel;
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
  if (st->current_filter == LF_NOTES)
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
  ls_state *st = ui_state(u, SCR_LIST);
  rebuild(u);
  /* TRANSLATORS: the filter list's title: the filter and how many
     questions it keeps, as in "Filter: Unknown (3)". */
  char *title = xasprintf(_("Filter: %s (%zu)"), _(filter_names[st->current_filter]), st->nitems);
  char pos[32];
  snprintf(pos, sizeof pos, "%zu/%d", (size_t) st->current_filter + 1, LF_COUNT);
  ud_titlebar(u, title, pos);
  free(title);
  int body = LINES - 3;
  if (!st->nitems)
    {
      ud_wrapped(2, 2, COLS - 4, 2, _("No question is in this list. Press f for the next filter."), A_NORMAL);
      ud_focus(2, 2);
    }
  if (st->sel < st->top)
    st->top = st->sel;
  if (st->sel >= st->top + (size_t) body)
    st->top = st->sel - (size_t) body + 1;
  for (int r = 0; r < body && st->top + (size_t) r < st->nitems; r++)
    draw_item(u, 1 + r, st->top + (size_t) r);
  /* More above or below: a mark at the right edge. */
  if (st->top > 0)
    mvaddch(1, COLS - 1, '^');
  if (st->top + (size_t) body < st->nitems)
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
  ls_state *st = ui_state(u, SCR_LIST);
  (void) k;
  size_t page = LINES > 4 ? (size_t) LINES - 4 : 1;
  if (ui_list_move(a, &st->sel, st->nitems, page))
    return true;
  switch (a)
    {
    case A_FILTER_NEXT: st->current_filter = (enum ls_filter) ((st->current_filter + 1) % LF_COUNT); st->sel = st->top = 0; return true;
    case A_FILTER_PREV: st->current_filter = (enum ls_filter) ((st->current_filter + LF_COUNT - 1) % LF_COUNT); st->sel = st->top = 0; return true;
    case A_OPEN:
      if (st->nitems)
        ui_open_question(u, st->items[st->sel], SCR_LIST);
      return true;
    default: return false;
    }
}

/* A click on a row selects it; on the selected row, opens it. */
static void
ls_click(ui *u, int y, int x)
{
  ls_state *st = ui_state(u, SCR_LIST);
  (void) x;
  size_t k = st->top + (size_t) (y - 1);
  if (y < 1 || y >= LINES - 2 || k >= st->nitems)
    return;
  if (k == st->sel)
    ui_open_question(u, st->items[k], SCR_LIST);
  else
    st->sel = k;
}

const ui_screen list_screen = { .scope = KS_LIST, .state_size = sizeof(ls_state), .open = list_open, .draw = ls_draw,
                                .key = ls_key, .esc = SCR_COUNT, .click = ls_click, .done = ls_done };
