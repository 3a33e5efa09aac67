/* report: coverage reports in four formats, and the dispatch to the
 * fifth (report_html.c).  See report.h.
 *
 * Each format walks the same figures (coverage.h) in the same order:
 * header and profile, verdict, overall coverage, by phase, by section,
 * unmet baseline questions, the note on editorial levels.  Only the
 * rendering differs: no renderer counts anything itself.  Every message
 * is in the report's own language (report_write switches the catalogue
 * for the time of the report). */
#include <config.h>
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "coverage.h"
#include "report_html.h"
#include "text.h"
#include "xalloc.h"

int
report_fmt_parse(const char *s)
{
  if (!s || strcmp(s, "text") == 0)
    return REPORT_TEXT;
  if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
    return REPORT_MARKDOWN;
  if (strcmp(s, "csv") == 0)
    return REPORT_CSV;
  if (strcmp(s, "json") == 0)
    return REPORT_JSON;
  if (strcmp(s, "html") == 0)
    return REPORT_HTML;
  return -1;
}

/* The statuses of the reports' "not met, by kind": the brief ones that
 * can never count.  Returns how many. */
static int
unmet_kinds(enum ans_status out[ANS_STATUS_COUNT])
{
  enum ans_status brief[ANS_STATUS_COUNT];
  int n = 0, nb = ans_brief_statuses(brief);
  for (int i = 0; i < nb; i++)
    if (!ans_statuses[brief[i]].met && !ans_statuses[brief[i]].excluded)
      out[n++] = brief[i];
  return n;
}

/* ---- text ------------------------------------------------------------ */

/* The text report's columns.  A table row is indented, and its columns
 * are set apart by a gap; a bar is drawn with a bracket on each side. */
enum
{
  TX_INDENT = 2,
  TX_GAP = 2,
  TX_PHASE_BAR = 20,          /* the bar of a phase, inside its brackets */
  TX_SECTION_BAR = 10,
  TX_BRACKETS = 2,
  TX_COVERAGE = 18,           /* "100.0% (999/999)" and room */
  TX_PAREN = 7,               /* where "(" of a section's coverage falls */
  TX_MIN_TITLE = 10,          /* a section title is never cut shorter */
  TX_COUNT_MIN = 8,           /* a count column is at least this wide */
  TX_MIN_WIDTH = 40,          /* narrower widths fall back to TX_WIDTH */
  TX_WIDTH = 80,
};

static void
text_field(FILE *f, const char *label, int lw, const char *value, int width)
{
  fprintf(f, "%*s", TX_INDENT, "");
  txt_pad(f, label, lw);
  fprintf(f, "%*s", TX_GAP, "");
  char *v = txt_sanitize(value ? value : "-", true);
  char *cut = txt_ellipsize(v, width - TX_INDENT - lw - TX_GAP);
  fprintf(f, "%s\n", cut);
  free(cut);
  free(v);
}

/* Write prefix, then s wrapped to what is left of width, its further
 * lines indented to the end of the prefix. */
static void
text_hanging(FILE *f, const char *prefix, const char *s, int width)
{
  int pw = txt_width(prefix);
  char *clean = txt_sanitize(s, false);
  txt_line *lines;
  size_t n = txt_wrap(clean, width - pw > 20 ? width - pw : 20, &lines);
  for (size_t i = 0; i < n; i++)
    fprintf(f, "%s%*s%.*s\n", i ? "" : prefix, i ? pw : 0, "", (int) lines[i].len,
            clean + lines[i].off);
  free(lines);
  free(clean);
}

/* Write s wrapped to width, each line indented by indent columns. */
static void
text_wrapped(FILE *f, const char *s, int indent, int width)
{
  char *pad = xasprintf("%*s", indent, "");
  text_hanging(f, pad, s, width);
  free(pad);
}

static void
text_bar(FILE *f, const cov_tally *t, int w)
{
  int filled = t->applicable ? (int) ((long) w * t->met / t->applicable) : 0;
  fputc('[', f);
  for (int i = 0; i < w; i++)
    fputc(i < filled ? '#' : (t->applicable ? '-' : ' '), f);
  fputc(']', f);
}

static int
max_width(const char *const *labels, size_t n)
{
  int w = 0;
  for (size_t i = 0; i < n; i++)
    if (labels[i] && txt_width(labels[i]) > w)
      w = txt_width(labels[i]);
  return w;
}

