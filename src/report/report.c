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
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_html.h"
#include "report/report_xlsx.h"
#include "base/text.h"
#include "base/xalloc.h"

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
  if (strcmp(s, "xlsx") == 0)
    return REPORT_XLSX;
  if (strcmp(s, "excel-csv") == 0)
    return REPORT_CSV_EXCEL;
  return -1;
}

bool
report_fmt_binaryish(enum report_fmt fmt)
{
  return fmt == REPORT_HTML || fmt == REPORT_JSON || fmt == REPORT_XLSX;
}

enum report_fmt
report_fmt_begin(FILE *f, enum report_fmt fmt)
{
  if (fmt != REPORT_CSV_EXCEL)
    return fmt;
  fputs("\xEF\xBB\xBF", f);
  return REPORT_CSV;
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
  TX_INDENT = EMIT_INDENT,
  TX_GAP = EMIT_GAP,
  TX_PHASE_BAR = 20,          /* the bar of a phase, inside its brackets */
  TX_SECTION_BAR = 10,
  TX_BRACKETS = 2,
  TX_COVERAGE = 18,           /* "100.0% (999/999)" and room */
  TX_DELTA = 12,              /* ", +100.0 pt" after it, when there is a previous cycle */
  TX_PAREN = 7,               /* where "(" of a section's coverage falls */
  TX_MIN_TITLE = 10,          /* a section title is never cut shorter */
  TX_COUNT_MIN = 8,           /* a count column is at least this wide */
  TX_MIN_WIDTH = 40,          /* narrower widths fall back to TX_WIDTH */
  TX_WIDTH = 80,
};

static void
text_bar(FILE *f, const cov_tally *t, int w)
{
  int filled = t->applicable ? (int) ((long) w * t->met / t->applicable) : 0;
  /* Nothing answered: an empty bar, not one of failures. */
  bool blank = !t->applicable || t->status[ANS_NONE] == t->total;
  fputc('[', f);
  for (int i = 0; i < w; i++)
    fputc(i < filled ? '#' : blank ? ' ' : '-', f);
  fputc(']', f);
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
  int lw = emit_max_width(labels, (size_t) nk + 2);
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
/* A questionnaire's text under a label, each of its lines a paragraph
 * (source, guidance): what the verdict's questions rest on and how they
 * were to be answered. */
static void
text_qn_paras(FILE *f, const char *label, const qn_text *t, enum lang lang, int width)
{
  if (!qn_text_given(t))
    return;
  fprintf(f, "\n%*s%s:\n", TX_INDENT, "", label);
  char *pad = xasprintf("%*s", 2 * TX_INDENT, "");
  const char *p = qn_tr(t, lang);
  while (*p)
    {
      size_t n = strcspn(p, "\n");
      char *para = xstrndup(p, n);
      emit_hanging(f, pad, para, width);
      free(para);
      p += n + (p[n] != '\0');
    }
  free(pad);
}

static void
text_bases(FILE *f, const questionnaire *q, const coverage *c, enum lang lang, int width)
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
      emit_hanging(f, prefix, line, width);
      free(line);
      free(prefix);
    }
  text_qn_paras(f, report_rests_heading(), &q->source, lang, width);
  text_qn_paras(f, report_rules_heading(), &q->guidance, lang, width);
}

/* "Label  value" lines of the overall figures, labels padded alike. */
static void
text_overall(FILE *f, const coverage *c, const coverage *then, size_t nquestions, int width)
{
  const char *cl[] = { _("Verdict"), _("Baseline coverage"), _("Recommended coverage"), _("Answered"),
                       _("To reconfirm"), _("No longer asked") };
  /* The last two only when there are any. */
  size_t shown = c->nretired ? 6 : c->nreconfirm ? 5 : 4;
  int cw = emit_max_width(cl, shown);
  char v[6][160];
  snprintf(v[0], sizeof v[0], "%s", report_verdict_text(c));
  cov_format_change(&c->all[QN_BASELINE], then ? &then->all[QN_BASELINE] : NULL, v[1], sizeof v[1]);
  cov_format_change(&c->all[QN_RECOMMENDED], then ? &then->all[QN_RECOMMENDED] : NULL, v[2],
                    sizeof v[2]);
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
          emit_hanging(f, pad, caveat, width);
          free(pad);
          free(caveat);
        }
    }
}

