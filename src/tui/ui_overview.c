/* ui_overview: the four PDCA phases and, under each, the guideline items
 * that have questions in that phase, with progress and baseline coverage
 * so far.  Enter opens the item's first question of the phase. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/coverage.h"
#include "base/i18n.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

/* One row: a phase heading (section < 0) or an item. */
typedef struct ov_row
{
  int phase;
  long section;
  size_t first_pos;           /* first question of the row in walk order */
} ov_row;

/* The screen's state, created and freed through the screen table. */
typedef struct ov_state
{
  ov_row *rows;
  size_t nrows, sel, top;
  const coverage *cov;        /* the figures shown (ui_figures) */
} ov_state;

static void
ov_done(void *state)
{
  ov_state *st = state;
  free(st->rows);
}

/* Rows follow the walk order, which is already phase then section, so a
 * new row starts wherever the (phase, section) pair changes.  They depend
 * on the questionnaire only; their figures come from cov. */
static void
build_rows(ui *u)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  const questionnaire *q = u->s->qn;
  size_t cap = 0;
  st->nrows = 0;
  int last_phase = -1;
  long last_section = -1;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      const qn_question *x = &q->questions[q->order[pos]];
      if ((int) x->phase != last_phase)
        {
          st->rows = xgrow(st->rows, &cap, st->nrows + 1, sizeof *st->rows);
          st->rows[st->nrows++] = (ov_row){ .phase = (int) x->phase, .section = -1, .first_pos = pos };
          last_phase = (int) x->phase;
          last_section = -1;
        }
      if ((long) x->section != last_section)
        {
          st->rows = xgrow(st->rows, &cap, st->nrows + 1, sizeof *st->rows);
          st->rows[st->nrows++] = (ov_row){ .phase = (int) x->phase, .section = (long) x->section,
                                          .first_pos = pos };
          last_section = (long) x->section;
        }
    }
  if (st->sel >= st->nrows || st->rows[st->sel].section < 0)
    st->sel = st->nrows > 1 ? 1 : 0;
}

/* The rows, and the figures as of the last change. */
static void
update(ui *u)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  if (!st->rows)
    build_rows(u);
  st->cov = ui_figures(u);
}

/* Come back to, or opened at arg's question: its item is selected. */
static void
ov_open(ui *u, const ui_arg *arg)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  if (!arg)
    return;
  size_t pos = arg->pos;
  update(u);
  for (size_t r = 0; r < st->nrows; r++)
    if (st->rows[r].section >= 0 && st->rows[r].first_pos <= pos)
      st->sel = r;
}

/* The overview's columns, from the right edge: the count of answered
 * questions, the baseline bar in its brackets, the baseline coverage. */
enum
{
  OV_COUNTS = 9,              /* "999/999" right-aligned in 8, and a space */
  OV_BAR = 10,
  OV_BAR_W = OV_BAR + 2,
  OV_COVERAGE = 16,           /* "100.0% (99/99)" */
  OV_GAP = 1,
  OV_PAREN = 7,               /* where "(" of the coverage falls */
  OV_RIGHT = OV_COVERAGE + OV_GAP + OV_BAR_W + OV_GAP + OV_COUNTS,
  OV_ID = 8,                  /* the item id column, at least */
};

/* The bar's columns: none on a narrow screen, where the item's title
 * has the room first (the figure beside it says the same). */
static int
bar_cols(void)
{
  return COLS >= 80 ? OV_BAR_W + OV_GAP : 0;
}

/* The change column, when there is a previous cycle: as wide as the
 * widest change in this language ("-100.0 pt"); 0 without one. */
static int
delta_width(const ui *u)
{
  if (!u->has_then)
    return 0;
  cov_tally none = { .applicable = 1 }, all = { .met = 1, .applicable = 1 };
  char d[64];
  cov_format_delta(&none, &all, d, sizeof d);
  return txt_width(d) + OV_GAP;
}

/* The tallies of a row: a phase's, or an item's (section within phase). */
static const cov_tally *
row_tally(const coverage *c, const ov_row *r)
{
  return r->section < 0 ? c->phase[r->phase] : cov_item(c, (enum qn_phase) r->phase, (size_t) r->section);
}

