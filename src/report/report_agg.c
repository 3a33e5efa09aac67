/* report_agg: the aggregate report.  See report_agg.h.
 *
 * Every format walks the same figures in the same order: what was read,
 * organisations by sector and verdict, the distribution of baseline
 * coverage (overall, by phase, by item), the questions least met first,
 * then the files left out, the duplicates and, with names, the
 * organisations. */
#include <config.h>
#include "report/report_agg.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_html.h"
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
  unsigned n = 0;
  for (size_t s = 0; s <= g->qn->nsectors; s++)
    n += g->sector[s][1];
  return n;
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
  AX_SHARE = 18,                /* "100.0% (999/999)" */
};


static void
text_head(FILE *f, const aggrep_ctx *r, int width)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char buf[3][64], line[256];
  emit_title(f, _("kijun: aggregate report"));
  const char *labels[] = { _("Questionnaire"), _("Version"), _("Files aggregated"),
                           _("Files left out"), _("Duplicates"), _("Baseline met"),
                           _("Pooled coverage") };
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
  snprintf(line, sizeof line, _("%u of %u organisations"), met_files(g), g->files);
  emit_field(f, labels[5], lw, line, width);
  cov_format(&g->all[QN_BASELINE], buf[1], sizeof buf[1]);
  cov_format(&g->all[QN_RECOMMENDED], buf[2], sizeof buf[2]);
  snprintf(line, sizeof line, "%s %s, %s %s", qn_level_name(QN_BASELINE), buf[1],
           qn_level_name(QN_RECOMMENDED), buf[2]);
  emit_field(f, labels[6], lw, line, width);
}

static void
text_sectors(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  fputs(_("Organisations by sector and verdict\n"), f);
  const char *heads[] = { _("Sector"), _("Files"), _("Baseline met"), _("Baseline not met") };
  int lw = txt_width(heads[0]), tw = txt_width(_("Total"));
  if (tw > lw)
    lw = tw;
  for (size_t s = 0; s <= q->nsectors; s++)
    if (txt_width(sector_label(r, s)) > lw)
      lw = txt_width(sector_label(r, s));
  int cw[3];
  fprintf(f, "%*s", AX_INDENT, "");
  txt_pad(f, heads[0], lw);
  for (int c = 0; c < 3; c++)
    {
      cw[c] = txt_width(heads[c + 1]) > AX_COUNT ? txt_width(heads[c + 1]) : AX_COUNT;
      fprintf(f, "%*s", AX_GAP, "");
      txt_rpad(f, heads[c + 1], cw[c]);
    }
  fputc('\n', f);
  unsigned tot[2] = { 0, 0 };
  for (size_t s = 0; s <= q->nsectors + 1; s++)
    {
      const unsigned *v;
      if (s <= q->nsectors)
        {
          v = g->sector[s];
          tot[0] += v[0], tot[1] += v[1];
          /* Sectors no file names are left out, but "not given" only
           * when some file names none. */
          if (!v[0] && !v[1])
            continue;
        }
      else
        v = tot;
      fprintf(f, "%*s", AX_INDENT, "");
      txt_pad(f, s <= q->nsectors ? sector_label(r, s) : _("Total"), lw);
      fprintf(f, "%*s%*u%*s%*u%*s%*u\n", AX_GAP, "", cw[0], v[0] + v[1], AX_GAP, "", cw[1], v[1],
              AX_GAP, "", cw[2], v[0]);
    }
}