/* The answers that keep coverage down, by kind, for both levels. */
static void
text_counts(FILE *f, const coverage *c)
{
  enum ans_status kinds[ANS_STATUS_COUNT];
  int nk = unmet_kinds(kinds);
  const char *labels[ANS_STATUS_COUNT + 2];
  for (int i = 0; i < nk; i++)
    labels[i] = ans_status_name(kinds[i]);
  labels[nk] = _("Reason missing");
  labels[nk + 1] = _("Not met, by kind");
  int lw = max_width(labels, (size_t) nk + 2);
  const char *ln[QN_LEVEL_COUNT];
  int w[QN_LEVEL_COUNT];
  txt_pad(f, labels[nk + 1], TX_INDENT + lw);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      ln[l] = qn_level_name((enum qn_level) l);
      w[l] = txt_width(ln[l]) > TX_COUNT_MIN ? txt_width(ln[l]) : TX_COUNT_MIN;
      fprintf(f, "%*s", TX_GAP, "");
      txt_rpad(f, ln[l], w[l]);
    }
  fputc('\n', f);
  for (int i = 0; i <= nk; i++)
    {
      fprintf(f, "%*s", TX_INDENT, "");
      txt_pad(f, labels[i], lw);
      for (int l = 0; l < QN_LEVEL_COUNT; l++)
        fprintf(f, "%*s%*u", TX_GAP, "", w[l], i < nk ? c->all[l].status[kinds[i]] : c->all[l].no_reason);
      fputc('\n', f);
    }
}

/* How many questions have a level of each basis, and what each rests
 * on: read beside the verdict, since the verdict is only as official as
 * the levels. */
static void
text_bases(FILE *f, const questionnaire *q, const coverage *c, int width)
{
  fprintf(f, "%s\n", report_bases_heading());
  char count[48];
  int cw = snprintf(count, sizeof count, "%zu/%zu", q->nquestions, q->nquestions);
  for (int b = 0; b < QN_BASIS_COUNT; b++)
    {
      if (!c->by_basis[b])
        continue;
      snprintf(count, sizeof count, "%zu/%zu", c->by_basis[b], q->nquestions);
      char *prefix = xasprintf("%*s%*s%*s", TX_INDENT, "", cw, count, TX_GAP, "");
      const char *mark = report_basis_label((enum qn_basis) b);
      char *line = xasprintf("%s%s%s: %s", qn_basis_name((enum qn_basis) b), *mark ? " " : "", mark,
                             qn_basis_desc((enum qn_basis) b));
      text_hanging(f, prefix, line, width);
      free(line);
      free(prefix);
    }
}

/* "Label  value" lines of the overall figures, labels padded alike. */
static void
text_overall(FILE *f, const coverage *c, size_t nquestions, int width)
{
  const char *cl[] = { _("Verdict"), _("Baseline coverage"), _("Recommended coverage"), _("Answered"),
                       _("To reconfirm"), _("No longer asked") };
  /* The last two only when there are any. */
  size_t shown = c->nretired ? 6 : c->nreconfirm ? 5 : 4;
  int cw = max_width(cl, shown);
  char v[6][160];
  char *verdict = report_verdict_text(c);
  snprintf(v[0], sizeof v[0], "%s", verdict);
  free(verdict);
  cov_format(&c->all[QN_BASELINE], v[1], sizeof v[1]);
  cov_format(&c->all[QN_RECOMMENDED], v[2], sizeof v[2]);
  snprintf(v[3], sizeof v[3], "%u/%u", cov_answered(c->all), cov_total(c->all));
  snprintf(v[4], sizeof v[4], "%zu", c->nreconfirm);
  snprintf(v[5], sizeof v[5], "%zu", c->nretired);
  for (size_t i = 0; i < shown; i++)
    {
      txt_pad(f, cl[i], cw);
      fprintf(f, "%*s%s\n", TX_GAP, "", v[i]);
      char *caveat = i == 0 ? report_caveat_text(c, nquestions) : NULL;
      if (caveat)
        {
          /* Beside the verdict: it is only as official as its levels. */
          char *pad = xasprintf("%*s", cw + TX_GAP, "");
          text_hanging(f, pad, caveat, width);
          free(pad);
          free(caveat);
        }
    }
}

static void
text_phases(FILE *f, const coverage *c)
{
  char buf[64], buf2[64];
  /* The label column takes what the phase names need in the report's
   * language. */
  fputs(_("Baseline coverage by phase\n"), f);
  const char *pn[QN_PHASE_COUNT];
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    pn[p] = qn_phase_name((enum qn_phase) p);
  int pw = max_width(pn, QN_PHASE_COUNT);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      const cov_tally *t = &c->phase[p][QN_BASELINE];
      cov_format(t, buf, sizeof buf);
      cov_format(&c->phase[p][QN_RECOMMENDED], buf2, sizeof buf2);
      fprintf(f, "%*s", TX_INDENT, "");
      txt_pad(f, pn[p], pw);
      fprintf(f, "%*s", TX_GAP, "");
      text_bar(f, t, TX_PHASE_BAR);
      fprintf(f, "%*s", TX_GAP, "");
      txt_pad(f, buf, TX_COVERAGE);
      /* TRANSLATORS: recommended coverage beside the baseline bar; keep
         it short. */
      fprintf(f, _("  recommended %s"), buf2);
      fputc('\n', f);
    }
}

