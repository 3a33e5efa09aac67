/* report_html: reports as one self-contained HTML5 page, for the people
 * who read results on paper: printable on A4, in the chosen language.
 *
 * The page needs nothing outside itself: the stylesheet is inline, the
 * charts are inline SVG, there is no script, and nothing is fetched (no
 * font, image, stylesheet or link).  Every string goes out through
 * html_put or html_put_lines, which escape markup and make control
 * characters visible, so a note cannot inject anything.
 *
 * html_report renders one assessment from the shared figures (coverage.h)
 * and wording (report.h).  The pieces it is built from are public so that
 * the other reports (a comparison, a plan, an aggregate) make their pages
 * from the same skeleton, stylesheet, charts and cells:
 *   html_begin .. html_end   the page, its head and stylesheet
 *   html_put, html_put_lines, html_el
 *                            escaped text, and an element around it
 *   html_bar_chart           coverage bars by row, one or two series
 *   html_stack_chart         counts stacked by kind, with their legend
 *   html_cell, html_band_legend
 *                            a table cell coloured and marked by band */
#ifndef KIJUN_REPORT_HTML_H
#define KIJUN_REPORT_HTML_H

#include <stddef.h>
#include <stdio.h>

#include "model/coverage.h"
#include "base/i18n.h"
#include "model/plan.h"
#include "report/report_base.h"

/* Write the single-assessment report as an HTML page. */
void html_report(FILE *f, const report_ctx *r, const coverage *c);

/* The doctype, head (title, inline stylesheet) and the opening <body>
 * and <main>; html_end closes them. */
void html_begin(FILE *f, enum lang lang, const char *title);
void html_end(FILE *f);

/* s as HTML text, also safe inside a quoted attribute value: & < > " '
 * escaped, control characters shown as ^X (see txt_sanitize), NULL as
 * "-".  html_put_lines keeps line breaks (as <br>); html_put turns them
 * into spaces. */
void html_put(FILE *f, const char *s);
void html_put_lines(FILE *f, const char *s);
/* <tag class="cls">s</tag> and a newline, s escaped; cls may be NULL. */
void html_el(FILE *f, const char *tag, const char *cls, const char *s);
/* One <dt>label</dt><dd class="cls">value</dd> of a <dl class="facts">;
 * cls may be NULL. */
void html_fact(FILE *f, const char *label, const char *value, const char *cls);
/* The top of a report's cover: the kicker (what the page is), the
 * organisation (or the questionnaire) as the title, the questionnaire,
 * and an open <dl class="facts"> with the profile; the caller adds its
 * facts and closes the list and the <header>. */
void html_cover_head(FILE *f, const report_ctx *r, const char *kicker);
/* One question out of scope (or moved in or out of it) as a list item:
 * its id, level, answer, the reason, its text. */
void html_scope_item(FILE *f, const qn_question *x, const char *answer, const char *why, enum lang l);
/* A question's id, marked (*) when its level is kijun's reading. */
void html_question_id(FILE *f, const qn_question *x);
/* The plan of an answer as <dt>/<dd> pairs inside an open <dl>: the
 * action (its lines kept), owner, due and done dates; nothing when the
 * answer has no plan. */
void html_plan_fields(FILE *f, const ans_entry *e);
/* One question not met, with its plan, as a card that reads on A4 and
 * on a wide screen alike: id, phase, why not met and where its plan
 * stands (in bold when overdue), the question, then the plan. */
void html_plan_item(FILE *f, const report_ctx *r, const plan_item *it);
/* The scope section (report.h, report_text_scope): the scope answers and
 * the questions out of scope with their reasons; nothing when
 * report_has_scope(r) is false. */
void html_scope(FILE *f, const report_ctx *r, const coverage *c);

/* Horizontal coverage bars: one group per row, one bar per series, each
 * with its figure written beside it ("62.5% (25/40)").  A NULL tally
 * draws no bar.  Series 0 is solid, series 1 hatched, so the two read
 * apart in black and white. */
#define HTML_SERIES_MAX 2
typedef struct html_bar_row
{
  const char *label;
  const cov_tally *v[HTML_SERIES_MAX];
} html_bar_row;
void html_bar_chart(FILE *f, const char *caption, const char *const series[], size_t nseries,
                    const html_bar_row *rows, size_t nrows);

/* One bar per row with counts stacked by kind, each count written in its
 * segment when it fits and always in the legend table below the chart.
 * cls names the CSS class that colours a kind (see the stylesheet). */
typedef struct html_kind
{
  const char *name;
  const char *cls;
} html_kind;
typedef struct html_stack_row
{
  const char *label;
  const unsigned *counts;     /* nkinds counts */
} html_stack_row;
void html_stack_chart(FILE *f, const char *caption, const html_kind *kinds, size_t nkinds,
                      const html_stack_row *rows, size_t nrows);

/* A headline figure: "40.0%" large over "(2/5)" (what follows "("). */
void html_kpi(FILE *f, const char *label, const char *figure);

/* The statuses as chart kinds, in the order the charts stack them (met
 * first, unanswered last): order[k] is the status of kinds[k], whose
 * class name is kept in cls[k].  Returns how many. */
int html_status_kinds(html_kind kinds[ANS_STATUS_COUNT], enum ans_status order[ANS_STATUS_COUNT],
                      char cls[ANS_STATUS_COUNT][48]);

/* How far a tally is met, for colouring a cell.  Each band also has a
 * mark, so the table reads without colour. */
enum html_band
{
  HTML_BAND_EMPTY,            /* no question of this level */
  HTML_BAND_UNANSWERED,       /* nothing answered yet: neutral, not a failure */
  HTML_BAND_NA,               /* nothing applicable */
  HTML_BAND_NONE,             /* 0% */
  HTML_BAND_LOW,              /* under 50% */
  HTML_BAND_HIGH,             /* 50% or more, not all */
  HTML_BAND_FULL,             /* 100% */
  HTML_BAND_COUNT
};
enum html_band html_band(const cov_tally *t);
/* A <td> with the band's colour, mark and the figure. */
void html_cell(FILE *f, const cov_tally *t);
/* A line explaining the marks and colours of html_cell. */
void html_band_legend(FILE *f);

#endif
