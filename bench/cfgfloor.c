/* cfgfloor: the floor for kijun --aggregate in make bench: libconfig
 * alone parsing every *.cfg file of a folder, one after another in one
 * process, and nothing else (no checks, no figures).  An aggregate cannot
 * read the files faster than this on one processor.
 *   cfgfloor DIR
 * Prints the files parsed; exits 1 when one does not parse. */
#include <dirent.h>
#include <fnmatch.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf(stderr, "usage: cfgfloor DIR\n");
      return 2;
    }
  DIR *d = opendir(argv[1]);
  if (!d)
    {
      perror(argv[1]);
      return 1;
    }
  struct dirent *de;
  unsigned long n = 0;
  char path[4096];
  while ((de = readdir(d)))
    {
      if (de->d_name[0] == '.' || fnmatch("*.cfg", de->d_name, 0) != 0)
        continue;
      snprintf(path, sizeof path, "%s/%s", argv[1], de->d_name);
      config_t cfg;
      config_init(&cfg);
      if (config_read_file(&cfg, path) != CONFIG_TRUE)
        {
          fprintf(stderr, "%s:%d: %s\n", path, config_error_line(&cfg), config_error_text(&cfg));
          return 1;
        }
      config_destroy(&cfg);
      n++;
    }
  closedir(d);
  printf("%lu\n", n);
  return 0;
}
