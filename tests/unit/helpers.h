/* helpers: small shared pieces of the Criterion tests: paths to the test
 * data, scratch files, and capturing a stream into a string. */
#ifndef KIJUN_TEST_HELPERS_H
#define KIJUN_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "base/diag.h"
#include "base/xalloc.h"

/* A file of the test data folder. */
static inline char *
data_path(const char *name)
{
  const char *dir = getenv("TESTDATA");
  cr_assert(dir, "TESTDATA is not set; run the tests through make check");
  return xasprintf("%s/%s", dir, name);
}

/* A scratch folder for one test, under the build tree. */
static inline char *
scratch_dir(void)
{
  const char *home = getenv("HOME");
  char *tmpl = xasprintf("%s/scratch.XXXXXX", home ? home : "/tmp");
  cr_assert(mkdtemp(tmpl), "cannot create a scratch folder");
  return tmpl;
}

/* Write content to dir/name and return the path. */
static inline char *
write_file(const char *dir, const char *name, const char *content)
{
  char *p = xasprintf("%s/%s", dir, name);
  FILE *f = fopen(p, "wb");
  cr_assert(f, "cannot write %s", p);
  fwrite(content, 1, strlen(content), f);
  fclose(f);
  return p;
}

static inline char *
read_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    fwrite(chunk, 1, n, m);
  fclose(f);
  fclose(m);
  return buf;
}

/* out (len bytes) equals tests/golden/NAME; with KIJUN_UPDATE_GOLDEN set,
 * the golden file is rewritten first (review the diff).  An HTML report's
 * stylesheet is left out of both: it is src/report/report.css, which
 * tests/cli/html.sh checks, and a change of style is not a change of the
 * reports. */
static inline void
check_golden(const char *name, const char *out, size_t len)
{
  char *unstyled = NULL;
  size_t nlen = strlen(name);
  const char *open = nlen > 5 && strcmp(name + nlen - 5, ".html") == 0 ? strstr(out, "\n<style>\n") : NULL;
  const char *close = open ? strstr(open, "\n</style>\n") : NULL;
  if (close)
    {
      size_t head = (size_t) (open - out) + strlen("\n<style>");
      unstyled = xasprintf("%.*s%s", (int) head, out, close);
      out = unstyled;
      len = strlen(unstyled);
    }
  const char *src = getenv("KIJUN_SRCDIR");
  char *path = xasprintf("%s/tests/golden/%s", src ? src : ".", name);
  if (getenv("KIJUN_UPDATE_GOLDEN"))
    {
      FILE *f = fopen(path, "wb");
      cr_assert(f);
      fwrite(out, 1, len, f);
      fclose(f);
    }
  char *want = read_file(path);
  cr_assert(want, "missing golden file %s", path);
  cr_assert_str_eq(out, want, "%s differs from the golden file:\n%s", name, out);
  free(want);
  free(path);
  free(unstyled);
}

/* The messages of d, one a line, with every "dir/" taken out so that
 * expectations read "q.cfg:LINE: ..."; d is cleared. */
static inline char *
diag_text(diag_t *d, const char *dir)
{
  char *out = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&out, &len);
  diag_print(d, m);
  fclose(m);
  diag_clear(d);
  char *prefix = xasprintf("%s/", dir);
  char *clean = xmalloc(strlen(out) + 1), *w = clean;
  for (const char *p = out; *p;)
    if (strncmp(p, prefix, strlen(prefix)) == 0)
      p += strlen(prefix);
    else
      *w++ = *p++;
  *w = '\0';
  free(prefix);
  free(out);
  return clean;
}

#endif
