/* maposcal: reading an OSCAL mapping collection.  See maposcal.h.
 *
 * The reader stops at the first problem of the document's shape: one
 * line, "FILE:LINE: WHERE ...; expected ...", WHERE being the member's
 * path in the document (mapping-collection.mappings[0].maps[2]).  The
 * problems that need the questionnaires (ids, gaps) are all reported, as
 * for kijun's own mapping files.
 *
 * Why one file of this size: reading an OSCAL mapping is one strict walk
 * of one document, every member checked where it stands so that an error
 * names its path. */
#include <config.h>
#include "io/maposcal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/xalloc.h"
#include "io/afile.h"
#include "io/jsonread.h"
#include "model/oscalid.h"

/* kijun's namespace for OSCAL properties (as report/oscal.h's OSCAL_NS). */
#define KIJUN_NS "urn:kijun:oscal"
#define OSCAL_NS_NIST "http://csrc.nist.gov/ns/oscal"

bool
maposcal_sniff(const char *path)
{
  int fd = afile_open_read(path, NULL);
  if (fd < 0)
    return false;
  unsigned char buf[256];
  ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  ssize_t i = n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0;
  while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
    i++;
  return i < n && buf[i] == '{';
}

typedef struct rd
{
  const char *path;
  diag_t *d;
  mapping *m;
  bool bad;
} rd;

