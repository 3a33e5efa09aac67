/* ui_question: one question at a time, in PDCA walk order across items.
 * A digit answers and moves on, so the whole questionnaire can be done in
 * one pass; the level is written out in words, so it reads the same
 * without colour.
 *
 * Why one file of this size (about 820 lines): it is one screen, whose
 * drawing, keys and answering steps (a reason asked for, a note kept or
 * not, the plan's fields in turn) share the state of the question shown;
 * what is not the screen's own is already elsewhere: the field editor
 * (ui_edit.c), search (ui_search.c) and undo (ui_undo.c). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/coverage.h"
#include "base/i18n.h"
#include "model/plan.h"
#include "report/report.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

/* The screen's state, created and freed through the screen table. */
typedef struct qv_state
{
  unsigned phases_said;       /* phases whose end was announced (bits) */
  bool pending;               /* an answer waits for its reason: */
  enum ans_status pending_st; /* ... this one */
  size_t edit_qi;             /* the question whose note, evidence or plan is being edited */
  int plan_field;             /* the plan field being edited */
  bool listed;                /* opened from a list: Esc returns there */
  enum ui_screen_id opener;   /* ... this one */
  /* A question whose answer no longer needs the reason its note gives:
   * keep the note? (the next key says) */
  bool keep_asked;
  size_t keep_qi;
  /* Where each choice, the note and the evidence were drawn last, for
   * clicks (a click always follows a draw). */
  struct { int y, x0, x1; } choice_at[ANS_STATUS_COUNT];
  int y_note, y_ev;
} qv_state;

static qv_state *
qv(const ui *u)
{
  return ui_state(u, SCR_QUESTION);
}

/* Opened at arg's question (NULL: come back to where the respondent is). */
static void
qv_open(ui *u, const ui_arg *arg)
{
  if (!arg)
    return;
  if (arg->pos < u->s->qn->nquestions)
    u->pos = arg->pos;
  qv(u)->listed = arg->from != SCR_COUNT;
  qv(u)->opener = arg->from;
}

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
        {
          ud_text(y, x, w, item, a);
          qv(u)->choice_at[c].y = y, qv(u)->choice_at[c].x0 = x, qv(u)->choice_at[c].x1 = x + w;
        }
      x += w + 3;
    }
  return rows;
}

/* The rows a text takes wrapped to width. */
static int
text_rows(const char *s, int width)
{
  char *clean = txt_sanitize(s, false);
  txt_line *lines;
  size_t n = txt_wrap(clean, width, &lines);
  free(lines);
  free(clean);
  return (int) n;
}

/* The rows a note or evidence takes in width columns, as it is drawn. */
static int
field_rows(const char *value, int width)
{
  lineedit t;
  le_init(&t, value, 0, LE_MULTILINE | (i18n_utf8() ? 0 : LE_ASCII));
  int cy, cx;
  int n = ud_flow(0, 0, width, t.cp, t.len, t.flags, 0, 0, A_NORMAL, -1, &cy, &cx);
  le_free(&t);
  return n;
}

/* A note or evidence in rows rows from y; a text that needs more ends
 * in "..".  The first match of the folded query (or NULL) shows in
 * reverse, as in the question's text. */
static void
draw_field(ui *u, int y, int rows, const char *label, int lw, const char *value, const char *missing, bool err,
           const char *query)
{
  ud_text(y, 2, lw, label, A_BOLD);
  int x = 2 + lw + 2, width = COLS - x - 1;
  if (value && *value)
    {
      lineedit t;
      le_init(&t, value, 0, LE_MULTILINE | (i18n_utf8() ? 0 : LE_ASCII));
      int cy, cx;
      int total = ud_flow(y, x, width, t.cp, t.len, t.flags, 0, rows, A_NORMAL, -1, &cy, &cx);
      size_t at, len;
      if (query && txt_find_folded(value, strlen(value), query, &at, &len))
        ud_flow_mark(y, x, width, t.cp, t.len, t.flags, 0, rows, le_index(value, at), le_index(value, at + len),
                     A_REVERSE);
      if (total > rows)
        {
          /* Cut: the last row gives its end to the mark. */
          move(y + rows - 1, COLS - 4);
          clrtoeol();
          mvaddstr(y + rows - 1, COLS - 3, "..");
        }
      le_free(&t);
    }
  else if (missing)
    ud_text(y, x, width, missing, err ? ud_attr(u, UC_ERROR) : ud_attr(u, UC_DIM));
}

