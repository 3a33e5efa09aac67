/* paths: where kijun's files are: the bundled questionnaires and the
 * default answers file.
 *
 * Questionnaires are looked for, in order, in $KIJUN_QUESTIONNAIRE_DIR,
 * in the source tree when the program runs from its build tree (so a
 * fresh build works without installing), and in the installed package
 * data folder. */
#ifndef KIJUN_PATHS_H
#define KIJUN_PATHS_H

#include <stdbool.h>

#include "diag.h"
#include "qn.h"

/* The file name of the questionnaire used for new assessments. */
#define PATH_DEFAULT_QUESTIONNAIRE "nisc-2023.cfg"

/* Whether this executable is the one in the build tree. */
bool path_in_build_tree(void);
/* Where the message catalogues are: $KIJUN_LOCALEDIR, the build tree's
 * locale/ folder when running from the build tree, else LOCALEDIR. */
const char *path_localedir(void);

/* The folders searched for questionnaires, NULL-ended; static storage. */
const char *const *path_questionnaire_dirs(void);
/* The bundled default questionnaire, or NULL (newly allocated). */
char *path_default_questionnaire(void);
/* The installed questionnaire whose id is id, preferring one whose
 * version is version (which may be NULL) and, among those of one folder,
 * the highest edition; loaded; NULL when none.  Files that fail to load
 * are skipped. */
questionnaire *path_find_questionnaire(const char *id, const char *version);
/* $VAR/kijun/LEAF, or $HOME/HOME_SUB/kijun/LEAF when VAR is unset or
 * relative (the XDG rule); NULL when neither gives a folder.  LEAF may be
 * NULL for the folder itself. */
char *path_xdg(const char *var, const char *home_sub, const char *leaf);
/* $XDG_DATA_HOME/kijun/answers.cfg, or ~/.local/share/kijun/answers.cfg;
 * NULL when neither XDG_DATA_HOME nor HOME is set. */
char *path_default_answers(void);
/* Create the folders leading to file (mode 0700).  0 or an errno value. */
int path_make_parents(const char *file);

#endif