/* The first problem only: the rest would follow from it. */
static bool bad(rd *r, const jv *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool
bad(rd *r, const jv *at, const char *fmt, ...)
{
  if (r->bad)
    return false;
  r->bad = true;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  diag_add(r->d, r->path, at ? at->line : 0, "%s", msg);
  return false;
}

static const char *
kind(const jv *v)
{
  static const char *const names[] = {
    /* TRANSLATORS: what a JSON value is: "... is an array; expected an object". */
    [JV_NULL] = N_("null"), [JV_BOOL] = N_("true or false"), [JV_NUM] = N_("a number"),
    [JV_STR] = N_("a string"), [JV_ARR] = N_("an array"), [JV_OBJ] = N_("an object")
  };
  return _(names[v->t]);
}

static bool
want(rd *r, const jv *v, enum jv_type t, const char *where)
{
  static const char *const names[] = {
    [JV_NULL] = N_("null"), [JV_BOOL] = N_("true or false"), [JV_NUM] = N_("a number"),
    [JV_STR] = N_("a string"), [JV_ARR] = N_("an array"), [JV_OBJ] = N_("an object")
  };
  if (v->t == t && (t != JV_STR || *v->str))
    return true;
  if (t == JV_STR && v->t == JV_STR)
    return bad(r, v, _("%s is empty; expected %s"), where, _(names[t]));
  return bad(r, v, _("%s is %s; expected %s"), where, kind(v), _(names[t]));
}

/* An object whose members are all in keys (NULL-terminated), each once,
 * with those flagged required present. */
static bool
members_ok(rd *r, const jv *o, const char *where, const char *const *keys, const char *const *required)
{
  if (!want(r, o, JV_OBJ, where))
    return false;
  for (size_t i = 0; i < o->n; i++)
    {
      bool known = false;
      for (const char *const *k = keys; *k && !known; k++)
        known = strcmp(*k, o->keys[i]) == 0;
      if (!known)
        {
          char list[512];
          size_t len = 0;
          list[0] = '\0';
          for (const char *const *k = keys; *k && len < sizeof list; k++)
            len += (size_t) snprintf(list + len, sizeof list - len, "%s%s", k == keys ? "" : ", ", *k);
          return bad(r, &o->items[i], _("%s has the member '%.80s', which the OSCAL 1.2 mapping model does not define there; expected one of: %s"),
                     where, o->keys[i], list);
        }
      for (size_t j = 0; j < i; j++)
        if (strcmp(o->keys[j], o->keys[i]) == 0)
          return bad(r, &o->items[i], _("%s has the member '%s' twice; expected each member once"), where,
                     o->keys[i]);
    }
  for (const char *const *k = required; *k; k++)
    if (!jv_get(o, *k))
      return bad(r, o, _("%s has no member '%s'; expected it, as the OSCAL 1.2 mapping model requires"), where, *k);
  return true;
}

/* A string member out of a list of words; -1 with a message when not. */
static int
word(rd *r, const jv *v, const char *where, const char *const *words, size_t n)
{
  if (!want(r, v, JV_STR, where))
    return -1;
  for (size_t i = 0; i < n; i++)
    if (strcmp(v->str, words[i]) == 0)
      return (int) i;
  char list[256];
  size_t len = 0;
  for (size_t i = 0; i < n && len < sizeof list; i++)
    len += (size_t) snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", words[i]);
  bad(r, v, _("%s is \"%.80s\"; expected one of: %s"), where, v->str, list);
  return -1;
}

static bool
hexes(const char *s, int n)
{
  for (int i = 0; i < n; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
      return false;
  return true;
}

/* OSCAL's UUIDs are of version 4 or 5, RFC 4122 variant. */
static bool
uuid_ok(rd *r, const jv *v, const char *where)
{
  if (!want(r, v, JV_STR, where))
    return false;
  const char *s = v->str;
  if (strlen(s) == 36 && hexes(s, 8) && s[8] == '-' && hexes(s + 9, 4) && s[13] == '-' && (s[14] == '4' || s[14] == '5')
      && hexes(s + 15, 3) && s[18] == '-' && strchr("89abAB", s[19]) && hexes(s + 20, 3) && s[23] == '-'
      && hexes(s + 24, 12))
    return true;
  return bad(r, v, _("%s is \"%.80s\"; expected a UUID of version 4 or 5"), where, s);
}

/* A list of one or more, as the model wants (an array, or where allowed
 * the one element alone). */
static bool
list_ok(rd *r, const jv *v, const char *where)
{
  if (!want(r, v, JV_ARR, where))
    return false;
  if (v->n == 0)
    return bad(r, v, _("%s is empty; expected at least one element"), where);
  return true;
}

/* confidence-score: a category or a percentage from 0 to 1. */
static bool
confidence_ok(rd *r, const jv *v, const char *where, const char **text)
{
  static const char *const keys[] = { "category", "percentage", NULL }, *const none[] = { NULL };
  if (!members_ok(r, v, where, keys, none))
    return false;
  const jv *c = jv_get(v, "category"), *p = jv_get(v, "percentage");
  if ((c && p) || (!c && !p))
    return bad(r, v, _("%s has %s; expected either 'category' or 'percentage'"), where,
                c ? "category, percentage" : "-");
  char *w = xasprintf("%s.%s", where, c ? "category" : "percentage");
  bool ok = want(r, c ? c : p, c ? JV_STR : JV_NUM, w);
  if (ok && p && !(p->num >= 0 && p->num <= 1))
    ok = bad(r, p, _("%s is %g; expected a number from 0 to 1"), w, p->num);
  free(w);
  if (ok && text)
    *text = c ? c->str : NULL;
  return ok;
}

static bool
coverage_ok(rd *r, const jv *v, const char *where)
{
  static const char *const keys[] = { "generation-method", "target-coverage", NULL },
                           *const req[] = { "target-coverage", NULL };
  if (!members_ok(r, v, where, keys, req))
    return false;
  const jv *g = jv_get(v, "generation-method"), *t = jv_get(v, "target-coverage");
  char *w = xasprintf("%s.target-coverage", where);
  bool ok = (!g || want(r, g, JV_STR, where)) && want(r, t, JV_NUM, w);
  if (ok && !(t->num >= 0 && t->num <= 1))
    ok = bad(r, t, _("%s is %g; expected a number from 0 to 1"), w, t->num);
  free(w);
  return ok;
}

static const char *const methods[] = { "human", "automation", "hybrid" };
static const char *const rationales[] = { "syntactic", "semantic", "functional" };
static const char *const statuses[] = { "complete", "not-complete", "draft" };

/* method, matching-rationale and status where given (provenance, or a
 * mapping overriding it). */
static bool
how_made(rd *r, const jv *o, const char *where)
{
  const jv *v;
  char *w;
  bool ok = true;
  if (ok && (v = jv_get(o, "method")))
    {
      w = xasprintf("%s.method", where);
      int x = word(r, v, w, methods, 3);
      ok = x >= 0;
      if (ok)
        r->m->method = (enum map_method) x;
      free(w);
    }
  if (ok && (v = jv_get(o, "matching-rationale")))
    {
      w = xasprintf("%s.matching-rationale", where);
      ok = word(r, v, w, rationales, 3) >= 0;
      free(w);
    }
  if (ok && (v = jv_get(o, "status")))
    {
      /* deprecated and superseded mappings carry nothing: refused. */
      w = xasprintf("%s.status", where);
      int x = word(r, v, w, statuses, 3);
      ok = x >= 0;
      if (ok)
        r->m->status = x == 0 ? MAP_COMPLETE : MAP_DRAFT;
      free(w);
    }
  if (ok && (v = jv_get(o, "confidence-score")))
    {
      w = xasprintf("%s.confidence-score", where);
      ok = confidence_ok(r, v, w, &r->m->confidence);
      free(w);
    }
  if (ok && (v = jv_get(o, "coverage")))
    {
      w = xasprintf("%s.coverage", where);
      ok = coverage_ok(r, v, w);
      free(w);
    }
  return ok;
}

/* The props of o in kijun's namespace: name's value, or NULL. */
static const char *
kijun_prop(const jv *o, const char *name, int *line)
{
  const jv *props = jv_get(o, "props");
  for (size_t i = 0; props && props->t == JV_ARR && i < props->n; i++)
    {
      const jv *p = &props->items[i], *n = jv_get(p, "name"), *ns = jv_get(p, "ns"), *v = jv_get(p, "value");
      if (n && n->t == JV_STR && ns && ns->t == JV_STR && v && v->t == JV_STR && strcmp(ns->str, KIJUN_NS) == 0
          && strcmp(n->str, name) == 0)
        {
          if (line)
            *line = p->line;
          return v->str;
        }
    }
  return NULL;
}

/* props: a list of {name, value, ns?, uuid?, class?, group?, remarks?}. */
static bool
props_ok(rd *r, const jv *o, const char *where)
{
  const jv *props = jv_get(o, "props");
  if (!props)
    return true;
  char *w = xasprintf("%s.props", where);
  bool ok = list_ok(r, props, w);
  static const char *const keys[] = { "name", "uuid", "ns", "value", "class", "group", "remarks", NULL },
                           *const req[] = { "name", "value", NULL };
  for (size_t i = 0; ok && i < props->n; i++)
    {
      char *wi = xasprintf("%s[%zu]", w, i);
      ok = members_ok(r, &props->items[i], wi, keys, req);
      for (size_t k = 0; ok && k < props->items[i].n; k++)
        if (strcmp(props->items[i].keys[k], "name") == 0 || strcmp(props->items[i].keys[k], "value") == 0
            || strcmp(props->items[i].keys[k], "ns") == 0)
          {
            char *wk = xasprintf("%s.%s", wi, props->items[i].keys[k]);
            ok = want(r, &props->items[i].items[k], JV_STR, wk);
            free(wk);
          }
      free(wi);
    }
  free(w);
  return ok;
}

/* source-resource or target-resource: the questionnaire of a side. */
static bool
resource(rd *r, const jv *v, const char *where, const char **id, const char **version, int *line)
{
  static const char *const keys[] = { "ns", "type", "href", "props", "links", "remarks", NULL },
                           *const req[] = { "type", "href", NULL };
  if (!members_ok(r, v, where, keys, req) || !props_ok(r, v, where))
    return false;
  char *w = xasprintf("%s.type", where);
  bool ok = want(r, jv_get(v, "type"), JV_STR, w);
  free(w);
  w = xasprintf("%s.href", where);
  ok = ok && want(r, jv_get(v, "href"), JV_STR, w);
  free(w);
  if (!ok)
    return false;
  *line = v->line;
  *id = kijun_prop(v, "questionnaire-id", NULL);
  *version = kijun_prop(v, "questionnaire-version", NULL);
  if (!*id || !*version)
    return bad(r, v, _("%s has no property '%s' in kijun's namespace (%s); expected the questionnaire's id and version, as kijun --export=oscal-mapping writes them"),
               where, *id ? "questionnaire-version" : "questionnaire-id", KIJUN_NS);
  return true;
}

/* sources or targets of a map: OSCAL ids, and which are items. */
static bool
items(rd *r, const jv *v, const char *where, const char ***ids, unsigned char **ctl, size_t *n)
{
  if (!list_ok(r, v, where))
    return false;
  static const char *const keys[] = { "type", "id-ref", "props", "links", "remarks", NULL },
                           *const req[] = { "type", "id-ref", NULL };
  static const char *const types[] = { "statement", "control" };
  *ids = xcalloc(v->n, sizeof **ids);
  *ctl = xcalloc(v->n, 1);
  for (size_t i = 0; i < v->n; i++)
    {
      char *wi = xasprintf("%s[%zu]", where, i), *wt = xasprintf("%s.type", wi), *wr = xasprintf("%s.id-ref", wi);
      const jv *it = &v->items[i];
      int t = -1;
      bool ok = members_ok(r, it, wi, keys, req) && props_ok(r, it, wi)
                && (t = word(r, jv_get(it, "type"), wt, types, 2)) >= 0 && want(r, jv_get(it, "id-ref"), JV_STR, wr);
      if (ok)
        for (size_t j = 0; j < i && ok; j++)
          if ((*ctl)[j] == t && strcmp((*ids)[j], jv_get(it, "id-ref")->str) == 0)
            ok = bad(r, it, _("%s names '%.80s' again; expected each id once on each side of a map"), wi,
                     jv_get(it, "id-ref")->str);
      free(wi), free(wt), free(wr);
      if (!ok)
        return false;
      (*ids)[i] = jv_get(it, "id-ref")->str;
      (*ctl)[i] = (unsigned char) t;
      (*n)++;
    }
  return true;
}

static bool
one_map(rd *r, const jv *v, const char *where, map_entry *e)
{
  static const char *const keys[] = { "uuid", "ns", "matching-rationale", "relationship", "sources", "targets",
                                      "qualifiers", "confidence-score", "coverage", "props", "links", "remarks",
                                      NULL },
                           *const req[] = { "uuid", "relationship", "sources", "targets", NULL };
  if (!members_ok(r, v, where, keys, req) || !props_ok(r, v, where))
    return false;
  e->line = v->line;
  char *w = xasprintf("%s.uuid", where);
  bool ok = uuid_ok(r, jv_get(v, "uuid"), w);
  free(w);
  const jv *ns = jv_get(v, "ns");
  if (ok && ns)
    {
      w = xasprintf("%s.ns", where);
      ok = want(r, ns, JV_STR, w);
      if (ok && strcmp(ns->str, OSCAL_NS_NIST) != 0)
        ok = bad(r, ns, _("%s is \"%.80s\"; expected %s (kijun knows OSCAL's relationships only)"), w, ns->str,
                 OSCAL_NS_NIST);
      free(w);
    }
  if (ok)
    {
      const char *rel[MAP_RELATION_COUNT];
      for (int i = 0; i < MAP_RELATION_COUNT; i++)
        rel[i] = map_relation_oscal((enum map_relation) i);
      w = xasprintf("%s.relationship", where);
      int x = word(r, jv_get(v, "relationship"), w, rel, MAP_RELATION_COUNT);
      free(w);
      ok = x >= 0;
      e->relation = ok ? (enum map_relation) x : MAP_INTERSECT;
    }
  if (ok)
    {
      w = xasprintf("%s.sources", where);
      ok = items(r, jv_get(v, "sources"), w, &e->from, &e->from_ctl, &e->nfrom);
      free(w);
    }
  if (ok)
    {
      w = xasprintf("%s.targets", where);
      ok = items(r, jv_get(v, "targets"), w, &e->to, &e->to_ctl, &e->nto);
      free(w);
    }
  const jv *x;
  if (ok && (x = jv_get(v, "confidence-score")))
    {
      w = xasprintf("%s.confidence-score", where);
      ok = confidence_ok(r, x, w, NULL);
      free(w);
    }
  if (ok && (x = jv_get(v, "coverage")))
    {
      w = xasprintf("%s.coverage", where);
      ok = coverage_ok(r, x, w);
      free(w);
    }
  if (ok && (x = jv_get(v, "matching-rationale")))
    {
      w = xasprintf("%s.matching-rationale", where);
      ok = word(r, x, w, rationales, 3) >= 0;
      free(w);
    }
  if (ok && (x = jv_get(v, "qualifiers")))
    {
      w = xasprintf("%s.qualifiers", where);
      ok = list_ok(r, x, w);
      free(w);
    }
  if (ok)
    {
      /* The entry's note: Japanese and English, both or neither. */
      int line = 0;
      const char *ja = kijun_prop(v, "note-ja", &line), *en = kijun_prop(v, "note-en", &line);
      if ((ja != NULL) != (en != NULL))
        ok = bad(r, v, _("%s has the property '%s' but not '%s'; expected a note in both languages"), where,
                 ja ? "note-ja" : "note-en", ja ? "note-en" : "note-ja");
      e->note.s[LANG_JA] = ja;
      e->note.s[LANG_EN] = en;
    }
  return ok;
}

/* source-gap-summary or target-gap-summary: the ids of with-ids. */
static bool
gap_summary(rd *r, const jv *v, const char *where, map_gap *g)
{
  static const char *const keys[] = { "uuid", "unmapped-controls", NULL },
                           *const req[] = { "uuid", "unmapped-controls", NULL };
  if (!members_ok(r, v, where, keys, req))
    return false;
  char *w = xasprintf("%s.uuid", where);
  bool ok = uuid_ok(r, jv_get(v, "uuid"), w);
  free(w);
  const jv *u = jv_get(v, "unmapped-controls");
  w = xasprintf("%s.unmapped-controls", where);
  ok = ok && list_ok(r, u, w);
  g->given = true;
  g->line = v->line;
  static const char *const skeys[] = { "with-child-controls", "with-ids", "matching", NULL },
                           *const sreq[] = { "with-ids", NULL };
  for (size_t i = 0; ok && i < u->n; i++)
    {
      char *wi = xasprintf("%s[%zu]", w, i), *wl = xasprintf("%s.with-ids", wi);
      const jv *s = &u->items[i];
      if (members_ok(r, s, wi, skeys, sreq) && list_ok(r, jv_get(s, "with-ids"), wl))
        {
          if (jv_get(s, "matching"))
            ok = bad(r, jv_get(s, "matching"), _("%s selects by pattern; expected with-ids alone (kijun checks a gap summary id by id)"), wi);
          const jv *ids = jv_get(s, "with-ids");
          for (size_t k = 0; ok && k < ids->n; k++)
            {
              char *wk = xasprintf("%s[%zu]", wl, k);
              ok = want(r, &ids->items[k], JV_STR, wk);
              free(wk);
              if (ok)
                {
                  g->ids = xrealloc(g->ids, (g->n + 1) * sizeof *g->ids);
                  g->ids[g->n++] = ids->items[k].str;
                }
            }
        }
      else
        ok = false;
      free(wi), free(wl);
    }
  free(w);
  return ok;
}

static bool
one_mapping(rd *r, const jv *v, const char *where)
{
  static const char *const keys[] = { "uuid", "method", "matching-rationale", "status", "source-resource",
                                      "target-resource", "maps", "props", "links", "remarks",
                                      "mapping-description", "source-gap-summary", "target-gap-summary",
                                      "confidence-score", "coverage", NULL },
                           *const req[] = { "uuid", "source-resource", "target-resource", "maps", NULL };
  mapping *m = r->m;
  if (!members_ok(r, v, where, keys, req) || !props_ok(r, v, where))
    return false;
  char *w = xasprintf("%s.uuid", where);
  bool ok = uuid_ok(r, jv_get(v, "uuid"), w) && how_made(r, v, where);
  free(w);
  if (ok)
    {
      w = xasprintf("%s.source-resource", where);
      ok = resource(r, jv_get(v, "source-resource"), w, &m->from_id, &m->from_version, &m->from_line);
      free(w);
    }
  if (ok)
    {
      w = xasprintf("%s.target-resource", where);
      ok = resource(r, jv_get(v, "target-resource"), w, &m->to_id, &m->to_version, &m->to_line);
      free(w);
    }
  if (ok && strcmp(m->from_id, m->to_id) == 0 && strcmp(m->from_version, m->to_version) == 0)
    ok = bad(r, jv_get(v, "target-resource"),
             _("'from' and 'to' both name questionnaire '%s' version %s; expected two questionnaires, or two versions of one (editions of one version carry answers by 'was')"),
             m->to_id, m->to_version);
  const jv *maps = jv_get(v, "maps");
  w = xasprintf("%s.maps", where);
  ok = ok && list_ok(r, maps, w);
  if (ok)
    m->entries = xcalloc(maps->n, sizeof *m->entries);
  for (size_t i = 0; ok && i < maps->n; i++)
    {
      char *wi = xasprintf("%s[%zu]", w, i);
      ok = one_map(r, &maps->items[i], wi, &m->entries[m->nentries++]);
      free(wi);
    }
  free(w);
  static const char *const gk[2] = { "source-gap-summary", "target-gap-summary" };
  for (int k = 0; k < 2 && ok; k++)
    {
      const jv *g = jv_get(v, gk[k]);
      if (!g)
        continue;
      w = xasprintf("%s.%s", where, gk[k]);
      ok = gap_summary(r, g, w, &m->gap[k]);
      free(w);
    }
  const jv *desc = jv_get(v, "mapping-description");
  if (ok && desc)
    {
      w = xasprintf("%s.mapping-description", where);
      ok = want(r, desc, JV_STR, w);
      free(w);
    }
  return ok;
}

static bool
metadata_ok(rd *r, const jv *v)
{
  const char *where = "mapping-collection.metadata";
  if (!want(r, v, JV_OBJ, where))
    return false;
  static const char *const req[] = { "title", "last-modified", "version", "oscal-version", NULL };
  for (const char *const *k = req; *k; k++)
    {
      const jv *x = jv_get(v, *k);
      char *w = xasprintf("%s.%s", where, *k);
      bool ok = x ? want(r, x, JV_STR, w)
                  : bad(r, v, _("%s has no member '%s'; expected it, as the OSCAL 1.2 mapping model requires"), where, *k);
      free(w);
      if (!ok)
        return false;
    }
  const jv *ov = jv_get(v, "oscal-version");
  if (strncmp(ov->str, "1.2.", 4) != 0)
    return bad(r, ov, _("%s is \"%.80s\"; expected 1.2.x (the mapping model is OSCAL 1.2's)"),
               "mapping-collection.metadata.oscal-version", ov->str);
  return true;
}

static bool
collection(rd *r, const jv *root)
{
  static const char *const rkeys[] = { "$schema", "mapping-collection", NULL },
                           *const rreq[] = { "mapping-collection", NULL };
  if (!members_ok(r, root, _("the document"), rkeys, rreq))
    return false;
  const jv *c = jv_get(root, "mapping-collection");
  static const char *const keys[] = { "uuid", "metadata", "provenance", "mappings", "back-matter", NULL },
                           *const req[] = { "uuid", "metadata", "provenance", "mappings", NULL };
  if (!members_ok(r, c, "mapping-collection", keys, req))
    return false;
  if (!uuid_ok(r, jv_get(c, "uuid"), "mapping-collection.uuid") || !metadata_ok(r, jv_get(c, "metadata")))
    return false;
  static const char *const pkeys[] = { "method", "matching-rationale", "status", "confidence-score", "coverage",
                                       "mapping-description", "responsible-parties", "props", "links", "remarks",
                                       NULL },
                           *const preq[] = { "method", "matching-rationale", "status", "mapping-description", NULL };
  const jv *p = jv_get(c, "provenance");
  if (!members_ok(r, p, "mapping-collection.provenance", pkeys, preq)
      || !props_ok(r, p, "mapping-collection.provenance") || !how_made(r, p, "mapping-collection.provenance")
      || !want(r, jv_get(p, "mapping-description"), JV_STR, "mapping-collection.provenance.mapping-description"))
    return false;
  /* One mapping, joining two questionnaires; the model also allows the
   * one mapping without its array. */
  const jv *ms = jv_get(c, "mappings");
  if (ms->t == JV_OBJ)
    return one_mapping(r, ms, "mapping-collection.mappings");
  if (!list_ok(r, ms, "mapping-collection.mappings"))
    return false;
  if (ms->n != 1)
    return bad(r, ms, _("%s holds %zu mappings; expected one (a kijun mapping joins two questionnaires)"),
               "mapping-collection.mappings", ms->n);
  return one_mapping(r, &ms->items[0], "mapping-collection.mappings[0]");
}

int
maposcal_read(const char *path, diag_t *d, mapping **out)
{
  *out = NULL;
  jv *doc = xcalloc(1, sizeof *doc);
  int rc = json_read_file(path, doc, d);
  if (rc)
    {
      free(doc);
      return rc;
    }
  mapping *m = xcalloc(1, sizeof *m);
  m->path = xstrdup(path);
  m->oscal = true;
  m->json = doc;
  m->method = MAP_HUMAN;
  m->status = MAP_COMPLETE;
  rd r = { path, d, m, false };
  if (!collection(&r, doc))
    {
      map_free(m);
      return EX_DATAERR;
    }
  *out = m;
  return 0;
}

/* ---- binding ------------------------------------------------------------- */

/* The OSCAL ids of a questionnaire's questions, in walk order: the
 * objective and the control of each. */
typedef struct oids
{
  char **obj, **ctl;
  const questionnaire *q;
} oids;

static void
oids_make(oids *o, const questionnaire *q)
{
  o->q = q;
  o->obj = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *o->obj);
  o->ctl = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *o->ctl);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      const qn_question *qq = &q->questions[q->order[pos]];
      o->obj[pos] = oscal_objective_id(q, qq);
      o->ctl[pos] = oscal_control_id(&q->sections[qq->section]);
    }
}

