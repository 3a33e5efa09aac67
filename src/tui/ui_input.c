/* ui_input: reading keys, between the terminal and the screens.  Only
 * keys a person pressed may act: a bracketed paste (ESC [200~ ... ESC
 * [201~) becomes one paste event whose text goes into the field being
 * edited; an escape sequence curses does not know (an Alt chord, a key of
 * another terminal) is dropped whole instead of its bytes acting as Esc,
 * digits and letters; and a burst of keys, which is how a paste arrives
 * from a terminal without bracketed paste, can be told from typing.  Keys
 * come out as the terminal sent them: what they mean (a full-width key
 * outside a field is its ASCII key) is the loop's to decide (ui_main.c).
 *
 * Bracketed paste is switched on at start where the terminal has it (its
 * terminfo entry says so with the BE capability, or its name is one of the
 * xterm family) and off on every way out: in_paste_off() is
 * async-signal-safe so the exit, crash and suspend paths can call it. */
#include <config.h>

#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/text.h"
#include "tui/ui_internal.h"
#include "base/xalloc.h"

/* After ui_internal.h: term.h's macros (lines, columns, ...) would
 * otherwise rewrite names. */
#include <term.h>

/* Keys taught to curses: the paste brackets. */
#define KEY_PASTE_BEGIN UI_KEY_PASTE_BEGIN
#define KEY_PASTE_END UI_KEY_PASTE_END

/* The rest of an escape sequence follows its ESC in the same write; a
 * person cannot press another key this soon after Esc. */
#define SEQ_MS 5
/* A terminal that never sends the paste's end must not keep the
 * keyboard: a second without input ends the paste. */
#define PASTE_QUIET_MS 1000
/* The most characters one paste brings; the rest is counted and said. */
#define PASTE_MAX (1u << 20)

static ui_key ahead;          /* a key read ahead to look for a burst */
static bool has_ahead;
static bool resize_held;      /* a resize that came inside a sequence */
static uint32_t *paste;       /* the text of the last bracketed paste */
static size_t npaste, paste_cap;
static bool paste_cut;        /* it was longer than kijun takes */

static const char *paste_on, *paste_off;
static size_t paste_on_len, paste_off_len;

static bool
cap_ok(const char *s)
{
  return s && s != (const char *) -1 && *s;
}

bool
in_terminal_usable(void)
{
  int err;
  if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
    return false;
  /* Without cursor addressing (TERM=dumb, a printing terminal) a
   * full-screen program shows nothing usable. */
  bool ok = cap_ok(tigetstr("cup")) && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
  del_curterm(cur_term);
  return ok;
}

/* Terminals of the xterm family whose terminfo entry may predate the BE
 * and BD capabilities but which all understand mode 2004. */
static bool
xterm_like(const char *term)
{
  static const char *const family[] = {
    "xterm", "screen", "tmux", "rxvt", "alacritty", "foot", "kitty", "wezterm", "konsole", "gnome",
    "vte", "putty", "mlterm", "st-", "contour", "ghostty",
  };
  for (size_t i = 0; term && i < sizeof family / sizeof family[0]; i++)
    if (strncmp(term, family[i], strlen(family[i])) == 0)
      return true;
  return false;
}

void
in_start(void)
{
  /* Taught whether or not the mode is switched on: a terminal that
   * brackets pastes anyway is then understood too. */
  const char *ps = tigetstr("PS"), *pe = tigetstr("PE");
  const char *begin = cap_ok(ps) ? ps : "\033[200~", *end = cap_ok(pe) ? pe : "\033[201~";
  if (key_defined(begin) == 0)
    define_key(begin, KEY_PASTE_BEGIN);
  if (key_defined(end) == 0)
    define_key(end, KEY_PASTE_END);
  const char *be = tigetstr("BE"), *bd = tigetstr("BD");
  if (cap_ok(be) && cap_ok(bd) && !scr_active())
    paste_on = be, paste_off = bd;
  else if (xterm_like(termname()) && !scr_active())
    paste_on = "\033[?2004h", paste_off = "\033[?2004l";
  else
    paste_on = paste_off = NULL;
  paste_on_len = paste_on ? strlen(paste_on) : 0;
  paste_off_len = paste_off ? strlen(paste_off) : 0;
  in_paste_on();
}

void
in_paste_on(void)
{
  if (paste_on && write(STDOUT_FILENO, paste_on, paste_on_len) < 0)
    return;
}

