/* mapping: a mapping file (libconfig), documented in kijun-mapping(5): how
 * the questions of one questionnaire correspond to those of another, so
 * that answers can be carried to a new standard.
 *
 * Like an answers file, a mapping names the questionnaires it joins, so
 * opening one takes two steps: map_read parses it, checks its shape and
 * tells which questionnaires it names (from, to); the caller finds them;
 * map_bind checks every question id against them and resolves the ids to
 * question indices. */
#ifndef KIJUN_MAPPING_H
#define KIJUN_MAPPING_H

#include <stdbool.h>
#include <stddef.h>

#include "io/cfgread.h"
#include "base/diag.h"
#include "model/qn.h"
#include "base/vocab.h"

#define MAP_FORMAT 1

/* How the source questions of an entry relate to its target questions,
 * read as "the source questions are ... the target questions":
 * X(ID, KEY, LABEL, OSCAL), MAP_<ID>, the word in mapping files, the name
 * for people and the relationship token of an OSCAL 1.2 mapping. */
#define MAP_RELATION_TABLE(X) \
  /* TRANSLATORS: old questions equal to / the same in substance as / part of / more than / \
     overlapping / unrelated to the new. */ \
  X(EQUAL, "equal", N_("equal"), "equal-to") \
  X(EQUIVALENT, "equivalent", N_("equivalent"), "equivalent-to") \
  X(SUBSET, "subset", N_("narrower"), "subset-of") \
  X(SUPERSET, "superset", N_("broader"), "superset-of") \
  X(INTERSECT, "intersect", N_("overlapping"), "intersects-with") \
  X(NONE, "none", N_("unrelated"), "no-relationship")

/* Who made a mapping (provenance method): X(ID, KEY). */
#define MAP_METHOD_TABLE(X) \
  X(HUMAN, "human") \
  X(AUTOMATION, "automation") \
  X(HYBRID, "hybrid")

/* How far a mapping is finished (provenance status): X(ID, KEY).  A draft
 * mapping carries no answer as certain. */
#define MAP_STATUS_TABLE(X) \
  X(COMPLETE, "complete") \
  X(DRAFT, "draft")

enum map_relation
{
#define MAP_ENUM_(id, key, label, oscal) MAP_##id,
  MAP_RELATION_TABLE(MAP_ENUM_)
#undef MAP_ENUM_
  MAP_RELATION_COUNT
};

#define MAP_ENUM2_(id, key) MAP_##id,
enum map_method { MAP_METHOD_TABLE(MAP_ENUM2_) MAP_METHOD_COUNT };
enum map_status { MAP_STATUS_TABLE(MAP_ENUM2_) MAP_STATUS_COUNT };
#undef MAP_ENUM2_

typedef struct map_entry
{
  const char **from, **to;    /* question ids */
  size_t nfrom, nto;
  size_t *from_q, *to_q;      /* their question indices, set by map_bind */
  enum map_relation relation;
  qn_text note;               /* optional */
  int line;
  /* An OSCAL mapping names objectives and items by their OSCAL ids
   * (model/oscalid.h), not questions: 1 where the id names an item
   * (a control: all its questions), 0 an objective.  map_bind turns them
   * into question ids.  NULL in kijun's own files. */
  unsigned char *from_ctl, *to_ctl;
} map_entry;

/* An OSCAL gap summary: the ids it says no map reaches. */
typedef struct map_gap
{
  const char **ids;
  size_t n;
  int line;
  bool given;
} map_gap;

typedef struct mapping
{
  char *path;
  const char *from_id, *from_version, *to_id, *to_version;
  int from_line, to_line;     /* of the from and to groups */
  /* provenance (optional in the file: human, complete) */
  enum map_method method;
  enum map_status status;
  map_entry *entries;
  size_t nentries;
  bool bound;                 /* map_bind succeeded */
  config_t *keep;             /* the parsed file the strings point into */
  /* Read from an OSCAL mapping collection (io/maposcal.h): */
  bool oscal;
  const char *confidence;     /* the provenance's confidence, as given, or NULL */
  map_gap gap[2];             /* the source and target gap summaries */
  struct jv *json;            /* the parsed document the strings point into */
} mapping;

/* Whether the parsed file of r is a mapping (it has kijun_mapping). */
bool map_is_mapping(const cfg_reader *r);
/* Parse and check path: kijun's own mapping file, or an OSCAL 1.2
 * mapping collection in JSON (told apart by the first character).  Returns 0 and sets *out, or a sysexits status
 * (EX_NOINPUT, EX_DATAERR) with every problem in d and *out NULL. */
int map_read(const char *path, diag_t *d, mapping **out);
/* The same from a file cfg_open has opened with status open_rc; takes
 * the parsed tree from r. */
int map_read_reader(cfg_reader *r, int open_rc, mapping **out);
/* Check every question id against from and to and resolve them.
 * Returns 0, or EX_DATAERR with every problem in d. */
int map_bind(mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d);
void map_free(mapping *m);
/* For each question of one side of a bound mapping (to: the target),
 * whether an entry of a relation other than none names it: mapped[nq].
 * The questions left false are the side's gap. */
void map_mapped(const mapping *m, bool to, size_t nq, bool *mapped);

/* The key used in files ("equal") and a name for people. */
const char *map_relation_key(enum map_relation r);
int map_relation_parse(const char *s);
extern const vocab map_relation_vocab;
const char *map_relation_name(enum map_relation r);
const char *map_relation_oscal(enum map_relation r);
extern const vocab map_method_vocab, map_status_vocab;
const char *map_method_key(enum map_method m);
const char *map_status_key(enum map_status s);

#endif
