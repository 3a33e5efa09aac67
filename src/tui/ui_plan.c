/* ui_plan: the plan screen (key P): every question not met, baseline
 * first, then by due date, one a row with its status, due date, where
 * its plan stands, owner and action.  An overdue action is marked with
 * "!" and the word, so it stands out without colour; a question without
 * an action says so.  Enter opens the question; Esc there comes back.
 * The list is plan.h's, rebuilt from the figures each time it is drawn,
 * so it follows every change; but its rows stay where they were while
 * the respondent plans one question after another (a changed due date
 * would otherwise move the row planned next): the order is made again
 * when the screen is opened anew.  Each question takes two rows: its id
 * and text, then its answer, due date, state, owner and action, so
 * that a narrow screen still shows them.  The list and the selection
 * are this screen's own. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "report/report.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

/* The screen's state, created and freed through the screen table. */
typedef struct pl_state
{
  plan pl;                    /* the list, rebuilt when drawn */
  size_t plsel, pltop;
  size_t *shown;              /* the questions in the order shown (qi) */
  size_t nshown;
  size_t *rank_of;            /* keep_order's: qi -> place in shown */
  size_t nrank;
} pl_state;

static void
pl_done(void *state)
{
  pl_state *st = state;
  plan_free(&st->pl);
  free(st->shown);
  free(st->rank_of);
}

/* What by_shown sorts by, for the time of one qsort (which passes the
 * comparison no context). */
static const size_t *sort_rank;

static int
by_shown(const void *a, const void *b)
{
  size_t x = sort_rank[((const plan_item *) a)->qi], y = sort_rank[((const plan_item *) b)->qi];
  return x < y ? -1 : x > y;
}

/* The items in the order they were shown (new ones after them, in the
 * plan's order), each level on its own. */
static void
keep_order(pl_state *st, const questionnaire *q)
{
  if (!st->nshown)
    {
      st->shown = xrealloc(st->shown, (st->pl.n ? st->pl.n : 1) * sizeof *st->shown);
      for (size_t k = 0; k < st->pl.n; k++)
        st->shown[k] = st->pl.items[k].qi;
      st->nshown = st->pl.n;
      return;
    }
  if (st->nrank < q->nquestions)
    {
      st->rank_of = xrealloc(st->rank_of, q->nquestions * sizeof *st->rank_of);
      st->nrank = q->nquestions;
    }
  for (size_t i = 0; i < q->nquestions; i++)
    st->rank_of[i] = SIZE_MAX / 2;
  for (size_t k = 0; k < st->nshown; k++)
    st->rank_of[st->shown[k]] = k;
  for (size_t k = 0; k < st->pl.n; k++)
    if (st->rank_of[st->pl.items[k].qi] == SIZE_MAX / 2)
      st->rank_of[st->pl.items[k].qi] = SIZE_MAX / 2 + k;
  sort_rank = st->rank_of;
  qsort(st->pl.items, st->pl.nbaseline, sizeof *st->pl.items, by_shown);
  qsort(st->pl.items + st->pl.nbaseline, st->pl.n - st->pl.nbaseline, sizeof *st->pl.items, by_shown);
}

/* Opened anew (arg->fresh): in the plan's order again; back from a
 * question opened here: as it was. */
static void
pl_open(ui *u, const ui_arg *arg)
{
  pl_state *st = ui_state(u, SCR_PLAN);
  if (arg && arg->fresh)
    st->nshown = 0;
}

/* The columns, left to right, after the selection marker and the plan's
 * mark. */
enum
{
  PL_ID = 4,                  /* where the question id starts */
  PL_ID_W = 8,
  PL_STATUS_W = 16,
  PL_DUE_W = 10,
  PL_GAP = 2,
};

/* A display line: an item (>= 0) or the heading of a level (-1 - level). */
static long
line_of(const plan *p, size_t k, size_t *nlines)
{
  /* Lines: heading, baseline items, heading, recommended items. */
  *nlines = p->n + QN_LEVEL_COUNT;
  if (k == 0)
    return -1 - QN_BASELINE;
  if (k <= p->nbaseline)
    return (long) k - 1;
  if (k == p->nbaseline + 1)
    return -1 - QN_RECOMMENDED;
  return (long) k - 2;
}

