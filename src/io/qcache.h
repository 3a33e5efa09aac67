/* qcache: a compiled copy of each questionnaire a session opens, kept in
 * $XDG_CACHE_HOME/kijun/ (~/.cache/kijun/), so that opening an assessment
 * does not parse and check an unchanged questionnaire again.
 *
 * libconfig parses about 65 MB/s, which is most of kijun's start-up: 2.5
 * ms of the bundled questionnaire's 3 ms, and over a second for one of
 * 100,000 questions.  A cache entry is named by the SHA-256 of the
 * loader's identity (QCACHE_LOADER, the digest of the core's sources that
 * make computes) and the questionnaire file's bytes, so any change to the
 * file or to the code that reads it misses it; the entry carries its own
 * checksum and the loader's identity again, and every offset in it is
 * checked on reading, so a damaged or foreign entry is ignored, never
 * trusted.  kijun --check never uses the cache for the file it checks. */
#ifndef KIJUN_QCACHE_H
#define KIJUN_QCACHE_H

#include "base/diag.h"
#include "model/qn.h"

/* Load path through the cache: a valid entry for its exact bytes, or else
 * qload_file, writing an entry for next time when the file is valid.
 * Returns what qload_file returns. */
int qcache_load(const char *path, diag_t *d, questionnaire **out);

/* The cache folder, or NULL when neither XDG_CACHE_HOME nor HOME is set
 * (newly allocated). */
char *qcache_dir(void);

#endif
