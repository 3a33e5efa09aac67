/* qload: the questionnaire loader.  It copies what it needs out of the
 * libconfig tree into the model (whose strings outlive the tree) and checks
 * every rule of kijun-questionnaire(5) on the way. */
#include <config.h>
#include "qload.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cfgread.h"
#include "i18n.h"
#include "xalloc.h"

/* A bilingual text: key = { ja = "..."; en = "..."; }. */
static void
load_text(cfg_reader *r, questionnaire *q, const config_setting_t *grp, const char *key,
          bool multiline, const char *where, qn_text *out)
{
  char sub[200];
  /* TRANSLATORS: a place in a file, e.g. "'title' of question '2.1-a'". */
  snprintf(sub, sizeof sub, _("'%s' of %s"), key, where);
  const config_setting_t *t = cfg_group(r, grp, key, true, false, where);
  if (!t)
    return;
  static const char *const keys[] = { "ja", "en", NULL };
  cfg_check_keys(r, t, keys, sub);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const char *s = cfg_string(r, t, lang_code((enum lang) l), true, multiline, sub);
      if (s)
        out->s[l] = qn_strdup(q, s);
    }
}

/* An enumerated string value: returns its index, or def after a report. */
static int
load_enum(cfg_reader *r, const config_setting_t *grp, const char *key, bool required,
          int (*parse)(const char *), const char *expected, const char *where, int def)
{
  const char *s = cfg_string(r, grp, key, required, false, where);
  if (!s)
    return def;
  int v = parse(s);
  if (v < 0)
    {
      const config_setting_t *m = config_setting_get_member(grp, key);
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is \"%s\"; expected one of: %s"), key,
               where, s, expected);
      return def;
    }
  return v;
}

static void
load_sectors(cfg_reader *r, questionnaire *q, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  q->sectors = xcalloc(n, sizeof *q->sectors);
  static const char *const keys[] = { "id", "ja", "en", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      char where[64];
      snprintf(where, sizeof where, _("sector %u"), i + 1);
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          diag_add(r->diag, r->file, cfg_line(g), _("%s is not a group; expected { id = ...; ja = ...; en = ...; }"), where);
          continue;
        }
      cfg_check_keys(r, g, keys, where);
      qn_sector *s = &q->sectors[q->nsectors];
      const char *id = cfg_string(r, g, "id", true, false, where);
      for (int l = 0; l < LANG_COUNT; l++)
        {
          const char *t = cfg_string(r, g, lang_code((enum lang) l), true, false, where);
          if (t)
            s->name.s[l] = qn_strdup(q, t);
        }
      if (!id)
        continue;
      if (qn_find_sector(q, id))
        {
          diag_add(r->diag, r->file, cfg_line(g), _("sector id '%s' is used twice; expected unique ids"), id);
          continue;
        }
      s->id = qn_strdup(q, id);
      q->nsectors++;
    }
}

static void
load_lgrefs(cfg_reader *r, questionnaire *q, qn_section *s, const config_setting_t *g,
            const char *where)
{
  const config_setting_t *list = cfg_group(r, g, "lg_ref", false, true, where);
  if (!list)
    return;
  unsigned n = (unsigned) config_setting_length(list);
  s->lg = qn_alloc(q, (n ? n : 1) * sizeof *s->lg);
  static const char *const keys[] = { "part", "items", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *e = config_setting_get_elem(list, i);
      char sub[128];
      snprintf(sub, sizeof sub, _("lg_ref %u of %s"), i + 1, where);
      if (config_setting_type(e) != CONFIG_TYPE_GROUP)
        {
          diag_add(r->diag, r->file, cfg_line(e), _("%s is not a group; expected { part = ...; items = { ja = ...; en = ...; }; }"), sub);
          continue;
        }
      cfg_check_keys(r, e, keys, sub);
      qn_lgref *ref = &s->lg[s->nlg];
      ref->part = (enum qn_lgpart) load_enum(r, e, "part", true, qn_lgpart_parse,
                                             "basic_policy, standards", sub, 0);
      load_text(r, q, e, "items", false, sub, &ref->items);
      s->nlg++;
    }
}

static void
load_sections(cfg_reader *r, questionnaire *q, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  q->sections = xcalloc(n ? n : 1, sizeof *q->sections);
  static const char *const keys[] = { "id", "title", "lg_ref", NULL };
  /* Sections are few; a linear duplicate check would be quadratic only
   * for absurd files, so check through a temporary index instead. */
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      char where[96];
      snprintf(where, sizeof where, _("section %u"), i + 1);
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          diag_add(r->diag, r->file, cfg_line(g), _("%s is not a group; expected { id = ...; title = { ... }; }"), where);
          continue;
        }
      const char *id = cfg_string(r, g, "id", true, false, where);
      if (id)
        snprintf(where, sizeof where, _("section '%s'"), id);
      cfg_check_keys(r, g, keys, where);
      qn_section *s = &q->sections[q->nsections];
      s->line = cfg_line(g);
      load_text(r, q, g, "title", false, where, &s->title);
      load_lgrefs(r, q, s, g, where);
      if (!id)
        continue;
      s->id = qn_strdup(q, id);
      q->nsections++;
    }
}

