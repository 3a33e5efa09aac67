/* ui: the interactive session's life cycle: open the answers file, own the
 * terminal (and always give it back: on exit, on error, on a signal or a
 * crash), run the one event loop, save every change at once, and print
 * the coverage summary after leaving.
 *
 * Signals only set a flag (SIGWINCH is ncurses' own, delivered as
 * KEY_RESIZE; SIGTSTP too, which redraws in full on resume).  Every
 * signal that would end the process ends the session the same way: the
 * text being edited is saved and the terminal restored.  Keys are read
 * through ui_input, which wakes every quarter second to notice the flag;
 * nothing is sent to the terminal while idle. */
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

static volatile sig_atomic_t got_signal;
/* Continued after a stop that ncurses did not arrange (SIGTTIN or
 * SIGTTOU in the background, SIGSTOP): the shell had the terminal. */
static volatile sig_atomic_t got_cont;
static bool curses_on;

/* ---- the terminal ------------------------------------------------------ */

static void
restore_terminal(void)
{
  if (curses_on)
    {
      curses_on = false;
      in_paste_off();
      endwin();
    }
}

static void
on_signal(int sig)
{
  got_signal = sig;
}

static void
on_cont(int sig)
{
  (void) sig;
  got_cont = 1;
}

static void
on_crash(int sig)
{
  /* Not async-signal-safe, but the process is dying either way, and a
   * terminal left in raw mode is worse (htop does the same). */
  restore_terminal();
  signal(sig, SIG_DFL);
  raise(sig);
}

/* ncurses' own SIGTSTP handler, which ends and resumes the screen. */
static struct sigaction curses_tstp;

static void
on_tstp(int sig)
{
  /* The shell must not get bracketed pastes while kijun is stopped. */
  in_paste_off();
  curses_tstp.sa_handler(sig);
  in_paste_on();
  /* ncurses has just repainted; the SIGCONT that resumed it needs no more. */
  got_cont = 0;
}

static void
wrap_tstp(void)
{
  struct sigaction sa;
  if (sigaction(SIGTSTP, NULL, &curses_tstp) != 0 || (curses_tstp.sa_flags & SA_SIGINFO)
      || curses_tstp.sa_handler == SIG_DFL || curses_tstp.sa_handler == SIG_IGN)
    return;
  sa = curses_tstp;
  sa.sa_handler = on_tstp;
  sigaction(SIGTSTP, &sa, NULL);
}

static void
install_signals(void)
{
  run_signals(on_signal, on_crash);
  struct sigaction sa = { 0 };
  sa.sa_handler = on_cont;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGCONT, &sa, NULL);
}

