/* hset: a set of strings, each with an int (a line, an index), for the
 * duplicate checks of the readers and the questionnaire's id indexes.
 *
 * Lookups are expected O(1) whatever the input: the hash is SipHash-1-3
 * keyed with a random key drawn once a process, so ids crafted to
 * collide (a flood of one bucket, which made --check 24 times slower with
 * an unkeyed hash) cannot be computed ahead.  Nothing kijun prints or
 * writes depends on the key: sets are looked up, never listed. */
#ifndef KIJUN_HSET_H
#define KIJUN_HSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct hset hset;

/* A set for about hint strings (it grows as needed). */
hset *hset_new(size_t hint);
void hset_free(hset *s);
/* Put key with value v: NULL when key is new (key is not copied and
 * must outlive the set), else a pointer to the value it already has. */
int *hset_put(hset *s, const char *key, int v);
/* The value of key, or NULL. */
int *hset_get(const hset *s, const char *key);
/* The keyed hash of key, for indexes of their own. */
uint64_t hset_hash(const char *key);

#endif
