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
#include "ui.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "afile.h"
#include "cycle.h"
#include "i18n.h"
#include "lock.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "ui_internal.h"
#include "xalloc.h"

static volatile sig_atomic_t got_signal;
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
  struct sigaction sa = { 0 };
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  /* Every signal whose default ends the process, except the crashes
   * below: Ctrl-C, Ctrl-\, a hang-up, kill, timers and limits. */
  int end[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
#ifdef SIGPOLL
    SIGPOLL,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
  };
  for (size_t i = 0; i < sizeof end / sizeof end[0]; i++)
    sigaction(end[i], &sa, NULL);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, NULL);
  /* A file size limit must fail the write (and be reported), not kill
   * the session. */
  sigaction(SIGXFSZ, &sa, NULL);
  sa.sa_handler = on_crash;
  sa.sa_flags = SA_RESETHAND;
  int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP };
  for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
    sigaction(crash[i], &sa, NULL);
}

static bool
start_curses(ui *u)
{
  if (!newterm(NULL, stdout, stdin))
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

/* Save now; on failure keep the answers in memory, say what happened
 * and what to do, and try again on the next change. */
static int
save(ui *u)
{
  u->save_pending = false;
  diag_t d = { 0 };
  int rc = session_save(u->s, &d);
  if (rc == 0)
    {
      if (u->dirty)
        ui_set_msg(u, false, _("Saved to %s."), u->s->path);
      u->dirty = false;
      if (u->s->backup && !u->backup_told)
        {
          /* Said once: the first save of an earlier edition's file. */
          const char *slash = strrchr(u->s->backup, '/');
          char *name = txt_sanitize(slash ? slash + 1 : u->s->backup, true);
          ui_set_msg(u, false, _("Saved at edition %u; the original (edition %u) is kept as %s."),
                     u->s->qn->edition, u->s->file_edition, name);
          free(name);
          u->backup_told = true;
        }
    }
  else
    {
      u->dirty = true;
      snprintf(u->save_error, sizeof u->save_error, "%s", d.n ? d.msgs[0] : "");
      if (rc == EX_NOPERM)
        {
          char *m = session_read_only_text(u->s);
          ui_set_msg(u, true, "%s", m);
          free(m);
        }
      else if (rc == EX_TEMPFAIL)
        ui_set_msg(u, true, "%s",
                   _("Not saved: another program changed the answers file. kijun will not overwrite it; "
                     "quit (q) and your answers go to a separate file."));
      else
        ui_set_msg(u, true, _("Not saved: %s. Free space or fix the folder."), u->save_error);
    }
  diag_clear(&d);
  return rc;
}

/* A change is saved right after the screen that follows it is drawn, so
 * the respondent never waits on the disk (an fsync'd save costs about a
 * millisecond) and the save still completes before the next key is read. */
void
ui_changed(ui *u)
{
  u->cov_stale = true;
  u->save_pending = true;
}

const coverage *
ui_figures(ui *u)
{
  if (u->cov_stale)
    {
      cov_free(&u->cov);
      cov_compute(u->s->qn, u->s->a, &u->cov);
      u->cov_stale = false;
    }
  return &u->cov;
}

/* When the answers cannot go where they belong, put them beside it or in
 * the home folder rather than lose them.  Returns the path used. */
static char *
rescue(ui *u)
{
  char stamp[32];
  time_t t = time(NULL);
  strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&t));
  const char *home = getenv("HOME");
  char *candidates[3] = {
    xasprintf("%s.unsaved-%s", u->s->path, stamp),
    home ? xasprintf("%s/kijun-unsaved-%s.cfg", home, stamp) : NULL,
    xasprintf("/tmp/kijun-unsaved-%ld-%s.cfg", (long) getpid(), stamp),
  };
  char *used = NULL;
  for (int i = 0; i < 3; i++)
    {
      if (!used && candidates[i]
          && afile_write(candidates[i], store_write_cb, (void *) u->s->a, NULL) == 0)
        used = candidates[i];
      else
        free(candidates[i]);
    }
  return used;
}

