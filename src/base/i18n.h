/* i18n: the language kijun speaks, for messages and questionnaire text.
 *
 * One choice drives both the gettext catalogue and which half of each
 * bilingual questionnaire string is shown, so the interface never mixes
 * languages.  The choice is made once from --lang or the environment
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in that order) and may be switched
 * at run time by the front end. */
#ifndef KIJUN_I18N_H
#define KIJUN_I18N_H

#include <stdbool.h>

#include "base/gettext.h"

#define _(s) gettext(s)
#define N_(s) gettext_noop(s)

#if !ENABLE_NLS
/* Without NLS, gettext.h makes ngettext a conditional expression, which
 * hides the format from the compiler's printf checks; a function with
 * format_arg attributes keeps them. */
static inline const char *kijun_ngettext(const char *one, const char *many, unsigned long n)
  __attribute__((format_arg(1), format_arg(2)));
static inline const char *
kijun_ngettext(const char *one, const char *many, unsigned long n)
{
  return n == 1 ? one : many;
}
#undef ngettext
#define ngettext(one, many, n) kijun_ngettext(one, many, n)
#endif

enum lang
{
  LANG_EN = 0,
  LANG_JA = 1,
  LANG_COUNT
};

/* Parse "ja"/"en" (also "ja_JP.UTF-8" and the like); -1 when unknown. */
int lang_parse(const char *s);
/* "en" or "ja". */
const char *lang_code(enum lang l);

/* Set the locale, bind the catalogue in localedir (path_localedir's
 * answer, for the program) and settle the language.  forced is the
 * --lang argument or NULL.  Returns the language chosen. */
enum lang i18n_init(const char *forced, const char *localedir);
/* Switch messages and questionnaire text to l, in place. */
void i18n_set_lang(enum lang l);
/* Switch only the messages to l, for rendering one document in its own
 * language whatever the interface's (report_write); returns the language
 * they were in, to switch back to.  The one way code besides the
 * interface changes what _() returns. */
enum lang i18n_switch_messages(enum lang l);
enum lang i18n_lang(void);
/* Whether the character set of the terminal locale is UTF-8. */
bool i18n_utf8(void);
/* Why Japanese was refused (non-UTF-8 terminal), or NULL. */
const char *i18n_fallback_reason(void);

#endif