static void
text_sections(FILE *f, const report_ctx *r, const coverage *c, int width)
{
  const questionnaire *q = r->qn;
  char buf[64];
  fputs(_("Baseline coverage by section\n"), f);
  int idw = 0;
  for (size_t s = 0; s < q->nsections; s++)
    if ((int) strlen(q->sections[s].id) > idw)
      idw = (int) strlen(q->sections[s].id);
  /* The title takes what the other columns leave. */
  int tw = width - TX_INDENT - idw - TX_GAP - TX_GAP - (TX_SECTION_BAR + TX_BRACKETS) - TX_GAP
           - TX_COVERAGE;
  if (tw < TX_MIN_TITLE)
    tw = TX_MIN_TITLE;
  for (size_t s = 0; s < q->nsections; s++)
    {
      const cov_tally *t = &c->section[s][QN_BASELINE];
      char *sid = txt_sanitize(q->sections[s].id, true);
      char *stitle = txt_sanitize(qn_tr(&q->sections[s].title, r->lang), true);
      fprintf(f, "%*s%-*s%*s", TX_INDENT, "", idw, sid, TX_GAP, "");
      char *cut = txt_ellipsize(stitle, tw);
      txt_pad(f, cut, tw);
      free(cut);
      fprintf(f, "%*s", TX_GAP, "");
      if (t->total)
        {
          cov_format_col(t, TX_PAREN, buf, sizeof buf);
          text_bar(f, t, TX_SECTION_BAR);
          fprintf(f, "%*s%s\n", TX_GAP, "", buf);
        }
      else
        fprintf(f, "%s\n", _("no baseline questions"));
      free(sid);
      free(stitle);
    }
  /* Why an item's questions have their levels, where the questionnaire
   * says (an item without a baseline question says why). */
  bool first = true;
  for (size_t s = 0; s < q->nsections; s++)
    {
      if (!qn_text_given(&q->sections[s].level_note))
        continue;
      if (first)
        fputc('\n', f);
      first = false;
      char *sid = txt_sanitize(q->sections[s].id, true);
      char *prefix = xasprintf("%*s%-*s%*s", TX_INDENT, "", idw, sid, TX_GAP, "");
      text_hanging(f, prefix, qn_tr(&q->sections[s].level_note, r->lang), width);
      free(prefix);
      free(sid);
    }
}

static void
text_unmet(FILE *f, const report_ctx *r, const coverage *c, int width)
{
  const questionnaire *q = r->qn;
  unsigned unmet = (unsigned) c->nunmet;
  fprintf(f, ngettext("Unmet baseline question (%u)\n", "Unmet baseline questions (%u)\n", unmet),
          unmet);
  if (!unmet)
    fprintf(f, "%*s%s\n", TX_INDENT, "", _("none"));
  for (size_t k = 0; k < c->nunmet; k++)
    {
      size_t i = c->unmet[k];
      const qn_question *x = &q->questions[i];
      char *id = txt_sanitize(x->id, true);
      fprintf(f, "%*s%s%s%*s[%s] %s\n", TX_INDENT, "", id,
              x->basis == QN_BASIS_EDITORIAL ? " " REPORT_MARK : "", TX_GAP, "", qn_phase_name(x->phase),
              report_unmet_reason(&r->a->e[i]));
      text_wrapped(f, qn_tr(&x->text, r->lang), 2 * TX_INDENT, width);
      if (qn_text_given(&x->level_note))
        {
          char *why = xasprintf("%s: %s", report_level_note_label(), qn_tr(&x->level_note, r->lang));
          text_wrapped(f, why, 2 * TX_INDENT, width);
          free(why);
        }
      free(id);
    }
}

/* The answers carried from an earlier revision or question, and those
 * to questions no longer asked; only when there are any. */
static void
text_carried(FILE *f, const report_ctx *r, const coverage *c, int width)
{
  const questionnaire *q = r->qn;
  if (c->nreconfirm)
    {
      char *h = report_reconfirm_heading(c);
      fprintf(f, "\n%s\n", h);
      free(h);
      for (size_t k = 0; k < c->nreconfirm; k++)
        {
          const qn_question *x = &q->questions[c->reconfirm[k]];
          char *id = txt_sanitize(x->id, true);
          fprintf(f, "%*s%s%*s[%s] %s\n", TX_INDENT, "", id, TX_GAP, "", qn_level_name(x->level),
                  ans_status_name(r->a->e[c->reconfirm[k]].status));
          text_wrapped(f, qn_tr(&x->text, r->lang), 2 * TX_INDENT, width);
          free(id);
        }
    }
  if (c->nretired)
    {
      char *h = report_retired_heading(c);
      fprintf(f, "\n%s\n", h);
      free(h);
      for (size_t k = 0; k < r->a->nretired; k++)
        {
          const ans_retired *x = &r->a->retired[k];
          char *id = txt_sanitize(x->question, true);
          fprintf(f, "%*s%s%*s%s\n", TX_INDENT, "", id, TX_GAP, "", report_retired_status(x));
          if (x->note)
            text_wrapped(f, x->note, 2 * TX_INDENT, width);
          free(id);
        }
    }
}