static size_t
line_of_item(const plan *p, size_t item)
{
  return item < p->nbaseline ? item + 1 : item + 2;
}

static void
rebuild(ui *u)
{
  pl_state *st = ui_state(u, SCR_PLAN);
  char today[ANS_DATE_SIZE];
  ans_today(today);
  /* The selection stays on its question when a change moves it. */
  size_t qi = st->plsel < st->pl.n ? st->pl.items[st->plsel].qi : (size_t) -1;
  plan_free(&st->pl);
  plan_build(u->s->qn, u->s->a, ui_figures(u), today, &st->pl);
  keep_order(st, u->s->qn);
  for (size_t k = 0; k < st->pl.n; k++)
    if (st->pl.items[k].qi == qi)
      st->plsel = k;
  if (st->plsel >= st->pl.n)
    st->plsel = st->pl.n ? st->pl.n - 1 : 0;
}

/* The widest question id of the list, which the text lines up after. */
static int
id_width(const ui *u)
{
  pl_state *st = ui_state(u, SCR_PLAN);
  int w = PL_ID_W;
  for (size_t k = 0; k < st->pl.n; k++)
    {
      int iw = txt_width(u->s->qn->questions[st->pl.items[k].qi].id);
      if (iw > w)
        w = iw;
    }
  return w;
}

/* An item in two rows from y: the mark, id and question text; then its
 * answer, due date, state, owner and action. */
static void
draw_item(ui *u, int y, size_t item, int sw, int iw)
{
  pl_state *st = ui_state(u, SCR_PLAN);
  const plan_item *it = &st->pl.items[item];
  const qn_question *x = &u->s->qn->questions[it->qi];
  const ans_entry *e = &u->s->a->e[it->qi];
  bool sel = item == st->plsel;
  if (sel)
    {
      mvaddch(y, 0, '>');
      mvaddch(y + 1, 0, '>');
      ud_focus(y, 0);
    }
  char mark[2] = { plan_state_mark(it->state), '\0' };
  attr_t warn = it->state == PLAN_OVERDUE ? ud_attr(u, UC_ERROR) : A_NORMAL;
  ud_text(y, 2, 1, mark, warn);
  int x0 = PL_ID;
  ud_text(y, x0, iw, x->id, sel ? A_BOLD : A_NORMAL);
  x0 += iw + PL_GAP;
  /* One line of the question's text, cut with "..". */
  ud_text(y, x0, COLS - x0 - 1, qn_tr(&x->text, i18n_lang()), sel ? A_BOLD : A_NORMAL);
  x0 = PL_ID;
  y++;
  char *status = txt_ellipsize(report_unmet_reason(e), PL_STATUS_W);
  ud_text(y, x0, PL_STATUS_W, status, A_NORMAL);
  free(status);
  x0 += PL_STATUS_W + PL_GAP;
  ud_text(y, x0, PL_DUE_W, e->plan[ANS_PLAN_DUE] ? e->plan[ANS_PLAN_DUE] : "-", warn);
  x0 += PL_DUE_W + PL_GAP;
  ud_text(y, x0, sw, plan_state_name(it->state), warn | (it->state == PLAN_OVERDUE ? A_BOLD : 0));
  x0 += sw + PL_GAP;
  /* What is left: the owner, then the action. */
  char *rest = ans_has_plan(e)
                 ? xasprintf("%s: %s", e->plan[ANS_PLAN_OWNER] ? e->plan[ANS_PLAN_OWNER] : "-",
                             e->plan[ANS_PLAN_ACTION] ? e->plan[ANS_PLAN_ACTION] : "-")
                 : xstrdup("-");
  if (x0 < COLS - 2)
    {
      char *cut = txt_ellipsize(rest, COLS - x0 - 1);
      ud_text(y, x0, COLS - x0 - 1, cut, A_NORMAL);
      free(cut);
    }
  free(rest);
}

