/* qcache: compiled questionnaires.  See qcache.h for why and when.
 *
 * An entry is one file: a header, then fixed-size records whose strings
 * are offsets into a blob of NUL-terminated strings at the end.  Records
 * are written in the machine's own byte order; the header's marker and
 * sizes reject an entry from another kind of machine.  Entries are named
 * and sealed with HMAC-SHA256 under a key of the user's own that is not
 * in the cache folder, so that nothing written there by anyone else (or
 * copied from another machine) is ever trusted. */
#include <config.h>
#include "io/qcache.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include <fcntl.h>
#include <sys/random.h>

#include <nettle/hmac.h>
#include <nettle/sha2.h>

#include "io/afile.h"
#include "io/cfgread.h"
#include "io/qcache-key.h"
#include "io/paths.h"
#include "io/qload.h"
#include "base/xalloc.h"

#define MAGIC "KIJUNQC6"
#define NOSTR UINT32_MAX

struct header
{
  char magic[8];
  uint32_t order_mark;        /* 0x01020304 in the writer's byte order */
  uint32_t sizes;             /* sizeof of the records, packed */
  char loader[64];            /* QCACHE_LOADER of the writer */
  uint8_t source[32];         /* the entry's name: HMAC of the loader and the file's bytes */
  uint8_t check[32];          /* HMAC of the header (this field zero) and the records */
  uint32_t sizes2;            /* sizeof of the retired record */
  uint32_t sizes3;            /* sizeof of the scope record */
  uint32_t nsectors, nsections, nlg, nquestions, nretired, nwas, blob;
  uint32_t nscopes, napplies;
  uint32_t id, version_s, title[2], source_t[2], guidance_t[2], edition;
};

struct rsector { uint32_t id, name[2]; };
struct rsection { uint32_t id, title[2], nlg, lg_first, lg_state, lg_note[2], level_note[2]; int32_t line; };
struct rlg { uint32_t part, items[2]; };
struct rquestion
{
  uint32_t id, section, text[2], hint[2], level_note[2], revision, nwas, was_first;
  uint32_t napplies, applies_first;
  uint32_t csf;               /* the references' text, "GV.OC,GV.RM-01" (NOSTR: none) */
  uint8_t phase, level, basis, pad_;
  int32_t line;
};
struct rretired { uint32_t id, edition, note[2]; int32_t line; };
struct rscope { uint32_t id, text[2], absent[2]; int32_t line; };

#define SIZES ((uint32_t) (sizeof(struct rsector) | sizeof(struct rsection) << 8 \
                           | sizeof(struct rlg) << 16 | sizeof(struct rquestion) << 24))

char *
qcache_dir(void)
{
  return path_xdg("XDG_CACHE_HOME", ".cache", NULL);
}

/* The user's cache key: 32 random bytes in a file of their own, outside
 * the cache folder ($XDG_STATE_HOME/kijun/cache-key, mode 0600), made on
 * first use.  False when there is none and none can be made: then the
 * cache is not used at all. */
static bool
cache_key(uint8_t key[32])
{
  char *path = path_xdg("XDG_STATE_HOME", ".local/state", "cache-key");
  if (!path)
    return false;
  bool ok = false;
  for (int attempt = 0; attempt < 2 && !ok; attempt++)
    {
      struct stat st;
      int fd = afile_open_read(path, &st);
      if (fd >= 0)
        {
          /* Only a key that nobody else can have written or read. */
          ok = st.st_size == 32 && st.st_uid == geteuid() && (st.st_mode & 077) == 0
               && read(fd, key, 32) == 32;
          close(fd);
          break;
        }
      if (errno != ENOENT || afile_make_parents(path, NULL) != 0)
        break;
      uint8_t fresh[32];
      if (getrandom(fresh, sizeof fresh, 0) != (ssize_t) sizeof fresh)
        break;
      fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0)
        continue;             /* made by another kijun meanwhile: read it */
      bool written = write(fd, fresh, sizeof fresh) == (ssize_t) sizeof fresh;
      if (close(fd) != 0 || !written)
        {
          unlink(path);
          break;
        }
      memcpy(key, fresh, 32);
      ok = true;
    }
  free(path);
  return ok;
}

