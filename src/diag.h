/* diag: the problems found in one input file, as "FILE:LINE: message".
 *
 * Loaders report every problem rather than stopping at the first, so the
 * author of a questionnaire fixes them in one pass.  A file with thousands
 * of errors should not flood the terminal, so after DIAG_MAX messages only
 * a count is kept. */
#ifndef KIJUN_DIAG_H
#define KIJUN_DIAG_H

#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX 200

typedef struct diag
{
  char **msgs;
  size_t n, cap;
  size_t dropped;            /* problems beyond DIAG_MAX */
} diag_t;

/* Record "FILE:LINE: message"; line 0 leaves the line out. */
void diag_add(diag_t *d, const char *file, int line, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));
size_t diag_count(const diag_t *d);
/* Print every message, one a line. */
void diag_print(const diag_t *d, FILE *f);
void diag_clear(diag_t *d);

#endif
