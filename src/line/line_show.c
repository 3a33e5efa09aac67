/* line_show: what the line mode prints of a question (where it stands,
 * its id, level and item, its text, what is recorded, the answers by
 * number) and of the assessment (the figures, help, the summary).  See
 * line.c. */
#include <config.h>
#include "line/line.h"
#include "line/line_int.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "front/run.h"
#include "model/coverage.h"
#include "model/find.h"
#include "model/plan.h"
#include "ops/cycle.h"
#include "report/report.h"

const coverage *
line_figures(lm *m, coverage *c)
{
  cov_compute(qn_of(m), m->s->a, c);
  return c;
}

static void
progress(lm *m)
{
  coverage c;
  line_figures(m, &c);
  /* TRANSLATORS: the line mode's progress, before each question: its
     place in walk order, the questions in all, and how many are
     answered. */
  line_say(_("Question %zu of %zu, %u answered."), m->pos + 1, qn_of(m)->nquestions, cov_answered(c.all));
  cov_free(&c);
}

/* What is recorded for entry e: note, evidence, plan, last cycle. */
static void
show_recorded(lm *m, size_t qi)
{
  const ans_entry *e = &m->s->a->e[qi];
  if (e->note)
    line_say("%s: %s", _("Note"), e->note);
  else if (ans_needs_reason(e->status))
    line_say("%s: %s", _("Note"), _("a reason is needed for this answer (e)"));
  if (e->evidence)
    line_say("%s: %s", _("Evidence"), e->evidence);
  if (ans_has_plan(e))
    {
      char today[ANS_DATE_SIZE];
      ans_today(today);
      enum plan_state st = plan_state_of(e, today);
      line_say("%s: %s; %s: %s; %s: %s; %s: %s (%s)", ans_plan_name(ANS_PLAN_ACTION),
          e->plan[ANS_PLAN_ACTION] ? e->plan[ANS_PLAN_ACTION] : "-", ans_plan_name(ANS_PLAN_OWNER),
          e->plan[ANS_PLAN_OWNER] ? e->plan[ANS_PLAN_OWNER] : "-", ans_plan_name(ANS_PLAN_DUE),
          e->plan[ANS_PLAN_DUE] ? e->plan[ANS_PLAN_DUE] : "-", ans_plan_name(ANS_PLAN_DONE),
          e->plan[ANS_PLAN_DONE] ? e->plan[ANS_PLAN_DONE] : "-", plan_state_name(st));
    }
  if (m->prev)
    {
      const ans_entry *pe = &m->prev->e[qi];
      const char *started = m->prev->profile[ANS_STARTED];
      char date[ANS_DATE_SIZE] = "-";
      if (started)
        snprintf(date, sizeof date, "%.10s", started);
      char *head = xasprintf(_("Last cycle (%s): %s"), date,
                             pe->status == ANS_NONE ? ans_status_name(ANS_NONE) : report_unmet_reason(pe));
      if (pe->note)
        line_say("%s. %s: %s", head, _("Note"), pe->note);
      else
        line_say("%s", head);
      free(head);
    }
}

/* The question at m->pos, once: where it stands, what it asks, what is
 * recorded, the answers. */