/* Every note and evidence reference, by question in walk order. */
static void
text_notes(FILE *f, const report_ctx *r, const coverage *c, int width)
{
  const questionnaire *q = r->qn;
  if (!c->nnoted)
    return;
  fprintf(f, "\n%s (%zu)\n", _("Notes and evidence"), c->nnoted);
  const char *labels[] = { _("Note"), _("Evidence") };
  int lw = max_width(labels, 2);
  for (size_t k = 0; k < c->nnoted; k++)
    {
      size_t i = c->noted[k];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &r->a->e[i];
      char *id = txt_sanitize(x->id, true);
      fprintf(f, "%*s%s%*s[%s] %s\n", TX_INDENT, "", id, TX_GAP, "", qn_phase_name(x->phase),
              ans_status_name(e->status));
      const char *texts[] = { e->note, e->evidence };
      for (int t = 0; t < 2; t++)
        if (texts[t] && *texts[t])
          {
            char *prefix = xasprintf("%*s%s%*s", 2 * TX_INDENT, "", labels[t],
                                     lw - txt_width(labels[t]) + TX_GAP, "");
            text_hanging(f, prefix, texts[t], width);
            free(prefix);
          }
      free(id);
    }
}

static void
text_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  int width = r->width > TX_MIN_WIDTH ? r->width : TX_WIDTH;

  const char *title = _("kijun: baseline coverage report");
  fprintf(f, "%s\n", title);
  for (int i = txt_width(title); i > 0; i--)
    fputc('=', f);
  fputc('\n', f);

  const char *labels[3 + ANS_FIELD_COUNT] = { _("Questionnaire"), _("Version"), _("Answers file") };
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    labels[3 + i] = ans_field_name((enum ans_field) i);
  int lw = max_width(labels, 3 + ANS_FIELD_COUNT);
  text_field(f, labels[0], lw, qn_tr(&q->title, r->lang), width);
  char *ver = xasprintf("%s %s", q->id, q->version);
  text_field(f, labels[1], lw, ver, width);
  free(ver);
  if (r->answers_path)
    text_field(f, labels[2], lw, r->answers_path, width);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    text_field(f, labels[3 + i], lw, report_profile_value(r, i), width);
  fputc('\n', f);

  text_overall(f, c, q->nquestions, width);
  fputc('\n', f);
  text_bases(f, q, c, width);
  fputc('\n', f);
  text_counts(f, c);
  fputc('\n', f);
  text_wrapped(f, report_formula_text(), 0, width);
  fputc('\n', f);
  text_phases(f, c);
  fputc('\n', f);
  text_sections(f, r, c, width);
  fputc('\n', f);
  text_unmet(f, r, c, width);
  text_carried(f, r, c, width);
  text_notes(f, r, c, width);
  if (c->editorial)
    {
      fputc('\n', f);
      text_wrapped(f, report_editorial_text(), 0, width);
      fprintf(f, ngettext("%zu question of %zu has a level of kijun's reading.\n",
                          "%zu questions of %zu have a level of kijun's reading.\n", c->editorial),
              c->editorial, q->nquestions);
    }
}

/* ---- Markdown ---------------------------------------------------------- */

/* Inline Markdown: sanitized, with the characters that would start markup
 * or break a table escaped. */
static void
md_put(FILE *f, const char *s)
{
  char *clean = txt_sanitize(s ? s : "-", true);
  for (const char *p = clean; *p; p++)
    {
      if (strchr("\\`*_[]<>|#", *p))
        fputc('\\', f);
      fputc(*p, f);
    }
  free(clean);
}

