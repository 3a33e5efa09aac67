/* qn_xlsx: a questionnaire as a workbook.  See qn_xlsx.h. */
#include <config.h>
#include "report/qn_xlsx.h"

#include <string.h>
#include <sysexits.h>

#include "io/qcsv.h"
#include "report/report_xlsx.h"

typedef struct sheet
{
  xlsx_book *b;
  lxw_worksheet *ws;
  int row;
} sheet;

static void
put_row(void *ctx, const char *const *cells, int n)
{
  sheet *s = ctx;
  s->row++;
  for (int c = 0; c < n; c++)
    xlsx_text(s->b, s->ws, s->row, c, cells[c], s->b->text);
}

int
qn_xlsx_write(FILE *f, const questionnaire *q)
{
  xlsx_book b;
  int rc = xlsx_open(&b);
  if (rc)
    return rc;
  int n;
  const char *const *names = qcsv_columns(&n);
  /* The texts wide, the codes narrow. */
  double widths[64];
  for (int c = 0; c < n && c < 64; c++)
    widths[c] = c < 2 ? 14 : 12;
  for (int c = 0; c < n && c < 64; c++)
    if (strstr(names[c], "text_") || strstr(names[c], "hint_") || strstr(names[c], "title_"))
      widths[c] = 48;
  sheet s = { &b, xlsx_sheet(&b, "questionnaire"), 0 };
  xlsx_header(&b, s.ws, names, widths, n, 2);
  qcsv_rows(q, put_row, &s);
  xlsx_filter(s.ws, s.row, n);
  return xlsx_close(&b, f);
}
