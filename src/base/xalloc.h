/* xalloc: allocation that never returns NULL.
 *
 * kijun has nothing sensible to do when memory runs out halfway through
 * building a model, so these wrappers print one line and exit with status 71
 * (EX_OSERR).  The front end registers an exit handler that restores the
 * terminal first, so even this path leaves the screen usable. */
#ifndef KIJUN_XALLOC_H
#define KIJUN_XALLOC_H

#include <stddef.h>

/* Say that memory ran out, and exit (EX_OSERR). */
_Noreturn void xalloc_die(void);
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* Grow an array of n elements of size each to at least need, doubling. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A newly allocated printf-formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
