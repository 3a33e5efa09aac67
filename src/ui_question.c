/* ui_question: one question at a time, in PDCA walk order across items.
 * A digit answers and moves on, so the whole questionnaire can be done in
 * one pass; the level is written out in words, so it reads the same
 * without colour. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coverage.h"
#include "i18n.h"
#include "plan.h"
#include "report.h"
#include "text.h"
#include "ui_internal.h"
#include "xalloc.h"

static const qn_question *
current(const ui *u, size_t *index)
{
  size_t i = u->s->qn->order[u->pos];
  if (index)
    *index = i;
  return &u->s->qn->questions[i];
}

/* The answer choices: every status but unanswered, by digit, wrapped to
 * the screen.  Returns the rows they take; draws them only when draw is
 * set. */
static int
choices(ui *u, int y, enum ans_status st, bool draw)
{
  int x = 2, rows = 1;
  for (int c = 0; c + 1 < ANS_STATUS_COUNT; c++)
    {
      enum ans_status choice = ans_status_nth(c);
      char item[96];
      snprintf(item, sizeof item, "%s %c %s", choice == st ? "(*)" : "( )",
               ans_statuses[choice].digit, ans_status_name(choice));
      int w = txt_width(item);
      if (x + w > COLS - 2)
        {
          y++, rows++;
          x = 2;
        }
      attr_t a = choice == st ? ud_attr(u, UC_SELECT) | A_BOLD : A_NORMAL;
      if (draw)
        ud_text(y, x, w, item, a);
      x += w + 3;
    }
  return rows;
}

static void
draw_field(ui *u, int y, const char *label, int lw, const char *value, const char *missing, bool err)
{
  ud_text(y, 2, lw, label, A_BOLD);
  int x = 2 + lw + 2;
  if (value && *value)
    ud_marked(y, x, COLS - x - 1, value, A_NORMAL, i18n_utf8() ? 0 : LE_ASCII);
  else if (missing)
    ud_text(y, x, COLS - x - 1, missing, err ? ud_attr(u, UC_ERROR) : ud_attr(u, UC_DIM));
}

/* The local-government guideline's counterpart of an item, in one
 * string: the counterparts, or what is known of them (none in the table,
 * or not in the part of the table kijun has), and the item's note. */
static char *
lg_line(const qn_section *s, enum lang l)
{
  char *out = xstrdup(s->lg_state == QN_LGSTATE_GIVEN ? "" : qn_lgstate_name(s->lg_state));
  for (size_t k = 0; k < s->nlg; k++)
    {
      char *next = xasprintf("%s%s%s %s", out, k ? "; " : "", qn_lgpart_name(s->lg[k].part),
                             qn_tr(&s->lg[k].items, l));
      free(out);
      out = next;
    }
  if (qn_text_given(&s->lg_note))
    {
      /* TRANSLATORS: the counterpart in the LG guideline, then the item's
         note on it, as in "none: ...; note: provided for by the Local
         Autonomy Act". */
      char *next = xasprintf(_("%s; note: %s"), out, qn_tr(&s->lg_note, l));
      free(out);
      out = next;
    }
  return out;
}

/* The rows of the bottom block, from the bottom up: key bar, status,
 * last cycle (two rows, when its answers are loaded), the plan (action;
 * owner and dates), evidence, note. */
int
qv_edit_row(const ui *u, enum ui_edit what)
{
  int base = LINES - 2 - (u->prev ? 2 : 0);
  switch (what)
    {
    case ED_PLAN: return u->plan_field == ANS_PLAN_ACTION ? base - 2 : base - 1;
    case ED_EVIDENCE: return base - 3;
    case ED_NOTE: return base - 4;
    default: return LINES - 2;
    }
}

int
qv_label_width(void)
{
  const char *labels[] = { _("Note"), _("Evidence"), ans_plan_name(ANS_PLAN_ACTION),
                           ans_plan_name(ANS_PLAN_OWNER) };
  int w = 0;
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (txt_width(labels[i]) > w)
      w = txt_width(labels[i]);
  return w;
}

void
qv_edit_plan(ui *u, int field)
{
  u->plan_field = field;
  ed_start(u, ED_PLAN, u->s->a->e[u->s->qn->order[u->pos]].plan[field]);
}

/* "IT   Due 2027-03-31   Done -": who and when, in one line. */
static char *
plan_when(const ans_entry *e)
{
  return xasprintf("%s   %s %s   %s %s", e->plan[ANS_PLAN_OWNER] ? e->plan[ANS_PLAN_OWNER] : "-",
                   ans_plan_name(ANS_PLAN_DUE), e->plan[ANS_PLAN_DUE] ? e->plan[ANS_PLAN_DUE] : "-",
                   ans_plan_name(ANS_PLAN_DONE), e->plan[ANS_PLAN_DONE] ? e->plan[ANS_PLAN_DONE] : "-");
}

