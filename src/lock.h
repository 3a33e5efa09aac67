/* lock: one kijun at a time on an answers file.
 *
 * The lock is a POSIX record lock on a small file beside the answers file
 * (".NAME.lock"), not on the answers file itself, because every save
 * replaces the answers file with a new one.  The kernel (or the NFS lock
 * manager, on a shared folder) drops the lock when its holder dies, so a
 * crashed kijun never blocks the next one. */
#ifndef KIJUN_LOCK_H
#define KIJUN_LOCK_H

#include <sys/types.h>

typedef struct lock
{
  int fd;
  char *path;
} lock_t;

/* Take the lock for answers_path.  Returns 0; EWOULDBLOCK when another
 * process holds it (its pid in *holder when known, else 0); or another
 * errno value when the lock file cannot be made (then kijun proceeds
 * without one, as on a read-only medium). */
int lock_acquire(const char *answers_path, lock_t *l, pid_t *holder);
void lock_release(lock_t *l);

#endif
