/* lock: one kijun at a time on an answers file.
 *
 * The lock is a POSIX record lock on a small file beside the answers file
 * (".NAME.lock", see afile_sibling), not on the answers file itself,
 * because every save replaces the answers file with a new one.  It is
 * keyed on the resolved file (afile_resolve), so two names or symbolic
 * links for one file share one lock, and the lock file is never followed
 * if it is a symbolic link.  Hard links are two names with two lock
 * files: so the answers file itself is locked too (flock), which the
 * kernel keys on its device and inode.  The kernel (or the NFS lock
 * manager, on a shared folder) drops the lock when its holder dies, so a
 * crashed kijun never blocks the next one. */
#ifndef KIJUN_LOCK_H
#define KIJUN_LOCK_H

#include <sys/types.h>

#include "base/diag.h"

typedef struct lock
{
  int fd;
  char *path;
  int file_fd;                /* the answers file itself, flock'd; -1 */
} lock_t;

/* Take the lock for answers_path.  Returns 0; EX_TEMPFAIL when another
 * process holds it (its pid in *holder when known, else 0); or
 * EX_CANTCREAT when the lock file cannot be made or locked (a symbolic
 * link planted in its place, say), with the reason, strerror's words, in
 * d.  Without the lock, kijun must not change the answers file. */
int lock_acquire(const char *answers_path, lock_t *l, pid_t *holder, diag_t *d);
void lock_release(lock_t *l);

#endif
