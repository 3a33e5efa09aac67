/* session: open an assessment the way every mode of kijun needs it:
 * read the answers file, find the questionnaire it names (or the one
 * given), check the two belong together, or start a new assessment.
 * No curses here; the interactive front end and --report both call it. */
#ifndef KIJUN_SESSION_H
#define KIJUN_SESSION_H

#include <stdbool.h>

#include "answers.h"
#include "diag.h"
#include "qn.h"
#include "store.h"

typedef struct session
{
  char *path;                 /* the answers file */
  questionnaire *qn;
  assessment *a;
  store_stamp stamp;
  bool is_new;                /* the file did not exist yet */
} session;

/* Open path.  qpath is --questionnaire or NULL.  When the file does not
 * exist and create is set, start a new assessment (nothing is written
 * yet).  Returns 0, or a sysexits status with the problems in d. */
int session_open(session *s, const char *path, const char *qpath, bool create, diag_t *d);
void session_close(session *s);

#endif
