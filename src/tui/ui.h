/* ui: the interactive, full-screen session over ncursesw.  main calls
 * ui_main once; everything curses-related lives behind it. */
#ifndef KIJUN_UI_H
#define KIJUN_UI_H

#include <stdbool.h>

/* What the command line asks of a session. */
typedef struct ui_opts
{
  const char *qpath;            /* --questionnaire, or NULL */
  const char *prev;             /* --previous, or NULL */
  bool no_mouse;                /* --no-mouse: clicks stay the terminal's */
} ui_opts;

/* Whether the terminal can show the screens: its type is known here
 * and addresses the cursor. */
bool ui_terminal_usable(void);

/* Open or create the answers file at path, run the session, print the
 * coverage summary on leaving.  Returns the exit status. */
int ui_main(const char *path, const ui_opts *o);

#endif
