/* Fuzz target: decoding a questionnaire cache entry (qcache_decode),
 * the part of reading an entry that runs once its seal is verified.  The
 * loader's identity is written over bytes 16 to 79 of each input, where
 * the header keeps it, so that the seed entries stay valid when the core's
 * sources (and so the identity) change. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "io/qcache.h"
#include "io/qcache-key.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *buf = malloc(size + 1);
  if (!buf)
    return 0;
  memcpy(buf, data, size);
  if (size >= 80)
    memcpy(buf + 16, QCACHE_LOADER, 64);
  questionnaire *q = qcache_decode(buf, size, NULL, "fuzz");
  if (!q)
    {
      free(buf);
      return 0;
    }
  /* Touch what the screens and the answers file use. */
  for (size_t i = 0; i < q->nquestions; i++)
    if (qn_find_question(q, q->questions[q->order[i]].id) < 0)
      __builtin_trap();
  (void) qn_digest(q);
  qn_free(q);
  return 0;
}
