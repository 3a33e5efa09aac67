/* ui_pages: the scrolling text pages: the help (every key, from the
 * binding table) and the coverage summary, which is the text report
 * itself, so the screen and the figures printed on leaving can never
 * disagree.  Each page keeps its own lines and scroll position, so
 * returning to one finds it where it was left. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/cycle.h"
#include "base/i18n.h"
#include "report/report.h"
#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

typedef struct page
{
  char **lines;
  size_t nlines, top;
  enum lang lang;             /* what the lines were made for */
  int cols;
} page;

/* The state of each of the two screens, created and freed through the
 * screen table. */
typedef struct pg_state
{
  page pg;
  bool quitting;              /* the summary was opened by q */
} pg_state;

static pg_state *
help_state(const ui *u)
{
  return ui_state(u, SCR_HELP);
}

static pg_state *
summary_state(const ui *u)
{
  return ui_state(u, SCR_SUMMARY);
}

static void
page_clear(page *p)
{
  for (size_t i = 0; i < p->nlines; i++)
    free(p->lines[i]);
  free(p->lines);
  p->lines = NULL;
  p->nlines = 0;
}

static void
pg_done(void *state)
{
  page_clear(&((pg_state *) state)->pg);
}

/* Split text into the page's lines. */
static void
set_text(page *p, const char *text)
{
  page_clear(p);
  size_t cap = 0;
  for (const char *s = text; *s;)
    {
      const char *nl = strchr(s, '\n');
      size_t n = nl ? (size_t) (nl - s) : strlen(s);
      p->lines = xgrow(p->lines, &cap, p->nlines + 1, sizeof *p->lines);
      p->lines[p->nlines++] = xstrndup(s, n);
      s += n + (nl ? 1 : 0);
    }
  p->lang = i18n_lang();
  p->cols = COLS;
}

/* A paragraph written with line breaks for 80 columns, as one line to
 * wrap again: a break between two ASCII characters was a space. */
static char *
unwrap(const char *s)
{
  char *out = xstrdup(s);
  for (char *p = out; *p; p++)
    if (*p == '\n' && p > out && p[1] && p[1] != '\n' && p[-1] != '\n')
      {
        bool ascii = (unsigned char) p[-1] < 0x80 && (unsigned char) p[1] < 0x80;
        if (ascii)
          *p = ' ';
        else
          memmove(p, p + 1, strlen(p + 1) + 1), p--;
      }
  return out;
}

/* A questionnaire's text under a heading, each of its lines a paragraph
 * wrapped to the width. */
static void
help_text(FILE *m, const char *heading, const char *text, int width)
{
  fprintf(m, "\n%s\n", heading);
  const char *p = text;
  while (*p)
    {
      size_t n = strcspn(p, "\n");
      char *para = xstrndup(p, n);
      uk_wrap(m, para, 0, width);
      free(para);
      p += n;
      if (*p)
        p++;
    }
}

static void
build_help(ui *u)
{
  int width = COLS - 2;
  char *keys = uk_help_text(width);
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  fprintf(m, "%s\n", keys);
  const char *paras[] = {
    _("Line breaks and tabs show as marks in the editor. Pasted text goes into\n"
      "the note or evidence being edited and never answers a question; a paste\n"
      "outside an editor is ignored.\n\n"),
    _("Outside a text field letters are keys. A word typed there by mistake\n"
      "(romaji, a note typed before e) is taken as typing: what its letters did\n"
      "is taken back and the rest is ignored until Esc or Enter. The same letter\n"
      "twice (u u) and a key after one that opened a screen (s q) still count.\n"
      "On the profile form every character is text; its help is F1.\n\n"),
    _("Every change is saved at once, with the question you are at: reopening the\n"
      "file resumes there (a file without it opens at the first unanswered\n"
      "question or answer to reconfirm). Choosing a status, the same or another,\n"
      "confirms an answer; the overview marks items that have answers to\n"
      "reconfirm with !. See kijun(1) for more.\n"),
  };
  for (size_t i = 0; i < sizeof paras / sizeof paras[0]; i++)
    {
      char *flat = unwrap(paras[i]);
      /* Each paragraph ends in a line break; a blank line after it stays. */
      size_t n = strlen(flat);
      bool blank = n >= 2 && flat[n - 1] == '\n' && flat[n - 2] == '\n';
      while (n && flat[n - 1] == '\n')
        flat[--n] = '\0';
      uk_wrap(m, flat, 0, width);
      if (blank)
        fputc('\n', m);
      free(flat);
    }
  /* The questionnaire's own rules for answering, and what its questions
   * rest on: the respondent reads them where the keys are explained. */
  const questionnaire *q = u->s->qn;
  enum lang l = i18n_lang();
  if (qn_text_given(&q->guidance))
    /* TRANSLATORS: heading in help before the questionnaire's answering rules. */
    help_text(m, _("How to answer: the questionnaire's rules"), qn_tr(&q->guidance, l), width);
  if (qn_text_given(&q->source))
    /* TRANSLATORS: heading in help before what the questionnaire's questions
       rest on (its sources and the guideline's status). */
    help_text(m, _("What the questions rest on"), qn_tr(&q->source, l), width);
  fclose(m);
  set_text(&help_state(u)->pg, text);
  free(keys);
  free(text);
}

