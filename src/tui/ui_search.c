/* ui_search: /, n, N, g and Tab in the screens: the search field and the
 * go-to field, and the way to the next open question.  What matches is
 * model/find's, shared with the line mode; the last search belongs to the
 * session, so n and N go on from any screen. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "model/find.h"
#include "tui/ui_internal.h"

void
search_free(ui *u)
{
  free(u->search);
  u->search = NULL;
}

void
search_next_open(ui *u, size_t from)
{
  size_t p = ans_next_open(u->s->a, from % u->s->qn->nquestions, true);
  if (p < u->s->qn->nquestions)
    ui_open_question(u, p, SCR_COUNT);
  else
    ui_set_msg(u, false, "%s", _("Every question is answered. Press q to see the summary."));
}

bool
search_again(ui *u, size_t from, int dir)
{
  if (!u->search || !*u->search)
    return false;
  find_hit hit;
  if (!find_text(u->s->qn, u->s->a, i18n_lang(), u->search, from, dir, &hit))
    {
      ui_set_msg(u, true, _("No question matches \"%s\"."), u->search);
      return false;
    }
  ui_open_question(u, hit.pos, SCR_COUNT);
  if (hit.wrapped)
    /* TRANSLATORS: after a search: which match of how many, and that it
       went past the end (or the start) of the questionnaire. */
    ui_set_msg(u, false, _("Match %zu/%zu for \"%s\" (wrapped around; n next, N previous)"), hit.rank, hit.count,
               u->search);
  else
    /* TRANSLATORS: after a search: which match of how many. */
    ui_set_msg(u, false, _("Match %zu/%zu for \"%s\" (n next, N previous)"), hit.rank, hit.count, u->search);
  return true;
}

/* Where the search being typed starts: an editor's end is told only the
 * text, so the field's opener leaves it here. */
static size_t search_from;

static void
search_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  (void) changed;
  if (how != ED_SAVE)
    return;
  /* Nothing typed: the last search again. */
  if (*text)
    {
      free(u->search);
      u->search = xstrdup(text);
    }
  search_again(u, search_from, 1);
}

void
search_start(ui *u, size_t from)
{
  static char label[96];
  search_from = from;
  if (u->search)
    {
      /* The field starts empty; the last search is offered. */
      char *last = txt_ellipsize(u->search, 20);
      /* TRANSLATORS: label of the search field when there was a search;
         %s is the last one, which Enter repeats. */
      snprintf(label, sizeof label, _("Search (Enter: %s)"), last);
      free(last);
    }
  else
    snprintf(label, sizeof label, "%s", _("Search"));
  ed_start(u, ED_SEARCH, label, NULL, search_done);
}

/* The question or item whose id is typed, exactly (full-width digits as
 * ASCII): a question opens; an item opens its first question. */
static void
goto_done(ui *u, enum ed_end how, const char *text, bool changed)
{
  (void) changed;
  if (how != ED_SAVE || !*text)
    return;
  size_t p;
  if (find_id(u->s->qn, text, &p))
    ui_open_question(u, p, SCR_COUNT);
  else
    ui_set_msg(u, true, _("No question or item \"%s\"; / searches the text."), text);
}

void
search_goto(ui *u)
{
  /* TRANSLATORS: label of the field that takes a question or item id. */
  ed_start(u, ED_SEARCH, _("Go to (question or item number)"), NULL, goto_done);
}
