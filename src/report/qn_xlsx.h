/* qn_xlsx: a questionnaire as an Excel workbook (kijun
 * --export-questionnaire=xlsx), for the people who write questionnaires
 * in Excel: one sheet holding the same table as the CSV sheet (io/qcsv),
 * the same columns and rows, every cell text.  kijun reads the table back
 * from CSV: saved from Excel or LibreOffice as "CSV UTF-8", it is what
 * --import-questionnaire takes (kijun-questionnaire(5), "Spreadsheets"). */
#ifndef KIJUN_QN_XLSX_H
#define KIJUN_QN_XLSX_H

#include <stdio.h>

#include "model/qn.h"

/* Write q as a workbook to f.  Returns 0, EX_CANTCREAT (no temporary
 * file) or EX_IOERR. */
int qn_xlsx_write(FILE *f, const questionnaire *q);

#endif