static void
oids_free(oids *o)
{
  for (size_t pos = 0; pos < o->q->nquestions; pos++)
    free(o->obj[pos]), free(o->ctl[pos]);
  free(o->obj);
  free(o->ctl);
}

/* The question ids one side of an entry names: an objective is its
 * question, an item all of its questions (in walk order).  False with a
 * message for an id the questionnaire does not have. */
static bool
side_ids(mapping *m, map_entry *e, size_t x, bool to, const oids *o, diag_t *d)
{
  const questionnaire *q = o->q;
  const char **ids = to ? e->to : e->from;
  const unsigned char *ctl = to ? e->to_ctl : e->from_ctl;
  size_t n = to ? e->nto : e->nfrom;
  const char **out = NULL;
  size_t nout = 0;
  bool ok = true;
  for (size_t k = 0; k < n; k++)
    {
      size_t before = nout;
      for (size_t pos = 0; pos < q->nquestions; pos++)
        {
          if (strcmp(ctl[k] ? o->ctl[pos] : o->obj[pos], ids[k]) == 0)
            {
              out = xrealloc(out, (nout + 1) * sizeof *out);
              out[nout++] = q->questions[q->order[pos]].id;
            }
        }
      if (nout == before)
        {
          /* TRANSLATORS: "map 3 names the statement 'item-9_obj.a' in its targets, ..." */
          diag_add(d, m->path, e->line,
                   _("map %zu names the %s '%s' in its %s, which questionnaire '%s' version %s does not have; expected an id of its OSCAL catalog (kijun --export=oscal-catalog)"),
                   x + 1, ctl[k] ? "control" : "statement", ids[k], to ? "targets" : "sources", q->id, q->version);
          ok = false;
        }
    }
  for (size_t i = 0; i < nout && ok; i++)
    for (size_t j = 0; j < i; j++)
      if (strcmp(out[i], out[j]) == 0)
        {
          diag_add(d, m->path, e->line,
                   _("map %zu names question '%s' twice in its %s (an item holds it); expected each question once on each side"),
                   x + 1, out[i], to ? "targets" : "sources");
          ok = false;
          break;
        }
  if (!ok)
    {
      free(out);
      return false;
    }
  if (to)
    e->to = out, e->nto = nout;
  else
    e->from = out, e->nfrom = nout;
  free(ids);
  return true;
}

