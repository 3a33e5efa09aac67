/* cfgread: open, parse and inspect libconfig files for the loaders.
 *
 * The file is read twice: once by us, in chunks, to report NUL bytes,
 * invalid UTF-8 and @include by line (libconfig would give a vague parse
 * error or follow the include), and once by libconfig from the stream.
 * Streaming keeps the peak memory at libconfig's own tree; a copy of a
 * large file would add its whole size. */
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
#include "base/hset.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"

/* The byte scan's state, kept across chunks. */
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
      diag_add(d, path, config_error_line(r->cfg),
               _("%s; expected libconfig syntax (name = value; groups in { }, lists in ( ))"),
               config_error_text(r->cfg));
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

void
cfg_free(void *cfg)
{
  if (cfg)
    {
      config_destroy(cfg);
      free(cfg);
    }
}

config_t *
cfg_take(cfg_reader *r)
{
  config_t *c = r->cfg;
  r->cfg = NULL;
  return c;
}

void
cfg_close(cfg_reader *r)
{
  cfg_free(r->cfg);
  r->cfg = NULL;
  for (size_t i = 0; i < r->nowned; i++)
    free(r->owned[i]);
  free(r->owned);
  r->owned = NULL;
  r->nowned = r->capowned = 0;
}

int
cfg_line(const config_setting_t *s)
{
  int l = s ? (int) config_setting_source_line(s) : 0;
  return l > 0 ? l : 1;
}

/* The formats come only from N_() literals in the loaders, each with the
 * one conversion cfg_where documents, so the compiler's check is not
 * needed here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
const char *
cfg_where_text(const cfg_where *w, char *buf, size_t size)
{
  if (w->key && w->parent && w->n)
    {
      char parent[256];
      snprintf(buf, size, _(w->fmt), w->n, w->key, cfg_where_text(w->parent, parent, sizeof parent));
    }
  else if (w->key && w->parent)
    {
      char parent[256];
      snprintf(buf, size, _(w->fmt), w->key, cfg_where_text(w->parent, parent, sizeof parent));
    }
  else if (w->id)
    snprintf(buf, size, _(w->fmt), w->id);
  else if (strstr(w->fmt, "%u"))
    snprintf(buf, size, _(w->fmt), w->n);
  else
    snprintf(buf, size, "%s", _(w->fmt));
  return buf;
}
#pragma GCC diagnostic pop

static void
unknown_key(cfg_reader *r, const config_setting_t *m, const char *name, const char *const *allowed,
            const cfg_where *where)
{
  char list[512] = "", wbuf[256];
  for (const char *const *a = allowed; *a; a++)
    {
      if (a != allowed)
        strncat(list, ", ", sizeof list - strlen(list) - 1);
      strncat(list, *a, sizeof list - strlen(list) - 1);
    }
  diag_add(r->diag, r->file, cfg_line(m), _("unknown setting '%s' in %s; expected one of: %s"),
           name, cfg_where_text(where, wbuf, sizeof wbuf), list);
}

void
cfg_members(cfg_reader *r, const config_setting_t *group, const char *const *allowed,
            const cfg_where *where, config_setting_t **slots)
{
  size_t nallowed = 0;
  while (allowed[nallowed])
    slots[nallowed++] = NULL;
  int n = config_setting_length(group);
  for (int i = 0; i < n; i++)
    {
      config_setting_t *m = config_setting_get_elem(group, (unsigned) i);
      const char *name = config_setting_name(m);
      if (!name)
        continue;
      size_t k = 0;
      while (k < nallowed && strcmp(allowed[k], name) != 0)
        k++;
      if (k < nallowed)
        slots[k] = m;
      else
        unknown_key(r, m, name, allowed, where);
    }
}

void
cfg_check_keys(cfg_reader *r, const config_setting_t *group, const char *const *allowed,
               const cfg_where *where)
{
  config_setting_t *slots[CFG_MAX_SLOTS];
  cfg_members(r, group, allowed, where, slots);
}

/* The first C1 control (U+0080 to U+009F) or bidi override or isolate
 * (U+202A to U+202E, U+2066 to U+2069) in s[0..len), or 0.  They are
 * invisible, can make text read differently from what it is, and C1
 * controls drive some terminals.  memchr finds the two lead bytes
 * concerned quickly, so Japanese text costs little. */
static uint32_t
hidden_control(const unsigned char *s, size_t len)
{
  for (const unsigned char *p = s; (p = memchr(p, 0xC2, len - (size_t) (p - s))); p++)
    if ((size_t) (p - s) + 1 < len && p[1] >= 0x80 && p[1] <= 0x9F)
      return p[1];
  for (const unsigned char *p = s; (p = memchr(p, 0xE2, len - (size_t) (p - s))); p++)
    if ((size_t) (p - s) + 2 < len
        && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) || (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)))
      return 0x2000 + ((uint32_t) (p[1] & 0x3F) << 6) + (p[2] & 0x3F);
  return 0;
}

/* Check one string value for UTF-8, control characters and length; what
 * describes it for the messages. */
