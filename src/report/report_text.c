/* report_text: the single-assessment report as plain text, for a
 * terminal or a mail: wrapped to the width asked, columns by display
 * width, bars drawn with # and -.  See report.h. */
#include <config.h>
#include "report/report.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/coverage.h"
#include "report/emit.h"
#include "report/report_fmt.h"
#include "base/text.h"
#include "base/xalloc.h"

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
  int nk = report_unmet_kinds(kinds);
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

void
report_text(FILE *f, const report_ctx *r, const coverage *c)
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