/* The name of an entry for these bytes: HMAC of the loader's identity
 * (another build never reads it) and the file's bytes. */
static void
name_of(const uint8_t key[32], const char *text, size_t len, uint8_t out[32])
{
  struct hmac_sha256_ctx c;
  hmac_sha256_set_key(&c, 32, key);
  hmac_sha256_update(&c, sizeof QCACHE_LOADER - 1, (const uint8_t *) QCACHE_LOADER);
  hmac_sha256_update(&c, len, (const uint8_t *) text);
  hmac_sha256_digest(&c, 32, out);
}

/* The seal of an entry: HMAC of its header (check zeroed) and records. */
static void
seal(const uint8_t key[32], const char *entry, size_t size, uint8_t out[32])
{
  struct header h;
  memcpy(&h, entry, sizeof h);
  memset(h.check, 0, sizeof h.check);
  struct hmac_sha256_ctx c;
  hmac_sha256_set_key(&c, 32, key);
  hmac_sha256_update(&c, sizeof h, (const uint8_t *) &h);
  hmac_sha256_update(&c, size - sizeof h, (const uint8_t *) entry + sizeof h);
  hmac_sha256_digest(&c, 32, out);
}

static char *
entry_path(const uint8_t source[32])
{
  char *dir = qcache_dir();
  if (!dir)
    return NULL;
  char hex[65];
  for (int i = 0; i < 32; i++)
    sprintf(hex + 2 * i, "%02x", source[i]);
  char *p = xasprintf("%s/%s.qc", dir, hex);
  free(dir);
  return p;
}

/* ---- writing -------------------------------------------------------------- */

struct blob
{
  char *data;
  size_t len, cap;
};

static uint32_t
put(struct blob *b, const char *s)
{
  if (!s)
    return NOSTR;
  size_t n = strlen(s) + 1;
  b->data = xgrow(b->data, &b->cap, b->len + n, 1);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  return (uint32_t) (b->len - n);
}

struct entry
{
  struct header h;
  struct rsector *sec;
  struct rsection *sct;
  struct rlg *lg;
  struct rquestion *qs;
  struct rretired *ret;
  uint32_t *was;
  struct rscope *scp;
  uint32_t *app;              /* applies: scope indices */
  struct blob b;
};

static int
write_entry(FILE *f, void *ctx)
{
  struct entry *e = ctx;
  fwrite(&e->h, sizeof e->h, 1, f);
  fwrite(e->sec, sizeof *e->sec, e->h.nsectors, f);
  fwrite(e->sct, sizeof *e->sct, e->h.nsections, f);
  fwrite(e->lg, sizeof *e->lg, e->h.nlg, f);
  fwrite(e->qs, sizeof *e->qs, e->h.nquestions, f);
  fwrite(e->ret, sizeof *e->ret, e->h.nretired, f);
  fwrite(e->was, sizeof *e->was, e->h.nwas, f);
  fwrite(e->scp, sizeof *e->scp, e->h.nscopes, f);
  fwrite(e->app, sizeof *e->app, e->h.napplies, f);
  fwrite(e->b.data, 1, e->b.len, f);
  return ferror(f) ? EX_IOERR : 0;
}