static void
build_summary(ui *u)
{
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  report_ctx r = { u->s->qn, u->s->a, u->s->path, i18n_lang(), COLS - 2,
                   u->has_then ? &u->then : NULL, NULL, NULL };
  cycle_then_names(u->s->a, u->prev, u->prev_path, &r.then_path, &r.then_started);
  report_write(m, REPORT_TEXT, &r);
  fclose(m);
  set_text(&summary_state(u)->pg, text);
  free(text);
}

static page *
current(const ui *u)
{
  return u->scr == SCR_HELP ? &help_state(u)->pg : &summary_state(u)->pg;
}

static void
help_open(ui *u, const ui_arg *arg)
{
  (void) arg;
  build_help(u);
  help_state(u)->pg.top = 0;
}

/* Opened as the way out (arg->quit): any key leaves, Esc returns. */
static void
summary_open(ui *u, const ui_arg *arg)
{
  build_summary(u);
  summary_state(u)->pg.top = 0;
  summary_state(u)->quitting = arg && arg->quit;
}

static void
pg_draw(ui *u)
{
  page *p = current(u);
  /* Made again for another language, or the summary for another width;
   * the reader stays where they were. */
  if (p->lang != i18n_lang() || p->cols != COLS)
    (u->scr == SCR_HELP ? build_help : build_summary)(u);
  bool help = u->scr == SCR_HELP;
  ud_titlebar(u, help ? _("Help: keys") : _("Coverage summary"), NULL);
  int body = LINES - 3;
  if (p->nlines <= (size_t) body)
    p->top = 0;
  else if (p->top > p->nlines - (size_t) body)
    p->top = p->nlines - (size_t) body;
  for (int i = 0; i < body && p->top + (size_t) i < p->nlines; i++)
    ud_text(1 + i, 1, COLS - 2, p->lines[p->top + (size_t) i], A_NORMAL);
  ud_focus(1, 1);
  if (p->nlines > (size_t) body)
    {
      char pos[48];
      snprintf(pos, sizeof pos, "%zu-%zu/%zu", p->top + 1,
               p->top + (size_t) body < p->nlines ? p->top + (size_t) body : p->nlines, p->nlines);
      ud_text(LINES - 2, COLS - txt_width(pos) - 1, txt_width(pos), pos, ud_attr(u, UC_DIM));
    }
  if (!help && summary_state(u)->quitting)
    {
      /* Any key but a letter typed after q leaves (a letter after q
       * is typing: see ui.c); the bar names the two sure ones. */
      const char *keys[] = { _("Enter or q: leave kijun"), _("Esc: back to the session"), _("R reports"),
                             _("Up/Down/PgUp/PgDn scroll") };
      ud_keybar(u, keys, 4);
    }
  else if (help)
    {
      const char *keys[] = { _("Esc back"), _("q quit"), _("Up/Down/PgUp/PgDn scroll") };
      ud_keybar(u, keys, 3);
    }
  else
    {
      const char *keys[] = { _("Esc back"), _("q quit"), _("? help"), _("R reports"), _("Up/Down/PgUp/PgDn scroll") };
      ud_keybar(u, keys, 5);
    }
  /* On leaving, the summary says where the reports are, or how to write them. */
  if (!help && !u->msg[0])
    {
      size_t nw = u->nwritten;
      char *const *w = u->written;
      char *m = nw > 1 ? xasprintf(_("Reports written: %s (and %zu more)"), w[0], nw - 1)
                : nw ? xasprintf(_("Report written: %s"), w[0])
                     : xstrdup(_("R writes the reports (HTML, Excel workbook, text) beside the answers file."));
      ud_text(LINES - 2, 1, COLS - 2, m, ud_attr(u, UC_OK));
      free(m);
    }
}

static bool
pg_key(ui *u, ui_key k, enum ui_act a)
{
  page *p = current(u);
  size_t pg = LINES > 4 ? (size_t) LINES - 4 : 1;
  pg_state *st = u->scr == SCR_HELP ? help_state(u) : summary_state(u);
  bool quit = u->scr == SCR_SUMMARY && st->quitting;
  if (quit)
    a = uk_action(KS_QUIT, k);
  switch (a)
    {
    case A_UP: if (p->top) p->top--; return true;
    case A_DOWN: if (p->top + 1 < p->nlines) p->top++; return true;
    case A_PGUP: p->top = p->top > pg ? p->top - pg : 0; return true;
    case A_PGDN: p->top += pg; return true;
    case A_HOME: p->top = 0; return true;
    case A_END: p->top = p->nlines; return true;
    case A_BACK:
      st->quitting = false;
      ui_back(u);
      return true;
    default:
      break;
    }
  if (quit)
    {
      /* R still writes the reports, from the summary shown by q. */
      if (!k.fn && k.ch == 'R')
        {
          st->quitting = false;
          ui_push(u, SCR_REPORTS, NULL);
          return true;
        }
      u->done = true;
      return true;
    }
  return false;
}

static bool
pg_modal(const ui *u)
{
  return u->scr == SCR_SUMMARY && summary_state(u)->quitting;
}

const ui_screen help_screen = { .scope = KS_PAGE, .state_size = sizeof(pg_state), .open = help_open, .draw = pg_draw,
                                .key = pg_key, .esc = SCR_COUNT, .done = pg_done };
const ui_screen summary_screen = { .scope = KS_PAGE, .state_size = sizeof(pg_state), .open = summary_open,
                                   .draw = pg_draw, .key = pg_key, .modal = pg_modal, .esc = SCR_COUNT,
                                   .done = pg_done };