static void
md_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  char buf[64], buf2[64];
  fprintf(f, "# %s\n\n", _("kijun: baseline coverage report"));
  fprintf(f, "| | |\n|---|---|\n| %s | ", _("Questionnaire"));
  md_put(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  md_put(f, q->id);
  fputc(' ', f);
  md_put(f, q->version);
  fputs(" |\n", f);
  if (r->answers_path)
    {
      fprintf(f, "| %s | ", _("Answers file"));
      md_put(f, r->answers_path);
      fputs(" |\n", f);
    }
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    {
      fprintf(f, "| %s | ", ans_field_name((enum ans_field) i));
      md_put(f, report_profile_value(r, i));
      fputs(" |\n", f);
    }
  char *verdict = report_verdict_text(c), *caveat = report_caveat_text(c, q->nquestions);
  fprintf(f, "\n**%s:** %s\n\n", _("Verdict"), verdict);
  if (caveat)
    {
      fputs("> ", f);
      md_put(f, caveat);
      fputs("\n\n", f);
    }
  free(verdict);
  free(caveat);
  fprintf(f, "%s:\n\n", report_bases_heading());
  for (int b = 0; b < QN_BASIS_COUNT; b++)
    if (c->by_basis[b])
      {
        fprintf(f, "- %zu/%zu ", c->by_basis[b], q->nquestions);
        md_put(f, qn_basis_name((enum qn_basis) b));
        if (*report_basis_label((enum qn_basis) b))
          fputc(' ', f);
        md_put(f, report_basis_label((enum qn_basis) b));
        fputs(": ", f);
        md_put(f, qn_basis_desc((enum qn_basis) b));
        fputc('\n', f);
      }
  fputc('\n', f);

  fprintf(f, "## %s\n\n", _("Coverage"));
  enum ans_status kinds[ANS_STATUS_COUNT];
  int nk = unmet_kinds(kinds);
  fprintf(f, "| %s | %s |", _("Level"), _("Coverage"));
  for (int k = 0; k < nk; k++)
    fprintf(f, " %s |", ans_status_name(kinds[k]));
  fprintf(f, " %s |\n|---|---:|", _("Reason missing"));
  for (int k = 0; k <= nk; k++)
    fputs("---:|", f);
  fputc('\n', f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      const cov_tally *t = &c->all[l];
      cov_format(t, buf, sizeof buf);
      fprintf(f, "| %s | %s |", qn_level_name((enum qn_level) l), buf);
      for (int k = 0; k < nk; k++)
        fprintf(f, " %u |", t->status[kinds[k]]);
      fprintf(f, " %u |\n", t->no_reason);
    }
  fprintf(f, "\n%s\n\n", report_formula_text());

  fprintf(f, "## %s\n\n| %s | %s | %s |\n|---|---:|---:|\n", _("By phase"), _("Phase"),
          qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED));
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      cov_format(&c->phase[p][QN_BASELINE], buf, sizeof buf);
      cov_format(&c->phase[p][QN_RECOMMENDED], buf2, sizeof buf2);
      fprintf(f, "| %s | %s | %s |\n", qn_phase_name((enum qn_phase) p), buf, buf2);
    }

  fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", _("By section"), _("Item"),
          _("Title"), qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED));
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("| ", f);
      md_put(f, q->sections[s].id);
      fputs(" | ", f);
      md_put(f, qn_tr(&q->sections[s].title, r->lang));
      cov_format(&c->section[s][QN_BASELINE], buf, sizeof buf);
      cov_format(&c->section[s][QN_RECOMMENDED], buf2, sizeof buf2);
      fprintf(f, " | %s | %s |\n", c->section[s][QN_BASELINE].total ? buf : "-",
              c->section[s][QN_RECOMMENDED].total ? buf2 : "-");
    }
  bool notes = false;
  for (size_t s = 0; s < q->nsections; s++)
    if (qn_text_given(&q->sections[s].level_note))
      {
        fputs(notes ? "- " : "\n- ", f);
        notes = true;
        md_put(f, q->sections[s].id);
        fputs(": ", f);
        md_put(f, qn_tr(&q->sections[s].level_note, r->lang));
        fputc('\n', f);
      }

  fprintf(f, "\n## %s\n\n", _("Unmet baseline questions"));
  if (c->nunmet)
    fprintf(f, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", _("Question"), _("Phase"),
            _("Answer"), _("Text"), report_level_note_label());
  else
    fprintf(f, "%s\n", _("none"));
  for (size_t k = 0; k < c->nunmet; k++)
    {
      size_t i = c->unmet[k];
      const qn_question *x = &q->questions[i];
      fputs("| ", f);
      md_put(f, x->id);
      if (x->basis == QN_BASIS_EDITORIAL)
        {
          fputc(' ', f);
          md_put(f, REPORT_MARK);
        }
      fprintf(f, " | %s | %s | ", qn_phase_name(x->phase), report_unmet_reason(&r->a->e[i]));
      md_put(f, qn_tr(&x->text, r->lang));
      fputs(" | ", f);
      if (qn_text_given(&x->level_note))
        md_put(f, qn_tr(&x->level_note, r->lang));
      fputs(" |\n", f);
    }
  if (c->nreconfirm)
    {
      char *h = report_reconfirm_heading(c);
      fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", h, _("Question"), _("Level"),
              _("Answer"), _("Text"));
      free(h);
      for (size_t k = 0; k < c->nreconfirm; k++)
        {
          const qn_question *x = &q->questions[c->reconfirm[k]];
          fputs("| ", f);
          md_put(f, x->id);
          fprintf(f, " | %s | %s | ", qn_level_name(x->level), ans_status_name(r->a->e[c->reconfirm[k]].status));
          md_put(f, qn_tr(&x->text, r->lang));
          fputs(" |\n", f);
        }
    }
  if (c->nretired)
    {
      char *h = report_retired_heading(c);
      fprintf(f, "\n## %s\n\n| %s | %s | %s |\n|---|---|---|\n", h, _("Question"), _("Answer"), _("Note"));
      free(h);
      for (size_t k = 0; k < r->a->nretired; k++)
        {
          const ans_retired *x = &r->a->retired[k];
          fputs("| ", f);
          md_put(f, x->question);
          fprintf(f, " | %s | ", report_retired_status(x));
          md_put(f, x->note ? x->note : "");
          fputs(" |\n", f);
        }
    }
  if (c->nnoted)
    {
      fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Notes and evidence"), _("Question"),
              _("Answer"), _("Note"), _("Evidence"));
      for (size_t k = 0; k < c->nnoted; k++)
        {
          const ans_entry *e = &r->a->e[c->noted[k]];
          fputs("| ", f);
          md_put(f, q->questions[c->noted[k]].id);
          fprintf(f, " | %s | ", ans_status_name(e->status));
          md_put(f, e->note ? e->note : "");
          fputs(" | ", f);
          md_put(f, e->evidence ? e->evidence : "");
          fputs(" |\n", f);
        }
    }
  if (c->editorial)
    {
      fputs("\n> ", f);
      md_put(f, report_editorial_text());
      fputc('\n', f);
    }
}

