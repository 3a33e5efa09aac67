/* check: kijun --check FILE [QUESTIONNAIRE...], validating a questionnaire
 * or a mapping file.  The file is read once; its kijun_mapping or
 * kijun_questionnaire key tells which it is.
 *
 * A mapping is checked against the two questionnaires it names: each is
 * taken from the extra files given (matched by id, and by version when
 * both sides have the same id) or else found among the installed
 * questionnaires, as an answers file finds its own. */
#ifndef KIJUN_CHECK_H
#define KIJUN_CHECK_H

#include <stddef.h>

#include "base/diag.h"

/* Check path; qfiles are extra questionnaire files for a mapping.
 * Returns 0, or a status (see diag.h) with the problems in d: EX_USAGE
 * when the extra files do not fit the file checked. */
int check_file(const char *path, char *const *qfiles, size_t nqfiles, diag_t *d);

struct mapping;
struct questionnaire;
/* The two questionnaires of mapping m, as --check finds them (and
 * --migrate): from qfiles, else installed.  Returns 0 with *from and *to
 * the caller's to free, or a status as check_file's with the problems in
 * d. */
int check_sides(const struct mapping *m, char *const *qfiles, size_t nqfiles, diag_t *d,
                struct questionnaire **from, struct questionnaire **to);

#endif
