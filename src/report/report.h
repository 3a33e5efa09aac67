/* report: the coverage report of an assessment, as plain text (also what
 * kijun prints on leaving the interface), Markdown, CSV, JSON or HTML
 * (the HTML page is report_html.h's job).
 *
 * Text and Markdown follow the chosen language and show file text with
 * control characters escaped.  CSV column names and JSON keys are English
 * and stable in every language (scripts depend on them; the schema is in
 * kijun(1)); the titles and labels they carry follow the language. */
#ifndef KIJUN_REPORT_H
#define KIJUN_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "report/report_base.h"
#include "report/table.h"

/* REPORT_CSV_EXCEL is the CSV with a byte order mark, which Excel needs
 * to read UTF-8 (without it, Japanese Excel shows mojibake); REPORT_XLSX
 * is a workbook (report_xlsx.h), which --compare does not write. */
enum report_fmt { REPORT_TEXT, REPORT_MARKDOWN, REPORT_CSV, REPORT_JSON, REPORT_HTML, REPORT_XLSX,
                  REPORT_CSV_EXCEL };

/* "text", "markdown" (or "md"), "csv", "json", "html", "xlsx",
 * "excel-csv"; -1 when unknown. */
int report_fmt_parse(const char *s);
/* Whether the format is for programs or other viewers than a terminal
 * (HTML, JSON, xlsx): never poured into a terminal. */
bool report_fmt_binaryish(enum report_fmt fmt);
/* The byte order mark REPORT_CSV_EXCEL starts with; the format then
 * written is REPORT_CSV. */
enum report_fmt report_fmt_begin(FILE *f, enum report_fmt fmt);
/* Write the report, wholly in r->lang whatever the interface speaks;
 * returns 0, or EX_IOERR when the stream failed. */
int report_write(FILE *f, enum report_fmt fmt, const report_ctx *r);
/* The headline of the text report alone (verdict and its caveat, both
 * coverages, answered), as kijun prints it last on leaving. */
int report_headline(FILE *f, const report_ctx *r);
/* A tally's columns and keys, as the report writes them: the CSV
 * columns "met,applicable,percent,total,<status>...,missing_reason,
 * reconfirm" (their headings from column col on, and a row's cells), and
 * a JSON object with the same names. */
#define REPORT_CSV_TALLY_COLS (6 + ANS_STATUS_COUNT)
void report_csv_tally_heads(tab *t, size_t col);
void report_csv_tally_cells(tab *t, const cov_tally *c);
/* The tally as the flat object member key (NULL: an element). */
void report_json_tally(jw *w, const char *key, const cov_tally *t);

/* The start of a JSON report: the top-level object opened, with schema,
 * generated, language, as_of (when not NULL) and the questionnaire. */
void report_json_head(jw *w, const questionnaire *q, enum lang lang, const char *schema, const char *as_of);
/* The profile of r's answers, and the sector's name, as member "profile". */
void report_json_profile(jw *w, const report_ctx *r);
/* The Markdown report's facts table: questionnaire, version, answers
 * file and the profile (the table stays open for more rows). */
void report_md_facts(FILE *f, const report_ctx *r);
/* The text report's facts: questionnaire, version, answers file and the
 * profile, aligned, and nmore (at most 4) more. */
void report_text_facts(FILE *f, const report_ctx *r, int width, const char *const *labels_more,
                       const char *const *values_more, int nmore);
/* The scope section (kijun-questionnaire(5), "Scope"): the scope answers
 * and each question they leave out of the figures with its reason, as
 * text, Markdown and the member "scope" of a JSON object; nothing when report_has_scope(r) is false.  Every report of
 * one assessment (the report, the plan) says it with these. */
void report_text_scope(FILE *f, const report_ctx *r, const coverage *c, int width);
void report_md_scope(FILE *f, const report_ctx *r, const coverage *c);
void report_json_scope(jw *w, const report_ctx *r, const coverage *c);

#endif
