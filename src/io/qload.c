/* qload: the questionnaire loader.  It checks every rule of
 * kijun-questionnaire(5) while building the model.  The model's strings
 * point into the parsed libconfig tree, which the questionnaire keeps: a
 * copy of every text would add the file's whole size to the peak memory
 * and a tenth to the load time of a large questionnaire (see make bench). */
#include <config.h>
#include "io/qload.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/cfgread.h"
#include "base/i18n.h"
#include "base/xalloc.h"

/* A bilingual text, key = { ja = "..."; en = "..."; }, from the member
 * m of grp (NULL when absent).  An optional text may be absent, but when
 * given it has both languages. */
static void
load_text_in(cfg_reader *r, const config_setting_t *grp, config_setting_t *m, const char *key,
             bool required, bool multiline, const cfg_where *where, qn_text *out)
{
  /* TRANSLATORS: a place in a file, e.g. "'title' of question '2.1-a'". */
  cfg_where sub = { N_("'%s' of %s"), NULL, 0, key, where };
  const config_setting_t *t = cfg_group_in(r, grp, m, key, required, false, where);
  if (!t)
    return;
  static const char *const keys[] = { "en", "ja", NULL };
  config_setting_t *slot[CFG_MAX_SLOTS];
  cfg_members(r, t, keys, &sub, slot);
  /* Japanese first in messages, as in the file. */
  out->s[LANG_JA] = cfg_string_in(r, t, slot[1], "ja", true, multiline, &sub);
  out->s[LANG_EN] = cfg_string_in(r, t, slot[0], "en", true, multiline, &sub);
}

static void
load_text(cfg_reader *r, const config_setting_t *grp, const char *key, bool multiline,
          const cfg_where *where, qn_text *out)
{
  load_text_in(r, grp, config_setting_get_member(grp, key), key, true, multiline, where, out);
}

static void
load_note(cfg_reader *r, const config_setting_t *grp, const char *key, const cfg_where *where,
          qn_text *out)
{
  load_text_in(r, grp, config_setting_get_member(grp, key), key, false, true, where, out);
}

/* A word of the vocabulary v from the member m of grp: returns its
 * index, or def after a report. */
static int
load_enum_in(cfg_reader *r, const config_setting_t *grp, config_setting_t *m, const char *key,
             bool required, const vocab *v, const cfg_where *where, int def)
{
  const char *s = cfg_string_in(r, grp, m, key, required, false, where);
  if (!s)
    return def;
  int i = vocab_parse(v, s);
  if (i < 0)
    {
      char wbuf[256], expected[256];
      diag_add(r->diag, r->file, cfg_line(m), _("'%s' in %s is \"%s\"; expected one of: %s"), key,
               cfg_where_text(where, wbuf, sizeof wbuf), s, vocab_list(v, expected, sizeof expected));
      return def;
    }
  return i;
}

static int
load_enum(cfg_reader *r, const config_setting_t *grp, const char *key, bool required,
          const vocab *v, const cfg_where *where, int def)
{
  return load_enum_in(r, grp, config_setting_get_member(grp, key), key, required, v, where, def);
}

/* One CSF reference, the text s at line; false after a report. */
static bool
load_csf_ref(cfg_reader *r, const char *s, int line, const cfg_where *where, csf_ref *out)
{
  char wbuf[256], expected[512];
  switch (csf_ref_parse(s, out))
    {
    case CSF_OK:
      return true;
    case CSF_BAD_FORM:
      diag_add(r->diag, r->file, line,
               _("'csf' in %s names \"%s\"; expected a CSF 2.0 function (GV), category (GV.OC) or subcategory (GV.OC-01)"),
               cfg_where_text(where, wbuf, sizeof wbuf), s);
      return false;
    case CSF_BAD_FUNCTION:
      diag_add(r->diag, r->file, line, _("'csf' in %s names \"%s\", whose function is not a CSF 2.0 function; expected one of: %s"),
               cfg_where_text(where, wbuf, sizeof wbuf), s,
               vocab_list(&csf_function_vocab, expected, sizeof expected));
      return false;
    case CSF_BAD_CATEGORY:
    default:
      diag_add(r->diag, r->file, line, _("'csf' in %s names \"%s\", whose category is not a CSF 2.0 category; expected one of: %s"),
               cfg_where_text(where, wbuf, sizeof wbuf), s,
               vocab_list(&csf_category_vocab, expected, sizeof expected));
      return false;
    }
}