static void
text_phases(FILE *f, const coverage *c, const coverage *then)
{
  char buf[QN_PHASE_COUNT][96], buf2[96];
  /* The label column takes what the phase names need in the report's
   * language; the figure column what the figures (with their changes)
   * need, at least TX_COVERAGE. */
  fputs(_("Baseline coverage by phase\n"), f);
  const char *pn[QN_PHASE_COUNT];
  int fw = TX_COVERAGE;
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      pn[p] = qn_phase_name((enum qn_phase) p);
      const cov_tally *t = &c->phase[p][QN_BASELINE];
      if (t->total && t->status[ANS_NONE] == t->total)
        snprintf(buf[p], sizeof buf[p], "%s", _("not yet answered"));
      else
        cov_format_change(t, then ? &then->phase[p][QN_BASELINE] : NULL, buf[p], sizeof buf[p]);
      if (txt_width(buf[p]) + TX_GAP > fw)
        fw = txt_width(buf[p]) + TX_GAP;
    }
  int pw = emit_max_width(pn, QN_PHASE_COUNT);
  for (int p = 0; p < QN_PHASE_COUNT; p++)
    {
      const cov_tally *t = &c->phase[p][QN_BASELINE];
      cov_format_change(&c->phase[p][QN_RECOMMENDED], then ? &then->phase[p][QN_RECOMMENDED] : NULL,
                        buf2, sizeof buf2);
      fprintf(f, "%*s", TX_INDENT, "");
      txt_pad(f, pn[p], pw);
      fprintf(f, "%*s", TX_GAP, "");
      text_bar(f, t, TX_PHASE_BAR);
      fprintf(f, "%*s", TX_GAP, "");
      /* With the changes the line would pass 80 columns: the recommended
       * figure goes under the baseline one. */
      if (then)
        fprintf(f, "%s\n%*s", buf[p], TX_INDENT + pw + TX_GAP + TX_PHASE_BAR + TX_BRACKETS, "");
      else
        txt_pad(f, buf[p], fw);
      /* TRANSLATORS: recommended coverage beside the baseline bar; keep
         it short. */
      fprintf(f, _("  recommended %s"), buf2);
      fputc('\n', f);
    }
}

/* Coverage by CSF function, each followed by its categories indented,
 * in two columns (baseline, recommended) under their level names; the
 * names are cut to what width leaves.  Nothing when no question names
 * CSF. */
static void
text_csf(FILE *f, const report_ctx *r, const coverage *c, int width)
{
  report_csf_row rows[REPORT_CSF_ROWS];
  size_t n = report_csf_rows(c, r->lang, rows);
  if (!n)
    return;
  fprintf(f, "%s\n", report_csf_heading());
  emit_wrapped(f, report_csf_note(), TX_INDENT, width);
  /* "GV    Govern", "  GV.OC Organisational context". */
  char *labels[REPORT_CSF_ROWS];
  int room = width - TX_INDENT - 2 * (TX_GAP + TX_COVERAGE), lw = 0;
  for (size_t i = 0; i < n; i++)
    {
      char *raw = xasprintf("%s%-5s %s", rows[i].category ? "  " : "", rows[i].id, rows[i].name);
      labels[i] = txt_ellipsize(raw, room);
      free(raw);
      if (txt_width(labels[i]) > lw)
        lw = txt_width(labels[i]);
    }
  fprintf(f, "%*s", TX_INDENT + lw + TX_GAP, "");
  txt_pad(f, qn_level_name(QN_BASELINE), TX_COVERAGE);
  fprintf(f, "%*s%s\n", TX_GAP, "", qn_level_name(QN_RECOMMENDED));
  for (size_t i = 0; i < n; i++)
    {
      char b[96], rb[96];
      cov_format(&rows[i].t[QN_BASELINE], b, sizeof b);
      cov_format(&rows[i].t[QN_RECOMMENDED], rb, sizeof rb);
      fprintf(f, "%*s", TX_INDENT, "");
      txt_pad(f, labels[i], lw);
      fprintf(f, "%*s", TX_GAP, "");
      txt_pad(f, b, TX_COVERAGE);
      fprintf(f, "%*s%s\n", TX_GAP, "", rb);
      free(labels[i]);
    }
  fputc('\n', f);
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
  const coverage *then = r->then && r->then->detailed ? r->then : NULL;
  int tw = width - TX_INDENT - idw - TX_GAP - TX_GAP - (TX_SECTION_BAR + TX_BRACKETS) - TX_GAP
           - TX_COVERAGE - (then ? TX_DELTA : 0);
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
      if (t->total && t->status[ANS_NONE] == t->total)
        fprintf(f, "%s\n", _("not yet answered"));
      else if (t->total)
        {
          char delta[64];
          cov_format_col(t, TX_PAREN, buf, sizeof buf);
          text_bar(f, t, TX_SECTION_BAR);
          fprintf(f, "%*s%s", TX_GAP, "", buf);
          cov_format_delta(t, then ? &then->section[s][QN_BASELINE] : NULL, delta, sizeof delta);
          fprintf(f, "%s%s\n", delta[0] ? ", " : "", delta);
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
      emit_hanging(f, prefix, qn_tr(&q->sections[s].level_note, r->lang), width);
      free(prefix);
      free(sid);
    }
}

