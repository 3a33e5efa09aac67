/* Fuzz target: the questionnaire loader, and the model it builds. */
#include <config.h>

#include "fuzz.h"
#include "io/qload.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char path[64];
  int fd;
  if (!fuzz_memfile(NULL, data, size, path, sizeof path, &fd))
    return 0;
  diag_t d = { 0 };
  questionnaire *q;
  if (qload_file(path, &d, &q) == 0)
    {
      /* Touch what the screens use. */
      for (size_t i = 0; i < q->nquestions; i++)
        if (qn_find_question(q, q->questions[q->order[i]].id) < 0)
          __builtin_trap();
      qn_free(q);
    }
  diag_clear(&d);
  close(fd);
  return 0;
}