/* csf = "GV.PO"; or csf = ( "GV.PO", "GV.RR-02" ); (also [ ... ]): the
 * question's CSF references, the main one first.  Edition 1 and 2 files
 * name one function ("GV"), which still loads. */
static void
load_csf(cfg_reader *r, questionnaire *q, config_setting_t *m, const cfg_where *where,
         qn_question *x)
{
  if (!m)
    return;
  char wbuf[256];
  int t = config_setting_type(m);
  if (t == CONFIG_TYPE_STRING)
    {
      const char *s = cfg_string_in(r, config_setting_parent(m), m, "csf", false,
                                    false, where);
      csf_ref one;
      if (s && load_csf_ref(r, s, cfg_line(m), where, &one))
        {
          csf_ref *refs = qn_alloc(q, sizeof *refs);
          refs[0] = one;
          x->csf = refs;
          x->ncsf = 1;
        }
      return;
    }
  if (t != CONFIG_TYPE_LIST && t != CONFIG_TYPE_ARRAY)
    {
      diag_add(r->diag, r->file, cfg_line(m),
               _("'csf' in %s is not a string or a list; expected \"GV.PO\" or ( \"GV.PO\", \"GV.RR\" )"),
               cfg_where_text(where, wbuf, sizeof wbuf));
      return;
    }
  size_t n = (size_t) config_setting_length(m);
  if (n == 0 || n > QN_CSF_MAX)
    {
      diag_add(r->diag, r->file, cfg_line(m), _("'csf' in %s has %zu entries; expected 1 to %d"),
               cfg_where_text(where, wbuf, sizeof wbuf), n, QN_CSF_MAX);
      return;
    }
  const char **strs = xcalloc(n, sizeof *strs);
  size_t got = cfg_string_list(r, m, "csf", where, strs);
  csf_ref *refs = qn_alloc(q, n * sizeof *refs);
  size_t k = 0;
  for (size_t i = 0; i < got; i++)
    if (load_csf_ref(r, strs[i], cfg_line(m), where, &refs[k]))
      k++;
  free(strs);
  x->csf = k ? refs : NULL;
  x->ncsf = k;
}

static void
not_a_group(cfg_reader *r, const config_setting_t *g, const cfg_where *where, const char *expected)
{
  char wbuf[256];
  diag_add(r->diag, r->file, cfg_line(g), _("%s is not a group; expected %s"),
           cfg_where_text(where, wbuf, sizeof wbuf), expected);
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
      cfg_where where = { N_("sector %u"), NULL, i + 1, NULL, NULL };
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          not_a_group(r, g, &where, "{ id = ...; ja = ...; en = ...; }");
          continue;
        }
      cfg_check_keys(r, g, keys, &where);
      qn_sector *s = &q->sectors[q->nsectors];
      const char *id = cfg_string(r, g, "id", true, false, &where);
      for (int l = 0; l < LANG_COUNT; l++)
        s->name.s[l] = cfg_string(r, g, lang_code((enum lang) l), true, false, &where);
      if (!id)
        continue;
      if (qn_find_sector(q, id))
        {
          diag_add(r->diag, r->file, cfg_line(g), _("sector id '%s' is used twice; expected unique ids"), id);
          continue;
        }
      s->id = id;
      q->nsectors++;
    }
}

/* Whether id can name a scope question: a word of lower-case letters,
 * digits and '_' that starts with a letter, so that an answers file can
 * use it as a setting's name (kijun-answers(5)). */
static bool
scope_id_ok(const char *id)
{
  if (!(*id >= 'a' && *id <= 'z'))
    return false;
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
      return false;
  return strlen(id) <= 32;
}