static void
text_dists(FILE *f, const aggrep_ctx *r, int width)
{
  const questionnaire *q = r->s->agg.qn;
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows);
  fputs(_("Baseline coverage of the organisations\n"), f);
  int lw = txt_width(_("Scope"));
  char **labels = xcalloc(n, sizeof *labels);
  for (size_t i = 0; i < n; i++)
    {
      char *raw = shows_id(&rows[i]) ? xasprintf("%s %s", rows[i].id, rows[i].label)
                                                       : xstrdup(rows[i].label);
      char *clean = txt_sanitize(raw, true);
      labels[i] = txt_ellipsize(clean, AX_SCOPE);
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
  fprintf(f, "%*s", AX_INDENT, "");
  txt_pad(f, _("Question"), idw);
  fprintf(f, "%*s", AX_GAP, "");
  txt_pad(f, _("Level"), lvw);
  fprintf(f, "%*s", AX_GAP, "");
  txt_pad(f, _("Met"), AX_SHARE);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, " %*c", AX_COUNT - 1, ans_statuses[nth(i)].digit);
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
      txt_pad(f, ln[x->level], lvw);
      fprintf(f, "%*s", AX_GAP, "");
      txt_pad(f, buf, AX_SHARE);
      for (int s = 0; s < ANS_STATUS_COUNT; s++)
        fprintf(f, " %*u", AX_COUNT - 1, t->status[nth(s)]);
      fputc('\n', f);
      emit_wrapped(f, qn_tr(&x->text, r->lang), 2 * AX_INDENT, width);
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
    emit_wrapped(f, s->left_out[i].message, AX_INDENT, width);
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
        emit_wrapped(f, d->paths[k], r->names && d->organization ? 2 * AX_INDENT : AX_INDENT,
                            width);
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
      char *line = xasprintf("%s: %s / %s / %s / %s %s%s", o->path,
                             o->organization ? o->organization : "-",
                             o->respondent ? o->respondent : "-",
                             sec ? qn_tr(&sec->name, r->lang) : "-",
                             o->baseline_met ? _("Baseline met") : _("Baseline not met"),
                             v ? v : _("n/a"), v ? "%" : "");
      emit_wrapped(f, line, AX_INDENT, width);
      free(line);
    }
}

static void
text_report(FILE *f, const aggrep_ctx *r)
{
  int width = r->width > AX_MIN_WIDTH ? r->width : AX_WIDTH;
  text_head(f, r, width);
  fputc('\n', f);
  text_sectors(f, r);
  fputc('\n', f);
  text_dists(f, r, width);
  fputc('\n', f);
  text_questions(f, r, width);
  fputc('\n', f);
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
  fprintf(f, "# %s\n\n| | |\n|---|---|\n| %s | ", _("kijun: aggregate report"), _("Questionnaire"));
  emit_md(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  emit_md(f, q->id);
  fputc(' ', f);
  emit_md(f, q->version);
  fprintf(f, " |\n| %s | %u |\n| %s | %zu |\n| %s | %zu |\n", _("Files aggregated"), g->files,
          _("Files left out"), s->nleft_out, _("Duplicates"), s->ndups);
  fprintf(f, "| %s | ", _("Baseline met"));
  fprintf(f, _("%u of %u organisations"), met_files(g), g->files);
  cov_format(&g->all[QN_BASELINE], buf, sizeof buf);
  cov_format(&g->all[QN_RECOMMENDED], buf2, sizeof buf2);
  fprintf(f, " |\n| %s | %s %s, %s %s |\n", _("Pooled coverage"), qn_level_name(QN_BASELINE), buf,
          qn_level_name(QN_RECOMMENDED), buf2);

  fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n",
          _("Organisations by sector and verdict"), _("Sector"), _("Files"), _("Baseline met"),
          _("Baseline not met"));
  unsigned tot[2] = { 0, 0 };
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      tot[0] += v[0], tot[1] += v[1];
      if (!v[0] && !v[1])
        continue;
      fputs("| ", f);
      emit_md(f, sector_label(r, k));
      fprintf(f, " | %u | %u | %u |\n", v[0] + v[1], v[1], v[0]);
    }
  fprintf(f, "| %s | %u | %u | %u |\n", _("Total"), tot[0] + tot[1], tot[1], tot[0]);

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

  fprintf(f, "\n## %s\n\n", _("Files left out"));
  if (!s->nleft_out)
    fprintf(f, "%s\n", _("none"));
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      fputs("- ", f);
      emit_md(f, s->left_out[i].message);
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
          fputs(k ? ", " : "", f);
          emit_md(f, s->dups[i].paths[k]);
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
          fprintf(f, " | %s | %s%s |\n", o->baseline_met ? _("Baseline met") : _("Baseline not met"),
                  v ? v : "-", v ? "%" : "");
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
  fputs(",none_applicable\r\n", f);
}

