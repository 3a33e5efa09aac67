/* Fuzz target: the answers loader with coverage and every report format.
 * The input follows a fixed, valid header naming tests/data/mini.cfg, so
 * the fuzzer spends its time in profiles and answers rather than on the
 * digest check. */
#include <config.h>

#include <stdlib.h>

#include "model/coverage.h"
#include "fuzz.h"
#include "io/qload.h"
#include "report/report.h"
#include "io/store.h"
#include "base/xalloc.h"

static questionnaire *qn;
static char *header;

static void
setup(void)
{
  const char *src = getenv("KIJUN_SRCDIR");
  char *p = xasprintf("%s/tests/data/mini.cfg", src ? src : KIJUN_SRCDIR);
  diag_t d = { 0 };
  if (qload_file(p, &d, &qn) != 0)
    abort();
  free(p);
  header = xasprintf("kijun_answers = 1;\nquestionnaire = { id = \"%s\"; version = \"%s\"; digest = \"%s\"; };\n",
                     qn->id, qn->version, qn_digest(qn));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (!qn)
    setup();
  char path[64];
  int fd;
  if (!fuzz_memfile(header, data, size, path, sizeof path, &fd))
    return 0;
  diag_t d = { 0 };
  store_doc *doc;
  if (store_read(path, &d, &doc) == 0)
    {
      assessment *a;
      if (store_bind(doc, qn, &d, &a, NULL) == 0)
        {
          FILE *null = fopen("/dev/null", "w");
          for (int fmt = REPORT_TEXT; fmt <= REPORT_JSON; fmt++)
            {
              report_ctx r = { .qn = qn, .a = a, .answers_path = "fuzz.cfg", .lang = (enum lang) (fmt & 1), .width = 80 };
              report_write(null, (enum report_fmt) fmt, &r);
            }
          store_write(null, a);
          fclose(null);
          ans_free(a);
        }
      store_doc_free(doc);
    }
  diag_clear(&d);
  close(fd);
  return 0;
}