static bool
clean(cfg_reader *r, const char *s, int line, bool multiline, const cfg_where *what)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t len = strlen(s), i = 0;
  /* Eight bytes at a time while none is a control or DEL (the usual
   * case); the byte loop below finds and reports the exception. */
  for (; i + 8 <= len;)
    {
      uint64_t w;
      memcpy(&w, p + i, sizeof w);
      const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
      uint64_t del = w ^ (0x7F * ones);
      if (((w - 0x20 * ones) & ~w & high) || ((del - ones) & ~del & high))
        break;
      i += 8;
    }
  for (; p[i]; i++)
    {
      unsigned char c = p[i];
      if ((c < 0x20 && !((c == '\n' || c == '\t') && multiline)) || c == 0x7F)
        {
          char wbuf[256];
          diag_add(r->diag, r->file, line,
                   _("%s contains the control character 0x%02X; expected printable text"),
                   cfg_where_text(what, wbuf, sizeof wbuf), c);
          return false;
        }
    }
  if (i > CFG_MAX_STRING)
    {
      char wbuf[256];
      diag_add(r->diag, r->file, line, _("%s is %zu bytes long; expected at most %zu bytes"),
               cfg_where_text(what, wbuf, sizeof wbuf), i, CFG_MAX_STRING);
      return false;
    }
  uint32_t hidden = hidden_control(p, i);
  if (hidden)
    {
      char wbuf[256];
      diag_add(r->diag, r->file, line,
               _("%s contains the invisible control character U+%04X; expected printable text"),
               cfg_where_text(what, wbuf, sizeof wbuf), (unsigned) hidden);
      return false;
    }
  /* Only a \x escape can put invalid UTF-8 in a string of a file that
   * passed the byte scan. */
  size_t bad;
  if (r->utf8_ok && r->escapes && !txt_valid_utf8(s, i, &bad))
    {
      char wbuf[256];
      diag_add(r->diag, r->file, line, _("%s has invalid UTF-8 (byte 0x%02X); expected UTF-8 text"),
               cfg_where_text(what, wbuf, sizeof wbuf), p[bad]);
      return false;
    }
  return true;
}

static const char *
type_name(int type)
{
  switch (type)
    {
    case CONFIG_TYPE_GROUP: return _("a group { ... }");
    case CONFIG_TYPE_LIST: return _("a list ( ... )");
    case CONFIG_TYPE_ARRAY: return _("an array [ ... ]");
    case CONFIG_TYPE_STRING: return _("a string");
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64: return _("an integer");
    case CONFIG_TYPE_FLOAT: return _("a number");
    case CONFIG_TYPE_BOOL: return _("true or false");
    default: return "?";
    }
}

const char *
cfg_string_in(cfg_reader *r, const config_setting_t *group, config_setting_t *m, const char *key,
              bool required, bool multiline, const cfg_where *where)
{
  char wbuf[256];
  if (!m)
    {
      if (required)
        diag_add(r->diag, r->file, cfg_line(group), _("%s has no '%s'; expected %s = \"...\";"),
                 cfg_where_text(where, wbuf, sizeof wbuf), key, key);
      return NULL;
    }
  if (config_setting_type(m) != CONFIG_TYPE_STRING)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is %s; expected a string \"...\""), key,
               cfg_where_text(where, wbuf, sizeof wbuf), type_name(config_setting_type(m)));
      return NULL;
    }
  const char *s = config_setting_get_string(m);
  if (!*s)
    {
      if (required)
        diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is empty; expected text"), key,
                 cfg_where_text(where, wbuf, sizeof wbuf));
      return NULL;
    }
  /* TRANSLATORS: a setting in a place, e.g. "'ja' in 'title' of ...". */
  cfg_where what = { N_("'%s' in %s"), NULL, 0, key, where };
  return clean(r, s, cfg_line(m), multiline, &what) ? s : NULL;
}

const char *
cfg_text_in(cfg_reader *r, const config_setting_t *group, config_setting_t *m, const char *key,
            bool required, bool multiline, const cfg_where *where)
{
  if (!m || config_setting_type(m) != CONFIG_TYPE_LIST)
    return cfg_string_in(r, group, m, key, required, multiline, where);
  char wbuf[256];
  unsigned n = (unsigned) config_setting_length(m);
  if (n == 0)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is an empty list; expected text, or a list of its pieces"),
               key, cfg_where_text(where, wbuf, sizeof wbuf));
      return NULL;
    }
  size_t total = 0;
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *e = config_setting_get_elem(m, i);
      if (config_setting_type(e) != CONFIG_TYPE_STRING || !*config_setting_get_string(e))
        {
          diag_add(r->diag, r->file, cfg_line(e),
                   _("element %u of '%s' in %s is not a non-empty string; expected a list of the pieces of one text"),
                   i + 1, key, cfg_where_text(where, wbuf, sizeof wbuf));
          return NULL;
        }
      cfg_where what = { N_("'%s' in %s"), NULL, 0, key, where };
      if (!clean(r, config_setting_get_string(e), cfg_line(e), multiline, &what))
        return NULL;
      total += strlen(config_setting_get_string(e));
    }
  char *joined = xmalloc(total + 1), *p = joined;
  for (unsigned i = 0; i < n; i++)
    {
      const char *piece = config_setting_get_string(config_setting_get_elem(m, i));
      size_t l = strlen(piece);
      memcpy(p, piece, l);
      p += l;
    }
  *p = '\0';
  r->owned = xgrow(r->owned, &r->capowned, r->nowned + 1, sizeof *r->owned);
  r->owned[r->nowned++] = joined;
  return joined;
}