void
in_paste_off(void)
{
  if (paste_off && write(STDOUT_FILENO, paste_off, paste_off_len) < 0)
    return;
}

/* ---- reading ------------------------------------------------------------ */

/* One key from curses within ms milliseconds (ms < 0: no limit); false
 * when none came.  A signal ends the session from here. */
static bool
raw_key(ui *u, int ms, ui_key *k)
{
  if (has_ahead)
    {
      *k = ahead;
      has_ahead = false;
      return true;
    }
  if (scr_active())
    {
      if (scr_key(ms >= 0, k))
        return true;
      if (ms >= 0)
        return false;
      /* The script is over: hang up, as a dropped connection would. */
      raise(SIGHUP);
      ui_poll_signal(u);
      return false;
    }
  for (;;)
    {
      /* Wake at least every quarter second to notice a signal. */
      int slice = ms < 0 || ms > 250 ? 250 : ms;
      timeout(slice);
      wint_t ch;
      int r = get_wch(&ch);
      ui_poll_signal(u);
      if (r != ERR)
        {
          k->ch = ch;
          k->fn = r == KEY_CODE_YES;
          return true;
        }
      if (ms >= 0 && (ms -= slice) <= 0)
        return false;
    }
}

static void
put_back(ui_key k)
{
  ahead = k;
  has_ahead = true;
}

static bool
is_resize(ui_key k)
{
  return k.fn && k.ch == KEY_RESIZE;
}

/* A key inside an escape sequence or a paste, within ms milliseconds.  A
 * resize is no key: the terminal reports it whenever the window changes,
 * even between an Esc and what follows it, so it is never part of a
 * sequence; it is held and is the next key in_key returns. */
static bool
seq_key(ui *u, int ms, ui_key *k)
{
  while (raw_key(u, ms, k))
    {
      if (!is_resize(*k))
        return true;
      resize_held = true;
    }
  return false;
}

enum esc { ESC_ALONE, ESC_DROPPED, ESC_ALT_ENTER, ESC_PASTE_BEGIN, ESC_PASTE_END };

/* Whether keys are already waiting to be read: they came while kijun
 * was busy (drawing, saving to a slow disk, running under valgrind), so
 * two of them side by side were typed one after the other, not sent
 * together by the terminal as one chord. */
