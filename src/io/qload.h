/* qload: read a questionnaire file (libconfig) into the model and check it.
 *
 * The format is documented in kijun-questionnaire(5).  Every problem is
 * reported, as "FILE:LINE: what; expected what", not only the first. */
#ifndef KIJUN_QLOAD_H
#define KIJUN_QLOAD_H

#include "io/cfgread.h"
#include "base/diag.h"
#include "model/qn.h"

#define QLOAD_FORMAT 1

/* Load and validate path.  Returns 0 and sets *out, or a sysexits status
 * (EX_NOINPUT, EX_DATAERR) with the problems in d and *out NULL. */
int qload_file(const char *path, diag_t *d, questionnaire **out);
/* The same from a file cfg_open has opened with status open_rc (so that
 * kijun --check reads a file once to tell its kind); takes the parsed
 * tree from r, which the caller still closes. */
int qload_reader(cfg_reader *r, int open_rc, questionnaire **out);

#endif
