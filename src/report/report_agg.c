/* report_agg: the aggregate report.  See report_agg.h.
 *
 * Every format walks the same figures in the same order: what was read,
 * organisations by sector and verdict, the distribution of baseline
 * coverage (overall, by phase, by item), the questions least met first,
 * then the files left out, the duplicates and, with names, the
 * organisations. */
#include <config.h>
#include "report/report_agg.h"

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
static const char *
tenths_text(int v, char buf[COV_PERCENT_SIZE])
{
  if (v < 0)
    return NULL;
  snprintf(buf, COV_PERCENT_SIZE, "%d.%d", v / 10, v % 10);
  return buf;
}

/* The five figures of a distribution: minimum, quartiles, maximum. */
enum { AGG_FIVE = 5 };
static const unsigned five_num[AGG_FIVE] = { 0, 1, 1, 3, 1 };
static const unsigned five_den[AGG_FIVE] = { 1, 4, 2, 4, 1 };
static const char *const five_key[AGG_FIVE] = { "min", "q1", "median", "q3", "max" };

static const char *
five_name(int k)
{
  const char *names[AGG_FIVE] = { _("Min"), _("Q1"), _("Median"), _("Q3"), _("Max") };
  return names[k];
}

/* One row of the distribution table: a scope and its distribution. */
typedef struct scope_row
{
  const char *key;              /* "overall", "phase", "section" */
  const char *id;
  const char *label;
  const agg_dist *d;
} scope_row;

/* The rows: overall, each phase, each item, then each CSF function and
 * category that some question names; returns how many (rows has room
 * for SCOPE_ROWS). */
#define SCOPE_ROWS(q) (1 + QN_PHASE_COUNT + (q)->nsections + CSF_FUNCTION_COUNT + CSF_CATEGORY_COUNT)
static size_t
scope_rows(const aggrep_ctx *r, scope_row *rows)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  size_t n = 0;
  rows[n++] = (scope_row){ "overall", q->id, _("Overall"), &g->overall };
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    rows[n++] = (scope_row){ "phase", qn_phase_key((enum qn_phase) p),
                             qn_phase_name((enum qn_phase) p), &g->phase[p] };
  for (size_t k = 0; k < q->nsections; k++)
    rows[n++] = (scope_row){ "section", q->sections[k].id, qn_tr(&q->sections[k].title, r->lang),
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
      rows[n++] = (scope_row){ "csf_function", csf_function_key((enum csf_function) f),
                               csf_function_name((enum csf_function) f, r->lang), &g->csf_fn[f] };
      for (int c = 0; c < CSF_CATEGORY_COUNT; c++)
        if (cat_named[c] && csf_category_function((enum csf_category) c) == (enum csf_function) f)
          rows[n++] = (scope_row){ "csf_category", csf_category_key((enum csf_category) c),
                                   csf_category_name((enum csf_category) c, r->lang), &g->csf_cat[c] };
    }
  return n;
}

/* Whether a row is named by its id before its label: items ("1.1
 * Policy") and CSF functions and categories ("GV.PO Policy"). */
static bool
shows_id(const scope_row *r)
{
  return strcmp(r->key, "section") == 0 || strncmp(r->key, "csf_", 4) == 0;
}

static const char *
sector_label(const aggrep_ctx *r, size_t row)
{
  const questionnaire *q = r->s->agg.qn;
  return row < q->nsectors ? qn_tr(&q->sectors[row].name, r->lang) : _("Not given");
}

static const char *
quantile_note(void)
{
  return _("Baseline coverage of each organisation, over the organisations: the minimum, the "
           "quartiles (Q1, median, Q3: the smallest figure that at least a quarter, half or three "
           "quarters of the organisations do not exceed) and the maximum. An organisation with no "
           "applicable baseline question in a scope is not counted there.");
}

static const char *
share_note(void)
{
  return _("A question's share is the organisations that meet it over those to which it applies "
           "(not those answering not applicable with a reason).");
}

static unsigned
met_files(const aggregate *g)
{
  return g->verdict[AGG_MET];
}

/* The files of a row of verdict counts. */
static unsigned
row_files(const unsigned *v)
{
  unsigned n = 0;
  for (int k = 0; k < AGG_VERDICT_COUNT; k++)
    n += v[k];
  return n;
}

/* A verdict as a column heading: short, explained by verdict_note. */
static const char *
verdict_head(enum agg_verdict v)
{
  static const char *const heads[AGG_VERDICT_COUNT] = {
    /* TRANSLATORS: column headings of the aggregate's verdicts: baseline
       met, not met, not yet decided (questions unanswered), not met only
       because answers await reconfirmation.  Short. */
    N_("Baseline met"), N_("Not met"), N_("Undecided"), N_("Reconfirm"),
  };
  return _(heads[v]);
}

static const char *
verdict_note(void)
{
  return _("Undecided: the organisation's own report says \"not yet decided\", because baseline "
           "questions are unanswered; an unfinished assessment is not a failed one. Reconfirm: "
           "the baseline is not met only because answers carried from an earlier revision await "
           "reconfirmation.");
}

/* What the distributions leave out, or NULL when nothing is. */
static char *
unfinished_note(const aggregate *g)
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
static const char *
report_title(const aggrep_ctx *r)
{
  return r->title && *r->title ? r->title : _("kijun: aggregate report");
}

/* The statuses in the order of their digits, unanswered last. */
static enum ans_status
nth(int i)
{
  return ans_status_nth(i);
}

/* ---- text ------------------------------------------------------------- */

enum
{
  AX_INDENT = 2,
  AX_GAP = 2,
  AX_WIDTH = 80,
  AX_MIN_WIDTH = 40,
  AX_SCOPE = 30,                /* a scope's label, at most */
  AX_FIG = 6,                   /* "100.0%" */
  AX_COUNT = 5,                 /* a count column */
};


static void
text_head(FILE *f, const aggrep_ctx *r, int width)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char buf[3][64], line[256];
  char *title = txt_sanitize(report_title(r), true);
  emit_title(f, title);
  free(title);
  const char *labels[] = { _("Questionnaire"), _("Version"), _("Files aggregated"),
                           _("Files left out"), _("Duplicates"), agg_verdict_name(AGG_MET),
                           _("Pooled coverage"), agg_verdict_name(AGG_NOT_MET),
                           agg_verdict_name(AGG_UNDECIDED), agg_verdict_name(AGG_RECONFIRM) };
  int lw = emit_max_width(labels, sizeof labels / sizeof labels[0]);
  emit_field(f, labels[0], lw, qn_tr(&q->title, r->lang), width);
  snprintf(line, sizeof line, "%s %s", q->id, q->version);
  emit_field(f, labels[1], lw, line, width);
  snprintf(buf[0], sizeof buf[0], "%u", g->files);
  emit_field(f, labels[2], lw, buf[0], width);
  snprintf(buf[0], sizeof buf[0], "%zu", s->nleft_out);
  emit_field(f, labels[3], lw, buf[0], width);
  snprintf(line, sizeof line,
           ngettext("%zu organisation in more than one file", "%zu organisations in more than one file",
                    s->ndups), s->ndups);
  emit_field(f, labels[4], lw, line, width);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      snprintf(line, sizeof line, _("%u of %u organisations"), g->verdict[v], g->files);
      emit_field(f, labels[v ? 6 + v : 5], lw, line, width);
    }
  cov_format(&g->all[QN_BASELINE], buf[1], sizeof buf[1]);
  cov_format(&g->all[QN_RECOMMENDED], buf[2], sizeof buf[2]);
  snprintf(line, sizeof line, "%s %s, %s %s", qn_level_name(QN_BASELINE), buf[1],
           qn_level_name(QN_RECOMMENDED), buf[2]);
  emit_field(f, labels[6], lw, line, width);
}

static void
text_sectors(FILE *f, const aggrep_ctx *r, int width)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  fputs(_("Organisations by sector and verdict\n"), f);
  enum { NC = 1 + AGG_VERDICT_COUNT };
  const char *heads[1 + NC] = { _("Sector"), _("Files") };
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    heads[2 + v] = verdict_head((enum agg_verdict) v);
  int lw = txt_width(heads[0]), tw = txt_width(_("Total"));
  if (tw > lw)
    lw = tw;
  for (size_t s = 0; s <= q->nsectors; s++)
    if (txt_width(sector_label(r, s)) > lw)
      lw = txt_width(sector_label(r, s));
  /* A long sector name is cut, the counts never: they keep 80 columns. */
  int room = width - AX_INDENT;
  for (int c = 1; c <= NC; c++)
    room -= AX_GAP + (txt_width(heads[c]) > AX_COUNT ? txt_width(heads[c]) : AX_COUNT);
  if (lw > room)
    lw = room > 8 ? room : 8;
  int cw[NC];
  fprintf(f, "%*s", AX_INDENT, "");
  txt_pad(f, heads[0], lw);
  for (int c = 0; c < NC; c++)
    {
      cw[c] = txt_width(heads[c + 1]) > AX_COUNT ? txt_width(heads[c + 1]) : AX_COUNT;
      fprintf(f, "%*s", AX_GAP, "");
      txt_rpad(f, heads[c + 1], cw[c]);
    }
  fputc('\n', f);
  for (size_t s = 0; s <= q->nsectors + 1; s++)
    {
      const unsigned *v = s <= q->nsectors ? g->sector[s] : g->verdict;
      /* Sectors no file names are left out, but "not given" only when
       * some file names none. */
      if (s <= q->nsectors && !row_files(v))
        continue;
      fprintf(f, "%*s", AX_INDENT, "");
      char *clean = txt_sanitize(s <= q->nsectors ? sector_label(r, s) : _("Total"), true);
      char *cut = txt_ellipsize(clean, lw);
      txt_pad(f, cut, lw);
      free(cut);
      free(clean);
      fprintf(f, "%*s%*u", AX_GAP, "", cw[0], row_files(v));
      for (int k = 0; k < AGG_VERDICT_COUNT; k++)
        fprintf(f, "%*s%*u", AX_GAP, "", cw[1 + k], v[k]);
      fputc('\n', f);
    }
  emit_wrapped(f, verdict_note(), AX_INDENT, width);
}