/* seal() of an entry still in parts. */
static void
seal_parts(const uint8_t key[32], const struct entry *e, uint8_t out[32])
{
  struct header h = e->h;
  memset(h.check, 0, sizeof h.check);
  struct hmac_sha256_ctx c;
  hmac_sha256_set_key(&c, 32, key);
  hmac_sha256_update(&c, sizeof h, (const uint8_t *) &h);
  hmac_sha256_update(&c, sizeof *e->sec * e->h.nsectors, (const uint8_t *) e->sec);
  hmac_sha256_update(&c, sizeof *e->sct * e->h.nsections, (const uint8_t *) e->sct);
  hmac_sha256_update(&c, sizeof *e->lg * e->h.nlg, (const uint8_t *) e->lg);
  hmac_sha256_update(&c, sizeof *e->qs * e->h.nquestions, (const uint8_t *) e->qs);
  hmac_sha256_update(&c, sizeof *e->ret * e->h.nretired, (const uint8_t *) e->ret);
  hmac_sha256_update(&c, sizeof *e->was * e->h.nwas, (const uint8_t *) e->was);
  hmac_sha256_update(&c, sizeof *e->scp * e->h.nscopes, (const uint8_t *) e->scp);
  hmac_sha256_update(&c, sizeof *e->app * e->h.napplies, (const uint8_t *) e->app);
  hmac_sha256_update(&c, e->b.len, (const uint8_t *) e->b.data);
  hmac_sha256_digest(&c, 32, out);
}

static void
store(const questionnaire *q, const uint8_t key[32], const uint8_t source[32], const char *path)
{
  struct entry e = { 0 };
  memcpy(e.h.magic, MAGIC, 8);
  e.h.order_mark = 0x01020304;
  e.h.sizes = SIZES;
  e.h.sizes2 = (uint32_t) sizeof(struct rretired);
  e.h.sizes3 = (uint32_t) sizeof(struct rscope);
  memcpy(e.h.loader, QCACHE_LOADER, sizeof e.h.loader);
  memcpy(e.h.source, source, 32);
  e.h.nsectors = (uint32_t) q->nsectors;
  e.h.nsections = (uint32_t) q->nsections;
  e.h.nquestions = (uint32_t) q->nquestions;
  e.h.edition = q->edition;
  e.h.nretired = (uint32_t) q->nretired;
  put(&e.b, "");
  e.h.id = put(&e.b, q->id);
  e.h.version_s = put(&e.b, q->version);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      e.h.title[l] = put(&e.b, q->title.s[l]);
      e.h.source_t[l] = put(&e.b, q->source.s[l]);
      e.h.guidance_t[l] = put(&e.b, q->guidance.s[l]);
    }
  e.sec = xcalloc(q->nsectors ? q->nsectors : 1, sizeof *e.sec);
  for (size_t i = 0; i < q->nsectors; i++)
    {
      e.sec[i].id = put(&e.b, q->sectors[i].id);
      for (int l = 0; l < LANG_COUNT; l++)
        e.sec[i].name[l] = put(&e.b, q->sectors[i].name.s[l]);
    }
  size_t nlg = 0;
  for (size_t i = 0; i < q->nsections; i++)
    nlg += q->sections[i].nlg;
  e.h.nlg = (uint32_t) nlg;
  e.sct = xcalloc(q->nsections ? q->nsections : 1, sizeof *e.sct);
  e.lg = xcalloc(nlg ? nlg : 1, sizeof *e.lg);
  nlg = 0;
  for (size_t i = 0; i < q->nsections; i++)
    {
      const qn_section *s = &q->sections[i];
      e.sct[i] = (struct rsection){ put(&e.b, s->id), { put(&e.b, s->title.s[0]), put(&e.b, s->title.s[1]) },
                                    (uint32_t) s->nlg, (uint32_t) nlg, (uint32_t) s->lg_state,
                                    { put(&e.b, s->lg_note.s[0]), put(&e.b, s->lg_note.s[1]) },
                                    { put(&e.b, s->level_note.s[0]), put(&e.b, s->level_note.s[1]) },
                                    s->line };
      for (size_t k = 0; k < s->nlg; k++, nlg++)
        e.lg[nlg] = (struct rlg){ (uint32_t) s->lg[k].part,
                                  { put(&e.b, s->lg[k].items.s[0]), put(&e.b, s->lg[k].items.s[1]) } };
    }
  e.h.nscopes = (uint32_t) q->nscopes;
  e.scp = xcalloc(q->nscopes ? q->nscopes : 1, sizeof *e.scp);
  for (size_t i = 0; i < q->nscopes; i++)
    {
      const qn_scope *x = &q->scopes[i];
      e.scp[i] = (struct rscope){ put(&e.b, x->id), { put(&e.b, x->text.s[0]), put(&e.b, x->text.s[1]) },
                                  { put(&e.b, x->absent.s[0]), put(&e.b, x->absent.s[1]) }, x->line };
    }
  size_t napp = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    napp += q->questions[i].napplies;
  e.h.napplies = (uint32_t) napp;
  e.app = xcalloc(napp ? napp : 1, sizeof *e.app);
  napp = 0;
  size_t nwas = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    nwas += q->questions[i].nwas;
  e.h.nwas = (uint32_t) nwas;
  e.was = xcalloc(nwas ? nwas : 1, sizeof *e.was);
  nwas = 0;
  e.qs = xcalloc(q->nquestions ? q->nquestions : 1, sizeof *e.qs);
  for (size_t i = 0; i < q->nquestions; i++)
    {
      const qn_question *x = &q->questions[i];
      char csf[QN_CSF_TEXT_SIZE];
      qn_csf_text(x, csf, sizeof csf);
      e.qs[i] = (struct rquestion){ put(&e.b, x->id), (uint32_t) x->section,
                                    { put(&e.b, x->text.s[0]), put(&e.b, x->text.s[1]) },
                                    { put(&e.b, x->hint.s[0]), put(&e.b, x->hint.s[1]) },
                                    { put(&e.b, x->level_note.s[0]), put(&e.b, x->level_note.s[1]) },
                                    x->revision, (uint32_t) x->nwas, (uint32_t) nwas,
                                    (uint32_t) x->napplies, (uint32_t) napp,
                                    x->ncsf ? put(&e.b, csf) : NOSTR,
                                    (uint8_t) x->phase, (uint8_t) x->level, (uint8_t) x->basis, 0,
                                    x->line };
      for (size_t k = 0; k < x->nwas; k++)
        e.was[nwas++] = put(&e.b, x->was[k]);
      for (size_t k = 0; k < x->napplies; k++)
        e.app[napp++] = (uint32_t) x->applies[k];
    }
  e.ret = xcalloc(q->nretired ? q->nretired : 1, sizeof *e.ret);
  for (size_t i = 0; i < q->nretired; i++)
    {
      const qn_retired *x = &q->retired[i];
      e.ret[i] = (struct rretired){ put(&e.b, x->id), x->edition,
                                    { put(&e.b, x->note.s[0]), put(&e.b, x->note.s[1]) }, x->line };
    }
  e.h.blob = (uint32_t) e.b.len;
  seal_parts(key, &e, e.h.check);
  /* A cache that cannot be written is only a slower next start. */
  if (afile_make_parents(path, NULL) == 0)
    afile_write(path, write_entry, &e, NULL);
  free(e.sec);
  free(e.sct);
  free(e.lg);
  free(e.qs);
  free(e.ret);
  free(e.was);
  free(e.scp);
  free(e.app);
  free(e.b.data);
}

