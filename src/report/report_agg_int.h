/* report_agg_int: what the aggregate report's formats share (report_agg.c)
 * and each format's writer (report_agg_text.c, _md, _csv, _json, _html,
 * _xlsx).  Internal to the report layer; see report_agg.h. */
#ifndef KIJUN_REPORT_AGG_INT_H
#define KIJUN_REPORT_AGG_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/agg.h"
#include "model/coverage.h"
#include "report/report_agg.h"
#include "report/table.h"

/* The five figures of a distribution: minimum, quartiles, maximum. */
enum { AGGREP_FIVE = 5 };

/* One row of the distribution table: a scope and its distribution. */
typedef struct aggrep_row
{
  const char *key;              /* "overall", "phase", "section" */
  const char *id;
  const char *label;
  const agg_dist *d;
} aggrep_row;

#define AGGREP_ROWS(q) (1 + QN_PHASE_COUNT + (q)->nsections + CSF_FUNCTION_COUNT + CSF_CATEGORY_COUNT)

extern const unsigned aggrep_five_num[AGGREP_FIVE];
extern const unsigned aggrep_five_den[AGGREP_FIVE];
extern const char *const aggrep_five_key[AGGREP_FIVE];
extern const enum ans_scope aggrep_scope_order[ANS_SCOPE_COUNT];

/* A value in tenths of a percent as every report writes it ("62.5"), or
 * NULL when there is none. */
const char *aggrep_tenths_text(int v, char buf[COV_PERCENT_SIZE]);
const char *aggrep_five_name(int k);
/* The rows: overall, each phase, each item, then each CSF function and
 * category that some question names; returns how many (rows has room
 * for AGGREP_ROWS). */
size_t aggrep_scope_rows(const aggrep_ctx *r, aggrep_row *rows);
/* Whether a row is named by its id before its label: items ("1.1
 * Policy") and CSF functions and categories ("GV.PO Policy"). */
bool aggrep_shows_id(const aggrep_row *r);
const char *aggrep_sector_label(const aggrep_ctx *r, size_t row);
const char *aggrep_quantile_note(void);
const char *aggrep_share_note(void);
unsigned aggrep_met_files(const aggregate *g);
/* The files of a row of verdict counts. */
unsigned aggrep_row_files(const unsigned *v);
/* A verdict as a column heading: short, explained by aggrep_verdict_note. */
const char *aggrep_verdict_head(enum agg_verdict v);
const char *aggrep_verdict_note(void);
/* What the distributions leave out, or NULL when nothing is. */
char *aggrep_unfinished_note(const aggregate *g);
/* The report's title: --title, or the default. */
const char *aggrep_title(const aggrep_ctx *r);
/* The statuses in the order of their digits, unanswered last. */
enum ans_status aggrep_nth(int i);
/* The aggregate's scope section (kijun-questionnaire(5), "Scope"), in
 * every format after the questions: for each scope question how many
 * files answered it yes, no or not at all, then each question that some
 * files left out of their figures, in walk order, with in how many and
 * why.  Only when the questionnaire asks scope questions; the heading is
 * the single report's (report_scope_heading). */
bool aggrep_has_scope(const aggrep_ctx *r);
/* How many questions some file left out of its figures. */
size_t aggrep_out_count(const aggregate *g);
char *aggrep_scope_out_text(const aggregate *g);
/* "out of scope in 2 of 5 files" */
char *aggrep_scope_files_text(const aggregate *g, size_t qi);
/* "Yes 3 · No 1 · Not answered 0" */
char *aggrep_scope_counts_text(const aggregate *g, size_t k);

/* Organisations by sector and verdict, the total last: one table for
 * every format. */
void aggrep_sector_table(const aggrep_ctx *r, tab *t);
/* The baseline coverage of the organisations: for each scope (overall,
 * phases, items) its files and five-number summary.  Markdown and HTML;
 * the text report lays it out itself (see text_dists). */
void aggrep_dist_table(const aggrep_ctx *r, tab *t);
/* How many files answered each scope question yes, no or not at all. */
void aggrep_scope_table(const aggrep_ctx *r, tab *t);

/* The formats. */
void aggrep_text(FILE *f, const aggrep_ctx *r);
void aggrep_md(FILE *f, const aggrep_ctx *r);
void aggrep_csv(FILE *f, const aggrep_ctx *r);
void aggrep_json(FILE *f, const aggrep_ctx *r);
void aggrep_html(FILE *f, const aggrep_ctx *r);
int aggrep_xlsx(FILE *f, const aggrep_ctx *r);
/* The scope section in Markdown (written beside the text's). */
void aggrep_md_scope(FILE *f, const aggrep_ctx *r);

#endif