/* Save whatever is pending before leaving.  Returns 0 when the answers
 * are in the answers file, EX_IOERR otherwise, after writing a rescue
 * copy whose path goes to *rescued (NULL if even that failed). */
static int
final_save(ui *u, char **rescued)
{
  *rescued = NULL;
  if (u->ed == ED_NOTE || u->ed == ED_EVIDENCE || u->ed == ED_PROFILE || u->ed == ED_PLAN)
    {
      u->advance_after_edit = false;
      ed_commit(u);
    }
  if ((!u->dirty && !u->save_pending) || save(u) == 0)
    return 0;
  *rescued = rescue(u);
  return EX_IOERR;
}

static void
report_rescue(ui *u, const char *rescued)
{
  char *path = txt_sanitize(u->s->path, true), *copy = rescued ? txt_sanitize(rescued, true) : NULL;
  if (rescued)
    fprintf(stderr, _("kijun: could not save %s (%s); your answers were written to %s\n"),
            path, u->save_error, copy);
  else
    fprintf(stderr, _("kijun: could not save %s (%s), nor a copy elsewhere\n"), path,
            u->save_error);
  free(path);
  free(copy);
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
  fflush(stdout);
  _exit(128 + sig);
}

void
ui_poll_signal(ui *u)
{
  leave_on_signal(u);
}

/* ---- screens ------------------------------------------------------------ */

void
ui_open_question(ui *u, size_t pos)
{
  if (pos >= u->s->qn->nquestions)
    return;
  u->pos = pos;
  u->scr = SCR_QUESTION;
}

void
ui_open_page(ui *u, enum ui_screen scr)
{
  if (u->scr == SCR_OVERVIEW || u->scr == SCR_QUESTION || u->scr == SCR_PROFILE || u->scr == SCR_PLAN)
    u->back = u->scr;
  u->scr = scr;
  u->ptop = 0;
  u->quitting = false;
  if (scr == SCR_HELP)
    pg_build_help(u);
  else if (scr == SCR_SUMMARY)
    pg_build_summary(u);
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
  if (u->scr == SCR_HELP)
    pg_build_help(u);
  else if (u->scr == SCR_SUMMARY)
    pg_build_summary(u);
}

/* The first question at or after pos, wrapping around, that is
 * unanswered or whose answer awaits reconfirmation. */
void
ui_next_open(ui *u, size_t pos)
{
  size_t p = ans_next_open(u->s->a, pos);
  if (p < u->s->qn->nquestions)
    ui_open_question(u, p);
  else
    ui_set_msg(u, false, "%s", _("Every question is answered. Press q to see the summary."));
}

