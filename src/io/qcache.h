/* qcache: a compiled copy of each questionnaire a session opens, kept in
 * $XDG_CACHE_HOME/kijun/ (~/.cache/kijun/), so that opening an assessment
 * does not parse and check an unchanged questionnaire again.
 *
 * libconfig parses about 65 MB/s, which is most of kijun's start-up: 2.5
 * ms of the bundled questionnaire's 3 ms, and over a second for one of
 * 100,000 questions.  A cache entry is named by the SHA-256 of the
 * loader's identity (QCACHE_LOADER, the digest of the core's sources that
 * make computes) and the questionnaire file's bytes, read once (what is
 * named is what is parsed on a miss), so any change to the file or to the
 * code that reads it misses it.  Names and entries are HMACs under a
 * random key of the user's own kept outside the cache folder
 * ($XDG_STATE_HOME/kijun/cache-key), so an entry planted or copied into
 * the folder, even with a recomputed checksum, is never trusted; every
 * offset is checked on reading, an entry much larger than its file is
 * not read, and the digest is computed from what was rebuilt.  Kept
 * because make bench measures it: without it kijun's first screen is
 * slower than dialog's.  kijun --check never uses the cache. */
#ifndef KIJUN_QCACHE_H
#define KIJUN_QCACHE_H

#include "base/diag.h"
#include <stddef.h>
#include <stdint.h>

#include "model/qn.h"

/* Load path through the cache: a valid entry for its exact bytes, or else
 * qload_file, writing an entry for next time when the file is valid.
 * Returns what qload_file returns. */
int qcache_load(const char *path, diag_t *d, questionnaire **out);

/* The questionnaire of an entry's bytes buf (size bytes, which it
 * keeps on success), after every structural check but not the seal:
 * what fetching does once the seal is verified, and what the fuzz target
 * feeds arbitrary bytes.  source, when not NULL, must be the entry's
 * name.  NULL when anything is out of place (buf is then the caller's). */
questionnaire *qcache_decode(char *buf, size_t size, const uint8_t source[32], const char *qpath);

/* The cache folder, or NULL when neither XDG_CACHE_HOME nor HOME is set
 * (newly allocated). */
char *qcache_dir(void);

#endif