/* ---- reading -------------------------------------------------------------- */

static const char *
str_at(const char *blob, uint32_t size, uint32_t off, bool *bad)
{
  if (off == NOSTR)
    return NULL;
  if (off >= size)
    {
      *bad = true;
      return NULL;
    }
  return blob + off;
}

/* Build the questionnaire from a verified entry; NULL if any offset or
 * value is out of range. */
static questionnaire *
rebuild(char *buf, const char *path)
{
  struct header h;
  memcpy(&h, buf, sizeof h);
  char *p = buf + sizeof h;
  struct rsector *sec = (struct rsector *) p;
  p += sizeof *sec * h.nsectors;
  struct rsection *sct = (struct rsection *) p;
  p += sizeof *sct * h.nsections;
  struct rlg *lg = (struct rlg *) p;
  p += sizeof *lg * h.nlg;
  struct rquestion *qs = (struct rquestion *) p;
  p += sizeof *qs * h.nquestions;
  struct rretired *ret = (struct rretired *) p;
  p += sizeof *ret * h.nretired;
  uint32_t *was = (uint32_t *) p;
  p += sizeof *was * h.nwas;
  struct rscope *scp = (struct rscope *) p;
  p += sizeof *scp * h.nscopes;
  uint32_t *app = (uint32_t *) p;
  p += sizeof *app * h.napplies;
  const char *blob = p;
  /* Every string is read up to its NUL: a blob that does not end in one
   * is refused before any string is looked at. */
  if (h.blob == 0 || blob[h.blob - 1] != '\0')
    return NULL;
  bool bad = false;

  questionnaire *q = qn_new();
  q->path = xstrdup(path);
  q->keep = buf;
  q->cached = true;
  q->keep_free = free;
  q->edition = h.edition;
  bad |= h.edition < 1;
  q->id = str_at(blob, h.blob, h.id, &bad);
  q->version = str_at(blob, h.blob, h.version_s, &bad);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      q->title.s[l] = str_at(blob, h.blob, h.title[l], &bad);
      q->source.s[l] = str_at(blob, h.blob, h.source_t[l], &bad);
      q->guidance.s[l] = str_at(blob, h.blob, h.guidance_t[l], &bad);
    }
  q->sectors = xcalloc(h.nsectors ? h.nsectors : 1, sizeof *q->sectors);
  for (uint32_t i = 0; i < h.nsectors; i++)
    {
      q->sectors[i].id = str_at(blob, h.blob, sec[i].id, &bad);
      for (int l = 0; l < LANG_COUNT; l++)
        q->sectors[i].name.s[l] = str_at(blob, h.blob, sec[i].name[l], &bad);
    }
  q->nsectors = h.nsectors;
  q->sections = xcalloc(h.nsections ? h.nsections : 1, sizeof *q->sections);
  qn_lgref *refs = qn_alloc(q, (h.nlg ? h.nlg : 1) * sizeof *refs);
  for (uint32_t i = 0; i < h.nlg; i++)
    {
      bad |= lg[i].part >= QN_LG_COUNT;
      refs[i].part = (enum qn_lgpart) (lg[i].part % QN_LG_COUNT);
      for (int l = 0; l < LANG_COUNT; l++)
        refs[i].items.s[l] = str_at(blob, h.blob, lg[i].items[l], &bad);
    }
  for (uint32_t i = 0; i < h.nsections; i++)
    {
      qn_section *s = &q->sections[i];
      s->id = str_at(blob, h.blob, sct[i].id, &bad);
      for (int l = 0; l < LANG_COUNT; l++)
        s->title.s[l] = str_at(blob, h.blob, sct[i].title[l], &bad);
      bad |= sct[i].lg_first > h.nlg || sct[i].nlg > h.nlg - sct[i].lg_first;
      s->lg = bad ? NULL : refs + sct[i].lg_first;
      s->nlg = bad ? 0 : sct[i].nlg;
      s->line = sct[i].line;
      bad |= sct[i].lg_state >= QN_LGSTATE_COUNT || (sct[i].lg_state == QN_LGSTATE_GIVEN) != (s->nlg > 0);
      s->lg_state = (enum qn_lgstate) (sct[i].lg_state % QN_LGSTATE_COUNT);
      for (int l = 0; l < LANG_COUNT; l++)
        {
          s->lg_note.s[l] = str_at(blob, h.blob, sct[i].lg_note[l], &bad);
          s->level_note.s[l] = str_at(blob, h.blob, sct[i].level_note[l], &bad);
        }
    }
  q->nsections = h.nsections;
  q->scopes = xcalloc(h.nscopes ? h.nscopes : 1, sizeof *q->scopes);
  for (uint32_t i = 0; i < h.nscopes; i++)
    {
      qn_scope *x = &q->scopes[i];
      x->id = str_at(blob, h.blob, scp[i].id, &bad);
      bad |= !x->id;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          x->text.s[l] = str_at(blob, h.blob, scp[i].text[l], &bad);
          x->absent.s[l] = str_at(blob, h.blob, scp[i].absent[l], &bad);
          bad |= !x->text.s[l] || !x->absent.s[l];
        }
      x->line = scp[i].line;
    }
  q->nscopes = h.nscopes;
  size_t *apply = qn_alloc(q, (h.napplies ? h.napplies : 1) * sizeof *apply);
  for (uint32_t i = 0; i < h.napplies; i++)
    {
      bad |= app[i] >= h.nscopes;
      apply[i] = app[i] < h.nscopes ? app[i] : 0;
    }
  q->questions = xcalloc(h.nquestions ? h.nquestions : 1, sizeof *q->questions);
  const char **wstr = qn_alloc(q, (h.nwas ? h.nwas : 1) * sizeof *wstr);
  for (uint32_t i = 0; i < h.nwas; i++)
    {
      wstr[i] = str_at(blob, h.blob, was[i], &bad);
      bad |= !wstr[i];
    }
  for (uint32_t i = 0; i < h.nquestions; i++)
    {
      qn_question *x = &q->questions[i];
      const struct rquestion *r = &qs[i];
      bad |= r->section >= h.nsections || r->phase >= QN_PHASE_COUNT || r->level >= QN_LEVEL_COUNT
             || r->basis >= QN_BASIS_COUNT;
      x->id = str_at(blob, h.blob, r->id, &bad);
      x->section = r->section < h.nsections ? r->section : 0;
      x->phase = (enum qn_phase) (r->phase % QN_PHASE_COUNT);
      x->level = (enum qn_level) (r->level % QN_LEVEL_COUNT);
      x->basis = (enum qn_basis) (r->basis % QN_BASIS_COUNT);
      const char *csf = str_at(blob, h.blob, r->csf, &bad);
      if (csf && *csf)
        {
          /* What the loader stored, so it parses; anything else is a bad cache. */
          csf_ref *crefs = qn_alloc(q, QN_CSF_MAX * sizeof *crefs);
          size_t k = 0;
          for (const char *cp = csf; *cp && k < QN_CSF_MAX;)
            {
              size_t len = strcspn(cp, ",");
              char one[CSF_REF_SIZE];
              bad |= len >= sizeof one;
              if (len >= sizeof one)
                break;
              memcpy(one, cp, len);
              one[len] = '\0';
              bad |= csf_ref_parse(one, &crefs[k]) != CSF_OK;
              k++;
              cp += len + (cp[len] == ',');
            }
          x->csf = crefs;
          x->ncsf = k;
        }
      for (int l = 0; l < LANG_COUNT; l++)
        {
          x->text.s[l] = str_at(blob, h.blob, r->text[l], &bad);
          x->hint.s[l] = str_at(blob, h.blob, r->hint[l], &bad);
          x->level_note.s[l] = str_at(blob, h.blob, r->level_note[l], &bad);
        }
      bad |= r->revision < 1 || r->revision > h.edition || r->was_first > h.nwas
             || r->nwas > h.nwas - r->was_first;
      x->revision = r->revision;
      x->was = bad ? NULL : wstr + r->was_first;
      x->nwas = bad ? 0 : r->nwas;
      bad |= r->applies_first > h.napplies || r->napplies > h.napplies - r->applies_first;
      x->applies = bad ? NULL : apply + r->applies_first;
      x->napplies = bad ? 0 : r->napplies;
      x->line = r->line;
    }
  q->nquestions = h.nquestions;
  q->retired = xcalloc(h.nretired ? h.nretired : 1, sizeof *q->retired);
  for (uint32_t i = 0; i < h.nretired; i++)
    {
      qn_retired *x = &q->retired[i];
      x->id = str_at(blob, h.blob, ret[i].id, &bad);
      bad |= !x->id || ret[i].edition < 2 || ret[i].edition > h.edition;
      x->edition = ret[i].edition;
      for (int l = 0; l < LANG_COUNT; l++)
        x->note.s[l] = str_at(blob, h.blob, ret[i].note[l], &bad);
      x->line = ret[i].line;
    }
  q->nretired = h.nretired;
  bad |= !q->id || !q->version || h.nquestions == 0;
  for (uint32_t i = 0; !bad && i < h.nquestions; i++)
    bad |= !q->questions[i].id;
  for (uint32_t i = 0; !bad && i < h.nsections; i++)
    bad |= !q->sections[i].id;
  if (bad)
    {
      /* buf stays the caller's to free. */
      q->keep = NULL;
      q->keep_free = NULL;
      qn_free(q);
      return NULL;
    }
  qn_finish(q);
  /* The digest is computed from what was rebuilt when it is asked for,
   * never taken from the entry. */
  return q;
}