/* ---- CSV --------------------------------------------------------------- */

/* A field that a spreadsheet would take for a formula (starting with
 * = + - @, or a tab or carriage return, as OWASP lists them) gets a
 * leading single quote inside quotes, so opening the report never runs
 * text from a file. */
static void
csv_field(FILE *f, const char *s)
{
  s = s ? s : "";
  bool formula = *s && strchr("=+-@\t\r", *s);
  if (!formula && !strpbrk(s, ",\"\r\n"))
    {
      fputs(s, f);
      return;
    }
  fputc('"', f);
  if (formula)
    fputc('\'', f);
  for (; *s; s++)
    {
      if (*s == '"')
        fputc('"', f);
      fputc(*s, f);
    }
  fputc('"', f);
}

static void
csv_row(FILE *f, const char *scope, const char *id, const char *title, int level, const cov_tally *t)
{
  csv_field(f, scope);
  fputc(',', f);
  csv_field(f, id);
  fputc(',', f);
  csv_field(f, title);
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(t, pct);
  fprintf(f, ",%s,%u,%u,%s,%u", qn_level_key((enum qn_level) level), t->met, t->applicable,
          p ? p : "", t->total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%u", t->status[ans_status_nth(i)]);
  fprintf(f, ",%u,%u\r\n", t->no_reason, t->reconfirm);
}

/* One answer as a row of its own: the answers to reconfirm and those to
 * questions no longer asked, each counted once under its status. */
static void
csv_answer_row(FILE *f, const char *scope, const char *id, const char *title, int level,
               enum ans_status st, bool reconfirm)
{
  cov_tally t = { 0 };
  t.total = 1;
  t.status[st] = 1;
  t.reconfirm = reconfirm;
  csv_field(f, scope);
  fputc(',', f);
  csv_field(f, id);
  fputc(',', f);
  csv_field(f, title);
  fprintf(f, ",%s,,,,%u", level >= 0 ? qn_level_key((enum qn_level) level) : "", t.total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%u", t.status[ans_status_nth(i)]);
  fprintf(f, ",,%u\r\n", t.reconfirm);
}

static void
csv_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  fputs("scope,id,title,level,met,applicable,percent,total", f);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%s", ans_status_key(ans_status_nth(i)));
  fputs(",missing_reason,reconfirm\r\n", f);
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    csv_row(f, "overall", q->id, qn_tr(&q->title, r->lang), l, &c->all[l]);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, "phase", qn_phase_key((enum qn_phase) p), qn_phase_name((enum qn_phase) p), l,
              &c->phase[p][l]);
  for (size_t s = 0; s < q->nsections; s++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, "section", q->sections[s].id, qn_tr(&q->sections[s].title, r->lang), l,
              &c->section[s][l]);
  for (size_t k = 0; k < c->nreconfirm; k++)
    {
      const qn_question *x = &q->questions[c->reconfirm[k]];
      csv_answer_row(f, "reconfirm", x->id, qn_tr(&x->text, r->lang), (int) x->level,
                     r->a->e[c->reconfirm[k]].status, true);
    }
  for (size_t k = 0; k < r->a->nretired; k++)
    {
      const ans_retired *x = &r->a->retired[k];
      csv_answer_row(f, "retired", x->question, x->note, -1, x->status, false);
    }
}

/* ---- JSON -------------------------------------------------------------- */

/* A JSON string that is valid whatever s holds: controls, C1 controls,
 * bidi overrides and isolates and the line separators as \uXXXX (valid
 * JSON, but they must not reach a terminal raw), and each byte that is
 * not UTF-8 as the text \xNN, as the screens show it (JSON cannot carry
 * raw bytes; a file name may have them). */
