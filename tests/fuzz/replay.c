/* replay: run a fuzz target over files and folders of inputs, without
 * libFuzzer, so make check replays the seed corpus with the ordinary
 * compiler (and under valgrind or ASan when asked). */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int count;

static void
run_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    {
      perror(path);
      exit(1);
    }
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    fwrite(chunk, 1, n, m);
  fclose(f);
  fclose(m);
  LLVMFuzzerTestOneInput((const uint8_t *) buf, len);
  free(buf);
  count++;
}

static void
run_path(const char *path)
{
  struct stat st;
  if (stat(path, &st) != 0)
    {
      perror(path);
      exit(1);
    }
  if (!S_ISDIR(st.st_mode))
    {
      run_file(path);
      return;
    }
  DIR *d = opendir(path);
  struct dirent *e;
  while (d && (e = readdir(d)))
    {
      if (e->d_name[0] == '.')
        continue;
      char *p = malloc(strlen(path) + strlen(e->d_name) + 2);
      sprintf(p, "%s/%s", path, e->d_name);
      run_path(p);
      free(p);
    }
  if (d)
    closedir(d);
}

int
main(int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    run_path(argv[i]);
  printf("%d inputs replayed\n", count);
  return 0;
}
