/* jsonread: a strict JSON reader for kijun's own JSON.  See jsonread.h. */
#include <config.h>
#include "io/jsonread.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/xalloc.h"
#include "io/afile.h"

#define JSON_MAX_BYTES (64L << 20)
#define JSON_MAX_DEPTH 64

typedef struct parser
{
  const char *s, *end;
  int line;
  const char *why;            /* the first problem, or NULL */
} parser;

static void
ws(parser *p)
{
  while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
    p->line += *p->s++ == '\n';
}

static bool
fail(parser *p, const char *why)
{
  if (!p->why)
    p->why = why;
  return false;
}

static void
put_utf8(char **o, uint32_t c)
{
  unsigned char *u = (unsigned char *) *o;
  if (c < 0x80)
    *u++ = (unsigned char) c;
  else if (c < 0x800)
    *u++ = (unsigned char) (0xC0 | c >> 6), *u++ = (unsigned char) (0x80 | (c & 0x3F));
  else if (c < 0x10000)
    *u++ = (unsigned char) (0xE0 | c >> 12), *u++ = (unsigned char) (0x80 | ((c >> 6) & 0x3F)),
    *u++ = (unsigned char) (0x80 | (c & 0x3F));
  else
    *u++ = (unsigned char) (0xF0 | c >> 18), *u++ = (unsigned char) (0x80 | ((c >> 12) & 0x3F)),
    *u++ = (unsigned char) (0x80 | ((c >> 6) & 0x3F)), *u++ = (unsigned char) (0x80 | (c & 0x3F));
  *o = (char *) u;
}