/* The local-government guideline's counterpart of an item, in one
 * string: the counterparts, or what is known of them (none in the table,
 * or not in the part of the table kijun has), and the item's note. */
/* "NIST CSF 2.0: Govern: Policy (GV.PO); Protect: ..." for the header. */
static char *
csf_line(const qn_question *x, enum lang l)
{
  char *refs = csf_refs_label(x->csf, x->ncsf, l);
  /* TRANSLATORS: label before the NIST Cybersecurity Framework 2.0
     categories a question bears on; keep "CSF 2.0". */
  char *out = xasprintf("%s: %s", _("NIST CSF 2.0"), refs);
  free(refs);
  return out;
}

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

/* The bottom of the question's own rows: above the status line, and
 * above last cycle's two rows when its answers are loaded. */
static int
base_row(const ui *u)
{
  return LINES - 2 - (u->prev ? 2 : 0);
}

/* The widest label of the bottom block, which the fields line up after. */
static int
label_width(void)
{
  const char *labels[] = { _("Note"), _("Evidence"), ans_plan_name(ANS_PLAN_ACTION),
                           ans_plan_name(ANS_PLAN_OWNER) };
  int w = 0;
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (txt_width(labels[i]) > w)
      w = txt_width(labels[i]);
  return w;
}

/* "IT   Due 2027-03-31   Done -": who and when, in one line. */
static char *
plan_when(const ans_entry *e)
{
  return xasprintf("%s   %s %s   %s %s", e->plan[ANS_PLAN_OWNER] ? e->plan[ANS_PLAN_OWNER] : "-",
                   ans_plan_name(ANS_PLAN_DUE), e->plan[ANS_PLAN_DUE] ? e->plan[ANS_PLAN_DUE] : "-",
                   ans_plan_name(ANS_PLAN_DONE), e->plan[ANS_PLAN_DONE] ? e->plan[ANS_PLAN_DONE] : "-");
}

/* The plan under the answer, its action on row y and who and when on the
 * next; an overdue action is marked in words, so it stands out without
 * colour. */
static void
draw_plan(ui *u, const ans_entry *e, int lw, int y, int rows)
{
  draw_field(u, y, rows, ans_plan_name(ANS_PLAN_ACTION), lw, e->plan[ANS_PLAN_ACTION], _("(none yet: press a)"),
             false, NULL);
  y += rows - 1;
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
  ud_text(y + 1, 2, lw, ans_plan_name(ANS_PLAN_OWNER), A_BOLD);
  ud_text(y + 1, 2 + lw + 2, COLS - lw - 5, when, st == PLAN_OVERDUE ? ud_attr(u, UC_ERROR) : A_NORMAL);
  free(when);
}

/* Last cycle's answer under this one: its status and note, then its plan;
 * the label says which cycle (its start date). */
static void
draw_last_cycle(ui *u, const ans_entry *e)
{
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
                     e->plan[ANS_PLAN_ACTION] ? e->plan[ANS_PLAN_ACTION] : "-", ans_plan_name(ANS_PLAN_OWNER),
                     when);
      free(when);
    }
  else
    pl = xasprintf("%s: -", ans_plan_name(ANS_PLAN_ACTION));
  ud_text(y + 1, 4, COLS - 6, pl, ud_attr(u, UC_DIM));
  free(pl);
}

