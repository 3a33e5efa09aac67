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
  bool read_only;             /* the file is not writable: never saved */
} session;

/* session_save's status for a read-only session. */
#define SESSION_READ_ONLY (-2)

/* Open path.  qpath is --questionnaire or NULL.  When the file does not
 * exist and create is set, start a new assessment (nothing is written
 * yet).  A symbolic link, even a dangling one, is followed: s->path is
 * the file it points to.  An existing file without write permission (for
 * its mode, or for this user) is opened read-only.  Returns 0, or a
 * sysexits status with the problems in d. */
int session_open(session *s, const char *path, const char *qpath, bool create, diag_t *d);
void session_close(session *s);
/* Save the assessment to the answers file: store_save's status, or
 * SESSION_READ_ONLY (nothing written) when the file is read-only. */
int session_save(session *s);
/* The message for a read-only session, translated and with the file's
 * name escaped; newly allocated. */
char *session_read_only_text(const session *s);

#endif