static void
draw_row(ui *u, int y, const ov_row *r, bool selected, int dw)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  const questionnaire *q = u->s->qn;
  enum lang l = i18n_lang();
  const cov_tally *t = row_tally(st->cov, r);
  const cov_tally *b = &t[QN_BASELINE];
  int right = OV_RIGHT - (OV_BAR_W + OV_GAP) + bar_cols() + dw;
  char counts[32], figure[48];
  snprintf(counts, sizeof counts, "%u/%u", cov_answered(t), cov_total(t));
  if (b->applicable)
    cov_format_col(b, OV_PAREN, figure, sizeof figure);
  else
    snprintf(figure, sizeof figure, "%s", cov_total(t) ? "-" : "");
  /* A row whose questions are all out of scope says why in the figure's
   * place: the reason of its first. */
  char *why = NULL;
  if (!cov_total(t) && t[QN_BASELINE].out_of_scope + t[QN_RECOMMENDED].out_of_scope)
    for (size_t k = 0; k < st->cov->nout && !why; k++)
      {
        const qn_question *x = &q->questions[st->cov->out[k]];
        if ((int) x->phase == r->phase && (r->section < 0 || (long) x->section == r->section))
          why = ans_scope_reason(u->s->a, st->cov->out[k], l);
      }
  /* The selection is a full-width reverse-video bar (and a marker, for
   * terminals without reverse video): moving it rewrites two rows, about
   * 160 bytes, which even a slow link carries at once. */
  attr_t a = A_NORMAL;
  if (selected)
    {
      a = ud_attr(u, UC_SELECT);
      ud_fill(y, a);
    }
  if (selected)
    ud_focus(y, 1);
  if (r->section < 0)
    {
      a = A_BOLD;
      ud_text(y, 1, COLS - right - 2, qn_phase_name((enum qn_phase) r->phase), a);
    }
  else
    {
      const qn_section *s = &q->sections[r->section];
      if (selected)
        mvaddch(y, 1, '>' | a);
      int idw = ud_text(y, 3, OV_ID + 2, s->id, selected ? a | A_BOLD : A_NORMAL);
      int x = 3 + (idw > OV_ID ? idw : OV_ID) + 1;
      /* A column stays free before the counts, for the ! mark. */
      char *title = txt_ellipsize(qn_tr(&s->title, l), COLS - right - x - 2);
      ud_text(y, x, COLS - right - x - 2, title, a);
      free(title);
    }
  /* Answers to reconfirm in the row: a mark in the gap before the
   * counts, ASCII so it is one column everywhere. */
  unsigned rc = 0;
  for (int lv = 0; lv < QN_LEVEL_COUNT; lv++)
    rc += t[lv].reconfirm;
  if (rc)
    mvaddch(y, COLS - right - 1, '!' | A_BOLD | ud_attr(u, UC_ERROR));
  int x = COLS - right;
  if (why)
    {
      /* In place of the counts and the figure: the reason is longer. */
      char *w = txt_ellipsize(why, COLS - x - 1);
      ud_text(y, x, COLS - x - 1, w, a | ud_attr(u, UC_DIM));
      free(w);
      free(why);
      return;
    }
  attron(a);
  mvprintw(y, x, "%*s", OV_COUNTS - 1, counts);
  attroff(a);
  x += OV_COUNTS + OV_GAP;
  if (b->applicable && bar_cols())
    ud_bar(y, x, OV_BAR, b->met, b->applicable, a);
  x += bar_cols();
  ud_text(y, x, OV_COVERAGE, figure, a);
  /* The change since the previous cycle: phases always, items when its
   * answers are loaded (its record has phases only). */
  if (dw && (r->section < 0 || u->then.detailed))
    {
      char d[64];
      cov_format_delta(b, &row_tally(&u->then, r)[QN_BASELINE], d, sizeof d);
      ud_text(y, x + OV_COVERAGE + OV_GAP, dw - OV_GAP, d, a);
    }
}

