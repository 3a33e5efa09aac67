/* ui_main: the interactive session's life cycle and its one event loop:
 * open the answers file, start the terminal (ui_term.c), read keys and
 * give each to the screen shown or to the keys every screen shares,
 * decide what typing in the wrong place means (the typing rule below),
 * and print the coverage summary after leaving.
 *
 * Every signal that would end the process ends the session the same way:
 * the text being edited is saved and the terminal restored.  Keys are
 * read through ui_input, which wakes every quarter second to notice the
 * flag; nothing is sent to the terminal while idle. */
#include <config.h>
#include "tui/ui.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

#include "front/run.h"
#include "ops/cycle.h"
#include "base/i18n.h"
#include "io/lock.h"
#include "report/report.h"
#include "io/store.h"
#include "base/text.h"
#include "io/paths.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"


static void
switch_language(ui *u)
{
  enum lang to = i18n_lang() == LANG_JA ? LANG_EN : LANG_JA;
  if (to == LANG_JA && !i18n_utf8())
    {
      ui_set_msg(u, true, "%s", _("Japanese needs a UTF-8 terminal; start kijun with a UTF-8 locale."));
      return;
    }
  i18n_set_lang(to);
  u->msg[0] = '\0';
}

/* The keys that mean the same on every screen. */
static bool
global_key(ui *u, enum ui_act a)
{
  switch (a)
    {
    case A_HELP: ui_push(u, SCR_HELP, NULL); return true;
    case A_LANG: switch_language(u); return true;
    case A_SUMMARY: ui_push(u, SCR_SUMMARY, NULL); return true;
    case A_QUIT: ui_push(u, SCR_SUMMARY, &(ui_arg){ .quit = true }); return true;
    case A_PROFILE:
      if (u->scr != SCR_PROFILE)
        ui_push(u, SCR_PROFILE, NULL);
      return true;
    case A_PLAN_LIST:
      if (u->scr != SCR_PLAN)
        ui_push(u, SCR_PLAN, &(ui_arg){ .fresh = true });
      return true;
    case A_REDRAW: clearok(curscr, TRUE); return true;
    case A_REPORTS:
      if (u->scr != SCR_REPORTS)
        ui_push(u, SCR_REPORTS, NULL);
      return true;
    default: return false;
    }
}