/* The plan under the answer; an overdue action is marked in words, so it
 * stands out without colour. */
static void
draw_plan(ui *u, const ans_entry *e, int lw)
{
  int y_action = LINES - 2 - (u->prev ? 2 : 0) - 2;
  draw_field(u, y_action, ans_plan_name(ANS_PLAN_ACTION), lw, e->plan[ANS_PLAN_ACTION],
             _("(none yet: press a)"), false);
  if (!e->plan[ANS_PLAN_ACTION] && !ans_has_plan(e))
    return;
  char today[ANS_DATE_SIZE];
  ans_today(today);
  enum plan_state st = plan_state_of(e, today);
  char *when = plan_when(e);
  if (st == PLAN_OVERDUE || st == PLAN_DONE)
    {
      char *marked = xasprintf("%s   %c %s", when, plan_state_mark(st), plan_state_name(st));
      free(when);
      when = marked;
    }
  ud_text(y_action + 1, 2, lw, ans_plan_name(ANS_PLAN_OWNER), A_BOLD);
  ud_text(y_action + 1, 2 + lw + 2, COLS - lw - 5, when,
          st == PLAN_OVERDUE ? ud_attr(u, UC_ERROR) : A_NORMAL);
  free(when);
}

/* Last cycle's answer under this one: its status and note, then its plan;
 * the label says which cycle (its start date). */
static void
draw_last_cycle(ui *u, const ans_entry *e, int lw)
{
  (void) lw;
  int y = LINES - 4;
  const char *started = u->prev->profile[ANS_STARTED];
  char date[ANS_DATE_SIZE] = "";
  if (started)
    snprintf(date, sizeof date, "%.10s", started);
  /* TRANSLATORS: the previous cycle's answer, with the date it started:
     "Last cycle (2025-11-20): Partially implemented". */
  char *head = xasprintf(_("Last cycle (%s): %s"), date[0] ? date : "-",
                         e->status == ANS_NONE ? ans_status_name(ANS_NONE) : report_unmet_reason(e));
  char *line = e->note ? xasprintf("%s. %s: %s", head, _("Note"), e->note) : xstrdup(head);
  ud_text(y, 2, COLS - 4, line, ud_attr(u, UC_DIM) | A_BOLD);
  free(line);
  free(head);
  char *pl;
  if (e->plan[ANS_PLAN_ACTION] || ans_has_plan(e))
    {
      char *when = plan_when(e);
      pl = xasprintf("%s: %s; %s: %s", ans_plan_name(ANS_PLAN_ACTION),
                       e->plan[ANS_PLAN_ACTION] ? e->plan[ANS_PLAN_ACTION] : "-",
                       ans_plan_name(ANS_PLAN_OWNER), when);
      free(when);
    }
  else
    pl = xasprintf("%s: -", ans_plan_name(ANS_PLAN_ACTION));
  ud_text(y + 1, 4, COLS - 6, pl, ud_attr(u, UC_DIM));
  free(pl);
}

