/* ui_pages: the scrolling text pages: the help (every key) and the
 * coverage summary, which is the text report itself, so the screen and
 * the figures printed on leaving can never disagree. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cycle.h"
#include "i18n.h"
#include "report.h"
#include "text.h"
#include "ui_internal.h"
#include "xalloc.h"

void
pg_free(ui *u)
{
  for (size_t i = 0; i < u->nlines; i++)
    free(u->lines[i]);
  free(u->lines);
  u->lines = NULL;
  u->nlines = u->ptop = 0;
}

static void
add_line(ui *u, size_t *cap, const char *s, size_t n)
{
  u->lines = xgrow(u->lines, cap, u->nlines + 1, sizeof *u->lines);
  u->lines[u->nlines++] = xstrndup(s, n);
}

/* Split text into the page's lines. */
static void
set_text(ui *u, const char *text)
{
  pg_free(u);
  size_t cap = 0;
  for (const char *p = text; *p;)
    {
      const char *nl = strchr(p, '\n');
      size_t n = nl ? (size_t) (nl - p) : strlen(p);
      add_line(u, &cap, p, n);
      p += n + (nl ? 1 : 0);
    }
}

/* A heading (keys NULL), a key and what it does, or, where both are
 * NULL, the answer keys of the status table (answers.h). */
struct help_key
{
  const char *keys, *what;
};

/* One table drives the help page; kijun(1) lists the same keys. */
static const struct help_key help_keys[] = {
  { NULL, N_("Everywhere (except while editing text)") },
  { "? F1", N_("this help") },
  { "L", N_("switch language (interface and questions)") },
  { "s", N_("coverage summary") },
  { "P", N_("improvement plan: every question not met") },
  { "p", N_("respondent profile") },
  { "q", N_("quit: shows the summary; any key leaves, Esc returns") },
  { "Ctrl-L", N_("redraw the screen") },
  { NULL, N_("Overview") },
  { "Up Down k j", N_("move") },
  { "PgUp PgDn Home End", N_("move by page, to the first or last item") },
  { "Enter", N_("open the item's first question in that phase") },
  { "Tab", N_("next unanswered question or answer to reconfirm") },
  { "/", N_("search question text and ids") },
  { NULL, N_("Question view") },
  { NULL, NULL },
  { "e / v", N_("edit the note / the evidence reference") },
  { "a", N_("edit the plan: action, owner, due and done dates (YYYY-MM-DD)") },
  { "Left Right h l", N_("previous / next question") },
  { "Up Down k j", N_("previous / next question") },
  { "PgUp PgDn", N_("previous / next item") },
  { "Home End", N_("first / last question") },
  { "Tab", N_("next unanswered question or answer to reconfirm") },
  { "/ n", N_("search / next match") },
  { "Esc", N_("back to the overview (or the plan screen)") },
  { NULL, N_("Plan screen") },
  { "Up Down k j", N_("move") },
  { "Enter", N_("open the question") },
  { "Esc", N_("back") },
  { NULL, N_("Editing text") },
  { "Left Right", N_("move by character") },
  { "Home End ^A ^E", N_("start / end of the text") },
  { "Backspace Del ^D", N_("delete a character") },
  { "^U ^K", N_("delete to the start / to the end") },
  { "^J Alt-Enter", N_("line break (note and evidence)") },
  { "Tab", N_("tab (note and evidence)") },
  { "Enter", N_("save") },
  { "Esc", N_("cancel") },
};

/* One row: the keys padded to kw columns, then what they do. */
static void
help_row(FILE *m, const char *keys, int kw, const char *what)
{
  fputs("  ", m);
  txt_pad(m, keys, kw);
  fprintf(m, "  %s\n", _(what));
}

