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

struct hset
{
  size_t mask, n;
  const char **key;
  int *val;
};

static void
alloc_slots(hset *s, size_t cap)
{
  s->mask = cap - 1;
  s->key = xcalloc(cap, sizeof *s->key);
  s->val = xcalloc(cap, sizeof *s->val);
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
  free(s->key);
  free(s->val);
  free(s);
}

static size_t
slot_of(const hset *s, const char *key)
{
  size_t h = (size_t) hset_hash(key) & s->mask;
  while (s->key[h] && strcmp(s->key[h], key) != 0)
    h = (h + 1) & s->mask;
  return h;
}

int *
hset_get(const hset *s, const char *key)
{
  size_t h = slot_of(s, key);
  return s->key[h] ? &s->val[h] : NULL;
}

int *
hset_put(hset *s, const char *key, int v)
{
  size_t h = slot_of(s, key);
  if (s->key[h])
    return &s->val[h];
  s->key[h] = key;
  s->val[h] = v;
  if (++s->n * 2 > s->mask + 1)
    {
      /* Half full: twice the room, every key placed again. */
      hset old = *s;
      alloc_slots(s, (old.mask + 1) * 2);
      for (size_t i = 0; i <= old.mask; i++)
        if (old.key[i])
          {
            size_t k = slot_of(s, old.key[i]);
            s->key[k] = old.key[i];
            s->val[k] = old.val[i];
          }
      free(old.key);
      free(old.val);
    }
  return NULL;
}