int
maposcal_translate(mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d)
{
  size_t before = diag_count(d);
  oids fo, to_;
  oids_make(&fo, from);
  oids_make(&to_, to);
  for (size_t i = 0; i < m->nentries; i++)
    {
      map_entry *e = &m->entries[i];
      /* Both sides, so that each side's problems are said. */
      bool from_ok = side_ids(m, e, i, false, &fo, d);
      bool to_ok = side_ids(m, e, i, true, &to_, d);
      if (!from_ok || !to_ok)
        continue;
      if ((e->relation == MAP_EQUAL || e->relation == MAP_EQUIVALENT) && (e->nfrom != 1 || e->nto != 1))
        {
          char where[64];
          snprintf(where, sizeof where, "map %zu", i + 1);
          diag_add(d, m->path, e->line,
                   _("%s is \"%s\" but maps %zu question(s) to %zu; expected one question on each side (use subset, superset or intersect)"),
                   where, map_relation_oscal(e->relation), e->nfrom, e->nto);
        }
    }
  oids_free(&fo);
  oids_free(&to_);
  return diag_count(d) > before ? EX_DATAERR : 0;
}

/* One gap summary against the side's unmapped questions. */
static void
check_gap(const mapping *m, const map_gap *g, const char *name, const questionnaire *q, bool to, diag_t *d)
{
  if (!g->given)
    return;
  bool *mapped = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *mapped);
  bool *listed = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *listed);
  map_mapped(m, to, q->nquestions, mapped);
  oids o;
  oids_make(&o, q);
  for (size_t k = 0; k < g->n; k++)
    {
      bool found = false;
      for (size_t pos = 0; pos < q->nquestions && !found; pos++)
        {
          size_t i = q->order[pos];
          if (strcmp(o.obj[pos], g->ids[k]) == 0)
            {
              found = true;
              listed[i] = true;
              if (mapped[i])
                diag_add(d, m->path, g->line,
                         _("%s lists '%s' (question %s) as unmapped, but a map names it; expected only the questions no map reaches"),
                         name, g->ids[k], q->questions[i].id);
            }
        }
      if (!found)
        diag_add(d, m->path, g->line,
                 _("%s lists '%s', which questionnaire '%s' version %s does not have; expected the objective ids of its unmapped questions"),
                 name, g->ids[k], q->id, q->version);
    }
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!mapped[i] && !listed[i])
        diag_add(d, m->path, g->line,
                 _("%s leaves out '%s' (question %s), which no map reaches; expected every unmapped question of '%s'"),
                 name, o.obj[pos], q->questions[i].id, q->id);
    }
  oids_free(&o);
  free(mapped);
  free(listed);
}

void
maposcal_check_gaps(const mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d)
{
  check_gap(m, &m->gap[0], "source-gap-summary", from, false, d);
  check_gap(m, &m->gap[1], "target-gap-summary", to, true, d);
}