static bool
too_small(void)
{
  return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

static void
draw(ui *u)
{
  erase();
  int y, x;
  if (too_small())
    {
      char *m = ed_active(u) != ED_NONE
        ? xasprintf(_("The terminal is %dx%d; kijun needs at least %dx%d. Enlarge it to see the text being "
                      "edited: it is kept, and keys go on editing it."),
                    COLS, LINES, UI_MIN_COLS, UI_MIN_LINES)
        : xasprintf(_("The terminal is %dx%d; kijun needs at least %dx%d. Enlarge it, or press q to leave."),
                    COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);
      ud_wrapped(0, 0, COLS > 1 ? COLS : 1, LINES, m, A_BOLD);
      free(m);
    }
  else
    {
      ui_screen_of(u)->draw(u);
      if (ed_active(u) != ED_NONE)
        ed_keybar(u);
    }
  /* The cursor stands on the focus, visible only in an editor. */
  int fy, fx;
  bool focus = ud_focus_take(&fy, &fx);
  if (!too_small() && ed_cursor(u, &y, &x))
    {
      curs_set(1);
      move(y, x);
    }
  else
    {
      curs_set(0);
      if (focus && !too_small())
        move(fy, fx);
      else
        move(0, 0);
    }
  refresh();
}

/* ---- typing where letters are keys -------------------------------------

   Outside a text field a letter is a command, and a person may type
   there as in a web form: a word typed with the input method off, a note
   typed before pressing e.  The rule, which no run of ordinary typing can
   break: a letter (any character but a digit, a space or punctuation)
   typed right after a letter is typing, not a key, when

     - the letter before it means nothing there (so after "k" of
       "kakunin", the "a" does not open the plan), or
     - it means nothing on the screen it arrives at ("u" after the "q"
       of "quality": the leaving screen takes no letters), or
     - it follows an undo and would open a text field or the profile
       form (e v a g p: the "p" of "update" does not open the form), so
       that a stray word never carries an undo further.

   kijun then takes back what the letters before it did (an undo is
   redone, a mark or the language switched back, a screen they opened
   closed, the view back at its question), ignores the characters that
   follow until a key that is not a character (Esc and Enter do only
   that; Tab or an arrow also act), and says how to write a note.  Still
   keys: the same letter again (u u redoes, n n), and a letter that
   means something on its screen after one that did (s then q, u then
   q, L then e).  A word whose letters each mean something up to one that
   opens a field (e v a g p: "mark") opens that field with the rest of the
   word in it, in view, and nothing in it is kept without Enter.
   A character that is no key does nothing and says so.  The profile
   form takes characters as text itself. */

#define TY_TOGGLES 8

static struct
{
  bool ignoring;              /* typing was found: characters are ignored */
  bool after;                 /* the last key was a letter */
  bool meant;                 /* it meant something */
  enum ui_act last;            /* what it did */
  wint_t letter;
  /* What the run of letters changed, in order: u, m, L. */
  enum ui_act toggles[TY_TOGGLES];
  size_t ntoggles;
  /* The session before the run, to go back to. */
  enum ui_screen_id scr, stack[UI_STACK];
  size_t depth, pos;
  char msg[sizeof ((ui *) 0)->msg];  /* what was said when typing was found */
} ty;

static bool
is_letter(ui_key k)
{
  if (k.fn)
    return false;
  if (k.ch < 0x80)
    return (k.ch >= 'a' && k.ch <= 'z') || (k.ch >= 'A' && k.ch <= 'Z');
  return k.ch != 0x3000 && iswprint(k.ch);
}

static bool
is_char(ui_key k)
{
  return !k.fn && k.ch >= 0x20 && k.ch != UI_DEL;
}

static bool
opens_field(enum ui_act a)
{
  return a == A_NOTE || a == A_EVIDENCE || a == A_PLAN || a == A_GOTO || a == A_SEARCH || a == A_PROFILE
         || a == A_FOLDER;
}

/* What the run of letters did, undone, last first; the session as it
 * was before it.  Whether anything was taken back. */
static bool
take_back(ui *u)
{
  bool did = u->scr != ty.scr || u->depth != ty.depth || u->pos != ty.pos || ty.ntoggles;
  while (ty.ntoggles)
    {
      if (ty.toggles[--ty.ntoggles] == A_LANG)
        switch_language(u);
      else
        undo_apply(u);
    }
  u->scr = ty.scr;
  u->depth = ty.depth;
  memcpy(u->stack, ty.stack, sizeof ty.stack);
  u->pos = ty.pos;
  return did;
}

/* Whether k is part of typing (and is dealt with here). */
static bool
typing(ui *u, ui_key k, enum ui_act a, enum ui_act g)
{
  if (ty.ignoring)
    {
      if (is_char(k))
        {
          ui_set_msg(u, true, "%s", ty.msg);
          return true;
        }
      ty.ignoring = false;
      /* The key that ends it is for that alone when it does nothing else. */
      return !k.fn && (k.ch == UI_ESC || k.ch == '\r' || k.ch == '\n');
    }
  if (!ty.after || !is_letter(k) || (k.ch == ty.letter && ty.meant))
    return false;
  enum ui_act act = a != A_NONE ? a : g;
  /* On the leaving screen only its own keys count (any other leaves). */
  if (u->scr == SCR_SUMMARY && ui_screen_of(u)->modal && ui_screen_of(u)->modal(u))
    act = uk_action(KS_QUIT, k);
  if (ty.meant && act != A_NONE && !(opens_field(act) && ty.last == A_UNDO))
    return false;
  bool did = take_back(u);
  ty.after = false;
  ty.ignoring = true;
  bool question = u->scr == SCR_QUESTION;
  if (did)
    {
      char first[8];
      first[txt_encode(first, (uint32_t) ty.letter)] = '\0';
      /* TRANSLATORS: letters were typed where letters are keys; %s is
         the letter before, whose action (and its run's) was undone. */
      ui_set_msg(u, true, question ? _("Typing ignored, and what %s did is taken back. To write a note press e; "
                                       "Esc goes on.")
                                   : _("Typing ignored, and what %s did is taken back. Esc goes on."), first);
    }
  else
    ui_set_msg(u, true, "%s", question ? _("Typing ignored: letters here are keys. To write a note press e; "
                                           "Esc goes on.")
                                       : _("Typing ignored: letters here are keys. Esc goes on."));
  snprintf(ty.msg, sizeof ty.msg, "%s", u->msg);
  return true;
}

/* Before key k is acted on: a letter after no letter starts a run. */
static void
run_start(ui *u, ui_key k)
{
  if (!is_letter(k) || ty.after)
    return;
  ty.scr = u->scr;
  ty.depth = u->depth;
  memcpy(ty.stack, u->stack, sizeof ty.stack);
  ty.pos = u->pos;
  ty.ntoggles = 0;
}

/* After key k was acted on as act (handled: it did something). */
static void
typed(ui *u, ui_key k, enum ui_act act, bool handled)
{
  if (!is_letter(k) || u->scr == SCR_PROFILE || u->done)
    {
      ty.after = false;
      return;
    }
  ty.after = true;
  ty.meant = handled;
  ty.last = act;
  ty.letter = k.ch;
  if ((act == A_UNDO || act == A_REVIEW || act == A_LANG) && handled && ty.ntoggles < TY_TOGGLES)
    ty.toggles[ty.ntoggles++] = act;
  if (!handled && !u->msg[0])
    ui_set_msg(u, false, "%s", u->scr == SCR_QUESTION
                                 ? _("Not a key here. To write a note press e first; ? lists the keys.")
                                 : _("Not a key here; ? lists the keys."));
}

static void
handle_key(ui *u, ui_key k)
{
  /* A key press clears the last message; the next action may set one. */
  if (!too_small() && !u->dirty)
    u->msg[0] = '\0';
  /* An editor's keys mean the same whatever the size of the terminal. */
  if (ed_active(u) != ED_NONE)
    {
      ty.after = ty.ignoring = false;
      ed_key(u, k);
      return;
    }
  /* A key typed with a Japanese input method still on is its ASCII key,
   * except as text in a field (above). */
  if (!k.fn)
    k.ch = (wint_t) txt_halfwidth((uint32_t) k.ch);
  if (k.fn && (k.ch == UI_KEY_PASTE || k.ch == UI_KEY_NEWLINE))
    {
      /* Pasted text is never taken as keys; it has no field to go to. */
      if (k.ch == UI_KEY_PASTE)
        ui_set_msg(u, true, "%s", _("Pasted text ignored: press e (note) or v (evidence) first, then paste."));
      return;
    }
  if (too_small())
    {
      if (uk_action(KS_GLOBAL, k) == A_QUIT)
        u->done = true;
      return;
    }
  const ui_screen *sc = ui_screen_of(u);
  if (k.fn && k.ch == KEY_MOUSE)
    {
      ty.after = ty.ignoring = false;
      MEVENT ev;
      if (getmouse(&ev) == OK && (ev.bstate & BUTTON1_PRESSED) && sc->click)
        sc->click(u, ev.y, ev.x);
      return;
    }
  enum ui_act a = uk_action(sc->scope, k), g = uk_action(KS_GLOBAL, k);
  if (u->scr != SCR_PROFILE && typing(u, k, a, g))
    return;
  run_start(u, k);
  if (sc->key(u, k, a) || (sc->modal && sc->modal(u)))
    {
      typed(u, k, a, true);
      return;
    }
  if (global_key(u, g))
    {
      typed(u, k, g, true);
      return;
    }
  if (a == A_BACK)
    {
      if (sc->esc == SCR_COUNT)
        ui_back(u);
      else if (sc->esc != u->scr)
        ui_goto(u, sc->esc, NULL);
    }
  typed(u, k, A_NONE, a == A_BACK);
}

static void
run(ui *u)
{
  while (!u->done)
    {
      draw(u);
      if (u->save_pending)
        {
          bool was_dirty = u->dirty, told = u->backup_told;
          ui_save(u);
          /* Only a change of fortune needs the screen again, or the
           * news that the original was kept. */
          if (u->dirty || was_dirty || told != u->backup_told)
            draw(u);
        }
      ui_key k;
      in_key(u, -1, &k);
      if (k.fn && k.ch == KEY_RESIZE)
        {
          if (ui_screen_of(u)->resize)
            ui_screen_of(u)->resize(u);
          continue;
        }
      handle_key(u, k);
    }
}

/* What opening did to answers of another edition, in one line. */
static void
opening_msg(ui *u)
{
  const session *s = u->s;
  const coverage *c = ui_figures(u);
  if (s->upgrade)
    ui_set_msg(u, false,
               _("Answers of edition %u opened with edition %u: %zu to reconfirm (Tab), "
                 "%zu no longer asked (s)."),
               s->file_edition, s->qn->edition, c->nreconfirm, c->nretired);
  else if (c->nreconfirm || s->warn.n)
    ui_set_msg(u, s->warn.n > 0, _("%zu answers to reconfirm (Tab), %zu to questions no longer asked (s)."),
               c->nreconfirm, c->nretired);
}

/* ---- entry ---------------------------------------------------------------- */

bool
ui_terminal_usable(void)
{
  return in_terminal_usable();
}

int
ui_main(const char *path, const ui_opts *o)
{
  const char *qpath = o->qpath, *prev = o->prev;
  int src = scr_start();
  if (src)
    return src;
  if (!scr_active() && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
    {
      fprintf(stderr, "kijun: %s\n",
              _("the interactive session needs a terminal; use --report for a report without one"));
      return 2;
    }
  /* Before anything is created: a terminal kijun cannot draw on (an
   * unknown TERM, TERM=dumb) is refused outright. */
  if (!in_terminal_usable())
    return term_refuse();
  session s;
  lock_t lk;
  assessment *pa;
  char prev_msg[256];
  int rc = run_open(path, qpath, prev, &s, &lk, &pa, prev_msg, sizeof prev_msg);
  if (rc)
    return rc;

  ui u = { 0 };
  u.s = &s;
  ui_start(&u);
  u.prev = pa;
  u.prev_path = prev;
  u.mouse = !o->no_mouse;
  u.has_then = cycle_then(s.qn, s.a, pa, &u.then);
  if (prev_msg[0])
    ui_set_msg(&u, true, "%s", prev_msg);
  if (s.is_new)
    {
      /* A new answers file: the form opens first, over the overview. */
      ui_goto(&u, SCR_OVERVIEW, NULL);
      ui_push(&u, SCR_PROFILE, &(ui_arg){ .fresh = true });
    }
  else
    {
      long at = s.a->position ? qn_find_question(s.qn, s.a->position) : -1;
      size_t pos = ans_next_open(s.a, 0, false);
      if (at >= 0)
        {
          /* Where the respondent left off, and how far they are. */
          ui_open_question(&u, s.qn->rank[at], SCR_COUNT);
          const coverage *c = ui_figures(&u);
          ui_set_msg(&u, false, _("Resuming where you left off: question %zu/%zu, answered %u/%u."),
                     s.qn->rank[at] + 1, s.qn->nquestions, cov_answered(c->all), cov_total(c->all));
        }
      else if (pos < s.qn->nquestions)
        ui_open_question(&u, pos, SCR_COUNT);
      else
        ui_goto(&u, SCR_OVERVIEW, NULL);
    }
  if (i18n_fallback_reason())
    ui_set_msg(&u, true, "%s", i18n_fallback_reason());
  if (!s.is_new)
    opening_msg(&u);
  if (s.read_only)
    {
      char *m = session_read_only_text(&s);
      ui_set_msg(&u, true, "%s", m);
      free(m);
    }

  term_install_signals();
  atexit(term_restore);
  if (!term_start(&u))
    {
      session_close(&s);
      lock_release(&lk);
      return term_refuse();
    }
  run(&u);
  char *rescued;
  rc = ui_final_save(&u, &rescued);
  term_restore();

  /* The headline and where the reports are, not the whole text report
   * (600 lines a short SSH scrollback would lose): the report is one R
   * or one command away, and the commands work as pasted. */
  report_ctx r = { s.qn, s.a, s.path, i18n_lang(), 80, u.has_then ? &u.then : NULL, NULL, NULL };
  cycle_then_names(s.a, u.prev, u.prev_path, &r.then_path, &r.then_started);
  report_headline(stdout, &r);
  char *name = txt_sanitize(s.path, true);
  printf(_("Answers file: %s\n"), name);
  free(name);
  if (u.nwritten)
    {
      printf("%s\n", _("Reports written in this session:"));
      for (size_t i = 0; i < u.nwritten; i++)
        {
          char *w = txt_sanitize(u.written[i], true);
          printf("  %s\n", w);
          free(w);
        }
    }
  else
    printf("%s\n", _("No report written: R in kijun writes them (HTML, Excel workbook, text) beside the "
                     "answers file."));
  /* With the questionnaire the session was given, or the command would
   * not find it. */
  char *quoted = path_shell_quote(s.path);
  char *qq = qpath ? path_shell_quote(qpath) : NULL;
  char *qopt = qq ? xasprintf(" -q %s", qq) : xstrdup("");
  char *text_cmd = xasprintf("%s%s --report %s", path_invocation(), qopt, quoted);
  char *html_cmd = xasprintf("%s%s --report=html -o report.html %s", path_invocation(), qopt, quoted);
  free(qq);
  free(qopt);
  char *t1 = txt_sanitize(text_cmd, true), *t2 = txt_sanitize(html_cmd, true);
  /* TRANSLATORS: the last lines on leaving; each %s is a command. */
  printf(_("Full report: %s\nPrintable report: %s\n"), t1, t2);
  free(t1);
  free(t2);
  free(text_cmd);
  free(html_cmd);
  free(quoted);
  if (rc)
    ui_report_rescue(&u, rescued);
  /* Said before the session too, but curses covered it. */
  diag_print(&s.warn, stderr);
  free(rescued);
  ui_done(&u);
  ed_free(&u);
  in_free();
  scr_stop();
  ans_free(u.prev);
  session_close(&s);
  lock_release(&lk);
  return rc;
}
