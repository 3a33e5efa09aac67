/* vocab: the small fixed vocabularies of kijun's files (phases, levels,
 * answer statuses...), seen from the files' side: the keys a file may
 * use, looking a key up, and the "expected one of" list of a message.
 *
 * Each vocabulary is defined once, as a table in qn.h or answers.h from
 * which its enum, its names and its vocab are derived; this module only
 * knows that a vocabulary is an array of keys.  Entries before from (the
 * "none" entry of an optional setting, or "unanswered", which files never
 * name) are not accepted in files. */
#ifndef KIJUN_VOCAB_H
#define KIJUN_VOCAB_H

#include <stddef.h>

typedef struct vocab
{
  const char *const *keys;    /* indexed by the enum */
  int n;                      /* the enum's count */
  int from;                   /* the first entry files may name */
} vocab;

/* The index of the entry whose key is s, or -1. */
int vocab_parse(const vocab *v, const char *s);
/* "plan, do, check, act": the keys files may use, into buf. */
const char *vocab_list(const vocab *v, char *buf, size_t size);

#endif
