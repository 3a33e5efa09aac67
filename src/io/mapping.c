/* mapping: read and check mapping files.  See mapping.h and
 * kijun-mapping(5).
 *
 * The checks that need no questionnaire (shape, types, an id listed twice
 * on one side of an entry, a relation that contradicts its counts) are
 * map_read's; those that need the two questionnaires (unknown ids, the
 * same pair of questions in two entries) are map_bind's, so that kijun
 * --check reports the first kind even when a questionnaire is missing. */
#include <config.h>
#include "io/mapping.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "base/i18n.h"
#include "base/xalloc.h"
#include "io/jsonread.h"
#include "io/maposcal.h"

#define KEY_(id, key, label, oscal) key,
#define LABEL_(id, key, label, oscal) label,
#define OSCAL_(id, key, label, oscal) oscal,
static const char *const relation_keys[] = { MAP_RELATION_TABLE(KEY_) };
static const char *const relation_labels[] = { MAP_RELATION_TABLE(LABEL_) };
static const char *const relation_oscal[] = { MAP_RELATION_TABLE(OSCAL_) };
#undef KEY_
#undef LABEL_
#undef OSCAL_
_Static_assert(sizeof relation_keys / sizeof relation_keys[0] == MAP_RELATION_COUNT, "relations");
const vocab map_relation_vocab = { relation_keys, MAP_RELATION_COUNT, 0 };

#define KEY2_(id, key) key,
static const char *const method_keys[] = { MAP_METHOD_TABLE(KEY2_) };
static const char *const status_keys[] = { MAP_STATUS_TABLE(KEY2_) };
#undef KEY2_
const vocab map_method_vocab = { method_keys, MAP_METHOD_COUNT, 0 };
const vocab map_status_vocab = { status_keys, MAP_STATUS_COUNT, 0 };

const char *
map_relation_oscal(enum map_relation r)
{
  return relation_oscal[r];
}

const char *
map_method_key(enum map_method m)
{
  return method_keys[m];
}

const char *
map_status_key(enum map_status s)
{
  return status_keys[s];
}

const char *
map_relation_key(enum map_relation r)
{
  return relation_keys[r];
}

int
map_relation_parse(const char *s)
{
  return vocab_parse(&map_relation_vocab, s);
}

const char *
map_relation_name(enum map_relation r)
{
  return _(relation_labels[r]);
}

bool
map_is_mapping(const cfg_reader *r)
{
  return r->parsed && config_setting_get_member(config_root_setting(r->cfg), "kijun_mapping");
}

void
map_free(mapping *m)
{
  if (!m)
    return;
  for (size_t i = 0; i < m->nentries; i++)
    {
      map_entry *e = &m->entries[i];
      free(e->from);
      free(e->to);
      free(e->from_q);
      free(e->to_q);
      free(e->from_ctl);
      free(e->to_ctl);
    }
  free(m->entries);
  for (int k = 0; k < 2; k++)
    free(m->gap[k].ids);
  if (m->json)
    jv_free(m->json);
  free(m->json);
  cfg_free(m->keep);
  free(m->path);
  free(m);
}

/* from = { id = "..."; version = "..."; }; or the same for to. */
static void
read_side(cfg_reader *r, const config_setting_t *root, const char *key, const char **id,
          const char **version, int *line)
{
  const cfg_where top = { N_("the mapping"), NULL, 0, NULL, NULL };
  const config_setting_t *g = cfg_group(r, root, key, true, false, &top);
  if (!g)
    return;
  *line = cfg_line(g);
  /* TRANSLATORS: "'from' of the mapping", "'to' of the mapping". */
  const cfg_where where = { N_("'%s' of %s"), NULL, 0, key, &top };
  static const char *const keys[] = { "id", "version", NULL };
  cfg_check_keys(r, g, keys, &where);
  *id = cfg_string(r, g, "id", true, false, &where);
  *version = cfg_string(r, g, "version", true, false, &where);
}

