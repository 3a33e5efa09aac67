/* ui_script: the screens' scripted mode, for tests, in the manner of
 * tig's test mode.  With KIJUN_SCRIPT=FILE in the environment, keys come
 * from FILE instead of the terminal, curses draws into /dev/null, and the
 * screen as curses holds it (text and the cursor's place) is written on
 * request to KIJUN_SCRIPT_OUT (FILE.out when unset).  A test then reads
 * screens that depend on nothing but the keys: no terminal, no timing.
 * The end of the script hangs the session up, as a dropped connection
 * would: kijun saves and leaves with status 129.
 *
 * The script is read a line at a time, when kijun waits for a key, so it
 * may be a FIFO that a test writes as it goes (and the screens a FIFO it
 * reads): each dump then shows the screen after every key before it, with
 * nothing to wait for.  tests/screen/lib.sh drives kijun this way.
 *
 * The script, one command a line (blank lines and # comments skipped):
 *   keys TEXT      each character of TEXT, typed one at a time
 *   send ARG...    as tmux send-keys: each ARG a key name (Enter Escape
 *                  Tab BTab Space Up Down Left Right Home End PPage NPage
 *                  BSpace DC F1..F12 C-x) or else its characters
 *   paste TEXT     TEXT as one bracketed paste (\n in TEXT: a line break)
 *   burst TEXT     TEXT arriving at once, as a paste without brackets does
 *   resize C L     the terminal becomes C columns by L lines
 *   dump [LABEL]   write the screen: "--- LABEL", "cursor ROW,COL size
 *                  COLSxLINES", each row without its trailing blanks, and
 *                  "--- end"
 * A line kijun cannot read ends the session as the end of the script
 * does, after saying which line and what was expected.
 *
 * Messages here are for the authors of tests, not for users, and are not
 * translated. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "tui/ui_internal.h"

enum cmd_kind { CMD_NONE, CMD_KEYS, CMD_PASTE, CMD_BURST, CMD_RESIZE, CMD_DUMP };

/* The command being carried out. */
static struct
{
  enum cmd_kind kind;
  ui_key *keys;
  size_t nkeys, next;
  bool opened;                /* a paste's opening bracket is given */
  int cols, lines;
  char label[128];
} cur;

static FILE *in, *out;
static char *script_path;
static int lineno;
static bool active, ended;

bool
scr_active(void)
{
  return active;
}

static const struct
{
  const char *name;
  wint_t ch;
  bool fn;
} named[] = {
  { "Enter", '\r', false }, { "Escape", 27, false }, { "Esc", 27, false }, { "Tab", '\t', false },
  { "BTab", KEY_BTAB, true }, { "Space", ' ', false }, { "Up", KEY_UP, true },
  { "Down", KEY_DOWN, true }, { "Left", KEY_LEFT, true }, { "Right", KEY_RIGHT, true },
  { "Home", KEY_HOME, true }, { "End", KEY_END, true }, { "PPage", KEY_PPAGE, true },
  { "PageUp", KEY_PPAGE, true }, { "PgUp", KEY_PPAGE, true }, { "NPage", KEY_NPAGE, true },
  { "PageDown", KEY_NPAGE, true }, { "PgDn", KEY_NPAGE, true }, { "BSpace", KEY_BACKSPACE, true },
  { "Backspace", KEY_BACKSPACE, true }, { "DC", KEY_DC, true }, { "Delete", KEY_DC, true },
};

static bool
key_named(const char *name, ui_key *k)
{
  for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
    if (strcmp(name, named[i].name) == 0)
      {
        *k = (ui_key){ named[i].ch, named[i].fn };
        return true;
      }
  if (name[0] == 'F' && name[1])
    {
      char *end;
      long n = strtol(name + 1, &end, 10);
      if (!*end && n >= 1 && n <= 12)
        {
          *k = (ui_key){ (wint_t) KEY_F(n), true };
          return true;
        }
    }
  if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3])
    {
      *k = (ui_key){ (wint_t) (name[2] & 0x1f), false };
      return true;
    }
  return false;
}

/* Add the characters of text (n bytes) as keys; in a paste or burst,
 * "\n" is a line break, sent as a terminal sends Enter. */
static void
add_text(const char *text, size_t n, bool escapes)
{
  cur.keys = xrealloc(cur.keys, (cur.nkeys + n + 1) * sizeof *cur.keys);
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      if (escapes && text[i] == '\\' && i + 1 < n && text[i + 1] == 'n')
        {
          cur.keys[cur.nkeys++] = (ui_key){ '\r', false };
          i += 2;
          continue;
        }
      i += (size_t) txt_decode(text + i, n - i, &cp);
      cur.keys[cur.nkeys++] = (ui_key){ (wint_t) cp, false };
    }
}

/* Read the next command into cur; false at the end of the script or on
 * a line that cannot be read (said on stderr). */
