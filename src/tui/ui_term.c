/* ui_term: the terminal, owned: curses started with the keys and colours
 * kijun needs, and always given back (on exit, on error, on a signal or a
 * crash), as htop's CRT.c does.
 *
 * Signals only set a flag (SIGWINCH is ncurses' own, delivered as
 * KEY_RESIZE; SIGTSTP too, which redraws in full on resume); the session
 * acts on the flag between keys (ui_poll_signal). */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "front/run.h"
#include "tui/ui_internal.h"

static volatile sig_atomic_t got_signal;
/* Continued after a stop that ncurses did not arrange (SIGTTIN or
 * SIGTTOU in the background, SIGSTOP): the shell had the terminal. */
static volatile sig_atomic_t got_cont;
static bool curses_on;

void
term_restore(void)
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
  term_restore();
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

void
term_install_signals(void)
{
  run_signals(on_signal, on_crash);
  struct sigaction sa = { 0 };
  sa.sa_handler = on_cont;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGCONT, &sa, NULL);
}

bool
term_start(ui *u)
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

int
term_signal(void)
{
  return got_signal;
}

/* Back in the foreground after a stop ncurses did not see: while the
 * shell had the terminal it reset the modes and wrote over the screen,
 * so leave curses mode and come back, which sets the modes (keypad,
 * mouse) again and repaints everything. */
void
term_resume(void)
{
  if (!got_cont || !curses_on)
    return;
  got_cont = 0;
  endwin();
  in_paste_on();
  refresh();
}

int
term_refuse(void)
{
  const char *term = getenv("TERM");
  fprintf(stderr, _("kijun: cannot use the terminal type '%s': unknown here, or without cursor addressing; "
                    "set TERM to a full-screen terminal type this system knows, such as xterm or vt100\n"),
          term ? term : "");
  return 1;
}
