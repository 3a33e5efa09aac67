/* run: what every interactive front end (the full-screen screens, the
 * line mode) does around its dialogue with the respondent, so that both
 * keep an assessment the same way: take the lock, open the answers file
 * (or create it at once), find the previous cycle, save each change with
 * the position, write a rescue copy when the file cannot be saved, and
 * turn the signals that would end the process into a flag.  No curses,
 * no terminal: the front ends say things in their own way. */
#ifndef KIJUN_RUN_H
#define KIJUN_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "io/lock.h"
#include "io/session.h"
#include "model/answers.h"

/* The size of the reason of a failed save kept for messages. */
#define RUN_WHY 160

/* Lock path and open it (creating a new assessment, written at once, when
 * it does not exist), with the previous cycle: --previous (prev) or the
 * one the file records.  A recorded one that cannot be read is no error:
 * its reason goes to prev_msg (else "").  Problems are printed on stderr.
 * Returns 0 or the exit status; on 0, run_close releases it all. */
int run_open(const char *path, const char *qpath, const char *prev, session *s, lock_t *lk,
             assessment **pa, char *prev_msg, size_t msg_size);
void run_close(session *s, lock_t *lk, assessment *pa);

/* Save s with the respondent at question id at (NULL: where it was).
 * Returns session_save's status.  *msg (newly allocated, or NULL) is what
 * to tell the respondent: on failure what happened and what to do (why
 * gets the reason); on success, once (*told), that the original of an
 * earlier edition was kept beside the file. */
int run_save(session *s, const char *at, bool *told, char why[RUN_WHY], char **msg);
/* When the answers cannot go where they belong: a copy beside the file,
 * in the home folder or in /tmp.  Returns the path used (newly
 * allocated), or NULL when even that failed. */
char *run_rescue(const session *s);
/* Say on stderr that s could not be saved (why) and where the copy went. */
void run_report_rescue(const session *s, const char *why, const char *rescued);

/* Catch every signal whose default ends the process (Ctrl-C, a hang-up,
 * kill, timers, limits) with end, without restarting a read it
 * interrupts; crash (NULL: none) for the crashes, once; ignore SIGPIPE and
 * SIGXFSZ, so that a write fails, and says so, rather than kills. */
void run_signals(void (*end)(int), void (*crash)(int));

#endif