static void
text_dists(FILE *f, const aggrep_ctx *r, int width)
{
  const questionnaire *q = r->s->agg.qn;
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows);
  fputs(_("Baseline coverage of the organisations\n"), f);
  int lw = txt_width(_("Scope"));
  /* The label gets what the figures leave of the width: numbers are never
   * cut, a long item title is. */
  int room = width - AX_INDENT - AX_GAP - (txt_width(_("Files")) > AX_COUNT ? txt_width(_("Files")) : AX_COUNT);
  for (int k = 0; k < AGG_FIVE; k++)
    room -= AX_GAP + (txt_width(five_name(k)) > AX_FIG ? txt_width(five_name(k)) : AX_FIG);
  int cap = room < AX_SCOPE ? (room > 12 ? room : 12) : AX_SCOPE;
  char **labels = xcalloc(n, sizeof *labels);
  for (size_t i = 0; i < n; i++)
    {
      char *raw = shows_id(&rows[i]) ? xasprintf("%s %s", rows[i].id, rows[i].label)
                                                       : xstrdup(rows[i].label);
      char *clean = txt_sanitize(raw, true);
      labels[i] = txt_ellipsize(clean, cap);
      free(raw);
      free(clean);
      if (txt_width(labels[i]) > lw)
        lw = txt_width(labels[i]);
    }
  int fw = txt_width(_("Files")) > AX_COUNT ? txt_width(_("Files")) : AX_COUNT;
  int qw[AGG_FIVE];
  fprintf(f, "%*s", AX_INDENT, "");
  txt_pad(f, _("Scope"), lw);
  fprintf(f, "%*s", AX_GAP, "");
  txt_rpad(f, _("Files"), fw);
  for (int k = 0; k < AGG_FIVE; k++)
    {
      qw[k] = txt_width(five_name(k)) > AX_FIG ? txt_width(five_name(k)) : AX_FIG;
      fprintf(f, "%*s", AX_GAP, "");
      txt_rpad(f, five_name(k), qw[k]);
    }
  fputc('\n', f);
  for (size_t i = 0; i < n; i++)
    {
      fprintf(f, "%*s", AX_INDENT, "");
      txt_pad(f, labels[i], lw);
      fprintf(f, "%*s%*u", AX_GAP, "", fw, rows[i].d->n);
      for (int k = 0; k < AGG_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE], cell[COV_PERCENT_SIZE + 1];
          const char *v = tenths_text(agg_quantile(rows[i].d, five_num[k], five_den[k]), pct);
          snprintf(cell, sizeof cell, "%s%s", v ? v : "-", v ? "%" : "");
          fprintf(f, "%*s%*s", AX_GAP, "", qw[k], cell);
        }
      fputc('\n', f);
      free(labels[i]);
    }
  free(labels);
  free(rows);
  emit_wrapped(f, quantile_note(), AX_INDENT, width);
  char *un = unfinished_note(&r->s->agg);
  if (un)
    emit_wrapped(f, un, AX_INDENT, width);
  free(un);
}

static void
text_questions(FILE *f, const aggrep_ctx *r, int width)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  size_t *rank = agg_ranking(g);
  fputs(_("Questions, least met first\n"), f);
  emit_wrapped(f, share_note(), AX_INDENT, width);
  /* The status columns are headed by their digits; the legend names them. */
  char legend[512] = "";
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    snprintf(legend + strlen(legend), sizeof legend - strlen(legend), "%s%c %s", i ? ", " : "",
             ans_statuses[nth(i)].digit, ans_status_name(nth(i)));
  emit_wrapped(f, legend, AX_INDENT, width);
  int idw = txt_width(_("Question"));
  for (size_t i = 0; i < q->nquestions; i++)
    {
      int w = (int) strlen(q->questions[i].id)
              + (q->questions[i].basis == QN_BASIS_EDITORIAL ? (int) strlen(" " REPORT_MARK) : 0);
      if (w > idw)
        idw = w;
    }
  const char *ln[QN_LEVEL_COUNT] = { qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED) };
  int lvw = emit_max_width(ln, QN_LEVEL_COUNT);
  if (txt_width(_("Level")) > lvw)
    lvw = txt_width(_("Level"));
  /* Counts as wide as the number of files needs; the share as wide as
   * "100.0% (F/F)". */
  char sample[64];
  snprintf(sample, sizeof sample, "100.0%% (%u/%u)", g->files, g->files);
  int cw = snprintf(NULL, 0, "%u", g->files) + 1, sw = (int) strlen(sample) + 1;
  if (cw < 3)
    cw = 3;
  if (sw < txt_width(_("Met")) + 1)
    sw = txt_width(_("Met")) + 1;
  bool level_col = AX_INDENT + idw + AX_GAP + lvw + AX_GAP + sw + ANS_STATUS_COUNT * cw <= width;
  fprintf(f, "%*s", AX_INDENT, "");
  txt_pad(f, _("Question"), idw);
  fprintf(f, "%*s", AX_GAP, "");
  if (level_col)
    {
      txt_pad(f, _("Level"), lvw);
      fprintf(f, "%*s", AX_GAP, "");
    }
  txt_pad(f, _("Met"), sw);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, "%*c", cw, ans_statuses[nth(i)].digit);
  fputc('\n', f);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      size_t i = rank[k];
      const qn_question *x = &q->questions[i];
      const cov_tally *t = &g->question[i];
      char *id = txt_sanitize(x->id, true);
      char *shown = xasprintf("%s%s", id, x->basis == QN_BASIS_EDITORIAL ? " " REPORT_MARK : "");
      char buf[64];
      cov_format_col(t, 7, buf, sizeof buf);
      fprintf(f, "%*s", AX_INDENT, "");
      txt_pad(f, shown, idw);
      fprintf(f, "%*s", AX_GAP, "");
      if (level_col)
        {
          txt_pad(f, ln[x->level], lvw);
          fprintf(f, "%*s", AX_GAP, "");
        }
      txt_pad(f, buf, sw);
      for (int s = 0; s < ANS_STATUS_COUNT; s++)
        fprintf(f, "%*u", cw, t->status[nth(s)]);
      fputc('\n', f);
      if (level_col)
        emit_wrapped(f, qn_tr(&x->text, r->lang), 2 * AX_INDENT, width);
      else
        {
          char *text = xasprintf("[%s] %s", ln[x->level], qn_tr(&x->text, r->lang));
          emit_wrapped(f, text, 2 * AX_INDENT, width);
          free(text);
        }
      free(shown);
      free(id);
    }
  free(rank);
}

