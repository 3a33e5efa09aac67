/* cfgscan: reading a kijun file and parsing it with libconfig, the first
 * half of the cfgread module (cfgread.h; the typed accessors are in
 * cfgread.c).
 *
 * The file is read once, whole, into memory, and those bytes are both
 * checked and parsed: a change to the file between the two cannot slip
 * unchecked bytes past the checks.  Before libconfig sees them, one
 * linear pass reports NUL bytes, invalid UTF-8 (decoded by text.c, the
 * one validator) and @include by line, and a lexical pre-scan measures
 * every string, word, comment and list against the limits, so that a
 * hostile file is refused at once (libconfig's scanner is quadratic in a
 * token's length, and its lists grow by reallocation). */
#include <config.h>
#include "io/cfgread.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "io/afile.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"

/* The byte scan's state. */
struct scan
{
  cfg_reader *r;
  int line, last_bad;
  bool at_line_start;         /* only blanks so far on this line */
  char word[9];               /* the start of the line's first word */
  size_t wlen;
  bool nul;                   /* a NUL byte was seen */
  /* The lexical pre-scan (see lex_bytes). */
  enum { LX_CODE, LX_WORD, LX_STRING, LX_ESCAPE, LX_HEX, LX_SLASH, LX_LINE_COMMENT,
         LX_BLOCK_COMMENT, LX_BLOCK_STAR } lx;
  int hex_left;               /* hex digits of a \x escape still to come */
  size_t run;                 /* bytes of the current word or comment */
  size_t str;                 /* bytes of the current string, pieces joined */
  bool joinable;              /* only blanks and comments since a string ended */
  int tok_line;               /* where the current token began */
  int lx_line;                /* the line the lexer is on */
  size_t values;              /* settings and list elements so far */
  /* The lists and groups the lexer is in: each list's elements so far
   * and the line it began on (deeper nesting is not counted). */
  struct nest { size_t elems; int line; bool list; } nest[CFG_NEST_COUNTED];
  int depth;
  char wtext[32];             /* the start of the current word (an integer?) */
  size_t wtlen;
};

/* Whether a token now n bytes long is too long. */
static inline bool
too_long(struct scan *s, size_t n)
{
  return n > CFG_MAX_STRING;
}

/* Report invalid UTF-8 (or, when byte is 0, a NUL), once a line. */
static void
scan_bad(struct scan *s, unsigned char byte)
{
  if (s->last_bad == s->line)
    return;
  if (byte)
    diag_add(s->r->diag, s->r->file, s->line, _("invalid UTF-8 (byte 0x%02X); expected UTF-8 text"), byte);
  else
    diag_add(s->r->diag, s->r->file, s->line, _("NUL byte in the file; expected UTF-8 text"));
  s->r->utf8_ok = false;
  s->last_bad = s->line;
}

/* The line-start state: blanks, then the first word, looking for
 * @include (libconfig would read any file it names; kijun's files are
 * self-contained, and a file sent by someone else must not make kijun
 * read others). */
static bool
line_start(struct scan *s, unsigned char c)
{
  if (c == ' ' || c == '\t')
    return true;
  if (s->wlen < 8)
    {
      s->word[s->wlen++] = (char) c;
      if (s->wlen < 8)
        return true;
      if (memcmp(s->word, "@include", 8) == 0)
        {
          diag_add(s->r->diag, s->r->file, s->line,
                   _("@include is not allowed; expected a self-contained file"));
          return false;
        }
    }
  s->at_line_start = false;
  return true;
}

/* The byte scan of the whole file: UTF-8 (decoded by text.c, the one
 * validator), NUL bytes, \x escapes and @include. */