static void
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
  /* TRANSLATORS: the question's position in walk order, as in
     "question 22/178" (not how many are answered). */
  snprintf(right, sizeof right, _("question %zu/%zu"), u->pos + 1, q->nquestions);
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
  if (e->review)
    /* TRANSLATORS: marker of a question the respondent marked to look at
       again (key m); ASCII brackets, at most 16 columns. */
    tw += 2 + ud_text(1, 2 + tw + 2, COLS - tw - 6, _("[for review]"), A_BOLD | A_REVERSE);
  /* Where the level comes from, so that kijun's own reading is never
   * taken for the government's. */
  /* TRANSLATORS: after the question id, where its level comes from. */
  char *basis = x->basis ? xasprintf(_("level from: %s"), qn_basis_name(x->basis)) : xstrdup("");
  char *meta = xasprintf("%s   %s", x->id, basis);
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
  if (e->from)
    {
      /* After a migration: where the answer came from and, for one carried
       * only as a proposal, the old answer beside the question. */
      char *fr = e->proposal != ANS_NONE
                   /* TRANSLATORS: %s: the old answer's status, then where it came from
                      ("nisc-2023 3: 5.1.3.3-a"); the respondent confirms by choosing a status. */
                   ? xasprintf(_("Proposed by the migration: %s (from %s); choose a status to answer"),
                               ans_status_name(e->proposal), e->from)
                   /* TRANSLATORS: %s: where a migrated answer came from ("nisc-2023 3: 5.1.3.3-a"). */
                   : xasprintf(_("Carried from %s"), e->from);
      y += ud_wrapped(y, 2, COLS - 4, 2, fr, e->proposal != ANS_NONE ? A_BOLD : ud_attr(u, UC_DIM));
      free(fr);
    }
  char *lg = lg_line(s, l);
  /* TRANSLATORS: label before the counterpart in the local-government
     security policy guideline; keep it short (about 12 columns). */
  char *lgl = xasprintf("%s: %s", _("LG guideline"), lg);
  y += ud_wrapped(y, 2, COLS - 4, 2, lgl, ud_attr(u, UC_DIM));
  free(lg);
  free(lgl);
  if (x->ncsf)
    {
      /* The CSF references in words, so that a reader who does not know
       * NIST's ids still sees what the question bears on. */
      char *csf = csf_line(x, l);
      y += ud_wrapped(y, 2, COLS - 4, 2, csf, ud_attr(u, UC_DIM));
      free(csf);
    }
  /* Out of scope: said before the question, with the way back. */
  char *why = ans_scope_reason(u->s->a, qi, l);
  if (why)
    {
      /* TRANSLATORS: after "not in scope: no control systems" in the
         question view; p opens the profile form with the scope questions. */
      char *line = xasprintf("%s %s", why, _("(left out of the figures; answer kept; p changes the scope)"));
      y += ud_wrapped(y, 2, COLS - 4, 2, line, ud_attr(u, UC_ERROR) | A_BOLD);
      free(line);
    }

  /* Bottom block, from the bottom up: key bar, status, last cycle's
   * answer and plan (when there is a previous cycle), the plan (two
   * rows), evidence, note, choices, rule. */
  const char *labels[] = { _("Note"), _("Evidence") };
  int lw = label_width(), base = base_row(u), y_plan = base - 2;
  /* Choices take two rows at 80 columns, one on wider screens, where the
   * row above the note may take a second; more if the table grows. */
  int crow = COLS >= 110 ? 1 : 2;
  int need = choices(u, 0, e->status, false);
  if (crow < need - 1)
    crow = need - 1;
  /* The note and the evidence take one row each, and the rows the
   * question's text leaves free (before the hint) when they need more:
   * the one being edited shows whole if it can. */
  int fw = COLS - (2 + lw + 2) - 1, top = y + 1;
  enum ui_edit ed = ed_active(u);
  int rn = ed == ED_NOTE ? ed_rows(u, fw - 1) : field_rows(e->note, fw);
  int re = ed == ED_EVIDENCE ? ed_rows(u, fw - 1) : field_rows(e->evidence, fw);
  bool show_plan = (cov_result(e) == COV_NOT_MET && !why) || ans_has_plan(e);
  int ra = !show_plan ? 1 : ed == ED_PLAN_ACTION ? ed_rows(u, fw - 1) : field_rows(e->plan[ANS_PLAN_ACTION], fw);
  /* The question's text and its hint have the room first; the note and
   * the evidence grow into what they leave. */
  int hint_rows = qn_text_given(&x->hint) ? 1 + text_rows(qn_tr(&x->hint, l), COLS - 6) : 0;
  int spare = (base - 4 - 1 - crow) - 2 - top - text_rows(qn_tr(&x->text, l), COLS - 4) - 1 - hint_rows;
  if (spare < 0)
    spare = 0;
  /* The plan's action grows too, by up to a third of what is spare. */
  int ga = ra - 1 < spare / 3 ? ra - 1 : spare / 3;
  spare -= ga;
  y_plan -= ga;
  int give = (rn - 1) + (re - 1) < spare ? (rn - 1) + (re - 1) : spare;
  int ge = re - 1 < give / 2 ? re - 1 : give / 2;
  int gn = rn - 1 < give - ge ? rn - 1 : give - ge;
  ge = re - 1 < give - gn ? re - 1 : give - gn;
  int y_ev = y_plan - 1 - ge, y_note = y_ev - 1 - gn;
  int y_ch = y_note - 1 - crow;
  /* ASCII, not ACS_HLINE: in UTF-8 some terminals get U+2500, which is
   * East Asian Ambiguous and may take two columns. */
  attron(ud_attr(u, UC_DIM));
  mvhline(y_ch - 1, 0, '-', COLS);
  attroff(ud_attr(u, UC_DIM));
  choices(u, y_ch, e->status, true);
  bool needs = ans_needs_reason(e->status) && !ans_has_reason(e);
  /* The last search's match shows in reverse, wherever it was found. */
  char *query = u->search ? txt_fold(u->search) : NULL;
  draw_field(u, y_note, gn + 1, labels[0], lw, e->note,
             needs ? _("a reason is needed for this answer (press e)") : _("(none: press e)"), needs, query);
  draw_field(u, y_ev, ge + 1, labels[1], lw, e->evidence, _("(none: press v)"), false, query);
  qv(u)->y_note = y_note, qv(u)->y_ev = y_ev;
  if (show_plan)
    draw_plan(u, e, lw, y_plan, ga + 1);
  free(why);
  if (u->prev)
    draw_last_cycle(u, &u->prev->e[qi]);

  /* The text, then the hint, in what is left. */
  int avail = y_ch - 2 - top;
  int th = ud_wrapped_hl(top, 2, COLS - 4, avail, qn_tr(&x->text, l), A_BOLD, query);
  ud_focus(top, 2);
  free(query);
  int hy = top + th + 1;
  /* TRANSLATORS: heading before the hint on evidence. */
  const char *hint_head = _("What would show it is done:");
  if (y_ch - 2 - hy >= 2)
    {
      ud_text(hy, 2, COLS - 4, hint_head, ud_attr(u, UC_DIM) | A_UNDERLINE);
      ud_wrapped(hy + 1, 4, COLS - 6, y_ch - 2 - hy - 1, qn_tr(&x->hint, l), ud_attr(u, UC_DIM));
    }
  else if (y_ch - 2 - hy == 1)
    {
      /* One row: the heading and the hint on it, cut with "..". */
      char *one = xasprintf("%s %s", hint_head, qn_tr(&x->hint, l));
      ud_text(hy, 2, COLS - 4, one, ud_attr(u, UC_DIM));
      free(one);
    }

  ud_status(u);
  switch (ed_active(u))
    {
    case ED_NOTE: ed_draw(u, y_note, lw, gn + 1); break;
    case ED_EVIDENCE: ed_draw(u, y_ev, lw, ge + 1); break;
    case ED_SEARCH: ed_draw(u, LINES - 2, 0, 1); break;
    case ED_PLAN_ACTION: ed_draw(u, y_plan, lw, ga + 1); break;
    case ED_PLAN:
      if (ans_plan_is_date((enum ans_plan) qv(u)->plan_field))
        {
          /* While a date is edited, the owner and dates saved so far
           * stay in view on the action's row. */
          char *when = plan_when(e);
          move(y_plan + ga, 0);
          clrtoeol();
          ud_text(y_plan + ga, 2, lw, ans_plan_name(ANS_PLAN_OWNER), A_BOLD);
          ud_text(y_plan + ga, 2 + lw + 2, COLS - lw - 5, when, A_NORMAL);
          free(when);
        }
      ed_draw(u, y_plan + ga + 1, lw, 1);
      break;
    default: break;
    }
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
     items that do not fit are dropped from the end, so help and the ways
     out come first and always show. */
  const char *keys[] = { _("? help"), _("q quit"), _("Esc back"), answer_keys, _("e note"), _("v evidence"),
                         _("a plan"), _("Tab unfinished"), _("P plan list"), _("/ search"), clear_key };
  ud_keybar(u, keys, sizeof keys / sizeof keys[0]);
}