/* provenance = { method = "..."; status = "..."; }; optional, as each of
 * its settings: a mapping without one was made by a person and is
 * complete. */
static void
read_provenance(cfg_reader *r, const config_setting_t *root, mapping *m)
{
  m->method = MAP_HUMAN;
  m->status = MAP_COMPLETE;
  const cfg_where top = { N_("the mapping"), NULL, 0, NULL, NULL };
  const config_setting_t *g = cfg_group(r, root, "provenance", false, false, &top);
  if (!g)
    return;
  const cfg_where where = { N_("'%s' of %s"), NULL, 0, "provenance", &top };
  static const char *const keys[] = { "method", "status", NULL };
  cfg_check_keys(r, g, keys, &where);
  const vocab *v[2] = { &map_method_vocab, &map_status_vocab };
  int *out[2] = { (int *) &m->method, (int *) &m->status };
  for (int k = 0; k < 2; k++)
    {
      const char *s = cfg_string(r, g, keys[k], false, false, &where);
      if (!s)
        continue;
      int x = vocab_parse(v[k], s);
      if (x < 0)
        {
          char wbuf[256], expected[128];
          diag_add(r->diag, r->file, cfg_line(config_setting_get_member(g, keys[k])),
                   _("'%s' in %s is \"%s\"; expected one of: %s"), keys[k],
                   cfg_where_text(&where, wbuf, sizeof wbuf), s, vocab_list(v[k], expected, sizeof expected));
          continue;
        }
      *out[k] = x;
    }
}

/* One side of an entry: a non-empty list of distinct ids. */
static const char **
read_ids(cfg_reader *r, const config_setting_t *g, const char *key, const cfg_where *where,
         size_t *n)
{
  *n = 0;
  const config_setting_t *list = cfg_group(r, g, key, true, true, where);
  if (!list)
    return NULL;
  unsigned len = (unsigned) config_setting_length(list);
  if (len == 0)
    {
      char wbuf[256];
      diag_add(r->diag, r->file, cfg_line(list), _("'%s' in %s is empty; expected at least one question id"),
               key, cfg_where_text(where, wbuf, sizeof wbuf));
      return NULL;
    }
  const char **ids = xcalloc(len, sizeof *ids);
  *n = cfg_string_list(r, list, key, where, ids);
  return ids;
}

static void
read_entries(cfg_reader *r, mapping *m, const config_setting_t *list)
{
  unsigned n = (unsigned) config_setting_length(list);
  m->entries = xcalloc(n ? n : 1, sizeof *m->entries);
  static const char *const keys[] = { "from", "to", "relation", "note", NULL };
  enum { K_FROM, K_TO, K_REL, K_NOTE };
  for (unsigned i = 0; i < n; i++)
    {
      const config_setting_t *g = config_setting_get_elem(list, i);
      const cfg_where where = { N_("map entry %u"), NULL, i + 1, NULL, NULL };
      char wbuf[256];
      if (config_setting_type(g) != CONFIG_TYPE_GROUP)
        {
          diag_add(r->diag, r->file, cfg_line(g), _("%s is not a group; expected %s"),
                   cfg_where_text(&where, wbuf, sizeof wbuf),
                   "{ from = ( ... ); to = ( ... ); relation = \"...\"; }");
          continue;
        }
      config_setting_t *slot[CFG_MAX_SLOTS];
      cfg_members(r, g, keys, &where, slot);
      map_entry *e = &m->entries[m->nentries++];
      e->line = cfg_line(g);
      e->from = read_ids(r, g, "from", &where, &e->nfrom);
      e->to = read_ids(r, g, "to", &where, &e->nto);
      const char *rel = cfg_string_in(r, g, slot[K_REL], "relation", true, false, &where);
      int rv = rel ? map_relation_parse(rel) : -1;
      if (rel && rv < 0)
        {
          char expected[128];
          diag_add(r->diag, r->file, cfg_line(slot[K_REL]), _("'%s' in %s is \"%s\"; expected one of: %s"),
                   "relation", cfg_where_text(&where, wbuf, sizeof wbuf), rel,
                   vocab_list(&map_relation_vocab, expected, sizeof expected));
        }
      e->relation = rv < 0 ? MAP_INTERSECT : (enum map_relation) rv;
      /* Only a one-to-one correspondence can be equal: answers to several
       * questions cannot be carried to one unchanged, nor one answer
       * stand for several. */
      if ((rv == MAP_EQUAL || rv == MAP_EQUIVALENT) && e->from && e->to && (e->nfrom != 1 || e->nto != 1))
        diag_add(r->diag, r->file, cfg_line(slot[K_REL]),
                 _("%s is \"%s\" but maps %zu question(s) to %zu; expected one question on each side (use subset, superset or intersect)"),
                 cfg_where_text(&where, wbuf, sizeof wbuf), rel, e->nfrom, e->nto);
      const config_setting_t *note = cfg_group_in(r, g, slot[K_NOTE], "note", false, false, &where);
      if (note)
        {
          /* TRANSLATORS: a place in a file, e.g. "'note' of map entry 3". */
          const cfg_where sub = { N_("'%s' of %s"), NULL, 0, "note", &where };
          static const char *const nkeys[] = { "ja", "en", NULL };
          cfg_check_keys(r, note, nkeys, &sub);
          e->note.s[LANG_JA] = cfg_string(r, note, "ja", true, true, &sub);
          e->note.s[LANG_EN] = cfg_string(r, note, "en", true, true, &sub);
        }
    }
}