static void
load_scopes(cfg_reader *r, questionnaire *q, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  q->scopes = xcalloc(n ? n : 1, sizeof *q->scopes);
  static const char *const keys[] = { "id", "ja", "en", "no", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      cfg_where where = { N_("scope question %u"), NULL, i + 1, NULL, NULL };
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          not_a_group(r, g, &where, "{ id = ...; ja = ...; en = ...; no = { ja = ...; en = ...; }; }");
          continue;
        }
      const char *id = cfg_string(r, g, "id", true, false, &where);
      if (id)
        where = (cfg_where){ N_("scope question '%s'"), id, 0, NULL, NULL };
      cfg_check_keys(r, g, keys, &where);
      qn_scope *s = &q->scopes[q->nscopes];
      s->line = cfg_line(g);
      for (int l = 0; l < LANG_COUNT; l++)
        s->text.s[l] = cfg_string(r, g, lang_code((enum lang) l), true, false, &where);
      load_text(r, g, "no", false, &where, &s->absent);
      if (!id)
        continue;
      if (!scope_id_ok(id))
        {
          diag_add(r->diag, r->file, cfg_line(g),
                   _("scope question id '%s' is not a word; expected at most 32 lower-case letters, digits and '_', starting with a letter"),
                   id);
          continue;
        }
      long first = qn_find_scope(q, id);
      if (first >= 0)
        {
          diag_add(r->diag, r->file, cfg_line(g),
                   _("scope question id '%s' is used twice (first at line %d); expected unique ids"), id,
                   q->scopes[first].line);
          continue;
        }
      s->id = id;
      q->nscopes++;
    }
}

/* A question's applies: one scope id, or a list of them (any applies). */
static void
load_applies(cfg_reader *r, questionnaire *q, qn_question *x, const config_setting_t *g,
             config_setting_t *m, const cfg_where *where)
{
  if (!m)
    return;
  const char *one[1];
  const char **ids = one;
  size_t n = 0;
  char wbuf[256];
  int t = config_setting_type(m);
  if (t == CONFIG_TYPE_STRING)
    {
      if ((one[0] = cfg_string_in(r, g, m, "applies", false, false, where)))
        n = 1;
    }
  else if (t == CONFIG_TYPE_LIST || t == CONFIG_TYPE_ARRAY)
    {
      size_t len = (size_t) config_setting_length(m);
      if (len == 0)
        {
          diag_add(r->diag, r->file, cfg_line(m),
                   _("'applies' in %s is empty; expected the id of a scope question, or a list of them"),
                   cfg_where_text(where, wbuf, sizeof wbuf));
          return;
        }
      ids = qn_alloc(q, len * sizeof *ids);
      n = cfg_string_list(r, m, "applies", where, ids);
    }
  else
    {
      diag_add(r->diag, r->file, cfg_line(m),
               _("'applies' in %s is not a string or a list; expected applies = \"ID\"; or applies = ( \"ID\", ... );"),
               cfg_where_text(where, wbuf, sizeof wbuf));
      return;
    }
  if (!n)
    return;
  x->applies = qn_alloc(q, n * sizeof *x->applies);
  for (size_t k = 0; k < n; k++)
    {
      long si = qn_find_scope(q, ids[k]);
      if (si < 0)
        {
          char expected[256] = "";
          size_t len = 0;
          for (size_t i = 0; i < q->nscopes && len + 40 < sizeof expected; i++)
            len += (size_t) snprintf(expected + len, sizeof expected - len, "%s%s", i ? ", " : "",
                                     q->scopes[i].id);
          if (q->nscopes)
            diag_add(r->diag, r->file, cfg_line(m),
                     _("'applies' in %s names '%s', which is not in 'scope'; expected one of: %s"),
                     cfg_where_text(where, wbuf, sizeof wbuf), ids[k], expected);
          else
            diag_add(r->diag, r->file, cfg_line(m),
                     _("'applies' in %s names '%s', but the questionnaire has no 'scope' list; expected scope questions in 'scope' first"),
                     cfg_where_text(where, wbuf, sizeof wbuf), ids[k]);
          continue;
        }
      x->applies[x->napplies++] = (size_t) si;
    }
}

