/* qn: questionnaire model, lookup indices, walk order, digest and the
 * names of the questionnaire vocabularies (tables in qn.h).
 *
 * The many small arrays a loader needs beside the big ones (references to
 * the local-government guideline, the ids a question replaces) come from
 * a chunked pool freed with the questionnaire, rather than one malloc
 * each. */
#include <config.h>
#include "model/qn.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "base/hset.h"
#include "base/xalloc.h"

/* ---- pool --------------------------------------------------------- */

#define POOL_CHUNK (64 * 1024)

struct qn_pool
{
  struct qn_pool *next;
  size_t used, size;
  max_align_t data[];
};

void *
qn_alloc(questionnaire *q, size_t size)
{
  const size_t align = sizeof(max_align_t);
  size = (size + align - 1) / align * align;
  qn_pool *p = q->pool;
  if (!p || p->size - p->used < size)
    {
      size_t bytes = size > POOL_CHUNK ? size : POOL_CHUNK;
      p = xmalloc(sizeof *p + bytes);
      p->used = 0;
      p->size = bytes;
      /* A big block goes behind the current chunk so the chunk's free
       * space is not wasted. */
      if (q->pool && bytes > POOL_CHUNK)
        {
          p->next = q->pool->next;
          q->pool->next = p;
        }
      else
        {
          p->next = q->pool;
          q->pool = p;
        }
    }
  void *r = (char *) p->data + p->used;
  p->used += size;
  memset(r, 0, size);
  return r;
}

/* ---- id index: open addressing, keyed SipHash ------------------------- */

/* A slot keeps the id's hash beside its index, so that a probe compares
 * ids only when the hashes agree: the ids' text lies all over memory,
 * and comparing it on every probe was a large part of indexing the old
 * ids of a questionnaire at its limits.  Indexes fit in 32 bits (the
 * limits allow far fewer values). */
struct qn_slot
{
  int32_t i;                  /* -1 = empty */
  uint32_t tag;               /* the hash's high bits */
};

struct qn_index
{
  size_t mask;
  struct qn_slot *slot;
};

/* Keyed (hset.h): ids crafted to collide cannot be made ahead. */
static uint64_t
hash_str(const char *s)
{
  return hset_hash(s);
}

typedef const char *(*id_of_fn)(const questionnaire *q, size_t i);

static const char *
question_id(const questionnaire *q, size_t i)
{
  return q->questions[i].id;
}

static const char *
section_id(const questionnaire *q, size_t i)
{
  return q->sections[i].id;
}

static const char *
retired_id(const questionnaire *q, size_t i)
{
  return q->retired[i].id;
}

static const char *
was_id(const questionnaire *q, size_t i)
{
  return q->was_ids[i];
}

static struct qn_index *
index_new(size_t n)
{
  struct qn_index *x = xmalloc(sizeof *x);
  size_t cap = 16;
  while (cap < n * 2)
    cap *= 2;
  x->mask = cap - 1;
  x->slot = xmalloc(cap * sizeof *x->slot);
  for (size_t h = 0; h < cap; h++)
    x->slot[h] = (struct qn_slot){ -1, 0 };
  return x;
}

/* The slot of id: where it is, or the empty slot where it would go. */
static size_t
index_slot(const questionnaire *q, const struct qn_index *x, id_of_fn id_of, const char *id, uint64_t full)
{
  uint32_t tag = (uint32_t) (full >> 32);
  size_t h = (size_t) full & x->mask;
  while (x->slot[h].i >= 0
         && (x->slot[h].tag != tag || strcmp(id_of(q, (size_t) x->slot[h].i), id) != 0))
    h = (h + 1) & x->mask;
  return h;
}

static struct qn_index *
index_build(const questionnaire *q, size_t n, id_of_fn id_of)
{
  struct qn_index *x = index_new(n);
  for (size_t i = 0; i < n; i++)
    {
      uint64_t full = hash_str(id_of(q, i));
      size_t h = index_slot(q, x, id_of, id_of(q, i), full);
      /* A duplicate keeps its first occurrence; the loader reports it. */
      if (x->slot[h].i < 0)
        x->slot[h] = (struct qn_slot){ (int32_t) i, (uint32_t) (full >> 32) };
    }
  return x;
}

static long
index_find(const questionnaire *q, const struct qn_index *x, id_of_fn id_of, const char *id)
{
  if (!x)
    return -1;
  size_t h = index_slot(q, x, id_of, id, hash_str(id));
  return x->slot[h].i;
}