static bool
typed_ahead(void)
{
  if (has_ahead || scr_active())
    return has_ahead;
  struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
  return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* What follows an ESC that curses returned as a key of its own: nothing
 * (the Esc key), or an escape sequence or Alt chord it did not know,
 * which is read to its end and dropped.  The paste brackets are
 * recognised here too, should curses not have matched them.  When the
 * ESC was typed ahead (ahead), a key right behind it is the next key the
 * person pressed: the Esc counts alone and that key is read next, so Esc
 * then q typed during a slow save is not taken for Alt-q and lost. */
static enum esc
take_escape(ui *u, bool ahead_typed)
{
  ui_key k;
  if (!seq_key(u, SEQ_MS, &k))
    return ESC_ALONE;
  bool introducer = !k.fn && (k.ch == '[' || k.ch == 'O' || k.ch == ']' || k.ch == 'P'
                              || k.ch == '_' || k.ch == '^');
  if (ahead_typed && !introducer)
    {
      put_back(k);
      return ESC_ALONE;
    }
  if (k.fn)
    {
      if (k.ch == KEY_ENTER)
        return ESC_ALT_ENTER;
      /* Alt with a function key (ESC ESC [D): the key without Alt. */
      put_back(k);
      return ESC_DROPPED;
    }
  if (k.ch == '\r' || k.ch == '\n')
    return ESC_ALT_ENTER;
  if (k.ch == UI_ESC)
    {
      /* Two ESCs in one write (Alt-Esc) count as one. */
      put_back(k);
      return ESC_DROPPED;
    }
  if (k.ch == '[')
    {
      /* CSI: parameter and intermediate bytes, then a final byte. */
      char params[16];
      size_t n = 0;
      while (seq_key(u, SEQ_MS, &k))
        {
          if (k.fn || k.ch < 0x20 || k.ch > 0x7E)
            {
              put_back(k);
              break;
            }
          if (k.ch >= 0x40)
            {
              params[n < sizeof params ? n : sizeof params - 1] = '\0';
              if (k.ch == '~' && strcmp(params, "200") == 0)
                return ESC_PASTE_BEGIN;
              if (k.ch == '~' && strcmp(params, "201") == 0)
                return ESC_PASTE_END;
              break;
            }
          if (n + 1 < sizeof params)
            params[n++] = (char) k.ch;
          else
            n = sizeof params;
        }
      return ESC_DROPPED;
    }
  if (k.ch == ']' || k.ch == 'P' || k.ch == '_' || k.ch == '^')
    {
      /* A string (OSC, DCS, APC, PM): to BEL or ESC \, bounded. */
      for (int i = 0; i < 4096 && seq_key(u, SEQ_MS, &k); i++)
        if (k.fn || k.ch == UI_CTRL('G') || k.ch == UI_ESC)
          {
            if (!k.fn && k.ch == UI_ESC && seq_key(u, SEQ_MS, &k) && (k.fn || k.ch != '\\'))
              put_back(k);
            break;
          }
      return ESC_DROPPED;
    }
  if (k.ch == 'O')
    {
      /* SS3 and one more byte. */
      if (seq_key(u, SEQ_MS, &k) && (k.fn || k.ch < 0x20))
        put_back(k);
      return ESC_DROPPED;
    }
  /* Alt and a character. */
  return ESC_DROPPED;
}

static void
paste_add(uint32_t c)
{
  if (npaste >= PASTE_MAX)
    {
      paste_cut = true;
      return;
    }
  paste = xgrow(paste, &paste_cap, npaste + 1, sizeof *paste);
  paste[npaste++] = c;
}

/* The text of a bracketed paste, up to its end, into paste.  A line
 * break arrives as CR (or CR LF, or LF) and is kept as one LF; keys that
 * curses decoded from pasted escape sequences are not text. */
static void
take_paste(ui *u)
{
  npaste = 0;
  paste_cut = false;
  bool after_cr = false;
  ui_key k;
  while (seq_key(u, PASTE_QUIET_MS, &k))
    {
      uint32_t c;
      if (k.fn)
        {
          if (k.ch == KEY_PASTE_END)
            return;
          if (k.ch != KEY_ENTER)
            continue;
          c = '\r';
        }
      else if (k.ch == UI_ESC)
        {
          enum esc e = take_escape(u, false);
          if (e == ESC_PASTE_END)
            return;
          continue;
        }
      else
        c = (uint32_t) k.ch;
      if (c == '\n' && after_cr)
        {
          after_cr = false;
          continue;
        }
      after_cr = c == '\r';
      paste_add(c == '\r' ? '\n' : c);
    }
}

bool
in_key(ui *u, int ms, ui_key *k)
{
  for (;;)
    {
      if (resize_held)
        {
          resize_held = false;
          *k = (ui_key){ KEY_RESIZE, true };
          return true;
        }
      bool ahead_typed = typed_ahead();
      if (!raw_key(u, ms, k))
        return false;
      enum esc e = ESC_ALONE;
      if (k->fn && k->ch == KEY_PASTE_BEGIN)
        e = ESC_PASTE_BEGIN;
      else if (k->fn && k->ch == KEY_PASTE_END)
        e = ESC_DROPPED;
      else if (!k->fn && k->ch == UI_ESC)
        e = take_escape(u, ahead_typed);
      switch (e)
        {
        case ESC_ALONE:
          return true;
        case ESC_ALT_ENTER:
          *k = (ui_key){ UI_KEY_NEWLINE, true };
          return true;
        case ESC_PASTE_BEGIN:
          take_paste(u);
          *k = (ui_key){ UI_KEY_PASTE, true };
          return true;
        case ESC_PASTE_END:
        case ESC_DROPPED:
          break;
        }
    }
}

bool
in_burst(ui *u)
{
  ui_key k;
  if (resize_held)
    return false;
  if (!has_ahead)
    {
      if (!raw_key(u, IN_BURST_MS, &k))
        return false;
      put_back(k);
    }
  return !is_resize(ahead);
}

size_t
in_flush(ui *u)
{
  size_t n = 0;
  ui_key k;
  while (raw_key(u, IN_BURST_MS, &k))
    if (is_resize(k))
      resize_held = true;
    else
      n++;
  return n;
}

const uint32_t *
in_paste(size_t *n, bool *cut)
{
  *n = npaste;
  *cut = paste_cut;
  return paste;
}

void
in_free(void)
{
  free(paste);
  paste = NULL;
  npaste = paste_cap = 0;
}