static void
text_unmet(FILE *f, const report_ctx *r, const coverage *c, int width)
{
  const questionnaire *q = r->qn;
  unsigned unmet = (unsigned) c->nunmet;
  char *h = report_unmet_heading(r->a, c);
  fprintf(f, "%s\n", h);
  free(h);
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
      emit_wrapped(f, qn_tr(&x->text, r->lang), 2 * TX_INDENT, width);
      if (qn_text_given(&x->level_note))
        {
          char *why = xasprintf("%s: %s", report_level_note_label(), qn_tr(&x->level_note, r->lang));
          emit_wrapped(f, why, 2 * TX_INDENT, width);
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
          const ans_entry *e = &r->a->e[c->reconfirm[k]];
          if (e->proposal != ANS_NONE)
            /* TRANSLATORS: a migrated answer not taken as given: the status, then the old answer. */
            fprintf(f, _("%*s%s%*s[%s] %s (proposed: %s)\n"), TX_INDENT, "", id, TX_GAP, "",
                    qn_level_name(x->level), ans_status_name(e->status), ans_status_name(e->proposal));
          else
            fprintf(f, "%*s%s%*s[%s] %s\n", TX_INDENT, "", id, TX_GAP, "", qn_level_name(x->level),
                    ans_status_name(e->status));
          emit_wrapped(f, qn_tr(&x->text, r->lang), 2 * TX_INDENT, width);
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
            emit_wrapped(f, x->note, 2 * TX_INDENT, width);
          free(id);
        }
    }
  size_t nun = 0;
  for (size_t i = 0; i < q->nquestions; i++)
    nun += r->a->e[i].unreached;
  if (nun)
    {
      fprintf(f, "\n%s\n", _("Questions no earlier answer reached (after a migration)"));
      for (size_t pos = 0; pos < q->nquestions; pos++)
        {
          size_t i = q->order[pos];
          if (!r->a->e[i].unreached)
            continue;
          char *id = txt_sanitize(q->questions[i].id, true);
          fprintf(f, "%*s%s%*s[%s] %s\n", TX_INDENT, "", id, TX_GAP, "", qn_level_name(q->questions[i].level),
                  ans_status_name(r->a->e[i].status));
          free(id);
        }
    }
}

/* The scope answers and the questions they leave out, each with its
 * reason; only when the questionnaire asks scope questions. */
void
report_text_scope(FILE *f, const report_ctx *r, const coverage *c, int width)
{
  const questionnaire *q = r->qn;
  if (!report_has_scope(r))
    return;
  fprintf(f, "\n%s\n", report_scope_heading());
  int aw = 0;
  for (int v = 0; v < ANS_SCOPE_COUNT; v++)
    if (txt_width(ans_scope_name((enum ans_scope) v)) > aw)
      aw = txt_width(ans_scope_name((enum ans_scope) v));
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      const char *v = ans_scope_name(r->a->scope[k].value);
      char *text = report_scope_question(r, k);
      char *prefix = xasprintf("%*s%s%*s", TX_INDENT, "", v, aw - txt_width(v) + TX_GAP, "");
      emit_hanging(f, prefix, text, width);
      free(prefix);
      free(text);
    }
  char *out = report_scope_out_text(c);
  emit_wrapped(f, out, TX_INDENT, width);
  free(out);
  for (size_t k = 0; k < c->nout; k++)
    {
      size_t i = c->out[k];
      const qn_question *x = &q->questions[i];
      char *id = txt_sanitize(x->id, true);
      char *why = ans_scope_reason(r->a, i, r->lang);
      fprintf(f, "%*s%s%*s[%s] %s\n", TX_INDENT, "", id, TX_GAP, "", qn_level_name(x->level),
              ans_status_name(r->a->e[i].status));
      emit_wrapped(f, why, 2 * TX_INDENT, width);
      emit_wrapped(f, qn_tr(&x->text, r->lang), 2 * TX_INDENT, width);
      free(why);
      free(id);
    }
  fputc('\n', f);
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
  int lw = emit_max_width(labels, 2);
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
            emit_hanging(f, prefix, texts[t], width);
            free(prefix);
          }
      free(id);
    }
}

