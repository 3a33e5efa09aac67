/* hset: strings in an open-addressing table with a keyed hash.  See
 * hset.h.  SipHash (Aumasson and Bernstein, 2012) is written out here:
 * no library packaged for kijun's targets offers it (nettle does not),
 * and it is twenty lines. */
#include <config.h>
#include "base/hset.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "base/xalloc.h"

static uint64_t sip_k0, sip_k1;
static pthread_once_t sip_once = PTHREAD_ONCE_INIT;

static void
sip_seed(void)
{
  uint64_t k[2];
  if (getrandom(k, sizeof k, GRND_NONBLOCK) != (ssize_t) sizeof k)
    {
      /* No entropy yet (early boot): still unknown ahead to an author
       * of a file. */
      struct timespec ts;
      clock_gettime(CLOCK_MONOTONIC, &ts);
      k[0] = (uint64_t) ts.tv_nsec * 0x9E3779B97F4A7C15ULL ^ (uint64_t) getpid();
      k[1] = (uint64_t) ts.tv_sec * 0xC2B2AE3D27D4EB4FULL ^ (uint64_t) (uintptr_t) &ts;
    }
  sip_k0 = k[0];
  sip_k1 = k[1];
}

#define ROTL(x, b) (uint64_t) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND \
  do { \
    v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
    v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
    v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
    v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
  } while (0)

uint64_t
hset_hash(const char *key)
{
  pthread_once(&sip_once, sip_seed);
  size_t len = strlen(key);
  const unsigned char *p = (const unsigned char *) key;
  uint64_t v0 = 0x736f6d6570736575ULL ^ sip_k0, v1 = 0x646f72616e646f6dULL ^ sip_k1;
  uint64_t v2 = 0x6c7967656e657261ULL ^ sip_k0, v3 = 0x7465646279746573ULL ^ sip_k1;
  size_t i = 0;
  for (; i + 8 <= len; i += 8)
    {
      uint64_t m;
      memcpy(&m, p + i, 8);     /* little-endian hosts; on others still a keyed hash */
      v3 ^= m;
      SIPROUND;
      v0 ^= m;
    }
  uint64_t b = (uint64_t) len << 56;
  for (size_t j = 0; i + j < len; j++)
    b |= (uint64_t) p[i + j] << (8 * j);
  v3 ^= b;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  return v0 ^ v1 ^ v2 ^ v3;
}

/* A slot keeps the key's hash beside it, so that a probe compares
 * strings only when the hashes agree (the key's text lies elsewhere in
 * memory: comparing it on every probe was most of the time of a list of
 * 200,000 ids). */
struct hset_slot
{
  const char *key;              /* NULL: empty */
  uint32_t hash;
  int val;
};

struct hset
{
  size_t mask, n;
  struct hset_slot *slot;
};

static void
alloc_slots(hset *s, size_t cap)
{
  s->mask = cap - 1;
  s->slot = xcalloc(cap, sizeof *s->slot);
}

hset *
hset_new(size_t hint)
{
  hset *s = xcalloc(1, sizeof *s);
  size_t cap = 16;
  while (cap < hint * 2)
    cap *= 2;
  alloc_slots(s, cap);
  return s;
}

void
hset_free(hset *s)
{
  if (!s)
    return;
  free(s->slot);
  free(s);
}

static size_t
slot_of(const hset *s, const char *key, uint64_t full)
{
  uint32_t tag = (uint32_t) (full >> 32);
  size_t h = (size_t) full & s->mask;
  while (s->slot[h].key && (s->slot[h].hash != tag || strcmp(s->slot[h].key, key) != 0))
    h = (h + 1) & s->mask;
  return h;
}

int *
hset_get(const hset *s, const char *key)
{
  size_t h = slot_of(s, key, hset_hash(key));
  return s->slot[h].key ? &s->slot[h].val : NULL;
}

int *
hset_put(hset *s, const char *key, int v)
{
  uint64_t full = hset_hash(key);
  size_t h = slot_of(s, key, full);
  if (s->slot[h].key)
    return &s->slot[h].val;
  s->slot[h] = (struct hset_slot){ key, (uint32_t) (full >> 32), v };
  if (++s->n * 2 > s->mask + 1)
    {
      /* Half full: twice the room, every key placed again. */
      hset old = *s;
      alloc_slots(s, (old.mask + 1) * 2);
      for (size_t i = 0; i <= old.mask; i++)
        if (old.slot[i].key)
          {
            /* Hashed again: the slot keeps only the hash's high bits
             * (growing is rare: hset_new is told the size). */
            size_t k = slot_of(s, old.slot[i].key, hset_hash(old.slot[i].key));
            s->slot[k] = old.slot[i];
          }
      free(old.slot);
    }
  return NULL;
}