/* The position of the first question of the next (dir > 0) or of this
 * or the previous (dir < 0) item in walk order. */
static size_t
item_step(const ui *u, int dir)
{
  const questionnaire *q = u->s->qn;
  size_t p = u->pos;
  const qn_question *x = &q->questions[q->order[p]];
#define SAME(i) (q->questions[q->order[i]].section == x->section && q->questions[q->order[i]].phase == x->phase)
  if (dir > 0)
    {
      while (p + 1 < q->nquestions && SAME(p + 1))
        p++;
      return p + 1 < q->nquestions ? p + 1 : u->pos;
    }
  while (p > 0 && SAME(p - 1))
    p--;
  if (p == u->pos && p > 0)
    {
      /* Already at the item's start: go to the previous item's start. */
      p--;
      x = &q->questions[q->order[p]];
      while (p > 0 && SAME(p - 1))
        p--;
    }
#undef SAME
  return p;
}

/* After the answer to qi (the question shown): the next question, and a
 * line saying what was recorded, how many questions are answered, and,
 * once for each phase, that answering has gone on to the next phase. */
static void
move_on(ui *u, size_t qi)
{
  const questionnaire *q = u->s->qn;
  const qn_question *x = &q->questions[qi];
  enum ans_status st = u->s->a->e[qi].status;
  const coverage *c = ui_figures(u);
  /* TRANSLATORS: after an answer: question id, the answer, and how many
     questions are answered of all, as in "2.2-a: Implemented - answered
     22/178". */
  char *m = xasprintf(_("%s: %s - answered %u/%u"), x->id, ans_status_name(st), cov_answered(c->all),
                      cov_total(c->all));
  char *more = NULL;
  if (st != ANS_NONE && u->pos + 1 < q->nquestions)
    {
      u->pos++;
      const qn_question *next = &q->questions[q->order[u->pos]];
      if (next->phase != x->phase && !(qv(u)->phases_said & 1u << x->phase))
        {
          qv(u)->phases_said |= 1u << x->phase;
          /* TRANSLATORS: said once when answering moves on from the last
             question of a phase, as in "Plan done, on to Do". */
          more = xasprintf(_("%s done, on to %s"), qn_phase_name(x->phase), qn_phase_name(next->phase));
        }
    }
  else if (st != ANS_NONE)
    more = xstrdup(_("That was the last question. Press q to see the summary."));
  if (more)
    ui_set_msg(u, false, "%s. %s", m, more);
  else
    ui_set_msg(u, false, "%s", m);
  free(m);
  free(more);
}