static void
text_lists(FILE *f, const aggrep_ctx *r, int width)
{
  const survey *s = r->s;
  fprintf(f, ngettext("File left out (%zu)\n", "Files left out (%zu)\n", s->nleft_out), s->nleft_out);
  if (!s->nleft_out)
    fprintf(f, "%*s%s\n", AX_INDENT, "", _("none"));
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      /* Plain words in a printed report; the detail is on standard error. */
      char *line = xasprintf("%s: %s", s->left_out[i].path, s->left_out[i].reason);
      char *clean = txt_sanitize(line, true);
      emit_wrapped(f, clean, AX_INDENT, width);
      free(clean);
      free(line);
    }
  fputc('\n', f);
  fprintf(f, ngettext("File skipped (%zu)\n", "Files skipped (%zu)\n", s->nskipped), s->nskipped);
  if (!s->nskipped)
    fprintf(f, "%*s%s\n", AX_INDENT, "", _("none"));
  for (size_t i = 0; i < s->nskipped; i++)
    {
      char *line = xasprintf("%s: %s", s->skipped[i].path, s->skipped[i].message);
      char *clean = txt_sanitize(line, true);
      emit_wrapped(f, clean, AX_INDENT, width);
      free(clean);
      free(line);
    }
  fputc('\n', f);
  fprintf(f, ngettext("Organisation in more than one file (%zu)\n",
                      "Organisations in more than one file (%zu)\n", s->ndups), s->ndups);
  if (!s->ndups)
    fprintf(f, "%*s%s\n", AX_INDENT, "", _("none"));
  for (size_t i = 0; i < s->ndups; i++)
    {
      const survey_dup *d = &s->dups[i];
      if (r->names && d->organization)
        emit_wrapped(f, d->organization, AX_INDENT, width);
      for (size_t k = 0; k < d->n; k++)
        {
          char *line = survey_dup_line(d, k, r->names);
          char *clean = txt_sanitize(line, true);
          emit_wrapped(f, clean, r->names && d->organization ? 2 * AX_INDENT : AX_INDENT, width);
          free(clean);
          free(line);
        }
      if (!(r->names && d->organization) && i + 1 < s->ndups)
        fprintf(f, "%*s--\n", AX_INDENT, "");
    }
  if (!r->names)
    return;
  fputc('\n', f);
  fprintf(f, ngettext("Organisation (%zu)\n", "Organisations (%zu)\n", s->norgs), s->norgs);
  for (size_t i = 0; i < s->norgs; i++)
    {
      const survey_org *o = &s->orgs[i];
      char pct[COV_PERCENT_SIZE];
      const char *v = tenths_text(o->tenths, pct);
      const qn_sector *sec = o->sector ? qn_find_sector(s->agg.qn, o->sector) : NULL;
      /* A file name is not text kijun has checked: a line break or a bidi
       * control in it must not fake or reorder a line. */
      char *path = txt_sanitize(o->path, true);
      char *line = xasprintf("%s: %s / %s / %s / %s %s%s", path,
                             o->organization ? o->organization : "-",
                             o->respondent ? o->respondent : "-",
                             sec ? qn_tr(&sec->name, r->lang) : "-",
                             agg_verdict_name(o->verdict), v ? v : _("n/a"), v ? "%" : "");
      emit_wrapped(f, line, AX_INDENT, width);
      free(line);
      free(path);
    }
}

/* ---- the scope ------------------------------------------------------------ */

/* The aggregate's scope section (kijun-questionnaire(5), "Scope"), in
 * every format after the questions: for each scope question how many
 * files answered it yes, no or not at all, then each question that some
 * files left out of their figures, in walk order, with in how many and
 * why.  Only when the questionnaire asks scope questions; the heading is
 * the single report's (report_scope_heading). */
static bool
has_scope(const aggrep_ctx *r)
{
  return r->s->agg.qn->nscopes > 0;
}

/* The answers in the order the section counts them. */
static const enum ans_scope scope_order[ANS_SCOPE_COUNT] = { ANS_SCOPE_YES, ANS_SCOPE_NO,
                                                             ANS_SCOPE_UNSET };

/* How many questions some file left out of its figures. */
static size_t
out_count(const aggregate *g)
{
  size_t n = 0;
  for (size_t i = 0; i < g->qn->nquestions; i++)
    n += g->question[i].out_of_scope > 0;
  return n;
}

static char *
scope_out_text(const aggregate *g)
{
  size_t n = out_count(g);
  if (!n)
    return xstrdup(_("No question was out of scope in any file."));
  return xasprintf(ngettext("%zu question was out of scope in some files and is left out of their "
                            "figures (and of its row's counts above):",
                            "%zu questions were out of scope in some files and are left out of "
                            "those files' figures (and of their rows' counts above):", n),
                   n);
}

/* "out of scope in 2 of 5 files" */
static char *
scope_files_text(const aggregate *g, size_t qi)
{
  unsigned n = g->question[qi].out_of_scope;
  return xasprintf(ngettext("out of scope in %u of %u files", "out of scope in %u of %u files",
                            g->files), n, g->files);
}

/* "Yes 3 · No 1 · Not answered 0" */
static char *
scope_counts_text(const aggregate *g, size_t k)
{
  char *t = xstrdup("");
  for (int v = 0; v < ANS_SCOPE_COUNT; v++)
    {
      char *more = xasprintf("%s%s%s %u", t, v ? " \u00b7 " : "", ans_scope_name(scope_order[v]),
                             g->scope[k][scope_order[v]]);
      free(t);
      t = more;
    }
  return t;
}

static void
text_scope(FILE *f, const aggrep_ctx *r, int width)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  if (!has_scope(r))
    return;
  fprintf(f, "%s\n", report_scope_heading());
  for (size_t k = 0; k < q->nscopes; k++)
    {
      emit_wrapped(f, qn_tr(&q->scopes[k].text, r->lang), AX_INDENT, width);
      char *counts = scope_counts_text(g, k);
      emit_wrapped(f, counts, 2 * AX_INDENT, width);
      free(counts);
    }
  char *out = scope_out_text(g);
  emit_wrapped(f, out, AX_INDENT, width);
  free(out);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      const qn_question *x = &q->questions[i];
      char *id = txt_sanitize(x->id, true);
      char *files = scope_files_text(g, i);
      char *why = ans_scope_reason_text(q, i, r->lang);
      fprintf(f, "%*s%s%*s[%s] %s\n", AX_INDENT, "", id, AX_GAP, "", qn_level_name(x->level), files);
      emit_wrapped(f, why, 2 * AX_INDENT, width);
      free(why);
      free(files);
      free(id);
    }
  fputc('\n', f);
}

static void
md_scope(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  if (!has_scope(r))
    return;
  fprintf(f, "\n## %s\n\n| %s |", report_scope_heading(), _("Scope question"));
  for (int v = 0; v < ANS_SCOPE_COUNT; v++)
    fprintf(f, " %s |", ans_scope_name(scope_order[v]));
  fputs("\n|---|---:|---:|---:|\n", f);
  for (size_t k = 0; k < q->nscopes; k++)
    {
      fputs("| ", f);
      emit_md(f, qn_tr(&q->scopes[k].text, r->lang));
      fputs(" |", f);
      for (int v = 0; v < ANS_SCOPE_COUNT; v++)
        fprintf(f, " %u |", g->scope[k][scope_order[v]]);
      fputc('\n', f);
    }
  char *out = scope_out_text(g);
  fputc('\n', f);
  emit_md(f, out);
  fputc('\n', f);
  free(out);
  if (out_count(g))
    fprintf(f, "\n| %s | %s | %s | %s | %s |\n|---|---|---:|---|---|\n", _("Question"), _("Level"),
            _("Files"), _("Reason"), _("Text"));
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      const qn_question *x = &q->questions[i];
      char *why = ans_scope_reason_text(q, i, r->lang);
      fputs("| ", f);
      emit_md(f, x->id);
      fprintf(f, " | %s | %u | ", qn_level_name(x->level), g->question[i].out_of_scope);
      emit_md(f, why);
      fputs(" | ", f);
      emit_md(f, qn_tr(&x->text, r->lang));
      fputs(" |\n", f);
      free(why);
    }
}

static void
text_report(FILE *f, const aggrep_ctx *r)
{
  int width = r->width > AX_MIN_WIDTH ? r->width : AX_WIDTH;
  text_head(f, r, width);
  fputc('\n', f);
  text_sectors(f, r, width);
  fputc('\n', f);
  text_dists(f, r, width);
  fputc('\n', f);
  text_questions(f, r, width);
  fputc('\n', f);
  text_scope(f, r, width);
  text_lists(f, r, width);
  fputc('\n', f);
  emit_wrapped(f, report_formula_text(), 0, width);
  emit_wrapped(f, report_editorial_text(), 0, width);
}

/* ---- Markdown ------------------------------------------------------------ */

