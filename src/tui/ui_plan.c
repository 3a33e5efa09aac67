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

static plan pl;               /* the list, rebuilt when drawn */
static size_t plsel, pltop;
static size_t *shown;         /* the questions in the order shown (qi) */
static size_t nshown;
static size_t *rank_of;       /* rebuild's: qi -> place in shown */
static size_t nrank;

static void
pl_done(void)
{
  plan_free(&pl);
  free(shown);
  free(rank_of);
  shown = rank_of = NULL;
  nshown = nrank = 0;
}

static int
by_shown(const void *a, const void *b)
{
  size_t x = rank_of[((const plan_item *) a)->qi], y = rank_of[((const plan_item *) b)->qi];
  return x < y ? -1 : x > y;
}

/* The items in the order they were shown (new ones after them, in the
 * plan's order), each level on its own. */
static void
keep_order(const questionnaire *q)
{
  if (!nshown)
    {
      shown = xrealloc(shown, (pl.n ? pl.n : 1) * sizeof *shown);
      for (size_t k = 0; k < pl.n; k++)
        shown[k] = pl.items[k].qi;
      nshown = pl.n;
      return;
    }
  if (nrank < q->nquestions)
    {
      rank_of = xrealloc(rank_of, q->nquestions * sizeof *rank_of);
      nrank = q->nquestions;
    }
  for (size_t i = 0; i < q->nquestions; i++)
    rank_of[i] = SIZE_MAX / 2;
  for (size_t k = 0; k < nshown; k++)
    rank_of[shown[k]] = k;
  for (size_t k = 0; k < pl.n; k++)
    if (rank_of[pl.items[k].qi] == SIZE_MAX / 2)
      rank_of[pl.items[k].qi] = SIZE_MAX / 2 + k;
  qsort(pl.items, pl.nbaseline, sizeof *pl.items, by_shown);
  qsort(pl.items + pl.nbaseline, pl.n - pl.nbaseline, sizeof *pl.items, by_shown);
}

/* Opened anew (arg->fresh): in the plan's order again; back from a
 * question opened here: as it was. */
static void
pl_open(ui *u, const ui_arg *arg)
{
  (void) u;
  if (arg && arg->fresh)
    nshown = 0;
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
  char today[ANS_DATE_SIZE];
  ans_today(today);
  /* The selection stays on its question when a change moves it. */
  size_t qi = plsel < pl.n ? pl.items[plsel].qi : (size_t) -1;
  plan_free(&pl);
  plan_build(u->s->qn, u->s->a, ui_figures(u), today, &pl);
  keep_order(u->s->qn);
  for (size_t k = 0; k < pl.n; k++)
    if (pl.items[k].qi == qi)
      plsel = k;
  if (plsel >= pl.n)
    plsel = pl.n ? pl.n - 1 : 0;
}

/* The widest question id of the list, which the text lines up after. */
static int
id_width(const ui *u)
{
  int w = PL_ID_W;
  for (size_t k = 0; k < pl.n; k++)
    {
      int iw = txt_width(u->s->qn->questions[pl.items[k].qi].id);
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
  const plan_item *it = &pl.items[item];
  const qn_question *x = &u->s->qn->questions[it->qi];
  const ans_entry *e = &u->s->a->e[it->qi];
  bool sel = item == plsel;
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
  rebuild(u);
  const plan *p = &pl;
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
  size_t cur = p->n ? line_of_item(p, plsel) : 0;
  if (cur < pltop + 1)
    pltop = cur ? cur - 1 : 0;
  if (cur >= pltop + (size_t) body)
    pltop = cur - (size_t) body + 1;
  /* Every line takes two rows: an item's, or a heading and a gap. */
  for (int i = 0; p->n && i < body && pltop + (size_t) i < nlines; i++)
    {
      long what = line_of(p, pltop + (size_t) i, &nlines);
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
  if (!pl.n)
    return;
  const questionnaire *q = u->s->qn;
  ui_open_question(u, q->rank[pl.items[plsel].qi], SCR_PLAN);
}

static bool
pl_key(ui *u, ui_key k, enum ui_act a)
{
  (void) k;
  size_t n = pl.n, page = LINES > 8 ? (size_t) (LINES - 8) / 2 : 1;
  if (ui_list_move(a, &plsel, n, page))
    return true;
  if (a == A_OPEN)
    {
      open_selected(u);
      return true;
    }
  return false;
}

const ui_screen plan_screen = { KS_PLAN, pl_open, pl_draw, pl_key, NULL, NULL, SCR_COUNT, NULL, pl_done };