static bool
scan_bytes(struct scan *s, const unsigned char *b, size_t n)
{
  size_t i = 0;
  while (i < n)
    {
      /* Within a line, plain ASCII needs nothing: skip it at once. */
      if (!s->at_line_start)
        while (i < n && b[i] >= 0x20 && b[i] < 0x80 && b[i] != '\\')
          i++;
      if (i == n)
        break;
      unsigned char c = b[i];
      if (c >= 0x80)
        {
          uint32_t cp;
          int k = txt_decode((const char *) b + i, n - i, &cp);
          if (cp == TXT_INVALID)
            scan_bad(s, c);
          s->at_line_start = false;
          i += (size_t) k;
          continue;
        }
      if (c == '\n')
        {
          s->line++;
          s->at_line_start = true;
          s->wlen = 0;
        }
      else if (c == 0)
        {
          s->nul = true;
          scan_bad(s, 0);
        }
      else
        {
          if (c == '\\' && i + 1 < n && b[i + 1] == 'x')
            s->r->escapes = true;
          if (s->at_line_start && !line_start(s, c))
            return false;
        }
      i++;
    }
  return true;
}

static bool
lex_too_long(struct scan *s, bool string)
{
  if (string)
    diag_add(s->r->diag, s->r->file, s->tok_line,
             _("a string longer than %zu bytes; expected at most %zu bytes in a string"),
             CFG_MAX_STRING, CFG_MAX_STRING);
  else
    diag_add(s->r->diag, s->r->file, s->tok_line,
             _("a word or comment longer than %zu bytes; expected at most %zu bytes"),
             CFG_MAX_STRING, CFG_MAX_STRING);
  return false;
}

/* Byte classes of the pre-scan, as tables: it looks at every byte of
 * every file, and a strchr per byte was a tenth of reading an answers
 * file (kijun --aggregate). */
enum { CH_ENDS_WORD = 1, CH_VALUE = 2, CH_PUNCT = 4, CH_HEX = 8 };
static const unsigned char ch_class[256] = {
  [' '] = CH_ENDS_WORD, ['\t'] = CH_ENDS_WORD, ['\r'] = CH_ENDS_WORD, ['\n'] = CH_ENDS_WORD,
  ['\f'] = CH_ENDS_WORD, ['"'] = CH_ENDS_WORD, ['#'] = CH_ENDS_WORD, ['/'] = CH_ENDS_WORD,
  /* a setting or element begins after these */
  ['='] = CH_ENDS_WORD | CH_VALUE, [':'] = CH_ENDS_WORD | CH_VALUE,
  [','] = CH_ENDS_WORD | CH_VALUE, ['('] = CH_ENDS_WORD | CH_VALUE,
  ['['] = CH_ENDS_WORD | CH_VALUE,
  [';'] = CH_ENDS_WORD | CH_PUNCT, [')'] = CH_ENDS_WORD | CH_PUNCT,
  [']'] = CH_ENDS_WORD | CH_PUNCT, ['{'] = CH_ENDS_WORD | CH_PUNCT,
  ['}'] = CH_ENDS_WORD | CH_PUNCT,
  ['0'] = CH_HEX, ['1'] = CH_HEX, ['2'] = CH_HEX, ['3'] = CH_HEX, ['4'] = CH_HEX,
  ['5'] = CH_HEX, ['6'] = CH_HEX, ['7'] = CH_HEX, ['8'] = CH_HEX, ['9'] = CH_HEX,
  ['a'] = CH_HEX, ['b'] = CH_HEX, ['c'] = CH_HEX, ['d'] = CH_HEX, ['e'] = CH_HEX,
  ['f'] = CH_HEX, ['A'] = CH_HEX, ['B'] = CH_HEX, ['C'] = CH_HEX, ['D'] = CH_HEX,
  ['E'] = CH_HEX, ['F'] = CH_HEX,
};

/* Whether the word just read, when it is an integer without the L of a
 * 64-bit one, fits in 32 bits: libconfig 1.5 keeps only the low 32 bits
 * of a larger one (edition = 4294967299 would read as 3), so it is
 * refused here, with its line.  Other words pass. */
