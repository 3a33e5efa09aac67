/* table: a report's table built once and written in each format: plain
 * text (columns by display width), Markdown, HTML, CSV.  A table is its column
 * headings with their kind (text, or a number aligned right) and its rows
 * of cells, kept as text; a new column is one more heading and one more
 * cell a row, in every format at once.
 *
 * In plain text the first column is the one that gives way: it takes what
 * the other columns leave of the width, and a longer cell is cut with an
 * ellipsis; numbers are never cut. */
#ifndef KIJUN_TABLE_H
#define KIJUN_TABLE_H

#include <stddef.h>
#include <stdio.h>

enum tab_kind { TAB_TEXT, TAB_NUM };

typedef struct tab
{
  size_t ncols, nrows, cap;
  const char **head;          /* ncols headings (not copied) */
  enum tab_kind *kind;
  char **cell;                /* nrows * ncols, each newly allocated */
  size_t *idlen;              /* nrows * ncols: the length of a cell's
                                 leading id (tab_cell_id), or 0 */
  size_t filled;              /* cells given in the last row */
} tab;

/* A table of ncols columns, without rows. */
void tab_init(tab *t, size_t ncols);
void tab_head(tab *t, size_t col, const char *head, enum tab_kind kind);
/* Start a row; its cells follow, left to right. */
void tab_row(tab *t);
void tab_cell(tab *t, const char *text);
void tab_num(tab *t, unsigned long long n);
/* A cell "id text": the id set apart where the format can (a span of
 * class id in HTML), one space before the text elsewhere; id NULL: the
 * text alone. */
void tab_cell_id(tab *t, const char *id, const char *text);
void tab_free(tab *t);

/* Plain text, each line indented by indent, columns gap apart, within
 * width columns; a number column is at least num_min wide. */
void tab_text(FILE *f, const tab *t, int indent, int gap, int width, int num_min);
/* A Markdown table (the headings' line, the alignment line, the rows). */
void tab_md(FILE *f, const tab *t);
/* An HTML table of class cls, number cells of class num. */
void tab_html(FILE *f, const tab *t, const char *cls);
/* CSV (RFC 4180): the headings' line, then the rows, lines ended by
 * CRLF; headings and text cells quoted and formula-guarded by emit_csv,
 * number cells (kijun's own figures) as they are, so that a negative
 * change stays a number.  The excel-csv format is the same bytes after a
 * byte-order mark (report_fmt_begin). */
void tab_csv(FILE *f, const tab *t);

#endif