void
report_text_facts(FILE *f, const report_ctx *r, int width, const char *const *labels_more,
                  const char *const *values_more, int nmore)
{
  const questionnaire *q = r->qn;
  const char *labels[3 + ANS_FIELD_COUNT + 4] = { _("Questionnaire"), _("Version"), _("Answers file") };
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    labels[3 + i] = ans_field_name((enum ans_field) i);
  for (int i = 0; i < nmore && i < 4; i++)
    labels[3 + ANS_FIELD_COUNT + i] = labels_more[i];
  int lw = emit_max_width(labels, 3 + ANS_FIELD_COUNT + (size_t) (nmore < 4 ? nmore : 4));
  emit_field(f, labels[0], lw, qn_tr(&q->title, r->lang), width);
  char *ver = xasprintf("%s %s", q->id, q->version);
  emit_field(f, labels[1], lw, ver, width);
  free(ver);
  if (r->answers_path)
    emit_field(f, labels[2], lw, r->answers_path, width);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    emit_field(f, labels[3 + i], lw, report_profile_value(r, i), width);
  for (int i = 0; i < nmore && i < 4; i++)
    emit_field(f, labels_more[i], lw, values_more[i], width);
}

static void
text_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  int width = r->width > TX_MIN_WIDTH ? r->width : TX_WIDTH;

  emit_title(f, _("kijun: baseline coverage report"));

  /* The previous cycle: its file and when it began. */
  const char *more[] = { _("Previous cycle"), _("It started at") };
  const char *values[] = { r->then_path, report_time_text(r->then_started, r->lang) };
  report_text_facts(f, r, width, more, values, r->then && r->then_path ? 2 : 0);
  fputc('\n', f);

  text_overall(f, c, r->then, q->nquestions, width);
  fputc('\n', f);
  text_bases(f, q, c, r->lang, width);
  fputc('\n', f);
  text_counts(f, c);
  fputc('\n', f);
  emit_wrapped(f, report_formula_text(), 0, width);
  fputc('\n', f);
  text_phases(f, c, r->then);
  fputc('\n', f);
  text_csf(f, r, c, width);
  text_sections(f, r, c, width);
  fputc('\n', f);
  report_text_scope(f, r, c, width);
  text_unmet(f, r, c, width);
  text_carried(f, r, c, width);
  text_notes(f, r, c, width);
  if (c->editorial)
    {
      fputc('\n', f);
      emit_wrapped(f, report_editorial_text(), 0, width);
      fprintf(f, ngettext("%zu question of %zu has a level of kijun's reading.\n",
                          "%zu questions of %zu have a level of kijun's reading.\n", c->editorial),
              c->editorial, q->nquestions);
    }
}

/* ---- Markdown ---------------------------------------------------------- */

void
report_md_facts(FILE *f, const report_ctx *r)
{
  const questionnaire *q = r->qn;
  fprintf(f, "| | |\n|---|---|\n| %s | ", _("Questionnaire"));
  emit_md(f, qn_tr(&q->title, r->lang));
  fprintf(f, " |\n| %s | ", _("Version"));
  emit_md(f, q->id);
  fputc(' ', f);
  emit_md(f, q->version);
  fputs(" |\n", f);
  if (r->answers_path)
    {
      fprintf(f, "| %s | ", _("Answers file"));
      emit_md(f, r->answers_path);
      fputs(" |\n", f);
    }
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    {
      fprintf(f, "| %s | ", ans_field_name((enum ans_field) i));
      emit_md(f, report_profile_value(r, i));
      fputs(" |\n", f);
    }
}

/* An item's figure in the Markdown table: "-" without questions, "not
 * yet answered" when none is answered, and unanswered ones said apart. */
static char *
md_cell(const cov_tally *t)
{
  char b[64];
  cov_format(t, b, sizeof b);
  if (!t->total)
    return xstrdup("-");
  if (t->status[ANS_NONE] == t->total)
    return xstrdup(_("not yet answered"));
  if (!t->status[ANS_NONE])
    return xstrdup(b);
  char *u = xasprintf(_("%u unanswered"), t->status[ANS_NONE]);
  char *out = xasprintf("%s, %s", b, u);
  free(u);
  return out;
}

/* A questionnaire's text under a bold label, each of its lines a
 * paragraph. */
static void
md_qn_paras(FILE *f, const char *label, const qn_text *t, enum lang lang)
{
  if (!qn_text_given(t))
    return;
  fputs("**", f);
  emit_md(f, label);
  fputs(":**\n\n", f);
  const char *p = qn_tr(t, lang);
  while (*p)
    {
      size_t n = strcspn(p, "\n");
      char *para = xstrndup(p, n);
      emit_md(f, para);
      fputs("\n\n", f);
      free(para);
      p += n + (p[n] != '\0');
    }
}

