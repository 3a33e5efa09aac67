/* cfgread: reading libconfig files with precise, complete diagnostics.
 *
 * Both of kijun's file formats are libconfig; this module is the one place
 * that opens such a file and checks the shape of its settings, so that
 * every problem in either format is reported the same way:
 * "FILE:LINE: what is wrong; expected what".  Functions that check a value
 * record a problem and return a default rather than stopping, so a loader
 * reports every problem in one run.
 *
 * Places in a file ("'ja' in 'text' of question '2.1-a'") are described
 * by cfg_where chains and turned into text only when a problem is
 * reported: a large questionnaire has hundreds of thousands of settings,
 * and formatting a description for each would cost more than parsing. */
#ifndef KIJUN_CFGREAD_H
#define KIJUN_CFGREAD_H

#include <stdbool.h>
#include <stddef.h>

#include <sys/stat.h>

#include <libconfig.h>

#include "base/diag.h"

/* Limits checked before libconfig sees a file, in one linear pass: its
 * scanner is quadratic in the length of a token and its tree costs about
 * 90 bytes a value, so a hostile file could otherwise take minutes or
 * gigabytes.  Documented in kijun-answers(5) and kijun-questionnaire(5). */
typedef struct cfg_limits
{
  size_t file;                /* bytes in the file */
  size_t values;              /* settings and list or array elements */
} cfg_limits;
/* The limits keep the worst file within them under a second to read
 * (make bench, "the largest files"): libconfig's scanner and tree are
 * most of it, and took 1.5 s for 64 MiB of long notes (0.8 s for 32),
 * 1.2 s for a million tiny values.
 * Answers files: an assessment of 20,000 questions takes about 120,000
 * values; one of the bundled questionnaire (232 questions), every text
 * at its longest, about 4 MB. */
#define CFG_ANSWERS_LIMITS ((cfg_limits){ (size_t) 16 << 20, 500000 })
/* Questionnaires (and mappings): 20,000 questions take about 360,000
 * values and 14 MB (bench/benchtool gen 20000), eighty times the bundled
 * one. */
#define CFG_QUESTIONNAIRE_LIMITS ((cfg_limits){ (size_t) 16 << 20, 500000 })
/* Longest string (after escapes and joining "pieces" "like this"), and
 * longest other token or comment. */
#define CFG_MAX_STRING ((size_t) 64 * 1024)
/* Elements of one list: ten times the answers of a 20,000-question
 * assessment (kijun-answers(5), kijun-questionnaire(5), kijun-mapping(5)). */
#define CFG_MAX_LIST ((size_t) 200000)
/* Nesting of lists and groups within which lists are counted. */
#define CFG_NEST_COUNTED 64

typedef struct cfg_reader
{
  const char *file;
  diag_t *diag;
  config_t *cfg;
  bool utf8_ok;               /* the whole file was valid UTF-8 */
  bool escapes;               /* the file has \x escapes, which can make any byte */
  bool parsed;                /* cfg holds the file's settings */
  cfg_limits lim;
  struct stat st;             /* the file as opened (cfg_open), from its descriptor */
  bool has_st;
  char **owned;               /* texts joined from pieces (cfg_text_in) */
  size_t nowned, capowned;
} cfg_reader;

/* A place in a file.  fmt is an untranslated message (N_) with one %s
 * (filled from id, or from key and the parent's description) or one %u
 * (filled from n), or none. */
typedef struct cfg_where
{
  const char *fmt;
  const char *id;
  unsigned n;
  const char *key;
  const struct cfg_where *parent;
} cfg_where;

/* The description of w, translated, into buf. */
const char *cfg_where_text(const cfg_where *w, char *buf, size_t size);

/* Open and parse path into r->cfg, within lim.  Returns 0, or EX_NOINPUT
 * (66) when the file cannot be read, or EX_DATAERR (65) when it is not
 * libconfig or exceeds lim; the problem is in the diagnostics.  Call
 * cfg_close in every case. */
