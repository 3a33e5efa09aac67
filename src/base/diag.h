/* diag: the problems found in one input file, as "FILE:LINE: message",
 * and the error convention of the whole core.
 *
 * Loaders report every problem rather than stopping at the first, so the
 * author of a questionnaire fixes them in one pass.  A file with thousands
 * of errors should not flood the terminal, so after DIAG_MAX messages only
 * a count is kept.
 *
 * The core's error convention (libkijun.a; the screens follow it too):
 *
 *  - A function that can fail returns int: 0 when it did its job, else a
 *    sysexits.h status that says what kind of failure it was, and it adds
 *    the words for a person to the diag_t it is given:
 *      EX_USAGE      the call does not fit (extra files a check cannot use)
 *      EX_NOINPUT    an input file is missing or cannot be opened
 *      EX_DATAERR    an input file is wrong (every problem is in d)
 *      EX_CANTCREAT  a file or folder cannot be written or made
 *      EX_IOERR      an output stream failed
 *      EX_TEMPFAIL   someone else has the file: another kijun holds its
 *                    lock, another program changed it since kijun read it,
 *                    or a file of the name kijun meant to create appeared
 *      EX_NOPERM     the file is read-only, so kijun does not write it
 *    The caller prints d or words its own advice from the status, and
 *    exits with the status when it gives up (kijun(1) documents them).
 *  - A message names its file and line when it has them.  A message about
 *    a file the caller is already naming (a save, a lock) may leave the
 *    name out: it is then the reason alone, such as strerror's words.
 *  - d may be NULL when the caller wants the status only.
 *  - A function that hands back a resource (a descriptor, a pointer, an
 *    index) returns -1 or NULL instead, with errno set when a system call
 *    failed, as the call it wraps; one that parses a word returns -1 for
 *    an unknown word.  No function returns an errno value. */
#ifndef KIJUN_DIAG_H
#define KIJUN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX 200

typedef struct diag
{
  char **msgs;
  size_t n, cap;
  size_t dropped;            /* problems beyond DIAG_MAX */
} diag_t;

/* Record "FILE:LINE: message"; line 0 leaves the line out, file NULL the
 * file.  Nothing when d is NULL. */
void diag_add(diag_t *d, const char *file, int line, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));
/* When d keeps no more messages (none, or DIAG_MAX already), count one
 * more problem and say so: a caller whose message costs a translation
 * and formatting (one per line of a hostile file) skips making it. */
bool diag_skip(diag_t *d);
size_t diag_count(const diag_t *d);
/* Print every message, one a line. */
void diag_print(const diag_t *d, FILE *f);
void diag_clear(diag_t *d);

#endif
