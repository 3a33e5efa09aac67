/* qload: read a questionnaire file (libconfig) into the model and check it.
 *
 * The format is documented in kijun-questionnaire(5).  Every problem is
 * reported, as "FILE:LINE: what; expected what", not only the first. */
#ifndef KIJUN_QLOAD_H
#define KIJUN_QLOAD_H

#include "diag.h"
#include "qn.h"

#define QLOAD_FORMAT 1

/* Load and validate path.  Returns 0 and sets *out, or a sysexits status
 * (EX_NOINPUT, EX_DATAERR) with the problems in d and *out NULL. */
int qload_file(const char *path, diag_t *d, questionnaire **out);

#endif