/* The scope section in Markdown (see report_text_scope). */
void
report_md_scope(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  if (!report_has_scope(r))
    return;
  fprintf(f, "\n## %s\n\n| %s | %s |\n|---|---|\n", report_scope_heading(), _("Scope question"),
          _("Answer"));
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      fputs("| ", f);
      emit_md(f, text);
      fprintf(f, " | %s |\n", ans_scope_name(r->a->scope[k].value));
      free(text);
    }
  char *out = report_scope_out_text(c);
  fputc('\n', f);
  emit_md(f, out);
  fputs("\n", f);
  free(out);
  if (c->nout)
    fprintf(f, "\n| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Question"), _("Answer"), _("Reason"),
            _("Text"));
  for (size_t k = 0; k < c->nout; k++)
    {
      size_t i = c->out[k];
      char *why = ans_scope_reason(r->a, i, r->lang);
      fputs("| ", f);
      emit_md(f, q->questions[i].id);
      fprintf(f, " | %s | ", ans_status_name(r->a->e[i].status));
      emit_md(f, why);
      fputs(" | ", f);
      emit_md(f, qn_tr(&q->questions[i].text, r->lang));
      fputs(" |\n", f);
      free(why);
    }
}

static void
md_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  char buf[64], buf2[64];
  fprintf(f, "# %s\n\n", _("kijun: baseline coverage report"));
  report_md_facts(f, r);
  char *caveat = report_caveat_text(c, q->nquestions);
  fprintf(f, "\n**%s:** %s\n\n", _("Verdict"), report_verdict_text(c));
  if (caveat)
    {
      fputs("> ", f);
      emit_md(f, caveat);
      fputs("\n\n", f);
    }
  free(caveat);
  fprintf(f, "%s:\n\n", report_bases_heading());
  for (int b = 0; b < QN_BASIS_COUNT; b++)
    if (c->by_basis[b])
      {
        fprintf(f, "- %zu/%zu ", c->by_basis[b], q->nquestions);
        emit_md(f, qn_basis_name((enum qn_basis) b));
        if (*report_basis_label((enum qn_basis) b))
          fputc(' ', f);
        emit_md(f, report_basis_label((enum qn_basis) b));
        fputs(": ", f);
        emit_md(f, qn_basis_desc((enum qn_basis) b));
        fputc('\n', f);
      }
  fputc('\n', f);
  md_qn_paras(f, report_rests_heading(), &q->source, r->lang);
  md_qn_paras(f, report_rules_heading(), &q->guidance, r->lang);

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

  report_csf_row crows[REPORT_CSF_ROWS];
  size_t ncsf = report_csf_rows(c, r->lang, crows);
  if (ncsf)
    {
      fprintf(f, "\n## %s\n\n%s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", report_csf_heading(),
              report_csf_note(), _("CSF"), _("Name"), qn_level_name(QN_BASELINE),
              qn_level_name(QN_RECOMMENDED));
      for (size_t i = 0; i < ncsf; i++)
        {
          cov_format(&crows[i].t[QN_BASELINE], buf, sizeof buf);
          cov_format(&crows[i].t[QN_RECOMMENDED], buf2, sizeof buf2);
          /* Functions bold, their categories under them. */
          fprintf(f, crows[i].category ? "| %s | " : "| **%s** | ", crows[i].id);
          emit_md(f, crows[i].name);
          fprintf(f, " | %s | %s |\n", buf, buf2);
        }
    }

  fprintf(f, "\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", _("By section"), _("Item"),
          _("Title"), qn_level_name(QN_BASELINE), qn_level_name(QN_RECOMMENDED));
  for (size_t s = 0; s < q->nsections; s++)
    {
      fputs("| ", f);
      emit_md(f, q->sections[s].id);
      fputs(" | ", f);
      emit_md(f, qn_tr(&q->sections[s].title, r->lang));
      char *cell[QN_LEVEL_COUNT];
      for (int l = 0; l < QN_LEVEL_COUNT; l++)
        cell[l] = md_cell(&c->section[s][l]);
      fprintf(f, " | %s | %s |\n", cell[QN_BASELINE], cell[QN_RECOMMENDED]);
      free(cell[0]);
      free(cell[1]);
    }
  bool notes = false;
  for (size_t s = 0; s < q->nsections; s++)
    if (qn_text_given(&q->sections[s].level_note))
      {
        fputs(notes ? "- " : "\n- ", f);
        notes = true;
        emit_md(f, q->sections[s].id);
        fputs(": ", f);
        emit_md(f, qn_tr(&q->sections[s].level_note, r->lang));
        fputc('\n', f);
      }

  report_md_scope(f, r, c);

  char *uh = report_unmet_heading(r->a, c);
  fprintf(f, "\n## %s\n\n", uh);
  free(uh);
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
      emit_md(f, x->id);
      if (x->basis == QN_BASIS_EDITORIAL)
        {
          fputc(' ', f);
          emit_md(f, REPORT_MARK);
        }
      fprintf(f, " | %s | %s | ", qn_phase_name(x->phase), report_unmet_reason(&r->a->e[i]));
      emit_md(f, qn_tr(&x->text, r->lang));
      fputs(" | ", f);
      if (qn_text_given(&x->level_note))
        emit_md(f, qn_tr(&x->level_note, r->lang));
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
          emit_md(f, x->id);
          fprintf(f, " | %s | %s | ", qn_level_name(x->level), ans_status_name(r->a->e[c->reconfirm[k]].status));
          emit_md(f, qn_tr(&x->text, r->lang));
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
          emit_md(f, x->question);
          fprintf(f, " | %s | ", report_retired_status(x));
          emit_md(f, x->note ? x->note : "");
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
          emit_md(f, q->questions[c->noted[k]].id);
          fprintf(f, " | %s | ", ans_status_name(e->status));
          emit_md(f, e->note ? e->note : "");
          fputs(" | ", f);
          emit_md(f, e->evidence ? e->evidence : "");
          fputs(" |\n", f);
        }
    }
  if (c->editorial)
    {
      fputs("\n> ", f);
      emit_md(f, report_editorial_text());
      fputc('\n', f);
    }
}