questionnaire *
qcache_decode(char *buf, size_t size, const uint8_t source[32], const char *qpath)
{
  if (size < sizeof(struct header))
    return NULL;
  struct header h;
  memcpy(&h, buf, sizeof h);
  uint64_t want = sizeof h + (uint64_t) sizeof(struct rsector) * h.nsectors
                  + (uint64_t) sizeof(struct rsection) * h.nsections + (uint64_t) sizeof(struct rlg) * h.nlg
                  + (uint64_t) sizeof(struct rquestion) * h.nquestions
                  + (uint64_t) sizeof(struct rretired) * h.nretired + (uint64_t) sizeof(uint32_t) * h.nwas
                  + (uint64_t) sizeof(struct rscope) * h.nscopes + (uint64_t) sizeof(uint32_t) * h.napplies
                  + h.blob;
  bool ok = memcmp(h.magic, MAGIC, 8) == 0 && h.order_mark == 0x01020304 && h.sizes == SIZES
            && h.sizes2 == sizeof(struct rretired) && h.sizes3 == sizeof(struct rscope)
            && memcmp(h.loader, QCACHE_LOADER, sizeof h.loader) == 0
            && (!source || memcmp(h.source, source, 32) == 0) && want == size;
  return ok ? rebuild(buf, qpath) : NULL;
}