static void
csv_lead(FILE *f, const char *scope, const char *id, const char *title, const char *level)
{
  emit_csv(f, scope);
  fputc(',', f);
  emit_csv(f, id);
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

static void
csv_dist(FILE *f, const agg_dist *d)
{
  if (!d)
    {
      for (int k = 0; k <= AGG_FIVE; k++)
        fputc(',', f);
      fputs("\r\n", f);
      return;
    }
  for (int k = 0; k < AGG_FIVE; k++)
    {
      char pct[COV_PERCENT_SIZE];
      const char *v = tenths_text(agg_quantile(d, five_num[k], five_den[k]), pct);
      fprintf(f, ",%s", v ? v : "");
    }
  fprintf(f, ",%u\r\n", d->none);
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
      csv_dist(f, l == QN_BASELINE ? &g->overall : NULL);
    }
  for (size_t i = 1; i < n; i++)
    {
      csv_lead(f, rows[i].key, rows[i].id, rows[i].label, qn_level_key(QN_BASELINE));
      fprintf(f, ",%u,", rows[i].d->n + rows[i].d->none);
      csv_tally(f, NULL);
      csv_dist(f, rows[i].d);
    }
  free(rows);
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      if (!v[0] && !v[1])
        continue;
      csv_lead(f, "sector", k < q->nsectors ? q->sectors[k].id : "", sector_label(r, k), NULL);
      fprintf(f, ",%u,%u", v[0] + v[1], v[1]);
      csv_tally(f, NULL);
      csv_dist(f, NULL);
    }
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      csv_lead(f, "question", x->id, qn_tr(&x->text, r->lang), qn_level_key(x->level));
      fprintf(f, ",%u,", g->question[rank[k]].total);
      csv_tally(f, &g->question[rank[k]]);
      csv_dist(f, NULL);
    }
  free(rank);
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      csv_lead(f, "left_out", s->left_out[i].path, s->left_out[i].message, NULL);
      fputs(",,", f);
      csv_tally(f, NULL);
      csv_dist(f, NULL);
    }
  for (size_t i = 0; i < s->ndups; i++)
    for (size_t k = 0; k < s->dups[i].n; k++)
      {
        char group[32];
        snprintf(group, sizeof group, "%zu", i + 1);
        csv_lead(f, "duplicate", s->dups[i].paths[k], r->names ? s->dups[i].organization : group, NULL);
        fputs(",,", f);
        csv_tally(f, NULL);
        csv_dist(f, NULL);
      }
  if (r->names)
    for (size_t i = 0; i < s->norgs; i++)
      {
        const survey_org *o = &s->orgs[i];
        char pct[COV_PERCENT_SIZE];
        const char *v = tenths_text(o->tenths, pct);
        csv_lead(f, "organization", o->path, o->organization, qn_level_key(QN_BASELINE));
        fprintf(f, ",1,%d,,,%s,", o->baseline_met, v ? v : "");
        for (int j = 0; j < 2 + ANS_STATUS_COUNT; j++)
          fputc(',', f);
        csv_dist(f, NULL);
      }
}

/* ---- JSON ---------------------------------------------------------------- */

static void
json_dist(FILE *f, const agg_dist *d)
{
  fprintf(f, "{ \"files\": %u, \"none_applicable\": %u", d->n, d->none);
  for (int k = 0; k < AGG_FIVE; k++)
    {
      char pct[COV_PERCENT_SIZE];
      const char *v = tenths_text(agg_quantile(d, five_num[k], five_den[k]), pct);
      fprintf(f, ", \"%s\": %s", five_key[k], v ? v : "null");
    }
  fputs(" }", f);
}

