/* colwidth: print the widest line of standard input in display columns,
 * measured the way kijun measures (text.h), for the end-to-end tests. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

int
main(void)
{
  setlocale(LC_ALL, "C.UTF-8");
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  int widest = 0;
  while ((n = getline(&line, &cap, stdin)) > 0)
    {
      if (line[n - 1] == '\n')
        line[--n] = '\0';
      int w = txt_width(line);
      if (w > widest)
        widest = w;
    }
  free(line);
  printf("%d\n", widest);
  return 0;
}