static void
toggle_review(ui *u)
{
  size_t qi = u->s->qn->order[u->pos];
  ans_entry *e = &u->s->a->e[qi];
  undo_remember_answer(u, qi);
  e->review = !e->review;
  ui_changed(u);
  ui_set_msg(u, false, e->review ? _("%s is marked for review (f lists the marked questions).")
                                 : _("%s is no longer marked for review."),
             u->s->qn->questions[qi].id);
}

static void
text_done(ui *u, enum ed_end how, const char *text, bool changed, bool note)
{
  qv_state *st = qv(u);
  size_t qi = st->edit_qi;
  if (how != ED_CANCEL && (changed || (note && st->pending)))
    undo_remember_answer(u, qi);
  if (how != ED_CANCEL && changed)
    {
      (note ? ans_set_note : ans_set_evidence)(u->s->a, qi, text);
      ui_changed(u);
    }
  if (note && st->pending)
    {
      /* The answer that asked for the reason is given with it, or not
       * at all. */
      st->pending = false;
      if (how != ED_CANCEL && ans_has_reason(&u->s->a->e[qi]))
        {
          ans_set_status(u->s->a, qi, st->pending_st);
          ui_changed(u);
          if (how == ED_SAVE)
            move_on(u, qi);
        }
      else if (how == ED_CANCEL)
        ui_set_msg(u, false, "%s", _("Not answered: that answer needs its reason."));
    }
}

static void
note_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  text_done(u, how, text, changed, true);
}

static void
evidence_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  text_done(u, how, text, changed, false);
}

static void
edit(ui *u, bool note)
{
  qv_state *s = qv(u);
  s->edit_qi = u->s->qn->order[u->pos];
  const ans_entry *e = &u->s->a->e[s->edit_qi];
  ed_start(u, note ? ED_NOTE : ED_EVIDENCE, note ? _("Note") : _("Evidence"), note ? e->note : e->evidence,
           note ? note_done : evidence_done);
  enum ans_status st = s->pending ? s->pending_st : e->status;
  if (note && ans_needs_reason(st))
    ed_require(u, _("This answer needs a reason: type it, or press Esc to leave the answer as it was."));
}