static void
md_report(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char buf[64], buf2[64];
  fputs("# ", f);
  emit_md(f, report_title(r));
  fprintf(f, "\n\n| | |\n|---|---|\n| %s | ", _("Questionnaire"));
  emit_md(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  emit_md(f, q->id);
  fputc(' ', f);
  emit_md(f, q->version);
  fprintf(f, " |\n| %s | %u |\n| %s | %zu |\n| %s | %zu |\n", _("Files aggregated"), g->files,
          _("Files left out"), s->nleft_out, _("Duplicates"), s->ndups);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      fprintf(f, "| %s | ", agg_verdict_name((enum agg_verdict) v));
      fprintf(f, _("%u of %u organisations"), g->verdict[v], g->files);
      fputs(" |\n", f);
    }
  cov_format(&g->all[QN_BASELINE], buf, sizeof buf);
  cov_format(&g->all[QN_RECOMMENDED], buf2, sizeof buf2);
  fprintf(f, "| %s | %s %s, %s %s |\n", _("Pooled coverage"), qn_level_name(QN_BASELINE), buf,
          qn_level_name(QN_RECOMMENDED), buf2);

  fprintf(f, "\n## %s\n\n| %s | %s |", _("Organisations by sector and verdict"), _("Sector"), _("Files"));
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    fprintf(f, " %s |", verdict_head((enum agg_verdict) v));
  fputs("\n|---|---:|", f);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    fputs("---:|", f);
  fputc('\n', f);
  for (size_t k = 0; k <= q->nsectors + 1; k++)
    {
      const unsigned *v = k <= q->nsectors ? g->sector[k] : g->verdict;
      if (k <= q->nsectors && !row_files(v))
        continue;
      fputs("| ", f);
      emit_md(f, k <= q->nsectors ? sector_label(r, k) : _("Total"));
      fprintf(f, " | %u |", row_files(v));
      for (int j = 0; j < AGG_VERDICT_COUNT; j++)
        fprintf(f, " %u |", v[j]);
      fputc('\n', f);
    }
  fprintf(f, "\n%s\n", verdict_note());

  fprintf(f, "\n## %s\n\n| %s | %s |", _("Baseline coverage of the organisations"), _("Scope"),
          _("Files"));
  for (int k = 0; k < AGG_FIVE; k++)
    fprintf(f, " %s |", five_name(k));
  fputs("\n|---|---:|---:|---:|---:|---:|---:|\n", f);
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows);
  for (size_t i = 0; i < n; i++)
    {
      fputs("| ", f);
      if (shows_id(&rows[i]))
        {
          emit_md(f, rows[i].id);
          fputc(' ', f);
        }
      emit_md(f, rows[i].label);
      fprintf(f, " | %u |", rows[i].d->n);
      for (int k = 0; k < AGG_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE];
          const char *v = tenths_text(agg_quantile(rows[i].d, five_num[k], five_den[k]), pct);
          fprintf(f, " %s%s |", v ? v : "-", v ? "%" : "");
        }
      fputc('\n', f);
    }
  free(rows);
  fprintf(f, "\n%s\n", quantile_note());
  char *un = unfinished_note(g);
  if (un)
    fprintf(f, "\n%s\n", un);
  free(un);

  fprintf(f, "\n## %s\n\n%s\n\n| %s | %s | %s |", _("Questions, least met first"), share_note(),
          _("Question"), _("Level"), _("Met"));
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, " %s |", ans_status_name(nth(i)));
  fprintf(f, " %s |\n|---|---|---:|", _("Text"));
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fputs("---:|", f);
  fputs("---|\n", f);
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      const cov_tally *t = &g->question[rank[k]];
      fputs("| ", f);
      emit_md(f, x->id);
      if (x->basis == QN_BASIS_EDITORIAL)
        {
          fputc(' ', f);
          emit_md(f, REPORT_MARK);
        }
      cov_format(t, buf, sizeof buf);
      fprintf(f, " | %s | %s |", qn_level_name(x->level), buf);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        fprintf(f, " %u |", t->status[nth(i)]);
      fputc(' ', f);
      emit_md(f, qn_tr(&x->text, r->lang));
      fputs(" |\n", f);
    }
  free(rank);
  md_scope(f, r);

  fprintf(f, "\n## %s\n\n", _("Files left out"));
  if (!s->nleft_out)
    fprintf(f, "%s\n", _("none"));
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      fputs("- ", f);
      emit_md(f, s->left_out[i].path);
      fputs(": ", f);
      emit_md(f, s->left_out[i].reason);
      fputc('\n', f);
    }
  fprintf(f, "\n## %s\n\n", _("Files skipped"));
  if (!s->nskipped)
    fprintf(f, "%s\n", _("none"));
  for (size_t i = 0; i < s->nskipped; i++)
    {
      fputs("- ", f);
      emit_md(f, s->skipped[i].path);
      fputs(": ", f);
      emit_md(f, s->skipped[i].message);
      fputc('\n', f);
    }
  fprintf(f, "\n## %s\n\n", _("Organisations in more than one file"));
  if (!s->ndups)
    fprintf(f, "%s\n", _("none"));
  for (size_t i = 0; i < s->ndups; i++)
    {
      fputs("- ", f);
      if (r->names && s->dups[i].organization)
        {
          emit_md(f, s->dups[i].organization);
          fputs(": ", f);
        }
      for (size_t k = 0; k < s->dups[i].n; k++)
        {
          char *line = survey_dup_line(&s->dups[i], k, r->names);
          fputs(k ? "; " : "", f);
          emit_md(f, line);
          free(line);
        }
      fputc('\n', f);
    }
  if (r->names)
    {
      fprintf(f, "\n## %s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---:|\n",
              _("Organisations"), _("Answers file"), ans_field_name(ANS_ORGANIZATION),
              ans_field_name(ANS_RESPONDENT), ans_field_name(ANS_SECTOR), _("Verdict"),
              qn_level_name(QN_BASELINE));
      for (size_t i = 0; i < s->norgs; i++)
        {
          const survey_org *o = &s->orgs[i];
          const qn_sector *sec = o->sector ? qn_find_sector(q, o->sector) : NULL;
          char pct[COV_PERCENT_SIZE];
          const char *v = tenths_text(o->tenths, pct);
          fputs("| ", f);
          emit_md(f, o->path);
          fputs(" | ", f);
          emit_md(f, o->organization);
          fputs(" | ", f);
          emit_md(f, o->respondent);
          fputs(" | ", f);
          emit_md(f, sec ? qn_tr(&sec->name, r->lang) : NULL);
          fprintf(f, " | %s | %s%s |\n", agg_verdict_name(o->verdict), v ? v : "-", v ? "%" : "");
        }
    }
  fprintf(f, "\n%s\n\n> ", report_formula_text());
  emit_md(f, report_editorial_text());
  fputc('\n', f);
}

/* ---- CSV ----------------------------------------------------------------- */

/* The columns after scope,id,title,level. */
static void
csv_header(FILE *f)
{
  fputs("scope,id,title,level,files,baseline_met_files,met,applicable,percent,total", f);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%s", ans_status_key(nth(i)));
  fputs(",missing_reason,reconfirm", f);
  for (int k = 0; k < AGG_FIVE; k++)
    fprintf(f, ",%s", five_key[k]);
  fputs(",none_applicable", f);
  for (int v = 1; v < AGG_VERDICT_COUNT; v++)
    fprintf(f, ",%s_files", agg_verdict_key((enum agg_verdict) v));
  fputs(",not_yet_decided_left_out\r\n", f);
}

static void
csv_lead(FILE *f, const char *scope, const char *id, const char *title, const char *level)
{
  emit_csv(f, scope);
  fputc(',', f);
  /* ids include file names, which kijun has not checked: controls and
   * bidi overrides are written visibly, as in every other report. */
  char *clean = id ? txt_sanitize(id, true) : NULL;
  emit_csv(f, clean);
  free(clean);
  fputc(',', f);
  emit_csv(f, title);
  fprintf(f, ",%s", level ? level : "");
}

/* The tally columns (as the report's), or as many empty fields. */
static void
csv_tally(FILE *f, const cov_tally *t)
{
  if (t)
    report_csv_tally(f, t);
  else
    for (int i = 0; i < 6 + ANS_STATUS_COUNT; i++)
      fputc(',', f);
}

/* The distribution's columns, then the files by verdict but met (met is
 * baseline_met_files, near the start), then how many undecided ones the
 * distribution leaves out; NULL: empty fields. */
static void
csv_dist(FILE *f, const agg_dist *d, const unsigned *verdicts)
{
  if (!d)
    for (int k = 0; k <= AGG_FIVE; k++)
      fputc(',', f);
  else
    {
      for (int k = 0; k < AGG_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE];
          const char *v = tenths_text(agg_quantile(d, five_num[k], five_den[k]), pct);
          fprintf(f, ",%s", v ? v : "");
        }
      fprintf(f, ",%u", d->none);
    }
  for (int v = 1; v < AGG_VERDICT_COUNT; v++)
    if (verdicts)
      fprintf(f, ",%u", verdicts[v]);
    else
      fputc(',', f);
  if (d)
    fprintf(f, ",%u\r\n", d->unfinished);
  else
    fputs(",\r\n", f);
}