const char *
cfg_string(cfg_reader *r, const config_setting_t *group, const char *key, bool required,
           bool multiline, const cfg_where *where)
{
  return cfg_string_in(r, group, config_setting_get_member(group, key), key, required, multiline,
                       where);
}

long long
cfg_int_in(cfg_reader *r, const config_setting_t *group, const config_setting_t *m, const char *key,
           bool required, long long min, long long max, long long def, const cfg_where *where)
{
  char wbuf[256];
  if (!m)
    {
      if (required)
        diag_add(r->diag, r->file, cfg_line(group), _("%s has no '%s'; expected %s = <integer>;"),
                 cfg_where_text(where, wbuf, sizeof wbuf), key, key);
      return def;
    }
  int t = config_setting_type(m);
  if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is %s; expected an integer"), key,
               cfg_where_text(where, wbuf, sizeof wbuf), type_name(t));
      return def;
    }
  long long v = config_setting_get_int64(m);
  if (v < min || v > max)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is %lld; expected an integer from %lld to %lld"),
               key, cfg_where_text(where, wbuf, sizeof wbuf), v, min, max);
      return def;
    }
  return v;
}

size_t
cfg_string_list(cfg_reader *r, const config_setting_t *list, const char *key, const cfg_where *where,
                const char **out)
{
  unsigned n = (unsigned) config_setting_length(list);
  size_t got = 0;
  /* A hash set, not a search of those before: a list may hold a million
   * ids. */
  hset *seen = hset_new(n);
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *e = config_setting_get_elem(list, i);
      /* Described only when something is wrong. */
      char wbuf[256];
      int t = config_setting_type(e);
      if (t != CONFIG_TYPE_STRING)
        {
          diag_add(r->diag, r->file, cfg_line(e),
                   _("element %u of '%s' in %s is %s; expected a string \"...\""), i + 1, key,
                   cfg_where_text(where, wbuf, sizeof wbuf), type_name(t));
          continue;
        }
      const char *s = config_setting_get_string(e);
      if (!*s)
        {
          diag_add(r->diag, r->file, cfg_line(e), _("element %u of '%s' in %s is empty; expected an id"),
                   i + 1, key, cfg_where_text(where, wbuf, sizeof wbuf));
          continue;
        }
      /* Described only when something is wrong: a list may hold a
       * million ids. */
      /* TRANSLATORS: "element 2 of 'was' in question '2.1-a'". */
      cfg_where what = { N_("element %u of '%s' in %s"), NULL, i + 1, key, where };
      if (!clean(r, s, cfg_line(e), false, &what))
        continue;
      if (hset_put(seen, s, (int) got))
        {
          diag_add(r->diag, r->file, cfg_line(e), _("'%s' in %s lists '%s' twice; expected each id once"),
                   key, cfg_where_text(where, wbuf, sizeof wbuf), s);
          continue;
        }
      out[got++] = s;
    }
  hset_free(seen);
  return got;
}

long long
cfg_int(cfg_reader *r, const config_setting_t *group, const char *key, long long def,
        const cfg_where *where)
{
  return cfg_int_in(r, group, config_setting_get_member(group, key), key, true, LLONG_MIN, LLONG_MAX,
                    def, where);
}

config_setting_t *
cfg_group_in(cfg_reader *r, const config_setting_t *group, config_setting_t *m, const char *key,
             bool required, bool want_list, const cfg_where *where)
{
  char wbuf[256];
  if (!m)
    {
      if (required)
        diag_add(r->diag, r->file, cfg_line(group), _("%s has no '%s'; expected %s = %s;"),
                 cfg_where_text(where, wbuf, sizeof wbuf), key, key, want_list ? "( ... )" : "{ ... }");
      return NULL;
    }
  int t = config_setting_type(m);
  bool ok = want_list ? (t == CONFIG_TYPE_LIST || (t == CONFIG_TYPE_ARRAY && config_setting_length(m) == 0))
                      : t == CONFIG_TYPE_GROUP;
  if (!ok)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is %s; expected %s"), key,
               cfg_where_text(where, wbuf, sizeof wbuf), type_name(t),
               want_list ? type_name(CONFIG_TYPE_LIST) : type_name(CONFIG_TYPE_GROUP));
      return NULL;
    }
  return m;
}

config_setting_t *
cfg_group(cfg_reader *r, const config_setting_t *group, const char *key, bool required,
          bool want_list, const cfg_where *where)
{
  return cfg_group_in(r, group, config_setting_get_member(group, key), key, required, want_list,
                      where);
}
