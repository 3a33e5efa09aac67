/* paths: where kijun's files are: the folders of the installed
 * questionnaires and of the message catalogues, the default answers file,
 * the XDG folders.  Paths are only computed here; qfind.h finds and loads
 * the questionnaires in them.
 *
 * Questionnaires are looked for, in order, in $KIJUN_QUESTIONNAIRE_DIR,
 * in the source tree when the program runs from its build tree (so a
 * fresh build works without installing), and in the installed package
 * data folder. */
#ifndef KIJUN_PATHS_H
#define KIJUN_PATHS_H

#include <stdbool.h>


/* Whether this executable is the one in the build tree. */
bool path_in_build_tree(void);
/* Where the message catalogues are: $KIJUN_LOCALEDIR, the build tree's
 * locale/ folder when running from the build tree, else LOCALEDIR. */
const char *path_localedir(void);

/* The folders searched for questionnaires, NULL-ended; static storage. */
const char *const *path_questionnaire_dirs(void);
/* $VAR/kijun/LEAF, or $HOME/HOME_SUB/kijun/LEAF when VAR is unset or
 * relative (the XDG rule); NULL when neither gives a folder.  LEAF may be
 * NULL for the folder itself. */
char *path_xdg(const char *var, const char *home_sub, const char *leaf);
/* $XDG_DATA_HOME/kijun/answers.cfg, or ~/.local/share/kijun/answers.cfg;
 * NULL when neither XDG_DATA_HOME nor HOME is set. */
char *path_default_answers(void);

/* Commands kijun prints (on leaving, in errors) are meant to be pasted:
 * the program as it was invoked (argv[0], quoted) when "kijun" on the
 * PATH is not this program, else "kijun".  path_set_invocation is called
 * once, by main. */
void path_set_invocation(const char *argv0);
const char *path_invocation(void);
/* s as one word for a POSIX shell: as it is when it holds only plain
 * characters, else in single quotes.  Newly allocated. */
char *path_shell_quote(const char *s);

#endif
