/* cfgread: the typed accessors of parsed kijun files, the second half of
 * the cfgread module (cfgread.h; reading and parsing are in cfgscan.c):
 * every value is checked where it is read, and every problem reported as
 * "FILE:LINE: what is wrong; expected what". */
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
  if (diag_skip(r->diag))
    return;
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