static bool
int_fits(struct scan *s)
{
  const char *w = s->wtext;
  size_t n = s->wtlen, i = 0;
  if (n == sizeof s->wtext)
    n = sizeof s->wtext - 1;    /* long: a digit run this long is too large anyway */
  char buf[sizeof s->wtext];
  memcpy(buf, w, n);
  buf[n] = '\0';
  if (buf[0] == '-' || buf[0] == '+')
    i = 1;
  bool hex = buf[i] == '0' && (buf[i + 1] == 'x' || buf[i + 1] == 'X');
  size_t j = hex ? i + 2 : i;
  if (buf[j] == '\0')
    return true;
  for (size_t k = j; buf[k]; k++)
    if (!(hex ? (ch_class[(unsigned char) buf[k]] & CH_HEX) : buf[k] >= '0' && buf[k] <= '9'))
      return true;            /* a name, a float, a 64-bit integer (L): not ours */
  errno = 0;
  long long v = strtoll(buf, NULL, hex ? 16 : 10);
  bool fits = errno == 0 && s->wtlen < sizeof s->wtext
              && (hex ? v >= 0 && v <= (long long) UINT32_MAX : v >= INT32_MIN && v <= INT32_MAX);
  if (!fits)
    diag_add(s->r->diag, s->r->file, s->tok_line,
             _("the integer %s is out of range; expected at most %d"), buf, INT32_MAX);
  return fits;
}

/* Follow lists and groups as c opens, separates or closes them; false
 * when a list has more elements than one list may (reported).  libconfig
 * grows a list a few elements at a time, which is quadratic in its
 * length: the limit keeps the longest list to a fraction of a second. */
static bool
nest_step(struct scan *s, unsigned char c)
{
  if (c == '(' || c == '[' || c == '{')
    {
      if (s->depth < CFG_NEST_COUNTED)
        s->nest[s->depth] = (struct nest){ 0, s->lx_line, c != '{' };
      s->depth++;
    }
  else if ((c == ')' || c == ']' || c == '}') && s->depth > 0)
    s->depth--;
  else if (c == ',' && s->depth > 0 && s->depth <= CFG_NEST_COUNTED && s->nest[s->depth - 1].list
           && ++s->nest[s->depth - 1].elems >= CFG_MAX_LIST)
    {
      diag_add(s->r->diag, s->r->file, s->nest[s->depth - 1].line,
               _("a list of more than %zu elements; expected at most %zu in one list"), CFG_MAX_LIST,
               CFG_MAX_LIST);
      return false;
    }
  return true;
}

/* The lexical pre-scan, one state machine over every byte: it follows libconfig's tokens (strings with their escapes,
 * comments in the three styles, words) to measure every string, word and
 * comment and to count the values, in linear time.  False when a limit
 * is exceeded (reported). */
