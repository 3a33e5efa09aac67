/* qfind: the questionnaire an assessment or a mapping needs, found and
 * loaded: a file the user named, an installed one that a file names by
 * id and version, or the bundled default.
 *
 * Installed questionnaires are the *.cfg files in the folders that
 * paths.h lists, in that order; each is loaded through the cache (qcache)
 * to learn its id. */
#ifndef KIJUN_QFIND_H
#define KIJUN_QFIND_H

#include "base/diag.h"
#include "model/qn.h"

/* The file name of the questionnaire used for new assessments. */
#define QFIND_DEFAULT "nisc-2023.cfg"

/* The bundled default questionnaire's path, or NULL (newly allocated). */
char *qfind_default(void);
/* The installed questionnaire whose id is id, preferring one whose
 * version is version (which may be NULL) and, among those of one folder,
 * the highest edition; loaded; NULL when none.  Files that fail to load
 * are skipped. */
questionnaire *qfind_installed(const char *id, const char *version);
/* The questionnaire for an answers file: qpath (--questionnaire) when
 * given, else the installed one with id and version when id is given
 * (what the answers file answers names), else the bundled default.
 * Returns 0, or a status with the problem in d (see diag.h). */
int qfind_load(const char *qpath, const char *id, const char *version, const char *answers, diag_t *d,
               questionnaire **out);

#endif
