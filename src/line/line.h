/* line: the line mode, a plain dialogue one line at a time in the manner
 * of the Debian installer's text front end, for screen readers, serial
 * consoles, TERM=dumb, Emacs shell buffers and scripts that type answers.
 * No curses: it reads lines from standard input and writes lines to
 * standard output, and keeps the assessment exactly as the full-screen
 * session does (front/run.h). */
#ifndef KIJUN_LINE_H
#define KIJUN_LINE_H

typedef struct line_opts
{
  const char *qpath;            /* --questionnaire, or NULL */
  const char *prev;             /* --previous, or NULL */
  const char *why;              /* why the line mode was chosen for the
                                   respondent (NULL: they asked, --line) */
} line_opts;

/* Open or create the answers file at path, hold the dialogue, save each
 * change at once, and print the headline on leaving (at q, or at the end
 * of the input).  Returns the exit status. */
int line_main(const char *path, const line_opts *o);

#endif
