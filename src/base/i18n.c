/* i18n: settle the locale and the language, and switch it at run time.
 *
 * The awkward case this file exists for: a minimal server where the
 * respondent's terminal is UTF-8 but ja_JP.UTF-8 was never generated.  The
 * C.UTF-8 locale (always present in glibc) gives us UTF-8 character
 * handling, and LANGUAGE selects the Japanese catalogue, which gettext
 * honours in any locale but plain "C". */
#include <config.h>
#include "base/i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static enum lang current = LANG_EN;      /* the interface's language */
static enum lang messages = LANG_EN;     /* what _() speaks now */
static bool utf8;
static const char *fallback_reason;

int
lang_parse(const char *s)
{
  if (!s || !*s)
    return -1;
  if (strncasecmp(s, "ja", 2) == 0 && (s[2] == '\0' || strchr("_.@:-", s[2])))
    return LANG_JA;
  if (strncasecmp(s, "en", 2) == 0 && (s[2] == '\0' || strchr("_.@:-", s[2])))
    return LANG_EN;
  /* The POSIX locale is English. */
  if (strcmp(s, "C") == 0 || strncmp(s, "C.", 2) == 0 || strcmp(s, "POSIX") == 0)
    return LANG_EN;
  return -1;
}

const char *
lang_code(enum lang l)
{
  return l == LANG_JA ? "ja" : "en";
}

/* The first of the usual variables that is set and non-empty. */
static const char *
env_first(const char *const *names)
{
  for (; *names; names++)
    {
      const char *v = getenv(*names);
      if (v && *v)
        return v;
    }
  return NULL;
}

static bool
codeset_is_utf8(void)
{
  const char *cs = nl_langinfo(CODESET);
  return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

/* Whether the locale the user asked for names UTF-8, even if it is not
 * installed on this machine. */
static bool
requested_utf8(void)
{
  static const char *const names[] = { "LC_ALL", "LC_CTYPE", "LANG", NULL };
  const char *v = env_first(names);
  return v && (strcasestr(v, "UTF-8") || strcasestr(v, "utf8"));
}

enum lang
i18n_init(const char *forced, const char *localedir)
{
  if (!setlocale(LC_ALL, "") && requested_utf8())
    setlocale(LC_ALL, "C.UTF-8");
  utf8 = codeset_is_utf8();
  if (!utf8 && requested_utf8() && setlocale(LC_ALL, "C.UTF-8"))
    utf8 = codeset_is_utf8();
  /* Numbers go into files and machine-readable reports (percent = 62.5;),
   * which must read back whatever the user's locale: a decimal comma
   * would make the answers file unreadable and the JSON invalid.  So the
   * whole program formats and parses numbers the C way. */
  setlocale(LC_NUMERIC, "C");

#if ENABLE_NLS
  bindtextdomain(PACKAGE, localedir);
  textdomain(PACKAGE);
  bind_textdomain_codeset(PACKAGE, "UTF-8");
#endif

  int l = forced ? lang_parse(forced) : -1;
  if (l < 0)
    {
      /* LANGUAGE may be a colon-separated list; its first entry decides. */
      static const char *const names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", NULL };
      const char *v = env_first(names);
      l = v ? lang_parse(v) : -1;
      if (l < 0)
        l = LANG_EN;
    }
  if (l == LANG_JA && !utf8)
    {
      fallback_reason = N_("the terminal's character set is not UTF-8, so kijun uses English; "
                           "set LANG to a UTF-8 locale such as ja_JP.UTF-8 or C.UTF-8 for Japanese");
      l = LANG_EN;
    }
  i18n_set_lang((enum lang) l);
  return current;
}

static void
use_catalogue(enum lang l)
{
  messages = l;
  setenv("LANGUAGE", lang_code(l), 1);
#if ENABLE_NLS
  /* glibc caches translations; this counter tells it the catalogue
   * choice changed (documented in the gettext manual, "Being a gettext
   * grok"). */
  {
    extern int _nl_msg_cat_cntr;
    ++_nl_msg_cat_cntr;
  }
#endif
}

void
i18n_set_lang(enum lang l)
{
  current = l;
  use_catalogue(l);
}

enum lang
i18n_switch_messages(enum lang l)
{
  enum lang was = messages;
  if (l != was)
    use_catalogue(l);
  return was;
}

enum lang
i18n_lang(void)
{
  return current;
}

bool
i18n_utf8(void)
{
  return utf8;
}

const char *
i18n_fallback_reason(void)
{
  return fallback_reason ? _(fallback_reason) : NULL;
}
