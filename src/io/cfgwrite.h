/* cfgwrite: writing libconfig syntax by hand, for the files kijun
 * generates (answers files, questionnaires made from sheets, drafted
 * mappings): one way to write a string that cfgread reads back as it was. */
#ifndef KIJUN_CFGWRITE_H
#define KIJUN_CFGWRITE_H

#include <stdio.h>

/* s as a libconfig string literal: quotes and backslashes escaped, line
 * breaks, tabs and other control characters as escapes. */
void cfg_put_string(FILE *f, const char *s);
/* The same, newly allocated. */
char *cfg_quoted(const char *s);

#endif