static void
ov_draw(ui *u)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  update(u);
  const questionnaire *q = u->s->qn;
  char right[64];
  /* TRANSLATORS: how many questions are answered, of all, as in
     "answered 21/178". */
  snprintf(right, sizeof right, _("answered %u/%u"), cov_answered(st->cov->all), cov_total(st->cov->all));
  if (st->cov->nout)
    {
      size_t n = strlen(right);
      /* TRANSLATORS: after "answered 21/178" in the overview's title bar:
         how many questions the scope answers leave out. */
      snprintf(right + n, sizeof right - n, ngettext(", %zu not in scope", ", %zu not in scope", st->cov->nout),
               st->cov->nout);
    }
  ud_titlebar(u, qn_tr(&q->title, i18n_lang()), right);

  int dw = delta_width(u), rx = OV_RIGHT - (OV_BAR_W + OV_GAP) + bar_cols() + dw;
  int body = LINES - 4;
  if (st->sel < st->top)
    st->top = st->sel;
  if (st->sel >= st->top + (size_t) body)
    st->top = st->sel - (size_t) body + 1;

  /* TRANSLATORS: overview column headings; "Answered" sits in 8 columns
     and "Baseline, this phase" over 28 columns: an item's figures count
     its questions in the phase it is listed under (the summary counts
     all of an item's questions). */
  if (st->nrows && st->rows[st->top].section >= 0)
    {
      /* Scrolled into a phase: its name stays in sight. */
      char *cont = xasprintf(_("%s (continued)"), qn_phase_name((enum qn_phase) st->rows[st->top].phase));
      ud_text(1, 1, COLS - rx - 2, cont, A_BOLD);
      free(cont);
    }
  else
    ud_text(1, 3, COLS - rx - 4, _("Item"), A_BOLD);
  ud_text(1, COLS - rx, OV_COUNTS, _("Answered"), A_BOLD);
  ud_text(1, COLS - rx + OV_COUNTS + OV_GAP, bar_cols() + OV_COVERAGE, _("Baseline, this phase"), A_BOLD);
  if (dw)
    /* TRANSLATORS: overview column heading over the change since the
       previous cycle ("+12.5 pt"); about 9 columns. */
    ud_text(1, COLS - dw, dw, _("Change"), A_BOLD);

  for (int i = 0; i < body && st->top + (size_t) i < st->nrows; i++)
    draw_row(u, 2 + i, &st->rows[st->top + (size_t) i], st->top + (size_t) i == st->sel, dw);
  /* More above or below: a mark at the left edge. */
  if (st->top > 0)
    mvaddch(2, 0, '^' | A_BOLD);
  if (st->top + (size_t) body < st->nrows)
    mvaddch(1 + body, 0, 'v' | A_BOLD);
  /* TRANSLATORS: explains the overview's mark beside a row with answers
     to reconfirm; the mark itself is the ASCII "!". */
  ud_status_legend(u, st->cov->nreconfirm ? _("! answers to reconfirm (Tab)") : NULL);
  if (ed_active(u) == ED_SEARCH)
    ed_draw(u, LINES - 2, 0, 1);
  /* TRANSLATORS: key hints of the overview; each item is one key and its
     action, shown in a bar of 80 columns. Keep them short. */
  const char *keys[] = { _("? help"), _("q quit"), _("R reports"), _("Enter open"), _("Tab unfinished"),
                         _("/ search"), _("f filter"), _("s summary"), _("P plan list"), _("p profile"),
                         _("L language") };
  ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

static void
move_sel(ui *u, long delta)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  long n = (long) st->nrows;
  long s = (long) st->sel;
  long step = delta > 0 ? 1 : -1;
  long target = s + delta;
  if (target < 0)
    target = 0;
  if (target >= n)
    target = n - 1;
  /* Land on an item, skipping phase headings in the direction of travel. */
  while (target >= 0 && target < n && st->rows[target].section < 0)
    target += step;
  if (target < 0 || target >= n)
    {
      target = s;
      if (delta < -1 || delta > 1)
        {
          /* A page or Home/End went past the edge: take the nearest item. */
          for (target = delta < 0 ? 0 : n - 1; target >= 0 && target < n && st->rows[target].section < 0;
               target -= step)
            ;
        }
    }
  if (target >= 0 && target < n)
    st->sel = (size_t) target;
}

/* The first question of the selected item. */
static size_t
ov_selected_pos(ui *u)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  update(u);
  return st->nrows ? st->rows[st->sel].first_pos : 0;
}

static bool
ov_key(ui *u, ui_key k, enum ui_act a)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  (void) k;
  long page = LINES - 5 > 1 ? LINES - 5 : 1;
  switch (a)
    {
    case A_UP: move_sel(u, -1); return true;
    case A_DOWN: move_sel(u, 1); return true;
    case A_PGUP: move_sel(u, -page); return true;
    case A_PGDN: move_sel(u, page); return true;
    case A_HOME: move_sel(u, -(long) st->nrows); return true;
    case A_END: move_sel(u, (long) st->nrows); return true;
    case A_OPEN: ui_open_question(u, ov_selected_pos(u), SCR_COUNT); return true;
    case A_UNANSWERED: search_next_open(u, ov_selected_pos(u)); return true;
    case A_SEARCH: search_start(u, 0); return true;
    case A_GOTO: search_goto(u); return true;
    case A_FILTER: ui_push(u, SCR_LIST, &(ui_arg){ .fresh = true }); return true;
    default: return false;
    }
}

/* A click on an item selects it; on the selected item, opens it. */
static void
ov_click(ui *u, int y, int x)
{
  ov_state *st = ui_state(u, SCR_OVERVIEW);
  (void) x;
  size_t r = st->top + (size_t) (y - 2);
  if (y < 2 || y >= LINES - 2 || r >= st->nrows || st->rows[r].section < 0)
    return;
  if (r == st->sel)
    ui_open_question(u, st->rows[r].first_pos, SCR_COUNT);
  else
    st->sel = r;
}

const ui_screen overview_screen = { .scope = KS_OVERVIEW, .state_size = sizeof(ov_state), .open = ov_open,
                                    .draw = ov_draw, .key = ov_key, .esc = SCR_OVERVIEW, .click = ov_click,
                                    .done = ov_done };
