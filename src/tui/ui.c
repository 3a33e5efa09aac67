/* ui: what the screens of the interactive session share: the message
 * line, saving every change at once (and rescuing the answers when the
 * disk refuses), the figures as of the last change, leaving on a signal,
 * and the screen table with the stack of screens that opened one another.
 * The loop that reads keys is ui_main.c's; the terminal is ui_term.c's. */
#include <config.h>

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
#include "tui/ui_internal.h"

/* ---- saving ------------------------------------------------------------ */

void
ui_set_msg(ui *u, bool err, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(u->msg, sizeof u->msg, fmt, ap);
  va_end(ap);
  u->msg_err = err;
}

/* Save now, with the question the respondent is at, so that reopening
 * the file resumes there (see ui_main); on failure keep the answers in
 * memory, say what happened and what to do, and try again on the next
 * change. */
int
ui_save(ui *u)
{
  u->save_pending = false;
  const questionnaire *q = u->s->qn;
  char *m;
  bool told = u->backup_told;
  int rc = run_save(u->s, q->questions[q->order[u->pos]].id, &u->backup_told, u->save_error, &m);
  if (rc == 0)
    {
      if (u->dirty)
        ui_set_msg(u, false, _("Saved to %s."), u->s->path);
      u->dirty = false;
      if (m && told != u->backup_told)
        ui_set_msg(u, false, "%s", m);
    }
  else
    {
      u->dirty = true;
      ui_set_msg(u, true, "%s", m);
    }
  free(m);
  return rc;
}

/* A change is saved right after the screen that follows it is drawn, so
 * the respondent never waits on the disk (an fsync'd save costs about a
 * millisecond) and the save still completes before the next key is read. */
void
ui_changed(ui *u)
{
  u->changes++;
  u->save_pending = true;
}

static coverage figures;
static bool have_figures;
static unsigned long figures_at;     /* u->changes when they were computed */

const coverage *
ui_figures(ui *u)
{
  if (!have_figures || figures_at != u->changes)
    {
      if (have_figures)
        cov_free(&figures);
      cov_compute(u->s->qn, u->s->a, &figures);
      have_figures = true;
      figures_at = u->changes;
    }
  return &figures;
}

/* Save whatever is pending before leaving.  Returns 0 when the answers
 * are in the answers file, EX_IOERR otherwise, after writing a rescue
 * copy whose path goes to *rescued (NULL if even that failed). */
int
ui_final_save(ui *u, char **rescued)
{
  *rescued = NULL;
  ed_finish(u, ED_LEAVE);
  /* Where the respondent is goes into the file with each change, never
   * alone: leaving without a change writes nothing. */
  if ((!u->dirty && !u->save_pending) || ui_save(u) == 0)
    return 0;
  *rescued = run_rescue(u->s);
  return EX_IOERR;
}

void
ui_report_rescue(ui *u, const char *rescued)
{
  run_report_rescue(u->s, u->save_error, rescued);
}

static void
leave_on_signal(ui *u)
{
  int sig = term_signal();
  if (!sig)
    return;
  char *rescued;
  int rc = ui_final_save(u, &rescued);
  term_restore();
  if (rc)
    ui_report_rescue(u, rescued);
  else
    {
      /* Said as q says it: someone who pressed Ctrl-C must know that
       * nothing was lost. */
      char *path = txt_sanitize(u->s->path, true);
      /* TRANSLATORS: on leaving by Ctrl-C or another signal; %s: the
         signal's name, then the answers file. */
      fprintf(stderr, _("kijun: stopped (%s); every answer is saved in %s\n"), strsignal(sig), path);
      free(path);
    }
  fflush(stdout);
  _exit(128 + sig);
}


void
ui_poll_signal(ui *u)
{
  leave_on_signal(u);
  term_resume();
}

/* ---- screens ------------------------------------------------------------ */

static const ui_screen *const screens[SCR_COUNT] = {
  [SCR_OVERVIEW] = &overview_screen, [SCR_QUESTION] = &question_screen, [SCR_HELP] = &help_screen,
  [SCR_SUMMARY] = &summary_screen, [SCR_PROFILE] = &profile_screen, [SCR_PLAN] = &plan_screen,
  [SCR_LIST] = &list_screen, [SCR_REPORTS] = &reports_screen,
};

const ui_screen *
ui_screen_of(const ui *u)
{
  return screens[u->scr];
}

void
ui_push(ui *u, enum ui_screen_id scr, const ui_arg *arg)
{
  if (scr != u->scr)
    {
      if (u->depth == UI_STACK)
        {
          /* The oldest opener gives way; Esc still returns step by step. */
          memmove(u->stack, u->stack + 1, (UI_STACK - 1) * sizeof *u->stack);
          u->depth--;
        }
      u->stack[u->depth++] = u->scr;
      u->scr = scr;
    }
  if (screens[scr]->open)
    screens[scr]->open(u, arg);
}

void
ui_back(ui *u)
{
  if (u->depth > 0)
    u->scr = u->stack[--u->depth];
}

void
ui_goto(ui *u, enum ui_screen_id scr, const ui_arg *arg)
{
  u->depth = 0;
  u->scr = scr;
  if (screens[scr]->open)
    screens[scr]->open(u, arg);
}

void
ui_open_question(ui *u, size_t pos, enum ui_screen_id from)
{
  if (pos < u->s->qn->nquestions)
    ui_goto(u, SCR_QUESTION, &(ui_arg){ .pos = pos, .from = from });
}

bool
ui_list_move(enum ui_act a, size_t *sel, size_t n, size_t page)
{
  size_t last = n ? n - 1 : 0;
  switch (a)
    {
    case A_UP: if (*sel) (*sel)--; return true;
    case A_DOWN: if (*sel < last) (*sel)++; return true;
    case A_PGUP: *sel = *sel > page ? *sel - page : 0; return true;
    case A_PGDN: *sel = *sel + page < last ? *sel + page : last; return true;
    case A_HOME: *sel = 0; return true;
    case A_END: *sel = last; return true;
    default: return false;
    }
}

void
ui_start(ui *u)
{
  for (int k = 0; k < SCR_COUNT; k++)
    u->state[k] = screens[k]->state_size ? xcalloc(1, screens[k]->state_size) : NULL;
}

void *
ui_state(const ui *u, enum ui_screen_id id)
{
  return u->state[id];
}

void
ui_done(ui *u)
{
  for (int k = 0; k < SCR_COUNT; k++)
    {
      if (screens[k]->done)
        screens[k]->done(u->state[k]);
      free(u->state[k]);
      u->state[k] = NULL;
    }
  search_free(u);
  undo_free(u);
  for (size_t i = 0; i < u->nwritten; i++)
    free(u->written[i]);
  free(u->written);
  u->written = NULL;
  u->nwritten = u->capwritten = 0;
  if (have_figures)
    cov_free(&figures);
  have_figures = false;
  if (u->has_then)
    cov_free(&u->then);
  u->has_then = false;
}