void
pg_build_help(ui *u)
{
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  int kw = 1;
  for (size_t i = 0; i < sizeof help_keys / sizeof help_keys[0]; i++)
    if (help_keys[i].keys && txt_width(help_keys[i].keys) > kw)
      kw = txt_width(help_keys[i].keys);
  for (size_t i = 0; i < sizeof help_keys / sizeof help_keys[0]; i++)
    {
      const struct help_key *h = &help_keys[i];
      if (!h->keys && !h->what)
        for (int k = 0; k < ANS_STATUS_COUNT; k++)
          {
            const ans_status_info *st = &ans_statuses[ans_status_nth(k)];
            help_row(m, (char[]){ st->digit, '\0' }, kw, st->help);
          }
      else if (!h->keys)
        fprintf(m, "%s%s\n", i ? "\n" : "", _(h->what));
      else
        help_row(m, h->keys, kw, h->what);
    }
  fputc('\n', m);
  fputs(_("Line breaks and tabs show as marks in the editor. Pasted text goes into\n"
          "the note or evidence being edited and never answers a question; a paste\n"
          "outside an editor is ignored.\n\n"), m);
  fputs(_("Every change is saved at once. Reopening the file returns to the first\n"
          "unanswered question or answer to reconfirm; choosing a status, the same or\n"
          "another, confirms an answer; the overview marks items that have answers\n"
          "to reconfirm with !. See kijun(1) for more.\n"), m);
  fclose(m);
  set_text(u, text);
  free(text);
}

void
pg_build_summary(ui *u)
{
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  report_ctx r = { u->s->qn, u->s->a, u->s->path, i18n_lang(), COLS - 2,
                   u->has_then ? &u->then : NULL, NULL, NULL };
  cycle_then_names(u->s->a, u->prev, u->prev_path, &r.then_path, &r.then_started);
  report_write(m, REPORT_TEXT, &r);
  fclose(m);
  set_text(u, text);
  free(text);
}

void
pg_draw(ui *u)
{
  bool help = u->scr == SCR_HELP;
  ud_titlebar(u, help ? _("Help: keys") : _("Coverage summary"), NULL);
  int body = LINES - 3;
  if (u->nlines > (size_t) body && u->ptop > u->nlines - (size_t) body)
    u->ptop = u->nlines - (size_t) body;
  for (int i = 0; i < body && u->ptop + (size_t) i < u->nlines; i++)
    ud_text(1 + i, 1, COLS - 2, u->lines[u->ptop + (size_t) i], A_NORMAL);
  if (u->nlines > (size_t) body)
    {
      char pos[48];
      snprintf(pos, sizeof pos, "%zu-%zu/%zu", u->ptop + 1,
               u->ptop + (size_t) body < u->nlines ? u->ptop + (size_t) body : u->nlines, u->nlines);
      ud_text(LINES - 2, COLS - txt_width(pos) - 1, txt_width(pos), pos, ud_attr(u, UC_DIM));
    }
  if (u->quitting)
    {
      const char *keys[] = { _("any key: leave kijun"), _("Esc: back to the session"),
                             _("Up/Down/PgUp/PgDn scroll") };
      ud_keybar(u, keys, 3);
    }
  else
    {
      const char *keys[] = { _("Esc back"), _("Up/Down/PgUp/PgDn scroll"), _("q quit") };
      ud_keybar(u, keys, 3);
    }
}

void
pg_key(ui *u, ui_key k)
{
  size_t page = LINES > 4 ? (size_t) LINES - 4 : 1;
  if (k.fn)
    {
      switch (k.ch)
        {
        case KEY_UP: if (u->ptop) u->ptop--; return;
        case KEY_DOWN: if (u->ptop + 1 < u->nlines) u->ptop++; return;
        case KEY_PPAGE: u->ptop = u->ptop > page ? u->ptop - page : 0; return;
        case KEY_NPAGE: u->ptop += page; return;
        case KEY_HOME: u->ptop = 0; return;
        case KEY_END: u->ptop = u->nlines; return;
        default: break;
        }
    }
  else if (k.ch == 'k' && !u->quitting)
    {
      if (u->ptop)
        u->ptop--;
      return;
    }
  else if (k.ch == 'j' && !u->quitting)
    {
      u->ptop++;
      return;
    }
  if (!k.fn && k.ch == 27)
    {
      u->quitting = false;
      u->scr = u->back;
      pg_free(u);
      return;
    }
  if (u->quitting)
    {
      u->done = true;
      return;
    }
  if (!k.fn && k.ch == 'q')
    {
      ui_open_page(u, SCR_SUMMARY);
      u->quitting = true;
    }
}