static bool
hex4(parser *p, uint32_t *out)
{
  if (p->end - p->s < 4)
    return fail(p, N_("a \\u escape with four hex digits"));
  uint32_t v = 0;
  for (int i = 0; i < 4; i++)
    {
      char c = *p->s++;
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= (uint32_t) (c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= (uint32_t) (c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= (uint32_t) (c - 'A' + 10);
      else
        return fail(p, N_("a \\u escape with four hex digits"));
    }
  *out = v;
  return true;
}

static bool
string(parser *p, char **out)
{
  p->s++;                     /* the opening quote */
  /* The text is never longer than its source. */
  const char *q = p->s;
  while (q < p->end && *q != '"')
    q += *q == '\\' && q + 1 < p->end ? 2 : 1;
  if (q >= p->end)
    return fail(p, N_("a string closed by \""));
  char *buf = xmalloc((size_t) (q - p->s) + 4), *o = buf;
  while (*p->s != '"')
    {
      unsigned char c = (unsigned char) *p->s++;
      if (c < 0x20 || c == 0)
        {
          free(buf);
          return fail(p, N_("a string without raw control characters"));
        }
      if (c != '\\')
        {
          *o++ = (char) c;
          continue;
        }
      char e = *p->s++;
      uint32_t u;
      switch (e)
        {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u':
          if (!hex4(p, &u))
            {
              free(buf);
              return false;
            }
          if (u >= 0xD800 && u < 0xDC00 && p->end - p->s >= 6 && p->s[0] == '\\' && p->s[1] == 'u')
            {
              uint32_t lo;
              p->s += 2;
              if (!hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                {
                  free(buf);
                  return fail(p, N_("a low surrogate after a high one"));
                }
              u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            }
          if (u == 0 || (u >= 0xD800 && u < 0xE000))
            {
              free(buf);
              return fail(p, N_("a character other than NUL or a lone surrogate"));
            }
          put_utf8(&o, u);
          break;
        default:
          free(buf);
          return fail(p, N_("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)"));
        }
    }
  p->s++;
  *o = '\0';
  *out = buf;
  return true;
}

static bool value(parser *p, jv *v, int depth);

static bool
members(parser *p, jv *v, int depth, bool obj)
{
  p->s++;
  ws(p);
  size_t cap = 0;
  char close = obj ? '}' : ']';
  if (p->s < p->end && *p->s == close)
    {
      p->s++;
      return true;
    }
  for (;;)
    {
      v->items = xgrow(v->items, &cap, v->n + 1, sizeof *v->items);
      if (obj)
        {
          v->keys = xrealloc(v->keys, cap * sizeof *v->keys);
          ws(p);
          if (p->s >= p->end || *p->s != '"' || !string(p, &v->keys[v->n]))
            return fail(p, N_("a member name in quotes"));
          ws(p);
          if (p->s >= p->end || *p->s++ != ':')
            {
              free(v->keys[v->n]);
              return fail(p, N_("':' after a member name"));
            }
        }
      memset(&v->items[v->n], 0, sizeof *v->items);
      if (!value(p, &v->items[v->n], depth + 1))
        {
          if (obj)
            free(v->keys[v->n]);
          jv_free(&v->items[v->n]);
          return false;
        }
      v->n++;
      ws(p);
      if (p->s < p->end && *p->s == ',')
        {
          p->s++;
          continue;
        }
      if (p->s < p->end && *p->s == close)
        {
          p->s++;
          return true;
        }
      return fail(p, obj ? N_("',' or '}'") : N_("',' or ']'"));
    }
}

static bool
value(parser *p, jv *v, int depth)
{
  if (depth > JSON_MAX_DEPTH)
    return fail(p, N_("at most 64 levels of nesting"));
  ws(p);
  if (p->s >= p->end)
    return fail(p, N_("a value"));
  v->line = p->line;
  char c = *p->s;
  size_t left = (size_t) (p->end - p->s);
  if (c == '{' || c == '[')
    {
      v->t = c == '{' ? JV_OBJ : JV_ARR;
      return members(p, v, depth, c == '{');
    }
  if (c == '"')
    {
      v->t = JV_STR;
      return string(p, &v->str);
    }
  if (left >= 4 && strncmp(p->s, "null", 4) == 0)
    return v->t = JV_NULL, p->s += 4, true;
  if (left >= 4 && strncmp(p->s, "true", 4) == 0)
    return v->t = JV_BOOL, v->b = true, p->s += 4, true;
  if (left >= 5 && strncmp(p->s, "false", 5) == 0)
    return v->t = JV_BOOL, v->b = false, p->s += 5, true;
  if (c == '-' || (c >= '0' && c <= '9'))
    {
      char buf[64];
      size_t n = 0;
      while (p->s + n < p->end && n < sizeof buf - 1 && strchr("+-0123456789.eE", p->s[n]))
        n++;
      memcpy(buf, p->s, n);
      buf[n] = '\0';
      char *end;
      errno = 0;
      v->num = strtod(buf, &end);
      if (end != buf + n || errno)
        return fail(p, N_("a number"));
      v->t = JV_NUM;
      p->s += n;
      return true;
    }
  return fail(p, N_("a value"));
}

int
json_read_file(const char *path, jv *out, diag_t *d)
{
  *out = (jv){ 0 };
  struct stat st;
  int fd = afile_open_read(path, &st);
  if (fd < 0)
    {
      diag_add(d, path, 0, _("cannot open: %s"), strerror(errno));
      return EX_NOINPUT;
    }
  if (st.st_size > JSON_MAX_BYTES)
    {
      close(fd);
      diag_add(d, path, 0, _("is larger than 64 MiB; expected a JSON report kijun wrote"));
      return EX_DATAERR;
    }
  char *buf = xmalloc((size_t) st.st_size + 1);
  size_t got = 0;
  ssize_t k;
  while (got < (size_t) st.st_size && (k = read(fd, buf + got, (size_t) st.st_size - got)) > 0)
    got += (size_t) k;
  close(fd);
  parser p = { buf, buf + got, 1, NULL };
  bool ok = value(&p, out, 0);
  if (ok)
    {
      ws(&p);
      if (p.s != p.end)
        ok = fail(&p, N_("the end of the file after the value"));
    }
  free(buf);
  if (!ok)
    {
      jv_free(out);
      diag_add(d, path, p.line, _("not JSON here; expected %s"), _(p.why));
      return EX_DATAERR;
    }
  return 0;
}

void
jv_free(jv *v)
{
  for (size_t i = 0; i < v->n; i++)
    {
      jv_free(&v->items[i]);
      if (v->keys)
        free(v->keys[i]);
    }
  free(v->items);
  free(v->keys);
  free(v->str);
  *v = (jv){ 0 };
}

const jv *
jv_get(const jv *o, const char *key)
{
  if (!o || o->t != JV_OBJ)
    return NULL;
  for (size_t i = 0; i < o->n; i++)
    if (strcmp(o->keys[i], key) == 0)
      return &o->items[i];
  return NULL;
}