int
map_read_reader(cfg_reader *r, int open_rc, mapping **out)
{
  *out = NULL;
  diag_t *d = r->diag;
  if (open_rc && !(open_rc == EX_DATAERR && r->parsed))
    return open_rc;
  size_t before = diag_count(d);
  mapping *m = xcalloc(1, sizeof *m);
  m->path = xstrdup(r->file);
  const config_setting_t *root = config_root_setting(r->cfg);
  const cfg_where top = { N_("the mapping"), NULL, 0, NULL, NULL };
  const config_setting_t *fmt = config_setting_get_member(root, "kijun_mapping");
  if (!fmt)
    diag_add(d, r->file, 1, _("not a kijun mapping: 'kijun_mapping' is missing; expected kijun_mapping = %d; at the top"),
             MAP_FORMAT);
  else
    {
      long long v = cfg_int(r, root, "kijun_mapping", MAP_FORMAT, &top);
      if (v != MAP_FORMAT)
        diag_add(d, r->file, cfg_line(fmt), _("mapping format %lld is not supported; expected kijun_mapping = %d;"),
                 v, MAP_FORMAT);
    }
  static const char *const keys[] = { "kijun_mapping", "from", "to", "provenance", "map", NULL };
  cfg_check_keys(r, root, keys, &top);
  read_provenance(r, root, m);
  read_side(r, root, "from", &m->from_id, &m->from_version, &m->from_line);
  read_side(r, root, "to", &m->to_id, &m->to_version, &m->to_line);
  /* Editions of one questionnaire version carry by 'was'; a mapping joins
   * two questionnaires or two versions. */
  if (m->from_id && m->to_id && m->from_version && m->to_version && strcmp(m->from_id, m->to_id) == 0
      && strcmp(m->from_version, m->to_version) == 0)
    diag_add(d, r->file, m->to_line,
             _("'from' and 'to' both name questionnaire '%s' version %s; expected two questionnaires, or two versions of one (editions of one version carry answers by 'was')"),
             m->to_id, m->to_version);
  const config_setting_t *list = cfg_group(r, root, "map", true, true, &top);
  if (list)
    {
      if (config_setting_length(list) == 0)
        diag_add(d, r->file, cfg_line(list), _("'map' is empty; expected at least one entry"));
      read_entries(r, m, list);
    }
  m->keep = cfg_take(r);
  if (diag_count(d) > before || open_rc)
    {
      map_free(m);
      return EX_DATAERR;
    }
  *out = m;
  return 0;
}

