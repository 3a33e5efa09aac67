/* afile: replace a file atomically, so that a crash, a kill or a full disk
 * at any moment leaves either the old file or the new one, never a mix.
 *
 * The new content goes to a temporary file in the same folder (mode
 * 0600), which is flushed, fsync'd and renamed over the target; then the
 * folder is fsync'd so the rename itself survives a power cut.
 * libconfig's config_write_file truncates in place and is never used. */
#ifndef KIJUN_AFILE_H
#define KIJUN_AFILE_H

#include <stdio.h>
#include <sys/stat.h>

#include "base/diag.h"

/* Writes the content to f; returns 0, or EX_IOERR when f failed (errno
 * then says why, when a system call told it). */
typedef int (*afile_writer)(FILE *f, void *ctx);

/* Returns 0, or EX_CANTCREAT with the reason (strerror's words, without
 * the file's name) in d; on failure the old file (if any) is untouched
 * and no temporary file is left behind.  The temporary file is named
 * ".NAME.kijun-tmp-XXXXXX" (see afile_sibling), a name no person would
 * choose. */
int afile_write(const char *path, afile_writer writer, void *ctx, diag_t *d);
/* The same, but only when path does not exist yet: EX_TEMPFAIL (the name
 * is taken; another may be tried) rather than replace anything (a
 * backup, a migrated file). */
int afile_write_new(const char *path, afile_writer writer, void *ctx, diag_t *d);
/* Create the folders leading to file (mode 0700).  Returns 0, or
 * EX_CANTCREAT with the reason in d, as afile_write. */
int afile_make_parents(const char *file, diag_t *d);
/* A writer that copies the file named by ctx (a const char *). */
int afile_copy_cb(FILE *f, void *ctx);

/* The name of a file kijun keeps beside path: DIR/.NAME.TAG, or, when
 * that would exceed NAME_MAX, DIR/.kijun-HASH.TAG with HASH derived from
 * NAME (so a name of up to 255 bytes still has its lock and temporary
 * files).  Newly allocated. */
char *afile_sibling(const char *path, const char *tag);

/* The file that writing path would replace, as an absolute name with
 * every symbolic link followed, including a dangling one (whose target
 * is then the file to create).  When the folder does not exist either,
 * path itself.  Newly allocated; NULL with errno set on a link loop. */
char *afile_resolve(const char *path);

/* Open an existing file for reading without ever blocking: a FIFO or a
 * device named as a file would hang a plain open or read.  Returns the
 * descriptor (blocking, close-on-exec), or -1 with errno set: the open's
 * error, or EISDIR / EINVAL when path is a folder / not a regular file.
 * *st (may be NULL) gets the file's status. */
int afile_open_read(const char *path, struct stat *st);

/* Remove temporary files that a killed writer of path left behind: only
 * regular files with afile_write's temporary name that are empty (killed
 * before writing) or begin with mark, the first bytes every file the
 * caller writes begins with.  So a person's ".NAME.backup" or any other
 * file is never touched.  Call only while holding the file's lock
 * (lock.h), when no save of path can be under way.  Returns the number
 * removed. */
int afile_cleanup(const char *path, const char *mark);

#endif
