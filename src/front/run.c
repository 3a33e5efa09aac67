/* run: an interactive session's life cycle, shared by the front ends.
 * See run.h. */
#include <config.h>
#include "front/run.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "io/afile.h"
#include "io/store.h"
#include "ops/cycle.h"

int
run_open(const char *path, const char *qpath, const char *prev, session *s, lock_t *lk, assessment **pa,
         char *prev_msg, size_t msg_size)
{
  *pa = NULL;
  prev_msg[0] = '\0';
  /* The folder must exist for the lock file; a new default answers
   * file lives in a folder that may not exist yet. */
  afile_make_parents(path, NULL);
  char *shown = txt_sanitize(path, true);
  pid_t holder;
  diag_t d = { 0 };
  int lrc = lock_acquire(path, lk, &holder, &d);
  if (lrc == EX_TEMPFAIL)
    {
      if (holder > 0)
        fprintf(stderr, _("kijun: %s is open in another kijun (process %ld); close that one first\n"),
                shown, (long) holder);
      else
        fprintf(stderr, _("kijun: %s is open in another kijun; close that one first\n"), shown);
      free(shown);
      return EX_TEMPFAIL;
    }
  if (lrc != 0)
    {
      /* Never edit unlocked: another kijun could not see this one. */
      fprintf(stderr, _("kijun: cannot lock %s: %s; kijun changes an answers file only while it holds "
                        "the lock file beside it. Check the folder, or read the answers with --report\n"),
              shown, d.msgs[0]);
      diag_clear(&d);
      free(shown);
      return lrc;
    }
  free(shown);
  char *real = afile_resolve(path);
  if (real)
    afile_cleanup(real, STORE_MARK);
  free(real);
  int rc = session_open(s, path, qpath, true, &d);
  /* The previous cycle: a --previous file that cannot be read is an
   * error; a recorded one that has gone is only said (its recorded
   * figures still serve). */
  if (rc == 0 && !s->is_new)
    {
      rc = cycle_open_previous(s, prev, &d, pa);
      if (rc && !prev)
        {
          snprintf(prev_msg, msg_size, "%s", d.n ? d.msgs[0] : "");
          diag_clear(&d);
          rc = 0;
        }
    }
  diag_print(&d, stderr);
  diag_clear(&d);
  if (rc)
    {
      run_close(s, lk, *pa);
      *pa = NULL;
      return rc;
    }
  if (s->is_new)
    {
      /* Create the file now, so a folder that cannot hold it is found
       * before the first answer rather than after it. */
      int err = afile_make_parents(s->path, &d);
      if (!err)
        err = session_save(s, &d);
      if (err)
        {
          char *name = txt_sanitize(s->path, true);
          if (err == EX_TEMPFAIL)
            fprintf(stderr,
                    _("kijun: %s was created by another program as this session began; kijun has not "
                      "changed it. Start kijun again to open it.\n"),
                    name);
          else
            fprintf(stderr, _("kijun: cannot create %s: %s\n"), name, d.msgs[0]);
          diag_clear(&d);
          free(name);
          run_close(s, lk, NULL);
          return EX_CANTCREAT;
        }
    }
  return 0;
}

void
run_close(session *s, lock_t *lk, assessment *pa)
{
  ans_free(pa);
  session_close(s);
  lock_release(lk);
}

int
run_save(session *s, const char *at, bool *told, char why[RUN_WHY], char **msg)
{
  *msg = NULL;
  if (at)
    ans_set_position(s->a, at);
  diag_t d = { 0 };
  int rc = session_save(s, &d);
  if (rc == 0)
    {
      if (s->backup && !*told)
        {
          /* Said once: the first save of an earlier edition's file. */
          const char *slash = strrchr(s->backup, '/');
          char *name = txt_sanitize(slash ? slash + 1 : s->backup, true);
          *msg = xasprintf(_("Saved at edition %u; the original (edition %u) is kept as %s."), s->qn->edition,
                           s->file_edition, name);
          free(name);
          *told = true;
        }
    }
  else
    {
      snprintf(why, RUN_WHY, "%s", d.n ? d.msgs[0] : "");
      if (rc == EX_NOPERM)
        *msg = session_read_only_text(s);
      else if (rc == EX_TEMPFAIL && !s->stamp.valid)
        /* kijun never read a file there: one was created, not changed. */
        *msg = xstrdup(_("Not saved: another program created the answers file after this session began "
                         "(kijun --next-cycle or --merge, say). kijun will not overwrite it; quit (q) and "
                         "your answers go to a separate file."));
      else if (rc == EX_TEMPFAIL)
        *msg = xstrdup(_("Not saved: another program changed the answers file. kijun will not overwrite it; "
                         "quit (q) and your answers go to a separate file."));
      else
        *msg = xasprintf(_("Not saved: %s. Free space or fix the folder."), why);
    }
  diag_clear(&d);
  return rc;
}

char *
run_rescue(const session *s)
{
  char stamp[32];
  time_t t = time(NULL);
  strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&t));
  const char *home = getenv("HOME");
  char *candidates[3] = {
    xasprintf("%s.unsaved-%s", s->path, stamp),
    home ? xasprintf("%s/kijun-unsaved-%s.cfg", home, stamp) : NULL,
    xasprintf("/tmp/kijun-unsaved-%ld-%s.cfg", (long) getpid(), stamp),
  };
  char *used = NULL;
  for (int i = 0; i < 3; i++)
    {
      if (!used && candidates[i] && afile_write(candidates[i], store_write_cb, (void *) s->a, NULL) == 0)
        used = candidates[i];
      else
        free(candidates[i]);
    }
  return used;
}

void
run_report_rescue(const session *s, const char *why, const char *rescued)
{
  char *path = txt_sanitize(s->path, true), *copy = rescued ? txt_sanitize(rescued, true) : NULL;
  if (rescued)
    fprintf(stderr, _("kijun: could not save %s (%s); your answers were written to %s\n"), path, why, copy);
  else
    fprintf(stderr, _("kijun: could not save %s (%s), nor a copy elsewhere\n"), path, why);
  free(path);
  free(copy);
}

void
run_signals(void (*end)(int), void (*crash)(int))
{
  struct sigaction sa = { 0 };
  sa.sa_handler = end;
  sigemptyset(&sa.sa_mask);
  /* Every signal whose default ends the process, except the crashes
   * below: Ctrl-C, Ctrl-\, a hang-up, kill, timers and limits.  No
   * SA_RESTART: a read waiting for the respondent returns, and the front
   * end sees the flag. */
  int ends[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
#ifdef SIGPOLL
    SIGPOLL,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
  };
  for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
    sigaction(ends[i], &sa, NULL);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, NULL);
  /* A file size limit must fail the write (and be reported), not kill
   * the session. */
  sigaction(SIGXFSZ, &sa, NULL);
  if (crash)
    {
      sa.sa_handler = crash;
      sa.sa_flags = SA_RESETHAND;
      int crashes[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP };
      for (size_t i = 0; i < sizeof crashes / sizeof crashes[0]; i++)
        sigaction(crashes[i], &sa, NULL);
    }
}