int
map_read(const char *path, diag_t *d, mapping **out)
{
  if (maposcal_sniff(path))
    return maposcal_read(path, d, out);
  cfg_reader r;
  int rc = cfg_open(&r, path, CFG_QUESTIONNAIRE_LIMITS, d);
  rc = map_read_reader(&r, rc, out);
  cfg_close(&r);
  return rc;
}

/* Resolve one side of every entry against q. */
static void
resolve(mapping *m, const questionnaire *q, bool to, diag_t *d)
{
  for (size_t i = 0; i < m->nentries; i++)
    {
      map_entry *e = &m->entries[i];
      const char **ids = to ? e->to : e->from;
      size_t n = to ? e->nto : e->nfrom;
      size_t *idx = xcalloc(n ? n : 1, sizeof *idx);
      for (size_t k = 0; k < n; k++)
        {
          long qi = qn_find_question(q, ids[k]);
          if (qi >= 0)
            {
              idx[k] = (size_t) qi;
              continue;
            }
          if (to)
            diag_add(d, m->path, e->line,
                     _("map entry %zu names '%s' in 'to', which is not a question of '%s' version %s; expected a question id of the target questionnaire"),
                     i + 1, ids[k], q->id, q->version);
          else
            diag_add(d, m->path, e->line,
                     _("map entry %zu names '%s' in 'from', which is not a question of '%s' version %s; expected a question id of the source questionnaire"),
                     i + 1, ids[k], q->id, q->version);
        }
      if (to)
        e->to_q = idx;
      else
        e->from_q = idx;
    }
}

/* For each question of one side, the entries naming it (CSR form). */
struct side_index
{
  size_t *start, *entry;
};

static void
side_index_build(const mapping *m, size_t nq, bool to, struct side_index *x)
{
  x->start = xcalloc(nq + 1, sizeof *x->start);
  size_t total = 0;
  for (size_t i = 0; i < m->nentries; i++)
    {
      const map_entry *e = &m->entries[i];
      size_t n = to ? e->nto : e->nfrom;
      for (size_t k = 0; k < n; k++)
        x->start[(to ? e->to_q : e->from_q)[k] + 1]++;
      total += n;
    }
  for (size_t q = 0; q < nq; q++)
    x->start[q + 1] += x->start[q];
  x->entry = xmalloc((total ? total : 1) * sizeof *x->entry);
  size_t *fill = xmalloc((nq ? nq : 1) * sizeof *fill);
  memcpy(fill, x->start, nq * sizeof *fill);
  for (size_t i = 0; i < m->nentries; i++)
    {
      const map_entry *e = &m->entries[i];
      size_t n = to ? e->nto : e->nfrom;
      for (size_t k = 0; k < n; k++)
        x->entry[fill[(to ? e->to_q : e->from_q)[k]]++] = i;
    }
  free(fill);
}

/* The same source and target question in two entries would carry one
 * answer twice under two relations.  An earlier entry sharing a source
 * question with entry i is marked, then its target questions are looked
 * up: linear in the size of the file unless many entries share one
 * question. */