/* The entry at path for a file of len bytes named source, or NULL. */
static questionnaire *
fetch(const char *entry, const uint8_t key[32], const uint8_t source[32], size_t len, const char *qpath)
{
  struct stat st;
  int fd = afile_open_read(entry, &st);
  if (fd < 0)
    return NULL;
  /* An entry holds the file's strings and a record a question: never
   * much more than the file.  Anything larger is not read at all. */
  size_t size = (size_t) st.st_size;
  if (size < sizeof(struct header) || size > 2 * len + ((size_t) 1 << 20))
    {
      close(fd);
      return NULL;
    }
  /* Room for the records to be read in place with their alignment. */
  char *buf = xmalloc(size + 1);
  size_t got = 0;
  while (got < size)
    {
      ssize_t n = read(fd, buf + got, size - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += (size_t) n;
    }
  close(fd);
  questionnaire *q = NULL;
  if (got == size)
    {
      uint8_t want[32], have[32];
      memcpy(want, ((struct header *) (void *) buf)->check, 32);
      seal(key, buf, size, have);
      if (memcmp(want, have, 32) == 0)
        q = qcache_decode(buf, size, source, qpath);
    }
  if (!q)
    free(buf);
  return q;
}

int
qcache_load(const char *path, diag_t *d, questionnaire **out)
{
  *out = NULL;
  char *text;
  size_t len;
  /* One read: the bytes named, and on a miss parsed, are the same. */
  int rc = cfg_read_file(path, CFG_QUESTIONNAIRE_LIMITS.file, d, &text, &len);
  if (rc)
    return rc;
  uint8_t key[32], source[32];
  char *entry = NULL;
  if (cache_key(key))
    {
      name_of(key, text, len, source);
      entry = entry_path(source);
    }
  if (entry)
    *out = fetch(entry, key, source, len, path);
  if (!*out)
    {
      cfg_reader r;
      rc = cfg_parse(&r, path, text, len, CFG_QUESTIONNAIRE_LIMITS, d);
      rc = qload_reader(&r, rc, out);
      cfg_close(&r);
      if (rc == 0 && entry)
        store(*out, key, source, entry);
    }
  free(text);
  free(entry);
  return rc;
}