static void
load_lgrefs(cfg_reader *r, questionnaire *q, qn_section *s, const config_setting_t *g,
            const cfg_where *where)
{
  const config_setting_t *list = cfg_group(r, g, "lg_ref", false, true, where);
  /* Omitted: not known; an empty list: the table gives none. */
  s->lg_state = !list ? QN_LGSTATE_UNKNOWN : config_setting_length(list) ? QN_LGSTATE_GIVEN : QN_LGSTATE_NONE;
  if (!list)
    return;
  unsigned n = (unsigned) config_setting_length(list);
  s->lg = qn_alloc(q, (n ? n : 1) * sizeof *s->lg);
  static const char *const keys[] = { "part", "items", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *e = config_setting_get_elem(list, i);
      /* Sections are few, so their references are described up front;
       * the description needs both a number and a parent. */
      char wbuf[256], pbuf[256];
      /* TRANSLATORS: "lg_ref 2 of section '2.3'". */
      snprintf(wbuf, sizeof wbuf, _("lg_ref %u of %s"), i + 1, cfg_where_text(where, pbuf, sizeof pbuf));
      cfg_where flat = { "%s", wbuf, 0, NULL, NULL };
      if (config_setting_type(e) != CONFIG_TYPE_GROUP)
        {
          not_a_group(r, e, &flat, "{ part = ...; items = { ja = ...; en = ...; }; }");
          continue;
        }
      cfg_check_keys(r, e, keys, &flat);
      qn_lgref *ref = &s->lg[s->nlg];
      ref->part = (enum qn_lgpart) load_enum(r, e, "part", true, &qn_lgpart_vocab, &flat, 0);
      load_text(r, e, "items", false, &flat, &ref->items);
      s->nlg++;
    }
}

static void
load_sections(cfg_reader *r, questionnaire *q, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  q->sections = xcalloc(n ? n : 1, sizeof *q->sections);
  static const char *const keys[] = { "id", "title", "lg_ref", "lg_note", "level_note", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      cfg_where where = { N_("section %u"), NULL, i + 1, NULL, NULL };
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          not_a_group(r, g, &where, "{ id = ...; title = { ... }; }");
          continue;
        }
      const char *id = cfg_string(r, g, "id", true, false, &where);
      if (id)
        where = (cfg_where){ N_("section '%s'"), id, 0, NULL, NULL };
      cfg_check_keys(r, g, keys, &where);
      qn_section *s = &q->sections[q->nsections];
      s->line = cfg_line(g);
      load_text(r, g, "title", false, &where, &s->title);
      load_lgrefs(r, q, s, g, &where);
      load_note(r, g, "lg_note", &where, &s->lg_note);
      load_note(r, g, "level_note", &where, &s->level_note);
      if (!id)
        continue;
      s->id = id;
      q->nsections++;
    }
}

static void
load_questions(cfg_reader *r, questionnaire *q, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  q->questions = xcalloc(n ? n : 1, sizeof *q->questions);
  enum { K_ID, K_SECTION, K_PHASE, K_LEVEL, K_BASIS, K_CSF, K_TEXT, K_HINT, K_LNOTE, K_REV, K_WAS,
         K_APPLIES };
  static const char *const keys[] = { "id", "section", "phase", "level", "level_basis", "csf",
                                      "text", "hint", "level_note", "revision", "was", "applies",
                                      NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      cfg_where where = { N_("question %u"), NULL, i + 1, NULL, NULL };
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          not_a_group(r, g, &where, "{ id = ...; section = ...; ... }");
          continue;
        }
      /* The id names the question in every message, so it comes first;
       * one pass then sorts the other members into slots. */
      const char *id = cfg_string(r, g, "id", true, false, &where);
      if (id)
        where = (cfg_where){ N_("question '%s'"), id, 0, NULL, NULL };
      config_setting_t *m[CFG_MAX_SLOTS];
      cfg_members(r, g, keys, &where, m);
      qn_question *x = &q->questions[q->nquestions];
      x->line = cfg_line(g);
      const char *sec = cfg_string_in(r, g, m[K_SECTION], "section", true, false, &where);
      long si = sec ? qn_find_section(q, sec) : -1;
      if (sec && si < 0)
        {
          char wbuf[256];
          diag_add(r->diag, r->file, cfg_line(m[K_SECTION]),
                   _("%s names section '%s', which is not in 'sections'; expected the id of a section"),
                   cfg_where_text(&where, wbuf, sizeof wbuf), sec);
        }
      x->phase = (enum qn_phase) load_enum_in(r, g, m[K_PHASE], "phase", true, &qn_phase_vocab,
                                              &where, 0);
      x->level = (enum qn_level) load_enum_in(r, g, m[K_LEVEL], "level", true, &qn_level_vocab,
                                              &where, 0);
      x->basis = (enum qn_basis) load_enum_in(r, g, m[K_BASIS], "level_basis", false,
                                              &qn_basis_vocab, &where, QN_BASIS_NONE);
      load_csf(r, q, m[K_CSF], &where, x);
      load_text_in(r, g, m[K_TEXT], "text", true, true, &where, &x->text);
      load_text_in(r, g, m[K_HINT], "hint", true, true, &where, &x->hint);
      load_text_in(r, g, m[K_LNOTE], "level_note", false, true, &where, &x->level_note);
      x->revision = (unsigned) cfg_int_in(r, g, m[K_REV], "revision", false, 1, INT_MAX, 1, &where);
      /* A revision rises at most once an edition, so it cannot pass it. */
      if (x->revision > q->edition)
        {
          char wbuf[256];
          diag_add(r->diag, r->file, cfg_line(m[K_REV]),
                   _("'revision' in %s is %u, above the questionnaire's edition %u; expected at most the edition (a revision rises at most once an edition)"),
                   cfg_where_text(&where, wbuf, sizeof wbuf), x->revision, q->edition);
        }
      const config_setting_t *was = cfg_group_in(r, g, m[K_WAS], "was", false, true, &where);
      if (was && config_setting_length(was) > 0)
        {
          x->was = qn_alloc(q, (size_t) config_setting_length(was) * sizeof *x->was);
          x->nwas = cfg_string_list(r, was, "was", &where, x->was);
        }
      load_applies(r, q, x, g, m[K_APPLIES], &where);
      if (!id || si < 0)
        continue;
      x->id = id;
      x->section = (size_t) si;
      q->nquestions++;
    }
}

