/* report_agg: the aggregate report.  See report_agg.h.
 *
 * Every format walks the same figures in the same order: what was read,
 * organisations by sector and verdict, the distribution of baseline
 * coverage (overall, by phase, by item), the questions least met first,
 * then the files left out, the duplicates and, with names, the
 * organisations. */
#include <config.h>
#include "report/report_agg.h"
#include "report/report_agg_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"
#include "base/text.h"
#include "base/xalloc.h"

/* ---- shared ------------------------------------------------------------- */

/* A value in tenths of a percent as every report writes it ("62.5"), or
 * NULL when there is none. */
const char *
aggrep_tenths_text(int v, char buf[COV_PERCENT_SIZE])
{
  if (v < 0)
    return NULL;
  snprintf(buf, COV_PERCENT_SIZE, "%d.%d", v / 10, v % 10);
  return buf;
}

/* The five figures of a distribution: minimum, quartiles, maximum. */
const unsigned aggrep_five_num[AGGREP_FIVE] = { 0, 1, 1, 3, 1 };
const unsigned aggrep_five_den[AGGREP_FIVE] = { 1, 4, 2, 4, 1 };
const char *const aggrep_five_key[AGGREP_FIVE] = { "min", "q1", "median", "q3", "max" };

const char *
aggrep_five_name(int k)
{
  const char *names[AGGREP_FIVE] = { _("Min"), _("Q1"), _("Median"), _("Q3"), _("Max") };
  return names[k];
}


/* The rows: overall, each phase, each item, then each CSF function and
 * category that some question names; returns how many (rows has room
 * for AGGREP_ROWS). */
size_t
aggrep_scope_rows(const aggrep_ctx *r, aggrep_row *rows)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  size_t n = 0;
  rows[n++] = (aggrep_row){ "overall", q->id, _("Overall"), &g->overall };
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    rows[n++] = (aggrep_row){ "phase", qn_phase_key((enum qn_phase) p),
                             qn_phase_name((enum qn_phase) p), &g->phase[p] };
  for (size_t k = 0; k < q->nsections; k++)
    rows[n++] = (aggrep_row){ "section", q->sections[k].id, qn_tr(&q->sections[k].title, r->lang),
                             &g->section[k] };
  /* Only what the questionnaire names: a function or category no
   * question bears on has no figure (one with no applicable question in
   * some file does, as a phase does). */
  bool fn_named[CSF_FUNCTION_COUNT] = { false }, cat_named[CSF_CATEGORY_COUNT] = { false };
  for (size_t i = 0; i < q->nquestions; i++)
    for (size_t k = 0; k < q->questions[i].ncsf; k++)
      {
        const csf_ref *x = &q->questions[i].csf[k];
        fn_named[x->fn] = true;
        if (x->cat >= 0)
          cat_named[x->cat] = true;
      }
  for (int f = 0; f < CSF_FUNCTION_COUNT; f++)
    {
      if (!fn_named[f])
        continue;
      rows[n++] = (aggrep_row){ "csf_function", csf_function_key((enum csf_function) f),
                               csf_function_name((enum csf_function) f, r->lang), &g->csf_fn[f] };
      for (int c = 0; c < CSF_CATEGORY_COUNT; c++)
        if (cat_named[c] && csf_category_function((enum csf_category) c) == (enum csf_function) f)
          rows[n++] = (aggrep_row){ "csf_category", csf_category_key((enum csf_category) c),
                                   csf_category_name((enum csf_category) c, r->lang), &g->csf_cat[c] };
    }
  return n;
}

/* Whether a row is named by its id before its label: items ("1.1
 * Policy") and CSF functions and categories ("GV.PO Policy"). */
bool
aggrep_shows_id(const aggrep_row *r)
{
  return strcmp(r->key, "section") == 0 || strncmp(r->key, "csf_", 4) == 0;
}

const char *
aggrep_sector_label(const aggrep_ctx *r, size_t row)
{
  const questionnaire *q = r->s->agg.qn;
  return row < q->nsectors ? qn_tr(&q->sectors[row].name, r->lang) : _("Not given");
}

const char *
aggrep_quantile_note(void)
{
  return _("Baseline coverage of each organisation, over the organisations: the minimum, the "
           "quartiles (Q1, median, Q3: the smallest figure that at least a quarter, half or three "
           "quarters of the organisations do not exceed) and the maximum. An organisation with no "
           "applicable baseline question in a scope is not counted there.");
}