bool
ui_global_key(ui *u, ui_key k)
{
  if (k.fn)
    {
      if (k.ch == KEY_F(1))
        ui_open_page(u, SCR_HELP);
      return k.ch == KEY_F(1);
    }
  switch (k.ch)
    {
    case '?': ui_open_page(u, SCR_HELP); return true;
    case 'L': switch_language(u); return true;
    case 's': ui_open_page(u, SCR_SUMMARY); return true;
    case 'P':
      if (u->scr != SCR_PLAN)
        {
          if (u->scr == SCR_OVERVIEW || u->scr == SCR_QUESTION)
            u->back = u->scr;
          u->scr = SCR_PLAN;
        }
      return true;
    case 'q':
      ui_open_page(u, SCR_SUMMARY);
      u->quitting = true;
      return true;
    case 'p':
      if (u->scr != SCR_PROFILE)
        {
          if (u->scr == SCR_OVERVIEW || u->scr == SCR_QUESTION)
            u->back = u->scr;
          u->scr = SCR_PROFILE;
          u->pf_sel = 0;
        }
      return true;
    case 12: /* Ctrl-L */
      clearok(curscr, TRUE);
      return true;
    case '/':
      if (u->scr == SCR_OVERVIEW || u->scr == SCR_QUESTION)
        {
          ed_start(u, ED_SEARCH, u->search);
          return true;
        }
      return false;
    case '\t':
      if (u->scr == SCR_OVERVIEW)
        {
          ui_next_open(u, u->rows ? u->rows[u->sel].first_pos : 0);
          return true;
        }
      return false;
    default:
      return false;
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
  u->cur_y = -1;
  if (too_small())
    {
      char *m = u->ed != ED_NONE
        ? xasprintf(_("The terminal is %dx%d; kijun needs at least %dx%d. Enlarge it to see the text being "
                      "edited: it is kept, and keys go on editing it."),
                    COLS, LINES, UI_MIN_COLS, UI_MIN_LINES)
        : xasprintf(_("The terminal is %dx%d; kijun needs at least %dx%d. Enlarge it, or press q to leave."),
                    COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);
      ud_wrapped(0, 0, COLS > 1 ? COLS : 1, LINES, m, A_BOLD);
      free(m);
    }
  else
    switch (u->scr)
      {
      case SCR_OVERVIEW: ov_draw(u); break;
      case SCR_QUESTION: qv_draw(u); break;
      case SCR_HELP: case SCR_SUMMARY: pg_draw(u); break;
      case SCR_PROFILE: pf_draw(u); break;
      case SCR_PLAN: pl_draw(u); break;
      }
  if (u->ed == ED_SEARCH && u->scr == SCR_OVERVIEW && !too_small())
    ed_draw(u);
  if (u->cur_y >= 0 && u->ed != ED_NONE && !too_small())
    {
      curs_set(1);
      move(u->cur_y, u->cur_x);
    }
  else
    curs_set(0);
  refresh();
}

static void
handle_key(ui *u, ui_key k)
{
  /* A key press clears the last message; the next action may set one. */
  if (!(k.fn && k.ch == KEY_RESIZE) && !too_small())
    {
      if (!u->dirty)
        u->msg[0] = '\0';
    }
  /* An editor's keys mean the same whatever the size of the terminal. */
  if (u->ed != ED_NONE)
    {
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
      if (!k.fn && k.ch == 'q')
        u->done = true;
      return;
    }
  if (u->scr == SCR_SUMMARY && u->quitting)
    {
      pg_key(u, k);
      return;
    }
  if (u->scr == SCR_PROFILE && u->pf_picking)
    {
      pf_key(u, k);
      return;
    }
  if (ui_global_key(u, k))
    return;
  switch (u->scr)
    {
    case SCR_OVERVIEW: ov_key(u, k); break;
    case SCR_QUESTION: qv_key(u, k); break;
    case SCR_HELP: case SCR_SUMMARY: pg_key(u, k); break;
    case SCR_PROFILE: pf_key(u, k); break;
    case SCR_PLAN: pl_key(u, k); break;
    }
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
        continue;
      handle_key(u, k);
    }
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

/* What opening did to answers of another edition, in one line. */
static void
opening_msg(ui *u)
{
  const session *s = u->s;
  coverage c;
  cov_compute(s->qn, s->a, &c);
  if (s->upgrade)
    ui_set_msg(u, false,
               _("Answers of edition %u opened with edition %u: %zu to reconfirm (Tab), "
                 "%zu no longer asked (s)."),
               s->file_edition, s->qn->edition, c.nreconfirm, c.nretired);
  else if (c.nreconfirm || s->warn.n)
    ui_set_msg(u, s->warn.n > 0, _("%zu answers to reconfirm (Tab), %zu to questions no longer asked (s)."),
               c.nreconfirm, c.nretired);
  cov_free(&c);
}

int
ui_main(const char *path, const char *qpath, const char *prev)
{
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
    {
      fprintf(stderr, "kijun: %s\n",
              _("the interactive session needs a terminal; use --report for a report without one"));
      return 2;
    }
  /* Before anything is created: a terminal kijun cannot draw on (an
   * unknown TERM, TERM=dumb) is refused outright. */
  if (!in_terminal_usable())
    return refuse_terminal();
  /* The folder must exist for the lock file; a new default answers
   * file lives in a folder that may not exist yet. */
  afile_make_parents(path, NULL);
  char *shown = txt_sanitize(path, true);
  lock_t lk;
  pid_t holder;
  diag_t d = { 0 };
  int lrc = lock_acquire(path, &lk, &holder, &d);
  if (lrc == EX_TEMPFAIL)
    {
      if (holder > 0)
        fprintf(stderr, _("kijun: %s is open in another kijun (process %ld); close that one first\n"),
                shown, (long) holder);
      else
        fprintf(stderr, _("kijun: %s is open in another kijun; close that one first\n"), shown);
      free(shown);
      return EX_TEMPFAIL;
    }
  if (lrc != 0)
    {
      /* Never edit unlocked: another kijun could not see this one. */
      fprintf(stderr, _("kijun: cannot lock %s: %s; kijun changes an answers file only while it holds "
                        "the lock file beside it. Check the folder, or read the answers with --report\n"),
              shown, d.msgs[0]);
      diag_clear(&d);
      free(shown);
      return lrc;
    }
  free(shown);
  char *real = afile_resolve(path);
  if (real)
    afile_cleanup(real, STORE_MARK);
  free(real);
  session s;
  int rc = session_open(&s, path, qpath, true, &d);
  /* The previous cycle: a --previous file that cannot be read is an
   * error; a recorded one that has gone is only said (its recorded
   * figures still serve). */
  assessment *pa = NULL;
  char prev_msg[256] = "";
  if (rc == 0 && !s.is_new)
    {
      rc = cycle_open_previous(&s, prev, &d, &pa);
      if (rc && !prev)
        {
          snprintf(prev_msg, sizeof prev_msg, "%s", d.n ? d.msgs[0] : "");
          diag_clear(&d);
          rc = 0;
        }
    }
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc)
    {
      ans_free(pa);
      session_close(&s);
      lock_release(&lk);
      return rc;
    }
  if (s.is_new)
    {
      /* Create the file now, so a folder that cannot hold it is found
       * before the first answer rather than after it. */
      int err = afile_make_parents(s.path, &d);
      if (!err)
        err = session_save(&s, &d);
      if (err)
        {
          char *name = txt_sanitize(s.path, true);
          fprintf(stderr, _("kijun: cannot create %s: %s\n"), name, d.msgs[0]);
          diag_clear(&d);
          free(name);
          session_close(&s);
          lock_release(&lk);
          return EX_CANTCREAT;
        }
    }

  ui u = { 0 };
  u.s = &s;
  u.new_file = s.is_new;
  u.cov_stale = true;
  u.prev = pa;
  u.prev_path = prev;
  u.has_then = cycle_then(s.qn, s.a, pa, &u.then);
  u.qback = SCR_OVERVIEW;
  if (prev_msg[0])
    ui_set_msg(&u, true, "%s", prev_msg);
  if (s.is_new)
    {
      u.scr = SCR_PROFILE;
      u.back = SCR_OVERVIEW;
    }
  else
    {
      size_t pos = ans_next_open(s.a, 0);
      u.scr = pos < s.qn->nquestions ? SCR_QUESTION : SCR_OVERVIEW;
      u.pos = pos < s.qn->nquestions ? pos : 0;
      u.back = SCR_OVERVIEW;
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

  report_ctx r = { s.qn, s.a, s.path, i18n_lang(), 80, u.has_then ? &u.then : NULL, NULL, NULL };
  cycle_then_names(s.a, u.prev, u.prev_path, &r.then_path, &r.then_started);
  report_write(stdout, REPORT_TEXT, &r);
  printf("\n");
  char *name = txt_sanitize(s.path, true);
  printf(_("Answers file: %s\n"), name);
  free(name);
  if (rc)
    report_rescue(&u, rescued);
  /* Said before the session too, but curses covered it. */
  diag_print(&s.warn, stderr);
  free(rescued);
  pg_free(&u);
  le_free(&u.le);
  free(u.ed_orig);
  in_free(&u);
  free(u.rows);
  cov_free(&u.cov);
  if (u.has_then)
    cov_free(&u.then);
  ans_free(u.prev);
  plan_free(&u.plan);
  free(u.search);
  session_close(&s);
  lock_release(&lk);
  return rc;
}