static void
load_retired(cfg_reader *r, questionnaire *q, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  q->retired = xcalloc(n ? n : 1, sizeof *q->retired);
  static const char *const keys[] = { "id", "edition", "note", NULL };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      cfg_where where = { N_("retired question %u"), NULL, i + 1, NULL, NULL };
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          not_a_group(r, g, &where, "{ id = ...; edition = ...; note = { ... }; }");
          continue;
        }
      const char *id = cfg_string(r, g, "id", true, false, &where);
      if (id)
        where = (cfg_where){ N_("retired question '%s'"), id, 0, NULL, NULL };
      cfg_check_keys(r, g, keys, &where);
      qn_retired *x = &q->retired[q->nretired];
      x->line = cfg_line(g);
      const config_setting_t *ed = config_setting_get_member(g, "edition");
      x->edition = (unsigned) cfg_int_in(r, g, ed, "edition", true, 2, INT_MAX, 2, &where);
      if (x->edition > q->edition && q->edition >= 2)
        {
          char wbuf[256];
          diag_add(r->diag, r->file, cfg_line(ed),
                   _("'edition' in %s is %u, above the questionnaire's edition %u; expected the first edition that no longer asks it"),
                   cfg_where_text(&where, wbuf, sizeof wbuf), x->edition, q->edition);
        }
      load_note(r, g, "note", &where, &x->note);
      if (!id)
        continue;
      x->id = id;
      q->nretired++;
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
  for (size_t i = 0; i < q->nretired; i++)
    {
      const qn_retired *x = &q->retired[i], *first = qn_find_retired(q, x->id);
      long cur = qn_find_question(q, x->id);
      size_t nsucc;
      const size_t *succ = qn_successors(q, x->id, &nsucc);
      if (first != x)
        diag_add(r->diag, r->file, x->line,
                 _("retired question '%s' is listed twice (first at line %d); expected unique ids"), x->id,
                 first->line);
      else if (cur >= 0)
        diag_add(r->diag, r->file, x->line,
                 _("retired question '%s' is a current question (line %d); expected the id of a question no longer asked"),
                 x->id, q->questions[cur].line);
      else if (succ)
        diag_add(r->diag, r->file, x->line,
                 _("retired question '%s' is also in 'was' of question '%s' (line %d); expected an old id either retired or replaced, not both"),
                 x->id, q->questions[succ[0]].id, q->questions[succ[0]].line);
    }
  /* An id still asked is answered as itself, so it cannot also be
   * carried to another question. */
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      for (size_t k = 0; k < x->nwas; k++)
        {
          long cur = qn_find_question(q, x->was[k]);
          if (cur >= 0)
            diag_add(r->diag, r->file, x->line,
                     _("'was' of question '%s' names '%s', a current question (line %d); expected ids of earlier editions only"),
                     x->id, x->was[k], q->questions[cur].line);
        }
    }
}