static void
json_report(FILE *f, const aggrep_ctx *r)
{
  const survey *s = r->s;
  const aggregate *g = &s->agg;
  const questionnaire *q = g->qn;
  char now[32];
  ans_now(now);
  fputs("{\n  \"schema\": \"kijun-aggregate/1\",\n  \"generated\": ", f);
  emit_json(f, now);
  fprintf(f, ",\n  \"language\": \"%s\",\n  \"questionnaire\": { \"id\": ", lang_code(r->lang));
  emit_json(f, q->id);
  fputs(", \"version\": ", f);
  emit_json(f, q->version);
  fputs(", \"digest\": ", f);
  emit_json(f, qn_digest(q));
  fputs(", \"title\": ", f);
  emit_json(f, qn_tr(&q->title, r->lang));
  fprintf(f, " },\n  \"files\": { \"aggregated\": %u, \"left_out\": %zu, \"duplicates\": %zu, "
             "\"baseline_met\": %u },\n", g->files, s->nleft_out, s->ndups, met_files(g));
  fputs("  \"formula\": ", f);
  emit_json(f, report_formula_text());
  fputs(",\n  \"sectors\": [", f);
  bool first = true;
  for (size_t k = 0; k <= q->nsectors; k++)
    {
      const unsigned *v = g->sector[k];
      if (!v[0] && !v[1])
        continue;
      fputs(first ? "\n    { \"id\": " : ",\n    { \"id\": ", f);
      first = false;
      emit_json(f, k < q->nsectors ? q->sectors[k].id : NULL);
      fputs(", \"name\": ", f);
      emit_json(f, sector_label(r, k));
      fprintf(f, ", \"files\": %u, \"baseline_met\": %u, \"baseline_not_met\": %u }", v[0] + v[1], v[1], v[0]);
    }
  fputs(first ? "],\n" : "\n  ],\n", f);
  fputs("  \"overall\": { ", f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      fprintf(f, "\"%s\": ", qn_level_key((enum qn_level) l));
      report_json_tally(f, &g->all[l]);
      fputs(", ", f);
    }
  fputs("\"distribution\": ", f);
  json_dist(f, &g->overall);
  fputs(" },\n  \"phases\": [\n", f);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      report_json_phase_head(f, (enum qn_phase) p);
      fputs(", \"distribution\": ", f);
      json_dist(f, &g->phase[p]);
      fputs(p + 1 < QN_PHASE_COUNT ? " },\n" : " }\n", f);
    }
  fputs("  ],\n  \"sections\": [\n", f);
  for (size_t k = 0; k < q->nsections; k++)
    {
      report_json_section_head(f, &q->sections[k], r->lang);
      fputs(", \"distribution\": ", f);
      json_dist(f, &g->section[k]);
      fputs(k + 1 < q->nsections ? " },\n" : " }\n", f);
    }
  /* By CSF: the rows the other formats show after the items. */
  fputs("  ],\n  \"csf\": [", f);
  scope_row *rows = xcalloc(SCOPE_ROWS(q), sizeof *rows);
  size_t n = scope_rows(r, rows), ncsf = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (strncmp(rows[i].key, "csf_", 4) != 0)
        continue;
      fprintf(f, "%s    { \"scope\": \"%s\", \"id\": \"%s\", \"name\": ", ncsf++ ? ",\n" : "\n",
              rows[i].key, rows[i].id);
      emit_json(f, rows[i].label);
      fputs(", \"distribution\": ", f);
      json_dist(f, rows[i].d);
      fputs(" }", f);
    }
  free(rows);
  fputs(ncsf ? "\n  ],\n  \"questions\": [\n" : "],\n  \"questions\": [\n", f);
  size_t *rank = agg_ranking(g);
  for (size_t k = 0; k < q->nquestions; k++)
    {
      const qn_question *x = &q->questions[rank[k]];
      fputs("    { \"question\": ", f);
      emit_json(f, x->id);
      fputs(", \"section\": ", f);
      emit_json(f, q->sections[x->section].id);
      fprintf(f, ", \"phase\": \"%s\", \"level\": \"%s\", \"level_basis\": ", qn_phase_key(x->phase),
              qn_level_key(x->level));
      emit_json(f, x->basis ? qn_basis_key(x->basis) : NULL);
      fputs(", \"answers\": ", f);
      report_json_tally(f, &g->question[rank[k]]);
      fputs(", \"text\": ", f);
      emit_json(f, qn_tr(&x->text, r->lang));
      fputs(k + 1 < q->nquestions ? " },\n" : " }\n", f);
    }
  free(rank);
  fputs("  ],\n  \"left_out\": [", f);
  for (size_t i = 0; i < s->nleft_out; i++)
    {
      fputs(i ? ",\n    { \"file\": " : "\n    { \"file\": ", f);
      emit_json(f, s->left_out[i].path);
      fputs(", \"problem\": ", f);
      emit_json(f, s->left_out[i].message);
      fputs(" }", f);
    }
  fputs(s->nleft_out ? "\n  ],\n  \"duplicates\": [" : "],\n  \"duplicates\": [", f);
  for (size_t i = 0; i < s->ndups; i++)
    {
      fputs(i ? ",\n    { " : "\n    { ", f);
      if (r->names)
        {
          fputs("\"organization\": ", f);
          emit_json(f, s->dups[i].organization);
          fputs(", ", f);
        }
      fputs("\"files\": [", f);
      for (size_t k = 0; k < s->dups[i].n; k++)
        {
          fputs(k ? ", " : " ", f);
          emit_json(f, s->dups[i].paths[k]);
        }
      fputs(" ] }", f);
    }
  fputs(s->ndups ? "\n  ]" : "]", f);
  if (r->names)
    {
      fputs(",\n  \"organizations\": [", f);
      for (size_t i = 0; i < s->norgs; i++)
        {
          const survey_org *o = &s->orgs[i];
          char pct[COV_PERCENT_SIZE];
          const char *v = tenths_text(o->tenths, pct);
          fputs(i ? ",\n    { \"file\": " : "\n    { \"file\": ", f);
          emit_json(f, o->path);
          fputs(", \"organization\": ", f);
          emit_json(f, o->organization);
          fputs(", \"respondent\": ", f);
          emit_json(f, o->respondent);
          fputs(", \"sector\": ", f);
          emit_json(f, o->sector);
          fprintf(f, ", \"verdict\": \"%s\", \"baseline_percent\": %s }",
                  o->baseline_met ? "baseline_met" : "baseline_not_met", v ? v : "null");
        }
      fputs(s->norgs ? "\n  ]" : "]", f);
    }
  fputs("\n}\n", f);
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
  html_put(f, qn_tr(&q->title, r->lang));
  fputs("</h1>\n<dl class=\"facts\">\n", f);
  snprintf(buf, sizeof buf, "%u", g->files);
  html_fact(f, _("Files aggregated"), buf, NULL);
  snprintf(buf, sizeof buf, "%zu", s->nleft_out);
  html_fact(f, _("Files left out"), buf, NULL);
  snprintf(buf, sizeof buf, "%zu", s->ndups);
  html_fact(f, _("Duplicates"), buf, NULL);
  html_fact(f, _("Report made"), now, NULL);
  snprintf(buf, sizeof buf, "%s %s", q->id, q->version);
  html_fact(f, _("Version"), buf, "id");
  fputs("</dl>\n<div class=\"kpis\">\n", f);
  snprintf(buf, sizeof buf, "%u (%u/%u)", met_files(g), met_files(g), g->files);
  html_kpi(f, _("Baseline met"), buf);
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
  const char *nums[] = { _("Files"), _("Baseline met"), _("Baseline not met") };
  for (int i = 0; i < 3; i++)
    html_el(f, "th", "num", nums[i]);
  fputs("</tr></thead>\n<tbody>\n", f);
  unsigned tot[2] = { 0, 0 };
  for (size_t k = 0; k <= q->nsectors + 1; k++)
    {
      const unsigned *v = k <= q->nsectors ? g->sector[k] : tot;
      if (k <= q->nsectors)
        {
          tot[0] += v[0], tot[1] += v[1];
          if (!v[0] && !v[1])
            continue;
        }
      fputs("<tr><td>", f);
      html_put(f, k <= q->nsectors ? sector_label(r, k) : _("Total"));
      fprintf(f, "</td><td class=\"num\">%u</td><td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n",
              v[0] + v[1], v[1], v[0]);
    }
  fputs("</tbody>\n</table>\n", f);
}