static void
csv_report(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  csv_header(f);
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows);
  /* Overall: the files, and every answer pooled; phases and items: the
   * distribution (their pooled tallies are in no single report either). */
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      csv_lead(f, "overall", q->id, qn_tr(&q->title, r->lang), qn_level_key((enum qn_level) l));
      fprintf(f, ",%u,%u", g->files, met_files(g));
      csv_tally(f, &g->all[l]);
      csv_dist(f, l == QN_BASELINE ? &g->overall : NULL, g->verdict);
    }
  for (size_t i = 1; i < n; i++)
    {
      /* files: those in the distribution, as the JSON report's "files";
       * the others are in none_applicable and not_yet_decided_left_out. */
      csv_lead(f, rows[i].key, rows[i].id, rows[i].label, qn_level_key(QN_BASELINE));
      fprintf(f, ",%u,", rows[i].d->n);
      csv_tally(f, NULL);
      csv_dist(f, rows[i].d, NULL);
    }
  free(rows);
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      if (!row_files(v))
        continue;
      csv_lead(f, "sector", k < q->nsectors ? q->sectors[k].id : "", sector_label(r, k), NULL);
      fprintf(f, ",%u,%u", row_files(v), v[AGG_MET]);
      csv_tally(f, NULL);
      csv_dist(f, NULL, v);
    }
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      csv_lead(f, "question", x->id, qn_tr(&x->text, r->lang), qn_level_key(x->level));
      fprintf(f, ",%u,", g->question[rank[k]].total);
      csv_tally(f, &g->question[rank[k]]);
      csv_dist(f, NULL, NULL);
    }
  free(rank);
  /* The scope: a row for each answer to each scope question (files: how
   * many answered so), and one for each question some files left out
   * (files: how many; title: why). */
  for (size_t k = 0; has_scope(r) && k < q->nscopes; k++)
    for (int v = 0; v < ANS_SCOPE_COUNT; v++)
      {
        static const char *const keys[ANS_SCOPE_COUNT] = { "scope_yes", "scope_no",
                                                           "scope_unanswered" };
        csv_lead(f, keys[v], q->scopes[k].id, qn_tr(&q->scopes[k].text, r->lang), NULL);
        fprintf(f, ",%u,", g->scope[k][scope_order[v]]);
        csv_tally(f, NULL);
        csv_dist(f, NULL, NULL);
      }
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      char *why = ans_scope_reason_text(q, i, r->lang);
      csv_lead(f, "not_in_scope", q->questions[i].id, why, qn_level_key(q->questions[i].level));
      fprintf(f, ",%u,", g->question[i].out_of_scope);
      csv_tally(f, NULL);
      csv_dist(f, NULL, NULL);
      free(why);
    }
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      csv_lead(f, "left_out", s->left_out[i].path, s->left_out[i].message, NULL);
      fputs(",,", f);
      csv_tally(f, NULL);
      csv_dist(f, NULL, NULL);
    }
  for (size_t i = 0; i < s->nskipped; i++)
    {
      csv_lead(f, "skipped", s->skipped[i].path, s->skipped[i].message, NULL);
      fputs(",,", f);
      csv_tally(f, NULL);
      csv_dist(f, NULL, NULL);
    }
  for (size_t i = 0; i < s->ndups; i++)
    for (size_t k = 0; k < s->dups[i].n; k++)
      {
        char group[32];
        snprintf(group, sizeof group, "%zu", i + 1);
        csv_lead(f, "duplicate", s->dups[i].paths[k], r->names ? s->dups[i].organization : group, NULL);
        fputs(",,", f);
        csv_tally(f, NULL);
        csv_dist(f, NULL, NULL);
      }
  if (r->names)
    for (size_t i = 0; i < s->norgs; i++)
      {
        const survey_org *o = &s->orgs[i];
        char pct[COV_PERCENT_SIZE];
        const char *v = tenths_text(o->tenths, pct);
        csv_lead(f, "organization", o->path, o->organization, qn_level_key(QN_BASELINE));
        fprintf(f, ",1,%d,,,%s,", o->verdict == AGG_MET, v ? v : "");
        for (int j = 0; j < 2 + ANS_STATUS_COUNT; j++)
          fputc(',', f);
        unsigned one[AGG_VERDICT_COUNT] = { 0 };
        one[o->verdict] = 1;
        csv_dist(f, NULL, one);
      }
}

/* ---- JSON ---------------------------------------------------------------- */

static void
json_dist(jw *w, const char *key, const agg_dist *d)
{
  jw_obj_flat(w, key);
  jw_uint(w, "files", d->n);
  jw_uint(w, "none_applicable", d->none);
  jw_uint(w, "not_yet_decided_left_out", d->unfinished);
  for (int k = 0; k < AGG_FIVE; k++)
    {
      char pct[COV_PERCENT_SIZE];
      const char *v = tenths_text(agg_quantile(d, five_num[k], five_den[k]), pct);
      jw_raw(w, five_key[k], v ? v : "null");
    }
  jw_end(w);
}

static void
json_report(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char now[32];
  ans_now(now);
  jw w;
  jw_begin(&w, f);
  jw_obj(&w, NULL);
  jw_str(&w, "schema", "kijun-aggregate/1");
  jw_str(&w, "generated", now);
  jw_str(&w, "language", lang_code(r->lang));
  jw_obj_flat(&w, "questionnaire");
  jw_str(&w, "id", q->id);
  jw_str(&w, "version", q->version);
  jw_str(&w, "digest", qn_digest(q));
  jw_str(&w, "title", qn_tr(&q->title, r->lang));
  jw_end(&w);
  jw_str(&w, "title", report_title(r));
  jw_obj_flat(&w, "files");
  jw_uint(&w, "aggregated", g->files);
  jw_uint(&w, "left_out", s->nleft_out);
  jw_uint(&w, "duplicates", s->ndups);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    jw_uint(&w, agg_verdict_key((enum agg_verdict) v), g->verdict[v]);
  jw_end(&w);
  jw_str(&w, "formula", report_formula_text());
  jw_arr(&w, "sectors");
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      if (!row_files(v))
        continue;
      jw_obj_flat(&w, NULL);
      jw_str(&w, "id", k < q->nsectors ? q->sectors[k].id : NULL);
      jw_str(&w, "name", sector_label(r, k));
      jw_uint(&w, "files", row_files(v));
      for (int j = 0; j < AGG_VERDICT_COUNT; j++)
        jw_uint(&w, agg_verdict_key((enum agg_verdict) j), v[j]);
      jw_end(&w);
    }
  jw_end(&w);
  jw_obj_flat(&w, "overall");
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    report_json_tally(&w, qn_level_key((enum qn_level) l), &g->all[l]);
  json_dist(&w, "distribution", &g->overall);
  jw_end(&w);
  jw_arr(&w, "phases");
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      report_json_phase_head(&w, (enum qn_phase) p);
      json_dist(&w, "distribution", &g->phase[p]);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "sections");
  for (size_t k = 0; k < q->nsections; k++)
    {
      report_json_section_head(&w, &q->sections[k], r->lang);
      json_dist(&w, "distribution", &g->section[k]);
      jw_end(&w);
    }
  jw_end(&w);
  /* By CSF: the rows the other formats show after the items. */
  jw_arr(&w, "csf");
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows);
  for (size_t i = 0; i < n; i++)
    {
      if (strncmp(rows[i].key, "csf_", 4) != 0)
        continue;
      jw_obj_flat(&w, NULL);
      jw_str(&w, "scope", rows[i].key);
      jw_str(&w, "id", rows[i].id);
      jw_str(&w, "name", rows[i].label);
      json_dist(&w, "distribution", rows[i].d);
      jw_end(&w);
    }
  free(rows);
  jw_end(&w);
  jw_arr(&w, "questions");
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      jw_obj_flat(&w, NULL);
      jw_str(&w, "question", x->id);
      jw_str(&w, "section", q->sections[x->section].id);
      jw_str(&w, "phase", qn_phase_key(x->phase));
      jw_str(&w, "level", qn_level_key(x->level));
      jw_str(&w, "level_basis", x->basis ? qn_basis_key(x->basis) : NULL);
      report_json_tally(&w, "answers", &g->question[rank[k]]);
      jw_str(&w, "text", qn_tr(&x->text, r->lang));
      jw_end(&w);
    }
  free(rank);
  jw_end(&w);
  if (has_scope(r))
    {
      jw_obj(&w, "scope");
      jw_arr(&w, "questions");
      for (size_t k = 0; k < q->nscopes; k++)
        {
          jw_obj_flat(&w, NULL);
          jw_str(&w, "id", q->scopes[k].id);
          jw_str(&w, "question", qn_tr(&q->scopes[k].text, r->lang));
          jw_uint(&w, "yes", g->scope[k][ANS_SCOPE_YES]);
          jw_uint(&w, "no", g->scope[k][ANS_SCOPE_NO]);
          jw_uint(&w, "unanswered", g->scope[k][ANS_SCOPE_UNSET]);
          jw_end(&w);
        }
      jw_end(&w);
      jw_arr(&w, "out_of_scope");
      for (size_t pos = 0; pos < q->nquestions; pos++)
        {
          size_t i = q->order[pos];
          if (!g->question[i].out_of_scope)
            continue;
          char *why = ans_scope_reason_text(q, i, r->lang);
          jw_obj_flat(&w, NULL);
          jw_str(&w, "question", q->questions[i].id);
          jw_str(&w, "level", qn_level_key(q->questions[i].level));
          jw_uint(&w, "files", g->question[i].out_of_scope);
          jw_str(&w, "reason", why);
          jw_end(&w);
          free(why);
        }
      jw_end(&w);
      jw_end(&w);
    }
  jw_arr(&w, "left_out");
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      jw_obj_flat(&w, NULL);
      jw_str(&w, "file", s->left_out[i].path);
      jw_str(&w, "problem", s->left_out[i].message);
      jw_str(&w, "reason", s->left_out[i].reason);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "skipped");
  for (size_t i = 0; i < s->nskipped; i++)
    {
      jw_obj_flat(&w, NULL);
      jw_str(&w, "file", s->skipped[i].path);
      jw_str(&w, "reason", s->skipped[i].message);
      jw_end(&w);
    }
  jw_end(&w);
  jw_arr(&w, "duplicates");
  for (size_t i = 0; i < s->ndups; i++)
    {
      jw_obj_flat(&w, NULL);
      if (r->names)
        jw_str(&w, "organization", s->dups[i].organization);
      jw_arr_flat(&w, "files");
      for (size_t k = 0; k < s->dups[i].n; k++)
        jw_str(&w, NULL, s->dups[i].paths[k]);
      jw_end(&w);
      jw_arr_flat(&w, "details");
      for (size_t k = 0; k < s->dups[i].n; k++)
        {
          const survey_dupfile *x = &s->dups[i].files[k];
          jw_obj_flat(&w, NULL);
          jw_str(&w, "file", s->dups[i].paths[k]);
          if (r->names)
            jw_str(&w, "organization", x->organization);
          jw_str(&w, "last_update", x->last_update);
          if (x->size >= 0)
            jw_int(&w, "size", x->size);
          else
            jw_raw(&w, "size", "null");
          jw_end(&w);
        }
      jw_end(&w);
      jw_end(&w);
    }
  jw_end(&w);
  if (r->names)
    {
      jw_arr(&w, "organizations");
      for (size_t i = 0; i < s->norgs; i++)
        {
          const survey_org *o = &s->orgs[i];
          char pct[COV_PERCENT_SIZE];
          const char *v = tenths_text(o->tenths, pct);
          jw_obj_flat(&w, NULL);
          jw_str(&w, "file", o->path);
          jw_str(&w, "organization", o->organization);
          jw_str(&w, "respondent", o->respondent);
          jw_str(&w, "sector", o->sector);
          jw_str(&w, "verdict", agg_verdict_key(o->verdict));
          jw_raw(&w, "baseline_percent", v ? v : "null");
          jw_end(&w);
        }
      jw_end(&w);
    }
  jw_end(&w);
  jw_finish(&w);
}