static void edit_plan(ui *u, int field, const char *text);

/* A plan field: a date must be a date (the field stays open, its text
 * kept, until it is one or Esc); Enter goes on to the next field. */
static void
plan_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  if (how == ED_CANCEL)
    return;
  qv_state *st = qv(u);
  enum ans_plan f = (enum ans_plan) st->plan_field;
  if (*text && ans_plan_is_date(f) && !ans_valid_date(text))
    {
      if (how == ED_SAVE)
        {
          ui_set_msg(u, true, _("\"%s\" is not a date: write YYYY-MM-DD (2027-03-31), or Esc."), text);
          edit_plan(u, st->plan_field, text);
        }
      return;
    }
  if (changed)
    {
      undo_remember_answer(u, st->edit_qi);
      ans_set_plan(u->s->a, st->edit_qi, f, text);
      ui_changed(u);
    }
  if (how == ED_SAVE && st->plan_field + 1 < ANS_PLAN_COUNT)
    edit_plan(u, st->plan_field + 1, u->s->a->e[st->edit_qi].plan[st->plan_field + 1]);
}

static void
edit_plan(ui *u, int field, const char *text)
{
  /* The form of a date is said before it is typed (unless the line
   * says what was wrong with the last one). */
  if (ans_plan_is_date((enum ans_plan) field) && !u->msg_err)
    /* TRANSLATORS: on the status line while a plan date is edited; %s
       is the field (Due, Done). */
    ui_set_msg(u, false, _("%s: a date as YYYY-MM-DD, such as 2027-03-31; Enter saves, Esc stops."),
               ans_plan_name((enum ans_plan) field));
  qv(u)->plan_field = field;
  qv(u)->edit_qi = u->s->qn->order[u->pos];
  ed_start(u, field == ANS_PLAN_ACTION ? ED_PLAN_ACTION : ED_PLAN, ans_plan_name((enum ans_plan) field), text,
           plan_done);
}

static void
answer(ui *u, enum ans_status st)
{
  size_t qi;
  current(u, &qi);
  if (ans_needs_reason(st) && !ans_has_reason(&u->s->a->e[qi]))
    {
      /* The reason is part of the answer: ask for it at once; the
       * answer is given, and the view moves on, when it is saved. */
      ui_set_msg(u, false, "%s", _("Give the reason for this answer, then press Enter."));
      qv(u)->pending = true;
      qv(u)->pending_st = st;
      edit(u, true);
      return;
    }
  enum ans_status was = u->s->a->e[qi].status;
  undo_remember_answer(u, qi);
  ans_set_status(u->s->a, qi, st);
  ui_changed(u);
  const char *note = u->s->a->e[qi].note;
  if (ans_needs_reason(was) && !ans_needs_reason(st) && note && *note)
    {
      /* The note was the reason for the answer before: it may not fit
       * the new one, and a report would show it as its reason. */
      qv(u)->keep_asked = true;
      qv(u)->keep_qi = qi;
      /* TRANSLATORS: %s is the answer before, whose reason the note
         gave; y and n are keys.  The question comes first, so that it
         shows at 60 columns. */
      ui_set_msg(u, false, _("Keep the note? It gave the reason for \"%s\"; y keeps it, n removes it."),
                 ans_status_name(was));
      return;
    }
  move_on(u, qi);
}

/* The answer to "keep the note?": y or Enter keeps it, n removes it
 * (u brings back the answer and the note together); any other key keeps
 * it and goes on as itself. */
static bool
keep_answer(ui *u, ui_key k)
{
  size_t qi = qv(u)->keep_qi;
  qv(u)->keep_asked = false;
  uint32_t c = k.fn ? 0 : txt_halfwidth((uint32_t) k.ch);
  if (c == 'n' || c == 'N')
    {
      ans_set_note(u->s->a, qi, NULL);
      ui_changed(u);
      move_on(u, qi);
      return true;
    }
  if (c == 'y' || c == 'Y' || c == '\r' || c == '\n' || (k.fn && k.ch == KEY_ENTER))
    {
      move_on(u, qi);
      /* The answer is saved with where the respondent goes on from. */
      ui_changed(u);
      return true;
    }
  return false;
}