const char *
aggrep_share_note(void)
{
  return _("A question's share is the organisations that meet it over those to which it applies "
           "(not those answering not applicable with a reason).");
}

unsigned
aggrep_met_files(const aggregate *g)
{
  return g->verdict[AGG_MET];
}

/* The files of a row of verdict counts. */
unsigned
aggrep_row_files(const unsigned *v)
{
  unsigned n = 0;
  for (int k = 0; k < AGG_VERDICT_COUNT; k++)
    n += v[k];
  return n;
}

/* A verdict as a column heading: short, explained by aggrep_verdict_note. */
const char *
aggrep_verdict_head(enum agg_verdict v)
{
  static const char *const heads[AGG_VERDICT_COUNT] = {
    /* TRANSLATORS: column headings of the aggregate's verdicts: baseline
       met, not met, not yet decided (questions unanswered), not met only
       because answers await reconfirmation.  Short. */
    N_("Baseline met"), N_("Not met"), N_("Undecided"), N_("Reconfirm"),
  };
  return _(heads[v]);
}

const char *
aggrep_verdict_note(void)
{
  return _("Undecided: the organisation's own report says \"not yet decided\", because baseline "
           "questions are unanswered; an unfinished assessment is not a failed one. Reconfirm: "
           "the baseline is not met only because answers carried from an earlier revision await "
           "reconfirmation.");
}

/* What the distributions leave out, or NULL when nothing is. */
char *
aggrep_unfinished_note(const aggregate *g)
{
  unsigned n = g->verdict[AGG_UNDECIDED];
  if (!n)
    return NULL;
  return xasprintf(ngettext("%u organisation whose assessment is not yet decided is left out of "
                            "these figures (its unanswered questions would count as not met).",
                            "%u organisations whose assessments are not yet decided are left out of "
                            "these figures (their unanswered questions would count as not met).", n),
                   n);
}

/* The report's title: --title, or the default. */
const char *
aggrep_title(const aggrep_ctx *r)
{
  return r->title && *r->title ? r->title : _("kijun: aggregate report");
}

/* The statuses in the order of their digits, unanswered last. */
enum ans_status
aggrep_nth(int i)
{
  return ans_status_nth(i);
}

/* ---- the scope ------------------------------------------------------------ */

/* The aggregate's scope section (kijun-questionnaire(5), "Scope"), in
 * every format after the questions: for each scope question how many
 * files answered it yes, no or not at all, then each question that some
 * files left out of their figures, in walk order, with in how many and
 * why.  Only when the questionnaire asks scope questions; the heading is
 * the single report's (report_scope_heading). */
bool
aggrep_has_scope(const aggrep_ctx *r)
{
  return r->s->agg.qn->nscopes > 0;
}

/* The answers in the order the section counts them. */
const enum ans_scope aggrep_scope_order[ANS_SCOPE_COUNT] = { ANS_SCOPE_YES, ANS_SCOPE_NO,
                                                             ANS_SCOPE_UNSET };

/* How many questions some file left out of its figures. */
size_t
aggrep_out_count(const aggregate *g)
{
  size_t n = 0;
  for (size_t i = 0; i < g->qn->nquestions; i++)
    n += g->question[i].out_of_scope > 0;
  return n;
}

char *
aggrep_scope_out_text(const aggregate *g)
{
  size_t n = aggrep_out_count(g);
  if (!n)
    return xstrdup(_("No question was out of scope in any file."));
  return xasprintf(ngettext("%zu question was out of scope in some files and is left out of their "
                            "figures (and of its row's counts above):",
                            "%zu questions were out of scope in some files and are left out of "
                            "those files' figures (and of their rows' counts above):", n),
                   n);
}

/* "out of scope in 2 of 5 files" */
char *
aggrep_scope_files_text(const aggregate *g, size_t qi)
{
  unsigned n = g->question[qi].out_of_scope;
  return xasprintf(ngettext("out of scope in %u of %u files", "out of scope in %u of %u files",
                            g->files), n, g->files);
}