static void
pl_draw(ui *u)
{
  pl_state *st = ui_state(u, SCR_PLAN);
  rebuild(u);
  const plan *p = &st->pl;
  /* TRANSLATORS: the plan screen's title and, on the right, the date
     overdue is judged against. */
  char *right = xasprintf(_("as of %s"), p->today);
  ud_titlebar(u, _("Improvement plan: questions not met"), right);
  free(right);
  int sw = 0;
  for (int s = 0; s < PLAN_STATE_COUNT; s++)
    if (txt_width(plan_state_name((enum plan_state) s)) > sw)
      sw = txt_width(plan_state_name((enum plan_state) s));
  /* TRANSLATORS: plan screen column headings, over each question's
     second row (its first is its id and text). */
  int x0 = PL_ID;
  ud_text(1, x0, PL_STATUS_W, _("Answer"), A_BOLD);
  x0 += PL_STATUS_W + PL_GAP;
  ud_text(1, x0, PL_DUE_W, ans_plan_name(ANS_PLAN_DUE), A_BOLD);
  x0 += PL_DUE_W + PL_GAP;
  ud_text(1, x0, sw, _("State"), A_BOLD);
  x0 += sw + PL_GAP;
  char *ow = xasprintf("%s: %s", ans_plan_name(ANS_PLAN_OWNER), ans_plan_name(ANS_PLAN_ACTION));
  ud_text(1, x0, COLS - x0 - 1, ow, A_BOLD);
  free(ow);

  int rows = LINES - 4, body = rows / 2, iw = id_width(u);
  if (!p->n)
    ud_wrapped(3, 2, COLS - 4, body - 1,
               _("Every question is met or not applicable: there is nothing to plan."), A_NORMAL);
  size_t nlines;
  line_of(p, 0, &nlines);
  size_t cur = p->n ? line_of_item(p, st->plsel) : 0;
  if (cur < st->pltop + 1)
    st->pltop = cur ? cur - 1 : 0;
  if (cur >= st->pltop + (size_t) body)
    st->pltop = cur - (size_t) body + 1;
  /* Every line takes two rows: an item's, or a heading and a gap. */
  for (int i = 0; p->n && i < body && st->pltop + (size_t) i < nlines; i++)
    {
      long what = line_of(p, st->pltop + (size_t) i, &nlines);
      if (what >= 0)
        draw_item(u, 2 + 2 * i, (size_t) what, sw, iw);
      else
        {
          enum qn_level l = (enum qn_level) (-1 - what);
          size_t n = l == QN_BASELINE ? p->nbaseline : p->n - p->nbaseline;
          char *h = xasprintf("%s (%zu)", qn_level_name(l), n);
          ud_text(2 + 2 * i + 1, 1, COLS - 2, h, A_BOLD | A_UNDERLINE);
          free(h);
        }
    }
  ud_status(u);
  /* TRANSLATORS: key hints of the plan screen. */
  const char *keys[] = { _("? help"), _("q quit"), _("Esc back"), _("Enter open"), _("Up/Down move") };
  ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

/* Open the selected question; Esc there returns here. */
static void
open_selected(ui *u)
{
  pl_state *st = ui_state(u, SCR_PLAN);
  if (!st->pl.n)
    return;
  const questionnaire *q = u->s->qn;
  ui_open_question(u, q->rank[st->pl.items[st->plsel].qi], SCR_PLAN);
}

static bool
pl_key(ui *u, ui_key k, enum ui_act a)
{
  pl_state *st = ui_state(u, SCR_PLAN);
  (void) k;
  size_t n = st->pl.n, page = LINES > 8 ? (size_t) (LINES - 8) / 2 : 1;
  if (ui_list_move(a, &st->plsel, n, page))
    return true;
  if (a == A_OPEN)
    {
      open_selected(u);
      return true;
    }
  return false;
}

const ui_screen plan_screen = { .scope = KS_PLAN, .state_size = sizeof(pl_state), .open = pl_open, .draw = pl_draw,
                                .key = pl_key, .esc = SCR_COUNT, .done = pl_done };