/* ---- CSV --------------------------------------------------------------- */

void
report_csv_tally(FILE *f, const cov_tally *t)
{
  char pct[COV_PERCENT_SIZE];
  const char *p = cov_percent_text(t, pct);
  fprintf(f, ",%u,%u,%s,%u", t->met, t->applicable, p ? p : "", t->total);
  for (int i = 0; i < ANS_STATUS_COUNT; i++)
    fprintf(f, ",%u", t->status[ans_status_nth(i)]);
  fprintf(f, ",%u,%u", t->no_reason, t->reconfirm);
}

static void
csv_row(FILE *f, const char *scope, const char *id, const char *title, int level, const cov_tally *t)
{
  emit_csv(f, scope);
  fputc(',', f);
  emit_csv(f, id);
  fputc(',', f);
  emit_csv(f, title);
  fprintf(f, ",%s", qn_level_key((enum qn_level) level));
  report_csv_tally(f, t);
  fputs("\r\n", f);
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
  emit_csv(f, scope);
  fputc(',', f);
  emit_csv(f, id);
  fputc(',', f);
  emit_csv(f, title);
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
  report_csf_row crows[REPORT_CSF_ROWS];
  size_t ncsf = report_csf_rows(c, r->lang, crows);
  for (size_t i = 0; i < ncsf; i++)
    for (int l = 0; l < QN_LEVEL_COUNT; l++)
      csv_row(f, crows[i].scope, crows[i].id, crows[i].name, l, &crows[i].t[l]);
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
  /* The scope answers (the answer in the title column), and each
   * question out of scope with its reason there, counted under its
   * status; kijun-questionnaire(5). */
  for (size_t k = 0; k < r->a->nscope; k++)
    {
      char *text = report_scope_question(r, k);
      char *title = xasprintf("%s: %s", text, ans_scope_key(r->a->scope[k].value)[0]
                                                  ? ans_scope_key(r->a->scope[k].value) : "-");
      fputs("scope_question,", f);
      emit_csv(f, r->a->scope[k].id);
      fputc(',', f);
      emit_csv(f, title);
      fputs(",,,,,", f);
      for (int i = 0; i < ANS_STATUS_COUNT; i++)
        fputc(',', f);
      fputs(",,\r\n", f);
      free(title);
      free(text);
    }
  for (size_t k = 0; k < c->nout; k++)
    {
      const qn_question *x = &q->questions[c->out[k]];
      char *why = ans_scope_reason(r->a, c->out[k], r->lang);
      csv_answer_row(f, "not_in_scope", x->id, why, (int) x->level, r->a->e[c->out[k]].status,
                     r->a->e[c->out[k]].reconfirm);
      free(why);
    }
}

/* ---- JSON -------------------------------------------------------------- */

void
report_json_tally(FILE *f, const cov_tally *t)
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
      report_json_tally(f, &t[l]);
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
  emit_json(f, qn_tr(t, l));
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
          emit_json(f, qn_tr(&s->lg[k].items, l));
          fputs(" }", f);
        }
      fputs(s->nlg ? " ]" : "]", f);
    }
  json_note(f, "lg_note", &s->lg_note, l);
}

void
report_json_head(FILE *f, const questionnaire *q, enum lang lang, const char *schema,
                 const char *as_of)
{
  char now[32];
  ans_now(now);
  fputs("{\n", f);
  emit_json_kv(f, "  ", "schema", schema, true);
  emit_json_kv(f, "  ", "generated", now, true);
  emit_json_kv(f, "  ", "language", lang_code(lang), true);
  if (as_of)
    emit_json_kv(f, "  ", "as_of", as_of, true);
  fputs("  \"questionnaire\": {\n", f);
  emit_json_kv(f, "    ", "id", q->id, true);
  emit_json_kv(f, "    ", "version", q->version, true);
  fprintf(f, "    \"edition\": %u,\n", q->edition);
  emit_json_kv(f, "    ", "digest", qn_digest(q), true);
  emit_json_kv(f, "    ", "title", qn_tr(&q->title, lang), false);
  fputs("  },\n", f);
}