static void
load_questions(cfg_reader *r, questionnaire *q, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  q->questions = xcalloc(n ? n : 1, sizeof *q->questions);
  static const char *const keys[] = { "id", "section", "phase", "level", "level_basis", "csf",
                                      "text", "hint", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      char where[96];
      snprintf(where, sizeof where, _("question %u"), i + 1);
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          diag_add(r->diag, r->file, cfg_line(g), _("%s is not a group; expected { id = ...; section = ...; ... }"), where);
          continue;
        }
      const char *id = cfg_string(r, g, "id", true, false, where);
      if (id)
        snprintf(where, sizeof where, _("question '%s'"), id);
      cfg_check_keys(r, g, keys, where);
      qn_question *x = &q->questions[q->nquestions];
      x->line = cfg_line(g);
      const char *sec = cfg_string(r, g, "section", true, false, where);
      long si = sec ? qn_find_section(q, sec) : -1;
      if (sec && si < 0)
        diag_add(r->diag, r->file, cfg_line(config_setting_get_member(g, "section")),
                 _("%s names section '%s', which is not in 'sections'; expected the id of a section"),
                 where, sec);
      x->phase = (enum qn_phase) load_enum(r, g, "phase", true, qn_phase_parse,
                                           "plan, do, check, act", where, 0);
      x->level = (enum qn_level) load_enum(r, g, "level", true, qn_level_parse,
                                           "baseline, recommended", where, 0);
      x->basis = (enum qn_basis) load_enum(r, g, "level_basis", false, qn_basis_parse,
                                           "survey, source, editorial", where, QN_BASIS_NONE);
      x->csf = (enum qn_csf) load_enum(r, g, "csf", false, qn_csf_parse,
                                       "GV, ID, PR, DE, RS, RC", where, QN_CSF_NONE);
      load_text(r, q, g, "text", true, where, &x->text);
      load_text(r, q, g, "hint", true, where, &x->hint);
      if (!id || si < 0)
        continue;
      x->id = qn_strdup(q, id);
      x->section = (size_t) si;
      q->nquestions++;
    }
}

/* Duplicate ids: the index keeps the first of each id, so any other
 * element with the same id is a duplicate. */
static void
check_duplicates(cfg_reader *r, questionnaire *q)
{
  for (size_t i = 0; i < q->nsections; i++)
    {
      long first = qn_find_section(q, q->sections[i].id);
      if (first != (long) i)
        diag_add(r->diag, r->file, q->sections[i].line,
                 _("section id '%s' is used twice (first at line %d); expected unique ids"),
                 q->sections[i].id, q->sections[first].line);
    }
  for (size_t i = 0; i < q->nquestions; i++)
    {
      long first = qn_find_question(q, q->questions[i].id);
      if (first != (long) i)
        diag_add(r->diag, r->file, q->questions[i].line,
                 _("question id '%s' is used twice (first at line %d); expected unique ids"),
                 q->questions[i].id, q->questions[first].line);
    }
}

int
qload_file(const char *path, diag_t *d, questionnaire **out)
{
  *out = NULL;
  cfg_reader r;
  size_t before = diag_count(d);
  int rc = cfg_open(&r, path, d);
  if (rc && rc != EX_DATAERR)
    {
      cfg_close(&r);
      return rc;
    }
  if (rc == EX_DATAERR && !r.parsed)
    {
      cfg_close(&r);
      return rc;
    }

  questionnaire *q = qn_new();
  q->path = xstrdup(path);
  const config_setting_t *root = config_root_setting(&r.cfg);
  const char *top = _("the questionnaire");
  static const char *const keys[] = { "kijun_questionnaire", "id", "version", "title", "source",
                                      "sectors", "sections", "questions", NULL };
  if (!config_setting_get_member(root, "kijun_questionnaire"))
    diag_add(d, path, 1, _("not a kijun questionnaire: 'kijun_questionnaire' is missing; expected kijun_questionnaire = %d; at the top"),
             QLOAD_FORMAT);
  else
    {
      long long v = cfg_int(&r, root, "kijun_questionnaire", QLOAD_FORMAT, top);
      if (v != QLOAD_FORMAT)
        diag_add(d, path, cfg_line(config_setting_get_member(root, "kijun_questionnaire")),
                 _("questionnaire format %lld is not supported; expected kijun_questionnaire = %d;"),
                 v, QLOAD_FORMAT);
      q->format = (int) v;
    }
  cfg_check_keys(&r, root, keys, top);
  const char *s;
  if ((s = cfg_string(&r, root, "id", true, false, top)))
    q->id = qn_strdup(q, s);
  if ((s = cfg_string(&r, root, "version", true, false, top)))
    q->version = qn_strdup(q, s);
  load_text(&r, q, root, "title", false, top, &q->title);
  load_text(&r, q, root, "source", true, top, &q->source);

  const config_setting_t *list;
  if ((list = cfg_group(&r, root, "sectors", true, true, top)))
    load_sectors(&r, q, list);
  if ((list = cfg_group(&r, root, "sections", true, true, top)))
    {
      load_sections(&r, q, list);
      /* Questions look their section up by id. */
      qn_finish(q);
    }
  if ((list = cfg_group(&r, root, "questions", true, true, top)))
    {
      load_questions(&r, q, list);
      if (q->nquestions == 0 && config_setting_length(list) == 0)
        diag_add(d, path, cfg_line(list), _("'questions' is empty; expected at least one question"));
    }
  cfg_close(&r);

  qn_finish(q);
  check_duplicates(&r, q);
  if (diag_count(d) > before)
    {
      qn_free(q);
      return EX_DATAERR;
    }
  *out = q;
  return 0;
}