void
qv_draw(ui *u)
{
  const questionnaire *q = u->s->qn;
  size_t qi;
  const qn_question *x = current(u, &qi);
  const qn_section *s = &q->sections[x->section];
  const ans_entry *e = &u->s->a->e[qi];
  enum lang l = i18n_lang();

  char *left = xasprintf("%s  >  %s %s", qn_phase_name(x->phase), s->id, qn_tr(&s->title, l));
  char right[48];
  snprintf(right, sizeof right, "%zu/%zu", u->pos + 1, q->nquestions);
  ud_titlebar(u, left, right);
  free(left);

  /* The level in words and brackets, so it cannot be mistaken without
   * colour; ids and the CSF function after it. */
  char *tag = xasprintf("[%s]", qn_level_name(x->level));
  int tw = ud_text(1, 2, COLS - 4, tag, ud_attr(u, x->level == QN_BASELINE ? UC_BASELINE : UC_RECOMMENDED));
  free(tag);
  if (e->reconfirm)
    {
      /* TRANSLATORS: marker of an answer carried from an earlier
         revision of its question; ASCII brackets, at most 20 columns. */
      tw += 2 + ud_text(1, 2 + tw + 2, COLS - tw - 6, _("[to reconfirm]"), ud_attr(u, UC_ERROR) | A_BOLD);
    }
  /* Where the level comes from, so that kijun's own reading is never
   * taken for the government's. */
  /* TRANSLATORS: after the question id, where its level comes from. */
  char *basis = x->basis ? xasprintf(_("level from: %s"), qn_basis_name(x->basis)) : xstrdup("");
  char *meta = x->csf ? xasprintf("%s   CSF %s   %s", x->id, qn_csf_key(x->csf), basis)
                      : xasprintf("%s   %s", x->id, basis);
  free(basis);
  ud_text(1, 2 + tw + 2, COLS - tw - 6, meta, A_NORMAL);
  free(meta);
  /* Under the level line: why the question has its level, when the
   * questionnaire says, then the counterpart in the LG guideline; each
   * wrapped, and capped so that the question keeps most of the screen. */
  int y = 2, cap = (LINES - 8) / 5 > 1 ? (LINES - 8) / 5 : 1;
  if (qn_text_given(&x->level_note))
    {
      /* TRANSLATORS: label before the questionnaire's note on why a
         question has its level (baseline or recommended). */
      char *why = xasprintf("%s: %s", _("Why this level"), qn_tr(&x->level_note, l));
      y += ud_wrapped(y, 2, COLS - 4, cap, why, A_NORMAL);
      free(why);
    }
  char *lg = lg_line(s, l);
  /* TRANSLATORS: label before the counterpart in the local-government
     security policy guideline; keep it short (about 12 columns). */
  char *lgl = xasprintf("%s: %s", _("LG guideline"), lg);
  y += ud_wrapped(y, 2, COLS - 4, 2, lgl, ud_attr(u, UC_DIM));
  free(lg);
  free(lgl);

  /* Bottom block, from the bottom up: key bar, status, last cycle's
   * answer and plan (when there is a previous cycle), the plan, evidence,
   * note, choices, rule. */
  int lw = qv_label_width();
  int y_note = qv_edit_row(u, ED_NOTE), y_ev = qv_edit_row(u, ED_EVIDENCE);
  /* Choices take two rows at 80 columns, one on wider screens, where the
   * row above the note may take a second; more if the table grows. */
  int crow = COLS >= 110 ? 1 : 2;
  int need = choices(u, 0, e->status, false);
  if (crow < need - 1)
    crow = need - 1;
  int y_ch = y_note - 1 - crow;
  /* ASCII, not ACS_HLINE: in UTF-8 some terminals get U+2500, which is
   * East Asian Ambiguous and may take two columns. */
  attron(ud_attr(u, UC_DIM));
  mvhline(y_ch - 1, 0, '-', COLS);
  attroff(ud_attr(u, UC_DIM));
  choices(u, y_ch, e->status, true);
  bool needs = ans_needs_reason(e->status) && !ans_has_reason(e);
  draw_field(u, y_note, _("Note"), lw, e->note,
             needs ? _("a reason is needed for this answer (press e)") : _("(none: press e)"), needs);
  draw_field(u, y_ev, _("Evidence"), lw, e->evidence, _("(none: press v)"), false);
  if (cov_result(e) == COV_NOT_MET || ans_has_plan(e))
    draw_plan(u, e, lw);
  if (u->prev)
    draw_last_cycle(u, &u->prev->e[qi], lw);

  /* The text, then the hint, in what is left. */
  int top = y + 1, avail = y_ch - 2 - top;
  int th = ud_wrapped(top, 2, COLS - 4, avail, qn_tr(&x->text, l), A_BOLD);
  int hy = top + th + 1;
  if (y_ch - 2 - hy >= 1)
    {
      /* TRANSLATORS: heading before the hint on evidence. */
      ud_text(hy, 2, COLS - 4, _("What would show it is done:"), ud_attr(u, UC_DIM) | A_UNDERLINE);
      ud_wrapped(hy + 1, 4, COLS - 6, y_ch - 2 - hy - 1, qn_tr(&x->hint, l), ud_attr(u, UC_DIM));
    }

  ud_status(u);
  if (u->ed == ED_NOTE || u->ed == ED_EVIDENCE || u->ed == ED_SEARCH || u->ed == ED_PLAN)
    ed_draw(u);
  /* The digits of the first and last choice, and the one that clears. */
  char answer_keys[32], clear_key[32];
  /* TRANSLATORS: key hint of the question view: the digits that answer,
     as in "1-6 answer". */
  snprintf(answer_keys, sizeof answer_keys, _("%c-%c answer"), ans_statuses[ans_status_nth(0)].digit,
           ans_statuses[ans_status_nth(ANS_STATUS_COUNT - 2)].digit);
  /* TRANSLATORS: key hint of the question view: the digit that clears
     the answer, as in "0 clear". */
  snprintf(clear_key, sizeof clear_key, _("%c clear"), ans_statuses[ANS_NONE].digit);
  /* TRANSLATORS: key hints of the question view, shown in 80 columns;
     items that do not fit are dropped from the end. */
  const char *keys[] = { _("? help"), _("q quit"), answer_keys, _("e note"), _("v evidence"),
                         _("a plan"), _("Tab unanswered"), _("Esc back"), _("P plan list"),
                         _("/ search"), clear_key };
  ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

/* The position of the first question of the next (dir > 0) or of this
 * or the previous (dir < 0) item in walk order. */
static size_t
item_step(const ui *u, int dir)
{
  const questionnaire *q = u->s->qn;
  size_t pos = u->pos;
  const qn_question *x = &q->questions[q->order[pos]];
#define SAME(p) (q->questions[q->order[p]].section == x->section && q->questions[q->order[p]].phase == x->phase)
  if (dir > 0)
    {
      while (pos + 1 < q->nquestions && SAME(pos + 1))
        pos++;
      return pos + 1 < q->nquestions ? pos + 1 : u->pos;
    }
  while (pos > 0 && SAME(pos - 1))
    pos--;
  if (pos == u->pos && pos > 0)
    {
      /* Already at the item's start: go to the previous item's start. */
      pos--;
      x = &q->questions[q->order[pos]];
      while (pos > 0 && SAME(pos - 1))
        pos--;
    }
#undef SAME
  return pos;
}

static bool
matches(const ui *u, size_t pos)
{
  const qn_question *x = &u->s->qn->questions[u->s->qn->order[pos]];
  return strcasestr(x->id, u->search) || strcasestr(qn_tr(&x->text, i18n_lang()), u->search);
}

bool
qv_search(ui *u, size_t from)
{
  const questionnaire *q = u->s->qn;
  if (!u->search || !*u->search)
    return false;
  for (size_t k = 0; k < q->nquestions; k++)
    {
      size_t pos = (from + k) % q->nquestions;
      if (matches(u, pos))
        {
          ui_open_question(u, pos);
          return true;
        }
    }
  ui_set_msg(u, true, _("No question matches \"%s\"."), u->search);
  return false;
}

static void
answer(ui *u, enum ans_status st)
{
  size_t qi;
  current(u, &qi);
  ans_set_status(u->s->a, qi, st);
  ui_changed(u);
  if (ans_needs_reason(st) && !ans_has_reason(&u->s->a->e[qi]))
    {
      /* The reason is part of the answer: ask for it at once; the view
       * moves on when the note is saved. */
      ui_set_msg(u, false, "%s", _("Give the reason for this answer, then press Enter."));
      u->advance_after_edit = true;
      ed_start(u, ED_NOTE, u->s->a->e[qi].note);
      return;
    }
  if (st != ANS_NONE && u->pos + 1 < u->s->qn->nquestions)
    u->pos++;
  else if (st != ANS_NONE)
    ui_set_msg(u, false, "%s", _("That was the last question. Press q to see the summary."));
}

void
qv_key(ui *u, ui_key k)
{
  const questionnaire *q = u->s->qn;
  size_t last = q->nquestions - 1;
  if (k.fn)
    {
      switch (k.ch)
        {
        case KEY_LEFT: case KEY_UP: if (u->pos) u->pos--; break;
        case KEY_RIGHT: case KEY_DOWN: if (u->pos < last) u->pos++; break;
        case KEY_PPAGE: u->pos = item_step(u, -1); break;
        case KEY_NPAGE: u->pos = item_step(u, 1); break;
        case KEY_HOME: u->pos = 0; break;
        case KEY_END: u->pos = last; break;
        default: break;
        }
      return;
    }
  int st = k.ch < 128 ? ans_status_of_digit((int) k.ch) : -1;
  if (st >= 0)
    {
      answer(u, (enum ans_status) st);
      return;
    }
  switch (k.ch)
    {
    case 'h': case 'k': if (u->pos) u->pos--; break;
    case 'l': case 'j': if (u->pos < last) u->pos++; break;
    case '\t': ui_next_open(u, (u->pos + 1) % q->nquestions); break;
    case 'e': ed_start(u, ED_NOTE, u->s->a->e[q->order[u->pos]].note); break;
    case 'v': ed_start(u, ED_EVIDENCE, u->s->a->e[q->order[u->pos]].evidence); break;
    case 'a':
      ui_set_msg(u, false, "%s", _("Plan: Enter saves a field and goes to the next; Esc stops."));
      qv_edit_plan(u, ANS_PLAN_ACTION);
      break;
    case 'n':
      if (u->search)
        qv_search(u, u->pos + 1);
      break;
    case 27:
      ov_select_pos(u, u->pos);
      u->scr = u->qback;
      u->qback = SCR_OVERVIEW;
      break;
    default: break;
    }
}
