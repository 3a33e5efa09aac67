/* qcsv: a questionnaire as a spreadsheet (CSV), for people who write
 * questionnaires in Excel or LibreOffice (kijun-questionnaire(5),
 * "Spreadsheets").
 *
 * One table, one row per thing, the first column saying what the row is:
 * a setting of the header (id, version, edition, title, source,
 * guidance), a sector, an item (section) with its counterparts and notes,
 * a question, a retired id.  qcsv_export writes the table; qcsv_import
 * reads one (UTF-8 with or without a byte order mark, Excel's quoting and
 * line breaks), writes the questionnaire file it describes and checks it
 * as kijun --check does, every problem named by row and column. */
#ifndef KIJUN_QCSV_H
#define KIJUN_QCSV_H

#include <stdio.h>

#include "base/diag.h"
#include "io/mapping.h"
#include "model/qn.h"

/* Write q as CSV to f (CRLF rows, a UTF-8 byte order mark first, as
 * spreadsheets expect).  Returns 0 or EX_IOERR. */
int qcsv_export(FILE *f, const questionnaire *q);
/* The same table, row by row below its header (the column names), for
 * other sheet formats: fn(ctx, cells, n) for each row, a NULL cell empty. */
typedef void (*qcsv_row_fn)(void *ctx, const char *const *cells, int n);
const char *const *qcsv_columns(int *n);
void qcsv_rows(const questionnaire *q, qcsv_row_fn fn, void *ctx);

/* Read the CSV file csv and write the questionnaire file out (never over
 * an existing file).  Returns 0, EX_NOINPUT, EX_DATAERR (every problem in
 * d, as "CSV: row R, column NAME: ...") or EX_CANTCREAT. */
int qcsv_import(const char *csv, const char *out, diag_t *d);

/* The same for a mapping file (kijun-mapping(5), "Spreadsheets"): a row
 * naming the questionnaires (and the provenance), then a row per entry.
 * The import checks the mapping as map_read does; its questionnaires are
 * checked by kijun --check afterwards. */
int qcsv_export_mapping(FILE *f, const mapping *m);
int qcsv_import_mapping(const char *csv, const char *out, diag_t *d);

#endif