static void
index_free(struct qn_index *x)
{
  if (x)
    free(x->slot);
  free(x);
}

long
qn_find_question(const questionnaire *q, const char *id)
{
  return index_find(q, q->qindex, question_id, id);
}

long
qn_find_section(const questionnaire *q, const char *id)
{
  return index_find(q, q->sindex, section_id, id);
}

const qn_retired *
qn_find_retired(const questionnaire *q, const char *id)
{
  long i = index_find(q, q->rindex, retired_id, id);
  return i < 0 ? NULL : &q->retired[i];
}

const size_t *
qn_successors(const questionnaire *q, const char *old_id, size_t *n)
{
  long k = index_find(q, q->windex, was_id, old_id);
  if (k < 0)
    {
      *n = 0;
      return NULL;
    }
  *n = q->was_start[k + 1] - q->was_start[k];
  return q->was_q + q->was_start[k];
}

static void
was_free(questionnaire *q)
{
  index_free(q->windex);
  free(q->was_ids);
  free(q->was_start);
  free(q->was_q);
  q->windex = NULL;
  q->was_ids = NULL;
  q->was_start = q->was_q = NULL;
  q->nwas_ids = 0;
}

/* Group the (old id, question) pairs by old id, each group in file
 * order, in one pass: the table that finds an id's group as the pairs
 * are read is kept as the index of the old ids (windex).  Each id is
 * hashed once; sorting the pairs by id (as this did before) was a fifth
 * of the time of checking a questionnaire at the limits. */
static void
was_build(questionnaire *q)
{
  was_free(q);
  size_t n = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    n += q->questions[i].nwas;
  if (n == 0)
    return;
  struct qn_index *x = index_new(n);
  q->was_ids = xmalloc(n * sizeof *q->was_ids);
  /* Per pair its group (SIZE_MAX: counted once already); per group its
   * size, then its next free place, and the last question that named it. */
  size_t *group = xmalloc(n * sizeof *group), *count = xcalloc(n, sizeof *count),
         *last = xmalloc(n * sizeof *last);
  size_t p = 0, ng = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    for (size_t k = 0; k < q->questions[i].nwas; k++, p++)
      {
        const char *id = q->questions[i].was[k];
        uint64_t full = hash_str(id);
        /* was_ids[0 .. ng) are the groups so far, which the slots index. */
        size_t h = index_slot(q, x, was_id, id, full);
        if (x->slot[h].i < 0)
          {
            x->slot[h] = (struct qn_slot){ (int32_t) ng, (uint32_t) (full >> 32) };
            q->was_ids[ng] = id;
            last[ng] = SIZE_MAX;
            ng++;
          }
        size_t g = (size_t) x->slot[h].i;
        /* A question naming an old id twice is reported by the loader;
         * it counts once here. */
        if (last[g] == i)
          {
            group[p] = SIZE_MAX;
            continue;
          }
        last[g] = i;
        group[p] = g;
        count[g]++;
      }
  q->nwas_ids = ng;
  q->was_start = xmalloc((ng + 1) * sizeof *q->was_start);
  size_t m = 0;
  for (size_t g = 0; g < ng; g++)
    {
      q->was_start[g] = m;
      m += count[g];
      count[g] = q->was_start[g];
    }
  q->was_start[ng] = m;
  q->was_q = xmalloc((m ? m : 1) * sizeof *q->was_q);
  p = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    for (size_t k = 0; k < q->questions[i].nwas; k++, p++)
      if (group[p] != SIZE_MAX)
        q->was_q[count[group[p]]++] = i;
  free(group), free(count), free(last);
  q->windex = x;
}

const qn_sector *
qn_find_sector(const questionnaire *q, const char *id)
{
  for (size_t i = 0; i < q->nsectors; i++)
    if (strcmp(q->sectors[i].id, id) == 0)
      return &q->sectors[i];
  return NULL;
}

long
qn_find_scope(const questionnaire *q, const char *id)
{
  for (size_t i = 0; i < q->nscopes; i++)
    if (strcmp(q->scopes[i].id, id) == 0)
      return (long) i;
  return -1;
}

/* ---- life cycle --------------------------------------------------------- */

questionnaire *
qn_new(void)
{
  questionnaire *q = xcalloc(1, sizeof(questionnaire));
  q->edition = 1;
  return q;
}

