/* cfgread: open, parse and inspect libconfig files for the loaders.
 *
 * The file is read into memory by us rather than by config_read_file so
 * that a directory, a device or a file with NUL bytes or invalid UTF-8 is
 * reported with a reason and a line number instead of a vague parse
 * error. */
#include <config.h>
#include "cfgread.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* Report NUL bytes and invalid UTF-8 by line, at most one per line. */
static bool
scan_bytes(cfg_reader *r, const char *buf, size_t n)
{
  bool ok = true;
  int line = 1, last_bad = 0;
  size_t i = 0;
  while (i < n)
    {
      unsigned char c = (unsigned char) buf[i];
      if (c == '\n')
        {
          line++;
          i++;
          continue;
        }
      if (c == 0 && last_bad != line)
        {
          diag_add(r->diag, r->file, line, _("NUL byte in the file; expected UTF-8 text"));
          ok = false, last_bad = line;
        }
      if (c < 0x80)
        {
          i++;
          continue;
        }
      uint32_t cp;
      int k = txt_decode(buf + i, n - i, &cp);
      if (cp == TXT_INVALID && last_bad != line)
        {
          diag_add(r->diag, r->file, line,
                   _("invalid UTF-8 (byte 0x%02X); expected UTF-8 text"), c);
          ok = false, last_bad = line;
        }
      i += (size_t) k;
    }
  return ok;
}

int
cfg_open(cfg_reader *r, const char *path, diag_t *d)
{
  r->file = path;
  r->diag = d;
  r->utf8_ok = false;
  r->parsed = false;
  config_init(&r->cfg);

  FILE *f = fopen(path, "rb");
  if (!f)
    {
      diag_add(d, path, 0, _("cannot open: %s"), strerror(errno));
      return EX_NOINPUT;
    }
  struct stat st;
  int serr = fstat(fileno(f), &st) != 0 ? errno : 0;
  if (serr || !S_ISREG(st.st_mode))
    {
      int e = serr ? serr : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
      diag_add(d, path, 0, _("cannot read: %s; expected a regular file"), strerror(e));
      fclose(f);
      return EX_NOINPUT;
    }
  if ((size_t) st.st_size > CFG_MAX_FILE)
    {
      diag_add(d, path, 0, _("file of %lld bytes is too large; expected at most %zu bytes"),
               (long long) st.st_size, CFG_MAX_FILE);
      fclose(f);
      return EX_DATAERR;
    }
  size_t cap = (size_t) st.st_size + 1, n = 0;
  char *buf = xmalloc(cap);
  for (;;)
    {
      if (n + 1 >= cap)
        {
          if (cap > CFG_MAX_FILE)
            break;
          buf = xrealloc(buf, cap *= 2);
        }
      size_t k = fread(buf + n, 1, cap - n - 1, f);
      n += k;
      if (k == 0)
        break;
    }
  int rerr = ferror(f) ? errno : 0;
  fclose(f);
  if (rerr)
    {
      diag_add(d, path, 0, _("cannot read: %s"), strerror(rerr));
      free(buf);
      return EX_NOINPUT;
    }
  buf[n] = '\0';
  if (n == 0)
    {
      diag_add(d, path, 1, _("the file is empty; expected a kijun file in libconfig format"));
      free(buf);
      return EX_DATAERR;
    }

  r->utf8_ok = scan_bytes(r, buf, n);
  /* libconfig would read any file an @include names; kijun's files are
   * self-contained, and a file sent by someone else must not make kijun
   * read others. */
  for (const char *p = buf; (p = strstr(p, "@include")); p++)
    {
      const char *bol = p;
      while (bol > buf && (bol[-1] == ' ' || bol[-1] == '\t'))
        bol--;
      if (bol == buf || bol[-1] == '\n')
        {
          int line = 1;
          for (const char *c = buf; c < p; c++)
            line += *c == '\n';
          diag_add(d, path, line, _("@include is not allowed; expected a self-contained file"));
          free(buf);
          return EX_DATAERR;
        }
    }
  if (memchr(buf, '\0', n))
    {
      free(buf);
      return EX_DATAERR;
    }
  int ok = config_read_string(&r->cfg, buf);
  free(buf);
  if (ok != CONFIG_TRUE)
    {
      diag_add(d, path, config_error_line(&r->cfg),
               _("%s; expected libconfig syntax (name = value; groups in { }, lists in ( ))"),
               config_error_text(&r->cfg));
      return EX_DATAERR;
    }
  r->parsed = true;
  return r->utf8_ok ? 0 : EX_DATAERR;
}