static void
show_question(lm *m)
{
  const questionnaire *q = qn_of(m);
  size_t qi = qi_at(m, m->pos);
  const qn_question *x = &q->questions[qi];
  const qn_section *sec = &q->sections[x->section];
  const ans_entry *e = &m->s->a->e[qi];
  enum lang l = i18n_lang();
  putchar('\n');
  progress(m);
  line_say("%s > %s %s", qn_phase_name(x->phase), sec->id, qn_tr(&sec->title, l));
  char *from = x->basis ? xasprintf(_("level from: %s"), qn_basis_name(x->basis)) : NULL;
  char *basis = from ? xasprintf(", %s", from) : xstrdup("");
  free(from);
  char *meta = xasprintf("%s [%s]%s", x->id, qn_level_name(x->level), basis);
  free(basis);
  if (e->reconfirm)
    {
      char *more = xasprintf("%s %s", meta, _("[to reconfirm]"));
      free(meta);
      meta = more;
    }
  if (e->review)
    {
      char *more = xasprintf("%s %s", meta, _("[for review]"));
      free(meta);
      meta = more;
    }
  line_say("%s", meta);
  free(meta);
  if (x->ncsf)
    {
      /* As the question view says them: by name, with the ids. */
      char *refs = csf_refs_label(x->csf, x->ncsf, l);
      line_say("%s: %s", _("NIST CSF 2.0"), refs);
      free(refs);
    }
  /* Out of scope: said before the question, as the screens say it. */
  char *why = ans_scope_reason(m->s->a, qi, l);
  if (why)
    {
      line_say("%s %s", why, _("(left out of the figures; answer kept; p changes the scope)"));
      free(why);
    }
  line_say("%s", qn_tr(&x->text, l));
  show_recorded(m, qi);
  for (int c = 0; c + 1 < ANS_STATUS_COUNT; c++)
    {
      enum ans_status st = ans_status_nth(c);
      line_say("  %c %s", ans_statuses[st].digit, ans_status_name(st));
    }
  if (e->status != ANS_NONE)
    /* TRANSLATORS: the line mode names the current answer after the
       numbered choices: "Current answer: 2 Partially implemented". */
    line_say(_("Current answer: %c %s"), ans_statuses[e->status].digit, ans_status_name(e->status));
  else
    line_say("%s", _("Current answer: none"));
}

static void
show_end(lm *m)
{
  coverage c;
  line_figures(m, &c);
  putchar('\n');
  /* TRANSLATORS: the line mode, past the last question. */
  line_say(_("End of the questions: %u of %zu answered."), cov_answered(c.all), qn_of(m)->nquestions);
  cov_free(&c);
  line_say("%s", _("Type q to leave, t for the next unanswered question, < to go back, or ? for help."));
}

void
line_show(lm *m)
{
  if (m->pos < qn_of(m)->nquestions)
    show_question(m);
  else
    show_end(m);
}

void
line_show_help(void)
{
  /* The digits come from the status table. */
  line_say(_("Type one of these, then Enter:\n"
        "  %c-%c      answer the question with that number, and go on\n"
        "  %c        clear the answer\n"
        "  Enter    keep the answer as it is, and go on\n"
        "  <        go back one question;  >  go on without answering\n"
        "  t        the next question unanswered, to reconfirm or without its reason\n"
        "  h        the hint: what would show it is done\n"
        "  e        write the note (the reason) on the lines that follow\n"
        "  v        write the evidence reference on the lines that follow\n"
        "  a        write the improvement plan: action, owner, due, done\n"
        "  m        mark the question for review, or unmark it\n"
        "  g ID     go to a question or item, as in g 2.1-a or g 2.1\n"
        "  /WORD    search ids, questions, notes and evidence; / alone: the next match\n"
        "  p        the respondent profile\n"
        "  s        the coverage summary\n"
        "  L        switch between Japanese and English\n"
        "  q        leave (every answer is already saved)\n"
        "A note or evidence ends with a line holding only a full stop (.); a full stop\n"
        "at once keeps it as it was, and a line holding only - clears it.\n"
        "e, v and a also take the text on the same line: e We use a vendor's service."),
      ans_statuses[ans_status_nth(0)].digit, ans_statuses[ans_status_nth(ANS_STATUS_COUNT - 2)].digit,
      ans_statuses[ANS_NONE].digit);
}

void
line_show_summary(lm *m)
{
  coverage then;
  bool has_then = cycle_then(qn_of(m), m->s->a, m->prev, &then);
  report_ctx r = { qn_of(m), m->s->a, m->s->path, i18n_lang(), 80, has_then ? &then : NULL, NULL, NULL };
  cycle_then_names(m->s->a, m->prev, m->prev_path, &r.then_path, &r.then_started);
  putchar('\n');
  report_headline(stdout, &r);
  if (has_then)
    cov_free(&then);
}