/* The scope section as the member "scope" of a JSON object (with its
 * comma): only for a questionnaire that asks scope questions (or answers
 * kept to some), as in every format; kijun-questionnaire(5). */
void
report_json_scope(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  if (!report_has_scope(r))
    return;
  fputs("  \"scope\": {\n    \"answers\": [", f);
  for (size_t k = 0; k < a->nscope; k++)
    {
      fputs(k ? ",\n      { \"id\": " : "\n      { \"id\": ", f);
      emit_json(f, a->scope[k].id);
      fputs(", \"answer\": ", f);
      emit_json(f, a->scope[k].value ? ans_scope_key(a->scope[k].value) : NULL);
      fprintf(f, ", \"asked\": %s, \"question\": ", k < q->nscopes ? "true" : "false");
      emit_json(f, k < q->nscopes ? qn_tr(&q->scopes[k].text, r->lang) : NULL);
      fputs(" }", f);
    }
  fputs(a->nscope ? "\n    ],\n    \"out_of_scope\": [" : "],\n    \"out_of_scope\": [", f);
  for (size_t k = 0; k < c->nout; k++)
    {
      fputs(k ? ", " : " ", f);
      emit_json(f, q->questions[c->out[k]].id);
    }
  fputs(c->nout ? " ],\n    \"reasons\": [" : "],\n    \"reasons\": [", f);
  for (size_t k = 0; k < c->nout; k++)
    {
      char *why = ans_scope_reason(a, c->out[k], r->lang);
      fputs(k ? ",\n      { \"question\": " : "\n      { \"question\": ", f);
      emit_json(f, q->questions[c->out[k]].id);
      fputs(", \"reason\": ", f);
      emit_json(f, why);
      fputs(" }", f);
      free(why);
    }
  fputs(c->nout ? "\n    ]\n  },\n" : "]\n  },\n", f);
}