static bool
lex_bytes(struct scan *s, const unsigned char *b, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = b[i];
      switch (s->lx)
        {
        case LX_WORD:
          if (!(ch_class[c] & CH_ENDS_WORD))
            {
              if (s->wtlen < sizeof s->wtext)
                s->wtext[s->wtlen++] = (char) c;
              if (too_long(s, ++s->run))
                return lex_too_long(s, false);
              break;
            }
          if (!int_fits(s))
            return false;
          s->lx = LX_CODE;
          /* fall through */
        case LX_CODE:
          if (c == '"')
            {
              if (!s->joinable)
                {
                  s->str = 0;
                  s->tok_line = s->lx_line;
                }
              s->lx = LX_STRING;
            }
          else if (c == '#')
            s->lx = LX_LINE_COMMENT, s->run = 0, s->tok_line = s->lx_line;
          else if (c == '/')
            s->lx = LX_SLASH, s->tok_line = s->lx_line;
          else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f')
            ;
          else
            {
              s->joinable = false;
              if (!nest_step(s, c))
                return false;
              if (ch_class[c] & CH_VALUE)
                {
                  if (++s->values > s->r->lim.values)
                    {
                      diag_add(s->r->diag, s->r->file, s->lx_line,
                               _("more than %zu settings and list elements; expected at most %zu in this kind of file"),
                               s->r->lim.values, s->r->lim.values);
                      return false;
                    }
                }
              else if (!(ch_class[c] & CH_PUNCT))
                {
                  s->lx = LX_WORD, s->run = 1, s->tok_line = s->lx_line;
                  s->wtext[0] = (char) c;
                  s->wtlen = 1;
                }
            }
          break;
        case LX_STRING:
          if (c != '"' && c != '\\' && c != '\n')
            {
              /* Most of a file is the bodies of strings: count up to the
               * next quote, backslash or line end at once. */
              size_t j = i + 1;
              while (j < n && b[j] != '"' && b[j] != '\\' && b[j] != '\n')
                j++;
              s->str += j - i;
              if (too_long(s, s->str))
                return lex_too_long(s, true);
              i = j - 1;
              break;
            }
          if (c == '"')
            {
              s->lx = LX_CODE;
              s->joinable = true;
              break;
            }
          if (c == '\\')
            s->lx = LX_ESCAPE;
          if (too_long(s, ++s->str))
            return lex_too_long(s, true);
          break;
        case LX_ESCAPE:
          /* The escape's byte was counted at the backslash. */
          if (c == 'x')
            s->lx = LX_HEX, s->hex_left = 2;
          else
            s->lx = LX_STRING;
          break;
        case LX_HEX:
          if (--s->hex_left == 0 || !(ch_class[c] & CH_HEX))
            s->lx = LX_STRING;
          if (c == '"' && s->lx == LX_STRING)
            s->lx = LX_CODE, s->joinable = true;
          break;
        case LX_SLASH:
          if (c == '/')
            s->lx = LX_LINE_COMMENT, s->run = 0;
          else if (c == '*')
            s->lx = LX_BLOCK_COMMENT, s->run = 0;
          else
            {
              /* A lone slash: part of a word to libconfig, an error
               * anyway. */
              s->joinable = false;
              s->lx = LX_WORD;
              s->run = 2;
              s->wtlen = 0;
              i--;
              continue;
            }
          break;
        case LX_LINE_COMMENT:
          if (c == '\n')
            s->lx = LX_CODE;
          else if (too_long(s, ++s->run))
            return lex_too_long(s, false);
          break;
        case LX_BLOCK_COMMENT:
        case LX_BLOCK_STAR:
          if (s->lx == LX_BLOCK_STAR && c == '/')
            {
              s->lx = LX_CODE;
              break;
            }
          s->lx = c == '*' ? LX_BLOCK_STAR : LX_BLOCK_COMMENT;
          if (too_long(s, ++s->run))
            return lex_too_long(s, false);
          break;
        }
      if (c == '\n')
        s->lx_line++;
    }
  return true;
}

static int
read_file_st(const char *path, size_t limit, diag_t *d, char **text, size_t *len, struct stat *out){
  *text = NULL;
  *len = 0;
  /* Opened without blocking and checked before reading: a FIFO would
   * hang kijun, a device would feed it without end. */
  struct stat st;
  int fd = afile_open_read(path, &st);
  if (fd < 0)
    {
      int e = errno;
      if (e == EISDIR || e == EINVAL)
        diag_add(d, path, 0, _("cannot read: %s; expected a regular file"), strerror(e));
      else
        diag_add(d, path, 0, _("cannot open: %s"), strerror(e));
      return EX_NOINPUT;
    }
  /* What is read, from the descriptor read: a change made by another
   * program after this moment is seen by the next save. */
  if (out)
    *out = st;
  if ((size_t) st.st_size > limit)
    {
      diag_add(d, path, 0, _("file of %lld bytes is too large; expected at most %zu bytes"),
               (long long) st.st_size, limit);
      close(fd);
      return EX_DATAERR;
    }
  size_t cap = (size_t) st.st_size + 1, total = 0;
  char *buf = xmalloc(cap);
  for (;;)
    {
      if (total + 1 == cap)
        {
          /* The file has grown since fstat: read on, up to the limit. */
          if (total > limit)
            {
              diag_add(d, path, 0, _("file of more than %zu bytes is too large; expected at most %zu bytes"),
                       limit, limit);
              free(buf);
              close(fd);
              return EX_DATAERR;
            }
          buf = xgrow(buf, &cap, cap + (1 << 16), 1);
        }
      ssize_t n = read(fd, buf + total, cap - 1 - total);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          diag_add(d, path, 0, _("cannot read: %s"), strerror(errno));
          free(buf);
          close(fd);
          return EX_NOINPUT;
        }
      if (n == 0)
        break;
      total += (size_t) n;
    }
  close(fd);
  if (total > limit)
    {
      diag_add(d, path, 0, _("file of more than %zu bytes is too large; expected at most %zu bytes"),
               limit, limit);
      free(buf);
      return EX_DATAERR;
    }
  buf[total] = '\0';
  *text = buf;
  *len = total;
  return 0;
}