static void
check_pairs(const mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d)
{
  struct side_index fx, tx;
  side_index_build(m, from->nquestions, false, &fx);
  side_index_build(m, to->nquestions, true, &tx);
  size_t *mark = xmalloc((m->nentries ? m->nentries : 1) * sizeof *mark);
  size_t *via = xmalloc((m->nentries ? m->nentries : 1) * sizeof *via);
  for (size_t i = 0; i < m->nentries; i++)
    mark[i] = SIZE_MAX;
  for (size_t i = 0; i < m->nentries; i++)
    {
      const map_entry *e = &m->entries[i];
      for (size_t k = 0; k < e->nfrom; k++)
        {
          size_t f = e->from_q[k];
          for (size_t j = fx.start[f]; j < fx.start[f + 1] && fx.entry[j] < i; j++)
            {
              mark[fx.entry[j]] = i;
              via[fx.entry[j]] = f;
            }
        }
      bool reported = false;
      for (size_t k = 0; k < e->nto && !reported; k++)
        {
          size_t t = e->to_q[k];
          for (size_t j = tx.start[t]; j < tx.start[t + 1] && tx.entry[j] < i; j++)
            {
              size_t o = tx.entry[j];
              if (mark[o] != i)
                continue;
              diag_add(d, m->path, e->line,
                       _("map entry %zu maps '%s' to '%s' again (first in map entry %zu at line %d); expected each pair of questions in one entry"),
                       i + 1, from->questions[via[o]].id, to->questions[t].id, o + 1, m->entries[o].line);
              reported = true;
              break;
            }
        }
    }
  /* equal says one question is the same as another: two equal entries
   * sharing a question would make two questions one (a1 = G-1 and
   * t1 = G-1), joined across entries where one entry may not. */
  for (int side = 0; side < 2; side++)
    {
      const struct side_index *x = side ? &tx : &fx;
      for (size_t i = 0; i < m->nentries; i++)
        {
          const map_entry *e = &m->entries[i];
          bool same_e = e->relation == MAP_EQUAL || e->relation == MAP_EQUIVALENT;
          if (!same_e || e->nfrom != 1 || e->nto != 1)
            continue;
          size_t q = side ? e->to_q[0] : e->from_q[0];
          for (size_t j = x->start[q]; j < x->start[q + 1] && x->entry[j] < i; j++)
            {
              const map_entry *o = &m->entries[x->entry[j]];
              if (o->relation != MAP_EQUAL && o->relation != MAP_EQUIVALENT)
                continue;
              diag_add(d, m->path, e->line,
                       _("map entry %zu says '%s' equals '%s', and map entry %zu at line %d says '%s' equals '%s'; expected each question in one equal pair at most"),
                       i + 1, from->questions[e->from_q[0]].id, to->questions[e->to_q[0]].id, x->entry[j] + 1,
                       o->line, from->questions[o->from_q[0]].id, to->questions[o->to_q[0]].id);
              break;
            }
        }
    }
  free(mark);
  free(via);
  free(fx.start), free(fx.entry), free(tx.start), free(tx.entry);
}

/* Whether the questionnaire q is the one a side names. */
static bool
side_matches(mapping *m, const char *key, const char *id, const char *version, int line,
             const questionnaire *q, diag_t *d)
{
  if (strcmp(id, q->id) == 0 && strcmp(version, q->version) == 0)
    return true;
  diag_add(d, m->path, line,
           _("'%s' names questionnaire '%s' version %s, but %s is '%s' version %s; expected the questionnaire the mapping was written for"),
           key, id, version, q->path ? q->path : "?", q->id, q->version);
  return false;
}

int
map_bind(mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d)
{
  size_t before = diag_count(d);
  bool ok = side_matches(m, "from", m->from_id, m->from_version, m->from_line, from, d);
  ok &= side_matches(m, "to", m->to_id, m->to_version, m->to_line, to, d);
  if (!ok)
    return EX_DATAERR;
  if (m->oscal && maposcal_translate(m, from, to, d))
    return EX_DATAERR;
  resolve(m, from, false, d);
  resolve(m, to, true, d);
  if (diag_count(d) > before)
    return EX_DATAERR;
  check_pairs(m, from, to, d);
  if (m->oscal)
    maposcal_check_gaps(m, from, to, d);
  if (diag_count(d) > before)
    return EX_DATAERR;
  m->bound = true;
  return 0;
}

void
map_mapped(const mapping *m, bool to, size_t nq, bool *mapped)
{
  memset(mapped, 0, nq * sizeof *mapped);
  for (size_t i = 0; i < m->nentries; i++)
    {
      const map_entry *e = &m->entries[i];
      if (e->relation == MAP_NONE)
        continue;
      size_t n = to ? e->nto : e->nfrom;
      for (size_t k = 0; k < n; k++)
        mapped[(to ? e->to_q : e->from_q)[k]] = true;
    }
}