/* ---- HTML ---------------------------------------------------------------- */

/* How many of the least-met baseline questions the chart shows. */
enum { HTML_LEAST = 10 };

static void
html_head(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char now[32], buf[128];
  ans_now(now);
  fputs("<header>\n<p class=\"kicker\">", f);
  html_put(f, _("kijun: aggregate report"));
  fputs("</p>\n<h1>", f);
  html_put(f, r->title && *r->title ? r->title : qn_tr(&q->title, r->lang));
  fputs("</h1>\n", f);
  if (r->title && *r->title)
    {
      fputs("<p class=\"subtitle\">", f);
      html_put(f, qn_tr(&q->title, r->lang));
      fputs("</p>\n", f);
    }
  fputs("<dl class=\"facts\">\n", f);
  snprintf(buf, sizeof buf, "%u", g->files);
  html_fact(f, _("Files aggregated"), buf, NULL);
  snprintf(buf, sizeof buf, "%zu", s->nleft_out);
  html_fact(f, _("Files left out"), buf, NULL);
  snprintf(buf, sizeof buf, "%zu", s->ndups);
  html_fact(f, _("Duplicates"), buf, NULL);
  html_fact(f, _("Report made"), report_time_text(now, r->lang), NULL);
  snprintf(buf, sizeof buf, "%s %s", q->id, q->version);
  html_fact(f, _("Version"), buf, "id");
  fputs("</dl>\n<div class=\"kpis\">\n", f);
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    if (v != AGG_RECONFIRM || g->verdict[v])
      {
        snprintf(buf, sizeof buf, "%u (%u/%u)", g->verdict[v], g->verdict[v], g->files);
        html_kpi(f, agg_verdict_name((enum agg_verdict) v), buf);
      }
  cov_format(&g->all[QN_BASELINE], buf, sizeof buf);
  html_kpi(f, _("Pooled baseline coverage"), buf);
  char pct[COV_PERCENT_SIZE];
  const char *m = tenths_text(agg_quantile(&g->overall, 1, 2), pct);
  snprintf(buf, sizeof buf, "%s%s", m ? m : "-", m ? "%" : "");
  html_kpi(f, _("Median baseline coverage"), buf);
  fputs("</div>\n</header>\n", f);
}

static void
html_sectors(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  html_el(f, "h2", NULL, _("Organisations by sector and verdict"));
  fputs("<table class=\"items\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Sector"));
  html_el(f, "th", "num", _("Files"));
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    html_el(f, "th", "num", verdict_head((enum agg_verdict) v));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k <= q->nsectors + 1; k++)
    {
      const unsigned *v = k <= q->nsectors ? g->sector[k] : g->verdict;
      if (k <= q->nsectors && !row_files(v))
        continue;
      fputs("<tr><td>", f);
      html_put(f, k <= q->nsectors ? sector_label(r, k) : _("Total"));
      fprintf(f, "</td><td class=\"num\">%u</td>", row_files(v));
      for (int j = 0; j < AGG_VERDICT_COUNT; j++)
        fprintf(f, "<td class=\"num\">%u</td>", v[j]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
  html_el(f, "p", "muted", verdict_note());
}

static void
html_dists(FILE *f, const aggrep_ctx *r)
{
  const questionnaire *q = r->s->agg.qn;
  html_el(f, "h2", NULL, _("Baseline coverage of the organisations"));
  html_el(f, "p", NULL, quantile_note());
  char *un = unfinished_note(&r->s->agg);
  if (un)
    html_el(f, "p", NULL, un);
  free(un);
  fputs("<table class=\"items\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Scope"));
  html_el(f, "th", "num", _("Files"));
  for (int k = 0; k < AGG_FIVE; k++)
    html_el(f, "th", "num", five_name(k));
  fputs("</tr></thead>\n<tbody>\n", f);
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows);
  for (size_t i = 0; i < n; i++)
    {
      fputs("<tr><td>", f);
      if (shows_id(&rows[i]))
        {
          fputs("<span class=\"id\">", f);
          html_put(f, rows[i].id);
          fputs("</span> ", f);
        }
      html_put(f, rows[i].label);
      fprintf(f, "</td><td class=\"num\">%u</td>", rows[i].d->n);
      for (int k = 0; k < AGG_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE];
          const char *v = tenths_text(agg_quantile(rows[i].d, five_num[k], five_den[k]), pct);
          fprintf(f, "<td class=\"num\">%s%s</td>", v ? v : "-", v ? "%" : "");
        }
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
  free(rows);
}

static void
html_questions(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  size_t *rank = agg_ranking(g);
  enum ans_status order[ANS_STATUS_COUNT];
  html_kind kinds[ANS_STATUS_COUNT];
  char cls[ANS_STATUS_COUNT][48];
  int nk = html_status_kinds(kinds, order, cls);

  /* The least-met baseline questions, stacked by answer. */
  size_t nb = 0;
  while (nb < q->nquestions && nb < HTML_LEAST && q->questions[rank[nb]].level == QN_BASELINE)
    nb++;
  unsigned (*counts)[ANS_STATUS_COUNT] = xcalloc(nb ? nb : 1, sizeof *counts);
  html_stack_row *rows = xcalloc(nb ? nb : 1, sizeof *rows);
  for (size_t k = 0; k < nb; k++)
    {
      for (int s = 0; s < nk; s++)
        counts[k][s] = g->question[rank[k]].status[order[s]];
      rows[k] = (html_stack_row){ q->questions[rank[k]].id, counts[k] };
    }
  html_el(f, "h2", NULL, _("Questions, least met first"));
  html_el(f, "p", NULL, share_note());
  if (nb)
    html_stack_chart(f, _("Answers of the organisations to the least-met baseline questions"), kinds,
                     (size_t) nk, rows, nb);
  free(rows);
  free(counts);

  /* Eleven columns do not fit A4: the counts are headed by the
   * statuses' digits, named in a legend as in the text report. */
  html_band_legend(f);
  char legend[512] = "";
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    snprintf(legend + strlen(legend), sizeof legend - strlen(legend), "%s%c %s", i ? " \u00b7 " : "",
             ans_statuses[nth(i)].digit, ans_status_name(nth(i)));
  html_el(f, "p", "muted", legend);
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Question"));
  html_el(f, "th", NULL, _("Text"));
  html_el(f, "th", NULL, _("Level"));
  html_el(f, "th", NULL, _("Met"));
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, "<th class=\"num\">%c</th>", ans_statuses[nth(i)].digit);
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      const cov_tally *t = &g->question[rank[k]];
      fputs("<tr><td class=\"id\">", f);
      html_question_id(f, x);
      fputs("</td><td class=\"text\">", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</td><td class=\"kw\">", f);
      html_put(f, qn_level_name(x->level));
      fputs("</td>", f);
      html_cell(f, t);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        fprintf(f, "<td class=\"num\">%u</td>", t->status[nth(i)]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
  free(rank);
}

static void
html_scope_counts(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  if (!has_scope(r))
    return;
  html_el(f, "h2", NULL, report_scope_heading());
  fputs("<table class=\"scope\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Scope question"));
  for (int v = 0; v < ANS_SCOPE_COUNT; v++)
    html_el(f, "th", "num", ans_scope_name(scope_order[v]));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < q->nscopes; k++)
    {
      fputs("<tr><td class=\"text\">", f);
      html_put(f, qn_tr(&q->scopes[k].text, r->lang));
      fputs("</td>", f);
      for (int v = 0; v < ANS_SCOPE_COUNT; v++)
        fprintf(f, "<td class=\"num\">%u</td>", g->scope[k][scope_order[v]]);
      fputs("</tr>\n", f);
    }
  fputs("</tbody>\n</table>\n", f);
  char *out = scope_out_text(g);
  html_el(f, "p", NULL, out);
  free(out);
  if (!out_count(g))
    return;
  fputs("<ul class=\"out-of-scope\">\n", f);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      const qn_question *x = &q->questions[i];
      char *why = ans_scope_reason_text(q, i, r->lang);
      char *files = scope_files_text(g, i);
      fputs("<li><span class=\"id\">", f);
      html_question_id(f, x);
      fputs("</span> ", f);
      html_put(f, qn_level_name(x->level));
      fputs(" \u00b7 ", f);
      html_put(f, files);
      fputs(" \u00b7 <em>", f);
      html_put(f, why);
      fputs("</em>: ", f);
      html_put(f, qn_tr(&x->text, r->lang));
      fputs("</li>\n", f);
      free(files);
      free(why);
    }
  fputs("</ul>\n", f);
}