void
qn_free(questionnaire *q)
{
  if (!q)
    return;
  for (qn_pool *p = q->pool, *next; p; p = next)
    {
      next = p->next;
      free(p);
    }
  index_free(q->qindex);
  index_free(q->sindex);
  index_free(q->rindex);
  was_free(q);
  if (q->keep_free)
    q->keep_free(q->keep);
  free(q->order);
  free(q->rank);
  free(q->questions);
  free(q->sections);
  free(q->sectors);
  free(q->retired);
  free(q->scopes);
  free(q->path);
  free(q);
}

/* A count or a kind, as 8 bytes. */
static void
digest_num(struct sha256_ctx *c, uint64_t v)
{
  uint8_t b[8];
  for (int i = 0; i < 8; i++)
    b[i] = (uint8_t) (v >> (8 * i));
  sha256_update(c, sizeof b, b);
}

/* Feed a length-prefixed field into the hash, so that ("ab","c") and
 * ("a","bc") differ. */
static void
digest_str(struct sha256_ctx *c, const char *s)
{
  size_t n = s ? strlen(s) : 0;
  digest_num(c, n);
  if (n)
    sha256_update(c, n, (const uint8_t *) s);
}

/* A field that may be absent: a present empty string and an absent one
 * differ. */
static void
digest_opt(struct sha256_ctx *c, const char *s)
{
  digest_num(c, s != NULL);
  if (s)
    digest_str(c, s);
}

static void
digest_text(struct sha256_ctx *c, const qn_text *t)
{
  digest_num(c, LANG_COUNT);
  for (int l = 0; l < LANG_COUNT; l++)
    digest_opt(c, t->s[l]);
}

/* The kinds of things hashed; each list is hashed as its kind and its
 * length, then its entries, each under its own kind, so that moving an
 * entry from one list to another, or splitting a list differently,
 * changes the digest even when the strings are the same (issue 10). */
enum { DG_SECTORS = 1, DG_SECTOR, DG_SECTIONS, DG_SECTION, DG_LG, DG_QUESTIONS, DG_QUESTION,
       DG_WAS, DG_RETIRED_LIST, DG_RETIRED, DG_SCOPES, DG_SCOPE, DG_APPLIES };

/* The digest covers what a respondent answers to (ids, structure and
 * every text) but not comments or layout, so reformatting a file keeps
 * existing answers valid while rewording a question does not. */
