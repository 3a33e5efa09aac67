/* cfgread: reading libconfig files with precise, complete diagnostics.
 *
 * Both of kijun's file formats are libconfig; this module is the one place
 * that opens such a file and checks the shape of its settings, so that
 * every problem in either format is reported the same way:
 * "FILE:LINE: what is wrong; expected what".  Functions that check a value
 * record a problem and return a default rather than stopping, so a loader
 * reports every problem in one run. */
#ifndef KIJUN_CFGREAD_H
#define KIJUN_CFGREAD_H

#include <stdbool.h>
#include <stddef.h>

#include <libconfig.h>

#include "diag.h"

/* Largest file either loader accepts, and longest single string. */
#define CFG_MAX_FILE ((size_t) 1 << 30)
#define CFG_MAX_STRING ((size_t) 64 * 1024)

typedef struct cfg_reader
{
  const char *file;
  diag_t *diag;
  config_t cfg;
  bool utf8_ok;               /* the whole file was valid UTF-8 */
  bool parsed;                /* cfg holds the file's settings */
} cfg_reader;

/* Open and parse path into r->cfg.  Returns 0, or EX_NOINPUT (66) when
 * the file cannot be read, or EX_DATAERR (65) when it is not libconfig;
 * the problem is in the diagnostics.  Call cfg_close in every case. */
int cfg_open(cfg_reader *r, const char *path, diag_t *d);
void cfg_close(cfg_reader *r);

int cfg_line(const config_setting_t *s);
/* Report settings of group whose names are not in allowed (NULL-ended). */
void cfg_check_keys(cfg_reader *r, const config_setting_t *group,
                    const char *const *allowed, const char *where);
/* The string member key of group; NULL (after a report when required) if
 * missing, of another type, empty, or not clean text.  Newlines and
 * tabs are allowed only when multiline is set. */
const char *cfg_string(cfg_reader *r, const config_setting_t *group, const char *key,
                       bool required, bool multiline, const char *where);
/* The integer member key; reports and returns def when absent or not an
 * integer. */
long long cfg_int(cfg_reader *r, const config_setting_t *group, const char *key, long long def,
                  const char *where);
/* A member that must be a group (or a list, for want_list); NULL after a
 * report when required and missing or of another type. */
config_setting_t *cfg_group(cfg_reader *r, const config_setting_t *group, const char *key,
                            bool required, bool want_list, const char *where);
/* Check one string value for UTF-8, control characters and length. */
bool cfg_clean(cfg_reader *r, const char *s, int line, bool multiline, const char *what);

#endif
