/* table: one table, four renderings (see table.h). */
#include <config.h>
#include "report/table.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "report/emit.h"
#include "report/report_html.h"

void
tab_init(tab *t, size_t ncols)
{
  *t = (tab){ .ncols = ncols };
  t->head = xcalloc(ncols, sizeof *t->head);
  t->kind = xcalloc(ncols, sizeof *t->kind);
}

void
tab_head(tab *t, size_t col, const char *head, enum tab_kind kind)
{
  t->head[col] = head;
  t->kind[col] = kind;
}

void
tab_row(tab *t)
{
  size_t cap = t->cap;
  t->cell = xgrow(t->cell, &t->cap, (t->nrows + 1) * t->ncols, sizeof *t->cell);
  t->idlen = xgrow(t->idlen, &cap, (t->nrows + 1) * t->ncols, sizeof *t->idlen);
  for (size_t c = 0; c < t->ncols; c++)
    {
      t->cell[t->nrows * t->ncols + c] = NULL;
      t->idlen[t->nrows * t->ncols + c] = 0;
    }
  t->nrows++;
  t->filled = 0;
}

void
tab_cell(tab *t, const char *text)
{
  if (t->nrows == 0 || t->filled >= t->ncols)
    abort();                  /* a table built wrong is a bug */
  t->cell[(t->nrows - 1) * t->ncols + t->filled++] = xstrdup(text ? text : "");
}

void
tab_cell_id(tab *t, const char *id, const char *text)
{
  if (!id)
    {
      tab_cell(t, text);
      return;
    }
  char *both = xasprintf("%s %s", id, text ? text : "");
  tab_cell(t, both);
  free(both);
  t->idlen[(t->nrows - 1) * t->ncols + t->filled - 1] = strlen(id);
}

void
tab_num(tab *t, unsigned long long n)
{
  char buf[24];
  snprintf(buf, sizeof buf, "%llu", n);
  tab_cell(t, buf);
}

void
tab_free(tab *t)
{
  for (size_t i = 0; i < t->nrows * t->ncols; i++)
    free(t->cell[i]);
  free(t->cell);
  free(t->idlen);
  free(t->head);
  free(t->kind);
  *t = (tab){ 0 };
}

static const char *
at(const tab *t, size_t row, size_t col)
{
  const char *s = t->cell[row * t->ncols + col];
  return s ? s : "";
}

void
tab_text(FILE *f, const tab *t, int indent, int gap, int width, int num_min)
{
  int *cw = xcalloc(t->ncols, sizeof *cw);
  int room = width - indent;
  for (size_t c = 1; c < t->ncols; c++)
    {
      cw[c] = txt_width(t->head[c]) > num_min ? txt_width(t->head[c]) : num_min;
      for (size_t r = 0; r < t->nrows; r++)
        if (txt_width(at(t, r, c)) > cw[c])
          cw[c] = txt_width(at(t, r, c));
      room -= gap + cw[c];
    }
  int lw = txt_width(t->head[0]);
  for (size_t r = 0; r < t->nrows; r++)
    if (txt_width(at(t, r, 0)) > lw)
      lw = txt_width(at(t, r, 0));
  if (lw > room)
    lw = room > 8 ? room : 8;
  fprintf(f, "%*s", indent, "");
  txt_pad(f, t->head[0], lw);
  for (size_t c = 1; c < t->ncols; c++)
    {
      fprintf(f, "%*s", gap, "");
      if (t->kind[c] == TAB_NUM)
        txt_rpad(f, t->head[c], cw[c]);
      else
        txt_pad(f, t->head[c], cw[c]);
    }
  fputc('\n', f);
  for (size_t r = 0; r < t->nrows; r++)
    {
      fprintf(f, "%*s", indent, "");
      char *clean = txt_sanitize(at(t, r, 0), true);
      char *cut = txt_ellipsize(clean, lw);
      txt_pad(f, cut, lw);
      free(cut);
      free(clean);
      for (size_t c = 1; c < t->ncols; c++)
        {
          fprintf(f, "%*s", gap, "");
          char *cl = txt_sanitize(at(t, r, c), true);
          if (t->kind[c] == TAB_NUM)
            txt_rpad(f, cl, cw[c]);
          else
            txt_pad(f, cl, cw[c]);
          free(cl);
        }
      fputc('\n', f);
    }
  free(cw);
}

void
tab_md(FILE *f, const tab *t)
{
  fputc('|', f);
  for (size_t c = 0; c < t->ncols; c++)
    {
      fputc(' ', f);
      emit_md(f, t->head[c]);
      fputs(" |", f);
    }
  fputs("\n|", f);
  for (size_t c = 0; c < t->ncols; c++)
    fputs(t->kind[c] == TAB_NUM ? "---:|" : "---|", f);
  fputc('\n', f);
  for (size_t r = 0; r < t->nrows; r++)
    {
      fputc('|', f);
      for (size_t c = 0; c < t->ncols; c++)
        {
          fputc(' ', f);
          size_t n = t->idlen[r * t->ncols + c];
          if (n)
            {
              char *id = xstrndup(at(t, r, c), n);
              emit_md(f, id);
              free(id);
              fputc(' ', f);
            }
          emit_md(f, at(t, r, c) + (n ? n + 1 : 0));
          fputs(" |", f);
        }
      fputc('\n', f);
    }
}

void
tab_html(FILE *f, const tab *t, const char *cls)
{
  fputs("<table class=\"", f);
  html_put(f, cls);
  fputs("\">\n<thead><tr>", f);
  for (size_t c = 0; c < t->ncols; c++)
    html_el(f, "th", t->kind[c] == TAB_NUM ? "num" : NULL, t->head[c]);
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t r = 0; r < t->nrows; r++)
    {
      fputs("<tr>", f);
      for (size_t c = 0; c < t->ncols; c++)
        {
          fputs(t->kind[c] == TAB_NUM ? "<td class=\"num\">" : "<td>", f);
          size_t n = t->idlen[r * t->ncols + c];
          if (n)
            {
              char *id = xstrndup(at(t, r, c), n);
              fputs("<span class=\"id\">", f);
              html_put(f, id);
              fputs("</span> ", f);
              free(id);
            }
          html_put(f, at(t, r, c) + (n ? n + 1 : 0));
          fputs("</td>", f);
        }
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
}

/* A line of fields; kind NULL: all quoted as text (the headings). */
static void
csv_line(FILE *f, const char *const *field, const enum tab_kind *kind, size_t n)
{
  for (size_t c = 0; c < n; c++)
    {
      if (c)
        fputc(',', f);
      if (kind && kind[c] == TAB_NUM)
        fputs(field[c] ? field[c] : "", f);
      else
        emit_csv(f, field[c]);
    }
  fputs("\r\n", f);
}

void
tab_csv(FILE *f, const tab *t)
{
  csv_line(f, t->head, NULL, t->ncols);
  for (size_t r = 0; r < t->nrows; r++)
    csv_line(f, (const char *const *) &t->cell[r * t->ncols], t->kind, t->ncols);
}