static bool
start_curses(ui *u)
{
  /* Scripted, curses draws into nothing: the screen is read from curses
   * itself (ui_script.c). */
  FILE *to = scr_active() ? fopen("/dev/null", "w") : stdout;
  if (!to || !newterm(NULL, to, stdin))
    return false;
  curses_on = true;
  cbreak();
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  set_escdelay(25);
  curs_set(0);
  /* Home and End arrive in several dialects (PuTTY and the Linux console
   * send ESC [1~ and ESC [4~ even with TERM=xterm); teach all of them, or
   * the leading ESC would cancel whatever is being edited. */
  static const struct { const char *seq; int key; } extra[] = {
    { "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
    { "\033OH", KEY_HOME }, { "\033OF", KEY_END }, { "\033[H", KEY_HOME }, { "\033[F", KEY_END },
    { "\033[3~", KEY_DC }, { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
    { "\033OA", KEY_UP }, { "\033OB", KEY_DOWN }, { "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
    { "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
  };
  for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
    if (key_defined(extra[i].seq) == 0)
      define_key(extra[i].seq, extra[i].key);
  in_start();
  wrap_tstp();
  /* Clicks where the terminal reports them; nothing needs them, and
   * --no-mouse leaves the mouse to the terminal (plain selection). */
  if (u->mouse)
    {
      mouseinterval(0);
      mousemask(BUTTON1_PRESSED, NULL);
    }
  const char *nc = getenv("NO_COLOR");
  u->color = has_colors() && !(nc && *nc);
  if (u->color)
    {
      start_color();
      use_default_colors();
      init_pair(UC_TITLE, COLOR_WHITE, COLOR_BLUE);
      init_pair(UC_SELECT, -1, -1);
      init_pair(UC_BASELINE, COLOR_YELLOW, -1);
      init_pair(UC_RECOMMENDED, COLOR_CYAN, -1);
      init_pair(UC_ERROR, COLOR_RED, -1);
      init_pair(UC_OK, COLOR_GREEN, -1);
      init_pair(UC_DIM, -1, -1);
    }
  return true;
}

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
static int
save(ui *u)
{
  u->save_pending = false;
  const questionnaire *q = u->s->qn;
  char *m;
  bool told = u->backup_told;
  int rc = run_save(u->s, q->questions[q->order[qv_pos()]].id, &u->backup_told, u->save_error, &m);
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
static int
final_save(ui *u, char **rescued)
{
  *rescued = NULL;
  ed_finish(u, ED_LEAVE);
  /* Where the respondent is goes into the file with each change, never
   * alone: leaving without a change writes nothing. */
  if ((!u->dirty && !u->save_pending) || save(u) == 0)
    return 0;
  *rescued = run_rescue(u->s);
  return EX_IOERR;
}

static void
report_rescue(ui *u, const char *rescued)
{
  run_report_rescue(u->s, u->save_error, rescued);
}

static void
leave_on_signal(ui *u)
{
  if (!got_signal)
    return;
  int sig = got_signal;
  char *rescued;
  int rc = final_save(u, &rescued);
  restore_terminal();
  if (rc)
    report_rescue(u, rescued);
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

/* Back in the foreground after a stop ncurses did not see: while the
 * shell had the terminal it reset the modes and wrote over the screen,
 * so leave curses mode and come back, which sets the modes (keypad,
 * mouse) again and repaints everything. */
static void
resume_after_stop(void)
{
  if (!got_cont || !curses_on)
    return;
  got_cont = 0;
  endwin();
  in_paste_on();
  refresh();
}

void
ui_poll_signal(ui *u)
{
  leave_on_signal(u);
  resume_after_stop();
}

/* ---- screens ------------------------------------------------------------ */

static const ui_screen *const screens[SCR_COUNT] = {
  [SCR_OVERVIEW] = &ov_screen, [SCR_QUESTION] = &qv_screen, [SCR_HELP] = &help_screen,
  [SCR_SUMMARY] = &summary_screen, [SCR_PROFILE] = &pf_screen, [SCR_PLAN] = &pl_screen,
  [SCR_LIST] = &ls_screen, [SCR_REPORTS] = &rp_screen,
};

static const ui_screen *
screen_of(const ui *u)
{
  return screens[u->scr];
}

void
ui_push(ui *u, enum ui_screen_id scr)
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
    screens[scr]->open(u);
}

void
ui_back(ui *u)
{
  if (u->depth > 0)
    u->scr = u->stack[--u->depth];
}

void
ui_goto(ui *u, enum ui_screen_id scr)
{
  u->depth = 0;
  u->scr = scr;
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
    case A_HELP: ui_push(u, SCR_HELP); return true;
    case A_LANG: switch_language(u); return true;
    case A_SUMMARY: ui_push(u, SCR_SUMMARY); return true;
    case A_QUIT: pg_open_quit(u); return true;
    case A_PROFILE:
      if (u->scr != SCR_PROFILE)
        ui_push(u, SCR_PROFILE);
      return true;
    case A_PLAN_LIST:
      if (u->scr != SCR_PLAN)
        ui_push(u, SCR_PLAN);
      return true;
    case A_REDRAW: clearok(curscr, TRUE); return true;
    case A_REPORTS:
      if (u->scr != SCR_REPORTS)
        ui_push(u, SCR_REPORTS);
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
      char *m = ed_active() != ED_NONE
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
      screen_of(u)->draw(u);
      if (ed_active() != ED_NONE)
        ed_keybar(u);
    }
  /* The cursor stands on the focus, visible only in an editor. */
  int fy, fx;
  bool focus = ud_focus_take(&fy, &fx);
  if (!too_small() && ed_cursor(&y, &x))
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
  bool did = u->scr != ty.scr || u->depth != ty.depth || qv_pos() != ty.pos || ty.ntoggles;
  while (ty.ntoggles)
    {
      if (ty.toggles[--ty.ntoggles] == A_LANG)
        switch_language(u);
      else
        qv_undo(u);
    }
  u->scr = ty.scr;
  u->depth = ty.depth;
  memcpy(u->stack, ty.stack, sizeof ty.stack);
  qv_set_pos(ty.pos);
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
  if (u->scr == SCR_SUMMARY && screen_of(u)->modal && screen_of(u)->modal(u))
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
  ty.pos = qv_pos();
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
  if (ed_active() != ED_NONE)
    {
      ty.after = ty.ignoring = false;
      ed_key(u, k);
      return;
    }
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
  const ui_screen *sc = screen_of(u);
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
        ui_goto(u, sc->esc);
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
          save(u);
          /* Only a change of fortune needs the screen again, or the
           * news that the original was kept. */
          if (u->dirty || was_dirty || told != u->backup_told)
            draw(u);
        }
      ui_key k;
      in_key(u, -1, &k);
      if (k.fn && k.ch == KEY_RESIZE)
        {
          if (screen_of(u)->resize)
            screen_of(u)->resize(u);
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

static int
refuse_terminal(void)
{
  const char *term = getenv("TERM");
  fprintf(stderr, _("kijun: cannot use the terminal type '%s': unknown here, or without cursor addressing; "
                    "set TERM to a full-screen terminal type this system knows, such as xterm or vt100\n"),
          term ? term : "");
  return 1;
}

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
    return refuse_terminal();
  session s;
  lock_t lk;
  assessment *pa;
  char prev_msg[256];
  int rc = run_open(path, qpath, prev, &s, &lk, &pa, prev_msg, sizeof prev_msg);
  if (rc)
    return rc;

  ui u = { 0 };
  u.s = &s;
  u.prev = pa;
  u.prev_path = prev;
  u.mouse = !o->no_mouse;
  u.has_then = cycle_then(s.qn, s.a, pa, &u.then);
  if (prev_msg[0])
    ui_set_msg(&u, true, "%s", prev_msg);
  if (s.is_new)
    pf_start_new(&u);
  else
    {
      long at = s.a->position ? qn_find_question(s.qn, s.a->position) : -1;
      size_t pos = ans_next_open(s.a, 0, false);
      if (at >= 0)
        {
          /* Where the respondent left off, and how far they are. */
          qv_open(&u, s.qn->rank[at]);
          const coverage *c = ui_figures(&u);
          ui_set_msg(&u, false, _("Resuming where you left off: question %zu/%zu, answered %u/%u."),
                     s.qn->rank[at] + 1, s.qn->nquestions, cov_answered(c->all), cov_total(c->all));
        }
      else if (pos < s.qn->nquestions)
        qv_open(&u, pos);
      else
        ui_goto(&u, SCR_OVERVIEW);
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

  install_signals();
  atexit(restore_terminal);
  if (!start_curses(&u))
    {
      session_close(&s);
      lock_release(&lk);
      return refuse_terminal();
    }
  run(&u);
  char *rescued;
  rc = final_save(&u, &rescued);
  restore_terminal();

  /* The headline and where the reports are, not the whole text report
   * (600 lines a short SSH scrollback would lose): the report is one R
   * or one command away, and the commands work as pasted. */
  report_ctx r = { s.qn, s.a, s.path, i18n_lang(), 80, u.has_then ? &u.then : NULL, NULL, NULL };
  cycle_then_names(s.a, u.prev, u.prev_path, &r.then_path, &r.then_started);
  report_headline(stdout, &r);
  char *name = txt_sanitize(s.path, true);
  printf(_("Answers file: %s\n"), name);
  free(name);
  size_t nw;
  const char *const *written = rp_written(&nw);
  if (nw)
    {
      printf("%s\n", _("Reports written in this session:"));
      for (size_t i = 0; i < nw; i++)
        {
          char *w = txt_sanitize(written[i], true);
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
    report_rescue(&u, rescued);
  /* Said before the session too, but curses covered it. */
  diag_print(&s.warn, stderr);
  free(rescued);
  if (have_figures)
    cov_free(&figures);
  pg_free();
  rp_free();
  ed_free();
  in_free();
  scr_stop();
  ov_free();
  qv_free();
  pl_free();
  ls_free();
  if (u.has_then)
    cov_free(&u.then);
  ans_free(u.prev);
  session_close(&s);
  lock_release(&lk);
  return rc;
}
