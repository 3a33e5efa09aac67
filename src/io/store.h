/* store: the answers file (libconfig), documented in kijun-answers(5).
 *
 * Opening an answers file takes two steps because the file names the
 * questionnaire it belongs to: store_read parses it and tells which
 * questionnaire (id, version, edition) it expects; the caller finds that
 * questionnaire; store_bind places the answers on it and builds the
 * assessment.  Answers made for another questionnaire or another version
 * of it are refused (that is a migration).  Answers of another edition
 * are carried (kijun-answers(5), "Editions"): kept, marked to reconfirm
 * where the question changed, and those to questions no longer asked kept
 * in the retired list; the digest is information only.
 *
 * store_save writes the whole assessment, with its computed coverage in a
 * summary group for other tools, through afile (atomic).  It refuses to
 * overwrite a file that another program changed since kijun last read or
 * wrote it. */
#ifndef KIJUN_STORE_H
#define KIJUN_STORE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "model/answers.h"
#include "base/diag.h"
#include "model/qn.h"

#define STORE_FORMAT 1
/* The first bytes of every file store_write writes; afile_cleanup knows
 * kijun's own temporary files by them. */
#define STORE_MARK "# kijun answers file"
/* What kijun last saw of the file on disk. */
typedef struct store_stamp
{
  bool valid;
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
} store_stamp;

typedef struct store_doc store_doc;

/* Parse path.  Returns 0, or a sysexits status with the problem in d. */
int store_read(const char *path, diag_t *d, store_doc **out);
/* The same for a file's content in memory (text[len] is '\0'); name
 * stands for the file in the messages. */
int store_read_mem(const char *name, const char *text, size_t len, diag_t *d, store_doc **out);
void store_doc_free(store_doc *doc);
/* What the file says of its questionnaire (NULL when absent). */
const char *store_doc_qid(const store_doc *doc);
const char *store_doc_qversion(const store_doc *doc);
const char *store_doc_qdigest(const store_doc *doc);
/* The edition the answers were last saved with (1 when not said). */
unsigned store_doc_qedition(const store_doc *doc);
/* What store_bind kept but could not place (unknown question ids, a newer
 * edition): warnings, not errors; the file opened.  The caller may take
 * them (move the struct and zero it). */
diag_t *store_doc_warnings(store_doc *doc);
/* The line of the file's questionnaire group. */
int store_doc_qline(const store_doc *doc);
/* Check the answers against q and build the assessment.  Returns 0, or
 * EX_DATAERR with every problem in d.  *stamp records the file as read. */
int store_bind(store_doc *doc, const questionnaire *q, diag_t *d, assessment **out,
               store_stamp *stamp);

/* What store_load binds an answers file to: a questionnaire, or, when q
 * is NULL, the one the file names, found as qfind_load finds it (qpath:
 * --questionnaire, or NULL) and put in *found for the caller to free. */
typedef struct store_target
{
  const questionnaire *q;
  const char *qpath;
  questionnaire **found;
} store_target;

/* What store_load gives back besides the assessment. */
typedef struct store_loaded
{
  diag_t warn;                /* what the binding kept but could not place */
  unsigned edition;           /* the edition the file was saved with */
  store_stamp stamp;          /* the file as read */
} store_loaded;

/* Read the answers file at path and bind it (store_read, the
 * questionnaire, store_bind): the sequence every reader of one file
 * follows.  extra may be NULL; without it the warnings go into d as
 * notes.  0, or a status with the problems in d. */
int store_load(const char *path, const store_target *t, diag_t *d, assessment **out, store_loaded *extra);

/* Whether text, an answers file about to be written to name, is one
 * kijun opens, with every rule reading applies (store_read_mem and
 * store_bind on a's questionnaire), and reads back what a holds.
 * Returns 0, or EX_CANTCREAT with the reason in d.  Every writer of
 * answers files below runs it on the exact text before anything is
 * replaced. */
int store_check_text(const char *name, const char *text, size_t len, const assessment *a, diag_t *d);

/* Write a to path, a new file: never over an existing one (EX_TEMPFAIL),
 * after store_check_text.  0, or a status with the reason in d. */
int store_create(const char *path, const assessment *a, diag_t *d);

/* Write a to path atomically, after store_check_text (EX_CANTCREAT,
 * nothing written, when the text would not read back).  When *stamp is
 * not valid (a file kijun never read), only where no file is: then
 * EX_TEMPFAIL when one appeared.  Returns 0; EX_TEMPFAIL when the file on
 * disk no longer matches *stamp (nothing written); or afile_write's
 * EX_CANTCREAT.  The reason, without the file's name, goes to d.  On
 * success *stamp describes the new file.  stamp may be NULL. */
int store_save(const char *path, const assessment *a, store_stamp *stamp, diag_t *d);
/* Write the file's content to f (used by store_save and by tests);
 * 0 or EX_IOERR, as an afile_writer. */
int store_write(FILE *f, const assessment *a);
/* The same as an afile_writer; ctx is the assessment. */
int store_write_cb(FILE *f, void *ctx);
/* Record what is on disk at path now. */
void store_stamp_file(const char *path, store_stamp *stamp);

#endif