static void
json_report(FILE *f, const report_ctx *r, const coverage *c)
{
  const questionnaire *q = r->qn;
  const assessment *a = r->a;
  report_json_head(f, q, r->lang, "kijun-report/1", NULL);
  emit_json_kv(f, "  ", "answers_file", r->answers_path, true);
  fputs("  \"profile\": {\n", f);
  for (int i = 0; i < ANS_FIELD_COUNT; i++)
    emit_json_kv(f, "    ", ans_field_key((enum ans_field) i), a->profile[i], true);
  emit_json_kv(f, "    ", "sector_name", report_sector_name(r), false);
  fputs("  },\n", f);
  emit_json_kv(f, "  ", "formula", report_formula_text(), true);
  emit_json_kv(f, "  ", "verdict", cov_verdict_key(c->verdict), true);
  emit_json_kv(f, "  ", "verdict_label", report_verdict_text(c), true);
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
      report_json_phase_head(f, (enum qn_phase) p);
      fputs(", ", f);
      json_levels(f, c->phase[p]);
      fputs(p + 1 < QN_PHASE_COUNT ? " },\n" : " }\n", f);
    }
  fputs("  ],\n  \"sections\": [\n", f);
  for (size_t s = 0; s < q->nsections; s++)
    {
      report_json_section_head(f, &q->sections[s], r->lang);
      json_lg(f, &q->sections[s], r->lang);
      json_note(f, "level_note", &q->sections[s].level_note, r->lang);
      fputs(", ", f);
      json_levels(f, c->section[s]);
      fputs(s + 1 < q->nsections ? " },\n" : " }\n", f);
    }
  /* By CSF: functions and categories some question names, each once. */
  report_csf_row crows[REPORT_CSF_ROWS];
  size_t ncsf = report_csf_rows(c, r->lang, crows);
  fputs("  ],\n  \"csf\": [", f);
  for (size_t i = 0; i < ncsf; i++)
    {
      fprintf(f, "%s    { \"scope\": \"%s\", \"id\": \"%s\", \"name\": ", i ? ",\n" : "\n",
              crows[i].scope, crows[i].id);
      emit_json(f, crows[i].name);
      fputs(", ", f);
      json_levels(f, crows[i].t);
      fputs(" }", f);
    }
  unsigned un = report_unmet_unanswered(r->a, c);
  fprintf(f, ncsf ? "\n  ],\n  \"unmet_baseline_counts\": { \"not_met\": %u, \"unanswered\": %u },\n"
                  : "],\n  \"unmet_baseline_counts\": { \"not_met\": %u, \"unanswered\": %u },\n",
          (unsigned) c->nunmet - un, un);
  fputs("  \"unmet_baseline\": [", f);
  for (size_t k = 0; k < c->nunmet; k++)
    {
      fputs(k ? ",\n    " : "\n    ", f);
      emit_json(f, q->questions[c->unmet[k]].id);
    }
  fputs(c->nunmet ? "\n  ],\n" : "],\n", f);
  report_json_scope(f, r, c);
  fputs("  \"answers\": [\n", f);
  for (size_t pos = 0; pos < q->nquestions; pos++)
    {
      size_t i = q->order[pos];
      const qn_question *x = &q->questions[i];
      const ans_entry *e = &a->e[i];
      fputs("    { \"question\": ", f);
      emit_json(f, x->id);
      fputs(", \"section\": ", f);
      emit_json(f, q->sections[x->section].id);
      fprintf(f, ", \"phase\": \"%s\", \"level\": \"%s\", \"level_basis\": ", qn_phase_key(x->phase),
              qn_level_key(x->level));
      emit_json(f, x->basis ? qn_basis_key(x->basis) : NULL);
      json_note(f, "level_note", &x->level_note, r->lang);
      fputs(", \"csf\": ", f);
      emit_json(f, x->ncsf ? csf_function_key((enum csf_function) x->csf[0].fn) : NULL);
      fputs(", \"csf_refs\": [", f);
      for (size_t k = 0; k < x->ncsf; k++)
        {
          char one[CSF_REF_SIZE];
          fputs(k ? ", " : "", f);
          emit_json(f, csf_ref_text(&x->csf[k], one));
        }
      fputs("]", f);
      char *why = ans_scope_reason(a, i, r->lang);
      fprintf(f, ", \"status\": \"%s\", \"met\": %s, \"reconfirm\": %s, ",
              ans_status_key(e->status),
              why || cov_result(e) == COV_EXCLUDED ? "null" : cov_result(e) == COV_MET ? "true" : "false",
              e->reconfirm ? "true" : "false");
      /* Out of scope: said only then, so that the answers of a
       * questionnaire without scope questions read as they always did. */
      if (why)
        {
          fputs("\"in_scope\": false, \"scope_reason\": ", f);
          emit_json(f, why);
          fputs(", ", f);
          free(why);
        }
      fputs("\"note\": ", f);
      emit_json(f, e->note);
      fputs(", \"evidence\": ", f);
      emit_json(f, e->evidence);
      fputs(", \"updated\": ", f);
      emit_json(f, e->updated);
      fputs(", \"text\": ", f);
      emit_json(f, qn_tr(&x->text, r->lang));
      fputs(pos + 1 < q->nquestions ? " },\n" : " }\n", f);
    }
  /* After a migration, the questions no earlier answer reached. */
  bool any = false;
  for (size_t pos = 0; pos < q->nquestions; pos++)
    if (a->e[q->order[pos]].unreached)
      {
        fputs(any ? ", " : "  ],\n  \"unreached\": [", f);
        emit_json(f, q->questions[q->order[pos]].id);
        any = true;
      }
  fputs("  ],\n  \"retired\": [", f);
  for (size_t k = 0; k < a->nretired; k++)
    {
      const ans_retired *x = &a->retired[k];
      fputs(k ? ",\n    { \"question\": " : "\n    { \"question\": ", f);
      emit_json(f, x->question);
      fprintf(f, ", \"status\": \"%s\", \"note\": ", ans_status_key(x->status));
      emit_json(f, x->note);
      fputs(", \"evidence\": ", f);
      emit_json(f, x->evidence);
      fputs(", \"updated\": ", f);
      emit_json(f, x->updated);
      fputs(", \"from\": ", f);
      emit_json(f, x->from);
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
  text_overall(f, &c, r->then, r->qn->nquestions, r->width > TX_MIN_WIDTH ? r->width : TX_WIDTH);
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
  int rc = 0;
  fmt = report_fmt_begin(f, fmt);
  switch (fmt)
    {
    case REPORT_TEXT: text_report(f, r, &c); break;
    case REPORT_MARKDOWN: md_report(f, r, &c); break;
    case REPORT_CSV: csv_report(f, r, &c); break;
    case REPORT_JSON: json_report(f, r, &c); break;
    case REPORT_HTML: html_report(f, r, &c); break;
    case REPORT_XLSX: rc = xlsx_report(f, r, &c); break;
    case REPORT_CSV_EXCEL: break;
    }
  i18n_switch_messages(ui);
  cov_free(&c);
  return rc ? rc : ferror(f) ? EX_IOERR : 0;
}