int
qload_file(const char *path, diag_t *d, questionnaire **out)
{
  cfg_reader r;
  int rc = cfg_open(&r, path, CFG_QUESTIONNAIRE_LIMITS, d);
  rc = qload_reader(&r, rc, out);
  cfg_close(&r);
  return rc;
}

int
qload_reader(cfg_reader *rp, int open_rc, questionnaire **out)
{
  *out = NULL;
  cfg_reader r = *rp;
  diag_t *d = r.diag;
  const char *path = r.file;
  size_t before = diag_count(d);
  if (open_rc && !(open_rc == EX_DATAERR && r.parsed))
    return open_rc;
  /* The tree is the questionnaire's from here on. */
  rp->cfg = NULL;

  questionnaire *q = qn_new();
  q->path = xstrdup(path);
  const config_setting_t *root = config_root_setting(r.cfg);
  const cfg_where top = { N_("the questionnaire"), NULL, 0, NULL, NULL };
  static const char *const keys[] = { "kijun_questionnaire", "id", "version", "edition", "title",
                                      "source", "guidance", "sectors", "scope", "sections", "questions",
                                      "retired", NULL };
  if (!config_setting_get_member(root, "kijun_questionnaire"))
    diag_add(d, path, 1, _("not a kijun questionnaire: 'kijun_questionnaire' is missing; expected kijun_questionnaire = %d; at the top"),
             QLOAD_FORMAT);
  else
    {
      long long v = cfg_int(&r, root, "kijun_questionnaire", QLOAD_FORMAT, &top);
      if (v != QLOAD_FORMAT)
        diag_add(d, path, cfg_line(config_setting_get_member(root, "kijun_questionnaire")),
                 _("questionnaire format %lld is not supported; expected kijun_questionnaire = %d;"),
                 v, QLOAD_FORMAT);
    }
  cfg_check_keys(&r, root, keys, &top);
  q->id = cfg_string(&r, root, "id", true, false, &top);
  q->version = cfg_string(&r, root, "version", true, false, &top);
  q->edition = (unsigned) cfg_int_in(&r, root, config_setting_get_member(root, "edition"), "edition", false,
                                     1, INT_MAX, 1, &top);
  load_text(&r, root, "title", false, &top, &q->title);
  load_text(&r, root, "source", true, &top, &q->source);
  load_note(&r, root, "guidance", &top, &q->guidance);

  const config_setting_t *list;
  if ((list = cfg_group(&r, root, "sectors", true, true, &top)))
    load_sectors(&r, q, list);
  /* Before the questions, whose applies name them. */
  if ((list = cfg_group(&r, root, "scope", false, true, &top)))
    load_scopes(&r, q, list);
  if ((list = cfg_group(&r, root, "sections", true, true, &top)))
    {
      load_sections(&r, q, list);
      /* Questions look their section up by id. */
      qn_finish(q);
    }
  if ((list = cfg_group(&r, root, "questions", true, true, &top)))
    {
      load_questions(&r, q, list);
      if (q->nquestions == 0 && config_setting_length(list) == 0)
        diag_add(d, path, cfg_line(list), _("'questions' is empty; expected at least one question"));
    }
  if ((list = cfg_group(&r, root, "retired", false, true, &top)))
    {
      /* Edition 1 has no earlier edition to retire questions from. */
      if (q->edition < 2 && config_setting_length(list) > 0)
        diag_add(d, path, cfg_line(list),
                 _("'retired' lists questions, but the questionnaire is edition %u; expected retired questions only from edition 2 on"),
                 q->edition);
      load_retired(&r, q, list);
    }
  /* The model's strings live in the tree; the questionnaire keeps it. */
  q->keep = cfg_take(&r);
  q->keep_free = cfg_free;
  cfg_close(&r);

  qn_finish(q);
  check_duplicates(&r, q);
  if (open_rc || diag_count(d) > before || !q->id || !q->version)
    {
      qn_free(q);
      return EX_DATAERR;
    }
  *out = q;
  return 0;
}
