/* report_compare_int: what the comparison's formats share
 * (report_compare.c) and each format's writer (report_compare_text.c,
 * _md, _csv, _json, _html).  Internal to the report layer; see
 * report_compare.h. */
#ifndef KIJUN_REPORT_COMPARE_INT_H
#define KIJUN_REPORT_COMPARE_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/compare.h"
#include "report/report_compare.h"

/* The two sides' short names, untranslated (N_). */
extern const char *const rcmp_side_labels[2];
/* One side, as the single-assessment report's helpers want it. */
report_ctx rcmp_side(const report_compare_ctx *r, bool new);
const char *rcmp_list_title(enum cmp_list l);
char *rcmp_overdue_title(const comparison *c);
/* "Old: a.cfg" / "New: b.cfg": the headings of the two sides. */
char *rcmp_side_heading(const report_compare_ctx *r, bool new);
/* The scope changes (compare.h): only for a questionnaire that asks scope
 * questions, so that other comparisons read as they always did. */
bool rcmp_has_scope(const report_compare_ctx *r);
const char *rcmp_scope_title(void);
const char *rcmp_moved_title(bool left);
/* Why question qi moved: the new reason for one that left, the old one
 * for one that came back (newly allocated). */
char *rcmp_moved_reason(const report_compare_ctx *r, size_t qi, bool left);
/* "No -> Yes" */
char *rcmp_scope_change_text(const report_compare_ctx *r, size_t k);

/* The formats. */
void rcmp_text(FILE *f, const report_compare_ctx *r, const comparison *c);
void rcmp_md(FILE *f, const report_compare_ctx *r, const comparison *c);
void rcmp_csv(FILE *f, const report_compare_ctx *r, const comparison *c);
void rcmp_json(FILE *f, const report_compare_ctx *r, const comparison *c);
void rcmp_html(FILE *f, const report_compare_ctx *r, const comparison *c);

#endif