/* "Yes 3 · No 1 · Not answered 0" */
char *
aggrep_scope_counts_text(const aggregate *g, size_t k)
{
  char *t = xstrdup("");
  for (int v = 0; v < ANS_SCOPE_COUNT; v++)
    {
      char *more = xasprintf("%s%s%s %u", t, v ? " \u00b7 " : "", ans_scope_name(aggrep_scope_order[v]),
                             g->scope[k][aggrep_scope_order[v]]);
      free(t);
      t = more;
    }
  return t;
}

void
aggrep_sector_table(const aggrep_ctx *r, tab *t)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  tab_init(t, 2 + AGG_VERDICT_COUNT);
  tab_head(t, 0, _("Sector"), TAB_TEXT);
  tab_head(t, 1, _("Files"), TAB_NUM);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    tab_head(t, 2 + (size_t) v, aggrep_verdict_head((enum agg_verdict) v), TAB_NUM);
  for (size_t k = 0; k <= q->nsectors + 1; k++)
    {
      const unsigned *v = k <= q->nsectors ? g->sector[k] : g->verdict;
      /* Sectors no file names are left out, but "not given" only when
       * some file names none. */
      if (k <= q->nsectors && !aggrep_row_files(v))
        continue;
      tab_row(t);
      tab_cell(t, k <= q->nsectors ? aggrep_sector_label(r, k) : _("Total"));
      tab_num(t, aggrep_row_files(v));
      for (int j = 0; j < AGG_VERDICT_COUNT; j++)
        tab_num(t, v[j]);
    }
}

void
aggrep_dist_table(const aggrep_ctx *r, tab *t)
{
  const questionnaire *q = r->s->agg.qn;
  tab_init(t, 2 + AGGREP_FIVE);
  tab_head(t, 0, _("Scope"), TAB_TEXT);
  tab_head(t, 1, _("Files"), TAB_NUM);
  for (int k = 0; k < AGGREP_FIVE; k++)
    tab_head(t, 2 + (size_t) k, aggrep_five_name(k), TAB_NUM);
  aggrep_row *rows = xcalloc(AGGREP_ROWS(q), sizeof *rows);
  size_t n = aggrep_scope_rows(r, rows);
  for (size_t i = 0; i < n; i++)
    {
      tab_row(t);
      tab_cell_id(t, aggrep_shows_id(&rows[i]) ? rows[i].id : NULL, rows[i].label);
      tab_num(t, rows[i].d->n);
      for (int k = 0; k < AGGREP_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE], cell[COV_PERCENT_SIZE + 1];
          const char *v = aggrep_tenths_text(agg_quantile(rows[i].d, aggrep_five_num[k], aggrep_five_den[k]), pct);
          snprintf(cell, sizeof cell, "%s%s", v ? v : "-", v ? "%" : "");
          tab_cell(t, cell);
        }
    }
  free(rows);
}

int
aggrep_write(FILE *f, enum report_fmt fmt, const aggrep_ctx *r)
{
  enum lang ui = i18n_switch_messages(r->lang);
  int rc = 0;
  fmt = report_fmt_begin(f, fmt);
  switch (fmt)
    {
    case REPORT_XLSX: rc = aggrep_xlsx(f, r); break;
    case REPORT_CSV_EXCEL: break;
    case REPORT_TEXT: aggrep_text(f, r); break;
    case REPORT_MARKDOWN: aggrep_md(f, r); break;
    case REPORT_CSV: aggrep_csv(f, r); break;
    case REPORT_JSON: aggrep_json(f, r); break;
    case REPORT_HTML: aggrep_html(f, r); break;
    }
  i18n_switch_messages(ui);
  return rc ? rc : ferror(f) ? EX_IOERR : 0;
}

void
aggrep_scope_table(const aggrep_ctx *r, tab *t)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  tab_init(t, 1 + ANS_SCOPE_COUNT);
  tab_head(t, 0, _("Scope question"), TAB_TEXT);
  for (int v = 0; v < ANS_SCOPE_COUNT; v++)
    tab_head(t, 1 + (size_t) v, ans_scope_name(aggrep_scope_order[v]), TAB_NUM);
  for (size_t k = 0; k < q->nscopes; k++)
    {
      tab_row(t);
      tab_cell(t, qn_tr(&q->scopes[k].text, r->lang));
      for (int v = 0; v < ANS_SCOPE_COUNT; v++)
        tab_num(t, g->scope[k][aggrep_scope_order[v]]);
    }
}