static void
html_lists(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  html_el(f, "h2", NULL, _("Files left out"));
  if (!s->nleft_out)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<ul>\n", f);
      for (size_t i = 0; i < s->nleft_out; i++)
        {
          fputs("<li><span class=\"path\">", f);
          html_put(f, s->left_out[i].path);
          fputs("</span>: ", f);
          html_put(f, s->left_out[i].reason);
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  html_el(f, "h2", NULL, _("Files skipped"));
  if (!s->nskipped)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<ul>\n", f);
      for (size_t i = 0; i < s->nskipped; i++)
        {
          fputs("<li><span class=\"path\">", f);
          html_put(f, s->skipped[i].path);
          fputs("</span>: ", f);
          html_put(f, s->skipped[i].message);
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  html_el(f, "h2", NULL, _("Organisations in more than one file"));
  if (!s->ndups)
    html_el(f, "p", NULL, _("none"));
  else
    {
      fputs("<ul>\n", f);
      for (size_t i = 0; i < s->ndups; i++)
        {
          fputs("<li>", f);
          if (r->names && s->dups[i].organization)
            {
              html_put(f, s->dups[i].organization);
              fputs(": ", f);
            }
          for (size_t k = 0; k < s->dups[i].n; k++)
            {
              char *line = survey_dup_line(&s->dups[i], k, r->names);
              fputs(k ? "<br><span class=\"path\">" : "<span class=\"path\">", f);
              html_put(f, line);
              fputs("</span>", f);
              free(line);
            }
          fputs("</li>\n", f);
        }
      fputs("</ul>\n", f);
    }
  if (!r->names)
    return;
  html_el(f, "h2", NULL, _("Organisations"));
  fputs("<table class=\"answers\">\n<thead><tr>", f);
  html_el(f, "th", NULL, _("Answers file"));
  html_el(f, "th", NULL, ans_field_name(ANS_ORGANIZATION));
  html_el(f, "th", NULL, ans_field_name(ANS_RESPONDENT));
  html_el(f, "th", NULL, ans_field_name(ANS_SECTOR));
  html_el(f, "th", NULL, _("Verdict"));
  html_el(f, "th", "num", qn_level_name(QN_BASELINE));
  fputs("</tr></thead>\n<tbody>\n", f);
  for (size_t i = 0; i < s->norgs; i++)
    {
      const survey_org *o = &s->orgs[i];
      const qn_sector *sec = o->sector ? qn_find_sector(s->agg.qn, o->sector) : NULL;
      char pct[COV_PERCENT_SIZE];
      const char *v = tenths_text(o->tenths, pct);
      fputs("<tr>", f);
      html_el(f, "td", "path", o->path);
      html_el(f, "td", NULL, o->organization);
      html_el(f, "td", NULL, o->respondent);
      html_el(f, "td", NULL, sec ? qn_tr(&sec->name, r->lang) : NULL);
      html_el(f, "td", "kw", agg_verdict_name(o->verdict));
      fprintf(f, "<td class=\"num\">%s%s</td></tr>\n", v ? v : "-", v ? "%" : "");
    }
  fputs("</tbody>\n</table>\n", f);
}

static void
html_page(FILE *f, const aggrep_ctx *r)
{
  html_begin(f, r->lang, report_title(r));
  fputs("<section class=\"summary\">\n", f);
  html_head(f, r);
  html_sectors(f, r);
  html_dists(f, r);
  fputs("</section>\n<section>\n", f);
  html_questions(f, r);
  html_scope_counts(f, r);
  html_lists(f, r);
  html_el(f, "h2", NULL, _("How coverage is computed"));
  html_el(f, "p", "formula", report_formula_text());
  html_el(f, "p", NULL, report_editorial_text());
  fputs("</section>\n", f);
  html_end(f);
}

/* ---- Excel ---------------------------------------------------------------- */

static void
xlsx_quantiles(xlsx_book *b, lxw_worksheet *ws, int row, int col, const agg_dist *d)
{
  for (int k = 0; k < AGG_FIVE; k++)
    {
      int v = agg_quantile(d, five_num[k], five_den[k]);
      if (v >= 0)
        worksheet_write_number(ws, (lxw_row_t) row, (lxw_col_t) (col + k), v / 1000.0, b->pct);
    }
}

static int
xlsx_aggregate(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  xlsx_book b;
  if (!xlsx_open(&b))
    {
      fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("cannot make the workbook's temporary file"),
              strerror(errno));
      return EX_CANTCREAT;
    }
  /* The cover. */
  lxw_worksheet *ws = xlsx_sheet(&b, _("Summary"));
  worksheet_set_column(ws, 0, 0, 34, NULL);
  worksheet_set_column(ws, 1, 1, 60, NULL);
  xlsx_text(&b, ws, 0, 0, report_title(r), b.title);
  xlsx_text(&b, ws, 1, 0, qn_tr(&q->title, r->lang), NULL);
  int row = 3;
  char buf[128], now[32];
  snprintf(buf, sizeof buf, "%s %s", q->id, q->version);
  xlsx_text(&b, ws, row, 0, _("Version"), b.bold);
  xlsx_text(&b, ws, row++, 1, buf, b.text);
  ans_now(now);
  xlsx_text(&b, ws, row, 0, _("Report made"), b.bold);
  xlsx_date(&b, ws, row++, 1, now);
  xlsx_text(&b, ws, row, 0, _("Files aggregated"), b.bold);
  xlsx_number(&b, ws, row++, 1, g->files);
  xlsx_text(&b, ws, row, 0, _("Files left out"), b.bold);
  xlsx_number(&b, ws, row++, 1, (double) s->nleft_out);
  xlsx_text(&b, ws, row, 0, _("Duplicates"), b.bold);
  xlsx_number(&b, ws, row++, 1, (double) s->ndups);
  row++;
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    {
      xlsx_text(&b, ws, row, 0, agg_verdict_name((enum agg_verdict) v), b.bold);
      xlsx_number(&b, ws, row++, 1, g->verdict[v]);
    }
  xlsx_text(&b, ws, row++, 0, verdict_note(), NULL);
  row++;
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      snprintf(buf, sizeof buf, "%s: %s", _("Pooled coverage"), qn_level_name((enum qn_level) l));
      xlsx_text(&b, ws, row, 0, buf, b.bold);
      xlsx_percent(&b, ws, row++, 1, &g->all[l]);
    }
  xlsx_text(&b, ws, row, 0, _("Median baseline coverage"), b.bold);
  int med = agg_quantile(&g->overall, 1, 2);
  if (med >= 0)
    worksheet_write_number(ws, (lxw_row_t) row, 1, med / 1000.0, b.pct);
  row += 2;
  worksheet_merge_range(ws, (lxw_row_t) row, 0, (lxw_row_t) row, 1, "", b.wrap);
  xlsx_text(&b, ws, row, 0, report_formula_text(), NULL);
  worksheet_set_row(ws, (lxw_row_t) row, 60, NULL);

  /* Sectors by verdict. */
  ws = xlsx_sheet(&b, _("Sectors"));
  const char *sh[2 + AGG_VERDICT_COUNT] = { _("Sector"), _("Files") };
  double sw[2 + AGG_VERDICT_COUNT] = { 24, 8 };
  for (int v = 0; v < AGG_VERDICT_COUNT; v++)
    sh[2 + v] = agg_verdict_name((enum agg_verdict) v), sw[2 + v] = 14;
  xlsx_header(&b, ws, sh, sw, 2 + AGG_VERDICT_COUNT, 1);
  row = 1;
  for (size_t k = 0; k <= q->nsectors + 1; k++)
    {
      const unsigned *v = k <= q->nsectors ? g->sector[k] : g->verdict;
      if (k <= q->nsectors && !row_files(v))
        continue;
      xlsx_text(&b, ws, row, 0, k <= q->nsectors ? sector_label(r, k) : _("Total"),
                k <= q->nsectors ? b.text : b.bold);
      xlsx_number(&b, ws, row, 1, row_files(v));
      for (int j = 0; j < AGG_VERDICT_COUNT; j++)
        xlsx_number(&b, ws, row, 2 + j, v[j]);
      row++;
    }
  xlsx_filter(ws, row - 1, 2 + AGG_VERDICT_COUNT);

  /* The distributions. */
  ws = xlsx_sheet(&b, _("Baseline coverage of the organisations"));
  const char *dh[] = { _("Scope"), _("Item"), _("Title"), _("Files"), five_name(0), five_name(1),
                       five_name(2), five_name(3), five_name(4), _("None applicable"),
                       agg_verdict_name(AGG_UNDECIDED) };
  static const double dw[] = { 10, 8, 36, 8, 9, 9, 9, 9, 9, 12, 14 };
  int nd = (int) (sizeof dh / sizeof dh[0]);
  xlsx_header(&b, ws, dh, dw, nd, 3);
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows);
  for (size_t i = 0; i < n; i++)
    {
      int rr = (int) i + 1;
      const char *kind = strcmp(rows[i].key, "overall") == 0 ? _("Overall")
                         : strcmp(rows[i].key, "phase") == 0 ? _("Phase")
                         : strcmp(rows[i].key, "section") == 0 ? _("Item") : "CSF";
      xlsx_text(&b, ws, rr, 0, kind, b.text);
      if (strcmp(rows[i].key, "overall") != 0 && strcmp(rows[i].key, "phase") != 0)
        xlsx_text(&b, ws, rr, 1, rows[i].id, b.text);
      xlsx_text(&b, ws, rr, 2, rows[i].label, NULL);
      xlsx_number(&b, ws, rr, 3, rows[i].d->n);
      xlsx_quantiles(&b, ws, rr, 4, rows[i].d);
      xlsx_number(&b, ws, rr, 9, rows[i].d->none);
      xlsx_number(&b, ws, rr, 10, rows[i].d->unfinished);
    }
  xlsx_filter(ws, (int) n, nd);
  free(rows);
  char *un = unfinished_note(g);
  if (un)
    xlsx_text(&b, ws, (int) n + 2, 0, un, b.text);
  free(un);

  /* The questions, least met first. */
  ws = xlsx_sheet(&b, _("Questions"));
  enum { QH = 8 + ANS_STATUS_COUNT };
  const char *qh[QH] = { _("Question"), _("Phase"), _("Item"), _("Level"), _("Text"), _("Share met"),
                         _("Met"), _("Applicable") };
  double qw[QH] = { 11, 8, 7, 13, 50, 10, 8, 10 };
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    qh[8 + i] = ans_status_name(nth(i)), qw[8 + i] = 11;
  xlsx_header(&b, ws, qh, qw, QH, 1);
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      int rr = (int) k + 1;
      const qn_question *x = &q->questions[rank[k]];
      const cov_tally *t = &g->question[rank[k]];
      xlsx_text(&b, ws, rr, 0, x->id, b.text);
      xlsx_text(&b, ws, rr, 1, qn_phase_name(x->phase), b.text);
      xlsx_text(&b, ws, rr, 2, q->sections[x->section].id, b.text);
      const char *mark = report_basis_label(x->basis);
      char *level = xasprintf("%s%s%s", qn_level_name(x->level), *mark ? " " : "", mark);
      xlsx_text(&b, ws, rr, 3, level, b.text);
      free(level);
      xlsx_text(&b, ws, rr, 4, qn_tr(&x->text, r->lang), NULL);
      xlsx_percent(&b, ws, rr, 5, t);
      xlsx_number(&b, ws, rr, 6, t->met);
      xlsx_number(&b, ws, rr, 7, t->applicable);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        xlsx_number(&b, ws, rr, 8 + i, t->status[nth(i)]);
    }
  free(rank);
  xlsx_filter(ws, (int) q->nquestions, QH);

  /* Files left out and duplicates: what the auditor has to look at. */
  ws = xlsx_sheet(&b, _("Files"));
  const char *fh[] = { _("File"), _("Kind"), _("Detail") };
  static const double fw[] = { 40, 22, 80 };
  xlsx_header(&b, ws, fh, fw, 3, 1);
  row = 1;
  for (size_t i = 0; i < s->nleft_out; i++, row++)
    {
      xlsx_text(&b, ws, row, 0, s->left_out[i].path, b.text);
      xlsx_text(&b, ws, row, 1, _("left out"), b.text);
      xlsx_text(&b, ws, row, 2, s->left_out[i].reason, NULL);
    }
  for (size_t i = 0; i < s->nskipped; i++, row++)
    {
      xlsx_text(&b, ws, row, 0, s->skipped[i].path, b.text);
      xlsx_text(&b, ws, row, 1, _("skipped"), b.text);
      xlsx_text(&b, ws, row, 2, s->skipped[i].message, NULL);
    }
  for (size_t i = 0; i < s->ndups; i++)
    for (size_t k = 0; k < s->dups[i].n; k++, row++)
      {
        xlsx_text(&b, ws, row, 0, s->dups[i].paths[k], b.text);
        snprintf(buf, sizeof buf, "%s %zu", _("duplicate"), i + 1);
        xlsx_text(&b, ws, row, 1, buf, b.text);
        char *line = survey_dup_line(&s->dups[i], k, r->names);
        xlsx_text(&b, ws, row, 2, line, NULL);
        free(line);
      }
  xlsx_filter(ws, row - 1, 3);

  if (has_scope(r))
    {
      ws = xlsx_sheet(&b, report_scope_heading());
      static const double scw[] = { 11, 11, 14, 14, 40, 60 };
      for (int k = 0; k < 6; k++)
        worksheet_set_column(ws, (lxw_col_t) k, (lxw_col_t) k, scw[k], NULL);
      xlsx_text(&b, ws, 0, 0, report_scope_heading(), b.title);
      row = 2;
      xlsx_text(&b, ws, row, 0, _("Scope question"), b.head);
      for (int v = 0; v < ANS_SCOPE_COUNT; v++)
        xlsx_text(&b, ws, row, 1 + v, ans_scope_name(scope_order[v]), b.head);
      row++;
      for (size_t k = 0; k < q->nscopes; k++, row++)
        {
          xlsx_text(&b, ws, row, 0, q->scopes[k].id, b.text);
          for (int v = 0; v < ANS_SCOPE_COUNT; v++)
            xlsx_number(&b, ws, row, 1 + v, g->scope[k][scope_order[v]]);
          xlsx_text(&b, ws, row, 5, qn_tr(&q->scopes[k].text, r->lang), NULL);
        }
      row++;
      char *out = scope_out_text(g);
      xlsx_text(&b, ws, row++, 0, out, NULL);
      free(out);
      if (out_count(g))
        {
          const char *sch[] = { _("Question"), _("Level"), _("Files"), "", _("Reason"), _("Text") };
          for (int k = 0; k < 6; k++)
            xlsx_text(&b, ws, row, k, sch[k], b.head);
          row++;
        }
      for (size_t pos = 0; pos < q->nquestions; pos++)
        {
          size_t i = q->order[pos];
          if (!g->question[i].out_of_scope)
            continue;
          char *why = ans_scope_reason_text(q, i, r->lang);
          xlsx_text(&b, ws, row, 0, q->questions[i].id, b.text);
          xlsx_text(&b, ws, row, 1, qn_level_name(q->questions[i].level), b.text);
          xlsx_number(&b, ws, row, 2, g->question[i].out_of_scope);
          xlsx_text(&b, ws, row, 4, why, NULL);
          xlsx_text(&b, ws, row, 5, qn_tr(&q->questions[i].text, r->lang), NULL);
          row++;
          free(why);
        }
      worksheet_set_landscape(ws);
      worksheet_fit_to_pages(ws, 1, 0);
    }

  if (r->names)
    {
      ws = xlsx_sheet(&b, _("Organisations"));
      const char *oh[] = { _("Answers file"), ans_field_name(ANS_ORGANIZATION),
                           ans_field_name(ANS_RESPONDENT), ans_field_name(ANS_SECTOR), _("Verdict"),
                           _("Baseline coverage") };
      static const double ow[] = { 40, 28, 20, 14, 22, 12 };
      xlsx_header(&b, ws, oh, ow, 6, 1);
      for (size_t i = 0; i < s->norgs; i++)
        {
          const survey_org *o = &s->orgs[i];
          const qn_sector *sec = o->sector ? qn_find_sector(q, o->sector) : NULL;
          int rr = (int) i + 1;
          xlsx_text(&b, ws, rr, 0, o->path, b.text);
          xlsx_text(&b, ws, rr, 1, o->organization, b.text);
          xlsx_text(&b, ws, rr, 2, o->respondent, b.text);
          xlsx_text(&b, ws, rr, 3, sec ? qn_tr(&sec->name, r->lang) : o->sector, b.text);
          xlsx_text(&b, ws, rr, 4, agg_verdict_name(o->verdict), b.text);
          if (o->tenths >= 0)
            worksheet_write_number(ws, (lxw_row_t) rr, 5, o->tenths / 1000.0, b.pct);
        }
      xlsx_filter(ws, (int) s->norgs, 6);
    }
  return xlsx_close(&b, f);
}

int
aggrep_write(FILE *f, enum report_fmt fmt, const aggrep_ctx *r)
{
  enum lang ui = i18n_switch_messages(r->lang);
  int rc = 0;
  fmt = report_fmt_begin(f, fmt);
  switch (fmt)
    {
    case REPORT_XLSX: rc = xlsx_aggregate(f, r); break;
    case REPORT_CSV_EXCEL: break;
    case REPORT_TEXT: text_report(f, r); break;
    case REPORT_MARKDOWN: md_report(f, r); break;
    case REPORT_CSV: csv_report(f, r); break;
    case REPORT_JSON: json_report(f, r); break;
    case REPORT_HTML: html_page(f, r); break;
    }
  i18n_switch_messages(ui);
  return rc ? rc : ferror(f) ? EX_IOERR : 0;
}
