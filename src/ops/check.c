/* check: validating a file for kijun --check.  See check.h. */
#include <config.h>
#include "ops/check.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/cfgread.h"
#include "base/i18n.h"
#include "io/mapping.h"
#include "io/maposcal.h"
#include "io/qfind.h"
#include "io/qload.h"
#include "base/xalloc.h"

/* The questionnaire for one side of m: a given file that matches, else
 * an installed one.  *used marks the given files taken. */
static int
find_side(const mapping *m, const char *key, const char *id, const char *version, int line,
          questionnaire **given, size_t ngiven, bool *used, diag_t *d, questionnaire **out,
          bool *owned)
{
  /* Both sides may be editions of one question set; then the version
   * tells them apart. */
  bool same_id = strcmp(m->from_id, m->to_id) == 0;
  for (size_t i = 0; i < ngiven; i++)
    if (given[i] && !used[i] && strcmp(given[i]->id, id) == 0
        && (!same_id || strcmp(given[i]->version, version) == 0))
      {
        used[i] = true;
        *out = given[i];
        *owned = false;
        return 0;
      }
  *out = qfind_installed(id, version);
  *owned = true;
  if (*out)
    return 0;
  diag_add(d, m->path, line,
           _("the questionnaire '%s' that '%s' names is not installed; expected its file as an extra argument: kijun --check MAPPING FILE..."),
           id, key);
  return EX_NOINPUT;
}

int
check_sides(const mapping *m, char *const *qfiles, size_t nqfiles, diag_t *d, questionnaire **from,
            questionnaire **to)
{
  *from = *to = NULL;
  int rc = 0;
  questionnaire **given = xcalloc(nqfiles ? nqfiles : 1, sizeof *given);
  bool *used = xcalloc(nqfiles ? nqfiles : 1, sizeof *used);
  for (size_t i = 0; i < nqfiles; i++)
    {
      int qrc = qload_file(qfiles[i], d, &given[i]);
      if (qrc && (!rc || qrc == EX_NOINPUT))
        rc = qrc;
    }
  bool own_from = false, own_to = false;
  if (rc == 0)
    {
      rc = find_side(m, "from", m->from_id, m->from_version, m->from_line, given, nqfiles, used, d, from,
                     &own_from);
      int rc2 = find_side(m, "to", m->to_id, m->to_version, m->to_line, given, nqfiles, used, d, to, &own_to);
      rc = rc ? rc : rc2;
    }
  for (size_t i = 0; rc == 0 && i < nqfiles; i++)
    if (!used[i])
      {
        diag_add(d, qfiles[i], 0,
                 _("this is questionnaire '%s', which the mapping does not name; expected the questionnaire of 'from' ('%s') or 'to' ('%s')"),
                 given[i]->id, m->from_id, m->to_id);
        rc = EX_USAGE;
      }
  /* The caller owns both sides; the given files not taken are freed. */
  for (size_t i = 0; i < nqfiles; i++)
    if (given[i] != *from && given[i] != *to)
      qn_free(given[i]);
  if (rc)
    {
      qn_free(*from);
      if (*to != *from)
        qn_free(*to);
      *from = *to = NULL;
    }
  free(given);
  free(used);
  return rc;
}

static int
check_mapping(cfg_reader *r, int open_rc, const char *json, char *const *qfiles, size_t nqfiles, diag_t *d)
{
  mapping *m;
  int rc = json ? maposcal_read(json, d, &m) : map_read_reader(r, open_rc, &m);
  questionnaire *from = NULL, *to = NULL;
  if (rc == 0)
    rc = check_sides(m, qfiles, nqfiles, d, &from, &to);
  else
    /* Still load the extra files, so their problems are reported too. */
    for (size_t i = 0; i < nqfiles; i++)
      {
        questionnaire *q;
        int qrc = qload_file(qfiles[i], d, &q);
        if (qrc == EX_NOINPUT)
          rc = qrc;
        qn_free(q);
      }
  if (rc == 0)
    rc = map_bind(m, from, to, d);
  qn_free(from);
  qn_free(to);
  map_free(m);
  return rc;
}

int
check_file(const char *path, char *const *qfiles, size_t nqfiles, diag_t *d)
{
  /* An OSCAL mapping collection is JSON, which no libconfig file is. */
  if (maposcal_sniff(path))
    return check_mapping(NULL, 0, path, qfiles, nqfiles, d);
  cfg_reader r;
  int rc = cfg_open(&r, path, CFG_QUESTIONNAIRE_LIMITS, d);
  if (map_is_mapping(&r))
    rc = check_mapping(&r, rc, NULL, qfiles, nqfiles, d);
  else if (nqfiles > 0 && r.parsed)
    {
      diag_add(d, qfiles[0], 0,
               _("extra files are for checking a mapping, and %s is not one; expected kijun --check FILE alone"),
               path);
      rc = EX_USAGE;
    }
  else
    {
      questionnaire *q;
      rc = qload_reader(&r, rc, &q);
      qn_free(q);
    }
  cfg_close(&r);
  return rc;
}
