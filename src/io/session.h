/* session: open an assessment the way every mode of kijun needs it:
 * read the answers file, find the questionnaire it names (or the one
 * given), check the two belong together, or start a new assessment.
 * No curses here; the interactive front end and --report both call it. */
#ifndef KIJUN_SESSION_H
#define KIJUN_SESSION_H

#include <stdbool.h>

#include "model/answers.h"
#include "base/diag.h"
#include "model/qn.h"
#include "io/store.h"

typedef struct session
{
  char *path;                 /* the answers file */
  questionnaire *qn;
  assessment *a;
  store_stamp stamp;
  bool is_new;                /* the file did not exist yet */
  bool read_only;             /* the file is not writable, or newer: never saved */
  unsigned file_edition;      /* the edition the file was saved with */
  bool newer;                 /* ... a later one than the questionnaire's */
  bool upgrade;               /* an earlier one: back it up before the first save */
  char *backup;               /* where the original was kept, once it was */
  diag_t warn;                /* what opening kept but could not place */
} session;

/* Open path.  qpath is --questionnaire or NULL.  When the file does not
 * exist and create is set, start a new assessment (nothing is written
 * yet).  A symbolic link, even a dangling one, is followed: s->path is
 * the file it points to.  An existing file without write permission (for
 * its mode, or for this user) is opened read-only, and so is one saved
 * with a later edition of the questionnaire (s->newer), whose answers
 * this one cannot all place.  Returns 0, or a sysexits status with the
 * problems in d; warnings (answers kept but not placed) in s->warn. */
int session_open(session *s, const char *path, const char *qpath, bool create, diag_t *d);
void session_close(session *s);
/* Save the assessment to the answers file: store_save's status, or
 * EX_NOPERM (nothing written) when the file is read-only; the reason in
 * d, without the file's name.  The first save of a file of an earlier
 * edition first keeps the original beside it (session_backup_name), or
 * finds a backup of the same bytes already there (a save interrupted
 * after it), and sets s->backup; when that fails, nothing is saved
 * (EX_CANTCREAT).  Every search for a name ends. */
int session_save(session *s, diag_t *d);
/* The free name for the original of an earlier edition's file:
 * "answers.edition-1.cfg" for "answers.cfg" ("NAME.edition-1" without
 * ".cfg"), then "answers.edition-1.2.cfg", ... never an existing file;
 * a name too long for the folder is shortened in its stem.  Newly
 * allocated; NULL with errno set when a name cannot be looked at or a
 * thousand are taken (the search always ends). */
char *session_backup_name(const char *path, unsigned edition);
/* The message for a read-only session, translated and with the file's
 * name escaped; newly allocated. */
char *session_read_only_text(const session *s);

#endif