static void
compute_digest(const questionnaire *q, char *out)
{
  struct sha256_ctx c;
  sha256_init(&c);
  digest_str(&c, "kijun-questionnaire-digest-2");
  digest_str(&c, q->id);
  digest_str(&c, q->version);
  digest_num(&c, q->edition);
  digest_text(&c, &q->title);
  digest_text(&c, &q->source);
  /* Only when given, so that the digest of a file without guidance is
   * what it was before the setting existed. */
  if (qn_text_given(&q->guidance))
    digest_text(&c, &q->guidance);
  digest_num(&c, DG_SECTORS);
  digest_num(&c, q->nsectors);
  for (size_t i = 0; i < q->nsectors; i++)
    {
      digest_num(&c, DG_SECTOR);
      digest_str(&c, q->sectors[i].id);
      digest_text(&c, &q->sectors[i].name);
    }
  digest_num(&c, DG_SECTIONS);
  digest_num(&c, q->nsections);
  for (size_t i = 0; i < q->nsections; i++)
    {
      const qn_section *s = &q->sections[i];
      digest_num(&c, DG_SECTION);
      digest_str(&c, s->id);
      digest_text(&c, &s->title);
      digest_str(&c, qn_lgstate_key(s->lg_state));
      digest_num(&c, s->nlg);
      for (size_t k = 0; k < s->nlg; k++)
        {
          digest_num(&c, DG_LG);
          digest_str(&c, qn_lgpart_key(s->lg[k].part));
          digest_text(&c, &s->lg[k].items);
        }
      digest_text(&c, &s->lg_note);
      digest_text(&c, &s->level_note);
    }
  digest_num(&c, DG_QUESTIONS);
  digest_num(&c, q->nquestions);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      digest_num(&c, DG_QUESTION);
      digest_str(&c, x->id);
      digest_str(&c, q->sections[x->section].id);
      digest_str(&c, qn_phase_key(x->phase));
      digest_str(&c, qn_level_key(x->level));
      digest_str(&c, qn_basis_key(x->basis));
      /* One reference "GV" digests as edition 1 and 2 files did. */
      char csf[QN_CSF_TEXT_SIZE];
      digest_str(&c, qn_csf_text(x, csf, sizeof csf));
      digest_text(&c, &x->text);
      digest_text(&c, &x->hint);
      digest_text(&c, &x->level_note);
      digest_num(&c, x->revision);
      digest_num(&c, DG_WAS);
      digest_num(&c, x->nwas);
      for (size_t k = 0; k < x->nwas; k++)
        digest_str(&c, x->was[k]);
    }
  digest_num(&c, DG_RETIRED_LIST);
  digest_num(&c, q->nretired);
  for (size_t i = 0; i < q->nretired; i++)
    {
      digest_num(&c, DG_RETIRED);
      digest_str(&c, q->retired[i].id);
      digest_num(&c, q->retired[i].edition);
      digest_text(&c, &q->retired[i].note);
    }
  /* Scope questions and the questions' conditions; hashed only when
   * there are any, so that a questionnaire without them keeps the digest
   * it had before they existed. */
  if (q->nscopes)
    {
      digest_num(&c, DG_SCOPES);
      digest_num(&c, q->nscopes);
      for (size_t i = 0; i < q->nscopes; i++)
        {
          digest_num(&c, DG_SCOPE);
          digest_str(&c, q->scopes[i].id);
          digest_text(&c, &q->scopes[i].text);
          digest_text(&c, &q->scopes[i].absent);
        }
      for (size_t i = 0; i < q->nquestions; i++)
        if (q->questions[i].napplies)
          {
            digest_num(&c, DG_APPLIES);
            digest_str(&c, q->questions[i].id);
            digest_num(&c, q->questions[i].napplies);
            for (size_t k = 0; k < q->questions[i].napplies; k++)
              digest_str(&c, q->scopes[q->questions[i].applies[k]].id);
          }
    }
  uint8_t sum[SHA256_DIGEST_SIZE];
  sha256_digest(&c, sizeof sum, sum);
  static const char hex[] = "0123456789abcdef";
  char *p = out + sprintf(out, "sha256:");
  for (size_t i = 0; i < sizeof sum; i++)
    {
      *p++ = hex[sum[i] >> 4];
      *p++ = hex[sum[i] & 15];
    }
  *p = '\0';
}

void
qn_finish(questionnaire *q)
{
  /* Walk order: by phase, then by section, then as in the file.  A
   * counting sort keeps this linear in the number of questions. */
  size_t nkeys = (size_t) QN_PHASE_COUNT * (q->nsections ? q->nsections : 1);
  size_t *start = xcalloc(nkeys + 1, sizeof *start);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      start[(size_t) x->phase * q->nsections + x->section + 1]++;
    }
  for (size_t k = 0; k < nkeys; k++)
    start[k + 1] += start[k];
  free(q->order);
  free(q->rank);
  q->order = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *q->order);
  q->rank = xmalloc((q->nquestions ? q->nquestions : 1) * sizeof *q->rank);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      size_t pos = start[(size_t) x->phase * q->nsections + x->section]++;
      q->order[pos] = i;
      q->rank[i] = pos;
    }
  free(start);

  for (size_t i = 0; i < q->nsections; i++)
    q->sections[i].nquestions = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    q->sections[q->questions[i].section].nquestions++;

  index_free(q->qindex);
  index_free(q->sindex);
  index_free(q->rindex);
  q->qindex = index_build(q, q->nquestions, question_id);
  q->sindex = index_build(q, q->nsections, section_id);
  q->rindex = index_build(q, q->nretired, retired_id);
  was_build(q);
  q->digest_[0] = '\0';
}

const char *
qn_digest(const questionnaire *q)
{
  /* The cache is not part of the questionnaire's observable state. */
  questionnaire *mq = (questionnaire *) q;
  if (!mq->digest_[0])
    compute_digest(q, mq->digest_);
  return mq->digest_;
}

bool
qn_text_given(const qn_text *t)
{
  for (int l = 0; l < LANG_COUNT; l++)
    if (t->s[l] && *t->s[l])
      return true;
  return false;
}

const char *
qn_tr(const qn_text *t, enum lang l)
{
  if (t->s[l] && *t->s[l])
    return t->s[l];
  const char *other = t->s[l == LANG_JA ? LANG_EN : LANG_JA];
  return other ? other : "";
}

