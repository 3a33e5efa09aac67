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
 * X(ID, KEY, LABEL), MAP_<ID>, the word in mapping files and the name for
 * people. */
#define MAP_RELATION_TABLE(X) \
  /* TRANSLATORS: old questions equal to / part of / more than / overlapping the new. */ \
  X(EQUAL, "equal", N_("equal")) \
  X(SUBSET, "subset", N_("narrower")) \
  X(SUPERSET, "superset", N_("broader")) \
  X(INTERSECT, "intersect", N_("overlapping"))

enum map_relation
{
#define MAP_ENUM_(id, key, label) MAP_##id,
  MAP_RELATION_TABLE(MAP_ENUM_)
#undef MAP_ENUM_
  MAP_RELATION_COUNT
};

typedef struct map_entry
{
  const char **from, **to;    /* question ids */
  size_t nfrom, nto;
  size_t *from_q, *to_q;      /* their question indices, set by map_bind */
  enum map_relation relation;
  qn_text note;               /* optional */
  int line;
} map_entry;

typedef struct mapping
{
  char *path;
  const char *from_id, *from_version, *to_id, *to_version;
  int from_line, to_line;     /* of the from and to groups */
  map_entry *entries;
  size_t nentries;
  bool bound;                 /* map_bind succeeded */
  config_t *keep;             /* the parsed file the strings point into */
} mapping;

/* Whether the parsed file of r is a mapping (it has kijun_mapping). */
bool map_is_mapping(const cfg_reader *r);
/* Parse and check path.  Returns 0 and sets *out, or a sysexits status
 * (EX_NOINPUT, EX_DATAERR) with every problem in d and *out NULL. */
int map_read(const char *path, diag_t *d, mapping **out);
/* The same from a file cfg_open has opened with status open_rc; takes
 * the parsed tree from r. */
int map_read_reader(cfg_reader *r, int open_rc, mapping **out);
/* Check every question id against from and to and resolve them.
 * Returns 0, or EX_DATAERR with every problem in d. */
int map_bind(mapping *m, const questionnaire *from, const questionnaire *to, diag_t *d);
void map_free(mapping *m);

/* The key used in files ("equal") and a name for people. */
const char *map_relation_key(enum map_relation r);
int map_relation_parse(const char *s);
extern const vocab map_relation_vocab;
const char *map_relation_name(enum map_relation r);

#endif