static void
json_str(FILE *f, const char *s)
{
  if (!s)
    {
      fputs("null", f);
      return;
    }
  fputc('"', f);
  size_t n = strlen(s);
  for (size_t i = 0; i < n;)
    {
      uint32_t cp;
      int len = txt_decode(s + i, n - i, &cp);
      if (cp == TXT_INVALID)
        fprintf(f, "\\\\x%02X", (unsigned char) s[i]);
      else if (cp == '"' || cp == '\\')
        fprintf(f, "\\%c", (int) cp);
      else if (cp == '\n')
        fputs("\\n", f);
      else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x2028 && cp <= 0x202E)
               || (cp >= 0x2066 && cp <= 0x2069))
        fprintf(f, "\\u%04x", (unsigned) cp);
      else
        fwrite(s + i, 1, (size_t) len, f);
      i += (size_t) len;
    }
  fputc('"', f);
}

static void
json_kv(FILE *f, const char *indent, const char *key, const char *value, bool comma)
{
  fprintf(f, "%s\"%s\": ", indent, key);
  json_str(f, value);
  fputs(comma ? ",\n" : "\n", f);
}

static void
json_tally(FILE *f, const cov_tally *t)
{
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(t, pct);
  fprintf(f, "{ \"met\": %u, \"applicable\": %u, \"percent\": %s, \"total\": %u", t->met,
          t->applicable, p ? p : "null", t->total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    {
      enum ans_status st = ans_status_nth(i);
      fprintf(f, ", \"%s\": %u", ans_status_key(st), t->status[st]);
    }
  fprintf(f, ", \"missing_reason\": %u, \"reconfirm\": %u }", t->no_reason, t->reconfirm);
}

static void
json_levels(FILE *f, const cov_tally t[QN_LEVEL_COUNT])
{
  for (int l = 0; l < QN_LEVEL_COUNT; l++)
    {
      fprintf(f, "%s\"%s\": ", l ? ", " : "", qn_level_key((enum qn_level) l));
      json_tally(f, &t[l]);
    }
}

/* ", "key": "text"" when the questionnaire gives the note, nothing when
 * not. */
static void
json_note(FILE *f, const char *key, const qn_text *t, enum lang l)
{
  if (!qn_text_given(t))
    return;
  fprintf(f, ", \"%s\": ", key);
  json_str(f, qn_tr(t, l));
}

/* A section's counterpart in the LG guideline, as the questionnaire has
 * it: lg_ref null when unknown (not in the part of the table kijun has),
 * [] when the table gives none. */
static void
json_lg(FILE *f, const qn_section *s, enum lang l)
{
  fprintf(f, ", \"lg_state\": \"%s\", \"lg_ref\": ", qn_lgstate_key(s->lg_state));
  if (s->lg_state == QN_LGSTATE_UNKNOWN)
    fputs("null", f);
  else
    {
      fputc('[', f);
      for (size_t k = 0; k < s->nlg; k++)
        {
          fprintf(f, "%s{ \"part\": \"%s\", \"items\": ", k ? ", " : " ", qn_lgpart_key(s->lg[k].part));
          json_str(f, qn_tr(&s->lg[k].items, l));
          fputs(" }", f);
        }
      fputs(s->nlg ? " ]" : "]", f);
    }
  json_note(f, "lg_note", &s->lg_note, l);
}

static void
json_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  char now[32];
  ans_now(now);
  fputs("{\n", f);
  json_kv(f, "  ", "schema", "kijun-report/1", true);
  json_kv(f, "  ", "generated", now, true);
  json_kv(f, "  ", "language", lang_code(r->lang), true);
  fputs("  \"questionnaire\": {\n", f);
  json_kv(f, "    ", "id", q->id, true);
  json_kv(f, "    ", "version", q->version, true);
  fprintf(f, "    \"edition\": %u,\n", q->edition);
  json_kv(f, "    ", "digest", qn_digest(q), true);
  json_kv(f, "    ", "title", qn_tr(&q->title, r->lang), false);
  fputs("  },\n", f);
  json_kv(f, "  ", "answers_file", r->answers_path, true);
  fputs("  \"profile\": {\n", f);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    json_kv(f, "    ", ans_field_key((enum ans_field) i), a->profile[i], true);
  json_kv(f, "    ", "sector_name", report_sector_name(r), false);
  fputs("  },\n", f);
  json_kv(f, "  ", "formula", report_formula_text(), true);
  char *verdict = report_verdict_text(c);
  json_kv(f, "  ", "verdict", cov_verdict_key(c->verdict), true);
  json_kv(f, "  ", "verdict_label", verdict, true);
  free(verdict);
  fputs("  \"level_bases\": {", f);
  for (int b = QN_BASIS_NONE + 1; b < QN_BASIS_COUNT; b++)
    fprintf(f, "%s\"%s\": %zu", b > QN_BASIS_NONE + 1 ? ", " : " ", qn_basis_key((enum qn_basis) b),
            c->by_basis[b]);
  fputs(" },\n", f);
  fputs("  \"overall\": { ", f);
  json_levels(f, c->all);
  fputs(" },\n  \"phases\": [\n", f);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      fprintf(f, "    { \"id\": \"%s\", \"name\": ", qn_phase_key((enum qn_phase) p));
      json_str(f, qn_phase_name((enum qn_phase) p));
      fputs(", ", f);
      json_levels(f, c->phase[p]);
      fputs(p + 1 < QN_PHASE_COUNT ? " },\n" : " }\n", f);
    }
  fputs("  ],\n  \"sections\": [\n", f);
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("    { \"id\": ", f);
      json_str(f, q->sections[s].id);
      fputs(", \"title\": ", f);
      json_str(f, qn_tr(&q->sections[s].title, r->lang));
      json_lg(f, &q->sections[s], r->lang);
      json_note(f, "level_note", &q->sections[s].level_note, r->lang);
      fputs(", ", f);
      json_levels(f, c->section[s]);
      fputs(s + 1 < q->nsections ? " },\n" : " }\n", f);
    }
  fputs("  ],\n  \"unmet_baseline\": [", f);
  for (size_t k = 0; k < c->nunmet; k++)
    {
      fputs(k ? ",\n    " : "\n    ", f);
      json_str(f, q->questions[c->unmet[k]].id);
    }
  fputs(c->nunmet ? "\n  ],\n" : "],\n", f);
  fputs("  \"answers\": [\n", f);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      fputs("    { \"question\": ", f);
      json_str(f, x->id);
      fputs(", \"section\": ", f);
      json_str(f, q->sections[x->section].id);
      fprintf(f, ", \"phase\": \"%s\", \"level\": \"%s\", \"level_basis\": ", qn_phase_key(x->phase),
              qn_level_key(x->level));
      json_str(f, x->basis ? qn_basis_key(x->basis) : NULL);
      json_note(f, "level_note", &x->level_note, r->lang);
      fputs(", \"csf\": ", f);
      json_str(f, x->csf ? qn_csf_key(x->csf) : NULL);
      fprintf(f, ", \"status\": \"%s\", \"met\": %s, \"reconfirm\": %s, \"note\": ",
              ans_status_key(e->status),
              cov_result(e) == COV_MET ? "true" : cov_result(e) == COV_EXCLUDED ? "null" : "false",
              e->reconfirm ? "true" : "false");
      json_str(f, e->note);
      fputs(", \"evidence\": ", f);
      json_str(f, e->evidence);
      fputs(", \"updated\": ", f);
      json_str(f, e->updated);
      fputs(", \"text\": ", f);
      json_str(f, qn_tr(&x->text, r->lang));
      fputs(pos + 1 < q->nquestions ? " },\n" : " }\n", f);
    }
  fputs("  ],\n  \"retired\": [", f);
  for (size_t k = 0; k < a->nretired; k++)
    {
      const ans_retired *x = &a->retired[k];
      fputs(k ? ",\n    { \"question\": " : "\n    { \"question\": ", f);
      json_str(f, x->question);
      fprintf(f, ", \"status\": \"%s\", \"note\": ", ans_status_key(x->status));
      json_str(f, x->note);
      fputs(", \"evidence\": ", f);
      json_str(f, x->evidence);
      fputs(", \"updated\": ", f);
      json_str(f, x->updated);
      fputs(", \"from\": ", f);
      json_str(f, x->from);
      fputs(" }", f);
    }
  fputs(a->nretired ? "\n  ]\n}\n" : "]\n}\n", f);
}

int
report_headline(FILE *f, const report_ctx *r)
{
  coverage c;
  cov_compute(r->qn, r->a, &c);
  enum lang ui = i18n_switch_messages(r->lang);
  text_overall(f, &c, r->qn->nquestions, r->width > TX_MIN_WIDTH ? r->width : TX_WIDTH);
  i18n_switch_messages(ui);
  cov_free(&c);
  return ferror(f) ? EX_IOERR : 0;
}

int
report_write(FILE *f, enum report_fmt fmt, const report_ctx *r)
{
  coverage c;
  cov_compute(r->qn, r->a, &c);
  enum lang ui = i18n_switch_messages(r->lang);
  switch (fmt)
    {
    case REPORT_TEXT: text_report(f, r, &c); break;
    case REPORT_MARKDOWN: md_report(f, r, &c); break;
    case REPORT_CSV: csv_report(f, r, &c); break;
    case REPORT_JSON: json_report(f, r, &c); break;
    case REPORT_HTML: html_report(f, r, &c); break;
    }
  i18n_switch_messages(ui);
  cov_free(&c);
  return ferror(f) ? EX_IOERR : 0;
}