int
cfg_read_file(const char *path, size_t limit, diag_t *d, char **text, size_t *len)
{
  return read_file_st(path, limit, d, text, len, NULL);
}

/* The syntax error libconfig found, in words a person can act on.  A
 * file that ends inside a text, a list or a group was cut short (a copy
 * that stopped, a full disk): say that, and where what is left open
 * began, rather than libconfig's "syntax error" at the last line. */
static void
cut_short(const struct scan *s, const char *path, diag_t *d, int line, const char *what)
{
  bool in_text = s->lx == LX_STRING || s->lx == LX_ESCAPE || s->lx == LX_HEX;
  if (in_text)
    diag_add(d, path, s->lx_line,
             _("the file ends inside a text (a \" is not closed): it looks cut short, as by a copy that "
               "stopped or a full disk; expected the whole file"));
  else if (s->depth > 0 && s->depth <= CFG_NEST_COUNTED)
    diag_add(d, path, s->lx_line,
             s->nest[s->depth - 1].list
               ? _("the file ends inside the list begun on line %d (its ')' is missing): it looks cut short, "
                   "as by a copy that stopped or a full disk; expected the whole file")
               : _("the file ends inside the group begun on line %d (its '}' is missing): it looks cut short, "
                   "as by a copy that stopped or a full disk; expected the whole file"),
             s->nest[s->depth - 1].line);
  else
    diag_add(d, path, line, _("%s; expected libconfig syntax (name = value; groups in { }, lists in ( ))"), what);
}

int
cfg_parse(cfg_reader *r, const char *path, const char *text, size_t len, cfg_limits lim, diag_t *d)
{
  *r = (cfg_reader){ .file = path, .diag = d, .utf8_ok = true, .lim = lim };
  r->cfg = xmalloc(sizeof *r->cfg);
  config_init(r->cfg);
  /* Text from memory (what a writer is about to write) is held to the
   * limit a file is. */
  if (len > lim.file)
    {
      diag_add(d, path, 0, _("file of %lld bytes is too large; expected at most %zu bytes"),
               (long long) len, lim.file);
      return EX_DATAERR;
    }

  struct scan s = { .r = r, .line = 1, .at_line_start = true, .lx_line = 1 };
  const unsigned char *b = (const unsigned char *) text;
  if (!scan_bytes(&s, b, len) || !lex_bytes(&s, b, len))
    return EX_DATAERR;
  if (len == 0)
    {
      diag_add(d, path, 1, _("the file is empty; expected a kijun file in libconfig format"));
      return EX_DATAERR;
    }
  /* libconfig reads strings up to a NUL, so a file with one cannot be
   * parsed faithfully; it was reported above. */
  if (s.nul)
    return EX_DATAERR;

  /* The bytes parsed are the bytes checked: libconfig reads the same
   * copy the scan above has read (from memory it is also four to five
   * times faster on long strings than from a stream). */
  if (config_read_string(r->cfg, text) != CONFIG_TRUE)
    {
      cut_short(&s, path, d, config_error_line(r->cfg), config_error_text(r->cfg));
      return EX_DATAERR;
    }
  r->parsed = true;
  return r->utf8_ok ? 0 : EX_DATAERR;
}

int
cfg_open(cfg_reader *r, const char *path, cfg_limits lim, diag_t *d)
{
  char *text;
  size_t len;
  struct stat st;
  int rc = read_file_st(path, lim.file, d, &text, &len, &st);
  if (rc)
    {
      *r = (cfg_reader){ .file = path, .diag = d, .utf8_ok = true, .lim = lim };
      r->cfg = xmalloc(sizeof *r->cfg);
      config_init(r->cfg);
      return rc;
    }
  rc = cfg_parse(r, path, text, len, lim, d);
  r->st = st;
  r->has_st = true;
  free(text);
  return rc;
}

