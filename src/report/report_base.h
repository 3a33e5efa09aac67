/* report_base: what every report format shares, below the renderers
 * (report.c's text, Markdown, CSV and JSON; report_html.c's page): the
 * context a report is rendered with, and the sentences every format says,
 * so that each is written once whatever renders it. */
#ifndef KIJUN_REPORT_BASE_H
#define KIJUN_REPORT_BASE_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "model/answers.h"
#include "model/coverage.h"
#include "base/i18n.h"
#include "model/qn.h"
#include "report/jsonw.h"

typedef struct report_ctx
{
  const questionnaire *qn;
  const assessment *a;
  const char *answers_path;   /* shown in the report; may be NULL */
  enum lang lang;
  int width;                  /* text report width in columns (0: 80) */
  const coverage *then;       /* the previous cycle's figures, or NULL: the
                                 text report shows each figure's change */
  const char *then_path;      /* the previous cycle's answers file and start */
  const char *then_started;
} report_ctx;

/* The wording every format shares, in the current message language
 * (report_write sets it to the report's), so that a sentence is written
 * once whatever renders it. */
const char *report_formula_text(void);
/* The verdict in words (valid until the next call). */
const char *report_verdict_text(const coverage *c);
/* The caveat said next to the verdict: how many levels are kijun's own
 * reading (a new string), or NULL when none is. */
char *report_caveat_text(const coverage *c, size_t nquestions);
const char *report_editorial_text(void);
/* The mark of a question whose level is kijun's reading, in every
 * format. */
#define REPORT_MARK "[k]"
/* The heading of the count of questions by the basis of their level, and
 * the mark a basis carries in the lists ("" or REPORT_MARK). */
const char *report_bases_heading(void);
/* Headings of the questionnaire's own texts in the basis section: what
 * its questions rest on (source) and its answering rules (guidance). */
const char *report_rests_heading(void);
const char *report_rules_heading(void);
const char *report_basis_label(enum qn_basis b);
/* The label before a question's level_note. */
const char *report_level_note_label(void);
/* The sector's name in the report's language, or the raw id; NULL when
 * not given. */
const char *report_sector_name(const report_ctx *r);
/* An ISO 8601 time (2026-12-04T07:50:53Z, ...+09:00) as a moment; false
 * when s is not one. */
bool report_time_parse(const char *s, time_t *out);
/* An ISO 8601 time as people read it, in the local time zone with the
 * zone named, in the usual form of language l:
 * "2026年12月4日 16:50 JST", "4 Dec 2026 16:50 JST"; anything else as it
 * is (NULL: NULL).  Files and machine formats keep ISO 8601.  Valid for
 * the next three calls. */
const char *report_time_text(const char *s, enum lang l);
/* The assessment's last answer as people read it (report_time_text),
 * or words saying there is none yet: answers carried into a new cycle
 * and not yet reconfirmed are not its answers (coverage.h). */
const char *report_last_answer_text(const coverage *c, enum lang l);
/* A profile field as a report shows it (the sector by name, the start
 * as report_time_text). */
const char *report_profile_value(const report_ctx *r, int f);
/* Why an unmet answer is unmet: its status, or the missing reason. */
const char *report_unmet_reason(const ans_entry *e);
/* The heading of the unmet baseline questions, counting apart those not
 * met and those not yet answered (an unfinished assessment is not a
 * failed one); newly allocated. */
char *report_unmet_heading(const assessment *a, const coverage *c);
/* How many of the unmet baseline questions are unanswered. */
unsigned report_unmet_unanswered(const assessment *a, const coverage *c);
/* The headings of the answers to reconfirm and of the answers to
 * questions no longer asked, with their counts; newly allocated. */
char *report_reconfirm_heading(const coverage *c);
char *report_retired_heading(const coverage *c);
/* The scope section (kijun-questionnaire(5), "Scope"): whether there is
 * one (the questionnaire asks scope questions, or the assessment keeps
 * answers to some), its heading, the scope question of the assessment's
 * k-th scope answer as people read it (its text, or for one the
 * questionnaire does not ask, its id and so; newly allocated), and the
 * sentence on the questions out of scope (newly allocated). */
bool report_has_scope(const report_ctx *r);
const char *report_scope_heading(void);
char *report_scope_question(const report_ctx *r, size_t k);
char *report_scope_out_text(const coverage *c);
/* What a retired answer's status is called ("Unanswered" when none). */
const char *report_retired_status(const ans_retired *x);

/* The rows of the coverage by NIST CSF 2.0: each function some question
 * names, followed by its categories that some question names, in NIST's
 * order; t is the row's [QN_LEVEL_COUNT] tallies. */
typedef struct report_csf_row
{
  const char *scope;          /* "csf_function" or "csf_category" (CSV, JSON) */
  const char *id;             /* "GV", "GV.OC" */
  const char *name;           /* in the report's language */
  const cov_tally *t;
  bool category;
} report_csf_row;
#define REPORT_CSF_ROWS (CSF_FUNCTION_COUNT + CSF_CATEGORY_COUNT)
/* Fills rows (room for REPORT_CSF_ROWS); returns how many. */
size_t report_csf_rows(const coverage *c, enum lang l, report_csf_row *rows);
/* The heading of that view and the sentence that says how to read it. */
const char *report_csf_heading(void);
const char *report_csf_note(void);

/* The opening of a phase's or an item's flat object in a JSON report,
 * its id and its name or title: the rest of the object, and its end, are
 * the report's own. */
/* The statuses of the reports' "not met, by kind": the brief ones that
 * can never count.  Returns how many. */
int report_unmet_kinds(enum ans_status out[ANS_STATUS_COUNT]);
void report_json_phase_head(jw *w, enum qn_phase p);
void report_json_section_head(jw *w, const qn_section *s, enum lang l);

#endif