static void
html_dists(FILE *f, const aggrep_ctx *r)
{
  const questionnaire *q = r->s->agg.qn;
  html_el(f, "h2", NULL, _("Baseline coverage of the organisations"));
  html_el(f, "p", NULL, quantile_note());
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
        html_el(f, "li", "path", s->left_out[i].message);
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
              fputs(k ? ", <span class=\"path\">" : "<span class=\"path\">", f);
              html_put(f, s->dups[i].paths[k]);
              fputs("</span>", f);
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
      html_el(f, "td", "kw", o->baseline_met ? _("Baseline met") : _("Baseline not met"));
      fprintf(f, "<td class=\"num\">%s%s</td></tr>\n", v ? v : "-", v ? "%" : "");
    }
  fputs("</tbody>\n</table>\n", f);
}

static void
html_page(FILE *f, const aggrep_ctx *r)
{
  html_begin(f, r->lang, _("kijun: aggregate report"));
  fputs("<section class=\"summary\">\n", f);
  html_head(f, r);
  html_sectors(f, r);
  html_dists(f, r);
  fputs("</section>\n<section>\n", f);
  html_questions(f, r);
  html_lists(f, r);
  html_el(f, "h2", NULL, _("How coverage is computed"));
  html_el(f, "p", "formula", report_formula_text());
  html_el(f, "p", NULL, report_editorial_text());
  fputs("</section>\n", f);
  html_end(f);
}

int
aggrep_write(FILE *f, enum report_fmt fmt, const aggrep_ctx *r)
{
  enum lang ui = i18n_switch_messages(r->lang);
  switch (fmt)
    {
    case REPORT_TEXT: text_report(f, r); break;
    case REPORT_MARKDOWN: md_report(f, r); break;
    case REPORT_CSV: csv_report(f, r); break;
    case REPORT_JSON: json_report(f, r); break;
    case REPORT_HTML: html_page(f, r); break;
    }
  i18n_switch_messages(ui);
  return ferror(f) ? EX_IOERR : 0;
}
