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

#include <stdio.h>

#include "report/report_base.h"

enum report_fmt { REPORT_TEXT, REPORT_MARKDOWN, REPORT_CSV, REPORT_JSON, REPORT_HTML };

/* "text", "markdown" (or "md"), "csv", "json", "html"; -1 when unknown. */
int report_fmt_parse(const char *s);
/* Write the report, wholly in r->lang whatever the interface speaks;
 * returns 0, or EX_IOERR when the stream failed. */
int report_write(FILE *f, enum report_fmt fmt, const report_ctx *r);
/* The headline of the text report alone (verdict and its caveat, both
 * coverages, answered), as kijun prints it last on leaving. */
int report_headline(FILE *f, const report_ctx *r);
/* A tally's columns and keys, as the report writes them: CSV
 * ",met,applicable,percent,total,<status>...,missing_reason,reconfirm"
 * (no line end), and a JSON object with the same names. */
void report_csv_tally(FILE *f, const cov_tally *t);
void report_json_tally(FILE *f, const cov_tally *t);

/* The start of a JSON report: "{", schema, generated, language, as_of
 * (when not NULL) and the questionnaire group. */
void report_json_head(FILE *f, const questionnaire *q, enum lang lang, const char *schema,
                      const char *as_of);
/* The Markdown report's facts table: questionnaire, version, answers
 * file and the profile (the table stays open for more rows). */
void report_md_facts(FILE *f, const report_ctx *r);
/* The text report's facts: questionnaire, version, answers file and the
 * profile, aligned, and nmore (at most 4) more. */
void report_text_facts(FILE *f, const report_ctx *r, int width, const char *const *labels_more,
                       const char *const *values_more, int nmore);

#endif