void
cfg_close(cfg_reader *r)
{
  config_destroy(&r->cfg);
}

int
cfg_line(const config_setting_t *s)
{
  int l = s ? (int) config_setting_source_line(s) : 0;
  return l > 0 ? l : 1;
}

void
cfg_check_keys(cfg_reader *r, const config_setting_t *group, const char *const *allowed,
               const char *where)
{
  int n = config_setting_length(group);
  for (int i = 0; i < n; i++)
    {
      const config_setting_t *m = config_setting_get_elem(group, (unsigned) i);
      const char *name = config_setting_name(m);
      if (!name)
        continue;
      const char *const *a = allowed;
      while (*a && strcmp(*a, name) != 0)
        a++;
      if (*a)
        continue;
      char list[512] = "";
      for (a = allowed; *a; a++)
        {
          if (a != allowed)
            strncat(list, ", ", sizeof list - strlen(list) - 1);
          strncat(list, *a, sizeof list - strlen(list) - 1);
        }
      diag_add(r->diag, r->file, cfg_line(m), _("unknown setting '%s' in %s; expected one of: %s"),
               name, where, list);
    }
}

bool
cfg_clean(cfg_reader *r, const char *s, int line, bool multiline, const char *what)
{
  size_t n = strlen(s), bad;
  if (n > CFG_MAX_STRING)
    {
      diag_add(r->diag, r->file, line, _("%s is %zu bytes long; expected at most %zu bytes"), what,
               n, CFG_MAX_STRING);
      return false;
    }
  /* A file that failed the byte scan was reported there already. */
  if (r->utf8_ok && !txt_valid_utf8(s, n, &bad))
    {
      diag_add(r->diag, r->file, line, _("%s has invalid UTF-8 (byte 0x%02X); expected UTF-8 text"),
               what, (unsigned char) s[bad]);
      return false;
    }
  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if ((c < 0x20 && !((c == '\n' || c == '\t') && multiline)) || c == 0x7F)
        {
          diag_add(r->diag, r->file, line,
                   _("%s contains the control character 0x%02X; expected printable text"), what, c);
          return false;
        }
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
cfg_string(cfg_reader *r, const config_setting_t *group, const char *key, bool required,
           bool multiline, const char *where)
{
  const config_setting_t *m = config_setting_get_member(group, key);
  if (!m)
    {
      if (required)
        diag_add(r->diag, r->file, cfg_line(group), _("%s has no '%s'; expected %s = \"...\";"),
                 where, key, key);
      return NULL;
    }
  if (config_setting_type(m) != CONFIG_TYPE_STRING)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is %s; expected a string \"...\""), key,
               where, type_name(config_setting_type(m)));
      return NULL;
    }
  const char *s = config_setting_get_string(m);
  if (!*s)
    {
      if (required)
        diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is empty; expected text"), key,
                 where);
      return NULL;
    }
  char what[160];
  /* TRANSLATORS: a setting in a place, e.g. "'ja' in 'title' of ...". */
  snprintf(what, sizeof what, _("'%s' in %s"), key, where);
  return cfg_clean(r, s, cfg_line(m), multiline, what) ? s : NULL;
}

long long
cfg_int(cfg_reader *r, const config_setting_t *group, const char *key, long long def,
        const char *where)
{
  const config_setting_t *m = config_setting_get_member(group, key);
  if (!m)
    {
      diag_add(r->diag, r->file, cfg_line(group), _("%s has no '%s'; expected %s = <integer>;"),
               where, key, key);
      return def;
    }
  int t = config_setting_type(m);
  if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is %s; expected an integer"), key,
               where, type_name(t));
      return def;
    }
  return config_setting_get_int64(m);
}

config_setting_t *
cfg_group(cfg_reader *r, const config_setting_t *group, const char *key, bool required,
          bool want_list, const char *where)
{
  config_setting_t *m = config_setting_get_member(group, key);
  if (!m)
    {
      if (required)
        diag_add(r->diag, r->file, cfg_line(group), _("%s has no '%s'; expected %s = %s;"), where,
                 key, key, want_list ? "( ... )" : "{ ... }");
      return NULL;
    }
  int t = config_setting_type(m);
  bool ok = want_list ? (t == CONFIG_TYPE_LIST || (t == CONFIG_TYPE_ARRAY && config_setting_length(m) == 0))
                      : t == CONFIG_TYPE_GROUP;
  if (!ok)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is %s; expected %s"), key, where,
               type_name(t), want_list ? type_name(CONFIG_TYPE_LIST) : type_name(CONFIG_TYPE_GROUP));
      return NULL;
    }
  return m;
}
