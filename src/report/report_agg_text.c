/* report_agg_text: the aggregate report as plain text (and the scope
 * section of the Markdown one, written beside it).  See report_agg.h. */
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
  char *title = txt_sanitize(aggrep_title(r), true);
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
  fputs(_("Organisations by sector and verdict\n"), f);
  tab t;
  aggrep_sector_table(r, &t);
  /* A long sector name is cut, the counts never: they keep the width. */
  tab_text(f, &t, AX_INDENT, AX_GAP, width, AX_COUNT);
  tab_free(&t);
  emit_wrapped(f, aggrep_verdict_note(), AX_INDENT, width);
}

/* Not written from aggrep_dist_table by tab_text: here the label is cut
 * at AX_SCOPE columns (12 when narrow) and the count and the figure
 * columns keep different least widths (AX_COUNT, AX_FIG), a layout
 * tab_text does not have; the text golden files hold it. */
static void
text_dists(FILE *f, const aggrep_ctx *r, int width)
{
  const questionnaire *q = r->s->agg.qn;
  aggrep_row *rows = xcalloc(AGGREP_ROWS(q), sizeof *rows);
  size_t n = aggrep_scope_rows(r, rows);
  fputs(_("Baseline coverage of the organisations\n"), f);
  int lw = txt_width(_("Scope"));
  /* The label gets what the figures leave of the width: numbers are never
   * cut, a long item title is. */
  int room = width - AX_INDENT - AX_GAP - (txt_width(_("Files")) > AX_COUNT ? txt_width(_("Files")) : AX_COUNT);
  for (int k = 0; k < AGGREP_FIVE; k++)
    room -= AX_GAP + (txt_width(aggrep_five_name(k)) > AX_FIG ? txt_width(aggrep_five_name(k)) : AX_FIG);
  int cap = room < AX_SCOPE ? (room > 12 ? room : 12) : AX_SCOPE;
  char **labels = xcalloc(n, sizeof *labels);
  for (size_t i = 0; i < n; i++)
    {
      char *raw = aggrep_shows_id(&rows[i]) ? xasprintf("%s %s", rows[i].id, rows[i].label)
                                                       : xstrdup(rows[i].label);
      char *clean = txt_sanitize(raw, true);
      labels[i] = txt_ellipsize(clean, cap);
      free(raw);
      free(clean);
      if (txt_width(labels[i]) > lw)
        lw = txt_width(labels[i]);
    }
  int fw = txt_width(_("Files")) > AX_COUNT ? txt_width(_("Files")) : AX_COUNT;
  int qw[AGGREP_FIVE];
  fprintf(f, "%*s", AX_INDENT, "");
  txt_pad(f, _("Scope"), lw);
  fprintf(f, "%*s", AX_GAP, "");
  txt_rpad(f, _("Files"), fw);
  for (int k = 0; k < AGGREP_FIVE; k++)
    {
      qw[k] = txt_width(aggrep_five_name(k)) > AX_FIG ? txt_width(aggrep_five_name(k)) : AX_FIG;
      fprintf(f, "%*s", AX_GAP, "");
      txt_rpad(f, aggrep_five_name(k), qw[k]);
    }
  fputc('\n', f);
  for (size_t i = 0; i < n; i++)
    {
      fprintf(f, "%*s", AX_INDENT, "");
      txt_pad(f, labels[i], lw);
      fprintf(f, "%*s%*u", AX_GAP, "", fw, rows[i].d->n);
      for (int k = 0; k < AGGREP_FIVE; k++)
        {
          char pct[COV_PERCENT_SIZE], cell[COV_PERCENT_SIZE + 1];
          const char *v = aggrep_tenths_text(agg_quantile(rows[i].d, aggrep_five_num[k], aggrep_five_den[k]), pct);
          snprintf(cell, sizeof cell, "%s%s", v ? v : "-", v ? "%" : "");
          fprintf(f, "%*s%*s", AX_GAP, "", qw[k], cell);
        }
      fputc('\n', f);
      free(labels[i]);
    }
  free(labels);
  free(rows);
  emit_wrapped(f, aggrep_quantile_note(), AX_INDENT, width);
  char *un = aggrep_unfinished_note(&r->s->agg);
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
  emit_wrapped(f, aggrep_share_note(), AX_INDENT, width);
  /* The status columns are headed by their digits; the legend names them. */
  char legend[512] = "";
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    snprintf(legend + strlen(legend), sizeof legend - strlen(legend), "%s%c %s", i ? ", " : "",
             ans_statuses[aggrep_nth(i)].digit, ans_status_name(aggrep_nth(i)));
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
    fprintf(f, "%*c", cw, ans_statuses[aggrep_nth(i)].digit);
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
        fprintf(f, "%*u", cw, t->status[aggrep_nth(s)]);
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
      const char *v = aggrep_tenths_text(o->tenths, pct);
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

static void
text_scope(FILE *f, const aggrep_ctx *r, int width)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  if (!aggrep_has_scope(r))
    return;
  fprintf(f, "%s\n", report_scope_heading());
  for (size_t k = 0; k < q->nscopes; k++)
    {
      emit_wrapped(f, qn_tr(&q->scopes[k].text, r->lang), AX_INDENT, width);
      char *counts = aggrep_scope_counts_text(g, k);
      emit_wrapped(f, counts, 2 * AX_INDENT, width);
      free(counts);
    }
  char *out = aggrep_scope_out_text(g);
  emit_wrapped(f, out, AX_INDENT, width);
  free(out);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      if (!g->question[i].out_of_scope)
        continue;
      const qn_question *x = &q->questions[i];
      char *id = txt_sanitize(x->id, true);
      char *files = aggrep_scope_files_text(g, i);
      char *why = ans_scope_reason_text(q, i, r->lang);
      fprintf(f, "%*s%s%*s[%s] %s\n", AX_INDENT, "", id, AX_GAP, "", qn_level_name(x->level), files);
      emit_wrapped(f, why, 2 * AX_INDENT, width);
      free(why);
      free(files);
      free(id);
    }
  fputc('\n', f);
}

void
aggrep_md_scope(FILE *f, const aggrep_ctx *r)
{
  const aggregate *g = &r->s->agg;
  const questionnaire *q = g->qn;
  if (!aggrep_has_scope(r))
    return;
  fprintf(f, "\n## %s\n\n", report_scope_heading());
  tab counts;
  aggrep_scope_table(r, &counts);
  tab_md(f, &counts);
  tab_free(&counts);
  char *out = aggrep_scope_out_text(g);
  fputc('\n', f);
  emit_md(f, out);
  fputc('\n', f);
  free(out);
  if (aggrep_out_count(g))
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

void
aggrep_text(FILE *f, const aggrep_ctx *r)
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