/* ---- names -------------------------------------------------------------- */

#define KEY_(id, key, label) key,
#define LABEL_(id, key, label) label,
static const char *const phase_keys[] = { QN_PHASE_TABLE(KEY_) };
static const char *const level_keys[] = { QN_LEVEL_TABLE(KEY_) };
#define KEY4_(id, key, label, desc) key,
#define LABEL4_(id, key, label, desc) label,
#define DESC4_(id, key, label, desc) desc,
static const char *const basis_keys[] = { QN_BASIS_TABLE(KEY4_) };
static const char *const lgpart_keys[] = { QN_LGPART_TABLE(KEY_) };
static const char *const lgstate_keys[] = { QN_LGSTATE_TABLE(KEY_) };
static const char *const phase_labels[] = { QN_PHASE_TABLE(LABEL_) };
static const char *const level_labels[] = { QN_LEVEL_TABLE(LABEL_) };
static const char *const basis_labels[] = { QN_BASIS_TABLE(LABEL4_) };
static const char *const basis_descs[] = { QN_BASIS_TABLE(DESC4_) };
#undef KEY4_
#undef LABEL4_
#undef DESC4_
static const char *const lgstate_labels[] = { QN_LGSTATE_TABLE(LABEL_) };
static const char *const lgpart_labels[] = { QN_LGPART_TABLE(LABEL_) };
#undef KEY_
#undef LABEL_

#define COUNT_(a) (int) (sizeof a / sizeof a[0])
_Static_assert(COUNT_(phase_keys) == QN_PHASE_COUNT && COUNT_(phase_labels) == QN_PHASE_COUNT, "phases");
_Static_assert(COUNT_(level_keys) == QN_LEVEL_COUNT && COUNT_(level_labels) == QN_LEVEL_COUNT, "levels");
_Static_assert(COUNT_(basis_keys) == QN_BASIS_COUNT && COUNT_(basis_labels) == QN_BASIS_COUNT
               && COUNT_(basis_descs) == QN_BASIS_COUNT, "bases");
_Static_assert(COUNT_(lgpart_keys) == QN_LG_COUNT && COUNT_(lgpart_labels) == QN_LG_COUNT, "LG parts");
_Static_assert(COUNT_(lgstate_keys) == QN_LGSTATE_COUNT && COUNT_(lgstate_labels) == QN_LGSTATE_COUNT,
               "LG states");

/* The optional settings' "none" entries are not named in files. */
const vocab qn_phase_vocab = { phase_keys, COUNT_(phase_keys), 0 };
const vocab qn_level_vocab = { level_keys, COUNT_(level_keys), 0 };
const vocab qn_basis_vocab = { basis_keys, COUNT_(basis_keys), QN_BASIS_NONE + 1 };
const vocab qn_lgpart_vocab = { lgpart_keys, COUNT_(lgpart_keys), 0 };
#undef COUNT_

const char *qn_phase_key(enum qn_phase p) { return phase_keys[p]; }
const char *qn_level_key(enum qn_level l) { return level_keys[l]; }
const char *qn_basis_key(enum qn_basis b) { return basis_keys[b]; }

const char *
qn_csf_text(const qn_question *x, char *buf, size_t size)
{
  size_t len = 0;
  buf[0] = '\0';
  for (size_t k = 0; k < x->ncsf && len < size; k++)
    {
      char one[CSF_REF_SIZE];
      len += (size_t) snprintf(buf + len, size - len, "%s%s", k ? "," : "", csf_ref_text(&x->csf[k], one));
    }
  return buf;
}
const char *qn_lgpart_key(enum qn_lgpart p) { return lgpart_keys[p]; }
const char *qn_lgstate_key(enum qn_lgstate s) { return lgstate_keys[s]; }
const char *qn_phase_name(enum qn_phase p) { return _(phase_labels[p]); }
const char *qn_level_name(enum qn_level l) { return _(level_labels[l]); }
const char *qn_basis_name(enum qn_basis b) { return _(basis_labels[b]); }
const char *qn_lgpart_name(enum qn_lgpart p) { return _(lgpart_labels[p]); }
const char *qn_basis_desc(enum qn_basis b) { return _(basis_descs[b]); }
const char *qn_lgstate_name(enum qn_lgstate s) { return lgstate_labels[s] ? _(lgstate_labels[s]) : NULL; }