int cfg_open(cfg_reader *r, const char *path, cfg_limits lim, diag_t *d);
/* The two halves of cfg_open.  cfg_read_file reads the whole file, at
 * most limit bytes, into *text (NUL-ended, *len bytes; free it), once:
 * what is checked and parsed, and what the questionnaire cache hashes,
 * is this one copy, never a second read of a file that may have changed.
 * cfg_parse checks and parses text as cfg_open does (it does not keep
 * text).  Both return 0 or the status of cfg_open. */
int cfg_read_file(const char *path, size_t limit, diag_t *d, char **text, size_t *len);
int cfg_parse(cfg_reader *r, const char *path, const char *text, size_t len, cfg_limits lim,
              diag_t *d);
void cfg_close(cfg_reader *r);
/* Take the parsed configuration away from r (cfg_close then leaves it);
 * free it later with cfg_free. */
config_t *cfg_take(cfg_reader *r);
void cfg_free(void *cfg);

int cfg_line(const config_setting_t *s);
/* Report settings of group whose names are not in allowed (NULL-ended). */
void cfg_check_keys(cfg_reader *r, const config_setting_t *group,
                    const char *const *allowed, const cfg_where *where);
/* Sort the members of group into slots by name, one pass: slots[i] gets
 * the member named allowed[i], or NULL; members not in allowed (a
 * NULL-ended list of at most CFG_MAX_SLOTS names) are reported.  The
 * *_in functions below then read a slot without searching the group
 * again, which is what keeps large questionnaires quick. */
#define CFG_MAX_SLOTS 16
void cfg_members(cfg_reader *r, const config_setting_t *group, const char *const *allowed,
                 const cfg_where *where, config_setting_t **slots);
const char *cfg_string_in(cfg_reader *r, const config_setting_t *group, config_setting_t *m,
                          const char *key, bool required, bool multiline, const cfg_where *where);
config_setting_t *cfg_group_in(cfg_reader *r, const config_setting_t *group, config_setting_t *m,
                               const char *key, bool required, bool want_list,
                               const cfg_where *where);

/* A text: a string as cfg_string_in, or a list of non-empty strings,
 * each checked the same way, joined (the form writers give a text longer
 * than CFG_MAX_STRING: kept whole, in pieces that each fit).  A joined
 * text lives as long as r. */
const char *cfg_text_in(cfg_reader *r, const config_setting_t *group, config_setting_t *m,
                        const char *key, bool required, bool multiline, const cfg_where *where);
/* The string member key of group; NULL (after a report when required) if
 * missing, of another type, empty, or not clean text.  Newlines and
 * tabs are allowed only when multiline is set. */
const char *cfg_string(cfg_reader *r, const config_setting_t *group, const char *key,
                       bool required, bool multiline, const cfg_where *where);
/* The integer member key; reports and returns def when absent or not an
 * integer. */
long long cfg_int(cfg_reader *r, const config_setting_t *group, const char *key, long long def,
                  const cfg_where *where);
/* The integer member m of group, from min to max: def when absent (after
 * a report when required), or after a report when of another type or out
 * of range. */
long long cfg_int_in(cfg_reader *r, const config_setting_t *group, const config_setting_t *m,
                     const char *key, bool required, long long min, long long max, long long def,
                     const cfg_where *where);
/* The strings of list, the member key of the place where: stores each
 * element that is a clean, non-empty, one-line string in out (room for
 * config_setting_length(list) pointers) and returns how many; reports the
 * others, and an element equal to an earlier one. */
size_t cfg_string_list(cfg_reader *r, const config_setting_t *list, const char *key,
                       const cfg_where *where, const char **out);
/* A member that must be a group (or a list, for want_list); NULL after a
 * report when required and missing or of another type. */
config_setting_t *cfg_group(cfg_reader *r, const config_setting_t *group, const char *key,
                            bool required, bool want_list, const cfg_where *where);

#endif
