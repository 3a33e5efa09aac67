/* ui: the interactive, full-screen session over ncursesw.  main calls
 * ui_main once; everything curses-related lives behind it. */
#ifndef KIJUN_UI_H
#define KIJUN_UI_H

/* Open or create the answers file at path (qpath: --questionnaire or
 * NULL), run the session, print the coverage summary on leaving.
 * Returns the exit status. */
int ui_main(const char *path, const char *qpath, const char *prev);

#endif