static bool
qv_key(ui *u, ui_key k, enum ui_act a)
{
  size_t last = u->s->qn->nquestions - 1;
  if (qv(u)->keep_asked && keep_answer(u, k))
    return true;
  int st = !k.fn && k.ch < 128 ? ans_status_of_digit((int) k.ch) : -1;
  if (st >= 0)
    {
      answer(u, (enum ans_status) st);
      return true;
    }
  size_t was = u->pos;
  switch (a)
    {
    case A_PREV: if (u->pos) u->pos--; break;
    case A_NEXT: if (u->pos < last) u->pos++; break;
    case A_PREV_ITEM: u->pos = item_step(u, -1); break;
    case A_NEXT_ITEM: u->pos = item_step(u, 1); break;
    case A_FIRST: u->pos = 0; break;
    case A_LAST: u->pos = last; break;
    default: break;
    }
  if (u->pos != was)
    {
      /* A move is never taken for an answer: leaving a question
       * unanswered says so. */
      size_t qi = u->s->qn->order[was];
      if (u->s->a->e[qi].status == ANS_NONE)
        /* TRANSLATORS: after moving away from a question without
           answering it; %s is its id. */
        ui_set_msg(u, false, _("%s left unanswered (a digit answers; Tab comes back to it)."),
                   u->s->qn->questions[qi].id);
      return true;
    }
  switch (a)
    {
    case A_PREV: case A_NEXT: case A_PREV_ITEM: case A_NEXT_ITEM: case A_FIRST: case A_LAST: return true;
    case A_UNANSWERED: search_next_open(u, u->pos + 1); return true;
    case A_NOTE: edit(u, true); return true;
    case A_PLAN:
      ui_set_msg(u, false, "%s", _("Plan: Enter saves a field and goes to the next; Esc stops."));
      edit_plan(u, ANS_PLAN_ACTION, u->s->a->e[u->s->qn->order[u->pos]].plan[ANS_PLAN_ACTION]);
      return true;
    case A_EVIDENCE: edit(u, false); return true;
    case A_SEARCH: search_start(u, u->pos + 1); return true;
    case A_SEARCH_NEXT: search_again(u, u->pos + 1, 1); return true;
    case A_SEARCH_PREV: search_again(u, u->pos ? u->pos - 1 : u->s->qn->nquestions - 1, -1); return true;
    case A_GOTO: search_goto(u); return true;
    case A_FILTER: ui_push(u, SCR_LIST, &(ui_arg){ .fresh = true }); return true;
    case A_REVIEW: toggle_review(u); return true;
    case A_UNDO: undo_apply(u); return true;
    case A_HOW:
      /* The dialog habit (Space to pick, Enter to confirm): say how. */
      ui_set_msg(u, false, _("To answer, press its digit (%c-%c, shown beside each answer); e writes a note."),
                 ans_statuses[ans_status_nth(0)].digit, ans_statuses[ans_status_nth(ANS_STATUS_COUNT - 2)].digit);
      return true;
    case A_BACK:
      {
        /* Back to the overview at this question's item, and to the list
         * it was opened from over it (where Esc then goes). */
        bool listed = qv(u)->listed;
        qv(u)->listed = false;
        ui_goto(u, SCR_OVERVIEW, &(ui_arg){ .pos = u->pos, .from = SCR_COUNT });
        if (listed)
          ui_push(u, qv(u)->opener, NULL);
      }
      return true;
    default:
      return false;
    }
}

/* A click on a choice answers as its digit does; on the note or the
 * evidence, opens it as e or v does. */
static void
qv_click(ui *u, int y, int x)
{
  const qv_state *st = qv(u);
  for (int c = 0; c + 1 < ANS_STATUS_COUNT; c++)
    if (y == st->choice_at[c].y && x >= st->choice_at[c].x0 && x < st->choice_at[c].x1)
      {
        answer(u, ans_status_nth(c));
        return;
      }
  if (y == st->y_note)
    edit(u, true);
  else if (y == st->y_ev)
    edit(u, false);
}

const ui_screen question_screen = { .scope = KS_QUESTION, .state_size = sizeof(qv_state), .open = qv_open, .draw = qv_draw, .key = qv_key,
                                    .esc = SCR_OVERVIEW, .click = qv_click };