static bool
next_command(void)
{
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  free(cur.keys);
  cur.keys = NULL;
  cur.nkeys = cur.next = 0;
  cur.opened = false;
  cur.kind = CMD_NONE;
  while ((len = getline(&line, &cap, in)) >= 0)
    {
      lineno++;
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (!len || line[0] == '#')
        continue;
      char *arg = strchr(line, ' ');
      if (arg)
        *arg++ = '\0';
      else
        arg = line + len;
      bool ok = true;
      if (strcmp(line, "keys") == 0 || strcmp(line, "paste") == 0 || strcmp(line, "burst") == 0)
        {
          cur.kind = line[0] == 'k' ? CMD_KEYS : line[0] == 'p' ? CMD_PASTE : CMD_BURST;
          add_text(arg, strlen(arg), cur.kind != CMD_KEYS);
          ok = cur.nkeys > 0;
        }
      else if (strcmp(line, "send") == 0)
        {
          cur.kind = CMD_KEYS;
          for (char *tok = strtok(arg, " "); tok; tok = strtok(NULL, " "))
            {
              ui_key k;
              if (key_named(tok, &k))
                {
                  cur.keys = xrealloc(cur.keys, (cur.nkeys + 1) * sizeof *cur.keys);
                  cur.keys[cur.nkeys++] = k;
                }
              else
                add_text(tok, strlen(tok), false);
            }
          ok = cur.nkeys > 0;
        }
      else if (strcmp(line, "resize") == 0)
        {
          cur.kind = CMD_RESIZE;
          ok = sscanf(arg, "%d %d", &cur.cols, &cur.lines) == 2 && cur.cols > 0 && cur.lines > 0;
        }
      else if (strcmp(line, "dump") == 0)
        {
          cur.kind = CMD_DUMP;
          snprintf(cur.label, sizeof cur.label, "%s", *arg ? arg : "screen");
        }
      else
        ok = false;
      if (!ok)
        {
          fprintf(stderr, "kijun: %s:%d: expected keys TEXT, send KEY..., paste TEXT, burst TEXT, "
                          "resize COLUMNS LINES or dump [LABEL]\n", script_path, lineno);
          cur.kind = CMD_NONE;
          break;
        }
      free(line);
      return true;
    }
  free(line);
  return false;
}

int
scr_start(void)
{
  const char *path = getenv("KIJUN_SCRIPT");
  if (!path || !*path)
    return 0;
  /* Opened in this order, so that a test writing the script and reading
   * the screens through FIFOs opens them in the same order. */
  in = fopen(path, "r");
  if (!in)
    {
      fprintf(stderr, "kijun: %s: %s\n", path, strerror(errno));
      return 2;
    }
  const char *o = getenv("KIJUN_SCRIPT_OUT");
  char *opath = o && *o ? xstrdup(o) : xasprintf("%s.out", path);
  out = fopen(opath, "w");
  if (!out)
    {
      fprintf(stderr, "kijun: %s: %s\n", opath, strerror(errno));
      free(opath);
      fclose(in);
      return 2;
    }
  free(opath);
  script_path = xstrdup(path);
  active = true;
  return 0;
}

static void
dump(const char *label)
{
  int y, x;
  getyx(curscr, y, x);
  fprintf(out, "--- %s\ncursor %d,%d size %dx%d\n", label, y, x, COLS, LINES);
  wchar_t *w = xcalloc((size_t) COLS + 1, sizeof *w);
  char *u = xmalloc((size_t) COLS * 4 + 1);
  for (int r = 0; r < LINES; r++)
    {
      int n = mvwinnwstr(curscr, r, 0, w, COLS);
      size_t len = 0;
      for (int i = 0; i < n && w[i]; i++)
        len += txt_encode(u + len, (uint32_t) w[i]);
      while (len && u[len - 1] == ' ')
        len--;
      fprintf(out, "%.*s\n", (int) len, u);
    }
  fprintf(out, "--- end\n");
  free(w);
  free(u);
  fflush(out);
}

bool
scr_key(bool timed, ui_key *k)
{
  for (;;)
    {
      bool at_once = cur.kind == CMD_PASTE || cur.kind == CMD_BURST;
      if (cur.kind == CMD_PASTE && !cur.opened)
        {
          /* The paste starts when kijun waits for a key. */
          if (timed)
            return false;
          cur.opened = true;
          *k = (ui_key){ UI_KEY_PASTE_BEGIN, true };
          return true;
        }
      if ((cur.kind == CMD_KEYS || at_once) && cur.next < cur.nkeys)
        {
          /* A person's keys come one at a time: within a key's
           * handling, nothing more has arrived yet.  A paste or a
           * burst arrives at once. */
          if (timed && !(at_once && cur.next > 0))
            return false;
          *k = cur.keys[cur.next++];
          return true;
        }
      if (cur.kind == CMD_PASTE && cur.next == cur.nkeys)
        {
          cur.next++;
          *k = (ui_key){ UI_KEY_PASTE_END, true };
          return true;
        }
      /* The command is done; the next is read only when kijun waits, so
       * that a dump shows the screen after everything before it. */
      if (timed || ended)
        return false;
      if (!next_command())
        {
          ended = true;
          return false;
        }
      if (cur.kind == CMD_DUMP)
        {
          dump(cur.label);
          cur.kind = CMD_NONE;
        }
      else if (cur.kind == CMD_RESIZE)
        {
          resizeterm(cur.lines, cur.cols);
          cur.kind = CMD_NONE;
          *k = (ui_key){ KEY_RESIZE, true };
          return true;
        }
    }
}

void
scr_stop(void)
{
  free(cur.keys);
  cur.keys = NULL;
  cur.kind = CMD_NONE;
  if (in)
    fclose(in);
  if (out)
    fclose(out);
  in = out = NULL;
  free(script_path);
  script_path = NULL;
  active = false;
}
